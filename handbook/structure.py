"""Structure: numbered headings (一、/(一)/第一,/1.) become Markdown headings at the right level,
run-in headings are split from their first sentence, numbering gaps and truncated ends get notes,
half-width punctuation in Chinese text becomes full-width, Markdown syntax in the text is escaped."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .rules import Rules
from .lexicon import two_character_words
from .text import CJK_PUNCT, HAN, ends_sentence, han_count

GAP_NOTE = "〔原文此处缺失〕"
TRUNCATED_NOTE = "〔原文至此不完整〕"
CN_DIGITS = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}


def cn_number(text: str) -> int:
    """The value of a heading's number, in Chinese numerals or digits.

    >>> cn_number("三"), cn_number("十二"), cn_number("二十一"), cn_number("7")
    (3, 12, 21, 7)
    """
    if text.isdigit():
        return int(text)
    if len(text) == 1:
        return CN_DIGITS.get(text, 0)
    if text[0] == "十":
        return 10 + CN_DIGITS.get(text[1], 0)
    return CN_DIGITS.get(text[0], 0) * 10 + (CN_DIGITS.get(text[2], 0) if len(text) > 2 else 0)


@dataclass
class Block:
    text: str
    style: str | None = None  # heading style name, None for body text
    number: int = 0
    level: int = 0


def _heading_style(text: str, rules: Rules) -> tuple[str, int] | None:
    if rules.inline_enumerations.match(text):
        return None
    for name, pattern in rules.heading_styles:
        if m := pattern.match(text):
            return name, cn_number(m["num"])
    return None


def split_run_in(text: str, rules: Rules) -> tuple[str, str] | None:
    """Split "一、谋发展,追求一流业绩要创新发展理念。…" into heading and body.

    The heading is two parallel clauses: the second ends at a full stop close after the first, or is as
    long as the first (when that is at least four characters), or ends where a typical body opener
    (要, 在, “ …) starts."""
    if not re.search("[。！？!?；;]", text):  # no sentence in it: a long heading, not heading + body
        return None
    # text flattened onto one line keeps a space where the heading ended ("一、目标要求 201X 年，严格…")
    if (gap := re.match(r"^(\S{1,4}?[、)）])([^\s。；;：:！？!?]{4,24}?)\s+(?=[\w“])", text)) \
            and han_count(gap.group(2)) >= 4 and han_count(text[gap.end():]) >= 20:
        return gap.group(1) + gap.group(2), text[gap.end():]
    m = re.match(r"^(\S{1,4}?[、)）])([^，,。]{2,12})[，,]", text)
    if not m:
        return None
    marker, first = m.group(1), m.group(2)
    rest = text[m.end():]
    # a full stop close after the first clause ends the heading ("…大建设，镇村面貌日新月异。紧抓…")
    # (further when the second clause is a list: "…,要不怕写、要想写、更要爱写。")
    if (stop := re.search("[。；;]", rest[:13] if "、" not in rest[:13] else rest[:20])) \
            and han_count(rest[:stop.start()]) >= 2 \
            and han_count(rest[stop.end():]) >= 4 and not re.search("[，,]", rest[:stop.start()]):
        return f"{marker}{first}，{rest[:stop.start()]}", rest[stop.end():]
    # in one sentence only a body opener ends the heading: "一、解决思想认识问题，把…统一到|县委…精神上来。" is no cut
    one_sentence = not re.search("[。！？!?；;]", text.rstrip()[:-1])
    candidates = [len(first)] if len(first) >= 4 and not one_sentence else []
    # not before a quoted term that the clause goes on after ("充分认识村|“两委”换届工作")
    candidates += [i for i in range(4, 13) if rest[i:].startswith(rules.body_openers)
                   and not re.match(rf"“[^”]{{1,6}}”[{HAN}]", rest[i:])]
    for size in candidates:
        second, body = rest[:size], rest[size:]
        if rest[size - 1:size + 1] in two_character_words():
            continue  # the cut would go through a word ("改选工作全" | "镇21个行政村")
        # a clause that goes on for a few characters to a comma was cut in the middle ("…征求群" "众意见，");
        # a comma right after it: a third parallel clause follows ("认清形势，把握大局，坚定…"), no body yet
        # a "、" right after it: the clause is a list that goes on ("要不怕写、要想写")
        if len(second) == size and han_count(second) == size and han_count(body) >= 4 \
                and not re.match(r"^[^，,。；;、]{0,3}[，,]", body) and not body.startswith(("、",) + rules.clause_goes_on):
            return f"{marker}{first}，{second}", body
    return None


def to_blocks(paragraphs: list[str], rules: Rules) -> list[Block]:
    """Classify paragraphs as headings or body text; split run-in headings."""
    blocks: list[Block] = []
    styles = [_heading_style(p, rules) for p in paragraphs]
    for k, (p, found) in enumerate(zip(paragraphs, styles)):
        if not found:
            blocks.append(Block(p))
            continue
        style, number = found
        # a heading may end with 。 but is at most two clauses: three or more make a sentence of the list
        # nor a label and its sentence ("3、品德方面:有时存在贪图享受,奢侈浪费的思想。"): an item of a list
        short = han_count(p) <= rules.heading_max_chars and not re.search("[。！？!?；;]", p.rstrip("。")) \
            and not (p.endswith("。") and (len(re.findall("[，,]", p)) >= 2 or re.search("[:：]", p)
                                           or _item_of_a_list(k, paragraphs, styles, rules)))
        if short:
            blocks.append(Block(p.rstrip("。"), style, number))
        elif style in rules.run_in_styles and (split := split_run_in(p, rules)):
            blocks.append(Block(split[0], style, number))
            blocks.append(Block(split[1]))
        else:
            blocks.append(Block(p))
    levels: dict[str, int] = {}
    for b in blocks:
        if b.style:
            b.level = levels.setdefault(b.style, min(2 + len(levels), 4))
    return blocks


def _item_of_a_list(k: int, paragraphs: list[str], styles: list, rules: Rules) -> bool:
    """A numbered sentence next to an item of its list that is a paragraph of text ("2.统计…工作。" after
    "1.开展…，…。…"): it is an item of the same list, not a heading."""
    style = styles[k][0]
    for j in (k - 1, k + 1):
        if 0 <= j < len(paragraphs) and styles[j] and styles[j][0] == style \
                and abs(styles[j][1] - styles[k][1]) == 1 and re.search("[。！？!?；;]", paragraphs[j].rstrip("。")):
            return True
    return False


def mark_numbering_gaps(blocks: list[Block]) -> tuple[list[Block], int]:
    """Where top-level numbering restarts or skips (…三、 then 二、), text is missing: say so."""
    top = min((b.level for b in blocks if b.style), default=None)
    out: list[Block] = []
    last = 0
    gaps = 0
    for b in blocks:
        if b.style and b.level == top:
            if last and b.number != last + 1:
                out.append(Block(GAP_NOTE))
                gaps += 1
            last = b.number
        elif b.style and b.level < (top or 0):
            last = 0
        out.append(b)
    return out, gaps


SIGNATURE_DATE = re.compile(r"^[(（]?(\d{4}|[〇零一二三四五六七八九]{4})年[\d一二三四五六七八九十]{1,3}月"
                            r"([\d一二三四五六七八九十]{1,3}日)?[)）]?$")  # the date under a report ends it


def mark_truncated_end(blocks: list[Block]) -> tuple[list[Block], int]:
    """A text that ends mid-sentence was cut off: say so at the end."""
    if blocks and not blocks[-1].style and not ends_sentence(blocks[-1].text) \
            and not blocks[-1].text.endswith(("〕",)) and not SIGNATURE_DATE.match(blocks[-1].text):
        blocks[-1].text += TRUNCATED_NOTE
        return blocks, 1
    return blocks, 0


@dataclass(frozen=True)
class Shape:
    """An essay's paragraphs as blocks (headings and body text, notes in place), and what was found."""

    blocks: list[Block]
    headings: int
    gaps: int  # places where the numbering skips
    truncated: bool  # the text ends mid-sentence


def shape(paragraphs: list[str], rules: Rules) -> Shape:
    """Headings, numbering gaps and a cut-off end of an essay whose punctuation is already widened."""
    blocks = to_blocks(paragraphs, rules)
    blocks, gaps = mark_numbering_gaps(blocks)
    blocks, truncated = mark_truncated_end(blocks)
    return Shape(blocks, sum(1 for b in blocks if b.style), gaps, bool(truncated))


ZH = f"[{HAN}{CJK_PUNCT}]"
WIDTH = {",": "，", ":": "：", ";": "；", "!": "！", "?": "？", "(": "（", ")": "）"}
NEXT_TO_CHINESE = re.compile(f"(?<={ZH})[,:;!?]|[,:;!?](?={ZH})")
PAREN_PAIR = re.compile(r"\(([^()]{0,80})\)")
HALF_WIDTH_STOP = re.compile(f"(?<=[{HAN}])\\.(?=[{HAN}])")
# a dot after 的, which never ends a sentence, is a mark a site put into the text ("安全的.大事"): it goes
STRAY_DOT = re.compile(f"(?<=的)\\.(?=[{HAN}])")
SPACE_AT_FULL_WIDTH = re.compile(f"(?<=[{CJK_PUNCT}])[ \\t\u3000]+(?={ZH})|(?<={ZH})[ \\t\u3000]+(?=[{CJK_PUNCT}])")


def widen_punctuation(text: str) -> tuple[str, int]:
    """Half-width , : ; ! ? ( ) in Chinese text become full-width; "3:30" or "(CPU)" stay. A half-width
    full stop between Han characters becomes 。 (but after 的 it is a stray mark and goes), and spaces next to
    full-width punctuation go (the style check, handbook/style.py, flags both).
    Returns (text, marks widened).

    >>> widen_punctuation("会议于3:30开始,请准时参加(迟到者登记)!")
    ('会议于3:30开始，请准时参加（迟到者登记）！', 3)
    >>> widen_punctuation("升级CPU (Intel) 即可")
    ('升级CPU (Intel) 即可', 0)
    >>> widen_punctuation("全国乡镇(包括镇(含民族乡))33939个")
    ('全国乡镇（包括镇（含民族乡））33939个', 2)
    """
    count = 0

    def widen(m: re.Match) -> str:
        nonlocal count
        count += 1
        return WIDTH[m.group(0)]

    def widen_pair(m: re.Match) -> str:
        nonlocal count
        before = text[m.start() - 1:m.start()] if m.start() else ""
        inner = m.group(1)
        if re.search(ZH, inner) or re.match(ZH, before):
            count += 1
            return f"（{inner}）"
        return m.group(0)

    # brackets first, innermost first (an outer pair holds the widened inner one): a "!" after a
    # widened ")" is then next to Chinese punctuation
    while (widened := PAREN_PAIR.sub(widen_pair, text)) != text:
        text = widened
    text = NEXT_TO_CHINESE.sub(widen, text)
    text, stray = STRAY_DOT.subn("", text)
    text, stops = HALF_WIDTH_STOP.subn("。", text)
    text, spaces = SPACE_AT_FULL_WIDTH.subn("", text)
    return text, count + stray + stops + spaces


LINE_START_SPECIAL = re.compile(r"^(\s*)(\d+)([.)])")


def escape_markdown(text: str) -> str:
    """Make text render as text: escape Markdown syntax, and write < > & as entities so that no
    raw HTML from a source is ever passed through.

    >>> print(escape_markdown("1. 要*重视*<b>群众</b>"))
    1\\. 要\\*重视\\*&lt;b&gt;群众&lt;/b&gt;
    """
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    # only what Python-Markdown (with tables) can escape: a backslash before "=" or "~" would show
    text = re.sub(r"([\\`*_{}\[\]#|])", r"\\\1", text)
    text = LINE_START_SPECIAL.sub(r"\1\2\\\3", text)
    return re.sub(r"^(\s*)([-+])(\s)", r"\1\\\2\3", text)


def to_markdown(title: str, blocks: list[Block]) -> str:
    """The essay as Markdown; with no title, no heading line (never an empty "# ")."""
    lines = [f"# {escape_markdown(title)}", ""] if title.strip() else []
    for b in blocks:
        prefix = "#" * b.level + " " if b.style else ""
        lines += [prefix + escape_markdown(b.text), ""]
    return "\n".join(lines).rstrip() + "\n"
