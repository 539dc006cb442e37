"""Records: the entries of a list notice, one per line or per 、-item.

A 认定名单 or 公示 lists what was designated as entries, not sentences: numbered
lines (``1. 某某科技有限公司（某某产业园）``, ``（2）某某中心 依托单位：某某大学；领域：…``),
lines of cells under a header line, lines holding one name each, or a 、-separated
run of names under a heading. Each entry is a :class:`Record`: its main name (an
organisation, platform or park, known by its suffix), then its fields — bracketed
parts, space-separated cells and ``键：值`` parts — each typed

* by its key or by the header cell above its column, both read with the column
  words of ``data/lexicon/columns.tsv`` (依托单位 → carrier, 所在园区 → park,
  所属产业 → industry, 领域 → field, 负责人 → person …);
* else by the suffix of the name it holds (有限公司, 产业园, 大学 …), or as a designation
  of its own when it reads as one (江南省制造业单项冠军企业);
* else, inside a platform's brackets after its host (``某某中心（某某大学，新材料）``)
  or a park's brackets (``某某产业园（新型显示）``), as its field.

A line that runs on as prose (a clause with 。, a long cell) is no record.

The designation every record holds is the one its group heading names
(``一、国家级专精特新“小巨人”企业（3家）``: a heading whose body starts with a level or
place and ends with a ``record-designation`` word of ``cues.tsv``); under a heading that
names none (``一、武汉市（4家）``) it is the one the notice's title or preamble names
(``认定…等9家单位为2025年度湖北省工程技术研究中心``). A heading naming a park
(``（二）某某产业园``) places the records under it.

:func:`read_records` reads the text alone: :mod:`graph.extract.mentions` turns the
typed fields and designations into mentions, :mod:`graph.extract.relations` the
records into relations (:func:`graph.extract.relations.record_relations`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

from graph.extract.cues import load_cues
from graph.extract.lexicon import Lexicon, load_lexicon
from graph.model import Sentence
from graph.text.cells import BLANK_CELL, YEAR
from graph.text.memo import per_document

__all__ = ["Field", "Designation", "Record", "read_records", "designation_scope", "column_consensus", "RECORD_CLASSES"]

_CUES = load_cues()

#: the classes a record's main name may have
RECORD_CLASSES = frozenset({"Enterprise", "Platform", "ResearchInstitute", "University", "Park"})
_ORG = frozenset({"Enterprise", "University", "ResearchInstitute"})

# the numbering that opens an entry: 1. 1、 1） （1） ① ● 第一，(a decimal 2.5 is no numbering)
#: The name line of one organisation's record (公司名称：…, 2、企业名称：…, 名称：…): the fields
#: under it (注册资本, 成立日期, 注册地址 …) are that organisation's. ``match`` it at a line's start
#: (an optional 1、/一、 numbering first) or ``search`` a line for it.
NAME_FIELD = re.compile(r"(?:^\s*(?:[\d一二三四五六七八九十]+\s*[、.．]\s*)?)?(?:公司|企业|单位|机构)?名称\s*[：:]\s*")
_ITEM = re.compile(r"^(?:\d{1,3}\s*[.．、)）](?!\d)|[（(]\d{1,3}[）)]|[①-⑳]|[●•·■□▪◆◇▶►]|—{1,2}(?=\S)|-(?=\D)|第[一二三四五六七八九十\d]{1,3}[、，,.．：:\s])\s*")
# the numbering that opens a group heading: 一、 （一） 第一部分
_HEADING = re.compile(r"^(?:[一二三四五六七八九十]{1,3}[、.．]|[（(][一二三四五六七八九十]{1,3}[）)]|第[一二三四五六七八九十\d]{1,3}(?:部分|类|批|组)[、：:\s]?)\s*")
_COUNT_TAIL = re.compile(r"\s*[（(]\s*(?:共|计)?\s*(?:\d+|[一二三四五六七八九十两]+)\s*[家个项所名户类]\s*[）)]\s*[：:]?$")
_DESIGNATE = _CUES.alternation("record-designate")
_ENLIST = _CUES.alternation("record-enlist")
# what may open a designation and is not part of it: 关于, a batch, a year, 拟认定为
_LEAD = re.compile(rf"^(?:关于|公布|公示|第[一二三四五六七八九十\d]+批|{YEAR}\s*年度?|拟?(?:{_DESIGNATE}|{_ENLIST})为?|拟)*")
_YEAR_LEAD = re.compile(rf"({YEAR})\s*年度?")
_LEVEL_WORD = re.compile(r"级?")
_COORDINATED = re.compile(r"[和及与、]")
# a designation starts with its level or its place: 国家级…, 广东省…, 佛山市…
_LEVELLED = re.compile(r"^(?:国家|省级|市级|区级|县级|[\u4e00-\u9fff]{1,5}?[省市区县州])")
_TRAILING_LIST = re.compile(r"(?:" + _CUES.alternation("list-title") + r"|的通知|的公示|的公告)+$")
_NAMED = r"([^，。；;、：:（()“”]{4,30}?)"
# 认定…等9家单位为2025年度湖北省工程技术研究中心 / 入选2025年度某某名单 / 拟认定的某某名单
_DESIGNATED_AS = re.compile(rf"{_DESIGNATE}[^。；;]{{0,80}}?为\s*(?:{YEAR}\s*年度?)?{_NAMED}(?=[，。；;、（(：:]|$)"
                            rf"|{_ENLIST}\s*(?:{YEAR}\s*年度?)?{_NAMED}(?:认定|拟认定|公示|推荐)?名单"
                            rf"|认定的\s*(?:{YEAR}\s*年度?)?{_NAMED}名单")
# 关于认定2025年度某某中心的通知 / 关于公布某某名单的通知
_TITLED = re.compile(rf"关于(?:公布|公示|拟?{_DESIGNATE})?\s*(?:{YEAR}\s*年度?)?([^，。；;、：:（()]{{4,40}}?)(?:的?(?:拟?认定|{_ENLIST}|推荐|公示)?名单)?的(?:通知|公示|公告|决定)")
_DISPLAY_LIST = re.compile(r"名单|如下|等\s*(?:\d+|[一二三四五六七八九十两]+)\s*[家个项所]")
# a main name: Han, Latin and digits up to a delimiter; brackets inside a name (博仑精密零部件（烟台）有限公司) kept
_MAIN = re.compile(r"(?:(?!——)[^\s（(，,；;：:、。|｜]|[（(][^）)\s]{1,8}[）)](?=[^\s，,；;：:、。（(|｜]))+")
_PARTS = re.compile(r"[^，,、；;：:/|｜—·•\s]+")
# a key's value: up to a delimiter or a closing bracket, brackets inside a name kept (某某（烟台）有限公司)
_VALUE = re.compile(r"(?:[^；;，,\s（()）|｜]|[（(][^）)]*[）)])*")
_BRACKET_PART = re.compile(r"(?:[^，,、；;：:/|｜—·•\s（(]|[（(][^）)]{1,8}[）)])+")
_CLAUSE = re.compile(r"[，。；;]")
_CLAUSE_OR_KEY = re.compile(r"[，。；;：:]")
# a verb that makes a run of names a clause: 位于, 建有, 共建, 被认定为, 入选
_CLAUSE_CUE = _CUES.pattern("record-clause")
_BRACKET_COLUMN = 100  # the column of a record's first bracketed part, for columns read by consensus
_MAX_CELL = 24  # a longer cell is a clause: the line is prose, not a record
_SHORT_FIELD = re.compile(r"[\u4e00-\u9fff]{2,10}")
_PERSON = re.compile(r"[\u4e00-\u9fff·]{2,5}")


@dataclass(frozen=True, slots=True)
class Field:
    """One typed part of a record: its text, role, class and offsets in the cleaned text.

    ``role`` is a column role (``name``, ``carrier``, ``operator``, ``park``, ``site``,
    ``industry``, ``product``, ``person`` …), ``org`` for an unkeyed organisation, or
    ``''`` when nothing types it; ``key`` is the key or header word that typed it
    (负责人), and ``strong`` says it was typed by a key or header (the reading wins
    over others of the same span)."""

    text: str
    role: str
    cls: str | None
    sentence: int
    start: int
    end: int
    key: str = ""
    strong: bool = False
    column: int = -1  # the position of an unkeyed cell in its row, bracketed parts after the others (for columns read by consensus)


@dataclass(frozen=True, slots=True)
class Designation:
    """The designation a list's records hold: its name and span (sentence, offsets in the cleaned text)."""

    name: str
    sentence: int
    start: int
    end: int
    year: int | None = None  # the list's year (2025年度…)


@dataclass(frozen=True, slots=True)
class Record:
    """One entry of a list: its main name, fields, the designation and park its heading gives."""

    name: Field
    fields: tuple[Field, ...]
    designation: Designation | None
    park: Field | None = None
    block: int = -1  # the list block (records under one heading or header) it belongs to


@dataclass(slots=True)
class _Scope:
    """What a group heading gives the records under it."""

    designation: Designation | None = None
    park: Field | None = None
    header: list[tuple[str, str]] | None = None  # (role, header word) per column of a header line
    open: bool = False  # a heading or a record just before: a bare line of names is a list line


@lru_cache(maxsize=4)
def _key_pattern(columns: tuple[tuple[str, str], ...]) -> re.Pattern[str]:
    """``键：`` for every column word (longest first), at a line's or a part's start."""
    words = sorted({w for w, _ in columns}, key=len, reverse=True)
    return re.compile(r"(?:^|(?<=[\s；;，,、（(—|｜]))(" + "|".join(map(re.escape, words)) + r")\s*[：:]\s*")


def _column(word: str, lex: Lexicon) -> tuple[str, str | None]:
    """(role, class) of a key or header word, by the longest column word it ends with."""
    for w, role in lex.columns:
        if word.endswith(w):
            role, _, cls = role.partition(":")
            return role, cls or None
    return "", None


def _designation_name(body: str, lex: Lexicon | None = None) -> str | None:
    """``body`` as a designation, without its batch and year, or None: a levelled name ending in a
    ``record-designation`` word (国家级…企业, 佛山市创新型中小企业), or one ending in an honour word of
    the lexicon (专精特新“小巨人”企业)."""
    body = _TRAILING_LIST.sub("", _LEAD.sub("", body.strip()))
    if len(body) < 4 or _COORDINATED.search(body):
        return None  # 企业技术中心和专精特新中小企业: two designations, which one a record holds is not said
    if _LEVELLED.match(body) and _CUES.ends_with("record-designation").search(body):
        return body
    honours = (lex or load_lexicon()).honour_suffixes
    return body if any(body.endswith(h) and len(h) >= 4 for h in honours) else None


def _year(text: str) -> int | None:
    """The year a list's lead gives (2025年度), if any."""
    m = _YEAR_LEAD.search(text)
    return int(m.group(1)) if m else None


def _heading(s: Sentence, lex: Lexicon) -> _Scope | None:
    """The scope a group heading opens (its designation or park), or None if ``s`` is no heading.

    A heading is short, has no clause, and opens with a group numbering (一、 （一）) or
    closes with a count (（3家）) or a colon."""
    text = s.text.strip()
    if len(text) > 40 or _CLAUSE.search(text):
        return None
    num = _HEADING.match(text)
    count = _COUNT_TAIL.search(text)
    if not (num or count or text.endswith(("：", ":")) or _TRAILING_LIST.search(text)):
        return None
    a = num.end() if num else 0
    b = count.start() if count else len(text.rstrip("：:"))
    body = text[a:b]
    lead = _LEAD.match(body)
    name = _designation_name(body, lex)
    if name is not None:
        at = body.find(name, lead.end() if lead else 0)
        return _Scope(Designation(name, s.index, s.start + a + at, s.start + a + at + len(name), _year(body[:at])))
    if lex.name_class(body) == "Park":
        return _Scope(park=Field(body, "park", "Park", s.index, s.start + a, s.start + b, strong=True))
    return _Scope()


def _generic_kind(text: str, lex: Lexicon) -> bool:
    """A level or place and a bare kind word (省级企业技术中心, 国家级科技企业孵化器): a designation
    a unit holds, not the name of a unit of its own."""
    level = _LEVELLED.match(text)
    return level is not None and lex.suffix_re.fullmatch(text, _LEVEL_WORD.match(text, level.end()).end()) is not None


def _lead_in(text: str, heading: _Scope) -> bool:
    """A heading-like line that opens no group of its own (名单如下：): no group numbering, no count,
    and it names no designation or park — the group above goes on under it."""
    return heading.designation is None and heading.park is None and not _HEADING.match(text) and not _COUNT_TAIL.search(text)


def _document_designation(sentences: Sequence[Sentence], before: int) -> Designation | None:
    """The designation a notice's title or preamble gives its lists (认定…为X, 关于认定X的通知),
    read in the lines before sentence ``before`` that display a list (名单, 如下, 等N家) or title it."""
    found: list[Designation] = []
    for k, s in enumerate(sentences):
        if s.index >= before:
            break
        if k > 1 and not _DISPLAY_LIST.search(s.text):
            continue
        for rx in (_DESIGNATED_AS, _TITLED):
            for m in rx.finditer(s.text):
                g = next(i for i in range(1, (m.lastindex or 1) + 1) if m.group(i) is not None)
                name = _designation_name(m.group(g))
                if name is not None:
                    at = m.start(g) + m.group(g).find(name)
                    found.append(Designation(name, s.index, s.start + at, s.start + at + len(name), _year(s.text[max(0, at - 8) : at])))
    if not found:
        return None
    return max(found, key=lambda d: d.start)  # the preamble's, nearest the lists


def _header(text: str, lex: Lexicon) -> list[tuple[str, str]] | None:
    """A header line (序号 企业名称 所属领域 所在区): (role, word) per cell, or None."""
    if len(text) > 60 or " " not in text or _CLAUSE_OR_KEY.search(text):
        return None
    cells = text.split()
    if len(cells) < 2:
        return None
    numbered = cells[0] in ("序号", "编号")
    roles = [(_column(c, lex)[0], c) for c in cells[1:] if numbered] if numbered else [(_column(c, lex)[0], c) for c in cells]
    if not roles or roles[0][0] != "name" or sum(1 for r, _ in roles if r) < 2:
        return None
    return roles


def _typed(text: str, start: int, s: Sentence, lex: Lexicon, role: str = "", key: str = "", cls: str | None = None) -> Field | None:
    """A field for ``text`` at ``start``: typed by its key/header role, else by its suffix."""
    text = text.strip()
    if not text or BLANK_CELL.fullmatch(text):
        return None
    named = lex.name_class(text)
    if role:
        if role == "person":
            return Field(text, role, "Person", s.index, start, start + len(text), key, True) if _PERSON.fullmatch(text) else None
        if role == "park":
            cls = "Park"
        elif role == "site":
            cls = "Park" if named == "Park" else None
        elif role in ("industry", "field"):
            cls = "Industry"
        elif role == "product":
            cls = "Product"
        elif role in ("carrier", "operator", "holder", "customer", "supplier", "subsidiary"):
            cls = named or "Enterprise"
        elif role == "name":
            cls = cls or named
        else:
            cls = None
        return Field(text, role, cls, s.index, start, start + len(text), key, True) if cls else None
    if named == "Park":
        return Field(text, "park", "Park", s.index, start, start + len(text))
    if named in _ORG:
        return Field(text, "org", named, s.index, start, start + len(text))
    if named is not None and not _generic_kind(text, lex):
        return Field(text, named.lower(), named, s.index, start, start + len(text))
    if _designation_name(text, lex) == text or named is not None:  # 国家级专精特新“小巨人”企业: the entry's own designation
        return Field(text, "honour", "Honour", s.index, start, start + len(text))
    return Field(text, "", None, s.index, start, start + len(text))


def _key_values(s: Sentence, a: int, b: int, lex: Lexicon) -> tuple[list[Field], list[tuple[int, int]]]:
    """The ``键：值`` parts of ``s.text[a:b]`` as fields, and the spans they take."""
    fields: list[Field] = []
    spans: list[tuple[int, int]] = []
    keys = list(_key_pattern(lex.columns).finditer(s.text, a, b))
    for i, k in enumerate(keys):
        end = keys[i + 1].start() if i + 1 < len(keys) else b
        value = _VALUE.match(s.text[k.end() : end]).group()
        role, cls = _column(k.group(1), lex)
        f = _typed(value, s.start + k.end(), s, lex, role, k.group(1), cls)
        if f is not None:
            fields.append(f)
        spans.append((k.start(), k.end() + len(value)))
    return fields, spans


def _brackets(text: str, a: int, b: int) -> list[tuple[int, int]]:
    """The outermost bracketed parts of ``text[a:b]``, as (inner start, inner end); a bracket
    inside them (某某（烟台）有限公司) stays inside."""
    out = []
    depth = opened = 0
    for i in range(a, b):
        ch = text[i]
        if ch in "（(":
            if depth == 0:
                opened = i + 1
            depth += 1
        elif ch in "）)" and depth:
            depth -= 1
            if depth == 0:
                out.append((opened, i))
    return out


def _runs_on(text: str, a: int, b: int, taken: list[tuple[int, int]], keys: re.Pattern[str]) -> bool:
    """Whether ``text[a:b]``, brackets and ``键：值`` parts aside, goes on with a comma: a clause
    (，系公司全资子公司，注册资本…), not cells (cells are parted by spaces, ； or 、, and a comma
    may part two ``键：值`` parts)."""
    inside = _brackets(text, a, b)
    for i in range(a, b):
        if text[i] in "，," and not any(x <= i < y for x, y in (*taken, *inside)) and not keys.match(text, i + 1):
            return True
    return False


def _bracket_parts(text: str, a: int, b: int) -> list[re.Match[str]]:
    """The parts of a bracketed field ``text[a:b]``, a name's own bracket (（烟台）) kept in it."""
    return list(_BRACKET_PART.finditer(text, a, b))


def _fields(s: Sentence, a: int, b: int, lex: Lexicon, main_cls: str | None,
            header: list[tuple[str, str]] | None) -> list[Field] | None:
    """The fields of ``s.text[a:b]`` (what follows a record's main name), or None if it runs on as prose."""
    text = s.text
    if "。" in text[a:b].rstrip("。 "):
        return None
    fields, taken = _key_values(s, a, b, lex)
    cells: list[tuple[str, int, bool]] = []  # (text, offset in s.text, inside brackets)
    pos = a
    for x, y in _brackets(text, a, b):
        cells += [(m.group(), m.start(), False) for m in _PARTS.finditer(text, pos, x - 1)]
        cells += [(m.group(), m.start(), True) for m in _bracket_parts(text, x, y)]
        pos = y + 1
    cells += [(m.group(), m.start(), False) for m in _PARTS.finditer(text, pos, b)]
    cells = [c for c in cells if not any(x <= c[1] < y for x, y in taken)]
    if any(len(c) > _MAX_CELL for c, _, _ in cells) or _runs_on(text, a, b, taken, _key_pattern(lex.columns)):
        return None
    columns = header[1:] if header and len(header) - 1 == len(cells) else None
    host_seen = any(f.role in ("carrier", "operator") for f in fields)
    column = bracket_part = 0
    for i, (cell, at, bracketed) in enumerate(cells):
        if columns is not None and columns[i][0]:
            f = _typed(cell, s.start + at, s, lex, columns[i][0], columns[i][1])
        else:
            f = _typed(cell, s.start + at, s, lex)
            if f is not None and not f.role and bracketed and _SHORT_FIELD.fullmatch(cell) and (
                    main_cls == "Park" or main_cls == "Platform" and host_seen):
                # 某某中心（某某大学，新材料）, 某某产业园（新型显示）: a short bare phrase in the brackets is its field
                f = Field(f.text, "field", "Industry", f.sentence, f.start, f.end)
        if f is not None and not f.role:  # a bracket's parts count as columns of their own (100, 101 …)
            f = replace(f, column=_BRACKET_COLUMN + bracket_part if bracketed else column)
        column += not bracketed
        bracket_part += bracketed
        if f is not None:
            host_seen = host_seen or f.role == "org"
            fields.append(f)
    return fields


def _record(s: Sentence, a: int, lex: Lexicon, scope: _Scope, doc: Designation | None, end: int | None = None) -> Record | None:
    """The record ``s.text[a:end]`` holds, if it opens with a name of a record class and runs on as no prose."""
    text = s.text
    b = len(text) if end is None else end
    keys = _key_pattern(lex.columns)
    first = keys.match(text, a)
    if first is not None:  # 企业名称：某某有限公司；所在园区：…
        fields, _ = _key_values(s, a, b, lex)
        names = [f for f in fields if f.role == "name" and f.cls in RECORD_CLASSES]
        if not names:
            return None
        return Record(names[0], tuple(f for f in fields if f is not names[0]), scope.designation or doc, scope.park)
    main = _MAIN.match(text, a, b)
    if main is None:
        return None
    cls = lex.name_class(main.group())
    if cls not in RECORD_CLASSES or _CLAUSE_CUE.search(main.group()):
        return None  # (某某有限公司位于某某产业园, 某某公司与某某大学共建某某中心: a clause, not a name)
    name = Field(main.group(), "name", cls, s.index, s.start + main.start(), s.start + main.end())
    fields = _fields(s, main.end(), b, lex, cls, scope.header)
    if fields is None:
        return None
    return Record(name, tuple(fields), scope.designation or doc, scope.park)


# …、D等一批骨干企业。: a run that closes on 等 and a kind of unit is a sentence naming examples, not a list of entries
_EXAMPLES_CLOSE = re.compile(r"等[^、，,；;。]{0,10}?(?:企业|单位|公司|机构|高校|院所|项目)[。；;]?\s*$")


def _run(s: Sentence, lex: Lexicon, scope: _Scope, doc: Designation | None) -> list[Record]:
    """A 、- or ；-separated run of entries (A、B（某某大学，新材料）、C): a record per item, or none
    unless every item is one (nor when the run closes on 等…企业, as a sentence naming examples does)."""
    if _EXAMPLES_CLOSE.search(s.text):
        return []
    for separators in ("、", "；;", ""):  # a run of two or more items, else the line as one entry
        out = _split_run(s, separators, lex, scope, doc)
        if len(out) >= 2 or out and not separators:
            return out
    return []


def _split_run(s: Sentence, separators: str, lex: Lexicon, scope: _Scope, doc: Designation | None) -> list[Record]:
    """The records of ``s`` cut at ``separators`` outside brackets, or none unless every item is one."""
    text = s.text
    cuts = [-1]
    depth = 0
    for i, ch in enumerate(text):
        depth += ch in "（(" and 1 or (-1 if ch in "）)" else 0)
        if ch in separators and depth == 0:
            cuts.append(i)
    cuts.append(len(text.rstrip("。；; ")))
    out = []
    for x, y in zip(cuts, cuts[1:]):
        rec = _record(s, x + 1, lex, scope, doc, y)
        if rec is None:
            return []
        out.append(rec)
    return out


@per_document
def read_records(sentences: Sequence[Sentence], lex: Lexicon | None = None) -> list[Record]:
    """Every record of the list blocks of a document.

    A numbered line is a record when it opens with a name (after its numbering); so is a
    line of names, or a 、-run of them, right under a heading or another record. A line
    that opens with a key (依托单位：…) right under a record adds its fields to it.

    Examples
    --------
    >>> from graph.text.clean import clean_text
    >>> from graph.text.segment import split_sentences
    >>> text = "一、省级专精特新中小企业（2家）\\n1. 某某精工机械有限公司（北岸智造产业园）\\n2. 某某新材料有限公司（南湖新材料产业园）\\n"
    >>> recs = read_records(split_sentences(clean_text(text)))
    >>> [(r.name.text, [(f.role, f.text) for f in r.fields], r.designation.name) for r in recs][0]
    ('某某精工机械有限公司', [('park', '北岸智造产业园')], '省级专精特新中小企业')
    """
    lex = lex or load_lexicon()
    keys = _key_pattern(lex.columns)
    first_item = next((s.index for s in sentences if _ITEM.match(s.text) or _header(s.text, lex)), None)
    doc = _document_designation(sentences, first_item) if first_item is not None else None
    out: list[Record] = []
    scope = _Scope()
    last: int | None = None  # the record a key line right below adds to
    block = 0
    for s in sentences:
        text = s.text
        heading = _heading(s, lex) if not _ITEM.match(text) or _HEADING.match(text) else None
        if heading is not None:
            if _lead_in(text, heading):  # 名单如下： under a group heading: the group goes on
                heading.designation, heading.park = scope.designation, scope.park
            scope, last, block = heading, None, block + 1
            scope.open = True
            continue
        header = _header(text, lex)
        if header is not None:
            scope.header, scope.open, last, block = header, True, None, block + 1
            continue
        item = _ITEM.match(text)
        if item:
            rec = _record(s, item.end(), lex, scope, doc)
            if rec is not None:
                out.append(replace(rec, block=block))
                last, scope.open = len(out) - 1, True
                continue
        elif last is not None and keys.match(text):
            fields = _fields(s, 0, len(text), lex, out[last].name.cls, None)
            if fields is not None:
                out[last] = replace(out[last], fields=out[last].fields + tuple(f for f in fields if f.column < 0))
                continue
        elif scope.open:
            run = _run(s, lex, scope, doc)
            if run:
                out += [replace(r, block=block) for r in run]
                last = len(out) - 1 if len(run) == 1 else None
                continue
        # a lead-in closing with a colon (…名单如下：) opens a list; any other line of prose closes one
        scope.open, scope.header, last, block = text.endswith(("：", ":")), None, None, block + 1
    return out


def designation_scope(sentences: Sequence[Sentence], lex: Lexicon | None = None) -> dict[int, Designation]:
    """sentence index → the designation a group heading above it names, for the lines of
    its group (a table's rows under ``二、广东省专精特新中小企业（5家）``); under a heading that
    names none (``二、襄阳市（3家）``), the one the notice's title or preamble names."""
    lex = lex or load_lexicon()
    out: dict[int, Designation] = {}
    current: Designation | None = None
    first = next((s.index for s in sentences if _ITEM.match(s.text) or _header(s.text, lex)), None)
    doc = _document_designation(sentences, first) if first is not None else None
    for s in sentences:
        heading = _heading(s, lex) if not _ITEM.match(s.text) or _HEADING.match(s.text) else None
        if heading is not None:
            if not _lead_in(s.text, heading):
                current = heading.designation or doc
            continue
        if current is not None:
            out[s.index] = current
    return out


def column_consensus(records: Sequence[Record], classes: dict[tuple[int, int], str], lex: Lexicon | None = None) -> list[Field]:
    """The unkeyed cells of a headerless list whose column the other readings agree on.

    ``classes`` gives the class found at a span by other means. In a block of two or more
    records, a column of short bare cells some of which are read as industries (or products),
    or name a sector word of the industry lexicon (装备, 半导体), and none as anything else nor
    as a place (顺德区), is a column of industries (products): its other cells are typed alike
    (``1、某某有限公司  精密模具  顺德区`` under ``2、某某有限公司  环保装备  南海区``)."""
    lex = lex or load_lexicon()
    sector = _sector_words(lex)
    by_column: dict[tuple[int, int], list[Field]] = {}
    for r in records:
        for f in r.fields:
            if f.column >= 0 and not f.role:
                by_column.setdefault((r.block, f.column), []).append(f)
    out: list[Field] = []
    for cells in by_column.values():
        if len(cells) < 2:
            continue
        if not all(_SHORT_FIELD.fullmatch(f.text) and not _PLACE_CELL.search(f.text) for f in cells):
            continue
        seen = {classes[(f.start, f.end)] for f in cells if (f.start, f.end) in classes}
        if not seen and any(sector.search(f.text) for f in cells):
            seen = {"Industry"}
        if len(seen) != 1 or not seen <= {"Industry", "Product"}:
            continue
        cls = seen.pop()
        role = "industry" if cls == "Industry" else "product"
        out += [replace(f, role=role, cls=cls) for f in cells if (f.start, f.end) not in classes and _SHORT_FIELD.fullmatch(f.text)]
    return out


_PLACE_CELL = re.compile(r"[省市区县镇乡州旗]$|街道$")


def _sector_words(lex: Lexicon) -> re.Pattern[str]:
    """Any industry name or keyword of the lexicon (a sector word a field names)."""
    return _sector_pattern(tuple(w for i in lex.industries for w in (i.zh, *i.keywords) if len(w) >= 2))


@lru_cache(maxsize=4)
def _sector_pattern(words: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile("|".join(map(re.escape, sorted(set(words), key=len, reverse=True))))
