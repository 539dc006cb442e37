"""Human-readable documentation of the ontology: one self-contained HTML page.

Every class, property, individual and concept scheme of
``ontology/parkkg.ttl`` is shown with its Chinese and English labels and
comments, its domain and range, its place in the hierarchy and its
alignments with outside vocabularies (schema.org, ORG, PROV-O, FOAF, SKOS,
RDF Data Cube). It opens with the version and change notes and a class
diagram (inline SVG, :mod:`graph.rdf.ontodiagram`) and ends with a section
per SHACL shape saying what the shape requires in English and Chinese
(:mod:`graph.rdf.shapedoc`). The page has its style inline and loads
nothing: it reads the same offline, from a file or a repository browser.
``parkkg serve`` answers the ontology IRI with it (:mod:`graph.rdf.ontology`);
each term's section also carries the term's local name as its id, so a term
IRI such as ``…/ontology#Park`` lands on it.

pyLODE was considered and not used: it shows one label per term (so the
Chinese or the English label is lost), and it brings httpx, dominate,
markdown, html5lib and tqdm for what a 200-line template does here.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rdflib import DCTERMS, OWL, RDF, RDFS, SKOS, BNode, Graph, Literal, URIRef
from rdflib.collection import Collection

from graph.vocab import ONTOLOGY_IRI, PK, PREFIXES, VANN

__all__ = ["Term", "OntologyDoc", "describe_ontology", "render_ontology_html", "write_ontology_html"]

if TYPE_CHECKING:  # pragma: no cover
    from graph.rdf.shapedoc import ShapeDoc

_QB = "http://purl.org/linked-data/cube#"
_MORE_PREFIXES = {
    "sdmx-measure": "http://purl.org/linked-data/sdmx/2009/measure#",
    "nif": "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#",
    "vann": str(VANN),
}
_CHARACTERISTICS = {
    OWL.FunctionalProperty: "functional",
    OWL.SymmetricProperty: "symmetric",
    OWL.TransitiveProperty: "transitive",
}
#: the role a property plays in a Data Cube structure (qb:component / qb:dimension, ...)
_CUBE_ROLES = {"dimension": "Data Cube dimension", "measure": "Data Cube measure", "attribute": "Data Cube attribute"}


@dataclass(frozen=True)
class Term:
    """One documented term: what the template shows."""

    iri: str
    curie: str
    anchor: str
    kind: str
    labels: dict[str, str]
    comments: dict[str, list[str]]
    facts: list[tuple[str, list[str]]] = field(default_factory=list)
    fragment: str = ""  # the local name of a term in the pk: namespace (its IRI's fragment), else ""


@dataclass(frozen=True)
class OntologyDoc:
    """The ontology, arranged for the page."""

    iri: str
    version: str
    titles: dict[str, str]
    descriptions: dict[str, str]
    license: str
    prefix: str
    namespace: str
    sections: list[tuple[str, str, list[Term]]]
    prefixes: list[tuple[str, str]]
    external: list[tuple[str, str, str]]
    version_iri: str = ""
    prior_versions: list[str] = field(default_factory=list)
    change_notes: dict[str, list[str]] = field(default_factory=dict)
    diagram: str = ""
    shapes: list[ShapeDoc] = field(default_factory=list)


def _by_lang(g: Graph, s: Any, p: Any) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for o in sorted(g.objects(s, p), key=str):
        if isinstance(o, Literal):
            out.setdefault(o.language or "", []).append(str(o))
    return out


class _Namer:
    """CURIEs and links for terms, internal ones pointing at their anchors."""

    def __init__(self, g: Graph) -> None:
        self.g = g
        self.prefixes = sorted({**PREFIXES, **_MORE_PREFIXES}.items(), key=lambda kv: -len(kv[1]))

    def curie(self, iri: Any) -> str:
        text = str(iri)
        for prefix, ns in self.prefixes:
            if text.startswith(ns) and text != ns:
                return f"{prefix}:{text[len(ns):]}"
        return f"<{text}>"

    def anchor(self, iri: Any) -> str:
        return re.sub(r"[^A-Za-z0-9_-]", "-", self.curie(iri).strip("<>")).strip("-")

    def internal(self, iri: Any) -> bool:
        return (iri, RDFS.isDefinedBy, ONTOLOGY_IRI) in self.g

    def link(self, node: Any) -> str:
        """HTML for a term reference (already escaped)."""
        from markupsafe import escape

        if isinstance(node, BNode):
            members = self.g.value(node, OWL.unionOf)
            if members is not None:
                return " ∪ ".join(self.link(m) for m in Collection(self.g, members))
            return "(anonymous)"
        if isinstance(node, Literal):
            return str(escape(str(node)))
        name = escape(self.curie(node))
        if self.internal(node):
            return f'<a href="#{self.anchor(node)}"><code>{name}</code></a>'
        return f'<a class="ext" href="{escape(str(node))}"><code>{name}</code></a>'

    def links(self, nodes: Iterable[Any]) -> list[str]:
        return [self.link(n) for n in sorted(set(nodes), key=lambda n: (isinstance(n, BNode), self.curie(n)))]


def _term(g: Graph, n: _Namer, s: URIRef, kind: str, facts: list[tuple[str, list[str]]]) -> Term:
    labels = {lang: v[0] for lang, v in _by_lang(g, s, RDFS.label).items()}
    comments = _by_lang(g, s, RDFS.comment)
    fragment = str(s)[len(str(PK._NS)) :] if str(s).startswith(str(PK._NS)) else ""
    return Term(str(s), n.curie(s), n.anchor(s), kind, labels, comments, [(k, v) for k, v in facts if v], fragment)


def _classes(g: Graph, n: _Namer) -> list[Term]:
    out = []
    classes = sorted((s for s in g.subjects(RDF.type, OWL.Class) if isinstance(s, URIRef) and n.internal(s)), key=str)
    for c in classes:
        disjoint = set(g.objects(c, OWL.disjointWith)) | set(g.subjects(OWL.disjointWith, c))
        for group in g.subjects(RDF.type, OWL.AllDisjointClasses):
            members = list(Collection(g, g.value(group, OWL.members)))
            if c in members:
                disjoint.update(m for m in members if m != c)
        domain_of = [p for p, d in g.subject_objects(RDFS.domain) if d == c or _in_union(g, d, c)]
        range_of = [p for p, r in g.subject_objects(RDFS.range) if r == c or _in_union(g, r, c)]
        facts = [
            ("subclass of", n.links(g.objects(c, RDFS.subClassOf))),
            ("superclass of", n.links(g.subjects(RDFS.subClassOf, c))),
            ("in the domain of", n.links(domain_of)),
            ("in the range of", n.links(range_of)),
            ("disjoint with", n.links(disjoint)),
        ]
        out.append(_term(g, n, c, "class", facts))
    return out


def _in_union(g: Graph, node: Any, member: Any) -> bool:
    if not isinstance(node, BNode):
        return False
    members = g.value(node, OWL.unionOf)
    return members is not None and member in list(Collection(g, members))


def _properties(g: Graph, n: _Namer, kind: URIRef, label: str) -> list[Term]:
    out = []
    props = sorted((s for s in g.subjects(RDF.type, kind) if isinstance(s, URIRef) and n.internal(s)), key=str)
    for p in props:
        traits = sorted(_CHARACTERISTICS[t] for t in g.objects(p, RDF.type) if t in _CHARACTERISTICS)
        traits += sorted({label for role, label in _CUBE_ROLES.items() if (None, URIRef(_QB + role), p) in g})
        facts = [
            ("characteristics", traits),
            ("domain", n.links(g.objects(p, RDFS.domain))),
            ("range", n.links(g.objects(p, RDFS.range))),
            ("subproperty of", n.links(g.objects(p, RDFS.subPropertyOf))),
            ("superproperty of", n.links(g.subjects(RDFS.subPropertyOf, p))),
            ("inverse of", n.links(g.objects(p, OWL.inverseOf))),
            ("code list", n.links(g.objects(p, URIRef(_QB + "codeList")))),
            ("see also", n.links(g.objects(p, RDFS.seeAlso))),
        ]
        out.append(_term(g, n, p, label, facts))
    return out


def _individuals(g: Graph, n: _Namer) -> list[Term]:
    out = []
    qb = lambda local: URIRef(_QB + local)  # noqa: E731
    for s in sorted(
        (s for s in g.subjects(RDF.type, OWL.NamedIndividual) if (s, RDF.type, SKOS.ConceptScheme) not in g), key=str
    ):
        types = [t for t in g.objects(s, RDF.type) if t != OWL.NamedIndividual]
        components = []
        for comp in g.objects(s, qb("component")):
            for role in ("dimension", "measure", "attribute"):
                prop = g.value(comp, qb(role))
                if prop is not None:
                    order = g.value(comp, qb("order"))
                    required = g.value(comp, qb("componentRequired"))
                    extra = []
                    if order is not None:
                        extra.append(f"order {order}")
                    if required is not None:
                        extra.append("required" if required.toPython() else "optional")
                    suffix = f" ({', '.join(extra)})" if extra else ""
                    components.append((role, int(order) if order is not None else 99, n.link(prop) + suffix))
        rows = [f"{role}: {html}" for role, _, html in sorted(components, key=lambda c: (c[1], c[0], c[2]))]
        out.append(_term(g, n, s, "individual", [("type", n.links(types)), ("components", rows)]))
    return out


def _schemes(g: Graph, n: _Namer) -> list[Term]:
    from markupsafe import escape

    out = []
    for s in sorted(g.subjects(RDF.type, SKOS.ConceptScheme), key=str):
        if not isinstance(s, URIRef) or not n.internal(s):
            continue
        used_by = [p for p in g.subjects(URIRef(_QB + "codeList"), s)]
        pref = {lang: v[0] for lang, v in _by_lang(g, s, SKOS.prefLabel).items()}
        facts = [
            ("preferred labels", [str(escape(f"{v} ({k})")) for k, v in sorted(pref.items())]),
            ("code list of", n.links(used_by)),
        ]
        out.append(_term(g, n, s, "concept scheme", facts))
    return out


def describe_ontology(g: Graph | None = None, shapes: Graph | None = None) -> OntologyDoc:
    """Arrange the ontology (default: the bundled ``ontology/parkkg.ttl``) and the shapes
    (default: ``ontology/shapes.ttl``) for the page.

    Examples
    --------
    >>> doc = describe_ontology()
    >>> [title for title, _, _ in doc.sections]
    ['Classes', 'Object properties', 'Datatype properties', 'Individuals', 'Concept schemes']
    >>> park = next(t for t in doc.sections[0][2] if t.curie == "pk:Park")
    >>> park.labels["zh"], park.labels["en"]
    ('园区', 'Park')
    """
    if g is None:
        from graph.rdf.validate import load_ontology

        g = load_ontology()
    n = _Namer(g)
    o = ONTOLOGY_IRI
    first = lambda p: {lang: v[0] for lang, v in _by_lang(g, o, p).items()}  # noqa: E731
    sections = [
        ("Classes", "classes", _classes(g, n)),
        ("Object properties", "object-properties", _properties(g, n, OWL.ObjectProperty, "object property")),
        ("Datatype properties", "datatype-properties", _properties(g, n, OWL.DatatypeProperty, "datatype property")),
        ("Individuals", "individuals", _individuals(g, n)),
        ("Concept schemes", "concept-schemes", _schemes(g, n)),
    ]
    internal = {URIRef(t.iri) for _, _, terms in sections for t in terms}
    external = set()
    for s, p, obj in g:
        if s in internal and isinstance(obj, URIRef) and p in (RDFS.subClassOf, RDFS.subPropertyOf, OWL.inverseOf, RDFS.seeAlso):
            if not n.internal(obj):
                external.add((p, obj))
    rel_name = {RDFS.subClassOf: "superclass", RDFS.subPropertyOf: "superproperty", OWL.inverseOf: "inverse", RDFS.seeAlso: "see also"}
    ext_rows = []
    for p, obj in sorted(external, key=lambda po: (n.curie(po[1]), str(po[0]))):
        users = n.links(s for s in g.subjects(p, obj) if s in internal)
        ext_rows.append((n.link(obj), rel_name[p], ", ".join(users)))
    prefixes = sorted({**PREFIXES, **_MORE_PREFIXES}.items())
    from graph.rdf.ontodiagram import render_class_svg
    from graph.rdf.shapedoc import describe_shapes

    if shapes is None:
        from graph.rdf.validate import load_shapes

        shapes = load_shapes()
    return OntologyDoc(
        iri=str(o),
        version=str(g.value(o, OWL.versionInfo) or ""),
        titles=first(DCTERMS.title) or first(RDFS.label),
        descriptions=first(DCTERMS.description),
        license=str(g.value(o, DCTERMS.license) or ""),
        prefix=str(g.value(o, VANN.preferredNamespacePrefix) or "pk"),
        namespace=str(g.value(o, VANN.preferredNamespaceUri) or PK._NS),
        sections=sections,
        prefixes=prefixes,
        external=ext_rows,
        version_iri=str(g.value(o, OWL.versionIRI) or ""),
        prior_versions=sorted(str(v) for v in g.objects(o, OWL.priorVersion)),
        change_notes={lang: sorted(notes, reverse=True) for lang, notes in _by_lang(g, o, SKOS.changeNote).items()},
        diagram=render_class_svg(g),
        shapes=describe_shapes(shapes, g),
    )


_CURIE_IN_TEXT = re.compile(r"\bpk:([A-Za-z][A-Za-z0-9]*)")
_IRI_IN_TEXT = re.compile(r"&lt;(https://w3id\.org/parkkg/[^&\s]*)&gt;")


def _linkify(text: str) -> Any:
    """Escape a comment and turn ``pk:Term`` and parkkg IRIs in it into links."""
    from markupsafe import Markup, escape

    html = str(escape(text))
    html = _CURIE_IN_TEXT.sub(lambda m: f'<a href="#pk-{m.group(1)}"><code>pk:{m.group(1)}</code></a>', html)
    html = _IRI_IN_TEXT.sub(lambda m: f"<code>&lt;{m.group(1)}&gt;</code>", html)
    return Markup(html)


def render_ontology_html(g: Graph | None = None) -> str:
    """The documentation page as one HTML string (no scripts, no remote resources).

    Examples
    --------
    >>> html = render_ontology_html()
    >>> 'id="pk-Park"' in html and "园区" in html and "<script" not in html
    True
    """
    from importlib.resources import files

    import jinja2
    from markupsafe import Markup

    from graph import __version__

    doc = describe_ontology(g)
    source = files("graph.rdf").joinpath("templates/ontology.html.j2").read_text(encoding="utf-8")
    env = jinja2.Environment(autoescape=True, undefined=jinja2.StrictUndefined, keep_trailing_newline=True)
    env.filters["linkify"] = _linkify
    env.filters["html"] = Markup
    return env.from_string(source).render(doc=doc, version=__version__)


def write_ontology_html(path: str | Path, g: Graph | None = None) -> Path:
    """Write :func:`render_ontology_html` to ``path``, atomically."""
    from graph.rdf.files import write_atomic

    html = render_ontology_html(g).encode("utf-8")
    return write_atomic(path, lambda p: p.write_bytes(html))
