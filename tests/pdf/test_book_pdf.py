"""The whole-handbook PDF: outline, table of contents with right page numbers, parts by role, metadata."""

from __future__ import annotations

import re

import pytest
from pypdf import PdfReader

from tests.pdf.helpers import CHAPTERS, norm


@pytest.fixture(scope="module")
def book(built):
    site, _ = built
    return PdfReader(site / "pdf" / "handbook.pdf")


def outline_entries(reader, items=None, depth=0):
    out = []
    for item in reader.outline if items is None else items:
        if isinstance(item, list):
            out += outline_entries(reader, item, depth + 1)
        else:
            out.append((depth, item.title, reader.get_destination_page_number(item)))
    return out


def test_outline_has_parts_and_every_chapter(book, groups):
    entries = outline_entries(book)
    parts = [(t, p) for d, t, p in entries if d == 0]
    chapters = [(t, p) for d, t, p in entries if d == 1]
    assert [t for t, _ in parts if t != "目录"] == [g.full_name for g in groups]
    assert [t for t, _ in chapters] == [c.title for g in groups for c in g.chapters]
    for title, page in chapters:  # each bookmark lands on its chapter's opening page
        assert norm(title) in norm(book.pages[page].extract_text())


def toc_text(book) -> str:
    pages = [p.extract_text() for p in book.pages[:6]]
    start = next(i for i, t in enumerate(pages) if "目" in t and "录" in t and "·" in t)
    return "\n".join(pages[start:start + 3])


def test_toc_lists_every_chapter_with_its_page(book, groups):
    toc = norm(toc_text(book))
    for g in groups:
        assert norm(g.full_name) in toc
        for c in g.chapters:
            m = re.search(re.escape(norm(c.title)) + r"[·.…]+(\d+)", toc)
            assert m, f"{c.title} not in the table of contents"
            page = int(m.group(1))
            assert norm(c.title) in norm(book.pages[page - 1].extract_text()), (
                f"TOC says {c.title} is on page {page}")


def test_chapters_in_role_order(book, groups):
    text = norm("".join(p.extract_text() for p in book.pages))
    # after the table of contents, the chapters follow each other in the handbook's order
    after_toc = text[text.index(norm(groups[0].full_name), text.index(norm(CHAPTERS[-1].title)) + 1):]
    positions = [after_toc.find(norm(c.title)) for g in groups for c in g.chapters]
    assert -1 not in positions and positions == sorted(positions)


def test_book_metadata_and_fonts(book):
    assert book.metadata.title == "乡镇干部读本"
    assert str(book.trailer["/Root"]["/Lang"]) == "zh-CN"
    sites = {c.source.get("site") for c in CHAPTERS if c.source.get("site")}
    assert all(s in (book.metadata.author or "") for s in sites)
    for page in book.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            assert font["/Subtype"] == "/Type0" and re.fullmatch(r"/[A-Z]{6}\+Noto.*", str(font["/BaseFont"]))
