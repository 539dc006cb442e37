"""parkkg: a knowledge graph of an industrial park's innovation ecosystem.

The package reads as a pipeline (one module per stage)::

    read → clean → segment → mentions → relations/observations → mapping
         → validate → store/query/serve → export → networks → render

and :mod:`graph.api` runs it::

    >>> from graph import build
    >>> result = build()                    # the bundled Qingyuan article
    >>> result.report.conforms
    True

Heavy modules are imported on first use, so ``import graph`` is cheap.
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

__version__ = "0.1.0"

_EXPORTS = {
    "build": "api",
    "build_text": "api",
    "extract": "api",
    "extract_text": "api",
    "BuildResult": "api",
    "read_document": "read",
    "read_text": "read",
    "bundled_article": "read",
    "clean_text": "clean",
    "split_sentences": "segment",
    "find_mentions": "mentions",
    "find_relations": "relations",
    "find_observations": "observations",
    "to_rdf": "mapping",
    "validate_graph": "validate",
    "ValidationReport": "validate",
    "ParkKGError": "errors",
    "SourceError": "errors",
    "ExtractionError": "errors",
    "MappingError": "errors",
    "ValidationError": "errors",
    "QueryError": "errors",
    "StoreError": "errors",
    "PushError": "errors",
}

__all__ = sorted(_EXPORTS) + ["__version__"]


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'graph' has no attribute {name!r}")
    value = getattr(import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return __all__
