"""Relations from grammar cues, on short sentences written for these tests."""

from graph.api import extract_text
from graph.text.clean import clean_text
from graph.text.segment import sections, split_sentences


def facts(text):
    ex = extract_text(text)
    return {(r.subject, r.predicate, r.object) for r in ex.relations}, ex


def test_located_in_by_cue_and_modifier():
    f, _ = facts("位于肇庆高新区星湖工业园的广东星河新材料有限公司是龙头。")
    assert ("广东星河新材料有限公司", "locatedIn", "星湖工业园") in f
    assert ("星湖工业园", "partOf", "肇庆高新技术产业开发区") in f


def test_co_filed_patent_pairs_the_two_applicants():
    f, _ = facts("湖南湘江芯材科技股份有限公司与中南大学联合申报的“一种低温固化方法”荣获湖南省专利金奖。")
    assert ("湖南湘江芯材科技股份有限公司", "coFiledPatentWith", "中南大学") in f
    assert ("一种低温固化方法", "applicant", "中南大学") in f
    assert ("一种低温固化方法", "receivedHonour", "湖南省专利金奖") in f


def test_co_built_platform_pairs_subject_with_each_partner():
    f, _ = facts("肇庆高新区与华南理工大学、暨南大学等高校共建科技平台2个。")
    assert ("肇庆高新技术产业开发区", "coBuiltPlatformWith", "华南理工大学") in f
    assert ("肇庆高新技术产业开发区", "coBuiltPlatformWith", "暨南大学") in f
    assert ("华南理工大学", "coBuiltPlatformWith", "暨南大学") not in f


def test_customers_subsidiary_and_people():
    f, ex = facts(
        "江门华材科技有限公司是广东华材集团股份有限公司旗下企业，主要客户包括美的集团股份有限公司、格力电器股份有限公司等。"
        "江门华材科技有限公司董事长李明远表示，将加大研发投入。"
    )
    assert ("江门华材科技有限公司", "subsidiaryOf", "广东华材集团股份有限公司") in f
    assert ("江门华材科技有限公司", "hasCustomer", "美的集团股份有限公司") in f
    assert ("江门华材科技有限公司", "hasCustomer", "格力电器股份有限公司") in f
    roles = {(r.subject, r.object, r.role) for r in ex.relations if r.predicate == "affiliatedWith"}
    assert ("李明远", "江门华材科技有限公司", "董事长") in roles


def test_chain_leader_of_a_named_industry():
    f, _ = facts("广东鼎力铝业有限公司是肇庆高新区铝基新材料产业链的“链主”企业。")
    assert ("广东鼎力铝业有限公司", "chainLeaderOf", "铝基新材料") in f


def test_subject_carried_by_anaphor():
    f, _ = facts("佛山市德润电子科技有限公司成立于2012年。该公司主要生产功率模块和车规级芯片。")
    assert ("佛山市德润电子科技有限公司", "produces", "车规级芯片") in f


def test_news_items_are_sections():
    sents = split_sentences(clean_text("甲园区签约\n发布时间：2024-03-08\n正文一。\n乙园区开工\n2024年3月21日\n正文二。"))
    assert sections(sents) == [0, 0, 0, 1, 1, 1]


def test_buyers_inside_a_supply_frame():
    f, _ = facts("江门锐光通信科技有限公司的400G光模块已进入深圳海川数据科技有限公司供应链，全年出货。")
    assert ("江门锐光通信科技有限公司", "hasCustomer", "深圳海川数据科技有限公司") in f
    f, _ = facts("投产当天，四川云翼无人机科技有限公司与成都顺达物流科技有限公司签订首批无人机采购合同。")
    assert ("四川云翼无人机科技有限公司", "hasCustomer", "成都顺达物流科技有限公司") in f
    # 进入…企业的生产一线开展“订单式”实训: no supply frame closes the buyers
    f, _ = facts("江门职业技术学院学生进入江门华材科技有限公司等企业的生产一线开展“订单式”实训。")
    assert not any(p == "hasCustomer" for _s, p, _o in f)


def test_buyers_before_a_customer_copula_belong_to_the_company():
    f, _ = facts(
        "广东华澄精密传动科技股份有限公司发布年度报告。"
        "深圳拓远机器人有限公司和佛山埃德智能装备有限公司都是公司的长期客户。"
    )
    assert ("广东华澄精密传动科技股份有限公司", "hasCustomer", "深圳拓远机器人有限公司") in f
    assert ("广东华澄精密传动科技股份有限公司", "hasCustomer", "佛山埃德智能装备有限公司") in f


def test_a_parent_named_before_its_subsidiary_is_not_the_seller():
    f, _ = facts("华磷股份全资子公司宜都华磷新能源材料有限公司的磷酸铁项目建成投产，产品主要销往湖南长锂电池材料有限公司。")
    assert ("宜都华磷新能源材料有限公司", "hasCustomer", "湖南长锂电池材料有限公司") in f


def test_chain_leader_named_after_its_industry():
    f, _ = facts("新型储能产业链链主企业湖南衡能储能科技股份有限公司全年营业收入增长。")
    assert ("湖南衡能储能科技股份有限公司", "chainLeaderOf", "新型储能") in f
    f, _ = facts("在先进轨道交通装备领域，株洲中驰轨道交通装备有限公司发挥链主作用。")
    assert ("株洲中驰轨道交通装备有限公司", "chainLeaderOf", "先进轨道交通装备") in f
    f, _ = facts("清洁能源装备产业链以四川德锐重型装备股份有限公司为链主，产业链产值增长。")
    assert ("四川德锐重型装备股份有限公司", "chainLeaderOf", "清洁能源装备") in f
    # 链主企业A with no industry before the cue: no industry is guessed
    f, _ = facts("链主企业湖北宜磷化工股份有限公司全年营业收入增长。")
    assert not any(p == "chainLeaderOf" for _s, p, _o in f)


def test_listed_and_counted_sub_parks_are_parts():
    f, _ = facts("株洲渌湘高新技术产业开发区统筹推进湘东片区、枫林片区两个片区开发建设。")
    assert ("湘东片区", "partOf", "株洲渌湘高新技术产业开发区") in f
    assert ("枫林片区", "partOf", "株洲渌湘高新技术产业开发区") in f
    f, _ = facts("宜昌夷陵高新技术产业开发区推动东湖科创园、龙泉工业城、猇亭临港片区“一区三园”协同发展。")
    assert ("龙泉工业城", "partOf", "宜昌夷陵高新技术产业开发区") in f


def test_the_honour_goes_to_who_stands_before_the_award_verb():
    f, _ = facts("渌湘高新区管委会与中南大学共建的渌湘储能材料研究院被认定为湖南省新型研发机构。")
    assert ("渌湘储能材料研究院", "receivedHonour", "湖南省新型研发机构") in f
    assert ("渌湘高新技术产业开发区", "receivedHonour", "湖南省新型研发机构") not in f
    # the body after 被 confers the title, it does not hold it
    f, _ = facts("年内，德湖科创孵化园被科学技术部认定为国家级科技企业孵化器；德湖青创空间获评国家级众创空间。")
    assert ("德湖科创孵化园", "receivedHonour", "国家级科技企业孵化器") in f
    assert ("德湖青创空间", "receivedHonour", "国家级众创空间") in f
    assert not any(s == "科学技术部" for s, p, _o in f if p == "receivedHonour")


def test_a_parks_designation_is_an_honour_of_the_park():
    f, ex = facts("宜昌夷陵高新技术产业开发区获评国家绿色工业园区，龙泉工业城入选湖北省智慧化工园区。")
    assert ("宜昌夷陵高新技术产业开发区", "receivedHonour", "国家绿色工业园区") in f
    assert ("龙泉工业城", "receivedHonour", "湖北省智慧化工园区") in f
    assert {m.key: m.cls for m in ex.mentions}["国家绿色工业园区"] == "Honour"


def test_a_project_named_after_its_investor_is_placed_where_it_started():
    f, ex = facts("6月16日，由渌湘储能全资子公司株洲渌湘循环科技有限公司投资的退役电池综合利用项目在湘东片区开工。")
    assert ("退役电池综合利用项目", "locatedIn", "湘东片区") in f
    assert ("退役电池综合利用项目", "undertakenBy", "株洲渌湘循环科技有限公司") in f
    f, ex = facts("3月26日，宜光通信投资建设的光电子产业园项目在东湖科创园开工。")
    assert ("光电子产业园项目", "locatedIn", "东湖科创园") in f
    assert "光电子产业园" not in {m.key for m in ex.mentions if m.cls == "Park"}


def test_rules_are_registered_by_family_and_run_alone():
    from graph.extract import relations
    from graph.extract.lexicon import load_lexicon
    from graph.extract.mentions import find_mentions

    assert {"located-cue", "honour", "person-role", "person-role-after", "industry-heading", "chain-leader"} <= set(relations.RULES)
    sents = split_sentences(clean_text("广东星河新材料有限公司位于肇庆高新区。"))
    ms = tuple(find_mentions(sents).mentions)
    ctx = relations._Ctx(sents[0], ms, None)
    only = relations.relations_in(ctx, relations._Doc(load_lexicon(), ms), ["located-cue"])
    assert [(r.subject, r.predicate, r.object) for r in only] == [("广东星河新材料有限公司", "locatedIn", "肇庆高新技术产业开发区")]
    assert relations.relations_in(ctx, relations._Doc(load_lexicon(), ms), ["subsidiary"]) == []


def _roles(text):
    return {(r.subject, r.object, r.role) for r in extract_text(text).relations if r.predicate == "affiliatedWith"}


def test_name_then_title_joins_the_company_before_it_or_the_body_the_role_belongs_to():
    got = _roles("芜湖市人民政府召开推进会。常务副市长韩立庭出席会议，副市长苏婉清主持会议。"
                 "新型储能产业链由陆承泽副市长担任链长。江门华材科技有限公司张伟（总经理）介绍了情况。")
    assert ("韩立庭", "芜湖市人民政府", "常务副市长") in got
    assert ("苏婉清", "芜湖市人民政府", "副市长") in got
    assert ("陆承泽", "芜湖市人民政府", "副市长") in got
    assert ("张伟", "江门华材科技有限公司", "总经理") in got


def test_a_government_role_never_goes_to_a_company():
    got = _roles("江门华材科技有限公司举行投产仪式。副市长苏婉清出席。")
    assert not any(p == "苏婉清" for p, _o, _r in got)


def test_firms_under_an_industry_heading_are_in_that_industry():
    f, _ = facts("光伏产业：上饶晶湖光能科技股份有限公司，主要产品为电池片；江西曜禾光伏材料有限公司，主要生产光伏玻璃。")
    assert ("上饶晶湖光能科技股份有限公司", "inIndustry", "光伏") in f
    assert ("江西曜禾光伏材料有限公司", "inIndustry", "光伏") in f


def test_chain_named_in_the_previous_sentence_gives_the_leaders_industry():
    f, _ = facts("新能源汽车产业链由副市长担任链长。该产业链以芜湖瑞骋新能源汽车股份有限公司为链主企业。"
                 "机器人产业链链长为副市长。链主企业安徽埃博智能机器人股份有限公司位于芜湖鸠江智能装备产业园。")
    assert ("芜湖瑞骋新能源汽车股份有限公司", "chainLeaderOf", "新能源汽车") in f
    assert ("安徽埃博智能机器人股份有限公司", "chainLeaderOf", "机器人") in f


def test_a_sentence_opening_with_the_park_anaphor_speaks_of_the_park_before():
    f, _ = facts("湘潭鹤岭智能装备产业园获评湖南省五好园区。该园区以智能装备和新能源汽车零部件为主导产业，下辖鹤岭片区和响塘智造园。")
    assert ("湘潭鹤岭智能装备产业园", "leadingIndustry", "智能装备") in f
    assert ("鹤岭片区", "partOf", "湘潭鹤岭智能装备产业园") in f
    assert not any(s == "鹤岭片区" and p == "leadingIndustry" for s, p, _o in f)


def test_a_title_after_an_award_verb_is_an_honour_whatever_it_ends_in():
    f, ex = facts("湘潭鹤岭智能装备产业园获评2024年度湖南省五好园区。上饶晶湖光电产业园先后获评国家新型工业化产业示范基地和江西省绿色低碳示范园区。"
                  "芜湖启芯半导体有限公司是一家国家高新技术企业。")
    assert ("湘潭鹤岭智能装备产业园", "receivedHonour", "湖南省五好园区") in f
    assert ("上饶晶湖光电产业园", "receivedHonour", "国家新型工业化产业示范基地") in f
    assert ("上饶晶湖光电产业园", "receivedHonour", "江西省绿色低碳示范园区") in f
    assert ("芜湖启芯半导体有限公司", "receivedHonour", "国家高新技术企业") in f
    assert "湖南省五好园区" not in {m.name for m in ex.mentions if m.cls == "Park"}


def test_a_ranking_or_a_count_after_an_award_verb_is_no_title():
    _f, ex = facts("涪江创新港孵化器成功获批，成为绵阳市第三家国家级科技企业孵化器。园区入选省级以上研发平台17个。")
    honours = {m.name for m in ex.mentions if m.cls == "Honour"}
    assert not any("第三家" in h or h == "省级以上" for h in honours)


def test_a_firm_inside_the_park_and_a_project_completed_in_a_park():
    f, _ = facts("湘潭鹤岭智能装备产业园获评湖南省五好园区。园内企业湖南澄星新材料科技股份有限公司入选国家级专精特新“小巨人”企业。"
                 "湖南柳康药业有限公司在常德柳叶湖生物医药产业园建成投产。")
    assert ("湖南澄星新材料科技股份有限公司", "locatedIn", "湘潭鹤岭智能装备产业园") in f
    assert ("湖南柳康药业有限公司", "locatedIn", "常德柳叶湖生物医药产业园") in f


def test_the_body_conferring_an_honour_does_not_receive_it():
    f, _ = facts("科学技术部授予涪江创新港“国家级科技企业孵化器”称号。")
    assert not any(s == "科学技术部" and p == "receivedHonour" for s, p, _o in f)


def test_supplying_a_named_buyer_makes_it_a_customer():
    f, _ = facts("芜湖瑞骋新能源汽车股份有限公司（简称“瑞骋汽车”）是链主。芜湖恒驱电驱动系统有限公司为瑞骋汽车配套供应电驱动总成。"
                 "上饶晶湖光能科技股份有限公司（简称“晶湖光能”）生产组件。江西曜禾光伏材料有限公司生产光伏玻璃，产品供应晶湖光能等组件企业。")
    assert ("芜湖恒驱电驱动系统有限公司", "hasCustomer", "芜湖瑞骋新能源汽车股份有限公司") in f
    assert ("江西曜禾光伏材料有限公司", "hasCustomer", "上饶晶湖光能科技股份有限公司") in f


def test_after_a_park_anaphor_sentence_the_firms_inside_are_in_the_park_not_its_sub_park():
    f, _ = facts("湘潭鹤岭智能装备产业园获评湖南省五好园区。该园区以智能装备为主导产业，下辖鹤岭片区和响塘工业园。"
                 "园内企业湖南澄星新材料科技股份有限公司入选国家级专精特新“小巨人”企业。")
    assert ("湖南澄星新材料科技股份有限公司", "locatedIn", "湘潭鹤岭智能装备产业园") in f
    assert ("湖南澄星新材料科技股份有限公司", "locatedIn", "鹤岭片区") not in f


def test_a_passive_honour_of_an_unnamed_thing_is_not_given_to_the_company_before():
    f, ex = facts("湖南澄星新材料科技股份有限公司入选国家级专精特新“小巨人”企业，其自主研发的高纯氮化铝陶瓷基板被湖南省工业和信息化厅认定为湖南省重点新材料首批次应用产品。")
    assert ("湖南澄星新材料科技股份有限公司", "receivedHonour", "湖南省重点新材料首批次应用产品") not in f
    assert not any(m.cls == "Product" and "被" in m.name for m in ex.mentions)


def test_a_government_department_hosts_no_platform():
    f, _ = facts("湖南省科学技术厅近日批准建设湖南省电子陶瓷粉体材料工程技术研究中心。")
    assert not any(s == "湖南省科学技术厅" and p == "hostsPlatform" for s, p, _o in f)


def test_an_industry_no_sentence_names_is_marked_as_inferred():
    ex = extract_text("示范高新区着力培育龙头企业。以广东嘉博制药有限公司、星河新材等为代表的龙头企业，不断引领产业创新。")
    leaders = {r.subject: r for r in ex.relations if r.predicate == "chainLeaderOf"}
    assert leaders["广东嘉博制药有限公司"].object == "生物医药"
    assert leaders["广东嘉博制药有限公司"].inference == "industry inferred from the enterprise's name"
    assert all(r.support == () for r in ex.relations)  # both ends read in the sentence cited


def test_an_end_named_in_an_earlier_sentence_is_support_and_the_span_stays_in_the_cited_sentence():
    ex = extract_text("芜湖市新能源汽车产业链由副市长苏婉清担任链长。该产业链以奇瑞汽车股份有限公司为链主企业。")
    (leader,) = [r for r in ex.relations if r.predicate == "chainLeaderOf"]
    assert (leader.sentence, leader.support, leader.inference) == (1, (0,), None)
    cited = ex.sentences[leader.sentence]
    assert cited.start <= leader.start < leader.end <= cited.end
    assert ex.document.text[leader.start : leader.end] == "奇瑞汽车股份有限公司"


def test_sentence_topics_are_given_again_only_for_the_same_tuples():
    # relations and observations both ask; the second ask with the same tuples reuses the first answer
    from graph.extract.mentions import find_mentions
    from graph.extract.relations import sentence_topics

    sents = split_sentences(clean_text("广东星河新材料有限公司位于清远高新区。公司主营改性塑料。"))
    found = find_mentions(sents).mentions
    first = sentence_topics(sents, found)
    assert first[0] is not None and first[0].name == "广东星河新材料有限公司"
    assert sentence_topics(sents, found) == first
    assert sentence_topics(sents, ()) == [None, None]  # other mentions: found afresh
    assert sentence_topics(sents, list(found)) == first


def test_co_building_alone_does_not_make_the_first_party_the_host():
    f, _ = facts("广东云岭光学有限公司与华南理工大学共建光学材料联合实验室。")
    assert ("广东云岭光学有限公司", "coBuiltPlatformWith", "华南理工大学") in f
    assert not any(p == "hostsPlatform" for _s, p, _o in f)


def test_a_platform_seated_at_the_company_is_hosted_by_it():
    f, _ = facts("广东云岭光学有限公司与华南理工大学共建光学材料联合实验室，实验室就设在公司研发中心。")
    assert ("广东云岭光学有限公司", "hostsPlatform", "光学材料联合实验室") in f
    assert ("华南理工大学", "hostsPlatform", "光学材料联合实验室") not in f


def test_the_company_opening_a_time_clause_carries_the_topic_over():
    f, _ = facts("广东云岭光学有限公司年产5万片镜片项目开工。该公司成立于2015年，产品主要供应给深圳明视光电有限公司。")
    assert ("广东云岭光学有限公司", "hasCustomer", "深圳明视光电有限公司") in f


def test_any_signed_cooperation_agreement_is_cooperation():
    f, _ = facts("广东云岭光学有限公司与华南理工大学签署产学研全面合作协议。")
    assert ("广东云岭光学有限公司", "cooperatesWith", "华南理工大学") in f


def test_both_sides_means_the_pair_named_before():
    f, _ = facts("广东云岭光学有限公司与华南理工大学签署合作协议。双方共建的光学检测公共服务平台已投入使用。")
    assert ("广东云岭光学有限公司", "coBuiltPlatformWith", "华南理工大学") in f
    f, _ = facts("广东云岭光学有限公司长期为深圳明视光电有限公司提供镜片，双方还签订了扩产合作备忘录。")
    assert ("广东云岭光学有限公司", "cooperatesWith", "深圳明视光电有限公司") in f


def test_a_planned_co_building_is_no_relation():
    f, _ = facts("广东云岭光学有限公司与华南理工大学签署合作协议，双方计划共建光学材料联合实验室。")
    assert ("广东云岭光学有限公司", "coBuiltPlatformWith", "华南理工大学") not in f
    assert ("广东云岭光学有限公司", "cooperatesWith", "华南理工大学") in f


def test_co_founding_with_a_partner_is_co_building():
    f, _ = facts("广东云岭光学有限公司与华南理工大学合作组建光学材料研究所。")
    assert ("广东云岭光学有限公司", "coBuiltPlatformWith", "华南理工大学") in f


def test_a_buyer_is_not_the_topic_and_a_subsidiary_is():
    f, _ = facts(
        "广东云岭集团股份有限公司全资子公司广东云岭光学有限公司投资建设的镜片项目正式投产。"
        "首批产品已发往深圳明视光电有限公司和珠海晶彩显示有限公司。"
    )
    assert ("广东云岭光学有限公司", "hasCustomer", "深圳明视光电有限公司") in f
    assert ("广东云岭光学有限公司", "hasCustomer", "珠海晶彩显示有限公司") in f
    assert not any(s == "广东云岭集团股份有限公司" and p == "hasCustomer" for s, p, _o in f)
    assert not any(s == "深圳明视光电有限公司" for s, _p, _o in f)


def test_serving_cues_name_the_customer():
    f, _ = facts("深圳明视光电有限公司是园区链主。广东云岭光学有限公司为其配套生产镜头模组。")
    assert ("广东云岭光学有限公司", "hasCustomer", "深圳明视光电有限公司") in f
    f, _ = facts("广东云岭光学有限公司长期为深圳明视光电有限公司提供镀膜服务。")
    assert ("广东云岭光学有限公司", "hasCustomer", "深圳明视光电有限公司") in f


def test_every_listed_supplier_of_a_buyer_has_it_as_customer():
    f, _ = facts("广东云岭光学有限公司、珠海晶彩显示有限公司已成为深圳明视光电有限公司的本地配套供应商。")
    assert ("广东云岭光学有限公司", "hasCustomer", "深圳明视光电有限公司") in f
    assert ("珠海晶彩显示有限公司", "hasCustomer", "深圳明视光电有限公司") in f


def test_a_parent_named_before_its_subsidiary_sells_nothing():
    f, _ = facts("广东云岭集团股份有限公司全资子公司广东云岭光学有限公司的镜片项目投产，产品主要销往深圳明视光电有限公司。")
    assert ("广东云岭光学有限公司", "hasCustomer", "深圳明视光电有限公司") in f
    assert ("广东云岭集团股份有限公司", "hasCustomer", "深圳明视光电有限公司") not in f


def test_a_chain_leader_is_placed_only_in_a_park_its_sentence_names():
    f, _ = facts("肇庆高新区今年产值增长，肇庆高新区新引进项目8个。新能源汽车产业链以奇瑞汽车股份有限公司为链主企业。")
    assert ("奇瑞汽车股份有限公司", "chainLeaderOf", "新能源汽车") in f
    assert not any(s == "奇瑞汽车股份有限公司" and p == "locatedIn" for s, p, _o in f)
    f, _ = facts("肇庆高新区的新能源汽车产业链以奇瑞汽车股份有限公司为链主企业。")
    assert ("奇瑞汽车股份有限公司", "locatedIn", "肇庆高新技术产业开发区") in f


def test_a_college_written_after_its_university_stands_for_the_university():
    f, ex = facts("广东云岭光学有限公司与华南理工大学共建光学材料联合实验室，由华南理工大学物理与光电学院陈子明教授担任实验室主任。")
    assert ("陈子明", "affiliatedWith", "华南理工大学") in f
    assert not any(m.cls == "Platform" and "担任" in m.name for m in ex.mentions)


def test_park_party_and_committee_roles():
    text = "肇庆高新区管理委员会今年招商成效明显。肇庆高新区党工委书记、管委会主任李明远表示，管委会常务副主任王晓燕介绍，今年将加大招商力度。"
    ex = extract_text(text)
    roles = {(r.subject, r.object, r.role) for r in ex.relations if r.predicate == "affiliatedWith"}
    assert ("李明远", "肇庆高新技术产业开发区", "党工委书记") in roles
    assert any(p == "李明远" and o == "肇庆高新区管理委员会" and r.endswith("主任") for p, o, r in roles)
    assert ("王晓燕", "肇庆高新区管理委员会", "常务副主任") in roles


def test_a_subsidiary_cue_opening_a_clause_belongs_to_the_firm_spoken_of():
    f, _ = facts(
        "广东云岭光学有限公司主营光学镜片。全资子公司深圳云岭视觉有限公司负责镜头研制；"
        "控股子公司珠海云岭光电有限公司负责镀膜加工。"
    )
    assert ("深圳云岭视觉有限公司", "subsidiaryOf", "广东云岭光学有限公司") in f
    assert ("珠海云岭光电有限公司", "subsidiaryOf", "广东云岭光学有限公司") in f
    assert ("珠海云岭光电有限公司", "subsidiaryOf", "深圳云岭视觉有限公司") not in f


def test_xi_marks_a_subsidiary_like_shi():
    f, _ = facts("珠海云岭光电有限公司系广东云岭光学有限公司的控股子公司。")
    assert ("珠海云岭光电有限公司", "subsidiaryOf", "广东云岭光学有限公司") in f


def test_shuyu_names_the_firms_industry():
    f, _ = facts("广东云岭光学有限公司落户肇庆高新区，属于新材料产业，主要产品有光学镜片。")
    assert ("广东云岭光学有限公司", "inIndustry", "新材料") in f


def test_a_located_cue_in_a_later_clause_places_the_sentence_subject():
    f, _ = facts("广东云岭光学有限公司是深圳明视光电有限公司的控股子公司，去年落户肇庆高新区。")
    assert ("广东云岭光学有限公司", "locatedIn", "肇庆高新技术产业开发区") in f
    assert ("深圳明视光电有限公司", "locatedIn", "肇庆高新技术产业开发区") not in f


def test_a_firm_signing_an_investment_with_a_park_committee_is_no_cooperation():
    f, _ = facts("广东云岭光学有限公司与肇庆高新区管理委员会签约，总投资10亿元的光学镜片项目落户园区。")
    assert not any(p == "cooperatesWith" for _s, p, _o in f)
    f, _ = facts("肇庆高新区管理委员会与华南理工大学在广州签约。")
    assert ("肇庆高新区管理委员会", "cooperatesWith", "华南理工大学") in f


def test_a_planned_cooperation_is_no_relation():
    f, _ = facts("广东云岭光学有限公司还计划与华南理工大学合作建设光学检测平台。")
    assert not any(p in ("cooperatesWith", "coBuiltPlatformWith") for _s, p, _o in f)


def test_a_joint_platform_has_no_host_without_a_hosting_cue():
    f, _ = facts("广东云岭光学有限公司牵头组建华南光学产业创新联合体。")
    assert not any(p == "hostsPlatform" for _s, p, _o in f)
    f, _ = facts("华南理工大学—云岭光学智能感知联合实验室揭牌，实验室依托广东云岭光学有限公司建设。")
    assert any(s == "广东云岭光学有限公司" and p == "hostsPlatform" for s, p, _o in f)


def test_both_sides_co_file_a_patent():
    f, _ = facts("广东云岭光学有限公司与华南理工大学签署合作协议。双方已共同申请发明专利“一种镜片镀膜方法”。")
    assert ("广东云岭光学有限公司", "coFiledPatentWith", "华南理工大学") in f
    assert ("一种镜片镀膜方法", "applicant", "华南理工大学") in f


def test_bare_gongsi_means_the_firm_the_text_is_about_not_the_one_named_last():
    f, _ = facts(
        "广东云岭光学有限公司主营光学镜片。全资子公司深圳云岭视觉有限公司负责镜头研制。"
        "首席技术官王明毕业于华南理工大学。公司建有广东省光学镜片工程技术研究中心。"
    )
    assert ("广东云岭光学有限公司", "hostsPlatform", "广东省光学镜片工程技术研究中心") in f
    assert not any(s == "深圳云岭视觉有限公司" and p == "hostsPlatform" for s, p, _o in f)


def test_firms_hosting_approved_platforms_do_not_receive_an_earlier_honour():
    f, _ = facts(
        "园区三家企业获批省级工程技术研究中心\n"
        "近日，广东省科学技术厅公布2024年度广东省工程技术研究中心名单，肇庆高新区企业牵头建设的广东省光学镜片工程技术研究中心、"
        "广东省镀膜材料工程技术研究中心成功获批，依托单位分别为广东云岭光学有限公司和珠海晶彩显示有限公司。"
    )
    assert ("广东云岭光学有限公司", "hostsPlatform", "广东省光学镜片工程技术研究中心") in f
    assert not any(p == "receivedHonour" and s in ("广东云岭光学有限公司", "珠海晶彩显示有限公司") for s, p, _o in f)


def test_bare_gongsi_after_a_subsidiary_paragraph_is_the_parent():
    f, _ = facts(
        "广东云岭光学有限公司主营光学镜片。全资子公司深圳云岭视觉有限公司负责镜头研制。"
        "深圳云岭视觉有限公司去年被认定为高新技术企业。公司建有广东省光学镜片工程技术研究中心。"
    )
    assert ("广东云岭光学有限公司", "hostsPlatform", "广东省光学镜片工程技术研究中心") in f


def test_women_opening_a_sentence_keeps_the_speakers_firm_as_topic():
    f, _ = facts(
        "广东云岭光学有限公司主营光学镜片。另外，我们参股了一家企业，深圳明视光电有限公司。"
        "郑明远：2023年，公司被认定为国家级专精特新“小巨人”企业。"
    )
    assert ("广东云岭光学有限公司", "receivedHonour", "国家级专精特新“小巨人”企业") in f
    assert ("深圳明视光电有限公司", "receivedHonour", "国家级专精特新“小巨人”企业") not in f


def test_you_kongu_makes_a_subsidiary():
    f, _ = facts("珠海云岭光电有限公司位于肇庆高新区，由广东云岭光学有限公司控股，主要生产镀膜镜片。")
    assert ("珠海云岭光电有限公司", "subsidiaryOf", "广东云岭光学有限公司") in f


def test_a_second_post_at_a_university():
    text = "首席技术官王晓燕毕业于哈尔滨工业大学，2016年加入公司，同时受聘为华南理工大学兼职教授。"
    roles = {(r.subject, r.object, r.role) for r in extract_text(text).relations if r.predicate == "affiliatedWith"}
    assert ("王晓燕", "华南理工大学", "兼职教授") in roles
    f, _ = facts("广东云岭光学有限公司首席科学家李明远同时是华南理工大学教授。")
    assert ("李明远", "affiliatedWith", "华南理工大学") in f


def test_two_posts_written_before_one_name():
    text = "广东云岭光学有限公司首席科学家、华南理工大学物理与光电学院教授陈子明领衔的团队入选省级人才计划。"
    roles = {(r.subject, r.object, r.role) for r in extract_text(text).relations if r.predicate == "affiliatedWith"}
    assert ("陈子明", "广东云岭光学有限公司", "首席科学家") in roles
    assert ("陈子明", "华南理工大学", "教授") in roles


def test_parties_that_completed_a_project_undertook_it():
    f, _ = facts("广东云岭光学有限公司主营光学镜片。去年，我们和华南理工大学合作完成的“高精度镜片镀膜技术”项目获得省科学技术奖。")
    assert ("高精度镜片镀膜技术", "undertakenBy", "华南理工大学") in f
    assert ("高精度镜片镀膜技术", "undertakenBy", "广东云岭光学有限公司") in f


def test_lianhe_b_zujian_is_co_building():
    f, _ = facts("广东云岭光学有限公司（以下简称“云岭光学”）联合华南理工大学组建的广东省光学镜片工程技术研究中心获批认定。")
    assert ("广东云岭光学有限公司", "coBuiltPlatformWith", "华南理工大学") in f
    f, _ = facts("云岭光学牵头承担省重点项目，并联合华南理工大学等高校组建光学产学研联合体。广东云岭光学有限公司简称云岭光学。")
    assert any(p == "coBuiltPlatformWith" and "华南理工大学" in (s, o) for s, p, o in f)


def test_the_school_is_the_university_not_a_college_named_before():
    f, _ = facts("华南理工大学与企业签约。机械工程学院院长陈子明出席。学校与广东云岭光学有限公司共建的光学材料联合实验室同日揭牌。")
    assert ("华南理工大学", "coBuiltPlatformWith", "广东云岭光学有限公司") in f
    assert not any(p == "coBuiltPlatformWith" and "机械工程学院" in (s, o) for s, p, o in f)


def test_park_then_lead_firm_is_located_and_a_copula_complement_is_not_the_subject():
    f, _ = facts("肇庆高新区的链主企业广东云岭光学有限公司就在我们隔壁。")
    assert ("广东云岭光学有限公司", "locatedIn", "肇庆高新技术产业开发区") in f
    f, _ = facts("珠海云岭光电有限公司是广东云岭光学有限公司的控股子公司，去年在肇庆高新区追加投资建设了第二条生产线。")
    assert ("珠海云岭光电有限公司", "locatedIn", "肇庆高新技术产业开发区") in f
    assert ("广东云岭光学有限公司", "locatedIn", "肇庆高新技术产业开发区") not in f


def test_honour_holders_a_person_and_not_the_conferring_body():
    f, _ = facts("广东云岭光学有限公司获评广东省绿色工厂；董事长罗晓明（兼总经理）荣获“广东省优秀民营企业家”称号。")
    assert ("罗晓明", "receivedHonour", "广东省优秀民营企业家") in f
    assert ("广东云岭光学有限公司", "receivedHonour", "广东省优秀民营企业家") not in f
    f, _ = facts("广东云岭光学有限公司收获了不少荣誉：2023年入选国家知识产权局公布的国家知识产权示范企业名单。")
    assert ("广东云岭光学有限公司", "receivedHonour", "国家知识产权示范企业") in f


def test_an_enterprise_designation_is_not_held_by_the_platform_named_before_it():
    f, _ = facts("广东云岭光学有限公司建有广东省光学镜片工程技术研究中心，2023年入选国家级专精特新“小巨人”企业。")
    assert ("广东云岭光学有限公司", "receivedHonour", "国家级专精特新“小巨人”企业") in f
    assert ("广东省光学镜片工程技术研究中心", "receivedHonour", "国家级专精特新“小巨人”企业") not in f


def test_a_sentence_stating_a_plan_builds_nothing_together():
    f, _ = facts("管委会将支持广东云岭光学有限公司与华南理工大学共建光学材料联合实验室。")
    assert not any(p == "coBuiltPlatformWith" for _s, p, _o in f)
    f, _ = facts("广东云岭光学有限公司计划到2027年营收翻番，并与华南理工大学共建光学材料联合研究中心。")
    assert not any(p == "coBuiltPlatformWith" for _s, p, _o in f)


def test_a_co_building_clause_shares_the_pair_of_the_clause_before():
    f, _ = facts("广东云岭光学有限公司携手华南理工大学，共建光学材料联合实验室。")
    assert ("广东云岭光学有限公司", "coBuiltPlatformWith", "华南理工大学") in f


def test_the_firm_before_a_project_name_or_qi_undertakes_it():
    f, _ = facts("广东云岭集团股份有限公司全资子公司广东云岭光学有限公司年产500万片光学镜片项目今天开工。")
    assert ("年产500万片光学镜片项目", "undertakenBy", "广东云岭光学有限公司") in f
    f, _ = facts("广东云岭光学有限公司主营光学镜片，其投资建设的年产500万片光学镜片项目总投资5亿元。")
    assert ("年产500万片光学镜片项目", "undertakenBy", "广东云岭光学有限公司") in f


def test_a_project_before_you_is_the_one_undertaken():
    f, _ = facts("年产500万片光学镜片项目由广东云岭光学有限公司具体实施，年产3万吨镀膜材料项目同日开工。")
    assert ("年产500万片光学镜片项目", "undertakenBy", "广东云岭光学有限公司") in f
    assert ("年产3万吨镀膜材料项目", "undertakenBy", "广东云岭光学有限公司") not in f


def test_jointly_funding_or_hosting_is_cooperation():
    f, _ = facts("肇庆高新区管理委员会与广东云岭光学有限公司共同出资设立光学产业基金。")
    assert ("肇庆高新区管理委员会", "cooperatesWith", "广东云岭光学有限公司") in f


def test_a_semicolon_clause_names_its_own_seller():
    f, _ = facts("广东云岭光学有限公司营收增长16%；珠海晶彩显示有限公司去年营收21亿元，显示模组批量供应深圳明视光电有限公司。")
    assert ("珠海晶彩显示有限公司", "hasCustomer", "深圳明视光电有限公司") in f
    assert ("广东云岭光学有限公司", "hasCustomer", "深圳明视光电有限公司") not in f


def test_in_a_company_report_gongsi_is_always_the_issuer():
    f, _ = facts(
        "湖北恒远精密轴承股份有限公司2024年年度报告（摘录）\n第三节 管理层讨论与分析\n一、主要客户\n"
        "武汉江岸重工有限公司系2023年新增客户，主要向公司采购风电轴承。\n"
        "报告期内，公司建有湖北省精密轴承工程技术研究中心。"
    )
    assert ("湖北恒远精密轴承股份有限公司", "hostsPlatform", "湖北省精密轴承工程技术研究中心") in f
    assert ("武汉江岸重工有限公司", "hostsPlatform", "湖北省精密轴承工程技术研究中心") not in f


def test_supply_written_as_prose_names_seller_and_buyer():
    f, _ = facts(
        "浙江明川泵业有限公司的不锈钢原料由宁波恒钢材料有限公司长期供应，电机则采购自温州华动电机有限公司，"
        "铸件主要向同处园区的台州立铸机械有限公司采购。"
    )
    assert ("宁波恒钢材料有限公司", "hasCustomer", "浙江明川泵业有限公司") in f
    assert ("温州华动电机有限公司", "hasCustomer", "浙江明川泵业有限公司") in f
    assert ("台州立铸机械有限公司", "hasCustomer", "浙江明川泵业有限公司") in f
    f, _ = facts("浙江明川泵业有限公司去年首次实现对杭州清渠水务设备有限公司的批量供货。")
    assert ("浙江明川泵业有限公司", "hasCustomer", "杭州清渠水务设备有限公司") in f


def test_a_report_lists_the_issuers_subsidiaries():
    f, _ = facts(
        "湖北恒远精密轴承股份有限公司2024年年度报告（摘录）\n第四节 子公司情况\n"
        "1.襄阳恒远锻造有限公司，系公司全资子公司，注册资本8000万元。\n"
        "2.宜昌恒远传动有限公司\n公司持股60%的控股子公司，主要生产减速器。"
    )
    assert ("襄阳恒远锻造有限公司", "subsidiaryOf", "湖北恒远精密轴承股份有限公司") in f
    assert ("宜昌恒远传动有限公司", "subsidiaryOf", "湖北恒远精密轴承股份有限公司") in f


def test_a_title_with_no_body_in_a_report_is_held_in_the_issuer():
    f, ex = facts(
        "湖北恒远精密轴承股份有限公司2024年年度报告（摘录）\n第五节 核心技术人员\n"
        "公司主要原料由武汉江岸钢材有限公司供应。\n"
        "其中，副总经理贺景文毕业于武汉理工大学，兼任武汉理工大学材料学院硕士生导师。"
    )
    roles = {(r.subject, r.object, r.role) for r in ex.relations if r.predicate == "affiliatedWith"}
    assert ("贺景文", "湖北恒远精密轴承股份有限公司", "副总经理") in roles
    assert ("贺景文", "武汉理工大学", "硕士生导师") in roles
    assert not any(o == "武汉江岸钢材有限公司" for _s, o, _r in roles)


def test_qi_after_a_validation_points_back_to_the_validating_buyer():
    f, _ = facts(
        "浙江明川泵业有限公司主营屏蔽泵。去年，其屏蔽泵产品通过杭州清渠水务设备有限公司的产线验证，正式进入其供应链体系。"
    )
    assert ("浙江明川泵业有限公司", "hasCustomer", "杭州清渠水务设备有限公司") in f
    f, _ = facts("浙江明川泵业有限公司主营屏蔽泵。杭州清渠水务设备有限公司为其配套生产电机。")
    assert ("浙江明川泵业有限公司", "hasCustomer", "杭州清渠水务设备有限公司") not in f


def test_a_firm_after_tongguo_or_jinru_is_not_what_the_sentence_is_about():
    f, ex = facts(
        "浙江明川泵业有限公司主营屏蔽泵。"
        "去年，MC型屏蔽泵通过杭州清渠水务设备有限公司的验证；随后，公司又进入宁波东港石化有限公司的供应链。"
        "公司总经理顾晓峰表示，将继续扩产。"
    )
    roles = {(r.subject, r.object) for r in ex.relations if r.predicate == "affiliatedWith"}
    assert ("顾晓峰", "浙江明川泵业有限公司") in roles
    assert ("浙江明川泵业有限公司", "hasCustomer", "宁波东港石化有限公司") in f


def test_a_partner_is_not_paired_with_a_name_inside_its_own():
    f, _ = facts("该中心由明川泵业牵头，联合浙江大学宁波研究院共同建设。")
    assert ("浙江大学宁波研究院", "coBuiltPlatformWith", "浙江大学") not in f
    assert ("浙江大学", "coBuiltPlatformWith", "浙江大学宁波研究院") not in f


def test_a_firm_working_through_its_platform_hosts_it():
    f, _ = facts("浙江明川泵业有限公司主营屏蔽泵。公司依托浙江省屏蔽泵工程技术研究中心开展研发。")
    assert ("浙江明川泵业有限公司", "hostsPlatform", "浙江省屏蔽泵工程技术研究中心") in f


def test_an_industry_framing_the_clause_or_named_as_the_firms_trade():
    f, _ = facts("生物医药领域，浙江康源制药有限公司研制的注射液获批上市。")
    assert ("浙江康源制药有限公司", "inIndustry", "生物医药") in f
    f, _ = facts("浙江康源制药有限公司主营注射液，是我市生物医药行业的骨干企业。")
    assert ("浙江康源制药有限公司", "inIndustry", "生物医药") in f
    f, _ = facts("生物医药领域，浙江康源制药有限公司作为龙头企业，带动30家企业集聚。")
    assert ("浙江康源制药有限公司", "inIndustry", "生物医药") not in f


def test_shuangfang_with_one_party_named_pairs_it_with_the_speakers_firm():
    f, _ = facts(
        "浙江明川泵业有限公司主营屏蔽泵。浙江明川泵业有限公司去年营收增长。浙江明川泵业有限公司总部在宁波。"
        "我们参股了一家做密封件的企业，宁波东港密封科技有限公司，双方在机械密封上联合开发。"
    )
    assert ("浙江明川泵业有限公司", "cooperatesWith", "宁波东港密封科技有限公司") in f


def test_a_report_paragraph_on_an_investee_pairs_it_with_the_issuer():
    f, _ = facts(
        "湖北恒远精密轴承股份有限公司2024年年度报告（摘录）\n第四节 参股公司情况\n"
        "1.襄阳恒通特钢有限公司\n公司参股公司，公司持股30%，主要生产轴承钢。报告期内，双方在新钢种开发方面开展合作。"
    )
    assert ("湖北恒远精密轴承股份有限公司", "cooperatesWith", "襄阳恒通特钢有限公司") in f
    assert ("湖北恒远精密轴承股份有限公司", "produces", "轴承钢") not in f


def test_a_joint_lab_named_a_dash_b_was_built_by_both():
    f, _ = facts(
        "宁波东港密封科技有限公司（以下简称“东港密封”）主营机械密封。"
        "东港密封总经理顾晓峰与校领导共同为“宁波大学—东港密封流体密封联合实验室”揭牌。"
        "双方此前已共同申请发明专利“一种双端面机械密封结构”。"
    )
    assert ("宁波大学", "coBuiltPlatformWith", "宁波东港密封科技有限公司") in f
    assert ("一种双端面机械密封结构", "applicant", "宁波大学") in f


def test_a_solely_filed_patent_after_a_co_filed_one_has_its_own_applicant():
    f, _ = facts(
        "宁波东港密封科技有限公司与宁波大学共同申请的发明专利“一种双端面机械密封结构”获得省专利奖；"
        "该公司独立申请的发明专利“一种干气密封监测方法”已获授权。"
    )
    assert ("一种干气密封监测方法", "applicant", "宁波东港密封科技有限公司") in f
    assert ("一种干气密封监测方法", "applicant", "宁波大学") not in f


def test_a_construction_site_places_the_project_not_the_firm():
    f, _ = facts(
        "宁波东港密封科技有限公司投资建设的“年产50万套机械密封项目”由全资子公司宁波东港精工有限公司实施，"
        "建设地点位于宁波杭州湾新材料产业园，项目总投资8亿元。"
    )
    assert ("年产50万套机械密封项目", "locatedIn", "宁波杭州湾新材料产业园") in f
    assert ("宁波东港密封科技有限公司", "locatedIn", "宁波杭州湾新材料产业园") not in f


def test_building_for_a_firm_or_a_building_contract_makes_it_a_customer():
    f, _ = facts("烟台北港船舶重工有限公司主营海工装备。10月，公司为山东东岬海洋牧场有限公司建造的养殖平台完成交付。")
    assert ("烟台北港船舶重工有限公司", "hasCustomer", "山东东岬海洋牧场有限公司") in f
    f, _ = facts("烟台北港船舶重工有限公司主营海工装备。10月，公司与浙江南渔远洋集团有限公司签订2艘养殖工船建造合同。")
    assert ("烟台北港船舶重工有限公司", "hasCustomer", "浙江南渔远洋集团有限公司") in f


def test_a_project_named_before_and_gongsi_leading_a_joint_project():
    f, _ = facts(
        "宁波东港密封科技有限公司与园区集中签约，投资建设机械密封生产基地项目和密封件检测中心项目。"
        "其中，机械密封生产基地项目由宁波东港密封科技有限公司的全资子公司宁波东港精工有限公司具体实施。"
    )
    assert ("机械密封生产基地项目", "undertakenBy", "宁波东港精工有限公司") in f
    f, _ = facts(
        "宁波东港密封科技股份有限公司2024年度社会责任报告\n第三章 创新\n"
        "由公司牵头，联合宁波大学完成的“高参数机械密封关键技术及产业化”项目获省科学技术进步奖一等奖。"
    )
    assert ("高参数机械密封关键技术及产业化", "undertakenBy", "宁波东港密封科技股份有限公司") in f


def test_a_firm_investing_a_sum_to_build_a_project_undertakes_it():
    f, _ = facts("宁波东港密封科技有限公司主营机械密封。去年，公司投资3.5亿元建设的年产50万套机械密封项目在园区投产。")
    assert ("年产50万套机械密封项目", "undertakenBy", "宁波东港密封科技有限公司") in f


def test_school_and_company_stand_for_the_pair_named_before():
    f, _ = facts(
        "2021年，宁波大学与宁波东港密封科技有限公司共建流体密封联合实验室。"
        "实验室成立以来，学校和公司共同申请发明专利12件，其中“一种双端面机械密封结构”获得省专利奖。"
    )
    assert ("一种双端面机械密封结构", "applicant", "宁波东港密封科技有限公司") in f
    assert ("一种双端面机械密封结构", "applicant", "宁波大学") in f


def test_a_subsidiary_set_up_in_a_park_is_the_one_located_there():
    f, _ = facts("宁波东港密封科技有限公司在宁波杭州湾新材料产业园设立了全资子公司宁波东港精工有限公司，专门生产密封环。")
    assert ("宁波东港精工有限公司", "locatedIn", "宁波杭州湾新材料产业园") in f
    assert ("宁波东港密封科技有限公司", "locatedIn", "宁波杭州湾新材料产业园") not in f


def test_the_second_chain_leader_after_zeshi():
    f, _ = facts("新型显示产业链的链主是安徽晶岳光电股份有限公司，集成电路产业链的链主则是安徽芯泓微电子有限公司。")
    assert ("安徽芯泓微电子有限公司", "chainLeaderOf", "集成电路") in f


def test_a_subsidiary_just_set_up_sells_to_the_listed_buyer():
    f, _ = facts(
        "宁波东港密封科技有限公司主营机械密封。我们在舟山设立了全资子公司舟山东港材料有限公司，主要生产石墨环，也对外销售给浙江南海泵业有限公司。"
    )
    assert ("舟山东港材料有限公司", "hasCustomer", "浙江南海泵业有限公司") in f
    assert ("宁波东港密封科技有限公司", "hasCustomer", "浙江南海泵业有限公司") not in f


def test_what_an_unbuilt_project_will_make_is_not_yet_produced():
    f, _ = facts("3月18日，宁波东港密封科技有限公司年产50万套机械密封环项目在园区开工。")
    assert ("宁波东港密封科技有限公司", "produces", "机械密封环") not in f
    f, _ = facts("3月18日，宁波东港密封科技有限公司年产50万套机械密封环项目在园区建成投产。")
    assert ("宁波东港密封科技有限公司", "produces", "机械密封环") in f


def test_a_firm_that_is_one_of_the_parks_key_firms_is_in_the_park():
    f, _ = facts(
        "宁波杭州湾新材料产业园位于慈溪。宁波杭州湾新材料产业园新签项目12个。"
        "宁波东港密封科技有限公司主营机械密封，是园区流体装备产业的骨干企业。"
    )
    assert ("宁波东港密封科技有限公司", "locatedIn", "宁波杭州湾新材料产业园") in f


def test_winning_a_buyers_tender_makes_it_a_customer():
    f, _ = facts("宁波东港密封科技有限公司近期中标浙江南海石化有限公司密封件集中采购项目。")
    assert ("宁波东港密封科技有限公司", "hasCustomer", "浙江南海石化有限公司") in f


def test_a_title_holder_who_joined_the_company_works_for_the_firm_the_text_is_about():
    f, ex = facts(
        "宁波东港密封科技股份有限公司主营机械密封。宁波东港密封科技股份有限公司去年营收增长。"
        "宁波东港密封科技股份有限公司在舟山设有全资子公司舟山东港材料有限公司。"
        "首席技术官贺景文毕业于浙江大学，2016年加入公司。"
    )
    roles = {(r.subject, r.object, r.role) for r in ex.relations if r.predicate == "affiliatedWith"}
    assert ("贺景文", "宁波东港密封科技股份有限公司", "首席技术官") in roles


def test_a_patent_named_before_the_co_filing_cue():
    f, _ = facts(
        "宁波东港密封科技有限公司与宁波大学签署合作协议。"
        "双方联合攻关形成的发明专利“一种双端面机械密封结构”以两家单位名义共同申请。"
    )
    assert ("一种双端面机械密封结构", "applicant", "宁波大学") in f
    assert ("一种双端面机械密封结构", "applicant", "宁波东港密封科技有限公司") in f


def test_b_is_also_our_products_first_customer():
    f, _ = facts(
        "宁波东港密封科技有限公司主营机械密封。宁波东港密封科技有限公司去年营收增长。宁波东港密封科技有限公司总部在宁波。"
        "浙江南海泵业有限公司也是我们干气密封产品的首批客户。"
    )
    assert ("宁波东港密封科技有限公司", "hasCustomer", "浙江南海泵业有限公司") in f


def test_a_parks_committee_not_the_park_is_the_partner_when_both_are_said():
    f, _ = facts(
        "宁波杭州湾新材料产业园与宁波大学签署战略合作协议\n"
        "3月6日，宁波杭州湾新材料产业园管理委员会与宁波大学签署战略合作协议。"
    )
    assert ("宁波杭州湾新材料产业园管理委员会", "cooperatesWith", "宁波大学") in f
    assert ("宁波杭州湾新材料产业园", "cooperatesWith", "宁波大学") not in f


def test_yuanqu_written_in_a_platform_name_does_not_make_the_park_its_host():
    f, _ = facts(
        "宁波杭州湾新材料产业园新签项目12个。园区企业宁波东港密封科技有限公司在园区综合服务中心举行发布会。"
    )
    assert ("宁波杭州湾新材料产业园", "hostsPlatform", "园区综合服务中心") not in f


def test_project_owner_label_names_the_undertaker():
    f, _ = facts("①年产8000吨高纯石英砂项目｜投资方：江西翠岭新材料有限公司｜总投资6亿元")
    assert ("年产8000吨高纯石英砂项目", "undertakenBy", "江西翠岭新材料有限公司") in f
    f, _ = facts("年产30万套智能温控阀门扩产项目（建设单位：浙江澄溪阀门股份有限公司）近日通过竣工验收。")
    assert ("年产30万套智能温控阀门扩产项目", "undertakenBy", "浙江澄溪阀门股份有限公司") in f


def test_project_owner_needs_a_label_not_a_word_in_prose():
    f, _ = facts("年产8000吨高纯石英砂项目的建设单位正在招标，江西翠岭新材料有限公司参加了洽谈。")
    assert ("年产8000吨高纯石英砂项目", "undertakenBy", "江西翠岭新材料有限公司") not in f


def test_firm_owns_the_project_written_after_it():
    f, _ = facts("湖北望川电机有限公司的年产20万台伺服电机项目今年开工。")
    assert ("年产20万台伺服电机项目", "undertakenBy", "湖北望川电机有限公司") in f


def test_located_in_by_each_settling_verb():
    for verb in ("进驻", "安家落户", "安家于", "布局于", "落地于", "注册在", "总部设在"):
        f, _ = facts(f"湖南岚汐精密制造有限公司{verb}岳麓湾智能装备产业园。")
        assert ("湖南岚汐精密制造有限公司", "locatedIn", "岳麓湾智能装备产业园") in f, verb


def test_a_planned_settling_is_not_a_location():
    for lead in ("计划", "拟", "将于明年"):
        f, _ = facts(f"湖南岚汐精密制造有限公司{lead}入驻岳麓湾智能装备产业园。")
        assert ("湖南岚汐精密制造有限公司", "locatedIn", "岳麓湾智能装备产业园") not in f, lead


def test_received_honour_by_each_award_verb():
    firm = "湖南岚汐精密制造有限公司"
    for said, title in (
        ("上榜2024年湖南省专精特新中小企业名单", "湖南省专精特新中小企业"),
        ("跻身国家级专精特新“小巨人”企业行列", "国家级专精特新“小巨人”企业"),
        ("摘得湖南省科学技术进步奖一等奖", "湖南省科学技术进步奖一等奖"),
        ("获颁湖南省省长质量奖", "湖南省省长质量奖"),
        ("被命名为湖南省绿色工厂", "湖南省绿色工厂"),
        ("列入国家级绿色工厂名单", "国家级绿色工厂"),
        ("被列为湖南省重点培育企业", "湖南省重点培育企业"),
        ("荣膺湖南省质量标杆企业", "湖南省质量标杆企业"),
    ):
        f, _ = facts(f"{firm}{said}。")
        assert (firm, "receivedHonour", title) in f, said


def test_a_targeted_or_missed_honour_is_not_held():
    firm = "湖南岚汐精密制造有限公司"
    for said in ("力争跻身国家级专精特新“小巨人”企业行列", "计划明年上榜湖南省专精特新中小企业名单",
                 "未能入选湖南省专精特新中小企业名单", "争取获评湖南省绿色工厂"):
        f, _ = facts(f"{firm}{said}。")
        assert not any(p == "receivedHonour" for _, p, _ in f), said
    f, _ = facts("湖南省工业和信息化厅将湖南岚汐精密制造有限公司认定为湖南省绿色工厂。")
    assert (firm, "receivedHonour", "湖南省绿色工厂") in f


def test_produces_by_each_line_of_business_phrase():
    firm = "湖南岚汐精密制造有限公司"
    for said in ("专业从事精密减速器的研发、生产和销售", "致力于精密减速器的研发", "批量生产精密减速器", "量产精密减速器"):
        f, _ = facts(f"{firm}{said}。")
        assert (firm, "produces", "精密减速器") in f, said


def test_firm_making_a_product_named_elsewhere():
    f, _ = facts(
        "湖南岚汐精密制造有限公司的主要产品包括精密减速器。"
        "控股子公司湖南岚汐传动有限公司设在长沙，2022年建成投产，主要向海外客户供应精密减速器。"
    )
    assert ("湖南岚汐传动有限公司", "produces", "精密减速器") in f


def test_a_planned_or_denied_making_adds_no_product():
    f, _ = facts(
        "湖南岚汐精密制造有限公司的主要产品包括精密减速器。"
        "湖南澧沅动力有限公司计划明年量产精密减速器；湖南湘栎机电有限公司不生产精密减速器。"
    )
    assert ("湖南澧沅动力有限公司", "produces", "精密减速器") not in f
    assert ("湖南湘栎机电有限公司", "produces", "精密减速器") not in f


def test_undertaken_by_each_investing_phrase():
    firm, project = "湖北望川电机有限公司", "年产20万台伺服电机项目"
    for said in (
        f"{project}由{firm}投资，总投资8亿元。",
        f"{firm}总投资8亿元的{project}今年开工。",
        f"{firm}新建{project}。",
        f"{firm}开工建设{project}。",
        f"{project}的投资方为{firm}。",
        f"{project}业主为{firm}。",
    ):
        f, _ = facts(said)
        assert (project, "undertakenBy", firm) in f, said


def test_the_one_firm_signing_with_the_park_undertakes_the_project():
    f, _ = facts("湖北望川电机有限公司与岳麓湾智能装备产业园管理委员会签约，总投资8亿元的年产20万台伺服电机项目正式落户岳麓湾智能装备产业园。")
    assert ("年产20万台伺服电机项目", "undertakenBy", "湖北望川电机有限公司") in f
    f, _ = facts("湖北望川电机有限公司拟与岳麓湾智能装备产业园管理委员会签约，年产20万台伺服电机项目有望落地。")
    assert ("年产20万台伺服电机项目", "undertakenBy", "湖北望川电机有限公司") not in f
    f, _ = facts("湖北望川电机有限公司与湖南岚汐精密制造有限公司签约，年产20万台伺服电机项目同步启动。")
    assert ("年产20万台伺服电机项目", "undertakenBy", "湖北望川电机有限公司") not in f


def test_located_in_by_move_count_bracket_and_new_arrivals():
    firm, park = "湖南岚汐精密制造有限公司", "岳麓湾智能装备产业园"
    for said in (
        f"{firm}扎根{park}。",
        f"{firm}搬迁至{park}。",
        f"{firm}是{park}首家上市企业。",
        f"{firm}成为{park}第5家上市企业。",
        f"{firm}（{park}）今年产值增长20%。",
        f"{park}新增{firm}等3家规上企业。",
    ):
        f, _ = facts(said)
        assert (firm, "locatedIn", park) in f, said


def test_a_quoted_project_holds_the_award_it_won():
    f, _ = facts("湖北望川电机有限公司与武汉理工大学合作完成的“高功率密度伺服电机关键技术及应用”项目，获2024年度湖北省科学技术进步奖一等奖。")
    assert ("高功率密度伺服电机关键技术及应用", "receivedHonour", "湖北省科学技术进步奖一等奖") in f
    assert ("武汉理工大学", "receivedHonour", "湖北省科学技术进步奖一等奖") not in f


def test_the_ministry_naming_the_list_is_not_its_member():
    f, _ = facts("湖北望川电机有限公司入选工业和信息化部第七批制造业单项冠军企业名单。")
    assert ("工业和信息化部", "receivedHonour", "制造业单项冠军企业") not in f


def test_a_product_named_before_holds_the_title_it_earned():
    f, _ = facts(
        "湖北望川电机有限公司主要产品包括高速永磁同步电机。"
        "2024年，其高速永磁同步电机被认定为湖北省首台（套）重大技术装备。"
    )
    assert ("高速永磁同步电机", "receivedHonour", "湖北省首台（套）重大技术装备") in f
    assert ("湖北望川电机有限公司", "receivedHonour", "湖北省首台（套）重大技术装备") not in f


def test_located_in_a_sub_park_named_once_before():
    f, _ = facts(
        "岳麓湾智能装备产业园由精密制造园和智能传感园两个专业园组成。"
        "湖南岚汐精密制造有限公司位于园区精密制造园，主要产品包括精密减速器。"
        "2024年，公司投资6亿元建设的年产20万台伺服电机项目在智能传感园正式投产。"
    )
    assert ("湖南岚汐精密制造有限公司", "locatedIn", "精密制造园") in f
    assert ("年产20万台伺服电机项目", "locatedIn", "智能传感园") in f


def test_a_firm_building_its_project_now_undertakes_it():
    f, _ = facts("湖北望川电机有限公司正在建设年产20万台伺服电机扩产项目，总投资8亿元。")
    assert ("年产20万台伺服电机扩产项目", "undertakenBy", "湖北望川电机有限公司") in f


def test_a_firm_in_a_sub_park_is_placed_in_the_sub_park_only():
    f, _ = facts(
        "岳麓湾智能装备产业园由精密制造园和智能传感园两个专业园组成。"
        "湖南岚汐精密制造有限公司位于岳麓湾智能装备产业园精密制造园，主要产品包括精密减速器。"
    )
    assert ("湖南岚汐精密制造有限公司", "locatedIn", "精密制造园") in f
    assert ("湖南岚汐精密制造有限公司", "locatedIn", "岳麓湾智能装备产业园") not in f


def test_platform_director_by_post_verb():
    _, ex = facts(
        "2023年，华东理工大学与苏州恒晟材料科技有限公司共建“华东理工大学—恒晟材料联合实验室”，"
        "由华东理工大学化工学院教授刘子墨担任实验室主任。"
        "中心主任由公司总工程师孙宁担任。"
    )
    roles = {(r.subject, r.object, r.role) for r in ex.relations if r.predicate == "affiliatedWith"}
    assert ("刘子墨", "华东理工大学—恒晟材料联合实验室", "主任") in roles
    assert not any(r[0] == "孙宁" and r[1].endswith("中心") for r in roles)  # no 中心 named before


def test_platform_director_named_after_the_verb_and_clause_head():
    _, ex = facts(
        "苏州恒晟材料科技有限公司副总经理王一帆同时担任江苏省高分子膜材料工程技术研究中心主任。"
        "江苏省高分子膜材料工程技术研究中心去年通过验收。中心主任由公司总工程师孙宁担任。"
    )
    roles = {(r.subject, r.object, r.role) for r in ex.relations if r.predicate == "affiliatedWith"}
    assert ("王一帆", "江苏省高分子膜材料工程技术研究中心", "主任") in roles
    assert ("孙宁", "江苏省高分子膜材料工程技术研究中心", "主任") in roles


def test_customer_after_weishi_and_each_listed_buyer():
    f, _ = facts("宁波海岳精密机械有限公司主要生产液压阀块，主要客户为杭州东辰重工有限公司。")
    assert ("宁波海岳精密机械有限公司", "hasCustomer", "杭州东辰重工有限公司") in f
    f, _ = facts("宁波海岳精密机械有限公司的新型阀块已向杭州东辰重工有限公司、温州瓯江机电有限公司批量交付。")
    assert ("宁波海岳精密机械有限公司", "hasCustomer", "杭州东辰重工有限公司") in f
    assert ("宁波海岳精密机械有限公司", "hasCustomer", "温州瓯江机电有限公司") in f


def test_buyer_of_one_clause_is_not_the_seller_of_the_next():
    f, _ = facts("宁波海岳精密机械有限公司的阀块已批量配套杭州东辰重工有限公司，油缸则稳定供货温州瓯江机电有限公司。")
    assert ("宁波海岳精密机械有限公司", "hasCustomer", "温州瓯江机电有限公司") in f
    assert ("杭州东辰重工有限公司", "hasCustomer", "温州瓯江机电有限公司") not in f


def test_bare_committee_or_district_government_before_yu_is_the_body_named_before():
    f, _ = facts(
        "湖州南太湖高新技术产业开发区管理委员会主任赵青出席会议。"
        "今年5月，管委会与浙江工业大学签署战略合作协议。"
    )
    assert ("湖州南太湖高新技术产业开发区管理委员会", "cooperatesWith", "浙江工业大学") in f
    f, _ = facts("湖州市吴兴区人民政府召开会议。6月，区人民政府与浙江工业大学签署校地合作协议。")
    assert ("湖州市吴兴区人民政府", "cooperatesWith", "浙江工业大学") in f


def test_leader_then_joined_partners_co_build():
    f, _ = facts(
        "该联盟由浙江东港船舶重工有限公司牵头，联合浙江海洋大学、宁波大学和舟山市海事研究院共同发起成立。"
    )
    for partner in ("浙江海洋大学", "宁波大学", "舟山市海事研究院"):
        assert ("浙江东港船舶重工有限公司", "coBuiltPlatformWith", partner) in f
    assert ("浙江海洋大学", "coBuiltPlatformWith", "宁波大学") not in f


def test_product_honour_is_not_the_firms():
    f, _ = facts("温州瓯江机电有限公司自主研发的OJ-300型智能分拣机入选2024年度浙江省首台（套）重大技术装备。")
    assert not any(s == "温州瓯江机电有限公司" and p == "receivedHonour" for s, p, _o in f)


def test_child_registered_in_the_park_and_project_in_a_park_phase():
    f, _ = facts("温州瓯江机电有限公司已在浙南智造产业园注册成立全资子公司温州瓯江智控有限公司。")
    assert ("温州瓯江智控有限公司", "locatedIn", "浙南智造产业园") in f
    f, _ = facts("年产5万台智能电机项目在浙南智造产业园二期开工。")
    assert ("年产5万台智能电机项目", "locatedIn", "浙南智造产业园") in f


def test_qiye_before_invested_project_is_the_topic_firm():
    f, _ = facts("温州瓯江机电有限公司主要生产智能电机。企业投资8亿元建设的智能电机扩产项目已开工。")
    assert ("智能电机扩产项目", "undertakenBy", "温州瓯江机电有限公司") in f


def test_export_delivery_and_order_cues_name_buyers():
    f, _ = facts("温州瓯江机电有限公司的智能电机已交付杭州东辰重工有限公司，伺服电机则出口至越南河江机械有限公司。")
    assert ("温州瓯江机电有限公司", "hasCustomer", "杭州东辰重工有限公司") in f
    assert ("温州瓯江机电有限公司", "hasCustomer", "越南河江机械有限公司") in f
    assert ("杭州东辰重工有限公司", "hasCustomer", "越南河江机械有限公司") not in f
    f, _ = facts("温州瓯江机电有限公司新产线首批订单来自杭州东辰重工有限公司和宁波海岳精密机械有限公司。")
    assert ("温州瓯江机电有限公司", "hasCustomer", "宁波海岳精密机械有限公司") in f
    f, _ = facts("温州瓯江机电有限公司的电机进入杭州东辰重工有限公司等客户的集采名录。")
    assert ("温州瓯江机电有限公司", "hasCustomer", "杭州东辰重工有限公司") in f


def test_n_projects_all_land_in_a_park():
    f, _ = facts(
        "本次签约年产5万台智能电机项目、伺服驱动器产业化项目和精密减速机项目。"
        "两个项目均将落地浙南智造产业园。"
    )
    assert ("伺服驱动器产业化项目", "locatedIn", "浙南智造产业园") in f
    assert ("精密减速机项目", "locatedIn", "浙南智造产业园") in f
    assert ("年产5万台智能电机项目", "locatedIn", "浙南智造产业园") not in f


def test_kaizhan_some_technology_hezuo_is_cooperation():
    f, _ = facts("温州瓯江机电有限公司目前正与浙江工业大学开展高效电机绕组技术合作。")
    assert ("温州瓯江机电有限公司", "cooperatesWith", "浙江工业大学") in f


def test_platform_the_firm_relies_on_in_a_relative_clause():
    f, _ = facts("温州瓯江机电有限公司依托的浙江省高效电机工程技术研究中心去年通过了复评。")
    assert ("温州瓯江机电有限公司", "hostsPlatform", "浙江省高效电机工程技术研究中心") in f


def test_generic_product_word_is_not_a_product_made():
    f, _ = facts("温州瓯江机电有限公司主要生产智能电机。一、主营业务、主要产品及其变化情况")
    assert not any(p == "produces" and o == "主要产品" for _s, p, o in f)


def test_firm_right_before_shenqing_de_is_the_applicant():
    f, _ = facts(
        "温州瓯江机电有限公司主要生产智能电机。"
        "今年，宁波海岳精密机械有限公司独立申请的“一种液压阀块的密封结构”获得授权。"
    )
    assert ("一种液压阀块的密封结构", "applicant", "宁波海岳精密机械有限公司") in f
    assert ("一种液压阀块的密封结构", "applicant", "温州瓯江机电有限公司") not in f


def test_a_government_body_is_not_located_in_a_park():
    f, _ = facts("浙江省经济和信息化厅副厅长陈立到会指导。浙江省经济和信息化厅位于浙南智造产业园。")
    assert not any(s == "浙江省经济和信息化厅" and p == "locatedIn" for s, p, _o in f)


def test_co_patentees_named_after_the_patent():
    f, _ = facts("温州瓯江机电有限公司与浙江工业大学联合研发的“一种电机定子散热结构”获得授权，双方为共同专利权人。")
    assert ("温州瓯江机电有限公司", "coFiledPatentWith", "浙江工业大学") in f
    assert ("一种电机定子散热结构", "applicant", "浙江工业大学") in f
    assert ("温州瓯江机电有限公司", "cooperatesWith", "浙江工业大学") not in f


def test_firm_lines_under_an_honour_heading_receive_it():
    f, _ = facts(
        "经企业申报、逐级推荐和专家评审，省经济和信息化厅公布了本年度省级专精特新中小企业名单，协会会员单位入选情况如下：\n"
        "浙江省专精特新中小企业（2家）\n杭州东辰重工有限公司\n宁波海岳精密机械有限公司\n"
        "截至目前，协会会员单位中共有省级专精特新中小企业47家，较上年增加了12家，占会员总数的三成以上。\n"
    )
    assert ("杭州东辰重工有限公司", "receivedHonour", "浙江省专精特新中小企业") in f
    assert ("宁波海岳精密机械有限公司", "receivedHonour", "浙江省专精特新中小企业") in f


def test_platform_designation_goes_to_the_named_platform():
    f, _ = facts("宁波海岳精密机械有限公司建有宁波市液压元件检测服务平台，该平台今年被认定为浙江省中小企业公共服务示范平台。")
    assert ("宁波市液压元件检测服务平台", "receivedHonour", "浙江省中小企业公共服务示范平台") in f
    assert ("宁波海岳精密机械有限公司", "receivedHonour", "浙江省中小企业公共服务示范平台") not in f


def test_a_conferring_department_holds_no_honour():
    f, _ = facts("浙江省科学技术厅公布名单，浙江省科学技术厅荣获浙江省科技进步一等奖。")
    assert not any(s == "浙江省科学技术厅" and p == "receivedHonour" for s, p, _o in f)


def test_sentence_topics_are_reused_only_for_the_same_mentions():
    from graph.extract import relations
    from graph.extract.mentions import find_mentions

    sents = split_sentences(clean_text("广东星河新材料有限公司位于肇庆高新区。该公司主要生产铝型材。"))
    ms = tuple(find_mentions(sents).mentions)
    first = relations.sentence_topics(sents, ms)
    assert relations.sentence_topics(sents, list(ms)) == first  # the same objects in a list: the same topics
    without_firm = [m for m in ms if m.cls != "Enterprise"]
    assert relations.sentence_topics(sents, without_firm) == relations._sentence_topics(sents, without_firm)
    assert relations.sentence_topics(sents, without_firm) != first


def test_a_subsidiary_supplying_its_parent_has_it_as_customer():
    f, _ = facts("宁波海岳精密机械有限公司去年设立了全资子公司宁波海岳铸造有限公司，它生产的铸件全部供给母公司。")
    assert ("宁波海岳铸造有限公司", "hasCustomer", "宁波海岳精密机械有限公司") in f
    f, _ = facts("杭州东辰重工有限公司的全资子公司杭州东辰液压有限公司主要为母公司及浙江远航船舶有限公司配套生产液压件。")
    assert ("杭州东辰液压有限公司", "hasCustomer", "杭州东辰重工有限公司") in f
    assert ("杭州东辰液压有限公司", "hasCustomer", "浙江远航船舶有限公司") in f
    f, _ = facts("杭州东辰重工有限公司设立了全资子公司杭州东辰液压有限公司，归属于母公司股东的净利润增长8%。")
    assert not any(p == "hasCustomer" for _s, p, _o in f)



def test_a_project_undertaken_by_the_firm_ending_the_clause_before():
    f, _ = facts("杭州东辰重工有限公司在园区设立的全资子公司杭州东辰液压有限公司，承担年产5万台液压泵项目，项目总投资3亿元。")
    assert ("年产5万台液压泵项目", "undertakenBy", "杭州东辰液压有限公司") in f
    assert ("年产5万台液压泵项目", "undertakenBy", "杭州东辰重工有限公司") not in f


def test_a_project_built_by_the_firm_a_time_word_and_its_pronoun_name():
    f, _ = facts("杭州东辰重工有限公司是园区龙头企业。今年该公司投资建设的年产5万台液压泵项目已开工。")
    assert ("年产5万台液压泵项目", "undertakenBy", "杭州东辰重工有限公司") in f


def test_firms_coordinated_through_their_products_both_enter_the_supply_chain():
    f, _ = facts("宁波海岳精密机械有限公司的液压阀块、杭州东辰液压有限公司的齿轮泵均已进入浙江远航船舶有限公司供应链。")
    assert ("宁波海岳精密机械有限公司", "hasCustomer", "浙江远航船舶有限公司") in f
    assert ("杭州东辰液压有限公司", "hasCustomer", "浙江远航船舶有限公司") in f


def test_supplies_after_a_comma_and_an_adverb():
    f, _ = facts("杭州东辰液压有限公司是杭州东辰重工有限公司的控股子公司，主要产品是齿轮泵，稳定供货浙江远航船舶有限公司。")
    assert ("杭州东辰液压有限公司", "hasCustomer", "浙江远航船舶有限公司") in f
    assert ("杭州东辰重工有限公司", "hasCustomer", "浙江远航船舶有限公司") not in f


def test_a_park_prefix_gives_way_to_the_firm_the_platform_is_built_in():
    f, _ = facts("肇庆高新区今年新增研发平台5个。广东星河新材料有限公司建有肇庆高新区铝型材工程技术研究中心。")
    assert ("广东星河新材料有限公司", "hostsPlatform", "肇庆高新区铝型材工程技术研究中心") in f
    assert ("肇庆高新技术产业开发区", "hostsPlatform", "肇庆高新区铝型材工程技术研究中心") not in f
    f, _ = facts("肇庆高新区今年新增研发平台5个。肇庆高新区铝型材工程技术研究中心已投入使用。")
    assert ("肇庆高新技术产业开发区", "hostsPlatform", "肇庆高新区铝型材工程技术研究中心") in f


def test_projects_all_in_the_park_and_a_park_firm_given_as_example():
    f, _ = facts("肇庆高新区今年开工项目12个。广东星河新材料有限公司的年产5万吨铝型材项目已开工，广东华材科技有限公司的年产2万吨铜箔项目已签约。两个项目都在园区东区。")
    assert ("年产5万吨铝型材项目", "locatedIn", "肇庆高新技术产业开发区") in f
    assert ("年产2万吨铜箔项目", "locatedIn", "肇庆高新技术产业开发区") in f
    f, _ = facts("肇庆高新区新材料产业增长很快。新材料企业成长迅速，比如园区企业广东星河新材料有限公司的营收增长了三成。")
    assert ("广东星河新材料有限公司", "locatedIn", "肇庆高新技术产业开发区") in f


def test_firms_visited_on_a_visit_to_the_park_are_in_it():
    f, _ = facts("3月5日，市工业和信息化局局长带队到肇庆高新区调研，先后走访广东星河新材料有限公司、广东华材科技有限公司等企业，实地察看生产线。")
    assert ("广东星河新材料有限公司", "locatedIn", "肇庆高新技术产业开发区") in f
    assert ("广东华材科技有限公司", "locatedIn", "肇庆高新技术产业开发区") in f
    f, _ = facts("局长带队到肇庆高新区调研，随后赴广州开发区走访广东星河新材料有限公司。")
    assert ("广东星河新材料有限公司", "locatedIn", "肇庆高新技术产业开发区") not in f


def test_a_chain_named_in_unknown_words_is_not_guessed_from_the_leader_name():
    f, _ = facts("超白压延玻璃这条链，链主是安徽明光新材料股份有限公司。")
    assert not any(p == "chainLeaderOf" for _s, p, _o in f)
    f, _ = facts("安徽明光新材料股份有限公司是园区新材料产业链的链主企业。")
    assert ("安徽明光新材料股份有限公司", "chainLeaderOf", "新材料") in f


def test_a_parks_featured_industries_lead_it():
    f, _ = facts("肇庆高新区的特色产业是新材料和生物医药。")
    assert ("肇庆高新技术产业开发区", "leadingIndustry", "新材料") in f
    assert ("肇庆高新技术产业开发区", "leadingIndustry", "生物医药") in f


def test_a_product_bought_in_names_its_maker():
    f, _ = facts("公司主要产品为液压阀块。控制芯片主要采购自江苏芯源微电子有限公司。")
    assert ("江苏芯源微电子有限公司", "produces", "控制芯片") in f
    f, _ = facts("公司主要原料工业级硫酸由江苏海澄化工有限公司长期供应。")
    assert ("江苏海澄化工有限公司", "produces", "工业级硫酸") in f
    f, _ = facts("江苏启明电子材料股份有限公司主要生产电子级硫酸，主要原料工业级硫酸由江苏海澄化工有限公司长期供应。")
    assert ("江苏海澄化工有限公司", "produces", "工业级硫酸") in f
    assert ("江苏启明电子材料股份有限公司", "produces", "工业级硫酸") not in f
    f, _ = facts("公司主要产品为液压阀块。控制芯片由江苏芯源微电子有限公司负责检测。")
    assert ("江苏芯源微电子有限公司", "produces", "控制芯片") not in f


def test_the_subsidiary_a_firm_set_up_in_a_park_is_the_one_in_it():
    f, _ = facts("杭州东辰重工有限公司在肇庆高新区设立的全资子公司杭州东辰液压有限公司已投产。")
    assert ("杭州东辰液压有限公司", "locatedIn", "肇庆高新技术产业开发区") in f
    assert ("杭州东辰重工有限公司", "locatedIn", "肇庆高新技术产业开发区") not in f


def test_a_platform_is_where_it_is_said_to_be():
    f, _ = facts("肇庆星湖科技企业孵化器位于肇庆高新区，由肇庆星湖创业服务有限公司负责运营。")
    assert ("肇庆星湖科技企业孵化器", "locatedIn", "肇庆高新技术产业开发区") in f
    assert ("肇庆星湖创业服务有限公司", "locatedIn", "肇庆高新技术产业开发区") not in f


def test_a_table_cell_may_hold_a_short_name():
    f, _ = facts(
        "浙江恒拓精密机械股份有限公司（以下简称“恒拓精密”）主要从事液压件研发。\n"
        "公司拥有的部分发明专利如下：\n序号 专利名称 专利权人 取得方式\n"
        "1 一种液压阀块的加工方法 恒拓精密、浙江大学 原始取得\n2 一种齿轮泵的降噪结构 恒拓精密 原始取得\n"
    )
    assert ("一种液压阀块的加工方法", "applicant", "浙江恒拓精密机械股份有限公司") in f
    assert ("一种齿轮泵的降噪结构", "applicant", "浙江恒拓精密机械股份有限公司") in f
    assert ("浙江恒拓精密机械股份有限公司", "coFiledPatentWith", "浙江大学") in f


def test_a_firms_granted_patent_and_a_jointly_developed_one():
    f, _ = facts("宁波海岳精密机械有限公司的“一种液压阀块的加工方法”获得授权。")
    assert ("一种液压阀块的加工方法", "applicant", "宁波海岳精密机械有限公司") in f
    f, _ = facts("宁波海岳精密机械有限公司发布新品；杭州东辰液压有限公司与浙江大学联合研发的“一种齿轮泵的降噪结构”获得授权。")
    assert ("一种齿轮泵的降噪结构", "applicant", "宁波海岳精密机械有限公司") not in f


def test_a_buyer_named_before_a_product_does_not_make_it():
    f, _ = facts("江苏启明电子材料股份有限公司主要生产电子级硫酸。公司电子级硫酸为无锡华芯集成电路制造有限公司稳定供货；电子级氢氟酸已通过验证。")
    assert ("无锡华芯集成电路制造有限公司", "produces", "电子级氢氟酸") not in f


def test_a_person_holding_posts_in_the_company():
    f, ex = facts("宁波海岳精密机械有限公司（以下简称“公司”）主营液压阀块。公司核心技术人员为张明远、李文静。张明远系公司创始人，现任公司董事长、总经理；李文静现任公司研发总监。")
    roles = {(r.subject, r.object, r.role) for r in ex.relations if r.predicate == "affiliatedWith"}
    assert ("张明远", "宁波海岳精密机械有限公司", "董事长") in roles
    assert ("张明远", "宁波海岳精密机械有限公司", "总经理") in roles
    assert ("李文静", "宁波海岳精密机械有限公司", "研发总监") in roles


def test_a_sentence_opening_with_a_platforms_head_noun_speaks_of_that_platform():
    f, _ = facts("肇庆星湖科技企业孵化器位于肇庆高新区，由肇庆星湖创业服务有限公司负责运营。运营公司成立于2016年，现有专职人员26人。"
                 "孵化器2019年被认定为省级科技企业孵化器；2024年被认定为国家级科技企业孵化器。")
    assert ("肇庆星湖科技企业孵化器", "receivedHonour", "省级科技企业孵化器") in f
    assert ("肇庆星湖科技企业孵化器", "receivedHonour", "国家级科技企业孵化器") in f
    assert ("肇庆星湖创业服务有限公司", "receivedHonour", "国家级科技企业孵化器") not in f


def test_company_in_a_companys_own_report_is_the_issuer():
    f, _ = facts(
        "浙江恒拓精密机械股份有限公司招股说明书\n浙江恒拓精密机械股份有限公司主要从事液压件研发。\n"
        "公司全资子公司嘉兴恒拓铸造有限公司位于嘉兴秀湖工业园，主要负责铸件生产。\n"
        "嘉兴恒拓铸造有限公司拥有专利12项。其中，第1项专利系公司与浙江大学合作研发并共同申请，双方约定共有专利权。\n"
    )
    assert ("浙江恒拓精密机械股份有限公司", "coFiledPatentWith", "浙江大学") in f
    assert ("嘉兴恒拓铸造有限公司", "coFiledPatentWith", "浙江大学") not in f


def test_a_plan_backing_a_firms_build_names_the_undertaker():
    f, _ = facts("杭州东辰重工有限公司是园区龙头企业。支持杭州东辰重工有限公司加快建设年产5万台液压泵项目，力争2027年投产。")
    assert ("年产5万台液压泵项目", "undertakenBy", "杭州东辰重工有限公司") in f


def test_supplying_a_leading_firm_of_the_park():
    f, _ = facts("宁波海岳铸造有限公司主要生产铸件，产品将配套园区龙头企业宁波海岳精密机械有限公司。")
    assert ("宁波海岳铸造有限公司", "hasCustomer", "宁波海岳精密机械有限公司") in f
    f, _ = facts("宁波海岳铸造有限公司是园区汽车零部件配套的骨干企业。")
    assert not any(p == "hasCustomer" for _s, p, _o in f)


def test_parts_named_after_the_parks_layout():
    f, _ = facts("肇庆高新区形成“一区两园”发展格局，星湖工业园主攻新材料，大旺产业园重点发展装备制造。")
    assert ("星湖工业园", "partOf", "肇庆高新技术产业开发区") in f
    assert ("大旺产业园", "partOf", "肇庆高新技术产业开发区") in f


def test_each_part_leads_the_industry_its_own_clause_names():
    f, _ = facts("肇庆高新区形成“一区两园”发展格局，星湖工业园主攻新材料，大旺产业园重点发展装备制造。")
    assert ("星湖工业园", "leadingIndustry", "新材料") in f
    assert ("大旺产业园", "leadingIndustry", "装备制造") in f
    assert ("星湖工业园", "leadingIndustry", "装备制造") not in f


def test_a_platform_unveiled_at_a_firm_is_the_firms():
    f, _ = facts("10月17日，广东省铝型材工程技术研究中心在广东星河新材料有限公司揭牌。")
    assert ("广东星河新材料有限公司", "hostsPlatform", "广东省铝型材工程技术研究中心") in f
    f, _ = facts("10月17日，广东省铝型材工程技术研究中心在肇庆高新区揭牌。")
    assert not any(p == "hostsPlatform" for _s, p, _o in f)


def test_council_posts_of_an_alliance_named_before():
    f, ex = facts("肇庆铝型材产业技术创新联盟今日成立。广东星河新材料有限公司董事长张明远任联盟首届理事长，广东星河新材料有限公司副总经理李文静任秘书长。")
    roles = {(r.subject, r.object, r.role) for r in ex.relations if r.predicate == "affiliatedWith"}
    assert ("张明远", "肇庆铝型材产业技术创新联盟", "理事长") in roles
    assert ("李文静", "肇庆铝型材产业技术创新联盟", "秘书长") in roles
    f, ex = facts("肇庆铝型材产业技术创新联盟今日成立。张明远任肇庆市机械行业协会秘书长。")
    assert not any(r.predicate == "affiliatedWith" and r.object == "肇庆铝型材产业技术创新联盟" for r in ex.relations)


def test_an_alliance_secretariat_seated_in_a_committee():
    f, _ = facts("肇庆铝型材产业技术创新联盟今日成立。联盟秘书处设在肇庆高新技术产业开发区管理委员会。")
    assert ("肇庆高新技术产业开发区管理委员会", "hostsPlatform", "肇庆铝型材产业技术创新联盟") in f


def test_the_lead_unit_of_an_alliance_hosts_it():
    f, _ = facts("肇庆铝型材产业技术创新联盟由广东星河新材料有限公司（简称“星河新材”）牵头，联合华南理工大学共同发起成立。")
    assert ("广东星河新材料有限公司", "hostsPlatform", "肇庆铝型材产业技术创新联盟") in f
    assert ("华南理工大学", "hostsPlatform", "肇庆铝型材产业技术创新联盟") not in f


def test_products_put_to_use_in_bulk_by_a_buyer():
    f, _ = facts("宁波海岳铸造有限公司主要生产铸件，其铸件已批量用于宁波海岳精密机械有限公司的液压阀块。")
    assert ("宁波海岳铸造有限公司", "hasCustomer", "宁波海岳精密机械有限公司") in f


def test_developed_together_and_then_filed_together_states_both():
    f, _ = facts("杭州东辰液压有限公司与浙江大学合作研发并共同申请了“一种齿轮泵的降噪结构”。")
    assert ("杭州东辰液压有限公司", "cooperatesWith", "浙江大学") in f
    assert ("杭州东辰液压有限公司", "coFiledPatentWith", "浙江大学") in f
    f, _ = facts("杭州东辰液压有限公司与浙江大学合作申报了“一种齿轮泵的降噪结构”。")
    assert ("杭州东辰液压有限公司", "cooperatesWith", "浙江大学") not in f


def test_doing_something_jointly_with_a_partner():
    f, _ = facts("肇庆高新区今年引进项目12个。园区联合肇庆学院开设“智能制造订单班”，首期招收学员80名。")
    assert ("肇庆高新技术产业开发区", "cooperatesWith", "肇庆学院") in f
    f, _ = facts("三、保障措施。联合肇庆学院、华南理工大学开设订单班，三年培养人才500名。")
    assert not any(p == "cooperatesWith" for _s, p, _o in f)


def test_a_numbered_task_names_no_chain_leader():
    f, _ = facts("重点抓好以下工作：一是做强园区载体；二是深化链主带动，推动广东星河新材料有限公司二期项目年内开工。")
    assert not any(p == "chainLeaderOf" for _s, p, _o in f)


def test_a_chain_named_after_the_leader_in_unknown_words_is_not_guessed():
    f, _ = facts("广东星河新材料有限公司作为肇庆高新区的龙头企业，牵引超白压延玻璃产业链发展。")
    assert not any(p == "chainLeaderOf" for _s, p, _o in f)


def test_the_place_of_a_signing_is_no_party():
    f, _ = facts("肇庆高新区举行签约仪式。3月6日，肇庆高新技术产业开发区管理委员会与华南理工大学在园区综合服务中心签署战略合作协议。")
    assert ("肇庆高新技术产业开发区管理委员会", "cooperatesWith", "华南理工大学") in f


def test_an_honour_after_the_patents_clause_is_not_the_patents():
    f, _ = facts("宁波海岳精密机械有限公司的发明专利“一种液压阀块的加工方法”获得中国专利优秀奖；公司自主研制的HY-300型液压伺服阀则入选浙江省首台（套）重大技术装备。")
    assert ("一种液压阀块的加工方法", "receivedHonour", "浙江省首台（套）重大技术装备") not in f


def test_a_team_leader_holds_the_talent_honour():
    f, _ = facts("宁波海岳精密机械有限公司首席科学家、浙江大学教授张明远领衔的团队入选浙江省钱江产业领军人才工程。")
    assert ("张明远", "receivedHonour", "浙江省钱江产业领军人才工程") in f
    assert ("宁波海岳精密机械有限公司", "receivedHonour", "浙江省钱江产业领军人才工程") not in f


def test_a_talent_title_is_never_an_organisations():
    f, _ = facts("华南理工大学与广东星河新材料有限公司共建联合实验室。凭借多年积累，他先后入选国家“万人计划”科技创业领军人才。")
    assert not any(p == "receivedHonour" and s in ("华南理工大学", "广东星河新材料有限公司") for s, p, _o in f)


def test_a_firm_in_a_sub_park_is_not_also_placed_by_membership_in_the_whole():
    f, _ = facts("肇庆高新区下设星湖工业园和大旺产业园。广东星河新材料有限公司位于星湖工业园，是肇庆高新区新材料产业的骨干企业。")
    assert ("星湖工业园", "partOf", "肇庆高新技术产业开发区") in f
    assert ("广东星河新材料有限公司", "locatedIn", "星湖工业园") in f
    assert ("广东星河新材料有限公司", "locatedIn", "肇庆高新技术产业开发区") not in f


def test_a_bare_project_subject_is_the_project_just_named():
    f, _ = facts("——广东星河新材料有限公司年产5万吨铝型材项目。项目总投资32亿元，在肇庆高新区东区新建熔铸车间。")
    assert any(s.endswith("年产5万吨铝型材项目") and p == "locatedIn" and o == "肇庆高新技术产业开发区" for s, p, o in f)


def test_firms_listed_after_an_honour_and_its_count_hold_it():
    f, _ = facts("肇庆高新区2025年经济运行总体平稳。肇庆高新区全年工业增加值增长8.1%。"
                 "年末拥有研发平台96个。年内新增国家级专精特新“小巨人”企业2家：广东星河新材料有限公司、肇庆鸿图精密电子有限公司；新增省级企业技术中心5家。")
    assert ("广东星河新材料有限公司", "receivedHonour", "国家级专精特新“小巨人”企业") in f
    assert ("肇庆鸿图精密电子有限公司", "receivedHonour", "国家级专精特新“小巨人”企业") in f
    assert ("肇庆鸿图精密电子有限公司", "locatedIn", "肇庆高新技术产业开发区") in f


def test_chain_leader_of_a_link_or_a_chain_named_in_words():
    f, _ = facts("园区主导产业为正极材料和电池回收。电池回收这条链，链主是肇庆鸿图循环科技有限公司，年处理废旧电池3万吨。")
    assert ("肇庆鸿图循环科技有限公司", "chainLeaderOf", "电池回收") in f
    f, _ = facts("正极材料环节的龙头企业广东星河新材料有限公司，主要生产磷酸铁锂正极材料。")
    assert ("广东星河新材料有限公司", "chainLeaderOf", "正极材料") in f


def test_a_sub_park_that_focuses_on_an_industry_leads_it_not_the_whole_park():
    f, _ = facts("肇庆高新区实行“一区两片”布局，星湖片区主攻智能家电，大旺片区聚焦氢能装备，主导产业为智能家电和新材料。")
    assert ("大旺片区", "leadingIndustry", "氢能装备") in f
    assert ("肇庆高新技术产业开发区", "leadingIndustry", "氢能装备") not in f


def test_a_raw_material_bought_in_is_its_suppliers_product():
    f, _ = facts("公司主要原料工业级硫酸由连云港江海化工有限公司长期供应，双方续签了采购协议；高纯石英砂原料则主要采购自江西瑞晶矿业有限公司。")
    assert ("江西瑞晶矿业有限公司", "produces", "高纯石英砂") in f
    assert ("连云港江海化工有限公司", "produces", "高纯石英砂") not in f


def test_a_project_that_aims_to_start_production_does_not_yet_make_its_product():
    f, _ = facts("支持广东星河新材料有限公司建设年产10万吨高强铝合金型材项目，计划总投资20亿元，力争2027年建成投产。")
    assert ("广东星河新材料有限公司", "produces", "高强铝合金型材") not in f


def test_an_award_in_a_sentence_about_him_is_the_persons_not_his_companys():
    f, _ = facts("广东星河新材料有限公司董事长李明远出身铝加工世家。他曾带队攻克高强铝合金挤压难题，2023年获广东省五一劳动奖章。")
    assert ("李明远", "receivedHonour", "广东省五一劳动奖章") in f
    assert ("广东星河新材料有限公司", "receivedHonour", "广东省五一劳动奖章") not in f


def test_a_holder_title_in_a_resume_is_the_persons_honour():
    f, _ = facts("广东星河新材料有限公司董事长李明远出身铝加工世家。翻开简历：华南理工大学教授，国家杰出青年科学基金获得者，长期从事铝合金研究。")
    assert ("李明远", "receivedHonour", "国家杰出青年科学基金") in f


def test_a_company_record_address_places_the_firm_in_the_park_the_text_names():
    f, _ = facts(
        "永州宁远锦江新材料产业园今年新增企业12家。\n"
        "公司名称：湖南宁远光磁科技有限公司\n"
        "法定代表人：孟子扬\n"
        "注册地址：湖南省永州市宁远县锦江新材料产业园纬二路6号\n"
    )
    assert ("湖南宁远光磁科技有限公司", "locatedIn", "永州宁远锦江新材料产业园") in f


def test_a_firm_after_park_inside_and_a_comma_is_in_the_park():
    f, _ = facts("湖北襄阳汉水智造产业园内，襄阳锐邦液压科技有限公司新建的生产线已投产。")
    assert ("襄阳锐邦液压科技有限公司", "locatedIn", "湖北襄阳汉水智造产业园") in f


def test_a_firm_after_park_inside_de_is_the_topic_that_gongsi_points_back_to():
    f, _ = facts(
        "岳州宏图汽车有限公司今年在岳州汽车零部件产业园交付新车3000辆。"
        "园区内的岳州博创车桥有限公司是最早落户的配套企业。公司主营电驱桥，目前已成为岳州宏图汽车有限公司的主要供应商。"
    )
    assert ("岳州博创车桥有限公司", "produces", "电驱桥") in f
    assert ("岳州宏图汽车有限公司", "produces", "电驱桥") not in f
    assert ("岳州博创车桥有限公司", "hasCustomer", "岳州宏图汽车有限公司") in f


def test_a_firm_working_for_us_is_not_what_gongsi_means_later():
    f, _ = facts(
        "我们岳州瀚海轴承股份有限公司主要生产风电轴承。"
        "园区内的岳州精工滚子有限公司专门为我们生产圆锥滚子。公司也获评国家级制造业单项冠军企业。"
    )
    assert ("岳州精工滚子有限公司", "receivedHonour", "国家级制造业单项冠军企业") not in f


def test_qi_customers_belong_to_the_clause_firm():
    f, _ = facts(
        "岳州瀚海轴承股份有限公司是本文所写的企业。"
        "岳州鼎力数控机床有限公司主要生产加工中心，岳州华鑫液压科技有限公司和岳州宏图汽车有限公司都是其客户。"
    )
    assert ("岳州鼎力数控机床有限公司", "hasCustomer", "岳州华鑫液压科技有限公司") in f
    assert ("岳州鼎力数控机床有限公司", "hasCustomer", "岳州宏图汽车有限公司") in f


def test_a_parent_with_its_foreign_name_in_brackets_before_qixia_is_not_the_topic():
    f, _ = facts(
        "法国瓦朗精工集团（Valran Precision Group）旗下全资子公司瓦朗精工（常州）有限公司在常州武进智造产业园举行投产仪式。"
        "新工厂主要生产精密轴套和液压阀体。"
    )
    assert ("瓦朗精工（常州）有限公司", "produces", "精密轴套") in f
    assert ("法国瓦朗精工集团", "produces", "精密轴套") not in f


def test_gongsi_means_the_subsidiary_the_text_keeps_naming():
    f, _ = facts(
        "法国瓦朗精工集团表示，常州工厂正式投产。\n"
        "法国瓦朗精工集团旗下全资子公司瓦朗精工（常州）有限公司（以下简称“瓦朗常州”）今日投产。"
        "瓦朗常州的首批产品已交付客户。瓦朗常州成立于2012年，主营精密轴套。"
        "公司建有江苏省精密液压工程技术研究中心。"
    )
    assert ("瓦朗精工（常州）有限公司", "hostsPlatform", "江苏省精密液压工程技术研究中心") in f
    assert ("法国瓦朗精工集团", "hostsPlatform", "江苏省精密液压工程技术研究中心") not in f


def test_a_patent_owned_together_with_a_university_is_co_filed():
    f, _ = facts("湖南瑞霖新材料股份有限公司拥有发明专利30件，其中与湘潭大学共同拥有的发明专利“一种高纯氧化铝的制备方法”已转化应用。")
    assert ("湖南瑞霖新材料股份有限公司", "coFiledPatentWith", "湘潭大学") in f
    assert ("一种高纯氧化铝的制备方法", "applicant", "湘潭大学") in f


def test_products_that_equip_named_firms_make_them_customers():
    f, _ = facts("湖南瑞霖电机股份有限公司主要产品为牵引电机，产品已批量装备长沙宏远客车有限公司、湘潭江南城轨车辆有限公司等整车企业。")
    assert ("湖南瑞霖电机股份有限公司", "hasCustomer", "长沙宏远客车有限公司") in f
    assert ("湖南瑞霖电机股份有限公司", "hasCustomer", "湘潭江南城轨车辆有限公司") in f


def test_a_park_named_platform_unveiled_in_another_park_is_not_the_parks_hosted_platform():
    f, _ = facts("宜春明月山高新技术产业开发区今年新增企业20家。12月8日，明月山高新区科技服务中心在温汤科创园揭牌运营。")
    assert ("明月山高新区科技服务中心", "locatedIn", "温汤科创园") in f
    assert not any(p == "hostsPlatform" and o == "明月山高新区科技服务中心" for s, p, o in f)


def test_a_firm_controlled_by_a_group_makes_its_products_not_the_group():
    f, _ = facts("长沙瑞康药业有限公司位于园区，由湖南瑞康医药集团有限公司控股，主要产品为布洛芬缓释胶囊和阿莫西林颗粒。")
    assert ("长沙瑞康药业有限公司", "produces", "布洛芬缓释胶囊") in f
    assert ("湖南瑞康医药集团有限公司", "produces", "布洛芬缓释胶囊") not in f


def test_a_company_records_legal_representative_is_affiliated_in_that_role():
    ex = extract_text(
        "湖南宁远光磁科技有限公司总经理孟子扬表示，项目将于年内开工。\n"
        "二、投资主体的基本情况\n"
        "1、公司名称：湖南宁远光磁科技有限公司\n"
        "2、法定代表人：孟子扬\n"
        "3、注册资本：5,000万元\n"
    )
    rels = {(r.subject, r.predicate, r.object, r.role) for r in ex.relations}
    assert ("孟子扬", "affiliatedWith", "湖南宁远光磁科技有限公司", "法定代表人") in rels


def test_a_person_taking_posts_in_named_bodies_is_affiliated_in_each_role():
    ex = extract_text("湘潭大学教授王明哲表示，项目进展顺利。王明哲目前担任湘潭大学先进材料研究所所长，并兼任湖南省新材料研究院副院长。")
    rels = {(r.subject, r.predicate, r.object, r.role) for r in ex.relations}
    assert ("王明哲", "affiliatedWith", "湖南省新材料研究院", "副院长") in rels
    assert ("王明哲", "affiliatedWith", "湘潭大学先进材料研究所", "所长") in rels


def test_a_college_before_the_academic_post_is_dropped_from_the_role():
    ex = extract_text("副总经理韦嘉良毕业于中南大学，兼任湖南工程学院机械工程学院硕士生导师。")
    rels = {(r.subject, r.predicate, r.object, r.role) for r in ex.relations}
    assert ("韦嘉良", "affiliatedWith", "湖南工程学院", "硕士生导师") in rels


def test_a_post_taken_with_an_unknown_title_is_no_affiliation():
    ex = extract_text("湘潭大学教授王明哲表示，项目进展顺利。王明哲目前担任湖南省新材料研究院技术顾问团成员。")
    assert not any(r.subject == "王明哲" and r.object == "湖南省新材料研究院" for r in ex.relations)


def test_a_bare_title_already_given_in_a_named_body_stays_with_that_body():
    f, _ = facts(
        "湖南湘华微电子股份有限公司董事长周启航介绍了公司情况。"
        "长沙宏远客车有限公司是其客户。日前，记者专访了董事长周启航。"
    )
    assert ("周启航", "affiliatedWith", "湖南湘华微电子股份有限公司") in f
    assert ("周启航", "affiliatedWith", "长沙宏远客车有限公司") not in f


def test_a_chain_leader_is_not_placed_in_the_park_a_later_clause_gives_its_subsidiary():
    f, _ = facts(
        "湖南湘动重工股份有限公司为动力装备产业链链主企业，全年营业收入56.2亿元；"
        "其全资子公司湘潭湘动燃气动力有限公司位于九华智造园，专注于燃气发电机组。"
    )
    assert ("湘潭湘动燃气动力有限公司", "locatedIn", "九华智造园") in f
    assert ("湖南湘动重工股份有限公司", "locatedIn", "九华智造园") not in f


def test_the_parent_named_in_a_subsidiary_clause_does_not_settle_in_the_park():
    f, _ = facts(
        "湖南湘江智造产业园今年新增企业12家。"
        "园区企业湘潭恒远线束有限公司是浙江恒远电气集团有限公司的全资子公司，2023年落户园区，主要生产高压线束。"
    )
    assert ("湘潭恒远线束有限公司", "locatedIn", "湖南湘江智造产业园") in f
    assert ("浙江恒远电气集团有限公司", "locatedIn", "湖南湘江智造产业园") not in f
    assert ("浙江恒远电气集团有限公司", "produces", "高压线束") not in f


def test_founders_of_an_alliance_set_up_in_a_park_are_not_placed_there():
    f, _ = facts(
        "湖南湘江智造产业园今年新增企业12家。"
        "6月8日，由湘潭宏远汽车有限公司牵头，联合湘潭大学等单位组建的湘潭新能源汽车产业链联盟在园区成立。"
    )
    assert ("湘潭大学", "locatedIn", "湖南湘江智造产业园") not in f


def test_the_start_of_a_trading_history_is_no_cooperation():
    f, _ = facts("长沙宏远客车有限公司与湖南瑞霖电机股份有限公司的合作始于2018年，目前瑞霖电机是其电机的主要供应商。")
    assert not any(p == "cooperatesWith" for s, p, o in f)


def test_a_signed_cooperation_agreement_is_still_cooperation():
    f, _ = facts("长沙宏远客车有限公司与湖南大学签署产学研合作协议。")
    assert ("长沙宏远客车有限公司", "cooperatesWith", "湖南大学") in f


def test_a_plan_word_scopes_over_a_co_building_joined_by_bing():
    f, _ = facts("签约仪式上，湘潭宏远汽车有限公司与湘潭大学签署产学研合作协议，双方将围绕电驱系统开展联合攻关，并共建电驱系统中试基地。")
    assert ("湘潭宏远汽车有限公司", "cooperatesWith", "湘潭大学") in f
    assert not any(p == "coBuiltPlatformWith" for s, p, o in f)


def test_a_co_building_joined_by_bing_without_a_plan_word_stands():
    f, _ = facts("湘潭宏远汽车有限公司与湘潭大学签署产学研合作协议，并共建电驱系统中试基地。")
    assert ("湘潭宏远汽车有限公司", "coBuiltPlatformWith", "湘潭大学") in f


def test_a_firm_entrusted_with_foundry_work_has_the_buyer_as_customer():
    f, _ = facts("湖南湘华微电子股份有限公司主要生产MEMS传感器，其MEMS晶圆主要委托上海宏芯微电子有限公司代工制造。")
    assert ("上海宏芯微电子有限公司", "hasCustomer", "湖南湘华微电子股份有限公司") in f


def test_a_firm_producing_for_us_has_the_speakers_firm_as_customer():
    f, _ = facts(
        "湖南瑞霖轴承股份有限公司董事长周启航：我们主要生产风电轴承。"
        "园区内的湘潭精工滚子有限公司专门为我们生产圆锥滚子，本地配套率提高了不少。"
    )
    assert ("湘潭精工滚子有限公司", "hasCustomer", "湖南瑞霖轴承股份有限公司") in f


def test_a_product_honour_after_a_comma_goes_to_the_product_named_before():
    f, _ = facts("湖南瑞霖电机股份有限公司自主研制的RL-800型永磁牵引电机已通过型式试验，2024年入选湖南省首台（套）重大技术装备。")
    assert ("RL-800型永磁牵引电机", "receivedHonour", "湖南省首台（套）重大技术装备") in f
    assert ("湖南瑞霖电机股份有限公司", "receivedHonour", "湖南省首台（套）重大技术装备") not in f


def test_a_firms_field_is_no_product_when_the_sentence_names_its_products():
    f, _ = facts("湘潭瑞霖新材料有限公司专注于电子陶瓷材料的研发制造，主要产品为钛酸钡粉体和氧化铝粉体。")
    assert ("湘潭瑞霖新材料有限公司", "produces", "钛酸钡粉体") in f
    assert ("湘潭瑞霖新材料有限公司", "produces", "电子陶瓷材料") not in f


def test_a_firms_field_is_its_product_when_no_products_are_named():
    f, _ = facts("湘潭瑞霖新材料有限公司主营汽车精密冲压模具，是园区的骨干企业。")
    assert ("湘潭瑞霖新材料有限公司", "produces", "汽车精密冲压模具") in f


def test_a_firm_whose_work_is_producing_a_named_product_makes_it():
    f, _ = facts(
        "湖南瑞霖材料股份有限公司2024年年度报告摘要\n"
        "公司募投项目“年产2万吨高纯氧化铝粉体项目”由全资子公司湘潭瑞霖新材料有限公司实施。\n"
        "三、主要控股参股公司分析\n"
        "1.湘潭瑞霖新材料有限公司\n"
        "公司全资子公司，注册资本5000万元，位于湘潭九华新材料产业园，主要从事高纯氧化铝粉体的生产，是公司募投项目的实施主体。\n"
    )
    assert ("湘潭瑞霖新材料有限公司", "produces", "高纯氧化铝粉体") in f


def test_wei_as_a_copula_names_a_subsidiary():
    f, _ = facts("湘潭瑞霖连接器有限公司为湖南瑞霖电子科技有限公司的控股子公司。")
    assert ("湘潭瑞霖连接器有限公司", "subsidiaryOf", "湖南瑞霖电子科技有限公司") in f


def test_wei_as_for_before_a_subsidiary_names_none():
    f, _ = facts("湘潭瑞霖连接器有限公司为湖南瑞霖电子科技有限公司的子公司提供连接器。")
    assert ("湘潭瑞霖连接器有限公司", "subsidiaryOf", "湖南瑞霖电子科技有限公司") not in f


def test_a_joint_institute_named_by_its_head_word_is_hosted_where_it_is_based():
    f, _ = facts(
        "湖南瑞霖光电股份有限公司与湘潭大学共建的先进光学材料联合研究院今年投入使用。"
        "研究院于2024年5月揭牌，依托湖南瑞霖光电股份有限公司建设运行。"
    )
    assert ("湖南瑞霖光电股份有限公司", "hostsPlatform", "先进光学材料联合研究院") in f


def test_a_platform_set_up_with_a_partner_has_no_single_host():
    f, _ = facts("湘潭瑞霖新材料有限公司还与湘潭大学合作设立了锂电材料中试基地。")
    assert not any(p == "hostsPlatform" for s, p, o in f)


def test_a_platform_a_firm_builds_alone_is_hosted():
    f, _ = facts("湘潭瑞霖新材料有限公司建有锂电材料中试基地。")
    assert ("湘潭瑞霖新材料有限公司", "hostsPlatform", "锂电材料中试基地") in f


def test_a_count_of_unnamed_firms_settling_in_a_park_places_no_named_firm():
    f, _ = facts(
        "湘潭瑞霖科创发展有限公司负责运营湘潭九华科技企业孵化器。"
        "年内毕业的11家企业中，有4家迁入湘潭九华科技园继续发展。"
    )
    assert ("湘潭瑞霖科创发展有限公司", "locatedIn", "湘潭九华科技园") not in f


def test_a_carried_firm_renting_premises_in_a_park_is_there():
    f, _ = facts(
        "湘潭瑞芒激光科技有限公司专注于超快激光器研发。"
        "企业毕业后在湘潭九华科技园租用标准厂房1.2万平方米。"
    )
    assert ("湘潭瑞芒激光科技有限公司", "locatedIn", "湘潭九华科技园") in f


def test_signing_a_co_building_agreement_is_cooperation():
    f, _ = facts("湘潭瑞霖新材料有限公司与湘潭大学签署共建协议。")
    assert ("湘潭瑞霖新材料有限公司", "cooperatesWith", "湘潭大学") in f


def test_a_chain_named_in_words_is_not_replaced_by_a_guess_from_the_leaders_name():
    f, _ = facts("声学光电产业实现产值318.4亿元，增长14.2%，龙头企业潍坊恒远电子股份有限公司主要生产MEMS麦克风。")
    assert not any(s == "潍坊恒远电子股份有限公司" and p == "chainLeaderOf" and o != "声学光电" for s, p, o in f)


def test_shuangfang_co_building_after_an_agreement_signed_by_the_district_government():
    f, _ = facts(
        "株洲市荷塘区人民政府工作报告。"
        "5月9日，区人民政府与湘潭大学签署全面战略合作协议，双方共建的荷塘新材料研究院于11月挂牌运行。"
    )
    coop = [(s, o) for s, p, o in f if p == "cooperatesWith" and o == "湘潭大学"]
    assert coop and all((s, "coBuiltPlatformWith", "湘潭大学") in f for s, o in coop)


def test_a_firm_named_after_a_speech_frame_is_what_the_next_gongsi_means():
    f, _ = facts(
        "安徽青松电机有限公司主要生产伺服电机。"
        "陶瓷展区的主角是浙江云岚陶瓷有限公司。"
        "企业负责人介绍，浙江云岚陶瓷有限公司新建的窑炉已经投用。"
        "公司建有浙江省先进陶瓷工程技术研究中心。"
    )
    assert ("浙江云岚陶瓷有限公司", "hostsPlatform", "浙江省先进陶瓷工程技术研究中心") in f
    assert ("安徽青松电机有限公司", "hostsPlatform", "浙江省先进陶瓷工程技术研究中心") not in f


def test_every_firm_listed_before_an_award_holds_it():
    f, _ = facts("会上，江西赣鹰光学有限公司、江西南丰电子有限公司等4家单位被授予“九江市创新先进单位”称号。")
    assert ("江西赣鹰光学有限公司", "receivedHonour", "九江市创新先进单位") in f
    assert ("江西南丰电子有限公司", "receivedHonour", "九江市创新先进单位") in f
    f, _ = facts("江西赣鹰光学有限公司和江西南丰电子有限公司同时入选“九江市瞪羚企业”。")
    assert ("江西赣鹰光学有限公司", "receivedHonour", "九江市瞪羚企业") in f
    f, _ = facts("江西赣鹰光学有限公司与江西南丰电子有限公司签约后，江西南丰电子有限公司获评“九江市瞪羚企业”。")
    assert ("江西赣鹰光学有限公司", "receivedHonour", "九江市瞪羚企业") not in f


def test_a_platform_still_to_be_set_up_has_no_host_yet():
    f, _ = facts("广西桂柳轴承有限公司位于柳州。总工程师黄河将以公司为依托，牵头组建柳州市精密轴承工程技术研究中心。")
    assert ("广西桂柳轴承有限公司", "hostsPlatform", "柳州市精密轴承工程技术研究中心") not in f
    f, _ = facts("广西桂柳轴承有限公司位于柳州。公司建有柳州市精密轴承工程技术研究中心。")
    assert ("广西桂柳轴承有限公司", "hostsPlatform", "柳州市精密轴承工程技术研究中心") in f


def test_its_patent_granted_was_applied_for_by_the_organisation_spoken_of():
    f, _ = facts("湖南沅澧种业有限公司建有育种中心，今年3月，其“一种水稻种子的低温保存方法”获得国家发明专利授权。")
    assert ("一种水稻种子的低温保存方法", "applicant", "湖南沅澧种业有限公司") in f


def test_a_post_given_by_you_in_a_sentence_about_a_platform_word():
    f, ex = facts(
        "江西赣鹰光学有限公司与南昌大学共建赣鹰—南大光学联合实验室。"
        "实验室将聚焦自由曲面加工，由南昌大学教授钟可为担任首席科学家。"
        "赣州稀土产业联盟同日成立。联盟秘书处设在园区，秘书长由园区管委会副主任罗雪梅兼任。"
    )
    roles = {(r.subject, r.object, r.role) for r in ex.relations if r.predicate == "affiliatedWith"}
    assert ("钟可为", "赣鹰—南大光学联合实验室", "首席科学家") in roles
    assert ("罗雪梅", "赣州稀土产业联盟", "秘书长") in roles
    f, _ = facts("江西赣鹰光学有限公司建有光学检测中心。公司聘请钟可为担任首席科学家。")
    assert ("钟可为", "affiliatedWith", "光学检测中心") not in f


def test_an_area_written_after_the_bare_word_yuanqu_is_part_of_that_park():
    f, ex = facts("湖南湘潭竹埠港新材料产业园今年新签项目6个。两个项目均落户园区东片区。")
    parts = {(r.subject, r.object) for r in ex.relations if r.predicate == "partOf"}
    assert any(s.endswith("东片区") and o == "湖南湘潭竹埠港新材料产业园" for s, o in parts)


def test_a_quantified_kind_of_goods_is_not_a_product_made():
    f, _ = facts("湖北楚锋机械有限公司年产各类注塑机2000台，主要生产伺服注塑机。")
    assert not any(p == "produces" and o.startswith("各类") for _, p, o in f)


def test_a_profiled_person_spoken_of_holds_the_roles_the_sentence_gives():
    f, ex = facts(
        "桂林漓晟传感科技有限公司董事长韦明山今年五十岁。"
        "这位年过五十的教授，既是桂林电子科技大学机电工程学院的博士生导师，也是桂林漓晟传感科技有限公司的创始人、总经理。"
    )
    roles = {(r.subject, r.object, r.role) for r in ex.relations if r.predicate == "affiliatedWith"}
    assert ("韦明山", "桂林电子科技大学", "博士生导师") in roles
    assert ("韦明山", "桂林漓晟传感科技有限公司", "创始人") in roles
    assert ("韦明山", "桂林漓晟传感科技有限公司", "总经理") in roles


# park10: the park as a carried topic, briefs, parts named after 园区, grown industries, firms listed in the park


def test_a_roundup_brief_does_not_lend_its_firm_to_the_next_brief():
    text = ("◆甲辰公司获评绿色工厂\n德阳甲辰新材料有限公司获评省级绿色工厂。公司主要产品为碳化硅粉体。\n"
            "◆乙巳公司入选名单\n工业和信息化部公布2025年名单，德阳乙巳精工有限公司入选国家级专精特新“小巨人”企业。"
            "公司主要产品为精密轴承，下游客户包括成都丙午重工有限公司。")
    f, _ = facts(text)
    assert ("德阳乙巳精工有限公司", "hasCustomer", "成都丙午重工有限公司") in f
    assert ("德阳甲辰新材料有限公司", "hasCustomer", "成都丙午重工有限公司") not in f
    assert ("德阳乙巳精工有限公司", "produces", "精密轴承") in f


def test_a_bullet_headline_states_no_relation_of_its_own():
    text = ("◆甲辰公司入选省级瞪羚企业\n德阳甲辰新材料有限公司位于德阳旌阳高新区。"
            "2025年，公司被认定为四川省瞪羚企业。")
    f, _ = facts(text)
    assert ("德阳甲辰新材料有限公司", "receivedHonour", "四川省瞪羚企业") in f
    assert not any(o == "省级瞪羚企业" for _, p, o in f if p == "receivedHonour")


def test_a_part_written_after_the_bare_word_yuanqu_holds_the_firm_and_belongs_to_the_park():
    f, _ = facts("德阳旌阳高新区位于德阳市。四川丁未科技有限公司坐落在园区氢能装备片区，主要生产储氢瓶。")
    assert ("四川丁未科技有限公司", "locatedIn", "氢能装备片区") in f
    assert ("氢能装备片区", "partOf", "德阳旌阳高新技术产业开发区") in f
    assert ("四川丁未科技有限公司", "locatedIn", "德阳旌阳高新技术产业开发区") not in f


def test_a_project_started_in_a_part_after_the_bare_word_yuanqu_is_in_that_part():
    f, _ = facts("德阳旌阳高新区位于德阳市。四川丁未科技有限公司投资建设的年产5万只储氢瓶项目于3月8日在园区氢能装备片区投产。")
    assert ("年产5万只储氢瓶项目", "locatedIn", "氢能装备片区") in f


def test_industries_a_park_grows_are_not_its_leading_ones():
    f, _ = facts("德阳旌阳高新区确立了清洁能源装备产业和通用航空产业两大主导产业，同时培育低空经济和商业航天两个新兴产业。"
                 "园区已形成燃气轮机和航空维修两个产业集群。")
    park = "德阳旌阳高新技术产业开发区"
    assert (park, "leadingIndustry", "清洁能源装备") in f and (park, "leadingIndustry", "通用航空") in f
    assert (park, "inIndustry", "低空经济") in f and (park, "leadingIndustry", "低空经济") not in f
    assert (park, "inIndustry", "燃气轮机") in f and (park, "inIndustry", "航空维修") in f


def test_an_industry_a_park_plans_to_grow_gives_nothing():
    f, _ = facts("德阳旌阳高新区位于德阳市。园区将培育低空经济和商业航天两个新兴产业。")
    assert not any(o in ("低空经济", "商业航天") for _, p, o in f if p in ("inIndustry", "leadingIndustry"))


def test_firms_listed_inside_the_park_are_located_there():
    f, _ = facts("德阳旌阳高新区位于德阳市。区内集聚了四川庚戌电气有限公司、德阳辛亥阀门有限公司等一批骨干企业。"
                 "目前，成都壬子材料有限公司和德阳癸丑机电有限公司等30余家企业已入驻园区。")
    park = "德阳旌阳高新技术产业开发区"
    for firm in ("四川庚戌电气有限公司", "德阳辛亥阀门有限公司", "成都壬子材料有限公司", "德阳癸丑机电有限公司"):
        assert (firm, "locatedIn", park) in f


def test_a_firm_the_park_only_plans_to_bring_in_is_not_located():
    f, _ = facts("德阳旌阳高新区位于德阳市。区内将引进四川庚戌电气有限公司等企业。")
    assert not any(p == "locatedIn" and s == "四川庚戌电气有限公司" for s, p, _ in f)


def test_platforms_built_inside_the_park_are_located_in_it():
    f, _ = facts("德阳旌阳高新区位于德阳市。园区内建有四川省燃机检测中心和旌阳航空维修公共服务平台。")
    park = "德阳旌阳高新技术产业开发区"
    assert ("四川省燃机检测中心", "locatedIn", park) in f
    assert (park, "hostsPlatform", "四川省燃机检测中心") not in f


def test_a_firm_belonging_to_an_industry_named_open_world():
    f, _ = facts("四川丁未科技有限公司位于德阳旌阳高新区。该公司属于氢能储运装备行业。")
    assert ("四川丁未科技有限公司", "inIndustry", "氢能储运装备") in f


def test_a_subsidiary_not_named_holds_its_own_award():
    f, _ = facts("德阳甲辰新材料有限公司位于德阳旌阳高新区。\n二、控股子公司获批四川省工程技术研究中心\n公司收到通知。")
    assert ("德阳甲辰新材料有限公司", "receivedHonour", "四川省工程技术研究中心") not in f


def test_the_buyer_of_a_clause_does_not_make_what_the_next_clause_counts():
    f, _ = facts("四川丁未科技有限公司位于德阳旌阳高新区。其储氢瓶已批量供应成都戊申汽车有限公司，目前具备年产储氢瓶8万只的能力。")
    assert ("成都戊申汽车有限公司", "produces", "储氢瓶") not in f
    assert ("四川丁未科技有限公司", "hasCustomer", "成都戊申汽车有限公司") in f


def test_passing_a_buyers_supplier_audit_makes_it_a_customer():
    f, _ = facts("四川丁未科技有限公司主要生产储氢瓶，已通过成都戊申汽车有限公司的供应商认证。")
    assert ("四川丁未科技有限公司", "hasCustomer", "成都戊申汽车有限公司") in f


def test_a_single_industry_after_a_copula_or_as_a_cluster_a_park_grows():
    f, _ = facts("德阳旌阳高新区位于德阳市。园区首位产业是清洁能源装备产业。我区着力培育燃气轮机产业集群。")
    park = "德阳旌阳高新技术产业开发区"
    assert (park, "leadingIndustry", "清洁能源装备") in f
    assert (park, "inIndustry", "燃气轮机") in f


def test_a_platform_written_after_qi_is_the_topic_firms():
    f, _ = facts("四川丁未科技有限公司位于德阳旌阳高新区。同年，其氢能储运实验室被认定为四川省重点实验室。")
    assert ("四川丁未科技有限公司", "hostsPlatform", "氢能储运实验室") in f
    assert not any(o.startswith("其") for _, p, o in f if p == "hostsPlatform")


def test_every_firm_of_a_list_the_park_word_modifies_or_closes_is_in_the_park():
    park = "德阳旌阳高新技术产业开发区"
    f, _ = facts("德阳旌阳高新区位于德阳市。市长走访了园区内的四川丁未科技有限公司、德阳辛亥阀门有限公司和成都壬子材料有限公司。")
    assert {(x, "locatedIn", park) for x in ("四川丁未科技有限公司", "德阳辛亥阀门有限公司", "成都壬子材料有限公司")} <= f
    f, _ = facts("德阳旌阳高新区位于德阳市。四川丁未科技有限公司、德阳辛亥阀门有限公司等园区重点企业负责人参加座谈。")
    assert {(x, "locatedIn", park) for x in ("四川丁未科技有限公司", "德阳辛亥阀门有限公司")} <= f
    f, _ = facts("德阳旌阳高新区位于德阳市。四川丁未科技有限公司、德阳辛亥阀门有限公司等企业负责人参加座谈。")
    assert not any(p == "locatedIn" and s in ("四川丁未科技有限公司", "德阳辛亥阀门有限公司") for s, p, _ in f)


def test_a_platform_serving_listed_industries_is_in_them():
    f, _ = facts("德阳旌阳高新区位于德阳市。四川省燃机检测中心于3月8日在园区揭牌。该中心面向燃气轮机和航空维修两个产业提供检测服务。")
    assert ("四川省燃机检测中心", "inIndustry", "燃气轮机") in f and ("四川省燃机检测中心", "inIndustry", "航空维修") in f
    f, _ = facts("德阳旌阳高新区位于德阳市。四川省燃机检测中心于3月8日在园区揭牌。该中心将面向燃气轮机和航空维修两个产业提供服务。")
    assert not any(p == "inIndustry" for _, p, _ in f)


def test_firms_listed_after_the_honours_list_they_entered_hold_it():
    f, _ = facts("德阳旌阳高新区位于德阳市。近日，四川省经济和信息化厅公布了四川省瞪羚企业名单，"
                 "园区四川丁未科技有限公司、德阳辛亥阀门有限公司等3家企业入选。")
    assert ("四川丁未科技有限公司", "receivedHonour", "四川省瞪羚企业") in f
    assert ("德阳辛亥阀门有限公司", "receivedHonour", "四川省瞪羚企业") in f
    assert not any(o.startswith("四川省经济和信息化厅") for _, p, o in f if p == "receivedHonour")


def test_firms_honoured_together_each_hold_it():
    f, _ = facts("四川丁未科技有限公司和德阳辛亥阀门有限公司同时获评四川省瞪羚企业。")
    assert ("德阳辛亥阀门有限公司", "receivedHonour", "四川省瞪羚企业") in f
    assert ("四川丁未科技有限公司", "receivedHonour", "四川省瞪羚企业") in f


def test_gai_gongsi_after_a_supply_clause_is_the_seller_not_the_buyer():
    f, _ = facts("四川丁未科技有限公司位于德阳旌阳高新区。公司主要产品为储氢瓶，产品已批量供应成都戊申汽车有限公司。"
                 "该公司建有四川省储氢装备工程技术研究中心。")
    assert ("四川丁未科技有限公司", "hostsPlatform", "四川省储氢装备工程技术研究中心") in f
    assert ("成都戊申汽车有限公司", "hostsPlatform", "四川省储氢装备工程技术研究中心") not in f


def test_a_scene_set_in_a_firm_makes_it_what_the_next_sentences_are_about():
    f, _ = facts("成都己酉银行德阳分行为园区企业发放贷款2亿元。\n"
                 "在四川丁未科技有限公司，一条储氢瓶生产线正在调试。这家企业主要从事储氢瓶的研发制造，是国家高新技术企业。")
    assert ("四川丁未科技有限公司", "receivedHonour", "国家高新技术企业") in f
    assert not any(s.startswith("成都己酉银行") for s, p, _ in f if p in ("receivedHonour", "produces"))


def test_a_cluster_the_park_aims_to_build_is_not_its_industry():
    f, _ = facts("德阳旌阳高新区位于德阳市。园区着力打造千亿级新材料产业集群。")
    assert not any(p == "inIndustry" and o == "新材料" for _, p, o in f)
    f, _ = facts("德阳旌阳高新区位于德阳市。园区已形成新材料产业集群。")
    assert ("德阳旌阳高新技术产业开发区", "inIndustry", "新材料") in f


def test_settling_verb_closing_the_clause_places_every_listed_firm():
    f, _ = facts("在荆门漳河储能产业园，湖北岳川储能科技有限公司、荆门石桥电池有限公司和湖北丰汇隔膜材料有限公司等储能企业已先后落户。")
    for firm in ("湖北岳川储能科技有限公司", "荆门石桥电池有限公司", "湖北丰汇隔膜材料有限公司"):
        assert (firm, "locatedIn", "荆门漳河储能产业园") in f


def test_scene_park_does_not_place_a_partner_of_an_agreement():
    f, _ = facts("在荆门漳河储能产业园，湖北岳川储能科技有限公司和荆门石桥电池有限公司签署了供货协议。")
    assert ("湖北岳川储能科技有限公司", "locatedIn", "荆门漳河储能产业园") in f
    assert ("荆门石桥电池有限公司", "locatedIn", "荆门漳河储能产业园") not in f


def test_parts_listed_with_their_count_are_parts_of_the_park_before_them():
    # the last name, run into 三个专业园, is recognised only where the text names it again (the next sentence)
    f, _ = facts("荆门漳河高新技术产业开发区规划面积38平方公里，形成龙泉新材料产业园、石桥智造园和漳河储能产业园三个专业园。"
                 "漳河储能产业园主要发展储能电池。")
    for part in ("漳河储能产业园", "石桥智造园", "龙泉新材料产业园"):
        assert (part, "partOf", "荆门漳河高新技术产业开发区") in f


def test_parts_whose_count_disagrees_are_not_read_as_a_list():
    f, _ = facts("荆门漳河高新技术产业开发区规划面积38平方公里，形成龙泉新材料产业园、石桥智造园和漳河储能产业园两个专业园。"
                 "漳河储能产业园主要发展储能电池。")
    assert ("石桥智造园", "partOf", "荆门漳河高新技术产业开发区") not in f


def test_a_project_built_at_a_place_is_named_without_its_builder_and_place():
    f, ex = facts("荆门石桥电池有限公司今年在荆门漳河储能产业园投资建设了年产5万吨钠离子电池项目。")
    assert ("年产5万吨钠离子电池项目", "undertakenBy", "荆门石桥电池有限公司") in f
    assert not any(m.cls == "Project" and "有限公司" in m.name for m in ex.mentions)


def test_a_subjectless_build_clause_is_the_sentence_firms():
    f, _ = facts("荆门石桥电池有限公司是湖北岳川储能科技有限公司的全资子公司，正在园区建设年产5万吨钠离子电池项目，总投资6亿元。")
    assert ("年产5万吨钠离子电池项目", "undertakenBy", "荆门石桥电池有限公司") in f
    assert ("年产5万吨钠离子电池项目", "undertakenBy", "湖北岳川储能科技有限公司") not in f


def test_a_government_body_building_at_a_place_undertakes_nothing():
    f, _ = facts("荆门市发展和改革委员会在荆门漳河储能产业园建设年产5万吨钠离子电池项目。")
    assert not any(p == "undertakenBy" for _, p, _ in f)


def test_published_as_an_honour_by_a_ministry():
    f, _ = facts("荆门漳河储能产业园被工业和信息化部公布为国家新型工业化产业示范基地。")
    assert ("荆门漳河储能产业园", "receivedHonour", "国家新型工业化产业示范基地") in f


def test_firms_listed_before_an_industry_kind_are_in_that_industry():
    f, _ = facts("湖北岳川储能科技有限公司、荆门石桥电池有限公司和湖北丰汇隔膜材料有限公司等新能源企业已先后落户荆门漳河储能产业园。")
    for firm in ("湖北岳川储能科技有限公司", "荆门石桥电池有限公司", "湖北丰汇隔膜材料有限公司"):
        assert (firm, "inIndustry", "新能源") in f


def test_an_industry_named_elsewhere_before_a_kind_of_firm_is_its_industry():
    f, _ = facts("荆门漳河储能产业园重点发展集成电路产业。园区引进了集成电路设计企业荆门芯澜微电子有限公司。")
    assert ("荆门芯澜微电子有限公司", "inIndustry", "集成电路") in f


def test_an_industry_word_inside_a_sentence_with_no_kind_of_firm_gives_nothing():
    f, _ = facts("荆门漳河储能产业园重点发展集成电路产业。荆门芯澜微电子有限公司与集成电路企业开展合作。")
    assert ("荆门芯澜微电子有限公司", "inIndustry", "集成电路") not in f


def test_a_lone_special_or_first_industry_is_the_parks_leading_one():
    f, _ = facts("荆门漳河储能产业园以储能电池为首位产业，以氢能装备为特色产业。")
    assert ("荆门漳河储能产业园", "leadingIndustry", "储能电池") in f
    assert ("荆门漳河储能产业园", "leadingIndustry", "氢能装备") in f


def test_a_park_or_university_name_opening_a_platforms_is_no_host():
    f, _ = facts("荆门漳河储能产业园位于荆门市。漳河储能产业园中试基地于今年投入使用。武汉理工大学漳河成果转化中心同时揭牌。")
    assert not any(p == "hostsPlatform" for _, p, _ in f)


def test_a_company_name_opening_a_platforms_is_its_host():
    f, _ = facts("荆门石桥电池有限公司位于荆门漳河储能产业园。荆门石桥电池有限公司博士后科研工作站于今年获批设立。")
    assert ("荆门石桥电池有限公司", "hostsPlatform", "荆门石桥电池有限公司博士后科研工作站") in f


def test_short_bureau_form_carries_the_title_to_its_own_body():
    text = "台州市科学技术局与黄岩区发展和改革局联合发文。市科技局副局长陶文清、区发改局局长祁明轩出席。"
    roles = {(r.subject, r.object, r.role) for r in extract_text(text).relations if r.predicate == "affiliatedWith"}
    assert ("祁明轩", "黄岩区发展和改革局", "局长") in roles
    assert ("陶文清", "台州市科学技术局", "副局长") in roles


def test_school_between_university_and_title_is_not_the_role():
    text = "四川大学物理与光电学院教授童思源出席。"
    roles = {(r.subject, r.object, r.role) for r in extract_text(text).relations if r.predicate == "affiliatedWith"}
    assert ("童思源", "四川大学", "教授") in roles


def test_title_in_brackets_after_a_name_belongs_to_the_body_inside():
    text = "座谈会上，童思源（中国科学院宁波材料技术与工程研究所副所长）作了发言。"
    roles = {(r.subject, r.object, r.role) for r in extract_text(text).relations if r.predicate == "affiliatedWith"}
    assert ("童思源", "中国科学院宁波材料技术与工程研究所", "副所长") in roles


def test_name_then_title_after_de_of_a_company():
    text = "浙江衡越精工有限公司的祁明轩总经理介绍，订单已排到明年。"
    roles = {(r.subject, r.object, r.role) for r in extract_text(text).relations if r.predicate == "affiliatedWith"}
    assert ("祁明轩", "浙江衡越精工有限公司", "总经理") in roles
    assert not [m for m in extract_text("企业的高管总经理们开会。").mentions if m.cls == "Person"]


def test_profile_apposition_name_comma_company_title():
    text = "祁明轩，浙江衡越精工有限公司董事长。他说，公司今年将扩产。"
    roles = {(r.subject, r.object, r.role) for r in extract_text(text).relations if r.predicate == "affiliatedWith"}
    assert ("祁明轩", "浙江衡越精工有限公司", "董事长") in roles
    assert not [m for m in extract_text("今年，浙江衡越精工有限公司董事长表示。").mentions if m.cls == "Person"]


def test_firms_that_also_settled_go_where_the_sentence_before_placed_one():
    f, _ = facts("今年1月，荆门石桥电池有限公司入驻漳河储能片区。同月入驻的还有湖北岳川储能科技有限公司和湖北丰汇隔膜材料有限公司。")
    assert ("湖北岳川储能科技有限公司", "locatedIn", "漳河储能片区") in f
    assert ("湖北丰汇隔膜材料有限公司", "locatedIn", "漳河储能片区") in f


def test_also_settled_reaches_back_one_sentence_only():
    f, _ = facts("今年1月，荆门石桥电池有限公司入驻漳河储能片区。公司主要研发钠离子电池。同月入驻的还有湖北岳川储能科技有限公司。")
    assert ("湖北岳川储能科技有限公司", "locatedIn", "漳河储能片区") not in f


def test_supplier_named_after_buyer_points_sales_to_the_buyer():
    f, _ = facts("湖南潇湘整车制造有限公司的电驱供应商为株洲恒动电机有限公司、湘潭瑞驰控制器有限公司。")
    assert ("株洲恒动电机有限公司", "hasCustomer", "湖南潇湘整车制造有限公司") in f
    assert ("湘潭瑞驰控制器有限公司", "hasCustomer", "湖南潇湘整车制造有限公司") in f
    assert ("湖南潇湘整车制造有限公司", "hasCustomer", "株洲恒动电机有限公司") not in f


def test_three_party_pact_pairs_every_signer_but_a_plain_list_does_not():
    f, _ = facts("湖南潇湘整车制造有限公司与中南大学、株洲恒动电机有限公司三方共同签署《电驱动系统联合攻关协议》。")
    assert ("湖南潇湘整车制造有限公司", "cooperatesWith", "中南大学") in f
    assert ("中南大学", "cooperatesWith", "株洲恒动电机有限公司") in f
    g, _ = facts("湖南潇湘整车制造有限公司与中南大学、株洲恒动电机有限公司签署合作协议。")
    assert ("湖南潇湘整车制造有限公司", "cooperatesWith", "中南大学") in g
    assert ("中南大学", "cooperatesWith", "株洲恒动电机有限公司") not in g


def test_signed_investment_title_is_no_cooperation():
    f, _ = facts("株洲恒动电机有限公司与株洲高新技术产业开发区管理委员会签署《年产8万台驱动电机项目投资协议》。")
    assert not any(p == "cooperatesWith" for _, p, _ in f)


def test_jointly_formed_platform_pairs_founders_unless_one_leads():
    f, _ = facts("株洲恒动电机有限公司、湘潭瑞驰控制器有限公司和湘潭大学共同组建了电驱测试中心。")
    assert ("湘潭瑞驰控制器有限公司", "coBuiltPlatformWith", "湘潭大学") in f
    g, _ = facts("电驱测试中心由株洲恒动电机有限公司牵头，联合湘潭瑞驰控制器有限公司、湘潭大学共同组建。")
    assert ("株洲恒动电机有限公司", "coBuiltPlatformWith", "湘潭大学") in g
    assert ("湘潭瑞驰控制器有限公司", "coBuiltPlatformWith", "湘潭大学") not in g


def test_college_of_our_school_stands_for_the_school():
    f, _ = facts("湘潭大学新闻网讯 近日，湘潭瑞驰控制器有限公司与我校自动化与电子信息学院共建电机控制联合实验室。")
    assert ("湘潭瑞驰控制器有限公司", "coBuiltPlatformWith", "湘潭大学") in f


def test_both_sides_in_a_school_text_is_the_school_and_the_firm_spoken_of():
    f, _ = facts(
        "湘潭大学新闻网讯 我校与株洲高新技术产业开发区签署战略合作协议。"
        "湘潭瑞驰控制器有限公司主要生产电机控制器。双方共同申请的发明专利“一种电机控制器散热结构”已获授权。"
    )
    assert ("湘潭瑞驰控制器有限公司", "coFiledPatentWith", "湘潭大学") in f or ("湘潭大学", "coFiledPatentWith", "湘潭瑞驰控制器有限公司") in f
    assert not any(p == "coFiledPatentWith" and "株洲高新技术产业开发区" in (s, o) for s, p, o in f)


def test_supplier_of_named_buyer_sells_to_it():
    f, _ = facts("株洲恒动电机有限公司位于株洲高新区，是湖南潇湘整车制造有限公司的驱动电机供应商。")
    assert ("株洲恒动电机有限公司", "hasCustomer", "湖南潇湘整车制造有限公司") in f
    assert ("湖南潇湘整车制造有限公司", "hasCustomer", "株洲恒动电机有限公司") not in f


def test_served_firm_after_pronoun_or_subjectless_clause():
    f, _ = facts("湘潭瑞驰控制器有限公司成立于2019年。该公司已为湖南潇湘整车制造有限公司建成两条测试线，"
                 "客户还包括株洲恒动电机有限公司。")
    assert ("湘潭瑞驰控制器有限公司", "hasCustomer", "湖南潇湘整车制造有限公司") in f
    assert ("湘潭瑞驰控制器有限公司", "hasCustomer", "株洲恒动电机有限公司") in f
    assert ("湖南潇湘整车制造有限公司", "hasCustomer", "株洲恒动电机有限公司") not in f
    g, _ = facts("株洲高新区优化服务，为湖南潇湘整车制造有限公司等企业提供代办服务。")
    assert not any(p == "hasCustomer" for _, p, _ in g)


def test_chain_leaders_respectively_pair_in_order():
    f, _ = facts("在株洲高新区，轨道交通和驱动电机两条产业链的链主企业分别为株洲恒动电机有限公司（以下简称“恒动电机”）"
                 "和湘潭瑞驰控制器有限公司。")
    assert ("株洲恒动电机有限公司", "chainLeaderOf", "轨道交通") in f
    assert ("湘潭瑞驰控制器有限公司", "chainLeaderOf", "驱动电机") in f
    assert ("株洲恒动电机有限公司", "chainLeaderOf", "驱动电机") not in f
    assert ("湘潭瑞驰控制器有限公司", "locatedIn", "株洲高新技术产业开发区") in f
    g, _ = facts("轨道交通和驱动电机两条产业链的链主企业分别为株洲恒动电机有限公司等。")
    assert not any(p == "chainLeaderOf" for _, p, _ in g)  # one leader for two chains: not paired


def test_two_administrations_acting_together_are_no_partners():
    f, _ = facts("株洲市科学技术局与株洲市工业和信息化局联合举办供需对接会。")
    assert not any(p == "cooperatesWith" for _, p, _ in f)
    g, _ = facts("株洲市科学技术局与湘潭大学签署战略合作协议。")
    assert ("株洲市科学技术局", "cooperatesWith", "湘潭大学") in g


def test_firm_described_by_kind_is_not_replaced_by_the_school_spoken_of():
    f, _ = facts("湘潭大学为孵化器提供技术支持。运营公司与中南大学签署合作协议。")
    assert ("湘潭大学", "cooperatesWith", "中南大学") not in f


def test_product_put_to_use_on_named_buyers_sites():
    f, _ = facts("湘潭瑞驰控制器有限公司研制的巡检机器人已在湖南潇湘整车制造有限公司、株洲恒动电机有限公司等企业的产线上落地应用。")
    assert ("湘潭瑞驰控制器有限公司", "hasCustomer", "湖南潇湘整车制造有限公司") in f
    assert ("湘潭瑞驰控制器有限公司", "hasCustomer", "株洲恒动电机有限公司") in f
    g, _ = facts("湘潭瑞驰控制器有限公司的工程师在湖南潇湘整车制造有限公司的产线上调研。")
    assert not any(p == "hasCustomer" for _, p, _ in g)  # a visit, not a product in use


def test_purchase_pact_seller_is_the_maker_of_the_goods():
    f, _ = facts("湖南潇湘整车制造有限公司与株洲恒动电机有限公司签订驱动电机采购框架协议。")
    assert ("株洲恒动电机有限公司", "hasCustomer", "湖南潇湘整车制造有限公司") in f
    assert ("湖南潇湘整车制造有限公司", "hasCustomer", "株洲恒动电机有限公司") not in f
    g, _ = facts("株洲恒动电机有限公司与湖南潇湘整车制造有限公司签订年度供货协议。")
    assert ("株洲恒动电机有限公司", "hasCustomer", "湖南潇湘整车制造有限公司") in g


def test_enumerator_is_no_customer_copula():
    f, _ = facts("三是湘潭大学与湘潭瑞驰控制器有限公司签约；四是湖南潇湘整车制造有限公司与株洲恒动电机有限公司签订驱动电机采购协议。")
    assert ("湘潭瑞驰控制器有限公司", "hasCustomer", "湖南潇湘整车制造有限公司") not in f
    assert ("湘潭瑞驰控制器有限公司", "hasCustomer", "株洲恒动电机有限公司") not in f


def test_chain_named_after_its_leader_keeps_its_full_words():
    f, _ = facts("以株洲恒动电机有限公司为链主的轨道交通牵引电机产业链实现产值86.3亿元。")
    assert ("株洲恒动电机有限公司", "chainLeaderOf", "轨道交通牵引电机") in f
    assert ("株洲恒动电机有限公司", "chainLeaderOf", "轨道交通") not in f


def test_pact_that_counts_its_parties_pairs_them_all():
    f, _ = facts("湖南潇湘整车制造有限公司、株洲恒动电机有限公司与湘潭大学签署三方合作协议。")
    assert ("湘潭大学", "cooperatesWith", "株洲恒动电机有限公司") in f or ("株洲恒动电机有限公司", "cooperatesWith", "湘潭大学") in f
    assert ("湖南潇湘整车制造有限公司", "cooperatesWith", "株洲恒动电机有限公司") in f


def test_lead_unit_pairs_with_each_participant_only():
    f, _ = facts("由湖南潇湘整车制造有限公司牵头，株洲恒动电机有限公司、湘潭大学参与共建的新能源汽车创新中心正式揭牌。")
    assert ("湖南潇湘整车制造有限公司", "coBuiltPlatformWith", "湘潭大学") in f
    assert ("株洲恒动电机有限公司", "coBuiltPlatformWith", "湘潭大学") not in f


def test_buyer_is_the_sellers_biggest_customer():
    f, _ = facts("湖南潇湘整车制造有限公司是株洲恒动电机有限公司的第一大客户。")
    assert ("株洲恒动电机有限公司", "hasCustomer", "湖南潇湘整车制造有限公司") in f


def test_leader_brings_its_suppliers_along():
    f, _ = facts("目前，湖南潇湘整车制造有限公司已带动株洲恒动电机有限公司、湘潭瑞驰控制器有限公司等12家配套企业落户株洲高新区。")
    assert ("株洲恒动电机有限公司", "hasCustomer", "湖南潇湘整车制造有限公司") in f
    assert ("湘潭瑞驰控制器有限公司", "hasCustomer", "湖南潇湘整车制造有限公司") in f


def test_partnering_word_opens_a_list_of_partners_not_a_pact_among_them():
    f, _ = facts("湖南潇湘整车制造有限公司携手湘潭大学、中南大学共建新能源汽车研究院。")
    assert ("湖南潇湘整车制造有限公司", "coBuiltPlatformWith", "中南大学") in f
    assert ("湘潭大学", "coBuiltPlatformWith", "中南大学") not in f


def test_pact_gives_way_to_the_trade_the_text_states():
    f, _ = facts("湘潭瑞驰控制器有限公司专门为湖南潇湘整车制造有限公司配套。"
                 "今年5月，湖南潇湘整车制造有限公司与湘潭瑞驰控制器有限公司签署长期供货协议。")
    assert ("湘潭瑞驰控制器有限公司", "hasCustomer", "湖南潇湘整车制造有限公司") in f
    assert ("湖南潇湘整车制造有限公司", "hasCustomer", "湘潭瑞驰控制器有限公司") not in f


def test_school_team_working_for_a_firm_is_the_schools_cooperation():
    f, _ = facts("湘潭大学新闻网讯 我校与株洲高新区签署协议。\n"
                 "湘潭瑞驰控制器有限公司主要生产电机控制器。我校教授林一帆团队与该公司合作攻关散热技术。")
    assert ("湘潭瑞驰控制器有限公司", "cooperatesWith", "湘潭大学") in f
    g, _ = facts("湘潭瑞驰控制器有限公司主要生产电机控制器。林一帆团队与该公司合作攻关散热技术。")
    assert not any(p == "cooperatesWith" for _, p, _ in g)  # no school speaks: the team's body is unknown
