"""Read chapters back from docs/ (front matter + Markdown, see CONTRACT.md) for the print HTML."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path

import markdown
import yaml
from markupsafe import Markup

# Fallback when rules/roles.yaml is not next to docs/ (same data as the pipeline's role rules).
DEFAULT_ROLES = [
    {"name": "书记", "slug": "shuji", "full_name": "乡镇党委书记"},
    {"name": "镇长", "slug": "zhenzhang", "full_name": "乡镇长"},
    {"name": "组工干部", "slug": "zugong", "full_name": "组织部门干部"},
]

_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?\r?\n)---[ \t]*\r?\n", re.S)
_NOTE = re.compile(r"〔[^〔〕<>\n]{1,40}〕")
_REQUIRED_KEYS = ("title", "role_slug", "slug")
# The PDF stage's own limit, whatever wrote docs/: a longer chapter takes WeasyPrint minutes, not seconds.
# The pipeline refuses such essays earlier (rules/settings.yaml: max_chapter_chars).
MAX_CHAPTER_BYTES = 200_000


class ChapterError(ValueError):
    """A chapter file in docs/ cannot be read for printing."""


@dataclass
class Chapter:
    title: str
    role: str
    role_slug: str
    slug: str
    order: int
    body_md: str
    path: Path
    digest: str  # sha256 of the chapter file's bytes
    meta: dict = field(default_factory=dict)

    @property
    def source(self) -> dict:
        return self.meta.get("source") or {}

    @property
    def corrections(self) -> list:
        return self.meta.get("corrections") or []

    @property
    def notes(self) -> list:
        return self.meta.get("notes") or []

    @property
    def reading_minutes(self):
        return self.meta.get("reading_minutes")

    @property
    def characters(self):
        return self.meta.get("characters")

    @property
    def anchor(self) -> str:
        return f"ch-{self.role_slug}-{self.slug}"

    @property
    def pdf_relpath(self) -> str:
        return f"{self.role_slug}/{self.slug}.pdf"

    def body_html(self, id_prefix: str = "") -> Markup:
        """The chapter body (without its # title) as HTML; editorial notes 〔…〕 wrapped for styling."""
        md = markdown.Markdown(extensions=["extra", "sane_lists"], output_format="html")
        html = md.convert(self.body_md)
        if id_prefix:
            html = re.sub(r'\bid="([^"]+)"', lambda m: f'id="{id_prefix}{m.group(1)}"', html)
        html = _NOTE.sub(lambda m: f'<span class="editorial-note">{m.group(0)}</span>', html)
        return Markup(html)


@dataclass
class RoleGroup:
    name: str
    slug: str
    full_name: str
    chapters: list[Chapter]

    @property
    def anchor(self) -> str:
        return f"role-{self.slug}"


def split_front_matter(text: str) -> tuple[dict, str]:
    """(front matter dict, Markdown body); ({}, text) when the file has no front matter."""
    text = text.lstrip("\ufeff")
    m = _FRONT_MATTER.match(text)
    if not m:
        return {}, text
    meta = yaml.safe_load(m.group(1)) or {}
    if not isinstance(meta, dict):
        return {}, text
    return meta, text[m.end():]


def strip_title(body: str, title: str) -> str:
    """Drop the leading `# title` line: the print template sets the title itself."""
    lines = body.lstrip("\n").split("\n")
    if lines and re.match(r"#\s+\S", lines[0]) and not lines[0].startswith("##"):
        lines = lines[1:]
    return "\n".join(lines).strip("\n") + "\n"


def read_chapter(path: Path) -> Chapter | None:
    """The chapter in `path`, or None when the file is not a chapter (index pages, hand-written pages)."""
    raw = path.read_bytes()
    try:
        meta, body = split_front_matter(raw.decode("utf-8"))
    except (UnicodeDecodeError, yaml.YAMLError) as exc:
        raise ChapterError(f"{path}: cannot read front matter: {exc}") from exc
    if not all(meta.get(k) for k in _REQUIRED_KEYS):
        return None
    if len(raw) > MAX_CHAPTER_BYTES:
        raise ChapterError(f"{path}: is {len(raw):,} bytes, over the {MAX_CHAPTER_BYTES:,} a chapter PDF is made from; "
                           f"split the source into several files")
    return Chapter(
        title=str(meta["title"]),
        role=str(meta.get("role") or meta["role_slug"]),
        role_slug=str(meta["role_slug"]),
        slug=str(meta["slug"]),
        order=int(meta.get("order") or 0),
        body_md=strip_title(body, str(meta["title"])),
        path=path,
        digest=hashlib.sha256(raw).hexdigest(),
        meta=meta,
    )


def load_roles(docs_dir: Path) -> list[dict]:
    """Role order and names: rules/roles.yaml beside docs/ if present, else the built-in three roles."""
    rules = Path(docs_dir).resolve().parent / "rules" / "roles.yaml"
    if rules.is_file():
        try:
            data = yaml.safe_load(rules.read_text(encoding="utf-8")) or {}
            roles = [
                {"name": r["name"], "slug": r["slug"], "full_name": r.get("full_name") or r["name"]}
                for r in data.get("roles", [])
            ]
            if roles:
                return roles
        except (yaml.YAMLError, KeyError, TypeError):
            pass
    return [dict(r) for r in DEFAULT_ROLES]


def load_chapters(docs_dir: str | Path) -> list[Chapter]:
    """Every chapter under docs_dir, in handbook order: role order, then `order`, then slug."""
    docs_dir = Path(docs_dir)
    chapters = [c for p in sorted(docs_dir.rglob("*.md")) if (c := read_chapter(p)) is not None]
    rank = {r["slug"]: i for i, r in enumerate(load_roles(docs_dir))}
    chapters.sort(key=lambda c: (rank.get(c.role_slug, len(rank)), c.role_slug, c.order, c.slug))
    seen: dict[str, Path] = {}
    for c in chapters:
        if c.pdf_relpath in seen:
            raise ChapterError(f"{c.path} and {seen[c.pdf_relpath]} both claim {c.role_slug}/{c.slug}")
        seen[c.pdf_relpath] = c.path
    return chapters


def group_by_role(chapters: list[Chapter], docs_dir: str | Path | None = None) -> list[RoleGroup]:
    """Chapters grouped by role in the handbook's role order; roles without chapters are left out."""
    roles = load_roles(Path(docs_dir)) if docs_dir is not None else [dict(r) for r in DEFAULT_ROLES]
    known = {r["slug"] for r in roles}
    for c in chapters:
        if c.role_slug not in known:
            roles.append({"name": c.role, "slug": c.role_slug, "full_name": c.role})
            known.add(c.role_slug)
    groups = []
    for r in roles:
        members = [c for c in chapters if c.role_slug == r["slug"]]
        if members:
            groups.append(RoleGroup(r["name"], r["slug"], r["full_name"], members))
    return groups
