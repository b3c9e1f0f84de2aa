"""python -m handbook.pdf SITE_DIR: write the chapter PDFs and the whole-handbook PDF into SITE_DIR/pdf/."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .build import build_pdfs
from .chapters import ChapterError
from .fonts import FONT_ENV, FontMissingError


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m handbook.pdf", description=__doc__)
    ap.add_argument("site_dir", nargs="?", default="site", help="site directory to write pdf/ into (default: site)")
    ap.add_argument("--docs", default="docs", help="chapters directory (default: docs)")
    ap.add_argument("--cache", default=None, help="PDF cache directory (default: build/pdf-cache beside docs/)")
    ap.add_argument("--font", default=None, help=f"CJK font file (default: ${FONT_ENV}, else the font package)")
    ap.add_argument("--no-cache", action="store_true", help="render every PDF even if a cached one matches")
    ap.add_argument("--no-book", action="store_true", help="only the chapter PDFs")
    ap.add_argument("--jobs", type=int, default=None, help="parallel render processes (default: 2)")
    ap.add_argument("-q", "--quiet", action="store_true")
    args = ap.parse_args(argv)
    log = (lambda m: None) if args.quiet else (lambda m: print(m, file=sys.stderr))
    try:
        result = build_pdfs(Path(args.docs), Path(args.site_dir), cache_dir=args.cache, font=args.font,
                            use_cache=not args.no_cache, book=not args.no_book, jobs=args.jobs, log=log)
    except FontMissingError as exc:
        print(f"error: PDF step failed: {exc}", file=sys.stderr)
        return 2
    except ChapterError as exc:
        print(f"error: PDF step failed: {exc}", file=sys.stderr)
        return 1
    if not result.chapters:
        print(f"warning: no chapters found in {args.docs}", file=sys.stderr)
    log(result.summary())
    return 0


if __name__ == "__main__":
    sys.exit(main())
