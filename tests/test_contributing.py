"""CONTRIBUTING.md's worked examples run as written; hand edits of generated chapters are caught;
the workflows use only the README's commands."""

import re
from pathlib import Path

import yaml

from tests.repo import ROOT, run_build

GUIDE = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
BLOCKS = re.findall(r"```(\w+)\n(.*?)```", GUIDE, re.S)


def block(language: str, containing: str) -> str:
    return next(text for lang, text in BLOCKS if lang == language and containing in text)


def append(path: Path, text: str) -> None:
    path.write_text(path.read_text(encoding="utf-8").rstrip("\n") + "\n" + text, encoding="utf-8")


def chapter(repo: Path, rel: str) -> tuple[dict, str]:
    front, body = (repo / "docs" / rel).read_text(encoding="utf-8").split("\n---\n", 1)
    return yaml.safe_load(front.lstrip("-\n")), body


def test_typo_example(repo_copy):
    entry = block("yaml", "replace:")
    append(repo_copy / "sources" / "corrections.yaml", entry)
    result = run_build(repo_copy)
    assert result.returncode == 0, result.stderr
    meta, body = chapter(repo_copy, "zhenzhang/zhenzhang-zhize.md")
    new = yaml.safe_load(entry)[0]
    assert new["replace"] in body and new["find"] not in body
    assert {"find": new["find"], "replace": new["replace"], "reason": new["reason"]} in meta["corrections"]


def test_new_source_example(repo_copy):
    entry = block("yaml", "diyifanwen")
    raw = repo_copy / yaml.safe_load(entry)[0]["file"]
    raw.write_text("当前位置:首页 >> 范文 >> 组织工作\n组工干部的职责\n发布时间:2024-05-06 阅读量:99\n"
                   "组工干部肩负着选干部、配班子、建队伍、抓基层的重要职责,必须坚持公道正派。\n"
                   "要严格执行干部选拔任用条例,把好干部标准落到实处。\n下载本文档\n", encoding="utf-8")
    clean = block("bash", "clean sources/raw")
    assert raw.name in clean
    append(repo_copy / "sources" / "manifest.yaml", entry)
    result = run_build(repo_copy)
    assert result.returncode == 0, result.stderr
    assert raw.name in result.stdout  # the report has a row for the new source
    meta, body = chapter(repo_copy, "zugong/zugong-ganbu-zhize.md")
    assert meta["source"]["site"] == "第一范文网"
    assert "必须坚持公道正派。" in body and "下载本文档" not in body and "阅读量" not in body


def test_move_role_example(repo_copy):
    entry = block("yaml", "role: 书记")
    essay = yaml.safe_load(entry)[0]
    manifest = repo_copy / "sources" / "manifest.yaml"
    text = manifest.read_text(encoding="utf-8")
    old = re.search(rf"      - match: {re.escape(essay['match'])}\n(        .*\n)*", text).group(0)
    manifest.write_text(text.replace(old, entry), encoding="utf-8")
    assert run_build(repo_copy).returncode == 0
    assert (repo_copy / "docs" / "shuji" / f"{essay['slug']}.md").exists()
    assert not (repo_copy / "docs" / "zugong" / "wuzhong-yishi-nengli.md").exists()


def test_hand_edited_chapter_fails_check_with_guidance(repo_copy):
    path = repo_copy / "docs" / "zhenzhang" / "zhenzhang-zhize.md"
    path.write_text(path.read_text(encoding="utf-8").replace("独挡一面", "独当一面"), encoding="utf-8")
    result = run_build(repo_copy, "--check")
    assert result.returncode == 1
    assert "docs/zhenzhang/zhenzhang-zhize.md" in result.stdout
    assert "do not edit it by hand" in result.stdout and "sources/corrections.yaml" in result.stdout
    assert "source: sources/raw/zhongshang-zhenzhang-zhize.txt" in result.stdout
    assert "独当一面" in result.stdout


def test_workflows_are_valid_and_use_only_readme_commands():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    workflows = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
    assert workflows
    for path in workflows:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        runs = [step["run"] for job in data["jobs"].values() for step in job["steps"] if "run" in step]
        for command in runs:
            assert command in readme, f"{path.name}: {command!r} is not a README command"
    ci = yaml.safe_load((ROOT / ".github" / "workflows" / "ci.yml").read_text(encoding="utf-8"))
    assert "pull_request" in ci[True]  # YAML reads the key "on" as True
