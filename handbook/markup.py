"""Markup residue: HTML tags and entities, their remains ("ldquo;"), and Word field codes."""

from __future__ import annotations

import html
import re

SCRIPT_BLOCK = re.compile(r"<(script|style|noscript|iframe|template)\b[^>]*>.*?</\1\s*>", re.I | re.S)
# Only tags with ASCII names: "<备注>" in an essay is text, not markup.
TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9:-]*(\s[^<>]*)?/?>")
ENTITY = re.compile(r"&(#\d{1,6}|#x[0-9a-fA-F]{1,6}|[A-Za-z]{2,8});")
# Entities whose "&" was lost on the way: "ldquo;" inside Chinese text.
BARE_ENTITY = re.compile(r"(?<![&A-Za-z])(ldquo|rdquo|lsquo|rsquo|nbsp|mdash|ndash|hellip|middot|quot|bull|amp|lt|gt);")


def strip_tags(text: str) -> tuple[str, int]:
    """Remove HTML tags (with the content of script and style blocks)."""
    text, blocks = SCRIPT_BLOCK.subn("", text)
    text, tags = TAG.subn("", text)
    return text, blocks + tags


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
