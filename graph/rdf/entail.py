"""Entailment: the triples parkkg's ontology lets a query take for granted.

The ontology (``ontology/parkkg.ttl``) says, for example, that every
``pk:Enterprise`` is an ``org:Organization``, that ``pk:cooperatesWith`` is
symmetric and that ``pk:subsidiaryOf`` has an inverse. A query for
``?x a pk:Organization`` should find the enterprises without spelling out
the class tree. parkkg materialises these consequences **once**, when a
graph is loaded into a store (or written as an on-disk store), into the
named graph :data:`INFERRED_GRAPH`, so that the command line, the endpoint
and the notebooks answer the same rows, and no query pays for reasoning.

The rules are the OWL 2 RL rules the ontology uses, compiled from it:

========== ==============================================================
cax-sco    ``?x a C``, ``C rdfs:subClassOf+ D``           → ``?x a D``
cax-eqc    ``owl:equivalentClass`` as subclass both ways
prp-spo1   ``?x p ?y``, ``p rdfs:subPropertyOf+ q``        → ``?x q ?y``
prp-eqp    ``owl:equivalentProperty`` as subproperty both ways
prp-dom    ``?x p ?y``, ``p rdfs:domain C``               → ``?x a C``
prp-rng    ``?x p ?y`` (``?y`` not a literal), ``p rdfs:range C`` → ``?y a C``
prp-symp   ``p a owl:SymmetricProperty``                  → ``?y p ?x``
prp-inv    ``p owl:inverseOf q``                          → ``?y q ?x`` (both ways)
prp-trp    ``p a owl:TransitiveProperty``                 → transitive closure
========== ==============================================================

They run to a fixpoint over the store's own quads (a worklist in Python
over pyoxigraph terms: no rdflib graph is built), which takes well under a
second for the bundled article where the general OWL-RL closure of
``owlrl`` takes several; ``tests/test_entail.py`` checks that both give the
same triples on the bundled article. Blank-node class expressions
(restrictions, unions) are not reasoned with; the ontology uses them only
in documentation.

>>> import pyoxigraph as ox
>>> from graph.vocab import PK
>>> store = ox.Store()
>>> e = ox.NamedNode("https://w3id.org/parkkg/id/e")
>>> store.add(ox.Quad(e, ox.NamedNode(str(RDF.type)), ox.NamedNode(str(PK.Enterprise))))
>>> added = materialise(store)
>>> store.contains_named_graph(ox.NamedNode(str(INFERRED_GRAPH)))
True
>>> ox.Quad(e, ox.NamedNode(str(RDF.type)), ox.NamedNode(str(PK.Organization)), ox.NamedNode(str(INFERRED_GRAPH))) in store
True
"""

from __future__ import annotations

import itertools
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from rdflib import Dataset, Graph, URIRef
from rdflib.namespace import OWL, RDF, RDFS, XSD

from graph.vocab import BASE

__all__ = [
    "INFERRED_GRAPH", "NOISE_TYPES", "Rules", "Terms", "compile_rules", "parkkg_rules", "expansion", "entailed", "materialise",
    "entail_triples",
]

#: Named graph that holds the triples entailment adds (never mixed with the data).
INFERRED_GRAPH = URIRef(BASE + "graph/inferred")

#: Types that say nothing a query needs (kept out, as OWL-RL tools usually do).
NOISE_TYPES = frozenset({OWL.Thing, RDFS.Resource, RDFS.Literal, RDFS.Class, OWL.Class, RDF.Property, RDFS.Datatype, OWL.DataRange})


@dataclass(frozen=True)
class Rules:
    """The ontology compiled into lookup tables (IRIs as strings)."""

    superclasses: dict[str, frozenset[str]] = field(default_factory=dict)
    superproperties: dict[str, frozenset[str]] = field(default_factory=dict)
    domains: dict[str, frozenset[str]] = field(default_factory=dict)
    ranges: dict[str, frozenset[str]] = field(default_factory=dict)
    inverses: dict[str, frozenset[str]] = field(default_factory=dict)
    symmetric: frozenset[str] = frozenset()
    transitive: frozenset[str] = frozenset()
    tbox: tuple[tuple[str, str, str], ...] = ()

    def rdfs_only(self) -> Rules:
        """The RDFS part: class and property hierarchies, domains and ranges
        (no symmetric, inverse or transitive properties)."""
        return Rules(self.superclasses, self.superproperties, self.domains, self.ranges, tbox=self.tbox)

    @property
    def properties(self) -> frozenset[str]:
        """Every property some rule fires on."""
        return frozenset(
            {*self.superproperties, *self.domains, *self.ranges, *self.inverses, *self.symmetric, *self.transitive}
        )


def _reach(edges: dict[Any, set[Any]], start: Any) -> set[Any]:
    """Every node a path of one or more ``edges`` leads to from ``start`` (``start`` too, on a cycle back to it)."""
    seen: set[Any] = set()
    todo = list(edges.get(start, ()))
    while todo:
        n = todo.pop()
        if n not in seen:
            seen.add(n)
            todo.extend(edges.get(n, ()))
    return seen


def _closure(edges: dict[str, set[str]]) -> dict[str, frozenset[str]]:
    """Strict transitive closure of a relation given as adjacency sets (cycles allowed)."""
    return {start: frozenset(_reach(edges, start) - {start}) for start in edges}


def compile_rules(ontology: Graph) -> Rules:
    """Compile the rules of the module docstring from an ontology graph.

    Examples
    --------
    >>> from graph.rdf.validate import load_ontology
    >>> from graph.vocab import PK
    >>> rules = compile_rules(load_ontology())
    >>> str(PK.Organization) in rules.superclasses[str(PK.Enterprise)]
    True
    """
    sub_c: dict[str, set[str]] = defaultdict(set)
    sub_p: dict[str, set[str]] = defaultdict(set)
    domains: dict[str, set[str]] = defaultdict(set)
    ranges: dict[str, set[str]] = defaultdict(set)
    inverses: dict[str, set[str]] = defaultdict(set)
    named = lambda *ts: all(isinstance(t, URIRef) for t in ts)  # noqa: E731 - a local test
    for s, _, o in ontology.triples((None, RDFS.subClassOf, None)):
        if named(s, o) and s != o:
            sub_c[str(s)].add(str(o))
    for s, _, o in ontology.triples((None, OWL.equivalentClass, None)):
        if named(s, o) and s != o:
            sub_c[str(s)].add(str(o))
            sub_c[str(o)].add(str(s))
    for s, _, o in ontology.triples((None, RDFS.subPropertyOf, None)):
        if named(s, o) and s != o:
            sub_p[str(s)].add(str(o))
    for s, _, o in ontology.triples((None, OWL.equivalentProperty, None)):
        if named(s, o) and s != o:
            sub_p[str(s)].add(str(o))
            sub_p[str(o)].add(str(s))
    for s, _, o in ontology.triples((None, RDFS.domain, None)):
        if named(s, o):
            domains[str(s)].add(str(o))
    for s, _, o in ontology.triples((None, RDFS.range, None)):
        if named(s, o) and not str(o).startswith(str(XSD)) and o != RDFS.Literal and (o, RDF.type, RDFS.Datatype) not in ontology:
            ranges[str(s)].add(str(o))
    for s, _, o in ontology.triples((None, OWL.inverseOf, None)):
        if named(s, o):
            inverses[str(s)].add(str(o))
            inverses[str(o)].add(str(s))
    symmetric = frozenset(str(s) for s in ontology.subjects(RDF.type, OWL.SymmetricProperty) if isinstance(s, URIRef))
    transitive = frozenset(str(s) for s in ontology.subjects(RDF.type, OWL.TransitiveProperty) if isinstance(s, URIRef))
    superclasses = _closure(sub_c)
    superproperties = _closure(sub_p)
    tbox = tuple(
        sorted(
            {(c, str(RDFS.subClassOf), d) for c, ds in superclasses.items() for d in ds if d not in sub_c.get(c, ())}
            | {(p, str(RDFS.subPropertyOf), q) for p, qs in superproperties.items() for q in qs if q not in sub_p.get(p, ())}
        )
    )
    # a sub-property inherits its super-properties' domains and ranges through prp-spo1, so nothing more here
    return Rules(
        superclasses={k: v for k, v in superclasses.items() if v},
        superproperties={k: v for k, v in superproperties.items() if v},
        domains={k: frozenset(v) for k, v in domains.items()},
        ranges={k: frozenset(v) for k, v in ranges.items()},
        inverses={k: frozenset(v) for k, v in inverses.items()},
        symmetric=symmetric,
        transitive=transitive,
        tbox=tbox,
    )


@lru_cache(maxsize=1)
def parkkg_rules() -> Rules:
    """The rules of parkkg's own ontology (compiled once per process)."""
    from graph.rdf.validate import load_ontology

    return compile_rules(load_ontology())


#: The two ends of the triple an expansion starts from, as a template names them.
SUBJECT, OBJECT = 0, 1

#: ``(subject, predicate, object)`` of an entailed triple: each end is :data:`SUBJECT` or :data:`OBJECT` of the triple
#: it comes from, or (the object of an ``rdf:type``) a class IRI; the predicate is an IRI.
Template = tuple[int, str, "int | str"]

_TYPE = str(RDF.type)


def _local_step(template: Template, rules: Rules, literal_object: bool) -> Iterator[Template]:
    """What one rule application gives from ``template`` (every rule but prp-trp); an end that is the
    :data:`OBJECT` of a triple whose object is a literal takes no type and becomes no subject."""
    a, q, b = template
    if q == _TYPE:
        if isinstance(b, str):
            yield from ((a, _TYPE, d) for d in rules.superclasses.get(b, ()))
        return  # a type named by the data's own object: its superclasses are looked up for each triple
    yield from ((a, r, b) for r in rules.superproperties.get(q, ()))
    yield from ((a, _TYPE, c) for c in rules.domains.get(q, ()))
    if b == OBJECT and literal_object:
        return
    yield from ((b, _TYPE, c) for c in rules.ranges.get(q, ()))
    yield from ((b, r, a) for r in rules.inverses.get(q, ()))
    if q in rules.symmetric:
        yield b, q, a


def expansion(predicate: str, rules: Rules, *, literal_object: bool = False) -> frozenset[Template]:
    """Everything a triple ``?s predicate ?o`` entails by the rules local to one triple (every rule but
    prp-trp), to a fixpoint over the rules alone, as templates (the triple itself left out).

    Examples
    --------
    >>> from graph.vocab import PK
    >>> rules = parkkg_rules()
    >>> (OBJECT, str(PK.cooperatesWith), SUBJECT) in expansion(str(PK.cooperatesWith), rules)
    True
    >>> (OBJECT, str(RDF.type), str(PK.Park)) in expansion(str(PK.partOf), rules)  # its range
    True
    """
    start: Template = (SUBJECT, predicate, OBJECT)
    seen = {start}
    todo = [start]
    while todo:
        for t in _local_step(todo.pop(), rules, literal_object):
            if t not in seen:
                seen.add(t)
                todo.append(t)
    seen.discard(start)
    return frozenset(seen)


@dataclass(frozen=True)
class Terms:
    """How one RDF library's terms look to the rules: ``iri(value)`` makes a named node,
    ``iri_of(term)`` is a term's IRI (None for a blank node or literal), ``is_literal(term)``."""

    iri: Callable[[str], Any]
    iri_of: Callable[[Any], str | None]
    is_literal: Callable[[Any], bool]


class _Expander:
    """Entails what one triple entails by the rules local to it, from tables compiled once per predicate."""

    def __init__(self, rules: Rules, terms: Terms) -> None:
        self.rules, self.terms = rules, terms
        self._tables: dict[tuple[str, bool], tuple[Template, ...]] = {}
        self._iris: dict[str, Any] = {}

    def iri(self, value: str) -> Any:
        term = self._iris.get(value)
        if term is None:
            term = self._iris[value] = self.terms.iri(value)
        return term

    def _table(self, predicate: str, literal_object: bool) -> tuple[Template, ...]:
        key = (predicate, literal_object)
        table = self._tables.get(key)
        if table is None:
            table = self._tables[key] = tuple(sorted(expansion(predicate, self.rules, literal_object=literal_object), key=repr))
        return table

    def _types(self, subject: Any, cls: Any) -> Iterator[tuple[Any, str, Any]]:
        for d in self.rules.superclasses.get(self.terms.iri_of(cls) or "", ()):
            yield subject, _TYPE, self.iri(d)

    def expand(self, s: Any, p: str, o: Any) -> Iterator[tuple[Any, str, Any]]:
        """The triples ``(s, p, o)`` entails by itself (it left out; some may come twice)."""
        if p == _TYPE:
            yield from self._types(s, o)
            return
        ends = (s, o)
        for a, q, b in self._table(p, self.terms.is_literal(o)):
            if isinstance(b, str):
                yield ends[a], q, self.iri(b)
                continue
            yield ends[a], q, ends[b]
            if q == _TYPE:  # (p is a sub-property of rdf:type)
                yield from self._types(ends[a], ends[b])


def _transitive_steps(edges: dict[str, dict[Any, set[Any]]]) -> list[tuple[Any, str, Any]]:
    """The triples prp-trp adds to ``edges`` (per transitive property, subject → objects)."""
    return [
        (s, p, o)
        for p, by_subject in edges.items()
        for s in list(by_subject)
        for o in _reach(by_subject, s) - by_subject[s]
    ]


def entailed(asserted: Iterable[tuple[Any, str, Any]], rules: Rules, terms: Terms) -> Iterator[tuple[Any, str, Any]]:
    """The triples the rules give from ``asserted`` (terms opaque, predicates as IRIs), noise types and
    reflexive statements left out; a triple may come more than once, and may be asserted already.

    Memory does not grow with ``asserted``: every rule but prp-trp is local to one triple (see
    :func:`expansion`), so each triple is expanded as it streams by; only the triples of transitive
    properties are kept, closed when the stream ends, and what the closure adds is expanded in turn
    (which may give a transitive property more triples, through an inverse or a super-property) until
    nothing is new.

    Examples
    --------
    >>> from graph.vocab import PK
    >>> terms = _rdflib_terms()
    >>> a, b = URIRef("urn:x:a"), URIRef("urn:x:b")
    >>> rules = parkkg_rules()
    >>> (b, str(PK.cooperatesWith), a) in set(entailed([(a, str(PK.cooperatesWith), b)], rules, terms))
    True
    """
    expander = _Expander(rules, terms)
    edges: dict[str, dict[Any, set[Any]]] = {p: defaultdict(set) for p in rules.transitive}

    def from_one(s: Any, p: str, o: Any) -> Iterator[tuple[Any, str, Any]]:
        for t in expander.expand(s, p, o):
            if t[1] in edges:
                edges[t[1]][t[0]].add(t[2])
            if _kept(t, terms):
                yield t

    for s, p, o in asserted:
        if p in edges:
            edges[p][s].add(o)
        yield from from_one(s, p, o)
    while added := _transitive_steps(edges):
        for s, p, o in added:
            edges[p][s].add(o)
        for s, p, o in added:
            if _kept((s, p, o), terms):
                yield s, p, o
            yield from from_one(s, p, o)


def _kept(t: tuple[Any, str, Any], terms: Terms) -> bool:
    """Whether an entailed triple is one to keep: no noise type, no reflexive class or property statement."""
    s, p, o = t
    if p == _TYPE:
        cls = terms.iri_of(o)
        return cls is not None and cls not in _NOISE
    return not (s == o and p in _REFLEXIVE)


_NOISE = frozenset(str(t) for t in NOISE_TYPES)
_REFLEXIVE = frozenset(str(t) for t in (OWL.sameAs, OWL.equivalentClass, OWL.equivalentProperty, RDFS.subClassOf, RDFS.subPropertyOf))


def _asserted(rules: Rules, triples_with: Callable[[str, Any], Iterable[tuple[Any, Any]]], iri: Callable[[str], Any]) -> Iterator[tuple[Any, str, Any]]:
    """The triples some rule fires on, one pattern at a time: ``triples_with(p, o)`` gives the
    ``(subject, object)`` pairs of ``p`` in the data (over every graph), of object ``o`` unless it is None."""
    for c in sorted(rules.superclasses):
        cls = iri(c)
        for s, _ in triples_with(_TYPE, cls):
            yield s, _TYPE, cls
    for p in sorted(rules.properties - {_TYPE}):
        for s, o in triples_with(p, None):
            yield s, p, o


def _ox_terms() -> Terms:
    import pyoxigraph as ox

    return Terms(ox.NamedNode, lambda t: t.value if isinstance(t, ox.NamedNode) else None, lambda t: isinstance(t, ox.Literal))


def _rdflib_terms() -> Terms:
    from rdflib import Literal

    return Terms(URIRef, lambda t: str(t) if isinstance(t, URIRef) else None, lambda t: isinstance(t, Literal))


def materialise(store: Any, *, rules: Rules | None = None, graph: URIRef = INFERRED_GRAPH) -> int:
    """Add the entailments of ``store``'s data (every graph) into ``graph``.

    The store's quads are read one predicate at a time and what each entails is added
    :data:`MATERIALISE_BATCH` at a time, so memory stays the same whatever the store's size
    (see :func:`entailed`); a triple stated in any graph (the entailments of earlier batches
    too) is not added again.

    Parameters
    ----------
    store : pyoxigraph.Store
        Writable (in memory, or on disk while it is being written).
    rules : Rules, optional
        Default: parkkg's ontology (:func:`parkkg_rules`).
    graph : URIRef
        Where the new triples go; it is cleared first, so materialising
        twice gives the same store.

    Returns
    -------
    int
        The number of triples added.
    """
    import pyoxigraph as ox

    rules = rules or parkkg_rules()
    terms = _ox_terms()
    target = ox.NamedNode(str(graph))
    if store.contains_named_graph(target):
        store.remove_graph(target)

    def triples_with(p: str, o: Any) -> Iterator[tuple[Any, Any]]:
        return ((q.subject, q.object) for q in store.quads_for_pattern(None, ox.NamedNode(p), o, None))

    tbox = ((ox.NamedNode(s), p, ox.NamedNode(o)) for s, p, o in rules.tbox)
    candidates = itertools.chain(entailed(_asserted(rules, triples_with, terms.iri), rules, terms), tbox)
    return _add_unstated(store, candidates, target)


def _add_unstated(store: Any, triples: Iterable[tuple[Any, str, Any]], target: Any) -> int:
    """Add to ``store``'s graph ``target`` those of ``triples`` no graph of it holds, :data:`MATERIALISE_BATCH`
    distinct triples looked at a time (a repeat is caught by the batch, or by the store once written).

    A batch goes in through Oxigraph's bulk loader: a transaction (``Store.extend``) leaves what it wrote
    in RocksDB's write buffers (up to 128 MB each, for each of the six indexes of a named graph's quads)
    until they are flushed, which held 0.35 GB more at 16 MB of text, and costs no less time."""
    import pyoxigraph as ox

    predicates: dict[str, Any] = {}
    seen: set[tuple[Any, str, Any]] = set()
    batch: list[Any] = []
    added = 0
    for t in triples:
        if t in seen:
            continue
        seen.add(t)
        s, p, o = t
        predicate = predicates.get(p) or predicates.setdefault(p, ox.NamedNode(p))
        if next(store.quads_for_pattern(s, predicate, o, None), None) is None:
            batch.append(ox.Quad(s, predicate, o, target))
        if len(seen) >= MATERIALISE_BATCH:
            store.bulk_extend(batch)
            added, batch = added + len(batch), []
            seen.clear()
    store.bulk_extend(batch)
    return added + len(batch)


#: :func:`materialise` looks at the entailments this many (distinct) at a time and adds the new ones together: the
#: batch is held in memory until it is written, and a triple looked at is not looked up again in the same batch (a
#: subject's types come from each of its triples): at most about 170 MB, and at 1 MB of text a third fewer look-ups
#: than 50,000 at a time
MATERIALISE_BATCH = 200_000


def entail_triples(source: Dataset | Graph, *, rules: Rules | None = None) -> Graph:
    """The entailments of an rdflib graph or dataset, as an rdflib Graph named :data:`INFERRED_GRAPH`
    (the same rules and the same reading of the data as :func:`materialise`).

    Examples
    --------
    >>> from graph import api
    >>> from graph.vocab import PK
    >>> inferred = entail_triples(api.build_text("广东星河新材料有限公司位于肇庆高新区。").dataset)
    >>> (None, RDF.type, PK.Organization) in inferred
    True
    """
    from rdflib import Literal

    rules = rules or parkkg_rules()
    terms = _rdflib_terms()
    dataset = isinstance(source, Dataset)

    def triples_with(p: str, o: Any) -> Iterator[tuple[Any, Any]]:
        found = source.quads((None, URIRef(p), o, None)) if dataset else source.triples((None, URIRef(p), o))
        return ((s, o) for s, _, o, *_ in found if not isinstance(s, Literal))

    def stated(s: Any, p: URIRef, o: Any) -> bool:
        if dataset:
            return next(iter(source.quads((s, p, o, None))), None) is not None
        return (s, p, o) in source

    out = Graph(identifier=INFERRED_GRAPH)
    for s, p, o in entailed(_asserted(rules, triples_with, terms.iri), rules, terms):
        predicate = URIRef(p)
        if not stated(s, predicate, o):
            out.add((s, predicate, o))
    for s, p, o in rules.tbox:
        out.add((URIRef(s), URIRef(p), URIRef(o)))
    return out
