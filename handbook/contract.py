"""The chapter contract (CONTRACT.md): what build_content.py writes into docs/ and what the site's
hooks and the PDF code read back. Defined here once, so the writer and the readers cannot drift."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from .rules import RULES_DIR, Role, load_rules

# The front matter line that marks a file in docs/ as generated (never edit it by hand).
GENERATED_BY = "build_content.py"
MANIFEST_FILE = "sources/manifest.yaml"
CORRECTIONS_FILE = "sources/corrections.yaml"
# An editorial note inside a chapter's text (〔原文此处缺失〕 …): the editors' words, not the author's.
NOTE = re.compile(r"〔[^〔〕<>\n]{1,60}〕")
FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?\r?\n)---[ \t]*\r?\n", re.S)


def load_roles(rules_dir: Path = RULES_DIR) -> list[Role]:
    """The role groups in the handbook's order, from the rules the pipeline uses."""
    return list(load_rules(rules_dir).roles.roles)


@dataclass(frozen=True)
class ChapterMeta:
    """A chapter's front matter, in the order it is written. Sources are untrusted: `source` is the
    manifest entry's provenance as a mapping (file, site, address, obtained), `corrections` the
    reviewed fixes as mappings (find, replace, reason)."""

    title: str
    role: str
    role_slug: str
    slug: str
    order: int
    source: dict
    manifest: str = MANIFEST_FILE
    corrections_file: str = CORRECTIONS_FILE
    corrections: tuple[dict, ...] = ()
    notes: tuple[str, ...] = ()
    characters: int = 0
    reading_minutes: int = 0
    generated_by: str = GENERATED_BY

    # What the site and the PDFs need of a chapter; a chapter without one of them is an error.
    REQUIRED = ("title", "role", "role_slug", "slug", "order", "source", "reading_minutes")

    def front_matter(self) -> dict:
        return {
            "title": self.title,
            "role": self.role,
            "role_slug": self.role_slug,
            "slug": self.slug,
            "order": self.order,
            "source": dict(self.source),
            "manifest": self.manifest,
            "corrections_file": self.corrections_file,
            "corrections": [dict(c) for c in self.corrections],
            "notes": list(self.notes),
            "characters": self.characters,
            "reading_minutes": self.reading_minutes,
            "generated_by": self.generated_by,
        }

    @staticmethod
    def is_chapter(meta: dict) -> bool:
        """Generated and with a source: a chapter. The home page and the role indexes have no source."""
        return meta.get("generated_by") == GENERATED_BY and "source" in meta

    @staticmethod
    def missing(meta: dict) -> list[str]:
        """The required keys a chapter's front matter lacks (empty when it has them all)."""
        missing = [k for k in ChapterMeta.REQUIRED if meta.get(k) in (None, "")]
        source = meta.get("source") or {}
        if not isinstance(source, dict) or not source.get("file"):
            missing.append("source.file")
        return missing

    @classmethod
    def read(cls, meta: dict) -> ChapterMeta:
        """The front matter of a chapter that has every required key (see `missing`)."""
        return cls(
            title=str(meta["title"]),
            role=str(meta["role"]),
            role_slug=str(meta["role_slug"]),
            slug=str(meta["slug"]),
            order=int(meta["order"]),
            source=dict(meta["source"]),
            manifest=str(meta.get("manifest") or MANIFEST_FILE),
            corrections_file=str(meta.get("corrections_file") or CORRECTIONS_FILE),
            corrections=tuple(meta.get("corrections") or ()),
            notes=tuple(meta.get("notes") or ()),
            characters=meta.get("characters") or 0,
            reading_minutes=meta.get("reading_minutes") or 0,
        )


def _front_matter(text: str) -> tuple[str | None, str]:
    """(the front matter's YAML, or None when there is none; the Markdown after it), a leading BOM ignored."""
    text = text.lstrip("\ufeff")
    m = FRONT_MATTER.match(text)
    return (m.group(1), text[m.end():]) if m else (None, text)


def split_front_matter(text: str) -> tuple[dict, str]:
    """(front matter dict, Markdown body); ({}, text) when the file has no front matter."""
    front, body = _front_matter(text)
    meta = (yaml.safe_load(front) or {}) if front is not None else {}
    if not isinstance(meta, dict):
        return {}, text.lstrip("\ufeff")
    return meta, body


def markdown_of(text: str) -> str:
    """A page's Markdown without its front matter, which is not read (a hand edit may have broken it)."""
    return _front_matter(text)[1]
