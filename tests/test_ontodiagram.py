"""graph.rdf.ontodiagram: the class diagram shows every class, its subclass and alignment edges, and no box overlaps."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from rdflib import OWL, RDF, RDFS, URIRef

from graph.rdf.ontodiagram import layout_class_diagram, render_class_svg, text_width
from graph.rdf.validate import load_ontology
from graph.vocab import ONTOLOGY_IRI, PK

ORG = "http://www.w3.org/ns/org#"
SVG = "{http://www.w3.org/2000/svg}"


def _overlap(a, b) -> bool:
    return a.x < b.x + b.width and b.x < a.x + a.width and a.y < b.y + b.height and b.y < a.y + a.height


def test_every_class_is_a_box_and_no_boxes_overlap():
    d = layout_class_diagram()
    g = load_ontology()
    classes = {str(c) for c in g.subjects(RDF.type, OWL.Class) if (c, RDFS.isDefinedBy, ONTOLOGY_IRI) in g}
    assert classes == {b.iri for b in d.boxes.values() if b.internal}
    boxes = list(d.boxes.values())
    clashes = [(a.title, b.title) for i, a in enumerate(boxes) for b in boxes[i + 1 :] if _overlap(a, b)]
    assert clashes == []
    for b in boxes:
        assert 0 <= b.x and b.x + b.width <= d.width and 0 <= b.y and b.y + b.height <= d.height, b.title
        for line in [b.title, *b.lines, *b.notes]:
            assert text_width(line) < b.width, (b.title, line)


def test_edges_follow_the_ontology_and_join_neighbouring_columns():
    d = layout_class_diagram()
    subclass = {(e.child, e.parent) for e in d.edges if not e.alignment}
    assert (str(PK.Enterprise), str(PK.Organization)) in subclass
    assert (str(PK.Target), str(PK.Observation)) in subclass
    aligned = {(e.child, e.parent) for e in d.edges if e.alignment}
    assert (str(PK.Organization), ORG + "Organization") in aligned
    assert (str(PK.Affiliation), ORG + "Membership") in aligned
    assert (str(PK.Observation), "http://purl.org/linked-data/cube#Observation") in aligned
    assert (str(PK.Industry), "http://www.w3.org/2004/02/skos/core#Concept") in aligned
    assert (str(PK.Sentence), "http://www.w3.org/ns/prov#Entity") in aligned
    for e in d.edges:  # an edge never skips a column, so it never runs behind a box
        assert d.boxes[e.child].column == d.boxes[e.parent].column + 1
    # a schema.org superclass is written in the box, and properties show their ranges
    park = d.boxes[str(PK.Park)]
    assert "⊑ schema:Place" in park.notes and "partOf → Park" in park.lines and park.subtitle == "园区"
    assert "value : decimal" in d.boxes[str(PK.Observation)].lines


def test_a_new_subclass_gets_its_own_box_and_edge():
    g = load_ontology()
    new = URIRef(str(PK._NS) + "Incubator")
    g.add((new, RDF.type, OWL.Class))
    g.add((new, RDFS.subClassOf, PK.Platform))
    g.add((new, RDFS.isDefinedBy, ONTOLOGY_IRI))
    d = layout_class_diagram(g)
    assert d.boxes[str(new)].column == d.boxes[str(PK.Platform)].column + 1
    assert any(e.child == str(new) and e.parent == str(PK.Platform) for e in d.edges)
    boxes = list(d.boxes.values())
    assert not [(a.title, b.title) for i, a in enumerate(boxes) for b in boxes[i + 1 :] if _overlap(a, b)]


def test_svg_is_well_formed_and_links_to_the_entries():
    svg = render_class_svg()
    root = ET.fromstring(svg)
    assert root.tag == SVG + "svg"
    hrefs = {a.get("href") for a in root.iter(SVG + "a")}
    assert "#pk-Park" in hrefs and "#pk-Enterprise" in hrefs and ORG + "Organization" in hrefs
    assert "<script" not in svg
