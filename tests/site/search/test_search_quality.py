"""Chinese phrase search in real Chromium: the query set's recall and precision, phrase semantics,
results that show and link to the passage that holds the phrase, only chapters as results, a query
that loads only part of the index."""

from __future__ import annotations

import re
from urllib.parse import unquote, urlsplit

import pytest

from tests.site.helpers import DOCS, open_search, query, read_page
from tests.site.search.quality import contains, evaluate, figures, load_queries, page_texts, plain_paragraphs, table

pytestmark = pytest.mark.browser

RECALL_FLOOR = 1.0
PRECISION_FLOOR = 0.95


def test_query_set_is_large_and_varied():
    queries = load_queries()
    kinds = {kind for kind, _ in queries}
    assert len(queries) >= 40 and kinds == {"word", "phrase", "name", "mixed", "none"}
    texts = page_texts()
    for kind, q in queries:
        holders = [url for url, paragraphs in texts.items() if contains(paragraphs, q)]
        # a query that must return nothing is in no page; every other query is in some page
        assert (kind == "none") == (not holders), (kind, q, holders)


def test_query_set_recall_and_precision(page, server, artifacts):
    outcomes = evaluate(page, server)
    report = table(outcomes)
    (artifacts / "search-quality.txt").write_text(report + "\n", encoding="utf-8")
    f = figures(outcomes)
    missed = {o.query: sorted(o.missed) for o in outcomes if o.missed}
    wrong = {o.query: o.wrong for o in outcomes if o.wrong}
    assert f["recall"] >= RECALL_FLOOR, (missed, report)
    assert f["precision"] >= PRECISION_FLOOR, (wrong, report)
    assert all(not o.results for o in outcomes if o.kind == "none"), report


def test_a_phrase_does_not_return_chapters_holding_only_its_parts(page, server, chapters):
    """四通工作法 is in one chapter; 工作 and 法 are in all of them."""
    phrase = "四通工作法"
    holders = {c.url for c in chapters if phrase in c.body}
    with_parts = {c.url for c in chapters if "工作" in c.body and "法" in c.body}
    assert len(holders) == 1 and len(with_parts) > 1
    open_search(page, server)
    assert query(page, server, phrase) == sorted(holders)


def test_a_result_shows_the_passage_with_the_phrase_marked_and_links_to_its_section(page, server):
    phrase = "四通工作法"  # deep inside the section 二、要掌握科学的工作方法 of a long chapter
    open_search(page, server)
    query(page, server, phrase)
    section = page.locator(".md-search-result__item a.md-search-result__link:has(p mark)").first
    marked = section.locator("mark").all_inner_texts()
    assert phrase in marked, marked
    assert phrase in section.locator("p").inner_text()
    href = section.get_attribute("href")
    section.click()
    page.wait_for_url(f"**{urlsplit(href).path}*")
    anchor = unquote(urlsplit(href).fragment)
    assert anchor, href
    # the linked heading opens the section that holds the phrase
    text = page.evaluate(
        """anchor => {
            const start = document.getElementById(anchor);
            let text = '', node = start.nextElementSibling;
            while (node && !/^H[1-3]$/.test(node.tagName)) { text += node.textContent; node = node.nextElementSibling; }
            return text;
        }""", anchor)
    assert phrase in text
    page.wait_for_selector("mark[data-md-highlight]")
    assert phrase in "".join(page.locator("mark[data-md-highlight]").all_inner_texts())


def test_a_title_match_ranks_first_and_a_second_word_narrows(page, server, chapters):
    open_search(page, server)
    both = query(page, server, "公仆意识 民主集中制")
    only_phrase = query(page, server, "公仆意识")
    title = next(c.url for c in chapters if "公仆意识" in c.title)
    assert only_phrase[0] == title
    assert set(both) <= set(only_phrase) and all(
        "民主集中制" in c.body for c in chapters if c.url in both)


def test_navigation_and_help_pages_are_not_results(page, server, chapters):
    """A phrase that only the help page (about.md) and no chapter holds finds nothing."""
    about = "\n".join(plain_paragraphs(read_page(DOCS / "about.md")[1]))
    bodies = [c.body for c in chapters]
    phrase = next(run[i:i + 4] for run in re.findall(r"[\u4e00-\u9fff]{4,}", about)
                  for i in range(len(run) - 3) if not any(run[i:i + 4] in b for b in bodies))
    open_search(page, server)
    assert query(page, server, phrase) == [], phrase


@pytest.mark.parametrize("q", ["__proto__", "constructor", "hasOwnProperty toString"])
def test_a_query_named_like_an_object_property_is_plain_text(page, server, q):
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("console", lambda m: m.type == "error" and errors.append(m.text))
    open_search(page, server)
    assert query(page, server, q) == [] and not errors, errors
    assert query(page, server, "公仆意识")  # the search still answers


def test_a_query_fetches_only_part_of_the_index(page, server, site_dir):
    open_search(page, server)
    assert query(page, server, "书记")
    chunks = {u for u in page.requests if "/pagefind/index/" in u}
    assert 0 < len(chunks) < len(list((site_dir / "pagefind" / "index").glob("*.pf_index"))), chunks
