"""MkDocs hook: old chapter addresses keep working (sources/redirects.yaml, kept by build_content.py).

After the build (and after hooks/pdf.py has written the PDFs) each old address gets a small Chinese
page that sends the reader on to the new one, and the chapter's PDF is also written at its old PDF
address (site/pdf/<old>.pdf), so saved links and printed QR codes keep working."""

from __future__ import annotations

import html
import shutil
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from handbook import redirects
from handbook.model import HandbookError

PAGE = """<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>本章已移至新地址</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<link rel="canonical" href="{href}">
<meta http-equiv="refresh" content="0; url={href}">
</head>
<body>
<p>本章已移至新地址：<a href="{href}">{href}</a>。如果页面没有自动跳转，请点击这个链接。</p>
</body>
</html>
"""


@event_priority(-100)  # after hooks/pdf.py has written the chapters' PDFs
def on_post_build(config, **kwargs):
    project = Path(config.config_file_path).resolve().parent
    try:
        moved = redirects.load(project / "sources" / "redirects.yaml")
    except HandbookError as err:
        raise PluginError(f"sources/redirects.yaml: {err}") from None
    site = Path(config.site_dir)
    for r in moved:
        page = site / r.old / "index.html"
        if page.exists():
            continue  # a page lives at this address again
        page.parent.mkdir(parents=True, exist_ok=True)
        # relative, so it works under any base path (GitHub Pages serves a project under /<repo>/)
        # and a directory URL ("…/"), as every page of the site is addressed (the offline copy adds index.html)
        page.write_text(PAGE.format(href=html.escape("../../" + r.new + "/")), encoding="utf-8")
        new_pdf, old_pdf = site / "pdf" / f"{r.new}.pdf", site / "pdf" / f"{r.old}.pdf"
        if new_pdf.is_file() and not old_pdf.exists():
            old_pdf.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(new_pdf, old_pdf)
