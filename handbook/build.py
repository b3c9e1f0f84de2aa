"""The build: manifest → read → clean → chapters → pages. Everything up to `plan` is pure; `write`
(in write.py) is the only stage that touches docs/."""

from __future__ import annotations

from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from . import read
from .cache import PageCache, key as cache_key_for
from .model import Chapter, CleanPage, Correction, HandbookError, SourceEntry
from .pipeline import clean_page, corrections_for
from .render import environment, render_chapter, render_indexes
from .roles import role_names, role_slug
from .rules import Rules, load_rules
from .sources import load_corrections, load_manifest


@dataclass
class Paths:
    root: Path

    @property
    def manifest(self) -> Path:
        return self.root / "sources" / "manifest.yaml"

    @property
    def corrections(self) -> Path:
        return self.root / "sources" / "corrections.yaml"

    @property
    def docs(self) -> Path:
        return self.root / "docs"

    @property
    def build(self) -> Path:
        return self.root / "build"


@dataclass
class Plan:
    """What the docs/ folder should hold after the build, and what each source gave."""

    files: dict[str, str] = field(default_factory=dict)  # path relative to docs/ → content
    pages: list[CleanPage] = field(default_factory=list)
    chapters: list[Chapter] = field(default_factory=list)


def _clean_source(paths: Paths, rules: Rules, entry: SourceEntry, corrections: list[Correction],
                  cache: PageCache) -> CleanPage:
    """Read and clean one source, or take the result of an identical earlier build from the cache."""
    raw_path = paths.root / entry.file
    text = read.read_source(raw_path, rules.settings["max_source_bytes"], entry.file)
    cache_key = cache_key_for(raw_path.read_bytes(), entry, corrections, rules.fingerprint)
    page = cache.get(cache_key)
    if page is None:
        site = rules.site_for(entry.site, entry.address, text)
        page = clean_page(text, entry.file, rules, site, entry.essays, corrections)
        cache.put(cache_key, page)
    return page


def _clean_all(paths: Paths, rules: Rules, jobs: list, workers: int) -> list[CleanPage]:
    """Clean every source, in manifest order; in a process pool when there are workers to spare."""
    cache = PageCache(paths.build / "cache")
    if workers <= 1 or len(jobs) < 4:
        return [_clean_source(paths, rules, entry, corr, cache) for entry, corr in jobs]
    with ProcessPoolExecutor(max_workers=workers) as pool:
        futures = [pool.submit(_clean_source, paths, rules, entry, corr, cache) for entry, corr in jobs]
        return [f.result() for f in futures]


def plan(paths: Paths, rules: Rules | None = None, workers: int = 1) -> Plan:
    rules = rules or load_rules()
    names = role_names(rules.roles)
    manifest = load_manifest(paths.manifest, paths.root, names)
    corrections = load_corrections(paths.corrections, paths.root)
    known = {e.file for e in manifest} | {Path(e.file).name for e in manifest}
    for c in corrections:
        if c.source not in known:
            raise HandbookError(f"sources/corrections.yaml: corrections[{c.index}] names source {c.source!r}, which is not in sources/manifest.yaml")
    env = environment()
    result = Plan()
    order: dict[str, int] = {}
    jobs = [(entry, corrections_for(entry.file, corrections)) for entry in manifest]
    pages = _clean_all(paths, rules, jobs, workers)
    for (entry, _), page in zip(jobs, pages):
        result.pages.append(page)
        for essay in page.essays:
            if not essay.title:
                raise HandbookError(f"{entry.file}: {essay.warnings[0]}")
            if essay.role is None:
                raise HandbookError(
                    f"{entry.file}: the role of essay {essay.title!r} cannot be decided; add to its entry in "
                    f"sources/manifest.yaml:  essays: [{{match: {essay.title}, role: 书记|镇长|组工干部}}]")
            order[essay.role] = order.get(essay.role, 0) + 1
            result.chapters.append(render_chapter(env, essay, entry, role_slug(rules.roles, essay.role),
                                                  order[essay.role], rules.settings["reading_chars_per_minute"]))
    paths_seen: dict[str, str] = {}
    for chapter in result.chapters:
        if chapter.path in paths_seen:
            raise HandbookError(f"sources/manifest.yaml: two essays would be written to docs/{chapter.path} "
                                f"({paths_seen[chapter.path]!r} and {chapter.title!r}); give one a different slug")
        paths_seen[chapter.path] = chapter.title
        result.files[chapter.path] = chapter.text
    result.files.update(render_indexes(env, result.chapters, rules.roles))
    return result
