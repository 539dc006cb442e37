"""graph.rdf.export: every format round-trips, bytes are deterministic, CSV is spreadsheet-safe."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import os
import socket
import subprocess
import sys
import urllib.request
from pathlib import Path

import networkx as nx
import pyoxigraph
import pytest
from rdflib import RDF, RDFS, Dataset, Graph, Literal
from rdflib.compare import isomorphic
from rdflib.namespace import OWL

from graph import cli
from graph.errors import StoreError
from graph.rdf.export import ExportFormat, export, serialize, write_turtle
from graph.rdf.files import RdfFormat, is_provenance_graph, load_context, load_dataset, split_union, union_graph
from graph.views.network_files import csv_cell, network
from graph.vocab import DATA_GRAPH, ONTOLOGY_GRAPH, PK, PKR, PREFIXES

RDF_FORMATS = [f for f in ExportFormat if f.rdf is not None]
_RDFLIB = {
    ExportFormat.TURTLE: "turtle",
    ExportFormat.NTRIPLES: "nt",
    ExportFormat.NQUADS: "nquads",
    ExportFormat.TRIG: "trig",
    ExportFormat.JSONLD: "json-ld",
    ExportFormat.RDFXML: "xml",
}
_OXIGRAPH = {
    ExportFormat.TURTLE: pyoxigraph.RdfFormat.TURTLE,
    ExportFormat.NTRIPLES: pyoxigraph.RdfFormat.N_TRIPLES,
    ExportFormat.NQUADS: pyoxigraph.RdfFormat.N_QUADS,
    ExportFormat.TRIG: pyoxigraph.RdfFormat.TRIG,
    ExportFormat.JSONLD: pyoxigraph.RdfFormat.JSON_LD,
    ExportFormat.RDFXML: pyoxigraph.RdfFormat.RDF_XML,
}


def _graphs(ds: Dataset) -> dict[str, Graph]:
    return {str(g.identifier): g for g in ds.graphs() if len(g)}


@pytest.fixture(scope="module")
def ds(built) -> Dataset:
    return built.dataset


@pytest.fixture(scope="module")
def ttl_file(ds, tmp_path_factory) -> Path:
    return write_turtle(ds, tmp_path_factory.mktemp("export") / "parkkg.ttl")


@pytest.fixture
def no_network(monkeypatch):
    """Fail any attempt to open a connection or a URL."""

    def refuse(*args, **kwargs):
        raise AssertionError(f"network access attempted: {args[:1]}")

    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(urllib.request, "urlopen", refuse)


# --------------------------------------------------------------------------- round trips


@pytest.mark.parametrize("fmt", RDF_FORMATS, ids=lambda f: f.value)
def test_rdf_format_parses_back_isomorphic(ds, union, fmt):
    data = export(ds, fmt).data
    if fmt.rdf.is_quads:
        back = Dataset()
        back.parse(data=data, format=_RDFLIB[fmt])
        got, want = _graphs(back), _graphs(ds)
        assert sorted(got) == sorted(want)
        for name in want:
            assert isomorphic(got[name], want[name]), name
        assert isomorphic(union_graph(back), union)
    else:
        back = Graph().parse(data=data, format=_RDFLIB[fmt])
        assert len(back) == len(union)
        assert isomorphic(back, union)


@pytest.mark.parametrize("fmt", RDF_FORMATS, ids=lambda f: f.value)
def test_pyoxigraph_parses_every_rdf_format(ds, union, fmt, no_network):
    data = export(ds, fmt).data
    parsed = list(pyoxigraph.parse(data, format=_OXIGRAPH[fmt]))
    if fmt.rdf.is_quads:
        assert len(parsed) == sum(len(g) for g in ds.graphs())
        names = {q.graph_name.value for q in parsed if isinstance(q.graph_name, pyoxigraph.NamedNode)}
        assert names == {str(g.identifier) for g in ds.graphs() if len(g)}
    else:
        assert len(parsed) == len(union)


def test_nquads_and_trig_keep_each_document_in_its_provenance_graph(ds):
    back = Dataset()
    back.parse(data=export(ds, "trig").data, format="trig")
    prov = [g for g in back.graphs() if is_provenance_graph(g.identifier)]
    assert len(prov) == len([g for g in ds.graphs() if is_provenance_graph(g.identifier)]) >= 1
    for g in prov:
        assert (None, RDF.type, PK.Document) in g
        assert (None, RDF.type, RDF.Statement) in g
    assert (None, RDF.type, RDF.Statement) not in back.graph(DATA_GRAPH)


def test_split_union_restores_every_named_graph(ds, union):
    back = split_union(union)
    got, want = _graphs(back), _graphs(ds)
    assert sorted(got) == sorted(want)
    for name in want:
        assert isomorphic(got[name], want[name]), name


def test_no_provenance_and_no_ontology_drop_those_graphs(ds):
    data = export(ds, "nquads", provenance=False, ontology=False).data
    back = Dataset()
    back.parse(data=data, format="nquads")
    assert [str(g.identifier) for g in back.graphs() if len(g)] == [str(DATA_GRAPH)]
    assert len(back) == len(ds.graph(DATA_GRAPH))
    ttl = Graph().parse(data=export(ds, "turtle", ontology=False).data, format="turtle")
    assert (None, RDF.type, OWL.Ontology) not in ttl
    assert (None, RDF.type, PK.Sentence) in ttl


def test_numbers_keep_their_lexical_form_in_turtle():
    xsd = "http://www.w3.org/2001/XMLSchema#"
    g = Graph()
    s = PKR["x"]
    g.add((s, PK.value, Literal("19", datatype=xsd + "decimal")))  # rdflib alone would write 19.0
    g.add((s, PK.endIndex, Literal("2.5", datatype=xsd + "decimal")))
    g.add((s, PK.beginIndex, Literal("7", datatype=xsd + "integer")))
    text = serialize(g, RdfFormat.TURTLE).decode()
    assert '"19"^^xsd:decimal' in text and "pk:endIndex 2.5" in text and "pk:beginIndex 7" in text
    assert isomorphic(Graph().parse(data=text, format="turtle"), g)
    trig = serialize(g, RdfFormat.TRIG).decode()
    back = Dataset()
    back.parse(data=trig, format="trig")
    assert isomorphic(union_graph(back), g)


# --------------------------------------------------------------------------- determinism


def test_turtle_is_byte_identical_between_runs(ds, tmp_path):
    a = write_turtle(ds, tmp_path / "a.ttl").read_bytes()
    b = write_turtle(ds, tmp_path / "b.ttl").read_bytes()
    assert a == b
    assert a.startswith(b"@prefix ")


_HASH_ALL = """
import hashlib, sys
from graph.rdf.export import ExportFormat, export
from graph.rdf.files import load_dataset
ds = load_dataset(sys.argv[1])
for f in ExportFormat:
    print(f.value, hashlib.sha256(export(ds, f).data).hexdigest())
"""


def test_every_format_is_byte_identical_across_hash_seeds(ds, ttl_file):
    """Other processes, other PYTHONHASHSEEDs, and parkkg.ttl read back: the same bytes."""
    here = {f.value: hashlib.sha256(export(ds, f).data).hexdigest() for f in ExportFormat}
    # this process hashes with its own seed; the child with a different, fixed one
    for seed in ("1" if os.environ.get("PYTHONHASHSEED") == "0" else "0",):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        out = subprocess.run(
            [sys.executable, "-c", _HASH_ALL, str(ttl_file)], capture_output=True, text=True, env=env, check=True, timeout=120
        ).stdout
        there = dict(line.split() for line in out.splitlines())
        assert there == here, f"PYTHONHASHSEED={seed}"


# --------------------------------------------------------------------------- JSON-LD


def test_jsonld_uses_the_published_context_and_plain_keys(ds):
    doc = json.loads(export(ds, "jsonld").data)
    assert doc["@context"] == load_context()["@context"]
    park = next(n for n in doc["@graph"] if n.get("id") == "pkr:广东聚石化学股份有限公司")
    assert park["type"] == "Enterprise"
    assert park["label"] == {"zh": "广东聚石化学股份有限公司", "en": "Guangdong Jushi Chemical Co., Ltd. (joint-stock)"}
    assert "pkr:雄兴工业园" in park["locatedIn"]
    keys = {k for n in doc["@graph"] for k in n}
    assert not [k for k in keys if k.startswith("http")]
    assert not [k for k in keys if k.startswith("pk:")]


def test_jsonld_expands_offline_to_the_same_graph(ds, union, no_network):
    from pyld import jsonld

    def loader(url, options=None):
        raise AssertionError(f"JSON-LD processor tried to load {url}")

    doc = json.loads(export(ds, "jsonld").data)
    expanded = jsonld.expand(doc, {"documentLoader": loader})
    assert any("https://w3id.org/parkkg/ontology#locatedIn" in node for node in expanded)
    nquads = jsonld.to_rdf(expanded, {"format": "application/n-quads", "documentLoader": loader})
    assert isomorphic(Graph().parse(data=nquads, format="nquads"), union)


def test_context_terms_are_ontology_terms():
    ctx = load_context()["@context"]
    for prefix, ns in PREFIXES.items():
        assert ctx.get(prefix) == ns, prefix
    for term, spec in ctx.items():
        iri = spec["@id"] if isinstance(spec, dict) else None
        if iri and iri.startswith("pk:"):
            getattr(PK, iri[3:])  # the closed namespace raises on a term the ontology lacks


# --------------------------------------------------------------------------- networks


@pytest.mark.parametrize("fmt", [ExportFormat.GRAPHML, ExportFormat.GEXF], ids=lambda f: f.value)
@pytest.mark.parametrize("view", ["entities", "chain-leaders", "partnerships"])
def test_network_formats_load_back_into_networkx(ds, tmp_path, fmt, view):
    G = network(ds, view)
    path = tmp_path / f"g{fmt.suffix}"
    result = export(ds, fmt, path, view=view, describe=False)
    assert result.files == [path] and (result.nodes, result.edges) == (G.number_of_nodes(), G.number_of_edges())
    H = nx.read_graphml(path) if fmt is ExportFormat.GRAPHML else nx.read_gexf(path, version="1.3")
    assert H.is_directed()
    assert H.number_of_nodes() == G.number_of_nodes() > 0
    assert H.number_of_edges() == G.number_of_edges() > 0
    node = str(PKR["广东聚石化学股份有限公司"])
    if node in G:
        assert H.nodes[node]["label"] == "广东聚石化学股份有限公司"
        assert H.nodes[node]["cls"] == "Enterprise"


def test_lang_picks_the_label(ds):
    en = network(ds, lang="en")
    zh = network(ds, lang="zh")
    node = next(n for n, d in en.nodes(data=True) if d.get("label_en") and d.get("label_zh"))
    assert en.nodes[node]["label"] == en.nodes[node]["label_en"]
    assert zh.nodes[node]["label"] == zh.nodes[node]["label_zh"]
    rel = next(iter(en.edges(data=True)))[2]
    assert rel["label"] != next(iter(zh.edges(data=True)))[2]["label"]


# --------------------------------------------------------------------------- CSV


@pytest.mark.parametrize(
    "value, expected",
    [("=1+1", "'=1+1"), ("+86 763", "'+86 763"), ("-cmd", "'-cmd"), ("@SUM(A1)", "'@SUM(A1)"), ("\t=x", "'\t=x"),
     ("清远高新区", "清远高新区"), ("a=b", "a=b"), (5, "5"), (-3, "-3"), (None, "")],
)
def test_csv_cell_neutralises_formulas(value, expected):
    assert csv_cell(value) == expected


def test_csv_tables_have_labels_and_are_formula_safe(tmp_path):
    g = Graph()
    a, b = PKR["evil"], PKR["park"]
    g.add((a, RDF.type, PK.Enterprise))
    g.add((a, RDFS.label, Literal('=HYPERLINK("http://attacker","x")', lang="zh")))
    g.add((b, RDF.type, PK.Park))
    g.add((b, RDFS.label, Literal("@SUM(1+1)", lang="zh")))
    g.add((b, RDFS.label, Literal("Harmless Park", lang="en")))
    g.add((a, PK.locatedIn, b))
    result = export(g, "csv", tmp_path / "csv", lang="zh")
    assert [p.name for p in result.files] == ["nodes.csv", "edges.csv", "void.ttl"]
    nodes = list(csv.DictReader(io.StringIO((tmp_path / "csv" / "nodes.csv").read_text(encoding="utf-8"))))
    edges = list(csv.DictReader(io.StringIO((tmp_path / "csv" / "edges.csv").read_text(encoding="utf-8"))))
    labels = {r["id"]: r["label"] for r in nodes}
    assert labels[str(a)] == '\'=HYPERLINK("http://attacker","x")'
    assert labels[str(b)] == "'@SUM(1+1)"
    assert [(e["source"], e["target"], e["relation"], e["label"]) for e in edges] == [(str(a), str(b), "locatedIn", "位于")]
    assert edges[0]["target_label"] == "'@SUM(1+1)"
    assert not [c for r in nodes + edges for c in r.values() if c and c[0] in "=+-@"]


def test_csv_of_the_bundled_graph(ds, tmp_path):
    result = export(ds, "csv", tmp_path, lang="en")
    rows = list(csv.DictReader(io.StringIO((tmp_path / "nodes.csv").read_text(encoding="utf-8"))))
    assert len(rows) == result.nodes > 10
    assert all(r["label"] for r in rows)
    edges = list(csv.DictReader(io.StringIO((tmp_path / "edges.csv").read_text(encoding="utf-8"))))
    assert len(edges) == result.edges
    assert {"locatedIn", "hasCustomer"} <= {e["relation"] for e in edges}


# --------------------------------------------------------------------------- reading and CLI


def test_load_dataset_reports_line_and_column(tmp_path):
    bad = tmp_path / "bad.ttl"
    bad.write_text("@prefix pk: <https://w3id.org/parkkg/ontology#> .\npk:a pk:b pk:c .\npk:d pk:e \"unterminated .\n", encoding="utf-8")
    with pytest.raises(StoreError) as err:
        load_dataset(bad)
    assert "bad.ttl:3:" in str(err.value) and "line 3, column" in str(err.value)
    with pytest.raises(StoreError, match="no such graph file"):
        load_dataset(tmp_path / "missing.ttl")


def test_cli_export_writes_file_and_description(ttl_file, tmp_path, capsys):
    out = tmp_path / "parkkg.trig"
    assert cli.main(["export", "--format", "trig", "-o", str(out), "--graph", str(ttl_file)]) == 0
    assert "quads" in capsys.readouterr().err
    back = Dataset()
    back.parse(out, format="trig")
    assert ONTOLOGY_GRAPH in {g.identifier for g in back.graphs()}
    void = Graph().parse(tmp_path / "void.ttl", format="turtle")
    assert len(void) > 20


def test_cli_export_to_stdout(ttl_file, capsysbinary):
    assert cli.main(["export", "-f", "ntriples", "--graph", str(ttl_file), "--no-provenance", "--no-describe"]) == 0
    out = capsysbinary.readouterr().out
    g = Graph().parse(data=out, format="nt")
    assert (None, RDF.type, PK.Sentence) not in g and (None, PK.locatedIn, None) in g


def test_cli_export_rejects_unknown_format_and_lang(ttl_file):
    assert cli.main(["export", "--format", "xlsx", "--graph", str(ttl_file)]) == 2
    assert cli.main(["export", "--format", "csv", "--lang", "fr", "--graph", str(ttl_file)]) == 2


@pytest.mark.parametrize("fmt", [f for f in RdfFormat if f is not RdfFormat.JSONLD], ids=lambda f: f.value)
def test_a_store_is_written_piece_by_piece_as_its_quads_at_once(built, fmt, monkeypatch):
    """From a Store the sorted lines are made a few subjects at a time; the bytes are those of all the quads at once."""
    from graph.rdf import files

    at_once = files.serialize_ox(list(built.store), fmt)
    monkeypatch.setattr(files, "_SUBJECTS_PER_PIECE", 7)  # many pieces, some subjects in several graphs
    assert files.serialize_ox(built.store, fmt) == at_once


def test_turtle_streamed_into_a_file_is_the_bytes_serialize_ox_gives(built, tmp_path):
    from graph.rdf.files import RdfFormat, serialize_ox, write_ox

    path = write_ox(built.store, RdfFormat.TURTLE, tmp_path / "g.ttl")
    assert path.read_bytes() == serialize_ox(built.store, RdfFormat.TURTLE)
    assert path.read_bytes().startswith(b"@prefix ")


def test_turtle_writer_counts_the_distinct_triples_it_writes(built, tmp_path, monkeypatch):
    """The count the build's summary takes from the writer: each triple once, however many graphs hold it."""
    from graph import api
    from graph.rdf import files

    monkeypatch.setattr(files, "_SUBJECTS_PER_PIECE", 7)  # counted over many pieces
    counted: list[int] = []
    write_turtle(built.store, tmp_path / "g.ttl", counted=counted)
    assert counted == [api._distinct_triples(built.store)]
    assert counted[0] < len(built.store)  # some triples are in more than one graph: counted once
    again: list[int] = []
    write_turtle(built.dataset, tmp_path / "d.ttl", counted=again)
    assert again == counted


def test_turtle_writer_counts_an_rdflib_dataset_as_the_union_it_writes(tmp_path):
    from rdflib import Dataset, URIRef

    ds = Dataset()  # no default union: the triples stand only in named graphs
    for g in ("urn:x:g1", "urn:x:g2"):
        ds.graph(URIRef(g)).add((URIRef("urn:x:a"), URIRef("urn:x:p"), URIRef("urn:x:b")))
    ds.graph(URIRef("urn:x:g2")).add((URIRef("urn:x:a"), URIRef("urn:x:p"), URIRef("urn:x:c")))
    counted: list[int] = []
    path = write_turtle(ds, tmp_path / "u.ttl", counted=counted)
    assert counted == [2]
    assert path.read_text(encoding="utf-8").count("<urn:x:a>") == 1 and "<urn:x:c>" in path.read_text(encoding="utf-8")
