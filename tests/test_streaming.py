"""A corpus mapped in pieces and streamed into Oxigraph is the graph an in-memory build makes."""


import pyoxigraph
import pytest
from typer.testing import CliRunner

from graph import api
from graph.cli import app
from graph.rdf.entail import INFERRED_GRAPH
from graph.rdf.mapping import iter_rdf, to_rdf
from graph.rdf.terms import dataset_quads, quads_to_ox

from conftest import ROOT

ARTICLES = sorted((ROOT / "tests" / "articles").glob("*.txt")) + sorted((ROOT / "tests" / "heldout").glob("*.txt"))
# the same figure in two documents is one observation cited twice; a short name defined in one
# document is used alone in another; a named industry is first met in a relation of a later document
SMALL = [
    "广东星河新材料有限公司（以下简称“星河新材”）位于肇庆高新区。2023年，肇庆高新区工业总产值是305亿元。",
    "据统计，2023年，肇庆高新区工业总产值是305亿元，同比增长6.5%。",
    "星河新材与五邑大学共建联合实验室，星河新材是铝基新材料产业链链主企业。",
]


def _quads(ds):
    return {str(q) for q in quads_to_ox(dataset_quads(ds))}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    d = tmp_path_factory.mktemp("corpus")
    for i, text in enumerate(SMALL):
        (d / f"s{i}.txt").write_text(text, encoding="utf-8")
    for p in ARTICLES:
        (d / p.name).write_text(p.read_text(encoding="utf-8"), encoding="utf-8")
    return d


@pytest.fixture(scope="module")
def built(corpus):
    return api.build([corpus], validate=False, include_ontology=True)


@pytest.mark.parametrize("per_chunk", [1, 2, 100])
def test_pieces_make_the_whole(built, per_chunk):
    pieces = list(iter_rdf(built.extractions, built.indicators, documents_per_chunk=per_chunk))
    assert len(pieces) == 1 + -(-len(built.extractions) // per_chunk)
    union = set().union(*(_quads(p) for p in pieces))
    whole = _quads(to_rdf(built.extractions, built.indicators))
    assert union == whole
    # a document's provenance lives in one piece only
    graphs = [{str(g.identifier) for g in p.graphs() if len(g) and "/doc/" in str(g.identifier)} for p in pieces]
    assert sum(len(g) for g in graphs) == len(set().union(*graphs)) == len(built.extractions)


def test_observation_stated_twice_is_one_node_in_pieces(built):
    from rdflib import RDF
    from rdflib.namespace import PROV

    pieces = list(iter_rdf(built.extractions, built.indicators, documents_per_chunk=1))
    typed, begins, sources = set(), {}, {}
    for p in pieces:
        data = p.graph(api.DATA_GRAPH)
        typed |= set(data.subjects(RDF.type, api.PK.Observation))
        for s, o in data.subject_objects(api.PK.beginIndex):
            begins.setdefault(s, set()).add(o)
        for s, o in data.subject_objects(PROV.wasDerivedFrom):
            sources.setdefault(s, set()).add(str(o).rsplit("/", 1)[0])
    twice = [o for o in typed if len(sources.get(o, ())) >= 2]
    assert twice, "the corpus states one figure in two documents"
    # written once (one span in the data graph), cited by both documents
    assert all(len(begins[o]) == 1 for o in typed)


def _asserted(store) -> set[str]:
    """The store's quads but the entailments (graph/inferred), which an in-memory build does not hold."""
    inferred = f"<{INFERRED_GRAPH}>"
    return {str(q) for q in store if str(q.graph_name) != inferred}


def test_build_into_store_equals_build(built, corpus, tmp_path):
    sb = api.build_into_store([corpus], tmp_path / "db", jobs=2, documents_per_chunk=2)
    store = pyoxigraph.Store.read_only(str(sb.store))
    assert _asserted(store) == _quads(built.dataset)
    assert sb.quads == len(store)
    assert len(store) > len(_asserted(store))  # and the entailments, for queries with inference
    assert sb.stats().entities == built.stats().entities
    assert sb.stats().relations == built.stats().relations


def test_cli_streams_when_nothing_needs_the_graph_in_memory(corpus, tmp_path, built):
    out = tmp_path / "out"
    r = CliRunner().invoke(app, ["build", str(corpus), "-o", str(out), "--store", f"oxigraph:{out / 'db'}",
                                 "--no-turtle", "--no-viz", "--no-validate", "-j", "1"])
    assert r.exit_code == 0, r.output
    assert "quads" in r.output and not (out / "parkkg.ttl").exists()
    store = pyoxigraph.Store.read_only(str(out / "db"))
    assert _asserted(store) == _quads(built.dataset)
    # the same command again replaces the store (and reuses the cache)
    again = CliRunner().invoke(app, ["build", str(corpus), "-o", str(out), "--store", f"oxigraph:{out / 'db'}",
                                     "--no-turtle", "--no-viz", "--no-validate"])
    assert again.exit_code == 0, again.output
    del store
    assert _asserted(pyoxigraph.Store.read_only(str(out / "db"))) == _quads(built.dataset)


@pytest.mark.parametrize("workers", [1, 2])
def test_nquads_pieces_in_parallel_make_the_whole(built, workers):
    from graph.rdf.mapping import iter_nquads

    store = pyoxigraph.Store()
    typed = set()
    for nquads, classes in iter_nquads(built.extractions, built.indicators, documents_per_chunk=1, workers=workers):
        store.load(nquads, format=pyoxigraph.RdfFormat.N_QUADS)
        typed |= set(classes)
    whole = to_rdf(built.extractions, built.indicators)
    assert {str(q) for q in store} == _quads(whole)
    assert len(typed) == len(set(whole.graph(api.DATA_GRAPH).subject_objects(api.RDF.type)))


def test_claimed_observations_make_the_order_of_documents_irrelevant(built):
    from graph.rdf.mapping import RdfMapper, new_dataset

    whole = _quads(to_rdf(built.extractions, built.indicators))

    def backwards(claim):
        mapper = RdfMapper(built.extractions, built.indicators)
        if claim:
            mapper.claim_observations(built.extractions)
        ds = new_dataset()
        mapper.common(ds)
        for ex in reversed(built.extractions):
            mapper.document(ds, ex)
        return _quads(ds)

    assert backwards(claim=True) == whole
    assert backwards(claim=False) != whole  # without the claim, the last document to state a figure would write it


def test_a_streamed_build_keeps_counts_not_extractions(built, corpus, tmp_path):
    sb = api.build_into_store([corpus], tmp_path / "db", jobs=1)
    assert not hasattr(sb, "extractions")
    assert sb.counts == api.BuildCounts.of(built.extractions) and sb.counts.documents == len(built.extractions)
    assert sb.stats().sentences == built.stats().sentences


def test_a_corpus_extracted_through_a_spill_is_the_corpus(corpus):
    from graph._spill import Spill
    from graph.extract.lexicon import load_lexicon

    lex = load_lexicon()
    kept = api._extract_corpus([corpus], keep_going=False, progress=None, jobs=2, cache_dir=None, lex=lex)
    with Spill() as spill:
        spilled = api._extract_corpus([corpus], keep_going=False, progress=None, jobs=2, cache_dir=None, lex=lex, spill=spill)
        assert list(spilled.extractions) == kept.extractions
        assert spilled.indicators == kept.indicators and spilled.counts == api.BuildCounts.of(kept.extractions)
        assert spill.size > 0


def test_a_store_counts_the_distinct_triples_the_dataset_holds(built):
    from_store = api.BuildResult(store=built.store, extractions=built.extractions, indicators=built.indicators)
    assert from_store.stats().triples == len(built.dataset)
