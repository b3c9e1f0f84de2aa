"""A source full of markup (script tags, onerror images, javascript: links, Markdown links and images,
raw HTML blocks) gives a chapter whose page, built and opened in Chromium, runs nothing from it; nor
do the site's search results, which show the text around a match. The same for hostile values in the
manifest (title, site, address), the corrections file (replace, reason) and a raw file's name: no page
of the site opens a dialog, holds an element they injected, or loads anything from another host."""

import json
import subprocess
import sys
from html.parser import HTMLParser

import pytest

from tests.repo import copy_repo, run_build
from tests.site.helpers import open_search, query, serve

SOURCE = """镇长要守住廉洁底线
镇长手中有一定的权力，必须守住廉洁底线。<script>alert('script')</script>
要自觉接受监督<img src=x onerror="alert('img')">，做到干净干事。
详见[这里](javascript:alert('link'))和![图](javascript:alert('image'))，还有<a href="javascript:alert('a')">链接</a>。
<div onclick="alert('div')" style="position:fixed;inset:0">要经常对照党章党规检查自己。</div>
有的网页把脚本写成文字，例如&lt;script&gt;alert('entity')&lt;/script&gt;，又如{: onclick="alert('attr')" }，这些都只能作为文字显示，不能在读者的浏览器里运行，编辑审核时要特别注意。
镇长要带头学习😀👍🏻，‮倒序的文字‬和零宽​字符不应出现。
"""
# (escaped markup sits inside a Chinese sentence: a line of bare code is dropped as code by the cleaner)
# the page's own first line is an entity-encoded tag before the title: decoded, it must not become markup (the
# cleaner drops the line as markup residue, so the manifest names the essay by position)
EVIL_FILE = "sources/raw/a<img src=x onerror=alert('file')>.txt"
EVIL_SOURCE = ("&lt;img src=x onerror=alert(9)&gt;乡镇党委书记职责\n\n"
               "乡镇党委书记要团结班子成员，推进乡村振兴工作，书记要公道正派。\n\n党委书记是第一责任人，书记必须以身作则。\n")
HOSTILE_TITLE = ("&lt;img src=x onerror=alert('title')&gt;镇长要守住廉洁底线 {{ 7*7 }} {: onclick=alert('attr') } "
                 "[链接](javascript:alert('md')) \"'><b onmouseover=alert('quote')>")
MANIFEST = f"""  - file: sources/raw/injected.txt
    site: "<script>alert('site')</script>\\"'><img src=x onerror=alert('site')>某网站"
    address: https://evil.example/page?a=1
    essays:
      - match: 镇长要守住廉洁底线
        slug: lianjie-dixian
        title: {json.dumps(HOSTILE_TITLE, ensure_ascii=False)}
  - file: "{EVIL_FILE}"
    site: "&lt;script&gt;alert('site2')&lt;/script&gt;"
    essays: [{{match: '#1', slug: shuji-zhize, title: 乡镇党委书记职责}}]
"""
CORRECTION = """  - source: sources/raw/injected.txt
    find: 做到干净干事
    replace: 做到<img src=x onerror=alert('replace')>干净干事
    reason: "<script>alert('reason')</script>{{ 7*7 }}\\"'><b onclick=alert('reason')>"
"""


class _Handlers(HTMLParser):
    def __init__(self):
        super().__init__()
        self.found = []

    def handle_starttag(self, tag, attrs):
        self.found += [f"{tag} {name}={value}" for name, value in attrs if name.startswith("on") and "alert" in (value or "")]


def event_handlers(html: str) -> list[str]:
    """Event-handler attributes (onerror=, onclick=, …) that run alert, as the browser would parse them."""
    parser = _Handlers()
    parser.feed(html)
    return parser.found


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """The handbook with the hostile source added, built."""
    repo = copy_repo(tmp_path_factory.mktemp("repo"))
    (repo / "sources" / "raw" / "injected.txt").write_text(SOURCE, encoding="utf-8")
    (repo / EVIL_FILE).write_text(EVIL_SOURCE, encoding="utf-8")
    for name, addition in (("manifest.yaml", MANIFEST), ("corrections.yaml", CORRECTION)):
        path = repo / "sources" / name
        path.write_text(path.read_text(encoding="utf-8") + addition, encoding="utf-8")
    built = run_build(repo)
    assert built.returncode == 0, built.stderr
    site = tmp_path_factory.mktemp("site")
    # strict: the PDF stage too, which fails on a character its font cannot print (emoji, bidi controls)
    built = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(site)], cwd=repo,
                           capture_output=True, text=True)
    assert built.returncode == 0, built.stderr
    return site


def test_injected_markup_never_runs(site, browser):
    page_file = site / "zhenzhang" / "lianjie-dixian" / "index.html"
    html = page_file.read_text(encoding="utf-8")
    article = html[html.index('<article'):html.index('</article>')]
    assert "<script>alert" not in article and 'href="javascript:' not in article and "<div onclick" not in article
    assert event_handlers(article) == []  # as text (or inside a quoted attribute value) they are fine

    dialogs = []
    page = browser.new_page()
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(page_file.as_uri(), wait_until="load")
    page.get_by_text("要经常对照党章党规检查自己").click()  # where an injected onclick would sit
    text = page.inner_text("article")
    # real tags are removed; escaped ones are shown as text, never parsed
    assert "必须守住廉洁底线" in text and "<script>alert('entity')</script>" in text
    assert "{{ 7*7 }}" in page.inner_text("h1") and "49" not in page.inner_text("h1")
    # emoji and invisible controls are removed by the pipeline (and reported in build/report.json)
    assert "要带头学习，倒序的文字和零宽字符不应出现" in text
    assert "{: onclick=\"alert('attr')\" }" in text
    assert page.eval_on_selector_all("article a[href^='javascript:']", "els => els.length") == 0
    assert page.eval_on_selector_all(  # the theme's own print button may have onclick; nothing from the source
        "[onerror], [onclick]", "els => els.filter(e => /alert/.test(e.outerHTML.split('>')[0])).length") == 0
    page.close()
    assert dialogs == []


def test_search_results_show_injected_markup_as_text(site, browser):
    dialogs = []
    page = browser.new_page()
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    with serve(site) as base:
        try:
            open_search(page, base)
            assert query(page, base, "entity") == ["zhenzhang/lianjie-dixian/"]
            # the passage shows the source's escaped tag as text, with the match marked
            assert "<script>alert('entity')</script>" in page.locator(".md-search-result__list").inner_text()
            assert "entity" in page.locator(".md-search-result__list mark").all_inner_texts()
            assert page.eval_on_selector_all(".md-search-result__list script, .md-search-result__list [onerror], "
                                             ".md-search-result__list [onclick]", "els => els.length") == 0
            page.locator(".md-search-result__list").hover()
        finally:
            page.close()
    assert dialogs == []


INJECTED = """() => {
    const hostile = /alert|javascript:/;
    const attrs = [...document.querySelectorAll("*")].flatMap(e => [...e.attributes]
        .filter(a => (a.name.startsWith("on") && hostile.test(a.value)) || (/^(href|src)$/.test(a.name) && /^javascript:/i.test(a.value)))
        .map(a => e.tagName + " " + a.name + "=" + a.value));
    const scripts = [...document.scripts].filter(s => /alert/.test(s.textContent)).map(s => "script " + s.textContent);
    const images = [...document.querySelectorAll("img[src='x'], b[onmouseover], b[onclick]")].map(e => e.outerHTML);
    return attrs.concat(scripts, images);
}"""


def test_no_page_runs_or_loads_anything_from_hostile_values(site, browser):
    # every page but the redirect pages of moved chapters (hooks/redirects.py), which navigate away at once
    pages = sorted(p.relative_to(site).parent.as_posix() for p in site.rglob("index.html")
                   if 'http-equiv="refresh"' not in p.read_text(encoding="utf-8"))
    assert {"zhenzhang/lianjie-dixian", "shuji/shuji-zhize", "shuji", "."} <= set(pages)
    dialogs, foreign = [], []
    page = browser.new_page()
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    with serve(site) as base:
        page.on("request", lambda r: foreign.append(r.url) if not r.url.startswith((base, "data:", "blob:")) else None)
        try:
            for rel in pages:
                page.goto(base + ("" if rel == "." else rel + "/"), wait_until="load")
                page.mouse.move(300, 300)
                assert page.evaluate(INJECTED) == [], rel
        finally:
            page.close()
    assert dialogs == [] and foreign == []


def test_hostile_fields_are_shown_as_text(site, browser):
    page = browser.new_page()
    try:
        page.goto((site / "zhenzhang" / "lianjie-dixian" / "index.html").as_uri(), wait_until="load")
        header = page.inner_text("[data-hb=chapter-header]")
        assert "某网站" in header and "evil.example" not in header.replace("某网站", "")
        assert page.get_attribute("[data-hb=source] a", "href") == "https://evil.example/page?a=1"
        page.click("[data-hb=corrections] summary")
        assert "做到<img src=x onerror=alert('replace')>干净干事" in page.inner_text("[data-hb=corrections]")
        page.goto((site / "shuji" / "shuji-zhize" / "index.html").as_uri(), wait_until="load")
        assert page.inner_text("h1").rstrip("#").strip() == "乡镇党委书记职责"  # "#": the heading's permalink
        page.click("[data-hb=files] summary")
        assert EVIL_FILE in page.inner_text("[data-hb=files]")
    finally:
        page.close()


def test_search_for_proto_finds_nothing(site, browser):
    """The search worker keeps the terms it found in a map: "__proto__" is a term like any other."""
    page = browser.new_page()
    with serve(site) as base:
        try:
            open_search(page, base)
            assert query(page, base, "__proto__") == []
            assert query(page, base, "constructor") == []
        finally:
            page.close()
