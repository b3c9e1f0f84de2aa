"""Site chrome: headers, breadcrumbs, paywalls, disclaimers, comment boxes, ads, spam, tag clouds, teasers.

Generic rules (rules/boilerplate.yaml) first, then the site profile's own (rules/sites/*.yaml).
"""

from __future__ import annotations

import re

from .model import Dropped
from .rules import Rules, SiteProfile

BULLET = re.compile(r"^[\s•·●▪◆◇■□○\-*]+")


def _match_key(line: str) -> str:
    return BULLET.sub("", line).strip()


def chrome_kind(line: str, patterns, max_chars: int) -> str | None:
    """The kind of chrome a line is, or None. Unanchored patterns only judge short lines,
    so a paragraph of prose that mentions a keyword is never dropped."""
    key = _match_key(line)
    for kind, pattern in patterns:
        anchored = pattern.pattern.startswith("^")
        if (anchored or len(key) <= max_chars) and pattern.search(key):
            return kind
    return None


def remove_inline_chrome(text: str, rules: Rules) -> tuple[str, int]:
    """Remove chrome fragments inside lines: "(剩余2169字)", "…省略406字…正式会员…"."""
    total = 0
    for _, pattern in rules.inline_patterns:
        text, n = pattern.subn("", text)
        total += n
    return text, total


def drop_teasers(lines: list[str], rules: Rules) -> tuple[list[str], list[Dropped]]:
    """Drop a "相关范文推荐" block: from its heading to the next essay marker or the end of the page."""
    for i, line in enumerate(lines):
        if any(p.match(line.strip()) for p in rules.teaser_headings):
            end = next((j for j in range(i + 1, len(lines))
                        if any(m.match(lines[j].strip()) for m in rules.essay_markers)), len(lines))
            dropped = [Dropped("teaser", l.strip()) for l in lines[i:end] if l.strip()]
            rest, more = drop_teasers(lines[end:], rules)
            return lines[:i] + rest, dropped + more
    return lines, []


def drop_chrome_lines(lines: list[str], rules: Rules, site: SiteProfile | None) -> tuple[list[str], list[Dropped]]:
    """Drop whole lines of site chrome; after a "温馨提示"/"评论" heading, drop the list under it too."""
    patterns = rules.line_patterns + (site.line_patterns if site else ())
    max_chars = rules.settings["chrome_max_line_chars"]
    kept: list[str] = []
    dropped: list[Dropped] = []
    in_section = False
    for line in lines:
        key = _match_key(line)
        if not key:
            kept.append("")
            continue
        kind = chrome_kind(line, patterns, max_chars)
        if kind is None and in_section and (BULLET.match(line) or re.match(r"^\d+[.、]", key)):
            kind = "section"
        if any(p.match(key) for p in rules.chrome_sections):
            in_section, kind = True, kind or "section"
        elif kind is None:
            in_section = False
        if kind:
            dropped.append(Dropped(kind, key))
        else:
            kept.append(line)
    return kept, dropped
