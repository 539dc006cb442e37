"""The mention rules' gates (``mentions.MENTION_NEEDS``): a rule is skipped only where it could find nothing.

Each gated rule has an example sentence on which it finds something; run
through :func:`find_local_mentions` (that is, through the gate) it must still
be called and still find it, so a rule whose declared cues miss what its
patterns need fails here. A sentence holding no cue calls no gated rule, and
the gated and ungated extractions of whole articles are the same.
"""

from __future__ import annotations

import functools
from pathlib import Path

import pytest

import graph.extract.mentions as mentions
from graph.extract.lexicon import load_lexicon
from graph.text.clean import clean_text
from graph.text.segment import split_sentences

TESTS = Path(__file__).resolve().parent

#: gated rule → a sentence it finds something in
EXAMPLES = {
    "_cued_honours": "园区3家企业被评为四川省专精特新中小企业",
    "_quoted_speaker": "“今年订单排到了年底。”覃振华说。",
    "_appositive_person": "祁明轩，浙江衡越精工有限公司董事长。",
    "_person_list": "公司核心技术人员为宋景川、冯思敏和高立群。",
    "_person_before_paren_roles": "陈明华（副总经理、首席技术官）介绍了新产品。",
    "_firm_kind_industries": "广东星河新材料有限公司是一家锂电池材料企业。",
    "_invested_projects": "该公司投资建设的光电子产业园项目正式开工。",
    "_standalone_projects": "涪新材料年产2万吨碳纤维复合材料项目开工",
    "_patent_mentions": "公司获得发明专利“一种高强度碳纤维复合材料的制备方法”。",
    "_product_mentions": "10月，其自主研发的HY-EP3000船舶综合电力推进系统获评山东省首台（套）技术装备。",
    "_subject_products": "新型显示领域，公司铜蚀刻液和光刻胶剥离液配套苏州鼎晶显示科技有限公司8.6代氧化物面板产线。",
    "_owned_products": "目前，广东星河新材料有限公司的锂电池隔膜、肇庆华达科技有限公司的动力电池壳均已进入宁川电池供应链。",
    "_amount_products": "目前公司年产RV减速器8万台，产品已批量供应安徽星舸机器人有限公司。",
    "_model_mentions": "10月，其自主研发的HY-EP3000船舶综合电力推进系统获评山东省首台（套）技术装备。",
    "_brand_mentions": "“蓝渊”牌深远海养殖工船系列产品再获订单！",
    "_product_list_mentions": "涪新材料年产2万吨碳纤维复合材料项目开工",
    "_list_mentions": "暑期共有326名学生进入衡川传动、驰远汽车电子等企业顶岗实习。",
    "_sub_park_list": "高新区下辖东城、西城和南城三个片区。",
    "_project_mentions": "7月8日上午，绵阳涪新材料科技有限公司年产2万吨高性能碳纤维复合材料项目在涪江科技园开工建设。",
    "_facility_projects": "10月28日，烟台蓝渊深海渔业装备股份有限公司10万吨级养殖工船总装车间开工建设。",
    "_outside_colophons": "园区举行企业座谈会（清远日报记者供稿）",
    "_alias_definitions": "走进广东星河新材料有限公司（以下简称“星河新材”）。",
}

#: gated rules that rewrite the list they are given (they found something when they give a new one)
REWRITERS = {"_cued_honours", "_outside_colophons"}

#: a sentence holding no cue of any gated rule
NO_CUE = "今天天气晴朗。"


def _sentences(text: str):
    return split_sentences(clean_text(text))


def _watch(monkeypatch: pytest.MonkeyPatch, names) -> dict[str, list[bool]]:
    """Replace each named rule by a wrapper that records, per call, whether it found something."""
    calls: dict[str, list[bool]] = {name: [] for name in names}
    for name in names:
        rule = getattr(mentions, name)

        @functools.wraps(rule)
        def watched(*args, _rule=rule, _name=name):
            found = _rule(*args)
            calls[_name].append(found is not args[0] if _name in REWRITERS else bool(found))
            return found

        monkeypatch.setattr(mentions, name, watched)
    return calls


def test_every_gated_rule_has_an_example():
    assert set(EXAMPLES) == set(mentions.MENTION_NEEDS)


@pytest.mark.parametrize("name", sorted(EXAMPLES))
def test_a_rule_still_fires_through_its_gate(monkeypatch: pytest.MonkeyPatch, name: str):
    calls = _watch(monkeypatch, [name])
    mentions.find_local_mentions(_sentences(EXAMPLES[name]), load_lexicon())
    assert any(calls[name]), f"{name} was {'not called' if not calls[name] else 'called but found nothing'}"


def test_the_gate_skips_rules_whose_cues_are_absent(monkeypatch: pytest.MonkeyPatch):
    calls = _watch(monkeypatch, mentions.MENTION_NEEDS)
    mentions.find_local_mentions(_sentences(NO_CUE), load_lexicon())
    assert {name: len(c) for name, c in calls.items() if c} == {}
    monkeypatch.setattr(mentions, "MENTION_NEEDS", {})  # no gates: every rule runs on the sentence
    mentions.find_local_mentions(_sentences(NO_CUE), load_lexicon())
    assert all(len(c) == 1 for c in calls.values())


@pytest.mark.parametrize("folder", ["articles", "heldout", "dev1", "dev2", "dev3"])
def test_gated_and_ungated_extraction_agree(monkeypatch: pytest.MonkeyPatch, folder: str):
    lex = load_lexicon()
    docs = [_sentences(p.read_text(encoding="utf-8")) for p in sorted((TESTS / folder).glob("*.txt"))]
    assert docs
    gated = [mentions.find_local_mentions(d, lex) for d in docs]
    monkeypatch.setattr(mentions, "MENTION_NEEDS", {})
    assert [mentions.find_local_mentions(d, lex) for d in docs] == gated


#: sentences each found by one industry pattern through one word of ``_INDUSTRY_PATTERN_WORDS`` alone
INDUSTRY_PATTERN_EXAMPLES = [
    "园区以光学仪器、精密模具为主导，",
    "园区以光学仪器、精密模具为核心",
    "园区聚焦工业互联网、智能网联。",
    "做强光学仪器、精密模具。",
    "公司所属行业为“计算机、通信和其他电子设备制造业（C39）”。",
    "围绕智能网联和氢能储运两个孵化方向",
    "在稀散金属领域具有领先实力",
    "某公司是海洋工程装备产业链的链主。",
    "清洁能源装备环节的龙头企业",
]


@pytest.mark.parametrize("text", INDUSTRY_PATTERN_EXAMPLES)
def test_the_industry_patterns_run_where_their_words_occur(text: str):
    """``_industry_mentions`` skips its patterns where none of their words occurs; each word kept must let them run."""
    (s,) = _sentences(text)
    found = mentions._industry_mentions(s, s.text, load_lexicon())
    assert [m for m in found if m.rule in ("industry:named", "industry:classified")]
