"""Command line: build (default), --check, and `clean FILE [--json | --explain]`."""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

from . import read, redirects, report, write
from .build import Paths, plan
from .contract import split_front_matter
from .model import NO_ROLE, HandbookError
from .pipeline import clean_page, corrections_for
from .roles import role_names
from .rules import load_rules
from .sources import load_corrections, load_manifest

ROOT = Path(__file__).resolve().parent.parent


def _hand_edits(paths: Paths, result, problems) -> list[str]:
    """For each generated chapter edited by hand: what happens to the edit and the corrections entry,
    indented for sources/corrections.yaml, that keeps it."""
    out = []
    for rel, problem in problems:
        if problem != "changed":
            continue
        chapter = next((c for c in result.chapters if c.path == rel), None)
        edited = (paths.docs / rel).read_text(encoding="utf-8")
        suggestion = chapter and write.suggest_correction(result.files[rel], edited, chapter.source_file, chapter.slug)
        if suggestion:
            out.append(f"docs/{rel} was edited by hand. It is generated from {chapter.source_file}: building "
                       f"(`python build_content.py`) replaces it, and the edit is lost. To keep the edit, add this "
                       f"entry under `corrections:` in sources/corrections.yaml, write the reason, then build:\n\n"
                       f"{suggestion}\n")
        else:
            out.append(f"docs/{rel} was edited by hand. It is generated: building replaces it, and the edit is lost. "
                       "Make the change in sources/manifest.yaml (title, slug, role) or sources/corrections.yaml "
                       "(the text), then build.")
    return out


def _unlisted(result) -> list[str]:
    return [f"{f} is not listed in sources/manifest.yaml, so no chapter is made from it: add an entry under "
            f"`sources:` (see CONTRIBUTING.md, example 2), or delete the file" for f in result.unlisted]


def _leaving_chapters(docs, files: dict[str, str]) -> list:
    """The generated chapters of docs/ that the build is about to remove (only these are read)."""
    out = []
    for rel, content in write.docs_files(docs).items():
        if rel.endswith(".md") and rel not in files and write.is_generated(content):
            meta, _ = split_front_matter(content.decode("utf-8"))
            source = meta.get("source") or {}
            if meta.get("role_slug") and meta.get("slug") and isinstance(source, dict):
                out.append(redirects.ChapterAddress(f"{meta['role_slug']}/{meta['slug']}", str(source.get("file")),
                                                    str(meta.get("title"))))
    return out


def build(paths: Paths, workers: int) -> int:
    with write.build_lock(paths.build):
        result = plan(paths, workers=workers)
        for message in _hand_edits(paths, result, write.differences(paths.docs, result.files)) + _unlisted(result):
            print(f"warning: {message}", file=sys.stderr)
        old = redirects.load(paths.redirects)
        before = _leaving_chapters(paths.docs, result.files)
        changed = write.write(paths.docs, result.files)
        after = [redirects.ChapterAddress(f"{c.role_slug}/{c.slug}", c.source_file, c.title) for c in result.chapters]
        kept = redirects.update(old, before, after)
        if kept != old:
            paths.redirects.write_text(redirects.dump(kept), encoding="utf-8")
            print(f"sources/redirects.yaml: {len(kept)} old addresses lead to their new pages (commit it with the change)")
        (paths.build / "report.json").write_text(report.to_json(result.pages), encoding="utf-8")
    print(report.table(result.pages))
    print(f"{len(result.chapters)} chapters; {len(changed)} files changed in docs/; report: build/report.json")
    return 0


def check(paths: Paths, workers: int) -> int:
    with write.build_lock(paths.build):  # not while a build swaps docs/
        result = plan(paths, workers=workers)
        problems = write.differences(paths.docs, result.files)
    unlisted = _unlisted(result)
    if not problems and not unlisted:
        print("docs/ is in step with sources/")
        return 0
    for message in unlisted:
        print(message)
    edits = _hand_edits(paths, result, problems)
    for message in edits:
        print(message)
    others = [(rel, problem) for rel, problem in problems if problem != "changed"]
    if others:
        print("docs/ is out of step with sources/: run `python build_content.py` to bring it in step:")
        for rel, problem in others:
            print(f"  docs/{rel}: {problem}")
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
        print(json.dumps({**report.page_report(page, markdown=True), "lines": report.line_records(page)},
                         ensure_ascii=False))
    elif explain:
        print(report.explain(page))
    else:
        for e in page.essays:
            print(f"<!-- role: {e.role or '未定'} · slug: {e.slug} -->\n{e.markdown}")
    problems = _clean_problems(page, source_name)
    for problem in problems:
        print(f"warning: {problem}", file=sys.stderr)
    return 1 if problems else 0


def _clean_problems(page, source: str) -> list[str]:
    """Why (part of) a page cannot become a chapter as it stands, and what to add to the manifest."""
    if not page.essays:
        return [f"{source}: no essay found (everything was dropped as page chrome; see `--json`, 'dropped')"]
    out = []
    for position, e in enumerate(page.essays, 1):
        name = repr(e.title) if e.title else f"#{position}"
        for w in e.warnings:
            hint = (f": essays: [{{match: {e.title or repr('#' + str(position))}, role: 书记|镇长|组工干部}}]"
                    if w.kind == NO_ROLE else "")
            out.append(f"{source}: essay {name}: {w.message}{hint}")
    return out


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
    except OSError as err:  # a read-only or full disk, a file that vanished: docs/ is as it was
        where = err.filename or args.root
        print(f"error: {where}: {err.strerror or err}; docs/ is as it was", file=sys.stderr)
        return 2
    except UnicodeDecodeError as err:
        print(f"error: a file is not UTF-8 text ({err.reason} at byte {err.start}); save it as UTF-8", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("error: interrupted; docs/ is as it was", file=sys.stderr)
        return 130
