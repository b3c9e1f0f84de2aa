"""MkDocs plugin `handbook/search-index`: the site's search index, built by Pagefind from the finished chapters, in chunks that a
browser loads only as a query needs them (overrides/assets/javascripts/phrase-search.js searches it).

- Only chapters are indexed, and of a chapter only its text (title and sections, as rendered from
  Markdown): not the navigation, the skip link, the chapter header or the home, role and help pages.
- Chinese is indexed as overlapping pairs of characters (公仆意识 → 公仆 仆意 意识 识), not as words:
  a query is cut the same way in the browser and Pagefind's exact-phrase search then finds every
  place where the query's characters stand in a row. So a term is found wherever it occurs as typed,
  inside a longer word too (书记 in 党委书记), and never where only its parts occur; no word
  segmenter at build time or in the browser has to agree with another. The last character of a run
  stands alone as well, so that a one-character query (法) finds every occurrence as a prefix.
- Material's own search index is left empty (every page excluded): the theme's plugin still draws
  the search box and passes its settings (the separator, for the highlight on the target page).
"""

from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
from pathlib import Path

import pagefind_bin
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin

BUNDLE = "pagefind"
HAN_RUN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")
TAG = re.compile(r"(<[^>]*>)")
BLOCK_END = re.compile(r"(</(?:p|li|h[1-6]|div|tr|blockquote|pre|dd|dt)>)", re.I)
PARAGRAPH = "\u00b6"  # ¶ after each block: Pagefind's text runs blocks together, the browser splits them again
# what the browser needs from Pagefind's output; the rest is its own UI, which the handbook does not use
KEPT = re.compile(r"^(pagefind\.js|pagefind-entry\.json|pagefind\..*\.pf_meta|wasm\..*\.pagefind|index|fragment)$")


def pairs(run: str) -> str:
    """A run of Han characters as the words the index holds: each pair in a row, then the last one."""
    return " ".join([run[i:i + 2] for i in range(len(run) - 1)] + [run[-1]])


def index_text(html: str) -> str:
    """The chapter's HTML with the Han characters of its text (never of a tag) cut into pairs, and a
    paragraph sign after each block."""
    html = BLOCK_END.sub(rf"\1 {PARAGRAPH} ", html)
    return "".join(part if part.startswith("<") else HAN_RUN.sub(lambda m: f" {pairs(m.group())} ", part)
                   for part in TAG.split(html))


class SearchIndexPlugin(BasePlugin):
    """Collects each chapter's text as its page is rendered; Pagefind indexes them after the build."""

    def __init__(self):
        self.chapters: dict[str, str] = {}  # output path in the site → the chapter's HTML as indexed

    def on_pre_build(self, *, config):
        self.chapters = {}

    def on_page_markdown(self, markdown, *, page, config, files):
        page.meta["search"] = {"exclude": True}  # Material's index: see the module's docstring
        return markdown

    def on_post_page(self, output, *, page, config):
        if page.meta.get("handbook"):  # a chapter (hooks/chapter_header.py)
            self.chapters[page.file.dest_uri] = index_text(page.content)
        return output

    def on_post_build(self, *, config):
        site = Path(config.site_dir)
        bundle = site / BUNDLE
        shutil.rmtree(bundle, ignore_errors=True)
        with tempfile.TemporaryDirectory() as tmp:
            for dest, body in self.chapters.items():
                path = Path(tmp) / dest
                path.parent.mkdir(parents=True, exist_ok=True)
                # no lang: Pagefind must not segment the pairs again, at build time or in the browser
                path.write_text(f"<!doctype html><html><head><meta charset=utf-8></head><body><main>{body}</main>"
                                "</body></html>", encoding="utf-8")
            result = subprocess.run([str(pagefind_bin.get_executable()), "--site", tmp, "--output-path", str(bundle),
                                     "--exclude-selectors", ".headerlink", "--silent"],
                                    capture_output=True, text=True)
        self.chapters = {}
        if result.returncode != 0:
            raise PluginError(f"pagefind failed: {(result.stderr or result.stdout).strip()}")
        for path in bundle.iterdir():
            if not KEPT.match(path.name):
                path.unlink()
