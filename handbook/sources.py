"""The manifest (sources/manifest.yaml) and the corrections file (sources/corrections.yaml)."""

from __future__ import annotations

import os
import re
from pathlib import Path

from .model import Correction, EssayOverride, HandbookError, SourceEntry
from .rules import load_yaml

SOURCE_KEYS = {"file", "site", "address", "obtained", "essays"}
ESSAY_KEYS = {"match", "title", "slug", "role"}
CORRECTION_KEYS = {"source", "essay", "find", "replace", "reason"}
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
# The reason `build_content.py --check` prints in a suggested entry, and others that say nothing.
PLACEHOLDER_REASON = "（改动的理由）"
EMPTY_REASON = re.compile(r"^[\s（(]*(改动的)?理由[）)\s]*$|^(todo|tbd|fixme|xxx|…+|\.+)?$", re.I)


def validate_slug(slug: str, where: str) -> str:
    if not SLUG.fullmatch(slug or "") or len(slug) > 80:
        raise HandbookError(f"{where}: slug {slug!r} must be lowercase ASCII letters, digits and single hyphens (e.g. gongpu-yishi)")
    return slug


def _check_keys(item, allowed: set[str], where: str) -> None:
    if not isinstance(item, dict):
        raise HandbookError(f"{where}: must be a mapping, got {type(item).__name__}")
    unknown = sorted(set(item) - allowed)
    if unknown:
        raise HandbookError(f"{where}: unknown key {unknown[0]!r} (allowed: {', '.join(sorted(allowed))})")


def _load_list(path: Path, root: Path, key: str) -> tuple[str, list]:
    """The list under `key` of a YAML file whose only top-level key is `key`, and the file's name."""
    data = load_yaml(path) or {}
    name = path.relative_to(root).as_posix() if path.is_relative_to(root) else str(path)
    _check_keys(data, {key}, name)
    items = data.get(key) or []
    if not isinstance(items, list):
        raise HandbookError(f"{name}: '{key}' must be a list")
    return name, items


def load_manifest(path: Path, root: Path, role_names: list[str]) -> list[SourceEntry]:
    name, items = _load_list(path, root, "sources")
    # plain strings, not Path objects: this check runs once per source on every build
    sources_dir = os.path.join(os.path.realpath(root / "sources"), "")
    entries = []
    for i, item in enumerate(items):
        where = f"{name}: sources[{i}]"
        _check_keys(item, SOURCE_KEYS, where)
        if "file" not in item:
            raise HandbookError(f"{where}: missing key 'file'")
        file = str(item["file"])
        if not os.path.realpath(os.path.join(root, file)).startswith(sources_dir):
            raise HandbookError(f"{where}: file {file!r} must be inside sources/")
        essays = []
        for j, essay in enumerate(item.get("essays") or []):
            ewhere = f"{where}.essays[{j}]"
            _check_keys(essay, ESSAY_KEYS, ewhere)
            if "match" not in essay:
                raise HandbookError(f"{ewhere}: missing key 'match' (the essay's title as the cleaner finds it, or #N for the N-th essay)")
            if essay.get("role") and essay["role"] not in role_names:
                raise HandbookError(f"{ewhere}: role {essay['role']!r} is not one of {', '.join(role_names)}")
            if essay.get("slug"):
                validate_slug(str(essay["slug"]), ewhere)
            essays.append(EssayOverride(**{k: str(v) for k, v in essay.items()}))
        entries.append(SourceEntry(
            file=file, site=item.get("site"), address=item.get("address"),
            obtained=str(item["obtained"]) if item.get("obtained") else None, essays=tuple(essays)))
    return entries


def load_corrections(path: Path, root: Path) -> list[Correction]:
    if not path.exists():
        return []
    name, items = _load_list(path, root, "corrections")
    out = []
    for i, item in enumerate(items):
        where = f"{name}: corrections[{i}]"
        _check_keys(item, CORRECTION_KEYS, where)
        missing = [k for k in ("source", "find", "replace", "reason") if k not in item]
        if missing:
            raise HandbookError(f"{where}: missing key {missing[0]!r}")
        if not str(item["find"]):
            raise HandbookError(f"{where}: 'find' is empty")
        if EMPTY_REASON.match(str(item["reason"] or "").strip()):
            raise HandbookError(f"{where}: reason {item['reason']!r} is a placeholder: write why the text is "
                                "changed (readers see it under the chapter's corrections)")
        out.append(Correction(source=str(item["source"]), find=str(item["find"]), replace=str(item["replace"]),
                              reason=str(item["reason"]), essay=item.get("essay"), index=i))
    return out
