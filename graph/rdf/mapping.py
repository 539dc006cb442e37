"""Stage 6, mapping: extracted records to RDF, each fact with its provenance.

Layout (``docs/design.md``): facts go to the data graph; each document's
provenance (the document, its cited sentences, one ``rdf:Statement`` per
fact, ``pk:mentionedIn`` links) goes to that document's named graph.
Entities are linked across documents by canonical name: a short name one
article defines (（以下简称“X”）) resolves in every other article too.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterator, Sequence
from contextlib import closing
from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache
from itertools import chain
from typing import TYPE_CHECKING

from rdflib import RDF, RDFS, XSD, Dataset, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, SKOS
from rdflib.term import Node

from graph._parallel import imap_ordered, shared
from graph.errors import MappingError
from graph.extract.lexicon import Lexicon, load_lexicon
from graph.extract.mentions import canonical_park_name
from graph.extract.observations import Indicator
from graph.model import ORGANIZATION_CLASS_NAMES, Extraction, ObservationRecord
from graph.rdf.labels import PINYIN_TAG, NameLabels, has_han, name_labels
from graph.vocab import (
    DATA_GRAPH,
    PK,
    PREFIXES,
    concept_iri,
    document_iri,
    entity_iri,
    iri_safe,
    provenance_graph_iri,
    scheme_iri,
    sentence_iri,
    statement_iri,
)

if TYPE_CHECKING:
    from graph.cache import QuadsCache

__all__ = ["EntityRecord", "RdfMapper", "link_entities", "to_rdf", "iter_rdf", "iter_nquads", "QuadSink", "new_dataset", "EVENT_TYPES", "CLASS_PRIORITY"]


class _Terms:
    """A namespace whose terms are looked up once: mapping asks for the same
    few terms for every quad, and an rdflib ``DefinedNamespace`` checks each
    lookup against its closed list of names (a quarter of the mapping's time)."""

    def __init__(self, ns: object) -> None:
        self._ns = ns
        self._items: dict[str, URIRef] = {}

    def __getattr__(self, name: str) -> URIRef:  # only on a first lookup: the term is then an attribute
        if name.startswith("_"):
            raise AttributeError(name)
        term: URIRef = getattr(self._ns, name)
        setattr(self, name, term)
        return term

    def __getitem__(self, name: str) -> URIRef:
        try:
            return self._items[name]
        except KeyError:
            term = self._items[name] = self._ns[name]  # type: ignore[index]
            return term


PK, RDF, RDFS, XSD, SKOS, PROV, DCTERMS = (_Terms(ns) for ns in (PK, RDF, RDFS, XSD, SKOS, PROV, DCTERMS))  # type: ignore[assignment]

#: event type id → (zh, en)
EVENT_TYPES: dict[str, tuple[str, str]] = {
    "founding": ("成立", "Founding"),
    "approval": ("批复", "Approval"),
    "opening": ("揭牌", "Opening"),
    "groundbreaking": ("开工", "Groundbreaking"),
    "production-start": ("投产", "Start of production"),
    "signing": ("签约", "Signing"),
    "listing": ("上市", "Listing"),
    "relocation": ("迁入", "Relocation"),
    "award": ("获奖", "Award"),
}
_ORGS = ORGANIZATION_CLASS_NAMES
_ACTORS = _ORGS | {"Park"}
_ANY = None
#: property → (allowed subject classes, allowed object classes); None allows any entity.
#: Mirrors the ontology's domains and ranges, so a rule that misfires on an
#: unusual sentence drops the fact instead of producing a non-conforming graph.
SIGNATURES: dict[str, tuple[frozenset[str] | None, frozenset[str] | None]] = {
    "locatedIn": (_ANY, frozenset({"Park"})),
    "partOf": (frozenset({"Park"}), frozenset({"Park"})),
    "inIndustry": (_ANY, frozenset({"Industry"})),
    "chainLeaderOf": (frozenset({"Enterprise"}), frozenset({"Industry"})),
    "cooperatesWith": (_ACTORS, _ACTORS),
    "coFiledPatentWith": (_ACTORS, _ACTORS),
    "coBuiltPlatformWith": (_ACTORS, _ACTORS),
    "hostsPlatform": (_ACTORS, frozenset({"Platform"})),
    "receivedHonour": (_ANY, frozenset({"Honour"})),
    "hasCustomer": (frozenset({"Enterprise"}), _ORGS),
    "subsidiaryOf": (frozenset({"Enterprise"}), frozenset({"Enterprise"})),
    "affiliatedWith": (frozenset({"Person"}), _ACTORS | {"Platform"}),  # 实验室主任: a person directs a platform
    "undertakenBy": (frozenset({"Project"}), _ORGS),
    "produces": (_ORGS, frozenset({"Product"})),
    "applicant": (frozenset({"Patent"}), _ORGS | {"Person"}),
    "leadingIndustry": (frozenset({"Park"}), frozenset({"Industry"})),
}

#: when mentions of one entity disagree on its class, the more specific evidence wins
CLASS_PRIORITY = {"suffix": 3, "person": 3, "honour": 3, "industry": 3, "patent": 3, "product": 2, "project": 3, "list": 1, "alias": 0}


@dataclass
class EntityRecord:
    """Everything known about one entity across documents."""

    key: str
    cls: str
    names: set[str] = field(default_factory=set)
    level: str | None = None


def new_dataset() -> Dataset:
    """An empty Dataset with parkkg's prefixes bound (union default graph)."""
    ds = Dataset(default_union=True)
    for prefix, ns in PREFIXES.items():
        ds.bind(prefix, ns, override=True, replace=True)
    return ds


def link_entities(extractions: Sequence[Extraction]) -> tuple[dict[str, EntityRecord], dict[str, str]]:
    """Merge the mentions of all documents into entities.

    Returns
    -------
    (entities, resolve) :
        ``entities`` by canonical key; ``resolve`` maps every name used
        (short names and aliases from any document) to its canonical key.
    """
    aliases: dict[str, str] = {}
    for ex in extractions:
        for short, full in ex.aliases.items():
            aliases.setdefault(short, full)
    resolve: dict[str, str] = {}

    def canon(name: str) -> str:
        seen = set()
        while name in aliases and name not in seen:
            seen.add(name)
            name = aliases[name]
        return name

    votes: dict[str, Counter[str]] = defaultdict(Counter)
    names: dict[str, set[str]] = defaultdict(set)
    levels: dict[str, str] = {}
    surface: dict[str, str] = {}
    for ex in extractions:
        for m in ex.mentions:
            key = canon(m.key)
            if m.cls in ("Park", "GovernmentBody"):
                key = canonical_park_name(key)
            resolve[m.key] = key
            surface.setdefault(m.name, key)
            votes[key][m.cls] += CLASS_PRIORITY.get(m.rule.split(":", 1)[0], 1)
            names[key].add(m.name)
            a, b = ex.clean.raw_span(m.start, m.end)
            written = "".join(ex.document.text[a:b].split())
            if written != m.name and len(written) == len(m.name):
                names[key].add(written)  # as the article wrote it (廣東聚石化學…), found by a search too
            if m.level and key not in levels:
                levels[key] = m.level
    for short, full in aliases.items():
        key = canon(full)
        if key in votes:
            surface.setdefault(short, key)
            names[key].add(short)
    for name, key in surface.items():
        resolve.setdefault(name, key)  # a surface form never overrides another entity's key
    entities = {
        key: EntityRecord(key=key, cls=votes[key].most_common(1)[0][0], names=names[key], level=levels.get(key))
        for key in votes
    }
    return entities, resolve


@lru_cache(maxsize=1 << 12)
def _lit_zh(text: str) -> Literal:
    """``text`` as a ``@zh`` literal; names and labels recur from statement to statement (a sentence's text does not: see :meth:`RdfMapper.document`)."""
    return Literal(text, lang="zh")


@lru_cache(maxsize=1 << 12)
def _plain_literal(text: str) -> Literal:
    """``text`` as a plain literal; extraction rules, units and periods recur in document after document."""
    return Literal(text)


@lru_cache(maxsize=1 << 12)
def _typed_literal(text: str, datatype: str) -> Literal:
    """``text`` typed ``xsd:<datatype>``: years and figures recur too."""
    return Literal(text, datatype=XSD[datatype])


@lru_cache(maxsize=1 << 12)
def _concept(scheme: str, concept_id: str) -> URIRef:
    """:func:`~graph.vocab.concept_iri`, made once per concept (indicators and event types are few, cited often)."""
    return concept_iri(scheme, concept_id)


@lru_cache(maxsize=1 << 15)
def _integer(n: int) -> Literal:
    """``n`` as an xsd:integer literal; the offsets of evidence recur from document to document."""
    return Literal(n, datatype=XSD.integer)


def _industry_concepts(lex: Lexicon) -> dict[str, tuple[str, str, str | None]]:
    return {ind.zh: (ind.id, ind.zh, ind.en) for ind in lex.industries}


class _IndustryTable(dict):
    """Dictionary industries, plus industries a text names (铝基新材料): those get
    a concept of their own, narrower than the dictionary industry their name points to."""

    def __init__(self, lex: Lexicon) -> None:
        super().__init__(_industry_concepts(lex))
        self.lex = lex
        self.broader: dict[str, str] = {}

    def mint(self, zh: str) -> None:
        if zh in self:
            return
        from graph.extract.relations import infer_industry

        self[zh] = (iri_safe(zh), zh, None)
        parent = infer_industry([zh], self.lex)
        if parent and parent != zh:
            self.broader[zh] = parent


class RdfMapper:
    """Maps a corpus's extractions to RDF, one document at a time.

    What must be known corpus-wide (which entity each name stands for, its
    class, the industries and observations already written) is worked out
    once, from every extraction, so a document's quads do not depend on
    which other documents are mapped into the same Dataset: the union of
    :meth:`common` and of :meth:`document` over all documents is exactly
    :func:`to_rdf`, however the documents are grouped. That is what lets
    :func:`iter_rdf` stream a corpus too large for one in-memory graph.

    Raises
    ------
    MappingError
        A relation or observation names an entity no mention introduced.
    """

    def __init__(
        self,
        extractions: Sequence[Extraction],
        indicators: dict[str, Indicator] | None = None,
        *,
        lex: Lexicon | None = None,
        known_labels: dict[tuple[str, str, tuple[str, ...]], NameLabels] | None = None,
    ) -> None:
        self.lex = lex = lex or load_lexicon()
        self.indicators = indicators or {}
        #: labels rendered in earlier builds, by every input of :func:`name_labels` but the
        #: lexicon (name, class, aliases); labels rendered now are added (see :meth:`labels`)
        self.known_labels = known_labels
        self.new_labels = 0
        self.entities, self.resolve = link_entities(extractions)
        self.industries = industries = _IndustryTable(lex)
        for key, rec in self.entities.items():
            if rec.cls == "Industry":
                industries.mint(key)
        self.used_industries: set[str] = set()
        self._observed: set[URIRef] = set()
        self._labels: dict[tuple[str, str], NameLabels] = {}
        self._first_stated: dict[URIRef, str] | None = None
        #: :meth:`node`'s answers, by name: one IRI object per name, which
        #: :func:`graph.rdf.terms.quads_to_nquads` then writes once a piece
        self._nodes: dict[str, URIRef] = {}

    def node(self, name: str) -> URIRef:
        """The IRI of what ``name`` stands for: its entity, or its industry concept."""
        found = self._nodes.get(name)
        if found is None:
            found = self._nodes[name] = self._node(name)
        return found

    def _node(self, name: str) -> URIRef:
        key = self.resolve.get(name, name)
        rec = self.entities.get(key)
        if rec is not None and rec.cls == "Industry" and key in self.industries:
            return concept_iri("industry", self.industries[key][0])
        if key in self.industries:
            return concept_iri("industry", self.industries[key][0])
        if rec is None:
            raise MappingError(
                f"the extractor produced a fact about {name!r}, which no mention introduced; "
                "this is a bug in parkkg's rules: please report it with the sentence"
            )
        return entity_iri(key)

    def cls_of(self, name: str) -> str:
        key = self.resolve.get(name, name)
        if key in self.industries:
            return "Industry"
        rec = self.entities.get(key)
        return rec.cls if rec is not None else ""

    def claim_observations(self, extractions: Sequence[Extraction]) -> None:
        """Decide up front which document writes each observation (the first
        to state it, in corpus order; the others cite it), so documents can
        then be mapped in any order, or at once in several processes."""
        first: dict[URIRef, str] = {}
        for ex in extractions:
            for ob in ex.observations:
                o = _observation_iri(self.node(ob.entity), _concept("indicator", ob.indicator), ob)
                first.setdefault(o, ex.document.sha256)
        self._first_stated = first

    def add_industry(self, data: Graph, zh: str) -> URIRef:
        industries = self.industries
        cid, zh_label, en_label = industries[zh]
        c = concept_iri("industry", cid)
        data.add((c, RDF.type, PK.Industry))
        data.add((c, RDF.type, SKOS.Concept))
        data.add((c, SKOS.inScheme, scheme_iri("industry")))
        parent = industries.broader.get(zh)
        if parent:
            data.add((c, SKOS.broader, self.add_industry(data, parent)))
        elif en_label is not None:
            data.add((c, SKOS.topConceptOf, scheme_iri("industry")))
            data.add((scheme_iri("industry"), SKOS.hasTopConcept, c))
        data.add((c, SKOS.prefLabel, _lit_zh(zh_label)))
        data.add((c, RDFS.label, _lit_zh(zh_label)))
        labels = self.labels(zh_label, "Industry")
        en = en_label if en_label is not None else labels.en  # an industry the scheme lacks: rendered
        data.add((c, SKOS.prefLabel, Literal(en, lang="en")))
        data.add((c, RDFS.label, Literal(en, lang="en")))
        data.add((c, SKOS.altLabel, Literal(labels.pinyin, lang=PINYIN_TAG)))
        return c

    def labels(self, name: str, cls: str) -> NameLabels:
        """The English and pinyin labels of ``name`` (glossary first, then rendered; see :mod:`graph.rdf.labels`)."""
        key = (name, cls)
        found = self._labels.get(key)
        if found is None:
            rec = self.entities.get(name)
            aliases = tuple(sorted(rec.names - {name})) if rec is not None else ()
            known = self.known_labels
            found = known.get((name, cls, aliases)) if known is not None else None
            if found is None:
                found = name_labels(name, cls, aliases=aliases, lexicon=self.lex)
                if known is not None:
                    known[(name, cls, aliases)] = found
                    self.new_labels += 1
            self._labels[key] = found
        return found

    def note_used_industries(self) -> None:
        """Set aside the industries :meth:`common` writes (the entities that are industries), which
        :meth:`document_key` and :meth:`document` read: without the rest of :meth:`common`."""
        for key, rec in self.entities.items():
            if rec.cls == "Industry" or key in self.industries:
                self.used_industries.add(key)

    def common(self, ds: Dataset) -> None:
        """The corpus-wide part: concept schemes, entities, industries, indicators, event types."""
        self.note_used_industries()
        entities, used_industries, indicators = self.entities, self.used_industries, self.indicators
        data = ds.graph(DATA_GRAPH)
        # schemes -----------------------------------------------------------------
        for scheme, zh, en in (("industry", "产业", "Industries"), ("indicator", "指标", "Indicators"), ("event-type", "事件类型", "Event types")):
            s = scheme_iri(scheme)
            data.add((s, RDF.type, SKOS.ConceptScheme))
            data.add((s, RDFS.label, _lit_zh(zh)))
            data.add((s, RDFS.label, Literal(en, lang="en")))

        # entities ------------------------------------------------------------------
        for key, rec in sorted(entities.items()):
            if key in used_industries:
                continue
            iri = entity_iri(key)
            data.add((iri, RDF.type, PK[rec.cls]))
            data.add((iri, RDFS.label, _lit_zh(key)))
            for n in sorted(rec.names - {key}):
                data.add((iri, SKOS.altLabel, _lit_zh(n)))
            labels = self.labels(key, rec.cls)
            data.add((iri, RDFS.label, Literal(labels.en, lang="en")))
            data.add((iri, SKOS.altLabel, Literal(labels.pinyin, lang=PINYIN_TAG)))
            if rec.level and rec.cls in ("Platform", "Honour"):
                data.add((iri, PK.level, Literal(rec.level)))

        for zh in sorted(used_industries):
            self.add_industry(data, zh)

        # indicator concepts -----------------------------------------------------------
        for ind in sorted(indicators.values(), key=lambda i: i.id):
            c = concept_iri("indicator", ind.id)
            data.add((c, RDF.type, PK.Indicator))
            data.add((c, RDF.type, SKOS.Concept))
            data.add((c, SKOS.inScheme, scheme_iri("indicator")))
            data.add((c, SKOS.prefLabel, _lit_zh(ind.zh)))
            # an indicator the loader named from the text ("Number of 上市企业") gets its Chinese words rendered
            en = self.labels(ind.en, "Indicator").en if has_han(ind.en) else ind.en
            data.add((c, SKOS.prefLabel, Literal(en, lang="en")))
            data.add((c, RDFS.label, _lit_zh(ind.zh)))
            data.add((c, RDFS.label, Literal(en, lang="en")))
            data.add((c, SKOS.notation, Literal(ind.id)))
            if ind.broader:
                data.add((c, SKOS.broader, concept_iri("indicator", ind.broader)))
        for t, (zh, en) in EVENT_TYPES.items():
            c = concept_iri("event-type", t)
            data.add((c, RDF.type, SKOS.Concept))
            data.add((c, SKOS.inScheme, scheme_iri("event-type")))
            data.add((c, SKOS.prefLabel, _lit_zh(zh)))
            data.add((c, SKOS.prefLabel, Literal(en, lang="en")))


    def document_key(self, ex: Extraction) -> str:
        """A digest of everything :meth:`document` reads to map ``ex``: the key of its cached quads.

        :meth:`document`'s quads are a function of the extraction and of the
        corpus-wide state it looks up, so the key covers both:

        * the extraction: the document's metadata and identity (its SHA-256,
          which fixes the text, the cleaned text and the sentences) and every
          mention, relation, observation and event, whichever pass found them;
        * for every name the document's records use (mention keys, relation
          ends and conferrers, observed entities, events' participants): the
          entity it resolves to, that entity's class, and its industry concept
          if it is one (:meth:`node`, :meth:`cls_of`);
        * for a relation's object that is an industry :meth:`common` does not
          write: the quads :meth:`add_industry` writes for it (its concept,
          broader concepts and labels, which other documents' names shape);
        * for every event: the English label chosen for its first participant
          (from the names all documents give that entity);
        * for every observation: its node and whether this document is the
          one that states it first (:meth:`claim_observations`).

        Nothing else outside ``ex`` is read by :meth:`document` (the lexicon
        and the code are covered by :func:`graph.cache.mapping_version`), so
        equal keys mean equal quads. Needs :meth:`common` and
        :meth:`claim_observations` to have run, as :func:`iter_nquads` does.
        """
        import hashlib

        if self._first_stated is None:
            raise MappingError("document_key needs claim_observations() first: which document states each observation")
        doc = ex.document
        parts: list[object] = [
            (doc.sha256, doc.source, doc.encoding, doc.title, doc.authors, doc.date, doc.origin),
            ex.mentions, ex.relations, ex.observations, ex.events,
        ]
        names = {m.key for m in ex.mentions} | {ob.entity for ob in ex.observations}
        for r in ex.relations:
            names.update((r.subject, r.object))
            if r.conferrer:
                names.add(r.conferrer)
        for ev in ex.events:
            names.update(ev.involves)
        for name in sorted(names):
            key = self.resolve.get(name, name)
            rec = self.entities.get(key)
            parts.append((name, key, rec.cls if rec is not None else None, self.industries.get(key)))
        for obj in sorted({r.object for r in ex.relations}):
            if obj in self.industries and obj not in self.used_industries:
                sink = QuadSink()
                self.add_industry(sink.graph(DATA_GRAPH), obj)  # type: ignore[arg-type]
                parts.append((obj, sink.quads))
        for ev in ex.events:
            who = self.resolve.get(ev.involves[0], ev.involves[0])
            parts.append((who, self.labels(who, self.cls_of(who)).en))
        for ob in ex.observations:
            o = _observation_iri(self.node(ob.entity), _concept("indicator", ob.indicator), ob)
            parts.append((str(o), self._first_stated.get(o) == doc.sha256))
        return hashlib.sha256(repr(parts).encode("utf-8")).hexdigest()

    def document(self, ds: Dataset, ex: Extraction) -> None:
        """One document's facts (data graph) and provenance (its own named graph)."""
        entities, resolve, industries, used_industries = self.entities, self.resolve, self.industries, self.used_industries
        node, cls_of = self.node, self.cls_of
        data = ds.graph(DATA_GRAPH)
        doc = ex.document
        d = document_iri(doc.doc_id)
        prov = ds.graph(provenance_graph_iri(doc.doc_id))
        prov.add((d, RDF.type, PK.Document))
        prov.add((d, RDF.type, PROV.Entity))
        prov.add((d, DCTERMS.identifier, Literal(doc.doc_id)))
        prov.add((d, DCTERMS.source, Literal(doc.source)))
        prov.add((d, PK.sha256, Literal(doc.sha256)))
        prov.add((d, DCTERMS.language, Literal("zh")))
        prov.add((d, DCTERMS.format, Literal("text/plain")))
        if doc.title:
            prov.add((d, DCTERMS.title, _lit_zh(doc.title)))
        for a in doc.authors:
            prov.add((d, DCTERMS.creator, _lit_zh(a)))
        if doc.date:
            prov.add((d, DCTERMS.date, Literal(doc.date, datatype=XSD.date)))
        if doc.origin:
            prov.add((d, DCTERMS.publisher, Literal(doc.origin)))
        cited: dict[int, URIRef] = {}  # the sentences cited, each IRI made once
        industries_here: set[str] = set()

        def sentence(idx: int) -> URIRef:
            found = cited.get(idx)
            if found is None:
                found = cited[idx] = sentence_iri(doc.doc_id, idx)
            return found

        def span(a: int, b: int) -> tuple[Literal, Literal]:
            ra, rb = ex.clean.raw_span(a, b)
            return _integer(ra), _integer(rb)

        def cite(subject: URIRef, idx: int, a: int, b: int, rule: str, graph: Graph) -> None:
            ra, rb = span(a, b)
            graph.add((subject, PROV.wasDerivedFrom, sentence(idx)))
            graph.add((subject, PK.beginIndex, ra))
            graph.add((subject, PK.endIndex, rb))
            graph.add((subject, PK.extractionRule, _plain_literal(rule)))

        def reify(s: URIRef, p: URIRef, o: URIRef | Literal, idx: int, a: int, b: int, rule: str) -> URIRef:
            st = statement_iri("stmt", s, p, o, doc.doc_id, idx, a, b, rule)
            prov.add((st, RDF.type, RDF.Statement))
            prov.add((st, RDF.subject, s))
            prov.add((st, RDF.predicate, p))
            prov.add((st, RDF.object, o))
            prov.add((st, PROV.wasAttributedTo, PK.parkkgExtractor))
            cite(st, idx, a, b, rule, prov)
            return st

        for m in ex.mentions:
            n = node(m.key)
            rec = entities[resolve.get(m.key, m.key)]
            prov.add((n, PK.mentionedIn, sentence(m.sentence)))
            cls = PK.Industry if rec.cls == "Industry" or rec.key in industries else PK[rec.cls]
            reify(n, RDF.type, cls, m.sentence, m.start, m.end, m.rule)

        for r in ex.relations:
            if not _fits(r.predicate, cls_of(r.subject), cls_of(r.object)):
                continue
            if r.object in industries and r.object not in used_industries and r.object not in industries_here:
                # written by every document that needs it (a store keeps it once), so no
                # document's quads depend on which documents were mapped before it
                self.add_industry(data, r.object)
                industries_here.add(r.object)
            s, o = node(r.subject), node(r.object)
            p = PK[r.predicate]
            data.add((s, p, o))
            st = reify(s, p, o, r.sentence, r.start, r.end, r.rule)
            for idx in r.support:  # an end named in another sentence: it influenced the fact (one sentence is cited)
                prov.add((st, PROV.wasInfluencedBy, sentence(idx)))
            if r.inference:  # a part no sentence states: say how it was supplied
                prov.add((st, PK.inference, Literal(r.inference, lang="en")))
            if r.predicate == "receivedHonour":
                award = statement_iri("award", s, o, r.year, r.conferrer)
                data.add((s, PK.hasAward, award))
                data.add((award, RDF.type, PK.HonourAward))
                data.add((award, PK.awardedHonour, o))
                if r.year:
                    data.add((award, PK.year, _typed_literal(str(r.year), "gYear")))
                if r.conferrer:
                    data.add((award, PK.conferredBy, node(r.conferrer)))
                cite(award, r.sentence, r.start, r.end, r.rule, data)
            if r.predicate == "affiliatedWith":
                aff = statement_iri("aff", s, o, r.role)
                data.add((s, PK.hasAffiliation, aff))
                data.add((aff, RDF.type, PK.Affiliation))
                data.add((aff, PK.organization, o))
                if r.role:
                    data.add((aff, PK.roleTitle, Literal(r.role)))
                cite(aff, r.sentence, r.start, r.end, r.rule, data)

        stated_here: set[URIRef] = set()
        for ob in ex.observations:
            e = node(ob.entity)
            c = _concept("indicator", ob.indicator)
            # one figure, one observation: the same value stated twice (or in two
            # articles) gets one node, cited by every sentence that states it
            o = _observation_iri(e, c, ob)
            if self._first_stated is not None:  # claimed up front (map_in_parallel): no order between documents
                repeat = self._first_stated.get(o) != doc.sha256 or o in stated_here
                stated_here.add(o)
            else:
                repeat = o in self._observed
            if repeat:
                data.add((o, PROV.wasDerivedFrom, sentence(ob.sentence)))
                reify(o, PK.value, _typed_literal(_decimal_text(ob.value), "decimal"), ob.sentence, ob.start, ob.end, ob.rule)
                continue
            self._observed.add(o)
            data.add((o, RDF.type, PK.Observation))
            if ob.status == "target":
                data.add((o, RDF.type, PK.Target))  # a target or plan, not a measurement
            data.add((o, PK.observedEntity, e))
            data.add((o, PK.indicator, c))
            data.add((o, PK.value, _typed_literal(_decimal_text(ob.value), "decimal")))
            data.add((o, PK.unit, _plain_literal(ob.unit)))
            if ob.year:
                data.add((o, PK.year, _typed_literal(str(ob.year), "gYear")))
            if ob.period:
                data.add((o, PK.period, _plain_literal(ob.period)))
            if ob.bound:  # a stated floor or ceiling, not an exact figure
                data.add((o, RDF.type, PK.LowerBound if ob.bound == "min" else PK.UpperBound))
            cite(o, ob.sentence, ob.start, ob.end, ob.rule, data)

        for ev in ex.events:
            e = statement_iri("event", ev.event_type, ev.date, ev.year, *ev.involves)
            data.add((e, RDF.type, PK.Event))
            zh, en = EVENT_TYPES[ev.event_type]
            data.add((e, RDFS.label, _lit_zh(f"{ev.involves[0]}{zh}")))
            who = self.resolve.get(ev.involves[0], ev.involves[0])
            data.add((e, RDFS.label, Literal(f"{self.labels(who, cls_of(who)).en}: {en}", lang="en")))
            data.add((e, PK.eventType, _concept("event-type", ev.event_type)))
            if ev.date:
                data.add((e, PK.date, Literal(ev.date, datatype=XSD.date)))
            if ev.year:
                data.add((e, PK.year, _typed_literal(str(ev.year), "gYear")))
            for name in ev.involves:
                data.add((e, PK.involves, node(name)))
            cite(e, ev.sentence, ev.start, ev.end, ev.rule, data)

        by_index = {s.index: s for s in ex.sentences}
        for idx in sorted(cited):
            s = by_index[idx]
            si = cited[idx]
            ra, rb = span(s.start, s.end)
            prov.add((si, RDF.type, PK.Sentence))
            prov.add((si, RDF.type, PROV.Entity))
            prov.add((si, DCTERMS.isPartOf, d))
            prov.add((si, PK.sentenceIndex, _integer(idx)))
            prov.add((si, PK.text, Literal(s.text, lang="zh")))  # not remembered: each sentence is written once
            prov.add((si, PK.beginIndex, ra))
            prov.add((si, PK.endIndex, rb))


def to_rdf(
    extractions: Sequence[Extraction],
    indicators: dict[str, Indicator] | None = None,
    *,
    lex: Lexicon | None = None,
) -> Dataset:
    """Map extractions to a Dataset: a data graph and a provenance graph per document.

    Parameters
    ----------
    extractions : sequence of Extraction
        One per document.
    indicators : dict, optional
        Indicator concepts the observations use (id → :class:`Indicator`).

    Returns
    -------
    rdflib.Dataset

    Raises
    ------
    MappingError
        A relation or observation names an entity no mention introduced.
    """
    mapper = RdfMapper(extractions, indicators, lex=lex)
    ds = new_dataset()
    mapper.common(ds)
    for ex in extractions:
        mapper.document(ds, ex)
    return ds


class QuadSink:
    """What :class:`RdfMapper` writes, kept as a plain list of quads
    ``(subject, predicate, object, graph)``: no rdflib store, so no indexes
    to build, for quads that are only passed on (to Oxigraph). A quad may
    appear twice; a store keeps it once.

    Examples
    --------
    >>> sink = QuadSink()
    >>> sink.graph(DATA_GRAPH).add((DATA_GRAPH, RDF.type, PK.Document))
    >>> len(sink.quads), sink.quads[0][3] == DATA_GRAPH
    (1, True)
    """

    def __init__(self) -> None:
        self.quads: list[tuple[Node, Node, Node, URIRef]] = []

    def graph(self, identifier: URIRef) -> _SinkGraph:
        return _SinkGraph(self.quads.append, identifier)


class _SinkGraph:
    __slots__ = ("_append", "_graph")

    def __init__(self, append: Callable[[tuple[Node, Node, Node, URIRef]], None], graph: URIRef) -> None:
        self._append, self._graph = append, graph

    def add(self, triple: tuple[Node, Node, Node]) -> None:
        self._append((triple[0], triple[1], triple[2], self._graph))


def iter_nquads(
    extractions: Sequence[Extraction],
    indicators: dict[str, Indicator] | None = None,
    *,
    lex: Lexicon | None = None,
    documents_per_chunk: int = 200,
    workers: int = 1,
    cache: QuadsCache | None = None,
) -> Iterator[tuple[bytes, list[tuple[str, str]]]]:
    """:func:`iter_rdf`'s pieces as N-Quads, mapped by ``workers`` processes.

    Yields ``(nquads, typed)`` per piece: the piece serialised by Oxigraph
    (UTF-8 N-Quads, ready for a bulk load) and the ``(class, node)`` IRI pairs
    its data graph types, for counting. Pieces come in corpus order, and
    their union is the graph :func:`to_rdf` makes, whatever ``workers`` is.
    Several workers need the ``fork`` start method (Linux); elsewhere the
    pieces are mapped in this process.

    With a ``cache`` (:class:`graph.cache.QuadsCache`), each document's quads
    are looked up under :meth:`RdfMapper.document_key` and only the documents
    not found are mapped (and stored): the pieces read from the cache come
    first, then the corpus-wide piece, then the mapped ones; the union is the
    same graph.

    Examples
    --------
    >>> from graph import api
    >>> r = api.build_text(["广东星河新材料有限公司位于肇庆高新区。", "岭南大学位于肇庆高新区。"])
    >>> pieces = list(iter_nquads(r.extractions, r.indicators, documents_per_chunk=1, workers=2))
    >>> len(pieces), b"<https://w3id.org/parkkg/graph/data>" in pieces[1][0]
    (3, True)
    """
    mapper = RdfMapper(extractions, indicators, lex=lex, known_labels=cache.labels() if cache is not None else None)
    mapper.claim_observations(extractions)
    todo: Sequence[int] = range(len(extractions))
    keys: list[str] = []
    mapper.note_used_industries()  # what document() reads of common(): the workers fork before common() runs
    if cache is not None:
        todo = []
        # the cached pieces first, each key worked out just before its entry is read: they are loaded
        # while the later keys are made, and the corpus-wide piece after them
        yield from _cached_pieces(mapper, extractions, cache, keys, todo, documents_per_chunk)
    chunks = [todo[i : i + documents_per_chunk] for i in range(0, len(todo), documents_per_chunk)]
    common: list[tuple[bytes, list[tuple[str, str]]]] = []
    # the corpus-wide piece is made here while the workers map the first documents, and comes first;
    # the workers inherit the mapper and the extractions when they fork: nothing large is pickled
    with closing(imap_ordered(
        _map_piece if cache is None else _map_documents, chunks, workers, chunksize=1, inherit=(mapper, extractions),
        meanwhile=lambda: common.append(_common_piece(mapper)),
    )) as mapped:  # fmt: skip
        first = next(mapped, None)
        yield common.pop()  # no local keeps it (or its quads) alive while the other pieces are made
        if cache is not None and mapper.new_labels:  # rendered by common() or for the keys: kept for the next build
            cache.put_labels(mapper.known_labels)  # type: ignore[arg-type]
        results = chain(() if first is None else (first,), mapped)
        del first
        for chunk, result in zip(chunks, results):
            if cache is None:
                yield result  # type: ignore[misc]
                del result
                continue
            documents: list[tuple[bytes, list[tuple[str, str]]]] = result  # type: ignore[assignment]
            del result
            for i, (nquads, typed) in zip(chunk, documents):
                cache.put(keys[i], nquads, typed)
            piece = b"".join(d[0] for d in documents), [t for d in documents for t in d[1]]
            del documents
            yield piece
            del piece  # before the next piece is made


def _cached_pieces(
    mapper: RdfMapper,
    extractions: Sequence[Extraction],
    cache: QuadsCache,
    keys: list[str],
    misses: list[int],
    documents_per_chunk: int,
) -> Iterator[tuple[bytes, list[tuple[str, str]]]]:
    """The cached documents' quads, ``documents_per_chunk`` documents a piece, read
    one entry at a time; each document's key goes to ``keys`` and the index of
    each document not found to ``misses``."""
    nquads: list[bytes] = []
    typed: list[tuple[str, str]] = []
    for i, ex in enumerate(extractions):
        key = mapper.document_key(ex)
        keys.append(key)
        hit = cache.get(key)
        if hit is None:
            misses.append(i)
            continue
        nquads.append(hit[0])
        typed.extend(hit[1])
        if len(nquads) >= documents_per_chunk:
            yield b"".join(nquads), typed
            nquads, typed = [], []
    if nquads:
        yield b"".join(nquads), typed


def _map_documents(chunk: Sequence[int]) -> list[tuple[bytes, list[tuple[str, str]]]]:
    """Each document of a chunk mapped and serialised on its own (to be cached one by one)."""
    mapper, extractions = shared()
    out = []
    for i in chunk:
        sink = QuadSink()
        mapper.document(sink, extractions[i])  # type: ignore[arg-type]
        out.append(_serialise_piece(sink.quads))
    return out


def _map_piece(chunk: Sequence[int]) -> tuple[bytes, list[tuple[str, str]]]:
    """One piece of :func:`iter_nquads`, from the mapper and extractions it set aside (in a worker or in place)."""
    mapper, extractions = shared()
    sink = QuadSink()
    for i in chunk:
        mapper.document(sink, extractions[i])  # type: ignore[arg-type]
    return _serialise_piece(sink.quads)


def _common_piece(mapper: RdfMapper) -> tuple[bytes, list[tuple[str, str]]]:
    """The corpus-wide quads (:meth:`RdfMapper.common`) as a piece of :func:`iter_nquads`."""
    sink = QuadSink()
    mapper.common(sink)  # type: ignore[arg-type]
    return _serialise_piece(sink.quads)


def _serialise_piece(quads: list[tuple[Node, Node, Node, URIRef]]) -> tuple[bytes, list[tuple[str, str]]]:
    from graph.rdf.terms import quads_to_nquads

    rdf_type, data = str(RDF.type), str(DATA_GRAPH)  # plain str comparison: no namespace lookup per quad
    typed = [(str(o), str(s)) for s, p, o, g in quads if str.__eq__(p, rdf_type) and str.__eq__(g, data)]
    return quads_to_nquads(quads), typed


def iter_rdf(
    extractions: Sequence[Extraction],
    indicators: dict[str, Indicator] | None = None,
    *,
    lex: Lexicon | None = None,
    documents_per_chunk: int = 200,
) -> Iterator[Dataset]:
    """:func:`to_rdf` in pieces: small Datasets whose union is its Dataset.

    For corpora whose graph is too large to hold in memory at once: write
    each piece out (to an Oxigraph store, an N-Quads file) and drop it.

    Examples
    --------
    >>> from graph import api
    >>> r = api.build_text(["广东星河新材料有限公司位于肇庆高新区。", "岭南大学位于肇庆高新区。"])
    >>> pieces = list(iter_rdf(r.extractions, r.indicators, documents_per_chunk=1))
    >>> len(pieces), sum(len(p) for p in pieces) >= len(r.dataset)
    (3, True)
    """
    mapper = RdfMapper(extractions, indicators, lex=lex)
    ds = new_dataset()
    mapper.common(ds)
    yield ds
    for start in range(0, len(extractions), documents_per_chunk):
        ds = new_dataset()
        for ex in extractions[start : start + documents_per_chunk]:
            mapper.document(ds, ex)
        yield ds


def _fits(predicate: str, subject_cls: str, object_cls: str) -> bool:
    """Does a fact respect the property's domain and range (:data:`SIGNATURES`)?"""
    domain, rng = SIGNATURES.get(predicate, (None, None))
    return (domain is None or subject_cls in domain) and (rng is None or object_cls in rng)


def _observation_iri(entity: URIRef, indicator: URIRef, ob: ObservationRecord) -> URIRef:
    """One figure, one node: a target is a different statement from a measured value of the same key,
    and so is a partial-year figure (1—8月) from the year's."""
    extra = ()
    if ob.status != "measured":
        extra += (ob.status,)
    if ob.year is None and ob.period:
        extra += (ob.period,)
    return statement_iri("obs", entity, indicator, ob.year, ob.value, ob.unit, *extra)


def _decimal_text(value: Decimal) -> str:
    text = format(value, "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".") or "0"
    return text


def add_ontology(ds: Dataset, ontology: Graph, graph_iri: URIRef) -> None:
    """Copy the ontology's triples into a named graph of ``ds``."""
    g = ds.graph(graph_iri)
    for t in ontology:
        g.add(t)
