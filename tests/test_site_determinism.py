"""Two site builds from the same docs/ give the same search indexes, the same chapter PDFs, EPUBs and offline copy. Each build
runs in its own copy of the repository, so neither reuses the other's PDF cache (build/pdf-cache/) and
nothing is written into this repository's build/."""

import hashlib
import subprocess
import sys

from tests.repo import copy_repo


def test_two_site_builds_are_identical(tmp_path):
    digests = []
    for name in ("a", "b"):
        repo = copy_repo(tmp_path / name / "repo")
        out = tmp_path / name / "site"
        subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(out)], cwd=repo, check=True,
                       capture_output=True)
        assert len(list((repo / "build" / "pdf-cache").glob("*.pdf"))) > 5  # rendered here, not reused
        files = [out / "search" / "search_index.json", *sorted((out / "pagefind").rglob("*.*")),
                 *sorted((out / "pdf").rglob("*.pdf")),
                 *sorted((out / "epub").glob("*.epub")), out / "offline" / "handbook-offline.zip"]
        digests.append({f.relative_to(out).as_posix(): hashlib.sha256(f.read_bytes()).hexdigest() for f in files})
    assert len(digests[0]) > 10 and digests[0] == digests[1]
