"""Fixtures shared by all tests: a throwaway copy of the repository, one strict build of the site
served on 127.0.0.1, and one Chromium (Playwright allows one sync instance per process)."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from handbook.pdf import find_cjk_font
from tests.repo import copy_repo
from tests.site.helpers import CHROMIUM, CHROMIUM_ARGS, CONFIG, SITE_ROOT, serve


@pytest.fixture
def repo_copy(tmp_path):
    """A copy of the fixture repository (code, pinned seeds, built docs/) to change and build in."""
    return copy_repo(tmp_path / "repo")


# ---- the built site, served locally ------------------------------------------------------------------

@pytest.fixture(scope="session")
def build(tmp_path_factory):
    """`mkdocs build --strict` of the fixture repository: (site dir, build log)."""
    out = tmp_path_factory.mktemp("handbook-site")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    proc = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(CONFIG), "-d", str(out)],
                          cwd=SITE_ROOT, capture_output=True, text=True, env=env)
    log = proc.stdout + proc.stderr
    assert proc.returncode == 0, log
    return out, log


@pytest.fixture(scope="session")
def site_dir(build) -> Path:
    return build[0]


@pytest.fixture(scope="session")
def server(site_dir):
    with serve(site_dir) as base:
        yield base


# ---- one Chromium for the session --------------------------------------------------------------------

@pytest.fixture(scope="session")
def browser(tmp_path_factory):
    if not Path(CHROMIUM).is_file():
        pytest.skip(f"{CHROMIUM} not installed")
    from playwright.sync_api import sync_playwright

    # Readers' machines have a CJK font; give Chromium the package's Noto Serif SC the same way.
    fc = tmp_path_factory.mktemp("fontconfig")
    (fc / "fonts.conf").write_text(
        '<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n'
        '  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>\n'
        f"  <dir>{find_cjk_font().parent}</dir>\n  <cachedir>{fc / 'cache'}</cachedir>\n</fontconfig>\n",
        encoding="utf-8")
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS,
                              env={**os.environ, "FONTCONFIG_FILE": str(fc / "fonts.conf")})
        yield b
        b.close()
