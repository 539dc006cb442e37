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


def _pyshacl_results(ds):
    """(focus, path, severity, message) of every result pySHACL gives for ``ds`` with the ontology."""
    import pyshacl
    from rdflib.namespace import SH

    from graph.rdf.validate import load_ontology, load_shapes

    data = Graph()
    for s, p, o, _ in ds.quads((None, None, None, None)):
        data.add((s, p, o))
    conforms, rg, _ = pyshacl.validate(data, shacl_graph=load_shapes(), ont_graph=load_ontology(), inference="none",
                                       allow_warnings=True)
    results = sorted((str(rg.value(r, SH.focusNode)), str(rg.value(r, SH.resultPath)), str(rg.value(r, SH.resultSeverity)),
                      str(rg.value(r, SH.resultMessage))) for r in rg.subjects(RDF.type, SH.ValidationResult))
    return bool(conforms), results


def test_the_engine_reports_what_pyshacl_reports(built):
    from rdflib.namespace import SH

    star = entity_iri("广东星河新材料有限公司")
    person = entity_iri("张三")
    ds = _broken(built, (star, RDF.type, PK.University), (person, RDF.type, PK.Person), (star, PK.locatedIn, person))
    report = validate_graph(ds)
    rg = report.graph
    ours = sorted((str(rg.value(r, SH.focusNode)), str(rg.value(r, SH.resultPath)), str(rg.value(r, SH.resultSeverity)),
                   str(rg.value(r, SH.resultMessage))) for r in rg.subjects(RDF.type, SH.ValidationResult))
    assert (report.conforms, ours) == _pyshacl_results(ds)
    assert not report.conforms and len(report.violations) >= 3


def test_a_store_is_validated_as_the_union_of_its_graphs_and_left_as_it_was(built):
    import pyoxigraph as ox

    from graph.rdf.validate import validate_store

    star = entity_iri("广东星河新材料有限公司")
    ds = _broken(built, (star, RDF.type, PK.University))
    store = ox.Store()
    store.load(ds.serialize(format="nquads", encoding="utf-8"), format=ox.RdfFormat.N_QUADS)
    before = len(store)
    report = validate_store(store)
    assert len(store) == before
    assert (report.conforms, report.violations) == (validate_graph(ds).conforms, validate_graph(ds).violations)
    assert any("type" in v.path for v in report.violations)
