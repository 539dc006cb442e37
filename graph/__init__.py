"""parkkg: a knowledge graph of an industrial park's innovation ecosystem.

The package reads as a pipeline, one subpackage per stage::

    text     read → clean → segment
    extract  lexicon, numbers → mentions → relations, observations
    rdf      mapping → validate → export, describe, push
    sparql   store → query → serve
    views    networks → render, notebook

with plain records (:mod:`graph.model`) between the stages, every term in
:mod:`graph.vocab`, and :mod:`graph.api` running it::

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
    "read_document": "text.read",
    "read_text": "text.read",
    "bundled_article": "text.read",
    "clean_text": "text.clean",
    "split_sentences": "text.segment",
    "find_mentions": "extract.mentions",
    "find_relations": "extract.relations",
    "find_observations": "extract.observations",
    "to_rdf": "rdf.mapping",
    "validate_graph": "rdf.validate",
    "ValidationReport": "rdf.validate",
    "open_store": "sparql.store",
    "run_query": "sparql.query",
    "ParkKGError": "errors",
    "SourceError": "errors",
    "ExtractionError": "errors",
    "MappingError": "errors",
    "ValidationError": "errors",
    "QueryError": "errors",
    "StoreError": "errors",
    "PushError": "errors",
}

# Stage modules by their short names, so ``from graph import networks`` keeps
# working for notebooks written before the subpackages.
_MODULES = {
    "read": "text.read", "clean": "text.clean", "segment": "text.segment",
    "lexicon": "extract.lexicon", "numbers": "extract.numbers", "mentions": "extract.mentions",
    "relations": "extract.relations", "observations": "extract.observations",
    "mapping": "rdf.mapping", "validate": "rdf.validate", "export": "rdf.export",
    "describe": "rdf.describe", "ontodoc": "rdf.ontodoc", "push": "rdf.push", "evaluate": "rdf.evaluate",
    "store": "sparql.store", "query": "sparql.query", "serve": "sparql.serve",
    "networks": "views.networks", "render": "views.render", "notebook": "views.notebook",
}

__all__ = sorted(_EXPORTS) + ["__version__"]


def __getattr__(name: str) -> Any:
    if name in _MODULES:
        value: Any = import_module(f".{_MODULES[name]}", __name__)
    elif name in _EXPORTS:
        value = getattr(import_module(f".{_EXPORTS[name]}", __name__), name)
    else:
        raise AttributeError(f"module 'graph' has no attribute {name!r}")
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return __all__
