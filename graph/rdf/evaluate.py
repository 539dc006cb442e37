"""Score a built parkkg graph against a hand-written gold annotation.

The gold file (``tests/gold/*.gold.json``) lists the entities, relations and
observations an analyst extracts from one article. :func:`score` reads the
predicted facts from an RDF graph that follows ``docs/design.md`` and counts,
per category, true positives, false positives and false negatives:

* ``entity:<Class>``: one row per entity class, and ``entity:*`` ignoring the
  class (was the entity found at all?).
* ``relation:<property>``: one row per ``pk:`` relation property, plus
  ``relation:affiliatedWith+role`` which also checks the role title.
* ``observation``: matched on (entity, value, unit, year), where a figure
  with a ``pk:period`` counts as year ``None`` and a ``pk:Target`` (a target
  or plan) is neither gold nor predicted; and
  ``observation+indicator`` which also requires the indicator label to agree
  (one label contains the other).
* ``micro:entities``, ``micro:relations`` and ``micro:all``: sums of the
  per-class entity rows, of the relation rows (without the ``+role`` row),
  and of both plus ``observation``.

Matching rules
--------------
Names are compared after :func:`normalize_name` (NFKC, no whitespace, no quote
characters). A predicted node matches a gold entity when any of its names
(``rdfs:label``/``skos:prefLabel`` in Chinese or without language tag, and all
``skos:altLabel`` values; the decoded ``pkr:`` IRI when it has no label) equals
any gold name, alias or alternative name. A gold item counts once: several
predicted nodes or triples matching the same gold item are one true positive
and are reported in the ``dup`` column, not as false positives.

Examples
--------
>>> from rdflib import Graph
>>> gold = load_gold("tests/gold/qingyuan-hitech-zone-10-years.gold.json")  # doctest: +SKIP
>>> print(score(Graph().parse("parkkg.ttl"), gold).to_text())  # doctest: +SKIP
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from collections.abc import Callable, Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any
from urllib.parse import unquote

from rdflib import RDF, RDFS, ConjunctiveGraph, Graph, Literal, Namespace, URIRef
from rdflib.namespace import SKOS
from rdflib.term import Node
from rdflib.util import guess_format

from graph.vocab import ENTITY_CLASS_NAMES, RECORD_CLASS_NAMES

__all__ = [
    "PK",
    "ENTITY_CLASSES",
    "RELATION_PROPERTIES",
    "SYMMETRIC_PROPERTIES",
    "UNITS",
    "GoldEntity",
    "GoldRelation",
    "GoldObservation",
    "GoldEvent",
    "Gold",
    "CategoryScore",
    "Scores",
    "normalize_name",
    "load_gold",
    "score",
    "main",
]

PK = Namespace("https://w3id.org/parkkg/ontology#")
PKR = "https://w3id.org/parkkg/id/"

ENTITY_CLASSES: tuple[str, ...] = ENTITY_CLASS_NAMES
"""Classes a gold entity may have."""


RELATION_PROPERTIES: tuple[str, ...] = (
    "locatedIn",
    "partOf",
    "inIndustry",
    "chainLeaderOf",
    "cooperatesWith",
    "coFiledPatentWith",
    "coBuiltPlatformWith",
    "hostsPlatform",
    "receivedHonour",
    "hasCustomer",
    "subsidiaryOf",
    "affiliatedWith",
    "undertakenBy",
    "produces",
    "applicant",
    "leadingIndustry",
)
"""``pk:`` object properties scored as relations."""

SYMMETRIC_PROPERTIES = frozenset({"cooperatesWith", "coFiledPatentWith", "coBuiltPlatformWith"})
"""Relations that match in either direction."""

_COOPERATION_SUBPROPERTIES = ("coFiledPatentWith", "coBuiltPlatformWith")

UNITS = frozenset({"CNY", "USD", "tonne", "kilogram", "percent", "percentage-point", "count", "piece", "square-metre", "mu", "times"})
"""Units a gold observation may use."""

ROLE_ROW = "affiliatedWith+role"

_QUOTES = "“”‘’\"'「」《》『』〈〉"
_STRIP = re.compile("[\\s" + re.escape(_QUOTES) + "]+")


def normalize_name(text: str) -> str:
    """Normalise a name for comparison.

    Parameters
    ----------
    text : str
        A name, alias, role title or indicator label.

    Returns
    -------
    str
        The NFKC form with all whitespace and quote characters removed.

    Examples
    --------
    >>> normalize_name(" 国家级专精特新“小巨人”企业 ")
    '国家级专精特新小巨人企业'
    >>> normalize_name("华南师范大学（清远）科技创新研究院")
    '华南师范大学(清远)科技创新研究院'
    """
    return _STRIP.sub("", unicodedata.normalize("NFKC", text))


# ---------------------------------------------------------------- gold records


@dataclass(frozen=True)
class GoldEntity:
    """One annotated entity.

    Attributes
    ----------
    name : str
        Canonical (full) name.
    cls : str
        One of :data:`ENTITY_CLASSES`.
    aliases : tuple of str
        Short names the article uses.
    alt_names : tuple of str
        Other acceptable boundary variants.
    """

    name: str
    cls: str
    aliases: tuple[str, ...] = ()
    alt_names: tuple[str, ...] = ()

    @property
    def names(self) -> tuple[str, ...]:
        """The canonical name, then aliases, then alternative names."""
        return (self.name, *self.aliases, *self.alt_names)

    @property
    def keys(self) -> frozenset[str]:
        """All names after :func:`normalize_name`."""
        return frozenset(k for k in map(normalize_name, self.names) if k)


@dataclass(frozen=True)
class GoldRelation:
    """One annotated relation ``s p o`` (names as given in the gold file)."""

    s: str
    p: str
    o: str
    role: str | None = None
    evidence: str = ""


@dataclass(frozen=True)
class GoldObservation:
    """One annotated figure.

    Attributes
    ----------
    entity : str
        Name of the observed entity.
    indicator : str
        Indicator phrase as the article states it.
    year : int or None
        Reference year; ``None`` for periods and snapshots.
    value : Decimal
        Value in base units.
    unit : str
        One of :data:`UNITS`.
    evidence : str
        Substring of the cleaned article.
    period : str or None
        Free-text period when ``year`` is ``None``.
    """

    entity: str
    indicator: str
    year: int | None
    value: Decimal
    unit: str
    evidence: str = ""
    period: str | None = None


@dataclass(frozen=True)
class GoldEvent:
    """One annotated event: a type (:data:`EVENT_TYPE_SYNONYMS` maps parkkg's names), a day and who took part."""

    type: str
    date: str | None
    involves: tuple[str, ...]
    evidence: str = ""


@dataclass(frozen=True)
class Gold:
    """A whole gold annotation of one document."""

    document: str
    entities: tuple[GoldEntity, ...]
    relations: tuple[GoldRelation, ...]
    observations: tuple[GoldObservation, ...]
    events: tuple[GoldEvent, ...] = ()
    notes: tuple[str, ...] = ()
    _index: Mapping[str, int] = field(default_factory=dict, repr=False, compare=False)

    def entity_index(self, name: str) -> int:
        """Position in :attr:`entities` of the entity called ``name``.

        Parameters
        ----------
        name : str
            Canonical name, alias or alternative name.

        Raises
        ------
        KeyError
            When no gold entity has that name.
        """
        return self._index[normalize_name(name)]

    def entity(self, name: str) -> GoldEntity:
        """The gold entity called ``name`` (any of its names)."""
        return self.entities[self.entity_index(name)]


def _build_index(entities: Sequence[GoldEntity]) -> dict[str, int]:
    index: dict[str, int] = {}
    for i, ent in enumerate(entities):
        for key in ent.keys:
            if index.setdefault(key, i) != i:
                other = entities[index[key]].name
                raise ValueError(f"name {key!r} is used by both {other!r} and {ent.name!r}")
    return index


def load_gold(path: str | Path) -> Gold:
    """Read and check a gold annotation file.

    Parameters
    ----------
    path : str or Path
        A ``*.gold.json`` file (schema in ``tests/gold``).

    Returns
    -------
    Gold

    Raises
    ------
    ValueError
        When a class, property or unit is not allowed, a name is ambiguous,
        or a relation/observation names no entity.
    """
    data: dict[str, Any] = json.loads(Path(path).read_text(encoding="utf-8"))
    entities = tuple(
        GoldEntity(
            name=e["name"],
            cls=e["class"],
            aliases=tuple(e.get("aliases") or ()),
            alt_names=tuple(e.get("alt_names") or ()),
        )
        for e in data.get("entities", [])
    )
    for ent in entities:
        if ent.cls not in ENTITY_CLASSES:
            raise ValueError(f"{ent.name!r}: class {ent.cls!r} is not one of {ENTITY_CLASSES}")
    index = _build_index(entities)

    def known(name: str, where: str) -> str:
        if normalize_name(name) not in index:
            raise ValueError(f"{where}: {name!r} names no gold entity")
        return name

    relations = []
    for r in data.get("relations", []):
        if r["p"] not in RELATION_PROPERTIES:
            raise ValueError(f"relation property {r['p']!r} is not allowed")
        where = f"relation {r['s']} {r['p']} {r['o']}"
        relations.append(
            GoldRelation(known(r["s"], where), r["p"], known(r["o"], where), r.get("role"), r.get("evidence", ""))
        )
    observations = []
    for o in data.get("observations", []):
        if o["unit"] not in UNITS:
            raise ValueError(f"observation unit {o['unit']!r} is not one of {sorted(UNITS)}")
        year = o.get("year")
        observations.append(
            GoldObservation(
                entity=known(o["entity"], f"observation {o.get('indicator')}"),
                indicator=o.get("indicator", ""),
                year=None if year is None else int(year),
                value=Decimal(str(o["value"])),
                unit=o["unit"],
                evidence=o.get("evidence", ""),
                period=o.get("period"),
            )
        )
    events = tuple(
        GoldEvent(
            type=e.get("type", ""),
            date=e.get("date"),
            involves=tuple(known(n, f"event {e.get('type')}") for n in e.get("involves", ())),
            evidence=e.get("evidence", ""),
        )
        for e in data.get("events", [])
    )
    return Gold(
        document=data.get("document", ""),
        entities=entities,
        relations=tuple(relations),
        observations=tuple(observations),
        events=events,
        notes=tuple(data.get("notes", ())),
        _index=index,
    )


# ---------------------------------------------------------------- scores


@dataclass(frozen=True)
class CategoryScore:
    """Counts for one category.

    Attributes
    ----------
    category : str
        Row name, e.g. ``entity:Enterprise`` or ``relation:locatedIn``.
    tp, fp, fn : int
        True positives (gold items found), false positives (predicted items
        matching no gold item) and false negatives (gold items not found).
    duplicates : int
        Predicted items that matched an already-found gold item.
    missed, spurious : tuple of tuple of str
        Readable gold items not found / predicted items not in the gold.
    """

    category: str
    tp: int
    fp: int
    fn: int
    duplicates: int = 0
    missed: tuple[tuple[str, ...], ...] = ()
    spurious: tuple[tuple[str, ...], ...] = ()

    @property
    def gold(self) -> int:
        """Number of gold items (``tp + fn``)."""
        return self.tp + self.fn

    @property
    def predicted(self) -> int:
        """Number of distinct predicted items (``tp + fp``)."""
        return self.tp + self.fp

    @property
    def precision(self) -> float:
        """``tp / (tp + fp)``; 1.0 when nothing was predicted and nothing was due."""
        if self.tp + self.fp == 0:
            return 1.0 if self.fn == 0 else 0.0
        return self.tp / (self.tp + self.fp)

    @property
    def recall(self) -> float:
        """``tp / (tp + fn)``; 1.0 when the gold is empty and nothing was predicted."""
        if self.tp + self.fn == 0:
            return 1.0 if self.fp == 0 else 0.0
        return self.tp / (self.tp + self.fn)

    @property
    def f1(self) -> float:
        """Harmonic mean of precision and recall."""
        p, r = self.precision, self.recall
        return 0.0 if p + r == 0 else 2 * p * r / (p + r)


def _sum(category: str, rows: Iterable[CategoryScore]) -> CategoryScore:
    rows = list(rows)
    return CategoryScore(
        category,
        tp=sum(r.tp for r in rows),
        fp=sum(r.fp for r in rows),
        fn=sum(r.fn for r in rows),
        duplicates=sum(r.duplicates for r in rows),
    )


@dataclass(frozen=True)
class Scores:
    """The result of :func:`score`.

    Attributes
    ----------
    categories : tuple of CategoryScore
        Per-category rows (entities, relations, observations).
    micro : tuple of CategoryScore
        ``micro:entities``, ``micro:relations``, ``micro:all``.
    """

    categories: tuple[CategoryScore, ...]
    micro: tuple[CategoryScore, ...]

    def __getitem__(self, category: str) -> CategoryScore:
        for row in (*self.categories, *self.micro):
            if row.category == category:
                return row
        raise KeyError(category)

    def __contains__(self, category: object) -> bool:
        return any(row.category == category for row in (*self.categories, *self.micro))

    @property
    def missed(self) -> dict[str, tuple[tuple[str, ...], ...]]:
        """Gold items not found, by category (only non-empty categories)."""
        return {r.category: r.missed for r in self.categories if r.missed}

    @property
    def spurious(self) -> dict[str, tuple[tuple[str, ...], ...]]:
        """Predicted items not in the gold, by category (only non-empty categories)."""
        return {r.category: r.spurious for r in self.categories if r.spurious}

    def to_text(self, details: bool = False) -> str:
        """Format the scores as an aligned table.

        Parameters
        ----------
        details : bool
            Also list the missed and spurious items of every category.

        Returns
        -------
        str
        """
        width = max([len(r.category) for r in (*self.categories, *self.micro)] + [8])
        head = f"{'category':<{width}} {'gold':>5} {'pred':>5} {'TP':>5} {'FP':>5} {'FN':>5} {'dup':>4} {'P':>6} {'R':>6} {'F1':>6}"

        def line(r: CategoryScore) -> str:
            return (
                f"{r.category:<{width}} {r.gold:>5} {r.predicted:>5} {r.tp:>5} {r.fp:>5} {r.fn:>5} "
                f"{r.duplicates:>4} {r.precision:>6.3f} {r.recall:>6.3f} {r.f1:>6.3f}"
            )

        out = [head, "-" * len(head)]
        out += [line(r) for r in self.categories]
        out.append("-" * len(head))
        out += [line(r) for r in self.micro]
        if details:
            for title, items in (("missed", self.missed), ("spurious", self.spurious)):
                for category, rows in items.items():
                    out.append("")
                    out.append(f"{title} in {category} ({len(rows)}):")
                    out += ["  " + " | ".join(row) for row in rows]
        return "\n".join(out)


# ---------------------------------------------------------------- reading the graph


def _union(graph: Graph) -> Graph:
    """All triples of a Dataset/ConjunctiveGraph in one plain Graph."""
    if isinstance(graph, ConjunctiveGraph):
        union = Graph()
        for s, p, o, _ctx in graph.quads((None, None, None, None)):
            union.add((s, p, o))
        return union
    return graph


def _local(node: Node, base: str) -> str | None:
    text = str(node)
    return text[len(base) :] if isinstance(node, URIRef) and text.startswith(base) else None


def _chinese(lit: Node) -> bool:
    return isinstance(lit, Literal) and (lit.language is None or lit.language.lower().startswith("zh"))


class _Reader:
    """Names and display labels of the nodes of one graph."""

    def __init__(self, graph: Graph) -> None:
        self.g = graph
        self._names: dict[Node, tuple[str, ...]] = {}

    def names(self, node: Node) -> tuple[str, ...]:
        if node in self._names:
            return self._names[node]
        found: list[str] = []
        for prop in (RDFS.label, SKOS.prefLabel):
            found += [str(x) for x in self.g.objects(node, prop) if _chinese(x)]
        found += [str(x) for x in self.g.objects(node, SKOS.altLabel) if isinstance(x, Literal)]
        if not found:
            local = _local(node, PKR)
            if local is not None:
                found.append(unquote(local))
            elif isinstance(node, Literal):
                found.append(str(node))
        names = tuple(dict.fromkeys(n for n in found if n.strip()))
        self._names[node] = names
        return names

    def display(self, node: Node) -> str:
        labels = [str(x) for x in self.g.objects(node, RDFS.label) if _chinese(x)]
        if labels:
            return sorted(labels)[0]
        names = self.names(node)
        return names[0] if names else str(node)


class _Matcher:
    """Maps predicted nodes to the gold entities they name."""

    def __init__(self, gold: Gold, reader: _Reader) -> None:
        self.gold = gold
        self.reader = reader
        self._cache: dict[Node, frozenset[int]] = {}

    def __call__(self, node: Node) -> frozenset[int]:
        if node not in self._cache:
            idx = self.gold._index
            keys = map(normalize_name, self.reader.names(node))
            self._cache[node] = frozenset(idx[k] for k in keys if k in idx)
        return self._cache[node]


# ---------------------------------------------------------------- matching helpers


def _max_matching(n_gold: int, preds: Sequence[Hashable], ok: Callable[[int, int], bool]) -> dict[int, int]:
    """Maximum one-to-one matching gold→prediction (Kuhn's augmenting paths)."""
    edges = [[j for j in range(len(preds)) if ok(i, j)] for i in range(n_gold)]
    owner: dict[int, int] = {}

    def augment(i: int, seen: set[int]) -> bool:
        for j in edges[i]:
            if j in seen:
                continue
            seen.add(j)
            if j not in owner or augment(owner[j], seen):
                owner[j] = i
                return True
        return False

    for i in range(n_gold):
        augment(i, set())
    return {i: j for j, i in owner.items()}


def _score_many_to_one(
    category: str,
    gold_items: Sequence[Any],
    preds: Sequence[Any],
    ok: Callable[[Any, Any], bool],
    show_gold: Callable[[Any], tuple[str, ...]],
    show_pred: Callable[[Any], tuple[str, ...]],
    ignore: Callable[[Any], bool] = lambda _p: False,
) -> CategoryScore:
    """Gold items found by any prediction; predictions matching nothing are FP."""
    found: set[int] = set()
    duplicates = 0
    spurious: list[tuple[str, ...]] = []
    for pred in preds:
        hits = {i for i, g in enumerate(gold_items) if ok(g, pred)}
        if not hits:
            if not ignore(pred):
                spurious.append(show_pred(pred))
            continue
        if hits <= found:
            duplicates += 1
        found |= hits
    missed = [show_gold(g) for i, g in enumerate(gold_items) if i not in found]
    return CategoryScore(
        category,
        tp=len(found),
        fp=len(spurious),
        fn=len(missed),
        duplicates=duplicates,
        missed=tuple(missed),
        spurious=tuple(sorted(spurious)),
    )


def _soft_contains(a: str | None, b: str | None) -> bool:
    if not a or not b:
        return False
    x, y = normalize_name(a), normalize_name(b)
    return bool(x and y) and (x in y or y in x)


def _decimal(node: Node) -> Decimal | None:
    try:
        value = Decimal(str(node).strip())
    except (InvalidOperation, ValueError):
        return None
    return value if value.is_finite() else None


def _year(node: Node) -> int | None:
    m = re.match(r"\s*(-?\d{1,4})", str(node))
    return int(m.group(1)) if m else None


# ---------------------------------------------------------------- scoring


@dataclass(frozen=True)
class _Fact:
    s: Node
    p: str
    o: Node
    role: str | None
    gs: frozenset[int]
    go: frozenset[int]


@dataclass(frozen=True)
class _Obs:
    node: Node
    entities: frozenset[int]
    entity: str
    indicators: tuple[str, ...]
    value: Decimal | None
    unit: str | None
    year: int | None


def _unread_concept(graph: Graph, node: Node) -> bool:
    """A concept the graph holds without reading it in the text (an industry's broader concept, from the
    dictionary's hierarchy): no pk:mentionedIn, so it is no claim of the extraction to score."""
    return (node, RDF.type, SKOS.Concept) in graph and graph.value(node, PK.mentionedIn) is None


def _entity_rows(graph: Graph, gold: Gold, reader: _Reader, match: _Matcher) -> list[CategoryScore]:
    typed: dict[Node, set[str]] = {}
    for node, cls in graph.subject_objects(RDF.type):
        local = _local(cls, str(PK))
        if local and local not in RECORD_CLASS_NAMES and not _unread_concept(graph, node):  # records about entities are none
            typed.setdefault(node, set()).add(local)
    nodes = sorted(typed, key=str)
    present = {e.cls for e in gold.entities} | {c for cs in typed.values() for c in cs}
    order = {c: i for i, c in enumerate(ENTITY_CLASSES)}
    classes = sorted(present, key=lambda c: (order.get(c, len(order)), c))

    def row(category: str, cls: str | None) -> CategoryScore:
        items = [(i, e) for i, e in enumerate(gold.entities) if cls is None or e.cls == cls]
        preds = [n for n in nodes if cls is None or cls in typed[n]]
        return _score_many_to_one(
            category,
            items,
            preds,
            ok=lambda item, node: item[0] in match(node),
            show_gold=lambda item: (item[1].name, item[1].cls),
            show_pred=lambda node: (reader.display(node), ",".join(sorted(typed[node]))),
        )

    return [row(f"entity:{c}", c) for c in classes] + [row("entity:*", None)]


def _predicted_facts(graph: Graph, match: _Matcher) -> dict[str, list[_Fact]]:
    raw: dict[str, set[tuple[Node, Node, str | None]]] = {p: set() for p in RELATION_PROPERTIES}
    for prop in RELATION_PROPERTIES:
        for s, o in graph.subject_objects(PK[prop]):
            if prop in SYMMETRIC_PROPERTIES and (o, s, None) in raw[prop]:
                continue
            raw[prop].add((s, o, None))
    # qualified forms imply the plain relation
    for ent, award in graph.subject_objects(PK.hasAward):
        for honour in graph.objects(award, PK.awardedHonour):
            raw["receivedHonour"].add((ent, honour, None))
    roles: set[tuple[Node, Node, str | None]] = set()
    for person, aff in graph.subject_objects(PK.hasAffiliation):
        titles = [str(t) for t in graph.objects(aff, PK.roleTitle)] or [None]
        for org in graph.objects(aff, PK.organization):
            raw["affiliatedWith"].add((person, org, None))
            roles.update((person, org, t) for t in titles)
    facts = {p: [_Fact(s, p, o, None, match(s), match(o)) for s, o, _r in sorted(v, key=str)] for p, v in raw.items()}
    facts[ROLE_ROW] = [_Fact(s, "affiliatedWith", o, r, match(s), match(o)) for s, o, r in sorted(roles, key=str)]
    return facts


def _relation_rows(graph: Graph, gold: Gold, reader: _Reader, match: _Matcher) -> list[CategoryScore]:
    facts = _predicted_facts(graph, match)
    keyed = [(gold.entity_index(r.s), gold.entity_index(r.o), r) for r in gold.relations]
    sub_pairs = {
        frozenset((f.s, f.o)) for p in _COOPERATION_SUBPROPERTIES for f in facts[p]
    }

    def ok_for(with_role: bool) -> Callable[[tuple[int, int, GoldRelation], _Fact], bool]:
        def ok(item: tuple[int, int, GoldRelation], fact: _Fact) -> bool:
            si, oi, rel = item
            hit = si in fact.gs and oi in fact.go
            if not hit and rel.p in SYMMETRIC_PROPERTIES:
                hit = si in fact.go and oi in fact.gs
            if hit and with_role and rel.role is not None:
                hit = _soft_contains(rel.role, fact.role)
            return hit

        return ok

    def show_gold(item: tuple[int, int, GoldRelation]) -> tuple[str, ...]:
        rel = item[2]
        return (rel.s, rel.p, rel.o) + ((rel.role,) if rel.role else ())

    def show_pred(fact: _Fact) -> tuple[str, ...]:
        return (reader.display(fact.s), fact.p, reader.display(fact.o)) + ((fact.role,) if fact.role else ())

    rows = []
    for prop in (*RELATION_PROPERTIES, ROLE_ROW):
        base = "affiliatedWith" if prop == ROLE_ROW else prop
        items = [k for k in keyed if k[2].p == base]
        preds = facts[prop]
        if not items and not preds:
            continue
        ignore: Callable[[_Fact], bool] = lambda _f: False
        if prop == "cooperatesWith":
            # entailed by a more specific sub-property: neither right nor wrong
            ignore = lambda f: frozenset((f.s, f.o)) in sub_pairs  # noqa: E731
        rows.append(
            _score_many_to_one(
                f"relation:{prop}", items, preds, ok_for(prop == ROLE_ROW), show_gold, show_pred, ignore
            )
        )
    return rows


def _predicted_observations(graph: Graph, reader: _Reader, match: _Matcher) -> list[_Obs]:
    nodes = set(graph.subjects(RDF.type, PK.Observation)) | set(graph.subjects(PK.observedEntity, None))
    # a target or plan is not a measured value, and gold holds measured values only
    nodes -= set(graph.subjects(RDF.type, PK.Target))
    out = []
    for node in sorted(nodes, key=str):
        ents = list(graph.objects(node, PK.observedEntity))
        indicators: list[str] = []
        for ind in graph.objects(node, PK.indicator):
            if isinstance(ind, Literal):
                indicators.append(str(ind))
            else:
                indicators += list(reader.names(ind))
        value = next((v for v in map(_decimal, graph.objects(node, PK.value)) if v is not None), None)
        unit = next((str(u).strip() for u in graph.objects(node, PK.unit)), None)
        year = next((y for y in map(_year, graph.objects(node, PK.year)) if y is not None), None)
        if (node, PK.period, None) in graph:
            year = None  # a period figure (1—8月, 上半年, 2015—2025年) is not a calendar year's: gold gives it year null
        out.append(
            _Obs(
                node=node,
                entities=frozenset().union(*(match(e) for e in ents)) if ents else frozenset(),
                entity="/".join(sorted(reader.display(e) for e in ents)) or "?",
                indicators=tuple(dict.fromkeys(indicators)),
                value=value,
                unit=unit,
                year=year,
            )
        )
    return out


def _observation_rows(graph: Graph, gold: Gold, reader: _Reader, match: _Matcher) -> list[CategoryScore]:
    preds = _predicted_observations(graph, reader, match)
    items = [(gold.entity_index(o.entity), o) for o in gold.observations]

    def same(i: int, j: int) -> bool:
        idx, obs = items[i]
        p = preds[j]
        return idx in p.entities and p.value == obs.value and p.unit == obs.unit and p.year == obs.year

    def same_ind(i: int, j: int) -> bool:
        return same(i, j) and any(_soft_contains(items[i][1].indicator, x) for x in preds[j].indicators)

    def show_gold(obs: GoldObservation) -> tuple[str, ...]:
        return (obs.entity, obs.indicator, str(obs.year), str(obs.value), obs.unit)

    def show_pred(p: _Obs) -> tuple[str, ...]:
        return (p.entity, "/".join(p.indicators) or "?", str(p.year), str(p.value), str(p.unit))

    rows = []
    for category, ok in (("observation", same), ("observation+indicator", same_ind)):
        pairs = _max_matching(len(items), preds, ok)
        used = set(pairs.values())
        missed = tuple(show_gold(items[i][1]) for i in range(len(items)) if i not in pairs)
        spurious = tuple(sorted(show_pred(p) for j, p in enumerate(preds) if j not in used))
        rows.append(CategoryScore(category, len(pairs), len(spurious), len(missed), 0, missed, spurious))
    return rows


#: parkkg's event-type concept ids that gold annotations name differently
EVENT_TYPE_SYNONYMS: Mapping[str, str] = {"founding": "establishment"}


def _event_rows(graph: Graph, gold: Gold, reader: _Reader, match: _Matcher) -> list[CategoryScore]:
    """One row, ``event``: events matched one to one on type, date (day, or year where only a year is known) and at least one entity taking part."""
    preds = []
    for node in sorted(set(graph.subjects(RDF.type, PK.Event)), key=str):
        kind = graph.value(node, PK.eventType)
        local = unquote(str(kind).rsplit("/", 1)[-1]) if kind is not None else ""
        day = graph.value(node, PK.date) or graph.value(node, PK.year)  # gold dates an event by day, else by year
        taking_part: frozenset[int] = frozenset().union(*(match(n) for n in graph.objects(node, PK.involves)))
        preds.append((EVENT_TYPE_SYNONYMS.get(local, local), str(day) if day is not None else None, taking_part, node))
    golds = [(e, frozenset(gold.entity_index(n) for n in e.involves)) for e in gold.events]

    def ok(i: int, j: int) -> bool:
        event, who = golds[i]
        kind, day, taking_part, _ = preds[j]
        return kind == event.type and day == event.date and (not who or bool(who & taking_part))

    pairs = _max_matching(len(golds), preds, ok)
    used = set(pairs.values())
    missed = tuple((e.type, e.date or "", ",".join(e.involves)) for i, (e, _) in enumerate(golds) if i not in pairs)
    spurious = tuple(sorted((kind, day or "", reader.display(node)) for j, (kind, day, _, node) in enumerate(preds) if j not in used))
    return [CategoryScore("event", len(pairs), len(spurious), len(missed), 0, missed, spurious)]


def score(graph: Graph, gold: Gold) -> Scores:
    """Compare a built graph with a gold annotation.

    Parameters
    ----------
    graph : rdflib.Graph or rdflib.Dataset
        The predicted graph; for a Dataset (or ConjunctiveGraph) the union of
        all its named graphs is read. Reification nodes (``rdf:Statement``)
        are not facts and are ignored.
    gold : Gold
        From :func:`load_gold`.

    Returns
    -------
    Scores
        Per-category and micro-averaged counts with missed/spurious items.

    Notes
    -----
    Entities are subjects typed with a ``pk:`` class other than Observation
    (Target included), HonourAward, Affiliation, Document, Sentence, Event and
    Indicator; a SKOS concept no sentence mentions (an industry's broader
    concept, added from the dictionary's hierarchy) is not read from the text
    and is not scored.
    Relations are ``(s, pk:P, o)`` triples; ``pk:hasAward/pk:awardedHonour``
    and ``pk:hasAffiliation/pk:organization`` paths also count as
    ``receivedHonour`` / ``affiliatedWith``. A ``cooperatesWith`` triple whose
    pair is also linked by ``coFiledPatentWith`` or ``coBuiltPlatformWith``
    is treated as entailed and not counted. Role titles match when one
    contains the other after normalisation. Observations are matched one to
    one on (entity, Decimal value, unit, year). Events (row ``event``) are
    matched one to one on type, day and at least one entity taking part; they
    are not part of ``micro:all``, which keeps its earlier meaning.
    """
    g = _union(graph)
    reader = _Reader(g)
    match = _Matcher(gold, reader)
    entity_rows = _entity_rows(g, gold, reader, match)
    relation_rows = _relation_rows(g, gold, reader, match)
    observation_rows = _observation_rows(g, gold, reader, match)
    event_rows = _event_rows(g, gold, reader, match)
    ent_micro = _sum("micro:entities", (r for r in entity_rows if r.category != "entity:*"))
    rel_micro = _sum("micro:relations", (r for r in relation_rows if r.category != f"relation:{ROLE_ROW}"))
    all_micro = _sum("micro:all", (ent_micro, rel_micro, observation_rows[0]))
    return Scores(
        categories=tuple(entity_rows + relation_rows + observation_rows + event_rows),
        micro=(ent_micro, rel_micro, all_micro),
    )


# ---------------------------------------------------------------- command line


def _read_graph(path: str) -> Graph:
    fmt = guess_format(path) or "turtle"
    if fmt in {"trig", "nquads", "trix"}:
        from rdflib import Dataset

        ds = Dataset()
        ds.parse(path, format=fmt)
        return ds
    return Graph().parse(path, format=fmt)


def main(argv: Sequence[str] | None = None) -> int:
    """Command line: ``python -m graph.rdf.evaluate GRAPH GOLD [--details]``.

    Parameters
    ----------
    argv : sequence of str, optional
        Arguments (defaults to ``sys.argv[1:]``).

    Returns
    -------
    int
        Exit status (0).
    """
    parser = argparse.ArgumentParser(prog="python -m graph.rdf.evaluate", description=__doc__.splitlines()[0])
    parser.add_argument("graph", help="built graph (.ttl, .nt, .trig, .nq, .jsonld …)")
    parser.add_argument("gold", help="gold annotation (.gold.json)")
    parser.add_argument("--details", action="store_true", help="list missed and spurious items")
    args = parser.parse_args(argv)
    scores = score(_read_graph(args.graph), load_gold(args.gold))
    print(scores.to_text(details=args.details))
    return 0


if __name__ == "__main__":
    sys.exit(main())
