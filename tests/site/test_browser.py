"""The served site in real Chromium: search, navigation by role, chapter pages, no outside requests,
phone layout, screenshots (test-artifacts/site-*.png)."""

from __future__ import annotations

import pytest
from opencc import OpenCC

from tests.site.helpers import ROLE_ORDER, SITE_ROOT, search

pytestmark = pytest.mark.browser


def chapters_containing(chapters, word):
    return {c.url for c in chapters if word in c.body}


def by_title(chapters, title):
    return next(c for c in chapters if c.title == title)


# ---- search -----------------------------------------------------------------------------------------

def test_search_gongpu_yishi_finds_the_essay(page, server, chapters):
    target = by_title(chapters, "乡镇党委书记谈增强公仆意识")
    results = search(page, server, "公仆意识")
    assert target.url in results, results
    assert results[0] == target.url, results  # the title match ranks first
    assert not page.requests.outside(server), page.requests.outside(server)


@pytest.mark.parametrize("word", ["民主集中制", "招商引资", "组工干部", "党委书记", "书记", "意识"])
def test_search_finds_every_chapter_containing_the_word(page, server, chapters, word):
    expected = chapters_containing(chapters, word)
    assert expected, f"no chapter contains {word}"
    results = search(page, server, word)
    assert expected <= set(results), (word, sorted(expected - set(results)), results)


def test_search_in_simplified_finds_words_that_were_traditional(page, server, chapters):
    """镇长职责 comes from a Traditional page: its words are found when typed in Simplified."""
    zhenzhang = [c for c in chapters if c.role_slug == "zhenzhang"]
    assert zhenzhang
    chapter = zhenzhang[0]
    raw = (SITE_ROOT / chapter.meta["source"]["file"]).read_text(encoding="utf-8", errors="replace")
    s2t = OpenCC("s2t")
    checked = 0
    for word in ("乡镇长", "职责", "镇长"):
        traditional = s2t.convert(word)
        if word not in chapter.body or traditional == word:
            continue
        # the raw page spells it in Traditional (pinyin may sit between the characters), never in Simplified
        assert word not in raw
        assert all(ch in raw for ch in traditional), (word, traditional)
        results = search(page, server, word)
        assert chapter.url in results, (word, results)
        checked += 1
    assert checked, "no Traditional-sourced word found in the 镇长 chapter"


def test_search_highlights_the_word_on_the_result_page(page, server, chapters):
    target = by_title(chapters, "乡镇党委书记谈增强公仆意识")
    search(page, server, "公仆意识")
    page.locator(".md-search-result__item > a.md-search-result__link").first.click()
    page.wait_for_url(f"**/{target.url}*")
    page.wait_for_selector("mark[data-md-highlight]")
    marks = page.eval_on_selector_all("mark[data-md-highlight]", "els => els.map(e => e.textContent)")
    assert any("公仆" in m for m in marks), marks


# ---- navigation ----------------------------------------------------------------------------------

def test_role_tabs_list_their_chapters_in_order(page, server, chapters):
    page.goto(server)
    tabs = page.eval_on_selector_all(".md-tabs__link", "els => els.map(e => e.textContent.trim())")
    assert [t for t in tabs if t in ("书记", "镇长", "组工干部")] == ["书记", "镇长", "组工干部"], tabs
    for name, slug in zip(("书记", "镇长", "组工干部"), ROLE_ORDER):
        mine = sorted((c for c in chapters if c.role_slug == slug), key=lambda c: c.meta["order"])
        page.goto(server)
        page.locator(".md-tabs__link", has_text=name).first.click()
        page.wait_for_url(f"**/{slug}/")
        # the role index lists its chapters, in order
        listed = page.eval_on_selector_all(".md-content article a[href$='/']:not(.headerlink)",
                                           "els => els.map(e => e.textContent.trim())")
        titles = [c.title for c in mine]
        assert [t for t in listed if t in titles] == titles, (slug, listed)
        # and so does the sidebar, which holds no other role's chapters (navigation.prune)
        side = page.eval_on_selector_all(".md-sidebar--primary .md-nav__link",
                                         "els => els.map(e => e.textContent.trim())")
        assert [t for t in side if t in titles] == titles, (slug, side)
        others = {c.title for c in chapters if c.role_slug != slug}
        assert not others & set(side), (slug, others & set(side))


def test_home_lists_every_chapter_with_reading_time(page, server, chapters):
    page.goto(server)
    text = page.locator(".md-content").inner_text()
    for c in chapters:
        assert c.title in text
    assert f"约 {chapters[0].meta['reading_minutes']} 分钟" in text


# ---- chapter pages --------------------------------------------------------------------------------

def test_chapter_page_header_block_and_edit_action(page, server, chapters):
    chapter = max(chapters, key=lambda c: len(c.meta.get("corrections") or []))
    page.goto(server + chapter.url)
    header = page.locator("[data-hb=chapter-header]")
    assert header.is_visible()
    # above the text: right after the title, before the first paragraph
    order = page.evaluate("""() => {
        const h = document.querySelector('[data-hb=chapter-header]');
        const h1 = document.querySelector('.md-content h1');
        const p = document.querySelector('.md-content article > p');
        return [h1.compareDocumentPosition(h) & Node.DOCUMENT_POSITION_FOLLOWING,
                p ? h.compareDocumentPosition(p) & Node.DOCUMENT_POSITION_FOLLOWING : 4];
    }""")
    assert order == [4, 4]
    role = header.locator("[data-hb=role]").inner_text()
    assert chapter.meta["role"] in role
    source = header.locator("[data-hb=source]").inner_text()
    assert chapter.meta["source"]["site"] in source
    reading = header.locator("[data-hb=reading-time]").inner_text()
    assert f"约 {chapter.meta['reading_minutes']} 分钟" in reading
    if chapter.meta.get("corrections"):
        details = header.locator("[data-hb=corrections]")
        assert details.get_attribute("open") is None  # collapsed
        details.locator("summary").click()
        assert details.locator("li").count() == len(chapter.meta["corrections"])
        assert chapter.meta["corrections"][0]["replace"] in details.inner_text()
    edit = page.locator("a.md-content__button[rel=edit]")
    href = edit.get_attribute("href")
    assert href.endswith("/sources/corrections.yaml"), href  # never the raw source, never docs/
    assert not page.requests.outside(server), page.requests.outside(server)


def test_no_requests_outside_the_site(page, server, chapters):
    for url in ("", chapters[0].url, "about/"):
        page.goto(server + url)
        page.wait_for_load_state("networkidle")
    search(page, server, "民主集中制")
    page.wait_for_load_state("networkidle")
    assert page.requests, "no requests recorded"
    assert not page.requests.outside(server), page.requests.outside(server)


def test_palette_toggle_switches_to_dark(page, server):
    page.goto(server)
    before = page.evaluate("document.body.getAttribute('data-md-color-scheme')")
    page.locator("form[data-md-component=palette] label:visible").first.click()
    after = page.evaluate("document.body.getAttribute('data-md-color-scheme')")
    assert {before, after} == {"default", "slate"}


# ---- phone -------------------------------------------------------------------------------------------

def test_phone_has_no_horizontal_scroll(phone, server, chapters):
    for c in sorted(chapters, key=lambda c: -len(c.body))[:3] + [None]:
        phone.goto(server + (c.url if c else ""))
        phone.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)")
        width = phone.evaluate("[document.scrollingElement.scrollWidth, window.innerWidth]")
        assert width[0] <= width[1], (c.url if c else "home", width)
    assert not phone.requests.outside(server)


# ---- screenshots ---------------------------------------------------------------------------------

def test_screenshots(page, phone, server, chapters, artifacts):
    chapter = next((c for c in chapters if c.meta.get("corrections")), chapters[0])
    shots = []
    for name, pg in (("desktop", page), ("phone", phone)):
        pg.goto(server)
        pg.wait_for_load_state("networkidle")
        shots.append(artifacts / f"site-home-{name}.png")
        pg.screenshot(path=str(shots[-1]), full_page=(name == "phone"))
        pg.goto(server + chapter.url)
        pg.wait_for_load_state("networkidle")
        shots.append(artifacts / f"site-chapter-{name}.png")
        pg.screenshot(path=str(shots[-1]))
    # dark scheme, desktop
    page.locator("form[data-md-component=palette] label:visible").first.click()
    page.evaluate("document.querySelectorAll('.hb-chapter details').forEach(d => d.open = true)")
    shots.append(artifacts / "site-chapter-desktop-dark.png")
    page.screenshot(path=str(shots[-1]))
    for shot in shots:
        assert shot.stat().st_size > 10_000, shot
