"""Graph files: one format registry, one reader, one atomic writer.

Every format parkkg reads or writes is one member of :class:`RdfFormat`,
which knows its names on the command line (and the older spellings kept as
aliases), its file suffixes, its media type and its names in rdflib and
pyoxigraph. :func:`load_dataset` reads any graph file back into parkkg's
named graphs; :func:`write_atomic` writes any file so that a crash never
leaves half of it; :func:`union_graph` and :func:`select_graphs` are the
one home of "all graphs as one" and "some of the graphs".

Examples
--------
>>> RdfFormat.parse("json-ld") is RdfFormat.parse("jsonld") is RdfFormat.JSONLD
True
>>> RdfFormat.from_suffix(".nq").ox_name, RdfFormat.TURTLE.media_type
('N_QUADS', 'text/turtle')
"""

from __future__ import annotations

import enum
import json
import os
import re
import shutil
import signal
import tempfile
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from functools import lru_cache
from itertools import chain
from pathlib import Path
from typing import Any, TypeVar

from rdflib import RDF, RDFS, SKOS, BNode, Dataset, Graph, URIRef
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID
from rdflib.namespace import PROV

from graph._resources import ontology_dir
from graph.errors import StoreError
from graph.vocab import DATA_GRAPH, ONTOLOGY_GRAPH, ONTOLOGY_IRI, PK, PKC, PKD, PREFIXES, provenance_graph_iri

__all__ = [
    "RdfFormat",
    "write_atomic",
    "staged_outputs",
    "union_graph",
    "store_union_graph",
    "select_graphs",
    "canonical_dataset",
    "split_union",
    "load_dataset",
    "load_context",
    "is_provenance_graph",
    "bind_prefixes",
    "sorted_union",
    "term_key",
    "canonical_ox_quads",
    "serialize_ox",
    "write_ox",
    "readable_prefixes",
    "DEFAULT_GRAPH_FILE",
    "GRAPH_FILE_NAME",
    "negotiate",
]

#: Where ``parkkg build`` writes the graph, and where every other command looks for it.
GRAPH_FILE_NAME = "parkkg.ttl"
DEFAULT_GRAPH_FILE = Path("out") / GRAPH_FILE_NAME


_Offer = TypeVar("_Offer")


def _accept_ranges(header: str | None) -> list[tuple[str, float]]:
    """The media ranges of an ``Accept`` header with their q values (``*/*`` when it names none)."""
    ranges = []
    for part in (header or "").split(","):
        pieces = [p.strip() for p in part.split(";")]
        media = pieces[0].lower()
        if not media:
            continue
        q = 1.0
        for p in pieces[1:]:
            if p.lower().startswith("q="):
                try:
                    q = max(0.0, min(1.0, float(p[2:])))
                except ValueError:
                    q = 0.0
        ranges.append((media, q))
    return ranges or [("*/*", 1.0)]


def _quality(media: str, ranges: list[tuple[str, float]]) -> float:
    """The q value the most specific range matching ``media`` gives it (0 when none matches)."""
    best, best_specificity = 0.0, -1
    major = media.split("/")[0]
    for r, q in ranges:
        specificity = 2 if r == media else 1 if r == f"{major}/*" else 0 if r == "*/*" else -1
        if specificity > best_specificity:
            best, best_specificity = q, specificity
    return best


def negotiate(accept: str | None, offers: Sequence[tuple[str, _Offer]]) -> tuple[str, _Offer] | None:
    """The ``(media type, value)`` offer an HTTP ``Accept`` header likes best, or None.

    Each offer's quality is the q of the most specific range matching it;
    ties go to the order of ``offers`` (the server's preference). No header
    accepts anything.

    Examples
    --------
    >>> offers = [("text/html", "page"), ("text/turtle", "ttl")]
    >>> negotiate("text/turtle;q=0.5, text/html", offers)
    ('text/html', 'page')
    >>> negotiate("text/*;q=0.9, text/html;q=0", offers), negotiate(None, offers)
    (('text/turtle', 'ttl'), ('text/html', 'page'))
    >>> negotiate("image/png", offers) is None
    True
    """
    ranges = _accept_ranges(accept)
    best: tuple[str, _Offer] | None = None
    best_q = 0.0
    for media, value in offers:
        q = _quality(media, ranges)
        if q > best_q:
            best, best_q = (media, value), q
    return best


class RdfFormat(enum.Enum):
    """The RDF serialisations parkkg reads and writes.

    The value is the name the command line takes; :meth:`parse` also
    accepts the older spellings (``nt``, ``json-ld``, ``rdf-xml``, ``xml``).
    """

    TURTLE = "turtle"
    NTRIPLES = "ntriples"
    NQUADS = "nquads"
    TRIG = "trig"
    JSONLD = "jsonld"
    RDFXML = "rdfxml"

    @property
    def rdflib_name(self) -> str:
        """The format name rdflib's parse and serialize take."""
        return _TABLE[self][0]

    @property
    def ox_name(self) -> str | None:
        """The member of ``pyoxigraph.RdfFormat`` (None: pyoxigraph cannot read it the way parkkg needs)."""
        return _TABLE[self][1]

    @property
    def media_type(self) -> str:
        return _TABLE[self][2]

    @property
    def suffixes(self) -> tuple[str, ...]:
        """File suffixes, the usual one first."""
        return _TABLE[self][3]

    @property
    def suffix(self) -> str:
        return self.suffixes[0]

    @property
    def is_quads(self) -> bool:
        return self in (RdfFormat.NQUADS, RdfFormat.TRIG)

    @classmethod
    def parse(cls, name: str) -> RdfFormat:
        """The format called ``name`` on the command line (aliases included)."""
        key = name.strip().lower()
        for fmt in cls:
            if key == fmt.value or key in _ALIASES.get(fmt, ()):
                return fmt
        names = ", ".join(f.value for f in cls)
        raise ValueError(f"unknown RDF format {name!r}; choose one of {names}")

    @classmethod
    def from_suffix(cls, suffix: str) -> RdfFormat:
        """The format of a file ending in ``suffix`` (``.ttl``, ``.nq``, ...)."""
        key = suffix.lower()
        for fmt in cls:
            if key in fmt.suffixes:
                return fmt
        known = ", ".join(s for f in cls for s in f.suffixes)
        raise ValueError(f"cannot tell the RDF format from the suffix {suffix!r}; use one of {known}")


#: format -> (rdflib name, pyoxigraph name, media type, suffixes)
_TABLE: dict[RdfFormat, tuple[str, str | None, str, tuple[str, ...]]] = {
    RdfFormat.TURTLE: ("turtle", "TURTLE", "text/turtle", (".ttl", ".turtle")),
    RdfFormat.NTRIPLES: ("nt", "N_TRIPLES", "application/n-triples", (".nt", ".ntriples")),
    RdfFormat.NQUADS: ("nquads", "N_QUADS", "application/n-quads", (".nq", ".nquads")),
    RdfFormat.TRIG: ("trig", "TRIG", "application/trig", (".trig",)),
    RdfFormat.JSONLD: ("json-ld", None, "application/ld+json", (".jsonld", ".json")),
    RdfFormat.RDFXML: ("xml", "RDF_XML", "application/rdf+xml", (".rdf", ".owl", ".xml")),
}
#: Older spellings, accepted for one release.
_ALIASES = {
    RdfFormat.NTRIPLES: ("nt", "n-triples"),
    RdfFormat.NQUADS: ("nq", "n-quads"),
    RdfFormat.JSONLD: ("json-ld",),
    RdfFormat.RDFXML: ("rdf-xml", "xml", "rdf"),
    RdfFormat.TURTLE: ("ttl",),
}


# --------------------------------------------------------------------------- files


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def write_atomic(path: str | Path, write: Callable[[Path], None]) -> Path:
    """Call ``write(tmp)`` on a temporary path, then rename it to ``path``.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> d = pathlib.Path(tempfile.mkdtemp())
    >>> write_atomic(d / "a.txt", lambda p: p.write_text("ok")).read_text()
    'ok'
    """
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    os.close(fd)
    tmp_path = Path(tmp)
    try:
        write(tmp_path)
        os.chmod(tmp_path, 0o666 & ~_umask())  # mkstemp makes 0600; give the usual mode
        os.replace(tmp_path, target)
    except BaseException:
        tmp_path.unlink(missing_ok=True)
        raise
    return target


@contextmanager
def staged_outputs(outdir: str | Path) -> Iterator[Path]:
    """A staging folder for a set of outputs that must change together.

    Write every output into the folder this yields; when the block ends
    without an error, the files are moved into ``outdir`` with Ctrl-C
    (SIGINT) and SIGTERM held back until the last one is in place, so an
    interrupted build leaves either the old set or the new set, never the
    new graph beside the old views. On an error, ``outdir`` is untouched.
    Staging folders left by a build that was killed outright are removed
    the next time.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> out = pathlib.Path(tempfile.mkdtemp())
    >>> with staged_outputs(out) as stage:
    ...     _ = (stage / "a.ttl").write_text("new")
    ...     (out / "a.ttl").exists()        # nothing visible until the set is complete
    False
    >>> (out / "a.ttl").read_text(), [p.name for p in out.iterdir()]
    ('new', ['a.ttl'])
    """
    out = Path(outdir)
    out.mkdir(parents=True, exist_ok=True)
    _remove_abandoned_stages(out)
    stage = Path(tempfile.mkdtemp(prefix=f"{_STAGE_PREFIX}{os.getpid()}-", dir=out))
    try:
        yield stage
        blocked = {signal.SIGINT, signal.SIGTERM}
        previous = signal.pthread_sigmask(signal.SIG_BLOCK, blocked)
        try:
            for item in sorted(stage.iterdir()):
                os.replace(item, out / item.name)
        finally:
            signal.pthread_sigmask(signal.SIG_SETMASK, previous)
    finally:
        shutil.rmtree(stage, ignore_errors=True)


_STAGE_PREFIX = ".staging-"


def _remove_abandoned_stages(out: Path) -> None:
    for old in out.glob(f"{_STAGE_PREFIX}*"):
        pid = old.name[len(_STAGE_PREFIX) :].split("-", 1)[0]
        if pid.isdigit() and not _alive(int(pid)):
            shutil.rmtree(old, ignore_errors=True)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


# --------------------------------------------------------------------------- graphs


_EXTRA_PREFIXES = {
    "void": "http://rdfs.org/ns/void#",
    "dcat": "http://www.w3.org/ns/dcat#",
    "sd": "http://www.w3.org/ns/sparql-service-description#",
}


def bind_prefixes(g: Graph) -> None:
    """Bind parkkg's prefixes (and VoID, DCAT, SD) on ``g``."""
    for prefix, ns in {**PREFIXES, **_EXTRA_PREFIXES}.items():
        g.bind(prefix, ns, override=True, replace=True)


def is_provenance_graph(identifier: object) -> bool:
    """True for a document's provenance graph ``pkd:<doc>/provenance``.

    Examples
    --------
    >>> from graph.vocab import provenance_graph_iri, DATA_GRAPH
    >>> is_provenance_graph(provenance_graph_iri("0a1b")), is_provenance_graph(DATA_GRAPH)
    (True, False)
    """
    text = str(identifier)
    return text.startswith(str(PKD)) and text.endswith("/provenance")


def union_graph(ds: Dataset | Graph) -> Graph:
    """All triples of a Dataset as one Graph, with parkkg's prefixes bound."""
    g = Graph()
    bind_prefixes(g)
    if isinstance(ds, Dataset):
        for s, p, o, _ in ds.quads((None, None, None, None)):
            g.add((s, p, o))
    else:
        for t in ds:
            g.add(t)
    return g


def store_union_graph(store: Any) -> Graph:
    """All triples of a ``pyoxigraph.Store``'s graphs as one Graph with parkkg's prefixes bound:
    :func:`union_graph` of the store's Dataset, made without the Dataset."""
    from graph.rdf.terms import term_reader

    g = Graph()
    bind_prefixes(g)
    read = term_reader()
    g.addN((read(q.subject), read(q.predicate), read(q.object), g) for q in store)
    return g


def _graphs(ds: Dataset | Graph) -> list[tuple[URIRef, Graph]]:
    """(identifier, graph) of every non-empty graph, sorted by identifier."""
    if not isinstance(ds, Dataset):
        return [(DATASET_DEFAULT_GRAPH_ID, ds)] if len(ds) else []
    out = [(g.identifier, g) for g in ds.graphs() if len(g)]
    return sorted(out, key=lambda kv: (kv[0] != DATASET_DEFAULT_GRAPH_ID, str(kv[0])))


def _keep(identifier: object, *, provenance: bool, ontology: bool) -> bool:
    if not provenance and is_provenance_graph(identifier):
        return False
    if not ontology and identifier == ONTOLOGY_GRAPH:
        return False
    return True


def select_graphs(ds: Dataset | Graph, *, provenance: bool = True, ontology: bool = True) -> Dataset:
    """A new Dataset with the chosen graphs of ``ds`` (same triples, same graph names).

    Parameters
    ----------
    provenance : bool
        Keep the per-document provenance graphs (``pkd:<doc>/provenance``).
    ontology : bool
        Keep the ontology graph.

    Examples
    --------
    >>> from graph import api
    >>> ds = api.build_text("广东星河新材料有限公司位于肇庆高新区。", validate=False).dataset
    >>> len(select_graphs(ds, provenance=False)) < len(ds)
    True
    """
    out = Dataset()
    bind_prefixes(out)
    for gid, g in _graphs(ds):
        if _keep(gid, provenance=provenance, ontology=ontology):
            target = out.graph(gid) if gid != DATASET_DEFAULT_GRAPH_ID else out.default_context
            for t in g:
                target.add(t)
    return out


def term_key(t: Sequence[Any]) -> tuple[str, ...]:
    """Sort key of a triple or quad: its terms in N-Triples syntax."""
    return tuple(x.n3() for x in t)


def _canonical_triples(g: Graph) -> list[tuple[Any, Any, Any]]:
    from rdflib.compare import to_canonical_graph

    triples = list(g)
    if any(isinstance(x, BNode) for t in triples for x in t):
        triples = list(to_canonical_graph(g))
    return sorted(triples, key=term_key)


def canonical_dataset(ds: Dataset | Graph, *, provenance: bool = True, ontology: bool = True) -> Dataset:
    """The chosen graphs with content-derived blank node labels, filled in sorted order.

    Serialising the result gives the same bytes however ``ds`` was made.
    A blank node shared by two named graphs is relabelled per graph
    (parkkg's own graphs share none).
    """
    out = Dataset()
    bind_prefixes(out)
    for gid, g in _graphs(ds):
        if not _keep(gid, provenance=provenance, ontology=ontology):
            continue
        target = out.default_context if gid == DATASET_DEFAULT_GRAPH_ID else out.graph(gid)
        for t in _canonical_triples(g):
            target.add(t)
    return out


def sorted_union(ds: Dataset) -> Graph:
    """The distinct triples of ``ds`` as one Graph, added in sorted order."""
    g = Graph()
    bind_prefixes(g)
    for t in sorted({(s, p, o) for s, p, o, _ in ds.quads((None, None, None, None))}, key=term_key):
        g.add(t)
    return g


# --------------------------------------------------------------------------- writing with Oxigraph


def readable_prefixes() -> dict[str, str]:
    """parkkg's prefixes (and VoID, DCAT, SD), sorted by name: the ``@prefix`` lines of every file written.

    Examples
    --------
    >>> list(readable_prefixes())[:3]
    ['dcat', 'dcterms', 'foaf']
    """
    return dict(sorted({**PREFIXES, **_EXTRA_PREFIXES}.items()))


def canonical_ox_quads(ds: Dataset | Graph, *, provenance: bool = True, ontology: bool = True) -> list[Any]:
    """The chosen graphs of an rdflib graph as pyoxigraph quads, blank nodes
    given content-derived labels (as :func:`canonical_dataset` does), so that
    :func:`serialize_ox` writes the same bytes however ``ds`` was made."""
    from graph.rdf.terms import quads_to_ox

    out: list[Any] = []
    for gid, g in _graphs(ds):
        if not _keep(gid, provenance=provenance, ontology=ontology):
            continue
        triples: Iterator[Any] | list[Any] = iter(g)
        if any(isinstance(x, BNode) for t in g for x in t):
            from rdflib.compare import to_canonical_graph

            triples = list(to_canonical_graph(g))
        target = None if gid == DATASET_DEFAULT_GRAPH_ID else gid
        out.extend(quads_to_ox((s, p, o, target) for s, p, o in triples))
    return out


def _sorted_unique_lines(data: bytes) -> bytes:
    # split on "\n" only: N-Triples literals may hold U+2028, U+0085 and the like unescaped
    lines = sorted(set(data.split(b"\n")) - {b""})
    return b"\n".join(lines) + b"\n" if lines else b""


def _sorted_line_chunks(quads: Any, *, as_quads: bool, by_graph: bool) -> Iterator[bytes]:
    """The sorted unique N-Triples (``as_quads=False``: the union of the graphs) or N-Quads lines of ``quads``, in pieces.

    ``by_graph`` puts the graphs one after the other (sorted by name, the
    default graph last), each with its lines sorted. From a ``pyoxigraph.Store``
    the lines are made a few thousand subjects at a time, subjects in the
    order their lines sort in, so the whole serialisation never sits in
    memory as separate lines; from any other iterable of quads, at once.
    """
    import pyoxigraph as ox

    syntax = ox.RdfFormat.N_QUADS if as_quads else ox.RdfFormat.N_TRIPLES

    def lines(some: Iterable[Any]) -> bytes:
        return _sorted_unique_lines(ox.serialize(some if as_quads else (q.triple for q in some), format=syntax))

    if not isinstance(quads, ox.Store):
        everything = list(quads)
        if not by_graph:
            yield lines(everything)
            return
        for g in _graph_order({q.graph_name for q in everything}):
            yield lines(q for q in everything if q.graph_name == g)
        return
    subjects: dict[Any, set[Any]] = {}
    for q in quads:
        subjects.setdefault(q.graph_name if by_graph else None, set()).add(q.subject)
    for g in _graph_order(subjects) if by_graph else [None]:
        # a line starts with its subject and a space: sorting subjects so sorts their lines (no IRI holds a space)
        ordered = sorted(subjects.pop(g, ()), key=lambda s: str(s) + " ")
        for i in range(0, len(ordered), _SUBJECTS_PER_PIECE):
            yield lines(q for s in ordered[i : i + _SUBJECTS_PER_PIECE] for q in quads.quads_for_pattern(s, None, None, g))


_SUBJECTS_PER_PIECE = 4096


def _graph_order(names: Iterable[Any]) -> list[Any]:
    """Graph names sorted, the default graph last (the order TriG lists them in)."""
    import pyoxigraph as ox

    default = ox.DefaultGraph()
    return sorted(names, key=lambda g: (g == default, getattr(g, "value", "")))


def serialize_ox(quads: Any, fmt: RdfFormat) -> bytes:
    """Serialise pyoxigraph quads (a ``Store`` or any iterable of ``Quad``) deterministically, with Oxigraph's writers.

    Lines of N-Triples and N-Quads are sorted and unique; Turtle and TriG
    are written from the same sorted lines, so subjects come sorted and
    grouped, with the prefixes of :func:`readable_prefixes`; TriG lists the
    graphs sorted by name (the default graph last). Triple formats get the
    union of all graphs, each distinct triple once. Blank-node labels are
    written as given: give canonical ones (:func:`canonical_ox_quads`) for
    byte-identical files. RDF/XML must hold no character XML 1.0 forbids
    (:func:`graph.rdf.export.check_xml_chars`). JSON-LD is not written here
    (see :mod:`graph.rdf.export`).

    Examples
    --------
    >>> import pyoxigraph as ox
    >>> s, p = ox.NamedNode("https://w3id.org/parkkg/id/b"), ox.NamedNode("https://w3id.org/parkkg/ontology#value")
    >>> q = [ox.Quad(s, p, ox.Literal("19", datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#decimal")))] * 2
    >>> serialize_ox(q, RdfFormat.TURTLE).decode().splitlines()[-1]
    'pkr:b pk:value "19"^^xsd:decimal .'
    """
    import pyoxigraph as ox

    if fmt is RdfFormat.JSONLD or fmt.ox_name is None:
        raise ValueError(f"{fmt.value} is not written with Oxigraph")
    if fmt.is_quads:
        chunks = _sorted_line_chunks(quads, as_quads=True, by_graph=fmt is RdfFormat.TRIG)
        if fmt is RdfFormat.NQUADS:
            return b"".join(chunks)
        parsed = chain.from_iterable(ox.parse(c, format=ox.RdfFormat.N_QUADS) for c in chunks)
        return _sorted_header(ox.serialize(parsed, format=ox.RdfFormat.TRIG, prefixes=readable_prefixes()))
    chunks = _sorted_line_chunks(quads, as_quads=False, by_graph=False)
    if fmt is RdfFormat.NTRIPLES:
        return b"".join(chunks)
    triples = chain.from_iterable(ox.parse(c, format=ox.RdfFormat.N_TRIPLES) for c in chunks)
    data = ox.serialize(triples, format=getattr(ox.RdfFormat, fmt.ox_name), prefixes=readable_prefixes())
    if fmt is RdfFormat.RDFXML:
        # a raw carriage return reaches an XML reader as a line feed (XML 1.0 end-of-line handling); the writer only
        # puts one inside a literal, where the character reference keeps it
        return data.replace(b"\r", b"&#13;")
    return _sorted_header(data)


def write_ox(quads: Any, fmt: RdfFormat, path: str | Path, *, counted: list[int] | None = None) -> Path:
    """Write into ``path`` the bytes :func:`serialize_ox` answers, Turtle without ever holding
    them in memory: Oxigraph's writer streams into the file from the sorted lines, then the
    ``@prefix`` lines are sorted in place (the same lines, so the same length).

    Given a list ``counted``, a Turtle file's distinct triples (the union of the graphs,
    each triple once: one sorted line each before they are written) are counted on the
    way and their number appended to it, so a caller needs no query to count them.

    Examples
    --------
    >>> import pyoxigraph as ox, tempfile, pathlib
    >>> s, p = ox.NamedNode("https://w3id.org/parkkg/id/b"), ox.NamedNode("https://w3id.org/parkkg/ontology#value")
    >>> q = [ox.Quad(s, p, ox.Literal("19"))]
    >>> f = write_ox(q, RdfFormat.TURTLE, pathlib.Path(tempfile.mkdtemp()) / "g.ttl")
    >>> f.read_bytes() == serialize_ox(q, RdfFormat.TURTLE)
    True
    """
    import pyoxigraph as ox

    path = Path(path)
    if fmt is not RdfFormat.TURTLE:
        path.write_bytes(serialize_ox(quads, fmt))
        return path
    chunks = _sorted_line_chunks(quads, as_quads=False, by_graph=False)
    lines = [0]
    if counted is not None:
        chunks = _tallied(chunks, lines)
    triples = chain.from_iterable(ox.parse(c, format=ox.RdfFormat.N_TRIPLES) for c in chunks)
    with open(path, "w+b") as out:
        ox.serialize(triples, out, format=ox.RdfFormat.TURTLE, prefixes=readable_prefixes())
        out.flush()
        out.seek(0)
        heads: list[bytes] = []
        line = out.readline()
        while line.startswith(b"@prefix "):
            heads.append(line)
            line = out.readline()
        if heads:  # the same lines sorted, so the same length: written over them
            out.seek(0)
            out.write(_sorted_header(b"".join(heads)))
    if counted is not None:
        counted.append(lines[0])
    return path


def _tallied(chunks: Iterable[bytes], lines: list[int]) -> Iterator[bytes]:
    """``chunks`` of lines (each ending with a line feed) as they are, their lines added up into ``lines[0]``."""
    for chunk in chunks:
        lines[0] += chunk.count(b"\n")
        yield chunk


def _sorted_header(data: bytes) -> bytes:
    """The ``@prefix`` lines Oxigraph writes first, sorted (it lists them in its own map's order)."""
    if not data.startswith(b"@prefix "):
        return data
    lines = data.split(b"\n")
    n = next((i for i, line in enumerate(lines) if not line.startswith(b"@prefix ")), len(lines))
    return b"\n".join(sorted(lines[:n]) + lines[n:])


# --------------------------------------------------------------------------- reading


@lru_cache(maxsize=1)
def _ontology_triples() -> frozenset[tuple[Any, Any, Any]]:
    g = Graph()
    g.parse(ontology_dir() / "parkkg.ttl", format="turtle")
    return frozenset(_onto_key(t) for t in g if not isinstance(t[0], BNode))


def _onto_key(t: tuple[Any, Any, Any]) -> tuple[Any, Any, Any]:
    return (t[0], t[1], None if isinstance(t[2], BNode) else t[2])


def _doc_of(term: object) -> str | None:
    text = str(term)
    if isinstance(term, URIRef) and text.startswith(str(PKD)):
        rest = text[len(str(PKD)) :]
        return rest.split("/", 1)[0] or None
    return None


def split_union(graph: Graph) -> Dataset:
    """Put each triple of a union graph (``parkkg.ttl``) back into its named graph.

    The rules follow ``docs/design.md``:

    * if the union holds the ontology (``<https://w3id.org/parkkg/ontology>
      a owl:Ontology``), a triple of the bundled ontology goes to the
      ontology graph (a concept scheme's type and labels also to the data
      graph, which repeats them);
    * a triple about a document or sentence ``pkd:<doc>…``, a
      ``pk:mentionedIn`` link to a sentence of ``<doc>``, and every triple of
      an ``rdf:Statement`` derived from a sentence of ``<doc>`` go to
      ``pkd:<doc>/provenance``;
    * a triple about a blank node goes where the triple that uses the blank
      node went (the ontology graph for one nothing uses, when the union
      holds the ontology); everything else goes to the data graph.

    Examples
    --------
    >>> from graph import api
    >>> ds = api.build_text("广东星河新材料有限公司位于肇庆高新区。", validate=False).dataset
    >>> back = split_union(union_graph(ds))
    >>> sorted(len(g) for g in back.graphs() if len(g)) == sorted(len(g) for g in ds.graphs() if len(g))
    True
    """

    ds = Dataset()
    bind_prefixes(ds)
    onto = _ontology_triples()
    has_ontology = (ONTOLOGY_IRI, RDF.type, URIRef("http://www.w3.org/2002/07/owl#Ontology")) in graph
    statement_doc: dict[Any, str] = {}
    for st in graph.subjects(RDF.type, RDF.Statement):
        for src in graph.objects(st, PROV.wasDerivedFrom):
            doc = _doc_of(src)
            if doc:
                statement_doc[st] = doc
                break
    placed: dict[Any, set[URIRef]] = {}

    def put(t: tuple[Any, Any, Any], gid: URIRef) -> None:
        ds.graph(gid).add(t)
        if isinstance(t[2], BNode):
            placed.setdefault(t[2], set()).add(gid)

    pending: list[tuple[Any, Any, Any]] = []
    for t in graph:
        s, p, o = t
        if isinstance(s, BNode):
            pending.append(t)
            continue
        if has_ontology and _onto_key(t) in onto:
            put(t, ONTOLOGY_GRAPH)
            if str(s).startswith(str(PKC)) and (p == RDFS.label or (p, o) == (RDF.type, SKOS.ConceptScheme)):
                put(t, DATA_GRAPH)
            continue
        doc = _doc_of(s) or statement_doc.get(s)
        if doc is None and p == PK.mentionedIn:
            doc = _doc_of(o)
        put(t, provenance_graph_iri(doc) if doc else DATA_GRAPH)
    # blank nodes follow the triples that use them, level by level
    while pending:
        rest = []
        for t in pending:
            gids = placed.get(t[0])
            if gids:
                for gid in gids:
                    put(t, gid)
            else:
                rest.append(t)
        if len(rest) == len(pending):  # blank nodes nothing places: roots
            root = rest[0][0]
            placed[root] = {ONTOLOGY_GRAPH if has_ontology else DATA_GRAPH}
        pending = rest
    return ds


def _syntax_position(path: Path, fmt: str) -> tuple[int, int, str] | None:
    """(line, column, message) of the first syntax error, found with pyoxigraph."""
    name = RdfFormat.parse(fmt).ox_name
    if name is None:
        return None
    import pyoxigraph

    try:
        with path.open("rb") as fh:
            for _ in pyoxigraph.parse(fh, format=getattr(pyoxigraph.RdfFormat, name), base_iri="file:///"):
                pass
    except SyntaxError as exc:
        message = re.sub(r"^Parser error at line \d+ column \d+:\s*", "", str(exc.msg or exc))
        return int(exc.lineno or 0), int(exc.offset or 0), message
    return None


def load_dataset(path: str | Path) -> Dataset:
    """Read an exported graph file back as a Dataset with parkkg's named graphs.

    Quad formats (``.trig``, ``.nq``) keep their graphs; triple formats
    (``.ttl``, ``.nt``, ``.jsonld``, ``.rdf``) are split by :func:`split_union`.

    Raises
    ------
    StoreError
        The file is missing, has an unknown suffix, or is malformed; the
        message gives the line and column of the first syntax error.
    """
    p = Path(path)
    try:
        fmt = RdfFormat.from_suffix(p.suffix).rdflib_name
    except ValueError as exc:
        raise StoreError(f"{p}: {exc}") from None
    if not p.is_file():
        raise StoreError(f"{p}: no such graph file; run `parkkg build` first or give another --graph")
    try:
        if fmt in ("trig", "nquads"):
            ds = Dataset()
            bind_prefixes(ds)
            ds.parse(p, format=fmt)
            return ds
        g = Graph()
        g.parse(p, format=fmt, **({"context": load_context()} if fmt == "json-ld" else {}))
    except Exception as exc:
        where = _syntax_position(p, fmt)
        if where:
            line, col, msg = where
            raise StoreError(f"{p}:{line}:{col}: malformed {fmt} at line {line}, column {col}: {msg}") from exc
        raise StoreError(f"{p}: cannot parse as {fmt}: {exc}") from exc
    return split_union(g)


# --------------------------------------------------------------------------- JSON-LD context


@lru_cache(maxsize=1)
def _context_text() -> str:
    return (ontology_dir() / "context.jsonld").read_text(encoding="utf-8")


def load_context() -> dict[str, Any]:
    """The published JSON-LD context (``ontology/context.jsonld``), read from disk.

    Examples
    --------
    >>> load_context()["@context"]["locatedIn"]["@id"]
    'pk:locatedIn'
    """
    return json.loads(_context_text())
