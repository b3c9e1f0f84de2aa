"""MkDocs hook: take out the indentation and blank lines that the theme's templates leave in a page.

Material's navigation templates write whitespace for every navigation item they look at, shown or
pruned: in a handbook of 1,000 chapters that was a third of each chapter page, and it grew with the
handbook. A run of whitespace that starts a line becomes a single line break. It is whitespace
either way, so the page renders the same; inside <pre>, <textarea> and <script>, where whitespace
can be content, nothing changes.
"""

from __future__ import annotations

import re

KEPT_OR_INDENT = re.compile(r"(<(pre|textarea|script)\b.*?</\2\s*>)|\n\s+", re.S | re.I)


def compact(html: str) -> str:
    return KEPT_OR_INDENT.sub(lambda m: m.group(1) or "\n", html)


def on_post_page(output: str, page, config) -> str:
    return compact(output)
