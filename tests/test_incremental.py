"""Incremental builds reuse each unchanged document's mapped quads (graph.cache.QuadsCache),
and never a document whose quads another document's change alters: the graph is the cold build's."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest

from graph import api
from graph.rdf.mapping import RdfMapper

#: A defines 星河新材; B borrows it and states the same figure as A; C stands apart.
A = "广东星河新材料有限公司（以下简称“星河新材”）位于肇庆高新区。2023年，肇庆高新区实现工业总产值500亿元。"
B = "星河新材与岭南大学共建联合实验室。2023年，肇庆高新区实现工业总产值500亿元。"
C = "岭南大学位于广州。佛山华南新能源有限公司位于佛山高新区。"
#: A with 星河新材 standing for another company: B's quads name another entity
A_RENAMED = "广东星河新材科技有限公司（以下简称“星河新材”）位于肇庆高新区。2023年，肇庆高新区实现工业总产值500亿元。"
#: A without the figure: B is now the first to state it, and writes the observation itself
A_NO_FIGURE = "广东星河新材料有限公司（以下简称“星河新材”）位于肇庆高新区。"


def _corpus(folder: Path, a: str) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, text in (("a.txt", a), ("b.txt", B), ("c.txt", C)):
        (folder / name).write_text(text, encoding="utf-8")
        paths.append(folder / name)
    return paths


def _canonical(store) -> list[str]:
    """The store's quads as sorted N-Quads lines (the data has no blank nodes)."""
    return sorted(set(ox.serialize(store, format=ox.RdfFormat.N_QUADS).decode("utf-8").splitlines()))


def _build(paths, cache: Path | None) -> api.BuildResult:
    return api.build(paths, validate=False, include_ontology=False, jobs=1, cache_dir=cache)


@pytest.mark.parametrize(("changed", "reused"), [(A_RENAMED, 1), (A_NO_FIGURE, 1)], ids=["borrowed-name", "first-statement"])
def test_rebuild_after_a_change_is_the_cold_build(tmp_path: Path, changed: str, reused: int) -> None:
    cache = tmp_path / "cache"
    paths = _corpus(tmp_path / "corpus", A)
    first = _build(paths, cache)
    assert first.quads_cache_hits == 0
    again = _build(paths, cache)
    assert again.quads_cache_hits == 3  # nothing changed: every document's quads reused
    assert _canonical(again.store) == _canonical(first.store)

    paths = _corpus(tmp_path / "corpus", changed)
    rebuilt = _build(paths, cache)
    cold = _build(_corpus(tmp_path / "cold", changed), None)
    assert _canonical(rebuilt.store) == _canonical(cold.store)
    assert rebuilt.quads_cache_hits == reused  # C only: A changed, and B's quads depend on A


def test_build_into_store_reuses_quads_and_matches_a_cold_build(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    paths = _corpus(tmp_path / "corpus", A)
    api.build_into_store(paths, tmp_path / "s1", cache_dir=cache, include_ontology=False)
    paths = _corpus(tmp_path / "corpus", A_NO_FIGURE)
    rebuilt = api.build_into_store(paths, tmp_path / "s2", cache_dir=cache, include_ontology=False)
    cold = api.build_into_store(_corpus(tmp_path / "cold", A_NO_FIGURE), tmp_path / "s3", include_ontology=False)
    assert rebuilt.quads_cache_hits == 1 and cold.quads_cache_hits == 0
    assert _canonical(ox.Store.read_only(str(rebuilt.store))) == _canonical(ox.Store.read_only(str(cold.store)))


def test_a_documents_key_follows_what_other_documents_decide() -> None:
    """B's extraction is the same in both corpora; who first states its figure is not."""
    with_a = api.build_text([A, B], validate=False)
    without = api.build_text([A_NO_FIGURE, B], validate=False)
    b1, b2 = with_a.extractions[1], without.extractions[1]
    assert b1 == b2

    def key(result: api.BuildResult, ex) -> str:
        mapper = RdfMapper(result.extractions, result.indicators)
        mapper.claim_observations(result.extractions)
        return mapper.document_key(ex)

    assert key(with_a, b1) != key(without, b2)
    assert key(with_a, b1) == key(api.build_text([A, B], validate=False), b1)


def test_document_key_needs_the_claimed_observations() -> None:
    r = api.build_text([A], validate=False)
    with pytest.raises(Exception, match="claim_observations"):
        RdfMapper(r.extractions, r.indicators).document_key(r.extractions[0])


def test_quads_and_labels_are_kept_beside_the_extractions(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The cache folder holds the quads; a rebuild renders no entity label again and maps no document again."""
    from graph.cache import mapping_version
    from graph.rdf import mapping

    cache = tmp_path / "cache"
    paths = _corpus(tmp_path / "corpus", A)
    first = _build(paths, cache)
    assert (cache / f"quads-{mapping_version()}" / "labels.pickle").is_file()

    def fail(*args, **kwargs):
        raise AssertionError("rendered or mapped again")

    monkeypatch.setattr(mapping, "name_labels", fail)
    monkeypatch.setattr(mapping.RdfMapper, "document", fail)
    again = _build(paths, cache)
    assert again.quads_cache_hits == 3
    assert _canonical(again.store) == _canonical(first.store)


def test_rebuild_after_an_article_is_deleted_is_the_cold_build(tmp_path: Path) -> None:
    """A, which defines the name B borrows and first states B's figure, is deleted: B is mapped again, C is not."""
    cache = tmp_path / "cache"
    paths = _corpus(tmp_path / "corpus", A)
    _build(paths, cache)
    rebuilt = _build(paths[1:], cache)
    cold = _build(paths[1:], None)
    assert _canonical(rebuilt.store) == _canonical(cold.store)
    assert rebuilt.quads_cache_hits == 1  # C
    borrowed = "广东星河新材料有限公司"
    assert borrowed in {m.key for m in _build(paths, cache).extractions[1].mentions}  # B borrows A's name...
    assert borrowed not in {m.key for m in rebuilt.extractions[0].mentions}  # ...which no document defines now


def _many(folder: Path, a: str, n: int = 120) -> list[Path]:
    """``n`` documents, each A, B or C with a figure of its own: enough for several mapping chunks."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(n):
        base = (a, B, C)[i % 3]
        path = folder / f"d{i:03d}.txt"
        path.write_text(f"{base}{1900 + i}年，肇庆高新区实现工业总产值{i + 1}亿元。", encoding="utf-8")
        paths.append(path)
    return paths


def test_parallel_rebuild_with_a_borrowed_name_changed_is_the_cold_build(tmp_path: Path) -> None:
    """Two workers map the missing documents (the pool forks while pieces are loaded in the background)."""
    cache = tmp_path / "cache"
    first = api.build(_many(tmp_path / "corpus", A), validate=False, include_ontology=False, jobs=2, cache_dir=cache)
    assert first.quads_cache_hits == 0
    changed = _many(tmp_path / "corpus", A)
    changed[0].write_text(A_RENAMED, encoding="utf-8")  # the name every B document borrows now stands for another company
    rebuilt = api.build(changed, validate=False, include_ontology=False, jobs=2, cache_dir=cache)
    cold = api.build(_copy(changed, tmp_path / "cold"), validate=False, include_ontology=False, jobs=1)
    assert _canonical(rebuilt.store) == _canonical(cold.store)
    assert 0 < rebuilt.quads_cache_hits < len(changed) - 40  # the 40 B documents and the A documents mapped again


def _copy(paths: list[Path], folder: Path) -> list[Path]:
    folder.mkdir(parents=True)
    out = []
    for p in paths:
        (folder / p.name).write_bytes(p.read_bytes())
        out.append(folder / p.name)
    return out
