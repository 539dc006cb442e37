"""What notebooks, tests and the CLI call: the pipeline as a few functions.

>>> from graph import api
>>> result = api.build()                      # the bundled article
>>> result.stats().entities["Enterprise"] > 0
True
"""

from __future__ import annotations

import hashlib
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, MutableMapping, Sequence
from contextlib import closing
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import chain
from pathlib import Path
from typing import Any

from rdflib import RDF, Dataset, URIRef

from graph._loading import BackgroundLoad
from graph._parallel import imap_ordered, run_aside, shared, worker_count
from graph._spill import Frames, Spill, SpilledDict
from graph.cache import ExtractionCache, QuadsCache, linked_key
from graph.errors import ParkKGError, SourceError, ValidationError
from graph.extract.events import find_events
from graph.extract.lexicon import Lexicon, load_lexicon
from graph.extract.mentions import LocalMentions, find_local_mentions, find_mentions
from graph.extract.observations import Indicator, find_observations
from graph.extract.relations import find_relations
from graph.model import Document, Extraction
from graph.rdf.files import DEFAULT_GRAPH_FILE
from graph.rdf.validate import ValidationReport, load_ontology, validate_store
from graph.text.clean import clean_text
from graph.text.read import bundled_article, expand_paths, read_document, read_text
from graph.text.segment import split_sentences
from graph.vocab import DATA_GRAPH, ONTOLOGY_GRAPH, PK, RECORD_CLASS_NAMES

__all__ = [
    "extract",
    "extract_text",
    "relink",
    "build",
    "extract_corpus",
    "prepare_mapping",
    "build_from_corpus",
    "Corpus",
    "build_text",
    "build_into_store",
    "BuildResult",
    "StoreBuild",
    "BuildCounts",
    "map_to_store",
    "store_to_dataset",
    "BuildStats",
    "DocumentFailure",
    "graph_source",
]


def extract(
    document: Document, *, lex: Lexicon | None = None, known: dict[str, tuple[str, str]] | None = None
) -> tuple[Extraction, dict[str, Indicator]]:
    """Run read → clean → segment → mentions → relations on one document.

    Returns
    -------
    (Extraction, indicators)
        The records, and the indicator concepts its observations use.
    """
    ex, indicators, _local = _extract_parts(document, lex or load_lexicon(), known)
    return ex, indicators


def _extract_parts(
    document: Document, lex: Lexicon, known: dict[str, tuple[str, str]] | None = None
) -> tuple[Extraction, dict[str, Indicator], LocalMentions]:
    """:func:`extract`, and the document's own mentions for a later :func:`relink`."""
    clean = clean_text(document.text)
    sentences = split_sentences(clean)
    local = find_local_mentions(sentences, lex)
    ex, indicators = _from_mentions(document, clean, sentences, find_mentions(sentences, lex, known=known, local=local), lex)
    return ex, indicators, local


def _from_mentions(document: Document, clean: Any, sentences: Sequence[Any], found: Any, lex: Lexicon) -> tuple[Extraction, dict[str, Indicator]]:
    relations = find_relations(sentences, found.mentions, lex)
    observations, indicators = find_observations(sentences, found.mentions, lex)
    events = find_events(sentences, found.mentions)
    ex = Extraction(
        document=document,
        clean=clean,
        sentences=sentences,  # type: ignore[arg-type]
        mentions=found.mentions,
        relations=tuple(relations),
        observations=tuple(observations),
        events=tuple(events),
        aliases=dict(found.aliases),
    )
    return ex, indicators


def relink(
    ex: Extraction,
    known: dict[str, tuple[str, str]],
    *,
    lex: Lexicon | None = None,
    local: LocalMentions | None = None,
) -> tuple[Extraction, dict[str, Indicator]] | None:
    """``ex``'s document extracted again with names other documents taught, reusing what the names cannot change.

    The text is not cleaned or segmented again and, given ``local`` (the
    document's :func:`~graph.extract.mentions.find_local_mentions`), its
    mentions are not searched again: only the names are resolved anew.
    Relations, observations and events depend on nothing but the sentences
    and the mentions, so they are found again only if the mentions changed.
    The answer is what ``extract(ex.document, known=known)`` gives.

    Returns
    -------
    (Extraction, indicators) or None
        None when the names change nothing (keep ``ex``).

    Examples
    --------
    >>> a = extract_text("广东星河新材料有限公司（以下简称“星河新材”）位于肇庆高新区。")
    >>> b = extract_text("星河新材与岭南大学共建联合实验室。")
    >>> again, _ = relink(b, {"星河新材": ("广东星河新材料有限公司", "Enterprise")})
    >>> again == extract(b.document, known={"星河新材": ("广东星河新材料有限公司", "Enterprise")})[0]
    True
    >>> relink(a, {"岭南大学": ("岭南大学", "University")}) is None
    True
    """
    lex = lex or load_lexicon()
    if local is None:
        local = find_local_mentions(ex.sentences, lex)
    found = find_mentions(ex.sentences, lex, known=known, local=local)
    if found.mentions == ex.mentions and found.aliases == ex.aliases:
        return None
    return _from_mentions(ex.document, ex.clean, ex.sentences, found, lex)


def extract_text(text: str, source: str = "<text>") -> Extraction:
    """Extract from a string (handy in notebooks and tests).

    Examples
    --------
    >>> ex = extract_text("广东星河新材料有限公司位于肇庆高新区。")
    >>> sorted({m.key for m in ex.mentions})
    ['广东星河新材料有限公司', '肇庆高新技术产业开发区']
    """
    return extract(read_text(text, source))[0]


@dataclass(frozen=True)
class DocumentFailure:
    """A document that could not be used, and why."""

    source: str
    message: str


@dataclass(frozen=True)
class BuildStats:
    """Counts for the one-line summary and ``parkkg stats``."""

    documents: int
    sentences: int
    entities: dict[str, int]
    relations: dict[str, int]
    observations: dict[str, int]
    triples: int
    seconds: float

    def summary(self) -> str:
        ents = ", ".join(f"{k} {v}" for k, v in sorted(self.entities.items()))
        return (
            f"{self.documents} document(s), {self.sentences} sentences, "
            f"{sum(self.entities.values())} entities ({ents}), {sum(self.relations.values())} relations, "
            f"{sum(self.observations.values())} observations, {self.triples} triples, {self.seconds:.1f} s"
        )


class BuildResult:
    """A built graph with what went into it.

    The graph lives in an in-memory Oxigraph store (``store``: one named graph
    per document's provenance, the data graph, the ontology graph); the rdflib
    :attr:`dataset` is made from it the first time a caller asks, so a build
    that only writes files and counts never pays for one.

    ``cache_hits`` counts documents whose extraction came from the cache;
    ``second_pass_hits`` the documents whose second pass (extraction with
    names other documents defined) came from it too; ``quads_cache_hits`` the
    documents whose mapped quads came from it (:class:`graph.cache.QuadsCache`).
    ``timings`` holds the
    seconds each stage took (``extract``, ``link``, ``map``, ``validate``).
    """

    def __init__(
        self,
        dataset: Dataset | None = None,
        extractions: list[Extraction] | None = None,
        indicators: dict[str, Indicator] | None = None,
        report: ValidationReport | None = None,
        failures: list[DocumentFailure] | None = None,
        seconds: float = 0.0,
        cache_hits: int = 0,
        second_pass_hits: int = 0,
        *,
        store: Any = None,
        entities: dict[str, int] | None = None,
        timings: dict[str, float] | None = None,
    ) -> None:
        if dataset is None and store is None:
            raise ValueError("a BuildResult needs a dataset or a store")
        self._dataset = dataset
        self._store = store
        self.extractions = extractions if extractions is not None else []
        self.indicators = indicators if indicators is not None else {}
        self.report = report
        self.failures = failures if failures is not None else []
        self.seconds = seconds
        self.cache_hits = cache_hits
        self.second_pass_hits = second_pass_hits
        self.quads_cache_hits = 0
        self._entities = entities
        self.timings = timings if timings is not None else {}
        self._triples: int | None = None

    @property
    def store(self) -> Any:
        """The graph as a ``pyoxigraph.Store`` (made from :attr:`dataset` if the result was given one)."""
        if self._store is None:
            import pyoxigraph as ox

            from graph.rdf.terms import dataset_quads, quads_to_ox

            store = ox.Store()
            store.extend(quads_to_ox(dataset_quads(self._dataset)))  # type: ignore[arg-type]
            self._store = store
        return self._store

    @property
    def dataset(self) -> Dataset:
        """The graph as an rdflib Dataset (union default graph), made on first use."""
        if self._dataset is None:
            self._dataset = store_to_dataset(self._store)
        return self._dataset

    @property
    def graph(self) -> Dataset:
        return self.dataset

    def note_triples(self, triples: int) -> None:
        """Take the number of distinct triples from whoever counted them (the Turtle writer, which
        writes each once), so that :meth:`stats` need not count them in the store again."""
        self._triples = triples

    def stats(self) -> BuildStats:
        if self._entities is None or self._triples is None:
            if self._dataset is not None:
                types = Counter(o for _s, o in self._dataset.graph(DATA_GRAPH).subject_objects(RDF.type))
                self._entities, self._triples = _entity_counts(types), len(self._dataset)
            else:
                if self._entities is None:
                    self._entities = _store_entities(self._store)
                if self._triples is None:
                    self._triples = _distinct_triples(self._store)
        return _build_stats(BuildCounts.of(self.extractions), self._entities, self._triples, self.seconds)


def store_to_dataset(store: Any) -> Dataset:
    """The quads of a pyoxigraph store as an rdflib Dataset with parkkg's prefixes (union default graph)."""
    from graph.rdf.mapping import new_dataset
    from graph.rdf.terms import term_reader

    ds = new_dataset()
    read = term_reader()
    graphs: dict[Any, Any] = {}

    def quads() -> Iterator[tuple[Any, Any, Any, Any]]:
        for q in store:
            g = graphs.get(q.graph_name)
            if g is None:
                name = read(q.graph_name)
                g = graphs[q.graph_name] = ds.default_context if name is None else ds.graph(name)
            yield read(q.subject), read(q.predicate), read(q.object), g

    ds.addN(quads())
    return ds


def _distinct_triples(store: Any) -> int:
    """Distinct triples over all graphs of a pyoxigraph store (what ``len`` of the union Dataset counts).

    Counted as the quads less those whose triple a graph named earlier (or, for the default
    graph, any named graph) holds too: each quad is looked up, and no set of all the triples
    is made (a ``SELECT DISTINCT`` held one, 300 MB for 1.6M triples).

    Examples
    --------
    >>> import pyoxigraph as ox
    >>> s, p = ox.NamedNode("urn:x:s"), ox.NamedNode("urn:x:p")
    >>> store = ox.Store()
    >>> store.extend([ox.Quad(s, p, ox.Literal(str(i % 2)), g) for i, g in enumerate(
    ...     [ox.NamedNode("urn:x:a"), ox.NamedNode("urn:x:b"), ox.NamedNode("urn:x:c"), ox.DefaultGraph()])])
    >>> len(store), _distinct_triples(store)
    (4, 2)
    """

    def count(query: str) -> int:
        return int(next(iter(store.query(query)))[0].value)

    again_named = count(
        "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } FILTER EXISTS { GRAPH ?h { ?s ?p ?o } FILTER(STR(?h) < STR(?g)) } }"
    )
    again_default = count("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o FILTER EXISTS { GRAPH ?h { ?s ?p ?o } } }")
    return len(store) - again_named - again_default


def _store_entities(store: Any) -> dict[str, int]:
    rows = store.query(
        "SELECT ?c (COUNT(DISTINCT ?s) AS ?n) WHERE { GRAPH <%s> { ?s a ?c } } GROUP BY ?c" % DATA_GRAPH
    )
    return _entity_counts({URIRef(c.value): int(n.value) for c, n in rows})


@dataclass
class StoreBuild:
    """A build written into an on-disk Oxigraph store (:func:`build_into_store`)."""

    store: Path
    counts: BuildCounts
    indicators: dict[str, Indicator]
    failures: list[DocumentFailure]
    quads: int
    entities: dict[str, int]
    seconds: float = 0.0
    cache_hits: int = 0
    second_pass_hits: int = 0
    quads_cache_hits: int = 0

    def stats(self) -> BuildStats:
        return _build_stats(self.counts, self.entities, self.quads, self.seconds)


@dataclass(frozen=True)
class BuildCounts:
    """What the summary line counts in the extractions: documents, sentences, relations and
    observations by kind (all a :class:`StoreBuild` keeps of them).

    Examples
    --------
    >>> BuildCounts.of([extract_text("广东星河新材料有限公司位于肇庆高新区。")]).sentences
    1
    """

    documents: int = 0
    sentences: int = 0
    relations: dict[str, int] = field(default_factory=dict)
    observations: dict[str, int] = field(default_factory=dict)

    @classmethod
    def of(cls, extractions: Iterable[Extraction]) -> BuildCounts:
        documents = sentences = 0
        relations: Counter[str] = Counter()
        observations: Counter[str] = Counter()
        for ex in extractions:
            documents += 1
            sentences += len(ex.sentences)
            relations.update(r.predicate for r in ex.relations)
            observations.update(o.indicator for o in ex.observations)
        return cls(documents, sentences, dict(relations), dict(observations))


_NOT_ENTITIES = frozenset(PK[name] for name in RECORD_CLASS_NAMES)


def _entity_counts(types: Mapping[Any, int]) -> dict[str, int]:
    """Entities by class, from the number of data-graph nodes typed with each class."""
    out: Counter[str] = Counter()
    for cls, n in types.items():
        if isinstance(cls, URIRef) and str(cls).startswith(str(PK._NS)) and cls not in _NOT_ENTITIES:
            out[str(cls).rsplit("#", 1)[1]] += n
    return dict(out)


def _build_stats(counts: BuildCounts, entities: dict[str, int], triples: int, seconds: float) -> BuildStats:
    return BuildStats(
        documents=counts.documents,
        sentences=counts.sentences,
        entities=entities,
        relations=dict(counts.relations),
        observations=dict(counts.observations),
        triples=triples,
        seconds=seconds,
    )


def _finish(
    extractions: list[Extraction],
    indicators: dict[str, Indicator],
    failures: list[DocumentFailure],
    started: float,
    *,
    include_ontology: bool,
    validate: bool,
    lex: Lexicon,
    workers: int = 1,
    timings: dict[str, float] | None = None,
    quads_cache: QuadsCache | None = None,
) -> BuildResult:
    timings = {} if timings is None else timings
    t = time.perf_counter()
    store, entities = map_to_store(
        extractions, indicators, lex=lex, include_ontology=include_ontology, workers=workers, cache=quads_cache
    )
    timings["map"] = time.perf_counter() - t
    report = None
    if validate:
        t = time.perf_counter()
        report = validate_store(store)
        timings["validate"] = time.perf_counter() - t
    result = BuildResult(
        None, extractions, indicators, report, failures, time.perf_counter() - started,
        store=store, entities=entities, timings=timings,
    )
    result.quads_cache_hits = quads_cache.hits if quads_cache is not None else 0
    return result


def map_to_store(
    extractions: Sequence[Extraction],
    indicators: dict[str, Indicator],
    *,
    lex: Lexicon | None = None,
    include_ontology: bool = True,
    workers: int = 1,
    documents_per_chunk: int = 25,
    cache: QuadsCache | None = None,
) -> tuple[Any, dict[str, int]]:
    """Map extractions to RDF straight into an in-memory Oxigraph store.

    The documents are mapped a few at a time (by ``workers`` processes, see
    :func:`graph.rdf.mapping.iter_nquads`), each piece handed over as
    N-Quads and loaded by Oxigraph's parser on a thread of its own
    (:class:`graph._loading.BackgroundLoad`), while the next piece is mapped
    or read; no rdflib graph is made. With a ``cache``, a document whose
    quads it holds is not mapped again.

    Returns
    -------
    (pyoxigraph.Store, entities)
        The store (the same quads :func:`graph.rdf.mapping.to_rdf` makes,
        plus the ontology graph), and the entities by class.

    Examples
    --------
    >>> r = build_text("广东星河新材料有限公司位于肇庆高新区。", validate=False)
    >>> store, entities = map_to_store(r.extractions, r.indicators, include_ontology=False)
    >>> len(store) == sum(len(g) for g in r.dataset.graphs()), entities["Enterprise"]
    (True, 1)
    """
    import pyoxigraph as ox

    from graph.rdf.mapping import iter_nquads

    store = ox.Store()
    typed: dict[str, set[str]] = {}
    pieces = iter_nquads(extractions, indicators, lex=lex, documents_per_chunk=documents_per_chunk, workers=workers, cache=cache)
    with BackgroundLoad(store) as loading:  # each piece loaded while the next is read from the cache or mapped
        for nquads, classes in pieces:
            for cls, node in classes:
                typed.setdefault(cls, set()).add(node)
            loading.put(nquads)
            del nquads, classes  # not kept while the next piece is made
    if include_ontology:
        store.extend(_ontology_quads())
    return store, _entity_counts({URIRef(o): len(v) for o, v in typed.items()})


@lru_cache(maxsize=1)
def _ontology_quads() -> tuple[Any, ...]:
    """The ontology graph as pyoxigraph quads, blank nodes with content-derived labels (stable bytes in every file).

    Labelling the blank nodes (rdflib's canonicalisation) takes longer than
    mapping an article, and gives the same quads until the ontology or the
    code changes, so they are kept as N-Quads in the temporary folder under a
    digest of both (:func:`_ontology_cache_path`) and read back from there.
    """
    import pyoxigraph as ox

    from graph.rdf.files import canonical_ox_quads, write_atomic

    cache = _ontology_cache_path()
    if cache is not None and _own_file(cache):
        try:
            return tuple(ox.parse(cache.read_bytes(), format=ox.RdfFormat.N_QUADS))
        except (OSError, SyntaxError, ValueError):
            pass
    graph = ox.NamedNode(str(ONTOLOGY_GRAPH))
    quads = tuple(ox.Quad(q.subject, q.predicate, q.object, graph) for q in canonical_ox_quads(load_ontology()))
    if cache is not None:
        try:
            write_atomic(cache, lambda p: p.write_bytes(ox.serialize(quads, format=ox.RdfFormat.N_QUADS)))
        except OSError:
            pass
    return quads


def _ontology_cache_path() -> Path | None:
    """Where :func:`_ontology_quads` keeps its quads: named by a digest of the ontology, the code that labels them, and the libraries."""
    import os
    import tempfile

    import pyoxigraph
    import rdflib

    import graph
    from graph._resources import ontology_dir
    from graph.rdf import files

    try:
        h = hashlib.sha256((ontology_dir() / "parkkg.ttl").read_bytes())
        h.update(Path(files.__file__).read_bytes())
    except OSError:
        return None
    h.update(f"{graph.__version__} {rdflib.__version__} {pyoxigraph.__version__}".encode())
    user = os.getuid() if hasattr(os, "getuid") else 0
    return Path(tempfile.gettempdir()) / f"parkkg-ontology-{h.hexdigest()[:16]}-{user}.nq"


def _own_file(path: Path) -> bool:
    """``path`` is a file this user owns and no one else may write (a cache in a shared folder is trusted only then)."""
    import os
    import stat

    try:
        st = path.stat()
    except OSError:
        return False
    mine = not hasattr(os, "getuid") or st.st_uid == os.getuid()
    return stat.S_ISREG(st.st_mode) and mine and not st.st_mode & (stat.S_IWGRP | stat.S_IWOTH)


def _extract_file(
    path: str,
) -> tuple[str, tuple[Extraction, dict[str, Indicator]] | None, str | None, str | None, LocalMentions | None]:
    """Read and extract one file (runs in a worker process); never raises a SourceError."""
    try:
        doc = read_document(path)
    except SourceError as exc:
        return path, None, str(exc), None, None
    ex, indicators, local = _extract_parts(doc, load_lexicon())
    return path, (ex, indicators), None, doc.sha256, local


def build(
    paths: Iterable[str | Path] | None = None,
    *,
    keep_going: bool = False,
    include_ontology: bool = True,
    validate: bool = True,
    progress: Callable[[int, int, str], None] | None = None,
    jobs: int | None = 1,
    cache_dir: str | Path | None = None,
) -> BuildResult:
    """Build the knowledge graph from articles (default: the bundled one).

    Parameters
    ----------
    paths : iterable of str or Path, optional
        Files or directories of ``.txt`` articles.
    keep_going : bool
        Skip documents that cannot be read (reported in ``failures``)
        instead of raising.
    include_ontology : bool
        Put the ontology in its own named graph of the result.
    validate : bool
        Validate against ``ontology/shapes.ttl`` (``result.report``).
    progress : callable, optional
        Called as ``progress(done, total, source)`` after each document.
    jobs : int or None
        Worker processes for extraction (``None``: one per core). The result
        does not depend on it: documents keep their input order.
    cache_dir : path, optional
        Reuse extractions cached there (keyed by document content and
        loader version, see :mod:`graph.cache`) and each document's mapped
        quads (keyed by its extraction and the corpus-wide state its mapping
        reads), and store new ones.

    Raises
    ------
    SourceError
        A document cannot be read and ``keep_going`` is false. Nothing is
        built in that case.
    """
    started = time.perf_counter()
    # while the workers extract, this process loads what only the mapping needs: the mapping's workers inherit it
    corpus = _extract_corpus(
        paths, keep_going=keep_going, progress=progress, jobs=jobs, cache_dir=cache_dir, lex=load_lexicon(), meanwhile=prepare_mapping
    )
    return build_from_corpus(
        corpus, include_ontology=include_ontology, validate=validate, jobs=jobs, cache_dir=cache_dir, started=started
    )


@dataclass
class Corpus:
    """The extraction stage's output for a whole corpus (documents deduplicated, in input order):
    what :func:`extract_corpus` gives and :func:`build_from_corpus` maps.

    ``cache_hits`` and ``second_pass_hits`` count the documents whose first
    and second pass came from the cache; ``timings`` holds the seconds of
    the ``extract`` and ``link`` stages.
    """

    extractions: Sequence[Extraction]
    indicators: dict[str, Indicator]
    failures: list[DocumentFailure]
    cache_hits: int
    second_pass_hits: int
    timings: dict[str, float] = field(default_factory=dict)
    counts: BuildCounts | None = None


def extract_corpus(
    paths: Iterable[str | Path] | None = None,
    *,
    keep_going: bool = False,
    progress: Callable[[int, int, str], None] | None = None,
    jobs: int | None = 1,
    cache_dir: str | Path | None = None,
) -> Corpus:
    """The first half of :func:`build`: read and extract every document (both passes), map nothing.

    The parameters are :func:`build`'s. The answer is plain records (it
    pickles), so the extraction can run in another process than the
    mapping (``parkkg build`` of one article extracts in a forked process
    while the main one runs :func:`prepare_mapping`).

    Raises
    ------
    SourceError
        A document cannot be read and ``keep_going`` is false.

    Examples
    --------
    >>> corpus = extract_corpus()                 # the bundled article
    >>> len(corpus.extractions), sorted(corpus.timings)
    (1, ['extract', 'link'])
    """
    return _extract_corpus(paths, keep_going=keep_going, progress=progress, jobs=jobs, cache_dir=cache_dir, lex=load_lexicon())


def prepare_mapping() -> None:
    """Load what mapping needs and extraction does not: the lexicon, the tables that render English and
    pinyin labels (pypinyin's, the word book, the glossary) and the ontology's quads.

    Each is loaded once a process and kept, so calling this first changes no
    output; it lets a process get ready to map while another one extracts.

    Examples
    --------
    >>> prepare_mapping()
    """
    from graph.rdf.labels import name_labels

    name_labels("清远高新区", "Park", lexicon=load_lexicon())
    _ontology_quads()


def build_from_corpus(
    corpus: Corpus,
    *,
    include_ontology: bool = True,
    validate: bool = True,
    jobs: int | None = 1,
    cache_dir: str | Path | None = None,
    started: float | None = None,
) -> BuildResult:
    """The second half of :func:`build`: map an :func:`extract_corpus` answer to RDF and validate it.

    ``started`` (a :func:`time.perf_counter` reading) is when the build
    began, for the result's ``seconds`` (default: now); the other
    parameters are :func:`build`'s.

    Examples
    --------
    >>> r = build_from_corpus(extract_corpus(), validate=False)
    >>> r.stats().entities["Enterprise"] > 0, sorted(r.timings)
    (True, ['extract', 'link', 'map'])
    """
    started = time.perf_counter() if started is None else started
    result = _finish(
        corpus.extractions, corpus.indicators, corpus.failures, started, include_ontology=include_ontology,
        validate=validate, lex=load_lexicon(), workers=worker_count(jobs), timings=dict(corpus.timings),
        quads_cache=QuadsCache(cache_dir) if cache_dir else None,
    )
    result.cache_hits, result.second_pass_hits = corpus.cache_hits, corpus.second_pass_hits
    return result


def _extract_corpus(
    paths: Iterable[str | Path] | None,
    *,
    keep_going: bool,
    progress: Callable[[int, int, str], None] | None,
    jobs: int | None,
    cache_dir: str | Path | None,
    lex: Lexicon,
    spill: Spill | None = None,
    meanwhile: Callable[[], Any] | None = None,
) -> Corpus:
    """With a ``spill``, each extraction is pickled into it as soon as it is made and read back when
    needed (the answer's ``extractions`` read from it too, and its ``counts`` made on the way):
    memory then holds a few extractions at a time, not the corpus's. ``meanwhile`` is this process's
    own work, done while the workers extract (see :func:`graph._parallel.imap_ordered`)."""
    started = time.perf_counter()
    files = [str(f) for f in (expand_paths(paths) if paths else [bundled_article()])]
    cache = ExtractionCache(cache_dir) if cache_dir else None
    results: MutableMapping[str, tuple[Extraction, dict[str, Indicator]]] = {} if spill is None else SpilledDict(spill)
    failures: list[DocumentFailure] = []
    todo: list[str] = []
    held: list[tuple[str, str]] = []  # (file, digest) whose extraction the cache holds
    for f in files:
        if cache is not None:
            try:
                digest = hashlib.sha256(Path(f).read_bytes()).hexdigest()
            except OSError:
                todo.append(f)
                continue
            if cache.holds(digest):
                held.append((f, digest))
                continue
        todo.append(f)
    workers = worker_count(jobs)
    # a few changed documents among many cached ones (an incremental build): extracted by a forked process
    # (jieba's dictionary loaded there) while this process reads the cached extractions; more go to the pool
    aside = run_aside(_extract_files, todo) if workers > 1 and 0 < len(todo) and len(todo) * 50 <= len(held) else None
    if aside is not None:
        todo = []
    try:
        _read_held(held, cache, results, todo)
    except BaseException:
        if aside is not None:
            aside.__exit__(None, None, None)  # stops its process
        raise
    if workers > 1 and len(todo) > 1:  # one document is extracted here, loading jieba then
        from graph.text.segment import load_jieba

        load_jieba()  # once, here: the forked workers of both passes inherit the dictionary instead of each loading it
    done = len(results)
    local: MutableMapping[str, LocalMentions] = {} if spill is None else SpilledDict(spill)
    inline = imap_ordered(_extract_file, todo, workers, meanwhile=meanwhile)
    try:  # both closed on the way out of an error or Ctrl-C too: their processes stop then, not when the traceback is freed
        for path, value, error, digest, found in chain(aside.result() if aside is not None else (), inline):
            if found is not None:
                local[path] = found
            done += 1
            if error is not None:
                if not keep_going:
                    raise SourceError(error)
                failures.append(DocumentFailure(path, error))
            else:
                results[path] = value
                if cache is not None and digest is not None:
                    cache.put(digest, *value)
            if progress:
                progress(done, len(files), path)
    finally:
        inline.close()
        if aside is not None:
            aside.__exit__(None, None, None)
    first_pass_hits = cache.hits if cache is not None else 0
    linking = time.perf_counter()
    _link_across_documents(results, lex, workers=workers, cache=cache, local=local)
    timings = {"extract": linking - started, "link": time.perf_counter() - linking}
    extractions: list[Extraction] = []
    frames: list[int] = []  # with a spill: where each of them is
    indicators: dict[str, Indicator] = {}
    seen: set[str] = set()
    for f in files:
        if f not in results:
            continue
        ex, inds = results[f]
        if ex.document.sha256 in seen:
            continue
        seen.add(ex.document.sha256)
        if isinstance(results, SpilledDict):
            frames.append(results.frame(f))
        else:
            extractions.append(ex)
        indicators.update(inds)
    if not (extractions or frames) and failures:
        raise SourceError("no document could be read: " + "; ".join(f.message for f in failures))
    second_pass_hits = (cache.hits - first_pass_hits) if cache is not None else 0
    if spill is not None:
        spilled = Frames(spill, frames, part=0)
        return Corpus(spilled, indicators, failures, first_pass_hits, second_pass_hits, timings, BuildCounts.of(spilled))
    return Corpus(extractions, indicators, failures, first_pass_hits, second_pass_hits, timings)


def _read_held(
    held: Sequence[tuple[str, str]],
    cache: ExtractionCache | None,
    results: MutableMapping[str, tuple[Extraction, dict[str, Indicator]]],
    todo: list[str],
) -> None:
    """Read the cached extractions of ``held`` (file, digest) into ``results``; an unreadable one goes to ``todo``."""
    for f, digest in held:
        hit = cache.get(digest) if cache is not None else None
        if hit is None:  # unreadable after all: extracted again
            todo.append(f)
        else:
            results[f] = hit


def _extract_files(files: Sequence[str]) -> list[Any]:
    """:func:`_extract_file` over ``files``, in order (run beside the caller by :func:`_extract_corpus`)."""
    return [_extract_file(f) for f in files]


def build_into_store(
    paths: Iterable[str | Path] | None,
    store: str | Path,
    *,
    keep_going: bool = False,
    include_ontology: bool = True,
    progress: Callable[[int, int, str], None] | None = None,
    jobs: int | None = 1,
    cache_dir: str | Path | None = None,
    documents_per_chunk: int = 100,
) -> StoreBuild:
    """Build the graph straight into an on-disk Oxigraph store, for corpora
    whose graph is too large to hold in memory (``parkkg build --store
    oxigraph:PATH --no-turtle --no-viz --no-validate``).

    The store holds exactly what :func:`build` would put in its Dataset, plus
    the ontology's entailments in the named graph ``graph/inferred`` (see
    :mod:`graph.rdf.entail`), so that queries answer with inference; but the RDF is mapped a few documents at a time, by ``jobs`` processes as the
    extraction is, and bulk-loaded piece by piece
    (:func:`graph.rdf.mapping.iter_nquads`), so memory holds a few pieces of the
    graph, never all of it; the extractions wait in an unnamed temporary file
    (:mod:`graph._spill`), read back one at a time. SHACL validation needs the whole
    graph in memory and is not run here; validate a sample with
    :func:`build`. An existing store at ``store`` is replaced once the new
    one is complete.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> d = pathlib.Path(tempfile.mkdtemp()) / "store"
    >>> built = build_into_store(None, d)          # the bundled article
    >>> from graph.sparql.store import open_store
    >>> with open_store(f"oxigraph:{d}") as store:
    ...     inferred = store.query("SELECT (COUNT(*) AS ?n) { GRAPH <https://w3id.org/parkkg/graph/inferred> { ?s ?p ?o } }")
    >>> built.quads - int(inferred.rows[0][0]) == sum(len(g) for g in build().dataset.graphs())
    True
    """
    started = time.perf_counter()
    lex = load_lexicon()
    with Spill() as spill:  # the extractions, pickled: read back one at a time (the workers inherit the file)
        corpus = _extract_corpus(
            paths, keep_going=keep_going, progress=progress, jobs=jobs, cache_dir=cache_dir, lex=lex, spill=spill,
            meanwhile=prepare_mapping,
        )
        return _write_corpus(corpus, store, lex=lex, include_ontology=include_ontology, jobs=jobs, cache_dir=cache_dir,
                             documents_per_chunk=documents_per_chunk, started=started)  # fmt: skip


def _write_corpus(
    corpus: Corpus,
    store: str | Path,
    *,
    lex: Lexicon,
    include_ontology: bool,
    jobs: int | None,
    cache_dir: str | Path | None,
    documents_per_chunk: int,
    started: float,
) -> StoreBuild:
    """:func:`build_into_store` once the corpus is extracted: map it piece by piece into the store."""
    from graph.rdf.mapping import iter_nquads
    from graph.rdf.terms import from_ox
    from graph.sparql.store import open_store, write_oxigraph_pieces

    workers = worker_count(jobs)
    typed: dict[str, set[str]] = {}
    quads_cache = QuadsCache(cache_dir) if cache_dir else None

    def pieces() -> Iterator[bytes | list[tuple[Any, Any, Any, URIRef]]]:
        for nquads, classes in iter_nquads(
            corpus.extractions, corpus.indicators, lex=lex, documents_per_chunk=documents_per_chunk, workers=workers,
            cache=quads_cache,
        ):
            for cls, node in classes:
                typed.setdefault(cls, set()).add(node)
            yield nquads
            del nquads, classes  # not kept while the next piece is made
        if include_ontology:  # the blank nodes labelled as in build()'s store
            yield [(from_ox(q.subject), from_ox(q.predicate), from_ox(q.object), ONTOLOGY_GRAPH) for q in _ontology_quads()]

    path = write_oxigraph_pieces(pieces(), store, replace=True)
    with open_store(f"oxigraph:{path}") as opened:
        quads = len(opened)
    return StoreBuild(
        store=path, counts=corpus.counts or BuildCounts.of(corpus.extractions), indicators=corpus.indicators, failures=corpus.failures,
        quads=quads, entities=_entity_counts({URIRef(o): len(v) for o, v in typed.items()}),
        seconds=time.perf_counter() - started, cache_hits=corpus.cache_hits, second_pass_hits=corpus.second_pass_hits,
        quads_cache_hits=quads_cache.hits if quads_cache is not None else 0,
    )


_LINKED_CLASSES = ("Enterprise", "University", "ResearchInstitute", "GovernmentBody", "Park", "Platform")


def _link_across_documents(
    results: MutableMapping[str, tuple[Extraction, dict[str, Indicator]]],
    lex: Lexicon,
    *,
    workers: int = 1,
    cache: ExtractionCache | None = None,
    local: Mapping[str, LocalMentions] | None = None,
) -> None:
    """Second pass: a document that uses a name another document defined is extracted again
    with that name known (article A: 广东聚石化学股份有限公司（以下简称“聚石化学”）; article
    B: only 聚石化学), so one entity gets one IRI and B's facts about it are found.

    Once the corpus-wide table of names is made, each document's second pass
    is its own: the documents go to ``workers`` processes, forked from this
    one, which inherit the extractions, the table and ``local`` (nothing of
    them is pickled; a worker hands back only an extraction that changed).
    Without a ``cache`` the workers also find which borrowed names each
    document uses. A ``cache`` keeps each second-pass extraction under the
    document's content and the names it was given, so an incremental build
    repeats neither pass for an unchanged document whose borrowed names did
    not change (the names are then found here, to look the cache up).
    Where processes cannot fork, the documents are done in this process."""
    if len(results) < 2:
        return
    known = _known_names(results)
    index = NameIndex(known)
    todo: list[tuple[str, dict[str, tuple[str, str]] | None]] = []
    keys: dict[str, str] = {}
    for path in list(results):
        if cache is None:
            todo.append((path, None))  # its borrowed names are found by the worker
            continue
        missing = _borrowed_names(results[path][0], known, index)
        if not missing:
            continue
        keys[path] = linked_key(results[path][0].document.sha256, missing)
        hit = cache.get(keys[path])
        if hit is not None:
            results[path] = hit
            continue
        todo.append((path, missing))
    # what _link_document reads besides its item: the workers inherit it when they fork
    shared_state = (results, local or {}, known, index)
    with closing(imap_ordered(_link_document, todo, workers, inherit=shared_state)) as linked:
        for path, value in linked:
            if value is not None:  # else the borrowed names changed nothing: the first extraction stands
                results[path] = value
            if path in keys:
                cache.put(keys[path], *(value if value is not None else results[path]))  # type: ignore[union-attr]


def _known_names(results: Mapping[str, tuple[Extraction, dict[str, Indicator]]]) -> dict[str, tuple[str, str]]:
    """The names documents define for an organisation or a place (short name or full name -> (key, class)),
    the first definition winning, in the order of the paths, whatever came from a cache."""
    known: dict[str, tuple[str, str]] = {}
    for path in sorted(results):
        ex = results[path][0]
        classes = {m.key: m.cls for m in ex.mentions}
        for short, full in ex.aliases.items():
            if classes.get(full) in _LINKED_CLASSES:
                known.setdefault(short, (full, classes[full]))
        for m in ex.mentions:
            if m.cls in _LINKED_CLASSES and m.name == m.key and len(m.name) >= 4:
                known.setdefault(m.name, (m.key, m.cls))
    return known


def _borrowed_names(ex: Extraction, known: dict[str, tuple[str, str]], index: NameIndex) -> dict[str, tuple[str, str]]:
    """The ``known`` names ``ex``'s text uses and does not define itself (a name it defines is already in its
    lookup: extracting again would change nothing)."""
    names = {m.name for m in ex.mentions}
    text = ex.document.text.replace("\n", "")
    return {n: known[n] for n in index.names_in(text) if n not in names and n not in ex.aliases}


def _link_document(
    item: tuple[str, dict[str, tuple[str, str]] | None],
) -> tuple[str, tuple[Extraction, dict[str, Indicator]] | None]:
    """One document resolved again with the names other documents taught (runs in a worker): ``(path,
    borrowed names)``, the names found here when None; None when they change nothing."""
    results: Mapping[str, tuple[Extraction, dict[str, Indicator]]]
    local: Mapping[str, LocalMentions]
    results, local, known, index = shared()  # what _link_across_documents shares
    path, missing = item
    ex = results[path][0]
    if missing is None:
        missing = _borrowed_names(ex, known, index)
        if not missing:
            return path, None
    return path, relink(ex, missing, lex=load_lexicon(), local=local.get(path))


class NameIndex:
    """Which of many names occur in a text, without testing each name against each text.

    Each name is filed under its rarest pair of adjacent characters (rarest
    among all the names); a text is only tested for the names filed under
    the pairs it contains. The answer is the names, in their order in
    ``names``, that are substrings of the text: exactly what testing each one
    would give, but a corpus of N documents and N names costs about N, not N².

    Examples
    --------
    >>> index = NameIndex({"聚石化学": 0, "广东聚石": 1, "先导": 2, "星": 3})
    >>> index.names_in("广东聚石化学股份有限公司与先导集团")
    ['聚石化学', '广东聚石', '先导']
    """

    def __init__(self, names: Iterable[str]) -> None:
        self._order = {n: i for i, n in enumerate(names)}
        pairs: Counter[str] = Counter(n[i : i + 2] for n in self._order for i in range(len(n) - 1))
        self._filed: dict[str, list[str]] = {}
        self._short: list[str] = []
        for n in self._order:
            if len(n) < 2:
                self._short.append(n)
                continue
            rarest = min((n[i : i + 2] for i in range(len(n) - 1)), key=lambda b: (pairs[b], b))
            self._filed.setdefault(rarest, []).append(n)

    def names_in(self, text: str) -> list[str]:
        filed = self._filed
        candidates = [n for b in {text[i : i + 2] for i in range(len(text) - 1)} if b in filed for n in filed[b]]
        found = [n for n in candidates + self._short if n in text]
        return sorted(found, key=self._order.__getitem__)


def build_text(texts: Sequence[str] | str, *, include_ontology: bool = False, validate: bool = True) -> BuildResult:
    """Build a graph from strings (each one document).

    Examples
    --------
    >>> r = build_text("广东星河新材料有限公司位于肇庆高新区。")
    >>> r.report.conforms
    True
    """
    started = time.perf_counter()
    lex = load_lexicon()
    if isinstance(texts, str):
        texts = [texts]
    results: dict[str, tuple[Extraction, dict[str, Indicator]]] = {}
    local: dict[str, LocalMentions] = {}
    for i, t in enumerate(texts):
        ex, inds, local[str(i)] = _extract_parts(read_text(t, f"text-{i + 1}"), lex)
        results[str(i)] = (ex, inds)
    _link_across_documents(results, lex, local=local)
    extractions = [results[str(i)][0] for i in range(len(texts))]
    indicators: dict[str, Indicator] = {}
    for i in range(len(texts)):
        indicators.update(results[str(i)][1])
    return _finish(extractions, indicators, [], started, include_ontology=include_ontology, validate=validate, lex=lex)


def graph_source(graph: str | Path | None = None, *, announce: Callable[[str], None] | None = None) -> Path | BuildResult:
    """The graph a command works on: ``graph`` if given, else ``out/parkkg.ttl``, else a build of the bundled article.

    The one place that decides what "the graph" is when the user names none.
    ``announce`` is told (one line) when a fresh build stands in for a file.

    Examples
    --------
    >>> import os, tempfile
    >>> here = os.getcwd(); os.chdir(tempfile.mkdtemp())
    >>> type(graph_source(announce=print)).__name__
    parkkg: no out/parkkg.ttl; using a fresh build of the bundled article
    'BuildResult'
    >>> os.chdir(here)
    """
    if graph is not None:
        return Path(graph)
    if DEFAULT_GRAPH_FILE.is_file():
        return DEFAULT_GRAPH_FILE
    if announce is not None:
        announce(f"parkkg: no {DEFAULT_GRAPH_FILE}; using a fresh build of the bundled article")
    return build(validate=False)


def require_conformance(result: BuildResult) -> None:
    """Raise :class:`ValidationError` if the build's graph does not conform."""
    if result.report is not None and not result.report.conforms:
        raise ValidationError(
            f"the built graph violates {len(result.report.violations)} SHACL constraint(s):\n"
            + result.report.summary(),
            result.report.text,
        )


__all__ += ["require_conformance", "ParkKGError"]
