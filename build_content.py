#!/usr/bin/env python3
"""Build the handbook's chapters: sources/ (raw pages, manifest, corrections) → docs/.

    python build_content.py                 build docs/ and print a per-source report
    python build_content.py --check         exit 1 if docs/ is out of step with sources/
    python build_content.py clean FILE      clean one raw file, print its essays (--json for JSON)
"""

import sys

from handbook.cli import main

if __name__ == "__main__":
    sys.exit(main())
