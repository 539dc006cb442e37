"""Events stage: dated happenings on made-up sentences."""

import datetime as dt

from graph.extract.events import find_dates, find_events
from graph.extract.mentions import find_mentions
from graph.text.clean import clean_text
from graph.text.segment import split_sentences


def events(text: str):
    sents = split_sentences(clean_text(text))
    return find_events(sents, find_mentions(sents).mentions)


def test_month_day_takes_the_dateline_year():
    evs = events("发布时间：2023-05-10\n5月8日，青溪智能装备有限公司与华东理工大学签署战略合作协议。")
    assert [(e.event_type, e.date) for e in evs] == [("signing", "2023-05-08")]
    assert set(evs[0].involves) >= {"青溪智能装备有限公司", "华东理工大学"}


def test_month_day_after_the_dateline_is_last_year():
    assert [d.date for d in find_dates("11月20日投产", today=dt.date(2024, 2, 1))] == ["2023-11-20"]


def test_relative_days():
    today = dt.date(2024, 7, 1)
    assert [d.date for d in find_dates("昨天开工", today=today)] == ["2024-06-30"]
    assert find_dates("近日获批", today=today) == []
    assert [d.date for d in find_dates("今年3月2日", today=today)] == ["2024-03-02"]


def test_full_date_types():
    got = events("2022年4月6日，蓝川新材料科技有限公司年产5万吨电解液项目在青溪工业园开工。")
    assert [(e.event_type, e.date) for e in got] == [("groundbreaking", "2022-04-06")]
    got = events("2021年9月9日，江屿电子股份有限公司在深圳证券交易所创业板上市。")
    assert [(e.event_type, e.date) for e in got] == [("listing", "2021-09-09")]
    assert "江屿电子股份有限公司" in got[0].involves


def test_plans_are_not_events():
    assert events("2022年4月6日，蓝川新材料科技有限公司宣布，项目将于年底投产。") == []
    assert events("蓝川新材料科技有限公司计划于2026年5月1日开工。") == []


def test_listed_company_is_not_a_listing():
    assert events("2022年4月6日，江屿电子股份有限公司成为上市公司供应商。") == []


def test_two_events_two_dates():
    got = events("2022年3月1日，青溪工业园管理委员会与华东理工大学签署合作协议；双方共建的青溪中试平台于2022年8月8日揭牌运行。")
    assert [(e.event_type, e.date) for e in got] == [("signing", "2022-03-01"), ("opening", "2022-08-08")]


def test_no_date_no_event():
    assert events("蓝川新材料科技有限公司年产5万吨电解液项目近日开工。") == []


def test_same_day_and_occasion_carry_the_date():
    text = (
        "发布时间：2023-05-10\n"
        "5月9日，青溪工业园举行产业合作大会。\n"
        "会上，蓝川新材料科技有限公司与华东理工大学签署合作协议。\n"
        "双方共建的青溪电池材料联合实验室同日揭牌。"
    )
    got = [(e.event_type, e.date) for e in events(text)]
    assert ("signing", "2023-05-09") in got and ("opening", "2023-05-09") in got


def test_each_counterpart_is_one_signing():
    text = "2023年5月9日，华东理工大学分别与蓝川新材料科技有限公司、江屿电子股份有限公司签署合作协议。"
    got = events(text)
    assert [e.event_type for e in got] == ["signing", "signing"]
    assert {frozenset(e.involves) for e in got} == {
        frozenset({"华东理工大学", "蓝川新材料科技有限公司"}),
        frozenset({"华东理工大学", "江屿电子股份有限公司"}),
    }


def test_clauses_of_a_list_are_separate_signings():
    text = (
        "2023年5月9日，青溪工业园举行产业合作大会。"
        "其中，蓝川新材料科技有限公司与华东理工大学签署合作协议；江屿电子股份有限公司与青溪智能装备有限公司签订采购协议。"
    )
    got = [e for e in events(text) if e.event_type == "signing"]
    assert len(got) == 2 and all(e.date == "2023-05-09" for e in got)


def test_dateline_run_into_a_heading():
    assert events("青溪工业园管理委员会办公室2023年5月10日一、项目签约，一个项目投产") == []


def test_award_with_a_day():
    got = events("2023年5月9日，蓝川新材料科技有限公司被青溪市工业和信息化局认定为青溪市制造业单项冠军企业。")
    assert [(e.event_type, e.date) for e in got] == [("award", "2023-05-09")]
    assert "蓝川新材料科技有限公司" in got[0].involves


def test_status_already_held_is_not_an_award():
    got = events("2023年5月9日，青溪中试平台揭牌运行，已被认定为省级公共服务示范平台。")
    assert [e.event_type for e in got] == ["opening"]


def test_detail_sentence_joins_its_event():
    text = "2023年5月9日，青溪工业园为新认定的企业集中授牌。其中，蓝川新材料科技有限公司被认定为青溪市制造业单项冠军企业。"
    got = [e for e in events(text) if e.event_type == "award"]
    assert len(got) == 1 and "蓝川新材料科技有限公司" in got[0].involves


def test_bare_head_noun_names_the_entity_before():
    text = "蓝川新材料科技有限公司与华东理工大学共建青溪电池材料联合研究院。研究院于2023年5月9日揭牌。"
    got = events(text)
    assert [(e.event_type, e.date) for e in got] == [("opening", "2023-05-09")]
    assert {"蓝川新材料科技有限公司", "华东理工大学"} <= set(got[0].involves) or "青溪电池材料联合研究院" in got[0].involves


def test_company_names_the_topic():
    text = "蓝川新材料科技有限公司由江屿控股集团有限公司控股。2023年5月9日，公司投资建设的电解液生产线正式投产。"
    got = events(text)
    assert [e.event_type for e in got] == ["production-start"]
    assert got[0].involves[0] == "蓝川新材料科技有限公司"


def test_ceremony_as_setting_is_not_a_new_event():
    text = "2023年5月9日，蓝川新材料科技有限公司电解液项目开工。公司董事长在开工仪式上表示，项目将于明年投产。"
    assert [e.event_type for e in events(text)] == ["groundbreaking"]


def test_verb_modifying_a_noun_is_not_the_event():
    text = "2023年5月9日，蓝川新材料科技有限公司收到青溪市科学技术局的通知，其与华东理工大学联合组建的研究中心获批认定。"
    assert "founding" not in [e.event_type for e in events(text)]


def test_same_day_events_of_one_type_are_kept_apart_by_day():
    text = (
        "2023年5月9日，青溪智造园知识产权服务站揭牌，蓝川新材料科技有限公司出席。"
        "2023年6月1日，蓝川新材料科技有限公司与华东理工大学签署合作协议。"
        "同日，蓝川新材料科技有限公司与华东理工大学共建的青溪电池材料联合实验室揭牌。"
    )
    assert [(e.event_type, e.date) for e in events(text) if e.event_type == "opening"][-1] == ("opening", "2023-06-01")


def test_founding_date_field():
    text = "二、标的公司基本情况\n1、公司名称：蓝川新材料科技有限公司\n2、注册资本：5000万元\n3、成立日期：2021年4月2日\n"
    got = events(text)
    assert [(e.event_type, e.date, e.involves) for e in got] == [("founding", "2021-04-02", ("蓝川新材料科技有限公司",))]


def test_cutoff_and_deadline_days_are_not_event_days():
    assert events("截至2024年6月30日，青溪工业园累计签约项目120个。") == []
    assert events("2024年6月30日前，蓝川新材料科技有限公司电解液项目必须开工。") == []
    assert events("2024年6月30日，青溪工业园新签约项目5个，总投资30亿元。") == []


def test_same_year_completes_a_month_day():
    assert [d.date for d in find_dates("2023年，公司成立，同年12月8日开工")] == ["2023-12-08"]


def test_what_an_approval_allows_is_not_a_second_event():
    got = events("2024年3月1日，青溪市人民政府批复同意设立青溪智造产业园。")
    assert [e.event_type for e in got] == ["approval"]
    got = events("2024年3月1日，蓝川药业股份有限公司自主研发的1类新药获国家药品监督管理局批准上市。")
    assert [e.event_type for e in got] == ["approval"]


def test_paragraph_year_completes_a_month_day():
    text = "发布时间：2025-02-10\n2023年，蓝川新材料科技有限公司加快布局。5月9日，公司电解液项目在青溪工业园开工。"
    assert [(e.event_type, e.date) for e in events(text)] == [("groundbreaking", "2023-05-09")]


def test_digits_a_pdf_spaced_apart():
    got = events("202 3年1 1月8日，蓝川新材料科技有限公司与华东理工大学签署合作协议。")
    assert [(e.event_type, e.date) for e in got] == [("signing", "2023-11-08")]


def test_one_date_reader_for_datelines_and_opening_years():
    from graph.extract.dates import read_dates

    sents = split_sentences(clean_text(
        "发布时间：2025-02-14\n【综述】去年，示范区新引进项目12个。\n在2023年，示范区新增企业40家。\n2024年3月1日 星期五\n今年，示范区投产项目5个。"
    ))
    known = read_dates(sents)
    assert known.date == dt.date(2025, 2, 14)
    assert sorted(known.opening_years.values()) == [2023, 2024, 2024]
    last = sents[-1].index
    assert known.date_at(last) == dt.date(2024, 3, 1)  # the later date line rules the sentences after it


def test_a_paragraph_opening_with_last_year_dates_its_month_days():
    evs = events("发布时间：2025-02-14\n去年，园区喜事不断。1月10日，青溪智能装备有限公司新厂房正式投产。")
    assert [(e.event_type, e.date) for e in evs] == [("production-start", "2024-01-10")]  # not 2025: the paragraph speaks of last year


def test_a_bilingual_dateline_with_a_latin_tail():
    from graph.extract.dates import dateline

    assert dateline("中国·江城市江城新区，2031年11月18日 / Jiangcheng, China, 18 November 2031") == dt.date(2031, 11, 18)
    assert dateline("2031年11月18日，江城精工零部件有限公司与江城大学签署合作协议。") is None


def test_a_platform_built_and_put_into_use_opens():
    evs = events("发布时间：2031-10-08\n9月26日，江城高新区与江城大学共建的江城先进陶瓷中试基地建成投用。")
    assert [(e.event_type, e.date) for e in evs] == [("opening", "2031-09-26")]


def test_a_groundbreaking_told_again_later_in_its_sentence_is_one_event():
    evs = events("发布时间：2031-12-08\n4月18日，江城新材料有限公司投资建设的年产5000吨钼靶材项目开工，"
                 "9月26日一期即建成投产，创造了当年开工、当年投产的新速度。")
    assert sorted((e.event_type, e.date) for e in evs) == [("groundbreaking", "2031-04-18"), ("production-start", "2031-09-26")]
