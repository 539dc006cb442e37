"""Describe a built dataset with VoID and DCAT, so catalogues and stores can list it.

The description is derived from the graph alone (titles, licence, source
documents, triple counts per graph, class and property partitions, the
vocabularies used), so the same graph always gives the same description.
A creation time is added only when ``SOURCE_DATE_EPOCH`` is set (the
reproducible-builds convention); a wall-clock time would change the bytes
of every export.
"""

from __future__ import annotations

import hashlib
import os
from collections import Counter
from collections.abc import Iterable
from datetime import datetime, timezone
from typing import Any

from rdflib import DCTERMS, RDF, XSD, Dataset, Graph, Literal, URIRef
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID
from rdflib.namespace import DCAT, PROV, VOID

from graph.vocab import BASE, DATA_GRAPH, ONTOLOGY_GRAPH, ONTOLOGY_IRI, PK, PKR, PREFIXES, bind_prefixes

__all__ = ["DATASET_IRI", "describe_dataset", "vocabularies_used"]

DATASET_IRI = URIRef(BASE + "dataset")
_TITLE = {
    "en": "parkkg: knowledge graph of an industrial park's innovation ecosystem",
    "zh": "parkkg：产业园区创新生态知识图谱",
}
_DESCRIPTION = {
    "en": (
        "Firms, universities, research institutes, government bodies, innovation platforms, honours, "
        "industries, projects and statistics of an industrial park, extracted from Chinese news text. "
        "Every fact links back to the sentence and character span it was read from."
    ),
    "zh": "从中文新闻文本中抽取的产业园区企业、高校、科研机构、政府机构、创新平台、荣誉、产业、项目与统计数据；每条事实均可追溯到来源句子与字符区间。",
}
_KEYWORDS = (("industrial park", "en"), ("innovation ecosystem", "en"), ("knowledge graph", "en"),
             ("产业园区", "zh"), ("创新生态", "zh"), ("知识图谱", "zh"))
_DEFAULT_LICENSE = URIRef("https://creativecommons.org/licenses/by/4.0/")
_IANA = "https://www.iana.org/assignments/media-types/"
_LANG_ZH = URIRef("http://id.loc.gov/vocabulary/iso639-1/zh")
_SD_NAME = URIRef("http://www.w3.org/ns/sparql-service-description#name")


def _namespace(iri: str) -> str:
    for sep in ("#", "/"):
        if sep in iri:
            head = iri.rsplit(sep, 1)[0] + sep
            if head not in ("http://", "https://"):
                return head
    return iri


def vocabularies_used(g: Graph) -> list[str]:
    """Namespaces of every predicate and class in ``g``, sorted.

    Examples
    --------
    >>> from rdflib import Graph, RDF, URIRef
    >>> g = Graph(); _ = g.add((URIRef("https://w3id.org/parkkg/id/a"), RDF.type, URIRef("https://w3id.org/parkkg/ontology#Park")))
    >>> vocabularies_used(g)
    ['http://www.w3.org/1999/02/22-rdf-syntax-ns#', 'https://w3id.org/parkkg/ontology#']
    """
    terms = set(g.predicates()) | {o for o in g.objects(None, RDF.type) if isinstance(o, URIRef)}
    return sorted({_namespace(str(t)) for t in terms})


def _slug(iri: object) -> str:
    text = str(iri)
    for prefix, ns in sorted(PREFIXES.items(), key=lambda kv: -len(kv[1])):
        if text.startswith(ns) and text[len(ns):].replace("-", "").replace("_", "").isalnum():
            return f"{prefix}-{text[len(ns):]}"
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def _graph_title(gid: object) -> Literal:
    if gid == DATA_GRAPH:
        return Literal("data: entities, relations, observations", lang="en")
    if gid == ONTOLOGY_GRAPH:
        return Literal("the parkkg ontology", lang="en")
    if str(gid).endswith("/provenance"):
        return Literal("provenance of one document: its sentences and one rdf:Statement per fact", lang="en")
    return Literal("graph", lang="en")


def _created() -> Literal | None:
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "")
    if not epoch.isdigit():
        return None
    when = datetime.fromtimestamp(int(epoch), tz=timezone.utc).replace(tzinfo=None)
    return Literal(when.isoformat(timespec="seconds"), datatype=XSD.dateTime)


def describe_dataset(
    ds: Dataset | Graph,
    *,
    distributions: Iterable[tuple[str, str, int]] = (),
    license: str | URIRef | None = None,
    dataset_iri: URIRef = DATASET_IRI,
) -> Graph:
    """A VoID + DCAT description of ``ds``.

    Parameters
    ----------
    ds : rdflib.Dataset or rdflib.Graph
        The graph as exported (counts are of what is in it).
    distributions : iterable of (file name, media type, bytes)
        The files the graph was written to; each becomes a
        ``dcat:Distribution``.
    license : IRI, optional
        Default: the licence the ontology declares.
    dataset_iri : URIRef
        The IRI of the description's dataset.

    Returns
    -------
    rdflib.Graph

    Examples
    --------
    >>> from graph import api
    >>> from rdflib.namespace import VOID
    >>> ds = api.build_text("广东星河新材料有限公司位于肇庆高新区。", validate=False).dataset
    >>> d = describe_dataset(ds)
    >>> int(d.value(DATASET_IRI, VOID.triples)) == len(ds)
    True
    """
    graphs: list[tuple[Any, Graph]]
    if isinstance(ds, Dataset):
        graphs = [(g.identifier, g) for g in ds.graphs() if len(g)]
    else:
        graphs = [(DATASET_DEFAULT_GRAPH_ID, ds)]
    union = Graph()
    for _, g in graphs:
        for t in g:
            union.add(t)

    out = bind_prefixes(Graph())
    out.bind("void", VOID)
    out.bind("dcat", DCAT)
    out.bind("sd", "http://www.w3.org/ns/sparql-service-description#")
    d = dataset_iri
    add = out.add
    add((d, RDF.type, VOID.Dataset))
    add((d, RDF.type, DCAT.Dataset))
    for lang, text in _TITLE.items():
        add((d, DCTERMS.title, Literal(text, lang=lang)))
    for lang, text in _DESCRIPTION.items():
        add((d, DCTERMS.description, Literal(text, lang=lang)))
    for word, lang in _KEYWORDS:
        add((d, DCAT.keyword, Literal(word, lang=lang)))
    if license is None:
        from graph.rdf.validate import load_ontology

        license = load_ontology().value(ONTOLOGY_IRI, DCTERMS.license) or _DEFAULT_LICENSE
    add((d, DCTERMS.license, URIRef(str(license))))
    add((d, DCTERMS.conformsTo, ONTOLOGY_IRI))
    add((d, DCTERMS.language, _LANG_ZH))
    add((d, PROV.wasAttributedTo, PK.parkkgExtractor))
    created = _created()
    if created is not None:
        add((d, DCTERMS.created, created))

    # source documents, with what the provenance graphs say about them
    for doc in sorted(set(union.subjects(RDF.type, PK.Document)), key=str):
        add((d, DCTERMS.source, doc))
        add((doc, RDF.type, PK.Document))
        for prop in (DCTERMS.title, DCTERMS.source, DCTERMS.date, PK.sha256):
            for value in union.objects(doc, prop):
                add((doc, prop, value))

    # counts
    add((d, VOID.triples, Literal(len(union))))
    add((d, VOID.distinctSubjects, Literal(len(set(union.subjects())))))
    add((d, VOID.distinctObjects, Literal(len(set(union.objects())))))
    predicates = Counter(p for _, p, _ in union)
    classes = Counter(o for _, o in union.subject_objects(RDF.type))
    add((d, VOID.properties, Literal(len(predicates))))
    add((d, VOID.classes, Literal(len(classes))))
    entities = {s for s in union.subjects() if isinstance(s, URIRef) and str(s).startswith(str(PKR))}
    add((d, VOID.entities, Literal(len(entities))))
    add((d, VOID.uriSpace, Literal(str(PKR))))
    if entities:
        add((d, VOID.exampleResource, min(entities, key=str)))
    for ns in vocabularies_used(union):
        add((d, VOID.vocabulary, URIRef(ns)))
    for cls, n in classes.items():
        part = URIRef(f"{d}#class-{_slug(cls)}")
        add((d, VOID.classPartition, part))
        add((part, VOID["class"], cls))
        add((part, VOID.entities, Literal(len(set(union.subjects(RDF.type, cls))))))
    for prop, n in predicates.items():
        part = URIRef(f"{d}#property-{_slug(prop)}")
        add((d, VOID.propertyPartition, part))
        add((part, VOID.property, prop))
        add((part, VOID.triples, Literal(n)))

    # one subset per named graph
    for gid, g in graphs:
        if gid == DATASET_DEFAULT_GRAPH_ID:
            continue
        sub = URIRef(f"{d}#graph-{hashlib.sha256(str(gid).encode('utf-8')).hexdigest()[:16]}")
        add((d, VOID.subset, sub))
        add((sub, RDF.type, VOID.Dataset))
        add((sub, _SD_NAME, gid))
        add((sub, DCTERMS.title, _graph_title(gid)))
        add((sub, VOID.triples, Literal(len(g))))

    # the files it was written to
    for name, media, size in distributions:
        dist = URIRef(f"{d}#file-{hashlib.sha256(name.encode('utf-8')).hexdigest()[:16]}")
        add((d, DCAT.distribution, dist))
        add((dist, RDF.type, DCAT.Distribution))
        add((dist, DCTERMS.title, Literal(name)))
        add((dist, DCAT.mediaType, URIRef(_IANA + media)))
        add((dist, DCAT.byteSize, Literal(size, datatype=XSD.nonNegativeInteger)))
        add((dist, DCTERMS.license, URIRef(str(license))))
    return out
