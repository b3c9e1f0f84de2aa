"""Helpers for the print and PDF tests (issue 4).

The chapter tests run on the fixture repository's docs/ (tests/repo.py: the pinned seeds, built in a
temporary directory), building every PDF once per session into a temporary site with a temporary cache.
"""

from __future__ import annotations

import html as _html
import re
import unicodedata
from functools import lru_cache
from pathlib import Path

import markdown
from handbook.pdf import find_cjk_font, load_chapters
from tests.repo import fixture_repo

ROOT = Path(__file__).resolve().parents[2]
FIXTURE_DOCS = Path(__file__).resolve().parent / "fixtures" / "docs"
ARTIFACTS = ROOT / "test-artifacts"
MM = 72 / 25.4

# Text that belongs to the site's chrome, never to a printed chapter (Material, language zh, and ours).
NAV_TEXT = ["搜索", "跳转至", "回到页面顶部", "上一页", "下一页", "目录", "Made with", "Material for MkDocs",
            "下载 PDF", "下载PDF", "打印", "复制", "切换", "分享"]


# the fixture repository's chapters (tests/repo.py), never the live docs/
DOCS = fixture_repo() / "docs"
CHAPTERS = load_chapters(DOCS)


def chapter_id(c) -> str:
    return f"{c.role_slug}/{c.slug}"


# ---- text helpers -------------------------------------------------------------------------------------

@lru_cache(maxsize=1)
def _radical_map() -> dict[int, str]:
    """CJK radical code points -> the unified ideograph with the same glyph in the CJK font.

    Chromium writes ToUnicode entries for shared glyphs with the radical (⼈ U+2F08, ⺠ U+2EA0) instead of
    the ideograph (人, 民); NFKC folds only some of them, so map them through the font's own cmap."""
    from fontTools.ttLib import TTFont

    with TTFont(find_cjk_font(), lazy=True) as tt:
        cmap = tt.getBestCmap()
    by_glyph: dict[str, int] = {}
    for cp, glyph in sorted(cmap.items()):
        if 0x4E00 <= cp <= 0x9FFF and glyph not in by_glyph:
            by_glyph[glyph] = cp
    return {cp: chr(by_glyph[g]) for cp, g in cmap.items()
            if (0x2E80 <= cp <= 0x2FDF or 0xF900 <= cp <= 0xFAFF) and g in by_glyph}


def norm(text: str) -> str:
    """Text for comparison: radicals folded to ideographs, NFKC, no whitespace."""
    text = text.translate(_radical_map())
    text = unicodedata.normalize("NFKC", text)
    return re.sub(r"\s+", "", text)


def md_blocks(body_md: str) -> list[str]:
    """Plain text of the chapter's paragraphs and list items, in order (headings left out)."""
    html = markdown.markdown(body_md, extensions=["extra", "sane_lists"])
    blocks = re.findall(r"<(p|li)>(.*?)</\1>", html, flags=re.S)
    out = [_html.unescape(re.sub(r"<[^>]+>", "", b)).strip() for _, b in blocks]
    return [b for b in out if b]


_SENTENCE = re.compile(r"[^。！？!?]+(?:[。！？!?]+[”’」』）)]*)?")


def sentences(text: str) -> list[str]:
    return [s.strip() for s in _SENTENCE.findall(text) if s.strip()]


def first_sentence(body_md: str) -> str:
    return sentences(md_blocks(body_md)[0])[0]


def last_sentence(body_md: str) -> str:
    return sentences(md_blocks(body_md)[-1])[-1]


def page_body_text(page, top_mm: float, bottom_mm: float) -> str:
    """A PDF page's text inside the page margins (running header and footer left out)."""
    height = float(page.mediabox.height)
    lo, hi = bottom_mm * MM - 15, height - top_mm * MM + 5
    parts: list[str] = []

    def visit(text, cm, tm, font_dict, font_size):
        y = tm[5] * cm[3] + tm[4] * cm[1] + cm[5]
        if lo < y < hi:
            parts.append(text)

    page.extract_text(visitor_text=visit)
    return "".join(parts)


def pdf_body_text(reader, top_mm: float, bottom_mm: float) -> str:
    return "".join(page_body_text(p, top_mm, bottom_mm) for p in reader.pages)


def pdf_text(reader) -> str:
    return "\n".join(p.extract_text() for p in reader.pages)


def nav_text_for(chapter) -> list[str]:
    """Navigation strings that must not be printed, minus any the chapter's own text contains."""
    own = norm(chapter.path.read_text(encoding="utf-8"))
    return [s for s in NAV_TEXT if norm(s) not in own]
