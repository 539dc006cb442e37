"""A large view in headless Chromium: it opens on its overview, a group
expands on click, a node's neighbours on double-click, nodes hide, pin and
focus, relation / class / industry filters apply, and the view re-fits after
every filter and search (the shown nodes are inside the canvas). The graph is
a seeded planted-partition network of 480 nodes, large enough for the overview.
Screenshots go to /tmp/parkkg-scale-*.png for a human to look at."""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import quote

import networkx as nx
import pytest

from graph.views import overview as ov
from graph.views import render

RELATIONS = ("hasCustomer", "cooperatesWith", "coBuiltPlatformWith", "subsidiaryOf")
INDUSTRIES = ("新材料", "电子信息", "生物医药", "装备制造")


def planted(n_groups: int = 12, size: int = 40, seed: int = 4) -> nx.Graph:
    G = nx.random_partition_graph([size] * n_groups, 0.18, 0.004, seed=seed)
    H = nx.Graph()
    for v in G:
        g = v // size
        H.add_node(f"https://w3id.org/parkkg/id/企业{v}", label_zh=f"测试企业{v:03d}有限公司", label_en=f"Firm {v}",
                   cls="University" if v % 17 == 0 else "Enterprise", industries=[INDUSTRIES[g % 4]] if v % 5 else [],
                   iri=f"https://w3id.org/parkkg/id/企业{v}")  # fmt: skip
    for i, (u, v) in enumerate(sorted(G.edges())):
        rel = RELATIONS[i % len(RELATIONS)]
        H.add_edge(f"https://w3id.org/parkkg/id/企业{u}", f"https://w3id.org/parkkg/id/企业{v}", relation=rel,
                   evidence=f"企业{u}与企业{v}。", document="t.txt", directed=rel != "cooperatesWith")  # fmt: skip
    return H


@pytest.fixture(scope="module")
def big(tmp_path_factory):
    G = planted()
    path = tmp_path_factory.mktemp("scale") / "big.html"
    render.write_html(G, path, title="large")
    return G, path


class View:
    def __init__(self, browser, path: Path, fragment: str = ""):
        self.page = browser.new_page(viewport={"width": 1300, "height": 850})
        self.errors: list[str] = []
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.route(lambda url: not url.startswith("file:"), lambda route: (self.errors.append(route.request.url), route.abort()))
        self.page.goto(path.resolve().as_uri() + fragment)
        self.page.wait_for_function("window.parkkg && window.parkkg.ready === true", timeout=30_000)

    def eval(self, js: str, arg=None):
        return self.page.evaluate(js, arg)

    def shown(self) -> set[str]:
        return set(self.eval("parkkg.shownNodes()"))

    def groups(self) -> list[str]:
        return self.eval("parkkg.shownGroups()")

    def outside(self) -> list[str]:
        """Shown nodes and groups whose centre is outside the canvas (a view that did not re-fit)."""
        return self.eval(
            """() => { const n = parkkg.network, c = n.canvas.frame.canvas.getBoundingClientRect();
                 const ids = parkkg.nodeView.getIds(), pos = n.getPositions(ids), out = [];
                 for (const id of ids) { const p = n.canvasToDOM(pos[id]);
                   if (p.x < 0 || p.y < 0 || p.x > c.width || p.y > c.height) out.push(id); }
                 return out; }"""
        )

    def label_boxes(self) -> list[tuple[str, float, float, float, float]]:
        """The drawn labels' boxes, in canvas coordinates (vis-network's own measure)."""
        return self.eval(
            """() => { const out = []; for (const id of parkkg.nodeView.getIds()) {
                 const node = parkkg.network.body.nodes[id]; const s = node.labelModule.size;
                 if (node.options.label && s.width > 0) out.push([id, s.left, s.top, s.left + s.width, s.top + s.height]); }
                 return out; }"""
        )

    def dom_point(self, node_id: str) -> tuple[float, float]:
        box = self.page.locator("#pk-network canvas").bounding_box()
        p = self.eval("id => parkkg.network.canvasToDOM(parkkg.network.getPositions([id])[id])", node_id)
        return box["x"] + p["x"], box["y"] + p["y"]


def overlapping(boxes) -> list[tuple[str, str]]:
    bad = []
    for i, a in enumerate(boxes):
        for b in boxes[i + 1 :]:
            if a[1] < b[3] and b[1] < a[3] and a[2] < b[4] and b[2] < a[4]:
                bad.append((a[0], b[0]))
    return bad


def test_a_large_view_opens_on_its_overview(browser, big):
    G, path = big
    data = json.loads(re.search(r'<script id="pk-data" type="application/json">(.*?)</script>', path.read_text("utf-8"), re.S).group(1))
    groups = data["overview"]["groups"]
    assert 8 <= len(groups) <= 20 and sum(len(g["members"]) for g in groups) == G.number_of_nodes()
    v = View(browser, path)
    try:
        assert v.shown() == set() and sorted(v.groups()) == sorted(g["id"] for g in groups)
        assert v.outside() == []
        v.page.screenshot(path="/tmp/parkkg-scale-open.png")
        boxes = v.label_boxes()
        assert len(boxes) == len(groups) and overlapping(boxes) == []
        assert "组 groups" in v.page.locator("#pk-count").inner_text()
        assert v.errors == []
    finally:
        v.page.close()


def test_click_a_group_then_double_click_a_node(browser, big):
    G, path = big
    v = View(browser, path)
    try:
        gid = v.groups()[0]
        members = set(v.eval("g => parkkg.groups[g].members", gid))
        v.page.mouse.click(*v.dom_point(gid))
        assert v.shown() == members and gid not in v.groups()
        # the view fits the group (the other groups may be off screen), labels never overlap
        assert members.isdisjoint(v.outside()) and overlapping(v.label_boxes()) == []
        v.page.screenshot(path="/tmp/parkkg-scale-expanded.png")
        # a member with neighbours in other groups: double-click brings them in, linked to it
        node = next(m for m in sorted(members) if any(w not in members for w in G[m]))
        v.page.mouse.dblclick(*v.dom_point(node))
        shown = v.shown()
        assert set(G[node]) <= shown and shown - members <= set(G[node])
        assert {node, *G[node]}.isdisjoint(v.outside())
        edges = set(map(frozenset, v.eval("parkkg.edgeView.get().filter(e => parkkg.meta.edges[e.id]).map(e => [e.from, e.to])")))
        assert all(frozenset((node, w)) in edges for w in G[node])
        # the overview button puts everything back
        v.page.click("#pk-overview")
        assert v.shown() == set() and gid in v.groups()
        assert v.errors == []
    finally:
        v.page.close()


def test_a_search_hit_in_the_overview_is_a_starting_point(browser, big):
    G, path = big
    v = View(browser, path)
    try:
        hit = sorted(G)[11]
        v.page.fill("#pk-search", G.nodes[hit]["label_zh"])
        v.page.press("#pk-search", "Enter")
        # the hit is shown on its own, linked to the (still collapsed) groups of its neighbours
        assert v.shown() == {hit}
        group_of = v.eval("parkkg.meta.nodes").__getitem__
        bridges = v.eval("parkkg.edgeView.get().filter(e => e.isBridge).map(e => [e.to, e.label || '1'])")
        expected: dict[str, int] = {}
        for w in G[hit]:  # its own group too: it is shown alone, the group stays collapsed
            g = group_of(w)["group"]
            expected[g] = expected.get(g, 0) + 1
        assert {g: int(n) for g, n in bridges} == expected
        assert {hit, *expected}.isdisjoint(v.outside())  # the view fits the hit and where its links go
        # double-click: its neighbours come in
        v.page.mouse.dblclick(*v.dom_point(hit))
        assert v.shown() == {hit, *G[hit]}
        v.page.screenshot(path="/tmp/parkkg-scale-search.png")
        assert v.errors == []
    finally:
        v.page.close()


def test_filters_refit_the_view(browser, big):
    G, path = big
    v = View(browser, path)
    try:
        v.page.click("#pk-all")
        assert v.shown() == set(G) and v.outside() == []
        # a search zooms onto the hit ...
        hit = sorted(G)[5]
        v.page.fill("#pk-search", G.nodes[hit]["label_zh"])
        v.page.press("#pk-search", "Enter")
        assert v.eval("parkkg.network.getSelectedNodes()") == [hit]
        assert v.outside() != []  # zoomed in: most of the graph is off screen
        # ... and an industry filter then shows all of its nodes, not a blank canvas
        industry = INDUSTRIES[1]
        v.page.select_option("#pk-industry", industry)
        expected = {n for n in G if industry in G.nodes[n]["industries"]}
        assert v.shown() == expected and v.outside() == []
        v.page.select_option("#pk-industry", "")
        # relation filter: no edge of that relation is drawn, and the view re-fits
        v.page.locator('#pk-legend-relations input[data-relation="hasCustomer"]').click()
        rels = v.eval("parkkg.edgeView.get().map(e => parkkg.meta.edges[e.id].relation)")
        assert rels and "hasCustomer" not in rels
        assert len(rels) == sum(1 for *_, d in G.edges(data=True) if d["relation"] != "hasCustomer")
        assert v.outside() == []
        v.page.screenshot(path="/tmp/parkkg-scale-relation.png")
        v.page.locator('#pk-legend-relations input[data-relation="hasCustomer"]').click()
        # class filter
        v.page.locator('#pk-legend-classes [data-cls="Enterprise"] input').click()
        assert v.shown() == {n for n in G if G.nodes[n]["cls"] != "Enterprise"} and v.outside() == []
        assert v.errors == []
    finally:
        v.page.close()


def test_hide_pin_and_focus(browser, big):
    G, path = big
    v = View(browser, path)
    try:
        node = max(G, key=lambda n: (G.degree(n), n))
        assert v.eval("id => parkkg.focusNode(id, 1)", node) == G.degree(node) + 1
        assert v.shown() == {node, *G[node]} and v.outside() == []
        assert not v.page.locator("#pk-focus-bar").is_hidden()
        two = set(nx.single_source_shortest_path_length(G, node, cutoff=2))
        v.page.select_option("#pk-k", "2")
        assert v.shown() == two
        # hide one neighbour from the details panel's button
        other = sorted(G[node])[0]
        v.eval("id => parkkg.showNode(id)", other)
        v.page.locator("#pk-actions button", has_text="隐藏 Hide").click()
        assert other not in v.shown()
        assert "(1)" in v.page.locator("#pk-unhide").inner_text()
        v.page.click("#pk-unhide")
        assert other in v.shown()
        # pin
        v.eval("id => parkkg.showNode(id)", node)
        v.page.locator("#pk-actions button", has_text="固定 Pin").click()
        assert v.eval("id => parkkg.network.body.nodes[id].options.fixed", node) == {"x": True, "y": True}
        v.page.click("#pk-focus-exit")
        assert v.eval("parkkg.state.focus") is None and v.shown() == set()
        assert v.errors == []
    finally:
        v.page.close()


def test_a_focus_link_opens_on_that_node(browser, big):
    G, path = big
    node = sorted(G)[7]
    v = View(browser, path, "#focus=" + quote(node, safe=""))
    try:
        assert v.shown() == {node, *G[node]} and v.outside() == []
        assert v.eval("parkkg.network.getSelectedNodes()") == [node]
    finally:
        v.page.close()


def test_the_overview_groups_agree_with_the_payload():
    G = planted(n_groups=6, size=60, seed=1)
    from graph.views.networks import add_metrics

    add_metrics(G)
    groups = ov.group_nodes(G)
    pos = render.grouped_layout(G, groups)
    o = ov.overview(G, pos, groups)
    # every edge between two groups is counted once, per relation too
    between = sum(1 for u, w in G.edges() if o.group_of[u] != o.group_of[w])
    assert sum(n for *_, n, _ in o.links) == between
    assert all(n == sum(rels.values()) for *_, n, rels in o.links)
    # the planted groups are found: each found group is mostly one planted block
    for g in o.groups:
        blocks = [int(v.rsplit("企业", 1)[1]) // 60 for v in g.members]
        assert max(blocks.count(b) for b in set(blocks)) >= 0.8 * len(blocks)


def test_the_picture_of_a_large_graph_is_its_overview(tmp_path):
    G = planted()
    svg = render.draw_network(G, tmp_path / "big.svg", title="large").read_text("utf-8")
    from graph.views.networks import add_metrics

    add_metrics(G)
    groups = ov.group_nodes(G)
    n_groups = len(set(groups.values()))
    drawn = re.findall(r'id="pk-group-(g\d+)"', svg)
    assert sorted(drawn, key=lambda g: int(g[1:])) == [f"g{i}" for i in range(n_groups)]
    # a small graph is drawn node by node, as before
    small = render.draw_network(nx.path_graph(5), tmp_path / "small.svg").read_text("utf-8")
    assert "pk-group-" not in small
