"""Stage 4, mentions: find the entities a text names.

Everything here is driven by the dictionaries in ``data/lexicon`` and by
grammar cues, never by a list of one article's facts:

* **names by suffix**: a class-marking suffix (有限公司, 大学, 研究院,
  工程技术研究中心, 高新区, ...) plus the words before it back to a boundary:
  punctuation, a function word or verb that is a whole jieba token (的, 与,
  位于, 走进, ...), or the end of the previous name. Names that are only
  qualifiers (国家高新区, 各大园区) or that head a count (孵化器2个) are
  categories, not entities.
* **compounds**: a platform, institute or government body written right after
  an organisation or park takes that owner into its name
  (清远高新区 + 版权服务中心 → 清远高新区版权服务中心).
* **honours**: a phrase ending in an honour suffix (单项冠军企业, 奖, 试点单位,
  ...) or quoted after a cue (荣获“…”, “…”等称号).
* **people**: a role title (董事长, 副主任, ...) followed by a surname and one
  or two characters; **industries** by their dictionary labels; **patents** as
  quoted titles opening with 一种; **products** after 研发出/制成的 ending in a
  product noun; **projects** as a list item that starts with a company and
  ends in 项目; **list members**: ``A、B、C等…企业`` makes each item an
  enterprise.
* **aliases**: （以下简称“X”）, （简称X）, 下称, and short names derived from a
  full legal name (place and legal form removed: 广东聚石化学股份有限公司 →
  聚石化学), then every later use of a short name is a mention of the full name.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import TypeVar

from graph.extract.cues import (
    Gates,
    Need,
    SentenceCues,
    any_of,
    cue_family,
    kept_gates,
    lexicon_matcher,
    load_cues,
    sentence_families,
    word_matcher,
)
from graph.extract.cues import (
    word as has_word,  # (word is a loop variable's name here)
)
from graph.extract.lexicon import Lexicon, load_lexicon
from graph.extract.records import Record, column_consensus, read_records
from graph.extract.spans import SpanIndex
from graph.extract.tables import Cell, TableRow, read_tables
from graph.model import ENTITY_CLASS_NAMES, ORGANIZATION_CLASS_NAMES, Mention, Sentence
from graph.text.cells import BLANK_CELL
from graph.text.clean import is_cjk
from graph.text.segment import LazyBoundaries, lazy_boundaries, pos_pairs, sections, token_boundaries, word_frequency

__all__ = [
    "find_mentions",
    "find_local_mentions",
    "LocalMentions",
    "MentionResult",
    "derive_short_names",
    "canonical_park_name",
    "detect_level",
    "table_mentions",
    "TOPIC_INDUSTRY_RE",
    "MENTION_NEEDS",
]

ENTITY_CLASSES = ENTITY_CLASS_NAMES
ORG_CLASSES = ORGANIZATION_CLASS_NAMES
_Rule = TypeVar("_Rule", bound=Callable[..., object])
_CUES = load_cues()
_COMPOUND_HEADS = frozenset({"Platform", "ResearchInstitute", "GovernmentBody"})
_PARTY_ROLE_AFTER = re.compile(r"(?:常务)?(?:副)?书记")

_GENERIC_BODY = re.compile(
    r"^(?:国家级?|省级?|市级?|区级?|县级?|全国|全省|全市|各大?|各类|各种|该|本|这|此|其|多家?|多个|一批|一大批|一家|一个|"
    r"首家|首个|科技|高新|技术|重点|新型|现代化?|产业|传统|子|母|分|总|上市|知名|龙头|头部|优质|大型|中小|小微|双创|"
    r"我|你|他|贵|相关|有关|上述|下属|所属|入园|辖区|园区|企业|地方|当地|国内外?|省内外?|市内|境内外?|"
    r"工业|特色|专业|综合|示范|高端|新|老|大|小|中|好|凝聚|打造|建设|推进|加快|依托|利用|服务|管理|发展|创新|"
    r"高标准|标准化|智慧|数字化?|绿色|低碳|生态|高质量|国际化?|城市|区域|片区|属地|入驻|引进|招商|"
    r"省市|市区|区县|\d+)+$"
)
_COUNT_AFTER = re.compile(r"^\s*(?:\d[\d,.]*|[一二两三四五六七八九十百千万]+)\s*(?:多|余)?\s*(?:个|家|所|项|座|处|批|名|类|支)")
_CATEGORY_AFTER = re.compile(r"^(?:数量|总数|数|的数量|占比|比重|梯队|库)")
_HONOUR_CATEGORY_AFTER = re.compile(r"^(?:工业|产值|营收|营业收入|增加值|认定|申报|培育)")
_LEVELS = (
    ("national", re.compile(r"^(?:国家|国家级|全国|中国|中华人民共和国|国务院)")),
    ("provincial", re.compile(r"^(?:省级|[\u4e00-\u9fff]{2,3}省(?!市)|广东|江苏|浙江|福建|山东)")),
    ("municipal", re.compile(r"^(?:市级|[\u4e00-\u9fff]{2,3}市)")),
)
_OPEN_BRACKETS = "（(["
_CLOSE_BRACKETS = "）)]"
_QUOTES = "“”‘’\"'「」『』"
_ALIAS_RE = re.compile(
    r"[（(]\s*(?:以下|下文)?(?:简称|下称|又称|简写为|简称为)[：:\s]*[“\"「『]?([^”\"」』）)，,。；]{1,16})[”\"」』]?\s*[）)]"
)
_ALIAS_INLINE_RE = re.compile(r"[，,]\s*(?:以下|下文)?(?:简称|下称)[：:]?[“\"「]([^”\"」]{1,16})[”\"」]")
_QUOTED_RE = re.compile(r"[“「『\"]([^“”「」『』\"]{2,60})[”」』\"]")
_HONOUR_CUE_BEFORE = _CUES.ends_with("honour")
_HONOUR_CUE_AFTER = re.compile(r"^(?:等)?(?:多项|多个|系列)?(?:荣誉)?" + _CUES.alternation("honour-after"))
_HONOUR_LEFT_CUES = _CUES.ends_with("honour", "honour-copula", "honour-left")
_PRODUCT_CUE = _CUES.pattern("product-made")
_SUPPLY_CUE = _CUES.pattern("product-supplied")
_SUPPLY_NOUN = re.compile(r"(?:链|商|量|体系|能力|保障|关系|协议|合同|渠道|稳定)")
_PRODUCT_MODIFIERS = re.compile(r"^(?:了)?(?:全球|全国|国内|世界|行业|业内)?(?:首款|首台|首套|首个|一款|一种|多款|系列)?")
# (a match must also meet _may_hold_list_head, checked first: change both together)
_LIST_HEAD_RE = re.compile(
    r"((?:[\u4e00-\u9fffA-Za-z0-9（）()“”]{2,24}、)+[\u4e00-\u9fffA-Za-z0-9（）()“”]{2,24})(?:和|及|与)?([\u4e00-\u9fffA-Za-z]{0,24}?)等"
    r"(?:一大批|一批|多家|众多|[\u4e00-\u9fff]{0,12}?)(?:为代表的)?[\u4e00-\u9fff]{0,10}?(企业|公司|药企|厂商|品牌企业|龙头企业)"
)
_CUSTOMER_RE = re.compile(r"(?:主要)?(?:合作)?" + _CUES.alternation("customer") + "[：:]?")
_CUSTOMER_WORDS = lexicon_matcher(_CUES.words("customer"))
_PERSON_TAIL = re.compile(
    r"^(?:表示|说|介绍|指出|认为|称|强调|任|反映|提出|希望|建议|透露|告诉|坦言|感慨|谈到|回忆|用|在|的|等|和|与|是|也|还|就|对|向|说道|讲|提到|同时|现任|兼任|曾|带领|率|一行|跟|同|给|把|毕业|出身|已|正|刚|常|每|就任|接受|担任|出席|牵头|负责|主持|领衔|博士|这样|[，,。：:；;、“”\s]|$)"
)


MENTION_NEEDS: dict[str, tuple[Need, ...]] = {}
"""Mention rule (function name) → what a sentence must hold before the rule can find anything in it.

Declared with :func:`_needs` on the rule; :func:`find_local_mentions` runs a
declared rule only on sentences that meet its needs (from the sentence's cue
families, one automaton pass, and its text), as :data:`graph.extract.relations.NEEDS`
does for relation rules. A rule not declared here runs on every sentence.
"""


def _needs(*needs: Need) -> Callable[[_Rule], _Rule]:
    """Declare a mention rule's needs (each must be implied by the rule's own patterns, so skipping it changes nothing)."""

    def declare(rule: _Rule) -> _Rule:
        MENTION_NEEDS[rule.__name__] = needs
        return rule

    return declare


_GATES: list[Gates] = []


def _mention_gates() -> Gates:
    """The :class:`Gates` of :data:`MENTION_NEEDS` (built on first use, again if it was replaced)."""
    return kept_gates(_GATES, MENTION_NEEDS, MENTION_NEEDS)


class _RuleGate:
    """Which declared mention rules one sentence can make fire, decided once for the sentence.

    Calling it with a rule and its arguments runs the rule, or gives ``[]``
    (what the rule would find) when its needs are unmet.
    """

    __slots__ = ("_gates", "_met")

    def __init__(self, here: SentenceCues) -> None:
        self._gates = _mention_gates()
        self._met = self._gates.met(here)

    def allows(self, rule: Callable[..., object]) -> bool:
        return self._gates.permits(rule.__name__, self._met)

    def __call__(self, rule: Callable[..., list[Mention]], *args: object) -> list[Mention]:
        return rule(*args) if self.allows(rule) else []


@dataclass(frozen=True)
class MentionResult:
    """Mentions of one document and the aliases it defines (short → full)."""

    mentions: tuple[Mention, ...]
    aliases: dict[str, str]


def detect_level(name: str) -> str | None:
    """Administrative level a name claims: national, provincial or municipal.

    Examples
    --------
    >>> detect_level("国家企业技术中心"), detect_level("广东省名牌产品"), detect_level("清远市级工程技术研究中心")
    ('national', 'provincial', 'municipal')
    """
    for level, rx in _LEVELS:
        if rx.search(name):
            return level
    if "省级" in name[:6]:
        return "provincial"
    if "市级" in name[:6]:
        return "municipal"
    return None


def canonical_park_name(name: str, lex: Lexicon | None = None) -> str:
    """Expand an abbreviated organisation/park suffix: 清远高新区 → 清远高新技术产业开发区.

    Examples
    --------
    >>> canonical_park_name("清远高新区")
    '清远高新技术产业开发区'
    """
    lex = lex or load_lexicon()
    for short, long in lex.short_forms.items():
        if name.endswith(short) and len(name) > len(short):
            name = name[: -len(short)] + long
            break
    m = re.match(r"^([\u4e00-\u9fff]{2,3})省", name)
    if m and m.group(1) in lex.places and any(name[m.end() :].startswith(p) for p in lex.places):
        name = name[m.end() :]
    return name


@lru_cache(maxsize=None)
def _name_char(ch: str) -> bool:
    """Whether ``ch`` may stand inside a name: a Han character (not punctuation) or a Latin letter (memoised per character)."""
    return (is_cjk(ch) and ch not in "，。、；：？！“”‘’（）《》【】…—·「」『』　") or (ch.isascii() and ch.isalpha())


def _left_boundary(
    text: str,
    suffix_start: int,
    floor: int,
    lex: Lexicon,
    bounds: frozenset[int] | LazyBoundaries,
    *,
    allow_quotes: bool = False,
    word_before_suffix: bool = False,
) -> int:
    """Scan left from ``suffix_start`` to where the name begins (>= floor).

    With ``word_before_suffix`` a cue word right before the suffix is part of the
    name (凤桥开发建设有限公司, 城市建设投资有限公司), not where it starts."""
    i = suffix_start
    stopwords_ending = _stopwords_by_last_char(lex.stopwords)
    while i > floor:
        ch = text[i - 1]
        if ch in _CLOSE_BRACKETS:
            j = max(text.rfind("（", floor, i - 1), text.rfind("(", floor, i - 1))
            if j >= floor and i - 1 - j <= 10:
                i = j
                continue
            break
        if allow_quotes and ch in _QUOTES:
            i -= 1
            continue
        if not _name_char(ch):
            break
        cut = False
        for w in stopwords_ending.get(ch, ()):
            n = len(w)
            # the text test first: ``bounds`` may segment the sentence when first asked
            if n <= i - floor and text[i - n : i] == w and i in bounds and (i - n) in bounds:
                body = suffix_start - i
                if (n > 1 or body != 1) and not (word_before_suffix and body == 0):
                    cut = True
                break
        if cut:
            break
        i -= 1
    return i


@lru_cache(maxsize=8)
def _stopwords_by_last_char(stopwords: tuple[str, ...]) -> dict[str, tuple[str, ...]]:
    """The stopwords grouped by their last character, each group in the lexicon's order."""
    out: dict[str, list[str]] = {}
    for w in stopwords:
        if w:
            out.setdefault(w[-1], []).append(w)
    return {k: tuple(v) for k, v in out.items()}


@lru_cache(maxsize=8)
def _stopword_set(stopwords: tuple[str, ...]) -> frozenset[str]:
    """The stopwords as a set, for membership tests (built once per list)."""
    return frozenset(stopwords)


@lru_cache(maxsize=32)
def _alternation(words: tuple[str, ...]) -> str:
    """``w1|w2|...`` with each word escaped, for a regular expression (built once per word list)."""
    return "|".join(re.escape(w) for w in words)


_NAME_VERBS = frozenset(
    "制造 智造 研发 发展 投资 服务 建设 控股 创新 开发 设计 检测 孵化 运营 管理 生产 加工 转化 合作 交易 贸易 "
    "物流 营销 咨询 应用 测试 监测 育种 研究 教育 培训 实业 装备 集成 驱动 储能 医疗 传动 通信 显示 封装 通用".split()
)
_FUNCTION_CHARS = frozenset("以与和在对把被将由从向为及的了是于等其或并")
# a localizer after a noun or verb ends a phrase of time or place (会议上, 投产后): a name starts after it
_LOCALIZERS = frozenset("上后里内下")
# prepositions that are (almost) never a surname, so never the first character of a name jieba tags nr
_PREPOSITION_NOT_SURNAME = frozenset("由从被把将在")
# a compass word tagged as a localizer starts many names (北方华创, 南方精工): no cut after it
_COMPASS = re.compile(r"[东南西北]{1,2}[方部]")
_CUT_TAGS = frozenset({"v", "p", "c", "d", "r", "u", "uj", "ul", "uz", "ug", "ud", "f", "m", "q", "t", "ad", "vd", "zg", "y", "e"})


_COPULAS = frozenset("是系为")


def _after_copula(body: str) -> int:
    """Offset after the last copula (是, 系, 为) standing as a word of its own in ``body``, or 0:
    a place before it opens the subject, not the name (赣州某某是广东某某新材料股份有限公司)."""
    if not any(c in body for c in _COPULAS):
        return 0
    pos = cut = 0
    for word, _tag in pos_pairs(body):
        pos += len(word)
        if word in _COPULAS:
            cut = pos
    return cut


_ADDRESS = re.compile(r"(?:[\u4e00-\u9fff]{2,3}?[省市])+[\u4e00-\u9fff]{1,3}?[区县]")


def _address_before_name(body: str, lex: Lexicon) -> int:
    """Length of an address (嘉兴市秀洲区) that opens ``body`` when a place starts the name after it
    (嘉兴市秀洲区 + 嘉兴秀湖微电子产业园), else 0."""
    m = _ADDRESS.match(body)
    if not m:
        return 0
    rest = body[m.end() :]
    if len(rest) >= 4 and any(rest.startswith(p) for p in (rest[:4], rest[:3], rest[:2]) if p in lex.places):
        return m.end()
    return 0


_RARE_VERB = 10  # a "verb" jieba's dictionary lists fewer times than this is mostly a place or a name (淹城)


def _name_word_tag(word: str, tag: str, prev_tag: str) -> str:
    """``tag``, or "n" where jieba's tag misreads a word inside a name: a measure word with no
    numeral before it (天元轨道交通, not 3公里) or a verb the dictionary hardly knows (武进淹城智能装备)."""
    if len(word) > 1 and ((tag == "q" and prev_tag != "m") or (tag == "v" and word_frequency(word) < _RARE_VERB)):
        return "n"
    return tag


def trim_left(body: str, lex: Lexicon, *, keep_min: int = 2) -> int:
    """Offset in ``body`` where a name really starts.

    A place name (广东, 清远市, ...) at a word boundary starts a name; failing
    that, the name starts after the last verb, preposition, adverb, pronoun or
    particle jieba finds (回首清远 → 清远, 以先导科技 → 先导科技).

    Examples
    --------
    >>> body = "回首清远"
    >>> body[trim_left(body, load_lexicon()):]
    '清远'
    """
    if not body:
        return 0
    bounds = lazy_boundaries(body)
    depth = 0
    first = _after_copula(body)
    for i in range(first, len(body)):
        if body[i] in "（(":
            depth += 1
        elif body[i] in "）)":
            depth -= 1
        if depth > 0:
            continue
        for place in (body[i : i + 4], body[i : i + 3], body[i : i + 2]):
            if place in lex.places and len(body) - i >= len(place) and (not i or i in bounds):
                return i + _address_before_name(body[i:], lex)
    toks = pos_pairs(body)
    stopwords = _stopword_set(lex.stopwords)
    if len(toks) == 1 and toks[0][1] in ("v", "vn"):
        return len(body)  # a lone verb is no name (营造高新区)
    cut = brand = 0
    pos = 0
    prev_tag = ""
    for word, tag in toks:
        pos += len(word)
        tag, prev_tag = _name_word_tag(word, tag, prev_tag), tag
        if pos - len(word) == cut and len(word) > 1 and tag == "v" and word_frequency(word) < _BRAND_VERB:
            brand = cut  # a rare "verb" right after the last cut may be the firm's own word (启航, 启明)
        if tag == "nr" and len(word) >= 3 and word[0] in _PREPOSITION_NOT_SURNAME:
            cut = pos - len(word) + 1  # 由龙溪片区和…组成: jieba reads 由龙溪 as a person's name; the preposition opens no name
        # the name starts after the last verb, preposition, adverb or particle (以先导科技 →
        # 先导科技; 实验室就设在公司 → 公司), except verbs that names are made of (绛溪智能制造).
        # jieba's tags on single characters of unknown names are unreliable (端华新材料 → 端/v):
        # a lone character cuts only if it is a function word
        if (len(word) > 1 and tag in _CUT_TAGS and word not in _NAME_VERBS and not _COMPASS.fullmatch(word)) or word in stopwords or (
            len(word) == 1 and (word in _FUNCTION_CHARS or (tag == "f" and word in _LOCALIZERS and pos > 2))
        ):
            cut = pos
    if 0 < len(body) - cut < keep_min and cut:
        # cutting would leave too little: the "verb" is part of the name (在田药业)
        return 0
    if cut > brand and _generic_words_only(body[cut:], lex):
        return brand  # 去年底启航智能科技: 智能科技 alone names no one, 启航 opens the name
    return cut


_BRAND_VERB = 100  # a "verb" jieba lists fewer times than this may be a firm's brand word (启航 68, 启明 25; 对接 189)
_GENERIC_FIRM_WORDS = frozenset(_CUES.words("generic-firm-word"))


@lru_cache(maxsize=1)
def _generic_vocabulary(industries: tuple) -> frozenset[str]:
    """The generic firm words and the industries' labels and keywords (built once)."""
    return _GENERIC_FIRM_WORDS | {i.zh for i in industries} | {k for i in industries for k in i.keywords}


def _generic_words_only(rest: str, lex: Lexicon) -> bool:
    """Whether ``rest`` is made only of words that say what a firm does (cue family ``generic-firm-word``,
    the industries' labels and keywords): 智能科技, 光电, 新材料 — no name of its own."""
    if not rest:
        return False
    vocab = _generic_vocabulary(lex.industries)
    i = 0
    while i < len(rest):
        j = next((j for j in range(min(len(rest), i + 5), i, -1) if rest[i:j] in vocab), None)
        if j is None:
            return False
        i = j
    return True


_PLACE_ONLY = re.compile(r"(?:中国|美国|日本|德国|韩国|泰国|越南|英国|法国|欧洲|海外|国内|国外|本地|当地|[\u4e00-\u9fff]{1,3}[省市县区镇])")


_GENERIC_PLATFORM_BODY = re.compile(r"(?:各类?|各种|该|本|这|此|其|更多|众多|诸多|许多|多家?|一批|相关|上述|公司|企业|集团|园区|学校|高校|我们?|双方|两家|配套|共享|公共|综合|中国|技术)+")
_HOLDING_TAIL = re.compile(r"(?:全资子|控股子|参股子)$")
_HOLDING_KIND = re.compile(r"(?:[其的为是之由本该]|公司|集团|企业|旗下|下属|发行人|上市公司)?(?:全资|控股|参股)")
"""其控股, 公司全资 (before 子公司/有限公司): a kind of holding, no name; a name before 控股 (澄湖控股集团有限公司) is one."""
_BRANCH_KIND = re.compile(r"[\u4e00-\u9fff]{0,2}[子分母总]")
# 发行人的子公司, 供给母公司, 发行人子公司: a kind of company after a particle, a verb of giving or the issuer
_KIND_AFTER_PARTICLE = re.compile(r"(?:[以与和在对把被将由从向为及的了是于等其或并该系给]|发行人|申请人|本公司)[子分母总]$")


_LEVEL_ONLY = re.compile(r"(?:国家|省|市|县|区|自治区)级")
_FIRST_OF_KIND = re.compile(r"首个|首家|第[一二三四五六七八九十\d]+[个家]|^(?:一|每)[个家所座]")  # 一个光学检测平台: any one, no name


_DEICTIC_KIND = frozenset(_CUES.words("deictic-kind"))
_DEICTIC_KIND_TAIL = _CUES.ends_with("deictic-kind")


def _points_at_a_firm(core: str) -> bool:
    """Whether a firm's body ends in a word of cue family ``deictic-kind`` standing as a word of its own
    (为全面了解本 + 公司, 报告期 + 公司): the words point at the writer's firm or at a period, they name
    no firm. (红杉资本: 本 is inside the word 资本, no pointer.)"""
    tail = _DEICTIC_KIND_TAIL.search(core)
    if tail is None:
        return False
    if tail.start() == 0:
        return True
    return pos_pairs(core)[-1][0] in _DEICTIC_KIND


def _valid_body(body: str, cls: str) -> bool:
    core = body.strip(_QUOTES + "（）()")
    if "、" in core:
        return False  # 各县（市、区）科技局: a list mark is inside no organisation's name
    if core.startswith("各"):
        return False  # 各产业平台管委会, 各镇人民政府: "each" addresses a kind of body, it names none
    if cls == "Platform":
        # 成为园区首个自治区级工程研究中心: a rank among its kind describes a platform, it names none
        # (园区新增两家省级工程技术研究中心: a count, no name)
        return bool(core) and not _GENERIC_PLATFORM_BODY.fullmatch(core) and not _FIRST_OF_KIND.search(core) \
            and not _COUNTED.search(core)
    if not core or len(core) < 2 and cls not in ("GovernmentBody",):
        return False
    if cls == "Enterprise" and (_HOLDING_TAIL.search(core) or _HOLDING_KIND.fullmatch(core) or _BRANCH_KIND.fullmatch(core)):
        return False  # 全资子公司, 分公司: a kind of company, not a name
    if cls == "Enterprise" and _KIND_AFTER_PARTICLE.search(core):
        return False  # 发行人的子公司, 专门为母公司: a kind of company after a particle, not a name
    if cls == "Enterprise" and _PLACE_ONLY.fullmatch(core):
        return False  # 泰国公司, 深圳公司: a description, not a name
    if cls == "Enterprise" and _points_at_a_firm(core):
        return False  # 了解本公司, 报告期公司: a pointer at the writer's firm or a period, not a name
    if _GENERIC_BODY.match(core):
        return cls == "GovernmentBody" and core in ("国家", "国", "国务")
    return True


_SCHOOL_DISCIPLINE = _CUES.ends_with("school-discipline")
_BANK_BRANCH = frozenset(_CUES.words("bank-branch"))


def _bank_branch(prev: Mention | None, s: Sentence, text: str, start: int, body: str, lex: Lexicon) -> bool:
    """A 分行 / 支行 right after a bank's name, perhaps with a place between (某银行襄阳分行),
    names one branch of that bank; written alone (分行为项目…, 下一步分行将) it refers back and names none."""
    if prev is None or prev.cls != "Enterprise" or not prev.name.endswith("银行"):
        return False
    gap = text[prev.end - s.start : start + len(body)]
    return not gap or gap in lex.places or bool(re.fullmatch(r"[\u4e00-\u9fff]{1,4}[省市县区]", gap))


def _only_function_words(body: str, quoted: re.Match[str] | None, lex: Lexicon) -> bool:
    """Whether a platform's ``body`` ends in a preposition standing as a word of its own
    (希望双方以联合研究院为纽带, 向实验室提供) or is one verb (实施创新平台提升工程), so the kind
    after it stands alone and names nothing."""
    if quoted is not None or len(body) < 2 or not all(map(_name_char, body)):
        return False
    toks = pos_pairs(body)
    word, tag = toks[-1]
    if len(toks) == 1 and tag == "v" and word not in _NAME_VERBS:
        return True  # （三）实施创新平台提升工程: a lone verb before the kind opens no name
    return tag == "p" and word in _FUNCTION_CHARS


def _owner_company(prev: Mention | None, s: Sentence, start: int) -> bool:
    """A company suffix right after an institute's or centre's name makes one company name."""
    return prev is not None and prev.end - s.start == start and prev.cls in ("ResearchInstitute", "Platform")


def _academy_unit_gap(prev: Mention, gap: str) -> bool:
    """``gap`` (text between an academy and a 研究所) is the first half of a name split at 与.

    中国科学院 + 上海微系统 + 与 + 信息技术研究所: the scan for the institute's name stops at 与.
    """
    return prev.name.endswith("科学院") and re.fullmatch(r"[\u4e00-\u9fff]{2,10}与", gap) is not None


def _is_school(body: str, lex: Lexicon) -> bool:
    """A 学院 that is a university's school, not a university (机械工程学院, 电子科学与技术学院).

    Its name ends in a discipline (cue family ``school-discipline``) and no place
    name starts it (潍坊学院, 重庆工业职业技术学院 and 江苏理工学院 are universities).
    """
    if any(body.startswith(p) for p in lex.places) or re.match(r"[\u4e00-\u9fff]{1,3}[省市]", body):
        return False
    return bool(_SCHOOL_DISCIPLINE.search(body))


def _bare_level_after_char(body: str, lex: Lexicon) -> bool:
    """Whether ``body`` is one character and a level word (经省, 由市, 请区) that is no place name: jieba
    may read the preposition and the level as one word, hiding the bare (generic) level."""
    # (no province is one character; a one-character city or county (津市, 泾县) is kept unless a preposition opens it)
    return len(body) == 2 and body[1] in "省市区县" and body not in lex.places and (
        body[1] == "省" or body[0] in _FUNCTION_CHARS or body[0] in "经请报受据")


_GOVERNED_CLASSES = frozenset({"Park", "Platform"})
_DESCRIPTIVE_SUFFIXES = frozenset(_CUES.words("descriptive-suffix"))
_FACILITY_CENTRE = _CUES.ends_with("facility-centre")
_MACRO_REGIONS = frozenset(_CUES.words("macro-region"))
_OBJECT_VERBS = frozenset(_CUES.words("object-verb"))
_OBJECT_VERB_RE = _CUES.pattern("object-verb")
_OBJECT_VERB_BEFORE = _CUES.ends_with("object-verb")


def _after_object_verb(body: str) -> int:
    """Offset in ``body`` after the last word of cue family ``object-verb`` (发展, 建设, 开发, 依托…) that
    has more words after it, else 0. Such verbs make up company names (某某投资发展有限公司) but never
    stand inside a park's or platform's modifier with words after them: there they govern the name."""
    if not any(v in body for v in _OBJECT_VERBS):
        return 0
    bounds = lazy_boundaries(body)
    cut = 0
    for verb in _OBJECT_VERB_RE.finditer(body):
        # (大力发展, 重点发展: jieba may write the adverb and the verb as one word; the verb's end is a word end)
        if verb.end() < len(body) and verb.end() in bounds:
            cut = max(cut, verb.end())
    return cut


_INDEFINITE = _CUES.pattern("indefinite", "rank-word")


def _after_indefinite(text: str, start: int, body: str, bounds: LazyBoundaries) -> int | None:
    """Offset in ``body`` after the last indefinite determiner or rank (cue families ``indefinite`` and
    ``rank-word``: 一家, 本地, 首个…) standing as a word of its own inside it or right before it (then 0), else None.
    (统一家居: 一家 is no word of the sentence there.)"""
    cut = None
    if body:
        for d in _INDEFINITE.finditer(body):
            a, b = start + d.start(), start + d.end()
            if a in bounds and b in bounds:
                cut = d.end()
    if cut is None and start:
        before = _INDEFINITE.search(text, max(0, start - 2), start)
        if before is not None and before.end() == start and before.start() in bounds and start in bounds:
            cut = 0
    return cut


_SCHOOL_GAP = 8  # at most this many name characters between a university and the discipline that opens its school


def _school_of(prev: Mention | None, s: Sentence, text: str, start: int) -> bool:
    """A 学院 written right after a university, with only name characters between (厦门大学化学化工学院,
    华南理工大学物理与光电学院 where the scan stopped at 与), is a school of that university, not a
    university: the university is the entity a person's post there belongs to."""
    if prev is None or prev.cls != "University":
        return False
    gap = text[prev.end - s.start : start]
    # (南京理工大学和江苏理工学院: a connector right after the university lists a second one)
    return len(gap) <= _SCHOOL_GAP and all(map(_name_char, gap)) and not (gap and gap[0] in _FUNCTION_CHARS)


_COUNT_LEAD = re.compile(r"\s*(?:" + _CUES.alternation("count-lead") + ")")


def _is_category(text: str, end: int) -> bool:
    """Whether the name ending at ``end`` is a kind a count follows (工程研究中心12家; with a word of cue family
    ``count-lead`` between: 重点实验室和创新中心共37家) or a category word follows (数量, 占比)."""
    tail = text[end : end + 12]
    if _COUNT_AFTER.match(tail) or _CATEGORY_AFTER.match(tail):
        return True
    lead = _COUNT_LEAD.match(tail)
    return lead is not None and _COUNT_AFTER.match(tail[lead.end() :]) is not None


def _counted_title(text: str, end: int) -> bool:
    """A title counted and then listed (新增国家级专精特新“小巨人”企业3家：甲公司、乙公司): the
    colon opens the names that hold it, so the title is an honour, not a category."""
    return _COUNTED_LIST.match(text, end) is not None


_COUNTED_LIST = re.compile(_COUNT_AFTER.pattern.lstrip("^") + r"\s*[：:]")


def _add(found: list[Mention], m: Mention) -> None:
    found.append(m)


_COUNTED = re.compile(r"(?:\d+|[两二三四五六七八九十]+)\s*(?:家|个|所|批)")
_ENDS_IN_NUMERAL = re.compile(r"[一两二三四五六七八九十]$")
# the bare word for "the park" written before a part's own name (园区锂电材料专业园, 本园区数字经济片区)
_PARK_WORD_BEFORE = re.compile(r"(?:该园区|本园区|园区)(?![东南西北中][部区]?$)")
_PARTS_AFTER = re.compile(r"[两二三四五六七八九十\d]+个(?:片区|园区|分园|园|板块)")
_DATE_TAIL = re.compile(r"(?:年度|年|月份|月|日)")
_DISPATCH_LEAD = re.compile("^(?:" + _CUES.alternation("dispatch") + ")")
_KIN_LEAD = re.compile("^(?:" + _CUES.alternation("kin-lead") + ")(?=[\u4e00-\u9fff]{2})")
_PERIOD_LEAD = re.compile("^(?:" + _CUES.alternation("period-word") + ")")
"""第四季度, 上半年, 全年 (cues.tsv ``period-word``): a time word before a name is the clause's time, no part of the name."""
_ADDRESS_TAIL = re.compile(r"(?:号楼|号院|号|栋|幢|层|楼|室)")
_HEADING_NUMBER = re.compile(r"[（(][一二三四五六七八九十\d]{1,3}[）)]")
_QUOTED_TAIL = re.compile(r"[“「]([^”」“「]{2,16})[”」]$")


def _quoted_before(text: str, floor: int, end: int) -> re.Match[str] | None:
    """A quoted phrase that ``text[floor:end]`` ends with (“星火”中心), or None.

    The closing quote is checked first: most suffixes follow no quote, and the
    pattern would otherwise be searched through the whole slice to learn that.
    """
    if end <= floor or text[end - 1] not in "”」":
        return None
    return _QUOTED_TAIL.search(text[floor:end])


def _suffix_mentions(s: Sentence, text: str, lex: Lexicon, bounds: LazyBoundaries) -> list[Mention]:
    out: list[Mention] = []
    floor = 0
    for m in lex.suffix_re.finditer(text):
        suffix = m.group()
        cls = lex.suffix_class(suffix)
        if suffix == "中心" and m.start() < 4:
            continue
        if suffix.endswith("部") and text.startswith("门", m.end()):
            continue  # 自然资源部门, 财政部门: any department of that kind, not the ministry
        start = _left_boundary(text, m.start(), floor, lex, bounds, word_before_suffix=cls == "Enterprise")
        body = text[start : m.start()]
        quoted = _quoted_before(text, floor, m.start())
        if not body and quoted:
            start, body = floor + quoted.start(), quoted.group()
        prev = out[-1] if out else None
        if cls == "ResearchInstitute" and prev is not None and _academy_unit_gap(prev, text[prev.end - s.start : start]):
            start, body = prev.end - s.start, text[prev.end - s.start : m.start()]
        if cls == "Platform" and prev is not None and prev.end - s.start == start - 1 and text[start - 1] in "—–-":
            # “A大学—B公司联合实验室”: a platform named for both partners, joined by a dash
            start, body = start - 1, text[start - 1 : m.start()]
        elif cls == "Platform" and start - 3 >= floor and text[start - 1] in "—–" and body:
            # 甲—乙先进材料概念验证中心: the partners' short names, joined by a dash, open the name
            first = _left_boundary(text, start - 1, floor, lex, bounds)
            if 2 <= start - 1 - first <= 6:
                start, body = first, text[first : m.start()]
        if cls in _COMPOUND_HEADS and prev is not None and (prev.end - s.start) == start and prev.cls in (
            ORG_CLASSES | {"Park"}
        ) and not (prev.cls == "GovernmentBody" and cls == "GovernmentBody" and body and suffix != "监管局"):
            # (a body right after a body is a second body: 江城市科学技术局 江城市经济和信息化局)
            # 清远高新区 + 版权服务中心, 华南师范大学 + （清远）科技创新研究院
            if suffix == "党工委" and not body and _PARTY_ROLE_AFTER.match(text, m.end()):
                # 峡州高新区党工委书记: the title's unit, the park itself (the 党工委 is no separate body)
                floor = m.end()
                continue
            if _valid_body(body, cls) or body.startswith(("（", "(")) or cls == "GovernmentBody" or (body == "" and cls == "Platform"):
                owner = out[-1]
                name = owner.name + body + suffix
                if cls == "ResearchInstitute" and owner.name.endswith("科学院"):
                    out.pop()  # 中国科学院过程工程研究所 names the institute, not the academy as well
                out.append(
                    Mention(name, cls, owner.start, s.start + m.end(), s.index, f"suffix:{suffix}+owner:{owner.name}",
                            level=detect_level(name))
                )
                floor = m.end()
                continue
        if suffix in _BANK_BRANCH:
            if _bank_branch(prev, s, text, start, body, lex):
                owner = out.pop()
                out.append(Mention(text[owner.start - s.start : m.end()], cls, owner.start, s.start + m.end(), s.index,
                                   f"suffix:{suffix}+bank:{owner.name}", level=None))
            floor = max(floor, m.end())
            continue
        if cls == "Enterprise" and not body and _owner_company(prev, s, start):
            # 洛阳伊洛精密传动研究院 + 有限公司: a company named for an institute or centre
            owner = out.pop()
            out.append(Mention(owner.name + suffix, cls, owner.start, s.start + m.end(), s.index,
                               f"suffix:{suffix}+named:{owner.cls}", level=detect_level(owner.name)))
            floor = m.end()
            continue
        if body and cls != "Platform":
            start += trim_left(body, lex, keep_min=2 if cls != "GovernmentBody" else 0)
            body = text[start : m.start()]
        elif cls == "Platform" and len(body) >= 3 and body[0] in "其该" and not quoted:
            start += 1  # 其氢能储运实验室被认定为…: the pronoun says whose platform, it is no part of the name
            body = text[start : m.start()]
        if cls == "Park" and body and _OBJECT_VERB_BEFORE.search(text, max(0, start - 6), start) and not _proper_opening(body + suffix, lex):
            floor = max(floor, m.end())
            continue  # 依托高新技术产业园建设…: a kind of park the verb before it governs, no name
        if cls in _GOVERNED_CLASSES and body:
            verb = _after_object_verb(body)
            if verb:  # 重点发展高端装备产业园: the verb's clause ends before the name
                if not _proper_opening(body[verb:] + suffix, lex) and cls == "Park":
                    floor = max(floor, m.end())
                    continue  # 大力发展智能装备产业园: a kind of park the clause means to grow, no name
                start += verb
                body = text[start : m.start()]
        ordinal = _HEADING_NUMBER.match(body)
        if ordinal:  # （二）创新平台: a heading's number is no part of a name
            start += ordinal.end()
            body = text[start : m.start()]
        address = _ADDRESS_TAIL.match(body) if start and text[start - 1].isdigit() else None
        if address:  # 谷阳大道88号园区政务服务中心: a house number ends the address, the name starts after it
            start += address.end()
            body = text[start : m.start()]
        date_tail = _DATE_TAIL.match(body) if start and text[start - 1].isdigit() else None
        if date_tail:  # 2024年度某市工程技术研究中心: the name starts after the date
            start += date_tail.end()
            body = text[start : m.start()]
        dispatch = _DISPATCH_LEAD.match(body)
        if dispatch and (len(dispatch.group()) > 1 or (start and text[start - 1] == "日")):
            start += dispatch.end()  # 4月2日讯 A公司…, 本报讯 A公司…: the dispatch mark of a news lead is no part of the name
            body = text[start : m.start()]
        period = _PERIOD_LEAD.match(body) or _KIN_LEAD.match(body)
        if period:  # (控股股东A集团, 母公司A集团: how the firm stands to another is said before its name, not in it)  # 第四季度公司实现营业收入…: a time word opens the clause, the name (here none) starts after it
            start += period.end()
            body = text[start : m.start()]
        if cls == "GovernmentBody" and _bare_level_after_char(body, lex):
            start += 1  # 经省人民政府批准: one character before a bare level is no place, the body is 省人民政府
            body = text[start : m.start()]
        det = _after_indefinite(text, start, body, bounds)
        if det is not None:  # 本地一家银行, 一个智能制造产业园: a kind, unless a proper name follows the determiner
            if not body[det:] or not _proper_opening(body[det:] + suffix, lex):
                floor = max(floor, m.end())
                continue
            start += det
            body = text[start : m.start()]
        if cls == "Platform" and _only_function_words(body, quoted, lex):
            continue  # 希望双方以联合研究院为纽带, 实施创新平台提升工程: the bare kind names nothing
        if not body and suffix in lex.standalone:
            out.append(Mention(suffix, cls, s.start + m.start(), s.start + m.end(), s.index, f"suffix:{suffix}",
                               level=detect_level(suffix)))
            floor = m.end()
            continue
        if cls == "Platform" and any(h.endswith(suffix) and len(h) > len(suffix) and (body + suffix).endswith(h) for h in lex.products):
            continue  # 卧式加工中心: a machine whose name ends like a centre, not a platform
        if suffix == "中心" and len(body) < 4:
            continue
        if cls == "Park" and (word := _PARK_WORD_BEFORE.match(body)) and len(body) - word.end() >= 2:
            # 位于园区锂电材料专业园: the bare word 园区 says whose part it is; the part's own name follows
            # (园区南片区 keeps it: 南 alone names nothing)
            start += word.end()
            body = text[start : m.start()]
        if _COUNTED.search(body) or (cls == "Park" and _ENDS_IN_NUMERAL.search(body)):
            continue  # 新增两家省级工程技术研究中心, 一城两片区: a count, not a name
        listed = cls == "Park" and _PARTS_AFTER.match(text, m.end())
        if not _valid_body(body, cls) or (_is_category(text, m.end()) and not listed):
            floor = max(floor, m.end()) if cls != "Platform" else floor
            continue
        if suffix == "学院" and cls == "University" and (_is_school(body, lex) or _school_of(prev, s, text, start)):
            floor = m.end()
            continue
        name = body + suffix
        if cls == "Park" and body in _MACRO_REGIONS:
            floor = m.end()
            continue  # 长三角、珠三角片区: a part of a region of provinces, no park
        if cls == "Platform" and _FACILITY_CENTRE.search(name):
            floor = m.end()
            continue  # 园区政务服务中心, 国际会展中心: a venue or office, no platform
        if suffix in _DESCRIPTIVE_SUFFIXES and not _proper_opening(name, lex):
            floor = max(floor, m.end())
            continue  # 省内重要的光学产业基地: a description of a place, no name
        if cls == "Park" or quoted and body == quoted.group():
            name = "".join(ch for ch in name if ch not in _QUOTES)
        out.append(
            Mention(name, cls, s.start + start, s.start + m.end(), s.index, f"suffix:{suffix}", level=detect_level(name))
        )
        floor = m.end()
    return out


# 入选…公布的国家知识产权示范企业: what comes before such a verb is not part of the title
# (公布了X名单: the verb with 了 before the title the list bears)
_PUBLISHED_BY = ("公布的", "发布的", "认定的", "评选的", "授予的", "颁发的", "公布了", "发布了", "印发了", "公布", "发布")


def _honour_mentions(s: Sentence, text: str, lex: Lexicon) -> list[Mention]:
    out: list[Mention] = []
    # quoted titles after or before an honour cue
    for q in _QUOTED_RE.finditer(text):
        title = q.group(1).strip()
        before = text[max(0, q.start() - 6) : q.start()]
        # a run of quoted titles shares the cue: “A”“B”“C”等称号
        run_end = q.end()
        while True:
            nxt = _QUOTED_RE.match(text, run_end)
            if not nxt:
                break
            run_end = nxt.end()
        after = text[run_end : run_end + 8]
        prev_quoted = q.start() > 0 and text[q.start() - 1] in "”」』\""
        ends_honour = any(title.endswith(h) for h in lex.honour_suffixes if len(h) > 1)
        if ends_honour or _HONOUR_CUE_AFTER.match(after) or (_HONOUR_CUE_BEFORE.search(before) and not prev_quoted):
            if title.startswith("一种") or _is_category(text, q.end()) or _HONOUR_CATEGORY_AFTER.match(text[q.end() :]):
                continue
            out.append(Mention(title, "Honour", s.start + q.start(), s.start + q.end(), s.index, "honour:quoted",
                               level=detect_level(title)))
    # unquoted phrases ending in an honour suffix, bounded by list punctuation or a cue verb
    taken = [(m.start - s.start, m.end - s.start) for m in out]
    present = lexicon_matcher(lex.honour_suffixes).present(text)  # one pass, not one search per suffix
    for h in [h for h in lex.honour_suffixes if h in present] if present else ():
        for m in re.finditer(re.escape(h), text):
            end = m.end()
            if any(a <= m.start() < b for a, b in taken):
                continue
            if h == "奖" and end < len(text) and text[end] not in "，。、；,;等”":
                continue
            i = m.start()
            while i > 0:
                ch = text[i - 1]
                if ch in "）)":
                    j = max(text.rfind("（", 0, i - 1), text.rfind("(", 0, i - 1))
                    if j >= 0 and i - 1 - j <= 4:
                        i = j
                        continue
                if ch in "、，,；;：:。（(" or (ch == "的" and (m.start() - i >= 2 or len(h) >= 4)):
                    break  # …研发制造的国家高新技术企业, 一家由…创办的专精特新企业: a description ends where the title begins
                if ch in "“”" and i - 1 > 0 and text[i - 2] in "、，,；;：:等":
                    break
                cue = _HONOUR_LEFT_CUES.search(text, 0, i)
                if cue and cue.end() == i and (m.start() - i) >= 2:
                    break
                if text.endswith(_PUBLISHED_BY, 0, i) and (m.start() - i) >= 2:
                    break  # 入选国家知识产权局公布的国家知识产权示范企业: the body is not part of the title
                i -= 1
            scanned, i = i, _honour_start(text, i, m.start())
            name = text[i:end].strip(_QUOTES)
            core = name[: -len(h)] if name.endswith(h) else name
            cue_here = _HONOUR_LEFT_CUES.search(text, 0, i)
            cued_bare = cue_here is not None and cue_here.end() == i and len(h) >= 4
            if (len(core.strip(_QUOTES)) < 2 and not cued_bare) or (_is_category(text, end) and not _counted_title(text, end)) \
                    or len(name) > 40 \
                    or _HONOUR_CATEGORY_AFTER.match(text[end:]):
                continue
            if _GENERIC_BODY.match(core.strip(_QUOTES)) and not detect_level(name):
                continue
            cued = _HONOUR_LEFT_CUES.search(text, 0, i) is not None and _HONOUR_LEFT_CUES.search(text, 0, i).end() == i
            cued = cued or _HONOUR_BATCH_END.search(text, 0, i) is not None  # 第八批 + title
            if not cued and scanned < i:  # 获得 + 2024年 + title: the cue stands before the year
                cue_there = _HONOUR_LEFT_CUES.search(text, 0, scanned)
                cued = cue_there is not None and cue_there.end() == scanned
            in_list = i > 0 and text[i - 1] == "、" and any(b == i - 1 for _, b in taken)
            if not (detect_level(name) or cued or in_list):
                continue
            if re.search(r"[\d]", name):
                continue
            start = i + (len(text[i:end]) - len(text[i:end].lstrip(_QUOTES)))
            out.append(Mention(name, "Honour", s.start + start, s.start + end, s.index, f"honour:{h}",
                               level=detect_level(name)))
            taken.append((start, end))
    return out


_HONOUR_LEAD = re.compile(r"(?:了|(?:19|20)\d{2}\s*年度?)+")
_HONOUR_BATCH = re.compile(r"第[一二三四五六七八九十\d]+批(?:次)?")
_HONOUR_BATCH_END = re.compile(_HONOUR_BATCH.pattern + "$")


def _honour_start(text: str, i: int, head: int) -> int:
    """Where an honour's title starts in ``text[i:head]`` (the words before its suffix).

    An aspect particle or a year before the title is not part of it (获得了厦门市科技进步奖,
    获2023年度重庆市科技进步奖), nor is the body that names a batch (工业和信息化部第八批
    制造业单项冠军企业 → 制造业单项冠军企业).
    """
    lead = _HONOUR_LEAD.match(text, i, head)
    if lead:
        i = lead.end()
    batch = None
    for batch in _HONOUR_BATCH.finditer(text, i, head):
        pass
    return batch.end() if batch is not None and head - batch.end() >= 2 else i


_ORG_UNITS = ("党工委", "管委会", "党委", "纪工委", "董事会", "监事会", "管理委员会", "人民政府", "政府")


def _unit_mentions(s: Sentence, text: str, role_start: int, role_text: str, found: Sequence[Mention]) -> list[Mention]:
    """Bodies named by a unit word inside a role chain (…、管委会副主任) of a park or body named before it."""
    owner = next((f for f in found if f.end - s.start == role_start), None)
    if owner is None:
        return []
    base = owner.rule.split("+owner:", 1)[1] if "+owner:" in owner.rule else owner.name
    out = []
    pos = role_start
    for piece in role_text.split("、"):
        unit = next((u for u in _ORG_UNITS if piece.startswith(u)), None)
        if unit == "党工委" and _PARTY_ROLE_AFTER.match(piece, len(unit)):
            unit = None  # 园区党工委书记: the park's party secretary (the 党工委 is no separate body)
        if unit and not owner.name.endswith(unit) and owner.name != base + unit:
            out.append(Mention(base + unit, "GovernmentBody", s.start + pos, s.start + pos + len(unit), s.index,
                               f"unit:{unit}+owner:{base}"))
        pos += len(piece) + 1
    return out


_DESIGNATION_CUE = _CUES.ends_with("designation")
_LIST_TITLE_AFTER = re.compile(r"(?:[（(][^）)]{0,12}[）)])?" + _CUES.alternation("list-title"))


def _level_only_platform(m: Mention) -> bool:
    """A platform named by a level and its kind alone (申报省级新型研发机构, 共建国家级企业技术中心),
    outside a designation: a class of platform, not a name."""
    if m.cls != "Platform" or not m.rule.startswith("suffix:") or "+" in m.rule:
        return False
    return _LEVEL_ONLY.fullmatch(m.name[: len(m.name) - len(m.rule[len("suffix:"):])]) is not None


def _designations(found: list[Mention], s: Sentence) -> list[Mention]:
    """国家级科技企业孵化器 after 被认定为 is a title the holder earned, not a platform of its own."""
    out = []
    for m in found:
        before = s.text[: m.start - s.start]
        if m.cls in ("Platform", "ResearchInstitute") and _DESIGNATION_CUE.search(before) and (
            m.level or re.match(r"^(?:国家|省|市|全国)", m.name)
        ):
            m = replace(m, cls="Honour", rule="honour:designation")
        elif m.cls == "Park" and _DESIGNATION_CUE.search(re.sub(r"(?:\d{4}年度?)$", "", before)) and (
            m.level or re.match(r"^(?:国家|省|市|全国)", m.name)
        ) and _DESIGNATION_CUE.search(re.sub(r"(?:\d{4}年度?)$", "", before)).end() == len(re.sub(r"(?:\d{4}年度?)$", "", before)):
            m = replace(m, cls="Honour", rule="honour:designation")  # 获评国家绿色工业园区: the park's title
        elif _level_only_platform(m):
            continue
        out.append(m)
    return out + _designated_subjects(out, s)


_LEVEL_PREFIX = r"(?:国家级?|全国|中国|省级|市级|[\u4e00-\u9fff]{2,3}?省|[\u4e00-\u9fff]{2,3}?市(?!场)|(?:广西|内蒙古|宁夏|新疆|西藏)(?:壮族|回族|维吾尔)?(?:自治区)?(?=[“\u4e00-\u9fff]))"
_CUED_TITLE = re.compile(
    "(?:" + _CUES.alternation("honour-open") + r")(?:了)?(?:(?:19|20)\d{2}年度?|第[一二三四五六七八九十\d]+批)?"
    r"(" + _LEVEL_PREFIX + r"[\u4e00-\u9fff“”]{2,24}?)(?=[，,。；;、]|和|及|与|等|称号|荣誉|名单|$)"
)
# 教授、博士生导师，国家杰出青年科学基金获得者: a levelled title before a holder noun is an honour,
# whatever it ends in
_HELD_TITLE = re.compile(
    r"(?:^|(?<=[，,、；;。：:]))(" + _LEVEL_PREFIX + r"[\u4e00-\u9fff“”]{2,24}?)(?:" + _CUES.alternation("honour-holder") + ")"
)
_NEXT_TITLE = re.compile(r"(?:和|及|、)(" + _LEVEL_PREFIX + r"[\u4e00-\u9fff“”]{2,24}?)(?=[，,。；;、]|和|及|与|等|称号|荣誉|名单|$)")


# what a title ends in (企业, 园区, 基地, 中心, 产品 …) and what a count or ranking holds (第三家, 省级以上)
_TITLE_HEAD = re.compile(r"(?:企业|园区|基地|中心|产品|单位|示范区|园|奖|品牌|实验室|工作站|孵化器|空间|集群|冠军|示范|试点|名牌|城市|工厂|车间|称号|人才|学者|英才|专家)[”]?$")
_NOT_TITLE = re.compile(r"第[一二三四五六七八九十\d]+(?:家|个)|首家|唯一|以上|以下|获此|之一")


@_needs(cue_family("honour-open", "honour-holder"))
def _cued_honours(found: list[Mention], s: Sentence) -> list[Mention]:
    """Titles after an award verb (获评2024年度湖南省五好园区, 被…认定为江西省智慧园区, 是一家国家高新技术企业):
    a name opening with a level (国家, 省, 市) is an Honour whatever it ends in; a list of
    such names (A和B) is split, and a longer mention spanning the list gives way."""
    text = s.text
    titles: list[tuple[int, int]] = []
    for m in _CUED_TITLE.finditer(text):
        pos, item = m.end(1), m
        while item is not None:
            name = item.group(1).strip("“”")
            if _TITLE_HEAD.search(name) and not _NOT_TITLE.search(name):
                titles.append((item.start(1), item.end(1)))
            pos = item.end(1)
            item = _NEXT_TITLE.match(text, pos)
    titles += [(m.start(1), m.end(1)) for m in _HELD_TITLE.finditer(text) if not _NOT_TITLE.search(m.group(1))]
    if not titles:
        return found
    out = []
    for f in found:
        a, b = f.start - s.start, f.end - s.start
        spans = [t for t in titles if a <= t[0] and t[1] <= b]
        if len(spans) > 1 and f.cls == "Honour":
            continue  # 国家…示范基地和江西省…示范园区 read as one: the titles replace it
        if f.cls in ("Park", "Industry") and (a, b) in titles:
            continue  # 获评湖南省五好园区: the park's title, not a park
        out.append(f)
    for a, b in titles:
        name = text[a:b].strip("“”")
        if any(f.start - s.start < b and a < f.end - s.start and f.cls != "Industry" for f in out):
            continue
        out.append(Mention(name, "Honour", s.start + a, s.start + b, s.index, "honour:cued", level=detect_level(name)))
    return sorted(out, key=lambda m: (m.start, m.end))


def _designated_subjects(found: list[Mention], s: Sentence) -> list[Mention]:
    """The unnamed holder of a designation that opens its clause (旌湖青创空间获评国家级众创空间):
    a short noun phrase before the cue, of the kind the designation names."""
    out = []
    text = s.text
    for m in found:
        if m.rule != "honour:designation":
            continue
        rel = m.start - s.start
        cue = _DESIGNATION_CUE.search(text[:rel])
        if cue is None or cue.end() != rel:
            continue
        clause = max(text.rfind(c, 0, cue.start()) for c in "，,；;。：:") + 1
        name = text[clause : cue.start()]
        if not (3 <= len(name) <= 12) or not re.fullmatch(r"[\u4e00-\u9fff]+", name):
            continue
        if any(f.start - s.start < cue.start() and clause < f.end - s.start for f in found):
            continue
        if any(tag in _CUT_TAGS and len(w) > 1 for w, tag in pos_pairs(name)):
            continue  # a clause (园区成功获评…), not a name
        kind = m.name[-2:]
        if not name.endswith(kind):
            continue
        out.append(Mention(name, "Platform", s.start + clause, s.start + cue.start(), s.index, "platform:designated-subject"))
    return out


_FIELD_ROLES = ("法定代表人",)  # roles written as a field label before a colon


def _person_mentions(s: Sentence, text: str, lex: Lexicon, found: Sequence[Mention]) -> list[Mention]:
    out: list[Mention] = []
    if not lexicon_matcher(lex.roles).occurs_in(text):
        return out  # the pattern below needs a role word
    roles = _alternation(lex.roles)
    units = "|".join(_ORG_UNITS)
    for m in re.finditer(rf"((?:(?:{units})?(?:{roles})[、，,]?)+)", text):
        if m.group(1)[-1] in "、，,":
            continue
        pos = m.end()
        if text.startswith(("：", ":"), pos) and m.group(1).endswith(_FIELD_ROLES):
            pos += 1  # 法定代表人：某某, a registration field: the name follows the colon
        rest = text[pos : pos + 6]
        foreign = re.match(r"[\u4e00-\u9fff]{1,5}[·•・][\u4e00-\u9fff]{1,6}?(?=表示|说|介绍|指出|认为|称|[，,。：:；;、“”（(\s]|$)", text[pos : pos + 16])
        if foreign:
            out.append(Mention(foreign.group(), "Person", s.start + pos, s.start + pos + foreign.end(), s.index, "person:role"))
            out += _unit_mentions(s, text, m.start(), m.group(1), found)
            continue
        sur = next((x for x in lex.surnames if rest.startswith(x)), None)
        if not sur:
            continue
        if text.startswith(lex.roles, pos + len(sur)):
            continue  # 负责人任组长: 任 (serve as) before a second title, not a surname
        best = None
        for given in (2, 1):
            cand = rest[: len(sur) + given]
            if len(cand) < len(sur) + given or not all("\u4e00" <= c <= "\u9fff" for c in cand):
                continue
            if given == 2 and cand[-1] in "说称讲道表介指认强透告坦在任和与是也还就对向等的曾已正刚跟同给把率兼":
                continue  # 方敏说, 程某在: the verb or particle is not part of the name
            opens = _PERSON_TAIL.match(text[pos + len(cand) - 1 :]) if given == 2 else None
            if opens is not None and len(opens.group()) > 1:
                continue  # 孙宁担任: the last character opens the verb after the name (担任), not the name
            if _PERSON_TAIL.match(text[pos + len(cand) :]):
                best = cand
                break
        if best is None:
            toks = pos_pairs(text[pos : pos + 8])
            if toks and toks[0][1] == "nr" and 2 <= len(toks[0][0]) <= 3 and toks[0][0].startswith(sur):
                best = toks[0][0]
        if best is None:
            best = _name_before_predicate(text[pos : pos + 8], sur)
        if not best:
            continue
        out.append(Mention(best, "Person", s.start + pos, s.start + pos + len(best), s.index, "person:role"))
        out += _unit_mentions(s, text, m.start(), m.group(1), found)
    return out


_PREDICATE_TAGS = frozenset({"d", "p", "c", "v", "ad", "vd"})
_NOT_GIVEN_LAST = "说称讲道表介指认强透告坦在任和与是也还就对向等的曾已正刚跟同给把率兼"


def _name_before_predicate(window: str, sur: str) -> str | None:
    """The name after a title when no listed word follows it: the surname and one or two characters
    that end where jieba's words end, with an adverb, preposition, conjunction or verb as the next word
    (教授郑凯文格外…, 副教授许明哲被聘为…, 局长吴海峰到会). Two given characters are tried first."""
    toks = pos_pairs(window)
    ends, pos = {}, 0
    for i, (word, _tag) in enumerate(toks):
        pos += len(word)
        ends[pos] = i
    for given in (2, 1):
        n = len(sur) + given
        cand = window[:n]
        if len(cand) < n or not all("\u4e00" <= c <= "\u9fff" for c in cand) or cand[-1] in _NOT_GIVEN_LAST:
            continue
        i = ends.get(n)
        if i is not None and i + 1 < len(toks) and toks[i + 1][1] in _PREDICATE_TAGS:
            return cand
    return None


@lru_cache(maxsize=4)
def _speaker_re(surnames: tuple[str, ...]) -> re.Pattern[str]:
    # after the closing quote, or opening the sentence the quotation ended (…。”｜覃某某说。)
    return re.compile(rf"(?:(?<=[”」』])[，,]?|^)((?:{_alternation(surnames)})[\u4e00-\u9fff]{{1,2}}?)(?:{_CUES.alternation('speech')})(?=[。，,：:；;]|$)")


@_needs(cue_family("speech"))
def _quoted_speaker(s: Sentence, text: str, lex: Lexicon, found: Sequence[Mention]) -> list[Mention]:
    """The speaker named right after a quotation (“……”覃某某说): a surname and one or two
    characters between the closing quote and a verb of speech are a person's name."""
    out = []
    for m in _speaker_re(lex.surnames).finditer(text):
        a, b = s.start + m.start(1), s.start + m.end(1)
        if m.group(1)[-1] in "总董管工" or m.group(1) in lex.roles:
            continue  # 王总说, 高管说: a title or a term of address, not a name
        if not any(f.start < b and a < f.end for f in found):
            out.append(Mention(m.group(1), "Person", a, b, s.index, "person:speaker"))
    return out


# what may stand before a name written name-then-title (由张三副市长担任, 、李四总经理)
_NAME_LEFT = re.compile(r"(?:^|[，,。：:；;、“”（(\s]|由|请|和|与|及|同|为|是|学院)$")
# characters that end a place or body, never a person's given name (高新区管委会主任 is no 高新区)
_NOT_GIVEN = re.compile(r"[区市县镇乡省局委会司院校园厂部所站队办处科室组业心链企间兼]")  # (同时兼任研究员: 兼 joins a post, never a name)


_APPOSITIVE = re.compile(r"^([\u4e00-\u9fff]{2,3})[，,]")


@_needs(has_word("，", ","))
def _appositive_person(s: Sentence, text: str, lex: Lexicon, found: Sequence[Mention]) -> list[Mention]:
    """A profile's opening apposition: a name, a comma, then an organisation and its title closing the
    clause (祁明轩，浙江衡越精工有限公司董事长。). The title is kept in the rule, as for a name then title."""
    m = _APPOSITIVE.match(text)
    if m is None or not any(m.group(1).startswith(x) for x in lex.surnames) or _NOT_GIVEN.search(m.group(1)[1:]):
        return []
    org = next((f for f in found if f.start - s.start == m.end() and f.cls in ORGANIZATION_CLASS_NAMES), None)
    if org is None:
        return []
    after = text[org.end - s.start :]
    title = re.match(r"([\u4e00-\u9fff]{2,8}?)(?:[、，,。；;]|$)", after)
    role = next((r for r in lex.roles if title and title.group(1).endswith(r)), None)
    if role is None:
        return []
    name = m.group(1)
    return [Mention(name, "Person", s.start, s.start + len(name), s.index, f"person:role-after:{role}")]


def _name_after_de(text: str, i: int, name: str) -> bool:
    """A name right after 的 (公司的祁明轩总经理): only what jieba reads as one person's name, since
    的 is followed by every kind of word (企业的高管)."""
    if i < 1 or text[i - 1] != "的":
        return False
    toks = pos_pairs(name)
    return len(toks) == 1 and toks[0][1].startswith("nr")


def _person_before_role(s: Sentence, text: str, lex: Lexicon, found: Sequence[Mention]) -> list[Mention]:
    """People written name-then-title: 苏婉清副市长, 张三（总经理）, 由韩立庭常务副市长担任.

    Each role title is found first; the name before it is a surname and one
    or two characters standing at a clause or list boundary. Of two readings
    the one leaving the longer role wins (王强副市长: 王强 + 副市长, not
    王强副 + 市长). The role is kept in the mention's rule
    (``person:role-after:<role>``) for the affiliation rule.
    """
    out: list[Mention] = []
    if not lexicon_matcher(lex.roles).occurs_in(text):
        return out  # every match below holds a role word
    taken = [(f.start - s.start, f.end - s.start) for f in found]
    surnames = set(lex.surnames)
    for r in _role_after_rx(lex.roles).finditer(text):
        paren = r.group(1) is not None
        if paren != (r.group(3) is not None) or _NOT_GIVEN.match(text, r.end()):
            continue  # unbalanced brackets; a role word inside a body's name (管理委员会)
        best = None
        for given in (1, 2):
            for sur_len in (1, 2):
                i = r.start() - sur_len - given
                name = text[max(0, i) : r.start()]
                if i < 0 or name[:sur_len] not in surnames or not all(is_cjk(c) for c in name):
                    continue
                after_org = any(f.end - s.start == i and f.cls in ORGANIZATION_CLASS_NAMES for f in found)
                if _NOT_GIVEN.search(name[sur_len:]) or not (
                        after_org or _NAME_LEFT.search(text[max(0, i - 2) : i]) or _name_after_de(text, i, name)):
                    continue
                if name[0] == name[1]:
                    continue  # 谢谢段主任: a doubled word (谢谢) before a surname and title is no name
                if best is None or len(name) < len(best):
                    best = name
        if best is None:
            continue
        a, b = r.start() - len(best), r.start()
        if any(x < b and a < y for x, y in taken):
            continue
        out.append(Mention(best, "Person", s.start + a, s.start + b, s.index, f"person:role-after:{r.group(2)}"))
        taken.append((a, b))
    return out


_PERSON_LIST_RE = re.compile(
    "(?:" + _CUES.alternation("person-list") + r")[：:]?((?:[\u4e00-\u9fff]{2,4}(?:、|和|及|与))*[\u4e00-\u9fff]{2,4}?)(?=[。，,；;等]|$)"
)


@_needs(cue_family("person-list"))
def _person_list(s: Sentence, text: str, lex: Lexicon, found: Sequence[Mention]) -> list[Mention]:
    """People listed after a cue that announces them (核心技术人员为甲、乙和丙): every item must be a
    surname and one or two characters, or the list is no list of names."""
    out: list[Mention] = []
    taken = [(f.start - s.start, f.end - s.start) for f in found]
    for m in _PERSON_LIST_RE.finditer(text):
        items = re.split(r"、|和|及|与", m.group(1))
        if not all(any(x.startswith(sur) and len(x) - len(sur) in (1, 2) for sur in lex.surnames) for x in items):
            continue
        pos = m.start(1)
        for item in items:
            a = text.index(item, pos)
            pos = a + len(item)
            if not any(x < pos and a < y for x, y in taken):
                out.append(Mention(item, "Person", s.start + a, s.start + pos, s.index, "person:list"))
    return out


@_needs(has_word("（", "("))
def _person_before_paren_roles(s: Sentence, text: str, lex: Lexicon, found: Sequence[Mention]) -> list[Mention]:
    """People whose titles follow in brackets, several or with a unit: 陈某（副总经理、首席技术官）, 吴某（研发中心主任）."""
    out: list[Mention] = []
    taken = [(f.start - s.start, f.end - s.start) for f in found]
    for p in re.finditer(r"[（(]([^（）()]{2,24})[）)]", text):
        parts = re.split(r"[、，,]", p.group(1))
        role = next((r for part in parts for r in lex.roles if part.endswith(r)), None)  # roles: longest first
        if role is None:
            continue
        best = None
        for size in (3, 2):
            i = p.start() - size
            name = text[max(0, i) : p.start()]
            if i < 0 or not all(is_cjk(c) for c in name) or _NOT_GIVEN.search(name):
                continue
            if any(name.startswith(x) and len(name) - len(x) in (1, 2) for x in lex.surnames) and _NAME_LEFT.search(
                    text[max(0, i - 2) : i]):
                best = name
                break
        if best is None or any(x < p.start() and p.start() - len(best) < y for x, y in taken):
            continue
        a = p.start() - len(best)
        out.append(Mention(best, "Person", s.start + a, s.start + p.start(), s.index, f"person:role-after:{role}"))
        taken.append((a, p.start()))
    return out


@lru_cache(maxsize=4)
def _role_after_rx(roles: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(rf"([（(])?((?:{_CUES.alternation('role-modifier')})?(?:{_alternation(roles)}))([）)])?")


_LEADING_LIST_RE = re.compile(
    r"((?:[\u4e00-\u9fff]{2,8}(?:、|和|与|及))+[\u4e00-\u9fff]{2,8}?)(?<!为)(?:等)?(?:两大|三大|四大|五大|六大)(?:主导|支柱|重点|战略性新兴|新兴|特色)?产业"
    r"|以((?:[\u4e00-\u9fff]{2,10}(?:、|和|与|及))+[\u4e00-\u9fff]{2,10}?)(?:等)?(?:产业)?为(?:两大|三大|四大|五大|六大)?(?:主导|支柱|核心|重点)"
    r"|(?:重点发展|(?:主导|特色|支柱|优势|首位)产业(?:为|是|包括)(?:[两二三四五六七八九十]个|[两二三四五六七八九十]大类?)?[：:]?|做强|聚焦)((?:[\u4e00-\u9fff“”]{2,8}(?:、|和|与|及))+[\u4e00-\u9fff“”]{2,8}?)(?:等|三大|四大|两大|五大|“|主导|战略|产业|(?=[。；;]))"
    r"|以([\u4e00-\u9fff]{2,8}?)(?:产业)?为(?:主导|特色|首位|支柱|优势)产业"
)
_LONE_LEADING = re.compile(r"为(?:主导|特色|首位|支柱|优势)产业")
# A、B和C(等)三大主导产业 / A和B两个产业集群 / A产业、B产业两个新兴产业: a counted list of industries, items
# written with or without their 产业 (the first item's left edge is a guess, trimmed like the others)
_COUNTED_INDUSTRIES_RE = re.compile(
    r"((?:[\u4e00-\u9fff]{2,12}?(?:、|和|与|及))+[\u4e00-\u9fff]{2,12}?)(?<![为是成])(?:等)?(?:[两二三四五六七八九十]|[2-9])(?:大|个)"
    r"(?:主导|支柱|重点|战略性新兴|新兴|特色|优势|首位|未来)?(?:产业|行业)(?:集群|板块)?"
)
# 重点发展/聚焦/主要承载/培育 + A产业(、B产业): items that carry their own 产业 after a focus verb are industries,
# open-world (not 产业园, 产业链, 产业基地, 产业集群 or 产业化, which name other things)
_FOCUSED_INDUSTRIES_RE = re.compile(
    "(?:" + _CUES.alternation("park-focus", "industry-nurture") + r"|(?:主导|支柱|首位|特色|优势|重点)产业(?:为|是|包括)[：:]?)"
    + r"((?:[\u4e00-\u9fff]{2,10}?(?:产业|行业)(?:集群)?(?:、|和|与|及))*[\u4e00-\u9fff]{2,10}?(?:产业|行业)(?:集群)?)(?![园链基联协化工发人])"
)
# 首位产业是清洁能源装备。: one industry after the copula, the clause ending right after it
# (not 以…主导产业为主攻方向: a role the industries play, not one)
_COPULA_INDUSTRY_RE = re.compile(
    r"(?:主导|支柱|首位|特色|优势)产业(?:为|是)(?![\u4e00-\u9fff]*(?:方向|目标|任务|抓手|重点|支撑|引擎|基础)(?:[，,。；;]|$))"
    r"([\u4e00-\u9fff]{2,10})(?=[，,。；;]|$)"
)
# 该公司属于锂电池正极材料行业: the industry a firm belongs to, named open-world before its 行业/产业
_BELONGS_INDUSTRY_RE = re.compile(r"(?:属于|隶属于?|归属于?)([\u4e00-\u9fff]{2,10}?(?:产业|行业))(?![园链基集联协化])")
# what is only a kind of industry, never one (新兴产业, 主导产业)
# a focus, nurture or service verb opening a guessed first item (同时培育工业互联网 → 工业互联网, 面向高端装备 → 高端装备)
_FOCUS_LEAD = re.compile(
    r"(?:同时|还|并|也|积极|加快|大力|重点)*(?:面向|围绕|服务于?|覆盖|涵盖|" + _CUES.alternation("park-focus", "industry-nurture") + ")"
)
_INDUSTRY_KIND_ONLY = re.compile(r"(?:[两二三四五六七八九十\d]+(?:大|个|类))?(?:战略性)?(?:新兴|主导|支柱|特色|优势|首位|未来|传统|相关|重点|现代|本地|地方|区域|上下游|配套)+")
_INDUSTRY_SUFFIX = re.compile(r"(?:产业|行业)(?:集群)?$")


def _listed_industries(text: str) -> list[tuple[str, int, bool]]:
    """Industries named as a counted list (A、B两大主导产业) or as 产业-words after a focus verb (聚焦A产业):
    (item without its 产业, offset, whether its left edge is known)."""
    out: list[tuple[str, int, bool]] = []
    if "产业" not in text and "行业" not in text:
        return out
    for rx in (_COUNTED_INDUSTRIES_RE, _FOCUSED_INDUSTRIES_RE, _BELONGS_INDUSTRY_RE, _COPULA_INDUSTRY_RE):
        for m in rx.finditer(text):
            pos = m.start(1)
            for n, item in enumerate(re.split(r"、|和|与|及", m.group(1))):
                idx = text.find(item, pos)
                pos = idx + len(item)
                item = _INDUSTRY_SUFFIX.sub("", item)
                if len(item) >= 2 and not _INDUSTRY_KIND_ONLY.fullmatch(item):
                    out.append((item, idx, n > 0 or rx is not _COUNTED_INDUSTRIES_RE))
    return out


_NAMED_CHAIN_RE = re.compile(
    r"([\u4e00-\u9fff]{2,10}?)(?:产业链|产业|行业|领域|环节|配套)(?:的|中的)?(?:“?链主”?|“?链长”?|龙头企业|龙头|领军企业|骨干企业|“?领头雁”?)"
    r"|为链主的([\u4e00-\u9fff]{2,10}?)(?:产业链|产业)"
)


# an industry a clause is about: 在先进轨道交通装备领域，… ; 工业互联网领域，… ; 清洁能源装备产业链以A为链主
TOPIC_INDUSTRY_RE = re.compile(
    r"(?:^|[，,；;。])(?:在)?([\u4e00-\u9fff]{2,10}?)(?:产业链|产业|领域|行业)(?:方面)?(?=[，,：:]|以)"
    r"|(?:^|(?<=[，,；;。]))([\u4e00-\u9fff]{2,10}?)产业链(?=由|链长|的链长)|^([\u4e00-\u9fff]{2,10}?)产业链(?!链主|龙头|的)"
    r"|(?<=[，,；;。])([\u4e00-\u9fff]{2,10}?)产业链(?=实现|完成|总产值|产值|营业收入|规模)"
)


# 公司所属行业为“计算机、通信和其他电子设备制造业（C39）”: an industry of the national classification,
# named whole (its 、 and 和 inside), its code in brackets dropped
_CLASSIFIED_INDUSTRY_RE = re.compile(
    r"(?:所属行业|所处行业|行业分类)(?:为|属于|是)[“\"]?([^“”\"（(，,。；;]{2,30}?业)(?:[（(][A-Z]\d{0,4}[）)])?(?=[”\"，,。；;]|$)"
)
# 围绕A和B两个孵化方向: the items counted as directions (fields) are industries (not 两个专业方向: majors)
_DIRECTIONS_RE = re.compile(
    r"((?:[\u4e00-\u9fff]{2,10}(?:、|和|与|及))+[\u4e00-\u9fff]{2,10}?)(?:等)?(?:两|三|四|五|六|2|3|4|5|6)(?:个|大)(?:孵化|发展|产业|主攻|重点|招商)?(?:方向|赛道)"
)


# 在X领域具有…: the field a firm stands in, before a verb of standing or 的 (在稀散金属领域具有领先实力)
# (not 在国内同行业, 在相关领域: a scope, not a field)
_FIELD_INDUSTRY_RE = re.compile(
    r"(?<=在)(?!国内|国际|全球|同|该|本|相关|这|此|多个|各|细分)([\u4e00-\u9fff]{2,10}?)领域(?=具有|拥有|处于|占据|居于|位居|深耕|积累|取得)"
)


_ASSOCIATION_AFTER = re.compile(r"(?:产业|行业)?(?:协会|商会|学会|联合会)")
# what every industry pattern after the dictionary labels needs: 产业 or a focus or rank word (_LEADING_LIST_RE:
# 产业, 重点发展, 做强, 聚焦, or 以…为 a rank word 主导/支柱/核心/重点), 产业/行业 (_listed_industries,
# _CLASSIFIED_INDUSTRY_RE), a sector word (the topic, field and chain patterns), 方向/赛道 (_DIRECTIONS_RE)
_INDUSTRY_PATTERN_WORDS = word_matcher(
    ("产业", "行业", "领域", "环节", "配套", "方向", "赛道", "做强", "聚焦", "重点", "主导", "支柱", "核心")
)


def _industry_mentions(
    s: Sentence, text: str, lex: Lexicon, found: Sequence[Mention] = (), bounds: LazyBoundaries | None = None
) -> list[Mention]:
    """Industries: dictionary labels, and industries a cue names (以A、B为主导; X产业链的链主).

    ``bounds`` are the sentence's word boundaries, if the caller has them already.
    """
    if bounds is None:
        bounds = lazy_boundaries(text)
    out = []
    for ind in lex.industries:
        if ind.zh not in text:
            continue
        for m in re.finditer(re.escape(ind.zh) + r"(?=产业|行业|领域|板块|企业|公司|、|和|与|及|等|为|，|,|。|；|;|”|\)|）|$|三大|四大|两大|五大|“)", text):
            if _ASSOCIATION_AFTER.match(text, m.end()):
                continue  # 某市新材料行业协会: an association's name, not the industry
            a, b = s.start + m.start(), s.start + m.end()
            prev = text[m.start() - 1] if m.start() else ""
            if prev and is_cjk(prev) and prev not in _FUNCTION_CHARS and m.start() not in bounds:
                continue  # 光电子信息, 磷基新材料: the label ends a longer word, the industry is that word
            if any(f.start <= a and b <= f.end and f.cls in ("Park", "Enterprise", "Platform", "GovernmentBody") for f in found):
                continue  # 游仙电子信息产业园: part of a park's or a company's name
            out.append(Mention(ind.zh, "Industry", a, b, s.index, "industry:label"))
    if not _INDUSTRY_PATTERN_WORDS.occurs_in(text):
        return out  # every pattern below needs one of these words (two sentences in three hold none)
    named: list[tuple[str, int]] = []
    joined: set[int] = set()  # items after a list mark (、和与及): a whole name, never cut at a verb
    # every list pattern needs a list mark, but for one lone leading industry (以X为主导产业 / 以X为特色产业)
    listed = "、" in text or "和" in text or "与" in text or "及" in text or _LONE_LEADING.search(text) is not None
    for m in _LEADING_LIST_RE.finditer(text) if listed else ():
        g = next(i for i in (1, 2, 3, 4) if m.group(i))
        pos = m.start(g)
        for n, item in enumerate(re.split(r"、|和|与|及", m.group(g))):
            idx = text.find(item, pos)
            pos = idx + len(item)
            named.append((item.strip("“”"), idx))
            if n:
                joined.add(idx)
    for item, idx, known in _listed_industries(text):
        named.append((item, idx))
        if known:
            joined.add(idx)
    fuzzy: set[int] = set()  # items whose left edge a pattern guessed, not a list or cue
    sector = "产业" in text or "行业" in text or "领域" in text or "环节" in text or "配套" in text  # the topic and chain patterns need one
    for m in TOPIC_INDUSTRY_RE.finditer(text) if sector else ():
        g = next(i for i in (1, 2, 3, 4) if m.group(i))
        if not any(tag in _CUT_TAGS for _w, tag in pos_pairs(m.group(g))) and "的" not in m.group(g):
            named.append((m.group(g), m.start(g)))
            fuzzy.add(m.start(g))
    for m in _DIRECTIONS_RE.finditer(text) if "方向" in text or "赛道" in text else ():
        pos = m.start(1)
        for n, item in enumerate(re.split(r"、|和|与|及", m.group(1))):
            idx = text.find(item, pos)
            pos = idx + len(item)
            named.append((item, idx))
            if n:
                joined.add(idx)
            else:
                fuzzy.add(idx)  # the first item's left edge is a guess (围绕电子信息 → 电子信息)
    for m in _FIELD_INDUSTRY_RE.finditer(text) if sector else ():
        named.append((m.group(1), m.start(1)))
        fuzzy.add(m.start(1))
    for m in _NAMED_CHAIN_RE.finditer(text) if sector else ():
        fuzzy.add(m.start(1 if m.group(1) else 2))
        g = 1 if m.group(1) else 2
        item, idx = m.group(g), m.start(g)
        # drop a park or company name written before the industry (西江经开区铝基新材料)
        for f in found:
            rel_end = f.end - s.start
            if f.cls in ("Park", "Enterprise") and idx <= f.start - s.start < idx + len(item) < rel_end + len(item):
                cut = rel_end - idx
                if 0 < cut < len(item):
                    item, idx = item[cut:], idx + cut
        named.append((item, idx))
    trimmed = []
    for item, idx in named:
        suffix = _INDUSTRY_SUFFIX.search(item)
        if suffix and suffix.start() >= 2:
            item = item[: suffix.start()]  # 以A产业和B产业为主导: a listed item may carry its own 产业
        guessed = idx in fuzzy
        if guessed:
            item, idx = _after_subject(item, idx, bounds)
        cut = 0
        pos = 0
        # a verb opens a listed name only as a word of it (光伏玻璃、显示玻璃基板: 显示 is part of the name)
        for word, tag in pos_pairs(item) if item and idx not in joined else ():
            pos += len(word)
            # the industry starts after the last verb or preposition (被科技城确定为高端装备 → 高端装备)
            if guessed and word == "及" and 0 < pos - 1:
                continue  # 机器人及智能装备产业链: 及 joins the two halves of one chain's name
            if (tag in ("v", "p", "c", "u", "uj", "ul")) and len(item) - pos >= 2 and (len(word) > 1 or word in _FUNCTION_CHARS):
                cut = pos
        item, idx = item[cut:], idx + cut
        focus = _PARK_FOCUS.match(item) or _FOCUS_LEAD.match(item)
        if focus is None and idx not in joined:  # 该中心面向A: the verb inside a guessed first item opens the name
            focus = next((f for f in reversed(list(_FOCUS_LEAD.finditer(item))) if len(item) - f.end() >= 2), None)
        if focus and len(item) - focus.end() >= 2:  # 某园重点发展A和B两大产业: the focus verb opens the list, not the name
            item, idx = item[focus.end() :], idx + focus.end()
        for lead in ("产业园", "科技园", "工业园", "园区", "全区", "本区", "该区", "各自", "我国", "我省", "我市", "我区", "全市", "全省", "区内", "科技城", "开发区", "高新区", "经开区", "片区"):
            if item.startswith(lead):
                item, idx = item[len(lead) :], idx + len(lead)
            elif guessed and lead in ("园区", "全区", "全市", "全省") and 0 < (k := item.find(lead)) and len(item) - k - len(lead) >= 2:
                # 某企业是园区海洋工程装备产业的链主: a guessed left edge that takes in the park word starts after it
                item, idx = item[k + len(lead) :], idx + k + len(lead)
        place = next((f for f in _place_prefixes(lex.places).get(item[:1], ()) if item.startswith(f) and len(item) - len(f) >= 2), None)
        if place is not None:  # 芜湖市新能源汽车产业链: the place says whose chain it is, the industry is 新能源汽车
            item, idx = item[len(place) :], idx + len(place)
        if guessed and idx > 0 and idx not in bounds:
            # an item cut inside a word (园区智能网联… → 区智能网联…) starts at the next word
            nxt = next((b for b in range(idx + 1, idx + len(item) - 1) if b in bounds), None)
            if nxt is not None:
                item, idx = item[nxt - idx :], nxt
        elif not guessed and idx > 0 and idx not in bounds:
            item, idx = _listed_item_whole(text, item, idx, bounds)
        trimmed.append((item, idx))
    labels = {i.zh for i in lex.industries} if trimmed else set()
    for item, idx in trimmed:
        if not (2 <= len(item) <= 10) or item in labels or idx < 0:
            continue
        if re.search(r"[\d]|产业$|企业$", item) or _GENERIC_BODY.match(item) or _INDUSTRY_KIND_ONLY.fullmatch(item):
            continue
        out.append(Mention(item, "Industry", s.start + idx, s.start + idx + len(item), s.index, "industry:named"))
    for m in _CLASSIFIED_INDUSTRY_RE.finditer(text) if "行业" in text else ():
        out.append(Mention(m.group(1), "Industry", s.start + m.start(1), s.start + m.end(1), s.index, "industry:classified"))
    return out


# the phrase that names a kind of firm: A、B等锂电池材料企业 / 是一家电驱动系统企业 / 属于新型储能产业
_FIRM_KIND = re.compile(
    r"(等|是一家|为一家|属于)(?:专注于|专注|从事|致力于|聚焦)?((?:(?!的)[\u4e00-\u9fff]){2,12}?)(?:的)?"
    r"(?:(?:产业|行业)(?:的)?(?:企业|公司|厂商)?|(?:企业|公司|厂商))"
)
# what may open the clause of a list of firms that is its subject: 在P， / 目前， / 其中 — or a park's 集聚了/引进
_SUBJECT_LIST_LEAD = re.compile(r"(?:其中|目前|如|比如|例如|此外|同时|近年来|今年)?|[^，,；;。]*?(?:" + _CUES.alternation("park-has") + r")了?")
_FIRM_JOINERS = ("、", "和", "及", "与", "以及")


def firm_list_is_subject(text: str, end: int, firms: Sequence[tuple[int, int]]) -> bool:
    """Whether the 、/和 list of firms ending at ``end`` (offsets in ``text``; ``firms`` gives the firms' spans)
    is what its clause is about — it opens the clause, or follows a park's 集聚了/引进 — and not the object of
    a verb of its own (供货给A、B等电池企业: the buyers' kind, not theirs)."""
    spans = {b: a for a, b in firms}
    start = spans.get(end)
    if start is None:
        return False
    while True:
        joiner = next((j for j in _FIRM_JOINERS if text.endswith(j, 0, start) and start - len(j) in spans), None)
        if joiner is None:
            break
        start = spans[start - len(joiner)]
    clause = max(text.rfind(c, 0, start) for c in "，,；;。：:") + 1
    return _SUBJECT_LIST_LEAD.fullmatch(text, clause, start) is not None


@_needs(has_word("等", "是一家", "为一家", "属于"))
def _firm_kind_industries(s: Sentence, text: str, lex: Lexicon, found: Sequence[Mention]) -> list[Mention]:
    """An industry the text names only as the kind of a firm (…等X企业, 是一家X企业, 属于X产业): X, when it holds
    a sector word of the industry lexicon (锂电池材料 holds 锂电) and is no generic kind (科技型, 重点, 上下游),
    and no mention already reads that span."""
    out: list[Mention] = []
    sector = _lexicon_sectors(lex.industries)
    firms = [(f.start - s.start, f.end - s.start) for f in found if f.cls == "Enterprise"]
    for m in _FIRM_KIND.finditer(text):
        item, a = m.group(2), s.start + m.start(2)
        if m.group(1) == "等" and not firm_list_is_subject(text, m.start(1), firms):
            continue  # 供货给A、B等电池企业: the kind of the buyers the clause names, not of firms it is about
        if (not sector.search(item) or _GENERIC_BODY.match(item) or _INDUSTRY_KIND_ONLY.fullmatch(item)
                or any(f.start < a + len(item) and a < f.end for f in found)):
            continue
        out.append(Mention(item, "Industry", a, a + len(item), s.index, "industry:firm-kind"))
    return out


@lru_cache(maxsize=4)
def _lexicon_sectors(industries: tuple) -> re.Pattern[str]:
    """Any industry name or keyword of the lexicon (two characters or more), longest first."""
    words = {w for i in industries for w in (i.zh, *i.keywords) if len(w) >= 2}
    return re.compile("|".join(map(re.escape, sorted(words, key=len, reverse=True))))


_ITEM_OPENERS = "、，,：:；;（(“ "


def _listed_item_whole(text: str, item: str, idx: int, bounds: LazyBoundaries) -> tuple[str, int]:
    """A listed item whose match began inside a word (新型显示、智能网联汽车零部件和…: a width limit
    started it at 能) starts at that word when the word opens the item, right after a list mark."""
    for w in range(idx - 1, max(0, idx - 3) - 1, -1):
        if w in bounds:
            if (w == 0 or text[w - 1] in _ITEM_OPENERS) and text[w] not in _FUNCTION_CHARS:
                return text[w : idx + len(item)], w  # (以新材料为…: the preposition opens no item)
            break
    return item, idx


def _after_subject(item: str, idx: int, bounds: LazyBoundaries) -> tuple[str, int]:
    """A guessed industry starts after a copula or particle standing as a word of the sentence
    (海工是园区海洋工程装备 → 园区海洋工程装备) and after a park's short name (某某园稀土永磁 → 稀土永磁)."""
    for k in range(len(item) - 3, -1, -1):
        if item[k] in "是为的在" and (idx + k) in bounds and (idx + k + 1) in bounds:
            item, idx = item[k + 1 :], idx + k + 1
            break
    k = item.find("园")
    if 2 <= k and len(item) - k - 1 >= 2 and (idx + k + 1) in bounds and item[k + 1 : k + 2] != "区":
        item, idx = item[k + 1 :], idx + k + 1
    return item, idx


_PROJECT_RE = re.compile(
    r"(年产(?:能)?[\d.]+\s*(?:万|亿|千)?\s*(?:吨|件|套|台|片|只|辆|平方米|立方米|支|颗|块|艘|GWh|GW|MWh|MW)"
    r"(?:[（(](?:套|台|件)[）)])?"  # 年产600台（套）…项目: the counter's alternative in brackets is part of the name
    r"[\u4e00-\u9fff][\u4e00-\u9fffA-Za-z0-9]{1,24}?(?:项目|生产线))"
    r"|“([^”]{4,40})”(?:项目|工程)"
    r"|(?:项目|课题)“([^”]{4,40})”"
    # (投资建设了第二条…生产线: an aspect particle is no part of a name, and a counted one is any such line, not a name)
    r"|(?:投资建设)(?!了?(?:第?[一二两三四五六七八九十\d]+|新一)[条座个处期])了?((?!了)[^的，。、；]{4,20}?(?:基地|工厂|产业园|生产线|中心))(?:项目)?"
)


_PROJECT_LIST_RE = re.compile(
    r"(?:投资建设|建设|实施|引进|落地|签约|推进)((?:[\u4e00-\u9fff“”A-Za-z0-9]{2,30}?项目(?:、|和|及|与))+[\u4e00-\u9fff“”A-Za-z0-9]{2,30}?项目)"
)


# a project named after the verb that brings it (…投资建设的光电子产业园项目), or opening a clause
# whose verb places it (海上风电主轴承智能制造项目于10月15日在孝泉工业城开工)
_INVESTED_PROJECT_RE = re.compile(
    r"(?:投资建设|投资兴建|投资|建设|承建|实施|引进|签约|落地|推进|总?投资[\d.]+\s*(?:万|亿)元)的((?:“[^“”，。]{1,8}”)?[^，。；;、的“”]{4,30}?项目)"
    r"|(?:^|[，,；;。])(?:\d{1,2}月(?:\d{1,2}日)?[，,])?([^，。；;、的“”]{4,30}?项目)(?=[，,]?(?:[^，。；;]{0,16}[，,])?于?[^，。；;]{0,14}在[^，。；;]{2,24}?(?:开工|投产|落地|竣工|建成|开建|动工|签约|揭牌))"
)


@_needs(has_word("项目"))
def _invested_projects(s: Sentence, text: str, found: Sequence[Mention]) -> list[Mention]:
    out = []
    for m in _INVESTED_PROJECT_RE.finditer(text) if "项目" in text else ():  # both readings end in 项目
        g = 1 if m.group(1) else 2
        a, b = m.start(g), m.end(g)
        if any(f.cls == "Project" and f.start - s.start <= a and b <= f.end - s.start for f in found):
            continue
        if any(f.cls in ORG_CLASSES and f.start - s.start <= a < f.end - s.start for f in found):
            continue  # starts inside a company's name: the enterprise+项目 rule names it
        name = m.group(g)
        if re.match(r"^(?:该|本|此|这|其|上述|各|多个|一批|重点|重大)", name) or re.search(r"\d+个", name):
            continue
        subject = re.match(r"(?:公司|企业|集团|我们)(?:的)?(?=年产)", name)
        if subject:  # 公司年产500万片…项目: the generic subject is no part of the name
            name, a = name[subject.end() :], a + subject.end()
        out.append(Mention(name, "Project", s.start + a, s.start + b, s.index, "project:invested"))
    return out


_NUMBERED_PROJECT_RE = re.compile(r"[\u2460-\u2473]([^｜|，,。；;：:\u2460-\u2473]{4,30}?项目)(?=[｜|，,。；;：:\s]|$)")


@_needs(has_word("年产", "项目", "工程", "课题", "投资建设"))
def _standalone_projects(s: Sentence, text: str, found: Sequence[Mention]) -> list[Mention]:
    """Projects not led by a company name: 年产5万吨…项目, “…”项目, 投资建设X基地, lists of …项目,
    and items of a circled-number list (①…项目｜投资方：…)."""
    out = []
    for m in _NUMBERED_PROJECT_RE.finditer(text) if "项目" in text else ():
        a, b = m.start(1), m.end(1)
        if not any(f.cls == "Project" and f.start - s.start <= a and b <= f.end - s.start for f in found):
            out.append(Mention(m.group(1), "Project", s.start + a, s.start + b, s.index, "project:numbered"))
    for m in _PROJECT_LIST_RE.finditer(text) if "项目" in text else ():  # every item ends in 项目
        pos = m.start(1)
        for item in re.split(r"、|和|及|与", m.group(1)):
            idx = text.find(item, pos)
            pos = idx + len(item)
            if len(item) >= 4 and not any(f.cls == "Project" and f.start - s.start <= idx < f.end - s.start for f in found):
                out.append(Mention(item, "Project", s.start + idx, s.start + idx + len(item), s.index, "project:list"))
    for m in _PROJECT_RE.finditer(text):
        g = next(i for i in (1, 2, 3, 4) if m.group(i))
        a, b = m.start(g), m.end(g)
        if any(f.cls in ("Project",) and f.start - s.start <= a and b <= f.end - s.start for f in found):
            continue
        if g == 4 and any(f.start - s.start >= a and f.end - s.start <= b and f.cls != "Industry" for f in found):
            continue
        out.append(Mention(m.group(g), "Project", s.start + a, s.start + b, s.index, f"project:{['capacity', 'quoted', 'quoted', 'built'][g - 1]}"))
    return out


# an unquoted title right before its patent number (一种…方法 ZL202310486215.7), as in a patent list
_NUMBERED_PATENT_RE = re.compile(r"(一种[^\s，。；;“”]{4,60}?)\s*(?=ZL\s*\d{8})")


@_needs(has_word("“", "「", "『", '"', "ZL"))
def _patent_mentions(s: Sentence, text: str) -> list[Mention]:
    out = []
    for q in _QUOTED_RE.finditer(text):
        title = q.group(1)
        if title.startswith("一种") or text[max(0, q.start() - 3) : q.start()].endswith(("专利", "发明")):
            out.append(Mention(title, "Patent", s.start + q.start() + 1, s.start + q.end() - 1, s.index, "patent:title"))
    for m in _NUMBERED_PATENT_RE.finditer(text) if "ZL" in text else ():
        if not any(x.start - s.start <= m.start(1) < x.end - s.start for x in out):
            out.append(Mention(m.group(1), "Patent", s.start + m.start(1), s.start + m.end(1), s.index, "patent:numbered"))
    return out


# adverbs that open a predicate right after a product's name (石英砂现在全部供给…, 电解液均已进入…),
# and 原料 after a material bought in (氢氟酸原料则主要采购自…)
_HEAD_ADVERBS = r"(?:现在|目前|主要|全部|已经|均|也|还|先后|陆续|成功|正式|批量|长期|稳定|全面|率先|原料|原材料)"


@lru_cache(maxsize=4)
def _head_alternation(heads: tuple[str, ...]) -> str:
    """Product head nouns as an alternation; a one-character head (液, 酸, 仪) ends a name only where the
    word ends, before a non-Han character, a joining particle, a supply verb or an adverb opening the
    predicate (蚀刻液和…, 剥离液配套…, 石英砂现在…; not 液压系统 or 钛酸钡)."""
    long = [h for h in heads if len(h) > 1]
    short = "".join(re.escape(h) for h in heads if len(h) == 1)
    alt = _alternation(tuple(long))
    if short:
        alt += rf"|[{short}](?=[^\u4e00-\u9fff]|[和及与或等的于以为在已被由将是]|$|{_CUES.alternation('product-subject')}|{_HEAD_ADVERBS})"
    return alt


_SUBJECT_ADVERBS = r"(?:已经|已|也|还|均|先后|陆续|成功|正式|批量|长期|稳定|全面|率先)*"
# 为<buyer>(批量)供应X: the buyer between 为 and the verb, the product after it (为其批量供应…, 为甲和乙供应…)
_SUPPLIED_FOR = re.compile(r"为[^，,。；;：:、为]{1,24}?" + _SUBJECT_ADVERBS + r"供应")


@_needs(any_of(cue_family("product-made"), has_word("供应")))
def _product_mentions(s: Sentence, text: str, lex: Lexicon) -> list[Mention]:
    out = []
    heads = _head_alternation(lex.products)
    supplied = (*_SUPPLY_CUE.finditer(text), *_SUPPLIED_FOR.finditer(text)) if "供应" in text else ()
    for cue in (*_PRODUCT_CUE.finditer(text), *supplied):
        seg = text[cue.end() :]
        if _SUPPLY_NOUN.match(seg):
            continue  # 供应链, 供应商, 供应量: a noun, not the verb
        seg = seg[_PRODUCT_MODIFIERS.match(seg).end() :]
        off = len(text) - len(seg)
        # a passive (…基板被…认定为…新材料) ends the name: 被 is never inside a product's name
        m = re.match(rf"[^，。、；：,;:！？“”（）被]{{1,30}}?(?:{heads})+(?![\u4e00-\u9fff]{{0,1}}(?:的|和))", seg)
        if not m:
            continue
        phrase = m.group()
        cut = phrase.rfind("的")
        start = off + (cut + 1 if cut >= 0 else 0)
        name = text[start : off + m.end()]
        parts = re.split(r"和|及|、", name)
        if len(parts) > 1 and all(len(p) >= 3 and p.endswith(lex.products) for p in parts):
            # 生产的A系统和B模块: two products, each with its own head
            at = start
            for p in parts:
                out.append(Mention(p, "Product", s.start + at, s.start + at + len(p), s.index, "product:cue"))
                at += len(p) + 1
        elif len(name) >= 3:
            out.append(Mention(name, "Product", s.start + start, s.start + off + m.end(), s.index, "product:cue"))
    return out


_SUBJECT_VERB = re.compile(_CUES.alternation("product-subject"))


@lru_cache(maxsize=4)
def _subject_product_re(heads: tuple[str, ...]) -> re.Pattern[str]:
    h = _head_alternation(heads)
    item = rf"[\u4e00-\u9fffA-Za-z0-9]{{1,14}}?(?:{h})"
    return re.compile(
        rf"(?:的|其(?![中他余次]))({item}(?:(?:和|及|、){item})*)(?:产品)?" + _SUBJECT_ADVERBS + "(?:" + _CUES.alternation("product-subject") + ")"
    )


@lru_cache(maxsize=4)
def _clause_subject_product_re(heads: tuple[str, ...]) -> re.Pattern[str]:
    """Two or more products opening a clause before a supply verb (，A和B进入…; ，公司A和B配套…: the
    company word is the owner, not part of the first name): no particle, pronoun or copula inside."""
    h = _head_alternation(heads)
    item = rf"[^\W\d_的是其它这该中][^\W_的是其它这该]{{1,13}}?(?:{h})"
    return re.compile(
        rf"(?<=[，,。；;])(?:(?:本|该)?公司)?({item}(?:(?:和|及|、){item})+)" + _SUBJECT_ADVERBS + "(?:" + _CUES.alternation("product-subject") + ")"
    )


@lru_cache(maxsize=4)
def _sourced_product_re(heads: tuple[str, ...]) -> re.Pattern[str]:
    h = _head_alternation(heads)
    return re.compile(
        rf"(?:^|(?<=[，,。；;：:])|(?<=公司))([\u4e00-\u9fffA-Za-z0-9]{{1,14}}?(?:{h}))(?:原料|原材料)?(?:则|均|主要|全部|部分)*"
        "(?:" + _CUES.alternation("product-sourced") + ")"
    )


# every match of the three patterns below ends in one of these cue words: a text without one is not scanned
_SUBJECT_CUE_WORDS = _CUES.words("product-subject")
_SOURCED_CUE_WORDS = _CUES.words("product-sourced")


@_needs(cue_family("product-subject", "product-sourced"))
def _subject_products(s: Sentence, text: str, lex: Lexicon) -> list[Mention]:
    """Products named as the subject of a supply or award verb after a possessor
    (某公司的X已批量供应…, 其Y被认定为…, 公司的A和B进入…): each item ends in a product head."""
    out: list[Mention] = []
    subject_cue = any(w in text for w in _SUBJECT_CUE_WORDS)
    for m in _subject_product_re(lex.products).finditer(text) if subject_cue and ("的" in text or "其" in text) else ():
        pos = m.start(1)
        for item in re.split(r"和|及|、", m.group(1)):
            a = text.index(item, pos)
            pos = a + len(item)
            if "的" in item:  # 、乙公司的B: a second owner; the product is what follows its 的
                a += item.rindex("的") + 1
                item = text[a:pos]
            cue = _STRONG_PRODUCT_CUE.match(item)
            if cue and len(item) - cue.end() >= 2:  # 其主导产品A和B出口…: the cue heads the list, the names follow it
                a += cue.end()
                item = text[a:pos]
            if (len(item) >= 3 or (len(item) == 2 and item not in lex.products and item not in _GENERIC_PRODUCTS)) \
                    and not _SUBJECT_VERB.search(item):  # (钢壳均已进入宁川电池|供应链: a verb inside, no name; 钛板: two characters do)
                out.append(Mention(item, "Product", s.start + a, s.start + pos, s.index, "product:subject"))
    for m in _clause_subject_product_re(lex.products).finditer(text) if subject_cue else ():
        pos = m.start(1)
        for item in re.split(r"和|及|、", m.group(1)):
            a = text.index(item, pos)
            pos = a + len(item)
            if len(item) >= 3 and item not in _GENERIC_PRODUCTS:
                out.append(Mention(item, "Product", s.start + a, s.start + pos, s.index, "product:clause-subject"))
    for m in _sourced_product_re(lex.products).finditer(text) if any(w in text for w in _SOURCED_CUE_WORDS) else ():
        owner = re.match(r"(?:本|我|该)?公司", m.group(1))
        a = m.start(1) + (owner.end() if owner else 0)
        item = text[a : m.end(1)]
        if len(item) >= 3 and item not in _GENERIC_PRODUCTS:
            out.append(Mention(item, "Product", s.start + a, s.start + m.end(1), s.index, "product:sourced"))
    return out


_OWNED_CLAUSE_RE = re.compile(
    r"(?:^|(?<=[，,。；;：:]))([^，,。；;：:]{4,80}?的[^，,。；;：:]{2,80}?)" + _SUBJECT_ADVERBS + "(?:" + _CUES.alternation("product-subject") + ")"
)


@_needs(cue_family("product-subject"))
def _owned_products(s: Sentence, text: str, lex: Lexicon, found: Sequence[Mention]) -> list[Mention]:
    """Products each named after its maker and 的, listed before a supply verb (甲公司的A、乙公司的B
    均已进入…供应链): in every item the words after the last 的 name a product when the words
    before it end in a company found in the sentence."""
    firms = [(f.start - s.start, f.end - s.start) for f in found if f.cls == "Enterprise"]
    out: list[Mention] = []
    for m in _OWNED_CLAUSE_RE.finditer(text) if "的" in text and firms else ():
        pos = m.start(1)
        for part in re.split(r"、|和|及", m.group(1)):
            at = text.find(part, pos)
            pos = at + len(part)
            cut = part.rfind("的")
            if cut < 1 or not any(b == at + cut for _a, b in firms):
                continue
            item = part[cut + 1 :]
            if len(item) >= 3 and item.endswith(lex.products) and item not in _GENERIC_PRODUCTS:
                out.append(Mention(item, "Product", s.start + at + cut + 1, s.start + pos, s.index, "product:owned"))
    return out


_PRODUCT_LIST_RE = re.compile(
    r"((?:[\u4e00-\u9fffA-Za-z0-9]{1,12}、)+[\u4e00-\u9fffA-Za-z0-9]{1,12}?)(?:等)(?:多种|系列|一系列)?"
    r"(?:产品(?:的)?(?:生产商|制造商|供应商|生产基地)|(?:生产商|制造商|供应商))"
)
_FOCUS_LIST_RE = re.compile(
    _CUES.alternation("product-list")
    + r"(?:业务(?=为|是|包括|[：:]))?(?:包括|主要有|有|为|是|[：:])?"
    +
    r"((?:(?:(?!的)(?:[\u4e00-\u9fffA-Za-z0-9\-\u03b1-\u03c9]|(?<=\d)\.(?=\d))){2,20}?(?:[（(][A-Za-z0-9\-]{1,12}[）)])?(?:、|和|及|与))*(?:(?!的)(?:[\u4e00-\u9fffA-Za-z0-9\-\u03b1-\u03c9]|(?<=\d)\.(?=\d))){2,20}?)"
    r"(?:等|。|，|的|,|；|(?=研发|生产|制造|销售|市场|出货|产销|已|[（(]|[两二三四五六七八九十]大?类|$))"
)
_ABBREVIATION = re.compile(r"[（(][A-Za-z0-9\-]{1,12}[）)]")
_SPEC_RANGE = re.compile(
    r"[\d.]+\s*(?:兆瓦|千瓦|瓦|MW|kW|GW|吨|千克|米|毫米|英寸|寸|伏|千伏|kV|V)?\s*(?:至|到|-|—|~|～)\s*[\d.]+\s*(?:兆瓦|千瓦|瓦|MW|kW|GW|吨|千克|米|毫米|英寸|寸|伏|千伏|kV|V)"
)
_GENERIC_PRODUCTS = frozenset(_CUES.words("product-generic"))
_LIST_CUE_WORDS = frozenset(_CUES.words("product-list"))  # 主营业务、主要产品及…: a heading names no product
_STRONG_PRODUCT_CUE = re.compile(_CUES.alternation("product-list-strong"))
_FACILITY_TAIL = re.compile(r"(?:基地|工厂|车间|厂房|厂区|园区|产业园|中心)$")
_CAPACITY_PRODUCT_RE = re.compile(
    r"年产(?:能)?(?:\d[\d.]*\s*(?:万|亿|千)?\s*(?:吨|件|套|台|片|只|平方米|立方米|辆|张|个|GWh|GW|MWh|MW|吉瓦时|吉瓦|兆瓦)|若干\s*(?:套|件|台|吨))?"
    r"([\u4e00-\u9fff]{2,16}?)(?:若干套|若干件)?(?:生产线|建设|改扩建|扩建|技术改造|技改|产业化|项目)"
)


# 年产X 40万套, 年产A 3万吨、B 1.5万吨: a product named before the amount of a yearly capacity
_AMOUNT_ITEM_RE = re.compile(
    r"([\u4e00-\u9fffA-Za-z]{2,16}?)\d[\d,.]*\s*(?:万|亿|千)?\s*(?:吨|件|套|台|片|只|平方米|立方米|辆|张|个|颗|块|支)(、)?"
)


_PLANNED = re.compile(r"将|建成|达产|投产后|规划|计划|预计|拟")


@_needs(has_word("年产"))
def _amount_products(s: Sentence, text: str, lex: Lexicon) -> list[Mention]:
    """Products named before the amount of a yearly capacity (具备年产高强度螺栓8,000吨的能力,
    可年产储能电池模组40万套), and each further item of such a list after a 、."""
    out: list[Mention] = []
    for cue in re.finditer(r"年产(?!量|值|能)", text) if "年产" in text else ():
        clause = text[max(text.rfind(c, 0, cue.start()) for c in "，,。；;") + 1 : cue.start()]
        if _PLANNED.search(clause):
            continue  # 建成后将形成年产…, 达产后年产…: a project's design, not what a maker makes yet
        pos = cue.end()
        while (m := _AMOUNT_ITEM_RE.match(text, pos)) is not None:
            if m.group(1) not in lex.products and m.group(1) not in _GENERIC_PRODUCTS:  # (年产加工中心800台: a bare head word)
                out.append(Mention(m.group(1), "Product", s.start + m.start(1), s.start + m.end(1), s.index, "product:amount"))
            if not m.group(2):
                break
            pos = m.end()
    return out


@_needs(has_word("-"))
def _model_mentions(s: Sentence, text: str, lex: Lexicon) -> list[Mention]:
    """Products named with a model number (XG-800D型800G光模块, “隼目”LX-F300车规级激光雷达):
    a model code, then words up to a product head noun."""
    out = []
    if "-" not in text:
        return out  # a model code has a hyphen (XG-800D)
    rx = _model_re(lex.products)
    for m in rx.finditer(text):
        out.append(Mention(m.group(), "Product", s.start + m.start(), s.start + m.end(), s.index, "product:model"))
    return out


# a brand mark opens a product's name (“蓝鲸”牌深海钻井平台系列产品): the words after 牌 up to 系列,
# 产品 or a list mark name the product
_BRAND_PRODUCT_RE = re.compile(
    r"[“「][\u4e00-\u9fffA-Za-z0-9]{1,8}[”」]牌([\u4e00-\u9fffA-Za-z0-9\-]{2,16}?)(?=系列|产品|[，,。；;、！]|$)"
)


@_needs(has_word("牌"))
def _brand_mentions(s: Sentence, text: str, lex: Lexicon) -> list[Mention]:
    """Products named after a brand mark (“蓝渊”牌深远海养殖工船系列产品 → 深远海养殖工船); without
    系列/产品 after it the name ends at its last product head (“青禾”牌电动叉车销往… → 电动叉车)."""
    out: list[Mention] = []
    for m in _BRAND_PRODUCT_RE.finditer(text) if "牌" in text else ():
        item = m.group(1)
        if not text.startswith(("系列", "产品"), m.end(1)):
            ends = [h.end() for h in re.finditer(_head_alternation(lex.products), item)]
            if not ends:
                continue
            item = item[: ends[-1]]
        if len(item) >= 2:
            out.append(Mention(item, "Product", s.start + m.start(1), s.start + m.start(1) + len(item), s.index, "product:brand"))
    return out


@lru_cache(maxsize=4)
def _model_re(heads: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(
        r"(?:[“「][\u4e00-\u9fff]{1,6}[”」])?(?<![A-Za-z0-9\-])[A-Z][A-Z0-9]{0,4}-[A-Z0-9]{2,8}(?:型|系列)?"
        rf"[\u4e00-\u9fffA-Za-z0-9]{{0,16}}?(?:{_head_alternation(heads)})(?:[\u4e00-\u9fff]{{0,3}}?(?:{_head_alternation(heads)}))*(?![\u4e00-\u9fff]?的)"
    )


# a grade word opens a product's name (电子级硫酸, 工业级物流无人机, 航空级钛合金棒材); the name runs to a
# list mark, a particle or a verb that follows a subject
_GRADED_PRODUCT_RE = re.compile(
    r"(?:(?<![\u4e00-\u9fff])|(?<=[、和及与的])|(?<=年产)|(?<=等级)|(?<=主要)|(?<=原料))"
    r"(?:电子级|工业级|医药级|医用级|食品级|航空级|车规级|宇航级)[\u4e00-\u9fff]{2,8}?"
    r"(?=[、，,。；;：:和及与等的于由自被在已为将]|通过|批量|产品|$)"
)


_COUNTED_TAIL = re.compile(r"(?<![A-Za-z\-])\d[\d.,]*\s*(?:万|亿)?\s*(?:件|台|套|片|只|辆|颗|支|吨|个)$")
"""…16.8万件 at the end of a listed item: the quantity of the goods, not part of their name."""


@_needs(any_of(cue_family("product-list"), has_word("等", "级", "年产")))
def _product_list_mentions(s: Sentence, text: str, lex: Lexicon) -> list[Mention]:
    """Products named in lists: 硒、碲等产品生产商; 专注于A、B等细分领域; 年产6万吨X项目."""
    out = []
    listed = "、" in text and "等" in text  # what _PRODUCT_LIST_RE needs
    for rx, heads_only in ((_PRODUCT_LIST_RE, False), (_FOCUS_LIST_RE, True)):
        for m in rx.finditer(text) if listed or rx is _FOCUS_LIST_RE else ():
            strong = _STRONG_PRODUCT_CUE.match(m.group())
            heads_only = heads_only and not strong
            pos = m.start(1)
            items: list[str] = []
            for part in m.group(1).split("、"):
                part = _ABBREVIATION.sub("", part)  # 碳酸亚乙烯酯（VC）: the short form in brackets is no part of the name
                pieces = re.split(r"(和|及|与)", part)
                merged = [pieces[0]]
                for joiner, piece in zip(pieces[1::2], pieces[2::2]):
                    if len(piece) < 3 and not (len(piece) == 2 and piece not in lex.products and piece.endswith(lex.products)):
                        # 改性塑料及制品: a short tail belongs to the item (not one headed like a product: 链和锚机)
                        merged[-1] += joiner + piece
                    elif len(merged[-1]) == 2 and len(piece) > 3 and merged[-1][1] == piece[1] and piece.endswith(lex.products):
                        # 手动及自动变速器齿轮, 单晶和多晶硅片: two parallel modifiers (one morpheme shared) before one head
                        merged[-1] += joiner + piece
                    else:
                        merged.append(piece)
                items += merged
            for n, item in enumerate(items):
                idx = text.find(item, pos)
                pos = idx + len(item)
                if n == 0 and "的" in item:
                    cut = item.rindex("的") + 1
                    item, idx = item[cut:], idx + cut
                counted = _COUNTED_TAIL.search(item)
                if counted:  # 全年生产精密模切刀具16.8万件: the quantity made follows the name, it is no part of it
                    item = item[: counted.start()]
                spec = _SPEC_RANGE.match(item)
                if spec and len(item) - spec.end() >= 2:  # 3兆瓦至8兆瓦风电齿轮箱: a size range is no part of the name
                    item, idx = item[spec.end() :], idx + spec.end()
                if item.startswith(("商", "线")) and text[idx - 2 : idx] == "生产":
                    continue  # 主要生产商之一, 生产线: 生产 is part of a noun here, not the verb
                if not item or item.startswith(("其", "业务")) or item in _LIST_CUE_WORDS or item in _GENERIC_PRODUCTS:
                    continue  # (生产设备: a bare head word names no product)
                if re.search(r"所需|[为是]", item):
                    continue  # 纤维及其复合材料: 其 refers back, no name; 主营业务概况: a heading
                headed = item.endswith(lex.products) or item.endswith(("制品", "产品", "装备"))
                if not headed and re.search(r"(?:基地|工厂|车间|园区|项目|企业|公司|中心|业务|领域|所在地)$", item):
                    continue  # 主要生产基地: a facility, not a product
                if heads_only and not (item.endswith(lex.products) or item.endswith(("制品", "产品", "装备"))):
                    continue
                out.append(Mention(item, "Product", s.start + idx, s.start + idx + len(item), s.index, "product:list"))
    for m in _GRADED_PRODUCT_RE.finditer(text) if "级" in text else ():  # every grade word ends in 级
        if not re.search(r"(?:项目|基地|产业|企业|领域|标准)$", m.group()):
            out.append(Mention(m.group(), "Product", s.start + m.start(), s.start + m.end(), s.index, "product:graded"))
    for m in _CAPACITY_PRODUCT_RE.finditer(text) if "年产" in text else ():
        item = m.group(1)
        item = re.sub(r"(?:高精密度|高端|新型)?$", "", item) if False else item
        if _FACILITY_TAIL.search(item):
            continue  # 年产50亿片固体制剂智能化生产基地项目: a facility is built, not a product made
        out.append(Mention(item, "Product", s.start + m.start(1), s.start + m.end(1), s.index, "product:capacity"))
    return out


_FIELD_CUE_BEFORE = re.compile(_CUES.alternation("product-field") + r"[^，,；;。]{0,6}$")
_PRODUCTS_NAMED_AFTER = _CUES.pattern("products-named")


def _field_before_products(m: Mention, s: Sentence) -> bool:
    """A product-like phrase right after a field cue (专注于X, 主要从事X) in a sentence that goes on
    to name the firm's products (，主要产品为A和B) is the firm's field, not a product of its own."""
    if m.cls != "Product":
        return False
    text, start = s.text, m.start - s.start
    clause = max(text.rfind(c, 0, start) for c in "，,；;。：:") + 1
    return bool(_FIELD_CUE_BEFORE.search(text, clause, start)) and bool(_PRODUCTS_NAMED_AFTER.search(text, m.end - s.start))


_PARK_FOCUS = re.compile(r"(?:聚焦于?|专注于?|主攻|深耕|重点发展)")


def _park_focus_industries(found: list[Mention], s: Sentence, text: str) -> list[Mention]:
    """What a park focuses on (某产业园聚焦A和B) is its industries, not products: listed items in
    the clause after a park and a focus verb change class."""
    spans = []
    for f in found:
        if f.cls == "Park":
            m = _PARK_FOCUS.match(text, f.end - s.start)
            if m:
                end = re.search(r"[，,。；;]|$", text[m.end() :]).start() + m.end()
                spans.append((m.end(), end))
    if not spans:
        return found
    return [replace(f, cls="Industry", rule="industry:park-focus")
            if f.rule == "product:list" and any(a <= f.start - s.start and f.end - s.start <= b for a, b in spans) else f
            for f in found]


def _wider_focus_industries(found: list[Mention], listed: Sequence[Mention], s: Sentence, text: str) -> list[Mention]:
    """A park's focus written wider than an industry label inside it (洛南片区聚焦钼钨新材料: the
    label 新材料 was found first) is the park's industry by its full words; the label goes."""
    wider = [p for p in listed if any(f.rule == "industry:label" and p.start <= f.start and f.end <= p.end
                                      and (p.start, p.end) != (f.start, f.end) for f in found)
             and all(f.rule == "industry:label" for f in found if f.start < p.end and p.start < f.end)]
    turned = [f for f in _park_focus_industries(found + wider, s, text) if f.rule == "industry:park-focus"
              and any((f.start, f.end) == (p.start, p.end) for p in wider)]
    if not turned:
        return found
    return [f for f in found if not any(t.start <= f.start and f.end <= t.end for t in turned)] + turned


# what follows 等 in every _LIST_HEAD_RE match: at most 26 Han characters (一大批 / 12, 为代表的, 10),
# then the head noun, whose 企业/公司/药企/厂商 starts at most two characters in (品牌企业)
_LIST_HEAD_TAIL = re.compile(r"等[\u4e00-\u9fff]{0,28}(?:企业|公司|药企|厂商)")


def _may_hold_list_head(text: str) -> bool:
    """Whether ``text`` holds what every :data:`_LIST_HEAD_RE` match holds: a 、, and 等
    followed closely by a company word (企业, 公司, 药企, 厂商).

    The full pattern tries many ways to split a list before failing (about
    50 µs a sentence), so this necessary condition is checked first.
    """
    return "、" in text and "等" in text and _LIST_HEAD_TAIL.search(text) is not None


@_needs(any_of(has_word("等"), cue_family("customer")))
def _list_mentions(s: Sentence, text: str, found: Sequence[Mention], lex: Lexicon) -> list[Mention]:
    """Items of ``A、B、C等…企业`` and of customer lists are enterprises."""
    out = []
    spans = []
    for m in _LIST_HEAD_RE.finditer(text) if _may_hold_list_head(text) else ():
        if _is_category(text, m.end()):
            continue
        items_text = m.group(1)
        start = m.start(1)
        items = items_text.split("、")
        if m.group(2):
            items.append(m.group(2))
        # the first item may carry a verb or a place before it: keep the part after the last cue
        spans.append((start, items))
    for c in _CUSTOMER_RE.finditer(text) if _CUSTOMER_WORDS.occurs_in(text) else ():  # a match holds a customer cue
        tail = text[c.end() :]
        stop = re.search(r"等|[，。；;]", tail)
        chunk = tail[: stop.start()] if stop else tail
        spans.append((c.end(), re.split(r"、|和|及|以及", chunk)))
    for start, items in spans:
        pos = start
        for raw in items:
            idx = text.find(raw, pos)
            if idx < 0:
                continue
            pos = idx + len(raw)
            item = raw
            if raw is items[0]:
                cut = _left_boundary(text, idx + len(item), idx, lex, lazy_boundaries(text))
                cut += trim_left(text[cut : idx + len(item)], lex)
                item, idx = text[cut : idx + len(item)], cut
            item = item.strip(_QUOTES)
            if not (2 <= len(item) <= 20) or re.search(r"\d|企业$|产业$|行业$", item):
                continue
            a, b = s.start + idx, s.start + idx + len(item)
            if any(f.start < b and a < f.end for f in found):
                continue
            out.append(Mention(item, "Enterprise", a, b, s.index, "list:item"))
    return out


_SUB_PARK_LIST_RE = re.compile(
    "(?:" + _CUES.alternation("sub-parks") + r")((?:[\u4e00-\u9fff]{2,12}(?:、|和|及|与))+[\u4e00-\u9fff]{2,12}?)(?:等)?"
    r"(?:\d+|[两二三四五六七八九十]+)个(?:专业园区?|片区|园区|分园|园|板块|功能区|组团)"
)


@_needs(cue_family("sub-parks"))
def _sub_park_list(s: Sentence, text: str, found: Sequence[Mention]) -> list[Mention]:
    """The items of ``下辖A、B和C三个片区`` (a sub-park cue, a list, a count of parks) are parks."""
    out = []
    for m in _SUB_PARK_LIST_RE.finditer(text):
        pos = m.start(1)
        for item in re.split(r"、|和|及|与", m.group(1)):
            idx = text.find(item, pos)
            pos = idx + len(item)
            a, b = s.start + idx, s.start + idx + len(item)
            if _GENERIC_BODY.match(item) or any(f.start < b and a < f.end for f in found):
                continue
            out.append(Mention(item, "Park", a, b, s.index, "list:sub-park"))
    return out


# a list item's mark (——, （1）, 2．, ①) before a company that opens the item
_LIST_ITEM_MARK = re.compile(r"(?:^|[。；;：:\s])(?:——|[（(][一二三四五六七八九十\d]{1,3}[）)]|\d{1,2}[．.、]|[\u2460-\u2473])$")


# what may stand between a company and the project it builds: 正在建设 / 今年在P投资建设了 / 拟投资12亿元在P新建
_BUILDS_LEAD = re.compile(
    r"(?:今年|去年|近日|日前|目前|已|还|也|正|正在|将|拟|计划)*(?:投资[\d.,]+\s*[亿万]?元)?(?:在[^、，,。；;的与和]{1,24}?)?"
    r"(?:正在|将|拟)?(?:投资建设|开工建设|建设|新建|扩建)(?:了)?"
)


_LIST_SUMMARY_PROJECT = re.compile(r"等(?:重点|重大|产业|补链|延链|强链)?项目$")


@_needs(has_word("项目", "工程"))
def _project_mentions(s: Sentence, text: str, found: Sequence[Mention]) -> list[Mention]:
    out = []
    ents = [f for f in found if f.cls == "Enterprise" and f.sentence == s.index]
    for e in ents:
        rel = e.start - s.start
        if rel > 0 and text[rel - 1] not in "、，,；;：:。" and not text[:rel].endswith(("由", "是", "建设", "推进")) and not (
                _LIST_ITEM_MARK.search(text, 0, rel)):
            continue
        tail = text[e.end - s.start :]
        # (a list mark, ｜ or ①, ends the phrase: 有限公司｜总投资15亿元｜…②…项目 names no project of the company)
        m = re.match(r"(?:[（(][^）)]{0,20}[）)])?[^、，,。；;：:（(｜|\u2460-\u2473]{0,40}?(?:工程项目|建设项目|技术改造项目|改扩建项目|项目|工程(?!师|技术|研究|学院|中心|大学|装备|机械|材料|塑料))", tail)
        if not m or len(m.group()) < 2:
            continue
        built = _BUILDS_LEAD.match(m.group())
        if built and len(m.group()) - built.end() >= 4 and not re.search(r"的|与|和", m.group()[built.end() :]):
            # 驰衡电子正在建设智能驾驶域控制器扩产项目: the project is what the company builds
            a = e.end + built.end()
            out.append(Mention(m.group()[built.end() :], "Project", a, e.end + m.end(), s.index, "project:enterprise+builds"))
            continue
        if re.search(r"(?:牵头|承担|参与|获批|入选|实施|推进|签约|签署|与|和|的|是|子公司)", m.group()):
            continue  # 鼎湖装备牵头承担…项目: the company does something to a project named later
        tail_text = m.group()
        paren = re.match(r"^[（(][^）)]*[）)]", tail_text)
        if paren:
            tail_text = tail_text[paren.end() :]
        name = text[rel : e.end - s.start] + tail_text
        if _LIST_SUMMARY_PROJECT.search(name):
            continue  # 推进甲二期、乙扩能等项目建设: 等 closes a list, what is before it is one item, the head a kind
        out.append(Mention(name, "Project", e.start, e.end + m.end(), s.index, "project:enterprise+项目"))
    return out


# a facility a company puts up, named right after the company and before a verb of starting or
# finishing work (某公司的电驱系统智能工厂建成投产, 某公司10万吨级养殖工船总装车间开工建设)
_FACILITY_RE = re.compile(
    r"的?([^、，,。；;：:（(“”的]{2,24}?(?:智能制造产线|生产线|产线|总装车间|车间|智能工厂|工厂))"
    r"(?:在[^，,。；;]{2,20}?)?(?:正式|全面|顺利|已)?(?:开工建设|开工|建成投产|投产|竣工|落成)"
)


@_needs(has_word("产线", "车间", "工厂"))
def _facility_projects(s: Sentence, text: str, found: Sequence[Mention]) -> list[Mention]:
    """A company's new facility starting or finishing work is a project (without the company's name)."""
    out = []
    for e in (f for f in found if f.cls == "Enterprise" and f.sentence == s.index):
        m = _FACILITY_RE.match(text, e.end - s.start)
        if m and not any(f.start < s.start + m.end(1) and s.start + m.start(1) < f.end for f in found):
            out.append(Mention(m.group(1), "Project", s.start + m.start(1), s.start + m.end(1), s.index, "project:facility"))
    return out


@_needs(has_word("简称", "下称", "又称", "简写为"))
def _alias_definitions(s: Sentence, text: str, found: Sequence[Mention]) -> dict[str, tuple[str, int, int]]:
    """Short names defined in the sentence: short → (full name, start, end) of the short form."""
    out: dict[str, tuple[str, int, int]] = {}
    for rx in (_ALIAS_RE, _ALIAS_INLINE_RE):
        for m in rx.finditer(text):
            short = m.group(1).strip()
            prev = [f for f in found if f.end <= s.start + m.start() and f.sentence == s.index]
            if not prev:
                continue
            owner = max(prev, key=lambda f: f.end)
            if s.start + m.start() - owner.end > 2:
                continue
            out[short] = (owner.name, s.start + m.start(1), s.start + m.start(1) + len(short))
    return out


_LEGAL_FORMS = re.compile(
    r"(?:集团)?(?:股份有限公司|有限责任公司|有限公司|集团公司|股份公司|公司)$|集团$"
)
_GENERIC_TAIL = re.compile(r"(?:科技|技术|实业|发展|控股|投资|国际|工业|产业|智能|光电|电子|新材料)$")


@lru_cache(maxsize=8)
def _place_prefixes(places: frozenset[str]) -> dict[str, tuple[str, ...]]:
    """Place name forms (X省, X市, X县, X区, X), longest place first, grouped by first character."""
    out: dict[str, list[str]] = {}
    for p in sorted(places, key=len, reverse=True):
        for form in (p + "省", p + "市", p + "县", p + "区", p):
            out.setdefault(form[:1], []).append(form)
    return {k: tuple(v) for k, v in out.items()}


def derive_short_names(full: str, lex: Lexicon | None = None) -> tuple[str, ...]:
    """Short names a text may use for a legal name, most specific first.

    Examples
    --------
    >>> derive_short_names("广东聚石化学股份有限公司")
    ('聚石化学',)
    >>> derive_short_names("清远市天之衡量子科技有限公司")
    ('天之衡量子科技', '天之衡量', '天之科技', '天之衡量子')
    """
    lex = lex or load_lexicon()
    if not _LEGAL_FORMS.search(full):
        return ()
    core = _LEGAL_FORMS.sub("", full)
    prefixes = _place_prefixes(lex.places)
    changed = True
    while changed:
        changed = False
        for form in prefixes.get(core[:1], ()):
            if core.startswith(form) and len(core) - len(form) >= 2:
                core = core[len(form) :]
                changed = True
                break
        if core.startswith(("（", "(")):
            j = max(core.find("）"), core.find(")"))
            if j > 0:
                core = core[j + 1 :]
                changed = True
    out = []
    if len(core) >= 3 and core != full:
        out.append(core)
    if len(core) >= 5:
        # 端华新材料 → 端华新材; 鼎湖智能装备 → 鼎湖装备 (only where the last two characters are a word)
        out.append(core[:4])
        if len(core) - 2 in token_boundaries(core):
            out.append(core[:2] + core[-2:])
    stripped = core
    while _GENERIC_TAIL.search(stripped) and len(_GENERIC_TAIL.sub("", stripped)) >= 3:
        stripped = _GENERIC_TAIL.sub("", stripped)
        out.append(stripped)
    return tuple(dict.fromkeys(out))


def _is_container(m: Mention) -> bool:
    """Projects and owner-prefixed names contain other names on purpose."""
    return m.cls == "Project" or "+owner:" in m.rule


def _longest_first(mentions: Iterable[Mention]) -> list[Mention]:
    kept: list[Mention] = []
    for m in sorted(mentions, key=lambda m: (-(m.end - m.start), m.start, m.cls)):
        if not any(k.start < m.end and m.start < k.end for k in kept):
            kept.append(m)
    return kept


def _disjoint(by_offset: Sequence[Mention]) -> bool:
    """Whether mentions sorted by offset are non-empty and pairwise apart (no two share a character)."""
    reach = -1
    for m in by_offset:
        if m.end <= m.start or m.start < reach:
            return False
        reach = m.end
    return True


def _resolve_overlaps(mentions: Iterable[Mention]) -> list[Mention]:
    """Keep the longest of overlapping mentions, and what containers hold.

    A project (广东盛达电子科技有限公司厂房建设工程项目) or an owner-prefixed
    platform (清远高新区版权服务中心) keeps the names inside it; other
    overlaps keep the longest mention.
    """
    mentions = list(mentions)
    if len(mentions) < 2:  # nothing can overlap
        return mentions
    by_offset = sorted(mentions, key=lambda m: (m.start, m.end))
    if _disjoint(by_offset):
        return by_offset  # what the rules below keep when nothing overlaps: everything
    containers = _longest_first(m for m in mentions if _is_container(m))
    others = []
    for m in mentions:
        if _is_container(m):
            continue
        inside = [c for c in containers if c.start <= m.start and m.end <= c.end]
        partial = [c for c in containers if c.start < m.end and m.start < c.end and not (c.start <= m.start and m.end <= c.end)]
        if partial and not inside:
            continue
        others.append(m)
    kept = _longest_first(others) + containers
    return sorted(kept, key=lambda m: (m.start, m.end))


_BARE_PARK_RE = re.compile(r"(?:(?<=^)|(?<=[，,。；;：:、（(“与和在是由对经将的及为从向被了到]))(经开区|高新区|开发区|园区|全区|科技城|科学城)(?![\u4e00-\u9fff]{0,1}(?:内外|之间))")
_BARE_PARK_AFTER_VERB = re.compile(r"(?:入驻|落户|进入|走进|扎根|来到|位于|坐落于)(经开区|高新区|开发区|园区|科技城)")


def _park_anaphora(
    sentences: Sequence[Sentence], mentions: Sequence[Mention], lex: Lexicon, aliases: dict[str, str]
) -> list[Mention]:
    """A bare 经开区 / 高新区 / 园区 written as a name refers to the park the document is about."""

    section_of = sections(sentences)
    parks: dict[int, dict[str, int]] = {}
    first: dict[str, int] = {}
    for m in mentions:
        if m.cls == "Park":
            key = canonical_park_name(m.canonical or aliases.get(m.name) or m.name, lex)
            for scope in (-1, section_of[m.sentence]):
                parks.setdefault(scope, {})
                parks[scope][key] = parks[scope].get(key, 0) + 1
            first.setdefault(key, m.start)
    if not parks:
        return []

    @lru_cache(maxsize=None)
    def main_of(scope: int) -> str:
        counts = parks.get(scope) or parks[-1]
        return max(counts, key=lambda k: (counts[k], -first[k]))

    out = []
    named = SpanIndex(mentions)
    for s in sentences:
        for rx in (_BARE_PARK_RE, _BARE_PARK_AFTER_VERB):
            for m in rx.finditer(s.text):
                a, b = s.start + m.start(1), s.start + m.end(1)
                if named.overlapping(a, b) or any(x.start == a for x in out):
                    continue
                main = main_of(section_of[s.index])
                out.append(Mention(m.group(1), "Park", a, b, s.index, "anaphor:park", canonical=main))
    return out


def _suffix_class(name: str, lex: Lexicon) -> str | None:
    """The class of the longest name suffix ``name`` ends with."""
    return lex.name_class(name)


def _product_cell(c: Cell, sentence: int) -> list[Mention]:
    """The products a 主导产品 cell lists (船用曲轴、大功率柴油机连杆): one mention per item."""
    out = []
    pos = 0
    for item in re.split(r"[、；;，,/]", c.text):
        at = c.text.find(item, pos)
        pos = at + len(item)
        if len(item) >= 2 and item not in _GENERIC_PRODUCTS and not BLANK_CELL.fullmatch(item):
            out.append(Mention(item, "Product", c.start + at, c.start + pos, sentence, "table:product"))
    return out


def table_mentions(rows: Sequence[TableRow], sentences: Sequence[Sentence], lex: Lexicon) -> list[Mention]:
    """The cells of list-table rows as mentions, typed by column and suffix, and the
    honours their captions name (rule ``table:<role>``)."""
    out: list[Mention] = []
    by_index = {s.index: s for s in sentences}
    captions: set[tuple[str, int, int, int]] = set()
    for row in rows:
        for c in row.cells:
            if c.role in ("measure", "content"):
                continue  # figures, read by graph.extract.observations
            if c.role == "park":
                cls: str | None = "Park"
            elif c.role == "site":  # 建设地点: a park, or a town that is no entity here
                cls = "Park" if _suffix_class(c.text, lex) == "Park" else None
            elif c.role in ("industry", "field"):
                cls = "Industry"
            elif c.role == "name":
                cls = (_suffix_class(c.text, lex) or (_suffix_class(row.kind, lex) if row.kind else None) or row.bare_class
                       or ("Project" if re.search(r"(?:项目|工程)$", c.text) else None))  # 名称: 某某二期项目
            elif c.role in ("customer", "supplier", "subsidiary", "holder"):
                cls = _suffix_class(c.text, lex)  # 客户一, 供应商A: a report that names no one
            elif c.role == "product":
                out += _product_cell(c, row.sentence)
                continue
            elif c.role == "person":  # 负责人: a name of two to four characters
                cls = "Person" if re.fullmatch(r"[\u4e00-\u9fff·]{2,5}", c.text) else None
            else:
                cls = _suffix_class(c.text, lex) or "Enterprise"
            if cls is None:
                continue
            out.append(Mention(c.text, cls, c.start, c.end, row.sentence, f"table:{c.role}", level=detect_level(c.text)))
        if row.honour is not None:
            captions.add(row.honour)
    for name, index, a, b in sorted(captions, key=lambda h: (h[1], h[2])):
        s = by_index[index]
        out.append(Mention(name, "Honour", s.start + a, s.start + b, index, "table:caption", level=detect_level(name)))
    return out


_CLAUSE_VERB = _CUES.pattern("honour", "located", "event")


def clause_fragment(name: str) -> bool:
    """Whether ``name`` holds a whole clause rather than a name: a verb of cue families ``honour``,
    ``located`` or ``event`` (获批, 入驻, 签约…) standing as a word of its own after the first two
    characters and before the last (甲公司获批省级企业技术中心, 乙科技入驻园区数字经济片区), or a 的 with
    words on both sides (核心区里的硬核企业). A headline typed by the suffix it ends in is such a clause.
    (中国科学院 and 投资发展有限公司 hold no such verb; 获批 inside 获批中心 opens the name, it cuts nothing.)"""
    if _particle_de_inside(name):
        return True
    verbs = [v for v in _CLAUSE_VERB.finditer(name) if 2 <= v.start() and v.end() < len(name)]
    if not verbs:
        return False
    bounds = token_boundaries(name)
    return any(v.start() in bounds and v.end() in bounds for v in verbs)


_TITLED_CLASSES = frozenset({"Patent", "Product", "Project", "Person", "Industry"})  # titles may hold 的 (一种…的方法)


def _described_not_named(m: Mention) -> bool:
    """Whether the organisation, park, platform or honour ``m`` is a description holding a clause, not a
    name: a 的 with words on both sides (创新型中小企业的企业, 园区里的骨干企业); or, for a cued honour read from
    the words before a list title, a verb of the clause inside it (:func:`clause_fragment`)."""
    if m.cls in _TITLED_CLASSES:
        return False
    return _particle_de_inside(m.name) or (m.rule == "honour:cued" and clause_fragment(m.name))


def _particle_de_inside(name: str) -> bool:
    """Whether a 的 standing as a word of its own, with words on both sides, is inside ``name``
    (创新型中小企业的企业; not the brand 美的 in 美的集团股份有限公司)."""
    if "的" not in name[1:-1]:
        return False
    bounds = token_boundaries(name)
    return any(0 < i < len(name) - 1 and i in bounds and i + 1 in bounds for i, ch in enumerate(name) if ch == "的")


def record_mentions(records: Sequence[Record]) -> list[Mention]:
    """The typed fields of list records (graph.extract.records) as mentions, and the designations
    their lists give (rule ``record:<role>``, ``record:designation``). A field typed by its key or
    header (依托单位：…, a 所属领域 column) is *strong*: its reading replaces others of its span; a
    name typed only by its suffix is *weak*: it is added only where nothing else was found."""
    out: list[Mention] = []
    designations = set()
    for r in records:
        for f in (r.name, *r.fields):
            if f.cls is not None:
                if not f.strong and clause_fragment(f.text):
                    continue  # ◆甲公司获批省级企业技术中心: a headline's clause, typed by its last word, names nothing
                rule = ("record:" if f.strong else "record-weak:") + (f.role or "field")
                out.append(Mention(f.text, f.cls, f.start, f.end, f.sentence, rule, level=detect_level(f.text)))
        if r.designation is not None:
            designations.add(r.designation)
        if r.park is not None:
            out.append(Mention(r.park.text, "Park", r.park.start, r.park.end, r.park.sentence, "record:heading-park"))
    for d in sorted(designations, key=lambda d: (d.sentence, d.start)):
        out.append(Mention(d.name, "Honour", d.start, d.end, d.sentence, "record:designation", level=detect_level(d.name)))
    return out


def _with_record_fields(found: list[Mention], fields: Sequence[Mention]) -> list[Mention]:
    """``found`` with a line's record mentions: strong ones replace what overlaps them, a
    designation replaces what overlaps it unless that is an honour already, weak ones (a name
    typed by its suffix) replace only what lies inside them — the cell's delimiters bound the
    name (青川南山装备产业园, not 南山装备产业园) — and fill gaps."""
    for f in fields:
        overlapping = [g for g in found if g.start < f.end and f.start < g.end]
        if f.rule == "record:designation":
            if any(g.cls == "Honour" for g in overlapping):
                continue
        elif not f.rule.startswith("record:"):
            if any(g.start < f.start or g.end > f.end or (g.start, g.end, g.cls) == (f.start, f.end, f.cls) for g in overlapping):
                continue
        elif any(g.start == f.start and g.end == f.end and g.cls == f.cls for g in overlapping):
            continue
        found = [g for g in found if g not in overlapping] + [f]
    return found


# the rules of parks read from a table's cell or a list record's field
_CELL_PARK_RULES = frozenset({"table:park", "table:site", "record:park", "record:site", "record-weak:park"})


def table_park_aliases(mentions: Sequence[Mention]) -> dict[str, str]:
    """Short park names in table cells or record fields (凤桥智造产业园) that end exactly one fuller park name
    the document writes (嘉兴南湖凤桥智造产业园): short → full."""
    parks = {m.name for m in mentions if m.cls == "Park"}
    out: dict[str, str] = {}
    for m in mentions:
        if m.cls == "Park" and m.rule in _CELL_PARK_RULES:
            fuller = [p for p in parks if len(p) > len(m.name) and p.endswith(m.name)]
            if len(fuller) == 1:
                out[m.name] = fuller[0]
    return out


_COLOPHON = re.compile(r"\s*(?:" + _CUES.alternation("colophon") + r")\s*[：:]")
# a colophon inside a line, after a date or a space (发布时间：2025-03-12 来源：某管委会; （某某局 供稿）): what it names is metadata
_INLINE_COLOPHON = re.compile(
    r"(?<=[\s\d])(?:" + _CUES.alternation("colophon") + r")\s*[：:].*$|[（(][^（）()]{2,40}?\s*(?:" + _CUES.alternation("colophon") + r")[）)]"
)


# the addressee line of an official notice: 各县（市、区）科技局，各有关单位： — whom the notice is sent to
_ADDRESSEE_LINE = re.compile(r"\s*各[^。！？!?]{1,80}[：:]\s*$")


def metadata_line(text: str) -> bool:
    """Whether the sentence ``text`` is a metadata line that names nobody as a fact: a colophon
    (来源：…, 发布单位：…: cue family ``colophon`` before a colon) or the addressee line of a notice
    (各市、州科技局，各有关高等学校：)."""
    return _COLOPHON.match(text) is not None or _ADDRESSEE_LINE.match(text) is not None


_UNBUILT_CLASSES = frozenset({"Park", "Platform", "ResearchInstitute"})
# the build verb right before the name, perhaps with an indefinite count between (新建一个X产业园)
_BUILD_RIGHT_BEFORE = re.compile(_CUES.alternation("unbuilt-build") + r"(?:了)?(?:一个|一批|一座|一家|一所)?$")
_PLAN_IN_CLAUSE = re.compile(_CUES.alternation("planned", "planning"))
_PLAN_IN_SENTENCE = re.compile(_CUES.alternation("planning"))
_DONE = re.compile(_CUES.alternation("completed"))
_GOAL_FRAME = re.compile(_CUES.alternation("goal-frame"))
_CLAUSE_MARKS = "，,；;：:"


def _clause_start(text: str, end: int) -> int:
    """Offset where the clause holding ``text[end - 1]`` opens (after the last comma, semicolon or colon)."""
    return max(text.rfind(c, 0, end) for c in _CLAUSE_MARKS) + 1


def _planned_build(text: str, start: int) -> bool:
    """Whether the name at ``start`` is the object of a build verb (共建, 组建, 新建, …: cue family
    ``unbuilt-build``) under a plan: a ``planned``/``planning`` cue earlier in the verb's clause or in
    the clause that 并 continues (双方将围绕…开展攻关，并共建X), or a ``planning`` cue anywhere before
    (支持A与B共建X). A ``completed`` cue between the plan and the verb makes the deed history."""
    verb = _BUILD_RIGHT_BEFORE.search(text, 0, start)
    if verb is None:
        return False
    clause = _clause_start(text, verb.start())
    scope = clause
    if text.startswith("并", clause) and clause > 0:
        scope = _clause_start(text, clause - 1)  # …，并共建: the clause before states the plan
    plan = None
    for plan in _PLAN_IN_CLAUSE.finditer(text, scope, verb.start()):
        pass
    if plan is None:
        for plan in _PLAN_IN_SENTENCE.finditer(text, 0, scope):
            pass
    return plan is not None and _DONE.search(text, plan.end(), verb.start()) is None


def _goal_object(m: Mention, s: Sentence, text: str, lex: Lexicon, found: Sequence[Mention]) -> bool:
    """Whether ``m`` is the goal a clause aims at, not a park or platform that exists: a ``goal-frame``
    cue (朝着, 打造成, 建设成为, 争创…) earlier in its clause, no other name between, and no place
    name opening ``m`` (朝着千亿级智能终端产业园区的目标迈进; but 打造滨江产业园 names the park)."""
    start = m.start - s.start
    clause = _clause_start(text, start)
    goal = None
    for goal in _GOAL_FRAME.finditer(text, clause, start):
        pass
    if goal is None:
        return False
    if any(goal.end() <= f.start - s.start < start and f is not m for f in found):
        return False
    return not _proper_opening(m.name, lex)


_PROPER_TAGS = frozenset({"ns", "nr", "nrt", "nrfg", "nz"})


_LEVEL_OPENING = re.compile(r"(?:国家|省|市|县|区)级")


def _proper_opening(name: str, lex: Lexicon) -> bool:
    """Whether a proper name opens ``name``: a place of the lexicon, or a first word jieba tags as a
    place, person or other proper noun, does not know at all, or cannot read but as single characters
    (雷官电子信息园区, 腰铺科创园). A name opened by common words (智能终端产业园区, 新能源产业园) may be a
    kind of park rather than one park. A level opening the name (国家级, 省级) is no proper name: the
    words after it are read instead."""
    level = _LEVEL_OPENING.match(name)
    if level is not None and level.end() < len(name):
        name = name[level.end():]
    if any(p in lex.places for p in (name[:4], name[:3], name[:2])):
        return True
    word, tag = pos_pairs(name)[0]
    return tag in _PROPER_TAGS or (len(word) > 1 and word_frequency(word) == 0) or (
        len(word) == 1 and word not in _FUNCTION_CHARS and tag not in ("m", "q", "a", "d", "v"))


# a section number opening a heading: 二、 / 第三节 (top level) or （二） / 2. (below it)
_TOP_HEADING = re.compile(r"\s*(?:[一二三四五六七八九十]{1,3}[、.．]|第[一二三四五六七八九十\d]{1,3}[章节部分])\s*")
_SUB_HEADING = re.compile(r"\s*(?:[（(][一二三四五六七八九十\d]{1,3}[）)]|\d{1,2}[、.．](?!\d))\s*")
_PLAN_HEADING = re.compile(_CUES.alternation("plan-heading"))
_FACT_HEADING = re.compile(_CUES.alternation("fact-heading"))
_HEADING_WINDOW = 12  # characters after a heading's number in which a fact cue turns it into a fact heading
_COBUILD = re.compile(_CUES.alternation("cobuild"))


def plan_sections(sentences: Sequence[Sentence]) -> frozenset[int]:
    r"""Indexes of the sentences that lie in a section of targets and plans: after a numbered heading
    that opens with a cue of family ``plan-heading`` (二、发展目标, 三、重点任务, 八、未来发展展望), up to the
    next top-level heading that does not, or a heading with a cue of family ``fact-heading`` in its first
    words (一、发展基础, 二、重点工作进展: progress is a fact) at any level.
    A heading below the top level (（一）培育壮大龙头企业) keeps the section it stands in. The heading
    may run into its paragraph once the text is joined (二、发展目标到2027年，…).

    Examples
    --------
    >>> from graph.text.clean import clean_text
    >>> from graph.text.segment import split_sentences
    >>> sents = split_sentences(clean_text("一、发展基础\n甲园建有乙中心。\n二、重点任务\n（一）建设平台。\n建设丙中心。\n三、其他\n丁。"))
    >>> [s.text for s in sents if s.index in plan_sections(sents)]
    ['二、重点任务', '（一）建设平台。', '建设丙中心。']
    """
    out: set[int] = set()
    in_plan = False
    for s in sentences:
        top = _TOP_HEADING.match(s.text)
        sub = None if top else _SUB_HEADING.match(s.text)
        head = top or sub
        if head is not None:
            if _FACT_HEADING.search(s.text, head.end(), head.end() + _HEADING_WINDOW):  # 二、重点工作进展
                in_plan = False
            elif _PLAN_HEADING.match(s.text, head.end()):
                in_plan = True
            elif top is not None:
                in_plan = False
        if in_plan:
            out.add(s.index)
    return frozenset(out)


def _unnamed_plan_object(m: Mention, text: str, start: int, lex: Lexicon, in_plan: bool) -> bool:
    """Whether the platform or institute ``m`` (at ``start`` in ``text``) is only a plan with no name of
    its own: in a section of targets and plans (``in_plan``, :func:`plan_sections`) a build verb (cue
    family ``unbuilt-build``) governs it (依托某大学建设X, 组建X, 争创X) and no proper name opens it
    (高端轴承中试基地, 国家级轴承产业计量测试中心; but 建设涪江—西科大概念验证中心 names its builders and stays).
    A platform co-built with named partners (cue family ``cobuild``: 支持A与B共建X联合实验室) stays there
    too, as a planned joint lab does anywhere: the gold of several batches keeps it as an entity without
    relations."""
    if not in_plan or _proper_opening(m.name, lex):
        return False
    verb = _BUILD_RIGHT_BEFORE.search(text, 0, start)
    return verb is not None and _COBUILD.search(verb.group()) is None


_CAPACITY_PRODUCT_RULE = "product:capacity"


def _planned_project_product(m: Mention, text: str, start: int, in_plan: bool) -> bool:
    """Whether the product ``m`` is read only from the name of a project that is planned (年产…X项目 after a
    planning cue with nothing done since — 支持A建设年产…X项目 — or in a section of plans): nobody makes it
    yet, so it is no product of the firm."""
    if m.rule != _CAPACITY_PRODUCT_RULE:
        return False
    if in_plan:
        return True
    plan = None
    for plan in _PLAN_IN_SENTENCE.finditer(text, 0, start):
        pass
    return plan is not None and _DONE.search(text, plan.end()) is None


_FUTURE_MAKE = re.compile(_CUES.alternation("future-make"))
_PLANNABLE = _UNBUILT_CLASSES | {"Product"}


def _future_product(text: str, start: int) -> bool:
    """Whether the product at ``start`` is one a firm only means to make: a cue of family ``future-make``
    (预计, 计划, 拟…) earlier in its clause and no ``completed`` cue after it (预计2026年推出X; 计划引进X等
    项目). (计划总投资… after the name says nothing of the product.)"""
    clause = _clause_start(text, start)
    plan = None
    for plan in _FUTURE_MAKE.finditer(text, clause, start):
        pass
    return plan is not None and _DONE.search(text, plan.end(), start) is None


def _unbuilt(found: list[Mention], s: Sentence, lex: Lexicon, in_plan: bool = False) -> list[Mention]:
    """``found`` without the parks a sentence only plans (:func:`_planned_build`), the parks,
    platforms and institutes it only aims at (:func:`_goal_object`), the platforms and institutes without
    a name of their own it only plans (:func:`_unnamed_plan_object`) and the products of planned projects
    (:func:`_planned_project_product`): what is not built yet is not an entity."""
    text = s.text
    if not any(f.cls in _PLANNABLE for f in found):
        return found
    # (a planned platform with a name of its own stays: the gold of several batches keeps it as an entity
    # without relations)
    return [f for f in found if f.cls not in _PLANNABLE or not _not_built_yet(f, s, text, lex, found, in_plan)]


def _not_built_yet(f: Mention, s: Sentence, text: str, lex: Lexicon, found: Sequence[Mention], in_plan: bool) -> bool:
    """Whether the mention ``f`` is a thing the sentence only plans or aims at (see :func:`_unbuilt`)."""
    start = f.start - s.start
    if f.cls == "Product":
        return _planned_project_product(f, text, start, in_plan) or _future_product(text, start)
    if f.cls not in _UNBUILT_CLASSES:
        return False
    if f.cls == "Park" and _planned_build(text, start):
        return True
    return _goal_object(f, s, text, lex, found) or (f.cls != "Park" and _unnamed_plan_object(f, text, start, lex, in_plan))


@_needs(cue_family("colophon"))
def _outside_colophons(found: list[Mention], s: Sentence) -> list[Mention]:
    """``found`` without the mentions inside a colophon written within the line."""
    spans = [(s.start + m.start(), s.start + m.end()) for m in _INLINE_COLOPHON.finditer(s.text)]
    if not spans:
        return found
    return [f for f in found if not any(a <= f.start and f.end <= b for a, b in spans)]


@dataclass(frozen=True)
class LocalMentions:
    """What :func:`find_mentions` finds in a document on its own, before names
    from other documents are applied: the mentions sentence by sentence and
    the aliases the document defines. Keep it to resolve the same document
    again with other ``known`` names without finding its mentions again."""

    mentions: tuple[Mention, ...]
    aliases: dict[str, str]


def find_local_mentions(sentences: Sequence[Sentence], lex: Lexicon | None = None) -> LocalMentions:
    """The part of :func:`find_mentions` that no other document changes (most of its work).

    Examples
    --------
    >>> from graph.text.clean import clean_text
    >>> from graph.text.segment import split_sentences
    >>> sents = split_sentences(clean_text("走进广东星河新材料有限公司（以下简称“星河新材”）。"))
    >>> local = find_local_mentions(sents)
    >>> local.aliases["星河新材"], find_mentions(sents, local=local) == find_mentions(sents)
    ('广东星河新材料有限公司', True)
    """
    lex = lex or load_lexicon()
    all_mentions: list[Mention] = []
    aliases: dict[str, str] = {}
    tabled: dict[int, list[Mention]] = {}
    for t in table_mentions(read_tables(sentences, lex), sentences, lex):
        tabled.setdefault(t.sentence, []).append(t)
    recorded: dict[int, list[Mention]] = {}
    records = read_records(sentences, lex)
    for t in record_mentions(records):
        recorded.setdefault(t.sentence, []).append(t)
    planned = plan_sections(sentences)
    for s, families in zip(sentences, sentence_families(sentences)):
        text = s.text
        if metadata_line(text):
            continue  # 来源：某某经济发展局 — a colophon line is metadata
        ran = _RuleGate(SentenceCues(text, families, frozenset()))
        has_suffix = lex.suffix_re.search(text) is not None
        bounds = lazy_boundaries(text)
        found = _suffix_mentions(s, text, lex, bounds) if has_suffix else []
        found += _honour_mentions(s, text, lex)
        found = _designations(_resolve_overlaps(found), s)
        if ran.allows(_cued_honours):
            found = _cued_honours(found, s)
        found += _person_mentions(s, text, lex, found)
        found += _person_before_role(s, text, lex, found)
        found += ran(_person_before_paren_roles, s, text, lex, found)
        found += ran(_person_list, s, text, lex, found)
        found += ran(_quoted_speaker, s, text, lex, found)
        found += ran(_appositive_person, s, text, lex, found)
        found += _industry_mentions(s, text, lex, found, bounds)
        found += ran(_firm_kind_industries, s, text, lex, found)
        found += ran(_patent_mentions, s, text)
        found += ran(_product_mentions, s, text, lex)
        found += ran(_model_mentions, s, text, lex)
        found += ran(_amount_products, s, text, lex)
        found += ran(_brand_mentions, s, text, lex)
        found += ran(_subject_products, s, text, lex)
        found += ran(_owned_products, s, text, lex, found)
        found = _resolve_overlaps(found)
        listed = ran(_product_list_mentions, s, text, lex)
        found += [p for p in listed if not any(f.start < p.end and p.start < f.end and not _is_container(f) for f in found)]
        found = _wider_focus_industries(_park_focus_industries(found, s, text), listed, s, text)
        found = [f for f in found if not _field_before_products(f, s)]
        found += ran(_list_mentions, s, text, found, lex)
        found += ran(_sub_park_list, s, text, found)
        found = _resolve_overlaps(found)
        found += ran(_project_mentions, s, text, found)
        found = _resolve_overlaps(found + ran(_standalone_projects, s, text, found))
        found = _resolve_overlaps(found + ran(_invested_projects, s, text, found))
        found = _resolve_overlaps(found + ran(_facility_projects, s, text, found))
        # 光电子产业园项目: a park named only as what a project builds is no park yet
        found = [f for f in found if not (f.cls == "Park" and text.startswith("项目", f.end - s.start))]
        # 公布2024年度四川省工程技术研究中心名单: a list's title names no platform
        found = [f for f in found if not (f.cls in ("Platform", "ResearchInstitute")
                                          and _LIST_TITLE_AFTER.match(text, f.end - s.start))]
        if s.index in tabled:
            cells = tabled[s.index]
            found = [f for f in found if not any(c.start < f.end and f.start < c.end for c in cells)] + cells
        if s.index in recorded:
            found = _with_record_fields(found, recorded[s.index])
        if ran.allows(_outside_colophons):
            found = _outside_colophons(found, s)
        found = _unbuilt(found, s, lex, s.index in planned)
        found = [f for f in found if not _described_not_named(f)]
        for short, (full, _a, _b) in (_alias_definitions(s, text, found) if ran.allows(_alias_definitions) else {}).items():
            aliases[short] = full
        for f in found:
            if f.cls == "Platform":
                q = re.match(r"^[“「]?([^”」]{2,16})[”」]", text[f.start - s.start : f.end - s.start])
                if q and q.group(1) != f.name:
                    aliases.setdefault(q.group(1), f.name)
            if f.cls == "Project" and f.rule.startswith("project:enterprise"):
                cap = re.search(r"年产.+$", f.name)
                if cap and cap.group() != f.name:
                    aliases.setdefault(cap.group(), f.name)
        all_mentions += found
    if records:  # a headerless list's column of bare cells, typed by what the other cells are read as
        spans = {(m.start, m.end): m.cls for m in all_mentions}
        taken = SpanIndex(all_mentions)
        all_mentions += [Mention(f.text, f.cls or "", f.start, f.end, f.sentence, "record:column")
                         for f in column_consensus(records, spans, lex) if not taken.overlapping(f.start, f.end)]
    # a name a list caption gives as the honour of its rows is that honour wherever it is written
    titles = {t.name for ts in (*tabled.values(), *recorded.values()) for t in ts if t.rule in ("table:caption", "record:designation")}
    if titles:
        all_mentions = [replace(m, cls="Honour", rule=m.rule + "+list-title") if m.name in titles and m.cls != "Honour" else m
                        for m in all_mentions]

    for short, full in table_park_aliases(all_mentions).items():
        aliases.setdefault(short, full)
    for short, full in _bureau_short_forms(sentences, all_mentions, lex).items():
        aliases.setdefault(short, full)
    # implicit short names of full legal names, and names of people
    fulls = {m.name for m in all_mentions if m.cls in ORG_CLASSES}
    other_names = {m.name for m in all_mentions if m.cls not in ORG_CLASSES} | {i.zh for i in lex.industries}
    for full in sorted(fulls):
        for short in derive_short_names(full, lex):
            if short not in aliases and short not in fulls and short not in other_names:
                aliases[short] = full
    parks = sorted({m.name for m in all_mentions if m.cls == "Park"})
    for park in parks:
        rest = _park_without_place(park, lex.places, aliases)
        if rest is not None:
            aliases.setdefault(rest, park)
    for park, full in _addressed_parks(parks).items():
        aliases.setdefault(park, full)
    return LocalMentions(tuple(all_mentions), aliases)


# 市科技局, 区发改局, 县工信局: a level and two characters before the kind of a body; 工信部, 国资委 without a level
_BUREAU_SHORT = re.compile(r"[省市区县][\u4e00-\u9fff]{2}[局委部厅办]|[\u4e00-\u9fff]{2}[部委]")


def _abbreviates(short: str, full: str) -> bool:
    """Whether ``short`` is an abbreviation of ``full``: its characters stand in ``full`` in the same
    order, the last one among the last three of ``full`` (区发改局 of 惠阳区发展和改革局, 国资委 of
    …国有资产监督管理委员会), and it is no piece of it."""
    if len(short) >= len(full) or short[-1] not in full[-3:] or short in full:
        return False
    i = 0
    for ch in short:
        i = full.find(ch, i) + 1
        if not i:
            return False
    return True


def _bureau_short_forms(sentences: Sequence[Sentence], mentions: Sequence[Mention], lex: Lexicon) -> dict[str, str]:
    """Short forms of the government bodies a document names in full (市科技局 → 惠州市科学技术局,
    区发改局 → 惠阳区发展和改革局, 国资委 → …国有资产监督管理委员会): a short form standing as a word
    that abbreviates exactly one of them (the word may run into a title after it: 区发改局局长)."""
    bodies = sorted({m.name for m in mentions if m.cls == "GovernmentBody" and len(m.name) >= 5})
    out: dict[str, str] = {}
    if not bodies:
        return out
    for s in sentences:
        for m in _BUREAU_SHORT.finditer(s.text):
            short = m.group()
            if short in out:
                continue
            bounds = lazy_boundaries(s.text)
            if m.start() not in bounds or (m.end() not in bounds and not s.text.startswith(lex.roles, m.end())):
                continue
            fulls = [b for b in bodies if _abbreviates(short, b)]
            if len(fulls) == 1:
                out[short] = fulls[0]
    return out


def _addressed_parks(parks: Sequence[str]) -> dict[str, str]:
    """Parks written after an address (注册地址：某省某市某县X产业园…) → the park the document names
    otherwise with the same core name: the one other park ending in it (某市某县X产业园 is 某某X产业园 when
    only that park ends in X产业园), else the core itself when it is written bare."""
    out: dict[str, str] = {}
    for park in parks:
        m = _ADDRESS.match(park)
        core = park[m.end() :] if m else ""
        if len(core) < 5:
            continue
        others = [p for p in parks if p != park and p != core and p.endswith(core) and not _ADDRESS.match(p)]
        if len(others) == 1:
            out[park] = others[0]
        elif not others and core in parks:  # 合肥市肥西县X产业园 and X产业园 written bare elsewhere: one park
            out[park] = core
    return out


@lru_cache(maxsize=8)
def _place_lengths(places: frozenset[str]) -> tuple[int, ...]:
    """The lengths place names have, longest first."""
    return tuple(sorted({len(p) for p in places}, reverse=True))


def _park_without_place(park: str, places: frozenset[str], aliases: dict[str, str]) -> str | None:
    """A park's name after its leading place (清远市 / 广东省 / 清远), if at least five
    characters are left and they are not an alias yet; the longest place is tried first.

    Only the place spelt by the park's first characters can open it, so each
    place length is looked up once instead of every place being tried.
    """
    for n in _place_lengths(places):
        place = park[:n]
        if len(place) < n or place not in places:
            continue
        for form in (place + "市", place + "省", place):
            rest = park[len(form) :]
            if park.startswith(form) and len(rest) >= 5 and rest not in aliases:
                return rest
    return None


#: the fields of :class:`~graph.model.Mention`, in order (a test keeps this equal to the class)
_MENTION_FIELDS = ("name", "cls", "start", "end", "sentence", "rule", "canonical", "level")


def _with_canonical(m: Mention, canonical: str) -> Mention:
    """``replace(m, canonical=canonical)`` without dataclasses' generic field walk (run once per mention)."""
    if m.canonical == canonical:
        return m
    return Mention(m.name, m.cls, m.start, m.end, m.sentence, m.rule, canonical, m.level)


def _owner_alias(m: Mention, aliases: dict[str, str]) -> str | None:
    """A body named after a short name of its park is named after the park's full name
    (峡州高新区管委会, 峡州高新区 short for 宜昌峡州高新技术产业开发区 → 宜昌峡州…开发区管委会)."""
    if m.cls != "GovernmentBody" or "+owner:" not in m.rule:
        return None
    owner = m.rule.split("+owner:", 1)[1]
    full = aliases.get(owner)
    return full + m.name[len(owner) :] if full and m.name.startswith(owner) else None


def find_mentions(
    sentences: Sequence[Sentence],
    lex: Lexicon | None = None,
    *,
    known: dict[str, tuple[str, str]] | None = None,
    local: LocalMentions | None = None,
) -> MentionResult:
    """Find every entity mention in a document's sentences.

    Parameters
    ----------
    sentences : sequence of Sentence
        From :func:`graph.text.segment.split_sentences`.
    lex : Lexicon, optional
        Dictionaries (default: the bundled ones).
    known : dict, optional
        Names learnt from other documents of the corpus: name → (canonical
        name, class). Their uses here become mentions of that entity.
    local : LocalMentions, optional
        This document's :func:`find_local_mentions`, if already found: the
        result is the same, only faster.

    Returns
    -------
    MentionResult
        Mentions sorted by offset, each with its canonical name, and the
        aliases the document defines.

    Examples
    --------
    >>> from graph.text.clean import clean_text
    >>> from graph.text.segment import split_sentences
    >>> sents = split_sentences(clean_text("走进广东星河新材料有限公司（以下简称“星河新材”），星河新材与岭南大学共建联合实验室。"))
    >>> sorted({(m.key, m.cls) for m in find_mentions(sents).mentions})
    [('岭南大学', 'University'), ('广东星河新材料有限公司', 'Enterprise')]
    """
    lex = lex or load_lexicon()
    if local is None:
        local = find_local_mentions(sentences, lex)
    all_mentions = list(local.mentions)
    aliases = dict(local.aliases)
    persons = {m.name for m in all_mentions if m.cls == "Person"}
    classes = {m.name: m.cls for m in all_mentions}
    lookup = {**{p: p for p in persons}, **aliases}
    # names other documents of the corpus taught us (a short name defined elsewhere)
    for name, (canonical, cls) in (known or {}).items():
        if len(name) >= 2 and name not in lookup and name not in classes:
            lookup[name] = canonical
            classes.setdefault(canonical, cls)
    if lookup:
        rx = word_matcher(lookup) if "" not in lookup else re.compile("|".join(re.escape(k) for k in sorted(lookup, key=len, reverse=True)))
        extra = []
        dropped: set[int] = set()
        containers = [x for x in all_mentions if _is_container(x)]
        plain = SpanIndex(x for x in all_mentions if not _is_container(x))
        for s in sentences:
            if metadata_line(s.text):
                continue  # 发布单位：某管委会经济发展局 — a short name used in a metadata line is no mention either
            for m in rx.finditer(s.text):
                a, b = s.start + m.start(), s.start + m.end()
                full = lookup[m.group()]
                if any(x.start <= a and b <= x.end and (x.canonical or x.name) == full for x in containers):
                    continue  # the short name inside the very mention it abbreviates
                clash = plain.overlapping(a, b)
                # a short name beats shorter names inside it (聚力新材料 ⊃ the industry 新材料)
                if any(not (a <= x.start and x.end <= b and x.end - x.start < b - a) for x in clash):
                    continue
                dropped.update(id(x) for x in clash)
                full = lookup[m.group()]
                cls = classes.get(full, "Enterprise")
                extra.append(Mention(m.group(), cls, a, b, s.index, "alias:use", canonical=full))
        all_mentions = [x for x in all_mentions if id(x) not in dropped] + extra
        # projects led by a short name (恒舟精机智能减速器产业化项目)
        by_index = {s.index: s for s in sentences}
        for use in [x for x in extra if classes.get(x.canonical or "", "Enterprise") == "Enterprise"]:
            sent = by_index[use.sentence]
            led = [p for p in _project_mentions(sent, sent.text, [replace(use, cls="Enterprise")])
                   if not any(o.cls == "Project" and o.start <= p.start < o.end for o in all_mentions)]
            all_mentions += led

    all_mentions += _park_anaphora(sentences, all_mentions, lex, aliases)

    out = []
    for m in all_mentions:
        aliased = aliases.get(m.name) if m.cls in ORG_CLASSES | {"Project", "Platform", "Park"} else None
        canonical = m.canonical or aliased or _owner_alias(m, aliases) or m.name
        if m.cls == "Park" or m.cls == "GovernmentBody":
            canonical = canonical_park_name(canonical, lex)
        out.append(_with_canonical(m, canonical))
    out = _without_bare_owners(out)
    out.sort(key=lambda m: (m.start, m.end, m.cls))
    return MentionResult(mentions=tuple(out), aliases=aliases)


def _without_bare_owners(mentions: list[Mention]) -> list[Mention]:
    """``mentions`` without a university or government body the document names only inside the
    name of a unit of its own (浙江大学 only in 浙江大学嘉兴研究院, 科技部 only in 科技部火炬中心):
    the unit is the entity, its owner only part of its name."""
    units = [m for m in mentions if "+owner:" in m.rule]
    if not units:
        return mentions
    inside: dict[str, bool] = {}
    for m in mentions:
        if m.cls in ("University", "GovernmentBody") and "+owner:" not in m.rule:
            # (甲大学—乙公司联合实验室: a lab named for both partners, each its builder, not a unit of the first)
            held = any(u.start <= m.start and m.end <= u.end and u.rule.endswith("+owner:" + m.name)
                       and u.name[len(m.name) : len(m.name) + 1] not in ("—", "–", "-") for u in units)
            inside[m.key] = inside.get(m.key, True) and held
    return [m for m in mentions if not inside.get(m.key) or "+owner:" in m.rule or m.cls not in ("University", "GovernmentBody")]
