"""The offline copy (issue 16): a zip of the built site that works unpacked and opened from file://,
links, styles and search included; and the links to the editions from the home and about pages."""

from __future__ import annotations

import re
import shutil
import zipfile
from hashlib import sha256
from pathlib import Path
from urllib.parse import unquote

import pytest

from handbook.offline import FOLDER, ZIP_NAME, build_offline, file_url
from tests.site.helpers import load_chapters

ZIP = f"offline/{ZIP_NAME}"
LINK = re.compile(r'<[a-zA-Z][^>]*?\s(?:href|src)="([^"]*)"')


@pytest.fixture(scope="module")
def unpacked(site_dir, tmp_path_factory) -> Path:
    """The offline copy of the session's site build, unpacked: the folder a reader opens."""
    target = tmp_path_factory.mktemp("offline")
    with zipfile.ZipFile(site_dir / ZIP) as z:
        assert all(n.startswith(f"{FOLDER}/") for n in z.namelist())
        z.extractall(target)
    return target / FOLDER


@pytest.mark.parametrize("url, expected", [
    ("../shuji/gongpu-yishi/", "../shuji/gongpu-yishi/index.html"),
    ("../shuji/gongpu-yishi/#一谋发展", "../shuji/gongpu-yishi/index.html#一谋发展"),
    (".", "./index.html"), ("..", "../index.html"), ("../..", "../../index.html"), ("./", "./index.html"),
    ("../pdf/shuji/a.pdf", "../pdf/shuji/a.pdf"), ("#top", "#top"), ("", ""),
    ("https://example.com/a/", "https://example.com/a/"), ("mailto:a@b", "mailto:a@b"), ("//cdn/x/", "//cdn/x/"),
    ("search/?q=1", "search/index.html?q=1"),
])
def test_directory_urls_point_at_index_html(url, expected):
    assert file_url(url) == expected


def test_every_local_link_of_the_copy_leads_to_a_file(unpacked):
    pages = sorted(unpacked.rglob("*.html"))
    assert len(pages) > 5
    broken = []
    for page in pages:
        for url in LINK.findall(page.read_text(encoding="utf-8")):
            url = url.replace("&amp;", "&")
            if not url or url.startswith("#") or re.match(r"[a-zA-Z][a-zA-Z0-9+.-]*:", url):
                continue
            path = unquote(re.split(r"[?#]", url)[0])
            target = (page.parent / path).resolve()
            # the copy's own download link (on the about page) is the one file the copy cannot hold
            if target == (unpacked / ZIP).resolve():
                continue
            if not target.is_file():
                broken.append((page.relative_to(unpacked).as_posix(), url))
    assert not broken, broken[:20]


def test_the_copy_is_deterministic_and_holds_the_editions(site_dir, tmp_path):
    copy = tmp_path / "site"
    shutil.copytree(site_dir, copy)
    build_offline(copy)
    # digests: a byte-for-byte diff of two zips would take pytest minutes to print
    assert sha256((copy / ZIP).read_bytes()).hexdigest() == sha256((site_dir / ZIP).read_bytes()).hexdigest()
    with zipfile.ZipFile(site_dir / ZIP) as z:
        names = set(z.namelist())
        assert {i.date_time for i in z.infolist()} == {(1980, 1, 1, 0, 0, 0)}
    assert f"{FOLDER}/index.html" in names and f"{FOLDER}/assets/offline/search-index.js" in names
    assert f"{FOLDER}/epub/handbook.epub" in names and f"{FOLDER}/pdf/handbook.pdf" in names
    assert f"{FOLDER}/{ZIP}" not in names


def test_home_and_about_pages_link_the_editions(site_dir):
    home = (site_dir / "index.html").read_text(encoding="utf-8")
    about = (site_dir / "about" / "index.html").read_text(encoding="utf-8")
    assert 'href="epub/handbook.epub"' in home
    for role in ("shuji", "zhenzhang", "zugong"):
        assert f'href="epub/{role}.epub"' in home and f'href="../epub/{role}.epub"' in about
        assert (site_dir / "epub" / f"{role}.epub").is_file()
    assert 'href="../epub/handbook.epub"' in about and f'href="../{ZIP}"' in about
    assert (site_dir / "epub" / "handbook.epub").is_file() and (site_dir / ZIP).is_file()


def test_the_copy_works_from_file_urls_in_chromium(unpacked, browser):
    chapter = load_chapters()[0]
    context = browser.new_context(locale="zh-CN", viewport={"width": 1280, "height": 800})
    page = context.new_page()
    page.set_default_timeout(15_000)
    requests, failed, errors = [], [], []
    page.on("request", lambda r: requests.append(r.url))
    page.on("requestfailed", lambda r: failed.append(r.url))
    page.on("pageerror", lambda e: errors.append(str(e)))
    try:
        page.goto((unpacked / "index.html").as_uri())
        # styles: Material's stylesheet and the handbook's are applied
        assert page.evaluate("getComputedStyle(document.querySelector('.md-header')).position") == "sticky"
        assert page.evaluate("getComputedStyle(document.querySelector('.md-header')).backgroundColor") \
            not in ("rgba(0, 0, 0, 0)", "transparent")
        # a link to a chapter (a directory URL on the site) opens the chapter page
        page.click(f"article a:text-is('{chapter.title}')")
        page.wait_for_load_state()
        assert page.url.endswith(f"{chapter.url}index.html"), page.url
        assert page.inner_text("article h1").strip().rstrip("#") == chapter.title
        # the tab back to the home page works too
        page.click(".md-tabs__link >> nth=0")
        page.wait_for_load_state()
        assert page.url == (unpacked / "index.html").as_uri()
        # search: the reader types a phrase from the chapter's title and gets the chapter
        phrase = chapter.title[-6:]
        page.fill("input.offline-search__input", phrase)
        page.wait_for_selector(".offline-search__list li")
        results = page.locator(".offline-search__list li a")
        hrefs = [results.nth(i).get_attribute("href") for i in range(results.count())]
        assert any(h.startswith(chapter.url) for h in hrefs), hrefs
        assert page.locator(".offline-search__list mark").first.inner_text() == phrase
        page.locator(f".offline-search__list li a[href^='{chapter.url}']").first.click()
        page.wait_for_load_state()
        assert page.inner_text("article h1").strip().rstrip("#") == chapter.title
        # a phrase in no page: nothing found, said so
        page.fill("input.offline-search__input", "没有这个词组的页面")
        page.wait_for_function("document.querySelector('.offline-search__meta').textContent.includes('没有找到')")
        assert page.locator(".offline-search__list li").count() == 0
        # the site's server-side search box is not shown in the copy
        assert not page.locator(".md-search").is_visible()
    finally:
        context.close()
    root = unpacked.as_uri()
    assert not failed and not errors, (failed, errors)
    assert not [u for u in requests if not u.startswith((root, "data:", "blob:"))]
