"""Stage 7, validate: check a graph against parkkg's SHACL shapes.

Two engines, both given the data as N-Quads (dumped by Oxigraph into a
temporary file, removed afterwards) with the ontology beside it
(docs/shacl-engines.md):

* ``shacl`` (Rust) answers first whether the data conforms to
  ``ontology/shapes.ttl``: about ten times faster than pyshacl-turbo on a
  400k-quad build. It reads the file itself, so a build that conforms (the
  usual case) is done then without the graph ever being copied into Python.
* pyshacl-turbo (Rust, pySHACL's API and report vocabulary) writes the report
  of a graph that does not conform, and validates against shapes other than
  parkkg's: on the bundled article it reports the same results as pySHACL
  0.40.1 in about a thirteenth of the time. ``shacl`` reports no ``sh:detail``
  results and renames blank nodes, so its own report is not the one this
  module has always given; its verdict is the same (tests/test_validate.py).

Non-conformance is a result (:class:`ValidationReport`), not an exception.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, BinaryIO

from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.namespace import RDF, SH

from graph._resources import ontology_dir

__all__ = ["ValidationReport", "Violation", "validate_graph", "validate_store", "validate_nquads", "validate_file", "load_shapes", "load_ontology"]


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
    """What the SHACL engine found: conformance, the report graph and its text."""

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


@lru_cache(maxsize=1)
def _ontology_ntriples() -> bytes:
    return _ontology().serialize(format="nt", encoding="utf-8")


def _engine_input(nquads: bytes) -> Any:
    """The engine's input: ``nquads`` (a store's dump) with the ontology's triples in the default graph.

    pyshacl-turbo parses N-Quads text natively. Handed a ``pyoxigraph.Store``
    it dumps the store twice (once to keep the caller's copy safe, once to
    parse it), so the text is handed over once, already joined: on a
    420k-triple build this takes validation from 7.6 to 6.0 s of CPU.
    """
    return _input_from_text(_engine_text(nquads))


def _engine_text(nquads: bytes) -> str:
    """``nquads`` (a store's dump) followed by the ontology's triples (in the default graph)."""
    return nquads.decode("utf-8") + _ontology_ntriples().decode("utf-8")


def _input_from_text(text: str) -> Any:
    """pyshacl-turbo's input for :func:`_engine_text`'s text, its blank-node labels kept."""
    from pyshacl_turbo.rdf import Input

    return Input(text, "oxigraph-nquads", None, {}, preserve_ids=True)


@lru_cache(maxsize=1)
def _screening_shapes() -> Any:
    """parkkg's shapes compiled once per process for the ``shacl`` engine."""
    import shacl

    return shacl.Shapes.from_turtle((ontology_dir() / "shapes.ttl").read_text(encoding="utf-8"))


def _conformant_report() -> ValidationReport:
    """The report pyshacl-turbo gives a graph that conforms: one ``sh:ValidationReport`` node."""
    from rdflib import BNode
    from rdflib.namespace import XSD

    graph = Graph()
    node = BNode()
    graph.add((node, RDF.type, SH.ValidationReport))
    graph.add((node, SH.conforms, Literal(True, datatype=XSD.boolean)))
    return ValidationReport(True, graph, "Validation Report\nConforms: True\n", ())


def validate_store(store: Any, *, shapes: Graph | None = None) -> ValidationReport:
    """Validate the union of a ``pyoxigraph.Store``'s graphs.

    The store is only read: dumped as N-Quads into a temporary file (no copy
    of the graph in Python's memory), which the ``shacl`` engine reads
    (:func:`validate_file`). The ontology is validated beside it, so
    ``sh:class`` constraints see its class hierarchy.

    Examples
    --------
    >>> import pyoxigraph as ox
    >>> validate_store(ox.Store()).conforms
    True
    """
    import pyoxigraph as ox

    return _validate_written(lambda out: store.dump(out, format=ox.RdfFormat.N_QUADS), shapes)


def validate_nquads(nquads: bytes, *, shapes: Graph | None = None) -> ValidationReport:
    """Validate a store's dump (UTF-8 N-Quads, the union of its graphs), as :func:`validate_store`
    does once it has dumped the store: for a caller that holds the dump already.

    With parkkg's own shapes, ``shacl`` screens the data first and pyshacl-turbo runs
    only when it does not conform, so the report is pyshacl-turbo's either way.

    Examples
    --------
    >>> validate_nquads(b"").conforms
    True
    """
    return _validate_written(lambda out: out.write(nquads), shapes)


def validate_file(path: str | Path, *, shapes: Graph | None = None) -> ValidationReport:
    """Validate an N-Quads file (the union of its graphs) that holds the data and the ontology's triples
    (what :func:`validate_store` writes).

    With parkkg's own shapes, the ``shacl`` engine reads the file itself and
    screens it: a graph that conforms never enters Python's memory. Only a
    graph that does not conform, or other ``shapes``, is read into
    pyshacl-turbo, for its report.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> f = pathlib.Path(tempfile.mkdtemp()) / "data.nq"
    >>> _ = f.write_bytes(_ontology_ntriples())
    >>> validate_file(f).conforms
    True
    """
    if shapes is None and _screened_file_conformant(Path(path)):
        return _conformant_report()
    return _validate(_input_from_text(Path(path).read_text(encoding="utf-8")), shapes)


def _validate_written(write: Callable[[BinaryIO], Any], shapes: Graph | None) -> ValidationReport:
    """:func:`validate_file` of what ``write`` puts into a new ``.nq`` file, with the ontology's triples
    after it; the file's temporary folder is removed on the way out, whatever happens."""
    folder = tempfile.mkdtemp(prefix="parkkg-validate-")
    try:
        path = Path(folder) / "data.nq"
        with open(path, "wb") as out:
            write(out)
            out.write(_ontology_ntriples())
        return validate_file(path, shapes=shapes)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _screened_file_conformant(path: Path) -> bool:
    """Whether the ``shacl`` engine, reading the ``.nq`` file itself, finds it (the union of its graphs)
    conformant to parkkg's shapes. Data it cannot read counts as not conformant: pyshacl-turbo then
    reports the problem as it always has.
    """
    try:
        report = _screening_shapes().validate_file(str(path), allow_warnings=True)
    except (ValueError, RuntimeError, OSError):  # unreadable data: pyshacl-turbo's report says why
        return False
    return bool(report.conforms)


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
    import pyoxigraph as ox

    store = ox.Store()
    if isinstance(graph, Dataset):
        data, fmt = graph.serialize(format="nquads", encoding="utf-8"), ox.RdfFormat.N_QUADS
    else:
        data, fmt = graph.serialize(format="nt", encoding="utf-8"), ox.RdfFormat.N_TRIPLES
    if data:
        store.bulk_load(data, format=fmt)
    return validate_store(store, shapes=shapes)


def _validate(store: Any, shapes: Graph | None) -> ValidationReport:
    import pyshacl_turbo

    conforms, results, text = pyshacl_turbo.validate(
        store,
        shacl_graph=shapes if shapes is not None else _shapes(),
        inference="none",
        abort_on_first=False,
        allow_warnings=True,
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
