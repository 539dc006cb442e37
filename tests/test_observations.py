"""Figures as observations: indicator, entity, time, value in base units."""

from decimal import Decimal

from graph.api import extract_text


def obs(text):
    """The measured figures (targets and plans are kept apart, with status "target")."""
    return {(o.entity, o.indicator, o.year, o.value, o.unit) for o in extract_text(text).observations if o.status == "measured"}


def test_level_growth_and_share():
    got = obs("2023年，肇庆高新区工业总产值是305亿元，同比增长6.5%，其中主导产业产值为120亿元，占比39%。")
    park = "肇庆高新技术产业开发区"
    assert (park, "industrial-output-value", 2023, Decimal("30500000000"), "CNY") in got
    assert (park, "industrial-output-value/yoy-growth", 2023, Decimal("6.5"), "percent") in got
    assert any(i.endswith("/share") and v == Decimal("39") for _, i, _, v, _ in got)


def test_range_gives_start_and_end_with_their_years():
    got = obs("肇庆高新区国家高新技术企业数量由2022年的218家增至2024年的276家。")
    values = {(y, v) for _, _, y, v, _ in got}
    assert values == {(2022, Decimal("218")), (2024, Decimal("276"))}


def test_counts_with_chinese_numerals_and_minted_indicators():
    got = obs("肇庆高新区现有上市企业十二家、国家级专精特新“小巨人”企业九家。")
    labels = {(i, v) for _, i, _, v, _ in got}
    assert ("count/上市企业", Decimal("12")) in labels
    assert any("小巨人" in i and v == Decimal("9") for i, v in labels)


def test_report_year_and_year_columns():
    text = (
        "九江浔阳高新区2024年经济运行统计公报\n全年规模以上工业总产值1286.4亿元，同比增长8.7%。\n"
        "指标 2022年 2023年 2024年\n规模以上工业企业 268家 291家 312家\n"
    )
    got = obs(text)
    assert any(i == "industrial-output-value-above-scale" and y == 2024 for _, i, y, _, _ in got)
    assert {(y, v) for _, i, y, v, _ in got if i == "count/规模以上工业企业"} == {
        (2022, Decimal("268")), (2023, Decimal("291")), (2024, Decimal("312"))}


def test_targets_are_not_figures():
    assert obs("2025年，肇庆高新区力争工业总产值突破1000亿元。") == set()
    assert [o.status for o in extract_text("2025年，肇庆高新区力争工业总产值突破1000亿元。").observations] == ["target"]


def test_capacity_belongs_to_the_project():
    got = obs("广东星河新材料有限公司年产6万吨铜带项目落户肇庆高新区。")
    assert any(e.endswith("项目") and v == Decimal("60000") and u == "tonne" for e, _, _, v, u in got)


def records(text):
    return extract_text(text).observations


def test_year_carried_from_a_section_heading_to_the_figures_under_it():
    text = (
        "肇庆高新区工作报告\n一、2024年工作回顾\n（一）经济总量\n肇庆高新区全年完成地区生产总值612.8亿元，同比增长7.4%。\n"
        "二、其他工作\n肇庆高新区现有高新技术企业120家。\n"
    )
    got = {(o.indicator, o.year, o.value) for o in records(text) if o.status == "measured"}
    assert ("gdp", 2024, Decimal("61280000000")) in got
    assert ("gdp/yoy-growth", 2024, Decimal("7.4")) in got
    assert any(v == Decimal("120") and y is None for _, y, v in got)  # a new top heading without a year ends it


def test_year_carried_from_a_paragraph_opening():
    text = "2024年，肇庆高新区工业总产值305亿元。高新技术企业达到210家。\n肇庆高新区现有上市企业3家。"
    got = {(o.value, o.year) for o in records(text)}
    assert (Decimal("210"), 2024) in got  # same paragraph
    assert (Decimal("3"), None) in got  # the next paragraph is not 2024's


def test_partial_year_figures_are_a_period_not_the_year():
    got = records("2024年1—8月，肇庆高新区工业总产值305亿元，同比增长6.5%。")
    assert {(o.year, o.period) for o in got} == {(None, "2024年1—8月")}
    got = records("1—11月，肇庆高新区规模以上工业企业实现营业收入1248.6亿元。实现利润总额68.2亿元。")
    assert {(o.value, o.year, o.period) for o in got} >= {(Decimal("6820000000"), None, "1—11月")}
    got = records("上半年，肇庆高新区工业总产值150亿元。")
    assert [(o.year, o.period) for o in got] == [(None, "上半年")]


def test_targets_are_marked_not_measured():
    text = "2024年，肇庆高新区工业总产值305亿元。力争到2027年，肇庆高新区工业总产值突破500亿元，高新技术企业超过300家。"
    got = {(o.value, o.year, o.status) for o in records(text)}
    assert (Decimal("30500000000"), 2024, "measured") in got
    assert (Decimal("50000000000"), 2027, "target") in got
    assert (Decimal("300"), None, "target") in got or (Decimal("300"), 2027, "target") in got
    # a year beyond the latest one reported is a target even without a cue word
    got = records("2024年，肇庆高新区工业总产值305亿元。到2027年，肇庆高新区工业总产值达到500亿元。")
    assert {(o.value, o.status) for o in got} == {(Decimal("30500000000"), "measured"), (Decimal("50000000000"), "target")}
    # a design capacity stated with 将 is the project's, not a forecast
    got = records("2024年，广东星河新材料有限公司年产6万吨铜带项目落户肇庆高新区，项目建成后将形成年产铜带6万吨的生产能力。")
    assert {(o.value, o.status) for o in got} == {(Decimal("60000"), "measured")}


def test_range_end_takes_the_reported_year_when_only_the_start_has_one():
    text = "一、2024年工作回顾\n肇庆高新区高新技术企业由2023年的412家增至468家。"
    got = {(o.value, o.year) for o in records(text)}
    assert got == {(Decimal("412"), 2023), (Decimal("468"), 2024)}
    # no year given for either end: neither is the sentence's year
    got = {(o.value, o.year) for o in records("2025年，肇庆高新区国家高新技术企业数量由27家增至165家。")}
    assert got == {(Decimal("27"), None), (Decimal("165"), None)}


def test_last_year_opening_is_dated_by_the_dateline():
    text = "肇庆高新区访谈\n2025年3月18日\n去年，肇庆高新区实现工业总产值305亿元。"
    assert {(o.value, o.year) for o in records(text)} == {(Decimal("30500000000"), 2024)}


def labelled(text):
    ex = extract_text(text)
    from graph.extract.observations import find_observations

    _, table = find_observations(ex.sentences, ex.mentions)
    return {o.value: table[o.indicator] for o in ex.observations}


def test_indicator_label_keeps_the_texts_words_under_the_known_concept():
    got = labelled("2024年，肇庆高新区税收收入36.2亿元，发明专利授权量1035件。")
    tax, patents = got[Decimal("3620000000")], got[Decimal("1035")]
    assert (tax.zh, tax.broader) == ("税收收入", "tax-revenue")
    assert (patents.zh, patents.broader) == ("发明专利授权量", "invention-patents")
    # the dictionary's own label stays the dictionary's concept
    assert labelled("2024年，肇庆高新区工业总产值305亿元。")[Decimal("30500000000")].id == "industrial-output-value"


def test_counts_of_designated_things_keep_level_and_kind():
    got = labelled("肇庆高新区现有国家知识产权示范企业3家、肇庆市级工程技术研究中心89家、国家级小微双创基地2个。")
    assert got[Decimal("3")].zh == "国家知识产权示范企业数量"
    assert got[Decimal("89")].zh == "肇庆市级工程技术研究中心数量"
    assert got[Decimal("2")].zh == "国家级小微双创基地数量"


def test_started_projects_are_not_the_signed_ones():
    got = labelled("肇庆高新区累计引进签约项目59个，总投资额46.54亿元；新签约项目中已动工34个，拿地项目5个。")
    assert got[Decimal("59")].zh == "引进签约项目数量"
    assert got[Decimal("34")].zh == "新签约项目已动工数量"
    assert got[Decimal("5")].zh == "拿地项目数量"
    assert got[Decimal("4654000000")].id == "total-investment"


def test_a_line_starting_with_a_table_word_is_no_table_header():
    text = "肇庆高新区累计引进签约\n项目 59 个（2000 万元以上），总投资额 46.54 亿\n元。"
    assert {o.value for o in extract_text(text).observations} == {Decimal("59"), Decimal("4654000000")}


def test_company_anaphor_is_the_headline_enterprise_not_a_customer():
    text = (
        "广东星河新材料股份有限公司关于投资建设项目的公告\n"
        "公司已进入广东华瓷电子科技股份有限公司的供应链体系。2024年度，公司实现营业收入9.8亿元，同比增长26.7%。"
    )
    got = {(o.entity, o.value) for o in records(text)}
    assert ("广东星河新材料股份有限公司", Decimal("980000000")) in got
    assert not any(e == "广东华瓷电子科技股份有限公司" for e, _ in got)


def test_minus_sign_and_year_end_balance_date():
    text = "截至2024年12月31日，广东星河新材料有限公司资产总额2.15亿元，净利润 -412.36 万元。"
    got = {(o.value, o.year) for o in records(text)}
    assert got == {(Decimal("215000000"), 2024), (Decimal("-4123600"), 2024)}
    # a cut-off inside the year stays a period
    got = records("截至2024年9月，肇庆高新区累计引进签约项目17个。")
    assert [(o.year, o.period) for o in got] == [(None, "截至2024年9月")]


def test_a_range_starts_year_does_not_date_the_rest_of_the_sentence():
    text = "一、2024年工作回顾\n肇庆高新区高新技术企业由2023年的412家增至468家，技术合同成交额84.6亿元。"
    got = {(o.value, o.year) for o in records(text)}
    assert (Decimal("8460000000"), 2024) in got


def test_a_chains_figures_belong_to_its_industry_not_its_leader():
    got = obs("新能源汽车产业链由副市长担任链长。该产业链以芜湖瑞骋新能源汽车股份有限公司为链主企业，2024年实现产值1864.2亿元，同比增长18.7%。"
              "2024年，新型储能产业链实现产值352.8亿元。")
    entities = {(e, y, v) for e, _i, y, v, _u in got}
    assert ("新能源汽车", 2024, Decimal("186420000000")) in entities
    assert ("新型储能", 2024, Decimal("35280000000")) in entities
    assert not any(e == "芜湖瑞骋新能源汽车股份有限公司" for e, *_ in got)


def test_a_park_named_in_passing_owns_no_figures_and_the_school_owns_its_own():
    text = ("合肥工业大学举行校企合作大会。中恒智控位于合肥蜀山智能电网产业园，主要产品为智能配电终端。"
            "陈景明介绍，2024年学校横向科研合同经费达到8.6亿元，同比增长15.3%。")
    got = obs(text)
    assert not any(e == "合肥蜀山智能电网产业园" for e, *_ in got)
    assert any(e == "合肥工业大学" and v == Decimal("860000000") for e, _i, _y, v, _u in got)


def test_a_plan_is_a_target_not_a_measurement():
    ex = extract_text("江门华材科技有限公司董事长介绍，公司今年计划推出5款新车型。")
    assert [o.status for o in ex.observations if o.value == 5] == ["target"]


def test_a_whole_year_figure_in_a_later_paragraph_takes_the_year_stated_last():
    from graph.api import extract_text

    ex = extract_text(
        "【概况】白沙高新技术产业开发区（简称白沙高新区）位于某市东部。2024年，白沙高新区实现营业收入820亿元。\n\n"
        "【经济指标】全年实现地区生产总值312.5亿元，同比增长6.1%。规模以上工业总产值达到480亿元。\n\n"
        "【展望】全年目标是地区生产总值增长7%。"
    )
    years = {(str(o.value), o.status): o.year for o in ex.observations}
    assert years[("31250000000", "measured")] == 2024  # 全年实现… in the next paragraph
    assert years[("6.1", "measured")] == 2024
    assert years[("48000000000", "measured")] is None  # no 全年/当年 cue, no year of its own: not guessed


def test_year_after_a_section_label_or_speaker_carries_through_the_paragraph():
    got = obs("【概况】2023年，桂溪高新区规模以上工业总产值812.5亿元；一般公共预算收入21.4亿元。")
    assert {y for _, _, y, _, _ in got} == {2023}
    got = obs("记者：去年企业经营情况如何？\n李明远：2023年，杭州云栖微电子有限公司营业收入5.2亿元；净利润4100万元。")
    assert any(v == Decimal("41000000") and y == 2023 for _, _, y, v, _ in got)


def test_annual_report_and_yearbook_set_the_reference_year():
    got = obs("南岭智能装备股份有限公司\n2023年度社会责任报告\n报告期内，公司研发投入2.4亿元。")
    assert any(v == Decimal("240000000") and y == 2023 for _, _, y, v, _ in got)
    got = obs("桂溪高新区\n【概况】2023年，桂溪高新区地区生产总值300亿元。\n【科技创新】发明专利授权量520件。")
    assert any(v == Decimal("520") and y == 2023 for _, _, y, v, _ in got)


def test_project_figures_after_its_name_belong_to_the_project():
    got = obs("南岭精工有限公司是园区龙头企业。南岭精工全资子公司松湖精密有限公司年产2万吨精密轴承钢项目今天开工，"
              "总投资12亿元，占地面积8万平方米；松湖轴承有限公司风电轴承项目同步开工，总投资4.8亿元。")
    projects = {e for e, i, _, _, _ in got if i.split("/")[0] in ("total-investment", "floor-area")}
    assert len(projects) == 2 and all(e.endswith("项目") for e in projects)


def test_capacity_cue_with_the_product_between():
    got = obs("南岭精工有限公司新建封装项目，建成达产后可年产12英寸MEMS晶圆封装24万片。")
    assert any(i.startswith("annual-capacity") and v == Decimal("240000") and u == "piece" for _, i, _, v, u in got)


def test_listed_members_of_a_count_do_not_own_the_figures():
    got = obs("桂溪高新技术产业开发区（简称桂溪高新区）位于成都市东部，下辖桂溪科技城、柳湾智造园、锦江生物医药园3个片区，"
              "主导产业为电子信息。全年实现地区生产总值300亿元，增长6%。")
    assert {e for e, i, _, _, _ in got if i.startswith("gdp")} == {"桂溪高新技术产业开发区"}


def test_an_opening_target_year_covers_every_chained_clause():
    text = ("2024年，桂溪高新区高新技术企业达到120家。\n"
            "到2028年，桂溪高新区营业收入突破800亿元；培育链主企业3家；高新技术企业达到200家。")
    got = obs(text)
    assert {v for _, _, _, v, _ in got} == {Decimal("120")}


def test_caps_and_floors_of_a_policy_are_not_figures():
    got = obs("桂溪高新区对新认定的研发平台给予最高500万元支持，每年组织攻关项目不少于20项，单个项目补助不超过100万元。")
    assert not got


def test_a_company_defined_as_gongsi_owns_its_gongsi_figures_and_tables():
    text = ("南岭精工股份有限公司（以下简称“公司”）总部位于松湖高新区。公司主要客户包括东莞华拓汽车有限公司。"
            "2024年，公司实现营业收入12.5亿元。松湖高新区是国家级高新区。\n\n附表：主要指标\n"
            "指标 单位 2022年 2023年 2024年\n研发投入 亿元 0.85 0.92 1.10\n")
    got = obs(text)
    assert ("南岭精工股份有限公司", "operating-revenue", 2024, Decimal("1250000000"), "CNY") in got
    assert any(e == "南岭精工股份有限公司" and y == 2023 and v == Decimal("92000000") for e, _, y, v, _ in got)


def test_company_anaphor_after_a_time_word():
    text = ("南岭精工股份有限公司位于松湖高新区。记者：企业规模多大？\n"
            "李明远：目前公司共有员工560人，其中研发人员120人。松湖高新区是国家级高新区。")
    got = obs(text)
    assert {e for e, i, _, _, _ in got if "员" in i} == {"南岭精工股份有限公司"}


def test_last_year_counts_from_the_date_line():
    text = ("在松湖高新区项目签约仪式上的讲话\n（2025年5月20日）\n"
            "同志们：南岭精工股份有限公司作为链主企业，去年实现营业收入32.5亿元，增长12.1%。"
            "今年1—4月，南岭精工股份有限公司营业收入11.2亿元。")
    got = obs(text)
    assert ("南岭精工股份有限公司", "operating-revenue", 2024, Decimal("3250000000"), "CNY") in got
    assert not any(v == Decimal("1120000000") and y is not None for _, _, y, v, _ in got)


def test_an_elliptical_clause_repeats_the_indicator_for_its_year():
    got = obs("2022年，桂溪高新区地区生产总值为300.5亿元；2023年达到331.2亿元，增长10.2%。")
    gdp = {(y, v) for _, i, y, v, _ in got if i == "gdp"}
    assert gdp == {(2022, Decimal("30050000000")), (2023, Decimal("33120000000"))}


def test_a_comparison_base_is_the_earlier_year_value_and_a_milestone_is_not_a_value():
    got = obs("2024年，南岭精工股份有限公司营业收入首次迈上50亿元台阶，达到52.4亿元，较2023年的43.1亿元增长21.6%。")
    revenue = {(y, v) for _, i, y, v, _ in got if i == "operating-revenue"}
    assert revenue == {(2024, Decimal("5240000000")), (2023, Decimal("4310000000"))}


def test_a_running_total_is_not_dated_by_the_paragraph_year():
    text = "2024年，南岭精工股份有限公司实现营业收入5.2亿元。公司与松湖大学共建联合实验室，累计获得授权发明专利37件。"
    got = obs(text)
    assert any(v == Decimal("37") and y is None for _, _, y, v, _ in got)
    assert ("南岭精工股份有限公司", "operating-revenue", 2024, Decimal("520000000"), "CNY") in got


def test_a_sector_figure_is_the_park_s_and_a_project_size_has_no_year():
    text = ("桂溪高新区2024年经济运行统计公报\n"
            "新材料产业实现产值96.5亿元，增长8.2%，龙头企业南岭精工股份有限公司主要生产精密轴承。\n"
            "南岭精工股份有限公司高端轴承项目在园区开工，总投资12亿元。新建标准厂房8万平方米。")
    got = obs(text)
    assert {e for e, i, _, _, _ in got if "新材料产业" in i} == {"桂溪高新技术产业开发区"}
    assert any(e.endswith("项目") and v == Decimal("1200000000") and y is None for e, _, y, v, _ in got)
    assert any(e == "桂溪高新技术产业开发区" and v == Decimal("80000") for e, _, _, v, _ in got)


def test_named_rates_and_a_share_after_a_growth():
    got = obs("2024年，桂溪高新区高技术制造业增加值增长15.2%，占规模以上工业增加值的比重为31.5%；"
              "研究与试验发展经费投入强度为3.8%。")
    values = {(i, v) for _, i, _, v, _ in got}
    assert any("/share" in i and v == Decimal("31.5") for i, v in values)
    assert any("强度" in i and v == Decimal("3.8") for i, v in values)


def test_goods_under_an_output_heading_are_pieces():
    got = obs("桂溪高新区2024年统计公报\n主要工业产品产量：数控机床1860台，增长12.5%；工业机器人920套，增长30.1%。")
    assert {(v, u) for _, i, _, v, u in got if not i.endswith("growth")} == {(Decimal("1860"), "piece"), (Decimal("920"), "piece")}


def test_a_generic_park_word_and_listed_examples():
    text = ("桂溪高新区位于成都市。南岭精工股份有限公司在深圳证券交易所上市，全年营业收入12.4亿元。"
            "年末高新区有上市企业6家，新三板挂牌企业11家。"
            "南岭精工股份有限公司带动松湖轴承有限公司等4家配套企业落户园区。")
    got = obs(text)
    assert {e for e, _, _, v, _ in got if v in (Decimal("6"), Decimal("11"))} == {"桂溪高新技术产业开发区"}
    assert {e for e, _, _, v, _ in got if v == Decimal("4")} == {"南岭精工股份有限公司"}


def test_a_clause_opening_year_dates_the_clauses_chained_after_it():
    text = "On May 8 the firm reported its results. 2024年，南岭精工股份有限公司营业收入12.4亿元；数控机床销量5200台；研发人员420人。"
    got = obs(text)
    assert {y for _, _, y, _, _ in got} == {2024}


def test_tongqi_range_takes_the_years_of_the_range_before():
    got = obs("桂溪高新区高新技术企业由2021年的310家增至2024年的452家，瞪羚企业同期从26家增至48家。")
    assert {(y, v) for _, _, y, v, _ in got} == {(2021, Decimal("310")), (2024, Decimal("452")),
                                                 (2021, Decimal("26")), (2024, Decimal("48"))}


def test_approximate_figures_are_not_observations_and_a_floor_is_kept_as_one():
    text = "2024年，桂溪高新区签约项目12个，协议金额约46亿元，带动20多家配套企业落户，新增就业3000人左右。"
    assert {v for _, _, _, v, _ in obs(text)} == {Decimal("12"), Decimal("20")}  # 约…, …左右: no figure
    floor = [o for o in extract_text(text).observations if o.value == Decimal("20")]
    assert [o.bound for o in floor] == ["min"]  # 20多家: at least 20, as 超过20家 would be


def test_a_city_wide_clause_is_no_entity_s_figure():
    got = obs("2024年，全市8条重点产业链实现规模以上工业产值3200亿元，同比增长9.1%；桂溪高新区实现产值820亿元。")
    assert {v for _, _, _, v, _ in got} == {Decimal("82000000000")}


def test_partners_of_an_act_are_not_a_count():
    got = obs("2024年，桂溪高新区管委会与4家企业签订投资协议，园区现有高新技术企业86家。")
    assert {v for _, _, _, v, _ in got} == {Decimal("86")}


def test_indicator_labels_keep_the_text_s_words():
    from graph.api import extract
    from graph.text.read import read_text

    text = ("2024年，南岭精工股份有限公司营业收入12.4亿元，同比增长18.2%；研发投入1.5亿元，占营业收入的12.1%；"
            "全年销售数控机床5200台，出货伺服电机8.6万台。")
    ex, inds = extract(read_text(text, "t"))
    labels = {inds[o.indicator].zh for o in ex.observations}
    assert {"营业收入增长率（同比）", "研发投入占营业收入比重", "数控机床销量", "伺服电机出货量"} <= labels


def test_capacity_short_forms_and_increase_labels():
    from graph.api import extract
    from graph.text.read import read_text

    text = ("2024年，桂溪高新区规上工业总产值812亿元；年末高新技术企业186家，比上年末增加21家。"
            "南岭精工股份有限公司精密轴承项目年产能500万套。")
    ex, inds = extract(read_text(text, "t"))
    labels = {inds[o.indicator].zh for o in ex.observations}
    assert {"规模以上工业总产值", "设计产能"} <= labels
    assert any(label.endswith("较上年增加数") for label in labels)


def test_a_repeated_fact_is_one_observation():
    text = ("2024年，桂溪高新区地区生产总值300亿元。\n一、经济运行\n2024年，桂溪高新区地区生产总值300亿元，增长6.1%；"
            "本项目总投资为人民币126,000万元。")
    got = [o for o in extract_text(text).observations if o.value == Decimal("30000000000")]
    assert len(got) == 1
    assert any(o.indicator == "total-investment" for o in extract_text(text).observations)


def test_a_clause_s_own_last_year_beats_an_earlier_period():
    text = ("桂溪高新区：做强集成电路产业\n2025年3月18日\n记者：产业发展如何？\n"
            "答：目前园区集聚集成电路企业43家，去年集成电路产业营收同比增长31.5%。")
    got = obs(text)
    assert any(v == Decimal("31.5") and y == 2024 for _, _, y, v, _ in got)
    assert any(v == Decimal("43") and y is None for _, _, y, v, _ in got)


def test_a_first_phase_figure_is_not_the_year_s():
    got = obs("2024年，桂溪高新区与松湖大学共建智能制造研究院，首期投入科研经费5000万元；园区实现营业收入300亿元。")
    assert any(v == Decimal("50000000") and y is None for _, _, y, v, _ in got)
    assert any(v == Decimal("30000000000") and y == 2024 for _, _, y, v, _ in got)


def test_other_annual_capacity_verbs_and_a_list_of_subjects():
    text = ("桂溪高新区2024年统计公报\n南岭精工股份有限公司封装基地项目建成投产，年封测传感器芯片8亿颗。\n"
            "桂溪科技城实现营业收入120亿元，柳湾科技城实现营业收入80亿元。新登记市场主体2100户。")
    got = obs(text)
    assert any(i == "annual-capacity" and u == "piece" and y is None for _, i, y, _, u in got)
    assert {e for e, _, _, v, _ in got if v == Decimal("2100")} == {"桂溪高新技术产业开发区"}


def test_an_ordinal_is_not_a_count():
    got = obs("2024年，南岭精工股份有限公司在创业板上市，成为桂溪高新区第六家上市企业，并建成第二条生产线。")
    assert not any(u == "count" for _, _, _, _, u in got)


def test_a_count_that_sums_up_a_list_is_not_a_statistic():
    text = ("桂溪高新区统筹推进桂溪片区、柳湾片区两个片区开发。南岭精工股份有限公司拥有两家子公司：松湖精密有限公司和"
            "松湖轴承有限公司。三个项目均选址园区南区。2024年，桂溪高新区新增高新技术企业21家，惠及企业1260家次。")
    got = obs(text)
    assert {v for _, _, _, v, _ in got} == {Decimal("21"), Decimal("1260")}


def test_bullets_under_a_targets_heading_stay_targets():
    text = ("桂溪高新区2024年工作报告\n\n一、2024年主要指标完成情况\n\n2024年，桂溪高新区实现营业收入300亿元，增长8.1%。\n\n"
            "二、2025年主要预期目标\n\n● 营业收入增长8%左右\n\n● 新增高新技术企业 80 家以上\n")
    got = obs(text)
    assert {v for _, _, _, v, _ in got} == {Decimal("30000000000"), Decimal("8.1")}


def test_the_same_amount_in_prose_and_table_is_one_fact():
    text = ("桂溪高新区2024年统计公报\n全年研究与试验发展经费支出51.6亿元。\n"
            "指标 2022年 2023年 2024年\nR&D经费支出（亿元） 40.2 45.9 51.6\n")
    got = obs(text)
    assert sum(1 for _, _, y, v, _ in got if v == Decimal("5160000000") and y == 2024) == 1


def test_a_capacity_for_a_later_year_is_a_plan():
    text = "2024年，南岭精工股份有限公司营业收入4.6亿元。公司计划到2026年把产能扩大到3万吨。"
    got = obs(text)
    assert {v for _, _, _, v, _ in got} == {Decimal("460000000")}


def test_we_in_a_company_head_s_answer_is_the_company():
    text = ("专访南岭精工股份有限公司董事长李明远\n记者：企业与园区的配套怎样？\n"
            "李明远：2024年，我们在松湖高新区内的本地采购额达到2.1亿元。松湖高新区是国家级高新区。")
    got = obs(text)
    assert {e for e, _, _, v, _ in got if v == Decimal("210000000")} == {"南岭精工股份有限公司"}


def test_a_firm_named_after_the_figure_does_not_own_it():
    text = ("桂溪高新区2024年统计公报\n全年新认定省级工程技术研究中心6家，其中南岭精工股份有限公司获批组建省精密轴承工程技术研究中心。")
    got = obs(text)
    assert {e for e, _, _, v, _ in got if v == Decimal("6")} == {"桂溪高新技术产业开发区"}


def test_a_running_total_after_the_new_ones_keeps_their_indicator():
    got = obs("桂溪高新区2024年统计公报\n新增国家级专精特新“小巨人”企业7家，累计达到31家。")
    assert {(i, v) for _, i, _, v, _ in got} == {("count/国家级专精特新“小巨人”企业", Decimal("7")),
                                                 ("count/国家级专精特新“小巨人”企业", Decimal("31"))}


def test_a_line_cut_at_a_comma_goes_on_in_the_next_sentence():
    from graph.extract.mentions import find_mentions
    from graph.extract.observations import find_observations
    from graph.model import Sentence

    first = "2024年，南岭精工股份有限公司实现营业收入12.4亿元，数控机床销量5200台，"
    second = "同比增长21.3%，其中出口1200台。"
    # the cleaner left a paragraph break after the comma (a hard-wrapped line)
    sents = [Sentence(0, first, 0, len(first), 0), Sentence(1, second, len(first), len(first) + len(second), 1)]
    obs_, _ = find_observations(sents, find_mentions(sents).mentions)
    got = {(o.entity, o.indicator, o.year, o.value) for o in obs_}
    assert ("南岭精工股份有限公司", "sales-volume/yoy-growth", 2024, Decimal("21.3")) in got


def test_a_share_row_and_a_unit_price():
    from graph.api import extract
    from graph.text.read import read_text

    text = ("南岭精工股份有限公司2024年度社会责任报告\n\n南岭精工股份有限公司（以下简称“公司”）位于松湖高新区。"
            "报告期内，公司研发投入1.2亿元，占营业收入的11.8%。\n\n"
            "指标 单位 2022年 2023年 2024年\n研发投入占营业收入比重 % 12.6 12.1 11.8\n\n"
            "园区标准厂房租金每月每平方米12元。")
    ex, inds = extract(read_text(text, "t"))
    shares = [o for o in ex.observations if o.value == Decimal("11.8")]
    assert len(shares) == 1 and inds[shares[0].indicator].zh == "研发投入占营业收入比重"
    assert any(inds[o.indicator].zh == "研发投入占营业收入比重" and o.year == 2022 for o in ex.observations)
    assert not any(o.value == Decimal("12") and o.unit == "CNY" for o in ex.observations)


def test_growth_column_beside_a_year_column_takes_that_year():
    text = (
        "江城高新技术产业开发区2023年主要经济指标\n指标 单位 2023年 同比增长%\n"
        "规模以上工业增加值 亿元 54.3 7.9\n税收收入 亿元 12.6 -2.5\n"
    )
    got = {(i, y, v) for _, i, y, v, _ in obs(text)}
    assert ("industrial-added-value-above-scale", 2023, Decimal("5430000000")) in got
    growth = {(y, v) for i, y, v in got if i.endswith("growth")}
    assert growth == {(2023, Decimal("7.9")), (2023, Decimal("-2.5"))}


def test_value_reached_past_a_milestone_is_the_level_before_it():
    text = "2023年，江城高新技术产业开发区工业总产值为910.2亿元；2024年首次突破千亿元大关，达到1032.6亿元，增长13.4%。"
    got = {(i, y, v) for _, i, y, v, _ in obs(text)}
    assert ("industrial-output-value", 2024, Decimal("103260000000")) in got
    assert not any(v == Decimal("100000000000") for _, _, v in got)  # the milestone itself is no figure


def test_a_clause_after_a_semicolon_belongs_to_the_entity_opening_it():
    text = ("2024年，江城东湖智造产业园新签约项目12个，协议投资86.5亿元；"
            "江城西湖新材料产业园新签约项目7个，协议投资41.2亿元。")
    got = {(e, v) for e, _, _, v, _ in obs(text)}
    assert ("江城西湖新材料产业园", Decimal("4120000000")) in got
    assert ("江城东湖智造产业园", Decimal("8650000000")) in got


def test_a_firm_named_after_the_figure_or_before_gudong_does_not_own_it():
    text = ("江城精细化工股份有限公司2024年年度报告（摘要）\n一、经营情况\n"
            "报告期内，公司实现营业收入12,345.60万元，同比增长10.20%；"
            "实现归属于上市公司股东的净利润1,234.50万元，同比增长8.10%。")
    got = {(e, v) for e, _, _, v, _ in obs(text)}
    assert ("江城精细化工股份有限公司", Decimal("123456000")) in got
    assert ("江城精细化工股份有限公司", Decimal("12345000")) in got


def test_top_five_customers_is_a_rank_and_the_report_period_company_is_the_issuer():
    text = ("江城精细化工股份有限公司2024年年度报告（摘要）\n一、经营情况\n"
            "报告期内公司向前五名客户合计销售金额为5,432.10万元，占年度销售总额的38.20%。")
    got = {(e, v, u) for e, _, _, v, u in obs(text)}
    assert ("江城精细化工股份有限公司", Decimal("54321000"), "CNY") in got
    assert not any(u == "count" for _, _, u in got)  # 前五名 ranks the customers, it counts nothing


def test_a_numbered_item_heading_naming_a_firm_owns_the_figures_under_it():
    text = ("江城精细化工股份有限公司2024年年度报告（摘要）\n三、主要控股参股公司分析\n"
            "1.江城精化（滨江）有限公司\n"
            "公司全资子公司，注册资本20,000万元，位于江城滨江化工园区。2024年实现营业收入9,876.50万元。\n"
            "2.江城宏泰气体有限公司\n"
            "公司参股公司，公司持股30%。报告期内，公司按权益法确认投资收益321.00万元。\n")
    got = {(e, i, y, v) for e, i, y, v, _ in obs(text)}
    assert any(e == "江城精化（滨江）有限公司" and y is None and v == Decimal("200000000") for e, _, y, v in got)
    assert any(e == "江城精化（滨江）有限公司" and v == Decimal("98765000") for e, _, _, v in got)
    assert any(e == "江城精细化工股份有限公司" and v == Decimal("3210000") for e, _, _, v in got)  # 公司 in its own clause


def test_company_anaphor_in_a_profile_is_the_enterprise_the_text_keeps_naming():
    text = ("创业十年：一位教授的产业梦\n本报记者 王芳\n2025年7月1日\n"
            "在江城高新技术产业开发区的车间里，李明正在调试样车。他是江城锐驰动力科技有限公司的创始人。\n"
            "江城锐驰动力科技有限公司由李明创办。江城锐驰动力科技有限公司的主打产品是电驱系统。江城锐驰动力科技有限公司的团队有80人。\n"
            "2023年，产品通过江城汽车集团有限公司的整车验证，开始批量配套。\n此后订单逐月增加，产线满负荷运转。\n"
            "2024年，公司实现营业收入3.2亿元，同比增长40.5%。")
    got = {(e, v) for e, _, _, v, _ in obs(text)}
    assert ("江城锐驰动力科技有限公司", Decimal("320000000")) in got


def test_capacity_utilisation_is_a_rate_of_its_year():
    got = obs("2024年，江城精细化工股份有限公司营业收入8.6亿元，产能利用率达到91.5%。")
    assert any(y == 2024 and v == Decimal("91.5") for _, _, y, v, _ in got)


def test_a_chain_figure_stays_the_chains_when_its_leader_has_a_short_name():
    text = ("2025年3月10日，江城高新技术产业开发区召开产业链链主企业座谈会。\n"
            "智能装备产业链由副市长担任链长。该产业链以江城重工股份有限公司（以下简称“江城重工”）为链主企业，"
            "2024年实现产值512.3亿元，同比增长9.6%。")
    got = {(e, v) for e, _, _, v, _ in obs(text)}
    assert ("智能装备", Decimal("51230000000")) in got


def test_in_an_issuers_report_a_figure_naming_no_park_is_the_issuers():
    text = ("江城精工轴承股份有限公司首次公开发行股票招股说明书（节选）\n"
            "公司位于江城高新技术产业开发区，主要产品为风电轴承。\n"
            "注：产能按6MW机型折算。2024年度风电轴承产能利用率为95.20%，产销率为96.40%。")
    got = {(e, v) for e, _, _, v, _ in obs(text)}
    assert ("江城精工轴承股份有限公司", Decimal("95.20")) in got
    assert ("江城精工轴承股份有限公司", Decimal("96.40")) in got


def test_counts_after_a_platform_just_built_are_the_platforms():
    text = ("2024年，江城高新技术产业开发区建成江城科创金融服务中心，入驻银行、保险等机构18家。"
            "江城材料研究院落户园区，已为园区企业解决技术难题25项。")
    got = {(e, v) for e, _, _, v, _ in obs(text)}
    assert ("江城科创金融服务中心", Decimal("18")) in got
    assert ("江城材料研究院", Decimal("25")) in got
    # a lab holds no patents: the firm that built it does
    got = obs("2024年，江城精工股份有限公司与江城大学共建精密轴承联合实验室，累计获得授权发明专利12件。")
    assert any(e == "江城精工股份有限公司" and v == Decimal("12") for e, _, _, v, _ in got)


def test_company_anaphor_skips_a_customer_named_once_in_the_sentence_before():
    text = ("江城锐驰动力科技有限公司发布2024年经营情况\n"
            "江城锐驰动力科技有限公司位于江城高新技术产业开发区，主营电驱系统。\n"
            "江城汽车集团有限公司、江城客车有限公司都是公司的长期客户。\n"
            "2024年，公司实现营业收入3.2亿元，同比增长40.5%。")
    got = {(e, v) for e, _, _, v, _ in obs(text)}
    assert ("江城锐驰动力科技有限公司", Decimal("320000000")) in got


def test_a_range_from_a_year_end_keeps_the_indicator_named_before_it():
    got = obs("江城高新区高新技术企业数量从2022年末的218家增至2024年末的276家。")
    assert {(y, v) for _, _, y, v, _ in got} == {(2022, Decimal("218")), (2024, Decimal("276"))}


def test_a_range_ending_last_year_end_is_dated_by_the_dateline():
    text = "江城高新区访谈\n2025年3月18日\n江城高新区高新技术企业数量从2022年末的218家增至去年底的276家。"
    got = {(y, v) for _, _, y, v, _ in obs(text)}
    assert (2024, Decimal("276")) in got and (2022, Decimal("218")) in got


def test_a_key_project_plan_dates_its_figures_by_its_title_year():
    text = ("江城区发展和改革局\n关于下达2026年江城区重点建设项目计划的通知\n一、总体情况\n"
            "从空间布局看，江城东湖智造产业园安排项目12个，总投资156.2亿元；江城西湖新材料产业园安排项目7个，总投资64.5亿元。")
    got = {(e, y, v) for e, _, y, v, _ in obs(text)}
    assert ("江城东湖智造产业园", 2026, Decimal("12")) in got
    assert ("江城西湖新材料产业园", 2026, Decimal("6450000000")) in got


def test_a_district_bureaus_quanqu_figures_are_no_parks():
    text = ("江城区发展和改革局\n关于下达2026年江城区重点建设项目计划的通知\n一、总体情况\n"
            "2026年，全区共安排重点建设项目40个，总投资420.5亿元。其中，续建项目15个，新开工项目25个。\n"
            "从空间布局看，江城东湖智造产业园安排项目12个，总投资156.2亿元。")
    got = {(e, v) for e, _, _, v, _ in obs(text)}
    assert ("江城东湖智造产业园", Decimal("12")) in got
    assert not any(v in (Decimal("40"), Decimal("42050000000"), Decimal("15"), Decimal("25")) for _, v in got)


def test_a_share_named_by_bili_is_a_level_of_its_own():
    got = obs("2024年，江城精工股份有限公司供应商中通过环境管理体系认证的比例达到78%。")
    assert any(e == "江城精工股份有限公司" and y == 2024 and v == Decimal("78") and u == "percent" for e, _, y, v, u in got)


def test_a_place_before_a_count_is_not_what_is_counted():
    from graph.extract.observations import find_observations

    ex = extract_text("2024年，江城高新技术产业开发区举办创新创业大赛，吸引全国56个项目参赛。")
    _, table = find_observations(ex.sentences, ex.mentions)
    labels = {table[o.indicator].zh for o in ex.observations if o.value == Decimal("56")}
    assert labels and not any("全国" in label for label in labels)


def test_a_numbered_item_opening_with_a_firm_is_about_that_firm():
    text = ("江城精工轴承股份有限公司首次公开发行股票招股说明书（节选）\n"
            "2.江城精工海上轴承有限公司，系公司控股子公司，公司持股70%，主要生产海上风电轴承，2024年实现营业收入8,615.42万元。")
    got = {(e, v) for e, _, _, v, _ in obs(text)}
    assert ("江城精工海上轴承有限公司", Decimal("86154200")) in got


# the owner of a figure: an area word at the head of its clause (data/lexicon/cues.tsv, area-*)

def test_a_city_named_by_a_pronoun_owns_its_figures():
    got = obs("2024年，桂溪高新区实现工业总产值560亿元；我市高新技术企业达到1200家，本市新增上市企业6家。")
    assert {v for _, _, _, v, _ in got} == {Decimal("56000000000")}


def test_a_province_and_the_country_own_their_figures():
    got = obs("2024年，桂溪高新区新增专精特新企业21家；全省新增专精特新企业900家，我国新增专精特新企业1.2万家。")
    assert {v for _, _, _, v, _ in got} == {Decimal("21")}


def test_a_whole_industry_owns_its_figures():
    got = obs("2024年，全行业实现销售收入1.2万亿元，同比增长8%；桂溪高新区传感器产业实现营业收入300亿元。")
    assert {v for _, _, _, v, _ in got} == {Decimal("30000000000")}


def test_a_city_in_the_same_period_owns_its_figures():
    got = obs("2024年，桂溪高新区新增高新技术企业45家；同期，全市新增高新技术企业380家。")
    assert {v for _, _, _, v, _ in got} == {Decimal("45")}


def test_a_named_city_before_an_area_indicator_owns_the_figure():
    got = obs("2024年，桂溪高新区实现营业收入900亿元；云崖市规上工业增加值增长6.8%，云崖市地区生产总值达到4100亿元。")
    assert {v for _, _, _, v, _ in got} == {Decimal("90000000000")}


def test_an_area_average_is_a_comparison_base():
    got = obs("2024年，桂溪高新区研发投入强度为4.6%，高于全市平均水平的2.9%。")
    assert {v for _, _, _, v, _ in got} == {Decimal("4.6")}


def test_a_share_of_the_city_is_the_park_s():
    got = obs("2024年，桂溪高新区规上工业增加值为210亿元，占全市的比重为35.2%。")
    assert ("桂溪高新技术产业开发区", Decimal("35.2")) in {(e, v) for e, _, _, v, _ in got}


def test_a_district_office_s_jurisdiction_is_the_district():
    text = ("云崖市青石区统计局关于2024年经济运行情况的通报\n"
            "2024年，辖区内规上工业企业实现产值820亿元；青石经济开发区实现产值310亿元。")
    assert {v for _, _, _, v, _ in obs(text)} == {Decimal("31000000000")}


def test_a_park_named_by_its_own_words_owns_the_figure():
    text = "2024年，桂溪高新区举办招商推介会12场。园内新增入驻企业35家，区内规上企业达到210家。"
    got = obs(text)
    # (推介会12场 is the park's count of events it held)
    assert {(e, v) for e, _, _, v, _ in got} == {("桂溪高新技术产业开发区", Decimal(n)) for n in ("12", "35", "210")}


def test_a_known_city_heading_a_clause_owns_the_figure():
    text = "2024年，桂溪高新区新增高新技术企业45家；其中，德阳市新增高新技术企业210家，德阳市级专精特新企业9家。"
    got = obs(text)
    assert Decimal("210") not in {v for _, _, _, v, _ in got}
    assert Decimal("45") in {v for _, _, _, v, _ in got}


def test_a_firm_whose_name_starts_with_a_city_keeps_its_figure():
    got = obs("2024年，德阳市青禾精工科技有限公司实现营业收入5.2亿元，同比增长12%。")
    assert {e for e, _, _, _, _ in got} == {"德阳市青禾精工科技有限公司"}


def test_a_period_or_last_year_before_the_city_word():
    got = obs("2024年，桂溪高新区实现营业收入900亿元。1—11月全市规上工业增加值增长5.9%；去年全市新增市场主体1.2万户。")
    assert {v for _, _, _, v, _ in got} == {Decimal("90000000000")}


def test_incubation_figures_belong_to_the_incubator_the_text_is_about():
    text = ("青禾科创孵化器获评国家级科技企业孵化器\n青禾科创孵化器位于桂溪高新区，由桂溪高新区管委会建设。"
            "近年来，桂溪高新区持续优化营商环境，吸引大批人才。各类服务机构不断完善。\n"
            "2024年，在孵企业达到126家，累计毕业企业58家，孵化面积3.2万平方米。")
    got = obs(text)
    assert {(e, i) for e, i, _, _, _ in got} == {("青禾科创孵化器", "incubated-enterprises"),
                                                ("青禾科创孵化器", "graduated-enterprises"),
                                                ("青禾科创孵化器", "incubation-area")}


def test_the_park_s_own_incubation_figures_stay_the_park_s():
    text = ("青禾科创孵化器获评国家级科技企业孵化器\n青禾科创孵化器位于桂溪高新区。近年来，桂溪高新区持续优化营商环境。"
            "各类服务机构不断完善。人才持续集聚。\n2024年，园区在孵企业达到860家。")
    assert {(e, v) for e, _, _, v, _ in obs(text)} == {("桂溪高新技术产业开发区", Decimal("860"))}


def test_a_market_s_size_is_no_one_s_figure():
    text = "青禾精工科技有限公司主要生产工业传感器。2024年，国内工业传感器市场规模约为320亿元，同比增长11%；公司实现营业收入4.8亿元。"
    assert {v for _, _, _, v, _ in obs(text)} == {Decimal("480000000")}


def test_a_known_city_with_its_whole_word_owns_the_figure():
    got = obs("2024年，桂溪高新区实现营业收入900亿元；德阳全市实现营业收入4200亿元。")
    assert {v for _, _, _, v, _ in got} == {Decimal("90000000000")}


def test_the_park_s_firms_as_a_whole_are_the_park():
    text = "桂溪高新区2024年发展综述\n2024年，青禾精工科技有限公司实现营业收入12亿元；入园企业实现营业收入860亿元。"
    got = {(e, v) for e, _, _, v, _ in obs(text)}
    assert ("桂溪高新技术产业开发区", Decimal("86000000000")) in got


def test_a_city_s_office_heading_a_clause_owns_the_figure():
    text = ("桂溪高新区2024年发展综述\n2024年，桂溪高新区实现营业收入900亿元。"
            "德阳市科技局全年认定科技型中小企业520家，市发展改革委安排重点项目86个。")
    assert {v for _, _, _, v, _ in obs(text)} == {Decimal("90000000000")}


def test_the_park_s_own_office_keeps_the_park_s_figure():
    text = "桂溪高新区2024年发展综述\n2024年，桂溪高新区实现营业收入900亿元。高新区科技局全年认定科技型中小企业52家。"
    assert Decimal("52") in {v for _, _, _, v, _ in obs(text)}


def test_a_known_district_heading_a_clause_owns_the_figure():
    got = obs("2024年，桂溪高新区实现营业收入900亿元；天河区新增高新技术企业320家。")
    assert {v for _, _, _, v, _ in got} == {Decimal("90000000000")}


def test_a_figure_compared_with_an_area_is_not_the_entity_s_level():
    got = obs("2024年，桂溪高新区营业收入增长12.4%，较全市增长7.3%高出5.1个百分点。")
    assert {v for _, _, _, v, _ in got} == {Decimal("12.4")}


def test_a_group_of_firms_sums_to_the_park_not_to_a_firm_named_before():
    text = ("桂溪高新区2024年发展综述\n2024年，桂溪高新区实现营业收入900亿元。"
            "青禾精工科技有限公司实现营业收入12亿元，规上工业企业实现营业收入860亿元，重点企业实现产值540亿元。")
    got = {(e, v) for e, _, _, v, _ in obs(text)}
    assert ("青禾精工科技有限公司", Decimal("1200000000")) in got
    assert ("桂溪高新技术产业开发区", Decimal("86000000000")) in got
    assert ("桂溪高新技术产业开发区", Decimal("54000000000")) in got


def test_a_group_of_firms_in_a_firm_s_profile_is_no_one_s():
    text = "青禾精工科技有限公司简介\n青禾精工科技有限公司成立于2010年，2024年实现营业收入12亿元。重点企业实现营业收入860亿元。"
    assert {v for _, _, _, v, _ in obs(text)} == {Decimal("1200000000")}


def test_a_whole_trade_s_figure_is_no_firm_s():
    text = ("青禾电驱科技有限公司简介\n青禾电驱科技有限公司成立于2012年，2024年实现营业收入8.6亿元。"
            "2024年，新能源汽车行业销量达到1200万辆，同比增长30%。")
    assert {v for _, _, _, v, _ in obs(text)} == {Decimal("860000000")}


def test_a_district_s_media_centre_speaks_for_the_district():
    text = ("来源：云崖市青石区融媒体中心\n青石区经济运行稳中向好\n"
            "2024年，全区规上工业企业实现产值820亿元；青石经济开发区实现产值310亿元。")
    assert {v for _, _, _, v, _ in obs(text)} == {Decimal("31000000000")}


def test_a_paragraph_that_opens_on_the_city_goes_on_about_it():
    text = ("桂溪高新区2024年发展综述\n2024年，桂溪高新区实现营业收入900亿元。\n"
            "2024年，全市实现地区生产总值4100亿元。规上工业增加值增长6.2%。固定资产投资增长4.5%。\n"
            "园区新增高新技术企业45家。")
    got = {(e, v) for e, _, _, v, _ in obs(text)}
    assert got == {("桂溪高新技术产业开发区", Decimal("90000000000")), ("桂溪高新技术产业开发区", Decimal("45"))}


def test_a_park_s_figure_in_a_firm_s_text_is_not_the_firm_s():
    text = "青禾精工科技有限公司简介\n青禾精工科技有限公司成立于2010年，2024年实现营业收入12亿元。高新区内共有规上企业300家，公司是其中的龙头。"
    assert {v for _, _, _, v, _ in obs(text)} == {Decimal("1200000000")}


def test_a_firm_s_sales_region_is_no_area():
    text = "青禾精工科技有限公司2024年年度报告\n报告期内，公司实现营业收入12亿元；华东区实现销售收入5亿元。"
    got = obs(text)
    assert Decimal("500000000") in {v for _, _, _, v, _ in got}


def test_a_city_s_market_is_a_firm_s_sales_not_the_city():
    text = "青禾精工科技有限公司2024年年度报告\n报告期内，公司实现营业收入12亿元；深圳市场实现销售收入3亿元。"
    assert Decimal("300000000") in {v for _, _, _, v, _ in obs(text)}


def test_that_market_is_no_city():
    text = "青禾精工科技有限公司2024年年度报告\n报告期内，公司进入东南亚市场。该市场实现销售收入3亿元。"
    assert Decimal("300000000") in {v for _, _, _, v, _ in obs(text)}


def test_the_firms_an_incubator_hosts_give_it_their_sums():
    text = (
        "青禾众创孵化器2024年度运营报告\n"
        "2024年，青禾众创孵化器（以下简称“青禾孵化器”）服务能力持续提升。\n"
        "全年在孵企业实现营业收入6.2亿元，比上年增长12.5%。\n"
        "指标 单位 2023年 2024年\n在孵企业 家 41 50\n新增授权专利 件 20 26\n"
    )
    got = {(e, y, v) for e, _, y, v, _ in obs(text)}
    incubator = "青禾众创孵化器"
    assert (incubator, 2024, Decimal("620000000")) in got and (incubator, 2024, Decimal("12.5")) in got
    assert (incubator, 2023, Decimal("41")) in got
    assert (incubator, 2023, Decimal("20")) in got  # a later row of the incubator's table is its own too


def test_a_project_row_gives_its_investment_to_the_project_not_the_investor():
    text = "本月签约项目如下：\n①智能传感器封测基地项目｜投资方：青禾微电子科技有限公司｜总投资8亿元｜达产后年产传感器5000万只\n"
    got = {(e, v) for e, _, _, v, _ in obs(text)}
    assert ("智能传感器封测基地项目", Decimal("800000000")) in got
    assert ("智能传感器封测基地项目", Decimal("50000000")) in got
    assert not any(e == "青禾微电子科技有限公司" for e, _ in got)


def test_a_park_that_only_places_a_firm_does_not_own_its_figures():
    text = "2025年上半年，桂溪高新区智能装备产业链链主企业青禾新材料股份有限公司实现营业收入12.4亿元，同比增长15.2%。"
    got = {(e, v) for e, _, _, v, _ in obs(text)}
    assert got == {("青禾新材料股份有限公司", Decimal("1240000000")), ("青禾新材料股份有限公司", Decimal("15.2"))}


def test_an_earlier_year_in_an_aside_or_the_same_period_last_year():
    text = (
        "青禾孵化器2024年度工作总结\n"
        "2024年，青禾孵化器在孵企业中有专精特新企业12家（2023年为8家），科技型中小企业40家。"
        "在孵企业获得股权融资1.6亿元，上年同期为0.9亿元。"
    )
    got = {(y, v) for _, _, y, v, _ in obs(text)}
    assert {(2024, Decimal("12")), (2023, Decimal("8")), (2024, Decimal("40"))} <= got  # 40 is not dated by the aside
    assert {(2024, Decimal("160000000")), (2023, Decimal("90000000"))} <= got


def test_an_amount_invested_to_build_a_project_is_the_projects_total_investment():
    text = "青禾新材料股份有限公司成立于2015年。2024年5月20日，公司投资6.5亿元建设的年产8万吨特种纤维项目开工。"
    got = {(e, i, y, v) for e, i, y, v, _ in obs(text)}
    assert ("年产8万吨特种纤维项目", "total-investment", None, Decimal("650000000")) in got
    assert not any(e == "青禾新材料股份有限公司" and v == Decimal("650000000") for e, _, _, v in got)


def test_points_of_a_speech_and_words_of_a_slogan_are_no_counts():
    text = "2024年，桂溪高新区主要有三个特点。园区形成“一园三区”发展格局，新增企业42家。"
    assert {v for _, _, _, v, _ in obs(text)} == {Decimal("42")}


def test_values_listed_respectively_take_the_years_in_order():
    text = (
        "青禾传感股份有限公司招股说明书（节选）\n注：报告期指2021年度、2022年度和2023年度。\n"
        "报告期内，公司营业收入分别为1.2亿元、1.5亿元和2.1亿元。\n"
        "2022年、2023年，公司研发投入分别为1,200.5万元和1,650.0万元。\n"
    )
    got = {(i, y, v) for _, i, y, v, _ in obs(text)}
    assert {("operating-revenue", 2021, Decimal("120000000")), ("operating-revenue", 2022, Decimal("150000000")),
            ("operating-revenue", 2023, Decimal("210000000"))} <= got
    assert {("rd-expenditure", 2022, Decimal("12005000")), ("rd-expenditure", 2023, Decimal("16500000"))} <= got


def test_the_shared_date_reader_reads_a_reporting_period():
    from graph.extract.dates import read_dates
    from graph.text.clean import clean_text
    from graph.text.segment import split_sentences

    known = read_dates(split_sentences(clean_text("注：报告期指2021年度、2022年度和2023年度，下同。")))
    assert known.report_period == (2021, 2022, 2023)


def test_the_company_s_subsidiary_named_after_it_owns_the_figure():
    text = (
        "青禾传感股份有限公司主要从事传感器研发。"
        "2024年末，公司全资子公司嘉川微电子科技有限公司三期产线建成，新增年封测能力3,000万颗。"
    )
    got = {(e, v) for e, _, _, v, _ in obs(text)}
    assert ("嘉川微电子科技有限公司", Decimal("30000000")) in got


def test_an_investment_describing_the_project_after_it_is_the_projects():
    text = "5月8日，青禾智能装备有限公司与管委会签约，总投资12亿元的高端数控机床整机项目正式落户园区。"
    got = {(e, i, y, v) for e, i, y, v, _ in obs(text)}
    assert ("高端数控机床整机项目", "total-investment", None, Decimal("1200000000")) in got


def test_this_occasion_s_amount_takes_the_year_of_the_text_s_date():
    text = "青禾会员通讯\n2025年11月3日\n青禾光电材料股份有限公司在北交所上市。公司本次募集资金3.2亿元，将用于扩产。"
    got = {(e, y, v) for e, _, y, v, _ in obs(text)}
    assert ("青禾光电材料股份有限公司", 2025, Decimal("320000000")) in got


def test_a_decline_against_last_year_s_same_period_is_the_year_s_growth():
    text = "2024年，青禾电子材料股份有限公司实现净利润2.4亿元，较上年同期下降5.2%。"
    got = {(i, y, v) for _, i, y, v, _ in obs(text)}
    assert any(i.endswith("/yoy-growth") and y == 2024 and v == Decimal("-5.2") for i, y, v in got)


def test_a_hedged_count_and_a_milestone_are_no_figures():
    text = "2024年，青禾医疗器械股份有限公司产品进入300余家医院，营业收入首次跨上百亿台阶，新增专利45件。"
    assert {v for _, _, _, v, _ in obs(text)} == {Decimal("45")}


def test_the_set_a_subset_is_taken_from_is_not_counted_again():
    text = "2024年，桂溪高新区新增高新技术企业30家。新增的30家企业中，有12家来自电子信息产业。"
    got = obs(text)
    assert [v for _, _, _, v, _ in got] == [Decimal("30")] and not any("中" in i for _, i, _, _, _ in got)


def test_list_table_measure_column_with_its_own_year():
    # 2023年营业收入（万元）: the column's year, not the list caption's 2024年度; a Latin cell (5G CPE) is one cell
    text = (
        "一、2024年度某县成长型企业认定名单（3家）\n"
        "序号 企业名称 所属园区 主导产品 2023年营业收入（万元）\n"
        "1 青川远拓机械有限公司 青川东岸产业园 液压破碎锤 12,480\n"
        "2 青川联讯通信有限公司 青川东岸产业园 5G CPE终端 8,315\n"
        "3 青川禾润食品有限公司 青川东岸产业园 速冻水饺 6,020\n"
    )
    got = {(e, y, v, u) for e, i, y, v, u in obs(text) if i == "operating-revenue"}
    assert ("青川远拓机械有限公司", 2023, Decimal("124800000"), "CNY") in got
    assert ("青川联讯通信有限公司", 2023, Decimal("83150000"), "CNY") in got
    assert ("青川禾润食品有限公司", 2023, Decimal("60200000"), "CNY") in got


def test_share_change_in_points_is_the_shares_own_figure():
    # 比上年提高0.8个百分点 after a share: the share's change on the year (unit percent), same park and year
    got = obs("2024年，青川高新区数字经济核心产业增加值占地区生产总值的比重为18.6%，比上年提高0.8个百分点。"
              "青川高新区外贸依存度占比为12.0%，较上年下降1.5个百分点。")
    shifts = {(i, y, v, u) for _, i, y, v, u in got if i.endswith("/yoy-change")}
    assert any(y == 2024 and v == Decimal("0.8") and u == "percent" for _, y, v, u in shifts)
    assert any(v == Decimal("-1.5") for _, _, v, _ in shifts)
    assert not any(u == "percentage-point" for *_, u in got)


def test_a_designated_set_spread_over_parks_gives_each_park_its_count():
    # 本批次N个认定对象中，A园7个，B园、C园各4个: each park's count of the designations, in the notice's year
    text = (
        "关于2023年度某市科技型企业拟认定名单的公示\n"
        "本批次15个认定对象中，青川东岸产业园7个，青川西岭科技园和青川南湖工业园各4个，现予公示。\n"
        "序号 企业名称 所属园区\n1 青川远拓机械有限公司 青川东岸产业园\n2 青川禾润食品有限公司 青川西岭科技园\n3 青川澄湖纺织有限公司 青川南湖工业园\n"
    )
    got = {(e, y, v) for e, i, y, v, _ in obs(text) if i == "count/认定对象"}
    assert got == {("青川东岸产业园", 2023, Decimal("7")), ("青川西岭科技园", 2023, Decimal("4")),
                   ("青川南湖工业园", 2023, Decimal("4"))}
    assert not any(v == Decimal("15") for *_, v, _ in obs(text))  # the set's total is told by its parts


DISTRICT_REPORT = (
    "政府工作报告\n——2025年1月9日在青川市东岭区第五届人民代表大会第三次会议上\n青川市东岭区人民政府区长 林某某\n"
    "一、2024年工作回顾\n"
    "东岭南湖医药产业园的主导产业是医疗器械。受价格下行影响，园区规上工业总产值88.6亿元，同比下降1.4%，医疗器械注册证新增31张。\n"
    "青川澄湖医疗科技有限公司年内在科创板上市，募集资金9.8亿元。\n"
    "（二）创新动能加快集聚。\n"
    "全区高新技术企业达到960家；全社会研发投入占地区生产总值比重达到3.1%；新增专精特新企业12家。\n"
)


def test_district_report_park_said_as_yuanqu_is_the_park_just_named():
    got = obs(DISTRICT_REPORT)
    park = {(i, v) for e, i, y, v, _ in got if e == "东岭南湖医药产业园" and y == 2024}
    assert ("industrial-output-value-above-scale", Decimal("8860000000")) in park
    assert any(v == Decimal("-1.4") for _, v in park)
    assert any(v == Decimal("31") for _, v in park)  # 张 counts certificates


def test_district_report_unnamed_figures_are_the_districts_not_a_firms():
    got = obs(DISTRICT_REPORT)
    assert not any(e == "青川澄湖医疗科技有限公司" and v in (Decimal("3.1"), Decimal("12")) for e, _, _, v, _ in got)


def test_members_listed_after_a_count_own_no_figure_past_the_semicolon():
    got = obs("青川高新区2024年统计公报\n年末青川高新区共有高新技术企业212家。年内新增国家级专精特新“小巨人”企业2家：山东瑞丰新材料股份有限公司、山东华拓精密机械有限公司；"
              "新增省级专精特新中小企业15家。")
    assert any(e == "青川高新技术产业开发区" and v == Decimal("15") for e, _, _, v, _ in got)
    assert not any(e.startswith("山东") for e, *_ in got)


def test_main_products_list_counts_pieces_made():
    got = obs("2024年，青川高新区主要工业产品中，硅橡胶产量12.6万吨，增长4.1%；协作机器人3.2万台，增长18.0%。")
    assert any(v == Decimal("32000") and u == "piece" for *_, v, u in got)


def test_parallel_subparks_repeat_the_indicator_they_leave_out():
    got = obs("2024年，青川高新区分片区看，东岸片区完成工业总产值128.4亿元，增长6.9%；西岭片区完成56.1亿元，增长3.7%。")
    assert ("西岭片区", "industrial-output-value", 2024, Decimal("5610000000"), "CNY") in got


def test_a_platform_built_by_two_owns_the_counts_of_its_sentence_only():
    text = ("青川高新区规划面积18平方公里。园区管委会与青川理工学院共建的青川精密检测中心已通过CMA认定，2024年完成检测服务860批次。"
            "截至2024年底，产业链企业累计拥有有效发明专利312件。")
    got = obs(text)
    assert any(e == "青川精密检测中心" and v == Decimal("860") for e, _, _, v, _ in got)
    assert not any(e == "青川精密检测中心" and v == Decimal("312") for e, _, _, v, _ in got)


def test_a_subset_told_by_what_it_did_keeps_the_counts_owner():
    got = obs("2024年，青川理工学院与青川高新区共建的青川新材料中试平台全年完成中试项目23个，其中9个实现量产。")
    assert any(e == "青川新材料中试平台" and v == Decimal("9") and "实现量产" in i for e, i, _, v, _ in got)


def test_headline_teaser_above_the_date_line_is_no_figure():
    text = ("青川高新区举行重点项目签约\n8个项目签约 总投资52.6亿元\n2025-06-18 09:30 来源：青川日报\n"
            "6月17日，青川高新区2025年二季度项目签约活动举行。园区1—5月新入驻企业36家。\n")
    got = obs(text)
    assert not any(v == Decimal("5260000000") for *_, v, _ in got)
    assert not any(v == Decimal("8") for *_, v, _ in got)


def test_a_firms_named_project_owns_its_total_investment():
    got = obs("另外，青川华拓精密机械有限公司的年产5万套液压油缸项目总投资4.2亿元，10月8日开工。")
    assert any(e == "年产5万套液压油缸项目" and v == Decimal("420000000") for e, _, _, v, _ in got)
    assert not any(e.startswith("青川华拓") and v == Decimal("420000000") for e, _, _, v, _ in got)


def test_notice_list_size_written_with_deng_is_no_figure():
    text = (
        "关于2024年度某县成长型企业拟认定名单的公示\n"
        "经专家评审，拟认定青川远拓机械有限公司等2家企业为2024年度某县成长型企业。\n"
        "一、2024年度某县成长型企业拟认定名单（2家）\n"
        "序号 企业名称 所属园区\n1 青川远拓机械有限公司 青川东岸产业园\n2 青川禾润食品有限公司 青川东岸产业园\n"
    )
    assert not any(v == Decimal("2") for *_, v, _ in obs(text))
    # without a printed list, 带动A等5家配套企业落户 stays a figure
    assert any(v == Decimal("5") for *_, v, _ in obs("2024年，青川远拓机械有限公司带动青川禾润食品有限公司等5家配套企业在青川东岸产业园落户。"))


def test_association_members_and_teaser_lines_own_no_figure():
    text = ("青川新材料行业协会会员通讯\n2025年10月20日\n【本期导读】青川远拓上市｜三家会员企业获专利授权\n"
            "9月26日，青川远拓机械有限公司在青川东岸产业园举行投产仪式，项目总投资6亿元。\n"
            "截至目前，协会会员单位中共有国家级专精特新“小巨人”企业9家、省级专精特新中小企业38家。\n")
    values = {v for *_, v, _ in obs(text)}
    assert not values & {Decimal("3"), Decimal("9"), Decimal("38")}


def test_the_line_anaphor_is_the_firm_that_opened_it():
    text = ("青川东岸产业园的青川华拓精密机械有限公司液压油缸生产线于9月2日正式投产。"
            "该生产线总投资3.4亿元，占地2.1万平方米。")
    got = obs(text)
    assert any(e == "青川华拓精密机械有限公司" and v == Decimal("340000000") for e, _, _, v, _ in got)
    assert not any(e == "青川东岸产业园" for e, *_ in got)


def test_a_project_named_earlier_owns_its_figures_where_it_is_named_again():
    text = ("12月5日，青川华拓精密机械有限公司与园区管委会签约，投资建设高端液压油缸生产基地项目。"
            "其中，高端液压油缸生产基地项目由青川华拓液压有限公司具体实施，总投资12亿元，设计年产能3万吨。")
    got = obs(text)
    assert any(e.startswith("高端液压油缸生产基地") and v == Decimal("1200000000") for e, _, _, v, _ in got)
    assert not any(e == "青川华拓液压有限公司" for e, *_ in got)


def test_a_subpark_read_only_in_the_opening_list_owns_its_clause():
    text = ("2024年，青川高新区规划面积38平方公里，下辖东岸科技城、西岭智造园、南湖生物医药园3个片区。"
            "西岭智造园实现规模以上工业总产值210.5亿元，东岸科技城实现营业收入96.3亿元，南湖生物医药园实现产值48.2亿元。")
    got = obs(text)
    assert any(e == "南湖生物医药园" and v == Decimal("4820000000") for e, _, _, v, _ in got)


def test_a_citys_signing_told_again_is_the_citys_until_a_park_is_named():
    text = ("6月18日上午，宜宾市2025年第二季度重大项目集中签约仪式在会展中心举行，9个项目现场签约。\n"
            "此次签约的项目质量高、带动强。从规模看，10亿元以上项目4个；从产业看，新材料项目5个。"
            "其中，落户青川东岸产业园的项目3个，总投资41.2亿元。\n"
            "青川东岸产业园今年以来新增入驻企业26家。\n")
    got = obs(text)
    values = {v for *_, v, _ in got}
    assert not values & {Decimal("9"), Decimal("4"), Decimal("5")}
    assert any(e == "青川东岸产业园" and v == Decimal("3") for e, _, _, v, _ in got)
    assert any(e == "青川东岸产业园" and v == Decimal("4120000000") for e, _, _, v, _ in got)


def test_sticks_made_a_year_are_pieces():
    got = obs("青川华拓医药有限公司年产2000万支预灌封注射器项目总投资3亿元。")
    assert any(v == Decimal("20000000") and u == "piece" for *_, v, u in got)


def test_a_labs_head_named_by_affiliation_does_not_take_the_labs_counts():
    got = obs("青川华拓精密机械有限公司与青川大学共建精密液压联合实验室，由青川大学机械学院林某某教授担任实验室主任，"
              "目前联合培养在读研究生18人。")
    assert any(e == "精密液压联合实验室" and v == Decimal("18") for e, _, _, v, _ in got)


def test_an_alliances_member_list_is_no_ones_count():
    got = obs("2024年，青川华拓精密机械有限公司牵头组建青川液压产业创新联合体，成员单位包括青川大学和上下游企业17家。")
    assert not any(v == Decimal("17") for *_, v, _ in got)


def test_a_firm_told_of_in_the_sentence_before_is_what_qiye_points_to():
    text = ("青川东岸产业园的运营方为青川东岸科创发展有限公司。青川东岸科创发展有限公司2024年服务企业300家。\n"
            "青川锐光激光科技有限公司专注于超快激光器研发，其飞秒激光器获评首台套装备。企业毕业后在东岸产业园租用标准厂房8000平方米。\n")
    got = obs(text)
    assert ("青川锐光激光科技有限公司", "floor-area", None, Decimal("8000"), "square-metre") in got or any(
        e == "青川锐光激光科技有限公司" and y is None and v == Decimal("8000") for e, _, y, v, _ in got)


def test_a_parks_new_floor_keeps_its_year():
    got = obs("2024年，青川东岸产业园新建标准厂房12万平方米。")
    assert any(e == "青川东岸产业园" and y == 2024 and v == Decimal("120000") for e, _, y, v, _ in got)


def test_a_subpark_read_elsewhere_opens_the_part_after_a_semicolon():
    text = ("2024年，青川高新区规划面积38平方公里，下辖东岸科技城、西岭智造园、南湖生物医药园3个片区。"
            "西岭智造园完成工业总产值210.5亿元，增长8.1%；南湖生物医药园受检修影响，完成48.2亿元，下降2.6%。")
    got = obs(text)
    assert ("南湖生物医药园", "industrial-output-value", 2024, Decimal("4820000000"), "CNY") in got
    assert any(e == "南湖生物医药园" and v == Decimal("-2.6") for e, _, _, v, _ in got)


def test_a_total_so_far_has_no_year():
    got = obs("2024年，青川材料研究院落户青川东岸产业园，已为园区企业解决技术难题15项。")
    assert any(v == Decimal("15") and y is None for _, _, y, v, _ in got)
    got = obs("2024年，青川东岸产业园新引进企业26家。")
    assert any(v == Decimal("26") and y == 2024 for _, _, y, v, _ in got)


def test_yanjiuyuan_points_to_the_institute_just_built():
    text = ("2023年，青川东岸产业园与青川大学共建青川新材料联合研究院。园区现有企业120家。"
            "截至目前，研究院已申请发明专利19件。")
    got = obs(text)
    assert any(e == "青川新材料联合研究院" and v == Decimal("19") for e, _, _, v, _ in got)


def test_a_funds_figures_are_no_entitys():
    got = obs("2024年，青川东岸产业园设立东岸科创投资基金，首期规模5亿元。"
              "青川东岸科创发展有限公司发起设立的东岸天使基金年内投资项目8个，投资金额3200万元；园区新引进企业26家。")
    values = {v for *_, v, _ in got}
    assert not values & {Decimal("500000000"), Decimal("8"), Decimal("32000000")}
    assert Decimal("26") in values


def test_a_platform_opened_hands_no_figure_to_the_next_sentence():
    text = ("2024年，青川高新区工作成效明显。12月6日，青川高新区成果转化中心在东岸科创园揭牌运营，首批进驻技术转移机构9家。"
            "“一网通办”改革深入推进，政务服务事项网上可办率达到97.5%。")
    got = obs(text)
    assert any(e == "青川高新技术产业开发区" and v == Decimal("97.5") for e, _, _, v, _ in got)


def test_a_year_end_opening_dates_the_clauses_after_a_semicolon_but_not_a_span():
    got = obs("截至2024年底，青川东岸科技城累计落户外资企业126家；经认定的总部企业达到13家，近三年新增功能性机构7家。")
    years = {v: y for _, _, y, v, _ in got}
    assert years.get(Decimal("13")) == 2024
    assert years.get(Decimal("7")) is None


def test_the_subsidiary_a_parent_set_up_is_the_subject():
    got = obs("青川华拓控股集团有限公司在东岸设立的全资子公司青川华拓精密机械有限公司，2024年追加投资1.6亿元，新建一条生产线。")
    assert any(e == "青川华拓精密机械有限公司" and v == Decimal("160000000") for e, _, _, v, _ in got)


def test_you_before_a_count_is_the_verb_and_a_copula_count_before_a_list_is_none():
    got = obs("2024年，青川东岸产业园规上企业126家，高新技术企业有84家。园区的主导产业是三个：液压件、精密轴承和数控机床。")
    assert any(i == "count/高新技术企业" and v == Decimal("84") for _, i, _, v, _ in got)
    assert not any(v == Decimal("3") for *_, v, _ in got)
    # a count written after its noun before a colon stays a figure (新增小巨人企业2家：A、B)
    got = obs("2024年，青川东岸产业园新增国家级专精特新“小巨人”企业2家：山东瑞丰新材料股份有限公司、山东华拓精密机械有限公司。")
    assert any(v == Decimal("2") for *_, v, _ in got)


def test_a_planned_total_investment_is_a_target():
    ex = extract_text("支持青川华拓精密机械有限公司建设年产5万套液压油缸项目，计划总投资12亿元。")
    assert all(o.status == "target" for o in ex.observations if o.value == Decimal("1200000000"))
    assert any(o.value == Decimal("1200000000") for o in ex.observations)


def test_a_bare_chain_clause_is_the_parks():
    text = ("青川东岸产业园以液压件为主导产业。2024年，青川华拓精密机械有限公司的液压阀块已进入青川远拓机械有限公司供应链，"
            "产业链本地配套率提高到41.5%。")
    got = obs(text)
    assert any(e == "青川东岸产业园" and v == Decimal("41.5") for e, _, _, v, _ in got)


def test_a_rate_said_to_exceed_is_hedged_but_a_floor_in_yishang_stays():
    got = obs("2024年，青川华拓精密机械有限公司新产线的自动化率超过85%，研发费用占营业收入的4%以上。")
    values = {v for *_, v, _ in got}
    assert Decimal("85") not in values
    assert Decimal("4") in values


def test_less_than_is_a_hedge():
    got = obs("2018年，青川华拓精密机械有限公司在一间不足500平方米的厂房里起步。")
    assert not any(v == Decimal("500") for *_, v, _ in got)


def test_a_bare_e_takes_back_its_verb_and_noun():
    got = obs("1—6月，青川东岸产业园企业新增发明专利授权88件；技术合同登记额2.45亿元。")
    assert any(v == Decimal("245000000") and "登记额" in i for _, i, _, v, _ in got) or any(
        v == Decimal("245000000") for *_, v, _ in got)


def test_a_numbered_label_names_what_grew():
    got = obs("青川东岸产业园2024年上半年经济运行\n1—6月，园区主要指标如下。\n1．规模以上工业总产值：186.2亿元。\n2．规模以上工业增加值：同比增长8.4%。\n")
    assert any(v == Decimal("8.4") and i.startswith("industrial-added-value") for _, i, _, v, _ in got) or any(
        v == Decimal("8.4") and "/" in i for _, i, _, v, _ in got)


def test_jihua_with_an_adverb_is_still_a_plan():
    ex = extract_text("2024年，青川东岸产业园新引进企业26家。今年下半年，园区计划再引进亿元以上项目12个。")
    assert all(o.status == "target" for o in ex.observations if o.value == Decimal("12"))


def test_sub_headings_keep_the_plan_their_section_opened():
    text = ("一、发展现状\n2025年，青川东岸产业园液压件产业实现产值88.6亿元。\n"
            "二、重点任务\n（一）实施人才集聚工程。联合青川大学开设订单班，三年培养技术技能人才800名。\n"
            "三、其他\n2025年，青川东岸产业园新引进企业26家。\n")
    ex = extract_text(text)
    assert all(o.status == "target" for o in ex.observations if o.value == Decimal("800"))
    assert any(o.status == "measured" and o.value == Decimal("26") for o in ex.observations)


def test_a_past_year_heading_dates_the_figures_under_it():
    # 过去一年 in a heading is the year before the report's date line
    text = ("政府工作报告\n——2031年1月6日在某区人民代表大会上\n\n各位代表：\n\n一、过去一年工作回顾\n"
            "肇庆高新区重点发展电子信息产业，工业总产值305亿元，增长6.5%。\n"
            "\n二、2031年工作安排\n肇庆高新区力争工业总产值突破400亿元。\n")
    got = obs(text)
    assert ("肇庆高新技术产业开发区", "industrial-output-value", 2030, Decimal("30500000000"), "CNY") in got
    assert not any(v == Decimal("40000000000") for _, _, _, v, _ in got)


def test_gongsi_is_the_firm_its_paragraph_opened_on():
    # the parent named in the lead calls the subsidiary 子公司; a later paragraph opens on the subsidiary,
    # and its 公司 is that firm, not the parent
    text = ("德国某某精工集团旗下全资子公司江城精工零部件有限公司新工厂投产。\n"
            "江城精工零部件有限公司成立于2011年，主营变速器齿轮。2024年，公司实现营业收入14.3亿元。公司目前有员工860人。\n")
    got = obs(text)
    assert ("江城精工零部件有限公司", "operating-revenue", 2024, Decimal("1430000000"), "CNY") in got
    assert not any(e.startswith("德国") for e, *_ in got)


def test_a_stock_at_a_month_end_before_december_has_no_year():
    got = obs("江城精工零部件有限公司建有省级工程技术研究中心，截至2030年9月底累计拥有授权发明专利47件。")
    assert ("江城精工零部件有限公司", "invention-patents", None, Decimal("47"), "count") in got
    got = obs("江城精工零部件有限公司建有省级工程技术研究中心，截至2030年底累计拥有授权发明专利47件。")
    assert ("江城精工零部件有限公司", "invention-patents", 2030, Decimal("47"), "count") in got


def test_pieces_sold_count_the_object_of_the_verb():
    got = obs("江城重型汽车有限公司主要生产牵引车。2030年，公司销售新能源重卡1.5万辆，同比增长20.5%。")
    firm = "江城重型汽车有限公司"
    assert any(e == firm and y == 2030 and v == Decimal("15000") and u == "piece" for e, _, y, v, u in got)
    assert any(e == firm and i.endswith("growth") and v == Decimal("20.5") for e, i, _, v, _ in got)


def test_field_lines_under_a_company_name_field_are_that_firms():
    text = ("江城新材料股份有限公司（以下简称“公司”）关于全资子公司投资建设项目的公告\n"
            "一、投资主体基本情况\n1、公司名称：江城新能源材料有限公司\n2、法定代表人：王某\n3、注册资本：20,000万元\n"
            "二、投资项目基本情况\n")
    got = obs(text)
    assert ("江城新能源材料有限公司", "registered-capital", None, Decimal("200000000"), "CNY") in got


def test_a_built_platform_keeps_its_count_past_those_it_serves():
    text = ("肇庆高新区大力发展电子信息产业。肇庆高新区还与江城大学共建了电子元器件检测服务平台，"
            "2030年为园区企业提供检测服务1200批次。")
    got = obs(text)
    assert any(e == "电子元器件检测服务平台" and v == Decimal("1200") for e, _, _, v, _ in got)
    assert not any(e == "肇庆高新技术产业开发区" and v == Decimal("1200") for e, _, _, v, _ in got)


def test_each_of_a_list_has_the_count_in_the_notices_year():
    text = ("江城市工业和信息化局关于2030年度江城市专精特新中小企业拟认定名单的公示\n"
            "我局拟认定江城东湖机械有限公司等9家企业为2030年度江城市专精特新中小企业。"
            "从园区分布看，江城东湖新能源装备产业园和江城西山环保装备产业园各有4家企业入选，江城南湖智能终端产业园有1家企业入选。\n")
    got = obs(text)
    for park in ("江城东湖新能源装备产业园", "江城西山环保装备产业园"):
        assert any(e == park and y == 2030 and v == Decimal("4") for e, _, y, v, _ in got)
    assert not any(v == Decimal("9") for _, _, _, v, _ in got)  # the size of the list the notice prints


def test_a_chains_output_is_the_parks_not_its_leaders():
    text = ("江城高新技术产业开发区2030年国民经济和社会发展统计公报\n【重点企业和项目】\n"
            "新材料产业链以江城硅材料股份有限公司（简称江城硅材）为链主，全年实现产业链产值88.6亿元，增长12.5%。"
            "江城硅材主要产品有硅橡胶。\n")
    got = obs(text)
    assert any(e == "江城高新技术产业开发区" and v == Decimal("8860000000") for e, _, _, v, _ in got)
    assert not any(e == "江城硅材料股份有限公司" for e, *_ in got)


def test_a_notices_wrapped_title_states_no_figure():
    text = ("江城新材料股份有限公司\n关于全资子公司投资建设年产8万吨高纯氧化铝粉体\n项目的公告\n"
            "公司全资子公司拟投资建设年产8万吨高纯氧化铝粉体项目，项目总投资12.6亿元。\n")
    got = obs(text)
    assert not any(e == "江城新材料股份有限公司" and v == Decimal("80000") for e, _, _, v, _ in got)


def test_the_firm_a_paragraph_opens_on_after_a_short_lead_clause():
    from graph.extract.mentions import find_mentions
    from graph.extract.observations import _opening_firm
    from graph.text.clean import clean_text
    from graph.text.segment import split_sentences

    for text, firm in (("经过十余年积累，江城精密传动有限公司的主要产品包括谐波减速器。", "江城精密传动有限公司"),
                       ("江城精密传动有限公司成立于2011年，主营齿轮。", "江城精密传动有限公司"),
                       ("江城机器人有限公司和江城智能装备有限公司都是长期客户。", None)):
        sents = split_sentences(clean_text(text))
        ms = [m for m in find_mentions(sents).mentions if m.sentence == 0]
        assert _opening_firm(sents[0], ms) == firm


def test_a_projects_planned_total_is_its_size():
    text = ("三、投资项目基本情况\n1.项目名称：年产2万吨电解液添加剂项目\n"
            "2.投资规模：年产2万吨电解液添加剂项目计划总投资8.6亿元，其中固定资产投资7.1亿元。\n")
    ex = extract_text(text)
    got = {(o.indicator, o.value, o.status) for o in ex.observations}
    assert ("total-investment", Decimal("860000000"), "measured") in {(i.split("/")[0], v, st) for i, v, st in got}


def test_a_mark_passed_is_no_figure():
    got = obs("2024年，江宁智谷科技有限公司实现营业收入8.6亿元，全年研发投入首次突破1亿元。")
    assert {v for *_, v, _ in got} == {Decimal("860000000")}
    assert not obs("今年以来，滨湖产业园运行良好，二季度单季产值首次突破80亿元。")


def test_bare_centre_and_alliance_point_back_to_the_platform():
    got = obs("滨湖产业园技术转移中心于2023年5月揭牌。今年1—9月，中心受理技术需求612项，对接成功率为43.5%。")
    assert {(e, v) for e, _, _, v, _ in got} == {("滨湖产业园技术转移中心", Decimal("612")), ("滨湖产业园技术转移中心", Decimal("43.5"))}
    got = obs("6月8日，由甲科技有限公司牵头，联合乙材料有限公司、南京大学等单位组建的江宁储能产业联盟在滨湖产业园成立，"
              "首批成员单位52家。联盟成立以来，已组织对接活动7场。")
    assert {(e, v) for e, _, _, v, _ in got} == {("江宁储能产业联盟", Decimal("52")), ("江宁储能产业联盟", Decimal("7"))}


def test_a_quoted_speech_keeps_its_figures_a_slogan_does_not():
    got = obs("走进潍坊鲁丰动力机械有限公司的展厅，墙上挂满了证书。“今年前三季度，公司新获发明专利授权46件，比去年全年还多。”部长告诉记者。")
    assert {(e, v) for e, _, _, v, _ in got} == {("潍坊鲁丰动力机械有限公司", Decimal("46"))}
    got = obs("潍坊潍水智能装备产业园形成“一区两片”格局，现有企业120家。")
    assert {v for *_, v, _ in got} == {Decimal("120")}


def test_a_difference_from_a_stated_base_is_derivable():
    got = obs("截至2024年12月31日，滨湖孵化器在孵企业达到94家，较2023年末的78家增加16家。")
    assert {(y, v) for _, _, y, v, _ in got} == {(2024, Decimal("94")), (2023, Decimal("78"))}
    got = obs("2024年末，滨湖产业园规模以上工业企业218家，比上年末增加12家。")
    assert Decimal("12") in {v for *_, v, _ in got}  # no base figure given: the increase is the text's own


def test_a_count_past_a_floor_is_hedged():
    got = obs("滨湖产业园现有规上企业86家，入驻企业超过1100家。")
    assert {v for *_, v, _ in got} == {Decimal("86")}


def test_a_table_repeating_a_count_of_the_prose_states_it_once():
    text = "滨湖高新区2024年统计公报\n年末全区高新技术企业286家，比上年末增加41家。\n附表 主要指标\n指标 单位 2023年 2024年\n高新技术企业 家 245 286\n"
    got = obs(text)
    assert sorted((y, v) for _, _, y, v, _ in got if v != 41) == [(2023, Decimal("245")), (2024, Decimal("286"))]


def test_a_bare_count_before_a_verb_of_selection_counts_the_holders():
    got = obs("滨湖产业园目前有3家企业入选国家知识产权示范企业，11家入选国家知识产权优势企业。")
    assert ("count/国家知识产权优势企业", Decimal("11")) in {(i, v) for _, i, _, v, _ in got}
    assert Decimal("3") in {v for *_, v, _ in got}


def test_a_count_inside_the_object_of_a_preposition_is_no_statistic():
    assert not obs("目前甲公司供应的齿轮轴已装配在蓝鹰三款纯电平台车型上。")
    assert not obs("2022年，甲精密机械有限公司开始为其两款纯电动SUV批量配套。")
    assert Decimal("2") in {v for *_, v, _ in obs("滨湖产业园目前已有两款产品进入临床试验阶段。")}


def _all(text):
    return {(o.entity, o.indicator, o.year, o.value, o.unit, o.period) for o in extract_text(text).observations if o.status == "measured"}


def test_a_whole_year_output_value_is_the_years_flow_not_a_standing_capacity():
    text = "2023年，澄湖电子材料产业园稳步发展。\n青屿化工有限公司全年产值8.4亿元，同比增长5.2%。"
    got = _all(text)
    firm = "青屿化工有限公司"
    assert any(e == firm and v == Decimal("840000000") and y == 2023 for e, _, y, v, _, _ in got)
    # a real capacity stays a standing size with no year
    cap = _all("青屿化工有限公司目前具备年产醋酸乙酯6万吨的生产能力。")
    assert any(v == Decimal("60000") and y is None for _, _, y, v, _, _ in cap)


def test_goods_delivered_count_in_pieces_and_one_buyers_share_is_no_statistic():
    got = _all("2023年，青屿装备股份有限公司全年交付各类焊接机器人532台（套），同比增长11.0%；报告期内向其交付焊接机器人88台。")
    firm = "青屿装备股份有限公司"
    assert any(e == firm and v == Decimal("532") and u == "piece" and y == 2023 for e, _, y, v, u, _ in got)
    assert not any(v == Decimal("88") for _, _, _, v, _, _ in got)
    got = _all("2023年，青屿装备股份有限公司为澄江客车有限公司供货1.2万套。")
    assert not any(v == Decimal("12000") for _, _, _, v, _, _ in got)


def test_per_share_amounts_and_the_shares_they_are_per_are_no_statistic():
    got = _all("2023年，青屿装备股份有限公司实现营业收入12.5亿元，基本每股收益0.86元，拟向全体股东每10股派发现金红利2.4元。")
    values = {v for _, _, _, v, _, _ in got}
    assert Decimal("1250000000") in values
    assert not values & {Decimal("0.86"), Decimal("10"), Decimal("2.4")}


def test_a_byline_closes_the_headline_whose_figures_are_not_stated_again():
    text = ("青屿装备2023年营收增长18.3%\n\n本报记者 许青山\n\n"
            "4月2日，青屿装备股份有限公司发布2023年年度报告，公司实现营业收入12.5亿元，同比增长18.3%。")
    got = [o for o in extract_text(text).observations if o.value == Decimal("18.3")]
    assert len(got) == 1
    # without the byline the first line is read like any other (the control the test above leans on)
    text2 = "青屿装备2023年营收增长18.3%\n\n4月2日，青屿装备股份有限公司发布2023年年度报告，公司实现营业收入12.5亿元，同比增长18.3%。"
    assert len([o for o in extract_text(text2).observations if o.value == Decimal("18.3")]) >= 1


def test_a_quarter_opening_the_clause_is_the_figures_period_not_part_of_a_name():
    text = "2023年，青屿装备股份有限公司实现营业收入12.5亿元。分季度看，第四季度公司实现营业收入3.9亿元，同比增长21.0%。"
    ex = extract_text(text)
    assert not any(m.name.startswith("第四季度") for m in ex.mentions)
    q4 = [o for o in ex.observations if o.value == Decimal("390000000")]
    assert q4 and q4[0].entity == "青屿装备股份有限公司" and q4[0].year is None and q4[0].period


def test_a_period_opening_the_paragraph_scopes_its_later_sentences_over_the_titles_year():
    text = ("澄湖经济开发区2025年经济运行简况\n\n"
            "1—5月，澄湖经济开发区实现规模以上工业总产值76.2亿元，同比增长6.4%。园区完成固定资产投资12.6亿元，同比增长8.1%。")
    got = _all(text)
    fixed = [(y, p) for _, i, y, v, _, p in got if v == Decimal("1260000000")]
    assert fixed and fixed[0][0] is None and "5月" in fixed[0][1]


def test_a_title_naming_part_of_a_year_dates_the_figures_that_name_no_time():
    text = ("澄湖经济开发区2025年前三季度经济运行简况\n\n"
            "青屿化工有限公司实现产值21.4亿元，同比增长12.3%。2024年，青屿化工有限公司实现产值26.5亿元。")
    got = _all(text)
    q3 = [(y, p) for _, _, y, v, _, p in got if v == Decimal("2140000000")]
    assert q3 and q3[0][0] is None and "前三季度" in q3[0][1]
    assert any(v == Decimal("2650000000") and y == 2024 for _, _, y, v, _, _ in got)  # a year of its own stays


def test_an_amount_invested_to_build_a_project_at_a_place_is_the_projects_total_investment():
    got = _all("青屿装备股份有限公司拟投资8亿元在澄湖经济开发区建设年产300台（套）激光焊接装备项目。")
    proj = "年产300台（套）激光焊接装备项目"
    assert (proj, "total-investment", None, Decimal("800000000"), "CNY", None) in got
    assert any(e == proj and v == Decimal("300") and u == "piece" for e, _, _, v, u, _ in got)


def test_goods_made_are_the_object_not_the_subject_of_their_output():
    got = _all("2023年，青屿装备股份有限公司主要生产激光焊接机和切割头，实现营业收入6.1亿元；全年生产激光焊接机1.8万台，同比增长9.6%。")
    made = [e for e, _, _, v, _, _ in got if v == Decimal("18000")]
    assert made == ["青屿装备股份有限公司"]


def test_a_plan_naming_a_year_is_a_target_not_a_measurement():
    text = "2024年，青屿化工有限公司实现营业收入15.2亿元。公司计划2025年营业收入达到18亿元。"
    status = {o.value: o.status for o in extract_text(text).observations}
    assert status[Decimal("1520000000")] == "measured"
    assert status[Decimal("1800000000")] == "target"


def test_last_year_counts_from_the_headlines_year_when_no_date_line_gives_one():
    text = ("澄州市举办2025年度科技人才对接会\n\n本报讯 9月12日，澄州市2025年度科技人才对接会举行。\n\n"
            "青屿化工有限公司位于澄湖经济开发区。去年，公司营业收入达4.12亿元，比上年增长9.6%。")
    years = {o.value: o.year for o in extract_text(text).observations}
    assert years[Decimal("412000000")] == 2024
    # a text that runs past its headline's year (a plan to 2027) gives no such present year
    from graph.extract.observations import _lead_year
    from graph.text.clean import clean_text
    from graph.text.segment import split_sentences

    plan = split_sentences(clean_text("澄州市2025年度工作要点\n\n去年，园区营业收入达4.12亿元。到2027年，园区产值突破500亿元。"))
    assert _lead_year(plan) == 0
    assert _lead_year(split_sentences(clean_text(text))) == 2025


def test_a_sum_before_a_contract_is_labelled_by_the_contract_not_by_the_verb():
    from graph.api import extract
    from graph.text.read import read_text

    ex, indicators = extract(read_text("2024年，青屿装备股份有限公司与澄江汽车有限公司签订了金额为2.6亿元的供货合同。", "<t>"))
    labels = {indicators[o.indicator].zh for o in ex.observations if o.value == Decimal("260000000")}
    assert labels == {"供货合同金额"}


def test_a_stop_free_first_line_whose_figures_the_body_repeats_is_a_headline():
    body = "4月2日，青屿装备股份有限公司发布2023年年度报告，公司实现营业收入12.5亿元，同比增长18.3%。"
    told = [o for o in extract_text("青屿装备2023年营收增长18.3%\n\n" + body).observations if o.value == Decimal("18.3")]
    assert len(told) == 1
    # a first line with a figure the body does not repeat is read as a statement
    alone = extract_text("青屿装备2023年营收增长18.3%\n\n4月2日，青屿装备股份有限公司发布2023年年度报告，公司实现营业收入12.5亿元。")
    assert any(o.value == Decimal("18.3") for o in alone.observations)


def test_a_heading_naming_part_of_a_year_dates_the_figures_under_it():
    text = ("澄湖经济开发区2024年经济运行情况\n\n一、总体情况\n\n全年，园区完成规上工业总产值246.2亿元。\n\n"
            "二、2025年一季度情况\n\n园区规上工业总产值58.2亿元，同比增长6.3%。青屿化工有限公司产值5.4亿元。")
    got = _all(text)
    assert any(v == Decimal("24620000000") and y == 2024 for _, _, y, v, _, _ in got)
    q1 = [(y, p) for _, _, y, v, _, p in got if v in (Decimal("5820000000"), Decimal("540000000"))]
    assert len(q1) == 2 and all(y is None and "一季度" in p for y, p in q1)


def test_a_sum_over_the_top_firms_is_not_the_firm_named_before():
    text = "2024年，青屿化工有限公司实现产值21.4亿元。前十强企业合计实现产值102.6亿元。"
    assert not any(e == "青屿化工有限公司" and v == Decimal("10260000000") for e, _, _, v, _, _ in _all(text))


def test_respectively_gives_each_listed_entity_its_value_and_growth_in_order():
    got = _all("2024年，青屿化工有限公司和澄江精工科技有限公司产值分别达到21.4亿元和9.8亿元，分别增长12.3%和6.5%。")
    pairs = {(e, v) for e, _, _, v, _, _ in got}
    assert {("青屿化工有限公司", Decimal("2140000000")), ("澄江精工科技有限公司", Decimal("980000000")),
            ("青屿化工有限公司", Decimal("12.3")), ("澄江精工科技有限公司", Decimal("6.5"))} <= pairs
    assert not any("分别" in i for _, i, _, _, _, _ in got)


def test_a_snapshot_date_opening_the_paragraph_dates_its_later_counts():
    text = ("澄湖经济开发区2025年前三季度经济运行简况\n\n"
            "截至9月底，园区共有规模以上工业企业142家。园区国家高新技术企业达到96家。\n\n截至2024年12月底，园区共有规模以上工业企业130家。")
    got = _all(text)
    assert any(v == Decimal("96") and y is None and p == "截至9月底" for _, _, y, v, _, p in got)
    assert any(v == Decimal("130") and y == 2024 for _, _, y, v, _, _ in got)
