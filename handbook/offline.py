"""The offline copy: a zip of the built site that works unpacked and opened from a folder (file://).

What changes from the site, in the copy only (the site itself is not touched):
- Links to directory URLs (`../shuji/gongpu-yishi/`, `.`, `..`) point at their `index.html`: a browser
  opening file:// shows a folder listing, not its index page. This is what `use_directory_urls: false`
  does for Material's offline plugin, done on the built pages so the site is built once.
- Search: a browser cannot fetch an index or start a worker from file://, so the copy carries its own
  search, independent of the site's: assets/offline/search-index.js (every page's sections as text,
  inlined in a script, the approach of Material's offline plugin) loaded when the reader first types,
  and assets/offline/search.js, a search box in the header that finds pages holding every term as typed.
  The site's own search box, which needs a server, is hidden and not started in the copy.
Deterministic: files in path order, one fixed timestamp, the same bytes for the same site.
"""

from __future__ import annotations

import html
import json
import re
import time
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from typing import Callable, ContextManager

from .archive import deterministic_zip, write_atomic
from .progress import stage

OFFLINE_DIR = "offline"
ZIP_NAME = "handbook-offline.zip"
FOLDER = "handbook"  # the folder the zip unpacks to
ASSETS = "assets/offline"
SCRIPT_DIR = Path(__file__).resolve().parent / "templates" / "offline"
# Not copied: the zip itself, and the files only a server or a crawler reads (the 404 page's links are
# absolute: a server shows it at any depth).
SKIP = {f"{OFFLINE_DIR}/{ZIP_NAME}", "404.html", "sitemap.xml", "sitemap.xml.gz"}

_LINK = re.compile(r'(<[a-zA-Z][^>]*?\s(?:href|src)=")([^"]*)(")')
_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")
# Material fetches its search index for the form named "search" (search/search_index.js under file://)
_SITE_SEARCH_FORM = re.compile(r'(<form\b[^>]*?)\s+name="search"')


@dataclass
class OfflineResult:
    path: Path
    files: int
    size: int
    seconds: float

    def summary(self) -> str:
        return f"{self.files} files, {self.size / 1e6:.1f} MB zipped, {self.seconds:.2f} s"


def file_url(url: str) -> str:
    """A relative link as it must be under file://: a directory URL gets its index.html."""
    if not url or url.startswith(("#", "//", "/")) or _SCHEME.match(url):
        return url
    path, rest = re.match(r"([^?#]*)(.*)", url, re.S).groups()
    if path == "":
        return url
    if path.endswith("/"):
        path += "index.html"
    elif path.rsplit("/", 1)[-1] in (".", ".."):
        path += "/index.html"
    return path + rest


def rewrite_page(page: str, base: str) -> str:
    """A built HTML page as the offline copy has it: file:// links, the offline search added.
    `base`: the relative path from the page to the site root ('' or '../../')."""
    def link(m: re.Match) -> str:
        url = html.unescape(m.group(2))
        new = file_url(url)
        return m.group(0) if new == url else m.group(1) + html.escape(new, quote=True) + m.group(3)

    page = _LINK.sub(link, page)
    page = _SITE_SEARCH_FORM.sub(r"\1", page)
    tags = (f'<link rel="stylesheet" href="{base}{ASSETS}/search.css">\n'
            f'<script src="{base}{ASSETS}/search.js" data-base="{base}" defer></script>\n')
    return page.replace("</head>", tags + "</head>", 1)


class _Sections(HTMLParser):
    """The text of a page's <article>, cut at every heading that has an id."""

    HEADINGS = {"h1", "h2", "h3"}
    SKIP = {"script", "style", "nav", "button"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.title = ""
        self.sections: list[list[str]] = []  # [anchor, heading, text]
        self._in_title = self._depth = self._skip = 0
        self._skip_tag = ""
        self._heading: list[str] | None = None
        self._text: list[str] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "title":
            self._in_title = 1
        if tag == "article":
            self._depth += 1
        if not self._depth:
            return
        if self._skip:
            self._skip += tag == self._skip_tag
        elif tag in self.SKIP or "headerlink" in (a.get("class") or "").split():
            self._skip, self._skip_tag = 1, tag
        elif tag in self.HEADINGS and (a.get("id") is not None or tag == "h1"):
            self._flush()
            self.sections.append([a.get("id") or "", "", ""])
            self._heading = []

    def handle_endtag(self, tag):
        if tag == "title":
            self._in_title = 0
        if not self._depth:
            return
        if self._skip:
            self._skip -= tag == self._skip_tag
        elif tag in self.HEADINGS and self._heading is not None:
            self.sections[-1][1] = " ".join("".join(self._heading).split())
            self._heading = None
        elif tag == "article":
            self._depth -= 1
            self._flush()

    def handle_data(self, data):
        if self._in_title:
            self.title += data
        elif self._depth and not self._skip:
            (self._heading if self._heading is not None else self._text).append(data)

    def _flush(self):
        # text before the first heading (the page's action buttons) is not searched
        text = " ".join("".join(self._text).split())
        if text and self.sections:
            self.sections[-1][2] = (self.sections[-1][2] + " " + text).strip()
        self._text = []


def page_entry(url: str, page: str) -> list | None:
    """[url, page title, [[anchor, heading, text], …]] for the search index; None for a page without text."""
    parser = _Sections()
    parser.feed(page)
    parser.close()
    sections = [s for s in parser.sections if s[1] or s[2]]
    if not sections:
        return None
    title = parser.title.rsplit(" - ", 1)[0].strip() or sections[0][1]  # Material: "page - site"
    return [url, title, sections]


def search_index(entries: list[list]) -> bytes:
    data = json.dumps(entries, ensure_ascii=False, separators=(",", ":"))
    return f"window.__offlineSearch = {data};\n".encode("utf-8")


def offline_files(site_dir: Path, advance: Callable[[int], None] = lambda n=1: None):
    """(path in the copy, bytes) of every file of the offline copy, in path order."""
    files = sorted(p for p in site_dir.rglob("*") if p.is_file())
    entries = []
    for p in files:
        advance(1)
        rel = p.relative_to(site_dir).as_posix()
        if rel in SKIP or p.name.startswith("."):
            continue
        if p.suffix == ".html":
            page = p.read_text(encoding="utf-8")
            if entry := page_entry(rel, page):
                entries.append(entry)
            yield rel, rewrite_page(page, "../" * rel.count("/")).encode("utf-8")
        else:
            yield rel, p.read_bytes()
    yield f"{ASSETS}/search-index.js", search_index(entries)
    for name in ("search.js", "search.css"):
        yield f"{ASSETS}/{name}", (SCRIPT_DIR / name).read_bytes()


def build_offline(site_dir: str | Path, *,
                  progress: Callable[[str, int], ContextManager] | None = None) -> OfflineResult:
    """Write SITE/offline/handbook-offline.zip from the built site (run after everything else is in it)."""
    t0 = time.perf_counter()
    site_dir = Path(site_dir)
    out = site_dir / OFFLINE_DIR / ZIP_NAME
    total = sum(1 for p in site_dir.rglob("*") if p.is_file())
    progress = progress or stage
    with progress("offline", total) as advance:
        files = sorted(offline_files(site_dir, advance))
    data = deterministic_zip([(f"{FOLDER}/{name}", content, False) for name, content in files], level=6)
    write_atomic(out, data)
    return OfflineResult(out, len(files), len(data), time.perf_counter() - t0)
