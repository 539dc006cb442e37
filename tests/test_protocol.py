"""The W3C SPARQL 1.1 Protocol test suite against ``parkkg serve``.

A small runner over ``tests/protocol/manifest.ttl`` (the suite's 34 cases,
restated offline; see the comment at its top). Every request is sent over a
real socket with ``http.client``; each response is checked for its status
class, its media type and, where the case says, its boolean or its rows.

parkkg's endpoint is read-only, so it is run in the read-only profile the
issue asks for: an update request must be refused with a 4xx, and the
queries that follow it in the same case must show that nothing changed
(``false`` where the case expects ``true``; no rows where it expects one).

One case cannot pass as written: ``query_multiple_dataset`` percent-encodes
the ``&`` between its two ``named-graph-uri`` parameters, so the service
receives a single named graph whose IRI contains ``&named-graph-uri=``;
GRAPH ?g1 / ?g2 then match nothing and the ASK is false, not the expected
true. It is kept as a known failure and checked to fail for that reason.

Run ``python tests/test_protocol.py`` for a case-by-case report.
"""

from __future__ import annotations

import io
import json
import sys
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import parse_qs, urlsplit
from xml.etree import ElementTree as ET

import pytest
from rdflib import Dataset, Graph, Namespace, URIRef
from rdflib.collection import Collection
from rdflib.namespace import RDF, RDFS
from rdflib.query import Result

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _sparql_support import request, running  # noqa: E402

from graph.sparql.serve import ServeConfig, create_app  # noqa: E402
from graph.sparql.store import open_store  # noqa: E402

HERE = Path(__file__).resolve().parent / "protocol"
MANIFEST = HERE / "manifest.ttl"
MF = Namespace("http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#")
HT = Namespace("http://www.w3.org/2011/http#")
CNT = Namespace("http://www.w3.org/2011/content#")
UT = Namespace("http://www.w3.org/2009/sparql/tests/test-update#")

KNOWN_FAILURES = {
    "query_multiple_dataset": "the manifest encodes '&' inside one named-graph-uri value, so two graphs arrive as one unknown IRI",
}

BOOLEAN_TYPES = {"application/sparql-results+json", "application/sparql-results+xml", "application/json", "application/xml", "text/xml"}
TABULAR_TYPES = BOOLEAN_TYPES | {"text/csv", "text/tab-separated-values"}
RDF_TYPES = {
    "text/turtle": "turtle",
    "application/n-triples": "nt",
    "text/plain": "nt",
    "application/rdf+xml": "xml",
    "application/ld+json": "json-ld",
}


@dataclass
class ProtocolRequest:
    method: str
    path: str
    headers: dict[str, str]
    body: bytes | None
    statuses: set[str]
    fmt: str | None = None
    boolean: bool | None = None
    expectation: str | None = None

    @property
    def is_update(self) -> bool:
        ctype = self.headers.get("content-type", "")
        if ctype.startswith("application/sparql-update"):
            return True
        params = parse_qs(urlsplit(self.path).query)
        if "update" in params:
            return True
        if self.body is not None and (not ctype or ctype.startswith("application/x-www-form-urlencoded")):
            return "update" in parse_qs(self.body.decode("utf-8", "replace"))
        return False


@dataclass
class ProtocolCase:
    name: str
    title: str
    requests: list[ProtocolRequest]
    graphs: list[tuple[Path, str]] = field(default_factory=list)


def load_manifest(path: Path = MANIFEST) -> list[ProtocolCase]:
    """The cases of a protocol manifest, in manifest order."""
    g = Graph().parse(path, format="turtle", publicID=path.as_uri())
    manifest = next(g.subjects(RDF.type, MF.Manifest))
    cases = []
    for test in Collection(g, g.value(manifest, MF.entries)):
        graphs = []
        for gd in g.objects(test, UT.graphData):
            file = Path(str(urlsplit(str(g.value(gd, UT.graph))).path))
            graphs.append((file, str(g.value(gd, RDFS.label))))
        requests = []
        action = g.value(test, MF.action)
        for req in Collection(g, g.value(action, HT.requests)):
            headers = {}
            hlist = g.value(req, HT.headers)
            if hlist is not None:
                for h in Collection(g, hlist):
                    headers[str(g.value(h, HT.fieldName)).lower()] = str(g.value(h, HT.fieldValue))
            body = None
            b = g.value(req, HT.body)
            if b is not None:
                encoding = str(g.value(b, CNT.characterEncoding) or "UTF-8").lower()
                body = str(g.value(b, CNT.chars)).encode("utf-16" if encoding == "utf-16" else encoding)
            resp = g.value(req, HT.resp)
            statuses = {str(s).rsplit("StatusCode", 1)[1] for s in g.objects(resp, MF.expectedStatus)}
            boolean = g.value(resp, MF.expectedBoolean)
            fmt = g.value(resp, MF.expectedFormat)
            expectation = g.value(resp, MF.expectation)
            requests.append(
                ProtocolRequest(
                    method=str(g.value(req, HT.methodName)),
                    path=str(g.value(req, HT.absolutePath)),
                    headers=headers,
                    body=body,
                    statuses=statuses,
                    fmt=str(fmt) if fmt is not None else None,
                    boolean=boolean.toPython() if boolean is not None else None,
                    expectation=str(expectation) if expectation is not None else None,
                )
            )
        name = str(test).rsplit("#", 1)[1]
        cases.append(ProtocolCase(name, str(g.value(test, MF.name)), requests, graphs))
    return cases


def _media(headers: dict[str, str]) -> str:
    return headers.get("content-type", "").split(";")[0].strip().lower()


def _boolean(media: str, body: bytes) -> bool:
    if "json" in media:
        return bool(json.loads(body)["boolean"])
    root = ET.fromstring(body)
    return root.find("{http://www.w3.org/2005/sparql-results#}boolean").text.strip() == "true"


def _rows(media: str, body: bytes) -> list:
    fmt = {"application/sparql-results+json": "json", "application/json": "json", "text/csv": "csv", "text/tab-separated-values": "tsv"}.get(media, "xml")
    return list(Result.parse(io.BytesIO(body), format=fmt))


def check(req: ProtocolRequest, status: int, headers: dict[str, str], body: bytes, *, after_refused_update: bool) -> str | None:
    """None if the response meets the request's expectations, else why not."""
    expected = {"4xx"} if req.is_update else req.statuses
    if f"{status // 100}xx" not in expected:
        return f"status {status}, expected {'/'.join(sorted(expected))}: {body[:160]!r}"
    if req.is_update or status >= 400:
        return None
    media = _media(headers)
    if req.fmt == "boolean":
        if media not in BOOLEAN_TYPES:
            return f"content type {media!r} is not a boolean results format"
        value = _boolean(media, body)
        if req.boolean is not None:
            wanted = (not req.boolean) if after_refused_update else req.boolean
            if value != wanted:
                return f"answered {value}, expected {wanted}"
    elif req.fmt == "tabular":
        if media not in TABULAR_TYPES:
            return f"content type {media!r} is not a tabular results format"
        rows = _rows(media, body)
        if after_refused_update and rows:
            return f"{len(rows)} row(s) after a refused update; expected none"
        if req.expectation and not after_refused_update and (len(rows) != 1 or str(rows[0][0]) == "test"):
            return f"expected one row not bound to <test>, got {rows}"
    elif req.fmt == "RDF":
        if media not in RDF_TYPES:
            return f"content type {media!r} is not an RDF format"
        Graph().parse(data=body, format=RDF_TYPES[media])
    return None


def run_case(base: str, case: ProtocolCase) -> str | None:
    """Run one case; None when it passes, else the first reason it fails."""
    refused_update = False
    for req in case.requests:
        headers = dict(req.headers)
        status, resp_headers, body = request(base, req.method, req.path, body=req.body, headers=headers)
        problem = check(req, status, resp_headers, body, after_refused_update=refused_update)
        if problem:
            return f"{req.method} {req.path[:60]}: {problem}"
        if req.is_update:
            refused_update = True
    return None


def protocol_dataset(base: Dataset | None, cases: list[ProtocolCase]) -> Dataset:
    """The data the endpoint holds: parkkg's graph plus the suite's graphs under their IRIs."""
    ds = Dataset()
    if base is not None:
        for s, p, o, g in base.quads((None, None, None, None)):
            ds.graph(g.identifier if hasattr(g, "identifier") else g).add((s, p, o))
    for file, iri in {(f, i) for c in cases for f, i in c.graphs}:
        target = ds.graph(URIRef(iri))
        for t in Graph().parse(HERE / file.name, format="nt"):
            target.add(t)
    return ds


def run_suite(base: str, cases: list[ProtocolCase]) -> dict[str, str | None]:
    return {case.name: run_case(base, case) for case in cases}


@pytest.fixture(scope="module")
def cases():
    return load_manifest()


@pytest.fixture(scope="module", params=["rdflib", "oxigraph"])
def outcomes(request, built, cases):
    store = open_store(protocol_dataset(built.dataset, cases), backend=request.param)
    app = create_app(store, config=ServeConfig(timeout=20))
    with running(app) as base:
        results = run_suite(base, cases)
        count = len(store)
    return request.param, results, count, store


def test_manifest_has_the_whole_suite(cases):
    assert len(cases) == 34
    updates = [c for c in cases if any(r.is_update for r in c.requests)]
    assert len(updates) == 13
    assert {c.name for c in cases} >= {"query_get", "query_post_form", "query_post_direct", "bad_query_non_utf8", "bad_update_get"}


def test_protocol_suite(outcomes, cases):
    backend, results, _, _ = outcomes
    passed = [n for n, why in results.items() if why is None]
    failed = {n: why for n, why in results.items() if why is not None}
    print(f"SPARQL 1.1 Protocol, {backend} backend: {len(passed)} of {len(cases)} cases pass; known failures: {sorted(failed)}")
    assert set(failed) == set(KNOWN_FAILURES), failed
    assert "answered False, expected True" in failed["query_multiple_dataset"]


def test_every_update_case_was_refused_and_changed_nothing(outcomes, built, cases):
    backend, results, count_after, store = outcomes
    fresh = open_store(protocol_dataset(built.dataset, cases), backend=backend)
    assert count_after == len(fresh)
    assert store.query("ASK { GRAPH ?g { ?s a <http://purl.org/dc/terms/BibliographicResource> } }").boolean is False
    update_cases = [c.name for c in cases if any(r.is_update for r in c.requests)]
    assert all(results[name] is None for name in update_cases)


def main() -> int:  # pragma: no cover - a report for people
    from graph import api

    cases = load_manifest()
    for backend in ("rdflib", "oxigraph"):
        store = open_store(protocol_dataset(api.build(validate=False).dataset, cases), backend=backend)
        with running(create_app(store)) as base:
            results = run_suite(base, cases)
        print(f"\n{backend}:")
        for name, why in results.items():
            print(f"  {'pass' if why is None else 'FAIL'}  {name}" + (f": {why}" if why else ""))
        print(f"  {sum(w is None for w in results.values())} of {len(results)} cases pass")
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
