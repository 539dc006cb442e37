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


def test_a_name_starts_after_a_role_noun_or_a_verb_of_placing():
    assert keys("主要客户日本星野光学株式会社采购量上升。", "Enterprise") == {"日本星野光学株式会社"}
    assert keys("海上风电整机制造商青川动力装备有限公司入驻。", "Enterprise") == {"青川动力装备有限公司"}
    assert keys("研究院设在青川动力研发中心。", "Platform") == {"青川动力研发中心"}
    assert not keys("林远航教授担任实验室主任。", "Platform")
    assert not any("选址" in k for k in keys("两个项目均选址园区东片区。", "Park"))
    assert not keys("此文不代表公司立场。", "Enterprise")


def test_joint_centres_and_test_platforms_are_platforms():
    assert keys("两家企业共建高分子膜材料联合研发中心。", "Platform") == {"高分子膜材料联合研发中心"}
    assert keys("学校与企业组建储能材料联合研究院。", "Platform") == {"储能材料联合研究院"}
    assert keys("园区建成功率器件公共测试平台。", "Platform") == {"功率器件公共测试平台"}


def test_a_universitys_school_is_no_university():
    found = mentions("由江城大学材料与化学工程学院林远航教授担任主任，与东海学院、江城理工学院合作。").mentions
    assert {m.key for m in found if m.cls == "University"} == {"江城大学", "东海学院", "江城理工学院"}
    assert "林远航" in {m.key for m in found if m.cls == "Person"}
    assert not keys("化学工程学院院长宋明山表示。", "University")


def test_an_academys_institute_is_one_name_even_with_yu_inside():
    assert keys("公司与中国农业科学院土壤与肥料研究所签约。", "ResearchInstitute") == {"中国农业科学院土壤与肥料研究所"}
    assert keys("中国科学院东海海洋研究所与园区签约。", "ResearchInstitute") == {"中国科学院东海海洋研究所"}


def test_honour_titles_lose_a_leading_particle_year_or_batch():
    assert keys("该成果获得了江城市科学技术进步奖一等奖。", "Honour") == {"江城市科学技术进步奖一等奖"}
    assert keys("该成果获2022年度江城市科学技术进步奖二等奖。", "Honour") == {"江城市科学技术进步奖二等奖"}
    found = mentions("公司入选工业和信息化部第七批制造业单项冠军产品。").mentions
    assert {m.key for m in found if m.cls == "Honour"} == {"制造业单项冠军产品"}
    assert "工业和信息化部" in {m.key for m in found if m.cls == "GovernmentBody"}
    assert keys("其钻机入选江西省首台（套）重大技术装备。", "Honour") == {"江西省首台（套）重大技术装备"}


def test_a_name_starts_after_a_localizer_or_a_verb_of_appointment():
    assert {m.name for m in mentions("在年度工作会议上青川高新区党工委作报告。").mentions if m.cls == "Park"} == {"青川高新区"}
    assert not keys("新厂房投产后公司产能翻番。", "Enterprise")
    assert not keys("归属于上市公司股东的净利润增长。", "Enterprise")
    assert not keys("林远航任实验室主任。", "Platform")


def test_a_company_named_for_an_institute_is_one_company():
    assert keys("苏州星河光学研究院有限公司为其全资子公司。", "Enterprise") == {"苏州星河光学研究院有限公司"}
    assert not keys("苏州星河光学研究院有限公司为其全资子公司。", "ResearchInstitute")


def test_regulators_and_economic_bureaus_are_government_bodies():
    assert keys("新药获得国家药品监督管理局批准。", "GovernmentBody") == {"国家药品监督管理局"}
    assert "青川高新技术产业开发区经济运行局" in keys("本公报由青川高新技术产业开发区经济运行局发布。", "GovernmentBody")


def test_a_counted_list_of_sub_parks_names_parks():
    found = keys("青川高新区下辖东湖智造园、西岭材料园和南山科技城三个片区。", "Park")
    assert {"东湖智造园", "西岭材料园"} <= found


def test_zhizao_parks_and_a_name_after_luodi():
    assert keys("项目落地东湖智造园。", "Park") == {"东湖智造园"}
    assert keys("企业入驻西岭智造港。", "Park") == {"西岭智造港"}


def test_a_person_after_a_title_before_a_verb_of_leading_or_attending():
    assert keys("该课题由公司副总经理程远舟牵头实施。", "Person") == {"程远舟"}
    assert keys("首席技术官邱景宁博士领衔研发团队。", "Person") == {"邱景宁"}
    assert keys("江城大学副校长孙晓岚出席签约仪式。", "Person") == {"孙晓岚"}


def test_a_name_before_bracketed_titles():
    assert keys("研发由邱景宁（副总经理、首席技术官）负责。", "Person") == {"邱景宁"}
    assert keys("孙晓岚（检测中心主任）和她的团队。", "Person") == {"孙晓岚"}


def test_projects_by_capacity_in_more_units_and_after_total_investment():
    assert keys("公司投资5亿元建设的年产2000万支医用导管生产线投产。", "Project") == {"年产2000万支医用导管生产线"}
    assert keys("5月8日，公司年产10GW光伏组件扩产项目在园区开工。", "Project") == {"年产10GW光伏组件扩产项目"}
    assert keys("总投资12亿元的智能电控系统项目正式落户。", "Project") == {"智能电控系统项目"}


def test_more_product_heads_after_a_product_cue():
    assert keys("子公司负责高分子密封元件的研发制造。", "Product") == {"高分子密封元件"}
    assert keys("公司专注于船用柴油发电机组。", "Product") == {"船用柴油发电机组"}


def test_product_lists_after_zhuying_yewu_and_without_qi_items():
    assert keys("公司主营业务为船用齿轮箱、液压绞车和电动锚机。", "Product") >= {"船用齿轮箱", "液压绞车", "电动锚机"}
    assert not any(k.startswith(("其", "业务")) for k in keys("主要从事碳化硅纤维及其复合材料的研发。主营业务概况如下。", "Product"))
    assert keys("公司专注船用电力推进系统的研发。", "Product") == {"船用电力推进系统"}


def test_a_grade_word_opens_a_product_name():
    assert keys("项目建成后可年产电子级盐酸、电子级硝酸等产品5万吨。", "Product") >= {"电子级盐酸", "电子级硝酸"}
    assert keys("公司主要原料工业级纯碱由本地企业供应。", "Product") == {"工业级纯碱"}


def test_a_lab_named_for_both_partners_across_a_dash():
    assert "江城大学—青川动力智能电驱联合实验室" in keys("双方共建的“江城大学—青川动力智能电驱联合实验室”揭牌。", "Platform")


def test_leading_industries_ending_a_sentence_or_alone():
    assert {"海洋装备", "声学电子"} <= keys("园区主导产业为海洋装备、声学电子和生物医药。", "Industry")
    assert "海洋装备" in keys("园区以海洋装备为主导产业，已集聚企业20家。", "Industry")
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


def test_circled_number_project_items_and_no_project_across_a_bar():
    text = "①海洋牧场装备基地项目｜投资方：青川海工装备有限公司｜总投资8亿元②深海网箱总装项目｜投资方：东岭渔业有限公司"
    projects = keys(text, "Project")
    assert {"海洋牧场装备基地项目", "深海网箱总装项目"} <= projects
    assert not any("｜" in p for p in projects)


def test_an_honour_cue_before_a_year_still_cues_the_title():
    assert keys("该成果获得2024年青川专利奖金奖。", "Honour") == {"青川专利奖金奖"}


def test_talent_programmes_are_honours():
    assert keys("团队入选江西省赣江产业领军人才工程。", "Honour") == {"江西省赣江产业领军人才工程"}


def test_a_project_a_company_is_building_and_no_project_in_a_title_or_centre():
    assert "智能座舱扩产项目" in keys("青川动力装备有限公司正在建设智能座舱扩产项目。", "Project")
    assert not keys("青川动力装备有限公司建有省级材料工程技术研究中心。", "Project")
    assert not keys("中心主任由青川动力装备有限公司总工程师林远航担任。", "Project")


def test_a_heading_number_is_no_part_of_a_name():
    assert not keys("（二）创新平台", "Platform")
    assert keys("（三）青川新材料研发中心", "Platform") == {"青川新材料研发中心"}


def test_a_compass_word_may_start_a_company_name():
    assert keys("公司与北方星途能源科技有限公司签约。", "Enterprise") == {"北方星途能源科技有限公司"}


def test_longer_leading_industries_in_a_yi_wei_list():
    inds = keys("园区以智能网联汽车零部件和新一代信息技术为主导产业。", "Industry")
    assert {"智能网联汽车零部件", "新一代信息技术"} <= inds


def test_a_party_secretarys_committee_is_no_separate_body():
    found = mentions("青川高新区党工委书记、管委会主任林远航出席。").mentions
    assert not any(m.name.endswith("党工委") for m in found if m.cls == "GovernmentBody")
    assert "林远航" in {m.key for m in found if m.cls == "Person"}


def test_a_body_named_after_a_parks_short_name_takes_the_full_name():
    text = "江城青川高新技术产业开发区（以下简称“青川高新区”）位于江城。青川高新区管委会与江城大学签约。"
    bodies = {m.key for m in mentions(text).mentions if m.cls == "GovernmentBody"}
    assert bodies == {"江城青川高新技术产业开发区管理委员会"}


def test_a_platform_body_of_generic_words_names_no_platform():
    assert not keys("双方在园区综合服务中心签约。", "Platform")
    assert not keys("该公司在江城设立中国研发中心。", "Platform")
    assert not keys("建设中试车间和共享实验室。", "Platform")


def test_an_unquoted_patent_title_before_its_number():
    text = "1 一种高纯氧化锆粉体的制备方法 ZL202310000001.5 青川新材料有限公司"
    assert keys(text, "Patent") == {"一种高纯氧化锆粉体的制备方法"}


def test_a_cue_word_right_before_a_company_suffix_is_part_of_the_name():
    assert keys("建设单位为湖州东岭开发建设有限公司。", "Enterprise") == {"湖州东岭开发建设有限公司"}


def test_instrument_and_material_heads_end_product_names():
    # made-up firms: a gauge, a laser and a chemical named by their last character or word
    text = (
        "安平光电有限公司专注于皮秒固体激光器研发。"
        "其KT-350型三轴光纤陀螺仪于今年量产，KT-9系列双列圆锥滚子主轴承也已交付。"
        "公司推出了新型电子级清洗液和高纯氢氟酸。"
    )
    products = keys(text, "Product")
    assert {"皮秒固体激光器", "KT-350型三轴光纤陀螺仪"} <= products
    # a one-character head ends a name only where the word ends (液 of 液压 is no head)
    ex = keys("宜川汽车有限公司推出的QT-200电子液压制动系统已装车。", "Product")
    assert "QT-200电子液压制动系统" in ex and "QT-200电子液" not in ex


def test_person_after_title_then_a_verb_or_particle():
    people = keys("远航公司董事长周景松任协会会长，副总裁陆昊在会上发言，总经理邹立东反映用工紧张。", "Person")
    assert {"周景松", "陆昊", "邹立东"} <= people
    assert "陆昊在" not in people


def test_pronouns_copulas_and_kinds_are_no_company_names():
    text = ("陶某系公司创始人，现任公司董事长。今年该公司扩产。发行人的子公司情况如下。"
            "子企业专门为母公司配套。南平云帆是福建云帆新材料股份有限公司的全资子公司。")
    firms = keys(text, "Enterprise")
    assert "福建云帆新材料股份有限公司" in firms
    assert not any(f.endswith("公司") and f[:-2] in ("陶某系", "现任", "今年该", "发行人的子", "专门为母") for f in firms)
    assert not any("是" in f for f in firms)


def test_projects_of_companies_opening_list_items():
    text = ("本次签约项目如下：\n——湖州青岚新材料有限公司高性能碳纤维复合材料项目，总投资8亿元。\n"
            "（2）杭州明越电子有限公司功率模块封装基地项目，总投资5亿元；")
    projects = {m.name for m in mentions(text).mentions if m.cls == "Project"}
    assert "湖州青岚新材料有限公司高性能碳纤维复合材料项目" in projects
    assert "杭州明越电子有限公司功率模块封装基地项目" in projects


def test_product_list_ends_at_a_bracket_or_a_count_and_skips_headings():
    text = ("一、主营业务、主要产品及其变化情况\n"
            "公司主要产品包括光纤陀螺仪、激光测距仪和惯性导航单元（INS）三大类。"
            "青禾公司主要生产船用钢缆和绞机，主要产品为高导热石墨烯膜和硅碳负极浆料两大类。")
    products = keys(text, "Product")
    assert {"光纤陀螺仪", "激光测距仪", "惯性导航单元", "船用钢缆", "绞机", "硅碳负极浆料"} <= products
    assert "主要产品" not in products and not any(p.endswith(("大类", "和绞机")) for p in products)


def test_people_listed_after_a_cue_that_announces_them():
    people = keys("公司核心技术人员为苏明远、韩青和邵立峰。", "Person")
    assert {"苏明远", "韩青", "邵立峰"} <= people
    assert not keys("公司核心技术人员为研发部门和质量部门。", "Person")


def test_leading_industries_with_a_count_after_wei():
    ex = extract_text("宁川产业园以精密仪器、生物医药和纺织智造为三大主导产业。")
    industries = {m.name for m in ex.mentions if m.cls == "Industry"}
    assert "纺织智造" in industries and "纺织智造为" not in industries


def test_appointment_verbs_end_no_platform_name():
    text = "联合实验室同日揭牌，林思远出任实验室主任。总经理许文静兼任孵化器主任。"
    assert not any(k.startswith(("林思远", "总经理")) for k in keys(text, "Platform"))


def test_central_regulators_and_a_government_press_office():
    text = "根据中国证监会的分类指引，发布会由南川市人民政府新闻办公室主持。"
    bodies = keys(text, "GovernmentBody")
    assert {"中国证监会", "南川市人民政府新闻办公室"} <= bodies


def test_an_address_before_a_park_named_after_its_place():
    parks = keys("公司注册地位于清远市清城区清远云谷智能制造产业园。", "Park")
    assert "清远云谷智能制造产业园" in parks
    assert not any(p.startswith("清远市清城区") for p in parks)


def test_products_as_the_subject_of_a_supply_or_award_verb():
    text = "青川材料有限公司的碳化硅基板已批量供应多家客户，其车规级功率模块被认定为省级新产品。其中部分产品进入海外市场。"
    products = keys(text, "Product")
    assert {"碳化硅基板", "车规级功率模块"} <= products
    assert not any(p.startswith("中") for p in products)


def test_products_after_a_plain_production_verb():
    text = "园内的南岭精工有限公司专门为整车厂生产高精度齿轮减速器，产品为碳纤维棒材和芳纶纤维。购置检测等生产设备，生产所需主要原材料为硅钢。"
    products = keys(text, "Product")
    assert {"高精度齿轮减速器", "碳纤维棒材", "芳纶纤维"} <= products
    assert "设备" not in products and not any("为" in p for p in products)


def test_a_chain_after_a_park_short_name_names_only_the_industry():
    text = "宁川新材料产业园（以下简称“宁川新材园”）位于江北。作为宁川新材园稀土永磁产业链链主企业，青禾机器人有限公司扩产。"
    industries = keys(text, "Industry")
    assert "稀土永磁" in industries
    assert not any("园" in i for i in industries)


def test_a_machine_named_like_a_centre_is_a_product_not_a_platform():
    text = "青岭数控机床有限公司主要生产立式加工中心和龙门加工中心，年产加工中心500台。"
    assert not keys(text, "Platform")
    assert {"立式加工中心", "龙门加工中心"} <= keys(text, "Product")


def test_what_a_park_focuses_on_is_an_industry():
    text = "宁川智能装备产业园聚焦智能传感器和精密减速器，全年产值增长9%。"
    assert {"智能传感器", "精密减速器"} <= keys(text, "Industry")
    assert not keys(text, "Product") & {"智能传感器", "精密减速器"}


def test_industries_after_a_kind_of_industry_and_a_copula():
    text = "宁川生命健康产业园的特色产业是体外诊断和细胞治疗。"
    assert {"体外诊断", "细胞治疗"} <= keys(text, "Industry")


def test_alliances_and_new_material_parks_by_suffix():
    text = "宁川储能产业技术创新联盟成立，联盟秘书处设在宁川江北化工新材料园。"
    assert "宁川储能产业技术创新联盟" in keys(text, "Platform")
    assert "宁川江北化工新材料园" in keys(text, "Park")


def test_a_platform_named_for_two_short_partners_joined_by_a_dash():
    text = "孵化器与宁川理工大学共建的青禾—宁理工储能材料概念验证中心揭牌。"
    platforms = keys(text, "Platform")
    assert "青禾—宁理工储能材料概念验证中心" in platforms
    assert "宁理工储能材料概念验证中心" not in platforms


def test_no_person_from_a_workshop_or_a_doubled_word_before_a_title():
    text = "大家都叫他“车间主任”。谢谢段主任。下面请提问。"
    assert not keys(text, "Person")


def test_a_colophon_line_names_no_entity():
    text = "青禾产业园上半年产值增长9%。\n来源：青禾产业园经济发展局\n编辑：林晓"
    bodies = keys(text, "GovernmentBody")
    assert not any(b.endswith("经济发展局") for b in bodies)


def test_a_size_range_before_a_listed_product_and_a_producer_noun():
    text = "青禾重工有限公司主要生产5兆瓦至10兆瓦风电主轴，是国内主要生产商之一。"
    products = keys(text, "Product")
    assert "风电主轴" in products
    assert not any(p.startswith(("5兆瓦", "商")) for p in products)


def test_a_product_opening_its_clause_before_a_sourcing_verb():
    text = "公司光学镜片主要委托外协厂加工，驱动芯片主要采购自广州青禾微电子有限公司。"
    assert {"光学镜片", "驱动芯片"} <= keys(text, "Product")
    assert "公司光学镜片" not in keys(text, "Product")


def test_an_industry_label_inside_an_association_name_is_no_industry():
    assert "新能源" not in keys("本刊由宁川市新能源行业协会主办。", "Industry")
    assert "新能源" in keys("园区重点发展新能源产业。", "Industry")


def test_products_listed_as_a_clause_subject_before_a_supply_verb():
    text = "青禾储能有限公司营收增长20%，储能逆变器和户用储能电池进入多家电力企业供应链。其中部分产品已出口。"
    products = keys(text, "Product")
    assert {"储能逆变器", "户用储能电池"} <= products
    assert not any(p.startswith("其中") for p in products)


def test_a_main_product_column_lists_products_and_latin_words_keep_one_cell():
    # a 主导产品 cell names what the listed firm makes, items parted by 、; a space between
    # two Latin words (5G NR模组) parts no cells, so the row still fits its header
    text = (
        "一、2024年度青禾区创新型企业名单（2家）\n"
        "序号 企业名称 所在园区 主导产品 营业收入（万元）\n"
        "1 青禾精密机械有限公司 北岸智造园 数控转台、精密丝杠 12,300\n"
        "2 青禾通信科技有限公司 南湖科创园 5G NR模组、射频前端 8,450\n"
    )
    assert {"数控转台", "精密丝杠", "5G NR模组", "射频前端"} <= keys(text, "Product")
    assert "南湖科创园" in keys(text, "Park")


def test_leading_industries_after_a_count_and_a_verb_opening_a_listed_name():
    # 主导产业是三个：A、B和C — a count and a colon may stand between the cue and the list;
    # an item after a list mark is a whole name even when its first word reads as a verb (显示)
    text = "青禾园区的主导产业是三个：新型储能、显示面板和精细化工。"
    assert {"新型储能", "显示面板", "精细化工"} <= keys(text, "Industry")


def test_a_preposition_jieba_reads_into_a_name_and_a_head_institute():
    # 由龙溪片区…组成: jieba tags 由龙溪 as a person's name; 由 is no part of the park's name
    assert keys("青禾产业园由东溪片区和北岭片区组成。", "Park") >= {"东溪片区", "北岭片区"}
    assert not any(k.startswith("由") for k in keys("青禾产业园由东溪片区和北岭片区组成。", "Park"))
    # 科学研究总院: a head institute is a research institute
    assert "中国青禾材料科学研究总院" in keys("园区与中国青禾材料科学研究总院签署合作协议。", "ResearchInstitute")


def test_a_title_counted_then_listed_is_an_honour_not_a_category():
    # 新增…企业2家：甲、乙 — the colon opens the holders, so the title is an honour;
    # counted without a list it stays a category
    listed = "今年新增省级专精特新企业2家：青禾精工有限公司、白石传感有限公司。"
    assert "省级专精特新企业" in keys(listed, "Honour")
    assert not keys("今年新增省级专精特新企业12家，总数达到60家。", "Honour")


def test_glass_and_cabinet_heads_and_a_decimal_inside_a_listed_product():
    # 玻璃 and 柜 end product names; a size with a decimal point (3.2毫米) stays in the name
    text = "青禾光能有限公司主要生产3.2毫米镀膜光伏玻璃和户外储能柜。"
    assert {"3.2毫米镀膜光伏玻璃", "户外储能柜"} <= keys(text, "Product")


def test_a_parks_focus_wider_than_an_industry_label_keeps_its_full_words():
    # 某片区聚焦钨钼新材料: the focus is 钨钼新材料, not only the label 新材料 inside it
    assert "钨钼新材料" in keys("青禾片区聚焦钨钼新材料，发展很快。", "Industry")
    # without a park before the focus verb the label stays as it was
    assert keys("公司专注于钨钼新材料。", "Industry") == {"新材料"}


def test_a_chain_segments_leader_names_an_industry_and_a_leader_word_opens_no_name():
    # X环节的龙头企业: a segment of a chain is an industry; 龙头企业 before a name is no part of it
    text = "电池回收环节的龙头企业青禾循环科技有限公司发展很快。"
    assert "电池回收" in keys(text, "Industry")
    assert keys(text, "Enterprise") == {"青禾循环科技有限公司"}


def test_a_capacity_in_gigawatts_before_a_product():
    assert "钙钛矿叠层电池" in keys("青禾光能有限公司年产2GW钙钛矿叠层电池项目开工。", "Product")


def test_a_medal_is_an_honour():
    assert "全国五一劳动奖章" in keys("她荣获全国五一劳动奖章。", "Honour")


def test_ren_before_a_second_title_and_a_kind_of_company_after_a_verb_of_giving():
    # 负责人任组长: 任 (serve as) opens no person's name before a title
    assert not keys("成立由园区主要负责人任组长的领导小组。", "Person")
    assert "王建国" in keys("组长王建国主持会议。", "Person")
    # 供给母公司, 发行人子公司: a kind of company, not a name
    assert not keys("它生产的石英砂全部供给母公司。", "Enterprise")
    assert not keys("五、发行人子公司情况", "Enterprise")


def test_a_name_starts_after_a_house_number_and_after_tongchu():
    # 青禾路18号青禾智能装备有限公司: the house number ends the address
    assert keys("地址：青禾路18号青禾智能装备有限公司", "Enterprise") == {"青禾智能装备有限公司"}
    # 同处某产业园: 同处 (located in the same) opens no park name
    assert keys("两家企业同处白石产业园。", "Park") == {"白石产业园"}


def test_a_brand_mark_opens_a_product_name():
    assert "深海养殖网箱" in keys("“青禾”牌深海养殖网箱系列产品再获订单！", "Product")
    # without 系列/产品 after it the name ends at its last product head
    products = keys("公司“白石”牌工业机器人销往东南亚。", "Product")
    assert "工业机器人" in products and not any("销往" in p for p in products)


def test_products_after_the_company_word_opening_a_clause_before_a_supply_verb():
    # ，公司A和B配套…: 公司 is the owner; a one-character head (液) ends a name before a supply verb
    text = "显示领域，公司显影液和清洗液配套苏州青禾显示科技有限公司的面板产线。"
    products = keys(text, "Product")
    assert {"显影液", "清洗液"} <= products
    assert not any(p.startswith("公司") for p in products)


def test_the_speaker_after_a_quotation_is_a_person():
    # “……”覃某某说: the name between the closing quote and a verb of speech
    assert "韦明远" in keys("“产品要经得起路试。”韦明远说。", "Person")
    assert "欧阳明月" in keys("“订单翻了一番。”欧阳明月表示，明年还要扩产。", "Person")
    assert not keys("“订单翻了一番。”高管说。", "Person")


def test_a_limited_partnership_is_an_enterprise():
    text = "本轮由青禾创业投资合伙企业（有限合伙）领投。"
    assert "青禾创业投资合伙企业（有限合伙）" in keys(text, "Enterprise")


def test_bureaus_of_a_city_or_a_park_are_government_bodies():
    text = "青禾高新区科技创新局发布通知，镇江市投资促进局和镇江市财政局联合发文。"
    assert {"青禾高新区科技创新局", "镇江市投资促进局", "镇江市财政局"} <= keys(text, "GovernmentBody")


def test_products_each_after_its_maker_and_de_before_a_supply_verb():
    # 甲公司的A、乙公司的B均已进入…: each item's words after 的 name its maker's product
    text = "苏州青禾材料有限公司的高纯电解液、苏州白石精密有限公司的圆柱钢壳均已进入宁川电池供应链。"
    assert {"高纯电解液", "圆柱钢壳"} <= keys(text, "Product")


def test_a_product_after_a_process_verb_ending_before_an_adverb():
    # 它提纯的X现在…: 提纯的 names what the maker makes; a one-character head (砂) ends the
    # name before an adverb opening the predicate
    assert "高纯石英砂" in keys("青禾矿业有限公司提纯的高纯石英砂目前全部外销。", "Product")


def test_a_product_after_a_supply_verb_whose_buyer_comes_first_and_greek_letters_in_a_name():
    # 为某车企配套供应X / 为其供应X: the buyer stands before the verb, the product after it
    assert "电机控制器" in keys("宁川青禾电子有限公司为白石汽车配套供应电机控制器。", "Product")
    assert "仪表外壳" in keys("其中宁川科盛注塑有限公司为其供应仪表外壳。", "Product")
    assert not keys("公司产品进入其供应链体系。", "Product")
    # a Greek letter inside a drug's name (干扰素α1b)
    assert "重组人干扰素α1b注射液" in keys("公司主要产品为重组人干扰素α1b注射液。", "Product")


def test_plate_tube_and_strip_heads_and_two_character_subject_products():
    # 其钛板、钛带和钛焊管进入…: metal plate, strip and tube; two characters name a product here
    products = keys("宁川钛业营收增长，其锆板、锆带和锆焊管进入多家船厂供应链。", "Product")
    assert {"锆板", "锆带", "锆焊管"} <= products
    assert not keys("公司管理团队带领员工攻坚。", "Product")


def test_the_field_a_firm_stands_in_is_an_industry():
    # 在X领域具有…: the field before a verb of standing; not a scope (该领域, 国内同行业)
    assert "稀土永磁" in keys("青禾集团在稀土永磁领域具有国内领先的综合实力。", "Industry")
    assert not keys("公司在该领域具有领先优势。", "Industry")
    assert not keys("公司在国内同行业处于领先地位。", "Industry")


def test_a_rank_among_platforms_and_a_described_holder_name_no_entity():
    # 成为园区首个省级工程研究中心: a rank, no platform's name
    assert not keys("该中心成为园区首个省级工程研究中心。", "Platform")
    # 一家由…创办的专精特新企业: the description before 的 is no part of the title
    assert not any(h.startswith("一家") for h in keys("青禾传感是一家由海归团队创办的专精特新企业。", "Honour"))
    assert "国家级专精特新企业" in keys("公司是国家级专精特新企业。", "Honour")


def test_a_classified_industry_counted_directions_and_a_backbone_firms_field():
    # 所属行业为“…制造业（C39）”: the classification's name whole, its code dropped
    text = "公司所属行业为“计算机、通信和其他电子设备制造业（C39）”。"
    assert "计算机、通信和其他电子设备制造业" in keys(text, "Industry")
    # 围绕A和B两个孵化方向: directions are fields; 两个专业方向 are majors
    assert {"集成电路", "先进材料"} <= keys("孵化器围绕集成电路和先进材料两个孵化方向布局。", "Industry")
    assert not keys("学院开设机械、化学两个专业方向。", "Industry")
    # 是我省X行业的骨干企业 / X配套的骨干企业
    assert "汽车零部件" in keys("青禾精工是园区汽车零部件配套的骨干企业。", "Industry")


def test_a_count_after_a_park_names_no_platform():
    # 某产业园新增两家省级工程技术研究中心: a count of platforms, not one platform's name
    assert not keys("今年白石电子产业园新增两家省级工程技术研究中心。", "Platform")


def test_a_list_mark_is_inside_no_organisation_name():
    assert not keys("各县（市、区）科技局，各开发区管委会：", "GovernmentBody") & {"（市、区）科技局"}


def test_a_companys_new_facility_starting_work_is_a_project():
    # 某公司X车间开工建设 / 某公司的X智能工厂建成投产: the facility (without the company) is a project
    text = "9月3日，青禾重工股份有限公司5万吨级海工模块总装车间开工建设。"
    assert "5万吨级海工模块总装车间" in keys(text, "Project")
    text = "白石电机有限公司的扁线电机智能工厂建成投产。"
    assert "扁线电机智能工厂" in keys(text, "Project")


def test_a_test_platform_is_a_platform_unless_any_one_or_a_shared_one():
    assert "深海阀门检测平台" in keys("青禾大学与白石阀门有限公司共建深海阀门检测平台。", "Platform")
    assert not keys("我们搭建了一个光学检测平台。", "Platform")
    assert not keys("今年起，园区公共检测平台向企业开放。", "Platform")


def test_a_material_bought_in_and_an_enterprise_research_institute_designation():
    # 氢氟酸原料则主要采购自…: a one-character head (酸) ends a name before 原料
    assert "氢氟酸" in keys("氢氟酸原料则主要采购自白石氟化工有限公司。", "Product")
    # 被认定为某省省级企业研究院: a designation (an honour)
    assert "江苏省省级企业研究院" in keys("公司于2024年被认定为江苏省省级企业研究院。", "Honour")


def test_a_levelled_industry_base_is_an_honour():
    # 是省级X产业基地: a designation the park holds
    assert "省级钨新材料产业基地" in keys("青禾园以钨新材料为主导产业，是省级钨新材料产业基地。", "Honour")


def test_a_levelled_title_before_a_holder_noun_and_no_name_holding_jian():
    # …，国家杰出青年科学基金获得者: the title a holder won, whatever it ends in
    text = "他是青禾大学教授，国家优秀青年科学基金获得者，同时兼任研究员。"
    assert "国家优秀青年科学基金" in keys(text, "Honour")
    # 同时兼任研究员: 兼 joins a post, it is in no name
    assert not keys(text, "Person")


def test_a_rare_verb_or_a_bare_measure_word_inside_a_park_or_institute_name_keeps_it_whole():
    # jieba reads the invented place words 淹城 as a verb and 天元 as a measure word; neither opens the name
    assert keys("武进淹城智能装备产业园聚焦机器人。", "Park") >= {"武进淹城智能装备产业园"}
    assert keys("双方共建的天元轨道交通研究院挂牌。", "ResearchInstitute") == {"天元轨道交通研究院"}
    # 通用 (general-purpose) is a word names are made of, like 制造
    assert keys("群丰通用航空产业园新引进项目5个。", "Park") >= {"群丰通用航空产业园"}


def test_a_transliterated_name_before_its_original_in_brackets():
    assert "阿兰·杜波依斯" in keys("公司总经理阿兰·杜波依斯（Alain Dubois）在仪式上致辞。", "Person")


def test_a_product_supplied_for_a_buyer_named_between_wei_and_the_verb():
    assert "汽车线束" in keys("甲公司主要为两家整车厂供应汽车线束。", "Product")
    assert "齿轮箱壳体毛坯" in keys("乙公司为其批量供应齿轮箱壳体毛坯。", "Product")
    assert not keys("丙公司为客户提供服务，供应链稳定。", "Product")


def test_a_focus_verb_or_a_product_cue_opens_a_list_but_no_name():
    assert keys("某某新材料产业园重点发展特种玻璃和功能涂层两大产业。", "Industry") >= {"特种玻璃", "功能涂层"}
    assert "重点发展特种玻璃" not in keys("某某新材料产业园重点发展特种玻璃和功能涂层两大产业。", "Industry")
    products = keys("甲公司带动产业链发展，其主导产品精密铣刀和合金棒材出口至多个国家。", "Product")
    assert "精密铣刀" in products and "主导产品精密铣刀" not in products


def test_parallel_modifiers_share_a_head_and_two_headed_products_after_a_cue_split():
    assert "单晶及多晶硅切片" in keys("公司主营产品为单晶及多晶硅切片。", "Product")
    products = keys("该公司生产的储能温控系统和液冷散热模块已进入车企供应体系。", "Product")
    assert {"储能温控系统", "液冷散热模块"} <= products


def test_a_park_written_after_an_address_is_the_park_named_with_the_same_core():
    r = mentions("甲公司在江州临河精细化工产业园投资建设项目。注册地址：东海省江州市临河县精细化工产业园纬二路6号。")
    parks = {m.key for m in r.mentions if m.cls == "Park"}
    assert parks == {"江州临河精细化工产业园"}


def test_listed_products_each_with_its_short_form_in_brackets():
    products = keys("公司主要产品包括六氟磷酸锂（LPF）、二氟草酸硼酸锂（DFOB）和磷酸铁锂（LFP），销往海外。", "Product")
    assert {"六氟磷酸锂", "二氟草酸硼酸锂", "磷酸铁锂"} <= products


def test_national_administrations_and_a_department_that_is_no_ministry():
    assert "中国民用航空局" in keys("该机型取得中国民用航空局颁发的型号合格证。", "GovernmentBody")
    assert not keys("园区会同财政部门和自然资源部门拿出方案。", "GovernmentBody")


def test_a_chain_alliance_and_a_training_base_are_platforms():
    assert "江城智能家电产业链联盟" in keys("多家单位组建的江城智能家电产业链联盟在园区成立。", "Platform")
    assert "家电产业工人实训基地" in keys("园区与职业学院共建的家电产业工人实训基地建成投用。", "Platform")


def test_a_legal_representative_named_in_a_registration_field():
    assert keys("公司名称：甲乙材料有限公司。法定代表人：韩立东。注册资本：1亿元。", "Person") == {"韩立东"}


def test_a_product_named_before_the_amount_of_a_current_yearly_capacity():
    assert "精密齿轮泵" in keys("甲公司目前具备年产精密齿轮泵5,000台的能力。", "Product")
    assert {"电解铜箔", "压延铜箔"} <= keys("乙公司现有产线可年产电解铜箔2万吨、压延铜箔0.5万吨。", "Product")
    # a design capacity of a project yet to be built names no product of a maker
    assert not keys("项目建成后将形成年产储能柜3万套的能力。", "Product")


def test_a_park_named_for_its_industry_ends_in_that_industry_and_yuan():
    assert "江陵临港氢能装备园" in keys("甲公司位于江陵临港氢能装备园，主要产品为储氢瓶。", "Park")
    assert "东岸汽车电子园" in keys("东岸汽车电子园新签约项目5个。", "Park")


def test_a_talent_title_after_ruxuan_and_an_autonomous_region_as_its_level():
    assert "广西“桂海英才”" in keys("她2022年入选广西“桂海英才”。", "Honour") or "广西“桂海英才" in keys("她2022年入选广西“桂海英才”。", "Honour")
    assert "河北省“燕赵英才”计划青年拔尖人才" in keys("他入选河北省“燕赵英才”计划青年拔尖人才。", "Honour")


def test_a_colophon_inside_a_line_names_no_entity():
    assert not keys("发布时间：2025-04-02 来源：江城临河产业园管委会", "GovernmentBody")
    assert not keys("（临河产业园投资促进局 供稿）", "GovernmentBody")
    assert keys("江城临河产业园管委会与甲公司签约。", "GovernmentBody")


def test_a_guessed_chain_industry_starts_after_the_park_word_and_a_copula_names_no_project():
    text = "作为牵头单位，甲乙海工是园区海洋工程装备产业的链主企业。"
    assert "海洋工程装备" in keys(text, "Industry")
    assert not keys("甲乙重工有限公司是园区海洋工程装备产业的链主企业。", "Project")


def test_an_owner_named_only_inside_its_units_name_is_no_entity_of_its_own():
    assert keys("园区与江南大学临河研究院联合运营中试平台。", "University") == set()
    assert keys("园区与江南大学临河研究院联合运营中试平台。江南大学教授甲某出席。", "University") == {"江南大学"}


def test_an_industry_label_that_ends_a_longer_word_or_sits_in_a_park_name_is_no_industry():
    inds = keys("园区坚持以磷基新材料、光电子信息和智能装备三大主导产业为重点。", "Industry")
    assert "电子信息" not in inds and "新材料" not in inds
    assert "新材料" in keys("园区已形成以新材料、生物医药为主导的产业体系。", "Industry")


def test_an_invested_project_whose_name_opens_with_a_quoted_brand():
    assert "“鹰眼”系列红外模组产线项目" in keys("由甲公司投资建设的“鹰眼”系列红外模组产线项目总投资8亿元。", "Project")


def test_a_regulators_local_office_is_one_body():
    assert keys("公司已向中国证券监督管理委员会江城监管局报送辅导备案材料。", "GovernmentBody") == {"中国证券监督管理委员会江城监管局"}


def test_a_park_named_only_as_what_a_project_builds_is_no_park():
    assert not keys("推动甲乙通信光电子产业园项目一期年内建成投产。", "Park")


def test_bank_branch_is_one_enterprise_and_a_bare_branch_names_none():
    text = "今年以来，江岸银行宜昌分行为园区企业发放贷款。下一步分行将扩大投放，部分行业首次获得银行贷款。"
    assert keys(text, "Enterprise") == {"江岸银行宜昌分行"}


def test_platform_kind_after_function_words_names_nothing():
    text = "院长表示，希望各方以联合研究院为平台，把更多实验室成果带到车间。"
    assert keys(text, "Platform") == set()


def test_a_school_named_for_two_disciplines_joined_by_yu_is_no_university():
    text = "公司与学校计算机与信息学院共建联合实验室，电气与能源学院参与。"
    assert keys(text, "University") == set()


def test_a_level_and_a_platform_kind_alone_name_no_platform_outside_a_designation():
    assert keys("学校将支持研究院申报省级新型研发机构，并与企业共建国家级企业技术中心。", "Platform") == set()
    assert "国家级众创空间" in keys("青禾创客空间获评国家级众创空间。", "Honour")


def test_a_lone_verb_before_a_platform_kind_opens_no_name():
    assert keys("（二）实施创新平台提升行动。", "Platform") == set()


def test_a_body_opened_by_each_names_no_organisation():
    assert keys("各乡镇人民政府，各功能区管委会：现将有关事项通知如下。", "GovernmentBody") == set()


def test_a_verb_of_submitting_is_no_part_of_the_body_submitted_to():
    text = "名单经初审后并报管委会审定，材料上报江城市科学技术局备案。"
    assert keys(text, "GovernmentBody") == {"江城市科学技术局"}


def test_a_counted_line_after_invest_and_build_names_no_project():
    assert keys("公司今年投资建设了第三条锂电隔膜涂布生产线。", "Project") == set()
    assert keys("公司投资建设了高端轴承制造基地。", "Project") == {"高端轴承制造基地"}


def test_a_field_before_named_products_is_no_product():
    text = "青岚精机专注于数控机床主轴部件，主要产品为电主轴和机械主轴。"
    assert keys(text, "Product") == {"电主轴", "机械主轴"}


def test_a_capacity_project_that_builds_a_facility_names_no_product():
    text = "江汀制药有限公司年产20亿粒胶囊剂数字化生产基地项目开工。"
    assert keys(text, "Product") == set()


def test_core_parts_written_generically_name_no_product():
    text = "公司主要从事氢燃料电池电堆、电堆测试台架及关键零部件的研发和生产。"
    products = keys(text, "Product")
    assert "关键零部件" not in products and "氢燃料电池电堆" in products


def test_a_count_after_xianyou_names_no_platform():
    ex = extract_text("据统计，青川北江光电产业园现有省级以上工程技术研究中心12家。")
    assert not any(m.cls == "Platform" for m in ex.mentions)
    assert any(m.key == "青川北江光电产业园" and m.cls == "Park" for m in ex.mentions)


def test_industries_listed_with_their_own_chanye_word_and_a_count():
    inds = keys("德阳旌阳高新区确立了清洁能源装备产业、通用航空产业和数字经济产业三大主导产业。", "Industry")
    assert {"清洁能源装备", "通用航空", "数字经济"} <= inds
    assert not any(i.endswith("产业") or i.startswith("确立") for i in inds)


def test_a_counted_kind_of_industry_is_no_industry():
    inds = keys("园区将继续聚焦两大主导产业，培育新兴产业。", "Industry")
    assert not inds & {"两大主导", "新兴", "两大主导产业"}


def test_a_part_named_after_the_bare_word_yuanqu_is_named_without_it():
    parks = keys("德阳旌阳高新区位于德阳市。四川丁未科技有限公司坐落在园区氢能装备片区。", "Park")
    assert "氢能装备片区" in parks and "园区氢能装备片区" not in parks


def test_the_role_leading_industries_play_is_no_industry():
    inds = keys("园区坚持以燃气轮机和航空维修两大主导产业为主攻方向。", "Industry")
    assert "方向" not in inds and "主攻方向" not in inds


def test_a_period_word_before_a_generic_company_word_is_no_name():
    assert not [m for m in mentions("分季度看，一季度公司实现营业收入2.1亿元。").mentions if m.cls == "Enterprise"]
    assert "澄江精工科技有限公司" in {m.name for m in mentions("上半年澄江精工科技有限公司实现产值3亿元。").mentions}


def test_a_listed_product_ends_before_the_quantity_made():
    names = {m.name for m in mentions("澄江精工科技有限公司主要生产精密冲压模具和导向套，全年生产精密冲压模具9.2万件。").mentions if m.cls == "Product"}
    assert "精密冲压模具" in names
    assert not any(n[-1].isdigit() or "万件" in n for n in names)


def test_a_news_leads_dispatch_mark_is_no_part_of_the_name_after_it():
    for lead in ("5月9日讯 ", "本报讯 ", "新华社长沙5月9日电 "):
        names = {m.name for m in mentions(lead + "澄江精工科技有限公司今日发布公告。").mentions}
        assert names == {"澄江精工科技有限公司"}, (lead, names)
    assert "讯达通信有限公司" in {m.name for m in mentions("讯达通信有限公司发布公告。").mentions}


def test_a_name_before_kong_gu_is_a_name_and_a_kin_word_before_a_name_is_not_part_of_it():
    names = {m.name for m in mentions("母公司澄湖控股集团有限公司全年营业收入86.2亿元。").mentions}
    assert names == {"澄湖控股集团有限公司"}
    names = {m.name for m in mentions("公司控股股东澄湖控股集团有限公司持股42%。").mentions}
    assert names == {"澄湖控股集团有限公司"}
    # a holding kind is still no name (其控股子公司…)
    assert {m.name for m in mentions("其控股子公司澄江精工科技有限公司成立。").mentions} == {"澄江精工科技有限公司"}


def test_the_kind_a_subject_list_of_firms_is_named_as_is_an_industry():
    found = keys("湖北岳川储能科技有限公司、荆门石桥电池有限公司等钠离子电池材料企业已先后落户荆门漳河储能产业园。", "Industry")
    assert "钠离子电池材料" in found


def test_the_kind_of_firms_a_clause_sells_to_is_no_industry_of_theirs():
    found = keys("荆门石桥电池有限公司的产品供货给湖北岳川储能科技有限公司、湖北丰汇隔膜材料有限公司等钠离子电池企业。", "Industry")
    assert "钠离子电池" not in found


def test_a_firm_kind_with_no_sector_word_is_no_industry():
    found = keys("荆门石桥电池有限公司是一家东岸一号企业。湖北岳川储能科技有限公司、荆门石桥电池有限公司等东岸重点企业均已投产。", "Industry")
    assert not found & {"东岸一号", "东岸重点", "东岸"}


def test_one_firm_kind_after_focus_verb_is_the_industry_not_the_verb():
    found = keys("荆门石桥电池有限公司是一家专注于固态电池材料的企业。", "Industry")
    assert "固态电池材料" in found
    assert not any("专注" in k for k in found)


def test_goal_after_a_becoming_cue_is_no_park():
    # 朝着…的目标, 建设成为…: the clause aims at a kind of park; a proper name after the cue is a park
    assert keys("开发区正朝着百亿级光伏产业园区的目标稳步前进。", "Park") == set()
    assert keys("要把园区建设成为国内一流的储能产业园。", "Park") == set()
    assert keys("企业朝着桐溪新能源产业园方向搬迁。", "Park") == {"桐溪新能源产业园"}


def test_planned_park_is_no_park_but_a_built_one_is():
    assert keys("县里计划新建一个电子信息产业园。", "Park") == set()
    assert keys("去年县里计划建设园区，目前已建设桐溪电子信息产业园。", "Park") == {"桐溪电子信息产业园"}


def test_indefinite_determiner_opens_a_kind_not_a_name():
    assert keys("苏州本地一家银行为企业放贷。", "Enterprise") == set()
    assert keys("他们在当地注册了一家浙江衡越精工有限公司。", "Enterprise") == {"浙江衡越精工有限公司"}
    assert keys("统一家电有限公司发布新品。", "Enterprise") == {"统一家电有限公司"}


def test_school_of_a_university_is_not_a_university():
    # (水产, 光电: disciplines no cue lists; the university right before makes the 学院 its school)
    assert keys("上海海洋大学水产学院院长出席。", "University") == {"上海海洋大学"}
    assert keys("四川大学物理与光电学院教授发言。", "University") == {"四川大学"}
    assert keys("南京大学和无锡职业技术学院签约。", "University") == {"南京大学", "无锡职业技术学院"}


def test_park_suffix_written_with_yuanqu_ends_after_qu():
    assert keys("桐溪工业城东侧的蓉湾电子信息园区已投用。", "Park") >= {"蓉湾电子信息园区"}


def test_name_after_a_title_ends_where_a_predicate_word_starts():
    # no listed word after the name: jieba's word ends and the adverb/preposition/verb after it decide
    assert keys("南开大学化学学院教授冯嘉禾格外关注这个项目。", "Person") == {"冯嘉禾"}
    assert keys("副教授阮书言被聘为首席专家。", "Person") == {"阮书言"}
    assert keys("区商务局局长施卫东到会。", "Person") == {"施卫东"}


def test_short_form_of_a_named_bureau_is_that_bureau():
    text = "台州市科学技术局与黄岩区发展和改革局联合发文。市科技局副局长陶文清、区发改局局长祁明轩出席。"
    ms = mentions(text).mentions
    assert {m.name: m.key for m in ms if m.name in ("市科技局", "区发改局")} == {
        "市科技局": "台州市科学技术局", "区发改局": "黄岩区发展和改革局"}
    # two bodies the short form could abbreviate: no guess
    assert "市科技局" not in mentions("台州市科学技术局和温州市科学技术局开会。市科技局表态。").aliases


def test_verb_governing_a_park_ends_the_clause_before_its_name():
    assert keys("新区将全面开发桐溪工业园。", "Park") == {"桐溪工业园"}
    assert keys("管委会积极发展智能装备产业园。", "Park") == set()  # a kind of park the clause means to grow
    assert keys("当地重点发展新材料产业园区。", "Park") == set()


def test_industrial_base_is_a_park_only_with_a_proper_name():
    assert keys("公司在南湖片区的桐溪医疗器械产业基地投产。", "Park") >= {"桐溪医疗器械产业基地"}
    assert keys("蓉湾光电产业园是省内重要的光学产业基地。", "Park") == {"蓉湾光电产业园"}
    assert keys("全力打造长三角重要的汽车零部件产业基地。", "Park") == set()  # a goal
    assert keys("园区是省级稀土新材料产业基地。", "Honour") == {"省级稀土新材料产业基地"}


def test_venue_centre_is_no_platform():
    assert keys("企业可到开发区政务服务中心办理手续。", "Platform") == set()
    assert keys("展会在蓉城国际会展中心举行。", "Platform") == set()
    assert keys("蓉湾高新区知识产权服务中心揭牌。", "Platform") == {"蓉湾高新区知识产权服务中心"}


def test_listed_industry_cut_inside_a_word_starts_at_that_word():
    # the list pattern holds items of at most eight characters; a longer first item is not cut at 能
    found = keys("园区已形成光伏玻璃、智能网联汽车零部件和集成电路三大主导产业。", "Industry")
    assert "智能网联汽车零部件" in found and "能网联汽车零部件" not in found
    assert "以新材料" not in keys("园区以新材料、高端装备为主导产业。", "Industry")


def test_rank_word_before_a_suffix_opens_a_description():
    assert keys("据悉，江西省第一个氢能产业园已经开工。", "Park") == set()
    assert keys("园区首家上市企业江苏华汇科技股份有限公司发布年报。", "Enterprise") == {"江苏华汇科技股份有限公司"}


def test_generic_park_after_a_governing_verb_or_relative_word_is_a_kind():
    assert keys("依托高新技术产业园建设人才公寓。", "Park") == set()
    assert keys("依托桐溪产业园建设人才公寓。", "Park") == {"桐溪产业园"}
    assert keys("所在产业园的配套日益完善。", "Park") == set()


def test_project_after_an_invested_amount():
    assert keys("浙江衡越精工有限公司投资8亿元的精密齿轮扩产项目在园区开工。", "Project") == {"精密齿轮扩产项目"}


def test_preposition_before_a_bare_level_leaves_a_generic_body():
    assert keys("经省人民政府批准，开发区扩区。", "GovernmentBody") == set()
    assert keys("泾县人民政府发布通知。", "GovernmentBody") == {"泾县人民政府"}


def test_rare_verb_before_generic_firm_words_is_the_brand():
    # 启航 and 启明 read as verbs, but 智能科技 / 光电 alone name no firm
    assert keys("去年底启航智能科技有限公司完成融资。", "Enterprise") == {"启航智能科技有限公司"}
    assert keys("园区主动对接启明光电股份有限公司。", "Enterprise") == {"启明光电股份有限公司"}
    assert keys("走访调研了恒泰电子有限公司。", "Enterprise") == {"恒泰电子有限公司"}


def test_modifier_of_generic_words_only_is_no_name():
    assert keys("多家企业入驻高新技术产业园。", "Park") == set()
    assert keys("蓉湾高新技术产业园发展迅速。", "Park") == {"蓉湾高新技术产业园"}
    assert keys("园区内的公共技术服务平台已投用。", "Platform") == set()
    assert keys("桐溪公共技术服务平台已投用。", "Platform") == {"桐溪公共技术服务平台"}


def test_part_of_a_macro_region_is_no_park():
    assert keys("招商队分别驻点长三角、珠三角片区。", "Park") == set()
    assert keys("企业落户桐溪片区。", "Park") == {"桐溪片区"}


# ---- prec12: fragments, pointers and plans are no entities


def test_pointer_before_company_names_no_firm():
    text = "为便于投资者了解本公司的经营情况，现将报告期公司主要数据披露如下。江苏青禾材料股份有限公司为该公司控股股东。"
    assert keys(text, "Enterprise") == {"江苏青禾材料股份有限公司"}


def test_company_named_with_a_capital_word_is_kept():
    # 本 inside the word 资本 points at nothing
    assert keys("深圳前湾资本有限公司参与投资。", "Enterprise") == {"深圳前湾资本有限公司"}


def test_plan_sections_follow_numbered_headings():
    from graph.extract.mentions import plan_sections
    text = ("一、现状\n乙园建有丙检测中心。\n二、主要任务\n（一）强化平台。\n依托某大学建设丁中试基地。\n"
            "三、工作进展\n戊公司投产。\n")
    sents = split_sentences(clean_text(text))
    planned = [s.text for s in sents if s.index in plan_sections(sents)]
    assert planned[0].startswith("二、主要任务") and any("丁中试基地" in t for t in planned)
    assert not any("丙检测中心" in t or "戊公司" in t for t in planned)  # a progress heading closes the plan


def test_platform_built_in_a_plan_section_is_no_entity():
    facts = "一、发展基础\n星桥轴承有限公司建有先进轴承检测中心，2024年营业收入12亿元。\n"
    plans = "二、重点任务\n（一）建设创新平台。依托郑州大学建设精密轴承中试基地，争创国家级轴承计量测试中心。\n"
    found = keys(facts + plans, "Platform")
    assert "先进轴承检测中心" in found  # stated as a fact before the plans
    assert not ({"精密轴承中试基地", "国家级轴承计量测试中心", "争创国家级轴承计量测试中心"} & found)


def test_same_platform_outside_a_plan_section_is_kept():
    text = "一、发展基础\n星桥轴承有限公司依托郑州大学建设精密轴承中试基地，2024年完成中试项目8项。\n"
    assert "精密轴承中试基地" in keys(text, "Platform")


def test_co_built_joint_lab_in_a_plan_section_stays():
    text = "三、重点任务\n支持星桥轴承有限公司与郑州大学共建精密轴承联合实验室。\n"
    assert "精密轴承联合实验室" in keys(text, "Platform")


def test_product_of_a_planned_project_is_no_product():
    planned = "推动星桥轴承有限公司建设年产3000套盾构主轴承项目。"
    done = "星桥轴承有限公司投资建设的年产3000套盾构主轴承项目已于5月8日投产。"
    assert "盾构主轴承" not in keys(planned, "Product")
    assert "年产3000套盾构主轴承项目" in keys(planned, "Project")  # the planned project itself stays
    assert "盾构主轴承" in keys(done, "Product")


def test_clause_fragment_detects_verbs_and_de_inside_a_name():
    from graph.extract.mentions import clause_fragment
    assert clause_fragment("青禾材料获批省级企业技术中心")
    assert clause_fragment("星桥科技入驻园区智能制造片区")
    assert clause_fragment("园区里的骨干企业")
    assert not clause_fragment("青禾新材料产业园")
    assert not clause_fragment("中国科学院宁波材料技术与工程研究所")
    assert not clause_fragment("美的集团股份有限公司")  # a brand, no particle


def test_headline_clause_is_no_park_or_platform():
    text = "◆青禾材料获批省级企业技术中心\n江苏青禾材料股份有限公司获批省级企业技术中心。\n◆星桥科技入驻园区智能制造片区\n"
    names = keys(text)
    assert not any("获批" in n or "入驻" in n for n in names)


def test_addressee_line_of_a_notice_names_no_body():
    from graph.extract.mentions import metadata_line
    assert metadata_line("各县（市、区）科技局，各有关高等学校、科研院所：")
    assert metadata_line("来源：青禾区科学技术局")
    assert not metadata_line("各地要加强指导，青禾区科学技术局负责统筹。")
    text = "关于公布第二批平台名单的通知\n各市、州、直管市、青禾林区科技局，各有关单位：\n现将名单公布如下。\n"
    assert "青禾林区科技局" not in keys(text, "GovernmentBody")


def test_description_with_de_is_no_honour_or_body():
    text = "现将入选国家级专精特新“小巨人”企业和青禾市创新型中小企业的企业名单予以公布。"
    assert not any("的" in n for n in keys(text, "Honour"))


def test_park_after_an_address_is_the_park_named_bare():
    text = ("青禾智能装备股份有限公司注册地址为安徽省合肥市肥西县青禾智能制造产业园云谷路8号。"
            "青禾智能制造产业园以智能装备为主导产业。")
    assert keys(text, "Park") == {"青禾智能制造产业园"}


def test_product_a_firm_only_means_to_make_is_no_product():
    assert not any("氢燃料电堆" in n for n in keys("青禾动力科技有限公司预计2027年推出新一代氢燃料电堆。", "Product"))
    assert "氢燃料电堆" in keys("青禾动力科技有限公司主要产品为氢燃料电堆。", "Product")


def test_place_of_a_base_is_no_product():
    assert not keys("青禾园区是公司主要生产基地所在地。", "Product")


def test_kind_followed_by_a_total_count_is_no_name():
    text = "上半年，全市新认定省级企业技术中心、重点实验室和制造业创新中心共21家。"
    assert not keys(text, "Platform")
    assert "青禾新材料研究院" in keys("园区建有青禾新材料研究院，累计孵化企业30家。", "ResearchInstitute")


def test_project_summing_up_a_list_is_no_project():
    text = "四川星桥氢能科技有限公司（以下简称“星桥氢能”）主要生产氢燃料电堆。下半年，加快推进青禾铸造二期、星桥氢能电堆扩能等项目建设。"
    assert not any(n.endswith("等项目") for n in keys(text, "Project"))
