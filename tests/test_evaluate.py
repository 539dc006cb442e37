"""Tests for graph.rdf.evaluate and for the well-formedness of the gold annotation."""

from __future__ import annotations

import json
import re
import tempfile
import unicodedata
from dataclasses import replace
from decimal import Decimal
from pathlib import Path
from urllib.parse import quote

import pytest
from rdflib import RDF, RDFS, XSD, BNode, Dataset, Graph, Literal, Namespace, URIRef
from rdflib.namespace import SKOS

from graph.rdf.evaluate import (
    ENTITY_CLASSES,
    RELATION_PROPERTIES,
    UNITS,
    Gold,
    GoldEvent,
    load_gold,
    main,
    normalize_name,
    score,
)

from conftest import ROOT

ARTICLE = ROOT / "data" / "qingyuan-hitech-zone-10-years.txt"
GOLD = ROOT / "tests" / "gold" / "qingyuan-hitech-zone-10-years.gold.json"

PK = Namespace("https://w3id.org/parkkg/ontology#")
PKR = "https://w3id.org/parkkg/id/"
PKS = Namespace("https://w3id.org/parkkg/stmt/")
DATA_GRAPH = URIRef("https://w3id.org/parkkg/graph/data")

PARK = "清远高新技术产业开发区"
JUSHI = "广东聚石化学股份有限公司"
RONGDA = "广东容大生物股份有限公司"
FJNU = "福建师范大学"


# ---------------------------------------------------------------- helpers


def iri(name: str) -> URIRef:
    """Entity IRI as docs/design.md mints it."""
    text = re.sub(r"\s+", "", unicodedata.normalize("NFKC", name))
    safe = "".join(
        ch if (ch.isalnum() or ch in "-_.~") else quote(ch, safe="")
        for ch in text
    )
    return URIRef(PKR + safe)


def add_entity(g: Graph, name: str, cls: str, *alt: str) -> URIRef:
    node = iri(name)
    g.add((node, RDF.type, PK[cls]))
    g.add((node, RDFS.label, Literal(name, lang="zh")))
    for a in alt:
        g.add((node, SKOS.altLabel, Literal(a, lang="zh")))
    return node


def add_observation(
    g: Graph, entity: str, value: Literal | str, unit: str, year: int | None = None, indicator: str | None = None
) -> BNode | URIRef:
    node = PKS[f"obs-{len(list(g.subjects(RDF.type, PK.Observation)))}-{entity}-{value}"]
    g.add((node, RDF.type, PK.Observation))
    g.add((node, PK.observedEntity, iri(entity)))
    g.add((node, PK.value, value if isinstance(value, Literal) else Literal(value, datatype=XSD.decimal)))
    g.add((node, PK.unit, Literal(unit)))
    if year is not None:
        g.add((node, PK.year, Literal(str(year), datatype=XSD.gYear)))
    if indicator is not None:
        ind = URIRef("https://w3id.org/parkkg/concept/indicator/" + quote(indicator))
        g.add((ind, RDF.type, PK.Indicator))
        g.add((ind, RDFS.label, Literal(indicator, lang="zh")))
        g.add((node, PK.indicator, ind))
    return node


def add_affiliation(g: Graph, person: str, org: str, role: str | None) -> None:
    aff = PKS[f"aff-{person}-{org}"]
    g.add((aff, RDF.type, PK.Affiliation))
    g.add((iri(person), PK.hasAffiliation, aff))
    g.add((aff, PK.organization, iri(org)))
    if role:
        g.add((aff, PK.roleTitle, Literal(role)))
    g.add((iri(person), PK.affiliatedWith, iri(org)))


SMALL_GOLD = {
    "document": "small.txt",
    "entities": [
        {"name": PARK, "class": "Park", "aliases": ["清远高新区"], "alt_names": []},
        {"name": "雄兴工业园", "class": "Park", "aliases": [], "alt_names": []},
        {"name": JUSHI, "class": "Enterprise", "aliases": ["聚石化学"], "alt_names": []},
        {"name": RONGDA, "class": "Enterprise", "aliases": ["容大生物"], "alt_names": []},
        {"name": "嘉博制药", "class": "Enterprise", "aliases": [], "alt_names": []},
        {"name": "先导科技集团", "class": "Enterprise", "aliases": [], "alt_names": []},
        {"name": FJNU, "class": "University", "aliases": [], "alt_names": []},
        {"name": "朱世明", "class": "Person", "aliases": [], "alt_names": []},
        {
            "name": "国家级专精特新“小巨人”企业",
            "class": "Honour",
            "aliases": [],
            "alt_names": ["专精特新“小巨人”企业"],
        },
    ],
    "relations": [
        {"s": JUSHI, "p": "locatedIn", "o": "雄兴工业园", "role": None, "evidence": ""},
        {"s": "容大生物", "p": "locatedIn", "o": "清远高新区", "role": None, "evidence": ""},
        {"s": "嘉博制药", "p": "locatedIn", "o": PARK, "role": None, "evidence": ""},
        {"s": "先导科技集团", "p": "locatedIn", "o": PARK, "role": None, "evidence": ""},
        {"s": "雄兴工业园", "p": "partOf", "o": PARK, "role": None, "evidence": ""},
        {"s": RONGDA, "p": "coFiledPatentWith", "o": FJNU, "role": None, "evidence": ""},
        {"s": JUSHI, "p": "receivedHonour", "o": "国家级专精特新“小巨人”企业", "role": None, "evidence": ""},
        {"s": "朱世明", "p": "affiliatedWith", "o": "先导科技集团", "role": "执行董事", "evidence": ""},
    ],
    "observations": [
        {"entity": PARK, "indicator": "工业总产值", "year": 2024, "value": "57400000000", "unit": "CNY", "evidence": ""},
        {"entity": PARK, "indicator": "“3+1”主导产业产值占比", "year": 2024, "value": "49", "unit": "percent", "evidence": ""},
        {"entity": PARK, "indicator": "上市企业数量", "year": None, "value": "3", "unit": "count", "evidence": ""},
        {"entity": PARK, "indicator": "国家知识产权示范企业数量", "year": None, "value": "3", "unit": "count", "evidence": ""},
    ],
}


@pytest.fixture
def small_gold(tmp_path: Path) -> Gold:
    path = tmp_path / "small.gold.json"
    path.write_text(json.dumps(SMALL_GOLD, ensure_ascii=False), encoding="utf-8")
    return load_gold(path)


def perfect_small_graph() -> Graph:
    """A graph that states exactly the facts of SMALL_GOLD."""
    g = Graph()
    add_entity(g, PARK, "Park", "清远高新区")
    add_entity(g, "雄兴工业园", "Park")
    add_entity(g, JUSHI, "Enterprise", "聚石化学")
    add_entity(g, RONGDA, "Enterprise", "容大生物")
    add_entity(g, "嘉博制药", "Enterprise")
    add_entity(g, "先导科技集团", "Enterprise")
    add_entity(g, FJNU, "University")
    add_entity(g, "朱世明", "Person")
    add_entity(g, "国家级专精特新“小巨人”企业", "Honour")
    g.add((iri(JUSHI), PK.locatedIn, iri("雄兴工业园")))
    for firm in (RONGDA, "嘉博制药", "先导科技集团"):
        g.add((iri(firm), PK.locatedIn, iri(PARK)))
    g.add((iri("雄兴工业园"), PK.partOf, iri(PARK)))
    g.add((iri(RONGDA), PK.coFiledPatentWith, iri(FJNU)))
    g.add((iri(JUSHI), PK.receivedHonour, iri("国家级专精特新“小巨人”企业")))
    add_affiliation(g, "朱世明", "先导科技集团", "执行董事")
    add_observation(g, PARK, "57400000000", "CNY", 2024, "工业总产值")
    add_observation(g, PARK, "49", "percent", 2024, "“3+1”主导产业产值占比")
    add_observation(g, PARK, "3", "count", None, "上市企业数量")
    add_observation(g, PARK, "3", "count", None, "国家知识产权示范企业数量")
    return g


def assert_perfect(scores) -> None:  # noqa: ANN001
    for row in (*scores.categories, *scores.micro):
        assert (row.precision, row.recall, row.f1) == (1.0, 1.0, 1.0), (row, scores.to_text(details=True))
        assert row.fp == row.fn == 0


# ---------------------------------------------------------------- scorer tests


def test_normalize_name() -> None:
    assert normalize_name(" 国家级专精特新“小巨人”企业 ") == "国家级专精特新小巨人企业"
    assert normalize_name("《人民日报》") == "人民日报"
    assert normalize_name("华南师范大学（清远）") == normalize_name("华南师范大学(清远)")
    assert normalize_name("‘3+1’主导产业") == normalize_name("“3+1”主导产业")


def test_perfect_match(small_gold: Gold) -> None:
    scores = score(perfect_small_graph(), small_gold)
    assert_perfect(scores)
    assert scores["entity:*"].tp == 9
    assert scores["relation:locatedIn"].tp == 4
    assert scores["relation:affiliatedWith+role"].tp == 1
    assert scores["observation"].tp == 4
    assert scores["micro:all"].tp == 9 + 8 + 4


def test_missing_relation_lowers_recall(small_gold: Gold) -> None:
    g = perfect_small_graph()
    g.remove((iri("嘉博制药"), PK.locatedIn, iri(PARK)))
    scores = score(g, small_gold)
    row = scores["relation:locatedIn"]
    assert (row.tp, row.fp, row.fn) == (3, 0, 1)
    assert row.recall == pytest.approx(3 / 4)
    assert row.precision == 1.0
    assert row.f1 == pytest.approx(2 * 1.0 * 0.75 / 1.75)
    assert row.missed == (("嘉博制药", "locatedIn", PARK),)
    micro = scores["micro:relations"]
    assert (micro.tp, micro.fn) == (7, 1)
    assert micro.recall == pytest.approx(7 / 8)


def test_spurious_relation_lowers_precision(small_gold: Gold) -> None:
    g = perfect_small_graph()
    add_entity(g, "美的", "Enterprise")
    g.add((iri("美的"), PK.locatedIn, iri(PARK)))
    scores = score(g, small_gold)
    row = scores["relation:locatedIn"]
    assert (row.tp, row.fp, row.fn) == (4, 1, 0)
    assert row.precision == pytest.approx(4 / 5)
    assert row.recall == 1.0
    assert row.spurious == (("美的", "locatedIn", PARK),)
    ent = scores["entity:Enterprise"]
    assert (ent.tp, ent.fp, ent.fn) == (4, 1, 0)
    assert ent.spurious == (("美的", "Enterprise"),)


def test_alias_matching(small_gold: Gold) -> None:
    g = Graph()
    # labels are only short names or boundary variants: still the gold entities
    for node, label, cls in (
        ("a", "聚石化学", "Enterprise"),
        ("b", "清远高新区", "Park"),
        ("c", "专精特新 “小巨人” 企业", "Honour"),
    ):
        g.add((PKS[node], RDF.type, PK[cls]))
        g.add((PKS[node], RDFS.label, Literal(label, lang="zh")))
    g.add((PKS.a, PK.locatedIn, PKS.b))
    g.add((PKS.a, PK.receivedHonour, PKS.c))
    scores = score(g, small_gold)
    assert scores["entity:Enterprise"].tp == 1
    assert scores["entity:Park"].tp == 1
    assert scores["entity:Honour"].tp == 1
    assert scores["relation:receivedHonour"].tp == 1
    assert scores["relation:receivedHonour"].fp == 0
    # 聚石化学 locatedIn 雄兴工业园 in the gold; 清远高新区 is wrong
    assert scores["relation:locatedIn"].fp == 1


def test_entity_counts_once_and_class_agnostic(small_gold: Gold) -> None:
    g = perfect_small_graph()
    # a duplicate node for the park (by alias) and the university typed wrongly
    add_entity(g, "清远高新区", "Park")
    g.remove((iri(FJNU), RDF.type, PK.University))
    g.add((iri(FJNU), RDF.type, PK.ResearchInstitute))
    scores = score(g, small_gold)
    park = scores["entity:Park"]
    assert (park.tp, park.fp, park.fn, park.duplicates) == (2, 0, 0, 1)
    assert scores["entity:University"].fn == 1
    assert scores["entity:ResearchInstitute"].fp == 1
    anyclass = scores["entity:*"]
    assert (anyclass.tp, anyclass.fp, anyclass.fn) == (9, 0, 0)


def test_symmetric_matching(small_gold: Gold) -> None:
    g = perfect_small_graph()
    g.remove((iri(RONGDA), PK.coFiledPatentWith, iri(FJNU)))
    g.add((iri(FJNU), PK.coFiledPatentWith, iri(RONGDA)))
    assert_perfect(score(g, small_gold))
    # both directions still count once
    g.add((iri(RONGDA), PK.coFiledPatentWith, iri(FJNU)))
    row = score(g, small_gold)["relation:coFiledPatentWith"]
    assert (row.tp, row.fp, row.fn) == (1, 0, 0)
    # an entailed super-property triple is neither right nor wrong
    g.add((iri(RONGDA), PK.cooperatesWith, iri(FJNU)))
    scores = score(g, small_gold)
    assert_perfect(scores)


def test_non_symmetric_direction_matters(small_gold: Gold) -> None:
    g = perfect_small_graph()
    g.remove((iri("雄兴工业园"), PK.partOf, iri(PARK)))
    g.add((iri(PARK), PK.partOf, iri("雄兴工业园")))
    row = score(g, small_gold)["relation:partOf"]
    assert (row.tp, row.fp, row.fn) == (0, 1, 1)


def test_affiliation_role(small_gold: Gold) -> None:
    g = Graph()
    add_entity(g, "朱世明", "Person")
    add_entity(g, "先导科技集团", "Enterprise")
    add_affiliation(g, "朱世明", "先导科技集团", "董事长")
    scores = score(g, small_gold)
    assert scores["relation:affiliatedWith"].tp == 1
    role = scores["relation:affiliatedWith+role"]
    assert (role.tp, role.fp, role.fn) == (0, 1, 1)
    # only the qualified node, no direct triple: still an affiliation; role contained
    g = Graph()
    aff = BNode()
    g.add((iri("朱世明"), PK.hasAffiliation, aff))
    g.add((aff, RDF.type, PK.Affiliation))
    g.add((aff, PK.organization, iri("先导科技集团")))
    g.add((aff, PK.roleTitle, Literal("先导科技集团执行董事")))
    scores = score(g, small_gold)
    assert scores["relation:affiliatedWith"].tp == 1
    assert scores["relation:affiliatedWith+role"].tp == 1


def test_decimal_values_compare_numerically(small_gold: Gold) -> None:
    assert Decimal("5.74E8") == Decimal("574000000")
    g = perfect_small_graph()
    for node in list(g.subjects(PK.value, Literal("57400000000", datatype=XSD.decimal))):
        g.remove((node, PK.value, None))
        g.add((node, PK.value, Literal("5.74E10", datatype=XSD.decimal)))
    assert_perfect(score(g, small_gold))

    one = {**SMALL_GOLD, "relations": [], "observations": [
        {"entity": PARK, "indicator": "工业总产值", "year": 2024, "value": "574000000", "unit": "CNY", "evidence": ""}
    ]}
    g = Graph()
    add_entity(g, PARK, "Park")
    add_observation(g, PARK, Literal(Decimal("5.74E8")), "CNY", 2024, "工业总产值")
    gold = _gold_from(one)
    row = score(g, gold)["observation"]
    assert (row.tp, row.fp, row.fn) == (1, 0, 0)


def _gold_from(data: dict) -> Gold:
    with tempfile.TemporaryDirectory() as d:
        path = Path(d) / "g.gold.json"
        path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        return load_gold(path)


def test_observation_mismatches(small_gold: Gold) -> None:
    g = perfect_small_graph()
    # wrong year on the 2024 output, missing unit match on the share
    for node in list(g.subjects(PK.value, Literal("57400000000", datatype=XSD.decimal))):
        g.set((node, PK.year, Literal("2023", datatype=XSD.gYear)))
    for node in list(g.subjects(PK.value, Literal("49", datatype=XSD.decimal))):
        g.set((node, PK.unit, Literal("count")))
    row = score(g, small_gold)["observation"]
    assert (row.tp, row.fp, row.fn) == (2, 2, 2)
    assert row.precision == 0.5 and row.recall == 0.5


def test_observations_match_one_to_one_and_indicator_is_soft(small_gold: Gold) -> None:
    g = perfect_small_graph()
    # the two "3 count" observations: one with a shorter indicator label, one with a wrong one
    for node in list(g.subjects(PK.value, Literal("3", datatype=XSD.decimal))):
        g.remove((node, None, None))
    add_observation(g, PARK, "3", "count", None, "上市企业")
    add_observation(g, PARK, "3", "count", None, "国家高新技术企业数量")
    scores = score(g, small_gold)
    assert scores["observation"].tp == 4
    ind = scores["observation+indicator"]
    assert (ind.tp, ind.fp, ind.fn) == (3, 1, 1)
    # a third identical-key observation is spurious (one-to-one matching)
    add_observation(g, PARK, "3", "count", None, "上市企业数量x")
    row = score(g, small_gold)["observation"]
    assert (row.tp, row.fp, row.fn) == (4, 1, 0)


def test_targets_are_not_scored_and_periods_have_no_year(small_gold: Gold) -> None:
    g = perfect_small_graph()
    # a target (力争到2026年产值达到800亿元) is neither right nor wrong: it is not a measurement
    target = add_observation(g, PARK, "80000000000", "CNY", 2026, "工业总产值")
    g.add((target, RDF.type, PK.Target))
    assert score(g, small_gold)["observation"].fp == 0
    assert score(g, small_gold)["entity:*"].fp == 0  # nor is it an entity (pk:Target is a kind of pk:Observation)
    # the same node as a measured value is a false positive
    g.remove((target, RDF.type, PK.Target))
    assert score(g, small_gold)["observation"].fp == 1
    g.remove((target, None, None))
    # a partial-year figure written with both a year and a period is year null: it misses the 2024 gold
    for node in list(g.subjects(PK.value, Literal("57400000000", datatype=XSD.decimal))):
        g.add((node, PK.period, Literal("2024年1—8月")))
    row = score(g, small_gold)["observation"]
    assert (row.tp, row.fp, row.fn) == (3, 1, 1)


def test_dataset_union_and_reification_ignored(small_gold: Gold) -> None:
    ds = Dataset()
    data = ds.graph(DATA_GRAPH)
    for triple in perfect_small_graph():
        data.add(triple)
    prov = ds.graph(URIRef("https://w3id.org/parkkg/doc/0123456789abcdef/provenance"))
    stmt = PKS["9f"]
    # a reified statement of a fact that is NOT asserted: must not count
    prov.add((stmt, RDF.type, RDF.Statement))
    prov.add((stmt, RDF.subject, iri("嘉博制药")))
    prov.add((stmt, RDF.predicate, PK.hasCustomer))
    prov.add((stmt, RDF.object, iri(PARK)))
    doc = URIRef("https://w3id.org/parkkg/doc/0123456789abcdef")
    prov.add((doc, RDF.type, PK.Document))
    prov.add((URIRef(str(doc) + "/s0"), RDF.type, PK.Sentence))
    assert_perfect(score(ds, small_gold))
    # the same with a default-union Dataset
    union = Dataset(default_union=True)
    for quad in ds.quads((None, None, None, None)):
        union.add(quad)
    assert_perfect(score(union, small_gold))


def test_to_text_is_aligned(small_gold: Gold) -> None:
    g = perfect_small_graph()
    g.remove((iri("嘉博制药"), PK.locatedIn, iri(PARK)))
    text = score(g, small_gold).to_text(details=True)
    table = text.split("\n\n")[0].splitlines()
    assert len({len(line) for line in table}) == 1
    assert "relation:locatedIn" in text
    assert "missed in relation:locatedIn (1):" in text
    assert "嘉博制药 | locatedIn | " + PARK in text


def test_cli(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    gold_path = tmp_path / "small.gold.json"
    gold_path.write_text(json.dumps(SMALL_GOLD, ensure_ascii=False), encoding="utf-8")
    ttl = tmp_path / "parkkg.ttl"
    perfect_small_graph().serialize(ttl, format="turtle")
    assert main([str(ttl), str(gold_path)]) == 0
    out = capsys.readouterr().out
    assert "micro:all" in out and "1.000" in out


# ---------------------------------------------------------------- the real gold file


def _clean(raw: str) -> str:
    """Minimal cleaning: join lines, drop spaces between CJK chars/digits."""
    cjk = "\u2e80-\u9fff\u3000-\u303f\uff00-\uffef\u2018-\u201f\u2026\u2014\u00b7\u25b6"
    text = re.sub(r"\s*\n\s*", "", raw)
    text = re.sub(rf"(?<=[{cjk}0-9])[ \t\u3000\u00a0]+(?=[{cjk}])", "", text)
    text = re.sub(rf"(?<=[{cjk}])[ \t\u3000\u00a0]+(?=[0-9])", "", text)
    return text.strip()


@pytest.fixture(scope="module")
def article() -> str:
    return _clean(ARTICLE.read_text(encoding="utf-8"))


def test_gold_file_is_well_formed(article: str) -> None:
    raw = json.loads(GOLD.read_text(encoding="utf-8"))
    assert raw["document"] == ARTICLE.name
    assert set(raw) >= {"document", "entities", "relations", "observations", "events", "notes"}
    gold = load_gold(GOLD)  # checks classes, properties, units and name resolution

    names: dict[str, str] = {}
    for e in raw["entities"]:
        assert set(e) == {"name", "class", "aliases", "alt_names"}, e
        assert e["class"] in ENTITY_CLASSES
        for n in (e["name"], *e["aliases"], *e["alt_names"]):
            key = normalize_name(n)
            assert names.setdefault(key, e["name"]) == e["name"], f"{n} is ambiguous"
        for a in e["aliases"]:
            assert a in article, f"alias {a!r} does not occur in the article"

    seen = set()
    for r in raw["relations"]:
        assert set(r) == {"s", "p", "o", "role", "evidence"}, r
        assert r["p"] in RELATION_PROPERTIES
        assert normalize_name(r["s"]) in names and normalize_name(r["o"]) in names, r
        assert (r["role"] is not None) <= (r["p"] == "affiliatedWith")
        key = (names[normalize_name(r["s"])], r["p"], names[normalize_name(r["o"])], r["role"])
        assert key not in seen, f"duplicate relation {key}"
        seen.add(key)
        assert r["evidence"] and r["evidence"] in article, r["evidence"]

    for o in raw["observations"]:
        assert {"entity", "indicator", "year", "value", "unit", "evidence"} <= set(o) <= {
            "entity", "indicator", "year", "value", "unit", "evidence", "period"
        }, o
        assert normalize_name(o["entity"]) in names
        assert o["unit"] in UNITS
        assert o["year"] is None or isinstance(o["year"], int)
        assert isinstance(o["value"], str) and re.fullmatch(r"-?\d+(\.\d+)?", o["value"]), o["value"]
        if o["unit"] == "count":
            assert Decimal(o["value"]) == int(Decimal(o["value"]))
        if o["year"] is None:
            assert o.get("period"), f"observation {o['indicator']} without year needs a period"
        assert o["evidence"] and o["evidence"] in article, o["evidence"]

    for ev in raw["events"]:
        assert ev["evidence"] in article, ev["evidence"]
        assert all(normalize_name(n) in names for n in ev["involves"])

    assert raw["notes"] and all(isinstance(n, str) for n in raw["notes"])
    assert len(gold.entities) == len(raw["entities"])
    assert len(gold.relations) == len(raw["relations"])
    assert len(gold.observations) == len(raw["observations"])


def test_gold_file_contents_spot_checks() -> None:
    gold = load_gold(GOLD)
    assert gold.entity("清远高新区").name == PARK
    assert gold.entity("聚石化学").name == JUSHI
    assert gold.entity("容大生物").name == RONGDA
    assert gold.entity("专精特新“小巨人”企业").cls == "Honour"
    rels = {(r.s, r.p, r.o) for r in gold.relations}
    assert (JUSHI, "locatedIn", "雄兴工业园") in rels
    assert {(PARK, "leadingIndustry", i) for i in ("新材料", "电子信息", "装备制造", "生物医药")} <= rels
    obs = {(o.entity, o.year, o.value, o.unit) for o in gold.observations}
    assert (PARK, 2022, Decimal("51700000000"), "CNY") in obs
    assert (PARK, None, Decimal("8.9"), "percent") in obs
    assert (PARK, None, Decimal("786000000"), "CNY") in obs


def gold_to_graph(gold: Gold) -> Dataset:
    """Render a gold annotation as the graph a perfect extractor would build."""
    ds = Dataset()
    g = ds.graph(DATA_GRAPH)
    for e in gold.entities:
        add_entity(g, e.name, e.cls, *e.aliases)
    for r in gold.relations:
        s, o = iri(gold.entity(r.s).name), iri(gold.entity(r.o).name)
        if r.p == "affiliatedWith":
            add_affiliation(g, gold.entity(r.s).name, gold.entity(r.o).name, r.role)
        else:
            g.add((s, PK[r.p], o))
    for i, ob in enumerate(gold.observations):
        node = PKS[f"obs-{i}"]
        g.add((node, RDF.type, PK.Observation))
        g.add((node, PK.observedEntity, iri(gold.entity(ob.entity).name)))
        g.add((node, PK.value, Literal(ob.value)))
        g.add((node, PK.unit, Literal(ob.unit)))
        if ob.year is not None:
            g.add((node, PK.year, Literal(str(ob.year), datatype=XSD.gYear)))
        g.add((node, PK.indicator, Literal(ob.indicator, lang="zh")))
    for i, ev in enumerate(gold.events):
        add_event(g, f"ev-{i}", ev.type, ev.date, *(gold.entity(n).name for n in ev.involves))
    return ds


def add_event(g: Graph, key: str, kind: str, date: str | None, *involves: str) -> URIRef:
    node = PKS[key]
    g.add((node, RDF.type, PK.Event))
    g.add((node, PK.eventType, URIRef("https://w3id.org/parkkg/concept/event-type/" + kind)))
    if date and len(date) == 10:
        g.add((node, PK.date, Literal(date, datatype=XSD.date)))
    elif date:
        g.add((node, PK.year, Literal(date, datatype=XSD.gYear)))
    for name in involves:
        g.add((node, PK.involves, iri(name)))
    return node


def test_events_match_on_type_date_and_a_party(small_gold: Gold) -> None:
    gold = replace(small_gold, events=(
        GoldEvent("signing", "2025-06-18", (JUSHI, FJNU)),
        GoldEvent("establishment", "1991", (PARK,)),
    ))  # fmt: skip
    g = perfect_small_graph()
    add_event(g, "a", "signing", "2025-06-18", FJNU)  # one party is enough
    add_event(g, "b", "founding", "1991", PARK)  # parkkg's founding is the gold's establishment
    assert (score(g, gold)["event"].tp, score(g, gold)["event"].fp) == (2, 0)
    assert score(g, gold)["micro:all"] == score(perfect_small_graph(), gold)["micro:all"]  # events stay out of micro:all

    wrong = perfect_small_graph()
    add_event(wrong, "a", "signing", "2025-06-19", FJNU)  # another day
    add_event(wrong, "b", "founding", "1991", RONGDA)  # nobody the gold names
    add_event(wrong, "c", "opening", "1991", PARK)  # another type
    row = score(wrong, gold)["event"]
    assert (row.tp, row.fp, row.fn) == (0, 3, 2)
    assert ("signing", "2025-06-18", f"{JUSHI},{FJNU}") in row.missed


def test_real_gold_round_trip_scores_perfect() -> None:
    gold = load_gold(GOLD)
    assert_perfect(score(gold_to_graph(gold), gold))


def test_real_gold_empty_graph_scores_zero() -> None:
    gold = load_gold(GOLD)
    scores = score(Graph(), gold)
    assert scores["micro:all"].tp == 0
    assert scores["micro:all"].fn == len(gold.entities) + len(gold.relations) + len(gold.observations)
    assert scores["micro:all"].recall == 0.0


def test_a_concept_the_text_never_names_is_no_spurious_entity(small_gold: Gold) -> None:
    # an industry's broader concept comes from the dictionary's hierarchy, not from reading the text
    g = perfect_small_graph()
    parent = URIRef("https://w3id.org/parkkg/concept/industry/advanced-manufacturing")
    g.add((parent, RDF.type, PK.Industry))
    g.add((parent, RDF.type, SKOS.Concept))
    g.add((parent, RDFS.label, Literal("先进制造业", lang="zh")))
    assert score(g, small_gold)["entity:*"].fp == 0
    # the same concept read in a sentence is a claim of the extraction, scored like any entity
    g.add((parent, PK.mentionedIn, URIRef("https://w3id.org/parkkg/doc/d1/s3")))
    assert score(g, small_gold)["entity:*"].fp == 1
