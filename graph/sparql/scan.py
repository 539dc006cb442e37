"""A SPARQL query's outline from its tokens, without a parser.

The endpoint must know, before it hands a query to Oxigraph, what kind of
query it is (to choose a result format), which graphs its ``FROM`` and
``FROM NAMED`` clauses name, and whether it is an update or reaches another
endpoint with ``SERVICE`` (both refused). rdflib's parser answers all of
that but takes 15-80 ms per query, holds a lock, recurses (40 nested groups
or 100 triple patterns exceed Python's recursion limit) and cannot be
stopped. A tokenizer is enough for these questions and runs in linear time:
strings, IRIs, comments, variables and prefixed names are single tokens, so
a keyword inside a literal or an IRI is never mistaken for one, and the
codepoint escapes (``\\u0053ERVICE``) are decoded first, as SPARQL 1.1
(section 19.2) says a parser must.

Oxigraph parses the query properly when it runs it; a syntax error is
reported from there.

>>> outline("PREFIX ex: <http://e/> SELECT * FROM ex:g WHERE { ?s ?p 'SERVICE' }")
Outline(kind='SELECT', operation=None, from_graphs=('http://e/g',), from_named=(), service=None, base=None)
>>> outline("select * where { serv\\\\u0069ce <http://elsewhere/sparql> { ?s ?p ?o } }").service
'<http://elsewhere/sparql>'
>>> outline("DROP SILENT DEFAULT").operation
'DROP'
>>> outline("insert data { <http://e/a> <http://e/b> 1 }").operation
'INSERT DATA'
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass

__all__ = ["Outline", "outline", "tokens", "unescape_codepoints"]

_ESCAPE = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")

_TOKEN = re.compile(
    r"""
      (?P<space>\s+)
    | (?P<comment>\#[^\n\r]*)
    | (?P<string>'''(?:[^'\\]|\\.|'(?!''))*'''|\"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"|'(?:[^'\\\n\r]|\\.)*'|"(?:[^"\\\n\r]|\\.)*")
    | (?P<iri><[^<>"{}|^`\\\x00-\x20]*>)
    | (?P<var>[?$][\w\u00b7\u0300-\u036f\u203f-\u2040]+)
    | (?P<pname>(?:[A-Za-z\u00c0-\uffff][\w.\-\u00b7\u00c0-\uffff]*)?:(?:[\w\-:%.\u00b7\u00c0-\uffff\\]*[\w\-:%\u00b7\u00c0-\uffff])?)
    | (?P<word>[A-Za-z_][\w]*)
    | (?P<other>.)
    """,
    re.VERBOSE | re.DOTALL,
)

_KINDS = ("SELECT", "ASK", "CONSTRUCT", "DESCRIBE")
_UPDATES = {
    "INSERT": "INSERT",
    "DELETE": "DELETE",
    "LOAD": "LOAD",
    "CLEAR": "CLEAR",
    "DROP": "DROP",
    "CREATE": "CREATE",
    "ADD": "ADD",
    "MOVE": "MOVE",
    "COPY": "COPY",
    "WITH": "DELETE/INSERT",
}


@dataclass(frozen=True)
class Outline:
    """What the tokens of a query tell: its kind (or the update it is),
    the graphs its dataset clause names, the first SERVICE it uses and its
    BASE."""

    kind: str | None
    operation: str | None
    from_graphs: tuple[str, ...]
    from_named: tuple[str, ...]
    service: str | None
    base: str | None


def unescape_codepoints(text: str) -> str:
    r"""Decode ``\uXXXX`` and ``\UXXXXXXXX`` everywhere (SPARQL 1.1, 19.2).

    >>> unescape_codepoints(r"SERV\u0049CE")
    'SERVICE'
    """
    if "\\u" not in text and "\\U" not in text:
        return text

    def decode(m: re.Match[str]) -> str:
        code = int(m.group(1) or m.group(2), 16)
        return chr(code) if code <= 0x10FFFF and not 0xD800 <= code <= 0xDFFF else m.group(0)

    return _ESCAPE.sub(decode, text)


def tokens(text: str) -> Iterator[tuple[str, str]]:
    """(kind, text) of every token but spaces and comments.

    >>> [t for _, t in tokens("ASK { ?s <http://e/p> 'a # b' } # end")]
    ['ASK', '{', '?s', '<http://e/p>', "'a # b'", '}']
    """
    for m in _TOKEN.finditer(text):
        kind = m.lastgroup or "other"
        if kind not in ("space", "comment"):
            yield kind, m.group(0)


def _expand(token: tuple[str, str], prefixes: Mapping[str, str]) -> str | None:
    kind, value = token
    if kind == "iri":
        return value[1:-1]
    if kind == "pname":
        prefix, _, local = value.partition(":")
        namespace = prefixes.get(prefix)
        return None if namespace is None else namespace + local
    return None


def outline(text: str, prefixes: Mapping[str, str] | None = None) -> Outline:
    """The outline of ``text`` (see the module docstring).

    Parameters
    ----------
    text : str
        A SPARQL query or update.
    prefixes : mapping, optional
        Prefixes declared in advance (a query's own ``PREFIX`` wins).
    """
    declared = dict(prefixes or {})
    toks = list(tokens(unescape_codepoints(text)))
    kind = operation = service = base = None
    from_graphs: list[str] = []
    from_named: list[str] = []
    i = 0
    while i < len(toks):
        word = toks[i][1].upper() if toks[i][0] == "word" else None
        if word == "PREFIX" and i + 2 < len(toks) and toks[i + 1][0] == "pname" and toks[i + 2][0] == "iri":
            declared[toks[i + 1][1].rstrip(":").split(":")[0]] = toks[i + 2][1][1:-1]
            i += 3
            continue
        if word == "BASE" and i + 1 < len(toks) and toks[i + 1][0] == "iri":
            base = toks[i + 1][1][1:-1]
            i += 2
            continue
        if kind is None and operation is None:
            if word in _KINDS:
                kind = word
            elif word in _UPDATES:
                operation = _UPDATES[word]
                following = toks[i + 1][1].upper() if i + 1 < len(toks) and toks[i + 1][0] == "word" else ""
                if word in ("INSERT", "DELETE"):
                    if following == "DATA":
                        operation = f"{word} DATA"
                    elif word == "DELETE" and following == "WHERE":
                        operation = "DELETE WHERE"
                    else:
                        operation = "DELETE/INSERT"
        if word == "SERVICE" and service is None:
            target = toks[i + 1] if i + 1 < len(toks) else ("other", "")
            if target[0] == "word" and target[1].upper() == "SILENT" and i + 2 < len(toks):
                target = toks[i + 2]
            service = target[1] or "(nothing)"
        if word == "FROM" and kind is not None and i + 1 < len(toks):
            named = toks[i + 1][0] == "word" and toks[i + 1][1].upper() == "NAMED"
            target_token = toks[i + 2] if named and i + 2 < len(toks) else toks[i + 1]
            iri = _expand(target_token, declared)
            if iri is not None:
                (from_named if named else from_graphs).append(iri)
        i += 1
    return Outline(kind, operation, tuple(from_graphs), tuple(from_named), service, base)
