"""A source full of markup (script tags, onerror images, javascript: links, Markdown links and images,
raw HTML blocks) gives a chapter whose page, built and opened in Chromium, runs nothing from it; nor
do the site's search results, which show the text around a match."""

import re
import subprocess
import sys

import pytest

from tests.repo import copy_repo, run_build
from tests.site.helpers import open_search, query, serve

SOURCE = """镇长要守住廉洁底线
镇长手中有一定的权力，必须守住廉洁底线。<script>alert('script')</script>
要自觉接受监督<img src=x onerror="alert('img')">，做到干净干事。
详见[这里](javascript:alert('link'))和![图](javascript:alert('image'))，还有<a href="javascript:alert('a')">链接</a>。
<div onclick="alert('div')" style="position:fixed;inset:0">要经常对照党章党规检查自己。</div>
有的网页把脚本写成文字，例如&lt;script&gt;alert('entity')&lt;/script&gt;，又如{: onclick="alert('attr')" }，这些都只能作为文字显示，不能在读者的浏览器里运行，编辑审核时要特别注意。
"""
# (escaped markup sits inside a Chinese sentence: a line of bare code is dropped as code by the cleaner)


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """The handbook with the hostile source added, built."""
    repo = copy_repo(tmp_path_factory.mktemp("repo"))
    (repo / "sources" / "raw" / "injected.txt").write_text(SOURCE, encoding="utf-8")
    manifest = repo / "sources" / "manifest.yaml"
    manifest.write_text(manifest.read_text(encoding="utf-8") +
                        "  - file: sources/raw/injected.txt\n    essays: [{match: 镇长要守住廉洁底线, slug: lianjie-dixian}]\n",
                        encoding="utf-8")
    assert run_build(repo).returncode == 0
    site = tmp_path_factory.mktemp("site")
    built = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(site)], cwd=repo,
                           capture_output=True, text=True)
    assert built.returncode == 0, built.stderr
    return site


def test_injected_markup_never_runs(site, browser):
    page_file = site / "zhenzhang" / "lianjie-dixian" / "index.html"
    html = page_file.read_text(encoding="utf-8")
    article = html[html.index('<article'):html.index('</article>')]
    assert "<script>alert" not in article and 'href="javascript:' not in article and "<div onclick" not in article
    assert not re.search(r"<[^>]*\son(error|click)\s*=\s*\"?alert", article)  # as text they are fine, as attributes not

    dialogs = []
    page = browser.new_page()
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(page_file.as_uri(), wait_until="load")
    page.mouse.click(400, 400)
    text = page.inner_text("article")
    # real tags are removed; escaped ones are shown as text, never parsed
    assert "必须守住廉洁底线" in text and "<script>alert('entity')</script>" in text
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
