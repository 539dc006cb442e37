"""Stage 5c, events: dated happenings (signing, groundbreaking, opening, ...).

An event is an event verb (the ``event`` cue family of
``data/lexicon/cues.tsv``, whose third column names the type) with a day
date before it in the same sentence, and the entities taking part. Knows
nothing of RDF.

Rules:

* each event verb of a sentence is one candidate; its date is the nearest
  date before it in the sentence: a full date (2024年3月6日, 2024-03-06), a
  month-day date (3月6日, 今年3月6日) completed with the year its paragraph
  opened with (2023年，…) or else the document's year, or
  今天/今日/昨天 counted from the document date (日前/近日 give no day, so no
  event);
* the document date is the last dateline before the sentence (a short line
  holding a full date, such as 发布时间：2024-03-08); a month-day later in
  the year than the dateline belongs to the year before; with no dateline
  the last year the text named before the sentence is used;
* a plan or target between the date and the verb or in the verb's clause
  (将于, 计划, 拟: the ``event-plan`` cues) is not an event;
* a sentence with no day of its own takes the day last named after 同日, or
  the day of the occasion (the first day after the dateline) after 会上 /
  当天 (``event-sameday`` cues); 其中，… keeps the day of the sentence before;
  an event so dated that repeats an earlier one (…在上市仪式上) is dropped;
* the parties are the organisations, parks, platforms and projects named
  between the date (or the start of the verb's clause) and the end of the
  verb's clause; when none comes before the verb (双方…签订), the sentence
  from its start;
* a record's fields (公司名称：X … 成立日期：2023年9月6日) give X's founding;
* ``A 与 B 签约；C 与 D 签约`` gives one signing per clause, ``A 分别与 B、C
  签约`` one per counterpart (``event-each`` cues).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from graph.extract.cues import load_cues
from graph.extract.dates import opening_year, read_dates, unspace_digits
from graph.extract.records import NAME_FIELD
from graph.extract.relations import ACTORS, YEAR_RE
from graph.model import EventRecord, Mention, Sentence

__all__ = ["find_events", "find_dates", "DatedSpan"]

_CUES = load_cues()
_EVENT_CUE = _CUES.pattern("event")
_PLAN_CUE = _CUES.pattern("event-plan")
_SAMEDAY_CUE = _CUES.pattern("event-sameday")
_EACH_CUE = _CUES.pattern("event-each")
_ANAPHOR = re.compile(r"[\s，,]*(?:该|其)?(" + _CUES.alternation("event-anaphor") + r")")
PARTY_CLASSES = ACTORS | {"Platform", "Project", "Honour"}
#: a date; groups: year, month, day | ISO year, month, day | relative day word
_DATE = re.compile(
    r"(?:((?:19|20)\d{2})\s*年|(今年|本年|去年|上年|同年|当年))?\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日"
    r"|((?:19|20)\d{2})[-/.](\d{1,2})[-/.](\d{1,2})(?!\d)"
    r"|(今天|今日|昨天|昨日)"
)
#: a cue read as something else: 上市公司/上市企业 are companies, not listings
_NOT_EVENT = re.compile(
    r"上市(?:公司|企业|后备|辅导|培育|挂牌|以来|前)|(?:拟|申请|筹备|冲刺)上市|开工率|开工建设的|投产后|成立以来|成立于|新获批|已被认定为|已获评|已荣获|(?:累计|新)(?:签约|开工|投产|上市)"
    r"|(?<=批准|获批|同意)(?:上市|设立|成立|组建)"
    r"|(?:签约|签署|开工|动工|奠基|揭牌|投产|上市|开业)仪式上"
)
_CLAUSE_END = "，,；;。"
#: field layouts of announcements and registration records: 公司名称：X … 成立日期：2023年9月6日
_FOUNDED_FIELD = re.compile(r"(成立|注册|设立)(?:日期|时间)[:：]")
#: a day that bounds a period or a count (截至…, …前, …起) is not the day something happened
_NOT_A_DAY = re.compile(r"(?:截至|截止|截止到|到|至|自|从)\s*$")
_NOT_A_DAY_AFTER = re.compile(r"\s*(?:前|以前|之前|起|以来|前后|止|至|到|—|－|-)")


@dataclass(frozen=True)
class DatedSpan:
    """A date read in a sentence: ``start``/``end`` index the sentence text."""

    start: int
    end: int
    date: str


def _ymd(y: int, mo: int, d: int) -> str | None:
    try:
        return dt.date(y, mo, d).isoformat()
    except ValueError:
        return None


def find_dates(
    text: str, *, today: dt.date | None = None, year: int | None = None, paragraph_year: int | None = None
) -> list[DatedSpan]:
    """The day dates a sentence names, resolved to ISO dates.

    Parameters
    ----------
    text : str
        One sentence.
    today : datetime.date, optional
        The document date, for 今天/昨天 and for the year of a month-day date.
    year : int, optional
        The year the text last named, used for a month-day date when there is no document date.
    paragraph_year : int, optional
        The year the paragraph opened with (2023年，…); it dates a month-day before ``today`` does.

    Examples
    --------
    >>> import datetime as dt
    >>> [d.date for d in find_dates("3月6日，甲与乙签约；2024年5月1日开工", today=dt.date(2024, 3, 8))]
    ['2024-03-06', '2024-05-01']
    >>> [d.date for d in find_dates("11月2日开工", today=dt.date(2025, 1, 20))]
    ['2024-11-02']
    >>> [d.date for d in find_dates("今天签约", today=dt.date(2025, 6, 18))]
    ['2025-06-18']
    """
    out: list[DatedSpan] = []
    for m in _DATE.finditer(text):
        y_word, rel_year, mo, d, iy, imo, iday, rel_day = m.groups()
        date = None
        if iy:
            date = _ymd(int(iy), int(imo), int(iday))
        elif rel_day:
            if today is not None:
                date = (today - dt.timedelta(days=1 if rel_day.startswith("昨") else 0)).isoformat()
        elif y_word:
            date = _ymd(int(y_word), int(mo), int(d))
        else:
            month, day = int(mo), int(d)
            if rel_year in ("同年", "当年"):  # the year last named, in this sentence or before
                named = YEAR_RE.findall(text, 0, m.start())
                base = int(named[-1]) if named else year
                date = _ymd(base, month, day) if base else None
            elif rel_year and today is not None:
                date = _ymd(today.year - (rel_year in ("去年", "上年")), month, day)
            elif (opening := opening_year(text[: m.start()], today)) or paragraph_year:  # 2023年，…5月9日
                date = _ymd(opening or paragraph_year, month, day)  # type: ignore[arg-type]
            elif today is not None:
                date = _ymd(today.year - ((month, day) > (today.month, today.day)), month, day)
            elif year is not None:
                date = _ymd(year, month, day)
        if date and not _NOT_A_DAY.search(text, 0, m.start()) and not _NOT_A_DAY_AFTER.match(text, m.end()):
            out.append(DatedSpan(m.start(), m.end(), date))
    return out


def _clause_start(text: str, pos: int) -> int:
    return max(text.rfind(c, 0, pos) for c in _CLAUSE_END) + 1


def _clause_end(text: str, pos: int) -> int:
    ends = [i for i in (text.find(c, pos) for c in _CLAUSE_END) if i >= 0]
    return min(ends) if ends else len(text)


def find_events(sentences: Sequence[Sentence], mentions: Sequence[Mention]) -> list[EventRecord]:
    """Dated happenings: an event verb with a day date before it in its sentence.

    Parameters
    ----------
    sentences : sequence of Sentence
        The document's sentences in order.
    mentions : sequence of Mention
        Their entity mentions.

    Returns
    -------
    list of EventRecord
        One per event verb with a date; ``involves`` lists the parties, subject first.

    Examples
    --------
    >>> from graph.text.clean import clean_text
    >>> from graph.text.segment import split_sentences
    >>> from graph.extract.mentions import find_mentions
    >>> sents = split_sentences(clean_text("2024年1月12日，肇庆高新区版权服务中心揭牌成立。"))
    >>> [(e.event_type, e.date) for e in find_events(sents, find_mentions(sents).mentions)]
    [('opening', '2024-01-12')]
    """
    by_sentence: dict[int, list[Mention]] = {}
    for m in mentions:
        if m.cls in PARTY_CLASSES:
            by_sentence.setdefault(m.sentence, []).append(m)
    out: list[EventRecord] = []
    known = read_dates(sentences)
    today: dt.date | None = None
    last_year: int | None = None
    paragraph, paragraph_year = -1, None
    last_day: str | None = None
    after_line = 0
    field_subject: Mention | None = None
    lead_day: str | None = None
    carried: str | None = None
    for s in sentences:
        text = unspace_digits(s.text)  # 202 4年 / 1 1月: digits a PDF line spaced apart
        line_date = known.datelines.get(s.index)
        if line_date is not None:
            today, lead_day, after_line = line_date, None, s.index + 1
            continue
        if s.paragraph != paragraph:
            paragraph, paragraph_year = s.paragraph, None
        dates = find_dates(text, today=today, year=last_year, paragraph_year=paragraph_year)
        years = YEAR_RE.findall(text)
        same = _SAMEDAY_CUE.search(text)
        if dates:
            last_day, lead_day = dates[-1].date, lead_day or dates[0].date
            carried = last_day  # for a 其中，… sentence next
        elif same:  # 同日: the day last named; 会上/当天: the occasion's day
            carried = last_day if _CUES.value("event-sameday", same.group()) == "previous" else (lead_day or last_day)
        elif not text.startswith("其中"):  # 其中，… details the sentence before
            carried = None
        if not dates and carried:
            dates = [DatedSpan(0, 0, carried)]
        named = NAME_FIELD.search(text)
        if named:  # 公司名称：X — the record a later 成立日期 field dates
            field_subject = next((m for m in by_sentence.get(s.index, []) if m.start - s.start >= named.end()), None)
        field = _FOUNDED_FIELD.search(text)
        if field and field_subject is not None:
            day = next((d.date for d in dates if d.start >= field.end()), None)
            if day:
                out.append(_record("founding", (field_subject.key,), s, 0, len(text), field.group(1), day, text))
        elif dates and _EVENT_CUE.search(text):
            earlier = len(out)
            before = sorted(
                (m for i in range(max(s.index - 3, after_line), s.index) for m in by_sentence.get(i, [])), key=lambda m: m.start
            )
            for ev in _sentence_events(s, text, dates, by_sentence.get(s.index, []), before):
                if dates[0].end == 0 and any(
                    e.event_type == ev.event_type and e.date == ev.date and set(e.involves) & set(ev.involves)
                    for e in out[:earlier]
                ):
                    continue  # 在上市仪式上…: the listing told again, not a second one
                if text.startswith("其中") and _merge_detail(out, earlier, ev, s.index):
                    continue
                out.append(ev)
        if years:
            last_year = int(years[-1])
        if s.index in known.opening_years:
            paragraph_year = known.opening_years[s.index]
    return out


def _sentence_events(
    s: Sentence, text: str, dates: list[DatedSpan], ments: list[Mention], previous: Sequence[Mention] = ()
) -> list[EventRecord]:
    out: list[EventRecord] = []
    seen: dict[tuple[str, str], list[tuple[int, int, set[str]]]] = {}
    not_events = [m.span() for m in _NOT_EVENT.finditer(text)]
    for cue in _EVENT_CUE.finditer(text):
        if any(a <= cue.start() < b for a, b in not_events):
            continue
        before = [d for d in dates if d.end <= cue.start()]
        if not before:
            continue
        date = before[-1]
        between = text[date.end : cue.start()] if date.end else ""
        if text.startswith("的", cue.end()) and len(between.strip("于在 ")) > 0:
            continue  # 联合…组建的中心: the verb modifies a noun; the sentence reports something else
        # with a carried day, a plan anywhere in the verb's ；-part rules it out
        plan_from = _clause_start(text, cue.start()) if date.end else max(text.rfind(c, 0, cue.start()) for c in "；;") + 1
        if _PLAN_CUE.search(text, plan_from, cue.start()) or _PLAN_CUE.search(between):
            continue
        if date.end == 0:  # carried from an earlier sentence
            lo = _clause_start(text, cue.start())
        elif date.end < len(text) and text[date.end] in "，,":
            lo = date.end  # "3月6日，…": the clause after the date
        else:
            lo = min(_clause_start(text, date.start), _clause_start(text, cue.start()))
        hi = _clause_end(text, cue.end())
        inside = [m for m in ments if lo <= m.start - s.start and m.end - s.start <= hi]
        if not any(m.start - s.start < cue.start() for m in inside):  # 双方…签订 / subject clauses back
            named = _antecedent(text, lo, cue.start(), previous)
            if not named:
                lo = 0
                inside = [m for m in ments if m.end - s.start <= hi]
            else:
                inside = named + inside
        kind = _CUES.value("event", cue.group()) or ""
        for group in _each(text, s.start, inside, lo, cue.start()):
            parties = tuple(dict.fromkeys(m.key for m in _outermost(group)))
            if not parties:
                continue
            known = seen.setdefault((kind, date.date), [])
            if any(set(parties) <= who and (a < hi and lo < b or set(parties) == who) for a, b, who in known):
                continue  # 签约…签署 in one clause: one signing
            if any(e.event_type == kind and e.date != date.date and set(parties) <= set(e.involves) for e in out):
                continue  # 4月18日…开工，9月26日…建成投产，创造了当年开工、当年投产的…: the groundbreaking told again
            known.append((lo, hi, set(parties)))
            out.append(_record(kind, parties, s, lo, hi, cue.group(), date.date, text))
    return out


def _antecedent(text: str, lo: int, verb: int, before: Sequence[Mention]) -> list[Mention]:
    """研究院于…揭牌: the entity before the sentence that the bare head noun opening the clause names.

    公司 names the topic (the first company of the sentences before), 该公司 the
    last one; 研究院 the last entity whose name ends so, or, when that name was
    not recognised, the organisations of the last sentence before with any.
    """
    m = _ANAPHOR.match(text, lo, verb)
    if not m:
        return []
    head = m.group(1)
    cls = _CUES.value("event-anaphor", head)
    if cls:
        pool = [cand for cand in before if cand.cls == cls]
        if not pool:
            return []
        return [pool[-1] if m.group().lstrip("，, ").startswith(("该", "其")) else pool[0]]
    same = [cand for cand in before if cand.name.endswith(head)]
    if same:
        return [same[-1]]
    last = max((cand.sentence for cand in before), default=None)
    return [cand for cand in before if cand.sentence == last and cand.cls in ACTORS]


def _merge_detail(out: list[EventRecord], earlier: int, ev: EventRecord, index: int) -> bool:
    """其中，…: an event of the sentence before, of the same type and day, takes the detail's parties."""
    for i in range(earlier - 1, -1, -1):
        e = out[i]
        if e.sentence != index - 1:
            break
        if e.event_type == ev.event_type and e.date == ev.date:
            out[i] = replace(e, involves=tuple(dict.fromkeys(e.involves + ev.involves)))
            return True
    return False


def _record(kind: str, parties: tuple[str, ...], s: Sentence, lo: int, hi: int, cue: str, day: str, text: str) -> EventRecord:
    return EventRecord(
        event_type=kind,
        involves=parties,
        sentence=s.index,
        start=s.start + lo,
        end=s.start + hi,
        rule=f"event:{cue}",
        date=day,
        year=int(day[:4]),
        label=text[lo:hi].strip()[:60],
    )


def _outermost(group: list[Mention]) -> list[Mention]:
    """The mentions not inside a longer one (成都东部新区 inside 成都东部新区…管理委员会)."""
    return [
        m
        for m in group
        if not any(o is not m and o.start <= m.start and m.end <= o.end and (o.end - o.start) > (m.end - m.start) for o in group)
    ]


def _each(text: str, offset: int, parties: list[Mention], lo: int, verb: int) -> list[list[Mention]]:
    """``A 分别与 B、C 签约`` → [[A, B], [A, C]]; otherwise the parties as one group."""
    each = _EACH_CUE.search(text, lo, verb)
    if not each:
        return [parties]
    subjects = [m for m in parties if m.start - offset < each.start()]
    objects = [m for m in parties if each.end() <= m.start - offset < verb]
    rest = [m for m in parties if m not in subjects and m not in objects]
    if len(objects) < 2:
        return [parties]
    return [subjects + [o] + rest for o in objects]
