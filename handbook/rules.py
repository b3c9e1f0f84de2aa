"""The cleaner's rules: YAML files under rules/, loaded once and compiled."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field, fields
from re import _constants as regex_ops, _parser as regex_parser  # the stdlib's own parser: see required_text
from functools import lru_cache
from pathlib import Path

import yaml

from .garble import PdfFont
from .maintext import Detector, DetectorSettings
from .model import HandbookError

SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when available: same result, faster
RULES_DIR = Path(__file__).resolve().parent.parent / "rules"


class UniqueKeyLoader(SafeLoader):
    """A mapping that names a key twice is an error: YAML would silently keep the last value."""

    def construct_mapping(self, node, deep=False):
        seen = set()
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=True)
            if key in seen:
                raise yaml.constructor.ConstructorError(None, None, f"duplicate key {key!r}", key_node.start_mark)
            seen.add(key)
        return super().construct_mapping(node, deep)


# Dates stay text ("2026-11-22"): the manifest checks them itself and names the entry, where YAML's
# own conversion would fail on 2026-13-45 with no line number.
UniqueKeyLoader.yaml_implicit_resolvers = {
    first: [(tag, regex) for tag, regex in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in SafeLoader.yaml_implicit_resolvers.items()}


def load_yaml(path: Path, name: str | None = None):
    """The data of a YAML file; every problem is a HandbookError naming the file (as `name`)."""
    path_name = name or str(path)
    try:
        return yaml.load(path.read_text(encoding="utf-8"), Loader=UniqueKeyLoader)
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        where = f" line {mark.line + 1}" if mark else ""
        raise HandbookError(f"{path_name}:{where} is not valid YAML ({getattr(err, 'problem', err)}){_likely_cause(err)}") from None
    except UnicodeDecodeError as err:
        raise HandbookError(f"{path_name}: is not UTF-8 text (byte {err.start:,}); save it as UTF-8") from None
    except ValueError as err:  # a value YAML parses but cannot build, e.g. the date 2026-13-45
        raise HandbookError(f"{path_name}: is not valid YAML ({err}; quote the value to keep it as text)") from None
    except OSError as err:
        raise HandbookError(f"{path_name}: cannot be read ({err.strerror})") from None


@dataclass(frozen=True)
class Rule:
    """One pattern of a rule file, with where it is written, so that a decision can name it."""

    kind: str
    pattern: re.Pattern
    where: str  # e.g. "rules/boilerplate.yaml line_patterns.paywall[3]"
    needs: tuple[tuple[str, ...], ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self):
        object.__setattr__(self, "needs", required_text(self.pattern))

    def may_match(self, text: str) -> bool:
        """False when the text lacks what every match contains: substring tests are far faster than a search
        that must try the pattern at every character (Python's re skips ahead only to a leading literal)."""
        for one_of in self.needs:  # plain loops: this runs for every rule on every page, generators cost more
            for literal in one_of:
                if literal in text:
                    break
            else:
                return False
        return True

    def remove(self, text: str) -> str:
        """The text without the rule's matches (not searched when it cannot match)."""
        return self.pattern.sub("", text) if self.may_match(text) else text


def required_text(pattern: re.Pattern) -> tuple[tuple[str, ...], ...]:
    """What every match of `pattern` contains, as sets of texts of which one must be there: ("体育",) for
    "(JN)?[…]{2}·?体育(官网|下载)", ("(", "（") for "[(（]…". Parts that can be skipped (an optional group, a
    negative lookaround) add nothing; a class of many characters and a branch with a bare alternative neither."""
    if pattern.flags & re.IGNORECASE:
        return ()
    return tuple(dict.fromkeys(_required(regex_parser.parse(pattern.pattern, pattern.flags))))


def _required(items) -> list[tuple[str, ...]]:
    needs: list[tuple[str, ...]] = []
    run = ""
    for op, arg in items:
        if op is regex_ops.LITERAL:
            run += chr(arg)
            continue
        if run:
            needs.append((run,))
            run = ""
        if op is regex_ops.SUBPATTERN and not arg[1] & re.IGNORECASE:  # (group, add flags, del flags, items)
            needs += _required(arg[3])
        elif op in (regex_ops.MAX_REPEAT, regex_ops.MIN_REPEAT) and arg[0] >= 1:  # (min, max, items)
            needs += _required(arg[2])
        elif op is regex_ops.ASSERT:  # a lookahead or lookbehind that must hold: (direction, items)
            needs += _required(arg[1])
        elif op is regex_ops.IN and len(arg) <= 8 and all(o is regex_ops.LITERAL for o, _ in arg):
            needs.append(tuple(chr(c) for _, c in arg))
        elif op is regex_ops.BRANCH:  # (None, [items, …]): each alternative's longest required text
            firsts = [max((n for n in _required(b) if len(n) == 1), key=lambda n: len(n[0]), default=None)
                      for b in arg[1]]
            if all(firsts):
                needs.append(tuple(n[0] for n in firsts))
    if run:
        needs.append((run,))
    return needs


class RuleFile:
    """One rules/*.yaml file, read with every problem named by file and entry."""

    def __init__(self, path: Path, rules_dir: Path):
        self.name = f"rules/{path.relative_to(rules_dir).as_posix()}"
        self.data = load_yaml(path, self.name)
        if not isinstance(self.data, dict):
            raise HandbookError(f"{self.name}: must be a mapping of rule names to rules")

    def get(self, key: str, kind: type | tuple[type, ...], default=None):
        if key not in self.data:
            if default is not None:
                return default
            raise HandbookError(f"{self.name}: missing key {key!r}")
        value = self.data[key]
        if not isinstance(value, kind) or isinstance(value, bool) and kind is int:
            raise HandbookError(f"{self.name}: {key} must be {_kind_name(kind)}, got {type(value).__name__}")
        return value

    def regex(self, pattern, where: str, flags: int = 0) -> re.Pattern:
        if not isinstance(pattern, str):
            raise HandbookError(f"{self.name}: {where} must be a regular expression in quotes, got {pattern!r}")
        try:
            return re.compile(pattern, flags)
        except re.error as err:
            raise HandbookError(f"{self.name}: {where}: bad regular expression {pattern!r} ({err})") from None

    def regexes(self, key: str) -> tuple[re.Pattern, ...]:
        """A list of patterns under `key`."""
        items = self.get(key, list)
        return tuple(self.regex(p, f"{key}[{i}]") for i, p in enumerate(items))

    def strings(self, key: str, default=None) -> tuple[str, ...]:
        """A list of texts under `key`."""
        return _texts(self.get(key, list, default), f"{self.name}: {key}")

    def text_mapping(self, key: str) -> dict[str, str]:
        """A mapping of texts to texts under `key` (empty when the file leaves it out)."""
        mapping = self.get(key, dict, {})
        for k, v in mapping.items():
            if not isinstance(k, str) or not isinstance(v, str):
                raise HandbookError(f"{self.name}: {key}: {k!r}: {v!r} must map text to text")
        return dict(mapping)

    def style_names(self, key: str, heading_styles: tuple[tuple[str, re.Pattern], ...]) -> tuple[str, ...]:
        """A list under `key` of names of heading styles (heading_styles)."""
        names = self.strings(key)
        known = [name for name, _ in heading_styles]
        for name in names:
            if name not in known:
                raise HandbookError(f"{self.name}: {key}: {name!r} is not one of heading_styles ({', '.join(known)})")
        return names

    def rules(self, key: str, kind: str) -> tuple[Rule, ...]:
        """A list of patterns under `key`, all of one kind, each naming where it is written."""
        return tuple(Rule(kind, self.regex(p, f"{key}[{i}]"), f"{self.name} {key}[{i}]")
                     for i, p in enumerate(self.get(key, list)))

    def grouped(self, key: str, default=None, flags: int = 0) -> tuple[Rule, ...]:
        """Named groups of patterns under `key`: {kind: [pattern, …]}, each naming where it is written."""
        out = []
        for kind, group in (self.get(key, dict, default) or {}).items():
            if not isinstance(group, list):
                raise HandbookError(f"{self.name}: {key}.{kind} must be a list of patterns")
            out += [Rule(kind, self.regex(p, f"{key}.{kind}[{i}]", flags), f"{self.name} {key}.{kind}[{i}]")
                    for i, p in enumerate(group)]
        return tuple(out)


def _kind_name(kind) -> str:
    names = {int: "a whole number", float: "a number", str: "text", list: "a list", dict: "a mapping"}
    kinds = kind if isinstance(kind, tuple) else (kind,)
    if set(kinds) == {int, float}:
        return "a number"
    return " or ".join(names.get(k, k.__name__) for k in kinds)


@dataclass(frozen=True)
class Settings:
    """rules/settings.yaml, typed: every key required, every value checked when the rules are loaded.
    The stages read it by key (settings["max_source_bytes"]), as they read the YAML mapping before."""

    chrome_max_line_chars: int
    chrome_max_line_sentences: int
    max_source_bytes: int
    max_chapter_chars: int
    chunk_min_run: int
    chunk_min_broken_ratio: float
    chunk_min_han: int
    lost_marker_min_han: int
    join_min_line_chars: int
    sentence_per_line_max_chars: int
    sentence_per_line_ratio: float
    dropped_stop_ratio: float
    reading_chars_per_minute: int
    title_max_chars: int
    teaser_max_han: int
    injected_digits: list
    injected_digits_min: int
    number_units: str

    def __getitem__(self, key: str):
        return getattr(self, key)

    @classmethod
    def load(cls, rule_file: RuleFile) -> "Settings":
        unknown = sorted(set(rule_file.data) - {f.name for f in fields(cls)})
        if unknown:
            raise HandbookError(f"{rule_file.name}: unknown key {unknown[0]!r}")
        return typed(cls, rule_file)


def typed(cls, rule_file: RuleFile):
    """An instance of the dataclass `cls` from the keys of `rule_file` that name its fields, each checked
    against the field's type (int, float, list of texts, str); a count of int type must be above 0."""
    values = {}
    for f in fields(cls):
        kind = {"int": int, "float": (int, float), "list": list, "str": str}[f.type]
        values[f.name] = rule_file.strings(f.name) if kind is list else rule_file.get(f.name, kind)
        if kind is int and values[f.name] <= 0:
            raise HandbookError(f"{rule_file.name}: {f.name} must be above 0")
    return cls(**values)


@dataclass(frozen=True)
class Role:
    """A role group of the handbook (rules/roles.yaml)."""

    name: str  # 书记
    slug: str  # shuji: the folder in docs/
    full_name: str  # 乡镇党委书记
    keywords: tuple[str, ...] = ()  # words that point to the role (handbook/roles.py)


ROLE_SLUG = re.compile(r"^[a-z0-9][a-z0-9-]*$")


@dataclass(frozen=True)
class RoleRules:
    """rules/roles.yaml, typed: the role groups in the handbook's order and how keywords decide between
    them, every value checked when the rules are loaded."""

    title_weight: int
    margin: float
    roles: tuple[Role, ...]

    @classmethod
    def load(cls, rule_file: RuleFile) -> "RoleRules":
        name = rule_file.name
        unknown = sorted(set(rule_file.data) - {"title_weight", "margin", "roles"})
        if unknown:
            raise HandbookError(f"{name}: unknown key {unknown[0]!r}")
        margin = rule_file.get("margin", (int, float))
        if not 0 <= margin < 1:
            raise HandbookError(f"{name}: margin must be at least 0 and below 1, got {margin}")
        entries = rule_file.get("roles", list)
        if len(entries) < 2:
            raise HandbookError(f"{name}: roles must list at least two roles (keywords decide between them)")
        roles = tuple(_role(entry, f"{name}: roles[{i}]") for i, entry in enumerate(entries))
        for field_name in ("name", "slug"):
            values = [getattr(r, field_name) for r in roles]
            twice = next((v for v in values if values.count(v) > 1), None)
            if twice:
                raise HandbookError(f"{name}: two roles have the {field_name} {twice!r}")
        return cls(rule_file.get("title_weight", int), float(margin), roles)


def _role(entry, where: str) -> Role:
    if not isinstance(entry, dict):
        raise HandbookError(f"{where} must be a mapping (name, slug, full_name, keywords)")
    unknown = sorted(set(entry) - {"name", "slug", "full_name", "keywords"})
    if unknown:
        raise HandbookError(f"{where}: unknown key {unknown[0]!r}")
    for key in ("name", "slug", "keywords"):
        if key not in entry:
            raise HandbookError(f"{where}: missing key {key!r}")
    texts = {k: entry[k] for k in ("name", "slug", "full_name") if k in entry}
    for key, value in texts.items():
        if not isinstance(value, str) or not value.strip():
            raise HandbookError(f"{where}: {key} must be text, got {value!r}")
    if not ROLE_SLUG.match(entry["slug"]):
        raise HandbookError(f"{where}: slug {entry['slug']!r} must be lower-case letters, digits and '-' (it is a folder of docs/)")
    keywords = entry["keywords"]
    if not isinstance(keywords, list) or not keywords or not all(isinstance(k, str) and k for k in keywords):
        raise HandbookError(f"{where}: keywords must be a list of words, got {keywords!r}")
    return Role(entry["name"], entry["slug"], entry.get("full_name") or entry["name"], tuple(keywords))


def _likely_cause(err: yaml.YAMLError) -> str:
    """What usually causes this YAML error in a hand-edited list, and how to fix it."""
    problem = f"{getattr(err, 'problem', '')} {getattr(err, 'context', '')}"
    if "\\t" in problem or "tab" in problem:
        return "; likely cause: a tab; indent with spaces"
    if "mapping values are not allowed" in problem:
        return ("; likely cause: indentation (a key indented differently from the keys above it: under "
                "corrections: an entry starts with two spaces and '- ', its other keys line up with the first "
                "key), or a ': ' inside a value (put the value in quotes)")
    if any(s in problem for s in ("expected <block end>", "expected '-'", "did not find expected", "could not find expected ':'")):
        return ("; likely cause: indentation: under corrections: or sources: an entry starts with two spaces "
                "and '- ', and its other keys line up with the first key (four spaces)")
    if "found character '%'" in problem or "found character '@'" in problem or "found unknown escape" in problem:
        return "; likely cause: a value that starts with a special character; put it in quotes"
    return ""



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


@dataclass(frozen=True, eq=False)  # one object per rules directory (load_rules): hashed by identity, for caches
class Rules:
    line_patterns: tuple[Rule, ...]
    inline_patterns: tuple[Rule, ...]
    teaser_headings: tuple[Rule, ...]
    chrome_sections: tuple[Rule, ...]
    field_codes: tuple[re.Pattern, ...]
    essay_markers: tuple[re.Pattern, ...]
    title_labels: tuple[Rule, ...]
    no_titles: tuple[re.Pattern, ...]
    title_junk: tuple[Rule, ...]
    page_markers: tuple[Rule, ...]
    chunk_number: re.Pattern
    glued_essay_marker: re.Pattern
    heading_styles: tuple[tuple[str, re.Pattern], ...]
    numbered_item: re.Pattern
    heading_max_chars: int
    run_in_styles: tuple[str, ...]
    inline_heading_styles: tuple[re.Pattern, ...]  # the patterns of the heading styles named there
    body_openers: tuple[str, ...]
    clause_goes_on: tuple[str, ...]
    inline_enumerations: re.Pattern
    question_words: tuple[str, ...]
    zhu_words: tuple[str, ...]
    keep_chars: str
    radicals: dict
    pdf_font: PdfFont
    roles: RoleRules
    settings: Settings
    maintext: Detector
    sites: tuple[SiteProfile, ...]
    fingerprint: str  # changes whenever any rule file changes

    def site_for(self, site: str | None, address: str | None, text: str) -> SiteProfile | None:
        return next((p for p in self.sites if p.matches(site, address, text)), None)


def _detector(rule_file: RuleFile, heading_start: re.Pattern) -> Detector:
    """rules/maintext.yaml as the detector reads it; a key it lacks or a value of the wrong kind is one line."""
    name = rule_file.name
    try:
        return Detector.from_yaml(rule_file.data, typed(DetectorSettings, rule_file), heading_start)
    except KeyError as err:
        raise HandbookError(f"{name}: missing key {err}") from None
    except (TypeError, ValueError, AttributeError, re.error) as err:
        raise HandbookError(f"{name}: a value of the wrong kind ({err})") from None


NAMED_GROUP = re.compile(r"\(\?P<\w+>")


def _heading_start(structure: RuleFile, heading_styles: tuple[tuple[str, re.Pattern], ...]) -> re.Pattern:
    """A line that starts like a numbered heading: a heading style, a numbered item or an article."""
    patterns = [p.pattern for _, p in heading_styles]
    patterns += [structure.regex(structure.get(key, str), key).pattern for key in ("numbered_item", "article_heading")]
    unnamed = (NAMED_GROUP.sub("(", p) for p in patterns)  # one pattern may not name a group twice
    return structure.regex("|".join(f"(?:{p})" for p in unnamed), "heading styles")


def _texts(items, where: str) -> tuple[str, ...]:
    """`items` checked to be a list of texts; a problem named by `where` and the item's index."""
    if not isinstance(items, list):
        raise HandbookError(f"{where} must be a list of texts, got {items!r}")
    for i, item in enumerate(items):
        if not isinstance(item, str):
            raise HandbookError(f"{where}[{i}] must be text, got {item!r}")
    return tuple(items)


def _pdf_font(script: RuleFile) -> PdfFont:
    """rules/script.yaml pdf_font: each pair is an opener and a closer mapped to two marks."""
    font = script.get("pdf_font", dict)
    where = f"{script.name}: pdf_font"
    for key in ("marks", "pairs"):
        mapping = font.get(key)
        if not isinstance(mapping, dict) or not all(isinstance(k, str) and isinstance(v, str) for k, v in mapping.items()):
            raise HandbookError(f"{where}.{key} must map text to text")
    if not all(len(k) == 2 == len(v) for k, v in font["pairs"].items()):
        raise HandbookError(f"{where}.pairs: each entry maps two characters to two marks")
    for key in ("min_marks", "min_han"):
        if not isinstance(font.get(key), int):
            raise HandbookError(f"{where}.{key} must be a whole number")
    return PdfFont(font["marks"], font["pairs"], font["min_marks"], font["min_han"])


@lru_cache(maxsize=4)
def load_rules(rules_dir: Path = RULES_DIR) -> Rules:
    files = sorted(rules_dir.rglob("*.yaml"))
    digest = hashlib.sha256()
    for f in files:
        digest.update(f.relative_to(rules_dir).as_posix().encode() + b"\0" + f.read_bytes())
    boiler = RuleFile(rules_dir / "boilerplate.yaml", rules_dir)
    structure = RuleFile(rules_dir / "structure.yaml", rules_dir)
    script = RuleFile(rules_dir / "script.yaml", rules_dir)
    sites = []
    for f in sorted((rules_dir / "sites").glob("*.yaml")):
        site = RuleFile(f, rules_dir)
        match = site.get("match", dict, {})
        sites.append(SiteProfile(
            key=f.stem,
            name=site.get("name", str),
            domains=_texts(match.get("domains") or [], f"{site.name}: match.domains"),
            signatures=_texts(match.get("text") or [], f"{site.name}: match.text"),
            line_patterns=site.grouped("line_patterns", default={}),
        ))
    heading_styles = tuple((k, structure.regex(v, f"heading_styles.{k}"))
                           for k, v in structure.get("heading_styles", dict).items())
    for k, pattern in heading_styles:
        if "num" not in pattern.groupindex:
            raise HandbookError(f"rules/structure.yaml: heading_styles.{k} must have a group (?P<num>…): the heading's number")
    return Rules(
        line_patterns=boiler.grouped("line_patterns"),
        # multi-line: a line's ^ and $ are its own also in the page's text, where chrome.on_page looks first
        inline_patterns=boiler.grouped("inline_patterns", flags=re.M),
        teaser_headings=boiler.rules("teaser_headings", "teaser"),
        chrome_sections=boiler.rules("chrome_sections", "section"),
        field_codes=boiler.regexes("field_codes"),
        essay_markers=structure.regexes("essay_markers"),
        title_labels=structure.rules("title_labels", "title_label"),
        no_titles=structure.regexes("no_titles"),
        title_junk=structure.rules("title_junk", "title_junk"),
        page_markers=structure.rules("page_markers", "page-marker"),
        chunk_number=structure.regex(structure.get("chunk_number", str), "chunk_number", re.M),
        glued_essay_marker=structure.regex(structure.get("glued_essay_marker", str), "glued_essay_marker"),
        heading_styles=heading_styles,
        numbered_item=structure.regex(structure.get("numbered_item", str), "numbered_item"),
        heading_max_chars=structure.get("heading_max_chars", int),
        run_in_styles=tuple(structure.style_names("run_in_styles", heading_styles)),
        inline_heading_styles=tuple(dict(heading_styles)[name]
                                    for name in structure.style_names("inline_heading_styles", heading_styles)),
        body_openers=structure.strings("body_openers"),
        clause_goes_on=structure.strings("clause_goes_on"),
        inline_enumerations=structure.regex(structure.get("inline_enumerations", str), "inline_enumerations"),
        question_words=structure.strings("question_words"),
        zhu_words=script.strings("zhu_words"),
        keep_chars="".join(script.strings("keep_chars", [])),
        radicals=script.text_mapping("radicals"),
        pdf_font=_pdf_font(script),
        roles=RoleRules.load(RuleFile(rules_dir / "roles.yaml", rules_dir)),
        settings=Settings.load(RuleFile(rules_dir / "settings.yaml", rules_dir)),
        maintext=_detector(RuleFile(rules_dir / "maintext.yaml", rules_dir), _heading_start(structure, heading_styles)),
        sites=tuple(sites),
        fingerprint=digest.hexdigest()[:16],
    )
