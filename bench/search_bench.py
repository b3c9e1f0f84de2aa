"""Search benchmark: handbooks of N chapters of real-text sentences (bench/corpus.py
make_real_text_repo), built by the project, searched in Chromium; today's search beside the baseline,
measured in the same run on the same chapters.

    python -m bench.search_bench [--sizes 100,1000] [--baseline-max 1000]

The baseline is the search as it was before Pagefind (commit BASELINE: Material's search plugin writes
one jieba-segmented index that the browser loads whole; the handbook's worker searches it), built
from that commit's mkdocs.yml, overrides, hooks and rules on the same docs/. Both sites are served
on 127.0.0.1 with gzip for HTML, CSS, JS and JSON, as a static host does. Per site:

- site build (s) and, of it, the search index build (bench/index_timer.py);
- bytes the browser received (Chromium's network log: encoded body sizes) for the page view of a
  chapter, for the first query (every search file fetched from opening the page until its results are
  drawn: today's index is fetched with the page) and for a second query;
- keystroke to results drawn (ms): the first query, and the median and worst over the query set
  (tests/site/search/queries.yaml) typed one after the other;
- peak JS heap (MB) of the page and the search worker together, over the query set.
"""

from __future__ import annotations

import argparse
import gzip
import io
import json
import re
import statistics
import subprocess
import sys
import tarfile
import time
from pathlib import Path

from bench.corpus import make_real_text_repo
from tests.site.helpers import CHROMIUM, CHROMIUM_ARGS, QuietHandler, empty_search_box, serve
from tests.site.search.quality import load_queries

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out"
PY = sys.executable
BASELINE = "3a694ed6dcc5"  # the last commit with Material's index and the whole-index worker
BASELINE_PARTS = ("mkdocs.yml", "overrides", "hooks", "rules", "handbook")
TIMER = ROOT / "bench" / "index_timer.py"
FIRST, SECOND = "人民群众", "招商引资 新农村"
SEARCH_FILE = re.compile(r"/(search/|pagefind/|assets/javascripts/phrase-search\.js)")
COMPRESSED = (".html", ".css", ".js", ".json", ".xml", ".svg")


class GzipHandler(QuietHandler):
    """A static host: text files gzipped when the browser accepts it; Pagefind's files are gzipped
    already and go as they are."""

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if (path.suffix not in COMPRESSED or not path.is_file()
                or "gzip" not in self.headers.get("Accept-Encoding", "")):
            return super().send_head()
        body = gzip.compress(path.read_bytes(), 6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)


def build(repo: Path, config: Path, site: Path) -> tuple[float, float]:
    """(site build s, of it the search index s)."""
    start = time.perf_counter()
    proc = subprocess.run([PY, "-m", "mkdocs", "build", "-q", "-f", str(config), "-d", str(site)],
                          cwd=repo, capture_output=True, text=True)
    seconds = time.perf_counter() - start
    if proc.returncode != 0:
        raise SystemExit(f"bench: mkdocs build -f {config} failed:\n{proc.stderr[-2000:]}")
    index = re.search(r"search index build: ([\d.]+) s", proc.stderr)
    return seconds, float(index.group(1)) if index else float("nan")


def configs(repo: Path) -> tuple[Path, Path]:
    """mkdocs.yml of today (no PDFs, index timer) and of the baseline commit, whose overrides, hooks
    and rules are put in baseline/."""
    hooks = f"  - {TIMER}\n"
    ours = (repo / "mkdocs.yml").read_text(encoding="utf-8").replace("  - hooks/pdf.py\n", hooks)
    (repo / "mkdocs-bench.yml").write_text(ours, encoding="utf-8")
    archive = subprocess.run(["git", "archive", BASELINE, *BASELINE_PARTS], cwd=ROOT, capture_output=True, check=True)
    base = repo / "baseline"
    with tarfile.open(fileobj=io.BytesIO(archive.stdout)) as tar:
        tar.extractall(base)
    text = (base / "mkdocs.yml").read_text(encoding="utf-8").replace("  - hooks/pdf.py\n", hooks)
    for path in ("overrides", "hooks/", "rules/"):
        text = re.sub(rf"(: |- ){path}", rf"\1baseline/{path}", text)
    (repo / "mkdocs-baseline.yml").write_text(text, encoding="utf-8")
    return repo / "mkdocs-bench.yml", repo / "mkdocs-baseline.yml"


class Heap:
    """JS heap of the page and of its search worker (Chrome DevTools protocol)."""

    def __init__(self, browser, context, page):
        self.page = context.new_cdp_session(page)
        self.browser = browser.new_browser_cdp_session()
        self.replies: dict[int, dict] = {}
        self.browser.on("Target.receivedMessageFromTarget", self._reply)
        self.worker = None
        self.next_id = 1
        self.peak = 0.0

    def _reply(self, event):
        message = json.loads(event["message"])
        if "id" in message:
            self.replies[message["id"]] = message.get("result", {})

    def _worker_heap(self, page) -> float:
        if self.worker is None:
            targets = self.browser.send("Target.getTargets")["targetInfos"]
            worker = next((t for t in targets if t["type"] == "worker"), None)
            if worker is None:
                return 0.0
            self.worker = self.browser.send("Target.attachToTarget", {"targetId": worker["targetId"],
                                                                      "flatten": False})["sessionId"]
        self.next_id += 1
        ask = self.next_id
        self.browser.send("Target.sendMessageToTarget", {"sessionId": self.worker, "message": json.dumps(
            {"id": ask, "method": "Runtime.getHeapUsage"})})
        for _ in range(100):
            if ask in self.replies:
                return used(self.replies.pop(ask))
            page.wait_for_timeout(20)
        return 0.0

    def sample(self, page) -> None:
        total = used(self.page.send("Runtime.getHeapUsage")) + self._worker_heap(page)
        self.peak = max(self.peak, total)


def used(heap: dict) -> float:
    return (heap.get("usedSize", 0) + heap.get("backingStorageSize", 0)) / 1e6


def transferred(requests, search_only: bool) -> int:
    total = 0
    for r in requests:
        if search_only != bool(SEARCH_FILE.search(r.url)):
            continue
        response = r.response()
        size = r.sizes()["responseBodySize"] or int((response.headers if response else {}).get("content-length", 0))
        total += size
    return total


def keystroke_to_results(page, term: str) -> tuple[float, float]:
    """Type `term` into the open search box: (ms from the input event to the results drawn, the time
    they were drawn in ms since the epoch)."""
    box = empty_search_box(page)
    page.evaluate("""() => {
        const box = document.querySelector('input.md-search__input');
        const meta = document.querySelector('.md-search-result__meta');
        window.__hbTime = { start: null, end: null };
        box.addEventListener('input', () => { window.__hbTime.start ??= performance.now(); }, { once: true });
        new MutationObserver((_, observer) => {
            if (window.__hbTime.start !== null && /结果/.test(meta.textContent)) {
                window.__hbTime.end = performance.now();
                observer.disconnect();
            }
        }).observe(document.querySelector('.md-search-result'), { childList: true, subtree: true, characterData: true });
    }""")
    box.fill(term)
    box.press("End")  # Material reads the query on key events
    page.wait_for_function("window.__hbTime.end !== null")
    t = page.evaluate("[window.__hbTime.start, window.__hbTime.end, performance.timeOrigin]")
    return t[1] - t[0], t[2] + t[1]


def last_byte(requests) -> float:
    """When the last of these requests' responses ended, in ms since the epoch."""
    return max(r.timing["startTime"] + r.timing["responseEnd"] for r in requests)


def measure_site(browser, site: Path, chapter: str) -> dict:
    with serve(site, GzipHandler) as base:
        context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="zh-CN")
        requests = []
        context.on("requestfinished", lambda r: requests.append(r))
        page = context.new_page()
        page.set_default_timeout(120_000)
        heap = Heap(browser, context, page)
        page.goto(base + chapter, wait_until="load")
        page.wait_for_timeout(1000)
        view = transferred(requests, search_only=False)
        page.locator("label.md-search__icon, .md-search__input").first.click()
        page.wait_for_function("() => (document.querySelector('.md-search-result__meta') || {}).textContent"
                               "?.includes('键入以开始搜索')", timeout=600_000)
        first_ms, drawn = keystroke_to_results(page, FIRST)
        first = transferred(requests, search_only=True)
        # today's index arrives with the page: then the whole time from the keystroke is after the data
        after_data = min(first_ms, drawn - last_byte(r for r in requests if SEARCH_FILE.search(r.url)))
        seen = len(requests)
        heap.sample(page)
        second_ms, _ = keystroke_to_results(page, SECOND)
        second = transferred(requests[seen:], search_only=True)
        times = []
        for _, q in load_queries():
            times.append(keystroke_to_results(page, q)[0])
            heap.sample(page)
        outside = [r.url for r in requests if not r.url.startswith(base)]
        context.close()
    return {"page view (KB)": view / 1024, "first query (KB)": first / 1024, "second query (KB)": second / 1024,
            "first query (ms)": first_ms, "first query, after its last byte (ms)": after_data,
            "second query (ms)": second_ms,
            "query set median (ms)": statistics.median(times), "query set worst (ms)": max(times),
            "peak JS heap, page + worker (MB)": heap.peak, "requests outside the site": len(outside)}


def run_size(browser, chapters: int, baseline: bool) -> dict:
    repo = make_real_text_repo(OUT / f"search-{chapters}", chapters)
    subprocess.run([PY, "build_content.py", "--root", str(repo)], cwd=repo, check=True, capture_output=True)
    ours_config, base_config = configs(repo)
    chapter = sorted(p for p in (repo / "docs").glob("*/*.md") if p.name != "index.md")[0]
    chapter_url = chapter.relative_to(repo / "docs").with_suffix("").as_posix() + "/"
    site = repo / "site"
    result = {"chapters": chapters}
    seconds, index = build(repo, ours_config, site)
    pagefind = sum(f.stat().st_size for f in (site / "pagefind").rglob("*") if f.is_file())
    result["ours"] = {"site build (s)": seconds, "index build (s)": index, "index on disk (MB)": pagefind / 1e6,
                      **measure_site(browser, site, chapter_url)}
    if baseline:
        site = repo / "site-baseline"
        seconds, index = build(repo, base_config, site)
        size = (site / "search" / "search_index.json").stat().st_size
        result["baseline"] = {"site build (s)": seconds, "index build (s)": index, "index on disk (MB)": size / 1e6,
                              **measure_site(browser, site, chapter_url)}
    return result


def main() -> None:
    from playwright.sync_api import sync_playwright

    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="100")
    parser.add_argument("--baseline-max", type=int, default=1000,
                        help="measure the baseline only up to this N (its index is loaded whole)")
    args = parser.parse_args()
    results = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for n in map(int, args.sizes.split(",")):
            results.append(run_size(browser, n, n <= args.baseline_max))
            print(json.dumps(results[-1], ensure_ascii=False), file=sys.stderr, flush=True)
        browser.close()
    keys = list(results[0]["ours"])
    print(f"{'figure':36} " + " ".join(f"{'N=' + str(r['chapters']) + ' ours':>14} {'baseline':>10}" for r in results))
    for key in keys:
        cells = []
        for r in results:
            base = r.get("baseline", {}).get(key)
            cells.append(f"{r['ours'][key]:>14.1f} {('—' if base is None else f'{base:.1f}'):>10}")
        print(f"{key:36} " + " ".join(cells))
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "search-results.json").write_text(json.dumps(results, indent=1, ensure_ascii=False), encoding="utf-8")


if __name__ == "__main__":
    main()
