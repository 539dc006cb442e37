"""graph.rdf.ontodoc: the ontology page shows every term in both languages and loads nothing."""

from __future__ import annotations

import re
from html.parser import HTMLParser

from rdflib import OWL, RDF

from graph import cli
from graph.rdf.ontodoc import describe_ontology, render_ontology_html
from graph.rdf.validate import load_ontology
from graph.vocab import PK

from conftest import ROOT


class _Collect(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()
        self.hrefs: list[str] = []
        self.loads: list[tuple[str, str]] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if "id" in a:
            self.ids.add(a["id"])
        if tag == "a" and "href" in a:
            self.hrefs.append(a["href"])
        if tag in ("script", "img", "iframe") or (tag == "link" and a.get("rel") == "stylesheet"):
            self.loads.append((tag, a.get("src") or a.get("href") or ""))


def test_every_pk_term_has_both_labels_and_comments():
    doc = describe_ontology()
    terms = {t.curie: t for _, _, ts in doc.sections for t in ts}
    g = load_ontology()
    declared = {s for s in g.subjects(RDF.type, None) if str(s).startswith(str(PK._NS))}
    assert {f"pk:{str(s).rsplit('#', 1)[1]}" for s in declared} <= set(terms)
    for curie, t in terms.items():
        assert t.labels.get("zh") and t.labels.get("en"), curie
        assert t.comments.get("zh") and t.comments.get("en"), curie


def test_domains_ranges_and_alignments_are_shown():
    doc = describe_ontology()
    located = next(t for _, _, ts in doc.sections for t in ts if t.curie == "pk:locatedIn")
    facts = dict(located.facts)
    assert "pk:Organization" in facts["domain"][0] and "∪" in facts["domain"][0]
    assert "pk:Park" in facts["range"][0]
    assert any("schema:location" in v for v in facts["subproperty of"])
    assert any("schema:Place" in term for term, _, _ in doc.external)
    schemes = [t.iri for title, _, ts in doc.sections if title == "Concept schemes" for t in ts]
    assert schemes == sorted(str(s) for s in load_ontology().subjects(RDF.type, OWL.NamedIndividual) if "/concept/" in str(s))


def test_page_is_self_contained_and_internally_linked():
    html = render_ontology_html()
    p = _Collect()
    p.feed(html)
    assert p.loads == []  # no scripts, images or stylesheets to fetch
    internal = [h[1:] for h in p.hrefs if h.startswith("#")]
    assert internal and not [h for h in internal if h not in p.ids]
    assert "园区" in html and "Innovation platform" in html
    assert not re.search(r"<[^>]+(src|href)=\"//", html)


def test_cli_docs_writes_the_page(tmp_path, capsys):
    out = tmp_path / "o.html"
    assert cli.main(["docs", "-o", str(out)]) == 0
    assert str(out) in capsys.readouterr().out
    assert out.read_text(encoding="utf-8") == render_ontology_html()


def test_committed_page_is_up_to_date():
    committed = (ROOT / "docs" / "ontology.html").read_text(encoding="utf-8")
    assert committed == render_ontology_html(), "docs/ontology.html is stale: run `parkkg docs`"
