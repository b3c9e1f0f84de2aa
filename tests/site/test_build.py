"""The built site, checked without a browser: strict build, navigation order, chapter header block,
edit links, anchors, search index, nothing from outside."""

from __future__ import annotations

import gzip
import json
import os
import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import yaml

from handbook.rules import load_rules
from hooks.compact_html import compact
from tests.repo import copy_repo
from tests.site.helpers import CONFIG, ROLE_ORDER, ROOT


def html(site: Path, url: str) -> str:
    return (site / url / "index.html").read_text(encoding="utf-8")


class Links(HTMLParser):
    """Resources a page loads (script src, link href of stylesheets/icons/preloads, img/iframe/... src)."""

    def __init__(self):
        super().__init__()
        self.loaded: list[str] = []
        self.tabs: list[str] = []
        self._tab = False

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag in ("script", "img", "iframe", "audio", "video", "source", "embed") and a.get("src"):
            self.loaded.append(a["src"])
        if tag == "link" and a.get("href") and (a.get("rel") or "") not in ("canonical", "alternate", "edit"):
            self.loaded.append(a["href"])
        if tag == "a" and "md-tabs__link" in (a.get("class") or ""):
            self._tab = True
            self.tabs.append("")

    def handle_endtag(self, tag):
        if tag == "a":
            self._tab = False

    def handle_data(self, data):
        if self._tab:
            self.tabs[-1] += data.strip()


def parse(text: str) -> Links:
    p = Links()
    p.feed(text)
    return p


def test_strict_build_has_no_warnings(build):
    _, log = build
    assert "WARNING" not in log, log


def load_config() -> dict:
    """mkdocs.yml as plain data (its !ENV and !!python tags read as None)."""
    class Loader(yaml.SafeLoader):
        pass

    Loader.add_constructor("!ENV", lambda loader, node: None)
    Loader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)
    return yaml.load(CONFIG.read_text(encoding="utf-8"), Loader=Loader)


def test_mkdocs_yml_essentials():
    cfg = load_config()
    theme = cfg["theme"]
    assert theme["name"] == "material" and theme["language"] == "zh"
    assert theme["font"] is False
    assert re.search(r"[\u4e00-\u9fff]", cfg["site_name"])
    schemes = {p["scheme"] for p in theme["palette"]}
    assert schemes == {"default", "slate"} and all("toggle" in p for p in theme["palette"])
    for feature in ("navigation.prune", "navigation.footer", "navigation.top", "toc.follow", "search.highlight",
                    "content.action.edit"):
        assert feature in theme["features"], feature
    search = next(p["search"] for p in cfg["plugins"] if isinstance(p, dict) and "search" in p)
    assert "、" in search["separator"]  # the highlight on the target page splits the query as the worker does


def test_nothing_is_loaded_from_outside(site_dir):
    pages = sorted(site_dir.rglob("*.html"))
    assert pages
    for path in pages:
        text = path.read_text(encoding="utf-8")
        outside = [u for u in parse(text).loaded if re.match(r"(https?:)?//", u)]
        assert not outside, (path, outside)
        assert "fonts.googleapis" not in text and "fonts.gstatic" not in text, path
        assert "googletagmanager" not in text and "google-analytics" not in text, path
    for css in site_dir.rglob("*.css"):
        text = css.read_text(encoding="utf-8")
        for url in re.findall(r"""url\(\s*['"]?([^'")]+)""", text) + re.findall(r"""@import\s+['"]([^'"]+)""", text):
            assert not re.match(r"(https?:)?//", url), (css, url)


def test_navigation_tabs_in_role_order(site_dir, chapters):
    tabs = parse(html(site_dir, "")).tabs
    roles = load_rules().roles.roles
    names = [r.name for r in roles]
    assert [r.slug for r in roles] == list(ROLE_ORDER)
    role_tabs = [t for t in tabs if t in names]
    assert role_tabs == ["书记", "镇长", "组工干部"], tabs
    assert tabs[0] == "首页" or tabs.index("书记") < tabs.index("镇长") < tabs.index("组工干部")


def test_footer_follows_manifest_order(site_dir, chapters):
    """Previous/next links walk each role's chapters in `order`."""
    for slug in ROLE_ORDER:
        mine = sorted((c for c in chapters if c.role_slug == slug), key=lambda c: c.meta["order"])
        for a, b in zip(mine, mine[1:]):
            page = html(site_dir, a.url)
            nxt = re.search(r'<a href="([^"]+)" class="md-footer__link md-footer__link--next"', page)
            assert nxt, a.url
            assert nxt.group(1).rstrip("/").endswith(b.meta["slug"]), (a.url, nxt.group(1), b.url)


def test_prune_keeps_other_roles_out_of_the_page(site_dir, chapters):
    by_role = {s: [c for c in chapters if c.role_slug == s] for s in ROLE_ORDER}
    for slug, mine in by_role.items():
        if not mine:
            continue
        page = html(site_dir, mine[0].url)
        for other, theirs in by_role.items():
            if other == slug:
                continue
            for c in theirs:
                assert f'href="../../{c.url}"' not in page, (mine[0].url, c.url)


def test_chapter_header_block_and_edit_link(site_dir, chapters):
    for c in chapters:
        page = html(site_dir, c.url)
        block = page[page.index('data-hb="chapter-header"'):]
        block = block[: block.index('data-hb="files"') + 2000]
        assert c.meta["role"] in block
        assert (c.meta["source"]["site"] or "来源不详") in block
        assert f"约 {c.meta['reading_minutes']} 分钟" in block
        if c.meta.get("corrections"):
            assert 'data-hb="corrections"' in block
        if c.meta.get("notes"):
            assert 'data-hb="notes"' in block
        # the header block sits between the title and the text
        assert page.index("</h1>") < page.index('data-hb="chapter-header"')
        edit = re.search(r'<a href="([^"]+)" title="[^"]*" class="md-content__button md-icon" rel="edit"', page)
        assert edit, c.url
        # the pencil opens the corrections file: the raw source is the one file nobody may edit
        assert edit.group(1).endswith("/sources/corrections.yaml"), edit.group(1)
        assert "/docs/" not in edit.group(1)


def test_hand_written_pages_edit_docs(site_dir):
    for name in ("about", "contribute", "sources"):
        page = html(site_dir, name)
        edit = re.search(r'<a href="([^"]+)"[^>]*rel="edit"', page)
        assert edit and edit.group(1).endswith(f"/docs/{name}.md"), edit and edit.group(1)


def test_chinese_heading_anchors(site_dir, chapters):
    for c in chapters:
        for heading in re.findall(r"^##+ (.+)$", c.body, re.M):
            ids = re.findall(r'<h[2-6] id="([^"]+)"', html(site_dir, c.url))
            assert any(re.search(r"[\u4e00-\u9fff]", i) for i in ids), (c.url, ids[:3])
            break


def fragments(site_dir) -> list[dict]:
    """Pagefind's record of each indexed page (gzipped, after a signature)."""
    out = []
    for path in sorted((site_dir / "pagefind" / "fragment").glob("*.pf_fragment")):
        data = gzip.decompress(path.read_bytes())
        out.append(json.loads(data[data.index(b"{"):]))
    return out


def test_search_index_holds_each_chapter_text_in_chunks(site_dir, chapters):
    """Pagefind's index has the chapters and nothing else (not the home, role or help pages); of a
    chapter its title and text, not the chapter header; the index is split into chunks; Material's
    own index is empty and Pagefind's UI files are not shipped."""
    assert json.loads((site_dir / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"] == []
    records = fragments(site_dir)
    assert sorted(r["url"] for r in records) == sorted("/" + c.url for c in chapters)
    for record in records:
        # the chapter header's source line (…获取), the skip link (跳转至), the heading links (#)
        assert not {"获取", "跳转", "#"} & set(record["content"].split()), record["url"]
        assert record["anchors"][0]["element"] == "h1"
    assert len(list((site_dir / "pagefind" / "index").glob("*.pf_index"))) > 1
    assert not list((site_dir / "pagefind").glob("pagefind-*ui*"))


def test_search_index_holds_chinese_as_character_pairs():
    from handbook.plugins.search_index import index_text

    html = '<h2 id="x">公仆意识</h2><p title="公仆">为人民服务，GDP增长</p>'
    assert index_text(html) == ('<h2 id="x"> 公仆 仆意 意识 识 </h2> \u00b6 <p title="公仆"> 为人 人民 民服 服务 务 ，'
                                'GDP 增长 长 </p> \u00b6 ')


def test_editorial_notes_in_the_text_are_marked(site_dir, chapters):
    for c in chapters:
        notes = re.findall(r"〔[^〔〕\n]{1,60}〕", c.body)
        page = html(site_dir, c.url)
        for note in notes:
            assert f'<span class="hb-note">{note}</span>' in page, (c.url, note)


def test_a_large_role_is_grouped_and_a_chapter_page_carries_only_its_group(tmp_path, chapters):
    """With more chapters in a role than `chapters_per_group`, the navigation groups them and a chapter
    page lists only the chapters of its own group: its size stays the same as the handbook grows."""
    shuji = sorted((c for c in chapters if c.role_slug == "shuji"), key=lambda c: c.meta["order"])
    assert len(shuji) >= 4
    repo = copy_repo(tmp_path / "repo")
    config = repo / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("chapters_per_group: 50", "chapters_per_group: 2")
                      .replace("  - hooks/pdf.py\n", ""), encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(tmp_path / "site")],
                          cwd=repo, capture_output=True, text=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    assert proc.returncode == 0, proc.stderr
    first = html(tmp_path / "site", shuji[0].url)
    assert "第 1–2 篇" in first and "第 3–4 篇" in first
    nav = first.split('class="md-content"')[0]
    assert f'href="../{shuji[1].meta["slug"]}/"' in nav
    # another group is one link, to its first chapter; the rest of it is not in the page
    assert f'href="../{shuji[2].meta["slug"]}/"' in nav
    assert f'href="../{shuji[3].meta["slug"]}/"' not in nav


def test_pages_carry_no_template_indentation(site_dir, chapters):
    """The theme's indentation is taken out of every page (hooks/compact_html.py): a chapter page is
    lighter, and its size no longer grows with the navigation items it prunes."""
    page = html(site_dir, chapters[0].url)
    outside = re.sub(r"<(pre|textarea|script)\b.*?</\1\s*>", "", page, flags=re.S | re.I)
    assert not re.search(r"\n[ \t]", outside)
    assert chapters[0].title in page


def test_compacting_keeps_what_renders_and_what_is_verbatim():
    source = ('<nav>\n    <ul>\n\n      <li>\n  <a href="x">乡镇\n   党委</a>\n  </li>\n</ul></nav>\n'
              '<pre><code>\n  第一行\n\n    第二行</code></pre>\n<script>\nvar s = `a\n   b`\n</script>\n<p>a  b</p>')
    out = compact(source)
    assert "<pre><code>\n  第一行\n\n    第二行</code></pre>" in out and "`a\n   b`" in out
    text = lambda h: re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", h)).strip()
    assert text(out) == text(source)
    assert compact(out) == out and len(out) < len(source)
