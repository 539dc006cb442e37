"""graph.rdf.shapedoc: every SHACL node shape is written out in English and Chinese from its constraints."""

from __future__ import annotations

from rdflib import RDF, SH, Literal, URIRef

from graph.rdf.ontodoc import render_ontology_html
from graph.rdf.shapedoc import SHAPES_NS, describe_shapes
from graph.rdf.validate import load_ontology, load_shapes


def test_every_node_shape_has_a_bilingual_section():
    shapes = load_shapes()
    named = {str(s) for s in shapes.subjects(RDF.type, SH.NodeShape) if isinstance(s, URIRef)}
    docs = describe_shapes()
    assert {d.iri for d in docs} == named
    html = render_ontology_html()
    for d in docs:
        assert f'id="{d.anchor}"' in html
        assert d.applies[0] and d.applies[1]
        assert d.rules, d.curie
        for en, zh in d.rules:
            assert en.isascii() or "“" in en, (d.curie, en)  # English, quoting names only
            assert any("\u4e00" <= ch <= "\u9fff" for ch in zh), (d.curie, zh)


def test_rules_follow_the_constraints():
    docs = {d.curie: d for d in describe_shapes()}
    year = docs["pksh:yearUsage"]
    assert year.applies == ("every subject of pk:year", "每个使用年份（pk:year）的主体")
    assert ("values of pk:year must be literals of type xsd:gYear", "年份（pk:year）的取值必须是 xsd:gYear 类型的字面量") in year.rules
    statement = docs["pksh:StatementShape"]
    assert ("exactly one value of rdf:subject", "rdf:subject 恰有 1 个取值") in statement.rules
    assert any("smaller than the node's pk:endIndex" in en and "小于本节点的结束偏移" in zh for en, zh in statement.rules)
    assert any(en.startswith("the node must satisfy one of: the shape pksh:AnyOrganization") for en, _ in docs["pksh:locatedInUsage"].rules)


def test_a_changed_constraint_changes_the_text():
    shapes = load_shapes()
    shape = URIRef(SHAPES_NS + "yearUsage")
    prop = shapes.value(shape, SH.property)
    shapes.add((prop, SH.maxCount, Literal(2)))
    doc = next(d for d in describe_shapes(shapes, load_ontology()) if d.iri == str(shape))
    assert ("at most 2 values of pk:year", "年份（pk:year）至多有 2 个取值") in doc.rules
