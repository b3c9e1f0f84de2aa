"""Command line: build (default), --check, and `clean FILE [--json | --explain]`."""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

from . import read, report, write
from .build import Paths, plan
from .model import HandbookError
from .pipeline import clean_page, corrections_for
from .roles import role_names
from .rules import load_rules
from .sources import load_corrections, load_manifest

ROOT = Path(__file__).resolve().parent.parent


def build(paths: Paths, workers: int) -> int:
    result = plan(paths, workers=workers)
    changed = write.write(paths.docs, result.files)
    paths.build.mkdir(exist_ok=True)
    (paths.build / "report.json").write_text(report.to_json(result.pages), encoding="utf-8")
    print(report.table(result.pages))
    print(f"{len(result.chapters)} chapters; {len(changed)} files changed in docs/; report: build/report.json")
    return 0


def check(paths: Paths, workers: int) -> int:
    result = plan(paths, workers=workers)
    problems = write.differences(paths.docs, result.files)
    if not problems:
        print("docs/ is in step with sources/")
        return 0
    print("docs/ is out of step with sources/ — run `python build_content.py`:")
    for rel, problem in problems:
        print(f"  docs/{rel}: {problem}")
        if problem == "changed":
            edited = (paths.docs / rel).read_text(encoding="utf-8")
            print(f"    docs/{rel} is generated: do not edit it by hand. Fix the text in sources/corrections.yaml"
                  f" (a find/replace entry with a reason), or the essay's entry in sources/manifest.yaml.")
            source = next((c.source_file for c in result.chapters if c.path == rel), "<source>")
            suggestion = write.suggest_correction(result.files[rel], edited, source)
            if suggestion:
                print("    An entry that makes your change:\n" + "\n".join("      " + l for l in suggestion.splitlines()))
    return 1


def clean(paths: Paths, file: str, as_json: bool, explain: bool = False) -> int:
    rules = load_rules()
    target = Path(file)
    text = read.read_source(target, rules.settings["max_source_bytes"], file)
    overrides, corrections, site_name, address, source_name = (), [], None, None, file
    if paths.manifest.exists():
        manifest = load_manifest(paths.manifest, paths.root, role_names(rules.roles))
        entry = next((e for e in manifest if (paths.root / e.file).resolve() == target.resolve()), None)
        if entry:
            overrides, site_name, address, source_name = entry.essays, entry.site, entry.address, entry.file
            corrections = corrections_for(entry.file, load_corrections(paths.corrections, paths.root))
    site = rules.site_for(site_name, address, text)
    page = clean_page(text, source_name, rules, site, overrides, corrections)
    if as_json:
        print(json.dumps({
            "source": page.source,
            "essays": [{"title": e.title, "role": e.role, "slug": e.slug, "markdown": e.markdown,
                        "notes": e.notes, "warnings": e.warnings} for e in page.essays],
            "dropped": [report.dropped_record(d) for d in page.dropped],
            "lines": report.line_records(page),
            "steps": dict(sorted(page.steps.items())),
        }, ensure_ascii=False))
    elif explain:
        print(report.explain(page))
    else:
        for e in page.essays:
            print(f"<!-- role: {e.role or '未定'} · slug: {e.slug} -->\n{e.markdown}")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="build_content.py", description="Build the handbook's chapters from sources/.")
    parser.add_argument("--check", action="store_true", help="exit 1 if docs/ is out of step with sources/")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1,
                        help="processes that clean sources in parallel (default: one per core; 1 turns it off)")
    parser.add_argument("--root", default=str(ROOT), help=argparse.SUPPRESS)
    sub = parser.add_subparsers(dest="command")
    clean_cmd = sub.add_parser("clean", help="clean one raw file and print its essays (docs/ untouched)")
    clean_cmd.add_argument("file")
    clean_cmd.add_argument("--json", action="store_true", help="print one JSON object")
    clean_cmd.add_argument("--explain", action="store_true",
                           help="print every line of the page, kept or dropped, with the stage and the rule or score")
    args = parser.parse_args(argv)
    paths = Paths(Path(args.root).resolve())
    try:
        if args.command == "clean":
            return clean(paths, args.file, args.json, args.explain)
        return check(paths, args.jobs) if args.check else build(paths, args.jobs)
    except HandbookError as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("error: interrupted; docs/ is as it was", file=sys.stderr)
        return 130
