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
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from rdflib import Dataset, Graph, URIRef
from rdflib.namespace import OWL, RDF, RDFS, XSD

from graph.vocab import BASE

__all__ = ["INFERRED_GRAPH", "NOISE_TYPES", "Rules", "compile_rules", "parkkg_rules", "materialise", "entail_triples"]

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


def _closure(edges: dict[str, set[str]]) -> dict[str, frozenset[str]]:
    """Strict transitive closure of a relation given as adjacency sets (cycles allowed)."""
    out: dict[str, frozenset[str]] = {}
    for start in edges:
        seen: set[str] = set()
        todo = list(edges[start])
        while todo:
            n = todo.pop()
            if n in seen:
                continue
            seen.add(n)
            todo.extend(edges.get(n, ()))
        seen.discard(start)
        out[start] = frozenset(seen)
    return out


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


def _closure_of(
    asserted: Iterable[tuple[Any, str, Any]], rules: Rules, is_literal: Any, make_iri: Any, iri_of: Any
) -> Iterator[tuple[Any, str, Any]]:
    """The new triples the rules give from ``asserted`` (terms opaque, predicates as strings;
    ``iri_of(term)`` is a term's IRI as a string, or None for a blank node or literal)."""
    rdf_type = str(RDF.type)
    known: set[tuple[Any, str, Any]] = set()
    by_subject: dict[tuple[str, Any], set[Any]] = defaultdict(set)  # transitive properties only
    by_object: dict[tuple[str, Any], set[Any]] = defaultdict(set)
    todo: list[tuple[Any, str, Any]] = []
    asserted_set: set[tuple[Any, str, Any]] = set()
    for t in asserted:
        if t not in asserted_set:
            asserted_set.add(t)
            todo.append(t)
    known |= asserted_set
    iri_cache: dict[str, Any] = {}

    def iri(value: str) -> Any:
        term = iri_cache.get(value)
        if term is None:
            term = iri_cache[value] = make_iri(value)
        return term

    def add(t: tuple[Any, str, Any]) -> None:
        if t not in known:
            known.add(t)
            todo.append(t)

    while todo:
        s, p, o = t = todo.pop()
        if p in rules.transitive:
            by_subject[(p, s)].add(o)
            by_object[(p, o)].add(s)
        if p == rdf_type:
            for d in rules.superclasses.get(iri_of(o) or "", ()):
                add((s, rdf_type, iri(d)))
            continue
        for q in rules.superproperties.get(p, ()):
            add((s, q, o))
        for c in rules.domains.get(p, ()):
            add((s, rdf_type, iri(c)))
        if not is_literal(o):
            for c in rules.ranges.get(p, ()):
                add((o, rdf_type, iri(c)))
            for q in rules.inverses.get(p, ()):
                add((o, q, s))
            if p in rules.symmetric:
                add((o, p, s))
            if p in rules.transitive:
                for z in list(by_subject.get((p, o), ())):
                    add((s, p, z))
                for w in list(by_object.get((p, s), ())):
                    add((w, p, o))
        del t
    del by_subject, by_object  # (todo is empty by now)
    for t in known:  # not ``known - asserted_set``: that would be one more set as large as the closure
        if t in asserted_set:
            continue
        s, p, o = t
        if p == rdf_type and (iri_of(o) is None or iri_of(o) in _NOISE):
            continue
        if s == o and p in _REFLEXIVE:
            continue
        yield t


_NOISE = frozenset(str(t) for t in NOISE_TYPES)
_REFLEXIVE = frozenset(str(t) for t in (OWL.sameAs, OWL.equivalentClass, OWL.equivalentProperty, RDFS.subClassOf, RDFS.subPropertyOf))


def materialise(store: Any, *, rules: Rules | None = None, graph: URIRef = INFERRED_GRAPH) -> int:
    """Add the entailments of ``store``'s data (every graph) into ``graph``.

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
    target = ox.NamedNode(str(graph))
    if store.contains_named_graph(target):
        store.remove_graph(target)
    rdf_type = ox.NamedNode(str(RDF.type))
    wanted_types = {ox.NamedNode(c) for c in rules.superclasses}

    def asserted() -> Iterator[tuple[Any, str, Any]]:
        for q in store.quads_for_pattern(None, rdf_type, None, None):
            if q.object in wanted_types:
                yield q.subject, str(RDF.type), q.object
        for p in rules.properties:
            for q in store.quads_for_pattern(None, ox.NamedNode(p), None, None):
                yield q.subject, p, q.object

    new = _closure_of(
        asserted(), rules, lambda t: isinstance(t, ox.Literal), ox.NamedNode, lambda t: t.value if isinstance(t, ox.NamedNode) else None
    )
    tbox = ((ox.NamedNode(s), p, ox.NamedNode(o)) for s, p, o in rules.tbox)
    added = 0
    batch: list[Any] = []
    for s, p, o in itertools.chain(new, tbox):
        predicate = ox.NamedNode(p)
        # not stated anywhere already (what an earlier batch put in the target does not count)
        if all(q.graph_name == target for q in store.quads_for_pattern(s, predicate, o, None)):
            batch.append(ox.Quad(s, predicate, o, target))
            if len(batch) >= MATERIALISE_BATCH:
                store.extend(batch)
                added, batch = added + len(batch), []
    store.extend(batch)
    return added + len(batch)


#: :func:`materialise` adds the entailments this many at a time: a store on disk holds a batch in memory until it is
#: written, and a build of a few MB of text entails hundreds of thousands of triples
MATERIALISE_BATCH = 50_000


def entail_triples(source: Dataset | Graph, *, rules: Rules | None = None) -> Graph:
    """The entailments of an rdflib graph or dataset, as an rdflib Graph named :data:`INFERRED_GRAPH`.

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
    quads = source.quads((None, None, None, None)) if isinstance(source, Dataset) else ((s, p, o, None) for s, p, o in source)
    triples = ((s, str(p), o) for s, p, o, *_ in quads if not isinstance(s, Literal))
    out = Graph(identifier=INFERRED_GRAPH)
    iri_of = lambda t: str(t) if isinstance(t, URIRef) else None  # noqa: E731
    for s, p, o in _closure_of(triples, rules, lambda t: isinstance(t, Literal), URIRef, iri_of):
        out.add((s, URIRef(p), o))
    for s, p, o in rules.tbox:
        out.add((URIRef(s), URIRef(p), URIRef(o)))
    return out
