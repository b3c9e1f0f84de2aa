"""The generic cleaner on pages from sites it has no profile for: every line kept or dropped with its
reason (`clean --explain`, `--json` lines), code and other languages dropped and reported, titles never
taken from chrome and never an empty heading, an undecided role with its best guess, page chunks found
on any site."""

import json
import subprocess
import sys

from handbook.model import NO_ROLE
from handbook.pipeline import clean_page
from handbook.rules import load_rules
from tests.repo import ROOT
from tests.test_artefacts import GOLD_DIR, cleaned


def clean_cli(file, *flags) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(ROOT / "build_content.py"), "clean", str(file), *flags],
                          capture_output=True, text=True, cwd=ROOT)


def test_explain_marks_every_line_with_its_stage_and_rule_or_score():
    page = GOLD_DIR / "unknown_site.txt"
    result = clean_cli(page, "--explain")
    # the page cannot become a chapter as it stands (no role's words): explained, then exit 1
    assert result.returncode == 1 and "role could not be decided" in result.stderr, result.stderr
    out = result.stdout.splitlines()
    source_lines = [l.strip() for l in page.read_text(encoding="utf-8").splitlines()]
    marked = {int(l[2:6]): l[0] for l in out if l[:1] in "+-" and l[2:6].strip().isdigit()}
    # every non-blank line of the page is there, in order, kept (+) or dropped (-)
    assert sorted(marked) == [i for i, l in enumerate(source_lines, 1) if l]
    assert list(marked) == sorted(marked)
    reason = {int(l[2:6]): out[i + 1].strip() for i, l in enumerate(out[:-1]) if l[:1] in "+-" and l[2:6].strip().isdigit()}
    line_of = {text: i for i, text in enumerate(source_lines, 1)}
    # a rule is named by file and entry; the detector's decisions by score and the words behind it
    assert marked[line_of["澳门葡京娱乐城 注册送彩金 百家乐在线"]] == "-"
    assert "rules/boilerplate.yaml line_patterns.spam[0]" in reason[line_of["澳门葡京娱乐城 注册送彩金 百家乐在线"]]
    assert marked[line_of["加入收藏 立即下载 VIP免费 客服工作时间：9:00-18:00"]] == "-"
    assert "main-text" in reason[line_of["加入收藏 立即下载 VIP免费 客服工作时间：9:00-18:00"]]
    assert "score" in reason[line_of["加入收藏 立即下载 VIP免费 客服工作时间：9:00-18:00"]]
    assert "rules/maintext.yaml vocabularies.ui" in reason[line_of["加入收藏 立即下载 VIP免费 客服工作时间：9:00-18:00"]]
    assert marked[line_of["一、坚持深入基层"]] == "+"
    assert reason[line_of["乡镇干部作风建设心得体会"]].startswith("title")


def test_explain_keeps_real_headings_with_chrome_words_and_says_why():
    out = clean_cli(GOLD_DIR / "chrome_words_prose.txt", "--explain").stdout.splitlines()
    heading = next(i for i, l in enumerate(out) if "（一）加大扶贫小额贷款投放力度" in l)
    assert out[heading].startswith("+")
    assert "short line inside the main text" in out[heading + 1]


def test_json_lines_record_every_removal_with_its_rule_in_page_order():
    data = json.loads(clean_cli(GOLD_DIR / "unknown_site.txt", "--json").stdout)
    dropped = data["dropped"]
    assert [d["line"] for d in dropped] == sorted(d["line"] for d in dropped)
    assert all(d["stage"] and d["rule"] for d in dropped)
    kinds = {d["text"][:8]: d["kind"] for d in dropped}
    assert kinds["Rural ca"] == "not-chinese" and kinds['{"id": 1'] == "code" and kinds["function"] == "code"
    records = {r["line"]: r for r in data["lines"]}
    assert all(not records[d["line"]]["kept"] for d in dropped if not d["fragment"])
    assert sum(1 for r in data["lines"] if r["kept"]) == 8  # title, 3 headings, 4 paragraphs


def test_page_markers_and_inline_chrome_are_recorded_with_their_line():
    text = "镇长的职责\n\n镇长要对全镇群众负责，抓好发展。\n\n- 2 -\n\n镇长要协助书记抓好全面工作。\n\n第2页 共3页\n"
    page = clean_page(text, "x.txt", load_rules())
    assert [(d.line, d.stage, d.rule) for d in page.dropped] == [
        (5, "page-markers", "rules/structure.yaml page_markers[3]"),
        (9, "inline-chrome", "rules/boilerplate.yaml inline_patterns.page_counter[0]")]
    assert not any(d.fragment for d in page.dropped)
    page, _ = cleaned("paywall_disclaimer.txt")
    cuts = [d for d in page.dropped if d.fragment]
    assert any("剩余2169字" in d.text and d.stage == "inline-chrome" and d.line for d in cuts)


def test_no_title_gives_a_warning_with_a_proposal_and_no_empty_heading():
    result = clean_cli(GOLD_DIR / "no_title.txt")
    assert result.returncode == 1 and "no title found" in result.stderr and "proposed: " in result.stderr
    assert not any(line.strip() == "#" or line.startswith("# \n") for line in result.stdout.splitlines())
    assert "加入购物车" not in result.stdout
    essay = json.loads(clean_cli(GOLD_DIR / "no_title.txt", "--json").stdout)["essays"][0]
    assert essay["title"] == "" and not essay["markdown"].startswith("#")
    warning = next(w for w in essay["warnings"] if w.startswith("no title found"))
    assert "proposed: 乡镇党委书记要把主要精力放在抓发展、抓党建、抓稳定上" in warning


def test_an_undecided_role_comes_with_the_best_guess_and_its_words():
    text = "做好乡镇工作的体会\n\n书记要抓全面，镇长要抓落实，书记和镇长要互相补台。党委书记要带头。\n"
    essay = clean_page(text, "x.txt", load_rules()).essays[0]
    assert essay.role is None
    warning = essay.warning(NO_ROLE).message
    assert "best guess 书记" in warning and "书记×2" in warning and "党委书记×1" in warning and "镇长 2 (镇长×2)" in warning


def test_page_chunks_are_found_inside_lines_and_from_any_number():
    rules = load_rules()
    later_chunks = ("镇长的职责\n\n3、在新的形势下，乡镇政府主要承担着发展农村经济的职能。当好镇长，关键在于提高科学文化素\n\n"
                    "4、质，增强执行政策的能力。要集中精力抓好关键\n\n5、性问题，抓好群众普遍关心的热点难点问题。\n")
    glued = ("镇长的职责\n\n1、在新的形势下，乡镇政府主要承担着发展农村经济的职能。当好镇长，关键在于提高科学文化素2、质，"
             "增强执行政策的能力。要集中精力抓好关键3、性问题，抓好群众普遍关心的热点难点问题4、，又要当好配角。\n")
    for text in (later_chunks, glued):
        body = clean_page(text, "x.txt", rules).essays[0].markdown
        assert "科学文化素质，增强执行政策的能力。" in body and "抓好关键性问题" in body
        assert not any(f"{n}、" in body for n in range(1, 6))
    # a real enumeration is no page chunk
    listed = "镇长的职责\n\n要做到三点：1、抓发展。2、抓稳定。3、抓党建。这是镇长的基本职责，必须牢记在心。\n"
    assert "1、抓发展。2、抓稳定。3、抓党建。" in clean_page(listed, "x.txt", rules).essays[0].markdown
