"""The Chinese word list the cleaner consults: jieba's dictionary (installed for the site's search), read
once per process without importing jieba (which takes a tenth of a second)."""

from __future__ import annotations

import importlib.util
import math
from collections import Counter
from functools import lru_cache
from pathlib import Path


@lru_cache(maxsize=1)
def _dictionary() -> tuple[dict[str, float], frozenset[str]]:
    """Both things the cleaner wants from jieba's dict.txt, in one reading of its 350,000 lines."""
    counts: Counter = Counter()
    pairs = set()
    dictionary = Path(importlib.util.find_spec("jieba").origin).parent / "dict.txt"
    with dictionary.open(encoding="utf-8") as f:
        for line in f:
            word, freq, *_ = line.split(" ")
            n = int(freq)
            for ch in word:
                counts[ch] += n
            if len(word) == 2:
                pairs.add(word)
    return {ch: math.log10(n + 1) for ch, n in counts.items()}, frozenset(pairs)


def char_frequency() -> dict[str, float]:
    """Log frequency of each Han character, summed over the words of the dictionary."""
    return _dictionary()[0]


def two_character_words() -> frozenset[str]:
    """The dictionary's words of two characters: a cut between two characters that make one goes through a
    word ("改选工作全" | "镇21个行政村")."""
    return _dictionary()[1]
