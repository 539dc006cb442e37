"""Plain, frozen records passed between the pipeline's stages.

Every record keeps character offsets so provenance survives from the raw
file to the RDF: ``Sentence.start``/``end`` are offsets in the *cleaned*
text; :meth:`graph.model.Document.raw_span` maps them back to the text as
decoded from the file.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, fields
from decimal import Decimal
from operator import attrgetter
from typing import Any, TypeVar

__all__ = [
    "ENTITY_CLASS_NAMES",
    "RECORD_CLASS_NAMES",
    "ORGANIZATION_CLASS_NAMES",
    "Document",
    "CleanText",
    "Sentence",
    "Mention",
    "Relation",
    "Quantity",
    "ObservationRecord",
    "EventRecord",
    "Extraction",
]


#: The classes of the entities the loader extracts (local names of ``pk:`` classes).
ENTITY_CLASS_NAMES: tuple[str, ...] = (
    "Park",
    "Enterprise",
    "University",
    "ResearchInstitute",
    "GovernmentBody",
    "Platform",
    "Honour",
    "Industry",
    "Project",
    "Person",
    "Product",
    "Patent",
)
#: Classes of the nodes that record something about entities and are not entities themselves:
#: observations of every kind (a target, a stated floor or ceiling), qualified nodes, events,
#: indicators, documents and their sentences (local names of ``pk:`` classes).
RECORD_CLASS_NAMES: frozenset[str] = frozenset(
    {"Observation", "Target", "LowerBound", "UpperBound", "HonourAward", "Affiliation", "Event", "Indicator", "Document", "Sentence"}
)
#: The entity classes that are organisations (subclasses of ``pk:Organization``).
ORGANIZATION_CLASS_NAMES: frozenset[str] = frozenset({"Enterprise", "University", "ResearchInstitute", "GovernmentBody"})


_R = TypeVar("_R")


def _pickled_by_fields(cls: type[_R]) -> type[_R]:
    """Pickle a slotted record as its class and its fields' values, unpickled by calling the class.

    The many small records of an extraction (a cached extraction holds tens
    of them per sentence) then load about three times faster than through
    the ``__setstate__`` dataclasses gives slotted classes, which looks up
    the fields again for each record.

    Examples
    --------
    >>> import pickle
    >>> s = Sentence(0, "园区成立。", 0, 5)
    >>> Sentence.__reduce__(s)[1], pickle.loads(pickle.dumps(s)) == s
    ((0, '园区成立。', 0, 5, 0), True)
    """
    values = attrgetter(*(f.name for f in fields(cls)))  # type: ignore[arg-type]

    def __reduce__(self: Any) -> tuple[type[_R], tuple[Any, ...]]:
        return cls, values(self)

    cls.__reduce__ = __reduce__  # type: ignore[method-assign,assignment]
    return cls


@dataclass(frozen=True)
class Document:
    """One source text with its metadata.

    Attributes
    ----------
    text : str
        The text as decoded from the file (offsets in provenance refer to it).
    source : str
        File name (or label) the text came from.
    sha256 : str
        Hex digest of the raw bytes; the document's identity.
    encoding : str
        Encoding the bytes were decoded with.
    title, authors, date, origin :
        Metadata found in the text or given by the caller.
    """

    text: str
    source: str
    sha256: str
    encoding: str = "utf-8"
    title: str | None = None
    authors: tuple[str, ...] = ()
    date: str | None = None
    origin: str | None = None

    @property
    def doc_id(self) -> str:
        """Short stable identifier: the first 16 hex digits of the hash."""
        return self.sha256[:16]


@dataclass(frozen=True)
class CleanText:
    """Text with PDF line breaks mended, and a map back to the raw text.

    ``offsets[i]`` is the raw-text index of cleaned character ``i``;
    ``offsets[len(text)]`` is the raw index just past the last character.
    :func:`graph.text.clean.clean_text` gives them as an ``array("I")``: 4 bytes
    a character where a tuple of ints takes 36, and a corpus's extractions
    are held in memory together.
    """

    text: str
    offsets: Sequence[int]

    def raw_span(self, start: int, end: int) -> tuple[int, int]:
        """Map a cleaned ``[start, end)`` span to the raw text."""
        if end <= start:
            return self.offsets[start], self.offsets[start]
        return self.offsets[start], self.offsets[end - 1] + 1


@_pickled_by_fields
@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence of the cleaned text; ``start``/``end`` index the cleaned text."""

    index: int
    text: str
    start: int
    end: int
    paragraph: int = 0


@_pickled_by_fields
@dataclass(frozen=True, slots=True)
class Mention:
    """A span naming an entity.

    ``name`` is the surface form; ``canonical`` the name the entity is known
    by after alias resolution (filled by :func:`graph.extract.mentions.resolve_aliases`).
    Offsets index the cleaned text.
    """

    name: str
    cls: str
    start: int
    end: int
    sentence: int
    rule: str
    canonical: str | None = None
    level: str | None = None

    @property
    def key(self) -> str:
        return self.canonical or self.name


@_pickled_by_fields
@dataclass(frozen=True, slots=True)
class Relation:
    """A binary fact between two entity names, with its evidence span."""

    subject: str
    predicate: str
    object: str
    sentence: int
    start: int
    end: int
    rule: str
    role: str | None = None
    year: int | None = None
    conferrer: str | None = None
    #: other sentences the fact rests on (an end named earlier: 该产业链…, the park the text is about)
    support: tuple[int, ...] = ()
    #: how a part no cited sentence states was supplied (e.g. "industry from the enterprise's name"); None when read
    inference: str | None = None


@_pickled_by_fields
@dataclass(frozen=True, slots=True)
class Quantity:
    """A number with its unit, normalised to base units."""

    value: Decimal
    unit: str
    surface: str
    start: int
    end: int
    approximate: bool = False
    bound: str | None = None  # "min" for 以上/超过, "max" for 以下/不到


@_pickled_by_fields
@dataclass(frozen=True, slots=True)
class ObservationRecord:
    """A statistical statement: an indicator of an entity with a value."""

    entity: str
    indicator: str
    value: Decimal
    unit: str
    sentence: int
    start: int
    end: int
    rule: str
    year: int | None = None
    period: str | None = None
    bound: str | None = None
    status: str = "measured"
    """``"measured"`` for a figure the text reports, ``"target"`` for a target,
    plan or forecast (到2026年…达到, 预计, 力争): kept, but not a measurement."""


@_pickled_by_fields
@dataclass(frozen=True, slots=True)
class EventRecord:
    """Something that happened on a date: founding, approval, opening, ..."""

    event_type: str
    involves: tuple[str, ...]
    sentence: int
    start: int
    end: int
    rule: str
    date: str | None = None
    year: int | None = None
    label: str = ""


@dataclass(frozen=True)
class Extraction:
    """Everything the loader found in one document."""

    document: Document
    clean: CleanText
    sentences: tuple[Sentence, ...]
    mentions: tuple[Mention, ...]
    relations: tuple[Relation, ...] = ()
    observations: tuple[ObservationRecord, ...] = ()
    events: tuple[EventRecord, ...] = ()
    aliases: dict[str, str] = field(default_factory=dict)
