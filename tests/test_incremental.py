"""The content cache and the process pool never change the output: a cold build, a cached build and
a single-process build give the same bytes, and a changed rule or source is rebuilt."""

import hashlib
import shutil
import subprocess
import sys

from bench.corpus import make_repo


def build(repo, *args):
    result = subprocess.run([sys.executable, str(repo / "build_content.py"), "--root", str(repo), *args],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    return {p.relative_to(repo / "docs").as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted((repo / "docs").rglob("*.md"))}


def test_cold_cached_and_single_process_builds_are_identical(tmp_path):
    repo = make_repo(tmp_path / "repo", 9)
    cold = build(repo)
    assert len(list((repo / "build" / "cache").glob("*.pickle"))) == 9
    assert build(repo) == cold
    shutil.rmtree(repo / "build")
    assert build(repo, "--jobs", "1") == cold


def test_a_changed_rule_or_source_is_rebuilt(tmp_path):
    repo = make_repo(tmp_path / "repo", 4)
    build(repo)
    chapter = next(p for p in (repo / "docs").glob("*/*.md") if p.name != "index.md")
    assert "不搞一言堂" in chapter.read_text(encoding="utf-8")
    # a new site-chrome rule that happens to match a sentence: every cached page must be redone
    rules = repo / "rules" / "boilerplate.yaml"
    rules.write_text(rules.read_text(encoding="utf-8").replace(
        "  inline_patterns:\n", "  inline_patterns:\n", 1).replace(
        "inline_patterns:\n  paywall:\n", "inline_patterns:\n  paywall:\n    - '不搞一言堂'\n", 1), encoding="utf-8")
    build(repo)
    assert "不搞一言堂" not in chapter.read_text(encoding="utf-8")
    source = repo / "sources" / "raw" / "page-0000.txt"
    source.write_text(source.read_text(encoding="utf-8").replace("招商引资", "招才引智"), encoding="utf-8")
    build(repo)
    assert any("招才引智" in p.read_text(encoding="utf-8") for p in (repo / "docs").glob("*/p0000-*.md"))
