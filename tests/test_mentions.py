from graph.api import extract_text
from graph.extract.mentions import canonical_park_name, derive_short_names, detect_level, find_mentions
from graph.text.clean import clean_text
from graph.text.segment import split_sentences


def mentions(text):
    return find_mentions(split_sentences(clean_text(text)))


def keys(text, cls=None):
    return {m.key for m in mentions(text).mentions if cls is None or m.cls == cls}


def test_company_boundary_after_verb_and_park():
    assert keys("走进肇庆市星河新材料科技有限公司展厅。", "Enterprise") == {"肇庆市星河新材料科技有限公司"}
    assert keys("肇庆高新区企业广东鼎峰电子股份有限公司研发投入大。", "Enterprise") == {"广东鼎峰电子股份有限公司"}


def test_alias_definition_and_later_use():
    r = mentions("广东鼎峰电子股份有限公司（以下简称“鼎峰电子”）成立于2010年。鼎峰电子位于肇庆高新区。")
    assert r.aliases["鼎峰电子"] == "广东鼎峰电子股份有限公司"
    uses = [m for m in r.mentions if m.name == "鼎峰电子"]
    assert uses and all(m.key == "广东鼎峰电子股份有限公司" for m in uses)


def test_alias_without_quotes_and_xiacheng():
    r = mentions("江门市华材科技有限公司（简称华材科技）与五邑大学合作。")
    assert r.aliases["华材科技"] == "江门市华材科技有限公司"


def test_implicit_short_name():
    r = mentions("位于园区的广东聚力新材料股份有限公司是龙头。聚力新材料产品畅销。")
    assert any(m.name == "聚力新材料" and m.key == "广东聚力新材料股份有限公司" for m in r.mentions)


def test_park_abbreviation_is_one_entity():
    assert canonical_park_name("清远高新区") == "清远高新技术产业开发区"
    assert keys("肇庆高新区发展迅速。", "Park") == {"肇庆高新技术产业开发区"}


def test_generic_park_words_are_not_parks():
    assert keys("升级为国家高新区，各大园区环境优美，入驻高新区以来。", "Park") == set()


def test_count_heads_are_categories_not_names():
    assert keys("园区建成国家级科技企业孵化器2个、省级工程技术研究中心43家。", "Platform") == set()


def test_sub_park_and_platform_with_owner_prefix():
    ks = keys("清远高新区版权服务中心揭牌，位于清远高新区雄兴工业园。")
    assert "清远高新区版权服务中心" in ks and "雄兴工业园" in ks


def test_honours_quoted_and_by_suffix():
    hs = keys("该企业还是国家级制造业单项冠军企业，荣获“广东省名牌产品”称号。", "Honour")
    assert hs == {"国家级制造业单项冠军企业", "广东省名牌产品"}


def test_person_after_role_title():
    ps = keys("星河集团董事长李明表示，将加大投入。管委会副主任陈建文说。", "Person")
    assert ps == {"李明", "陈建文"}


def test_list_members_are_enterprises():
    es = keys("园区拥有嘉博制药、华能制药、在田药业等一大批知名企业。", "Enterprise")
    assert es == {"嘉博制药", "华能制药", "在田药业"}


def test_levels_and_short_names():
    assert detect_level("国家企业技术中心") == "national"
    assert detect_level("广东省名牌产品") == "provincial"
    assert "聚石化学" in derive_short_names("广东聚石化学股份有限公司")


def test_new_article_new_entities():
    """A text written for this test: a new company, university and honour."""
    text = (
        "近日，湖南湘江芯材科技股份有限公司（以下简称“湘江芯材”）与中南大学联合申报的项目荣获湖南省科学技术进步奖。"
        "湘江芯材坐落于长沙经开区。"
    )
    r = mentions(text)
    by_class = {(m.key, m.cls) for m in r.mentions}
    assert ("湖南湘江芯材科技股份有限公司", "Enterprise") in by_class
    assert ("中南大学", "University") in by_class
    assert ("湖南省科学技术进步奖", "Honour") in by_class
    assert ("长沙经济技术开发区", "Park") in by_class


def test_products_after_a_list_cue_and_with_model_numbers():
    ex = extract_text(
        "常州感知科技股份有限公司主营MEMS压力传感器、MEMS惯性传感器及MSA-300系列硅麦克风芯片，产品广泛应用于消费电子。"
        "湖北宜康生物医药股份有限公司核心产品盐酸多西环素、注射用头孢唑肟钠市场占有率稳居前列。"
        "宜昌光通科技有限公司的XG-800D型800G光模块已批量出货。"
    )
    products = {m.name for m in ex.mentions if m.cls == "Product"}
    assert {"MEMS压力传感器", "MEMS惯性传感器", "MSA-300系列硅麦克风芯片"} <= products
    assert {"盐酸多西环素", "注射用头孢唑肟钠"} <= products
    assert "XG-800D型800G光模块" in products
    made = {(r.subject, r.object) for r in ex.relations if r.predicate == "produces"}
    assert ("宜昌光通科技有限公司", "XG-800D型800G光模块") in made


def test_a_facility_after_a_product_cue_is_no_product():
    ex = extract_text("这里是广东华澄精密传动科技股份有限公司的总部和主要生产基地。")
    assert not any(m.cls == "Product" for m in ex.mentions)


def test_open_world_park_and_body_suffixes():
    ex = extract_text("襄樊市科学技术局 襄樊市经济和信息化局联合发文，支持鱼梁洲数字科创园和双沟绿色食品工业城发展。")
    got = {(m.key, m.cls) for m in ex.mentions}
    assert ("襄樊市科学技术局", "GovernmentBody") in got
    assert ("襄樊市经济和信息化局", "GovernmentBody") in got
    assert ("鱼梁洲数字科创园", "Park") in got
    assert ("双沟绿色食品工业城", "Park") in got


def test_a_list_title_names_no_platform():
    ex = extract_text("近日，四川省科学技术厅公布2024年度四川省工程技术研究中心名单。")
    assert not any(m.cls == "Platform" for m in ex.mentions)


def _people(text):
    return {m.name: m.rule for m in extract_text(text).mentions if m.cls == "Person"}


def test_people_written_name_then_title():
    got = _people("会议由苏婉清副市长主持，江门华材科技有限公司张伟（总经理）介绍了情况，王强副总经理出席。")
    assert got["苏婉清"] == "person:role-after:副市长"
    assert got["张伟"] == "person:role-after:总经理"
    # the reading that leaves the longer role wins: 王强 + 副总经理, not 王强副 + 总经理
    assert got["王强"] == "person:role-after:副总经理"


def test_a_role_word_inside_a_body_name_is_no_person():
    got = _people("管理委员会与施特劳斯集团签署合作协议，高新区管委会主任李四出席。")
    assert "管理" not in got and "高新区" not in got
    assert "李四" in got


def test_industry_chain_opening_a_sentence_is_an_industry():
    inds = {m.name for m in extract_text("磷基新材料产业链加速向高端延伸。2024年，新型储能产业链实现产值352.8亿元。").mentions if m.cls == "Industry"}
    assert {"磷基新材料", "新型储能"} <= inds


def test_a_verb_and_aspect_particle_are_cut_from_a_listed_industry():
    inds = {m.name for m in extract_text("园区形成了光伏、锂电新能源和光学电子三大主导产业。").mentions if m.cls == "Industry"}
    assert "光伏" in inds and "了光伏" not in inds


def test_ji_inside_a_chains_name_is_kept():
    inds = {m.name for m in extract_text("机器人及智能装备产业链链长为副市长陆承泽。").mentions if m.cls == "Industry"}
    assert "机器人及智能装备" in inds and "智能装备" not in inds


def test_a_place_before_an_industry_is_not_part_of_its_name():
    from graph.api import extract_text

    ex = extract_text("芜湖市新能源汽车产业链由副市长苏婉清担任链长。广东省生物医药产业链以嘉博制药为链主。")
    industries = {m.name for m in ex.mentions if m.cls == "Industry"}
    assert {"新能源汽车", "生物医药"} <= industries
    assert not any(n.startswith(("芜湖", "广东")) for n in industries)


def test_the_fast_canonical_copy_knows_every_field_of_a_mention():
    # find_mentions copies each mention with its canonical name field by field, not with dataclasses.replace
    from dataclasses import fields, replace

    from graph.extract.mentions import _MENTION_FIELDS, _with_canonical
    from graph.model import Mention

    assert tuple(f.name for f in fields(Mention)) == _MENTION_FIELDS
    m = Mention("鼎峰电子", "Enterprise", 3, 7, 1, "alias:use", level="municipal")
    assert _with_canonical(m, "广东鼎峰电子股份有限公司") == replace(m, canonical="广东鼎峰电子股份有限公司")


def test_the_list_head_prefilter_lets_every_list_head_through():
    # _may_hold_list_head skips _LIST_HEAD_RE where it cannot match; it must never skip a match
    from pathlib import Path

    from graph.extract.mentions import _LIST_HEAD_RE, _may_hold_list_head

    root = Path(__file__).parent
    texts = [s.text for p in sorted(root.glob("*/*.txt")) for s in split_sentences(clean_text(p.read_text(encoding="utf-8")))]
    texts += ["公司产品销往华为、比亚迪和宁德时代等一大批知名企业", "引进了甲公司、乙公司等以新材料为代表的龙头企业"]
    matched = [t for t in texts if _LIST_HEAD_RE.search(t)]
    assert matched and all(_may_hold_list_head(t) for t in matched)
