"""Hostile text, end to end: an article whose sentences and names carry
markup, script URLs, quotes, backslashes and spreadsheet formulas, and a
hand-made graph whose labels carry the rest (newlines, control characters).

* every RDF format parses back (rdflib and Oxigraph) with the exact strings;
* CSV cells a spreadsheet would run as a formula are neutralised;
* the HTML views built from the article and the query page's results table
  show the strings as text and never run them (headless Chromium: no dialog,
  no ``window`` flag set, no element injected).

tests/test_render*.py cover hand-made hostile labels in the views; this file
adds the path from an article and the query page.
"""

from __future__ import annotations

import csv
import io
import sys
from pathlib import Path

import pyoxigraph
import pytest
from rdflib import RDF, RDFS, SKOS, Dataset, Graph, Literal

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _sparql_support import running  # noqa: E402

from graph import api, cli  # noqa: E402
from graph.errors import StoreError  # noqa: E402
from graph.rdf.export import ExportFormat, export, serialize  # noqa: E402
from graph.rdf.files import RdfFormat, load_context, load_dataset
from graph.sparql.serve import create_app  # noqa: E402
from graph.text.read import read_document  # noqa: E402
from graph.vocab import DATA_GRAPH, PK, PKR, entity_iri  # noqa: E402

ARTICLE = (
    "园区动态\n"
    "广东星河科技有限公司（以下简称“<script>alert(1)</script>”）位于清远高新区。\n"
    "广东星河科技有限公司与华南理工大学合作研发<script>window.__pk1=1</script>\"><img src=x onerror=window.__pk2=1>，"
    "javascript:window.__pk3=1 引号\"双引号 反斜杠\\ 大于>号。\n"
    "清远华科新材料有限公司与广东工业大学签约共建\"><img src=x onerror=alert(1)>javascript:alert(1)联合实验室。\n"
    "=HYPERLINK(\"http://attacker.example/x\",\"点击\")清远华科新材料有限公司位于清远高新区。\n"
    "@SUM(1+1)广东星河科技有限公司与广东工业大学合作。\n"
)
MARKUP = ("<script>", "<img", "javascript:", "=HYPERLINK", "@SUM")
FLAGS = "[typeof window.__pk1, typeof window.__pk2, typeof window.__pk3]"

# labels for a hand-made graph: everything that breaks a naive writer
LABELS = [
    "<script>window.__pk1=1</script>",
    '"><img src=x onerror=window.__pk2=1>',
    "javascript:window.__pk3=1",
    "quote \" and 'single' and \"\"\"triple\"\"\" '''x'''",
    "back\\slash and trailing\\",
    "a > b < c & d ]]> -->",
    "line one\nline two\r\nline three\rfour",
    '=HYPERLINK("http://attacker.example/x","click")',
    "+86 763 1234",
    "-2+3",
    "@SUM(A1:A9)",
    "\t=1+1",
    "\r=1+1",
    "separators \u2028 \u2029 \u0085 tab\tinside",
    "\\u0041 is not an escape",
    '"',
    "\\",
]
CONTROL = "bell \x07 escape \x1b"  # legal in RDF, not representable in XML 1.0


def hand_made(labels: list[str]) -> Dataset:
    """Enterprises labelled ``labels``, each cooperating with the next."""
    ds = Dataset()
    g = ds.graph(DATA_GRAPH)
    nodes = [PKR[f"敌意{i}"] for i in range(len(labels))]
    for node, label in zip(nodes, labels):
        g.add((node, RDF.type, PK.Enterprise))
        g.add((node, RDFS.label, Literal(label, lang="zh")))
    for a, b in zip(nodes, nodes[1:]):
        g.add((a, PK.cooperatesWith, b))
    return ds


def literals(data: bytes, fmt: RdfFormat) -> tuple[set[str], set[str]]:
    """Every literal's string, as read back by rdflib and by Oxigraph."""
    if fmt.is_quads:
        back = Dataset()
        back.parse(data=data, format=fmt.rdflib_name)
        by_rdflib = {str(o) for _, _, o, _ in back.quads((None, None, None, None)) if isinstance(o, Literal)}
    else:
        extra = {"context": load_context()} if fmt is RdfFormat.JSONLD else {}
        by_rdflib = {str(o) for o in Graph().parse(data=data, format=fmt.rdflib_name, **extra).objects() if isinstance(o, Literal)}
    ox_format = {
        RdfFormat.TURTLE: "TURTLE", RdfFormat.NTRIPLES: "N_TRIPLES", RdfFormat.NQUADS: "N_QUADS",
        RdfFormat.TRIG: "TRIG", RdfFormat.JSONLD: "JSON_LD", RdfFormat.RDFXML: "RDF_XML",
    }[fmt]  # fmt: skip
    quads = pyoxigraph.parse(data, format=getattr(pyoxigraph.RdfFormat, ox_format))
    by_oxigraph = {q.object.value for q in quads if isinstance(q.object, pyoxigraph.Literal)}
    return by_rdflib, by_oxigraph


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """``parkkg build`` of the hostile article: (folder, dataset read back, the loader's sentences)."""
    folder = tmp_path_factory.mktemp("hostile")
    article = folder / "hostile.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    out = folder / "out"
    assert cli.main(["build", str(article), "-o", str(out), "--no-cache"]) == 0
    extraction, _ = api.extract(read_document(article))
    sentences = {s.text for s in extraction.sentences}
    hostile = {t for t in sentences if any(m in t for m in MARKUP)}
    assert len(hostile) == 5
    return out, load_dataset(out / "parkkg.ttl"), hostile


# ------------------------------------------------------------------ RDF


@pytest.mark.parametrize("fmt", list(RdfFormat), ids=lambda f: f.name.lower())
def test_article_strings_survive_every_rdf_format(built, fmt):
    _, ds, hostile = built
    by_rdflib, by_oxigraph = literals(serialize(ds, fmt), fmt)
    wanted = hostile | {"<script>alert(1", "alert(1)联合实验室"}  # an alias and a platform's name
    assert wanted <= by_rdflib
    assert wanted <= by_oxigraph


def test_hostile_names_are_labels_with_safe_iris(built):
    _, ds, _ = built
    data = ds.graph(DATA_GRAPH)
    assert Literal("<script>alert(1", lang="zh") in set(data.objects(entity_iri("广东星河科技有限公司"), SKOS.altLabel))
    platform = entity_iri("alert(1)联合实验室")
    assert str(platform).endswith("/alert%281%29联合实验室")
    assert (platform, RDF.type, PK.Platform) in data


@pytest.mark.parametrize("fmt", list(RdfFormat), ids=lambda f: f.name.lower())
def test_hand_made_labels_round_trip_exactly(fmt):
    by_rdflib, by_oxigraph = literals(serialize(hand_made(LABELS), fmt), fmt)
    assert set(LABELS) <= by_rdflib
    assert set(LABELS) <= by_oxigraph


def test_control_characters_round_trip_or_are_refused_clearly():
    ds = hand_made([CONTROL])
    for fmt in RdfFormat:
        if fmt is RdfFormat.RDFXML:
            with pytest.raises(StoreError, match=r"RDF/XML cannot hold the control character U\+0007 .*export as Turtle"):
                serialize(ds, fmt)
        else:
            by_rdflib, by_oxigraph = literals(serialize(ds, fmt), fmt)
            assert CONTROL in by_rdflib and CONTROL in by_oxigraph, fmt


# ------------------------------------------------------------------ CSV


FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def csv_rows(folder: Path, name: str) -> list[dict[str, str]]:
    # bytes, not read_text(): text mode would turn a CR inside a cell into LF
    return list(csv.DictReader(io.StringIO((folder / name).read_bytes().decode("utf-8"), newline="")))


def assert_no_formula(rows: list[dict[str, str]]) -> None:
    for row in rows:
        for column, cell in row.items():
            assert not cell.startswith(FORMULA_START), (column, cell)


def test_csv_neutralises_formulas_from_an_article(built, tmp_path):
    _, ds, hostile = built
    export(ds, ExportFormat.CSV, tmp_path, describe=False)
    nodes, edges = csv_rows(tmp_path, "nodes.csv"), csv_rows(tmp_path, "edges.csv")
    assert_no_formula(nodes)
    assert_no_formula(edges)
    evidence = {e["evidence"] for e in edges}
    for sentence in hostile:
        if sentence.startswith(FORMULA_START):
            assert "'" + sentence in evidence
        else:
            assert sentence in evidence
    assert any(e.startswith("'=HYPERLINK(") for e in evidence) and any(e.startswith("'@SUM(") for e in evidence)


def test_csv_neutralises_formulas_in_labels(tmp_path):
    export(hand_made(LABELS), ExportFormat.CSV, tmp_path, describe=False)
    nodes = csv_rows(tmp_path, "nodes.csv")
    assert_no_formula(nodes)
    labels = {n["label"] for n in nodes}
    for label in LABELS:
        assert (("'" + label) if label.startswith(FORMULA_START) else label) in labels
    edges = csv_rows(tmp_path, "edges.csv")
    assert_no_formula(edges)
    assert len(edges) == len(LABELS) - 1


# ------------------------------------------------------------------ in a browser




class Watched:
    """A page that records dialogs (alert/confirm/prompt), errors and outside requests."""

    def __init__(self, browser, allowed: str):
        self.page = browser.new_page(viewport={"width": 1400, "height": 900})
        self.dialogs: list[str] = []
        self.errors: list[str] = []
        self.foreign: list[str] = []

        def dialog(d):
            self.dialogs.append(d.message)
            d.dismiss()

        def route(r):
            if r.request.url.startswith(allowed):
                r.continue_()
            else:
                self.foreign.append(r.request.url)
                r.abort()

        self.page.on("dialog", dialog)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.route("**/*", route)

    def assert_nothing_ran(self, where: str) -> None:
        self.page.wait_for_timeout(300)  # give an injected handler the time to fire
        assert self.page.evaluate(FLAGS) == ["undefined"] * 3
        assert self.dialogs == [] and self.errors == [] and self.foreign == []
        injected = f"{where} img, {where} iframe, {where} svg[onload], {where} a[href^='javascript']"
        assert self.page.locator(injected).count() == 0


def open_view(w: Watched, path: Path) -> dict:
    w.page.goto(path.resolve().as_uri())
    w.page.wait_for_function("window.parkkg && window.parkkg.ready === true", timeout=20_000)
    return w.page.evaluate("parkkg.meta")


def test_view_from_the_article_shows_evidence_as_text(browser, built):
    out, _, hostile = built
    w = Watched(browser, "file:")
    try:
        meta = open_view(w, out / "partnerships.html")
        scripts = w.page.locator("script").count()
        shown: set[str] = set()
        for eid in meta["edges"]:
            w.page.evaluate("id => parkkg.showEdge(id)", eid)
            shown.update(w.page.locator("#pk-details-body blockquote.pk-evidence").all_text_contents())
        expected = {s["text"] for e in meta["edges"].values() for s in e["statements"]} | {e["evidence"] for e in meta["edges"].values()}
        assert shown == expected - {""}
        # the three partnership sentences, markup and all, exactly as the loader read them
        assert {t for t in hostile if "大学" in t} <= shown
        for nid in meta["nodes"]:
            w.page.evaluate("id => parkkg.showNode(id)", nid)
            assert w.page.locator("#pk-details-body h3").text_content() == meta["nodes"][nid]["label_zh"]
        w.assert_nothing_ran("body")
        assert w.page.locator("script").count() == scripts
    finally:
        w.page.close()


def test_view_of_hostile_labels_shows_them_as_text(browser, tmp_path):
    from graph import networks as nw
    from graph import render

    G = nw.to_networkx(hand_made(LABELS), include_isolates=True)
    path = render.write_html(G, tmp_path / "labels.html", title=LABELS[1])
    w = Watched(browser, "file:")
    try:
        meta = open_view(w, path)
        scripts = w.page.locator("script").count()
        shown = []
        for nid in meta["nodes"]:
            w.page.evaluate("id => parkkg.showNode(id)", nid)
            shown.append(w.page.locator("#pk-details-body h3").text_content())
        assert sorted(shown) == sorted(LABELS)
        assert w.page.locator("#pk-title").text_content() == LABELS[1]
        w.page.fill("#pk-search", "<script")
        w.page.press("#pk-search", "Enter")
        assert LABELS[0] in w.page.locator("#pk-results").text_content()
        w.assert_nothing_ran("body")
        assert w.page.locator("script").count() == scripts
    finally:
        w.page.close()


def test_query_page_shows_hostile_results_as_text(browser, built):
    _, ds, hostile = built
    app = create_app(ds, inference=False)
    with running(app) as base:
        w = Watched(browser, base)
        try:
            w.page.goto(f"{base}/")
            queries = {
                "SELECT ?text WHERE { ?s pk:text ?text } ORDER BY ?text": hostile,
                "SELECT ?name WHERE { ?s skos:altLabel|rdfs:label ?name } ORDER BY ?name": {"<script>alert(1", "alert(1)联合实验室"},
            }
            for query, wanted in queries.items():
                w.page.fill("#query", query)
                w.page.click("#run")
                w.page.wait_for_selector("#run:enabled", timeout=60_000)
                w.page.wait_for_selector("#status:not(:empty)", timeout=60_000)
                assert "row" in w.page.inner_text("#status")
                cells = set(w.page.eval_on_selector_all("#results tbody td", "tds => tds.map(td => td.textContent)"))
                assert wanted <= cells
            w.page.fill("#query", "CONSTRUCT { ?s pk:text ?text } WHERE { ?s pk:text ?text }")
            w.page.click("#run")
            w.page.wait_for_selector("#run:enabled", timeout=60_000)
            assert "triple" in w.page.inner_text("#status")
            cells = " ".join(w.page.eval_on_selector_all("#results tbody td", "tds => tds.map(td => td.textContent)"))
            assert "<script>window.__pk1=1</script>" in cells and "<img src=x onerror=alert(1)>" in cells
            w.assert_nothing_ran("body")
            w.page.screenshot(path="/tmp/parkkg-hostile-query-page.png", full_page=True)
        finally:
            w.page.close()
