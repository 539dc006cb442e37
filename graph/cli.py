"""``parkkg``: the command line, thin over :mod:`graph.api`.

Exit codes: 0 success; 1 an operation failed; 2 bad input or usage (a file
that cannot be read, a malformed query); 3 the built graph violates the
SHACL shapes. Tracebacks are shown only with ``--debug``.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager, nullcontext
from pathlib import Path
from typing import Annotated, Optional

import typer

from graph.rdf.files import DEFAULT_GRAPH_FILE, GRAPH_FILE_NAME

__all__ = ["app", "main", "command_time"]

_IMPORTED = time.perf_counter()

app = typer.Typer(
    name="parkkg",
    help="Knowledge graph of an industrial park's innovation ecosystem, from Chinese news text.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

EXIT_OK, EXIT_FAILED, EXIT_INPUT, EXIT_INVALID = 0, 1, 2, 3
_state = {"debug": False, "done": False}


@app.callback()
def _root(
    debug: Annotated[bool, typer.Option("--debug", help="Show full tracebacks on errors.")] = False,
) -> None:
    _state["debug"] = debug
    _state["done"] = False


def fail(message: str, code: int) -> typer.Exit:
    """Print one line to stderr and return the Exit to raise."""
    typer.echo(f"parkkg: error: {message}", err=True)
    return typer.Exit(code)


@app.command()
def build(
    articles: Annotated[Optional[list[Path]], typer.Argument(help="Article .txt files or folders (default: the bundled article).")] = None,
    outdir: Annotated[Path, typer.Option("-o", "--outdir", help="Where parkkg.ttl is written.")] = Path("out"),
    keep_going: Annotated[bool, typer.Option("--keep-going", help="Skip unreadable documents instead of stopping.")] = False,
    no_validate: Annotated[bool, typer.Option("--no-validate", help="Skip SHACL validation.")] = False,
    viz: Annotated[bool, typer.Option("--viz/--no-viz", help="Also write the network views: chain-leaders/partnerships .html, .png, .svg.")] = True,
    jobs: Annotated[Optional[int], typer.Option("--jobs", "-j", help="Worker processes for extraction (default: one per core).")] = None,
    cache: Annotated[bool, typer.Option("--cache/--no-cache", help="Reuse the extractions and mapped quads of unchanged articles (OUTDIR/.cache).")] = True,
    store: Annotated[Optional[str], typer.Option("--store", help="Also write the graph, named graphs kept, into an on-disk Oxigraph store, as oxigraph:PATH (a store already there is replaced).")] = None,
    turtle: Annotated[bool, typer.Option("--turtle/--no-turtle", help="Write OUTDIR/parkkg.ttl (slow for millions of triples; --store is faster).")] = True,
) -> None:
    """Build the graph and write OUTDIR/parkkg.ttl (ontology + data + provenance) and the network views.

    For a large corpus, --store oxigraph:PATH --no-turtle --no-viz --no-validate streams the graph into the store a few documents at a time instead of holding it all in memory.
    """
    if store is not None and (not store.startswith("oxigraph:") or store == "oxigraph:"):
        raise fail(f"--store takes oxigraph:PATH, not {store!r}", EXIT_INPUT)
    target = Path(store[len("oxigraph:") :]) if store else None
    if target is not None and target.exists() and (not target.is_dir() or (any(target.iterdir()) and not (target / "CURRENT").is_file())):
        raise fail(f"{store}: exists and is not an Oxigraph store; choose a new path", EXIT_INPUT)

    def progress(done: int, total: int, source: str) -> None:
        if total > 1 and (done == total or done % max(1, total // 20) == 0):
            typer.echo(f"[{done}/{total}] {source}", err=True)

    cache_dir = outdir / ".cache" if cache else None
    if target is not None and no_validate and not turtle and not viz:
        # nothing needs the whole graph in memory: map and write it a few documents at a time
        from graph import api

        built = api.build_into_store(
            articles or None, target, keep_going=keep_going, progress=progress, jobs=jobs, cache_dir=cache_dir
        )
        _report_skipped(built.failures)
        typer.echo(f"{built.stats().summary().replace(' triples,', ' quads,')} -> oxigraph:{built.store}")
        typer.echo(command_time(), err=True)
        return
    # the views' process is forked first, before this one imports the extraction's modules, which it does not need
    with _views_standby(viz) as drawer:
        result = _build_graph(articles or None, keep_going=keep_going, progress=progress, jobs=jobs, cache_dir=cache_dir)
        _build_and_write(result, outdir, drawer, validate=not no_validate, turtle=turtle, store=store, jobs=jobs)
    # every output is written and closed, every process started is joined: nothing is left for the interpreter's teardown
    _state["done"] = store is None


def _build_graph(articles: Optional[list[Path]], *, keep_going: bool, progress, jobs: Optional[int], cache_dir: Optional[Path]):
    """``api.build(..., validate=False)``. One article (unless ``--jobs 1``) is extracted by a process forked once
    the pipeline's modules are imported (so they are imported once), while this one loads what only the mapping
    needs (:func:`graph.api.prepare_mapping`); its records come back pickled. An error of the extraction (an
    unreadable article) is raised here, as :func:`graph.api.build` raises it."""
    from graph import api

    if jobs == 1 or not (articles is None or (len(articles) == 1 and articles[0].is_file())):
        return api.build(articles, keep_going=keep_going, validate=False, progress=progress, jobs=jobs, cache_dir=cache_dir)
    from graph._parallel import run_aside

    started = time.perf_counter()
    with run_aside(_extract_corpus, articles, keep_going, progress, jobs, cache_dir) as extraction:
        api.prepare_mapping()
        corpus = extraction.result()
    return api.build_from_corpus(corpus, validate=False, jobs=jobs, cache_dir=cache_dir, started=started)


def _extract_corpus(articles: Optional[list[Path]], keep_going: bool, progress, jobs: Optional[int], cache_dir: Optional[Path]):
    """:func:`graph.api.extract_corpus`, run by the process :func:`_build_graph` forks."""
    from graph import api

    return api.extract_corpus(articles, keep_going=keep_going, progress=progress, jobs=jobs, cache_dir=cache_dir)


def _build_and_write(result, outdir: Path, drawer, *, validate: bool, turtle: bool, store: Optional[str], jobs: Optional[int] = None) -> None:
    """Validate and write a built graph (and its views, when ``drawer`` is a :class:`graph._parallel.Standby`)."""
    from graph.rdf import files

    _report_skipped(result.failures)
    written = []
    views: list[Path] = []
    timings = dict(result.timings)
    # the graph and its views change together: staged, then moved into OUTDIR as one set;
    # the views are drawn in a process of their own while this one validates and writes the graph
    # the views' process is stopped (leaving the inner block) before an unfinished stage is removed
    # beside validation only when more than one process is wanted (--jobs 1 keeps the graph's work in one)
    aside_turtle = turtle and validate and (jobs is None or jobs > 1) and len(result.store) >= TURTLE_ASIDE_QUADS
    with files.staged_outputs(outdir) as stage, (drawer or nullcontext()), _turtle_aside(aside_turtle, result.store, stage) as writer:
        # one dump of the store serves the views' process and the validation; without views the
        # store is dumped straight into the validator's file, never held in memory as one bytes object
        quads = None
        if drawer is not None:
            with _timed(timings, "validate") if validate else nullcontext():
                quads = _quads_of(result.store)
            drawer.start(quads, stage)
        if validate:
            from graph.rdf.validate import validate_nquads, validate_store

            with _timed(timings, "validate"):
                result.report = validate_nquads(quads) if quads is not None else validate_store(result.store)
            if not result.report.conforms:
                typer.echo(result.report.summary(), err=True)
                raise fail(f"the graph violates {len(result.report.violations)} SHACL constraint(s); nothing written", EXIT_INVALID)
        del quads  # the views' process has its copy
        if turtle:  # the writer counts the distinct triples it writes: the summary needs no query for them
            if writer is not None:  # written beside validation: its own time, and what was left to wait for
                with _timed(timings, "turtle wait"):
                    timings["turtle"], triples = writer.result()
            else:
                timings["turtle"], triples = _write_turtle_timed(result.store, stage / GRAPH_FILE_NAME)
            result.note_triples(triples)
            written.append(str(outdir / GRAPH_FILE_NAME))
        stats = result.stats()
        if not any(stats.entities.get(c, 0) for c in stats.entities if c not in ("Indicator",)):
            typer.echo("parkkg: warning: no entities found; the graph holds only document metadata", err=True)
        if drawer is not None:
            with _timed(timings, "views wait"):
                answers = drawer.result()
            # side by side the longest drawing is the views' time; drawn here one after another, their sum
            timings["views"] = (max if drawer.forked else sum)(seconds for _, seconds in answers)
            if not drawer.forked:
                del timings["views wait"]  # drawn here: its time is the views'
            views = [outdir / p.name for drawn, _ in answers for p in drawn]
    if store is not None:
        from graph.sparql.store import write_oxigraph

        with _timed(timings, "store"):
            written.append(f"oxigraph:{write_oxigraph(result, store[len('oxigraph:'):], replace=True)}")
    typer.echo(f"{stats.summary()} -> {', '.join(written) or 'nothing written (--no-turtle)'}")
    if views:
        typer.echo("network views -> " + ", ".join(str(v) for v in views))
    typer.echo(command_time(timings), err=True)


#: graphs of at least this many quads have their Turtle written by a forked process while this one validates
#: (about 0.5 s of CPU and more), unless --jobs 1; a smaller graph's Turtle costs less than the process
TURTLE_ASIDE_QUADS = 100_000


@contextmanager
def _turtle_aside(wanted: bool, store, stage: Path) -> Iterator[object]:
    """A :func:`graph._parallel.run_aside` writing ``stage``/parkkg.ttl (answering its seconds and triples) beside
    validation; None when not ``wanted``."""
    if not wanted:
        yield None
        return
    from graph._parallel import run_aside

    with run_aside(_write_turtle_timed, store, stage / GRAPH_FILE_NAME) as writer:
        yield writer


def _write_turtle_timed(store, path: Path) -> tuple[float, int]:
    """Write ``store``'s Turtle into ``path``: the seconds it took and the distinct triples written."""
    from graph.rdf import export

    started = time.perf_counter()
    counted: list[int] = []
    export.write_turtle(store, path, counted=counted)
    return time.perf_counter() - started, counted[0]


def _quads_of(store) -> bytes:
    """A store's quads as N-Quads: what the views' process is sent."""
    import pyoxigraph as ox

    return store.dump(format=ox.RdfFormat.N_QUADS)


def _prepare_drawing() -> None:
    """What drawing a view needs before there is a graph: the modules and the CJK font."""
    import matplotlib.backends.backend_agg  # noqa: F401
    import matplotlib.figure  # noqa: F401
    import pyvis.network  # noqa: F401

    from graph.rdf import files  # noqa: F401
    from graph.views import networks, render  # noqa: F401

    render.find_cjk_font()


def _draw_views(quads: bytes, stage: Path) -> list[tuple[list[Path], float]]:
    """Every network view of a graph given as N-Quads, written into ``stage``: (files, seconds) per view,
    each view drawn in a process of its own where the platform forks."""
    from contextlib import ExitStack

    import pyoxigraph as ox

    from graph._parallel import run_aside
    from graph.rdf.files import store_union_graph
    from graph.views.networks import NETWORKS

    store = ox.Store()
    store.bulk_load(quads, format=ox.RdfFormat.N_QUADS)
    union = store_union_graph(store)  # the union the views read, with no Dataset between
    with ExitStack() as stack:
        drawings = [stack.enter_context(run_aside(_draw_view, union, stage, name)) for name in NETWORKS]
        return [d.result() for d in drawings]


def _draw_view(union, stage: Path, network: str) -> tuple[list[Path], float]:
    """One network view (HTML, PNG, SVG), written into ``stage``, and the seconds it took."""
    from graph.views import render

    started = time.perf_counter()
    drawn = render.write_views(union, stage, networks=(network,))
    return drawn, time.perf_counter() - started


@contextmanager
def _views_standby(wanted: bool) -> Iterator[object]:
    """A :class:`graph._parallel.Standby` that loads the drawing modules and the font while the graph is
    built, then draws the views while this process validates and writes the graph; None when not ``wanted``."""
    if not wanted:
        yield None
        return
    from graph._parallel import Standby

    with Standby(_draw_views, prepare=_prepare_drawing) as drawer:
        yield drawer


@contextmanager
def _timed(timings: dict[str, float], stage: str) -> Iterator[None]:
    started = time.perf_counter()
    try:
        yield
    finally:
        timings[stage] = timings.get(stage, 0.0) + time.perf_counter() - started


def command_time(stages: dict[str, float] | None = None) -> str:
    """The time the whole command took so far, as the user lived it, and what its stages took.

    Wall time counts from the start of the process (imports included; read
    from ``/proc`` on Linux, elsewhere from when this module was imported);
    CPU time is this process's and its finished workers'.

    Examples
    --------
    >>> command_time({"extract": 1.0, "map": 0.25}).split(";")[1]
    ' stages: extract 1.00 s, map 0.25 s'
    """
    wall, cpu = _since_start()
    line = f"time: {wall:.2f} s wall, {cpu:.2f} s CPU for the whole command"
    if stages:
        line += "; stages: " + ", ".join(f"{k} {v:.2f} s" for k, v in stages.items())
    return line


def _since_start() -> tuple[float, float]:
    import os

    t = os.times()
    cpu = t.user + t.system + t.children_user + t.children_system
    try:
        with open("/proc/self/stat") as fh:
            start_ticks = int(fh.read().rsplit(")", 1)[1].split()[19])
        with open("/proc/uptime") as fh:
            uptime = float(fh.read().split()[0])
        return uptime - start_ticks / os.sysconf("SC_CLK_TCK"), cpu
    except (OSError, ValueError, IndexError):
        return time.perf_counter() - _IMPORTED, cpu


def _report_skipped(failures: list) -> None:
    for f in failures:
        detail = f.message if f.message.startswith(f"{f.source}:") else f"{f.source}: {f.message}"
        typer.echo(f"parkkg: skipped {detail}", err=True)


@app.command()
def stats(
    articles: Annotated[Optional[list[Path]], typer.Argument(help="Article .txt files or folders (default: the bundled article).")] = None,
) -> None:
    """What the loader finds: entities by class, relations by property, observations by indicator."""
    from graph import api

    result = api.build(articles or None, validate=False)
    st = result.stats()
    typer.echo(st.summary())
    for title, counts in (("entities", st.entities), ("relations", st.relations), ("observations", st.observations)):
        typer.echo(f"\n{title}:")
        for k, v in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
            typer.echo(f"  {v:5d}  {k}")
    related = set()
    for ex in result.extractions:
        for r in ex.relations:
            related.update((r.subject, r.object))
        for o in ex.observations:
            related.add(o.entity)
    orphans = sorted({m.key for ex in result.extractions for m in ex.mentions} - related)
    typer.echo(f"\nentities without any relation or observation ({len(orphans)}):")
    for name in orphans:
        typer.echo(f"  {name}")




@app.command()
def networks(
    graph: Annotated[Path, typer.Option("--graph", "-g", help="Graph file written by `parkkg build`.")] = DEFAULT_GRAPH_FILE,
    outdir: Annotated[Path, typer.Option("-o", "--outdir", help="Where the CSV/JSON files are written.")] = Path("out"),
    top: Annotated[int, typer.Option("--top", min=1, help="How many nodes the summary ranks.")] = 5,
) -> None:
    """Measure the chain-leader and partnership networks: CSV/JSON of the metrics, ranked summary."""
    from graph.views import networks as nw

    g = nw.load_graph(graph)
    for name, G in nw.build_networks(g).items():
        files = nw.write_metrics(G, outdir, name)
        rec = nw.network_records(G)
        sm = rec["summary"]
        typer.echo(
            f"{name}: {sm['nodes']} nodes, {sm['edges']} edges, {sm['components']} component(s), "
            f"{sm['communities']} communities (modularity {sm['modularity']:.2f})"
        )
        for metric in ("betweenness", "degree"):
            typer.echo(f"  top {metric}:")
            for i, (label, value) in enumerate(nw.top_nodes(G, metric, top), 1):
                typer.echo(f"    {i}. {label}  {value:.3f}" if isinstance(value, float) else f"    {i}. {label}  {value}")
        for b in rec["brokers"][:top]:
            typer.echo(f"  broker: {b['label_zh']} ({b['cls']}) links {b['links']} enterprises")
        typer.echo("  -> " + ", ".join(str(f) for f in files))


@app.command()
def viz(
    network: Annotated[str, typer.Option("--network", "-n", help="chain-leaders, partnerships or all.")] = "all",
    output: Annotated[Optional[Path], typer.Option("-o", "--output", help="HTML file (one network) or folder (default: out).")] = None,
    graph: Annotated[Path, typer.Option("--graph", "-g", help="Graph file written by `parkkg build`.")] = DEFAULT_GRAPH_FILE,
    pictures: Annotated[bool, typer.Option("--pictures/--no-pictures", help="Also write PNG and SVG beside each HTML file.")] = False,
) -> None:
    """Write the interactive HTML views (offline; open them in a browser)."""
    from graph.views import network_files, render
    from graph.views import networks as nw

    try:
        names = list(network_files.VIEWED) if network == "all" else [network_files.network_name(network, views_only=True)]
    except ValueError as exc:
        raise fail(f"{exc}, or all", EXIT_INPUT) from None
    target = output or Path("out")
    if target.suffix.lower() in (".html", ".htm") and len(names) > 1:
        raise fail("with --network all, -o must be a folder (or pick --network chain-leaders|partnerships)", EXIT_INPUT)
    g = nw.load_graph(graph)
    for name in names:
        path = target if target.suffix.lower() in (".html", ".htm") else target / f"{name}.html"
        G = nw.NETWORKS[name](g)
        written = render.write_view(G, path, title=render.VIEW_TITLES[name], pictures=pictures)
        typer.echo(f"{name}: {G.number_of_nodes()} nodes, {G.number_of_edges()} edges -> " + ", ".join(str(w) for w in written))


def _announce(line: str) -> None:
    typer.echo(line, err=True)


def _load_input(graph: Optional[Path]):
    """The Dataset to export or push: --graph FILE, else out/parkkg.ttl, else a fresh build."""
    from graph import api
    from graph.rdf import files

    source = api.graph_source(graph, announce=_announce)
    return files.load_dataset(source) if isinstance(source, Path) else source.dataset


@app.command("export")
def export_cmd(
    fmt: Annotated[str, typer.Option("--format", "-f", help="turtle, ntriples, nquads, trig, jsonld, rdfxml, graphml, gexf or csv.")] = "turtle",
    output: Annotated[Optional[Path], typer.Option("-o", "--output", help="File to write (csv: a folder; default: stdout, csv: out/csv).")] = None,
    graph: Annotated[Optional[Path], typer.Option("--graph", "-g", help="Graph file to export (default: out/parkkg.ttl if present, else build the bundled article).")] = None,
    provenance: Annotated[bool, typer.Option("--provenance/--no-provenance", help="Keep the per-document provenance graphs.")] = True,
    ontology: Annotated[bool, typer.Option("--ontology/--no-ontology", help="Keep the ontology graph.")] = True,
    lang: Annotated[str, typer.Option("--lang", help="Label language of graphml, gexf and csv: zh or en.")] = "zh",
    network: Annotated[str, typer.Option("--network", "-n", help="Network of graphml, gexf and csv: entities, chain-leaders or partnerships.")] = "entities",
    describe: Annotated[bool, typer.Option("--describe/--no-describe", help="Write void.ttl (VoID + DCAT) beside the output.")] = True,
    ontology_only: Annotated[bool, typer.Option("--ontology-only", help="Write the ontology alone (no data), e.g. -f rdfxml -o ontology/parkkg.owl.")] = False,
    shapes: Annotated[bool, typer.Option("--shapes/--no-shapes", help="With --ontology-only: add the SHACL shapes.")] = False,
) -> None:
    """Write the graph in a standard RDF, network or table format (deterministic bytes)."""
    from graph.rdf import export
    from graph.views import network_files

    try:
        fmt = export.ExportFormat(fmt).value
    except ValueError:
        raise fail(f"unknown format {fmt!r}; choose one of {', '.join(f.value for f in export.ExportFormat)}", EXIT_INPUT) from None
    if ontology_only:
        _export_ontology(export.ExportFormat(fmt), output, shapes=shapes)
        return
    if lang not in ("zh", "en"):
        raise fail(f"unknown --lang {lang!r}; choose zh or en", EXIT_INPUT)
    try:
        network = network_files.network_name(network)
    except ValueError as exc:
        raise fail(str(exc), EXIT_INPUT) from None
    if output is None and fmt == "csv":
        output = Path("out/csv")
    ds = _load_input(graph)
    result = export.export(
        ds, fmt, output, provenance=provenance, ontology=ontology, lang=lang, view=network, describe=describe
    )
    if result.data is not None:
        sys.stdout.buffer.write(result.data)
        sys.stdout.flush()
    typer.echo(result.summary(), err=True)


def _export_ontology(fmt, output: Optional[Path], *, shapes: bool) -> None:
    """parkkg export --ontology-only: the ontology (and the shapes) in one RDF triple format."""
    from graph.rdf import ontology
    from graph.rdf.files import write_atomic

    if fmt.rdf is None or fmt.rdf.is_quads:
        raise fail(f"--ontology-only writes one graph: choose a triple format (turtle, ntriples, jsonld, rdfxml), not {fmt.value}", EXIT_INPUT)
    data = ontology.serialize_ontology(fmt.rdf, shapes=shapes)
    if output is None:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
        where = "stdout"
    else:
        where = str(write_atomic(output, lambda p: p.write_bytes(data)))
    what = "ontology and shapes" if shapes else "ontology"
    typer.echo(f"{fmt.value}: {what} -> {where}", err=True)


@app.command("push")
def push_cmd(
    source: Annotated[Optional[Path], typer.Argument(help="Graph file to upload (default: out/parkkg.ttl if present, else build the bundled article).")] = None,
    endpoint: Annotated[str, typer.Option("--endpoint", "-e", help="The store: Oxigraph's root URL, or any Graph Store HTTP Protocol URL.")] = ...,
    graph: Annotated[Optional[str], typer.Option("--graph", help="Named graph IRI to write (default: the default graph).")] = None,
    replace: Annotated[bool, typer.Option("--replace/--append", help="Replace the graph's content atomically, or add to it (blank nodes skolemised).")] = True,
    query_endpoint: Annotated[Optional[str], typer.Option("--query-endpoint", help="SPARQL query endpoint for the check (default: beside the store, …/query).")] = None,
    update_endpoint: Annotated[Optional[str], typer.Option("--update-endpoint", help="SPARQL Update endpoint for the atomic replace of a graph larger than one chunk (default: beside the query endpoint, …/update).")] = None,
    user: Annotated[Optional[str], typer.Option("--user", help="HTTP Basic user (else a bearer token from $PARKKG_TOKEN, if set).")] = None,
    password: Annotated[Optional[str], typer.Option("--password", help="HTTP Basic password.")] = None,
    chunk_size: Annotated[int, typer.Option("--chunk-size", min=1, help="Triples per request.")] = 20_000,
    retries: Annotated[int, typer.Option("--retries", min=0, help="Retries of a transient failure (reset, 502/503/504).")] = 4,
    provenance: Annotated[bool, typer.Option("--provenance/--no-provenance", help="Upload the provenance graphs too.")] = True,
    ontology: Annotated[bool, typer.Option("--ontology/--no-ontology", help="Upload the ontology too.")] = True,
    verify: Annotated[bool, typer.Option("--verify/--no-verify", help="Count the triples through the SPARQL endpoint afterwards.")] = True,
) -> None:
    """Upload the graph to a triple store (SPARQL 1.1 Graph Store HTTP Protocol), then check it arrived."""
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from graph.rdf import files
    from graph.rdf import push as pusher

    if user is not None and password is None:
        if not sys.stdin.isatty():
            raise fail("--user needs --password (or use a bearer token in $PARKKG_TOKEN)", EXIT_INPUT)
        password = typer.prompt(f"password for {user}", hide_input=True)
    ds = files.select_graphs(_load_input(source), provenance=provenance, ontology=ontology)
    console = Console(stderr=True)
    bar = Progress(
        TextColumn("uploading"), BarColumn(), MofNCompleteColumn(), TextColumn("triples"), TimeElapsedColumn(),
        console=console, transient=True, disable=not console.is_terminal,
    )
    with bar:
        task = bar.add_task("push", total=None)

        def progress(done: int, total: int) -> None:
            bar.update(task, completed=done, total=total)

        result = pusher.push(
            ds, endpoint, graph=graph, replace=replace, query_endpoint=query_endpoint, update_endpoint=update_endpoint, user=user,
            password=password, chunk_size=chunk_size, retries=retries, verify=verify, progress=progress,
        )
    typer.echo(result.summary())


@app.command("docs")
def docs_cmd(
    output: Annotated[Path, typer.Option("-o", "--output", help="HTML file to write.")] = Path("docs/ontology.html"),
) -> None:
    """Write the ontology's documentation as one self-contained HTML page (offline)."""
    from graph.rdf import ontodoc

    doc = ontodoc.describe_ontology()
    path = ontodoc.write_ontology_html(output)
    counts = ", ".join(f"{len(terms)} {title.lower()}" for title, _, terms in doc.sections)
    typer.echo(f"{counts} -> {path}")


def _query_source(graph: Optional[Path], store: Optional[str]):
    """--store oxigraph:PATH, --graph FILE, out/parkkg.ttl, or a build of the bundled article."""
    if graph is not None and store is not None:
        raise fail("give --graph or --store, not both", EXIT_INPUT)
    if store is not None:
        if not store.startswith("oxigraph:"):
            raise fail(f"--store takes oxigraph:PATH, not {store!r}", EXIT_INPUT)
        return store
    from graph import api

    return api.graph_source(graph, announce=_announce)


def _within(seconds: float, work):
    """Run ``work()`` and return its result; past ``seconds`` (plus a moment for the
    engine's own limit to act) end the command, which stops any engine, Oxigraph
    included, that cannot be interrupted from Python."""
    import os

    from graph.sparql.deadline import DeadlinePassed, call_within

    try:
        return call_within(work, seconds + 1.0)
    except DeadlinePassed:
        sys.stdout.flush()
        sys.stderr.write(f"parkkg: the query ran past the time limit of {seconds:g} s and was stopped; narrow it or raise --timeout\n")
        sys.stderr.flush()
        os._exit(EXIT_FAILED)


@app.command("query")
def query_cmd(
    query: Annotated[Optional[str], typer.Argument(help="A library query's name, a .rq file, or inline SPARQL.")] = None,
    graph: Annotated[Optional[Path], typer.Option("--graph", "-g", help="Graph file (.ttl, .trig, .nt, .nq); default out/parkkg.ttl, else a build of the bundled article.")] = None,
    store: Annotated[Optional[str], typer.Option("--store", help="An on-disk Oxigraph store, as oxigraph:PATH (opened read-only).")] = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help="table, csv, tsv, json (SPARQL results), xml, or for CONSTRUCT/DESCRIBE turtle, ntriples, jsonld, rdfxml.")] = "table",
    list_: Annotated[bool, typer.Option("--list", "-l", help="List the library's questions, one a line.")] = False,
    inference: Annotated[bool, typer.Option("--inference/--no-inference", help="Answer with the ontology's entailments (on by default, as in `parkkg serve` and the API: pk:Organization finds enterprises; cooperatesWith is symmetric).")] = True,
    backend: Annotated[Optional[str], typer.Option("--backend", help="oxigraph (default) or rdflib (slower; for comparison).")] = None,
    timeout: Annotated[float, typer.Option("--timeout", min=0.1, help="Stop the query after this many seconds (exit 1).")] = 60.0,
) -> None:
    """Ask the graph a SPARQL question: from the library (--list), a file, or inline."""
    from graph.sparql import query as q
    from graph.sparql.store import open_store, outline_query

    if list_:
        names = q.list_queries()
        width = max(len(n.name) for n in names)
        for nq in names:
            typer.echo(f"{nq.name:<{width}}  {nq.title}")
        return
    if not query:
        raise fail("give a query (a library name, a .rq file or inline SPARQL), or --list", EXIT_INPUT)
    try:
        out_format = q.ResultFormat(fmt)
    except ValueError:
        raise fail(f"unknown --format {fmt!r}; choose one of {', '.join(q.format_names())}", EXIT_INPUT) from None
    if backend is not None and backend not in ("rdflib", "oxigraph"):
        raise fail(f"unknown --backend {backend!r}; choose rdflib or oxigraph", EXIT_INPUT)
    text = q.resolve_query(query)
    result_probe = q.QueryResult(outline_query(text).kind)
    parsed_kind = result_probe.kind
    if not out_format.accepts(result_probe):
        kind = "a graph" if result_probe.is_graph else "a table"
        raise fail(f"a {parsed_kind} result is {kind}; --format {fmt} does not fit it", EXIT_INPUT)
    with open_store(_query_source(graph, store), backend=backend, inference=inference) as st:
        result = _within(timeout, lambda: st.query(text, timeout=timeout))
    sys.stdout.buffer.write(q.serialize_result(result, out_format))
    sys.stdout.flush()


@app.command("serve")
def serve_cmd(
    host: Annotated[str, typer.Option("--host", help="Address to bind; keep 127.0.0.1 unless the graph may be public.")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", "-p", min=0, max=65535, help="TCP port (0: any free port).")] = 7878,
    graph: Annotated[Optional[Path], typer.Option("--graph", "-g", help="Graph file; default out/parkkg.ttl, else a build of the bundled article.")] = None,
    store: Annotated[Optional[str], typer.Option("--store", help="An on-disk Oxigraph store, as oxigraph:PATH (opened read-only).")] = None,
    timeout: Annotated[float, typer.Option("--timeout", min=0.1, help="Seconds a query may run (then 503).")] = 10.0,
    max_results: Annotated[int, typer.Option("--max-results", min=1, help="Rows or triples returned at most.")] = 10_000,
    inference: Annotated[bool, typer.Option("--inference/--no-inference", help="Answer with the ontology's entailments (on by default).")] = True,
    backend: Annotated[Optional[str], typer.Option("--backend", help="oxigraph (default) or rdflib (slower; for comparison).")] = None,
    cors_origin: Annotated[Optional[list[str]], typer.Option("--cors-origin", help="Let scripts on this origin (https://example.org, or * for any) query the endpoint; repeatable. Default: none.")] = None,
    allow_host: Annotated[Optional[list[str]], typer.Option("--allow-host", help="Answer requests addressed to this host name too (besides localhost and loopback); repeatable.")] = None,
    workers: Annotated[int, typer.Option("--workers", min=1, max=64, help="Query worker processes (queries evaluated at once).")] = 4,
) -> None:
    """Serve the graph read-only over the SPARQL 1.1 Protocol (/sparql), with a query page at / and the ontology at /ontology."""
    import logging

    from graph.sparql import serve as sv

    logging.basicConfig(level=logging.INFO, format="%(message)s", stream=sys.stderr)
    if backend is not None and backend not in ("rdflib", "oxigraph"):
        raise fail(f"unknown --backend {backend!r}; choose rdflib or oxigraph", EXIT_INPUT)
    hosts = tuple(allow_host or ())
    if host not in ("127.0.0.1", "localhost", "::1", "0.0.0.0", "::"):
        hosts += (host,)
    config = sv.ServeConfig(
        timeout=timeout, max_results=max_results, max_concurrent=workers, cors_origins=tuple(cors_origin or ()), allowed_hosts=hosts
    )
    app_ = sv.create_app(_query_source(graph, store), inference=inference, backend=backend, config=config)
    if host not in ("127.0.0.1", "localhost", "::1"):
        typer.echo(f"parkkg: warning: listening on {host}: anyone who can reach it can query the graph", err=True)

    def ready(url: str) -> None:
        typer.echo(
            f"parkkg: serving {len(app_.store)} quads, inference {'on' if app_.store.inference else 'off'}: "
            f"query page {url} · SPARQL endpoint {url.rstrip('/')}{config.endpoint} · Ctrl-C stops",
            err=True,
        )

    try:
        sv.serve(app_, host, port, ready=ready)
    except OSError as exc:
        raise fail(f"cannot listen on {host}:{port}: {exc.strerror or exc}", EXIT_FAILED) from None


_INTERRUPTED = "parkkg: interrupted; the outputs are the previous set or the new one, complete"


def _interrupt_main_process_only() -> object:
    """Let Ctrl-C stop the main process only: worker processes forked from it
    (``build --jobs``) inherit a handler that ignores it, and are stopped by the
    main process, so the user sees one line instead of a traceback per worker.
    Returns the previous handler (None when not in the main thread)."""
    import os
    import signal
    import threading

    if threading.current_thread() is not threading.main_thread():
        return None
    if signal.getsignal(signal.SIGINT) is signal.SIG_IGN:  # e.g. started in the background: keep ignoring it
        return None
    main_pid = os.getpid()

    def on_sigint(signum: int, frame: object) -> None:
        if os.getpid() == main_pid:
            raise KeyboardInterrupt

    return signal.signal(signal.SIGINT, on_sigint)


def main(argv: list[str] | None = None) -> int:
    """Entry point of the ``parkkg`` script; returns the exit code."""
    import signal

    previous = _interrupt_main_process_only()
    try:
        return _main(argv)
    finally:
        if previous is not None:
            signal.signal(signal.SIGINT, previous)  # type: ignore[arg-type]


def _is_a(exc: BaseException, name: str) -> bool:
    """Whether ``exc`` is click's exception ``name``, whichever click raised it
    (typer ships its own copy of click, older releases use click itself)."""
    return any(cls.__name__ == name and cls.__module__.split(".")[-2:-1] in (["click"], ["_click"]) for cls in type(exc).__mro__)


def _main(argv: list[str] | None) -> int:
    from graph.errors import ParkKGError

    try:
        # without standalone mode, click returns (not raises) the code of a typer.Exit
        code = app(args=argv, standalone_mode=False)
        if code == 130:  # typer's answer to a KeyboardInterrupt (Ctrl-C)
            typer.echo(_INTERRUPTED, err=True)
        if isinstance(code, int) and code != EXIT_OK:
            return code
    except typer.Exit as exc:
        return exc.exit_code
    except ParkKGError as exc:
        if _state["debug"]:
            raise
        typer.echo(f"parkkg: error: {exc}", err=True)
        return getattr(exc, "exit_code", EXIT_FAILED)
    except KeyboardInterrupt:
        typer.echo(_INTERRUPTED, err=True)
        return 130
    except Exception as exc:  # usage errors and unexpected failures
        if _is_a(exc, "UsageError"):
            exc.show()  # type: ignore[attr-defined]
            return EXIT_INPUT
        if _is_a(exc, "Abort"):  # click's form of Ctrl-C
            typer.echo(_INTERRUPTED, err=True)
            return 130
        if _state["debug"]:
            raise
        typer.echo(f"parkkg: error: {type(exc).__name__}: {exc} (run with --debug for the traceback)", err=True)
        return EXIT_FAILED
    return EXIT_OK


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())


def run() -> None:
    """Console-script wrapper: exit with :func:`main`'s code (see :func:`exit_with`)."""
    exit_with(main())


def exit_with(code: int) -> None:
    """End the process with ``code``: at once after a ``parkkg build`` that wrote its graph file, else as usual.

    Freeing a built graph's objects one by one at interpreter exit takes
    0.1-0.2 s and changes nothing: the build has written and closed its files
    and joined its processes, so the process ends with :func:`os._exit` once
    stdout and stderr are flushed. A build into an on-disk store (``--store``),
    any other command and any failure exit the usual way (``atexit``
    handlers, finalizers). Only the entry points call this; :func:`main`
    returns its code to in-process callers.
    """
    if _state["done"] and code == EXIT_OK:
        import os

        try:
            sys.stdout.flush()
            sys.stderr.flush()
        except Exception:  # a stream that cannot be flushed (closed pipe): let the usual exit report it
            sys.exit(code)
        os._exit(code)
    sys.exit(code)
