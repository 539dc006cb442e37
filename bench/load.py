"""A bounded load test of ``parkkg serve`` on loopback.

N client threads each send Q questions from the query library (in turn,
each client starting at a different one) over one keep-alive connection, and
the run reports how many answers came back, how many failed, the rate, and
the latency percentiles. It sends a fixed number of requests and stops by
itself; it refuses any address that is not this machine's loopback.

Run it as a script (it starts ``parkkg serve --port 0`` on 127.0.0.1 over
the bundled article's graph, or ``--graph FILE``, and stops it at the end)::

    python bench/load.py --clients 20 --queries 250          # 5,000 queries
    python bench/load.py --url http://127.0.0.1:7878 -c 4 -q 10

or from Python (``tests/test_load.py`` does, at a small size)::

    >>> import load
    >>> report = load.run_load("http://127.0.0.1:9", clients=1, per_client=1, timeout=2)
    >>> report.requests, report.errors
    (1, 1)
"""

from __future__ import annotations

import argparse
import http.client
import ipaddress
import json
import math
import os
import re
import socket
import statistics
import subprocess
import sys
import threading
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlencode, urlsplit

ROOT = Path(__file__).resolve().parents[1]

__all__ = ["LoadReport", "run_load", "library_queries", "start_server", "main"]


@dataclass
class LoadReport:
    """What a load run measured (latencies in seconds)."""

    clients: int
    per_client: int
    seconds: float
    latencies: list[float] = field(default_factory=list)
    errors: int = 0
    failures: Counter = field(default_factory=Counter)  # "503: the server is busy ..." -> count

    @property
    def requests(self) -> int:
        return len(self.latencies) + self.errors

    @property
    def rate(self) -> float:
        """Requests per second."""
        return self.requests / self.seconds if self.seconds else float("nan")

    def percentile(self, p: float) -> float:
        """The ``p``-th percentile of the successful requests' latency (nearest rank)."""
        if not self.latencies:
            return float("nan")
        ordered = sorted(self.latencies)
        rank = max(1, min(len(ordered), math.ceil(p / 100 * len(ordered))))
        return ordered[rank - 1]

    def summary(self) -> str:
        ok = len(self.latencies)
        lines = [
            f"{self.clients} clients x {self.per_client} queries = {self.requests} requests in {self.seconds:.1f} s "
            f"({self.requests / self.seconds:.1f} req/s): {ok} answered, {self.errors} errors",
        ]
        if ok:
            lines.append(
                "latency ms: "
                + ", ".join(f"p{p} {self.percentile(p) * 1000:.0f}" for p in (50, 90, 99))
                + f", mean {statistics.fmean(self.latencies) * 1000:.0f}, max {max(self.latencies) * 1000:.0f}"
            )
        for what, n in self.failures.most_common(5):
            lines.append(f"  {n} x {what}")
        return "\n".join(lines)


def _check_loopback(url: str) -> tuple[str, int]:
    parts = urlsplit(url)
    host = parts.hostname or ""
    try:
        loopback = host == "localhost" or ipaddress.ip_address(host).is_loopback
    except ValueError:
        loopback = False
    if parts.scheme != "http" or not loopback:
        raise SystemExit(f"load.py: {url} is not an http:// address on this machine's loopback; refusing to send load there")
    return host, parts.port or 80


def library_queries() -> list[tuple[str, str]]:
    """(name, SPARQL text) of every question in the query library."""
    from graph.sparql.query import list_queries

    return [(q.name, q.text) for q in list_queries()]


def run_load(
    url: str,
    *,
    clients: int = 20,
    per_client: int = 250,
    queries: Sequence[tuple[str, str]] | None = None,
    timeout: float = 60.0,
    path: str = "/sparql",
) -> LoadReport:
    """Send ``clients * per_client`` library queries to ``url`` (loopback only) and time them."""
    host, port = _check_loopback(url)
    queries = list(queries or library_queries())
    report = LoadReport(clients, per_client, 0.0)
    lock = threading.Lock()
    start = threading.Barrier(clients + 1)

    def client(k: int) -> None:
        conn = http.client.HTTPConnection(host, port, timeout=timeout)
        mine: list[float] = []
        failed: Counter = Counter()
        start.wait()
        for i in range(per_client):
            name, text = queries[(k + i) % len(queries)]
            target = f"{urlsplit(url).path.rstrip('/') or ''}{path}?" + urlencode({"query": text})
            t0 = time.perf_counter()
            try:
                conn.request("GET", target, headers={"Accept": "application/sparql-results+json"})
                resp = conn.getresponse()
                body = resp.read()
                if resp.status == 200:
                    json.loads(body)
                    mine.append(time.perf_counter() - t0)
                else:
                    failed[f"{resp.status}: {body.decode('utf-8', 'replace').strip()[:100]} ({name})"] += 1
                if resp.getheader("Connection", "").lower() == "close":
                    conn.close()
            except (OSError, http.client.HTTPException, ValueError) as exc:
                failed[f"{type(exc).__name__}: {exc} ({name})"] += 1
                conn.close()
        conn.close()
        with lock:
            report.latencies.extend(mine)
            report.failures.update(failed)
            report.errors += sum(failed.values())

    threads = [threading.Thread(target=client, args=(k,), name=f"load-{k}", daemon=True) for k in range(clients)]
    for t in threads:
        t.start()
    start.wait()
    t0 = time.perf_counter()
    for t in threads:
        t.join()
    report.seconds = time.perf_counter() - t0
    return report


def start_server(args: Sequence[str] = (), *, wait: float = 180.0) -> tuple[subprocess.Popen, str]:
    """Start ``parkkg serve --port 0 ARGS`` on 127.0.0.1; return the process and its base URL."""
    proc = subprocess.Popen(
        [sys.executable, "-m", "graph", "serve", "--host", "127.0.0.1", "--port", "0", *args],
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT), "PYTHONUNBUFFERED": "1"},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    guard = threading.Timer(wait, proc.kill)
    guard.start()
    seen = []
    try:
        for line in proc.stderr:
            seen.append(line)
            found = re.search(r"query page (http://127\.0\.0\.1:\d+)/", line)
            if found:
                # keep draining the server's log so it never blocks on a full pipe
                threading.Thread(target=lambda: [None for _ in proc.stderr], daemon=True).start()
                return proc, found.group(1)
    finally:
        guard.cancel()
    proc.kill()
    raise RuntimeError("parkkg serve did not start:\n" + "".join(seen))


def start_oxigraph_server(graph_file: str | Path, workdir: Path, *, wait: float = 60.0) -> tuple[subprocess.Popen, str]:
    """Oxigraph's own server (the ``oxigraph`` package) over the same graph, with the
    same entailments materialised, read-only, union default graph: the yardstick."""
    import shutil

    from graph.sparql.store import write_oxigraph

    binary = shutil.which("oxigraph") or str(Path(sys.executable).with_name("oxigraph"))
    location = write_oxigraph(graph_file, workdir / "oxigraph-yardstick", replace=True)
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    proc = subprocess.Popen(
        [binary, "serve-read-only", "--location", str(location), "--bind", f"127.0.0.1:{port}", "--union-default-graph", "--timeout-s", "10"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + wait
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return proc, f"http://127.0.0.1:{port}/query"
        except OSError:
            time.sleep(0.2)
    proc.kill()
    raise RuntimeError("the oxigraph server did not start")


def compare(graph_file: str, clients: int, per_client: int) -> str:
    """parkkg serve and the Oxigraph server over the same graph, loaded one after the other in one run."""
    import tempfile

    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for name, starter in (
            ("parkkg serve (Oxigraph, inference, 4 worker processes)", lambda: start_server(["--graph", graph_file])),
            ("oxigraph serve-read-only (same graph and entailments)", lambda: start_oxigraph_server(graph_file, Path(tmp))),
        ):
            proc, url = starter()
            try:
                report = run_load(url, clients=clients, per_client=per_client, path=_path_for(url))
            finally:
                proc.terminate()
                proc.wait(30)
            rows.append((name, report))
    base = rows[1][1].rate or float("nan")
    lines = ["| server | requests | errors | req/s | p50 ms | p90 ms | p99 ms | ratio to Oxigraph |", "|---|---|---|---|---|---|---|---|"]
    for name, r in rows:
        lines.append(
            f"| {name} | {r.requests} | {r.errors} | {r.rate:.1f} | {r.percentile(50) * 1000:.0f} | {r.percentile(90) * 1000:.0f} "
            f"| {r.percentile(99) * 1000:.0f} | {r.rate / base:.2f} |"
        )
    return "\n".join(lines)


def _path_for(url: str) -> str:
    return "" if url.endswith("/query") else "/sparql"


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--clients", "-c", type=int, default=20)
    ap.add_argument("--queries", "-q", type=int, default=250, help="queries per client")
    ap.add_argument("--url", help="a running endpoint on loopback (default: start parkkg serve)")
    ap.add_argument("--graph", help="graph file for the started server (default: the bundled article's build)")
    ap.add_argument("--serve-args", default="", help="more options for parkkg serve, e.g. '--no-inference --timeout 30'")
    ap.add_argument("--compare", action="store_true", help="also load Oxigraph's own server over the same graph and print both side by side")
    args = ap.parse_args(argv)
    if args.compare:
        graph = args.graph
        if graph is None:
            import tempfile

            from graph import api
            from graph.rdf.export import write_turtle

            graph = str(write_turtle(api.build().dataset, Path(tempfile.mkdtemp()) / "parkkg.ttl"))
        print(compare(graph, args.clients, args.queries))
        return 0
    proc = None
    url = args.url
    if url is None:
        extra = (["--graph", args.graph] if args.graph else []) + args.serve_args.split()
        proc, url = start_server(extra)
    try:
        report = run_load(url, clients=args.clients, per_client=args.queries)
    finally:
        if proc is not None:
            proc.terminate()
            proc.wait(30)
    print(f"endpoint {url}/sparql, {len(library_queries())} library queries in turn")
    print(report.summary())
    return 1 if report.errors else 0


if __name__ == "__main__":
    sys.exit(main())
