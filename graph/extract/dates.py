"""The dates a text gives its sentences: its date line(s), each paragraph's opening year, its reporting period.

Observations and events both need to know when a text speaks: the document
date (发布时间：2024-03-08, or a bare 2024年3月8日 line) dates 今天, 去年 and
month-days, and a paragraph that opens with a year (2024年，… / 【概况】2024年，…
/ 去年，…) dates the figures and the days under it. This module reads both once.

* a date line is a short sentence holding a full date, with no clause of its
  own and no event verb (a heading run on after it, 一、…, is not part of it);
  it rules the sentences after it until the next one;
* an opening year is a year that starts a sentence before a comma, perhaps
  after a label (【概况】, 郑某：) and 在; 今年/去年/上年 there count from the
  date line in force, and are left unread when there is none;
* a reporting period is the list of years a text defines it as (注：报告期指2022年度、
  2023年度和2024年度): what it says 报告期内…分别为… of goes year by year.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from graph.extract.cues import load_cues
from graph.model import Sentence

__all__ = ["TextDates", "read_dates", "dateline", "opening_year", "unspace_digits", "FULL_DATE"]

_EVENT_CUE = load_cues().pattern("event")
#: a full date; groups: year, month, day | ISO month, day
# (2025-09-27 08:15 arrives as 2025-09-2708:15 once the space between digits is dropped: a time may follow the day)
FULL_DATE = re.compile(r"((?:19|20)\d{2})\s*(?:年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日|[-/.](\d{1,2})[-/.](\d{1,2})(?:(?!\d)|(?=\d{2}:\d{2})))")
_HEADING = re.compile(r"\s*(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）)")  # a heading run on after a dateline
# a label may stand before the year: 【概况】2024年，… (a yearbook section), 郑某：2024年，… (an answer in an interview)
_LEAD_LABEL = r"(?:【[^】]{1,8}】|[\u4e00-\u9fff]{2,4}[：:])?"
_OPENING_YEAR = re.compile(r"^\s*" + _LEAD_LABEL + r"(?:在)?(?:((?:19|20)\d{2})\s*年(?:度|全年)?|(去年|上年|今年))[，,]")
_SPACED_DIGITS = re.compile(r"\d+(?: \d+)+")
_REPORT_PERIOD = re.compile(r"报告期(?:是|系|为)?指((?:(?:19|20)\d{2}\s*年度?\s*[、，,和及与]?\s*){2,})")


@dataclass(frozen=True)
class TextDates:
    """When a text's sentences speak.

    ``datelines`` maps the index of each date-line sentence to its date;
    ``opening_years`` maps the index of each sentence that opens with a year to that year.
    """

    datelines: dict[int, dt.date] = field(default_factory=dict)
    opening_years: dict[int, int] = field(default_factory=dict)
    #: the years a text defines as its reporting period (报告期指2022年度、2023年度和2024年度), in order
    report_period: tuple[int, ...] = ()

    @property
    def date(self) -> dt.date | None:
        """The document date: its first date line."""
        return self.datelines[min(self.datelines)] if self.datelines else None

    def date_at(self, index: int) -> dt.date | None:
        """The date line in force at sentence ``index``: the last one before it."""
        before = [i for i in self.datelines if i < index]
        return self.datelines[max(before)] if before else None


def _ymd(y: int, mo: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, mo, d)
    except ValueError:
        return None


def unspace_digits(text: str) -> str:
    """202 4年 / 1 1月: digits a PDF line spaced apart, joined, the spaces moved after them (offsets kept)."""
    if " " not in text:
        return text
    return _SPACED_DIGITS.sub(lambda m: m.group().replace(" ", "") + " " * m.group().count(" "), text)


def dateline(text: str) -> dt.date | None:
    """The date of a date line: a short sentence holding a full date, no clause of its own and no event verb.

    >>> dateline("发布时间：2024-03-08")
    datetime.date(2024, 3, 8)
    >>> dateline("2024年3月8日，甲公司与乙公司签约。") is None
    True
    """
    m = FULL_DATE.search(text)
    if not m:
        return None
    heading = _HEADING.match(text, m.end())  # text after a heading's 一、 is not the dateline's
    if _EVENT_CUE.search(text, 0, m.start() if heading else len(text)):
        return None
    # (a bilingual date line runs on in Latin letters: 中国·烟台，2025年11月18日/ Yantai, China, 18 November 2025)
    own = text[: m.end()] if text[m.end() :].isascii() else text
    if not heading and (len(own) > 48 or "，" in text[m.end() :]):
        return None
    if m.start() > 40:
        return None
    y, mo, d, imo, iday = m.groups()
    return _ymd(int(y), int(mo or imo), int(d or iday))


def opening_year(text: str, today: dt.date | None = None) -> int | None:
    """The year a sentence opens with (2024年，… / 【概况】2024年，… / 去年，… counted from ``today``).

    >>> opening_year("2023年，园区新增企业50家")
    2023
    >>> opening_year("去年，园区新增企业50家", dt.date(2024, 3, 8))
    2023
    """
    m = _OPENING_YEAR.match(text)
    if not m:
        return None
    if m.group(1):
        return int(m.group(1))
    if today is None:
        return None
    return today.year - (m.group(2) != "今年")


def read_dates(sentences: Sequence[Sentence]) -> TextDates:
    """Read a text's date lines and opening years, sentence by sentence.

    >>> from graph.text.clean import clean_text
    >>> from graph.text.segment import split_sentences
    >>> d = read_dates(split_sentences(clean_text("2024年3月8日\\n去年，园区新增企业50家。2022年，新增30家。")))
    >>> d.date, sorted(d.opening_years.values())
    (datetime.date(2024, 3, 8), [2022, 2023])
    """
    datelines: dict[int, dt.date] = {}
    years: dict[int, int] = {}
    period: tuple[int, ...] = ()
    today: dt.date | None = None
    for s in sentences:
        text = unspace_digits(s.text)
        defined = _REPORT_PERIOD.search(text)
        if defined and not period:
            period = tuple(int(y) for y in re.findall(r"(?:19|20)\d{2}", defined.group(1)))
        line = dateline(text)
        if line is not None:
            datelines[s.index] = today = line
            continue
        year = opening_year(text, today)
        if year is not None:
            years[s.index] = year
    return TextDates(datelines, years, period)
