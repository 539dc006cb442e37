"""Nothing half-written: ``parkkg build`` killed (SIGKILL, or Ctrl-C as SIGINT
to its process group) while extracting, while validating, and in the middle
of writing parkkg.ttl leaves the previous outputs byte-identical and no file
a user could take for output; an on-disk Oxigraph store survives a writer and
a reader killed mid-work and reopens with the same number of quads.

Killing "mid-write" is made exact by a fault injected into the child process
only: the write of the temporary ``.parkkg.ttl.*.tmp`` puts half the bytes on
disk, says so on stderr and sleeps; the test kills it there.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pyoxigraph
import pytest
from rdflib import Graph, Literal, URIRef

from graph import cli
from graph.rdf.validate import validate_graph
from graph.sparql.store import open_store, write_oxigraph
from graph.text.read import bundled_article
from graph.vocab import PKR

from conftest import ROOT

ENV = {**os.environ, "PYTHONPATH": str(ROOT), "PYTHONUNBUFFERED": "1"}

PAUSE_MID_WRITE = r"""
import pathlib, sys, time
_write_bytes = pathlib.Path.write_bytes
def write_bytes(self, data):
    if self.name.startswith(".parkkg.ttl.") and self.name.endswith(".tmp"):
        with open(self, "wb") as fh:
            fh.write(data[: len(data) // 2])
        sys.stderr.write("FAULT: paused half-way through " + self.name + "\n")
        sys.stderr.flush()
        time.sleep(600)
    return _write_bytes(self, data)
pathlib.Path.write_bytes = write_bytes
import graph.rdf.files as files  # a store's Turtle is streamed into its file: paused once it is half there
_write_ox = files.write_ox
def write_ox(quads, fmt, path, **options):
    path = _write_ox(quads, fmt, path, **options)
    if path.name.startswith(".parkkg.ttl.") and path.name.endswith(".tmp"):
        with open(path, "r+b") as fh:
            fh.truncate(path.stat().st_size // 2)
        sys.stderr.write("FAULT: paused half-way through " + path.name + "\n")
        sys.stderr.flush()
        time.sleep(600)
    return path
files.write_ox = write_ox
from graph.cli import main
sys.exit(main(sys.argv[1:]))
"""

PAUSE_IN_VIEWS = r"""
import sys, time
import graph.views.render as render
_write_view = render.write_view
def write_view(*args, **kwargs):
    sys.stderr.write("VIEWS: pausing while the views are drawn\n")
    sys.stderr.flush()
    time.sleep(600)
render.write_view = write_view
from graph.cli import main
sys.exit(main(sys.argv[1:]))
"""

PAUSE_MID_LOAD = r"""
import sys, time
from rdflib import Graph, Literal, URIRef
import graph.sparql.store as gs
_quads = gs.quads_to_ox
def quads(items):
    for i, q in enumerate(_quads(items)):
        if i == 2000:
            sys.stderr.write("FAULT: paused half-way through the load\n")
            sys.stderr.flush()
            time.sleep(600)
        yield q
gs.quads_to_ox = quads
g = Graph()
for i in range(4000):
    g.add((URIRef(f"http://example.org/s{i}"), URIRef("http://example.org/p"), Literal(i)))
gs.write_oxigraph(g, sys.argv[1], replace=True)
"""


def start(args: list[str]) -> subprocess.Popen:
    """A child in its own process group (so Ctrl-C can go to the whole group, as a terminal sends it)."""
    return subprocess.Popen(
        [sys.executable, *args], cwd=ROOT, env=ENV, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        text=True, start_new_session=True,
    )  # fmt: skip


def wait_for(proc: subprocess.Popen, marker: str, limit: float = 180) -> list[str]:
    """Read the child's stderr until a line containing ``marker``; kill it if that takes too long."""
    guard = threading.Timer(limit, lambda: proc.poll() is None and os.killpg(proc.pid, signal.SIGKILL))
    guard.start()
    lines: list[str] = []
    try:
        for line in proc.stderr:
            lines.append(line)
            if marker in line:
                return lines
    finally:
        guard.cancel()
    raise AssertionError(f"the child ended before {marker!r}:\n{''.join(lines)}")


def signal_at(proc: subprocess.Popen, moment: str, sig: int) -> tuple[list[str], str]:
    """Wait until ``proc`` prints ``moment``, send ``sig`` to its process group and collect what it
    wrote to stderr (the lines seen, the rest); killed if it outlives the wait."""
    try:
        seen = wait_for(proc, moment)
        os.killpg(proc.pid, sig)
        _, err = proc.communicate(timeout=120)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(30)
    return seen, err


def kill_when(proc: subprocess.Popen, marker: str) -> None:
    """SIGKILL the child's whole process group once it prints ``marker`` (and in any case)."""
    try:
        wait_for(proc, marker)
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait(60)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(30)


def snapshot(folder: Path) -> dict[str, str]:
    """sha256 of every file under ``folder``, the extraction cache aside."""
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and ".cache" not in p.relative_to(folder).parts
    }


@pytest.fixture(scope="module")
def previous(tmp_path_factory) -> Path:
    """An output folder from an earlier, successful build (with the network views)."""
    out = tmp_path_factory.mktemp("previous") / "out"
    small = out.parent / "earlier.txt"
    small.write_text("广东星河新材料有限公司位于肇庆高新区，与华南理工大学合作。", encoding="utf-8")
    assert cli.main(["build", str(small), "-o", str(out)]) == 0
    assert {"parkkg.ttl", "chain-leaders.html", "partnerships.html"} <= {p.name for p in out.iterdir()}
    return out


@pytest.fixture(scope="module")
def articles(tmp_path_factory) -> Path:
    """Two articles: a short one (its progress line comes first) and a long one."""
    folder = tmp_path_factory.mktemp("articles")
    (folder / "a-short.txt").write_text("广东聚石化学股份有限公司位于清远高新区。", encoding="utf-8")
    (folder / "b-long.txt").write_text(bundled_article().read_text(encoding="utf-8") * 4, encoding="utf-8")
    return folder


PAUSE_IN_EXTRACTION = r"""
import os, sys, time
import graph.api as api
def extract_corpus(*args, **kwargs):
    sys.stderr.write(f"EXTRACTING in process {os.getpid()}\n")
    sys.stderr.flush()
    time.sleep(600)
api.extract_corpus = extract_corpus
from graph.cli import main
sys.exit(main(sys.argv[1:]))
"""


def test_ctrl_c_while_one_article_is_extracted_aside_stops_its_process(previous, tmp_path):
    """One article is extracted by a forked process while the main one prepares the mapping:
    Ctrl-C then ends the command with 130, the one line, the previous outputs, and no process left."""
    out = tmp_path / "out"
    shutil.copytree(previous, out)
    before = snapshot(out)
    proc = start(["-c", PAUSE_IN_EXTRACTION, "build", str(previous.parent / "earlier.txt"), "-o", str(out)])
    seen, err = signal_at(proc, "EXTRACTING", signal.SIGINT)
    extractor = int(seen[-1].split()[-1])
    assert extractor != proc.pid  # the extraction runs in a process of its own
    stderr = "".join(seen) + err
    assert proc.returncode == 130, stderr
    assert stderr.strip().splitlines()[-1] == cli._INTERRUPTED
    assert "Traceback" not in stderr
    assert snapshot(out) == before
    with pytest.raises(ProcessLookupError):
        os.kill(extractor, 0)


@pytest.mark.parametrize(
    "moment, sig",
    [
        ("[1/2]", signal.SIGKILL),  # extracting the long article
        ("[2/2]", signal.SIGKILL),  # mapping, validating, serialising
        ("FAULT", signal.SIGKILL),  # half of parkkg.ttl's bytes in the temporary file
        ("[2/2]", signal.SIGINT),
        ("FAULT", signal.SIGINT),
        ("VIEWS", signal.SIGINT),  # the views are being drawn
        ("VIEWS", signal.SIGKILL),
    ],
    ids=["kill-extracting", "kill-validating", "kill-writing", "ctrl-c-validating", "ctrl-c-writing",
         "ctrl-c-drawing-views", "kill-drawing-views"],
)
def test_killed_build_leaves_previous_outputs_intact(previous, articles, tmp_path, moment, sig):
    out = tmp_path / "out"
    shutil.copytree(previous, out)
    before = snapshot(out)
    code = {"FAULT": ["-c", PAUSE_MID_WRITE], "VIEWS": ["-c", PAUSE_IN_VIEWS]}.get(moment, ["-m", "graph"])
    proc = start([*code, "build", str(articles), "-o", str(out)])
    seen, err = signal_at(proc, moment, sig)
    stderr = "".join(seen) + err

    after = snapshot(out)
    visible = {k: v for k, v in after.items() if not any(part.startswith(".") for part in Path(k).parts)}
    assert visible == before, "an output changed or appeared"
    leftovers = sorted(set(after) - set(before))
    if sig == signal.SIGINT:
        assert proc.returncode == 130
        assert stderr.strip().splitlines()[-1] == "parkkg: interrupted; the outputs are the previous set or the new one, complete"
        assert "Traceback" not in stderr and "ForkPoolWorker" not in stderr
        assert leftovers == []
        assert not [p for p in out.rglob("*.tmp")]  # the cache's temporary files are gone too
    else:
        assert proc.returncode == -signal.SIGKILL
        # a killed process cannot clean up: at most its hidden staging folder (the next build removes it)
        assert all(re.fullmatch(r"\.staging-\d+-[^/]+/.*", name) for name in leftovers), leftovers
        # the views are drawn by a process of their own while the graph is validated and written, so
        # the staging folder may also hold views, whatever the moment; the half-written graph is always there
        if moment == "FAULT":
            assert any(Path(name).name.startswith(".parkkg.ttl.") for name in leftovers), leftovers
    assert Graph().parse(out / "parkkg.ttl", format="turtle")  # the previous graph still parses


def test_a_build_after_a_kill_succeeds(previous, articles, tmp_path):
    out = tmp_path / "out"
    shutil.copytree(previous, out)
    proc = start(["-c", PAUSE_MID_WRITE, "build", str(articles), "-o", str(out), "--no-viz"])
    kill_when(proc, "FAULT")
    # the killed build cached its extractions (atomically); the next build uses them
    assert any(out.glob(".staging-*"))  # what the killed build was writing
    assert cli.main(["build", str(articles), "-o", str(out), "--no-viz"]) == 0
    assert not any(out.glob(".staging-*"))  # removed: its process is gone
    g = Graph().parse(out / "parkkg.ttl", format="turtle")
    assert (PKR["广东聚石化学股份有限公司"], None, None) in g
    assert validate_graph(g).conforms


# ------------------------------------------------------------------ the on-disk Oxigraph store


def quads_in(path: Path) -> int:
    with open_store(f"oxigraph:{path}") as store:
        return len(store)


@pytest.fixture()
def disk_store(built, tmp_path) -> tuple[Path, int]:
    path = tmp_path / "store"
    write_oxigraph(built, path)
    n = quads_in(path)
    assert n > 1000
    return path, n


def test_store_survives_a_writer_killed_mid_load(disk_store):
    path, n = disk_store
    marker = URIRef("http://example.org/s1")
    proc = start(["-c", PAUSE_MID_LOAD, str(path)])
    kill_when(proc, "FAULT")
    assert proc.returncode == -signal.SIGKILL
    assert quads_in(path) == n
    with open_store(f"oxigraph:{path}") as store:
        assert store.query("ASK { ?e a pk:Enterprise }").boolean
        assert not store.query(f"ASK {{ <{marker}> ?p ?o }}").boolean
    # nothing holds the store's lock: it opens for writing, and is replaced by the next write
    writable = pyoxigraph.Store(str(path))
    assert len(writable) == n
    del writable
    g = Graph()
    g.add((marker, URIRef("http://example.org/p"), Literal(1)))
    write_oxigraph(g, path, replace=True, inference=False)
    with open_store(f"oxigraph:{path}", inference=False) as store:
        assert len(store) == 1
    visible = [p.name for p in path.parent.iterdir() if not p.name.startswith(".")]
    assert visible == ["store"]


def test_store_survives_a_reader_killed_mid_query(disk_store):
    path, n = disk_store
    proc = start(["-m", "graph", "serve", "--port", "0", "--store", f"oxigraph:{path}", "--timeout", "30"])
    try:
        banner = "".join(wait_for(proc, "query page"))
        url = re.search(r"query page (http://127\.0\.0\.1:\d+)/", banner).group(1)
        query = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f }"  # runs for a long time
        idle = _group_cpu_seconds(proc.pid)
        sender = threading.Thread(target=_ignore_errors, args=(url, query), daemon=True)
        sender.start()
        # kill only once the query is really being evaluated: the server's processes burn CPU on it
        deadline = time.monotonic() + 30
        while _group_cpu_seconds(proc.pid) - idle < 1.0:
            assert time.monotonic() < deadline, "the query never started running"
            time.sleep(0.1)
        assert sender.is_alive(), "the query finished before the kill: it must still be running"
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait(60)
        sender.join(30)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(30)
    assert quads_in(path) == n


def _group_cpu_seconds(pgid: int) -> float:
    """CPU time (user + system) used so far by the processes of a process group, from /proc."""
    tick = os.sysconf("SC_CLK_TCK")
    total = 0
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue  # the process ended meanwhile
        if int(fields[2]) == pgid:  # field 5 of stat: the process group
            total += int(fields[11]) + int(fields[12])  # fields 14 and 15: utime, stime
    return total / tick


def _ignore_errors(url: str, query: str) -> None:
    import urllib.parse
    import urllib.request

    try:
        urllib.request.urlopen(f"{url}/sparql?{urllib.parse.urlencode({'query': query})}", timeout=30).read()
    except OSError:
        pass
