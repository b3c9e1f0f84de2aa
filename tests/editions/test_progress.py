"""Progress of the long stages (issue 16): a bar with counts and time left on a terminal, one line per
stage in CI or when the output is not a terminal."""

from __future__ import annotations

import fcntl
import os
import pty
import re
import struct
import subprocess
import sys
import termios

from tests.pdf.helpers import FIXTURE_DOCS
from tests.repo import ROOT

STAGES = """
import sys
from handbook.epub import build_epubs
from handbook.offline import build_offline
from handbook.pdf import build_pdfs
site = sys.argv[1]
build_pdfs({docs!r}, site, cache_dir=site + "/cache", book=False)
build_epubs({docs!r}, site, cache_dir=site + "/cache")
build_offline(site)
"""


def run(site, env: dict, terminal: bool) -> str:
    """The stages' output on a pseudo-terminal or on a pipe."""
    cmd = [sys.executable, "-c", STAGES.format(docs=str(FIXTURE_DOCS)), str(site)]
    env = {k: v for k, v in {**os.environ, **env}.items() if v is not None}
    if not terminal:
        proc = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True, check=True)
        return proc.stdout + proc.stderr
    main, sub = pty.openpty()
    fcntl.ioctl(sub, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 100, 0, 0))  # a terminal 100 columns wide
    proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdin=sub, stdout=sub, stderr=sub)
    os.close(sub)
    out = b""
    while True:
        try:
            chunk = os.read(main, 65536)
        except OSError:  # the child closed the terminal
            break
        if not chunk:
            break
        out += chunk
    os.close(main)
    assert proc.wait() == 0, out.decode(errors="replace")
    return out.decode(errors="replace")


def test_a_terminal_shows_a_bar_per_stage_with_counts_and_time_left(tmp_path):
    out = run(tmp_path / "site", {"CI": None}, terminal=True)
    for stage, total in (("PDF", 2), ("EPUB", 3), ("offline", 10)):
        # done / total [elapsed < left]; a fast stage may end before the bar is drawn at its end
        assert re.search(rf"{stage}: [^\r]*\d/{total} \[[0-9:]+ < [0-9:?]+\]", out), out
    assert re.search(r"PDF: [^\r]*1/2 \[[0-9:]+ < [0-9:]+\]", out), out


def test_ci_and_pipes_get_no_bar(tmp_path):
    assert run(tmp_path / "a", {"CI": "true"}, terminal=True) == ""
    assert run(tmp_path / "b", {"CI": None}, terminal=False) == ""


def test_the_site_build_logs_one_line_per_stage(build):
    _, log = build
    for stage in ("PDF", "EPUB", "Offline"):
        lines = [line for line in log.splitlines() if re.match(rf"INFO\s+-\s+{stage}: ", line)]
        assert len(lines) == 1, (stage, log)
    assert "\r" not in log
