"""The only stage that writes: bring docs/ in step with the plan, atomically.

The new docs/ is assembled next to the old one and swapped in with two renames, so an error or a
kill leaves either the old docs/ or the new one, never a mix. Hand-written pages are copied as they
are; generated files (front matter `generated_by: build_content.py`) whose source is gone are removed."""

from __future__ import annotations

import difflib
import os
import shutil
from pathlib import Path

from .render import GENERATED_BY

MARK = f"generated_by: {GENERATED_BY}"


def is_generated(path: Path) -> bool:
    try:
        head = path.read_text(encoding="utf-8", errors="replace")[:4000]
    except OSError:
        return False
    return head.startswith("---") and MARK in head.split("\n---", 1)[0]


def generated_files(docs: Path) -> dict[str, Path]:
    if not docs.exists():
        return {}
    return {p.relative_to(docs).as_posix(): p for p in sorted(docs.rglob("*.md")) if is_generated(p)}


def differences(docs: Path, files: dict[str, str]) -> list[tuple[str, str]]:
    """(path, problem) for every file of docs/ out of step with the plan."""
    out = []
    current = generated_files(docs)
    for rel, text in sorted(files.items()):
        path = docs / rel
        if not path.exists():
            out.append((rel, "missing"))
        elif path.read_bytes() != text.encode("utf-8"):
            out.append((rel, "changed" if rel in current else "hand-written file in the way"))
    for rel in sorted(set(current) - set(files)):
        out.append((rel, "stale (its source is gone)"))
    return out


def suggest_correction(old: str, new: str, source: str) -> str | None:
    """A corrections entry that would turn the generated text into the hand-edited one."""
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    for tag, a1, a2, b1, b2 in matcher.get_opcodes():
        if tag != "equal":
            # widen the context until the find text occurs only once
            for margin in range(4, 40, 2):
                lo, hi = max(0, a1 - margin), min(len(old), a2 + margin)
                find = old[lo:hi]
                if old.count(find) == 1:
                    break
            replace = old[lo:a1] + new[b1:b2] + old[a2:hi]
            return f"- source: {source}\n  find: {find}\n  replace: {replace}\n  reason: （改动的理由）"
    return None


def recover(docs: Path) -> None:
    """Finish or undo a swap that a kill interrupted."""
    old, new = docs.with_name(docs.name + ".old"), docs.with_name(docs.name + ".new")
    if not docs.exists() and old.exists():
        old.rename(docs)
    for leftover in (old, new):
        if leftover.exists():
            shutil.rmtree(leftover)


def write(docs: Path, files: dict[str, str]) -> list[str]:
    """Make docs/ hold exactly the planned generated files plus the hand-written ones. Returns the
    paths that changed."""
    recover(docs)
    changed = [rel for rel, _ in differences(docs, files)]
    if not changed:
        return []
    current = generated_files(docs)
    new = docs.with_name(docs.name + ".new")
    if docs.exists():
        shutil.copytree(docs, new, ignore=lambda d, names: [
            n for n in names if (Path(d) / n).relative_to(docs).as_posix() in current])
    else:
        new.mkdir(parents=True)
    for rel, text in files.items():
        target = new / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    old = docs.with_name(docs.name + ".old")
    if docs.exists():
        os.rename(docs, old)
    os.rename(new, docs)
    if old.exists():
        shutil.rmtree(old)
    return changed
