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


# The fast engine (shacl) answers "conforms?"; pyshacl-turbo writes the report of a graph that does not.
# Each case below breaks the bundled article's graph for one kind of constraint the shapes use.

_PK = "https://w3id.org/parkkg/ontology#"
_RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
_XSD = "http://www.w3.org/2001/XMLSchema#"
_DATA = "<https://w3id.org/parkkg/graph/data>"


@pytest.fixture(scope="module")
def article_nquads():
    """The bundled article's graph as N-Quads, with one node of each kind a case below breaks."""
    import pyoxigraph as ox

    store = api.build(validate=False).store

    def subject(predicate, cls=None):
        for q in store.quads_for_pattern(None, ox.NamedNode(predicate), None, None):
            if cls is None or any(store.quads_for_pattern(q.subject, ox.NamedNode(_RDF + "type"), ox.NamedNode(cls), None)):
                return str(q.subject)
        raise LookupError(predicate)

    nodes = {
        "ent": subject("http://www.w3.org/2000/01/rdf-schema#label", _PK + "Enterprise"),
        "park": subject(_RDF + "type", _PK + "Park"),
        "sent": subject(_PK + "text"),
        "stmt": subject(_RDF + "subject"),
        "doc": subject(_PK + "sha256"),
        "obs": subject(_RDF + "type", _PK + "Observation"),
        "person": "<https://w3id.org/parkkg/id/张三>",
    }
    return store.dump(format=ox.RdfFormat.N_QUADS).decode("utf-8"), nodes


_BROKEN = {  # case: N-Quads lines added, with {ent}, {park}... for the nodes above
    "label missing (qualified count)": ['<https://w3id.org/parkkg/id/无名有限公司> <{rdf}type> <{pk}Enterprise> {g} .'],
    "two zh labels (qualifiedMaxCount)": ['{ent} <http://www.w3.org/2000/01/rdf-schema#label> "别名"@zh {g} .'],
    "plain label (datatype)": ['{ent} <http://www.w3.org/2000/01/rdf-schema#label> "plain" {g} .'],
    "offset as a string (datatype)": ['{sent} <{pk}beginIndex> "3" {g} .'],
    "negative offset (minInclusive)": ['{stmt} <{pk}endIndex> "-1"^^<{xsd}integer> {g} .'],
    "begin after end (lessThan, maxCount)": ['{sent} <{pk}beginIndex> "999999"^^<{xsd}integer> {g} .'],
    "sentence IRI (pattern, minCount)": ['<https://w3id.org/parkkg/doc/xyz/s1> <{rdf}type> <{pk}Sentence> {g} .'],
    "sha256 (pattern)": ['{doc} <{pk}sha256> "ABC" {g} .'],
    "level (pattern)": ['{park} <{pk}level> "county" {g} .'],
    "located in a person (class, subClassOf)": ['{person} <{rdf}type> <{pk}Person> {g} .', '{person} <http://www.w3.org/2000/01/rdf-schema#label> "张三"@zh {g} .', '{ent} <{pk}locatedIn> {person} {g} .'],
    "subsidiary of a park (or)": ['{ent} <{pk}subsidiaryOf> {park} {g} .'],
    "disjoint types (not, in)": ['{ent} <{rdf}type> <{pk}University> {g} .'],
    "inference in German (languageIn)": ['{stmt} <{pk}inference> "x"@de {g} .'],
    "empty unit (minLength)": ['{obs} <{pk}unit> "" {g} .'],
    "subject a literal (nodeKind)": ['{stmt} <{rdf}subject> "x" {g} .'],
    "lower and upper bound (not class)": ['{obs} <{rdf}type> <{pk}LowerBound> {g} .', '{obs} <{rdf}type> <{pk}UpperBound> {g} .'],
    "award nobody holds (inversePath)": ['<https://w3id.org/parkkg/id/award-x> <{rdf}type> <{pk}HonourAward> {g} .'],
}


def _broken_text(article_nquads, case):
    text, nodes = article_nquads
    fields = dict(nodes, rdf=_RDF, pk=_PK, xsd=_XSD, g=_DATA)
    return text + "".join(line.format(**fields) + "\n" for line in _BROKEN[case])


@pytest.mark.parametrize("case", sorted(_BROKEN))
def test_both_engines_find_a_broken_graph_and_the_report_is_pyshacl_turbos(article_nquads, case, tmp_path):
    from graph.rdf import validate as v

    nquads = _broken_text(article_nquads, case).encode("utf-8")
    exact = v._validate(v._engine_input(nquads), None)  # pyshacl-turbo alone, as validation always was
    assert not exact.conforms
    data = tmp_path / "data.nq"
    data.write_text(v._engine_text(nquads), encoding="utf-8")
    assert not v._screened_file_conformant(data)  # the shacl engine's screen, as validate_file runs it
    report = v.validate_nquads(nquads)
    assert (report.conforms, report.violations, report.text) == (False, exact.violations, exact.text)


def test_a_conforming_graph_is_not_handed_to_pyshacl_turbo(article_nquads, monkeypatch):
    from graph.rdf import validate as v

    exact = v._validate(v._engine_input(article_nquads[0].encode("utf-8")), None)

    def refuse(*args, **kwargs):
        raise AssertionError("pyshacl-turbo ran on a graph that conforms")

    monkeypatch.setattr(v, "_validate", refuse)
    report = v.validate_nquads(article_nquads[0].encode("utf-8"))
    assert (report.conforms, report.violations, report.text) == (True, (), exact.text)
    assert set(report.graph.predicate_objects(next(report.graph.subjects()))) == set(
        exact.graph.predicate_objects(next(exact.graph.subjects()))
    )


def test_a_store_is_validated_through_a_file_that_is_removed_afterwards(article_nquads, tmp_path, monkeypatch):
    import tempfile

    import pyoxigraph as ox

    from graph.rdf import validate as v

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    store = ox.Store()
    store.load(article_nquads[0].encode("utf-8"), format=ox.RdfFormat.N_QUADS)
    assert v.validate_store(store).conforms
    broken = _broken_text(article_nquads, "two zh labels (qualifiedMaxCount)").encode("utf-8")
    store.load(broken, format=ox.RdfFormat.N_QUADS)
    report = v.validate_store(store)
    assert not report.conforms and report.violations == v.validate_nquads(broken).violations
    assert list(tmp_path.iterdir()) == []  # each temporary folder removed, conforming or not


def test_the_temporary_file_is_removed_when_the_engine_fails(tmp_path, monkeypatch):
    import tempfile

    from graph.rdf import validate as v

    def fail(*args, **kwargs):
        raise RuntimeError("engine crashed")

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    monkeypatch.setattr(v, "validate_file", fail)
    with pytest.raises(RuntimeError, match="engine crashed"):
        v.validate_nquads(b"")
    assert list(tmp_path.iterdir()) == []
