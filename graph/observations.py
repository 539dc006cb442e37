"""Stage 5b, observations: the figures a text states, as indicator records.

For each number-with-unit (:func:`graph.numbers.find_quantities`) in a
clause the loader decides

* the **indicator**: the dictionary indicator (``data/lexicon/indicators.tsv``)
  whose cue stands closest before the number in the clause; for counts
  (上市企业3家) the noun phrase before the number names its own indicator;
  a growth rate or share takes its base from the cue before it
  (年均增长 → ``…/average-annual-growth``, 同比增长 → ``…/yoy-growth``,
  占比 → ``…/share``), falling back to the previous figure's indicator;
* the **entity**: an organisation, park or project named in the clause
  before the number, else the sentence's topic;
* the **time**: a year in the clause, else in the sentence, else a period
  phrase (10年来, 截至今年9月) kept as text;
* **由 A 增至 B** gives two observations, the start and the end value.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from .lexicon import IndicatorEntry, Lexicon, load_lexicon
from .model import Mention, ObservationRecord, Quantity, Sentence
from .numbers import find_quantities
from .relations import YEAR_RE, sentence_topics

__all__ = ["find_observations", "Indicator", "indicator_for_phrase"]

_ENTITY_CLASSES = frozenset({"Park", "Enterprise", "University", "ResearchInstitute", "Project", "Patent", "Product"})
_GROWTH = (
    (re.compile(r"(?:年均|年平均)(?:增长|增速|增幅)(?:率)?(?:为|达|达到)?$"), "average-annual-growth", "年均增长率", "average annual growth"),
    (re.compile(r"同比(?:增长|上升|提高|增加)(?:了)?$"), "yoy-growth", "同比增长率", "year-on-year growth"),
    (re.compile(r"同比(?:下降|减少|回落)(?:了)?$"), "yoy-growth", "同比增长率", "year-on-year growth"),
    (re.compile(r"(?:占比|占[\u4e00-\u9fff“”+0-9]{0,16}(?:比重|的比例|比例))(?:为|达|达到)?$"), "share", "占比", "share"),
    (re.compile(r"(?:增长|增速|增幅|上升|提高)(?:率)?(?:了|为|达)?$"), "growth", "增长率", "growth"),
    (re.compile(r"(?:增加|新增|多出)(?:了)?$"), "increase", "增加额", "increase"),
)
_NEGATIVE = re.compile(r"(?:下降|减少|回落)(?:了)?$")
_PERIOD_RE = re.compile(
    r"(?:(?:近|这)?\d+年(?:来|里|间|时间里)|(?:在)?\d+年时间里|截至(?:今年|本年|\d{4}年)?\d{1,2}月(?:底|末)?|"
    r"今年(?:以来|前\d+个月|上半年)|上半年|前三季度|“十[一二三四五]五”(?:期间|时期)?)"
)
_COUNT_LEFT_STOP = re.compile(r"[，,、；;：:。（）()]|现有|拥有|建成|累计|共有|共|新增|引进|其中|有|达到|达|为|是|和|及")
_VERB_GLUE = re.compile(r"(?:是|为|达|达到|实现|约|超过|突破|完成|累计|共|合计|了|在|至|共计|总计|已|均)*$")
_RANGE_RE = re.compile(r"由\s*$")
_TO_RE = re.compile(r"^(?:增至|增加至|增长至|增加到|增长到|提高到|提高至|上升至|上升到|降至|下降至|减少至|减至|到)")


@dataclass(frozen=True)
class Indicator:
    """An indicator concept: a stable id, its labels and broader concept."""

    id: str
    zh: str
    en: str
    broader: str | None = None


def indicator_for_phrase(phrase: str, lex: Lexicon) -> IndicatorEntry | None:
    """The dictionary indicator whose cue ends ``phrase`` or occurs in it last.

    Examples
    --------
    >>> indicator_for_phrase("清远高新区工业总产值是", load_lexicon()).id
    'industrial-output-value'
    """
    best: tuple[int, int, IndicatorEntry] | None = None
    for ind in lex.indicators:
        for cue in ind.cues:
            pos = phrase.rfind(cue)
            if pos < 0:
                continue
            key = (pos + len(cue), len(cue))
            if best is None or key > best[:2]:
                best = (key[0], key[1], ind)
    return best[2] if best else None


def _clause_bounds(text: str, pos: int) -> tuple[int, int]:
    left = max(text.rfind(c, 0, pos) for c in "，,；;。：:") + 1
    rights = [i for i in (text.find(c, pos) for c in "，,；;。") if i >= 0]
    return left, (min(rights) if rights else len(text))


_PHRASE_STOP_WORDS = frozenset(
    "现有 拥有 建成 累计 共有 共 新增 引进 其中 有 达到 达 为 是 和 及 与 组建 成立 培育 储备 成功 已 还 并 等 "
    "包括 实现 完成 获批 获评 认定为 超过 突破 合计 总计 约 近 逾 在".split()
)
_NOUN_MODIFYING_VERBS = frozenset("签约 上市 认定 备案 入驻 孵化 研发 规划 建设 投产 动工 开工 在建 新建 储备".split())


def _count_phrase(text: str, left: int, num_start: int) -> str:
    """The noun phrase a count measures, read back from the number (上市企业3家 → 上市企业)."""
    from .mentions import _pos_tokens

    seg = text[left:num_start]
    cut = max(seg.rfind("、"), seg.rfind("，"), seg.rfind(","), seg.rfind("；"))
    seg = seg[cut + 1 :]
    pos = 0
    start = 0
    toks = _pos_tokens(seg) if seg else ()
    for i, (word, tag) in enumerate(toks):
        pos += len(word)
        followed_by_noun = i + 1 < len(toks) and toks[i + 1][1].startswith("n")
        if word in _PHRASE_STOP_WORDS or tag in ("p", "c", "u", "uj", "d", "r", "m", "q") or (
            tag == "v" and not (word in _NOUN_MODIFYING_VERBS and followed_by_noun)
        ):
            start = pos
    return seg[start:].strip("“”\"' ")


def _noun_after(text: str, pos: int) -> str:
    """The noun phrase right after a count (4个项目被列入… → 项目; 40多家子公司 → 子公司)."""
    from .mentions import _pos_tokens

    tail = re.split(r"[，,。；;、：:（(]", text[pos : pos + 16], maxsplit=1)[0]
    out = ""
    for word, tag in _pos_tokens(tail) if tail else ():
        if tag in ("p", "c", "u", "uj", "d", "r", "m", "q", "v") or word in _PHRASE_STOP_WORDS:
            break
        out += word
    return out


def _slug(text: str) -> str:
    return re.sub(r"[\s/#?]+", "-", text.strip("“”\"'")).strip("-")


def find_observations(
    sentences: Sequence[Sentence],
    mentions: Sequence[Mention],
    lex: Lexicon | None = None,
    *,
    document_year: int | None = None,
) -> tuple[list[ObservationRecord], dict[str, Indicator]]:
    """Observations in the document and the indicator concepts they use.

    Returns
    -------
    (observations, indicators) :
        ``indicators`` maps each indicator id used to its labels, including
        the ones minted from a count's noun phrase.

    Examples
    --------
    >>> from graph.clean import clean_text
    >>> from graph.segment import split_sentences
    >>> from graph.mentions import find_mentions
    >>> sents = split_sentences(clean_text("2023年，肇庆高新区工业总产值是305亿元，同比增长6.5%。"))
    >>> obs, _ = find_observations(sents, find_mentions(sents).mentions)
    >>> [(o.entity, o.indicator, str(o.value), o.unit, o.year) for o in obs]  # doctest: +NORMALIZE_WHITESPACE
    [('肇庆高新技术产业开发区', 'industrial-output-value', '30500000000', 'CNY', 2023),
     ('肇庆高新技术产业开发区', 'industrial-output-value/yoy-growth', '6.5', 'percent', 2023)]
    """
    lex = lex or load_lexicon()
    topics = sentence_topics(sentences, mentions)
    by_sentence: dict[int, list[Mention]] = {}
    for m in mentions:
        by_sentence.setdefault(m.sentence, []).append(m)
    indicators: dict[str, Indicator] = {}
    out: list[ObservationRecord] = []
    parks = [m for m in mentions if m.cls == "Park"]
    main_park = max({m.key for m in parks}, key=lambda k: sum(1 for m in parks if m.key == k)) if parks else None

    carried_year: int | None = None
    for s, topic in zip(sentences, topics):
        text = s.text
        ms = sorted(by_sentence.get(s.index, []), key=lambda m: m.start)
        year_match = YEAR_RE.search(text)
        sent_year: int | None = int(year_match.group(1)) if year_match and _is_point_year(text, year_match) else None
        if sent_year is None and re.match(r"^(?:其中|同时|此外|另外)[，,]", text):
            sent_year = carried_year
        carried_year = sent_year
        prev_ind: str | None = None
        prev_entity: str | None = None
        quantities = find_quantities(text)
        for qi, q in enumerate(quantities):
            if _inside_name(q, ms, s):
                continue
            if q.bound and re.search(r"[（(][^）)]*$", text[: q.start]) and re.match(r"^[^（(]*[）)]", text[q.end :]):
                continue  # a threshold in brackets (2000万元以上) qualifies a count, it is no figure of its own
            left, right = _clause_bounds(text, q.start)
            before = text[left : q.start]
            glue = _VERB_GLUE.search(before)
            core = before[: glue.start()] if glue else before
            # indicator -------------------------------------------------------
            ind_id = None
            label_zh = label_en = None
            to_end = re.search(r"(?:增至|增加至|增长至|增加到|增长到|提高到|提高至|上升至|上升到|降至|下降至|减少至|减至)$", before)
            if to_end and out and out[-1].sentence == s.index:
                start_obs = out[-1]
                out.append(replace(start_obs, value=q.value, start=s.start + q.start, end=s.start + q.end, bound=q.bound,
                                   rule="observation:range-end"))
                continue
            measure = next(((rx, mid, zh, en) for rx, mid, zh, en in _GROWTH if rx.search(core)), None)
            if q.unit in ("percent", "percentage-point", "times") and measure is None and not indicator_for_phrase(core, lex):
                continue
            if measure is not None:
                rx, mid, mzh, men = measure
                base_text = core[: rx.search(core).start()]
                base = indicator_for_phrase(base_text, lex) if base_text else None
                base_id = base.id if base else prev_ind
                if base_id is None:
                    continue
                base_id = base_id.split("/", 1)[0] if "/" in base_id and base is None else base_id
                base_label = base.zh if base else indicators.get(base_id, Indicator(base_id, base_id, base_id)).zh
                base_en = base.en if base else indicators.get(base_id, Indicator(base_id, base_id, base_id)).en
                if base:
                    indicators.setdefault(base.id, Indicator(base.id, base.zh, base.en))
                ind_id = f"{base_id}/{mid}"
                label_zh, label_en = base_label + mzh, f"{base_en}: {men}"
                indicators.setdefault(ind_id, Indicator(ind_id, label_zh, label_en, broader=base_id))
            elif q.unit == "count":
                phrase = _count_phrase(text, left, q.start)
                range_start = _RANGE_RE.search(phrase)
                if range_start:
                    phrase = phrase[: range_start.start()]
                if _TO_RE.match(text[q.end : q.end + 4]) or not phrase:
                    # 由102个增至202个: the phrase sits before 由
                    pass
                if not phrase:
                    m_prev = re.search(r"([\u4e00-\u9fff“”+]{2,16})由\s*$", before)
                    if m_prev:
                        phrase = m_prev.group(1)
                if not phrase and qi > 0 and _TO_RE.search(text[quantities[qi - 1].end : q.start]):
                    phrase = out[-1].indicator if out else ""
                    if phrase:
                        ind_id = phrase
                if ind_id is None and not phrase:
                    if q.value == 1:
                        continue  # 1个小玻璃泡: an article, not a count
                    phrase = _noun_after(text, q.end)
                if ind_id is None:
                    phrase = re.sub(r"^(?:国家级|省级|市级)?$", "", phrase)
                    if len(phrase) < 2 or re.fullmatch(r"[\d.]+", phrase):
                        continue
                    entry = indicator_for_phrase(phrase, lex)
                    if entry and phrase.endswith(entry.cues[0]) and entry.kind == "count" and phrase == entry.cues[0]:
                        ind_id, label_zh, label_en = entry.id, entry.zh, entry.en
                    else:
                        base_phrase = re.sub(r"(?:数量|总数|数)$", "", phrase)
                        ind_id = "count/" + _slug(base_phrase)
                        label_zh = base_phrase + "数量"
                        label_en = f"Number of {base_phrase}"
                    indicators.setdefault(ind_id, Indicator(ind_id, label_zh, label_en))
            else:
                entry = indicator_for_phrase(core, lex)
                if entry is None and prev_ind is None:
                    # 项目5个，总投资额约16.06亿元: look left across the clause boundary
                    entry = indicator_for_phrase(text[max(0, left - 20) : q.start], lex)
                if entry is None:
                    continue
                ind_id, label_zh, label_en = entry.id, entry.zh, entry.en
                # "3+1" 主导产业产值 and other qualified amounts keep their qualifier
                qual = re.search(r"“([^”]{1,12})”\s*" + re.escape(entry.cues[0]) if entry.cues else r"$^", core)
                if qual is None:
                    for cue in entry.cues:
                        qual = re.search(r"“([^”]{1,12})”\s*" + re.escape(cue), core)
                        if qual:
                            break
                if qual:
                    q_text = qual.group(1)
                    ind_id = f"{entry.id}/{_slug(q_text)}"
                    label_zh = f"“{q_text}”{entry.zh}"
                    label_en = f"{entry.en} ({q_text})"
                    indicators.setdefault(ind_id, Indicator(ind_id, label_zh, label_en, broader=entry.id))
                indicators.setdefault(entry.id, Indicator(entry.id, entry.zh, entry.en))
            if ind_id is None:
                continue
            # entity --------------------------------------------------------------
            container = next((m for m in ms if m.cls == "Project" and m.start - s.start <= q.start and q.end <= m.end - s.start), None)
            in_clause = [
                m for m in ms
                if m.cls in _ENTITY_CLASSES and left <= m.start - s.start and m.end - s.start <= q.start
                and not re.search(r"(?:与|和|及|同|跟|在|向|对|被)$", text[: m.start - s.start])
                and not re.search(r"(?:与|同|跟)", text[left : m.start - s.start])
                and not any(c.cls == "Project" and c.start <= m.start and m.end <= c.end and c is not m for c in ms)
            ]
            cands = [m for m in in_clause if m.cls not in ("Product", "GovernmentBody")]
            entity = container.key if container is not None else (cands[0].key if cands else None)
            anaphor = re.search(r"该(专利|技术|发明|项目|产品)", text[: q.start])
            if entity is None and anaphor:
                wanted = {"专利": "Patent", "技术": "Patent", "发明": "Patent", "项目": "Project", "产品": "Product"}[anaphor.group(1)]
                prior = [m for m in mentions if m.cls == wanted and m.start < s.start + q.start]
                entity = prior[-1].key if prior else None
            if entity is None:
                entity = prev_entity or (topic.key if topic is not None else main_park)
            if entity is None:
                continue
            # time ------------------------------------------------------------------
            year = None
            ym = list(YEAR_RE.finditer(text, left, q.start))
            if ym and not text[ym[-1].end() : ym[-1].end() + 2].startswith(("以来", "起", "开始")):
                year = int(ym[-1].group(1))
            elif sent_year and (year_match is None or year_match.start() < q.start):
                year = sent_year
            period = None
            if year is None:
                pm = None
                for pm in _PERIOD_RE.finditer(text, 0, q.start):
                    pass
                period = pm.group() if pm else None
            value = -q.value if measure is not None and _NEGATIVE.search(core) else q.value
            unit = q.unit
            if unit == "count" and ind_id == "annual-capacity":
                unit = "piece"  # 年产50万件: pieces made, not a count of things
            out.append(
                ObservationRecord(
                    entity=entity,
                    indicator=ind_id,
                    value=value,
                    unit=unit,
                    sentence=s.index,
                    start=s.start + q.start,
                    end=s.start + q.end,
                    rule=f"observation:{'measure' if measure else q.unit}",
                    year=year,
                    period=period,
                    bound=q.bound,
                )
            )
            prev_ind = ind_id if measure is None else prev_ind
            prev_entity = entity if cands else prev_entity
    return out, indicators


def _is_point_year(text: str, m: re.Match[str]) -> bool:
    """A year that dates the sentence's figures, not 自2015年以来 or 较2015年."""
    after = text[m.end() : m.end() + 2]
    before = text[max(0, m.start() - 2) : m.start()]
    return not after.startswith(("以来", "起", "开始", "后")) and not before.endswith(("较", "比", "自", "从", "于"))


def _inside_name(q: Quantity, ms: Sequence[Mention], s: Sentence) -> bool:
    a, b = s.start + q.start, s.start + q.end
    return any(m.start <= a and b <= m.end and m.cls not in ("Project",) for m in ms)
