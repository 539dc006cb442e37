"""Linked Data pages (graph.sparql.pages) through the endpoint app: HTML,
Turtle and JSON-LD at the same path, 404 and 406, escaping of hostile data,
IRI <-> path round trips, and one real server opened in headless Chromium
(the screenshot goes to /tmp/parkkg-entity-page.png for a human to look at)."""

from __future__ import annotations

import html
import re
import sys
from pathlib import Path
from urllib.parse import quote

import pytest
from rdflib import Dataset, Graph, Literal
from rdflib.namespace import DCTERMS, PROV, RDF, RDFS, XSD

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _sparql_support import running  # noqa: E402

from graph.sparql.pages import iri_from_path, path_from_iri  # noqa: E402
from graph.sparql.serve import ServeConfig, create_app  # noqa: E402
from graph.sparql.store import open_store  # noqa: E402
from graph.vocab import DATA_GRAPH, PK, PKD, PKR, PKS  # noqa: E402

FIRM = "广东聚石化学股份有限公司"
PARK = "清远高新技术产业开发区"
ESTATE = "雄兴工业园"


@pytest.fixture(scope="module")
def app(built):
    return create_app(built, config=ServeConfig(timeout=30))


def get(app, path: str, accept: str = "text/html"):
    return app.handle("GET", path, {"Accept": accept, "Host": "127.0.0.1"})


def text_of(html_body: bytes) -> str:
    """The page's visible text, tags dropped and entities decoded."""
    return html.unescape(re.sub(r"<[^>]+>", "", html_body.decode("utf-8")))


def test_an_entity_page_shows_labels_class_statements_and_evidence(app):
    r = get(app, path_from_iri(str(PKR[FIRM])))
    assert r.status == 200, r.body[:300]
    assert r.header("Content-Type") == "text/html; charset=utf-8"
    body = r.body.decode("utf-8")
    shown = text_of(r.body)
    assert f'<h1 id="title">{FIRM}' in body
    assert "企业 · Enterprise" in shown  # the class, named from the ontology in both languages
    assert "位于 · located in" in shown
    # classes and properties link to their sections of the ontology page, which the server answers
    assert 'href="/ontology#Enterprise"' in body and 'href="/ontology#locatedIn"' in body
    assert get(app, "/ontology").status == 200
    # the linked entity is a link to its own page
    assert f'href="{path_from_iri(str(PKR[ESTATE]))}"' in body
    # the statement's sentence, with the evidence words marked and the document linked
    marks = re.findall(r"<mark>([^<]*)</mark>", body)
    assert any(ESTATE in m for m in marks), marks[:10]
    assert re.search(r'<a href="/doc/[0-9a-f]{16}">', body)
    assert "qingyuan-hitech-zone-10-years.txt" in shown


def test_labels_in_both_languages(app):
    r = get(app, path_from_iri(str(PKR[PARK])))
    assert r.status == 200
    shown = text_of(r.body)
    assert "label @zh" in shown and "label @en" in shown
    assert "Qingyuan High-tech Industrial Development Zone" in shown


def test_observations_are_tables_per_indicator_and_year(app, built):
    store = app.store
    # the entity with most observations, found through the endpoint's own store
    rows = store.query(
        "SELECT ?e (COUNT(?o) AS ?n) WHERE { ?o pk:observedEntity ?e ; pk:year ?y } GROUP BY ?e ORDER BY DESC(?n) LIMIT 1"
    ).rows
    entity, n = rows[0]
    r = get(app, path_from_iri(str(entity)))
    body = r.body.decode("utf-8")
    section = body.split("<h2>Observations</h2>", 1)[1].split("<h2>", 1)[0]
    years = store.query(f"SELECT DISTINCT ?y WHERE {{ ?o pk:observedEntity <{entity}> ; pk:year ?y }}").rows
    for (y,) in years:
        assert f"<td>{y}" in section
    assert section.count("<table>") >= 1
    (total,) = store.query(f"SELECT (COUNT(?o) AS ?n) WHERE {{ ?o pk:observedEntity <{entity}> }}").rows[0]
    assert section.count("<tr><td>") == int(total) > int(n)  # one row per observation, with a year or without


def test_a_stated_floor_reads_at_least_and_an_exact_figure_does_not(app):
    store = app.store
    rows = store.query("SELECT ?e ?v WHERE { ?o a pk:LowerBound ; pk:observedEntity ?e ; pk:value ?v } ORDER BY ?e LIMIT 1").rows
    assert rows, "the bundled article states floors (40多家, 3%以上)"
    entity, value = rows[0]
    section = get(app, path_from_iri(str(entity))).body.decode("utf-8").split("<h2>Observations</h2>", 1)[1].split("<h2>", 1)[0]
    floor_rows = [r for r in section.split("<tr>") if f">{value}<" in r]
    assert floor_rows and all("≥" in r for r in floor_rows)
    exact = store.query(
        f"SELECT (COUNT(?o) AS ?n) WHERE {{ ?o pk:observedEntity <{entity}> FILTER NOT EXISTS {{ ?o a pk:LowerBound }} }}"
    ).rows[0][0]
    assert section.count("≥") == section.count("<tr><td>") - int(exact)


def test_incoming_statements_link_back(app):
    r = get(app, path_from_iri(str(PKR[ESTATE])))
    body = r.body.decode("utf-8")
    incoming = body.split("<h2>Linked from</h2>", 1)[1]
    assert "← 位于 · located in" in text_of(incoming.encode())
    assert f'href="{path_from_iri(str(PKR[FIRM]))}"' in incoming


def test_turtle_and_json_ld_by_content_negotiation(app):
    path = path_from_iri(str(PKR[FIRM]))
    fact = (PKR[FIRM], PK.locatedIn, PKR[ESTATE])
    r = get(app, path, "text/turtle")
    assert r.status == 200 and r.header("Content-Type") == "text/turtle; charset=utf-8"
    assert r.header("Vary") == "Accept"
    assert fact in Graph().parse(data=r.body.decode("utf-8"), format="turtle")
    r = get(app, path, "application/ld+json;q=0.9, text/html;q=0.5")
    assert r.status == 200 and r.header("Content-Type").startswith("application/ld+json")
    g = Graph().parse(data=r.body.decode("utf-8"), format="json-ld")
    assert fact in g
    # a browser's Accept gets HTML; ?format= overrides Accept (links cannot set headers)
    browser = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"
    assert get(app, path, browser).header("Content-Type").startswith("text/html")
    r = get(app, path + "?format=ttl", browser)
    assert fact in Graph().parse(data=r.body.decode("utf-8"), format="turtle")


def test_unknown_iri_is_404_and_unknown_media_type_is_406(app):
    r = get(app, "/id/没有这个企业")
    assert r.status == 404 and "Not in this graph" in r.body.decode("utf-8")
    assert get(app, "/id/没有这个企业", "text/turtle").status == 404
    r = get(app, path_from_iri(str(PKR[FIRM])), "image/png")
    assert r.status == 406 and b"text/turtle" in r.body
    assert app.handle("POST", path_from_iri(str(PKR[FIRM])), {}).status == 405
    head = app.handle("HEAD", path_from_iri(str(PKR[FIRM])), {"Accept": "text/html"})
    assert head.status == 200 and head.body == b"" and int(head.header("Content-Length")) > 1000


def test_the_page_has_a_strict_policy_and_no_script(app):
    r = get(app, path_from_iri(str(PKR[FIRM])))
    csp = r.header("Content-Security-Policy")
    assert "default-src 'none'" in csp and "script-src" not in csp and "unsafe-inline" not in csp
    body = r.body.decode("utf-8")
    assert "<script" not in body and "http://" not in body.split("<main>")[0] and "https://" not in body.split("<body>")[0]


def test_every_entity_iri_round_trips_through_its_path(built, union):
    iris = {str(s) for s in union.subjects() if str(s).startswith(str(PKR))}
    assert any("%" in i for i in iris)  # e.g. 华南师范大学%28清远%29研究院
    for iri in iris:
        path = path_from_iri(iri)
        assert iri_from_path(path) == iri
        # as a browser sends it: every non-ASCII character as UTF-8 escapes
        assert iri_from_path(quote(path, safe="/%")) == iri
        # as curl sends a typed IRI (raw UTF-8), read by http.server as Latin-1
        assert iri_from_path(path.encode("utf-8").decode("latin-1")) == iri


def test_an_iri_with_escapes_is_served(app, union):
    iri = next(str(s) for s in union.subjects(RDF.type, None) if str(s).startswith(str(PKR)) and "%28" in str(s))
    r = get(app, quote(path_from_iri(iri), safe="/%"))
    assert r.status == 200 and iri in r.body.decode("utf-8")


def test_hostile_data_is_shown_as_text():
    ds = Dataset()
    data = ds.graph(DATA_GRAPH)
    prov = ds.graph(PKD["d1/provenance"])
    evil, other = PKR["evil"], PKR["other"]
    data.add((evil, RDF.type, PK.Enterprise))
    data.add((evil, RDFS.label, Literal("<script>window.x=1</script>", lang="zh")))
    data.add((other, RDFS.label, Literal('"><img src=x onerror=alert(1)>', lang="zh")))
    data.add((evil, PK.hasCustomer, other))
    st, sent, doc = PKS["stmt-1"], PKD["d1/s0"], PKD["d1"]
    for t in ((st, RDF.type, RDF.Statement), (st, RDF.subject, evil), (st, RDF.predicate, PK.hasCustomer), (st, RDF.object, other),
              (st, PROV.wasDerivedFrom, sent), (st, PK.beginIndex, Literal(0, datatype=XSD.integer)),
              (st, PK.endIndex, Literal(5, datatype=XSD.integer)), (st, PK.extractionRule, Literal("<b>rule</b>")),
              (sent, PK.text, Literal("<i>甲乙</i>", lang="zh")), (sent, PK.beginIndex, Literal(0, datatype=XSD.integer)),
              (sent, PK.endIndex, Literal(9, datatype=XSD.integer)), (sent, DCTERMS.isPartOf, doc),
              (doc, DCTERMS.title, Literal("</title><script>", lang="zh"))):  # fmt: skip
        prov.add(t)
    app = create_app(open_store(ds, inference=False))
    r = get(app, "/id/evil")
    body = r.body.decode("utf-8")
    assert r.status == 200
    assert "<script" not in body and "<img" not in body and "<i>" not in body and "<b>rule" not in body
    assert "&lt;script&gt;window.x=1&lt;/script&gt;" in body
    assert "&lt;i&gt;" in body and "<mark>" in body  # the sentence is still marked, as text
    assert "&#34;&gt;&lt;img" in body or "&quot;&gt;&lt;img" in body


def test_views_are_served_beside_an_on_disk_store(tmp_path, built):
    from graph.sparql.store import write_oxigraph

    write_oxigraph(built.dataset, tmp_path / "store")
    (tmp_path / "partnerships.html").write_text("<!DOCTYPE html><title>view</title>", encoding="utf-8")
    app = create_app(f"oxigraph:{tmp_path / 'store'}", inference=False)
    r = get(app, "/views/partnerships.html")
    assert r.status == 200 and b"<title>view</title>" in r.body
    assert get(app, "/views/chain-leaders.html").status == 404
    assert get(app, "/views/../parkkg.ttl").status == 404
    page = get(app, path_from_iri(str(PKR[FIRM]))).body.decode("utf-8")
    assert '<a href="/views/partnerships.html#focus=' in page and "/views/chain-leaders.html" not in page


# ------------------------------------------------------------------ a real browser


def test_entity_pages_in_chromium(app, browser):
    with running(app) as base:
        page = browser.new_page(viewport={"width": 1280, "height": 1000})
        errors: list[str] = []
        foreign: list[str] = []
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.on("request", lambda req: foreign.append(req.url) if not req.url.startswith(base) else None)
        page.goto(base + path_from_iri(str(PKR[FIRM])))
        assert page.locator("h1#title").inner_text().startswith(FIRM)
        assert page.locator("mark").count() >= 3
        page.screenshot(path="/tmp/parkkg-entity-page.png", full_page=False)
        # follow the link to the estate it is located in
        page.locator(f'section.prop a:text-is("{ESTATE}")').first.click()
        page.wait_for_load_state()
        assert page.locator("h1#title").inner_text().startswith(ESTATE)
        assert page.url.endswith(path_from_iri(str(PKR[ESTATE])).replace(ESTATE, quote(ESTATE)))
        page.screenshot(path="/tmp/parkkg-entity-page-2.png", full_page=False)
        # and back to the query page
        page.locator("header a.site").click()
        page.wait_for_load_state()
        assert page.url == base + "/"
        # whose results link parkkg's IRIs to their pages
        page.locator("#query").fill(f'SELECT ?e WHERE {{ ?e rdfs:label "{FIRM}"@zh }}')
        page.locator("#run").click()
        page.locator("td.iri a").first.click()
        page.wait_for_load_state()
        assert page.locator("h1#title").inner_text().startswith(FIRM)
        assert errors == [] and foreign == []
        page.close()


def test_a_derived_statement_s_evidence_says_how_it_was_derived(app):
    """楚江铜业's chain is inferred from its name (the sentence calls it a 龙头企业 only): the page says so."""
    (row,) = app.store.query(
        "SELECT ?s (SAMPLE(?inf) AS ?how) WHERE { ?st rdf:subject ?s ; rdf:predicate pk:chainLeaderOf ; pk:inference ?inf } "
        "GROUP BY ?s ORDER BY ?s LIMIT 1"
    ).rows
    shown = text_of(get(app, path_from_iri(str(row[0]))).body)
    assert f"derived: {row[1]}" in shown
    read = text_of(get(app, path_from_iri(str(PKR[ESTATE]))).body)
    assert "rule " in read and "derived:" not in read  # statements read from their sentence carry no such note
