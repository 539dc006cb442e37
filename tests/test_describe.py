"""graph.rdf.describe: the VoID + DCAT description counts what the export holds."""

from __future__ import annotations

import pyoxigraph
import pytest
from rdflib import DCTERMS, RDF, XSD, Graph, Literal, URIRef
from rdflib.namespace import DCAT, VOID

from graph.rdf.describe import DATASET_IRI, describe_dataset, vocabularies_used
from graph.rdf.export import export, serialize
from graph.rdf.files import RdfFormat, select_graphs, union_graph
from graph.vocab import DATA_GRAPH, ONTOLOGY_GRAPH, PK

SD_NAME = URIRef("http://www.w3.org/ns/sparql-service-description#name")


@pytest.fixture(scope="module")
def ds(built):
    return built.dataset


@pytest.fixture(scope="module")
def void(ds) -> Graph:
    return describe_dataset(ds)


def test_dataset_is_void_and_dcat_with_title_and_licence(void):
    d = DATASET_IRI
    assert (d, RDF.type, VOID.Dataset) in void and (d, RDF.type, DCAT.Dataset) in void
    titles = {t.language for t in void.objects(d, DCTERMS.title)}
    assert titles == {"en", "zh"}
    assert void.value(d, DCTERMS.license) == URIRef("https://creativecommons.org/licenses/by/4.0/")
    assert void.value(d, DCTERMS.conformsTo) == URIRef("https://w3id.org/parkkg/ontology")


def test_counts_match_the_graph(ds, union, void):
    d = DATASET_IRI
    assert int(void.value(d, VOID.triples)) == len(union)
    assert int(void.value(d, VOID.distinctSubjects)) == len(set(union.subjects()))
    assert int(void.value(d, VOID.properties)) == len(set(union.predicates()))
    enterprises = len(set(union.subjects(RDF.type, PK.Enterprise)))
    part = next(p for p in void.objects(d, VOID.classPartition) if void.value(p, VOID["class"]) == PK.Enterprise)
    assert int(void.value(part, VOID.entities)) == enterprises > 0
    located = len(list(union.triples((None, PK.locatedIn, None))))
    part = next(p for p in void.objects(d, VOID.propertyPartition) if void.value(p, VOID.property) == PK.locatedIn)
    assert int(void.value(part, VOID.triples)) == located


def test_one_subset_per_named_graph(ds, void):
    subsets = {void.value(s, SD_NAME): int(void.value(s, VOID.triples)) for s in void.objects(DATASET_IRI, VOID.subset)}
    assert subsets == {g.identifier: len(g) for g in ds.graphs() if len(g)}
    assert DATA_GRAPH in subsets and ONTOLOGY_GRAPH in subsets


def test_sources_and_vocabularies(ds, union, void):
    docs = set(union.subjects(RDF.type, PK.Document))
    assert set(void.objects(DATASET_IRI, DCTERMS.source)) == docs
    for doc in docs:
        assert void.value(doc, DCTERMS.source) == union.value(doc, DCTERMS.source)
    vocabs = {str(v) for v in void.objects(DATASET_IRI, VOID.vocabulary)}
    assert vocabs == set(vocabularies_used(union))
    assert {"https://w3id.org/parkkg/ontology#", "http://www.w3.org/ns/prov#", "http://www.w3.org/2004/02/skos/core#"} <= vocabs


def test_no_timestamp_unless_source_date_epoch(ds, monkeypatch):
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    a = serialize(describe_dataset(ds), RdfFormat.TURTLE)
    assert a == serialize(describe_dataset(ds), RdfFormat.TURTLE)
    assert b"dcterms:created" not in a
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    d = describe_dataset(ds)
    assert d.value(DATASET_IRI, DCTERMS.created) == Literal("2023-11-14T22:13:20", datatype=XSD.dateTime)


def test_export_writes_void_beside_the_file(ds, tmp_path):
    result = export(ds, "ntriples", tmp_path / "parkkg.nt", provenance=False)
    data, void_path = result.files
    assert void_path == tmp_path / "void.ttl"
    text = void_path.read_bytes()
    assert len(list(pyoxigraph.parse(text, format=pyoxigraph.RdfFormat.TURTLE))) > 30
    g = Graph().parse(data=text, format="turtle")
    dist = g.value(DATASET_IRI, DCAT.distribution)
    assert str(g.value(dist, DCTERMS.title)) == "parkkg.nt"
    assert int(g.value(dist, DCAT.byteSize)) == data.stat().st_size
    assert str(g.value(dist, DCAT.mediaType)).endswith("application/n-triples")
    chosen = select_graphs(ds, provenance=False)
    assert int(g.value(DATASET_IRI, VOID.triples)) == len(union_graph(chosen)) < len(union_graph(ds))
