"""Waiting for work that Python cannot interrupt (an Oxigraph or rdflib query).

:func:`call_within` runs the work on a daemon thread and waits at most a
given time. The caller decides what overrunning means: the endpoint answers
503 and lets the thread finish in the background, ``parkkg query`` ends the
process. Exceptions the work raises reach the caller unchanged.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TypeVar

__all__ = ["DeadlinePassed", "call_within"]

T = TypeVar("T")


class DeadlinePassed(Exception):
    """The work was still running when the wait ended (it goes on in its thread)."""


def call_within(work: Callable[[], T], seconds: float, *, name: str = "parkkg-query") -> T:
    """``work()``'s result, or :class:`DeadlinePassed` after ``seconds``.

    Examples
    --------
    >>> call_within(lambda: 6 * 7, 1.0)
    42
    >>> import time
    >>> try:
    ...     call_within(lambda: time.sleep(1), 0.01)
    ... except DeadlinePassed:
    ...     print("still running")
    still running
    """
    box: dict[str, object] = {}

    def run() -> None:
        try:
            box["result"] = work()
        except BaseException as exc:  # handed back to the waiting thread
            box["error"] = exc

    worker = threading.Thread(target=run, name=name, daemon=True)
    worker.start()
    worker.join(seconds)
    if worker.is_alive():
        raise DeadlinePassed(f"still running after {seconds:g} s")
    if "error" in box:
        raise box["error"]  # type: ignore[misc]
    return box["result"]  # type: ignore[return-value]
