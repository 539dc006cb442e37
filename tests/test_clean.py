from graph.text.clean import clean_text
from graph.text.read import bundled_article


def test_joins_hard_wrapped_lines_and_stray_spaces():
    raw = (
        "这10年，清远高新区高速发展的10年、砥\n\n砺前行的10年。这10年清远高新区实现\n"
        "了从小到大、从弱到强的蝶变。2025 年是\n清远高新区升级国家高新区的第 10 个\n周年。"
    )
    c = clean_text(raw)
    assert "砥砺前行" in c.text
    assert "2025年是清远高新区升级国家高新区的第10个周年。" in c.text


def test_offsets_point_back_to_raw_text():
    raw = "位于清远\n高新区的 广东某某\n有限公司。"
    c = clean_text(raw)
    for i, ch in enumerate(c.text):
        if ch != "\n":
            assert raw[c.offsets[i]] == ch


def test_headings_and_short_lines_stay_separate():
    raw = ("第一段写到这里结束了吗没有还在继续写。\n" * 3) + "蝶变：\n观念上的转变\n\n崭新高楼次第排开。"
    c = clean_text(raw)
    assert "\n蝶变：\n" in c.text


def test_fullwidth_digits_become_halfwidth():
    assert clean_text("２０２４年产值１２亿元。").text == "2024年产值12亿元。"


def test_latin_words_keep_their_space():
    assert clean_text("Tesla Model 3 落户").text == "Tesla Model 3落户"


def test_bundled_article_has_no_stray_breaks():
    c = clean_text(bundled_article().read_text(encoding="utf-8"))
    assert "规模以上工业企业数量由102个增至202个" in c.text
    assert "2015年9月29日" in c.text


def test_spaces_inside_numbers_are_mended_but_table_columns_kept():
    c = clean_text("规上工业总产值跃升至1 468.2亿元，202 4年11月26日揭牌。\n营业收入（亿元） 1586.3 1713.4 1862.4")
    assert "1468.2亿元" in c.text and "2024年11月26日" in c.text
    assert "1586.3 1713.4 1862.4" in c.text


def test_traditional_characters_become_simplified_one_for_one():
    raw = "廣東聚石化學股份有限公司位於清遠高新區。"
    c = clean_text(raw)
    assert c.text == "广东聚石化学股份有限公司位于清远高新区。"
    assert len(c.text) == len(raw) and list(c.offsets[:-1]) == list(range(len(raw)))


def test_control_characters_do_not_reach_the_text():
    assert clean_text("园区\x07企业\x1b发展。").text == "园区企业发展。"


def test_a_long_prose_line_cut_mid_word_joins_the_next_whatever_the_width():
    # paragraphs one per line, and one of them hard-wrapped inside a word (子公 / 司)
    long = "园区实现工业总产值1200亿元，同比增长8.5%，其中高新技术产业产值占比达到六成以上，创历史新高。" * 3
    raw = (
        f"【概况】2024年，{long}\n"
        "【企业】江城重工股份有限公司为链主企业，全年营业收入216.5亿元；其全资子公\n"
        f"司江城电力位于东湖智造园。{long}\n"
        f"【平台】新增省级工程技术研究中心3家。{long}\n"
    )
    text = clean_text(raw).text
    assert "其全资子公司江城电力位于东湖智造园。" in text
    assert text.count("\n") == 2  # the three paragraphs stay three
    # a long heading without a comma still ends its line
    heading = "江城高新技术产业开发区二〇二四年经济运行情况暨二〇二五年重点工作安排综述\n"
    assert clean_text(heading + raw).text.startswith(heading)


def test_two_decimal_figures_side_by_side_stay_apart_and_label_rows_keep_their_cells():
    # a growth figure beside a level figure: 54.3 7.9 never reads as one number
    assert "54.3 7.9" in clean_text("工业总产值为54.3 7.9，不含税。").text
    assert clean_text("投资 1 468.2亿元。").text == "投资1468.2亿元。"  # one number spaced by the PDF
    # a label, unit, figure row under a header with as many cells keeps every cell apart
    raw = "指标 单位 2023年 同比增长%\n工业增加值 亿元 54.3 7.9\n新增企业 家 16 -3.0\n说明：数据为快报数。\n"
    c = clean_text(raw)
    assert "工业增加值 亿元 54.3 7.9\n新增企业 家 16 -3.0\n" in c.text
    assert raw[c.offsets[c.text.index("7.9")]] == "7"


def test_a_number_wrapped_inside_its_digits_joins_without_a_space():
    long = "园区坚持创新驱动发展，全年新增高新技术企业四十余家，工业投资持续回升，"
    raw = f"{long}规上工业总产值达到31\n7.4亿元，{long}同比增长1\n2.6%，{long}研发投入强度达到4\n.1%。\n"
    c = clean_text(raw)
    assert "达到317.4亿元，" in c.text and "同比增长12.6%，" in c.text and c.text.endswith("达到4.1%。")
    i = c.text.index("317.4")
    assert raw[c.offsets[i + 2]] == "7" and raw[c.offsets[i + 1] + 1] == "\n"
    # two Latin words across a line break still keep one space
    assert clean_text(f"{long}Smart\nFactory项目。\n").text.endswith("Smart Factory项目。")


def test_a_line_stopped_at_a_semicolon_runs_on_unless_a_list_item_follows():
    raw = "园区经济稳中有进，2023年工业总产值为210.4亿元；\n2024年达到236.8亿元，增长12.5%。\n"
    assert clean_text(raw).text == "园区经济稳中有进，2023年工业总产值为210.4亿元；2024年达到236.8亿元，增长12.5%。"
    items = "附件：\n1、董事会第五次会议决议；\n2、项目投资协议书。\n"
    assert clean_text(items).text == "附件：\n1、董事会第五次会议决议；\n2、项目投资协议书。"


def test_a_line_opening_a_list_item_starts_its_own_paragraph():
    head = "本月园区新开工重点项目共计三个，总投资合计达到二十六亿元，具体如下"
    raw = (f"{head}\n①智能装备产业园项目｜投资方：江城重工有限公司｜总投资12亿元\n"
           "②新材料中试基地项目｜投资方：江城新材有限公司｜总投资8亿元\n")
    lines = clean_text(raw).text.split("\n")
    assert lines[1].startswith("①") and lines[2].startswith("②")
    # a wrapped tail starting with a decimal figure is no list item
    long = "园区坚持创新驱动发展，全年新增高新技术企业四十余家，工业投资持续回升，规上工业总产值达到"
    assert "\n" not in clean_text(f"{long}\n2.5亿元，同比增长8.1%。\n").text


def test_a_latin_paragraph_closed_by_a_full_stop_ends_before_a_chinese_one():
    english = ("The new line was opened by the mayor of the city and the park's director, who both attended the "
               "ceremony held on the site of the new plant that morning.")
    chinese = "园区内现有企业一百余家，其中高新技术企业二十家，工业总产值保持较快增长，园区发展态势良好。"
    text = clean_text(f"{chinese}\n\n{english}\n\n{chinese}\n").text
    assert text.split("\n") == [chinese, english, chinese]
    # a Chinese line wrapped after a Latin abbreviation still joins
    assert "\n" not in clean_text("园区企业研发的智能控制系统已批量应用于Co. Ltd\n等多家整车企业的新车型上，市场反响良好。\n").text


def test_numbered_and_group_items_open_their_own_line():
    # a long key line then "2. 某某中心" / "二、某市": list items, not a wrapped line's tail
    raw = ("一、青川市（2家）\n1. 江南省海洋涂层工程技术研究中心\n"
           "依托单位：青川澄明光电科技有限公司；所在园区：青川北江光电产业园；领域：海洋材料；负责人：莫清远\n"
           "2. 江南省智慧灌溉工程技术研究中心\n"
           "依托单位：江南农业大学；共建单位：青川禾谷食品有限公司；领域：智慧农业；负责人：顾一帆\n"
           "二、白石市（1家）\n")
    lines = clean_text(raw).text.split("\n")
    assert "2.江南省智慧灌溉工程技术研究中心" in lines
    assert "二、白石市（1家）" in lines
    # a number wrapped inside its digits still joins
    assert "达到2.5亿元" in clean_text("今年以来园区规模以上工业企业的营业收入同比大幅增长，全年累计达到\n2.5亿元，同比增长。").text


def test_rows_with_the_ordinal_glued_to_the_first_cell_keep_their_cells():
    raw = "序号  企业名称  所属领域  所在区\n1、青川蔚然包装材料有限公司  绿色包装  东岸区\n2、青川迅达物流装备有限公司  物流装备  西岸区\n"
    assert "1、青川蔚然包装材料有限公司 绿色包装 东岸区" in clean_text(raw).text.split("\n")
