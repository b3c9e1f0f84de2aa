"""Which main-content extractor should run on .html sources before the text rules: trafilatura or
readability-lxml (or only the built-in tag stripper)? Each is run on real saved pages
(bench/html_pages.yaml), the cleaner runs on what it gives, and the result is scored as bench/fidelity.py
scores the real-page corpus, dev and test half apart: body kept (% of must-keep fragments present), junk
left (% of must-go strings still there), titles right (pages with gold titles), pages that get a title,
seconds for extraction and cleaning.

    python -m bench.html_extract DIR     DIR holds the pages named in bench/html_pages.yaml
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import yaml

from bench.fidelity import HALVES, Cleaner, figures, score
from handbook import read

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
    parser.add_argument("pages", type=Path, help="a folder with the pages of bench/html_pages.yaml")
    args = parser.parse_args()
    gold = yaml.safe_load((ROOT / "bench" / "html_pages.yaml").read_text(encoding="utf-8"))
    groups = {f"{half} half": [(e, args.pages / e["file"]) for e in gold if e["half"] == half] for half in HALVES}
    cleaner = Cleaner()
    print("| extractor | pages | body kept | junk left | titles right | pages with a title | seconds |\n"
          "| --- | --- | ---: | ---: | ---: | ---: | ---: |")
    for name, extract in EXTRACTORS.items():
        try:
            extract("<html><body><p>试</p></body></html>")
        except ImportError as err:
            print(f"| {name} | not installed ({err.name}) | | | | | |")
            continue
        for group, pages in groups.items():
            started = time.perf_counter()
            scores, titled = [], 0
            for entry, path in pages:
                html, _ = read.decode(path.read_bytes(), entry["file"])
                cleaned = cleaner.clean(lambda: extract(read.normalise_newlines(html)), entry["file"])
                scores.append(score(entry, cleaned))
                titled += bool(cleaned.titles and cleaned.titles[0])
            seconds = time.perf_counter() - started
            f = figures(scores)
            titles = "—" if f.titles_right is None else f"{f.titles_right:.1f}%"
            print(f"| {name} | {group}: {f.pages} | {f.body_kept:.1f}% | {f.junk_left:.1f}% | {titles} | {titled} | "
                  f"{seconds:.2f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
