"""EPUB 3 editions: the whole handbook and one per role, into SITE/epub/ next to the PDFs.

Each book: a cover page (title, roles), the navigation document and an NCX (role → chapter → section),
a part page per role, and one page per chapter with the PDF's header facts (source, length, reading
time), editorial notes and applied corrections — the chapters are loaded and laid out by the PDF's
code (handbook.pdf: load_chapters, group_by_role and the print template's chapter macro).

The container is written by hand rather than with EbookLib: an EPUB is a dozen small files in a zip,
and writing them ourselves keeps the output byte-for-byte deterministic (EbookLib stamps the current
time into dcterms:modified and the zip entries) and adds no dependency. Deterministic: entries in a
fixed order, `mimetype` first and stored, every timestamp 1980-01-01; the date in the metadata is the
newest `obtained` date of the chapters, the identifier a UUID derived from the title and the edition.

No font is embedded: a subset of Noto Serif SC covering the real handbook's 1,371 distinct characters
weighs 0.45 MB (OTF), eleven times the whole book (41 KB zipped), and grows with the text; every reading
app has a CJK font. The stylesheet names common CJK serif fonts and ends in the app's own serif.

Cache: CACHE/<sha256>.epub keyed by what the book is made from: the chapter files' digests, the roles,
the title and date, the templates, this code and the libraries' versions (cache_key), so an unchanged
book is copied without rendering a page.
"""

from __future__ import annotations

import functools
import hashlib
import inspect
import re
import time
import uuid
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from importlib.metadata import version
from pathlib import Path
from typing import Callable, ContextManager

import jinja2
import tinyhtml5

from .archive import deterministic_zip, write_atomic
from .pdf import RoleGroup, group_by_role, load_chapters
from .pdf.render import HANDBOOK_TITLE, TEMPLATE_DIR as PRINT_TEMPLATES, _sites, part_label
from .progress import stage

EPUB_DIR = "epub"
BOOK_NAME = "handbook"
TEMPLATE_DIR = Path(__file__).resolve().parent / "templates" / "epub"
# Part of the cache key: bump when the packing changes in a way the files do not show.
EPUB_VERSION = "1"
CREATOR = "读本编辑组"
XHTML_NS = "http://www.w3.org/1999/xhtml"
DEFAULT_DATE = "2026-01-01"  # only when no chapter says when it was obtained


@dataclass
class Edition:
    """One EPUB: the whole handbook (name "handbook") or one role (name = role slug)."""
    name: str
    title: str
    groups: list[RoleGroup]

    @property
    def filename(self) -> str:
        return f"{self.name}.epub"


@dataclass
class TocEntry:
    label: str
    href: str
    children: list["TocEntry"] = field(default_factory=list)
    id: str = ""
    order: int = 0


@dataclass
class EpubResult:
    path: Path
    title: str
    size: int
    cached: bool


@dataclass
class EpubBuild:
    books: list[EpubResult] = field(default_factory=list)
    seconds: float = 0.0

    def summary(self) -> str:
        made = sum(not b.cached for b in self.books)
        return (f"{len(self.books)} EPUBs, {made} written, {len(self.books) - made} from cache, "
                f"{sum(b.size for b in self.books) / 1e6:.1f} MB, {self.seconds:.2f} s")


@functools.lru_cache(maxsize=1)
def _env() -> jinja2.Environment:
    # the print templates second: the chapter macro comes from there, so the EPUB shows what the PDF shows
    env = jinja2.Environment(
        loader=jinja2.ChoiceLoader([jinja2.FileSystemLoader(str(TEMPLATE_DIR)),
                                    jinja2.FileSystemLoader(str(PRINT_TEMPLATES))]),
        autoescape=True, undefined=jinja2.StrictUndefined, keep_trailing_newline=True)
    env.globals["part_label"] = part_label
    env.globals["printable"] = lambda text: "" if text is None else str(text)
    return env


def editions(groups: list[RoleGroup], title: str) -> list[Edition]:
    """The whole handbook, then one edition per role."""
    books = [Edition(BOOK_NAME, title, groups)]
    books += [Edition(g.slug, f"{title}（{g.name}）", [g]) for g in groups]
    return books


def book_date(chapters: list) -> str:
    """The newest date a chapter's source was obtained (YYYY-MM-DD): a date that moves only with the text."""
    dates = [d for c in chapters if re.fullmatch(r"\d{4}-\d{2}-\d{2}", d := str(c.source.get("obtained") or ""))]
    return max(dates, default=DEFAULT_DATE)


def _xhtml(html: str) -> tuple[bytes, list[tuple[str, str]]]:
    """HTML → well-formed XHTML; h2 headings get ids. Returns (document, [(id, heading text)])."""
    root = tinyhtml5.parse(html, namespace_html_elements=False)
    root.set("xmlns", XHTML_NS)
    sections = []
    for n, h2 in enumerate(root.iter("h2"), 1):
        if not h2.get("id"):
            h2.set("id", f"s{n}")
        sections.append((h2.get("id"), "".join(h2.itertext()).strip()))
    body = ET.tostring(root, encoding="unicode")
    doc = f'<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE html>\n{body}\n'
    return doc.encode("utf-8"), sections


def _page(template: str, **context) -> tuple[bytes, list[tuple[str, str]]]:
    return _xhtml(_env().get_template(template).render(**context))


def _number(entries: list[TocEntry], start: int = 1) -> int:
    """NCX ids and play order, in reading order."""
    for e in entries:
        e.id, e.order = f"np{start}", start
        start = _number(e.children, start + 1)
    return start


def _depth(entries: list[TocEntry]) -> int:
    return 1 + max((_depth(e.children) for e in entries), default=0) if entries else 0


def edition_files(edition: Edition, date: str, pages: dict | None = None) -> list[tuple[str, bytes]]:
    """Every file of the book after `mimetype`, in zip order (pure: the same edition gives the same bytes).
    `pages`: chapter pages already made for another edition (a chapter's page is the same in every book)."""
    pages = {} if pages is None else pages
    chapters = [c for g in edition.groups for c in g.chapters]
    documents: list[tuple[str, bytes]] = []
    cover, _ = _page("cover.html.j2", doc_title=edition.title, body_class="cover-page", book_title=edition.title,
                     groups=edition.groups, chapter_count=len(chapters), sites=_sites(chapters), date=date)
    documents.append(("cover.xhtml", cover))
    toc: list[TocEntry] = []
    for number, group in enumerate(edition.groups, 1):
        part_href = f"part-{number}.xhtml"
        names = [(c, f"chapter-{number}-{i}.xhtml") for i, c in enumerate(group.chapters, 1)]
        part, _ = _page("part.html.j2", doc_title=group.full_name, body_class="part-page", group=group,
                        number=number, chapters=names)
        documents.append((part_href, part))
        entry = TocEntry(f"{part_label(number)}　{group.full_name}（{group.name}）", part_href)
        for c, href in names:
            if c.anchor not in pages:
                pages[c.anchor] = _page("chapter.html.j2", doc_title=c.title, body_class="chapter-page", chapter=c,
                                        role_full_names={group.slug: group.full_name})
            page, sections = pages[c.anchor]
            documents.append((href, page))
            entry.children.append(TocEntry(c.title, href, [TocEntry(t, f"{href}#{i}") for i, t in sections]))
        toc.append(entry)
    _number(toc)
    identifier = f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, f'township-handbook/epub/{edition.title}/{edition.name}')}"
    context = dict(book_title=edition.title, identifier=identifier, date=date, groups=edition.groups, toc=toc,
                   depth=_depth(toc), creator=CREATOR,
                   description=f"{edition.title}：" + "、".join(g.full_name for g in edition.groups),
                   documents=[{"id": Path(name).stem, "href": name} for name, _ in documents])
    render = lambda name: _env().get_template(name).render(**context).encode("utf-8")  # noqa: E731
    return [
        ("META-INF/container.xml", (TEMPLATE_DIR / "container.xml").read_bytes()),
        ("EPUB/content.opf", render("content.opf.j2")),
        ("EPUB/nav.xhtml", render("nav.xhtml.j2")),
        ("EPUB/toc.ncx", render("toc.ncx.j2")),
        ("EPUB/style.css", (TEMPLATE_DIR / "style.css").read_bytes()),
        *((f"EPUB/{name}", data) for name, data in documents),
    ]


@functools.lru_cache(maxsize=1)
def _code_digest() -> bytes:
    """What makes the books besides the chapters: templates, this code, the chapter reader, the libraries."""
    h = hashlib.sha256(EPUB_VERSION.encode())
    for f in [*sorted(TEMPLATE_DIR.iterdir()), PRINT_TEMPLATES / "_chapter.html.j2", Path(__file__),
              Path(inspect.getfile(load_chapters))]:
        h.update(f.name.encode() + b"\0" + f.read_bytes())
    for package in ("Markdown", "tinyhtml5", "Jinja2"):
        h.update(version(package).encode())
    return h.digest()


def cache_key(edition: Edition, date: str) -> str:
    """The book's cache key, from its inputs: a book whose chapter files, roles, title and code are
    unchanged is reused without rendering a page."""
    h = hashlib.sha256(_code_digest())
    h.update(f"{edition.name}\0{edition.title}\0{date}".encode())
    for g in edition.groups:
        h.update(f"\0{g.name}\0{g.slug}\0{g.full_name}".encode())
        for c in g.chapters:
            h.update(f"\0{c.digest}".encode())
    return h.hexdigest()


def pack(files: list[tuple[str, bytes]]) -> bytes:
    """The EPUB container: `mimetype` first and stored (as the format requires), then `files` deflated."""
    return deterministic_zip([("mimetype", b"application/epub+zip", True), *((n, d, False) for n, d in files)])


def build_epubs(docs_dir: str | Path, site_dir: str | Path, *, cache_dir: str | Path | None = None,
                title: str | None = None, log: Callable[[str], None] | None = None,
                progress: Callable[[str, int], ContextManager] | None = None) -> EpubBuild:
    """Write SITE/epub/handbook.epub and SITE/epub/<role_slug>.epub; remove EPUBs of roles that are gone.
    `progress(name, total)`: a context giving advance(n), by default handbook.progress.stage.
    Raises ChapterError on an unreadable chapter."""
    t0 = time.perf_counter()
    log = log or (lambda msg: None)
    docs_dir, site_dir = Path(docs_dir), Path(site_dir)
    cache_dir = Path(cache_dir) if cache_dir is not None else docs_dir.resolve().parent / "build" / "epub-cache"
    cache_dir.mkdir(parents=True, exist_ok=True)
    out_root = site_dir / EPUB_DIR
    chapters = load_chapters(docs_dir)
    groups = group_by_role(chapters, docs_dir)
    books = editions(groups, title or HANDBOOK_TITLE) if chapters else []
    date = book_date(chapters)
    result, keys, pages = EpubBuild(), [], {}
    progress = progress or stage
    with progress("EPUB", len(books)) as advance:
        for book in books:
            keys.append(cache_key(book, date))
            cached = cache_dir / f"{keys[-1]}.epub"
            hit = cached.is_file()
            data = cached.read_bytes() if hit else pack(edition_files(book, date, pages))
            if not hit:
                write_atomic(cached, data)
            dst = out_root / book.filename
            write_atomic(dst, data)
            result.books.append(EpubResult(dst, book.title, len(data), hit))
            log(f"{'cached ' if hit else 'written'} {dst.relative_to(site_dir)}")
            advance(1)
    expected = {b.path.resolve() for b in result.books}
    for p in out_root.glob("*.epub") if out_root.is_dir() else []:
        if p.resolve() not in expected:
            p.unlink()
    # a book is cheap to pack again: keep only the current ones
    keep = {cache_dir / f"{k}.epub" for k in keys}
    for p in cache_dir.glob("*.epub"):
        if p not in keep:
            p.unlink(missing_ok=True)
    result.seconds = time.perf_counter() - t0
    return result
