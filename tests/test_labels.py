"""English and pinyin labels (graph.rdf.labels): the rendering rules on
small names, and on the bundled article's build: every entity has an @en
label without Chinese and a pinyin label, and the views' English mode
shows no Chinese."""

from __future__ import annotations

import json
import re
import unicodedata

import pytest
from rdflib import RDF, RDFS, Literal, URIRef
from rdflib.namespace import SKOS

from graph.rdf.labels import PINYIN_TAG, english_name, has_han, load_word_book, name_labels
from graph.vocab import DATA_GRAPH, PK

ENTITY_NS = "https://w3id.org/parkkg/id/"


def han_free(text: str) -> bool:
    """Checked by Unicode character names, independently of the module's own ranges."""
    return not any(unicodedata.name(c, "").startswith("CJK") for c in text)


# --------------------------------------------------------------------------- rules


def test_company_without_a_glossary_name_is_place_pinyin_words_and_class_words():
    assert english_name("广东聚石化学股份有限公司", "Enterprise") == "Guangdong Jushi Chemical Co., Ltd. (joint-stock)"
    assert english_name("天和科技有限公司", "Enterprise") == "Tianhe Technology Co., Ltd."  # 和 inside a name is not "and"


def test_glossary_name_wins_and_is_used_inside_longer_names():
    labels = name_labels("华南理工大学", "University")
    assert (labels.en, labels.from_glossary) == ("South China University of Technology", True)
    assert labels.pinyin == "Huánán Lǐgōng Dàxué"
    inner = english_name("华南师范大学（清远）科技创新研究院", "ResearchInstitute")
    assert inner == "South China Normal University (Qingyuan) Technology Innovation Research Institute"


def test_an_alias_in_the_glossary_names_the_entity():
    labels = name_labels("某某集团有限公司", "Enterprise", aliases=("美的",))
    assert labels.en == "Midea" and labels.from_glossary


def test_people_are_family_name_first_with_special_surname_readings():
    assert name_labels("朱世明", "Person").en == "Zhu Shiming"
    assert name_labels("欧阳娜娜", "Person").en.startswith("Ouyang ")
    assert name_labels("单雄", "Person").en == "Shan Xiong"  # not the everyday reading dan
    assert name_labels("单雄", "Person").pinyin == "Shàn Xióng"


def test_places_keep_their_admin_word_only_when_they_are_the_whole_name():
    assert english_name("广东省") == "Guangdong Province"
    assert english_name("清城区") == "Qingcheng District"
    assert english_name("清远市天之衡量子科技有限公司", "Enterprise") == "Qingyuan Tianzhiheng Quantum Technology Co., Ltd."


def test_platforms_products_numbers_and_quotes():
    assert english_name("国家稀散金属工程技术研究中心", "Platform") == "National Rare and Dispersed Metals Engineering Technology Research Center"
    assert english_name("舞台及场地用灯", "Product") == "Stage and Venue Lights"
    assert english_name("年产6万吨铜带", "Project") == "Annual Output of 60,000 Tonnes Copper Strip"
    assert english_name("国家级专精特新“小巨人”企业", "Honour") == (
        'National Specialised, Refined, Distinctive and Innovative "Little Giant" Enterprise'
    )


def test_pinyin_has_tone_marks_word_breaks_and_apostrophes():
    assert name_labels("广东聚石化学股份有限公司").pinyin == "Guǎngdōng Jùshí Huàxué Gǔfèn Yǒuxiàn Gōngsī"
    assert name_labels("西安").pinyin == "Xī'ān"
    assert name_labels("年产6万吨").pinyin == "Niánchǎn 6 Wàn Dūn"


@pytest.mark.parametrize("name", ["𪚥科技有限公司", "鿏鿏", "Ａ　Ｂ（中国）", "“”（）、《》", "〇"])
def test_nothing_chinese_survives_in_the_english_label(name):
    labels = name_labels(name)
    assert han_free(labels.en) and han_free(labels.pinyin)


def test_word_table_rows_are_checked(tmp_path):
    bad = tmp_path / "w.tsv"
    bad.write_text("公司\tCompany\n", encoding="utf-8")
    with pytest.raises(ValueError, match="three tab-separated cells"):
        load_word_book(str(bad))
    bad.write_text("公司\tCompany\tverb\n", encoding="utf-8")
    with pytest.raises(ValueError, match="unknown kind"):
        load_word_book(str(bad))
    good = tmp_path / "g.tsv"
    good.write_text("# zh\ten\tkind\n有限 公司\tLtd\tword\n", encoding="utf-8")
    book = load_word_book(str(good))
    assert book.words == {"有限公司": ("Ltd", (2,))}
    assert name_labels("星星有限公司", words=book, glossary={}).en == "Xingxing Ltd"


# --------------------------------------------------------------------------- the built graph


@pytest.fixture(scope="module")
def data(built):
    return built.dataset.graph(DATA_GRAPH)


def _entities(g) -> list[URIRef]:
    return sorted({s for s in g.subjects(RDF.type, None) if isinstance(s, URIRef) and str(s).startswith(ENTITY_NS)})


def test_every_entity_has_one_english_label_without_chinese_and_a_pinyin_label(data):
    entities = _entities(data)
    assert len(entities) > 50
    classes = set()
    for e in entities:
        en = [lit for lit in data.objects(e, RDFS.label) if isinstance(lit, Literal) and lit.language == "en"]
        assert len(en) == 1, (e, en)
        assert han_free(str(en[0])) and str(en[0]).strip(), (e, en)
        pinyin = [lit for lit in data.objects(e, SKOS.altLabel) if isinstance(lit, Literal) and (lit.language or "").lower() == PINYIN_TAG.lower()]
        assert len(pinyin) == 1 and han_free(str(pinyin[0])), (e, pinyin)
        classes |= {str(t).rsplit("#", 1)[-1] for t in data.objects(e, RDF.type)}
    # every kind of entity the issue names is covered
    assert {"Enterprise", "Platform", "Product", "Honour", "Project", "Person", "Patent", "Park", "University"} <= classes


def test_events_industries_and_indicators_have_english_labels_without_chinese(data):
    for cls in (PK.Event, PK.Industry, PK.Indicator):
        nodes = set(data.subjects(RDF.type, cls))
        assert nodes, cls
        for n in nodes:
            en = [str(lit) for lit in data.objects(n, RDFS.label) if isinstance(lit, Literal) and lit.language == "en"]
            assert en and all(han_free(t) for t in en), (n, en)


def _en(data, name: str) -> str:
    return next(str(lit) for lit in data.objects(URIRef(ENTITY_NS + name), RDFS.label) if lit.language == "en")


def test_checked_renderings_in_the_build(data):
    assert _en(data, "华南理工大学") == "South China University of Technology"  # glossary
    assert _en(data, "广东聚石化学股份有限公司") == "Guangdong Jushi Chemical Co., Ltd. (joint-stock)"
    assert _en(data, "朱世明") == "Zhu Shiming"
    assert _en(data, "清远高新区版权服务中心") == "Qingyuan High-tech Zone Copyright Service Center"


def test_the_graph_still_conforms(built):
    assert built.report is not None and built.report.conforms


def test_the_views_english_mode_shows_no_chinese(built):
    from graph.views import render
    from graph.views.networks import NETWORKS

    for name, make in NETWORKS.items():
        G = make(built.dataset)
        page = render.to_html(G, title=name)
        payload = json.loads(re.search(r'<script id="pk-data" type="application/json">(.*?)</script>', page, re.S).group(1))
        meta = payload["meta"]["nodes"]
        assert meta, name
        for node, m in meta.items():
            assert m["label_en"] and han_free(m["label_en"]), (name, node, m["label_en"])
        for rel in payload["relations"]:
            assert han_free(rel["en"]), rel
        for cls in payload["classes"]:
            assert han_free(cls["en"]), cls


def test_has_han_agrees_with_unicode_names():
    for text in ("清远", "Qingyuan", "𪚥", "（）", "Zhū"):
        assert has_han(text) == (not han_free(text)), text
