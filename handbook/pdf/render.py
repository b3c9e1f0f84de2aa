"""Print HTML (Jinja2 templates in handbook/templates/print/) and WeasyPrint rendering."""

from __future__ import annotations

import functools
import html as _html
import os
import re
from pathlib import Path

import jinja2

from .chapters import ChapterFile, RoleGroup, group_by_role
from .fonts import FONT_FAMILY, FONT_LABEL, FontMissingError, check_cjk_font, missing_characters

TEMPLATE_DIR = Path(__file__).resolve().parent.parent / "templates" / "print"
HANDBOOK_TITLE = "乡镇干部读本"
GENERATOR = "handbook.pdf (WeasyPrint)"
# Part of the PDF cache key with the print HTML itself: bump when rendering changes in a way the HTML
# does not show (WeasyPrint options, say).
RENDER_VERSION = "1"

_NUMERALS = "零一二三四五六七八九十"


def part_label(n: int) -> str:
    """The heading of the n-th part of the handbook PDF (up to 99).

    >>> part_label(1), part_label(12), part_label(20), part_label(35)
    ('第一部分', '第十二部分', '第二十部分', '第三十五部分')
    """
    if n <= 10:
        num = _NUMERALS[n]
    elif n < 20:
        num = "十" + (_NUMERALS[n - 10] if n > 10 else "")
    else:
        num = _NUMERALS[n // 10] + "十" + (_NUMERALS[n % 10] if n % 10 else "")
    return f"第{num}部分"


@functools.lru_cache(maxsize=1)
def _env() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(TEMPLATE_DIR)),
        autoescape=jinja2.select_autoescape(["html", "html.j2"], default_for_string=True),
        undefined=jinja2.StrictUndefined,
        trim_blocks=False,
        keep_trailing_newline=True,
    )
    env.globals["part_label"] = part_label
    return env


def _printable(font: Path, text) -> str:
    """Text quoted from damaged sources (a correction's `find`) may hold characters no font has (private
    use, mojibake); print those as [U+XXXX] instead of a box."""
    text = "" if text is None else str(text)
    missing = set(missing_characters(font, text))
    return "".join(f"[U+{ord(ch):04X}]" if ch in missing else ch for ch in text) if missing else text


def _common(font: Path, groups_or_roles, title: str | None) -> dict:
    return {
        "printable": functools.partial(_printable, font),
        "font_family": FONT_FAMILY,
        "font_url": font.resolve().as_uri(),
        "handbook_title": title or HANDBOOK_TITLE,
        "generator": GENERATOR,
        "role_full_names": {g.slug: g.full_name for g in groups_or_roles},
    }


def _sites(chapters: list[ChapterFile]) -> list[str]:
    sites: dict[str, None] = {}
    for c in chapters:
        if c.source.get("site"):
            sites[str(c.source["site"])] = None
    return list(sites)


def chapter_html(chapter: ChapterFile, font: Path, groups: list[RoleGroup] | None = None,
                 title: str | None = None) -> str:
    """The print HTML of one chapter (`title`: the handbook's name for the running header)."""
    groups = groups if groups is not None else group_by_role([chapter], chapter.path.parent.parent)
    author = "、".join(_sites([chapter]))
    return _env().get_template("chapter.html.j2").render(
        **_common(font, groups, title),
        doc_title=chapter.title,
        author=author,
        description=f"{title or HANDBOOK_TITLE} · {chapter.role} · {chapter.title}",
        keywords=f"{title or HANDBOOK_TITLE}, {chapter.role}",
        body_class="chapter-pdf",
        chapter=chapter,
    )


def book_html(groups: list[RoleGroup], font: Path, title: str | None = None) -> str:
    """The print HTML of the whole handbook: cover, table of contents, parts by role."""
    chapters = [c for g in groups for c in g.chapters]
    sites = _sites(chapters)
    title = title or HANDBOOK_TITLE
    return _env().get_template("book.html.j2").render(
        **_common(font, groups, title),
        doc_title=title,
        author="、".join(sites),
        description=f"{title}：" + "、".join(g.full_name for g in groups),
        keywords=", ".join([title] + [g.name for g in groups]),
        body_class="book",
        groups=groups,
        chapter_count=len(chapters),
        sites=sites,
    )


def printed_text(html: str) -> str:
    """The text a print HTML document shows (its <body>, tags dropped, entities resolved)."""
    body = html.split("<body", 1)[-1]
    return _html.unescape(re.sub(r"<[^>]*>", " ", body))


def check_coverage(font: Path, html: str, what: str) -> None:
    """Fail (naming the font, the characters and what was printed) if the font lacks a glyph for any
    character the HTML shows: the PDF would print boxes."""
    missing = missing_characters(font, printed_text(html))
    if missing:
        shown = " ".join(f"{ch!r} (U+{ord(ch):04X})" for ch in missing[:10])
        raise FontMissingError(
            f"CJK font {FONT_LABEL} at {font} has no glyph for {shown} in {what}; the PDF would print "
            f"boxes. Fix the text (sources/corrections.yaml) or use a font that covers it."
        )


def write_pdf(html: str, out: Path, base_url: str | None = None) -> Path:
    """Render print HTML to `out` with WeasyPrint (written to a temporary file, then moved into place)."""
    import weasyprint  # noqa: PLC0415  (slow import; only when rendering)

    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(f".{out.name}.{os.getpid()}.tmp")
    try:
        weasyprint.HTML(string=html, base_url=base_url or str(TEMPLATE_DIR)).write_pdf(
            tmp, pdf_identifier=b"handbook", uncompressed_pdf=False
        )
        os.replace(tmp, out)
    finally:
        tmp.unlink(missing_ok=True)
    return out


def render_chapter_pdf(chapter: ChapterFile, out: str | Path, font: str | Path | None = None,
                       groups: list[RoleGroup] | None = None, title: str | None = None) -> Path:
    """One chapter's PDF at `out`. Checks the font first (FontMissingError names it)."""
    font = check_cjk_font(font)
    html = chapter_html(chapter, font, groups, title)
    check_coverage(font, html, str(chapter.path))
    return write_pdf(html, Path(out))


def render_book_pdf(groups_or_chapters, out: str | Path, font: str | Path | None = None,
                    title: str | None = None) -> Path:
    """The whole handbook's PDF at `out`, from role groups (or a chapter list, grouped here)."""
    font = check_cjk_font(font)
    items = list(groups_or_chapters)
    groups = items if (not items or isinstance(items[0], RoleGroup)) else group_by_role(
        items, items[0].path.parent.parent)
    html = book_html(groups, font, title)
    check_coverage(font, html, "the whole handbook")
    return write_pdf(html, Path(out))
