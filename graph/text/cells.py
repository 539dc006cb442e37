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

__all__ = ["BLANK", "BLANK_CELL", "FIGURE", "FIGURE_CELL", "LATIN_GAP", "YEAR", "YEAR_CELL"]

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
#: a space between two Latin words inside one cell (25G DFB激光器芯片): the word before has a
#: letter and the one after starts with one; group 1 is the space. Latin words keep their spaces
#: in Chinese text, so such a space parts no cells (it is counted off a row that has too many)
LATIN_GAP = re.compile(r"(?<![A-Za-z0-9])[A-Za-z0-9]*[A-Za-z][A-Za-z0-9]*(\s+)(?=[A-Za-z])")
