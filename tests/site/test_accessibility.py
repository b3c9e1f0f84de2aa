"""Accessibility in real Chromium: axe-core (WCAG 2 A/AA and best practice) on every page type in both
colour schemes at desktop and phone widths, and the reader's text-size control (小/中/大/特大).

axe-core comes from the npm registry, pinned in package.json/package-lock.json and installed into
node_modules/ by `make test` (Makefile target node_modules/.installed)."""

from __future__ import annotations

import pytest

from tests.site.helpers import DESKTOP, ROOT, search

pytestmark = pytest.mark.browser

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]
FAILING_IMPACTS = ("serious", "critical")
FAILING_RULES = ("heading-order",)  # moderate in axe, but named by the issue: headings go down one level at a time
PHONE_360 = {"width": 360, "height": 780}
SCHEMES = ("light", "dark")
WIDTHS = {"desktop": DESKTOP, "phone": PHONE_360}
# Page types: name -> how to reach it from the site root.
PAGES = ("home", "role-index", "chapter", "about", "contribute", "sources", "404", "search-results")
TEXT_SIZES = ("小", "中", "大", "特大")


@pytest.fixture(scope="session")
def axe_source() -> str:
    if not AXE.is_file():
        pytest.fail(f"{AXE.relative_to(ROOT)} missing: run `make test` (or `make node_modules/.installed`)")
    return AXE.read_text(encoding="utf-8")


def open_page(pg, server, chapters, name: str) -> None:
    chapter = next((c for c in chapters if c.meta.get("corrections")), chapters[0])
    urls = {"home": "", "role-index": f"{chapter.role_slug}/", "chapter": chapter.url, "about": "about/",
            "contribute": "contribute/", "sources": "sources/", "404": "404.html"}
    if name == "search-results":
        assert search(pg, server, "书记"), "no search results to check"
        return
    response = pg.goto(server + urls[name])
    assert response is not None and response.ok, (name, response and response.status)
    pg.wait_for_load_state("networkidle")


def axe_violations(pg, axe_source: str) -> list[dict]:
    """Serious and critical axe findings on the page as it is now."""
    pg.add_script_tag(content=axe_source)
    result = pg.evaluate(
        """async (tags) => {
            const r = await axe.run(document, {runOnly: {type: 'tag', values: tags},
                                               resultTypes: ['violations']});
            return r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
                nodes: v.nodes.map(n => ({impact: n.impact, target: n.target.flat().join(' '),
                                          summary: n.failureSummary}))}));
        }""", AXE_TAGS)
    return [v for v in result if v["impact"] in FAILING_IMPACTS or v["id"] in FAILING_RULES]


def describe(violations: list[dict], where: str) -> str:
    lines = []
    for v in violations:
        for n in v["nodes"]:
            lines.append(f"{v['id']} ({n['impact'] or v['impact']}) on {where} at `{n['target']}`: {v['help']}"
                         f" | {(n['summary'] or '').splitlines()[-1:]}")
    return "\n".join(lines)


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("name", PAGES)
def test_axe_finds_nothing_serious(browser, server, chapters, axe_source, name, scheme, width):
    context = browser.new_context(viewport=WIDTHS[width], locale="zh-CN", color_scheme=scheme,
                                  is_mobile=width == "phone", has_touch=width == "phone")
    try:
        pg = context.new_page()
        pg.set_default_timeout(15_000)
        open_page(pg, server, chapters, name)
        expected = "slate" if scheme == "dark" else "default"
        assert pg.evaluate("document.body.getAttribute('data-md-color-scheme')") == expected
        found = axe_violations(pg, axe_source)
        assert not found, "axe-core:\n" + describe(found, f"{name} ({scheme}, {width})")
    finally:
        context.close()


def test_axe_check_fails_on_a_violation(page, server, axe_source):
    """The check above can fail: a link without text and a low-contrast paragraph are reported."""
    page.goto(server)
    page.evaluate("""() => {
        const box = document.querySelector('.md-content article');
        box.insertAdjacentHTML('beforeend',
            '<p id="hb-bad-contrast" style="color:#bbb;background:#fff">浅色文字</p><a id="hb-empty-link" href="#x"></a>');
    }""")
    found = axe_violations(page, axe_source)
    text = describe(found, "home")
    assert "color-contrast" in text and "#hb-bad-contrast" in text, text
    assert "link-name" in text and "#hb-empty-link" in text, text


def test_pages_say_they_are_simplified_chinese_and_offer_a_skip_link(page, server, chapters):
    for url in ("", chapters[0].url, "about/"):
        page.goto(server + url)
        assert page.evaluate("document.documentElement.lang") == "zh-CN"
        page.keyboard.press("Tab")
        skip = page.evaluate("[document.activeElement.className, document.activeElement.getAttribute('href')]")
        assert "md-skip" in skip[0], (url, skip)
        page.keyboard.press("Enter")
        assert page.evaluate("decodeURIComponent(location.hash)") == skip[1]


def test_keyboard_reaches_every_control_of_a_chapter_with_a_visible_focus(page, server, chapters):
    chapter = next((c for c in chapters if c.meta.get("corrections")), chapters[0])
    page.goto(server + chapter.url)
    reached = []
    for _ in range(80):
        page.keyboard.press("Tab")
        focused = page.evaluate("""() => {
            const e = document.activeElement;
            // a visually hidden radio (the palette toggle) shows its focus on its label
            const shown = e.matches('input.md-option') ? e.nextElementSibling : e;
            const s = getComputedStyle(shown);
            return {name: (e.textContent || e.getAttribute('aria-label') || e.title || e.className).trim().slice(0, 20),
                    tag: e.tagName, ring: s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0,
                    search: !!e.closest('.md-search')};
        }""")
        if focused["tag"] == "BODY":
            break
        reached.append(focused["name"])
        # the search box shows focus by opening the search dialog
        assert focused["ring"] or focused["search"], f"no visible focus on {focused}"
    for control in ("跳转至", "书记", "小", "中", "大", "特大", "下载 PDF", "打印", "已应用的勘误"):
        assert any(name.startswith(control) for name in reached), (control, reached)
    # a folded part opens from the keyboard
    summary = page.locator("[data-hb=corrections] summary")
    summary.focus()
    page.keyboard.press("Enter")
    assert page.locator("[data-hb=corrections]").get_attribute("open") is not None


# ---- text size ------------------------------------------------------------------------------------

def reading_size(pg) -> tuple[float, float]:
    """Font size and line height (px) of the first paragraph of the reading text."""
    return tuple(pg.evaluate("""() => {
        const p = document.querySelector('.md-content article > p');
        const s = getComputedStyle(p);
        return [parseFloat(s.fontSize), parseFloat(s.lineHeight)];
    }"""))


def choose_size(pg, label: str) -> None:
    control = pg.locator("[data-hb=text-size]")
    control.get_by_role("button", name=label, exact=True).click()
    assert control.get_by_role("button", name=label, exact=True).get_attribute("aria-pressed") == "true"


def test_text_size_changes_reading_text_and_persists(page, server, chapters):
    first, second = chapters[0], chapters[-1]
    page.goto(server + first.url)
    control = page.locator("[data-hb=text-size]")
    assert control.is_visible()
    assert control.get_attribute("aria-label") or control.get_attribute("aria-labelledby")
    default = reading_size(page)
    sizes = {}
    for label in TEXT_SIZES:
        choose_size(page, label)
        sizes[label] = reading_size(page)
    assert sizes["中"] == default
    fonts = [sizes[label][0] for label in TEXT_SIZES]
    assert fonts == sorted(fonts) and len(set(fonts)) == 4, sizes
    heights = [sizes[label][1] / sizes[label][0] for label in TEXT_SIZES]
    assert len(set(round(h, 3) for h in heights)) > 1, sizes  # line height changes too, not only scales
    # remembered: another chapter and a page without the control open at 特大
    page.goto(server + second.url)
    assert reading_size(page) == sizes["特大"]
    assert page.locator("[data-hb=text-size]").get_by_role("button", name="特大", exact=True) \
        .get_attribute("aria-pressed") == "true"
    page.goto(server + "about/")
    about_large = reading_size(page)
    page.evaluate("localStorage.clear()")
    page.reload()
    assert reading_size(page)[0] < about_large[0]
    # keyboard: Tab to a size button and press Enter
    page.goto(server + first.url)
    page.locator("[data-hb=text-size] button").first.focus()
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    assert page.evaluate("localStorage.getItem('hb-text-size')") == "medium"
    assert reading_size(page) == default


def test_text_size_largest_fits_a_360px_phone(browser, server, chapters):
    context = browser.new_context(viewport=PHONE_360, locale="zh-CN", is_mobile=True, has_touch=True,
                                  device_scale_factor=2)
    try:
        pg = context.new_page()
        longest = sorted(chapters, key=lambda c: -len(c.body))[:3]
        pg.goto(server + longest[0].url)
        small = reading_size(pg)
        choose_size(pg, "特大")
        assert reading_size(pg)[0] > small[0] * 1.25
        for url in [c.url for c in longest] + ["", f"{longest[0].role_slug}/", "about/", "contribute/", "sources/"]:
            pg.goto(server + url)
            pg.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)")
            width = pg.evaluate("[document.scrollingElement.scrollWidth, window.innerWidth]")
            assert width[0] <= width[1], (url or "home", width)
    finally:
        context.close()


def test_text_size_leaves_print_unchanged(page, server, chapters):
    page.goto(server + chapters[0].url)
    page.emulate_media(media="print")
    printed = reading_size(page)
    page.emulate_media(media="screen")
    choose_size(page, "特大")
    page.emulate_media(media="print")
    assert reading_size(page) == printed
    assert not page.locator("[data-hb=text-size]").is_visible()
