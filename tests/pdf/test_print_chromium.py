"""Printing a chapter page of the built site in real Chromium with the print stylesheet."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader

from tests.pdf.helpers import (CHAPTERS, chapter_id, first_sentence, last_sentence, nav_text_for, norm,
                               pdf_body_text, pdf_text)

# page margins from docs/assets/print.css
TOP_MM, BOTTOM_MM = 20, 22

@pytest.fixture(scope="module")
def site(site_dir):
    return site_dir


def page_url(site: Path, chapter) -> str:
    for rel in (f"{chapter.role_slug}/{chapter.slug}/index.html", f"{chapter.role_slug}/{chapter.slug}.html"):
        if (site / rel).is_file():
            return rel.removesuffix("index.html")
    pytest.fail(f"no page for {chapter.role_slug}/{chapter.slug} in the built site")


@pytest.fixture(scope="module")
def printed(site, server, browser, tmp_path_factory):
    out = tmp_path_factory.mktemp("chromium-pdf")
    cache = {}

    def print_chapter(chapter) -> Path:
        if chapter.slug not in cache:
            page = browser.new_page()
            page.goto(f"{server}{page_url(site, chapter)}", wait_until="networkidle")
            page.emulate_media(media="print")
            pdf = out / f"{chapter.role_slug}-{chapter.slug}.pdf"
            page.pdf(path=str(pdf), format="A4", prefer_css_page_size=True)
            page.close()
            cache[chapter.slug] = pdf
        return cache[chapter.slug]

    return print_chapter


@pytest.mark.parametrize("chapter", CHAPTERS, ids=chapter_id)
def test_printed_page_is_the_chapter_only(printed, chapter):
    reader = PdfReader(printed(chapter))
    text = norm(pdf_text(reader))
    for nav in nav_text_for(chapter):
        assert norm(nav) not in text, f"navigation text {nav!r} printed"
    # the navigation would list the other chapters; the printed page must not
    own = norm(chapter.path.read_text(encoding="utf-8"))
    for other in CHAPTERS:
        if other is not chapter and norm(other.title) not in own:
            assert norm(other.title) not in text, f"navigation entry {other.title!r} printed"
    assert norm(chapter.title) in text
    for note in chapter.notes:  # the header block's editorial notes print unfolded
        assert norm(str(note)) in text, f"editorial note missing: {note}"
    body = norm(pdf_body_text(reader, TOP_MM, BOTTOM_MM))
    first, last = first_sentence(chapter.body_md), last_sentence(chapter.body_md)
    assert norm(first) in body, f"first sentence missing: {first}"
    assert norm(last) in body, f"last sentence missing: {last}"


def test_printed_page_is_a4(printed):
    reader = PdfReader(printed(CHAPTERS[0]))
    box = reader.pages[0].mediabox
    assert abs(float(box.width) - 595.3) < 2 and abs(float(box.height) - 841.9) < 2


def test_printed_page_png(printed, artifacts):
    """Page 1 of the browser print, in test-artifacts/ to look at."""
    if not shutil.which("pdftoppm"):
        pytest.skip("pdftoppm not installed")
    chapter = CHAPTERS[0]
    stem = artifacts / f"chromium-{chapter.role_slug}-{chapter.slug}-page1"
    subprocess.run(["pdftoppm", "-png", "-r", "80", "-f", "1", "-l", "1", "-singlefile",
                    str(printed(chapter)), str(stem)], check=True)
    assert stem.with_suffix(".png").stat().st_size > 10_000


@pytest.mark.parametrize("chapter", CHAPTERS, ids=chapter_id)
def test_chapter_page_links_its_pdf_and_print(site, chapter):
    page = site / page_url(site, chapter)
    html = (page / "index.html" if page.is_dir() else page).read_text(encoding="utf-8")
    m = re.search(r'<a class="md-button chapter-actions__pdf" href="([^"]+)"', html)
    assert m, "no 下载 PDF link on the chapter page"
    target = (page / m.group(1) if page.is_dir() else page.parent / m.group(1)).resolve()
    assert target == (site / "pdf" / chapter.role_slug / f"{chapter.slug}.pdf").resolve()
    assert target.is_file() and target.stat().st_size > 1000
    assert 'onclick="window.print()"' in html and ">打印<" in html


def test_home_links_the_handbook_pdf(site):
    html = (site / "index.html").read_text(encoding="utf-8")
    assert 'href="pdf/handbook.pdf"' in html
    assert (site / "pdf" / "handbook.pdf").is_file()
