"""The gold corpus gate (after trafilatura's): small fixtures of every artefact class, each listing
snippets that must and must not survive cleaning. Every snippet is a test case of its own, so each
failing one is reported by name. A snippet the cleaner is known to get wrong is listed with the reason
under its entry's `known_failures` in gold.yaml and runs as xfail(strict=True): when the cleaner gets
it right, the test fails until the snippet is taken off that list."""

import re
from functools import lru_cache
from pathlib import Path

import pytest
import yaml

from handbook import read
from handbook.pipeline import clean_page
from handbook.rules import load_rules

GOLD_DIR = Path(__file__).parent / "fixtures" / "artefacts"
GOLD = yaml.safe_load((GOLD_DIR / "gold.yaml").read_text(encoding="utf-8"))
FLOOR = yaml.safe_load((GOLD_DIR / "floor.yaml").read_text(encoding="utf-8"))
# the site a fixture comes from, where its entry names one (its profile applies as in a build)
SITES = {e["file"]: e["site"] for e in GOLD if e.get("site")}


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


def cases(key: str) -> list:
    """One case per snippet listed under `key` in gold.yaml; for "essays", one per entry (its titles)."""
    found = []
    for entry in (e for e in GOLD if key in e):
        for snippet in [entry[key]] if key == "essays" else entry[key]:
            known = (entry.get("known_failures") or {}).get("essays" if key == "essays" else snippet)
            marks = [pytest.mark.xfail(strict=True, reason=known)] if known else []
            label = entry["artefact"] if key == "essays" else snippet
            found.append(pytest.param(entry["file"], snippet, marks=marks, id=f"{entry['file']}:{label}"))
    return found


def test_every_artefact_class_of_the_spec_has_a_fixture():
    classes = {e["artefact"] for e in GOLD}
    assert set(FLOOR["classes"]) <= classes, set(FLOOR["classes"]) - classes


@pytest.mark.parametrize("file, titles", cases("essays"))
def test_the_essays_found_are_the_expected_ones(file, titles):
    page, _ = cleaned(file, SITES.get(file))
    assert [e.title for e in page.essays] == titles


@pytest.mark.parametrize("file, snippet", cases("must"))
def test_essay_text_is_kept(file, snippet):
    _, markdown = cleaned(file, SITES.get(file))
    assert snippet in plain(markdown)


@pytest.mark.parametrize("file, snippet", cases("must_not"))
def test_artefact_is_removed(file, snippet):
    _, markdown = cleaned(file, SITES.get(file))
    assert snippet not in plain(markdown) and snippet not in markdown


@pytest.mark.parametrize("file, note", cases("notes"))
def test_editorial_note_is_added(file, note):
    _, markdown = cleaned(file, SITES.get(file))
    assert note in plain(markdown)
