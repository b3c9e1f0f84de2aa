"""Page and chunk damage: page markers, "1、…2、…" page chunks, sentences broken across lines or blank
lines, PDF wrap spaces, one sentence per line, a whole document on one line, dropped final stops,
digits injected into words as anti-copy noise."""

from __future__ import annotations

import re

from .model import Dropped
from .rules import Rules
from .text import CJK_PUNCT, HAN, ends_sentence, han_count

# A line starting with one of these continues the sentence before it.
CONTINUATION_START = tuple("，,、。；;：:）)”’》」』！!？?…")
AFTER_SENTENCE_END = re.compile(r"(?<=[。！？!?；;])\s*")
# where a heading pasted inside a paragraph may start: after a sentence end, or after a wide gap of spaces
# (a document flattened onto one line keeps them where its paragraphs ended: "…未雨绸缪  (一)科学研判…")
NAMED_GROUP = re.compile(r"\(\?P<\w+>")  # "(?P<num>": each style has one, and one pattern may name a group once
HEADING_GAP = re.compile(r"(?<=[。！？!?；;])\s*|(?<=\S)[ \t\u3000]{2,}")
WRAP_SPACE = re.compile(f"(?<=[{HAN}{CJK_PUNCT}])[ \\t\\u3000]+(?=[{HAN}{CJK_PUNCT}])")


def starts_numbered(text: str, rules: Rules) -> bool:
    """Whether a line starts like a numbered heading or item (rules/structure.yaml heading_styles,
    numbered_item): "一、" "（二）" "第三，" "4." "(5)"."""
    return bool(rules.numbered_item.match(text)) or any(p.match(text) for _, p in rules.heading_styles)


def _is_heading_line(text: str, rules: Rules) -> bool:
    """A numbered line that is short, or has no sentence punctuation at all (a long heading)."""
    return starts_numbered(text, rules) and (han_count(text) <= rules.heading_max_chars
                                             or not re.search("[。！？!?；;]", text))


def remove_page_markers(lines: list[tuple[int, str]], rules: Rules) -> tuple[list[tuple[int, str]], list[Dropped]]:
    """Drop page-marker lines (_第1页, 第2页 共2页, PAGE 1, - 2 -)."""
    kept, dropped = [], []
    for number, line in lines:
        rule = next((r for r in rules.page_markers if r.pattern.match(line.strip())), None)
        if rule:
            dropped.append(Dropped(rule.kind, line.strip(), number, "page-markers", rule.where))
        else:
            kept.append((number, line))
    return kept, dropped


NUMBER_PIECE = re.compile(r"^[^\s，,。；;：:！？!?、]{1,6}$")  # "从", "3月7日起": no clause of its own
COMMA_START = re.compile(rf"^\s*[，,][{HAN}“]")  # not ", [0 r6 c$": noise a forum hides against copying


def rejoin_number_breaks(lines: list[tuple[int, str]]) -> tuple[list[tuple[int, str]], int]:
    """A converter that set numbers apart breaks the line before and after them ("从" / "3月7日起" / ",来自…"): a
    line that opens with a comma goes on the line just above it, and so do the short pieces just above that,
    when the first of them ends no sentence. Before the text is judged: a piece alone reads as chrome."""
    out: list[tuple[int, str]] = []
    joined = 0
    for n, text in lines:
        if COMMA_START.match(text) and out and out[-1][0] == n - 1 and out[-1][1].strip() \
                and not out[-1][1].rstrip().endswith(("。", "！", "？", "!", "?")):
            text = out.pop()[1].strip() + text.strip()
            joined += 1
            # the pieces above it, each on the line just above the next
            while out and out[-1][0] == n - 2 and NUMBER_PIECE.match(out[-1][1].strip()):
                text = out.pop()[1].strip() + text
                joined += 1
                n -= 1
            out.append((n, text))
        else:
            out.append((n, text))
    return out, joined


def paragraphs_from_lines(lines: list[str], rules: Rules) -> list[str]:
    """Group lines into paragraphs. Each line is a paragraph, unless the text has one short sentence
    per line: then the lines of a blank-separated block (or of a section) form one paragraph."""
    nonblank = [l.strip() for l in lines if l.strip()]
    s = rules.settings
    one_sentence = [l for l in nonblank
                    if len(l) <= s["sentence_per_line_max_chars"] and ends_sentence(l) and not starts_numbered(l, rules)]
    if len(nonblank) < 4 or len(one_sentence) < s["sentence_per_line_ratio"] * len(nonblank):
        return nonblank
    paragraphs: list[str] = []
    block: list[str] = []
    for line in [l.strip() for l in lines] + [""]:
        if not line or starts_numbered(line, rules):
            if block:
                paragraphs.append("".join(block))
                block = []
            if line:
                paragraphs.append(line)
        else:
            block.append(line)
    return paragraphs


def join_page_chunks(paragraphs: list[str], rules: Rules) -> tuple[list[str], int]:
    """Page chunks "1、…" "2、…" in sequence, cut mid-sentence: drop the numbers, join the text back.

    A chunk number may start a paragraph or be glued inside one ("…科学文化素2、质，增强…"), and the
    sequence may start at any number (a page saved from its third chunk). Only the number goes: the
    words glued to it stay, and a sentence cut at a chunk boundary is joined again."""
    text = "\n".join(paragraphs)
    found = [(m.start(), m.end(), int(m["n"])) for m in rules.chunk_number.finditer(text)]
    run = _longest_sequence(found)
    s = rules.settings
    if len(run) < s["chunk_min_run"] and not _two_long_chunks(text, run, s["chunk_min_han"]) \
            or _short_items(text, run):
        return paragraphs, 0
    # a note in brackets after a sentence ends it too ("…形成工作计划。(4月5日以前完成)" "2、…": a list's items)
    broken = sum(1 for start, _, _ in run if start
                 and not ends_sentence(NOTE_AFTER_SENTENCE.sub("", text[max(0, start - 40):start].rstrip("\n"))))
    if broken < s["chunk_min_broken_ratio"] * len(run):
        return paragraphs, 0
    out, last = [], 0
    for start, end, _ in run:
        piece = text[last:start]
        # a chunk that continues a sentence joins the paragraph before it
        if piece.endswith("\n") and not ends_sentence(piece.rstrip("\n")):
            piece = piece.rstrip("\n")
        out.append(piece)
        last = end
    out.append(text[last:])
    return [p for p in "".join(out).split("\n") if p.strip()], len(run)


NOTE_AFTER_SENTENCE = re.compile(r"(?<=[。！？!?])[(（][^()（）]{1,30}[)）]$")


def _two_long_chunks(text: str, run: list[tuple[int, int, int]], min_han: int) -> bool:
    """Two chunks are enough when the first is a page of text and the second cuts its last sentence
    ("…影响" "2、社会的稳定。"): a list of two items is short."""
    if len(run) != 2:
        return False
    (_, end, _), (start, _, _) = run
    return han_count(text[end:start]) >= min_han and not ends_sentence(text[:start].rstrip("\n"))


def _short_items(text: str, run: list[tuple[int, int, int]]) -> bool:
    """A numbered list of short items with no full stop ("1、加强学习，提高政治素质" "2、…") is no page chunks."""
    ends = [start for start, _, _ in run[1:]] + [text.find("\n", run[-1][1]) % (len(text) + 1)]
    items = [text[end:stop] for (_, end, _), stop in zip(run, ends)]
    return all(han_count(item) < 20 and not re.search("[。！？!?]", item) for item in items)


def _longest_sequence(found: list[tuple[int, int, int]]) -> list[tuple[int, int, int]]:
    """The longest run of chunk numbers n, n+1, n+2 … in page order (other numbers may lie between)."""
    best: list = []
    runs: dict[int, list] = {}  # next number expected → run so far
    for item in found:
        run = runs.pop(item[2], []) + [item]
        runs[item[2] + 1] = run
        if len(run) > len(best):
            best = run
    return best


def restore_dropped_stops(paragraphs: list[str], rules: Rules) -> tuple[list[str], int]:
    """When most body paragraphs lack a final stop, the site dropped them: put 。 back."""
    width = wrap_width(paragraphs)
    body = [p for p in paragraphs if han_count(p) >= 8 and not starts_numbered(p, rules)]
    # a paragraph cut inside a quotation ("…各打各的“小九" "九”,…") was cut mid-sentence: no stop for it
    missing = [p for p in body if not ends_sentence(p) and not _wrapped(p, width) and p.count("“") <= p.count("”")]
    if len(body) < 4 or len(missing) < rules.settings["dropped_stop_ratio"] * len(body):
        return paragraphs, 0
    out = [p + "。" if p in missing else p for p in paragraphs]
    return out, len(missing)


CLAUSE_AFTER_SENTENCE = re.compile(f"[。！？!?][{HAN}，,、“”]*[{HAN}]{{2}}$")


def join_broken_lines(paragraphs: list[str], rules: Rules) -> tuple[list[str], int]:
    """Join a paragraph that stops mid-sentence with the next one ("妥善处理好各" + "种利益关系")."""
    out: list[str] = []
    joins = 0
    min_chars = rules.settings["join_min_line_chars"]
    width = wrap_width(paragraphs)
    for p in paragraphs:
        if out:
            prev = out[-1]
            continues = p.startswith(CONTINUATION_START)
            # words after a sentence of its own, however short, are a clause cut off: no heading, label or caption
            # ("…取得了一定的成绩。农业种植结构" "不断优化,…")
            broken = (not ends_sentence(prev) and (len(prev) >= min_chars or _wrapped(prev, width)
                                                   or bool(CLAUSE_AFTER_SENTENCE.search(prev)))
                      and not starts_numbered(p, rules)
                      and (not _is_heading_line(prev, rules) or _wrapped(prev, width))
                      and not _ends_with_inline_heading(prev, rules))
            if continues or broken:
                out[-1] = prev + p
                joins += 1
                continue
        out.append(p)
    return out, joins


def _ends_with_inline_heading(text: str, rules: Rules) -> bool:
    """A paragraph whose last part, after a sentence end, is a numbered heading ("…我讲三点意见。  一、正视成绩
    与不足,…政治责任"): it ends with the heading, however long it is; the next paragraph is the heading's text."""
    gaps = list(AFTER_SENTENCE_END.finditer(text))
    tail = text[gaps[-1].end():] if gaps else ""
    return any(style.match(tail) for style in rules.inline_heading_styles) and _is_heading_line(tail, rules)


def _display_width(text: str) -> float:
    return sum(0.5 if ch.isascii() else 1.0 for ch in text.strip())


def wrap_width(paragraphs: list[str]) -> float | None:
    """The width a text was hard-wrapped at (a PDF or a viewer's fixed lines, "…县委每年要对村党" /
    "支部书记开展…"): most lines that stop mid-sentence are as wide as each other. None if not wrapped."""
    widths = sorted(_display_width(p) for p in paragraphs if han_count(p) >= 8 and not ends_sentence(p))
    if len(widths) < 8:  # fewer lines of like width may be clauses whose stops a site dropped
        return None
    middle = widths[len(widths) // 2]
    near = sum(1 for w in widths if abs(w - middle) <= 2.5)
    return middle if near >= 0.7 * len(widths) else None


def _wrapped(line: str, width: float | None) -> bool:
    """A line cut at the wrap width, not at the end of a sentence."""
    return width is not None and not ends_sentence(line) and _display_width(line) >= width - 2.5


def _remove_everywhere(paragraphs: list[str], pattern: re.Pattern) -> tuple[list[str], int]:
    results = [pattern.subn("", p) for p in paragraphs]
    return [p for p, _ in results], sum(n for _, n in results)


def remove_wrap_spaces(paragraphs: list[str]) -> tuple[list[str], int]:
    """Remove spaces a PDF line wrap left inside Chinese text ("情况 看")."""
    return _remove_everywhere(paragraphs, WRAP_SPACE)


def split_inline_headings(paragraphs: list[str], rules: Rules) -> tuple[list[str], int]:
    """Start a new paragraph where a numbered heading (rules/structure.yaml inline_heading_styles:
    一、 (一)) follows a sentence end or a wide gap of spaces inside a paragraph — what is left of a document
    pasted on one line, or of joined page chunks. The spaces before the heading go."""
    out: list[str] = []
    count = 0
    # a paragraph with no heading's number anywhere in it has none after a gap (most have none)
    anywhere = re.compile("|".join(NAMED_GROUP.sub("(?:", style.pattern.removeprefix("^"))
                                   for style in rules.inline_heading_styles))
    for p in paragraphs:
        if not anywhere.search(p):
            out.append(p)
            continue
        parts, start = [], 0
        for gap in HEADING_GAP.finditer(p):
            after_gap = p[gap.end():gap.end() + 40]  # a heading's number is at its start: no copy of the whole rest
            if any(style.match(after_gap) for style in rules.inline_heading_styles):
                parts.append(p[start:gap.start()])
                start = gap.end()
        parts = [x for x in parts + [p[start:]] if x]
        count += len(parts) - 1
        out.extend(parts)
    return out, count


def remove_injected_digits(paragraphs: list[str], rules: Rules) -> tuple[list[str], int]:
    """Remove digits injected inside words as anti-copy noise ("乡镇人2113民政府"). A number followed by
    a unit ("2012年", "30多个") is a real quantity and stays. The codes sites are known to inject
    (settings.yaml injected_digits) always go; other four-digit numbers only where the page shows the habit
    (injected_digits_min of them): one is a quantity ("近1000平米", "2716平方公里"), and never a year."""
    s = rules.settings
    known = "|".join(s["injected_digits"])
    units = re.escape(s["number_units"])
    glued = f"(?<=[{HAN}])(?:{{}})(?=[{HAN}])(?![{units}])"
    others = re.compile(glued.format(r"(?!19|20)\d{4}"))
    if sum(len(others.findall(p)) for p in paragraphs) >= s["injected_digits_min"]:
        return _remove_everywhere(paragraphs, re.compile(glued.format(f"{known}|\\d{{4}}")))
    return _remove_everywhere(paragraphs, re.compile(glued.format(known)))
