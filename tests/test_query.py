"""graph.sparql.query: the research-question library, its answers on the bundled
article, the same answers from both backends, result formats, the CLI."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest
from rdflib import BNode, Graph, Literal
from rdflib.compare import isomorphic
from rdflib.namespace import XSD
from rdflib.query import Result

from graph import api
from graph.errors import QueryError
from graph.rdf.export import write_turtle
from graph.sparql.query import (
    ResultFormat,
    dataframe,
    list_queries,
    load_query,
    queries_dir,
    resolve_query,
    run_query,
    serialize_result,
)
from graph.sparql.store import QueryResult, QuerySyntaxError, open_store, parse_query, write_oxigraph

from conftest import ROOT


@pytest.fixture(scope="module")
def stores(built):
    return {b: open_store(built, backend=b) for b in ("rdflib", "oxigraph")}


@pytest.fixture(scope="module")
def answers(stores):
    return {q.name: stores["rdflib"].query(q.text) for q in list_queries()}


def records(answers, name):
    return answers[name].records()


def num(value) -> float:
    return float(value)


# ------------------------------------------------------------------ the library


def test_library_has_commented_research_questions():
    queries = list_queries()
    assert len(queries) >= 12
    for q in queries:
        lines = q.text.splitlines()
        assert lines[0].startswith("# title: ") and lines[1].startswith("# description: "), q.path
        assert q.title and len(q.description) > 40
        assert parse_query(q.text).kind == "SELECT"
        assert q.path.parent == queries_dir()


def test_load_and_resolve(tmp_path):
    assert load_query("people-and-roles.rq").name == "people-and-roles"
    with pytest.raises(QueryError, match="did you mean people-and-roles"):
        load_query("people-and-role")
    f = tmp_path / "mine.rq"
    f.write_text("ASK { ?s ?p ?o }", encoding="utf-8")
    assert resolve_query(str(f)) == "ASK { ?s ?p ?o }"
    assert resolve_query("patents") == load_query("patents").text
    assert resolve_query("DESCRIBE pkr:雄兴工业园") == "DESCRIBE pkr:雄兴工业园"
    with pytest.raises(QueryError, match="no such query file"):
        resolve_query(str(tmp_path / "absent.rq"))


def _normal(term):
    """A backend-independent form of a term: numbers by value, blank nodes
    anonymous, xsd:string the same as a plain literal."""
    if term is None:
        return None
    if isinstance(term, BNode):
        return "_:"
    if isinstance(term, Literal):
        value = term.toPython()
        if isinstance(value, (int, float, Decimal)) and not isinstance(value, bool):
            return ("number", round(float(value), 6))
        datatype = None if term.datatype == XSD.string else term.datatype
        return ("literal", str(term), term.language, datatype)
    return str(term)


def _rows(result: QueryResult):
    return sorted((tuple(_normal(t) for t in row) for row in result.rows), key=repr)


@pytest.mark.parametrize("name", [q.name for q in list_queries()])
def test_both_backends_give_the_same_answers(stores, name):
    text = load_query(name).text
    a, b = stores["rdflib"].query(text), stores["oxigraph"].query(text)
    assert a.vars == b.vars
    assert _rows(a) == _rows(b)


def test_both_backends_agree_with_inference(built):
    a = open_store(built, backend="rdflib", inference=True)
    b = open_store(built, backend="oxigraph", inference=True)
    for q in list_queries():
        assert _rows(a.query(q.text)) == _rows(b.query(q.text)), q.name


# ------------------------------------------------------------------ answers on the bundled article


def test_industrial_output_and_leading_industries(answers):
    rows = {r["year"]: r for r in records(answers, "industrial-output-trend")}
    assert {y: num(rows[y]["output"]) for y in (2022, 2023, 2024)} == {2022: 517, 2023: 532, 2024: 574}
    assert {y: num(rows[y]["leadingOutput"]) for y in (2022, 2023, 2024)} == {2022: 208, 2023: 251, 2024: 283}
    assert rows[2022]["outputGrowth"] is None
    assert num(rows[2023]["outputGrowth"]) == pytest.approx(2.9)
    assert num(rows[2024]["outputGrowth"]) == pytest.approx(7.9)
    assert num(rows[2024]["leadingGrowth"]) == pytest.approx(12.7)
    assert [num(rows[y]["share"]) for y in (2022, 2023, 2024)] == pytest.approx([40.2, 47.2, 49.3])
    assert [num(rows[y]["statedShare"]) for y in (2022, 2023, 2024)] == [40, 47, 49]


def test_fact_provenance(answers):
    rows = records(answers, "fact-provenance")
    assert rows, "聚石化学 locatedIn 雄兴工业园 has a provenance statement"
    r = rows[0]
    assert "雄兴工业园" in r["sentence"] and "聚石化学" in r["sentence"]
    assert 0 <= r["begin"] < r["end"]
    assert r["source"].endswith(".txt") and r["document"].startswith("https://w3id.org/parkkg/doc/")


def test_enterprise_university_cooperation(answers):
    rows = records(answers, "enterprise-university-cooperation")
    pair = [r for r in rows if "容大生物" in r["enterprise"] and r["university"] == "福建师范大学"]
    assert pair, rows
    assert any(r["about"] == "一种产特异性抗菌肽的酵母工程菌及其发酵应用" for r in pair)
    assert any(r["evidence"] and "联合申报" in r["evidence"] for r in pair)


def test_patents_name_both_applicants(answers):
    rows = records(answers, "patents")
    applicants = {r["applicant"] for r in rows if r["patent"] == "一种产特异性抗菌肽的酵母工程菌及其发酵应用"}
    assert {"广东容大生物股份有限公司", "福建师范大学"} <= applicants
    assert any(r["award"] == "中国专利优秀奖" and r["conferredBy"] == "国家知识产权局" for r in rows)


def test_park_honours(answers):
    rows = records(answers, "park-honours")
    zone = {r["honour"] for r in rows if r["park"] == "清远高新技术产业开发区"}
    assert len(zone) >= 5
    assert "国家知识产权强国建设试点园区" in zone


def test_platforms_by_level(answers):
    rows = records(answers, "platforms-by-level")
    by_name = {r["platform"]: r for r in rows}
    assert by_name["国家稀散金属工程技术研究中心"]["level"] == "national"
    assert by_name["国家稀散金属工程技术研究中心"]["host"] == "先导科技集团"
    levels = [r["level"] for r in rows]
    order = {"national": 1, "provincial": 2, "municipal": 3, "not stated": 4}
    assert levels == sorted(levels, key=order.__getitem__)


def test_people_and_roles(answers):
    rows = records(answers, "people-and-roles")
    assert any(r["person"] == "朱世明" and r["role"] == "执行董事" and r["organization"] == "先导科技集团" for r in rows)
    assert all(r["evidence"] and r["person"] in r["evidence"] for r in rows)


def test_enterprises_by_industry_and_chain_leaders(answers):
    rows = records(answers, "enterprises-by-industry")
    bio = {r["enterprise"] for r in rows if r["industry"] == "生物医药"}
    assert "广东容大生物股份有限公司" in bio
    assert {r["industry"] for r in rows if r["leading"]} >= {"新材料", "电子信息", "装备制造", "生物医药"}
    leaders = {r["leader"] for r in records(answers, "chain-leaders")}
    assert {"楚江铜业", "豪美新材"} <= leaders
    chain = records(answers, "chain-leaders")
    assert any(r["leader"] == "先导科技集团" and r["relation"] == "locatedIn" and r["neighbour"] == "清远高新技术产业开发区" for r in chain)
    # a leader the graph links to nothing else (the text names 楚江铜业 only as a leader) still has its row
    assert [r["neighbour"] for r in chain if r["leader"] == "楚江铜业"] in ([None], [""])
    # the industry's size, not its members: listing them would pair every leader with every member
    members = {r["enterprise"] for r in rows if r["industry"] == "新材料"}
    assert {int(r["industryEnterprises"]) for r in chain if r["industry"] == "新材料"} == {len(members)}
    assert not any(r["direction"] not in ("in", "out") for r in chain if r["neighbour"])


def test_projects_customers_products_places(answers):
    projects = records(answers, "projects")
    assert any(r["undertakenBy"] == "清远楚江高精铜带有限公司" and "铜合金" in r["project"] for r in projects)
    customers = {(r["supplier"], r["customer"]) for r in records(answers, "enterprise-customers")}
    assert ("广东聚石化学股份有限公司", "美的") in customers
    places = records(answers, "where-enterprises-are")
    assert any(
        r["enterprise"] == "广东聚石化学股份有限公司" and r["place"] == "雄兴工业园" and r["partOf"] == "清远高新技术产业开发区"
        for r in places
    )
    products = {(r["enterprise"], r["product"]) for r in records(answers, "products")}
    assert ("清远市天之衡量子科技有限公司", "太赫兹相机") in products


def test_counts_events_organisations(answers):
    counts = records(answers, "innovation-counts")
    assert any("国家高新技术企业" in r["indicator"] and r["value"] == 165 for r in counts)
    events = records(answers, "events-timeline")
    assert any(str(r["date"]) == "2015-09-29" and r["involves"] == "国务院" for r in events)
    orgs = {r["type"]: r["count"] for r in records(answers, "organizations-by-type")}
    assert orgs["Enterprise"] >= 10 and orgs["University"] >= 2
    assert orgs["all organisations"] == sum(v for k, v in orgs.items() if k != "all organisations")


def test_entities_in_more_than_one_document(answers):
    assert records(answers, "multi-document-entities") == []  # the bundled corpus is one article
    two = api.build_text(
        ["广东聚石化学股份有限公司位于清远高新区。", "清远高新区的广东聚石化学股份有限公司发布新产品。"], validate=False
    )
    rows = run_query("multi-document-entities", two).records()
    jushi = [r for r in rows if r["label"] == "广东聚石化学股份有限公司"]
    assert len(jushi) == 2 and all(r["documents"] == 2 for r in jushi)
    assert {r["source"] for r in jushi} == {"text-1", "text-2"}


# ------------------------------------------------------------------ formats and Python API


def test_result_formats_parse_back(stores):
    store = stores["rdflib"]
    select = store.query("SELECT ?e ?label WHERE { ?e a pk:Enterprise ; rdfs:label ?label } ORDER BY ?e ?label")
    n = len(select.rows)
    for fmt, parser in ((ResultFormat.JSON, "json"), (ResultFormat.XML, "xml"), (ResultFormat.CSV, "csv"), (ResultFormat.TSV, "tsv")):
        parsed = Result.parse(io.BytesIO(serialize_result(select, fmt)), format=parser)
        assert len(list(parsed)) == n, fmt
    doc = json.loads(serialize_result(select, ResultFormat.JSON))
    assert doc["head"]["vars"] == ["e", "label"]
    assert any(b["label"].get("xml:lang") == "en" for b in doc["results"]["bindings"])
    table = serialize_result(select, ResultFormat.TABLE).decode("utf-8")
    assert "pkr:广东聚石化学股份有限公司" in table and f"{n} rows" in table
    graph = store.query("CONSTRUCT { ?e pk:locatedIn ?p } WHERE { ?e pk:locatedIn ?p }")
    for fmt, parser in ((ResultFormat.TURTLE, "turtle"), (ResultFormat.NTRIPLES, "nt"), (ResultFormat.JSONLD, "json-ld")):
        assert isomorphic(Graph().parse(data=serialize_result(graph, fmt), format=parser), graph.graph)
    with pytest.raises(QueryError, match="is a graph"):
        serialize_result(graph, ResultFormat.CSV)
    with pytest.raises(QueryError, match="is a table"):
        serialize_result(select, ResultFormat.TURTLE)
    ask = store.query("ASK { ?s a pk:Park }")
    assert json.loads(serialize_result(ask, "json")) == {"head": {}, "boolean": True}


def test_rows_and_dataframe(built, stores):
    r = run_query("industrial-output-trend", stores["oxigraph"])
    assert [rec["year"] for rec in r.records()] == [2022, 2023, 2024]
    df = dataframe("industrial-output-trend", built)
    assert list(df.columns) == list(r.vars)
    assert [float(x) for x in df["output"]] == [517, 532, 574]


# ------------------------------------------------------------------ CLI


def parkkg(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "graph", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        timeout=300,
    )


@pytest.fixture(scope="module")
def graph_file(built, tmp_path_factory):
    return write_turtle(built.dataset, tmp_path_factory.mktemp("q") / "parkkg.ttl")


def test_cli_list():
    r = parkkg("query", "--list")
    assert r.returncode == 0, r.stderr
    lines = r.stdout.strip().splitlines()
    assert len(lines) == len(list_queries()) >= 12
    assert any(line.startswith("industrial-output-trend") and "3+1" in line for line in lines)


def test_cli_named_query_as_csv_and_table(graph_file):
    r = parkkg("query", "industrial-output-trend", "--graph", str(graph_file), "--format", "csv")
    assert r.returncode == 0, r.stderr
    rows = list(csv.DictReader(io.StringIO(r.stdout)))
    assert [(row["year"], float(row["output"])) for row in rows] == [("2022", 517), ("2023", 532), ("2024", 574)]
    t = parkkg("query", "people-and-roles", "--graph", str(graph_file))
    assert t.returncode == 0 and "朱世明" in t.stdout and "执行董事" in t.stdout


def test_cli_inline_file_store_and_turtle(graph_file, tmp_path, built):
    q = tmp_path / "q.rq"
    q.write_text("SELECT (COUNT(*) AS ?n) WHERE { ?x a pk:Organization }", encoding="utf-8")
    inferred = parkkg("query", str(q), "--graph", str(graph_file), "-f", "json")  # inference on: the default everywhere
    plain = parkkg("query", str(q), "--graph", str(graph_file), "-f", "json", "--no-inference")
    assert plain.returncode == inferred.returncode == 0, inferred.stderr
    n = lambda r: int(json.loads(r.stdout)["results"]["bindings"][0]["n"]["value"])  # noqa: E731
    assert n(plain) == 0 and n(inferred) >= 20
    store_dir = tmp_path / "store"
    write_oxigraph(built, store_dir)
    d = parkkg("query", "DESCRIBE pkr:雄兴工业园", "--store", f"oxigraph:{store_dir}", "-f", "turtle")
    assert d.returncode == 0, d.stderr
    assert len(Graph().parse(data=d.stdout, format="turtle")) > 3


def test_cli_errors_are_one_line_with_exit_2(graph_file):
    bad = parkkg("query", "SELECT * WHERE {\n ?s ?p }", "--graph", str(graph_file))
    assert bad.returncode == 2
    assert bad.stderr.strip().count("\n") == 0 and "Traceback" not in bad.stderr
    assert "line 2, column" in bad.stderr
    for args, words in (
        (("no-such-question",), "no query named"),
        (("CLEAR ALL",), "refused"),
        (("patents", "-f", "turtle"), "does not fit"),
        (("patents", "--store", "/tmp/x"), "oxigraph:PATH"),
    ):
        r = parkkg("query", *args, "--graph", str(graph_file)) if "--store" not in args else parkkg("query", *args)
        assert r.returncode == 2 and words in r.stderr, (args, r.stderr)
        assert "Traceback" not in r.stderr


def test_syntax_error_type():
    with pytest.raises(QuerySyntaxError):
        run_query("SELECT * WHERE { ?s ?p }", Graph())


@pytest.mark.parametrize("name", [q.name for q in list_queries()])
def test_library_answers_have_no_duplicate_rows(stores, name):
    rows = [tuple(row) for row in stores["oxigraph"].query(load_query(name).text).rows]  # inference on, the default
    duplicates = {r for r in rows if rows.count(r) > 1}
    assert not duplicates, f"{name}: {len(duplicates)} rows repeated, e.g. {sorted(duplicates, key=repr)[:1]}"
