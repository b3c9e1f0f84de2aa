"""The PDF step: missing font fails naming it, the cache, stale PDFs, text the font cannot print."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

from handbook.pdf import FONT_ENV, FontMissingError, build_pdfs, check_cjk_font, find_cjk_font
from handbook.pdf.render import _printable
from tests.pdf.helpers import FIXTURE_DOCS, ROOT
from tests.repo import fixture_repo

MISSING = "/nonexistent/fonts/NotoSerifSC-Regular.otf"


def run_cli(*args, env=None):
    return subprocess.run([sys.executable, "-m", "handbook.pdf", *args], capture_output=True, text=True,
                          cwd=ROOT, env={**os.environ, **(env or {})})


def test_missing_font_fails_naming_the_font(tmp_path):
    proc = run_cli(str(tmp_path / "site"), "--docs", str(FIXTURE_DOCS), "--cache", str(tmp_path / "cache"),
                   env={FONT_ENV: MISSING})
    assert proc.returncode != 0
    assert "Noto Serif SC" in proc.stderr and "NotoSerifSC-Regular.otf" in proc.stderr
    assert MISSING in proc.stderr
    assert not list(tmp_path.rglob("*.pdf")), "wrote PDFs without the font"


def test_missing_font_parameter(tmp_path):
    with pytest.raises(FontMissingError, match="Noto Serif SC"):
        build_pdfs(FIXTURE_DOCS, tmp_path / "site", cache_dir=tmp_path / "cache", font=MISSING)
    assert not (tmp_path / "site").exists()


def test_font_without_cjk_glyphs_is_refused(tmp_path):
    latin = next((p for p in [Path("/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf"),
                              Path("/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf")]
                  if p.is_file()), None)
    if latin is None:
        pytest.skip("no Latin-only font on this machine")
    with pytest.raises(FontMissingError, match="Noto Serif SC.*lacks glyphs"):
        check_cjk_font(latin)
    proc = run_cli(str(tmp_path / "site"), "--docs", str(FIXTURE_DOCS), "--font", str(latin))
    assert proc.returncode != 0 and "Noto Serif SC" in proc.stderr


def test_mkdocs_build_fails_without_font(tmp_path):
    proc = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(tmp_path / "site")],
                          capture_output=True, text=True, cwd=fixture_repo(), env={**os.environ, FONT_ENV: MISSING})
    assert proc.returncode != 0
    assert "NotoSerifSC-Regular.otf" in proc.stdout + proc.stderr


def test_font_comes_from_the_package():
    font = find_cjk_font()
    assert font.name == "NotoSerifSC-Regular.otf" and "pylopdf_fonts_zh_cn" in str(font)


def test_cache_reuses_unchanged_chapters(tmp_path):
    docs = shutil.copytree(FIXTURE_DOCS, tmp_path / "docs")
    site, cache = tmp_path / "site", tmp_path / "cache"
    first = build_pdfs(docs, site, cache_dir=cache, jobs=1)
    assert first.rendered == 3 and len(first.chapters) == 2 and first.book
    again = build_pdfs(docs, site, cache_dir=cache, jobs=1)
    assert again.rendered == 0
    text = "".join(p.extract_text() for p in PdfReader(site / "pdf/shuji/yangben-yi.pdf").pages)
    assert "U+E48E" in text and "校订记录" in text  # the correction's damaged `find`, printable

    # a changed chapter: its PDF and the handbook are rendered again, the other chapter is reused
    chapter = docs / "zugong/yangben-er.md"
    chapter.write_text(chapter.read_text(encoding="utf-8").replace("本分。", "本分，要常抓不懈。"), encoding="utf-8")
    changed = build_pdfs(docs, site, cache_dir=cache, jobs=1)
    assert {r.path.name: r.cached for r in changed.chapters} == {"yangben-yi.pdf": True, "yangben-er.pdf": False}
    assert not changed.book.cached

    # a chapter that is gone takes its PDF with it
    chapter.unlink()
    build_pdfs(docs, site, cache_dir=cache, jobs=1)
    assert not (site / "pdf/zugong/yangben-er.pdf").exists()
    assert (site / "pdf/shuji/yangben-yi.pdf").exists()


def test_parallel_build_matches_serial_byte_for_byte(tmp_path):
    """Rendering is deterministic: serial and parallel builds (separate caches) give identical PDFs."""
    serial = build_pdfs(FIXTURE_DOCS, tmp_path / "a", cache_dir=tmp_path / "ca", jobs=1)
    parallel = build_pdfs(FIXTURE_DOCS, tmp_path / "b", cache_dir=tmp_path / "cb", jobs=2)
    assert serial.rendered == parallel.rendered == 3
    for r in serial.chapters + [serial.book]:
        rel = r.path.relative_to(tmp_path / "a")
        assert (tmp_path / "b" / rel).read_bytes() == r.path.read_bytes(), rel


def test_unprintable_text_in_body_fails_naming_chapter(tmp_path):
    docs = shutil.copytree(FIXTURE_DOCS, tmp_path / "docs")
    chapter = docs / "zugong/yangben-er.md"
    chapter.write_text(chapter.read_text(encoding="utf-8").replace("本分。", "本分\ue48e。"), encoding="utf-8")
    with pytest.raises(FontMissingError, match=r"U\+E48E.*yangben-er\.md"):
        build_pdfs(docs, tmp_path / "site", cache_dir=tmp_path / "cache")
    assert not (tmp_path / "site" / "pdf").exists()


def test_quoted_damage_in_corrections_prints_as_code_point():
    font = find_cjk_font()
    assert _printable(font, "因\ue48e这是") == "因[U+E48E]这是"
    assert _printable(font, "沟通") == "沟通"
