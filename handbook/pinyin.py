"""Pinyin annotations after characters: "鎮(zhèn)長(zhǎng)", "黨(dang) 政", or only on some characters."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from .text import HAN

TONE_LETTERS = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ"
SYLLABLE = f"[a-zü{TONE_LETTERS}]{{1,7}}"
# An annotation in half- or full-width brackets or in 【】 right after a Han character (a space may stand inside them:
# "會(huì )"), maybe followed by a space.
ANNOTATION = re.compile(f"(?P<char>[{HAN}])[(（【] ?(?P<syl>{SYLLABLE}) ?[)）】](?P<space> (?=[^\\sA-Za-z0-9]))?")


def _toneless(syllable: str) -> str:
    plain = unicodedata.normalize("NFD", syllable)
    return "".join(ch for ch in plain if not unicodedata.combining(ch)).replace("ü", "v")


# pypinyin is imported on first use: it takes a fifth of a second, and most pages carry no pinyin

@lru_cache(maxsize=1)
def toned_syllables() -> frozenset[str]:
    from pypinyin.pinyin_dict import pinyin_dict

    return frozenset(s for value in pinyin_dict.values() for s in value.split(","))


@lru_cache(maxsize=20000)
def readings(char: str) -> frozenset[str]:
    from pypinyin import Style, pinyin

    return frozenset(_toneless(r) for r in pinyin(char, style=Style.TONE, heteronym=True)[0])


def is_annotation(char: str, syllable: str) -> bool:
    """A toned syllable is an annotation when it is real pinyin; a toneless one must be a reading of
    the character it follows, so that "能(ai)" or English in brackets is never taken for pinyin."""
    if any(t in syllable for t in TONE_LETTERS):
        return syllable in toned_syllables()
    return _toneless(syllable) in readings(char)


def remove_pinyin(text: str) -> tuple[str, int]:
    """Remove pinyin annotations that follow characters (tone marks, toneless, partial)."""
    count = 0

    def drop(match: re.Match) -> str:
        nonlocal count
        if is_annotation(match["char"], match["syl"]):
            count += 1
            return match["char"]
        return match.group(0)

    return ANNOTATION.sub(drop, text), count
