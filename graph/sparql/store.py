"""Stage 8, store: open a graph for SPARQL queries, in memory or on disk.

A :class:`Store` answers SELECT, ASK, CONSTRUCT and DESCRIBE queries over the
union of all its graphs (the default graph of every query, as
``docs/design.md`` says). Two backends give the same answers:

* :class:`RdflibStore`, in memory (rdflib), from a build, a Dataset or a
  Turtle/TriG/N-Triples/N-Quads file;
* :class:`OxigraphStore` (pyoxigraph), in memory or an on-disk store opened
  read-only (``oxigraph:PATH``), the default.

Either answers with the ontology's entailments (:mod:`graph.rdf.entail`,
materialised once) unless ``inference=False``, so that ``?x a pk:Organization``
finds enterprises and ``pk:cooperatesWith`` is symmetric.

Both are read-only and never reach the network: SPARQL Update, LOAD and
SERVICE are refused, ``FROM``/``FROM NAMED`` (and the protocol's
``default-graph-uri``/``named-graph-uri``) name only graphs the store holds
(a graph it does not hold is empty, never fetched), and every query can
carry a time limit and a result-size limit.

>>> from graph import api
>>> store = open_store(api.build_text("广东星河新材料有限公司位于肇庆高新区。"))
>>> r = store.query("ASK { ?e pk:locatedIn ?park }")
>>> r.boolean
True
"""

from __future__ import annotations

import abc
import enum
import sys
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, Union

from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.namespace import RDF, XSD
from rdflib.plugins.stores.memory import Memory
from rdflib.term import Node

from graph.errors import QueryError, StoreError
from graph.rdf.entail import INFERRED_GRAPH, entail_triples, materialise, parkkg_rules
from graph.rdf.files import RdfFormat
from graph.rdf.terms import dataset_quads, from_ox, quads_to_ox, term_reader, to_ox
from graph.vocab import BASE, PREFIXES, bind_prefixes

if TYPE_CHECKING:  # pragma: no cover
    import pandas

__all__ = [
    "Backend",
    "Store",
    "RdflibStore",
    "OxigraphStore",
    "QueryResult",
    "ParsedQuery",
    "QuerySyntaxError",
    "QueryRefused",
    "QueryTimeout",
    "INFERRED_GRAPH",
    "parse_query",
    "outline_query",
    "open_store",
    "entail",
    "write_oxigraph",
    "write_oxigraph_pieces",
    "FILE_FORMATS",
]


#: File suffix → (rdflib format, pyoxigraph format name) of the graph files a store opens.
#: (The formats a store takes whole: the registry's formats Oxigraph reads as parkkg wrote them.)
FILE_FORMATS: dict[str, tuple[str, str]] = {
    suffix: (fmt.rdflib_name, fmt.ox_name)
    for fmt in (RdfFormat.TURTLE, RdfFormat.TRIG, RdfFormat.NTRIPLES, RdfFormat.NQUADS)
    if fmt.ox_name is not None
    for suffix in fmt.suffixes
}

_XSD_STRING = str(XSD.string)
#: What a store opens: a BuildResult (anything with a ``dataset``), a Dataset, a Graph or a graph file.
Source = Union[Any, Dataset, Graph, str, Path]


class Backend(enum.Enum):
    """Where the triples live and which engine evaluates SPARQL."""

    RDFLIB = "rdflib"
    OXIGRAPH = "oxigraph"


# --------------------------------------------------------------------------- errors


class QuerySyntaxError(QueryError):
    """The query does not parse; ``line``/``column`` say where (1-based)."""

    def __init__(self, message: str, line: int | None = None, column: int | None = None) -> None:
        message = " ".join(message.split())  # one line, whatever the parser said
        where = f" (line {line}, column {column})" if line is not None else ""
        super().__init__(f"malformed SPARQL query{where}: {message}")
        self.line = line
        self.column = column
        self.reason = message


class QueryRefused(QueryError):
    """The query is well formed but not allowed: update, LOAD, SERVICE, ..."""


class QueryTimeout(QueryError):
    """The query ran past its time limit and was stopped."""


# --------------------------------------------------------------------------- results


@dataclass
class QueryResult:
    """The answer to one query, the same whichever backend computed it.

    ``kind`` is ``SELECT``, ``ASK``, ``CONSTRUCT`` or ``DESCRIBE``. SELECT
    fills ``vars`` and ``rows`` (tuples of rdflib terms, ``None`` where a
    variable is unbound); ASK fills ``boolean``; CONSTRUCT and DESCRIBE fill
    ``graph``. ``truncated`` is true when a result-size limit cut the rows or
    triples.

    Examples
    --------
    >>> from rdflib import Literal
    >>> r = QueryResult("SELECT", vars=("n",), rows=[(Literal(1),), (Literal(2),)])
    >>> r.records()
    [{'n': 1}, {'n': 2}]
    """

    kind: str
    vars: tuple[str, ...] = ()
    rows: list[tuple[Node | None, ...]] = field(default_factory=list)
    boolean: bool | None = None
    graph: Graph | None = None
    truncated: bool = False

    @property
    def is_graph(self) -> bool:
        """True for CONSTRUCT and DESCRIBE (the answer is a graph)."""
        return self.kind in ("CONSTRUCT", "DESCRIBE")

    def __len__(self) -> int:
        if self.is_graph:
            return len(self.graph) if self.graph is not None else 0
        if self.kind == "ASK":
            return 1
        return len(self.rows)

    def __iter__(self) -> Iterator[tuple[Node | None, ...]]:
        if self.is_graph:
            return iter(sorted(self.graph or ()))
        if self.kind == "ASK":
            return iter([(Literal(bool(self.boolean)),)])
        return iter(self.rows)

    def records(self) -> list[dict[str, Any]]:
        """Rows as dicts of Python values (literals converted, IRIs as str)."""
        if self.is_graph:
            names, rows = ("subject", "predicate", "object"), list(self)
        elif self.kind == "ASK":
            names, rows = ("boolean",), list(self)
        else:
            names, rows = self.vars, self.rows
        return [{n: _python_value(t) for n, t in zip(names, row)} for row in rows]

    def to_dataframe(self) -> pandas.DataFrame:
        """The rows as a pandas DataFrame (pandas comes with the ``notebooks`` extra)."""
        try:
            import pandas as pd
        except ImportError as exc:  # pragma: no cover - depends on the environment
            raise QueryError("pandas is needed for DataFrames: pip install 'parkkg[notebooks]'") from exc
        columns = ["subject", "predicate", "object"] if self.is_graph else (["boolean"] if self.kind == "ASK" else list(self.vars))
        return pd.DataFrame(self.records(), columns=columns)


def _python_value(term: Node | None) -> Any:
    if term is None:
        return None
    if isinstance(term, Literal):
        value = term.toPython()
        return str(term) if isinstance(value, Literal) else value
    return str(term)


# --------------------------------------------------------------------------- parsing

_parse_lock = threading.Lock()


@dataclass(frozen=True)
class ParsedQuery:
    """A query that parsed and passed the read-only checks.

    ``from_graphs`` and ``from_named`` are the query's own ``FROM`` and
    ``FROM NAMED`` IRIs.
    """

    text: str
    kind: str
    from_graphs: tuple[URIRef, ...] = ()
    from_named: tuple[URIRef, ...] = ()
    algebra: Any = field(default=None, compare=False, repr=False)
    base: str = ""


_KINDS = {"SelectQuery": "SELECT", "AskQuery": "ASK", "ConstructQuery": "CONSTRUCT", "DescribeQuery": "DESCRIBE"}


def _update_name(text: str) -> str | None:
    """The first operation's name if ``text`` is a SPARQL Update, else None."""
    from rdflib.plugins.sparql.parser import parseUpdate

    try:
        with _parse_lock:
            parsed = parseUpdate(text)
    except Exception:
        return None
    for op in parsed.request or ():
        name = getattr(op, "name", "")
        return {
            "Load": "LOAD",
            "Clear": "CLEAR",
            "Drop": "DROP",
            "Create": "CREATE",
            "Add": "ADD",
            "Move": "MOVE",
            "Copy": "COPY",
            "InsertData": "INSERT DATA",
            "DeleteData": "DELETE DATA",
            "DeleteWhere": "DELETE WHERE",
            "Modify": "DELETE/INSERT",
        }.get(name, "update")
    return "update"


def _walk(node: Any, seen: set[int] | None = None) -> Iterator[Any]:
    """Every CompValue below ``node`` in a translated query's algebra."""
    from rdflib.plugins.sparql.parserutils import CompValue

    seen = seen if seen is not None else set()
    if id(node) in seen:
        return
    seen.add(id(node))
    if isinstance(node, CompValue):
        yield node
        for value in node.values():
            yield from _walk(value, seen)
    elif isinstance(node, (list, tuple)):
        for value in node:
            yield from _walk(value, seen)


DEFAULT_BASE = BASE


def parse_query(text: str, *, base: str | None = None) -> ParsedQuery:
    """Parse a SPARQL 1.1 query and apply the read-only rules.

    parkkg's prefixes (``pk:``, ``pkr:``, ``skos:``, ... see
    :data:`graph.vocab.PREFIXES`) are predeclared; relative IRIs resolve
    against ``base`` (default ``https://w3id.org/parkkg/``; the endpoint
    uses its own URL).

    Raises
    ------
    QuerySyntaxError
        The text is not a SPARQL query; the message has the parser's
        reason and the line and column.
    QueryRefused
        The text is a SPARQL Update (INSERT, DELETE, LOAD, CLEAR, DROP, ...)
        or uses SERVICE: this store is read-only and never fetches.

    Examples
    --------
    >>> parse_query("SELECT ?s WHERE { ?s a pk:Enterprise }").kind
    'SELECT'
    >>> parse_query("SELECT * WHERE { ?s ?p }")
    Traceback (most recent call last):
    ...
    graph.sparql.store.QuerySyntaxError: malformed SPARQL query (line 1, column 18): Expected SelectQuery, found '?s'

    Notes
    -----
    Parsing takes 15-80 ms for the library's queries, more than Oxigraph
    needs to answer many of them, so the result is cached: a query asked
    again (the library's, or a page's repeated query) is not parsed again.
    Malformed or refused queries are not cached; they raise each time.
    """
    return _parse_query_cached(text, base)


@lru_cache(maxsize=256)
def _parse_query_cached(text: str, base: str | None) -> ParsedQuery:
    from pyparsing import ParseBaseException
    from rdflib.plugins.sparql.algebra import translateQuery
    from rdflib.plugins.sparql.parser import parseQuery

    if not text or not text.strip():
        raise QuerySyntaxError("the query is empty")
    try:
        with _parse_lock:
            parsed = parseQuery(text)
    except RecursionError:
        raise QuerySyntaxError(
            "the query is nested too deeply or too long for rdflib's parser; "
            "use the Oxigraph engine (the default), which reads it"
        ) from None
    except ParseBaseException as exc:
        op = _update_name(text)
        if op is not None:
            raise QueryRefused(_update_refusal(op)) from None
        reason = str(exc.msg) if getattr(exc, "msg", None) else str(exc)
        found = _found_token(text, exc.loc)
        raise QuerySyntaxError(f"{reason}{found}", exc.lineno, exc.col) from None
    try:
        with _parse_lock:
            query = translateQuery(parsed, base=base or DEFAULT_BASE, initNs=dict(PREFIXES))
    except RecursionError:
        raise QuerySyntaxError(
            "the query is nested too deeply or too long for rdflib's parser; "
            "use the Oxigraph engine (the default), which reads it"
        ) from None
    except Exception as exc:  # rdflib raises plain Exceptions for semantic errors
        raise QuerySyntaxError(str(exc).strip() or type(exc).__name__) from None
    algebra = query.algebra
    for node in _walk(algebra):
        if node.name == "ServiceGraphPattern":
            raise QueryRefused(_service_refusal(str(node.term)))
    from_graphs: list[URIRef] = []
    from_named: list[URIRef] = []
    for clause in (algebra["datasetClause"] if "datasetClause" in algebra else None) or ():
        # CompValue.get answers a missing key with the key itself: test membership
        if "default" in clause:
            from_graphs.append(URIRef(clause["default"]))
        elif "named" in clause:
            from_named.append(URIRef(clause["named"]))
    kind = _KINDS.get(algebra.name, algebra.name)
    return ParsedQuery(text, kind, tuple(from_graphs), tuple(from_named), query, base or DEFAULT_BASE)


def outline_query(text: str, *, base: str | None = None) -> ParsedQuery:
    """Check a query from its tokens (:mod:`graph.sparql.scan`), without parsing it.

    What the Oxigraph engine needs before it runs a query: its kind, its
    ``FROM``/``FROM NAMED`` graphs, and the read-only rules (no update, no
    SERVICE). Linear in the query's length, no lock, no recursion; the
    engine parses the query itself when it runs it and reports syntax
    errors with line and column.

    Raises
    ------
    QuerySyntaxError
        Empty, or not a SELECT, ASK, CONSTRUCT or DESCRIBE query.
    QueryRefused
        A SPARQL Update, or a query that uses SERVICE.

    Examples
    --------
    >>> outline_query("CONSTRUCT WHERE { ?s a pk:Park }").kind
    'CONSTRUCT'
    >>> outline_query("CLEAR ALL")
    Traceback (most recent call last):
    ...
    graph.sparql.store.QueryRefused: SPARQL Update (CLEAR) is refused: parkkg serves its graph read-only; rebuild the graph with `parkkg build` to change it
    """
    from graph.sparql.scan import outline

    if not text or not text.strip():
        raise QuerySyntaxError("the query is empty")
    found = outline(text, PREFIXES)
    if found.operation is not None:
        raise QueryRefused(_update_refusal(found.operation))
    if found.service is not None:
        raise QueryRefused(_service_refusal(found.service))
    if found.kind is None:
        raise QuerySyntaxError("expected a SELECT, ASK, CONSTRUCT or DESCRIBE query (after any PREFIX and BASE)")
    return ParsedQuery(
        text,
        found.kind,
        tuple(URIRef(g) for g in found.from_graphs),
        tuple(URIRef(g) for g in found.from_named),
        None,
        base or DEFAULT_BASE,
    )


def _update_refusal(op: str) -> str:
    return f"SPARQL Update ({op}) is refused: parkkg serves its graph read-only; rebuild the graph with `parkkg build` to change it"


def _service_refusal(target: str) -> str:
    target = target if target.startswith(("<", "?", "$")) else f"<{target}>"
    return (
        f"SERVICE {target} is refused: parkkg never sends requests to other endpoints; "
        "query the other endpoint yourself and join the results"
    )


def _found_token(text: str, loc: int) -> str:
    if loc >= len(text):
        return ", found end of query"
    token = text[loc:].split(None, 1)[0][:20] if text[loc:].strip() else ""
    return f", found {token!r}" if token else ""


# --------------------------------------------------------------------------- limits

_local = threading.local()


def _deadline_passed() -> bool:
    at = getattr(_local, "deadline", None)
    return at is not None and time.monotonic() > at


def _check_deadline() -> None:
    if _deadline_passed():
        raise QueryTimeout(
            f"the query ran past its time limit of {_local.limit:g} s and was stopped; "
            "narrow it (more specific patterns, LIMIT) or raise the limit"
        )


class _Limits:
    """Context manager: a time limit and the no-network guard for this thread."""

    def __init__(self, timeout: float | None) -> None:
        self.timeout = timeout

    def __enter__(self) -> _Limits:
        _install_network_guard()
        self._saved = (getattr(_local, "deadline", None), getattr(_local, "limit", None), getattr(_local, "no_network", False))
        if self.timeout is not None:
            _local.deadline = time.monotonic() + self.timeout
            _local.limit = self.timeout
        _local.no_network = True
        return self

    def __exit__(self, *exc: object) -> None:
        _local.deadline, _local.limit, _local.no_network = self._saved


_guard_installed = False
_guard_lock = threading.Lock()
_BLOCKED_EVENTS = frozenset(
    {"socket.connect", "socket.getaddrinfo", "socket.sendto", "socket.sendmsg", "urllib.Request", "http.client.connect"}
)


def _install_network_guard() -> None:
    """Install (once per process) an audit hook that forbids network access
    from a thread while it evaluates a query.

    rdflib's security notes suggest an audit hook as the guard against
    queries that make the process fetch URLs; parkkg also never hands rdflib
    a dataset clause or a SERVICE clause, so the hook is the second line.
    """
    global _guard_installed
    if _guard_installed:
        return
    with _guard_lock:
        if _guard_installed:
            return

        def hook(event: str, args: tuple[Any, ...]) -> None:
            if event in _BLOCKED_EVENTS and getattr(_local, "no_network", False):
                raise PermissionError(f"parkkg: network access ({event}) is not allowed while a query runs")

        sys.addaudithook(hook)
        _guard_installed = True


class _GuardedMemory(Memory):
    """rdflib's in-memory store, checking the thread's query deadline on
    every lookup and every few hundred triples, so a runaway query stops."""

    def triples(self, triple_pattern, context=None):  # type: ignore[no-untyped-def, override]
        if getattr(_local, "deadline", None) is None:
            yield from super().triples(triple_pattern, context)
            return
        _check_deadline()
        n = 0
        for item in super().triples(triple_pattern, context):
            n += 1
            if not n & 255:
                _check_deadline()
            yield item


# --------------------------------------------------------------------------- stores


class Store(abc.ABC):
    """A read-only SPARQL store over one dataset (see the module docstring)."""

    backend: Backend
    inference: bool = False

    def query(
        self,
        query: str | ParsedQuery,
        *,
        default_graphs: Sequence[str] | None = None,
        named_graphs: Sequence[str] | None = None,
        timeout: float | None = None,
        max_results: int | None = None,
    ) -> QueryResult:
        """Run a SELECT, ASK, CONSTRUCT or DESCRIBE query.

        Parameters
        ----------
        query : str or ParsedQuery
            The query text (parkkg's prefixes are predeclared).
        default_graphs, named_graphs : sequence of IRIs, optional
            The SPARQL protocol's ``default-graph-uri`` and
            ``named-graph-uri``: when either is given they replace the
            query's ``FROM``/``FROM NAMED``. Graphs the store does not hold
            are empty; nothing is ever fetched.
        timeout : float, optional
            Seconds the query may run; past that it raises
            :class:`QueryTimeout`.
        max_results : int, optional
            Keep at most this many rows (or triples); ``truncated`` tells.

        Raises
        ------
        QuerySyntaxError, QueryRefused, QueryTimeout
        """
        parsed = query if isinstance(query, ParsedQuery) else self.parse(query)
        if default_graphs is not None or named_graphs is not None:
            dataset = (tuple(URIRef(g) for g in default_graphs or ()), tuple(URIRef(g) for g in named_graphs or ()))
        elif parsed.from_graphs or parsed.from_named:
            dataset = (parsed.from_graphs, parsed.from_named)
        else:
            dataset = None
        with _Limits(timeout):
            result = self._run(parsed, dataset, max_results)
            _check_deadline()
        return result

    def parse(self, text: str, *, base: str | None = None) -> ParsedQuery:
        """Check ``text`` the way this store's engine needs (see :func:`outline_query`)."""
        return outline_query(text, base=base)

    @abc.abstractmethod
    def _run(
        self, parsed: ParsedQuery, dataset: tuple[tuple[URIRef, ...], tuple[URIRef, ...]] | None, max_results: int | None
    ) -> QueryResult: ...

    @abc.abstractmethod
    def graph_names(self) -> list[URIRef]:
        """The named graphs the store holds, sorted."""

    @abc.abstractmethod
    def __len__(self) -> int:
        """Number of quads (triples in every graph)."""

    def close(self) -> None:
        """Release the store (an on-disk store is closed)."""

    def snapshot(self, path: str | Path) -> str:
        """A spec :func:`open_store` opens to the same answers from another
        process: ``oxigraph:PATH`` of the store on disk, written at ``path``
        (a new directory) unless the store already lives on disk. The
        entailments travel with it, so open it with this store's ``inference``.
        """
        def fill(store: Any) -> None:
            store.bulk_extend(self._quads_for_snapshot())
            if self.inference:
                import pyoxigraph as ox

                store.add_graph(ox.NamedNode(str(INFERRED_GRAPH)))  # present even when nothing was entailed

        return f"oxigraph:{_write_staged(path, False, fill, inference=False)}"

    def _quads_for_snapshot(self) -> Iterator[Any]:
        raise NotImplementedError

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {len(self)} quads, {len(self.graph_names())} named graphs, inference={self.inference}>"


def _cap(rows: Iterable[Any], max_results: int | None) -> tuple[list[Any], bool]:
    out: list[Any] = []
    for i, row in enumerate(rows):
        if max_results is not None and i >= max_results:
            return out, True
        if not i & 63:
            _check_deadline()
        out.append(row)
    return out, False


def _cap_graph(graph: Graph, max_results: int | None) -> tuple[Graph, bool]:
    if max_results is None or len(graph) <= max_results:
        return graph, False
    kept = Graph()
    for prefix, ns in graph.namespaces():
        kept.bind(prefix, ns)
    for i, t in enumerate(sorted(graph)):
        if i >= max_results:
            break
        kept.add(t)
    return kept, True


class RdflibStore(Store):
    """In-memory store evaluated by rdflib's SPARQL engine.

    Build one with :func:`open_store`.
    """

    backend = Backend.RDFLIB

    def __init__(self, dataset: Dataset, *, inference: bool = False) -> None:
        self._ds = dataset
        self.inference = inference
        self._names = frozenset(
            g.identifier for g in dataset.graphs() if g.identifier != dataset.default_context.identifier and len(g)
        )

    def graph_names(self) -> list[URIRef]:
        return sorted(URIRef(g) for g in self._names)

    def __len__(self) -> int:
        return sum(1 for _ in self._ds.quads((None, None, None, None)))

    @property
    def dataset(self) -> Dataset:
        """The rdflib Dataset the store evaluates queries over (do not modify)."""
        return self._ds

    def _quads_for_snapshot(self) -> Iterator[Any]:
        return quads_to_ox(dataset_quads(self._ds))

    def _views(self, dataset: tuple[tuple[URIRef, ...], tuple[URIRef, ...]] | None) -> tuple[Graph, Dataset]:
        if dataset is None:
            return self._ds, self._ds
        defaults, named = dataset
        default = bind_prefixes(Graph(store=_GuardedMemory()))
        for name in defaults:
            if name in self._names:
                for t in self._ds.graph(name):
                    default.add(t)
        named_ds = Dataset(store=_GuardedMemory())
        for name in named:
            g = named_ds.graph(name)
            if name in self._names:
                for t in self._ds.graph(name):
                    g.add(t)
        return default, named_ds

    def parse(self, text: str, *, base: str | None = None) -> ParsedQuery:
        """rdflib's engine needs the query's algebra: :func:`parse_query`."""
        return parse_query(text, base=base)

    def _run(self, parsed, dataset, max_results):  # type: ignore[no-untyped-def]
        from rdflib.plugins.sparql.evaluate import evalPart
        from rdflib.plugins.sparql.sparql import QueryContext

        if parsed.algebra is None:  # checked from its tokens only (outline_query)
            parsed = parse_query(parsed.text, base=parsed.base)
        default, named = self._views(dataset)
        ctx = QueryContext(named, initBindings={}, datasetClause=None)
        ctx.graph = default  # the protocol/FROM dataset, or the union of all graphs
        ctx.prologue = parsed.algebra.prologue
        try:
            res = evalPart(ctx, parsed.algebra.algebra)
            if parsed.kind == "ASK":
                return QueryResult("ASK", boolean=bool(res["askAnswer"]))
            if parsed.kind == "SELECT":
                names = tuple(str(v) for v in res["vars_"])
                variables = list(res["vars_"])
                rows, truncated = _cap((tuple(b.get(v) for v in variables) for b in res["bindings"]), max_results)
                if len(rows) == 1 and all(t is None for t in rows[0]) and _groups_explicitly(parsed.algebra.algebra):
                    rows = []  # GROUP BY over no solutions has no groups (rdflib issue #3382 yields one empty row)
                return QueryResult("SELECT", vars=names, rows=rows, truncated=truncated)
            graph = bind_prefixes(Graph())
            for t in res["graph"]:
                graph.add(t)
            graph, truncated = _cap_graph(graph, max_results)
            return QueryResult(parsed.kind, graph=graph, truncated=truncated)
        except (QueryError, PermissionError, RecursionError):
            raise
        except Exception as exc:  # rdflib's evaluation errors are plain Exceptions
            raise QueryError(f"the query failed while running: {type(exc).__name__}: {exc}") from None


def _groups_explicitly(algebra: Any) -> bool:
    """True if the query's outermost aggregation has a GROUP BY clause."""
    node = algebra
    while node is not None and getattr(node, "name", None) not in ("AggregateJoin", "BGP", "Join", "LeftJoin", "Union"):
        node = node.get("p") if hasattr(node, "get") else None
    if node is None or node.name != "AggregateJoin":
        return False
    group = node.get("p")
    return getattr(group, "name", None) == "Group" and group.get("expr") is not None


def _oxigraph_syntax_error(message: str) -> QuerySyntaxError:
    """Oxigraph's ``error at LINE:COLUMN: reason`` as a QuerySyntaxError."""
    import re

    m = re.match(r"error at (\d+):(\d+): (.*)", message, re.DOTALL)
    if m is None:
        return QuerySyntaxError(message)
    return QuerySyntaxError(m.group(3), int(m.group(1)), int(m.group(2)))


class OxigraphStore(Store):
    """Store evaluated by Oxigraph (pyoxigraph), in memory or on disk.

    Build one with :func:`open_store`.
    """

    backend = Backend.OXIGRAPH

    def __init__(self, store: Any, *, inference: bool = False, path: Path | None = None) -> None:
        self._store = store
        self.inference = inference
        self.path = path

    def graph_names(self) -> list[URIRef]:
        import pyoxigraph as ox

        return sorted(URIRef(g.value) for g in self._store.named_graphs() if isinstance(g, ox.NamedNode))

    def __len__(self) -> int:
        return len(self._store)

    def close(self) -> None:
        self._store = None

    def snapshot(self, path: str | Path) -> str:
        if self.path is not None:
            return f"oxigraph:{self.path}"
        return super().snapshot(path)

    def _quads_for_snapshot(self) -> Iterator[Any]:
        if self._store is None:
            raise StoreError("the store is closed")
        return iter(self._store)

    def _run(self, parsed, dataset, max_results):  # type: ignore[no-untyped-def]
        import pyoxigraph as ox

        if self._store is None:
            raise StoreError("the store is closed")
        kwargs: dict[str, Any] = {"prefixes": dict(PREFIXES), "base_iri": parsed.base or DEFAULT_BASE}
        inferred = ox.NamedNode(str(INFERRED_GRAPH))
        if dataset is None and not self.inference and self._store.contains_named_graph(inferred):
            graphs = [g for g in self._store.named_graphs() if g != inferred]
            kwargs["default_graph"] = [ox.DefaultGraph(), *graphs]
            kwargs["named_graphs"] = graphs
        elif dataset is None:
            kwargs["use_default_graph_as_union"] = True
        else:
            defaults, named = dataset
            kwargs["default_graph"] = [ox.NamedNode(str(g)) for g in defaults]
            kwargs["named_graphs"] = [ox.NamedNode(str(g)) for g in named]
        try:
            res = self._store.query(parsed.text, **kwargs)
            if parsed.kind == "ASK":
                return QueryResult("ASK", boolean=bool(res))
            if parsed.kind == "SELECT":
                names = tuple(v.value for v in res.variables)
                read, width = term_reader(), range(len(names))
                rows, truncated = _cap((tuple(read(sol[i]) for i in width) for sol in res), max_results)
                return QueryResult("SELECT", vars=names, rows=rows, truncated=truncated)
            graph = bind_prefixes(Graph())
            read = term_reader()
            for tr in res:
                graph.add((read(tr.subject), read(tr.predicate), read(tr.object)))
            if parsed.kind == "DESCRIBE":
                self._add_reifications(graph, dataset)
            graph, truncated = _cap_graph(graph, max_results)
            return QueryResult(parsed.kind, graph=graph, truncated=truncated)
        except SyntaxError as exc:
            raise _oxigraph_syntax_error(str(exc)) from None
        except OSError as exc:
            raise QueryError(f"the query failed while running: {exc}") from None

    def _add_reifications(self, graph: Graph, dataset: Any) -> None:
        """Complete Oxigraph's DESCRIBE (rules 1-2 of a Concise Bounded
        Description) with rule 3, the reifications, as rdflib does: so both
        backends describe a fact together with its provenance statements."""
        import pyoxigraph as ox

        if dataset is not None:
            graphs: list[Any] = [ox.NamedNode(str(g)) for g in dataset[0]]
        else:
            graphs = [None]

        def triples(s: Any, p: Any, o: Any) -> Iterator[tuple[Node, Node, Node]]:
            seen = set()
            for g in graphs:
                for q in self._store.quads_for_pattern(s, p, o, g):
                    t = (from_ox(q.subject), from_ox(q.predicate), from_ox(q.object))
                    if t not in seen:
                        seen.add(t)
                        yield t

        rdf_subject, rdf_predicate, rdf_object = (ox.NamedNode(str(x)) for x in (RDF.subject, RDF.predicate, RDF.object))
        done: set[Node] = set()
        pending = list(graph)
        while pending:
            s, p, o = pending.pop()
            _check_deadline()
            for stmt, _, _ in triples(None, rdf_subject, to_ox(s)):
                if stmt in done:
                    continue
                if any(True for _ in triples(to_ox(stmt), rdf_predicate, to_ox(p))) and any(
                    True for _ in triples(to_ox(stmt), rdf_object, to_ox(o))
                ):
                    done.add(stmt)
                    for t in self._cbd(stmt, triples):
                        if t not in graph:
                            graph.add(t)
                            pending.append(t)

    @staticmethod
    def _cbd(node: Node, triples: Any) -> Iterator[tuple[Node, Node, Node]]:
        todo, seen = [node], set()
        while todo:
            n = todo.pop()
            if n in seen:
                continue
            seen.add(n)
            for t in triples(to_ox(n), None, None):
                yield t
                if isinstance(t[2], BNode):
                    todo.append(t[2])


# --------------------------------------------------------------------------- entailment



def entail(source: Dataset | Graph, *, semantics: str = "owl-rl") -> Graph:
    """The triples RDFS or OWL-RL entailment adds to ``source`` and parkkg's ontology.

    Only what is new and useful comes back: reflexive ``owl:sameAs``/
    ``subClassOf`` triples, ``owl:Thing``/``rdfs:Resource`` types, datatype
    memberships of literals and types that are anonymous class expressions
    are left out.

    Parameters
    ----------
    source : Dataset or Graph
        The data (every graph of a Dataset is used).
    semantics : {"owl-rl", "rdfs"}
        ``owl-rl`` (default) also makes ``pk:cooperatesWith`` symmetric and
        follows ``owl:inverseOf``; ``rdfs`` gives subclass and subproperty
        closure only.

    Examples
    --------
    >>> from graph import api
    >>> from graph.vocab import PK
    >>> ds = api.build_text("广东星河新材料有限公司位于肇庆高新区。").dataset
    >>> inferred = entail(ds)
    >>> (None, RDF.type, PK.Organization) in inferred
    True
    """
    rules = _rules(semantics)
    return bind_prefixes(entail_triples(source, rules=rules))


def _rules(semantics: str) -> Any:
    """parkkg's compiled rules for ``owl-rl`` (all of them) or ``rdfs`` (class and property hierarchy, domains, ranges)."""
    rules = parkkg_rules()
    if semantics == "owl-rl":
        return rules
    if semantics == "rdfs":
        return rules.rdfs_only()
    raise StoreError(f"unknown entailment {semantics!r}; use 'owl-rl' or 'rdfs'")


# --------------------------------------------------------------------------- opening


def _to_dataset(source: Any) -> Dataset:
    if isinstance(source, Dataset):
        return source
    if isinstance(source, Graph):
        ds = Dataset()
        for t in source:
            ds.add(t)
        return ds
    dataset = getattr(source, "dataset", None)
    if isinstance(dataset, Dataset):  # a BuildResult
        return dataset
    raise StoreError(f"cannot open a store from {type(source).__name__}; give a BuildResult, Dataset, Graph or a file path")


def _file_format(path: Path) -> tuple[str, str]:
    fmt = FILE_FORMATS.get(path.suffix.lower())
    if fmt is None:
        raise StoreError(
            f"{path}: unknown graph file type {path.suffix or '(none)'!r}; use one of {', '.join(sorted(FILE_FORMATS))}"
        )
    return fmt


def _syntax_error(path: Path, exc: Exception, ox_format: str) -> StoreError:
    """A StoreError naming the line and column the parser stopped at."""
    args = getattr(exc, "args", ())
    if type(exc).__name__ == "BadSyntax" and len(args) >= 5:
        # rdflib's Turtle/TriG parser: (uri, lines-before, text, index, why)
        text = args[2].decode("utf-8", "replace") if isinstance(args[2], bytes) else str(args[2])
        index = int(args[3])
        line = text.count("\n", 0, index) + 1
        column = index - (text.rfind("\n", 0, index) + 1) + 1
        return StoreError(f"{path}: line {line}, column {column}: {args[4]} (rdflib Turtle parser)")
    located = _oxigraph_locate(path, ox_format)
    if located:
        return StoreError(f"{path}: {located}")
    return StoreError(f"{path}: cannot parse: {exc}")


def _oxigraph_locate(path: Path, ox_format: str) -> str | None:
    import pyoxigraph as ox

    try:
        for _ in ox.parse(path=str(path), format=getattr(ox.RdfFormat, ox_format)):
            pass
    except SyntaxError as exc:
        message = str(exc).split(" (", 1)[0]
        if exc.lineno is not None:
            return f"line {exc.lineno}, column {exc.offset}: {message} (Oxigraph parser)"
        return message
    except (OSError, ValueError) as exc:
        return str(exc)
    return None


def _guarded_dataset() -> Dataset:
    return _bind_dataset(Dataset(store=_GuardedMemory(), default_union=True))


def _bind_dataset(ds: Dataset) -> Dataset:
    return bind_prefixes(ds)


def _read_rdflib(path: Path) -> Dataset:
    fmt, ox_format = _file_format(path)
    if not path.is_file():
        raise StoreError(f"{path}: no such graph file; build one with `parkkg build -o {path.parent}`")
    ds = _guarded_dataset()
    try:
        ds.parse(path, format=fmt)
    except Exception as exc:
        raise _syntax_error(path, exc, ox_format) from None
    return ds


def _copy_into_guarded(source: Dataset) -> Dataset:
    ds = _guarded_dataset()
    default_id = source.default_context.identifier
    for s, p, o, g in source.quads((None, None, None, None)):
        gid = getattr(g, "identifier", g)
        if gid is None or gid == default_id:
            ds.add((s, p, o))
        else:
            ds.graph(gid).add((s, p, o))
    return ds


def _parse_spec(source: Any) -> tuple[str, Any]:
    """('oxigraph', Path) for an ``oxigraph:PATH`` spec, ('file', Path) for a path, ('memory', source) else."""
    if isinstance(source, str) and source.startswith("oxigraph:"):
        return "oxigraph", Path(source[len("oxigraph:") :])
    if isinstance(source, (str, Path)):
        return "file", Path(source)
    return "memory", source


def open_store(
    source: Source,
    *,
    backend: Backend | str | None = None,
    inference: bool = True,
    semantics: str = "owl-rl",
) -> Store:
    """Open a graph for querying.

    Parameters
    ----------
    source : BuildResult, Dataset, Graph, path or ``"oxigraph:PATH"``
        A build (in memory), a graph file (``.ttl``, ``.trig``, ``.nt``,
        ``.nq``) or an on-disk Oxigraph store, opened read-only.
    backend : {"oxigraph", "rdflib"}, optional
        The engine that answers: Oxigraph (default), or rdflib's
        pure-Python engine (slower; for comparison and for rdflib-only
        features).
    inference : bool
        Answer with the entailments of the ontology (default, the same for
        the command line, the endpoint and the API): they are materialised
        once, as the named graph :data:`INFERRED_GRAPH`, when the store is
        opened (see :mod:`graph.rdf.entail`). An on-disk store carries them
        from when it was written (:func:`write_oxigraph`); with
        ``inference=False`` that graph is left out of every answer.
    semantics : {"owl-rl", "rdfs"}
        Which entailment ``inference`` adds.

    Raises
    ------
    StoreError
        The file is missing, of an unknown type or malformed (the message
        gives the line and column), or the on-disk store cannot be opened,
        or it was written without entailments and ``inference`` is asked.

    Examples
    --------
    >>> from graph import api
    >>> store = open_store(api.build_text("广东星河新材料有限公司位于肇庆高新区。"))
    >>> store.query("SELECT ?e WHERE { ?e a pk:Enterprise }").rows[0][0].endswith("广东星河新材料有限公司")
    True
    >>> store.query("ASK { ?e a pk:Organization }").boolean  # entailed: an enterprise is an organization
    True
    """
    kind, value = _parse_spec(source)
    chosen = Backend(backend) if backend is not None else Backend.OXIGRAPH
    if kind == "oxigraph":
        import pyoxigraph as ox

        disk = _open_oxigraph_dir(value)
        holds_entailments = disk.contains_named_graph(ox.NamedNode(str(INFERRED_GRAPH)))
        if inference and not holds_entailments:
            raise StoreError(
                f"oxigraph:{value} was written without entailments, so it cannot answer with inference; "
                "write it again with graph.sparql.store.write_oxigraph() or `parkkg build --store`, "
                "or query it with inference off (--no-inference)"
            )
        if chosen is Backend.OXIGRAPH:
            return OxigraphStore(disk, inference=inference, path=value)
        ds = _guarded_dataset()
        read = term_reader()
        for q in disk.quads_for_pattern(None, None, None, None):
            g = read(q.graph_name)
            if g == INFERRED_GRAPH and not inference:
                continue
            triple = (read(q.subject), read(q.predicate), read(q.object))
            (ds.graph(g) if g is not None else ds).add(triple)
        return RdflibStore(ds, inference=inference)
    if kind == "file":
        if chosen is Backend.RDFLIB:
            return _finish_rdflib(_read_rdflib(value), inference, semantics)
        return _oxigraph_from_file(value, inference, semantics)
    dataset = _to_dataset(value)
    if chosen is Backend.RDFLIB:
        return _finish_rdflib(_copy_into_guarded(dataset), inference, semantics)
    return _oxigraph_from_dataset(dataset, inference, semantics)


def _finish_rdflib(ds: Dataset, inference: bool, semantics: str) -> RdflibStore:
    if inference:
        target = ds.graph(INFERRED_GRAPH)
        for t in entail(ds, semantics=semantics):
            target.add(t)
    return RdflibStore(ds, inference=inference)


def _open_oxigraph_dir(path: Path) -> Any:
    import pyoxigraph as ox

    if not path.is_dir():
        raise StoreError(f"oxigraph:{path}: no such store directory; create one with graph.sparql.store.write_oxigraph()")
    try:
        return ox.Store.read_only(str(path))
    except OSError as exc:
        raise StoreError(f"oxigraph:{path}: cannot open the store read-only: {exc}") from None


def _oxigraph_from_dataset(ds: Dataset, inference: bool, semantics: str) -> OxigraphStore:
    import pyoxigraph as ox

    store = ox.Store()
    store.extend(quads_to_ox(dataset_quads(ds)))
    if inference:
        materialise(store, rules=_rules(semantics))
    return OxigraphStore(store, inference=inference)


def _oxigraph_from_file(path: Path, inference: bool, semantics: str) -> OxigraphStore:
    import pyoxigraph as ox

    _, ox_format = _file_format(path)
    if not path.is_file():
        raise StoreError(f"{path}: no such graph file; build one with `parkkg build -o {path.parent}`")
    store = ox.Store()
    try:
        store.load(path=str(path), format=getattr(ox.RdfFormat, ox_format))
    except SyntaxError as exc:
        message = str(exc).split(" (", 1)[0]
        raise StoreError(f"{path}: line {exc.lineno}, column {exc.offset}: {message} (Oxigraph parser)") from None
    except (OSError, ValueError) as exc:
        raise StoreError(f"{path}: cannot read: {exc}") from None
    if inference:
        materialise(store, rules=_rules(semantics))
    return OxigraphStore(store, inference=inference)


def _is_oxigraph_dir(path: Path) -> bool:
    """True if ``path`` looks like an Oxigraph (RocksDB) store directory."""
    return path.is_dir() and (path / "CURRENT").is_file() and any(path.glob("MANIFEST-*"))


def write_oxigraph(source: Source, path: str | Path, *, replace: bool = False, inference: bool = True) -> Path:
    """Write ``source`` (a build, Dataset, Graph or graph file) as an on-disk
    Oxigraph store at ``path``, for ``open_store("oxigraph:PATH")`` and
    ``parkkg query --store``. Named graphs are kept.

    Parameters
    ----------
    source : BuildResult, Dataset, Graph or path
        A graph file (``.ttl``, ``.trig``, ``.nt``, ``.nq``) is read by
        Oxigraph's own parser straight into the store (fast, and the file
        is never held in memory).
    path : path
        A new or empty directory.
    replace : bool
        If ``path`` already holds an Oxigraph store, replace it. Either way
        the store is written to a folder beside ``path`` and moved into
        place only when complete, so a failed write leaves ``path`` as it
        was. Other non-empty directories are always refused.
    inference : bool
        Materialise the ontology's entailments into :data:`INFERRED_GRAPH`
        (default), so the store answers like every other parkkg store.

    Raises
    ------
    StoreError
        ``path`` is taken, the file is missing or malformed (line and
        column given), or the store cannot be written.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> from graph import api
    >>> d = pathlib.Path(tempfile.mkdtemp()) / "store"
    >>> _ = write_oxigraph(api.build_text("广东星河新材料有限公司位于肇庆高新区。"), d)
    >>> with open_store(f"oxigraph:{d}") as s:
    ...     s.query("ASK { ?e a pk:Enterprise }").boolean
    True
    >>> _ = write_oxigraph(api.build_text("岭南大学位于肇庆高新区。"), d, replace=True)
    >>> with open_store(f"oxigraph:{d}") as s:
    ...     s.query("ASK { ?e a pk:Enterprise }").boolean
    False
    """
    import pyoxigraph as ox

    kind, value = _parse_spec(source)
    if kind == "oxigraph":
        raise StoreError("write_oxigraph copies a graph into a new store; give a build, Dataset or graph file")
    if kind == "file":
        _, ox_format = _file_format(value)
        if not value.is_file():
            raise StoreError(f"{value}: no such graph file; build one with `parkkg build -o {value.parent}`")
        try:
            return _write_staged(
                path, replace, lambda store: store.bulk_load(path=str(value), format=getattr(ox.RdfFormat, ox_format)), inference
            )
        except SyntaxError as exc:
            message = str(exc).split(" (", 1)[0]
            where = f"line {exc.lineno}, column {exc.offset}: " if exc.lineno is not None else ""
            raise StoreError(f"{value}: {where}{message} (Oxigraph parser)") from None
    ds = _to_dataset(value)
    return _write_staged(path, replace, lambda store: store.bulk_extend(quads_to_ox(dataset_quads(ds))), inference)


def write_oxigraph_pieces(
    pieces: Iterable[Dataset | Graph | Sequence[tuple[Node, Node, Node, Node | None]] | bytes],
    path: str | Path,
    *,
    replace: bool = False,
    inference: bool = True,
) -> Path:
    """Write a graph given in pieces as an on-disk Oxigraph store at
    ``path``, holding one piece in memory at a time. Same contract as
    :func:`write_oxigraph`: the store is written beside ``path`` and moved
    into place only when every piece is in.

    A piece is a Dataset, a Graph (its triples go to the default graph), a
    list of quads ``(s, p, o, graph)`` (:class:`graph.rdf.mapping.QuadSink`)
    or UTF-8 N-Quads as bytes (:func:`graph.rdf.mapping.iter_nquads`).

    Examples
    --------
    >>> import tempfile, pathlib
    >>> from rdflib import Graph, URIRef
    >>> d = pathlib.Path(tempfile.mkdtemp()) / "store"
    >>> pieces = []
    >>> for i in range(3):
    ...     g = Graph()
    ...     _ = g.add((URIRef(f"urn:x:{i}"), URIRef("urn:x:p"), URIRef("urn:x:o")))
    ...     pieces.append(g)
    >>> with open_store(f"oxigraph:{write_oxigraph_pieces(pieces, d, inference=False)}", inference=False) as s:
    ...     len(s)
    3

    With ``inference`` (the default) the store also holds the ontology's
    entailments in :data:`INFERRED_GRAPH`; here only the closure of the
    ontology's own class hierarchy, since the pieces use none of its terms.
    """
    import pyoxigraph as ox

    def fill(store: Any) -> None:
        for piece in pieces:
            if isinstance(piece, bytes):
                store.bulk_load(piece, format=ox.RdfFormat.N_QUADS)
                continue
            quads = dataset_quads(_to_dataset(piece)) if isinstance(piece, Graph) else piece
            store.bulk_extend(quads_to_ox(quads))

    return _write_staged(path, replace, fill, inference)


def _write_staged(path: str | Path, replace: bool, fill: Callable[[Any], None], inference: bool = True) -> Path:
    """Create an Oxigraph store beside ``path``, ``fill`` it (and add the entailments), then move it into place."""
    import os
    import shutil

    import pyoxigraph as ox

    target = Path(path)
    if target.exists() and (not target.is_dir() or any(target.iterdir())):
        if not (replace and _is_oxigraph_dir(target)):
            hint = "choose a new path" if replace else "choose a new path (or replace an existing store)"
            raise StoreError(f"oxigraph:{target}: exists and is not an empty directory; {hint}")
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = target.with_name(f".{target.name}.new-{os.getpid()}")
    shutil.rmtree(staging, ignore_errors=True)
    try:
        store = ox.Store(str(staging))
        fill(store)
        store.flush()
        if inference:
            materialise(store)
            store.flush()
        del store
    except (OSError, ValueError) as exc:
        shutil.rmtree(staging, ignore_errors=True)
        raise StoreError(f"oxigraph:{target}: cannot write the store: {exc}") from None
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    old = target.with_name(f".{target.name}.old-{os.getpid()}")
    if target.exists():
        target.rename(old)
    staging.rename(target)
    shutil.rmtree(old, ignore_errors=True)
    return target
