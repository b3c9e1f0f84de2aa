"""What each run did, per source: a table for the terminal and the same as JSON."""

from __future__ import annotations

import json

from .model import CleanPage

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
        "dropped": [{"kind": d.kind, "text": d.text} for d in page.dropped],
    }


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
