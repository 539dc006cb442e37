"""Stage 10, networks: project the RDF graph onto networkx graphs and measure them.

Two views answer the questions people ask of a park's ecosystem:

* :func:`chain_leader_network`: the park's leading industries, the chain
  leaders (龙头企业) of each, and around every leader its platforms, honours,
  subsidiaries, projects, products, customers and partners;
* :func:`partnership_network`: organisations (enterprises, universities,
  institutes, government bodies and the park as its own administration)
  linked by cooperation of any kind.

Both are made by :func:`to_networkx`, the general projection a researcher can
call with their own classes and properties. Every node carries ``iri``,
``label_zh``, ``label_en``, ``cls`` (the local name of its ``pk:`` class) and
``industries``; every edge carries ``relation`` (the ``pk:`` property's local
name), ``evidence`` (the sentence the fact was read from) and ``document``
(that sentence's source file), found through the reified ``rdf:Statement``
of the fact (see ``docs/design.md``). :func:`add_metrics` adds degree and
betweenness centrality, a community and a connected component to each node;
:func:`network_records` returns everything as plain records for CSV/JSON.

Examples
--------
>>> from rdflib import Graph
>>> g = Graph().parse(format="turtle", data='''
... @prefix pk: <https://w3id.org/parkkg/ontology#> .
... @prefix pkr: <https://w3id.org/parkkg/id/> .
... @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
... pkr:A a pk:Enterprise ; rdfs:label "甲公司"@zh ; pk:hasCustomer pkr:B .
... pkr:B a pk:Enterprise ; rdfs:label "乙公司"@zh .
... ''')
>>> G = partnership_network(g)
>>> [(G.nodes[u]["label_zh"], G.nodes[v]["label_zh"], d["relation"]) for u, v, d in G.edges(data=True)]
[('甲公司', '乙公司', 'hasCustomer')]
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any
from typing import Literal as TypingLiteral
from urllib.parse import unquote

import networkx as nx
from rdflib import OWL, RDF, RDFS, SKOS, Dataset, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV

from graph.rdf.files import union_graph
from graph.vocab import ENTITY_CLASS_NAMES, PK

__all__ = [
    "CoLink",
    "ENTITY_CLASSES",
    "PARTNERSHIP_CLASSES",
    "PARTNERSHIP_PROPERTIES",
    "PARTNERSHIP_CO_LINKS",
    "CHAIN_PROPERTIES",
    "NETWORKS",
    "to_networkx",
    "chain_leader_network",
    "partnership_network",
    "build_networks",
    "add_metrics",
    "brokers",
    "top_nodes",
    "network_records",
    "load_graph",
    "local_name",
    "write_metrics",
]

Term = URIRef | str

#: The classes of real-world entities (not bookkeeping nodes such as
#: sentences, observations or qualified statements): the default node set.
ENTITY_CLASSES: tuple[URIRef, ...] = tuple(PK[name] for name in ("Organization", *ENTITY_CLASS_NAMES, "Event"))

#: Organisations of the partnership network; a park stands for its administration (管委会).
PARTNERSHIP_CLASSES: tuple[URIRef, ...] = (
    PK.Enterprise,
    PK.University,
    PK.ResearchInstitute,
    PK.GovernmentBody,
    PK.Organization,
    PK.Park,
)

#: Cooperation of any kind (cooperatesWith brings its sub-properties along).
PARTNERSHIP_PROPERTIES: tuple[URIRef, ...] = (
    PK.cooperatesWith,
    PK.coFiledPatentWith,
    PK.coBuiltPlatformWith,
    PK.hasCustomer,
    PK.subsidiaryOf,
)

#: What the chain-leader view follows from the park and from each leader.
CHAIN_PROPERTIES: tuple[URIRef, ...] = (
    PK.leadingIndustry,
    PK.chainLeaderOf,
    PK.hostsPlatform,
    PK.receivedHonour,
    PK.subsidiaryOf,
    PK.undertakenBy,
    PK.produces,
    PK.hasCustomer,
    PK.cooperatesWith,
    PK.coFiledPatentWith,
    PK.coBuiltPlatformWith,
)

# symmetric relations of the ontology, for graphs that do not carry it
_SYMMETRIC = {PK.cooperatesWith, PK.coFiledPatentWith, PK.coBuiltPlatformWith}

# most specific first: the class a node is shown as when it has several
_CLASS_ORDER = (
    "Park", "Enterprise", "University", "ResearchInstitute", "GovernmentBody", "Organization",
    "Platform", "Honour", "Industry", "Project", "Product", "Patent", "Person", "Event",
    "Observation", "Indicator", "HonourAward", "Affiliation", "Document", "Sentence",
)  # fmt: skip

# properties whose object names an industry a node works in
_INDUSTRY_LINKS = (PK.inIndustry, PK.chainLeaderOf, PK.leadingIndustry)


@dataclass(frozen=True)
class CoLink:
    """Link two nodes that share a neighbour through one property.

    A patent with two applicants (``pk:applicant``, the patent is the
    subject) links the applicants: ``CoLink(PK.applicant, "coFiledPatentWith",
    shared="subject")``. A platform hosted by two organisations
    (``pk:hostsPlatform``, the platform is the object) links the hosts:
    ``CoLink(PK.hostsPlatform, "coBuiltPlatformWith", shared="object")``.

    Attributes
    ----------
    property : URIRef
        The property both facts use.
    relation : str
        The ``relation`` the derived edge gets.
    shared : {"subject", "object"}
        Which end of the facts is the shared node.
    """

    property: URIRef
    relation: str
    shared: TypingLiteral["subject", "object"] = "subject"


#: Co-applicants of one patent and co-hosts of one platform cooperate.
PARTNERSHIP_CO_LINKS: tuple[CoLink, ...] = (
    CoLink(PK.applicant, "coFiledPatentWith", shared="subject"),
    CoLink(PK.hostsPlatform, "coBuiltPlatformWith", shared="object"),
)


# ----------------------------------------------------------------------------- helpers


def as_graph(graph: Graph | Dataset) -> Graph:
    """The union of a Dataset's graphs, or the Graph itself (TypeError for anything else)."""
    if isinstance(graph, Dataset):
        return union_graph(graph)
    if not isinstance(graph, Graph):
        raise TypeError(f"expected an rdflib Graph or Dataset, got {type(graph).__name__}")
    return graph


def _term(t: Term) -> URIRef:
    if isinstance(t, URIRef):
        return t
    if isinstance(t, str) and t and ":" not in t:
        try:
            return PK[t]
        except AttributeError:
            raise ValueError(f"{t!r} is not a pk: term; use a local name such as 'Enterprise' or a URIRef") from None
    return URIRef(t)


def local_name(iri: str) -> str:
    """The readable last part of an IRI (``#`` fragment or last path segment, unquoted).

    Examples
    --------
    >>> local_name("https://w3id.org/parkkg/ontology#hasCustomer")
    'hasCustomer'
    >>> local_name("https://w3id.org/parkkg/id/%E7%94%B2")
    '甲'
    """
    s = str(iri)
    tail = s.rsplit("#", 1)[1] if "#" in s else s.rstrip("/").rsplit("/", 1)[-1]
    return unquote(tail)


def _closure(g: Graph, terms: Iterable[URIRef], link: URIRef) -> list[URIRef]:
    """``terms`` and everything below them through ``link`` (subClassOf/subPropertyOf), order kept."""
    out = list(dict.fromkeys(terms))
    seen = set(out)
    i = 0
    while i < len(out):
        for sub in sorted(g.subjects(link, out[i])):
            if isinstance(sub, URIRef) and sub not in seen:
                seen.add(sub)
                out.append(sub)
        i += 1
    return out


def _labels(g: Graph, n: URIRef) -> tuple[str, str]:
    """(zh, en) labels: rdfs:label, else skos:prefLabel, else the IRI's local name."""
    zh: list[str] = []
    en: list[str] = []
    plain: list[str] = []
    for pred in (RDFS.label, SKOS.prefLabel):
        for lit in g.objects(n, pred):
            if not isinstance(lit, Literal):
                continue
            lang = (lit.language or "").lower()
            if lang.startswith("zh"):
                zh.append(str(lit))
            elif lang.startswith("en"):
                en.append(str(lit))
            elif not lang:
                plain.append(str(lit))
        if zh:
            break
    zh_label = min(zh) if zh else (min(plain) if plain else local_name(n))
    return zh_label, (min(en) if en else "")


def _class_of(g: Graph, n: URIRef) -> str:
    pk_ns = str(PK._NS)
    names = {str(t)[len(pk_ns):] for t in g.objects(n, RDF.type) if str(t).startswith(pk_ns)}
    for c in _CLASS_ORDER:
        if c in names:
            return c
    return min(names) if names else ""


def _industry_terms(g: Graph, n: URIRef) -> set[URIRef]:
    found = {o for p in _INDUSTRY_LINKS for o in g.objects(n, p) if isinstance(o, URIRef)}
    if (n, RDF.type, PK.Industry) in g:
        found.add(n)
    return found


def _industries(g: Graph, n: URIRef) -> set[str]:
    return {_labels(g, i)[0] for i in _industry_terms(g, n)}


def _evidence_index(g: Graph) -> dict[tuple[URIRef, URIRef, URIRef], list[dict[str, str]]]:
    """(s, p, o) → the sentences its reified statements were derived from."""
    index: dict[tuple[URIRef, URIRef, URIRef], list[dict[str, Any]]] = defaultdict(list)
    docs: dict[URIRef, str] = {}
    for st in g.subjects(RDF.type, RDF.Statement):
        s, p, o = g.value(st, RDF.subject), g.value(st, RDF.predicate), g.value(st, RDF.object)
        if s is None or p is None or o is None or p == RDF.type:
            continue
        for sent in g.objects(st, PROV.wasDerivedFrom):
            doc = g.value(sent, DCTERMS.isPartOf)
            if doc is not None and doc not in docs:
                docs[doc] = str(g.value(doc, DCTERMS.source) or g.value(doc, DCTERMS.title) or doc)
            idx = g.value(sent, PK.sentenceIndex)
            index[(s, p, o)].append(
                {
                    "sentence": str(sent),
                    "text": str(g.value(sent, PK.text) or ""),
                    "document": docs.get(doc, "") if doc is not None else "",
                    "_order": (docs.get(doc, ""), int(idx) if idx is not None else -1, str(sent)),
                }
            )
    out: dict[tuple[URIRef, URIRef, URIRef], list[dict[str, str]]] = {}
    for key, items in index.items():
        uniq = {it["sentence"]: it for it in items}
        out[key] = [{k: v for k, v in it.items() if k != "_order"} for it in sorted(uniq.values(), key=lambda it: it["_order"])]
    return out


# ----------------------------------------------------------------------------- projection


def to_networkx(
    graph: Graph | Dataset,
    *,
    classes: Iterable[Term] | None = ENTITY_CLASSES,
    properties: Iterable[Term] | None = None,
    subproperties: bool = True,
    nodes: Iterable[Term] | None = None,
    co_links: Iterable[CoLink] = (),
    include_isolates: bool = False,
    metrics: bool = True,
    seed: int = 0,
    name: str = "",
) -> nx.Graph:
    """Project an RDF graph onto an undirected networkx graph.

    A node is a resource with one of ``classes`` (and in ``nodes``, if
    given); an edge joins two nodes linked by one of ``properties``. Facts
    between the same two nodes merge into one edge that lists all of them.

    Parameters
    ----------
    graph : rdflib.Graph or rdflib.Dataset
        A Dataset is read as the union of its graphs (data + provenance).
    classes : iterable of URIRef or str, optional
        ``pk:`` classes (URIRefs or local names such as ``"Enterprise"``)
        a node must have; sub-classes the graph declares count too.
        ``None``: no class test. Default: :data:`ENTITY_CLASSES`.
    properties : iterable of URIRef or str, optional
        Properties that make edges. ``None``: every ``pk:`` property.
    subproperties : bool
        Also follow the sub-properties the graph declares
        (``rdfs:subPropertyOf``), e.g. ``cooperatesWith`` brings
        ``coFiledPatentWith``.
    nodes : iterable of URIRef or str, optional
        Keep only these resources (the induced view).
    co_links : iterable of CoLink
        Derived edges between nodes that share a neighbour (co-applicants
        of one patent, co-hosts of one platform).
    include_isolates : bool
        Keep nodes without any edge.
    metrics : bool
        Run :func:`add_metrics` on the result.
    seed : int
        Seed of the community detection.
    name : str
        Stored as ``G.graph["name"]``.

    Returns
    -------
    networkx.Graph
        Node ids are IRIs (str). Node attributes: ``iri``, ``label_zh``,
        ``label_en``, ``cls``, ``industries`` (zh labels), plus the metrics.
        Edge attributes: ``relation``, ``relations`` (all facts' relations),
        ``source``/``target`` (subject and object IRIs of the main fact),
        ``directed`` (false for symmetric relations), ``evidence``,
        ``document``, ``statements`` (every fact: relation, subject,
        object, sentence IRI, text, document, via).

    Examples
    --------
    >>> from rdflib import Graph
    >>> g = Graph().parse(format="turtle", data='''
    ... @prefix pk: <https://w3id.org/parkkg/ontology#> .
    ... @prefix pkr: <https://w3id.org/parkkg/id/> .
    ... pkr:A a pk:Enterprise ; pk:produces pkr:P ; pk:hasCustomer pkr:B .
    ... pkr:B a pk:Enterprise .
    ... pkr:P a pk:Product .
    ... ''')
    >>> G = to_networkx(g, classes=["Enterprise"])
    >>> sorted(G.nodes[n]["label_zh"] for n in G), G.number_of_edges()
    (['A', 'B'], 1)
    >>> G = to_networkx(g, properties=["produces"])
    >>> [G.edges[e]["relation"] for e in G.edges]
    ['produces']

    See Also
    --------
    chain_leader_network, partnership_network, add_metrics
    """
    g = as_graph(graph)
    if classes is not None:
        allowed_classes = set(_closure(g, [_term(c) for c in classes], RDFS.subClassOf))
    if properties is None:
        props = sorted({p for p in g.predicates() if str(p).startswith(str(PK._NS))} - {PK.mentionedIn})
    else:
        props = [_term(p) for p in properties]
    if subproperties:
        props = _closure(g, props, RDFS.subPropertyOf)
    priority = {p: i for i, p in enumerate(props)}
    keep = None if nodes is None else {_term(n) for n in nodes}
    symmetric = _SYMMETRIC | set(g.subjects(RDF.type, OWL.SymmetricProperty))

    eligible: dict[URIRef, bool] = {}

    def ok(n: object) -> bool:
        if not isinstance(n, URIRef):
            return False
        if n not in eligible:
            good = keep is None or n in keep
            if good and classes is not None:
                good = any(t in allowed_classes for t in g.objects(n, RDF.type))
            eligible[n] = good
        return eligible[n]

    evidence = _evidence_index(g)

    def statements(s: URIRef, p: URIRef, o: URIRef, via: str = "") -> list[dict[str, str]]:
        found = evidence.get((s, p, o)) or (evidence.get((o, p, s)) if p in symmetric else None) or []
        return [{"relation": local_name(p), "subject": str(s), "object": str(o), **ev, "via": via} for ev in found] or [
            {"relation": local_name(p), "subject": str(s), "object": str(o), "sentence": "", "text": "", "document": "", "via": via}
        ]

    # facts per unordered pair: (rank, relation, subject, object, directed, statements)
    facts: dict[frozenset[URIRef], list[tuple[Any, ...]]] = defaultdict(list)
    for p in props:
        for s, o in g.subject_objects(p):
            if s == o or not (ok(s) and ok(o)):
                continue
            facts[frozenset((s, o))].append((priority[p], local_name(p), s, o, p not in symmetric, statements(s, p, o)))
    for k, link in enumerate(co_links):
        prop = _term(link.property)
        groups: dict[URIRef, list[URIRef]] = defaultdict(list)
        for s, o in g.subject_objects(prop):
            hub, member = (s, o) if link.shared == "subject" else (o, s)
            if isinstance(hub, URIRef) and ok(member):
                groups[hub].append(member)
        for hub, members in sorted(groups.items()):
            members = sorted(set(members))
            hub_label = _labels(g, hub)[0]
            for i, a in enumerate(members):
                for b in members[i + 1 :]:
                    sts = []
                    for m in (a, b):
                        s, o = (hub, m) if link.shared == "subject" else (m, hub)
                        sts.extend(statements(s, prop, o, via=hub_label))
                    facts[frozenset((a, b))].append((len(props) + k, link.relation, a, b, False, sts))

    G = nx.Graph(name=name)
    node_set: set[URIRef] = {n for pair in facts for n in pair}
    if include_isolates:
        node_set |= {n for n in set(g.subjects()) | set(g.objects()) if ok(n)}
    industry_en: dict[str, str] = {}
    for n in sorted(node_set):
        zh, en = _labels(g, n)
        inds = sorted(_labels(g, i) for i in _industry_terms(g, n))
        industry_en.update((i_zh, i_en) for i_zh, i_en in inds if i_en)
        G.add_node(str(n), iri=str(n), label_zh=zh, label_en=en, cls=_class_of(g, n), industries=sorted({i_zh for i_zh, _ in inds}))
    G.graph["industry_labels_en"] = industry_en  # an industry's zh label → its English label
    for pair, items in sorted(facts.items(), key=lambda kv: sorted(kv[0])):
        items.sort(key=lambda f: (f[0], f[1], str(f[2]), str(f[3])))
        rank, relation, s, o, directed, _ = items[0]
        sts = [st for f in items for st in f[5]]
        seen: set[tuple[str, frozenset[str], str]] = set()
        uniq = []
        for st in sts:
            key = (st["relation"], frozenset((st["subject"], st["object"])), st["sentence"])
            if key not in seen:
                seen.add(key)
                uniq.append(st)
        first = next((st for st in uniq if st["text"]), uniq[0])
        G.add_edge(
            str(s),
            str(o),
            relation=relation,
            relations=list(dict.fromkeys(f[1] for f in items)),
            source=str(s),
            target=str(o),
            directed=directed,
            evidence=first["text"],
            document=first["document"],
            statements=uniq,
        )
    if metrics:
        add_metrics(G, seed=seed)
    return G


def chain_leader_network(graph: Graph | Dataset, *, metrics: bool = True, seed: int = 0) -> nx.Graph:
    """The park's leading industries, their chain leaders, and what surrounds each leader.

    Nodes: every park with ``pk:leadingIndustry``, those industries, every
    enterprise with ``pk:chainLeaderOf`` (and its industry), and around each
    leader its platforms (``hostsPlatform``), honours (``receivedHonour``),
    subsidiaries and parent (``subsidiaryOf``), projects (``undertakenBy``,
    the project is the subject), products (``produces``), customers
    (``hasCustomer``) and partners (``cooperatesWith`` and its
    sub-properties, either direction). Edges: every :data:`CHAIN_PROPERTIES`
    fact among these nodes. A node's ``industries`` include those of the
    leaders it surrounds.

    Examples
    --------
    >>> from rdflib import Graph
    >>> g = Graph().parse(format="turtle", data='''
    ... @prefix pk: <https://w3id.org/parkkg/ontology#> .
    ... @prefix pkr: <https://w3id.org/parkkg/id/> .
    ... @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
    ... pkr:Park a pk:Park ; pk:leadingIndustry pkr:m .
    ... pkr:m a pk:Industry ; rdfs:label "新材料"@zh .
    ... pkr:L a pk:Enterprise ; pk:chainLeaderOf pkr:m ; pk:produces pkr:P .
    ... pkr:P a pk:Product .
    ... pkr:Other a pk:Enterprise ; pk:produces pkr:Q .
    ... ''')
    >>> G = chain_leader_network(g)
    >>> sorted(d["label_zh"] for _, d in G.nodes(data=True))
    ['L', 'P', 'Park', '新材料']
    >>> G.nodes["https://w3id.org/parkkg/id/P"]["industries"]
    ['新材料']
    """
    g = as_graph(graph)
    keep: set[URIRef] = set()
    for park, ind in g.subject_objects(PK.leadingIndustry):
        keep.update((park, ind))
    leaders = {s for s, o in g.subject_objects(PK.chainLeaderOf) if isinstance(s, URIRef)}
    coop = _closure(g, [PK.cooperatesWith, PK.coFiledPatentWith, PK.coBuiltPlatformWith], RDFS.subPropertyOf)
    around: dict[URIRef, set[URIRef]] = defaultdict(set)
    for leader in leaders:
        near = around[leader]
        near.update(g.objects(leader, PK.chainLeaderOf))
        for p in (PK.hostsPlatform, PK.receivedHonour, PK.subsidiaryOf, PK.produces, PK.hasCustomer, *coop):
            near.update(g.objects(leader, p))
        for p in (PK.subsidiaryOf, PK.undertakenBy, *coop):
            near.update(g.subjects(p, leader))
        keep.add(leader)
        keep.update(n for n in near if isinstance(n, URIRef))
    G = to_networkx(g, classes=None, properties=CHAIN_PROPERTIES, nodes=keep, include_isolates=True, metrics=False, name="chain-leader")
    for leader in sorted(leaders):
        ind = set(G.nodes[str(leader)]["industries"]) if str(leader) in G else set()
        for n in around[leader]:
            if str(n) in G and G.nodes[str(n)]["cls"] != "Industry":
                G.nodes[str(n)]["industries"] = sorted(set(G.nodes[str(n)]["industries"]) | ind)
    if metrics:
        add_metrics(G, seed=seed)
    return G


def partnership_network(graph: Graph | Dataset, *, metrics: bool = True, seed: int = 0) -> nx.Graph:
    """Organisations linked by cooperation of any kind.

    Nodes: enterprises, universities, research institutes, government bodies
    and parks (a park stands for its administration) that take part in at
    least one cooperation. Edges: ``cooperatesWith`` and its sub-properties
    (``coFiledPatentWith``, ``coBuiltPlatformWith``), ``hasCustomer``,
    ``subsidiaryOf``, co-applicants of one patent and co-hosts of one
    platform (:data:`PARTNERSHIP_CO_LINKS`). Each edge carries the relation,
    the evidence sentence and its document.

    Examples
    --------
    >>> from rdflib import Graph
    >>> g = Graph().parse(format="turtle", data='''
    ... @prefix pk: <https://w3id.org/parkkg/ontology#> .
    ... @prefix pkr: <https://w3id.org/parkkg/id/> .
    ... pkr:Pat a pk:Patent ; pk:applicant pkr:U, pkr:F .
    ... pkr:U a pk:University .
    ... pkr:F a pk:Enterprise .
    ... ''')
    >>> G = partnership_network(g)
    >>> [(d["relation"], d["statements"][0]["via"]) for _, _, d in G.edges(data=True)]
    [('coFiledPatentWith', 'Pat')]
    """
    return to_networkx(
        graph,
        classes=PARTNERSHIP_CLASSES,
        properties=PARTNERSHIP_PROPERTIES,
        co_links=PARTNERSHIP_CO_LINKS,
        include_isolates=False,
        metrics=metrics,
        seed=seed,
        name="partnership",
    )


#: The named views: file stem → builder.
NETWORKS: Mapping[str, Any] = {"chain-leaders": chain_leader_network, "partnerships": partnership_network}


def build_networks(graph: Graph | Dataset, *, seed: int = 0) -> dict[str, nx.Graph]:
    """Both views of one graph, keyed ``"chain-leaders"`` and ``"partnerships"``.

    Examples
    --------
    >>> from rdflib import Graph
    >>> {k: G.number_of_nodes() for k, G in build_networks(Graph()).items()}
    {'chain-leaders': 0, 'partnerships': 0}
    """
    g = as_graph(graph)
    return {key: make(g, seed=seed) for key, make in NETWORKS.items()}


# ----------------------------------------------------------------------------- measures


def add_metrics(G: nx.Graph, *, seed: int = 0) -> nx.Graph:
    """Add degree, centralities, community and component to every node, in place.

    Node attributes added: ``degree`` (int), ``degree_centrality``,
    ``betweenness`` (normalised, exact below 2000 nodes, else sampled with
    ``seed``), ``community`` (Louvain with ``seed``; 0 is the largest) and
    ``component`` (0 is the largest connected component). Graph attributes:
    ``modularity``, ``communities``, ``components``.

    Examples
    --------
    >>> G = add_metrics(nx.path_graph(3))
    >>> [round(G.nodes[n]["betweenness"], 2) for n in G]
    [0.0, 1.0, 0.0]
    >>> G.graph["components"]
    1
    """
    n = G.number_of_nodes()
    deg = nx.degree_centrality(G) if n > 1 else {v: 0.0 for v in G}
    k = None if n < 2000 else min(n, 500)
    btw = nx.betweenness_centrality(G, k=k, seed=seed if k else None, normalized=True)
    comms = nx.community.louvain_communities(G, seed=seed) if n else []
    comms = sorted((sorted(c, key=str) for c in comms), key=lambda c: (-len(c), str(c[0])))
    comps = sorted((sorted(c, key=str) for c in nx.connected_components(G)), key=lambda c: (-len(c), str(c[0])))
    community = {v: i for i, c in enumerate(comms) for v in c}
    component = {v: i for i, c in enumerate(comps) for v in c}
    for v in G:
        G.nodes[v].update(
            degree=G.degree(v),
            degree_centrality=float(deg[v]),
            betweenness=float(btw[v]),
            community=community.get(v, -1),
            component=component.get(v, -1),
        )
    G.graph["modularity"] = float(nx.community.modularity(G, comms)) if G.number_of_edges() else 0.0
    G.graph["communities"] = len(comms)
    G.graph["components"] = len(comps)
    return G


def top_nodes(G: nx.Graph, metric: str = "betweenness", n: int = 5) -> list[tuple[str, float]]:
    """The ``n`` nodes ranked highest by a node attribute, as (label_zh, value).

    Ties are broken by degree, then label, so the order is stable.

    Examples
    --------
    >>> G = add_metrics(nx.star_graph(3))
    >>> top_nodes(G, "degree", 2)
    [('0', 3), ('1', 1)]
    """
    def label(v: Any) -> str:
        return str(G.nodes[v].get("label_zh", v))

    ranked = sorted(G, key=lambda v: (-G.nodes[v].get(metric, 0), -G.degree(v), label(v)))
    return [(label(v), G.nodes[v].get(metric, 0)) for v in ranked[:n]]


def brokers(G: nx.Graph, *, between: str = "Enterprise", min_links: int = 2) -> list[dict[str, Any]]:
    """Nodes that link several nodes of one class (which university links the most firms).

    Parameters
    ----------
    G : networkx.Graph
        A projection (nodes carry ``cls``).
    between : str
        The class of the nodes being linked.
    min_links : int
        Report only nodes linked to at least this many of them.

    Returns
    -------
    list of dict
        ``iri``, ``label_zh``, ``cls``, ``links`` (how many ``between``
        neighbours), ``unlinked_pairs`` (pairs of those neighbours with no
        edge of their own: the structural holes the node spans),
        ``betweenness``, ``linked`` (their zh labels); most links first.

    Examples
    --------
    >>> G = nx.Graph()
    >>> G.add_node("u", cls="University"); G.add_nodes_from("abc", cls="Enterprise")
    >>> G.add_edges_from([("u", "a"), ("u", "b"), ("u", "c"), ("a", "b")])
    >>> [(r["iri"], r["links"], r["unlinked_pairs"]) for r in brokers(G)]
    [('u', 3, 2)]
    """
    out = []
    for v in G:
        firms = sorted((u for u in G[v] if G.nodes[u].get("cls") == between), key=str)
        if len(firms) < min_links:
            continue
        unlinked = sum(1 for i, a in enumerate(firms) for b in firms[i + 1 :] if not G.has_edge(a, b))
        d = G.nodes[v]
        out.append(
            {
                "iri": str(v),
                "label_zh": d.get("label_zh", str(v)),
                "cls": d.get("cls", ""),
                "links": len(firms),
                "unlinked_pairs": unlinked,
                "betweenness": float(d.get("betweenness", 0.0)),
                "linked": [G.nodes[u].get("label_zh", str(u)) for u in firms],
            }
        )
    out.sort(key=lambda r: (-r["links"], -r["unlinked_pairs"], -r["betweenness"], r["label_zh"]))
    return out


_NODE_FIELDS = ("iri", "label_zh", "label_en", "cls", "industries", "degree", "degree_centrality", "betweenness", "community", "component")


def network_records(G: nx.Graph) -> dict[str, Any]:
    """Everything measured on a projection, as plain JSON-ready records.

    Returns
    -------
    dict
        ``name``; ``summary`` (nodes, edges, density, components,
        largest_component, communities, modularity); ``nodes`` (one record
        per node, highest betweenness first); ``edges`` (relation, source,
        target, labels, evidence, document, every statement);
        ``communities`` and ``components`` (members' zh labels);
        ``brokers`` (:func:`brokers` over enterprises); ``bridges`` (edges
        whose removal disconnects the graph).

    Examples
    --------
    >>> import json
    >>> G = add_metrics(nx.path_graph(3))
    >>> rec = network_records(G)
    >>> rec["summary"]["nodes"], rec["summary"]["edges"], len(rec["bridges"])
    (3, 2, 2)
    >>> _ = json.dumps(rec)
    """
    if "betweenness" not in next(iter(G.nodes.values()), {"betweenness": 0}):
        add_metrics(G)
    label = {v: str(G.nodes[v].get("label_zh", v)) for v in G}
    nodes = []
    for v in G:
        d = G.nodes[v]
        rec = {f: d.get(f, "" if f not in ("degree", "community", "component") else 0) for f in _NODE_FIELDS}
        rec["iri"] = str(d.get("iri", v))
        rec["label_zh"] = label[v]
        rec["industries"] = list(d.get("industries", []))
        nodes.append(rec)
    nodes.sort(key=lambda r: (-r["betweenness"], -r["degree"], r["label_zh"]))
    edges = []
    for u, v, d in G.edges(data=True):
        s, t = d.get("source", u), d.get("target", v)
        edges.append(
            {
                "relation": d.get("relation", ""),
                "relations": list(d.get("relations", [d.get("relation", "")])),
                "source": str(s),
                "target": str(t),
                "source_label": label.get(s, str(s)),
                "target_label": label.get(t, str(t)),
                "evidence": d.get("evidence", ""),
                "document": d.get("document", ""),
                "statements": list(d.get("statements", [])),
            }
        )
    edges.sort(key=lambda r: (r["relation"], r["source_label"], r["target_label"]))

    def groups(attr: str) -> list[dict[str, Any]]:
        by: dict[int, list[str]] = defaultdict(list)
        for v in G:
            by[int(G.nodes[v].get(attr, -1))].append(label[v])
        return [{attr: k, "size": len(m), "members": sorted(m)} for k, m in sorted(by.items())]

    comps = groups("component")
    summary = {
        "nodes": G.number_of_nodes(),
        "edges": G.number_of_edges(),
        "density": float(nx.density(G)) if G.number_of_nodes() > 1 else 0.0,
        "components": len(comps),
        "largest_component": max((c["size"] for c in comps), default=0),
        "communities": int(G.graph.get("communities", 0)),
        "modularity": float(G.graph.get("modularity", 0.0)),
    }
    bridges = sorted(sorted((label[u], label[v])) for u, v in nx.bridges(G)) if G.number_of_edges() else []
    return {
        "name": G.graph.get("name", ""),
        "summary": summary,
        "nodes": nodes,
        "edges": edges,
        "communities": groups("community"),
        "components": comps,
        "brokers": brokers(G),
        "bridges": [list(b) for b in bridges],
    }


_EDGE_FIELDS = ("relation", "relations", "source", "target", "source_label", "target_label", "evidence", "document")


def write_metrics(G: nx.Graph, outdir: Any, stem: str) -> list[Any]:
    """Write ``<stem>-nodes.csv``, ``<stem>-edges.csv`` and ``<stem>.json`` (all of :func:`network_records`).

    CSV files are UTF-8 with a BOM-less header; list fields are joined with
    ``"; "``. Every file is written atomically.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> G = add_metrics(nx.path_graph(3))
    >>> [p.name for p in write_metrics(G, pathlib.Path(tempfile.mkdtemp()), "demo")]
    ['demo-nodes.csv', 'demo-edges.csv', 'demo.json']
    """
    import csv
    import io
    import json
    from pathlib import Path

    from graph.rdf.files import write_atomic

    outdir = Path(outdir)
    rec = network_records(G)

    def table(rows: list[dict[str, Any]], fields: tuple[str, ...]) -> str:
        buf = io.StringIO()
        w = csv.writer(buf, lineterminator="\n")
        w.writerow(fields)
        for r in rows:
            w.writerow(["; ".join(map(str, r[f])) if isinstance(r[f], list) else r[f] for f in fields])
        return buf.getvalue()

    outputs = (
        (outdir / f"{stem}-nodes.csv", table(rec["nodes"], _NODE_FIELDS)),
        (outdir / f"{stem}-edges.csv", table(rec["edges"], _EDGE_FIELDS)),
        (outdir / f"{stem}.json", json.dumps(rec, ensure_ascii=False, indent=2, sort_keys=False) + "\n"),
    )
    return [write_atomic(path, lambda p, text=text: p.write_text(text, encoding="utf-8")) for path, text in outputs]


def load_graph(path: Any) -> Graph:
    """Read a graph file (Turtle, TriG, N-Quads, N-Triples, JSON-LD, RDF/XML) as one Graph.

    A TriG or N-Quads file is read as the union of its graphs.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "g.ttl"
    >>> _ = p.write_text("<urn:a> <urn:b> <urn:c> .", encoding="utf-8")
    >>> len(load_graph(p))
    1

    Raises
    ------
    StoreError
        The file is missing or is not RDF in the format its suffix names.
    """
    from pathlib import Path

    from graph.errors import StoreError
    from graph.rdf.files import load_dataset

    p = Path(path)
    if not p.is_file():
        raise StoreError(f"no graph file at {p}: run `parkkg build -o {p.parent}` first, or pass --graph FILE")
    # one reader for every command: a syntax error is reported on one line with its line and column
    return union_graph(load_dataset(p))
