"""Worker processes for the pipeline: one way to fan work out, used by extraction and mapping.

Workers fork from the main process where the platform allows, so they
start with what it already holds (jieba's dictionary, the lexicon, a
corpus's extractions) instead of loading or receiving it. While a pool is
open, the main process's objects are frozen out of garbage collection
(:func:`gc.freeze`): a collection in a worker would otherwise write to
every object it inherited and so copy every page the fork shares.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any, TypeVar

__all__ = ["worker_count", "imap_ordered", "shared", "Aside", "run_aside", "Standby", "sigint_held"]

T = TypeVar("T")


def worker_count(jobs: int | None) -> int:
    """Worker processes for ``jobs`` (``None``: one per core).

    Examples
    --------
    >>> worker_count(3), worker_count(0), worker_count(None) >= 1
    (3, 1, True)
    """
    import os

    return (os.cpu_count() or 1) if jobs is None else max(1, jobs)


def imap_ordered(
    fn: Callable[[Any], T],
    items: Sequence[Any],
    workers: int,
    *,
    chunksize: int | None = None,
    in_flight: int | None = None,
    meanwhile: Callable[[], Any] | None = None,
    inherit: Any = None,
) -> Iterator[T]:
    """``map(fn, items)`` in input order, over ``workers`` processes when there is more than one item.

    Work is handed out with backpressure: at most ``in_flight`` batches are
    queued or running or waiting to be collected at any time, so a slow
    consumer (the main process loading a store) holds a few results, never
    the whole corpus's. Each worker receives only its batch of ``items``.

    Parameters
    ----------
    chunksize : int, optional
        Items handed to a worker at a time (default: about 32 batches a
        worker, at most 64 items each: small enough that the workers end
        together, the last batch short).
    in_flight : int, optional
        Batches submitted and not yet yielded (default: two a worker).
    meanwhile : callable, optional
        This process's own work, called once (its value dropped) when the
        first batches are handed out and before any result is waited for,
        so it runs while the workers run theirs; mapped in this process,
        the items wait until it is done. Processes forked for the items do
        not see what it does.
    inherit : object, optional
        What ``fn`` reads besides its item (a corpus's extractions, a name
        index): :func:`shared` answers it while the map runs, in this
        process and in the workers, which inherit it when they fork, so it
        is never pickled; where the platform cannot fork, the items are
        mapped in this process instead.

    Examples
    --------
    >>> list(imap_ordered(abs, [-3, 1, -2], 2))
    [3, 1, 2]
    >>> done = []
    >>> list(imap_ordered(abs, [-3, 1], 2, meanwhile=lambda: done.append("here"))), done
    ([3, 1], ['here'])
    >>> list(imap_ordered(abs, range(-9, 0), 2, chunksize=1, in_flight=2)) == list(range(9, 0, -1))
    True
    """
    global _SHARED
    if inherit is None:
        yield from _imap_ordered(fn, items, workers, chunksize, False, in_flight, meanwhile)
        return
    if _SHARED is not None:
        raise RuntimeError("imap_ordered(inherit=...) is already running: one map at a time can share state")
    _SHARED = inherit  # before the pool forks: the workers inherit it
    try:
        yield from _imap_ordered(fn, items, workers, chunksize, True, in_flight, meanwhile)
    finally:
        _SHARED = None


#: what :func:`shared` answers: set while an ``imap_ordered(..., inherit=...)`` runs, inherited by its workers
_SHARED: Any = None


def shared() -> Any:
    """What the running ``imap_ordered(..., inherit=state)`` shares with its ``fn``: ``state``.

    Examples
    --------
    >>> def scaled(x):
    ...     return x * shared()
    >>> list(imap_ordered(scaled, [1, 2, 3], 1, inherit=10))  # in this process (a doctest's function cannot reach a worker)
    [10, 20, 30]
    """
    if _SHARED is None:
        raise RuntimeError("shared() is read only by a function imap_ordered(..., inherit=...) is mapping")
    return _SHARED


def _imap_ordered(
    fn: Callable[[Any], T],
    items: Sequence[Any],
    workers: int,
    chunksize: int | None,
    fork_only: bool,
    in_flight: int | None,
    meanwhile: Callable[[], Any] | None,
) -> Iterator[T]:
    """:func:`imap_ordered` once its shared state is set (``fork_only``: there is some, which only a fork passes on)."""
    import multiprocessing as mp

    can_fork = "fork" in mp.get_all_start_methods()
    if workers <= 1 or len(items) <= 1 or (fork_only and not can_fork):
        if meanwhile is not None:
            meanwhile()
        yield from map(fn, items)
        return
    import gc
    from collections import deque

    ctx = mp.get_context("fork") if can_fork else mp.get_context()
    size = chunksize or max(1, min(64, len(items) // (workers * 32) or 1))
    batches = (items[i : i + size] for i in range(0, len(items), size))
    window = max(1, in_flight if in_flight is not None else 2 * workers)
    gc.freeze()
    try:
        with sigint_held():  # a pool half started (or half stopped, below) would leave workers behind
            pool = ctx.Pool(processes=min(workers, len(items)), initializer=_ignore_sigint)
        try:
            pending: deque[Any] = deque()
            for batch in batches:
                pending.append(pool.apply_async(_run_batch, (fn, batch)))
                if len(pending) >= window:
                    if meanwhile is not None:
                        meanwhile()
                        meanwhile = None
                    yield from pending.popleft().get()
            if meanwhile is not None:
                meanwhile()
            while pending:
                yield from pending.popleft().get()
        finally:
            with sigint_held():
                pool.terminate()
    finally:
        gc.unfreeze()


@contextmanager
def sigint_held() -> Iterator[None]:
    """Hold Ctrl-C (SIGINT) back while the block runs; one that came meanwhile is taken when it ends.
    For the few steps that must not stop half-way: starting and stopping processes.

    Python runs signal handlers in the main thread, whichever thread the signal reached, so the
    hold swaps the handler (a thread's signal mask would not do: another thread may take the
    signal). Outside the main thread Ctrl-C never raises here, and nothing is held.
    """
    import signal
    import threading

    if threading.current_thread() is not threading.main_thread():
        yield
        return
    caught: list[int] = []
    previous = signal.signal(signal.SIGINT, lambda signum, frame: caught.append(signum))
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)
        if caught:
            signal.raise_signal(signal.SIGINT)  # now, as the handler held back would have had it


def _run_batch(fn: Callable[[Any], T], batch: Sequence[Any]) -> list[T]:
    return [fn(item) for item in batch]


def _ignore_sigint() -> None:
    """Workers leave Ctrl-C to the main process, which stops them (no traceback from each worker)."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)


class Aside:
    """``fn(*args)`` run beside the caller: in a forked process where the platform can fork, else when asked for.

    Use it as a context manager: :meth:`result` waits for the value (an
    exception ``fn`` raised is raised again here); leaving the block without
    having asked for it (an error, Ctrl-C) stops the process.
    """

    def __init__(self, fn: Callable[..., T], args: tuple[Any, ...]) -> None:
        import multiprocessing as mp

        self._fn, self._args = fn, args
        self._process: Any = None
        self._receive: Any = None
        self.forked = False
        """Whether ``fn`` runs in a process of its own."""
        if "fork" in mp.get_all_start_methods():
            self._receive, self._process = _fork_with_pipe(_run_aside, (fn, args), duplex=False, daemon=True)
            self.forked = True

    def result(self) -> Any:
        """Wait for ``fn``'s value (computed now if it could not run in a process of its own)."""
        if self._process is None:
            return self._fn(*self._args)
        try:
            ok, value = self._receive.recv()
        except EOFError:
            self._process.join()
            raise RuntimeError(f"the process running {getattr(self._fn, '__name__', self._fn)} ended with code {self._process.exitcode} before answering") from None
        finally:
            self._receive.close()
        self._process.join()
        self._process = self._fn = None  # answered: nothing to stop on exit
        if not ok:
            raise value
        return value

    def __enter__(self) -> Aside:
        return self

    def __exit__(self, *exc: object) -> None:
        if self._process is not None:
            self._receive.close()  # a process still waiting for work (a Standby's) ends on its own
            if self._process.is_alive():
                self._process.terminate()
            self._process.join(STOP_GRACE_SECONDS)
            if self._process.is_alive():  # deaf to SIGTERM (stuck in native code): stop it for sure
                self._process.kill()
                self._process.join()
            self._process = None


#: seconds a process asked to stop (SIGTERM) may take to unwind before it is killed
STOP_GRACE_SECONDS = 10.0


def run_aside(fn: Callable[..., T], *args: Any) -> Aside:
    """Start ``fn(*args)`` beside the caller (see :class:`Aside`).

    Examples
    --------
    >>> with run_aside(sorted, [3, 1, 2]) as aside:
    ...     aside.result()
    [1, 2, 3]
    """
    return Aside(fn, args)


def _fork_with_pipe(target: Callable[..., None], args: tuple[Any, ...], *, duplex: bool, daemon: bool) -> tuple[Any, Any]:
    """Start ``target(their_end, *args)`` in a forked process; returns (our end of the pipe, the process)."""
    import multiprocessing as mp
    import sys

    ctx = mp.get_context("fork")
    ours, theirs = ctx.Pipe(duplex=duplex)
    for stream in (sys.stdout, sys.stderr):  # nothing buffered is written twice
        stream.flush()
    process = ctx.Process(target=_child, args=(os.getpid(), target, theirs, *args), daemon=daemon)
    with sigint_held():  # started and handed back whole, or not at all
        process.start()
        theirs.close()
    return ours, process


def _child(parent: int, target: Callable[..., None], *args: Any) -> None:
    """A forked process's first step: it ends with its parent however that ends (even SIGKILL), then runs ``target``."""
    die_with_parent(parent)
    target(*args)


def die_with_parent(parent: int) -> None:
    """Ask Linux to SIGKILL this process when the thread that forked it ends (best effort elsewhere).

    Stopping a process on purpose lets it unwind and stop what it started; this
    covers the rest: a parent killed outright (SIGKILL, the OOM killer) or deaf to
    SIGTERM and killed after its grace leaves no child of its running.
    """
    import signal

    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGKILL, 0, 0, 0)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):  # pragma: no cover - not Linux
        return
    if os.getppid() != parent:  # the parent ended before the request took effect
        os._exit(1)


def _run_aside(send: Any, fn: Callable[..., Any], args: tuple[Any, ...]) -> None:
    try:
        answer = (True, fn(*args))
    except Exception as exc:  # handed to the caller, who raises it
        answer = (False, exc)
    try:
        send.send(answer)
    except Exception as exc:  # a value or an exception that cannot be pickled
        send.send((False, RuntimeError(f"{type(exc).__name__}: {exc}")))
    finally:
        send.close()


class Standby(Aside):
    """A process forked now that gets ready for work whose arguments are not known yet.

    The process runs ``prepare()`` at once (imports, fonts, caches: work that
    needs no input) while the caller goes on; :meth:`start` sends it the
    arguments, and it runs ``fn(*args)``; :meth:`result` waits for the value
    (an exception ``fn`` raised is raised again here), as for :class:`Aside`.
    Where the platform cannot fork, ``fn`` runs in the caller when
    :meth:`result` is asked for. Use it as a context manager: leaving the
    block without having asked for the value (an error, Ctrl-C) stops the
    process.

    Examples
    --------
    >>> with Standby(fn=sorted, prepare=lambda: None) as standby:
    ...     standby.start([3, 1, 2])
    ...     standby.result()
    [1, 2, 3]
    """

    def __init__(self, fn: Callable[..., T], prepare: Callable[[], Any]) -> None:
        import multiprocessing as mp

        self._fn = fn
        self._args: tuple[Any, ...] | None = None
        self._process: Any = None
        self._receive: Any = None  # both ends of the talk: the arguments go out on it, the answer comes back
        self.forked = False
        """Whether ``fn`` runs in a process of its own."""
        if "fork" in mp.get_all_start_methods():
            # not a daemon: fn may start processes of its own (a daemon may not); __exit__ stops it
            self._receive, self._process = _fork_with_pipe(_stand_by, (prepare, fn), duplex=True, daemon=False)
            self.forked = True

    def start(self, *args: Any) -> None:
        """Hand the process ``fn``'s arguments (pickled to it); it runs ``fn`` as soon as it is ready."""
        if self._args is not None:
            raise RuntimeError("Standby.start was called twice")
        self._args = args
        if self._process is not None:
            self._receive.send(args)

    def result(self) -> Any:
        """Wait for ``fn``'s value (computed now if it could not run in a process of its own)."""
        if self._args is None:
            raise RuntimeError("Standby.result before Standby.start")
        return super().result()

    def __enter__(self) -> Standby:
        return self


def _stand_by(conn: Any, prepare: Callable[[], Any], fn: Callable[..., Any]) -> None:
    import signal
    import sys

    # stopped by the caller (SIGTERM): unwind, so that processes fn started are stopped too
    signal.signal(signal.SIGTERM, lambda signum, frame: sys.exit(128 + signum))
    # SIGTERM is held back while prepare() runs, for two reasons. Its SystemExit, raised inside library
    # code that swallows every exception, would be lost, and the process would then wait on the pipe for
    # good (tests/test_parallel.py shows it). And the threads prepare() starts (numpy's BLAS pool) inherit
    # the block, so a later SIGTERM reaches this thread's blocking read, not a thread that cannot act on it.
    signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGTERM})
    try:
        prepare()
    except Exception:  # preparing is an optimisation: fn meets the same problem and reports it
        pass
    finally:
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGTERM})  # a SIGTERM held back is handled now
    try:
        args = conn.recv()
    except EOFError:  # the caller left without work for us
        conn.close()
        return
    _run_aside(conn, fn, args)
