"""Finding the mentions that overlap a span without scanning every mention of the document.

Rules often ask "which mentions overlap characters a..b?" once per match; in a
long document a scan of all its mentions each time makes that quadratic.
:class:`SpanIndex` sorts the items by start once and answers each question by
bisection, with the same items in the same order a scan would give.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from typing import Generic, Protocol, TypeVar

__all__ = ["SpanIndex"]


class _Span(Protocol):
    @property
    def start(self) -> int: ...

    @property
    def end(self) -> int: ...


S = TypeVar("S", bound=_Span)


class SpanIndex(Generic[S]):
    """Items with ``start`` and ``end`` offsets, searchable by overlap.

    Examples
    --------
    >>> from graph.model import Mention
    >>> ms = [Mention("乙", "Enterprise", 5, 9, 0, "r"), Mention("甲", "Enterprise", 0, 4, 0, "r")]
    >>> [m.name for m in SpanIndex(ms).overlapping(3, 6)]
    ['乙', '甲']
    >>> SpanIndex(ms).overlapping(4, 5)
    []
    """

    __slots__ = ("_items", "_order", "_starts", "_reach")

    def __init__(self, items: Iterable[S]) -> None:
        self._items = list(items)
        self._order = sorted(range(len(self._items)), key=lambda i: self._items[i].start)
        self._starts = [self._items[i].start for i in self._order]
        # no item ends further than this past its start, so an item overlapping a..b starts after a - reach
        self._reach = max((x.end - x.start for x in self._items), default=0)

    def overlapping(self, a: int, b: int) -> list[S]:
        """The items with ``start < b`` and ``a < end``, in the order they were given."""
        lo = bisect_right(self._starts, a - self._reach)
        hi = bisect_left(self._starts, b)
        hits = sorted(i for i in self._order[lo:hi] if a < self._items[i].end)
        return [self._items[i] for i in hits]
