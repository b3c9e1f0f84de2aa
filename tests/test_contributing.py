"""CONTRIBUTING.md's worked examples run as written, on the fixture repository and, all together, on
a copy of the whole repository where the suite must still pass; docs/contribute.md agrees with it;
every command either guide shows is run here; hand edits of generated chapters are caught with a
corrections entry that pastes."""

import os
import re
import shutil
import signal
import socket
import subprocess
import time
import urllib.request
from pathlib import Path

import pytest
import yaml

from tests.repo import ROOT, run_build

GUIDE = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
READERS_GUIDE = (ROOT / "docs" / "contribute.md").read_text(encoding="utf-8")
FENCE = re.compile(r"```(\w+)\n(.*?)```", re.S)
BLOCKS = FENCE.findall(GUIDE)
NEW_PAGE = ROOT / "tests" / "fixtures" / "contributing" / "diyifanwen-zugong-ganbu-zhize.txt"


def block(language: str, containing: str) -> str:
    return next(text for lang, text in BLOCKS if lang == language and containing in text)


def commands(guide: str) -> list[str]:
    """The shell commands of a guide's bash/sh blocks, without their comments."""
    return [line.split("#", 1)[0].strip() for lang, text in FENCE.findall(guide) if lang in ("bash", "sh")
            for line in text.splitlines() if line.split("#", 1)[0].strip()]


def append(path: Path, text: str) -> None:
    path.write_text(path.read_text(encoding="utf-8").rstrip("\n") + "\n" + text, encoding="utf-8")


def chapter(repo: Path, rel: str) -> tuple[dict, str]:
    front, body = (repo / "docs" / rel).read_text(encoding="utf-8").split("\n---\n", 1)
    return yaml.safe_load(front.lstrip("-\n")), body


def shell(repo: Path, command: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(command, shell=True, cwd=repo, capture_output=True, text=True,
                          env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})})


# ---- each example on the fixture repository -----------------------------------------------------------

def apply_typo(repo: Path) -> None:
    append(repo / "sources" / "corrections.yaml", block("yaml", "独当一面"))


def apply_new_source(repo: Path) -> None:
    """Example 2 up to the build: raw page, site profile, gold sample, manifest entry."""
    entry = block("yaml", "diyifanwen-zugong-ganbu-zhize.txt\n    site:")
    shutil.copyfile(NEW_PAGE, repo / yaml.safe_load(entry)[0]["file"])
    (repo / "rules" / "sites" / "diyifanwen.yaml").write_text(block("yaml", "name: 第一范文网"), encoding="utf-8")
    gold = repo / "tests" / "fixtures" / "artefacts"
    if gold.is_dir():  # the fixture repository has no tests/
        result = shell(repo, next(c for c in commands(GUIDE) if c.startswith("cp ")))
        assert result.returncode == 0, result.stderr
        append(gold / "gold.yaml", block("yaml", "artefact: site-footer"))
    append(repo / "sources" / "manifest.yaml", entry)


def apply_move(repo: Path) -> dict:
    entry = block("yaml", "role: 书记")
    manifest = repo / "sources" / "manifest.yaml"
    text = manifest.read_text(encoding="utf-8")
    essay = yaml.safe_load(entry)[0]
    old = re.search(rf"      - match: {re.escape(essay['match'])}\n(        .*\n)*", text).group(0)
    manifest.write_text(text.replace(old, entry), encoding="utf-8")
    return essay


def apply_query_word(repo: Path) -> str:
    line = block("yaml", "联系群众").rstrip("\n")
    queries = repo / "tests" / "site" / "search" / "queries.yaml"
    text = queries.read_text(encoding="utf-8")
    queries.write_text(text.replace("\nword:\n", f"\nword:\n{line}\n", 1), encoding="utf-8")
    return line.split("- ", 1)[1]


def test_typo_example(repo_copy):
    apply_typo(repo_copy)
    result = run_build(repo_copy)
    assert result.returncode == 0, result.stderr
    meta, body = chapter(repo_copy, "zhenzhang/zhenzhang-zhize.md")
    new = yaml.safe_load(block("yaml", "独当一面"))[0]
    assert new["replace"] in body and new["find"] not in body
    assert {"find": new["find"], "replace": new["replace"], "reason": new["reason"]} in meta["corrections"]


def test_new_source_example(repo_copy):
    apply_new_source(repo_copy)
    clean = next(c for c in commands(GUIDE) if " clean " in c)
    result = shell(repo_copy, clean.replace(".venv/bin/python", str(Path(os.sys.executable))))
    assert result.returncode == 0 and not result.stderr, result.stderr
    # --explain: the page line by line, + kept, - dropped (the footer by the new site's rule), then the essay
    assert "essay: 组工干部的职责 · role: 组工干部" in result.stdout
    footer = next(line for line in result.stdout.splitlines() if "第一范文网整理发布" in line)
    assert footer.startswith("-")
    result = run_build(repo_copy)
    assert result.returncode == 0, result.stderr
    assert NEW_PAGE.name in result.stdout  # the report has a row for the new source
    meta, body = chapter(repo_copy, "zugong/zugong-ganbu-zhize.md")
    assert meta["source"]["site"] == "第一范文网"
    assert "必须坚持公道正派。" in body
    for chrome in ("下载本文档", "阅读量", "第一范文网整理发布", "〔原文至此不完整〕"):
        assert chrome not in body, chrome


def test_move_role_example_keeps_the_old_address(repo_copy):
    essay = apply_move(repo_copy)
    result = run_build(repo_copy)
    assert result.returncode == 0, result.stderr
    assert (repo_copy / "docs" / "shuji" / f"{essay['slug']}.md").exists()
    assert not (repo_copy / "docs" / "zugong" / "wuzhong-yishi-nengli.md").exists()
    redirects = yaml.safe_load((repo_copy / "sources" / "redirects.yaml").read_text(encoding="utf-8"))
    assert {"from": "zugong/wuzhong-yishi-nengli", "to": f"shuji/{essay['slug']}"} in redirects["redirects"]
    # an older address of the chapter now leads to its newest page
    assert {"from": "shuji/wuzhong-yishi-he-nengli", "to": f"shuji/{essay['slug']}"} in redirects["redirects"]
    assert run_build(repo_copy, "--check").returncode == 0


def test_query_word_example(repo_copy):
    queries = repo_copy / "tests" / "site" / "search" / "queries.yaml"
    queries.parent.mkdir(parents=True)
    shutil.copy2(ROOT / "tests" / "site" / "search" / "queries.yaml", queries)
    word = apply_query_word(repo_copy)
    assert ("word", word) in [(k, q) for k, qs in yaml.safe_load(queries.read_text(encoding="utf-8")).items() for q in qs]


# ---- a hand edit: the message, and the entry it prints, pasted as it is --------------------------------

def test_hand_edited_chapter_check_prints_an_entry_that_pastes(repo_copy):
    path = repo_copy / "docs" / "zhenzhang" / "zhenzhang-zhize.md"
    generated = path.read_text(encoding="utf-8")
    path.write_text(generated.replace("独挡一面", "独当一面"), encoding="utf-8")
    result = run_build(repo_copy, "--check")
    assert result.returncode == 1
    assert "docs/zhenzhang/zhenzhang-zhize.md was edited by hand" in result.stdout
    assert "the edit is lost" in result.stdout and "under `corrections:` in sources/corrections.yaml" in result.stdout
    entry = re.search(r"^  - source: .*?\n    reason: .*?\n", result.stdout, re.S | re.M).group(0)
    assert "  - source: sources/raw/zhongshang-zhenzhang-zhize.txt\n" in entry
    # pasted as printed, the placeholder reason is refused, with what to do
    corrections = repo_copy / "sources" / "corrections.yaml"
    append(corrections, entry)
    refused = run_build(repo_copy)
    assert refused.returncode != 0 and "placeholder" in refused.stderr and "write why" in refused.stderr
    assert path.read_text(encoding="utf-8") != generated  # the edit is still there
    # with a reason written, the build keeps the edit
    corrections.write_text(corrections.read_text(encoding="utf-8").replace("（改动的理由）", "错别字。"), encoding="utf-8")
    result = run_build(repo_copy)
    assert result.returncode == 0, result.stderr
    assert "独当一面抓好政府工作" in path.read_text(encoding="utf-8")
    assert run_build(repo_copy, "--check").returncode == 0


def test_build_warns_before_it_replaces_a_hand_edit(repo_copy):
    path = repo_copy / "docs" / "zhenzhang" / "zhenzhang-zhize.md"
    path.write_text(path.read_text(encoding="utf-8").replace("独挡一面", "独当一面"), encoding="utf-8")
    result = run_build(repo_copy)
    assert result.returncode == 0
    assert "warning: docs/zhenzhang/zhenzhang-zhize.md was edited by hand" in result.stderr
    assert "find: ，又要独挡一面" in result.stderr or "find: 又要独挡一面" in result.stderr


def test_strict_site_build_fails_on_a_hand_edited_chapter(repo_copy, tmp_path):
    path = repo_copy / "docs" / "zhenzhang" / "zhenzhang-zhize.md"
    path.write_text(path.read_text(encoding="utf-8").replace("独挡一面", "独当一面"), encoding="utf-8")
    result = shell(repo_copy, f"{os.sys.executable} -m mkdocs build --strict -d {tmp_path / 'site'}")
    assert result.returncode != 0
    assert "docs/zhenzhang/zhenzhang-zhize.md was edited by hand" in result.stdout + result.stderr


# ---- the two guides ------------------------------------------------------------------------------------

def headings(guide: str) -> list[str]:
    return re.findall(r"^## (例[一二三四五六七八九十]：.*)$", guide, re.M)


def test_the_readers_guide_agrees_with_contributing():
    assert headings(READERS_GUIDE) == headings(GUIDE) and len(headings(GUIDE)) == 4
    for lang, text in FENCE.findall(READERS_GUIDE):
        assert text in GUIDE, f"docs/contribute.md has a {lang} block that CONTRIBUTING.md does not:\n{text}"
    assert "sources/raw/" in READERS_GUIDE and "不手工修改" in READERS_GUIDE


# ---- every example, on a copy of the whole repository, then the documented commands --------------------

# What the suite checks after the examples: the examples change sources/ (the live content), rules/
# (a site profile), tests/site/search/queries.yaml (a query word) and tests/fixtures/artefacts/ (a gold sample). The rest of the
# suite reads only the code and the pinned fixtures, which the examples do not touch, so `make test`
# here runs the tests that read what the examples change: the content checks of the live sources
# (--check, copywriting), the gold corpus and the seeds (rules/), and the examples themselves.
AFFECTED = ("test_copywriting or test_artefacts or test_seeds or test_committed_docs or "
            "(test_contributing and not every_example)")
NOT_IN_A_CLONE = {".git", ".venv", "site", "build", "test-artifacts", ".pytest_cache", "docs.new", "docs.old"}


def not_in_a_clone(folder: str, names: list[str]) -> list[str]:
    """copytree filter: what a fresh clone does not have (top level) and byte code (anywhere)."""
    top = Path(folder) == ROOT
    return [n for n in names if n == "__pycache__" or (top and n in NOT_IN_A_CLONE)]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def serve_once(repo: Path) -> str:
    """`make serve` on a free port: the home page it serves."""
    port = free_port()
    proc = subprocess.Popen(f"make serve SERVE_ADDR=127.0.0.1:{port}", shell=True, cwd=repo, start_new_session=True,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        for _ in range(600):
            try:
                return urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=5).read().decode("utf-8")
            except OSError:
                time.sleep(0.5)
        raise AssertionError("make serve did not answer")
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=30)


def test_every_example_on_a_clone_then_every_documented_command(tmp_path):
    clone = tmp_path / "clone"
    shutil.copytree(ROOT, clone, ignore=not_in_a_clone, symlinks=True)
    (clone / ".venv").symlink_to(ROOT / ".venv")
    apply_typo(clone)
    apply_new_source(clone)
    essay = apply_move(clone)
    apply_query_word(clone)

    documented = list(dict.fromkeys(commands(GUIDE) + commands(READERS_GUIDE)))
    run = {"make test": {"PYTEST_ADDOPTS": f"-p no:cacheprovider -k '{AFFECTED}'"}}
    for command in documented:
        if command.startswith("cp ") or command == "make serve":
            continue  # cp: applied above with the example; make serve: a server, run below
        result = shell(clone, command, env=run.get(command))
        assert result.returncode == 0, f"{command}:\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}"
    assert "乡镇干部读本" in serve_once(clone)

    # the clone's site: the new chapter, and the moved chapter's old page and PDF still lead to it
    site = clone / "site"
    assert (site / "zugong" / "zugong-ganbu-zhize" / "index.html").is_file()
    old = (site / "zugong" / "wuzhong-yishi-nengli" / "index.html").read_text(encoding="utf-8")
    assert f'url=../../shuji/{essay["slug"]}' in old
    assert (site / "pdf" / "zugong" / "wuzhong-yishi-nengli.pdf").read_bytes() == \
        (site / "pdf" / "shuji" / f"{essay['slug']}.pdf").read_bytes()
