"""MkDocs hook: a generated chapter edited by hand is not published without a word.

Before the build, docs/ is compared with what build_content.py makes from sources/ (the pipeline's
cache makes this cheap); each chapter edited by hand is a warning, so `mkdocs build --strict` fails,
and the warning says what to run to keep the edit."""

from __future__ import annotations

import logging
from pathlib import Path

from handbook import write
from handbook.build import Paths, plan
from handbook.model import HandbookError

log = logging.getLogger("mkdocs.hooks.hand_edits")


def on_pre_build(config, **kwargs):
    paths = Paths(Path(config.config_file_path).resolve().parent)
    if not paths.manifest.exists():
        return
    try:
        result = plan(paths)
    except HandbookError as err:
        log.warning(f"docs/ cannot be checked against sources/: {err}")
        return
    for rel, problem in write.differences(Path(config.docs_dir), result.files):
        if problem == "changed":
            log.warning(f"docs/{rel} was edited by hand; `python build_content.py` would replace it and the edit "
                        f"would be lost. Run `python build_content.py --check` for the corrections entry that keeps it.")
