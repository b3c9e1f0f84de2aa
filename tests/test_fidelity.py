"""The real-page gate (issue 12): the cleaner, run on the TEST half of tests/fixtures/real (pages from sites
it has no profile for, never tuned on), must not score below the floors pinned in floor.yaml — neither
overall (junk left, body kept, titles right, crashes, pinyin left) nor page by page. The figures and the
dev half are printed by bench/fidelity.py; this file also checks that the corpus and its gold hold
together (every snippet is on its page, every page has gold, a site is in one half only)."""

import hashlib
import re
from functools import lru_cache

import pytest
import yaml
from opencc import OpenCC

from bench.fidelity import PINYIN, REAL, Cleaner, figures, load, normalise, run
from handbook.garble import restore_pdf_punctuation
from handbook.rules import load_rules
from handbook.structure import STRAY_DOT

ENTRIES = load()
TEST = [e for e in ENTRIES if e["half"] == "test"]
T2S = OpenCC("t2s")
FLOOR = yaml.safe_load((REAL / "floor.yaml").read_text(encoding="utf-8"))


@lru_cache(maxsize=None)
def scores():
    return {s.file: s for s in run(Cleaner(), TEST)}


@pytest.mark.parametrize("file", [e["file"] for e in TEST])
def test_test_page_is_no_worse_than_pinned(file):
    failures = scores()[file].failures
    new = [f"{check}: {failures[check]}" for check in failures if check not in FLOOR["pages"].get(file, [])]
    assert not new, f"{file}: checks that passed before fail now:\n  " + "\n  ".join(new)


def test_test_half_stays_above_the_floors():
    now = figures(list(scores().values()))
    print(f"test half: junk left {now.junk_left:.1f}%, body kept {now.body_kept:.1f}%, "
          f"titles right {now.titles_right:.1f}%, crashes {now.crashes}, pinyin left {now.pinyin_left}")
    assert now.junk_left <= FLOOR["junk_left_max"]
    assert now.body_kept >= FLOOR["body_kept_min"]
    assert now.titles_right >= FLOOR["titles_right_min"]
    assert now.crashes <= FLOOR["crashes_max"]
    assert now.pinyin_left <= FLOOR["pinyin_left_max"]


def test_every_page_is_indexed_and_the_halves_split_by_site():
    on_disk = {f"pages/{p.name}" for p in (REAL / "pages").iterdir()}
    assert on_disk == {e["file"] for e in ENTRIES}
    for e in ENTRIES:  # the rule the split was made with, once, before any page was scored
        assert e["half"] == ("dev" if hashlib.sha1(e["site"].encode()).digest()[0] % 2 == 0 else "test"), e
    assert len(ENTRIES) >= 60 and len({e["site"] for e in ENTRIES}) >= 30


@pytest.mark.parametrize("entry", ENTRIES, ids=[e["file"] for e in ENTRIES])
def test_gold_snippets_are_on_their_page(entry):
    """A snippet not on the page (a typo in the gold) would count as junk removed or text lost for ever.
    Compared loosely: Simplified, pinyin and line breaks removed (a fragment or title with the page's pinyin in it
    asks for junk to be kept), and for must fragments the page's junk
    strings taken out (a fragment may span inline junk the cleaner has to remove) or a PDF font's stand-ins
    read as the marks they are and a stray dot after 的 taken out."""
    raw = T2S.convert((REAL / entry["file"]).read_text(encoding="utf-8"))
    flat = lambda text: normalise(text).replace("\n", "")  # noqa: E731
    loose = flat(raw)
    unpinyined = re.sub(PINYIN, lambda m: m.group(0)[0], raw)  # pinyin is junk: no must fragment or title holds it
    bare = flat(unpinyined)
    repunctuated = flat(STRAY_DOT.sub("", restore_pdf_punctuation(unpinyined, load_rules().pdf_font)[0]))
    titles = [flat(a) for t in entry.get("essays", []) for a in ([t] if isinstance(t, str) else t)]
    stripped = bare
    for junk in entry["must_not"]:
        stripped = stripped if flat(junk) in titles else stripped.replace(flat(junk), "")
    missing = [s for s in entry["must_not"] if flat(s) not in loose and flat(s) not in bare]
    missing += [t for t in titles if t not in bare]
    missing += [s for s in entry["must"] if flat(s) not in bare and flat(s) not in stripped and flat(s) not in repunctuated]
    assert len(entry["must"]) >= 3 and not missing, missing
