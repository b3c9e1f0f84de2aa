"""Read chapters back from docs/ (front matter + Markdown, see CONTRACT.md) for the print HTML."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

import markdown
import yaml
from markupsafe import Markup

from ..contract import NOTE, ChapterMeta, Role, load_roles, split_front_matter
from ..rules import RULES_DIR

# The PDF stage's own limit, whatever wrote docs/: a longer chapter takes WeasyPrint minutes, not seconds.
# The pipeline refuses such essays earlier (rules/settings.yaml: max_chapter_chars).
MAX_CHAPTER_BYTES = 200_000


class ChapterError(ValueError):
    """A chapter file in docs/ cannot be read for printing."""


@dataclass
class ChapterFile:
    """A chapter file in docs/ read back for printing: its front matter and its Markdown body."""

    meta: ChapterMeta
    body_md: str
    path: Path
    digest: str  # sha256 of the chapter file's bytes

    def __getattr__(self, name: str):
        # the front matter's fields (title, role_slug, source, notes …) read as the chapter's own
        if name == "meta":
            raise AttributeError(name)
        return getattr(self.meta, name)

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
        html = NOTE.sub(lambda m: f'<span class="editorial-note">{m.group(0)}</span>', html)
        return Markup(html)


@dataclass
class RoleGroup:
    name: str
    slug: str
    full_name: str
    chapters: list[ChapterFile]

    @property
    def anchor(self) -> str:
        return f"role-{self.slug}"


def strip_title(body: str, title: str) -> str:
    """Drop the leading `# title` line: the print template sets the title itself."""
    lines = body.lstrip("\n").split("\n")
    if lines and re.match(r"#\s+\S", lines[0]) and not lines[0].startswith("##"):
        lines = lines[1:]
    return "\n".join(lines).strip("\n") + "\n"


def read_chapter(path: Path) -> ChapterFile | None:
    """The chapter in `path`, or None when the file is not a chapter (index pages, hand-written pages)."""
    raw = path.read_bytes()
    try:
        meta, body = split_front_matter(raw.decode("utf-8"))
    except (UnicodeDecodeError, yaml.YAMLError) as exc:
        raise ChapterError(f"{path}: cannot read front matter: {exc}") from exc
    if not ChapterMeta.is_chapter(meta):
        return None
    if len(raw) > MAX_CHAPTER_BYTES:
        raise ChapterError(f"{path}: is {len(raw):,} bytes, over the {MAX_CHAPTER_BYTES:,} a chapter PDF is made from; "
                           f"split the source into several files")
    missing = ChapterMeta.missing(meta)
    if missing:
        raise ChapterError(f"{path}: lacks front matter {', '.join(missing)} (see CONTRACT.md)")
    try:
        chapter = ChapterMeta.read(meta)
    except (TypeError, ValueError) as exc:
        raise ChapterError(f"{path}: front matter cannot be read: {exc}") from exc
    return ChapterFile(chapter, strip_title(body, chapter.title), path, hashlib.sha256(raw).hexdigest())


def roles_for(docs_dir: str | Path | None) -> list[Role]:
    """Role order and names: the rules beside docs/ (a handbook's own), else this project's rules."""
    beside = Path(docs_dir).resolve().parent / "rules" if docs_dir is not None else None
    return load_roles(beside if beside is not None and (beside / "roles.yaml").is_file() else RULES_DIR)


def load_chapters(docs_dir: str | Path) -> list[ChapterFile]:
    """Every chapter under docs_dir, in handbook order: role order, then `order`, then slug."""
    docs_dir = Path(docs_dir)
    chapters = [c for p in sorted(docs_dir.rglob("*.md")) if (c := read_chapter(p)) is not None]
    rank = {r.slug: i for i, r in enumerate(roles_for(docs_dir))}
    chapters.sort(key=lambda c: (rank.get(c.role_slug, len(rank)), c.role_slug, c.order, c.slug))
    seen: dict[str, Path] = {}
    for c in chapters:
        if c.pdf_relpath in seen:
            raise ChapterError(f"{c.path} and {seen[c.pdf_relpath]} both claim {c.role_slug}/{c.slug}")
        seen[c.pdf_relpath] = c.path
    return chapters


def group_by_role(chapters: list[ChapterFile], docs_dir: str | Path | None = None) -> list[RoleGroup]:
    """Chapters grouped by role in the handbook's role order; roles without chapters are left out."""
    roles = roles_for(docs_dir)
    known = {r.slug for r in roles}
    for c in chapters:
        if c.role_slug not in known:
            roles.append(Role(c.role, c.role_slug, c.role))
            known.add(c.role_slug)
    groups = []
    for r in roles:
        members = [c for c in chapters if c.role_slug == r.slug]
        if members:
            groups.append(RoleGroup(r.name, r.slug, r.full_name, members))
    return groups
