"""List records (graph.extract.records): entries of a notice read by their layout, on notices written for these tests."""

from __future__ import annotations

from graph.api import extract_text
from graph.extract.records import read_records
from graph.text.clean import clean_text
from graph.text.segment import split_sentences


def _records(text: str):
    return read_records(split_sentences(clean_text(text)))


def _triples(text: str) -> set[tuple[str, str, str]]:
    return {(r.subject, r.predicate, r.object) for r in extract_text(text).relations}


# three groups, three layouts: bracketed park, a header with glued ordinals, a 、-run of names
GROUPED = """青川市经济和信息化局
关于公布2025年度青川市优质企业名单的通知
各区经济发展局，有关企业：
经企业申报、专家评审和网上公示，现将名单公布如下。
一、国家级专精特新“小巨人”企业（2家）
1. 青川澄明光电科技有限公司（青川北江光电产业园）
2. 青川拓岳机械有限公司（青川南山装备产业园）
二、江南省专精特新中小企业（2家）
序号  企业名称  所属领域  所在区
1、青川蔚然包装材料有限公司  绿色包装  东岸区
2、青川迅达物流装备有限公司  物流装备  西岸区
三、青川市创新型中小企业（3家）
青川禾谷食品有限公司、青川云梯软件有限公司、青川砺石建材有限公司
四、有关要求
各区要做好跟踪服务，入选企业每年报送发展情况。
"""


def test_each_group_heading_names_the_designation_of_its_records():
    recs = {r.name.text: r for r in _records(GROUPED)}
    assert recs["青川澄明光电科技有限公司"].designation.name == "国家级专精特新“小巨人”企业"
    assert recs["青川迅达物流装备有限公司"].designation.name == "江南省专精特新中小企业"
    assert recs["青川云梯软件有限公司"].designation.name == "青川市创新型中小企业"
    assert len(recs) == 7


def test_fields_are_typed_by_bracket_suffix_and_header_column():
    recs = {r.name.text: r for r in _records(GROUPED)}
    assert [(f.role, f.text) for f in recs["青川拓岳机械有限公司"].fields] == [("park", "青川南山装备产业园")]
    typed = [(f.role, f.text) for f in recs["青川蔚然包装材料有限公司"].fields if f.role]
    assert typed == [("industry", "绿色包装")]  # 所在区 names a district: no role


def test_records_give_honour_park_and_industry_per_line():
    f = _triples(GROUPED)
    assert ("青川澄明光电科技有限公司", "receivedHonour", "国家级专精特新“小巨人”企业") in f
    assert ("青川澄明光电科技有限公司", "locatedIn", "青川北江光电产业园") in f
    assert ("青川蔚然包装材料有限公司", "receivedHonour", "江南省专精特新中小企业") in f
    assert ("青川蔚然包装材料有限公司", "inIndustry", "绿色包装") in f
    assert ("青川砺石建材有限公司", "receivedHonour", "青川市创新型中小企业") in f


# groups by city that name no designation: the preamble's holds; key–value lines continue a record
PLATFORMS = """江南省科学技术厅关于认定2025年度江南省工程技术研究中心的通知
各设区市科技局，各有关单位：
经推荐、评审和公示，决定认定江南省海洋涂层工程技术研究中心等4家单位为2025年度江南省工程技术研究中心。现将名单公布如下：
一、青川市（2家）
1. 江南省海洋涂层工程技术研究中心
依托单位：青川澄明光电科技有限公司；所在园区：青川北江光电产业园；领域：海洋材料；负责人：莫清远
2. 江南省智慧灌溉工程技术研究中心
依托单位：江南农业大学；共建单位：青川禾谷食品有限公司；领域：智慧农业
二、白石市（2家）
江南省废钢循环工程技术研究中心（白石钢联再生资源有限公司，资源循环）、江南省水产育种工程技术研究中心（江南海洋大学，水产养殖）
"""


def test_key_lines_add_their_fields_to_the_record_above():
    rec = {r.name.text: r for r in _records(PLATFORMS)}["江南省海洋涂层工程技术研究中心"]
    assert [(f.role, f.text) for f in rec.fields] == [
        ("carrier", "青川澄明光电科技有限公司"), ("park", "青川北江光电产业园"), ("field", "海洋材料"), ("person", "莫清远")]
    assert rec.designation.name == "江南省工程技术研究中心" and rec.designation.year == 2025


def test_platform_records_give_host_field_honour_and_head():
    f = _triples(PLATFORMS)
    plat = "江南省海洋涂层工程技术研究中心"
    assert ("青川澄明光电科技有限公司", "hostsPlatform", plat) in f
    assert (plat, "receivedHonour", "江南省工程技术研究中心") in f
    assert (plat, "inIndustry", "海洋材料") in f
    assert ("莫清远", "affiliatedWith", plat) in f
    assert ("青川澄明光电科技有限公司", "locatedIn", "青川北江光电产业园") in f
    # two builders: co-built, no host
    assert ("江南农业大学", "coBuiltPlatformWith", "青川禾谷食品有限公司") in f
    assert ("江南农业大学", "hostsPlatform", "江南省智慧灌溉工程技术研究中心") not in f
    # a 、-run of 平台（依托单位，领域） items
    assert ("白石钢联再生资源有限公司", "hostsPlatform", "江南省废钢循环工程技术研究中心") in f
    assert ("江南省水产育种工程技术研究中心", "inIndustry", "水产养殖") in f
    assert ("江南省水产育种工程技术研究中心", "receivedHonour", "江南省工程技术研究中心") in f


def test_the_designation_is_an_honour_wherever_written():
    ex = extract_text(PLATFORMS)
    classes = {m.key: m.cls for m in ex.mentions}
    assert classes["江南省工程技术研究中心"] == "Honour"


def test_a_numbered_line_running_on_as_prose_is_no_record():
    text = ("一、主要子公司情况\n1. 青川拓岳机械有限公司，系公司全资子公司，注册资本2亿元，位于青川南山装备产业园。\n"
            "2. 青川迅达物流装备有限公司主要生产堆垛机。\n")
    assert _records(text) == []


def test_no_designation_without_a_levelled_heading_or_preamble():
    text = "一、重点企业走访\n1. 青川拓岳机械有限公司（青川南山装备产业园）\n2. 青川迅达物流装备有限公司（青川南山装备产业园）\n"
    recs = _records(text)
    assert [r.name.text for r in recs] == ["青川拓岳机械有限公司", "青川迅达物流装备有限公司"]
    assert all(r.designation is None for r in recs)
    f = _triples(text)
    assert not any(p == "receivedHonour" and "位于" in s for s, p, _ in f)
    assert any(s == "青川拓岳机械有限公司" and p == "locatedIn" for s, p, _ in f)
    assert not any(p == "receivedHonour" for _, p, _ in f)


def test_a_park_heading_places_its_records_and_other_numberings_read_alike():
    text = ("江南省经济和信息化厅关于公布第三批江南省绿色工厂名单的通知\n现将名单公布如下：\n"
            "（一）青川北江光电产业园（2家）\n①青川澄明光电科技有限公司——负责人：莫清远\n"
            "②青川砺石建材有限公司｜所属行业：新型建材\n")
    f = _triples(text)
    assert ("青川澄明光电科技有限公司", "locatedIn", "青川北江光电产业园") in f
    assert ("青川澄明光电科技有限公司", "receivedHonour", "江南省绿色工厂") in f
    assert ("青川砺石建材有限公司", "inIndustry", "新型建材") in f
    assert ("莫清远", "affiliatedWith", "青川澄明光电科技有限公司") in f


def test_a_cell_reading_as_a_designation_is_the_entrys_own_honour():
    text = ("青川市工业和信息化局关于企业获评情况的通报\n现将获评情况通报如下：\n"
            "1. 青川澄明光电科技有限公司  国家级专精特新“小巨人”企业\n2. 青川拓岳机械有限公司  江南省制造业单项冠军企业\n")
    f = _triples(text)
    assert ("青川澄明光电科技有限公司", "receivedHonour", "国家级专精特新“小巨人”企业") in f
    assert ("青川拓岳机械有限公司", "receivedHonour", "江南省制造业单项冠军企业") in f
    assert ("青川拓岳机械有限公司", "receivedHonour", "国家级专精特新“小巨人”企业") not in f


def test_headerless_cells_parted_by_tabs_stay_a_record():
    text = "一、江南省专精特新中小企业（2家）\n1、青川蔚然包装材料有限公司\t青川北江光电产业园\n2、青川迅达物流装备有限公司\t青川南山装备产业园\n"
    f = _triples(text)
    assert ("青川迅达物流装备有限公司", "locatedIn", "青川南山装备产业园") in f
    assert ("青川蔚然包装材料有限公司", "receivedHonour", "江南省专精特新中小企业") in f


def test_a_park_list_gives_each_park_the_designation_and_its_leading_industry():
    text = ("青川市科学技术局关于公布特色产业园区名单的通知\n一、拟认定为青川市特色产业园区名单（2个）\n"
            "1. 青川北江光电产业园（新型显示）\n2. 青川南山装备产业园（智能装备）\n"
            "二、专精特新“小巨人”企业（1家）\n1. 青川拓岳机械有限公司（青川南山装备产业园）\n")
    f = _triples(text)
    assert ("青川北江光电产业园", "receivedHonour", "青川市特色产业园区") in f  # 拟认定为 is not part of it
    assert ("青川南山装备产业园", "leadingIndustry", "智能装备") in f
    assert ("青川拓岳机械有限公司", "receivedHonour", "专精特新“小巨人”企业") in f  # an honour word with no level
    assert ("青川拓岳机械有限公司", "receivedHonour", "青川市特色产业园区") not in f


def test_a_headerless_column_of_sector_phrases_is_read_as_industries():
    text = ("一、江南省专精特新中小企业（3家）\n1、青川蔚然包装材料有限公司  绿色包装  东岸区\n"
            "2、青川迅达物流装备有限公司  物流装备  西岸区\n3、青川云梯软件有限公司  工业软件  东岸区\n")
    f = _triples(text)
    assert ("青川迅达物流装备有限公司", "inIndustry", "物流装备") in f
    assert ("青川蔚然包装材料有限公司", "inIndustry", "绿色包装") in f  # typed with its column
    assert not any(o.endswith("区") for _, p, o in f if p == "inIndustry")  # a district column is no industry


def test_a_headerless_column_with_no_sector_word_stays_untyped():
    text = ("一、江南省专精特新中小企业（2家）\n1、青川蔚然包装材料有限公司  东岸一号  东岸区\n"
            "2、青川迅达物流装备有限公司  西岸二号  西岸区\n")
    assert not any(p == "inIndustry" for _, p, _ in _triples(text))


def test_a_lead_in_colon_opens_a_semicolon_run_and_dash_items_under_the_titles_designation():
    text = ("青川市工业和信息化局\n关于2025年度青川市瞪羚企业拟认定名单的公示\n"
            "经企业申报和专家评审，现将拟认定的2025年度青川市瞪羚企业名单予以公示：\n"
            "青川澄明光电科技有限公司（青川北江光电产业园）；青川拓岳机械有限公司（青川南山装备产业园）；青川云梯软件有限公司\n"
            "——青川砺石建材有限公司（青川南山装备产业园）\n")
    f = _triples(text)
    for firm in ("青川澄明光电科技有限公司", "青川拓岳机械有限公司", "青川云梯软件有限公司", "青川砺石建材有限公司"):
        assert (firm, "receivedHonour", "青川市瞪羚企业") in f
    assert ("青川澄明光电科技有限公司", "locatedIn", "青川南山装备产业园") not in f  # each item keeps its own park


def test_two_designations_joined_name_none_for_a_record():
    text = "一、企业技术中心和专精特新中小企业（2家）\n1. 青川拓岳机械有限公司（青川南山装备产业园）\n2. 青川迅达物流装备有限公司（青川南山装备产业园）\n"
    assert all(r.designation is None for r in _records(text))


def test_a_lead_in_under_a_group_heading_keeps_the_groups_designation():
    text = "一、江南省瞪羚企业（2家）\n具体名单如下：\n1. 青川拓岳机械有限公司（青川南山装备产业园）\n2. 青川迅达物流装备有限公司（青川南山装备产业园）\n"
    assert [r.designation.name for r in _records(text)] == ["江南省瞪羚企业", "江南省瞪羚企业"]


def test_bracketed_parts_form_columns_too():
    text = ("一、江南省专精特新中小企业（2家）\n1. 青川蔚然包装材料有限公司（青川北江光电产业园，绿色包装）\n"
            "2. 青川迅达物流装备有限公司（青川南山装备产业园，物流装备）\n")
    f = _triples(text)
    assert ("青川蔚然包装材料有限公司", "inIndustry", "绿色包装") in f
    assert ("青川迅达物流装备有限公司", "locatedIn", "青川南山装备产业园") in f


def test_a_platform_field_of_a_firm_is_its_hosted_platform():
    text = ("一、2025年度青川市企业技术中心（2家）\n1. 青川拓岳机械有限公司（青川拓岳重载减速器研发中心）\n"
            "2. 青川迅达物流装备有限公司（青川迅达智能仓储研发中心）\n")
    f = _triples(text)
    assert ("青川拓岳机械有限公司", "hostsPlatform", "青川拓岳重载减速器研发中心") in f


def test_a_level_and_a_bare_kind_in_a_firms_brackets_is_an_honour_not_a_platform():
    text = ("一、企业获评情况（2家）\n1. 青川拓岳机械有限公司（省级企业技术中心）\n"
            "2. 青川迅达物流装备有限公司（青川迅达智能仓储研发中心）\n")
    f = _triples(text)
    assert ("青川拓岳机械有限公司", "receivedHonour", "省级企业技术中心") in f
    assert ("青川拓岳机械有限公司", "hostsPlatform", "省级企业技术中心") not in f
    assert ("青川迅达物流装备有限公司", "hostsPlatform", "青川迅达智能仓储研发中心") in f


def test_a_clause_under_a_heading_is_no_entry():
    text = "一、江南省瞪羚企业（1家）\n青川拓岳机械有限公司位于青川南山装备产业园\n"
    assert _records(text) == []
    f = _triples(text)
    assert not any(p == "receivedHonour" and "位于" in s for s, p, _ in f)
    assert any(s == "青川拓岳机械有限公司" and p == "locatedIn" for s, p, _ in f)
    assert _records("一、江南省瞪羚企业（1家）\n青川拓岳机械有限公司与江南大学共建青川重载传动联合实验室\n") == []


def test_a_run_closing_on_examples_of_a_kind_is_a_sentence_not_records():
    text = "三、重点企业\n园区集聚了荆门石桥电池有限公司、湖北岳川储能科技有限公司、湖北丰汇隔膜材料有限公司等一批骨干企业。\n"
    assert _records(text) == []
    text = "三、重点企业\n荆门石桥电池有限公司、湖北岳川储能科技有限公司、湖北丰汇隔膜材料有限公司\n"
    assert len(_records(text)) == 3


def test_one_name_field_pattern_opens_an_organisation_record_for_every_stage():
    from graph.extract.records import NAME_FIELD

    for line in ("公司名称：某某精工有限公司", "2、企业名称: 某某科技有限公司", "三、单位名称：某某研究院", "名称：某某中心"):
        m = NAME_FIELD.match(line)
        assert m is not None and line[m.end():].startswith("某某"), line
    assert NAME_FIELD.match("公司产品名录") is None
    assert NAME_FIELD.search("基本信息 机构名称：某某研究院").end() == len("基本信息 机构名称：")
