"""Search quality on the query set (queries.yaml): what the reader gets in Chromium, against what the
pages truly contain.

The truth comes from docs/, not from the search index: a page's Markdown is turned into its paragraphs
of plain text, and a query is contained in a page when each of its space-separated terms occurs in one
of them. Recall counts the chapters that contain a query and were found; precision counts the results
(any page) that contain it. Used by tests/site/search/test_search_quality.py and bench/search_quality.py.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from tests.site.helpers import DOCS, load_chapters, open_search, query, read_page

QUERIES = Path(__file__).with_name("queries.yaml")
MARKUP = [
    (re.compile(r"<[^>]+>"), ""),                     # inline HTML: reading times, download links
    (re.compile(r"!?\[([^\]]*)\]\([^)]*\)"), r"\1"),  # links and images keep their text
    (re.compile(r"^\s*(#+|\d+\.|[-*+])\s+", re.M), ""),  # headings and list markers
    (re.compile(r"\*\*|__"), ""),                     # bold
    (re.compile(r"\\(.)"), r"\1"),                    # Markdown escapes
]


def load_queries() -> list[tuple[str, str]]:
    """(kind, query) in file order."""
    data = yaml.safe_load(QUERIES.read_text(encoding="utf-8"))
    return [(kind, q) for kind, queries in data.items() for q in queries]


def plain_paragraphs(markdown: str) -> list[str]:
    for pattern, replacement in MARKUP:
        markdown = pattern.sub(replacement, markdown)
    return [p.strip().lower() for p in html.unescape(markdown).split("\n\n") if p.strip()]


def page_url(path: Path) -> str:
    """Site-relative URL of a page in docs/ with directory URLs: shuji/ , shuji/gongpu-yishi/ , ''."""
    rel = path.relative_to(DOCS).with_suffix("").as_posix()
    if rel == "index" or rel.endswith("/index"):
        return rel[: -len("index")]
    return rel + "/"


def page_texts() -> dict[str, list[str]]:
    return {page_url(path): plain_paragraphs(read_page(path)[1]) for path in sorted(DOCS.rglob("*.md"))}


def contains(paragraphs: list[str], q: str) -> bool:
    return all(any(term in p for p in paragraphs) for term in q.lower().split())


@dataclass
class Outcome:
    kind: str
    query: str
    expected: set[str]                 # chapters that contain the query
    results: list[str]                 # pages found, in result order
    wrong: list[str] = field(default_factory=list)  # results that do not contain the query

    @property
    def missed(self) -> set[str]:
        return self.expected - set(self.results)


def evaluate(page, base: str) -> list[Outcome]:
    texts = page_texts()
    chapters = {c.url for c in load_chapters()}
    open_search(page, base)
    outcomes = []
    for kind, q in load_queries():
        results = query(page, base, q)
        expected = {url for url in chapters if contains(texts[url], q)}
        wrong = [url for url in results if not contains(texts.get(url, []), q)]
        outcomes.append(Outcome(kind, q, expected, results, wrong))
    return outcomes


def figures(outcomes: list[Outcome]) -> dict:
    expected = sum(len(o.expected) for o in outcomes)
    found = sum(len(o.expected) - len(o.missed) for o in outcomes)
    results = sum(len(o.results) for o in outcomes)
    right = results - sum(len(o.wrong) for o in outcomes)
    return {"queries": len(outcomes), "recall": found / expected if expected else 1.0,
            "precision": right / results if results else 1.0,
            "expected": expected, "found": found, "results": results, "right": right}


def table(outcomes: list[Outcome]) -> str:
    f = figures(outcomes)
    lines = [f"{'kind':<7} {'query':<16} {'chapters':>8} {'found':>5} {'results':>7} {'wrong':>5}"]
    for o in outcomes:
        lines.append(f"{o.kind:<7} {o.query:<16} {len(o.expected):>8} {len(o.expected) - len(o.missed):>5} "
                     f"{len(o.results):>7} {len(o.wrong):>5}")
    lines.append(f"{f['queries']} queries: recall {f['recall']:.1%} ({f['found']}/{f['expected']} chapters), "
                 f"precision {f['precision']:.1%} ({f['right']}/{f['results']} results contain the query)")
    return "\n".join(lines)
