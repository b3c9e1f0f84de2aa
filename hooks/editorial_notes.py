"""MkDocs hook: the editorial notes inside a chapter's text (〔原文此处缺失〕 …) are marked with
<span class="hb-note">, so readers see them as the editors' words, not the author's."""

from __future__ import annotations

import re

from handbook.contract import NOTE, ChapterMeta

TAG = re.compile(r"(<[^>]*>)")


def on_page_content(html, page, config, files):
    if not ChapterMeta.is_chapter(page.meta):
        return html
    # only in text, never inside a tag (an attribute value)
    parts = TAG.split(html)
    return "".join(p if p.startswith("<") else NOTE.sub(r'<span class="hb-note">\g<0></span>', p) for p in parts)
