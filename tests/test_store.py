"""graph.sparql.store: opening graphs for SPARQL, two backends, read-only rules, limits."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import RDF

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _sparql_support import Recorder  # noqa: E402

from graph.errors import QueryError, StoreError  # noqa: E402
from graph.rdf.export import serialize  # noqa: E402
from graph.rdf.files import RdfFormat
from graph.sparql.store import (  # noqa: E402
    INFERRED_GRAPH,
    Backend,
    OxigraphStore,
    QueryRefused,
    QuerySyntaxError,
    QueryTimeout,
    RdflibStore,
    entail,
    open_store,
    parse_query,
    write_oxigraph,
)
from graph.vocab import DATA_GRAPH, ONTOLOGY_GRAPH, PK, PKR  # noqa: E402

JUSHI = PKR["广东聚石化学股份有限公司"]
XIONGXING = PKR["雄兴工业园"]
COUNT_ENTERPRISES = "SELECT (COUNT(DISTINCT ?e) AS ?n) WHERE { ?e a pk:Enterprise }"
PATHOLOGICAL = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"


@pytest.fixture(scope="module")
def stores(built):
    """The graph as stated (no entailments), on both engines."""
    return {b: open_store(built, backend=b, inference=False) for b in ("rdflib", "oxigraph")}


@pytest.fixture(scope="module")
def files(built, tmp_path_factory):
    d = tmp_path_factory.mktemp("graphs")
    out = {}
    for suffix, fmt in ((".ttl", RdfFormat.TURTLE), (".trig", RdfFormat.TRIG), (".nt", RdfFormat.NTRIPLES), (".nq", RdfFormat.NQUADS)):
        path = d / f"parkkg{suffix}"
        path.write_bytes(serialize(built.dataset, fmt))
        out[suffix] = path
    store_dir = d / "oxigraph-store"
    write_oxigraph(built, store_dir)
    out["oxigraph"] = store_dir
    return out


def count(store, q=COUNT_ENTERPRISES) -> int:
    return int(store.query(q).rows[0][0])


# ------------------------------------------------------------------ opening


def test_in_memory_sources_on_both_backends(built):
    n = None
    for source in (built, built.dataset):
        for backend in ("rdflib", "oxigraph"):
            store = open_store(source, backend=backend)
            assert store.backend is Backend(backend)
            assert set(store.graph_names()) >= {DATA_GRAPH, ONTOLOGY_GRAPH}
            n = n if n is not None else count(store)
            assert count(store) == n >= 10
    g = Graph()
    for t in built.dataset.graph(DATA_GRAPH):
        g.add(t)
    assert count(open_store(g)) == n


@pytest.mark.parametrize("kind", [".ttl", ".trig", ".nt", ".nq", "oxigraph"])
def test_files_and_disk_store_answer_alike(files, stores, kind):
    expected = count(stores["rdflib"])
    spec = f"oxigraph:{files[kind]}" if kind == "oxigraph" else files[kind]
    for backend in ("rdflib", "oxigraph"):
        with open_store(spec, backend=backend) as store:
            assert count(store) == expected
            assert store.query(f"ASK {{ <{JUSHI}> pk:locatedIn <{XIONGXING}> }}").boolean is True
    if kind in (".trig", ".nq", "oxigraph"):
        with open_store(spec) as store:
            assert DATA_GRAPH in store.graph_names()


def test_disk_store_is_oxigraph_by_default_and_read_only(files):
    with open_store(f"oxigraph:{files['oxigraph']}") as store:
        assert isinstance(store, OxigraphStore)
        with pytest.raises(QueryRefused):
            store.query("INSERT DATA { <http://e/a> <http://e/b> <http://e/c> }")
    # written with its entailments (the default), so it answers like every other store
    q = "SELECT (COUNT(DISTINCT ?x) AS ?n) WHERE { ?x a pk:Organization }"
    with open_store(f"oxigraph:{files['oxigraph']}") as store:
        assert store.inference and count(store, q) > 0
    with open_store(f"oxigraph:{files['oxigraph']}", inference=False) as store:
        assert not store.inference and count(store, q) == 0  # the inferred graph is left out


def test_a_disk_store_without_entailments_says_how_to_get_them(built, tmp_path):
    plain = write_oxigraph(built, tmp_path / "plain", inference=False)
    with pytest.raises(StoreError, match="written without entailments.*--no-inference"):
        open_store(f"oxigraph:{plain}")
    with open_store(f"oxigraph:{plain}", inference=False) as store:
        assert count(store) > 0


def test_malformed_turtle_names_line_and_column(tmp_path):
    bad = tmp_path / "bad.ttl"
    bad.write_text('@prefix ex: <http://e/> .\nex:a ex:b ex:c .\nex:d ex:e ex:f ex:g .\n', encoding="utf-8")
    for backend in ("rdflib", "oxigraph"):
        with pytest.raises(StoreError) as info:
            open_store(bad, backend=backend)
        message = str(info.value)
        assert "bad.ttl: line 3, column" in message, message
        assert "\n" not in message


def test_missing_or_unknown_files_are_store_errors(tmp_path):
    with pytest.raises(StoreError, match="no such graph file"):
        open_store(tmp_path / "missing.ttl")
    odd = tmp_path / "graph.xyz"
    odd.write_text("x", encoding="utf-8")
    with pytest.raises(StoreError, match="unknown graph file type"):
        open_store(odd)
    with pytest.raises(StoreError, match="no such store directory"):
        open_store(f"oxigraph:{tmp_path / 'nowhere'}")
    with pytest.raises(StoreError, match="not an empty directory"):
        write_oxigraph(Graph(), odd)


# ------------------------------------------------------------------ query rules


def test_malformed_query_gives_parser_message_line_and_column():
    with pytest.raises(QuerySyntaxError) as info:
        parse_query("SELECT ?s\nWHERE {\n  ?s pk:locatedIn \n}")
    err = info.value
    assert isinstance(err, QueryError) and err.exit_code == 2
    # rdflib's parser points at the start of the triple it could not finish
    assert (err.line, err.column) == (3, 3)
    assert "line 3, column 3" in str(err) and "Expected" in str(err)
    with pytest.raises(QuerySyntaxError, match="empty"):
        parse_query("   ")


@pytest.mark.parametrize(
    "text, word",
    [
        ("INSERT DATA { <http://e/a> <http://e/b> <http://e/c> }", "INSERT DATA"),
        ("DELETE WHERE { ?s ?p ?o }", "DELETE WHERE"),
        ("LOAD <http://127.0.0.1:9/data.ttl>", "LOAD"),
        ("CLEAR ALL", "CLEAR"),
        ("DROP GRAPH <http://e/g>", "DROP"),
        ("SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }", "SERVICE"),
    ],
)
def test_updates_and_service_are_refused(stores, text, word):
    for store in stores.values():
        with pytest.raises(QueryRefused, match=word):
            store.query(text)


def test_kinds_and_same_answers_on_both_backends(stores):
    a, b = stores["rdflib"], stores["oxigraph"]
    ask = f"ASK {{ <{JUSHI}> pk:locatedIn <{XIONGXING}> }}"
    assert a.query(ask).boolean is b.query(ask).boolean is True
    construct = "CONSTRUCT { ?e pk:locatedIn ?p } WHERE { ?e pk:locatedIn ?p }"
    ga, gb = a.query(construct).graph, b.query(construct).graph
    assert len(ga) >= 5 and isomorphic(ga, gb)
    describe = f"DESCRIBE <{JUSHI}>"
    da, db = a.query(describe).graph, b.query(describe).graph
    assert isomorphic(da, db)
    # the description carries the provenance of each fact (the reified statements)
    assert (None, RDF.subject, JUSHI) in da
    assert (JUSHI, PK.locatedIn, XIONGXING) in da


def test_from_and_protocol_dataset_use_only_held_graphs(stores):
    for store in stores.values():
        only_ontology = f"SELECT (COUNT(*) AS ?n) FROM <{ONTOLOGY_GRAPH}> WHERE {{ ?s a pk:Enterprise }}"
        assert int(store.query(only_ontology).rows[0][0]) == 0
        from_data = f"ASK FROM <{DATA_GRAPH}> {{ <{JUSHI}> pk:locatedIn <{XIONGXING}> }}"
        assert store.query(from_data).boolean is True
        named = f"SELECT DISTINCT ?g FROM NAMED <{DATA_GRAPH}> WHERE {{ GRAPH ?g {{ ?s ?p ?o }} }}"
        assert [r[0] for r in store.query(named).rows] == [DATA_GRAPH]
        # the protocol's dataset replaces the query's FROM
        overridden = store.query(from_data, default_graphs=[str(ONTOLOGY_GRAPH)])
        assert overridden.boolean is False
        unknown = "SELECT * FROM <http://example.org/not-held> WHERE { ?s ?p ?o }"
        assert store.query(unknown).rows == []


def test_no_request_leaves_the_process():
    with Recorder() as rec:
        # the control: plain rdflib fetches the graph a FROM names
        plain = Dataset()
        list(plain.query(f"SELECT * FROM <{rec.url}/control.ttl> WHERE {{ ?s ?p ?o }}"))
        assert rec.requests == [("GET", "/control.ttl")]
        rec.requests.clear()
        ds = Dataset()
        ds.add((URIRef("http://e/a"), URIRef("http://e/b"), Literal("c")))
        for backend in ("rdflib", "oxigraph"):
            store = open_store(ds, backend=backend)
            for q in (
                f"SELECT * FROM <{rec.url}/a.ttl> WHERE {{ ?s ?p ?o }}",
                f"SELECT * FROM NAMED <{rec.url}/b.ttl> WHERE {{ GRAPH ?g {{ ?s ?p ?o }} }}",
                f"ASK {{ GRAPH <{rec.url}/c.ttl> {{ ?s ?p ?o }} }}",
                f"DESCRIBE <{rec.url}/d.ttl>",
            ):
                store.query(q)
            store.query("SELECT * WHERE { ?s ?p ?o }", default_graphs=[f"{rec.url}/e.ttl"], named_graphs=[f"{rec.url}/f.ttl"])
            for q in (f"LOAD <{rec.url}/g.ttl>", f"SELECT * WHERE {{ SERVICE <{rec.url}/sparql> {{ ?s ?p ?o }} }}"):
                with pytest.raises(QueryRefused):
                    store.query(q)
        assert rec.requests == []


# ------------------------------------------------------------------ limits


def test_time_limit_stops_a_runaway_query_and_the_store_keeps_working(stores):
    store = stores["rdflib"]
    with pytest.raises(QueryTimeout, match="time limit of 1 s"):
        store.query(PATHOLOGICAL, timeout=1.0)
    assert count(store) >= 10


def test_result_limit_truncates_and_says_so(stores):
    for store in stores.values():
        r = store.query("SELECT ?s ?p ?o WHERE { ?s ?p ?o }", max_results=7)
        assert len(r.rows) == 7 and r.truncated
        g = store.query("CONSTRUCT WHERE { ?s ?p ?o }", max_results=5)
        assert len(g.graph) == 5 and g.truncated
        small = store.query(COUNT_ENTERPRISES, max_results=7)
        assert not small.truncated


# ------------------------------------------------------------------ inference


def test_entailment_adds_superclasses_and_symmetry():
    a, b = URIRef("https://example.org/a"), URIRef("https://example.org/b")
    g = Graph()
    g.add((a, RDF.type, PK.Enterprise))
    g.add((b, RDF.type, PK.University))
    g.add((a, PK.coFiledPatentWith, b))
    inferred = entail(g)
    assert (a, RDF.type, PK.Organization) in inferred
    assert (b, RDF.type, PK.Organization) in inferred
    assert (a, PK.cooperatesWith, b) in inferred
    assert (b, PK.cooperatesWith, a) in inferred
    # nothing already stated, no owl:Thing noise, no literal subjects
    assert not any(t in g for t in inferred)
    assert not any(isinstance(s, Literal) for s, _, _ in inferred)
    assert (a, RDF.type, URIRef("http://www.w3.org/2002/07/owl#Thing")) not in inferred
    rdfs_only = entail(g, semantics="rdfs")
    assert (a, PK.cooperatesWith, b) in rdfs_only and (b, PK.cooperatesWith, a) not in rdfs_only


def test_inference_on_the_bundled_graph(built, stores):
    q = "SELECT (COUNT(DISTINCT ?x) AS ?n) WHERE { ?x a pk:Organization }"
    assert count(stores["rdflib"], q) == 0  # only subclasses are stated
    inferred = {b: open_store(built, backend=b, inference=True) for b in ("rdflib", "oxigraph")}
    n = count(inferred["rdflib"], q)
    assert n == count(inferred["oxigraph"], q)
    enterprises = count(stores["rdflib"])
    universities = count(stores["rdflib"], "SELECT (COUNT(DISTINCT ?u) AS ?n) WHERE { ?u a pk:University }")
    assert n >= enterprises + universities
    assert INFERRED_GRAPH in inferred["rdflib"].graph_names()
    symmetric = (
        "ASK { ?a pk:cooperatesWith ?b . ?b pk:cooperatesWith ?a . FILTER(?a != ?b) }"
    )
    assert inferred["rdflib"].query(symmetric).boolean is inferred["oxigraph"].query(symmetric).boolean is True
    assert isinstance(inferred["rdflib"], RdflibStore)
