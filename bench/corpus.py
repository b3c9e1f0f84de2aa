"""A realistic synthetic corpus: N raw pages in the shapes the spec's catalogue describes —
Simplified pages with several essays and site chrome, and Traditional pages with tone pinyin cut into
page chunks — plus the manifest that registers them, in a copy of the repository."""

from __future__ import annotations

import random
import re
import shutil
from pathlib import Path

from opencc import OpenCC
from pypinyin import Style, pinyin

from handbook.garble import is_rare, mark_garbled

ROOT = Path(__file__).resolve().parent.parent
PARTS = ("handbook", "rules", "build_content.py", "mkdocs.yml", "overrides", "hooks")
HAND_WRITTEN = ("about.md", "contribute.md", "sources.md", "assets")
HAN = re.compile(r"[\u4e00-\u9fff]")
ROLES = {"书记": "乡镇党委书记", "镇长": "乡镇长", "组工干部": "组工干部"}
SENTENCES = [
    "{role}要把抓党建作为最大的政绩，经常研究部署基层党建工作。",
    "要坚持民主集中制，重大问题集体讨论决定，不搞一言堂。",
    "{role}要深入村组农户，倾听群众呼声，帮助解决生产生活中的实际困难。",
    "要抓好招商引资和项目建设，增强乡镇经济发展的后劲。",
    "要落实安全生产责任制，把各类隐患消除在萌芽状态。",
    "要加强干部作风建设，坚决整治庸懒散拖等突出问题。",
    "要关心干部成长，为年轻干部压担子、搭台子、铺路子。",
    "要增强公仆意识，始终把人民群众的利益放在第一位。",
]
CHROME_HEAD = ["当前位置:首页 >> 范文大全 >> 心得体会", "发布时间:2023-04-01 作者:会员上传 阅读量:{n}",
               "简介:小编为你整理了多篇相关的范文,希望对你有帮助。"]
CHROME_TAIL = ["下载本文档", "已阅读1页,还剩3页未读, 继续免费阅读", "声明:本文内容由互联网用户自发贡献自行上传。",
               "相关范文推荐", "    乡镇工作总结范文......", "    村干部述职报告......"]


def essay_text(rng: random.Random, role: str, paragraphs: int = 12) -> list[str]:
    out = []
    for i in range(paragraphs):
        if i % 4 == 0:
            out.append(f"{'一二三四五六七八九十'[i // 4]}、第{i // 4 + 1}个方面的要求")
        out.append("".join(rng.choice(SENTENCES).format(role=ROLES[role]) for _ in range(rng.randint(4, 8))))
    return out


def simplified_page(rng: random.Random, index: int) -> tuple[str, list[tuple[str, str]]]:
    essays = []
    lines = [f"第{index}号范文合集"] + [h.format(n=rng.randint(10, 9999)) for h in CHROME_HEAD]
    for k in range(rng.randint(2, 4)):
        role = rng.choice(list(ROLES))
        title = f"{ROLES[role]}工作体会第{index}之{k + 1}"
        essays.append((title, role))
        lines += ["", f"第{'一二三四五'[k]}篇:{title}", "", title, ""]
        for p in essay_text(rng, role):
            cut = len(p) // 2 if rng.random() < 0.1 else None  # a page break inside a sentence
            lines += [p[:cut], "", p[cut:]] if cut else [p]
            lines.append("")
    return "\n".join(lines + CHROME_TAIL) + "\n", essays


def traditional_page(rng: random.Random, index: int, s2t=OpenCC("s2t")) -> tuple[str, list[tuple[str, str]]]:
    role = rng.choice(list(ROLES))
    title = f"{ROLES[role]}的职责第{index}篇"
    text = "".join(essay_text(rng, role, 8)[1:])
    chunks = [text[i:i + 300] for i in range(0, len(text), 300)]

    def annotate(s: str) -> str:
        return "".join(f"{s2t.convert(ch)}({pinyin(ch, style=Style.TONE)[0][0]})" if "\u4e00" <= ch <= "\u9fff"
                       else ch for ch in s)

    body = "\n\n".join(f"{n}、{annotate(c)}" for n, c in enumerate(chunks, 1))
    page = f"{annotate(title)}_第1頁\n已閱讀1頁,還剩3頁未讀, 繼續免費閱讀\n\n下載本文檔\n\n{body}\n\n溫馨提示\n\n評論\n\n0/150\n\n提交評論\n"
    return page, [(title, role)]


def copy_repo(target: Path) -> None:
    """The project's code, rules and hand-written pages in a fresh directory `target`, without sources."""
    if target.exists():
        shutil.rmtree(target)
    target.mkdir(parents=True)
    for part in PARTS:
        src = ROOT / part
        (shutil.copytree(src, target / part, ignore=shutil.ignore_patterns("__pycache__"))
         if src.is_dir() else shutil.copy2(src, target / part))
    (target / "docs").mkdir()
    for name in HAND_WRITTEN:
        src = ROOT / "docs" / name
        (shutil.copytree(src, target / "docs" / name) if src.is_dir() else shutil.copy2(src, target / "docs" / name))


def write_sources(target: Path, pages: list[tuple[str, list[tuple[str, str, str]]]]) -> None:
    """Raw pages (text, [(title, slug, role)]) in sources/raw/, and the manifest that registers them."""
    raw = target / "sources" / "raw"
    raw.mkdir(parents=True)
    manifest = ["sources:"]
    for i, (text, essays) in enumerate(pages):
        (raw / f"page-{i:04d}.txt").write_text(text, encoding="utf-8")
        manifest += [f"  - file: sources/raw/page-{i:04d}.txt", "    site: 合成语料", "    essays:"]
        manifest += [f"      - {{match: '{t}', slug: {slug}, role: {r}}}" for t, slug, r in essays]
    (target / "sources" / "manifest.yaml").write_text("\n".join(manifest) + "\n", encoding="utf-8")
    (target / "sources" / "corrections.yaml").write_text("corrections: []\n", encoding="utf-8")


def make_repo(target: Path, pages: int, seed: int = 1) -> Path:
    """A repository copy at `target` holding `pages` synthetic raw pages and their manifest."""
    copy_repo(target)
    rng = random.Random(seed)
    made = []
    for i in range(pages):
        text, essays = (traditional_page if i % 3 == 2 else simplified_page)(rng, i)
        made.append((text, [(t, f"p{i:04d}-{k}", r) for k, (t, r) in enumerate(essays)]))
    write_sources(target, made)
    return target


# ---- chapters of real text, for the search benchmark -------------------------------------------------

REAL_TEXT = ("sources/raw/*.txt", "tests/fixtures/**/*.txt")
SENTENCE = re.compile(r"[^。！？\n]{8,150}[。！？]")
NOT_PROSE = re.compile(r"[<>{}|\\#*_\[\]:@/=]")
NOUN_FLAGS = ("n", "nr", "ns", "nt", "nz", "vn")


def garbled(sentence: str) -> bool:
    """Mojibake or a spot the cleaner would mark: kana, two rare characters, or mark_garbled's verdict."""
    return (bool(re.search(r"[\u3040-\u30ff]", sentence)) or sum(map(is_rare, HAN.findall(sentence))) >= 2
            or mark_garbled(sentence)[1] > 0)


def real_sentences() -> list[str]:
    """The prose sentences of the real pages (the seeds and the test fixtures), without site chrome
    and without the ones the cleaner would mark as garbled."""
    found = set()
    t2s = OpenCC("t2s")  # a chapter is Simplified; a page in Traditional would be converted whole
    for pattern in REAL_TEXT:
        for path in sorted(ROOT.glob(pattern)):
            for s in SENTENCE.findall(path.read_text(encoding="utf-8", errors="replace")):
                s = t2s.convert(s.strip())
                if len(HAN.findall(s)) >= 0.8 * len(s) and not NOT_PROSE.search(s) and not garbled(s):
                    found.add(s)
    return sorted(found)


def dictionary_nouns(limit: int = 40_000) -> list[str]:
    """The most frequent nouns of jieba's dictionary (two characters or more)."""
    import jieba
    rows = []
    with open(Path(jieba.__file__).parent / "dict.txt", encoding="utf-8") as f:
        for line in f:
            word, freq, flag = line.split()
            if flag in NOUN_FLAGS and len(word) >= 2 and all(HAN.match(ch) and not is_rare(ch) for ch in word):
                rows.append((int(freq), word))
    return [w for _, w in sorted(rows, reverse=True)[:limit]]


def make_real_text_repo(target: Path, chapters: int, seed: int = 1) -> Path:
    """A repository copy at `target` with `chapters` raw pages of one essay each, written from real
    sentences: the few hundred sentences of the seeds and fixtures, shuffled, with about a third of
    their nouns swapped for other nouns of jieba's dictionary. So the chapters have the sentence
    shapes of the handbook and a vocabulary that keeps growing with N, as real text does: gzip and
    index sizes are not flattered by repetition."""
    import jieba.posseg
    copy_repo(target)
    rng = random.Random(seed)
    templates = [[(w.word, w.flag in NOUN_FLAGS and len(w.word) >= 2) for w in jieba.posseg.cut(s)]
                 for s in real_sentences()]
    nouns = dictionary_nouns()

    def sentence() -> str:
        return "".join(rng.choice(nouns) if noun and rng.random() < 0.35 else word
                       for word, noun in rng.choice(templates))

    def clause(most: int) -> str:
        """The first clause of a sentence, if it does not open like a list item (一是, 第二, 四要…) and
        the cleaner would not take a swapped noun in it for garbled text."""
        while True:
            text = re.split(r"[，,；;。！？]", sentence())[0].lstrip("“”\"'：:、")[:most]
            if len(text) >= 4 and text[0] not in "一二三四五六七八九十第0123456789（(" and not garbled(text):
                return text

    made = []
    for i in range(chapters):
        role = rng.choice(list(ROLES))
        # a title of two dictionary nouns: a sentence as a title may be one the cleaner takes for site chrome
        title = f"{rng.choice(nouns)}与{rng.choice(nouns)}（{i + 1}）"
        lines = [title, ""]
        for k in range(rng.randint(3, 5)):
            lines += [f"{'一二三四五'[k]}、{clause(16)}", ""]
            for _ in range(rng.randint(2, 4)):
                lines += ["".join(sentence() for _ in range(rng.randint(3, 6))), ""]
        made.append(("\n".join(lines), [(title, f"c{i:04d}", role)]))
    write_sources(target, made)
    return target

    raw.mkdir(parents=True)
