"""Garbled text: mojibake runs, "?" standing for lost characters (with orphan pinyin like "?jiǎng)"),
replacement characters. Repaired where the repair is certain, otherwise marked 〔原文此处乱码〕."""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass
from functools import cached_property, lru_cache

from .lexicon import char_frequency
from .pinyin import TONE_LETTERS
from .text import HAN, han_count

GARBLED_NOTE = "〔原文此处乱码〕"
# What anchors a garbled spot: a lost-character "?", orphan pinyin "jiǎng)", a replacement or
# private-use character.
ANCHOR = re.compile(f"\\?+(?:[a-zü{TONE_LETTERS}]{{1,7}}\\))?|[a-zü{TONE_LETTERS}]*[{TONE_LETTERS}][a-zü{TONE_LETTERS}]*\\)|[\\ufffd\\ue000-\\uf8ff]")
HAN_CHAR = re.compile(f"[{HAN}]")
CLAUSE_START = 6  # characters of a clause a question word may stand in ("应该如何当好…")
A_NOT_A = re.compile(f"([{HAN}])[不没]\\1[^。？?！!，,]{{0,8}}$")  # 能不能…, 是不是…, 有没有…: a question
# notes with only a few stray characters between them are one garbled spot
NEIGHBOUR_NOTES = re.compile(f"{re.escape(GARBLED_NOTE)}[^{re.escape(GARBLED_NOTE[0])}。，；！？]{{1,3}}?{re.escape(GARBLED_NOTE)}")


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


def mark_garbled(paragraph: str, question_words: tuple[str, ...] = ()) -> tuple[str, int]:
    """Replace each garbled spot (an anchor and the rare characters around it) by its certain
    repair, or else by the editorial note; notes with only a few stray characters between them
    become one. Returns (text, spots changed)."""
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
    text = "".join(out)
    while (merged := NEIGHBOUR_NOTES.subn(GARBLED_NOTE, text))[1]:
        text, marked = merged[0], marked - merged[1]
    return text, marked + repaired


QUOTED_TERM = re.compile("“[^“”]{1,10}”")


@lru_cache(maxsize=4)
def _question_before(words: tuple[str, ...]) -> re.Pattern:
    return re.compile("(" + "|".join(map(re.escape, words)) + ")[^。？?！!，,]{0,8}$")


def _is_question(text: str, index: int, question_words: tuple[str, ...]) -> bool:
    """A "?" that closes a question (…吗?, …能不能适应?, 为什么…，…忙碌?, …，应该如何当好…，做好…工作?) is punctuation,
    not a lost character (question words: rules/structure.yaml, near the "?", opening its sentence, or a word of
    two or more characters at the start of one of its clauses; a verb asked as "A不A"/"A没A" needs none)."""
    after = text[index + 1:index + 2]
    if after in ("", "”", "’", "」", "』") and HAN_CHAR.match(text[index - 1:index]):
        return True  # it ends the paragraph or a quotation after a word, as a question mark does (a lost one is inside)
    before = text[max(0, index - 12):index]
    # a quoted term counts as one word ("哪项不是“一票否决”?")
    unquoted = QUOTED_TERM.sub("”", text[max(0, index - 24):index])[-12:]
    sentence = re.split(r"[。！？!?…]", text[max(0, index - 80):index])[-1].lstrip("“‘\"'（( ")
    # (or anywhere in the clause that ends at the "?": "…将如何在完全陌生的环境中打开局面?")
    clauses = re.split(r"[，,；;：:]", sentence)
    asked = any(w in clause[:CLAUSE_START] for clause in clauses for w in question_words if len(w) > 1) \
        or any(w in clauses[-1] for w in question_words if len(w) > 1)
    asked_before = _question_before(question_words)
    return bool(question_words) and bool(asked_before.search(before) or asked_before.search(unquoted)
                                         or A_NOT_A.search(before) or sentence.startswith(question_words) or asked) \
        and not re.match("[a-zü]", after)


def _read_back_as_utf8(text: str, i: int) -> tuple[int, str, bool]:
    """From character i, read the characters' GBK bytes back as UTF-8 for as long as that decodes.
    Returns (end, decoded, whole): whole is False when the last character's bytes were cut."""
    decoder = codecs.getincrementaldecoder("utf-8")()
    decoded = []
    j = i
    while j < len(text) and not text[j].isascii():
        try:
            decoded.append(decoder.decode(text[j].encode("gbk")))
        except (UnicodeEncodeError, UnicodeDecodeError):
            break
        j += 1
    whole = decoder.getstate()[0] == b""
    return j, "".join(decoded), whole


def _utf8_pieces(text: str):
    """Stretches of text that are UTF-8 bytes decoded as GBK ("涔￠晣鍏氬" is 乡镇党): at least three
    common Chinese characters come back, which ordinary text never does."""
    i = 0
    while i < len(text):
        end, decoded, whole = _read_back_as_utf8(text, i)
        hans = HAN_CHAR.findall(decoded)
        if len(hans) >= 3 and not any(is_rare(ch) for ch in hans):
            yield i, end, decoded, whole
            i = end
        else:
            i += 1


UTF8_TRIPLES = re.compile(rb"(?:[\xe3-\xe9][\x80-\xbf]{2}){3}")


def repair_mojibake_runs(paragraph: str) -> tuple[str, int, int]:
    """UTF-8 text read as GBK: repaired when the bytes are all there, marked when some were lost
    (pieces with up to two junk characters between them form one spot). Returns (text, repaired, marked)."""
    if not UTF8_TRIPLES.search(paragraph.encode("gbk", errors="ignore")):
        return paragraph, 0, 0  # fast path: no three UTF-8 Han byte sequences anywhere in the GBK bytes
    spots: list[list] = []
    for start, end, decoded, whole in _utf8_pieces(paragraph):
        if spots and start - spots[-1][1] <= 2:
            spots[-1][1], spots[-1][2] = end, None
        else:
            spots.append([start, end, decoded if whole else None])
    if not spots:
        return paragraph, 0, 0
    repaired = marked = 0
    out, pos = [], 0
    for start, end, decoded in spots:
        # swallow the junk of a lost byte ("�", a stray "銆") right after the spot
        while decoded is None and end < len(paragraph) and (paragraph[end] == "\ufffd" or is_rare(paragraph[end])):
            end += 1
        out.append(paragraph[pos:start])
        out.append(decoded if decoded is not None else GARBLED_NOTE)
        repaired += decoded is not None
        marked += decoded is None
        pos = end
    out.append(paragraph[pos:])
    return "".join(out), repaired, marked


def repair_mojibake_page(text: str) -> tuple[str, int]:
    """UTF-8 read as GBK, line by line of a raw page: repaired or marked (see repair_mojibake_runs)."""
    total = 0
    lines = []
    for line in text.split("\n"):
        line, repaired, marked = repair_mojibake_runs(line)
        total += repaired + marked
        lines.append(line)
    return "\n".join(lines), total


REAL_STOPS = re.compile("[，。,]")


@dataclass(frozen=True)
class PdfFont:
    """The Han characters some PDFs' fonts put out for punctuation (rules/script.yaml pdf_font)."""
    marks: dict[str, str]  # stand-in → mark ("袁" → "，"); a key of two characters is a stand-in in its context ("院“" → "：“")
    pairs: dict[str, str]  # opener and closer → the two marks ("野冶" → "“”")
    min_marks: int  # stand-ins of a comma or a stop a line needs, with none of its own, to be read this way
    min_han: int  # and Han characters: a short name line ("袁遥") is no such line

    @cached_property
    def stops(self) -> tuple[str, ...]:
        """The stand-ins of a comma or a full stop ("袁", "遥"): what shows that a line was read this way."""
        return tuple(ch for ch, mark in self.marks.items() if len(ch) == 1 and mark in "，。")

    def is_misread(self, line: str) -> bool:
        return not REAL_STOPS.search(line) and sum(map(line.count, self.stops)) >= self.min_marks \
            and han_count(line) >= self.min_han


def restore_pdf_punctuation(text: str, font: PdfFont) -> tuple[str, int]:
    """A PDF's text layer with its punctuation read as Han ("工作袁我们…做向导遥" is "工作，我们…做向导。"):
    when some line of the page reads that way, every line with stand-ins and no comma or stop of its own
    gets its marks back (a column's short lines too). Returns (text, marks restored)."""
    lines = text.split("\n")
    if not any(ch in text for ch in font.stops) or not any(font.is_misread(line) for line in lines):
        return text, 0
    shows = font.stops + tuple(pair[0] for pair in font.pairs)  # a line with none of these keeps its characters
    restored = 0
    for i, line in enumerate(lines):
        if REAL_STOPS.search(line) or not any(ch in line for ch in shows):
            continue
        for pair, (open_mark, close_mark) in font.pairs.items():
            opener, closer = map(re.escape, pair)
            line, n = re.subn(f"{opener}([^{opener}{closer}]{{0,60}}?){closer}", lambda m: open_mark + m[1] + close_mark, line)
            restored += 2 * n
        for stand_in, mark in sorted(font.marks.items(), key=lambda kv: -len(kv[0])):
            line, n = re.subn(r"\s*".join(map(re.escape, stand_in)), mark, line)  # "道院 野" is "道：“" too
            restored += n
        lines[i] = line
    return "\n".join(lines), restored
