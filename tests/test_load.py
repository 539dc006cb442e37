"""The endpoint under load and under attack, on loopback only.

A real ``parkkg serve`` process (inference on, the defaults) takes a bounded
load from bench/load.py at a small size (20 clients x 8 library queries, with
a runaway query alongside), path-traversal attempts, idle and half-sent
connections, and oversized request lines and headers. Every form of SPARQL
Update and every placement of SERVICE is refused through every way the
protocol carries a query. tests/test_serve.py covers the rest (the time and
result limits alone, the body limit, the refusals it lists); the full-size
load figures are in docs/robustness.md.
"""

from __future__ import annotations

import json
import socket
import threading
from urllib.parse import urlencode, urlsplit

import pytest
from _sparql_support import request

from bench import load
from graph.rdf.export import write_turtle
from graph.sparql.serve import create_app

RUNAWAY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
ASK = "ASK { ?e a pk:Enterprise }"


@pytest.fixture(scope="module")
def server(built, tmp_path_factory):
    graph = write_turtle(built.dataset, tmp_path_factory.mktemp("load") / "parkkg.ttl")
    proc, url = load.start_server(["--graph", str(graph), "--timeout", "10"])
    try:
        yield url
    finally:
        proc.terminate()
        proc.wait(30)


def ask(url: str) -> bool:
    status, _, body = request(url, "GET", "/sparql?" + urlencode({"query": ASK}), headers={"Accept": "application/sparql-results+json"})
    assert status == 200, body
    return json.loads(body)["boolean"]


def test_load_with_a_runaway_query_alongside(server):
    runaway: dict = {}

    def send_runaway() -> None:
        path = "/sparql?" + urlencode({"query": RUNAWAY})
        runaway["answer"] = request(server, "GET", path, headers={"Accept": "application/sparql-results+json"}, timeout=120)

    worker = threading.Thread(target=send_runaway)
    worker.start()
    report = load.run_load(server, clients=20, per_client=8, timeout=120)
    worker.join(120)
    print("\n" + report.summary())
    assert report.requests == 160
    assert report.errors == 0, report.summary()
    status, headers, body = runaway["answer"]
    assert status == 503 and b"time limit of 10 s" in body and headers.get("retry-after")
    assert ask(server)  # and the server is still well


def test_load_refuses_other_addresses():
    with pytest.raises(SystemExit, match="not an http:// address on this machine's loopback"):
        load.run_load("http://192.0.2.1:7878", clients=1, per_client=1)


@pytest.mark.parametrize(
    "path",
    [
        "/../../etc/passwd",
        "/%2e%2e/%2e%2e/etc/passwd",
        "//etc/passwd",
        "/..%2f..%2f..%2fetc%2fpasswd",
        "/%2e%2e%2f%2e%2e%2fetc%2fpasswd",
        "/index.html/../../../etc/passwd",
        "/sparql/../../etc/passwd",
        "/..\\..\\..\\etc\\passwd",
        "/" + "../" * 12 + "etc/passwd",
        "/etc/passwd%00.html",
        "/%252e%252e/%252e%252e/etc/passwd",
        "/proc/self/environ",
        "/graph/serve.py",
        "/templates/query.html",
        "http://127.0.0.1/etc/passwd",
    ],
)
def test_no_file_outside_the_page_is_served(server, path):
    status, _, body = request(server, "GET", path)
    assert status == 404, (path, status)
    assert b"root:" not in body and b"PATH=" not in body and b"import" not in body
    assert len(body) < 300


def test_idle_and_half_sent_connections_do_not_block_others(server):
    host, port = urlsplit(server).hostname, urlsplit(server).port
    idle = [socket.create_connection((host, port), timeout=10) for _ in range(40)]
    half = socket.create_connection((host, port), timeout=10)
    try:
        half.sendall(
            b"POST /sparql HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/sparql-query\r\n"
            b"Content-Length: 100\r\n\r\nASK {"
        )  # and never the rest
        for s in idle[:20]:
            s.sendall(b"GET /sparql?query=")  # a request line that never ends
        assert ask(server)
        status, _, body = request(server, "GET", "/")
        assert status == 200 and b"parkkg" in body
    finally:
        for s in [*idle, half]:
            s.close()


def test_oversized_request_line_and_headers_are_refused(server):
    host, port = urlsplit(server).hostname, urlsplit(server).port

    def raw(data: bytes) -> bytes:
        with socket.create_connection((host, port), timeout=30) as s:
            s.sendall(data)
            chunks = []
            while True:
                try:
                    chunk = s.recv(65536)
                except ConnectionResetError:
                    break
                if not chunk:
                    break
                chunks.append(chunk)
            return b"".join(chunks)

    huge_query = urlencode({"query": "ASK { ?s ?p ?o } #" + "x" * 100_000})
    assert raw(f"GET /sparql?{huge_query} HTTP/1.1\r\nHost: x\r\n\r\n".encode()).startswith(b"HTTP/1.1 414")
    long_header = b"X-Pad: " + b"y" * 70_000 + b"\r\n"
    assert raw(b"GET / HTTP/1.1\r\nHost: x\r\n" + long_header + b"\r\n").startswith(b"HTTP/1.1 431")
    many = b"".join(b"X-H%d: 1\r\n" % i for i in range(150))
    assert raw(b"GET / HTTP/1.1\r\nHost: x\r\n" + many + b"\r\n").startswith(b"HTTP/1.1 431")
    # a body announced far over the limit is refused before it is sent
    reply = raw(b"POST /sparql HTTP/1.1\r\nHost: x\r\nContent-Type: application/sparql-query\r\nContent-Length: 50000000\r\n\r\n")
    assert reply.startswith(b"HTTP/1.1 413") and b"limit of 1000000 bytes" in reply
    assert ask(server)


# ------------------------------------------------------------------ refusals, every way in

UPDATES = {
    "insert-data": "INSERT DATA { <http://example.org/a> <http://example.org/b> <http://example.org/c> }",
    "insert-where": "INSERT { ?s <http://example.org/b> 1 } WHERE { ?s ?p ?o }",
    "delete-where": "DELETE WHERE { ?s ?p ?o }",
    "with-delete": "WITH <http://example.org/g> DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }",
    "load": "LOAD <http://127.0.0.1:9/x.ttl>",
    "load-into": "LOAD SILENT <http://127.0.0.1:9/x.ttl> INTO GRAPH <http://example.org/g>",
    "clear": "CLEAR ALL",
    "clear-lower": "clear named",
    "drop": "DROP GRAPH <https://w3id.org/parkkg/graph/data>",
    "drop-disguised": "PREFIX e: <http://example.org/>\n# a comment\n  drop   silent  default",
    "create": "CREATE GRAPH <http://example.org/g>",
    "copy": "COPY DEFAULT TO <http://example.org/g>",
    "move": "MOVE DEFAULT TO <http://example.org/g>",
    "add": "ADD DEFAULT TO <http://example.org/g>",
}
ELSEWHERE = "<http://127.0.0.1:9/sparql>"
SERVICES = {
    "plain": f"SELECT * WHERE {{ SERVICE {ELSEWHERE} {{ ?s ?p ?o }} }}",
    "silent": f"SELECT * WHERE {{ SERVICE SILENT {ELSEWHERE} {{ ?s ?p ?o }} }}",
    "variable": f"SELECT * WHERE {{ VALUES ?e {{ {ELSEWHERE} }} SERVICE ?e {{ ?s ?p ?o }} }}",
    "optional": f"SELECT * WHERE {{ ?x ?y ?z OPTIONAL {{ SERVICE {ELSEWHERE} {{ ?s ?p ?o }} }} }} LIMIT 1",
    "subquery": f"SELECT * WHERE {{ {{ SELECT * WHERE {{ SERVICE {ELSEWHERE} {{ ?s ?p ?o }} }} }} }}",
    "exists": f"ASK {{ ?x ?y ?z FILTER EXISTS {{ SERVICE {ELSEWHERE} {{ ?x ?p ?o }} }} }}",
    "minus": f"SELECT * WHERE {{ ?x ?y ?z MINUS {{ SERVICE {ELSEWHERE} {{ ?x ?p ?o }} }} }} LIMIT 1",
    "union": f"SELECT * WHERE {{ {{ ?s ?p ?o }} UNION {{ SERVICE {ELSEWHERE} {{ ?s ?p ?o }} }} }} LIMIT 1",
    "construct": f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ SERVICE {ELSEWHERE} {{ ?s ?p ?o }} }}",
    "describe": f"DESCRIBE ?s WHERE {{ SERVICE {ELSEWHERE} {{ ?s ?p ?o }} }}",
    "lower": f"select * where {{ service {ELSEWHERE} {{ ?s ?p ?o }} }}",
}
FORM = {"Content-Type": "application/x-www-form-urlencoded"}


def carriers(text: str):
    """Every way the SPARQL 1.1 Protocol (and a hopeful attacker) can carry ``text``."""
    yield "GET query=", "GET", "/sparql?" + urlencode({"query": text}), {}, b""
    yield "GET update=", "GET", "/sparql?" + urlencode({"update": text}), {}, b""
    yield "POST form query=", "POST", "/sparql", FORM, urlencode({"query": text}).encode()
    yield "POST form update=", "POST", "/sparql", FORM, urlencode({"update": text}).encode()
    yield "POST sparql-query", "POST", "/sparql", {"Content-Type": "application/sparql-query"}, text.encode()
    yield "POST sparql-update", "POST", "/sparql", {"Content-Type": "application/sparql-update"}, text.encode()


@pytest.fixture(scope="module")
def app(built):
    return create_app(built, inference=False)


@pytest.mark.parametrize("text", UPDATES.values(), ids=UPDATES.keys())
def test_every_update_is_refused_every_way(app, text):
    before = len(app.store)
    for how, method, path, headers, body in carriers(text):
        r = app.handle(method, path, {"Accept": "*/*", **headers}, body)
        assert r.status == 403, (how, r.status, r.body)
        assert b"read-only" in r.body, (how, r.body)
    assert len(app.store) == before


@pytest.mark.parametrize("text", SERVICES.values(), ids=SERVICES.keys())
def test_service_is_refused_wherever_it_hides(app, text):
    for how, method, path, headers, body in carriers(text):
        r = app.handle(method, path, {"Accept": "application/sparql-results+json, text/turtle", **headers}, body)
        assert r.status == 403, (how, r.status, r.body)
        if "update" not in how:
            assert b"SERVICE" in r.body, (how, r.body)
