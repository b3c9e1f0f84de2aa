"""Plain data classes the stages pass along: sources → pages → essays → chapters."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field


class HandbookError(Exception):
    """A problem with the inputs, reported as one line naming the file and the problem."""


@dataclass(frozen=True)
class EssayOverride:
    """Per-essay settings from the manifest. `match` is the title the cleaner finds, or "#2" for the
    second essay of the page (for an essay whose title the cleaner cannot find)."""

    match: str
    title: str | None = None
    slug: str | None = None
    role: str | None = None


@dataclass(frozen=True)
class SourceEntry:
    """One raw page in the manifest, with its provenance."""

    file: str  # path relative to the repository root, e.g. sources/raw/x.txt
    site: str | None = None
    address: str | None = None
    obtained: str | None = None
    essays: tuple[EssayOverride, ...] = ()


@dataclass(frozen=True)
class Correction:
    """A reviewed fix: replace `find` by `replace` in one source (optionally one essay)."""

    source: str
    find: str
    replace: str
    reason: str
    essay: str | None = None  # the essay's slug; None means "whichever essay contains it"
    index: int = 0  # position in the corrections file, for messages


@dataclass
class Dropped:
    """A piece of the raw page that is not essay text, and why: the stage that removed it and the rule
    (file and entry) or the score that decided."""

    kind: str
    text: str
    line: int = 0  # line of the page after page-level conversion, from 1; 0 when not one line
    stage: str = ""
    rule: str = ""
    fragment: bool = False  # cut from inside a line that otherwise stays


@dataclass
class Essay:
    """One essay found on a page, as paragraphs of clean text."""

    title: str
    paragraphs: list[str]
    notes: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    corrections: list[Correction] = field(default_factory=list)
    role: str | None = None
    slug: str = ""
    markdown: str = ""


@dataclass
class CleanPage:
    """The result of cleaning one raw page."""

    source: str
    essays: list[Essay]
    dropped: list[Dropped] = field(default_factory=list)  # in page order
    steps: Counter = field(default_factory=Counter)
    lines: list[str] = field(default_factory=list)  # the page after page-level conversion, for --explain
    kept: dict[int, str] = field(default_factory=dict)  # line → why it stayed


@dataclass(frozen=True)
class Chapter:
    """An essay ready to be written: where it goes and what it says."""

    path: str  # relative to docs/
    source_file: str  # the raw page it comes from
    title: str
    role: str
    role_slug: str
    slug: str
    order: int
    text: str  # the whole file: front matter and Markdown
    characters: int
    reading_minutes: int
