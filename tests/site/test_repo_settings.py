"""repo_url / edit_uri / site_url come from the environment (HANDBOOK_REPO_URL, HANDBOOK_EDIT_URI,
HANDBOOK_SITE_URL, set from the workflow context by .github/workflows/pages.yml); with a GitHub
address the site still asks the code host for nothing (no repository facts fetched by the browser)."""

from __future__ import annotations

import os
import re
import subprocess
import sys

import pytest

from tests.site.helpers import CONFIG, SITE_ROOT, serve

REPO = "https://github.com/example-org/township-handbook"
PAGES = "https://example-org.github.io/township-handbook/"  # what actions/configure-pages gives


@pytest.fixture(scope="module")
def github_site(tmp_path_factory):
    out = tmp_path_factory.mktemp("handbook-site-github")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "HANDBOOK_REPO_URL": REPO,
           "HANDBOOK_EDIT_URI": "edit/develop/docs/", "HANDBOOK_SITE_URL": PAGES}
    proc = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-f", str(CONFIG), "-d", str(out)],
                          cwd=SITE_ROOT, capture_output=True, text=True, env=env)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    return out


def test_edit_links_follow_the_environment(github_site, chapters):
    c = chapters[0]
    page = (github_site / c.url / "index.html").read_text(encoding="utf-8")
    edit = re.search(r'<a href="([^"]+)"[^>]*rel="edit"', page).group(1)
    assert edit == f"{REPO}/edit/develop/sources/corrections.yaml"
    assert f'href="{REPO}/blob/develop/{c.meta["source"]["file"]}"' in page
    about = (github_site / "about" / "index.html").read_text(encoding="utf-8")
    assert f'href="{REPO}/edit/develop/docs/about.md"' in about
    home = (github_site / "index.html").read_text(encoding="utf-8")
    assert f'href="{REPO}/edit/develop/handbook/templates/home.md.j2"' in home


@pytest.mark.browser
def test_github_repo_url_fetches_nothing_from_github(github_site, browser, chapters):
    with serve(github_site) as base:
        context = browser.new_context()
        seen = []
        context.on("request", lambda r: seen.append(r.url))
        try:
            page = context.new_page()
            for url in ("", chapters[0].url):
                page.goto(base + url)
                page.wait_for_load_state("networkidle")
            assert seen and all(u.startswith(base) or u.startswith("data:") for u in seen), seen
        finally:
            context.close()


def test_site_url_gives_a_full_sitemap_canonical_links_and_a_404_under_the_base_path(github_site, chapters):
    sitemap = (github_site / "sitemap.xml").read_text(encoding="utf-8")
    for c in chapters:
        assert f"<loc>{PAGES}{c.url}</loc>" in sitemap, c.url
        page = (github_site / c.url / "index.html").read_text(encoding="utf-8")
        assert f'<link rel="canonical" href="{PAGES}{c.url}">' in page
        assert f'href="{REPO}/issues/new?template=content-error.yml"' in page  # 报告错误
    missing = (github_site / "404.html").read_text(encoding="utf-8")
    assert f'href="/township-handbook/{chapters[0].url}"' in missing
