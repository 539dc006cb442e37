"""The errors parkkg raises: one base, a few children named for what failed.

Each message says what failed, where, and what to try. The CLI maps every
class to an exit code (see ``graph.cli``).
"""

from __future__ import annotations

__all__ = [
    "ParkKGError",
    "SourceError",
    "ExtractionError",
    "MappingError",
    "ValidationError",
    "QueryError",
    "StoreError",
    "PushError",
]


class ParkKGError(Exception):
    """Base class of every error parkkg raises on purpose."""

    exit_code: int = 1


class SourceError(ParkKGError):
    """An input document cannot be read: missing, empty, binary, undecodable."""

    exit_code = 2


class ExtractionError(ParkKGError):
    """The loader failed on a document it could read."""


class MappingError(ParkKGError):
    """Extracted records could not be turned into RDF."""


class ValidationError(ParkKGError):
    """The graph does not conform to the SHACL shapes.

    Non-conformance found by :func:`graph.rdf.validate.validate_graph` is a
    result, not an exception; this is raised only where a caller asked for
    a conforming graph (``parkkg build`` does).
    """

    def __init__(self, message: str, report_text: str = "") -> None:
        super().__init__(message)
        self.report_text = report_text


class QueryError(ParkKGError):
    """A SPARQL query is malformed, unknown, or not allowed."""

    exit_code = 2


class StoreError(ParkKGError):
    """A graph file or store cannot be opened or written."""

    exit_code = 2


class PushError(StoreError):
    """A remote triple store refused an upload, failed, or could not be reached."""

    exit_code = 1
