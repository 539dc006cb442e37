"""graph.rdf.ontology: parkkg.owl equals parkkg.ttl, the ontology is OWL 2 DL, HermiT finds it consistent,
and the ontology's IRI path answers by content negotiation."""

from __future__ import annotations

import shutil

import pytest
from rdflib import OWL, RDF, Graph, Literal, URIRef
from rdflib.compare import isomorphic

from graph import cli
from graph.rdf.files import union_graph
from graph.rdf.ontology import (
    answer_ontology_request,
    choose_format,
    is_ontology_path,
    label_blank_trees,
    ontology_graph,
    owl2_dl_problems,
    serialize_ontology,
)
from graph.vocab import PK

from conftest import ROOT

JAVA = shutil.which("java")


def test_committed_owl_file_is_the_turtle_source():
    owl = Graph().parse(ROOT / "ontology" / "parkkg.owl", format="xml")
    ttl = Graph().parse(ROOT / "ontology" / "parkkg.ttl", format="turtle")
    assert isomorphic(owl, ttl), "ontology/parkkg.owl is stale: run `parkkg export --ontology-only -f rdfxml -o ontology/parkkg.owl`"


def test_export_ontology_only_writes_each_format(tmp_path, capsys):
    onto = ontology_graph()
    for fmt, parser in (("rdfxml", "xml"), ("turtle", "turtle"), ("jsonld", "json-ld"), ("ntriples", "nt")):
        out = tmp_path / f"o.{fmt}"
        assert cli.main(["export", "--ontology-only", "-f", fmt, "-o", str(out)]) == 0
        assert isomorphic(Graph().parse(out, format=parser), onto), fmt
    assert not (tmp_path / "void.ttl").exists()  # the ontology alone, not a described data export
    with_shapes = tmp_path / "os.ttl"
    assert cli.main(["export", "--ontology-only", "--shapes", "-o", str(with_shapes)]) == 0
    g = Graph().parse(with_shapes)
    # content-derived blank node labels: equal sets means equal graphs (isomorphic() takes a minute here)
    assert set(label_blank_trees(g)) == set(label_blank_trees(ontology_graph(shapes=True))) and len(g) > len(onto)
    assert (URIRef("https://w3id.org/parkkg/shapes#ParkShape"), None, None) in g
    capsys.readouterr()
    assert cli.main(["export", "--ontology-only", "-f", "nquads"]) != 0
    assert "triple format" in capsys.readouterr().err


def test_owl_file_via_cli_equals_committed_bytes(tmp_path):
    out = tmp_path / "parkkg.owl"
    assert cli.main(["export", "--ontology-only", "-f", "rdfxml", "-o", str(out)]) == 0
    assert out.read_bytes() == (ROOT / "ontology" / "parkkg.owl").read_bytes() == serialize_ontology("rdfxml")


def test_ontology_is_owl2_dl():
    assert owl2_dl_problems() == []


def test_dl_check_finds_punning_and_foreign_datatypes():
    g = ontology_graph()
    # the 0.1.0 declarations: a Data Cube type on a property, xsd:gYear as a range
    g.add((URIRef("http://purl.org/linked-data/cube#DimensionProperty"), RDF.type, OWL.Class))
    g.add((PK.observedEntity, RDF.type, URIRef("http://purl.org/linked-data/cube#DimensionProperty")))
    g.set((PK.year, URIRef("http://www.w3.org/2000/01/rdf-schema#range"), URIRef("http://www.w3.org/2001/XMLSchema#gYear")))
    g.add((PK.Park, URIRef("http://www.w3.org/2000/01/rdf-schema#subClassOf"), URIRef("http://example.org/Undeclared")))
    problems = owl2_dl_problems(g)
    assert any("observedEntity> is declared as more than one kind: individual, object property" in p for p in problems)
    assert any("year> has the range xsd:gYear" in p for p in problems)
    assert any("Undeclared> is used as a class" in p for p in problems)
    assert len(problems) == 3


# --------------------------------------------------------------------------- owlready2 + HermiT


def _owlready_world(path):
    owlready2 = pytest.importorskip("owlready2", reason="owlready2 is a test dependency (pip install -e .[test])")
    if JAVA is None:
        pytest.fail("no `java` on PATH: HermiT needs a Java runtime; run scripts/ensure-system-deps.sh (default-jre-headless)")
    owlready2.JAVA_EXE = JAVA
    world = owlready2.World()
    onto = world.get_ontology(path.resolve().as_uri()).load()
    return owlready2, world, onto


def test_owlready2_loads_the_owl_file_with_one_kind_per_term(capfd):
    _, world, onto = _owlready_world(ROOT / "ontology" / "parkkg.owl")
    err = capfd.readouterr().err
    assert "more than one entity type" not in err, err
    g = ontology_graph()
    named = lambda kind: {str(s) for s in g.subjects(RDF.type, kind) if isinstance(s, URIRef)}  # noqa: E731
    assert {c.iri for c in onto.classes()} == named(OWL.Class)
    assert {p.iri for p in onto.object_properties()} == named(OWL.ObjectProperty)
    assert {p.iri for p in onto.data_properties()} == named(OWL.DatatypeProperty)
    park = world["https://w3id.org/parkkg/ontology#Park"]
    assert park is not None and "园区" in [str(x) for x in park.label]


def test_hermit_finds_the_ontology_consistent():
    owlready2, world, onto = _owlready_world(ROOT / "ontology" / "parkkg.owl")
    with onto:
        owlready2.sync_reasoner_hermit(world, infer_property_values=False, debug=0)
    assert list(world.inconsistent_classes()) == []
    # the reasoner really ran: it places Enterprise under org:Organization through pk:Organization
    enterprise = world["https://w3id.org/parkkg/ontology#Enterprise"]
    assert "http://www.w3.org/ns/org#Organization" in {c.iri for c in enterprise.ancestors()}


def test_hermit_reports_a_clash_with_the_disjointness_axioms(tmp_path):
    g = ontology_graph()
    bad = URIRef("https://w3id.org/parkkg/id/bad")
    g.add((bad, RDF.type, PK.Person))
    g.add((bad, RDF.type, PK.Product))  # Person and Product are declared disjoint
    path = tmp_path / "bad.owl"
    g.serialize(path, format="xml")
    owlready2, world, onto = _owlready_world(path)
    with pytest.raises(owlready2.OwlReadyInconsistentOntologyError):
        with onto:
            owlready2.sync_reasoner_hermit(world, infer_property_values=False, debug=0)


def _sample_data_with_ontology(tmp_path):
    from graph import api

    text = "2023年，清远高新区实现规模以上工业总产值574亿元。广东聚石化学股份有限公司位于清远高新区，2022年获评国家级专精特新“小巨人”企业。"
    g = union_graph(api.build_text(text, validate=False).dataset)
    years = [o for o in g.objects(None, PK.year)]
    assert len(years) >= 2 and all(o.datatype == URIRef("http://www.w3.org/2001/XMLSchema#gYear") for o in years)
    g += ontology_graph()
    path = tmp_path / "sample.owl"
    g.serialize(path, format="xml")
    return path


def test_ontology_with_built_data_loads_and_reasons(tmp_path, capfd):
    owlready2, world, onto = _owlready_world(_sample_data_with_ontology(tmp_path))
    assert "more than one entity type" not in capfd.readouterr().err
    observations = list(world["https://w3id.org/parkkg/ontology#Observation"].instances())
    assert observations and all(o.value for o in observations)
    # xsd:gYear is outside the OWL 2 datatype map: HermiT reasons over the data once told to skip such literals
    with onto:
        owlready2.sync_reasoner_hermit(world, infer_property_values=False, debug=0, ignore_unsupported_datatypes=True)
    assert list(world.inconsistent_classes()) == []
    parks = {p.iri for p in world["https://w3id.org/parkkg/ontology#Park"].instances()}
    assert "https://w3id.org/parkkg/id/清远高新技术产业开发区" in parks


def test_hermit_without_the_option_names_gyear(tmp_path):
    owlready2, world, onto = _owlready_world(_sample_data_with_ontology(tmp_path))
    with pytest.raises(owlready2.OwlReadyJavaError, match="gYear"):
        with onto:
            owlready2.sync_reasoner_hermit(world, infer_property_values=False, debug=0)


# --------------------------------------------------------------------------- the ontology's IRI


def test_ontology_paths():
    assert is_ontology_path("/ontology") and is_ontology_path("/ontology.owl") and is_ontology_path("/ontology/0.2.0")
    assert not is_ontology_path("/ontologies") and not is_ontology_path("/")


def test_negotiation_prefers_quality_then_specificity():
    assert choose_format("text/turtle;q=0.4, application/ld+json") == "jsonld"
    assert choose_format("text/*") == "html"
    assert choose_format("text/*;q=0.9, text/html;q=0") == "turtle"
    assert choose_format("application/rdf+xml, */*;q=0.1") == "rdfxml"
    assert choose_format("application/pdf") is None


@pytest.mark.parametrize(
    "accept, media, parser",
    [
        ("text/turtle", "text/turtle", "turtle"),
        ("application/rdf+xml", "application/rdf+xml", "xml"),
        ("application/ld+json", "application/ld+json", "json-ld"),
        ("application/n-triples", "application/n-triples", "nt"),
    ],
)
def test_each_rdf_format_is_the_ontology(accept, media, parser):
    a = answer_ontology_request("GET", "/ontology", accept)
    headers = dict(a.headers)
    assert a.status == 200 and headers["Content-Type"].split(";")[0] == media and headers["Vary"] == "Accept"
    assert isomorphic(Graph().parse(data=a.body, format=parser), ontology_graph())


def test_html_for_browsers_and_suffixes_and_versions():
    page = answer_ontology_request("GET", "/ontology", "text/html,application/xhtml+xml,*/*;q=0.8")
    assert page.status == 200 and b'id="pk-Park"' in page.body and b'id="Park"' in page.body
    assert answer_ontology_request("GET", "/ontology.ttl", "text/html").body.startswith(b"@prefix")
    version = str(ontology_graph().value(URIRef("https://w3id.org/parkkg/ontology"), OWL.versionInfo))
    assert answer_ontology_request("GET", f"/ontology/{version}", "text/turtle").status == 200
    missing = answer_ontology_request("GET", "/ontology/0.0.9", "text/turtle")
    assert missing.status == 404 and version.encode() in missing.body
    assert answer_ontology_request("POST", "/ontology", "text/turtle").status == 405
    refused = answer_ontology_request("GET", "/ontology", "image/png")
    assert refused.status == 406 and b"text/turtle" in refused.body


def test_serve_answers_the_ontology_iri(tmp_path):
    from graph.sparql.serve import create_app

    app = create_app(_tiny_store(tmp_path), inference=False)
    try:
        _check_app(app)
    finally:
        app.store.close()


def _check_app(app):
    r = app.handle("GET", "/ontology", {"Accept": "text/turtle"})
    assert r.status == 200 and dict(r.headers)["Content-Type"].startswith("text/turtle")
    assert (PK.Park, RDF.type, OWL.Class) in Graph().parse(data=r.body, format="turtle")
    html = app.handle("GET", "/ontology", {"Accept": "text/html"})
    assert html.status == 200 and "园区".encode() in html.body
    head = app.handle("HEAD", "/ontology", {"Accept": "application/rdf+xml"})
    assert head.status == 200 and head.body == b"" and int(dict(head.headers)["Content-Length"]) > 1000
    assert app.handle("GET", "/nothing", {}).status == 404
    assert app.handle("GET", "/ontologies", {}).status == 404


def test_a_running_server_returns_turtle_for_the_ontology(tmp_path):
    import threading
    import urllib.request

    from graph.sparql.serve import create_app, make_server

    app = create_app(_tiny_store(tmp_path), inference=False)
    server = make_server(app, "127.0.0.1", 0)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        port = server.server_address[1]
        req = urllib.request.Request(f"http://127.0.0.1:{port}/ontology", headers={"Accept": "text/turtle"})
        with urllib.request.urlopen(req, timeout=30) as resp:
            body = resp.read()
            assert resp.status == 200 and resp.headers["Content-Type"].startswith("text/turtle")
    finally:
        server.shutdown()
        server.server_close()
        app.store.close()
    assert isomorphic(Graph().parse(data=body, format="turtle"), ontology_graph())


def _tiny_store(tmp_path):
    g = Graph()
    g.add((URIRef("https://w3id.org/parkkg/id/a"), PK.text, Literal("x")))
    path = tmp_path / "g.ttl"
    g.serialize(path, format="turtle")
    return path


def _htaccess_rules():
    """(accepted media types, target path) of each ontology rule in docs/w3id/.htaccess, in order."""
    import re

    rules, conds = [], []
    for line in (ROOT / "docs" / "w3id" / ".htaccess").read_text(encoding="utf-8").splitlines():
        m = re.match(r"RewriteCond %\{HTTP_ACCEPT\} (\S+)", line)
        if m:
            conds.append(m.group(1).replace("\\", ""))
        m = re.match(r"RewriteRule \^ontology\S* %\{ENV:DEPLOY\}(\S+) \[R=303,L\]", line)
        if m:
            rules.append((conds, m.group(1)))
            conds = []
    return rules


def test_w3id_rules_point_where_the_server_answers_in_that_format():
    rules = _htaccess_rules()
    assert [path for _, path in rules] == ["/ontology.ttl", "/ontology.owl", "/ontology.jsonld", "/ontology.nt", "/ontology.html"]
    for accepts, path in rules:
        for accept in accepts or ["text/html"]:
            by_path = answer_ontology_request("GET", path, "*/*")
            by_accept = answer_ontology_request("GET", "/ontology", accept)
            assert by_path.status == by_accept.status == 200, (accept, path)
            assert dict(by_path.headers)["Content-Type"] == dict(by_accept.headers)["Content-Type"], (accept, path)
            assert by_path.body == by_accept.body
