"""Layouts of pages from sites the cleaner has no profile for, as the grown dev half of the real-page
corpus shows them (issue 12): each test is one generic rule, on a page of that shape, and fails without it."""

from handbook.garble import GARBLED_NOTE
from handbook.pipeline import clean_page
from handbook.rules import load_rules

PROSE = "今年以来，我镇坚持以党建引领基层治理，扎实推进各项重点工作，取得了明显成效。"
OTHER = "我们要进一步提高认识，加强领导，狠抓落实，确保各项任务圆满完成，推动全镇高质量发展。"


def clean(text: str):
    return clean_page(text, "x.txt", load_rules())


def markdown(text: str) -> str:
    return clean(text).essays[0].markdown


def title(text: str) -> str:
    return clean(text).essays[0].title


def assert_gone(md: str, *junk: str) -> None:
    for piece in junk:
        assert piece not in md, piece


def test_a_heading_pasted_after_a_paragraph_keeps_its_words_and_the_text_after_it():
    heading = "一、正视成绩与不足，以清醒的认识和高度的自觉扛起冲刺四季度的政治责任"
    md = markdown("镇长在推进会上的讲话\n" + PROSE * 3 + "下面，我讲三点意见。  " + heading + "\n" + OTHER * 3 + "\n")
    assert f"\n{heading}\n\n{OTHER}" in md  # a paragraph of its own (too long to be a heading), then its text


def test_three_parallel_clauses_are_not_cut_after_the_second():
    md = markdown("镇党委书记在经济工作会议上的讲话\n" + PROSE * 3 + "\n一、认清形势，把握大局，坚定加快发展的信心和决心\n"
                  "，是我们迎接挑战、攻坚克难的关键。" + OTHER * 2 + "\n")
    assert "一、认清形势，把握大局，坚定加快发展的信心和决心" in md
    assert "## 一、认清形势，把握大局\n" not in md


def test_a_heading_ended_by_a_space_on_a_flattened_line_is_split_there():
    md = markdown("基层党组织整顿方案\n" + PROSE * 3 + "\n一、目标要求 201X 年，严格按照中央的总体要求，在全乡开展整顿工作。"
                  + OTHER + "\n")
    assert "## 一、目标要求\n" in md and "201X 年，严格按照中央的总体要求" in md


def test_the_title_printed_again_before_the_salutation_goes():
    title = "镇党委书记在镇经济工作会议上的讲话"
    md = markdown(f"{title}\n|来源:某某网\n{title}同志们:\n" + PROSE * 3 + "\n" + OTHER * 3 + "\n")
    assert md.startswith(f"# {title}\n\n同志们：")
    assert md.count(title) == 1 and "来源" not in md


def test_a_viewer_notice_of_sentences_about_the_download_goes():
    notice = "说明:文章内容仅供预览,部分内容可能不全。下载后的文档,内容与下面显示的完全一致。下载之前请确认下面内容是否您想要的。"
    md = markdown("乡镇政府上半年工作总结\n" + notice + "\n" + PROSE * 3 + "\n" + OTHER * 3 + "\n")
    assert "预览" not in md and "下载" not in md and md.count("今年以来") == 3


def test_a_question_asked_as_a_not_a_keeps_its_question_mark():
    text = "驻村任第一书记,能不能适应岗位要求?能为村里做些什么?授粉是不是还得重来?"
    md = markdown("驻村日记\n" + PROSE * 3 + text + "\n" + OTHER * 3 + "\n")
    assert GARBLED_NOTE not in md and "能不能适应岗位要求？能为村里" in md and "还得重来？" in md


def test_credits_datelines_bylines_and_a_cut_off_tag_go():
    md = markdown("乡村振兴工作纪实\n" '担保业务二部:邹杰\nid="6373">根据上级的部署，我镇的村级组织换届选举工作分两部分进行。'
                  + PROSE * 2 + "\n某某县域经济网讯 “干部群众齐发力，整治人居环境刻不容缓。”" + OTHER * 2
                  + "\n" + OTHER + "(上河溪乡纪委 王灏)\n")
    assert not any(junk in md for junk in ("邹杰", "6373", "网讯", "王灏"))
    assert "根据上级的部署" in md and "“干部群众齐发力" in md and md.rstrip().endswith("高质量发展。")


def test_an_intro_that_ends_with_the_sites_words_goes_and_the_sample_number_leaves_the_title():
    intro = "工作总结是反映我们工作情况的一种文稿。以下是小编精心为您推荐的乡镇政府年终工作总结3篇，供大家参考。"
    page = clean("乡镇政府年终工作总结\n" + intro + "\n乡镇政府年终工作总结范文一\n" + PROSE * 3 + "\n" + OTHER * 3 + "\n")
    assert [e.title for e in page.essays] == ["乡镇政府年终工作总结"]
    assert "小编" not in page.essays[0].markdown and page.essays[0].markdown.count("今年以来") == 3


def test_a_salutation_of_several_parts_is_no_title_glued_to_the_speech():
    page = clean("各位领导、各位来宾、同志们、朋友们:\n" + PROSE * 3 + "\n" + OTHER * 3 + "\n")
    assert page.essays[0].title != "各位领导、"
    assert "各位领导、各位来宾、同志们、朋友们：" in page.essays[0].markdown


def test_a_table_printed_as_text_stays_with_the_essay_and_a_menu_does_not():
    rows = ["年度 | 主要任务 | 工作目标 |", "第1年 | 基础建设与试点推进 | 完成村庄规划编制，启动重点村基础设施建设 |",
            "第2年 | 产业发展与人才引进 | 推动特色农业发展，引进专业人才，培育经营主体 |",
            "第3年 | 生态治理与文化建设 | 加强农村环境整治，推进垃圾分类和污水处理 |"]
    md = markdown("乡村振兴五年工作计划\n" + PROSE * 3 + "\n二、主要任务与目标\n" + "\n".join(rows) + "\n三、保障措施\n"
                  + OTHER * 3 + "\n首页 | 范文 | 总结 |\n工作计划 | 心得体会 | 述职报告 |\n讲话稿 | 调研报告 | 党课 |\n")
    assert "启动重点村基础设施建设" in md and "培育经营主体" in md and "推进垃圾分类和污水处理" in md
    assert "心得体会" not in md and "首页" not in md


def test_a_line_of_marks_alone_is_neither_title_nor_text():
    page = clean("?\n" + PROSE * 3 + "\n***\n" + OTHER * 3 + "\n")
    assert page.essays[0].title == "" and "?" not in page.essays[0].markdown and "*" not in page.essays[0].markdown


def test_a_quantity_glued_between_words_stays_and_injected_codes_go():
    md = markdown("服务站建设情况\n" + PROSE * 3 + "服务站建筑面积近1000平米，木总面积2716平方公里，在2017申请扶贫贷款。\n"
                  + OTHER * 3 + "\n")
    assert "近1000平米" in md and "2716平方公里" in md and "在2017申请" in md
    md = markdown("服务站建设情况\n" + PROSE * 3 + "乡镇人2113民政府对此高度重视，全面推进3846办理，各村7731落实，群众6390满意。\n"
                  + OTHER * 3 + "\n")
    assert "乡镇人民政府" in md and "全面推进办理" in md and "各村落实" in md and "群众满意" in md


def test_a_heading_after_a_wide_gap_on_a_flattened_line_starts_a_paragraph():
    md = markdown("防汛抗旱工作会议讲话\n" + PROSE * 3 + "\n一、认识到位，始终做到防汛抗旱未雨绸缪  （一）科学研判今年的水雨工情形势。"
                  + OTHER * 2 + "\n")
    assert "## 一、认识到位，始终做到防汛抗旱未雨绸缪\n" in md and "\n（一）科学研判" in md


def test_a_question_opened_by_a_question_word_keeps_its_question_mark_after_a_comma():
    md = markdown("组工干部的忙碌\n" + PROSE * 3 + "为什么我们的同事一边撑着熬红的眼睛，一边还继续新一天的忙碌?为什么办公室会放着毛巾?\n"
                  + OTHER * 3 + "\n")
    assert GARBLED_NOTE not in md and "新一天的忙碌？为什么" in md


def test_a_numbered_sentence_of_three_clauses_is_text_and_a_run_in_heading_is_not_cut_inside_a_word():
    md = markdown("镇妇联工作总结\n" + PROSE * 3 + "\n二、推优工作做得比较突出，全镇今年共发展对象21人，其中女性6人，占28.57%。\n"
                  "三、基层村级组织建设中，村两委会改选工作全镇21个行政村，支部改选中共选女性支部委员14人，占村总数的66.67%。"
                  + OTHER * 2 + "\n")
    assert "\n二、推优工作做得比较突出，全镇今年共发展对象21人，其中女性6人，占28.57%。\n" in md
    assert "改选工作全\n" not in md and "改选工作全镇21个行政村" in md


def test_a_betting_brand_injected_into_a_sentence_and_a_picture_placeholder_go():
    md = markdown("述廉述责工作纪实\n" + PROSE * 3 + "\n图片\n组织述廉述责对象现场陈述完毕江南体育官网，由市纪委委员依据个人所述内容进行评议。"
                  + OTHER * 2 + "\n")
    assert "体育官网" not in md and "图片" not in md
    assert "陈述完毕，由市纪委委员依据个人所述内容进行评议。" in md


def test_a_short_numbered_sentence_next_to_a_long_item_of_its_list_is_an_item_not_a_heading():
    md = markdown("宗教工作总结\n" + PROSE * 3 + "\n1.开展专项治理工作，坚决防止发生重大网络安全事件。要落实责任，确保不出问题。\n"
                  "2.统计信教群众子女情况，切实做好防范工作。\n3.加强宣传教育，引导群众自觉抵制非法活动。要定期检查，及时整改。\n"
                  + OTHER * 2 + "\n")
    assert "\n2.统计信教群众子女情况，切实做好防范工作。\n" in md.replace("\\.", ".") and "## 2" not in md and "### 2" not in md


def test_the_bare_end_of_a_cut_off_tag_before_a_heading_goes():
    md = markdown("整改报告\n" + PROSE * 3 + "\n>一、存在主要问题及原因\n" + OTHER * 3 + "\n")
    assert "&gt;" not in md and ">" not in md and "## 一、存在主要问题及原因\n" in md


def test_the_sites_sentences_before_the_first_words_go_and_an_essay_sentence_with_one_chrome_word_stays():
    md = markdown("人居环境整治讲话\n此资料由网络收集而来如有侵权请告知上传者立即删除。" + PROSE * 3 + "\n" + OTHER * 3 + "\n")
    assert "侵权" not in md and md.count("今年以来") == 3
    md = markdown("大学生村官工作总结\n作为一名大学生村官，从农村来，到农村中去，三年工作时间。" + PROSE * 3 + "\n" + OTHER * 3 + "\n")
    assert "三年工作时间。" in md


def test_a_run_in_heading_whose_second_clause_is_a_list_is_not_cut_at_its_first_item():
    md = markdown("如何做好组工信息工作心得\n" + PROSE * 3 + "\n一、忠于初心，要不怕写、要想写、更要爱写。" + OTHER * 2 + "\n")
    assert "## 一、忠于初心，要不怕写、要想写、更要爱写\n" in md
    assert "\n、要想写" not in md


def test_a_headline_printed_below_the_text_is_its_title_and_a_signature_or_a_cut_off_line_is_not():
    page = clean(PROSE * 3 + "\n" + OTHER * 3 + "\n团林乡“四化”加强党员干部理论学习\n扫一扫分享到手机端\n")
    assert [e.title for e in page.essays] == ["团林乡“四化”加强党员干部理论学习"]
    assert page.essays[0].markdown.count("团林乡“四化”加强党员干部理论学习") == 1  # the title, not a last line too
    assert title(PROSE * 3 + "\n" + OTHER * 3 + "\n中共某某县团林乡委员会\n扫一扫分享到手机端\n") != "中共某某县团林乡委员会"
    cut_off = clean(PROSE * 3 + "\n" + OTHER * 3 + "\n拧紧思想认识的“总开关”\n")  # the next text, cut off
    assert cut_off.essays[0].title != "拧紧思想认识的“总开关”"


def test_a_journal_article_stored_on_one_line_loses_its_header_fields_and_keeps_abstract_and_text():
    page = clean("李明 王芳 摘要:" + PROSE + " 关键词:乡镇政府;治理困境 中图分类号:D630文献标识码:A文章编号:2095-5103(2021)03-0016-08 "
                 "基金项目:省社会科学课题(XSP19)。 作者简介:李明,某大学管理学院研究生。 一、问题的提出 " + OTHER * 3 + "\n")
    md = page.essays[0].markdown
    assert PROSE in md and "问题的提出" in md and OTHER in md
    assert_gone(md, "李明 王芳", "摘要", "关键词", "中图分类号", "文献标识码", "文章编号", "基金项目", "作者简介")
    assert page.essays[0].title != "李明 王芳"  # the authors' names are no title


def test_a_sites_stamp_between_paragraphs_goes_without_taking_the_heading_between_two_of_them():
    stamp = "稿子汇 www.gaozihui.com"
    md = markdown("镇党建工作总结\n" + PROSE * 3 + " " + stamp + "\n一、主要工作及成效\n" + stamp + "\n（一）强化思想政治建设\n"
                  + stamp + "\n" + OTHER * 3 + "\n")
    assert "www.gaozihui.com" not in md
    assert "一、主要工作及成效" in md and "（一）强化思想政治建设" in md and OTHER in md


def test_hidden_text_markers_word_counts_picture_notes_and_end_marks_go():
    page = clean("乡镇上半年宣传思想工作总结[本文共1706字]\n" + PROSE * 3 + "\n……此处隐藏8837个字……\n"
                 + OTHER * 2 + "……(快文网http://m.example.com省略350字,正式会员可完整阅读)……\n（图片来自网络侵删）\n"
                 + PROSE * 2 + "□\n")
    md = page.essays[0].markdown
    assert page.essays[0].title == "乡镇上半年宣传思想工作总结"
    assert_gone(md, "1706", "隐藏", "省略", "图片来自", "□")
    assert md.count(PROSE) == 5 and md.count(OTHER) == 2


def test_search_terms_injected_between_list_items_go_and_a_heading_that_shares_no_words_stays():
    page = clean("党委中心组理论学习制度\n" + PROSE + "\n一、组织领导制度\n1、镇党委书记为中心组组长，是学习的第一责任人。\n快手网名女\n"
                 "2、镇党委中心组成员为镇党委委员。\n嫣汐\n3、镇党委宣传委员兼任学习秘书。龟虽寿译文\n4、中心组成员每周坚持自学。\n"
                 "建议与展望\n" + OTHER * 3 + "\n")
    md = page.essays[0].markdown
    assert_gone(md, "快手网名女", "嫣汐", "龟虽寿译文")
    assert "3、镇党委宣传委员兼任学习秘书" in md and "2、镇党委中心组成员为镇党委委员" in md
    assert "建议与展望" in md  # a heading before prose, not between the items of a list
    assert any(d.kind == "injected" and d.text == "嫣汐" for d in page.dropped)


def test_separators_and_the_sites_keywords_around_a_title_go():
    assert title("乡镇上半年矛盾纠纷调处工作总结|\n" + PROSE * 3 + "\n") == "乡镇上半年矛盾纠纷调处工作总结"
    assert title("眉县常兴镇:党建引领下的蓬勃发展(党建引领 乡镇)\n" + PROSE * 3 + "\n") \
        == "眉县常兴镇:党建引领下的蓬勃发展"
    table = "| 发文机关:南漳镇人民政府 | 主题词:工作计划 |\n| 标题:南漳镇人民政府2023年工作计划 | |\n"
    assert title(table + PROSE * 3 + "\n") == "南漳镇人民政府2023年工作计划"


def test_captions_credits_paywall_notes_and_a_portals_footer_go():
    md = markdown("镇党委书记抓党建工作述职报告\n" + PROSE * 3 + "\n2023年6月，黄柏福来徐国生家看望并合影留念。黄迎春摄\n"
                  + OTHER * 2 + "\n（通讯员：王辉）\n汉风网网站提示：建议老友们升级会员，升级会员后，可以全部阅览。\n"
                  "............试读结束............\n目 录\n"
                  "主办：中共梁子湖区委员会，梁子湖区人民政府；主管：中共梁子湖区委宣传部；承办：梁子湖区新闻信息中心\n")
    assert_gone(md, "黄迎春摄", "王辉", "升级会员", "试读结束", "目 录", "主办")
    assert md.count(PROSE) == 3 and md.count(OTHER) == 2


def test_the_line_that_labels_the_title_names_it_wherever_it_is():
    page = clean("武进区区长\n各位代表、同志们：\n" + PROSE * 3 + "\n微信扫一扫在手机阅读、分享本文\n"
                 "本文标题：在区十七届人大五次会议闭幕式上的发言\n版权声明\n联系客服\n")
    assert [e.title for e in page.essays] == ["在区十七届人大五次会议闭幕式上的发言"]
    assert "各位代表、同志们" in page.essays[0].markdown and "本文标题" not in page.essays[0].markdown


def test_a_news_pages_header_line_dateline_credits_source_and_text_size_control_go():
    md = markdown("浙江长兴 党建联建做强“土特产”\n字体调节: A+ A- 操作:\n2024-09-03 10:42:51 来源:中国组织人事报 作者:\n"
                  "本报长兴讯 (通讯员 姚一鸣)" + PROSE * 2 + "\n（通讯员：王辉）" + OTHER * 2 + "（灵山县政府网）\n")
    assert_gone(md, "字体调节", "10:42", "中国组织人事报", "本报长兴讯", "姚一鸣", "王辉", "灵山县政府网")
    assert md.count(PROSE) == 2 and md.count(OTHER) == 2


def test_a_short_title_printed_three_times_is_the_title_not_a_menu_column():
    intro = "以下的就是干部下乡日记范文,欢迎阅读与借鉴,希望可以帮到各位。"
    assert title("干部下乡日记\n干部下乡日记\n" + intro + "\n干部下乡日记\n" + PROSE * 3 + "\n") == "干部下乡日记"
    assert title("工作总结\n心得体会\n述职报告\n干部下乡日记\n" + PROSE * 3 + "\n") != "述职报告"


def test_a_run_in_heading_is_not_cut_before_a_quoted_term_nor_in_a_one_sentence_item():
    md = markdown("村两委换届工作讲话\n" + PROSE * 3 + "\n一、把握“三个契机”，充分认识村“两委”换届工作的重要意义。村“两委”处在社会治理的最基层。"
                  + OTHER + "\n二、解决思想认识问题，把思想认识统一到县委、县政府动员大会和《意见》精神上来。\n" + OTHER * 2 + "\n")
    assert "充分认识村\n" not in md and "一、把握“三个契机”，充分认识村“两委”换届工作的重要意义" in md
    assert "二、解决思想认识问题，把思想认识统一到县委、县政府动员大会和《意见》精神上来" in md


def test_a_question_word_opening_a_later_clause_keeps_the_question_mark_and_a_lost_character_is_still_marked():
    md = markdown("乡镇宣传委员工作体会\n" + PROSE * 3 + "面对新情况、新问题，应该如何当好一个合格的乡镇宣传委员，做好宣传思想工作?在1年多来的岗位摸索中，"
                  "我认为必须做好以下三个方面。\n" + OTHER * 3 + "\n")
    assert GARBLED_NOTE not in md and "做好宣传思想工作？在1年多来" in md
    lost = markdown("乡镇宣传委员工作体会\n" + PROSE * 3 + "我们要做好宣传思想工作?在1年多来的岗位摸索中，我认为必须做好三个方面。\n"
                    + OTHER * 3 + "\n")
    assert GARBLED_NOTE in lost


def test_editors_notes_summary_labels_bracketed_datelines_credits_and_photo_notes_go():
    md = markdown("编者按：今年4月，我区出台激励干部担当系列文件。\n(中国乡镇网陕西讯)" + PROSE * 2 + "(特约通讯员:杜 晨) |\n"
                  "核心提示：" + OTHER + "\n（资料图片仅供参考）\n图为与村支书交流场面\n深圳新闻网(记者 潘峰 通讯员 陈俊超)"
                  + PROSE + "\n让青春在乡村振兴的火热实践中绽放绚丽之花!(汪万红)\n")
    assert_gone(md, "编者按", "陕西讯", "杜 晨", "|", "核心提示", "仅供参考", "图为", "潘峰", "汪万红")
    assert md.count(PROSE) == 3 and md.count(OTHER) == 1 and "绽放绚丽之花" in md


def test_a_long_run_of_characters_with_no_punctuation_goes_and_prose_around_it_stays():
    noise = "员烈里因针径砂执户埃圈血边鲜银配争措秋谁蒸加酒往胸零逆灌突我发滤股空密辟贝孙勒炮生刊形簧营州争见败纸称兰兵尾励赵证巨壳硫紫抵规爆害香是岛枝德壤避刻正艰省约掌某护保明赫表非入"
    md = markdown("乡镇党建工作总结\n" + PROSE * 3 + "\n" + noise + "\n" + OTHER * 3 + "\n")
    assert noise[:20] not in md and md.count(PROSE) == 3 and md.count(OTHER) == 3


def test_a_diary_entrys_date_and_weather_stays_with_the_entry_and_a_portals_date_goes():
    md = markdown("驻村第一书记日记\n2017年5月8日深夜 星期一 小雨\n" + PROSE * 3 + "\n2017年5月9日 星期二 阴\n" + OTHER * 3
                  + "\n2024-03-22 14:57\n")
    assert "2017年5月8日深夜星期一小雨" in md and "2017年5月9日星期二阴" in md and "14:57" not in md  # spaces between Han go


def test_a_headline_of_two_parallel_phrases_is_a_title_and_a_line_of_authors_names_is_not():
    headline = "社区书记的一天:新社区 老邻居"
    assert title(headline + "\n来源: 中国日报网\n2024-03-22 14:57\n分享到\n" + PROSE * 3 + "\n") == headline
    assert title("袁梦甜 彭建军\n" + PROSE * 3 + "\n") != "袁梦甜 彭建军"


def test_pinyin_with_a_space_inside_its_brackets_goes():
    md = markdown("團委工作總結\n認真學習團的十七大會(huì )議精神，召開(kāi)團干部會(huì )議，集中學習。" + PROSE * 3 + "\n")
    assert "huì" not in md and "kāi" not in md and "会议精神" in md


def test_editors_words_bylines_of_unit_post_and_name_a_sample_number_and_a_line_of_ascii_noise_go():
    page = clean("乡镇庆祝重阳节领导讲话稿范文【二】\n编者的话\n编者按 两载寒暑，驻村工作队用脚步丈量大地。\n扁担沟镇烽火墩村驻村第一书记 王林\n"
                 + PROSE * 3 + "\n- N% z* |) R! k\n" + OTHER * 3 + "\n（江苏省沭阳县东小店乡政府 赵登亚）\n")
    md = page.essays[0].markdown
    assert page.essays[0].title == "乡镇庆祝重阳节领导讲话稿"
    assert_gone(md, "编者", "王林", "N%", "赵登亚", "【二】")
    assert md.count(PROSE) == 3 and md.count(OTHER) == 3


def test_a_news_headline_is_the_line_above_the_pages_source_and_date_even_ending_with_an_exclamation():
    headline = "头雁引领 强基赋能——某镇支部书记课堂第一课,开讲啦!"
    page = f"{headline}\n\n来源:某某融媒 发布时间:2024-03-14 10:10\n\n" + PROSE * 3 + "\n" + OTHER * 3 + "\n"
    assert title(page) == headline
    md = markdown(page)
    assert md.startswith("# 头雁引领") and "来源" not in md and md.count("开讲啦") == 1
    # with no header below it the same line is no title: an exclamation opening the text stays text
    assert title(f"{headline}\n\n" + PROSE * 3 + "\n" + OTHER * 3 + "\n") == ""


def test_ascii_pairs_a_forum_hides_in_its_text_against_copying_go_and_codes_in_a_sentence_stay():
    noise, more = "- N% z* |) R! k", ", [0 r6 c$ P\" D, D"
    md = markdown("社区党组织服务工作交流会召开\n" + PROSE + " " + noise + "\n" + more + " " + OTHER * 3 + "\n"
                  + "会上，A1 B2 C3 D4 四类项目逐一通过评审，各村要抓紧落实。" + PROSE * 2 + "\n")
    assert_gone(md, "N%", "R!", "r6", "c$", "P\"")
    assert f"{PROSE}\n\n{OTHER}{OTHER}" in md  # the text around the noise whole, no mark left between
    assert "A1 B2 C3 D4 四类项目" in md


def test_a_title_glued_to_the_text_ends_after_a_whole_title_word_not_inside_one():
    title = "在全镇党建工作会议上的讲话稿"
    assert clean(f"{title}今年以来，我镇坚持以党建引领基层治理，扎实推进各项重点工作。" + OTHER * 3 + "\n"
                 + PROSE * 3 + "\n").essays[0].title == title


def test_the_sites_intro_saying_it_picked_or_brought_the_essay_for_the_reader_goes():
    for intro in ("如下是精心为你挑选的民情日记范文，欢迎大家踊跃阅读！", "本站为大家带来的乡镇工作总结，希望能帮助到大家！"):
        md = markdown(f"乡镇民情日记\n{intro}\n" + PROSE * 3 + "\n" + OTHER * 3 + "\n")
        assert_gone(md, intro[:6])
        assert md.startswith("# 乡镇民情日记\n\n" + PROSE)


def test_of_two_title_like_lines_the_one_whose_words_the_text_uses_is_the_title():
    text = "近日，街道召开党建工作述职会，各社区党组织书记逐一述职，现场接受评议。" * 3 + "\n" + OTHER * 3 + "\n"
    assert title("街道召开党建工作述职会\n全面加强基层组织建设工作\n" + text) == "街道召开党建工作述职会"


def test_a_headline_with_a_chrome_word_is_the_title_when_the_text_is_about_it():
    text = "近年来，我镇依托党建微信群开展“两学一做”学习教育，党建微信群成为党员学习交流的好帮手。" * 2 + "\n" + OTHER * 3 + "\n"
    assert title("某某党建网\n党建微信群“两学一做”好帮手\n" + text) == "党建微信群“两学一做”好帮手"
    # a line the text does not talk about stays what its words say: a viewer's button, no title
    assert title("某某党建网\n微信扫码下载文档\n" + PROSE * 3 + "\n" + OTHER * 3 + "\n") == ""


def test_photo_captions_ended_by_who_gave_the_picture_naming_the_people_or_its_source_go():
    md = markdown("村党支部书记培训班开班\n" + PROSE * 3 + "\n图为本村简介以及布局图。贺铭宇 供图\n" + OTHER * 2
                  + "\n从左到右依次是章龙成、施颂勤(导师)、王军峰\n" + PROSE * 2
                  + "越来越多的年轻人选择扎根基层(图片来源:电视剧《三十》)\n" + OTHER * 2 + "\n")
    assert_gone(md, "供图", "从左到右", "图片来源", "三十")
    assert "越来越多的年轻人选择扎根基层" in md and md.count("今年以来") == 5


def test_a_headline_of_words_spaced_like_a_menu_is_the_title_when_the_text_uses_them():
    text = "在党校学习的日子里，我不断成长，也有很多感悟。学习使我成长，成长让我感悟。" * 2 + "\n" + OTHER * 3 + "\n"
    page = "学习 成长 感悟\n" + text
    assert title(page) == "学习 成长 感悟"
    assert "a line that looks like chrome, but the text uses most of its words" in clean(page).kept[1]
    assert title("首页 新闻 专题\n" + text) == ""  # a menu the text does not talk about stays chrome


def test_the_heading_marks_of_a_page_written_in_markdown_go_and_the_headings_stay():
    md = markdown("社区敲门行动的做法与成效\n## 一、主要做法\n### 2.1 制定走访计划\n" + PROSE * 3 + "\n### 3.3 提高社区管理水平\n"
                  + OTHER * 3 + "\n")
    text = md.replace("\\", "")  # Markdown escapes the dot of "2.1"
    assert "\n2.1 制定走访计划\n" in text and "\n3.3 提高社区管理水平\n" in text and "###" not in md
    assert "#" in markdown("乡镇书记的学习笔记\n# 这一行是原文的井号\n" + PROSE * 3 + "\n" + OTHER * 3 + "\n")  # one is the text's


def test_a_collections_count_a_word_count_a_reposts_source_and_a_sites_sign_off_go_and_a_station_is_no_title():
    assert title("在乡镇经验交流会上的发言(精选多篇)[此文共11151字]\n" + PROSE * 3 + "\n" + OTHER * 3 + "\n") == "在乡镇经验交流会上的发言"
    md = markdown("“头雁”上学记\n以下文章选自《绿谷先锋》\n" + PROSE * 3 + "\n" + OTHER * 3
                  + "\n爱习作提供的工作总结(精选15篇)，经过用心整理，希望能对您有所帮助。\n")
    assert_gone(md, "以下文章选自", "用心整理")
    assert title("某某市广播电视台\n" + PROSE * 3 + "\n" + OTHER * 3 + "\n") == ""


def test_a_short_line_wholly_in_brackets_between_paragraphs_is_a_note_and_goes_but_a_speechs_date_stays():
    md = markdown("在全镇干部大会上的讲话\n(2020年1月2日)\n" + PROSE * 3 + "\n(动员会现场)\n" + OTHER * 3 + "\n(相关资料图)\n"
                  + PROSE * 2 + "\n")
    assert_gone(md, "动员会现场", "相关资料图")
    assert "(2020年1月2日)" in md.replace("（", "(").replace("）", ")")


def test_a_caption_ended_by_a_news_agency_its_photographer_and_the_word_for_photographed_goes():
    caption = "达日县牧长制网格员队伍。新华网 鱼昊 摄"
    md = markdown("牧区网格化治理见闻\n" + PROSE * 3 + "\n" + caption + "\n" + OTHER * 3 + "\n"
                  + "王书茂(右)在潭门村调研(9月14日摄)。新华社记者 杨冠宇 摄\n" + PROSE * 2 + "\n")
    assert_gone(md, "鱼昊", "杨冠宇", "网格员队伍")
    assert md.count("今年以来") == 5


def test_a_sentence_about_gambling_or_invoices_is_the_essays_not_spam():
    sentence = "引导村民远离赌博，注重文明，规范报销发票，让健康有益的群众文化在全村开花结果。"
    md = markdown("村文化建设工作总结\n" + PROSE * 3 + "\n" + sentence + "\n" + OTHER * 3 + "\n")
    assert sentence in md and md.count("我们要进一步") == 3


def test_a_sites_name_with_its_slogans_after_dashes_is_no_title():
    assert title("江山文学网-原创小说-优秀文学\n" + PROSE * 3 + "\n" + OTHER * 3 + "\n") == ""


def test_a_long_news_headline_of_up_to_fifty_characters_is_a_title():
    headline = "校地牵手探新路,调研赋能谱新篇——某某科技师范学院赴平村乡考察调研乡村振兴工作情况"  # over 40 characters
    assert len(headline) > 40
    assert title(f"{headline}\n发布日期:2025-04-24 11:19 信息来源:美丽平村\n" + PROSE * 3 + "\n" + OTHER * 3 + "\n") == headline


def test_the_sites_intro_after_a_collections_first_essay_marker_goes():
    intro = ("时间乘着年轮循序往前，一段时间的工作已经结束了，回顾这段时间，我们的工作能力、经验都有所成长，想必我们需要写好"
             "工作总结了。那么你有了解过工作总结吗？下面是小编为大家收集的乡镇工作总结，仅供参考，希望能够帮助到大家。")
    # before the first marker, the page's own paragraph (the collection's blurb): the intro is not the page's first prose
    blurb = "全镇上下齐心协力，克服困难，圆满完成了全年各项目标任务，受到了上级的充分肯定和群众的广泛好评。" * 2
    page = f"{blurb}\n第一篇:乡镇工作总结\n{intro}\n" + PROSE * 3 + "\n" + OTHER * 3 + "\n"
    md = "\n".join(e.markdown for e in clean(page).essays)
    assert_gone(md, "小编", "时间乘着年轮")
    assert PROSE in md


def test_a_caption_naming_where_a_person_stands_in_the_picture_goes():
    md = markdown("退役军人当上村支书\n" + PROSE * 3 + "\n刘大卫(左)为群众释疑解惑。\n" + OTHER * 3 + "\n▲李寒伯(左一)\n" + PROSE * 2 + "\n")
    assert_gone(md, "刘大卫", "李寒伯")
    assert md.count("今年以来") == 5


def test_a_title_line_cut_at_a_dash_is_not_the_title_when_its_second_line_follows():
    page = "乡村振兴顶梁柱,基层治理排头兵——\n万余名“兵支书”活跃荆楚大地\n" + PROSE * 3 + "\n" + OTHER * 3 + "\n"
    assert title(page) == "万余名“兵支书”活跃荆楚大地"


def test_a_betting_sites_name_injected_into_a_hijacked_pages_title_and_text_goes():
    page = ("beat365体育官网平台研究生党支部赴村开展调研\n村党支部书记带领党员开展入户走访，威尼斯432888cam倾听群众意见。"
            "群众反映的问题得到及时解决。565net必赢最新版网页\n" + OTHER * 3 + "\n" + PROSE * 2 + "\n")
    md = markdown(page)
    assert_gone(md, "beat365", "体育官网", "威尼斯", "必赢", "565net")
    assert title(page) == "研究生党支部赴村开展调研"
    assert "带领党员开展入户走访，倾听群众意见。群众反映的问题得到及时解决。" in md


def test_the_sites_intro_in_the_second_paragraph_after_the_essays_title_goes():
    intro = "工作汇报是工作人员向上级汇报工作的书面材料，是应用写作研究的文体之一。下面是小编为大家收集的关于乡镇防汛工作汇报范文，希望能帮到大家！"
    page = ("范文范本能够帮助我们理清思路，找到最佳的写作结构和逻辑关系。在使用范文范本时，大家应该关注写作者的写作技巧和表达方式。\n"
            "乡镇防汛工作汇报\n"
            f"{intro}\n" + PROSE * 3 + "\n" + OTHER * 3 + "\n")
    md = markdown(page)
    assert_gone(md, "小编", "应用写作")
    assert md.startswith("# 乡镇防汛工作汇报\n\n" + PROSE)
    assert_gone(markdown("新村委班子工作计划\n导言:作为写作爱好者,不可错过为您精心挑选的10篇新村委班子工作计划\n" + PROSE * 3 + "\n"
                         + OTHER * 3 + "\n"), "精心挑选")


def test_a_line_of_reporters_credits_and_the_reporting_outlet_alone_go():
    md = markdown("海岛乡镇党委书记的一天\n记者魏琪通讯员张世伟\n中国水产门户网报道\n" + PROSE * 3 + "\n" + OTHER * 3 + "\n")
    assert_gone(md, "魏琪", "门户网报道")
    assert md.startswith("# 海岛乡镇党委书记的一天\n\n" + PROSE)


def test_a_headline_of_three_spaced_phrases_is_a_title_and_a_row_of_short_menu_items_is_not():
    text = PROSE * 3 + "\n" + OTHER * 3 + "\n"
    assert title("激扬青春意气 汲取时代伟力 踔厉奋发迈向新征程\n" + text) == "激扬青春意气 汲取时代伟力 踔厉奋发迈向新征程"
    assert title("首页 新闻 工作总结 心得体会\n" + text) == ""


def test_a_headline_of_two_phrases_joined_by_a_plus_is_a_title():
    text = "党建引领聚合力 网格治理显成效\n" + PROSE * 3 + "\n" + OTHER * 3 + "\n"
    headline = "党建赋能 + 网格提能 培养一批治理“排头兵”"
    assert title(headline + "\n" + PROSE * 3 + "\n" + OTHER * 3 + "\n") == headline
    assert title("首页 + 新闻 + 总结 + 心得\n" + text) == "党建引领聚合力 网格治理显成效"


def test_long_sentences_that_tell_of_uploads_and_likes_are_prose_and_a_viewers_blurb_is_not():
    prose = ("该群建立以来，群成员积极行动，踊跃参与，或上传中央领导讲话和党章党纪党规知识，或上传一线职工在防汛、工程建设、"
             "班组建设中的工作场景图片和心得体会，有的上传领导干部深入基层调研指导工作、为职工排忧解难等信息。党员干部在工作之余"
             "浏览群信息成为新常态，对好的工作方法和先进典型及时点赞鼓舞，个人也受到了教育和激励。")
    blurb = "说明：文章内容仅供预览，部分内容可能不全。下载后的文档，内容与下面显示的完全一致。下载之前请确认下面内容是否您想要的。"
    md = markdown("党建微信群成为好帮手\n" + PROSE * 3 + "\n" + blurb + "\n" + prose + "\n" + OTHER * 3 + "\n")
    assert prose in md
    assert blurb not in md and "仅供预览" not in md


def test_a_sites_search_box_label_before_the_title_is_chrome():
    page = clean("中国农村村民自治信息网,百度一下!\n工具理性:精准扶贫\n" + PROSE * 3 + "\n" + OTHER * 3 + "\n")
    assert page.essays[0].title == "工具理性:精准扶贫"
    assert "百度一下" not in page.essays[0].markdown


def test_a_sites_count_of_its_essays_in_brackets_is_cut_off_the_title():
    assert title("扶贫工作队的每天日记2020年(推荐20篇)\n" + PROSE * 3 + "\n" + OTHER * 3 + "\n") == "扶贫工作队的每天日记2020年"
    assert title("乡镇抗旱的工作总结（优秀 20 篇）\n" + PROSE * 3 + "\n" + OTHER * 3 + "\n") == "乡镇抗旱的工作总结"


def test_a_headline_above_the_header_is_the_title_not_the_columns_name_before_it():
    text = ("作为一名社区工作人员，要用真情服务群众，在平凡的岗位上做好每一件小事，这是我工作以来最深的体会。" * 2 + "\n"
            + OTHER * 3 + "\n")
    page = clean("乡镇街道\n用真情服务群众,在平凡中铸就精彩人生\n信息来源:古海街道办事处   (已浏览次数)\n" + text)
    assert page.essays[0].title == "用真情服务群众,在平凡中铸就精彩人生"
    assert "乡镇街道" not in page.essays[0].markdown
    # a column's name the text is about stays the title when the line below the header reads as its first sentence
    assert title("社区工作体会\n我在社区工作了三年，有很多体会。\n信息来源:古海街道办事处\n" + text) == "社区工作体会"


def test_one_persons_name_below_the_headline_is_a_byline_and_the_headline_is_the_title():
    text = ("我到镇纪委工作已经三年，纪检路上没有一天松劲，也没有一天停步，这是我最深的体会。" * 2 + "\n" + OTHER * 3 + "\n")
    page = clean("本版列表新闻\n纪检路上再出发:不松劲、不停步\n夏一梅\n" + text)
    assert page.essays[0].title == "纪检路上再出发:不松劲、不停步"
    assert "夏一梅" not in page.essays[0].markdown and "本版列表新闻" not in page.essays[0].markdown


def test_a_column_of_numbered_menu_links_before_the_text_is_chrome_and_no_title():
    page = clean("1. 首页\n2. 文章\n3. 兼职\n" + PROSE * 3 + "\n" + OTHER * 3 + "\n")
    assert "首页" not in page.essays[0].title
    assert_gone(page.essays[0].markdown, "首页", "文章", "兼职")
    # the column ends at the first line with no number: a short title just below it stays the title
    assert title("1. 首页\n2. 文章\n3. 兼职\n镇长工作体会\n" + PROSE * 3 + "\n" + OTHER * 3 + "\n") == "镇长工作体会"


def test_a_question_asked_with_a_colloquial_word_keeps_its_question_mark():
    question = "“可电商平台上,同款农产品价格至少高出两三块,我们为啥不能自己卖?”宋世龙一度很困惑。"
    md = markdown("镇长工作体会\n" + PROSE * 2 + question + "\n" + OTHER * 3 + "\n")
    assert GARBLED_NOTE not in md
    assert "我们为啥不能自己卖？”宋世龙一度很困惑。" in md


def test_a_credit_after_the_last_sentence_goes_with_the_unit_before_it_or_an_institution_as_source():
    md = markdown("镇长工作体会\n" + PROSE * 3 + "(新洲乡 撰稿:徐玲、李琳 初审:李琳 复核:吴黎锋 终审:余晗)\n"
                  + OTHER * 3 + "(唐山市纪委监委)\n")
    assert_gone(md, "撰稿", "终审", "唐山市纪委监委")
    assert md.count("取得了明显成效。") == 3 and "推动全镇高质量发展。" in md


def test_a_betting_brand_of_latin_letters_before_the_title_goes():
    page = clean("lm体育娱乐:先富带后富,他们把自己押上\n" + PROSE * 3 + "\n" + OTHER * 3 + "\n")
    assert page.essays[0].title == "先富带后富,他们把自己押上"
    assert "体育" not in page.essays[0].markdown


def test_a_units_name_with_a_persons_name_glued_after_it_is_a_byline_and_a_diary_date_with_commas_stays():
    page = clean("驻村日记\n驻林口县柳树镇柳毛村工作队王飞\n2017年7月21日,星期五,雨\n" + PROSE * 3 + "\n" + OTHER * 3 + "\n")
    assert page.essays[0].title == "驻村日记"
    md = page.essays[0].markdown
    assert "王飞" not in md and "2017年7月21日,星期五,雨" in md.replace("，", ",")


def test_the_authors_name_between_the_headline_and_the_header_is_not_the_title():
    page = clean("回忆与思考\n卢松华\n编者按:老干部是我党的宝贵财富,他们有丰富的经历。\n写在前面的话\n" + PROSE * 3 + "\n" + OTHER * 3 + "\n")
    assert page.essays[0].title == "回忆与思考"


def test_pinyin_in_lenticular_brackets_goes():
    md = markdown("镇长工作体会\n" + PROSE * 2 + "入党宣誓是发展党员的【de】一个重要程序,是庄【zhuāng】严神圣的一课。\n" + OTHER * 3 + "\n")
    assert "入党宣誓是发展党员的一个重要程序，是庄严神圣的一课。" in md


def test_a_chrome_word_whose_first_character_ends_an_everyday_word_is_no_hit():
    from handbook.maintext import judge

    d = load_rules().maintext
    prose = ("在街道党工委领导下，漕塘村新时代文明实践站建成五大活动基地，特色制定“防空哨下的红色情”、小菜园项目等16项"
             "特色志愿服务项目。")
    assert "色情" not in " ".join(judge(prose, False, d).why)
    assert "代开" not in " ".join(judge("全镇上下要以新时代开局之年为契机，推动各项工作。", False, d).why)
    assert "色情" in " ".join(judge("网站含有色情内容", False, d).why)  # the word itself still counts
    assert "份资料" not in " ".join(judge("记得初到工业园时，我拿到的第一份资料就是工业", False, d).why)
    assert "份资料" in " ".join(judge("共1份资料", False, d).why)


def test_a_betting_brand_in_book_title_marks_injected_inside_a_word_goes():
    md = markdown("镇长工作体会\n" + PROSE * 2 + "为确保“积分制”公平公正、高效运《AG旗舰厅APP》行,李进士堂镇建立了完善的积分评定和管理机制。\n"
                  + OTHER * 3 + "\n")
    assert "高效运行，李进士堂镇建立了完善的积分评定和管理机制。" in md


def test_a_words_pinyin_run_together_after_it_goes_and_english_in_brackets_stays():
    md = markdown("镇长工作体会\n" + PROSE * 2 + "文庙街道(jiēdào)、九疑(jiǔyí)瑶族乡分别(fēnbié)就殡葬改革工作作汇报发言。"
                  "新方案(final)已经印发。\n" + OTHER * 3 + "\n")
    assert "文庙街道、九疑瑶族乡分别就殡葬改革工作作汇报发言。" in md
    assert "新方案(final)已经印发。" in md.replace("（", "(").replace("）", ")")


def test_a_papers_or_broadcasters_dateline_and_a_casinos_site_inside_a_sentence_go():
    md = markdown("镇长工作体会\n十堰广电讯(全媒体记者 张欣 通讯员 王昌鑫)" + PROSE * 2 + "\n江南时报讯 " + OTHER * 2
                  + "\n学院党委书记、威尼斯官网院长出席会议并讲话。\n")
    assert_gone(md, "广电讯", "张欣", "时报讯", "威尼斯")
    assert md.startswith("# 镇长工作体会\n\n今年以来") and "学院党委书记、院长出席会议并讲话。" in md


def test_a_title_set_off_in_book_title_marks_with_a_count_of_essays_is_the_title_alone():
    text = PROSE * 3 + "\n" + OTHER * 3 + "\n"
    assert title("《镇长经济工作会议讲话(汇总三篇)》\n" + text) == "镇长经济工作会议讲话"


def test_a_pictures_label_where_the_picture_was_goes():
    md = markdown("镇长工作体会\n" + PROSE * 3 + "\n【资料图】\n" + OTHER * 3 + "\n")
    assert "资料图" not in md


def test_an_intro_that_says_the_site_gathered_the_essays_goes():
    intro = "特色小镇是具有明确产业定位和一定社区功能的发展平台,下面是搜集整理的特色小镇调研报告。"
    md = markdown("特色小镇调研报告\n" + intro + "\n" + PROSE * 3 + "\n" + OTHER * 3 + "\n")
    assert "搜集整理" not in md and "今年以来" in md


def test_a_headline_whose_last_phrase_quotes_and_ends_like_a_sites_name_is_a_title():
    headline = "七旬老党员徐燕燕:四十五年党龄映初心 志愿服务“余热”暖社区"
    assert title(headline + "\n" + PROSE * 3 + "\n" + OTHER * 3 + "\n") == headline
    assert title("幸福家园社区\n镇长工作体会\n" + PROSE * 3 + "\n" + OTHER * 3 + "\n") == "镇长工作体会"


def test_header_fields_a_reading_time_and_a_morning_papers_dateline_go():
    md = markdown("镇长工作体会\n所属地区:安徽-合肥-肥西县\n发布日期:2024-10-27 09:32\n点击次数:81\n本篇文章634字,读完约2分钟\n"
                  "中国早报山东淄博讯(通讯员 曹加欣)" + PROSE * 3 + "\n" + OTHER * 3 + "\n")
    assert_gone(md, "所属地区", "发布日期", "点击次数", "读完约", "早报", "曹加欣")
    assert md.startswith("# 镇长工作体会\n\n今年以来")


def test_a_subtitle_opening_with_a_dash_below_the_title_stays():
    page = clean("乡镇效能建设的调研与思考\n——以某某市某某区为个案\n" + PROSE * 3 + "\n" + OTHER * 3 + "\n")
    assert page.essays[0].title == "乡镇效能建设的调研与思考"
    assert "——以某某市某某区为个案" in page.essays[0].markdown


def test_a_bracketed_editors_note_a_journals_issue_line_and_a_news_agencys_dateline_go():
    md = markdown("镇长工作体会\n【编者按】今年是新一届委员的开局之年,我们推出系列访谈。\n《回族研究》(银川)2014年第3期 第54-67页\n"
                  "凤凰新闻社讯 " + PROSE * 3 + "\n" + OTHER * 3 + "\n")
    assert_gone(md, "编者按", "回族研究", "新闻社讯")
    assert md.startswith("# 镇长工作体会\n\n今年以来")


def test_a_columns_name_before_a_bar_is_cut_off_the_title_and_a_breadcrumb_is_no_title():
    text = PROSE * 3 + "\n" + OTHER * 3 + "\n"
    assert title("经验交流发言摘登|吐鲁番市人大代表康志成:当好群众的“代言人”\n" + text) \
        == "吐鲁番市人大代表康志成:当好群众的“代言人”"
    assert title("网站首页|关于我们\n镇长工作体会\n" + text) == "镇长工作体会"


def test_a_headers_date_and_counter_glued_before_the_first_sentences_go_and_the_text_stays():
    md = markdown("镇长工作体会\n发布日期:2024-10-27 09:32 点击次数:81" + PROSE * 3 + "\n" + OTHER * 3 + "\n")
    assert_gone(md, "发布日期", "点击次数")
    assert md.count("取得了明显成效。") == 3
    # a header line with more fields after the date is a header line, whole
    assert "作者" not in markdown("镇长工作体会\n发布日期:2024-10-27 作者:王华 来源:本站\n" + PROSE * 3 + "\n" + OTHER * 3 + "\n")


def test_punctuation_a_pdfs_font_put_out_as_han_characters_is_put_back():
    misread = ("初次下村做野阳光扶贫冶工作袁我们请熟悉人文地理的村委会于会计做向导遥 于会计喝斥道院 野你耶汪爷什么袁"
               "这是来帮你家做好事的袁真是狗咬吕洞宾不识好人心遥 冶大狼狗渊德国牧羊犬冤向我们狂吠不止袁这狗听得懂吗钥\n"
               "我们走村串户袁在一道道尧一排排的\n")
    md = markdown("走访贫困户随笔\n" + misread)
    assert "初次下村做“阳光扶贫”工作，我们请熟悉人文地理的村委会于会计做向导。" in md
    assert "于会计喝斥道：“你‘汪’什么，这是来帮你家做好事的，" in md
    assert "大狼狗（德国牧羊犬）向我们狂吠不止，这狗听得懂吗？" in md
    assert "我们走村串户，在一道道、一排排的" in md  # a column's short line on the same page too


def test_a_surname_or_a_word_that_is_a_stand_in_stays_on_an_ordinary_page():
    text = "袁家村党支部书记袁文化谈遥感监测\n" + PROSE + "田野里的果园硕果累累，袁书记说要把路修到村民家门口。\n"
    md = markdown(text)
    assert "袁家村党支部书记袁文化谈遥感监测" in clean(text).essays[0].title + md
    assert "田野里的果园硕果累累，袁书记说要把路修到村民家门口。" in md


def test_a_headline_of_two_phrases_with_a_bar_between_them_is_the_title_and_a_menu_is_not():
    assert title("“头雁”上学记 | 听听他们的学习感悟\n" + PROSE * 3 + "\n" + OTHER * 2 + "\n") == "“头雁”上学记 | 听听他们的学习感悟"
    page = "首页 | 新闻中心\n网站首页 | 共产党员网\n乡镇党建工作总结\n" + PROSE * 3 + "\n" + OTHER * 2 + "\n"
    assert title(page) == "乡镇党建工作总结"
    assert_gone(markdown(page), "新闻中心", "共产党员网")


def test_empty_labels_a_collection_date_and_links_to_the_sites_other_pages_go():
    md = markdown("镇党委书记在全镇经济工作会议上的讲话\n收录日期:2024年6月20日\n导读:\n" + PROSE * 3 + "\n" + OTHER * 2
                  + "\n附件:\n相关稿件:\n推荐访问:共青团 代表大会\n")
    assert_gone(md, "收录日期", "导读", "附件", "相关稿件", "推荐访问", "代表大会")
    assert PROSE in md and OTHER in md


def test_a_site_describing_itself_by_its_name_goes_and_the_title_below_it_is_found():
    page = ("职称论文咨询网,专业提供留学生论文、职称发表论文等各类论文学术咨询服务的论文网站。\n“新乡土中国”社会团结的秩序基础\n"
            + PROSE * 3 + "\n" + OTHER * 2 + "\n")
    assert title(page) == "“新乡土中国”社会团结的秩序基础"
    assert_gone(markdown(page), "职称论文咨询网")


def test_photo_captions_that_name_a_scene_or_a_speaker_go_and_are_no_title():
    page = ("以奋力一跃的劲头 全力打好收官之战\n" + PROSE * 3 + "\n会议现场\n" + OTHER * 2 + "\n街道党工委书记、人大工委主任胡建文讲话\n"
            + OTHER + "\n“妈妈厨房”志愿者们在后厨包包子场景\n" + PROSE + "\n三、深入一线到现场\n" + OTHER + "\n")
    assert title(page) == "以奋力一跃的劲头 全力打好收官之战"
    md = markdown(page)
    assert_gone(md, "会议现场", "胡建文讲话", "包包子场景")
    assert "三、深入一线到现场" in md  # a numbered heading is no caption
    visits = markdown("统战工作交流\n" + PROSE * 2 + "\n参观万柯公司“四好商会”实践创新基地\n" + OTHER * 2 + "\n")
    assert_gone(visits, "参观万柯公司")
    assert title("参观红色教育基地感想\n" + PROSE * 3 + "\n") == "参观红色教育基地感想"  # an essay's title names a visit too
    # a speech's title names its meeting ("在…上的讲话"): no caption
    assert title("镇党委书记王明在全镇经济工作会议上的讲话\n" + PROSE * 3 + "\n") == "镇党委书记王明在全镇经济工作会议上的讲话"


def test_a_title_glued_to_the_text_may_end_with_a_collections_word_or_a_meetings_name_before_a_news_date():
    page = "乡镇干部学习习近平讲话体会精选在新时代新征程的背景下，乡镇干部肩负的职责越来越多元。" + PROSE * 3 + "\n"
    assert title(page) == "乡镇干部学习习近平讲话体会精选"
    assert "在新时代新征程的背景下，乡镇干部肩负的职责越来越多元。" in markdown(page)
    news = "金塔镇召开农业农村和经济工作生产动员会2月28日下午，金塔镇组织召开全镇农业农村和经济工作会议。" + PROSE * 3 + "\n"
    assert title(news) == "金塔镇召开农业农村和经济工作生产动员会"
    # a meeting's name inside the first sentence is no title's end
    sentence = "全市党史学习教育动员部署会召开之后，全市上下迅速掀起了党史学习教育的热潮。" + PROSE * 3 + "\n"
    assert "全市党史学习教育动员部署会召开之后，全市上下迅速掀起了党史学习教育的热潮。" in markdown(sentence)


def test_a_search_query_glued_after_the_title_is_cut_off_and_a_question_heading_stays():
    assert title("一个调解员的自述 人民调解员工资多少\n" + PROSE * 3 + "\n") == "一个调解员的自述"
    assert title("村干部履职记录(履职情况怎么写)\n" + PROSE * 3 + "\n") == "村干部履职记录"
    md = markdown("乡镇宣传办工作职责\n" + PROSE * 2 + "\n1. 乡镇宣传办的主要工作职责是什么\n" + OTHER * 2 + "\n")
    assert "乡镇宣传办的主要工作职责是什么" in md  # a question the text asks itself is no search query


def test_a_stray_dot_a_site_put_after_de_goes_and_a_half_width_full_stop_becomes_a_full_width_one():
    md = markdown("乡镇安全生产工作会议主持词\n首先,安全生产是一项事关人民生命财产安全的.大事,大家一定要引起高度重视.今天参加会议的人员都是正职领导。"
                  + PROSE * 2 + "\n")
    assert "首先，安全生产是一项事关人民生命财产安全的大事，大家一定要引起高度重视。今天参加会议的人员都是正职领导。" in md


def test_a_posting_time_a_lead_label_picture_placeholders_and_a_wechat_account_go():
    page = ("抗击疫情,你我有责\n用户头像\n行业动态     |      2025-06-23 09:58\n导语\n长安君(ID:changan-j):检查来往车辆,登记人员信息,"
            "劝返外村人员。" + PROSE * 2 + "\n文章图片\n" + OTHER * 2 + "\n")
    md = markdown(page)
    assert_gone(md, "用户头像", "行业动态", "09:58", "导语", "长安君", "changan", "文章图片")
    assert "检查来往车辆，登记人员信息，劝返外村人员。" in md
    assert "2020年1月2日" in markdown("镇长在全镇大会上的讲话\n2020年1月2日\n" + PROSE * 3 + "\n")  # a speech's date stays


def test_a_collections_number_and_its_word_for_all_are_cut_off_a_title():
    assert title("1、平凡英雄事迹个人学习心得\n" + PROSE * 3 + "\n") == "平凡英雄事迹个人学习心得"
    assert title("倡导乡镇移风易俗倡议书大全\n" + PROSE * 3 + "\n") == "倡导乡镇移风易俗倡议书"


def test_a_title_printed_several_times_in_a_row_or_with_its_last_word_as_its_category_is_cut_to_one():
    assert title("党员下沉社区抗疫先进事迹党员下沉社区抗疫先进事迹党员下沉社区抗疫先进事迹\n" + PROSE * 3 + "\n") == "党员下沉社区抗疫先进事迹"
    assert title("乡镇上半年思想政治工作总结 -总结\n" + PROSE * 3 + "\n") == "乡镇上半年思想政治工作总结"
    assert title("谈谈谈心谈话制度\n" + PROSE * 3 + "\n") == "谈谈谈心谈话制度"  # a repeated character is no repeated title


def test_a_headline_of_spaced_phrases_with_function_words_or_of_two_phrases_with_a_dot_is_no_menu():
    assert title("老人吃得好 楼院守得牢 邻里处得亲\n" + PROSE * 3 + "\n") == "老人吃得好 楼院守得牢 邻里处得亲"
    headline = "实干争先·跨越发展丨党课开讲啦 乘乡村振兴东风 扬共同富裕之帆"
    assert title(headline + "\n" + PROSE * 3 + "\n") == headline
    page = "首页 新闻 通知 公告 下载\n乡镇党建工作总结\n" + PROSE * 3 + "\n"
    assert title(page) == "乡镇党建工作总结" and "公告" not in markdown(page)


def test_a_sites_name_with_its_slogans_and_an_editors_note_labelled_anyu_go_and_the_title_below_is_found():
    page = ("历史网-历史之家、历史上的今天!\n按语:2021年11月27日,省人大制度理论研究会召开年度研究成果结项评审会。\n"
            "开展民生实事项目人大代表票决制的调研与思考\n" + PROSE * 3 + "\n")
    assert title(page) == "开展民生实事项目人大代表票决制的调研与思考"
    assert_gone(markdown(page), "历史网", "按语", "结项评审会")
    # a paragraph that opens with a site's dateline is the text
    md = markdown("社区抗疫工作纪实\n文化艺术网-文化艺术报讯(全媒体记者 唐伟)今年三月,新型冠状病毒肺炎疫情突然侵袭汉中。" + PROSE * 2 + "\n")
    assert "新型冠状病毒肺炎疫情突然侵袭汉中。" in md


def test_a_sites_badge_before_a_title_is_cut_off_it():
    assert title("编辑推荐 【丁香】聆听第一书记讲驻村故事(随笔)\n" + PROSE * 3 + "\n") == "聆听第一书记讲驻村故事(随笔)"


def test_the_line_above_a_dash_subtitle_is_the_headline_though_it_reads_like_a_menu():
    visit = "市委党校组织学员集体参观了渤海垦区革命纪念馆，大家纷纷交流心得体会，深受教育。"
    page = "铭记历史 坚定信念 敬业奉献\n——参观渤海垦区革命纪念馆心得体会\n" + visit + PROSE * 2 + "\n" + visit + "\n"
    assert title(page) == "铭记历史 坚定信念 敬业奉献"
    assert "——参观渤海垦区革命纪念馆心得体会" in markdown(page)


def test_a_paragraph_of_many_sentences_is_text_whatever_label_opens_it():
    note = "编者按:" + "“千万工程”造就了万千美丽乡村,也造福了广大农民群众。" * 9
    md = markdown("乡村之美|记得住乡愁\n\n" + note + "\n")
    assert "“千万工程”造就了万千美丽乡村，也造福了广大农民群众。" in md
    short_note = "编者按:两载寒暑,驻村工作队用脚步丈量大地。"
    assert_gone(markdown("驻村工作纪实\n" + short_note + "\n" + PROSE * 3 + "\n"), "两载寒暑")


def test_a_first_sentence_that_opens_as_a_text_does_is_no_sites_blurb_though_it_names_wechat_and_likes():
    first = ("近日,饶平县推出多版本“换届纪律”顺口溜,并被干部群众在微信朋友圈大量转发,这种“接地气”的方式赢得广泛点赞。")
    md = markdown("换届纪律顺口溜\n本报讯 " + first + " " + PROSE * 3 + "\n")
    assert "这种“接地气”的方式赢得广泛点赞。" in md


def test_footer_links_a_reprints_original_title_a_portals_sponsor_stars_and_picture_credits_go():
    page = ("散兵镇“四到位”完成社会组织调研工作[图]\n" + PROSE * 2 + "★★★★★★★★★" + OTHER + "\n党课现场。\n"
            "年轻的长寿古镇一角。 (长寿古镇供图)\n" + OTHER * 2 + "\n本内容不代表本网观点和政治立场\n原标题:《泉州市惠安县考察团来蜀山区考察》\n"
            "微信公众号\n官方微博\n全国党建研究会非公有制经济组织党建研究专业委员会主办\n")
    assert title(page) == "散兵镇“四到位”完成社会组织调研工作"
    md = markdown(page)
    assert_gone(md, "★", "党课现场", "长寿古镇", "本网观点", "原标题", "微信公众号", "官方微博", "专业委员会主办")
    assert PROSE + OTHER in md
    assert "本次活动由县委组织部主办" in markdown("活动纪实\n" + PROSE * 3 + "\n本次活动由县委组织部主办\n" + OTHER * 2 + "\n")


def test_an_essay_sites_slogan_naming_its_samples_by_length_goes_and_the_headline_above_the_header_is_the_title():
    page = ("300字范文,内容丰富有趣,生活中的好帮手!\n古交市首个村民委员会换届选举工作圆满完成\n时间:2023-07-04 15:11:44\n"
            + PROSE * 3 + "\n")
    assert title(page) == "古交市首个村民委员会换届选举工作圆满完成"
    assert_gone(markdown(page), "300字范文", "好帮手")


def test_credits_after_the_last_sentence_go_with_a_bar_after_them_or_with_writer_and_photographer_marked_by_slashes():
    md = markdown("换届纪律顺口溜\n" + PROSE * 3 + "力争送到每一位基层党员手中。 (余秋松 赖卓群) |\n")
    assert_gone(md, "余秋松", "|")
    md = markdown("乡村振兴纪实\n" + PROSE * 3 + "为持续推进乡村全面振兴作出新的更大贡献。(仝颖凯/文 吕元贞 赵昱/图)\n")
    assert_gone(md, "仝颖凯", "赵昱")
    assert "作出新的更大贡献。" in md


def test_authors_listed_with_enumeration_commas_go_and_a_list_of_words_stays():
    md = markdown("城市社区建设研究\n陈伟东、孔娜娜、张大维、舒小虎\n" + PROSE * 3 + "\n党建、民生、环保、安全\n" + OTHER * 2 + "\n")
    assert_gone(md, "孔娜娜")
    assert "党建、民生、环保、安全" in md


def test_a_content_farms_intro_that_invites_the_reader_to_look_goes_and_the_essays_own_title_follows():
    intro = ("在月工作总结中,我们要客观地评价自己的工作成果,并提出进一步改进的建议。以下是小编为大家收集的月工作总结范文,"
             "仅供参考,希望能给大家一些启发和帮助。其中有成功的经验和教训,也有总结出的一些提高效率和工作质量的方法。"
             "通过学习这些范文,相信大家可以更好地写出一份出色的月工作总结。让我们一起来看看吧!")
    page = "乡镇抗旱的工作总结(优秀20篇)\n" + intro + "\n乡镇防旱抗旱的工作总结\n" + PROSE * 3 + "\n"
    assert title(page) == "乡镇防旱抗旱的工作总结"
    assert_gone(markdown(page), "客观地评价", "一起来看看")


def test_a_pages_button_to_read_it_on_a_phone_goes():
    assert_gone(markdown("乡镇工作总结\n手机查看\n" + PROSE * 3 + "\n"), "手机查看")


def test_a_breadcrumb_a_speech_widget_a_close_button_a_figures_caption_and_authors_posts_go():
    page = ("您现在的位置是: 首页科研科学研究\n新医改背景下医疗资源整合模式研究\n人工智能朗读:\n张 骏,四川省广元市委教育工委书记,教育局党组书记、局长\n"
            + PROSE * 3 + "\n图1 采访资助中心\n" + OTHER * 2 + "\n关闭\n")
    assert title(page) == "新医改背景下医疗资源整合模式研究"
    assert_gone(markdown(page), "您现在的位置", "人工智能朗读", "张 骏", "图1", "关闭")
    intro = "走出了一条契合山区实际、彰显民生温度的教育发展之路,一起来看——"
    assert_gone(markdown("四川广元:推进寄宿制学校建设\n" + intro + "\n" + PROSE * 3 + "\n"), "一起来看")


def test_the_breadcrumbs_last_item_printed_again_is_the_columns_name_and_no_title():
    page = "当前位置:   首页 > 业务工作\n业务工作\n放飞梦想 燃烧青春\n发布时间:2014-09-17 20:39  信息来源:财政局  作者:\n" + PROSE * 3 + "\n"
    assert title(page) == "放飞梦想 燃烧青春"
    assert "业务工作" not in markdown(page)
    # the breadcrumb may end with the essay's own title: it stays the title
    own = "当前位置: 首页 > 工作总结 > 镇长述职报告\n镇长述职报告\n" + PROSE * 3 + "\n"
    assert title(own) == "镇长述职报告"


def test_a_documents_number_and_issuer_a_samples_number_a_viewers_label_and_a_pages_joint_go():
    page = "交政发〔2023〕1号 交口县人民政府 关于2022年度粮食安全责任制落实情况报告\n" + PROSE * 3 + "\n"
    assert title(page) == "关于2022年度粮食安全责任制落实情况报告"
    assert title("乡镇双拥工作总结(一)\n" + PROSE * 3 + "\n") == "乡镇双拥工作总结"
    md = markdown("社区就业工作计划\n资源描述\n" + PROSE * 2 + "\n[接上页]" + OTHER * 2 + "\n交政发〔2023〕1号\n"
                  "□本报记者田宜龙\n图片由鄂州市人社局提供\n")
    assert_gone(md, "资源描述", "接上页", "交政发", "田宜龙", "鄂州市人社局")
    assert OTHER * 2 in md


def test_a_follow_prompt_a_viewers_text_label_a_sites_welcome_its_statement_and_its_offer_of_samples_go():
    page = ("欢迎加入法治观察网!\n镇妇联工作纪实\n↑点上面蓝色小字丨" + PROSE * 2 + "\n【正文】" + OTHER * 2 + "\n"
            "好投稿为您带来了七篇机关挂职锻炼总结范文,希望对您有所帮助。\n网站声明\n运城日报所有自采新闻(含图片)独家授权运城新闻网发布\n")
    md = markdown(page)
    assert_gone(md, "法治观察网", "蓝色小字", "【正文】", "好投稿", "网站声明", "独家授权")
    assert PROSE * 2 in md and OTHER * 2 in md


def test_a_columns_name_before_a_title_in_lenticular_brackets_goes_and_a_years_blank_digit_stays():
    assert title("滨海智慧宜居【智慧社区——让生活更便捷,让城市更宜居】\n" + PROSE * 3 + "\n") == "智慧社区——让生活更便捷,让城市更宜居"
    from handbook.split import clean_title

    assert clean_title("乡镇202_年度“互联网+政务服务”工作总结", load_rules()) == "乡镇202_年度“互联网+政务服务”工作总结"
    assert clean_title("发展党员_三、入党积极分子的培养教育", load_rules()) == "三、入党积极分子的培养教育"


def test_a_documents_title_printed_over_two_lines_is_one_title():
    page = "关于认真做好2013年下半年\n发展党员及预备党员转正工作的通知\n各党委、总支、支部:\n" + PROSE * 3 + "\n"
    assert title(page) == "关于认真做好2013年下半年发展党员及预备党员转正工作的通知"
    md = markdown(page)
    assert md.count("关于认真做好") == 1 and "各党委、总支、支部" in md
    # an issuer's line above a title is no first line of it
    assert title("中共某某镇委员会\n关于开展主题党日活动的通知\n" + PROSE * 3 + "\n") == "关于开展主题党日活动的通知"


def test_amounts_rates_and_attachment_pointers_are_text_and_a_hotline_is_not():
    amounts = "2024年共支出1211.89万元。其中,基本支出573.36万元,项目支出638.53万元。"
    rates = "- 家庭教育支出陡增:餐费、住宿费、交通费叠加,辽南某镇小学寄宿费 1200 元/学期,校车费 800 元/学期,相当于"
    md = markdown("乡镇部门整体支出绩效自评报告\n" + PROSE * 3 + "\n" + amounts + "\n" + OTHER * 2 + "\n" + rates
                  + "一个家庭一年的收入。\n" + OTHER + "自评得分94.6分。(详见附件)\n" + PROSE + "\n4006-01-9999 大学生村官\n")
    assert "2024年共支出1211.89万元。" in md and "校车费 800 元/学期" in md and "(详见附件)" in md.replace("（", "(").replace("）", ")")
    assert_gone(md, "4006-01-9999")


def test_a_gambling_seo_phrase_inside_sentences_and_a_posting_time_glued_before_the_text_go():
    md = markdown("两会快评:为基层减负\n网赌被黑对于基层不作为的现象,《通知》提出要完善激励关怀机制。" + PROSE * 2
                  + "它让人回想起这两年的一些荒谬网赌被黑信誉平台:去年10月,一个基层干部因故被问责。\n"
                  + "2021-08-22 18:11:29今天召开这个会议,主要是认真宣传落实市、县委的部署。" + OTHER * 2 + "\n")
    assert_gone(md, "网赌", "18:11")
    assert "对于基层不作为的现象" in md and "一些荒谬：去年10月" in md and "今天召开这个会议" in md


def test_a_word_cut_by_a_long_page_chunks_number_is_joined_not_dropped_as_injected():
    chunk = PROSE * 3 + OTHER * 2
    md = markdown("1、" + chunk + "希望大家努力学习,做好实践。接下\n2、来,我将讲几点意见。" + chunk + "旅游\n3、资源开发等多个产业促进项目。"
                  + chunk + "\n")
    assert "做好实践。接下来，我将讲几点意见。" in md and "旅游资源开发等多个产业促进项目" in md
    assert "2、" not in md and "3、" not in md


def test_a_collections_intro_before_its_only_numbered_essay_goes():
    intro = "在日复一日的学习、工作生活中,用到汇报的地方越来越多。下面是某某整理的防汛工作汇报,希望对大家有所帮助。"
    page = clean("防汛工作汇报\n" + intro + "\n防汛工作汇报1\n" + PROSE * 3 + "\n" + OTHER * 2 + "\n")
    assert [e.title for e in page.essays] == ["防汛工作汇报"]
    assert "日复一日" not in page.essays[0].markdown and PROSE * 3 in page.essays[0].markdown
    # "…篇一" says the page is cut after the first of several, with the collection's name or without it
    page = clean("当前位置\n\n" + "以下我给大家整理了一些优质的总结范文,希望对大家能够有所帮助。\n森林防火工作总结篇一\n"
                 + PROSE * 3 + "\n")
    assert [e.title for e in page.essays] == ["森林防火工作总结"] and "整理" not in page.essays[0].markdown


def test_captions_with_their_pictures_credit_and_credits_set_off_by_spaces_go():
    line = (PROSE + " 村干部挨家挨户动员群众转移(某某镇 供图) 协助群众转移,大家忙至夜深。(某某镇 供图) " + OTHER
            + " 文:程某某 |")
    md = markdown("防汛一线的村支书\n" + line + "\n" + PROSE * 2 + "\n")
    assert_gone(md, "供图", "挨家挨户动员群众转移", "忙至夜深", "程某某", "|")
    assert PROSE in md and OTHER in md
    # the caption goes with its credit, though the credit alone would be a credit after a sentence
    md = markdown("乡公所召开廉政会报\n2026-02-24 ▲乡公所廉政会报，各课室主管专注聆听专题宣讲。（图／记者游某某翻摄）\n" + PROSE * 3 + "\n")
    assert_gone(md, "聆听专题宣讲", "翻摄")


def test_a_sites_dateline_a_reporters_byline_a_toc_label_and_a_hidden_content_prompt_go():
    md = markdown("村级党支部召开组织生活会\n文章目录\n记者游某某／云林报导\n兴义之窗讯 " + PROSE
                  + "形成农村环境卫生 当前隐藏内容免费查看长效机制。" + OTHER * 2 + "\n")
    assert_gone(md, "文章目录", "报导", "之窗讯", "隐藏内容")
    assert md.count("今年以来") == 1 and "形成农村环境卫生长效机制。" in md


def test_a_caption_opened_by_whom_the_picture_shows_goes_and_a_speechs_title_of_that_shape_stays():
    md = markdown("返乡青年的直播间\n" + PROSE * 3 + "\n李某在带货家乡的土鸡蛋\n" + OTHER * 3 + "\n")
    assert "土鸡蛋" not in md and PROSE * 3 in md and OTHER * 3 in md
    assert title("王某某在全镇经济工作会议上的讲话\n" + PROSE * 3 + "\n") == "王某某在全镇经济工作会议上的讲话"


def test_a_news_desks_name_in_brackets_is_no_title():
    assert "新闻中心" not in title("【某某新闻中心】\n" + PROSE * 3 + "\n")


def test_a_headline_of_spaced_phrases_just_above_the_date_is_the_title():
    headline = "某省:实施乡村干部导师帮带制 前浪带后浪 潮头唱大风"
    assert title(headline + "\n发布日期: 2021-02-08 14:57\n" + PROSE * 3 + "\n" + OTHER * 2 + "\n") == headline


def test_a_news_headline_closing_with_an_exclamation_mark_is_the_title_and_an_exclamation_is_not():
    headline = "新一期优秀社区党组织书记沙龙来啦!"
    assert title(headline + "\n" + PROSE * 3 + "\n" + OTHER * 2 + "\n") == headline
    assert title("同志们!\n" + PROSE * 3 + "\n") == ""


def test_a_source_and_time_glued_before_the_first_sentence_go_and_the_sentence_stays():
    md = markdown("某镇:药材产业兴乡村\n文章来源:七一客户端发布时间:2025-03-11 14:30:15近年来,某镇通过抓实党建引领,明确产业定位。"
                  + PROSE * 2 + "\n" + OTHER * 2 + "\n")
    assert "近年来，某镇通过抓实党建引领，明确产业定位。" in md and "客户端" not in md and "14:30" not in md


def test_a_datelines_names_in_brackets_a_poster_and_his_posts_age_pictures_sources_and_places_and_a_related_list_go():
    md = markdown("社区治理水平再提升\n海来5天前\n本网青岛讯(吕某进 崔某昌 通讯员 尹某)为进一步提升社区治理水平,某社区开展了议事协商活动。\n资料图:新华社\n" + OTHER * 2
                  + "\n前排左一为付某某同志\n" + PROSE * 2 + "\n蒋某某出席读书心得分享会并讲话\n" + OTHER + "\n猜你想看\n相关文章\n")
    assert_gone(md, "5天前", "青岛讯", "吕某进", "资料图", "左一", "出席", "猜你想看")
    assert "为进一步提升社区治理水平" in md and md.count("今年以来") == 2 and md.count("我们要进一步") == 3


def test_a_question_closing_after_a_quoted_term_keeps_its_mark_and_prose_picking_books_is_no_site_promotion():
    md = markdown("基层干部的难处\n" + PROSE + "安全生产、信访治安等等,哪项不是“一票否决”?活得干好,人还得干好。" + OTHER + "\n"
                  + "馆领导牵头组成专门工作班子,积极筹划、周密部署、有序推进。同事们精心挑选出百余种书单,供遴选和参考。\n" + PROSE * 2 + "\n")
    assert "哪项不是“一票否决”？活得干好" in md and "同事们精心挑选出百余种书单" in md


def test_a_title_naming_the_whole_province_and_city_is_no_list_of_places():
    headline = "某新区村、社区“两委”换届工作获全省、全市表扬"
    assert title(headline + "\n\n" + PROSE * 3 + "\n" + OTHER * 2 + "\n") == headline
    md = markdown("乡镇名录\n" + PROSE * 3 + "\n东城区、西城区、朝阳区、海淀区、丰台区\n" + OTHER * 2 + "\n")
    assert "东城区" not in md


def test_related_links_run_onto_the_last_paragraph_and_a_pages_publishing_fields_go():
    md = markdown("| 招商动态 |2018-01-08\n横沥新闻 2020-12-30 16:03\n发文机构:某区某街道办事处\n" + PROSE * 3 + "\n"
                  + OTHER + "以下内容与本文相关,可查阅参考:外联部十二月份的工作计划 | 生活部十二月份工作总结 | 十月份工作总结\n"
                  + "审核人:孙某某\n")
    assert_gone(md, "招商动态", "横沥新闻", "发文机构", "外联部", "可查阅参考", "审核人")
    assert md.count("今年以来") == 3 and OTHER in md
    # a title with its date in bars stays the title
    assert title("叶某:不要忽悠基层 |2023-12-11\n" + PROSE * 3 + "\n") == "叶某:不要忽悠基层"


def test_a_stations_dateline_a_papers_boxed_byline_a_delegations_caption_and_a_sites_prepared_samples_go():
    md = markdown("好人好事进社区\n《好人中国》豫南站讯(通讯报道:智某、永某)日前,某社区举行好人好事表彰会。\n■某某报记者 王某 江西报道\n" + OTHER * 2
                  + "\n陈某庆一行拜访深圳市某某商会乡贤\n" + PROSE * 2 + "\n")
    assert_gone(md, "站讯", "智某", "王某", "一行拜访")
    assert "日前，某社区举行好人好事表彰会。" in md and md.count("今年以来") == 2 and md.count("我们要进一步") == 2
    intro = "本站今天为大家精心准备了民族团结工作总结,希望对大家有所帮助!"
    assert "精心准备" not in markdown("民族团结工作总结\n" + intro + "\n" + PROSE * 3 + "\n")


def test_an_agency_and_its_time_is_no_title_once_the_time_is_cleaned_off():
    assert title("新华社·2025-12-01 17:25\n\n" + PROSE * 3 + "\n") == ""


def test_a_numbered_title_opening_the_page_starts_its_essay_and_is_cleaned_like_a_title():
    page = clean("县长的离任演说(1):\n尊敬的陈某部长,同志们:\n" + PROSE * 3 + "\n")
    assert [e.title for e in page.essays] == ["县长的离任演说"] and "同志们" in page.essays[0].markdown
    page = clean("森林防火群众会讲话稿范文\n" + "下面是小编帮大家整理的森林防火群众会讲话稿范文,希望能够帮助到大家。\n"
                 + "森林防火群众会讲话稿范文1\n同志们:\n" + PROSE * 3 + "\n")
    assert [e.title for e in page.essays] == ["森林防火群众会讲话稿"]


def test_captions_opened_by_tu_an_authors_field_note_a_bracketed_site_stamp_and_a_datelines_place_go():
    md = markdown("| 中国某某传统文化网四川讯(特约通讯员 张某) 为深入贯彻落实上级关于关心下一代工作的部署,某村开展了走访活动。\n"
                  + "图:中青班学员赴井冈山开展现场教学\n" + PROSE * 2 + "[范文搜网-http://m.example.com]\n"
                  + "张某,博士生,某大学哲学系,主要从事“三农”研究\n" + OTHER * 2 + "\n")
    assert_gone(md, "传统文化网", "张某", "图：", "井冈山", "范文搜网", "example", "博士生")
    assert "为深入贯彻落实上级关于关心下一代工作的部署" in md and md.count("今年以来") == 2 and md.count("我们要进一步") == 2


def test_an_item_of_a_bulleted_list_of_the_sites_pages_is_no_title():
    page = ("- 2018公务员入职培训\n- 公务员入职培训心得\n- 公务员入职培训心得体会\n"
            + "新招录的公务员陆续来到县环卫所做起了全日制的环卫工人,公务员入职培训引发讨论。" + PROSE * 2 + "\n" + OTHER * 2 + "\n")
    assert "2018" not in title(page)


def test_a_lists_items_ending_with_a_note_in_brackets_keep_their_numbers():
    items = ["1、深入各村开展调研。全面掌握基本情况,理清工作思路,明确工作重点,形成工作计划。(4月5日以前完成)",
             "2、抓好科技信息服务站建设。全面完成服务站的软硬设施建设,建成全镇农民学习种养科技知识的服务平台。",
             "3、组织举办科技培训班。充分发挥服务站的作用,组织举办3期以上农民培训班,使群众真正获得科技实惠。(12月底以前)",
             "4、组织申报并实施科技示范项目,要按要求组织申报项目材料,推动资源产业的形成和科学发展。(4月30日以前完成)"]
    md = markdown("村级工作计划\n二、主要工作任务\n" + "\n".join(items) + "\n")
    assert all(item[:8] in md for item in items)  # "1、深入各村开展调"…


def test_a_paragraph_cut_inside_a_quotation_gets_no_stop_and_is_joined_with_the_rest():
    lines = ["一是班子成员思想认识不到位,对村级事务缺少通盘考虑", "二是村“两委”班子不团结。普遍表现为各自为政,缺少包容,各打各的“小九",
             "九”,在谋划工作上思路不一,在推进工作上相互拆台", "三是党员队伍老化严重,发展党员工作多年停滞不前", "四是村级集体经济薄弱,无钱办事的问题较为突出"]
    md = markdown("软弱涣散村党组织整治报告\n\n" + "\n\n".join(lines) + "\n")
    assert "各打各的“小九九”，在谋划工作上" in md


def test_a_short_paragraph_cut_after_a_sentence_of_its_own_is_joined_and_a_caption_after_a_sentence_is_not():
    md = markdown("市长就职致辞\n" + PROSE * 3 + "\n\n谢谢大家!让我们一起努力,打造马公成\n\n为安居幸福城市!\n\n"
                  + OTHER * 2 + "\n\n乡镇市长选举的必要性值得探讨。图片来源:新头壳\n\n" + PROSE + "\n")
    assert "打造马公成为安居幸福城市！" in md
    assert "新头壳\n" in md.replace("图片来源：新头壳", "新头壳")  # the caption stays a line of its own


def test_a_long_title_printed_twice_as_a_line_of_its_own_is_no_abstract():
    headline = "网格化是什么?疫情前后如何在基层治理中发挥作用?(网格化在疫情防控中的作用)"
    page = headline + "\n\n" + PROSE * 2 + "\n\n" + headline + "\n\n" + OTHER * 3 + "\n"
    assert title(page) == headline


def test_a_news_title_quoting_its_meetings_name_glued_before_the_reports_date_is_split_off():
    page = ("某镇召开农业农村和 经济工作暨“三春”生产动员会 2月28日下午,某镇组织召开农业农村和经济工作暨“三春”生产动员会。"
            + PROSE * 2 + "\n" + OTHER * 2 + "\n")
    assert title(page) == "某镇召开农业农村和 经济工作暨“三春”生产动员会"
    assert "2月28日下午" in markdown(page)
    opening = "“党的二十大报告提出,‘全面推进乡村振兴’,充分表明了党中央对农村发展的高度关注。" + PROSE  # a quotation opens it
    assert title(opening + "\n" + OTHER * 2 + "\n") == "" and "党的二十大报告提出" in markdown(opening + "\n")


def test_the_publishing_date_after_a_headline_on_its_line_goes_and_the_headline_stays():
    md = markdown("政协读书会举办“春日勤耕读”读书分享活动 发布时间:2023年03月10日\n\n" + PROSE * 2 + "\n\n" + OTHER * 2 + "\n")
    assert_gone(md, "发布时间", "2023年03月10日")
    assert "政协读书会举办“春日勤耕读”读书分享活动" in md


def test_a_viewers_preview_of_the_whole_essay_cut_off_at_its_end_is_the_essay_and_its_label_goes():
    page = "镇党委书记在全镇干部大会上的讲话\n\n内容预览:\n\n" + "  ".join([PROSE, OTHER] * 6) + "到村里担任第一书记不是去……\n"
    md = markdown(page)
    assert md.count("今年以来") == 6 and "到村里担任第一书记" in md
    assert_gone(md, "内容预览")
    teasers = "相关文章\n\n" + "\n\n".join(f"第{n}篇:镇长述职报告。今年以来,我镇坚持以党建引领基层治理……" for n in (1, 2)) + "\n"
    assert not clean(teasers).essays  # a block of short truncated previews is still no essay


def test_a_pinyin_annotation_printed_twice_after_a_character_goes_whole():
    md = markdown("走进龙墩村\n\n一场飞雪突降大别山金寨县果子园乡龍(long)(long)墩村。" + PROSE * 2 + "\n\n" + OTHER * 2 + "\n")
    assert "乡龙墩村" in md and "long" not in md


def test_a_dispatchs_headline_label_and_a_sites_best_sample_mark_leave_the_title():
    assert title("题:200余名“90后”村官“上新”记\n\n" + PROSE * 2 + "\n\n" + OTHER * 2 + "\n") == "200余名“90后”村官“上新”记"
    assert title("杨桥镇灾后重建恢复生产实施方案【优秀范文】\n\n" + PROSE * 2 + "\n\n" + OTHER * 2 + "\n") == "杨桥镇灾后重建恢复生产实施方案"


LAST = "会上，与会人员就班子履职情况进行了现场民主测评，大家一致表示要把会议精神落到实处。"


def test_datelines_credits_and_end_marks_of_news_reports_go_and_their_sentences_stay():
    for byline in ("法治报道讯(通讯员 屈敬东)", "中国教育在线讯 ", "荆楚网(湖北日报网)讯(通讯员 程丽、李星辰)",
                   "(城建学院 学工第二党支部 郭偲偲 报道)", "通讯员 沈宗芳 报道:"):
        md = markdown("某镇开展主题党日活动\n\n" + byline + PROSE * 2 + "\n\n" + OTHER + "(完)\n\n" + LAST + " 责任编辑:孟德朋\n")
        assert_gone(md, byline.strip(" :"), "(完)", "（完）", "孟德朋")
        assert md.count("今年以来") == 2 and OTHER in md and LAST in md


def test_a_headline_with_a_dash_subtitle_is_the_title_not_the_kicker_above_it_nor_the_run_together_credits():
    page = ("喜迎开门红冲刺3000亿\n到最前线,打一场攻坚战\n——监利市开展驻点招商工作纪实\n\n"
            "    □记者裴蜀华陈雪玲特约记者宋从峰通讯员胡雪飞\n\n" + PROSE * 2 + "\n\n" + OTHER * 2 + "\n")
    assert title(page) == "到最前线,打一场攻坚战"
    assert_gone(markdown(page), "裴蜀华", "喜迎开门红")


def test_a_sample_essays_count_after_the_pages_topic_starts_an_essay():
    page = "竞争性选拔范文第1篇\n\n" + PROSE * 2 + "\n\n竞争性选拔范文第2篇\n\n" + OTHER * 2 + "\n"
    essays = clean(page).essays
    assert len(essays) == 2 and all("范文第" not in e.markdown for e in essays)


def test_a_summarys_label_a_pictures_placeholder_and_captions_glued_to_paragraphs_go():
    md = markdown("某镇森林防火工作总结\n\n【概述】\n\n" + PROSE * 2 + "\n\n[图片标题]\n\n宣讲现场 从理论知识、政策方针讲到本地的发展情况,联系实际讲述各项发展成就。"
                  + "\n\n" + LAST + "图为今年入选“千强镇”的某镇\n\n" + OTHER * 2
                  + "\n\n11月7日上午,宣讲团走进某村进行宣讲。河南日报社全媒体记者杨之甜摄\n")
    assert_gone(md, "概述", "图片标题", "宣讲现场", "图为", "杨之甜")
    assert md.count("今年以来") == 2 and md.count("我们要进一步") == 2 and LAST in md and "从理论知识" in md


def test_a_run_in_heading_is_not_cut_before_a_word_that_goes_on_its_clause():
    md = markdown("批评与自我批评发言材料\n\n" + PROSE * 2 + "\n\n(一)从党的发展历史来看,在党内认真开展批评与自我批评是加强自身建设的一条重要经验。"
                  "今年我们将迎来建党纪念日,回顾历史,我们更加深刻地认识到这一点。\n\n" + OTHER * 2 + "\n")
    assert "在党内认真开展批评与自我批评是加强自身建设的一条重要经验" in md.replace("，", ",").replace(",", "")


def test_a_numbered_label_and_its_sentence_is_an_item_not_a_heading():
    items = ["1、政治方面:理论学习不够深入,运用理论指导实践不够。", "2、作风方面:深入基层调研不够,联系群众不够紧密。",
             "3、品德方面:有时存在贪图享受,奢侈浪费的思想。"]
    md = markdown("党员批评和自我批评\n\n" + PROSE * 2 + "\n\n" + "\n\n".join(items) + "\n\n" + OTHER * 2 + "\n")
    assert "奢侈浪费的思想。" in md and "### 3" not in md


def test_a_short_title_that_is_the_first_sentences_subject_stays_in_it():
    md = markdown("宣传委员\n\n宣传委员是党支部中专责宣传工作的委员会成员,主要负责组织和实施党支部的宣传工作。" + PROSE + "\n\n" + OTHER * 2 + "\n")
    assert "宣传委员是党支部中专责宣传工作" in md


def test_a_columns_circled_number_leaves_the_title_and_a_reprints_source_account_goes():
    page = "⑦政府招商引资实务高级篇\n\n本文来自微信公众号:行业研习 (ID:hangyeyanxi),作者:王某\n\n" + PROSE * 2 + "\n\n" + OTHER * 2 + "\n"
    assert title(page) == "政府招商引资实务高级篇"
    assert_gone(markdown(page), "公众号", "hangyeyanxi")


def test_a_portals_footer_of_its_owner_and_address_and_a_genre_label_after_the_title_go():
    page = "在美丽乡村建设工作会上讲话 【演讲稿】\n\n" + PROSE * 2 + "\n\n" + OTHER * 2 + "\n\n某某县人民政府主办 地址:某镇拱城街17号\n"
    assert title(page) == "在美丽乡村建设工作会上讲话"
    assert_gone(markdown(page), "主办", "拱城街")


def test_a_scrapers_labelled_reading_notes_and_casino_names_inside_words_go_and_the_words_stay():
    md = markdown("农村环境整治\n\n家乡去年喜获2019年《pinyin:nián》农村人居环幸运飞艇境整治成果一等奖。在这次整治工程中《zhōng》,也遇(pinyin:yù)到"
                  "个别群众的不理解,也遭暴力阻止[读:zhǐ]。通过一次又一次的{读:de}耐心解释,最后唯有通过法律[练:lǜ]途径才得以解决。\n\n"
                  "村前的臭澳门威尼斯人水塘变成喷水池了(繁:瞭)。村道路变得宽阔美丽[澳门伦敦人繁:麗]了。小河两(繁体:兩)边也筑起了石堤。\n\n"
                  + OTHER * 2 + "\n")
    assert_gone(md, "pinyin", "读:", "练:", "繁", "澳门", "幸运飞艇", "zhōng")
    for words in ("2019年农村人居环境整治成果一等奖", "在这次整治工程中，也遇到个别群众", "也遭暴力阻止。", "一次又一次的耐心解释",
                  "通过法律途径", "村前的臭水塘变成喷水池了。", "宽阔美丽了", "小河两边"):
        assert words in md, words


def test_a_qa_pages_references_and_answer_header_a_disclaimer_hashtags_and_stock_picture_captions_go():
    md = markdown("什么是农村后备干部\n\n" + PROSE * 2 + "\n\n扩展资料\n\n参考资料来源:百度百科-后备干部\n\n第1个回答  2017-11-18\n\n" + OTHER * 2
                  + "\n\n念给你听\n\n▲里长。(示意图/资料照)\n\n" + LAST + "\n\n图、文:陈澔琳\n\n刊登于 2019-01-13\n\n#香港政治#新界#原居民\n\n"
                  "本站部分信息由相应民事主体自行提供,该信息内容的真实性应由该民事主体负责。\n")
    assert_gone(md, "扩展资料", "参考资料", "第1个回答", "念给你听", "示意图", "陈澔琳", "刊登于", "#香港", "民事主体")
    assert md.count("今年以来") == 2 and md.count("我们要进一步") == 2 and LAST in md


def test_an_outlets_reporters_in_a_datelines_brackets_a_papers_run_together_credits_and_a_print_button_go():
    md = markdown("标题: 某社区长者助餐服务项目 [打印本页]\n\n中华龙都网讯(周口报业全媒体记者 谢永静)" + PROSE * 2
                  + "\n\n□本报记者李燕见习记者陈炫羽通讯员马学贤\n\n" + OTHER * 2 + "\n")
    assert_gone(md, "打印", "龙都网", "谢永静", "李燕", "马学贤")
    assert md.startswith("# 某社区长者助餐服务项目\n") and md.count("今年以来") == 2


def test_an_editors_note_opened_by_an_goes_and_the_headline_below_it_is_the_title():
    page = ("按:开展“两学一做”学习教育是中央深化党内教育的又一次重要实践,特推出专栏,展示基层党组织的先进事迹。\n"
            "某村党组织带领村民走上致富路\n" + PROSE * 2 + "\n" + OTHER * 2 + "\n")
    assert title(page) == "某村党组织带领村民走上致富路"
    assert_gone(markdown(page), "按:", "按：", "特推出专栏")


def test_a_subtitle_printed_without_its_headline_just_above_the_text_is_the_title_without_its_dash():
    page = "——基层干部选举动态现场观察\n某县某镇牛角村是该县最贫困的村之一,选举现场在不足五米宽的场地上举行。" + PROSE + "\n" + OTHER * 2 + "\n"
    assert title(page) == "基层干部选举动态现场观察"


def test_a_papers_name_and_date_an_ad_slot_a_columns_trail_a_converters_picture_and_a_sources_field_go():
    md = markdown("某镇召开防返贫监测工作会\n\n世纪花园社区党建>>社区先锋\n\n四川日报 2021年06月15日\n\n自动轮播广告(右)横式1栏\n\n"
                  "【记者郑家瑜报导】![]()" + PROSE * 2 + "\n\n" + OTHER + "AG8亚游集团" + OTHER + "(赵集镇党政办)\n\n资料来源:某县政府新闻\n")
    assert_gone(md, ">>", "四川日报", "轮播广告", "郑家瑜", "![", "亚游", "党政办", "资料来源")
    assert md.count("今年以来") == 2 and md.count("我们要进一步") == 2


def test_a_papers_dateline_and_its_reporters_before_the_first_sentence_go():
    for byline in ("(本台记者 徐勤程 赵利军)", "文化艺术网-文化艺术报讯(全媒体记者 唐伟)", "中国发展网讯  高正兴 唐帆 记者袁雪飞报道  "):
        md = markdown("某镇召开人代会\n\n" + byline + PROSE * 2 + "\n\n" + OTHER * 2 + "\n")
        assert_gone(md, "记者", "唐伟", "高正兴", "文化艺术")
        assert md.count("今年以来") == 2


def test_a_bare_domain_and_casino_brands_dropped_inside_sentences_go_and_a_named_www_address_stays():
    md = markdown("村委会换届选举工作报告\n\n做好村委会换届选举wenmi.net工作,伟德国际1949官方网站是全镇的大事。" + PROSE
                  + "\n\n" + OTHER + "天富注册登陆" + LAST + "十大正规赌博网站\n\n在互联网上输入www.dxscg.cn的地址,就可以看到它的主页。\n")
    assert_gone(md, "wenmi", "伟德", "天富", "赌博")
    assert "做好村委会换届选举工作，是全镇的大事。" in md and "输入www.dxscg.cn的地址" in md


def test_a_persons_name_an_institutions_name_and_a_papers_credits_are_no_title():
    for line in ("陈肖竹", "中国县域发展研究中心", "亳州市人民政府", "公司网站群", "□本报记者田宜龙河南报业全媒体记者王雪娜"):
        page = line + "\n\n" + PROSE * 2 + "\n\n" + OTHER * 2 + "\n"
        assert title(page) == "", line


def test_a_short_title_that_quotes_is_no_item_of_the_menu_column_above_it():
    page = "登录 注册\n\n文学\n\n我的“人大”情结\n\n" + PROSE * 2 + "\n\n" + OTHER * 2 + "\n"
    assert title(page) == "我的“人大”情结"


def test_a_piece_of_a_bracketed_note_broken_over_two_lines_is_no_title():
    for line in ("助理研究员 林毅)", "▊刘丹,外语系2008届毕业生(娄底市双峰县走马街镇定星村大学生村官"):
        page = "干部挂职锻炼体会\n\n" + line + "\n\n" + PROSE * 2 + "\n\n" + OTHER * 2 + "\n"
        assert title(page) == "干部挂职锻炼体会", line


def test_a_title_printed_again_in_the_text_with_latin_in_it_is_still_the_title():
    headline = "考上公务员后,我在小镇emo"
    page = "1. 首页\n2. 文章\n\n" + headline + "\n\n" + PROSE * 2 + "\n" + headline + "\n" + OTHER * 2 + "\n" + headline + "\n" \
        + PROSE + "\n"
    assert title(page) == headline


def test_a_glued_title_with_a_converters_spaces_around_its_years_is_split_off_whole():
    page = "乡镇 2022 年度政务公开工作总结和 2023 年工作思路 xxxx 年,x 镇在县委、县政府的正确领导下," + PROSE + OTHER + "\n"
    assert title(page).replace(" ", "") == "乡镇2022年度政务公开工作总结和2023年工作思路"


def test_a_headline_after_its_columns_name_and_a_bar_above_a_date_line_is_the_title():
    page = "南县·乡村十日丨到乡村“串门”去!\n\n2020-07-08 阅读数 48783\n\n" + PROSE * 2 + "\n\n" + OTHER * 2 + "\n"
    assert title(page) == "南县·乡村十日丨到乡村“串门”去!"


def test_a_newspaper_pages_date_above_the_headline_does_not_make_the_line_above_it_the_title():
    page = ("07:银杏长廊\n\n本版列表新闻\n\n2018年11月15日 星期四 放大 缩小 默认\n\n纪检路上再出发:不松劲、不停步\n"
            "夏一梅\n\n在镇纪委工作一年，再出发的纪检路上我们不松劲、不停步。" + PROSE + "\n\n" + OTHER * 2 + "\n")
    assert title(page) == "纪检路上再出发:不松劲、不停步"


def test_a_bullet_before_a_long_headline_leaves_the_title_and_a_short_bulleted_item_is_none():
    page = ("• 当前位置:文章首页 >> 调查研究 >>\n• 李昌金 | 招商“大跃进”的荒诞剧场 ——K 市引资狂潮中的数据泡沫\n"
            "•  2025-04-29 01:29:35   作者:李昌金   来源:   点击:   评论:0\n" + PROSE * 2 + "\n\n" + OTHER * 2 + "\n")
    assert title(page).endswith("招商“大跃进”的荒诞剧场 ——K 市引资狂潮中的数据泡沫") and "•" not in title(page)
    assert title("• 时事\n\n• 民意\n\n" + PROSE * 2 + "\n\n" + OTHER * 2 + "\n") == ""


def test_a_columns_tag_in_square_brackets_or_before_a_bar_like_丨_leaves_the_title():
    for line, want in (("[热点新闻] 县委组织部新闻发言人就组织工作满意度调查答记者问", "县委组织部新闻发言人就组织工作满意度调查答记者问"),
                       ("观速讯丨西平县芦庙乡召开2024年新春座谈会", "西平县芦庙乡召开2024年新春座谈会")):
        assert title(line + "\n\n" + PROSE * 2 + "\n\n" + OTHER * 2 + "\n") == want, line


def test_a_title_in_straight_quotes_as_a_cms_escapes_it_is_unquoted():
    page = '"‘乡村访问学者’走进巴南"\n\n时间: 浏览:\n\n' + PROSE * 2 + "\n\n" + OTHER * 2 + "\n"
    assert title(page) == "‘乡村访问学者’走进巴南"


def test_a_notices_title_over_two_lines_with_its_name_spaced_out_is_one_title():
    page = ("菏定安发〔2016〕17号\n\n关于印发安全生产“十三五”规划的\n\n通    知\n\n各镇街,区直各有关部门:\n\n"
            "《安全生产“十三五”规划》已经区政府审议通过,现印发给你们,请认真贯彻执行。\n\n" + PROSE * 2 + "\n\n" + OTHER * 2 + "\n")
    c = clean(page)
    assert c.essays[0].title == "关于印发安全生产“十三五”规划的通知"
    assert "通    知" not in c.essays[0].markdown


def test_a_pages_window_buttons_loading_note_ad_slots_and_font_size_label_go():
    page = ("文章详情\n\n村集体经济发展的几点思考\n\n【字体:\n\n" + PROSE * 2 + "\n\n" + OTHER * 2 + "\n\n相关文章 关闭窗口\n\n"
            "读取内容中,请等待...\n\n商务合作和广告合作\n\n品牌推广商商务运营合作\n")
    md = markdown(page)
    assert_gone(md, "文章详情", "字体", "关闭窗口", "读取内容", "广告合作", "品牌推广")
    assert md.count("今年以来") == 2 and title(page) == "村集体经济发展的几点思考"


def test_a_caption_with_the_credit_for_all_pictures_and_a_sentence_naming_where_a_person_stands_go():
    page = ("驻村第一书记的一天\n\n" + PROSE * 2 + "\n\n梅吉伦在黎明村村委会门前留影。  本文图片均为受访者梅吉伦供图(除署名外)\n\n"
            + OTHER * 2 + "\n\n3月9日,洪水镇人大代表、永平村委会副主任张恩明(左一)指导村民果树剪枝。\n\n" + LAST + "\n")
    assert_gone(markdown(page), "留影", "供图", "左一")
    assert LAST in markdown(page)


def test_a_betting_sites_name_of_digits_or_of_letters_and_digits_goes_from_inside_a_sentence():
    md = markdown("脱贫攻坚心得体会\n\n平陆县扶贫开发办公室主任杨文革说,聆听365体育投注总书记的讲话," + PROSE + "\n\n"
                  "OK138太阳集团第一党支部全体成员参加了学习。" + OTHER * 2 + "\n")
    assert_gone(md, "365", "投注", "OK138", "太阳集团")
    assert "聆听总书记的讲话" in md and "第一党支部全体成员参加了学习" in md


def test_lines_a_converter_broke_around_a_date_are_one_sentence_again():
    page = ("大学生村官助理走马上任\n从\n3月7日起\n,来自中国农业大学的首批60名大学生村官助理到康庄镇走马上任,开始为期三个月的试用期。"
            + PROSE + "\n" + OTHER * 2 + "\n")
    assert "从3月7日起，来自中国农业大学的首批60名大学生村官助理" in markdown(page)


def test_a_question_word_anywhere_in_the_last_clause_makes_its_half_width_mark_a_question():
    md = markdown("大学生村官助理走马上任\n\n" + PROSE + "这些大学生们将如何在完全陌生的环境中打开局面?" + OTHER + "\n\n" + OTHER + "\n")
    assert "将如何在完全陌生的环境中打开局面？" in md and GARBLED_NOTE not in md


def test_a_papers_name_before_its_reporter_and_where_he_wrote_from_is_a_byline_no_title():
    page = ("当100名“村长”在一起上课,他们聊什么\n\n《中国经济周刊》 记者 郭霁瑶|四川眉山报道\n\n" + PROSE * 2 + "\n\n"
            + OTHER * 2 + "\n")
    assert title(page) == "当100名“村长”在一起上课,他们聊什么"
    assert "郭霁瑶" not in markdown(page)


def test_a_notices_title_with_no_sentence_after_it_is_not_split_at_a_title_word_inside():
    name = "印发《关于开展规范村级组织工作事务、机制牌子和证明事项专项行动实施方案》的通知"
    page = name + "\n高新区、各乡镇(场)、街道,市人武部党委,市委各部委,市级国家机关各部门,各人民团体,各企事业单位:\n" \
        "现将《关于开展规范村级组织工作事务、机制牌子和证明事项专项行动实施方案》印发给你们,请认真贯彻执行。\n"
    assert title(page) == name


def test_a_columns_name_after_a_meetings_or_documents_name_leaves_the_title_and_a_news_line_keeps_its_words():
    page = "邓州市民政局:召开完善村级“小微权力”清单制度工作推进会 每日速递\n\n" + PROSE * 2 + "\n\n" + OTHER * 2 + "\n"
    assert title(page) == "邓州市民政局:召开完善村级“小微权力”清单制度工作推进会"
    page = "让乡镇干部多一点了解\n\n小夏 社会 更新 2024-01-19\n\n" + PROSE * 2 + "\n\n" + OTHER * 2 + "\n"
    assert "小夏" not in markdown(page)


def test_a_photographers_credit_a_dateline_with_its_correspondent_and_a_source_after_the_last_sentence_go():
    page = ("郧西在线讯 通讯员 周凯 报道:5月7日,十堰市清廉村居建设现场会召开。" + PROSE + "\n\n卑多敏 摄 睹史院村位于通州区石港镇北郊。"
            + OTHER + "\n\n" + LAST + " 来源:焦作广播电视台\n")
    md = markdown("清廉村居建设现场会\n\n" + page)
    assert_gone(md, "周凯", "通讯员", "卑多敏", "焦作广播电视台")
    assert "5月7日，十堰市" in md and "睹史院村位于" in md and LAST in md


def test_the_pages_last_line_cut_off_inside_a_clause_is_the_texts_end_chrome_word_or_not():
    for end in ("微信群的建立,缩短了干部与职工的距离,", "按照对行政村建制设立和《"):
        page = "中牟党建微信群好帮手\n\n" + PROSE * 2 + "\n\n" + OTHER * 2 + "\n\n" + LAST + "\n\n" + end + "\n"
        assert end.rstrip(",《") in markdown(page).replace("，", ","), end


def test_a_headline_of_two_phrases_that_opens_with_a_visit_is_no_caption():
    headline = "观摩学习找差距 学习借鉴促提升 --全面推动兜底保障工作"
    page = headline + "\n\n" + PROSE * 2 + "\n\n" + OTHER * 2 + "\n"
    assert title(page).startswith("观摩学习找差距 学习借鉴促提升")


def test_a_half_width_question_mark_ending_a_paragraph_or_a_quotation_is_punctuation_and_a_count_before_栋_stays():
    page = ("柳林村访谈录\n\n" + PROSE + "\n\n请您介绍一下柳林村的基本情况?\n\n“能不能帮我们引进一些配套企业?”听到诉求,干部记在心里。" + OTHER
            + "\n\n我镇农村房屋栋数共计4646栋,其中危房1234间,已改造2345户,新建3456间。" + LAST + "\n")
    md = markdown(page)
    assert "请您介绍一下柳林村的基本情况？" in md and "配套企业？”" in md and GARBLED_NOTE not in md
    assert "共计4646栋" in md


def test_a_standalone_section_name_just_before_the_text_is_its_heading():
    page = "乡镇水利设施建设与管理研究\n\n高喜忠 丁建伟\n\n引言\n\n" + PROSE * 2 + "\n\n" + OTHER * 2 + "\n"
    assert "引言" in markdown(page)


def test_a_numbered_heading_ending_with_a_colon_at_the_pages_end_and_a_duty_to_编制_stay():
    page = ("城镇居民医疗保险方案\n\n" + PROSE * 2 + "\n\n7、负责编制全镇防汛抢险应急预案。\n\n" + OTHER * 2
            + "\n\n五、工作步骤和时间安排:\n")
    md = markdown(page)
    assert "负责编制全镇防汛抢险应急预案" in md and "五、工作步骤和时间安排" in md


def test_究竟_or_还是_in_the_clause_makes_a_half_width_mark_a_question():
    md = markdown("乡议局是什么\n\n" + PROSE + "究竟乡议局是民主还是民粹的化身?它的成员由谁选出来。" + OTHER + "\n\n" + OTHER + "\n")
    assert "民粹的化身？" in md and GARBLED_NOTE not in md


def test_a_short_exclaiming_first_line_with_no_title_anywhere_is_the_headline_and_a_running_opener_is_not():
    page = "听,政协读书会上传来青春的声音! 发布时间:2023年03月10日\n\n" + PROSE * 2 + "\n\n" + OTHER * 2 + "\n"
    assert title(page) == "听,政协读书会上传来青春的声音!"
    opener = "历史长河,群星璀璨,西山草峪防疫队,就是最灿烂的那一颗!"
    assert title(opener + "\n\n" + PROSE * 2 + "\n\n" + OTHER * 2 + "\n") == ""


def test_a_reporters_label_with_several_names_after_the_text_is_a_byline():
    page = "三个问题问书记\n\n" + PROSE * 2 + "\n\n" + OTHER * 2 + "\n\n记者:蒋阿玮 毛文铖\n"
    assert "蒋阿玮" not in markdown(page)


def test_a_speakers_caption_with_a_rarer_surname_and_a_places_old_look_are_captions_no_title():
    page = ("以奋力一跃的劲头 全力打好收官之战\n\n街道党工委副书记、办事处主任俞宙冬讲话\n\n" + PROSE * 2 + "\n\n果珠彝族乡旧貌\n\n"
            + OTHER * 2 + "\n")
    assert title(page) == "以奋力一跃的劲头 全力打好收官之战"
    assert_gone(markdown(page), "俞宙冬", "旧貌")


def test_a_sites_name_alone_on_a_line_goes_and_a_sentence_about_a_blog_stays():
    page = ("十年村官路\n\n乡村干部报网\n\n" + PROSE * 2 + "\n\n泉湖镇招商引资网\n\n" + OTHER * 2 + "\n\n在网上搭建了村官博客。" + LAST
            + "\n")
    md = markdown(page)
    assert_gone(md, "干部报网", "招商引资网")
    assert "在网上搭建了村官博客。" in md


def test_a_headline_too_long_with_its_kickers_phrases_above_a_dated_outlet_line_loses_the_phrases():
    headline = "未央湖街道组织“两代表一委员”视察小区工作站活动暨2022年上半年政情通报会"
    page = ("网站首页 > 资讯频道 > 正文阅读\n\n凝心聚力谋发展 砥砺奋进谱新篇 " + headline + "\n\n未央区人民政府2022-07-29 09:43\n\n"
            + PROSE * 2 + "\n\n" + OTHER * 2 + "\n")
    assert title(page) == headline


def test_a_dated_line_above_a_header_is_no_headline():
    page = ("符蓉蓉:李忠凯式基层公务员需要点赞更需要减负\n\n2019-01-21 21:24:38 www.chinaqi.net 来源:时评界 有0人发表了看法\n\n"
            "作者:符蓉蓉  稿源:时评界  编辑:洪小兵\n\n" + PROSE * 2 + "\n\n" + OTHER * 2 + "\n")
    assert "chinaqi" not in title(page)


def test_a_bare_domain_after_an_ellipsis_or_at_a_lines_start_goes():
    md = markdown("村里的全能人\n\nsifangktv,com村里的“全能人”钟艳秋出门20天,全村老少都惦记她。" + PROSE + "\n\n"
                  + OTHER + "活动却走形式,没有真正做到入脑、入心……m.dkbsf.cn\n\n" + LAST + "\n")
    assert_gone(md, "sifangktv", "dkbsf")
    assert "村里的“全能人”钟艳秋" in md and "入脑、入心……" in md
