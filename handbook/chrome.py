"""Site chrome: headers, breadcrumbs, paywalls, disclaimers, comment boxes, ads, spam, tag clouds, teasers.

Generic rules (rules/boilerplate.yaml) first, then the site profile's own (rules/sites/*.yaml). Lines
travel as (line number, text) so that every removal can be reported in page order.
"""

from __future__ import annotations

import re

from .model import Dropped
from .rules import Rule, Rules, SiteProfile
from .text import SENTENCE_BREAK, ends_sentence, han_count

BULLET = re.compile(r"^[\s•·●▪◆◇■□○\-*]+")
Lines = list[tuple[int, str]]


def _match_key(line: str) -> str:
    return BULLET.sub("", line).strip()


def chrome_rule(line: str, patterns: tuple[Rule, ...], anchored: tuple[Rule, ...], max_chars: int,
                max_sentences: int) -> Rule | None:
    """The rule that makes a line chrome, or None. Unanchored patterns only judge short lines, so a
    paragraph of prose that mentions a keyword is never dropped: a long line is judged by `anchored`, the
    patterns that match at a line's start only; a line of more than `max_sentences` sentences by none (a page
    flattened onto one line that opens with "编者按:" is the text)."""
    key = _match_key(line)
    rule = next((rule for rule in (patterns if len(key) <= max_chars else anchored) if rule.pattern.search(key)), None)
    return None if rule and len(SENTENCE_BREAK.findall(key)) > max_sentences else rule


def anchored_at_start(patterns: tuple[Rule, ...]) -> tuple[Rule, ...]:
    """The patterns that match at a line's start only: the ones a long line is judged by."""
    return tuple(rule for rule in patterns if rule.pattern.pattern.startswith("^"))


def on_page(texts: list[str], patterns: tuple[Rule, ...]) -> tuple[Rule, ...]:
    """The patterns (compiled multi-line: a line's ^ and $ match at its own start and end) that match somewhere
    in the page's lines read as one text: only these are tried line by line. Most pages hold few kinds of chrome."""
    page = "\n".join(texts)
    return tuple(rule for rule in patterns if rule.may_match(page) and rule.pattern.search(page))


def remove_inline_chrome(lines: Lines, rules: Rules) -> tuple[Lines, list[Dropped]]:
    """Remove chrome fragments inside lines: "(剩余2169字)", "…省略406字…正式会员…"."""
    out: Lines = []
    cut: list[Dropped] = []
    patterns = on_page([text for _, text in lines], rules.inline_patterns)
    if not patterns:
        return list(lines), cut
    for number, text in lines:
        here: list[Dropped] = []
        original = text
        for rule in patterns:
            if rule.pattern.search(text):
                here += [Dropped(rule.kind, m.group(0).strip(), number, "inline-chrome", rule.where, fragment=True)
                         for m in rule.pattern.finditer(text)]
                text = rule.pattern.sub("", text)
        if here and not text.strip():  # nothing left: the whole line was chrome
            here = [Dropped(here[0].kind, original.strip(), number, "inline-chrome", here[0].rule)]
        cut += here
        out.append((number, text))
    return out, cut


def _first_match(text: str, rules_: tuple[Rule, ...]) -> Rule | None:
    return next((r for r in rules_ if r.pattern.match(text)), None)


def _is_paragraph(line: str) -> bool:
    """A paragraph of prose (a teaser is a title or a truncated preview ending in "……")."""
    line = line.strip()
    return han_count(line) >= 30 and ends_sentence(line) and not line.endswith(("……", "...", "…"))


def drop_teasers(lines: Lines, rules: Rules) -> tuple[Lines, list[Dropped]]:
    """Drop a "相关范文推荐" block: from its heading to the next essay marker, the next paragraph of
    prose (the block was a sidebar or links inside the text) or the end of the page."""
    for i, (_, line) in enumerate(lines):
        if heading := _first_match(line.strip(), rules.teaser_headings):
            end = next((j for j in range(i + 1, len(lines))
                        if any(m.match(lines[j][1].strip()) for m in rules.essay_markers)
                        or _is_paragraph(lines[j][1])), len(lines))
            if i + 1 < end < len(lines) and not ends_sentence(lines[end - 1][1]):
                end -= 1  # the line just before the prose may be its title: the main-text detector judges it
            dropped = [Dropped("teaser", l.strip(), n, "chrome", heading.where) for n, l in lines[i:end] if l.strip()]
            rest, more = drop_teasers(lines[end:], rules)
            return lines[:i] + rest, dropped + more
    return lines, []


def drop_chrome_lines(lines: Lines, rules: Rules, site: SiteProfile | None) -> tuple[Lines, list[Dropped]]:
    """Drop whole lines of site chrome; after a "温馨提示"/"评论" heading, drop the list under it too."""
    page = "\n".join(text for _, text in lines)
    patterns = tuple(rule for rule in rules.line_patterns + (site.line_patterns if site else ()) if rule.may_match(page))
    anchored = anchored_at_start(patterns)  # once per page, not per line
    max_chars, max_sentences = rules.settings["chrome_max_line_chars"], rules.settings["chrome_max_line_sentences"]
    kept: Lines = []
    dropped: list[Dropped] = []
    section: Rule | None = None
    for number, line in lines:
        key = _match_key(line)
        if not key:
            kept.append((number, ""))
            continue
        rule = chrome_rule(line, patterns, anchored, max_chars, max_sentences)
        where = rule.where if rule else ""
        kind = rule.kind if rule else None
        if kind is None and section and (BULLET.match(line) or re.match(r"^\d+[.、]", key)):
            kind, where = "section", f"{section.where} (list under it)"
        if heading := _first_match(key, rules.chrome_sections):
            section = heading
            kind, where = kind or "section", where or heading.where
        elif kind is None:
            section = None
        if kind:
            dropped.append(Dropped(kind, key, number, "chrome", where))
        else:
            kept.append((number, line))
    return kept, dropped
