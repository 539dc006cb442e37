"""List tables written as lines: the rows of a 公示 or 名单 notice.

A notice lists what was designated in tables: a caption (``一、2024年度某市
工程技术研究中心认定名单（8家）``), a header (``序号 名称 依托单位 所属园区
所属产业``) and numbered rows whose cells are separated by spaces
(:func:`graph.text.clean.clean_text` keeps those spaces; a row whose cells
are parted by pipes, ``| 1 | 某某有限公司 | 某某产业园 |``, full-width pipes,
tabs or runs of spaces arrives the same way, its cells joined by one space and
its rule lines dropped). Prose rules read such rows badly, since a row has no
verbs; here a row is read by its columns.

What a header cell means is data: ``data/lexicon/columns.tsv`` maps header
words to roles (``name``, ``name:<Class>`` for 项目名称/专利名称/产品名称,
``carrier`` (建设单位: a listed project's builder), ``operator``, ``park``,
``site`` (建设地点), ``industry``, ``kind``, ``holder`` (专利权人), ``content``
(建设内容及规模), ``customer``, ``supplier``, ``subsidiary``; a header with a
unit in brackets, 在孵企业（家）, or a share, 占营业收入比例, is a ``measure``),
and the words that end a caption naming the honour of every row are the
``list-title`` cue family of ``cues.tsv`` (customer, supplier and subsidiary
columns count only under a ``customer-table``/``supplier-table``/
``subsidiary-table`` caption). :func:`read_tables` gives the rows with their
cells' roles and offsets; :mod:`graph.extract.mentions` turns the cells into
mentions, :mod:`graph.extract.relations` the rows into relations and
:mod:`graph.extract.observations` the figures into observations.

Tables by year or by measure (产品 项目 2024年度 2023年度; 分产品 营业收入
毛利率（%）) are read by :func:`read_year_tables`; their figures are the
company's :func:`document_company` finds (defined as 公司, or named by a
report's title).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from graph.extract.cues import load_cues
from graph.extract.lexicon import Lexicon, load_lexicon
from graph.model import Mention, Sentence
from graph.text.cells import BLANK_CELL, FIGURE_CELL, YEAR, YEAR_CELL, row_cells
from graph.text.memo import per_document

__all__ = ["Cell", "TableRow", "read_tables", "column_role", "caption_honours", "document_company", "YearRow", "read_year_tables"]

_CUES = load_cues()
_ORDINAL = re.compile(r"^(?:[表图]\s*\d{1,2}\s+|[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[）)]|\d+[、.．])\s*")
_YEAR = re.compile(rf"({YEAR})\s*年度?")
_HEADING_BAR = re.compile(r"^[^｜|，。]{1,12}[｜|]\s*")
_COUNT_TAIL = re.compile(r"[（(][^）)]*[）)]\s*$")
_PLACE_HEAD = re.compile(r"^[\u4e00-\u9fff]{1,4}?[省市县区州盟旗]")
_UNIT_LINE = re.compile(r"(?:^|[（(])(?:金额)?单位[：:]\s*([^\s，。；）)]{1,6})[）)]?$")  # 单位：万元, …（金额单位：万元）
# the measure a caption names for product rows (主营业务收入按产品类别列示如下)
_MEASURE_WORD = re.compile(r"(?:收入|营收|产值|销售额|销售金额|利润|成本|产能|产量|销量)")
_CAPTION_MEASURE = re.compile(r"([\u4e00-\u9fff]{0,6}?(?:收入|营收|产值|销售额|销售金额|利润))(?:按|分|构成|情况|如下)")
_MEASURE_COLUMN = re.compile(r"([\u4e00-\u9fff]{2,16})(?:[（(]([^）)]{1,6})[）)])?")  # 毛利率（%）
_WRAPPED = re.compile(r"[\d.\-/:：年月日\s]+")
_DEFINES_COMPANY = re.compile(r"[（(](?:以下)?简称[^）)]*?[“\"](?:本)?公司[”\"]")
_HEADER_START = re.compile(r"^(?:序号|编号)\s")
# column role → the caption cue family it needs
_COUNTERPART = {"customer": "customer-table", "supplier": "supplier-table", "subsidiary": "subsidiary-table"}
_TOTAL = frozenset({"合计", "总计"})
# 孵化场地面积（平方米）, 2024年营业收入（万元）, or the unit after a slash: 2024年研发投入/万元
_MEASURE_HEAD = re.compile(rf"^(?:({YEAR})\s*年度?)?([\u4e00-\u9fff]{{2,16}})(?:[（(]([^）)]{{1,6}})[）)]|[/／]([^/／\s]{{1,6}}))$")


@dataclass(frozen=True, slots=True)
class Cell:
    """One cell of a row: its text, role and offsets in the cleaned text."""

    text: str
    role: str
    start: int
    end: int
    label: str = ""  # a measure column's label (孵化场地面积), or a person column's word (负责人)
    unit: str = ""  # and its unit from the header's brackets (平方米, 家)
    year: int | None = None  # and the year the header gives it (2024年营业收入（万元）)


@dataclass(frozen=True, slots=True)
class TableRow:
    """A numbered row of a list table.

    Attributes
    ----------
    sentence : int
        Index of the row's sentence.
    cells : tuple of Cell
        The cells that have a role (a ``carrier`` or ``operator`` cell listing
        several units gives one cell per unit).
    honour : tuple or None
        ``(name, sentence, start, end)`` of the honour the caption names for
        this row (its span in the caption), or None.
    year : int or None
        The caption's year (``2024年度``).
    bare_class : str or None
        The class of a listed name with no suffix (``企业名称`` → Enterprise).
    kind : str
        The row's 类别 cell, if any (科技企业孵化器, 众创空间).
    """

    sentence: int
    cells: tuple[Cell, ...]
    honour: tuple[str, int, int, int] | None
    year: int | None
    bare_class: str | None
    kind: str = ""
    total: bool = False  # a 合计 row under a customer or supplier table: the document company's totals


def column_role(header: str, lex: Lexicon | None = None) -> str | None:
    """The role of a header cell, by the longest column word it ends with.

    Examples
    --------
    >>> column_role("工程技术研究中心名称"), column_role("依托单位"), column_role("孵化场地面积（平方米）")
    ('name', 'carrier', None)
    """
    return _column(header, lex)[0]


def _column(header: str, lex: Lexicon | None = None) -> tuple[str | None, str | None]:
    """The role of a header cell and the class it gives its cells (项目名称 → name, Project)."""
    lex = lex or load_lexicon()
    for word, role in lex.columns:
        if header.endswith(word):
            role, _, cls = role.partition(":")
            return role, cls or None
    return None, None


def caption_honours(caption: str) -> tuple[list[tuple[str, int, int]], int | None]:
    """The honours a list caption names, each ``(name, start, end)`` in ``caption``, and its year.

    Items joined by 和/及/、 share the first item's place (江城市科技企业孵化器和众创空间
    → 江城市科技企业孵化器, 江城市众创空间).

    Examples
    --------
    >>> caption_honours("三、2023年度江城市科技企业孵化器和众创空间认定名单（4家）")
    ([('江城市科技企业孵化器', 8, 18), ('江城市众创空间', 19, 23)], 2023)
    """
    text = _COUNT_TAIL.sub("", caption.strip())
    cue = _CUES.ends_with("list-title").search(text)
    if not cue:
        return [], None
    head = _HEADING_BAR.match(text)  # 05 公示｜2025年度…名单: a heading's rubric before a bar
    start = head.end() if head else 0
    ordinal = _ORDINAL.match(text[start:])
    body_start = start + (ordinal.end() if ordinal else 0)
    year_m = _YEAR.match(text, body_start)
    year = int(year_m.group(1)) if year_m else None
    if year_m:
        body_start = year_m.end()
    body = text[body_start : cue.start()]
    out: list[tuple[str, int, int]] = []
    place = ""
    pos = body_start
    for item in re.split(r"和|及|、|与", body):
        start = text.find(item, pos)
        pos = start + len(item)
        if len(item) < 2:
            continue
        head = _PLACE_HEAD.match(item)
        if not out and head:
            place = head.group()
        name = item if (not place or item.startswith(place)) else place + item
        out.append((name, start, start + len(item)))
    return out, year


@dataclass(frozen=True, slots=True)
class YearRow:
    """A row of a table by year (产品类别 2024年度 2023年度 …): its label, unit and figures.

    Attributes
    ----------
    sentence : int
        Index of the row's sentence.
    label : str
        What the row measures: its label cells joined (风电主轴轴承产量; a row
        whose first cell is left blank takes the one above), with the caption's
        measure where the label names only a product (风电主轴轴承主营业务收入).
    unit : str
        The unit word of bare numbers: the row's 单位 cell or the 单位：万元 line
        above the header ('' if none).
    values : tuple
        ``(year, text, start, end)`` per figure cell, offsets in the cleaned text;
        the year is None in a table whose columns are measures (分产品 营业收入
        营业成本 毛利率（%）), whose figures are of the report's year.
    columns : tuple
        In such a table, ``(label, unit)`` of each value's column.
    """

    sentence: int
    label: str
    unit: str
    values: tuple[tuple[int | None, str, int, int], ...]
    columns: tuple[tuple[str, str], ...] = ()  # per value, a measure column's label and unit (毛利率, %)


def _year_header(cells: Sequence[tuple[str, int]]) -> tuple[int, list[int]] | None:
    """(label cells, years) of a header of one to three label cells then two or more years."""
    years = [YEAR_CELL.fullmatch(c) for c, _ in cells]
    first = next((i for i, m in enumerate(years) if m), None)
    if first is None or not 1 <= first <= 3 or len(cells) - first < 2 or not all(years[first:]):
        return None
    if not all(re.fullmatch(r"[\u4e00-\u9fff]{1,8}", c) for c, _ in cells[:first]):
        return None
    return first, [int(m.group(1)) for m in years[first:]]


def _measure_header(cells: Sequence[tuple[str, int]]) -> list[tuple[str, str]] | None:
    """(label, unit) of each measure column of a header such as 分产品 营业收入 营业成本 毛利率（%）."""
    if len(cells) < 3 or not re.fullmatch(r"[\u4e00-\u9fff]{1,8}", cells[0][0]) or _HEADER_START.match(cells[0][0] + " "):
        return None
    out = []
    for c, _ in cells[1:]:
        m = _MEASURE_COLUMN.fullmatch(c)
        if m is None or YEAR_CELL.search(c):
            return None
        out.append((m.group(1), m.group(2) or ""))
    return out


def read_year_tables(sentences: Sequence[Sentence]) -> list[YearRow]:
    """Every row of a table whose columns are years or measures, with the unit the table gives.

    Examples
    --------
    >>> from graph.text.clean import clean_text
    >>> from graph.text.segment import split_sentences
    >>> text = "单位：台\\n产品 项目 2024年度 2023年度\\n数控机床 产量 1,200 980\\n销量 1,150 940\\n"
    >>> [(r.label, r.unit, [v[:2] for v in r.values]) for r in read_year_tables(split_sentences(clean_text(text)))]
    [('数控机床产量', '台', [(2024, '1,200'), (2023, '980')]), ('数控机床销量', '台', [(2024, '1,150'), (2023, '940')])]
    """
    out: list[YearRow] = []
    years: list[int | None] | None = None
    columns: list[tuple[str, str]] = []
    labels: list[str] = []
    unit = measure = carried = ""
    for k, s in enumerate(sentences):
        if years is None and " " not in s.text:
            continue  # no table is open and a header has cells apart: prose, left uncut
        cells = _split_cells(s.text)
        head = _year_header(cells)
        measured = _measure_header(cells) if head is None else None
        if measured is not None:
            head = (1, [None] * len(measured))
        if head is not None:
            labels = [c for c, _ in cells[: head[0]]]
            years = head[1]
            columns = measured or []
            before = [sentences[i].text.strip() for i in range(max(0, k - 2), k)]
            unit_line = next((m for m in map(_UNIT_LINE.search, reversed(before)) if m), None)
            unit = unit_line.group(1) if unit_line else ""
            measure = next((m.group(1) for m in map(_CAPTION_MEASURE.search, reversed(before)) if m), "")
            measure = re.sub(r"^(?:本公司|公司|发行人|企业)", "", measure)
            carried = ""
            continue
        if years is None:
            continue
        values = cells[len(cells) - len(years) :] if len(cells) > len(years) else []
        if not values or not all(FIGURE_CELL.fullmatch(v) or BLANK_CELL.fullmatch(v) for v, _ in values) or all(
                BLANK_CELL.fullmatch(v) for v, _ in values):
            years = None
            continue
        lab = [c for c, _ in cells[: len(cells) - len(years)]]
        row_unit = unit
        if "单位" in labels and len(lab) == len(labels):
            row_unit = lab.pop(labels.index("单位"))
        wanted = len(labels) - ("单位" in labels)
        if len(lab) < wanted and carried:
            lab = [carried, *lab]
        elif wanted >= 2 and len(lab) == wanted:
            carried = lab[0]
        label = "".join(lab)
        if measure and wanted == 1 and not columns and not _MEASURE_WORD.search(label):
            label = measure if label in ("合计", "总计") else label + measure
        out.append(YearRow(s.index, label, row_unit,
                           tuple((y, v, s.start + at, s.start + at + len(v)) for y, (v, at) in zip(years, values)),
                           tuple(columns)))
    return out


def document_company(sentences: Sequence[Sentence], mentions: Sequence[Mention], *, defined: bool = False) -> Mention | None:
    """The enterprise a document is about: the one it defines as 公司 or 本公司
    (``…有限公司（以下简称“启明”或“公司”）``) or whose report the title is
    (``…股份有限公司2024年年度报告``), else (unless ``defined``) the first one its
    opening lines name.

    Examples
    --------
    >>> from graph.text.clean import clean_text
    >>> from graph.text.segment import split_sentences
    >>> from graph.extract.mentions import find_mentions
    >>> sents = split_sentences(clean_text("本报讯 江城港务有限公司发布公告。湖北恒远精密轴承有限公司（以下简称“公司”）成立于2010年。"))
    >>> document_company(sents, find_mentions(sents).mentions).name
    '湖北恒远精密轴承有限公司'
    """
    firms = [m for m in mentions if m.cls == "Enterprise"]
    by_index = {s.index: s for s in sentences}
    for m in firms:
        s = by_index.get(m.sentence)
        if s is not None and _DEFINES_COMPANY.match(s.text, m.end - s.start):
            return m
    opening = {s.index for s in sentences[:3]}
    if defined:  # or a title: 某某股份有限公司2024年年度报告
        titled = [m for m in firms if m.sentence in opening and _CUES.pattern("company-report").search(
            by_index[m.sentence].text, m.end - by_index[m.sentence].start)]
        return titled[0] if titled else None
    return next((m for m in firms if m.sentence in opening), None)


def _measure_column(header: str) -> tuple[str, str, int | None] | None:
    """(label, unit, year) of a figure column: 孵化场地面积（平方米）, 2024年营业收入（万元）
    (its year), or a share, 占营业收入比例 (%)."""
    m = _MEASURE_HEAD.match(header)
    if m:
        return m.group(2), m.group(3) or m.group(4), int(m.group(1)) if m.group(1) else None
    if re.fullmatch(r"[\u4e00-\u9fff]{2,16}(?:比例|占比|比重)", header):
        return header, "%", None
    return None


def _counterparts(header: list[str | None], heard: str) -> tuple[list[str | None], str]:
    """A header's roles with customer/supplier/subsidiary columns kept only under a caption
    cue of their kind (a subsidiary caption makes the name column the subsidiary), and the cue."""
    cue = ""
    for role, family in _COUNTERPART.items():
        m = _CUES.pattern(family).search(heard)
        if role == "subsidiary" and m and "subsidiary" not in header and "name" in header:
            header = ["subsidiary" if r == "name" else r for r in header]
        if m and role in header:
            cue = cue or m.group()
        elif role in header:
            header = [None if r == role else r for r in header]
    return header, cue


def _named_header(text: str, lex: Lexicon) -> bool:
    """A header with no 序号 column: two or more cells, each a column word or a measure, the first
    naming what is listed (企业名称 所在园区 主导产品)."""
    if " " not in text:
        return False
    cells = [c for c, _ in _split_cells(text, header=True)]
    roles = [_column(c, lex)[0] or ("measure" if _measure_column(c) else None) for c in cells]
    return len(cells) >= 2 and roles[0] == "name" and None not in roles


def _split_cells(text: str, header: bool = False) -> list[tuple[str, int]]:
    """Cells separated by spaces; in a header, a bracketed unit also ends a cell (销售金额（万元）占营业收入比例)."""
    return [(m.group(), m.start()) for m in re.finditer(r"[^\s）)]+[）)]|\S+" if header else r"\S+", text)]


# an ordinal glued to a row's first cell: 1、某某有限公司, （2）某某有限公司, ③某某有限公司
_GLUED_ORDINAL = re.compile(r"^(?:(\d{1,3})[、.．](?!\d)|[（(](\d{1,3})[）)]|([①-⑳]))(?=\S)")


def _unglued(cells: list[tuple[str, int]], numbered: bool) -> list[tuple[str, int]]:
    """A row's cells with an ordinal glued to its first cell taken apart: the number becomes the
    序号 cell under a numbered header, and is dropped under a header with no 序号 column."""
    m = _GLUED_ORDINAL.match(cells[0][0]) if cells else None
    if m is None:
        return cells
    text, at = cells[0]
    number = m.group(1) or m.group(2) or str("①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳".index(m.group(3)) + 1)
    rest = [(text[m.end() :], at + m.end()), *cells[1:]]
    return [(number, at), *rest] if numbered else rest


@per_document
def read_tables(sentences: Sequence[Sentence], lex: Lexicon | None = None) -> list[TableRow]:
    """Every numbered row under a list-table header, with its cells' roles.

    A header is a sentence starting with 序号 whose cells are separated by
    spaces; each following sentence with as many cells, the first a number,
    is a row. A header with no 序号 column is one whose cells are all column
    words (the first naming what is listed); its rows need no number. The
    caption is the sentence right before the header, or a heading above one
    sentence of preamble.

    Examples
    --------
    >>> from graph.text.clean import clean_text
    >>> from graph.text.segment import split_sentences
    >>> text = "一、2024年度某市专精特新中小企业认定名单\\n序号 企业名称 所属园区\\n1 某某精密轴承有限公司 北岸智造产业园\\n"
    >>> row = read_tables(split_sentences(clean_text(text)))[0]
    >>> [(c.role, c.text) for c in row.cells], row.honour[0], row.year
    ([('name', '某某精密轴承有限公司'), ('park', '北岸智造产业园')], '某市专精特新中小企业', 2024)
    """
    lex = lex or load_lexicon()
    out: list[TableRow] = []
    header: list[str | None] | None = None
    measures: list[tuple[str, str] | None] = []
    honours: list[tuple[str, int, int]] = []
    caption_index = -1
    year = None
    bare = None
    number = 0
    counterpart = ""  # the cue a customer, supplier or subsidiary table's caption holds (前五名客户)
    numbered = True  # the table's first column numbers its rows (序号)
    words: list[str] = []
    for k, s in enumerate(sentences):
        starts = _HEADER_START.match(s.text) or _named_header(s.text, lex)
        if header is None and not starts:
            continue  # no table is open and none starts here: prose, left uncut
        cells = _split_cells(s.text, header=bool(starts))
        if starts and len(cells) >= 2:
            numbered = bool(_HEADER_START.match(s.text))
            measures = [_measure_column(c) for c, _ in cells]
            header = [column_role(c, lex) or ("measure" if m else None) for (c, _), m in zip(cells, measures)]
            words = [c for c, _ in cells]  # a person column's word is the person's role (负责人)
            bare = next((cls for role, cls in (_column(c, lex) for c, _ in cells) if role == "name" and cls), None)
            honours, year, caption_index = [], None, -1
            caption = sentences[k - 1].text if k > 0 else ""
            # the caption right above, or a heading above one line of preamble (现将…名单予以公示：)
            for j in (k - 1, k - 2):
                if j < 0 or (out and out[-1].sentence == sentences[j].index):
                    break  # no caption across another table's rows
                honours, year = caption_honours(sentences[j].text)
                caption_index = sentences[j].index
                if honours:
                    break
            # customers, suppliers and subsidiaries only under a caption (or header) that says so
            header, counterpart = _counterparts(header, caption + s.text)
            number = 0  # rows are numbered 1, 2, 3 …
            if counterpart and "subsidiary" not in header and year is None and _YEAR.search(caption):  # 2024年度，公司向前五名客户的销售情况如下
                year = int(_YEAR.search(caption).group(1))
            continue
        if header is None:
            continue
        if counterpart and cells and cells[0][0] in _TOTAL and len(cells) <= len(header):
            # 合计 60,160.37 59.67%: the table's totals, of the enterprise the document is about
            row = [Cell(text, "measure", s.start + at, s.start + at + len(text), counterpart + unit[0], unit[1])
                   for (text, at), unit in zip(cells[1:], measures[len(header) - len(cells) + 1 :])
                   if unit and FIGURE_CELL.fullmatch(text)]
            out.append(TableRow(s.index, tuple(row), None, year, None, total=True))
            header = None
            continue
        if _WRAPPED.fullmatch(s.text):
            continue  # a row's last cell wrapped to a line of its own (2025.03.11)
        cells = _unglued(cells, numbered)
        if len(cells) > len(header):
            cells = row_cells(s.text)  # a space inside a Latin cell (25G DFB激光器芯片) is no cell break
        elif len(cells) < len(header) and "  " in s.text:  # an empty cell of a delimited row: two spaces in a row
            cells = [(m.group(), m.start()) for m in re.finditer(r"(?:(?<= )|^)[^ ]*", s.text)]
        short = len(cells) == len(header) - 1  # only when its last cell wrapped to the next line
        wrapped = k + 1 < len(sentences) and _WRAPPED.fullmatch(sentences[k + 1].text)
        if (len(cells) != len(header) and not (short and wrapped)) or numbered and (
                not cells[0][0].isdigit() or int(cells[0][0]) != number + 1):
            header = None
            continue
        number += 1
        row: list[Cell] = []
        kind = ""
        for (text, at), role, unit, word in zip(cells, header, measures, words):
            if role is None or not text:
                continue
            if role == "person":
                row.append(Cell(text, role, s.start + at, s.start + at + len(text), word))
                continue
            if role == "measure":
                if unit and FIGURE_CELL.fullmatch(text) and (unit[1] == "%" or not text.endswith("%")):
                    row.append(Cell(text, role, s.start + at, s.start + at + len(text), unit[0], unit[1], unit[2]))
                continue
            if role == "kind":
                kind = text
                continue
            if role == "content":  # a clause: the whole cell, read for figures only
                row.append(Cell(text, role, s.start + at, s.start + at + len(text)))
                continue
            parts = re.split(r"[、；;]", text) if role in ("carrier", "operator", "holder") else [text]
            pos = at
            for part in parts:
                i = s.text.find(part, pos)
                pos = i + len(part)
                if len(part) >= 2:
                    row.append(Cell(part, role, s.start + i, s.start + i + len(part)))
        chosen = None
        if honours:
            fitting = [h for h in honours if kind and h[0].endswith(kind)]
            if fitting or len(honours) == 1:
                name, a, b = (fitting or honours)[0]
                chosen = (name, caption_index, a, b)
        out.append(TableRow(s.index, tuple(row), chosen, year, bare, kind))
    return out
