"""Benchmark: build a synthetic handbook of N pages and print one table of figures, each beside a
baseline measured in the same run (plain `mkdocs build` of the same chapters, flat nav, no extras).

    python -m bench.run [--sizes 10,100] [--runs 3]      (from the repository root, as every bench module)

Then the search quality of the real handbook (bench/search_quality.py).
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import shutil
import statistics
import subprocess
import sys
from pathlib import Path

from bench.corpus import make_repo
from bench.search_quality import report as search_quality

ROOT_DIR = Path(__file__).resolve().parent.parent
OUT = ROOT_DIR / "bench" / "out"
PY = sys.executable
MEASURE = ("import resource, subprocess, sys, time; t = time.perf_counter(); "
           "r = subprocess.run(sys.argv[1:], capture_output=True); "
           "print(time.perf_counter() - t, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, r.returncode)")


def measure(cmd: list[str], cwd: Path) -> tuple[float, float]:
    """(seconds, peak MB) of one command, in a fresh process so the peak is its own."""
    out = subprocess.run([PY, "-c", MEASURE, *cmd], cwd=cwd, capture_output=True, text=True, check=True).stdout.split()
    if out[2] != "0":
        raise SystemExit(f"bench: {' '.join(cmd)} failed in {cwd}")
    return float(out[0]), int(out[1]) / 1024


def config_without_pdfs(repo: Path) -> Path:
    """The project's mkdocs.yml with the PDF hook and the editions plugin left out: they are timed on their own."""
    text = (repo / "mkdocs.yml").read_text(encoding="utf-8").replace("  - hooks/pdf.py\n", "")
    text = text.replace("  - handbook/editions\n", "")
    path = repo / "mkdocs-nopdf.yml"
    path.write_text(text, encoding="utf-8")
    return path


def baseline_config(repo: Path) -> Path:
    """Plain MkDocs + Material, every chapter in one flat nav, no hooks, overrides or extra features."""
    chapters = sorted(p.relative_to(repo / "docs").as_posix() for p in (repo / "docs").glob("*/*.md"))
    nav = "\n".join(f"  - '{c}'" for c in chapters)
    path = repo / "mkdocs-baseline.yml"
    path.write_text(f"site_name: baseline\ntheme:\n  name: material\n  language: zh\nplugins:\n  - search\nnav:\n"
                    f"  - index.md\n{nav}\n", encoding="utf-8")
    return path


def page_weight(site: Path, page: Path) -> tuple[int, int]:
    """(raw bytes of the page HTML, gzipped bytes of HTML + the CSS and JS it loads)."""
    html = page.read_text(encoding="utf-8")
    total = len(gzip.compress(html.encode()))
    for ref in re.findall(r'(?:href|src)="([^"]+\.(?:css|js))"', html):
        asset = (page.parent / ref).resolve()
        if asset.is_file():
            total += len(gzip.compress(asset.read_bytes()))
    return len(html.encode()), total


def run_size(pages: int, runs: int, pdfs: bool) -> dict:
    repo = make_repo(OUT / str(pages), pages)
    build = [PY, "build_content.py", "--root", str(repo)]
    cold, memory = [], []
    for _ in range(runs):
        shutil.rmtree(repo / "build", ignore_errors=True)
        for f in (repo / "docs").glob("*/*.md"):
            f.unlink()
        seconds, peak = measure(build, repo)
        cold.append(seconds)
        memory.append(peak)
    changed = []
    source = repo / "sources" / "raw" / "page-0000.txt"
    original = source.read_text(encoding="utf-8")
    for adverb in ("切实", "进一步", "持续", "着力", "全面")[:runs]:
        # an editor's change inside an essay: one chapter of docs/ changes
        source.write_text(original.replace("要加强干部作风建设", f"要{adverb}加强干部作风建设", 1), encoding="utf-8")
        changed.append(measure(build, repo)[0])
    chapters = len(list((repo / "docs").glob("*/*.md"))) - 3  # less the role indexes
    site, base = repo / "site", repo / "site-baseline"
    site_t, base_t, site_mem, base_mem = [], [], [], []
    for _ in range(runs):
        t, m = measure([PY, "-m", "mkdocs", "build", "-q", "-f", str(config_without_pdfs(repo)), "-d", str(site)], repo)
        site_t.append(t), site_mem.append(m)
        t, m = measure([PY, "-m", "mkdocs", "build", "-q", "-f", str(baseline_config(repo)), "-d", str(base)], repo)
        base_t.append(t), base_mem.append(m)
    pdf_t = pdf_again = None
    if pdfs:
        pdf_cmd = [PY, "-m", "handbook.pdf", str(site), "--docs", str(repo / "docs"), "-q",
                   "--cache", str(repo / "build" / "pdf-cache")]
        shutil.rmtree(repo / "build" / "pdf-cache", ignore_errors=True)
        pdf_t, _ = measure(pdf_cmd, repo)
        pdf_again, _ = measure(pdf_cmd, repo)
    # the editions: EPUBs (cold, then from the cache), then the offline copy of the site as built so far
    epub_cmd = [PY, "-c", "import sys; from handbook.epub import build_epubs; build_epubs(*sys.argv[1:3], "
                "cache_dir=sys.argv[3])", str(repo / "docs"), str(site), str(repo / "build" / "epub-cache")]
    shutil.rmtree(repo / "build" / "epub-cache", ignore_errors=True)
    epub_t, _ = measure(epub_cmd, ROOT_DIR)
    epub_again, _ = measure(epub_cmd, ROOT_DIR)
    offline_t, offline_mem = measure([PY, "-c", "import sys; from handbook.offline import build_offline; "
                                      "build_offline(sys.argv[1])", str(site)], ROOT_DIR)
    epubs = sorted((site / "epub").glob("*.epub"))
    first = sorted(p for p in (repo / "docs").glob("*/*.md") if p.name != "index.md")[0]
    rel = first.relative_to(repo / "docs").with_suffix("")
    ours_raw, ours_gz = page_weight(site, site / rel / "index.html")
    base_page = base / rel / "index.html"
    base_raw, base_gz = page_weight(base, base_page)
    base_index = base / "search" / "search_index.json"
    size = lambda d: sum(f.stat().st_size for f in d.rglob("*") if f.is_file())
    return {
        "pages": pages, "chapters": chapters,
        "content cold (s)": (statistics.median(cold), None),
        "content, one source changed (s)": (statistics.median(changed), None),
        "content peak memory (MB)": (max(memory), None),
        "site build (s)": (statistics.median(site_t), statistics.median(base_t)),
        "site build peak memory (MB)": (max(site_mem), max(base_mem)),
        "PDFs, all chapters + book, cold (s)": (pdf_t, None),
        "PDF per chapter (s)": (pdf_t and pdf_t / max(1, chapters), None),
        "PDFs, nothing changed (s)": (pdf_again, None),
        "EPUBs, whole book + each role, cold (s)": (epub_t, None),
        "EPUBs, nothing changed (s)": (epub_again, None),
        "EPUB whole book (MB)": ((site / "epub" / "handbook.epub").stat().st_size / 1e6, None),
        "EPUBs, all (MB)": (sum(p.stat().st_size for p in epubs) / 1e6, None),
        "offline copy, build (s)": (offline_t, None),
        "offline copy, peak memory (MB)": (offline_mem, None),
        "offline copy zip (MB)": ((site / "offline" / "handbook-offline.zip").stat().st_size / 1e6, None),
        "site size, no PDFs/editions (MB)": ((size(site) - sum(size(site / d) for d in ("pdf", "epub", "offline")
                                                               if (site / d).exists())) / 1e6, size(base) / 1e6),
        "chapter page HTML (KB)": (ours_raw / 1024, base_raw / 1024),
        "chapter page transfer, gzip (KB)": (ours_gz / 1024, base_gz / 1024),
        # ours: Pagefind's chunks (gzipped already), of which a query loads a few (bench/search_bench.py)
        "search index (KB)": (size(site / "pagefind") / 1024, base_index.stat().st_size / 1024),
        "search index gzip (KB)": (None, len(gzip.compress(base_index.read_bytes())) / 1024),
    }


def large_file_memory() -> list[tuple[str, float, float]]:
    """Peak memory of `clean` on a 50 MB page (refused by the size limit before it is read) and on a
    page just under the limit (read and cleaned), beside the interpreter's own start-up."""
    OUT.mkdir(parents=True, exist_ok=True)
    line = "乡镇干部要深入村组农户，倾听群众呼声，帮助解决实际困难。\n\n"
    rows = [("python start-up", *measure([PY, "-c", "import handbook.pipeline"], ROOT_DIR))]
    for name, size in (("50 MB page (refused)", 50_000_000), ("19 MB page (cleaned)", 19_000_000)):
        path = OUT / f"{name.split()[0]}.txt"
        path.write_text(line * (size // len(line.encode())), encoding="utf-8")
        cmd = [PY, "-c", MEASURE.replace("r.returncode", "0"), PY, "build_content.py", "clean", str(path)]
        out = subprocess.run(cmd, cwd=ROOT_DIR, capture_output=True, text=True, check=True).stdout.split()
        rows.append((name, float(out[0]), int(out[1]) / 1024))
        path.unlink()
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="10,100")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--pdf-max", type=int, default=100,
                        help="time PDFs only up to this N (the time per chapter does not depend on N)")
    args = parser.parse_args()
    results = [run_size(int(n), args.runs, int(n) <= args.pdf_max) for n in args.sizes.split(",")]
    print(f"{'figure':40} " + " ".join(f"{'N=' + str(r['pages']) + ' ours':>14} {'baseline':>10}" for r in results))
    for key in results[0]:
        if key in ("pages", "chapters"):
            continue
        cells = []
        for r in results:
            ours, base = r[key]
            cells.append(f"{('—' if ours is None else f'{ours:.2f}'):>14} {('' if base is None else f'{base:.2f}'):>10}")
        print(f"{key:40} " + " ".join(cells))
    print("chapters: " + ", ".join(f"N={r['pages']}: {r['chapters']}" for r in results))
    print()
    for name, seconds, peak in large_file_memory():
        print(f"{name:40} {seconds:8.1f} s {peak:10.0f} MB peak")
    print("\nSearch quality of the real handbook (query set tests/site/search/queries.yaml, Chromium):")
    print(search_quality())
    (OUT / "results.json").write_text(json.dumps(results, indent=1, ensure_ascii=False), encoding="utf-8")


if __name__ == "__main__":
    main()
