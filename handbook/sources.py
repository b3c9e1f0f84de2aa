"""The manifest (sources/manifest.yaml) and the corrections file (sources/corrections.yaml)."""

from __future__ import annotations

import os
import re
from datetime import date
from pathlib import Path

from . import markup
from .model import Correction, EssayOverride, HandbookError, SourceEntry
from .rules import load_yaml

SOURCE_KEYS = {"file", "site", "address", "obtained", "essays"}
ESSAY_KEYS = {"match", "title", "slug", "role"}
CORRECTION_KEYS = {"source", "essay", "find", "replace", "reason"}
RESERVED_SLUGS = {"index"}  # docs/<role>/index.md is the role index
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
# The reason `build_content.py --check` prints in a suggested entry, and others that say nothing.
PLACEHOLDER_REASON = "（改动的理由）"
EMPTY_REASON = re.compile(r"^[\s（(]*(改动的)?理由[）)\s]*$|^(todo|tbd|fixme|xxx|…+|\.+)?$", re.I)


def validate_slug(slug: str, where: str) -> str:
    if not SLUG.fullmatch(slug or "") or len(slug) > 80:
        raise HandbookError(f"{where}: slug {slug!r} must be lowercase ASCII letters, digits and single hyphens (e.g. gongpu-yishi)")
    if slug in RESERVED_SLUGS:
        raise HandbookError(f"{where}: slug {slug!r} is the name of the role's index page; choose another slug")
    return slug


def _check_keys(item, allowed: set[str], where: str) -> None:
    if not isinstance(item, dict):
        raise HandbookError(f"{where}: must be a mapping, got {type(item).__name__}")
    unknown = sorted(set(item) - allowed)
    if unknown:
        raise HandbookError(f"{where}: unknown key {unknown[0]!r} (allowed: {', '.join(sorted(allowed))})")


def _load_list(path: Path, root: Path, key: str) -> tuple[str, list]:
    """The list under `key` of a YAML file whose only top-level key is `key`, and the file's name."""
    name = path.relative_to(root).as_posix() if path.is_relative_to(root) else str(path)
    data = load_yaml(path, name) or {}
    _check_keys(data, {key}, name)
    items = data.get(key) or []
    if not isinstance(items, list):
        raise HandbookError(f"{name}: '{key}' must be a list")
    return name, items


def _text(item: dict, key: str, where: str, required: bool = False, empty: bool = True) -> str | None:
    """A value that must be text (or absent/null when not required): YAML would otherwise turn a
    number into "5", a list into "['a']" and an empty value into "None"."""
    if required and key not in item:
        raise HandbookError(f"{where}: missing key {key!r}")
    value = item.get(key)
    if value is None:
        if required:
            hint = f" (write {key}: '' for no text)" if empty else ""
            raise HandbookError(f"{where}: {key!r} has no value{hint}")
        return None
    if not isinstance(value, str):
        raise HandbookError(f"{where}: {key} must be text, got {type(value).__name__} {value!r}; put it in quotes")
    if not empty and not value.strip():
        raise HandbookError(f"{where}: {key!r} is empty")
    return value


ADDRESS = re.compile(r"^https?://[^\s<>\"'`]+$", re.I)


def _obtained(item: dict, where: str) -> str | None:
    value = item.get("obtained")
    if value is None:
        return None
    text = value.isoformat() if isinstance(value, date) else value
    try:
        date.fromisoformat(text if isinstance(text, str) else "")
    except ValueError:
        raise HandbookError(f"{where}: obtained {value!r} must be a date written YYYY-MM-DD") from None
    return text


def load_manifest(path: Path, root: Path, role_names: list[str]) -> list[SourceEntry]:
    name, items = _load_list(path, root, "sources")
    if not items:
        raise HandbookError(f"{name}: lists no sources; every chapter would be deleted (add sources under 'sources:')")
    # plain strings, not Path objects: this check runs once per source on every build
    sources_dir = os.path.join(os.path.realpath(root / "sources"), "")
    entries = []
    for i, item in enumerate(items):
        where = f"{name}: sources[{i}]"
        _check_keys(item, SOURCE_KEYS, where)
        file = _text(item, "file", where, required=True, empty=False)
        if not os.path.realpath(os.path.join(root, file)).startswith(sources_dir):
            raise HandbookError(f"{where}: file {file!r} must be inside sources/")
        address = _text(item, "address", where)
        if address is not None and not ADDRESS.fullmatch(address):
            raise HandbookError(f"{where}: address {address!r} must be an http:// or https:// web address, or null")
        essay_items = item.get("essays") or []
        if not isinstance(essay_items, list):
            raise HandbookError(f"{where}: essays must be a list of {{match: …}} entries, got {essay_items!r}")
        essays = []
        matches: dict[str, int] = {}
        for j, essay in enumerate(essay_items):
            ewhere = f"{where}.essays[{j}]"
            _check_keys(essay, ESSAY_KEYS, ewhere)
            if "match" not in essay:
                raise HandbookError(f"{ewhere}: missing key 'match' (the essay's title as the cleaner finds it, or #N for the N-th essay)")
            match = _text(essay, "match", ewhere, required=True, empty=False)
            if match in matches:
                raise HandbookError(f"{ewhere}: match {match!r} is already used by essays[{matches[match]}]; merge the two entries")
            matches[match] = j
            values = {k: _text(essay, k, ewhere) for k in ("title", "slug", "role")}
            if values["role"] and values["role"] not in role_names:
                raise HandbookError(f"{ewhere}: role {values['role']!r} is not one of {', '.join(role_names)}")
            if values["slug"]:
                validate_slug(values["slug"], ewhere)
            if values["title"] is not None:
                values["title"] = markup.clean_field(values["title"])
                if not values["title"]:
                    raise HandbookError(f"{ewhere}: title is empty once markup is removed")
            essays.append(EssayOverride(match=match, where=f"{name}: sources[{i}].essays[{j}]", **values))
        entries.append(SourceEntry(file=file, site=_site(item, where), address=address,
                                   obtained=_obtained(item, where), essays=tuple(essays)))
    return entries


def _site(item: dict, where: str) -> str | None:
    site = _text(item, "site", where)
    return markup.clean_field(site) if site else site


def load_corrections(path: Path, root: Path) -> list[Correction]:
    if not path.exists():
        return []
    name, items = _load_list(path, root, "corrections")
    out = []
    for i, item in enumerate(items):
        where = f"{name}: corrections[{i}]"
        _check_keys(item, CORRECTION_KEYS, where)
        source = _text(item, "source", where, required=True, empty=False)
        find = _text(item, "find", where, required=True, empty=False)
        replace = _text(item, "replace", where, required=True)
        reason = _text(item, "reason", where, required=True, empty=False)
        if EMPTY_REASON.match(reason.strip()):
            raise HandbookError(f"{where}: reason {reason!r} is a placeholder: write why the text is "
                                "changed (readers see it under the chapter's corrections)")
        out.append(Correction(source=source, find=find, replace=replace, reason=reason,
                              essay=_text(item, "essay", where), index=i))
    return out
