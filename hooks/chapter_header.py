"""MkDocs hook: the data of a chapter's header block (overrides/partials/chapter-header.html).

Checks that a chapter has the front matter the site needs (CONTRACT.md; a missing key is a warning,
so `mkdocs build --strict` fails on it) and adds `page.meta["handbook"]`: the role's names, links
to the raw source, the manifest and the corrections file.
"""

from __future__ import annotations

import logging

from handbook.contract import ChapterMeta, Role, load_roles
from handbook.repo_links import RepoLinks

log = logging.getLogger("mkdocs.hooks.chapter_header")


def _url(files, src: str) -> str | None:
    """Site-relative URL of a page in docs/, for the `url` template filter; None if absent."""
    file = files.get_file_from_path(src)
    return file.url if file is not None else None


def on_page_markdown(markdown, page, config, files):
    meta = page.meta
    if not ChapterMeta.is_chapter(meta):
        return markdown
    src = page.file.src_uri
    missing = ChapterMeta.missing(meta)
    if missing:
        log.warning(f"Chapter '{src}' lacks front matter {', '.join(missing)} (see CONTRACT.md)")
        return markdown

    try:
        chapter = ChapterMeta.read(meta)
    except (TypeError, ValueError) as err:
        log.warning(f"Chapter '{src}' has front matter of the wrong kind: {err} (see CONTRACT.md)")
        return markdown
    role = next((r for r in load_roles() if r.slug == chapter.role_slug), None)
    if role is None:
        log.warning(f"Chapter '{src}' has role_slug '{chapter.role_slug}', which is not in rules/roles.yaml")
        role = Role(chapter.role, chapter.role_slug, chapter.role)

    links = RepoLinks.from_config(config)
    source_file = chapter.source["file"]
    meta["handbook"] = {
        "role": role,
        "role_index": _url(files, f"{role.slug}/index.md"),
        "contribute": _url(files, "contribute.md"),
        "source_file": source_file,
        "source_view": links.view(source_file),
        "manifest": chapter.manifest,
        "manifest_edit": links.edit(chapter.manifest),
        "corrections_file": chapter.corrections_file,
        "corrections_edit": links.edit(chapter.corrections_file),
    }
    return markdown
