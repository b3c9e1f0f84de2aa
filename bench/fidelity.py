"""Fidelity of the cleaner on real pages from sites it has no profile for (tests/fixtures/real/).

Every page of the corpus is cleaned as `build_content.py clean PAGE` does for a file outside the
manifest, and scored against tests/fixtures/real/gold.yaml. Printed for the dev and the test half
(the split is by site, tests/fixtures/real/index.yaml): junk left (% of must-go strings still in the
output), body kept (% of must-keep fragments present), titles right (pages whose essay titles are
the gold ones), crashes and pinyin left; then the same figures for the page with no cleaning at all
(only Traditional → Simplified, so that the strings can be compared).

    python -m bench.fidelity              figures for both halves and the no-cleaning baseline
    python -m bench.fidelity --verbose    and one line per page with what failed
    python -m bench.fidelity --verbose --half dev   the lines of the dev pages only (tune on those; a
                                          test page's failures are not to be read, only its half's figures)
    python -m bench.fidelity --pin        raise (never lower) the test-half floors in floor.yaml
    python -m bench.fidelity --code DIR   clean with the handbook package and rules/ under DIR

Snippets are compared after a normalisation of both sides (Unicode NFKC, so full- and half-width
punctuation are the same; curly and straight quotes the same; spaces removed, runs of line breaks made
one), because the pipeline widens punctuation: a snippet is about the words, not their width. A line
break still counts: a fragment that spans a page break on the raw page is found only if the cleaner
joined the two pieces into one paragraph.
"""

from __future__ import annotations

import argparse
import importlib.util
import math
import re
import sys
import time
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
REAL = ROOT / "tests" / "fixtures" / "real"
HALVES = ("dev", "test")
# A Han character followed by a bracketed syllable in Latin letters: "镇(zhèn)", "党（dang）".
# (not an acronym in brackets, two capitals or more: "居民委员会(RCs)")
PINYIN = re.compile(r"[\u4e00-\u9fff][(（](?![^)）]*[A-Z][^)）]*[A-Z])[a-zA-Zāáǎàēéěèīíǐìōóǒòūúǔùüǘǚǜ]{1,7}[)）]")
# OpenCC's t2s keeps 著 (Simplified too: 显著, 著名), and gold fragments are written from its text; the handbook
# writes 着 where 著 is the particle (all but rules/script.yaml zhu_words): the scorer reads the two as one character.
QUOTES = str.maketrans({"“": '"', "”": '"', "„": '"', "‘": "'", "’": "'", "〝": '"', "〞": '"', "著": "着"})


def normalise(text: str) -> str:
    """Width, quotes, 著/着 and spaces removed; line breaks kept (one per run), so a snippet matches within a line.
    A full stop after a Han character is one mark in either width ("差异." as on the page, "差异。" as the handbook
    writes it), as NFKC makes "," and "，" one."""
    text = re.sub(r"[^\S\n]+", "", unicodedata.normalize("NFKC", text).translate(QUOTES))
    text = re.sub(r"(?<=[\u4e00-\u9fff”’）)])\.(?![\d.])", "。", text)  # not an ellipsis "..."
    return re.sub(r"\n+", "\n", text)


def plain(markdown: str) -> str:
    """The text a reader sees: heading marks and Markdown escapes removed."""
    lines = [re.sub(r"^#{1,6} ", "", line).replace("\\", "") for line in markdown.splitlines()]
    return "\n".join(lines).replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")


def load(real: Path = REAL) -> list[dict]:
    """The index entries with their gold (file, site, half, essays, must, must_not)."""
    index = yaml.safe_load((real / "index.yaml").read_text(encoding="utf-8"))
    gold = {g["file"]: g for g in yaml.safe_load((real / "gold.yaml").read_text(encoding="utf-8"))}
    missing = [e["file"] for e in index if e["file"] not in gold]
    if missing:
        raise SystemExit(f"error: {real / 'gold.yaml'}: no gold for {', '.join(missing)}")
    return [{**e, **gold[e["file"]]} for e in index]


@dataclass
class Cleaned:
    titles: list[str] | None  # None: no title to score (the baseline)
    text: str  # what a reader sees, normalised: each essay's title, then its text
    markdown: str  # the raw output, normalised
    crash: str | None = None


def _import_package_from(code: Path) -> None:
    """Make `import handbook` give the package under code/ (its rules/ beside it), not the installed one."""
    init = code.resolve() / "handbook" / "__init__.py"
    if "handbook" in sys.modules:
        raise SystemExit("error: --code: the handbook package is already imported")
    spec = importlib.util.spec_from_file_location("handbook", init, submodule_search_locations=[str(init.parent)])
    if spec is None or not init.is_file():
        raise SystemExit(f"error: {code}: no handbook package here")
    sys.modules["handbook"] = module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)


class Cleaner:
    """The pipeline as `build_content.py clean FILE` runs it for a file that is not in the manifest."""

    def __init__(self, code: Path | None = None):
        if code is not None:
            _import_package_from(code)
        from handbook import read
        from handbook.pipeline import clean_page
        from handbook.rules import load_rules

        self._read, self._clean_page, self.rules = read.read_source, clean_page, load_rules()

    def __call__(self, path: Path) -> Cleaned:
        return self.clean(lambda: self._read(path, self.rules.settings["max_source_bytes"], str(path)), str(path))

    def clean(self, read: Callable[[], str], name: str) -> Cleaned:
        """The page whose text `read` gives, cleaned (bench/html_extract.py passes other HTML extractors)."""
        try:
            text = read()
            page = self._clean_page(text, name, self.rules, self.rules.site_for(None, None, text))
        except Exception as exc:  # a crash is a score, not the end of the run
            return Cleaned([], "", "", crash=f"{type(exc).__name__}: {exc}")
        titles = [e.title for e in page.essays]
        shown = "\n".join(f"{e.title}\n{body(e.markdown, e.title)}" for e in page.essays)
        markdown = "\n".join(e.markdown for e in page.essays)
        return Cleaned(titles, normalise(plain(shown)), normalise(markdown))


def body(markdown: str, title: str) -> str:
    """The essay's Markdown without its title heading, if it starts with one (the title is scored once; the
    heading escapes what Markdown would read as marks: "# \\#\\#镇…" heads "##镇…")."""
    first, _, rest = markdown.partition("\n")
    return rest if plain(first).strip() == title.strip() and first.startswith("#") else markdown


def baseline(path: Path) -> Cleaned:
    """No cleaning: the raw page, only converted to Simplified like every cleaned page is."""
    from opencc import OpenCC

    text = normalise(OpenCC("t2s").convert(path.read_text(encoding="utf-8")))
    return Cleaned(None, text, text)


@dataclass
class PageScore:
    file: str
    half: str
    must: int = 0
    kept: int = 0
    must_not: int = 0
    left: int = 0
    title_scored: bool = False
    title_right: bool = False
    crash: str | None = None
    pinyin: list[str] = field(default_factory=list)
    failures: dict[str, str] = field(default_factory=dict)  # check → what went wrong


def alternatives(title: str | list[str]) -> set[str]:
    """A gold title is one string, or a list of strings any of which is right."""
    return {normalise(t) for t in ([title] if isinstance(title, str) else title)}


def score(entry: dict, cleaned: Cleaned) -> PageScore:
    s = PageScore(entry["file"], entry["half"], crash=cleaned.crash)
    if cleaned.crash:
        s.failures["crash"] = cleaned.crash
    for snippet in entry.get("must", []):
        s.must += 1
        if normalise(snippet) in cleaned.text:
            s.kept += 1
        else:
            s.failures[f"missing {snippet}"] = "not in the cleaned text"
    gold = [alternatives(t) for t in entry.get("essays", [])]
    if cleaned.titles is None:  # the raw page: its title is printed once as a title
        shown = [sorted(g)[0] for g in gold]
    else:  # a title the cleaner got right is printed once as a title; a wrong one is text like any other
        shown = [normalise(t) for t in cleaned.titles if any(normalise(t) in g for g in gold)]
    for snippet in entry.get("must_not", []):
        s.must_not += 1
        n = normalise(snippet)
        allowed = sum(n in t for t in shown)  # a title printed again in the text is junk
        if cleaned.text.count(n) > allowed or cleaned.markdown.count(n) > allowed:
            s.left += 1
            s.failures[f"left {snippet}"] = "still in the cleaned text"
    if cleaned.titles is not None and gold:
        s.title_scored = True
        s.title_right = len(cleaned.titles) == len(gold) and all(
            normalise(t) in g for t, g in zip(cleaned.titles, gold))
        if not s.title_right:
            s.failures["titles"] = f"{cleaned.titles} instead of {entry['essays']}"
    if cleaned.titles is not None:
        s.pinyin = PINYIN.findall(cleaned.text)
        if s.pinyin:
            s.failures["pinyin"] = " ".join(s.pinyin)
    return s


@dataclass
class Figures:
    pages: int
    junk_left: float  # % of must-go strings still present
    body_kept: float  # % of must-keep fragments present
    titles_right: float | None  # % of pages with a gold title whose titles are right
    crashes: int
    pinyin_left: int  # bracketed pinyin syllables left, over all pages

    def row(self, name: str) -> str:
        titles = "—" if self.titles_right is None else f"{self.titles_right:.1f}%"
        pinyin = "—" if self.titles_right is None else str(self.pinyin_left)
        crashes = "—" if self.titles_right is None else str(self.crashes)
        return (f"| {name} | {self.pages} | {self.junk_left:.1f}% | {self.body_kept:.1f}% | {titles} | "
                f"{crashes} | {pinyin} |")


def figures(scores: list[PageScore]) -> Figures:
    must = sum(s.must for s in scores)
    must_not = sum(s.must_not for s in scores)
    titled = [s for s in scores if s.title_scored]
    return Figures(
        pages=len(scores),
        junk_left=100 * sum(s.left for s in scores) / must_not if must_not else 0.0,
        body_kept=100 * sum(s.kept for s in scores) / must if must else 100.0,
        titles_right=100 * sum(s.title_right for s in titled) / len(titled) if titled else None,
        crashes=sum(bool(s.crash) for s in scores),
        pinyin_left=sum(len(s.pinyin) for s in scores),
    )


CHROME_WORDS = ("贷款", "来源", "广告", "评论", "下载")


def chrome_words(entry: dict) -> list[str]:
    """A gold entry's chrome words: its list, or `true` for the usual five."""
    words = entry.get("chrome_words") or []
    return list(CHROME_WORDS) if words is True else words


def chrome_word_prose(entries: list[dict], scores: list[PageScore]) -> tuple[int, int]:
    """Fragments of essay prose that contain chrome vocabulary (贷款, 来源, 广告, 评论, 下载): kept, total."""
    kept = total = 0
    for entry, s in zip(entries, scores):
        for snippet in entry.get("must", []):
            if any(word in snippet for word in chrome_words(entry)):
                total += 1
                kept += f"missing {snippet}" not in s.failures
    return kept, total


def run(clean, entries: list[dict], real: Path = REAL) -> list[PageScore]:
    return [score(e, clean(real / e["file"])) for e in entries]


def pin(scores: list[PageScore], floor_file: Path = REAL / "floor.yaml") -> dict:
    """Raise the floors to today's test-half figures (with a little slack for the aggregates) and lower each
    page's allowed failed checks to today's; never the other way. A page new to the test half is pinned as it
    is today; when the half has grown, its totals are a figure of other pages, so the aggregate floors are
    set afresh from today's (the old pages' own checks still only ever shrink)."""
    test = [s for s in scores if s.half == "test"]
    now = figures(test)
    old = yaml.safe_load(floor_file.read_text(encoding="utf-8")) if floor_file.exists() else {}
    old_pages = old.get("pages", {})
    if {s.file for s in test} != set(old_pages):
        old = {"pages": old_pages}
    new = {
        "junk_left_max": min(old.get("junk_left_max", 100.0), math.ceil(now.junk_left * 10) / 10 + 0.5),
        "body_kept_min": max(old.get("body_kept_min", 0.0), math.floor(now.body_kept * 10) / 10 - 0.5),
        "titles_right_min": max(old.get("titles_right_min", 0.0), math.floor((now.titles_right or 0) * 10) / 10),
        "crashes_max": min(old.get("crashes_max", 10**6), now.crashes),
        "pinyin_left_max": min(old.get("pinyin_left_max", 10**6), now.pinyin_left),
        "pages": {s.file: sorted(set(s.failures) & set(old_pages.get(s.file, s.failures))) for s in test},
    }
    header = ("# Floors of bench/fidelity.py on the TEST half of tests/fixtures/real, checked by tests/test_fidelity.py.\n"
              "# pages: the checks each test page is still allowed to fail (missing/left SNIPPET, titles, crash,\n"
              "# pinyin); any other failed check fails the test. Tighten the floors when the cleaner gets better:\n"
              "# `python -m bench.fidelity --pin` only ever raises the figures and removes checks from the lists.\n"
              "# Never loosen them to make a change pass. Targets of issue 12: junk left <= 2%, body kept >= 99.5%,\n"
              "# titles right >= 95%, 0 crashes, 0 pinyin left.\n")
    floor_file.write_text(header + yaml.safe_dump(new, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return new


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--verbose", action="store_true", help="one line per page")
    parser.add_argument("--half", choices=HALVES, help="with --verbose: the lines of this half's pages only")
    parser.add_argument("--pin", action="store_true", help="raise the test-half floors to today's figures")
    parser.add_argument("--code", type=Path, help="a directory with the handbook package and rules/ to measure")
    args = parser.parse_args(argv)
    entries = load()
    started = time.perf_counter()
    clean = Cleaner(args.code)
    scores = run(clean, entries)
    seconds = time.perf_counter() - started
    base = run(baseline, entries)
    sites = {h: len({e["site"] for e in entries if e["half"] == h}) for h in HALVES}
    print("| half | pages | junk left | body kept | titles right | crashes | pinyin left |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: |")
    for half in HALVES:
        print(figures([s for s in scores if s.half == half]).row(f"{half} ({sites[half]} sites)"))
    for half in HALVES:
        print(figures([s for s in base if s.half == half]).row(f"{half}, no cleaning"))
    for half in HALVES:
        kept, total = chrome_word_prose(*zip(*[(e, s) for e, s in zip(entries, scores) if e["half"] == half]))
        print(f"{half}: prose with chrome words (贷款, 来源, 广告, 评论, 下载) kept: {kept} of {total} fragments")
    print(f"{len(entries)} pages cleaned in {seconds:.1f} s")
    if args.verbose:
        for s in scores:
            if args.half and s.half != args.half:
                continue
            mark = "ok" if not s.failures else f"{len(s.failures)} failed"
            print(f"{s.half:4} {s.file}: kept {s.kept}/{s.must}, left {s.left}/{s.must_not}, "
                  f"title {'right' if s.title_right else 'wrong' if s.title_scored else '—'}: {mark}"
                  + "".join(f"\n      {check}: {why}" for check, why in s.failures.items()))
    if args.pin:
        floors = pin(scores)
        print("floors:", {k: v for k, v in floors.items() if k != "pages"})
    return 0


if __name__ == "__main__":
    sys.exit(main())
