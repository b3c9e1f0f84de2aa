"""MkDocs hook: print and PDF.

Register in mkdocs.yml under `hooks:` as `- hooks/pdf.py`. After every build it writes
site/pdf/<role_slug>/<slug>.pdf for each chapter in docs/ and site/pdf/handbook.pdf (WeasyPrint, cached
under build/pdf-cache/ by content), so the PDFs are never behind the pages. A missing CJK font fails the
build with a message naming the font. Standalone: `python -m handbook.pdf SITE_DIR`.
"""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.exceptions import PluginError

from handbook.pdf import ChapterError, FontMissingError, build_pdfs, check_cjk_font

_ROOT = Path(__file__).resolve().parent.parent

log = logging.getLogger("mkdocs.hooks.pdf")


def on_config(config, **kwargs):
    # fail before the site is built, not after
    try:
        check_cjk_font()
    except FontMissingError as exc:
        raise PluginError(f"PDF: {exc}") from exc
    return config


def on_post_build(config, **kwargs):
    project = Path(config.config_file_path).resolve().parent if config.config_file_path else _ROOT
    try:
        result = build_pdfs(config.docs_dir, config.site_dir, cache_dir=project / "build" / "pdf-cache",
                            title=config.site_name, log=log.debug)
    except (FontMissingError, ChapterError) as exc:
        raise PluginError(f"PDF: {exc}") from exc
    log.info("PDF: %s", result.summary())
