"""Property-based tests: the loader never raises and its output always conforms."""

from __future__ import annotations

from decimal import Decimal

import pyoxigraph
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rdflib import Graph

from graph import api
from graph.extract.numbers import find_quantities
from graph.rdf.export import serialize
from graph.vocab import entity_iri, iri_safe

# text that looks like the genre: Chinese words, names, numbers, units and punctuation,
# mixed with arbitrary Unicode (control characters, emoji, unmatched brackets and quotes)
FRAGMENTS = [
    "清远高新区", "广东聚石化学股份有限公司", "（以下简称“聚石化学”）", "位于", "与", "华南理工大学", "联合申报",
    "荣获", "国家级专精特新“小巨人”企业", "2024年", "工业总产值", "574亿元", "同比增长", "8.9%", "、", "，", "。",
    "\n", "  ", "董事长", "李明", "表示", "年产6万吨", "项目", "链主", "客户包括", "旗下", "由", "增至", "“", "”",
    "（", "）", "<script>", "\"", "\\", ">", "=cmd", "三家", "十二个", "研究院", "孵化器", "等",
]
genre_text = st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=6)), min_size=1, max_size=40).map("".join)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(genre_text)
def test_loader_never_raises_and_output_conforms(text):
    if not text.strip():
        return
    result = api.build_text(text)
    assert result.report.conforms, result.report.summary()
    data = serialize(result.dataset)
    Graph().parse(data=data, format="turtle")
    list(pyoxigraph.parse(data, format=pyoxigraph.RdfFormat.TURTLE))


@settings(max_examples=200, deadline=None)
@given(st.decimals(min_value=Decimal("0.01"), max_value=Decimal("99999"), places=2), st.sampled_from(["亿元", "万元", "元"]))
def test_amounts_normalise_consistently(number, unit):
    factor = {"亿元": Decimal(10) ** 8, "万元": Decimal(10) ** 4, "元": Decimal(1)}[unit]
    q = find_quantities(f"产值{number}{unit}")[0]
    assert q.unit == "CNY" and q.value == number * factor


def test_same_value_written_two_ways():
    assert find_quantities("5.74亿元")[0].value == find_quantities("57400万元")[0].value == Decimal("574000000")


@settings(max_examples=300, deadline=None)
@given(st.text(min_size=1, max_size=30))
def test_iris_are_stable_and_valid_for_any_name(name):
    iri = entity_iri(name)
    assert iri == entity_iri(name)
    # a valid IRI for an independent parser
    nt = f"<{iri}> <https://w3id.org/parkkg/ontology#p> \"x\" .\n"
    list(pyoxigraph.parse(nt, format=pyoxigraph.RdfFormat.N_TRIPLES))
    assert not set(iri_safe(name)) & set(" <>\"{}|\\^`")


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(min_size=1, max_size=400))
def test_arbitrary_unicode_never_breaks_the_build(text):
    if not text.strip():
        return
    result = api.build_text(text)
    assert result.report.conforms, result.report.summary()
    Graph().parse(data=serialize(result.dataset), format="turtle")
