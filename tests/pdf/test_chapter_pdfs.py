"""Per-chapter PDFs: text, fonts, no navigation chrome, metadata, and a page-1 PNG to look at."""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest
from pypdf import PdfReader
from pypdf.generic import ContentStream

from tests.pdf.helpers import CHAPTERS, chapter_id, first_sentence, last_sentence, nav_text_for, norm, pdf_body_text, pdf_text

# WeasyPrint page margins from handbook/templates/print/print.css
TOP_MM, BOTTOM_MM = 26, 24


def reader_for(built, chapter) -> PdfReader:
    site, _ = built
    return PdfReader(site / "pdf" / chapter.role_slug / f"{chapter.slug}.pdf")


def test_every_chapter_has_a_pdf(built):
    site, result = built
    assert CHAPTERS, "no chapters to print"
    written = sorted(p.relative_to(site / "pdf").as_posix() for p in (site / "pdf").rglob("*.pdf"))
    expected = sorted([c.pdf_relpath for c in CHAPTERS] + ["handbook.pdf"])
    assert written == expected
    assert [r.title for r in result.chapters] == [c.title for c in CHAPTERS]


@pytest.mark.parametrize("chapter", CHAPTERS, ids=chapter_id)
def test_text_has_title_first_and_last_sentence(built, chapter):
    reader = reader_for(built, chapter)
    text = norm(pdf_text(reader))
    body = norm(pdf_body_text(reader, TOP_MM, BOTTOM_MM))
    assert norm(chapter.title) in text
    first, last = first_sentence(chapter.body_md), last_sentence(chapter.body_md)
    assert norm(first) in body, f"first sentence missing: {first}"
    assert norm(last) in body, f"last sentence missing: {last}"


@pytest.mark.parametrize("chapter", CHAPTERS, ids=chapter_id)
def test_every_font_is_the_embedded_cjk_subset(built, chapter):
    reader = reader_for(built, chapter)
    seen = set()
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            assert font["/Subtype"] == "/Type0", f"not a CID font (Type 3 fallback?): {font}"
            name = str(font["/BaseFont"])
            assert re.fullmatch(r"/[A-Z]{6}\+Noto-?Serif-?SC.*", name), f"unexpected font {name}"
            desc = font["/DescendantFonts"][0].get_object()["/FontDescriptor"].get_object()
            assert any(k in desc for k in ("/FontFile", "/FontFile2", "/FontFile3")), f"{name} not embedded"
            seen.add(name)
    assert seen


@pytest.mark.parametrize("chapter", CHAPTERS, ids=chapter_id)
def test_no_notdef_glyphs(built, chapter):
    """No glyph 0 (.notdef, the box) is drawn, and the text layer has no replacement characters."""
    reader = reader_for(built, chapter)
    drawn = 0
    for number, page in enumerate(reader.pages, 1):
        content = ContentStream(page.get_contents(), reader)
        for operands, op in content.operations:
            strings = []
            if op == b"Tj":
                strings = [operands[0]]
            elif op == b"TJ":
                strings = [x for x in operands[0] if not isinstance(x, (int, float)) and hasattr(x, "original_bytes")]
            for s in strings:
                raw = s.original_bytes if hasattr(s, "original_bytes") else bytes(s)
                codes = [raw[i:i + 2] for i in range(0, len(raw) - 1, 2)]
                drawn += len(codes)
                assert b"\x00\x00" not in codes, f"page {number} draws .notdef"
    assert drawn > len(chapter.title), "no glyphs found in the content streams"
    assert "\ufffd" not in pdf_text(reader)


@pytest.mark.parametrize("chapter", CHAPTERS, ids=chapter_id)
def test_no_navigation_text(built, chapter):
    text = norm(pdf_text(reader_for(built, chapter)))
    for nav in nav_text_for(chapter):
        assert norm(nav) not in text, f"navigation text {nav!r} printed"


@pytest.mark.parametrize("chapter", CHAPTERS, ids=chapter_id)
def test_metadata(built, chapter):
    reader = reader_for(built, chapter)
    meta = reader.metadata
    assert meta.title == chapter.title
    assert str(reader.trailer["/Root"]["/Lang"]) == "zh-CN"
    if chapter.source.get("site"):
        assert meta.author == chapter.source["site"]
    outline = [o.title for o in reader.outline if not isinstance(o, list)]
    assert outline[0] == chapter.title


def test_page_one_png(built, artifacts):
    """Render page 1 of a chapter to test-artifacts/ (look at it) and check it is not blank."""
    if not shutil.which("pdftoppm"):
        pytest.skip("pdftoppm not installed")
    from PIL import Image

    site, _ = built
    chapter = max(CHAPTERS, key=lambda c: len(c.notes) * 1000 + len(c.corrections))  # the richest header
    pdf = site / "pdf" / chapter.role_slug / f"{chapter.slug}.pdf"
    stem = artifacts / f"pdf-{chapter.role_slug}-{chapter.slug}-page1"
    subprocess.run(["pdftoppm", "-png", "-r", "80", "-f", "1", "-l", "1", "-singlefile", str(pdf), str(stem)],
                   check=True)
    png = stem.with_suffix(".png")
    with Image.open(png) as im:
        w, h = im.size
        assert abs(h / w - 297 / 210) < 0.01, "not A4"
        dark = sum(im.convert("L").point(lambda v: 255 if v < 128 else 0).histogram()[255:])
    assert dark > 0.005 * w * h, "page 1 looks blank"
