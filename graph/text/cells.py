"""The cells of a table written as lines, one pattern each.

A table copied out of a PDF or a web page arrives as lines of cells parted by
spaces (``营业收入 12,345.6 10,987.2 —``). The text stage keeps such lines
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

__all__ = ["BLANK", "BLANK_CELL", "FIGURE", "FIGURE_CELL", "YEAR", "YEAR_CELL", "row_cells"]

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
