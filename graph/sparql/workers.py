"""Queries evaluated in worker processes that a deadline can stop.

A thread cannot be stopped from Python: rdflib's engine can sit inside one
call to ``re`` (a catastrophic regular expression) holding the GIL, and
Oxigraph's evaluation offers no cancellation. So the endpoint does not run
queries in its own process. :class:`IsolatedStore` wraps a store and keeps a
small pool of worker processes, each holding the graph opened read-only (an
on-disk Oxigraph store: the store's own folder, or a snapshot written once);
a query goes to an idle worker, and a worker that passes the query's deadline
is killed (``SIGKILL``) and replaced in the background, so a regex, a cross
product or a growing CONSTRUCT costs its own deadline and nothing more. Each
worker also runs under a memory cap (``RLIMIT_DATA``), and ignores Ctrl-C,
which belongs to the server.

Each worker is a fresh interpreter (``python -m graph.sparql.workers``), so
the caller's script is never imported again; it ignores Ctrl-C (the server
stops it) and dies with the server process, even one killed outright.
Replacing a killed worker takes about a second, in the background.

>>> from graph import api
>>> from graph.sparql.store import open_store
>>> with IsolatedStore(open_store(api.build_text("广东星河新材料有限公司位于肇庆高新区。")), workers=1) as store:
...     store.query("ASK { ?e a pk:Organization }").boolean
True
"""

from __future__ import annotations

import logging
import os
import queue
import shutil
import signal
import tempfile
import threading
import time
import weakref
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from rdflib import Graph, URIRef

from graph._parallel import die_with_parent
from graph.errors import QueryError, StoreError
from graph.sparql.store import (
    ParsedQuery,
    QueryRefused,
    QueryResult,
    QuerySyntaxError,
    QueryTimeout,
    Store,
    open_store,
    outline_query,
)
from graph.vocab import bind_prefixes

__all__ = ["IsolatedStore", "WorkerCrashed", "DEFAULT_MEMORY_LIMIT"]

log = logging.getLogger("graph.sparql.workers")

#: Memory one query worker may allocate (bytes), past which its query fails.
DEFAULT_MEMORY_LIMIT = 2 << 30
#: Seconds a new worker may take to open the graph.
START_TIMEOUT = 120.0
#: Seconds past a query's deadline before its worker is killed (the engine's own limit acts first).
GRACE = 0.5


class WorkerCrashed(QueryError):
    """The worker evaluating a query stopped: the query was too deep or too large for the engine."""


@dataclass(frozen=True)
class _WorkerSpec:
    source: str
    backend: str
    inference: bool
    memory_limit: int | None


# --------------------------------------------------------------------------- the worker side


def _limit_memory(limit: int | None) -> None:
    if limit is None:
        return
    import resource

    soft, hard = resource.getrlimit(resource.RLIMIT_DATA)
    cap = limit if hard == resource.RLIM_INFINITY else min(limit, hard)
    resource.setrlimit(resource.RLIMIT_DATA, (cap, hard))


def _pack(result: QueryResult) -> dict[str, Any]:
    triples = list(result.graph) if result.graph is not None else None
    return {
        "kind": result.kind, "vars": result.vars, "rows": result.rows, "boolean": result.boolean,
        "triples": triples, "truncated": result.truncated,
    }


def _unpack(data: dict[str, Any]) -> QueryResult:
    graph = None
    if data["triples"] is not None:
        graph = bind_prefixes(Graph())
        for t in data["triples"]:
            graph.add(t)
    return QueryResult(
        data["kind"], vars=tuple(data["vars"]), rows=data["rows"], boolean=data["boolean"], graph=graph,
        truncated=data["truncated"],
    )


_ERRORS: dict[str, type[QueryError]] = {
    "syntax": QuerySyntaxError, "refused": QueryRefused, "timeout": QueryTimeout, "query": QueryError,
}


def _describe_error(exc: BaseException) -> tuple[str, str, tuple[Any, ...]]:
    if isinstance(exc, QuerySyntaxError):
        return "syntax", exc.reason, (exc.line, exc.column)
    if isinstance(exc, QueryRefused):
        return "refused", str(exc), ()
    if isinstance(exc, QueryTimeout):
        return "timeout", str(exc), ()
    if isinstance(exc, QueryError):
        return "query", str(exc), ()
    if isinstance(exc, MemoryError):
        return "query", "the query needed more memory than a query may use; narrow it (LIMIT, more specific patterns)", ()
    if isinstance(exc, RecursionError):
        return "query", "the query is nested too deeply for the engine; flatten its groups", ()
    if isinstance(exc, PermissionError):
        return "refused", str(exc), ()
    return "query", f"the query failed while running: {type(exc).__name__}: {exc}", ()


def _raise(kind: str, message: str, extra: tuple[Any, ...]) -> None:
    if kind == "syntax":
        line, column = extra or (None, None)
        raise QuerySyntaxError(message, line, column)
    raise _ERRORS[kind](message)


def serve_queries(conn: Any, spec: _WorkerSpec) -> None:
    """A worker's life: open the graph, then answer queries from ``conn`` until it closes."""
    try:
        _limit_memory(spec.memory_limit)
        store = open_store(spec.source, backend=spec.backend, inference=spec.inference)
    except BaseException as exc:  # reported to the parent, which raises it
        conn.send(("failed", f"{type(exc).__name__}: {exc}"))
        return
    conn.send(("ready", len(store)))
    while True:
        try:
            text, base, default_graphs, named_graphs, timeout, max_results = conn.recv()
        except (EOFError, OSError):
            return
        try:
            parsed = store.parse(text, base=base or None)
            result = store.query(
                parsed, default_graphs=default_graphs, named_graphs=named_graphs, timeout=timeout, max_results=max_results
            )
            reply: tuple[Any, ...] = ("ok", _pack(result))
        except Exception as exc:  # every failure is an answer, never a dead worker
            reply = ("error", *_describe_error(exc))
        try:
            conn.send(reply)
        except MemoryError:
            conn.send(("error", *_describe_error(MemoryError())))


# --------------------------------------------------------------------------- the parent side


_spawn_requests: queue.Queue[tuple[Any, queue.Queue[Any]]] = queue.Queue()
_spawner_lock = threading.Lock()
_spawner: threading.Thread | None = None


def _spawn(start: Any) -> Any:
    """Run ``start()`` (which forks) on one long-lived thread of this process.

    A worker asks the kernel to kill it when the thread that forked it ends
    (``PR_SET_PDEATHSIG``), so that a server killed outright leaves no query
    running; forking always from this thread, which lives as long as the
    process, makes that mean "when the server process ends".
    """
    global _spawner
    with _spawner_lock:
        if _spawner is None:
            def loop() -> None:
                while True:
                    job, reply = _spawn_requests.get()
                    try:
                        reply.put((True, job()))
                    except BaseException as exc:  # handed back to the caller
                        reply.put((False, exc))

            _spawner = threading.Thread(target=loop, name="parkkg-worker-spawner", daemon=True)
            _spawner.start()
    reply: queue.Queue[Any] = queue.Queue()
    _spawn_requests.put((start, reply))
    ok, value = reply.get()
    if not ok:
        raise value
    return value


class _Worker:
    """One worker: a fresh interpreter (``python -m graph.sparql.workers``), so
    nothing of the caller's ``__main__`` is imported again, talking over a socket pair."""

    def __init__(self, spec: _WorkerSpec) -> None:
        import json
        import subprocess
        import sys
        from multiprocessing.connection import Pipe

        self.conn, child = Pipe(duplex=True)
        argv = [sys.executable, "-m", "graph.sparql.workers", str(child.fileno()), str(os.getpid()), json.dumps(asdict(spec))]
        try:
            self.process = _spawn(lambda: subprocess.Popen(argv, pass_fds=(child.fileno(),), stdin=subprocess.DEVNULL))
        finally:
            child.close()
        if not self.conn.poll(START_TIMEOUT):
            self.kill()
            raise StoreError(f"a query worker did not open the graph within {START_TIMEOUT:g} s")
        try:
            status, detail = self.conn.recv()
        except (EOFError, OSError):
            code = self.process.wait(5)
            self.kill()
            raise StoreError(f"a query worker stopped while opening the graph (exit code {code})") from None
        if status != "ready":
            self.kill()
            raise StoreError(f"a query worker cannot open the graph: {detail}")

    @property
    def exitcode(self) -> int | None:
        try:
            return self.process.wait(5)
        except Exception:  # still running after all
            return None

    def kill(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
        try:
            self.process.wait(5)
        except Exception:  # pragma: no cover - a process that survives SIGKILL
            log.warning("query worker %s did not exit", self.process.pid)
        self.conn.close()


class IsolatedStore(Store):
    """A :class:`Store` whose queries run in killable worker processes.

    Parameters
    ----------
    store : Store
        The graph. An on-disk Oxigraph store is opened by each worker from
        its own folder; any other store is written once to a snapshot in a
        temporary folder (removed by :meth:`close`).
    workers : int
        Queries evaluated at once. Workers start on demand (:meth:`warm`
        starts them all).
    memory_limit : int or None
        Bytes a worker may allocate (``RLIMIT_DATA``); a query past it fails
        with :class:`~graph.errors.QueryError` or :class:`WorkerCrashed`.

    ``query`` takes the same arguments as :meth:`Store.query` and raises the
    same errors; past ``timeout`` (plus :data:`GRACE`) the worker is killed and
    :class:`~graph.sparql.store.QueryTimeout` raised. Waiting for a free worker
    counts against the same ``timeout``.
    """

    def __init__(self, store: Store, *, workers: int = 2, memory_limit: int | None = DEFAULT_MEMORY_LIMIT) -> None:
        if workers < 1:
            raise ValueError("an isolated store needs at least one worker")
        self.inner = store
        self.backend = store.backend
        self.inference = store.inference
        self.memory_limit = memory_limit
        self._size = workers
        self._folder = Path(tempfile.mkdtemp(prefix="parkkg-query-"))
        self._finalizer = weakref.finalize(self, shutil.rmtree, str(self._folder), True)
        self._spec = _WorkerSpec(store.snapshot(self._folder / "store"), store.backend.value, store.inference, memory_limit)
        self._idle: queue.Queue[_Worker] = queue.Queue()
        self._lock = threading.Lock()
        self._started = 0
        self._closed = False
        self._all: set[_Worker] = set()

    # ------------------------------------------------------------------ metadata comes from the wrapped store

    def graph_names(self) -> list[URIRef]:
        return self.inner.graph_names()

    def __len__(self) -> int:
        return len(self.inner)

    def parse(self, text: str, *, base: str | None = None) -> ParsedQuery:
        """Only the lexical checks here; the engine parses in the worker, under the deadline."""
        return outline_query(text, base=base)

    def _run(self, parsed, dataset, max_results):  # type: ignore[no-untyped-def]  # pragma: no cover - query() is overridden
        raise NotImplementedError

    def snapshot(self, path: str | Path) -> str:
        return self._spec.source

    # ------------------------------------------------------------------ workers

    def warm(self) -> None:
        """Start every worker now (in parallel), so the first queries do not wait."""
        with self._lock:
            missing = self._size - self._started
            self._started += missing
        errors: list[BaseException] = []

        def start() -> None:
            try:
                self._add_worker()
            except BaseException as exc:  # raised below, in the caller's thread
                with self._lock:
                    self._started -= 1
                errors.append(exc)

        threads = [threading.Thread(target=start, daemon=True) for _ in range(missing)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        if errors:
            raise errors[0]

    def _add_worker(self) -> None:
        worker = _Worker(self._spec)
        with self._lock:
            if self._closed:
                worker.kill()
                return
            self._all.add(worker)
        self._idle.put(worker)

    def _replace(self, worker: _Worker) -> None:
        """Kill ``worker`` and start another in the background."""
        with self._lock:
            self._all.discard(worker)
        worker.kill()

        def restart() -> None:
            try:
                self._add_worker()
            except Exception:  # the next query starts one on demand
                log.exception("could not restart a query worker")
                with self._lock:
                    self._started -= 1

        if not self._closed:
            threading.Thread(target=restart, name="parkkg-worker-restart", daemon=True).start()

    def _acquire(self, deadline: float | None) -> _Worker:
        with self._lock:
            if self._closed:
                raise StoreError("the store is closed")
            start_one = self._started < self._size and self._idle.empty()
            if start_one:
                self._started += 1
        if start_one:
            try:
                self._add_worker()
            except BaseException:
                with self._lock:
                    self._started -= 1
                raise
        wait = None if deadline is None else max(0.0, deadline - time.monotonic())
        try:
            return self._idle.get(timeout=wait)
        except queue.Empty:
            raise QueryTimeout(
                f"every query worker ({self._size}) stayed busy past the time limit; try again, or narrow the queries"
            ) from None

    # ------------------------------------------------------------------ queries

    def query(
        self,
        query: str | ParsedQuery,
        *,
        default_graphs: Any = None,
        named_graphs: Any = None,
        timeout: float | None = None,
        max_results: int | None = None,
    ) -> QueryResult:
        parsed = query if isinstance(query, ParsedQuery) else self.parse(query)
        deadline = None if timeout is None else time.monotonic() + timeout
        worker = self._acquire(deadline)
        remaining = None if deadline is None else max(0.0, deadline - time.monotonic())
        message = (
            parsed.text, parsed.base, None if default_graphs is None else list(default_graphs),
            None if named_graphs is None else list(named_graphs), remaining, max_results,
        )
        try:
            worker.conn.send(message)
            answered = worker.conn.poll(None if remaining is None else remaining + GRACE)
        except (OSError, EOFError):
            answered = True  # the worker is gone: recv() below says so
        if not answered:
            self._replace(worker)
            raise QueryTimeout(
                f"the query ran past the time limit of {timeout:g} s and was stopped"
            )
        try:
            reply = worker.conn.recv()
        except (EOFError, OSError):
            code = worker.exitcode
            self._replace(worker)
            limit = f"{self.memory_limit / (1 << 30):g} GiB" if self.memory_limit else "none"
            raise WorkerCrashed(
                f"the query engine stopped on this query (exit code {code}): it is nested too deeply or needed more "
                f"than the memory limit ({limit}); simplify it"
            ) from None
        self._idle.put(worker)
        if reply[0] == "ok":
            return _unpack(reply[1])
        _raise(*reply[1:])
        raise AssertionError("unreachable")  # pragma: no cover

    def close(self) -> None:
        """Stop the workers and remove the snapshot."""
        with self._lock:
            self._closed = True
            workers = list(self._all)
            self._all.clear()
        for w in workers:
            w.kill()
        self._finalizer()
        self.inner.close()


def _main(argv: list[str]) -> None:
    import json
    from multiprocessing.connection import Connection

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C belongs to the server, which stops its workers
    die_with_parent(int(argv[1]))
    conn = Connection(int(argv[0]))
    serve_queries(conn, _WorkerSpec(**json.loads(argv[2])))


if __name__ == "__main__":
    import sys

    _main(sys.argv[1:])
