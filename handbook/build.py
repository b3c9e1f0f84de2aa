"""The build: manifest → read → clean → chapters → pages. Everything up to `plan` is pure; `write`
(in write.py) is the only stage that touches docs/."""

from __future__ import annotations

from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from . import read, write
from .cache import CachedSource, PageCache, key as cache_key_for
from .model import NO_TITLE, Chapter, CleanPage, Correction, Essay, HandbookError, SourceEntry
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
    def redirects(self) -> Path:
        return self.root / "sources" / "redirects.yaml"

    @property
    def docs(self) -> Path:
        return self.root / "docs"

    @property
    def build(self) -> Path:
        return self.root / "build"


@dataclass
class Plan:
    """What the docs/ folder should hold after the build, and what each source gave."""

    files: dict[str, str]  # path relative to docs/ → content
    pages: list[CleanPage]
    chapters: list[Chapter]
    unlisted: list[str]  # raw files the manifest does not list


def unlisted_raw_files(paths: Paths, manifest: list[SourceEntry]) -> list[str]:
    """Files in sources/raw/ that no manifest entry names: the build does not see them."""
    raw = paths.root / "sources" / "raw"
    listed = {(paths.root / e.file).resolve() for e in manifest}
    return sorted(p.relative_to(paths.root).as_posix() for p in raw.rglob("*")
                  if p.is_file() and not p.name.startswith(".") and p.resolve() not in listed) if raw.is_dir() else []


def _clean_source(paths: Paths, rules: Rules, entry: SourceEntry, corrections: list[Correction]) -> CleanPage:
    text = read.read_source(paths.root / entry.file, rules.settings["max_source_bytes"], entry.file)
    site = rules.site_for(entry.site, entry.address, text)
    return clean_page(text, entry.file, rules, site, entry.essays, corrections)


_worker_rules: Rules | None = None  # in a worker process of _clean_all: the rules it was started with


def _set_worker_rules(rules: Rules) -> None:
    global _worker_rules
    _worker_rules = rules


def _clean_in_worker(paths: Paths, entry: SourceEntry, corrections: list[Correction]) -> CleanPage:
    return _clean_source(paths, _worker_rules, entry, corrections)


def _cache_key(paths: Paths, rules: Rules, entry: SourceEntry, corrections: list[Correction]) -> str | None:
    try:
        # the same checks as reading it (size, regular file) before a byte is read
        raw = read.read_bytes(paths.root / entry.file, rules.settings["max_source_bytes"], entry.file)
    except HandbookError:
        return None  # cleaning it reports the problem
    return cache_key_for(raw, entry, corrections, rules.fingerprint)


def _clean_all(paths: Paths, rules: Rules, jobs: list, cache: PageCache,
               workers: int) -> list[tuple[str | None, CachedSource, bool]]:
    """Clean every source, in manifest order: (cache key, cleaned source, whether it came from the
    cache). A source whose cleaned page is in the cache (same bytes, entry, corrections, rules and
    code) is not cleaned again; the rest go to a process pool when there are enough of them to pay
    for it."""
    keys = [_cache_key(paths, rules, entry, corr) for entry, corr in jobs]
    cached = [cache.get(k) if k else None for k in keys]
    todo = [i for i, source in enumerate(cached) if source is None]
    if workers > 1 and len(todo) >= 4:
        # the rules go to each worker once, not with every page: pickling their hundreds of patterns per page cost
        # as much as cleaning a small page
        with ProcessPoolExecutor(max_workers=workers, initializer=_set_worker_rules, initargs=(rules,)) as pool:
            futures = {i: pool.submit(_clean_in_worker, paths, *jobs[i]) for i in todo}
            done = {i: f.result() for i, f in futures.items()}
    else:
        done = {i: _clean_source(paths, rules, *jobs[i]) for i in todo}
    return [(k, source or CachedSource(done[i]), source is not None)
            for i, (k, source) in enumerate(zip(keys, cached))]


def _role_hint(entry: SourceEntry, title: str, position: int, names: list[str]) -> str:
    """Where to set the role: the essay's existing manifest entry, or a new one matching the title
    the cleaner found (an entry's `title:` overrides it, so it cannot be matched on)."""
    roles = "|".join(names)
    own = next((o for o in entry.essays if o.match in (f"#{position}",) or (o.title or o.match) == title), None)
    if own:
        return f"add `role: {roles}` to its entry in sources/manifest.yaml (match: {own.match})"
    return (f"add to its source in sources/manifest.yaml:  essays: [{{match: {title}, role: {roles}}}]"
            f"  (or match: '#{position}', the {position}. essay of the page)")


def plan(paths: Paths, rules: Rules | None = None, workers: int = 1) -> Plan:
    """What docs/ should hold: the recipe of the build, up to writing."""
    rules = rules or load_rules()
    manifest, corrections = _inputs(paths, rules)
    jobs = [(entry, corrections_for(entry.file, corrections)) for entry in manifest]
    env = environment()
    pages, chapters = _chapters(paths, rules, jobs, env, workers)
    files = _files(chapters, env, rules)
    _check_hand_written(paths, files, chapters)
    return Plan(files=files, pages=pages, chapters=chapters, unlisted=unlisted_raw_files(paths, manifest))


def _inputs(paths: Paths, rules: Rules) -> tuple[list[SourceEntry], list[Correction]]:
    """The manifest and the corrections, each correction naming a source of the manifest."""
    manifest = load_manifest(paths.manifest, paths.root, role_names(rules.roles))
    corrections = load_corrections(paths.corrections, paths.root)
    known = {e.file for e in manifest} | {Path(e.file).name for e in manifest}
    for c in corrections:
        if c.source not in known:
            raise HandbookError(f"sources/corrections.yaml: corrections[{c.index}] names source {c.source!r}, which is not in sources/manifest.yaml")
    return manifest, corrections


def _chapters(paths: Paths, rules: Rules, jobs: list, env, workers: int) -> tuple[list[CleanPage], list[Chapter]]:
    """Every source cleaned (or taken from the cache) and each of its essays as a chapter, numbered
    within its role in manifest order; what was cleaned or rendered anew goes into the cache."""
    cache = PageCache(paths.build / "cache")
    pages: list[CleanPage] = []
    chapters: list[Chapter] = []
    order: dict[str, int] = {}
    for (entry, _), (key, source, from_cache) in zip(jobs, _clean_all(paths, rules, jobs, cache, workers)):
        pages.append(source.page)
        rendered = False
        for i, essay in enumerate(source.page.essays):
            _check_essay(entry, essay, i + 1, rules)
            order[essay.role] = order.get(essay.role, 0) + 1
            slug = role_slug(rules.roles, essay.role)
            chapter = source.chapters.get(i)
            if chapter is None or (chapter.role_slug, chapter.order) != (slug, order[essay.role]):
                chapter = render_chapter(env, essay, entry, slug, order[essay.role],
                                         rules.settings["reading_chars_per_minute"])
                source.chapters[i] = chapter
                rendered = True
            chapters.append(chapter)
        if key and (rendered or not from_cache):
            cache.put(key, source)
    return pages, chapters


def _check_essay(entry: SourceEntry, essay: Essay, position: int, rules: Rules) -> None:
    """An essay becomes a chapter only with a title, a role and a length the PDFs can be made in."""
    untitled = essay.warning(NO_TITLE)
    if untitled:
        raise HandbookError(f"{entry.file}: {untitled.message}")
    if essay.role is None:
        raise HandbookError(f"{entry.file}: the role of essay {essay.title!r} cannot be decided; "
                            f"{_role_hint(entry, essay.title, position, role_names(rules.roles))}")
    if len(essay.markdown) > rules.settings["max_chapter_chars"]:
        raise HandbookError(
            f"{entry.file}: essay {essay.title!r} has {len(essay.markdown):,} characters, over the limit of "
            f"{rules.settings['max_chapter_chars']:,} (settings.yaml: max_chapter_chars) that the PDFs can be "
            f"made in; split the raw page into several files")


def _files(chapters: list[Chapter], env, rules: Rules) -> dict[str, str]:
    """docs/ as it should be: each chapter at its own path, then the home page and the role indexes."""
    files: dict[str, str] = {}
    titles: dict[str, str] = {}
    for chapter in chapters:
        if chapter.path in titles:
            raise HandbookError(f"sources/manifest.yaml: two essays would be written to docs/{chapter.path} "
                                f"({titles[chapter.path]!r} and {chapter.title!r}); give one a different slug")
        titles[chapter.path] = chapter.title
        files[chapter.path] = chapter.text
    files.update(render_indexes(env, chapters, rules.roles))
    return files


def _check_hand_written(paths: Paths, files: dict[str, str], chapters: list[Chapter]) -> None:
    """The build never overwrites a hand-written page of docs/."""
    titles = {chapter.path: chapter.title for chapter in chapters}
    for rel in files:
        if write.is_hand_written(paths.docs / rel):
            title = titles.get(rel)
            raise HandbookError(
                f"sources/manifest.yaml: essay {title!r} would overwrite the hand-written page docs/{rel}; give the "
                f"essay another slug" if title else f"docs/{rel}: is hand-written, but the build generates this page; "
                f"move it elsewhere")
