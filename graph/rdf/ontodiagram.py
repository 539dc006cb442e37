"""The ontology's class diagram, as inline SVG computed from the ontology.

Each parkkg class is a box with its English and Chinese names and its main
properties (those whose ``rdfs:domain`` names the class, alone or in a
union): ``locatedIn → Park`` for an object property, ``value : decimal``
for a datatype property. Subclass edges join a class to its parkkg
superclass; dashed edges join a top class to its superclass in W3C ORG,
SKOS, PROV-O or RDF Data Cube, which get boxes of their own. Superclasses
from schema.org and FOAF, and any outside superclass an edge could not
reach without crossing a column, are written inside the box (``⊑ schema:Place``).

The layout is layered from left to right: outside classes, then parkkg
classes without a parkkg superclass, then their subclasses, and so on. A
column's boxes are stacked without overlap, in the order of their parents,
so that edges only run between neighbouring columns and do not cross
boxes. Text widths are estimated for a monospace font (a CJK character
counts as two columns), which keeps the SVG the same on every machine.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from rdflib import OWL, RDF, RDFS, BNode, Graph, Literal, URIRef
from rdflib.collection import Collection

from graph.vocab import ONTOLOGY_IRI, PREFIXES

__all__ = ["Box", "ClassDiagram", "Edge", "layout_class_diagram", "render_class_svg", "text_width"]

#: outside vocabularies drawn as boxes, with their colours
DRAWN_VOCABULARIES = {
    "org": ("http://www.w3.org/ns/org#", "#2e7d32"),
    "skos": ("http://www.w3.org/2004/02/skos/core#", "#6a1b9a"),
    "prov": ("http://www.w3.org/ns/prov#", "#c75000"),
    "qb": ("http://purl.org/linked-data/cube#", "#00796b"),
}
PK_COLOUR = "#0b5cad"

FONT_SIZE = 11.0
TITLE_SIZE = 12.0
LINE_HEIGHT = 15.0
PAD_X = 8.0
PAD_Y = 6.0
COLUMN_GAP = 64.0
BOX_GAP = 12.0
MARGIN = 16.0
HEADER = 44.0  # the legend's two lines


def text_width(text: str, size: float = FONT_SIZE) -> float:
    """Estimated width in pixels of ``text`` in a monospace font (wide characters count twice).

    Examples
    --------
    >>> text_width("Park"), text_width("园区")
    (26.84, 26.84)
    """
    import unicodedata

    columns = sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)
    return round(columns * size * 0.61, 2)


@dataclass
class Box:
    """A class drawn as a box: where it is and what it says."""

    iri: str
    title: str
    subtitle: str
    lines: list[str]
    notes: list[str]
    colour: str
    internal: bool
    column: int = 0
    x: float = 0.0
    y: float = 0.0
    width: float = 0.0
    height: float = 0.0

    @property
    def centre_y(self) -> float:
        return self.y + self.height / 2


@dataclass(frozen=True)
class Edge:
    """``child rdfs:subClassOf parent``; ``alignment`` when the parent is an outside class."""

    child: str
    parent: str
    alignment: bool


@dataclass
class ClassDiagram:
    """Boxes and edges with their places."""

    boxes: dict[str, Box]
    edges: list[Edge]
    width: float = 0.0
    height: float = 0.0
    notes: list[str] = field(default_factory=list)


def _curie(iri: Any) -> str:
    text = str(iri)
    for prefix, ns in sorted(PREFIXES.items(), key=lambda kv: -len(kv[1])):
        if text.startswith(ns) and text != ns:
            return f"{prefix}:{text[len(ns):]}"
    return text


def _short(g: Graph, node: Any) -> str:
    """A class expression or datatype, briefly: local names for parkkg terms, CURIEs otherwise."""
    if isinstance(node, BNode):
        members = g.value(node, OWL.unionOf)
        if members is not None:
            return " ∪ ".join(_short(g, m) for m in Collection(g, members))
        return "…"
    if node == RDFS.Literal:
        return "literal"
    curie = _curie(node)
    return curie.split(":", 1)[1] if curie.startswith(("pk:", "xsd:", "rdf:")) else curie


def _members(g: Graph, node: Any) -> list[Any]:
    if isinstance(node, BNode):
        members = g.value(node, OWL.unionOf)
        return list(Collection(g, members)) if members is not None else []
    return [node]


def _label(g: Graph, iri: Any, lang: str) -> str:
    for o in g.objects(iri, RDFS.label):
        if isinstance(o, Literal) and o.language == lang:
            return str(o)
    return ""


def _vocabulary(iri: Any) -> str | None:
    for prefix, (ns, _) in DRAWN_VOCABULARIES.items():
        if str(iri).startswith(ns):
            return prefix
    return None


def _main_properties(g: Graph, cls: URIRef) -> list[str]:
    lines = []
    for kind, arrow in ((OWL.ObjectProperty, " → "), (OWL.DatatypeProperty, " : ")):
        for p in sorted(g.subjects(RDF.type, kind), key=str):
            domains = [m for d in g.objects(p, RDFS.domain) for m in _members(g, d)]
            if cls in domains:
                ranges = list(g.objects(p, RDFS.range))
                target = _short(g, ranges[0]) if ranges else "any"
                lines.append(_short(g, p) + arrow + target)
    return lines


def _depths(classes: Iterable[URIRef], parents: dict[URIRef, list[URIRef]]) -> dict[URIRef, int]:
    depth: dict[URIRef, int] = {}

    def of(c: URIRef, seen: frozenset[URIRef] = frozenset()) -> int:
        if c not in depth:
            inside = [p for p in parents.get(c, []) if p not in seen]
            depth[c] = 1 + max((of(p, seen | {c}) for p in inside), default=-1)
        return depth[c]

    for c in classes:
        of(c)
    return depth


def layout_class_diagram(g: Graph | None = None) -> ClassDiagram:
    """Place every parkkg class (and the ORG, SKOS, PROV, QB classes they specialise) in columns.

    Examples
    --------
    >>> d = layout_class_diagram()
    >>> d.boxes["https://w3id.org/parkkg/ontology#Enterprise"].column > d.boxes["https://w3id.org/parkkg/ontology#Organization"].column
    True
    >>> any(e.alignment and e.parent.endswith("org#Organization") for e in d.edges)
    True
    """
    if g is None:
        from graph.rdf.validate import load_ontology

        g = load_ontology()
    classes = sorted(
        (c for c in g.subjects(RDF.type, OWL.Class) if isinstance(c, URIRef) and (c, RDFS.isDefinedBy, ONTOLOGY_IRI) in g), key=str
    )
    internal = set(classes)
    pk_parents = {c: sorted((p for p in g.objects(c, RDFS.subClassOf) if p in internal), key=str) for c in classes}
    depth = _depths(classes, pk_parents)
    boxes: dict[str, Box] = {}
    edges: list[Edge] = []
    for c in classes:
        notes = []
        for p in sorted(g.objects(c, RDFS.subClassOf), key=_curie):
            if not isinstance(p, URIRef) or p in internal:
                continue
            vocab = _vocabulary(p)
            if vocab is not None and depth[c] == 0:
                edges.append(Edge(str(c), str(p), True))
                if str(p) not in boxes:
                    boxes[str(p)] = Box(str(p), _curie(p), "", [], [], DRAWN_VOCABULARIES[vocab][1], False, column=0)
            else:
                notes.append("⊑ " + _curie(p))
        for p in pk_parents[c]:
            edges.append(Edge(str(c), str(p), False))
        title = _short(g, c)
        boxes[str(c)] = Box(str(c), title, _label(g, c, "zh"), _main_properties(g, c), notes, PK_COLOUR, True, column=depth[c] + 1)
    # classes with no edge at all (no drawn superclass, no subclass) get a column of their own on the
    # right, so that the column of top classes stays short
    linked = {e.child for e in edges} | {e.parent for e in edges}
    last = max(b.column for b in boxes.values())
    for b in boxes.values():
        if b.internal and b.iri not in linked:
            b.column = last + 1
    diagram = ClassDiagram(boxes, edges)
    _size_boxes(diagram)
    _place(diagram)
    return diagram


def _size_boxes(d: ClassDiagram) -> None:
    for b in d.boxes.values():
        head = text_width(b.title, TITLE_SIZE) + (text_width(" " + b.subtitle, TITLE_SIZE) if b.subtitle else 0)
        widest = max([head, *(text_width(t) for t in b.lines + b.notes)])
        b.width = round(widest + 2 * PAD_X, 2)
        rows = len(b.lines) + len(b.notes)
        b.height = round(PAD_Y * 2 + TITLE_SIZE + (rows * LINE_HEIGHT + 8 if rows else 0), 2)


def _place(d: ClassDiagram) -> None:
    columns: dict[int, list[Box]] = {}
    for b in d.boxes.values():
        columns.setdefault(b.column, []).append(b)
    parents: dict[str, list[str]] = {}
    children: dict[str, list[str]] = {}
    for e in d.edges:
        parents.setdefault(e.child, []).append(e.parent)
        children.setdefault(e.parent, []).append(e.child)
    outside_order = sorted((b for b in columns.get(0, [])), key=lambda b: b.title)
    rank = {b.iri: i for i, b in enumerate(outside_order)}
    x = MARGIN
    for col in sorted(columns):
        boxes = columns[col]
        if col == 1:  # grouped under their outside superclass; classes without one last
            boxes.sort(key=lambda b: (min((rank[p] for p in parents.get(b.iri, []) if p in rank), default=len(rank)), b.title))
            y = MARGIN + HEADER
            for b in boxes:
                b.y = y
                y += b.height + BOX_GAP
        elif col >= 2:  # beside their parent, pushed down when the one above is in the way (unlinked boxes: stacked)
            top = MARGIN + HEADER
            boxes.sort(key=lambda b: (min((d.boxes[p].y for p in parents.get(b.iri, [])), default=top), b.title))
            y = top
            for b in boxes:
                b.y = max(y, min((d.boxes[p].y for p in parents.get(b.iri, [])), default=y))
                y = b.y + b.height + BOX_GAP
        column_width = max(b.width for b in boxes)
        for b in boxes:  # one width per column, so that no edge runs behind a wider box
            b.x, b.width = x, column_width
        x += column_width + COLUMN_GAP
    # outside classes: centred on their children, in order, without overlap
    y = MARGIN + HEADER
    for b in outside_order:
        kids = [d.boxes[c] for c in children.get(b.iri, [])]
        wanted = sum(k.centre_y for k in kids) / len(kids) - b.height / 2 if kids else y
        b.y = max(y, wanted)
        y = b.y + b.height + BOX_GAP
    d.width = round(max(x - COLUMN_GAP + MARGIN, legend_width() + 2 * MARGIN), 2)
    d.height = round(max(b.y + b.height for b in d.boxes.values()) + MARGIN, 2)
    for b in d.boxes.values():
        b.y = round(b.y, 2)


LEGEND_NOTE = "solid: subclass of · dashed: aligned with an outside class · → object property · : datatype property"


def _legend() -> list[tuple[str, str]]:
    return [("parkkg", PK_COLOUR)] + [(p.upper() if p != "prov" else "PROV-O", c) for p, (_, c) in DRAWN_VOCABULARIES.items()]


def legend_width() -> float:
    swatches = sum(16 + text_width(name) + 18 for name, _ in _legend())
    return max(swatches, text_width(LEGEND_NOTE))


def _esc(text: str) -> str:
    from markupsafe import escape

    return str(escape(text))


def _anchor(iri: str) -> str:
    import re

    return re.sub(r"[^A-Za-z0-9_-]", "-", _curie(iri)).strip("-")


def render_class_svg(g: Graph | None = None) -> str:
    """The class diagram as an SVG element for inline use in HTML (no scripts, nothing fetched).

    Examples
    --------
    >>> svg = render_class_svg()
    >>> svg.startswith("<svg") and "园区" in svg and 'href="#pk-Park"' in svg
    True
    """
    d = layout_class_diagram(g)
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="class-diagram" role="img" width="{d.width:g}" height="{d.height:g}" '
        f'viewBox="0 0 {d.width:g} {d.height:g}" font-family="\'DejaVu Sans Mono\', \'Noto Sans Mono CJK SC\', \'Noto Sans CJK SC\', monospace" '
        f'font-size="{FONT_SIZE:g}">',
        "<title>parkkg class diagram</title>",
        "<defs>"
        '<marker id="sub" viewBox="0 0 12 12" refX="11" refY="6" markerWidth="10" markerHeight="10" orient="auto">'
        '<path d="M1,1 L11,6 L1,11 z" fill="#fff" stroke="#333"/></marker>'
        "</defs>",
    ]
    # legend
    lx = MARGIN
    for name, colour in _legend():
        out.append(f'<rect x="{lx:g}" y="{MARGIN - 2:g}" width="12" height="12" rx="2" fill="{colour}"/>')
        out.append(f'<text x="{lx + 16:g}" y="{MARGIN + 8:g}">{_esc(name)}</text>')
        lx += 16 + text_width(name) + 18
    out.append(f'<text x="{MARGIN:g}" y="{MARGIN + 26:g}" fill="#444">{_esc(LEGEND_NOTE)}</text>')
    for e in d.edges:
        c, p = d.boxes[e.child], d.boxes[e.parent]
        x1, y1 = c.x, c.centre_y
        x2, y2 = p.x + p.width, p.centre_y
        mid = (x1 + x2) / 2
        dash = ' stroke-dasharray="5,4"' if e.alignment else ""
        colour = p.colour if e.alignment else "#333"
        out.append(
            f'<path d="M{x1:g},{y1:g} C{mid:g},{y1:g} {mid:g},{y2:g} {x2:g},{y2:g}" fill="none" stroke="{colour}" '
            f'stroke-width="1.3"{dash} marker-end="url(#sub)"/>'
        )
    for b in d.boxes.values():
        href = f"#{_anchor(b.iri)}" if b.internal else b.iri
        out.append(f'<a href="{_esc(href)}"><g class="box">')
        out.append(f"<title>{_esc(_curie(b.iri))}</title>")
        out.append(
            f'<rect x="{b.x:g}" y="{b.y:g}" width="{b.width:g}" height="{b.height:g}" rx="4" fill="#fff" stroke="{b.colour}" stroke-width="1.5"/>'
        )
        band = PAD_Y * 2 + TITLE_SIZE
        out.append(f'<rect x="{b.x:g}" y="{b.y:g}" width="{b.width:g}" height="{band:g}" rx="4" fill="{b.colour}"/>')
        ty = b.y + PAD_Y + TITLE_SIZE - 2
        title = _esc(b.title) + (f' <tspan font-weight="normal">{_esc(b.subtitle)}</tspan>' if b.subtitle else "")
        out.append(f'<text x="{b.x + PAD_X:g}" y="{ty:g}" font-size="{TITLE_SIZE:g}" font-weight="bold" fill="#fff">{title}</text>')
        ly = b.y + band + 4 + FONT_SIZE
        for line in b.lines:
            out.append(f'<text x="{b.x + PAD_X:g}" y="{ly:g}" fill="#1d2330">{_esc(line)}</text>')
            ly += LINE_HEIGHT
        for note in b.notes:
            out.append(f'<text x="{b.x + PAD_X:g}" y="{ly:g}" fill="#5b6475" font-style="italic">{_esc(note)}</text>')
            ly += LINE_HEIGHT
        out.append("</g></a>")
    out.append("</svg>")
    return "\n".join(out)
