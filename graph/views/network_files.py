"""The networks of :mod:`graph.views.networks` as files: GraphML, GEXF and CSV.

Attributes are flattened to what the formats hold (lists become ``; ``-joined
text); a CSV cell a spreadsheet would run as a formula gets a leading ``'``.
"""

from __future__ import annotations

import csv
import io
import os
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

import networkx as nx
from rdflib import RDFS, Dataset, Graph, Literal

from graph.vocab import PK

__all__ = ["NETWORK_VIEWS", "VIEWED", "GEXF_VERSION", "network_name", "network", "graphml_bytes", "gexf_bytes", "fact_edges", "csv_tables", "csv_cell"]


NETWORK_VIEWS = ("entities", "chain-leaders", "partnerships")
#: The networks drawn as views (``parkkg viz``, ``parkkg build``).
VIEWED = ("chain-leaders", "partnerships")
#: Older spellings of the network names, accepted for one release.
_NETWORK_ALIASES = {"chain": "chain-leaders", "chain-leader": "chain-leaders", "partnership": "partnerships"}


def network_name(name: str, *, views_only: bool = False) -> str:
    """The network called ``name`` (aliases accepted), or ValueError naming the choices.

    Examples
    --------
    >>> network_name("chain"), network_name("partnerships")
    ('chain-leaders', 'partnerships')
    """
    choices = VIEWED if views_only else NETWORK_VIEWS
    canonical = _NETWORK_ALIASES.get(name, name)
    if canonical not in choices:
        raise ValueError(f"unknown network {name!r}; choose {', '.join(choices)}")
    return canonical
_NODE_ATTRS = ("iri", "label", "label_zh", "label_en", "cls", "industries", "degree", "degree_centrality",
               "betweenness", "community", "component")
_EDGE_ATTRS = ("relation", "label", "weight", "relations", "subject", "object", "directed", "evidence", "document")
#: node attributes that GraphML carries as plain data and GEXF as ``viz:`` elements
_DRAWING = ("colour", "r", "g", "b", "size", "x", "y")
#: the GEXF version written (namespaces ``http://gexf.net/1.3`` and ``http://gexf.net/1.3/viz``)
GEXF_VERSION = "1.3"
_XSI = "http://www.w3.org/2001/XMLSchema-instance"


def _flat(value: Any) -> Any:
    if isinstance(value, (list, tuple, set)):
        return "; ".join(str(v) for v in value)
    return value


def _rgb(colour: str) -> tuple[int, int, int]:
    return int(colour[1:3], 16), int(colour[3:5], 16), int(colour[5:7], 16)


def network(ds: Dataset | Graph, view: str = "entities", *, lang: str = "zh", seed: int = 0) -> nx.DiGraph:
    """The network ``view`` of ``ds``, directed, drawn as the HTML view draws it, with flat attributes.

    Built by :mod:`graph.views.networks` (``entities``: every entity and every
    ``pk:`` relation between two of them, isolated entities included;
    ``chain-leaders`` and ``partnerships``: the two named views).

    The result is a ``networkx.DiGraph``: an edge runs from a fact's subject
    to its object (``hasCustomer``: supplier → customer). A symmetric relation
    (``cooperatesWith`` and its sub-properties, the derived co-applicant and
    co-host links) becomes two edges, one each way, both with
    ``directed=False`` and the same ``subject``/``object``; so in-degree and
    out-degree stay meaningful and Gephi draws both arrows. Between two
    nodes the view draws one edge: the facts between them are merged, the
    first relation (by the view's order) names it and sets its direction.

    Node attributes: ``label`` (in ``lang``, else the other language),
    ``label_zh``, ``label_en``, ``cls``, ``industries`` (``; ``-joined),
    ``degree``, ``degree_centrality``, ``betweenness``, ``community``,
    ``component``, and the drawing of the HTML view: ``colour`` (``#rrggbb``
    of the class) and ``r``, ``g``, ``b``, ``size`` (pixels,
    :func:`graph.views.render.node_sizes`) and ``x``, ``y``
    (:func:`graph.views.render.layout` with ``seed``, in pixels; ``y`` points
    up as in Gephi, so it is the view's ``y`` negated).

    Edge attributes: ``relation``, ``label`` (the property's label in
    ``lang``), ``weight`` (how many statements in the text support the
    edge), ``relations`` (every relation merged into it), ``subject`` and
    ``object`` (the main fact's IRIs), ``directed``, ``evidence`` (a
    sentence) and ``document``.

    Examples
    --------
    >>> from graph import api
    >>> ds = api.build_text("广东星河新材料有限公司位于肇庆高新区。", validate=False).dataset
    >>> G = network(ds, lang="en")
    >>> [(d["relation"], d["weight"]) for _, _, d in G.edges(data=True)], G.is_directed()
    ([('locatedIn', 1)], True)
    """
    import networkx as nx

    from graph.rdf.validate import load_ontology
    from graph.views import networks as nw
    from graph.views.render import class_style, node_sizes, view_layout

    if lang not in ("zh", "en"):
        raise ValueError(f"lang must be 'zh' or 'en', not {lang!r}")
    if view == "entities":
        src = nw.to_networkx(ds, include_isolates=True, name="parkkg entities", seed=seed)
    elif view in nw.NETWORKS:
        src = nw.NETWORKS[view](ds, seed=seed)
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

    pos = view_layout(src, seed=seed)
    sizes = node_sizes(src)
    G = nx.DiGraph(name=src.graph.get("name", view), lang=lang)
    for n in sorted(src.nodes):
        d = src.nodes[n]
        label = d.get(f"label_{lang}") or d.get(f"label_{other}") or n
        attrs = {**d, "label": label}
        colour = class_style(str(d.get("cls", ""))).colour
        r, g, b = _rgb(colour)
        x, y = pos[n]
        drawing = {"colour": colour, "r": r, "g": g, "b": b, "size": float(sizes[n]), "x": float(x), "y": float(-y) + 0.0}
        G.add_node(n, **{k: _flat(attrs[k]) for k in _NODE_ATTRS if k in attrs and attrs[k] is not None}, **drawing)
    for u, v in sorted(tuple(sorted(e)) for e in src.edges):
        d = src.edges[u, v]
        s, o = d.get("source", u), d.get("target", v)
        if {s, o} != {u, v}:
            s, o = u, v
        attrs = {**d, "label": prop_label(d.get("relation", "")), "weight": max(1, len(d.get("statements", ()))),
                 "subject": s, "object": o, "directed": bool(d.get("directed", True))}
        flat = {k: _flat(attrs[k]) for k in _EDGE_ATTRS if k in attrs and attrs[k] is not None}
        G.add_edge(s, o, **flat)
        if not flat["directed"]:
            G.add_edge(o, s, **flat)
    return G


def graphml_bytes(G: nx.Graph) -> bytes:
    """GraphML of a :func:`network`: every attribute as plain data (Gephi reads ``r``, ``g``, ``b``, ``size``, ``x``, ``y``).

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.DiGraph()
    >>> G.add_node("a", label="甲", r=31, g=119, b=180, size=12.0, x=1.5, y=-2.0)
    >>> b'edgedefault="directed"' in graphml_bytes(G)
    True
    """
    import networkx as nx

    buf = io.BytesIO()
    nx.write_graphml(G, buf, encoding="utf-8", prettyprint=True, named_key_ids=True)
    return buf.getvalue()


def gexf_bytes(G: nx.Graph) -> bytes:
    """GEXF 1.3 of a :func:`network`: the drawing as ``viz:color``, ``viz:size`` and ``viz:position``.

    The other attributes are GEXF attributes; ``label`` and ``weight`` are
    the node's and edge's own XML attributes. Bytes are reproducible (no
    date, unless ``SOURCE_DATE_EPOCH`` gives one).

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.DiGraph()
    >>> G.add_node("a", label="甲", colour="#1f77b4", r=31, g=119, b=180, size=12.0, x=1.5, y=-2.0)
    >>> G.add_edge("a", "a", relation="partOf", label="part of", weight=1)
    >>> xml = gexf_bytes(G).decode()
    >>> '<viz:color r="31" g="119" b="180"' in xml, '<viz:position x="1.5" y="-2.0" z="0.0"' in xml
    (True, True)
    """
    from xml.etree.ElementTree import tostring

    from networkx.readwrite.gexf import GEXFWriter

    writer = GEXFWriter(encoding="utf-8", prettyprint=True, version=GEXF_VERSION)
    # networkx spells the XML Schema instance namespace of GEXF 1.3 without "www."
    writer.xml.set("xmlns:xsi", _XSI)
    meta = writer.xml.find("meta")
    if meta is not None:  # networkx stamps today's date; keep the bytes reproducible
        epoch = os.environ.get("SOURCE_DATE_EPOCH")
        if epoch and epoch.isdigit():
            import time

            meta.set("lastmodifieddate", time.strftime("%Y-%m-%d", time.gmtime(int(epoch))))
        else:
            meta.attrib.pop("lastmodifieddate", None)
    H = G.copy()
    for _n, d in H.nodes(data=True):
        if "x" in d and "y" in d:
            d["viz"] = {"position": {"x": d.pop("x"), "y": d.pop("y"), "z": 0.0}}
            if "size" in d:
                d["viz"]["size"] = d.pop("size")
            if all(k in d for k in "rgb"):
                d["viz"]["color"] = {k: d.pop(k) for k in "rgb"} | {"a": 1.0}
    writer.add_graph(H)
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


def fact_edges(G: nx.Graph) -> Iterator[tuple[Any, Any, dict[str, Any]]]:
    """The edges of a :func:`network` once per fact: a symmetric fact's second edge (object → subject) is skipped.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.DiGraph()
    >>> G.add_edge("a", "b", subject="a", object="b", directed=False)
    >>> G.add_edge("b", "a", subject="a", object="b", directed=False)
    >>> [(u, v) for u, v, _ in fact_edges(G)]
    [('a', 'b')]
    """
    for u, v, d in G.edges(data=True):
        s, o = d.get("subject", u), d.get("object", v)
        if (u, v) == (o, s) and (u, v) != (s, o) and G.has_edge(s, o):
            continue
        yield u, v, d


def csv_tables(G: nx.Graph) -> tuple[bytes, bytes]:
    nodes = [[n] + [d.get(k, "") for k in _NODE_COLUMNS[1:]] for n, d in G.nodes(data=True)]
    edges = []
    for s, o, d in fact_edges(G):
        row = {**d, "source": s, "target": o, "source_label": G.nodes[s]["label"], "target_label": G.nodes[o]["label"]}
        edges.append([row.get(k, "") for k in _EDGE_COLUMNS])
    return _csv_bytes(nodes, _NODE_COLUMNS), _csv_bytes(edges, _EDGE_COLUMNS)
