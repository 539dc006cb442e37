"""Remember a per-document reading for the stages that ask it of the same document again.

Mentions, relations and observations each read a document's tables, records
and sections from its sentences; :func:`per_document` keeps the answer for
the last document only (one entry, so nothing grows), and gives it again when
the very same sentences tuple (and lexicon object) is passed, instead of
reading them twice.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import wraps
from typing import Any, TypeVar

T = TypeVar("T")

__all__ = ["per_document"]


def per_document(fn: Callable[..., list[T]]) -> Callable[..., list[T]]:
    """Wrap ``fn(sentences, *rest)`` (a pure function returning a list of immutable items) to remember its last answer.

    The answer is reused only when ``sentences`` is the very tuple of the last
    call (a tuple, so unchanged since) and each further argument the very
    object; each caller gets a fresh list. Two documents extracted one after
    the other, or in two threads, each get their own answer: a different
    tuple is a miss.

    Examples
    --------
    >>> calls = []
    >>> @per_document
    ... def count(sentences):
    ...     calls.append(1)
    ...     return [len(sentences)]
    >>> doc = ("a", "b")
    >>> count(doc), count(doc), count(("c",)), len(calls)
    ([2], [2], [1], 2)
    """
    last: list[tuple[Any, tuple[Any, ...], tuple[T, ...]]] = [(None, (), ())]

    @wraps(fn)
    def wrapper(sentences: Sequence[Any], *rest: Any, **named: Any) -> list[T]:
        if named:  # (no caller names its arguments; such a call is simply not remembered)
            return fn(sentences, *rest, **named)
        hit_sentences, hit_rest, hit = last[0]
        if hit_sentences is sentences and len(hit_rest) == len(rest) and all(a is b for a, b in zip(hit_rest, rest)):
            return list(hit)
        result = fn(sentences, *rest)
        if isinstance(sentences, tuple):
            last[0] = (sentences, rest, tuple(result))
        return result

    return wrapper
