"""What each run did, per source: a table for the terminal and the same as JSON."""

from __future__ import annotations

import json

from .model import CleanPage, Dropped

COLUMNS = (
    ("essays_found", "essays"),
    ("lines_dropped", "dropped"),
    ("pinyin_removed", "pinyin"),
    ("chars_converted", "converted"),
    ("lines_joined", "joins"),
    ("chunks_joined", "chunks"),
    ("notes_added", "notes"),
    ("corrections_applied", "corrections"),
)


def page_report(page: CleanPage, markdown: bool = False) -> dict:
    """What cleaning one page gave, as JSON-ready data; `markdown`: with each essay's Markdown."""
    return {
        "source": page.source,
        "steps": dict(sorted(page.steps.items())),
        "essays": [{"title": e.title, "role": e.role, "slug": e.slug, **({"markdown": e.markdown} if markdown else {}),
                    "notes": e.notes, "warnings": [w.message for w in e.warnings], "corrections": [c.find for c in e.corrections]}
                   for e in page.essays],
        "dropped": [dropped_record(d) for d in page.dropped],
    }


def dropped_record(d: Dropped) -> dict:
    return {"kind": d.kind, "text": d.text, "line": d.line, "stage": d.stage, "rule": d.rule, "fragment": d.fragment}


def line_records(page: CleanPage) -> list[dict]:
    """One record per non-blank line of the page (after page-level conversion), in page order: kept or
    dropped, by which stage and rule or score; fragments cut from a kept line are listed with it."""
    by_line: dict[int, list[Dropped]] = {}
    for d in page.dropped:
        by_line.setdefault(d.line, []).append(d)
    records = []
    for number, text in enumerate(page.lines, 1):
        if not text.strip():
            continue
        here = by_line.get(number, [])
        whole = next((d for d in here if not d.fragment), None)
        record = {"line": number, "text": text.strip(), "kept": whole is None}
        if whole:
            record.update(stage=whole.stage, kind=whole.kind, rule=whole.rule)
        else:
            record.update(stage="main-text" if number in page.kept else "", rule=page.kept.get(number, ""))
        cuts = [dropped_record(d) for d in here if d.fragment]
        if cuts:
            record["cut"] = cuts
        records.append(record)
    return records


def explain(page: CleanPage) -> str:
    """The page in order, each line marked + kept or - dropped, with the reason; essays and warnings after."""
    out = []
    for r in line_records(page):
        mark = "+" if r["kept"] else "-"
        why = r["rule"] if r["kept"] else f"{r['stage']} · {r['kind']} · {r['rule']}"
        out.append(f"{mark} {r['line']:>4}  {r['text'][:60]}")
        if why:
            out.append(f"        {why}")
        for c in r.get("cut", []):
            out.append(f"        cut {c['text']!r}: {c['stage']} · {c['kind']} · {c['rule']}")
    for d in page.dropped:
        if d.line == 0:
            out.append(f"- {d.text[:60]}\n        {d.stage} · {d.kind} · {d.rule}")
    for e in page.essays:
        out.append(f"essay: {e.title or '(no title)'} · role: {e.role or '未定'}")
        out += [f"  warning: {w.message}" for w in e.warnings]
    return "\n".join(out)


def table(pages: list[CleanPage]) -> str:
    header = ["source"] + [label for _, label in COLUMNS]
    rows = [[p.source.split("/")[-1]] + [str(p.steps.get(k, 0)) for k, _ in COLUMNS] for p in pages]
    widths = [max(len(r[i]) for r in [header] + rows) for i in range(len(header))]
    fmt = lambda r: "  ".join(c.ljust(w) if i == 0 else c.rjust(w) for i, (c, w) in enumerate(zip(r, widths)))
    return "\n".join([fmt(header)] + [fmt(r) for r in rows])


def to_json(pages: list[CleanPage]) -> str:
    """One source per line: indenting every key would need the pure-Python encoder, which took a
    fifth of a rebuild of 1,000 sources."""
    lines = ",\n".join(json.dumps(page_report(p), ensure_ascii=False) for p in pages)
    return f'{{"sources": [\n{lines}\n]}}\n'
