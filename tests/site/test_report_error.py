"""“报告错误”: select words in a chapter, and the link opens the repository's content-error form
(.github/ISSUE_TEMPLATE/content-error.yml) filled in with the chapter, the quote and a corrections
entry; on a phone too. The 404 page is Chinese, with search and the role lists."""

from __future__ import annotations

from urllib.parse import parse_qs, urlparse

import pytest
import yaml

from handbook.corrections import count_matches
from tests.repo import ROOT

FORM = yaml.safe_load((ROOT / ".github" / "ISSUE_TEMPLATE" / "content-error.yml").read_text(encoding="utf-8"))
FIELDS = {item["id"] for item in FORM["body"] if "id" in item}

SELECT = """([from, to]) => {
    const ps = [...document.querySelectorAll('.md-content article > p')];
    const range = document.createRange();
    range.setStart(ps[from].firstChild, 2);
    range.setEnd(ps[to].firstChild, 6);
    const s = document.getSelection();
    s.removeAllRanges();
    s.addRange(range);
    return s.toString();
}"""


def form_fields(href: str) -> dict[str, str]:
    return {k: v[0] for k, v in parse_qs(urlparse(href).query).items()}


@pytest.mark.browser
@pytest.mark.parametrize("device", ["page", "phone"])
def test_selected_text_opens_a_filled_content_error_form(request, device, server, chapters):
    tab = request.getfixturevalue(device)
    chapter = next(c for c in chapters if c.meta["role_slug"] == "zhenzhang")
    tab.goto(server + chapter.url)
    link = tab.locator("[data-hb=report-error] a")
    assert link.inner_text() == "报告错误"
    selected = tab.evaluate(SELECT, [1, 1])
    tab.wait_for_function("document.querySelector('.hb-report__link').href.includes('wrong=')")
    href = link.get_attribute("href")
    assert href.startswith("https://git.example.org/handbook/township-handbook/issues/new?")
    fields = form_fields(href)
    assert fields["template"] == "content-error.yml"
    assert set(fields) - {"template", "title"} <= FIELDS  # every prefilled field exists in the form
    assert chapter.title in fields["chapter"] and chapter.url in fields["chapter"]
    assert fields["wrong"] == selected.strip()
    entry = yaml.safe_load("corrections:\n" + fields["entry"])["corrections"][0]
    assert entry["source"] == chapter.meta["source"]["file"] and entry["essay"] == chapter.meta["slug"]
    # the quote matches the chapter's text once, as a corrections entry must
    paragraphs = [p for p in chapter.body.split("\n\n") if p and not p.startswith("#")]
    assert count_matches(paragraphs, entry["find"]) == 1
    # with a selection the link floats in view, so a thumb reaches it on a phone
    box = link.bounding_box()
    viewport = tab.viewport_size
    assert 0 <= box["y"] and box["y"] + box["height"] <= viewport["height"]
    assert box["x"] + box["width"] <= viewport["width"]
    assert box["height"] >= 30  # a tap target


@pytest.mark.browser
def test_a_selection_across_paragraphs_gives_an_entry_with_a_break(page, server, chapters):
    chapter = next(c for c in chapters if c.meta["role_slug"] == "zhenzhang")
    page.goto(server + chapter.url)
    page.evaluate(SELECT, [1, 2])
    page.wait_for_function("document.querySelector('.hb-report__link').href.includes('wrong=')")
    fields = form_fields(page.locator("[data-hb=report-error] a").get_attribute("href"))
    find = yaml.safe_load("corrections:\n" + fields["entry"])["corrections"][0]["find"]
    assert "\n" in find


def test_404_page_is_chinese_with_search_and_role_lists(site_dir, chapters):
    page = (site_dir / "404.html").read_text(encoding="utf-8")
    assert "404 - Not found" not in page and "页面不存在" in page
    assert 'for="__search"' in page and "搜索本书" in page
    roles = page[page.index('data-hb="role-lists"'):]
    for c in chapters:
        assert f'href="/{c.url}"' in roles, c.url
    for name in ("书记", "镇长", "组工干部"):
        assert f">{name}</a></h2>" in roles
