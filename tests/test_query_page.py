"""The offline query page at ``/`` in Debian's headless Chromium (Playwright).

Every request the page makes is recorded and anything not sent to the
endpoint's own origin is aborted (and fails the test). A screenshot goes to
/tmp/parkkg-query-page.png for a human to look at.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path
from urllib.parse import urlsplit

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _sparql_support import request, running  # noqa: E402

from graph.sparql.query import list_queries  # noqa: E402
from graph.sparql.serve import create_app  # noqa: E402

EXTERNAL = re.compile(r"""(?:src|href)\s*=\s*["']?\s*(?:https?:)?//""", re.IGNORECASE)


@pytest.fixture(scope="module")
def base(built):
    app = create_app(built, inference=False)
    with running(app) as url:
        yield url




@pytest.fixture()
def page(browser, base):
    origin = urlsplit(base).netloc
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    page.errors, page.foreign = [], []
    page.on("console", lambda m: page.errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: page.errors.append(str(e)))

    def route(r):
        if urlsplit(r.request.url).netloc == origin:
            r.continue_()
        else:
            page.foreign.append(r.request.url)
            r.abort()

    page.route("**/*", route)
    page.goto(f"{base}/")
    yield page
    page.close()


def cells(page) -> list[list[str]]:
    return page.eval_on_selector_all("#results tbody tr", "rows => rows.map(r => Array.from(r.cells, c => c.textContent))")


def run_and_wait(page) -> str:
    # Run disables its button until the answer is shown (the page's CSP forbids
    # eval, so wait with selectors, not wait_for_function)
    page.wait_for_selector("#run:enabled", timeout=60_000)
    page.wait_for_selector("#status:not(:empty)", timeout=60_000)
    return page.inner_text("#status")


def test_page_has_no_external_links(base):
    status, headers, body = request(base, "GET", "/")
    html = body.decode("utf-8")
    assert status == 200 and headers["content-type"].startswith("text/html")
    assert not EXTERNAL.search(html)
    assert "default-src 'none'" in headers["content-security-policy"]
    assert "<script src" not in html and "<link" not in html


def test_examples_run_and_show_rows(page):
    buttons = page.locator("#examples button")
    assert buttons.count() == len(list_queries())
    page.click("#examples button[data-name='industrial-output-trend']")
    assert "industrial-output-value" in page.input_value("#query")
    page.click("#run")
    status = run_and_wait(page)
    assert status.startswith("3 rows"), status
    rows = cells(page)
    header = page.eval_on_selector_all("#results th", "ths => ths.map(t => t.textContent)")
    output = [r[header.index("output")] for r in rows]
    assert [float(x) for x in output] == [517, 532, 574]
    links = page.eval_on_selector_all("#downloads a", "as => as.map(a => a.getAttribute('href'))")
    assert len(links) == 4 and all(h.startswith("/sparql?query=") for h in links)
    page.screenshot(path="/tmp/parkkg-query-page.png", full_page=True)
    assert page.errors == [] and page.foreign == []


def test_typed_query_with_keyboard_and_graph_results(page):
    page.fill("#query", "SELECT ?person ?role WHERE {\n?a pk:roleTitle ?role .\n?p pk:hasAffiliation ?a ; rdfs:label ?person }\nORDER BY ?person ?role")
    page.focus("#query")
    page.keyboard.press("Control+Enter")
    status = run_and_wait(page)
    assert "row" in status, status
    rows = cells(page)
    assert ["朱世明", "执行董事"] in rows
    page.fill("#query", "CONSTRUCT { ?e pk:locatedIn ?p } WHERE { ?e pk:locatedIn ?p }")
    page.click("#run")
    status = run_and_wait(page)
    assert "triple" in status, status
    rows = cells(page)
    assert ["pkr:广东聚石化学股份有限公司", "pk:locatedIn", "pkr:雄兴工业园"] in rows
    hrefs = page.eval_on_selector_all("[href], [src]", "els => els.map(e => e.getAttribute('href') || e.getAttribute('src'))")
    assert not [h for h in hrefs if re.match(r"(https?:)?//", h)]
    assert page.errors == [] and page.foreign == []


def test_errors_are_shown_with_line_and_column(page):
    page.fill("#query", "SELECT * WHERE {\n  ?s ?p\n}")
    page.click("#run")
    status = run_and_wait(page)
    assert status.startswith("Error 400") and "(line 3, column" in status  # Oxigraph stops at the closing brace
    page.fill("#query", "DROP ALL")
    page.click("#run")
    status = run_and_wait(page)
    assert status.startswith("Error 403") and "read-only" in status
    assert page.foreign == []
