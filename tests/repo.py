"""The repository root, and a throwaway copy of it for builds that write."""

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REPO_PARTS = ("sources", "rules", "handbook", "docs", "build_content.py", "mkdocs.yml", "overrides", "hooks")


def copy_repo(target: Path) -> Path:
    for part in REPO_PARTS:
        src = ROOT / part
        if src.is_dir():
            shutil.copytree(src, target / part, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(src, target / part)
    return target


def run_build(root: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(root / "build_content.py"), "--root", str(root), *args],
                          capture_output=True, text=True, cwd=root)
