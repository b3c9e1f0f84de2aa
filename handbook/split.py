"""Several essays on one page: split at 第一篇:/【篇一】/篇1 markers; find each title and drop its repeats."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from .model import Dropped
from .rules import Rules
from .text import SENTENCE_END, WORD, han_count

PUNCT_OR_SPACE = re.compile(r"[\s,，。:：、;；!！?？\"“”'‘’《》()（）【】_\-—]")


@dataclass
class RawEssay:
    title: str
    lines: list[str] = field(default_factory=list)
    numbers: list[int] = field(default_factory=list)  # each line's number on the page
    dropped: list[Dropped] = field(default_factory=list)  # lines removed while settling the title
    title_line: int = 0  # the page line the title was taken from, 0 for a marker's title


NUMBERED_TITLE = re.compile(r"^(?P<title>[^\s，。；：,;:]{4,30}?)\s*"
                            r"(?P<n>\d{1,2}|[(（][一二三四五六七八九十\d]{1,3}[)）]|(?<!\d)篇[一二三四五六七八九十\d]{1,3})\s*[:：]?$")
BARE_MARKER = re.compile(r"【\s*(篇[一二三四五六七八九十\d]+|第[一二三四五六七八九十\d]+篇)\s*】")  # a number, no title
# a question may be a title ("如何当好村支书？"); a full stop, a comma or a colon ends no title
SUBTITLE_DASH = re.compile(r"^(——|—|--)\s*(?=\S)")
NO_TITLE_END = SENTENCE_END.replace("？", "").replace("?", "") + "，,:："


def _key(text: str) -> str:
    return PUNCT_OR_SPACE.sub("", text)


def clean_title(title: str, rules: Rules) -> str:
    """Strip junk glued to titles: page counts ("8页…"), "_1" suffixes, page markers, "(精选合集)",
    and the keywords a site stuffs after a title ("浅谈党建网评文章(浅谈党建网评文章怎么写)")."""
    return _clean_title(title.strip(), rules)


@lru_cache(maxsize=8192)  # a page's short lines are cleaned several times: judged, then weighed as its title
def _clean_title(title: str, rules: Rules) -> str:
    for _ in range(3):
        before = title
        for label in rules.title_labels:
            title = label.remove(title)
        for junk in rules.title_junk:
            title = junk.remove(title).strip()
        title = _unnumbered(_unbracketed(_without_stuffed_keywords(title)), rules)
        if title == before:
            break
    return title


def _without_stuffed_keywords(title: str) -> str:
    """The title alone, when what follows it in brackets or after commas only repeats it with more words, when
    it is printed several times in a row, or when its category after a dash is its last word again
    ("…思想政治工作总结-总结")."""
    if (m := re.match(r"^(.{4,}?)[(（](.+)[)）]$", title)) and m[1] in m[2]:
        return m[1].strip()
    if (m := re.fullmatch(r"(.{4,}?)\1+", title)) or (m := re.fullmatch(r"(.*?(\S{2,4}))\s*[-_|｜]\s*\2", title)):
        return m[1].strip() if han_count(m[1]) >= 4 else title
    parts = [p.strip() for p in re.split(r"[,，|｜、\s]+", title)]
    if len(parts) > 1 and han_count(parts[0]) >= 4 and all(parts[0] in p for p in parts[1:]):
        return parts[0]
    return title


def _unnumbered(title: str, rules: Rules) -> str:
    """A title ending like a document's name with a number after it ("妇联换届工作总结2"): the site's count of its
    copies of that document, not the title's (rules/maintext.yaml title_endings)."""
    m = re.fullmatch(r"(.{4,}?)\s*\d{1,2}", title)
    return m[1] if m and m[1].endswith(rules.maintext.title_endings) else title


def _unbracketed(title: str) -> str:
    """A title set off whole in 【】 or 《》, as a page heads an essay below its site's intro ("【乡镇整顿方案1】",
    "《镇长经济工作会议讲话(汇总三篇)》"), or in straight quotes, as a CMS escapes it ('"‘乡村访问学者’走进巴南"')."""
    m = re.fullmatch(r"【([^【】]{4,})】|《([^《》]{4,})》|[\"＂]([^\"＂]{4,})[\"＂]", title)
    return next(g for g in m.groups() if g).strip() if m else title


def looks_like_title(line: str, rules: Rules) -> bool:
    line = line.strip()
    return 0 < len(line) <= rules.settings["title_max_chars"] and line[-1] not in NO_TITLE_END \
        and len(WORD.findall(line)) >= 2  # a title has words: "?" alone is none


def unglue_markers(lines: list[tuple[int, str]], rules: Rules) -> list[tuple[int, str]]:
    """Put an essay marker glued inside a line on a line of its own (same line number)."""
    out = []
    for number, line in lines:
        m = rules.glued_essay_marker.search(line)
        if not m:
            out.append((number, line))
        elif _titled_by_text_before(line, m, rules):
            out.append((number, m.group(0) + line[:m.start()].strip()))
        else:
            out += [(number, part) for part in (line[:m.start()], m.group(0), line[m.end():]) if part.strip()]
    return out


def _titled_by_text_before(line: str, marker: re.Match, rules: Rules) -> bool:
    """A bare marker that ends a title-like line ("村官民情日记【篇一】"): the text before it is the essay's title,
    printed before its number as a list of essays does, so the marker takes it ("【篇一】村官民情日记")."""
    return not line[marker.end():].strip() and BARE_MARKER.fullmatch(marker.group(0)) is not None \
        and looks_like_title(line[:marker.start()], rules) and han_count(line[:marker.start()]) >= 4


def split_essays(lines: list[tuple[int, str]], rules: Rules, headline: int = 0) -> tuple[list[RawEssay], list[Dropped]]:
    """Split a page into essays. Text before the first marker is the page's own header: dropped. `headline`: the
    line the main-text detector chose as the title though it ends like a sentence (a news headline "…开讲啦!")."""
    essays: list[RawEssay] = []
    preamble = RawEssay(title="")
    current = preamble
    first_number = 1
    numbered = _numbered_titles([line for _, line in lines])
    for number, line in lines:
        match = next((m for p in rules.essay_markers if (m := p.match(line.strip()))), None)
        if line.strip() in numbered:
            current = RawEssay(title=clean_title(numbered[line.strip()], rules))
            essays.append(current)
        elif match:
            if not essays:
                first_number = _marker_number(line.strip()[:match.start("title")] if "title" in match.re.groupindex
                                              else line.strip())
            current = RawEssay(title=clean_title(match.groupdict().get("title") or "", rules))
            essays.append(current)
        else:
            current.lines.append(line)
            current.numbers.append(number)
    dropped: list[Dropped] = []
    if essays and not han_count("".join(line for e in essays for line in e.lines)):
        essays = []  # markers with nothing under them (a list of essay names): the text is before them
    if essays and first_number > 1 and han_count("".join(preamble.lines)) >= rules.settings["lost_marker_min_han"]:
        essays.insert(0, preamble)  # "篇二" first: the text before it is essay one, whose marker was lost
    elif essays:
        dropped = [Dropped("preamble", l.strip(), n, "split", "text before the first essay marker (rules/structure.yaml essay_markers)")
                   for n, l in zip(preamble.numbers, preamble.lines) if l.strip()]
    else:
        essays = [preamble]
    page_title = _page_title(preamble, rules) if essays[0] is not preamble else ("", 0)
    for k, essay in enumerate(essays):
        _settle_title(essay, rules, page_title if k == 0 else ("", 0), headline if k == 0 else 0)
        dropped += essay.dropped
    if page_title[1] and essays[0].title_line == page_title[1]:  # the page's title named the first essay: kept
        dropped = [d for d in dropped if not (d.kind == "preamble" and d.line == page_title[1])]
    kept = [e for e in essays if han_count("".join(e.lines)) > 0]
    dropped += [Dropped("empty-essay", e.title, 0, "split", "essay marker with no text under it")
                for e in essays if e not in kept and e.title]
    return kept, dropped


def _numbered_titles(lines: list[str]) -> dict[str, str]:
    """Essays of one page named by one title and a number ("春节乡镇工作总结1" … "春节乡镇工作总结2"): each such
    line, numbered 1, 2, … in page order, starts an essay with that title. One is enough when the page names the
    collection above it (a page cut after "…工作汇报1"), when the number says it is one of several ("…工作总结篇一"),
    or when it opens the page ("县长的离任演说(1):")."""
    found: dict[str, list[tuple[int, str]]] = {}
    one_enough: dict[str, bool] = {}
    for k, line in enumerate(lines):
        if m := NUMBERED_TITLE.match(line.strip()):
            found.setdefault(m["title"], []).append((_marker_number(m["n"]), line.strip()))
            if m["title"] not in one_enough:  # decided at its first number
                one_enough[m["title"]] = m["n"].startswith("篇") or not k or any(m["title"] in l for l in lines[:k])
    return {line: title for title, items in found.items() if (len(items) >= 2 or one_enough[title])
            and [n for n, _ in items] == list(range(1, len(items) + 1)) for _, line in items}


def _marker_number(marker: str) -> int:
    """The number in an essay marker ("篇二", "第3篇"), 1 if none is read."""
    m = re.search(r"\d+|[一二三四五六七八九十]+", marker)
    if not m:
        return 1
    if m[0].isdigit():
        return int(m[0])
    digits = "一二三四五六七八九"
    tens, _, ones = m[0].rpartition("十")
    if "十" not in m[0]:
        return digits.index(m[0][-1]) + 1
    return (digits.index(tens) + 1 if tens else 1) * 10 + (digits.index(ones) + 1 if ones else 0)


def _page_title(preamble: RawEssay, rules: Rules) -> tuple[str, int]:
    """The page's own title, printed above its essay markers: the first line of the text before them, if it
    reads as a title; with the line it is on."""
    first = next(((n, l) for n, l in zip(preamble.numbers, preamble.lines) if l.strip()), None)
    if first is None or not looks_like_title(first[1], rules) or _no_title(first[1], rules):
        return "", 0
    return clean_title(first[1], rules), first[0]


def _no_title(line: str, rules: Rules) -> bool:
    return any(p.match(line.strip()) for p in rules.no_titles)


def _own_title(line: str, marker_title: str, page_title: str, rules: Rules) -> str:
    """The essay's own title just below a marker that only repeats the page's title ("第一篇:便民服务中心申请报告"
    on a page of that name, then "乡便民服务中心整改报告"): the site named its listing, the line names the
    document, as it ends like a document's name (rules/maintext.yaml title_endings). "" when there is none."""
    title = clean_title(line, rules)
    if not page_title or _key(marker_title) != _key(page_title) or _key(title) == _key(marker_title) \
            or not looks_like_title(line, rules) or han_count(title) < 4:
        return ""
    return title if title.endswith(rules.maintext.title_endings) else ""


def _settle_title(essay: RawEssay, rules: Rules, page_title: tuple[str, int] = ("", 0), headline: int = 0) -> None:
    """Take the title from the first line if the marker had none (from the page's title when that line is
    no title: a diary entry's date), or when the marker only repeats the page's title and the first line
    is the document's own; drop lines that repeat it ("文章标题:…" or the bare title), and cut it off the
    body when it is glued to the first sentence."""
    body = essay.lines
    first = next((i for i, l in enumerate(body) if l.strip()), None)
    own = _own_title(body[first], essay.title, page_title[0], rules) if essay.title and first is not None else ""
    if (own or not essay.title) and first is not None \
            and (looks_like_title(body[first], rules) or essay.numbers[first] == headline) \
            and not _no_title(body[first], rules):
        essay.title = clean_title(body[first], rules)
        essay.title_line = essay.numbers[first]
        body[first] = ""
    elif not essay.title and page_title[0]:
        essay.title, essay.title_line = page_title
    if not essay.title:
        return
    essay.title = SUBTITLE_DASH.sub("", essay.title)  # a subtitle that is all the title there is keeps no dash
    title_key = _key(essay.title)
    first_text = True
    for i, line in enumerate(body):
        if not line.strip():
            continue
        # wherever it is printed again (cleaning a title only cuts its ends: the title is inside the line)
        if title_key in _key(line) and _key(clean_title(line, rules)) == title_key:
            essay.dropped.append(Dropped("title-repeat", line.strip(), essay.numbers[i], "split",
                                         "repeats the title (rules/structure.yaml title_labels, title_junk)"))
            body[i] = ""
            continue
        rest = line.strip()
        # not when the sentence goes on from it: "宣传委员是…" has the title for its subject (rules/structure.yaml clause_goes_on)
        while first_text and rest.startswith(essay.title) and han_count(rest[len(essay.title):]) >= 2 \
                and not rest[len(essay.title):].startswith(rules.clause_goes_on):
            essay.dropped.append(Dropped("title-repeat", essay.title, essay.numbers[i], "split",
                                         "title glued to the first sentence", fragment=True))
            rest = rest[len(essay.title):].lstrip(" :：")
            body[i] = rest
        first_text = False
