"""graph.sparql.serve over real sockets: SPARQLWrapper for every query form and
format, raw HTTP for the protocol's edge cases, the read-only and no-fetch
rules, and the time, result and body limits."""

from __future__ import annotations

import json
import sys
import threading
import time
import urllib.request
from pathlib import Path
from urllib.parse import quote, urlencode
from xml.dom.minidom import Document

import pytest
from rdflib import Graph, URIRef
from rdflib.namespace import RDF
from SPARQLWrapper import CSV, GET, JSON, JSONLD, N3, POST, POSTDIRECTLY, RDFXML, TSV, TURTLE, XML, SPARQLWrapper

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _sparql_support import Recorder, request, running  # noqa: E402

from graph.sparql.serve import ServeConfig, create_app  # noqa: E402
from graph.vocab import PKR  # noqa: E402

SELECT = "SELECT ?e ?label WHERE { ?e a pk:Enterprise ; rdfs:label ?label FILTER(LANG(?label) = 'zh') } ORDER BY ?e"
ASK = f"ASK {{ <{PKR['广东聚石化学股份有限公司']}> pk:locatedIn <{PKR['雄兴工业园']}> }}"
CONSTRUCT = "CONSTRUCT { ?e pk:locatedIn ?p } WHERE { ?e pk:locatedIn ?p }"
COUNT_ALL = "SELECT (COUNT(*) AS ?n) WHERE { { ?s ?p ?o } UNION { GRAPH ?g { ?s ?p ?o } } }"
PATHOLOGICAL = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"


@pytest.fixture(scope="module")
def app(built):
    return create_app(built, config=ServeConfig(timeout=30))  # inference on, the default


@pytest.fixture(scope="module")
def base(app):
    with running(app) as url:
        yield url


def wrapper(base: str, query: str, fmt: str, method: str = GET, direct: bool = False) -> SPARQLWrapper:
    w = SPARQLWrapper(f"{base}/sparql")
    w.setQuery(query)
    w.setReturnFormat(fmt)
    w.setMethod(method)
    if direct:
        w.setRequestMethod(POSTDIRECTLY)
    w.setTimeout(60)
    return w


def get(base: str, query: str, accept: str = "application/sparql-results+json", **params):
    qs = urlencode({"query": query, **params})
    return request(base, "GET", f"/sparql?{qs}", headers={"Accept": accept})


def ask(base: str, query: str) -> bool:
    status, _, body = get(base, query)
    assert status == 200, body
    return json.loads(body)["boolean"]


def total(base: str) -> int:
    status, _, body = get(base, COUNT_ALL)
    assert status == 200, body
    return int(json.loads(body)["results"]["bindings"][0]["n"]["value"])


# ------------------------------------------------------------------ SPARQLWrapper, every form and format


@pytest.mark.parametrize("method, direct", [(GET, False), (POST, False), (POST, True)])
def test_select_in_each_format(base, method, direct):
    doc = wrapper(base, SELECT, JSON, method, direct).query().convert()
    names = [b["label"]["value"] for b in doc["results"]["bindings"]]
    assert "广东聚石化学股份有限公司" in names and len(names) >= 10
    xml = wrapper(base, SELECT, XML, method, direct).query().convert()
    assert isinstance(xml, Document)
    assert len(xml.getElementsByTagName("result")) == len(names)
    for fmt in (CSV, TSV):
        text = wrapper(base, SELECT, fmt, method, direct).query().convert().decode("utf-8")
        lines = text.strip().splitlines()
        assert len(lines) == len(names) + 1 and "广东聚石化学股份有限公司" in text


def test_ask_in_each_format(base):
    assert wrapper(base, ASK, JSON).query().convert()["boolean"] is True
    xml = wrapper(base, ASK, XML, POST).query().convert()
    assert xml.getElementsByTagName("boolean")[0].firstChild.data == "true"


def test_construct_in_each_format(base):
    expected = len(Graph().parse(data=wrapper(base, CONSTRUCT, TURTLE).query().convert(), format="turtle"))
    assert expected >= 5
    for fmt in (RDFXML, JSONLD):
        g = wrapper(base, CONSTRUCT, fmt, POST).query().convert()
        assert isinstance(g, Graph) and len(g) == expected
    n3 = wrapper(base, CONSTRUCT, N3).query().convert()
    assert len(Graph().parse(data=n3, format="turtle")) == expected
    status, headers, body = get(base, CONSTRUCT, accept="application/n-triples")
    assert status == 200 and headers["content-type"].startswith("application/n-triples")
    assert len(Graph().parse(data=body, format="nt")) == expected


def test_inference_is_on_by_default(base, app):
    assert app.store.inference
    assert ask(base, "ASK { ?x a pk:Organization }")
    assert ask(base, f"ASK {{ <{PKR['福建师范大学']}> pk:cooperatesWith <{PKR['广东容大生物股份有限公司']}> }}")


# ------------------------------------------------------------------ protocol edge cases with raw HTTP


def test_service_description_at_the_endpoint(base):
    status, headers, body = request(base, "GET", "/sparql", headers={"Accept": "text/turtle"})
    assert status == 200 and headers["content-type"].startswith("text/turtle")
    g = Graph().parse(data=body, format="turtle")
    sd = "http://www.w3.org/ns/sparql-service-description#"
    service = next(g.subjects(RDF.type, URIRef(sd + "Service")))
    assert g.value(service, URIRef(sd + "endpoint")) == URIRef(f"{base}/sparql")
    assert (service, URIRef(sd + "supportedLanguage"), URIRef(sd + "SPARQL11Query")) in g
    assert (None, URIRef(sd + "name"), URIRef("https://w3id.org/parkkg/graph/data")) in g


@pytest.mark.parametrize(
    "method, path, headers, body, status, words",
    [
        ("PUT", "/sparql?query=ASK%20%7B%7D", {}, b"", 405, "not a SPARQL protocol operation"),
        ("DELETE", "/sparql", {}, None, 405, "read-only"),
        ("POST", "/sparql", {"Content-Type": "application/x-www-form-urlencoded"}, b"", 400, "no query"),
        ("POST", "/sparql", {}, b"query=ASK%20%7B%7D", 415, "needs a Content-Type"),
        ("POST", "/sparql", {"Content-Type": "text/plain"}, b"ASK {}", 415, "unsupported Content-Type"),
        ("POST", "/sparql", {"Content-Type": "application/sparql-query; charset=UTF-16"}, "ASK {}".encode("utf-16"), 415, "UTF-8"),
        ("POST", "/sparql", {"Content-Type": "application/sparql-query"}, b"ASK { \xff }", 400, "not valid UTF-8"),
        ("GET", "/sparql?query=ASK%20%7B%7D&query=ASK%20%7B%7D", {}, None, 400, "2 queries"),
        ("GET", "/sparql?query=ASK%20%7B%7D", {"Accept": "image/png"}, None, 406, "acceptable"),
        ("GET", "/sparql?query=SELECT%20*%20WHERE%20%7B%0A%20%3Fs%20%3Fp%20%7D", {}, None, 400, "(line 2, column"),
        ("GET", "/nothing-here", {}, None, 404, "nothing at /nothing-here"),
    ],
)
def test_protocol_errors(base, method, path, headers, body, status, words):
    got, resp_headers, data = request(base, method, path, body=body, headers=headers)
    assert got == status, data
    text = data.decode("utf-8")
    assert words in text and "Traceback" not in text
    assert text.count("\n") == 1  # one line
    assert "access-control-allow-origin" not in resp_headers  # no CORS unless origins are named


def test_cors_only_for_named_origins(app):
    preflight = {"Origin": "http://localhost:3000", "Access-Control-Request-Method": "POST"}
    with running(app) as url:  # the default: no origin named
        status, headers, _ = request(url, "OPTIONS", "/sparql", headers=preflight)
        assert status == 403 and "access-control-allow-origin" not in headers
    open_to_one = create_app(app.store, config=ServeConfig(cors_origins=("http://localhost:3000",)))
    with running(open_to_one) as url:
        status, headers, _ = request(url, "OPTIONS", "/sparql", headers=preflight)
        assert status == 204
        assert headers["access-control-allow-origin"] == "http://localhost:3000"
        assert "POST" in headers["access-control-allow-methods"]
        assert "Content-Type" in headers["access-control-allow-headers"]
        status, headers, _ = request(
            url, "GET", "/sparql?" + urlencode({"query": ASK}), headers={"Origin": "http://localhost:3000", "Accept": "application/sparql-results+json"}
        )
        assert status == 200 and headers["access-control-allow-origin"] == "http://localhost:3000"
        status, headers, _ = request(url, "GET", "/sparql?" + urlencode({"query": ASK}), headers={"Origin": "http://elsewhere.example"})
        assert status == 403 and "access-control-allow-origin" not in headers


def test_content_negotiation(base):
    for accept, media in (
        ("application/sparql-results+xml", "application/sparql-results+xml"),
        ("text/csv", "text/csv"),
        ("text/tab-separated-values", "text/tab-separated-values"),
        ("text/csv;q=0.5, application/sparql-results+json", "application/sparql-results+json"),
        ("*/*", "application/sparql-results+json"),
    ):
        status, headers, _ = get(base, SELECT, accept=accept)
        assert status == 200 and headers["content-type"].split(";")[0] == media, accept
    status, headers, _ = get(base, CONSTRUCT, accept="application/ld+json")
    assert status == 200 and headers["content-type"].startswith("application/ld+json")
    status, _, body = get(base, ASK, accept="text/csv")
    assert status == 406
    status, headers, _ = get(base, SELECT, accept="application/sparql-results+json", format="csv")
    assert status == 200 and headers["content-type"].startswith("text/csv")
    assert "attachment" in headers["content-disposition"]


def test_updates_are_refused_and_the_graph_is_unchanged(base, app):
    before = total(base)
    marker = "http://example.org/injected"
    attempts = [
        ("POST", "/sparql", {"Content-Type": "application/sparql-update"}, f"INSERT DATA {{ <{marker}> <{marker}> <{marker}> }}".encode()),
        ("POST", "/sparql", {"Content-Type": "application/x-www-form-urlencoded"}, urlencode({"update": "DROP ALL"}).encode()),
        ("GET", "/sparql?update=" + quote("CLEAR ALL"), {}, None),
        ("GET", "/sparql?query=" + quote("CLEAR DEFAULT"), {}, None),
        ("POST", "/sparql", {"Content-Type": "application/sparql-query"}, "DELETE WHERE { ?s ?p ?o }".encode()),
        ("POST", "/sparql", {"Content-Type": "application/sparql-query"}, b"LOAD <http://127.0.0.1:9/x.ttl>"),
    ]
    for method, path, headers, body in attempts:
        status, _, data = request(base, method, path, body=body, headers=headers)
        assert status == 403, (path, data)
        assert b"read-only" in data
    assert total(base) == before
    assert not ask(base, f"ASK {{ <{marker}> ?p ?o }}")


def test_nothing_is_fetched_from_a_second_server(base):
    with Recorder() as rec:
        # the control: the recorder does record a request made to it
        urllib.request.urlopen(f"{rec.url}/control", timeout=10).read()
        assert rec.requests == [("GET", "/control")]
        rec.requests.clear()
        refused = [
            f"SELECT * WHERE {{ SERVICE <{rec.url}/sparql> {{ ?s ?p ?o }} }}",
            f"SELECT * WHERE {{ SERVICE SILENT <{rec.url}/sparql> {{ ?s ?p ?o }} }}",
        ]
        for q in refused:
            status, _, data = get(base, q)
            assert status == 403 and b"SERVICE" in data
        status, _, data = request(base, "POST", "/sparql", body=f"LOAD <{rec.url}/data.ttl>".encode(), headers={"Content-Type": "application/sparql-update"})
        assert status == 403
        answered = [
            f"SELECT * FROM <{rec.url}/a.ttl> WHERE {{ ?s ?p ?o }}",
            f"SELECT * FROM NAMED <{rec.url}/b.ttl> WHERE {{ GRAPH ?g {{ ?s ?p ?o }} }}",
            f"ASK {{ GRAPH <{rec.url}/c.ttl> {{ ?s ?p ?o }} }}",
            f"DESCRIBE <{rec.url}/d.ttl>",
        ]
        for q in answered:
            status, _, data = get(base, q, accept="application/sparql-results+json, text/turtle")
            assert status == 200, data
            assert b"leaked" not in data
        status, _, data = get(base, "SELECT * WHERE { ?s ?p ?o }", **{"default-graph-uri": f"{rec.url}/e.ttl", "named-graph-uri": f"{rec.url}/f.ttl"})
        assert status == 200 and json.loads(data)["results"]["bindings"] == []
        assert rec.requests == []


# ------------------------------------------------------------------ limits


def test_runaway_query_is_cut_while_others_are_served(app):
    slow_app = create_app(app.store, config=ServeConfig(timeout=3.0))
    with running(slow_app) as url:
        outcome: dict = {}

        def slow() -> None:
            outcome["slow"] = get(url, PATHOLOGICAL)

        worker = threading.Thread(target=slow)
        worker.start()
        for _ in range(400):  # wait (bounded) until the slow query is being evaluated
            if slow_app.active >= 1:
                break
            time.sleep(0.025)
        assert slow_app.active >= 1
        status, _, body = get(url, ASK)
        served_while_busy = worker.is_alive()
        assert status == 200 and json.loads(body)["boolean"] is True
        assert served_while_busy, "the quick query was answered while the runaway one still ran"
        worker.join(60)
        status, headers, body = outcome["slow"]
        assert status == 503 and b"time limit of 3 s" in body
        assert headers.get("retry-after")
        for _ in range(400):  # the worker itself stops, it is not left running
            if slow_app.active == 0:
                break
            time.sleep(0.025)
        assert slow_app.active == 0


def test_result_limit_and_body_limit(app):
    small = create_app(app.store, config=ServeConfig(max_results=3, max_body=200))
    with running(small) as url:
        status, headers, body = get(url, "SELECT ?s ?p ?o WHERE { ?s ?p ?o }")
        assert status == 200 and headers["x-parkkg-truncated"] == "true"
        assert len(json.loads(body)["results"]["bindings"]) == 3
        status, headers, _ = get(url, "SELECT ?s WHERE { ?s a pk:Park } LIMIT 1")
        assert status == 200 and "x-parkkg-truncated" not in headers
        big = ("ASK { ?s ?p ?o } # " + "x" * 500).encode()
        status, _, data = request(url, "POST", "/sparql", body=big, headers={"Content-Type": "application/sparql-query"})
        assert status == 413 and b"limit of 200 bytes" in data


def test_binds_loopback_by_default():
    import inspect

    from graph import serve

    assert inspect.signature(serve.make_server).parameters["host"].default == "127.0.0.1"
    assert inspect.signature(serve.serve).parameters["host"].default == "127.0.0.1"


def test_parkkg_serve_command(built, tmp_path):
    import os
    import re
    import subprocess

    from graph.rdf.export import write_turtle

    root = Path(__file__).resolve().parents[1]
    graph_file = write_turtle(built.dataset, tmp_path / "parkkg.ttl")
    proc = subprocess.Popen(
        [sys.executable, "-m", "graph", "serve", "--port", "0", "--graph", str(graph_file), "--no-inference", "--timeout", "5"],
        cwd=root,
        stderr=subprocess.PIPE,
        stdout=subprocess.DEVNULL,
        text=True,
        env={**os.environ, "PYTHONPATH": str(root)},
    )
    try:
        url = None
        for _ in range(50):  # the banner comes once the graph is loaded
            line = proc.stderr.readline()
            found = re.search(r"query page (http://127\.0\.0\.1:\d+)/", line)
            if found:
                url = found.group(1)
                break
        assert url, "no 'serving' banner"
        assert ask(url, ASK) is True
        status, headers, body = request(url, "GET", "/")
        assert status == 200 and b"parkkg" in body
        status, _, body = get(url, "SELECT * WHERE { ?s ?p }")
        assert status == 400 and b"line 1, column" in body
    finally:
        proc.terminate()
        proc.wait(30)
