"""Chinese copywriting of the generated chapters: full-width punctuation in Chinese text (autocorrect,
configured by .autocorrectrc), no half-width brackets around Chinese, no doubled punctuation."""

import re

import autocorrect_py
import pytest

from tests.repo import ROOT

autocorrect_py.load_config((ROOT / ".autocorrectrc").read_text(encoding="utf-8"))
CHAPTERS = sorted(p for p in (ROOT / "docs").glob("*/*.md")
                  if p.name != "index.md" and "generated_by: build_content.py" in p.read_text(encoding="utf-8"))
HAN = "\u4e00-\u9fff"
HALF_WIDTH_BRACKET = re.compile(f"[{HAN}]\\(|\\([{HAN}]|[{HAN}]\\)|\\)[{HAN}]")
DOUBLED = re.compile("([，。、；：！？])\\1|[，、；：][。！？]|[。！？][，、；：]")


def body(path):
    return path.read_text(encoding="utf-8").split("\n---\n", 1)[1]


def test_the_check_catches_what_it_should():
    lint = autocorrect_py.lint_for("乡镇干部要学习,要实践.", "probe.md")
    assert lint.lines, "autocorrect must flag half-width punctuation in Chinese text"
    assert HALF_WIDTH_BRACKET.search("干部(乡镇)") and DOUBLED.search("工作，，要")


@pytest.mark.parametrize("path", CHAPTERS, ids=lambda p: p.relative_to(ROOT / "docs").as_posix())
def test_chapter_copywriting(path):
    text = body(path)
    lint = autocorrect_py.lint_for(text, path.name)
    assert not lint.lines, [(l.line, l.old[:60]) for l in lint.lines]
    assert not HALF_WIDTH_BRACKET.search(text)
    assert not DOUBLED.search(text), DOUBLED.search(text)
