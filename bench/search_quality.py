"""Search quality of the real handbook: builds the site, serves it, types every query of
tests/site/search/queries.yaml into the search box in Chromium and prints, per query, the chapters
that contain it, how many were found, the results and the wrong ones; then recall, precision and the
size of the search index.

    python -m bench.search_quality
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

from tests.site.helpers import CHROMIUM, CHROMIUM_ARGS, CONFIG, ROOT, serve
from tests.site.search.quality import evaluate, table


def report() -> str:
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp)
        subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(CONFIG), "-d", str(site)],
                       cwd=ROOT, check=True)
        with serve(site) as base, sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            outcomes = evaluate(browser.new_page(), base)
            browser.close()
        index = sum(f.stat().st_size for f in (site / "pagefind").rglob("*") if f.is_file())
    return table(outcomes) + f"\nsearch index (Pagefind, all chunks, gzipped already): {index / 1024:.0f} KB"


if __name__ == "__main__":
    print(report())
