"""Character classes shared by the stages."""

import re

HAN = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
HAN_RE = re.compile(f"[{HAN}]")
# Chinese punctuation that may sit next to Han text.
CJK_PUNCT = "，。、；：？！“”‘’（）《》〈〉【】—…·「」『』〔〕"
SENTENCE_END = "。！？!?…；"
CLOSERS = "”’）》」』】〕)\"'"


def han_count(text: str) -> int:
    return len(HAN_RE.findall(text))


def ends_sentence(text: str) -> bool:
    """True when a paragraph ends with a full stop, possibly inside closing quotes/brackets."""
    stripped = text.rstrip().rstrip(CLOSERS)
    return bool(stripped) and (stripped[-1] in SENTENCE_END or stripped.endswith("……") or stripped[-1] in "：:")
