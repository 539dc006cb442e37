"""rdflib terms and pyoxigraph terms, one into the other.

The build writes with rdflib and Oxigraph answers queries, so terms cross
between the two libraries in both directions; this is the one place that
knows how. Blank-node labels that Oxigraph would refuse are hex-encoded.

>>> from rdflib import Literal, URIRef
>>> to_ox(URIRef("https://w3id.org/parkkg/id/x"))
<NamedNode value=https://w3id.org/parkkg/id/x>
>>> from_ox(to_ox(Literal("清远", lang="zh"))) == Literal("清远", lang="zh")
True
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import Any

from rdflib import BNode, Dataset, Literal, URIRef
from rdflib.namespace import XSD
from rdflib.term import Node

from graph.errors import StoreError

__all__ = ["from_ox", "to_ox", "term_reader", "remembering", "bnode_id", "quads_to_ox", "quads_to_nquads", "dataset_quads"]

_XSD_STRING = str(XSD.string)



def from_ox(term: Any) -> Node | None:
    """One pyoxigraph term as the rdflib term it stands for (``None`` for the default graph)."""
    import pyoxigraph as ox

    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        datatype = term.datatype.value
        return Literal(term.value) if datatype == _XSD_STRING else Literal(term.value, datatype=URIRef(datatype))
    if isinstance(term, ox.DefaultGraph):
        return None
    raise StoreError(f"parkkg does not handle RDF-star terms ({term})")


def term_reader() -> Callable[[Any], Node | None]:
    """A :func:`from_ox` that remembers what it converted.

    Building an rdflib term (a typed literal above all) costs more than
    Oxigraph needs to find it, and a result repeats its terms (labels,
    classes, years) row after row; one reader per result converts each
    distinct term once.
    """
    return remembering(from_ox)


def remembering(convert: Callable[[Any], Any], limit: int | None = None) -> Callable[[Any], Any]:
    """``convert``, each distinct term converted once (at most ``limit`` remembered at a time)."""
    seen: dict[Any, Any] = {}

    def once(term: Any) -> Any:
        try:
            return seen[term]
        except KeyError:
            if limit is not None and len(seen) >= limit:
                seen.clear()
            value = seen[term] = convert(term)
            return value

    return once


def to_ox(term: Node) -> Any:
    import pyoxigraph as ox

    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(bnode_id(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype is not None:
            return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
        return ox.Literal(str(term))
    raise StoreError(f"cannot store {term!r} in Oxigraph")


def bnode_id(b: BNode) -> str:
    s = str(b)
    return s if s.isascii() and s.replace("_", "").replace("-", "").isalnum() and not s[0].isdigit() else "b" + s.encode().hex()


def quads_to_ox(quads: Iterable[tuple[Node, Node, Node, Node | None]]) -> Iterator[Any]:
    import pyoxigraph as ox

    conv = remembering(to_ox, limit=1_000_000)  # entities, predicates and graphs recur in quad after quad
    default = ox.DefaultGraph()
    for s, p, o, g in quads:
        yield ox.Quad(conv(s), conv(p), conv(o), default if g is None else conv(g))


def quads_to_nquads(quads: Iterable[tuple[Node, Node, Node, Node | None]]) -> bytes:
    """``quads`` as UTF-8 N-Quads, the bytes ``pyoxigraph.serialize`` writes for :func:`quads_to_ox` of them.

    Each distinct term object is converted (:func:`to_ox`, so Oxigraph
    checks and escapes it as before) and written once, and each quad is
    then one line joined from the terms' texts: the mapping hands over
    hundreds of thousands of quads built from a few thousand term objects
    (predicates, graph names, entities, offsets), and making an Oxigraph
    quad of each only to serialise it cost more than mapping it. The texts
    are remembered for this call only, by object identity (the terms are
    kept alive meanwhile, so no identity is reused).

    Examples
    --------
    >>> from rdflib import Literal, URIRef
    >>> s, g = URIRef("https://w3id.org/parkkg/id/x"), URIRef("https://w3id.org/parkkg/graph/data")
    >>> print(quads_to_nquads([(s, s, Literal('a "b"', lang="zh"), None), (s, s, s, g)]).decode(), end="")
    <https://w3id.org/parkkg/id/x> <https://w3id.org/parkkg/id/x> "a \\"b\\""@zh .
    <https://w3id.org/parkkg/id/x> <https://w3id.org/parkkg/id/x> <https://w3id.org/parkkg/id/x> <https://w3id.org/parkkg/graph/data> .
    """
    texts: dict[int, str] = {}
    kept: list[Node] = []  # alive until the end: an id() stays this term's

    def text(term: Node) -> str:
        written = texts[id(term)] = str(to_ox(term)) + " "  # each term is followed by a space, the graph's too
        kept.append(term)
        return written

    get = texts.get
    return "".join([
        f"{get(id(s)) or text(s)}{get(id(p)) or text(p)}{get(id(o)) or text(o)}{'' if g is None else get(id(g)) or text(g)}.\n"
        for s, p, o, g in quads
    ]).encode("utf-8")


def dataset_quads(ds: Dataset) -> Iterator[tuple[Node, Node, Node, Node | None]]:
    default_id = ds.default_context.identifier
    for s, p, o, g in ds.quads((None, None, None, None)):
        gid = getattr(g, "identifier", g)
        yield s, p, o, (None if gid is None or gid == default_id else gid)
