"""Character classes shared by the stages."""

import re

HAN = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
HAN_RUN = re.compile(f"[{HAN}]+")
# Chinese punctuation that may sit next to Han text.
CJK_PUNCT = "，。、；：？！“”‘’（）《》〈〉【】—…·「」『』〔〕"
SENTENCE_END = "。！？!?…；"
CLOSERS = "”’）》」』】〕)\"'"


def han_count(text: str) -> int:
    """Han characters in text: what the handbook counts as its length.

    >>> han_count("乡镇干部要学法、用法 (2023)")
    9
    """
    return sum(map(len, HAN_RUN.findall(text)))  # runs, not characters: a few items, not one per character


WORD = re.compile(r"[^\W_]")  # a letter, a digit or a Han character
SENTENCE_BREAK = re.compile(r"(?<=[。！？!?])")


def sentences(text: str) -> list[str]:
    """The sentences of a text, each with its full stop (what follows the last stop is one too).

    >>> sentences("要抓落实。怎么办？下一步")
    ['要抓落实。', '怎么办？', '下一步']
    """
    return [s for s in SENTENCE_BREAK.split(text) if s.strip()]


def ends_sentence(text: str) -> bool:
    """True when a paragraph ends with a full stop, possibly inside closing quotes/brackets.

    >>> ends_sentence("他说：“要抓好落实。”"), ends_sentence("妥善处理好各"), ends_sentence("主要有三点：")
    (True, False, True)
    """
    stripped = text.rstrip().rstrip(CLOSERS)
    return bool(stripped) and (stripped[-1] in SENTENCE_END or stripped.endswith("……") or stripped[-1] in "：:")
