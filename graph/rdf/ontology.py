"""The ontology as an artifact of its own: files for every tool, an OWL 2 DL check, and its IRI answered.

``ontology/parkkg.ttl`` is the source. From it come

* ``ontology/parkkg.owl``, the same graph in RDF/XML, which owlready2 and
  older OWL tools read (they do not read Turtle); :func:`write_owl` makes it
  and a test keeps it isomorphic to the Turtle file;
* the ontology alone in any RDF format, with or without the SHACL shapes
  (:func:`serialize_ontology`, ``parkkg export --ontology-only``);
* the answer to a request for the ontology's IRI path, ``/ontology``
  (:func:`answer_ontology_request`): the documentation page for a browser,
  Turtle, RDF/XML, JSON-LD or N-Triples for a program, chosen by ``Accept``.

:func:`owl2_dl_problems` checks the structural rules of OWL 2 DL that a
hand-written Turtle file is most likely to break (every term one kind, every
term declared, only datatypes of the OWL 2 datatype map); the test suite also
runs the HermiT reasoner on ``parkkg.owl`` through owlready2.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from rdflib import OWL, RDF, RDFS, XSD, BNode, Graph, Literal, URIRef
from rdflib.collection import Collection

from graph._resources import ontology_dir
from graph.rdf.files import RdfFormat, negotiate, write_atomic
from graph.vocab import ONTOLOGY_IRI

__all__ = [
    "ONTOLOGY_PATH",
    "OntologyAnswer",
    "answer_ontology_request",
    "is_ontology_path",
    "label_blank_trees",
    "ontology_graph",
    "owl2_dl_problems",
    "serialize_ontology",
    "write_owl",
]

#: the path of the ontology's IRI (``https://w3id.org/parkkg/ontology``) on a parkkg server
ONTOLOGY_PATH = "/ontology"

#: the media types the ontology path offers, in the server's order of preference
MEDIA_TYPES: tuple[tuple[str, str], ...] = (
    ("text/html", "html"),
    ("application/xhtml+xml", "html"),
    ("text/turtle", "turtle"),
    ("application/x-turtle", "turtle"),
    ("application/rdf+xml", "rdfxml"),
    ("application/owl+xml", "rdfxml"),
    ("application/ld+json", "jsonld"),
    ("application/json", "jsonld"),
    ("application/n-triples", "ntriples"),
    ("text/plain", "ntriples"),
)

#: a file-like suffix on the ontology path picks the format without negotiation
_SUFFIXES = {".html": "html", ".ttl": "turtle", ".owl": "rdfxml", ".rdf": "rdfxml", ".jsonld": "jsonld", ".nt": "ntriples"}

_CONTENT_TYPES = {
    "html": "text/html; charset=utf-8",
    "turtle": "text/turtle; charset=utf-8",
    "rdfxml": "application/rdf+xml",
    "jsonld": "application/ld+json",
    "ntriples": "application/n-triples",
}


def ontology_graph(*, shapes: bool = False) -> Graph:
    """The bundled ontology (``ontology/parkkg.ttl``), with the SHACL shapes added if ``shapes``.

    Examples
    --------
    >>> from rdflib import OWL, RDF
    >>> from graph.vocab import PK
    >>> (PK.Park, RDF.type, OWL.Class) in ontology_graph()
    True
    >>> len(ontology_graph(shapes=True)) > len(ontology_graph())
    True
    """
    g = Graph()
    g.parse(ontology_dir() / "parkkg.ttl", format="turtle")
    if shapes:
        g.parse(ontology_dir() / "shapes.ttl", format="turtle")
    return g


def serialize_ontology(fmt: RdfFormat | str = RdfFormat.TURTLE, *, shapes: bool = False) -> bytes:
    """The ontology alone in ``fmt`` (deterministic bytes), with the shapes if ``shapes``.

    Examples
    --------
    >>> from rdflib import Graph
    >>> data = serialize_ontology("rdfxml")
    >>> data.startswith(b"<?xml")
    True
    >>> len(Graph().parse(data=data, format="xml")) == len(ontology_graph())
    True
    """
    from graph.rdf.export import serialize

    fmt = fmt if isinstance(fmt, RdfFormat) else RdfFormat.parse(fmt)
    if fmt.is_quads:
        raise ValueError(f"the ontology is one graph: choose a triple format, not {fmt.value}")
    g = ontology_graph(shapes=shapes)
    labelled = label_blank_trees(g) if shapes and fmt is not RdfFormat.JSONLD else None
    if labelled is None:
        return serialize(g, fmt)
    # rdflib's general canonicalisation takes half a minute on the shapes' hundreds of
    # blank nodes; they form trees, whose content hashes label them as surely
    from graph.rdf.files import serialize_ox
    from graph.rdf.terms import quads_to_ox

    return serialize_ox(list(quads_to_ox((s, p, o, None) for s, p, o in labelled)), fmt)


def label_blank_trees(g: Graph) -> Graph | None:
    """``g`` with each blank node labelled by a hash of where it hangs and what hangs below it, or None.

    It works when every blank node is the object of at most one triple and
    no blank node reaches itself (blank nodes form trees, as in SHACL shapes
    and OWL class expressions): a node's label hashes its parent's label (or
    IRI), the predicate, and the labels and values below it, so the labels do
    not depend on how ``g`` was parsed. It returns None for shared or cyclic
    blank nodes, and for two equal trees under one parent and predicate,
    which no content-derived label can tell apart.

    Examples
    --------
    >>> from rdflib import Graph
    >>> ttl = "<http://e/s> <http://e/p> [ <http://e/q> 1 ] , [ <http://e/q> 2 ] ."
    >>> a, b = Graph().parse(data=ttl, format="turtle"), Graph().parse(data=ttl, format="turtle")
    >>> set(label_blank_trees(a)) == set(label_blank_trees(b)) and len(label_blank_trees(a)) == 4
    True
    """
    import hashlib

    digest = lambda text: hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]  # noqa: E731
    parent: dict[BNode, tuple[object, object]] = {}
    for s, p, o in g:
        if isinstance(o, BNode):
            if o in parent:
                return None
            parent[o] = (s, p)
    content: dict[BNode, str] = {}
    visiting: set[BNode] = set()

    def below(node: BNode) -> str | None:
        if node in content:
            return content[node]
        if node in visiting:
            return None
        visiting.add(node)
        rows = []
        for p, o in g.predicate_objects(node):
            inner = below(o) if isinstance(o, BNode) else o.n3()
            if inner is None:
                return None
            rows.append(f"{p.n3()} {inner}")
        visiting.discard(node)
        content[node] = digest("\n".join(sorted(rows)))
        return content[node]

    labels: dict[BNode, str] = {}

    def label(node: BNode) -> str | None:
        if node not in labels:
            own = below(node)
            if own is None:
                return None
            up = parent.get(node)
            if up is None:
                labels[node] = "b" + own
            else:
                above = label(up[0]) if isinstance(up[0], BNode) else up[0].n3()  # type: ignore[attr-defined]
                if above is None:
                    return None
                labels[node] = "b" + digest(f"{above} {up[1].n3()} {own}")  # type: ignore[attr-defined]
        return labels[node]

    out = Graph()
    for s, p, o in g:
        terms = []
        for t in (s, p, o):
            if isinstance(t, BNode):
                lab = label(t)
                if lab is None:
                    return None
                t = BNode(lab)
            terms.append(t)
        out.add((terms[0], terms[1], terms[2]))
    if len(set(labels.values())) != len(labels):
        return None
    return out


def write_owl(path: str | Path | None = None) -> Path:
    """Write the ontology as RDF/XML to ``path`` (default: ``ontology/parkkg.owl`` beside the source).

    This is how ``ontology/parkkg.owl`` is made; ``parkkg export --ontology-only
    -f rdfxml -o ontology/parkkg.owl`` writes the same bytes.
    """
    target = Path(path) if path is not None else ontology_dir() / "parkkg.owl"
    data = serialize_ontology(RdfFormat.RDFXML)
    return write_atomic(target, lambda p: p.write_bytes(data))


# --------------------------------------------------------------------------- OWL 2 DL

#: the datatypes of the OWL 2 datatype map (OWL 2 Structural Specification, section 4), plus rdf:langString of RDF 1.1
OWL2_DATATYPES = frozenset(
    [RDFS.Literal, OWL.real, OWL.rational, RDF.PlainLiteral, RDF.XMLLiteral, RDF.langString]
    + [
        XSD[name]
        for name in (
            "decimal integer nonNegativeInteger nonPositiveInteger positiveInteger negativeInteger long int short byte "
            "unsignedLong unsignedInt unsignedShort unsignedByte double float string normalizedString token language "
            "Name NCName NMTOKEN boolean hexBinary base64Binary anyURI dateTime dateTimeStamp"
        ).split()
    ]
)

_KINDS = {
    OWL.Class: "class",
    RDFS.Datatype: "datatype",
    OWL.ObjectProperty: "object property",
    OWL.DatatypeProperty: "datatype property",
    OWL.AnnotationProperty: "annotation property",
    OWL.NamedIndividual: "individual",
}
#: vocabulary an OWL 2 DL ontology uses without declaring it
_BUILT_IN = (str(RDF), str(RDFS), str(OWL), str(XSD))
#: axioms whose objects must be classes (or class expressions)
_CLASS_AXIOMS = (RDFS.subClassOf, OWL.equivalentClass, OWL.disjointWith)
#: axioms whose subjects and objects must be properties
_PROPERTY_AXIOMS = (RDFS.subPropertyOf, OWL.inverseOf, OWL.equivalentProperty)


def _kinds(g: Graph) -> dict[URIRef, set[str]]:
    """Each named term and the OWL 2 kinds its declarations (and class assertions) give it."""
    kinds: dict[URIRef, set[str]] = {}
    classes = {c for c in g.subjects(RDF.type, OWL.Class)}
    for s, t in g.subject_objects(RDF.type):
        if not isinstance(s, URIRef):
            continue
        if t in _KINDS:
            kinds.setdefault(s, set()).add(_KINDS[t])
        elif t in classes:
            kinds.setdefault(s, set()).add("individual")
    return kinds


def _builtin(term: URIRef) -> bool:
    return str(term).startswith(_BUILT_IN)


def _class_terms(g: Graph, node: object) -> list[URIRef]:
    """The named classes a class expression mentions (unions and intersections opened)."""
    if isinstance(node, URIRef):
        return [node]
    if not isinstance(node, BNode):
        return []
    out: list[URIRef] = []
    for op in (OWL.unionOf, OWL.intersectionOf):
        members = g.value(node, op)
        if members is not None:
            for m in Collection(g, members):
                out.extend(_class_terms(g, m))
    for op in (OWL.complementOf, OWL.someValuesFrom, OWL.allValuesFrom):
        inner = g.value(node, op)
        if inner is not None:
            out.extend(_class_terms(g, inner))
    return out


def owl2_dl_problems(g: Graph | None = None) -> list[str]:
    """What keeps ``g`` (default: the bundled ontology) out of OWL 2 DL, as sentences; empty when none.

    Checked: every named term has exactly one kind (class, datatype, object,
    datatype or annotation property, individual: no punning); every class,
    property and datatype that an axiom uses is declared; every datatype is in
    the OWL 2 datatype map (so ``xsd:gYear`` and ``xsd:date`` are refused);
    datatype properties have datatype ranges and object properties class
    ranges. This is the part of the OWL 2 DL rules a hand-written file breaks;
    the reasoner test covers the rest.

    Examples
    --------
    >>> owl2_dl_problems()
    []
    >>> from rdflib import Graph
    >>> bad = Graph().parse(data='''
    ... @prefix owl: <http://www.w3.org/2002/07/owl#> . @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
    ... @prefix xsd: <http://www.w3.org/2001/XMLSchema#> . @prefix : <http://example.org/> .
    ... :p a owl:DatatypeProperty , owl:ObjectProperty ; rdfs:range xsd:gYear .''', format="turtle")
    >>> for line in owl2_dl_problems(bad): print(line)
    <http://example.org/p> is declared as more than one kind: datatype property, object property
    <http://example.org/p> has the range xsd:gYear, which is not in the OWL 2 datatype map
    """
    if g is None:
        g = ontology_graph()
    problems: list[str] = []
    kinds = _kinds(g)
    for term in sorted(kinds, key=str):
        if len(kinds[term]) > 1:
            problems.append(f"<{term}> is declared as more than one kind: {', '.join(sorted(kinds[term]))}")

    def need(term: object, kind: str, why: str) -> None:
        if isinstance(term, URIRef) and not _builtin(term) and kind not in kinds.get(term, set()):
            problems.append(f"<{term}> is used as {why} but not declared as {'an' if kind[0] in 'aeiou' else 'a'} {kind}")

    for p in (*_CLASS_AXIOMS, RDFS.domain):
        for s, o in g.subject_objects(p):
            if p is not RDFS.domain:
                for c in _class_terms(g, s):
                    need(c, "class", f"a class ({g.namespace_manager.normalizeUri(p)})")
            for c in _class_terms(g, o):
                need(c, "class", f"a class ({g.namespace_manager.normalizeUri(p)})")
    for p in _PROPERTY_AXIOMS:
        for s, o in g.subject_objects(p):
            for term in (s, o):
                if isinstance(term, URIRef) and not _builtin(term) and not kinds.get(term, set()) & {
                    "object property",
                    "datatype property",
                    "annotation property",
                }:
                    problems.append(f"<{term}> is used as a property ({g.namespace_manager.normalizeUri(p)}) but not declared as one")
    for s, o in g.subject_objects(RDFS.range):
        sk = kinds.get(s, set()) if isinstance(s, URIRef) else set()
        if "datatype property" in sk:
            if isinstance(o, URIRef) and o not in OWL2_DATATYPES and "datatype" not in kinds.get(o, set()):
                problems.append(f"<{s}> has the range {g.namespace_manager.normalizeUri(o)}, which is not in the OWL 2 datatype map")
        elif "object property" in sk:
            for c in _class_terms(g, o):
                need(c, "class", "the range of an object property")
    for s, p, o in g:
        if isinstance(o, Literal) and o.datatype is not None and o.datatype not in OWL2_DATATYPES:
            if "datatype" not in kinds.get(o.datatype, set()):
                problems.append(f"the literal {o.n3()} on <{s}> has a datatype outside the OWL 2 datatype map")
        if not _builtin(p) and not kinds.get(p, set()) & {"object property", "datatype property", "annotation property"}:
            problems.append(f"<{p}> is used as a property but not declared as one")
    return list(dict.fromkeys(problems))


# --------------------------------------------------------------------------- the ontology's IRI


@dataclass(frozen=True)
class OntologyAnswer:
    """An HTTP answer: status, headers and body."""

    status: int
    headers: list[tuple[str, str]]
    body: bytes


def is_ontology_path(path: str) -> bool:
    """Whether a request path names the ontology document.

    The ontology IRI ``https://w3id.org/parkkg/ontology`` and every term IRI
    (``…/ontology#Park``: the fragment never reaches the server) are the path
    ``/ontology``; ``/ontology.ttl``, ``/ontology.owl`` and the like name one
    format, and ``/ontology/<version>`` the version IRI.

    Examples
    --------
    >>> [is_ontology_path(p) for p in ("/ontology", "/ontology.ttl", "/ontology/0.2.0", "/sparql", "/ontologyx")]
    [True, True, True, False, False]
    """
    if path in (ONTOLOGY_PATH, ONTOLOGY_PATH + "/"):
        return True
    if path.startswith(ONTOLOGY_PATH + "/"):
        return True
    return any(path == ONTOLOGY_PATH + suffix for suffix in _SUFFIXES)


def choose_format(accept: str | None) -> str | None:
    """The ontology format (``html``, ``turtle``, ``rdfxml``, ``jsonld``, ``ntriples``) ``accept`` prefers, or None.

    The most specific matching range of the header sets each offer's quality;
    ties go to the server's order, which puts HTML first, so a browser (and a
    request without ``Accept``) gets the documentation page.

    Examples
    --------
    >>> choose_format("text/turtle"), choose_format(None), choose_format("application/rdf+xml;q=0.9, text/html;q=0.5")
    ('turtle', 'html', 'rdfxml')
    >>> choose_format("image/png") is None
    True
    """
    chosen = negotiate(accept, MEDIA_TYPES)
    return chosen[1] if chosen else None


@lru_cache(maxsize=8)
def _body(fmt: str) -> bytes:
    if fmt == "html":
        from graph.rdf.ontodoc import render_ontology_html

        return render_ontology_html().encode("utf-8")
    return serialize_ontology(RdfFormat.parse(fmt))


def _version() -> str:
    g = ontology_graph()
    return str(g.value(ONTOLOGY_IRI, OWL.versionInfo) or "")


def answer_ontology_request(method: str, path: str, accept: str | None) -> OntologyAnswer:
    """Answer a GET or HEAD for the ontology path: the page or the ontology, by content negotiation.

    Parameters
    ----------
    method : str
        The HTTP method; GET and HEAD are answered, others get 405.
    path : str
        The request path (:func:`is_ontology_path` is true for it).
    accept : str or None
        The ``Accept`` header.

    Returns
    -------
    OntologyAnswer
        200 with the body (HEAD: the same headers, the server drops the
        body), 404 for an unknown version or another path, 405 for another method, 406 when
        ``Accept`` allows none of the formats.

    Examples
    --------
    >>> a = answer_ontology_request("GET", "/ontology", "text/turtle")
    >>> a.status, dict(a.headers)["Content-Type"], b"owl:Ontology" in a.body
    (200, 'text/turtle; charset=utf-8', True)
    >>> answer_ontology_request("GET", "/ontology", "image/png").status
    406
    """
    text = [("Content-Type", "text/plain; charset=utf-8")]
    if not is_ontology_path(path):
        return OntologyAnswer(404, text, f"nothing at {path}; the ontology is at {ONTOLOGY_PATH}\n".encode())
    if method.upper() not in ("GET", "HEAD"):
        return OntologyAnswer(405, [*text, ("Allow", "GET, HEAD")], f"{method} is not allowed on the ontology; use GET\n".encode())
    suffix = next((s for s in _SUFFIXES if path == ONTOLOGY_PATH + s), None)
    if suffix is not None:
        fmt: str | None = _SUFFIXES[suffix]
    else:
        rest = path[len(ONTOLOGY_PATH) :].strip("/")
        if rest and rest != _version():
            msg = f"no ontology version {rest!r} here; the current version is {_version()} at {ONTOLOGY_PATH}\n"
            return OntologyAnswer(404, text, msg.encode())
        fmt = choose_format(accept)
    if fmt is None:
        offered = ", ".join(dict.fromkeys(m for m, _ in MEDIA_TYPES))
        msg = f"cannot answer the ontology in {accept!r}; acceptable: {offered}\n"
        return OntologyAnswer(406, [*text, ("Vary", "Accept")], msg.encode())
    headers = [("Content-Type", _CONTENT_TYPES[fmt]), ("Vary", "Accept"), ("Cache-Control", "max-age=3600")]
    if fmt == "html":
        headers.append(("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; img-src data:"))
    return OntologyAnswer(200, headers, _body(fmt))
