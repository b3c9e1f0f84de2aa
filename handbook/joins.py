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
HEADING_START = re.compile(r"^([一二三四五六七八九十]{1,3}、|[(（][一二三四五六七八九十\d]{1,3}[)）]|第[一二三四五六七八九十]{1,3}[,，、:：]|\d{1,2}[.．、](?!\d))")
INLINE_HEADING = re.compile(
    r"(?<=[。！？!?；;])\s*(?=[一二三四五六七八九十]{1,3}、|[(（][一二三四五六七八九十]{1,3}[)）])")
WRAP_SPACE = re.compile(f"(?<=[{HAN}{CJK_PUNCT}])[ \\t\\u3000]+(?=[{HAN}{CJK_PUNCT}])")


def _is_heading_line(text: str, rules: Rules) -> bool:
    return bool(HEADING_START.match(text)) and han_count(text) <= rules.heading_max_chars


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


def paragraphs_from_lines(lines: list[str], rules: Rules) -> list[str]:
    """Group lines into paragraphs. Each line is a paragraph, unless the text has one short sentence
    per line: then the lines of a blank-separated block (or of a section) form one paragraph."""
    nonblank = [l.strip() for l in lines if l.strip()]
    s = rules.settings
    one_sentence = [l for l in nonblank
                    if len(l) <= s["sentence_per_line_max_chars"] and ends_sentence(l) and not HEADING_START.match(l)]
    if len(nonblank) < 4 or len(one_sentence) < s["sentence_per_line_ratio"] * len(nonblank):
        return nonblank
    paragraphs: list[str] = []
    block: list[str] = []
    for line in [l.strip() for l in lines] + [""]:
        if not line or HEADING_START.match(line):
            if block:
                paragraphs.append("".join(block))
                block = []
            if line:
                paragraphs.append(line)
        else:
            block.append(line)
    return paragraphs


def join_page_chunks(paragraphs: list[str], rules: Rules) -> tuple[list[str], int]:
    """Page chunks "1、…" "2、…" in sequence, cut mid-sentence: drop the numbers, join the text back."""
    numbered = [(i, int(m["n"])) for i, p in enumerate(paragraphs) if (m := rules.chunk_marker.match(p))]
    run = _longest_sequence(numbered)
    s = rules.settings
    if len(run) < s["chunk_min_run"]:
        return paragraphs, 0
    broken = sum(1 for i, _ in run[1:] if not ends_sentence(paragraphs[i - 1]))
    if broken < s["chunk_min_broken_ratio"] * (len(run) - 1):
        return paragraphs, 0
    starts = {i for i, _ in run}
    out: list[str] = []
    for i, p in enumerate(paragraphs):
        if i in starts:
            p = rules.chunk_marker.sub("", p, count=1)
            if out and not ends_sentence(out[-1]):
                out[-1] += p
                continue
        out.append(p)
    return out, len(run)


def _longest_sequence(numbered: list[tuple[int, int]]) -> list[tuple[int, int]]:
    best: list[tuple[int, int]] = []
    current: list[tuple[int, int]] = []
    for item in numbered:
        if current and item[1] == current[-1][1] + 1:
            current.append(item)
        else:
            current = [item] if item[1] == 1 else []
        if len(current) > len(best):
            best = list(current)
    return best


def restore_dropped_stops(paragraphs: list[str], rules: Rules) -> tuple[list[str], int]:
    """When most body paragraphs lack a final stop, the site dropped them: put 。 back."""
    body = [p for p in paragraphs if han_count(p) >= 8 and not HEADING_START.match(p)]
    missing = [p for p in body if not ends_sentence(p)]
    if len(body) < 4 or len(missing) < rules.settings["dropped_stop_ratio"] * len(body):
        return paragraphs, 0
    out = [p + "。" if p in missing else p for p in paragraphs]
    return out, len(missing)


def join_broken_lines(paragraphs: list[str], rules: Rules) -> tuple[list[str], int]:
    """Join a paragraph that stops mid-sentence with the next one ("妥善处理好各" + "种利益关系")."""
    out: list[str] = []
    joins = 0
    min_chars = rules.settings["join_min_line_chars"]
    for p in paragraphs:
        if out:
            prev = out[-1]
            continues = p.startswith(CONTINUATION_START)
            broken = (not ends_sentence(prev) and len(prev) >= min_chars
                      and not HEADING_START.match(p) and not _is_heading_line(prev, rules))
            if continues or broken:
                out[-1] = prev + p
                joins += 1
                continue
        out.append(p)
    return out, joins


def _remove_everywhere(paragraphs: list[str], pattern: re.Pattern) -> tuple[list[str], int]:
    results = [pattern.subn("", p) for p in paragraphs]
    return [p for p, _ in results], sum(n for _, n in results)


def remove_wrap_spaces(paragraphs: list[str]) -> tuple[list[str], int]:
    """Remove spaces a PDF line wrap left inside Chinese text ("情况 看")."""
    return _remove_everywhere(paragraphs, WRAP_SPACE)


def split_inline_headings(paragraphs: list[str]) -> tuple[list[str], int]:
    """Start a new paragraph where a numbered heading (一、 (一)) follows a sentence end inside a
    paragraph — what is left of a document pasted on one line, or of joined page chunks."""
    out: list[str] = []
    count = 0
    for p in paragraphs:
        parts = [x for x in INLINE_HEADING.split(p) if x]
        count += len(parts) - 1
        out.extend(parts)
    return out, count


def remove_injected_digits(paragraphs: list[str], rules: Rules) -> tuple[list[str], int]:
    """Remove digits injected inside words as anti-copy noise ("乡镇人2113民政府"). A number followed by
    a unit ("2012年", "30多个") is a real quantity and stays."""
    s = rules.settings
    known = "|".join(s["injected_digits"])
    units = re.escape(s["number_units"])
    pattern = re.compile(f"(?<=[{HAN}])(?:{known}|\\d{{4}})(?=[{HAN}])(?![{units}])")
    return _remove_everywhere(paragraphs, pattern)
