"""The recipe: one raw page → essays, and all sources → chapter files. Pure: nothing is written here."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace
from pathlib import Path

from . import chrome, corrections as corr, garble, joins, maintext, markup, pinyin, script, split, structure
from .model import NO_ROLE, NO_TITLE, CleanPage, Correction, Dropped, Essay, EssayOverride, EssayWarning, HandbookError
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
    text, emoji = markup.remove_emoji(text)
    text = _step(steps, "invisible_removed", markup.remove_invisible(text))
    # Page level: markup, pinyin and script first, so every later rule is written for Simplified text.
    text = _step(steps, "markup_removed", markup.strip_tags(text))
    text = _step(steps, "entities_fixed", markup.unescape_entities(text))
    text = _step(steps, "markdown_marks_removed", markup.remove_markdown_heading_marks(text))
    text = _step(steps, "field_codes_removed", markup.remove_field_codes(text, rules.field_codes))
    # before conversion: t2s would change the bytes a wrong decoding left
    text = _step(steps, "mojibake_repaired", garble.repair_mojibake_page(text))
    text = _step(steps, "pdf_punctuation_restored", garble.restore_pdf_punctuation(text, rules.pdf_font))
    text = _step(steps, "pinyin_removed", pinyin.remove_pinyin(text))
    text = _step(steps, "chars_converted", script.to_simplified(text, rules.zhu_words, rules.keep_chars))
    text = _step(steps, "radicals_fixed", script.fix_radicals(text, rules.radicals))

    page_lines = text.split("\n")
    lines = _step(steps, "number_breaks_rejoined", joins.rejoin_number_breaks(list(enumerate(page_lines, 1))))
    lines = maintext.unflatten_journal_fields(lines, rules.maintext)
    lines = maintext.unglue_keywords(lines, rules.maintext, rules.settings["title_max_chars"])
    split_off = {n for (n, _), (m, _) in zip(lines, lines[1:]) if n == m}  # a title put on a line of its own
    lines, dropped = chrome.remove_inline_chrome(lines, rules)
    steps["inline_chrome_removed"] += len(dropped)
    lines, more = chrome.drop_teasers(lines, rules)
    dropped += more
    lines, more = chrome.drop_chrome_lines(lines, rules, site)
    dropped += more
    dropped = [replace(d, fragment=True) if d.line in split_off else d for d in dropped]  # cut from the title's line
    lines, more = joins.remove_page_markers(lines, rules)
    steps["page_markers_removed"] += len(more)
    dropped += more
    lines = split.unglue_markers(lines, rules)
    main = maintext.select(lines, rules.maintext, lambda line: any(p.match(line) for p in rules.essay_markers),
                            lambda line: split.clean_title(line, rules), rules.settings["title_max_chars"],
                            frozenset(d.line for d in dropped if d.stage == "chrome"),
                            frozenset(d.line for d in dropped if d.stage == "chrome" and d.kind == "header"),
                            tuple(d.text for d in dropped if d.stage == "chrome" and d.kind == "breadcrumb"))
    main = maintext.drop_unrelated_terms(main, rules.maintext, rules.settings["chunk_min_han"])
    dropped += main.dropped
    kept = main.kept
    raw_essays, more = split.split_essays(main.lines, rules, main.headline)
    dropped += more
    for raw in raw_essays:
        if raw.title_line:
            kept[raw.title_line] = "title" + (" (" + kept[raw.title_line] + ")" if raw.title_line in kept else "")

    found: list[tuple[str, list[str]]] = []  # (title, paragraphs) of each essay on the page
    for raw in raw_essays:
        paragraphs = joins.paragraphs_from_lines(raw.lines, rules)
        paragraphs = _step(steps, "chunks_joined", joins.join_page_chunks(paragraphs, rules))
        paragraphs = _step(steps, "stops_restored", joins.restore_dropped_stops(paragraphs, rules))
        paragraphs = _step(steps, "lines_joined", joins.join_broken_lines(paragraphs, rules))
        # headings first: the gap of spaces before one is a sign of it, not a PDF's line wrap
        paragraphs = _step(steps, "inline_headings_split", joins.split_inline_headings(paragraphs, rules))
        paragraphs = _step(steps, "wrap_spaces_removed", joins.remove_wrap_spaces(paragraphs))
        paragraphs = _step(steps, "injected_digits_removed", joins.remove_injected_digits(paragraphs, rules))
        previews = _truncated_previews(paragraphs)
        # previews of other pages: more than one, or a short one, or one beside an essay; a long one alone on its
        # page is a document viewer's preview of the essay, cut off where it stops
        if previews and (len(raw_essays) > 1 or len(previews) > 1
                         or han_count(previews[0]) <= rules.settings["teaser_max_han"]):
            dropped += [Dropped("teaser", l.strip(), n, "pipeline", "a block of truncated previews (…… endings)")
                        for n, l in zip(raw.numbers, raw.lines) if l.strip()]
            continue
        if previews:
            paragraphs[-1] = paragraphs[-1].rstrip().rstrip(".…")
            dropped.append(Dropped("preview-end", "……", max(raw.numbers), "pipeline", PREVIEW_END, fragment=True))
        found.append((raw.title, paragraphs))
    steps["lines_dropped"] = sum(1 for d in dropped if not d.fragment)
    steps["essays_found"] = len(found)
    # reported, not counted as dropped lines: they are characters, removed wherever they were
    if emoji:
        steps["emoji_removed"] = len(emoji)
        dropped.append(Dropped("emoji", "".join(emoji), stage="invisible", rule="handbook/markup.py EMOJI"))
    if steps["invisible_removed"]:
        dropped.append(Dropped("invisible", f"{steps['invisible_removed']} bidi or zero-width control characters",
                               stage="invisible", rule="handbook/markup.py INVISIBLE"))
    dropped.sort(key=lambda d: d.line)

    names = _names([markup.clean_field(title) for title, _ in found], [p for _, p in found], overrides, source, rules)
    corrected = _apply_corrections([p for _, p in found], [n.slug for n in names], corrections, corrections_file, steps)
    essays = [_finish(name, paragraphs, applied, rules, steps) for name, (paragraphs, applied) in zip(names, corrected)]
    return CleanPage(source=source, essays=essays, dropped=dropped, steps=steps, lines=page_lines, kept=kept)


PREVIEW_END = "a document viewer's preview of the essay, cut off: the mark where it stops (rules/settings.yaml teaser_max_han)"


def _truncated_previews(paragraphs: list[str]) -> list[str]:
    """The paragraphs of some length when every one of them ends cut off ("……"): previews; else none."""
    previews = [p for p in paragraphs if len(p) > 20]
    return previews if all(p.rstrip().endswith(("......", "……", "...")) for p in previews) else []


def propose_title(paragraphs: list[str], rules: Rules) -> str:
    """A title for an essay that has none: its first heading-like paragraph that is no numbered section
    heading ("一、加强学习" names a part, not the essay), else its first clause."""
    for p in paragraphs[:5]:
        if split.looks_like_title(p, rules) and han_count(p) >= 4 and not rules.maintext.heading_start.match(p):
            return split.clean_title(p, rules)
    first = paragraphs[0] if paragraphs else ""
    clause = re.split(r"[，。；：！？,;:!?]", first, maxsplit=1)[0]
    return clause[:rules.settings["title_max_chars"]] if han_count(clause) >= 4 else ""


def default_slug(title: str) -> str:
    from pypinyin import lazy_pinyin  # on first use: loading it takes a fifth of a second

    syllables = [s for s in lazy_pinyin(title[:8]) if s.isascii() and s.isalnum()]
    return "-".join(s.lower() for s in syllables) or "essay"


@dataclass(frozen=True)
class _Name:
    """How an essay found on the page is known: its manifest entry, or the pipeline's defaults."""

    title: str
    role: str | None  # None: decided from keywords once the text is clean
    slug: str
    warnings: tuple[EssayWarning, ...]


def _names(titles: list[str], texts: list[list[str]], overrides: tuple[EssayOverride, ...], source: str,
           rules: Rules) -> list[_Name]:
    by_match = {o.match: o for o in overrides}
    used: set[str] = set()
    chosen: list[tuple[EssayOverride | None, int]] = []
    for position, found_title in enumerate(titles, 1):
        match = found_title if found_title in by_match else f"#{position}"
        override = by_match.get(match)
        if override:
            used.add(match)
        chosen.append((override, position))
    # an entry that matches nothing would silently move its chapter to a default slug and role
    listed = ", ".join(repr(t or f"#{n}") for n, t in enumerate(titles, 1)) or "none"
    for o in overrides:
        if o.match not in used:
            raise HandbookError(f"{o.where or source}: match {o.match!r} matches no essay of {source} "
                                f"(the essays found: {listed}); set match to one of them, or '#N' for the N-th")
    set_slugs = [o.slug for o, _ in chosen if o and o.slug]
    for slug in set_slugs:
        if set_slugs.count(slug) > 1:
            raise HandbookError(f"{source}: slug {slug!r} is set for two essays in sources/manifest.yaml; "
                                "give each its own slug")
    # default slugs from the title's pinyin: a second essay whose title starts the same way gets -2
    taken = set(set_slugs)
    names = []
    for found_title, (override, position) in zip(titles, chosen):
        title = (override.title if override else None) or found_title
        role = (override.role or None) if override else None
        slug = override.slug if override and override.slug else None
        if not slug:
            base = slug = default_slug(title)
            n = 1
            while slug in taken:
                n += 1
                slug = f"{base}-{n}"
            taken.add(slug)
        warnings = () if title else (_untitled(position, texts[position - 1], rules),)
        names.append(_Name(title, role, slug, warnings))
    return names


def _untitled(position: int, paragraphs: list[str], rules: Rules) -> EssayWarning:
    proposal = propose_title(paragraphs, rules)
    return EssayWarning(NO_TITLE, f"no title found: set one in sources/manifest.yaml (essays: - {{match: '#{position}', "
                                  f"title: {proposal or '…'}}})" + (f"; proposed: {proposal}" if proposal else ""))


def _apply_corrections(texts: list[list[str]], slugs: list[str], corrections, corrections_file: str,
                       steps: Counter) -> list[tuple[list[str], list[Correction]]]:
    """Each essay's paragraphs with the corrections meant for it applied, and those corrections."""
    texts = list(texts)
    applied: list[list[Correction]] = [[] for _ in texts]
    for c in corrections:
        targets = [i for i, slug in enumerate(slugs) if c.essay in (None, slug)]
        matches = sum(corr.count_matches(texts[i], c.find) for i in targets)
        corr.check_unique(c, matches, corrections_file, _why_no_match(c, slugs) if not matches else "")
        for i in targets:
            if corr.count_matches(texts[i], c.find):
                texts[i] = corr.apply_correction(texts[i], c)
                applied[i].append(c)
                steps["corrections_applied"] += 1
    return list(zip(texts, applied))


def _why_no_match(c: Correction, slugs: list[str]) -> str:
    """The likely reason an entry matches nothing, and the next step."""
    if c.essay and c.essay not in slugs:
        return (f": essay {c.essay!r} is not the slug of any essay of this source (its essays: "
                f"{', '.join(slugs)}); if the slug changed in sources/manifest.yaml, change it here too")
    simplified = script.to_simplified(c.find)[0]
    if simplified != c.find:
        return f": find is matched against the Simplified text; write it in Simplified: {simplified!r}"
    return (f": the text is not in the cleaned source; compare with `python build_content.py clean {c.source}` "
            "(a paragraph break is written as a line break in find)")


def _finish(name: _Name, paragraphs: list[str], corrections: list[Correction], rules: Rules,
            steps: Counter) -> Essay:
    """The essay as it goes into the handbook: garbled spots marked, punctuation widened, headings and
    the editors' notes placed, the role decided, the Markdown written."""
    paragraphs = [_step(steps, "garbled_marked", garble.mark_garbled(p, rules.question_words)) for p in paragraphs]
    paragraphs = [_step(steps, "punctuation_widened", structure.widen_punctuation(p)) for p in paragraphs]
    shape = structure.shape(paragraphs, rules)
    steps["headings"] += shape.headings
    notes = _editorial_notes(shape, garbled=sum(p.count(garble.GARBLED_NOTE) for p in paragraphs))
    steps["notes_added"] += len(notes)
    texts = [b.text for b in shape.blocks]
    role, warnings = _role(name, "".join(texts), rules)
    return Essay(title=name.title, paragraphs=texts, notes=notes, warnings=warnings, corrections=corrections,
                 role=role, slug=name.slug, markdown=structure.to_markdown(name.title, shape.blocks))


def _editorial_notes(shape: structure.Shape, garbled: int) -> list[str]:
    """What the editors tell the reader at the chapter's head: gaps, a cut-off end, garbled spots."""
    notes = []
    if shape.gaps:
        notes.append(f"{structure.GAP_NOTE}原文编号不连续，有 {shape.gaps} 处内容缺失。")
    if shape.truncated:
        notes.append(f"{structure.TRUNCATED_NOTE}原文在结尾处中断，后文缺失。")
    if garbled:
        notes.append(f"{garble.GARBLED_NOTE}原文有 {garbled} 处字符损坏，无法可靠复原。")
    return notes


def _role(name: _Name, body: str, rules: Rules) -> tuple[str | None, tuple[EssayWarning, ...]]:
    """The essay's role (the manifest's, else from keywords) and its warnings, with one if it is undecided."""
    role = name.role or role_from_keywords(name.title, body, rules.roles)
    if role is None:
        return None, name.warnings + (EssayWarning(NO_ROLE, undecided_role_warning(name.title, body, rules.roles)),)
    return role, name.warnings


def corrections_for(source_file: str, corrections: list[Correction]) -> list[Correction]:
    name = Path(source_file).name
    return [c for c in corrections if c.source in (source_file, name)]
