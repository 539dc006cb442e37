"""Where the bundled ontology and data are, installed or in a checkout.

An installed parkkg carries ``ontology/`` and ``data/`` as the resource
packages ``graph._ontology`` and ``graph._data``; a source checkout (or an
editable install shadowed by the working directory) has them beside
``graph/``. Both are found the same way.
"""

from __future__ import annotations

from functools import lru_cache
from importlib.resources import files
from pathlib import Path

__all__ = ["data_dir", "ontology_dir"]


def _locate(package: str, folder: str, probe: str) -> Path:
    try:
        # a resource folder without __init__.py is a namespace package: join
        # the probe first, which gives a real path even for a MultiplexedPath
        found = files(package).joinpath(probe)
        if found.is_file() or found.is_dir():
            return Path(str(found)).parent
    except (ModuleNotFoundError, TypeError, ValueError):
        pass
    p = Path(__file__).resolve().parent.parent / folder
    if (p / probe).exists():
        return p
    raise FileNotFoundError(
        f"parkkg's bundled {folder}/ is missing (looked in package {package} and {p}); reinstall parkkg"
    )


@lru_cache(maxsize=1)
def data_dir() -> Path:
    """Folder of the bundled article, glossary and lexicons."""
    return _locate("graph._data", "data", "lexicon")


@lru_cache(maxsize=1)
def ontology_dir() -> Path:
    """Folder of parkkg.ttl, shapes.ttl and context.jsonld."""
    return _locate("graph._ontology", "ontology", "parkkg.ttl")
