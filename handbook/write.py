"""The only stage that writes: bring docs/ in step with the plan, atomically.

The new docs/ is assembled next to the old one and swapped in with two renames, so an error or a
kill leaves either the old docs/ or the new one, never a mix. Hand-written pages are copied as they
are; generated files (front matter `generated_by: build_content.py`) whose source is gone are removed."""

from __future__ import annotations

import difflib
import os
import posixpath
import re
import shutil
from pathlib import Path

import yaml

from .render import GENERATED_BY
from .sources import PLACEHOLDER_REASON

MARK = f"generated_by: {GENERATED_BY}"


def is_generated(content: bytes) -> bool:
    head = content[:4000].decode("utf-8", errors="replace")
    return head.startswith("---") and MARK in head.split("\n---", 1)[0]


def generated(current: dict[str, bytes]) -> set[str]:
    return {rel for rel, content in current.items() if is_generated(content)}


def markdown_files(docs: Path) -> dict[str, bytes]:
    """Every Markdown file of docs/ (path relative to docs/ → content), each read once."""
    if not docs.exists():
        return {}
    return {p.relative_to(docs).as_posix(): p.read_bytes() for p in sorted(docs.rglob("*.md"))}


def differences(docs: Path, files: dict[str, str], current: dict[str, bytes] | None = None) -> list[tuple[str, str]]:
    """(path, problem) for every file of docs/ out of step with the plan."""
    current = markdown_files(docs) if current is None else current
    made = generated(current)
    out = []
    for rel, text in sorted(files.items()):
        if rel not in current:
            out.append((rel, "missing"))
        elif current[rel] != text.encode("utf-8"):
            out.append((rel, "changed" if rel in made else "hand-written file in the way"))
    for rel in sorted(made - set(files)):
        out.append((rel, "stale (its source is gone)"))
    return out


def _yaml_scalar(text: str) -> str:
    """`text` as one YAML scalar that pastes on one line (quoted when it has to be)."""
    style = '"' if "\n" in text else None  # "\n" stays one line only in double quotes
    dumped = yaml.safe_dump(text, allow_unicode=True, width=10**6, default_style=style)
    return dumped.removesuffix("\n").removesuffix("\n...")


def _body(text: str) -> str:
    """The Markdown of a generated chapter, without its front matter."""
    parts = text.split("\n---\n", 1)
    return parts[1] if len(parts) == 2 and text.startswith("---") else text


def _as_paragraph_text(markdown: str) -> str:
    # corrections match paragraphs joined by one line break (handbook/corrections.py)
    return re.sub(r"\n{2,}(?:#{1,6} )?", "\n", markdown)


def suggest_correction(old: str, new: str, source: str, essay: str | None = None) -> str | None:
    """A corrections entry, indented as an item of `corrections:` in sources/corrections.yaml, that
    would turn the generated chapter `old` into the hand-edited `new`; None when the edit is not
    in the text (the front matter comes from sources/manifest.yaml)."""
    old, new = _as_paragraph_text(_body(old)), _as_paragraph_text(_body(new))
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    changes = [op for op in matcher.get_opcodes() if op[0] != "equal"]
    if not changes:
        return None
    a1, a2, b1, b2 = changes[0][1], changes[-1][2], changes[0][3], changes[-1][4]
    # widen the context within the paragraph until the find text occurs only once
    start = old.rfind("\n", 0, a1) + 1
    end = old.find("\n", a2)
    end = len(old) if end < 0 else end
    for margin in range(4, 200, 2):
        lo, hi = max(start, a1 - margin), min(end, a2 + margin)
        if old.count(old[lo:hi]) == 1 or (lo, hi) == (start, end):
            break
    find, replace = old[lo:hi], old[lo:a1] + new[b1:b2] + old[a2:hi]
    lines = [f"  - source: {source}"] + ([f"    essay: {essay}"] if essay else []) + [
        f"    find: {_yaml_scalar(find)}", f"    replace: {_yaml_scalar(replace)}", f"    reason: {PLACEHOLDER_REASON}"]
    return "\n".join(lines)


def recover(docs: Path) -> None:
    """Finish or undo a swap that a kill interrupted."""
    old, new = docs.with_name(docs.name + ".old"), docs.with_name(docs.name + ".new")
    if not docs.exists() and old.exists():
        old.rename(docs)
    for leftover in (old, new):
        if leftover.exists():
            shutil.rmtree(leftover)


def _link_or_copy(src: str, dst: str) -> None:
    """A hard link where the file system has them: an unchanged file costs nothing to carry over."""
    try:
        os.link(src, dst)
    except OSError:
        shutil.copy2(src, dst)


def write(docs: Path, files: dict[str, str]) -> list[str]:
    """Make docs/ hold exactly the planned generated files plus the hand-written ones. Returns the
    paths that changed."""
    recover(docs)
    current = markdown_files(docs)
    problems = differences(docs, files, current)
    if not problems:
        return []
    changed = [rel for rel, _ in problems]
    stale = generated(current) - set(files)
    new = docs.with_name(docs.name + ".new")
    if docs.exists():
        def leave_out_stale(folder: str, names: list[str]) -> list[str]:
            rel = Path(folder).relative_to(docs).as_posix()
            return [n for n in names if posixpath.normpath(f"{rel}/{n}") in stale]

        shutil.copytree(docs, new, copy_function=_link_or_copy, ignore=leave_out_stale if stale else None)
    else:
        new.mkdir(parents=True)
    for rel in changed:
        if rel in files:
            target = new / rel
            # a new file, never a write through the link: the old docs/ must stay as it was until the swap
            target.unlink(missing_ok=True)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(files[rel], encoding="utf-8")
    old = docs.with_name(docs.name + ".old")
    if docs.exists():
        os.rename(docs, old)
    os.rename(new, docs)
    if old.exists():
        shutil.rmtree(old)
    return changed
