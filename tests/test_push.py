"""graph.rdf.push against a real Oxigraph server, and against stub servers that fail."""

from __future__ import annotations

import http.server
import json
import shutil
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
from rdflib import BNode, URIRef

from graph import cli
from graph.errors import PushError
from graph.rdf.export import write_turtle
from graph.rdf.files import select_graphs, union_graph
from graph.rdf.push import chunk_triples, count_triples, endpoints, push, sparql_select

GRAPH = "https://w3id.org/parkkg/graph/test"
FACT = (
    "ASK { GRAPH <%s> { <https://w3id.org/parkkg/id/广东聚石化学股份有限公司> "
    "<https://w3id.org/parkkg/ontology#locatedIn> <https://w3id.org/parkkg/id/雄兴工业园> } }"
)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _oxigraph_binary() -> str:
    beside = Path(sys.executable).parent / "oxigraph"
    found = str(beside) if beside.is_file() else shutil.which("oxigraph")
    assert found, "the `oxigraph` server binary is missing: pip install -e '.[test]' (PyPI package oxigraph)"
    return found


@pytest.fixture(scope="module")
def oxigraph(tmp_path_factory):
    """A real Oxigraph server on a free local port, stopped after the module."""
    port = _free_port()
    location = tmp_path_factory.mktemp("oxigraph")
    log = (location.parent / "oxigraph.log").open("wb")
    proc = subprocess.Popen(
        [_oxigraph_binary(), "serve", "--location", str(location), "--bind", f"127.0.0.1:{port}"],
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while True:
        try:
            with urllib.request.urlopen(base + "/query?query=ASK%7B%7D", timeout=2):
                break
        except (urllib.error.URLError, OSError):
            if proc.poll() is not None or time.monotonic() > deadline:
                proc.kill()
                raise RuntimeError(f"oxigraph did not start; see {log.name}")
            time.sleep(0.2)
    yield base
    proc.terminate()
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()
    log.close()


@pytest.fixture(scope="module")
def ttl(built, tmp_path_factory) -> Path:
    return write_turtle(built.dataset, tmp_path_factory.mktemp("push") / "parkkg.ttl")


def _ask(base: str, query: str) -> bool:
    req = urllib.request.Request(
        base + "/query",
        data=urllib.parse.urlencode({"query": query}).encode(),
        headers={"Accept": "application/sparql-results+json", "Content-Type": "application/x-www-form-urlencoded"},
    )
    with urllib.request.urlopen(req, timeout=10) as resp:
        return bool(json.loads(resp.read())["boolean"])


# --------------------------------------------------------------------------- real store


def test_push_then_replace_does_not_double(oxigraph, ttl, union, capsys):
    assert cli.main(["push", str(ttl), "--endpoint", oxigraph, "--graph", GRAPH]) == 0
    out = capsys.readouterr().out
    assert f"{len(union)} triples" in out and "replaced" in out
    assert count_triples(oxigraph + "/query", GRAPH) == len(union)
    assert _ask(oxigraph, FACT % GRAPH)
    # again with PUT, in small chunks: the graph is replaced, nothing doubles, blank nodes stay whole
    assert cli.main(["push", str(ttl), "--endpoint", oxigraph + "/store", "--graph", GRAPH, "--chunk-size", "700"]) == 0
    assert count_triples(oxigraph + "/query", GRAPH) == len(union)
    rows = sparql_select(
        oxigraph + "/query",
        f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{GRAPH}> {{ ?u <http://www.w3.org/2002/07/owl#unionOf> ?l . ?l <http://www.w3.org/1999/02/22-rdf-syntax-ns#first> ?f }} }}",
    )
    unions = len(list(union.triples((None, URIRef("http://www.w3.org/2002/07/owl#unionOf"), None))))
    assert int(rows[0]["n"]) == unions > 0


def test_push_default_graph_and_append(oxigraph, built):
    data_only = select_graphs(built.dataset, provenance=False, ontology=False)
    n = len(union_graph(data_only))
    r = push(data_only, oxigraph, progress=None)
    assert r.graph is None and r.store_triples == n and r.chunks == 1
    # appending the same blank-node-free triples again changes nothing (a graph is a set)
    r = push(data_only, oxigraph, replace=False, chunk_size=100)
    assert r.store_triples == n and r.chunks == (n + 99) // 100
    assert count_triples(oxigraph + "/query") == n


def test_progress_is_reported_per_chunk(oxigraph, built):
    seen = []
    data_only = select_graphs(built.dataset, provenance=False, ontology=False)
    r = push(data_only, oxigraph, graph=GRAPH + "/progress", chunk_size=400, progress=lambda d, t: seen.append((d, t)))
    assert len(seen) == r.chunks > 1
    assert seen[-1] == (r.triples, r.triples)
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)


def test_wrong_path_on_a_real_store_is_a_clear_error(oxigraph, ttl, capsys):
    assert cli.main(["push", str(ttl), "--endpoint", oxigraph + "/no/such/store"]) == 1
    err = capsys.readouterr().err
    assert "HTTP 404" in err and "/no/such/store" in err


# --------------------------------------------------------------------------- failures


def test_nothing_listening_is_a_clear_error(ttl, capsys):
    port = _free_port()
    assert cli.main(["push", str(ttl), "--endpoint", f"http://127.0.0.1:{port}"]) == 1
    err = capsys.readouterr().err
    assert "cannot connect" in err and "connection refused" in err


class _Stub(http.server.BaseHTTPRequestHandler):
    """Answers from a script of (status, body) pairs; records each request."""

    script: list[tuple[int, bytes]] = []
    seen: list[tuple[str, str, dict[str, str]]] = []

    def _answer(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        self.rfile.read(length)
        type(self).seen.append((self.command, self.path, dict(self.headers)))
        status, body = type(self).script.pop(0) if type(self).script else (204, b"")
        self.send_response(status)
        self.send_header("Content-Type", "text/plain")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    do_PUT = do_POST = do_GET = _answer

    def log_message(self, *args) -> None:  # keep test output quiet
        pass


@pytest.fixture
def stub():
    _Stub.script, _Stub.seen = [], []
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Stub)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}", _Stub
    server.shutdown()
    server.server_close()
    thread.join(timeout=5)


def test_server_error_shows_the_servers_message(stub, ttl, capsys):
    url, handler = stub
    handler.script = [(500, b"storage backend failed: disk full")] * 10
    assert cli.main(["push", str(ttl), "--endpoint", url, "--retries", "0"]) == 1
    err = capsys.readouterr().err
    assert "HTTP 500" in err and "disk full" in err
    assert len(handler.seen) == 1 and handler.seen[0][0] == "PUT"


def test_transient_errors_are_retried(stub, built):
    url, handler = stub
    handler.script = [(503, b"busy"), (502, b"bad gateway")]
    r = push(built.dataset, url, retries=3, backoff=0.01, verify=False)
    assert [m for m, _, _ in handler.seen] == ["PUT", "PUT", "PUT"]
    assert r.chunks == 1 and r.store_triples is None
    handler.seen, handler.script = [], [(503, b"still busy")] * 5
    with pytest.raises(PushError, match="HTTP 503.*still busy.*after 3 attempts"):
        push(built.dataset, url, retries=2, backoff=0.01, verify=False)


def test_credentials_are_sent(stub, built, monkeypatch):
    url, handler = stub
    data = select_graphs(built.dataset, provenance=False, ontology=False)
    monkeypatch.setenv("PARKKG_TOKEN", "s3cret-token")
    push(data, url, graph=GRAPH, verify=False)
    assert handler.seen[-1][2]["Authorization"] == "Bearer s3cret-token"
    assert handler.seen[-1][1] == "/store?graph=" + urllib.parse.quote(GRAPH, safe="")
    push(data, url, user="ann", password="pw", verify=False)
    assert handler.seen[-1][2]["Authorization"] == "Basic YW5uOnB3"
    assert handler.seen[-1][1] == "/store?default"
    assert handler.seen[-1][2]["Content-Type"].startswith("application/n-triples")


def test_verification_catches_a_store_that_lost_triples(stub, built):
    url, handler = stub
    handler.script = [(204, b""), (200, b'{"head":{"vars":["n"]},"results":{"bindings":[{"n":{"type":"literal","value":"3"}}]}}')]
    with pytest.raises(PushError, match="holds 3"):
        push(built.dataset, url)


def test_malformed_turtle_reports_line_and_column(tmp_path, capsys):
    bad = tmp_path / "bad.ttl"
    bad.write_text("@prefix pk: <https://w3id.org/parkkg/ontology#> .\n\npk:a pk:b .\n", encoding="utf-8")
    assert cli.main(["push", str(bad), "--endpoint", "http://127.0.0.1:9"]) == 2
    err = capsys.readouterr().err
    assert "bad.ttl:3:" in err and "line 3, column" in err


# --------------------------------------------------------------------------- pieces


def test_endpoints_for_common_stores():
    assert endpoints("http://h:7878/") == ("http://h:7878/store", "http://h:7878/query")
    assert endpoints("http://h:7878/store") == ("http://h:7878/store", "http://h:7878/query")
    assert endpoints("http://h:3030/ds/data") == ("http://h:3030/ds/data", "http://h:3030/ds/query")
    assert endpoints("http://h/repo/rdf-graphs/service", "http://h/repo") == ("http://h/repo/rdf-graphs/service", "http://h/repo")
    with pytest.raises(PushError, match="not an http"):
        endpoints("localhost:7878")


def test_chunks_never_split_a_blank_node(union):
    chunks = list(chunk_triples(union, 50))
    assert sum(len(c) for c in chunks) == len(union)
    where: dict[BNode, int] = {}
    for i, chunk in enumerate(chunks):
        for t in chunk:
            for node in (t[0], t[2]):
                if isinstance(node, BNode):
                    assert where.setdefault(node, i) == i
    assert where, "the bundled graph's ontology has blank nodes"


# --------------------------------------------------------------------------- atomic replace, safe append


def _count(base: str, graph: str) -> int:
    return count_triples(base + "/query", graph)


def _graph_names(base: str) -> set[str]:
    rows = sparql_select(base + "/query", "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }")
    return {r["g"] for r in rows}


def test_a_large_replace_goes_through_a_staging_graph_and_one_move(oxigraph, built, union):
    target = GRAPH + "/atomic"
    push(built.dataset, oxigraph, graph=target, chunk_size=100_000)  # the old content
    small = select_graphs(built.dataset, provenance=False, ontology=False)
    r = push(small, oxigraph, graph=target, chunk_size=200)  # many chunks
    assert r.chunks > 3 and r.store_triples == len(union_graph(small))
    assert _count(oxigraph, target) == len(union_graph(small))
    assert not any(g.startswith("urn:parkkg:staging:") for g in _graph_names(oxigraph))


def test_a_replace_interrupted_midway_leaves_the_old_graph_intact(oxigraph, built, union):
    target = GRAPH + "/interrupted"
    push(built.dataset, oxigraph, graph=target)
    before = _count(oxigraph, target)
    small = select_graphs(built.dataset, provenance=False, ontology=False)

    def killed_at_chunk_3(done: int, total: int) -> None:
        if done >= 3 * 400:
            raise KeyboardInterrupt  # what Ctrl-C (or a dying client) does mid-upload

    with pytest.raises(KeyboardInterrupt):
        push(small, oxigraph, graph=target, chunk_size=400, progress=killed_at_chunk_3)
    assert _count(oxigraph, target) == before == len(union)
    assert not any(g.startswith("urn:parkkg:staging:") for g in _graph_names(oxigraph))


def test_a_replace_whose_move_fails_leaves_the_old_graph_intact(oxigraph, built, union):
    target = GRAPH + "/move-fails"
    push(built.dataset, oxigraph, graph=target)
    small = select_graphs(built.dataset, provenance=False, ontology=False)
    with pytest.raises(PushError, match="could not be moved onto the target, which is unchanged"):
        # the query endpoint refuses updates: the MOVE fails after every chunk arrived
        push(small, oxigraph, graph=target, chunk_size=400, update_endpoint=oxigraph + "/query", retries=0)
    assert _count(oxigraph, target) == len(union)
    assert not any(g.startswith("urn:parkkg:staging:") for g in _graph_names(oxigraph))


def test_appending_blank_nodes_twice_adds_them_once(oxigraph):
    from rdflib import Graph, Literal

    g = Graph()
    for i in range(3):
        node = BNode()
        g.add((URIRef(f"https://w3id.org/parkkg/id/x{i}"), URIRef("https://w3id.org/parkkg/ontology#observation"), node))
        g.add((node, URIRef("https://w3id.org/parkkg/ontology#value"), Literal(i)))
    target = GRAPH + "/append-bnodes"
    push(g, oxigraph, graph=target, replace=False)
    push(g, oxigraph, graph=target, replace=False)
    assert _count(oxigraph, target) == len(g)
    assert _ask(oxigraph, "ASK { GRAPH <%s> { ?s ?p ?o FILTER(isBlank(?o)) } }" % target) is False
