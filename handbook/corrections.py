"""Reviewed corrections: find → replace with a reason, applied after conversion, in Simplified.

Matching ignores the width of punctuation (, or ,), so an entry copied from the site's text matches
the source before its punctuation is normalised. An entry must match exactly once."""

from __future__ import annotations

from .model import Correction, HandbookError

NARROW = str.maketrans("，：；（）！？", ",:;()!?")


def _canonical(text: str) -> str:
    # same length as text, so indexes found in it are indexes into text
    return text.translate(NARROW)


def count_matches(paragraphs: list[str], find: str) -> int:
    needle = _canonical(find)
    return sum(_canonical(p).count(needle) for p in paragraphs)


def apply_correction(paragraphs: list[str], correction: Correction) -> list[str]:
    needle = _canonical(correction.find)
    out = []
    for p in paragraphs:
        at = _canonical(p).find(needle)
        if at >= 0:
            p = p[:at] + correction.replace + p[at + len(needle):]
        out.append(p)
    return out


def describe(correction: Correction) -> str:
    return f"corrections entry #{correction.index + 1} (source {correction.source}, find {correction.find!r})"


def check_unique(correction: Correction, matches: int, corrections_file: str) -> None:
    if matches != 1:
        found = "no longer matches" if matches == 0 else f"matches {matches} times (it must match exactly once)"
        raise HandbookError(f"{corrections_file}: {describe(correction)} {found}")
