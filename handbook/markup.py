"""Markup residue: HTML tags and entities, their remains ("ldquo;"), and Word field codes."""

from __future__ import annotations

import html
import re

SCRIPT_BLOCK = re.compile(r"<(script|style|noscript|iframe|template)\b[^>]*>.*?</\1\s*>", re.I | re.S)
# Only tags with ASCII names: "<备注>" in an essay is text, not markup.
TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9:-]*(\s[^<>]*)?/?>")
# the end of a tag whose start a scraper cut off, left before a line's text ('id="6373">根据上级的部署…', '>一、…')
TAG_END = re.compile(r'^[ \t]*(?:[A-Za-z][\w:-]*="[^"<>\n]*"[ \t]*)*/?>(?=[^\s>])', re.M)
ENTITY = re.compile(r"&(#\d{1,6}|#x[0-9a-fA-F]{1,6}|[A-Za-z]{2,8});")
# Entities whose "&" was lost on the way: "ldquo;" inside Chinese text.
BARE_ENTITY = re.compile(r"(?<![&A-Za-z])(ldquo|rdquo|lsquo|rsquo|nbsp|mdash|ndash|hellip|middot|quot|bull|amp|lt|gt);")


def strip_tags(text: str) -> tuple[str, int]:
    """Remove HTML tags (with the content of script and style blocks), and the ends of cut-off tags."""
    text, blocks = SCRIPT_BLOCK.subn("", text)
    text, tags = TAG.subn("", text)
    text, ends = TAG_END.subn("", text)
    return text, blocks + tags + ends


# A Markdown heading's marks at a line's start, left by a page a program wrote ("### 2.1 制定走访计划")
MARKDOWN_HEADING = re.compile(r"^[ \t]*#{1,6}[ \t]+(?=\S)", re.M)
MARKDOWN_PAGE_MIN_HEADINGS = 2  # one "# …" line is the text's own hash sign, several are a page written in Markdown


def remove_markdown_heading_marks(text: str) -> tuple[str, int]:
    """Remove the "#" marks a page written in Markdown left before its headings (the heading's words are the
    text); a page with fewer such lines keeps its "#" as a character of the text."""
    if "#" not in text or len(MARKDOWN_HEADING.findall(text)) < MARKDOWN_PAGE_MIN_HEADINGS:
        return text, 0
    return MARKDOWN_HEADING.subn("", text)


def unescape_entities(text: str) -> tuple[str, int]:
    """Turn HTML entities, and entities that lost their "&", back into characters."""
    count = len(ENTITY.findall(text))
    text = html.unescape(text) if count else text
    text, bare = BARE_ENTITY.subn(lambda m: html.unescape(f"&{m.group(1)};"), text)
    text = text.replace("\xa0", " ")
    return text, count + bare


def remove_field_codes(text: str, patterns) -> tuple[str, int]:
    """Remove Word field codes (HYPERLINK "…", PAGE \\* MERGEFORMAT, TOC \\o "1-3")."""
    total = 0
    for pattern in patterns:
        text, n = pattern.subn("", text)
        total += n
    return text, total


# Pictographs (emoji), with their variation selectors and zero-width-joined sequences: the handbook's
# fonts have no glyphs for them, so the PDFs could not print them.
EMOJI = re.compile("[\U0001F000-\U0001FAFF]\uFE0F?(\u200d[\U0001F000-\U0001FAFF\u2600-\u27BF]\uFE0F?)*|\uFE0F")
# Bidi and zero-width controls: invisible, they reorder or hide text. Removed after the emoji, whose
# sequences are the one place a zero-width joiner is needed.
INVISIBLE = re.compile("[\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff\ufff9-\ufffb]")


def remove_invisible(text: str) -> tuple[str, int]:
    """Remove bidi and zero-width control characters."""
    return INVISIBLE.subn("", text)


def remove_emoji(text: str) -> tuple[str, list[str]]:
    """Remove emoji, returning what was removed (for the report)."""
    found = [m.group(0) for m in EMOJI.finditer(text)]
    return (EMOJI.sub("", text) if found else text), found


# Characters that mean something in HTML, and their full-width forms (how Chinese text writes them).
HTML_SPECIAL = str.maketrans({"<": "＜", ">": "＞", "&": "＆", '"': "＂", "'": "＇", "`": "｀"})


def clean_field(text: str) -> str:
    """A title or a short field (site name) as plain text: entities decoded first, then tags removed,
    so an encoded tag is removed too; invisible controls removed; and the characters HTML gives a
    meaning to written full-width, so the theme's templates, which print titles unescaped, never
    see markup."""
    for _ in range(3):  # "&amp;lt;img&amp;gt;" takes two rounds to become a tag
        before = text
        text = unescape_entities(text)[0]
        text = strip_tags(text)[0]
        if text == before:
            break
    text = remove_emoji(text)[0]
    text = remove_invisible(text)[0]
    return re.sub(r"\s+", " ", text.translate(HTML_SPECIAL)).strip()
