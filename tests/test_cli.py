"""The command line: build, --check, clean --json; atomic, deterministic, hand-written pages untouched."""

import hashlib
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.repo import ROOT, run_build

SEED1 = "sources/raw/xiexiebang-shuji-nengli-yishi.txt"


def tree_digest(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def test_committed_docs_are_in_step_with_sources():
    result = run_build(ROOT, "--check")
    assert result.returncode == 0, result.stdout + result.stderr


def test_build_prints_a_report_and_writes_it_as_json(repo_copy):
    result = run_build(repo_copy)
    assert result.returncode == 0, result.stderr
    assert "xiexiebang-shuji-nengli-yishi.txt" in result.stdout and "essays" in result.stdout
    report = json.loads((repo_copy / "build" / "report.json").read_text(encoding="utf-8"))
    by_source = {s["source"]: s for s in report["sources"]}
    assert by_source[SEED1]["steps"]["essays_found"] == 5
    assert by_source[SEED1]["steps"]["lines_joined"] == 7
    assert any(d["kind"] == "teaser" for d in by_source[SEED1]["dropped"])


def test_check_lists_out_of_step_files_and_build_fixes_them(repo_copy):
    chapter = repo_copy / "docs" / "shuji" / "gongpu-yishi.md"
    chapter.unlink()
    stale = repo_copy / "docs" / "shuji" / "gone.md"
    stale.write_text("---\ntitle: x\ngenerated_by: build_content.py\n---\n\n# x\n", encoding="utf-8")
    result = run_build(repo_copy, "--check")
    assert result.returncode == 1
    assert "docs/shuji/gongpu-yishi.md: missing" in result.stdout
    assert "docs/shuji/gone.md: stale" in result.stdout
    assert run_build(repo_copy).returncode == 0
    assert chapter.exists() and not stale.exists()
    assert run_build(repo_copy, "--check").returncode == 0


def test_hand_written_pages_are_never_touched(repo_copy):
    page = repo_copy / "docs" / "shuji" / "notes-by-hand.md"
    page.write_text("# 手写的页面\n", encoding="utf-8")
    assert run_build(repo_copy).returncode == 0
    assert page.read_text(encoding="utf-8") == "# 手写的页面\n"
    # a chapter whose slug lands on it is refused, and the page stays as it is
    manifest = repo_copy / "sources" / "manifest.yaml"
    manifest.write_text(manifest.read_text(encoding="utf-8").replace("slug: gongpu-yishi", "slug: notes-by-hand"),
                        encoding="utf-8")
    _fails_cleanly(repo_copy, ["docs/shuji/notes-by-hand.md", "hand-written", "another slug"])
    assert page.read_text(encoding="utf-8") == "# 手写的页面\n"


def test_two_builds_give_identical_bytes(repo_copy, tmp_path):
    assert run_build(repo_copy).returncode == 0
    first = tree_digest(repo_copy / "docs")
    for chapter in (repo_copy / "docs").rglob("*.md"):
        if "generated_by" in chapter.read_text(encoding="utf-8"):
            chapter.unlink()
    shutil.rmtree(repo_copy / "build")  # no cached pages or chapters: everything is made again
    assert run_build(repo_copy).returncode == 0
    assert tree_digest(repo_copy / "docs") == first


def test_failing_correction_fails_the_build_and_leaves_docs_as_it_was(repo_copy):
    before = tree_digest(repo_copy / "docs")
    corrections = repo_copy / "sources" / "corrections.yaml"
    corrections.write_text(corrections.read_text(encoding="utf-8") + (
        "  - source: sources/raw/xiexiebang-shuji-nengli-yishi.txt\n"
        "    find: 这句话不在任何文章里\n    replace: x\n    reason: test\n"), encoding="utf-8")
    result = run_build(repo_copy)
    assert result.returncode != 0
    assert "corrections.yaml" in result.stderr and "这句话不在任何文章里" in result.stderr
    assert "no longer matches" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert tree_digest(repo_copy / "docs") == before


def test_undecidable_role_names_the_essay_and_the_manifest_line(repo_copy):
    raw = repo_copy / "sources" / "raw" / "neutral.txt"
    raw.write_text("关于做好春耕工作的几点意见\n\n今年春耕工作要早谋划、早部署。各村要把农资供应落实到户。\n", encoding="utf-8")
    manifest = repo_copy / "sources" / "manifest.yaml"
    manifest.write_text(manifest.read_text(encoding="utf-8") +
                        "  - file: sources/raw/neutral.txt\n    site: 测试\n", encoding="utf-8")
    before = tree_digest(repo_copy / "docs")
    result = run_build(repo_copy)
    assert result.returncode != 0
    assert "关于做好春耕工作的几点意见" in result.stderr and "role:" in result.stderr and "manifest.yaml" in result.stderr
    assert tree_digest(repo_copy / "docs") == before


def clean_json(root: Path, file: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(root / "build_content.py"), "clean", file, "--json"],
                          capture_output=True, text=True, cwd=root)


def test_clean_json_schema_and_docs_untouched(repo_copy):
    before = tree_digest(repo_copy / "docs")
    result = clean_json(repo_copy, SEED1)
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert set(data) == {"source", "essays", "dropped", "lines", "steps"}
    assert isinstance(data["source"], str)
    for essay in data["essays"]:
        assert set(essay) == {"title", "role", "slug", "markdown", "notes", "warnings", "corrections"}
        assert essay["role"] in ("书记", "镇长", "组工干部", None)
        assert isinstance(essay["markdown"], str) and all(isinstance(n, str) for n in essay["notes"])
    assert all(set(d) == {"kind", "text", "line", "stage", "rule", "fragment"} for d in data["dropped"])
    # every removal names its stage and rule, in page order
    assert all(d["stage"] and d["rule"] for d in data["dropped"])
    assert [d["line"] for d in data["dropped"]] == sorted(d["line"] for d in data["dropped"])
    # one record per non-blank line: the dropped ones are exactly the whole-line removals
    assert {r["line"] for r in data["lines"] if not r["kept"]} == {d["line"] for d in data["dropped"] if not d["fragment"]}
    assert all(isinstance(v, int) for v in data["steps"].values())
    # a registered source gets its corrections
    assert any("沟通思想" in e["markdown"] for e in data["essays"])
    assert tree_digest(repo_copy / "docs") == before


def test_clean_unregistered_file_and_unreadable_file(repo_copy, tmp_path):
    page = tmp_path / "page.txt"
    page.write_text("当前位置:首页 >> 范文\n\n下载本文档\n", encoding="utf-8")
    data = json.loads(clean_json(repo_copy, str(page)).stdout)
    assert data["essays"] == [] and data["dropped"]
    missing = clean_json(repo_copy, str(tmp_path / "nope.txt"))
    assert missing.returncode == 2
    assert "nope.txt" in missing.stderr and len(missing.stderr.strip().splitlines()) == 1


def test_essay_without_a_title_is_named_by_position_in_the_manifest(repo_copy):
    raw = repo_copy / "sources" / "raw" / "untitled.txt"
    raw.write_text("乡镇党委书记要把抓党建作为最大的政绩，经常研究部署基层党建工作，推动各项任务落到实处。\n\n"
                   "书记要带头落实民主集中制。\n", encoding="utf-8")
    manifest = repo_copy / "sources" / "manifest.yaml"
    base = manifest.read_text(encoding="utf-8") + "  - file: sources/raw/untitled.txt\n    site: 测试\n"
    manifest.write_text(base, encoding="utf-8")
    result = run_build(repo_copy)
    assert result.returncode != 0 and "untitled.txt" in result.stderr and "#1" in result.stderr
    manifest.write_text(base + "    essays:\n      - {match: '#1', title: 抓党建是最大的政绩, slug: zuida-zhengji}\n",
                        encoding="utf-8")
    assert run_build(repo_copy).returncode == 0
    chapter = (repo_copy / "docs" / "shuji" / "zuida-zhengji.md").read_text(encoding="utf-8")
    assert "# 抓党建是最大的政绩" in chapter and "推动各项任务落到实处。" in chapter


def _fails_cleanly(repo, expected: list[str]) -> None:
    before = tree_digest(repo / "docs")
    result = run_build(repo)
    assert result.returncode != 0
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr
    for text in expected:
        assert text in result.stderr, result.stderr
    assert tree_digest(repo / "docs") == before


def test_missing_source_file(repo_copy):
    manifest = repo_copy / "sources" / "manifest.yaml"
    manifest.write_text(manifest.read_text(encoding="utf-8") + "  - file: sources/raw/gone.txt\n", encoding="utf-8")
    _fails_cleanly(repo_copy, ["sources/raw/gone.txt", "not found"])


def test_yaml_error_and_unknown_key(repo_copy):
    corrections = repo_copy / "sources" / "corrections.yaml"
    corrections.write_text("corrections:\n  - source: [unclosed\n", encoding="utf-8")
    _fails_cleanly(repo_copy, ["corrections.yaml", "not valid YAML"])
    corrections.write_text("corrections:\n  - {source: a.txt, find: x, replace: y, reason: z, colour: red}\n",
                           encoding="utf-8")
    _fails_cleanly(repo_copy, ["corrections.yaml", "unknown key 'colour'"])


@pytest.mark.parametrize("field, value", [("file", "../../etc/passwd"), ("file", "/etc/passwd"),
                                          ("slug", "../escape"), ("slug", "ａｂｃ"), ("slug", "a/b")])
def test_paths_cannot_leave_sources_or_docs(repo_copy, field, value):
    manifest = repo_copy / "sources" / "manifest.yaml"
    entry = (f"  - file: {value}\n" if field == "file" else
             f"  - file: sources/raw/zhongshang-zhenzhang-zhize.txt\n    essays: [{{match: 镇长职责, slug: '{value}'}}]\n")
    manifest.write_text(manifest.read_text(encoding="utf-8") + entry, encoding="utf-8")
    _fails_cleanly(repo_copy, ["manifest.yaml", field])


def test_oversized_source_is_refused(repo_copy):
    settings = repo_copy / "rules" / "settings.yaml"
    settings.write_text(settings.read_text(encoding="utf-8").replace("max_source_bytes: 20000000", "max_source_bytes: 1000"),
                        encoding="utf-8")
    _fails_cleanly(repo_copy, ["xiexiebang-shuji-nengli-yishi.txt", "over the limit"])


def test_oversized_essay_is_refused(repo_copy):
    settings = repo_copy / "rules" / "settings.yaml"
    settings.write_text(settings.read_text(encoding="utf-8").replace("max_chapter_chars: 60000", "max_chapter_chars: 1000"),
                        encoding="utf-8")
    _fails_cleanly(repo_copy, ["xiexiebang-shuji-nengli-yishi.txt", "max_chapter_chars", "split"])


def append(repo, name: str, text: str) -> None:
    path = repo / "sources" / name
    path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")


ZHIZE = "  - source: sources/raw/zhongshang-zhenzhang-zhize.txt\n    find: 又要独挡一面\n"
SEED2 = "  - file: sources/raw/zhongshang-zhenzhang-zhize.txt\n"


def _replace_in(repo, name: str, old: str, new: str) -> None:
    path = repo / "sources" / name
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


# (what is wrong, how to make it, what the one line must say)
BAD_INPUTS = {
    "duplicate key": (lambda r: _replace_in(r, "manifest.yaml", "        slug: gongpu-yishi\n",
                                            "        slug: gongpu-yishi\n        slug: other\n"),
                      ["manifest.yaml", "line", "duplicate key 'slug'"]),
    "stale match": (lambda r: _replace_in(r, "manifest.yaml", "match: 乡镇党委书记谈增强公仆意识",
                                          "match: 乡镇党委书记谈增强公仆意识（修订）"),
                    ["manifest.yaml: sources[0].essays[1]", "matches no essay", "乡镇党委书记谈增强公仆意识"]),
    "match beyond the essays": (lambda r: _replace_in(r, "manifest.yaml", "match: 镇长职责", "match: '#2'"),
                                ["sources[1].essays[0]", "'#2'", "matches no essay"]),
    "duplicate match": (lambda r: _replace_in(r, "manifest.yaml", "      - match: 镇长职责\n",
                                              "      - match: 镇长职责\n      - match: 镇长职责\n"),
                        ["sources[1].essays[1]", "already used by essays[0]"]),
    "slug index": (lambda r: _replace_in(r, "manifest.yaml", "slug: gongpu-yishi", "slug: index"),
                   ["sources[0].essays[1]", "'index'", "another slug"]),
    "slug twice in a source": (lambda r: _replace_in(r, "manifest.yaml", "slug: gongpu-yishi", "slug: nengli-he-yishi"),
                               ["xiexiebang-shuji-nengli-yishi.txt", "'nengli-he-yishi'", "its own slug"]),
    "slug used by another source": (lambda r: _replace_in(r, "manifest.yaml", "slug: zhenzhang-zhize",
                                                                    "slug: gongpu-yishi\n        role: 书记"),
                                    ["manifest.yaml", "gongpu-yishi", "different slug"]),
    "empty manifest": (lambda r: (r / "sources" / "manifest.yaml").write_text("sources: []\n", encoding="utf-8"),
                       ["manifest.yaml", "no sources"]),
    "empty replace": (lambda r: append(r, "corrections.yaml", ZHIZE + "    replace:\n    reason: 删去\n"),
                      ["corrections[8]", "'replace' has no value", "replace: ''"]),
    "null find": (lambda r: append(r, "corrections.yaml", "  - source: sources/raw/zhongshang-zhenzhang-zhize.txt\n"
                                   "    find:\n    replace: x\n    reason: y\n"), ["corrections[8]", "'find'"]),
    "list replace": (lambda r: append(r, "corrections.yaml", ZHIZE + "    replace: [a, b]\n    reason: y\n"),
                     ["corrections[8]", "replace must be text"]),
    "number reason": (lambda r: append(r, "corrections.yaml", ZHIZE + "    replace: x\n    reason: 5\n"),
                      ["corrections[8]", "reason must be text"]),
    "impossible date": (lambda r: _replace_in(r, "manifest.yaml", "obtained: '2026-11-22'", "obtained: 2026-13-45"),
                        ["sources[0]", "2026-13-45", "YYYY-MM-DD"]),
    "essays not a list": (lambda r: append(r, "manifest.yaml", "  - file: sources/raw/new.txt\n    essays: 5\n"),
                          ["sources[2]", "essays must be a list"]),
    "javascript address": (lambda r: _replace_in(r, "manifest.yaml", "address: null", "address: 'javascript:alert(3)'"),
                           ["sources[0]", "javascript:alert(3)", "http://"]),
    "essay entry yielding no essay": (
        lambda r: ((r / "sources" / "raw" / "chrome.txt").write_text("当前位置:首页 >> 范文\n\n下载本文档\n", encoding="utf-8"),
                   append(r, "manifest.yaml", "  - file: sources/raw/chrome.txt\n    essays: [{match: 镇长职责, slug: x}]\n")),
        ["sources[2].essays[0]", "matches no essay", "chrome.txt"]),
    "bad BOM": (lambda r: ((r / "sources" / "raw" / "u16.txt").write_bytes(b"\xef\xbb\xbf" + "书记职责".encode("gbk")),
                           append(r, "manifest.yaml", "  - file: sources/raw/u16.txt\n")),
                ["sources/raw/u16.txt", "byte-order mark"]),
    "a FIFO": (lambda r: (os.mkfifo(r / "sources" / "raw" / "fifo.txt"),
                          append(r, "manifest.yaml", "  - file: sources/raw/fifo.txt\n")),
               ["sources/raw/fifo.txt", "not a regular file"]),
    "a directory": (lambda r: ((r / "sources" / "raw" / "folder.txt").mkdir(),
                               append(r, "manifest.yaml", "  - file: sources/raw/folder.txt\n")),
                    ["sources/raw/folder.txt", "directory"]),
    "bad regular expression in the rules": (
        lambda r: (r / "rules" / "boilerplate.yaml").write_text(
            (r / "rules" / "boilerplate.yaml").read_text(encoding="utf-8").replace(
                "inline_patterns:\n  paywall:\n", "inline_patterns:\n  paywall:\n    - '(unclosed'\n", 1), encoding="utf-8"),
        ["rules/boilerplate.yaml", "inline_patterns.paywall[0]", "(unclosed"]),
    "missing key in the rules": (
        lambda r: (r / "rules" / "settings.yaml").write_text(
            "\n".join(l for l in (r / "rules" / "settings.yaml").read_text(encoding="utf-8").splitlines()
                      if not l.startswith("title_max_chars")), encoding="utf-8"),
        ["rules/settings.yaml", "missing key 'title_max_chars'"]),
    "wrong type in the rules": (
        lambda r: (r / "rules" / "settings.yaml").write_text(
            (r / "rules" / "settings.yaml").read_text(encoding="utf-8").replace("title_max_chars: 50", "title_max_chars: fifty"),
            encoding="utf-8"),
        ["rules/settings.yaml", "title_max_chars must be a whole number"]),
    "an OSError (build/ is a file)": (lambda r: (r / "build").write_text("", encoding="utf-8"), ["build", "exists"]),
}


@pytest.mark.parametrize("case", BAD_INPUTS)
def test_bad_input_is_one_line_and_leaves_docs_as_it_was(repo_copy, case):
    make, expected = BAD_INPUTS[case]
    make(repo_copy)
    _fails_cleanly(repo_copy, expected)


def test_invisible_controls_and_emoji_are_removed_and_reported(repo_copy):
    (repo_copy / "sources" / "raw" / "marks.txt").write_text(
        "镇长\u200b要守住底线😀\n\n镇长手中有一定的权力，\u202e必须守住廉洁底线，\u2066做到干净干事。\n\n"
        "镇长要自觉接受监督，\ufeff经常对照党章党规检查自己。\n", encoding="utf-8")
    append(repo_copy, "manifest.yaml", "  - file: sources/raw/marks.txt\n    essays: [{match: 镇长要守住底线, slug: dixian}]\n")
    result = run_build(repo_copy)
    assert result.returncode == 0, result.stderr
    chapter = (repo_copy / "docs" / "zhenzhang" / "dixian.md").read_text(encoding="utf-8")
    assert "# 镇长要守住底线\n" in chapter and "必须守住廉洁底线，做到干净干事。" in chapter
    assert not any(ch in chapter for ch in "\u200b\u202e\u2066\ufeff😀")
    report = json.loads((repo_copy / "build" / "report.json").read_text(encoding="utf-8"))
    page = next(s for s in report["sources"] if s["source"].endswith("marks.txt"))
    assert page["steps"]["invisible_removed"] == 4 and page["steps"]["emoji_removed"] == 1
    assert {"kind": "emoji", "text": "😀"} in [{"kind": d["kind"], "text": d["text"]} for d in page["dropped"]]
