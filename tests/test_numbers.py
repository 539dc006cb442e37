from decimal import Decimal

import pytest

from graph.extract.numbers import find_quantities, parse_chinese_numeral


@pytest.mark.parametrize(
    "text,value,unit",
    [
        ("517亿元", "51700000000", "CNY"),
        ("7.86 亿元", "786000000", "CNY"),
        ("2000 万元以上", "20000000", "CNY"),
        ("3000 吨", "3000", "tonne"),
        ("年产6万吨", "60000", "tonne"),
        ("增长8.9%", "8.9", "percent"),
        ("165家", "165", "count"),
        ("有三家", "3", "count"),
        ("共两个", "2", "count"),
        ("5.74亿元", "574000000", "CNY"),
    ],
)
def test_normalises_to_base_units(text, value, unit):
    q = find_quantities(text)[0]
    assert q.value == Decimal(value) and q.unit == unit


def test_bounds():
    assert find_quantities("超过3000吨")[0].bound == "min"
    assert find_quantities("40多家")[0].bound == "min"
    assert find_quantities("2000万元以下")[0].bound == "max"


def test_chinese_numerals():
    assert parse_chinese_numeral("十二") == 12
    assert parse_chinese_numeral("一百零五") == 105


def test_chinese_numeral_inside_words_is_not_a_number():
    assert find_quantities("一批企业") == []


def test_measure_words_of_two_characters_and_occasions():
    assert [(str(q.value), q.unit) for q in find_quantities("全年提供检测服务2.4万批次，举办对接会12场")] == [
        ("24000", "count"), ("12", "count")]
    assert find_quantities("建有3场地") == []  # 场地 is a noun, not the measure word 场


def test_a_number_of_months_or_hours_is_a_length_of_time_not_a_count():
    assert find_quantities("设备已连续运行10个月，检修用时3个工作日") == []
    assert [str(q.value) for q in find_quantities("新签项目10个，月均增长")] == ["10"]


def test_shares_are_counted_but_not_a_shareholding():
    assert [(str(q.value), q.unit) for q in find_quantities("公开发行股票3,000万股")] == [("30000000", "count")]
    assert find_quantities("第一大股东") == []


def test_zhang_counts_certificates():
    from graph.extract.numbers import find_quantities
    (q,) = find_quantities("注册证新增57张")
    assert (q.value, q.unit) == (57, "count")


def test_date_line_with_a_time_after_the_day():
    import datetime as dt

    from graph.extract.dates import dateline
    assert dateline("2025-09-2708:15来源：青川日报") == dt.date(2025, 9, 27)


def test_ji_yishang_is_a_floor():
    from graph.extract.numbers import find_quantities
    (q,) = find_quantities("年主营业务收入2000万元及以上的工业企业")
    assert (q.value, q.unit, q.bound) == (20000000, "CNY", "min")


def test_yuan_inside_a_word_is_no_amount():
    from graph.extract.numbers import find_quantities
    assert find_quantities("采用长链二元酸发酵工艺") == []
    assert [str(q.value) for q in find_quantities("补贴五万元。")] == ["50000"]
