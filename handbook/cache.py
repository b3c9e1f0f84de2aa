"""Incremental builds: the cleaned page of a source, and its chapters as rendered, are kept under
build/cache/, keyed by everything that decides them — the raw bytes, its manifest entry, its
corrections, the rules and the code (templates included). Change any of them and the key changes, so
a stale result is never reused. A chapter's place in its role (order) depends on the sources before
it, so a rendered chapter is reused only at the same place."""

from __future__ import annotations

import hashlib
import pickle
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from .model import Chapter, CleanPage, Correction, SourceEntry

PACKAGE = Path(__file__).resolve().parent


@lru_cache(maxsize=1)
def code_version() -> str:
    digest = hashlib.sha256()
    for path in sorted(PACKAGE.rglob("*")):
        if path.suffix in (".py", ".j2") and "__pycache__" not in path.parts:
            digest.update(path.relative_to(PACKAGE).as_posix().encode() + path.read_bytes())
    return digest.hexdigest()


def key(raw: bytes, entry: SourceEntry, corrections: list[Correction], rules_fingerprint: str) -> str:
    digest = hashlib.sha256(raw)
    digest.update(repr((entry, corrections, rules_fingerprint, code_version())).encode())
    return digest.hexdigest()


@dataclass
class CachedSource:
    page: CleanPage
    chapters: dict[int, Chapter] = field(default_factory=dict)  # essay index → chapter as rendered


class PageCache:
    def __init__(self, folder: Path | None):
        self.folder = folder

    def get(self, cache_key: str) -> CachedSource | None:
        if self.folder is None:
            return None
        try:
            return pickle.loads((self.folder / f"{cache_key}.pickle").read_bytes())
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError):
            return None

    def put(self, cache_key: str, source: CachedSource) -> None:
        if self.folder is None:
            return
        self.folder.mkdir(parents=True, exist_ok=True)
        tmp = self.folder / f"{cache_key}.tmp"
        tmp.write_bytes(pickle.dumps(source))
        tmp.replace(self.folder / f"{cache_key}.pickle")
