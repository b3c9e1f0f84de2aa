"""Two site builds from the same docs/ give the same search index and the same chapter PDFs."""

import hashlib
import subprocess
import sys

from tests.repo import fixture_repo


def test_two_site_builds_are_identical(tmp_path):
    digests = []
    for name in ("a", "b"):
        out = tmp_path / name
        subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(out)], cwd=fixture_repo(), check=True,
                       capture_output=True)
        files = [out / "search" / "search_index.json", *sorted((out / "pdf").rglob("*.pdf"))]
        digests.append({f.relative_to(out).as_posix(): hashlib.sha256(f.read_bytes()).hexdigest() for f in files})
    assert len(digests[0]) > 5 and digests[0] == digests[1]
