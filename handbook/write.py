"""The only stage that writes: bring docs/ in step with the plan, atomically, one build at a time.

The new docs/ is assembled next to the old one (docs.new/) and exchanged with it in one step
(renameat2 RENAME_EXCHANGE), so docs/ exists at every instant and an error or a kill leaves either the
old docs/ or the new one, never a mix. Where the file system cannot exchange, two renames are used and
the next build finishes or undoes a swap that a kill interrupted. Hand-written pages are carried over
as they are; generated files (front matter `generated_by: build_content.py`) whose source is gone are
removed."""

from __future__ import annotations

import ctypes
import difflib
import errno
import fcntl
import os
import posixpath
import re
import shutil
import signal
import sys
from contextlib import contextmanager
from pathlib import Path

import yaml

from .contract import GENERATED_BY, markdown_of
from .sources import PLACEHOLDER_REASON

MARK = f"generated_by: {GENERATED_BY}"


def is_generated(content: bytes) -> bool:
    head = content[:4000].decode("utf-8", errors="replace")
    return head.startswith("---") and MARK in head.split("\n---", 1)[0]


def is_hand_written(path: Path) -> bool:
    """A file of docs/ that the build did not make (and so must never change)."""
    try:
        with open(path, "rb") as f:
            return not is_generated(f.read(4000))
    except FileNotFoundError:
        return False
    except IsADirectoryError:
        return True


def generated(current: dict[str, bytes]) -> set[str]:
    return {rel for rel, content in current.items() if is_generated(content)}


def docs_files(docs: Path) -> dict[str, bytes]:
    """Every file of docs/, of any kind (path relative to docs/ → content), each read once."""
    if not docs.exists():
        return {}
    return {p.relative_to(docs).as_posix(): p.read_bytes() for p in sorted(docs.rglob("*")) if p.is_file()}


def differences(docs: Path, files: dict[str, str], current: dict[str, bytes] | None = None) -> list[tuple[str, str]]:
    """(path, problem) for every file of docs/ out of step with the plan."""
    current = docs_files(docs) if current is None else current
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


def _as_paragraph_text(markdown: str) -> str:
    # corrections match paragraphs joined by one line break (handbook/corrections.py)
    return re.sub(r"\n{2,}(?:#{1,6} )?", "\n", markdown)


def suggest_correction(old: str, new: str, source: str, essay: str | None = None) -> str | None:
    """A corrections entry, indented as an item of `corrections:` in sources/corrections.yaml, that
    would turn the generated chapter `old` into the hand-edited `new`; None when the edit is not
    in the text (the front matter comes from sources/manifest.yaml)."""
    old, new = _as_paragraph_text(markdown_of(old)), _as_paragraph_text(markdown_of(new))
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


LOCK_NAME = "build.lock"


@contextmanager
def build_lock(folder: Path):
    """One build at a time: an exclusive lock on folder/build.lock, which the OS releases when the
    process ends, however it ends. A second build waits for the first. A POSIX record lock (lockf),
    not flock: it belongs to this process only, so the cleaning workers forked while it is held do
    not keep it after a kill."""
    folder.mkdir(parents=True, exist_ok=True)
    with open(folder / LOCK_NAME, "a") as f:
        try:
            fcntl.lockf(f, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as err:
            if err.errno not in (errno.EACCES, errno.EAGAIN):
                raise
            print("waiting for another build to finish …", file=sys.stderr)
            fcntl.lockf(f, fcntl.LOCK_EX)
        yield


def _checkpoint(name: str) -> None:
    """A test hook: HANDBOOK_TEST_KILL_AT=<name> kills the build at that point of the write stage, so
    tests interrupt it exactly there instead of guessing with a timer."""
    if os.environ.get("HANDBOOK_TEST_KILL_AT") == name:
        os.kill(os.getpid(), signal.SIGKILL)


def _salvage(leftover: Path, docs: Path) -> None:
    """Remove a tree a kill left behind, first carrying into docs/ any hand-written file docs/ lacks."""
    for path in sorted(leftover.rglob("*")):
        rel = path.relative_to(leftover)
        if path.is_file() and not (docs / rel).exists() and is_hand_written(path):
            (docs / rel).parent.mkdir(parents=True, exist_ok=True)
            os.replace(path, docs / rel)
    shutil.rmtree(leftover)


def recover(docs: Path) -> None:
    """Finish or undo a swap that a kill interrupted; never lose a hand-written file."""
    old, new = docs.with_name(docs.name + ".old"), docs.with_name(docs.name + ".new")
    if not docs.exists() and old.exists():
        old.rename(docs)
    if not docs.exists() and new.exists():
        new.rename(docs)  # assembled from docs/, which is gone: the best tree there is
    for leftover in (old, new):
        if leftover.exists():
            _salvage(leftover, docs)


_RENAME_EXCHANGE = 2
_AT_FDCWD = -100


def _exchange(a: Path, b: Path) -> bool:
    """Swap two directories in one step (Linux renameat2). False where the OS or file system has no
    such call."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    if renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE) == 0:
        return True
    err = ctypes.get_errno()
    if err in (errno.EINVAL, errno.ENOSYS, errno.EOPNOTSUPP):
        return False
    raise OSError(err, os.strerror(err), str(a))


def _swap(docs: Path, new: Path) -> None:
    """Put new/ in place of docs/. After it, new/ holds the old tree or is gone."""
    if docs.exists() and _exchange(new, docs):
        _checkpoint("exchanged")
        shutil.rmtree(new)
        return
    old = docs.with_name(docs.name + ".old")
    if docs.exists():
        os.rename(docs, old)
        _checkpoint("between-renames")
    os.rename(new, docs)
    if old.exists():
        shutil.rmtree(old)


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
    current = docs_files(docs)
    problems = differences(docs, files, current)
    if not problems:
        return []
    changed = [rel for rel, _ in problems]
    stale = generated(current) - set(files)
    new = docs.with_name(docs.name + ".new")
    try:
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
                _checkpoint("writing")
    except BaseException:  # a full disk, Ctrl-C: docs/ is untouched, and no half-made tree is left
        shutil.rmtree(new, ignore_errors=True)
        raise
    _checkpoint("assembled")
    _swap(docs, new)
    return changed
