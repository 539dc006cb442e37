"""An extraction cache keyed by document content and loader version.

Re-building a corpus where one article changed re-extracts only that
article: each document's :class:`~graph.model.Extraction` is stored under
the SHA-256 of its bytes combined with :func:`loader_version`, a digest of
the extraction code and its dictionaries, so any change to the rules or the
lexicon invalidates every entry at once. Entries are pickles written
atomically; a corrupt or unreadable entry is treated as a miss.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from functools import lru_cache
from pathlib import Path
from typing import Any

from graph import __version__
from graph._resources import data_dir
from graph.extract.observations import Indicator
from graph.model import Extraction

__all__ = ["ExtractionCache", "QuadsCache", "linked_key", "loader_version", "mapping_version"]

def _extraction_sources() -> list[Path]:
    """Every module extraction runs: the text and extract stages (all of them, so a new module counts), the records and the API."""
    here = Path(__file__).resolve().parent
    stages = sorted(p for d in ("text", "extract") for p in (here / d).glob("*.py"))
    return stages + [here / "model.py", here / "api.py"]


@lru_cache(maxsize=1)
def loader_version() -> str:
    """Digest of the extraction code and its dictionaries (changes when either does)."""
    h = hashlib.sha256(__version__.encode())
    for path in _extraction_sources():
        h.update(path.name.encode())
        h.update(path.read_bytes())
    lexicon = data_dir() / "lexicon"
    for f in sorted(lexicon.glob("*.tsv")):
        h.update(f.name.encode())
        h.update(f.read_bytes())
    glossary = data_dir() / "glossary.tsv"
    if glossary.exists():
        h.update(glossary.read_bytes())
    return h.hexdigest()[:16]


def linked_key(sha256: str, known: dict[str, tuple[str, str]]) -> str:
    """Cache key of a second-pass extraction: the document's content and the
    names (name → canonical name, class) it was extracted with.

    Examples
    --------
    >>> a = linked_key("ab" * 32, {"星河新材": ("广东星河新材料有限公司", "Enterprise")})
    >>> a.startswith("ab" * 32 + "-linked-"), a == linked_key("ab" * 32, {})
    (True, False)
    """
    names = hashlib.sha256(repr(sorted(known.items())).encode("utf-8")).hexdigest()[:16]
    return f"{sha256}-linked-{names}"


class ExtractionCache:
    """A folder of cached extractions.

    Examples
    --------
    >>> import tempfile
    >>> from graph.api import extract
    >>> from graph.text.read import read_text
    >>> cache = ExtractionCache(tempfile.mkdtemp())
    >>> doc = read_text("广东星河新材料有限公司位于肇庆高新区。")
    >>> cache.get(doc.sha256) is None
    True
    >>> cache.put(doc.sha256, *extract(doc))
    >>> cache.get(doc.sha256)[0].document.sha256 == doc.sha256
    True
    """

    def __init__(self, directory: str | os.PathLike[str]) -> None:
        self.directory = Path(directory)
        self.hits = 0
        self.misses = 0

    def _path(self, sha256: str) -> str:
        # plain strings: a build looks up every document's entry, and pathlib's joins cost more than the lookups
        return os.path.join(self.directory, loader_version(), sha256 + ".pickle")

    def holds(self, sha256: str) -> bool:
        """An entry exists for ``sha256`` (it may still be unreadable: :meth:`get` says)."""
        return os.path.exists(self._path(sha256))

    def get(self, sha256: str) -> tuple[Extraction, dict[str, Indicator]] | None:
        path = self._path(sha256)
        try:
            with open(path, "rb") as fh:
                value = pickle.load(fh)
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
            self.misses += 1
            return None
        self.hits += 1
        return value

    def put(self, sha256: str, extraction: Extraction, indicators: dict[str, Indicator]) -> None:
        _write_pickle(self._path(sha256), (extraction, indicators))


def _write_pickle(path: str | Path, value: object) -> None:
    """Pickle ``value`` to ``path`` atomically (a reader sees the old entry or the new one)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            pickle.dump(value, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _mapping_sources() -> list[Path]:
    """Every module that turns an extraction into quads: the RDF stage, the vocabulary, the labels."""
    here = Path(__file__).resolve().parent
    return sorted((here / "rdf").glob("*.py")) + [here / "vocab.py", here / "cache.py"]


@lru_cache(maxsize=1)
def mapping_version() -> str:
    """Digest of :func:`loader_version`, the mapping code and the libraries that serialise its quads and render its labels."""
    from importlib.metadata import version

    import pyoxigraph
    import rdflib

    libraries = f"{rdflib.__version__} {pyoxigraph.__version__} {version('pypinyin')}"  # pypinyin: not imported for this
    h = hashlib.sha256(f"{loader_version()} {libraries}".encode())
    for path in _mapping_sources():
        h.update(path.name.encode())
        h.update(path.read_bytes())
    return h.hexdigest()[:16]


class QuadsCache:
    """A folder of each document's mapped quads, beside the extraction cache.

    An entry is what :meth:`graph.rdf.mapping.RdfMapper.document` writes for
    one document, as N-Quads bytes, with the ``(class, node)`` pairs its data
    graph types (for counting entities). It is stored under
    :meth:`graph.rdf.mapping.RdfMapper.document_key`: a digest of the
    extraction and of every piece of corpus-wide state the document's mapping
    reads (how its names resolve, the classes and labels chosen for them,
    which document first states each of its observations, the industry
    concepts it adds), under :func:`mapping_version`. The quads are a function
    of exactly those inputs, so an entry found under a key is what mapping the
    document again would give: it cannot be stale. Entries are written
    atomically; an unreadable one is a miss.

    It also keeps the English and pinyin labels rendered for entities
    (:meth:`labels`), by name, class and other names: the rest of their
    inputs (the lexicon, the glossary, the code, pypinyin) are covered by
    :func:`mapping_version`, so a label found there is the one rendering it
    again would give.

    Examples
    --------
    >>> import tempfile
    >>> cache = QuadsCache(tempfile.mkdtemp())
    >>> cache.get("k") is None, cache.misses
    (True, 1)
    >>> cache.put("k", b"<a:s> <a:p> <a:o> .\\n", [("a:C", "a:s")])
    >>> cache.get("k"), cache.hits
    ((b'<a:s> <a:p> <a:o> .\\n', [('a:C', 'a:s')]), 1)
    """

    def __init__(self, directory: str | os.PathLike[str]) -> None:
        self.directory = Path(directory)
        self.hits = 0
        self.misses = 0

    def _path(self, key: str) -> str:
        return os.path.join(self.directory, f"quads-{mapping_version()}", key[:2], key + ".pickle")

    def _labels_path(self) -> Path:
        return self.directory / f"quads-{mapping_version()}" / "labels.pickle"

    def labels(self) -> dict[tuple[str, str, tuple[str, ...]], Any]:
        """Labels rendered by earlier builds: (name, class, other names) → NameLabels (empty if none or unreadable)."""
        try:
            with open(self._labels_path(), "rb") as fh:
                found = pickle.load(fh)
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, ValueError, TypeError):
            return {}
        return found if isinstance(found, dict) else {}

    def put_labels(self, labels: dict[tuple[str, str, tuple[str, ...]], Any]) -> None:
        """Replace the stored labels with ``labels`` (those read by :meth:`labels` and the new ones)."""
        _write_pickle(self._labels_path(), labels)

    def get(self, key: str) -> tuple[bytes, list[tuple[str, str]]] | None:
        """The document's N-Quads and typed nodes, or None (counted in ``misses``)."""
        try:
            with open(self._path(key), "rb") as fh:
                nquads, typed = pickle.load(fh)
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, ValueError, TypeError):
            self.misses += 1
            return None
        self.hits += 1
        return nquads, typed

    def put(self, key: str, nquads: bytes, typed: list[tuple[str, str]]) -> None:
        _write_pickle(self._path(key), (nquads, typed))
