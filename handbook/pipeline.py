"""The recipe: one raw page → essays, and all sources → chapter files. Pure: nothing is written here."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

from . import chrome, corrections as corr, garble, joins, maintext, markup, pinyin, script, split, structure
from .model import CleanPage, Correction, Dropped, Essay, EssayOverride
from .roles import role_from_keywords, undecided_role_warning
from .rules import Rules, SiteProfile
from .text import han_count


def _step(steps: Counter, name: str, result):
    """Record what a step changed; return its value."""
    value, count = result
    steps[name] += count
    return value


def clean_page(text: str, source: str, rules: Rules, site: SiteProfile | None = None,
               overrides: tuple[EssayOverride, ...] = (), corrections: list[Correction] = (),
               corrections_file: str = "sources/corrections.yaml") -> CleanPage:
    steps: Counter = Counter()
    # Page level: markup, pinyin and script first, so every later rule is written for Simplified text.
    text = _step(steps, "markup_removed", markup.strip_tags(text))
    text = _step(steps, "entities_fixed", markup.unescape_entities(text))
    text = _step(steps, "field_codes_removed", markup.remove_field_codes(text, rules.field_codes))
    # before conversion: t2s would change the bytes a wrong decoding left
    text = _step(steps, "mojibake_repaired", garble.repair_mojibake_page(text))
    text = _step(steps, "pinyin_removed", pinyin.remove_pinyin(text))
    text = _step(steps, "chars_converted", script.to_simplified(text, rules.zhu_words, rules.keep_chars))
    text = _step(steps, "radicals_fixed", script.fix_radicals(text, rules.radicals))

    page_lines = text.split("\n")
    lines = list(enumerate(page_lines, 1))
    lines, dropped = chrome.remove_inline_chrome(lines, rules)
    steps["inline_chrome_removed"] += len(dropped)
    lines, more = chrome.drop_teasers(lines, rules)
    dropped += more
    lines, more = chrome.drop_chrome_lines(lines, rules, site)
    dropped += more
    lines, more = joins.remove_page_markers(lines, rules)
    steps["page_markers_removed"] += len(more)
    dropped += more
    lines = split.unglue_markers(lines, rules)
    found = maintext.select(lines, rules.maintext, lambda line: any(p.match(line) for p in rules.essay_markers),
                            lambda line: split.clean_title(line, rules), rules.settings["title_max_chars"])
    dropped += found.dropped
    kept = found.kept
    raw_essays, more = split.split_essays(found.lines, rules)
    dropped += more
    for raw in raw_essays:
        if raw.title_line:
            kept[raw.title_line] = "title" + (" (" + kept[raw.title_line] + ")" if raw.title_line in kept else "")

    essays = []
    for raw in raw_essays:
        paragraphs = joins.paragraphs_from_lines(raw.lines, rules)
        paragraphs = _step(steps, "chunks_joined", joins.join_page_chunks(paragraphs, rules))
        paragraphs = _step(steps, "stops_restored", joins.restore_dropped_stops(paragraphs, rules))
        paragraphs = _step(steps, "lines_joined", joins.join_broken_lines(paragraphs, rules))
        paragraphs = _step(steps, "wrap_spaces_removed", joins.remove_wrap_spaces(paragraphs))
        paragraphs = _step(steps, "inline_headings_split", joins.split_inline_headings(paragraphs))
        paragraphs = _step(steps, "injected_digits_removed", joins.remove_injected_digits(paragraphs, rules))
        if _is_teaser(paragraphs):
            dropped += [Dropped("teaser", l.strip(), n, "pipeline", "a block of truncated previews (…… endings)")
                        for n, l in zip(raw.numbers, raw.lines) if l.strip()]
            continue
        essays.append(Essay(title=raw.title, paragraphs=paragraphs))
    steps["lines_dropped"] = sum(1 for d in dropped if not d.fragment)
    steps["essays_found"] = len(essays)
    dropped.sort(key=lambda d: d.line)

    _apply_overrides(essays, overrides, rules)
    _apply_corrections(essays, corrections, corrections_file, steps)
    for essay in essays:
        _finish(essay, rules, steps)
    return CleanPage(source=source, essays=essays, dropped=dropped, steps=steps, lines=page_lines, kept=kept)


def _is_teaser(paragraphs: list[str]) -> bool:
    """A block of truncated previews ("……" endings) is not an essay."""
    previews = [p for p in paragraphs if len(p) > 20]
    return bool(previews) and all(p.rstrip().endswith(("......", "……", "...")) for p in previews)


def propose_title(paragraphs: list[str], rules: Rules) -> str:
    """A title for an essay that has none: its first heading-like paragraph, else its first clause."""
    for p in paragraphs[:5]:
        if split.looks_like_title(p, rules) and han_count(p) >= 4:
            return split.clean_title(p, rules)
    first = paragraphs[0] if paragraphs else ""
    clause = re.split(r"[，。；：！？,;:!?]", first, maxsplit=1)[0]
    return clause[:rules.settings["title_max_chars"]] if han_count(clause) >= 4 else ""


def default_slug(title: str) -> str:
    from pypinyin import lazy_pinyin  # on first use: loading it takes a fifth of a second

    syllables = [s for s in lazy_pinyin(title[:8]) if s.isascii() and s.isalnum()]
    return "-".join(s.lower() for s in syllables) or "essay"


def _apply_overrides(essays: list[Essay], overrides, rules: Rules) -> None:
    by_match = {o.match: o for o in overrides}
    seen: Counter = Counter()
    for position, essay in enumerate(essays, 1):
        override = by_match.get(essay.title) or by_match.get(f"#{position}")
        if override:
            essay.title = override.title or essay.title
            essay.role = override.role or None
        essay.slug = (override.slug if override and override.slug else None) or default_slug(essay.title)
        seen[essay.slug] += 1
        if seen[essay.slug] > 1:
            essay.slug = f"{essay.slug}-{seen[essay.slug]}"
        if not essay.title:
            proposal = propose_title(essay.paragraphs, rules)
            essay.warnings.append(f"no title found: set one in sources/manifest.yaml (essays: - {{match: '#{position}', "
                                  f"title: {proposal or '…'}}})" + (f"; proposed: {proposal}" if proposal else ""))


def _apply_corrections(essays: list[Essay], corrections, corrections_file: str, steps: Counter) -> None:
    for c in corrections:
        targets = [e for e in essays if c.essay in (None, e.slug)]
        matches = sum(corr.count_matches(e.paragraphs, c.find) for e in targets)
        corr.check_unique(c, matches, corrections_file)
        for essay in targets:
            if corr.count_matches(essay.paragraphs, c.find):
                essay.paragraphs = corr.apply_correction(essay.paragraphs, c)
                essay.corrections.append(c)
                steps["corrections_applied"] += 1


def _finish(essay: Essay, rules: Rules, steps: Counter) -> None:
    """Garbling, punctuation, structure, notes, role and Markdown of one essay."""
    paragraphs = []
    for p in essay.paragraphs:
        p = _step(steps, "garbled_marked", garble.mark_garbled(p, rules.question_words))
        p = _step(steps, "punctuation_widened", structure.widen_punctuation(p))
        paragraphs.append(p)
    marked = sum(p.count(garble.GARBLED_NOTE) for p in paragraphs)
    blocks = structure.to_blocks(paragraphs, rules)
    blocks, gaps = structure.mark_numbering_gaps(blocks)
    blocks, truncated = structure.mark_truncated_end(blocks)
    steps["headings"] += sum(1 for b in blocks if b.style)
    if gaps:
        essay.notes.append(f"{structure.GAP_NOTE}原文编号不连续，有 {gaps} 处内容缺失。")
    if truncated:
        essay.notes.append(f"{structure.TRUNCATED_NOTE}原文在结尾处中断，后文缺失。")
    if marked:
        essay.notes.append(f"{garble.GARBLED_NOTE}原文有 {marked} 处字符损坏，无法可靠复原。")
    steps["notes_added"] += len(essay.notes)
    essay.paragraphs = [b.text for b in blocks]
    body = "".join(essay.paragraphs)
    essay.role = essay.role or role_from_keywords(essay.title, body, rules.roles)
    if essay.role is None:
        essay.warnings.append(undecided_role_warning(essay.title, body, rules.roles))
    essay.markdown = structure.to_markdown(essay.title, blocks)


def corrections_for(source_file: str, corrections: list[Correction]) -> list[Correction]:
    name = Path(source_file).name
    return [c for c in corrections if c.source in (source_file, name)]
