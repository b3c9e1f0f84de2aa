"""The generic main-text detector: which lines of a page from any site are the essay.

Each line is scored on its own (Han characters, sentence punctuation, function words against digits,
Latin, chrome vocabularies, repetition, separators, dates), then context decides, as jusText does:
short lines between prose stay (headings), lines before and after the main run of prose go except a
title just before it, and small runs of prose far from the main run (islands) go. Lines in another
language and code are dropped and reported. Vocabularies and weights: rules/maintext.yaml.
"""

from __future__ import annotations

import re
from collections import Counter
from difflib import SequenceMatcher
from dataclasses import dataclass, field

from .model import Dropped
from .text import HAN, HAN_RUN, WORD, ends_sentence, han_count, sentences

WHERE = "rules/maintext.yaml"
ORDINARY = ("ui_ordinary ", "meta ")  # vocabularies of words that are also ordinary prose
PUNCT = re.compile(r"[，。；：？！、,;:?!]")
OTHER = re.compile(rf"[^\s{HAN}，。；：？！、“”‘’（）《》〈〉【】—…·「」『』〔〕,.;:?!()\"']")
LATIN = re.compile(r"[A-Za-z]")
DIGIT = re.compile(r"\d")
# a name masked by the page ("##镇", "**社区", "XX乡"): the essay's words, not symbols or Latin
MASK = re.compile(rf"(?:([#*＊×xX])\1{{1,3}})(?=[{HAN}])")
SEPARATORS = re.compile(r"\S\s*(>>?|»|›|\||｜|/|_|·|→)\s*\S")
RATE = re.compile(rf"\d\s*[{HAN}]{{1,2}}/[{HAN}]{{1,2}}")  # "800 元/学期", "5吨/年": a rate, no separator
AMOUNT = re.compile(rf"\s+(\d+(?:\.\d+)?)\s+(?=[{HAN}])")  # "寄宿费 1200 元": an amount in a sentence, no menu item
# two roles a document is for, one slash between them: "乡镇党委书记/镇长述职报告" is a title, not a breadcrumb
ALTERNATIVE = re.compile(rf"^[^/]*[{HAN}]/[{HAN}][^/]*$")
# a headline of two phrases with one bar or dot between them ("“头雁”上学记 | 听听他们的学习感悟", "实干争先·跨越发展丨…");
# no other separator
TWO_PHRASES = re.compile(r"^([^|｜/>»›_·→]+)[|｜·]([^|｜/>»›_·→]+)$")
# numeric dates and clock times are page metadata; "2020年1月2日" is usually the document's own date
# (a year and a month, so that an amount is no date: "1211.89万元")
DATE_TIME = re.compile(r"(?<!\d)(19|20)\d{2}[-/.](0?[1-9]|1[0-2])(?!\d)([-/.]\d{1,2})?|\d{1,2}:\d{2}|\d{4}年第?\d{1,2}期"  # and journal issues
                       r"|(?<!每)星期[一二三四五六日天]")  # a weekday: today's date in a page header
HAN_CHAR = re.compile(f"[{HAN}]")
ASCII_MARK = re.compile(r"[!-/:-@\[-`{-~]")  # "- N% z* |) R! k"
COUNTER = re.compile(rf"^[{HAN}]{{1,6}}\s*[:：]?\s*\d+(\.\d+)?\s*[万wWkK]?\s*(次|人|条|个|篇)?$")  # "阅读 1234", "点赞 12"
TIMESTAMP = re.compile(r"\d{4}[-/.]\d{1,2}[-/.]\d{1,2}\s*\d{1,2}:\d{2}(:\d{2})?")  # when a post was written
CN_DATE = re.compile(r"^[(（]?\d{4}年\d{1,2}月(\d{1,2}日)?[)）]?$")
KEY = re.compile(rf"[^{HAN}A-Za-z0-9]")
BYLINE = re.compile(rf"\s[{HAN}]{{2,3}}$|^[(（][{HAN}]{{2,4}}[)）]$")  # "…组织部 王锟", "(胡玲玲)"
UNIT_AND_NAME = re.compile(rf"(工作队|部|委|局|办|站|所|中心|支部)([{HAN}]{{2,3}})$")  # "…工作队王飞"
# a headline of two parallel phrases, as long as each other: "小社区 大服务", "…:新社区 老邻居" (no byline)
PARALLEL = re.compile(rf"(?:^|[^{HAN}])([{HAN}]{{2,8}})\s([{HAN}]{{2,8}})$")
NAMES = re.compile(rf"^[{HAN}]{{2,3}}(\s+[{HAN}]{{2,3}}){{1,5}}$")  # "袁梦甜 彭建军" or "小社区 大服务": surnames tell
LISTED_NAMES = re.compile(rf"^[{HAN}]{{2,3}}(、[{HAN}]{{2,3}}){{2,7}}$")  # "陈伟东、孔娜娜、张大维、舒小虎"
BYLINE_LINE = re.compile(rf"^[(（][{HAN}]{{2,4}}[)）]$|^(漫画|摄影|图|文|作者|记者|编辑|通讯员|供图)\s*[:：/]\s*\S{{2,8}}"
                         rf"(\s+[{HAN}]{{2,4}}){{0,3}}$"  # (several names: "记者:蒋阿玮 毛文铖")
                         # (a paper's name and a space before, where the reporter wrote from after: "《中国经济周刊》
                         # 记者 郭霁瑶|四川眉山报道")
                         rf"|^[■▲●◆]?\s*\S{{0,12}}?\s*(记者|通讯员|实习生|撰稿)\s+[{HAN}]{{2,4}}([\s、，,]+[{HAN}]{{2,4}})*"
                         rf"(\s*[|｜/]\s*[{HAN}]{{2,8}}报道)?$"
                         # an author's unit and name: "担保业务二部:邹杰", "组织办 / 王华"
                         rf"|^[{HAN}]{{2,12}}(部|处|科|室|办|队|组|所|站|中心|公司|支部)\s*[:：/]\s*[{HAN}]{{2,3}}$")
MENU = re.compile(r"((?![+＋&＆]\s)\S{1,5}\s+){2,}\S")  # three or more short items side by side (a headline's spaced
# phrases are longer; a lone plus between two phrases joins them: "培训赋能 + 实践提能 …")
TOC = re.compile(r"(\.{5,}|…{3,}|·{5,})\s*[(（]?\d+[)）]?\s*$")  # "党支部的设置和职责 ........ (1)"
BULLET = re.compile(r"[-•·]\s")  # a bulleted list's item
PLACE = re.compile(rf"[{HAN}]{{1,4}}?(?<![全社])[省市县区]")  # a list of counties or cities (not 全省, 社区)
ESSAY_NUMBER = re.compile(r"^\s*(篇([一二三四五六七八九十]{1,3}|\d{1,2}(?!\d))|第[一二三四五六七八九十\d]{1,2}篇)\s*[:：]?")
ENUMERATION = re.compile(r"^([一二三四五六七八九十]+(是|要|则|来)|\d{1,2}[、.．]|[(（][一二三四五六七八九十\d]{1,2}[)）]|"
                         r"[一二三四五六七八九十]{1,3}、)")
ESSAY_NUMBER_AFTER = re.compile(rf"(?<=[{HAN}])\d{{1,2}}$")  # "…换届选举工作总结1": the first of the site's essays
CHUNK_START = re.compile(r"^\d{1,3}、\s*")  # a page chunk's number: "1、村(居)民委员会…"
HANDBOOK_NOTE = re.compile(r"〔原文[^〕]{2,8}〕")
CLAUSE_OPEN = ("，", ",", "、", "《", "“", "（", "(")  # marks a cut-off text ends at, inside its sentence
CUT_OFF_TAIL = re.compile(r"(?<=[。！？!?])[^。！？!?]{1,20}〔原文[^〕]{2,8}〕\s*$")  # "。㐀一〔原文至此不完整〕"
JSON_KEY = re.compile(r'^\s*"[A-Za-z_][\w-]*"\s*:')  # '"title": "乡镇工作总结",' is code, whatever its value
SALUTATION_START = ("同志们", "各位", "尊敬的", "亲爱的", "女士们", "朋友们")
SUBTITLE = re.compile(rf"^(——|—|--)\s*[{HAN}“]")  # "——以武汉市江汉区为个案", below the title
QUOTED = re.compile("[“”‘’「」\"]")
UNPAIRED_BRACKET = re.compile(r"^[^(（]*[)）]$|[(（][^)）]*$")  # a line ending at a bracket it never opened, or opening one it never closes
ONE_NAME = re.compile(rf"^[{HAN}]{{2,3}}$")  # "夏一梅": one person's name on a line of its own
NOTE = re.compile(r"[(（][^()（）]+[)）]")  # a line wholly in round brackets: an author's unit, a note, no title
BRACKETED = re.compile(r"^[(（【\[].*[)）】\]]$")
# a site's header glued before the text of a flattened page, up to the site's address ("秘书之家—全网资源每日更新
# www.mishuzj.com县…")
SITE_HEADER = re.compile(r"^[^。，,；;！？!?]{0,40}?(https?://)?www(\.[A-Za-z0-9-]+){2,3}\s*")
SITE_STAMP = re.compile(r"^\S{0,12}\s*(https?://)?(www\.)?[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+/?$")  # "稿子汇 www.gaozihui.com"
SEPARATED = "separators between items"
KICKER = re.compile(r"^[^|｜丨]{2,12}[|｜丨]\s*(?=\S)")  # a column's name before a headline ("瞭望·治国理政纪事|…")
REPEATED = "repeated on the page"
COLUMN = "the column's name, the last item of the page's breadcrumb"
COLUMN_MAX_HAN = 6
BREADCRUMB_STEP = re.compile(r"\s*(?:>>?|»|›|→|/|\||｜)\s*")
NAME_PARTS = re.compile(r"[\s\-_|｜]+")  # a site's name and its slogans: "江山文学网-原创小说-优秀文学"
UNRELATED_LINE = re.compile(rf"^[{HAN}]{{2,12}}$")
UNRELATED_BEFORE_ITEM = re.compile(rf"^([{HAN}]{{2,12}})\d{{1,2}}[、.．]")
UNRELATED_AFTER_TEXT = re.compile(rf"[。！？]([{HAN}]{{2,12}})$")
UNRELATED = "unrelated words injected into the text: no two of its characters in a row occur elsewhere on the page"
BRACKETED_DATE = re.compile(r"^[(（]\s*\d{4}\s*年")  # "(2026 年 2 月 6 日)": the date of a speech, below its title
NEWS_DATE = re.compile(r"(\d{4}年)?\d{1,2}月\d{1,2}日")  # the date a news report opens with ("2月28日下午,…")
COLLECTION_WORD = re.compile("(精选|范文|大全|汇编|选编)?")  # a site's word after a document's name
GLUED_LABEL = re.compile(r"^(\S{2,12}?)[ \t\u3000\xa0]{3,}(?=\S)")
KEYWORD_LIST = re.compile(r"^([^；;，,。\s]{2,10}[；;])+[^；;，,。\s]{2,10}[；;]?$")  # "乡镇治理;社会关系;乡镇政府"


@dataclass
class Verdict:
    label: str  # good (prose), short, bad (chrome), foreign, code
    score: float
    why: list[str] = field(default_factory=list)
    instead: str = ""  # the label a line the site talks in would have had: it stays when inside the essay

    def explain(self) -> str:
        reasons = f": {', '.join(self.why)}" if self.why else ""
        return f"score {self.score:.1f}{reasons}"


@dataclass(frozen=True)
class DetectorSettings:
    """The weights and thresholds of rules/maintext.yaml (what each means: the comments there), typed and
    checked when the rules are loaded (handbook/rules.py)."""

    self_promotion_share: float
    dilution_chars: int
    han_per_point: int
    han_points_max: float
    sentence_end_points: float
    punctuation_points: float
    punctuation_points_max: float
    function_word_points: float
    function_word_points_max: float
    other_chars_weight: float
    repeated_weight: float
    repeated_title_min_han: int
    separators_weight: float
    date_time_weight: float
    button_max_han: int
    button_share: float
    site_line_max_han: int
    heading_max_han: int
    good_score: float
    clean_good_score: float
    clean_good_han: int
    bad_against: float
    bad_score: float
    dense_words: int
    dense_han_per_word: int
    dense_sentences_han_per_word: int
    title_search_lines: int
    intro_max_lines: int
    intro_max_han: int
    title_again_points: float
    title_shared_points: float
    title_subtitle_points: float
    title_shared_rescue: float
    tail_window: int
    tail_min_score_with_words: float
    cut_off_min_han: int
    title_below_min_han: int
    cluster_break_bad: int
    island_share: float
    island_gap: int
    foreign_min_letters: int
    unpunctuated_max_han: int
    table_min_rows: int
    table_min_cell_han: int


@dataclass(frozen=True)
class Detector:
    """The compiled rules/maintext.yaml."""

    settings: DetectorSettings
    heading_start: re.Pattern  # a numbered heading's start (rules/structure.yaml: heading styles, items, articles)
    function_words: re.Pattern  # any of the function words (rules/maintext.yaml function_words)
    vocabularies: tuple[tuple[str, float, bool, re.Pattern], ...]
    words_before_chrome: tuple[str, ...]
    code_signals: tuple[re.Pattern, ...]
    title_words: tuple[str, ...]
    title_endings: tuple[str, ...]
    title_ending: re.Pattern  # any of them, the longest first: "讲话稿" is one word, not "讲话" then "稿"
    meeting_ending: re.Pattern
    document_endings: tuple[str, ...]
    salutations: tuple[str, ...]
    text_openers: tuple[str, ...]
    keyword_labels: tuple[str, ...]
    title_label: re.Pattern
    diary_date: re.Pattern
    surnames: frozenset[str]
    journal_fields: re.Pattern
    abstract_labels: tuple[str, ...]
    standalone_headings: frozenset[str]
    site_name_endings: tuple[str, ...]
    site_line_endings: tuple[str, ...]
    signature_endings: tuple[str, ...]
    unfinished_endings: tuple[str, ...]
    self_promotion: re.Pattern
    collection_title: re.Pattern
    speaker_caption: re.Pattern
    person_caption: re.Pattern

    @classmethod
    def from_yaml(cls, data: dict, settings: DetectorSettings, heading_start: re.Pattern) -> "Detector":
        vocab = tuple((name, float(v["weight"]), v.get("dilute", True),
                       re.compile("|".join(re.escape(w) for w in sorted(v["words"], key=len, reverse=True))))
                      for name, v in data["vocabularies"].items())
        return cls(settings=settings, heading_start=heading_start,
                   function_words=re.compile("|".join(map(re.escape, sorted(data["function_words"], key=len, reverse=True)))),
                   vocabularies=vocab, words_before_chrome=tuple(data["words_before_chrome"]),
                   code_signals=tuple(re.compile(p) for p in data["code_signals"]),
                   title_words=tuple(data["title_words"]), title_endings=tuple(data["title_endings"]),
                   title_ending=re.compile("|".join(map(re.escape, sorted(data["title_endings"], key=len, reverse=True)))),
                   meeting_ending=re.compile("|".join(map(re.escape, data["meeting_endings"]))),
                   document_endings=tuple(data["document_endings"]),
                   salutations=tuple(data["salutations"]), text_openers=tuple(data["text_openers"]),
                   keyword_labels=tuple(data["keyword_labels"]),
                   title_label=re.compile(data["title_label"]),
                   diary_date=re.compile(data["diary_date"]),
                   surnames=frozenset(data["surnames"]),
                   journal_fields=re.compile("(?:" + "|".join(map(re.escape, sorted(
                       data["journal_fields"] + data["abstract_labels"], key=len, reverse=True))) + r")\s*[:：]"),
                   abstract_labels=tuple(data["abstract_labels"]),
                   standalone_headings=frozenset(data["standalone_headings"]),
                   site_name_endings=tuple(data["site_name_endings"]),
                   site_line_endings=tuple(data["site_line_endings"]),
                   signature_endings=tuple(data["signature_endings"]),
                   unfinished_endings=tuple(data["unfinished_endings"]),
                   self_promotion=re.compile("|".join(map(re.escape, data["self_promotion"]))),
                   collection_title=re.compile(data["collection_title"]),
                   speaker_caption=re.compile("(?:" + "|".join(map(re.escape, data["speaker_posts"])) + f")[{data['surnames']}]"
                                              f"[{HAN}]{{1,2}}\\s*(在[^，,。]{{0,8}}上)?(讲话|发言|致辞)。?$"),
                   person_caption=re.compile(f"^(图为)?([{HAN}]{{0,12}}(?:"
                                             + "|".join(map(re.escape, data["speaker_posts"]))
                                             + f"))?[{data['surnames']}](?![{HAN}]?[省市县区镇乡村])[{HAN}]{{1,2}}(一行)?"
                                             "(在|向|为|与|和|正在|带领|出席|拜访|走访|看望|慰问|考察|调研|视察)"
                                             "[^，,。；;：:！？!?]{2,24}。?$"))


def line_key(text: str) -> str:
    return KEY.sub("", text)


def judge(text: str, repeated: bool, d: Detector, again_below: bool = False) -> Verdict:
    """Score one line on its own; `again_below`: the same long text is printed again further down
    (an abstract, a summary box)."""
    s = d.settings
    if again_below:
        return Verdict("bad", 0.0, ["printed again further down (an abstract or a summary)"])
    if not WORD.search(text):
        return Verdict("bad", 0.0, ["no words, only marks"])
    han = han_count(text)
    letters = len(LATIN.findall(text))
    if (han * 3 < len(text.strip()) or JSON_KEY.match(text)) and any(p.search(text) for p in d.code_signals):
        return Verdict("code", 0.0, [f"reads like code ({WHERE} code_signals)"])
    if letters >= s.foreign_min_letters and letters > han:
        return Verdict("foreign", 0.0, [f"not Chinese ({letters} Latin letters, {han} Han)"])
    if not han and len(ASCII_MARK.findall(text)) >= 0.3 * len(re.sub(r"\s", "", text)):
        return Verdict("bad", 0.0, ["no Chinese, mostly ASCII marks (noise injected against copying)"])
    if d.diary_date.match(text.strip()):  # a diary entry's date and weather: the entry's heading, no page date
        return Verdict("short", 1.0, ["a diary entry's date and weather (rules/maintext.yaml diary_date)"])
    if han >= s.unpunctuated_max_han and not PUNCT.search(text):
        # no sentence runs this long without a mark: characters injected against copying, or a keyword dump
        return Verdict("bad", 0.0, [f"{han} Han characters and no punctuation (random characters)"])
    why: list[str] = []
    good = min(han / s.han_per_point, s.han_points_max)
    if ends_sentence(text):
        good += s.sentence_end_points
    good += min(len(PUNCT.findall(text)) * s.punctuation_points, s.punctuation_points_max)
    if han:
        share = len(d.function_words.findall(text)) / han
        good += min(share * s.function_word_points, s.function_word_points_max)
    vocab = 0.0
    dilution = 1 + han / s.dilution_chars
    distinct: set[str] = set()
    strong: set[str] = set()  # the words of vocabularies that are no everyday words
    for name, weight, dilute, pattern in d.vocabularies:
        hits = vocabulary_hits(pattern, text, d)
        if hits:
            vocab += weight * len(hits) / (dilution if dilute else 1)
            distinct.update(hits)
            if not f"{name} ".startswith(ORDINARY):
                strong.update(hits)
            why.append(f"{name} words {'/'.join(dict.fromkeys(hits))} ({WHERE} vocabularies.{name})")
    # many different chrome words close together: a site's blurb, however long ("由会员分享,可在线阅读,更多…")
    # (not a run of several sentences: prose that happens to use such words, "群众的评论…。要及时分享…。")
    # (an everyday word counts half: "要组织党员下载学习强国APP…积分…。" is a sentence of the essay)
    words = len(strong) + len(distinct - strong) / 2
    dense = words >= s.dense_words and (
        han <= s.dense_han_per_word * len(distinct) and len(re.findall(r"[。！？!?]", text)) < 2
        # or a few sentences each with a word no essay uses, more of them than sentences ("…仅供预览…部分内容…。
        # 下载后的文档…。下载之前…。"); one in each sentence is prose that names them ("要下载并学习…。上一篇文章讲了…。"),
        # and so are long sentences ("…或上传…图片…。…浏览群信息…点赞鼓舞…。")
        or len(strong) > len(parts := sentences(text)) and all(any(w in part for w in strong) for part in parts)
        and han <= s.dense_sentences_han_per_word * len(strong))
    form = 0.0  # evidence from the line's form rather than its words
    chars = len(re.sub(r"\s", "", text))
    masked = sum(len(m[0]) for m in MASK.finditer(text)) if han else 0
    other = (len(OTHER.findall(text)) - len(DIGIT.findall(text)) / 2 - masked) / chars if chars else 0
    if other >= 0.2:
        form += other * s.other_chars_weight
        why.append(f"{other:.0%} digits/Latin/symbols")
    if repeated and han < 40:
        form += s.repeated_weight
        why.append(REPEATED)
    if han < 40 and (separated(text.strip(), d) or menu(text.strip(), d) or KEYWORD_LIST.match(text.strip())):
        form += s.separators_weight
        why.append(SEPARATED)
    if ("....." in text or "………" in text or "·····" in text) and TOC.search(text):  # the search only where leaders are
        form += s.separators_weight
        why.append("a table-of-contents line")
    # a list of places, bare or with 、 between: most of the line is place names (never a sentence)
    places = [] if re.search("[。！？!?；;：:]", text) else PLACE.findall(text)
    if len(places) >= 4 and sum(map(len, places)) >= 0.6 * han:
        form += s.separators_weight
        why.append("a list of places")
    # a site's name alone on its line ("乡村干部报网", "华声在线岳阳频道"): no phrase of an essay ends so
    if han <= s.site_line_max_han and text.strip().endswith(d.site_line_endings) and not PUNCT.search(text):
        form += s.separators_weight
        why.append("a site's name (rules/maintext.yaml site_line_endings)")
    if COUNTER.match(text.strip()):
        form += s.separators_weight
        why.append("a label with a count")
    covered = sum(len(w) for w in distinct if HAN_CHAR.match(w))
    if han and han <= s.button_max_han and covered >= s.button_share * han and vocab:
        form += s.separators_weight
        why.append("nothing but chrome words (a button or a label)")
    if BYLINE_LINE.match(text.strip()) or names_line(text.strip(), d) or speaker_caption(text.strip(), d):
        form += s.separators_weight
        why.append("a byline")
    if han < 40 and DATE_TIME.search(text):
        form += s.date_time_weight
        why.append("date, time or journal issue")
    # a sentence (a stop at the end, function words) is chrome only by its words; its form counts half
    sentence = (ends_sentence(text) or "。" in text) and han >= 6
    against = vocab + (form / 2 if sentence else form)
    score = good - against
    # a repeated line alone is no chrome: a title is often printed twice, with an everyday word in it too
    # ("乡镇基层工作案例分享"; one word of ui_ordinary and enough Han characters, not a button "分享")
    only_repeated = why == [REPEATED] or why[1:] == [REPEATED] and len(distinct) == 1 \
        and why[0].startswith("ui_ordinary ") and han >= s.repeated_title_min_han
    if dense:
        why.append("chrome words close together")
        label = "bad"
    elif (vocab if sentence else against) >= s.bad_against and score < s.bad_score and not only_repeated:
        label = "bad"
    elif score >= s.good_score or (not why and score >= s.clean_good_score and han >= s.clean_good_han):
        label = "good"
    else:
        label = "short"
    own, phrases = site_talk(text, han, d.self_promotion)
    if own >= s.self_promotion_share:
        return Verdict("bad", score, why + [f"the site talking about its page: {'/'.join(phrases)} "
                                            f"({WHERE} self_promotion)"], instead=label)
    return Verdict(label, score, why)


def site_talk(text: str, han: int, pattern: re.Pattern) -> tuple[float, list[str]]:
    """The share of a line's Han characters in sentences where the site or its text generator talks
    about the page ("下面是为大家整理的…范文三篇,供大家参考。"), and the phrases that say so."""
    phrases = pattern.findall(text)
    if not phrases or not han:
        return 0.0, []
    own = sum(han_count(x) for x in sentences(text) if pattern.search(x))
    return own / han, list(dict.fromkeys(phrases))


def table_rows(text_lines: list[tuple[int, str]], s: DetectorSettings) -> list[int]:
    """Lines of a table printed as text ("第1年 | 基础建设与试点推进 | 完成村庄规划编制,启动…|"): a few lines in a
    row with the same number of "|" cells, each (below the header) with a cell of words, not a menu's short items."""
    min_rows, min_cell_han = s.table_min_rows, s.table_min_cell_han
    cells = [t.strip().strip("|").split("|") if t.count("|") >= 2 else [] for _, t in text_lines]
    rows: list[int] = []
    start = 0
    for i in range(len(cells) + 1):
        if i == len(cells) or not cells[i] or len(cells[i]) != len(cells[start]):
            block = range(start, i)
            if len(block) >= min_rows and all(max(han_count(c) for c in cells[k]) >= min_cell_han for k in block[1:]):
                rows += block
            start = i
    return rows


def intro_ending_in_site_talk(text: str, d: Detector) -> list[str]:
    """The phrases of the site's own last sentence of a paragraph ("…工作总结也是一种文稿…。以下是小编精心为您
    推荐的…7篇,供大家参考。"): said of the page's first paragraph of prose, it makes the paragraph an intro."""
    said = [x for x in sentences(text.strip()) if han_count(x) >= 4]
    return list(dict.fromkeys(d.self_promotion.findall(said[-1]))) if said else []


@dataclass
class MainText:
    lines: list[tuple[int, str]]
    dropped: list[Dropped]
    kept: dict[int, str]  # line number → why it stayed
    headline: int = 0  # the line of a title chosen although it ends like a sentence ("…开讲啦!"): a news headline


def _runs(labels: list[str], anchors: list[int], max_bad: int, stamps: frozenset[int]) -> list[list[int]]:
    """Group anchor positions into runs of prose: a run ends where `max_bad` chrome lines come between (a
    site's stamp between paragraphs does not count)."""
    runs: list[list[int]] = []
    for i in anchors:
        if runs and sum(1 for j in range(runs[-1][-1] + 1, i) if labels[j] == "bad" and j not in stamps) < max_bad:
            runs[-1].append(i)
        else:
            runs.append([i])
    return runs


def separated(text: str, d: Detector) -> bool:
    """Breadcrumb or menu separators between items; not the one slash of a document's name that names two
    alternatives and ends like a document (title_endings)."""
    if ALTERNATIVE.match(text) and text.endswith(d.title_endings):
        return False
    return not two_phrases(text, d) and bool(SEPARATORS.search(RATE.sub("", text)))


def two_phrases(text: str, d: Detector) -> bool:
    """A headline's two phrases with one bar or dot between them ("“头雁”上学记 | 听听他们的学习感悟"), no menu: each of
    four Han characters or more, with no Latin letters and no site's name."""
    halves = TWO_PHRASES.match(text)
    return bool(halves) and all(han_count(h) >= 4 and not LATIN.search(h) and not site_name(h.strip(), d)
                                for h in halves.groups())


def menu(text: str, d: Detector) -> bool:
    """Three or more short items side by side, not a headline's two phrases with a bar between them, nor its
    spaced phrases with function words in them ("老人吃得好 楼院守得牢 邻里处得亲": a menu's items are nouns), nor
    an amount set off by spaces in a sentence ("寄宿费 1200 元/学期")."""
    return bool(MENU.search(AMOUNT.sub(r"\1", text))) and not two_phrases(text, d) \
        and sum(bool(d.function_words.search(item)) for item in text.split()) < 2


def speaker_caption(text: str, d: Detector) -> bool:
    """A photo's caption that names who speaks ("街道党工委书记、人大工委主任胡建文讲话"), in a short line, or
    opens with whom it shows and what they do ("李昂在带货家乡的土鸡蛋", "吴昌娜向村民了解花木种植、销售情况。"),
    no speech's title ("张三在全县大会上的讲话", but "蒋某出席读书会并讲话" is a caption)."""
    return len(text) <= 40 and (bool(d.speaker_caption.search(text)) or bool(d.person_caption.match(text))
                                and not text.rstrip("。").endswith(tuple("的" + e for e in d.title_endings)))


def names_line(text: str, d: Detector) -> bool:
    """People's names side by side (the authors: "袁梦甜 彭建军"), each opened by a common surname (rules/maintext.yaml
    surnames), not a headline's parallel phrases ("小社区 大服务"); or three or more listed with 、, most of them so
    opened ("陈伟东、孔娜娜、张大维、舒小虎"; not "党建、民生、环保、安全")."""
    if NAMES.match(text):
        return all(name[0] in d.surnames for name in text.split())
    names = text.split("、")
    return bool(LISTED_NAMES.match(text)) and sum(name[0] in d.surnames for name in names) >= 0.75 * len(names)


def parallel(text: str) -> bool:
    """A headline ending in two phrases as long as each other ("小社区 大服务", "…:新社区 老邻居")."""
    return bool((m := PARALLEL.search(text)) and len(m[1]) == len(m[2]))


def byline(text: str, d: Detector) -> bool:
    """A name after the title or a unit ("…组织部 王锟", "驻…柳毛村工作队王飞": a surname just after a unit's last
    word), not the second of two parallel phrases."""
    unit = UNIT_AND_NAME.search(text)
    return (bool(BYLINE.search(text)) or bool(unit) and unit[2][0] in d.surnames and unit.start() >= 4) \
        and not parallel(text)


def site_name(token: str, d: Detector) -> bool:
    """A word that ends like a site's or blog's name (site_name_endings: "…网", "…社区"), with no quotation marks
    in it: a headline's phrase quotes ("志愿服务“余热”暖社区"), a site's name does not."""
    return token.endswith(d.site_name_endings) and not QUOTED.search(token)


def title_form(text: str, d: Detector, max_chars: int) -> bool:
    """Whether a line has a title's form at all: two Han characters or more, not too long, no sentence or
    clause, no numbered heading (the text's, never its title), not cut off at a dash ("…排头兵——": its end is
    the next line) nor ending at a separator (what is left of "新华社·2025-12-01 17:25" once its time is cleaned off),
    no item of a bulleted list ("- 2018公务员入职培训": a list of the site's other pages), no piece of a bracketed note
    broken over two lines ("助理研究员 林毅)": its brackets are not paired)."""
    stripped = text.strip()
    return 2 <= han_count(stripped) and len(stripped) <= max_chars and not ends_sentence(stripped.rstrip("？?")) \
        and stripped[-1] not in "，,—-·|｜/" and not d.heading_start.match(stripped) and not BULLET.match(stripped) \
        and not UNPAIRED_BRACKET.search(stripped)


def title_score(text: str, verdict: Verdict, repeated: bool, d: Detector, max_chars: int) -> float:
    """How much a short line looks like an essay's title (≤ 0: not a title): not a sentence, a site's or
    blog's name, a breadcrumb, a date, a subtitle ("——在…会议上"), a byline ("…组织部 王锟", a name alone) or a
    note in round brackets ("(某大学研究中心教授)")."""
    if not title_form(text, d, max_chars):
        return 0.0
    stripped = text.strip()
    han = han_count(stripped)
    if any(site_name(token, d) for token in NAME_PARTS.split(stripped)) and not parallel(stripped) \
            or separated(stripped, d) \
            or DATE_TIME.search(stripped) or stripped.startswith(("—", "-")) or byline(stripped, d) \
            or BYLINE_LINE.match(stripped) or names_line(stripped, d) or speaker_caption(stripped, d) \
            or menu(stripped, d) or NOTE.fullmatch(stripped) or one_name(stripped, d):
        return 0.0
    if strong_words(verdict) and not stripped.endswith(d.title_endings):  # "微信公众号运营工作总结" ends like a document's name
        return 0.0  # a button, a label, a site's own words (an ordinary word only counts against it)
    score = 1.0 + min(han, 20) / 10 + (1.0 if repeated else 0.0) - (1.0 if han < 4 else 0.0)  # a button, a label
    score += sum(0.5 for w in d.title_words if w in stripped)
    return score - len(verdict.why)


def reads_as_title(text: str, d: Detector, max_chars: int) -> bool:
    """Whether a piece of a line, judged on its own, reads as a title (title_score above 0)."""
    return title_score(text, judge(text, False, d), False, d, max_chars) > 0


def split_glued_title(text: str, d: Detector, max_chars: int) -> tuple[str, str] | None:
    """A document viewer glues the title to the first paragraph ("乡镇镇长述职报告各位领导、同志们:…"):
    split it off where a title word or a salutation ends the text before the first punctuation mark.
    A viewer that printed the file name before the document's own title leaves it twice: keep the second."""
    m = bracketed_title(text, max_chars) or spaced_title(text, d, max_chars) or title_at_word(text, d, max_chars)
    # no sentence after it: a headline with its column's tag ("【两优一先】昆山市…:用心管好“小社区”"), or a notice's
    # title in two parts ("印发《关于开展…实施方案》的通知"), no text
    if not m or len(text) <= max_chars * 2 and not re.search("[。！？!?]", text[m.end():]):
        return None
    title = CHUNK_START.sub("", m.group(1).strip())  # the page chunk's number is not the title's
    # a salutation of several parts ("各位领导、各位来宾、同志们:") is the speech's first words, not a title
    if han_count(title) < 4 or len(title) > max_chars * 2 or title.startswith(d.salutations) or PUNCT.match(title[-1]):
        return None
    # the file name ends at a collection's count ("…通用(四篇)") or at a title word
    cuts = [c.end() for c in d.collection_title.finditer(title)] \
        + [e.end() for e in d.title_ending.finditer(title)]
    for cut in cuts:
        first, second = title[:cut], title[cut:]
        # (of Han characters: a year's digits and spaces are in both of "…总结和 2023 年工作思路")
        han_first, han_second = set(HAN_CHAR.findall(first)), set(HAN_CHAR.findall(second))
        if han_count(second) >= 4 and len(han_first & han_second) >= 0.6 * len(han_second):
            title = second
            break
    # a collection's count still inside: a file name glued to words that are no title
    if len(title) > max_chars or d.collection_title.search(title) and not names_collection(title, d):
        return None
    return title, ESSAY_NUMBER.sub("", text[m.end():]).lstrip()  # "…工作报告篇一2020年是…": the number goes


def doubled_title(text: str, d: Detector, max_chars: int) -> re.Match | None:
    """A viewer's file name and the document's own title, the same words, glued one after the other before the
    text, each with the viewer's document number perhaps ("…立即删除。18392020年在某镇…讲话1839 2020年在某镇…讲话
    同志们:…"): group 2 is the title; what is before it, if anything, must be the viewer's notes (chrome words)."""
    m = re.search(rf"(\d*?)((?:\d{{4}}年)?[^\d\s。，,；;：:！？!?][^\s。，,；;：:！？!?]{{5,{max_chars}}}?)\s*\1\s*\2(?=\S)",
                  text[:max_chars * 6])
    if not m or han_count(m[2]) < 6 or ends_sentence(m[2]) or not reads_as_title(m[2], d, max_chars):
        return None
    before = text[:m.start()]
    return m if not before.strip() or strong_words(judge(before, False, d)) else None


def names_collection(title: str, d: Detector) -> bool:
    """Whether a title ends with a collection's count ("…(实用17篇)", "…7篇"): the page's name, not an essay's."""
    return any(m.end() == len(title) for m in d.collection_title.finditer(title))


def title_at_word(text: str, d: Detector, max_chars: int) -> re.Match | None:
    """The title glued before a salutation or up to a title word (title_endings), before the first punctuation
    mark: group 1 is the title."""
    clause = re.split(r"[，。；：！？,;:!?（(]", text, maxsplit=1)[0]
    head = clause.split("“", 1)[0]  # a quotation ends it too, but for a news title's quoted name (below)
    m = re.match(rf"^(\S.{{3,{max_chars}}}?)\s*(?={'|'.join(map(re.escape, d.salutations))})", head)
    if m:
        return m
    ends = [e.end() for e in d.title_ending.finditer(head[:max_chars + 10])]
    # a sentence's usual first words after the title word ("…整顿方案为认真贯彻落实《…》"): the text starts there
    # (a collection's word may end the title first: "…讲话体会精选在新时代…"), or a news lead's date ("…动员会2月28日下午")
    # a news report's title ends at its meeting's name only so (meeting_endings: "…部署会召开之后" is a sentence)
    # (its name may quote: "…暨“三春”生产动员会 2月28日下午"; quotes balanced up to the title's end)
    quoting = clause[:max_chars + 10]
    meetings = [e.end() for e in d.meeting_ending.finditer(quoting)]
    opened = sorted(e + len(c[0]) for e in [e.end() for e in d.title_ending.finditer(quoting)] + meetings
                    if quoting.count("“", 0, e) == quoting.count("”", 0, e) and (c := COLLECTION_WORD.match(quoting, e))
                    and ((rest := quoting[e + len(c[0]):].lstrip()).startswith(d.text_openers) or NEWS_DATE.match(rest)))
    # or the speech's date in brackets after its speaker ("…表态发言某县县长王某(2026 年 2 月 6 日)各位代表"): the
    # title ends at the last title word, the speaker stays with the text
    if not opened and ends and BRACKETED_DATE.match(text[len(head):]) and han_count(head[ends[-1]:]) <= 12:
        opened = ends[-1:]
    # else something must follow the title, and only a short opener ("方才,", "今年以来,") before the first
    # comma: a long clause after the title word makes it the subject ("…述职报告普遍包含以下内容:")
    ends = opened[:1] or [e for e in ends if 0 < len(ESSAY_NUMBER.sub("", head[e:])) <= 6][-1:]
    return re.match(rf"^(.{{{ends[0]}}})", text) if ends else None


def bracketed_title(text: str, max_chars: int) -> re.Match | None:
    """A title set off in 【】 at the start of the first paragraph ("【乡村振兴5年工作计划】为全面贯彻…"):
    group 1 is the title."""
    m = re.match(rf"^【([^【】]{{4,{max_chars}}})】(?=\S)", text)
    return m if m and not ends_sentence(m[1]) and han_count(m[1]) >= 4 else None


def spaced_title(text: str, d: Detector, max_chars: int) -> re.Match | None:
    """A title set off by a space from the first paragraph, a page chunk's number perhaps before it ("1、村(居)民
    委员会换届选举工作实施方案 为扎实推进…"): it ends like a document's name (title_endings); group 1 is the title."""
    # (a converter's spaces around a number are inside it: "乡镇 2022 年度…总结和 2023 年工作思路 xxxx 年,…")
    m = re.match(rf"^((?:\d{{1,3}}、)?\s*(?:[^\s，。；：！？,;:!?]|\s(?=\d)|(?<=\d)\s){{4,{max_chars}}})\s+(?=\S)", text)
    # or a viewer's file name, a collection's count in it, then the first essay's own title ("…通用(四篇)…通用一")
    return m if m and (m[1].endswith(d.title_endings) or d.collection_title.search(m[1][:-4])) else None


def vocabulary_hits(pattern: re.Pattern, text: str, d: Detector) -> list[str]:
    """A vocabulary's words in a text, but not one whose first character ends an everyday word before it
    (rules/maintext.yaml words_before_chrome: "红色情" holds no 色情)."""
    return [m[0] for m in pattern.finditer(text)
            if not any(text.startswith(w, m.start() + 1 - len(w)) for w in d.words_before_chrome
                       if m.start() + 1 >= len(w))]


def chrome_words_in(text: str, d: Detector) -> set[str]:
    """The words of the chrome vocabularies in a text that are no everyday words."""
    return {hit for name, _, _, pattern in d.vocabularies if not f"{name} ".startswith(ORDINARY)
            for hit in vocabulary_hits(pattern, text, d)}


def strong_words(verdict: Verdict) -> bool:
    """Whether a line has words of a chrome vocabulary that are not also everyday words."""
    return any(" words " in why and not why.startswith(ORDINARY) for why in verdict.why)


def by_form_alone(verdict: Verdict) -> bool:
    """Whether a line is chrome by its form alone (separators, printed again, digits or Latin in it, an everyday
    word), with no word of a chrome vocabulary that is no everyday word."""
    return all(why in (SEPARATED, REPEATED) or why.endswith(" digits/Latin/symbols") or why.startswith(ORDINARY)
               for why in verdict.why)


def summary_of_next(text: str, key: str, next_key: str) -> bool:
    """A summary box printed just before the text: it starts with the whole first sentence of the next
    line (a long one) and is shorter than it ("核心摘要:" + the first sentence + one more)."""
    if len(key) < 30 or len(key) >= len(next_key) or key[:30] != next_key[:30]:
        return False
    sentence = line_key(sentences(text.strip())[0])
    return len(sentence) >= 30 and next_key.startswith(sentence)


def label_before_text(text: str, d: Detector) -> str:
    """A short label or byline printed on the same line before the text, set off by a wide gap of
    spaces ("二公司丁钰凤      在这草长莺飞的季节,…"): not a numbered heading, no punctuation in it."""
    m = GLUED_LABEL.match(text.strip())
    if not m or PUNCT.search(m[1]) or d.heading_start.match(m[1]) or han_count(m[1]) < 2 \
            or m[1].startswith(SALUTATION_START):  # "同志们     今天…": the speech's own first words
        return ""
    rest = text.strip()[m.end():]
    return m[1] if han_count(rest) >= 20 and PUNCT.search(rest) else ""


def repeats(key: str, title: str) -> bool:
    """Whether a line prints the title again, with a label or a part of it ("原标题:…")."""
    common = SequenceMatcher(None, key, title, autojunk=False).find_longest_match(0, len(key), 0, len(title)).size
    return common >= 6 and common >= 0.6 * len(key)


def plain_heading(text: str, verdict: Verdict, title: str, d: Detector) -> bool:
    """A short line with nothing against it that is no byline, subtitle, note in round brackets (the author's
    unit) or copy of the title: a heading."""
    line = text.strip()
    return not verdict.why and (han_count(line) >= 4 or line in d.standalone_headings) and not ends_sentence(line) \
        and not line.startswith(("—", "-")) \
        and not byline(line, d) and not BYLINE_LINE.match(line) and not NOTE.fullmatch(line) \
        and not repeats(line_key(line), title)


def comment_thread(text_lines: list[tuple[int, str]], labels: list[str]) -> range:
    """The lines from the first post header after the essay's prose ("张三 2023-05-02 10:12": a name and a
    timestamp) to the end of the page, when less prose follows it than came before: comments, replies."""
    if not any(TIMESTAMP.search(t) for _, t in text_lines):
        return range(0)
    han = [han_count(t) if label == "good" else 0 for (_, t), label in zip(text_lines, labels)]
    total, before = sum(han), 0
    for k, (_, t) in enumerate(text_lines):
        if TIMESTAMP.search(t):
            name = TIMESTAMP.sub("", t).strip()
            if before and han_count(name) <= 12 and not PUNCT.search(name) and "marker" not in labels[k:] \
                    and total - before < before:
                return range(k, len(text_lines))
        before += han[k]
    return range(0)


def title_after_intro(text_lines, labels, verdicts, first: int, d: Detector, clean_title, max_chars: int) -> int | None:
    """A short paragraph or two of the site's own before the essay's title ("很多人都在写工作总结,…那么如何写好
    呢。" then "乡镇党建工作总结"): the title is a short line that ends like a document's name (title_endings)."""
    s = d.settings
    for j in range(first + 1, min(first + s.intro_max_lines + 1, len(labels))):
        if labels[j] != "short":
            continue
        title = ESSAY_NUMBER_AFTER.sub("", clean_title(text_lines[j][1]).strip())
        intro = sum(han_count(text_lines[k][1]) for k in range(first, j))
        if title.endswith(d.title_endings) and intro <= s.intro_max_han \
                and title_score(title, verdicts[j], False, d, max_chars) > 0 and not ends_sentence(text_lines[j][1]):
            return j
        return None
    return None


def menu_column(text_lines: list[tuple[int, str]], d: Detector, min_items: int = 3, max_han: int = 6) -> set[int]:
    """Lines in a column of three or more different short items (menu links, one per line: "工作总结" "心得体会"
    …, or numbered: "1. 首页" "2. 文章"; a numbered column ends at the first line with no number, which may be the
    title); not a short title printed three times."""
    # (a menu's items quote nothing: "我的“人大”情结" below "登录 注册" and "文学" is the title)
    short = [han_count(t) <= max_han and not PUNCT.search(t) and not QUOTED.search(t) for _, t in text_lines]
    numbered = [bool(d.heading_start.match(t.strip())) for _, t in text_lines]
    found: set[int] = set()
    start = 0
    for i in range(len(short) + 1):
        ends = i == len(short) or not short[i]  # a long line (or the end) ends a column; a change of numbering too
        if ends or i > start and numbered[i] != numbered[start]:
            if len({t.strip() for _, t in text_lines[start:i]}) >= min_items:
                found.update(range(start, i))
            start = i + 1 if ends else i
    return found


def continues_list(text_lines, decision, i: int) -> bool:
    """A line that goes on with the enumeration of the kept line before it ("一是…" "二是…", "1、" "2、")."""
    if not decision.get(i - 1, (False,))[0]:
        return False
    before, line = text_lines[i - 1][1].strip(), text_lines[i][1].strip()
    return bool(ENUMERATION.match(line) and ENUMERATION.match(before))


def title_again(keys: list[str], title: str, first: int) -> list[int]:
    """The lines at the start of the main text that, together, print the title again."""
    found, text = [], ""
    for j in range(first, min(first + 3, len(keys))):
        if not title.startswith(text + keys[j]):
            break
        found.append(j)
        text += keys[j]
        if text == title:
            return found
    return []


def printed_again_below(text_lines: list[tuple[int, str]], keys: list[str]) -> list[bool]:
    """Per line: a long line printed again, whole, at the start of a line further down (an abstract, a
    summary box), or a summary just before the text that starts with its first sentence. A line of no
    sentence printed again as a line of its own is a long title printed twice, no abstract."""
    later: dict[str, list[str]] = {}  # first 30 characters → the lines after this one that start so
    again_below = [False] * len(keys)
    for i in range(len(keys) - 1, -1, -1):
        if len(keys[i]) >= 30:
            sentences = re.search("[。；;]", text_lines[i][1]) is not None
            again_below[i] = any(k.startswith(keys[i]) and (k != keys[i] or sentences)
                                 for k in later.get(keys[i][:30], ()))
            later.setdefault(keys[i][:30], []).append(keys[i])
    for i in range(len(keys) - 1):
        again_below[i] = again_below[i] or summary_of_next(text_lines[i][1], keys[i], keys[i + 1])
    return again_below


def judge_lines(text_lines: list[tuple[int, str]], keys: list[str], counts: Counter, labels_before: dict[int, str],
                d: Detector, is_marker, clean_title, title_max_chars: int) -> list[Verdict]:
    """Each line's verdict on its own (a label printed before the text left out), then with what the
    page shows around it: numbered headings are no prose and no chrome, the site's own words count only
    outside the essay, a comment thread below the text is chrome."""
    again_below = printed_again_below(text_lines, keys)
    verdicts = []
    for i, (_, t) in enumerate(text_lines):
        if i in labels_before:
            t = t.strip()[len(labels_before[i]):].strip()
        if is_marker(t.strip()):
            verdicts.append(Verdict("marker", 0.0, ["essay marker"]))
            continue
        short = len(t.strip()) <= title_max_chars + 20
        again = again_below[i]
        # the handbook's own notes ("〔原文至此不完整〕") on cleaned text read again are no evidence
        # (nor the cut-off words it follows, after the last sentence: they were a line of their own the first time)
        judged = HANDBOOK_NOTE.sub("", CUT_OFF_TAIL.sub("", t)).strip() or t
        # a line that is all title junk ("|来源:新高考网") is judged as it is, not as the nothing left of it
        judged = (clean_title(judged) or judged) if short else judged
        v = judge(judged, counts[line_key(t) if i in labels_before else keys[i]] > 1, d, again)
        if v.label == "bad" and d.heading_start.match(t.strip()) and v.score > 0 and not again:
            v.label = "short"  # a numbered heading with a chrome word in it ("（一）加大扶贫小额贷款投放力度")
        elif v.label == "good" and d.heading_start.match(t.strip()) and not ends_sentence(t) and "。" not in t \
                and han_count(t) <= d.settings.heading_max_han:
            v.label = "short"  # a numbered heading is no prose: a table of contents is not the main text
        verdicts.append(v)
    for i in table_rows(text_lines, d.settings):
        if verdicts[i].label == "bad" and not strong_words(verdicts[i]):
            verdicts[i].label = "short"  # a row of the essay's table, not a menu: it goes with the text around it
            verdicts[i].why.append("a row of a table")
    # the site talks before the essay (an intro) or after it (a sign-off); between prose it is the essay's.
    # An intro is one of the page's first two paragraphs (one before the essay's title, one after it), or the
    # first after an essay's marker (a collection's first essay)
    prose = [i for i, v in enumerate(verdicts) if v.label == "good"]
    after_markers = (next((p for p in prose if p > m), None) for m, v in enumerate(verdicts) if v.label == "marker")
    openings = set(prose[:2]) | {p for p in after_markers if p is not None}
    for first in sorted(openings):
        if phrases := intro_ending_in_site_talk(text_lines[first][1], d):
            verdicts[first] = Verdict("bad", verdicts[first].score, verdicts[first].why + [
                f"an intro whose last sentence is the site's: {'/'.join(phrases)} ({WHERE} self_promotion)"])
            prose.remove(first)
    for i, v in enumerate(verdicts):
        if v.instead and prose and prose[0] < i < prose[-1]:
            v.label, v.instead = v.instead, ""
    for i in comment_thread(text_lines, [v.label for v in verdicts]):
        verdicts[i].label = "bad"
        verdicts[i].why.append(COMMENTS)
    return verdicts


def decide_by_runs(labels: list[str], text_lines: list[tuple[int, str]],
                   s: DetectorSettings) -> tuple[list[tuple[int, int]], dict[int, tuple[bool, str]]]:
    """The spans of the main runs of prose (small runs far from the largest are islands) and each line's
    decision by its place: prose inside them stays, chrome goes, a short line inside stays unless chrome
    is on both sides of it, everything outside goes. A site's stamp ("稿子汇 www.gaozihui.com") printed
    between paragraphs goes, and is passed over as if it were not there."""
    decision: dict[int, tuple[bool, str]] = {}
    stamps = frozenset(i for i, l in enumerate(labels) if l == "bad" and SITE_STAMP.match(text_lines[i][1].strip()))
    anchors = [i for i, l in enumerate(labels) if l in ("good", "marker")]
    runs = _runs(labels, anchors, s.cluster_break_bad, stamps)
    weight = [sum(han_count(text_lines[i][1]) for i in run) for run in runs]
    largest = max(weight)
    main = []
    for k, run in enumerate(runs):
        has_marker = any(labels[i] == "marker" for i in run)
        gap_before = sum(1 for j in range(runs[k - 1][-1] + 1, run[0]) if labels[j] == "bad") if k else 99
        gap_after = sum(1 for j in range(run[-1] + 1, runs[k + 1][0]) if labels[j] == "bad") if k + 1 < len(runs) else 99
        island = weight[k] < s.island_share * largest and min(gap_before, gap_after) >= s.island_gap
        if has_marker or not island:
            main.append(run)
        else:
            for i in run:
                decision[i] = (False, "island")
    spans = [(run[0], run[-1]) for run in main]
    inside = {i for a, b in spans for i in range(a, b + 1)}
    for i, label in enumerate(labels):
        if i in decision:
            continue
        if label in ("good", "marker"):
            decision[i] = (i in inside, (label if label == "marker" else "main") if i in inside else "island")
        elif label in ("bad", "foreign", "code"):
            decision[i] = (False, label)
        elif i in inside:
            prev = next((labels[j] for j in range(i - 1, -1, -1) if labels[j] != "short" and j not in stamps), "bad")
            nxt = next((labels[j] for j in range(i + 1, len(labels)) if labels[j] != "short" and j not in stamps), "bad")
            decision[i] = (not (prev == "bad" and nxt == "bad"), "heading" if prev != "bad" or nxt != "bad" else "between chrome")
        else:
            decision[i] = (False, "outside")
    return spans, decision


def keep_near_runs(spans: list[tuple[int, int]], labels: list[str], text_lines: list[tuple[int, str]],
                   verdicts: list[Verdict], chrome_lines: frozenset[int], decision: dict[int, tuple[bool, str]],
                   d: Detector) -> None:
    """Short lines next to a run that are the essay's after all: numbered headings and sentences just
    before a later run; a signature, a date line, sentences and items of a kept list just after a run,
    up to what ends the essay (chrome, a line the chrome stage removed, a list of dated essays)."""
    s = d.settings
    # a line the chrome stage removed ("(责任编辑:…)") lies between these two: a boundary
    removed_before = [k > 0 and any(m in chrome_lines for m in range(text_lines[k - 1][0] + 1, n))
                      for k, (n, _) in enumerate(text_lines)]
    # just before each later run, up to the previous chrome line: numbered headings and sentences stay
    for a, b in spans[1:]:
        for i in range(a - 1, -1, -1):
            if labels[i] != "short":
                break
            line = text_lines[i][1].strip()
            if ends_sentence(line) or d.heading_start.match(line):
                decision[i] = (True, "heading")
    # just after each run, up to the next chrome line: a signature or a date line, and sentences, stay
    for a, b in spans:
        after_chrome = False  # past a line the chrome rules removed only sentences stay ("经典图书" goes)
        for i in range(b + 1, len(labels)):
            line = text_lines[i][1].strip()
            # a line the handbook kept before and marked cut off ("…〔原文至此不完整〕") ends as a sentence does, and so
            # does the page's last line cut off inside a clause ("…缩短了干部与职工的距离,", "…建制设立和《"): its text
            ended = ends_sentence(line) or bool(HANDBOOK_NOTE.search(line)) \
                or i == len(labels) - 1 and line.endswith(CLAUSE_OPEN) and han_count(line) >= s.cut_off_min_han
            after_chrome = after_chrome or removed_before[i]
            # a numeric date or time beside words, no sentence: a list of other essays or comments begin
            if labels[i] in ("good", "marker", "bad") or after_chrome and not ended \
                    or DATE_TIME.search(line) and not ended \
                    and han_count(DATE_TIME.sub("", line)) >= 2:
                break
            words = any(" words " in why for why in verdicts[i].why)
            # a bracketed notice or a label with chrome words goes; a sentence that uses them stays
            notice = strong_words(verdicts[i]) and not d.heading_start.match(line) \
                and (not ended or BRACKETED.match(line))
            # a label announcing what follows ("相关附件:") when no prose, list item or sentence follows
            notice = notice or line.endswith((":", "：")) and not d.heading_start.match(line) and not any(
                labels[k] in ("good", "marker") or ENUMERATION.match(text_lines[k][1].strip())
                or labels[k] == "short" and ends_sentence(text_lines[k][1]) for k in range(i + 1, len(labels)))
            if labels[i] == "short" and not notice and han_count(line) >= 2 \
                    and (not words or verdicts[i].score >= s.tail_min_score_with_words) \
                    and (i <= b + s.tail_window or ended or continues_list(text_lines, decision, i)):
                decision[i] = (True, "tail")
                # numbered lines before it are the essay's, not a list of other essays
                for j in range(i - 1, b, -1):
                    if decision.get(j, (True,))[0] or not d.heading_start.match(text_lines[j][1].strip()):
                        break
                    decision[j] = (True, "tail")


def unspaced(text: str) -> str:
    """A word printed with spaces between its characters, as a document's heading sets it ("通    知"), closed up."""
    text = text.strip()
    return "".join(text.split()) if all(len(part) == 1 for part in text.split()) else text


def title_over_two_lines(first: str, second: str, d: Detector, max_chars: int) -> bool:
    """A document's title printed over two lines ("关于认真做好2013年下半年" / "发展党员及预备党员转正工作的通知"): the
    first opens with 关于 and stops before the document's name, which ends the second; together no longer than a title."""
    first, second = first.strip(), unspaced(second)
    names = d.title_endings + d.document_endings
    return first.startswith("关于") and not first.endswith(names) and not PUNCT.search(first) \
        and second.endswith(names) and not second.startswith("关于") and len(first + second) <= max_chars


def column_names(breadcrumbs: tuple[str, ...], d: Detector) -> frozenset[str]:
    """The last items of a page's breadcrumbs that name a column ("当前位置: 首页 > 业务工作"): a short word that does
    not end like a document's name; the last item may be the essay's own title, which stays one."""
    last = (line_key(BREADCRUMB_STEP.split(b.strip())[-1]) for b in breadcrumbs)
    return frozenset(k for k in last if 2 <= han_count(k) <= COLUMN_MAX_HAN and not k.endswith(d.title_endings))


def exclaimed_headline(title: str) -> str:
    """A title with a news headline's closing "!" set aside ("新一期优秀社区党组织书记沙龙来啦!"), when it is one phrase
    of six Han characters or more: a shorter one, or one of clauses, is an exclamation opening the text ("同志们!",
    "…第一课,开讲啦!"); only a header below it makes that a headline (title_above_header)."""
    bare = title.rstrip().rstrip("!！")
    return bare if han_count(bare) >= 6 and not ends_sentence(bare) and not re.search("[，,]", bare) else title


def title_before_run(first: int, text_lines: list[tuple[int, str]], keys: list[str], counts: Counter,
                     labels: list[str], verdicts: list[Verdict], decision: dict[int, tuple[bool, str]], d: Detector,
                     clean_title, title_max_chars: int) -> int | None:
    """The title among the last few short lines before the first run (`first`), and what stays near it: a
    copy of it at the start of the text goes; a salutation, a sentence or a numbered heading after it
    stays, and the first section's heading just before the text."""
    s = d.settings
    # a prose line before the main run is a candidate too: a long title with a colon reads as prose
    menu = menu_column(text_lines[:first], d)
    # (a title printed more than once reads as chrome by that alone: it is one of them)
    before = [i for i in range(first - 1, -1, -1)
              if (labels[i] in ("short", "good") or REPEATED in verdicts[i].why and by_form_alone(verdicts[i]))
              and i not in menu][:s.title_search_lines]
    start = "".join(keys[first:first + 3])  # the main text's first words: a title is often printed again there
    # a line that reads as chrome by its form alone (words with spaces or bars between them like a menu's, a
    # title printed more than once, Latin in it: "考上公务员后,我在小镇emo")
    menu_like = [i for i in range(max(0, first - s.title_search_lines), first)
                 if labels[i] == "bad" and i not in menu and by_form_alone(verdicts[i])
                 and (verdicts[i].why == [SEPARATED] or han_count(text_lines[i][1]) >= s.repeated_title_min_han)]
    # a news headline may close with "!" ("…沙龙来啦!"): set aside, if it is long enough to be no exclamation
    titles = {i: exclaimed_headline(clean_title(text_lines[i][1])) for i in before + menu_like}
    scored = [(title_score(titles[i], verdicts[i], counts[keys[i]] > 1, d, title_max_chars)
               + (s.title_again_points if len(keys[i]) >= 6 and start.startswith(keys[i]) else 0)
               + (s.title_subtitle_points if i + 1 < first and SUBTITLE.match(text_lines[i + 1][1].strip()) else 0), i)
              for i in before]
    # a title names what the text is about: the more of its words the text uses, the likelier; a line with a
    # title's form that looked like chrome ("…微信群…", a name ending like a site's, "学习 成长 感悟") is one if
    # the text uses most of them
    prose = prose_text(text_lines, labels)
    looks = {i for sc, i in scored if sc > 0}  # lines that read as a title by their own look
    scored = [(sc + s.title_shared_points * words_shared(titles[i], prose), i) if sc > 0
              else (about_text(titles[i], prose, d, title_max_chars), i) for sc, i in scored]
    scored += [(about_text(titles[i], prose, d, title_max_chars), i) for i in menu_like]
    # a line ending with a colon introduces text ("乡镇宣传工作总结1:"): no title, whatever is cleaned off it
    scored = [(sc, i) for sc, i in scored
              if sc > 0 and not ends_sentence(exclaimed_headline(text_lines[i][1].strip()).rstrip("？?"))]
    # a collection's title ("…工作总结7篇") only when no essay's own title is there (the count is read on the line as
    # printed: title_junk cleans "(推荐20篇)" off the title)
    title_at = max(scored, key=lambda c: (not names_collection(text_lines[c[1]][1].strip(), d), c))[1] if scored else None
    if title_at is None and before and before[0] == first - 1 and SUBTITLE.match(text_lines[first - 1][1].strip()) \
            and title_form(text_lines[first - 1][1], d, title_max_chars):
        title_at = first - 1  # a subtitle printed without its headline, just above the text: all the title there is
        looks.add(title_at)
    if title_at and SUBTITLE.match(text_lines[title_at][1].strip()) and verdicts[title_at - 1].why == [SEPARATED] \
            and title_form(text_lines[title_at - 1][1], d, title_max_chars):
        # a dash line is the subtitle of the headline above it, though that reads like a menu ("铭记历史 坚定信念 敬业奉献")
        decision[title_at] = (True, "subtitle")
        title_at -= 1
    if title_at is not None:
        decision[title_at] = (True, "title" if title_at in looks else "title about text")
        for j in title_again(keys, keys[title_at], first):
            decision[j] = (False, "title again")
        if title_at + 1 < first and SUBTITLE.match(text_lines[title_at + 1][1].strip()):
            decision[title_at + 1] = (True, "subtitle")
    for i in before:
        line = text_lines[i][1].strip()
        if (title_at is None or i > title_at) and (ends_sentence(line) or d.heading_start.match(line) or CN_DATE.match(line)
                                                   or d.diary_date.match(line)) \
                and not (strong_words(verdicts[i]) and not line.endswith(("。", "！", "？", "!", "?"))):
            # a viewer's labels and notes ("内容预览:", "1、部分资料下载需要金币…") are no salutation or heading
            decision[i] = (True, "heading")  # a salutation, an opening sentence, the document's date
    if title_at is not None and first - 1 > title_at and labels[first - 1] == "short" \
            and plain_heading(text_lines[first - 1][1], verdicts[first - 1], keys[title_at], d):
        decision[first - 1] = (True, "heading")  # the first section's heading, just before its text
    return title_at


def labelled_title(text_lines: list[tuple[int, str]], labels: list[str], d: Detector, clean_title) -> int | None:
    """The line where the page names its essay's title ("本文标题:在区十七届人大五次会议闭幕式上的发言", a
    metadata table's "| 标题:… |"), wherever it is: it names the title better than any line's look. Not
    on a page of several essays (markers)."""
    if "marker" in labels:
        return None
    return next((i for i, (_, t) in enumerate(text_lines) if labels[i] != "good" and d.title_label.match(t.strip())
                 and han_count(clean_title(t)) >= 4), None)


def exclaimed_first_line(first: int, text_lines: list[tuple[int, str]], labels: list[str], d: Detector,
                         max_chars: int) -> bool:
    """With no title anywhere, the text's first line is its headline when it is one short sentence that exclaims or
    asks ("听,政协读书会上传来青春的声音!"), of two clauses at most (an opening line runs on: "历史长河,群星璀璨,…的那一颗!"),
    prose follows, and it greets no one."""
    line = text_lines[first][1].strip()
    return len(line) <= max_chars and line.endswith(("！", "!", "？", "?")) and han_count(line) >= 6 \
        and not re.search("[。！？!?]", line[:-1]) and len(re.split("[，,；;]", line)) <= 2 \
        and not line.startswith(d.salutations) \
        and first + 1 < len(labels) and labels[first + 1] == "good"


def title_below_text(last: int, text_lines: list[tuple[int, str]], labels: list[str], verdicts: list[Verdict],
                     decision: dict[int, tuple[bool, str]], d: Detector, clean_title, max_chars: int) -> int | None:
    """A page with no title before its text may print it after the text (a news page's headline below the
    article, then its share bar): the last line kept, just after the last run (`last`), if it reads as a
    title and not as a signature (a unit: signature_endings), a date or the start of a clause cut off
    (unfinished_endings), and the text before it has ended."""
    kept = [i for i in range(last + 1, len(labels)) if decision.get(i, (False,))[0]]
    if not kept or labels[kept[-1]] != "short":
        return None
    i = kept[-1]
    before = text_lines[max(j for j in range(i) if decision.get(j, (False,))[0])][1].strip()
    if not ends_sentence(before) or before.endswith((":", "：")):
        return None  # the text goes on into it (a page cut off, a list announced): no title
    title = clean_title(text_lines[i][1]).strip()
    if han_count(title) < d.settings.title_below_min_han or title.endswith(d.signature_endings + d.unfinished_endings) \
            or title_score(title, verdicts[i], False, d, max_chars) <= 0:
        return None
    # the page's last line may be the next text cut off ("拧紧思想认识的“总开关”"): then it must name a document
    if not any(labels[j] == "bad" for j in range(i + 1, len(labels))) \
            and not any(w in title for w in d.title_words + d.title_endings):
        return None
    return i


def one_name(text: str, d: Detector) -> bool:
    """A line of one person's name: a common surname, two or three characters ("夏一梅")."""
    return bool(ONE_NAME.match(name := text.strip())) and name[0] in d.surnames


def name_bylines(text_lines: list[tuple[int, str]], labels: list[str], d: Detector) -> list[int]:
    """Lines of one person's name among the page's first lines, just above prose and below another line: the
    author's byline under a headline."""
    return [i for i in range(1, min(d.settings.title_search_lines, len(text_lines) - 1))
            if one_name(text_lines[i][1], d) and labels[i + 1] == "good"]


def title_above_header(first: int, text_lines: list[tuple[int, str]], header_lines: frozenset[int],
                       verdicts: list[Verdict], d: Detector, clean_title, max_chars: int) -> int | None:
    """A news page's headline is the line just above its header (source, author, date: the chrome rules' header
    lines), near the top of the page, up to the first line of the text: that line, if it reads as a title once
    a headline's closing "!" is set aside ("…第一课,开讲啦!")."""
    # the header nearest the text first: a newspaper page's date is above the headline, its byline below
    for header in sorted(header_lines, reverse=True):
        above = [i for i, (n, _) in enumerate(text_lines[:first + 1]) if n < header]
        if not above or above[-1] >= min(first + 1, d.settings.title_search_lines):
            continue
        i = above[-1]
        if i > 0 and one_name(text_lines[i][1], d):  # the author's name between the headline and the header
            i -= 1
        if text_lines[i][0] in header_lines:
            continue  # a header above a header (a date line above "作者:…"): no headline
        title = printed = clean_title(text_lines[i][1]).strip().rstrip("!！")
        # a headline's phrases set off by spaces read like a menu's items, but each is a phrase, no name
        # ("浙江:实施乡村干部导师帮带制 前浪带后浪 潮头唱大风"): read as one
        if all(han_count(phrase) >= 4 for phrase in title.split()):
            title = "".join(title.split())
        if title and title_score(title, verdicts[i], False, d, max_chars) > 0:
            return i
        # or a headline after its column's name and a bar ("南县·乡村十日丨到乡村“串门”去!"), or after its kicker's
        # phrases set off by spaces, too long for a title with them ("凝心聚力谋发展 砥砺奋进谱新篇 未央湖街道…会"):
        # the headline reads as one
        if (kicker := KICKER.match(title)) and reads_as_title(title[kicker.end():], d, max_chars):
            return i
        if (kicker := long_headline_kicker(printed, max_chars)) and reads_as_title(printed[kicker.end():], d, max_chars):
            return i
    return None


def long_headline_kicker(text: str, max_chars: int) -> re.Match | None:
    """The kicker's phrases set off by spaces before a headline too long for a title with them: group 0."""
    return re.match(r"^(\S{4,12}\s+){1,3}(?=\S{8,})", text) if len(text) > max_chars else None


def unglue_keywords(lines: list[tuple[int, str]], d: Detector, max_chars: int) -> list[tuple[int, str]]:
    """The page's title on one line with the site's search keywords after it ("乡镇治理的…比较研究,本文主要内容关键词为:
    乡镇论文,…"): the title is put on a line of its own (same line number), so the chrome rules that remove
    the keywords do not take it with them."""
    words = "|".join(map(re.escape, d.keyword_labels))
    labels = re.compile(rf"^([^,，。;；:：]{{4,{max_chars}}})[,，。;；]\s*[^,，。;；]{{0,8}}?({words})")
    out = []
    for number, line in lines:
        m = labels.match(line.strip())
        if m and reads_as_title(m[1], d, max_chars):
            out += [(number, m[1]), (number, line.strip()[len(m[1]):])]
        else:
            out.append((number, line))
    return out


def unflatten_journal_fields(lines: list[tuple[int, str]], d: Detector) -> list[tuple[int, str]]:
    """A journal article stored as one line ("袁梦甜 彭建军 摘要:… 关键词:…;… 中图分类号:D630文献标识码:A… 作者简介:…。
    一、问题的提出…"): each field is put on a line of its own (same line number), so that the metadata lines
    go as chrome and the abstract and the text stay. A field's value ends at the next field or at the first
    sentence end before a space; the abstract's label goes on a line of its own."""
    out = []
    for number, line in lines:
        fields = list(d.journal_fields.finditer(line))
        if len(fields) < 2:
            out.append((number, line))
            continue
        parts = [line[:fields[0].start()]]
        for k, field in enumerate(fields):
            end = fields[k + 1].start() if k + 1 < len(fields) else len(line)
            value = line[field.end():end]
            if field.group().startswith(d.abstract_labels):
                parts += [field.group(), value]  # the abstract is the essay's
                continue
            stop = re.search(r"[。.]\s+", value)
            parts += [field.group() + value[:stop.end()], value[stop.end():]] if stop and k + 1 == len(fields) \
                else [field.group() + value]
        out += [(number, part.strip()) for part in parts if part.strip()]
    return out


def drop_after_markers(labels: list[str], keys: list[str], text_lines: list[tuple[int, str]],
                       verdicts: list[Verdict], decision: dict[int, tuple[bool, str]]) -> None:
    """After an essay marker, before its text: the title printed again, a byline, a date and a source go."""
    for m in (i for i, label in enumerate(labels) if label == "marker"):
        title = keys[m]
        for j in range(m + 1, len(labels)):
            if labels[j] != "short":
                break
            if han_count(title) < 6 and j == m + 1:  # a bare marker ("【篇1】"): its title is the next line
                title = keys[j]
            elif any(" words " in w for w in verdicts[j].why) or repeats(keys[j], title) \
                    or BYLINE_LINE.match(text_lines[j][1].strip()) or DATE_TIME.search(text_lines[j][1]):
                decision[j] = (False, "after marker")


def select(lines: list[tuple[int, str]], d: Detector, is_marker, clean_title, title_max_chars: int,
           chrome_lines: frozenset[int] = frozenset(), header_lines: frozenset[int] = frozenset(),
           breadcrumbs: tuple[str, ...] = ()) -> MainText:
    """Keep the main text of a page; drop the rest with the verdict that decided it. A short line is
    judged without the junk titles carry ("_第1页", "_1"): `clean_title` removes it. `chrome_lines`: the
    numbers of lines the chrome rules removed before (the text's tail ends at one); `header_lines`: those of
    them that are a header (source, author, date), which a news page prints just below its headline;
    `breadcrumbs`: the breadcrumb lines they removed, whose last item a page may print again as its column's name."""
    text_lines = [(n, t) for n, t in lines if t.strip()]
    keys = [line_key(t) for _, t in text_lines]
    counts = Counter(keys)
    labels_before = {i: label for i, (_, t) in enumerate(text_lines) if (label := label_before_text(t, d))}
    verdicts = judge_lines(text_lines, keys, counts, labels_before, d, is_marker, clean_title, title_max_chars)
    columns = column_names(breadcrumbs, d)
    verdicts = [Verdict("bad", 0.0, [COLUMN]) if key in columns else v for key, v in zip(keys, verdicts)]
    labels = [v.label for v in verdicts]
    # a label or byline comes before the text starts, not between its paragraphs (a PDF's justified gap)
    labels_before = {i: label for i, label in labels_before.items() if i == 0 or labels[i - 1] != "good"}
    if not any(l == "good" for l in labels):
        # nothing reads as prose (a short page, a list of sentences): only clear chrome goes
        decision = {i: (v.label not in ("bad", "foreign", "code"), v.label) for i, v in enumerate(verdicts)}
        return _result(lines, text_lines, verdicts, decision)
    spans, decision = decide_by_runs(labels, text_lines, d.settings)
    keep_near_runs(spans, labels, text_lines, verdicts, chrome_lines, decision, d)
    bylines = name_bylines(text_lines, labels, d)
    decision.update({i: (False, "name byline") for i in bylines})
    header_lines |= {text_lines[i][0] for i in bylines}  # a byline is a header: the headline is just above it
    first = spans[0][0]
    # and so is a short line with a date or time near the top that is no prose ("2020-07-08 阅读数 48783")
    # (just below the text's first line too, which is then its headline)
    # (read on the line as printed: a short line is judged without the date a title may carry, "…人民政府2022-07-29 09:43")
    header_lines |= {text_lines[i][0] for i in range(1, min(first + 2, d.settings.title_search_lines, len(text_lines)))
                     if labels[i] != "good" and han_count(text_lines[i][1]) < 40 and DATE_TIME.search(text_lines[i][1])}
    title_at = title_before_run(first, text_lines, keys, counts, labels, verdicts, decision, d, clean_title,
                                title_max_chars)
    drop_after_markers(labels, keys, text_lines, verdicts, decision)
    # a collection's title ("…(实用17篇)") names the page; the essay's own may follow the site's intro
    collection = title_at is not None and names_collection(text_lines[title_at][1].strip(), d)
    if (title_at is None or collection) and labels[first] == "good" and first not in labels_before:
        own = title_after_intro(text_lines, labels, verdicts, first, d, clean_title, title_max_chars)
        if own is not None:
            if title_at is not None:
                decision[title_at] = (False, "collection")
            decision.update({j: (False, "intro") for j in range(first, own)})
            decision[own] = (True, "title")
            title_at = own
    glued, cut = None, None
    if title_at is None and labels[first] == "good":
        label = labels_before.pop(first, "")
        if label and reads_as_title(label, d, title_max_chars):
            glued = label, text_lines[first][1].strip()[len(label):].strip()
        else:
            glued, cut = glued_title(text_lines[first][1].strip(), d, title_max_chars)
    moved = None  # a title found elsewhere than before the text: it goes first
    kicker = None  # the phrases before a headline too long for a title with them
    headline = 0  # its line, when it is a news headline split_essays must take though it ends with "!"
    if not glued and (moved := labelled_title(text_lines, labels, d, clean_title)) is not None and moved != title_at:
        if title_at is not None:
            decision[title_at] = (False, "not the title")
        decision[moved] = (True, "title labelled")
    elif title_at is not None and not glued and title_above_header(
            first, text_lines, header_lines, verdicts, d, clean_title, title_max_chars) == first \
            and names_less_of_text(clean_title(text_lines[title_at][1]), clean_title(text_lines[first][1]),
                                   prose_text(text_lines[first + 1:], labels[first + 1:])):
        # the text's first line is a headline above the header; the short line before it was a column's name
        # ("古海街道", "学生活动"): the text uses fewer of its words
        decision[title_at] = (False, "not the title")
        decision[first] = (True, "title above header")
        moved, title_at, headline = first, None, text_lines[first][0]
    elif title_at is None and not glued and (moved := title_above_header(
            first, text_lines, header_lines, verdicts, d, clean_title, title_max_chars)) is not None:
        decision[moved] = (True, "title above header")
        headline = text_lines[moved][0]
        kicker = long_headline_kicker(text_lines[moved][1].strip(), title_max_chars)
    elif title_at is None and not glued and exclaimed_first_line(first, text_lines, labels, d, title_max_chars):
        decision[first] = (True, "title exclaimed")
        headline = text_lines[first][0]  # split_essays takes it though it ends like a sentence
    elif title_at is None and not glued:
        moved = title_below_text(spans[-1][1], text_lines, labels, verdicts, decision, d, clean_title, title_max_chars)
        if moved is not None:
            decision[moved] = (True, "title below")
    if title_at is not None and not headline and exclaimed_headline(text_lines[title_at][1]) != text_lines[title_at][1]:
        headline = text_lines[title_at][0]  # split_essays takes it though it ends like a sentence
    prefixes = {i: (label, LABEL_BEFORE_TEXT) for i, label in labels_before.items()}
    if kicker:
        prefixes[moved] = kicker[0], KICKER_PHRASES
    if glued and cut:
        prefixes[first] = cut
    if title_at is not None and (again := title_glued_again(text_lines[first][1], clean_title(text_lines[title_at][1]))):
        prefixes[first] = again, REASONS["title again"]
    elif not glued and first not in prefixes and (notes := site_sentences_before_text(text_lines[first][1], d)):
        prefixes[first] = notes, SITE_SENTENCES
    joined = {}
    if title_at and decision[title_at][0] and text_lines[title_at][0] - text_lines[title_at - 1][0] <= 2 \
            and title_over_two_lines(text_lines[title_at - 1][1], text_lines[title_at][1], d, title_max_chars):
        joined[title_at] = text_lines[title_at - 1][1].strip() + text_lines[title_at][1].strip()
        decision[title_at - 1] = (False, "title first line")
    elif title_at is not None and decision[title_at][0] and title_at + 1 < first \
            and text_lines[title_at + 1][0] - text_lines[title_at][0] <= 2 \
            and title_over_two_lines(text_lines[title_at][1], text_lines[title_at + 1][1], d, title_max_chars):
        # the document's name on the next line, its characters spaced out perhaps ("关于印发…规划的" / "通    知")
        joined[title_at] = text_lines[title_at][1].strip() + unspaced(text_lines[title_at + 1][1])
        decision[title_at + 1] = (False, "title second line")
    main = _result(lines, text_lines, verdicts, decision, text_lines[first][0] if glued else 0, glued, prefixes,
                   joined)
    main.headline = headline
    if moved is not None and moved != title_at:  # the title goes first, where the essay's title is read from
        main.lines.sort(key=lambda line: line[0] != text_lines[moved][0])
    return main


def _pairs(text: str) -> list[str]:
    return [run[i:i + 2] for run in HAN_RUN.findall(text) for i in range(len(run) - 1)]


def prose_text(text_lines: list[tuple[int, str]], labels: list[str]) -> str:
    """The page's prose lines, one per line (a pair of characters is looked up in it as a substring: fast)."""
    return "\n".join(text_lines[i][1] for i, label in enumerate(labels) if label == "good")


def names_less_of_text(title: str, other: str, prose: str) -> bool:
    """Whether the prose uses a smaller share of the title's pairs of characters than of the other line's."""
    return words_shared(title, prose) < words_shared(other, prose)


def about_text(title: str, prose: str, d: Detector, max_chars: int) -> float:
    """A title's score for a line that has a title's form but reads as chrome, by how much of it the prose
    uses: title_shared_points × that share, when it reaches title_shared_rescue; else 0."""
    share = words_shared(title, prose)
    ok = share >= d.settings.title_shared_rescue and title_form(title, d, max_chars)
    return d.settings.title_shared_points * share if ok else 0.0


def words_shared(text: str, prose: str) -> float:
    """The share of a line's pairs of Han characters in a row that the page's prose uses too (0 with none)."""
    pairs = _pairs(text)
    return sum(pair in prose for pair in pairs) / len(pairs) if pairs else 0.0


def drop_unrelated_terms(main: MainText, d: Detector, chunk_min_han: int) -> MainText:
    """SEO spam injects search terms that have nothing to do with the essay ("快手网名女", "龟虽寿译文2、年度学习计划…",
    "…在每年年初制定。万盛黑山谷导游词"): a short line inside the text with no numbering and no punctuation, or such
    words before a list item's number or after a line's last sentence, of which no two characters in a row occur
    anywhere else on the page and which hold no function word, go. An essay's own headings share words with its
    text; standalone_headings ("结束语") need not."""
    candidates = []  # (position in main.lines, the words, where they stand in the stripped line)
    texts = [(k, line.strip()) for k, (n, line) in enumerate(main.lines) if line.strip() and n in main.kept]

    def item(j: int) -> bool:  # only inside a numbered list, where no heading or line broken in a word can be
        return 0 <= j < len(texts) and bool(ENUMERATION.match(texts[j][1]) or d.heading_start.match(texts[j][1]))

    for j, (k, text) in enumerate(texts):
        whole, head, tail = UNRELATED_LINE.match(text), UNRELATED_BEFORE_ITEM.match(text), UNRELATED_AFTER_TEXT.search(text)
        if not (whole or head or tail):
            continue
        before, after = j > 0 and (item(j - 1) or ends_sentence(texts[j - 1][1])), item(j + 1)
        if whole and before and after and text not in d.standalone_headings:
            candidates.append((k, text, slice(0, len(text))))
            continue
        if head and before:
            candidates.append((k, head[1], slice(0, head.end(1))))
        # a line with a page of text (settings chunk_min_han) is a page chunk, cut in a word before the next chunk's
        # number ("…做好实践。接下" "2、来,我将…"): its last words are no injected terms
        if tail and after and han_count(text) < chunk_min_han:
            candidates.append((k, tail[1], slice(tail.start(1), len(text))))
    if not candidates:
        return main
    counts = Counter(_pairs("\n".join(line for _, line in main.lines)))
    # search terms are names of things; "要切实维护" before a chunk's number is a sentence cut in two
    cuts = [(k, words, where) for k, words, where in candidates if (own := Counter(_pairs(words)))
            and all(counts[pair] == c for pair, c in own.items()) and not d.function_words.search(words)]
    lines = list(main.lines)
    for k, _, where in sorted(cuts, key=lambda c: -c[2].start):  # from a line's end: a cut moves none before it
        text = lines[k][1].strip()
        lines[k] = (lines[k][0], text[:where.start] + text[where.stop:])
    dropped = [Dropped("injected", words, main.lines[k][0], "main-text", UNRELATED,
                       fragment=where.stop - where.start < len(main.lines[k][1].strip())) for k, words, where in cuts]
    return MainText(lines, main.dropped + dropped, main.kept, main.headline)


def glued_title(text: str, d: Detector, max_chars: int) -> tuple[tuple[str, str] | None, tuple[str, str] | None]:
    """The title glued to the first paragraph and the rest of it (split_glued_title), after a site's header that
    ends at its address, or printed twice after a viewer's notes (doubled_title); with what goes before the
    title and why, if anything."""
    header = SITE_HEADER.match(text)
    rest = text[header.end():] if header else text
    if m := doubled_title(rest, d, max_chars):
        before = text[:len(text) - len(rest) + m.end() - len(m[2])]  # up to the second copy, the one kept
        return (m[2], rest[m.end():].lstrip()), (before, DOUBLED)
    glued = split_glued_title(rest, d, max_chars)
    return glued, (text[:header.end()], SITE_HEADER_WHY) if glued and header else None


REASONS = {
    "main": "prose", "heading": "short line inside the main text", "tail": "just after the main text",
    "title": "most title-like line before the main text",
    "title exclaimed": "the text's first line, one short sentence that exclaims or asks, with no title anywhere: a headline",
    "title below": "the last line, just after the main text, reads as its title (no title before it)",
    "title labelled": "the page labels it as the title (rules/maintext.yaml title_label)",
    "title about text": "a line that looks like chrome, but the text uses most of its words (rules/maintext.yaml "
                        "title_shared_rescue): the title",
    "title above header": "the line just above the page's header (source, author, date): a news page's headline",
    "not the title": "a title-like line, but the page labels another line as its title", "island": "prose far from the main text (island)",
    "outside": "outside the main run of prose", "between chrome": "short line between chrome lines",
    "bad": "chrome", "foreign": "not Chinese", "code": "code", "short": "short line", "good": "prose",
    "marker": "essay marker", "title again": "the title printed again at the start of the text",
    "intro": "the site's words before the essay's title",
    "collection": "the title of the site's collection of essays (rules/maintext.yaml collection_title)",
    "after marker": "title again, byline or date between an essay marker and its text",
    "name byline": "one person's name below the headline, above the text: the author's byline",
    "subtitle": "the line just below the title that opens with a dash: its subtitle",
    "title first line": "the first line of a document's title printed over two lines: joined to the second",
    "title second line": "the last line of a document's title printed over two lines (its name): joined to the first",
}
COMMENTS = "after a post header (a name and a timestamp) below the text: comments or replies"
LABEL_BEFORE_TEXT = "a label or byline printed before the text on its line"
KICKER_PHRASES = "a kicker's phrases before a headline too long for a title with them"
SITE_SENTENCES = "the site's own sentences before the text's first words on its line (two chrome words in each)"
SITE_HEADER_WHY = "a site's header, up to its address, before the title glued to the text"
DOUBLED = "a viewer's notes, document number and file name before the document's title (the same words)"


def title_glued_again(text: str, title: str) -> str:
    """The title printed again at the start of the text's first line, glued to its first words
    ("…经济工作会议上的讲话同志们:"): that copy of it, or ""."""
    text = text.strip()
    return title if han_count(title) >= 6 and text.startswith(title) and han_count(text[len(title):]) >= 2 else ""


def site_sentences_before_text(text: str, d: Detector) -> str:
    """The site's own sentences at the start of the text's first line, before the essay's first words
    ("此资料由网络收集而来如有侵权请告知上传者立即删除。…"): each has two or more words no essay uses (one may be
    the essay's: "…三年工作时间。"), and none opens as a text does ("近日,…在微信朋友圈大量转发,…赢得广泛点赞。":
    text_openers); or ""."""
    cut = ""
    for sentence in sentences(text.strip()):
        if len(chrome_words_in(sentence, d)) < 2 or sentence.lstrip("“‘（( ").startswith(d.text_openers):
            break
        cut += sentence
    rest = text.strip()[len(cut):]
    return cut if cut and han_count(rest) >= 20 and PUNCT.search(rest) else ""


def _result(lines, text_lines, verdicts, decision, glued_line=0, glued=None, prefixes=None, joined=None) -> MainText:
    # text_lines are the non-empty lines in order (a line split in parts gives several with its number)
    position = iter(range(len(text_lines)))
    kept_lines: list[tuple[int, str]] = []
    dropped: list[Dropped] = []
    kept: dict[int, str] = {}
    for n, t in lines:
        if not t.strip():
            kept_lines.append((n, t))
            continue
        i = next(position)
        keep, why = decision[i]
        reason = REASONS[why] if why == "marker" else f"{REASONS[why]} ({verdicts[i].explain()})"
        if keep and n == glued_line:
            kept_lines += [(n, glued[0]), (n, glued[1])]
            kept[n] = f"{reason}; title glued to it split off: {glued[0]}"
            if i in (prefixes or {}):
                dropped.append(Dropped("main-text", prefixes[i][0].strip(), n, "main-text", prefixes[i][1], fragment=True))
        elif keep and i in (joined or {}):
            kept_lines.append((n, joined[i]))
            kept[n] = f"{reason}; its first line joined to it: {joined[i]}"
        elif keep and i in (prefixes or {}):
            prefix, why_dropped = prefixes[i]
            kept_lines.append((n, t.strip()[len(prefix):].strip()))
            kept[n] = reason
            dropped.append(Dropped("main-text", prefix, n, "main-text", why_dropped, fragment=True))
        elif keep:
            kept_lines.append((n, t))
            kept[n] = reason
        else:
            kind = {"foreign": "not-chinese", "code": "code"}.get(verdicts[i].label, "main-text")
            dropped.append(Dropped(kind, t.strip(), n, "main-text", reason))
    return MainText(kept_lines, dropped, kept)
