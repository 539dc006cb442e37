"""Linked Data pages: every parkkg IRI answers at its own path on the endpoint.

``https://w3id.org/parkkg/id/X`` is served at ``/id/X`` (likewise ``/concept/``,
``/doc/`` and ``/stmt/``). A browser gets an HTML page: the labels in both
languages, the classes, every statement about the resource grouped by
property (outgoing and incoming) with links to the linked resources' pages,
the observations as one small table per indicator (a row per year), and under
each statement the sentence it was read from, the evidence span marked and
the document named and linked. A client asking for ``text/turtle``,
``application/ld+json`` or ``application/n-triples`` in ``Accept`` (or with
``?format=ttl``, ``jsonld``, ``nt``) gets the same description as RDF.

Everything is read from the store with a few bounded SPARQL queries (indexed
patterns around one IRI, each with a ``LIMIT``), never by loading the graph
into Python. The pages load nothing from elsewhere: no script at all, one
inline style whose hash is the only style the Content-Security-Policy allows.

:func:`answer` is the entry point :class:`graph.sparql.serve.SparqlApp` calls
for these paths; it also serves the network views written by ``parkkg build``
at ``/views/<name>.html`` so that the query page, the entity pages and the
views are one offline site.

Examples
--------
>>> from graph import api
>>> from graph.sparql.store import open_store
>>> store = open_store(api.build_text("广东星河新材料有限公司位于肇庆高新区。"), inference=False)
>>> page = answer(store, "GET", "/id/广东星河新材料有限公司", "text/html")
>>> page.status, page.header("Content-Type")
(200, 'text/html; charset=utf-8')
>>> "肇庆高新区" in page.body.decode("utf-8")
True
>>> answer(store, "GET", "/id/广东星河新材料有限公司", "text/turtle").header("Content-Type")
'text/turtle; charset=utf-8'
"""

from __future__ import annotations

import base64
import hashlib
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, quote, urlsplit

from rdflib import Literal, URIRef
from rdflib.namespace import RDF, RDFS, SKOS

from graph.errors import QueryError
from graph.rdf.entail import INFERRED_GRAPH
from graph.rdf.files import negotiate
from graph.sparql.query import ResultFormat, serialize_result
from graph.sparql.store import QueryTimeout, Store
from graph.vocab import BASE, PK, PKS, PREFIXES

__all__ = [
    "PAGE_ROOTS",
    "VIEW_NAMES",
    "Response",
    "ValueLink",
    "Evidence",
    "Statement",
    "ObservationRow",
    "IndicatorTable",
    "Mention",
    "ResourcePage",
    "is_page_path",
    "iri_from_path",
    "path_from_iri",
    "describe_resource",
    "render_resource",
    "answer",
]

#: The first path segments served as resource pages (each is a folder of :data:`graph.vocab.BASE`).
PAGE_ROOTS = ("id", "concept", "doc", "stmt")
#: The network views served at ``/views/<name>.html`` (the files ``parkkg build`` writes).
VIEW_NAMES = ("partnerships", "chain-leaders")

#: Rows read at most per section; past it the page says the list is cut.
MAX_STATEMENTS = 400
MAX_EVIDENCE = 600
MAX_OBSERVATIONS = 300
MAX_MENTIONS = 100
#: Sentences shown under one statement.
EVIDENCE_PER_STATEMENT = 3
#: Seconds each query may run.
QUERY_TIMEOUT = 10.0

_RDF_OFFERS: list[tuple[str, ResultFormat]] = [
    ("text/turtle", ResultFormat.TURTLE),
    ("application/ld+json", ResultFormat.JSONLD),
    ("application/n-triples", ResultFormat.NTRIPLES),
]
_FORMAT_NAMES = {
    "ttl": "text/turtle", "turtle": "text/turtle", "jsonld": "application/ld+json", "json-ld": "application/ld+json",
    "nt": "application/n-triples", "ntriples": "application/n-triples", "html": "text/html",
}  # fmt: skip
_HIDDEN_OUT = {str(PK.mentionedIn)}  # shown as the "mentioned in" section instead
_HIDDEN_IN = {str(RDF.subject), str(RDF.object), str(PK.observedEntity)}  # provenance and observations have sections


@dataclass
class Response:
    """An HTTP answer: status, headers and body (what :class:`graph.sparql.serve.SparqlApp` answers, pages included)."""

    status: int
    headers: list[tuple[str, str]] = field(default_factory=list)
    body: bytes = b""

    def header(self, name: str) -> str | None:
        """The first header called ``name`` (case-insensitive), or None."""
        return next((v for k, v in self.headers if k.lower() == name.lower()), None)


@dataclass(frozen=True)
class ValueLink:
    """A value shown on a page: a resource (with its label and local path) or a literal."""

    text: str
    iri: str = ""
    path: str | None = None
    lang: str = ""
    datatype: str = ""

    @property
    def is_resource(self) -> bool:
        return bool(self.iri)


@dataclass(frozen=True)
class Evidence:
    """A sentence a statement was read from, split around the evidence span."""

    before: str
    marked: str
    after: str
    document: ValueLink
    source: str
    rule: str
    inference: str = ""  # how a part the sentence does not state was supplied (pk:inference)


@dataclass
class Statement:
    """One triple about the page's resource (``value`` is the other end)."""

    value: ValueLink
    inferred: bool = False
    evidence: list[Evidence] = field(default_factory=list)
    more_evidence: int = 0


@dataclass(frozen=True)
class ObservationRow:
    year: str
    value: str
    unit: str
    target: bool
    evidence: tuple[Evidence, ...]
    iri: str
    path: str | None
    bound: str = ""  # "≥" for a stated floor (pk:LowerBound), "≤" for a ceiling (pk:UpperBound)


@dataclass(frozen=True)
class IndicatorTable:
    indicator: ValueLink
    rows: tuple[ObservationRow, ...]


@dataclass(frozen=True)
class Mention:
    document: ValueLink
    source: str
    sentences: int


@dataclass
class ResourcePage:
    """What a resource page shows, read from the store by :func:`describe_resource`."""

    iri: str
    labels: list[tuple[str, str]]
    alt_labels: list[tuple[str, str]]
    classes: list[ValueLink]
    outgoing: list[tuple[ValueLink, list[Statement]]]
    incoming: list[tuple[ValueLink, list[Statement]]]
    observations: list[IndicatorTable]
    mentions: list[Mention]
    type_evidence: list[Evidence]
    truncated: list[str]
    #: statements entailed by the ontology (not read from a sentence), outgoing and incoming
    entailed_out: list[tuple[ValueLink, list[Statement]]] = field(default_factory=list)
    entailed_in: list[tuple[ValueLink, list[Statement]]] = field(default_factory=list)

    @property
    def entailed_count(self) -> int:
        return sum(len(st) for _, st in self.entailed_out + self.entailed_in)

    @property
    def found(self) -> bool:
        return bool(self.outgoing or self.incoming or self.classes or self.labels or self.observations or self.entailed_count)

    def label(self, lang: str) -> str:
        return next((t for t, lg in self.labels if lg == lang), "")

    @property
    def title(self) -> str:
        return self.label("zh") or self.label("en") or next((t for t, _ in self.labels), "") or compact(self.iri)


# --------------------------------------------------------------------------- paths and IRIs


def is_page_path(path: str) -> bool:
    """Whether ``path`` (a request path) is answered by :func:`answer`.

    Examples
    --------
    >>> is_page_path("/id/%E4%B8%AD"), is_page_path("/views/partnerships.html"), is_page_path("/sparql")
    (True, True, False)
    """
    root = path.lstrip("/").split("/", 1)
    return (len(root) == 2 and root[0] in PAGE_ROOTS and bool(root[1])) or path in {f"/views/{n}.html" for n in VIEW_NAMES}


_ESCAPES = re.compile(r"(?:%[0-9A-Fa-f]{2})+")


def _kept_as_is(ch: str) -> bool:
    """Whether :func:`graph.vocab.iri_safe` leaves a non-ASCII character unescaped."""
    cat = unicodedata.category(ch)
    return cat[0] in "LN" and cat != "Co" and not (0xD800 <= ord(ch) <= 0xDFFF)


def _unescape_run(match: re.Match[str]) -> str:
    run = match.group(0)
    try:
        text = bytes.fromhex(run.replace("%", "")).decode("utf-8")
    except UnicodeDecodeError:
        return run.upper()
    return "".join(ch if not ch.isascii() and _kept_as_is(ch) else quote(ch, safe="") for ch in text)


def iri_from_path(path: str) -> str | None:
    """The IRI a request path stands for, or None when the path is not a resource page.

    A browser sends an IRI's letters as percent-encoded UTF-8; they are
    decoded back exactly where :func:`graph.vocab.iri_safe` would have kept
    them, so ``%28`` (an escaped ``(`` in the IRI) stays ``%28``.

    Examples
    --------
    >>> iri_from_path("/id/%E5%8D%8E%E5%8D%97%2528")
    'https://w3id.org/parkkg/id/华南%28'
    >>> iri_from_path("/id/华南%28")
    'https://w3id.org/parkkg/id/华南%28'
    >>> iri_from_path("/sparql") is None
    True
    """
    path = urlsplit(path).path
    try:  # a client that sent raw UTF-8 (curl with an IRI as typed): http.server read it as Latin-1
        path = path.encode("latin-1").decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        pass
    if not is_page_path(path) or path.startswith("/views/"):
        return None
    local = path.lstrip("/")
    # a browser escapes the % of an IRI's own %28 as %2528: one level of escaping comes off first
    local = re.sub(r"%25([0-9A-Fa-f]{2})", lambda m: "\x00" + m.group(1).upper(), local)
    local = _ESCAPES.sub(_unescape_run, local)
    return BASE + local.replace("\x00", "%")


def path_from_iri(iri: str) -> str | None:
    """The local path of an IRI this server has pages for (percent-encoded for an ``href``), else None.

    Examples
    --------
    >>> path_from_iri("https://w3id.org/parkkg/id/华南%28")
    '/id/华南%2528'
    >>> path_from_iri("http://example.org/x") is None
    True
    """
    if not iri.startswith(BASE):
        return None
    local = iri[len(BASE):]
    if local.split("/", 1)[0] not in PAGE_ROOTS or "/" not in local:
        return None
    # letters stay readable (a browser sends them as UTF-8 escapes); the IRI's own escapes are escaped once more
    return "/" + "".join(ch if not ch.isascii() else quote(ch, safe="/-._~") for ch in local)


def compact(iri: str) -> str:
    """``pk:locatedIn`` for an IRI in a known namespace, else the IRI.

    Examples
    --------
    >>> compact("https://w3id.org/parkkg/ontology#locatedIn")
    'pk:locatedIn'
    """
    best = ""
    for prefix, ns in PREFIXES.items():
        if iri.startswith(ns) and len(ns) > len(PREFIXES.get(best, "")):
            best = prefix
    return f"{best}:{iri[len(PREFIXES[best]):]}" if best else iri


# --------------------------------------------------------------------------- reading the store


def _iri_term(iri: str) -> str:
    if any(c in iri for c in '<>"{}|\\^`\x00 \n'):
        raise QueryError(f"cannot describe {iri!r}: it is not a valid IRI")
    return f"<{iri}>"


def _select(store: Store, text: str, limit: int) -> tuple[list[dict[str, Any]], bool]:
    result = store.query(f"{text}\nLIMIT {limit + 1}", timeout=QUERY_TIMEOUT, max_results=limit + 1)
    rows = [dict(zip(result.vars, row)) for row in result.rows]
    return rows[:limit], len(rows) > limit or result.truncated


@lru_cache(maxsize=1)
def _term_labels() -> dict[str, dict[str, str]]:
    """Labels of the ontology's classes and properties ({iri: {lang: label}})."""
    from graph.rdf.validate import load_ontology

    out: dict[str, dict[str, str]] = {}
    for s, o in load_ontology().subject_objects(RDFS.label):
        if isinstance(o, Literal):
            out.setdefault(str(s), {})[o.language or ""] = str(o)
    return out


_ONTOLOGY_NS = str(PK._NS)


def _term_link(iri: str) -> ValueLink:
    """A class or property, named in both languages, linked to its section of the ontology page (/ontology)."""
    names = _term_labels().get(iri, {})
    shown = " · ".join(dict.fromkeys(n for n in (names.get("zh"), names.get("en")) if n)) or compact(iri)
    path = "/ontology#" + iri[len(_ONTOLOGY_NS):] if iri.startswith(_ONTOLOGY_NS) else path_from_iri(iri)
    return ValueLink(shown, iri=iri, path=path)


def _labels_of(store: Store, iris: Iterable[str]) -> dict[str, str]:
    """One display label per IRI (zh first, then en, then any), read in batches."""
    wanted = sorted({i for i in iris if i.startswith(BASE)})
    rank = {"zh": 0, "en": 1}
    best: dict[str, tuple[int, str]] = {}
    for a in range(0, len(wanted), 200):
        values = " ".join(_iri_term(i) for i in wanted[a : a + 200])
        rows, _ = _select(store, f"SELECT ?x ?l WHERE {{ VALUES ?x {{ {values} }} ?x rdfs:label|skos:prefLabel ?l }}", 2000)
        for r in rows:
            lit = r["l"]
            score = rank.get(getattr(lit, "language", None) or "", 2)
            if str(r["x"]) not in best or score < best[str(r["x"])][0]:
                best[str(r["x"])] = (score, str(lit))
    labels = {k: v for k, (_, v) in best.items()}
    labels.update(_qualified_labels(store, [i for i in wanted if i not in labels and i.startswith(str(PKS))], labels))
    return labels


_QUALIFIERS = (PK.awardedHonour, PK.organization, PK.conferredBy, PK.roleTitle, PK.year)


def _qualified_labels(store: Store, nodes: list[str], labels: dict[str, str]) -> dict[str, str]:
    """Names for qualified nodes (an award, an affiliation) from what they qualify: "荣誉 · 2019"."""
    out: dict[str, str] = {}
    props = ", ".join(f"<{p}>" for p in _QUALIFIERS)
    for a in range(0, len(nodes), 200):
        values = " ".join(_iri_term(i) for i in nodes[a : a + 200])
        rows, _ = _select(
            store,
            f"SELECT ?x ?p ?o ?l WHERE {{ VALUES ?x {{ {values} }} ?x ?p ?o FILTER(?p IN ({props})) "
            "OPTIONAL { ?o rdfs:label ?l FILTER(LANG(?l) = 'zh') } }",
            2000,
        )
        parts: dict[str, dict[str, str]] = {}
        for r in rows:
            parts.setdefault(str(r["x"]), {})[str(r["p"])] = str(r.get("l") or labels.get(str(r["o"])) or r["o"])
        for node, found in parts.items():
            out[node] = " · ".join(found[str(p)] for p in _QUALIFIERS if str(p) in found)
    return out


def _value(term: Any, labels: dict[str, str]) -> ValueLink:
    if isinstance(term, URIRef):
        iri = str(term)
        if iri in _term_labels():
            return _term_link(iri)
        return ValueLink(labels.get(iri) or compact(iri), iri=iri, path=path_from_iri(iri))
    if isinstance(term, Literal):
        return ValueLink(str(term), lang=term.language or "", datatype=compact(str(term.datatype)) if term.datatype else "")
    return ValueLink(str(term))


def _split(text: str, sentence_span: tuple[int, int], span: tuple[int, int], words: Sequence[str]) -> tuple[str, str, str]:
    """The sentence around its evidence: by the raw offsets when the sentence kept its raw
    length (cleaning changed nothing inside it), else around the first of ``words`` found."""
    sb, se = sentence_span
    b, e = span
    if se - sb == len(text) and sb <= b < e <= se:
        return text[: b - sb], text[b - sb : e - sb], text[e - sb :]
    for w in words:
        if w and w in text:
            i = text.index(w)
            return text[:i], w, text[i + len(w) :]
    return text, "", ""


def _int(term: Any) -> int:
    try:
        return int(str(term))
    except (TypeError, ValueError):
        return -1


_EVIDENCE = """
SELECT ?s ?p ?o ?b ?e ?text ?sb ?se ?doc ?title ?src ?rule ?inference WHERE {{
  {find}
  ?st rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ; prov:wasDerivedFrom ?sent ;
      pk:beginIndex ?b ; pk:endIndex ?e ; pk:extractionRule ?rule .
  OPTIONAL {{ ?st pk:inference ?inference }}
  {filter}
  ?sent pk:text ?text ; pk:beginIndex ?sb ; pk:endIndex ?se ; dcterms:isPartOf ?doc .
  OPTIONAL {{ ?doc dcterms:title ?title }}
  OPTIONAL {{ ?doc dcterms:source ?src }}
}}"""


def _evidence(store: Store, x: str, labels: dict[str, str], words_of: Any, *, types: bool) -> tuple[dict[tuple[str, str, str], list[Evidence]], bool]:
    if types:  # the class statements, one per mention: read by their (subject, predicate) index
        find, flt = f"?st rdf:subject {x} ; rdf:predicate rdf:type .", ""
    else:
        find, flt = f"{{ ?st rdf:subject {x} }} UNION {{ ?st rdf:object {x} }}", "FILTER(?p != rdf:type)"
    # a few sentences for the class (any; no ORDER BY, so the engine stops after them), all for the relations
    order = "" if types else "\nORDER BY ?doc ?sb ?b"
    rows, cut = _select(store, _EVIDENCE.format(find=find, filter=flt) + order, EVIDENCE_PER_STATEMENT * 3 if types else MAX_EVIDENCE)
    out: dict[tuple[str, str, str], list[Evidence]] = {}
    seen: set[tuple[str, str, str, str, int]] = set()
    for r in rows:
        key = (str(r["s"]), str(r["p"]), str(r["o"]))
        dedup = (*key, str(r["doc"]), _int(r["sb"]))  # one sentence once, whichever rules read it
        if dedup in seen:
            continue
        seen.add(dedup)
        before, marked, after = _split(str(r["text"]), (_int(r["sb"]), _int(r["se"])), (_int(r["b"]), _int(r["e"])), words_of(key))
        doc = str(r["doc"])
        title = str(r["title"]) if r.get("title") is not None else labels.get(doc, "") or compact(doc)
        out.setdefault(key, []).append(
            Evidence(before, marked, after, ValueLink(title, iri=doc, path=path_from_iri(doc)), str(r.get("src") or ""), str(r["rule"]),
                     str(r.get("inference") or ""))
        )
    return out, cut


def describe_resource(store: Store, iri: str) -> ResourcePage:
    """Read what a resource page shows from ``store`` (bounded queries around one IRI).

    Raises
    ------
    QueryTimeout
        A query ran past :data:`QUERY_TIMEOUT`.

    Examples
    --------
    >>> from graph import api
    >>> from graph.sparql.store import open_store
    >>> store = open_store(api.build_text("广东星河新材料有限公司位于肇庆高新区。"), inference=False)
    >>> page = describe_resource(store, "https://w3id.org/parkkg/id/广东星河新材料有限公司")
    >>> [(p.text, [s.value.text for s in st]) for p, st in page.outgoing if p.iri.endswith("locatedIn")]
    [('位于 · located in', ['肇庆高新技术产业开发区'])]
    """
    x = _iri_term(iri)
    truncated: list[str] = []
    out_rows, cut = _select(
        store,
        f"SELECT ?p ?o ?inf WHERE {{ {x} ?p ?o OPTIONAL {{ GRAPH <{INFERRED_GRAPH}> {{ {x} ?p ?o }} BIND(true AS ?inf) }} }} ORDER BY ?p ?o",
        MAX_STATEMENTS,
    )
    if cut:
        truncated.append("statements")
    hidden_in = ", ".join(f"<{p}>" for p in sorted(_HIDDEN_IN))
    in_rows, cut = _select(
        store,
        f"SELECT ?s ?p ?inf WHERE {{ ?s ?p {x} FILTER(?p NOT IN ({hidden_in})) "
        f"OPTIONAL {{ GRAPH <{INFERRED_GRAPH}> {{ ?s ?p {x} }} BIND(true AS ?inf) }} }} ORDER BY ?p ?s",
        MAX_STATEMENTS,
    )
    if cut:
        truncated.append("incoming statements")
    obs_rows, cut = _select(
        store,
        f"""SELECT ?obs ?ind ?value ?unit ?year ?period ?target ?floor ?ceiling WHERE {{
          ?obs pk:observedEntity {x} ; pk:indicator ?ind ; pk:value ?value .
          OPTIONAL {{ ?obs pk:unit ?unit }} OPTIONAL {{ ?obs pk:year ?year }} OPTIONAL {{ ?obs pk:period ?period }}
          OPTIONAL {{ ?obs a pk:Target BIND(true AS ?target) }}
          OPTIONAL {{ ?obs a pk:LowerBound BIND(true AS ?floor) }} OPTIONAL {{ ?obs a pk:UpperBound BIND(true AS ?ceiling) }}
        }} ORDER BY ?ind ?year ?obs""",
        MAX_OBSERVATIONS,
    )
    if cut:
        truncated.append("observations")
    mention_rows, cut = _select(
        store,
        f"""SELECT ?doc (COUNT(DISTINCT ?sent) AS ?n) (SAMPLE(?src) AS ?source) WHERE {{
          {x} pk:mentionedIn ?sent . ?sent dcterms:isPartOf ?doc . OPTIONAL {{ ?doc dcterms:source ?src }}
        }} GROUP BY ?doc ORDER BY DESC(?n) ?doc""",
        MAX_MENTIONS,
    )
    if cut:
        truncated.append("documents")

    linked = {str(r["o"]) for r in out_rows if isinstance(r["o"], URIRef)} | {str(r["s"]) for r in in_rows}
    linked |= {str(r["ind"]) for r in obs_rows} | {str(r["doc"]) for r in mention_rows} | {iri}
    labels = _labels_of(store, linked)

    def words_of(key: tuple[str, str, str]) -> list[str]:
        s, _, o = key
        return [labels.get(o, "") if o != iri else "", labels.get(s, "") if s != iri else "", labels.get(iri, "")]

    evidence, cut = _evidence(store, x, labels, words_of, types=False)
    if cut:
        truncated.append("evidence sentences")
    type_evidence, _ = _evidence(store, x, labels, words_of, types=True)

    page_labels: list[tuple[str, str]] = []
    alt_labels: list[tuple[str, str]] = []
    classes: list[ValueLink] = []
    outgoing: dict[str, list[Statement]] = {}
    for r in out_rows:
        p, o = str(r["p"]), r["o"]
        if p in (str(RDFS.label), str(SKOS.prefLabel)) and isinstance(o, Literal):
            page_labels.append((str(o), o.language or ""))
            continue
        if p == str(SKOS.altLabel) and isinstance(o, Literal):
            alt_labels.append((str(o), o.language or ""))
            continue
        if p == str(RDF.type) and isinstance(o, URIRef):
            if r.get("inf") is None:
                classes.append(_value(o, labels))
            continue
        if p in _HIDDEN_OUT:
            continue
        found = evidence.get((iri, p, str(o)), [])
        outgoing.setdefault(p, []).append(
            Statement(_value(o, labels), r.get("inf") is not None, found[:EVIDENCE_PER_STATEMENT], max(0, len(found) - EVIDENCE_PER_STATEMENT))
        )
    if not classes:  # only entailed types (a store without asserted ones): show those
        classes = [_value(r["o"], labels) for r in out_rows if str(r["p"]) == str(RDF.type) and isinstance(r["o"], URIRef)]
    incoming: dict[str, list[Statement]] = {}
    for r in in_rows:
        p, s = str(r["p"]), r["s"]
        found = evidence.get((str(s), p, iri), [])
        incoming.setdefault(p, []).append(
            Statement(_value(s, labels), r.get("inf") is not None, found[:EVIDENCE_PER_STATEMENT], max(0, len(found) - EVIDENCE_PER_STATEMENT))
        )

    tables: dict[str, list[ObservationRow]] = {}
    obs_evidence = _observation_evidence(store, [str(r["obs"]) for r in obs_rows], labels)
    for r in obs_rows:
        year = str(r["year"]) if r.get("year") is not None else str(r.get("period") or "")
        value = str(r["value"])
        tables.setdefault(str(r["ind"]), []).append(
            ObservationRow(year, value, str(r.get("unit") or ""), r.get("target") is not None,
                           tuple(obs_evidence.get(str(r["obs"]), [])[:EVIDENCE_PER_STATEMENT]), str(r["obs"]), path_from_iri(str(r["obs"])),
                           "≥" if r.get("floor") is not None else "≤" if r.get("ceiling") is not None else "")
        )  # fmt: skip
    mentions = [
        Mention(_value(r["doc"], labels), str(r.get("source") or ""), _int(r["n"]))
        for r in mention_rows
    ]

    def grouped(d: dict[str, list[Statement]], inferred: bool) -> list[tuple[ValueLink, list[Statement]]]:
        keep = {p: [st for st in d[p] if st.inferred == inferred] for p in d}
        return [(_term_link(p), keep[p]) for p in sorted(d, key=lambda p: (compact(p) != "rdf:type", compact(p))) if keep[p]]

    return ResourcePage(
        iri=iri,
        labels=sorted(set(page_labels), key=lambda t: ({"zh": 0, "en": 1}.get(t[1], 2), t[0])),
        alt_labels=sorted(set(alt_labels)),
        classes=sorted(set(classes), key=lambda c: c.text),
        outgoing=grouped(outgoing, False),
        incoming=grouped(incoming, False),
        entailed_out=grouped(outgoing, True),
        entailed_in=grouped(incoming, True),
        observations=[IndicatorTable(_value(URIRef(i), labels), tuple(rows)) for i, rows in tables.items()],
        mentions=mentions,
        type_evidence=next(iter(type_evidence.values()), [])[:EVIDENCE_PER_STATEMENT],
        truncated=truncated,
    )


def _observation_evidence(store: Store, observations: list[str], labels: dict[str, str]) -> dict[str, list[Evidence]]:
    """The sentences each observation was derived from (its own offsets mark the first)."""
    out: dict[str, list[Evidence]] = {}
    for a in range(0, len(observations), 100):
        values = " ".join(_iri_term(o) for o in observations[a : a + 100])
        rows, _ = _select(
            store,
            f"""SELECT ?obs ?b ?e ?text ?sb ?se ?doc ?title ?src ?rule WHERE {{
              VALUES ?obs {{ {values} }}
              # every observation has its offsets and rule (the shapes require them); OPTIONALs here made
              # Oxigraph read those of every observation
              ?obs prov:wasDerivedFrom ?sent ; pk:beginIndex ?b ; pk:endIndex ?e ; pk:extractionRule ?rule .
              ?sent pk:text ?text ; pk:beginIndex ?sb ; pk:endIndex ?se ; dcterms:isPartOf ?doc .
              OPTIONAL {{ ?doc dcterms:title ?title }} OPTIONAL {{ ?doc dcterms:source ?src }}
            }} ORDER BY ?obs ?doc ?sb""",
            1000,
        )
        for r in rows:
            before, marked, after = _split(str(r["text"]), (_int(r["sb"]), _int(r["se"])), (_int(r.get("b")), _int(r.get("e"))), ())
            doc = str(r["doc"])
            title = str(r["title"]) if r.get("title") is not None else compact(doc)
            out.setdefault(str(r["obs"]), []).append(
                Evidence(before, marked, after, ValueLink(title, iri=doc, path=path_from_iri(doc)), str(r.get("src") or ""), str(r.get("rule") or ""))
            )
    return out


def _describe_rdf(store: Store, iri: str, fmt: ResultFormat) -> bytes:
    """The resource's triples (outgoing, incoming, its observations) in ``fmt``."""
    x = _iri_term(iri)
    query = f"""CONSTRUCT {{ {x} ?p ?o . ?s ?q {x} . ?obs ?op ?ov }} WHERE {{
      {{ {x} ?p ?o }} UNION {{ ?s ?q {x} FILTER(?q NOT IN (rdf:subject, rdf:object)) }}
      UNION {{ ?obs pk:observedEntity {x} ; ?op ?ov }}
    }}"""
    result = store.query(query, timeout=QUERY_TIMEOUT, max_results=20 * MAX_STATEMENTS)
    return serialize_result(result, fmt)


# --------------------------------------------------------------------------- HTML


def _templates_dir() -> Path:
    return Path(__file__).resolve().parent / "templates"


@lru_cache(maxsize=1)
def _environment() -> Any:
    import jinja2

    return jinja2.Environment(loader=jinja2.FileSystemLoader(str(_templates_dir())), autoescape=True, keep_trailing_newline=True)


@lru_cache(maxsize=1)
def _style() -> str:
    return (_templates_dir() / "resource.css").read_text(encoding="utf-8")


def content_security_policy() -> str:
    """The pages' policy: no script, no request, only the page's own style (by hash)."""
    digest = base64.b64encode(hashlib.sha256(_style().encode("utf-8")).digest()).decode("ascii")
    return (
        f"default-src 'none'; style-src 'sha256-{digest}'; img-src data:; base-uri 'none'; "
        "form-action 'none'; frame-ancestors 'none'"
    )


def _views_here(views_dir: Path | None) -> list[tuple[str, str]]:
    if views_dir is None:
        return []
    titles = {"partnerships": "合作网络 · partnerships", "chain-leaders": "链主企业网络 · chain leaders"}
    return [(n, titles[n]) for n in VIEW_NAMES if (views_dir / f"{n}.html").is_file()]


def render_resource(page: ResourcePage, *, views: Sequence[tuple[str, str]] = (), status: int = 200) -> str:
    """The HTML of a resource page (everything escaped; no script)."""
    focus = quote(page.iri, safe="")
    return _environment().get_template("resource.html").render(
        page=page, style=_style(), views=views, focus=focus, status=status,
        turtle_href="?format=ttl", jsonld_href="?format=jsonld",
    )  # fmt: skip


# --------------------------------------------------------------------------- answering requests


def find_views_dir(store: Store) -> Path | None:
    """Where the network views of the served graph are: beside an on-disk store, else ``out/``."""
    inner = getattr(store, "inner", store)  # the store an IsolatedStore (queries in worker processes) wraps
    path = getattr(store, "path", None) or getattr(inner, "path", None)
    candidates = [Path(path).parent, Path(path)] if path else []
    candidates.append(Path("out"))
    return next((c for c in candidates if any((c / f"{n}.html").is_file() for n in VIEW_NAMES)), None)


def _text(status: int, message: str, extra: Iterable[tuple[str, str]] = ()) -> Response:
    return Response(status, [("Content-Type", "text/plain; charset=utf-8"), *extra], (message + "\n").encode("utf-8"))


def answer(store: Store, method: str, target: str, accept: str | None, *, views_dir: Path | None = None) -> Response:
    """Answer a request for a resource page or a network view.

    Parameters
    ----------
    store : Store
        The served graph.
    method : str
        ``GET`` or ``HEAD`` (others get 405).
    target : str
        The request target: ``/id/…`` (or ``/concept/``, ``/doc/``,
        ``/stmt/``), optionally with ``?format=ttl|jsonld|nt|html``; or
        ``/views/<name>.html``.
    accept : str or None
        The ``Accept`` header: HTML, Turtle, JSON-LD or N-Triples.
    views_dir : Path, optional
        Folder of the network views; default :func:`find_views_dir`.

    Returns
    -------
    Response
        404 for a resource the graph says nothing about, 406 for a media
        type none of the four, 503 when a query runs past its limit.
    """
    method = method.upper()
    if method not in ("GET", "HEAD"):
        return _text(405, f"{method} is not allowed on a resource page; use GET", [("Allow", "GET, HEAD")])
    parts = urlsplit(target)
    views_dir = views_dir if views_dir is not None else find_views_dir(store)
    if parts.path.startswith("/views/"):
        return _view(parts.path, views_dir)
    iri = iri_from_path(parts.path)
    if iri is None:
        return _text(404, f"nothing at {parts.path}")
    wanted = parse_qs(parts.query).get("format", [""])[-1].lower()
    offers = ["text/html", "application/xhtml+xml", *(m for m, _ in _RDF_OFFERS)]
    chosen = negotiate(accept, [(m, m) for m in offers])
    media = _FORMAT_NAMES.get(wanted) or (chosen[0] if chosen else None)
    vary = [("Vary", "Accept")]
    if media is None:
        return _text(406, f"{compact(iri)} is available as text/html, text/turtle, application/ld+json or application/n-triples, not {accept!r}", vary)
    try:
        if media in ("text/html", "application/xhtml+xml"):
            page = describe_resource(store, iri)
            status = 200 if page.found else 404
            html = render_resource(page, views=_views_here(views_dir), status=status)
            headers = [("Content-Type", "text/html; charset=utf-8"), ("Content-Security-Policy", content_security_policy()),
                       ("Cache-Control", "no-cache"), *vary,
                       ("Link", f'<{quote(path_from_iri(iri) or "", safe="/%")}?format=ttl>; rel="alternate"; type="text/turtle"')]  # fmt: skip
            return Response(status, headers, html.encode("utf-8"))
        fmt = dict(_RDF_OFFERS)[media]
        body = _describe_rdf(store, iri, fmt)
    except QueryTimeout:
        return _text(503, f"describing {compact(iri)} ran past the time limit of {QUERY_TIMEOUT:g} s; try again", [("Retry-After", "5")])
    except QueryError as exc:
        return _text(400, str(exc))
    if not body.strip() or (fmt is ResultFormat.JSONLD and body.strip() in (b"[]", b"{}")):
        return _text(404, f"the graph says nothing about {iri}; look it up on the query page (/)", vary)
    charset = "; charset=utf-8" if media != "application/n-triples" else ""
    return Response(200, [("Content-Type", media + charset), ("Cache-Control", "no-cache"), *vary], body)


def _view(path: str, views_dir: Path | None) -> Response:
    name = path[len("/views/"):].removesuffix(".html")
    file = views_dir / f"{name}.html" if views_dir is not None else None
    if name not in VIEW_NAMES or file is None or not file.is_file():
        return _text(404, f"no network view {name!r} beside the served graph; write the views with `parkkg build` (or `parkkg viz`)")
    return Response(200, [("Content-Type", "text/html; charset=utf-8"), ("Cache-Control", "no-cache")], file.read_bytes())
