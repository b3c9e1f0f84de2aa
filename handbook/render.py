"""Render chapters and the generated pages (home, one index per role) with Jinja2."""

from __future__ import annotations

import math
from pathlib import Path

import yaml
from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from .contract import GENERATED_BY, ChapterMeta
from .model import Chapter, Essay, SourceEntry
from .rules import RoleRules
from .structure import escape_markdown
from .text import han_count

TEMPLATES = Path(__file__).resolve().parent / "templates"
# libyaml's emitter when PyYAML has it: the pure-Python one dominated rebuild time
SafeDumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


def environment() -> Environment:
    """Autoescaped: a value from a source reaches the page as text unless a template says otherwise.
    Titles in Markdown go through the `md` filter (Markdown syntax escaped too)."""
    env = Environment(loader=FileSystemLoader(TEMPLATES), undefined=StrictUndefined, autoescape=True,
                      keep_trailing_newline=True, trim_blocks=True, lstrip_blocks=True)
    env.filters["md"] = lambda text: Markup(escape_markdown(str(text)))
    env.globals["generated_by"] = GENERATED_BY
    return env


def _dump(data: dict) -> str:
    return yaml.dump(data, Dumper=SafeDumper, allow_unicode=True, sort_keys=False, width=1000)


def render_chapter(env: Environment, essay: Essay, source: SourceEntry, role_slug: str, order: int,
                   chars_per_minute: int) -> Chapter:
    characters = han_count(essay.markdown)
    minutes = max(1, math.ceil(characters / chars_per_minute))
    front = ChapterMeta(
        title=essay.title, role=essay.role, role_slug=role_slug, slug=essay.slug, order=order,
        source={"file": source.file, "site": source.site, "address": source.address, "obtained": source.obtained},
        corrections=tuple({"find": c.find, "replace": c.replace, "reason": c.reason} for c in essay.corrections),
        notes=tuple(essay.notes), characters=characters, reading_minutes=minutes,
    ).front_matter()
    # both already safe: YAML written by the dumper, Markdown escaped by structure.to_markdown
    text = env.get_template("chapter.md.j2").render(front_matter=Markup(_dump(front)),
                                                    markdown=Markup(essay.markdown.rstrip()))
    return Chapter(path=f"{role_slug}/{essay.slug}.md", source_file=source.file, title=essay.title, role=essay.role, role_slug=role_slug,
                   slug=essay.slug, order=order, text=text, characters=characters, reading_minutes=minutes)


def render_indexes(env: Environment, chapters: list[Chapter], roles_rules: RoleRules) -> dict[str, str]:
    roles = []
    for r in roles_rules.roles:
        mine = sorted((c for c in chapters if c.role == r.name), key=lambda c: c.order)
        roles.append({"name": r.name, "slug": r.slug, "full_name": r.full_name, "chapters": [
            {"title": c.title, "slug": c.slug, "role": c.role, "role_slug": c.role_slug, "url": c.path,
             "reading_minutes": c.reading_minutes, "characters": c.characters} for c in mine]})
    pages = {"index.md": env.get_template("home.md.j2").render(roles=roles, total_chapters=len(chapters))}
    for role in roles:
        pages[f"{role['slug']}/index.md"] = env.get_template("role_index.md.j2").render(role=role)
    return pages
