"""Helpers for the site tests: where things are, the chapters as the pipeline wrote them, site search."""

from __future__ import annotations

import functools
import http.server
import re
import threading
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from handbook.contract import split_front_matter
from tests.repo import ROOT, fixture_repo

# The site tests build the fixture repository (tests/repo.py), never the live docs/.
SITE_ROOT = fixture_repo()
DOCS = SITE_ROOT / "docs"
CONFIG = SITE_ROOT / "mkdocs.yml"
ARTIFACTS = ROOT / "test-artifacts"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run"]
DESKTOP = {"width": 1440, "height": 900}
PHONE = {"width": 390, "height": 844}
ROLE_ORDER = ("shuji", "zhenzhang", "zugong")


# ---- the chapters, read from docs/ as the pipeline wrote them -----------------------------------------

@dataclass(frozen=True)
class BuiltChapter:
    """A chapter as the site tests see it in docs/: its file, front matter and Markdown."""

    path: Path
    meta: dict
    body: str

    @property
    def title(self) -> str:
        return self.meta["title"]

    @property
    def role_slug(self) -> str:
        return self.meta["role_slug"]

    @property
    def url(self) -> str:
        """Site-relative URL with directory URLs: shuji/gongpu-yishi/"""
        return f"{self.role_slug}/{self.meta['slug']}/"


def read_page(path: Path) -> tuple[dict, str]:
    return split_front_matter(path.read_text(encoding="utf-8"))


def load_chapters() -> list[BuiltChapter]:
    out = []
    for path in sorted(DOCS.glob("*/*.md")):
        meta, body = read_page(path)
        if meta.get("generated_by") == "build_content.py" and meta.get("source"):
            out.append(BuiltChapter(path, meta, body))
    return out


# ---- helpers ---------------------------------------------------------------------------------------

class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@contextmanager
def serve(directory: Path, handler: type = QuietHandler):
    """Serve a built site on 127.0.0.1 (a free port) while the block runs; yields its base URL."""
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(directory)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{httpd.server_port}/"
    finally:
        httpd.shutdown()
        httpd.server_close()


def open_search(page, base: str) -> None:
    """Open the site search on the home page and wait until the search worker has the index."""
    page.goto(base)
    # the search box on a wide screen, the header's search button on a phone
    page.locator("input.md-search__input:visible, .md-header label[for=__search]:visible").first.click()
    # the search worker drops queries typed while it loads the index: wait until it is ready
    page.wait_for_function(
        """() => {
            const meta = document.querySelector('.md-search-result__meta');
            return meta && meta.textContent.includes('键入以开始搜索');
        }""")


def empty_search_box(page):
    """The open search box, emptied (and the result list back to its prompt), so that the results read
    next are the next query's."""
    box = page.locator("input.md-search__input")
    if box.input_value():
        box.fill("")
        box.press("End")
        page.wait_for_function("() => document.querySelector('.md-search-result__meta').textContent"
                               ".includes('键入以开始搜索')")
    return box


def query(page, base: str, term: str) -> list[str]:
    """Type `term` into the open search box; return the result links (site-relative, without the
    #section), in result order, without duplicates."""
    box = empty_search_box(page)
    page.evaluate("window.__hbLast = undefined")
    box.fill(term)
    box.press("End")  # Material reads the query on key events; an input method ends with a key event too
    # settled: the result line names a count (or none) and has not changed for a moment
    page.wait_for_function(
        """() => {
            const meta = document.querySelector('.md-search-result__meta');
            const now = meta ? meta.textContent + '|' + document.querySelectorAll('.md-search-result__item').length : '';
            const ok = /结果/.test(now) && now === window.__hbLast;
            window.__hbLast = now;
            return ok;
        }""", polling=250)
    # Material renders results ten at a time as the list scrolls: scroll until all are there
    meta = page.locator(".md-search-result__meta").inner_text()
    total = int(m.group(1)) if (m := re.search(r"(\d+)", meta)) else 0
    for _ in range(50):
        if page.locator(".md-search-result__item").count() >= total:
            break
        page.eval_on_selector(".md-search-result__scrollwrap", "el => el.scrollTo(0, el.scrollHeight)")
        page.wait_for_timeout(100)
    hrefs = page.eval_on_selector_all(".md-search-result__item > a.md-search-result__link",
                                      "els => els.map(e => e.href)")
    seen = []
    for h in hrefs:
        rel = h[len(base):] if h.startswith(base) else h
        rel = rel.split("#", 1)[0].split("?", 1)[0]
        if rel not in seen:
            seen.append(rel)
    return seen


def search(page, base: str, term: str) -> list[str]:
    """Search the site for `term` from the home page: the result links, as `query` returns them."""
    open_search(page, base)
    return query(page, base, term)
