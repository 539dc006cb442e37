"""Stage 11, render: interactive HTML (pyvis + vis-network, fully offline) and static pictures.

:func:`to_html` turns a projection from :mod:`graph.views.networks` into one
self-contained HTML file: vis-network's JavaScript and CSS are inlined from
the pyvis package, the page is rendered from parkkg's own template
(``graph/views/templates/network.html``; pyvis's template links Bootstrap and
tom-select from a CDN), and a Content-Security-Policy forbids every network
request and every script but the page's own. The graph travels as JSON in a
``<script type="application/json">`` block with ``<``, ``>``, ``&`` and
``'`` escaped, and the page's script puts article text into the DOM with
``textContent`` only, so a label such as ``<script>…</script>`` shows as text
and never runs.

The page has a legend (colour and shape by class, colour by relation; click
a class to hide it), node size by centrality, a search box, filters by
class and industry, a physics toggle, a 中文/English label toggle, hover
tooltips, and a details panel that shows a node's attributes or an edge's
evidence sentence and document. Past ``physics_threshold`` nodes the
physics starts off and the seeded layout computed here is used as is; from
500 nodes on that layout is clustered (industry, then Louvain community,
then a spring layout per community), which takes seconds, not minutes, at
20,000 nodes.

:func:`draw_network` writes a matplotlib PNG or SVG of the same view with a
CJK font (:func:`find_cjk_font`), and :func:`write_views` writes both
networks' HTML and pictures, as ``parkkg build`` does.

Examples
--------
>>> import networkx as nx
>>> G = nx.Graph()
>>> G.add_node("a", label_zh="<b>甲</b>", cls="Enterprise")
>>> html = to_html(G, title="demo")
>>> "<b>甲</b>" in html, "\\\\u003cb\\\\u003e甲" in html
(False, True)
"""

from __future__ import annotations

import base64
import hashlib
import math
import warnings
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files
from pathlib import Path
from typing import Any

import networkx as nx

from graph.rdf.files import write_atomic
from graph.views.fonts import find_cjk_family

__all__ = [
    "ClassStyle",
    "CLASS_STYLES",
    "RELATION_STYLES",
    "VIEW_TITLES",
    "class_style",
    "relation_style",
    "layout",
    "grouped_layout",
    "view_layout",
    "node_sizes",
    "to_html",
    "write_html",
    "find_cjk_font",
    "draw_network",
    "draw_pictures",
    "write_view",
    "write_views",
]


@dataclass(frozen=True)
class ClassStyle:
    """How one class is drawn: names for the legend, colour, vis shape, matplotlib marker."""

    zh: str
    en: str
    colour: str
    shape: str
    marker: str


CLASS_STYLES: dict[str, ClassStyle] = {
    "Park": ClassStyle("园区", "Park", "#d62728", "star", "*"),
    "Industry": ClassStyle("产业", "Industry", "#ff7f0e", "diamond", "D"),
    "Enterprise": ClassStyle("企业", "Enterprise", "#1f77b4", "dot", "o"),
    "University": ClassStyle("高校", "University", "#2ca02c", "triangle", "^"),
    "ResearchInstitute": ClassStyle("科研机构", "Research institute", "#17becf", "triangleDown", "v"),
    "GovernmentBody": ClassStyle("政府机构", "Government body", "#9467bd", "square", "s"),
    "Organization": ClassStyle("组织", "Organisation", "#7f7f7f", "dot", "o"),
    "Platform": ClassStyle("创新平台", "Platform", "#8c6d31", "hexagon", "h"),
    "Honour": ClassStyle("荣誉", "Honour", "#e377c2", "star", "*"),
    "Project": ClassStyle("项目", "Project", "#8c564b", "square", "s"),
    "Product": ClassStyle("产品", "Product", "#bcbd22", "triangleDown", "v"),
    "Patent": ClassStyle("专利", "Patent", "#637939", "diamond", "D"),
    "Person": ClassStyle("人物", "Person", "#ff9896", "dot", "o"),
    "Event": ClassStyle("事件", "Event", "#c49c94", "hexagon", "h"),
}
_OTHER = ClassStyle("其他", "Other", "#a0a0a0", "dot", "o")

#: relation → (zh, en, colour)
RELATION_STYLES: dict[str, tuple[str, str, str]] = {
    "leadingIndustry": ("主导产业", "leading industry", "#ff7f0e"),
    "chainLeaderOf": ("链主企业", "chain leader of", "#d62728"),
    "hostsPlatform": ("拥有平台", "hosts platform", "#8c6d31"),
    "receivedHonour": ("获得荣誉", "received honour", "#e377c2"),
    "subsidiaryOf": ("子公司", "subsidiary of", "#393b79"),
    "undertakenBy": ("承担项目", "undertaken by", "#8c564b"),
    "produces": ("生产", "produces", "#bcbd22"),
    "hasCustomer": ("客户", "has customer", "#1f77b4"),
    "cooperatesWith": ("合作", "cooperates with", "#2ca02c"),
    "coFiledPatentWith": ("联合申请专利", "co-filed patent with", "#637939"),
    "coBuiltPlatformWith": ("共建平台", "co-built platform with", "#17becf"),
    "inIndustry": ("所属产业", "in industry", "#ffbb78"),
    "locatedIn": ("位于", "located in", "#7f7f7f"),
    "partOf": ("隶属", "part of", "#c7c7c7"),
    "affiliatedWith": ("任职于", "affiliated with", "#9467bd"),
    "applicant": ("专利申请人", "applicant", "#98df8a"),
}
_FALLBACK_COLOURS = ("#843c39", "#7b4173", "#5254a3", "#6b6ecf", "#b5cf6b", "#e7ba52", "#ad494a", "#a55194")

#: Page titles of the named views.
VIEW_TITLES = {
    "chain-leaders": "链主企业网络 · Chain-leader network",
    "partnerships": "合作网络 · Partnership network",
}

_FONT_STACK = '"Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC", sans-serif'


def class_style(cls: str) -> ClassStyle:
    """The style of a class local name (grey dot for unknown classes).

    Examples
    --------
    >>> class_style("University").shape
    'triangle'
    >>> class_style("Spaceship").en
    'Other'
    """
    return CLASS_STYLES.get(cls, _OTHER)


def relation_style(relation: str) -> tuple[str, str, str]:
    """(zh, en, colour) of a relation; unknown relations get a stable colour.

    Examples
    --------
    >>> relation_style("hasCustomer")
    ('客户', 'has customer', '#1f77b4')
    >>> relation_style("worksWith")[0]
    'worksWith'
    """
    if relation in RELATION_STYLES:
        return RELATION_STYLES[relation]
    digest = int(hashlib.sha256(relation.encode("utf-8")).hexdigest(), 16)
    return relation, relation, _FALLBACK_COLOURS[digest % len(_FALLBACK_COLOURS)]


def _darker(colour: str, factor: float = 0.7) -> str:
    r, g, b = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return "#{:02x}{:02x}{:02x}".format(*(int(c * factor) for c in (r, g, b)))


def layout(G: nx.Graph, *, seed: int = 0) -> dict[Any, tuple[float, float]]:
    """Seeded layout in screen pixels (the same seed gives the same picture).

    Below 500 nodes: a spring layout per connected component, components
    packed side by side. From 500 nodes on, a clustered layout that stays
    fast and readable with tens of thousands of nodes: nodes are grouped by
    industry (the first of their ``industries``), each group is split into
    Louvain communities (again while a community has 500 nodes or more),
    each community gets its own spring layout, and the communities, then the
    industries, are placed as discs by a force layout of the graph between
    them, so each industry shows as a separate region made of visible
    sub-clusters.

    Examples
    --------
    >>> pos = layout(nx.path_graph(3), seed=1)
    >>> pos == layout(nx.path_graph(3), seed=1), len(pos)
    (True, 3)
    """
    if G.number_of_nodes() == 0:
        return {}
    unit = 170.0  # pixels per layout unit
    if G.number_of_nodes() < _CLUSTER_LIMIT:
        pos = _packed(G, seed=seed)
    else:
        pos = _clustered(_sorted_graph(G, G), seed=seed, by_industry=True)
    mx = sum(p[0] for p in pos.values()) / len(pos)
    my = sum(p[1] for p in pos.values()) / len(pos)
    return {v: (round((px - mx) * unit, 2), round((py - my) * unit, 2)) for v, (px, py) in pos.items()}


def grouped_layout(G: nx.Graph, group_of: Mapping[Any, Any], *, seed: int = 0) -> dict[Any, tuple[float, float]]:
    """A seeded layout, in screen pixels, with each group of ``group_of`` in a disc of its own.

    Each group is laid out alone (a spring layout per connected component),
    and the groups are placed as non-overlapping discs, groups with more
    edges between them closer together. This is the layout of a large view
    that opens on its overview (:mod:`graph.views.overview`): a group's
    members sit around the group's node.

    Examples
    --------
    >>> G = nx.disjoint_union(nx.complete_graph(4), nx.complete_graph(4))
    >>> pos = grouped_layout(G, {v: v // 4 for v in G}, seed=1)
    >>> near = max(math.dist(pos[0], pos[v]) for v in (1, 2, 3))
    >>> far = min(math.dist(pos[0], pos[v]) for v in (4, 5, 6, 7))
    >>> near < far
    True
    """
    if G.number_of_nodes() == 0:
        return {}
    H = _sorted_graph(G, G)
    members: dict[str, list[Any]] = {}
    for v in H:
        members.setdefault(str(group_of[v]), []).append(v)
    parts = sorted(members.values(), key=lambda g: (-len(g), str(g[0])))
    pos = _place_parts(H, parts, seed=seed, gap=1.5) if len(parts) > 1 else _packed(H, seed=seed)
    unit = 170.0
    mx = sum(p[0] for p in pos.values()) / len(pos)
    my = sum(p[1] for p in pos.values()) / len(pos)
    return {v: (round((px - mx) * unit, 2), round((py - my) * unit, 2)) for v, (px, py) in pos.items()}


def view_layout(G: nx.Graph, *, seed: int = 0, overview_threshold: int = 300) -> dict[Any, tuple[float, float]]:
    """The positions the HTML view of ``G`` draws its nodes at (exports that should open
    looking like the view use these): :func:`layout`, or past ``overview_threshold`` nodes
    :func:`grouped_layout` over the overview's groups (which needs the metrics of
    :func:`graph.views.networks.add_metrics`; they are added when missing).

    Examples
    --------
    >>> pos = view_layout(nx.path_graph(3), seed=1)
    >>> pos == layout(nx.path_graph(3), seed=1)
    True
    """
    if G.number_of_nodes() <= overview_threshold:
        return layout(G, seed=seed)
    from graph.views.overview import group_nodes

    if "community" not in next(iter(G.nodes.values())):
        from graph.views.networks import add_metrics

        add_metrics(G, seed=seed)
    return grouped_layout(G, group_nodes(G), seed=seed)


#: from this many nodes on, :func:`layout` lays out clusters apart
_CLUSTER_LIMIT = 500
_CLUSTER_ITERATIONS = 50


def _sorted_graph(G: nx.Graph, nodes: Iterable[Any]) -> nx.Graph:
    """An undirected copy of ``G`` restricted to ``nodes``, built in sorted order (seeded layouts then
    depend only on the graph, not on the order it was built in)."""
    keep = set(nodes)
    H = nx.Graph()
    H.add_nodes_from((v, G.nodes[v]) for v in sorted(keep, key=str))
    H.add_edges_from(sorted((tuple(sorted((u, v), key=str)) for u, v in G.subgraph(keep).edges() if u != v), key=str))
    return H


def _packed(G: nx.Graph, *, seed: int = 0, iterations: int = 100) -> dict[Any, tuple[float, float]]:
    """A spring layout per connected component, components shelf-packed, in layout units."""
    comps = sorted((sorted(c, key=str) for c in nx.connected_components(G)), key=lambda c: (-len(c), str(c[0])))
    boxes: list[tuple[float, dict[Any, tuple[float, float]]]] = []
    for comp in comps:
        m = len(comp)
        if m == 1:
            boxes.append((1.0, {comp[0]: (0.0, 0.0)}))
            continue
        H = nx.Graph()
        H.add_nodes_from(comp)
        H.add_edges_from(sorted((tuple(sorted((u, v), key=str)) for u, v in G.subgraph(comp).edges()), key=str))
        if m < _SPRING_LIMIT:
            raw = nx.spring_layout(H, seed=seed, k=1.6 / math.sqrt(m), iterations=iterations)
        else:
            raw = _large_layout(H, seed=seed)
        side = 1.2 * math.sqrt(m) + 0.8
        boxes.append((side, {v: (float(x) * side / 2, float(y) * side / 2) for v, (x, y) in raw.items()}))
    # shelf packing: components side by side in rows, largest first
    gap = 0.6
    width = max(max(b[0] for b in boxes), math.sqrt(sum((b[0] + gap) ** 2 for b in boxes)) * 1.15)
    pos: dict[Any, tuple[float, float]] = {}
    x = y = row_h = 0.0
    for side, local in boxes:
        if x > 0 and x + side > width:
            x, y, row_h = 0.0, y + row_h + gap, 0.0
        cx, cy = x + side / 2, y + side / 2
        for v, (lx, ly) in local.items():
            pos[v] = (cx + lx, cy + ly)
        x += side + gap
        row_h = max(row_h, side)
    return pos


def _industry_parts(H: nx.Graph) -> list[list[Any]]:
    groups: dict[str, list[Any]] = {}
    for v in H:
        inds = sorted(str(i) for i in H.nodes[v].get("industries", []) or [])
        groups.setdefault(inds[0] if inds else "", []).append(v)
    return sorted(groups.values(), key=lambda g: (-len(g), str(g[0])))


def _community_parts(H: nx.Graph, *, seed: int) -> list[list[Any]]:
    """Louvain communities of the large components; all small components together as one part."""
    small: list[Any] = []
    parts: list[list[Any]] = []
    for comp in nx.connected_components(H):
        if len(comp) < _CLUSTER_LIMIT:
            small.extend(comp)
            continue
        C = _sorted_graph(H, comp)
        parts.extend(sorted(c, key=str) for c in nx.community.louvain_communities(C, seed=seed))
    if small:
        parts.append(sorted(small, key=str))
    return sorted(parts, key=lambda c: (-len(c), str(c[0])))


def _clustered(H: nx.Graph, *, seed: int, by_industry: bool) -> dict[Any, tuple[float, float]]:
    """Split ``H`` (by industry, else by community), lay out each part, place the parts as discs."""
    parts = _industry_parts(H) if by_industry else _community_parts(H, seed=seed)
    if len(parts) <= 1:
        return _clustered(H, seed=seed, by_industry=False) if by_industry else _packed(H, seed=seed)
    # industries sit further apart than the communities inside them
    return _place_parts(H, parts, seed=seed, gap=None if by_industry else 0.8)


def _place_parts(H: nx.Graph, parts: list[list[Any]], *, seed: int, gap: float | None) -> dict[Any, tuple[float, float]]:
    """Lay out each part on its own and place the parts as discs, linked parts close (``gap``
    between discs; None: a gap that grows with the largest disc)."""
    import numpy as np

    part_of: dict[Any, int] = {}
    local: list[dict[Any, tuple[float, float]]] = []
    radii = []
    for i, part in enumerate(parts):
        P = _sorted_graph(H, part)
        if len(part) < _CLUSTER_LIMIT:  # hundreds of these: fewer spring steps (a community is small)
            sub = _packed(P, seed=seed, iterations=_CLUSTER_ITERATIONS)
        else:
            sub = _clustered(P, seed=seed, by_industry=False)
        cx = sum(p[0] for p in sub.values()) / len(sub)
        cy = sum(p[1] for p in sub.values()) / len(sub)
        sub = {v: (x - cx, y - cy) for v, (x, y) in sub.items()}
        radii.append(max(math.hypot(x, y) for x, y in sub.values()) + 0.6)
        local.append(sub)
        part_of.update((v, i) for v in part)
    Q = nx.Graph()
    Q.add_nodes_from(range(len(parts)))
    for u, v in H.edges():
        a, b = part_of[u], part_of[v]
        if a != b:
            w = Q.get_edge_data(a, b, {"weight": 0})["weight"]
            Q.add_edge(a, b, weight=w + 1)
    r = np.array(radii)
    if gap is None:
        gap = max(2.0, 0.12 * float(r.max()))
    centres = _place_discs(r + gap / 2, Q, seed=seed)
    pos: dict[Any, tuple[float, float]] = {}
    for i, sub in enumerate(local):
        ox, oy = centres[i]
        for v, (x, y) in sub.items():
            pos[v] = (float(ox + x), float(oy + y))
    return pos


def _place_discs(r: Any, Q: nx.Graph, *, seed: int) -> Any:
    """Centres for discs of radii ``r`` (numpy array): start from a spring layout of the graph ``Q``
    between them (weighted), then contract and push overlapping discs apart, so linked discs end
    up close and none overlap."""
    import numpy as np

    c = len(r)
    rng = np.random.default_rng(seed)
    if c <= 1:
        return np.zeros((c, 2))
    if c < _SPRING_LIMIT and Q.number_of_edges():
        raw = nx.spring_layout(Q, weight="weight", seed=seed, iterations=100)
        pos = np.array([raw[i] for i in range(c)], dtype=float)
    else:  # a sunflower spiral, largest first
        angle = np.arange(c) * math.pi * (3 - math.sqrt(5))
        pos = np.column_stack([np.cos(angle), np.sin(angle)]) * np.sqrt(np.arange(c) + 0.5)[:, None]
    pos = pos - pos.mean(axis=0)
    pos += rng.normal(scale=1e-3, size=pos.shape)  # no two centres coincide
    spread = np.abs(pos).max() or 1.0
    pos *= 1.5 * math.sqrt(float((r * r).sum())) / spread
    area = r * r
    share = area[None, :] / (area[:, None] + area[None, :])  # the smaller disc moves more

    def push() -> bool:
        d = pos[:, None, :] - pos[None, :, :]
        dist = np.sqrt((d * d).sum(-1))
        np.fill_diagonal(dist, np.inf)
        over = np.clip(r[:, None] + r[None, :] - dist, 0.0, None)
        if not over.any():
            return False
        pos[:] += (d * (over * share / np.maximum(dist, 1e-9))[..., None]).sum(1)
        return True

    for _ in range(120):  # contract towards the centre, keep discs apart
        pos *= 0.96
        for _ in range(3):
            if not push():
                break
    for _ in range(400):
        if not push():
            break
    return pos


# networkx switches to a slow pure-Python (and scipy-based) layout from 500 nodes on
_SPRING_LIMIT = 500


def _large_layout(H: nx.Graph, *, seed: int = 0) -> dict[Any, tuple[float, float]]:
    """A force layout for one large connected graph, in numpy, bounded in time and memory.

    Starts from a spectral embedding (power iteration on the random-walk
    matrix, O(edges) a step), then refines it with Fruchterman-Reingold
    steps whose all-pairs repulsion is computed in row blocks; the number
    of steps shrinks as the graph grows. Coordinates are scaled to [-1, 1].
    """
    import numpy as np

    nodes = list(H)
    n = len(nodes)
    index = {v: i for i, v in enumerate(nodes)}
    src = np.array([index[u] for u, v in H.edges()], dtype=np.int64)
    dst = np.array([index[v] for u, v in H.edges()], dtype=np.int64)
    deg = np.bincount(np.concatenate([src, dst]), minlength=n).astype(float)
    deg[deg == 0] = 1.0
    rng = np.random.default_rng(seed)
    pos = rng.random((n, 2)) - 0.5
    ones = np.ones(n) / math.sqrt(n)
    for _ in range(60):  # degree-normalised eigenvectors (Koren 2005) by power iteration
        nxt = np.zeros_like(pos)
        np.add.at(nxt, src, pos[dst])
        np.add.at(nxt, dst, pos[src])
        pos = 0.5 * (pos + nxt / deg[:, None])
        for j in range(2):
            col = pos[:, j] - ones * (ones @ pos[:, j])
            if j == 1:
                first = pos[:, 0] / (np.linalg.norm(pos[:, 0]) or 1.0)
                col = col - first * (first @ col)
            pos[:, j] = col / (np.linalg.norm(col) or 1.0)
    pos = pos / (np.abs(pos).max() or 1.0)
    k = 1.0 / math.sqrt(n)
    steps = max(8, min(50, int(6e7 / (n * n))))
    temp = 0.1
    block = max(1, int(2e6 // n))
    for step in range(steps):
        disp = np.zeros_like(pos)
        for a in range(0, n, block):
            d = pos[a : a + block, None, :] - pos[None, :, :]
            dist2 = np.maximum((d * d).sum(-1), 1e-6)
            disp[a : a + block] += (d * (k * k / dist2)[..., None]).sum(1)
        delta = pos[src] - pos[dst]
        dist = np.maximum(np.linalg.norm(delta, axis=1), 1e-6)
        pull = delta * (dist / k)[:, None]
        np.add.at(disp, src, -pull)
        np.add.at(disp, dst, pull)
        length = np.maximum(np.linalg.norm(disp, axis=1), 1e-9)
        pos += disp * (np.minimum(length, temp) / length)[:, None]
        temp *= 1.0 - 1.0 / (steps + 1)
    pos -= pos.mean(axis=0)
    pos /= np.abs(pos).max() or 1.0
    return {v: (float(pos[i, 0]), float(pos[i, 1])) for i, v in enumerate(nodes)}


@lru_cache(maxsize=1)
def _vis_assets() -> tuple[str, str]:
    """vis-network's JS and CSS as shipped inside pyvis (read once)."""
    import pyvis

    lib = Path(pyvis.__file__).resolve().parent / "templates" / "lib"
    folders = sorted(lib.glob("vis-network*")) + sorted(lib.glob("vis-9*"), reverse=True)
    for d in folders:
        js, css = d / "vis-network.min.js", d / "vis-network.css"
        if js.is_file() and css.is_file():
            return js.read_text(encoding="utf-8"), css.read_text(encoding="utf-8")
    raise FileNotFoundError(f"vis-network.min.js not found under {lib}; reinstall pyvis (pip install 'pyvis>=0.3.2')")


def _template(name: str) -> str:
    return files("graph.views").joinpath("templates", name).read_text(encoding="utf-8")


def _csp_hash(script: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii") + "'"


def _norm(values: dict[Any, float]) -> dict[Any, float]:
    top = max(values.values(), default=0.0)
    return {k: (v / top if top > 0 else 0.0) for k, v in values.items()}


def node_sizes(G: nx.Graph, *, physics_threshold: int = 300) -> dict[Any, float]:
    """Node sizes in pixels as the view draws them (the Gephi exports use the same).

    ``10 + 22 × (0.6 b + 0.4 d)``, where ``b`` and ``d`` are the node's
    betweenness and degree centrality divided by the graph's largest; doubled
    when the graph has more than ``physics_threshold`` nodes (such a view
    opens zoomed out, without physics).

    Examples
    --------
    >>> G = nx.path_graph(3)
    >>> nx.set_node_attributes(G, {0: 0.0, 1: 1.0, 2: 0.0}, "betweenness")
    >>> nx.set_node_attributes(G, {0: 0.5, 1: 1.0, 2: 0.5}, "degree_centrality")
    >>> node_sizes(G)
    {0: 14.4, 1: 32.0, 2: 14.4}
    """
    btw = _norm({v: float(G.nodes[v].get("betweenness", 0.0)) for v in G})
    deg = _norm({v: float(G.nodes[v].get("degree_centrality", 0.0)) for v in G})
    scale = 2 if G.number_of_nodes() > physics_threshold else 1
    return {v: round((10 + 22 * (0.6 * btw[v] + 0.4 * deg[v])) * scale, 2) for v in G}


#: Labels always shown in a large view: its most central nodes (others show theirs on hover).
CENTRAL_LABELS = 40
#: Colours of the overview's groups, by their main industry (the lexicon's industries; others by hash).
INDUSTRY_COLOURS = {
    "新材料": "#4e79a7", "电子信息": "#f28e2b", "装备制造": "#e15759", "生物医药": "#59a14f",
    "新能源": "#76b7b2", "数字经济": "#b07aa1", "现代农业": "#9c755f",
}  # fmt: skip
_GROUP_COLOURS = ("#edc948", "#ff9da7", "#86bcb6", "#d37295", "#a0cbe8", "#8cd17d")


def _group_colour(industry: str) -> str:
    if not industry:
        return "#8c9aa8"
    if industry in INDUSTRY_COLOURS:
        return INDUSTRY_COLOURS[industry]
    return _GROUP_COLOURS[int(hashlib.sha256(industry.encode("utf-8")).hexdigest(), 16) % len(_GROUP_COLOURS)]


def _overview_payload(G: nx.Graph, pos: dict[Any, tuple[float, float]], groups: dict[Any, str]) -> dict[str, Any]:
    from graph.views.overview import SCREEN, overview

    ov = overview(G, pos, groups)
    xs = [p[0] for p in pos.values()]
    ys = [p[1] for p in pos.values()]
    unit = max(max(xs) - min(xs), max(ys) - min(ys), 1.0) / SCREEN
    top = max((n for *_, n, _ in ov.links), default=1)
    return {
        "unit": round(unit, 4),
        "groups": [
            {"id": g.id, "label_zh": g.label_zh, "label_en": g.label_en, "members": [str(v) for v in g.members], "lead": str(g.lead),
             "industry": g.industry, "colour": _group_colour(g.industry), "x": g.x, "y": g.y, "size": g.radius, "font": g.font}
            for g in ov.groups
        ],
        "links": [
            {"from": a, "to": b, "count": n, "relations": rels, "width": round((1.0 + 7.0 * math.sqrt(n / top)) * unit, 2)}
            for a, b, n, rels in ov.links
        ],
    }  # fmt: skip


def _payload(
    G: nx.Graph, *, title: str, physics_threshold: int, seed: int, overview_threshold: int = 300,
    pos: Mapping[Any, tuple[float, float]] | None = None,
) -> dict[str, Any]:
    """The JSON the page reads: vis nodes/edges, details, legend, options, and the overview of a large graph."""
    if G.number_of_nodes() and "betweenness" not in next(iter(G.nodes.values())):
        from graph.views.networks import add_metrics

        add_metrics(G, seed=seed)
    # large graphs: physics off on the precomputed layout, no edge labels or curves, thin
    # translucent edges and larger nodes, so the clusters (not the edges) show when zoomed out
    big = G.number_of_nodes() > physics_threshold
    overview = None
    group_of: dict[Any, str] = {}
    pos = dict(pos) if pos is not None else view_layout(G, seed=seed, overview_threshold=overview_threshold)
    if G.number_of_nodes() > overview_threshold:
        from graph.views.overview import group_nodes

        overview = _overview_payload(G, pos, group_nodes(G))
        group_of = {v: g["id"] for g in overview["groups"] for v in g["members"]}
    btw = _norm({v: float(G.nodes[v].get("betweenness", 0.0)) for v in G})
    deg = _norm({v: float(G.nodes[v].get("degree_centrality", 0.0)) for v in G})
    sizes = node_sizes(G, physics_threshold=physics_threshold)
    # vis items as plain dicts (pyvis's Network.add_node/add_edge check membership in lists,
    # quadratic in the graph's size: minutes at 20,000 nodes)
    vis_nodes: list[dict[str, Any]] = []
    vis_edges: list[dict[str, Any]] = []
    node_meta: dict[str, dict[str, Any]] = {}
    classes: dict[str, int] = {}
    industries: set[str] = set()
    order = sorted(G, key=str)
    for v in order:
        d = G.nodes[v]
        cls = str(d.get("cls", ""))
        st = class_style(cls)
        classes[cls] = classes.get(cls, 0) + 1
        inds = [str(i) for i in d.get("industries", [])]
        industries.update(inds)
        zh = str(d.get("label_zh", v))
        x, y = pos[v]
        vis_nodes.append({
            "id": str(v),
            "label": zh or str(v),
            "shape": st.shape,
            "color": {
                "background": st.colour,
                "border": _darker(st.colour),
                "highlight": {"background": st.colour, "border": "#000000"},
                "hover": {"background": st.colour, "border": "#000000"},
            },
            "size": sizes[v],
            "x": x,
            "y": y,
        })
        node_meta[str(v)] = {
            "iri": str(d.get("iri", v)),
            "label_zh": zh,
            "label_en": str(d.get("label_en", "")),
            "cls": cls,
            "industries": inds,
            "degree": int(d.get("degree", G.degree(v))),
            "degree_centrality": round(float(d.get("degree_centrality", 0.0)), 4),
            "betweenness": round(float(d.get("betweenness", 0.0)), 4),
            "community": int(d.get("community", -1)),
            "component": int(d.get("component", -1)),
            "group": group_of.get(str(v), ""),
        }
    edge_meta: dict[str, dict[str, Any]] = {}
    relations: dict[str, int] = {}
    edge_list = sorted(G.edges(data=True), key=lambda e: (str(e[2].get("source", e[0])), str(e[2].get("target", e[1])), str(e[0]), str(e[1])))
    for i, (u, v, d) in enumerate(edge_list):
        rel = str(d.get("relation", ""))
        relations[rel] = relations.get(rel, 0) + 1
        zh, en, colour = relation_style(rel)
        s, t = str(d.get("source", u)), str(d.get("target", v))
        if {s, t} != {str(u), str(v)}:
            s, t = str(u), str(v)
        eid = f"e{i}"
        options: dict[str, Any] = {
            "id": eid,
            "color": {"color": colour, "highlight": _darker(colour, 0.6), "hover": _darker(colour, 0.6)},
            "arrows": {"to": {"enabled": bool(d.get("directed", True)), "scaleFactor": 0.6}},
            "width": 0.8 if big else 1.6,
        }
        if not big:
            options["label"] = zh
        vis_edges.append({**options, "from": s, "to": t})
        edge_meta[eid] = {
            "relation": rel,
            "relations": [str(r) for r in d.get("relations", [rel])],
            "source": s,
            "target": t,
            "directed": bool(d.get("directed", True)),
            "evidence": str(d.get("evidence", "")),
            "document": str(d.get("document", "")),
            "statements": [
                {k: str(st.get(k, "")) for k in ("relation", "subject", "object", "text", "document", "via")}
                for st in d.get("statements", [])
            ],
        }
    options = {
        "autoResize": True,
        "nodes": {"font": {"face": _FONT_STACK, "size": 14, "strokeWidth": 3, "strokeColor": "#ffffff"}, "borderWidth": 1},
        "edges": {
            "smooth": False if big else {"enabled": True, "type": "continuous", "roundness": 0.3},
            **({"color": {"opacity": 0.35}} if big else {}),
            "font": {"face": _FONT_STACK, "size": 10, "align": "middle", "strokeWidth": 3, "strokeColor": "#ffffff", "color": "#555555"},
        },
        "physics": {
            "enabled": not big,
            "solver": "forceAtlas2Based",
            "forceAtlas2Based": {"gravitationalConstant": -60, "springLength": 110, "springConstant": 0.05, "avoidOverlap": 0.3},
            "stabilization": {"enabled": not big, "iterations": 250, "fit": True},
        },
        "interaction": {"hover": True, "tooltipDelay": 120, "hideEdgesOnDrag": big, "hideEdgesOnZoom": big, "multiselect": False},
        "layout": {"randomSeed": seed, "improvedLayout": False},
    }
    def rel_label(r: str) -> dict[str, Any]:
        zh, en, colour = relation_style(r)
        return {"relation": r, "zh": zh, "en": en, "colour": colour, "count": relations[r]}

    legend_classes = [
        {"cls": c, "zh": class_style(c).zh, "en": class_style(c).en, "colour": class_style(c).colour, "shape": class_style(c).shape, "count": n}
        for c, n in sorted(classes.items(), key=lambda kv: (list(CLASS_STYLES).index(kv[0]) if kv[0] in CLASS_STYLES else 99, kv[0]))
    ]
    ranked = sorted(G, key=lambda v: (-(0.6 * btw[v] + 0.4 * deg[v]), str(v)))
    if overview is not None:  # members read at the zoom that fits one group
        font = round(max(14.0, 3.0 * overview["unit"]), 1)
        for n in vis_nodes:
            n["font"] = {"size": font}
    return {
        "title": title,
        "overview": overview,
        "central": [str(v) for v in ranked[:CENTRAL_LABELS]] if big else [str(v) for v in ranked],
        "nodes": vis_nodes,
        "edges": vis_edges,
        "meta": {"nodes": node_meta, "edges": edge_meta},
        "classes": legend_classes,
        "relations": [rel_label(r) for r in sorted(relations, key=lambda r: (list(RELATION_STYLES).index(r) if r in RELATION_STYLES else 99, r))],
        "industries": sorted(industries),
        "industry_en": {i: en for i, en in sorted(G.graph.get("industry_labels_en", {}).items()) if i in industries},
        "physics": not big,
        "options": options,
    }


def to_html(
    G: nx.Graph, *, title: str = "parkkg", physics_threshold: int = 300, overview_threshold: int = 300, seed: int = 0,
    pos: Mapping[Any, tuple[float, float]] | None = None,
) -> str:
    """One self-contained, offline HTML page exploring ``G``.

    Parameters
    ----------
    G : networkx.Graph
        A projection from :mod:`graph.views.networks` (node attributes
        ``label_zh``, ``label_en``, ``cls``, ``industries`` and metrics; edge
        attributes ``relation``, ``evidence``, ``document``); metrics are
        added when missing.
    title : str
        Page title and heading.
    physics_threshold : int
        Above this many nodes, physics starts off and the seeded layout is
        used as is (edge labels and curves are dropped too, edges are thin
        and translucent, nodes drawn larger, edges hidden while dragging
        or zooming), so the page stays responsive with thousands of nodes:
        5,000 nodes draw in about 2 s in headless Chromium (see
        ``bench/measure.py html`` and ``draw``).
    overview_threshold : int
        Above this many nodes the page opens on an overview: one node per
        group (Louvain community, see :mod:`graph.views.overview`) sized by
        its members, links labelled with how many edges they stand for;
        a click expands a group, a double-click on a node its neighbours.
        The layout is then :func:`grouped_layout`, so members appear where
        their group was.
    seed : int
        Seed of the layout (and of the metrics, if they are computed here).
    pos : mapping, optional
        The layout, when the caller has already computed :func:`view_layout`
        with the same ``seed`` and ``overview_threshold``.

    Returns
    -------
    str
        The HTML. It makes no network request: scripts and styles are
        inline, and its Content-Security-Policy allows only those.

    Examples
    --------
    >>> G = nx.Graph()
    >>> G.add_edge("a", "b", relation="hasCustomer", evidence="甲的客户包括乙。", document="x.txt")
    >>> html = to_html(G, title="t")
    >>> html.startswith("<!DOCTYPE html>"), "https://" in html.split("<script")[0]
    (True, False)
    """
    import jinja2

    payload = _payload(G, title=title, physics_threshold=physics_threshold, overview_threshold=overview_threshold, seed=seed, pos=pos)
    vis_js, vis_css = _vis_assets()
    app_js = _template("network.js")
    for name, code in (("vis-network", vis_js), ("network.js", app_js)):
        if "</script" in code.lower():
            raise ValueError(f"{name} contains '</script' and cannot be inlined")
    env = jinja2.Environment(autoescape=True, keep_trailing_newline=True)
    # tojson escapes < > & ' as \u00XX, so nothing in the data can close the script block
    env.policies["json.dumps_kwargs"] = {"sort_keys": True, "ensure_ascii": False}
    page = env.from_string(_template("network.html"))
    return page.render(
        title=title,
        payload=payload,
        vis_js=vis_js,
        vis_css=vis_css,
        app_js=app_js,
        csp_scripts=" ".join(_csp_hash(s) for s in (vis_js, app_js)),
        nodes=G.number_of_nodes(),
        edges=G.number_of_edges(),
    )


def write_html(G: nx.Graph, path: str | Path, **kwargs: Any) -> Path:
    """Write :func:`to_html` atomically to ``path``; returns the path."""
    html = to_html(G, **kwargs)
    return write_atomic(path, lambda p: p.write_text(html, encoding="utf-8"))


# ----------------------------------------------------------------------------- pictures

def find_cjk_font() -> str | None:
    """The family name of a CJK font matplotlib can use, or None.

    Prefers Noto Sans CJK SC (Debian: ``apt-get install fonts-noto-cjk``);
    a font installed after matplotlib built its font cache is found too
    (:func:`graph.views.fonts.find_cjk_family`).

    Examples
    --------
    >>> from graph.views.fonts import CJK_FAMILIES
    >>> find_cjk_font() in (None,) + CJK_FAMILIES
    True
    """
    return find_cjk_family()


def draw_network(
    G: nx.Graph,
    path: str | Path,
    *,
    title: str = "",
    seed: int = 0,
    max_labels: int = 60,
    dpi: int = 150,
    overview_threshold: int = 300,
) -> Path:
    """Draw ``G`` with matplotlib to a PNG or SVG (by the suffix of ``path``).

    A graph of more than ``overview_threshold`` nodes is drawn as its
    overview (:mod:`graph.views.overview`: one circle per group, sized by its
    members and coloured by its main industry, links as wide as the edges
    they stand for), which is also what its HTML view opens on.

    Colours and markers follow :data:`CLASS_STYLES`, edge colours
    :data:`RELATION_STYLES`, node size the centrality; labels are the zh
    names (only the ``max_labels`` most central when the graph is larger).
    A legend names classes and relations in Chinese and English.

    Warns
    -----
    UserWarning
        No CJK font is installed, so Chinese would show as empty boxes.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> G = nx.Graph(); G.add_edge("a", "b", relation="hasCustomer")
    >>> p = draw_network(G, pathlib.Path(tempfile.mkdtemp()) / "g.png")
    >>> p.read_bytes()[:4] == b"\\x89PNG"
    True
    """
    return draw_pictures(G, [path], title=title, seed=seed, max_labels=max_labels, dpi=dpi,
                         overview_threshold=overview_threshold)[0]


def draw_pictures(
    G: nx.Graph,
    paths: Iterable[str | Path],
    *,
    title: str = "",
    seed: int = 0,
    max_labels: int = 60,
    dpi: int = 150,
    overview_threshold: int = 300,
    pos: Mapping[Any, tuple[float, float]] | None = None,
) -> list[Path]:
    """Draw ``G`` once (as :func:`draw_network` does) and save that one figure to each of ``paths``,
    each in the format its suffix names: a PNG and an SVG of the same view cost one layout and one figure.

    ``pos`` is the view's layout (:func:`view_layout`) when the caller already has it.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> G = nx.Graph(); G.add_edge("a", "b", relation="hasCustomer")
    >>> d = pathlib.Path(tempfile.mkdtemp())
    >>> [p.name for p in draw_pictures(G, [d / "g.png", d / "g.svg"])]
    ['g.png', 'g.svg']
    """
    paths = [Path(p) for p in paths]
    family = find_cjk_font()
    if family is None:
        warnings.warn(
            "no CJK font found for matplotlib: Chinese labels will show as empty boxes; "
            "install Noto Sans CJK (Debian/Ubuntu: apt-get install fonts-noto-cjk) and delete matplotlib's font cache",
            UserWarning,
            stacklevel=2,
        )
    with warnings.catch_warnings():
        if family is None:  # said once above; not once per glyph
            warnings.filterwarnings("ignore", message=r"Glyph \d+ .* missing from font")
        if G.number_of_nodes() > overview_threshold:
            return _draw_overview(G, paths, family=family, title=title, seed=seed, dpi=dpi, pos=pos)
        return _draw(G, paths, family=family, title=title, seed=seed, max_labels=max_labels, dpi=dpi, pos=pos)


def _draw_overview(
    G: nx.Graph, paths: list[Path], *, family: str | None, title: str, seed: int, dpi: int,
    pos: Mapping[Any, tuple[float, float]] | None = None,
) -> list[Path]:
    """The picture of a large graph: its overview (what the HTML view opens on), not the hairball."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure
    from matplotlib.lines import Line2D

    from graph.views.overview import group_nodes, overview

    if "betweenness" not in next(iter(G.nodes.values())):
        from graph.views.networks import add_metrics

        add_metrics(G, seed=seed)
    ov = overview(G, dict(pos) if pos is not None else view_layout(G, seed=seed, overview_threshold=0), group_nodes(G))
    import matplotlib

    rc = {
        "font.family": [family, "DejaVu Sans"] if family else ["DejaVu Sans"],
        "svg.fonttype": "path",
        "svg.hashsalt": "parkkg",
        "axes.unicode_minus": False,
    }
    where = {g.id: (g.x, -g.y) for g in ov.groups}  # vis's y grows downwards, matplotlib's upwards
    top = max((n for *_, n, _ in ov.links), default=1)
    strong = sorted((n for *_, n, _ in ov.links), reverse=True)[: 15]
    biggest = max(g.size for g in ov.groups)
    with matplotlib.rc_context(rc):
        fig = Figure(figsize=(17.5, 14))
        FigureCanvasAgg(fig)
        ax = fig.add_subplot()
        try:
            ax.set_axis_off()
            ax.set_aspect("equal")
            ax.set_title(f"{title}\n{G.number_of_nodes()} 节点 nodes · {G.number_of_edges()} 连线 edges · "
                         f"{len(ov.groups)} 组 groups (Louvain communities)", fontsize=14)  # fmt: skip
            for a, b, n, _ in ov.links:
                (x1, y1), (x2, y2) = where[a], where[b]
                share = math.sqrt(n / top)
                ax.plot([x1, x2], [y1, y2], color="#6b7b8c", linewidth=0.6 + 7 * share, alpha=0.15 + 0.65 * share, zorder=1, solid_capstyle="round")
                if strong and n >= strong[-1] and n > 1:
                    ax.text((x1 + x2) / 2, (y1 + y2) / 2, str(n), fontsize=8, color="#333333", ha="center", va="center", zorder=3,
                            bbox={"boxstyle": "round,pad=0.12", "fc": "white", "ec": "none", "alpha": 0.8})  # fmt: skip
            for g in ov.groups:
                x, y = where[g.id]
                colour = _group_colour(g.industry)
                dot = ax.scatter([x], [y], s=250 + 3200 * g.size / biggest, color=colour, edgecolors="#333333", linewidths=1.0, zorder=2)
                dot.set_gid(f"pk-group-{g.id}")  # an id in the SVG: one per group
                radius_pt = math.sqrt((250 + 3200 * g.size / biggest) / math.pi)
                ax.annotate(g.label_zh, (x, y), xytext=(0, -radius_pt - 3), textcoords="offset points", ha="center", va="top",
                            fontsize=10, zorder=4, bbox={"boxstyle": "round,pad=0.15", "fc": "white", "ec": "none", "alpha": 0.75})  # fmt: skip
            industries = sorted({g.industry for g in ov.groups}, key=lambda i: (i == "", i))
            handles = [Line2D([], [], linestyle="", marker="o", markersize=11, markerfacecolor=_group_colour(i), markeredgecolor="#333333",
                              label=i or "无产业 no industry") for i in industries]  # fmt: skip
            handles.append(Line2D([], [], color="#6b7b8c", linewidth=4, label="组间连线（数字：连线数）links (number: edges)"))
            ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.0, 1.0), frameon=False, fontsize=10,
                      title="组按主要产业着色\ngroups by main industry")  # fmt: skip
            ax.margins(0.08)
            fig.tight_layout()

            return [_save_figure(fig, path, dpi) for path in paths]
        finally:
            fig.clear()


def _save_figure(fig: Any, path: Path, dpi: int) -> Path:
    """Write ``fig`` to ``path`` atomically, in the format its suffix names (PNG by default)."""

    def save(p: Path) -> None:
        fig.savefig(p, dpi=dpi, format=path.suffix.lstrip(".").lower() or "png", bbox_inches="tight", metadata=_metadata(path))

    return write_atomic(path, save)


def _draw(
    G: nx.Graph, paths: list[Path], *, family: str | None, title: str, seed: int, max_labels: int, dpi: int,
    pos: Mapping[Any, tuple[float, float]] | None = None,
) -> list[Path]:
    # the object-oriented API: no pyplot, so a notebook's backend is left alone
    import matplotlib
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure
    from matplotlib.lines import Line2D

    if G.number_of_nodes() and "betweenness" not in next(iter(G.nodes.values())):
        from graph.views.networks import add_metrics

        add_metrics(G, seed=seed)
    pos = dict(pos) if pos is not None else layout(G, seed=seed)
    btw = _norm({v: float(G.nodes[v].get("betweenness", 0.0)) for v in G})
    deg = _norm({v: float(G.nodes[v].get("degree_centrality", 0.0)) for v in G})
    rc = {
        "font.family": [family, "DejaVu Sans"] if family else ["DejaVu Sans"],
        "svg.fonttype": "path",
        "svg.hashsalt": "parkkg",  # stable ids: the same graph gives the same SVG
        "axes.unicode_minus": False,
    }
    n = G.number_of_nodes()
    side = min(22.0, 8.0 + 0.25 * math.sqrt(max(n, 1)) * 4)
    with matplotlib.rc_context(rc):
        fig = Figure(figsize=(side + 3.5, side))
        FigureCanvasAgg(fig)
        ax = fig.add_subplot()
        try:
            ax.set_axis_off()
            if title:
                ax.set_title(title, fontsize=14)
            if n == 0:
                ax.text(0.5, 0.5, "没有节点 · no nodes", ha="center", va="center", fontsize=14, color="#777777", transform=ax.transAxes)
            rels = sorted({str(d.get("relation", "")) for _, _, d in G.edges(data=True)})
            for rel in rels:
                edges = [(u, v) for u, v, d in G.edges(data=True) if str(d.get("relation", "")) == rel]
                nx.draw_networkx_edges(G, pos, edgelist=edges, edge_color=relation_style(rel)[2], width=1.3, alpha=0.8, ax=ax)
            present = sorted({str(G.nodes[v].get("cls", "")) for v in G}, key=lambda c: (list(CLASS_STYLES).index(c) if c in CLASS_STYLES else 99, c))
            for cls in present:
                members = [v for v in G if str(G.nodes[v].get("cls", "")) == cls]
                st = class_style(cls)
                sizes = [120 + 900 * (0.6 * btw[v] + 0.4 * deg[v]) for v in members]
                nx.draw_networkx_nodes(
                    G, pos, nodelist=members, node_color=st.colour, node_shape=st.marker, node_size=sizes,
                    edgecolors=_darker(st.colour), linewidths=0.8, ax=ax,
                )  # fmt: skip
            ranked = sorted(G, key=lambda v: (-(btw[v] + deg[v]), str(G.nodes[v].get("label_zh", v))))
            shown = {v: str(G.nodes[v].get("label_zh", v)) for v in ranked[:max_labels]}
            for v, text in shown.items():
                x, y = pos[v]
                lift = math.sqrt(120 + 900 * (0.6 * btw[v] + 0.4 * deg[v])) / 2 + 2
                ax.annotate(
                    text, (x, y), xytext=(0, lift), textcoords="offset points", ha="center", va="bottom", fontsize=8,
                    bbox={"boxstyle": "round,pad=0.15", "fc": "white", "ec": "none", "alpha": 0.7},
                )  # fmt: skip
            handles = [
                Line2D([], [], linestyle="", marker=class_style(c).marker, markersize=9, markerfacecolor=class_style(c).colour,
                       markeredgecolor=_darker(class_style(c).colour), label=f"{class_style(c).zh} {class_style(c).en}")
                for c in present
            ]  # fmt: skip
            handles += [Line2D([], [], color=relation_style(r)[2], linewidth=2, label=f"{relation_style(r)[0]} {relation_style(r)[1]}") for r in rels]
            if handles:
                ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.0, 1.0), frameon=False, fontsize=9, title="图例 Legend")
            ax.margins(0.08)
            fig.tight_layout()

            return [_save_figure(fig, path, dpi) for path in paths]
        finally:
            fig.clear()


def _metadata(path: Path) -> dict[str, Any]:
    # fixed metadata so the same graph gives the same file
    suffix = path.suffix.lower()
    if suffix == ".svg":
        return {"Date": None}
    if suffix == ".pdf":
        return {"CreationDate": None}
    return {"Software": "parkkg"}


def write_view(G: nx.Graph, path: str | Path, *, title: str = "", html: bool = True, pictures: bool = True, seed: int = 0) -> list[Path]:
    """Write one view: ``path`` (HTML) and, with ``pictures``, the PNG and SVG beside it.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> G = nx.Graph(); G.add_edge("a", "b", relation="hasCustomer")
    >>> out = write_view(G, pathlib.Path(tempfile.mkdtemp()) / "v.html", pictures=False)
    >>> [p.name for p in out]
    ['v.html']
    """
    path = Path(path)
    title = title or path.stem
    if not (html or pictures):
        return []
    if G.number_of_nodes() and "betweenness" not in next(iter(G.nodes.values())):
        from graph.views.networks import add_metrics

        add_metrics(G, seed=seed)
    pos = view_layout(G, seed=seed)  # one layout for the page and both pictures
    written: list[Path] = []
    if html:
        written.append(write_html(G, path, title=title, seed=seed, pos=pos))
    if pictures:  # one figure, saved twice
        written += draw_pictures(G, [path.with_suffix(".png"), path.with_suffix(".svg")], title=title, seed=seed, pos=pos)
    return written


def write_views(
    graph: Any,
    outdir: str | Path,
    *,
    networks: Iterable[str] = ("chain-leaders", "partnerships"),
    html: bool = True,
    pictures: bool = True,
    seed: int = 0,
) -> list[Path]:
    """Write the named network views of a graph: ``<name>.html``, ``.png`` and ``.svg``.

    This is what ``parkkg build`` (``--viz``, on by default) and ``parkkg
    viz`` call.

    Parameters
    ----------
    graph : rdflib.Graph or rdflib.Dataset
        A built graph (e.g. ``api.build().dataset``).
    outdir : str or Path
        Folder; created if missing.
    networks : iterable of str
        Keys of :data:`graph.views.networks.NETWORKS`.
    html, pictures : bool
        What to write.
    seed : int
        Seed of the layout and the community detection.

    Returns
    -------
    list of Path
        The files written.

    Raises
    ------
    ValueError
        An unknown network name.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> from rdflib import Graph
    >>> out = write_views(Graph(), pathlib.Path(tempfile.mkdtemp()), pictures=False)
    >>> [p.name for p in out]
    ['chain-leaders.html', 'partnerships.html']
    """
    from graph.views.networks import NETWORKS, as_graph

    outdir = Path(outdir)
    names = list(networks)
    for name in names:
        if name not in NETWORKS:
            raise ValueError(f"unknown network {name!r}; choose from {', '.join(NETWORKS)}")
    g = as_graph(graph)
    written: list[Path] = []
    for name in names:
        G = NETWORKS[name](g, seed=seed)
        written += write_view(G, outdir / f"{name}.html", title=VIEW_TITLES.get(name, name), html=html, pictures=pictures, seed=seed)
    return written
