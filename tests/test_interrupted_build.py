"""Killing a build at any moment leaves docs/ either as it was or as the build would make it, never
half-written; the next build finishes the job."""

import signal
import subprocess
import sys
import time

import pytest

from tests.repo import copy_repo, run_build
from tests.test_cli import tree_digest

TYPO = ("  - source: sources/raw/zhongshang-zhenzhang-zhize.txt\n    find: 又要独挡一面抓好政府工作\n"
        "    replace: 又要独当一面抓好政府工作\n    reason: 错别字。\n")


def with_new_correction(repo):
    corrections = repo / "sources" / "corrections.yaml"
    corrections.write_text(corrections.read_text(encoding="utf-8") + TYPO, encoding="utf-8")
    return repo


@pytest.fixture(scope="module")
def expected(tmp_path_factory):
    repo = with_new_correction(copy_repo(tmp_path_factory.mktemp("expected") / "repo"))
    assert run_build(repo).returncode == 0
    return tree_digest(repo / "docs")


@pytest.mark.parametrize("delay", [0.3, 0.8, 1.2, 1.6, 2.0])
def test_killed_build_leaves_old_or_new_docs(tmp_path, expected, delay):
    repo = copy_repo(tmp_path / "repo")
    before = tree_digest(repo / "docs")
    with_new_correction(repo)
    proc = subprocess.Popen([sys.executable, str(repo / "build_content.py"), "--root", str(repo), "--jobs", "1"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(delay)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    after_kill = tree_digest(repo / "docs") if (repo / "docs").exists() else None
    assert after_kill in (before, expected) or not (repo / "docs").exists() and (repo / "docs.old").exists()
    assert run_build(repo).returncode == 0
    assert tree_digest(repo / "docs") == expected
    assert not (repo / "docs.new").exists() and not (repo / "docs.old").exists()
