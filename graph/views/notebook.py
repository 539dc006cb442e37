"""Helpers for notebooks: Chinese in matplotlib figures, offline interactive views, tables of a network.

The notebooks in ``notebooks/`` use these next to :mod:`graph.api`,
:mod:`graph.sparql.query` and :mod:`graph.views.networks`:

* :func:`use_cjk_font` points matplotlib at an installed CJK font (Noto Sans
  CJK preferred), so Chinese labels render instead of empty boxes, and
  fails with an install hint when there is none;
* :func:`show_network` embeds the interactive view of :mod:`graph.views.render`
  in a notebook cell as an ``<iframe srcdoc=…>``: the page is self-contained
  (vis-network inlined, a Content-Security-Policy that forbids every
  request), so nothing is fetched from a CDN;
* :func:`nodes_frame` and :func:`edges_frame` turn a projection into pandas
  DataFrames (pandas comes with the ``notebooks`` extra), one row per node
  with its measures, one row per edge with its relation, what it is about
  and the sentence it was read from.

Examples
--------
>>> import networkx as nx
>>> G = nx.Graph()
>>> G.add_edge("a", "b", relation="hasCustomer", evidence="甲的客户包括乙。", document="x.txt")
>>> tag = iframe_html(to_page(G, title="甲乙"), height=300)
>>> "<iframe srcdoc=" in tag and "<script" not in tag
True
"""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

from graph.errors import ParkKGError
from graph.views.fonts import CJK_FAMILIES, find_cjk_family

if TYPE_CHECKING:  # pragma: no cover
    import networkx as nx
    import pandas
    from IPython.display import HTML

__all__ = [
    "CJK_FAMILIES",
    "find_cjk_family",
    "use_cjk_font",
    "to_page",
    "iframe_html",
    "show_html",
    "show_network",
    "nodes_frame",
    "edges_frame",
]

def use_cjk_font() -> str:
    """Make matplotlib draw Chinese text with a CJK font; returns the family.

    Sets ``font.family`` to the CJK family with DejaVu Sans behind it, so
    a glyph the CJK font lacks (a superscript, a math symbol) falls back
    to DejaVu Sans; puts the CJK family first in ``font.sans-serif`` too,
    for code that asks for the generic sans-serif family (networkx labels);
    and turns ``axes.unicode_minus`` off.

    Raises
    ------
    ParkKGError
        No CJK font is installed: Chinese labels would be empty boxes.

    Examples
    --------
    >>> import matplotlib
    >>> with matplotlib.rc_context():         # leaves the settings as they were afterwards
    ...     family = use_cjk_font()
    ...     matplotlib.rcParams["font.sans-serif"][0] == family
    True
    """
    import matplotlib

    family = find_cjk_family()
    if family is None:
        raise ParkKGError(
            "no CJK font found for matplotlib, so Chinese labels would render as empty boxes; "
            "install Noto Sans CJK (Debian/Ubuntu: sudo apt-get install fonts-noto-cjk; "
            "macOS/Windows: install the 'Noto Sans CJK SC' font), then restart the kernel "
            f"(fonts looked for: {', '.join(CJK_FAMILIES)})"
        )
    rest = [f for f in matplotlib.rcParams["font.sans-serif"] if f != family]
    matplotlib.rcParams["font.family"] = [family, "DejaVu Sans"]
    matplotlib.rcParams["font.sans-serif"] = [family, *rest]
    matplotlib.rcParams["axes.unicode_minus"] = False
    return family


# ----------------------------------------------------------------------------- interactive views


def to_page(G: nx.Graph, *, title: str = "parkkg", seed: int = 0) -> str:
    """The self-contained, offline HTML page of a projection (:func:`graph.views.render.to_html`)."""
    from graph.views.render import to_html

    return to_html(G, title=title, seed=seed)


def iframe_html(page: str, *, height: int = 640, title: str = "parkkg view") -> str:
    """An ``<iframe>`` that shows the HTML ``page`` inline, with no request for it.

    The page travels in the ``srcdoc`` attribute, escaped (``&``, ``<``,
    ``>``, ``"`` and ``'``), so nothing in it can close the tag. The frame is
    sandboxed: its scripts run, but in an origin of their own, away from the
    notebook. The frame sits in a ``<div>`` (IPython warns about bare iframes).

    Examples
    --------
    >>> tag = iframe_html('<p title="x">甲 & 乙</p>', height=100)
    >>> tag.split(" sandbox=")[0]
    '<div class="parkkg-view"><iframe srcdoc="&lt;p title=&quot;x&quot;&gt;甲 &amp; 乙&lt;/p&gt;"'
    """
    if height <= 0:
        raise ValueError(f"height must be a positive number of pixels, not {height}")
    return (
        f'<div class="parkkg-view"><iframe srcdoc="{html.escape(page, quote=True)}" sandbox="allow-scripts" '
        f'title="{html.escape(title, quote=True)}" '
        f'style="width: 100%; height: {int(height)}px; border: 1px solid #d0d0d0;"></iframe></div>'
    )


def show_html(page: str, *, height: int = 640, title: str = "parkkg view") -> HTML:
    """:func:`iframe_html` as an object a notebook cell displays."""
    from IPython.display import HTML

    return HTML(iframe_html(page, height=height, title=title))


def show_network(G: nx.Graph, *, title: str = "parkkg", height: int = 640, seed: int = 0) -> HTML:
    """The interactive view of ``G``, inline in a notebook and offline.

    Hover a node for its details, click an edge for its evidence sentence;
    search, class and industry filters and the 中文/English switch work as in
    the HTML files ``parkkg build`` writes.
    """
    return show_html(to_page(G, title=title, seed=seed), height=height, title=title)


# ----------------------------------------------------------------------------- tables

_NODE_COLUMNS = ["label_zh", "label_en", "cls", "industries", "degree", "degree_centrality", "betweenness", "community", "component", "iri"]
_EDGE_COLUMNS = ["source", "relation", "relation_zh", "target", "about", "evidence", "document", "relations", "source_iri", "target_iri"]


def nodes_frame(G: nx.Graph) -> pandas.DataFrame:
    """One row per node of a projection: labels, class, industries and measures.

    Rows are ranked by betweenness, then degree, then label; industries are
    joined with ``"、"``. Measures are added first when missing.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.Graph()
    >>> G.add_nodes_from([("a", {"label_zh": "甲", "cls": "Enterprise"}), ("b", {"label_zh": "乙"}), ("c", {"label_zh": "丙"})])
    >>> G.add_edges_from([("a", "b"), ("a", "c")])
    >>> nodes_frame(G)[["label_zh", "degree"]].values.tolist()
    [['甲', 2], ['丙', 1], ['乙', 1]]
    """
    import pandas as pd

    from graph.views.networks import network_records

    rows = network_records(G)["nodes"]
    for r in rows:
        r["industries"] = "、".join(r["industries"])
    return pd.DataFrame(rows, columns=_NODE_COLUMNS)


def edges_frame(G: nx.Graph) -> pandas.DataFrame:
    """One row per edge of a projection: who, how, about what, and the evidence.

    Columns: ``source`` and ``target`` (zh labels, in the direction of the
    main fact), ``relation`` (the ``pk:`` property's local name) and
    ``relation_zh``, ``about`` (what the link is about when the graph says
    so: the patent filed together or the platform built together),
    ``evidence`` (the sentence the fact was read from), ``document``,
    ``relations`` (every relation merged into the edge) and the IRIs.

    Examples
    --------
    >>> from rdflib import Graph
    >>> from graph.views.networks import partnership_network
    >>> g = Graph().parse(format="turtle", data='''
    ... @prefix pk: <https://w3id.org/parkkg/ontology#> .
    ... @prefix pkr: <https://w3id.org/parkkg/id/> .
    ... @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
    ... pkr:P a pk:Patent ; rdfs:label "一种材料"@zh ; pk:applicant pkr:U, pkr:F .
    ... pkr:U a pk:University ; rdfs:label "某大学"@zh .
    ... pkr:F a pk:Enterprise ; rdfs:label "某公司"@zh .
    ... ''')
    >>> edges_frame(partnership_network(g))[["relation", "about"]].values.tolist()
    [['coFiledPatentWith', '一种材料']]
    """
    import pandas as pd

    from graph.views.networks import network_records
    from graph.views.render import relation_style

    rows = []
    for e in network_records(G)["edges"]:
        about = sorted({s.get("via", "") for s in e["statements"]} - {""})
        rows.append(
            {
                "source": e["source_label"],
                "relation": e["relation"],
                "relation_zh": relation_style(e["relation"])[0],
                "target": e["target_label"],
                "about": "；".join(about),
                "evidence": e["evidence"],
                "document": e["document"],
                "relations": "、".join(e["relations"]),
                "source_iri": e["source"],
                "target_iri": e["target"],
            }
        )
    return pd.DataFrame(rows, columns=_EDGE_COLUMNS)
