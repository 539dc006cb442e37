"""The overview of a large network: groups of nodes drawn as one node each.

Past a few hundred nodes a network view is a hairball; it opens instead on
its groups: each node belongs to the group of its Louvain community (``community``,
from :func:`graph.views.networks.add_metrics`), communities smaller than
``min_size`` are merged into their industry's remainder, and two groups are linked with the number of edges between them (and how
many of each relation). A group sits at the centre of its members in the
view's layout, pushed apart just enough that no two groups' labels overlap
at the zoom that fits the whole graph, so expanding a group shows its
members where the group was.

Examples
--------
>>> import networkx as nx
>>> G = nx.barbell_graph(5, 0)
>>> nx.set_node_attributes(G, {v: 0 if v < 5 else 1 for v in G}, "community")
>>> pos = {v: (float(v), 0.0) for v in G}
>>> ov = overview(G, pos, min_size=2)
>>> nx.set_node_attributes(G, nx.betweenness_centrality(G), "betweenness")
>>> ov = overview(G, pos, min_size=2)
>>> [(g.size, g.lead) for g in ov.groups], [(a, b, n) for a, b, n, _ in ov.links]
([(5, 4), (5, 5)], [('g0', 'g1', 1)])
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import networkx as nx

__all__ = ["Group", "Overview", "group_nodes", "short_name", "overview", "SCREEN", "LABEL_PX"]

#: The width in screen pixels the whole layout is assumed to be fitted into.
SCREEN = 1000.0
#: Font size of a group's label on screen, at the zoom that fits the whole layout.
LABEL_PX = 15.0


@dataclass(frozen=True)
class Group:
    """One aggregated node of the overview."""

    id: str
    members: tuple[Any, ...]
    lead: Any  # the most central member, whose name the group carries
    label_zh: str
    label_en: str
    industry: str
    x: float
    y: float
    radius: float  # in layout units: the node's size
    font: float  # in layout units: the label's font size

    @property
    def size(self) -> int:
        return len(self.members)


@dataclass(frozen=True)
class Overview:
    """Groups, which group each node is in, and links (group, group, edges, {relation: edges})."""

    groups: list[Group]
    group_of: dict[Any, str]
    links: list[tuple[str, str, int, dict[str, int]]]


def _centrality(d: Mapping[str, Any]) -> float:
    return 0.6 * float(d.get("betweenness", 0.0)) + 0.4 * float(d.get("degree_centrality", 0.0))


def group_nodes(G: nx.Graph, *, min_size: int = 4) -> dict[Any, str]:
    """Each node's group: its Louvain community (``c<n>``), or for the nodes of communities
    smaller than ``min_size`` (small components, mostly) the remainder of their first
    industry (``rest:<industry>``).

    Examples
    --------
    >>> G = nx.Graph()
    >>> G.add_nodes_from([(1, {"community": 0, "industries": ["新材料"]}), (2, {"community": 0}),
    ...                   (3, {"community": 1, "industries": ["新材料"]})])
    >>> group_nodes(G, min_size=2)
    {1: 'c0', 2: 'c0', 3: 'rest:新材料'}
    """
    community = {v: int(d.get("community", -1)) for v, d in G.nodes(data=True)}
    sizes: dict[int, int] = {}
    for c in community.values():
        sizes[c] = sizes.get(c, 0) + 1
    out: dict[Any, str] = {}
    for v, c in community.items():
        if c >= 0 and sizes[c] >= min_size:
            out[v] = f"c{c}"
        else:
            inds = sorted(str(i) for i in G.nodes[v].get("industries", []) or [])
            out[v] = f"rest:{inds[0] if inds else ''}"
    return out


_SUFFIXES = ("股份有限公司", "有限责任公司", "有限公司", "集团", "股份")


def short_name(name: str, n: int = 8) -> str:
    """A firm's name without its legal form, cut to ``n`` characters.

    Examples
    --------
    >>> short_name("广东聚石化学股份有限公司")
    '广东聚石化学'
    """
    for suffix in _SUFFIXES:
        if name.endswith(suffix) and len(name) > len(suffix) + 1:
            name = name[: -len(suffix)]
    return name if len(name) <= n else name[: n - 1] + "…"


def overview(G: nx.Graph, pos: Mapping[Any, tuple[float, float]], groups: Mapping[Any, str] | None = None, *, min_size: int = 4) -> Overview:
    """Aggregate ``G`` into groups placed over the layout ``pos`` (see the module docstring).

    Parameters
    ----------
    G : networkx.Graph
        A network with ``community`` (and optionally ``industries``,
        ``betweenness``, ``degree_centrality``, ``label_zh``, ``label_en``)
        on its nodes.
    pos : mapping node -> (x, y)
        The view's layout (:func:`graph.views.render.grouped_layout`).
    groups : mapping node -> group key, optional
        Default :func:`group_nodes`.
    min_size : int
        Smaller communities join their industry's remainder.
    """
    import numpy as np

    keys = dict(groups) if groups is not None else group_nodes(G, min_size=min_size)
    members: dict[str, list[Any]] = {}
    for v in sorted(G, key=str):
        members.setdefault(keys[v], []).append(v)
    order = sorted(members, key=lambda k: (-len(members[k]), k))
    xs = [p[0] for p in pos.values()] or [0.0]
    ys = [p[1] for p in pos.values()] or [0.0]
    unit = max(max(xs) - min(xs), max(ys) - min(ys), 1.0) / SCREEN  # layout units per screen pixel when fitted
    biggest = max((len(m) for m in members.values()), default=1)
    font = LABEL_PX * unit
    specs = []
    for i, key in enumerate(order):
        ms = members[key]
        lead = max(ms, key=lambda v: (_centrality(G.nodes[v]), -len(str(v))))
        d = G.nodes[lead]
        zh = str(d.get("label_zh", lead))
        en = str(d.get("label_en", "") or "")
        n = len(ms)
        label_zh = f"{short_name(zh)} 等{n}个" if n > 1 else zh
        label_en = f"{short_name(en or zh, 18)} +{n - 1}" if n > 1 else (en or zh)
        radius = (8.0 + 26.0 * math.sqrt(n / biggest)) * unit
        cx = sum(pos[v][0] for v in ms) / n
        cy = sum(pos[v][1] for v in ms) / n
        # what must not overlap: the node and its label under it (CJK glyphs are about 1 em wide)
        half_width = max(radius, 0.5 * max(len(label_zh), 0.55 * len(label_en)) * font)
        inds: dict[str, int] = {}
        for v in ms:
            for ind in G.nodes[v].get("industries", []) or []:
                inds[str(ind)] = inds.get(str(ind), 0) + 1
        industry = max(sorted(inds), key=lambda i: inds[i]) if inds else ""  # the most common industry
        specs.append((f"g{i}", industry, tuple(ms), lead, label_zh, label_en, cx, cy, radius, half_width))
    centres = np.array([[s[6], s[7]] for s in specs], dtype=float).reshape(-1, 2)
    reach = np.array([max(s[8] + 1.6 * font, s[9]) + 4 * unit for s in specs], dtype=float)
    centres = _push_apart(centres, reach)
    groups = [
        Group(gid, ms, lead, zh, en, industry, round(float(c[0]), 2), round(float(c[1]), 2), round(radius, 2), round(font, 2))
        for (gid, industry, ms, lead, zh, en, _, _, radius, _), c in zip(specs, centres)
    ]
    group_of = {v: g.id for g in groups for v in g.members}
    counts: dict[tuple[str, str], dict[str, int]] = {}
    for u, v, d in G.edges(data=True):
        a, b = group_of[u], group_of[v]
        if a == b:
            continue
        a, b = sorted((a, b), key=lambda g: int(g[1:]))
        rel = str(d.get("relation", ""))
        per = counts.setdefault((a, b), {})
        per[rel] = per.get(rel, 0) + 1
    links = [(a, b, sum(per.values()), dict(sorted(per.items()))) for (a, b), per in sorted(counts.items(), key=lambda kv: (int(kv[0][0][1:]), int(kv[0][1][1:])))]
    return Overview(groups, group_of, links)


def _push_apart(centres: Any, reach: Any, *, rounds: int = 300) -> Any:
    """Move discs (centres, radii ``reach``) apart until none overlap; the smaller one moves more."""
    import numpy as np

    pos = centres.copy()
    n = len(pos)
    if n < 2:
        return pos
    pos += np.random.default_rng(0).normal(scale=1e-6 * (float(reach.max()) or 1.0), size=pos.shape)
    share = reach[None, :] ** 2 / (reach[:, None] ** 2 + reach[None, :] ** 2)
    for _ in range(rounds):
        d = pos[:, None, :] - pos[None, :, :]
        dist = np.sqrt((d * d).sum(-1))
        np.fill_diagonal(dist, np.inf)
        over = np.clip(reach[:, None] + reach[None, :] - dist, 0.0, None)
        if not over.any():
            break
        pos += (d * (over * share / np.maximum(dist, 1e-9))[..., None]).sum(1) * 0.55
    return pos
