"""graph.views.networks: projections of small hand-made graphs with known answers."""

from __future__ import annotations

import csv
import doctest
import json

import networkx as nx
import pytest
from rdflib import Dataset, Graph, URIRef

from graph import networks as nw
from graph.vocab import DATA_GRAPH, PKR

PREFIXES = """
@prefix pk: <https://w3id.org/parkkg/ontology#> .
@prefix pkr: <https://w3id.org/parkkg/id/> .
@prefix pkd: <https://w3id.org/parkkg/doc/> .
@prefix pks: <https://w3id.org/parkkg/stmt/> .
@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix owl: <http://www.w3.org/2002/07/owl#> .
"""

NM = "<https://w3id.org/parkkg/concept/industry/new-materials>"
BIO = "<https://w3id.org/parkkg/concept/industry/biomedicine>"

# The facts (data graph) of a small park, laid out as docs/design.md says.
DATA = PREFIXES + f"""
pkr:园区 a pk:Park ; rdfs:label "示范高新区"@zh, "Demo Hi-tech Zone"@en ;
    pk:leadingIndustry {NM}, {BIO} ; pk:hostsPlatform pkr:平台A .
{NM} a pk:Industry, skos:Concept ; skos:prefLabel "新材料"@zh, "New materials"@en .
{BIO} a pk:Industry, skos:Concept ; rdfs:label "生物医药"@zh .
pkr:龙头甲 a pk:Enterprise ; rdfs:label "龙头甲公司"@zh ; pk:chainLeaderOf {NM} ;
    pk:hostsPlatform pkr:平台A ; pk:receivedHonour pkr:荣誉A ; pk:produces pkr:产品A ;
    pk:hasCustomer pkr:客户A ; pk:cooperatesWith pkr:客户A, pkr:大学A .
pkr:龙头乙 a pk:Enterprise ; rdfs:label "龙头乙公司"@zh ; pk:chainLeaderOf {BIO} ; pk:locatedIn pkr:园区 .
pkr:平台A a pk:Platform ; rdfs:label "平台A"@zh .
pkr:荣誉A a pk:Honour ; rdfs:label "荣誉A"@zh .
pkr:产品A a pk:Product ; rdfs:label "产品A"@zh .
pkr:客户A a pk:Enterprise ; rdfs:label "客户A"@zh .
pkr:大学A a pk:University ; rdfs:label "大学A"@zh .
pkr:大学B a pk:University ; rdfs:label "大学B"@zh ; pk:coBuiltPlatformWith pkr:龙头甲 .
pkr:子公司A a pk:Enterprise ; rdfs:label "子公司A"@zh ; pk:subsidiaryOf pkr:龙头甲 .
pkr:项目A a pk:Project ; rdfs:label "项目A"@zh ; pk:undertakenBy pkr:龙头甲 .
pkr:无关企业 a pk:Enterprise ; rdfs:label "无关企业"@zh ; pk:produces pkr:产品B .
pkr:产品B a pk:Product ; rdfs:label "产品B"@zh .
pkr:专利X a pk:Patent ; rdfs:label "一种专利"@zh ; pk:applicant pkr:客户A, pkr:大学A, pkr:人甲 .
pkr:人甲 a pk:Person ; rdfs:label "人甲"@zh .
pkr:政府 a pk:GovernmentBody ; rdfs:label "某局"@zh ; pk:cooperatesWith pkr:研究所 .
pkr:研究所 a pk:ResearchInstitute ; rdfs:label "某研究所"@zh .
"""

# One document's provenance: sentences and reified statements.
PROVENANCE = PREFIXES + """
pkd:d1 a pk:Document ; dcterms:source "demo.txt" .
<https://w3id.org/parkkg/doc/d1/s3> a pk:Sentence ; dcterms:isPartOf pkd:d1 ; pk:sentenceIndex 3 ; pk:text "龙头甲公司的客户包括客户A。"@zh .
<https://w3id.org/parkkg/doc/d1/s4> a pk:Sentence ; dcterms:isPartOf pkd:d1 ; pk:sentenceIndex 4 ; pk:text "大学B与龙头甲公司共建平台。"@zh .
<https://w3id.org/parkkg/doc/d1/s5> a pk:Sentence ; dcterms:isPartOf pkd:d1 ; pk:sentenceIndex 5 ; pk:text "客户A与大学A联合申报一种专利。"@zh .
pks:st1 a rdf:Statement ; rdf:subject pkr:龙头甲 ; rdf:predicate pk:hasCustomer ; rdf:object pkr:客户A ;
    prov:wasDerivedFrom <https://w3id.org/parkkg/doc/d1/s3> .
# stated the other way round: the relation is symmetric
pks:st2 a rdf:Statement ; rdf:subject pkr:龙头甲 ; rdf:predicate pk:coBuiltPlatformWith ; rdf:object pkr:大学B ;
    prov:wasDerivedFrom <https://w3id.org/parkkg/doc/d1/s4> .
pks:st3 a rdf:Statement ; rdf:subject pkr:专利X ; rdf:predicate pk:applicant ; rdf:object pkr:客户A ;
    prov:wasDerivedFrom <https://w3id.org/parkkg/doc/d1/s5> .
pks:st4 a rdf:Statement ; rdf:subject pkr:专利X ; rdf:predicate pk:applicant ; rdf:object pkr:大学A ;
    prov:wasDerivedFrom <https://w3id.org/parkkg/doc/d1/s5> .
"""


@pytest.fixture(scope="module")
def park() -> Dataset:
    ds = Dataset()
    ds.graph(DATA_GRAPH).parse(data=DATA, format="turtle")
    ds.graph(URIRef("https://w3id.org/parkkg/doc/d1/provenance")).parse(data=PROVENANCE, format="turtle")
    return ds


def iri(name: str) -> str:
    return str(PKR[name])


def labels(G: nx.Graph) -> set[str]:
    return {d["label_zh"] for _, d in G.nodes(data=True)}


def edge_labels(G: nx.Graph) -> set[tuple[str, str, str]]:
    return {(*sorted((G.nodes[u]["label_zh"], G.nodes[v]["label_zh"])), d["relation"]) for u, v, d in G.edges(data=True)}


# ----------------------------------------------------------------------------- chain-leader network


def test_chain_leader_network_has_the_park_industries_leaders_and_their_surroundings(park):
    G = nw.chain_leader_network(park)
    assert labels(G) == {
        "示范高新区", "新材料", "生物医药", "龙头甲公司", "龙头乙公司", "平台A", "荣誉A", "产品A",
        "客户A", "大学A", "大学B", "子公司A", "项目A",
    }  # fmt: skip
    assert edge_labels(G) == {
        ("新材料", "示范高新区", "leadingIndustry"),
        ("生物医药", "示范高新区", "leadingIndustry"),
        ("新材料", "龙头甲公司", "chainLeaderOf"),
        ("生物医药", "龙头乙公司", "chainLeaderOf"),
        ("平台A", "龙头甲公司", "hostsPlatform"),
        ("平台A", "示范高新区", "hostsPlatform"),
        ("荣誉A", "龙头甲公司", "receivedHonour"),
        ("产品A", "龙头甲公司", "produces"),
        ("客户A", "龙头甲公司", "hasCustomer"),
        ("大学A", "龙头甲公司", "cooperatesWith"),
        ("大学B", "龙头甲公司", "coBuiltPlatformWith"),
        ("子公司A", "龙头甲公司", "subsidiaryOf"),
        ("项目A", "龙头甲公司", "undertakenBy"),
    }
    # an enterprise that leads no chain, and what surrounds it, stay out
    assert iri("无关企业") not in G and iri("产品B") not in G


def test_chain_leader_nodes_inherit_the_leaders_industry(park):
    G = nw.chain_leader_network(park)
    assert G.nodes[iri("产品A")]["industries"] == ["新材料"]
    assert G.nodes[iri("龙头乙")]["industries"] == ["生物医药"]
    assert G.nodes[iri("园区")]["industries"] == ["新材料", "生物医药"]


def test_a_leader_of_two_industries_does_not_mix_them():
    g = Graph().parse(
        format="turtle",
        data=PREFIXES
        + f"""
        {NM} a pk:Industry ; rdfs:label "新材料"@zh .
        {BIO} a pk:Industry ; rdfs:label "生物医药"@zh .
        pkr:L a pk:Enterprise ; pk:chainLeaderOf {NM}, {BIO} ; pk:cooperatesWith pkr:U .
        pkr:U a pk:University ; pk:cooperatesWith pkr:L .
        """,
    )
    G = nw.chain_leader_network(g)
    assert G.nodes[NM.strip("<>")]["industries"] == ["新材料"]
    assert G.nodes[iri("U")]["industries"] == ["新材料", "生物医药"]
    # the same cooperation stated both ways is one edge with one relation
    e = G.edges[iri("L"), iri("U")]
    assert e["relations"] == ["cooperatesWith"] and len(e["statements"]) == 1


def test_node_attributes_labels_and_class(park):
    G = nw.chain_leader_network(park)
    zone = G.nodes[iri("园区")]
    assert (zone["iri"], zone["label_zh"], zone["label_en"], zone["cls"]) == (iri("园区"), "示范高新区", "Demo Hi-tech Zone", "Park")
    nm = G.nodes["https://w3id.org/parkkg/concept/industry/new-materials"]
    # skos:prefLabel is used when there is no rdfs:label
    assert (nm["label_zh"], nm["label_en"], nm["cls"]) == ("新材料", "New materials", "Industry")
    for _, d in G.nodes(data=True):
        assert {"degree", "degree_centrality", "betweenness", "community", "component"} <= set(d)
    # the industries' English names travel with the graph (the view's filter shows them in English mode)
    assert G.graph["industry_labels_en"]["新材料"] == "New materials"
    assert set(G.graph["industry_labels_en"]) <= {i for _, d in G.nodes(data=True) for i in d["industries"]}


def test_edges_carry_evidence_sentence_and_document(park):
    G = nw.chain_leader_network(park)
    e = G.edges[iri("龙头甲"), iri("客户A")]
    # two facts join the pair: cooperatesWith (no provenance) and hasCustomer
    assert e["relations"] == ["hasCustomer", "cooperatesWith"]
    assert (e["relation"], e["source"], e["target"]) == ("hasCustomer", iri("龙头甲"), iri("客户A"))
    assert (e["evidence"], e["document"]) == ("龙头甲公司的客户包括客户A。", "demo.txt")
    # a symmetric fact stated the other way round in the provenance still finds its sentence
    e = G.edges[iri("大学B"), iri("龙头甲")]
    assert e["evidence"] == "大学B与龙头甲公司共建平台。" and e["directed"] is False
    # a fact without a reified statement has empty evidence, not a wrong one
    assert G.edges[iri("龙头甲"), iri("产品A")]["evidence"] == ""


# ----------------------------------------------------------------------------- partnership network


def test_partnership_network_links_organisations_by_any_cooperation(park):
    G = nw.partnership_network(park)
    assert edge_labels(G) == {
        ("客户A", "龙头甲公司", "cooperatesWith"),
        ("大学A", "龙头甲公司", "cooperatesWith"),
        ("大学B", "龙头甲公司", "coBuiltPlatformWith"),
        ("子公司A", "龙头甲公司", "subsidiaryOf"),
        ("某局", "某研究所", "cooperatesWith"),
        ("大学A", "客户A", "coFiledPatentWith"),  # co-applicants of 专利X
        ("示范高新区", "龙头甲公司", "coBuiltPlatformWith"),  # both host 平台A
    }
    # a person co-applicant is not an organisation; an organisation without partners is left out
    assert iri("人甲") not in G and iri("龙头乙") not in G and iri("无关企业") not in G
    assert {d["cls"] for _, d in G.nodes(data=True)} == {"Enterprise", "University", "GovernmentBody", "ResearchInstitute", "Park"}


def test_co_applicant_edge_cites_the_patent_and_its_sentence(park):
    G = nw.partnership_network(park)
    e = G.edges[iri("客户A"), iri("大学A")]
    assert e["relation"] == "coFiledPatentWith" and e["directed"] is False
    assert e["evidence"] == "客户A与大学A联合申报一种专利。" and e["document"] == "demo.txt"
    assert {(s["relation"], s["object"], s["via"]) for s in e["statements"]} == {
        ("applicant", iri("客户A"), "一种专利"),
        ("applicant", iri("大学A"), "一种专利"),
    }


def test_brokers_find_the_university_that_links_most_firms():
    g = Graph().parse(
        format="turtle",
        data=PREFIXES
        + """
        pkr:U a pk:University ; rdfs:label "某大学"@zh ; pk:cooperatesWith pkr:F1, pkr:F2, pkr:F3 .
        pkr:I a pk:ResearchInstitute ; rdfs:label "某研究院"@zh ; pk:cooperatesWith pkr:F1 .
        pkr:F1 a pk:Enterprise ; rdfs:label "甲"@zh ; pk:hasCustomer pkr:F2 .
        pkr:F2 a pk:Enterprise ; rdfs:label "乙"@zh .
        pkr:F3 a pk:Enterprise ; rdfs:label "丙"@zh .
        """,
    )
    G = nw.partnership_network(g)
    top = nw.brokers(G)
    assert [(b["label_zh"], b["cls"], b["links"], b["unlinked_pairs"]) for b in top] == [("某大学", "University", 3, 2)]
    assert top[0]["linked"] == ["甲", "乙", "丙"]
    # the university is the only node on shortest paths between 丙 and the rest
    assert nw.top_nodes(G, "betweenness", 1)[0][0] == "某大学"


# ----------------------------------------------------------------------------- general projection


def test_to_networkx_classes_properties_and_subclasses():
    g = Graph().parse(
        format="turtle",
        data=PREFIXES
        + """
        pk:Enterprise rdfs:subClassOf pk:Organization .
        pkr:A a pk:Enterprise ; pk:produces pkr:P ; pk:hasCustomer pkr:B ; pk:locatedIn pkr:Z .
        pkr:B a pk:Enterprise .
        pkr:P a pk:Product .
        pkr:Z a pk:Park .
        pkr:%E7%94%B2 a pk:Enterprise .
        """,
    )
    # a superclass brings its subclasses (from the graph's rdfs:subClassOf)
    G = nw.to_networkx(g, classes=["Organization"])
    assert set(G) == {iri("A"), iri("B")} and G.edges[iri("A"), iri("B")]["relation"] == "hasCustomer"
    # every pk: property by default
    G = nw.to_networkx(g)
    assert {d["relation"] for _, _, d in G.edges(data=True)} == {"produces", "hasCustomer", "locatedIn"}
    G = nw.to_networkx(g, properties=["locatedIn"], include_isolates=True)
    assert G.number_of_edges() == 1 and G.number_of_nodes() == 5
    # without a label, the IRI's local name (percent-decoded)
    assert G.nodes[str(PKR["%E7%94%B2"])]["label_zh"] == "甲"
    G = nw.to_networkx(g, nodes=[PKR.A, PKR.P])
    assert list(G.edges(data="relation")) == [(iri("A"), iri("P"), "produces")]
    with pytest.raises(ValueError, match="not a pk: term"):
        nw.to_networkx(g, classes=["Enterprize"])


def test_subproperties_follow_the_graphs_declarations():
    g = Graph().parse(
        format="turtle",
        data=PREFIXES
        + """
        pk:coFiledPatentWith rdfs:subPropertyOf pk:cooperatesWith .
        pkr:A a pk:Enterprise ; pk:coFiledPatentWith pkr:B .
        pkr:B a pk:Enterprise .
        """,
    )
    assert nw.to_networkx(g, properties=["cooperatesWith"]).number_of_edges() == 1
    assert nw.to_networkx(g, properties=["cooperatesWith"], subproperties=False).number_of_edges() == 0


def test_graph_and_dataset_give_the_same_projection(park):
    union = Graph()
    for s, p, o, _ in park.quads((None, None, None, None)):
        union.add((s, p, o))
    a, b = nw.partnership_network(park), nw.partnership_network(union)
    assert nx.utils.graphs_equal(a, b)


# ----------------------------------------------------------------------------- measures


def test_betweenness_and_degree_on_a_path():
    G = nw.add_metrics(nx.path_graph(5))
    # P5: the middle node lies on 4 of the 6 pairs that do not include it
    assert [round(G.nodes[v]["betweenness"], 3) for v in G] == [0.0, 0.5, 0.667, 0.5, 0.0]
    assert [G.nodes[v]["degree"] for v in G] == [1, 2, 2, 2, 1]
    assert G.nodes[2]["degree_centrality"] == pytest.approx(0.5)


def test_communities_and_components_of_two_triangles_and_a_pair():
    G = nx.Graph([(0, 1), (1, 2), (0, 2), (3, 4), (4, 5), (3, 5), (2, 3), ("a", "b")])
    nw.add_metrics(G, seed=1)
    comm = {v: G.nodes[v]["community"] for v in G}
    assert comm[0] == comm[1] == comm[2] != comm[3] == comm[4] == comm[5]
    assert comm["a"] == comm["b"] not in (comm[0], comm[3])
    assert [G.nodes[v]["component"] for v in (0, 5, "a")] == [0, 0, 1]
    assert G.graph["components"] == 2 and G.graph["communities"] == 3
    assert G.graph["modularity"] > 0.3
    rec = nw.network_records(G)
    assert sorted(map(sorted, rec["bridges"])) == [["2", "3"], ["a", "b"]]
    # the same seed gives the same communities
    H = nw.add_metrics(G.copy(), seed=1)
    assert {v: H.nodes[v]["community"] for v in H} == comm


def test_records_are_plain_and_csv_round_trips(park, tmp_path):
    G = nw.partnership_network(park)
    rec = nw.network_records(G)
    assert json.loads(json.dumps(rec, ensure_ascii=False)) == rec
    assert rec["summary"]["nodes"] == G.number_of_nodes() and rec["summary"]["edges"] == G.number_of_edges()
    assert rec["summary"]["components"] == nx.number_connected_components(G)
    assert [r["betweenness"] for r in rec["nodes"]] == sorted((r["betweenness"] for r in rec["nodes"]), reverse=True)
    files = nw.write_metrics(G, tmp_path, "p")
    assert [f.name for f in files] == ["p-nodes.csv", "p-edges.csv", "p.json"]
    with open(tmp_path / "p-edges.csv", encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    assert len(rows) == G.number_of_edges()
    row = next(r for r in rows if r["relation"] == "coFiledPatentWith")
    assert row["evidence"] == "客户A与大学A联合申报一种专利。" and row["document"] == "demo.txt"
    with open(tmp_path / "p-nodes.csv", encoding="utf-8", newline="") as f:
        assert {r["label_zh"] for r in csv.DictReader(f)} == labels(G)
    assert json.loads((tmp_path / "p.json").read_text(encoding="utf-8"))["summary"] == rec["summary"]


def test_load_graph_errors_say_what_to_do(tmp_path):
    from graph.errors import StoreError

    with pytest.raises(StoreError, match="parkkg build"):
        nw.load_graph(tmp_path / "missing.ttl")
    bad = tmp_path / "bad.ttl"
    bad.write_text("not turtle at all", encoding="utf-8")
    with pytest.raises(StoreError, match="line 1, column 1"):
        nw.load_graph(bad)
    good = tmp_path / "g.ttl"
    good.write_text(DATA, encoding="utf-8")
    assert nw.partnership_network(nw.load_graph(good)).number_of_nodes() == 8


def test_docstring_examples_run():
    result = doctest.testmod(nw, optionflags=doctest.ELLIPSIS)
    assert result.attempted > 5 and result.failed == 0


# ----------------------------------------------------------------------------- the bundled article


def test_bundled_build_networks_are_well_formed(built):
    nets = nw.build_networks(built.dataset)
    assert set(nets) == {"chain-leaders", "partnerships"}
    for name, G in nets.items():
        assert G.number_of_nodes() > 0 and G.number_of_edges() > 0, name
        for v, d in G.nodes(data=True):
            assert d["iri"] == v and d["label_zh"] and d["cls"], (name, v)
            assert 0.0 <= d["betweenness"] <= 1.0 and d["community"] >= 0 and d["component"] >= 0
        for u, v, d in G.edges(data=True):
            assert d["relation"] and {d["source"], d["target"]} == {u, v}
            # every extracted fact is reified, so every edge cites a sentence and its document
            assert d["evidence"] and d["document"], (name, u, v, d["relation"])
    chain = nets["chain-leaders"]
    classes = {d["cls"] for _, d in chain.nodes(data=True)}
    assert {"Park", "Industry", "Enterprise"} <= classes
    assert any(d["relation"] == "chainLeaderOf" for _, _, d in chain.edges(data=True))
    part = nets["partnerships"]
    assert {d["cls"] for _, d in part.nodes(data=True)} <= {"Enterprise", "University", "ResearchInstitute", "GovernmentBody", "Organization", "Park"}


def test_the_union_read_from_a_store_is_the_union_of_its_dataset():
    from graph import api
    from graph.rdf.files import store_union_graph, union_graph

    built = api.build_text("广东星河新材料有限公司位于肇庆高新区。星河新材与岭南大学共建联合实验室。", validate=False)
    from_store = store_union_graph(built.store)
    from_dataset = union_graph(built.dataset)
    assert len(from_store) > 100
    assert set(from_store) == set(from_dataset)
    assert dict(from_store.namespaces()) == dict(from_dataset.namespaces())
    for name in ("chain-leaders", "partnerships"):
        a, b = nw.NETWORKS[name](from_store), nw.NETWORKS[name](from_dataset)
        assert sorted(a.nodes) == sorted(b.nodes) and sorted(a.edges) == sorted(b.edges)
