"""Figures as observations: indicator, entity, time, value in base units."""

from decimal import Decimal

from graph.api import extract_text


def obs(text):
    return {(o.entity, o.indicator, o.year, o.value, o.unit) for o in extract_text(text).observations}


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


def test_capacity_belongs_to_the_project():
    got = obs("广东星河新材料有限公司年产6万吨铜带项目落户肇庆高新区。")
    assert any(e.endswith("项目") and v == Decimal("60000") and u == "tonne" for e, _, _, v, u in got)
