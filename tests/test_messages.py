"""Every message a contributor meets names the file, the problem and the next step; corrections can
repair what the cleaner did at a page break."""

import re
import subprocess
import sys

import pytest
import yaml

from handbook import redirects
from handbook.redirects import ChapterAddress, Redirect
from tests.repo import ROOT, run_build
from tests.site.helpers import read_page

ZHEN = "sources/raw/zhongshang-zhenzhang-zhize.txt"
SEED1 = "sources/raw/xiexiebang-shuji-nengli-yishi.txt"


def append(path, text):
    path.write_text(path.read_text(encoding="utf-8").rstrip("\n") + "\n" + text, encoding="utf-8")


def fails(repo, *expected):
    result = run_build(repo)
    assert result.returncode != 0 and len(result.stderr.strip().splitlines()) == 1, result.stderr
    for text in expected:
        assert text in result.stderr, result.stderr
    return result.stderr


def test_yaml_indentation_error_names_the_cause(repo_copy):
    # an entry pasted with six spaces, as the old --check printed it
    append(repo_copy / "sources" / "corrections.yaml",
           f"      - source: {ZHEN}\n        find: 独挡一面\n        replace: 独当一面\n        reason: 错别字。\n")
    fails(repo_copy, "sources/corrections.yaml", "line ", "not valid YAML", "likely cause: indentation")


def test_tab_in_yaml_names_the_cause(repo_copy):
    append(repo_copy / "sources" / "corrections.yaml", f"  - source: {ZHEN}\n\tfind: x\n")
    fails(repo_copy, "likely cause: a tab")


@pytest.mark.parametrize("reason", ["（改动的理由）", "理由", "TODO"])  # an empty reason: tests/test_cli.py
def test_placeholder_reason_is_refused(repo_copy, reason):
    append(repo_copy / "sources" / "corrections.yaml",
           f"  - source: {ZHEN}\n    find: 又要独挡一面抓好政府工作\n    replace: 又要独当一面抓好政府工作\n    reason: '{reason}'\n")
    fails(repo_copy, "sources/corrections.yaml: corrections[", "is a placeholder", "write why")


def test_unmatched_correction_says_why_traditional_and_renamed_essay(repo_copy):
    corrections = repo_copy / "sources" / "corrections.yaml"
    base = corrections.read_text(encoding="utf-8")
    append(corrections, f"  - source: {ZHEN}\n    find: 又要獨擋一面\n    replace: x\n    reason: 测试。\n")
    fails(repo_copy, "no longer matches", "write it in Simplified: '又要独挡一面'")
    corrections.write_text(base, encoding="utf-8")
    append(corrections, f"  - source: {ZHEN}\n    essay: zhenzhang-zhize-old\n    find: 又要独挡一面\n    replace: x\n    reason: 测试。\n")
    fails(repo_copy, "essay 'zhenzhang-zhize-old' is not the slug of any essay of this source", "zhenzhang-zhize")


def paragraphs(repo, rel):
    """The chapter's blocks of text; None for a heading or an editorial note."""
    _, body = read_page(repo / "docs" / rel)
    return [None if p.startswith("#") or "〔" in p else p for p in body.strip().split("\n\n")]


def test_a_correction_can_join_two_paragraphs_and_remove_a_stop(repo_copy):
    blocks = paragraphs(repo_copy, "shuji/gongpu-yishi.md")
    first, second = next((a, b) for a, b in zip(blocks, blocks[1:]) if a and b and a.endswith("。"))
    # the full stop and the paragraph break between them go: one paragraph
    find, replace = first[-6:] + "\n" + second[:4], first[-6:-1] + "，" + second[:4]
    append(repo_copy / "sources" / "corrections.yaml",
           f"  - source: {SEED1}\n    find: {yaml.safe_dump(find, allow_unicode=True, default_style=chr(34)).strip()}\n"
           f"    replace: {replace}\n    reason: 断句：分页处多出的句号和分段。\n")
    result = run_build(repo_copy)
    assert result.returncode == 0, result.stderr
    joined = paragraphs(repo_copy, "shuji/gongpu-yishi.md")
    assert first[:-1] + "，" + second in joined
    assert first not in joined and second not in joined


def test_a_correction_can_split_a_paragraph(repo_copy):
    first = next(p for p in paragraphs(repo_copy, "zhenzhang/zhenzhang-zhize.md") if p and len(p) > 20)
    head, tail = first[:10], first[10:]
    append(repo_copy / "sources" / "corrections.yaml",
           f"  - source: {ZHEN}\n    find: {head}{tail[:4]}\n    replace: \"{head}\\n{tail[:4]}\"\n    reason: 分段。\n")
    assert run_build(repo_copy).returncode == 0
    after = paragraphs(repo_copy, "zhenzhang/zhenzhang-zhize.md")
    assert head in after and tail in after


def test_unlisted_raw_file_is_reported(repo_copy):
    (repo_copy / "sources" / "raw" / "forgotten.txt").write_text("镇长职责\n\n镇长要抓好政府工作。\n", encoding="utf-8")
    check = run_build(repo_copy, "--check")
    assert check.returncode == 1
    assert "sources/raw/forgotten.txt is not listed in sources/manifest.yaml" in check.stdout
    assert "add an entry under `sources:`" in check.stdout
    build = run_build(repo_copy)
    assert build.returncode == 0 and "warning: sources/raw/forgotten.txt is not listed" in build.stderr


def clean(repo, file, *args):
    return subprocess.run([sys.executable, str(repo / "build_content.py"), "clean", str(file), *args],
                          capture_output=True, text=True, cwd=repo)


@pytest.mark.parametrize("json_flag", [(), ("--json",)])
def test_clean_warns_and_fails_when_the_page_cannot_become_a_chapter(repo_copy, tmp_path, json_flag):
    untitled = tmp_path / "untitled.txt"
    untitled.write_text("乡镇党委书记要把抓党建作为最大的政绩，经常研究部署基层党建工作，推动各项任务落到实处。\n\n"
                        "书记要带头落实民主集中制。\n", encoding="utf-8")
    result = clean(repo_copy, untitled, *json_flag)
    assert result.returncode == 1
    assert "warning:" in result.stderr and "essay #1" in result.stderr and "match: '#1'" in result.stderr
    neutral = tmp_path / "neutral.txt"
    neutral.write_text("关于做好春耕工作的几点意见\n\n今年春耕工作要早谋划、早部署。各村要把农资供应落实到户。\n", encoding="utf-8")
    result = clean(repo_copy, neutral, *json_flag)
    assert result.returncode == 1 and "role could not be decided" in result.stderr and "role: 书记|镇长|组工干部" in result.stderr
    good = clean(repo_copy, ZHEN, *json_flag)
    assert good.returncode == 0 and not good.stderr


def test_role_error_points_at_the_existing_entry_when_the_title_is_overridden(repo_copy):
    raw = repo_copy / "sources" / "raw" / "neutral.txt"
    raw.write_text("关于做好春耕工作的几点意见\n\n今年春耕工作要早谋划、早部署。各村要把农资供应落实到户。\n", encoding="utf-8")
    append(repo_copy / "sources" / "manifest.yaml", "  - file: sources/raw/neutral.txt\n    site: 测试\n"
           "    essays:\n      - {match: 关于做好春耕工作的几点意见, title: 春耕意见, slug: chungeng}\n")
    fails(repo_copy, "'春耕意见'", "add `role: 书记|镇长|组工干部` to its entry", "match: 关于做好春耕工作的几点意见")


def test_match_by_position_is_documented():
    guide = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    assert "match: '#1'" in guide and "第 1 篇" in guide


# ---- stable addresses -----------------------------------------------------------------------------------

def a(address, title="t", source="s.txt"):
    return ChapterAddress(address, source, title)


def test_redirects_follow_moves_chains_and_removals():
    moved = redirects.update([], [a("zugong/old", "T"), a("shuji/x", "X")], [a("shuji/new", "T"), a("shuji/x", "X")])
    assert moved == [Redirect("zugong/old", "shuji/new")]
    # moved again: the first old address leads to the newest page
    again = redirects.update(moved, [a("shuji/new", "T")], [a("zhenzhang/newest", "T")])
    assert set(again) == {Redirect("zugong/old", "zhenzhang/newest"), Redirect("shuji/new", "zhenzhang/newest")}
    # removed: to its role's index; an address that holds a chapter again is not redirected
    removed = redirects.update(again, [a("zhenzhang/newest", "T")], [a("zugong/old", "T2", "other.txt")])
    assert Redirect("zhenzhang/newest", "zhenzhang/") in removed and all(r.old != "zugong/old" for r in removed)


def test_redirects_file_round_trips_and_is_validated(tmp_path):
    path = tmp_path / "redirects.yaml"
    path.write_text(redirects.dump([Redirect("zugong/a", "shuji/b")]), encoding="utf-8")
    assert redirects.load(path) == [Redirect("zugong/a", "shuji/b")]
    path.write_text("redirects:\n  - {from: '../x', to: shuji/b}\n", encoding="utf-8")
    with pytest.raises(Exception, match=r"redirects\[0\].from '../x' must be role_slug/slug"):
        redirects.load(path)


BROKEN_RULES = [
    ("roles.yaml", "    slug: zhenzhang\n", "", "rules/roles.yaml: roles[1]: missing key 'slug'"),
    ("roles.yaml", "keywords: ['乡镇长', '镇长', '乡长']", "keywords: 乡长", "roles[1]: keywords must be a list of words"),
    ("structure.yaml", "body_openers: [", "body_openers: [1, ", "rules/structure.yaml: body_openers[0] must be text"),
    ("structure.yaml", "arabic: '^(?P<num>", "arabic: '^(", "heading_styles.arabic must have a group (?P<num>"),
    ("structure.yaml", "inline_heading_styles: [cn_dun, cn_paren]", "inline_heading_styles: [cn_dun, paren]",
     "inline_heading_styles: 'paren' is not one of heading_styles"),
    ("script.yaml", "⺠: 民", "⺠: 5", "rules/script.yaml: radicals: '⺠': 5 must map text to text"),
    ("script.yaml", "渊冤: '（）'", "渊冤: '（'", "rules/script.yaml: pdf_font.pairs: each entry maps two characters to two marks"),
    ("script.yaml", "min_han: 20", "min_han: many", "rules/script.yaml: pdf_font.min_han must be a whole number"),
    ("maintext.yaml", "weight: 1.5", "weight: abc", "rules/maintext.yaml: a value of the wrong kind"),
    ("maintext.yaml", "good_score: 4.5", "good_score: high", "rules/maintext.yaml: good_score must be a number, got str"),
    ("maintext.yaml", "tail_window: 2", "tail_window: 0", "rules/maintext.yaml: tail_window must be above 0"),
    ("maintext.yaml", "island_gap: 3", "", "rules/maintext.yaml: missing key 'island_gap'"),
    ("structure.yaml", "article_heading: '^第", "article_heading: '^(第", "rules/structure.yaml: article_heading"),
]


@pytest.mark.parametrize("name, old, new, expected", BROKEN_RULES, ids=[f"{b[0]}:{b[3][-30:]}" for b in BROKEN_RULES])
def test_a_broken_rules_file_is_one_line(repo_copy, name, old, new, expected):
    path = repo_copy / "rules" / name
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    fails(repo_copy, expected)


def test_a_broken_rules_file_stops_the_site_build_in_one_line(repo_copy, tmp_path):
    path = repo_copy / "rules" / "roles.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("    slug: zhenzhang\n", "", 1), encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "--strict", "-d", str(tmp_path / "site")],
                            cwd=repo_copy, capture_output=True, text=True)
    errors = [re.sub(r"^ERROR\s+-\s+", "", line) for line in (result.stdout + result.stderr).splitlines()
              if line.startswith("ERROR")]
    assert result.returncode != 0 and "Traceback" not in result.stderr, result.stderr
    assert errors == ["rules/roles.yaml: roles[1]: missing key 'slug'"], result.stderr
