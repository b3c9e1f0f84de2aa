"""Progress of the long build stages (PDFs, EPUBs, offline copy).

On a terminal a stage shows a bar with counts and time left (tqdm); in CI or when stderr is not a
terminal it shows nothing, and the stage's own summary line is its one line in the log.
"""

from __future__ import annotations

import os
import sys
from contextlib import contextmanager
from typing import Callable, Iterator


def on_terminal() -> bool:
    return sys.stderr.isatty() and not os.environ.get("CI")


@contextmanager
def stage(name: str, total: int) -> Iterator[Callable[[int], None]]:
    """`with stage("PDF", 40) as advance: ... advance(1)` — a bar on a terminal, silent elsewhere."""
    if total <= 0 or not on_terminal():
        yield lambda n=1: None
        return
    from tqdm import tqdm  # noqa: PLC0415  (only on a terminal)

    with tqdm(total=total, desc=name, unit="", file=sys.stderr, dynamic_ncols=True, leave=False,
              bar_format="{desc}: {bar} {n_fmt}/{total_fmt} [{elapsed} < {remaining}]") as bar:
        yield bar.update
