"""Stable URLs: every chapter address ever published keeps working.

sources/redirects.yaml records, for each chapter page that moved (slug or role changed) or was
removed, the page that replaces it: `- {from: zugong/wuzhong-yishi-nengli, to: shuji/wuzhong-yishi}`.
The build keeps it (`update`, called with the chapters before and after a build); the site hook
(hooks/redirects.py) writes a redirect page at each old address and the chapter's PDF at its old
PDF address. Addresses are `role_slug/slug`; a removed chapter leads to its role's index (`role_slug/`)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from .model import HandbookError
from .rules import load_yaml

ADDRESS = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*/(?:[a-z0-9]+(?:-[a-z0-9]+)*)?$")
HEADER = ("# Old chapter addresses and the pages that replace them, kept by `python build_content.py`\n"
          "# when a chapter's slug or role changes or a chapter is removed (hooks/redirects.py serves them).\n"
          "# Commit this file with the change; edit it only to remove an entry nobody needs.\n")


@dataclass(frozen=True)
class Redirect:
    old: str  # role_slug/slug of the old chapter
    new: str  # role_slug/slug of the page that replaces it, or role_slug/ (its role index)


@dataclass(frozen=True)
class ChapterAddress:
    """A generated chapter as the redirects see it: where it is and which essay it is."""

    address: str  # role_slug/slug
    source_file: str
    title: str


def load(path: Path) -> list[Redirect]:
    if not path.exists():
        return []
    data = load_yaml(path) or {}
    items = data.get("redirects") if isinstance(data, dict) else None
    if not isinstance(items, list):
        raise HandbookError(f"{path.name}: must hold one list, 'redirects:'")
    out = []
    for i, item in enumerate(items):
        if not isinstance(item, dict) or set(item) != {"from", "to"}:
            raise HandbookError(f"{path.name}: redirects[{i}] must have exactly the keys 'from' and 'to'")
        for key in ("from", "to"):
            if not ADDRESS.fullmatch(str(item[key])):
                raise HandbookError(f"{path.name}: redirects[{i}].{key} {item[key]!r} must be role_slug/slug "
                                    "(lowercase ASCII letters, digits and hyphens), e.g. shuji/gongpu-yishi")
        out.append(Redirect(str(item["from"]), str(item["to"])))
    return out


def dump(redirects: list[Redirect]) -> str:
    items = [{"from": r.old, "to": r.new} for r in sorted(redirects, key=lambda r: r.old)]
    return HEADER + yaml.safe_dump({"redirects": items}, allow_unicode=True, sort_keys=False, width=10**6)


def update(redirects: list[Redirect], before: list[ChapterAddress], after: list[ChapterAddress]) -> list[Redirect]:
    """The redirects after a build that turned the chapters `before` into `after` (`before` may hold
    only the chapters that are gone). A chapter that is gone is followed to the chapter of the same
    source and title (or, failing that, the only new chapter of its source); with none, to its role's
    index. Old redirects follow the chapter on, and an address that holds a chapter again is no longer
    redirected."""
    now = {c.address for c in after}
    gone = [c for c in before if c.address not in now]
    new = [c for c in after if c.address not in {b.address for b in before}]
    moved: dict[str, str] = {}
    for old in gone:
        same = [c for c in new if c.source_file == old.source_file]
        successor = next((c for c in same if c.title == old.title), same[0] if len(same) == 1 else None)
        moved[old.address] = successor.address if successor else old.address.split("/")[0] + "/"
    kept = {r.old: moved.get(r.new, r.new) for r in redirects}
    kept.update(moved)
    return [Redirect(old, new) for old, new in sorted(kept.items()) if old not in now and old != new]
