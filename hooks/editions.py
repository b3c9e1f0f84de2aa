"""MkDocs hook: the editions for reading away from the site, after the PDFs (hooks/pdf.py).

Register in mkdocs.yml after `- hooks/pdf.py`. After every build it writes site/epub/handbook.epub and
site/epub/<role_slug>.epub (handbook/epub.py, cached under build/epub-cache/ by content), then the offline
copy site/offline/handbook-offline.zip of everything built so far (handbook/offline.py); not under
`mkdocs serve`, where it would zip the whole site again after every edit. Keep this hook last: the copy
holds only what was written before it.
"""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from handbook.epub import build_epubs
from handbook.offline import build_offline
from handbook.pdf import ChapterError

_ROOT = Path(__file__).resolve().parent.parent

log = logging.getLogger("mkdocs.hooks.editions")
_command = "build"


def on_startup(command, **kwargs):
    global _command
    _command = command


@event_priority(-200)  # last: the offline copy holds what the other hooks wrote (PDFs, redirect pages)
def on_post_build(config, **kwargs):
    project = Path(config.config_file_path).resolve().parent if config.config_file_path else _ROOT
    try:
        epubs = build_epubs(config.docs_dir, config.site_dir, cache_dir=project / "build" / "epub-cache",
                            title=config.site_name, log=log.debug)
    except ChapterError as exc:
        raise PluginError(f"EPUB: {exc}") from exc
    log.info("EPUB: %s", epubs.summary())
    if _command == "serve":
        log.info("Offline: not built while serving (`make site` builds it)")
    else:
        log.info("Offline: %s", build_offline(config.site_dir).summary())
