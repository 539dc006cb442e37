"""Stage 5b, observations: the figures a text states, as indicator records.

For each number-with-unit (:func:`graph.extract.numbers.find_quantities`) in a
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

from graph.extract.cues import load_cues
from graph.extract.dates import TextDates, read_dates
from graph.extract.lexicon import IndicatorEntry, Lexicon, load_lexicon
from graph.extract.mentions import trim_left
from graph.extract.numbers import find_quantities
from graph.extract.records import NAME_FIELD
from graph.extract.relations import YEAR_RE, sentence_topics
from graph.extract.tables import Cell, TableRow, YearRow, document_company, read_tables, read_year_tables
from graph.model import Mention, ObservationRecord, Quantity, Sentence
from graph.text.segment import sections

__all__ = ["find_observations", "Indicator", "indicator_for_phrase"]

_ENTITY_CLASSES = frozenset({"Park", "Enterprise", "University", "ResearchInstitute", "Project", "Patent", "Product", "Platform"})
_GROWTH = (
    (re.compile(r"(?:年均|年平均)(?:增长|增速|增幅)(?:率)?(?:为|达|达到)?$"), "average-annual-growth", "年均增长率", "average annual growth"),
    (re.compile(r"(?:同比|(?:较|比)(?:上年|去年)同期)(?:增长|上升|提高|增加)(?:了)?$"), "yoy-growth", "增长率（同比）", "year-on-year growth"),
    (re.compile(r"(?:同比|(?:较|比)(?:上年|去年)同期)(?:下降|减少|回落)(?:了)?$"), "yoy-growth", "增长率（同比）", "year-on-year growth"),
    (re.compile(r"(?:占比|占[\u4e00-\u9fff“”+0-9]{0,16}(?:比重|的比例|比例))(?:为|达|达到)?$"), "share", "占比", "share"),
    (re.compile(r"(?:增长|增速|增幅|上升|提高)(?:率)?(?:了|为|达)?$"), "growth", "增长率", "growth"),
    (re.compile(r"(?:下降|减少|回落|降低)(?:了)?$"), "growth", "增长率", "growth"),
    (re.compile(r"(?:增加|新增|多出)(?:了)?$"), "increase", "增加额", "increase"),
)
_STATED_BASE = re.compile(r"(?:较|比)\s*(?:(?:19|20)\d{2}\s*年(?:末|底|初)?)?的?\s*\d")
"""较2023年末的78家 (增加16家): a comparison whose base figure the text states."""
_NEGATIVE = re.compile(r"(?:下降|减少|回落|降低)(?:了)?$")
_PARTIAL_YEAR = (
    r"(?:(?:19|20)\d{2}\s*年\s*)?(?:前三季度|上半年|下半年|(?:第)?[一二三四1-4]\s*季度|前\s*\d{1,2}\s*个月|"
    r"1?\d\s*月?\s*[—–\-~～至到]\s*1?\d\s*月(?:份)?|1?\d\s*月份)"
)
"""Part of a year (2024年1—8月, 上半年, 一季度, 前10个月): a period, not the year's figure."""
_PARTIAL_AFTER_YEAR = re.compile(r"\s*(?:前三季度|上半年|下半年|(?:第)?[一二三四1-4]\s*季度|前\s*\d{1,2}\s*个月|1?\d\s*月?\s*[—–\-~～至到]\s*1?\d\s*月|1?\d\s*月份)")
_PERIOD_RE = re.compile(
    _PARTIAL_YEAR + r"|(?:(?:19|20)\d{2}\s*[—–\-至到]\s*(?:19|20)\d{2}\s*年|同期|目前|(?:近|这)?\d+年(?:来|里|间|时间里)|近[一二两三四五六七八九十]+年(?:来|里|间)?|(?:在)?\d+年时间里|截至(?:今年|本年|\d{4}\s*年)?\s*(?!12\s*月\s*(?:31\s*日|底|末))\d{1,2}\s*月(?:底|末)?|"
    r"今年(?:以来|前\d+个月|上半年)|上半年|前三季度|“十[一二三四五]五”(?:期间|时期)?|首期|首批)"
)
_COUNT_LEFT_STOP = re.compile(r"[，,、；;：:。（）()]|现有|拥有|建成|累计|共有|共|新增|引进|其中|有|达到|达|为|是|和|及")
_VERB_GLUE = re.compile(r"(?:人民币|是|为|达|达到|提升到|提升至|提高到|提高至|增至|增加到|增加至|实现|约|超过|突破|完成|累计|共|合计|了|在|至|共计|总计|已|均)*$")
_RANGE_RE = re.compile(r"由\s*$")
_ITEM_LABEL = re.compile(r"^\s*(?:\d{1,2}\s*[.．、]\s*)?([\u4e00-\u9fff“”]{2,16})[：:]\s*$")  # 2．规模以上工业增加值：
_HAVE = re.compile(r"(?<=[\u4e00-\u9fff]{2})(?<![已还也均都共仍再])(?:共有|拥有|有)$")  # 企业有84家: 有 is a verb, not the noun
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
    left = max(text.rfind(c, 0, pos) for c in "，,；;。：:●•■◆▪") + 1  # a bullet starts a clause too
    rights = [i for i in (text.find(c, pos) for c in "，,；;。") if i >= 0]
    return left, (min(rights) if rights else len(text))


_PHRASE_STOP_WORDS = frozenset(
    "现有 拥有 建成 累计 共有 共 新增 引进 其中 有 达到 达 为 是 和 及 与 组建 成立 培育 储备 成功 已 还 并 等 "
    "包括 实现 完成 获批 获评 认定为 超过 突破 合计 总计 约 近 逾 在".split()
)
_ADVERBS = frozenset("已 已经 还 也 均 都 共 再 又 正 将 仍 累计 目前 现已 同步 分别 相继 首次 新".split())
_NOUN_MODIFYING_VERBS = frozenset("签约 上市 认定 备案 入驻 孵化 研发 规划 建设 投产 动工 开工 在建 新建 储备".split())


def _count_phrase(text: str, left: int, num_start: int) -> str:
    """The noun phrase a count measures, read back from the number (上市企业3家 → 上市企业)."""
    from graph.text.segment import pos_pairs

    seg = text[left:num_start]
    cut = max(seg.rfind("、"), seg.rfind("，"), seg.rfind(","), seg.rfind("；"))
    seg = seg[cut + 1 :]
    threshold = re.search(r"((?:\d+(?:\.\d+)?)?[亿万千]*元(?:以上|以下)[\u4e00-\u9fff]{1,8})$", seg)
    pos = 0
    start = 0
    toks = pos_pairs(seg) if seg else ()
    for i, (word, tag) in enumerate(toks):
        pos += len(word)
        if i == len(toks) - 1 and len(word) > 1 and word not in _PHRASE_STOP_WORDS:
            break  # the head of the phrase stays, whatever jieba tags it (预算收入/v)
        followed_by_noun = i + 1 < len(toks) and toks[i + 1][1].startswith("n")
        # a verb that names a kind (知识产权示范企业, 双创基地) sits between a noun and the head noun
        modifier = (tag == "v" and i > 0 and toks[i - 1][1][:1] in ("n", "b", "v") and i + 1 == len(toks) - 1
                    and toks[i + 1][1].startswith("n") and len(toks[i + 1][0]) >= 2 and word not in _PHRASE_STOP_WORDS)
        level = word == "级" and i > 0 and toks[i - 1][1] == "ns"  # 清远市级: the level stays with what it qualifies
        # a one-character verb and its one-character object make one word (拿地项目, 供地面积)
        verb_object = tag == "v" and len(word) == 1 and i + 1 < len(toks) and len(toks[i + 1][0]) == 1 and toks[i + 1][1].startswith("n")
        if level or modifier or verb_object:
            continue
        if word in _PHRASE_STOP_WORDS or tag in ("p", "c", "u", "uj", "r", "m", "q") or (tag == "d" and word in _ADVERBS) or (
            tag == "v" and not (word in _NOUN_MODIFYING_VERBS and followed_by_noun)
        ):
            start = pos
    phrase = seg[start:].strip("“”\"' ")
    if len(phrase) == 1 and phrase in "额量值":
        phrase = _with_its_verb(toks, seg)  # 技术合同登记额: a bare 额 takes back the verb and noun it ends
    if threshold and len(threshold.group(1)) > len(phrase):
        return threshold.group(1)  # 亿元以上项目: the threshold is part of what is counted
    return phrase


def _with_its_verb(toks: Sequence[tuple[str, str]], seg: str) -> str:
    """The tokens before a final 额/量 back to the last function word (合同登记额, not 额)."""
    keep = 0
    for word, tag in reversed(toks[:-1]):
        if word in _PHRASE_STOP_WORDS or tag in ("p", "c", "u", "uj", "r", "m", "q", "d"):
            break
        keep += len(word)
    return seg[len(seg) - keep - len(toks[-1][0]) :].strip("“”\"' ") if toks else ""


def _no_thing(phrase: str) -> bool:
    """A phrase before a count that names no thing counted: it ends in a place, a pronoun or
    an adverb (全国, 省内外, 我们, 已), or it is no Chinese word at all."""
    from graph.text.segment import pos_pairs

    if not re.search(r"[\u4e00-\u9fff]$", phrase):
        return True
    toks = pos_pairs(phrase)
    return bool(toks) and (toks[-1][1] in ("ns", "s", "r", "d", "c", "p", "f") or toks[-1][0] in _SCOPE_WORDS)


_SCOPE_WORDS = frozenset("全国 全省 全市 全球 国内 省内 市内 国内外 省内外 海内外".split())
"""Words for where things come from (吸引全国86个项目), never the things counted."""


def _noun_after(text: str, pos: int) -> str:
    """The noun phrase right after a count (4个项目被列入… → 项目; 40多家子公司 → 子公司)."""
    from graph.text.segment import pos_pairs

    tail = re.split(r"[，,。；;、：:（(]", text[pos : pos + 16], maxsplit=1)[0]
    out = ""
    for word, tag in pos_pairs(tail) if tail else ():
        if tag in ("p", "c", "u", "uj", "d", "r", "m", "q", "v") or word in _PHRASE_STOP_WORDS:
            break
        out += word
    return out


def _slug(text: str) -> str:
    return re.sub(r"[\s/#?]+", "-", text.strip("“”\"'")).strip("-")


_FORECAST = re.compile(
    r"(?:力争|预计|有望|争取|确保|预期|目标(?:是|为|值)|规划(?:到|至)|"
    r"计划(?:再|还|要|进一步)?(?=(?:19|20)\d{2}\s*年|到|于|在|将|年内|今年|明年|新增|完成|实现|引进|开工|投产|建成|达到|推出|投入|建设|新建|招引|启动|用|每年|未来|设立|组建|打造)|"
    r"将(?:再|要)?(?:达到|突破|提升|实现|新增|增至|超过|建成|形成|培育|引进|开工))"
)
"""A target, plan or forecast (力争, 预计, 计划…, 将达到): what follows is not a measured value."""
_OPENING_TARGET = re.compile(r"^(?:力争|计划|争取|预计)?(?:到|至)((?:19|20)\d{2})\s*年(?:底|末)?[，,]")
_LIMIT = re.compile(r"(?:最高|最多|最低|不超过|不少于|不低于|不高于|至少|不足|不到)不?(?:支持|给予|补助|奖励|补贴|资助)?$")
"""A cap or floor (最高支持300万元, 不少于10项): a rule's threshold, not a measured value."""
_STRONG_FORECAST = re.compile(r"力争|预计|有望|争取|预期|目标(?:是|为|值)")
"""The cues that make even a design capacity (建成后将形成年产…) a forecast."""
_TARGET_YEAR = re.compile(r"(?:到|至|在|于)((?:19|20)\d{2})\s*年(?:底|末)?")
_TOP_HEADING = re.compile(r"^(?:[一二三四五六七八九十]+[、.．]|第[一二三四五六七八九十]+[章节部分])")
# a label may stand before it: 【概况】2024年，… (a yearbook section), 郑某：2024年，… (an answer in an interview)
_SNAPSHOT = r"截至\s*(?:(?:19|20)\d{2}\s*年)?\s*(?!12\s*月)(?:1[01]|0?[1-9])\s*月(?:底|末)?"
_LEAD_LABEL = r"(?:【[^】]{1,8}】|[\u4e00-\u9fff]{2,4}[：:])?"
# 全年实现… / 当年新增… / 年内完成…: the figure is the year's, and the year is the one the text last stated
_WHOLE_YEAR = re.compile(r"(?:全年|当年|年内|本年度)(?!以来|以前|之前|目标|计划)")
# 去年实现营业收入…, 去年8月完成融资…: a year counted from the text's date line
_RELATIVE_YEAR = re.compile(r"(去年|上年度|今年)(?!以来|同期|前\d|上半年|下半年|[一二三四1-4]季度|1?\d\s*[—–\-~～至到])")
_OPENING_PERIOD = re.compile(r"^" + _LEAD_LABEL + r"(" + _PARTIAL_YEAR + r"|" + _SNAPSHOT + r")[，,]")
"""1—11月，… / 截至9月底，…: a period opening the paragraph dates the figures after it (a year-end 截至12月底 is the year's)."""
_MEASURE_SUFFIXES = tuple(f"/{m}" for _, m, _, _ in _GROWTH)
_WHOLE_OF = re.compile(r"占(?:全[区市园])?([\u4e00-\u9fffA-Za-z&（）()]{2,20}?)的?(?:比重|比例)?(?:为|达|达到)?$")
"""The whole a share is of (占规模以上工业增加值的比重为 → 规模以上工业增加值)."""
_SHARE_OF = re.compile(r"(?:占|相当于)[^，。；]{1,24}?的?$")
_REPORT_TITLE = re.compile(
    r"((?:19|20)\d{2})\s*年(?:[^\n]{0,30}?(?:统计公报|公报|统计|年报|经济运行|国民经济|发展报告|年度报告|工作报告|工作总结|年鉴|项目计划)"
    r"|度[^\n。，,；;]{0,24}?报告)"  # 2024年度环境、社会及公司治理（ESG）报告: an annual report of any kind
    r"|^【概况】\s*((?:19|20)\d{2})\s*年"  # a yearbook entry states its year once, in its 【概况】 section
)
_FORECAST_HEADING = re.compile(r"^(?:[一二三四五六七八九十]+[、.．]|（[一二三四五六七八九十]+）|\d+[、.．])?[^。]{0,20}(?:预期目标|目标任务|主要目标|工作目标|工作安排|计划|展望|重点任务|主要任务|保障措施)")  # (三、重点任务 of an action plan)
_HEADING = re.compile(r"^(?:[一二三四五六七八九十]+[、.．]|（[一二三四五六七八九十]+）|第[一二三四五六七八九十]+[章节部分])")
_SUB_HEADING = re.compile(r"^\s*(?:（[一二三四五六七八九十]+）|[（(]\d{1,2}[）)]|\d{1,2}[.．、])")
_BULLETS = "●•·■□▪◆◇▶►-*–—○"
_UNIT_IN_LABEL = re.compile(r"[（(](亿元|万元|元|万吨|吨|家|个|项|件|万人|人|%|万平方米|平方米)[）)]\s*$")
_TABLE_HEADER = re.compile(r"^(?:指标|项目|名称|类别|主要指标)\s+([^，。；,;]+)$|^((?:(?:19|20)\d{2}\s*年?\s*){2,8})$")
_SECTOR_QUALIFIER = re.compile(r"([\u4e00-\u9fff“”+]{2,12}?(?:产业链|产业|行业|板块|领域))\s*$")


def reference_year(sentences: Sequence[Sentence]) -> int | None:
    """The year a statistics release reports on, from its title (2024年经济运行统计公报 → 2024).

    Figures in such a release that carry no year of their own are that year's;
    a news feature has no reference year.
    """
    for s in sentences[:3]:
        m = _REPORT_TITLE.search(s.text)
        if m:
            return int(m.group(1) or m.group(2))
    return None


_OCCASION = re.compile(load_cues().alternation("occasion"))


def _lead_year(sentences: Sequence[Sentence]) -> int:
    """The text's own year when no date line gives it: the year of the occasion its headline or lead reports
    (漳州市举行2025年度…签约仪式; cues.tsv ``occasion``), if no later year is named anywhere in the text (去年 is the
    year before it). 0 when the top names no occasion with a year (2024年营收增长…: a past year reported on, not the
    present) or the text runs past it (a plan to 2027)."""
    top = [int(m.group(1)) for s in sentences[:2] if _OCCASION.search(s.text) for m in YEAR_RE.finditer(s.text)]
    if not top:
        return 0
    lead = max(top)
    latest = max((int(m.group(1)) for s in sentences for m in YEAR_RE.finditer(s.text)), default=lead)
    return lead if latest <= lead else 0


def reference_period(sentences: Sequence[Sentence]) -> str | None:
    """The part of a year a release reports on, when its title names one (2025年前三季度经济运行简况 → 2025年前三季度).

    The year alone (2024年经济运行情况) names no part of a year: None, and :func:`reference_year` dates the text.
    """
    for s in sentences[:3]:
        m = _REPORT_TITLE.search(s.text)
        if m:
            if not m.group(1):
                return None
            part = _PARTIAL_AFTER_YEAR.match(s.text, m.end(1) + 1)
            return f"{m.group(1)}年{part.group().strip()}" if part and s.text[m.end(1) : m.end(1) + 1] == "年" else None
    return None


class _Indicators:
    """The indicator concepts a document uses, minted on first use."""

    def __init__(self, lex: Lexicon) -> None:
        self.lex = lex
        self.table: dict[str, Indicator] = {}

    def entry(self, entry: IndicatorEntry) -> str:
        self.table.setdefault(entry.id, Indicator(entry.id, entry.zh, entry.en))
        return entry.id

    def worded(self, entry: IndicatorEntry, surface: str) -> str:
        """The indicator in the text's own words (税收收入, 发明专利授权量), narrower than the dictionary's."""
        surface = re.sub(r"^(?:全区|全市|全县|全园|园区|区内|全年|当年|年末|累计)+", "", surface.strip("“”\"' "))
        surface = re.sub(r"^规上", "规模以上", surface)  # the usual short form, spelled out
        surface = re.sub(r"(?:增速|增长率|增幅|增长|同比|占比|比重|首次|已经|已|再次|再|均|分别|共|合计|总计|约|近)+$", "", surface)  # the measure is added by its own concept
        if entry.kind == "count" and not surface.endswith(("量", "数", "数量")):
            surface += "数量"
        if len(surface) <= 2 or surface == entry.zh or surface in (entry.zh + "额", entry.zh.removesuffix("额")):
            return self.entry(entry)
        if entry.zh.endswith("产能") and surface in entry.cues:
            return self.entry(entry)  # 年产能, 产能: the capacity concept itself, no narrower wording
        base = self.entry(entry)
        ind_id = f"{base}/{_slug(surface)}"
        self.table.setdefault(ind_id, Indicator(ind_id, surface, f"{entry.en} ({surface})", broader=base))
        return ind_id

    def qualified(self, entry: IndicatorEntry, qualifier: str) -> str:
        base = self.entry(entry)
        q = qualifier.strip("“”")
        ind_id = f"{base}/{_slug(q)}"
        zh = f"“{q}”{entry.zh}" if qualifier.startswith("“") else f"{q}{entry.zh}"
        self.table.setdefault(ind_id, Indicator(ind_id, zh, f"{entry.en} ({q})", broader=base))
        return ind_id

    def minted(self, phrase: str, unit: str) -> str | None:
        phrase = phrase.strip("“”\"' ：:" + _BULLETS)
        phrase = re.sub(r"^(?:年末|年初|全年|当年|目前|现有|累计|截至目前|共有|其中)+", "", phrase)
        phrase = re.sub(r"(?:同期|同比)$", "", phrase)  # 瞪羚企业同期从58家…: a time word, not part of the name
        if len(phrase) < 2 or re.fullmatch(r"[\d.]+", phrase):
            return None
        entry = indicator_for_phrase(phrase, self.lex)
        if entry is not None and phrase in entry.cues:
            return self.entry(entry)
        if unit == "count":
            base = re.sub(r"(?:数量|总数|个数|数)$", "", phrase)
            zh = base if base.endswith("量") else base + "数量"
            ind_id, en = "count/" + _slug(base), f"Number of {base}"
        elif unit in ("tonne", "piece", "kilogram"):
            zh = phrase if phrase.endswith("产能") else _goods_label(phrase, phrase)
            ind_id, en = "output/" + _slug(phrase), f"Output of {phrase}"
        else:
            zh, ind_id, en = phrase, "amount/" + _slug(phrase), phrase
        self.table.setdefault(ind_id, Indicator(ind_id, zh, en))
        return ind_id

    def goods(self, ind_id: str, before: str) -> str:
        """A count indicator recast as goods made, shipped or sold (风电齿轮箱数量 → 风电齿轮箱产量)."""
        if not ind_id.startswith("count/"):
            return ind_id
        thing = _goods_label(ind_id.removeprefix("count/"), before)
        new_id = "output/" + _slug(thing)
        self.table.setdefault(new_id, Indicator(new_id, thing, f"Output of {thing}"))
        return new_id

    def measure(self, base_id: str, mid: str, mzh: str, men: str, whole: str | None = None) -> str:
        """A growth or share of ``base_id``; a share's label names its whole (研发投入占营业收入比重)."""
        base = self.table.get(base_id) or Indicator(base_id, base_id, base_id)
        ind_id = f"{base_id}/{mid}"
        label = base.zh if base.zh.endswith(mzh) else base.zh + mzh
        if mid == "share" and whole:
            label, men = f"{base.zh}占{whole}比重", f"share of {whole}"  # the id keeps its …/share ending for queries
        self.table.setdefault(ind_id, Indicator(ind_id, label, f"{base.en}: {men}", broader=base_id))
        return ind_id


def _goods_label(thing: str, context: str) -> str:
    """销售钛材 → 钛材销量, 生产整车 → 整车产量, 出货MEMS麦克风 → MEMS麦克风出货量."""
    verb = re.search(r"(出货|销售|交付|生产|产)", context)
    thing = re.sub(r"^(?:生产|出货|销售|交付)", "", thing)
    if thing.endswith("量"):
        return thing
    kind = {"出货": "出货", "销售": "销", "交付": "交付"}.get(verb.group(1) if verb else "", "产")
    return re.sub(r"(?:出货|销售|交付)$", "", thing) + kind + "量"


def _strip_measure(ind_id: str) -> str:
    for suffix in _MEASURE_SUFFIXES:
        if ind_id.endswith(suffix):
            return ind_id[: -len(suffix)]
    return ind_id


def _amount_indicator(core: str, unit: str, inds: _Indicators, lex: Lexicon) -> str | None:
    """The indicator of a level (an amount, a quantity or a count) from the words before it."""
    entry = indicator_for_phrase(core, lex)
    if entry is not None:
        cue = max((c for c in entry.cues if c in core), key=lambda c: (core.rfind(c) + len(c), len(c)))
        pos = core.rfind(cue)
        tail = core[pos + len(cue) :]
        if len(tail) <= 4 and (entry.kind != "count" or unit == "count"):
            head = re.sub(r"(?:实现|完成|达到|共|累计|全年|合计)+$", "", core[:pos])
            quoted = re.search(r"(“[^”]{1,12}”)\s*$", head)
            sector = _SECTOR_QUALIFIER.search(head)
            if quoted:
                return inds.qualified(entry, quoted.group(1))
            if sector and entry.kind != "count":
                qual = sector.group(1)
                qual = qual[trim_left(qual, lex) :] if qual else qual
                return inds.qualified(entry, qual) if len(qual) >= 2 else inds.entry(entry)
            surface = (cue + tail).strip("、，,；;：: ")
            if entry.kind == "count" and tail.startswith("中"):
                # 新签约项目中已动工34个: the members of a set that did something, not the set
                surface = _count_phrase(core[: pos + len(cue)], 0, pos + len(cue)) + tail[1:]
            elif entry.kind == "count":
                # the whole noun phrase the text counts: 新开工项目, 省级以上众创空间, 发明专利授权量
                phrase = _count_phrase(core, 0, len(core))
                if phrase.endswith(surface) and len(phrase) <= len(surface) + 8:
                    surface = phrase
            return inds.worded(entry, surface)
    return None


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
        the ones minted from a noun phrase (上市企业3家 → ``count/上市企业``).

    Examples
    --------
    >>> from graph.text.clean import clean_text
    >>> from graph.text.segment import split_sentences
    >>> from graph.extract.mentions import find_mentions
    >>> sents = split_sentences(clean_text("2023年，肇庆高新区工业总产值是305亿元，同比增长6.5%。"))
    >>> obs, _ = find_observations(sents, find_mentions(sents).mentions)
    >>> [(o.entity, o.indicator, str(o.value), o.unit, o.year) for o in obs]  # doctest: +NORMALIZE_WHITESPACE
    [('肇庆高新技术产业开发区', 'industrial-output-value', '30500000000', 'CNY', 2023),
     ('肇庆高新技术产业开发区', 'industrial-output-value/yoy-growth', '6.5', 'percent', 2023)]
    """
    lex = lex or load_lexicon()
    district_issuer = any(_DISTRICT_ISSUER.search(s.text) for s in sentences[:3])
    if district_issuer:  # a district's 全区 is no park, and an unnamed figure is the district's, not a park's
        mentions = [m for m in mentions if not (m.cls == "Park" and m.rule.startswith("anaphor"))]
    # 归属于上市公司股东的净利润: a name before 股东 speaks of holders, it is no topic
    topics = sentence_topics(sentences, [m for m in mentions if not _before_holders(m, sentences)])
    section_of = sections(sentences)
    by_sentence: dict[int, list[Mention]] = {}
    for m in mentions:
        by_sentence.setdefault(m.sentence, []).append(m)
    inds = _Indicators(lex)
    city_head = _named_city_head(lex)
    out: list[ObservationRecord] = []
    ref_year = document_year or reference_year(sentences)
    ref_period = None if document_year else reference_period(sentences)
    section_parks: dict[int, str] = {}
    for m in mentions:
        if m.cls == "Park":
            section_parks.setdefault(section_of[m.sentence], m.key)
    main_park = _most_named_park(mentions)
    # a park owns the figures no one else claims only when the text is about it: named more than
    # once, or in the headline (a park named in passing in a university's or a city's news owns none)
    park_counts: dict[str, int] = {}
    for m in mentions:
        if m.cls == "Park":
            park_counts[m.key] = park_counts.get(m.key, 0) + 1
    owning_parks = {k for k, n in park_counts.items() if n >= 2} | {m.key for m in mentions if m.cls == "Park" and m.sentence < 3}
    principal = _principal_enterprise(sentences, mentions) or _dominant_enterprise(mentions)
    self_company = _self_company(sentences, mentions)
    # the enterprise whose name opens the text (江苏某某股份有限公司2024年年度报告): the text is its report
    first = min((m for m in mentions if m.cls in _ENTITY_CLASSES), key=lambda m: m.start, default=None)
    issuer = first.key if first is not None and first.cls == "Enterprise" and first.key == principal and first.sentence == 0 else None
    project_keys = {m.key for m in mentions if m.cls == "Project"}
    project_names = {m.name: m.key for m in mentions if m.cls == "Project" and len(m.name) >= 6}
    key_class = {m.key: m.cls for m in mentions}
    known_names = {m.name: m.key for m in mentions if m.cls in ("Park", "Enterprise") and len(m.name) >= 4
                   and not m.rule.startswith("anaphor")}

    rows = read_tables(sentences, lex)
    row_sentences = {r.sentence for r in rows} | {r.honour[1] for r in rows if r.honour}  # rows and their captions
    company = document_company(sentences, mentions, defined=True)
    year_rows = read_year_tables(sentences) if company is not None else []
    row_sentences |= {r.sentence for r in year_rows} | {r.sentence - 1 for r in year_rows}  # and the header above each
    table_years: list[str] = []
    table_owner: str | None = None  # the incubator whose table it is, once a row of its firms (在孵企业…) is read
    carried_year: int | None = None
    section_year: int | None = None  # 一、2024年工作回顾: the year of the figures under it
    section_period: str | None = None  # 二、2025年一季度情况: the part of a year the figures under it cover
    para_time: tuple[int, int | None, str | None] | None = None  # (paragraph, year, period) from 「2024年，…」 / 「1—11月，…」
    known = read_dates(sentences)  # the text's date line(s) and the years its sentences open with
    dateline = known.date.year if known.date else _lead_year(sentences)
    headlines = _headlines(sentences, known)
    latest_year = ref_year or 0  # the latest year the text has reported on: 到2027年 beyond it is a target
    carried_entity: str | None = None
    prev_level: tuple[str, str] | None = None  # the last level figure's (indicator, unit), for an elliptical one after it
    last_range: tuple[int, int] | None = None  # the (start, end) years of the last 由A增至B
    in_forecast = False
    item_entity: str | None = None  # the firm a numbered item heading names (1.某某有限公司)
    stated_year: int | None = None  # the point year the text last stated (for 全年/当年 figures in later paragraphs)
    area_paragraph: int | None = None  # the paragraph whose sentences speak of the city (全市…), not of an entity
    area_event = False  # the text told of a city's event (赣州市…集中签约仪式): 此次签约… speaks of it again
    design_year: int | None = None  # the last 2024年度 stated: the year of a notice's designations
    park_names = {m.name: m.key for m in mentions if m.cls == "Park" and m.rule != "anaphor:park"}
    named_park: tuple[int, str | None] = (-1, None)  # (paragraph, park) the sentence before named alone
    para_firm: tuple[int, str | None] = (-1, None)  # (paragraph, firm) the paragraph's first sentence opens on
    field_firm: str | None = None  # the firm a 公司名称：… field named, for the field lines after it
    for s, topic in zip(sentences, topics):
        text = s.text
        if s.index in row_sentences:
            continue  # a list table's row: read by its columns below
        if s.index in headlines:
            continue  # 12个项目现场签约 总投资186.4亿元: a headline's teaser, told again in the body
        ms = sorted(by_sentence.get(s.index, []), key=lambda m: m.start)
        quantities = [q for q in find_quantities(text) if not _inside_name(q, ms, s)]
        header = _TABLE_HEADER.match(text)
        if header and (header.group(2) or len(header.group(1).split()) >= 2):
            table_owner = None
            table_years = (header.group(1) or header.group(2)).split() if header.group(1) else [
                y + "年" for y in re.findall(r"(?:19|20)\d{2}", header.group(2))]
            continue
        park = section_parks.get(section_of[s.index], main_park)
        if park not in owning_parks:
            park = main_park if main_park in owning_parks else None
        if district_issuer and not any(m.cls == "Park" for m in ms):
            # 武进牛塘产业园的特色产业是….受…影响，园区规上工业总产值…: 园区 is the park the paragraph just named
            park = named_park[1] if named_park[0] == s.paragraph and _PARK_SELF.search(text) else None
        parks_here = {m.key for m in ms if m.cls == "Park"}
        if para_firm[0] != s.paragraph:
            para_firm = (s.paragraph, _opening_firm(s, ms))
        name_field = NAME_FIELD.match(text)
        if name_field:
            field_firm = next((m.key for m in ms if m.cls == "Enterprise" and m.start - s.start >= name_field.end()), None)
        elif _TOP_HEADING.match(text):
            field_firm = None
        # 公司名称：A有限公司 / 注册资本：30,000万元: the fields under a name field are that firm's
        field_owner = field_firm if field_firm is not None and _FIELD_LINE.match(text) else None
        named_park = (s.paragraph, parks_here.pop()) if len(parks_here) == 1 else (s.paragraph, park) if parks_here == set() and park else (-1, None)
        heading = _HEADING.match(text) or (len(text) <= 24 and text[-1:] not in "。！？；" and text[:1] not in _BULLETS)
        if s.index > 0 and section_of[s.index] != section_of[s.index - 1]:
            section_year = section_period = None  # a new news item on the page
        if heading:
            item_entity = _item_entity(s, text, ms)  # 1.某某有限公司: the paragraphs under it describe that firm
            # （一）实施链主引领工程 under 三、重点任务: a sub-heading keeps the plan its section heading opened
            in_forecast = bool(_FORECAST_HEADING.match(text)) or (in_forecast and bool(_SUB_HEADING.match(text)))
            years = [int(m.group(1)) for m in YEAR_RE.finditer(text)
                     if _is_point_year(text, m) and not re.match(r"\s*\d{1,2}\s*月", text[m.end():])]
            part = _HEADING_PERIOD.search(text)
            if years:
                section_year, section_period = years[0], None
            elif part and s.index > 0:
                section_year, section_period = None, part.group().strip()  # 二、2025年一季度情况: that period's figures
            elif dateline and _PAST_YEAR.search(text):
                section_year = dateline - 1  # 一、过去一年工作回顾 in a report dated 2026: the figures under it are 2025's
            elif _TOP_HEADING.match(text):
                section_year = section_period = None
        opening_period = _OPENING_PERIOD.match(text)
        if opening_period:
            para_time = (s.paragraph, None, opening_period.group(1))
        elif s.index in known.opening_years:
            para_time = (s.paragraph, known.opening_years[s.index], None)
        elif para_time is not None and para_time[0] != s.paragraph and not _cut_short(sentences, s.index - 1):
            para_time = None
        context_year = para_time[1] if para_time else section_year
        context_period = para_time[2] if para_time else section_period
        if table_years:
            if table_owner is None and _INCUBATED_HEAD.match(text):
                table_owner = _incubator(s, text, ms, mentions, 0)  # 在孵企业 家 78 94: an incubator's table, as in the prose
            row = _table_row(s, text, quantities, table_years, table_owner or self_company or park, inds, lex)
            if row:
                out += row
                continue
        table_years = []
        year_match = YEAR_RE.search(text)
        sent_year: int | None = int(year_match.group(1)) if year_match and _is_point_year(text, year_match) else None
        if sent_year is None and re.match(r"^(?:其中|同时|此外|另外)[，,：:]", text):
            sent_year = carried_year
        carried_year = sent_year
        whole_year = stated_year if _WHOLE_YEAR.search(text) else None
        if sent_year is not None:
            stated_year = sent_year
        # a sentence cut at ； (a hard-wrapped line) goes on with the figure before it
        chained = _cut_short(sentences, s.index - 1, "；;，,、")
        prev_ind = prev_level[0] if chained and prev_level else None
        prev_level = prev_level if chained else None
        prev_entity: str | None = None
        prev_base: str | None = None  # the base indicator of the last growth or share in the sentence
        open_range = False  # the figure before was the start of 由A增至B
        same_span = False  # that start took its years from the range before it (同期从…)
        other_area = _DISTRICT_AREA if district_issuer else _OTHER_AREA
        # 全市实现地区生产总值…。规上工业增加值增长6.2%。: a paragraph that opens on the city goes on about it
        # until a sentence names an entity or the park (园区…)
        # 赣州市…集中签约仪式举行，…。(next paragraph) 此次签约的项目…: the city's event told again opens on the city
        opens_on_area = bool(other_area.match(text) or city_head.match(text) or (area_event and _THIS_EVENT.match(text)))
        own_self = _PARK_SELF.search(text)
        first_named = min([m.start - s.start for m in ms if m.cls in _ENTITY_CLASSES] + [own_self.start() if own_self else len(text)])
        names_one = first_named < len(text)
        # …until a clause names an entity or the park (…；其中，落户A园的项目5个: A's)
        area_goes_on = area_paragraph == s.paragraph and not opens_on_area
        area_paragraph = s.paragraph if opens_on_area or (area_goes_on and not names_one) else None
        area_event = area_event or bool(_CUES.pattern("area-event").search(text) and city_head.search(text))
        design_year = max((int(y) for y in re.findall(r"((?:19|20)\d{2})\s*年度", text)), default=design_year)
        spread, spread_used = _spread_counts(s, quantities, park_names, design_year or sent_year or ref_year, inds)
        out += spread
        fund_head = -1  # the segment (from its ；) whose figures a fund has claimed
        for qi, q in enumerate(quantities):
            if q.start in spread_used:
                continue  # a count of the set spread over parks, read above
            left, _right = _clause_bounds(text, q.start)
            before = text[left : q.start]
            if any(guard(text, q, before) for guard in _HEDGES):
                continue  # a threshold, a floor or a hedged figure: no measured value
            head = max(0, *(text.rfind(c, 0, q.start) for c in "；;。"))  # (from the stop itself: a clause after ； opens there)
            if (other_area.search(text, head, q.start) or city_head.search(text, head, q.start) or (area_goes_on and q.start < first_named)) and not any(
                m.cls in _ENTITY_CLASSES and left <= m.start - s.start < q.start for m in ms
            ):
                continue  # 2024年，全市12条产业链实现产值…: the city's figure, not an entity's (全区 in a district's text)
            if _AREA_AVERAGE.search(before) or (_NAMED_AREA.search(text, head, q.start)
                                                and not any(m.cls in _ENTITY_CLASSES and left <= m.start - s.start < q.start for m in ms)):
                continue  # 高于全市平均水平的2.9%, 云崖市规上工业增加值增长6.8%: the area's figure
            member = _MEMBER_BODY.search(text, head, q.start)
            if member and not any(m.cls in _ENTITY_CLASSES and left <= m.start - s.start < member.start() for m in ms):
                continue  # 协会会员单位中共有“小巨人”企业11家, 成员单位包括A大学和企业23家: an association's members, no entity's figure
            if _fund_speaks(text, head, left, q.start, ms, s):
                fund_head = head
                continue  # 天使基金年内投资在孵项目6个, 设立X基金，首期规模10亿元: a fund's figures (no entity class)
            if fund_head == head and not any(m.cls in _ENTITY_CLASSES and left <= m.start - s.start < q.start for m in ms):
                continue  # …，投资金额2150万元: the fund's clause goes on
            if any(guard(text, q, before) for guard in _NO_STATISTIC):
                continue  # a market's size, a list's size, an ordinal, a price, a milestone: no entity's figure
            glue = _VERB_GLUE.search(before)
            core = before[: glue.start()] if glue else before
            static = _STANDING.search(before)  # a capacity, an area or a registered capital: a standing size, no year's flow
            # a paragraph that opens on a period (1—9月，…) or a title that names one (2025年前三季度…) dates the
            # figures that name no year of their own by that period, not by the report's year
            period_scope = context_period or ref_period
            year = _year_for(text, left, q.start, None if static else sent_year, year_match, None if static or period_scope else ref_year)
            if static and (not [m for m in YEAR_RE.finditer(text, left, q.start)] or "注册资本" in before):
                year = None  # (a registered capital is a standing amount, whenever it was registered)
            own_period = _last_period(text, q.start)
            rel_here = [m for m in _RELATIVE_YEAR.finditer(text, left, q.start)] if dateline and year is None and not static else []
            if rel_here and not _PERIOD_RE.search(text, rel_here[-1].start(), q.start):
                # 目前…，去年集成电路产业营收增长31.5%: the clause's own 去年 beats a period stated before it
                year, own_period = dateline - (0 if rel_here[-1].group(1) == "今年" else 1), None
            # 去年，公司营业收入达…: a relative year opening the clause group counts from the text's own date, and beats
            # a year carried from a heading or the paragraph (the headline's 2025年度 is now, 去年 is the year before)
            rel = [m for m in _RELATIVE_YEAR.finditer(text, max(text.rfind(c, 0, q.start) for c in "；;。") + 1, q.start)] if dateline else []
            if year is None and not static and own_period is None and not re.search(r"总投资|投资总额", before):
                if rel and not _PERIOD_RE.search(text, rel[-1].start(), q.start):
                    year = dateline - (0 if rel[-1].group(1) == "今年" else 1)
                elif context_period is not None:
                    own_period = context_period  # 1—11月，…: the paragraph's figures are that period's
                elif context_year is not None and _STOCK.search(text, left, q.start):
                    own_period = _STOCK.search(text, left, q.start).group()  # 累计获得专利41件: a running total, not the year's
                elif context_year is not None:
                    year = context_year  # 2024年，… or 一、2024年工作回顾: carried to the figures that follow
                elif whole_year is not None and _WHOLE_YEAR.search(text, 0, q.start):
                    year = whole_year  # 2024年，…。(next paragraph) 全年实现…: the year stated last
            if year is None and own_period is None and not static and ref_period and not re.search(r"总投资|投资总额", before):
                own_period = ref_period  # 2025年前三季度经济运行简况: …，A公司实现产值21.4亿元 is that period's
            if year is None and own_period is None and not static and dateline and "本次" in text[
                    max(text.rfind(c, 0, q.start) for c in "；;。") + 1 : q.start]:
                year = dateline  # 公司本次募集资金9.66亿元: the occasion just reported, in the year of the text's date
            if year is None and own_period is None and q.unit == "count" and design_year and _HOLDERS_AFTER.match(text, q.end):
                year = design_year  # 拟认定2025年度…。A园有5家企业入选: the holders of the notice's designations, in its year
            so_far = _SO_FAR.search(text, left, q.start)
            if so_far and not YEAR_RE.search(text, left, q.start):
                year, own_period = None, "已"  # 去年落户园区，已为企业解决技术难题37项: a total so far, no year's flow
            status = "target" if in_forecast or _is_target(text, q.start, latest_year, capacity=bool(static)) else "measured"
            if re.search(r"(?<!项目)计划总投资(?:额)?(?:为|约|达)?$", before):
                status = "target"  # 推动X项目年内开工，计划总投资8亿元: the sum a plan sets, no amount invested
            range_start = re.search(r"(?:由|从)\s*(?:((?:19|20)\d{2})\s*年(?:底|末|初)?的?)?$", before)
            was_open, open_range = open_range, bool(range_start)
            if range_start:
                # the start of 由A增至B: its own year, if the text gives one, never the sentence's
                year = int(range_start.group(1)) if range_start.group(1) else None
                same_span = year is None and last_range is not None and "同期" in text[max(text.rfind(c, 0, q.start) for c in "；;。") + 1 : q.start]
                if same_span:
                    year = last_range[0]  # 同期从58家增至91家: over the same years as the range before
            # the end of a range (由102个增至202个) repeats the start's indicator
            range_end = re.search(r"(?:增至|增加至|增长至|增加到|增长到|提高到|提高至|提升至|提升到|上升至|上升到|降至|下降至|减少至|减至)"
                                  r"(?:((?:19|20)\d{2})年(?:底|末)?的?|(去年|上年|今年)(?:底|末)?的?)?$", before)
            if range_end and out and out[-1].sentence == s.index and was_open:
                start = out[-1]
                if range_end.group(1):
                    year = int(range_end.group(1))
                elif range_end.group(2) and dateline:  # 增至去年底的318家: the year before the dateline's
                    year = dateline - (0 if range_end.group(2) == "今年" else 1)
                elif same_span and last_range is not None:
                    year = last_range[1]
                elif start.year is not None:
                    # 由2023年的412家增至468家: the end is the year the text reports on, not the start's
                    year = next((y for y in (year, context_year, sent_year, ref_year) if y is not None and y > start.year), None)
                else:
                    year = None
                out.append(replace(start, value=q.value, start=s.start + q.start, end=s.start + q.end, bound=q.bound,
                                   rule="observation:range-end", year=year, period=None if year else own_period, status=status))
                last_range = (start.year, year) if start.year is not None and year is not None else last_range
                continue
            shift = _share_shift(out, s, q, core, inds)
            if shift is not None:
                out.append(shift)  # 比重为27.5%，比上年提高2.3个百分点: the share's change, in points
                continue
            ind_id = None
            measure = next(((rx, mid, zh, en) for rx, mid, zh, en in _GROWTH if rx.search(core)), None)
            if measure is None and q.unit == "percent" and _SHARE_OF.search(core):
                measure = (_SHARE_OF, "share", "占比", "share")
            if measure is not None:
                rx, mid, mzh, men = measure
                if mid == "increase" and _STATED_BASE.search(before):
                    continue  # 较2023年末的78家增加16家: the difference of two figures the text gives, derivable
                base_text = core[: rx.search(core).start()]
                if mid == "increase" and re.search(r"(?:比|较)上年末?$", base_text):
                    mzh = "较上年增加" + ("数" if q.unit == "count" else "额")  # 比上年末增加61家
                base_text = re.sub(r"(?:分别)?(?:比上年|较上年|比去年|较去年|同比|上年|比上年末|较上年末)?(?:分别)?$", "", base_text)
                label = _ITEM_LABEL.match(text[:left])
                if not base_text.strip() and label:
                    base_text = label.group(1)  # 2．规模以上工业增加值：同比增长9.1%: the item's label is what grew
                base_id = _amount_indicator(base_text, "CNY", inds, lex) if base_text else None
                if base_id is None and len(base_text) >= 2 and not re.search(r"[\d]", base_text):
                    phrase = _strip_names(_count_phrase(base_text, 0, len(base_text)), text, ms, s)
                    base_id = inds.minted(phrase, "CNY") if len(phrase) >= 2 else None
                if base_id is None and prev_ind is not None:
                    base_id = _strip_measure(prev_ind)
                if base_id is None and mid == "share" and prev_base is not None:
                    base_id = prev_base  # 高技术制造业增加值增长18.2%，占…的比重为27.5%: the share of what just grew
                if base_id is None:
                    continue
                prev_base = base_id
                whole = _WHOLE_OF.search(core) if mid == "share" else None
                ind_id = inds.measure(base_id, mid, mzh, men, whole.group(1) if whole else None)
            elif q.unit == "percent" and _RATE.search(core):
                # 营业收入利润率为5.46%, R&D经费投入强度4.1%: a rate named as such is a level of its own
                phrase = _strip_names(_RATE.search(core).group(1), text, ms, s)
                ind_id = inds.minted(phrase, "percent")
                if ind_id is None:
                    continue
            elif q.unit in ("percent", "percentage-point", "times"):
                continue
            else:
                ind_id = _amount_indicator(core, q.unit, inds, lex)
                contract = _CONTRACT_AFTER.match(text, q.end) if q.unit in ("CNY", "USD") and _SUM_WORD.search(core) else None
                if contract:  # 签订了总额9.6亿元的设备采购合同: the sum of the contract named after it (设备采购合同金额)
                    ind_id = inds.minted(contract.group(1) + "金额", q.unit) or ind_id
                if ind_id is None and _made_things(q) and _CAPACITY_BEFORE.search(core):
                    # 年产12英寸晶圆封装24万片: a capacity, the product named between the cue and the figure
                    capacity = indicator_for_phrase("设计产能", lex)
                    ind_id = inds.entry(capacity) if capacity is not None else None
                compared = _COMPARED_BASE.search(before)
                if ind_id is None and compared and prev_level is not None and prev_level[1] == q.unit:
                    # 营业收入38.6亿元，较2023年的31.2亿元增长23.7%: the base is the same indicator's earlier value
                    ind_id, year, own_period = prev_level[0], int(compared.group(1)), None
                paren = text.rfind("（", left, q.start)
                aside = core[paren + 1 - left :] if paren >= 0 and "）" not in text[paren : q.start] else core
                if ind_id is None and prev_level is not None and prev_level[1] == q.unit and (
                    _ELLIPSIS.fullmatch(aside.strip()) or (not core.strip() and re.search(r"累计|共计|总计|合计", before))
                    or (not core.strip() and _MILESTONE_BEFORE.search(text, 0, left))
                    or _names_one(core, text, ms, s)
                    or (not core.strip() and _unread_subject(text, left, q.start, ms, s, known_names) is not None)
                ):  # A完成工业总产值528.4亿元；B完成236.1亿元: B's figure of the same indicator  # …, also 新增A企业7家，累计达到31家: the running total of what was just counted,
                    # and 迈上600亿元台阶，达到612亿元: the value reached past the milestone
                    # 2022年为486亿元；2023年达到541亿元 / 21家（2023年为15家） / 2.35亿元，上年同期为1.42亿元:
                    ind_id = prev_level[0]  # the same indicator, another year
                if ind_id is None:
                    noun_end = left + len(core) if core.strip() else q.start
                    if re.match(r"[，,。；;、]|$", text[q.end :]):
                        noun_end = left + len(_HAVE.sub("", core)) if core.strip() else q.start  # 高新技术企业有84家。
                    phrase = _count_phrase(text, left, noun_end)
                    phrase = _strip_names(phrase, text, ms, s)
                    range_start = _RANGE_RE.search(phrase)
                    if range_start:
                        phrase = phrase[: range_start.start()]
                    if not phrase:
                        m_prev = re.search(r"([\u4e00-\u9fff“”+]{2,16})(?:由|从)\s*(?:(?:19|20)\d{2}\s*年(?:底|末|初)?的?)?$", before)
                        phrase = _strip_names(m_prev.group(1), text, ms, s) if m_prev else ""
                    if phrase in ("总数", "总量", "累计", "合计", "总计") and prev_ind is not None:
                        ind_id = _strip_measure(prev_ind).replace("/new", "")
                    elif phrase and any(m.name.endswith(phrase) or phrase.endswith(m.name) for m in ms if m.end - s.start <= q.start and m.cls != "Honour"):
                        phrase = ""  # 涪江科技园共有3家企业: the park is who counts, not what is counted
                        # (an honour is what is counted: 新增“小巨人”企业2家 counts its holders)
                    sold = _GOODS_OBJECT.search(core) if q.unit == "count" and re.search(r"[台套件片只辆颗支]$", q.surface) else None
                    if sold:
                        phrase = sold.group(1)  # 公司销售新能源重卡1.26万辆: the goods sold or made, the verb's object
                    if phrase and q.unit == "count" and not sold and _no_thing(phrase):
                        phrase = ""  # 吸引全国86个项目: a place before it, the thing counted comes after
                    if not phrase and q.unit == "count":
                        if q.value == 1:
                            continue  # 1个小玻璃泡: an article, not a count
                        phrase = _noun_after(text, q.end) or _subset_phrase(text, q, before, prev_level, inds)
                        if not phrase:
                            phrase = _elided_noun(text, q, before, prev_level)  # 3家企业入选A，11家入选B: B's holders
                    if ind_id is not None:
                        pass
                    elif not phrase and q.unit != "count":
                        cross = indicator_for_phrase(text[max(0, left - 20) : q.start], lex)
                        ind_id = inds.entry(cross) if cross is not None and prev_ind is None else None
                    else:
                        ind_id = inds.minted(phrase, q.unit)
            funded = _funded_project(s, text, ms, q, before)
            if funded is not None:  # 公司投资5.8亿元建设的X项目: the project's total investment, not a flow of the year
                total = indicator_for_phrase("总投资", lex)
                ind_id = inds.entry(total) if total is not None else ind_id
                year, own_period = None, None
            if ind_id is None:
                continue
            unnamed = district_issuer and prev_entity is None and carried_entity is None and not any(m.cls in _ENTITY_CLASSES for m in ms)
            # (新增经营主体3.1万户 in a district's report names no one: the district's, not the firm named paragraphs before)
            entity = funded or _observed_entity(s, text, ms, mentions, q, left, None if unnamed else topic, prev_entity or carried_entity, park,
                                      inds.table.get(ind_id), principal, self_company, field_owner or item_entity or _item_opening(s, text, ms),
                                      issuer, para_firm[1] if para_firm[0] == s.paragraph else None)
            each = _each_of(s, text, ms, left, q.start)
            if each:
                entity = each[0]  # A和B各有4家企业入选: each member of the list has the count
            if entity is None:
                continue
            unread = None if each else _unread_subject(text, left, q.start, ms, s, known_names)
            if unread is not None and funded is None:
                entity = unread  # …，虞河生物医药园实现产值98.6亿元: a park the mention pass read only elsewhere
            if entity not in project_keys and ind_id.split("/")[0] in _PROJECT_MEASURES:
                # 其中，X项目由A公司具体实施，总投资32亿元: a project the text named before, named again here
                entity = _project_named(text[:q.start], project_names) or entity
            if q.unit in ("square-metre", "mu") and key_class.get(entity, "Park") != "Park" and not ind_id.startswith("output/"):
                year = None  # 企业…租用标准厂房1.2万平方米: a firm's or a platform's floor is a standing size, no year's flow
            if entity in project_keys and re.search(r"总投资|投资总额", before) and not YEAR_RE.search(text, left, q.start):
                year = None  # a project's size, not a year's flow (a park's 项目总投资 for the year keeps its year)
            period = own_period if year is None else None
            value = -q.value if measure is not None and _NEGATIVE.search(core) else q.value
            if re.search(r"(?:^|[^\d\s])\s*[-−－]\s*$", text[: q.start]) and value > 0:
                value = -value  # 净利润 -412.36 万元
            unit = q.unit
            if unit == "count" and re.search(r"[台套件片只辆颗支]$", q.surface) and (
                ind_id in ("annual-capacity", "sales-volume") or _GOODS_VERB.search(before)
                or re.match(r"[^，,；;。]{0,12}产量[：:]", text)  # 主要工业产品产量：风电齿轮箱4260台；…
                or re.search(r"主要(?:工业)?产品(?:产量)?中[，,]", text[: q.start])  # 主要工业产品中，…减速器18.4万台
            ):
                unit = "piece"  # 年产50万件, 销量41.5万台, 年产3000万支: pieces made, not a count of things
                ind_id = inds.goods(ind_id, before)
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
                    status=status,
                )
            )
            out += [replace(out[-1], entity=k) for k in each[1:]]
            prev_ind = ind_id if measure is None else prev_ind
            prev_level = (ind_id, unit) if measure is None else prev_level
            prev_entity = entity
        if _RESPECTIVELY.search(text):
            out = _respectively(s, text, quantities, out, known.report_period, ms)
        if not in_forecast:
            reported = [int(m.group(1)) for m in YEAR_RE.finditer(text)
                        if _is_point_year(text, m) and not re.search(r"[到至]\s*$", text[: m.start()])
                        and not _is_target(text, m.start(), 0)]
            latest_year = max([latest_year, *reported])
        # within a paragraph, a figure with no subject of its own is still about the last one's
        carried_entity = prev_entity if prev_entity is not None else carried_entity
        if carried_entity is not None and carried_entity in project_keys:
            carried_entity = None  # a project's figures stay in the sentence that names it (or say 项目)
        if carried_entity in {m.key for m in ms if m.cls == "Platform" or (m.cls == "ResearchInstitute" and _BUILT.search(text, 0, m.start - s.start))}:
            # A与B共建的检测中心…完成检测服务1260批次。/ X中心揭牌运营，首批进驻机构12家。: a platform's counts stay in
            # its sentence (or say 中心/平台), the sentence after speaks of the park again
            carried_entity = None
        if len({o.entity for o in out if o.sentence == s.index}) > 1:
            carried_entity = None  # A实现…，B实现…，C实现…: a list of subjects hands none of them on
        if s.index + 1 < len(sentences) and sentences[s.index + 1].paragraph != s.paragraph and not _cut_short(sentences, s.index):
            carried_entity = None
    out += _table_observations(rows, mentions, inds, lex, document_company(sentences, mentions))
    out += _year_table_observations(year_rows, company.key if company else "", inds, lex, ref_year)
    return _first_statements(out), inds.table


# the set a sentence then spreads over parks: 本批次24个认定对象中，…; 拟认定的14家企业分布于…
_SPREAD_SET = re.compile(r"(\d+|[一二三四五六七八九十]+)(?:个|家|项|所)([\u4e00-\u9fff]{2,8}?)(?:中[，,]|分布(?:于|在))")
_SPREAD_GLUE = re.compile(r"^[，,；;、\s]*(?:其中)?[，,：:]?|(?:各|均|分别)$")


def _spread_counts(
    s: Sentence, quantities: Sequence[Quantity], parks: dict[str, str], year: int | None, inds: _Indicators,
) -> tuple[list[ObservationRecord], set[int]]:
    """A counted set spread over parks (本批次24个认定对象中，A园7个，B园5个，C园、D园各4个): each
    park's count, in the indicator of the set (认定对象数量, 认定 in a notice's set), and the
    starts of the quantities read (the set's total too: it is told again by its parts)."""
    text = s.text
    head = _SPREAD_SET.search(text)
    if head is None:
        return [], set()
    noun = "认定对象" if "认定" in text[max(0, head.start() - 4) : head.end()] else head.group(2)
    ind_id = inds.minted(noun, "count")
    out: list[ObservationRecord] = []
    used: set[int] = set()
    at = head.end()
    for q in quantities:
        if q.start < at or q.unit != "count" or not re.match(r"[，,；;。、]|$", text[q.end :]):
            continue  # (三个专业园: the count names a kind, it is no park's share)
        clause = max(at, *(text.rfind(c, at, q.start) + 1 for c in "，,；;"))
        names = _SPREAD_GLUE.sub("", _SPREAD_GLUE.sub("", text[clause : q.start]))
        keys = [_park_named(n, parks) for n in re.split(r"[、和及与]", names)]
        if ind_id is None or not names or None in keys:
            if out:
                break  # the list of parks and their counts ends here
            continue
        out += [ObservationRecord(k, ind_id, q.value, "count", s.index, s.start + q.start, s.start + q.end,
                                  "observation:spread", year=year) for k in keys]
        used.add(q.start)
        at = q.end
    if out:
        used |= {q.start for q in quantities if q.start < head.end() and q.end > head.start()}
    return out, used


def _park_named(name: str, parks: dict[str, str]) -> str | None:
    """The park a name names: a known name, or one with a short place before it (襄阳 + 汉江北岸智造产业园)."""
    if name in parks:
        return parks[name]
    return next((k for n, k in parks.items() if name.endswith(n) and len(name) - len(n) <= 4 and len(n) >= 4), None)


_SHARE_SHIFT = re.compile(r"^(?:比|较)(?:上年|去年)(?:末|底)?(提高|上升|增加|下降|降低|回落)(?:了)?$")


def _share_shift(out: Sequence[ObservationRecord], s: Sentence, q: Quantity, core: str, inds: _Indicators) -> ObservationRecord | None:
    """A share's change on the year right after it (占…比重为27.5%，比上年提高2.3个百分点): the share's
    entity and year, indicator …比重较上年提高百分点, in percent (a fall is negative)."""
    shift = _SHARE_SHIFT.match(core.strip())
    if q.unit != "percentage-point" or shift is None or not out:
        return None
    share = out[-1]
    if share.sentence != s.index or not share.indicator.endswith("/share") or share.unit != "percent":
        return None
    ind_id = inds.measure(share.indicator, "yoy-change", "较上年提高百分点", "change on the previous year (percentage points)")
    value = -q.value if shift.group(1) in ("下降", "降低", "回落") else q.value
    return replace(share, indicator=ind_id, value=value, start=s.start + q.start, end=s.start + q.end,
                   rule="observation:share-shift", bound=q.bound)


_BUILT = re.compile(r"(?:建成|共建|组建|设立|成立|建立|牵头组建)(?:了|的)?$")  # (共建了P, A与B共建的P)


_RESPECTIVELY = re.compile(r"分别(?:为|是|达到|达|实现|(?:同比)?(?:增长|下降|增加|减少))")
_LIST_GLUE = re.compile(r"\s*(?:、|，|,|和|及|与)\s*")


def _respectively(
    s: Sentence, text: str, quantities: Sequence[Quantity], out: list[ObservationRecord], period: tuple[int, ...],
    ms: Sequence[Mention] = (),
) -> list[ObservationRecord]:
    """Year by year: 2022年、2023年和2024年…分别为A、B和C (or 报告期内…分别为…, the text's reporting period) gives the
    figure before the list's first value to each value, with the years in their order; entity by entity: A和B产值分别
    达到X和Y，分别增长a和b gives each listed entity its value, in order, with the lead figure's indicator and time."""
    for m in _RESPECTIVELY.finditer(text):
        run: list[Quantity] = []
        for q in quantities:
            if q.start < m.end():
                continue
            gap = text[run[-1].end if run else m.end() : q.start]
            if (run and (not _LIST_GLUE.fullmatch(gap) or q.unit != run[0].unit)) or (not run and gap.strip()):
                break
            run.append(q)
        segment = max(text.rfind(c, 0, m.start()) for c in "；;。") + 1
        years = [int(y.group(1)) for y in YEAR_RE.finditer(text, segment, m.start())]
        if len(years) != len(run) and "报告期" in text[: m.start()]:
            years = list(period)
        owners = _listed_owners(s, text, ms, m.start())
        if len(run) < 2 or (len(years) != len(run) and len(owners) != len(run)):
            continue
        lead = next((o for o in out if o.sentence == s.index and o.start == s.start + run[0].start), None)
        if lead is None:
            continue
        if len(years) != len(run):  # A和B…分别达到X和Y: one value per listed entity, all at the lead's time
            starts = {s.start + q.start for q in run}
            at = out.index(lead)
            out = [o for o in out[:at] if o.sentence != s.index or o.start not in starts] + [
                replace(lead, entity=k, value=q.value, start=s.start + q.start, end=s.start + q.end, bound=q.bound)
                for q, k in zip(run, owners)] + [o for o in out[at + 1 :] if o.sentence != s.index or o.start not in starts]
            continue
        starts = {s.start + q.start for q in run}
        at = out.index(lead)
        kept = [o for o in out[:at] if o.sentence != s.index or o.start not in starts]
        rest = [o for o in out[at + 1 :] if o.sentence != s.index or o.start not in starts]
        out = kept + [replace(lead, value=q.value, start=s.start + q.start, end=s.start + q.end, bound=q.bound, year=y, period=None)
                      for q, y in zip(run, years)] + rest
    return out


def _listed_owners(s: Sentence, text: str, ms: Sequence[Mention], pos: int) -> list[str]:
    """The entities listed (A、B和C) in the clause group before ``pos`` whose figures 分别… gives, in order; [] unless
    they stand together, joined only by list marks."""
    segment = max(text.rfind(c, 0, pos) for c in "；;。") + 1
    named = [m for m in ms if m.cls in _ENTITY_CLASSES - {"Product", "Patent"} and segment <= m.start - s.start < pos]
    if len(named) < 2 or any(not _LIST_GLUE.fullmatch(text, a.end - s.start, b.start - s.start) for a, b in zip(named, named[1:])):
        return []
    return [m.key for m in named]


_FUNDING = re.compile(r"(?:(?:在|于)[^，,。；;、]{2,30}?)?(?:(?:新|兴|扩)?建(?:设)?(?:了|的)?|的)")
"""What stands between the amount and the project it funds: a verb of building, after an optional place
(投资12亿元在A园建设X项目, 投资5.8亿元建设的X项目, 总投资30亿元的X项目)."""


def _funded_project(s: Sentence, text: str, ms: Sequence[Mention], q: Quantity, before: str) -> str | None:
    """The project an amount was invested to build (A投资5.8亿元建设的X项目, 企业投资12亿元新建X项目) or that
    the amount describes (总投资30亿元的X项目), or None."""
    if q.unit != "CNY" or not re.search(r"投资(?:人民币)?$", before):
        return None
    return next((p.key for p in ms if p.cls == "Project" and p.start - s.start > q.end
                 and _FUNDING.fullmatch(text, q.end, p.start - s.start)), None)


def _built_here(s: Sentence, text: str, ms: Sequence[Mention], left: int, q: Quantity) -> str | None:
    """The platform or institute the sentence has just built (A建成P，入驻机构21家; 共建P，…培养研究生36人):
    the counts in the clauses after it are the new body's, until another entity is named."""
    if q.unit != "count" or re.search(r"专利|商标|著作权", text[left : q.start]):
        return None  # (patents are granted to the firm that files them, not to a lab it built)
    built = [m for m in ms if m.cls in ("Platform", "ResearchInstitute", "University") and m.end - s.start <= left
             and _BUILT.search(text, 0, m.start - s.start)]
    if not built:
        return None
    last = built[-1]
    if any(m.cls in _ENTITY_CLASSES and last.end <= m.start and m.end - s.start <= q.start and not _heads_it(text, m.start - s.start)
           and not re.search(r"(?:为|向|给)$", text[: m.start - s.start])  # (…，为园区企业提供检测服务1860批次: those served)
           for m in ms):
        return None
    return last.key


# 销售新能源重卡1.26万辆, 出货MEMS麦克风9.6亿颗: the object of a verb of making or selling is what the pieces count
_GOODS_OBJECT = re.compile(r"(?:销售|生产|出货|交付|产出|制造)(?:了)?([\u4e00-\u9fffA-Za-z0-9“”]{2,16})$")
_HOLDERS_AFTER = re.compile(r"[\u4e00-\u9fff“”]{1,8}?(?:同时)?" + load_cues().alternation("honour-listed") + r"(?![\u4e00-\u9fff“”])")  # 5家企业入选。
_EACH = re.compile(r"各(?:有|拥有|为|达|达到)?$")


def _each_of(s: Sentence, text: str, ms: Sequence[Mention], left: int, pos: int) -> list[str]:
    """The members of a list a count is given to each of (A和B各有4家企业入选, A、B园区各3个): their keys, or none."""
    each = _EACH.search(text, left, pos)
    if each is None:
        return []
    members = [m for m in ms if m.cls in _ENTITY_CLASSES and left <= m.start - s.start and m.end - s.start <= each.start()]
    if len(members) < 2 or members[-1].end - s.start != each.start():
        return []
    gaps = [text[a.end - s.start : b.start - s.start] for a, b in zip(members, members[1:])]
    if not all(re.fullmatch(r"[、和及与]", g) for g in gaps):
        return []
    return list(dict.fromkeys(m.key for m in members))


_FIELD_LINE = re.compile(r"^\s*(?:\d{1,2}\s*[、.．]\s*)?[\u4e00-\u9fff]{2,8}[：:]")
_LEAD_CLAUSE = re.compile(r"^(?:[^，,。]{0,12}[，,])?")


def _opening_firm(s: Sentence, ms: Sequence[Mention]) -> str | None:
    """The firm a paragraph's first sentence opens on (A公司成立于…, 2011年，A公司…, 经过十余年积累，A公司…), not a list (A、B…)."""
    leads = (0, _LEAD_CLAUSE.match(s.text).end())
    first = next((m for m in ms if m.cls in _ENTITY_CLASSES and m.start - s.start in leads), None)
    if first is None or first.cls != "Enterprise" or re.match(r"[、和及与同跟]", s.text[first.end - s.start :]):
        return None
    return first.key


def _opens_its_sentence(m: Mention, mentions: Sequence[Mention]) -> bool:
    """The mention is the first entity its sentence names, alone (A公司专注于…。企业…: A is the subject told
    of; not A、B都是公司的客户, a list)."""
    same = [x for x in mentions if x.sentence == m.sentence and x.cls in _ENTITY_CLASSES]
    return m.start == min(x.start for x in same) and not any(0 <= x.start - m.end <= 1 for x in same)


def _fund_speaks(text: str, head: int, left: int, pos: int, ms: Sequence[Mention], s: Sentence) -> bool:
    """A fund opens the figure's clause (X基金年内投资…), or the figure is the size of the fund the
    clause before set up (设立X基金，首期规模10亿元)."""
    fund = text.rfind("基金", head, pos)
    if fund < 0 or any(m.cls in _ENTITY_CLASSES and fund < m.start - s.start < pos for m in ms):
        return False
    return fund >= left or bool(re.match(r"(?:首期|总|基金)?规模", text[left:pos]))


def _heads_it(text: str, pos: int) -> bool:
    """A name inside 由…担任 (由A大学B教授担任实验室主任): the head's affiliation, not a new subject."""
    clause = re.split(r"[，,；;。]", text[:pos])[-1] + re.split(r"[，,；;。]", text[pos:])[0]
    return bool(re.match(r"由.*担任", clause))


_ITEM_HEADING = re.compile(r"^\s*(?:\d{1,2}[.、．]|[（(]\d{1,2}[）)])\s*")


def _item_entity(s: Sentence, text: str, ms: Sequence[Mention]) -> str | None:
    """The organisation a numbered heading consists of (1.启澜电子材料（如东）有限公司), or None."""
    lead = _ITEM_HEADING.match(text)
    if lead is None:
        return None
    rest = text[lead.end():].strip()
    for m in ms:
        if m.cls in ("Enterprise", "Organization", "University") and text[m.start - s.start : m.end - s.start] == rest:
            return m.key
    return None


def _item_opening(s: Sentence, text: str, ms: Sequence[Mention]) -> str | None:
    """The firm a numbered item opens with (2.某某有限公司，系公司控股子公司，…): that item's sentence is about it."""
    lead = _ITEM_HEADING.match(text)
    if lead is None:
        return None
    for m in ms:
        if m.cls == "Enterprise" and m.start - s.start == lead.end() and re.match(r"[，,]", text[m.end - s.start :]):
            return m.key
    return None


def _before_holders(m: Mention, sentences: Sequence[Sentence]) -> bool:
    """The mention is followed by 股东 (its shareholders), as in 归属于上市公司股东的净利润."""
    if not 0 <= m.sentence < len(sentences):
        return False
    s = sentences[m.sentence]
    return s.text.startswith("股东", m.end - s.start)


def _first_statements(records: Sequence[ObservationRecord]) -> list[ObservationRecord]:
    """Each figure once: a text that repeats a fact (a summary, then its section) states one observation."""
    seen: set[tuple[object, ...]] = set()
    out = []
    kept: list[ObservationRecord] = []
    for r in records:
        # an amount as exact as 51.6亿元 is the same fact even when a table names it another way
        same_amount = r.unit not in ("count", "percent", "percentage-point", "times") and abs(r.value) >= 10000
        key = (r.entity, None if same_amount else r.indicator, r.value, r.unit, r.year, r.period, r.status)
        if key not in seen and not any(_same_count(k, r) for k in kept):
            seen.add(key)
            out.append(r)
            kept.append(r)
    return out


def _same_count(a: ObservationRecord, b: ObservationRecord) -> bool:
    """全区高新技术企业286家 and a table's 高新技术企业 …286: one count, named with and without its scope."""
    if a.unit != "count" or (a.entity, a.value, a.unit, a.year, a.period, a.status) != (b.entity, b.value, b.unit, b.year, b.period, b.status):
        return False
    x, y = a.indicator.rsplit("/", 1)[-1], b.indicator.rsplit("/", 1)[-1]
    return a.indicator != b.indicator and len(min(x, y, key=len)) >= 2 and (x.endswith(y) or y.endswith(x))


def _table_observations(
    rows: Sequence[TableRow], mentions: Sequence[Mention], inds: _Indicators, lex: Lexicon | None = None,
    company: Mention | None = None,
) -> list[ObservationRecord]:
    """A list table's measure columns (孵化场地面积（平方米）, 在孵企业（家）) for the row's listed
    name (or subsidiary); a customer table's 合计 row for the enterprise the document is about."""
    at = {(m.start, m.end): m for m in mentions}
    out = []
    for row in rows:
        names = [at[(c.start, c.end)] for c in row.cells if c.role in ("name", "subsidiary") and (c.start, c.end) in at]
        if row.total and company is not None:
            names = [company]
        if not names:
            continue
        if names[0].cls == "Project":
            for c in row.cells:
                if c.role == "content":
                    out += _content_observations(c, names[0].key, row.sentence, inds, lex or load_lexicon())
        for c in row.cells:
            if c.role != "measure":
                continue
            qs = find_quantities(c.text.replace(",", "").rstrip("%") + c.unit)
            if len(qs) != 1:
                continue
            ind_id = inds.minted(c.label, qs[0].unit)
            if ind_id is None:
                continue
            out.append(ObservationRecord(entity=names[0].key, indicator=ind_id, value=qs[0].value, unit=qs[0].unit,
                                         sentence=row.sentence, start=c.start, end=c.end, rule="observation:table-column",
                                         year=c.year or row.year))
    return out


def _content_observations(cell: Cell, project: str, sentence: int, inds: _Indicators, lex: Lexicon) -> list[ObservationRecord]:
    """A project's design figures in its 建设内容及规模 cell: areas (新建厂房12万平方米, 用地150亩)
    and annual capacities (达产后年产…50万套, 年产…3万吨)."""
    out = []
    for q in find_quantities(cell.text):
        clause = re.split(r"[，,；;、。]", cell.text[: q.start])[-1]
        period = None
        if q.unit in ("square-metre", "mu"):
            label = re.sub(r"^(?:新建|建设|建成|购置|占地|规划)?", "", clause) or "面积"
            label = re.sub(r"^(.{2,}?)(?:面积)?$", r"\1面积", label) if q.unit == "square-metre" else "用地面积"
            unit = q.unit
        elif re.search(r"年(?:产|生产|加工|封装|测试|处理)", clause) and (
            q.unit == "tonne" or (q.unit == "count" and re.search(r"[台套件片只辆颗支]$", q.surface))):
            label, unit, period = "设计产能", "piece" if q.unit == "count" else q.unit, "annual capacity"
        else:
            continue
        ind_id = _amount_indicator(label, unit, inds, lex) or inds.minted(label, unit)
        if ind_id is None:
            continue
        at = cell.start + q.start
        out.append(ObservationRecord(project, ind_id, q.value, unit, sentence, at, at + len(q.surface),
                                     "observation:project-content", period=period))
    return out


def _year_table_observations(
    rows: Sequence[YearRow], entity: str, inds: _Indicators, lex: Lexicon, ref_year: int | None = None
) -> list[ObservationRecord]:
    """A company's table by year (营业收入, 产能/产量/销量 by product) as figures of that
    company, one per year cell, in the unit of the row, the 单位 line or the label (营业收入（亿元）);
    a table whose columns are measures (分产品 营业收入 毛利率（%）) gives figures of the report's year."""
    out = []
    for row in rows:
        row_label, row_unit = row.label, row.unit
        in_label = _UNIT_IN_LABEL.search(row_label)
        if in_label:
            row_label, row_unit = row_label[: in_label.start()], row_unit or in_label.group(1)
        for k, (year, raw, start, end) in enumerate(row.values):
            label, unit_word = row_label, row_unit
            if row.columns:
                label, unit_word = row_label + row.columns[k][0], row.columns[k][1] or row_unit
                year = ref_year
            if year is None:
                continue
            number = raw.replace(",", "")
            if number.endswith("%") or unit_word in ("%", "％"):
                q = next(iter(find_quantities(number.rstrip("%") + "%")), None)
            elif unit_word or "." not in number:
                q = next(iter(find_quantities(number + (unit_word or "个"))), None)
            else:
                q = None
            if q is None:
                continue
            unit = q.unit
            if unit == "count" and re.search(r"[台套件片只辆颗支]$", unit_word) and re.search(r"(?:销量|产量|产能)", label):
                unit = "piece"  # 产量 1,742 (单位：套): pieces made, not a count of things
            share = _share_indicator(label, inds, lex) if unit == "percent" else None
            ind_id = share or _amount_indicator(label, unit, inds, lex) or inds.minted(label, unit)
            if ind_id is None:
                continue
            out.append(ObservationRecord(entity, ind_id, q.value, unit, row.sentence, start, end,
                                         "observation:year-table", year=year))
    return out


_HOLDER_VERB = re.compile(r"(?:同时)?(?:入选|获评|获批|被认定为|被评为|被列入|列入|进入)")


def _elided_noun(text: str, q: Quantity, before: str, prev_level: tuple[str, str] | None) -> str:
    """A bare count right after a clause break, then a verb of selection (…3家企业入选A，11家入选B): the noun of
    the count before it is understood (承前省略), and what is counted is the holders of B."""
    verb = _HOLDER_VERB.match(text, q.end)
    if prev_level is None or prev_level[1] != "count" or before.strip() or verb is None or not re.search(r"[，,、；;]$", text[: q.start]):
        return ""
    held = re.match(r"[^，,。；;、（(]{2,24}", text[verb.end() :])
    return re.sub(r"名单$", "", held.group()) if held else ""


def _subset_phrase(text: str, q: Quantity, before: str, prev_level: tuple[str, str] | None, inds: _Indicators) -> str:
    """The part of a count told by what it did (完成项目14个，其中6个进入中试 → 进入中试项目): the verb
    phrase after it and the thing the count before it counted."""
    verb = re.match(r"[\u4e00-\u9fff]{2,8}(?=[，,。；;]|$)", text[q.end :])
    if not before.strip().endswith("其中") or verb is None or prev_level is None or prev_level[1] != "count":
        return ""
    counted = inds.table.get(prev_level[0])
    thing = re.sub(r"(?:数量|数)$", "", counted.zh) if counted else ""
    return verb.group() + thing[-2:] if len(thing) >= 2 else ""


def _headlines(sentences: Sequence[Sentence], known: TextDates) -> set[int]:
    """The headline lines above a date line near the top (no stop in them) and teaser lines: metadata, not statements."""
    titles = _notice_title(sentences) | _told_again_title(sentences)
    first = min([*known.datelines, *_bylines(sentences[:4])], default=None)
    if first is None or first > 4:
        return titles
    return titles | {s.index for s in sentences[:first] if not re.search(r"[。！？；;]", s.text)} | {
        s.index for s in sentences if _TEASER.match(s.text)}  # (【本期导读】A｜B｜C: a teaser line)


def _told_again_title(sentences: Sequence[Sentence]) -> set[int]:
    """{0} when the text opens on a stop-free line whose every figure the body states again (澜拓股份2024年营收增长21.6%
    over a body that says 营业收入…同比增长21.6%): a headline, whose figures are the body's, told once there."""
    if len(sentences) < 2 or re.search(r"[。！？；;，,]", sentences[0].text) or len(sentences[0].text) > 40:
        return set()
    head = [q.surface for q in find_quantities(sentences[0].text)]
    return {0} if head and all(any(f in s.text for s in sentences[1:]) for f in head) else set()


def _bylines(sentences: Sequence[Sentence]) -> list[int]:
    """本报记者 周明远: a short stop-free line that names the writer (cues.tsv ``byline``); it closes the headline as a date line does."""
    return [s.index for s in sentences if _BYLINE.match(s.text) and len(s.text) <= 30 and not re.search(r"[。！？；;，,]", s.text)]


_BYLINE = re.compile(r"^\s*(?:" + load_cues().alternation("byline") + ")")
_TITLE_END = re.compile(r"的(?:公告|通知|公示|通报|决定|批复)$")


def _notice_title(sentences: Sequence[Sentence]) -> set[int]:
    """A notice's title near the top (关于…的公告), perhaps wrapped over two lines: metadata, told again in the body."""
    for s in sentences[:5]:
        if s.text.startswith("关于") and not re.search(r"[。！？；;，]", s.text):
            if _TITLE_END.search(s.text):
                return {s.index}
            nxt = sentences[s.index + 1] if s.index + 1 < len(sentences) else None
            if nxt is not None and _TITLE_END.search(nxt.text) and len(nxt.text) <= 20:
                return {s.index, nxt.index}
    return set()


def _unread_subject(text: str, left: int, pos: int, ms: Sequence[Mention], s: Sentence, names: dict[str, str]) -> str | None:
    """A park or firm the text names elsewhere that opens this clause (left of ``pos``), or the
    part after ；, unread as a mention here, when no entity of it was read
    (…；般阳湖科创城受停产影响，完成41.5亿元)."""
    segment = max(text.rfind(c, 0, pos) for c in "；;。") + 1
    for start in dict.fromkeys((left, segment)):
        if any(m.cls in _ENTITY_CLASSES and start <= m.start - s.start < pos for m in ms):
            return None
        found = [(len(n), k) for n, k in names.items() if text.startswith(n, start)]
        if found:
            return max(found)[1]
    return None


def _project_named(text: str, names: dict[str, str]) -> str | None:
    """The project whose known name stands last in ``text`` (a name the mention pass read only elsewhere)."""
    found = [(text.rfind(n) + len(n), len(n), k) for n, k in names.items() if n in text]
    return max(found)[2] if found else None


def _names_one(core: str, text: str, ms: Sequence[Mention], s: Sentence) -> bool:
    """The words before a figure are only an entity's name (南部片区完成236.1亿元, glue stripped)."""
    core = core.strip("，,；; ")
    return bool(core) and any(m.cls in _ENTITY_CLASSES and text[m.start - s.start : m.end - s.start] == core for m in ms)


def _strip_names(phrase: str, text: str, ms: Sequence[Mention], s: Sentence) -> str:
    """The counted thing without the entity that opens it (肇庆高新区高新技术企业 → 高新技术企业)."""
    for m in ms:
        surface = text[m.start - s.start : m.end - s.start]
        if len(surface) >= 2 and phrase.startswith(surface) and len(phrase) > len(surface) + 1:
            return phrase[len(surface) :].lstrip("的")
    return phrase


def _last_period(text: str, pos: int) -> str | None:
    """The period phrase (1—8月, 上半年, 10年来, 目前) last before ``pos`` in the sentence, if any."""
    pm = None
    for m in _PERIOD_RE.finditer(text, 0, pos):
        if not (m.group() == "同期" and text[: m.start()].endswith(("上年", "去年"))):
            pm = m  # (较上年同期下降6.18%: last year's same period is the base of a growth, no period of the figure)
    return pm.group() if pm else None


def _is_target(text: str, pos: int, latest_year: int, *, capacity: bool = False) -> bool:
    """Whether the figure at ``pos`` is a target, plan or forecast, not a measured value.

    A cue (力争, 预计, 计划, 将达到…) earlier in its clause group (up to the
    last 。 or ；) marks it, and so does 到2027年 when 2027 lies beyond the
    latest year the text has reported on. A design capacity (项目建成后将形成年产…)
    is a fact about the project: only a hedge (预计, 力争) makes it a forecast.

    Examples
    --------
    >>> _is_target("力争到2026年，工业总产值达到800亿元", 19, 2024)
    True
    >>> _is_target("2024年工业总产值574亿元，预计2025年突破600亿元", 10, 2024)
    False
    >>> _is_target("到2027年，高新技术企业超过150家", 14, 2024)
    True
    >>> _is_target("到2024年底，高新技术企业达到468家", 17, 2024)
    False
    """
    seg = text[max(text.rfind("。", 0, pos), text.rfind("；", 0, pos), text.rfind(";", 0, pos)) + 1 : pos]
    if (_STRONG_FORECAST if capacity else _FORECAST).search(seg):
        return True
    if capacity:
        # 计划到2026年把产能扩大到3万吨: a capacity for a year still to come is a plan
        return any(int(m.group(1)) > latest_year > 0 for m in _TARGET_YEAR.finditer(seg))
    opening = _OPENING_TARGET.match(text)
    if opening and int(opening.group(1)) > latest_year > 0:
        return True  # 到2027年，A；B；C: the sentence's time frame covers every clause chained after it
    return any(int(m.group(1)) > latest_year > 0 for m in _TARGET_YEAR.finditer(seg))


def _principal_enterprise(sentences: Sequence[Sentence], mentions: Sequence[Mention]) -> str | None:
    """The enterprise a document is about: the one its headline names (an announcement's issuer), if any."""
    head = {s.index for s in sentences[:3]}
    named = [m for m in mentions if m.cls == "Enterprise" and m.sentence in head]
    return named[0].key if named else None


_SELF_ALIAS = re.compile(r"^[（(](?:以下)?(?:简称|称)[^）)]{0,30}?“(?:本)?公司”")


def _self_company(sentences: Sequence[Sentence], mentions: Sequence[Mention]) -> str | None:
    """The enterprise a text calls 公司 by definition: A公司（以下简称“公司”或“A”）."""
    for m in mentions:
        if m.cls == "Enterprise" and _SELF_ALIAS.match(sentences[m.sentence].text[m.end - sentences[m.sentence].start :]):
            return m.key
    return None


def _dominant_enterprise(mentions: Sequence[Mention]) -> str | None:
    """The enterprise a profile is about: named at least four times and twice as often as any other."""
    counts: dict[str, int] = {}
    for m in mentions:
        if m.cls == "Enterprise":
            counts[m.key] = counts.get(m.key, 0) + 1
    ranked = sorted(counts.values(), reverse=True)
    if not ranked or ranked[0] < 4 or (len(ranked) > 1 and ranked[0] < 2 * ranked[1]):
        return None
    return max(counts, key=lambda k: counts[k])


def _most_named_park(mentions: Sequence[Mention]) -> str | None:
    counts: dict[str, int] = {}
    for m in mentions:
        if m.cls == "Park":
            counts[m.key] = counts.get(m.key, 0) + 1
    return max(counts, key=lambda k: counts[k]) if counts else None


def _aside(text: str, m: re.Match[str], pos: int) -> bool:
    """Whether the year ``m`` sits in brackets closed before ``pos`` (21家（2023年为15家），…58家): it dates nothing after them."""
    return text.rfind("（", 0, m.start()) > text.rfind("）", 0, m.start()) and "）" in text[m.end() : pos]


def _year_for(
    text: str, left: int, pos: int, sent_year: int | None, year_match: re.Match[str] | None, ref_year: int | None
) -> int | None:
    """The year a figure belongs to: in its clause, else in its sentence, else the report's year."""
    ym = [m for m in YEAR_RE.finditer(text, left, pos) if _is_point_year(text, m)]
    if ym:
        return int(ym[-1].group(1))
    if re.search(r"(?:上年|去年)(?:末|同期)?(?:为|是|达)?$", text[left:pos]) and ref_year:
        return ref_year - 1  # 上年同期为1.42亿元: the year before the report's
    segment_start = max(text.rfind(c, 0, pos) for c in "；;。") + 1
    if _PERIOD_RE.search(text[segment_start:pos]):
        return None
    ym = [m for m in YEAR_RE.finditer(text, segment_start, pos) if _is_point_year(text, m) and not _aside(text, m, pos)]
    if ym:
        return int(ym[-1].group(1))
    if sent_year and (year_match is None or year_match.start() < pos) and not (year_match and _aside(text, year_match, pos)) and (
        segment_start == 0 or (year_match is not None and re.match(r"\s*年(?:底|末)?[，,]", text[year_match.end() - 1 :]))
    ):
        return sent_year  # 2024年，A…；B… (截至2024年底，A…；B…): a year that opens a clause dates the clauses chained after it
    if ref_year and not _PERIOD_RE.search(text[:pos]):
        return ref_year
    return None


_CUES = load_cues()
_HEADING_PERIOD = re.compile(_PARTIAL_YEAR)
"""A heading that names part of a year (二、2025年一季度运行情况, （二）1—9月重点企业): the period of the figures under it."""
_CLAUSE_HEAD = (r"(?:^|[，,；;。：:】])(?:(?:19|20)\d{2}年(?:底|末)?|" + _PARTIAL_YEAR
                + r"|年末|年底|全年|目前|当前|同期|其中|同时|此外|另外|而|去年|今年|上年|当年|今年以来)?[，,]?")
"""Where an area word opens a clause group: after a stop, a year or 年末/目前 may stand before it."""
_OTHER_AREA = re.compile(_CLAUSE_HEAD + "(?:" + _CUES.alternation("area-other") + ")(?!场)")  # (该市场, 全市场: a market)
"""A clause group about the city, province or country the park is in (全市…): its figures are no entity's."""
_DISTRICT_ISSUER = re.compile(r"^(?:(?:来源|信息来源|发布机构|发布单位|发文机关)[：:]\s*)?[\u4e00-\u9fff]{1,12}?(?<!新)(?<!园)(?<!开发)(?<!经济)区" + _CUES.alternation("district-office"))
"""A text issued by a district's government or bureau (嘉兴市南湖区发展和改革局): its 全区 is that district."""
_DISTRICT_AREA = re.compile(_CLAUSE_HEAD + "(?:" + _CUES.alternation("area-other", "area-district") + ")(?!场)")
_NAMED_AREA = re.compile(_CLAUSE_HEAD + r"[\u4e00-\u9fff]{2,6}?[市省县](?=" + _CUES.alternation("area-indicator") + ")")
"""A named city, province or county heading a figure only an area reports (云崖市规上工业增加值…)."""
_CITY_SUFFIX = r"(?:市(?!场)|省|县|区(?!块|域|位))(?!级|委|政府|人民政府|高新|开发区|经开区|园区|产业园|工业园|[\u4e00-\u9fff]{0,8}?(?:局|厅|委员会|办公室))"
_named_city: dict[frozenset[str], re.Pattern[str]] = {}


def _named_city_head(lex: Lexicon) -> re.Pattern[str]:
    """A known place with 市/省/县 at the head of a clause (2024年，云崖市新增…, 德阳全市…): the city speaks, not an entity."""
    if lex.places not in _named_city:
        regions = set(_CUES.words("sales-region"))  # (华东区…: a firm's sales region)
        names = "|".join(re.escape(p) for p in sorted(lex.places - regions, key=len, reverse=True))
        office = r"(?:市|省|县)[\u4e00-\u9fff]{0,8}?" + _CUES.alternation("area-office") + r"(?![\u4e00-\u9fff]{0,3}(?:高新区|开发区|园区))"
        _named_city[lex.places] = re.compile(
            _CLAUSE_HEAD + "(?:(?:" + names + ")" + "(?:" + _CITY_SUFFIX + "|(?:市|省|县)?" + _CUES.alternation("area-other") + ")"
            + "|(?:" + names + ")?" + office + ")")
    return _named_city[lex.places]


_MARKET = re.compile(_CUES.alternation("market-size"))
_PAST_YEAR = _CUES.pattern("year-past")
_THIS_EVENT = re.compile(r"^(?:此次|本次|这次)[\u4e00-\u9fff]{0,4}?(?:" + _CUES.alternation("area-event") + ")")
_MEMBER_BODY = re.compile(_CLAUSE_HEAD + "(?:" + _CUES.alternation("member-body") + ")")  # 协会会员单位中共有…
_TEASER = re.compile(r"^\s*【?(?:" + _CUES.alternation("teaser") + r")】?[：:]?")  # 【本期导读】A｜B
_AREA_AVERAGE = re.compile(
    _CUES.alternation("area-other", "area-district") + r"(?:同行业|同类企业|企业)?" + _CUES.alternation("area-average")
    + r"|(?:高于|低于|超过|超出|快于|慢于|高出|领先|比|较)(?:同期)?" + _CUES.alternation("area-other", "area-district")
)
"""An area's average (高于全市平均水平, 全国平均为…) or an area compared with (增速快于全省…): a comparison, not the entity's level."""
_PARK_SELF = re.compile(_CLAUSE_HEAD + "(?:" + _CUES.alternation("area-park") + ")")
"""The park named by a generic word at the head of a clause (园区…, 年末高新区…)."""

_GROUP_HEAD = re.compile(_CLAUSE_HEAD + _CUES.alternation("group-head"))
"""A group of firms at the head of a clause (规上工业企业…, 重点企业…): its amounts are a sum, no firm's."""

_INCUBATED_HEAD = re.compile(_CLAUSE_HEAD + _CUES.alternation("incubated-head"))
"""The firms an incubator hosts at the head of a clause (在孵企业…): their sums are the incubator's."""

_DISCOURSE_COUNT = re.compile(r"(?:大|重|条)?(?:" + _CUES.alternation("discourse-count") + ")")
"""A noun right after a count that numbers points of a speech or plan (四个特点, 三大方向), not things."""

_TRADE_HEAD = re.compile(_CLAUSE_HEAD + r"(?:全国|我国|国内)?[\u4e00-\u9fffA-Za-z]{2,10}?行业(?!协会|联盟|标准|龙头|领先|内|中|排名|前列|第)")
"""A trade at the head of a clause (新能源汽车行业销量…): a whole trade's figure, the park's sector at most, no firm's."""

_FIRM_TITLE = re.compile(r"(?:内|的)?[\u4e00-\u9fff“”]{0,16}?(?:企业|公司)")
"""What stands between a park and a firm it places (园区链主企业A, 高新区龙头企业A): a title, no verb."""

_PROJECT_MEASURES = frozenset({"total-investment", "floor-area", "annual-capacity"})
"""Indicators that describe a project (总投资, 占地面积, 年产能), not the company that builds it."""

_ANAPHORA = {"专利": "Patent", "技术": "Patent", "发明": "Patent", "项目": "Project", "产品": "Product",
             "孵化器": "Platform", "平台": "Platform", "中心": "Platform", "联盟": "Platform", "公司": "Enterprise", "企业": "Enterprise",
             "学校": "University", "我校": "University", "该校": "University", "全校": "University",
             "生产线": "Enterprise", "产线": "Enterprise", "工厂": "Enterprise", "研究院": "ResearchInstitute"}  # (该生产线总投资5.6亿元: the firm's line)


def _observed_entity(
    s: Sentence,
    text: str,
    ms: Sequence[Mention],
    mentions: Sequence[Mention],
    q: Quantity,
    left: int,
    topic: Mention | None,
    prev_entity: str | None,
    park: str | None,
    indicator: Indicator | None = None,
    principal: str | None = None,
    self_company: str | None = None,
    item: str | None = None,
    issuer: str | None = None,
    para_firm: str | None = None,
) -> str | None:
    """Whose figure it is: a project it sits in, an entity named in its clause, the firm of the
    item heading above, an anaphor, the sentence's subject, the figure before it in the paragraph,
    the topic, the park."""
    container = next((m for m in ms if m.cls == "Project" and m.start - s.start <= q.start and q.end <= m.end - s.start), None)
    if container is not None:
        return container.key
    in_clause = [
        m for m in ms
        if m.cls in _ENTITY_CLASSES and left <= m.start - s.start and m.end - s.start <= q.start
        and not re.search(r"(?:与|和|及|同|跟|在|向|对|被|以|为|下辖|包括)$", text[: m.start - s.start])
        and not re.match(r"[、和及等]|股东", text[m.end - s.start :])  # 下辖A、B、C3个片区, 带动A等5家企业: members of what is counted
        and not re.search(r"(?:与|同|跟)", text[left : m.start - s.start])
        and not any(c.cls == "Project" and c.start <= m.start and m.end <= c.end and c is not m for c in ms)
    ]
    cands = [m for m in in_clause if m.cls not in ("Product", "GovernmentBody")]
    if len(cands) > 1 and cands[0].cls == "Park" and _FIRM_TITLE.fullmatch(text, cands[0].end - s.start, cands[1].start - s.start):
        cands = cands[1:]  # 园区链主企业A实现营业收入…: the park only places the firm that speaks
    named_projects = [m for m in cands if m.cls == "Project"]
    if named_projects and indicator is not None and indicator.id.split("/")[0] in _PROJECT_MEASURES:
        return named_projects[-1].key  # A公司的X项目总投资6.5亿元: the project's size, not the firm's
    if cands and indicator is not None and indicator.id.split("/")[0] in _PROJECT_MEASURES and all(m.cls == "Enterprise" for m in cands):
        # ①X项目｜投资方：A公司｜总投资15亿元: the firm is the project's party; the investment is the project's
        projects = [m for m in ms if m.cls == "Project" and m.end <= cands[0].start]
        if projects:
            return projects[-1].key
    if cands:
        return cands[0].key
    if re.match(r"(?:全|整个)?产业链(?!链主)", text[left:q.start]) and park is not None:
        return park  # A的方形铝壳已进入B供应链，产业链本地配套率提高到46.5%: the park's chain, not the firm just named
    if _INCUBATED_HEAD.search(text, max(0, left - 1), q.start):
        # 全年在孵企业实现营业收入…: the sum over the firms an incubator hosts is the incubator's
        incubator = _incubator(s, text, ms, mentions, q.start)
        if incubator is not None:
            return incubator
    # (a count's group is what it counts, not who counts it: only amounts; a trade's sales in pieces are the trade's too)
    group = (_GROUP_HEAD.search(text, max(0, left - 1), q.start) if q.unit != "count" else None) or _TRADE_HEAD.search(
        text, max(0, left - 1), q.start)
    if group and not any(m.cls in _ENTITY_CLASSES and group.end() <= m.start - s.start < q.start for m in ms):
        return park  # 规上工业企业实现营业收入860亿元, 纺织行业实现产值…: a sum over many firms, the park's (no one's without a park)
    built = _built_here(s, text, ms, left, q)
    if built is not None:
        return built
    if item is not None and not re.match(r"(?:报告期内)?本?公司", text[left : q.start]):
        return item  # 1.A有限公司 / 公司全资子公司，注册资本5亿元…: A's figures, whatever 公司 the text says
    segment = max(text.rfind(c, 0, q.start) for c in "；;。") + 1
    own = _PARK_SELF.search(text, max(0, segment - 1), q.start)  # (from the stop: 园区 right after ； opens a clause)
    if own and not any(m.cls in _ENTITY_CLASSES and own.end() <= m.start - s.start < q.start for m in ms):
        # 年末高新区有上市企业8家: the park speaks of itself, whoever the sentence before named; in a firm's
        # text (no park owns it) 园区内共有企业300家 is still no firm's figure
        return park
    if indicator is not None and indicator.id.split("/")[0] in _PROJECT_MEASURES:
        # A公司X项目开工，总投资18亿元: an investment, a site or a design capacity is the project's
        projects = [m for m in ms if m.cls == "Project" and m.end - s.start <= q.start]
        if projects:
            return projects[-1].key
    chain = _chain_subject(s, text, ms, mentions, q.start)
    if chain is not None:
        return chain.key
    if principal is not None and re.search(r"(?:^|[，,；;。：:])(?:(?:19|20)\d{2}年[，,]?|目前|去年|今年)?(?:我们|我司)(?!园区|高新区|开发区)", text[left : q.start] if left else text[: q.start]):
        return principal  # 我们在园区内的本地采购额…: the speaking company, in an interview with its head
    anaphor = re.search(r"(?:^|[，,；;。：:])(?:(?:19|20)\d{2}年度?|目前|现在|当前|如今|截至目前|报告期内)?(?:该|这一|这个|其|本)?(专利|技术|发明|项目|产品|孵化器|平台|中心(?![城区镇])|联盟|公司|企业|学校|我校|该校|全校|研究院|(?<=该)(?:生产线|产线|工厂))(?:内|中)?", text[: q.start])
    if anaphor and (anaphor.group().lstrip("，,；;。：:").startswith(("该", "这", "其", "本")) or anaphor.start() == 0
                    or anaphor.group(1) in ("项目", "孵化器", "中心", "联盟", "公司", "学校", "我校", "该校", "全校", "研究院")):
        wanted = _ANAPHORA[anaphor.group(1)]
        sub = re.match(r"的?(?:全资|控股|参股)?(?:子公司|孙公司)", text[anaphor.end() :])
        named = next((m for m in ms if m.cls == "Enterprise" and sub and m.start - s.start == anaphor.end() + sub.end()), None)
        if named is not None and named.end - s.start <= q.start:
            return named.key  # 公司全资子公司A…新增产能…: the subsidiary named, not the company
        if anaphor.group(1) == "公司" and self_company is not None:
            return self_company  # the text defined 公司 as its own issuer: not a customer just named
        if anaphor.group(1) == "公司" and para_firm is not None:
            return para_firm  # A公司成立于2011年，…。2024年，公司实现营业收入…: the firm the paragraph opened on
        if (wanted == "Enterprise" and topic is not None and topic.cls == "Enterprise" and topic.sentence >= s.index - 1
                and topic.start < s.start + q.start  # (公司实现营业收入…；…A公司…: not a firm named after the figure)
                and not (principal is not None and topic.key != principal
                         and sum(m.key == topic.key for m in mentions) < 2
                         and not _opens_its_sentence(topic, mentions))):  # nor a customer named once in passing
            return topic.key
        if wanted == "Enterprise" and principal is not None:
            return principal  # 公司实现营业收入…: the enterprise the document is about, not a customer just named
        if wanted == "Enterprise" and topic is not None and topic.cls == "Enterprise":
            return topic.key
        # (研究院: a research institute, or a platform named so: 新型显示材料联合研究院)
        prior = [m for m in mentions if (m.cls == wanted or (wanted == "ResearchInstitute" and m.cls == "Platform"
                                                            and m.name.endswith("研究院"))) and m.start < s.start + q.start]
        if prior:
            return prior[-1].key
    if park is not None and indicator is not None and any(
        re.search(r"(?:产业|产业链|行业|板块|领域)$", part) for part in indicator.id.split("/")[1:]
    ):
        return park  # 声学光电产业实现产值…: a sector's figure is the park's, not a company's named next to it
    if indicator is not None and re.search(r"孵|毕业企业|入驻企业", indicator.zh):
        incubator = _incubator(s, text, ms, mentions, q.start)
        if incubator is not None:
            return incubator
    # A…；B安排项目9个，总投资97.4亿元: a clause after ； speaks of the entity that opens its own segment
    subject = (_subject(s, text, [m for m in ms if m.start - s.start >= segment], q.start) if segment else None) or _subject(
        s, text, ms, q.start)
    if subject is not None:
        return subject.key
    if prev_entity is not None:
        return prev_entity
    if topic is not None and topic.cls in _ENTITY_CLASSES and (topic.sentence == s.index or park is None) and not (
        park is not None and topic.sentence == s.index and topic.start - s.start > q.start
    ):  # 全年新认定工程中心5家，其中A获批…: a firm named after the figure does not own it
        return topic.key
    if issuer is not None and not any(m.cls == "Park" for m in ms):
        return issuer  # an issuer's report: a figure whose sentence names no park is the issuer's
    return park


def _incubator(s: Sentence, text: str, ms: Sequence[Mention], mentions: Sequence[Mention], pos: int) -> str | None:
    """The incubator an incubation figure belongs to: a platform named before it in the sentence or in
    the two before, else, in a text about an incubator (its name in the headline, named again below), that one."""
    plats = [m for m in ms if m.cls == "Platform" and m.end - s.start <= pos] or [
        m for m in mentions if m.cls == "Platform" and m.start < s.start and m.sentence >= s.index - 2]
    if not plats and not _PARK_SELF.search(text, 0, pos):
        headline = {m.key for m in mentions if m.cls == "Platform" and m.sentence == 0}
        plats = [m for m in mentions if m.key in headline and m.sentence > 0 and m.start < s.start]
    return plats[-1].key if plats else None


# a sentence whose subject is an industry chain: 2024年，新型储能产业链实现产值… / 该产业链…实现产值…
_CHAIN_OPENING = re.compile(r"^(?:[^，,。]{0,12}?[，,])?(?:(该|本|这条)产业链|(?=[\u4e00-\u9fff]{2,10}?产业链))")


def _chain_subject(s: Sentence, text: str, ms: Sequence[Mention], mentions: Sequence[Mention], pos: int) -> Mention | None:
    """The industry a chain's figures belong to, when the clause or sentence opens with the chain
    (X产业链实现产值…; 该产业链…, pointing to the industry the previous sentence named)."""
    clause = max(text.rfind(c, 0, pos) for c in "；;。") + 1
    for start in dict.fromkeys((clause, 0)):
        m = _CHAIN_OPENING.match(text, start)
        if m is None:
            continue
        if m.group(1):
            if any(x.cls in _ENTITY_CLASSES and m.end() <= x.start - s.start and x.end - s.start <= pos and not text[: x.start - s.start].endswith(("以", "简称“", "简称", "称“")) for x in ms):
                continue
            prior = [x for x in mentions if x.cls == "Industry" and x.rule == "industry:named" and x.start < s.start and x.sentence >= s.index - 2]
            return prior[-1] if prior else None
        ind = next((x for x in ms if x.cls == "Industry" and x.start - s.start == m.end() and text.startswith("产业链", x.end - s.start)), None)
        if ind is None or ind.end - s.start > pos:
            continue
        between = [x for x in ms if x.cls in _ENTITY_CLASSES and ind.end <= x.start and x.end - s.start <= pos]
        if not between:  # 新型储能产业链链主企业A…实现营业收入: A's figure, not the chain's
            return ind
    return None


def _subject(s: Sentence, text: str, ms: Sequence[Mention], pos: int) -> Mention | None:
    """The entity that opens the sentence (before ``pos``), not one after 由/与/在 or a modifier (A旗下…)."""
    for m in ms:
        rel = m.start - s.start
        if rel >= pos or m.cls not in _ENTITY_CLASSES | {"Platform"}:
            continue
        if any(o is not m and o.start <= m.start and m.end <= o.end and (o.end - o.start) > (m.end - m.start) for o in ms):
            continue
        if re.search(r"(?:由|与|和|及|同|跟|联合|携手|在|被|以|向|对|给|从|为|是|位于|入驻|落户|包括|如|供货|供应|销往|配套|、)$", text[:rel]):
            continue
        if _MADE_OBJECT.search(text, 0, rel):
            continue  # …；全年生产工业机器人减速器41.5万台: the goods are the verb's object, the maker speaks
        if re.search(r"[\d一二三四五六七八九十]\s*(?:家|个|项|所)[：:]$", text[:rel]) and re.search(r"[；;]", text[rel:pos]):
            continue  # 新增“小巨人”企业3家：A、B、C；新增…21家: the members of a count, no subject past the ；
        if re.match(r"^(?:旗下|下属|所属|的|等|股东)", text[m.end - s.start :]):  # …股东的净利润: a phrase about holders, no subject
            continue
        if re.match(r"^[\u4e00-\u9fff]{0,8}?的(?:全资|控股|参股)?(?:子公司|孙公司)", text[m.end - s.start :]):
            continue  # A出资设立的控股子公司B…: B is who the sentence tells of
        if m.cls == "Park" and any(o.cls == "Enterprise" and o.start - s.start < pos and _FIRM_TITLE.fullmatch(
                text, m.end - s.start, o.start - s.start) for o in ms):
            continue  # 园区链主企业A…: the firm is the subject
        return m
    return None


_SUM_WORD = re.compile(r"(?:金额|总额|总价|价值)$")
_CONTRACT_AFTER = re.compile(r"的([\u4e00-\u9fff]{0,10}?(?:合同|协议|订单))")
"""金额/总额 + amount + 的…合同: the amount sizes the contract (or agreement, order) named after it."""
_MADE_OBJECT = re.compile(r"(?:生产|制造|产出|出货|" + _CUES.alternation("deliver") + r")(?:了|各类|各种)?$")
"""A name right after a verb of making or delivering (生产X, 交付X) is the verb's object, never the clause's subject."""
_SHARE_LABEL = re.compile(r"(.{2,20}?)占(.{2,20}?)的?(?:比重|比例)")


def _share_indicator(label: str, inds: _Indicators, lex: Lexicon) -> str | None:
    """研发投入占营业收入比重 (a table row's label): the share of one indicator in another, as the prose says it."""
    share = _SHARE_LABEL.fullmatch(label)
    if share is None:
        return None
    base = _amount_indicator(share.group(1), "CNY", inds, lex) or inds.minted(share.group(1), "CNY")
    return inds.measure(base, "share", "占比", "share", share.group(2)) if base else None


def _table_row(
    s: Sentence, text: str, quantities: Sequence[Quantity], columns: Sequence[str], park: str | None,
    inds: _Indicators, lex: Lexicon,
) -> list[ObservationRecord]:
    """One row of a table under a header of columns.

    Columns are years (指标 2022年 2023年 2024年), periods (第三季度, 1—9月) or growth
    rates (同比增长(%)); an optional 单位 column or a unit in the row label
    (营业收入（亿元）) gives the unit of bare numbers.
    """
    if park is None:
        return []
    cols = list(columns)
    unit_col = cols.index("单位") if "单位" in cols else None
    if unit_col is not None:
        cols.pop(unit_col)
    cells = text.split()
    if len(cells) < 2:
        return []
    # the label is everything before the first number or unit cell
    first_value = next((i for i, c in enumerate(cells) if re.match(r"^-?\d", c)), None)
    if first_value is None or first_value == 0:
        return []
    label = "".join(cells[:first_value])
    unit_word = None
    if unit_col is not None and first_value >= 2 and not re.match(r"^-?\d", cells[first_value - 1]):
        unit_word = cells[first_value - 1]
        label = "".join(cells[: first_value - 1])
    in_label = _UNIT_IN_LABEL.search(label)
    if in_label:
        unit_word = unit_word or in_label.group(1)
        label = label[: in_label.start()]
    values = cells[first_value:]
    if len(values) != len(cols):
        return []
    base = _amount_indicator(label, "CNY", inds, lex)
    # a growth column beside year columns (2024年 同比增长%) is the growth into the latest of them
    col_years = [int(m.group(1)) for c in cols if (m := re.fullmatch(r"((?:19|20)\d{2})\s*年?", c))]
    out = []
    for raw, col in zip(values, cols):
        year_m = re.fullmatch(r"((?:19|20)\d{2})\s*年?", col)
        growth = re.search(r"(?:增长|增速|增幅|同比)", col) or re.search(r"(?:增速|增长率|增幅)$", label)
        number = raw.replace(",", "")
        if growth:
            q = next(iter(find_quantities(number.rstrip("%") + "%")), None)
        elif re.search(r"[\u4e00-\u9fff%]", number):
            q = next(iter(find_quantities(number)), None)
        else:
            q = next(iter(find_quantities(number + (unit_word or "个"))), None) if unit_word or not re.search(r"\.", number) else None
            if q is not None and unit_word in ("户", "家", "个", "项", "件") and q.unit != "count":
                q = None
        if q is None:
            continue
        bare = re.sub(r"(?:增速|增长率|增幅)$", "", label)
        if growth:
            row_unit = "count" if (unit_word or "") in ("户", "家", "个", "项", "件", "人", "所") else "CNY"
            b = base or _amount_indicator(bare, row_unit, inds, lex) or inds.minted(bare, row_unit)
            ind_id = inds.measure(b, "growth", "增长率", "growth") if b else None
            value = -q.value if number.startswith("-") and q.value > 0 else q.value
        elif q.unit == "percent" and _SHARE_LABEL.fullmatch(label):
            ind_id, value = _share_indicator(label, inds, lex), q.value
        else:
            ind_id = _amount_indicator(label, q.unit, inds, lex) or inds.minted(label, q.unit)
            value = q.value
        if ind_id is None:
            continue
        year = int(year_m.group(1)) if year_m else (max(col_years) if growth and col_years else None)
        period = None if year is not None else re.sub(r"(?:同比增长|增长|增速|增幅)?[（(]?%?[）)]?$", "", col) or None
        out.append(ObservationRecord(park, ind_id, value, q.unit, s.index, s.start, s.start + len(text),
                                     "observation:table", year=year, period=period))
    return out


_RATE = re.compile(r"([\u4e00-\u9fffA-Za-z&（）()]{2,24}?(?:率|强度|(?<!占)的比例))$")
"""A rate named by its own word (利润率, 配套率, 投入强度, 通过认证的比例)."""
_STOCK = re.compile(r"累计|现有|现已")
_SO_FAR = re.compile(r"已(?:经)?(?:累计)?(?:为|帮助|服务|完成|解决|申请|获得|孵化|引进|吸引|集聚|有)")
"""A running total or a standing stock: the paragraph's year does not date it."""
_COMPARED_BASE = re.compile(r"(?:较|比)\s*((?:19|20)\d{2})\s*年(?:底|末)?的$")
_MILESTONE_BEFORE = re.compile(r"(?:台阶|大关|关口)[，,]\s*$")
"""A clause that passes a milestone (迈上600亿元台阶，): the next clause states the value reached."""
_ELLIPSIS = re.compile(r"(?:(?:19|20)\d{2}\s*年(?:底|末)?|去年(?:底|末|同期)?|今年|上年(?:底|末|同期)?)(?:则|又|再|进一步)?")
"""A clause that names nothing but, at most, its year (2023年达到541亿元; …台阶，达到612亿元):
its indicator is the one of the level figure before it, when the unit agrees."""
_STANDING = re.compile(r"(?<![全当今去上本\d])年产(?!值)|年封测|年加工|年处理|产能(?!利用率)|面积|注册资本")
"""年产5万吨, 产能, 面积, 注册资本: a standing size, no year's flow (产能利用率 is a rate of its year; 全年产值, 当年产量 and
2024年产量 are the year's flow: 年 there closes a time word, it opens no 年产)."""
_GOODS_VERB = re.compile(r"销量|产量|出货|产能|年产|年封测|年加工|生产|" + _CUES.alternation("deliver"))
"""销售钛材1.2万吨, 交付设备986台（套）, 供货12.6万套: goods made, shipped or delivered are counted in pieces."""
_CAPACITY_BEFORE = re.compile(r"年(?:产|封测|加工|处理|回收)(?!值)[^，,；;。、]{1,20}$")
"""A capacity cue before the figure, with a product between (年产钛合金中框3000万件)."""


def _made_things(q: Quantity) -> bool:
    """A quantity of goods (吨, 台, 套, 件, 片…), not a count of firms or projects."""
    return q.unit in ("tonne", "kilogram") or (q.unit == "count" and re.search(r"[台套件片只辆颗支]$", q.surface) is not None)


def _cut_short(sentences: Sequence[Sentence], i: int, ends: str = "，,、") -> bool:
    """Whether sentence ``i`` stops on a comma (or ``ends``): a hard-wrapped line, its clause goes on in the next."""
    return 0 <= i < len(sentences) and sentences[i].text.rstrip()[-1:] in tuple(ends)


def _apposition(text: str, left: int, q: Quantity) -> bool:
    """A count placed before its noun that sums up names around it rather than reporting a figure:
    after a list (湘渌片区、枫溪片区两个片区), opening its clause (三个项目均选址…), or before a colon
    that lists them (拥有三家子公司：…, 主导产业是三个：…)."""
    after = text[q.end :]
    if re.match(r"[：:][^，,。；;]*[、和及]", after) and re.search(r"(?:是|为)$", text[: q.start]):
        return True  # 主导产业是三个：A、B和C: the count announces the list after it
    if not re.match(r"[\u4e00-\u9fff]", after) or re.match(r"[次的以左之]", after):
        return False  # 企业12家，… / 1260家次 / 8000套的能力: the count follows its noun, as statistics do
    if re.search(r"[、和及][^，,。；;、：:（(]{1,20}$", text[left : q.start]) and not _EACH.search(text, left, q.start):
        return True  # (A和B各有4家企业: each one's count, not the size of the list)
    if not text[left : q.start].strip() and not q.surface[0].isdigit():
        return True
    return bool(re.match(r"[\u4e00-\u9fff]{1,8}[：:]", after))


# Guards of the figure loop, each a named predicate of (sentence text, quantity, its clause before it).
# _HEDGES: no measured value at all; _NO_STATISTIC: a value, but no entity's statistic.


def _bracketed_threshold(text: str, q: Quantity, before: str) -> bool:
    """A threshold in brackets (2000万元以上) qualifies a count, it is no figure of its own."""
    return bool(q.bound and re.search(r"[（(][^）)]*$", text[: q.start]) and re.match(r"^[^（(]*[）)]", text[q.end :]))


def _amount_names_a_class(text: str, q: Quantity, before: str) -> bool:
    """10亿元以上项目9个: the amount names a class of projects."""
    return bool(q.unit == "CNY" and q.bound and re.match(r"^[\u4e00-\u9fff]", text[q.end : q.end + 1])
                and not re.match(r"^[，。；、]", text[q.end :]))


def _limit(text: str, q: Quantity, before: str) -> bool:
    """最高支持300万元, 不少于10项, 不超过2000万元, 不足600平方米: a threshold or a hedge."""
    return bool(_LIMIT.search(before) or (before.endswith("不") and q.surface.startswith("超")))


def _rate_floor(text: str, q: Quantity, before: str) -> bool:
    """平均增速超过30%, 自动化率超过85%, 入驻企业超过1100家: a rate's or a count's floor, hedged, no measured value."""
    if not re.match(r"超过|逾|超", q.surface):
        return False
    return q.unit == "percent" or (q.unit == "count" and not _FORECAST.search(text, 0, q.start))  # (力争…超过300家: a target, kept)


def _hedged(text: str, q: Quantity, before: str) -> bool:
    """约46亿元, 300人左右, 400余家: a hedged figure, not a measured value (20多家 is a floor, kept as such)."""
    return bool(q.approximate and (q.bound is None or "余" in q.surface))


def _mark_passed(text: str, q: Quantity, before: str) -> bool:
    """研发投入首次突破5亿元, 单季产值突破150亿元: a round mark the figure went past, not the figure itself."""
    # (力争…突破: a target, kept as such; 突破千亿大关，达到…: the milestone's rule)
    return before.endswith("突破") and not _FORECAST.search(text, 0, q.start) and not _milestone(text, q, before)


_HEDGES = (_bracketed_threshold, _amount_names_a_class, _limit, _rate_floor, _hedged, _mark_passed)


def _market_size(text: str, q: Quantity, before: str) -> bool:
    """国内市场规模约200亿元, 行业规模同比增长12%: a market's size, no entity's figure."""
    return bool(_MARKET.search(before))


def _list_size(text: str, q: Quantity, before: str) -> bool:
    """A、B和C三个片区; 三个项目均选址…; 拥有三家子公司：…: a count that names a list, not a statistic."""
    return q.unit == "count" and _apposition(text, q.start - len(before), q)


def _discourse_count(text: str, q: Quantity, before: str) -> bool:
    """主要有四个特点, 12项问题; “一区两片”: points of a speech or a slogan's words, no statistic."""
    return q.unit == "count" and bool(_DISCOURSE_COUNT.match(text, q.end) or _in_slogan(text, q))


def _in_slogan(text: str, q: Quantity) -> bool:
    """“一区两片”, “3+N”: a short quoted phrase with no clause break; a quoted speech (“今年公司新获专利46件，…”) is no slogan."""
    opening = text.rfind("“", 0, q.start)
    closing = text.find("”", opening + 1) if opening >= 0 else -1
    if opening < 0 or 0 <= closing < q.start:
        return False  # no quote open at the figure
    quoted = text[opening:closing] if closing >= 0 else text[opening:]
    return len(quoted) <= 16 and not re.search(r"[，,。；;！？]", quoted)


def _set_told_again(text: str, q: Quantity, before: str) -> bool:
    """年内毕业的11家企业中，有4家…: the set the next figure is taken from, told again."""
    return q.unit == "count" and bool(re.match(r"[^，,。；;\d]{0,8}中[，,]", text[q.end :]))


def _ordinal(text: str, q: Quantity, before: str) -> bool:
    """成为全区第5家上市企业, 第二条生产线, 前五名客户: an ordinal or a rank, not a count."""
    return q.unit == "count" and text[: q.start].endswith(("第", "前"))


def _printed_list(text: str, q: Quantity, before: str) -> bool:
    """拟认定A等8家企业为瞪羚企业: the size of a list the notice prints below, no statistic."""
    return q.unit == "count" and text[: q.start].endswith("等") and bool(re.match(r"[\u4e00-\u9fff]{1,10}?为", text[q.end :]))


def _partners(text: str, q: Quantity, before: str) -> bool:
    """与3家企业签订协议: the partners of one act, not a count the text reports."""
    return q.unit == "count" and bool(re.search(r"(?:与|同|跟|向)$", text[: q.start]))


def _unit_price(text: str, q: Quantity, before: str) -> bool:
    """租金每月每平方米12元: a price per unit, not an amount the entity has."""
    return q.unit in ("CNY", "USD") and bool(re.search(r"每[\u4e00-\u9fff]{1,4}$", before))


def _milestone(text: str, q: Quantity, before: str) -> bool:
    """迈上600亿元台阶, 突破千亿大关: a milestone passed, the value follows."""
    return bool(re.match(r"\s*(?:台阶|大关|关口)", text[q.end :]))


def _prepositional_object(text: str, q: Quantity, before: str) -> bool:
    """装配在B三款车型上, 为其两款SUV批量配套: the count sizes the object of 在/为, where a thing goes, no statistic."""
    return q.unit == "count" and bool(re.search(r"(?:在|为|给|向)(?:其|该)?[\u4e00-\u9fffA-Za-z]{0,6}$", text[: q.start])
                                      and re.match(r"[^，,。；;]{0,12}?(?:上|中|配套|供货)", text[q.end :]))


def _per_share(text: str, q: Quantity, before: str) -> bool:
    """基本每股收益1.26元, 每10股派发现金红利3.5元: an amount per share, no amount the entity has; and the 10 of
    每10股 (a number right after 每 is the size of the unit a rate is given per, no count)."""
    if text[: q.start].endswith("每"):
        return True
    return q.unit in ("CNY", "USD") and bool(_PER_SHARE.search(before))


_PER_SHARE = re.compile(r"每\s*(?:\d+\s*)?股")


def _delivered_to_one(text: str, q: Quantity, before: str) -> bool:
    """向其交付卷绕设备214台, 为B供货12.6万套: what one buyer took, a figure of the pair (no indicator), no statistic.

    The goods counted after a 向/为/对 + buyer + deliver cue (cues.tsv ``deliver``) in the figure's clause; the seller's
    own totals (全年交付设备986台) name no buyer."""
    return q.unit == "count" and bool(re.search(r"[台套件片只辆颗支]$", q.surface)) and bool(_TO_BUYER.search(before))


_TO_BUYER = re.compile(r"(?:向|为|对(?!外))[^，,。；;：:]{1,24}?(?:" + _CUES.alternation("deliver") + r")[^，,。；;：:]{0,12}$")


_NO_STATISTIC = (_per_share, _delivered_to_one, _prepositional_object, _market_size, _list_size, _discourse_count, _set_told_again, _ordinal, _printed_list, _partners, _unit_price, _milestone)


def _is_point_year(text: str, m: re.Match[str]) -> bool:
    """A year that dates the sentence's figures, not 自2015年以来 or 较2015年."""
    after = text[m.end() : m.end() + 2]
    before = text[max(0, m.start() - 2) : m.start()]
    in_range = re.search(r"(?:19|20)\d{2}\s*年?\s*[—–\-至到]\s*$", text[max(0, m.start() - 8) : m.start()])
    partial = _PARTIAL_AFTER_YEAR.match(text, m.end()) or (_MONTH_STOCK.match(text, m.end()) and _STOCK_DATE.search(text, 0, m.start()))
    return (not after.startswith(("以来", "起", "开始", "后")) and not before.endswith(("较", "比", "自", "从", "于", "由"))
            and not in_range and not partial)


# 截至2025年10月底累计…: a stock counted at a month's end before the year's end has no year (a period); 截至2024年12月31日 has
_STOCK_DATE = re.compile(r"(?:截至|截止到?)\s*$")
_MONTH_STOCK = re.compile(r"\s*(?!12\s*月)(?:1[01]|0?[1-9])\s*月")


def _inside_name(q: Quantity, ms: Sequence[Mention], s: Sentence) -> bool:
    a, b = s.start + q.start, s.start + q.end
    return any(m.start <= a and b <= m.end and m.cls not in ("Project",) for m in ms)
