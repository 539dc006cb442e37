"""One measurement per sub-command; each prints one JSON object on stdout.

``bench/run.py`` runs these in fresh processes, several times, and writes
``docs/benchmarks.md``; every figure there names the command that made it,
so a reader can rerun any one of them::

    python bench/measure.py extract --corpus /tmp/parkkg-bench/corpus-1MB-s1 --jobs 1
    python bench/measure.py dataset --corpus DIR --quads 1000000 --out /tmp/g.nq
    python bench/measure.py load --file /tmp/g.nq --backend oxigraph-disk
    python bench/measure.py queries --file /tmp/g.nq --backend rdflib --runs 3
    python bench/measure.py html --nodes 5000 --out /tmp/n5000.html
    python bench/measure.py draw --html /tmp/n5000.html --runs 3
    python bench/measure.py pages --store oxigraph:out/store --top 20

Timing uses ``time.perf_counter``; memory is the peak resident set size of
the process (``resource.getrusage``), or of a whole process tree when
:func:`run_tree` samples ``/proc``.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import json
import os
import pstats
import resource
import shutil
import statistics
import subprocess
import sys
import threading
import time
from collections.abc import Sequence
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent

__all__ = ["corpus_files", "run_tree", "main"]


def corpus_files(corpus: str | Path) -> list[Path]:
    """The ``.txt`` files of a generated corpus, in name order."""
    return sorted(Path(corpus).rglob("*.txt"))


def _peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _emit(record: dict) -> None:
    record.setdefault("peak_rss_mb", round(_peak_rss_mb(), 1))
    print(json.dumps(record, ensure_ascii=False), flush=True)


# --------------------------------------------------------------------------- process trees


def _children() -> dict[int, list[int]]:
    kids: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", "rb") as fh:
                stat = fh.read().decode("ascii", "replace")
        except OSError:
            continue
        ppid = int(stat.rsplit(")", 1)[1].split()[1])
        kids.setdefault(ppid, []).append(int(entry))
    return kids


def _tree_rss_kb(root: int) -> int:
    return _tree_memory_kb(root, "status", "VmRSS:")


def _tree_pss_kb(root: int) -> int:
    """Proportional set size of the tree: a page shared by forked workers counts once in all, not once in each."""
    return _tree_memory_kb(root, "smaps_rollup", "Pss:")


def _tree_memory_kb(root: int, proc_file: str, field: str) -> int:
    kids = _children()
    total, todo = 0, [root]
    while todo:
        pid = todo.pop()
        todo += kids.get(pid, [])
        try:
            with open(f"/proc/{pid}/{proc_file}", encoding="ascii", errors="replace") as fh:
                for line in fh:
                    if line.startswith(field):
                        total += int(line.split()[1])
                        break
        except OSError:
            pass
    return total


def run_tree(cmd: Sequence[str], *, cwd: str | Path | None = None, max_rss_mb: float | None = None,
             timeout: float | None = None, env: dict[str, str] | None = None) -> dict:
    """Run ``cmd``; return wall seconds, CPU seconds (user and system, its
    waited-for workers included), exit code, output, and the peak RSS
    of its whole process tree (sampled every 50 ms, in MB) and its peak PSS
    (sampled every 0.5 s: pages forked workers share with their parent count
    once, so it is the memory the tree really takes).

    The command is killed if the tree passes ``max_rss_mb`` (``killed``
    says why), so a benchmark cannot exhaust a shared machine's memory.
    """
    started = time.perf_counter()
    proc = subprocess.Popen(list(cmd), cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env,
                            start_new_session=True)
    peak = [0]
    peak_pss = [0]
    killed = [""]
    done = threading.Event()

    def sample() -> None:
        ticks = 0
        while not done.wait(0.05):
            kb = _tree_rss_kb(proc.pid)
            peak[0] = max(peak[0], kb)
            ticks += 1
            if ticks % 10 == 1:
                peak_pss[0] = max(peak_pss[0], _tree_pss_kb(proc.pid))
            if max_rss_mb is not None and kb / 1024 > max_rss_mb and not killed[0]:
                killed[0] = f"memory cap of {max_rss_mb:.0f} MB reached"
                os.killpg(proc.pid, 9)
            if timeout is not None and time.perf_counter() - started > timeout and not killed[0]:
                killed[0] = f"time limit of {timeout:.0f} s reached"
                os.killpg(proc.pid, 9)

    watcher = threading.Thread(target=sample, daemon=True)
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    watcher.start()
    out, err = proc.communicate()
    seconds = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    done.set()
    watcher.join()
    return {
        "seconds": seconds,
        # the command's CPU and that of the workers it waited for (one command runs at a time here)
        "cpu_seconds": round(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime, 3),
        "returncode": proc.returncode,
        "peak_tree_rss_mb": round(peak[0] / 1024, 1),
        "peak_tree_pss_mb": round(peak_pss[0] / 1024, 1),
        "killed": killed[0],
        "stdout": out.decode("utf-8", "replace"),
        "stderr": err.decode("utf-8", "replace"),
    }


# --------------------------------------------------------------------------- extraction


def _warm_up() -> None:
    """Load the lexicon and jieba's dictionary before the clock starts."""
    from graph.api import extract
    from graph.text.read import bundled_article, read_document

    extract(read_document(bundled_article()))


def cmd_extract(args: argparse.Namespace) -> None:
    """read → clean → segment → mentions → relations/observations over a corpus (no RDF)."""
    from graph import api
    from graph._parallel import imap_ordered

    files = [str(f) for f in corpus_files(args.corpus)]
    size = sum(os.path.getsize(f) for f in files)
    _warm_up()
    started = time.perf_counter()
    n = 0
    for _path, value, error, _digest, _local in imap_ordered(api._extract_file, files, args.jobs):
        if error is not None:
            raise SystemExit(error)
        n += len(value[0].mentions)
    seconds = time.perf_counter() - started
    _emit({"docs": len(files), "bytes": size, "jobs": args.jobs, "seconds": round(seconds, 3),
           "mb_per_s": round(size / seconds / 1e6, 4), "mentions": n})


def cmd_jieba(args: argparse.Namespace) -> None:
    """``jieba.lcut`` over every text of a corpus: the yardstick parkkg's figures stand beside.

    The dictionary is loaded and the files are read before the clock starts;
    the CPU time is this process's (``time.process_time``).
    """
    import jieba

    jieba.setLogLevel(60)
    jieba.initialize()
    texts = [f.read_text(encoding="utf-8") for f in corpus_files(args.corpus)]
    size = sum(len(t.encode("utf-8")) for t in texts)
    started = time.process_time()
    for text in texts:
        jieba.lcut(text)
    cpu = time.process_time() - started
    _emit({"docs": len(texts), "bytes": size, "cpu_seconds": round(cpu, 3), "mb_per_s": round(size / max(cpu, 1e-9) / 1e6, 4)})


def cmd_profile(args: argparse.Namespace) -> None:
    """cProfile of single-process extraction: the functions that take the time."""
    from graph.api import extract
    from graph.extract.lexicon import load_lexicon
    from graph.text.read import read_document

    files = corpus_files(args.corpus)[: args.limit or None]
    _warm_up()
    lex = load_lexicon()
    docs = [read_document(f) for f in files]
    prof = cProfile.Profile()
    prof.enable()
    for d in docs:
        extract(d, lex=lex)
    prof.disable()
    stats = pstats.Stats(prof, stream=io.StringIO())
    total = sum(v[2] for v in stats.stats.values())  # all tottime
    rows = []
    for (filename, line, name), (_cc, _nc, tottime, cumtime, _callers) in stats.stats.items():
        where = filename.replace(str(REPO) + os.sep, "")
        if "site-packages" in where:
            where = "site-packages/" + where.split("site-packages" + os.sep, 1)[1]
        rows.append({"function": f"{where}:{line}({name})", "tottime": tottime, "cumtime": cumtime})
    top_self = sorted(rows, key=lambda r: -r["tottime"])[: args.top]
    top_cum = sorted((r for r in rows if "graph/" in r["function"] or "jieba" in r["function"]), key=lambda r: -r["cumtime"])[: args.top]
    _emit({"docs": len(docs), "bytes": sum(len(d.text.encode()) for d in docs), "profiled_seconds": round(total, 3),
           "top_self": top_self, "top_cumulative": top_cum})


def cmd_build(args: argparse.Namespace) -> None:
    """``api.build`` as ``parkkg build`` calls it, timing the extraction stage apart from the rest."""
    from graph import api

    files = [str(f) for f in corpus_files(args.corpus)]
    if args.replace:
        old, new = args.replace
        files = [new if Path(f) == Path(old) else f for f in files]
    size = sum(os.path.getsize(f) for f in files)
    marks: list[float] = []
    started = time.perf_counter()
    result = api.build(files, validate=False, jobs=args.jobs, cache_dir=args.cache,
                       progress=lambda done, total, source: marks.append(time.perf_counter()))
    seconds = time.perf_counter() - started
    extraction = (marks[-1] - started) if marks else 0.0
    _emit({"docs": len(files), "bytes": size, "jobs": args.jobs, "seconds": round(seconds, 3),
           "extraction_seconds": round(extraction, 3), "rest_seconds": round(seconds - extraction, 3),
           "re_extracted": len(marks), "cache_hits": result.cache_hits,
           "quads_cache_hits": getattr(result, "quads_cache_hits", None), "quads": len(result.store)})  # the store: not converted to rdflib


def cmd_phases(args: argparse.Namespace) -> None:
    """Where the time of ``parkkg build`` (bundled article) goes: imports and jieba's dictionary timed
    here, then the stages as the command itself times them (its ``time:`` line; ``views`` is drawn by
    a process of its own beside validation and Turtle, ``views wait`` is what the command waited for it)."""
    t0 = time.perf_counter()
    import graph.cli as cli

    t1 = time.perf_counter()
    from graph import api, export, render  # noqa: F401  (the pipeline's imports)
    from graph.text.segment import load_jieba

    t2 = time.perf_counter()
    load_jieba()
    t3 = time.perf_counter()
    stages: dict[str, float] = {}
    reported = cli.command_time

    def command_time(timings=None):
        stages.update(timings or {})
        return reported(timings)

    cli.command_time = command_time
    argv = ["build", "-o", args.out] + ([] if args.viz else ["--no-viz"])
    started = time.perf_counter()
    code = cli.main(argv)
    total = time.perf_counter() - started
    if code:
        raise SystemExit(f"parkkg build failed with exit code {code}")
    phases = {"import graph.cli (typer)": t1 - t0, "import the pipeline": t2 - t1, "jieba dictionary": t3 - t2, **stages}
    in_main = sum(v for k, v in stages.items() if k != "views") if "views wait" in stages else sum(stages.values())
    phases["rest of the command"] = total - in_main
    cpu = os.times()
    _emit({"phases": {k: round(v, 3) for k, v in phases.items()}, "in_process_seconds": round(time.perf_counter() - t0, 3),
           "cpu_seconds": round(cpu.user + cpu.system + cpu.children_user + cpu.children_system, 3),
           "cpu_main_process_seconds": round(cpu.user + cpu.system, 3),
           "cpu_children_seconds": round(cpu.children_user + cpu.children_system, 3)})


# --------------------------------------------------------------------------- datasets and stores


def cmd_dataset(args: argparse.Namespace) -> None:
    """Build a corpus chunk by chunk into one N-Quads file of about ``--quads`` quads.

    Each chunk of ``--chunk`` articles is built with ``api.build`` (no
    validation; the ontology graph once) and its quads are appended with
    pyoxigraph's serialiser; stops once the file holds ``--quads`` lines.
    Entities recur across chunks, so the store's count of distinct quads
    is a little lower (``load`` reports it).
    """
    import pyoxigraph as ox

    from graph import api
    from graph.rdf.terms import dataset_quads, quads_to_ox

    files = corpus_files(args.corpus)
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_suffix(".part")
    lines = used = 0
    started = time.perf_counter()
    with open(tmp, "wb") as fh:
        for i in range(0, len(files), args.chunk):
            chunk = files[i : i + args.chunk]
            result = api.build(chunk, validate=False, include_ontology=(i == 0), jobs=args.jobs)
            quads = list(quads_to_ox(dataset_quads(result.dataset)))
            ox.serialize(quads, fh, format=ox.RdfFormat.N_QUADS)
            lines += len(quads)
            used += len(chunk)
            del result, quads
            print(f"dataset: {used}/{len(files)} articles, {lines:,} quads", file=sys.stderr, flush=True)
            if lines >= args.quads:
                break
    if lines < args.quads:
        tmp.unlink()
        raise SystemExit(f"the corpus gives only {lines:,} quads; generate a bigger one (wanted {args.quads:,})")
    os.replace(tmp, out)
    _emit({"articles": used, "lines": lines, "bytes": out.stat().st_size, "seconds": round(time.perf_counter() - started, 1)})


BACKENDS = ("rdflib", "oxigraph-memory", "oxigraph-disk")


def _open(backend: str, file: str, disk: str | None):
    """(store, seconds to load) for one backend."""
    from graph.sparql.store import open_store, write_oxigraph

    started = time.perf_counter()
    if backend == "rdflib":
        store = open_store(file, backend="rdflib")
    elif backend == "oxigraph-memory":
        store = open_store(file, backend="oxigraph")
    elif backend == "oxigraph-disk":
        if disk is None:
            raise SystemExit("oxigraph-disk needs --disk DIR")
        shutil.rmtree(disk, ignore_errors=True)
        write_oxigraph(file, disk)
        store = open_store(f"oxigraph:{disk}")
    else:
        raise SystemExit(f"unknown backend {backend!r}; choose one of {', '.join(BACKENDS)}")
    return store, time.perf_counter() - started


def cmd_load(args: argparse.Namespace) -> None:
    store, seconds = _open(args.backend, args.file, args.disk)
    quads = len(store)
    _emit({"backend": args.backend, "quads": quads, "seconds": round(seconds, 3),
           "quads_per_s": round(quads / seconds)})


def _fingerprint(result) -> list[str]:
    """Rows as sorted strings, numbers by value (to compare backends)."""
    from rdflib import Literal

    def term(t) -> str:
        if t is None:
            return ""
        if isinstance(t, Literal):
            value = t.toPython()
            if isinstance(value, (int, float)) and not isinstance(value, bool):
                return repr(float(value))
            return str(value)
        return str(t)

    return sorted("\t".join(term(t) for t in row) for row in result.rows)


def _engine_times(store, text: str, runs: int) -> list[float]:
    """Oxigraph alone: the query run through pyoxigraph and every solution
    read, without parkkg's parsing, checks and conversion to rdflib terms."""
    from graph.vocab import PREFIXES

    times = []
    for _ in range(runs):
        started = time.perf_counter()
        res = store._store.query(text, prefixes=dict(PREFIXES), use_default_graph_as_union=True)
        if hasattr(res, "variables"):
            width = len(res.variables)
            for sol in res:
                for i in range(width):
                    sol[i]
        times.append(time.perf_counter() - started)
    return times


def cmd_queries(args: argparse.Namespace) -> None:
    """Each library query ``--runs`` times on one backend (loading not timed)."""
    import hashlib

    from graph.sparql.query import list_queries
    from graph.sparql.store import QueryTimeout

    store, load_seconds = _open(args.backend, args.file, args.disk)
    out = []
    wanted = set(args.only.split(",")) if args.only else None
    skipped = set(args.skip.split(",")) if args.skip else set()
    for q in list_queries():
        if (wanted and q.name not in wanted) or q.name in skipped:
            continue
        times: list[float] = []
        rows = None
        digest = ""
        timed_out = False
        for run in range(args.runs):
            started = time.perf_counter()
            try:
                result = store.query(q.text, timeout=args.timeout)
            except QueryTimeout:
                timed_out = True
                times.append(args.timeout)
                break
            times.append(time.perf_counter() - started)
            if run == 0:
                rows = len(result.rows)
                digest = hashlib.sha256("\n".join(_fingerprint(result)).encode()).hexdigest()[:16]
            if times[-1] > args.slow:
                break  # one run of a very slow query is enough
        record = {"name": q.name, "times": [round(t, 5) for t in times], "median": round(statistics.median(times), 5),
                  "rows": rows, "digest": digest, "timed_out": timed_out}
        if args.backend.startswith("oxigraph") and not timed_out:
            record["engine_times"] = [round(t, 5) for t in _engine_times(store, q.text, len(times))]
            record["engine_median"] = round(statistics.median(record["engine_times"]), 5)
        out.append(record)
        print(f"queries[{args.backend}]: {q.name} {statistics.median(times):.4f} s", file=sys.stderr, flush=True)
    _emit({"backend": args.backend, "quads": len(store), "load_seconds": round(load_seconds, 3), "queries": out})


# --------------------------------------------------------------------------- HTML views


_CLASSES = (("Enterprise", 0.72), ("University", 0.06), ("ResearchInstitute", 0.05), ("Platform", 0.08),
            ("Park", 0.04), ("GovernmentBody", 0.05))
_INDUSTRIES = ("新材料", "电子信息", "装备制造", "生物医药")
_RELATIONS = ("cooperatesWith", "hasCustomer", "coBuiltPlatformWith", "subsidiaryOf", "coFiledPatentWith")


def synthetic_network(nodes: int, *, seed: int = 0, extra: float = 0.25):
    """A network shaped like parkkg's partnership view: nodes with class,
    industry and bilingual labels; each new node links to one earlier node
    (and with probability ``extra`` to a second), mostly inside its industry
    cluster and preferentially to well-linked nodes (a few hubs)."""
    import random

    import networkx as nx

    rng = random.Random(seed)
    G = nx.Graph()
    by_industry: dict[str, list[str]] = {i: [] for i in _INDUSTRIES}
    weights = [w for _, w in _CLASSES]
    ends: dict[str, list[str]] = {i: [] for i in _INDUSTRIES}  # one entry per edge end: preferential attachment
    for i in range(nodes):
        cls = rng.choices([c for c, _ in _CLASSES], weights)[0]
        ind = rng.choice(_INDUSTRIES)
        v = f"https://w3id.org/parkkg/id/n{i:06d}"
        G.add_node(v, iri=v, label_zh=f"{ind}{cls[:2]}{i}号", label_en=f"{cls} {i}", cls=cls, industries=[ind])
        pool = ends[ind] if rng.random() < 0.9 else ends[rng.choice(_INDUSTRIES)]
        for _ in range(1 + (rng.random() < extra)):
            if pool:
                u = rng.choice(pool)
                if u != v and not G.has_edge(u, v):
                    rel = rng.choice(_RELATIONS)
                    G.add_edge(u, v, relation=rel, relations=[rel], source=u, target=v, directed=rel != "cooperatesWith",
                               evidence="（合成数据）", document="")
                    pool.append(u)
                    ends[ind].append(v)
        by_industry[ind].append(v)
        ends[ind].append(v)
    return G


def cmd_html(args: argparse.Namespace) -> None:
    """Time graph.views.render.to_html (metrics, layout, page) on a synthetic network."""
    from graph import render
    from graph.views.networks import add_metrics

    G = synthetic_network(args.nodes, seed=args.seed)
    t0 = time.perf_counter()
    add_metrics(G, seed=args.seed)
    t1 = time.perf_counter()
    render.layout(G, seed=args.seed)
    t2 = time.perf_counter()
    html = render.to_html(G, title=f"{args.nodes} nodes", seed=args.seed)  # layout again, inside
    t3 = time.perf_counter()
    Path(args.out).write_text(html, encoding="utf-8")
    _emit({"nodes": G.number_of_nodes(), "edges": G.number_of_edges(), "metrics_seconds": round(t1 - t0, 2),
           "layout_seconds": round(t2 - t1, 2), "to_html_seconds": round(t3 - t2, 2), "bytes": len(html.encode())})


_READY_HOOK = """
new MutationObserver(function (_, obs) {
  if (document.body && document.body.getAttribute("data-ready") === "1" && !window.__pkReadyAt) {
    window.__pkReadyAt = performance.now(); obs.disconnect();
  }
}).observe(document, {attributes: true, subtree: true, attributeFilter: ["data-ready"]});
"""


def cmd_draw(args: argparse.Namespace) -> None:
    """Open the page in headless Chromium (offline); time from navigation to the first complete draw."""
    from playwright.sync_api import sync_playwright

    chromium = shutil.which("chromium") or "/usr/bin/chromium"
    flags = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"]
    url = Path(args.html).resolve().as_uri()
    times, loads = [], []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, headless=True, args=flags)
        try:
            for _ in range(args.runs):
                context = browser.new_context(viewport={"width": 1400, "height": 900})
                context.route("**/*", lambda route: route.continue_() if route.request.url.startswith("file:") else route.abort())
                page = context.new_page()
                page.add_init_script(_READY_HOOK)
                page.goto(url, wait_until="load", timeout=args.timeout * 1000)
                # a selector wait, not wait_for_function: the page's CSP forbids the eval that one needs
                page.wait_for_selector("body[data-ready='1']", state="attached", timeout=args.timeout * 1000)
                ready = page.evaluate("window.__pkReadyAt")
                load = page.evaluate("performance.getEntriesByType('navigation')[0].loadEventEnd")
                times.append(ready / 1000)
                loads.append(load / 1000)
                context.close()
        finally:
            browser.close()
    _emit({"html": str(args.html), "bytes": Path(args.html).stat().st_size, "draw_seconds": [round(t, 3) for t in times],
           "median_draw_seconds": round(statistics.median(times), 3), "median_load_seconds": round(statistics.median(loads), 3)})


def cmd_pages(args: argparse.Namespace) -> None:
    """Time the Linked Data pages (graph.sparql.pages) of the --top most connected entities of a store."""
    from graph.sparql import pages
    from graph.sparql.store import open_store

    store = open_store(args.store, inference=args.inference)
    top = store.query(
        "SELECT ?e (COUNT(*) AS ?n) WHERE { { ?e ?p ?o } UNION { ?s ?q ?e } "
        "FILTER(STRSTARTS(STR(?e), 'https://w3id.org/parkkg/id/')) } GROUP BY ?e ORDER BY DESC(?n) LIMIT " + str(args.top)
    ).rows
    html, turtle = [], []
    for entity, _ in top:
        path = pages.path_from_iri(str(entity))
        for accept, times in (("text/html", html), ("text/turtle", turtle)):
            t0 = time.perf_counter()
            answer = pages.answer(store, "GET", path, accept)
            times.append(time.perf_counter() - t0)
            assert answer.status == 200, (path, answer.status)
    _emit({"store": args.store, "entities": len(top), "largest_triples": int(top[0][1]) if top else 0,
           "html_seconds_max": round(max(html), 3), "html_seconds_median": round(statistics.median(html), 3),
           "turtle_seconds_max": round(max(turtle), 3), "turtle_seconds_median": round(statistics.median(turtle), 3)})


# --------------------------------------------------------------------------- entry point


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("extract", help="extraction throughput over a corpus (no RDF)")
    p.add_argument("--corpus", required=True)
    p.add_argument("--jobs", type=int, default=1)
    p.set_defaults(func=cmd_extract)

    p = sub.add_parser("jieba", help="jieba.lcut over a corpus (CPU seconds, MB/s)")
    p.add_argument("--corpus", required=True, type=Path)
    p.set_defaults(func=cmd_jieba)

    p = sub.add_parser("profile", help="cProfile of single-process extraction")
    p.add_argument("--corpus", required=True)
    p.add_argument("--limit", type=int, default=0, help="profile only the first N articles")
    p.add_argument("--top", type=int, default=15)
    p.set_defaults(func=cmd_profile)

    p = sub.add_parser("build", help="api.build with the extraction stage timed apart")
    p.add_argument("--corpus", required=True)
    p.add_argument("--jobs", type=int, default=1)
    p.add_argument("--cache", default=None)
    p.add_argument("--replace", nargs=2, metavar=("OLD", "NEW"), help="build with file NEW in place of OLD")
    p.set_defaults(func=cmd_build)

    p = sub.add_parser("phases", help="time each stage of parkkg build on the bundled article")
    p.add_argument("--out", required=True)
    p.add_argument("--viz", action=argparse.BooleanOptionalAction, default=True)
    p.set_defaults(func=cmd_phases)

    p = sub.add_parser("dataset", help="build a corpus into an N-Quads file of about --quads quads")
    p.add_argument("--corpus", required=True)
    p.add_argument("--quads", type=int, required=True)
    p.add_argument("--out", required=True)
    p.add_argument("--chunk", type=int, default=400)
    p.add_argument("--jobs", type=int, default=2)
    p.set_defaults(func=cmd_dataset)

    for name, func in (("load", cmd_load), ("queries", cmd_queries)):
        p = sub.add_parser(name)
        p.add_argument("--file", required=True, help="an N-Quads (or other graph) file")
        p.add_argument("--backend", choices=BACKENDS, required=True)
        p.add_argument("--disk", help="folder for the on-disk store (oxigraph-disk)")
        if name == "queries":
            p.add_argument("--runs", type=int, default=3)
            p.add_argument("--timeout", type=float, default=120.0)
            p.add_argument("--slow", type=float, default=10.0, help="run a query taking longer than this only once")
            p.add_argument("--only", default="", help="comma-separated query names")
            p.add_argument("--skip", default="", help="comma-separated query names not to run")
        p.set_defaults(func=func)

    p = sub.add_parser("html", help="render a synthetic network of --nodes nodes")
    p.add_argument("--nodes", type=int, required=True)
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--out", required=True)
    p.set_defaults(func=cmd_html)

    p = sub.add_parser("draw", help="time to first complete draw in headless Chromium")
    p.add_argument("--html", required=True)
    p.add_argument("--runs", type=int, default=3)
    p.add_argument("--timeout", type=float, default=300.0)
    p.set_defaults(func=cmd_draw)

    p = sub.add_parser("pages", help="time the entity pages of the most connected entities of a store")
    p.add_argument("--store", required=True, help="a graph file or oxigraph:PATH")
    p.add_argument("--top", type=int, default=20)
    p.add_argument("--inference", action=argparse.BooleanOptionalAction, default=True)
    p.set_defaults(func=cmd_pages)

    args = parser.parse_args(argv)
    args.func(args)
    return 0


if __name__ == "__main__":
    sys.exit(main())
