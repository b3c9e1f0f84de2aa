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
    where: str = ""  # "sources/manifest.yaml: sources[0].essays[1]", for messages


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


# What an essay's warnings are about: the build stops on either (build.plan)
NO_TITLE = "no_title"
NO_ROLE = "no_role"


@dataclass(frozen=True)
class EssayWarning:
    """Something the cleaner could not decide about an essay, for the maintainer to settle."""

    kind: str  # NO_TITLE or NO_ROLE
    message: str


@dataclass(frozen=True)
class Essay:
    """One essay found on a page, cleaned: its paragraphs, what the editors say about them, and its
    place in the handbook. Built once, by the last stage of the pipeline, which knows every field."""

    title: str
    paragraphs: list[str]
    notes: list[str]
    warnings: tuple[EssayWarning, ...]
    corrections: list[Correction]
    role: str | None
    slug: str
    markdown: str

    def warning(self, kind: str) -> EssayWarning | None:
        return next((w for w in self.warnings if w.kind == kind), None)


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
