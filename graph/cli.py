"""``parkkg``: the command line, thin over :mod:`graph.api`.

Exit codes: 0 success; 1 an operation failed; 2 bad input or usage (a file
that cannot be read, a malformed query); 3 the built graph violates the
SHACL shapes. Tracebacks are shown only with ``--debug``.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

__all__ = ["app", "main"]

app = typer.Typer(
    name="parkkg",
    help="Knowledge graph of an industrial park's innovation ecosystem, from Chinese news text.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

EXIT_OK, EXIT_FAILED, EXIT_INPUT, EXIT_INVALID = 0, 1, 2, 3
_state = {"debug": False}


@app.callback()
def _root(
    debug: Annotated[bool, typer.Option("--debug", help="Show full tracebacks on errors.")] = False,
) -> None:
    _state["debug"] = debug


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
) -> None:
    """Build the graph and write OUTDIR/parkkg.ttl (ontology + data + provenance) and the network views."""
    from . import api, export

    def progress(done: int, total: int, source: str) -> None:
        if total > 1:
            typer.echo(f"[{done}/{total}] {source}", err=True)

    result = api.build(articles or None, keep_going=keep_going, validate=not no_validate, progress=progress)
    for f in result.failures:
        typer.echo(f"parkkg: skipped {f.source}: {f.message}", err=True)
    if result.report is not None and not result.report.conforms:
        typer.echo(result.report.summary(), err=True)
        raise fail(f"the graph violates {len(result.report.violations)} SHACL constraint(s); nothing written", EXIT_INVALID)
    stats = result.stats()
    if not any(stats.entities.get(c, 0) for c in stats.entities if c not in ("Indicator",)):
        typer.echo("parkkg: warning: no entities found; the graph holds only document metadata", err=True)
    path = export.write_turtle(result.dataset, outdir / "parkkg.ttl")
    typer.echo(f"{stats.summary()} -> {path}")
    if viz:
        from . import render

        views = render.write_views(result.dataset, outdir)
        typer.echo("network views -> " + ", ".join(str(v) for v in views))


@app.command()
def stats(
    articles: Annotated[Optional[list[Path]], typer.Argument(help="Article .txt files or folders (default: the bundled article).")] = None,
) -> None:
    """What the loader finds: entities by class, relations by property, observations by indicator."""
    from . import api

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


_VIEWS = {"chain": ["chain-leaders"], "partnership": ["partnerships"], "all": ["chain-leaders", "partnerships"]}


@app.command()
def networks(
    graph: Annotated[Path, typer.Option("--graph", "-g", help="Graph file written by `parkkg build`.")] = Path("out/parkkg.ttl"),
    outdir: Annotated[Path, typer.Option("-o", "--outdir", help="Where the CSV/JSON files are written.")] = Path("out"),
    top: Annotated[int, typer.Option("--top", min=1, help="How many nodes the summary ranks.")] = 5,
) -> None:
    """Measure the chain-leader and partnership networks: CSV/JSON of the metrics, ranked summary."""
    from . import networks as nw

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
    network: Annotated[str, typer.Option("--network", "-n", help="chain, partnership or all.")] = "all",
    output: Annotated[Optional[Path], typer.Option("-o", "--output", help="HTML file (one network) or folder (default: out).")] = None,
    graph: Annotated[Path, typer.Option("--graph", "-g", help="Graph file written by `parkkg build`.")] = Path("out/parkkg.ttl"),
    pictures: Annotated[bool, typer.Option("--pictures/--no-pictures", help="Also write PNG and SVG beside each HTML file.")] = False,
) -> None:
    """Write the interactive HTML views (offline; open them in a browser)."""
    if network not in _VIEWS:
        raise fail(f"unknown network {network!r}; choose chain, partnership or all", EXIT_INPUT)
    from . import networks as nw
    from . import render

    names = _VIEWS[network]
    target = output or Path("out")
    if target.suffix.lower() in (".html", ".htm") and len(names) > 1:
        raise fail("with --network all, -o must be a folder (or pick --network chain|partnership)", EXIT_INPUT)
    g = nw.load_graph(graph)
    for name in names:
        path = target if target.suffix.lower() in (".html", ".htm") else target / f"{name}.html"
        G = nw.NETWORKS[name](g)
        written = render.write_view(G, path, title=render.VIEW_TITLES[name], pictures=pictures)
        typer.echo(f"{name}: {G.number_of_nodes()} nodes, {G.number_of_edges()} edges -> " + ", ".join(str(w) for w in written))


def main(argv: list[str] | None = None) -> int:
    """Entry point of the ``parkkg`` script; returns the exit code."""
    from .errors import ParkKGError

    try:
        # without standalone mode, click returns (not raises) the code of a typer.Exit
        code = app(args=argv, standalone_mode=False)
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
        typer.echo("parkkg: interrupted; outputs already written are intact", err=True)
        return 130
    except Exception as exc:  # click usage errors and unexpected failures
        import click

        if isinstance(exc, click.exceptions.UsageError):
            exc.show()
            return EXIT_INPUT
        if isinstance(exc, click.exceptions.Abort):
            return 130
        if _state["debug"]:
            raise
        typer.echo(f"parkkg: error: {type(exc).__name__}: {exc} (run with --debug for the traceback)", err=True)
        return EXIT_FAILED
    return EXIT_OK


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())


def run() -> None:
    """Console-script wrapper: exit with :func:`main`'s code."""
    sys.exit(main())
