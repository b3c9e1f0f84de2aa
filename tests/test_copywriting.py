"""Chinese copywriting (handbook/style.py): the pipeline produces text that passes the style check,
and the check of the live chapters says what is wrong, where, and which corrections entry fixes it."""

import pytest

from handbook import style
from handbook.pipeline import clean_page
from handbook.rules import load_rules
from handbook.write import suggest_correction
from tests.repo import ROOT, fixture_repo
from tests.site.helpers import read_page

DOCS = ROOT / "docs"
LIVE = sorted(p for p in DOCS.glob("*/*.md")
              if p.name != "index.md" and "generated_by: build_content.py" in p.read_text(encoding="utf-8"))
# What the check flagged in chapters made by earlier versions of the pipeline.
FAULTY = "乡镇干部要学习,要实践.下一步：  做好\n\n干部(乡镇)工作，，要落实"


def report(path, root) -> str:
    """Each problem of a chapter in words, with its line and the corrections entry that fixes it."""
    text = path.read_text(encoding="utf-8")
    meta, body = read_page(path)
    offset = text[: len(text) - len(body)].count("\n")  # the front matter's lines
    out = []
    for p in style.check(body):
        fixed = text.replace(p.old, p.new, 1)
        entry = suggest_correction(text, fixed, (meta.get("source") or {}).get("file", "<source>"), meta.get("slug"))
        out.append(f"{path.relative_to(root).as_posix()}:{p.line + offset}: {p.words}\n  {p.old}\n"
                   f"A corrections entry that fixes it (sources/corrections.yaml, write the reason):\n{entry}")
    return "\n".join(out)


def test_the_check_tells_each_problem_in_words():
    problems = style.check(FAULTY)
    assert [p.line for p in problems] == [1, 3]
    assert "half-width '.' between Han characters: write '。'" in problems[0].words
    assert "space after full-width '：'" in problems[0].words
    assert "half-width '(' between Han characters" in problems[1].words and "doubled punctuation" in problems[1].words
    assert problems[1].new == "干部（乡镇）工作，要落实"


def test_the_pipeline_normalises_what_the_check_flags():
    rules = load_rules()
    page = clean_page("乡镇干部的学习\n\n" + FAULTY.replace("，，", "，") + "。\n", "probe.txt", rules)
    assert page.essays and not style.check(page.essays[0].markdown), style.check(page.essays[0].markdown)


@pytest.mark.parametrize("path", sorted((fixture_repo() / "docs").glob("*/*.md")), ids=lambda p: p.name)
def test_fixture_chapters_pass_the_style_check(path):
    assert not report(path, fixture_repo())


def test_report_gives_chapter_line_and_an_entry_that_matches(repo_copy):
    path = repo_copy / "docs" / "zhenzhang" / "zhenzhang-zhize.md"
    path.write_text(path.read_text(encoding="utf-8").replace("独挡一面", "独挡一面.下一步"), encoding="utf-8")
    text = report(path, repo_copy)
    line = next(n for n, l in enumerate(path.read_text(encoding="utf-8").split("\n"), 1) if "独挡一面.下一步" in l)
    assert text.startswith(f"docs/zhenzhang/zhenzhang-zhize.md:{line}: half-width '.' between Han characters")
    assert "  - source: sources/raw/zhongshang-zhenzhang-zhize.txt\n" in text


@pytest.mark.parametrize("path", LIVE, ids=lambda p: p.relative_to(DOCS).as_posix())
def test_chapter_copywriting(path):
    """The live content: a failure names the chapter, the line, the problem and the fix."""
    problems = report(path, ROOT)
    assert not problems, "\n" + problems
