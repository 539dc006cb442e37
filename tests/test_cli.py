"""End to end through the installed ``parkkg`` command."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pyoxigraph
import pytest
from rdflib import Graph

from graph.rdf.validate import validate_graph

from conftest import ROOT


def parkkg(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "graph", *args],
        cwd=cwd or ROOT,
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        timeout=300,
    )


@pytest.fixture(scope="module")
def build_dir(tmp_path_factory):
    out = tmp_path_factory.mktemp("out")
    r = parkkg("build", "-o", str(out))
    assert r.returncode == 0, r.stderr
    assert "document(s)" in r.stdout and "triples" in r.stdout
    return out


def test_turtle_parses_with_two_parsers_and_conforms(build_dir):
    ttl = build_dir / "parkkg.ttl"
    g = Graph().parse(ttl, format="turtle")
    with open(ttl, "rb") as fh:
        quads = list(pyoxigraph.parse(fh, format=pyoxigraph.RdfFormat.TURTLE))
    assert len(g) == len(quads) > 1000
    assert validate_graph(g).conforms


def test_build_is_byte_identical(build_dir, tmp_path):
    r = parkkg("build", "-o", str(tmp_path))
    assert r.returncode == 0, r.stderr
    assert (tmp_path / "parkkg.ttl").read_bytes() == (build_dir / "parkkg.ttl").read_bytes()


def test_one_article_extracted_in_a_forked_process_builds_what_one_process_builds(build_dir, tmp_path):
    # by default one article is extracted by a forked process while this one prepares the mapping; --jobs 1 keeps it here
    r = parkkg("build", "--jobs", "1", "--no-viz", "-o", str(tmp_path))
    assert r.returncode == 0, r.stderr
    assert (tmp_path / "parkkg.ttl").read_bytes() == (build_dir / "parkkg.ttl").read_bytes()


def test_missing_input_is_one_line_and_exit_2(tmp_path):
    r = parkkg("build", str(tmp_path / "missing.txt"), "-o", str(tmp_path))
    assert r.returncode == 2
    assert r.stderr.strip().count("\n") == 0 and "no such file" in r.stderr
    assert "Traceback" not in r.stderr


def test_pdf_input_says_what_to_do(tmp_path):
    pdf = tmp_path / "a.txt"
    pdf.write_bytes(b"%PDF-1.4 binary")
    r = parkkg("build", str(pdf), "-o", str(tmp_path))
    assert r.returncode == 2 and "this is a PDF; extract its text first" in r.stderr


def test_keep_going_skips_bad_documents(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text("广东星河新材料有限公司位于肇庆高新区。", encoding="gb18030")
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"")
    r = parkkg("build", str(good), str(bad), "-o", str(tmp_path / "o"))
    assert r.returncode == 2 and not (tmp_path / "o" / "parkkg.ttl").exists()
    r = parkkg("build", "--keep-going", str(good), str(bad), "-o", str(tmp_path / "o"))
    assert r.returncode == 0, r.stderr
    assert "skipped" in r.stderr
    assert "星河新材料" in (tmp_path / "o" / "parkkg.ttl").read_text(encoding="utf-8")


def test_no_entities_is_a_warning_not_an_error(tmp_path):
    f = tmp_path / "plain.txt"
    f.write_text("今天天气很好，我们去公园散步。", encoding="utf-8")
    r = parkkg("build", str(f), "-o", str(tmp_path))
    assert r.returncode == 0, r.stderr
    assert "warning: no entities" in r.stderr
    assert validate_graph(Graph().parse(tmp_path / "parkkg.ttl")).conforms


def test_stats_lists_orphans():
    r = parkkg("stats")
    assert r.returncode == 0, r.stderr
    assert "relations:" in r.stdout and "locatedIn" in r.stdout
    assert "entities without any relation" in r.stdout


def test_build_views_drawn_beside_validation_are_the_views_drawn_after_it(build_dir, tmp_path):
    script = "import multiprocessing, sys\nmultiprocessing.get_all_start_methods = lambda: ['spawn']\n" \
             "from graph.cli import main\nsys.exit(main(sys.argv[1:]))\n"  # no fork: views drawn after validation
    r = subprocess.run([sys.executable, "-c", script, "build", "-o", str(tmp_path)], cwd=ROOT, capture_output=True, text=True,
                       env={**os.environ, "PYTHONPATH": str(ROOT)}, timeout=300)  # fmt: skip
    assert r.returncode == 0, r.stderr
    assert "views wait" not in r.stderr and "views " in r.stderr
    names = sorted(p.name for p in build_dir.iterdir() if not p.name.startswith("."))
    assert names == sorted(p.name for p in tmp_path.iterdir() if not p.name.startswith("."))
    assert len(names) == 7
    for name in names:
        assert (tmp_path / name).read_bytes() == (build_dir / name).read_bytes(), name


def _failing_validation(nquads, **_):
    """A validation that finds one violation, whatever the graph holds."""
    from graph.rdf import validate

    bad = validate.Violation("x", "label", "a label is required", "Violation", "")
    return validate.ValidationReport(False, Graph(), "", (bad,))


def test_turtle_written_beside_validation_is_the_same_file(tmp_path, monkeypatch, capsys):
    import graph.cli as cli

    assert cli.main(["build", "-o", str(tmp_path / "here"), "--no-viz", "--no-cache"]) == 0
    monkeypatch.setattr(cli, "TURTLE_ASIDE_QUADS", 0)  # every graph's Turtle written by a forked process
    assert cli.main(["build", "-o", str(tmp_path / "aside"), "--no-viz", "--no-cache"]) == 0
    assert "turtle wait" in capsys.readouterr().err
    assert (tmp_path / "aside" / "parkkg.ttl").read_bytes() == (tmp_path / "here" / "parkkg.ttl").read_bytes()


def test_a_failing_validation_stops_the_turtle_writer_and_writes_nothing(tmp_path, monkeypatch, capsys):
    import multiprocessing

    import graph.cli as cli
    from graph.rdf import validate

    monkeypatch.setattr(validate, "validate_store", _failing_validation)  # without views the store is validated as it is
    monkeypatch.setattr(cli, "TURTLE_ASIDE_QUADS", 0)
    out = tmp_path / "out"
    assert cli.main(["build", "-o", str(out), "--no-viz", "--no-cache"]) == 3
    assert not out.exists() or list(out.iterdir()) == []
    assert multiprocessing.active_children() == []


def test_build_that_violates_the_shapes_writes_nothing_and_stops_the_views(tmp_path, monkeypatch, capsys):
    import multiprocessing

    from graph.cli import main
    from graph.rdf import validate

    monkeypatch.setattr(validate, "validate_nquads", _failing_validation)
    out = tmp_path / "out"
    assert main(["build", "-o", str(out), "--no-cache"]) == 3
    err = capsys.readouterr().err
    assert "violates 1 SHACL constraint(s); nothing written" in err
    assert not out.exists() or list(out.iterdir()) == []
    assert multiprocessing.active_children() == []
