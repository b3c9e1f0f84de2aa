"""Garbled text: mojibake runs, "?" standing for lost characters (with orphan pinyin like "?jiǎng)"),
replacement characters. Repaired where the repair is certain, otherwise marked 〔原文此处乱码〕."""

from __future__ import annotations

import math
import re
from collections import Counter
from functools import lru_cache
from pathlib import Path

import jieba

from .pinyin import TONE_LETTERS
from .text import HAN

GARBLED_NOTE = "〔原文此处乱码〕"
# What anchors a garbled spot: a lost-character "?", orphan pinyin "jiǎng)", a replacement or
# private-use character.
ANCHOR = re.compile(f"\\?+(?:[a-zü{TONE_LETTERS}]{{1,7}}\\))?|[a-zü{TONE_LETTERS}]*[{TONE_LETTERS}][a-zü{TONE_LETTERS}]*\\)|[\\ufffd\\ue000-\\uf8ff]")
HAN_CHAR = re.compile(f"[{HAN}]")


@lru_cache(maxsize=1)
def char_frequency() -> dict[str, float]:
    """Log frequency of each Han character, summed over the words of jieba's dictionary."""
    counts: Counter = Counter()
    dictionary = Path(jieba.__file__).parent / "dict.txt"
    with dictionary.open(encoding="utf-8") as f:
        for line in f:
            word, freq, *_ = line.split(" ")
            for ch in word:
                counts[ch] += int(freq)
    return {ch: math.log10(n + 1) for ch, n in counts.items()}


def is_rare(ch: str, threshold: float = 3.6) -> bool:
    """Characters that almost never occur in modern prose; mojibake is made of them."""
    if not HAN_CHAR.match(ch):
        return ch.isascii() and not ch.isspace() or "\ue000" <= ch <= "\uf8ff" or ch == "\ufffd"
    return char_frequency().get(ch, 0.0) < threshold


def _plausibility(text: str) -> float:
    freq = char_frequency()
    hans = [freq.get(ch, 0.0) for ch in text if HAN_CHAR.match(ch)]
    return sum(hans) / len(hans) if hans else 0.0


def try_repair(span: str) -> str | None:
    """Undo a wrong decoding when it is certain: UTF-8 bytes read as GBK, or GBK read one byte off.
    Certain means every character of the result is common Chinese and it reads far better."""
    candidates = []
    try:
        raw = span.encode("gbk")
    except UnicodeEncodeError:
        return None
    for shift_bytes in (raw, raw[1:], b"\xa1" + raw):
        for encoding in ("utf-8", "gbk"):
            try:
                candidates.append(shift_bytes.decode(encoding))
            except UnicodeDecodeError:
                continue
    best = max((c for c in candidates if c != span), key=_plausibility, default=None)
    if best and HAN_CHAR.search(best) and all(not is_rare(ch) for ch in best if ch.strip()) \
            and _plausibility(best) > _plausibility(span) + 1.0:
        return best
    return None


def _rare_nearby(text: str, i: int) -> bool:
    """A character belongs to a garbled run when it is rare, or when most of the next three are."""
    if i < 0 or i >= len(text) or text[i].isspace() or text[i] in "。，、；：":
        return False
    return is_rare(text[i]) or sum(is_rare(c) for c in text[i:i + 3]) >= 2


def _extend(text: str, start: int, end: int, floor: int) -> tuple[int, int]:
    while start > floor and _rare_nearby(text, start - 1) and is_rare(text[start - 1]):
        start -= 1
    while end < len(text):
        anchor = ANCHOR.match(text, end)
        if anchor and anchor.end() > end:
            end = anchor.end()
        elif _rare_nearby(text, end):
            end += 1
        else:
            break
    return start, end


def mark_garbled(paragraph: str, question_words: tuple[str, ...] = ()) -> tuple[str, int, int]:
    """Replace each garbled spot (an anchor and the rare characters around it) by its certain
    repair, or else by the editorial note. Returns (text, marked, repaired)."""
    marked = repaired = 0
    out: list[str] = []
    pos = 0
    for match in ANCHOR.finditer(paragraph):
        if match.start() < pos:
            continue
        if match.group(0).startswith("?") and _is_question(paragraph, match.start(), question_words):
            continue
        start, end = _extend(paragraph, match.start(), match.end(), pos)
        out.append(paragraph[pos:start])
        repair = try_repair(paragraph[start:end])
        if repair:
            out.append(repair)
            repaired += 1
        elif not "".join(out).endswith(GARBLED_NOTE):
            out.append(GARBLED_NOTE)
            marked += 1
        pos = end
    out.append(paragraph[pos:])
    return "".join(out), marked, repaired


@lru_cache(maxsize=4)
def _question_before(words: tuple[str, ...]) -> re.Pattern:
    return re.compile("(" + "|".join(map(re.escape, words)) + ")[^。？?！!，,]{0,3}$")


def _is_question(text: str, index: int, question_words: tuple[str, ...]) -> bool:
    """A "?" that closes a question (…吗?) is punctuation, not a lost character
    (question words: rules/structure.yaml)."""
    after = text[index + 1:index + 2]
    return bool(question_words) and bool(_question_before(question_words).search(text[max(0, index - 12):index])) \
        and not re.match("[a-zü]", after)


MOJIBAKE_SEED = re.compile(f"[{HAN}]{{4,}}")


def repair_mojibake_runs(paragraph: str) -> tuple[str, int]:
    """Repair runs of rare characters that are certainly UTF-8 read as GBK, even with no "?" near."""
    count = 0
    out: list[str] = []
    pos = 0
    i = 0
    while i < len(paragraph):
        if is_rare(paragraph[i]) and HAN_CHAR.match(paragraph[i]) and _rare_nearby(paragraph, i + 1):
            start, end = _extend(paragraph, i, i + 1, pos)
            repair = try_repair(paragraph[start:end]) if end - start >= 4 else None
            if repair:
                out.append(paragraph[pos:start] + repair)
                count += 1
                pos = end
            i = end
        else:
            i += 1
    out.append(paragraph[pos:])
    return "".join(out), count
