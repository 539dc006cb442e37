"""What each SHACL shape of ``ontology/shapes.ttl`` requires, in English and Chinese.

The sentences are made from the constraints themselves (``sh:minCount``,
``sh:class``, ``sh:datatype``, ``sh:pattern``, ``sh:or``, ...), naming parkkg
terms by their labels from the ontology, so they cannot drift from the
shapes. The shape's own ``rdfs:comment`` (English) is kept as its summary.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from rdflib import RDF, RDFS, SH, BNode, Graph, Literal, URIRef
from rdflib.collection import Collection

from graph.vocab import PREFIXES

__all__ = ["ShapeDoc", "describe_shapes", "SHAPES_NS"]

SHAPES_NS = "https://w3id.org/parkkg/shapes#"
_PREFIXES = {**PREFIXES, "pksh": SHAPES_NS, "sh": str(SH)}


@dataclass(frozen=True)
class ShapeDoc:
    """One node shape on the page: its name, what it applies to, and its rules in both languages."""

    iri: str
    curie: str
    anchor: str
    name: str
    summary: str
    applies: tuple[str, str]
    rules: list[tuple[str, str]]


def _curie(iri: Any) -> str:
    text = str(iri)
    for prefix, ns in sorted(_PREFIXES.items(), key=lambda kv: -len(kv[1])):
        if text.startswith(ns) and text != ns:
            return f"{prefix}:{text[len(ns):]}"
    return f"<{text}>"


class _Words:
    """Names of terms in English and Chinese: ``pk:Park`` and ``园区（pk:Park）``."""

    def __init__(self, onto: Graph, shapes: Graph) -> None:
        self.onto, self.shapes = onto, shapes

    def en(self, term: Any) -> str:
        if isinstance(term, Literal):
            return f'"{term}"'
        return _curie(term)

    def zh(self, term: Any) -> str:
        if isinstance(term, Literal):
            return f"“{term}”"
        for o in self.onto.objects(term, RDFS.label):
            if isinstance(o, Literal) and o.language == "zh":
                return f"{o}（{_curie(term)}）"
        return _curie(term)

    def shape_name(self, shape: Any) -> tuple[str, str]:
        name = self.shapes.value(shape, SH.name)
        if isinstance(shape, URIRef):
            return (f"the shape {_curie(shape)}", f"形状 {_curie(shape)}")
        if name is not None:
            return (f"“{name}”", f"“{name}”")
        return ("an anonymous shape", "一个匿名形状")


def _items(g: Graph, node: Any) -> list[Any]:
    return list(Collection(g, node)) if node is not None else []


def _path(g: Graph, w: _Words, shape: Any) -> tuple[str, str]:
    path = g.value(shape, SH.path)
    inverse = g.value(path, SH.inversePath) if isinstance(path, BNode) else None
    if inverse is not None:
        return (f"the inverse of {w.en(inverse)} (nodes pointing here)", _join(w.zh(inverse), "的反向（指向本节点的）"))
    return (w.en(path), w.zh(path))


def _count(low: int | None, high: int | None, what_en: str, what_zh: str) -> tuple[str, str] | None:
    """``exactly one value of pk:unit`` / ``单位（pk:unit）恰有 1 个取值``."""
    if low == 0:
        low = None
    if low is None and high is None:
        return None
    n = lambda k: "one value" if k == 1 else f"{k} values"  # noqa: E731
    if low == high:
        return (f"exactly {n(low)} of {what_en}", _join(what_zh, f"恰有 {low} 个取值"))
    if high is None:
        return (f"at least {n(low)} of {what_en}", _join(what_zh, f"至少有 {low} 个取值"))
    if low is None:
        return (f"at most {n(high)} of {what_en}", _join(what_zh, f"至多有 {high} 个取值"))
    return (f"between {low} and {high} values of {what_en}", _join(what_zh, f"有 {low} 至 {high} 个取值"))


def _join(zh: str, rest: str) -> str:
    """Chinese text after a name: a space only after a Latin name (``rdf:type 的取值``, ``园区（pk:Park）的取值``)."""
    return f"{zh} {rest}" if zh[-1:].isascii() and zh[-1:].isalnum() else f"{zh}{rest}"


def _int(g: Graph, s: Any, p: Any) -> int | None:
    v = g.value(s, p)
    return int(v) if v is not None else None


def _value_rules(g: Graph, w: _Words, s: Any, en: str, zh: str) -> list[tuple[str, str]]:
    """Rules on values (or on the focus node itself) that ``s`` states; ``en``/``zh`` name what they apply to."""
    out = []
    for c in g.objects(s, SH["class"]):
        out.append((f"{en} must be an instance of {w.en(c)}", _join(zh, f"必须是{w.zh(c)}的实例")))
    for d in g.objects(s, SH.datatype):
        out.append((f"{en} must be literals of type {w.en(d)}", _join(zh, f"必须是 {w.en(d)} 类型的字面量")))
    for k in g.objects(s, SH.nodeKind):
        kind = _curie(k).split(":")[1]
        out.append((f"{en} must be of node kind {kind}", _join(zh, f"的节点类型必须是 {kind}")))
    for pat in g.objects(s, SH.pattern):
        out.append((f"{en} must match the regular expression {pat}", _join(zh, f"必须匹配正则表达式 {pat}")))
    for v in g.objects(s, SH.minInclusive):
        out.append((f"{en} must be at least {v}", _join(zh, f"不得小于 {v}")))
    for v in g.objects(s, SH.minLength):
        out.append((f"{en} must be at least {v} characters long", _join(zh, f"的长度不得少于 {v} 个字符")))
    for lst in g.objects(s, SH["in"]):
        values = _items(g, lst)
        out.append(
            (f"{en} must be one of {', '.join(w.en(v) for v in values)}", _join(zh, f"必须是以下之一：{'、'.join(w.zh(v) for v in values)}"))
        )
    for lst in g.objects(s, SH.languageIn):
        tags = ", ".join(str(t) for t in _items(g, lst))
        out.append((f"{en} must be tagged with the language {tags}", _join(zh, f"的语言标签必须是 {tags}")))
    if g.value(s, SH.uniqueLang) == Literal(True):
        out.append((f"no two {en} may share a language tag", _join(zh, "中每种语言至多一个")))
    for other in g.objects(s, SH.lessThan):
        out.append((f"{en} must be smaller than the node's {w.en(other)}", _join(zh, f"必须小于本节点的{w.zh(other)}")))
    for shape in g.objects(s, SH.node):
        n_en, n_zh = w.shape_name(shape)
        out.append((f"{en} must conform to {n_en}", _join(zh, f"必须符合{n_zh}")))
    for lst in g.objects(s, SH["or"]):
        alts = [_alternative(g, w, a) for a in _items(g, lst)]
        out.append(
            (f"{en} must satisfy one of: {'; '.join(a[0] for a in alts)}", _join(zh, f"必须满足以下之一：{'；'.join(a[1] for a in alts)}"))
        )
    for neg in g.objects(s, SH["not"]):
        inner = _value_rules(g, w, neg, en, zh)
        for i_en, i_zh in inner:
            out.append((i_en.replace(" must ", " must not ", 1), i_zh.replace("必须", "不得", 1)))
    return out


def _alternative(g: Graph, w: _Words, a: Any) -> tuple[str, str]:
    if isinstance(a, URIRef):
        return w.shape_name(a)
    rules = _value_rules(g, w, a, "it", "其")
    if len(rules) == 1:
        en, zh = rules[0]
        return (en.removeprefix("it must be ").removeprefix("it must "), zh.removeprefix("其必须是").removeprefix("其必须"))
    return ("; ".join(r[0] for r in rules) or "anything", "；".join(r[1] for r in rules) or "任意")


def _property_rules(g: Graph, w: _Words, ps: Any) -> list[tuple[str, str]]:
    p_en, p_zh = _path(g, w, ps)
    out = []
    counted = _count(_int(g, ps, SH.minCount), _int(g, ps, SH.maxCount), p_en, p_zh)
    if counted is not None:
        out.append(counted)
    out.extend(_value_rules(g, w, ps, f"values of {p_en}", _join(p_zh, "的取值")))
    q = g.value(ps, SH.qualifiedValueShape)
    if q is not None:
        inner = _value_rules(g, w, q, "it", "它")
        such_en = "; ".join(r[0].replace(" must be ", " is ").replace(" must ", " ") for r in inner)
        such_zh = "；".join(r[1].replace("必须", "") for r in inner)
        # the Chinese names the qualified values first: "rdfs:label 中满足“…”的取值恰有 1 个"
        c = _count(_int(g, ps, SH.qualifiedMinCount), _int(g, ps, SH.qualifiedMaxCount), f"{p_en} such that {such_en}", "")
        if c is not None:
            amount = c[1].strip().removesuffix("取值")
            out.append((c[0], f"{_join(p_zh, '中')}满足“{such_zh}”的取值{amount}"))
    return out


def _anchor(curie: str) -> str:
    import re

    return re.sub(r"[^A-Za-z0-9_-]", "-", curie).strip("-")


def describe_shapes(shapes: Graph | None = None, onto: Graph | None = None) -> list[ShapeDoc]:
    """Every node shape with its targets and its rules in English and Chinese, in file order of names.

    Examples
    --------
    >>> docs = {d.curie: d for d in describe_shapes()}
    >>> obs = docs["pksh:ObservationShape"]
    >>> obs.applies
    ('every instance of pk:Observation', '观测值（pk:Observation）的每个实例')
    >>> ("exactly one value of pk:unit", "单位（pk:unit）恰有 1 个取值") in obs.rules
    True
    """
    if shapes is None or onto is None:
        from graph.rdf.validate import load_ontology, load_shapes

        shapes = shapes if shapes is not None else load_shapes()
        onto = onto if onto is not None else load_ontology()
    w = _Words(onto, shapes)
    out = []
    for s in sorted((s for s in shapes.subjects(RDF.type, SH.NodeShape) if isinstance(s, URIRef)), key=str):
        targets_en, targets_zh = [], []
        for c in shapes.objects(s, SH.targetClass):
            targets_en.append(f"every instance of {w.en(c)}")
            targets_zh.append(f"{w.zh(c)}的每个实例")
        for p in shapes.objects(s, SH.targetSubjectsOf):
            targets_en.append(f"every subject of {w.en(p)}")
            targets_zh.append(f"每个使用{w.zh(p)}的主体")
        if targets_en:
            applies = ("; ".join(sorted(targets_en)), "；".join(sorted(targets_zh)))
        else:
            applies = ("no target of its own: other shapes refer to it", "自身没有目标，由其他形状引用")
        rules = _value_rules(shapes, w, s, "the node", "该节点")
        for ps in sorted(shapes.objects(s, SH.property), key=lambda n: (isinstance(n, BNode), str(shapes.value(n, SH.name) or n))):
            rules.extend(_property_rules(shapes, w, ps))
        curie = _curie(s)
        out.append(
            ShapeDoc(
                iri=str(s),
                curie=curie,
                anchor=_anchor(curie),
                name=str(shapes.value(s, SH.name) or curie),
                summary=str(shapes.value(s, RDFS.comment) or ""),
                applies=applies,
                rules=list(dict.fromkeys(rules)),
            )
        )
    return out
