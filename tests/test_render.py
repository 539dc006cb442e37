"""graph.views.render: the offline HTML page, its escaping, the pictures, and the CLI commands."""

from __future__ import annotations

import base64
import doctest
import hashlib
import html as html_lib
import json
import re
import warnings
from pathlib import Path

import networkx as nx
import pytest

from graph import networks as nw
from graph import render
from graph.cli import main

XSS_SCRIPT = "<script>window.__pwned=1</script>"
XSS_IMG = '"><img src=x onerror="window.__pwned=2">'

URL_ATTR = re.compile(r"""\b(?:src|href|action|data|poster)\s*=\s*["']?\s*(?:https?:)?//""", re.I)


def payload(page: str) -> dict:
    m = re.search(r'<script id="pk-data" type="application/json">(.*?)</script>', page, re.S)
    assert m, "no data block"
    return json.loads(m.group(1))


def scripts(page: str) -> list[str]:
    return re.findall(r"<script>(.*?)</script>", page, re.S)


def hostile_graph() -> nx.Graph:
    G = nx.Graph()
    G.add_node("n1", iri="n1", label_zh=XSS_SCRIPT, label_en="script", cls="Enterprise", industries=["新材料"])
    G.add_node("n2", iri="n2", label_zh=XSS_IMG, label_en="", cls="University", industries=[])
    G.add_edge("n1", "n2", relation="hasCustomer", source="n1", target="n2", directed=True,
               evidence="</script><img src=x onerror=window.__pwned=3>", document="<b>doc</b>.txt")  # fmt: skip
    return G


@pytest.fixture(scope="module")
def nets(built):
    return nw.build_networks(built.dataset)


def test_page_is_offline_no_remote_src_or_href(nets):
    for name, G in nets.items():
        page = render.to_html(G, title=name)
        assert not URL_ATTR.search(page), name
        assert "<link" not in page.lower()
        # every script is inline: no src attribute at all
        assert not re.search(r"<script[^>]*\bsrc\s*=", page, re.I)
        for host in ("cdn.jsdelivr.net", "cdnjs.cloudflare.com", "unpkg.com", "bootstrap"):
            assert host not in page.lower(), host


def test_csp_allows_exactly_the_pages_own_scripts(nets):
    page = render.to_html(nets["partnerships"])
    csp = html_lib.unescape(re.search(r'http-equiv="Content-Security-Policy" content="([^"]*)"', page).group(1))
    assert "default-src 'none'" in csp and "connect-src 'none'" in csp and "unsafe-inline" not in csp.split("style-src")[0]
    for code in scripts(page):
        digest = base64.b64encode(hashlib.sha256(code.encode("utf-8")).digest()).decode()
        assert f"'sha256-{digest}'" in csp


def test_counts_in_the_page_equal_the_networkx_graph(nets):
    for name, G in nets.items():
        data = payload(render.to_html(G, title=name))
        assert len(data["nodes"]) == G.number_of_nodes() == len(data["meta"]["nodes"])
        assert len(data["edges"]) == G.number_of_edges() == len(data["meta"]["edges"])
        assert {n["id"] for n in data["nodes"]} == set(G)
        assert {frozenset((e["from"], e["to"])) for e in data["edges"]} == {frozenset(e) for e in G.edges}


def test_article_text_is_escaped_in_the_file_and_intact_in_the_data():
    G = hostile_graph()
    page = render.to_html(G, title="<i>title</i>")
    for raw in (XSS_SCRIPT, XSS_IMG, "<img src=x", "</script><img", "<b>doc</b>", "<i>title</i>"):
        assert raw not in page
    data = payload(page)
    assert data["meta"]["nodes"]["n1"]["label_zh"] == XSS_SCRIPT
    assert data["meta"]["nodes"]["n2"]["label_zh"] == XSS_IMG
    assert data["meta"]["edges"]["e0"]["evidence"] == "</script><img src=x onerror=window.__pwned=3>"
    assert "&lt;i&gt;title&lt;/i&gt;" in page


def test_page_script_never_parses_text_as_html():
    code = render._template("network.js")
    for sink in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(", "new Function"):
        assert sink not in code


def test_style_follows_class_centrality_and_relation(nets):
    G = nets["partnerships"]
    data = payload(render.to_html(G))
    by_id = {n["id"]: n for n in data["nodes"]}
    for v, d in G.nodes(data=True):
        st = render.class_style(d["cls"])
        assert by_id[v]["shape"] == st.shape and by_id[v]["color"]["background"] == st.colour
    hub = max(G, key=lambda v: G.nodes[v]["betweenness"])
    leaf = min(G, key=lambda v: (G.nodes[v]["betweenness"], G.degree(v)))
    assert by_id[hub]["size"] > by_id[leaf]["size"]
    for e in data["edges"]:
        rel = data["meta"]["edges"][e["id"]]["relation"]
        assert e["color"]["color"] == render.relation_style(rel)[2]
    legend = {c["cls"]: c["count"] for c in data["classes"]}
    assert sum(legend.values()) == G.number_of_nodes()
    for cls in nw.ENTITY_CLASSES:
        assert render.class_style(cls.rsplit("#", 1)[1]).en != "Other"


def test_large_graphs_start_without_physics_on_a_seeded_layout():
    # 600 nodes in one component: the numpy layout (networkx's own is slow past 500)
    G = nx.random_regular_graph(3, 600, seed=7)
    nx.set_node_attributes(G, {v: f"节点{v}" for v in G}, "label_zh")
    nx.set_node_attributes(G, "Enterprise", "cls")
    assert nx.is_connected(G)
    data = payload(render.to_html(G, physics_threshold=300))
    assert data["physics"] is False and data["options"]["physics"]["enabled"] is False
    assert all("label" not in e for e in data["edges"])
    assert len({(n["x"], n["y"]) for n in data["nodes"]}) == 600
    # neighbours end up closer than strangers: the layout follows the graph
    pos = {n["id"]: (n["x"], n["y"]) for n in data["nodes"]}
    dist = lambda a, b: ((pos[a][0] - pos[b][0]) ** 2 + (pos[a][1] - pos[b][1]) ** 2) ** 0.5  # noqa: E731
    linked = sum(dist(str(u), str(v)) for u, v in G.edges) / G.number_of_edges()
    pairs = [(str(i), str((i * 7 + 13) % 600)) for i in range(600)]
    assert linked < 0.5 * sum(dist(a, b) for a, b in pairs) / len(pairs)
    small = payload(render.to_html(nx.path_graph(3)))
    assert small["physics"] is True and all("label" in e for e in small["edges"])
    assert render.layout(G, seed=3) == render.layout(G, seed=3)


def industry_clusters(sizes=(500, 400, 300), seed=5) -> nx.Graph:
    """Trees of firms, one per industry, with a few links across industries."""
    import random

    rng = random.Random(seed)
    G = nx.Graph()
    start = 0
    for ind, n in zip(("新材料", "电子信息", "生物医药"), sizes):
        T = nx.random_labeled_tree(n, seed=seed) if hasattr(nx, "random_labeled_tree") else nx.random_tree(n, seed=seed)
        for v in T:
            G.add_node(f"n{start + v}", cls="Enterprise", industries=[ind], label_zh=f"{ind}{v}")
        G.add_edges_from((f"n{start + u}", f"n{start + v}") for u, v in T.edges())
        start += n
    nodes = sorted(G)
    for _ in range(40):
        G.add_edge(rng.choice(nodes), rng.choice(nodes))
    G.remove_edges_from(list(nx.selfloop_edges(G)))
    G.add_node("alone", cls="Enterprise", industries=["新材料"])
    return G


def test_large_layouts_put_each_industry_in_its_own_region():
    G = industry_clusters()
    pos = render.layout(G, seed=2)
    assert set(pos) == set(G) and len(set(pos.values())) == G.number_of_nodes()
    ind = {v: G.nodes[v]["industries"][0] for v in G}
    centre = {}
    for i in set(ind.values()):
        xs = [pos[v] for v in G if ind[v] == i]
        centre[i] = (sum(x for x, _ in xs) / len(xs), sum(y for _, y in xs) / len(xs))
    # each industry fills a disc around its centre, and the discs do not overlap
    radius = {i: max(((pos[v][0] - c[0]) ** 2 + (pos[v][1] - c[1]) ** 2) ** 0.5 for v in G if ind[v] == i) for i, c in centre.items()}
    for i in centre:
        for j in centre:
            if i < j:
                gap = ((centre[i][0] - centre[j][0]) ** 2 + (centre[i][1] - centre[j][1]) ** 2) ** 0.5
                assert gap > radius[i] + radius[j], (i, j)
    # tree neighbours stay close: the layout inside a region follows the graph
    inner = [(u, v) for u, v in G.edges if ind[u] == ind[v]]
    dist = lambda a, b: ((pos[a][0] - pos[b][0]) ** 2 + (pos[a][1] - pos[b][1]) ** 2) ** 0.5  # noqa: E731
    linked = sum(dist(u, v) for u, v in inner) / len(inner)
    nodes = sorted(G)
    pairs = [(nodes[i], nodes[(i * 7 + 13) % len(nodes)]) for i in range(len(nodes))]
    assert linked < 0.2 * sum(dist(a, b) for a, b in pairs) / len(pairs)
    # the same seed gives the same picture, whatever order the graph was built in
    H = nx.Graph()
    H.add_nodes_from(reversed(list(G.nodes(data=True))))
    H.add_edges_from(reversed(list(G.edges())))
    assert render.layout(H, seed=2) == pos
    assert render.layout(G, seed=3) != pos


def test_large_layouts_without_industries_split_by_community():
    # no industry at all: one component and 300 isolated nodes, laid out apart, nothing overlaps
    G = nx.connected_caveman_graph(40, 15)
    G.add_nodes_from(f"iso{i}" for i in range(300))
    pos = render.layout(G, seed=0)
    assert set(pos) == set(G) and len(set(pos.values())) == G.number_of_nodes()
    dist = lambda a, b: ((pos[a][0] - pos[b][0]) ** 2 + (pos[a][1] - pos[b][1]) ** 2) ** 0.5  # noqa: E731
    same = [dist(u, v) for u, v in G.edges if not str(u).startswith("iso") and u // 15 == v // 15]
    other = [dist(u, v) for u in range(0, 600, 15) for v in range(300, 600, 45) if u // 15 != v // 15]
    assert sum(same) / len(same) < 0.2 * sum(other) / len(other)


def test_large_pages_draw_thin_translucent_edges_and_hide_them_on_zoom():
    G = industry_clusters((200, 150, 100))
    data = payload(render.to_html(G, physics_threshold=300))
    assert data["options"]["edges"]["color"] == {"opacity": 0.35}
    assert data["options"]["interaction"]["hideEdgesOnZoom"] is True
    assert {e["width"] for e in data["edges"]} == {0.8}
    small = payload(render.to_html(G, physics_threshold=1000))
    assert "color" not in small["options"]["edges"] and {e["width"] for e in small["edges"]} == {1.6}
    big_size = {n["id"]: n["size"] for n in data["nodes"]}
    assert all(abs(big_size[n["id"]] - 2 * n["size"]) < 0.02 for n in small["nodes"])  # nodes drawn twice as large


def test_layout_keeps_components_apart():
    G = nx.Graph([(0, 1), (1, 2), (0, 2), ("a", "b"), ("c", "d")])
    G.add_node("lone")
    pos = render.layout(G)
    assert set(pos) == set(G)
    assert len(set(pos.values())) == G.number_of_nodes()


def test_pictures_use_a_cjk_font_without_missing_glyphs(tmp_path):
    assert render.find_cjk_font() is not None, "install fonts-noto-cjk (see README)"
    G = nx.Graph()
    G.add_node("a", label_zh="广东聚石化学股份有限公司", cls="Enterprise")
    G.add_node("b", label_zh="华南师范大学", cls="University")
    G.add_edge("a", "b", relation="cooperatesWith")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        png = render.draw_network(G, tmp_path / "g.png", title="合作网络")
        svg = render.draw_network(G, tmp_path / "g.svg", title="合作网络")
    missing = [str(w.message) for w in caught if "missing from" in str(w.message) or "Glyph" in str(w.message)]
    assert missing == []
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and png.stat().st_size > 10_000
    assert svg.read_text(encoding="utf-8").lstrip().startswith("<?xml")


def test_one_figure_saved_twice_gives_the_files_of_two_separate_drawings(tmp_path):
    G = nx.Graph()
    G.add_node("a", label_zh="广东聚石化学股份有限公司", cls="Enterprise")
    G.add_node("b", label_zh="华南师范大学", cls="University")
    G.add_node("c", label_zh="肇庆高新区", cls="Park")
    G.add_edge("a", "b", relation="cooperatesWith")
    G.add_edge("a", "c", relation="locatedIn")
    both = render.draw_pictures(G, [tmp_path / "once.png", tmp_path / "once.svg"], title="合作网络")
    apart = [render.draw_network(G, tmp_path / f"apart{suffix}", title="合作网络") for suffix in (".png", ".svg")]
    assert [p.suffix for p in both] == [".png", ".svg"]
    assert [p.read_bytes() for p in both] == [p.read_bytes() for p in apart]


def test_write_view_pictures_match_a_separate_drawing(tmp_path):
    G = nx.Graph()
    G.add_edge("甲", "乙", relation="hasCustomer")
    G.add_edge("乙", "丙", relation="hasSupplier")
    written = render.write_view(G.copy(), tmp_path / "v.html", title="t")
    assert [p.name for p in written] == ["v.html", "v.png", "v.svg"]
    alone = render.draw_network(G.copy(), tmp_path / "alone.svg", title="t")
    assert (tmp_path / "v.svg").read_bytes() == alone.read_bytes()
    assert (tmp_path / "v.html").read_bytes() == render.write_html(G.copy(), tmp_path / "alone.html", title="t").read_bytes()


def test_missing_cjk_font_warns_clearly(tmp_path, monkeypatch):
    monkeypatch.setattr(render, "find_cjk_font", lambda: None)
    with pytest.warns(UserWarning, match="fonts-noto-cjk"):
        render.draw_network(nx.path_graph(2), tmp_path / "p.png")


def test_docstring_examples_run():
    result = doctest.testmod(render, optionflags=doctest.ELLIPSIS)
    assert result.attempted > 5 and result.failed == 0


# ----------------------------------------------------------------------------- CLI


def test_build_writes_the_views_and_networks_writes_the_metrics(tmp_path, capsys):
    assert main(["build", "--no-validate", "-o", str(tmp_path)]) == 0
    for stem in ("chain-leaders", "partnerships"):
        for suffix in (".html", ".png", ".svg"):
            assert (tmp_path / f"{stem}{suffix}").stat().st_size > 1000
    capsys.readouterr()
    assert main(["networks", "--graph", str(tmp_path / "parkkg.ttl"), "-o", str(tmp_path / "m")]) == 0
    out = capsys.readouterr().out
    assert "chain-leaders:" in out and "partnerships:" in out and "top betweenness:" in out and "    1. " in out
    g = nw.load_graph(tmp_path / "parkkg.ttl")
    for stem, G in nw.build_networks(g).items():
        rec = json.loads((tmp_path / "m" / f"{stem}.json").read_text(encoding="utf-8"))
        assert rec["summary"]["nodes"] == G.number_of_nodes() and rec["summary"]["edges"] == G.number_of_edges()
        # the HTML written by build shows the same graph
        data = payload((tmp_path / f"{stem}.html").read_text(encoding="utf-8"))
        assert (len(data["nodes"]), len(data["edges"])) == (G.number_of_nodes(), G.number_of_edges())
        lines = (tmp_path / "m" / f"{stem}-nodes.csv").read_text(encoding="utf-8").splitlines()
        assert len(lines) == G.number_of_nodes() + 1


def test_build_no_viz_and_viz_command(tmp_path, capsys):
    assert main(["build", "--no-validate", "--no-viz", "-o", str(tmp_path)]) == 0
    assert not (tmp_path / "partnerships.html").exists()
    ttl = str(tmp_path / "parkkg.ttl")
    assert main(["viz", "--network", "partnership", "--graph", ttl, "-o", str(tmp_path / "p.html"), "--pictures"]) == 0
    assert (tmp_path / "p.html").exists() and (tmp_path / "p.png").exists() and (tmp_path / "p.svg").exists()
    assert main(["viz", "--graph", ttl, "-o", str(tmp_path / "views")]) == 0
    assert sorted(p.name for p in (tmp_path / "views").iterdir()) == ["chain-leaders.html", "partnerships.html"]
    capsys.readouterr()
    assert main(["viz", "--graph", ttl, "-o", str(tmp_path / "both.html")]) == 2
    assert main(["viz", "--network", "pie", "--graph", ttl]) == 2
    assert main(["viz", "--graph", str(tmp_path / "nope.ttl")]) == 2
    assert "parkkg build" in capsys.readouterr().err


def test_a_cjk_font_installed_after_matplotlibs_cache_is_still_found(monkeypatch):
    # matplotlib's font cache was built before fonts-noto-cjk arrived: it lists no CJK family
    from matplotlib import font_manager

    from graph.views import fonts

    if not any(fonts._CJK_FILES.search(Path(p).name) for p in font_manager.findSystemFonts()):
        pytest.skip("no CJK font file on this machine (make test installs fonts-noto-cjk)")
    stale = [f for f in font_manager.fontManager.ttflist if f.name not in fonts.CJK_FAMILIES]
    monkeypatch.setattr(font_manager.fontManager, "ttflist", stale)
    assert fonts.find_cjk_family(rescan=False) is None  # the stale cache alone has none
    assert fonts.find_cjk_family() in fonts.CJK_FAMILIES  # the files on disk are registered and found
