"""The one home of every term parkkg writes.

:class:`PK` is a closed namespace: a misspelt term raises ``AttributeError``
instead of minting a wrong IRI. ``tests/test_vocab.py`` keeps it equal to
``ontology/parkkg.ttl``. The IRI helpers build entity, concept, document and
statement IRIs exactly as ``docs/design.md`` describes.
"""

from __future__ import annotations

import hashlib
import unicodedata
from functools import lru_cache
from typing import TypeVar
from urllib.parse import quote

from rdflib import Graph, Namespace, URIRef
from rdflib.namespace import DefinedNamespace

from graph.model import ENTITY_CLASS_NAMES, ORGANIZATION_CLASS_NAMES, RECORD_CLASS_NAMES

__all__ = [
    "bind_prefixes",
    "PK",
    "ENTITY_CLASS_NAMES",
    "ORGANIZATION_CLASS_NAMES",
    "RECORD_CLASS_NAMES",
    "PKR",
    "PKC",
    "PKD",
    "PKS",
    "ORG",
    "QB",
    "SDMX_DIMENSION",
    "SCHEMA",
    "NIF",
    "VANN",
    "BASE",
    "ONTOLOGY_IRI",
    "DATA_GRAPH",
    "ONTOLOGY_GRAPH",
    "PREFIXES",
    "entity_iri",
    "concept_iri",
    "scheme_iri",
    "document_iri",
    "sentence_iri",
    "provenance_graph_iri",
    "statement_iri",
    "iri_safe",
]

BASE = "https://w3id.org/parkkg/"
ONTOLOGY_IRI = URIRef(BASE + "ontology")


class PK(DefinedNamespace):
    """parkkg ontology terms (``https://w3id.org/parkkg/ontology#``)."""

    _NS = Namespace(BASE + "ontology#")
    _fail = True

    # classes
    Park: URIRef
    Organization: URIRef
    Enterprise: URIRef
    University: URIRef
    ResearchInstitute: URIRef
    GovernmentBody: URIRef
    Platform: URIRef
    Honour: URIRef
    Industry: URIRef
    Project: URIRef
    Person: URIRef
    Product: URIRef
    Patent: URIRef
    Event: URIRef
    Observation: URIRef
    Target: URIRef  # an observation whose value is a target or plan, not a measurement
    LowerBound: URIRef  # an observation whose value is a stated floor (40多家, 3%以上)
    UpperBound: URIRef  # an observation whose value is a stated ceiling (2000万元以下)
    Indicator: URIRef
    HonourAward: URIRef
    Affiliation: URIRef
    Document: URIRef
    Sentence: URIRef
    # object properties
    locatedIn: URIRef
    partOf: URIRef
    inIndustry: URIRef
    chainLeaderOf: URIRef
    cooperatesWith: URIRef
    coFiledPatentWith: URIRef
    coBuiltPlatformWith: URIRef
    hostsPlatform: URIRef
    receivedHonour: URIRef
    hasCustomer: URIRef
    subsidiaryOf: URIRef
    affiliatedWith: URIRef
    undertakenBy: URIRef
    produces: URIRef
    applicant: URIRef
    observedEntity: URIRef
    indicator: URIRef
    leadingIndustry: URIRef
    mentionedIn: URIRef
    hasAward: URIRef
    awardedHonour: URIRef
    conferredBy: URIRef
    hasAffiliation: URIRef
    organization: URIRef
    involves: URIRef
    eventType: URIRef
    # datatype properties
    year: URIRef
    value: URIRef
    unit: URIRef
    date: URIRef
    roleTitle: URIRef
    level: URIRef
    period: URIRef
    text: URIRef
    beginIndex: URIRef
    endIndex: URIRef
    sentenceIndex: URIRef
    sha256: URIRef
    extractionRule: URIRef
    inference: URIRef
    # individuals and structures
    parkkgExtractor: URIRef
    indicatorStructure: URIRef


PKR = Namespace(BASE + "id/")
PKC = Namespace(BASE + "concept/")
PKD = Namespace(BASE + "doc/")
PKS = Namespace(BASE + "stmt/")
ORG = Namespace("http://www.w3.org/ns/org#")
QB = Namespace("http://purl.org/linked-data/cube#")
SDMX_DIMENSION = Namespace("http://purl.org/linked-data/sdmx/2009/dimension#")
SCHEMA = Namespace("https://schema.org/")
NIF = Namespace("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#")
VANN = Namespace("http://purl.org/vocab/vann/")
DATA_GRAPH = URIRef(BASE + "graph/data")
ONTOLOGY_GRAPH = URIRef(BASE + "graph/ontology")

PREFIXES: dict[str, str] = {
    "pk": str(PK._NS),
    "pkr": str(PKR),
    "pkc": str(PKC),
    "pkd": str(PKD),
    "pks": str(PKS),
    "org": str(ORG),
    "qb": str(QB),
    "sdmx-dimension": str(SDMX_DIMENSION),
    "schema": str(SCHEMA),
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "prov": "http://www.w3.org/ns/prov#",
    "dcterms": "http://purl.org/dc/terms/",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "owl": "http://www.w3.org/2002/07/owl#",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
}

G = TypeVar("G", bound=Graph)


def bind_prefixes(graph: G) -> G:
    """``graph`` (a Graph or Dataset) with every prefix of :data:`PREFIXES` bound, replacing rdflib's defaults."""
    for prefix, ns in PREFIXES.items():
        graph.bind(prefix, ns, override=True, replace=True)
    return graph


_SAFE_ASCII = "-_.~"


@lru_cache(maxsize=1 << 16)  # names recur in statement after statement and document after document
def iri_safe(name: str) -> str:
    """The IRI-safe form of a name: NFKC, no whitespace, letters and digits kept.

    Everything that is not a Unicode letter or digit (or ``-_.~``) is
    percent-encoded as UTF-8, so the result is a valid IRI path segment for
    any input.

    Examples
    --------
    >>> iri_safe("广东聚石化学股份有限公司")
    '广东聚石化学股份有限公司'
    >>> iri_safe("华南师范大学（清远）研究院")
    '华南师范大学%28清远%29研究院'
    >>> iri_safe('a<b> "c"')
    'a%3Cb%3E%22c%22'
    """
    norm = "".join(unicodedata.normalize("NFKC", name).split())
    out = []
    for ch in norm:
        cat = unicodedata.category(ch)
        if (ch.isascii() and (ch.isalnum() or ch in _SAFE_ASCII)) or (
            not ch.isascii() and cat[0] in "LN" and not (0xD800 <= ord(ch) <= 0xDFFF) and cat != "Co"
        ):
            out.append(ch)
        else:
            out.append(quote(ch, safe=""))
    return "".join(out) or "_"


def entity_iri(canonical_name: str) -> URIRef:
    """IRI of an entity from its canonical name (one entity, one IRI).

    Examples
    --------
    >>> entity_iri("清远高新技术产业开发区")
    rdflib.term.URIRef('https://w3id.org/parkkg/id/清远高新技术产业开发区')
    """
    return PKR[iri_safe(canonical_name)]


def scheme_iri(scheme: str) -> URIRef:
    """IRI of a SKOS concept scheme: ``industry``, ``indicator`` or ``event-type``."""
    return PKC[scheme]


def concept_iri(scheme: str, concept_id: str) -> URIRef:
    """IRI of a concept in a scheme, e.g. ``concept_iri("industry", "new-materials")``."""
    return PKC[f"{scheme}/" + "/".join(iri_safe(p) for p in concept_id.split("/"))]


def document_iri(doc_id: str) -> URIRef:
    return PKD[doc_id]


def sentence_iri(doc_id: str, index: int) -> URIRef:
    return PKD[f"{doc_id}/s{index}"]


def provenance_graph_iri(doc_id: str) -> URIRef:
    return PKD[f"{doc_id}/provenance"]


def statement_iri(kind: str, *parts: object) -> URIRef:
    """A stable IRI for a statement-like node from the parts that identify it."""
    digest = hashlib.sha256("\x1f".join(str(p) for p in parts).encode("utf-8")).hexdigest()[:20]
    return PKS[f"{kind}-{digest}"]
