"""The style check of the chapters: Chinese copywriting (autocorrect, configured by .autocorrectrc:
full-width punctuation in Chinese text, no spaces next to it), no half-width brackets around Chinese,
no doubled punctuation. Each problem is told in words, with the line and the corrected line, so a
contributor knows what to fix; the pipeline normalises all of it (structure.widen_punctuation), so
a problem here means a hand edit or a correction's `replace` brought it in."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from pathlib import Path

from .text import HAN

CONFIG = Path(__file__).resolve().parent.parent / ".autocorrectrc"
HALF_WIDTH_BRACKET = re.compile(f"([{HAN}])\\(([^()]*)\\)|\\(([^()]*[{HAN}][^()]*)\\)")
DOUBLED = re.compile("([，。、；：！？])\\1+|([，、；：])(?=[。！？])|([。！？])(?=[，、；：])")
NAMES = {"，": "comma", "。": "full stop", "、": "enumeration comma", "；": "semicolon", "：": "colon",
         "！": "exclamation mark", "？": "question mark", "（": "bracket", "）": "bracket", "“": "quotation mark",
         "”": "quotation mark"}
HALF = {",": "，", ".": "。", ";": "；", ":": "：", "!": "！", "?": "？", "(": "（", ")": "）"}


@dataclass(frozen=True)
class StyleProblem:
    line: int  # 1-based, in the text checked
    words: str  # what is wrong, in words
    old: str  # the line as it is
    new: str  # the line as it should be


def _name(char: str) -> str:
    return f"'{char}'" + (f" ({NAMES[char]})" if char in NAMES else "")


def describe(old: str, new: str) -> str:
    """The differences between a line and its corrected form, in words."""
    said = []
    for tag, a1, a2, b1, b2 in difflib.SequenceMatcher(None, old, new, autojunk=False).get_opcodes():
        if tag == "equal":
            continue
        was, now = old[a1:a2], new[b1:b2]
        before, after = old[a1 - 1:a1], old[a2:a2 + 1]
        if tag == "replace" and len(was) == len(now) == 1 and HALF.get(was) == now:
            where = "between Han characters" if re.match(f"[{HAN}]", before) and re.match(f"[{HAN}]", after) \
                else "in Chinese text"
            said.append(f"half-width {_name(was)} {where}: write {_name(now)}")
        elif tag == "delete" and not was.strip():
            if before in NAMES:
                said.append(f"space after full-width {_name(before)}")
            elif after in NAMES:
                said.append(f"space before full-width {_name(after)}")
            else:
                said.append("space between Chinese characters")
        elif tag == "delete":
            said.append(f"doubled punctuation at {_name(was[0])}: remove one" if was[0] in NAMES else f"remove {was!r}")
        else:
            said.append(f"{was!r} should be {now!r}")
    return "; ".join(dict.fromkeys(said))


def _fix_brackets(line: str) -> str:
    return HALF_WIDTH_BRACKET.sub(lambda m: m.group(0).replace("(", "（").replace(")", "）"), line)


def _fix_doubled(line: str) -> str:
    return DOUBLED.sub(lambda m: m.group(1) or "", line)


def check(text: str) -> list[StyleProblem]:
    """Every line of `text` (Markdown) that breaks the style, with the corrected line."""
    import autocorrect_py  # loaded on first use: only the style check needs it

    autocorrect_py.load_config(CONFIG.read_text(encoding="utf-8"))
    fixed = {l.line: l.new for l in autocorrect_py.lint_for(text, "chapter.md").lines}
    problems = []
    for number, line in enumerate(text.split("\n"), 1):
        new = _fix_doubled(_fix_brackets(fixed.get(number, line)))
        if new != line:
            problems.append(StyleProblem(number, describe(line, new), line, new))
    return problems
