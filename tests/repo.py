"""The repository root, the pinned fixture repository the tests build in, and throwaway copies of it.

Tests check the product on pinned inputs, never on today's corpus: the fixture repository is the
repository's code (handbook/, rules/, hooks/, overrides/, mkdocs.yml, the hand-written pages of docs/)
with the seed pages pinned under tests/fixtures/seeds/ as its sources/, built once per test process
in a temporary directory. A contributor's change to sources/ or docs/ changes none of it; the live
content has its own checks (`build_content.py --check`, tests/test_copywriting.py, tests/test_links.py)."""

import atexit
import shutil
import subprocess
import sys
import tempfile
from functools import lru_cache
from pathlib import Path

from handbook.write import is_generated

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "tests" / "fixtures" / "seeds"
CODE_PARTS = ("rules", "handbook", "build_content.py", "mkdocs.yml", "overrides", "hooks")


def run_build(root: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(root / "build_content.py"), "--root", str(root), *args],
                          capture_output=True, text=True, cwd=root)


def _hand_written(folder: str, names: list[str]) -> list[str]:
    """copytree filter: leave out generated pages (the fixture's build writes its own)."""
    return [n for n in names if n.endswith(".md") and is_generated((Path(folder) / n).read_bytes())]


@lru_cache(maxsize=1)
def fixture_repo() -> Path:
    """The fixture repository, built (docs/ in step with the pinned sources). Do not write to it:
    tests that change files work on `copy_repo`."""
    target = Path(tempfile.mkdtemp(prefix="handbook-fixture-"))
    atexit.register(shutil.rmtree, target, True)
    for part in CODE_PARTS:
        src = ROOT / part
        if src.is_dir():
            shutil.copytree(src, target / part, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(src, target / part)
    shutil.copytree(SEEDS / "sources", target / "sources")
    shutil.copytree(ROOT / "docs", target / "docs", ignore=_hand_written)
    result = run_build(target, "--jobs", "1")
    if result.returncode != 0:
        raise RuntimeError(f"the fixture repository does not build: {result.stderr}")
    shutil.rmtree(target / "build", ignore_errors=True)
    return target


def copy_repo(target: Path) -> Path:
    """A copy of the fixture repository to change and build in, without the build/ caches that site
    builds in the fixture repository leave (hooks/hand_edits.py runs the pipeline there)."""
    source = fixture_repo()
    shutil.copytree(source, target, dirs_exist_ok=True,
                    ignore=lambda folder, names: ["build"] if Path(folder) == source else [])
    return target
