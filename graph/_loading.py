"""Load N-Quads into an Oxigraph store on a thread of its own, while the caller makes the next piece.

Oxigraph parses and inserts without holding the GIL, so a build that reads
its pieces from the cache, or maps them, goes on with that while the
previous piece is loaded. Pieces are queued a few at a time (backpressure),
loaded in the order given, and an error in the loading thread is raised in
the caller. Before the process forks (the mapping's worker pool), every
loader waits until its queue is empty, so no child starts while a load is
under way in another thread.

Examples
--------
>>> import pyoxigraph as ox
>>> store = ox.Store()
>>> with BackgroundLoad(store) as loading:
...     loading.put(b"<http://a/s> <http://a/p> <http://a/o> <http://a/g> .\\n")
...     loading.put(b"<http://a/s> <http://a/p> <http://a/o2> <http://a/g> .\\n")
>>> len(store)
2
"""

from __future__ import annotations

import os
import queue
import threading
import weakref
from types import TracebackType
from typing import Any

__all__ = ["BackgroundLoad"]

_ACTIVE: weakref.WeakSet[BackgroundLoad] = weakref.WeakSet()
_FORK_HOOK = threading.Lock()
_hooked = False


def _drain_all() -> None:
    """Before a fork: wait until no loader has a piece queued or loading."""
    for loader in list(_ACTIVE):
        loader.drain()


class BackgroundLoad:
    """A thread that loads N-Quads pieces into ``store``, ``in_flight`` of them queued at most.

    ``put`` hands over a piece (bytes of N-Quads, parkkg's own serialisation:
    loaded leniently, without checking IRIs again); leaving the ``with``
    block waits for the last piece and raises the first error the thread
    met, unless the block itself is raising.
    """

    def __init__(self, store: Any, *, in_flight: int = 4) -> None:
        global _hooked
        self.store = store
        self._queue: queue.Queue[bytes | None] = queue.Queue(maxsize=in_flight)
        self._error: BaseException | None = None
        with _FORK_HOOK:
            if not _hooked and hasattr(os, "register_at_fork"):
                os.register_at_fork(before=_drain_all)
                _hooked = True
        self._thread = threading.Thread(target=self._run, name="parkkg-store-load", daemon=True)
        self._thread.start()
        _ACTIVE.add(self)

    def _run(self) -> None:
        import pyoxigraph as ox

        while True:
            piece = self._queue.get()
            try:
                if piece is None:
                    return
                if self._error is None:  # after an error, pieces are taken and dropped, so put() never blocks for ever
                    self.store.load(piece, format=ox.RdfFormat.N_QUADS, lenient=True)
            except BaseException as exc:  # noqa: BLE001 - raised again in the caller's thread
                self._error = exc
            finally:
                self._queue.task_done()

    def put(self, nquads: bytes) -> None:
        """Queue a piece (waits while ``in_flight`` pieces are queued); raises an earlier load's error."""
        if self._error is not None:
            raise self._error
        self._queue.put(nquads)

    def drain(self) -> None:
        """Wait until every piece queued so far is loaded."""
        if self._thread.is_alive():
            self._queue.join()

    def close(self) -> None:
        """Load what is queued, stop the thread, and raise its error if it met one."""
        if self._thread.is_alive():
            self._queue.put(None)
            self._thread.join()
        _ACTIVE.discard(self)
        if self._error is not None:
            raise self._error

    def __enter__(self) -> BackgroundLoad:
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None) -> None:
        if kind is None:
            self.close()
            return
        try:
            self.close()
        except BaseException:  # noqa: BLE001 - the block's own error is the one to report
            pass
