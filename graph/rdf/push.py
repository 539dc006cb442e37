"""Upload the graph to a triple store over the SPARQL 1.1 Graph Store HTTP Protocol.

One graph of the store receives the triples: a named graph
(``?graph=IRI``) or the default graph (``?default``).

``replace=True`` is atomic: a graph that fits in one chunk is sent with one
``PUT``; a larger one is uploaded into a fresh staging graph
(``urn:parkkg:staging:<uuid>``) and then moved onto the target with one
SPARQL Update, ``MOVE <staging> TO <target>``, which the store applies as a
single operation. A failure on the way leaves the target as it was (the
staging graph is dropped when the store can still be reached).

``replace=False`` adds every chunk with ``POST``. Blank nodes are first
replaced by skolem IRIs derived from the graph's content
(``…/.well-known/genid/<hash>``), so appending the same data twice adds
nothing twice. Chunks are N-Triples; the triples of one blank node always
travel in the same chunk, because a blank node label only means the same
node within one request.

Transient failures (connection reset, timeouts, HTTP 502/503/504) are
retried with exponential backoff; any other 4xx/5xx stops the upload with
the server's own message. Afterwards the triples are counted through the
store's SPARQL query endpoint to check that they arrived.

Works with any store that speaks the protocol: Oxigraph (``/store``,
queries at ``/query``), Apache Jena Fuseki (``/<dataset>/data``, queries at
``/<dataset>/query``), GraphDB (``/repositories/<id>/rdf-graphs/service``,
queries at ``/repositories/<id>``) and others.
"""

from __future__ import annotations

import base64
import http.client
import json
import os
import socket
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from rdflib import BNode, Dataset, Graph, URIRef

from graph.errors import PushError

__all__ = [
    "PushResult",
    "endpoints",
    "chunk_triples",
    "count_triples",
    "sparql_select",
    "push",
    "skolemize",
    "update_endpoint_for",
    "TOKEN_ENV",
    "GENID",
]

TOKEN_ENV = "PARKKG_TOKEN"
_TRANSIENT_STATUS = frozenset({502, 503, 504})
_NTRIPLES = "application/n-triples"


@dataclass(frozen=True)
class PushResult:
    """What an upload did."""

    store_url: str
    query_url: str
    graph: str | None
    triples: int
    chunks: int
    store_triples: int | None
    seconds: float
    replaced: bool

    def summary(self) -> str:
        target = f"<{self.graph}>" if self.graph else "the default graph"
        verb = "replaced" if self.replaced else "added to"
        counted = "" if self.store_triples is None else f"; the store now holds {self.store_triples} triples there"
        return (
            f"{verb} {target} at {self.store_url}: {self.triples} triples in {self.chunks} chunk(s), "
            f"{self.seconds:.2f} s{counted}"
        )


def update_endpoint_for(query_url: str) -> str:
    """The SPARQL Update endpoint beside a query endpoint (``…/query`` → ``…/update``).

    Examples
    --------
    >>> update_endpoint_for("http://localhost:7878/query")
    'http://localhost:7878/update'
    >>> update_endpoint_for("http://localhost:7200/repositories/kg")
    'http://localhost:7200/repositories/kg/statements'
    """
    head, _, last = query_url.rstrip("/").rpartition("/")
    if last in ("query", "sparql"):
        return f"{head}/update"
    return query_url.rstrip("/") + "/statements"  # GraphDB / RDF4J: updates go to …/statements


#: Where skolem IRIs for appended blank nodes live (RDF 1.1, section 3.5).
GENID = "https://w3id.org/parkkg/.well-known/genid/"


def skolemize(graph: Graph) -> Graph:
    """``graph`` with each blank node replaced by an IRI derived from the graph's content.

    The same triples give the same IRIs, in any process, so a repeated
    append finds its triples already there instead of adding copies.

    Examples
    --------
    >>> from rdflib import BNode, Literal, URIRef
    >>> g = Graph(); _ = g.add((BNode(), URIRef("urn:p"), Literal("x")))
    >>> a, b = skolemize(g), skolemize(g)
    >>> set(a) == set(b) and str(next(iter(a))[0]).startswith(GENID)
    True
    """
    from rdflib.compare import to_canonical_graph

    if not any(isinstance(t, BNode) for triple in graph for t in triple):
        return graph
    canon = to_canonical_graph(graph)
    out = Graph()
    for triple in canon:
        out.add(tuple(URIRef(GENID + str(t)) if isinstance(t, BNode) else t for t in triple))  # type: ignore[arg-type]
    return out


def endpoints(url: str, query_endpoint: str | None = None) -> tuple[str, str]:
    """The Graph Store endpoint and the SPARQL query endpoint for ``url``.

    A server root (``http://host:7878``) is taken for Oxigraph: the store is
    ``/store`` and queries go to ``/query``. A URL ending in ``/store`` or
    ``/data`` (Fuseki) gets its query endpoint beside it, ``…/query``.
    Otherwise give ``query_endpoint``; the default is ``URL/query``.

    Examples
    --------
    >>> endpoints("http://localhost:7878")
    ('http://localhost:7878/store', 'http://localhost:7878/query')
    >>> endpoints("http://localhost:3030/parkkg/data")
    ('http://localhost:3030/parkkg/data', 'http://localhost:3030/parkkg/query')
    """
    parts = urllib.parse.urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise PushError(f"{url!r} is not an http(s) URL; give the store's address, e.g. http://localhost:7878")
    path = parts.path.rstrip("/")
    if not path:
        base = urllib.parse.urlunsplit((parts.scheme, parts.netloc, "", "", ""))
        store, query = base + "/store", base + "/query"
    else:
        store = urllib.parse.urlunsplit((parts.scheme, parts.netloc, path, parts.query, ""))
        head, _, last = path.rpartition("/")
        qpath = head + "/query" if last in ("store", "data") else path + "/query"
        query = urllib.parse.urlunsplit((parts.scheme, parts.netloc, qpath, "", ""))
    return store, query_endpoint or query


def chunk_triples(triples: Iterable[tuple[Any, Any, Any]], size: int) -> Iterator[list[tuple[Any, Any, Any]]]:
    """Split triples into lists of about ``size``; a blank node's triples stay together.

    Triples linked through blank nodes form one unit, never split; a unit
    larger than ``size`` becomes a chunk of its own.

    Examples
    --------
    >>> from rdflib import URIRef, BNode
    >>> a, p, b = URIRef("urn:a"), URIRef("urn:p"), BNode()
    >>> [len(c) for c in chunk_triples([(a, p, URIRef("urn:x")), (a, p, b), (b, p, URIRef("urn:y"))], 1)]
    [1, 2]
    """
    if size < 1:
        raise ValueError("chunk size must be at least 1")
    parent: dict[Any, Any] = {}

    def find(x: Any) -> Any:
        root = parent.setdefault(x, x)
        while parent[root] != root:
            root = parent[root]
        while parent[x] != root:  # path compression
            parent[x], x = root, parent[x]
        return root

    plain: list[tuple[Any, Any, Any]] = []
    with_bnodes: list[tuple[Any, Any, Any]] = []
    for t in triples:
        nodes = [x for x in (t[0], t[2]) if isinstance(x, BNode)]
        if not nodes:
            plain.append(t)
            continue
        with_bnodes.append(t)
        if len(nodes) == 2:
            ra, rb = find(nodes[0]), find(nodes[1])
            if ra != rb:
                parent[ra] = rb
        else:
            find(nodes[0])
    groups: dict[Any, list[tuple[Any, Any, Any]]] = {}
    for t in with_bnodes:
        root = find(t[0] if isinstance(t[0], BNode) else t[2])
        groups.setdefault(root, []).append(t)
    chunk: list[tuple[Any, Any, Any]] = []
    for unit in [[t] for t in plain] + list(groups.values()):
        if chunk and len(chunk) + len(unit) > size:
            yield chunk
            chunk = []
        chunk.extend(unit)
    if chunk:
        yield chunk


def _ntriples(triples: list[tuple[Any, Any, Any]]) -> bytes:
    g = Graph()
    for t in triples:
        g.add(t)
    return g.serialize(format="nt", encoding="utf-8")


def _auth_header(user: str | None, password: str | None, token: str | None) -> dict[str, str]:
    if user is not None:
        raw = f"{user}:{password or ''}".encode()
        return {"Authorization": "Basic " + base64.b64encode(raw).decode("ascii")}
    if token:
        return {"Authorization": f"Bearer {token}"}
    return {}


def _is_transient(exc: BaseException) -> bool:
    if isinstance(exc, urllib.error.HTTPError):
        return exc.code in _TRANSIENT_STATUS
    if isinstance(exc, urllib.error.URLError):
        exc = exc.reason if isinstance(exc.reason, BaseException) else exc
    if isinstance(exc, ConnectionRefusedError):
        return False
    return isinstance(
        exc, (ConnectionResetError, ConnectionAbortedError, BrokenPipeError, http.client.RemoteDisconnected,
              http.client.IncompleteRead, socket.timeout, TimeoutError)
    )


def _describe(exc: BaseException, method: str, url: str) -> str:
    if isinstance(exc, urllib.error.HTTPError):
        try:
            body = exc.read().decode("utf-8", "replace").strip()
        except Exception:  # pragma: no cover - a body that cannot be read
            body = ""
        body = " ".join(body.split())[:500]
        said = f": {body}" if body else ""
        hint = ""
        if exc.code in (401, 403):
            hint = f" (check --user/--password or the {TOKEN_ENV} token)"
        elif exc.code == 404:
            hint = " (check the endpoint URL: is it the store's Graph Store endpoint?)"
        return f"{method} {url} failed: HTTP {exc.code} {exc.reason}{said}{hint}"
    reason = exc.reason if isinstance(exc, urllib.error.URLError) else exc
    if isinstance(reason, ConnectionRefusedError):
        return f"cannot connect to {url}: connection refused; is the store running and the URL right?"
    return f"{method} {url} failed: {type(reason).__name__}: {reason}"


def _request(
    method: str,
    url: str,
    body: bytes | None,
    headers: dict[str, str],
    *,
    retries: int,
    backoff: float,
    timeout: float,
    sleep: Callable[[float], None] = time.sleep,
) -> bytes:
    attempt = 0
    while True:
        req = urllib.request.Request(url, data=body, method=method, headers=headers)
        try:
            with urllib.request.urlopen(req, timeout=timeout) as resp:  # noqa: S310 - http(s) only, checked in endpoints()
                return resp.read()
        except (urllib.error.URLError, OSError, http.client.HTTPException) as exc:
            if attempt < retries and _is_transient(exc):
                sleep(backoff * (2**attempt))
                attempt += 1
                continue
            tries = f" (after {attempt + 1} attempts)" if attempt else ""
            raise PushError(_describe(exc, method, url) + tries) from exc


def _graph_url(store: str, graph: str | None) -> str:
    sep = "&" if "?" in store else "?"
    if graph is None:
        return store + sep + "default"
    return store + sep + urllib.parse.urlencode({"graph": graph})


def sparql_select(
    query_url: str,
    query: str,
    *,
    headers: dict[str, str] | None = None,
    retries: int = 2,
    backoff: float = 0.5,
    timeout: float = 60.0,
) -> list[dict[str, str]]:
    """Run a SELECT query over the SPARQL protocol; rows of variable → value.

    Raises
    ------
    PushError
        The endpoint failed or did not answer with SPARQL JSON results.
    """
    body = urllib.parse.urlencode({"query": query}).encode("utf-8")
    hdrs = {
        "Content-Type": "application/x-www-form-urlencoded",
        "Accept": "application/sparql-results+json",
        **(headers or {}),
    }
    raw = _request("POST", query_url, body, hdrs, retries=retries, backoff=backoff, timeout=timeout)
    try:
        data = json.loads(raw)
        return [{k: v["value"] for k, v in row.items()} for row in data["results"]["bindings"]]
    except (ValueError, KeyError, TypeError) as exc:
        raise PushError(
            f"{query_url} did not answer with SPARQL JSON results; give the query endpoint with --query-endpoint"
        ) from exc


def _sparql_update(url: str, update: str, headers: dict[str, str], **kw: Any) -> None:
    body = urllib.parse.urlencode({"update": update}).encode("utf-8")
    hdrs = {"Content-Type": "application/x-www-form-urlencoded", **headers}
    try:
        _request("POST", url, body, hdrs, **kw)
    except PushError as exc:
        raise PushError(
            f"{exc}; the upload is complete in a staging graph but could not be moved onto the target, "
            "which is unchanged (give the store's SPARQL Update endpoint with --update-endpoint)"
        ) from None


def _drop_quietly(store_url: str, staging: str, headers: dict[str, str]) -> None:
    """Remove a staging graph left by a failed replace (best effort: the store may be gone)."""
    try:
        _request("DELETE", _graph_url(store_url, staging), b"", headers, retries=0, backoff=0.0, timeout=10.0)
    except (PushError, OSError):
        pass


def count_triples(query_url: str, graph: str | None = None, *, headers: dict[str, str] | None = None) -> int:
    """How many triples the store holds in ``graph`` (the default graph if None)."""
    pattern = f"GRAPH <{graph}> {{ ?s ?p ?o }}" if graph else "?s ?p ?o"
    rows = sparql_select(query_url, f"SELECT (COUNT(*) AS ?n) WHERE {{ {pattern} }}", headers=headers)
    return int(rows[0]["n"]) if rows else 0


def push(
    source: Dataset | Graph,
    endpoint: str,
    *,
    graph: str | None = None,
    replace: bool = True,
    query_endpoint: str | None = None,
    update_endpoint: str | None = None,
    user: str | None = None,
    password: str | None = None,
    token: str | None = None,
    chunk_size: int = 20_000,
    retries: int = 4,
    backoff: float = 0.5,
    timeout: float = 120.0,
    verify: bool = True,
    progress: Callable[[int, int], None] | None = None,
) -> PushResult:
    """Upload the union of ``source`` to one graph of a Graph Store endpoint.

    Parameters
    ----------
    source : rdflib.Dataset or rdflib.Graph
    endpoint : str
        The store: a server root (Oxigraph) or its Graph Store URL.
    graph : str, optional
        The named graph to write; the default graph if None.
    replace : bool
        Replace what the graph held, atomically (one ``PUT``, or a staging
        graph and ``MOVE``), or add to it (``POST``, blank nodes skolemised).
    query_endpoint : str, optional
        SPARQL query endpoint for the check (see :func:`endpoints`).
    update_endpoint : str, optional
        SPARQL Update endpoint for the ``MOVE`` of a replace larger than one
        chunk (default: :func:`update_endpoint_for` the query endpoint).
    user, password : str, optional
        HTTP Basic credentials.
    token : str, optional
        A bearer token; default: the ``PARKKG_TOKEN`` environment variable.
    chunk_size : int
        Triples per request.
    retries, backoff : int, float
        Retries of a transient failure, waiting ``backoff * 2**n`` seconds.
    verify : bool
        Count the graph's triples through the query endpoint afterwards.
    progress : callable, optional
        Called as ``progress(triples_sent, total)`` after each chunk.

    Raises
    ------
    PushError
        The store could not be reached, answered 4xx/5xx (the message
        carries the server's own text), or holds a different number of
        triples than were sent.
    """
    store_url, query_url = endpoints(endpoint, query_endpoint)
    if user is None and token is None:
        token = os.environ.get(TOKEN_ENV) or None
    auth = _auth_header(user, password, token)
    if isinstance(source, Dataset):
        union = Graph()
        for s, p, o, _ in source.quads((None, None, None, None)):
            union.add((s, p, o))
    else:
        union = source
    if not replace:
        union = skolemize(union)
    total = len(union)
    target = _graph_url(store_url, graph)
    started = time.perf_counter()
    before = None
    if verify and not replace:
        before = count_triples(query_url, graph, headers=auth)
    headers = {"Content-Type": f"{_NTRIPLES}; charset=utf-8", **auth}
    chunks_of = list(chunk_triples(union, chunk_size)) if total else []
    staging = None
    if replace and len(chunks_of) > 1:
        staging = f"urn:parkkg:staging:{uuid.uuid4()}"
    upload_to = _graph_url(store_url, staging) if staging else target
    sent = chunks = 0

    def send(method: str, url: str, chunk: list[tuple[Any, Any, Any]]) -> None:
        _request(method, url, _ntriples(chunk), headers, retries=retries, backoff=backoff, timeout=timeout)

    try:
        if replace and not chunks_of:
            send("PUT", target, [])  # replacing with nothing empties the graph
        for i, chunk in enumerate(chunks_of):
            send("PUT" if (i == 0 and replace) else "POST", upload_to, chunk)
            sent += len(chunk)
            chunks += 1
            if progress:
                progress(sent, total)
        if staging:
            dest = f"<{graph}>" if graph else "DEFAULT"
            update_url = update_endpoint or update_endpoint_for(query_url)
            _sparql_update(update_url, f"MOVE <{staging}> TO {dest}", auth, retries=retries, backoff=backoff, timeout=timeout)
    except BaseException:
        if staging:
            _drop_quietly(store_url, staging, auth)
        raise
    seconds = time.perf_counter() - started
    stored = None
    if verify:
        stored = count_triples(query_url, graph, headers=auth)
        where = f"<{graph}>" if graph else "the default graph"
        if replace and stored != total:
            raise PushError(
                f"uploaded {total} triples but {where} at {query_url} holds {stored}; "
                "another writer may be using the graph, or --query-endpoint points at another store"
            )
        if not replace and before is not None and not (total <= stored <= before + total):
            raise PushError(
                f"added {total} triples to {where} (it held {before}) but it now holds {stored}; "
                "check that --query-endpoint reads the same store"
            )
    return PushResult(store_url, query_url, graph, total, chunks, stored, seconds, replace)
