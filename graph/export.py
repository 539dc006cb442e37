"""Stage 9, export: write the graph in standard formats, atomically.

Every file is written to a temporary file beside the target and renamed
into place, so a crash or Ctrl-C never leaves a half-written output.
Turtle output is deterministic: the same graph gives the same bytes.
"""

from __future__ import annotations

import enum
import os
import tempfile
from collections.abc import Callable
from pathlib import Path

from rdflib import Dataset, Graph

from .vocab import PREFIXES

__all__ = ["RdfFormat", "write_atomic", "union_graph", "write_turtle", "serialize"]


class RdfFormat(enum.Enum):
    """RDF serialisations parkkg writes (value: rdflib's format name)."""

    TURTLE = "turtle"
    NTRIPLES = "nt"
    NQUADS = "nquads"
    TRIG = "trig"
    JSONLD = "json-ld"
    RDFXML = "xml"

    @property
    def is_quads(self) -> bool:
        return self in (RdfFormat.NQUADS, RdfFormat.TRIG)


def write_atomic(path: str | Path, write: Callable[[Path], None]) -> Path:
    """Call ``write(tmp)`` on a temporary path, then rename it to ``path``.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> d = pathlib.Path(tempfile.mkdtemp())
    >>> write_atomic(d / "a.txt", lambda p: p.write_text("ok")).read_text()
    'ok'
    """
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    os.close(fd)
    tmp_path = Path(tmp)
    try:
        write(tmp_path)
        os.replace(tmp_path, target)
    except BaseException:
        tmp_path.unlink(missing_ok=True)
        raise
    return target


def union_graph(ds: Dataset | Graph) -> Graph:
    """All triples of a Dataset as one Graph, with parkkg's prefixes bound."""
    g = Graph()
    for prefix, ns in PREFIXES.items():
        g.bind(prefix, ns, override=True, replace=True)
    if isinstance(ds, Dataset):
        for s, p, o, _ in ds.quads((None, None, None, None)):
            g.add((s, p, o))
    else:
        for t in ds:
            g.add(t)
    return g


def serialize(ds: Dataset | Graph, fmt: RdfFormat = RdfFormat.TURTLE) -> bytes:
    """Serialise in ``fmt``; triple formats get the union of all graphs."""
    if fmt.is_quads and isinstance(ds, Dataset):
        return ds.serialize(format=fmt.value, encoding="utf-8")
    return union_graph(ds).serialize(format=fmt.value, encoding="utf-8")


def write_turtle(ds: Dataset | Graph, path: str | Path) -> Path:
    """Write the union of ``ds`` as deterministic Turtle, atomically."""
    data = serialize(ds, RdfFormat.TURTLE)
    return write_atomic(path, lambda p: p.write_bytes(data))
