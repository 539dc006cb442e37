"""The notebooks in notebooks/ run top to bottom, offline, and agree with SPARQL.

Each notebook is executed once, with nbclient, in a fresh ``python3`` kernel
(ipykernel). The kernel's interpreter installs an audit hook at start-up (a
``sitecustomize`` module put first on its PYTHONPATH): every connection or
name lookup beyond this machine is recorded and refused, so a notebook that
reaches for the network fails. The tests then check that no cell failed;
that figures were drawn (PNG outputs) with a CJK font (no missing-glyph
warning); that nothing in the outputs loads from http(s); that the inline
interactive view works in a real browser without a single request; and
that the value of each notebook's cell tagged ``check`` equals the answer
to a SPARQL query the test asks itself. The committed notebooks carry no
outputs and import only the public API.
"""

from __future__ import annotations

import ast
import base64
import doctest
import html
import importlib
import importlib.util
import json
import os
import re
import shutil
import struct
import sys
import time
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from unittest import mock

import nbformat
import pytest
from nbclient import NotebookClient
from rdflib import RDF, RDFS, Literal

from graph.vocab import DATA_GRAPH, PK, RECORD_CLASS_NAMES

from conftest import ROOT

NOTEBOOK_DIR = ROOT / "notebooks"
NOTEBOOKS = ["01-quickstart.ipynb", "02-chain-leaders.ipynb", "03-partnerships.ipynb", "04-indicators.ipynb"]
WITH_FIGURES = ["02-chain-leaders.ipynb", "03-partnerships.ipynb", "04-indicators.ipynb"]
CELL_TIMEOUT = 120  # seconds per cell; a hung cell fails the test instead of blocking CI

# Loaded first by the kernel's interpreter: refuse and record any network access beyond this machine.
GUARD = '''\
"""Written by tests/test_notebooks.py: no network for the notebooks under test."""
import os
import socket
import sys
from urllib.parse import urlsplit

_LOG = os.environ.get("PARKKG_NETWORK_LOG", "")
_LOCAL = {"", "localhost", "::1", "::", "0.0.0.0", socket.gethostname().lower()}


def _host(event, args):
    if event == "socket.connect":
        address = args[1]
        return address[0] if isinstance(address, tuple) and address else None  # AF_UNIX: a path, local
    if event in ("socket.getaddrinfo", "socket.gethostbyname", "socket.gethostbyaddr"):
        return args[0]
    if event == "urllib.Request":
        return urlsplit(args[0]).hostname or ""
    return None


def _guard(event, args):
    if not event.startswith(("socket.", "urllib.")):
        return
    host = _host(event, args)
    if host is None:
        return
    if isinstance(host, bytes):
        host = host.decode("ascii", "replace")
    host = str(host).lower()
    if host in _LOCAL or host.startswith("127."):
        return
    if _LOG:
        with open(_LOG, "a", encoding="utf-8") as log:
            log.write(f"{event} {host}\\n")
    raise OSError(f"network access is blocked while the notebooks run in the tests ({event} {host})")


sys.addaudithook(_guard)
'''

# an attribute that loads something from elsewhere: src="https://…", href='//…', url(http://…)
REMOTE = re.compile(r"""(?:\b(?:src|href)\s*=\s*["']?|url\(\s*["']?)\s*(?:https?:)?//""", re.IGNORECASE)


@dataclass
class Run:
    """One executed notebook."""

    name: str
    nb: nbformat.NotebookNode
    seconds: float
    network: list[str] = field(default_factory=list)

    def outputs(self):
        for cell in self.nb.cells:
            for out in cell.get("outputs", []):
                yield cell, out

    def check_value(self):
        """The value of the one cell tagged ``check``, as a Python literal."""
        cells = [c for c in self.nb.cells if "check" in c.metadata.get("tags", [])]
        assert len(cells) == 1, f"{self.name}: expected one cell tagged 'check', found {len(cells)}"
        results = [o for o in cells[0].outputs if o.output_type == "execute_result"]
        assert results, f"{self.name}: the 'check' cell shows no value"
        return ast.literal_eval(results[-1].data["text/plain"])


@dataclass
class Offline:
    """What a kernel needs to run with the network guard on."""

    env: dict[str, str]
    log: Path
    jupyter_path: Path

    def execute(self, nb: nbformat.NotebookNode, workdir: Path) -> tuple[float, list[str], Exception | None]:
        """Run ``nb`` in place: (seconds, network attempts, the error if a cell failed)."""
        self.log.write_text("", encoding="utf-8")
        client = NotebookClient(
            nb, kernel_name="python3", timeout=CELL_TIMEOUT, allow_errors=False, resources={"metadata": {"path": str(workdir)}}
        )
        started = time.perf_counter()
        error: Exception | None = None
        # JUPYTER_PATH comes first in the kernel-spec search: "python3" is this interpreter's ipykernel,
        # whatever kernels the user has installed elsewhere
        with mock.patch.dict(os.environ, {"JUPYTER_PATH": str(self.jupyter_path)}):
            try:
                client.execute(env=self.env)
            except Exception as exc:  # noqa: BLE001 - the caller decides
                error = exc
        return time.perf_counter() - started, self.log.read_text(encoding="utf-8").splitlines(), error


@pytest.fixture(scope="module")
def offline(tmp_path_factory) -> Offline:
    guard = tmp_path_factory.mktemp("offline")
    (guard / "sitecustomize.py").write_text(GUARD, encoding="utf-8")
    spec = guard / "jupyter" / "kernels" / "python3"
    spec.mkdir(parents=True)
    argv = [sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"]
    (spec / "kernel.json").write_text(json.dumps({"argv": argv, "display_name": "Python 3 (ipykernel)", "language": "python"}), encoding="utf-8")
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(guard), env.get("PYTHONPATH", "")) if p)
    env["PARKKG_NETWORK_LOG"] = str(guard / "network.log")
    env.pop("MPLBACKEND", None)  # let ipykernel pick its inline backend, so figures become outputs
    return Offline(env, guard / "network.log", guard / "jupyter")


@pytest.fixture(scope="module")
def run_notebook(offline, tmp_path_factory):
    """Execute a notebook once (cached); a failure is remembered and reported by every test of it."""
    done: dict[str, Run | Exception] = {}

    def run(name: str) -> Run:
        if name not in done:
            nb = nbformat.read(NOTEBOOK_DIR / name, as_version=4)
            seconds, network, error = offline.execute(nb, tmp_path_factory.mktemp(name.split(".")[0]))
            done[name] = error if error is not None else Run(name, nb, seconds, network)
        result = done[name]
        if isinstance(result, Exception):
            pytest.fail(f"{name} failed to run top to bottom:\n{result}")
        return result

    return run


def test_the_network_guard_refuses_and_records(offline, tmp_path):
    from nbformat.v4 import new_code_cell, new_notebook

    nb = new_notebook(cells=[
        new_code_cell("import sys\nprint(sys.executable)"),
        new_code_cell("import urllib.request\nurllib.request.urlopen('https://cdn.example.org/vis.js', timeout=5)"),
    ])  # fmt: skip
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    _, network, error = offline.execute(nb, tmp_path)
    assert error is not None and "network access is blocked" in str(error)
    assert network and "cdn.example.org" in network[0]
    # the kernel is this interpreter, so it imports the parkkg under test
    assert nb.cells[0].outputs[0].text.strip() == sys.executable


# ----------------------------------------------------------------------------- the committed files


def test_the_notebooks_are_there():
    present = sorted(p.name for p in NOTEBOOK_DIR.glob("*.ipynb"))
    assert set(NOTEBOOKS) <= set(present), present


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_committed_notebook_has_no_outputs_and_states_its_question(name):
    nb = nbformat.reads((NOTEBOOK_DIR / name).read_text(encoding="utf-8"), as_version=4)
    nbformat.validate(nb)
    assert nb.metadata["kernelspec"]["name"] == "python3"
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert code, f"{name} has no code"
    for cell in code:
        assert cell.outputs == [], f"{name}: cell {cell.id} was committed with outputs (strip them)"
        assert cell.execution_count is None, f"{name}: cell {cell.id} was committed with an execution count"
    first = nb.cells[0]
    assert first.cell_type == "markdown" and first.source.startswith("# ")
    assert "**Question:**" in first.source, f"{name}: the first cell should say what question the notebook answers"


def _code_sources(name: str) -> list[str]:
    nb = nbformat.read(NOTEBOOK_DIR / name, as_version=4)
    # IPython magics (%matplotlib inline) are not Python
    return ["\n".join(ln for ln in c.source.splitlines() if not ln.lstrip().startswith(("%", "!"))) for c in nb.cells if c.cell_type == "code"]


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_notebook_uses_only_the_public_api(name):
    for source in _code_sources(name):
        tree = ast.parse(source)
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                for alias in node.names:
                    if alias.name.split(".")[0] == "graph":
                        assert not any(part.startswith("_") for part in alias.name.split(".")), alias.name
            elif isinstance(node, ast.ImportFrom) and node.module and node.module.split(".")[0] == "graph":
                assert not any(part.startswith("_") for part in node.module.split(".")), node.module
                module = importlib.import_module(node.module)
                for alias in node.names:
                    public = alias.name in getattr(module, "__all__", ())
                    submodule = (
                        hasattr(module, "__path__")  # a package of graph's: its public submodules
                        and not alias.name.startswith("_")
                        and importlib.util.find_spec(f"{node.module}.{alias.name}")
                    )
                    assert public or submodule, f"{name}: `from {node.module} import {alias.name}` is not public API"
            elif isinstance(node, ast.Attribute) and node.attr.startswith("_") and not node.attr.startswith("__"):
                pytest.fail(f"{name}: uses the private name {node.attr!r}")


# ----------------------------------------------------------------------------- running them


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_notebook_runs_offline_without_errors(run_notebook, name):
    run = run_notebook(name)
    assert run.network == [], f"{name} tried to reach the network: {run.network}"
    for cell, out in run.outputs():
        assert out.output_type != "error", f"{name}: cell {cell.id} raised {out.get('ename')}"
        if out.output_type == "stream" and out.name == "stderr":
            assert "missing from font" not in out.text, f"{name}: a glyph was drawn without a font (tofu):\n{out.text}"
            assert "Traceback" not in out.text, out.text
        texts = [out.get("text", "")] + [v for v in out.get("data", {}).values() if isinstance(v, str)]
        for text in texts:
            found = REMOTE.search(html.unescape(text)) or REMOTE.search(text)
            assert found is None, f"{name}: cell {cell.id} loads something from the network: {found.group(0)!r}"
    # every code cell ran
    assert all(c.execution_count for c in run.nb.cells if c.cell_type == "code")
    print(f"{name}: {run.seconds:.1f} s")


def _png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


@pytest.mark.parametrize("name", WITH_FIGURES)
def test_notebook_draws_its_figures(run_notebook, name):
    pngs = [base64.b64decode(out.data["image/png"]) for _, out in run_notebook(name).outputs() if "image/png" in out.get("data", {})]
    assert pngs, f"{name} drew no figure"
    for png in pngs:
        width, height = _png_size(png)
        assert width >= 600 and height >= 300, (width, height)


# ----------------------------------------------------------------------------- the answers equal SPARQL's


def _zh(term) -> bool:
    return isinstance(term, Literal) and (term.language or "").lower().startswith("zh")


def test_quickstart_counts_equal_sparql(run_notebook, built):
    data = built.dataset.graph(DATA_GRAPH)
    rows = data.query("SELECT ?c (COUNT(DISTINCT ?e) AS ?n) WHERE { ?e a ?c } GROUP BY ?c")
    bookkeeping = RECORD_CLASS_NAMES  # observations of every kind, indicators, events, qualified nodes, documents
    pk = str(PK._NS)
    expected = {
        str(c)[len(pk):]: int(n) for c, n in rows if str(c).startswith(pk) and str(c)[len(pk):] not in bookkeeping
    }
    assert expected.get("Enterprise", 0) > 0
    assert run_notebook("01-quickstart.ipynb").check_value() == expected


def test_chain_leaders_equal_sparql(run_notebook, union):
    rows = union.query(
        "SELECT ?industry ?leader WHERE { ?l pk:chainLeaderOf ?i ; rdfs:label ?leader . ?i rdfs:label ?industry . }",
        initNs={"pk": PK._NS, "rdfs": "http://www.w3.org/2000/01/rdf-schema#"},
    )
    expected: dict[str, list[str]] = {}
    for industry, leader in rows:
        if _zh(industry) and _zh(leader):
            expected.setdefault(str(industry), []).append(str(leader))
    expected = {k: sorted(set(v)) for k, v in sorted(expected.items())}
    assert expected, "the bundled article names chain leaders"
    assert run_notebook("02-chain-leaders.ipynb").check_value() == expected


PARTNER_PAIRS = """
PREFIX pk: <https://w3id.org/parkkg/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT DISTINCT ?a ?b WHERE {
  { ?p rdfs:subPropertyOf* pk:cooperatesWith . ?x ?p ?y }
  UNION { ?x pk:hasCustomer ?y }
  UNION { ?x pk:subsidiaryOf ?y }
  UNION { ?work pk:applicant ?x , ?y }
  UNION { ?x pk:hostsPlatform ?platform . ?y pk:hostsPlatform ?platform }
  FILTER(?x != ?y)
  FILTER EXISTS { VALUES ?k { pk:Enterprise pk:University pk:ResearchInstitute pk:GovernmentBody pk:Organization pk:Park }
                  ?x a/rdfs:subClassOf* ?k }
  FILTER EXISTS { VALUES ?k { pk:Enterprise pk:University pk:ResearchInstitute pk:GovernmentBody pk:Organization pk:Park }
                  ?y a/rdfs:subClassOf* ?k }
  ?x rdfs:label ?a . ?y rdfs:label ?b .
  FILTER(LANGMATCHES(LANG(?a), "zh") && LANGMATCHES(LANG(?b), "zh"))
}
"""


def test_partner_pairs_equal_sparql(run_notebook, union):
    expected = sorted({tuple(sorted((str(a), str(b)))) for a, b in union.query(PARTNER_PAIRS)})
    assert expected, "the bundled article names cooperating organisations"
    got = [tuple(p) for p in run_notebook("03-partnerships.ipynb").check_value()]
    assert got == expected


OUTPUT_SERIES = """
PREFIX pk: <https://w3id.org/parkkg/ontology#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT ?notation ?year ?value WHERE {
  ?o a pk:Observation ; pk:indicator ?i ; pk:year ?year ; pk:value ?value .
  ?i skos:notation ?notation .
  FILTER(?notation IN ("industrial-output-value", "leading-industries-output-value/3+1"))
}
"""


def test_indicators_equal_sparql_and_the_article(run_notebook, union):
    series: dict[str, dict[int, float]] = {}
    for notation, year, value in union.query(OUTPUT_SERIES):
        by_year = series.setdefault(str(notation), {})
        assert int(str(year)) not in by_year, f"two values of {notation} for {year}"
        by_year[int(str(year))] = float(value.toPython()) / 1e8  # 亿元
    output, leading = series["industrial-output-value"], series["leading-industries-output-value/3+1"]
    first, last = min(output), max(output)
    expected = {
        "output_2024": output[2024],
        "leading_2024": leading[2024],
        "output_increase": output[last] - output[first],
        "leading_increase": leading[last] - leading[first],
        "share_2024": round(100 * leading[2024] / output[2024], 1),
    }
    got = run_notebook("04-indicators.ipynb").check_value()
    assert got == pytest.approx(expected)
    # and the article's own words: "工业总产值增加了57亿元，而'3+1'主导产业产值增加了75亿元"
    assert (got["output_increase"], got["leading_increase"]) == (57, 75)


# ----------------------------------------------------------------------------- the inline interactive view


class _Frames(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.frames: list[dict[str, str | None]] = []

    def handle_starttag(self, tag, attrs):
        if tag == "iframe":
            self.frames.append(dict(attrs))


def _inline_views(run: Run) -> list[str]:
    return [out.data["text/html"] for _, out in run.outputs() if "<iframe" in out.get("data", {}).get("text/html", "")]


def test_chain_leader_view_is_inline_and_self_contained(run_notebook):
    views = _inline_views(run_notebook("02-chain-leaders.ipynb"))
    assert len(views) == 1
    parser = _Frames()
    parser.feed(views[0])
    (frame,) = parser.frames
    assert frame.get("src") is None and frame["sandbox"] == "allow-scripts"
    page = frame["srcdoc"]
    assert page.startswith("<!DOCTYPE html>")
    assert "default-src 'none'" in page and "connect-src 'none'" in page
    assert not re.search(r"<script[^>]*\bsrc=", page), "every script is inline"


def test_chain_leader_view_works_in_chromium_with_no_request(run_notebook, built, tmp_path):
    from playwright.sync_api import sync_playwright

    from graph import networks

    view = _inline_views(run_notebook("02-chain-leaders.ipynb"))[0]
    host = tmp_path / "notebook-output.html"
    host.write_text(f'<!DOCTYPE html><html><head><meta charset="utf-8"></head><body>{view}</body></html>', encoding="utf-8")
    chromium = shutil.which("chromium") or "/usr/bin/chromium"
    args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"]
    errors: list[str] = []
    requests: list[str] = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, headless=True, args=args)
        try:
            page = browser.new_page(viewport={"width": 1300, "height": 900})
            page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
            page.on("pageerror", lambda e: errors.append(str(e)))
            page.on("request", lambda r: requests.append(r.url))
            page.route(lambda url: not url.startswith("file:"), lambda route: route.abort())
            page.goto(host.as_uri())
            frame = next(f for f in page.frames if f is not page.main_frame)
            frame.wait_for_function("window.parkkg && window.parkkg.ready === true", timeout=20_000)
            shown = frame.evaluate("parkkg.network.body.data.nodes.length")
            page.screenshot(path=str(tmp_path / "notebook-view.png"))
        finally:
            browser.close()
    assert requests == [host.as_uri()], requests
    assert errors == []
    assert shown == networks.chain_leader_network(built.dataset).number_of_nodes()


# ----------------------------------------------------------------------------- graph.views.notebook


def test_notebook_module_examples():
    import graph.views.notebook as nbmod

    result = doctest.testmod(nbmod, optionflags=doctest.ELLIPSIS)
    assert result.attempted > 0 and result.failed == 0


def test_use_cjk_font_draws_chinese():
    import matplotlib
    from matplotlib import font_manager
    from matplotlib.ft2font import FT2Font

    from graph.views.notebook import use_cjk_font

    with matplotlib.rc_context():
        family = use_cjk_font()
        assert matplotlib.rcParams["font.family"][0] == family
        assert matplotlib.rcParams["axes.unicode_minus"] is False
        path = font_manager.findfont(font_manager.FontProperties(family=family), fallback_to_default=False)
    font = FT2Font(path)
    assert all(font.get_char_index(ord(ch)) for ch in "清远高新区链主企业")


def test_use_cjk_font_says_how_to_install_one(monkeypatch):
    import graph.views.notebook as nbmod
    from graph.errors import ParkKGError

    monkeypatch.setattr(nbmod, "find_cjk_family", lambda **_: None)
    with pytest.raises(ParkKGError, match="fonts-noto-cjk"):
        nbmod.use_cjk_font()


def test_iframe_html_escapes_any_page():
    from graph.views.notebook import iframe_html

    page = """<!DOCTYPE html><p title="a'b">甲 & 乙</p></iframe><script>alert("x")</script>"""
    tag = iframe_html(page, height=200, title='a "view"')
    parser = _Frames()
    parser.feed(tag)
    (frame,) = parser.frames
    assert frame["srcdoc"] == page and frame["title"] == 'a "view"'
    assert "<script" not in tag and tag.count("</iframe>") == 1
    with pytest.raises(ValueError, match="height"):
        iframe_html(page, height=0)


def test_frames_of_a_projection(built, union):
    from graph import networks
    from graph.views.notebook import edges_frame, nodes_frame

    G = networks.partnership_network(built.dataset)
    nodes, edges = nodes_frame(G), edges_frame(G)
    assert len(nodes) == G.number_of_nodes() and len(edges) == G.number_of_edges()
    assert list(nodes["betweenness"]) == sorted(nodes["betweenness"], reverse=True)
    labels = {d["label_zh"] for _, d in G.nodes(data=True)}
    assert set(edges["source"]) | set(edges["target"]) <= labels
    assert (edges["evidence"] != "").all() and (edges["document"] != "").all()
    # a co-filed patent says what the cooperation is about: the patent, a node of the graph
    patents = {str(lbl) for s in union.subjects(RDF.type, PK.Patent) for lbl in union.objects(s, RDFS.label) if _zh(lbl)}
    for about in edges.loc[edges["relation"] == "coFiledPatentWith", "about"]:
        assert about and set(about.split("；")) <= patents
