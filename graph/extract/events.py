"""Stage 5c, events: dated happenings (signing, groundbreaking, opening, ...).

An event is an event verb (the ``event`` cue family of
``data/lexicon/cues.tsv``, whose third column names the type) with a date in
the same sentence, and the entities taking part. Knows nothing of RDF.
"""

from __future__ import annotations

from collections.abc import Sequence

from graph.extract.cues import load_cues
from graph.extract.relations import ACTORS, DATE_RE, YEAR_RE
from graph.model import EventRecord, Mention, Sentence

__all__ = ["find_events"]

_CUES = load_cues()


def find_events(sentences: Sequence[Sentence], mentions: Sequence[Mention]) -> list[EventRecord]:
    """Dated happenings: a date or year and an event verb in one sentence.

    Examples
    --------
    >>> from graph.text.clean import clean_text
    >>> from graph.text.segment import split_sentences
    >>> from graph.extract.mentions import find_mentions
    >>> sents = split_sentences(clean_text("2024年1月12日，肇庆高新区版权服务中心揭牌成立。"))
    >>> [(e.event_type, e.date) for e in find_events(sents, find_mentions(sents).mentions)]
    [('opening', '2024-01-12')]
    """
    out: list[EventRecord] = []
    for s in sentences:
        verb = next(((v, _CUES.value("event", v)) for v in _CUES.in_order("event") if v in s.text), None)
        if verb is None:
            continue
        dm = DATE_RE.search(s.text)
        date = None
        year = None
        if dm:
            y, mo, d = (int(g) for g in dm.groups())
            if 1 <= mo <= 12 and 1 <= d <= 31:
                date = f"{y:04d}-{mo:02d}-{d:02d}"
                year = y
        if year is None:
            ym = YEAR_RE.search(s.text)
            if not ym or ym.start() > s.text.find(verb[0]):
                continue
            year = int(ym.group(1))
        involved = tuple(
            dict.fromkeys(m.key for m in mentions if m.sentence == s.index and m.cls in ACTORS | {"Platform", "Project"})
        )
        if not involved:
            continue
        out.append(
            EventRecord(
                event_type=verb[1],
                involves=involved,
                sentence=s.index,
                start=s.start,
                end=s.end,
                rule=f"event:{verb[0]}",
                date=date,
                year=year,
                label=s.text[:60],
            )
        )
    return out
