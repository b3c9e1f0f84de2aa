"""Builds that run at the same time, and builds killed inside the write stage, never lose a file:
after each, every file of docs/ (hand-written pages and assets included) is as it was or as the build
makes it, and the next build finishes the job. The kills happen at named points of the write stage
(HANDBOOK_TEST_KILL_AT, see handbook/write.py), not after a guessed delay. Builds are forked from this
process, so a round costs no interpreter start-up."""

import multiprocessing
import os
import shutil
import signal
import sys

import pytest

from handbook import cli, write
from tests.repo import copy_repo
from tests.test_cli import tree_digest

TYPO = ("  - source: sources/raw/zhongshang-zhenzhang-zhize.txt\n    find: 又要独挡一面抓好政府工作\n"
        "    replace: 又要独当一面抓好政府工作\n    reason: 错别字。\n")
KILL_POINTS = ("writing", "assembled", "exchanged")
ROUNDS = 50
FORK = multiprocessing.get_context("fork")


def _build(root, kill_at):
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 1)
    os.dup2(devnull, 2)
    if kill_at:
        os.environ["HANDBOOK_TEST_KILL_AT"] = kill_at
    sys.exit(cli.main(["--root", str(root), "--jobs", "1"]))


def start(root, kill_at=None):
    proc = FORK.Process(target=_build, args=(root, kill_at))
    proc.start()
    return proc


def build(root, kill_at=None) -> int:
    proc = start(root, kill_at)
    proc.join()
    return proc.exitcode


@pytest.fixture(scope="module")
def repo(tmp_path_factory):
    """A repository with hand-written pages besides the generated ones, and the docs/ that each of two
    versions of the corrections gives."""
    root = copy_repo(tmp_path_factory.mktemp("repo"))
    (root / "docs" / "shuji" / "notes-by-hand.md").write_text("# 手写的页面\n", encoding="utf-8")
    (root / "docs" / "assets" / "by-hand.txt").write_text("手写\n", encoding="utf-8")
    corrections = root / "sources" / "corrections.yaml"
    versions = {"a": corrections.read_text(encoding="utf-8")}
    versions["b"] = versions["a"] + TYPO
    expected = {}
    for name in ("b", "a"):
        corrections.write_text(versions[name], encoding="utf-8")
        assert build(root) == 0
        expected[name] = tree_digest(root / "docs")
    assert expected["a"] != expected["b"] and "about.md" in expected["a"] and "assets/by-hand.txt" in expected["a"]
    return root, versions, expected


def no_leftovers(root) -> bool:
    return not (root / "docs.new").exists() and not (root / "docs.old").exists()


def test_concurrent_builds_and_kills_inside_the_write_stage_lose_nothing(repo):
    root, versions, expected = repo
    corrections = root / "sources" / "corrections.yaml"
    kills = 0
    for i in range(ROUNDS):
        before, after = ("a", "b") if i % 2 == 0 else ("b", "a")
        assert tree_digest(root / "docs") == expected[before]
        corrections.write_text(versions[after], encoding="utf-8")
        point = KILL_POINTS[i % len(KILL_POINTS)]
        code = build(root, kill_at=point)
        assert code == -signal.SIGKILL, f"the build was not killed at {point!r} (exit {code})"
        kills += 1
        assert tree_digest(root / "docs") in (expected[before], expected[after]), f"killed at {point}"
        pair = [start(root), start(root)]
        for proc in pair:
            proc.join()
        assert [proc.exitcode for proc in pair] == [0, 0]
        assert tree_digest(root / "docs") == expected[after], f"round {i}"
        assert no_leftovers(root)
    assert kills == ROUNDS


def test_a_swap_interrupted_between_two_renames_is_undone(repo):
    """Where the file system cannot exchange two folders, docs/ is swapped by two renames; a kill between
    them leaves docs.old/ and docs.new/, and the next build restores a complete docs/ first."""
    root, versions, expected = repo
    corrections = root / "sources" / "corrections.yaml"
    corrections.write_text(versions["a"], encoding="utf-8")
    assert build(root) == 0
    shutil.copytree(root / "docs", root / "docs.new")
    (root / "docs.new" / "shuji" / "gongpu-yishi.md").unlink()  # a half-assembled tree
    os.rename(root / "docs", root / "docs.old")
    write.recover(root / "docs")
    assert tree_digest(root / "docs") == expected["a"] and no_leftovers(root)


def test_recovery_keeps_a_hand_written_file_found_only_in_a_leftover_tree(repo):
    root, versions, expected = repo
    (root / "sources" / "corrections.yaml").write_text(versions["a"], encoding="utf-8")
    assert build(root) == 0
    shutil.copytree(root / "docs", root / "docs.new")
    (root / "docs.new" / "saved-by-hand.md").write_text("# 只在这里\n", encoding="utf-8")
    assert build(root) == 0
    assert (root / "docs" / "saved-by-hand.md").read_text(encoding="utf-8") == "# 只在这里\n"
    assert no_leftovers(root)
    (root / "docs" / "saved-by-hand.md").unlink()


def test_a_second_build_waits_for_the_lock(repo, tmp_path):
    root, versions, expected = repo
    with write.build_lock(root / "build"):
        waiting = start(root)
        waiting.join(timeout=3)
        assert waiting.exitcode is None  # still waiting for the lock
    waiting.join()
    assert waiting.exitcode == 0
