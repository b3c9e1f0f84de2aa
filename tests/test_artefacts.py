"""The gold corpus gate (after trafilatura's): small fixtures of every artefact class, each listing
snippets that must and must not survive cleaning. The score over all snippets must not drop below
the floor pinned in tests/fixtures/artefacts/floor.yaml; every failing snippet is listed."""

import re
from functools import lru_cache
from pathlib import Path

import yaml

from handbook import read
from handbook.pipeline import clean_page
from handbook.rules import load_rules

GOLD_DIR = Path(__file__).parent / "fixtures" / "artefacts"
GOLD = yaml.safe_load((GOLD_DIR / "gold.yaml").read_text(encoding="utf-8"))
FLOOR = yaml.safe_load((GOLD_DIR / "floor.yaml").read_text(encoding="utf-8"))


@lru_cache(maxsize=None)
def cleaned(file: str, site: str | None = None):
    """A fixture cleaned as the build cleans it: with the site profile its `site:` names (a profile
    applies when the manifest's site is its name, or the page holds its markers)."""
    rules = load_rules()
    text = read.read_source(GOLD_DIR / file, rules.settings["max_source_bytes"], file)
    page = clean_page(text, file, rules, rules.site_for(site, None, text))
    return page, "\n".join(e.markdown for e in page.essays)


def plain(markdown: str) -> str:
    """The text a reader sees: Markdown escapes and heading marks removed."""
    lines = [re.sub(r"^#{1,6} ", "", line).replace("\\", "") for line in markdown.splitlines()]
    return "\n".join(lines).replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")


def failures(entry: dict) -> list[str]:
    page, markdown = cleaned(entry["file"], entry.get("site"))
    text = plain(markdown)
    found = []
    titles = [e.title for e in page.essays]
    if "essays" in entry and titles != entry["essays"]:
        found.append(f"essays {titles} != {entry['essays']}")
    found += [f"missing {s!r}" for s in entry.get("must", []) if s not in text]
    found += [f"left {s!r}" for s in entry.get("must_not", []) if s in text or s in markdown]
    found += [f"no note {s!r}" for s in entry.get("notes", []) if s not in text]
    return found


def checks(entry: dict) -> int:
    return 1 + len(entry.get("must", [])) + len(entry.get("must_not", [])) + len(entry.get("notes", []))


def test_every_artefact_class_of_the_spec_has_a_fixture():
    classes = {e["artefact"] for e in GOLD}
    assert set(FLOOR["classes"]) <= classes, set(FLOOR["classes"]) - classes


def test_gold_score_stays_above_the_pinned_floor():
    report = {e["file"]: failures(e) for e in GOLD}
    total = sum(checks(e) for e in GOLD)
    failed = sum(len(f) for f in report.values())
    score = 1 - failed / total
    detail = "\n".join(f"{file}: {'; '.join(f)}" for file, f in report.items() if f)
    print(f"gold score {score:.3f} over {total} checks (floor {FLOOR['score']})\n{detail}")
    assert score >= FLOOR["score"], detail
