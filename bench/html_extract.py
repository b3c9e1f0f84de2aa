"""Which main-content extractor should run on .html sources before the text rules: trafilatura or
readability-lxml (or only the built-in tag stripper)? Each is run on real saved pages
(bench/html_pages.yaml), the cleaner runs on what it gives, and the result is scored as bench/fidelity.py
does: body kept (% of must-keep fragments present), junk left (% of must-go strings still there), pages
that get a title, seconds for extraction and cleaning.

    python -m bench.html_extract DIR     DIR holds the pages named in bench/html_pages.yaml
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import yaml

from bench.fidelity import normalise, plain
from handbook import read
from handbook.pipeline import clean_page
from handbook.rules import load_rules

ROOT = Path(__file__).resolve().parent.parent


def builtin(html: str) -> str:
    return read.html_to_text(html)


def with_trafilatura(html: str) -> str:
    import trafilatura  # not a dependency of the handbook: `pip install trafilatura==2.3.1` to compare

    doc = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False, include_tables=True)
    if doc is None:
        return builtin(html)
    return f"{doc.title or ''}\n\n{doc.text or ''}\n"


EXTRACTORS = {"built-in only": builtin, "trafilatura": with_trafilatura,
              "readability-lxml (as read.main_content runs it)": read.main_content}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("pages", type=Path)
    args = parser.parse_args()
    gold = yaml.safe_load((ROOT / "bench" / "html_pages.yaml").read_text(encoding="utf-8"))
    rules = load_rules()
    print("| extractor | pages | body kept | junk left | pages with a title | seconds |\n"
          "| --- | ---: | ---: | ---: | ---: | ---: |")
    for name, extract in EXTRACTORS.items():
        try:
            extract("<html><body><p>试</p></body></html>")
        except ImportError as err:
            print(f"| {name} | not installed ({err.name}) | | | |")
            continue
        kept = must = left = must_not = titled = 0
        started = time.perf_counter()
        for entry in gold:
            html, _ = read.decode((args.pages / entry["file"]).read_bytes(), entry["file"])
            page = clean_page(extract(read.normalise_newlines(html)), entry["file"], rules)
            text = normalise("\n".join(plain(e.markdown) for e in page.essays))
            titled += bool(page.essays and page.essays[0].title)
            kept += sum(1 for s in entry["must"] if normalise(s) in text)
            left += sum(1 for s in entry["must_not"] if normalise(s) in text)
            must += len(entry["must"])
            must_not += len(entry["must_not"])
        seconds = time.perf_counter() - started
        print(f"| {name} | {len(gold)} | {kept / must:.1%} | {left / must_not:.1%} | {titled} | {seconds:.2f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
