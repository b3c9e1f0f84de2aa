"""MkDocs hook: order the navigation so that mkdocs.yml never lists chapters.

MkDocs builds the navigation from the files in docs/ (no `nav:` in mkdocs.yml). This hook puts it
in the handbook's order:

1. the home page (docs/index.md), titled `extra.handbook.home_title` (首页) in the navigation;
2. one section per role, in the fixed order of rules/roles.yaml (书记 · 镇长 · 组工干部),
   titled with the role's name; inside it the role index first, then the chapters by their
   `order` front matter (the manifest order), then by title. A role with more chapters than
   `extra.handbook.chapters_per_group` has them in groups (第 1–50 篇, 第 51–100 篇 …): with
   navigation.prune a chapter page then carries only its own group, so its size does not grow with
   the handbook;
3. any other folder, alphabetically;
4. the hand-written pages at the top of docs/ grouped in one section (`extra.handbook.more_section`),
   ordered by their `order` front matter.

MkDocs' own functions then link parents and previous/next pages, so the footer follows the same order. The front
matter is read here because MkDocs reads pages only after `on_nav`.
"""

from __future__ import annotations

import logging
import posixpath

# MkDocs' own linking, as get_navigation() does it (private names: mkdocs is pinned in requirements.txt)
from mkdocs.exceptions import PluginError
from mkdocs.structure.nav import Section, _add_parent_links, _add_previous_and_next_links, _get_by_type
from mkdocs.structure.pages import Page
from mkdocs.utils.meta import get_data

from handbook.contract import load_roles
from handbook.model import HandbookError

log = logging.getLogger("mkdocs.hooks.nav_order")

LAST = 10**9
# extra.handbook settings when mkdocs.yml leaves them out: the values it sets
DEFAULTS = {"home_title": "首页", "more_section": "关于本书", "chapters_per_group": 50}


def _meta(page: Page) -> dict:
    try:
        _, meta = get_data(page.file.content_string)
    except Exception:  # unreadable file: MkDocs reports it when it reads the page
        return {}
    return meta if isinstance(meta, dict) else {}


def _order(value) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        return LAST


def _page_key(page: Page) -> tuple:
    meta = _meta(page)
    title = meta.get("title") or posixpath.basename(page.file.src_uri)
    return (0 if page.file.name == "index" else 1, _order(meta.get("order")), str(title), page.file.src_uri)


def _folder(item) -> str | None:
    """The top folder of docs/ that a section's pages live in."""
    pages = _get_by_type(item.children, Page)
    return pages[0].file.src_uri.split("/", 1)[0] if pages else None


def _sort_children(section: Section) -> None:
    for child in section.children:
        if isinstance(child, Section):
            _sort_children(child)
    section.children.sort(key=lambda c: _page_key(c) if isinstance(c, Page) else (2, LAST, c.title or "", ""))


def _grouped(section: Section, size: int) -> None:
    """Put the chapters of a role section in groups of `size`, the role index staying first."""
    chapters = [c for c in section.children if not (isinstance(c, Page) and c.file.name == "index")]
    if len(chapters) <= size:
        return
    lead = [c for c in section.children if c not in chapters]
    groups = [Section(f"第 {i + 1}–{i + len(chapters[i:i + size])} 篇", chapters[i:i + size])
              for i in range(0, len(chapters), size)]
    section.children[:] = lead + groups


def on_nav(nav, config, files):
    settings = {**DEFAULTS, **((config.extra or {}).get("handbook") or {})}
    try:
        roles = load_roles()
    except HandbookError as err:  # the first hook to need the rules: a broken rules file is one line
        raise PluginError(str(err)) from None
    order = {r.slug: i for i, r in enumerate(roles)}
    names = {r.slug: r.name for r in roles}

    home, role_sections, other_sections, loose = [], [], [], []
    for item in nav.items:
        if isinstance(item, Page) and item.file.src_uri == "index.md":
            item.title = settings["home_title"]
            home.append(item)
        elif isinstance(item, Section):
            folder = _folder(item)
            _sort_children(item)
            if folder in order:
                item.title = names[folder]
                _grouped(item, int(settings["chapters_per_group"]))
                role_sections.append((order[folder], item))
            else:
                other_sections.append(item)
        else:
            loose.append(item)

    missing = [r.slug for r in roles if r.slug not in {_folder(s) for _, s in role_sections}]
    if missing:
        log.info(f"No chapters yet for role folder(s): {', '.join(missing)}")

    items = home + [s for _, s in sorted(role_sections, key=lambda x: x[0])]
    items += sorted(other_sections, key=lambda s: s.title or "")
    pages = sorted((p for p in loose if isinstance(p, Page)), key=_page_key)
    links = [x for x in loose if not isinstance(x, Page)]
    if pages:
        items.append(Section(settings["more_section"], pages))
    items += links

    _add_parent_links(items)  # the top-level items came from the top level: no parent
    nav.items[:] = items
    nav.pages[:] = _get_by_type(items, Page)
    _add_previous_and_next_links(nav.pages)
    return nav
