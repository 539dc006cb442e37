"""graph.rdf.entail: the ontology's rules, compiled and run to a fixpoint."""

from __future__ import annotations

import pyoxigraph as ox
import pytest
from rdflib import BNode, Graph, Literal, Namespace, URIRef
from rdflib.namespace import OWL, RDF, RDFS

from graph.rdf.entail import (
    INFERRED_GRAPH,
    OBJECT,
    SUBJECT,
    compile_rules,
    entail_triples,
    expansion,
    materialise,
    parkkg_rules,
)
from graph.rdf.terms import from_ox, quads_to_ox
from graph.vocab import PK

EX = Namespace("https://example.org/")
W3C = "http://www.w3.org/"


def small_ontology() -> Graph:
    g = Graph()
    g.add((EX.Firm, RDFS.subClassOf, EX.Org))
    g.add((EX.Org, RDFS.subClassOf, EX.Agent))
    g.add((EX.Company, OWL.equivalentClass, EX.Firm))
    g.add((EX.owns, RDFS.subPropertyOf, EX.controls))
    g.add((EX.controls, RDFS.domain, EX.Org))
    g.add((EX.controls, RDFS.range, EX.Org))
    g.add((EX.revenue, RDFS.range, RDFS.Literal))
    g.add((EX.parentOf, OWL.inverseOf, EX.childOf))
    g.add((EX.partner, RDF.type, OWL.SymmetricProperty))
    g.add((EX.partOf, RDF.type, OWL.TransitiveProperty))
    g.add((EX.Firm, RDFS.subClassOf, BNode()))  # a class expression: not reasoned with
    return g


def closure(triples, rules=None) -> set:
    g = Graph()
    for t in triples:
        g.add(t)
    return set(entail_triples(g, rules=rules or compile_rules(small_ontology())))


def test_each_rule_alone():
    a, b, c, d = EX.a, EX.b, EX.c, EX.d
    assert closure([(a, RDF.type, EX.Firm)]) >= {(a, RDF.type, EX.Org), (a, RDF.type, EX.Agent), (a, RDF.type, EX.Company)}
    assert (a, RDF.type, EX.Agent) in closure([(a, RDF.type, EX.Company)])  # equivalence, then the chain
    owned = closure([(a, EX.owns, b)])
    assert {(a, EX.controls, b), (a, RDF.type, EX.Org), (b, RDF.type, EX.Org), (b, RDF.type, EX.Agent)} <= owned
    assert closure([(a, EX.revenue, Literal(5))]) == closure([])  # a literal range types nothing
    assert (b, EX.childOf, a) in closure([(a, EX.parentOf, b)])
    assert (b, EX.parentOf, a) in closure([(a, EX.childOf, b)])
    assert (b, EX.partner, a) in closure([(a, EX.partner, b)])
    chain = closure([(a, EX.partOf, b), (b, EX.partOf, c), (c, EX.partOf, d)])
    assert {(a, EX.partOf, c), (a, EX.partOf, d), (b, EX.partOf, d)} <= chain
    assert (d, EX.partOf, a) not in chain


def test_nothing_stated_is_repeated_and_no_noise():
    stated = [(EX.a, RDF.type, EX.Firm), (EX.a, RDF.type, EX.Org), (EX.a, EX.owns, EX.b)]
    out = closure(stated)
    assert not set(stated) & out
    assert not any(o in (OWL.Thing, RDFS.Resource) or isinstance(o, BNode) for _, p, o in out if p == RDF.type)
    # the class tree itself is closed too (Firm subClassOf Agent), but not the stated edges
    assert (EX.Firm, RDFS.subClassOf, EX.Agent) in out and (EX.Firm, RDFS.subClassOf, EX.Org) not in out


def test_materialise_into_a_store_is_idempotent_and_skips_what_is_stated_anywhere():
    rules = compile_rules(small_ontology())
    store = ox.Store()
    doc = URIRef("https://example.org/doc")
    store.extend(quads_to_ox([(EX.a, RDF.type, EX.Firm, doc), (EX.a, RDF.type, EX.Agent, None), (EX.a, EX.partner, EX.b, doc)]))
    first = materialise(store, rules=rules)
    second = materialise(store, rules=rules)
    assert first == second
    inferred = {
        tuple(from_ox(t) for t in (q.subject, q.predicate, q.object))
        for q in store.quads_for_pattern(None, None, None, ox.NamedNode(str(INFERRED_GRAPH)))
    }
    assert (EX.a, RDF.type, EX.Org) in inferred and (EX.b, EX.partner, EX.a) in inferred
    assert (EX.a, RDF.type, EX.Agent) not in inferred  # stated in the default graph already
    assert len(inferred) == first


def test_materialise_in_batches_adds_what_one_batch_adds(built, monkeypatch):
    from graph.rdf import entail

    def materialised():
        store = ox.Store()
        store.extend(list(built.store))  # the same blank nodes in both
        return materialise(store), set(store)

    whole = materialised()
    monkeypatch.setattr(entail, "MATERIALISE_BATCH", 7)
    assert materialised() == whole and whole[0] > 7 * 3


def test_the_rules_give_what_owlrl_gives_on_the_bundled_article(built):
    """The reference: owlrl's general OWL-RL closure of the same data and
    ontology, filtered the same way. Only TBox-level statements about the
    ontology's own terms may differ (annotation-property typing, class
    expressions), never a statement about the data."""
    owlrl = pytest.importorskip("owlrl")
    from graph.rdf.validate import load_ontology

    mine = set(entail_triples(built.dataset))
    work = Graph()
    for s, p, o, _ in built.dataset.quads((None, None, None, None)):
        work.add((s, p, o))
    ontology = load_ontology()
    for t in ontology:
        work.add(t)
    before = set(work)
    owlrl.DeductiveClosure(owlrl.OWLRL_Semantics, axiomatic_triples=False, datatype_axioms=False).expand(work)
    terms = set(ontology.subjects())
    theirs = {
        (s, p, o)
        for s, p, o in set(work) - before
        if not isinstance(s, (Literal, BNode))
        and s not in terms  # statements about the ontology's own terms
        and not str(s).startswith(W3C)  # and about OWL's and RDF's (owl:Nothing subClassOf ...)
        and not isinstance(o, BNode)
        and not (p == RDF.type and (isinstance(o, BNode) or o in (OWL.Thing, RDFS.Resource)))
        and not (s == o and p in (OWL.sameAs, RDFS.subClassOf, RDFS.subPropertyOf))
        and not (p == RDF.type and str(o).startswith(str(RDFS)) or str(o).startswith("http://www.w3.org/2001/XMLSchema#"))
    }
    mine_about_data = {t for t in mine if t[0] not in terms}
    assert mine_about_data == theirs
    assert any(p == RDF.type and o == PK.Organization for _, p, o in mine_about_data)


def test_parkkg_rules_cover_the_ontology():
    rules = parkkg_rules()
    assert str(PK.Organization) in rules.superclasses[str(PK.University)]
    assert str(PK.cooperatesWith) in rules.symmetric
    assert rules.properties  # some property rule fires


def chain_ontology() -> Graph:
    """A transitive property reached through an inverse and a sub-property."""
    g = Graph()
    g.add((EX.partOf, RDF.type, OWL.TransitiveProperty))
    g.add((EX.hasPart, OWL.inverseOf, EX.partOf))
    g.add((EX.wingOf, RDFS.subPropertyOf, EX.partOf))
    g.add((EX.partOf, RDFS.domain, EX.Place))
    g.add((EX.Place, RDFS.subClassOf, EX.Thing))
    return g


def inferred_of(store: ox.Store) -> set:
    return {
        tuple(from_ox(t) for t in (q.subject, q.predicate, q.object))
        for q in store.quads_for_pattern(None, None, None, ox.NamedNode(str(INFERRED_GRAPH)))
    }


def test_expansion_is_a_fixpoint_over_the_rules_alone():
    rules = compile_rules(small_ontology())
    owns = expansion(str(EX.owns), rules)
    assert (SUBJECT, str(EX.controls), OBJECT) in owns
    assert {(SUBJECT, str(RDF.type), str(c)) for c in (EX.Org, EX.Agent)} <= owns  # domain, then its superclass
    assert (OBJECT, str(RDF.type), str(EX.Agent)) in owns  # range, then its superclass
    assert (SUBJECT, str(EX.owns), OBJECT) not in owns  # the triple itself is left out
    # the inverse of an inverse is the triple itself, so it is not there either
    assert expansion(str(EX.parentOf), rules) == {(OBJECT, str(EX.childOf), SUBJECT)}
    # a literal object takes no type, and becomes no subject
    assert expansion(str(EX.owns), rules, literal_object=True) == {
        (SUBJECT, str(EX.controls), OBJECT), *((SUBJECT, str(RDF.type), str(c)) for c in (EX.Org, EX.Agent))
    }


def test_a_chain_through_an_inverse_and_a_sub_property_into_a_transitive_property():
    a, b, c, d = EX.a, EX.b, EX.c, EX.d
    rules = compile_rules(chain_ontology())
    # a wingOf b (so a partOf b); c hasPart b (so b partOf c); d hasPart c (so c partOf d)
    out = closure([(a, EX.wingOf, b), (c, EX.hasPart, b), (d, EX.hasPart, c)], rules)
    assert {(a, EX.partOf, c), (a, EX.partOf, d), (b, EX.partOf, d)} <= out  # closed after the inverse
    assert {(c, EX.hasPart, a), (d, EX.hasPart, a), (d, EX.hasPart, b)} <= out  # and what the closure adds is inverted
    assert {(x, RDF.type, EX.Thing) for x in (a, b, c)} <= out
    assert (d, RDF.type, EX.Place) not in out  # d is only ever an object of partOf
    # a literal ends a chain, and starts none
    assert (a, EX.partOf, Literal("x")) in closure([(a, EX.partOf, b), (b, EX.partOf, Literal("x"))], rules)
    assert closure([(b, EX.partOf, Literal("x")), (a, EX.partOf, b)], rules) == closure(
        [(a, EX.partOf, b), (b, EX.partOf, Literal("x"))], rules
    )


def test_materialise_and_entail_triples_agree():
    rules = compile_rules(chain_ontology())
    data = [(EX.a, EX.wingOf, EX.b), (EX.c, EX.hasPart, EX.b), (EX.d, EX.hasPart, EX.c), (EX.b, EX.partOf, Literal("x"))]
    store = ox.Store()
    store.extend(quads_to_ox([(*t, None) for t in data]))
    materialise(store, rules=rules)
    assert inferred_of(store) == closure(data, rules)


def test_an_entailment_already_asserted_in_the_data_is_not_added():
    rules = compile_rules(small_ontology())
    store = ox.Store()
    doc, other = URIRef("https://example.org/doc"), URIRef("https://example.org/other")
    store.extend(quads_to_ox([(EX.a, EX.owns, EX.b, doc), (EX.a, EX.controls, EX.b, other), (EX.b, RDF.type, EX.Agent, None)]))
    added = materialise(store, rules=rules)
    inferred = inferred_of(store)
    assert (EX.a, EX.controls, EX.b) not in inferred and (EX.b, RDF.type, EX.Agent) not in inferred
    assert {(EX.a, RDF.type, EX.Org), (EX.b, RDF.type, EX.Org)} <= inferred
    assert added == len(inferred)
    assert len(list(store.quads_for_pattern(ox.NamedNode(str(EX.a)), ox.NamedNode(str(EX.controls)), None, None))) == 1


def test_each_entailment_is_added_once_across_tiny_batches(monkeypatch):
    from graph.rdf import entail

    rules = compile_rules(small_ontology())
    # every triple entails the same (a type Org) and (a type Agent); each partner pair entails its mirror twice over
    data = [(EX.a, EX.owns, EX[f"b{i}"], None) for i in range(20)] + [(EX.a, EX.partner, EX.b0, None)] * 2

    def run(batch: int) -> tuple[int, set, int]:
        monkeypatch.setattr(entail, "MATERIALISE_BATCH", batch)
        store = ox.Store()
        store.extend(quads_to_ox(data))
        added = materialise(store, rules=rules)
        return added, inferred_of(store), sum(1 for _ in store.quads_for_pattern(None, None, None, ox.NamedNode(str(INFERRED_GRAPH))))

    whole = run(10_000)
    assert whole[0] == len(whole[1]) == whole[2]
    assert run(2) == run(1) == whole
