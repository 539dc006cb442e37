"""Named SPARQL queries, and running a query into rows, a DataFrame or a file format.

The library is ``graph/queries/*.rq``: each file is one research question
and begins with ``# title:`` and ``# description:`` comment lines.

>>> names = [q.name for q in list_queries()]
>>> "industrial-output-trend" in names
True
>>> from graph import api
>>> r = run_query("SELECT ?e WHERE { ?e pk:locatedIn ?park }", api.build_text("广东星河新材料有限公司位于肇庆高新区。"))
>>> [row["e"] for row in r.records()]
['https://w3id.org/parkkg/id/广东星河新材料有限公司']
"""

from __future__ import annotations

import csv
import difflib
import enum
import io
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any
from xml.etree import ElementTree as ET

from rdflib import BNode, Literal, URIRef
from rdflib.term import Node

from graph.errors import QueryError
from graph.rdf.files import DEFAULT_GRAPH_FILE, RdfFormat
from graph.sparql.store import (
    Backend,
    QueryRefused,
    QueryResult,
    QuerySyntaxError,
    QueryTimeout,
    Source,
    Store,
    open_store,
    outline_query,
)
from graph.vocab import PREFIXES

if TYPE_CHECKING:  # pragma: no cover
    import pandas

__all__ = [
    "NamedQuery",
    "ResultFormat",
    "QueryResult",
    "QueryError",
    "QuerySyntaxError",
    "QueryRefused",
    "QueryTimeout",
    "queries_dir",
    "list_queries",
    "load_query",
    "resolve_query",
    "default_source",
    "run_query",
    "dataframe",
    "serialize_result",
    "render_table",
    "compact",
]


class ResultFormat(enum.Enum):
    """Formats a result can be written in (value: the name the CLI takes)."""

    TABLE = "table"
    CSV = "csv"
    TSV = "tsv"
    JSON = "json"
    XML = "xml"
    TURTLE = "turtle"
    NTRIPLES = "ntriples"
    JSONLD = "jsonld"
    RDFXML = "rdfxml"

    @classmethod
    def _missing_(cls, value: object) -> ResultFormat | None:
        """The RDF formats also by their older spellings (``nt``, ``json-ld``, ``rdf-xml``)."""
        try:
            return cls(RdfFormat.parse(str(value)).value)
        except ValueError:
            return None

    @property
    def media_type(self) -> str:
        """The IANA media type the SPARQL protocol uses for this format."""
        return _MEDIA_TYPES[self]

    @property
    def for_graphs(self) -> bool:
        """True for the RDF formats (CONSTRUCT and DESCRIBE results)."""
        return self in (ResultFormat.TURTLE, ResultFormat.NTRIPLES, ResultFormat.JSONLD, ResultFormat.RDFXML)

    def accepts(self, result: QueryResult) -> bool:
        """Whether a result of this kind can be written in this format."""
        if self is ResultFormat.TABLE:
            return True
        if result.is_graph:
            return self.for_graphs
        if result.kind == "ASK":
            return self in (ResultFormat.JSON, ResultFormat.XML, ResultFormat.CSV, ResultFormat.TSV)
        return not self.for_graphs


_MEDIA_TYPES = {
    ResultFormat.TABLE: "text/plain; charset=utf-8",
    ResultFormat.CSV: "text/csv; charset=utf-8",
    ResultFormat.TSV: "text/tab-separated-values; charset=utf-8",
    ResultFormat.JSON: "application/sparql-results+json",
    ResultFormat.XML: "application/sparql-results+xml",
    ResultFormat.TURTLE: "text/turtle; charset=utf-8",
    **{ResultFormat(f.value): f.media_type for f in (RdfFormat.NTRIPLES, RdfFormat.JSONLD, RdfFormat.RDFXML)},
}


# --------------------------------------------------------------------------- the library


@dataclass(frozen=True)
class NamedQuery:
    """A research question from the library: its name, words and SPARQL."""

    name: str
    title: str
    description: str
    text: str
    path: Path

    @property
    def kind(self) -> str:
        """SELECT, ASK, CONSTRUCT or DESCRIBE."""
        return outline_query(self.text).kind


def queries_dir() -> Path:
    """Folder of the bundled ``.rq`` files (installed as package data)."""
    return Path(__file__).resolve().parent / "queries"


def _header(text: str, path: Path) -> tuple[str, str]:
    fields: dict[str, list[str]] = {}
    current: str | None = None
    for line in text.splitlines():
        stripped = line.strip()
        if not stripped.startswith("#"):
            break
        body = stripped[1:].strip()
        key, sep, value = body.partition(":")
        if sep and key in ("title", "description"):
            current = key
            fields[key] = [value.strip()]
        elif current and body and line.startswith("#  "):
            fields[current].append(body)
        else:
            current = None
    if "title" not in fields or "description" not in fields:
        raise QueryError(f"{path}: a library query must begin with '# title:' and '# description:' lines")
    return " ".join(fields["title"]), " ".join(fields["description"])


@lru_cache(maxsize=1)
def _library() -> dict[str, NamedQuery]:
    found: dict[str, NamedQuery] = {}
    for path in sorted(queries_dir().glob("*.rq")):
        text = path.read_text(encoding="utf-8")
        title, description = _header(text, path)
        found[path.stem] = NamedQuery(path.stem, title, description, text, path)
    return found


def list_queries() -> list[NamedQuery]:
    """The library's questions, sorted by name."""
    return list(_library().values())


def load_query(name: str) -> NamedQuery:
    """One named query.

    Raises
    ------
    QueryError
        No query has that name; the message suggests close names.

    Examples
    --------
    >>> load_query("people-and-roles").title
    'People and their roles'
    """
    key = name[:-3] if name.endswith(".rq") else name
    lib = _library()
    if key in lib:
        return lib[key]
    close = difflib.get_close_matches(key, list(lib), n=3)
    hint = f"; did you mean {', '.join(close)}?" if close else ""
    raise QueryError(f"no query named {name!r} in the library{hint} (`parkkg query --list` shows them)")


_SPARQL_START = re.compile(
    r"\s*(PREFIX|BASE|SELECT|ASK|CONSTRUCT|DESCRIBE|INSERT|DELETE|CLEAR|DROP|LOAD|CREATE|ADD|MOVE|COPY|WITH)\s", re.IGNORECASE
)


def resolve_query(spec: str) -> str:
    """The SPARQL text for ``spec``: a file, a library name, or inline SPARQL.

    Examples
    --------
    >>> resolve_query("ASK { ?s ?p ?o }")
    'ASK { ?s ?p ?o }'
    >>> resolve_query("people-and-roles").startswith("# title:")
    True
    """
    if "{" in spec or "\n" in spec or _SPARQL_START.match(spec):
        return spec
    path = Path(spec)
    if path.is_file():
        try:
            return path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise QueryError(f"{path}: cannot read the query file: {exc}") from None
    if path.suffix == ".rq" and (len(path.parts) > 1 or not (queries_dir() / path.name).exists()):
        raise QueryError(f"{path}: no such query file")
    return load_query(spec).text


def default_source() -> Path:
    """The graph a query asks when given none: ``out/parkkg.ttl``.

    Raises
    ------
    QueryError
        There is no ``out/parkkg.ttl``: run ``parkkg build`` first, or pass
        a source (``api.build()``, a Dataset or a graph file).
    """
    if DEFAULT_GRAPH_FILE.is_file():
        return DEFAULT_GRAPH_FILE
    raise QueryError(
        f"no {DEFAULT_GRAPH_FILE} to query; run `parkkg build` first or pass a source (api.build(), a Dataset or a graph file)"
    )


# --------------------------------------------------------------------------- running


def run_query(
    query: str,
    source: Store | Source | None = None,
    *,
    inference: bool = True,
    backend: Backend | str | None = None,
    timeout: float | None = None,
    max_results: int | None = None,
) -> QueryResult:
    """Run a query (inline SPARQL, a ``.rq`` file or a library name).

    Parameters
    ----------
    query : str
        What :func:`resolve_query` accepts.
    source : Store, BuildResult, Dataset, Graph, path or ``oxigraph:PATH``, optional
        A :class:`~graph.sparql.store.Store` is used as it is (reuse one for many
        queries); anything else is opened with
        :func:`~graph.sparql.store.open_store`. Default: :func:`default_source`.
    inference, backend
        Passed to :func:`~graph.sparql.store.open_store` when ``source`` is not a Store.
    timeout, max_results
        Limits, as in :meth:`~graph.sparql.store.Store.query`.

    Raises
    ------
    QueryError
        Unknown name, malformed query (:class:`QuerySyntaxError`, with line
        and column), refused query, time limit.
    """
    text = resolve_query(query)
    if isinstance(source, Store):
        return source.query(text, timeout=timeout, max_results=max_results)
    store = open_store(default_source() if source is None else source, backend=backend, inference=inference)
    try:
        return store.query(text, timeout=timeout, max_results=max_results)
    finally:
        store.close()


def dataframe(query: str, source: Store | Source | None = None, **kwargs: Any) -> pandas.DataFrame:
    """:func:`run_query` straight into a pandas DataFrame (Python values).

    Examples
    --------
    >>> from graph import api
    >>> df = dataframe("SELECT ?e WHERE { ?e a pk:Enterprise }", api.build_text("广东星河新材料有限公司位于肇庆高新区。"))
    >>> list(df.columns), len(df)
    (['e'], 1)
    """
    return run_query(query, source, **kwargs).to_dataframe()


# --------------------------------------------------------------------------- formats

_BY_LENGTH = sorted(PREFIXES.items(), key=lambda kv: -len(kv[1]))


def compact(term: Node | None) -> str:
    """A short, readable form of a term for tables: ``pkr:名称``, lexical values.

    Examples
    --------
    >>> compact(URIRef("https://w3id.org/parkkg/ontology#Enterprise"))
    'pk:Enterprise'
    >>> compact(Literal("清远", lang="zh"))
    '清远'
    """
    if term is None:
        return ""
    if isinstance(term, URIRef):
        s = str(term)
        for prefix, ns in _BY_LENGTH:
            if s.startswith(ns) and len(s) > len(ns):
                return f"{prefix}:{s[len(ns):]}"
        return f"<{s}>"
    if isinstance(term, BNode):
        return f"_:{term}"
    return str(term)


def _table_rows(result: QueryResult) -> tuple[list[str], list[list[str]]]:
    if result.is_graph:
        return ["subject", "predicate", "object"], [[compact(t) for t in row] for row in result]
    if result.kind == "ASK":
        return ["boolean"], [["true" if result.boolean else "false"]]
    return list(result.vars), [[compact(t) for t in row] for row in result.rows]


def render_table(result: QueryResult, *, width: int | None = None) -> str:
    """The result as an aligned text table (rich), with a row count below."""
    from rich import box
    from rich.console import Console
    from rich.table import Table

    header, rows = _table_rows(result)
    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False)
    for name in header:
        table.add_column(name, overflow="fold")
    for row in rows:
        table.add_row(*row)
    buf = io.StringIO()
    console = Console(file=buf, width=width or 200, force_terminal=False, color_system=None, soft_wrap=False)
    console.print(table)
    noun = "triple" if result.is_graph else "row"
    count = len(rows)
    note = f"{count} {noun}{'' if count == 1 else 's'}" + (" (truncated by the result limit)" if result.truncated else "")
    return buf.getvalue().rstrip() + "\n" + note + "\n"


def _csv_value(term: Node | None) -> str:
    if term is None:
        return ""
    if isinstance(term, BNode):
        return f"_:{term}"
    return str(term)


def _escape_nt(s: str) -> str:
    return (
        s.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t")
    )


def _nt(term: Node | None) -> str:
    """A term in N-Triples syntax (TSV cells)."""
    if term is None:
        return ""
    if isinstance(term, URIRef):
        return f"<{term}>"
    if isinstance(term, BNode):
        return f"_:{term}"
    lit: Literal = term  # type: ignore[assignment]
    body = f'"{_escape_nt(str(lit))}"'
    if lit.language:
        return f"{body}@{lit.language}"
    if lit.datatype is not None:
        return f"{body}^^<{lit.datatype}>"
    return body


def _json_term(term: Node) -> dict[str, str]:
    if isinstance(term, URIRef):
        return {"type": "uri", "value": str(term)}
    if isinstance(term, BNode):
        return {"type": "bnode", "value": str(term)}
    lit: Literal = term  # type: ignore[assignment]
    out = {"type": "literal", "value": str(lit)}
    if lit.language:
        out["xml:lang"] = lit.language
    elif lit.datatype is not None:
        out["datatype"] = str(lit.datatype)
    return out


def _results_json(result: QueryResult) -> bytes:
    if result.kind == "ASK":
        doc: dict[str, Any] = {"head": {}, "boolean": bool(result.boolean)}
    else:
        bindings = [
            {name: _json_term(t) for name, t in zip(result.vars, row) if t is not None} for row in result.rows
        ]
        doc = {"head": {"vars": list(result.vars)}, "results": {"bindings": bindings}}
    return (json.dumps(doc, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


_SRX = "http://www.w3.org/2005/sparql-results#"
_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def _results_xml(result: QueryResult) -> bytes:
    ET.register_namespace("", _SRX)
    root = ET.Element(f"{{{_SRX}}}sparql")
    head = ET.SubElement(root, f"{{{_SRX}}}head")
    if result.kind == "ASK":
        ET.SubElement(root, f"{{{_SRX}}}boolean").text = "true" if result.boolean else "false"
    else:
        for name in result.vars:
            ET.SubElement(head, f"{{{_SRX}}}variable", name=name)
        results = ET.SubElement(root, f"{{{_SRX}}}results")
        for row in result.rows:
            r = ET.SubElement(results, f"{{{_SRX}}}result")
            for name, term in zip(result.vars, row):
                if term is None:
                    continue
                b = ET.SubElement(r, f"{{{_SRX}}}binding", name=name)
                if isinstance(term, URIRef):
                    ET.SubElement(b, f"{{{_SRX}}}uri").text = str(term)
                elif isinstance(term, BNode):
                    ET.SubElement(b, f"{{{_SRX}}}bnode").text = str(term)
                else:
                    el = ET.SubElement(b, f"{{{_SRX}}}literal")
                    el.text = str(term)
                    if term.language:
                        el.set(_XML_LANG, term.language)
                    elif term.datatype is not None:
                        el.set("datatype", str(term.datatype))
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)


def _results_csv(result: QueryResult) -> bytes:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    if result.kind == "ASK":
        writer.writerow(["boolean"])
        writer.writerow(["true" if result.boolean else "false"])
    else:
        writer.writerow(result.vars)
        for row in result.rows:
            writer.writerow([_csv_value(t) for t in row])
    return buf.getvalue().encode("utf-8")


def _results_tsv(result: QueryResult) -> bytes:
    if result.kind == "ASK":
        lines = ["?boolean", "true" if result.boolean else "false"]
    else:
        lines = ["\t".join(f"?{v}" for v in result.vars)]
        lines += ["\t".join(_nt(t) for t in row) for row in result.rows]
    return ("\n".join(lines) + "\n").encode("utf-8")


def serialize_result(result: QueryResult, fmt: ResultFormat | str = ResultFormat.JSON) -> bytes:
    """Write a result in ``fmt`` (UTF-8 bytes).

    SELECT and ASK: ``json`` (SPARQL 1.1 Query Results JSON), ``xml``,
    ``csv``, ``tsv``, ``table``. CONSTRUCT and DESCRIBE: ``turtle``, ``ntriples``,
    ``jsonld``, ``rdfxml``, ``table`` (the older ``nt``, ``json-ld``, ``rdf-xml`` too).

    Raises
    ------
    QueryError
        The format does not fit the kind of result.

    Examples
    --------
    >>> r = QueryResult("ASK", boolean=True)
    >>> serialize_result(r, "json")
    b'{\\n "head": {},\\n "boolean": true\\n}\\n'
    """
    fmt = ResultFormat(fmt)
    if not fmt.accepts(result):
        if result.is_graph:
            raise QueryError(f"a {result.kind} result is a graph: use --format turtle, ntriples, jsonld, rdfxml or table, not {fmt.value}")
        raise QueryError(f"a {result.kind} result is a table: use --format table, csv, tsv, json or xml, not {fmt.value}")
    if fmt is ResultFormat.TABLE:
        return render_table(result).encode("utf-8")
    if fmt is ResultFormat.JSON:
        return _results_json(result)
    if fmt is ResultFormat.XML:
        return _results_xml(result)
    if fmt is ResultFormat.CSV:
        return _results_csv(result)
    if fmt is ResultFormat.TSV:
        return _results_tsv(result)
    assert result.graph is not None
    if fmt is ResultFormat.NTRIPLES:
        return "".join(sorted(f"{_nt(s)} {_nt(p)} {_nt(o)} .\n" for s, p, o in result.graph)).encode("utf-8")
    return result.graph.serialize(format=RdfFormat(fmt.value).rdflib_name, encoding="utf-8")


def format_names(kinds: Sequence[ResultFormat] = tuple(ResultFormat)) -> list[str]:
    """The names ``--format`` takes."""
    return [f.value for f in kinds]
