"""The generic cleaner on pages from sites it has no profile for: every line kept or dropped with its
reason (`clean --explain`, `--json` lines), code and other languages dropped and reported, titles never
taken from chrome and never an empty heading, an undecided role with its best guess, page chunks found
on any site."""

import json
import subprocess
import sys

from handbook.model import NO_ROLE
from handbook.pipeline import clean_page
from handbook.report import line_records
from handbook.rules import load_rules
from tests.repo import ROOT
from tests.test_artefacts import GOLD_DIR, cleaned


def clean_cli(file, *flags) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(ROOT / "build_content.py"), "clean", str(file), *flags],
                          capture_output=True, text=True, cwd=ROOT)


def test_explain_marks_every_line_with_its_stage_and_rule_or_score():
    page = GOLD_DIR / "unknown_site.txt"
    result = clean_cli(page, "--explain")
    # the page cannot become a chapter as it stands (no role's words): explained, then exit 1
    assert result.returncode == 1 and "role could not be decided" in result.stderr, result.stderr
    out = result.stdout.splitlines()
    source_lines = [l.strip() for l in page.read_text(encoding="utf-8").splitlines()]
    marked = {int(l[2:6]): l[0] for l in out if l[:1] in "+-" and l[2:6].strip().isdigit()}
    # every non-blank line of the page is there, in order, kept (+) or dropped (-)
    assert sorted(marked) == [i for i, l in enumerate(source_lines, 1) if l]
    assert list(marked) == sorted(marked)
    reason = {int(l[2:6]): out[i + 1].strip() for i, l in enumerate(out[:-1]) if l[:1] in "+-" and l[2:6].strip().isdigit()}
    line_of = {text: i for i, text in enumerate(source_lines, 1)}
    # a rule is named by file and entry; the detector's decisions by score and the words behind it
    assert marked[line_of["澳门葡京娱乐城 注册送彩金 百家乐在线"]] == "-"
    assert "rules/boilerplate.yaml line_patterns.spam[0]" in reason[line_of["澳门葡京娱乐城 注册送彩金 百家乐在线"]]
    assert marked[line_of["加入收藏 立即下载 VIP免费 客服工作时间：9:00-18:00"]] == "-"
    assert "main-text" in reason[line_of["加入收藏 立即下载 VIP免费 客服工作时间：9:00-18:00"]]
    assert "score" in reason[line_of["加入收藏 立即下载 VIP免费 客服工作时间：9:00-18:00"]]
    assert "rules/maintext.yaml vocabularies.ui" in reason[line_of["加入收藏 立即下载 VIP免费 客服工作时间：9:00-18:00"]]
    assert marked[line_of["一、坚持深入基层"]] == "+"
    assert reason[line_of["乡镇干部作风建设心得体会"]].startswith("title")


def test_explain_keeps_real_headings_with_chrome_words_and_says_why():
    out = clean_cli(GOLD_DIR / "chrome_words_prose.txt", "--explain").stdout.splitlines()
    heading = next(i for i, l in enumerate(out) if "（一）加大扶贫小额贷款投放力度" in l)
    assert out[heading].startswith("+")
    assert "short line inside the main text" in out[heading + 1]


def test_json_lines_record_every_removal_with_its_rule_in_page_order():
    data = json.loads(clean_cli(GOLD_DIR / "unknown_site.txt", "--json").stdout)
    dropped = data["dropped"]
    assert [d["line"] for d in dropped] == sorted(d["line"] for d in dropped)
    assert all(d["stage"] and d["rule"] for d in dropped)
    kinds = {d["text"][:8]: d["kind"] for d in dropped}
    assert kinds["Rural ca"] == "not-chinese" and kinds['{"id": 1'] == "code" and kinds["function"] == "code"
    records = {r["line"]: r for r in data["lines"]}
    assert all(not records[d["line"]]["kept"] for d in dropped if not d["fragment"])
    assert sum(1 for r in data["lines"] if r["kept"]) == 8  # title, 3 headings, 4 paragraphs


def test_page_markers_and_inline_chrome_are_recorded_with_their_line():
    text = "镇长的职责\n\n镇长要对全镇群众负责，抓好发展。\n\n- 2 -\n\n镇长要协助书记抓好全面工作。\n\n第2页 共3页\n"
    page = clean_page(text, "x.txt", load_rules())
    assert [(d.line, d.stage, d.rule) for d in page.dropped] == [
        (5, "page-markers", "rules/structure.yaml page_markers[3]"),
        (9, "inline-chrome", "rules/boilerplate.yaml inline_patterns.page_counter[0]")]
    assert not any(d.fragment for d in page.dropped)
    page, _ = cleaned("paywall_disclaimer.txt")
    cuts = [d for d in page.dropped if d.fragment]
    assert any("剩余2169字" in d.text and d.stage == "inline-chrome" and d.line for d in cuts)


def test_no_title_gives_a_warning_with_a_proposal_and_no_empty_heading():
    result = clean_cli(GOLD_DIR / "no_title.txt")
    assert result.returncode == 1 and "no title found" in result.stderr and "proposed: " in result.stderr
    assert not any(line.strip() == "#" or line.startswith("# \n") for line in result.stdout.splitlines())
    assert "加入购物车" not in result.stdout
    essay = json.loads(clean_cli(GOLD_DIR / "no_title.txt", "--json").stdout)["essays"][0]
    assert essay["title"] == "" and not essay["markdown"].startswith("#")
    warning = next(w for w in essay["warnings"] if w.startswith("no title found"))
    assert "proposed: 乡镇党委书记要把主要精力放在抓发展、抓党建、抓稳定上" in warning


def test_an_undecided_role_comes_with_the_best_guess_and_its_words():
    text = "做好乡镇工作的体会\n\n书记要抓全面，镇长要抓落实，书记和镇长要互相补台。党委书记要带头。\n"
    essay = clean_page(text, "x.txt", load_rules()).essays[0]
    assert essay.role is None
    warning = essay.warning(NO_ROLE).message
    assert "best guess 书记" in warning and "书记×2" in warning and "党委书记×1" in warning and "镇长 2 (镇长×2)" in warning


def test_page_chunks_are_found_inside_lines_and_from_any_number():
    rules = load_rules()
    later_chunks = ("镇长的职责\n\n3、在新的形势下，乡镇政府主要承担着发展农村经济的职能。当好镇长，关键在于提高科学文化素\n\n"
                    "4、质，增强执行政策的能力。要集中精力抓好关键\n\n5、性问题，抓好群众普遍关心的热点难点问题。\n")
    glued = ("镇长的职责\n\n1、在新的形势下，乡镇政府主要承担着发展农村经济的职能。当好镇长，关键在于提高科学文化素2、质，"
             "增强执行政策的能力。要集中精力抓好关键3、性问题，抓好群众普遍关心的热点难点问题4、，又要当好配角。\n")
    for text in (later_chunks, glued):
        body = clean_page(text, "x.txt", rules).essays[0].markdown
        assert "科学文化素质，增强执行政策的能力。" in body and "抓好关键性问题" in body
        assert not any(f"{n}、" in body for n in range(1, 6))
    # a real enumeration is no page chunk
    listed = "镇长的职责\n\n要做到三点：1、抓发展。2、抓稳定。3、抓党建。这是镇长的基本职责，必须牢记在心。\n"
    assert "1、抓发展。2、抓稳定。3、抓党建。" in clean_page(listed, "x.txt", rules).essays[0].markdown


def test_layouts_without_a_profile_table_of_contents_intro_dateline_wrap_and_two_chunks():
    rules = load_rules()
    prose = "今年以来，我镇坚持以党建引领基层治理，扎实推进各项重点工作，取得了明显成效。"

    def body(text):
        essays = clean_page(text, "x.txt", rules).essays
        return essays[0].title, essays[0].markdown

    # a table of contents (numbered headings, no prose) before the title is no main text
    outline = ["一、提高政治站位，深刻认识乡村振兴工作的重大意义与我镇取得的显著成效",
               "二、正视问题短板，清醒把握当前乡村振兴工作面临的挑战与发展机遇",
               "三、聚焦重点任务，全面推动我镇乡村振兴工作再上新台阶再创新佳绩"]
    title, md = body("目录：\n" + "\n".join(outline) + "\n……\n在全镇乡村振兴工作推进会上的讲话\n同志们：\n"
                     + prose * 3 + "\n" + outline[0] + "\n" + prose * 2)
    assert title == "在全镇乡村振兴工作推进会上的讲话" and md.count("提高政治站位") == 1 and "正视问题短板" not in md
    # the site talking about its page before the essay goes; a speech that ends "供大家参考" keeps it
    title, md = body("春节是最喜欢的节日，那么工作总结该怎么写呢，这是为大家整理的乡镇工作总结三篇，供大家参考。\n"
                     "乡镇工作总结\n" + prose * 3 +
                     "\n以上是我的几点体会，供大家参考。\n")
    assert "为大家整理" not in md and "以上是我的几点体会，供大家参考。" in md and title == "乡镇工作总结"
    # a short intro in the site's words, then the title: the intro goes, the title is found after it
    title, md = body("很多人都在写工作总结，一篇好的总结能让领导看到你的成绩，那么如何写好呢。\n乡镇党建工作总结\n"
                     + prose * 3 + "\n" + prose * 2)
    assert title == "乡镇党建工作总结" and "如何写好" not in md
    # a news dateline and its reporter go, the first sentence stays whole
    title, md = body("全镇召开冬训工作会议\n本报讯（记者 王华）近日，" + prose * 3 + "\n")
    assert "本报讯" not in md and "王华" not in md and "近日，今年以来，我镇坚持" in md
    # hard-wrapped lines (a fixed width, cut mid-word) are one paragraph again, not sentences with stops
    wrapped = prose * 6
    lines = [wrapped[i:i + 22] for i in range(0, len(wrapped), 22)]
    title, md = body("乡镇工作总结\n" + "\n".join(lines) + "\n")
    assert wrapped in md.replace("\n", "")
    assert "。。" not in md and len([p for p in md.split("\n\n") if "今年以来" in p]) == 1
    # two page chunks: the first a page of text, the second cutting its last sentence
    title, md = body("乡镇工作总结\n1、" + prose * 3 + "要切实维护\n2、社会的稳定。" + prose + "\n")
    assert "要切实维护社会的稳定。" in md and "1、" not in md and "2、" not in md


def test_lists_of_other_essays_and_comment_threads_after_the_text_go():
    prose = "今年以来，我镇坚持以党建引领基层治理，扎实推进各项重点工作，取得了明显成效。"
    comment = "这篇文章写得非常好，对我们基层干部开展工作很有启发，希望以后多分享这样的经验。"
    text = ("乡镇工作总结\n" + prose * 3 + "\n" + prose * 2 + "\n1. 驻村工作总结 2023-05-01\n2. 第一书记述职报告 2023-04-28\n"
            "张三 2023-05-02 10:12\n" + comment + "\n李四 2023-05-03 08:00\n" + comment + "\n")
    md = clean_page(text, "x.txt", load_rules()).essays[0].markdown
    assert md.count("今年以来") == 5 and "驻村工作总结" not in md and "张三" not in md and "写得非常好" not in md


def test_text_before_a_second_essay_marker_is_the_first_essay_and_a_list_of_places_goes():
    prose = "今年以来，我镇坚持以党建引领基层治理，扎实推进各项重点工作，取得了明显成效。"
    other = "我们要进一步提高认识，加强领导，狠抓落实，确保各项任务圆满完成，推动全镇高质量发展。"
    page = clean_page("乡镇党建工作总结\n" + prose * 3 + "\n篇二：乡镇工作总结\n" + other * 2 + "\n", "x.txt", load_rules())
    assert [e.title for e in page.essays] == ["乡镇党建工作总结", "乡镇工作总结"]
    md = clean_page("乡镇党建工作总结\n" + prose * 3 + "\n北京市、上海市、天津市、重庆市、河北省、山西省、辽宁省\n" + prose,
                    "x.txt", load_rules()).essays[0].markdown
    assert "天津市" not in md and md.count("今年以来") == 4


def test_a_question_is_a_title_and_a_label_with_nothing_after_it_goes():
    prose = "今年以来，我镇坚持以党建引领基层治理，扎实推进各项重点工作，取得了明显成效。"
    page = clean_page("如何做好乡镇党建工作？\n张三\n乡镇党委书记\n123 人赞同了该回答\n" + prose * 3 + "\n" + prose * 2
                      + "\n附件：\n扫一扫在手机打开当前页\n网站标识码：1234567890\n", "x.txt", load_rules())
    assert [e.title for e in page.essays] == ["如何做好乡镇党建工作？"]
    assert "附件" not in page.essays[0].markdown and "人赞同" not in page.essays[0].markdown


def test_buttons_counters_and_sidebars_around_the_text():
    prose = "今年以来，我镇坚持以党建引领基层治理，扎实推进各项重点工作，取得了明显成效。"
    page = clean_page("相关阅读：\n村支书述职报告\n乡镇党建工作总结\n" + prose * 3 + "\n【纠错】\n阅读 1234\n" + prose * 2
                      + "\n（责任编辑：张三）\n经典图书\n• 面试教材系列\n", "x.txt", load_rules())
    md = page.essays[0].markdown
    assert page.essays[0].title == "乡镇党建工作总结" and md.count("今年以来") == 5
    assert not any(junk in md for junk in ("纠错", "1234", "张三", "经典图书", "村支书述职报告"))


def test_short_numbered_items_and_prose_with_several_chrome_words_stay():
    prose = "今年以来，我镇坚持以党建引领基层治理，扎实推进各项重点工作，取得了明显成效。"
    items = ["1、加强学习，提高政治素质", "2、转变作风，密切联系群众", "3、廉洁自律，树立良好形象"]
    listed = ["主要做法如下：", "一是强化组织领导", "二是健全工作机制", "三是加大督查力度"]
    app = "要组织党员下载学习强国APP，每天坚持学习，积分排名靠前的给予表扬。"
    md = clean_page("乡镇工作总结\n" + prose * 3 + "\n" + "\n".join(items) + "\n" + app + "\n" + prose * 2 + "\n"
                    + "\n".join(listed) + "\n", "x.txt", load_rules()).essays[0].markdown
    assert all(line in md for line in items + listed + [app]), md


def test_essays_named_by_one_title_and_a_number_are_split():
    first = "今年以来，我镇坚持以党建引领基层治理，扎实推进各项重点工作，取得了明显成效。"
    second = "我们要进一步提高认识，加强领导，狠抓落实，确保各项任务圆满完成，推动全镇高质量发展。"
    page = clean_page("春节乡镇工作总结1\n" + first * 3 + "\n春节乡镇工作总结2\n" + second * 3 + "\n", "x.txt", load_rules())
    assert [e.title for e in page.essays] == ["春节乡镇工作总结", "春节乡镇工作总结"]
    assert "进一步提高认识" in page.essays[1].markdown and "进一步提高认识" not in page.essays[0].markdown


def test_a_column_of_menu_links_between_title_and_text_is_no_title():
    prose = "今年以来，我镇坚持以党建引领基层治理，扎实推进各项重点工作，取得了明显成效。"
    menu = "\n".join(["工作总结", "心得体会", "述职报告", "讲话稿", "调研报告", "思想汇报", "申请书", "演讲稿", "入党申请书"])
    page = clean_page("乡镇党委书记抓基层党建述职报告\n" + menu + "\n" + prose * 3 + "\n" + prose * 2, "x.txt", load_rules())
    assert [e.title for e in page.essays] == ["乡镇党委书记抓基层党建述职报告"]


def test_a_report_that_ends_with_its_date_is_not_marked_cut_off():
    prose = "今年以来，我镇坚持以党建引领基层治理，扎实推进各项重点工作，取得了明显成效。"
    md = clean_page("乡镇工作总结\n" + prose * 3 + "\n某某镇人民政府\n2023年12月20日\n", "x.txt", load_rules()).essays[0].markdown
    assert md.rstrip().endswith("2023年12月20日") and "不完整" not in md
    md = clean_page("乡镇工作总结\n" + prose * 3 + "\n今年以来，我镇坚持以党建", "x.txt", load_rules()).essays[0].markdown
    assert "原文至此不完整" in md


def test_json_with_chinese_values_is_code():
    prose = "今年以来，我镇坚持以党建引领基层治理，扎实推进各项重点工作，取得了明显成效。"
    page = clean_page("乡镇工作总结\n" + prose * 3 + '\n{\n  "title": "乡镇工作总结",\n  "author": "张三",\n}\n' + prose,
                      "x.txt", load_rules())
    assert '"title"' not in page.essays[0].markdown and "张三" not in page.essays[0].markdown
    assert any(d.kind == "code" and '"title"' in d.text for d in page.dropped)


def test_a_title_naming_two_roles_with_a_slash_is_a_title_and_a_breadcrumb_is_not():
    prose = "今年以来，我镇坚持以党建引领基层治理，扎实推进各项重点工作，取得了明显成效。"
    page = clean_page("乡镇党委书记/镇长述职报告\n" + prose * 3 + "\n" + prose * 2, "x.txt", load_rules())
    assert [e.title for e in page.essays] == ["乡镇党委书记/镇长述职报告"]
    page = clean_page("首页/范文/述职报告\n乡镇党委书记述职报告\n" + prose * 3 + "\n" + prose * 2, "x.txt", load_rules())
    assert [e.title for e in page.essays] == ["乡镇党委书记述职报告"] and "首页" not in page.essays[0].markdown


def test_the_title_proposed_for_an_untitled_essay_is_no_numbered_section_heading():
    prose = "今年以来，我镇坚持以党建引领基层治理，扎实推进各项重点工作，取得了明显成效。"
    page = clean_page(prose * 3 + "\n一、加强学习，提高素质\n" + prose * 2, "x.txt", load_rules())
    warning = next(w.message for w in page.essays[0].warnings if w.message.startswith("no title found"))
    assert "proposed: 今年以来" in warning and "一、加强学习" not in warning


PROSE = "今年以来，我镇坚持以党建引领基层治理，扎实推进各项重点工作，取得了明显成效。"
OTHER = "我们要进一步提高认识，加强领导，狠抓落实，确保各项任务圆满完成，推动全镇高质量发展。"
INTRO = "很多人都在写工作日记，那么怎样才能写好一篇日记呢？下面是为大家整理的几篇范文。"


def titles_of(page_text: str) -> list[str]:
    return [e.title for e in clean_page(page_text, "x.txt", load_rules()).essays]


def test_a_subtitle_label_and_a_column_tag_are_no_part_of_the_title():
    assert titles_of("副标题:某某村驻村日记两则\n" + PROSE * 3 + "\n" + PROSE * 2) == ["某某村驻村日记两则"]
    assert titles_of("首页 > 正文\n【基层故事】王某某:我的驻村工作体会\n" + PROSE * 3 + "\n" + PROSE * 2) \
        == ["王某某:我的驻村工作体会"]


def test_a_category_before_an_underscore_is_no_part_of_the_title():
    assert titles_of("第三篇 组织工作_三、某某积分制管理的做法和成效\n" + PROSE * 3 + "\n" + PROSE * 2) \
        == ["三、某某积分制管理的做法和成效"]


def test_a_title_printed_before_its_glued_essay_marker_names_that_essay():
    page = "某村工作日记精选\n" + INTRO + "\n  某村驻村工作日记【篇一】\n" + PROSE * 3 + "\n【篇二】\n" + OTHER * 3
    assert titles_of(page)[0] == "某村驻村工作日记"


def test_a_diary_date_is_no_title_and_the_page_title_names_the_first_essay():
    page = "有关某村民情日记走访记录\n篇一\n3月5日 晴\n" + PROSE * 3 + "\n" + PROSE * 2
    assert titles_of(page) == ["有关某村民情日记走访记录"]


def test_a_marker_repeating_the_page_title_yields_to_the_essays_own_title_below_it():
    page = "便民服务中心申请报告\n2022-10-11\n" + INTRO + "\n第一篇:便民服务中心申请报告\n某乡便民服务中心整改报告\n" \
        + PROSE * 3 + "\n" + OTHER * 2
    assert titles_of(page) == ["某乡便民服务中心整改报告"]


def test_a_collections_title_yields_to_the_essays_own_title_after_the_sites_intro():
    intro = "工作总结是对一段时间工作的回顾，以下是小编精心为您推荐的几篇范文，供大家参考借鉴。"
    page = "某某社区换届选举工作总结7篇\n2022-05-18\n" + intro + "\n某某社区换届选举工作总结1\n" + PROSE * 3 + "\n" + OTHER * 2
    assert titles_of(page) == ["某某社区换届选举工作总结"]  # the site's number of its copy goes
    intro = "通过工作方案的制定，可以合理安排工作时间和资源，提高工作效率，希望能够给大家提供一些参考和借鉴。"
    page = "村两委换届选举工作方案(实用17篇)\n" + intro + "\n某村两委换届选举工作实施方案\n" + PROSE * 3 + "\n" + OTHER * 2
    assert titles_of(page) == ["某村两委换届选举工作实施方案"]


def test_a_title_set_off_in_brackets_after_the_sites_intro_is_the_title():
    intro = "当前，部分村组织工作不在状态，村干部说话没人听，下面是小编整理的整顿方案，欢迎阅读。"
    assert titles_of(intro + "\n【某年软弱涣散村整顿方案1】\n" + PROSE * 3 + "\n" + OTHER * 2) == ["某年软弱涣散村整顿方案"]


def test_a_title_in_brackets_glued_to_the_text_is_split_off():
    assert titles_of("【某乡村振兴5年工作计划】为全面贯彻党中央的决策部署，结合本地实际，制定本计划。" + PROSE * 2
                     + "\n" + OTHER * 2) == ["某乡村振兴5年工作计划"]


def test_a_title_set_off_by_a_space_with_a_chunk_number_before_it_is_split_off():
    assert titles_of("1、某村民委员会换届选举工作实施方案 为扎实推进我镇村民委员会选举工作，结合实际，制定本方案。"
                     + PROSE * 2 + "\n" + OTHER * 2) == ["某村民委员会换届选举工作实施方案"]


def test_a_title_glued_before_a_sentences_usual_first_word_is_split_off():
    assert titles_of("基层软弱涣散党组织整顿方案为认真贯彻落实《关于开展整顿软弱涣散基层党组织工作的通知》(某组发〔2018〕1号)"
                     "精神，结合实际，制定本方案。" + PROSE * 2 + "\n" + OTHER * 2) == ["基层软弱涣散党组织整顿方案"]


def test_a_title_followed_by_the_sites_keywords_on_its_line_is_the_title_and_the_keywords_go():
    page = "某乡镇治理的制度化及其提升策略——基于全国乡镇规程的比较研究,本文主要内容关键词为:乡镇论文,规程论文,此文献不代表本站观点\n" \
        + PROSE * 3 + "\n" + OTHER * 2
    cleaned_page = clean_page(page, "x.txt", load_rules())
    assert [e.title for e in cleaned_page.essays] == ["某乡镇治理的制度化及其提升策略——基于全国乡镇规程的比较研究"]
    assert "规程论文" not in cleaned_page.essays[0].markdown
    first = line_records(cleaned_page)[0]  # the line stays, as the title; the keywords are cut from it
    assert first["kept"] and any("规程论文" in cut["text"] for cut in first["cut"])


def test_a_viewers_file_name_with_a_collection_count_before_the_first_essays_title_goes():
    page = "1、 某村清廉村居建设实施方案通用(四篇)某村清廉村居建立实施方案通用一 20xx年x月x日我村针对巡察组反馈意见召开专题会议，" \
        "认真研究整改措施。" + PROSE * 2 + "\n" + OTHER * 2
    assert titles_of(page) == ["某村清廉村居建立实施方案通用一"]


def test_a_sites_number_after_a_title_and_a_file_version_in_brackets_are_no_part_of_the_title():
    assert titles_of("【最新总结】某乡妇联换届工作总结2\n" + PROSE * 3 + "\n" + PROSE * 2) == ["某乡妇联换届工作总结"]
    assert titles_of("第一篇:在某社区居民代表大会上的主持词(最终版)\n" + PROSE * 3 + "\n" + PROSE * 2) \
        == ["在某社区居民代表大会上的主持词"]
    # a number that is the title's own stays: "十四五" is no count, nor is a year
    assert titles_of("某乡镇2023年度工作总结\n" + PROSE * 3 + "\n" + PROSE * 2) == ["某乡镇2023年度工作总结"]


def test_an_authors_unit_in_round_brackets_is_no_title_and_a_name_before_a_bar_no_part_of_it():
    page = "某某看点\n王某 | 破解形式主义,为基层减负松绑\n王某\n(某某大学乡村治理研究中心教授)\n" + PROSE * 3 + "\n" + PROSE * 2
    cleaned_page = clean_page(page, "x.txt", load_rules())
    assert [e.title for e in cleaned_page.essays] == ["破解形式主义,为基层减负松绑"]
    assert "研究中心教授" not in cleaned_page.essays[0].markdown


def test_a_title_with_a_masked_place_name_printed_twice_is_the_title():
    page = "##镇妇联工作总结\n##镇妇联工作总结\n" + PROSE * 3 + "\n" + PROSE * 2
    assert titles_of(page) == ["##镇妇联工作总结"]
    assert titles_of("XX镇20XX年度党管武装工作述职报告\n" + PROSE * 3 + "\n" + PROSE * 2) == ["XX镇20XX年度党管武装工作述职报告"]


def test_a_title_printed_twice_with_an_everyday_chrome_word_in_it_is_the_title():
    page = "abc每日看点\n> 职场\n> 某乡镇基层工作案例分享\n某乡镇基层工作案例分享\n" + PROSE * 3 + "\n" + PROSE * 2
    assert titles_of(page) == ["某乡镇基层工作案例分享"]


def test_a_title_printed_twice_after_a_viewers_notes_on_one_line_is_split_off_and_the_notes_go():
    page = "此资料由网络收集而来如有侵权请告知上传者立即删除。资料共分享我们负责传递知识。" \
        "12342020年在某镇环境整治推进会上的讲话材料12342020年在某镇环境整治推进会上的讲话材料同志们:" + PROSE * 2 + "\n" + OTHER * 2
    cleaned_page = clean_page(page, "x.txt", load_rules())
    assert [e.title for e in cleaned_page.essays] == ["2020年在某镇环境整治推进会上的讲话材料"]
    body = cleaned_page.essays[0].markdown
    assert "侵权" not in body and "1234" not in body and body.count("推进会上的讲话材料") == 1
    assert "同志们" in body


def test_a_sites_header_up_to_its_address_and_a_speakers_dated_byline_end_a_glued_title():
    page = "某某之家—全网资源每日更新 www.example.com县某届人大某次会议表态发言某县县长王某(2026 年 2 月 6 日)各位代表," \
        "同志们:" + PROSE * 2 + "\n" + OTHER * 2
    cleaned_page = clean_page(page, "x.txt", load_rules())
    assert [e.title for e in cleaned_page.essays] == ["县某届人大某次会议表态发言"]
    assert "example" not in cleaned_page.essays[0].markdown and "每日更新" not in cleaned_page.essays[0].markdown
