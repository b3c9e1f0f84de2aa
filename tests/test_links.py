"""Every internal link and anchor of the built site resolves; every chapter page and PDF link works."""

import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urldefrag, urljoin, urlparse


class Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.hrefs: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if attrs.get("id"):
            self.ids.add(attrs["id"])
        if tag in ("a", "link") and attrs.get("href"):
            self.hrefs.append(attrs["href"])
        if tag in ("script", "img") and attrs.get("src"):
            self.hrefs.append(attrs["src"])


def parse(path: Path) -> Links:
    links = Links()
    links.feed(path.read_text(encoding="utf-8"))
    return links


def target_file(site: Path, url: str) -> Path:
    path = site / unquote(urlparse(url).path).lstrip("/")
    return path / "index.html" if path.is_dir() or url.endswith("/") else path


def test_every_internal_link_and_anchor_resolves(site_dir):
    pages = {p: parse(p) for p in site_dir.rglob("*.html")}
    assert len(pages) > 10
    broken = []
    for page, links in pages.items():
        base = "/" + page.relative_to(site_dir).as_posix()
        for href in links.hrefs:
            if re.match(r"^(https?:|mailto:|javascript:|data:)", href) or href.startswith("//"):
                continue
            url, anchor = urldefrag(urljoin(base, href))
            target = target_file(site_dir, url) if url else page
            if not target.is_file():
                broken.append(f"{base}: {href} (no file)")
            elif anchor and target.suffix == ".html" and unquote(anchor) not in pages[target].ids:
                broken.append(f"{base}: {href} (no anchor)")
    assert not broken, "\n".join(broken[:30])


def test_every_chapter_has_a_page_and_a_pdf(site_dir):
    docs = Path(__file__).resolve().parent.parent / "docs"
    for chapter in docs.glob("*/*.md"):
        if chapter.name == "index.md":
            continue
        rel = chapter.relative_to(docs).with_suffix("")
        assert (site_dir / rel / "index.html").is_file(), rel
        html = (site_dir / rel / "index.html").read_text(encoding="utf-8")
        pdf = re.search(r'href="([^"]+\.pdf)"', html).group(1)
        assert target_file(site_dir, urljoin(f"/{rel}/", pdf)).stat().st_size > 1000, pdf


def test_every_old_address_leads_to_a_page_and_keeps_its_pdf(site_dir):
    """The pinned seeds carry a history (tests/fixtures/seeds/sources/redirects.yaml): each old address
    is a page that sends the reader on to one that exists, and a moved chapter's old PDF is its PDF."""
    import yaml

    from tests.repo import SEEDS

    moved = yaml.safe_load((SEEDS / "sources" / "redirects.yaml").read_text(encoding="utf-8"))["redirects"]
    assert moved
    for r in moved:
        page = (site_dir / r["from"] / "index.html").read_text(encoding="utf-8")
        target = re.search(r'http-equiv="refresh" content="0; url=([^"]+)"', page).group(1)
        assert target == "../../" + r["to"] + "/" and 'lang="zh-CN"' in page
        assert target_file(site_dir, urljoin(f"/{r['from']}/", target)).is_file(), r
        new_pdf = site_dir / "pdf" / f"{r['to']}.pdf"
        if new_pdf.is_file():
            assert (site_dir / "pdf" / f"{r['from']}.pdf").read_bytes() == new_pdf.read_bytes()
