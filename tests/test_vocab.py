"""graph.vocab is the one home of every term: it must equal ontology/parkkg.ttl."""

import pytest
from rdflib import OWL, RDF, RDFS, Graph

from graph._resources import ontology_dir
from graph.vocab import PK, entity_iri, iri_safe

REQUIRED = {
    "classes": "Park Organization Enterprise University ResearchInstitute GovernmentBody Platform Honour Industry "
    "Project Person Product Patent Event Observation Indicator".split(),
    "object": "locatedIn partOf inIndustry chainLeaderOf cooperatesWith coFiledPatentWith coBuiltPlatformWith "
    "hostsPlatform receivedHonour hasCustomer subsidiaryOf affiliatedWith undertakenBy produces applicant "
    "observedEntity indicator".split(),
    "datatype": "year value unit date".split(),
}


@pytest.fixture(scope="module")
def onto():
    g = Graph()
    g.parse(ontology_dir() / "parkkg.ttl")
    return g


def _ontology_terms(onto):
    ns = str(PK._NS)
    return {
        str(s)[len(ns) :]
        for s in onto.subjects()
        if str(s).startswith(ns) and (s, RDFS.label, None) in onto
    }


def test_vocab_equals_ontology(onto):
    declared = set(PK.__annotations__)
    assert declared == _ontology_terms(onto)


def test_required_terms_have_the_right_kind(onto):
    for name in REQUIRED["classes"]:
        assert (PK[name], RDF.type, OWL.Class) in onto
    for name in REQUIRED["object"]:
        assert (PK[name], RDF.type, OWL.ObjectProperty) in onto
    for name in REQUIRED["datatype"]:
        assert (PK[name], RDF.type, OWL.DatatypeProperty) in onto
    for sub in ("Enterprise", "University", "ResearchInstitute", "GovernmentBody"):
        assert (PK[sub], RDFS.subClassOf, PK.Organization) in onto
    assert (PK.cooperatesWith, RDF.type, OWL.SymmetricProperty) in onto
    for sub in ("coFiledPatentWith", "coBuiltPlatformWith"):
        assert (PK[sub], RDFS.subPropertyOf, PK.cooperatesWith) in onto


def test_every_term_is_bilingual(onto):
    for name in PK.__annotations__:
        langs = {o.language for o in onto.objects(PK[name], RDFS.label)}
        comments = {o.language for o in onto.objects(PK[name], RDFS.comment)}
        assert {"en", "zh"} <= langs, name
        assert {"en", "zh"} <= comments, name


def test_typo_raises():
    with pytest.raises(AttributeError):
        PK.locatedin  # noqa: B018


def test_iris_are_stable_and_safe():
    assert entity_iri("清远高新技术产业开发区") == entity_iri(" 清远高新技术产业开发区 ")
    assert iri_safe('<script>"x"') == "%3Cscript%3E%22x%22"


def test_leading_industry_is_an_in_industry(onto):
    """A query for pk:inIndustry (with rdfs:subPropertyOf*) finds a park's leading industries."""
    assert (PK.leadingIndustry, RDFS.subPropertyOf, PK.inIndustry) in onto
    assert (PK.Target, RDFS.subClassOf, PK.Observation) in onto



def test_bind_prefixes_replaces_rdflib_defaults_with_the_project_s_prefixes():
    from rdflib import Dataset, Graph

    from graph.vocab import PREFIXES, bind_prefixes

    for g in (Graph(), Dataset()):
        assert bind_prefixes(g) is g
        bound = {p: str(ns) for p, ns in g.namespaces()}
        for prefix, ns in PREFIXES.items():
            assert bound[prefix] == ns
