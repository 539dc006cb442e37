"""Stage 2, clean: mend PDF line breaks and stray spaces, keeping an offset map.

Text extracted from a PDF breaks lines mid-sentence (and sometimes leaves a
blank line mid-word) and puts spaces between numbers and units ("2025 年").
:func:`clean_text` joins hard-wrapped lines, keeps real paragraph breaks
(after sentence-final punctuation, after headings and short lines), removes
spaces next to Chinese characters, maps full-width ASCII letters and digits
to half-width, and records for every output character where it came from in
the raw text, so provenance can cite the file's own offsets.
"""

from __future__ import annotations

import re
import statistics
from array import array
from functools import lru_cache
from pathlib import Path

from graph.model import CleanText
from graph.text.cells import BLANK, FIGURE, YEAR, delimited_rows, row_cells

__all__ = ["clean_text", "to_simplified", "is_cjk", "TERMINAL_PUNCTUATION", "DATE_LINE"]

TERMINAL_PUNCTUATION = frozenset("。！？!?…；;")
_CLOSERS = frozenset("”’」』)）》\"'")
# a dateline stands alone (发布时间：2024-03-08, 2024年3月21日), and so does the headline above it
DATE_LINE = re.compile(
    r"^(?:发布(?:时间|日期)|日期|时间|来源[^：:\d]{0,12})?[：:]?\s*(?:19|20|１|２)[\d０-９]{2,3}\s*[-年/.]\s*[\d０-９]{1,2}\s*[-月/.]\s*[\d０-９]{1,2}\s*日?(?:\s*\d{1,2}:\d{2})?$"
)
# a number cell of a table: -6.3, 12.6%, 268家, 1086.2亿元
_SPACED_NUMBERS = re.compile(r"-?\d[\d.,]*(?:%|[亿万千]?[\u4e00-\u9fff]{1,2})?\s+(?=-?\d[\d.,]*(?:%|[亿万千]?[\u4e00-\u9fff]{1,2})?(?:\s|$))")
_SPACES = frozenset(" \t\u3000\u00a0\u2002\u2003\u2009\u200b\x0b\x0c\x1c\x1d\x1e\x1f\x85\u2028\u2029") | frozenset(
    chr(c) for c in range(0x20) if chr(c) not in "\n\r"
) | frozenset(chr(c) for c in range(0x7F, 0xA0))


def is_cjk(ch: str) -> bool:
    """True for CJK ideographs and CJK/full-width punctuation.

    Examples
    --------
    >>> is_cjk("园"), is_cjk("，"), is_cjk("a")
    (True, True, False)
    """
    o = ord(ch)
    return (
        0x4E00 <= o <= 0x9FFF
        or 0x3400 <= o <= 0x4DBF
        or 0x3000 <= o <= 0x303F
        or 0xFF00 <= o <= 0xFFEF
        or 0x2018 <= o <= 0x201F
        or 0x20000 <= o <= 0x2FA1F
        or o in (0x2026, 0x2014, 0x00B7, 0x25B6)
    )


# full-width digits, Latin letters and % . + to half-width (str.translate over a run of characters)
_HALFWIDTH_TABLE = {
    o: o - 0xFEE0
    for o in (*range(0xFF10, 0xFF1A), *range(0xFF21, 0xFF3B), *range(0xFF41, 0xFF5B), 0xFF05, 0xFF0E, 0xFF0B)
}
# a run of the characters emit_line drops or squeezes (spaces, controls, the byte-order mark)
_SPACE_RUN = re.compile("[" + "".join(re.escape(c) for c in sorted(_SPACES | {"\ufeff"})) + "]+")


_TABLE_HEAD = re.compile(r"^(?:指标|项目|名称|类别|主要指标|序号)(?:\s+[^\s，。；,;]+){2,}\s*$")  # cells, not a clause (项目 59 个（…），总投资额…)
# a numbered row of a list table (1 襄阳某某有限公司 某某产业园 新材料): an ordinal, then cells
# (a last cell may be a clause: 建设内容及规模 reads 新建厂房12万平方米，建设…)
_TABLE_ROW = re.compile(r"^\d{1,3}\s+[^\s，。；,;]{2,}(?:\s+[^\s，。]+)*(?:\s+\S+)?\s*$")
# a row whose ordinal is glued to its first cell (1、某某有限公司  精密模具  顺德区): the ordinal is the 序号 cell
_GLUED_ROW = re.compile(r"^(?:\d{1,3}[、.．](?!\d)|[（(]\d{1,3}[）)])\s*[^\s，。；,;]{2,}(?:\s+[^\s，。；,;]+)+\s*$")
# a numbered entry of cells parted by spaces or tabs, no clause in it (1. 某某有限公司  精密模具  顺德区)
_NUMBERED_CELLS = re.compile(r"^(?:\d{1,3}[、.．)）](?!\d)|[（(]\d{1,3}[）)]|[①-⑳])\s*[^\s，。；,;]+(?:\s+[^\s，。；,;]+)+$")
# a list header with no 序号 whose cells are column words, the first naming what is listed (企业名称 所在园区 所属行业)
_COLUMN_HEAD = re.compile(r"^[\u4e00-\u9fff]{0,6}名称(?:\s+[\u4e00-\u9fff]{0,6}(?:名称|单位|园区|行业|产业|领域|产品|地区|区县|负责人|类别|类型)){1,7}\s*$")
# a two-cell list header (序号 企业名称)
_NAME_HEAD = re.compile(r"^序号\s+[\u4e00-\u9fff]{0,6}名称\s*$")


_WRAPPED_CELL = re.compile(r"\d[\d.\-/]*")
_CLAUSE = re.compile(r"[，。；,;：:]")
# a header of one to three label cells and two or more years (产品 项目 2024年度 2023年度), and a row under it
_YEAR = re.compile(YEAR)
_YEAR_HEAD = re.compile(rf"^[\u4e00-\u9fff]{{1,8}}(?:\s+[\u4e00-\u9fff]{{1,8}}){{0,2}}((?:\s+{YEAR}\s*年?度?){{2,}})\s*$")
_FIGURE_ROW = re.compile(rf"^(?:[^\s\d][^\s]*\s+){{0,3}}?((?:(?:{FIGURE}|{BLANK})(?:\s+|$))+)$")
# 销售金额（万元）占营业收入比例: two header cells written without a space between them
_HEAD_JOIN = re.compile(r"(?<=[）)])(?=[\u4e00-\u9fff])")


def _is_table_line(line: str) -> bool:
    """A table header (指标 2022年 2023年 …) or a row of space-separated numbers: its cells stay apart."""
    return bool(_TABLE_HEAD.match(line.strip()) or _NAME_HEAD.match(line.strip()) or _COLUMN_HEAD.match(line.strip())) or len(
        _SPACED_NUMBERS.findall(line)) >= 2


def _numbered_cell_runs(lines: list[str]) -> set[int]:
    """Runs of two or more consecutive numbered entries with as many space-parted cells each (a list
    written as lines of cells with no header): their cells stay apart."""
    out: set[int] = set()
    run: list[int] = []
    width = 0
    for i, line in enumerate([*lines, ""]):
        text = line.strip()
        cells = len(text.split()) if _NUMBERED_CELLS.match(text) else 0
        if cells and (not run or cells == width):
            run.append(i)
            width = cells
            continue
        if len(run) >= 2:
            out.update(run)
        run, width = ([i], cells) if cells else ([], 0)
    return out


def _table_lines(lines: list[str]) -> frozenset[int]:
    """Indices of the lines that are table cells: headers, number rows, the
    numbered rows under a header with as many cells (a 公示 list written as lines),
    and the rows under a header of years whose last cells are one figure per year."""
    out = set()
    width = years = 0
    for i, line in enumerate(lines):
        text = line.strip()
        year_head = _YEAR_HEAD.match(text)
        if year_head:
            out.add(i)
            years, width = len(_YEAR.findall(year_head.group(1))), 0
        elif years and _FIGURE_ROW.match(text) and len(_FIGURE_ROW.match(text).group(1).split()) == years:
            out.add(i)
        elif _is_table_line(text):
            out.add(i)
            width = len(_HEAD_JOIN.sub(" ", text).split()) if _TABLE_HEAD.match(text) or _NAME_HEAD.match(text) else (
                len(text.split()) + 1 if _COLUMN_HEAD.match(text) else width)  # rows under it carry their ordinal
        elif width and _TABLE_ROW.match(text) and (width in (len(text.split()), len(row_cells(text))) or (
                len(text.split()) == width - 1 and i + 1 < len(lines) and _WRAPPED_CELL.fullmatch(lines[i + 1].strip()))):
            out.add(i)  # (a last cell may wrap to the next line)
        elif width and _GLUED_ROW.match(text) and len(text.split()) + 1 == width:
            out.add(i)
        elif width and len(text.split()) == width and _FIGURE_ROW.match(text):
            out.add(i)  # a row of label, unit and figure cells under a header as wide (营业收入 亿元 1032.5 13.6)
        elif width and text.split()[:1] in (["合计"], ["总计"]) and _FIGURE_ROW.match(text):
            out.add(i)  # the totals row closing a numbered table
            width = 0
        elif width and _WRAPPED_CELL.fullmatch(text):
            out.add(i)  # a row's last cell on a line of its own (2025.03.11)
        elif text:
            width = years = 0
    out |= _numbered_cell_runs(lines)
    # the header right above a number row, with as many cells (分产品 营业收入 营业成本 毛利率（%）)
    nonblank = [i for i, line in enumerate(lines) if line.strip()]
    for a, b in zip(nonblank, nonblank[1:]):
        head = lines[a].split()
        if b in out and a not in out and len(head) >= 3 and len(head) == len(lines[b].split()) and not _CLAUSE.search(lines[a]):
            out.add(a)
    return frozenset(out)


_NUMBER_BEFORE = re.compile(r"[\d.,]+$")
_NUMBER_AFTER = re.compile(r"^[\d.,]+")


def _two_numbers(body: str, a: int, j: int) -> bool:
    """The space at ``body[a:j]`` parts two numbers, not a number's digits (826.4 15.2 could only
    join into 826.415.2): each side carries its own decimal point.

    Examples
    --------
    >>> _two_numbers("总产值 826.4 15.2", 9, 10), _two_numbers("1 468.2亿元", 1, 2)
    (True, False)
    """
    left = _NUMBER_BEFORE.search(body, 0, a)
    right = _NUMBER_AFTER.match(body[j:])
    return bool(left and right and "." in left.group().strip(".") and "." in right.group().strip("."))


def _ends_sentence(line: str) -> bool:
    stripped = line.rstrip()
    while stripped and stripped[-1] in _CLOSERS:
        stripped = stripped[:-1]
    return bool(stripped) and (stripped[-1] in TERMINAL_PUNCTUATION or stripped[-1] in "：:")


# a line that opens an item of a list: 2、 (二) 二、 ② ● 第三
_ITEM_START = re.compile(r"^(?:\d{1,2}[、.．)）]|[（(][\d一二三四五六七八九十]{1,3}[）)]|[一二三四五六七八九十]{1,3}[、.．]|[①-⑳]|[●•·■□▪◆◇▶►\-*–—○]|第[一二三四五六七八九十\d]{1,3}[条章节项])")


# a line that surely opens a list item, never a wrapped line's tail (unlike 2.5亿元 or —)
# the number of a table or figure opening its caption (表1  2025年度…, 图2 …), followed by spaces
_CAPTION_NUMBER = re.compile(r"^[表图]\s*\d{1,2}(?=\s+\S)")
# (2. 某某中心, 二、某市 and ——某某公司 open items too: a wrapped number is 2.5亿元, digits after the dot)
_LIST_OPENER = re.compile(r"^(?:[①-⑳]|[●■◆▶►]|[（(][一二三四五六七八九十]{1,3}[）)]|\d{1,2}、|\d{1,2}[.．]\s*(?=[\u4e00-\u9fff])"
                          r"|[一二三四五六七八九十]{1,3}、|——(?=[\u4e00-\u9fff]))")


def _clause_runs_on(line: str, nxt: str) -> bool:
    """A line of prose stopped at a semicolon whose sentence goes on in the next line (…为486.3亿元；
    / 2023年达到541.7亿元，…): not a paragraph's end, unless the next line opens a list item."""
    return line.rstrip()[-1:] in "；;" and bool(nxt) and not _ITEM_START.match(nxt) and any(p in line for p in "，；;")


def _latin_before_cjk(line: str, nxt: str) -> bool:
    """A Latin sentence closed by a full stop (…attended the ceremony.) with a Chinese line after it:
    the paragraphs of a bilingual text, not a wrapped line (a Latin full stop is no stop inside Chinese prose)."""
    stripped = line.rstrip()
    while stripped and stripped[-1] in _CLOSERS:
        stripped = stripped[:-1]
    return stripped.endswith(".") and stripped[-2:-1].isascii() and stripped[-2:-1].isalpha() and bool(nxt) and is_cjk(nxt[0])


def _cut_mid_sentence(line: str) -> bool:
    """A line of running prose (long, with a comma or full stop inside) that stops where no sentence
    ends: a hard wrap inside a paragraph, whatever the other lines' width (其全资子公 / 司……)."""
    return len(line) >= _PROSE_LINE and not _ends_sentence(line) and is_cjk(line[-1]) and any(p in line for p in "，。；")


_PROSE_LINE = 30  # characters; headlines, bylines and headings are shorter or carry no comma


def _line_width(lines: list[str]) -> float:
    lengths = [len(ln.strip()) for ln in lines if ln.strip()]
    if not lengths:
        return 0.0
    if len(lengths) < 4:
        return float(max(lengths))
    return statistics.quantiles(lengths, n=4)[2]


@lru_cache(maxsize=1)
def _traditional_chars() -> frozenset[str] | None:
    """The characters OpenCC writes differently in simplified Chinese (None without OpenCC).

    A set, not a character class: ``set.isdisjoint`` over a text is several
    times faster than a regular-expression search through a class of
    thousands of characters, and most texts hold none of them.
    """
    try:
        import opencc
    except ImportError:  # pragma: no cover - a core dependency
        return None
    table = Path(opencc.__file__).parent / "dictionary" / "TSCharacters.txt"
    chars = set()
    for line in table.read_text(encoding="utf-8").splitlines():
        if "\t" in line:
            trad, simp = line.split("\t", 1)
            if len(trad) == 1 and trad not in simp.split():
                chars.add(trad)
    return frozenset(chars) if chars else None


def to_simplified(text: str) -> str:
    """Traditional characters to simplified ones, one for one, so offsets stay valid.

    Uses OpenCC's dictionaries (opencc-python-reimplemented, shipped inside the
    package); text with no traditional character is returned unchanged.

    Examples
    --------
    >>> to_simplified("廣東聚石化學股份有限公司位於清遠高新區")
    '广东聚石化学股份有限公司位于清远高新区'
    """
    chars = _traditional_chars()
    if chars is None or chars.isdisjoint(text):
        return text
    from opencc import OpenCC

    converter = OpenCC("t2s")
    out = converter.convert(text)
    if len(out) != len(text):  # a phrase rule changed the length: convert character by character
        out = "".join(converter.convert(ch) if len(converter.convert(ch)) == 1 else ch for ch in text)
    return out


def _next_nonblank(lines: list[str]) -> list[int]:
    """For each line, the index of the next line after it with text, or ``len(lines)`` (one backward pass).

    Examples
    --------
    >>> _next_nonblank(["a", "", " ", "b", ""])
    [3, 3, 3, 5, 5]
    """
    out = [len(lines)] * len(lines)
    nxt = len(lines)
    for i in range(len(lines) - 1, -1, -1):
        out[i] = nxt
        if lines[i].strip():
            nxt = i
    return out


def clean_text(raw: str) -> CleanText:
    """Mend a raw article into running text with one paragraph per line.

    Parameters
    ----------
    raw : str
        Text as decoded from the file.

    Returns
    -------
    CleanText
        The mended text and the offset of each character in ``raw``.

    Examples
    --------
    >>> c = clean_text("2025 年是清远高新区升级国家高新区 10\\n\\n周年。\\n下一段。")
    >>> c.text
    '2025年是清远高新区升级国家高新区10周年。\\n下一段。'
    >>> raw = "2025 年"
    >>> raw[c.offsets[4]]
    '年'
    """
    # Work line by line; each line keeps the raw offset of its first character.
    lines: list[tuple[str, int]] = []
    pos = 0
    for piece in raw.splitlines(keepends=True):
        body = piece.rstrip("\r\n")
        lines.append((body, pos))
        pos += len(piece)
    # a table whose cells are parted by pipes or tabs: each row is read as its cells joined by one
    # space (a rule line |---| as a blank line), so that it reads like a table written with spaces
    delimited = delimited_rows([ln for ln, _ in lines])
    view = [ln if i not in delimited else " ".join(re.sub(r"\s+", "", ln[a:b]) for a, b in delimited[i] if b > a)
            for i, (ln, _) in enumerate(lines)]
    width = _line_width(view)
    tables = _table_lines(view) | frozenset(i for i, cells in delimited.items() if cells)

    out: list[str] = []  # pieces of the cleaned text, none empty (so out[-1][-1] is its last character)
    offs = array("I")  # the raw offset of each cleaned character

    def emit_line(body: str, start: int, table_row: bool) -> None:
        n = len(body)
        i = 0
        # "1 468.2亿元", "202 4年": a space inside a number is a PDF artefact, unless the
        # line is a table row whose numbers are separated by spaces (1586.3 1713.4 1862.4)
        for run in _SPACE_RUN.finditer(body):
            a, j = run.span()
            if a > i:  # the characters before the run, made half-width, one offset each
                out.append(body[i:a].translate(_HALFWIDTH_TABLE))
                offs.extend(range(start + i, start + a))
            prev = out[-1][-1] if out and out[-1] != "\n" else ""
            nxt = body[j] if j < n else ""
            keep = prev and nxt and (table_row or not (is_cjk(prev) or is_cjk(nxt)))
            if keep and prev.isdigit() and nxt.isdigit() and not table_row:
                keep = _two_numbers(body, a, j)
            if keep:
                out.append(" ")
                offs.append(start + a)
            i = j
        if i < n:
            out.append(body[i:].translate(_HALFWIDTH_TABLE))
            offs.extend(range(start + i, start + n))

    following = _next_nonblank(view)
    pending_break = False
    for idx, (body, start) in enumerate(lines):
        text = view[idx].strip()
        if not text:
            continue
        if out and pending_break:
            out.append("\n")
            offs.append(start)
        lead = len(body) - len(body.lstrip())
        caption = _CAPTION_NUMBER.match(body.strip())
        if idx in delimited:  # the cells, each mended as prose, parted by one space (at the delimiter)
            cells = delimited[idx]
            while cells and cells[0][0] == cells[0][1]:
                cells = cells[1:]
            for n, (a, b) in enumerate(cells):  # an empty cell leaves two spaces in a row
                if n:
                    out.append(" ")
                    offs.append(start + a - 1)
                emit_line(body[a:b], start + a, False)
        elif caption:  # 表1  2025年度…: the table's number stays apart from the year
            emit_line(caption.group(), start + lead, False)
            out.append(" ")
            offs.append(start + lead + caption.end())
            rest = body.strip()[caption.end():]
            emit_line(rest.lstrip(), start + lead + caption.end() + len(rest) - len(rest.lstrip()), idx in tables)
        else:
            emit_line(body.strip(), start + lead, idx in tables)
        # decide whether this line ends a paragraph
        full = (width > 0 and len(text) >= 0.75 * width) or _cut_mid_sentence(text)
        after = following[idx]  # the next line with text (len(lines) if none)
        nxt_line = view[after].strip() if after < len(lines) else ""
        pending_break = (
            (_ends_sentence(text) and not _clause_runs_on(text, nxt_line)) or not full or bool(DATE_LINE.match(text)) or bool(DATE_LINE.match(nxt_line))
            or idx in tables or (after if after < len(lines) else idx + 1) in tables
            or bool(_LIST_OPENER.match(nxt_line)) or _latin_before_cjk(text, nxt_line)
        )
        if not pending_break and out and out[-1][-1].isascii() and out[-1][-1].isalnum():
            # joining two Latin words across a line break keeps one space
            nxt = nxt_line
            if out[-1][-1].isdigit() and nxt[:1].isdigit():
                pass  # a number wrapped inside its digits (达到61 / 2.5亿元) joins whole
            elif nxt[:1].isascii() and nxt[:1].isalnum():
                out.append(" ")
                offs.append(start + len(body))
    offs.append(len(raw))
    return CleanText(text=to_simplified("".join(out)), offsets=offs)
