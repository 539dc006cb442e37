"""The cells of a table written as lines, one pattern each.

A table copied out of a PDF or a web page arrives as lines of cells parted by
spaces (``营业收入 12,345.6 10,987.2 —``), or by pipes, tabs or runs of spaces
(:func:`delimited_rows`). The text stage keeps such lines
apart (:mod:`graph.text.clean`) and the extraction stage reads them
(:mod:`graph.extract.tables`); both recognise a cell by the patterns below.

Examples
--------
>>> bool(FIGURE_CELL.fullmatch("12,345.6")), bool(FIGURE_CELL.fullmatch("-3.5%"))
(True, True)
>>> bool(BLANK_CELL.fullmatch("—")), bool(BLANK_CELL.fullmatch("/"))
(True, True)
>>> YEAR_CELL.fullmatch("2024年度").group(1)
'2024'
"""

from __future__ import annotations

import re

__all__ = ["BLANK", "BLANK_CELL", "FIGURE", "FIGURE_CELL", "YEAR", "YEAR_CELL", "delimited_cells", "delimited_rows", "is_rule_line", "row_cells"]

#: a figure: an optional minus, digits with thousands commas, a decimal part, a per cent sign
FIGURE = r"-?\d[\d,]*(?:\.\d+)?%?"
#: a cell with no figure: a dash or a slash
BLANK = r"[—－/-]{1,2}"
#: a year of this or the last century
YEAR = r"(?:19|20)\d{2}"

FIGURE_CELL = re.compile(FIGURE)
BLANK_CELL = re.compile(BLANK)
#: a year heading a column (2024, 2024年, 2024年度); group 1 is the year
YEAR_CELL = re.compile(rf"({YEAR})\s*年?度?")


_LATIN_END = re.compile(r"[A-Za-z][A-Za-z0-9]*$")


def row_cells(text: str) -> list[tuple[str, int]]:
    """The cells of a row with their offsets, parted by spaces, except a single space between
    Latin words, which stays inside one cell (25G DFB激光器芯片, LX F300).

    >>> [c for c, _ in row_cells("7 某某光通信有限公司 25G DFB激光器芯片 16,083")]
    ['7', '某某光通信有限公司', '25G DFB激光器芯片', '16,083']
    """
    out: list[tuple[str, int]] = []
    for m in re.finditer(r"\S+", text):
        if out and _LATIN_END.search(out[-1][0]) and text[m.start() - 2 : m.start()] != "  " and re.match(r"[A-Za-z0-9]", m.group()):
            cell, at = out.pop()
            out.append((text[at : m.end()], at))
            continue
        out.append((m.group(), m.start()))
    return out


# ----------------------------------------------------------------------------- delimited rows
# A table may also part its cells by a delimiter: pipes (markdown style, outer pipes optional),
# full-width pipes or tabs. Such a row is read by its delimiters, so a cell may hold spaces.
_PIPES = "|｜"
_RULE_LINE = re.compile(r"^\s*[|｜+]?\s*:?-{2,}:?\s*(?:[|｜+]\s*:?-{2,}:?\s*)*[|｜+]?\s*$")  # |---|:---:|
_SPACE_RUN = re.compile(r"[ \u3000]{2,}|\u3000")  # cells parted by spaces where one space may sit inside a cell
_HEAD_CELL = re.compile(r"[^，。；：:;,、！？]{1,24}")  # a column name: short, no clause punctuation


def is_rule_line(line: str) -> bool:
    """A line that only draws a table's rule (``|---|:---:|``, ``----+----``).

    >>> is_rule_line("| --- | :---: |"), is_rule_line("|序号|名称|")
    (True, False)
    """
    return bool(_RULE_LINE.match(line)) and "-" in line


def delimited_cells(line: str, spaced: bool = False) -> list[tuple[int, int]] | None:
    """The ``(start, end)`` of each cell of a line parted by pipes (``|``, ``｜``) or tabs (or,
    if ``spaced``, by runs of two or more spaces or an ideographic space), spaces around a cell
    left out and a markdown row's outer pipes dropped; None for a line with no such delimiter.

    >>> line = "| 1 | 某某科技有限公司 |  |"
    >>> [line[a:b] for a, b in delimited_cells(line)]
    ['1', '某某科技有限公司', '']
    >>> line = "\\t序号\\t名称\\t园区"
    >>> [line[a:b] for a, b in delimited_cells(line)]
    ['序号', '名称', '园区']
    """
    body = line.rstrip()
    delim = f"[{_PIPES}]" if any(p in body for p in _PIPES) else ("\t" if "\t" in body.strip() else None)
    if delim is None and spaced and _SPACE_RUN.search(body.strip()):
        delim = _SPACE_RUN.pattern
    if delim is None:
        return None
    lead = len(body) - len(body.lstrip())  # an indent is no cell
    bounds = [lead - 1, *(m.start() for m in re.compile(delim).finditer(body, lead)), len(body)]
    spans = []
    for a, b in zip(bounds, bounds[1:]):
        a += 1
        while a < b and body[a].isspace():
            a += 1
        while b > a and body[b - 1].isspace():
            b -= 1
        spans.append((a, b))
    stripped = body.strip()
    if stripped[:1] in _PIPES and spans and spans[0][0] == spans[0][1]:
        spans = spans[1:]  # | 序号 | …: the empty cell before an outer pipe
    if stripped[-1:] in _PIPES and spans and spans[-1][0] == spans[-1][1]:
        spans = spans[:-1]
    return spans


def delimited_rows(lines: list[str]) -> dict[int, list[tuple[int, int]]]:
    """The rows of every delimited table among ``lines``, by line index, with their cell spans
    (a rule line maps to no cells).

    A table is a header line of two or more column names (short cells with no clause
    punctuation) then one or more lines with as many cells, rule lines allowed between; lines
    that part fields of prose by a pipe (①某某项目｜投资方：某某公司｜总投资15亿元) are no table.

    >>> rows = delimited_rows(["表1 名单", "| 序号 | 企业名称 |", "|---|---|", "| 1 | 某某公司 |", "说明"])
    >>> sorted(rows), rows[2], rows[3]
    ([1, 2, 3], [], [(2, 3), (6, 10)])
    >>> lines = ["序号  名称  国别", "1  Borlen Precision GmbH  德国", "2  某某科技有限公司  中国"]
    >>> [lines[1][a:b] for a, b in delimited_rows(lines)[1]]
    ['1', 'Borlen Precision GmbH', '德国']
    """
    out: dict[int, list[tuple[int, int]]] = {}
    i = 0
    while i < len(lines):
        head = delimited_cells(lines[i], spaced=True) if not is_rule_line(lines[i]) else None
        if not head or len(head) < 2 or not all(_HEAD_CELL.fullmatch(lines[i][a:b]) for a, b in head):
            i += 1
            continue
        spaced = delimited_cells(lines[i]) is None  # parted by runs of spaces: two rows at least
        block = {i: head}
        j = i + 1
        while j < len(lines):
            if is_rule_line(lines[j]):
                block[j] = []
            else:
                cells = delimited_cells(lines[j], spaced=spaced)
                if cells is None or len(cells) != len(head) or (spaced and delimited_cells(lines[j]) is not None):
                    break
                block[j] = cells
            j += 1
        if sum(bool(block[k]) for k in block if k != i) >= 1 + spaced:
            out.update(block)
            i = j
        else:
            i += 1
    return out
