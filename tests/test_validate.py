"""SHACL validation: a built graph conforms, and a graph that breaks the shapes is caught and explained."""

import pytest
from rdflib import RDF, RDFS, Graph, Literal

from graph import api
from graph.errors import ValidationError
from graph.rdf.validate import validate_graph
from graph.vocab import DATA_GRAPH, PK, entity_iri


@pytest.fixture(scope="module")
def built():
    return api.build_text("广东星河新材料有限公司位于肇庆高新区。星河新材与岭南大学共建联合实验室。")


def _broken(built, *triples):
    ds = api.build_text("广东星河新材料有限公司位于肇庆高新区。星河新材与岭南大学共建联合实验室。", validate=False).dataset
    for t in triples:
        ds.graph(DATA_GRAPH).add(t)
    return ds


def test_a_built_graph_conforms(built):
    assert built.report.conforms and built.report.violations == ()
    assert built.report.summary() == "conforms to the SHACL shapes"


def test_an_enterprise_without_a_label_is_reported():
    g = Graph()
    e = entity_iri("无名有限公司")
    g.add((e, RDF.type, PK.Enterprise))
    report = validate_graph(g)
    assert not report.conforms
    assert any(v.focus.endswith("无名有限公司") and "label" in v.path for v in report.violations)


def test_disjoint_classes_and_ranges_are_reported(built):
    star = entity_iri("广东星河新材料有限公司")
    person = entity_iri("张三")
    ds = _broken(built, (star, RDF.type, PK.University), (person, RDF.type, PK.Person),
                 (person, RDFS.label, Literal("张三", lang="zh")), (star, PK.locatedIn, person))
    report = validate_graph(ds)
    assert not report.conforms
    paths = {(v.focus.rsplit("/", 1)[-1], v.path) for v in report.violations}
    assert any("广东星河新材料有限公司" in f and "type" in p for f, p in paths)  # Enterprise and University at once
    assert any("广东星河新材料有限公司" in f and "locatedIn" in p for f, p in paths)  # a park expected, a person given
    assert all(v.message and v.severity == "Violation" for v in report.violations)
    result = api.BuildResult(ds, [], {}, report)
    with pytest.raises(ValidationError, match="SHACL constraint"):
        api.require_conformance(result)


def test_validating_a_graph_leaves_it_as_it_was(built):
    g = Graph()
    for s, p, o, _ in built.dataset.quads((None, None, None, None)):
        g.add((s, p, o))
    before = len(g)
    assert validate_graph(g).conforms
    assert len(g) == before  # the caller's graph is not mixed with the ontology


def test_indexed_constraint_lookup_gives_pyshacls_own_report(built, monkeypatch):
    from pyshacl import shape
    from pyshacl.constraints import ALL_CONSTRAINT_PARAMETERS, CONSTRAINT_PARAMETERS_MAP

    from graph.rdf import validate

    star = entity_iri("广东星河新材料有限公司")
    person = entity_iri("张三")
    ds = _broken(built, (star, RDF.type, PK.University), (person, RDF.type, PK.Person),
                 (star, PK.locatedIn, person))
    indexed = validate_graph(ds)
    assert type(shape.CONSTRAINT_PARAMS[0]) is validate._ParameterList
    assert list(shape.CONSTRAINT_PARAMS[0]) == ALL_CONSTRAINT_PARAMETERS
    monkeypatch.setattr(validate, "_index_constraint_parameters", lambda: None)
    monkeypatch.setattr(shape, "CONSTRAINT_PARAMS", (ALL_CONSTRAINT_PARAMETERS, CONSTRAINT_PARAMETERS_MAP))
    plain = validate_graph(ds)
    assert not plain.conforms and len(plain.violations) >= 3
    assert (indexed.conforms, indexed.violations) == (plain.conforms, plain.violations)
    assert indexed.text == plain.text
