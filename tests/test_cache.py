"""Incremental and parallel builds give the same graph as a plain build."""

from graph import api
from graph.cache import ExtractionCache, loader_version
from graph.rdf.export import serialize

ARTICLES = [
    "广东星河新材料有限公司（以下简称“星河新材”）位于肇庆高新区。",
    "2023年，肇庆高新区工业总产值是305亿元，同比增长6.5%。",
    "江门华材科技有限公司与五邑大学联合申报的“一种低温固化方法”荣获广东专利金奖。",
]


def _write(tmp_path, texts):
    paths = []
    for i, t in enumerate(texts):
        p = tmp_path / f"a{i}.txt"
        p.write_text(t, encoding="utf-8")
        paths.append(p)
    return paths


def test_rebuild_reextracts_only_the_changed_article(tmp_path):
    paths = _write(tmp_path, ARTICLES)
    cache = tmp_path / "cache"
    first = api.build(paths, cache_dir=cache, include_ontology=False)
    assert first.cache_hits == 0
    paths[1].write_text(ARTICLES[1].replace("305亿元", "306亿元"), encoding="utf-8")
    second = api.build(paths, cache_dir=cache, include_ontology=False)
    assert second.cache_hits == 2
    fresh = api.build(paths, include_ontology=False)
    assert serialize(second.dataset) == serialize(fresh.dataset)
    assert b"30600000000" in serialize(second.dataset)


def test_parallel_build_equals_serial(tmp_path):
    paths = _write(tmp_path, ARTICLES)
    serial = api.build(paths, jobs=1, include_ontology=False)
    parallel = api.build(paths, jobs=2, include_ontology=False)
    assert serialize(serial.dataset) == serialize(parallel.dataset)


def test_cache_survives_a_corrupt_entry(tmp_path):
    from graph.text.read import read_text

    cache = ExtractionCache(tmp_path)
    doc = read_text("肇庆高新区发展迅速。")
    entry = tmp_path / loader_version() / f"{doc.sha256}.pickle"
    entry.parent.mkdir(parents=True)
    entry.write_bytes(b"not a pickle")
    assert cache.get(doc.sha256) is None and cache.misses == 1


def test_second_pass_is_parallel_cached_and_unchanged(tmp_path):
    # article 2 uses only the short name article 1 defines: the second pass extracts it again
    texts = [ARTICLES[0], "星河新材与五邑大学共建联合实验室。", "星河新材荣获广东专利金奖。"]
    paths = _write(tmp_path, texts)
    cache = tmp_path / "cache"
    serial = api.build(paths, jobs=1, include_ontology=False)
    cold = api.build(paths, jobs=2, cache_dir=cache, include_ontology=False)
    assert cold.cache_hits == 0
    assert len(list((cache / loader_version()).glob("*-linked-*.pickle"))) == 2
    warm = api.build(paths, jobs=2, cache_dir=cache, include_ontology=False)
    assert (warm.cache_hits, warm.second_pass_hits) == (3, 2)  # three documents, two of them extracted again
    expected = serialize(serial.dataset)
    assert serialize(cold.dataset) == expected == serialize(warm.dataset)
    assert "广东星河新材料有限公司" in {m.key for m in warm.extractions[1].mentions}
    # a new definition elsewhere changes what the second document borrows: its cached pass is not reused
    paths[0].write_text(ARTICLES[0].replace("星河新材", "星河材料"), encoding="utf-8")
    changed = api.build(paths, jobs=2, cache_dir=cache, include_ontology=False)
    assert serialize(changed.dataset) == serialize(api.build(paths, include_ontology=False).dataset)


def test_second_pass_in_workers_gives_the_serial_extractions(tmp_path):
    """The workers inherit the first pass and the names; each finds what its documents borrow and
    extracts them again: the same extractions, in the same order, as one process doing it all."""
    texts = [
        ARTICLES[0],
        "星河新材与五邑大学共建联合实验室。",
        "江门华材科技有限公司（以下简称“华材科技”）位于江门高新区。",
        "华材科技和星河新材签署战略合作协议。",
        "2023年，肇庆高新区工业总产值是305亿元。",
    ]
    paths = _write(tmp_path, texts)
    serial = api.extract_corpus(paths, jobs=1)
    parallel = api.extract_corpus(paths, jobs=2)
    assert list(parallel.extractions) == list(serial.extractions)
    assert parallel.indicators == serial.indicators
    borrowed = {m.key for m in parallel.extractions[3].mentions}
    assert {"广东星河新材料有限公司", "江门华材科技有限公司"} <= borrowed  # both short names resolved across documents


def test_the_loader_version_covers_every_extraction_module():
    """A change to any module of the text or extract stage (cue automaton, tables, spans ...) invalidates the cache."""
    from pathlib import Path

    from graph import cache

    names = {p.relative_to(Path(cache.__file__).parent).as_posix() for p in cache._extraction_sources()}
    package = Path(cache.__file__).parent
    for stage in ("text", "extract"):
        for module in package.joinpath(stage).glob("*.py"):
            assert f"{stage}/{module.name}" in names
    assert {"extract/cues.py", "extract/tables.py", "model.py", "api.py"} <= names
