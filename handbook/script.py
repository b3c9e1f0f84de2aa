"""Script: Traditional → Simplified (OpenCC), and Kangxi-radical look-alikes → the real characters."""

from __future__ import annotations

import importlib.util
import re
import unicodedata
from functools import lru_cache
from pathlib import Path


@lru_cache(maxsize=1)
def _converter():
    # imported on first use: loading OpenCC takes a tenth of a second, and most pages are Simplified
    import opencc

    return opencc.OpenCC("t2s")


@lru_cache(maxsize=8192)
def _convert_line(line: str) -> str:
    return _converter().convert(line)


@lru_cache(maxsize=1)
def _traditional_chars() -> frozenset[str]:
    """Every character that OpenCC's t2s character table converts."""
    table = Path(importlib.util.find_spec("opencc").origin).parent / "dictionary" / "TSCharacters.txt"
    return frozenset(line.split("\t", 1)[0] for line in table.read_text(encoding="utf-8").splitlines() if line)


def to_simplified(text: str, zhu_words: tuple[str, ...] = (), keep_chars: str = "") -> tuple[str, int]:
    """Convert Traditional characters to Simplified; count the characters that changed.

    OpenCC's t2s keeps 著 as it is; in a converted text the particle becomes 着 ("承擔著" →
    "承担着") except inside the words listed in rules/script.yaml (著作, 显著 …); characters that
    are already Simplified (keep_chars: 么) stay."""
    traditional = _traditional_chars()
    if traditional.isdisjoint(text):
        return text, 0  # fast path: a Simplified page (OpenCC is slow on large pages)
    # line by line, only the lines with a Traditional character (no word OpenCC knows spans a line break); a page
    # prints its site's lines again and again
    converted = "\n".join(_convert_line(line) if not traditional.isdisjoint(line) else line
                          for line in text.split("\n"))
    if keep_chars and len(converted) == len(text):
        converted = "".join(a if a in keep_chars else b for a, b in zip(text, converted))
    changed = sum(a != b for a, b in zip(text, converted)) if len(converted) == len(text) else 1
    if changed and "著" in converted:
        keep = "|".join(map(re.escape, zhu_words)) or "(?!)"
        particles = re.findall(f"({keep})|著", converted).count("")
        converted = re.sub(f"({keep})|著", lambda m: m.group(1) or "着", converted)
        changed += particles
    return converted, changed


RADICAL = re.compile("[\u2e80-\u2eff\u2f00-\u2fdf]")


def fix_radicals(text: str, table: dict[str, str]) -> tuple[str, int]:
    """Replace Kangxi / CJK radicals (⼈ U+2F08, ⺠ U+2EA0) by the unified ideographs they look like
    (人, 民): NFKC for the Kangxi block, the table in rules/script.yaml for the supplement."""
    count = 0

    def unify(match: re.Match) -> str:
        nonlocal count
        fixed = table.get(match.group(0)) or unicodedata.normalize("NFKC", match.group(0))
        count += fixed != match.group(0)
        return fixed

    return RADICAL.sub(unify, text), count
