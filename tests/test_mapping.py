"""The built graph of the bundled article: entities, aliases, provenance by SPARQL."""

from graph.vocab import PREFIXES

PFX = "\n".join(f"PREFIX {k}: <{v}>" for k, v in PREFIXES.items())


def q(g, text):
    return list(g.query(PFX + "\n" + text))


def test_enterprises_with_short_names(union):
    rows = q(union, "SELECT ?s ?label ?alt WHERE { ?s a pk:Enterprise ; rdfs:label ?label . OPTIONAL { ?s skos:altLabel ?alt } }")
    found = {}
    for s, label, alt in rows:
        found.setdefault(str(label), set()).add(str(alt) if alt else None)
    assert "聚石化学" in found["广东聚石化学股份有限公司"]
    assert "容大生物" in found["广东容大生物股份有限公司"]
    assert "天之衡" in found["清远市天之衡量子科技有限公司"]


def test_sentence_behind_located_in(union):
    rows = q(
        union,
        """SELECT ?park ?text ?begin ?end ?doc WHERE {
             ?st a rdf:Statement ; rdf:subject ?e ; rdf:predicate pk:locatedIn ; rdf:object ?p ;
                 prov:wasDerivedFrom ?sent ; pk:beginIndex ?begin ; pk:endIndex ?end .
             ?e skos:altLabel "聚石化学"@zh . ?p rdfs:label ?park .
             ?sent pk:text ?text ; dcterms:isPartOf ?d . ?d dcterms:source ?doc }""",
    )
    assert rows, "no provenance for 聚石化学 locatedIn"
    parks = {str(r[0]) for r in rows}
    assert "雄兴工业园" in parks
    for park, text, begin, end, doc in rows:
        assert "聚石化学" in str(text) or "广东聚石化学股份有限公司" in str(text)
        assert str(doc) == "qingyuan-hitech-zone-10-years.txt"


def test_offsets_cite_the_raw_file(built):
    from graph.text.read import bundled_article

    raw = bundled_article().read_text(encoding="utf-8")
    union = built.dataset
    rows = q(union, "SELECT ?text ?b ?e WHERE { ?s a pk:Sentence ; pk:text ?text ; pk:beginIndex ?b ; pk:endIndex ?e }")
    assert len(rows) > 50
    for text, b, e in rows:
        span = raw[int(b) : int(e)]
        squeezed = "".join(span.split())
        assert squeezed == "".join(str(text).split()), (str(text), span)


def test_yearly_output_observations(union):
    rows = q(
        union,
        """SELECT ?year ?value WHERE { ?o a pk:Observation ; pk:indicator ?i ; pk:year ?year ; pk:value ?value ; pk:unit "CNY" .
               ?i skos:notation "industrial-output-value" }""",
    )
    got = {int(str(y)): int(v.toPython()) for y, v in rows}
    assert got == {2022: 51_700_000_000, 2023: 53_200_000_000, 2024: 57_400_000_000}


def test_honours_qualified_and_direct(union):
    rows = q(
        union,
        """SELECT ?h ?year ?by WHERE { ?p a pk:Patent ; pk:receivedHonour ?hh ; pk:hasAward ?a .
             ?a pk:awardedHonour ?hh ; pk:year ?year . OPTIONAL { ?a pk:conferredBy ?c . ?c rdfs:label ?by }
             ?hh rdfs:label ?h }""",
    )
    assert any(str(r[0]) == "中国专利优秀奖" for r in rows)
    assert any(str(r[1]) == "2022" and str(r[2]) == "国家知识产权局" for r in rows)


def test_graph_conforms(built):
    assert built.report.conforms, built.report.summary()


def test_short_name_defined_in_one_article_links_in_another():
    from graph import api
    from graph.vocab import PK, entity_iri

    a = "广东聚力新材料股份有限公司（以下简称“聚力新材”）位于肇庆高新区。"
    b = "2024年，聚力新材实现营业收入12亿元。聚力新材与华南理工大学共建联合实验室。"
    ds = api.build_text([a, b]).dataset
    firm = entity_iri("广东聚力新材料股份有限公司")
    rows = list(ds.query(PFX + "SELECT ?v WHERE { ?o pk:observedEntity <%s> ; pk:value ?v }" % firm))
    assert [int(r[0].toPython()) for r in rows] == [1_200_000_000]
    assert (firm, PK.coBuiltPlatformWith, entity_iri("华南理工大学")) in ds
    assert not list(ds.triples((entity_iri("聚力新材"), None, None)))


def test_targets_and_partial_years_in_rdf():
    """A target is a pk:Target (and pk:Observation); a partial-year figure has a period and no year."""
    from graph import api
    from graph.vocab import PK

    text = "2024年1—8月，肇庆高新区工业总产值305亿元。力争到2027年，肇庆高新区工业总产值突破500亿元。"
    result = api.build_text(text)
    assert result.report.conforms, result.report.summary()
    rows = q(result.dataset, """SELECT ?v ?y ?p ?t WHERE { ?o a pk:Observation ; pk:value ?v .
               OPTIONAL { ?o pk:year ?y } OPTIONAL { ?o pk:period ?p }
               BIND(EXISTS { ?o a pk:Target } AS ?t) }""")
    got = {(int(v.toPython()), y and int(str(y)), p and str(p), t.toPython()) for v, y, p, t in rows}
    assert got == {(30_500_000_000, None, "2024年1—8月", False), (50_000_000_000, 2027, None, True)}
    assert PK.Target in set(result.dataset.objects(None, None))


def test_stated_floors_are_typed_lower_bounds_not_exact_figures():
    """40多家 and 3%以上 are pk:LowerBound observations; an exact figure in the same text is neither bound."""
    from graph import api

    text = "2024年，肇庆高新区拥有高新技术企业40多家，规模以上工业企业215家，研发投入强度达3%以上。"
    result = api.build_text(text)
    assert result.report.conforms, result.report.summary()
    rows = q(result.dataset, """SELECT ?v ?lo ?hi WHERE { ?o a pk:Observation ; pk:value ?v .
               BIND(EXISTS { ?o a pk:LowerBound } AS ?lo) BIND(EXISTS { ?o a pk:UpperBound } AS ?hi) }""")
    got = {(float(v.toPython()), lo.toPython(), hi.toPython()) for v, lo, hi in rows}
    assert (40.0, True, False) in got and (215.0, False, False) in got
    assert (3.0, True, False) in got or (0.03, True, False) in got
    # an observation of any kind is a record about an entity, not an entity of its own
    assert set(result.stats().entities) == {"Park"}


def test_derived_statements_say_how_and_cite_one_sentence():
    """An inferred part is named by pk:inference; an end from an earlier sentence is prov:wasInfluencedBy it."""
    from graph import api

    result = api.build_text(
        "示范高新区着力培育龙头企业。以广东嘉博制药有限公司等为代表的龙头企业，不断引领产业创新。"
        "芜湖市新能源汽车产业链由副市长苏婉清担任链长。该产业链以奇瑞汽车股份有限公司为链主企业。"
    )
    assert result.report.conforms, result.report.summary()
    rows = q(result.dataset, """SELECT ?s ?inf (COUNT(DISTINCT ?sent) AS ?cited) (COUNT(DISTINCT ?other) AS ?influenced) WHERE {
               ?st rdf:predicate pk:chainLeaderOf ; rdf:subject ?s ; prov:wasDerivedFrom ?sent .
               OPTIONAL { ?st pk:inference ?inf } OPTIONAL { ?st prov:wasInfluencedBy ?other } } GROUP BY ?s ?inf""")
    got = {str(s).rsplit("/", 1)[1]: (inf and str(inf), int(c), int(i)) for s, inf, c, i in rows}
    assert got["广东嘉博制药有限公司"] == ("industry inferred from the enterprise's name", 1, 0)
    assert got["奇瑞汽车股份有限公司"] == (None, 1, 1)


# N-Quads written from rdflib terms (graph.rdf.terms.quads_to_nquads) --------------------------------

_TRICKY_TEXTS = [
    'say "hi"', "back\\slash", "line\nbreak", "cr\rlf", "tab\t", "nul\x00 del\x7f esc\x1b", "\u2028\u0085",
    "non-BMP 𠀀 😀", "", "清远高新区", " leading and trailing ",
]


def _tricky_quads():
    from rdflib import Literal, URIRef
    from rdflib.namespace import XSD

    s = URIRef("https://w3id.org/parkkg/id/华南师范大学%28清远%29研究院")
    p = URIRef("https://w3id.org/parkkg/ontology#text")
    g = URIRef("https://w3id.org/parkkg/doc/0123456789abcdef/provenance")
    objects = [Literal(t, lang=lang) for t in _TRICKY_TEXTS for lang in ("zh", "en", "zh-Latn-pinyin")]
    objects += [Literal(t) for t in _TRICKY_TEXTS] + [Literal(t, datatype=XSD.string) for t in _TRICKY_TEXTS]
    objects += [Literal(7, datatype=XSD.integer), Literal("12.5", datatype=XSD.decimal), Literal("2024", datatype=XSD.gYear),
                Literal("2024-05-01", datatype=XSD.date), s]
    return [(s, p, o, graph) for o in objects for graph in (g, None)]


def test_nquads_from_rdflib_terms_are_what_oxigraph_writes():
    """Quotes, backslashes, line breaks, control and non-BMP characters, language tags, datatypes, the default graph."""
    import pyoxigraph as ox

    from graph.rdf.terms import quads_to_nquads, quads_to_ox

    quads = _tricky_quads()
    written = quads_to_nquads(quads)
    assert written == ox.serialize(quads_to_ox(quads), format=ox.RdfFormat.N_QUADS)
    assert list(ox.parse(written, format=ox.RdfFormat.N_QUADS)) == list(quads_to_ox(quads))


def test_nquads_from_terms_made_and_dropped_one_quad_at_a_time():
    """Terms that live only while their quad is written (a generator's) are each written as themselves."""
    import pyoxigraph as ox
    from rdflib import Literal, URIRef

    from graph.rdf.terms import quads_to_nquads

    def fresh():
        for i in range(200):
            yield URIRef(f"https://w3id.org/parkkg/id/e{i}"), URIRef("https://w3id.org/parkkg/ontology#n"), Literal(str(i)), None

    lines = quads_to_nquads(fresh()).decode().splitlines()
    assert lines == [f'<https://w3id.org/parkkg/id/e{i}> <https://w3id.org/parkkg/ontology#n> "{i}" .' for i in range(200)]
    assert len(list(ox.parse("\n".join(lines), format=ox.RdfFormat.N_QUADS))) == 200


def test_nquads_refuse_an_iri_oxigraph_refuses():
    import pytest
    from rdflib import Literal, URIRef

    from graph.rdf.terms import quads_to_nquads

    with pytest.raises(ValueError):
        quads_to_nquads([(URIRef("https://w3id.org/parkkg/id/a b> <x"), URIRef("https://w3id.org/parkkg/ontology#n"), Literal("x"), None)])


def test_one_iri_object_per_name_and_unknown_names_still_refused():
    """The mapper makes each name's IRI once (so it is written once a piece), and a name no mention introduced is an error every time."""
    import pytest

    from graph import api
    from graph.errors import MappingError
    from graph.rdf.mapping import RdfMapper
    from graph.vocab import entity_iri

    r = api.build_text("广东星河新材料有限公司位于肇庆高新区。", validate=False)
    mapper = RdfMapper(r.extractions, r.indicators)
    first = mapper.node("广东星河新材料有限公司")
    assert first == entity_iri("广东星河新材料有限公司") and mapper.node("广东星河新材料有限公司") is first
    for _ in range(2):
        with pytest.raises(MappingError, match="no mention introduced"):
            mapper.node("不存在的公司")
