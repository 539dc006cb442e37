"""The networks of :mod:`graph.views.networks` as files: GraphML, GEXF and CSV.

Attributes are flattened to what the formats hold (lists become ``; ``-joined
text); a CSV cell a spreadsheet would run as a formula gets a leading ``'``.
"""

from __future__ import annotations

import csv
import io
import os
from collections.abc import Iterable, Sequence
from typing import Any

import networkx as nx
from rdflib import RDFS, Dataset, Graph, Literal

from graph.vocab import PK

__all__ = ["NETWORK_VIEWS", "VIEWED", "network_name", "network", "graphml_bytes", "gexf_bytes", "csv_tables", "csv_cell"]


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
_EDGE_ATTRS = ("relation", "label", "relations", "source", "target", "directed", "evidence", "document")


def _flat(value: Any) -> Any:
    if isinstance(value, (list, tuple, set)):
        return "; ".join(str(v) for v in value)
    return value


def network(ds: Dataset | Graph, view: str = "entities", *, lang: str = "zh") -> nx.Graph:
    """The network ``view`` of ``ds`` with flat attributes GraphML, GEXF and CSV can hold.

    Built by :mod:`graph.views.networks` (``entities``: every entity and every
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

    from graph.rdf.validate import load_ontology
    from graph.views import networks as nw

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


def graphml_bytes(G: nx.Graph) -> bytes:
    import networkx as nx

    buf = io.BytesIO()
    nx.write_graphml(G, buf, encoding="utf-8", prettyprint=True, named_key_ids=True)
    return buf.getvalue()


def gexf_bytes(G: nx.Graph) -> bytes:
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


def csv_tables(G: nx.Graph) -> tuple[bytes, bytes]:
    nodes = [[n] + [d.get(k, "") for k in _NODE_COLUMNS[1:]] for n, d in G.nodes(data=True)]
    edges = []
    for u, v, d in G.edges(data=True):
        s, o = d.get("source", u), d.get("target", v)
        row = {**d, "source": s, "target": o, "source_label": G.nodes[s]["label"], "target_label": G.nodes[o]["label"]}
        edges.append([row.get(k, "") for k in _EDGE_COLUMNS])
    return _csv_bytes(nodes, _NODE_COLUMNS), _csv_bytes(edges, _EDGE_COLUMNS)
