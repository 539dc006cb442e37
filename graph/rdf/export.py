"""Stage 9, export: write the graph in formats other systems take, atomically.

Every file is written to a temporary file beside the target and renamed
into place, so a crash or Ctrl-C never leaves a half-written output.

Every format is deterministic: the same graph gives the same bytes, in any
process and under any ``PYTHONHASHSEED``. Blank nodes (only the ontology
has them; parkkg's data names every node with an IRI) get content-derived
labels (:func:`rdflib.compare.to_canonical_graph`) and triples are written
in sorted order. Every RDF format but JSON-LD is written by Oxigraph's
serialisers (:func:`graph.rdf.files.serialize_ox`); JSON-LD by rdflib's,
compacted with parkkg's context.

Formats (:class:`ExportFormat`):

========  ==================================================================
turtle    the union of all graphs, prefixes, grouped by subject, sorted
ntriples  the union, one sorted triple a line
nquads    one sorted quad a line; each document's provenance graph is kept
trig      Turtle per named graph (data, ontology, one provenance graph per document)
jsonld    the union, compacted with ``ontology/context.jsonld`` (embedded, never fetched)
rdfxml    the union as RDF/XML
graphml   a network of :mod:`graph.views.networks` (all entities, the chain-leader
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

import enum
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rdflib import Dataset, Graph

from graph.errors import StoreError
from graph.rdf.files import (
    RdfFormat,
    canonical_dataset,
    canonical_ox_quads,
    load_context,
    select_graphs,
    serialize_ox,
    sorted_union,
    union_graph,
    write_atomic,
    write_ox,
)

if TYPE_CHECKING:  # pragma: no cover
    pass

__all__ = ["ExportFormat", "ExportResult", "export", "serialize", "write_turtle"]


class ExportFormat(str, enum.Enum):
    """Every format ``parkkg export --format`` writes (value: the CLI name).

    The RDF members are the formats of :class:`~graph.rdf.files.RdfFormat`
    (same names, same aliases); the others write a network or tables.

    Examples
    --------
    >>> ExportFormat("jsonld").rdf
    <RdfFormat.JSONLD: 'jsonld'>
    >>> ExportFormat("json-ld") is ExportFormat.JSONLD
    True
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

    @classmethod
    def _missing_(cls, value: object) -> ExportFormat | None:
        try:
            return cls(RdfFormat.parse(str(value)).value)
        except ValueError:
            return None

    @property
    def rdf(self) -> RdfFormat | None:
        """The RDF serialisation, or None for the network and table formats."""
        try:
            return RdfFormat(self.value)
        except ValueError:
            return None

    @property
    def suffix(self) -> str:
        """The usual file name suffix (``csv`` writes a folder)."""
        rdf = self.rdf
        return rdf.suffix if rdf is not None else _NETWORK_FILES[self][0]

    @property
    def media_type(self) -> str:
        rdf = self.rdf
        return rdf.media_type if rdf is not None else _NETWORK_FILES[self][1]


#: network and table formats -> (suffix, media type)
_NETWORK_FILES = {
    ExportFormat.GRAPHML: (".graphml", "application/graphml+xml"),
    ExportFormat.GEXF: (".gexf", "application/gexf+xml"),
    ExportFormat.CSV: ("", "text/csv"),
}


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
    if fmt is RdfFormat.JSONLD:  # compacted with parkkg's context: rdflib's writer (Oxigraph's writes expanded JSON-LD)
        return _jsonld(sorted_union(canonical_dataset(ds, provenance=provenance, ontology=ontology)))
    quads = canonical_ox_quads(ds, provenance=provenance, ontology=ontology)
    if fmt is RdfFormat.RDFXML:
        check_xml_chars(quads)
    return serialize_ox(quads, fmt)


# characters XML 1.0 cannot carry at all, not even as character references
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def check_xml_chars(quads: Iterable[Any]) -> None:
    """Refuse, naming the triple, pyoxigraph quads RDF/XML cannot hold (the
    writer would make an XML file no parser accepts)."""
    import pyoxigraph as ox

    for q in quads:
        for term in (q.subject, q.predicate, q.object):
            bad = _XML_ILLEGAL.search(term.value) if isinstance(term, (ox.Literal, ox.NamedNode)) else None
            if bad:
                raise StoreError(
                    f"RDF/XML cannot hold the control character U+{ord(bad.group()):04X} found in "
                    f"{q.subject} {q.predicate} (XML 1.0 forbids it); export as Turtle, N-Triples, N-Quads, "
                    "TriG or JSON-LD, or remove the character from the article"
                )


def write_turtle(ds: Dataset | Graph | Any, path: str | Path, *, counted: list[int] | None = None) -> Path:
    """Write the union of ``ds`` as deterministic Turtle, atomically.

    ``ds`` is an rdflib graph or a ``pyoxigraph.Store`` (what :func:`graph.api.build`
    holds; its blank nodes must already carry canonical labels, as the build's do).
    Given a list ``counted``, the number of distinct triples written is appended to it.

    Examples
    --------
    >>> import pyoxigraph as ox, tempfile, pathlib
    >>> s, p = ox.NamedNode("https://w3id.org/parkkg/id/b"), ox.NamedNode("https://w3id.org/parkkg/ontology#value")
    >>> store = ox.Store()
    >>> store.extend([ox.Quad(s, p, ox.Literal("19"), g) for g in (ox.NamedNode("urn:x:a"), ox.DefaultGraph())])
    >>> counted = []
    >>> _ = write_turtle(store, pathlib.Path(tempfile.mkdtemp()) / "g.ttl", counted=counted)
    >>> counted
    [1]
    """
    # an rdflib graph goes through the same writer as a store: the bytes serialize() gives, and the count of the union
    quads = canonical_ox_quads(ds) if isinstance(ds, (Dataset, Graph)) else ds
    return write_atomic(path, lambda p: write_ox(quads, RdfFormat.TURTLE, p, counted=counted))  # streamed: the file is never all in memory


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
        Also write ``void.ttl`` (VoID + DCAT, :mod:`graph.rdf.describe`) beside
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
        from graph.views import network_files

        G = network_files.network(chosen, view, lang=lang)
        nodes, edges = G.number_of_nodes(), G.number_of_edges()
        if fmt is ExportFormat.GRAPHML:
            files = [("", network_files.graphml_bytes(G))]
        elif fmt is ExportFormat.GEXF:
            files = [("", network_files.gexf_bytes(G))]
        else:
            edges = sum(1 for _ in network_files.fact_edges(G))  # one row per fact (a symmetric one is two edges)
            node_table, edge_table = network_files.csv_tables(G)
            files = [("nodes.csv", node_table), ("edges.csv", edge_table)]
    if out is None:
        return ExportResult(fmt, [], b"\n".join(data for _, data in files), triples, quads, nodes, edges)
    target = Path(out)
    written = []
    for name, data in files:
        path = target / name if name else target
        written.append(write_atomic(path, lambda p, data=data: p.write_bytes(data)))
    if describe:
        from graph.rdf.describe import describe_dataset

        folder = target if fmt is ExportFormat.CSV else target.parent
        dists = [(p.name, fmt.media_type, p.stat().st_size) for p in written]
        void = describe_dataset(chosen, distributions=dists)
        data = serialize(void, RdfFormat.TURTLE)
        written.append(write_atomic(folder / "void.ttl", lambda p: p.write_bytes(data)))
    return ExportResult(fmt, written, None, triples, quads, nodes, edges)
