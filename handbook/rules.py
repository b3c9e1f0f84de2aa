"""The cleaner's rules: YAML files under rules/, loaded once and compiled."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from .maintext import Detector
from .model import HandbookError

SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when available: same result, faster
RULES_DIR = Path(__file__).resolve().parent.parent / "rules"
BOILER = "rules/boilerplate.yaml"


def load_yaml(path: Path):
    try:
        return yaml.load(path.read_text(encoding="utf-8"), Loader=SafeLoader)
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        where = f" line {mark.line + 1}" if mark else ""
        raise HandbookError(f"{path}:{where} is not valid YAML ({getattr(err, 'problem', err)})") from None
    except OSError as err:
        raise HandbookError(f"{path}: cannot be read ({err.strerror})") from None


@dataclass(frozen=True)
class Rule:
    """One pattern of a rule file, with where it is written, so that a decision can name it."""

    kind: str
    pattern: re.Pattern
    where: str  # e.g. "rules/boilerplate.yaml line_patterns.paywall[3]"


def _compile(patterns: dict[str, list[str]], where: str) -> list[Rule]:
    return [Rule(kind, re.compile(p), f"{where}.{kind}[{i}]")
            for kind, group in (patterns or {}).items() for i, p in enumerate(group)]


def _compile_list(patterns: list[str], kind: str, where: str) -> tuple[Rule, ...]:
    return tuple(Rule(kind, re.compile(p), f"{where}[{i}]") for i, p in enumerate(patterns))


@dataclass(frozen=True)
class SiteProfile:
    """Rules for one known site, applied on top of the generic ones."""

    key: str
    name: str
    domains: tuple[str, ...]
    signatures: tuple[str, ...]
    line_patterns: tuple[Rule, ...]

    def matches(self, site: str | None, address: str | None, text: str) -> bool:
        if site and site == self.name:
            return True
        if address and any(d in address for d in self.domains):
            return True
        head = text[:3000]
        return any(sig in head or sig in text[-3000:] for sig in self.signatures)


@dataclass(frozen=True)
class Rules:
    line_patterns: tuple[Rule, ...]
    inline_patterns: tuple[Rule, ...]
    teaser_headings: tuple[Rule, ...]
    chrome_sections: tuple[Rule, ...]
    field_codes: tuple[re.Pattern, ...]
    essay_markers: tuple[re.Pattern, ...]
    title_labels: tuple[re.Pattern, ...]
    title_junk: tuple[re.Pattern, ...]
    page_markers: tuple[Rule, ...]
    chunk_number: re.Pattern
    glued_essay_marker: re.Pattern
    heading_styles: tuple[tuple[str, re.Pattern], ...]
    heading_max_chars: int
    run_in_styles: tuple[str, ...]
    body_openers: tuple[str, ...]
    inline_enumerations: re.Pattern
    question_words: tuple[str, ...]
    zhu_words: tuple[str, ...]
    keep_chars: str
    radicals: dict
    roles: dict
    settings: dict
    maintext: Detector
    sites: tuple[SiteProfile, ...]
    fingerprint: str  # changes whenever any rule file changes

    def site_for(self, site: str | None, address: str | None, text: str) -> SiteProfile | None:
        return next((p for p in self.sites if p.matches(site, address, text)), None)


@lru_cache(maxsize=4)
def load_rules(rules_dir: Path = RULES_DIR) -> Rules:
    files = sorted(rules_dir.rglob("*.yaml"))
    digest = hashlib.sha256()
    for f in files:
        digest.update(f.relative_to(rules_dir).as_posix().encode() + b"\0" + f.read_bytes())
    boiler = load_yaml(rules_dir / "boilerplate.yaml")
    structure = load_yaml(rules_dir / "structure.yaml")
    script = load_yaml(rules_dir / "script.yaml")
    sites = []
    for f in sorted((rules_dir / "sites").glob("*.yaml")):
        data = load_yaml(f)
        sites.append(SiteProfile(
            key=f.stem,
            name=data["name"],
            domains=tuple(data.get("match", {}).get("domains", [])),
            signatures=tuple(data.get("match", {}).get("text", [])),
            line_patterns=tuple(_compile(data.get("line_patterns"), f"rules/sites/{f.name} line_patterns")),
        ))
    return Rules(
        line_patterns=tuple(_compile(boiler["line_patterns"], f"{BOILER} line_patterns")),
        inline_patterns=tuple(_compile(boiler["inline_patterns"], f"{BOILER} inline_patterns")),
        teaser_headings=_compile_list(boiler["teaser_headings"], "teaser", f"{BOILER} teaser_headings"),
        chrome_sections=_compile_list(boiler["chrome_sections"], "section", f"{BOILER} chrome_sections"),
        field_codes=tuple(re.compile(p) for p in boiler["field_codes"]),
        essay_markers=tuple(re.compile(p) for p in structure["essay_markers"]),
        title_labels=tuple(re.compile(p) for p in structure["title_labels"]),
        title_junk=tuple(re.compile(p) for p in structure["title_junk"]),
        page_markers=_compile_list(structure["page_markers"], "page-marker", "rules/structure.yaml page_markers"),
        chunk_number=re.compile(structure["chunk_number"], re.M),
        glued_essay_marker=re.compile(structure["glued_essay_marker"]),
        heading_styles=tuple((k, re.compile(v)) for k, v in structure["heading_styles"].items()),
        heading_max_chars=structure["heading_max_chars"],
        run_in_styles=tuple(structure["run_in_styles"]),
        body_openers=tuple(structure["body_openers"]),
        inline_enumerations=re.compile(structure["inline_enumerations"]),
        question_words=tuple(structure["question_words"]),
        zhu_words=tuple(script["zhu_words"]),
        keep_chars="".join(script.get("keep_chars", [])),
        radicals=dict(script.get("radicals", {})),
        roles=load_yaml(rules_dir / "roles.yaml"),
        settings=load_yaml(rules_dir / "settings.yaml"),
        maintext=Detector.from_yaml(load_yaml(rules_dir / "maintext.yaml")),
        sites=tuple(sites),
        fingerprint=digest.hexdigest()[:16],
    )
