"""The HTML views in a real browser: Debian's headless Chromium driven by Playwright.

The pages are opened from file:// with every other request aborted (and
recorded: none may happen), and checked for console errors, node and edge
counts, details on click, search, filters, and labels that try to run
script. Screenshots go to /tmp/parkkg-*.png for a human to look at.
"""

from __future__ import annotations

from pathlib import Path

import networkx as nx
import pytest

from graph import networks as nw
from graph import render

SHOTS = Path("/tmp")

XSS_SCRIPT = "<script>window.__pwned=1</script>"
XSS_IMG = '"><img src=x onerror="window.__pwned=2">'




@pytest.fixture(scope="module")
def views(built, tmp_path_factory):
    out = tmp_path_factory.mktemp("views")
    nets = nw.build_networks(built.dataset)
    files = {name: render.write_html(G, out / f"{name}.html", title=render.VIEW_TITLES[name]) for name, G in nets.items()}
    return nets, files


class Page:
    """A page opened offline, with what it logged and what it tried to fetch."""

    def __init__(self, browser, path: Path, viewport=(1400, 900)):
        self.page = browser.new_page(viewport={"width": viewport[0], "height": viewport[1]})
        self.errors: list[str] = []
        self.blocked: list[str] = []
        self.requests: list[str] = []
        self.page.on("console", lambda m: self.errors.append(f"{m.type}: {m.text}") if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self.errors.append(f"pageerror: {e}"))
        self.page.on("request", lambda r: self.requests.append(r.url))

        def block(route):
            self.blocked.append(route.request.url)
            route.abort()

        self.page.route(lambda url: not url.startswith("file:"), block)
        self.url = path.resolve().as_uri()
        self.page.goto(self.url)
        self.page.wait_for_function("window.parkkg && window.parkkg.ready === true", timeout=20_000)

    def eval(self, js: str, arg=None):
        return self.page.evaluate(js, arg)

    def dom_point_of_node(self, node_id: str) -> tuple[float, float]:
        box = self.page.locator("#pk-network canvas").bounding_box()
        p = self.eval(
            "id => { const n = parkkg.network; const c = n.getPositions([id])[id]; return n.canvasToDOM(c); }",
            node_id,
        )
        return box["x"] + p["x"], box["y"] + p["y"]

    def dom_point_of_edge(self, edge_id: str) -> tuple[float, float]:
        box = self.page.locator("#pk-network canvas").bounding_box()
        p = self.eval(
            "id => { const n = parkkg.network; const e = n.body.edges[id]; return n.canvasToDOM(e.edgeType.getPoint(0.5)); }",
            edge_id,
        )
        return box["x"] + p["x"], box["y"] + p["y"]

    def physics_off(self):
        if self.page.locator("#pk-physics").is_checked():
            self.page.locator("#pk-physics").click()
        assert self.eval("parkkg.network.physics.options.enabled") is False

    def assert_offline_and_clean(self):
        assert self.blocked == [], self.blocked
        assert [u for u in self.requests if u != self.url] == []
        assert self.errors == [], self.errors

    def close(self):
        self.page.close()


def test_views_open_offline_with_the_graphs_counts(browser, views):
    nets, files = views
    for name, G in nets.items():
        page = Page(browser, files[name])
        try:
            counts = page.eval(
                "[parkkg.nodes.length, parkkg.edges.length, parkkg.network.body.nodeIndices.length, parkkg.network.body.edgeIndices.length]"
            )
            assert counts == [G.number_of_nodes(), G.number_of_edges(), G.number_of_nodes(), G.number_of_edges()], name
            legend = page.page.locator("#pk-legend").inner_text()
            assert "图例 Legend" in legend and "企业 Enterprise" in legend
            page.page.screenshot(path=str(SHOTS / f"parkkg-{name}.png"))
            page.assert_offline_and_clean()
        finally:
            page.close()


def test_click_node_and_edge_show_details(browser, views):
    nets, files = views
    G = nets["partnerships"]
    hub = max(G, key=lambda v: (G.degree(v), v))
    page = Page(browser, files["partnerships"])
    try:
        page.physics_off()
        page.page.mouse.click(*page.dom_point_of_node(hub))
        details = page.page.locator("#pk-details-body")
        assert details.get_attribute("data-id") == hub
        text = details.inner_text()
        assert G.nodes[hub]["label_zh"] in text and "介数 Betweenness" in text and G.nodes[hub]["iri"] in text
        assert f"关系 Relations ({G.degree(hub)})" in text
        # hovering shows the tooltip as text
        page.page.mouse.move(*page.dom_point_of_node(hub))
        page.page.wait_for_selector("div.vis-tooltip", state="visible", timeout=5000)
        assert G.nodes[hub]["label_zh"] in page.page.locator("div.vis-tooltip").inner_text()
        # an edge: its evidence sentence and document
        eid, em = next((k, m) for k, m in page.eval("parkkg.meta.edges").items() if hub in (m["source"], m["target"]))
        page.page.mouse.click(*page.dom_point_of_edge(eid))
        assert details.get_attribute("data-kind") == "edge" and details.get_attribute("data-id") == eid
        text = details.inner_text()
        u, v = em["source"], em["target"]
        assert G.edges[u, v]["evidence"] in text and "文档 Document: " + G.edges[u, v]["document"] in text
        page.assert_offline_and_clean()
    finally:
        page.close()


def test_search_finds_聚石化学(browser, views):
    nets, files = views
    name = next(n for n, G in nets.items() if any("聚石化学" in d["label_zh"] for _, d in G.nodes(data=True)))
    target = next(v for v, d in nets[name].nodes(data=True) if "聚石化学" in d["label_zh"])
    page = Page(browser, files[name])
    try:
        page.page.fill("#pk-search", "聚石化学")
        page.page.press("#pk-search", "Enter")
        assert page.eval("parkkg.network.getSelectedNodes()") == [target]
        assert "广东聚石化学股份有限公司" in page.page.locator("#pk-details-body h3").inner_text()
        assert "找到 1 个" in page.page.locator("#pk-results").inner_text()
        page.page.fill("#pk-search", "不存在的名字")
        page.page.click("#pk-search-go")
        assert "未找到" in page.page.locator("#pk-results").inner_text()
        page.assert_offline_and_clean()
    finally:
        page.close()


def test_filters_by_class_and_industry(browser, views):
    nets, files = views
    G = nets["chain-leaders"]
    page = Page(browser, files["chain-leaders"])
    try:
        firms = sum(1 for _, d in G.nodes(data=True) if d["cls"] == "Enterprise")
        page.page.locator('#pk-legend-classes [data-cls="Enterprise"] input').click()
        assert page.eval("parkkg.nodeView.length") == G.number_of_nodes() - firms
        assert page.eval("parkkg.network.body.nodeIndices.length") == G.number_of_nodes() - firms
        page.page.locator('#pk-legend-classes [data-cls="Enterprise"] input').click()
        industry = sorted({i for _, d in G.nodes(data=True) for i in d["industries"]})[0]
        page.page.select_option("#pk-industry", industry)
        expected = sum(1 for _, d in G.nodes(data=True) if industry in d["industries"])
        assert page.eval("parkkg.nodeView.length") == expected
        visible = set(page.eval("parkkg.nodeView.getIds()"))
        assert all(industry in G.nodes[v]["industries"] for v in visible)
        assert page.eval("parkkg.edgeView.get().every(e => parkkg.nodeView.get(e.from) && parkkg.nodeView.get(e.to))")
        page.assert_offline_and_clean()
    finally:
        page.close()


def test_labels_with_markup_render_as_text_and_never_run(browser, tmp_path):
    G = nx.Graph()
    G.add_node("a", iri="a", label_zh=XSS_SCRIPT, label_en="hostile <b>en</b>", cls="Enterprise", industries=[])
    G.add_node("b", iri="b", label_zh=XSS_IMG, label_en="", cls="University", industries=[])
    G.add_node("c", iri="c", label_zh="广东聚石化学股份有限公司", label_en="Guangdong Jushi Chemical", cls="Enterprise", industries=["新材料", "<b>化工</b>"])
    G.graph["industry_labels_en"] = {"新材料": "New materials", "<b>化工</b>": "<i>Chemicals</i>"}
    G.add_edge("a", "b", relation="cooperatesWith", source="a", target="b", directed=False,
               evidence='</script><img src=x onerror="window.__pwned=3">', document="<svg onload=window.__pwned=4>.txt")  # fmt: skip
    G.add_edge("b", "c", relation="hasCustomer", source="c", target="b", directed=True, evidence="句子。", document="d.txt")
    path = render.write_html(G, tmp_path / "hostile.html", title="<img src=x onerror=window.__pwned=5>")
    page = Page(browser, path)
    try:
        page.physics_off()
        for node in ("a", "b"):
            page.page.mouse.move(*page.dom_point_of_node(node))
            page.page.wait_for_selector("div.vis-tooltip", state="visible", timeout=5000)
            page.page.mouse.click(*page.dom_point_of_node(node))
            assert page.page.locator("#pk-details-body h3").inner_text() == G.nodes[node]["label_zh"]
        page.page.mouse.click(*page.dom_point_of_edge(page.eval("parkkg.edges.getIds()[0]")))
        text = page.page.locator("#pk-details-body").inner_text()
        assert '</script><img src=x onerror="window.__pwned=3">' in text and "<svg onload=window.__pwned=4>.txt" in text
        page.page.fill("#pk-search", "<script")
        page.page.press("#pk-search", "Enter")
        assert XSS_SCRIPT in page.page.locator("#pk-results").inner_text()
        page.page.click("#pk-lang")
        assert page.eval("parkkg.nodes.get('a').label") == "hostile <b>en</b>"
        assert page.eval("parkkg.nodes.get('b').label") == XSS_IMG  # no English label: Chinese stays
        options = page.page.locator("#pk-industry option")
        assert [options.nth(i).inner_text() for i in range(1, options.count())] == ["<i>Chemicals</i>", "New materials"]
        page.page.click("#pk-lang")
        assert [options.nth(i).inner_text() for i in range(1, options.count())] == ["<b>化工</b>", "新材料"]
        page.page.click("#pk-lang")
        assert page.page.locator("#pk-title").inner_text() == "<img src=x onerror=window.__pwned=5>"
        page.page.wait_for_timeout(300)
        assert page.eval("typeof window.__pwned") == "undefined"
        assert page.page.locator("#pk-side img, #pk-bar img, #pk-side script, #pk-side svg[onload]").count() == 0
        page.page.screenshot(path=str(SHOTS / "parkkg-hostile.png"))
        page.assert_offline_and_clean()
    finally:
        page.close()


def test_an_empty_view_opens_cleanly(browser, tmp_path):
    path = render.write_html(nx.Graph(), tmp_path / "empty.html", title="空")
    page = Page(browser, path)
    try:
        assert page.eval("[parkkg.nodes.length, parkkg.edges.length]") == [0, 0]
        assert page.page.locator("#pk-count").inner_text().startswith("0/0")
        page.assert_offline_and_clean()
    finally:
        page.close()
