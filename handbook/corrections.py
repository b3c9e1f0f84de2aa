"""Reviewed corrections: find → replace with a reason, applied after conversion, in Simplified.

Matching ignores the width of punctuation (, or ,), so an entry copied from the site's text matches
the source before its punctuation is normalised. An entry must match exactly once.

The text an entry is matched against is the essay's paragraphs joined by line breaks: a `find` may
span a paragraph break (written as a line break, "\\n" in a double-quoted YAML string), and a
`replace` without that line break joins the two paragraphs, which is how a sentence the cleaner
split at a page break, or a full stop it added there, is repaired."""

from __future__ import annotations

from .model import Correction, HandbookError

NARROW = str.maketrans("，：；（）！？", ",:;()!?")
BREAK = "\n"  # a paragraph break, in `find` and `replace`


def _canonical(text: str) -> str:
    # same length as text, so indexes found in it are indexes into text
    return text.translate(NARROW)


def _find_text(find: str) -> str:
    # a blank line between paragraphs (as copied from a chapter) is one paragraph break
    return BREAK.join(line.strip() for line in find.strip().splitlines() if line.strip())


def count_matches(paragraphs: list[str], find: str) -> int:
    return _canonical(BREAK.join(paragraphs)).count(_canonical(_find_text(find)))


def apply_correction(paragraphs: list[str], correction: Correction) -> list[str]:
    text = BREAK.join(paragraphs)
    needle = _canonical(_find_text(correction.find))
    at = _canonical(text).find(needle)
    if at < 0:
        return paragraphs
    text = text[:at] + _find_text(correction.replace) + text[at + len(needle):]
    return [p for p in text.split(BREAK) if p.strip()]


def describe(correction: Correction) -> str:
    return f"corrections entry #{correction.index + 1} (source {correction.source}, find {correction.find!r})"


def check_unique(correction: Correction, matches: int, corrections_file: str, hint: str = "") -> None:
    if matches != 1:
        found = "no longer matches" if matches == 0 else f"matches {matches} times (it must match exactly once)"
        raise HandbookError(f"{corrections_file}: {describe(correction)} {found}{hint}")
