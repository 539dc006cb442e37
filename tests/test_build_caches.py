"""Caches a build reads instead of recomputing: the ontology's canonical quads (the same quads as computed)."""

from __future__ import annotations

import pyoxigraph as ox
import pytest

from graph import api
from graph.rdf.files import canonical_ox_quads
from graph.rdf.validate import load_ontology
from graph.vocab import ONTOLOGY_GRAPH


def _computed() -> set:
    graph = ox.NamedNode(str(ONTOLOGY_GRAPH))
    return {ox.Quad(q.subject, q.predicate, q.object, graph) for q in canonical_ox_quads(load_ontology())}


@pytest.fixture
def private_tmp(tmp_path, monkeypatch):
    import tempfile

    monkeypatch.setattr(tempfile, "gettempdir", lambda: str(tmp_path))
    api._ontology_quads.cache_clear()
    yield tmp_path
    api._ontology_quads.cache_clear()


def test_ontology_quads_read_back_from_the_cache_are_the_computed_ones(private_tmp):
    first = api._ontology_quads()
    cache = api._ontology_cache_path()
    assert cache is not None and cache.parent == private_tmp and cache.is_file()
    api._ontology_quads.cache_clear()
    second = api._ontology_quads()
    assert set(first) == set(second) == _computed()
    assert any(isinstance(q.subject, ox.BlankNode) for q in second)


def test_a_corrupt_or_foreign_ontology_cache_is_not_used(private_tmp):
    cache = api._ontology_cache_path()
    cache.write_bytes(b"<not n-quads")
    assert set(api._ontology_quads()) == _computed()
    api._ontology_quads.cache_clear()
    cache.write_bytes(b'<http://example.org/s> <http://example.org/p> "planted" .\n')
    cache.chmod(0o666)  # writable by anyone: not trusted
    assert set(api._ontology_quads()) == _computed()
