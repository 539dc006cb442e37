"""Values kept in an unnamed temporary file instead of memory, read back one at a time.

A streamed build (:func:`graph.api.build_into_store`) needs every document's
extraction more than once (to link names across documents, to decide which
document writes each observation, to map it), but never all of them at once.
Held in memory they grow with the corpus (about 30 MB per MB of text) and
forked workers copy the pages they touch; pickled into a file they take
disk, and the page cache decides what stays in memory.

The file has no name (``tempfile.TemporaryFile``): it is gone when it is
closed or the process ends, killed or not. Forked workers inherit it and
read with ``os.pread``, which moves no shared file position.

>>> spill = Spill()
>>> spill.append({"a": 1}), spill.append([2, 3])
(0, 1)
>>> spill[1], len(spill)
([2, 3], 2)
>>> d = SpilledDict(spill)
>>> d["x"] = ("one", 1)
>>> d["x"] = ("two", 2)
>>> d["x"], list(d), len(d)
(('two', 2), ['x'], 1)
>>> spill.close()
"""

from __future__ import annotations

import os
import pickle
import tempfile
from collections.abc import Iterator, MutableMapping, Sequence
from typing import Any, Generic, TypeVar, overload

__all__ = ["Spill", "SpilledDict", "Frames"]

K = TypeVar("K")
V = TypeVar("V")


class Spill:
    """An append-only file of pickled values, each read back by its index."""

    def __init__(self) -> None:
        self._file = tempfile.TemporaryFile(prefix="parkkg-spill-")
        self._fd = self._file.fileno()
        self._frames: list[tuple[int, int]] = []  # (offset, length) of each value
        self._end = 0

    def append(self, value: Any) -> int:
        """Write ``value``; answer its index."""
        data = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
        view, offset = memoryview(data), self._end
        while view:
            written = os.pwrite(self._fd, view, offset)
            view, offset = view[written:], offset + written
        self._frames.append((self._end, len(data)))
        self._end += len(data)
        return len(self._frames) - 1

    def __getitem__(self, index: int) -> Any:
        offset, length = self._frames[index]
        data = os.pread(self._fd, length, offset)
        while len(data) < length:  # a short read, rare but allowed
            data += os.pread(self._fd, length - len(data), offset + len(data))
        return pickle.loads(data)

    def __len__(self) -> int:
        return len(self._frames)

    @property
    def size(self) -> int:
        """Bytes written so far."""
        return self._end

    def close(self) -> None:
        """Remove the file (it has no name: closing it is enough)."""
        self._file.close()

    def __enter__(self) -> Spill:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class SpilledDict(MutableMapping[K, V], Generic[K, V]):
    """A dict whose values live in a :class:`Spill` (keys, in insertion order, in memory).

    Setting a key again writes the new value; the old one stays in the file,
    unread. Each read unpickles a fresh copy: change a value by setting it.
    """

    def __init__(self, spill: Spill) -> None:
        self.spill = spill
        self._index: dict[K, int] = {}

    def __getitem__(self, key: K) -> V:
        return self.spill[self._index[key]]  # type: ignore[no-any-return]

    def __setitem__(self, key: K, value: V) -> None:
        self._index[key] = self.spill.append(value)

    def __delitem__(self, key: K) -> None:
        del self._index[key]

    def __iter__(self) -> Iterator[K]:
        return iter(self._index)

    def __len__(self) -> int:
        return len(self._index)

    def frame(self, key: K) -> int:
        """The index in :attr:`spill` of ``key``'s value."""
        return self._index[key]


class Frames(Sequence[Any]):
    """Some frames of a :class:`Spill`, in a given order, as a read-only sequence; with ``part``,
    item ``part`` of each (a frame holding a tuple).

    >>> spill = Spill()
    >>> _ = [spill.append((c, i)) for i, c in enumerate("abc")]
    >>> frames = Frames(spill, [2, 0], part=0)
    >>> list(frames), frames[-1], frames[:1]
    (['c', 'a'], 'a', ['c'])
    """

    def __init__(self, spill: Spill, frames: Sequence[int], *, part: int | None = None) -> None:
        self.spill, self._frames, self._part = spill, list(frames), part

    def _load(self, frame: int) -> Any:
        value = self.spill[frame]
        return value if self._part is None else value[self._part]

    @overload
    def __getitem__(self, index: int) -> Any: ...

    @overload
    def __getitem__(self, index: slice) -> list[Any]: ...

    def __getitem__(self, index: int | slice) -> Any:
        if isinstance(index, slice):
            return [self._load(f) for f in self._frames[index]]
        return self._load(self._frames[index])

    def __iter__(self) -> Iterator[Any]:
        for frame in self._frames:
            yield self._load(frame)

    def __len__(self) -> int:
        return len(self._frames)
