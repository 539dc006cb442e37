"""A read-only SPARQL 1.1 Protocol endpoint and an offline query page.

:func:`create_app` builds a :class:`SparqlApp`, a plain function of an HTTP
request (method, target, headers, body) to a :class:`Response`;
:func:`make_server` puts it behind the standard library's
``ThreadingHTTPServer``. The standard library is enough here and keeps every
protocol decision (status codes for bad media types, body limits, which
methods exist) in this module, where the protocol tests can see it; a web
framework would add a dependency and its own answers to those questions.

Safety defaults (all configurable in :class:`ServeConfig`):

* binds ``127.0.0.1``; read-only: SPARQL Update, LOAD, CLEAR, DROP, ... get
  403, SERVICE gets 403;
* ``FROM``/``FROM NAMED`` and ``default-graph-uri``/``named-graph-uri`` name
  only graphs the server holds (others are empty); nothing is ever fetched,
  and an audit hook forbids network access from a thread running a query;
* every query runs in a worker *process* (:mod:`graph.sparql.workers`) with
  a time limit and a memory cap: past the limit the worker is killed and
  replaced and the client gets 503, so a catastrophic regex, a cross
  product or a growing CONSTRUCT costs its own deadline and nothing more;
  the engine parses the query there too, under the same deadline, and a
  query it cannot handle is a one-line 400. Queries are at most
  ``max_query`` characters; results are cut at ``max_results`` rows
  (``X-Parkkg-Truncated: true`` says so); request bodies are limited;
* no ``Access-Control-Allow-Origin`` unless origins are named
  (``--cors-origin``); a request whose ``Host`` is not the server's own
  name (``localhost``, a loopback address or one given with
  ``--allow-host``) gets 403, and so does a cross-site request to the
  endpoint (``Sec-Fetch-Site: cross-site`` or a foreign ``Origin``), so a web
  page the user visits cannot drive a local endpoint;
* Oxigraph answers (``backend="rdflib"`` selects rdflib's engine), with the
  ontology's entailments (see :mod:`graph.rdf.entail`), the same default as
  ``parkkg query`` and the API, so ``?x a pk:Organization`` finds
  enterprises and universities.

>>> from graph import api
>>> app = create_app(api.build_text("广东星河新材料有限公司位于肇庆高新区。"), inference=False)
>>> r = app.handle("GET", "/sparql?query=ASK%20%7B%20%3Fs%20a%20pk%3AEnterprise%20%7D", {"Accept": "application/sparql-results+json"})
>>> r.status, r.body
(200, b'{\\n "head": {},\\n "boolean": true\\n}\\n')
"""

from __future__ import annotations

import json
import logging
import re
import socket
import threading
from collections.abc import Mapping
from dataclasses import dataclass
from email.message import Message
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS

from graph.errors import QueryError
from graph.rdf.files import negotiate
from graph.sparql.deadline import DeadlinePassed, call_within
from graph.sparql.pages import Response, is_page_path
from graph.sparql.pages import answer as answer_page
from graph.sparql.query import ResultFormat, default_source, list_queries, serialize_result
from graph.sparql.store import (
    Backend,
    ParsedQuery,
    QueryRefused,
    QueryResult,
    QuerySyntaxError,
    QueryTimeout,
    Source,
    Store,
    open_store,
    outline_query,
)
from graph.sparql.workers import DEFAULT_MEMORY_LIMIT, IsolatedStore
from graph.vocab import PREFIXES

__all__ = ["ServeConfig", "Response", "SparqlApp", "create_app", "make_server", "serve"]

log = logging.getLogger("graph.sparql.serve")

SD = "http://www.w3.org/ns/sparql-service-description#"
FORMATS = "http://www.w3.org/ns/formats/"


@dataclass(frozen=True)
class ServeConfig:
    """Limits and paths of the endpoint.

    Attributes
    ----------
    timeout : float
        Seconds a query may run (then 503).
    max_results : int
        Rows (or triples) returned at most; more are cut.
    max_body : int
        Largest request body accepted, in bytes (then 413).
    max_concurrent : int
        Queries evaluated at once; others wait up to ``timeout``.
    endpoint : str
        Path of the SPARQL endpoint (the query page is at ``/``).
    cors_origins : tuple of str
        Origins (``https://example.org``) that other sites' scripts may
        query from; they get ``Access-Control-Allow-Origin``. ``("*",)``
        allows every origin. Default: none.
    allowed_hosts : tuple of str
        Host names the server answers to besides ``localhost`` and the
        loopback addresses (the name or address it is reached by when
        listening beyond loopback).
    max_query : int
        Longest query accepted, in characters (then 413).
    memory_limit : int or None
        Bytes a query worker may allocate.
    isolate : bool
        Evaluate queries in worker processes that can be killed (default).
        Without it queries run in threads of the server process, which
        cannot stop a regex or an Oxigraph evaluation.
    """

    timeout: float = 10.0
    max_results: int = 10_000
    max_body: int = 1_000_000
    max_concurrent: int = 4
    endpoint: str = "/sparql"
    cors_origins: tuple[str, ...] = ()
    allowed_hosts: tuple[str, ...] = ()
    max_query: int = 100_000
    memory_limit: int | None = DEFAULT_MEMORY_LIMIT
    isolate: bool = True


_HOST = re.compile(r"[A-Za-z0-9.\-]+(:[0-9]{1,5})?|\[[0-9A-Fa-f:.]+\](:[0-9]{1,5})?")
_LOOPBACK_NAMES = frozenset({"localhost", "127.0.0.1", "[::1]", "::1"})


def _host_name(host: str) -> str | None:
    """The name part of a ``Host`` header, lower-cased (``[::1]`` keeps its brackets), or None if malformed."""
    host = host.strip().lower()
    if not _HOST.fullmatch(host):
        return None
    if host.startswith("["):
        return host[: host.index("]") + 1]
    return host.split(":", 1)[0]


class _HTTPError(Exception):
    def __init__(self, status: int, message: str, headers: list[tuple[str, str]] | None = None) -> None:
        message = " ".join(message.split())  # error answers are one line
        super().__init__(message)
        self.status = status
        self.message = message
        self.headers = headers or []


# --------------------------------------------------------------------------- content negotiation

# media type -> format, in the server's order of preference
_TABLE_TYPES: list[tuple[str, ResultFormat]] = [
    ("application/sparql-results+json", ResultFormat.JSON),
    ("application/sparql-results+xml", ResultFormat.XML),
    ("text/csv", ResultFormat.CSV),
    ("text/tab-separated-values", ResultFormat.TSV),
    ("application/json", ResultFormat.JSON),
    ("application/xml", ResultFormat.XML),
    ("text/xml", ResultFormat.XML),
]
_BOOLEAN_TYPES = [t for t in _TABLE_TYPES if t[1] in (ResultFormat.JSON, ResultFormat.XML)]
_GRAPH_TYPES: list[tuple[str, ResultFormat]] = [
    ("text/turtle", ResultFormat.TURTLE),
    ("application/n-triples", ResultFormat.NTRIPLES),
    ("application/ld+json", ResultFormat.JSONLD),
    ("application/rdf+xml", ResultFormat.RDFXML),
    ("application/x-turtle", ResultFormat.TURTLE),
    ("text/plain", ResultFormat.NTRIPLES),
]
_FORMAT_PARAM = {
    "json": ResultFormat.JSON,
    "xml": ResultFormat.XML,
    "csv": ResultFormat.CSV,
    "tsv": ResultFormat.TSV,
}
_FORMAT_PARAM.update({"n3": ResultFormat.TURTLE, "rdf": ResultFormat.RDFXML, "rdf+xml": ResultFormat.RDFXML})


def _format_hint(value: str) -> ResultFormat | None:
    """The format a ``format=`` parameter names: a short name or a media type."""
    value = value.strip().lower()
    if value in _FORMAT_PARAM:
        return _FORMAT_PARAM[value]
    try:
        return ResultFormat(value)  # every CLI name and its aliases
    except ValueError:
        pass
    media = value.split(";")[0].strip()
    for m, fmt in _TABLE_TYPES + _GRAPH_TYPES:
        if m == media:
            return fmt
    return None


_FILE_SUFFIX = {
    ResultFormat.JSON: "srj",
    ResultFormat.XML: "srx",
    ResultFormat.CSV: "csv",
    ResultFormat.TSV: "tsv",
    ResultFormat.TURTLE: "ttl",
    ResultFormat.NTRIPLES: "nt",
    ResultFormat.JSONLD: "jsonld",
    ResultFormat.RDFXML: "rdf",
}


def _article(kind: str) -> str:
    return ("an " if kind[0] in "AEIOU" else "a ") + kind


def _content_type(media: str) -> str:
    return f"{media}; charset=utf-8" if media.startswith("text/") or media.endswith("json") else media


# --------------------------------------------------------------------------- the app


class SparqlApp:
    """The endpoint and the query page, as a function of a request.

    Use :func:`create_app`; :func:`make_server` serves it over HTTP.
    """

    def __init__(self, store: Store, config: ServeConfig | None = None) -> None:
        self.store = store
        self.config = config or ServeConfig()
        self._slots = threading.BoundedSemaphore(self.config.max_concurrent)
        self._lock = threading.Lock()
        self._active = 0
        self._page: bytes | None = None

    @property
    def active(self) -> int:
        """Queries being evaluated right now (including ones past their limit, until they stop)."""
        with self._lock:
            return self._active

    # ------------------------------------------------------------------ entry point

    def handle(self, method: str, target: str, headers: Mapping[str, str] | Message, body: bytes = b"") -> Response:
        """Answer one HTTP request. Never raises; errors become 4xx/5xx answers."""
        method = method.upper()
        headers = _Headers(headers)
        path = urlsplit(target).path
        try:
            self._check_host(headers)
            if path in (self.config.endpoint, self.config.endpoint.rstrip("/") + "/"):
                self._check_cross_site(headers)
                response = self._endpoint(method, target, headers, body)
            elif path in ("/", "/index.html"):
                response = self._page_response(method)
            elif path.startswith("/ontology"):  # the ontology IRI and its terms' IRIs: graph.rdf.ontology answers
                from graph.rdf.ontology import answer_ontology_request

                answer = answer_ontology_request(method, path, headers.get("accept"))
                response = Response(answer.status, list(answer.headers), answer.body)
            elif is_page_path(path):  # Linked Data pages (/id/…) and the network views: graph.sparql.pages
                response = answer_page(self.store, method, target, headers.get("accept"))
            else:
                raise _HTTPError(404, f"nothing at {path}; the SPARQL endpoint is {self.config.endpoint} and the query page is /")
        except _HTTPError as exc:
            response = Response(exc.status, [("Content-Type", "text/plain; charset=utf-8"), *exc.headers], (exc.message + "\n").encode("utf-8"))
        except Exception:  # pragma: no cover - a bug; the client gets no traceback
            log.exception("internal error on %s %s", method, target[:200])
            response = Response(500, [("Content-Type", "text/plain; charset=utf-8")], b"internal error; see the server log\n")
        response.headers.extend(self._cors_headers(headers))
        response.headers.append(("X-Content-Type-Options", "nosniff"))
        if method == "HEAD":
            response.headers.append(("Content-Length", str(len(response.body))))
            response.body = b""
        return response

    # ------------------------------------------------------------------ who may ask

    def _check_host(self, headers: _Headers) -> None:
        """403 unless ``Host`` names this server (DNS rebinding sends a foreign name)."""
        host = headers.get("host")
        if host is None:  # HTTP/1.0 clients; the browser attacks always send one
            return
        name = _host_name(host)
        if name is None or name not in _LOOPBACK_NAMES | {h.lower() for h in self.config.allowed_hosts}:
            raise _HTTPError(
                403,
                f"this server does not answer to the host name {host[:100]!r}; "
                "if that is its public name, start it with --allow-host NAME",
            )

    def _origin_allowed(self, origin: str) -> bool:
        allowed = self.config.cors_origins
        return "*" in allowed or origin.rstrip("/") in {o.rstrip("/") for o in allowed}

    def _check_cross_site(self, headers: _Headers) -> None:
        """403 for a query sent by another site's page, unless its origin is allowed."""
        origin = headers.get("origin")
        host = headers.get("host") or ""
        if origin is not None and origin != "null":
            if urlsplit(origin).netloc.lower() == host.lower() or self._origin_allowed(origin):
                return
            raise _HTTPError(403, f"cross-origin queries from {origin[:100]} are not allowed; start the server with --cors-origin {origin[:100]} to allow them")
        if (headers.get("sec-fetch-site") or "").lower() == "cross-site":
            raise _HTTPError(403, "queries sent by another site's page are not allowed; open the query page of this server instead")

    def _cors_headers(self, headers: _Headers) -> list[tuple[str, str]]:
        origin = headers.get("origin")
        if not origin or not self.config.cors_origins or not self._origin_allowed(origin):
            return []
        value = "*" if "*" in self.config.cors_origins else origin
        return [("Access-Control-Allow-Origin", value), ("Vary", "Origin")]

    # ------------------------------------------------------------------ the page

    def _page_response(self, method: str) -> Response:
        if method not in ("GET", "HEAD"):
            raise _HTTPError(405, f"{method} is not allowed on the query page; use GET", [("Allow", "GET, HEAD")])
        if self._page is None:
            self._page = render_page(self.config.endpoint, inference=self.store.inference, config=self.config)
        csp = (
            "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; "
            "connect-src 'self'; img-src data:; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
        )
        return Response(
            200,
            [("Content-Type", "text/html; charset=utf-8"), ("Content-Security-Policy", csp), ("Cache-Control", "no-cache")],
            self._page,
        )

    # ------------------------------------------------------------------ the endpoint

    def _endpoint(self, method: str, target: str, headers: _Headers, body: bytes) -> Response:
        if method == "OPTIONS":
            return Response(
                204,
                [
                    ("Allow", "GET, POST, HEAD, OPTIONS"),
                    ("Access-Control-Allow-Methods", "GET, POST, OPTIONS"),
                    ("Access-Control-Allow-Headers", "Content-Type, Accept"),
                    ("Access-Control-Max-Age", "600"),
                ],
            )
        if method not in ("GET", "POST", "HEAD"):
            raise _HTTPError(
                405,
                f"{method} is not a SPARQL protocol operation here: query with GET or POST (this endpoint is read-only)",
                [("Allow", "GET, POST, HEAD, OPTIONS")],
            )
        params = _parse_params(urlsplit(target).query, "the URL")
        if method == "POST":
            query_text, params = self._post_params(headers, body, params)
        else:
            query_text = None
        if "update" in params or any(k.startswith("using-") for k in params):
            raise _HTTPError(403, "SPARQL Update is refused: this endpoint is read-only (rebuild the graph with `parkkg build` to change it)")
        queries = params.get("query", [])
        if query_text is not None:
            queries = [query_text, *queries]
        if len(queries) > 1:
            raise _HTTPError(400, f"the request carries {len(queries)} queries; send exactly one")
        if queries and len(queries[0]) > self.config.max_query:
            raise _HTTPError(413, f"the query is {len(queries[0])} characters long; the limit is {self.config.max_query}")
        if not queries:
            if method == "POST":
                raise _HTTPError(400, "no query: send one as the 'query' form field or as an application/sparql-query body")
            return self._service_description(headers, params)
        try:
            parsed = outline_query(queries[0], base=self._endpoint_url(headers))
        except QuerySyntaxError as exc:
            raise _HTTPError(400, str(exc)) from None
        except QueryRefused as exc:
            raise _HTTPError(403, str(exc)) from None
        media, fmt = self._choose_format(parsed, headers, params)
        result = self._execute(parsed, params.get("default-graph-uri"), params.get("named-graph-uri"))
        out = [("Content-Type", _content_type(media)), ("Vary", "Accept")]
        if result.truncated:
            out.append(("X-Parkkg-Truncated", "true"))
        if "format" in params:
            out.append(("Content-Disposition", f'attachment; filename="results.{_FILE_SUFFIX[fmt]}"'))
        out.append(("Access-Control-Expose-Headers", "X-Parkkg-Truncated, Content-Type"))
        return Response(200, out, serialize_result(result, fmt))

    def _post_params(self, headers: _Headers, body: bytes, params: dict[str, list[str]]) -> tuple[str | None, dict[str, list[str]]]:
        ctype = headers.get("content-type")
        if not ctype:
            raise _HTTPError(
                415,
                "a POST needs a Content-Type: application/x-www-form-urlencoded (query=...) or application/sparql-query",
            )
        media, options = _parse_media_type(ctype)
        charset = options.get("charset", "utf-8").lower()
        if charset not in ("utf-8", "utf8"):
            raise _HTTPError(415, f"the body must be UTF-8 (SPARQL 1.1 Protocol), not {charset}")
        if media == "application/x-www-form-urlencoded":
            form = _parse_params(_decode(body), "the form body")
            merged = {k: list(v) for k, v in params.items()}
            for k, v in form.items():
                merged.setdefault(k, []).extend(v)
            return None, merged
        if media == "application/sparql-query":
            if "query" in params:
                raise _HTTPError(400, "the request carries 2 queries (body and URL); send exactly one")
            return _decode(body), params
        if media == "application/sparql-update":
            raise _HTTPError(403, "SPARQL Update is refused: this endpoint is read-only (rebuild the graph with `parkkg build` to change it)")
        raise _HTTPError(415, f"unsupported Content-Type {media!r}: use application/x-www-form-urlencoded or application/sparql-query")

    def _choose_format(self, parsed: ParsedQuery, headers: _Headers, params: dict[str, list[str]]) -> tuple[str, ResultFormat]:
        if parsed.kind in ("CONSTRUCT", "DESCRIBE"):
            offers = _GRAPH_TYPES
        elif parsed.kind == "ASK":
            offers = _BOOLEAN_TYPES
        else:
            offers = _TABLE_TYPES
        if "format" in params:
            # a hint (download links, SPARQLWrapper's format=...): used when it fits the
            # result, else the Accept header decides
            wanted = _format_hint(params["format"][-1])
            for media, fmt in offers:
                if fmt is wanted:
                    return media, fmt
        chosen = negotiate(headers.get("accept"), offers)
        if chosen is None:
            types = ", ".join(dict.fromkeys(m for m, _ in offers))
            raise _HTTPError(406, f"cannot answer {_article(parsed.kind)} query in {headers.get('accept')!r}; acceptable: {types}")
        return chosen

    def _execute(self, parsed: ParsedQuery, default_graphs: list[str] | None, named_graphs: list[str] | None) -> QueryResult:
        cfg = self.config
        if isinstance(self.store, IsolatedStore):
            return self._execute_isolated(parsed, default_graphs, named_graphs)
        if not self._slots.acquire(timeout=cfg.timeout):
            raise _HTTPError(503, f"the server is busy ({cfg.max_concurrent} queries running); try again", [("Retry-After", "5")])
        with self._lock:
            self._active += 1

        def work() -> QueryResult:
            try:
                return self.store.query(
                    parsed,
                    default_graphs=default_graphs,
                    named_graphs=named_graphs,
                    timeout=cfg.timeout,
                    max_results=cfg.max_results,
                )
            finally:
                with self._lock:
                    self._active -= 1
                self._slots.release()

        limit_message = (
            f"the query ran past the time limit of {cfg.timeout:g} s and was stopped; "
            "narrow it (more specific patterns, LIMIT) or ask the operator to raise --timeout"
        )
        try:
            return call_within(work, cfg.timeout + 2.0)
        except (DeadlinePassed, QueryTimeout):
            raise _HTTPError(503, limit_message, [("Retry-After", "5")]) from None
        except QueryRefused as exc:
            raise _HTTPError(403, str(exc)) from None
        except (QueryError, PermissionError) as exc:
            raise _HTTPError(400, str(exc)) from None

    def _execute_isolated(self, parsed: ParsedQuery, default_graphs: list[str] | None, named_graphs: list[str] | None) -> QueryResult:
        cfg = self.config
        with self._lock:
            self._active += 1
        try:
            return self.store.query(
                parsed, default_graphs=default_graphs, named_graphs=named_graphs, timeout=cfg.timeout, max_results=cfg.max_results
            )
        except QueryTimeout as exc:
            raise _HTTPError(503, f"{exc}; narrow the query (more specific patterns, LIMIT) or ask the operator to raise --timeout", [("Retry-After", "5")]) from None
        except QueryRefused as exc:
            raise _HTTPError(403, str(exc)) from None
        except QueryError as exc:
            raise _HTTPError(400, str(exc)) from None
        finally:
            with self._lock:
                self._active -= 1

    def _endpoint_url(self, headers: _Headers) -> str:
        host = headers.get("host") or ""
        if not _HOST.fullmatch(host):
            host = "127.0.0.1"
        return f"http://{host}{self.config.endpoint}"

    # ------------------------------------------------------------------ service description

    def _service_description(self, headers: _Headers, params: dict[str, list[str]]) -> Response:
        g = describe_service(self.store, self._endpoint_url(headers), self.config)
        wanted = _format_hint(params["format"][-1]) if "format" in params else None
        chosen = next(((m, f) for m, f in _GRAPH_TYPES if f is wanted), None) or negotiate(headers.get("accept"), _GRAPH_TYPES)
        if chosen is None:
            raise _HTTPError(406, "the service description is RDF: accept text/turtle, application/n-triples, application/ld+json or application/rdf+xml")
        media, fmt = chosen
        result = QueryResult("CONSTRUCT", graph=g)
        return Response(200, [("Content-Type", _content_type(media)), ("Vary", "Accept")], serialize_result(result, fmt))


class _Headers:
    """Case-insensitive view of request headers."""

    def __init__(self, headers: Mapping[str, str] | Message) -> None:
        self._h = {k.lower(): v for k, v in headers.items()}

    def get(self, name: str) -> str | None:
        return self._h.get(name.lower())


def _parse_media_type(value: str) -> tuple[str, dict[str, str]]:
    parts = [p.strip() for p in value.split(";")]
    options = {}
    for p in parts[1:]:
        k, _, v = p.partition("=")
        options[k.strip().lower()] = v.strip().strip('"')
    return parts[0].lower(), options


def _decode(body: bytes) -> str:
    if body.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise _HTTPError(415, "the body is UTF-16; the SPARQL 1.1 Protocol requires UTF-8")
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise _HTTPError(400, f"the body is not valid UTF-8 (byte {exc.start}); send UTF-8") from None


def _parse_params(qs: str, where: str) -> dict[str, list[str]]:
    try:
        return parse_qs(qs, keep_blank_values=True, errors="strict")
    except (UnicodeDecodeError, ValueError) as exc:
        raise _HTTPError(400, f"cannot decode the parameters in {where}: {exc}") from None


def describe_service(store: Store, endpoint: str, config: ServeConfig) -> Graph:
    """A SPARQL 1.1 Service Description of the endpoint, as a graph."""
    sd = lambda name: URIRef(SD + name)  # noqa: E731
    g = Graph()
    g.bind("sd", SD)
    g.bind("formats", FORMATS)
    for prefix, ns in PREFIXES.items():
        g.bind(prefix, ns)
    service = BNode()
    g.add((service, RDF.type, sd("Service")))
    g.add((service, sd("endpoint"), URIRef(endpoint)))
    g.add((service, sd("supportedLanguage"), sd("SPARQL11Query")))
    g.add((service, sd("feature"), sd("UnionDefaultGraph")))
    for name in ("SPARQL_Results_JSON", "SPARQL_Results_XML", "SPARQL_Results_CSV", "SPARQL_Results_TSV", "Turtle", "N-Triples", "JSON-LD", "RDF_XML"):
        g.add((service, sd("resultFormat"), URIRef(FORMATS + name)))
    if store.inference:
        g.add((service, sd("defaultEntailmentRegime"), URIRef("http://www.w3.org/ns/entailment/OWL-RDF-Based")))
        g.add((service, sd("defaultSupportedEntailmentProfile"), URIRef("http://www.w3.org/ns/owl-profile/RL")))
    else:
        g.add((service, sd("defaultEntailmentRegime"), URIRef("http://www.w3.org/ns/entailment/Simple")))
    g.add(
        (
            service,
            RDFS.comment,
            Literal(
                "parkkg's read-only SPARQL 1.1 endpoint. Update, LOAD and SERVICE are refused; FROM and "
                "default-graph-uri name only the graphs below (others are empty, never fetched). "
                f"Time limit {config.timeout:g} s per query, at most {config.max_results} results. "
                + ("Inference on: RDFS/OWL-RL entailments are in the inferred graph, part of the default graph." if store.inference else "Inference off."),
                lang="en",
            ),
        )
    )
    dataset = BNode()
    g.add((service, sd("defaultDataset"), dataset))
    g.add((dataset, RDF.type, sd("Dataset")))
    default = BNode()
    g.add((dataset, sd("defaultGraph"), default))
    g.add((default, RDF.type, sd("Graph")))
    for name in store.graph_names():
        ng = BNode()
        g.add((dataset, sd("namedGraph"), ng))
        g.add((ng, RDF.type, sd("NamedGraph")))
        g.add((ng, sd("name"), name))
    return g


# --------------------------------------------------------------------------- the page

def _template() -> str:
    return (Path(__file__).resolve().parent / "templates" / "query.html").read_text(encoding="utf-8")


def render_page(endpoint: str = "/sparql", *, inference: bool = True, config: ServeConfig | None = None) -> bytes:
    """The query page: one self-contained HTML file (inline CSS and JS, no
    network besides the endpoint), with the library's questions one click away."""
    config = config or ServeConfig()
    examples = [{"name": q.name, "title": q.title, "description": q.description, "query": q.text} for q in list_queries()]
    settings = {
        "endpoint": endpoint,
        "inference": inference,
        "timeout": config.timeout,
        "maxResults": config.max_results,
        "prefixes": PREFIXES,
        "examples": examples,
    }
    blob = json.dumps(settings, ensure_ascii=False).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return _template().replace("{{PARKKG_SETTINGS}}", blob).encode("utf-8")


# --------------------------------------------------------------------------- factory and server


def create_app(
    source: Store | Source | None = None,
    *,
    inference: bool = True,
    backend: Backend | str | None = None,
    config: ServeConfig | None = None,
) -> SparqlApp:
    """Build the endpoint app over a graph.

    Parameters
    ----------
    source : Store, BuildResult, Dataset, Graph, path or ``oxigraph:PATH``, optional
        What to serve. Default: ``out/parkkg.ttl`` if it exists, else the
        bundled article's build.
    inference : bool
        Add RDFS/OWL-RL entailments (default on; ignored when ``source`` is
        already a Store).
    backend : {"rdflib", "oxigraph"}, optional
        See :func:`graph.sparql.store.open_store`.
    config : ServeConfig, optional
        Limits; the defaults are safe to expose. With ``config.isolate`` (the
        default) queries run in worker processes (:class:`IsolatedStore`);
        the app then owns the store: ``app.store.close()`` stops them.
    """
    config = config or ServeConfig()
    if isinstance(source, Store):
        store = source
    else:
        store = open_store(default_source() if source is None else source, backend=backend, inference=inference)
    if config.isolate and not isinstance(store, IsolatedStore):
        store = IsolatedStore(store, workers=config.max_concurrent, memory_limit=config.memory_limit)
    return SparqlApp(store, config)


class _Handler(BaseHTTPRequestHandler):
    server_version = "parkkg-sparql"
    sys_version = ""
    protocol_version = "HTTP/1.1"
    timeout = 30  # seconds a client may take to send its request

    def setup(self) -> None:
        super().setup()
        # answers go out at once, not 40 ms later (Nagle + delayed ACK on keep-alive connections)
        self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

    def _dispatch(self) -> None:
        app: SparqlApp = self.server.app  # type: ignore[attr-defined]
        body = b""
        if "chunked" in (self.headers.get("Transfer-Encoding") or "").lower():
            self._send(Response(411, [("Content-Type", "text/plain; charset=utf-8")], b"send a Content-Length; chunked bodies are not accepted\n"), close=True)
            return
        length_header = self.headers.get("Content-Length")
        if length_header:
            try:
                length = int(length_header)
            except ValueError:
                self._send(Response(400, [("Content-Type", "text/plain; charset=utf-8")], b"bad Content-Length\n"), close=True)
                return
            if length > app.config.max_body:
                message = f"the request body ({length} bytes) is larger than the limit of {app.config.max_body} bytes\n"
                self._send(Response(413, [("Content-Type", "text/plain; charset=utf-8")], message.encode()), close=True)
                return
            body = self.rfile.read(length) if length > 0 else b""
        response = app.handle(self.command, self.path, self.headers, body)
        self._send(response)

    def _send(self, response: Response, close: bool = False) -> None:
        self.send_response(response.status)
        for k, v in response.headers:
            if k.lower() != "content-length":
                self.send_header(k, v)
        if close:
            self.send_header("Connection", "close")
            self.close_connection = True
        if self.command != "HEAD":
            self.send_header("Content-Length", str(len(response.body)))
        else:
            length = response.header("Content-Length")
            if length is not None:
                self.send_header("Content-Length", length)
        self.end_headers()
        if self.command != "HEAD" and response.body:
            self.wfile.write(response.body)

    do_GET = do_POST = do_HEAD = do_OPTIONS = do_PUT = do_DELETE = do_PATCH = _dispatch

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - http.server's name
        log.info("%s %s", self.address_string(), format % args)


class _Server(ThreadingHTTPServer):
    request_queue_size = 128  # the listen backlog: a burst of clients waits in the kernel, not in SYN retries


def make_server(app: SparqlApp, host: str = "127.0.0.1", port: int = 7878) -> ThreadingHTTPServer:
    """A threading HTTP server for ``app`` on ``host:port`` (port 0: any free port).

    Call ``serve_forever()`` on it (``shutdown()`` and ``server_close()`` stop it);
    ``server.server_address`` tells the port.
    """
    server = _Server((host, port), _Handler)
    server.daemon_threads = True
    server.app = app  # type: ignore[attr-defined]
    return server


def serve(app: SparqlApp, host: str = "127.0.0.1", port: int = 7878, *, ready: Any = None) -> None:
    """Serve ``app`` until interrupted; ``ready(url)`` is called once listening."""
    server = make_server(app, host, port)
    url = f"http://{server.server_address[0]}:{server.server_address[1]}/"
    try:
        if isinstance(app.store, IsolatedStore):
            app.store.warm()
        if ready:
            ready(url)
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
        app.store.close()
