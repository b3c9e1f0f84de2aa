"""MkDocs plugin `handbook/editions`: the editions for reading away from the site, after the PDFs
(hooks/pdf.py) and the redirect pages (hooks/redirects.py).

After every build it writes site/epub/handbook.epub and site/epub/<role_slug>.epub (handbook/epub.py,
cached under build/epub-cache/ by content), then the offline copy site/offline/handbook-offline.zip of
everything built so far (handbook/offline.py); not under `mkdocs serve`, where it would zip the whole
site again after every edit. It runs after every other plugin and hook: the copy holds only what was
written before it.
"""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority

from handbook.epub import build_epubs
from handbook.offline import build_offline
from handbook.pdf import ChapterError

log = logging.getLogger("mkdocs.plugins.handbook.editions")


class EditionsPlugin(BasePlugin):
    """The EPUBs and the offline copy, written after the site; the offline copy not while serving."""

    def __init__(self):
        self.command = "build"

    def on_startup(self, *, command, dirty):
        self.command = command

    @event_priority(-200)  # last: the offline copy holds what the other hooks wrote (PDFs, redirect pages)
    def on_post_build(self, *, config):
        project = Path(config.config_file_path).resolve().parent
        try:
            epubs = build_epubs(config.docs_dir, config.site_dir, cache_dir=project / "build" / "epub-cache",
                                title=config.site_name, log=log.debug)
        except ChapterError as exc:
            raise PluginError(f"EPUB: {exc}") from exc
        log.info("EPUB: %s", epubs.summary())
        if self.command == "serve":
            log.info("Offline: not built while serving (`make site` builds it)")
        else:
            log.info("Offline: %s", build_offline(config.site_dir).summary())
