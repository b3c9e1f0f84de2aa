"""Pinyin annotations after characters: "鎮(zhèn)長(zhǎng)", "黨(dang) 政", or only on some characters."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from .text import HAN

TONE_LETTERS = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ"
TONES = frozenset(TONE_LETTERS)
WORD_MAX = 4  # characters of a word annotated as one
SYLLABLES = f"[a-zü{TONE_LETTERS}]{{1,{7 * WORD_MAX}}}"  # one syllable (seven letters at most), or a word's run together
# An annotation in half- or full-width brackets or in 【】 right after a Han character (a space may stand inside them:
# "會(huì )"), maybe followed by a space; or after a word, its syllables run together ("街道(jiēdào)").
ANNOTATION = re.compile(f"(?P<char>[{HAN}])[(（【《] ?(?P<syl>{SYLLABLES}) ?[)）】》](?P<space> (?=[^\\sA-Za-z0-9]))?")
# A scraper's labelled reading or form note after a character, in any bracket ("遇(pinyin:yù)", "阻止[读:zhǐ]",
# "的{读:de}", "了(繁:瞭)", "两(繁体:兩)"), a casino's name inside the label perhaps ("[澳门伦敦人繁:麗]")
READING_NOTE = re.compile(f"[(（《\\[{{【]\\s*(?:pinyin|拼音|读|练|繁体|[{HAN}]{{0,6}}繁)\\s*[:：]\\s*"
                          f"[^()（）《》\\[\\]{{}}【】\\s]{{1,8}}\\s*[)）》\\]}}】]")
WORD_BEFORE = re.compile(f"[{HAN}]+$")


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


@lru_cache(maxsize=65536)  # a page annotates the same characters again and again
def is_annotation(char: str, syllable: str) -> bool:
    """A toned syllable is an annotation when it is real pinyin; a toneless one must be a reading of
    the character it follows, so that "能(ai)" or English in brackets is never taken for pinyin."""
    if not TONES.isdisjoint(syllable):
        return syllable in toned_syllables()
    return _toneless(syllable) in readings(char)


def reads_as(chars: str, syllables: str) -> bool:
    """Whether toneless syllables run together are a reading of the characters, one syllable each."""
    if not chars:
        return not syllables
    return any(syllables.startswith(r) and reads_as(chars[1:], syllables[len(r):]) for r in readings(chars[0]) if r)


def is_word_annotation(chars: str, syllables: str) -> bool:
    """Syllables run together after a word ("街道(jiēdào)"): the reading of its last two or more characters."""
    plain = _toneless(syllables)
    return any(reads_as(chars[-k:], plain) for k in range(2, len(chars) + 1))


def remove_pinyin(text: str) -> tuple[str, int]:
    """Remove pinyin annotations that follow characters or words (tone marks, toneless, partial), and a scraper's
    labelled reading notes (READING_NOTE)."""

    def drop(match: re.Match) -> str:
        nonlocal count
        if is_annotation(match["char"], match["syl"]) or is_word_annotation(
                WORD_BEFORE.search(text, max(0, match.start() + 1 - WORD_MAX), match.start() + 1)[0], match["syl"]):
            count += 1
            return match["char"]
        return match.group(0)

    text, count = READING_NOTE.subn("", text)
    removed = -1
    while removed != count:  # again while a pass removes some: an annotation printed twice ("龍(long)(long)墩村")
        removed = count
        text = ANNOTATION.sub(drop, text)
    return text, count
