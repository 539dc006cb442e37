"""List tables written as lines (公示/名单 notices): rows read by their columns."""

from __future__ import annotations

from decimal import Decimal

from graph.api import extract_text
from graph.extract.tables import caption_honours, column_role, read_tables
from graph.text.clean import clean_text
from graph.text.segment import split_sentences

NOTICE = """关于某市企业技术中心认定名单的公示
一、2023年度某市工程技术研究中心和众创空间认定名单（3家）
序号 名称 依托单位 所属园区 所属产业 类别
1 某市储能电池工程技术研究中心 江汉瑞能电池有限公司、江汉大学 东湖光谷科创园 新能源 工程技术研究中心
2 某市精密轴承工程技术研究中心 江汉精轴科技有限公司 北岸智造产业园 智能装备 工程技术研究中心
3 某市光谷储能工程技术研究中心 江汉储能研究院 东湖光谷科创园 新能源 工程技术研究中心

二、2023年度某市众创空间认定名单（1家）
序号 名称 运营单位 所属园区 类别
1 青枫创客空间 江汉青枫运营管理有限公司 北岸智造产业园 众创空间
"""


def _triples(text: str) -> set[tuple[str, str, str]]:
    ex = extract_text(text)
    return {(r.subject, r.predicate, r.object) for r in ex.relations}


def test_table_rows_keep_their_cells_apart():
    sents = split_sentences(clean_text(NOTICE))
    rows = read_tables(sents)
    assert len(rows) == 4
    assert [c.text for c in rows[0].cells if c.role == "carrier"] == ["江汉瑞能电池有限公司", "江汉大学"]
    assert rows[3].kind == "众创空间" and [c.role for c in rows[3].cells] == ["name", "operator", "park"]
    assert rows[0].year == 2023


def test_caption_items_share_the_place_and_the_kind_column_picks_one():
    honours, year = caption_honours("一、2023年度某市工程技术研究中心和众创空间认定名单（3家）")
    assert [h[0] for h in honours] == ["某市工程技术研究中心", "某市众创空间"] and year == 2023
    rows = read_tables(split_sentences(clean_text(NOTICE)))
    assert rows[0].honour[0] == "某市工程技术研究中心"
    assert rows[3].honour[0] == "某市众创空间"


def test_header_words_are_roles_from_data():
    assert column_role("企业名称") == "name"
    assert column_role("运营单位") == "operator"
    assert column_role("所属产业") == "industry"
    assert column_role("在孵企业（家）") is None


def test_rows_become_relations():
    got = _triples(NOTICE)
    centre = "某市储能电池工程技术研究中心"
    assert (centre, "receivedHonour", "某市工程技术研究中心") in got
    assert ("江汉瑞能电池有限公司", "hostsPlatform", centre) in got
    assert ("江汉大学", "hostsPlatform", centre) in got
    # a centre built on a company: the row's park and industry are the company's
    assert ("江汉瑞能电池有限公司", "locatedIn", "东湖光谷科创园") in got
    assert ("江汉瑞能电池有限公司", "inIndustry", "新能源") in got
    assert (centre, "locatedIn", "东湖光谷科创园") not in got
    assert ("江汉大学", "locatedIn", "东湖光谷科创园") not in got
    assert ("江汉瑞能电池有限公司", "coBuiltPlatformWith", "江汉大学") in got
    # a centre built on an institute, not a company, keeps the row's park itself
    assert ("某市光谷储能工程技术研究中心", "locatedIn", "东湖光谷科创园") in got
    assert ("江汉储能研究院", "hostsPlatform", "某市光谷储能工程技术研究中心") in got
    # a space run by an operator keeps its own park
    assert ("青枫创客空间", "locatedIn", "北岸智造产业园") in got
    assert ("青枫创客空间", "receivedHonour", "某市众创空间") in got
    assert ("江汉青枫运营管理有限公司", "locatedIn", "北岸智造产业园") not in got


def test_the_caption_name_is_an_honour_not_a_platform():
    ex = extract_text(NOTICE)
    classes = {m.key: m.cls for m in ex.mentions}
    assert classes["某市工程技术研究中心"] == "Honour"
    assert classes["某市储能电池工程技术研究中心"] == "Platform"


def test_prose_with_numbers_is_no_table():
    text = "序号是编号。\n1 家企业 入驻 园区\n"
    assert read_tables(split_sentences(clean_text(text))) == []


def test_measure_columns_become_observations_of_the_listed_name():
    text = (
        "一、2023年度某市科技企业孵化器认定名单（2家）\n"
        "序号 名称 运营单位 孵化场地面积（平方米） 在孵企业（家）\n"
        "1 东湖数字经济孵化器 东湖科创发展有限公司 32,600 58\n"
        "2 北岸智造孵化基地 北岸产业投资运营有限公司 25,400 41\n"
    )
    rows = read_tables(split_sentences(clean_text(text)))
    assert [(c.label, c.unit, c.text) for c in rows[0].cells if c.role == "measure"] == [
        ("孵化场地面积", "平方米", "32,600"), ("在孵企业", "家", "58")]
    ex = extract_text(text)
    got = {(o.entity, str(o.value), o.unit, o.year) for o in ex.observations}
    assert ("东湖数字经济孵化器", "32600", "square-metre", 2023) in got
    assert ("北岸智造孵化基地", "41", "count", 2023) in got
    # the caption's row count and the cells are no observation of anything else, nor entities
    assert not any(o.value == 2 and o.unit == "count" for o in ex.observations)
    assert not any(m.name in ("32,600", "58") for m in ex.mentions)


PLAN = """附件：某区重点项目计划表
序号 项目名称 建设单位 建设地点 总投资（亿元） 建设内容及规模
1 年产5万吨特种纤维项目 某某纤维科技有限公司 东江新材料产业园 12.5 新建纺丝车间3万平方米，购置纺丝设备，达产后年产特种纤维5万吨
2 智能仓储物流中心工程 某某物流有限公司 西岭镇 3.0 建设立体仓库及分拣中心
"""


def test_project_rows_are_built_by_their_unit_in_their_park():
    rows = read_tables(split_sentences(clean_text(PLAN)))
    assert len(rows) == 2 and rows[0].bare_class == "Project"
    got = _triples(PLAN)
    assert ("年产5万吨特种纤维项目", "undertakenBy", "某某纤维科技有限公司") in got
    assert ("年产5万吨特种纤维项目", "locatedIn", "东江新材料产业园") in got
    assert ("智能仓储物流中心工程", "undertakenBy", "某某物流有限公司") in got
    # a 建设地点 that names a town is no park
    assert not any(p == "locatedIn" and o == "西岭镇" for _, p, o in got)


def test_project_investment_column_is_a_figure_of_the_project():
    ex = extract_text(PLAN)
    obs = {(o.entity, o.value, o.unit) for o in ex.observations}
    assert ("年产5万吨特种纤维项目", 1250000000, "CNY") in obs


CUSTOMERS = """湖北恒远精密轴承股份有限公司（以下简称“恒远精密”或“公司”）主要生产精密轴承。
2024年度，公司向前五名客户的销售情况如下：
序号 客户名称 销售金额（万元）占营业收入比例
1 北辰风电设备有限公司 8,120.50 12.30%
2 南屿重工机械有限公司 5,004.00 7.58%
2024年度，公司向前五名供应商的采购情况如下：
序号 供应商名称 采购金额（万元）
1 西山特钢有限公司 3,200.00
"""


def test_customer_table_gives_customers_of_the_company_the_text_is_about():
    got = _triples(CUSTOMERS)
    firm = "湖北恒远精密轴承股份有限公司"
    assert (firm, "hasCustomer", "北辰风电设备有限公司") in got
    assert (firm, "hasCustomer", "南屿重工机械有限公司") in got
    assert ("西山特钢有限公司", "hasCustomer", firm) in got


def test_customer_column_needs_a_customer_caption():
    text = CUSTOMERS.replace("向前五名客户的销售情况", "的合作单位")
    assert not any(p == "hasCustomer" and o == "北辰风电设备有限公司" for _, p, o in _triples(text))


YEARS = """湖北恒远精密轴承股份有限公司（以下简称“公司”）主要生产精密轴承。
报告期内，公司主营业务收入按产品类别列示如下：
单位：万元
产品类别 2024年度 2023年度
精密轴承 1,250.50 980.00
合计 1,250.50 980.00
单位：台
产品 项目 2024年度 2023年度
数控转台 产能 300 260
产量 280 240
"""


def test_year_tables_of_a_defined_company_are_its_figures():
    ex = extract_text(YEARS)
    firm = "湖北恒远精密轴承股份有限公司"
    got = {(o.entity, o.year, o.value, o.unit) for o in ex.observations}
    assert (firm, 2024, 12505000, "CNY") in got and (firm, 2023, 9800000, "CNY") in got
    assert (firm, 2023, 240, "piece") in got  # 产量 takes the product of the row above
    labels = {o.indicator for o in ex.observations if o.entity == firm and o.year == 2023 and o.value == 240}
    assert labels and all("数控转台" in label or "产量" in label for label in labels)


def test_year_tables_need_a_company_the_text_defines():
    ex = extract_text(YEARS.replace("（以下简称“公司”）", ""))
    assert not any(o.value == 240 and o.unit == "piece" for o in ex.observations)


def test_project_content_cell_gives_design_areas_and_capacities():
    ex = extract_text(PLAN)
    got = {(o.entity, o.value, o.unit, o.period) for o in ex.observations}
    assert ("年产5万吨特种纤维项目", 30000, "square-metre", None) in got
    assert ("年产5万吨特种纤维项目", 50000, "tonne", "annual capacity") in got
    # the content cell names no entity of its own
    assert not any(m == "建设立体仓库及分拣中心" for m, _, _ in _triples(PLAN))


REPORT = """湖北恒远精密轴承股份有限公司2024年年度报告（摘要）
一、主营业务分产品情况
单位：万元
分产品 营业收入 营业成本 毛利率（%）
圆锥滚子轴承 5,200.00 3,900.00 25.00
深沟球轴承 2,100.50 1,680.40 20.00
"""


def test_measure_columns_of_a_company_report_are_its_figures_of_the_report_year():
    ex = extract_text(REPORT)
    firm = "湖北恒远精密轴承股份有限公司"
    got = {(o.entity, o.year, o.value, o.unit) for o in ex.observations}
    assert (firm, 2024, 52000000, "CNY") in got and (firm, 2024, 39000000, "CNY") in got
    assert (firm, 2024, 20, "percent") in got
    sents = split_sentences(clean_text(REPORT))
    assert any(s.text == "分产品 营业收入 营业成本 毛利率（%）" for s in sents)  # the header keeps its cells apart


def test_customer_table_total_row_is_the_company_figure_of_the_caption_year():
    text = CUSTOMERS.replace("2 南屿重工机械有限公司 5,004.00 7.58%\n", "2 南屿重工机械有限公司 5,004.00 7.58%\n合计 13,124.50 19.88%\n")
    ex = extract_text(text)
    firm = "湖北恒远精密轴承股份有限公司"
    got = {(o.entity, o.year, o.value, o.unit) for o in ex.observations}
    assert (firm, 2024, 131245000, "CNY") in got and (firm, 2024, Decimal("19.88"), "percent") in got
    # a single customer's amount is no figure of anyone
    assert not any(o.value == 81205000 for o in ex.observations)


SUBSIDIARIES = """湖北恒远精密轴承股份有限公司（以下简称“公司”）主要生产精密轴承。
截至报告期末，公司主要子公司情况如下：
序号 公司名称 注册资本（万元） 主营业务
1 襄阳恒远热处理有限公司 5,000 轴承热处理
2 恒远精密轴承（武汉）有限公司 12,000 轴承销售
"""


def test_subsidiary_table_gives_subsidiaries_and_their_capital():
    got = _triples(SUBSIDIARIES)
    firm = "湖北恒远精密轴承股份有限公司"
    assert ("襄阳恒远热处理有限公司", "subsidiaryOf", firm) in got
    assert ("恒远精密轴承（武汉）有限公司", "subsidiaryOf", firm) in got
    obs = {(o.entity, o.value, o.unit, o.year) for o in extract_text(SUBSIDIARIES).observations}
    assert ("襄阳恒远热处理有限公司", 50000000, "CNY", None) in obs


def test_a_short_park_in_a_table_cell_is_the_fuller_park_the_text_names():
    text = "湖北江城东江新材料产业园地处江城北部。\n" + PLAN
    got = _triples(text)
    assert ("年产5万吨特种纤维项目", "locatedIn", "湖北江城东江新材料产业园") in got


PATENTS = """公司近日取得3项发明专利证书，具体如下：
序号 专利名称 专利号 专利权人 授权公告日
1 一种耐磨轴承保持架的注塑方法 ZL202310000001.1 湖北恒远精密轴承股份有限公司 2025.01.07
2 一种轴承套圈淬火变形控制装置 ZL202210000002.2 湖北恒远精密轴承股份有限公司；武汉理工大学
2025.02.11
3 一种轴承游隙自动检测方法 ZL202410000003.3 襄阳恒远热处理有限公司 2025.03.04
"""


def test_patent_table_holders_are_applicants_and_co_filers():
    got = _triples(PATENTS)
    firm = "湖北恒远精密轴承股份有限公司"
    assert ("一种耐磨轴承保持架的注塑方法", "applicant", firm) in got
    assert ("一种轴承套圈淬火变形控制装置", "applicant", "武汉理工大学") in got
    assert (firm, "coFiledPatentWith", "武汉理工大学") in got or ("武汉理工大学", "coFiledPatentWith", firm) in got
    # the row after a wrapped date is still read
    assert ("一种轴承游隙自动检测方法", "applicant", "襄阳恒远热处理有限公司") in got


def test_two_cell_list_and_product_table():
    text = """一、2024年度某市专精特新中小企业认定名单
序号 企业名称
1 某某精密轴承有限公司
2 某某智能装备有限公司
二、2024年度某省首台（套）重大技术装备认定名单
序号 产品名称 申报单位
1 大口径盾构主轴承 某某精密轴承有限公司
"""
    rows = read_tables(split_sentences(clean_text(text)))
    assert [c.text for r in rows for c in r.cells if c.role == "name"][:2] == ["某某精密轴承有限公司", "某某智能装备有限公司"]
    got = _triples(text)
    assert ("某某智能装备有限公司", "receivedHonour", "某市专精特新中小企业") in got
    assert ("某某精密轴承有限公司", "produces", "大口径盾构主轴承") in got


def test_year_table_blank_cells_and_a_unit_in_the_caption():
    text = """湖北恒远精密轴承股份有限公司（以下简称“公司”）主要生产精密轴承。
报告期内主要财务数据如下（金额单位：万元）
项目 2024年度 2023年度 2022年度
营业收入 1,200.5 — 800
毛利率 30.5% 28.1% /
"""
    got = {(o.year, o.value, o.unit) for o in extract_text(text).observations}
    assert (2024, 12005000, "CNY") in got and (2022, 8000000, "CNY") in got
    assert (2023, Decimal("28.1"), "percent") in got
    assert not any(y == 2023 and u == "CNY" for y, _, u in got)


def test_anonymous_customers_are_no_entities():
    text = CUSTOMERS.replace("北辰风电设备有限公司", "客户一").replace("南屿重工机械有限公司", "客户二")
    got = _triples(text)
    assert not any(p == "hasCustomer" and o.startswith("客户") for _, p, o in got)
    assert not any(m.name.startswith("客户") for m in extract_text(text).mentions)


def test_total_row_share_column_with_a_bracketed_percent_unit():
    text = CUSTOMERS.replace("销售金额（万元）占营业收入比例", "销售额（万元） 占年度销售总额比例（%）").replace(
        "12.30%", "12.30").replace("7.58%", "7.58").replace(
        "2 南屿重工机械有限公司 5,004.00 7.58\n", "2 南屿重工机械有限公司 5,004.00 7.58\n合计 13,124.50 19.88\n")
    got = {(o.year, o.value, o.unit) for o in extract_text(text).observations}
    assert (2024, Decimal("19.88"), "percent") in got and (2024, 131245000, "CNY") in got


def test_a_listed_name_ending_in_project_is_a_project():
    text = PLAN.replace("序号 项目名称 建设单位", "序号 名称 建设单位")
    got = _triples(text)
    assert ("年产5万吨特种纤维项目", "undertakenBy", "某某纤维科技有限公司") in got
    assert ("智能仓储物流中心工程", "undertakenBy", "某某物流有限公司") in got


def test_a_remark_names_the_builders_parent():
    text = PLAN.replace("达产后年产特种纤维5万吨", "达产后年产特种纤维5万吨（注：建设单位系湖北恒远精密轴承股份有限公司全资子公司）")
    got = _triples(text)
    assert ("某某纤维科技有限公司", "subsidiaryOf", "湖北恒远精密轴承股份有限公司") in got


PIPE_NOTICE = """关于某市瞪羚企业拟认定名单的公示
表1  2024年度某市瞪羚企业拟认定名单
| 序号 | 企业名称 | 所在园区 | 所属行业 | 2023年营业收入/万元 |
|:---:|---|---|---|---:|
| 1 | 江汉瑞能电池有限公司 | 北岸智造产业园 | 新能源 | 12,500 |
| 2 | 江汉精轴科技有限公司 | 东湖光谷科创园 | 智能装备 | 8,300 |
"""


def test_a_pipe_table_reads_like_a_spaced_one():
    sents = split_sentences(clean_text(PIPE_NOTICE))
    rows = read_tables(sents)
    assert len(rows) == 2
    assert [(c.role, c.text) for c in rows[1].cells][:3] == [("name", "江汉精轴科技有限公司"), ("park", "东湖光谷科创园"), ("industry", "智能装备")]
    assert rows[0].honour[0] == "某市瞪羚企业" and rows[0].year == 2024
    figure = rows[0].cells[-1]
    assert (figure.label, figure.unit, figure.year, figure.text) == ("营业收入", "万元", 2023, "12,500")
    triples = _triples(PIPE_NOTICE)
    assert ("江汉瑞能电池有限公司", "locatedIn", "北岸智造产业园") in triples
    assert ("江汉精轴科技有限公司", "receivedHonour", "某市瞪羚企业") in triples


def test_tab_and_full_width_pipe_rows_without_outer_pipes():
    for sep in ("\t", "｜", " | "):
        text = "2024年度某市专精特新中小企业认定名单\n" + sep.join(["序号", "企业名称", "主导产品"]) + "\n" + sep.join(
            ["1", "江汉精轴科技有限公司", "精密轴承"]) + "\n"
        rows = read_tables(split_sentences(clean_text(text)))
        assert [(c.role, c.text) for c in rows[0].cells] == [("name", "江汉精轴科技有限公司"), ("product", "精密轴承")], sep


def test_fields_of_prose_parted_by_a_pipe_are_no_table():
    text = "①某某基地项目｜投资方：江汉瑞能电池有限公司｜总投资15亿元\n②某某扩产项目｜投资方：江汉精轴科技有限公司｜总投资6亿元\n"
    assert "\n" in clean_text(text).text and read_tables(split_sentences(clean_text(text))) == []


def test_a_heading_above_one_line_of_preamble_names_the_honour():
    text = ("02 公示｜2024年度某市企业技术中心认定名单\n经企业申报、专家评审，现将名单予以公示，公示期为5月6日至5月12日。\n"
            "序号 名称 依托单位\n1 某市精密轴承技术中心 江汉精轴科技有限公司\n")
    rows = read_tables(split_sentences(clean_text(text)))
    assert rows[0].honour[0] == "某市企业技术中心" and rows[0].year == 2024
    assert caption_honours("02 公示｜2024年度某市企业技术中心认定名单")[0] == [("某市企业技术中心", 12, 20)]


def test_a_table_without_a_number_column_is_found_by_its_column_names():
    text = ("2024年度某市专精特新中小企业认定名单\n| 企业名称 | 所在园区 | 主导产品 |\n| --- | --- | --- |\n"
            "| 江汉精轴科技有限公司 | 北岸智造产业园 | 精密轴承 |\n| 江汉瑞能电池有限公司 | 东湖光谷科创园 | 储能电池 |\n")
    rows = read_tables(split_sentences(clean_text(text)))
    assert [[c.text for c in r.cells] for r in rows] == [
        ["江汉精轴科技有限公司", "北岸智造产业园", "精密轴承"], ["江汉瑞能电池有限公司", "东湖光谷科创园", "储能电池"]]
    assert rows[1].honour[0] == "某市专精特新中小企业"


def test_cells_parted_by_runs_of_spaces_may_hold_one_space():
    text = ("2024年度某市外资研发中心认定名单\n序号  企业名称  所在园区\n1  Hanse Motion GmbH  北岸智造产业园\n"
            "2  江汉 精轴科技有限公司  东湖光谷科创园\n")
    rows = read_tables(split_sentences(clean_text(text)))
    assert [[c.text for c in r.cells] for r in rows] == [
        ["Hanse Motion GmbH", "北岸智造产业园"], ["江汉精轴科技有限公司", "东湖光谷科创园"]]


def test_an_empty_cell_of_a_pipe_row_keeps_the_columns_in_place():
    text = ("2024年度某市专精特新中小企业认定名单\n| 序号 | 企业名称 | 所在园区 | 主导产品 |\n|---|---|---|---|\n"
            "| 1 | 江汉精轴科技有限公司 |  | 精密轴承 |\n| 2 | 江汉瑞能电池有限公司 | 东湖光谷科创园 | 储能电池 |\n")
    rows = read_tables(split_sentences(clean_text(text)))
    assert [[(c.role, c.text) for c in r.cells] for r in rows] == [
        [("name", "江汉精轴科技有限公司"), ("product", "精密轴承")],
        [("name", "江汉瑞能电池有限公司"), ("park", "东湖光谷科创园"), ("product", "储能电池")]]


def test_a_place_column_named_suo_zai_di_is_a_site():
    assert column_role("所在地") == "site" and column_role("核心产品") == "product"


def test_a_field_column_is_the_platforms_own_and_a_head_column_its_person():
    text = ("一、2025年度某省工程技术研究中心认定名单（1家）\n序号 中心名称 依托单位 所属产业 技术领域 负责人\n"
            "1 某省海洋涂层工程技术研究中心 青川澄明光电科技有限公司 新材料 海洋涂层 莫清远\n")
    f = _triples(text)
    assert ("某省海洋涂层工程技术研究中心", "inIndustry", "海洋涂层") in f  # 技术领域: the platform's
    assert ("青川澄明光电科技有限公司", "inIndustry", "新材料") in f  # 所属产业: the carrier's
    assert ("莫清远", "affiliatedWith", "某省海洋涂层工程技术研究中心") in f
    roles = {(r.subject, r.role) for r in extract_text(text).relations if r.predicate == "affiliatedWith"}
    assert ("莫清远", "负责人") in roles


def test_an_ordinal_glued_to_the_first_cell_is_the_rows_number():
    text = ("一、2025年度某市瞪羚企业认定名单（2家）\n企业名称  所在园区  主导产业\n"
            "（1）青川澄明光电科技有限公司  青川北江光电产业园  新型显示\n（2）青川拓岳机械有限公司  青川南山装备产业园  智能装备\n")
    f = _triples(text)
    assert ("青川拓岳机械有限公司", "locatedIn", "青川南山装备产业园") in f
    assert ("青川澄明光电科技有限公司", "inIndustry", "新型显示") in f
    assert not any(s.startswith("（") for s, _, _ in f)
