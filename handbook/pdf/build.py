"""Build every PDF into a site directory, reusing cached PDFs whose print HTML has not changed.

Layout: SITE/pdf/<role_slug>/<slug>.pdf per chapter, SITE/pdf/handbook.pdf for the whole handbook.
Cache: CACHE/<sha256>.pdf keyed by the print HTML (which holds the chapter text, the front matter shown,
the templates and the stylesheet), the font file's identity, WeasyPrint's version and RENDER_VERSION.
"""

from __future__ import annotations

import hashlib
import multiprocessing
import os
import shutil
import threading
import time
from concurrent.futures import ProcessPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Callable, ContextManager

from ..progress import stage
from .chapters import group_by_role, load_chapters
from .fonts import check_cjk_font
from .render import RENDER_VERSION, book_html, chapter_html, check_coverage, write_pdf

BOOK_NAME = "handbook.pdf"
PDF_DIR = "pdf"
JOBS_ENV = "HANDBOOK_PDF_JOBS"
CACHE_MAX_AGE_DAYS = 30


@dataclass
class PdfResult:
    title: str
    path: Path          # where it was written in the site
    seconds: float      # time spent rendering (0 when reused from the cache)
    cached: bool


@dataclass
class BuildResult:
    chapters: list[PdfResult] = field(default_factory=list)
    book: PdfResult | None = None
    seconds: float = 0.0

    @property
    def rendered(self) -> int:
        return sum(not r.cached for r in self.chapters + ([self.book] if self.book else []))

    def summary(self) -> str:
        total = len(self.chapters) + (1 if self.book else 0)
        return (f"{total} PDFs ({len(self.chapters)} chapters + {'1 handbook' if self.book else 'no handbook'}), "
                f"{self.rendered} rendered, {total - self.rendered} from cache, {self.seconds:.2f} s")


def _engine_id(font: Path) -> bytes:
    try:
        weasy = version("weasyprint")
    except PackageNotFoundError:
        weasy = "?"
    st = font.stat()
    return f"{RENDER_VERSION}\0{weasy}\0{font.resolve()}\0{st.st_size}\0{st.st_mtime_ns}\0".encode()


def _key(engine: bytes, html: str) -> str:
    return hashlib.sha256(engine + html.encode("utf-8")).hexdigest()


def _copy(src: Path, dst: Path) -> None:
    dst.parent.mkdir(parents=True, exist_ok=True)
    tmp = dst.with_name(f".{dst.name}.{os.getpid()}.tmp")
    shutil.copyfile(src, tmp)
    os.replace(tmp, dst)


def _render_job(html: str, out: str) -> float:
    t = time.perf_counter()
    write_pdf(html, Path(out))
    return time.perf_counter() - t


def _jobs(jobs: int | None) -> int:
    if jobs is None:
        env = os.environ.get(JOBS_ENV)
        jobs = int(env) if env and env.isdigit() else min(2, os.cpu_count() or 1)
    return max(1, jobs)


def _render_all(todo: list[tuple[str, Path]], jobs: int, advance: Callable[[int], None]) -> list[float]:
    """Render (html, cache path) pairs; in forked worker processes when there are several, jobs > 1 and
    the process is single-threaded (fork is unsafe with threads, e.g. under `mkdocs serve`: then serial).
    `advance(1)` after each PDF."""
    parallel = (jobs > 1 and len(todo) > 1 and threading.active_count() == 1
                and "fork" in multiprocessing.get_all_start_methods())
    if parallel:
        import weasyprint  # noqa: F401,PLC0415  (imported once, before forking)

        order = sorted(range(len(todo)), key=lambda i: -len(todo[i][0]))  # biggest (the handbook) first
        try:
            with ProcessPoolExecutor(max_workers=min(jobs, len(todo)),
                                     mp_context=multiprocessing.get_context("fork")) as pool:
                futures = {i: pool.submit(_render_job, todo[i][0], str(todo[i][1])) for i in order}
                for _ in as_completed(futures.values()):
                    advance(1)
                return [futures[i].result() for i in range(len(todo))]
        except BrokenProcessPool:
            pass  # a worker died (out of memory?): render what is left in this process
    seconds = []
    for html, out in todo:
        seconds.append(_render_job(html, str(out)) if not (parallel and out.is_file()) else 0.0)
        advance(1)
    return seconds


def _prune(cache_dir: Path, keep: set[Path]) -> None:
    cutoff = time.time() - CACHE_MAX_AGE_DAYS * 86400
    for p in cache_dir.glob("*.pdf"):
        if p not in keep and p.stat().st_mtime < cutoff:
            p.unlink(missing_ok=True)


def build_pdfs(docs_dir: str | Path, site_dir: str | Path, *, cache_dir: str | Path | None = None,
               font: str | Path | None = None, use_cache: bool = True, book: bool = True,
               jobs: int | None = None, title: str | None = None,
               log: Callable[[str], None] | None = None,
               progress: Callable[[str, int], ContextManager] | None = None) -> BuildResult:
    """Write every chapter PDF and the whole-handbook PDF into site_dir/pdf/ (`title`: the handbook's
    name, default 乡镇干部读本; the hook passes site_name). `progress(stage, total)`: a context giving
    advance(n) (handbook.progress.stage shows a bar on a terminal).

    Raises FontMissingError (naming the font) before writing anything if the CJK font is missing or
    lacks a glyph the text needs; ChapterError if a chapter file cannot be read.
    """
    t0 = time.perf_counter()
    log = log or (lambda msg: None)
    docs_dir, site_dir = Path(docs_dir), Path(site_dir)
    font = check_cjk_font(font)
    cache_dir = Path(cache_dir) if cache_dir is not None else docs_dir.resolve().parent / "build" / "pdf-cache"
    cache_dir.mkdir(parents=True, exist_ok=True)
    out_root = site_dir / PDF_DIR

    chapters = load_chapters(docs_dir)
    groups = group_by_role(chapters, docs_dir)
    engine = _engine_id(font)

    # (title, html, site path); every HTML is checked for glyph coverage before anything is rendered
    items = []
    for c in chapters:
        html = chapter_html(c, font, groups, title)
        check_coverage(font, html, str(c.path))
        items.append((c.title, html, out_root / c.pdf_relpath))
    if book and chapters:
        html = book_html(groups, font, title)
        check_coverage(font, html, "the whole handbook")
        items.append(("全书", html, out_root / BOOK_NAME))

    cached_paths = [cache_dir / f"{_key(engine, html)}.pdf" for _, html, _ in items]
    todo_idx = [i for i, p in enumerate(cached_paths) if not (use_cache and p.is_file())]
    with (progress or stage)("PDF", len(todo_idx)) as advance:
        seconds = dict(zip(todo_idx, _render_all([(items[i][1], cached_paths[i]) for i in todo_idx], _jobs(jobs),
                                                 advance)))

    results = []
    for i, ((title, _, dst), src) in enumerate(zip(items, cached_paths)):
        _copy(src, dst)
        os.utime(src)
        results.append(PdfResult(title, dst, seconds.get(i, 0.0), i not in seconds))
        log(f"{'rendered' if i in seconds else 'cached  '} {dst.relative_to(site_dir)}"
            + (f" ({seconds[i]:.2f} s)" if i in seconds else ""))

    # PDFs of chapters that are gone must not stay in the site
    expected = {dst.resolve() for _, _, dst in items}
    if out_root.is_dir():
        for p in out_root.rglob("*.pdf"):
            if p.resolve() not in expected:
                p.unlink()
    _prune(cache_dir, set(cached_paths))

    result = BuildResult(seconds=time.perf_counter() - t0)
    if book and chapters:
        result.chapters, result.book = results[:-1], results[-1]
    else:
        result.chapters = results
    return result
