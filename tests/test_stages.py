"""One stage at a time, on real fragments of the raw pages (tests/fixtures/artefacts/): when a stage
breaks, the test that fails names it."""

import pytest

from handbook.chrome import anchored_at_start, chrome_rule
from handbook import structure
from handbook.joins import join_broken_lines, split_inline_headings
from handbook.roles import role_from_keywords
from handbook.rules import load_rules
from handbook.structure import widen_punctuation

RULES = load_rules()


def kind(line: str) -> str | None:
    rule = chrome_rule(line, RULES.line_patterns, anchored_at_start(RULES.line_patterns),
                       RULES.settings["chrome_max_line_chars"], RULES.settings["chrome_max_line_sentences"])
    return rule.kind if rule else None


@pytest.mark.parametrize("line, expected", [
    ("下载本文档", "paywall"),
    ("已阅读1页,还剩3页未读, 继续免费阅读", "paywall"),
    ("当前位置:首页 >> 范文", "breadcrumb"),
    ("分享到: 微信 QQ空间 微博", "share"),
    ("• 提交评论", "comments"),
    ("0/150", "comments"),
])
def test_chrome_rule_names_the_chrome_a_line_is(line, expected):
    assert kind(line) == expected


def test_chrome_rule_leaves_prose_that_mentions_chrome_words():
    prose = ("组织部门是干部之家，组工干部要热情接待每一位来访者，认真听取群众的评论和意见，"
             "把群众反映的问题分享到班子会上研究，做到来有迎声，问有答声，走有送声，真正让干部感到温暖，"
             "让群众满意，让组织放心，这是我们做好组织工作的基本要求，也是每一位组工干部的本分。")
    assert len(prose) > RULES.settings["chrome_max_line_chars"]
    assert kind(prose) is None
    assert kind("依法行政是对乡镇干部的基本要求。") is None


def test_join_broken_lines_joins_a_sentence_cut_by_a_line_break():
    paragraphs = ["依法行政是对乡镇干部的基本要求。在征地拆迁、环境整治等工作中,必须严格按照法律法规办事,妥善处理",
                  "好各方面的利益关系。",
                  "有的干部习惯于用行政命令代替法律手段,这种做法看似效率高,实际上埋下了隐患。"]
    joined, count = join_broken_lines(paragraphs, RULES)
    assert count == 1
    assert joined == [paragraphs[0] + paragraphs[1], paragraphs[2]]


def test_join_broken_lines_keeps_headings_and_short_lines_apart():
    paragraphs = ["一、坚持依法行政", "在征地拆迁、环境整治等工作中,必须严格按照法律法规办事", "二、提高法治能力",
                  "组织干部学法用法"]
    assert join_broken_lines(paragraphs, RULES) == (paragraphs, 0)


def test_join_broken_lines_joins_a_line_that_starts_with_a_continuation_mark():
    assert join_broken_lines(["要做到来有迎声", "，问有答声。"], RULES) == (["要做到来有迎声，问有答声。"], 1)


@pytest.mark.parametrize("title, expected", [
    ("乡镇党委书记谈增强公仆意识", "书记"),
    ("浅谈乡镇长的职责", "镇长"),
    ("组工干部要练就五种能力", "组工干部"),
    ("书记和镇长如何配合", None),  # no role clearly leads
    ("乡镇干部工作体会", None),  # no keyword at all
])
def test_role_from_keywords_by_title(title, expected):
    assert role_from_keywords(title, "", RULES.roles) == expected


def test_role_from_keywords_counts_the_body_when_the_title_says_nothing():
    body = "镇长要深入村组农户，倾听群众呼声。乡长是一乡之长，要对全乡群众负责。"
    assert role_from_keywords("乡镇干部工作体会", body, RULES.roles) == "镇长"


def test_role_from_keywords_counts_a_long_keyword_once():
    # "党委书记" is not also "书记": one match for 书记 against one for 镇长 is a tie, not a lead
    assert role_from_keywords("党委书记与镇长", "", RULES.roles) is None


@pytest.mark.parametrize("text, expected, count", [
    ("组工干部要热情接待每一位来访者:做到来有迎声,问有答声,走有送声;真正让干部感到温暖(而不是冷冰冰的衙门)!",
     "组工干部要热情接待每一位来访者：做到来有迎声，问有答声，走有送声；真正让干部感到温暖（而不是冷冰冰的衙门）！", 6),
    ("你们的工作做到位了吗?群众满意吗?", "你们的工作做到位了吗？群众满意吗？", 2),
    ("会议定于3:30开始,参会人数约1,000人。", "会议定于3:30开始，参会人数约1,000人。", 1),
    ("升级CPU (Intel) 即可", "升级CPU (Intel) 即可", 0),
])
def test_widen_punctuation_in_chinese_text_only(text, expected, count):
    assert widen_punctuation(text) == (expected, count)


def test_split_inline_headings_starts_a_paragraph_at_a_heading_after_a_sentence_end():
    one_line = ("新时期乡镇人大工作面临新的形势和任务。一、加强监督工作乡镇人大要围绕中心工作开展监督,重点监督财政预算执行情况。"
                "二、密切联系代表要建立代表联系选民制度。三、加强自身建设要配齐配强人大专职工作人员。")  # one_line_document.txt
    paragraphs, count = split_inline_headings([one_line], RULES)
    assert [p[:2] for p in paragraphs] == ["新时", "一、", "二、", "三、"] and count == 3
    # spaces before the heading go; only the styles of inline_heading_styles split ("第三，" does not)
    pasted = "要坚持以人民为中心。 一、谋发展，追求一流业绩。（二）抓党建，筑牢战斗堡垒；第三，抓作风"
    assert split_inline_headings([pasted], RULES) == (
        ["要坚持以人民为中心。", "一、谋发展，追求一流业绩。", "（二）抓党建，筑牢战斗堡垒；第三，抓作风"], 2)


def test_shape_notes_a_cut_off_end_after_the_widened_text():
    shape = structure.shape(["一、谋发展", "全镇共有村（社区）12个，其中"], RULES)
    assert (shape.headings, shape.gaps, shape.truncated) == (1, 0, True)
    assert shape.blocks[-1].text == "全镇共有村（社区）12个，其中" + structure.TRUNCATED_NOTE
