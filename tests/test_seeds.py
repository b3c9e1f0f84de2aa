"""The two seed pages (pinned in tests/fixtures/seeds/) must give exactly the handbook the spec describes."""

import re
from functools import lru_cache

import pytest
import yaml

from handbook.build import Paths, plan

from tests.repo import fixture_repo

EXPECTED = {
    "书记": ["新时期乡镇党委书记应增强的几种能力和意识", "乡镇党委书记谈增强公仆意识",
             "浅谈新时期如何当好乡镇党委书记", "新时期如何当好一名乡镇党委书记"],
    "组工干部": ["增强五种意识 提升五种能力"],
    "镇长": ["镇长职责"],
}
# Strings from the seeds' chrome and damage that must not reach any chapter.
ARTEFACTS = ["下载本文", "作者:会员上传", "小编为你整理", "写写帮", "xiexiebang", "来源于", "欢迎阅读",
             "word格式文档", "声明:", "声明：", "相关范文推荐", "第一篇", "第五篇", "文章标题", "_第1页", "已阅读",
             "还剩3页", "继续免费阅读", "版权说明", "文档简介", "温馨提示", "本站", "评论", "0/150", "提交评论",
             "众赏文库", "......", "增强学习意识提高素质能力", "禁毒"]
PINYIN = re.compile(r"[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ]|\((?:[a-z]{1,6})\)")
# The seven sentences broken by page breaks in seed 1, as they must read once joined.
JOINED = ["妥善处理好各种利益关系", "才能在激烈的竞争中拥有一席之地", "公仆意识是共产党人立党为公、执政为民的本质体现",
          "工作必定无声无息", "有了苗头征兆提前发现、提前处理", "加大乡级“五保”投入", "努力做到“三个保持，五个永不”"]


@lru_cache(maxsize=1)
def chapters() -> dict[str, dict]:
    result = plan(Paths(fixture_repo()))
    out = {}
    for chapter in result.chapters:
        front, body = chapter.text.split("\n---\n", 1)
        out[chapter.title] = {"meta": yaml.safe_load(front.lstrip("-\n")), "body": body, "role": chapter.role}
    return out


def test_seeds_give_exactly_the_expected_chapters_by_role():
    found: dict[str, list[str]] = {}
    for title, c in chapters().items():
        found.setdefault(c["role"], []).append(title)
    assert found == EXPECTED


@pytest.mark.parametrize("marker", ARTEFACTS)
def test_no_catalogue_artefact_is_left(marker):
    leaking = [t for t, c in chapters().items() if marker in c["body"]]
    assert not leaking, f"{marker!r} left in {leaking}"


def test_no_pinyin_no_question_marks_in_chinese_and_simplified_only():
    from opencc import OpenCC
    t2s = OpenCC("t2s")
    for title, c in chapters().items():
        body = c["body"]
        assert not PINYIN.search(body), title
        assert not re.search(r"[\u4e00-\u9fff]\?|\?[\u4e00-\u9fff]", body), title
        assert t2s.convert(body) == body, f"Traditional characters left in {title}"


@pytest.mark.parametrize("sentence", JOINED)
def test_page_break_joins_are_whole_sentences(sentence):
    assert any(sentence in c["body"] for c in chapters().values())


def test_zhenzhang_chapter_marks_gap_truncation_and_unrepaired_garbling():
    c = chapters()["镇长职责"]
    body = c["body"]
    # the gap sits where the numbering restarts: before the second "二、"
    gap = body.index("〔原文此处缺失〕")
    assert body.index("三、既要修好人品") < gap < body.index("二、坚持以人为本")
    assert body.rstrip().endswith("〔原文至此不完整〕")
    assert any("〔原文此处缺失〕" in n for n in c["meta"]["notes"])
    assert any("〔原文至此不完整〕" in n for n in c["meta"]["notes"])
    for repaired in ["要创新发展理念", "要务求发展实效", "克服前进道路上的困难", "克己奉公", "因为这是成事之机",
                     "“四不”即：一不能存在弄权之心", "二不能因为当了乡镇长"]:
        assert repaired in body, repaired


def test_traditional_source_reads_as_simplified_prose():
    body = chapters()["镇长职责"]["body"]
    assert "乡镇长身处党政领导序列的终端" in body
    assert "承担着贯彻落实党的路线方针政策" in body  # the particle 著 becomes 着


def test_typo_correction_is_applied_and_listed():
    c = chapters()["浅谈新时期如何当好乡镇党委书记"]
    assert "经常沟通思想，沟通感情" in c["body"] and "勾通" not in c["body"]
    assert c["meta"]["corrections"][0]["replace"].startswith("经常沟通思想")


def test_headings_and_run_in_headings_are_markdown_headings():
    zhen = chapters()["镇长职责"]["body"]
    assert "\n## 一、谋发展，追求一流业绩\n\n要创新发展理念。" in zhen
    assert "\n## 二、既要当好主角，又要当好配角\n\n在决策上当好配角。" in zhen
    qiantan = chapters()["浅谈新时期如何当好乡镇党委书记"]["body"]
    assert "\n## 三、新时期如何做群众满意的党委书记\n" in qiantan
    assert "\n### （一）要扎实履行岗位职责\n" in qiantan


def test_punctuation_is_full_width_in_chinese_text():
    for title, c in chapters().items():
        assert not re.search(r"[\u4e00-\u9fff][,:;!?()]|[,:;!?()][\u4e00-\u9fff]", c["body"]), title


def test_front_matter_carries_provenance_and_reading_time():
    meta = chapters()["乡镇党委书记谈增强公仆意识"]["meta"]
    assert meta["source"]["file"] == "sources/raw/xiexiebang-shuji-nengli-yishi.txt"
    assert meta["source"]["site"] == "写写帮文库"
    assert meta["role"] == "书记" and meta["role_slug"] == "shuji"
    assert meta["characters"] > 1000 and meta["reading_minutes"] >= 1
