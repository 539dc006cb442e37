"""Stage 7, validate: check a graph against parkkg's SHACL shapes with pySHACL.

Non-conformance is a result (:class:`ValidationReport`), not an exception.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.namespace import RDF, SH

from graph._resources import ontology_dir

__all__ = ["ValidationReport", "Violation", "validate_graph", "validate_store", "load_shapes", "load_ontology"]


@dataclass(frozen=True)
class Violation:
    """One SHACL result, in words a user can act on."""

    focus: str
    path: str
    message: str
    severity: str
    shape: str

    def __str__(self) -> str:
        return f"{self.severity}: {self.focus} {self.path}: {self.message}"


@dataclass(frozen=True)
class ValidationReport:
    """What pySHACL found: conformance, the report graph and its text."""

    conforms: bool
    graph: Graph
    text: str
    violations: tuple[Violation, ...] = field(default_factory=tuple)

    def summary(self, limit: int = 20) -> str:
        """The first ``limit`` violations, one a line."""
        if self.conforms:
            return "conforms to the SHACL shapes"
        lines = [str(v) for v in self.violations[:limit]]
        more = len(self.violations) - limit
        if more > 0:
            lines.append(f"... and {more} more")
        return "\n".join(lines)


@lru_cache(maxsize=1)
def _shapes() -> Graph:
    g = Graph()
    g.parse(ontology_dir() / "shapes.ttl", format="turtle")
    return g


@lru_cache(maxsize=1)
def _ontology() -> Graph:
    g = Graph()
    g.parse(ontology_dir() / "parkkg.ttl", format="turtle")
    return g


def load_shapes() -> Graph:
    """A fresh copy of ``ontology/shapes.ttl``."""
    g = Graph()
    for t in _shapes():
        g.add(t)
    return g


def load_ontology() -> Graph:
    """A fresh copy of ``ontology/parkkg.ttl``."""
    g = Graph()
    for t in _ontology():
        g.add(t)
    return g


def _short(term: object) -> str:
    if term is None:
        return ""
    text = str(term)
    for ns in ("https://w3id.org/parkkg/ontology#", "https://w3id.org/parkkg/id/", "https://w3id.org/parkkg/"):
        if text.startswith(ns):
            return text[len(ns) :]
    return text


def validate_store(store: Any, *, shapes: Graph | None = None) -> ValidationReport:
    """Validate the union of a ``pyoxigraph.Store``'s graphs.

    The union is read into one rdflib Graph (pySHACL's input), each distinct
    triple once; that graph is validated in place, never copied again.

    Examples
    --------
    >>> import pyoxigraph as ox
    >>> validate_store(ox.Store()).conforms
    True
    """
    from graph.rdf.terms import term_reader

    read = term_reader()
    data = Graph()
    data.addN((read(q.subject), read(q.predicate), read(q.object), data) for q in store)
    return _validate(data, shapes, inplace=True)


def validate_graph(graph: Graph | Dataset, *, shapes: Graph | None = None) -> ValidationReport:
    """Validate ``graph`` (a Dataset is validated as the union of its graphs).

    Parameters
    ----------
    graph : rdflib.Graph or rdflib.Dataset
    shapes : rdflib.Graph, optional
        Shapes to use instead of ``ontology/shapes.ttl``.

    Returns
    -------
    ValidationReport

    Examples
    --------
    >>> from rdflib import Graph
    >>> validate_graph(Graph()).conforms
    True
    """
    data = Graph()
    if isinstance(graph, Dataset):
        data.addN((s, p, o, data) for s, p, o, _ in graph.quads((None, None, None, None)))
    else:
        data = graph
    return _validate(data, shapes, inplace=data is not graph)


class _ParameterList(list):
    """pySHACL's list of constraint parameters, with a set beside it for ``in``."""

    def __init__(self, items: list) -> None:
        super().__init__(items)
        self._members = frozenset(items)

    def __contains__(self, item: object) -> bool:
        return item in self._members


@lru_cache(maxsize=1)
def _index_constraint_parameters() -> None:
    """Make pySHACL's per-shape lookup of constraint parameters a set lookup.

    For every shape it runs, pySHACL tests each of the shape's predicates with
    ``p in ALL_CONSTRAINT_PARAMETERS``, a list of some 30 IRIs compared one by
    one: about a seventh of validating the bundled article. pySHACL keeps that
    list in ``pyshacl.shape.CONSTRAINT_PARAMS`` once it has looked it up;
    setting it beforehand to the same list, with a set for membership, gives
    the same constraints in the same order. Left alone if pySHACL's internals
    are not what this expects.
    """
    try:
        from pyshacl import shape
        from pyshacl.constraints import ALL_CONSTRAINT_PARAMETERS, CONSTRAINT_PARAMETERS_MAP
    except ImportError:
        return
    current = getattr(shape, "CONSTRAINT_PARAMS", None)
    if isinstance(ALL_CONSTRAINT_PARAMETERS, list) and (current is None or current[0] is ALL_CONSTRAINT_PARAMETERS):
        shape.CONSTRAINT_PARAMS = (_ParameterList(ALL_CONSTRAINT_PARAMETERS), CONSTRAINT_PARAMETERS_MAP)


def _validate(data: Graph, shapes: Graph | None, *, inplace: bool) -> ValidationReport:
    import pyshacl

    _index_constraint_parameters()
    conforms, results, text = pyshacl.validate(
        data,
        shacl_graph=shapes if shapes is not None else _shapes(),
        ont_graph=_ontology(),
        inference="none",
        abort_on_first=False,
        allow_warnings=True,
        inplace=inplace,  # our own copy: pySHACL may mix the ontology into it instead of copying it again
    )
    violations = []
    for r in results.subjects(RDF.type, SH.ValidationResult):
        msg = results.value(r, SH.resultMessage)
        violations.append(
            Violation(
                focus=_short(results.value(r, SH.focusNode)),
                path=_short(results.value(r, SH.resultPath)),
                message=str(msg) if isinstance(msg, Literal) else "constraint not met",
                severity=_short(results.value(r, SH.resultSeverity)).rsplit("#", 1)[-1],
                shape=_short(results.value(r, SH.sourceShape)) if isinstance(results.value(r, SH.sourceShape), URIRef) else "",
            )
        )
    violations.sort(key=lambda v: (v.focus, v.path, v.message))
    return ValidationReport(bool(conforms), results, str(text), tuple(violations))
