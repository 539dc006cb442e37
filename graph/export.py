"""Stage 9, export: write the graph in formats other systems take, atomically.

Every file is written to a temporary file beside the target and renamed
into place, so a crash or Ctrl-C never leaves a half-written output.

Every format is deterministic: the same graph gives the same bytes, in any
process and under any ``PYTHONHASHSEED``. Blank nodes (only the ontology
has them; parkkg's data names every node with an IRI) get content-derived
labels (:func:`rdflib.compare.to_canonical_graph`) and triples are written
in sorted order.

Formats (:class:`ExportFormat`):

========  ==================================================================
turtle    the union of all graphs, prefixes, grouped by subject, sorted
ntriples  the union, one sorted triple a line
nquads    one sorted quad a line; each document's provenance graph is kept
trig      Turtle per named graph (data, ontology, one provenance graph per document)
jsonld    the union, compacted with ``ontology/context.jsonld`` (embedded, never fetched)
rdfxml    the union as RDF/XML
graphml   a network of :mod:`graph.networks` (all entities, the chain-leader
          view or the partnership view) with labels, classes and measures
gexf      the same network for Gephi
csv       ``nodes.csv`` and ``edges.csv`` of the same network, with labels;
          a cell a spreadsheet would run as a formula gets a leading ``'``
========  ==================================================================

A Turtle file holds the union of the graphs only; :func:`split_union` puts
each triple back into its graph following ``docs/design.md``, so TriG and
N-Quads made from ``out/parkkg.ttl`` keep the provenance graphs apart.
"""

from __future__ import annotations

import csv
import enum
import io
import json
import os
import re
import tempfile
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rdflib import RDF, RDFS, SKOS, XSD, BNode, Dataset, Graph, Literal, URIRef
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID
from rdflib.namespace import PROV

from ._resources import ontology_dir
from .errors import StoreError
from .vocab import DATA_GRAPH, ONTOLOGY_GRAPH, ONTOLOGY_IRI, PK, PKC, PKD, PREFIXES

if TYPE_CHECKING:  # pragma: no cover
    import networkx as nx

__all__ = [
    "RdfFormat",
    "ExportFormat",
    "write_atomic",
    "union_graph",
    "select_graphs",
    "canonical_dataset",
    "split_union",
    "load_dataset",
    "load_context",
    "serialize",
    "write_turtle",
    "network",
    "NETWORK_VIEWS",
    "csv_cell",
    "export",
    "ExportResult",
    "is_provenance_graph",
]


class RdfFormat(enum.Enum):
    """RDF serialisations parkkg writes (value: rdflib's format name)."""

    TURTLE = "turtle"
    NTRIPLES = "nt"
    NQUADS = "nquads"
    TRIG = "trig"
    JSONLD = "json-ld"
    RDFXML = "xml"

    @property
    def is_quads(self) -> bool:
        return self in (RdfFormat.NQUADS, RdfFormat.TRIG)


class ExportFormat(str, enum.Enum):
    """Every format ``parkkg export --format`` writes (value: the CLI name).

    Examples
    --------
    >>> ExportFormat("jsonld").rdf
    <RdfFormat.JSONLD: 'json-ld'>
    >>> ExportFormat.GEXF.rdf is None, ExportFormat.GEXF.suffix
    (True, '.gexf')
    """

    TURTLE = "turtle"
    NTRIPLES = "ntriples"
    NQUADS = "nquads"
    TRIG = "trig"
    JSONLD = "jsonld"
    RDFXML = "rdfxml"
    GRAPHML = "graphml"
    GEXF = "gexf"
    CSV = "csv"

    @property
    def rdf(self) -> RdfFormat | None:
        """The RDF serialisation, or None for the network and table formats."""
        return _RDF_OF.get(self)

    @property
    def suffix(self) -> str:
        """The usual file name suffix (``csv`` writes a folder)."""
        return _SUFFIX[self]

    @property
    def media_type(self) -> str:
        return _MEDIA[self]


_RDF_OF = {
    ExportFormat.TURTLE: RdfFormat.TURTLE,
    ExportFormat.NTRIPLES: RdfFormat.NTRIPLES,
    ExportFormat.NQUADS: RdfFormat.NQUADS,
    ExportFormat.TRIG: RdfFormat.TRIG,
    ExportFormat.JSONLD: RdfFormat.JSONLD,
    ExportFormat.RDFXML: RdfFormat.RDFXML,
}
_SUFFIX = {
    ExportFormat.TURTLE: ".ttl",
    ExportFormat.NTRIPLES: ".nt",
    ExportFormat.NQUADS: ".nq",
    ExportFormat.TRIG: ".trig",
    ExportFormat.JSONLD: ".jsonld",
    ExportFormat.RDFXML: ".rdf",
    ExportFormat.GRAPHML: ".graphml",
    ExportFormat.GEXF: ".gexf",
    ExportFormat.CSV: "",
}
_MEDIA = {
    ExportFormat.TURTLE: "text/turtle",
    ExportFormat.NTRIPLES: "application/n-triples",
    ExportFormat.NQUADS: "application/n-quads",
    ExportFormat.TRIG: "application/trig",
    ExportFormat.JSONLD: "application/ld+json",
    ExportFormat.RDFXML: "application/rdf+xml",
    ExportFormat.GRAPHML: "application/graphml+xml",
    ExportFormat.GEXF: "application/gexf+xml",
    ExportFormat.CSV: "text/csv",
}


# --------------------------------------------------------------------------- files


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def write_atomic(path: str | Path, write: Callable[[Path], None]) -> Path:
    """Call ``write(tmp)`` on a temporary path, then rename it to ``path``.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> d = pathlib.Path(tempfile.mkdtemp())
    >>> write_atomic(d / "a.txt", lambda p: p.write_text("ok")).read_text()
    'ok'
    """
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    os.close(fd)
    tmp_path = Path(tmp)
    try:
        write(tmp_path)
        os.chmod(tmp_path, 0o666 & ~_umask())  # mkstemp makes 0600; give the usual mode
        os.replace(tmp_path, target)
    except BaseException:
        tmp_path.unlink(missing_ok=True)
        raise
    return target


# --------------------------------------------------------------------------- graphs


_EXTRA_PREFIXES = {
    "void": "http://rdfs.org/ns/void#",
    "dcat": "http://www.w3.org/ns/dcat#",
    "sd": "http://www.w3.org/ns/sparql-service-description#",
}


def _bind(g: Graph) -> None:
    for prefix, ns in {**PREFIXES, **_EXTRA_PREFIXES}.items():
        g.bind(prefix, ns, override=True, replace=True)


def is_provenance_graph(identifier: object) -> bool:
    """True for a document's provenance graph ``pkd:<doc>/provenance``.

    Examples
    --------
    >>> from graph.vocab import provenance_graph_iri, DATA_GRAPH
    >>> is_provenance_graph(provenance_graph_iri("0a1b")), is_provenance_graph(DATA_GRAPH)
    (True, False)
    """
    text = str(identifier)
    return text.startswith(str(PKD)) and text.endswith("/provenance")


def union_graph(ds: Dataset | Graph) -> Graph:
    """All triples of a Dataset as one Graph, with parkkg's prefixes bound."""
    g = Graph()
    _bind(g)
    if isinstance(ds, Dataset):
        for s, p, o, _ in ds.quads((None, None, None, None)):
            g.add((s, p, o))
    else:
        for t in ds:
            g.add(t)
    return g


def _graphs(ds: Dataset | Graph) -> list[tuple[URIRef, Graph]]:
    """(identifier, graph) of every non-empty graph, sorted by identifier."""
    if not isinstance(ds, Dataset):
        return [(DATASET_DEFAULT_GRAPH_ID, ds)] if len(ds) else []
    out = [(g.identifier, g) for g in ds.graphs() if len(g)]
    return sorted(out, key=lambda kv: (kv[0] != DATASET_DEFAULT_GRAPH_ID, str(kv[0])))


def _keep(identifier: object, *, provenance: bool, ontology: bool) -> bool:
    if not provenance and is_provenance_graph(identifier):
        return False
    if not ontology and identifier == ONTOLOGY_GRAPH:
        return False
    return True


def select_graphs(ds: Dataset | Graph, *, provenance: bool = True, ontology: bool = True) -> Dataset:
    """A new Dataset with the chosen graphs of ``ds`` (same triples, same graph names).

    Parameters
    ----------
    provenance : bool
        Keep the per-document provenance graphs (``pkd:<doc>/provenance``).
    ontology : bool
        Keep the ontology graph.

    Examples
    --------
    >>> from graph import api
    >>> ds = api.build_text("广东星河新材料有限公司位于肇庆高新区。", validate=False).dataset
    >>> len(select_graphs(ds, provenance=False)) < len(ds)
    True
    """
    out = Dataset()
    _bind(out)
    for gid, g in _graphs(ds):
        if _keep(gid, provenance=provenance, ontology=ontology):
            target = out.graph(gid) if gid != DATASET_DEFAULT_GRAPH_ID else out.default_context
            for t in g:
                target.add(t)
    return out


def _key(t: Sequence[Any]) -> tuple[str, ...]:
    return tuple(x.n3() for x in t)


def _canonical_triples(g: Graph) -> list[tuple[Any, Any, Any]]:
    from rdflib.compare import to_canonical_graph

    triples = list(g)
    if any(isinstance(x, BNode) for t in triples for x in t):
        triples = list(to_canonical_graph(g))
    return sorted(triples, key=_key)


def canonical_dataset(ds: Dataset | Graph, *, provenance: bool = True, ontology: bool = True) -> Dataset:
    """The chosen graphs with content-derived blank node labels, filled in sorted order.

    Serialising the result gives the same bytes however ``ds`` was made.
    A blank node shared by two named graphs is relabelled per graph
    (parkkg's own graphs share none).
    """
    out = Dataset()
    _bind(out)
    for gid, g in _graphs(ds):
        if not _keep(gid, provenance=provenance, ontology=ontology):
            continue
        target = out.default_context if gid == DATASET_DEFAULT_GRAPH_ID else out.graph(gid)
        for t in _canonical_triples(g):
            target.add(t)
    return out


def _sorted_union(ds: Dataset) -> Graph:
    g = Graph()
    _bind(g)
    for t in sorted({(s, p, o) for s, p, o, _ in ds.quads((None, None, None, None))}, key=_key):
        g.add(t)
    return g


# --------------------------------------------------------------------------- reading


@lru_cache(maxsize=1)
def _ontology_triples() -> frozenset[tuple[Any, Any, Any]]:
    g = Graph()
    g.parse(ontology_dir() / "parkkg.ttl", format="turtle")
    return frozenset(_onto_key(t) for t in g if not isinstance(t[0], BNode))


def _onto_key(t: tuple[Any, Any, Any]) -> tuple[Any, Any, Any]:
    return (t[0], t[1], None if isinstance(t[2], BNode) else t[2])


def _doc_of(term: object) -> str | None:
    text = str(term)
    if isinstance(term, URIRef) and text.startswith(str(PKD)):
        rest = text[len(str(PKD)) :]
        return rest.split("/", 1)[0] or None
    return None


def split_union(graph: Graph) -> Dataset:
    """Put each triple of a union graph (``parkkg.ttl``) back into its named graph.

    The rules follow ``docs/design.md``:

    * if the union holds the ontology (``<https://w3id.org/parkkg/ontology>
      a owl:Ontology``), a triple of the bundled ontology goes to the
      ontology graph (a concept scheme's type and labels also to the data
      graph, which repeats them);
    * a triple about a document or sentence ``pkd:<doc>…``, a
      ``pk:mentionedIn`` link to a sentence of ``<doc>``, and every triple of
      an ``rdf:Statement`` derived from a sentence of ``<doc>`` go to
      ``pkd:<doc>/provenance``;
    * a triple about a blank node goes where the triple that uses the blank
      node went (the ontology graph for one nothing uses, when the union
      holds the ontology); everything else goes to the data graph.

    Examples
    --------
    >>> from graph import api
    >>> ds = api.build_text("广东星河新材料有限公司位于肇庆高新区。", validate=False).dataset
    >>> back = split_union(union_graph(ds))
    >>> sorted(len(g) for g in back.graphs() if len(g)) == sorted(len(g) for g in ds.graphs() if len(g))
    True
    """
    from .vocab import provenance_graph_iri

    ds = Dataset()
    _bind(ds)
    onto = _ontology_triples()
    has_ontology = (ONTOLOGY_IRI, RDF.type, URIRef("http://www.w3.org/2002/07/owl#Ontology")) in graph
    statement_doc: dict[Any, str] = {}
    for st in graph.subjects(RDF.type, RDF.Statement):
        for src in graph.objects(st, PROV.wasDerivedFrom):
            doc = _doc_of(src)
            if doc:
                statement_doc[st] = doc
                break
    placed: dict[Any, set[URIRef]] = {}

    def put(t: tuple[Any, Any, Any], gid: URIRef) -> None:
        ds.graph(gid).add(t)
        if isinstance(t[2], BNode):
            placed.setdefault(t[2], set()).add(gid)

    pending: list[tuple[Any, Any, Any]] = []
    for t in graph:
        s, p, o = t
        if isinstance(s, BNode):
            pending.append(t)
            continue
        if has_ontology and _onto_key(t) in onto:
            put(t, ONTOLOGY_GRAPH)
            if str(s).startswith(str(PKC)) and (p == RDFS.label or (p, o) == (RDF.type, SKOS.ConceptScheme)):
                put(t, DATA_GRAPH)
            continue
        doc = _doc_of(s) or statement_doc.get(s)
        if doc is None and p == PK.mentionedIn:
            doc = _doc_of(o)
        put(t, provenance_graph_iri(doc) if doc else DATA_GRAPH)
    # blank nodes follow the triples that use them, level by level
    while pending:
        rest = []
        for t in pending:
            gids = placed.get(t[0])
            if gids:
                for gid in gids:
                    put(t, gid)
            else:
                rest.append(t)
        if len(rest) == len(pending):  # blank nodes nothing places: roots
            root = rest[0][0]
            placed[root] = {ONTOLOGY_GRAPH if has_ontology else DATA_GRAPH}
        pending = rest
    return ds


_PARSE_FORMATS = {
    ".ttl": "turtle",
    ".turtle": "turtle",
    ".nt": "nt",
    ".nq": "nquads",
    ".trig": "trig",
    ".jsonld": "json-ld",
    ".json": "json-ld",
    ".rdf": "xml",
    ".owl": "xml",
    ".xml": "xml",
}
_OX_FORMATS = {"turtle": "TURTLE", "nt": "N_TRIPLES", "nquads": "N_QUADS", "trig": "TRIG", "xml": "RDF_XML"}


def _syntax_position(path: Path, fmt: str) -> tuple[int, int, str] | None:
    """(line, column, message) of the first syntax error, found with pyoxigraph."""
    name = _OX_FORMATS.get(fmt)
    if name is None:
        return None
    import pyoxigraph

    try:
        with path.open("rb") as fh:
            for _ in pyoxigraph.parse(fh, format=getattr(pyoxigraph.RdfFormat, name), base_iri="file:///"):
                pass
    except SyntaxError as exc:
        message = re.sub(r"^Parser error at line \d+ column \d+:\s*", "", str(exc.msg or exc))
        return int(exc.lineno or 0), int(exc.offset or 0), message
    return None


def load_dataset(path: str | Path) -> Dataset:
    """Read an exported graph file back as a Dataset with parkkg's named graphs.

    Quad formats (``.trig``, ``.nq``) keep their graphs; triple formats
    (``.ttl``, ``.nt``, ``.jsonld``, ``.rdf``) are split by :func:`split_union`.

    Raises
    ------
    StoreError
        The file is missing, has an unknown suffix, or is malformed; the
        message gives the line and column of the first syntax error.
    """
    p = Path(path)
    fmt = _PARSE_FORMATS.get(p.suffix.lower())
    if fmt is None:
        raise StoreError(
            f"{p}: cannot tell the RDF format from the suffix {p.suffix!r}; "
            f"use one of {', '.join(sorted(_PARSE_FORMATS))}"
        )
    if not p.is_file():
        raise StoreError(f"{p}: no such graph file; run `parkkg build` first or give another --graph")
    try:
        if fmt in ("trig", "nquads"):
            ds = Dataset()
            _bind(ds)
            ds.parse(p, format=fmt)
            return ds
        g = Graph()
        g.parse(p, format=fmt, **({"context": load_context()} if fmt == "json-ld" else {}))
    except Exception as exc:
        where = _syntax_position(p, fmt)
        if where:
            line, col, msg = where
            raise StoreError(f"{p}:{line}:{col}: malformed {fmt} at line {line}, column {col}: {msg}") from exc
        raise StoreError(f"{p}: cannot parse as {fmt}: {exc}") from exc
    return split_union(g)


# --------------------------------------------------------------------------- RDF


@lru_cache(maxsize=1)
def _context_text() -> str:
    return (ontology_dir() / "context.jsonld").read_text(encoding="utf-8")


def load_context() -> dict[str, Any]:
    """The published JSON-LD context (``ontology/context.jsonld``), read from disk.

    Examples
    --------
    >>> load_context()["@context"]["locatedIn"]["@id"]
    'pk:locatedIn'
    """
    return json.loads(_context_text())


def _jsonld(g: Graph) -> bytes:
    """Compact with the published context, embedded so that no reader fetches it.

    rdflib's compaction loses a blank node's own triples when the node is
    the value of a term typed ``"@type": "@id"``; the context therefore
    leaves that coercion off the terms whose values can be class
    expressions (``domain``, ``range``, ``subClassOf``, ``subPropertyOf``).
    ``tests/test_export.py`` expands the output with an independent
    processor (PyLD) to keep it honest.
    """
    ctx = load_context()
    raw = g.serialize(format="json-ld", context=ctx["@context"], auto_compact=True)
    doc = json.loads(raw)
    nodes = doc.get("@graph", [doc] if doc else [])
    if isinstance(nodes, dict):
        nodes = [nodes]
    nodes = [{k: v for k, v in n.items() if k != "@context"} for n in nodes]
    nodes.sort(key=lambda n: json.dumps(n, ensure_ascii=False, sort_keys=True))
    body = ",\n".join("    " + json.dumps(n, ensure_ascii=False, sort_keys=True) for n in nodes)
    context = json.dumps(ctx["@context"], ensure_ascii=False, indent=2).replace("\n", "\n  ")
    return f'{{\n  "@context": {context},\n  "@graph": [\n{body}\n  ]\n}}\n'.encode()


_TURTLE_NUMBER = {
    XSD.integer: re.compile(r"[+-]?[0-9]+"),
    XSD.decimal: re.compile(r"[+-]?[0-9]*\.[0-9]+"),
    XSD.double: re.compile(r"[+-]?([0-9]+\.[0-9]*|\.?[0-9]+)[eE][+-]?[0-9]+"),
    XSD.boolean: re.compile(r"true|false"),
}


class _LexicalMixin:
    """Write a number or boolean bare only when Turtle reads back the same lexical form.

    rdflib writes ``"19"^^xsd:decimal`` as ``19.0``, which is the same value
    but a different RDF term; graphs would then not be isomorphic.
    """

    def label(self, node: Any, position: int) -> str:
        if isinstance(node, Literal) and node.datatype in _TURTLE_NUMBER:
            lexical = str(node)
            if _TURTLE_NUMBER[node.datatype].fullmatch(lexical):
                return lexical
            dt = self.get_pname(node.datatype, False) or f"<{node.datatype}>"  # type: ignore[attr-defined]
            return f'"{lexical}"^^{dt}'
        return super().label(node, position)  # type: ignore[misc]


class _SortedView(Graph):
    """A Graph over the same store whose subjects and their properties come sorted.

    rdflib's RDF/XML writer emits subjects in store order, which follows
    Python's string hashing; this view fixes the order.
    """

    def __init__(self, graph: Graph) -> None:
        super().__init__(store=graph.store, identifier=graph.identifier, namespace_manager=graph.namespace_manager)

    def subjects(self, predicate: Any = None, object: Any = None, unique: bool = False) -> Any:  # noqa: A002
        return iter(sorted(set(super().subjects(predicate, object)), key=lambda n: n.n3()))

    def predicate_objects(self, subject: Any = None, unique: bool = False) -> Any:
        return iter(sorted(super().predicate_objects(subject), key=_key))


def _register_serializers() -> None:
    from rdflib import plugin
    from rdflib.plugins.serializers.rdfxml import XMLSerializer
    from rdflib.plugins.serializers.trig import TrigSerializer
    from rdflib.plugins.serializers.turtle import TurtleSerializer
    from rdflib.serializer import Serializer

    global _TurtleSerializer, _TrigSerializer, _XMLSerializer

    class _TurtleSerializer(_LexicalMixin, TurtleSerializer):  # type: ignore[no-redef]
        pass

    class _TrigSerializer(_LexicalMixin, TrigSerializer):  # type: ignore[no-redef]
        def __init__(self, store: Any) -> None:
            super().__init__(store)
            # rdflib lists the graphs in set order, which changes with PYTHONHASHSEED
            default = [g for g in self.contexts if g.identifier == self.default_context]
            named = sorted((g for g in self.contexts if g.identifier != self.default_context), key=lambda g: str(g.identifier))
            self.contexts = named + default

    class _XMLSerializer(XMLSerializer):  # type: ignore[no-redef]
        def __init__(self, store: Any) -> None:
            super().__init__(_SortedView(store))

    plugin.register("parkkg-turtle", Serializer, __name__, "_TurtleSerializer")
    plugin.register("parkkg-trig", Serializer, __name__, "_TrigSerializer")
    plugin.register("parkkg-xml", Serializer, __name__, "_XMLSerializer")


_register_serializers()


def _sorted_lines(data: bytes) -> bytes:
    # split on "\n" only: str.splitlines() also breaks at U+2028, U+0085, form
    # feed and others, which N-Triples literals may hold unescaped
    lines = sorted({line for line in data.decode("utf-8").split("\n") if line.strip()})
    return ("\n".join(lines) + "\n").encode("utf-8") if lines else b""


def serialize(
    ds: Dataset | Graph,
    fmt: RdfFormat = RdfFormat.TURTLE,
    *,
    provenance: bool = True,
    ontology: bool = True,
) -> bytes:
    """Serialise in ``fmt``, deterministically; triple formats get the union of all graphs.

    Parameters
    ----------
    ds : rdflib.Dataset or rdflib.Graph
    fmt : RdfFormat
    provenance, ontology : bool
        Keep the provenance graphs / the ontology graph.

    Examples
    --------
    >>> from rdflib import Graph, URIRef, Literal
    >>> g = Graph(); _ = g.add((URIRef("https://w3id.org/parkkg/id/a"), URIRef("https://w3id.org/parkkg/ontology#text"), Literal("x")))
    >>> print(serialize(g, RdfFormat.NTRIPLES).decode().strip())
    <https://w3id.org/parkkg/id/a> <https://w3id.org/parkkg/ontology#text> "x" .
    """
    canon = canonical_dataset(ds, provenance=provenance, ontology=ontology)
    if fmt is RdfFormat.NQUADS:
        return _sorted_lines(canon.serialize(format="nquads", encoding="utf-8"))
    if fmt is RdfFormat.TRIG:
        return canon.serialize(format="parkkg-trig", encoding="utf-8")
    union = _sorted_union(canon)
    if fmt is RdfFormat.NTRIPLES:
        return _sorted_lines(union.serialize(format="nt", encoding="utf-8"))
    if fmt is RdfFormat.JSONLD:
        return _jsonld(union)
    if fmt is RdfFormat.TURTLE:
        return union.serialize(format="parkkg-turtle", encoding="utf-8")
    _check_xml_chars(union)
    return union.serialize(format="parkkg-xml", encoding="utf-8")


# characters XML 1.0 cannot carry at all, not even as character references
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _check_xml_chars(g: Graph) -> None:
    """Refuse, naming the triple, a graph RDF/XML cannot hold (rdflib would
    write an XML file no parser accepts)."""
    for s, p, o in g:
        for term in (s, p, o):
            bad = _XML_ILLEGAL.search(str(term)) if isinstance(term, (Literal, URIRef)) else None
            if bad:
                raise StoreError(
                    f"RDF/XML cannot hold the control character U+{ord(bad.group()):04X} found in "
                    f"{s.n3()} {p.n3()} (XML 1.0 forbids it); export as Turtle, N-Triples, N-Quads, "
                    "TriG or JSON-LD, or remove the character from the article"
                )


def write_turtle(ds: Dataset | Graph, path: str | Path) -> Path:
    """Write the union of ``ds`` as deterministic Turtle, atomically."""
    data = serialize(ds, RdfFormat.TURTLE)
    return write_atomic(path, lambda p: p.write_bytes(data))


# --------------------------------------------------------------------------- networks

NETWORK_VIEWS = ("entities", "chain-leaders", "partnerships")
_NODE_ATTRS = ("iri", "label", "label_zh", "label_en", "cls", "industries", "degree", "degree_centrality",
               "betweenness", "community", "component")
_EDGE_ATTRS = ("relation", "label", "relations", "source", "target", "directed", "evidence", "document")


def _flat(value: Any) -> Any:
    if isinstance(value, (list, tuple, set)):
        return "; ".join(str(v) for v in value)
    return value


def network(ds: Dataset | Graph, view: str = "entities", *, lang: str = "zh") -> nx.Graph:
    """The network ``view`` of ``ds`` with flat attributes GraphML, GEXF and CSV can hold.

    Built by :mod:`graph.networks` (``entities``: every entity and every
    ``pk:`` relation between two of them, isolated entities included;
    ``chain-leaders`` and ``partnerships``: the two named views). Node
    attributes: ``label`` (in ``lang``, else the other language), ``label_zh``,
    ``label_en``, ``cls``, ``industries`` (``; ``-joined), ``degree``,
    ``degree_centrality``, ``betweenness``, ``community``, ``component``.
    Edge attributes: ``relation``, ``label`` (the property's label in
    ``lang``), ``relations``, ``source``/``target`` (the fact's direction),
    ``directed``, ``evidence`` (the sentence) and ``document``.

    Examples
    --------
    >>> from graph import api
    >>> ds = api.build_text("广东星河新材料有限公司位于肇庆高新区。", validate=False).dataset
    >>> G = network(ds, lang="en")
    >>> [d["relation"] for _, _, d in G.edges(data=True)]
    ['locatedIn']
    """
    import networkx as nx

    from . import networks as nw
    from .validate import load_ontology

    if lang not in ("zh", "en"):
        raise ValueError(f"lang must be 'zh' or 'en', not {lang!r}")
    if view == "entities":
        src = nw.to_networkx(ds, include_isolates=True, name="parkkg entities")
    elif view in nw.NETWORKS:
        src = nw.NETWORKS[view](ds)
    else:
        raise ValueError(f"unknown network {view!r}; choose one of {', '.join(NETWORK_VIEWS)}")
    onto = load_ontology()
    other = "en" if lang == "zh" else "zh"

    def prop_label(relation: str) -> str:
        try:
            iri = PK[relation]
        except AttributeError:
            return relation
        labels = {lit.language: str(lit) for lit in onto.objects(iri, RDFS.label) if isinstance(lit, Literal)}
        return labels.get(lang) or labels.get(other) or relation

    G = nx.Graph(name=src.graph.get("name", view), lang=lang)
    for n in sorted(src.nodes):
        d = src.nodes[n]
        label = d.get(f"label_{lang}") or d.get(f"label_{other}") or n
        attrs = {**d, "label": label}
        G.add_node(n, **{k: _flat(attrs[k]) for k in _NODE_ATTRS if k in attrs and attrs[k] is not None})
    for u, v in sorted(tuple(sorted(e)) for e in src.edges):
        d = src.edges[u, v]
        attrs = {**d, "label": prop_label(d.get("relation", ""))}
        G.add_edge(u, v, **{k: _flat(attrs[k]) for k in _EDGE_ATTRS if k in attrs and attrs[k] is not None})
    return G


def _graphml(G: nx.Graph) -> bytes:
    import networkx as nx

    buf = io.BytesIO()
    nx.write_graphml(G, buf, encoding="utf-8", prettyprint=True, named_key_ids=True)
    return buf.getvalue()


def _gexf(G: nx.Graph) -> bytes:
    from xml.etree.ElementTree import tostring

    from networkx.readwrite.gexf import GEXFWriter

    writer = GEXFWriter(encoding="utf-8", prettyprint=True, version="1.2draft")
    meta = writer.xml.find("meta")
    if meta is not None:  # networkx stamps today's date; keep the bytes reproducible
        epoch = os.environ.get("SOURCE_DATE_EPOCH")
        if epoch and epoch.isdigit():
            import time

            meta.set("lastmodifieddate", time.strftime("%Y-%m-%d", time.gmtime(int(epoch))))
        else:
            meta.attrib.pop("lastmodifieddate", None)
    writer.add_graph(G)
    if writer.prettyprint:
        writer.indent(writer.xml)
    return b'<?xml version="1.0" encoding="utf-8"?>\n' + tostring(writer.xml, encoding="unicode").encode("utf-8")


# --------------------------------------------------------------------------- CSV

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value: object) -> str:
    """A value made safe for a spreadsheet: text that a spreadsheet would
    run as a formula (starting with ``= + - @``, tab or CR) gets a leading ``'``.

    Examples
    --------
    >>> csv_cell("=HYPERLINK(\\"http://x\\")")
    '\\'=HYPERLINK("http://x")'
    >>> csv_cell("清远高新区"), csv_cell(3)
    ('清远高新区', '3')
    """
    text = "" if value is None else str(value)
    if not isinstance(value, (int, float)) and text.startswith(_FORMULA_START):
        return "'" + text
    return text


_NODE_COLUMNS = ("id", "label", "label_zh", "label_en", "cls", "industries", "degree", "betweenness", "community", "component")
_EDGE_COLUMNS = ("source", "target", "relation", "label", "relations", "source_label", "target_label", "directed", "evidence", "document")


def _csv_bytes(rows: Iterable[Sequence[object]], header: Sequence[str]) -> bytes:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow(header)
    for row in rows:
        w.writerow([csv_cell(v) for v in row])
    return buf.getvalue().encode("utf-8")


def _csv_tables(G: nx.Graph) -> tuple[bytes, bytes]:
    nodes = [[n] + [d.get(k, "") for k in _NODE_COLUMNS[1:]] for n, d in G.nodes(data=True)]
    edges = []
    for u, v, d in G.edges(data=True):
        s, o = d.get("source", u), d.get("target", v)
        row = {**d, "source": s, "target": o, "source_label": G.nodes[s]["label"], "target_label": G.nodes[o]["label"]}
        edges.append([row.get(k, "") for k in _EDGE_COLUMNS])
    return _csv_bytes(nodes, _NODE_COLUMNS), _csv_bytes(edges, _EDGE_COLUMNS)


# --------------------------------------------------------------------------- export


@dataclass(frozen=True)
class ExportResult:
    """What :func:`export` wrote."""

    format: ExportFormat
    files: list[Path]
    data: bytes | None
    triples: int
    quads: int
    nodes: int | None = None
    edges: int | None = None

    def summary(self) -> str:
        if self.nodes is not None:
            what = f"{self.nodes} nodes, {self.edges} edges"
        elif self.format.rdf is not None and self.format.rdf.is_quads:
            what = f"{self.quads} quads ({self.triples} distinct triples)"
        else:
            what = f"{self.triples} triples"
        where = ", ".join(str(p) for p in self.files) or "stdout"
        return f"{self.format.value}: {what} -> {where}"


def export(
    ds: Dataset | Graph,
    fmt: ExportFormat | str,
    out: str | Path | None = None,
    *,
    provenance: bool = True,
    ontology: bool = True,
    lang: str = "zh",
    view: str = "entities",
    describe: bool = True,
) -> ExportResult:
    """Write ``ds`` in ``fmt`` to ``out``; with ``out=None`` return the bytes.

    Parameters
    ----------
    ds : rdflib.Dataset or rdflib.Graph
        The built graph (``api.build().dataset`` or :func:`load_dataset`).
    fmt : ExportFormat or str
        ``turtle``, ``ntriples``, ``nquads``, ``trig``, ``jsonld``,
        ``rdfxml``, ``graphml``, ``gexf`` or ``csv``.
    out : path, optional
        The file to write; for ``csv`` the folder that gets ``nodes.csv``
        and ``edges.csv``.
    provenance, ontology : bool
        Keep the per-document provenance graphs / the ontology graph.
    lang : {"zh", "en"}
        The language of the one ``label`` the network and CSV formats show.
    view : {"entities", "chain-leaders", "partnerships"}
        Which network GraphML, GEXF and CSV hold (see :func:`network`).
    describe : bool
        Also write ``void.ttl`` (VoID + DCAT, :mod:`graph.describe`) beside
        the output.

    Returns
    -------
    ExportResult
        The files written (the data first, then ``void.ttl``), or with
        ``out=None`` the serialisation in ``data`` (for ``csv``: nodes.csv,
        a blank line, edges.csv); and what was written (triples, or nodes
        and edges).

    Examples
    --------
    >>> import tempfile, pathlib
    >>> from graph import api
    >>> ds = api.build_text("广东星河新材料有限公司位于肇庆高新区。", validate=False).dataset
    >>> d = pathlib.Path(tempfile.mkdtemp())
    >>> r = export(ds, "csv", d)
    >>> [p.name for p in r.files], (r.nodes, r.edges)
    (['nodes.csv', 'edges.csv', 'void.ttl'], (2, 1))
    """
    fmt = ExportFormat(fmt)
    if lang not in ("zh", "en"):
        raise ValueError(f"--lang must be 'zh' or 'en', not {lang!r}")
    chosen = select_graphs(ds, provenance=provenance, ontology=ontology)
    files: list[tuple[str, bytes]]
    triples = len(union_graph(chosen))
    quads = sum(len(g) for g in chosen.graphs())
    nodes = edges = None
    if fmt.rdf is not None:
        files = [("", serialize(chosen, fmt.rdf))]
    else:
        G = network(chosen, view, lang=lang)
        nodes, edges = G.number_of_nodes(), G.number_of_edges()
        if fmt is ExportFormat.GRAPHML:
            files = [("", _graphml(G))]
        elif fmt is ExportFormat.GEXF:
            files = [("", _gexf(G))]
        else:
            node_table, edge_table = _csv_tables(G)
            files = [("nodes.csv", node_table), ("edges.csv", edge_table)]
    if out is None:
        return ExportResult(fmt, [], b"\n".join(data for _, data in files), triples, quads, nodes, edges)
    target = Path(out)
    written = []
    for name, data in files:
        path = target / name if name else target
        written.append(write_atomic(path, lambda p, data=data: p.write_bytes(data)))
    if describe:
        from .describe import describe_dataset

        folder = target if fmt is ExportFormat.CSV else target.parent
        dists = [(p.name, fmt.media_type, p.stat().st_size) for p in written]
        void = describe_dataset(chosen, distributions=dists)
        data = serialize(void, RdfFormat.TURTLE)
        written.append(write_atomic(folder / "void.ttl", lambda p: p.write_bytes(data)))
    return ExportResult(fmt, written, None, triples, quads, nodes, edges)
