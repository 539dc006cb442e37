"""Gephi-ready network files (graph.views.network_files): directed where
the relation is, drawn as the HTML view draws them (class colour,
centrality size, the same layout), read back with networkx, and the GEXF
checked against the structure of GEXF 1.3.

The official GEXF 1.3 XSD is not shipped with parkkg and tests may not
download it, so :func:`gexf_problems` checks by hand, with ElementTree,
what the schema and Gephi's importer require: namespaces and version,
one graph with a valid ``defaultedgetype`` and ``mode``, declared
attributes (unique ids, known types) before nodes and edges, every
``attvalue`` naming a declared attribute of its class, unique node and edge
ids, edges whose ends are nodes, and well-formed ``viz:`` elements.
"""

from __future__ import annotations

import csv
import io
import json
import re
import xml.etree.ElementTree as ET

import networkx as nx
import pytest

from graph.rdf.export import export
from graph.views import render
from graph.views.network_files import GEXF_VERSION, csv_tables, gexf_bytes, graphml_bytes, network
from graph.views.networks import NETWORKS

GEXF = "{http://gexf.net/1.3}"
VIZ = "{http://gexf.net/1.3/viz}"
XSI = "{http://www.w3.org/2001/XMLSchema-instance}"
ATTR_TYPES = {"integer", "long", "double", "float", "boolean", "string", "liststring", "listboolean", "listinteger",
              "listlong", "listdouble", "listfloat", "anyURI", "listbyte", "listshort", "listchar", "byte", "short", "char",
              "biginteger", "bigdecimal", "listbiginteger", "listbigdecimal"}
DIRECTED_RELATIONS = {"hasCustomer", "locatedIn", "produces", "hostsPlatform", "receivedHonour", "chainLeaderOf",
                      "inIndustry", "subsidiaryOf", "undertakenBy", "affiliatedWith", "applicant", "partOf", "leadingIndustry"}


def gexf_problems(data: bytes) -> list[str]:
    """What in ``data`` breaks GEXF 1.3 as Gephi reads it (empty: nothing)."""
    problems: list[str] = []
    root = ET.fromstring(data)
    if root.tag != f"{GEXF}gexf":
        return [f"root element is {root.tag}, not gexf in the GEXF 1.3 namespace"]
    if root.get("version") != "1.3":
        problems.append(f"version is {root.get('version')!r}, not '1.3'")
    location = (root.get(f"{XSI}schemaLocation") or "").split()
    if location[:1] != ["http://gexf.net/1.3"]:
        problems.append(f"xsi:schemaLocation {location} does not name the GEXF 1.3 namespace")
    graphs = root.findall(f"{GEXF}graph")
    if len(graphs) != 1:
        return problems + [f"{len(graphs)} graph elements, not one"]
    graph = graphs[0]
    if graph.get("defaultedgetype") not in ("directed", "undirected", "mutual"):
        problems.append(f"defaultedgetype {graph.get('defaultedgetype')!r}")
    if graph.get("mode", "static") not in ("static", "dynamic"):
        problems.append(f"mode {graph.get('mode')!r}")
    children = [c.tag for c in graph]
    order = {f"{GEXF}attributes": 0, f"{GEXF}nodes": 1, f"{GEXF}edges": 2}
    if any(t not in order for t in children) or [order[t] for t in children] != sorted(order[t] for t in children):
        problems.append(f"graph children out of order or unknown: {children}")
    declared: dict[str, dict[str, str]] = {"node": {}, "edge": {}}
    for attrs in graph.findall(f"{GEXF}attributes"):
        cls = attrs.get("class")
        if cls not in declared:
            problems.append(f"attributes class {cls!r}")
            continue
        for a in attrs.findall(f"{GEXF}attribute"):
            aid, atype = a.get("id"), a.get("type")
            if not aid or aid in declared[cls]:
                problems.append(f"{cls} attribute id {aid!r} missing or repeated")
            if atype not in ATTR_TYPES:
                problems.append(f"{cls} attribute {a.get('title')!r} has type {atype!r}")
            if not a.get("title"):
                problems.append(f"{cls} attribute {aid!r} has no title")
            declared[cls][aid or ""] = atype or ""

    def check_values(element: ET.Element, cls: str, what: str) -> None:
        for values in element.findall(f"{GEXF}attvalues"):
            for v in values.findall(f"{GEXF}attvalue"):
                ref = v.get("for")
                if ref not in declared[cls]:
                    problems.append(f"{what}: attvalue for undeclared {cls} attribute {ref!r}")
                elif v.get("value") is None:
                    problems.append(f"{what}: attvalue for {ref!r} has no value")
                elif declared[cls][ref] in ("integer", "long"):
                    if not re.fullmatch(r"-?\d+", v.get("value", "")):
                        problems.append(f"{what}: {v.get('value')!r} is not an integer")
                elif declared[cls][ref] in ("double", "float"):
                    try:
                        float(v.get("value", ""))
                    except ValueError:
                        problems.append(f"{what}: {v.get('value')!r} is not a number")
                elif declared[cls][ref] == "boolean" and v.get("value") not in ("true", "false"):
                    problems.append(f"{what}: {v.get('value')!r} is not a boolean")

    node_ids: set[str] = set()
    for node in graph.iterfind(f"{GEXF}nodes/{GEXF}node"):
        nid = node.get("id")
        what = f"node {nid}"
        if not nid or nid in node_ids:
            problems.append(f"node id {nid!r} missing or repeated")
        node_ids.add(nid or "")
        check_values(node, "node", what)
        for tag, need in (("color", ("r", "g", "b")), ("size", ("value",)), ("position", ("x", "y"))):
            found = node.findall(f"{VIZ}{tag}")
            if len(found) > 1:
                problems.append(f"{what}: {len(found)} viz:{tag}")
            for e in found:
                for key in need:
                    try:
                        number = float(e.get(key, ""))
                    except ValueError:
                        problems.append(f"{what}: viz:{tag} {key}={e.get(key)!r}")
                        continue
                    if tag == "color" and not (number == int(number) and 0 <= number <= 255):
                        problems.append(f"{what}: colour {key}={number} outside 0..255")
                    if tag == "size" and number < 0:
                        problems.append(f"{what}: negative size")
                if tag == "color" and e.get("a") is not None and not 0.0 <= float(e.get("a", "")) <= 1.0:
                    problems.append(f"{what}: alpha {e.get('a')!r} outside 0..1")
    edge_ids: set[str] = set()
    for edge in graph.iterfind(f"{GEXF}edges/{GEXF}edge"):
        eid, s, t = edge.get("id"), edge.get("source"), edge.get("target")
        what = f"edge {eid}"
        if not eid or eid in edge_ids:
            problems.append(f"edge id {eid!r} missing or repeated")
        edge_ids.add(eid or "")
        if s not in node_ids or t not in node_ids:
            problems.append(f"{what}: end {s!r} or {t!r} is not a node")
        if edge.get("type") not in (None, "directed", "undirected", "mutual"):
            problems.append(f"{what}: type {edge.get('type')!r}")
        if edge.get("weight") is not None:
            try:
                float(edge.get("weight", ""))
            except ValueError:
                problems.append(f"{what}: weight {edge.get('weight')!r}")
        check_values(edge, "edge", what)
    return problems


@pytest.fixture(scope="module")
def ds(built):
    return built.dataset


@pytest.fixture(scope="module")
def files(ds, tmp_path_factory):
    """view → (network, GraphML read back, GEXF bytes, GEXF read back)."""
    out = {}
    folder = tmp_path_factory.mktemp("gephi")
    for view in ("entities", "chain-leaders", "partnerships"):
        G = network(ds, view, lang="en")
        (folder / f"{view}.graphml").write_bytes(graphml_bytes(G))
        gexf = gexf_bytes(G)
        (folder / f"{view}.gexf").write_bytes(gexf)
        out[view] = (G, nx.read_graphml(folder / f"{view}.graphml"), gexf, nx.read_gexf(folder / f"{view}.gexf", version=GEXF_VERSION))
    return out


def _view_nodes(ds, view: str) -> dict[str, dict]:
    page = render.to_html(NETWORKS[view](ds), title=view)
    payload = json.loads(re.search(r'<script id="pk-data" type="application/json">(.*?)</script>', page, re.S).group(1))
    return {n["id"]: n for n in payload["nodes"]}


@pytest.mark.parametrize("view", ["entities", "chain-leaders", "partnerships"])
def test_both_files_are_directed_and_keep_every_node_and_edge(files, view):
    G, gml, gexf, gx = files[view]
    assert G.is_directed() and gml.is_directed() and gx.is_directed()
    assert b'defaultedgetype="directed"' in gexf
    assert set(gml.nodes) == set(gx.nodes) == set(G.nodes) and G.number_of_nodes() > 5
    assert set(gml.edges) == set(gx.edges) == set(G.edges) and G.number_of_edges() > 5


@pytest.mark.parametrize("view", ["entities", "chain-leaders", "partnerships"])
def test_directed_relations_point_from_subject_to_object_and_symmetric_ones_both_ways(files, view):
    G, gml, _gexf, gx = files[view]
    for H in (gml, gx):
        for u, v, d in H.edges(data=True):
            if d["directed"]:
                assert (u, v) == (d["subject"], d["object"]) and not H.has_edge(v, u), (view, d["relation"])
            else:
                assert H.has_edge(v, u) and H.edges[v, u]["relation"] == d["relation"], (view, d["relation"])
                assert {u, v} == {d["subject"], d["object"]}
    relations = {d["relation"]: d["directed"] for _, _, d in gml.edges(data=True)}
    assert all(relations[r] for r in DIRECTED_RELATIONS & set(relations))
    if view in ("entities", "partnerships"):
        assert not all(relations.values())  # there are symmetric links (co-filed patents, co-built platforms)


def test_the_entities_network_holds_the_directed_customer_and_location_facts(files):
    _G, gml, _gexf, _gx = files["entities"]
    relations = {d["relation"] for _, _, d in gml.edges(data=True) if d["directed"]}
    assert {"hasCustomer", "locatedIn"} <= relations


@pytest.mark.parametrize("view", ["entities", "chain-leaders", "partnerships"])
def test_every_node_and_edge_carries_the_attributes_gephi_needs(files, view):
    _G, gml, _gexf, gx = files[view]
    for n, d in gml.nodes(data=True):
        for key in ("label", "cls", "industries", "community", "degree_centrality", "betweenness", "colour", "r", "g", "b",
                    "size", "x", "y"):
            assert key in d, (n, key)
        assert "#%02x%02x%02x" % (d["r"], d["g"], d["b"]) == d["colour"]
        assert d["colour"] == render.class_style(d["cls"]).colour
    for n, d in gx.nodes(data=True):
        viz = d["viz"]
        assert set(viz) >= {"color", "size", "position"}, n
        assert (viz["color"]["r"], viz["color"]["g"], viz["color"]["b"]) == (gml.nodes[n]["r"], gml.nodes[n]["g"], gml.nodes[n]["b"])
    for H in (gml, gx):
        for u, v, d in H.edges(data=True):
            assert d["relation"] and d["label"] and d["weight"] >= 1, (u, v, d)
    assert any(d["industries"] for _, d in gml.nodes(data=True))
    # labels follow --lang: English here, and none of them Chinese
    assert all(not re.search("[\u4e00-\u9fff]", d["label"]) for _, d in gml.nodes(data=True))


@pytest.mark.parametrize("view", ["chain-leaders", "partnerships"])
def test_positions_sizes_and_colours_are_the_html_views(ds, files, view):
    _G, gml, _gexf, gx = files[view]
    shown = _view_nodes(ds, view)
    assert set(shown) == set(gml.nodes)
    for n, vis in shown.items():
        # Gephi's y axis points up, the browser's down
        assert (gml.nodes[n]["x"], gml.nodes[n]["y"]) == (vis["x"], -vis["y"] + 0.0), n
        pos = gx.nodes[n]["viz"]["position"]
        assert (pos["x"], pos["y"]) == (vis["x"], -vis["y"] + 0.0), n
        assert gml.nodes[n]["size"] == gx.nodes[n]["viz"]["size"] == vis["size"], n
        assert gml.nodes[n]["colour"] == vis["color"]["background"], n


def test_positions_come_from_the_views_layout_function(ds, files):
    G, _gml, _gexf, _gx = files["entities"]
    from graph.views.networks import to_networkx

    pos = render.view_layout(to_networkx(ds, include_isolates=True, name="parkkg entities"), seed=0)
    assert {n: (d["x"], d["y"]) for n, d in G.nodes(data=True)} == {n: (x, -y + 0.0) for n, (x, y) in pos.items()}
    assert len({(d["x"], d["y"]) for _, d in G.nodes(data=True)}) > 1


@pytest.mark.parametrize("view", ["entities", "chain-leaders", "partnerships"])
def test_gexf_has_the_structure_of_gexf_1_3(files, view):
    _G, _gml, gexf, _gx = files[view]
    assert gexf_problems(gexf) == []


@pytest.mark.parametrize(
    "damage, expected",
    [
        (lambda x: x.replace('defaultedgetype="directed"', 'defaultedgetype="sideways"'), "defaultedgetype"),
        (lambda x: x.replace('xmlns="http://gexf.net/1.3"', 'xmlns="http://www.gexf.net/1.2draft"'), "root element"),
        (lambda x: x.replace('target="https://w3id.org/parkkg/id/', 'target="https://w3id.org/parkkg/id/gone-', 1), "is not a node"),
        (lambda x: x.replace('<viz:color r="', '<viz:color r="300', 1), "outside 0..255"),
        (lambda x: re.sub(r'<attvalue for="(\d+)"', r'<attvalue for="99\1"', x, count=1), "undeclared"),
        (lambda x: re.sub(r'(<node id=")([^"]+)(")', r"\1same\3", x), "repeated"),
    ],
    ids=["edge-type", "namespace", "dangling-edge", "colour", "attvalue", "node-ids"],
)
def test_the_gexf_check_finds_broken_files(files, damage, expected):
    _G, _gml, gexf, _gx = files["partnerships"]
    problems = gexf_problems(damage(gexf.decode("utf-8")).encode("utf-8"))
    assert any(expected in p for p in problems), problems


def test_csv_has_one_row_per_fact_and_counts_agree(ds, tmp_path, files):
    G, _gml, _gexf, _gx = files["partnerships"]
    symmetric = sum(1 for _, _, d in G.edges(data=True) if not d["directed"])
    assert symmetric and symmetric % 2 == 0
    _nodes, edges = csv_tables(G)
    rows = list(csv.DictReader(io.StringIO(edges.decode("utf-8"))))
    assert len(rows) == G.number_of_edges() - symmetric // 2
    result = export(ds, "csv", tmp_path / "csv", view="partnerships", describe=False)
    assert result.edges == len(rows)


def test_export_command_writes_the_gephi_files(ds, tmp_path):
    result = export(ds, "gexf", tmp_path / "p.gexf", view="partnerships", lang="en", describe=False)
    H = nx.read_gexf(result.files[0], version=GEXF_VERSION)
    assert H.is_directed() and (result.nodes, result.edges) == (H.number_of_nodes(), H.number_of_edges())
    assert gexf_problems(result.files[0].read_bytes()) == []
