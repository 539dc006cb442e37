"""Stage 5, relations: facts between mentions, read from grammar cues.

Each rule looks at one sentence: its mentions (from :mod:`graph.extract.mentions`),
the words between them, and the sentence's *topic*, the entity it is about.
The topic is the first organisation or park that is not inside a locative or
prepositional phrase; a sentence that opens with 该企业 / 该公司 / 其 or
names no topic carries the previous sentence's topic over.

Each rule is a small named function registered in :data:`RULES` (run in order by
:func:`relations_in`, each callable alone on one sentence); the cue words live in
``data/lexicon/cues.tsv``. Rules (cue → property):

* 位于/坐落于/落户/入驻 + park, "park + company" written together → locatedIn;
  "park + park" → partOf
* A 与 B 联合申报 “patent” → applicant ×2, coFiledPatentWith;
  A 与 B 共建 platform → coBuiltPlatformWith (not hostsPlatform); 携手/签署…合作/联合研发/战略合作 → cooperatesWith
* 荣获/获评/入选/被认定为/创建/成为 + honour → receivedHonour (year and
  conferrer kept for the qualified statement)
* 拥有/建有/设有/建设/组建/获批 + platform, and owner-prefixed platform names → hostsPlatform
  (not for a joint platform, …联合实验室/…联合体, which needs 依托A / 设在A / 由A运营)
* 双方 stands for the pair named before (same sentence, else the last single pair);
  计划/拟/支持… before 共建/合作 marks a plan: no relation
* 客户包括/主要客户有/供货给/销售给, 为其配套, A为B提供, 是/成为B的供应商 → hasCustomer
* 旗下/子公司/全资子公司 → subsidiaryOf
* organisation + role title + person → affiliatedWith (role kept)
* company + …项目 → undertakenBy; 研发出/制成的 product → produces
* X产业拥有 A、B → inIndustry; 以…为主导 / 主导产业 → leadingIndustry;
  链主/龙头企业 with named firms → chainLeaderOf the industry the firm's
  name or sentence points to
* supply as prose: 由B供应, 向B采购, 采购自B (B sells); 向/为/对B…供货, 配套B…产线,
  中标B…项目, 进入其供应链 (B buys) → hasCustomer, the other end the clause's own firm
* a company's own report (:func:`~graph.extract.tables.document_company`): 公司/本公司/发行人
  is the issuer; 「X，系公司全资子公司」 → subsidiaryOf the issuer; a bare 总经理 is the issuer's
* 建设地点(位于)P → the project locatedIn P; 是园区…骨干企业 → locatedIn; A在P设立子公司B → B locatedIn P
* X项目｜投资方：A / （建设单位：A）, A的X项目, X项目由A投资, A与管委会签约…X项目 → undertakenBy
* A生产/供应/量产X (X named here or elsewhere) → produces; 计划/拟/不 before the verb → nothing
* an award right after a quoted project, or after a product/platform named before (其X被认定为H) → that thing holds it;
  力争/计划/未能 before the award verb → no honour
* X位于(园区)Q / X在Q投产, Q a sub-park the text named elsewhere; A（P）; 是/成为P第N家…企业 → locatedIn
* A依托X平台 → hostsPlatform; “A—B联合实验室” → coBuiltPlatformWith; X领域，A / 是X行业的骨干企业 → inIndustry
* 由张三担任实验室主任 / 中心主任由张三担任 → affiliatedWith the platform named before (role 主任)
* 由A牵头，联合B、C共同发起成立 → coBuiltPlatformWith A–B, A–C; 双方为共同专利权人 → coFiledPatentWith
* N个项目均落地P → the last N projects locatedIn P; a heading line (honour（N家）) over lines of firm
  names → each receivedHonour
* 在P，A、B和C等企业已相继落户 → every listed firm locatedIn P; (园区)A、B和C三个专业园 (as many parks as the count)
  → each partOf the park before the list; A在P(投资)建设X项目 / a subjectless 在P建设X项目 clause → undertakenBy
  the clause's or the sentence's enterprise; 集成电路设计企业A, A、B等X企业 (the list its clause's subject) → inIndustry;
  a name opening a platform's makes its host only for a company, an institute or an administrative zone (高新区);
  (同月)入驻的还有A、B → locatedIn the park the sentence before placed a firm in
* partnerships: A与B、C三方共同签署 / 签署三方协议 pairs every signer (A与B、C签署 pairs A with each); 由A牵头，B、C参与共建
  and A携手/联合B、C pair A with each; A与我校X学院共建 → the school; 双方 in a school's text (我校) is the school and the
  firm spoken of; two administrations (bureau–bureau, park–committee) are never partners; 签署《…投资协议》 is no pact
* supply direction: A的X供应商为B / B是A的X供应商 / 为B(等企业)建成 / 已在B的产线上落地应用 / A带动B等配套企业 → B or the
  maker sells; A与B签订X采购协议 → the party named after X sells; a pact yields to a direction stated elsewhere;
  X和Y两条产业链的链主分别为A和B → A leads X, B leads Y; 以A为链主的X产业链 keeps X's full words
* a product's honour (首台（套）) is never an organisation's, a platform's designation (孵化器, 工程技术研究中心)
  goes to the platform named with it, and a government body neither holds honours nor sits in a park
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from graph.extract.cues import Gates, Need, SentenceCues, any_of, cue_family, has, kept_gates, load_cues, sentence_families, word
from graph.extract.lexicon import Lexicon, load_lexicon
from graph.extract.mentions import TOPIC_INDUSTRY_RE, firm_list_is_subject
from graph.extract.records import NAME_FIELD, RECORD_CLASSES, Designation, Field, Record, designation_scope, read_records
from graph.extract.tables import TableRow, document_company, read_tables
from graph.model import ORGANIZATION_CLASS_NAMES, Mention, Relation, Sentence
from graph.text.segment import is_bullet_headline, items, sections

__all__ = ["find_relations", "sentence_topics", "infer_industry", "table_relations", "record_relations", "YEAR_RE", "DATE_RE", "sections"]

ORG = ORGANIZATION_CLASS_NAMES
ACTORS = ORG | {"Park"}
YEAR_RE = re.compile(r"((?:19|20)\d{2})\s*年")
DATE_RE = re.compile(r"((?:19|20)\d{2})\s*(?:年|-|/|\.)\s*(\d{1,2})\s*(?:月|-|/|\.)\s*(\d{1,2})\s*日?")
_CUES = load_cues()
_LOCATIVE_BEFORE = _CUES.ends_with("locative")
_CHILD_BEFORE = re.compile(_CUES.alternation("subsidiary") + "$")
_OWN_FIRM = re.compile(r"^(?:本公司|公司|我们|我公司)(?!的?(?:全资|控股)?子公司)")
# 公司/本公司/发行人 opening a sentence or its first clause (报告期内，公司…), but not 公司全资子公司，… (a subsidiary's own line)
_REPORT_SELF = re.compile(r"^(?:(?!本?公司|发行人)[^，,。；]{0,12}?[，,])?(?:本公司|公司|发行人)(?![^，,；;。]{0,10}?(?:子公司|参股公司)[，,])")
_CARRY = re.compile(r"^(?:该企业|该公司|该集团|这家(?:企业|公司)|其(?!中|他|余|实|次)|它|公司|企业|集团)")
# 在A，… / 走进A的生产车间，…: a scene set in a firm opens what the next sentences are about
_SCENE_BEFORE = re.compile(r"^(?:[^，,。]{0,10}?[，,])?(?:在|走进|来到|步入)$")
_SCENE_AFTER = re.compile(r"^(?:的)?[^，,。；;]{0,12}?[，,]")
_LOCATED_CUE = _CUES.pattern("located")
# 签署产学研战略合作协议, 签订人才培养合作协议, 签署…联合开发协议: any agreement of cooperation, then the listed cues
_COOP_CUE = re.compile(
    _CUES.alternation("agreement-sign") + r"了?[^，。；;、]{0,10}?" + _CUES.alternation("agreement")
    + "|" + _CUES.alternation("agreement-sign") + r"了?(?:[^，。；;、《]{0,6}?)《[^》，。；]{2,30}?(?:协议|备忘录)》"
    + "|" + _CUES.alternation("cooperation-open") + r"[^，。；;、与和]{1,12}?合作(?!协议|框架)"
    + "|" + _CUES.alternation("cooperation")
)
_COBUILD_CUE = _CUES.pattern("cobuild", "co-found")
_COFILE_CUE = _CUES.pattern("cofile")
_COFILE_AFTER = _CUES.pattern("cofile-after")
_HONOUR_CUE = _CUES.pattern("honour", "honour-copula")
_HOST_CUE = _CUES.pattern("host")
_SUBSIDIARY_CUE = _CUES.pattern("subsidiary")
_CONFER_CUE = _CUES.pattern("conferral")
_CHAIN_CUE = _CUES.pattern("chain-leader")
_LEADING_CUE = _CUES.pattern("leading-industry")
_CUSTOMER_OPEN = _CUES.pattern("customer-open")
# what may stand between the buyers and the frame's closing word: 等国内主要厂商的供应链, 累计12万台的定点订单
_CUSTOMER_FRAME_END = re.compile(r"[^，。；;,的“”]{0,12}?的?[\u4e00-\u9fff]{0,4}?(" + _CUES.alternation("customer-close") + ")")
# …都是公司的长期客户 / B也是我们Micro LED芯片的首批客户
_CUSTOMER_AFTER = re.compile(
    r"(?:都|均|也|皆)?(?:是|为|系)(公司|其|该公司|本公司|我们)?(?:[^，。；;,]{0,16}?的|的)?"
    r"(?:长期|主要|核心|重要|稳定|战略|优质|首批|首家|第一批|第一大|最大)?(?:合作)?客户"
)
_BARE_COMPANY = re.compile(r"^(?:[^，,]{0,10}[，,])?(?:本公司|公司)(?!的?(?:全资|控股)?子公司)")
# what stands between an honour's holder and the honour: the close of a quoted project (“X”项目，), a date, an adverb,
# a passive agent, the award verb
_AWARDED_GAP = re.compile(
    r"[”」]?(?:项目|成果|课题)?[，,]?\s*(?:于?(?:19|20)\d{2}年(?:\d{1,2}月)?(?:\d{1,2}日)?)?[，,]?(?:已|也|还|又|先后|成功|正式|再次|首次|同时|均|都|双双|一同|相继)*"
    r"(?:被[^，。；;、]{0,24}?)?" + _CUES.alternation("honour") + r"(?:为|了)?(?:\d{4}年度?)?"
)
_PARENT_OF = re.compile(r"^(?:的)?" + _CUES.alternation("subsidiary"))
_PARK_HAS = re.compile(r"(?:内|里)?(?:[\u4e00-\u9fff]{2,8}?(?:产业|行业))?(?:现|已|先后|陆续|相继|累计|共|还|也|目前)*" + _CUES.alternation("park-has"))
# 区内集聚了A、B… / 园内拥有…: a sentence opening with the bare word for "inside the park" (no park named)
_INSIDE_OPENING = re.compile(r"^(?:[^，,]{0,12}?[，,])?(?:区内|园内|园区内)")
_AT_PARK_ACT = re.compile(r"^(?:[一二三四五六七八九十\d]期|[东西南北中]区|核心区)?(?:内|里)?" + _CUES.alternation("park-act"))  # 在P二期开工 / 在P东区新建
_PARK_BUILDS_INSIDE = re.compile(r"^(?:内|中)[^，。；]{0,16}?" + _CUES.alternation("park-builds") + "(?:了)?")
_SUB_PARK_CUE = re.compile(_CUES.alternation("sub-parks") + r"(?=[^，。；]*(?:园|区|城))")
# …投资建设X / 其投资的X / 公司(总)投资3.2亿元(建设)的X / X项目由A投资，
_UNDERTAKE_CUE = re.compile(
    "(?:" + _CUES.alternation("undertake") + r"|投资(?=的|[，,。；;]|$)|总?投资[\d.,]+\s*[亿万]?元(?:建设)?(?=的))"
)
_HONOUR_LISTED = re.compile(_CUES.alternation("honour-listed") + r"[^。；]{0,12}?" + _CUES.alternation("list-intro") + r"[：:]?")
_HOST_BASIS = re.compile(_CUES.alternation("host-basis") + r"([^，。；]{2,30}?)" + _CUES.alternation("founding"))
# 实验室(就)设在公司研发中心: the platform sits on the premises of the firm named after the cue;
# 联盟秘书处设在P管委会: a secretariat may sit in a park's committee
_SEATED_AT = re.compile(r"(?:实验室|中心|平台|研究院|工作站|(秘书处))(?:就|将|则|也)?" + _CUES.alternation("host-seat") + r"([^，。；]{2,20})")
_OPERATED_BY = re.compile(r"由([^，。；]{2,40}?)(?:负责)?" + _CUES.alternation("operated"))
# a sentence about the park already named (该园区以…为主导产业，下辖…)
_PARK_ANAPHOR = re.compile(r"^(?:[^，,]{0,12}?[，,])?(?:该园区|本园区|该区|园区|全区)(?!内|企业)")
# a chain already named (该产业链以A为链主; 链主企业A… opening the sentence)
_CHAIN_ANAPHOR = re.compile(r"(?:该|本|此|这条)(?:产业链|链)|^[“]?$")
_CONFERS = re.compile(r"(?:正式|近日|日前|今年|首次)?(?:公布|认定|授予|颁发|发布|评选|命名|批准|印发|授牌)")
_CUSTOMER_CUE = re.compile(
    r"(?:主要)?(?:合作)?" + _CUES.alternation("customer") + r"|(?:批量|长期|稳定)?供应(?!商)(?=[\u4e00-\u9fff]{2,}(?:有限公司|集团))|"
    + _CUES.alternation("customer-weak")
)


@dataclass(frozen=True)
class _Ctx:
    sentence: Sentence
    mentions: tuple[Mention, ...]
    topic: Mention | None

    def rel(self, m: Mention) -> int:
        return m.start - self.sentence.start

    def rel_end(self, m: Mention) -> int:
        return m.end - self.sentence.start

    def between(self, a: Mention, b: Mention) -> str:
        return self.sentence.text[self.rel_end(a) : self.rel(b)]


_CLAUSE_START = re.compile(r"[，,；;：:。！？]")


def _is_topic_candidate(m: Mention, text: str, offset: int) -> bool:
    """Can ``m`` be what the clause is about? Not inside 位于…的 / 走进… / 与…."""
    if m.cls not in ACTORS:
        return False
    before = text[max(0, offset - 4) : offset]
    if _LOCATIVE_BEFORE.search(before):
        return False
    starts = [c.end() for c in _CLAUSE_START.finditer(text, 0, offset)]
    clause = text[starts[-1] if starts else 0 : offset]
    cue = None
    for cue in _LOCATED_CUE.finditer(clause):
        pass
    if cue is None:
        cue = re.search(r"(?:走进|来到|在|通过|向|对|为|给|由|被|经|进入|打入|切入)(?=[^的]*$)", clause)
    return cue is None or "的" in clause[cue.end() :]


#: the last (sentences, mentions, topics) of :func:`sentence_topics` (relations and observations ask for the same)
_LAST_TOPICS: tuple[object, object, tuple[Mention | None, ...]] = (None, None, ())


def sentence_topics(sentences: Sequence[Sentence], mentions: Sequence[Mention]) -> list[Mention | None]:
    """The entity each sentence is about (see :func:`_sentence_topics`).

    Relations and then observations ask this of the same document: when the
    sentences are the very tuple of the last call and the mentions the very
    objects of its tuple, in the same order (a tuple, so unchanged since; the
    observations pass a filtered list that usually drops none), the topics
    found then are given again instead of being found twice.
    """
    global _LAST_TOPICS
    last_sentences, last_mentions, last_topics = _LAST_TOPICS
    if sentences is last_sentences and _same_objects(mentions, last_mentions):
        return list(last_topics)
    topics = _sentence_topics(sentences, mentions)
    if isinstance(sentences, tuple) and isinstance(mentions, tuple):
        _LAST_TOPICS = (sentences, mentions, tuple(topics))
    return topics


def _same_objects(items: Sequence[object], last: object) -> bool:
    """Whether ``items`` holds the very objects of the tuple ``last``, in its order."""
    if items is last:
        return True
    if not isinstance(last, tuple) or len(items) != len(last):
        return False
    return all(a is b for a, b in zip(items, last))


def _most_named_firm(mentions: Sequence[Mention]) -> str | None:
    """The enterprise named most often in the text, at least three times (None on a tie)."""
    counts: dict[str, int] = {}
    for m in mentions:
        if m.cls == "Enterprise":
            counts[m.key] = counts.get(m.key, 0) + 1
    ranked = sorted(counts.values(), reverse=True)
    if not ranked or ranked[0] < 3 or (len(ranked) > 1 and ranked[0] == ranked[1]):
        return None
    return max(counts, key=counts.__getitem__)


_SERVES_US = re.compile(r"[^，,；;。]{0,8}?(?:为|给|向|替|帮)(?:我们|我公司|本公司)")


def _park_modifies_firm(m: Mention, ms: Sequence[Mention], s: Sentence) -> bool:
    """P内的A / P的A / P企业A: a park written as the modifier of the firm right after it."""
    if m.cls != "Park":
        return False
    gap = re.match(r"(?:内|里|中)?的|(?:内|里|中)?的?(?:链主|龙头|骨干|重点|规上|入驻)?企业", s.text[m.end - s.start :])
    return gap is not None and any(o.cls in ORG and o.start == m.end + gap.end() for o in ms)


_SPEECH_FRAME = re.compile(r"^[^，,。；;“”]{1,16}?(?:在[^，,。；;]{1,8}?时)?" + _CUES.alternation("speech") + r"[，,：:]")


def _reported_clause(stripped: str, s: Sentence, ms: Sequence[Mention]) -> str | None:
    """The clause after a speech frame (X介绍，…) when it opens with a named organisation, else None."""
    frame = _SPEECH_FRAME.match(stripped)
    if frame is None:
        return None
    at = s.start + len(s.text) - len(stripped) + frame.end()
    if not any(m.start == at and m.cls in ACTORS for m in ms):
        return None
    return stripped[frame.end() :]


def _buyer_of_clause(text: str, offset: int) -> bool:
    """Is the firm written at ``offset`` the buyer its clause names (…已批量供应B, 客户包括B)?"""
    start = max(text.rfind(c, 0, offset) for c in "，,；;。") + 1
    cue = _CUSTOMER_CUE.search(text, start, min(len(text), offset + 40))  # (the cue may look ahead into the buyer's name)
    return cue is not None and cue.end() <= offset


def _sentence_topics(sentences: Sequence[Sentence], mentions: Sequence[Mention]) -> list[Mention | None]:
    """The entity each sentence is about, carried over where the sentence names none.

    The topic is the first organisation or park mention that is not the
    object of a locative or preposition; a sentence opening with 该企业/其
    keeps the previous topic.
    """
    by_sentence: dict[int, list[Mention]] = {}
    for m in mentions:
        by_sentence.setdefault(m.sentence, []).append(m)
    topics: list[Mention | None] = []
    current: Mention | None = None
    last_firm: Mention | None = None
    first_firm: Mention | None = None
    children: set[str] = set()  # firms introduced as someone's 子公司, or as working for us (A专门为我们生产): never 公司/我们
    own_report = document_company(sentences, mentions, defined=True)
    section_of = items(sentences)  # a section, or one brief of a roundup under its ◆ headline
    most_named = _most_named_firm(mentions)  # a subsidiary the text keeps naming is what its 公司 means
    for s, section in zip(sentences, section_of):
        if s.index > 0 and section != section_of[s.index - 1]:
            current = last_firm = first_firm = None
        ms = by_sentence.get(s.index, [])
        stripped = re.sub(r"^[^，,]{0,12}?(?:年|月|日|以来|来|里|下|中|后|前|时|上|目前|如今|当前|近年来|同时|此外|另外|其中|为此|对此|因此)[，,]", "", s.text)
        topic = None
        reported = _reported_clause(stripped, s, ms)
        if reported is not None:
            stripped = reported  # 企业负责人介绍，A投资…: the sentence is about A, not about the speaker's 企业
        # 该公司 / 其 / 公司 opening the sentence, or its first clause after a time phrase (该公司成立于2016年，是…)
        carry = bool(_CARRY.match(stripped) or (reported is None and _CARRY.match(s.text)))
        if own_report is not None and _REPORT_SELF.match(s.text):
            # a company's own report (prospectus, annual report): 公司/本公司/发行人 is always the issuer
            topic, carry = own_report, True
        elif _OWN_FIRM.match(stripped) and (first_firm is not None or (current is not None and current.cls == "Enterprise")):
            # 公司/我们 (not 该公司): the firm the text is about (the current topic, unless only a subsidiary of it), not the one named last
            own = current is not None and current.cls == "Enterprise" and (current.key not in children or current.key == most_named)
            topic = current if own or first_firm is None else first_firm
            carry = True
        elif carry and last_firm is not None:
            # the company written last, even inside a project's name
            topic = last_firm
        scene = next((m for m in ms if m.cls == "Enterprise" and _SCENE_BEFORE.match(s.text[: m.start - s.start])
                      and _SCENE_AFTER.match(s.text[m.end - s.start :])), None)
        if scene is not None and not carry:
            topic, carry = scene, True  # 在A，一条生产线…。这家企业主要从事…: A is what the paragraph is about
        if not carry:
            for m in ms:
                if any(c.cls == "Project" and c.start <= m.start and m.end <= c.end for c in ms):
                    continue
                if re.search(r"[（(][^）)]*$", s.text[: m.start - s.start]):
                    continue  # an alias in brackets is not what the sentence is about
                if any(c is not m and c.cls in ACTORS and c.start <= m.start and m.end <= c.end and (c.end - c.start) > (m.end - m.start) for c in ms):
                    continue
                after = re.sub(r"^[（(][^）)]{0,60}[）)]", "", s.text[m.end - s.start :])  # A（English name）旗下B
                if re.match(r"^(?:旗下|下属|所属)", after) or _PARENT_OF.match(after):
                    continue  # A全资子公司B…: the sentence is about B
                if _park_modifies_firm(m, ms, s):
                    continue  # 园区内的A是…: the park only says where A is; the sentence is about A
                if m.cls == "GovernmentBody" and _CONFERS.match(s.text, m.end - s.start):
                    continue  # 工业和信息化部公布…名单，A获评H: the conferrer frames the news; the sentence is about A
                off = m.start - s.start
                if _CUSTOMER_CUE.search(s.text[max(0, s.text.rfind("，", 0, off), s.text.rfind(",", 0, off)) : off]):
                    continue  # 产品已发往A / 客户包括A: a buyer, not what the sentence is about
                if _is_topic_candidate(m, s.text, off):
                    topic = m
                    break
        if topic is not None:
            current = topic
            if first_firm is None and topic.cls == "Enterprise":
                first_firm = topic
        topics.append(current)
        children |= {m.key for m in ms if m.cls == "Enterprise" and _CHILD_BEFORE.search(s.text[: m.start - s.start])}
        children |= {m.key for m in ms if m.cls == "Enterprise" and _SERVES_US.match(s.text, m.end - s.start)}
        firms = [m for m in ms if m.cls == "Enterprise" and not s.text.endswith(("与", "和", "给", "包括", "客户", "是"), 0, m.start - s.start)
                 and not _buyer_of_clause(s.text, m.start - s.start)]  # 产品已批量供应B。该公司…: 该公司 is the seller
        if firms:
            last_firm = firms[0] if topic is not None and topic.cls == "Enterprise" and firms[0].key == topic.key else firms[-1]
    return topics


def infer_industry(texts: Sequence[str], lex: Lexicon) -> str | None:
    """The dictionary industry whose keywords the texts mention most (ties: dictionary order).

    Examples
    --------
    >>> infer_industry(["嘉博制药"], load_lexicon())
    '生物医药'
    """
    best, best_score = None, 0
    for ind in lex.industries:
        score = sum(t.count(k) * len(k) for t in texts for k in ind.keywords)
        if score > best_score:
            best, best_score = ind.zh, score
    return best


#: the rule names of industries no sentence names, and how each was supplied (kept on the relation as its inference)
_INFERRED_INDUSTRY = {
    "industry:from-name": "industry inferred from the enterprise's name",
    "industry:from-words": "industry inferred from the sentence's words",
}


def _add(out: list[Relation], ctx: _Ctx, s: Mention, p: str, o: Mention, rule: str, **kw) -> None:
    """One relation read in ``ctx``'s sentence; an end found in another sentence is kept as support,
    an end no sentence names (an inferred industry) as the relation's inference."""
    if s.key == o.key:
        return
    here = ctx.sentence.index
    local = [m for m in (s, o) if m.sentence == here] or [s, o]  # the evidence span stays in the sentence cited
    a = min(m.start for m in local)
    b = max(m.end for m in local)
    support = tuple(sorted({m.sentence for m in (s, o) if m.sentence != here}))
    inference = next((_INFERRED_INDUSTRY[m.rule] for m in (s, o) if m.rule in _INFERRED_INDUSTRY), None)
    out.append(Relation(s.key, p, o.key, here, a, b, rule, support=support, inference=inference, **kw))


def _inferred_industry(firm: Mention, text: str, sentence: int, lex: Lexicon) -> Mention | None:
    """The industry a firm's name (嘉博制药) or, failing that, its sentence's words point to, as a mention no text names."""
    industry, how = infer_industry([firm.name, firm.key], lex), "industry:from-name"
    if industry is None:
        industry, how = infer_industry([text], lex), "industry:from-words"
    if industry is None:
        return None
    return Mention(industry, "Industry", firm.start, firm.end, sentence, how, canonical=industry)


def _sentence_year(text: str) -> int | None:
    m = YEAR_RE.search(text)
    return int(m.group(1)) if m else None


@dataclass(frozen=True)
class _Doc:
    """What a rule may know beyond its sentence: the document so far.

    ``last_*`` are the things the previous sentences named last (for 该专利,
    该项目 …); ``chain_context`` says the previous sentence spoke of chain
    leaders (so 例如，A… names one); ``main_park`` / ``main_firm`` are what the
    whole document is about.
    """

    lex: Lexicon
    all_mentions: tuple[Mention, ...] = ()
    last_patent: Mention | None = None
    last_project: Mention | None = None
    last_honour: Mention | None = None
    last_platform: Mention | None = None
    chain_context: bool = False
    chain_park: Mention | None = None
    main_park: Mention | None = None
    main_firm: Mention | None = None
    last_industry: Mention | None = None
    prev_topic: Mention | None = None
    last_pair: tuple[Mention, Mention] | None = None
    own_firm: Mention | None = None  # the issuer of a company's own report (see tables.document_company)
    record_firm: Mention | None = None  # the firm of the last record line 公司名称：A (its 注册地址 line follows)
    last_site: Mention | None = None  # the park the previous sentence placed a firm in (入驻的还有A goes on from it)
    own_school: Mention | None = None  # the university a text written as 我校/本校 speaks for

    def sole_park(self) -> Mention | None:
        """The main park when the document is about it (named more than once; a city's
        chain meeting names a park in passing)."""
        if self.main_park is None:
            return None
        named = sum(1 for m in self.all_mentions if m.key == self.main_park.key)
        return self.main_park if named >= 2 else None

    def park_before(self) -> Mention | None:
        """The park a sentence opening with 该园区/园区 means: the previous sentence's, else the document's."""
        if self.prev_topic is not None and self.prev_topic.cls == "Park":
            return self.prev_topic
        return self.main_park


Rule = Callable[[_Ctx, _Doc], list[Relation]]
#: The relation rules, in the order they run: name → function(sentence context, document memory).
RULES: dict[str, Rule] = {}
#: What a sentence must hold before each rule can find anything there (rules without an entry always run).
NEEDS: dict[str, tuple[Need, ...]] = {}


def rule(name: str, needs: Sequence[Need] = ()) -> Callable[[Rule], Rule]:
    """Register a relation rule under ``name`` (its family); rules run in registration order.

    ``needs`` are the conditions without which the rule finds nothing (its
    cue families, the classes of mention it relates): a sentence that fails
    one is not shown to the rule at all. Write only what the rule's code
    implies, so that skipping it changes nothing.
    """

    def register(fn: Rule) -> Rule:
        if name in RULES:
            raise ValueError(f"relation rule {name!r} registered twice")
        RULES[name] = fn
        if needs:
            NEEDS[name] = tuple(needs)
        return fn

    return register


def _actors(ctx: _Ctx) -> list[Mention]:
    return [m for m in ctx.mentions if m.cls in ACTORS]


@rule("adjacent-parks", needs=[has("Park")])
def adjacent_parks(ctx: _Ctx, doc: _Doc) -> list[Relation]:
    """Names written together: park+park → partOf; park+company (P企业X, P的X) → locatedIn."""
    out: list[Relation] = []
    ms = ctx.mentions
    outer: dict[int, Mention] = {}
    for m in ms:
        if m.start not in outer or m.end > outer[m.start].end:
            outer[m.start] = m
    heads = sorted(outer.values(), key=lambda m: m.start)
    heads = [m for m in heads if not any(o.start < m.start and m.end <= o.end for o in heads)]
    for a, b in zip(heads, heads[1:]):
        gap = ctx.between(a, b)
        if a.cls == "Park" and b.cls == "Park" and gap == "":
            _add(out, ctx, b, "partOf", a, "partOf:adjacent")
        elif a.cls in ORG - {"GovernmentBody"} and b.cls == "Park" and gap in ("（", "(") and re.match(r"[）)]", ctx.sentence.text[ctx.rel_end(b) :]):
            _add(out, ctx, a, "locatedIn", b, "locatedIn:A（P）")  # A（P）: the park written in brackets after the firm
        elif a.cls == "Park" and b.cls in ORG - {"GovernmentBody"} and re.fullmatch(r"(?:内)?的?(?:链主|龙头|骨干|重点|规上|入驻)?(?:企业)?的?", gap):
            # 园区龙头企业A、B和C / 高新区的A和B: every firm of the list the park word modifies
            later = [m for m in heads if m.start >= b.start and m.cls == b.cls]
            for firm in _coordinated_right(ctx, later):
                _add(out, ctx, firm, "locatedIn", a, "locatedIn:adjacent")
    return out


# 有4家(企业)迁入P / 其中3家已入驻P: the clause's subject is a count of unnamed firms
_COUNTED_SUBJECT = re.compile(r"(?:\d+|[一二三四五六七八九十两]+)(?:家|个)(?:企业|公司|项目)?(?:已|先后|陆续|均|都)*$")
# 计划落户 / 拟入驻 / 将于明年进驻: the settling verb states a plan
_PLANNED_JUST_BEFORE = re.compile("(?:" + _CUES.alternation("planned") + r")(?:于[^，,；;。]{0,8}?)?(?:在)?(?:正式|整体|全面)?$")
_SITE_BEFORE = re.compile(_CUES.alternation("project-site") + "$")


@rule("located-cue", needs=[cue_family("located"), has("Park")])
def located_cue(ctx: _Ctx, doc: _Doc) -> list[Relation]:
    """X 位于/落户/入驻 P (the chain of parks right after the cue), P的X after the cue."""
    out: list[Relation] = []
    s, text, ms, topic = ctx.sentence, ctx.sentence.text, ctx.mentions, ctx.topic
    for cue in _LOCATED_CUE.finditer(text):
        parks = [m for m in ms if m.cls == "Park" and ctx.rel(m) >= cue.end() and ctx.rel(m) - cue.end() <= 12]
        if not parks or _SITE_BEFORE.search(text, 0, cue.start()):
            continue  # 建设地点位于P: the project's site (rule project-site), not the clause's firm
        # the chain of parks right after the cue: 清远高新区雄兴工业园
        chain = [parks[0]]
        for p in parks[1:]:
            if ctx.rel(p) == ctx.rel_end(chain[-1]):
                chain.append(p)
        if _known_park_at(ctx, doc, ctx.rel_end(chain[-1])) is not None:
            continue  # 位于P光电信息园: the sub-park (named elsewhere) is where X is; rule located-known-park
        after = text[ctx.rel_end(chain[-1]) :]
        located = None
        sub_area = re.match(r"^(?:核心区|内|片区|[东西南北中]区|园区)?(?=的)", after)
        if sub_area:
            after = after[sub_area.end() :]
        if after.startswith("的"):
            nxt = [m for m in ms if m.cls in ORG | {"Platform", "Project"} and ctx.rel(m) >= ctx.rel_end(chain[-1])]
            nxt = [m for m in nxt if ctx.rel(m) - ctx.rel_end(chain[-1]) - (sub_area.end() if sub_area else 0) <= 2]
            located = max(nxt, key=lambda m: m.end - m.start) if nxt else None
        if located is None:
            before = [m for m in ms if m.cls in ORG | {"Project", "Platform"} and m.end - s.start <= cue.start()
                      and not _PARENT_OF.match(text[ctx.rel_end(m) :])]  # X孵化器位于P; A是B的全资子公司，落户P: A
            located = before[-1] if before else topic
            if before and topic is not None and topic.cls in ORG and re.search(r"[，,；;]", text[ctx.rel_end(before[-1]) : cue.start()]):
                # A是B的控股子公司，去年落户园区: the clause's subject is the sentence's, not the firm named last
                located = topic
        if located is not None and located.cls != "Park" and _PLANNED_JUST_BEFORE.search(text, 0, cue.start()):
            continue  # A计划落户P / 拟入驻P: a plan, not where A is
        if _COUNTED_SUBJECT.search(text, 0, cue.start()):
            continue  # 有4家迁入P: firms counted, not named, settle there
        if located is not None and located.cls != "Park":
            listed = _list_ending_at(ctx, located) if located.sentence == s.index and not re.search(r"[，,；;]", text[ctx.rel_end(located) : cue.start()]) else [located]
            for firm in listed:  # A、B等20余家企业已入驻园区: every firm of the list
                for p in _named_parts(chain):
                    _add(out, ctx, firm, "locatedIn", p, f"locatedIn:{cue.group()}")
    return out


def _list_ending_at(ctx: _Ctx, last: Mention) -> list[Mention]:
    """The mentions of ``last``'s class joined to it by 、/和/及/与, in text order, ending with ``last``
    (an alias in brackets right after a name is skipped, not a member)."""
    text = ctx.sentence.text
    same = [m for m in ctx.mentions if m.cls == last.cls and m.end <= last.start
            and not any(o is not m and o.start <= m.start and m.end <= o.end for o in ctx.mentions)]
    chain = [last]
    for m in reversed(same):
        gap = re.sub(r"^[（(][^）)]{0,20}[）)]", "", text[ctx.rel_end(m) : ctx.rel(chain[0])])
        if gap in ("、", "和", "及", "与", "以及"):
            chain.insert(0, m)
        elif m.end > chain[0].start:
            continue
        else:
            break
    return chain


def _named_parts(chain: Sequence[Mention]) -> Sequence[Mention]:
    """The parks a located cue places X in: the whole chain (清远高新区雄兴工业园), but not the bare word
    园区 before a part's own name (位于园区光伏材料片区: X is in the part; the part is partOf the park)."""
    if len(chain) > 1 and chain[0].rule.startswith("anaphor"):
        return chain[1:]
    return chain


def _known_park_at(ctx: _Ctx, doc: _Doc, pos: int) -> Mention | None:
    """A park the text named elsewhere (a sub-park listed once, 光电信息园) written at ``pos`` but not recognised here."""
    text = ctx.sentence.text
    if any(m.cls == "Park" and ctx.rel(m) == pos for m in ctx.mentions):
        return None
    names = [m for m in doc.all_mentions if m.cls == "Park" and len(m.name) >= 4 and text.startswith(m.name, pos)]
    return max(names, key=lambda m: len(m.name)) if names else None


@rule("located-known-park", needs=[any_of(cue_family("located"), word("在"))])
def located_known_park(ctx: _Ctx, doc: _Doc) -> list[Relation]:
    """X位于(园区|P)Q / X在Q投产, Q a park named elsewhere in the text but not recognised in this sentence."""
    out: list[Relation] = []
    text, ms, topic = ctx.sentence.text, ctx.mentions, ctx.topic
    for cue in list(_LOCATED_CUE.finditer(text)) + list(re.finditer(r"在", text)):
        pos = cue.end()
        lead = [m for m in ms if m.cls == "Park" and ctx.rel(m) == pos]
        if lead:
            pos = ctx.rel_end(max(lead, key=lambda m: m.end - m.start))
        elif text.startswith("园区", pos):
            pos += 2
        park = _known_park_at(ctx, doc, pos)
        if park is None:
            continue
        after = text[pos + len(park.name) :]
        if cue.group() == "在":
            act = _AT_PARK_ACT.match(after) or re.match(r"^(?:正式|全面|顺利)(?:投产|开工|运营)", after)
            if not act:
                continue
        before = [m for m in ms if m.cls in ORG | {"Project", "Platform"} and ctx.rel_end(m) <= cue.start()
                  and not re.search(r"[，,；;]", text[ctx.rel_end(m) : cue.start()].replace("）", "").replace("（", ""))]
        subject = before[-1] if before else (topic if topic is not None and topic.cls in ORG and cue.group() != "在" else None)
        if subject is not None and not _PLANNED_JUST_BEFORE.search(text, 0, cue.start()):
            _add(out, ctx, subject, "locatedIn", park, "locatedIn:known-park")
    return out


_NUMERALS = {c: i for i, c in enumerate("一二三四五六七八九十", 1)} | {"两": 2}
# 三个项目…均将落地P / 上述两个项目均选址P: the projects just listed are all in P
_PROJECTS_ALL_AT = re.compile(r"([一二三四五六七八九两])个项目[^，。；;]{0,20}?[，,]?(?:均|全部|都)(?:将|已)?(?:(?:" + _CUES.alternation("located") + r"|落地)(?:于|在|到)?|在)$")  # 两个项目都在园区北区


# (同月)入驻的还有A(、B) / 落户园区的还有A: more firms settled where the sentence before placed one
_ALSO_SETTLED = re.compile(r"(?:" + _CUES.alternation("located") + r")(?:的|了的)?(?:企业|公司)?(?:还有|也有|另有)$")


@rule("also-settled", needs=[cue_family("located"), has("Enterprise")])
def also_settled(ctx: _Ctx, doc: _Doc) -> list[Relation]:
    """(同月)入驻的还有A、B: the firms listed after 的还有 settled in the park the previous sentence placed a firm in."""
    out: list[Relation] = []
    if doc.last_site is None:
        return out
    text = ctx.sentence.text
    firms = [m for m in ctx.mentions if m.cls == "Enterprise" and not _inside_other(m, ctx.mentions)]
    for i, firm in enumerate(firms):
        if _ALSO_SETTLED.search(text, 0, ctx.rel(firm)):  # the list's first firm stands right after 的还有
            for member in _coordinated_right(ctx, firms[i:]):
                _add(out, ctx, member, "locatedIn", doc.last_site, "locatedIn:的还有")
    return out


def _site_placed(found: Sequence[Relation], ms: Sequence[Mention]) -> Mention | None:
    """The park the last locatedIn read in a sentence places an enterprise in (a mention of that sentence)."""
    firms = {m.key for m in ms if m.cls == "Enterprise"}
    for r in reversed(found):
        if r.predicate == "locatedIn" and r.subject in firms:
            return next((m for m in ms if m.key == r.object and m.cls == "Park"), None)
    return None


@rule("projects-all-at", needs=[word("个项目"), has("Park")])
def projects_all_at(ctx: _Ctx, doc: _Doc) -> list[Relation]:
    """N个项目…均落地/选址P: the last N projects named before are in P."""
    out: list[Relation] = []
    text = ctx.sentence.text
    for p in [m for m in ctx.mentions if m.cls == "Park"]:
        cue = _PROJECTS_ALL_AT.search(text[: ctx.rel(p)])
        if cue is None:
            continue
        named: dict[str, Mention] = {}
        for m in doc.all_mentions:
            if m.cls == "Project" and m.end <= ctx.sentence.start + cue.start():
                named.pop(m.key, None)
                named[m.key] = m  # the order of last naming
        for m in list(named.values())[-_NUMERALS[cue.group(1)] :]:
            _add(out, ctx, m, "locatedIn", p, "locatedIn:N个项目均落地P")
    return out


_PROJECT_SITE = re.compile(_CUES.alternation("project-site") + r"(?:位于|为|在|设在|选在)?[：:]?")


@rule("project-site", needs=[cue_family("project-site"), has("Park")])
def project_site(ctx: _Ctx, doc: _Doc) -> list[Relation]:
    """建设地点位于P / 建设地点：P: the project spoken of (named before in the sentence, else last) is in P and its sub-area."""
    out: list[Relation] = []
    text, ms = ctx.sentence.text, ctx.mentions
    for cue in _PROJECT_SITE.finditer(text):
        chain = [m for m in ms if m.cls == "Park" and ctx.rel(m) == cue.end()]
        if not chain:
            continue
        for p in ms:
            if p.cls == "Park" and ctx.rel(p) == ctx.rel_end(chain[-1]):
                chain.append(p)
        projects = [m for m in ms if m.cls == "Project" and ctx.rel_end(m) <= cue.start()]
        project = projects[-1] if projects else doc.last_project
        if project is not None:
            for p in chain:
                _add(out, ctx, project, "locatedIn", p, "locatedIn:建设地点")
    return out


_ADDRESS_FIELD = re.compile(r"^\s*(?:[\d一二三四五六七八九十]+\s*[、.．]\s*)?" + _CUES.alternation("address-field") + r"\s*[：:]")


_ADMIN_UNIT = re.compile(r"(?<=[\u4e00-\u9fff]{2})[省市县]")


def _named_elsewhere(doc: _Doc, park: Mention) -> Mention:
    """The park as the text names it elsewhere: an address spells the units out (九江市湖口县…园 for 九江湖口…园),
    a later line shortens the name (航空产业园 for 株洲天元群丰通用航空产业园, when only one park ends so)."""
    bare = _ADMIN_UNIT.sub("", park.key)
    for m in doc.all_mentions:
        if m.cls == "Park" and m.key != park.key and _ADMIN_UNIT.sub("", m.key) == bare:
            return m
    longer = {m.key: m for m in doc.all_mentions if m.cls == "Park" and m.key != park.key and m.key.endswith(park.key)}
    return next(iter(longer.values())) if len(longer) == 1 and len(park.key) >= 5 else park


@rule("registered-address", needs=[cue_family("address-field"), has("Park")])
def registered_address(ctx: _Ctx, doc: _Doc) -> list[Relation]:
    """注册地址：…P… in a company's record (公司名称：A above): A is in P, the innermost park the address names."""
    out: list[Relation] = []
    field = _ADDRESS_FIELD.match(ctx.sentence.text)
    firm = doc.record_firm
    if field is None or firm is None or firm.cls not in ORG - {"GovernmentBody"}:
        return out
    parks = [m for m in ctx.mentions if m.cls == "Park" and ctx.rel(m) >= field.end()]
    if parks:  # an address runs from the province down: its last park is where the firm is
        inner = _named_elsewhere(doc, max(parks, key=lambda m: (m.start, m.end)))
        _add(out, ctx, firm, "locatedIn", inner, "locatedIn:注册地址")
    return out


_PERSON_FIELD = re.compile(r"^\s*(?:[\d一二三四五六七八九十]+\s*[、.．]\s*)?(" + _CUES.alternation("record-person") + r")\s*[：:]\s*")


@rule("record-person", needs=[cue_family("record-person"), has("Person")])
def record_person(ctx: _Ctx, doc: _Doc) -> list[Relation]:
    """法定代表人：张三 in a company's record (公司名称：A above): 张三 is A's, in that role."""
    out: list[Relation] = []
    field = _PERSON_FIELD.match(ctx.sentence.text)
    firm = doc.record_firm
    if field is None or firm is None:
        return out
    person = next((m for m in ctx.mentions if m.cls == "Person" and ctx.rel(m) == field.end()), None)
    if person is not None:
        _add(out, ctx, person, "affiliatedWith", firm, "affiliatedWith:record", role=field.group(1))
    return out


@rule("park-holds", needs=[has("Park", "Project")])
def park_holds(ctx: _Ctx, doc: _Doc) -> list[Relation]:
    """P内的X, P引进的X, P拥有A、B: the things a park holds; a park topic's projects."""
    out: list[Relation] = []
    text, ms, topic = ctx.sentence.text, ctx.mentions, ctx.topic
    for p in [m for m in ms if m.cls == "Park"]:
        inside = re.match(r"^(?:核心区|内|里|中)?的|^(?:内|里)[，,]", text[ctx.rel_end(p) :])  # P内的X / P内，X…
        if inside and re.match(r"^(?:核心区|内|里|中)", text[ctx.rel_end(p) :]):
            nxt = [m for m in ms if m.cls in ORG | {"Platform", "Project"} and 0 <= ctx.rel(m) - (ctx.rel_end(p) + inside.end()) <= 2]
            if nxt:
                first = max((m for m in nxt if m.start == nxt[0].start), key=lambda m: m.end - m.start)
                for m in [first] + [x for x in _coordinated_right(ctx, nxt)[1:]]:
                    _add(out, ctx, m, "locatedIn", _named_elsewhere(doc, p), "locatedIn:P内的X")
        brought = re.match(r"^(?:新)?(?:引进|培育|孵化)的", text[ctx.rel_end(p) :])
        if brought:
            subj = [m for m in ms if m.cls == "Enterprise" and ctx.rel_end(m) <= ctx.rel(p)]
            if subj:
                _add(out, ctx, subj[-1], "locatedIn", p, "locatedIn:P引进的")
        hm = _PARK_HAS.match(text[ctx.rel_end(p) :])
        if hm:
            _firms_held(out, ctx, p, ctx.rel_end(p) + hm.end())
    if topic is not None and topic.cls == "Park" and not any(m.cls == "Park" and m.key != topic.key for m in ms):
        for proj in [m for m in ms if m.cls == "Project"]:
            _add(out, ctx, proj, "locatedIn", topic, "locatedIn:park-project")
    return out


# A、B等园区企业 / A和B等高新区重点企业 / A等3家区内企业: the closing head noun says the listed firms are the park's
_PARK_FIRMS_CLOSE = re.compile(
    r"等(?:\d+|[一二两三四五六七八九十]+)?(?:余|多)?(?:家)?(?:园区|区内|园内|高新区|开发区|经开区)(?:内)?的?"
    r"(?:重点|骨干|龙头|规上|入驻|优质|链主|领军|代表性)?(?:企业|公司)"
)


@rule("listed-park-firms", needs=[word("等"), has("Enterprise")])
def listed_park_firms(ctx: _Ctx, doc: _Doc) -> list[Relation]:
    """A、B等园区企业: each firm of a list that closes with the park word and 企业 is in the park the text
    speaks of (the park named before in the sentence, else the one spoken of last)."""
    out: list[Relation] = []
    text = ctx.sentence.text
    firms = [m for m in ctx.mentions if m.cls == "Enterprise"]
    for close in _PARK_FIRMS_CLOSE.finditer(text):
        last = next((m for m in reversed(firms) if ctx.rel_end(m) == close.start()), None)
        if last is None:
            continue
        named = [m for m in ctx.mentions if m.cls == "Park" and ctx.rel_end(m) <= ctx.rel(last) and not m.rule.startswith("anaphor")]
        park = named[-1] if named else doc.park_before()
        if park is None:
            continue
        for firm in _list_ending_at(ctx, last):
            _add(out, ctx, firm, "locatedIn", park, "locatedIn:等园区企业")
    return out


_SERVES_CUE = _CUES.pattern("platform-serves")
_PLATFORM_OPENING = re.compile(r"^(?:[^，,]{0,12}?[，,])?(?:该|这一|此)?(?:平台|中心|实验室|基地|孵化器|研究院)(?![的和与、])")


@rule("platform-serves-industry", needs=[cue_family("platform-serves"), has("Industry")])
def platform_serves_industry(ctx: _Ctx, doc: _Doc) -> list[Relation]:
    """X中心…面向A和B两个产业开展服务 / 该平台围绕A产业…: the platform (named in the sentence before the cue,
    or the one named last when the sentence opens with 该中心/平台) works in each industry of the cue's clause."""
    out: list[Relation] = []
    text, ms = ctx.sentence.text, ctx.mentions
    for cue in _SERVES_CUE.finditer(text):
        _a, b = _clause_span(text, cue.end())
        inds = [m for m in ms if m.cls == "Industry" and cue.end() <= ctx.rel(m) and ctx.rel_end(m) <= b]
        if not inds or _PLAN_CUE.search(text, _a, cue.start()):
            continue
        named = [m for m in ms if m.cls == "Platform" and ctx.rel_end(m) <= cue.start()]
        platform = named[-1] if named else (doc.last_platform if _PLATFORM_OPENING.match(text) else None)
        if platform is None:
            continue
        for ind in inds:
            _add(out, ctx, platform, "inIndustry", ind, f"inIndustry:{cue.group()}")
    return out


@rule("inside-park-firms", needs=[cue_family("park-has"), has("Enterprise")])
def inside_park_firms(ctx: _Ctx, doc: _Doc) -> list[Relation]:
    """区内集聚了A、B等企业 / 园内拥有A: a sentence opening with "inside the park" and naming no park
    speaks of the park the text is about (the one spoken of last); the firms it holds are in it."""
    out: list[Relation] = []
    text = ctx.sentence.text
    opening = _INSIDE_OPENING.match(text)
    if opening is None or any(m.cls == "Park" and ctx.rel(m) < opening.end() for m in ctx.mentions):
        return out
    park = doc.park_before()
    hm = _PARK_HAS.match(text, opening.end())
    if park is not None and hm and not _PLAN_CUE.search(text, 0, hm.end()):
        _firms_held(out, ctx, park, hm.end())
    return out


def _firms_held(out: list[Relation], ctx: _Ctx, park: Mention, start: int) -> None:
    """The firms named after a park's 拥有/集聚/引进 (from ``start`` to the clause's end) are in the park."""
    text = ctx.sentence.text
    for m in ctx.mentions:
        if ctx.rel(m) < start or m.cls != "Enterprise":
            continue
        if re.search(r"[，。；;]", text[start : ctx.rel(m)]):
            break
        _add(out, ctx, m, "locatedIn", park, "locatedIn:park拥有")


# …，是园区海洋生物产业的骨干企业 / 是P新材料产业链的链主企业: the sentence's firm is one of the park's
# 是园区首家上市企业 / 成为园区第5家上市企业: a count of the park's firms
_PARK_MEMBER = re.compile(
    r"[^，,；;。]{0,16}?(?:骨干|重点|龙头|链主|规上|领军|代表性)企业|的?(?:首家|第[一二三四五六七八九十\d]+家)[^，,；;。]{0,8}?(?:企业|公司)"
)


@rule("park-member", needs=[has("Park")])
def park_member(ctx: _Ctx, doc: _Doc) -> list[Relation]:
    """A…，是园区X产业的骨干企业: A is in the park."""
    out: list[Relation] = []
    text, topic = ctx.sentence.text, ctx.topic
    for p in [m for m in ctx.mentions if m.cls == "Park"]:
        if not re.search(r"(?:^|[，,])?(?:也|还|已)?(?:是|为|系|成为)$", text[: ctx.rel(p)]) or not _PARK_MEMBER.match(text, ctx.rel_end(p)):
            continue
        firms = [m for m in ctx.mentions if m.cls == "Enterprise" and ctx.rel_end(m) <= ctx.rel(p)]
        firm = topic if topic is not None and topic.cls == "Enterprise" else (firms[0] if firms else None)
        if firm is not None:
            _add(out, ctx, firm, "locatedIn", p, "locatedIn:是园区…企业")
    return out


_INSIDE_FIRM = re.compile(r"(?:^|[，,；;。：:])(?:比如|例如|譬如|像)?(?:该园区|园区内?|园内|区内)(?:的)?(?:重点|龙头|骨干|规上|入驻)?(?:企业|公司)$")


@rule("park-firm", needs=[has("Enterprise")])
def park_firm(ctx: _Ctx, doc: _Doc) -> list[Relation]:
    """园内企业X / (比如)园区企业X with no park named: X is in the park the text speaks of."""
    out: list[Relation] = []
    text, ms, topic = ctx.sentence.text, ctx.mentions, ctx.topic
    for m in [m for m in ms if m.cls == "Enterprise"]:
        if not _INSIDE_FIRM.search(text[: ctx.rel(m)]) or any(p.cls == "Park" and p.end <= m.start for p in ms):
            continue
        park = topic if topic is not None and topic.cls == "Park" else doc.park_before()
        if park is not None:
            _add(out, ctx, m, "locatedIn", park, "locatedIn:园内企业")
    return out


_GO_TO = re.compile(r"(?:到|赴|深入|来到|走进)$")
_VISIT = _CUES.pattern("visit")
_VISITED_LIST = re.compile(r"(?:先后|相继|分别|实地|重点)*" + _CUES.alternation("visit") + r"(?:了)?$")


@rule("visited-firms", needs=[cue_family("visit"), has("Park"), has("Enterprise")])
def visited_firms(ctx: _Ctx, doc: _Doc) -> list[Relation]:
    """到P调研，先后走访A、B、C三家企业: the firms a visit to the park calls on are in the park."""
    out: list[Relation] = []
    text, ms = ctx.sentence.text, ctx.mentions
    for p in [m for m in ms if m.cls == "Park"]:
        if not _GO_TO.search(text[: ctx.rel(p)]) or not _VISIT.match(text, ctx.rel_end(p)):
            continue
        later = [m for m in ms if ctx.rel(m) >= ctx.rel_end(p)]
        for i, m in enumerate(later):
            if m.cls == "Park":
                break  # another park: the visit went on elsewhere
            if m.cls == "Enterprise" and _VISITED_LIST.search(text, ctx.rel_end(later[i - 1]) if i else ctx.rel_end(p), ctx.rel(m)):
                stop = re.compile(r"[，,；;。]").search(text, ctx.rel(m))
                end = stop.start() if stop else len(text)  # the list runs to the clause's end (A、B、C 3家企业)
                for f in later[i:]:
                    if f.cls == "Enterprise" and ctx.rel_end(f) <= end:
                        _add(out, ctx, f, "locatedIn", p, "locatedIn:到P走访")
                break
    return out


_NEW_CHILD = re.compile(r"(?<=设立|成立|注册|组建)(?:成立|设立)?(?:了|的)?(?:一家)?(?:全资|控股)?子公司")  # 注册成立全资子公司B / 在P设立的全资子公司B


@rule("located-at", needs=[has("Park")])
def located_at(ctx: _Ctx, doc: _Doc) -> list[Relation]:
    """在P，X… (the sentence's subject is in P); X在P开工/揭牌; 在P投资建设X."""
    out: list[Relation] = []
    text, ms = ctx.sentence.text, ctx.mentions
    lead = re.match(r"^(?:[^，,]{0,8}?[，,])?在", text)
    for p in [m for m in ms if m.cls == "Park"]:
        before = text[: ctx.rel(_park_word_before(ctx, p))]
        after = text[ctx.rel_end(p) :]
        if not before.endswith("在"):
            continue
        verb = re.match(r"^(?:内|里|中)?(?:，|,)", after)
        if verb and lead is not None and lead.end() == ctx.rel(p):
            subj = [m for m in ms if m.cls in ORG | {"Project", "Platform"} and ctx.rel(m) >= ctx.rel_end(p)]
            for member in _settled_list(ctx, subj):
                _add(out, ctx, member, "locatedIn", p, "locatedIn:在P，")
            continue
        act = _AT_PARK_ACT.match(after)
        if not act:
            continue
        obj = [m for m in ms if m.cls in ("Project", "Platform") and ctx.rel(m) == ctx.rel_end(p) + act.end()]
        child = _NEW_CHILD.match(text, ctx.rel_end(p) + act.end())
        if child:  # A在P设立了全资子公司B: B is the one in P
            obj = [m for m in ms if m.cls == "Enterprise" and ctx.rel(m) == child.end()]
        if obj:
            _add(out, ctx, obj[0], "locatedIn", p, "locatedIn:在P建设X")
            continue
        subj = [m for m in ms if m.cls in ORG | {"Project", "Platform"} and ctx.rel_end(m) <= ctx.rel(p) - 1
                and not any(o is not m and o.start <= m.start and m.end <= o.end for o in ms)]
        if (subj and ctx.topic is not None and ctx.topic.cls in ORG and re.search(r"[，,；;]", text[ctx.rel_end(subj[-1]) : ctx.rel(p)])
                and re.search(r"(?:是|系)[^，,；;]*$", text[: ctx.rel(subj[-1])])):
            subj = [ctx.topic]  # A是B的控股子公司，去年在园区追加投资: B only completes 是; the subject is A
        if (not subj and ctx.topic is not None and ctx.topic.cls in ORG - {"GovernmentBody"}
                and _CARRY.match(text[max(text.rfind(c, 0, ctx.rel(p)) for c in "，,；;。") + 1 :])):
            subj = [ctx.topic]  # 企业毕业后在P租用厂房 / 该公司在P投资建设: the firm the sentence carries over
        if subj and _FOUNDERS_OF.search(text[ctx.rel_end(subj[-1]) : ctx.rel(p)]):
            subj = []  # 由A牵头、联合B等单位组建的X联盟在P成立: the firms only found X, which is in P
        if not [m for m in ms if m.cls == "Project"] and _BARE_PROJECT.match(text) and doc.last_project is not None:
            subj = [doc.last_project]  # ——A公司X项目。项目总投资32亿元，在P东区新建…: the project just named
        if subj:
            _add(out, ctx, subj[-1], "locatedIn", p, "locatedIn:X在P" + act.group())
    return out


def _settled_list(ctx: _Ctx, subj: Sequence[Mention]) -> list[Mention]:
    """The subject of 在P，X… : X alone, or, when X opens a 、/和 list of its class whose clause closes with a
    settling verb and names no other place (在P，A、B和C等企业已相继落户), every firm of the list."""
    if not subj:
        return []
    text = ctx.sentence.text
    chain = _coordinated_right(ctx, [m for m in subj if m.cls == subj[0].cls and not _inside_other(m, subj)])
    if len(chain) == 1:
        return chain
    _a, b = _clause_span(text, ctx.rel_end(chain[-1]))
    rest = text[ctx.rel_end(chain[-1]) : b]
    cue = None
    for cue in _LOCATED_CUE.finditer(rest):
        pass
    if cue is None or not _SETTLED_CLOSE.fullmatch(rest, cue.end()) or any(m.cls == "Park" and ctx.rel(m) >= ctx.rel_end(chain[-1]) for m in ctx.mentions):
        return chain[:1]
    return chain


# what may follow a settling verb that closes its clause: 落户 / 入驻了 / 落户于此 / 落户这里
_SETTLED_CLOSE = re.compile(r"(?:了|于此|在此|这里|此地|园区)?")


def _inside_other(m: Mention, ms: Sequence[Mention]) -> bool:
    """Whether ``m`` is a name written inside a longer mention of ``ms``."""
    return any(o is not m and o.start <= m.start and m.end <= o.end for o in ms)


def _park_word_before(ctx: _Ctx, p: Mention) -> Mention:
    """The bare word 园区 written right before the part ``p`` (在园区锂电材料专业园投产), else ``p`` itself:
    where the phrase naming the place starts."""
    return next((m for m in ctx.mentions if m.cls == "Park" and m.end == p.start and m.rule.startswith("anaphor")), p)


_BARE_PROJECT = re.compile(r"^(?:该)?项目(?!名称|单位|建设地点)")
_FOUNDERS_OF = re.compile(r"^[^，,；;。]*?" + _CUES.alternation("founding") + r"的[\u4e00-\u9fff“”]{2,}")


@rule("sub-parks", needs=[has("Park")])
def sub_parks(ctx: _Ctx, doc: _Doc) -> list[Relation]:
    """P内建设Q; P下辖A、B和C: sub-parks are partOf the park."""
    out: list[Relation] = []
    text, ms, topic = ctx.sentence.text, ctx.mentions, ctx.topic
    for p in [m for m in ms if m.cls == "Park"]:
        inner = _PARK_BUILDS_INSIDE.match(text[ctx.rel_end(p) :])
        if inner:
            for q in ms:
                if q.cls == "Park" and ctx.rel(q) >= ctx.rel_end(p) + inner.end() and ctx.rel(q) - ctx.rel_end(p) - inner.end() <= 2:
                    _add(out, ctx, q, "partOf", p, "partOf:P内建设")
    for cue in _SUB_PARK_CUE.finditer(text):
        owner = [m for m in ms if m.cls == "Park" and ctx.rel_end(m) <= cue.start()]
        if not owner and _PARK_ANAPHOR.match(text):
            owner = [m for m in [doc.park_before()] if m is not None]
        owner_m = owner[0] if owner else (topic if topic is not None and topic.cls == "Park" else None)
        if owner_m is None:
            continue
        for m in ms:
            if ctx.rel(m) < cue.end():
                continue
            if re.search(r"[，。；]", text[cue.end() : ctx.rel(m)]):
                break
            if m.cls == "Park" and m.key != owner_m.key:
                _add(out, ctx, m, "partOf", owner_m, f"partOf:{cue.group()}")
    return out


# A、B和C三个专业园 / A和B两大片区: a list closed by its own count and the kind of part
_COUNTED_PARTS = re.compile(r"(?:等)?([一二三四五六七八九十两])(?:个|大)(?:" + _CUES.alternation("part-kind") + ")")
_LIST_JOINER_END = re.compile(r"(?:、|和|及|与|以及)$")


@rule("counted-parts", needs=[cue_family("part-kind"), has("Park")])
def counted_parts(ctx: _Ctx, doc: _Doc) -> list[Relation]:
    """(P|园区)A、B和C三个专业园: when the parks listed before 「N个片区/专业园…」 are exactly N, each is partOf
    the park written right before the list (the bare word 园区: the park the text speaks of), else the park the
    sentence names first. A listed name the sentence does not recognise counts when the text named it elsewhere."""
    out: list[Relation] = []
    text = ctx.sentence.text
    for cue in _COUNTED_PARTS.finditer(text):
        parts = _parks_listed_before(ctx, doc, cue.start())
        if len(parts) != _NUMERALS[cue.group(1)] or len(parts) < 2:
            continue
        owner = _owner_before_list(ctx, doc, ctx.rel(parts[0]), parts)
        for part in parts:
            if owner is not None:
                _add(out, ctx, part, "partOf", owner, "partOf:N个专业园")
    return out


def _parks_listed_before(ctx: _Ctx, doc: _Doc, end: int) -> list[Mention]:
    """The parks of the 、/和 list that ends at ``end``, in text order (a park the sentence does not recognise but
    the text named elsewhere is taken at its place here)."""
    text = ctx.sentence.text
    parts: list[Mention] = []
    pos = end
    while True:
        here = [m for m in ctx.mentions if m.cls == "Park" and ctx.rel_end(m) == pos and not m.rule.startswith("anaphor")]
        if not here:
            known = [m for m in doc.all_mentions if m.cls == "Park" and len(m.name) >= 4 and text.endswith(m.name, 0, pos)]
            here = [dataclasses.replace(m, sentence=ctx.sentence.index, start=ctx.sentence.start + pos - len(m.name),
                                        end=ctx.sentence.start + pos) for m in known]
        if not here:
            return parts
        m = min(here, key=lambda x: x.start)
        parts.insert(0, m)
        joiner = _LIST_JOINER_END.search(text, 0, ctx.rel(m))
        if joiner is None:
            return parts
        pos = joiner.start()


def _owner_before_list(ctx: _Ctx, doc: _Doc, start: int, parts: Sequence[Mention]) -> Mention | None:
    """The park a list of parts (starting at ``start``) belongs to: a park or the bare word 园区 right before it,
    else the first park the sentence names before the list."""
    keys = {p.key for p in parts}
    before = [m for m in ctx.mentions if m.cls == "Park" and ctx.rel_end(m) <= start and m.key not in keys]
    adjacent = [m for m in before if ctx.rel_end(m) == start]
    if adjacent:
        return adjacent[-1]
    if _PARK_WORD_END.search(ctx.sentence.text, 0, start):
        return _whole_park(ctx, doc, keys)
    return before[0] if before else None


def _whole_park(ctx: _Ctx, doc: _Doc, part_keys: set[str]) -> Mention | None:
    """The park the bare word 园区 before a list of its parts stands for: the one spoken of last, unless that is
    one of the parts (a part is not its own whole); then the first park the text named by name before."""
    spoken = doc.park_before()
    if spoken is not None and spoken.key not in part_keys:
        return spoken
    named = [m for m in doc.all_mentions if m.cls == "Park" and m.sentence <= ctx.sentence.index
             and not m.rule.startswith("anaphor") and m.key not in part_keys]
    return named[0] if named else None


# 园区南片区 / 园区东区: an area named with the bare word 园区 before it is a part of that park
_PARK_WORD_AREA = re.compile(r"^(?:该园区|本园区|园区)(?=[\u4e00-\u9fff]{2,})")


_PARK_WORD_END = re.compile(r"(?:该园区|本园区|园区)$")


def _park_word_written_before(ctx: _Ctx, m: Mention) -> bool:
    """地处园区高性能纤维专业园: the bare word 园区 stands right before the part's own name (no park mention there)."""
    return (_PARK_WORD_END.search(ctx.sentence.text, 0, ctx.rel(m)) is not None
            and not any(o.cls == "Park" and o.end == m.start for o in ctx.mentions))


@rule("park-word-area", needs=[has("Park")])
def park_word_area(ctx: _Ctx, doc: _Doc) -> list[Relation]:
    """园区南片区: the area is partOf the park 园区 stands for (the one named or spoken of last)."""
    out: list[Relation] = []
    for area in [m for m in ctx.mentions if m.cls == "Park" and (_PARK_WORD_AREA.match(m.name) or _park_word_written_before(ctx, m))]:
        named = [m for m in ctx.mentions if m.cls == "Park" and m.key != area.key and ctx.rel_end(m) <= ctx.rel(area) and not m.rule.startswith("anaphor")]
        park = named[-1] if named else doc.park_before()
        if park is not None and park.key != area.key:
            _add(out, ctx, area, "partOf", park, "partOf:园区X区")
    return out


def _topic_firm(ctx: _Ctx) -> Mention | None:
    """The sentence's topic when it is an organisation."""
    return ctx.topic if ctx.topic is not None and ctx.topic.cls in ORG else None


_TIME_WORD = r"(?:今年|去年|年内|目前|近年来|(?:19|20)\d{2}年)?"
_SELF_DOER = re.compile(_TIME_WORD + r"(?:其|该公司|公司|该企业|企业|该集团)(?:已|还|正在|所)?")
# a clause with no subject of its own: only adverbs (已|将|还) or 由其 before the cue
_BARE_PREDICATE = re.compile(r"(?:并|还|也|将|已|同时|主要|具体|正|正在)*(?:由其)?(?:具体|主要)?")


@rule("undertaken-by", needs=[any_of(cue_family("undertake"), word("投资"))])
def undertaken_by(ctx: _Ctx, doc: _Doc) -> list[Relation]:
    """由A投资建设 / A牵头承担“X”项目 / 后者将…投资建设X: the project's undertaker."""
    out: list[Relation] = []
    text, ms = ctx.sentence.text, ctx.mentions
    for cue in _UNDERTAKE_CUE.finditer(text):
        projects = [m for m in ms if m.cls == "Project"]
        after = [m for m in projects if ctx.rel(m) >= cue.end() and ctx.rel(m) - cue.end() <= 40]
        target = after[0] if after else None
        by = re.search(r"由[^，,；;。]*$", text[: cue.start()])
        passive = [m for m in projects if by is not None and ctx.rel_end(m) == by.start()]
        if passive and not re.match(r"^的", text[cue.end() :]):
            target = passive[0]  # X项目由A具体实施: X is the subject, not a project named later
        elif by is not None and re.search(r"(?<![该本此])[\u4e00-\u9fff]{2}项目$", text[: by.start()]):
            # a project named here but not recognised here: one the text named before under that name, else none
            named = [m for m in doc.all_mentions if m.cls == "Project" and text[: by.start()].endswith(m.name)]
            if not named:
                continue
            target = max(named, key=lambda m: len(m.name))
        if target is None:
            prior = [m for m in projects if ctx.rel_end(m) <= cue.start()]
            target = prior[-1] if prior else (doc.last_project if re.search(r"(?:项目|该项目)", text[: cue.start()]) else None)
        if target is None:
            continue
        clause_start = max(text.rfind(c, 0, cue.start()) for c in "，,；;。") + 1
        doers = [m for m in ms if m.cls in ORG and clause_start <= ctx.rel(m) and ctx.rel_end(m) <= cue.start()
                 and not any(o is not m and o.start <= m.start and m.end <= o.end and o.cls != "Project" for o in ms)]
        if re.search(r"后者", text[clause_start : cue.start()]):
            prior_orgs = [m for m in ms if m.cls in ORG and ctx.rel_end(m) <= clause_start]
            doers = prior_orgs[-1:]
        if not doers and _SELF_DOER.fullmatch(text[clause_start : cue.start()]) and _topic_firm(ctx):
            doers = [_topic_firm(ctx)]  # (今年)其投资建设的X项目: the firm the sentence is about
        if not doers and clause_start > 0 and _BARE_PREDICATE.fullmatch(text[clause_start : cue.start()]):
            # …设立的全资子公司B，承担X项目 / …子公司B，由其负责X项目的建设: the clause goes on from the firm ending the one before
            named = [m for m in ms if m.cls in ORG and ctx.rel_end(m) == clause_start - 1]
            doers = named[-1:]
        if doers:
            _add(out, ctx, target, "undertakenBy", doers[-1], f"undertakenBy:{cue.group()}")
    return out


# (A)(正在|拟)(投资12亿元)在P(投资)建设X项目: a clause whose build verb, after the place, opens on the project
_BUILD_AT_PLACE = re.compile(
    r"(?P<subject>[^，,；;。]*?)(?:正在|正|已经|已|将|拟|计划|同时|还|也|并|先后)*(?:投资[\d.,]+\s*[亿万]?元)?"
    r"在[^，,；;。]{1,24}?(?:投资)?(?:" + _CUES.alternation("build-verb") + r")(?:了)?"
)
_SELF_BUILDER = re.compile(r"(?:该公司|公司|该企业|企业|其|该集团|集团)?")


@rule("build-at-place", needs=[word("在"), cue_family("build-verb", "undertake"), has("Project")])
def build_at_place(ctx: _Ctx, doc: _Doc) -> list[Relation]:
    """A在P投资建设X项目 / A是B的子公司，在P建设X项目 / 公司拟投资12亿元在P建设X项目: the enterprise the clause
    is about undertakes the project its build verb opens on — the one named as the clause's subject, else, when
    the clause has none of its own (or only 公司/其), the enterprise the sentence is about."""
    out: list[Relation] = []
    text = ctx.sentence.text
    for proj in [m for m in ctx.mentions if m.cls == "Project"]:
        a, _b = _clause_span(text, ctx.rel(proj))
        built = _BUILD_AT_PLACE.fullmatch(text, a, ctx.rel(proj))
        if built is None:
            continue
        subject = built.group("subject")
        named = [m for m in ctx.mentions if m.cls == "Enterprise" and a <= ctx.rel(m) and ctx.rel_end(m) == a + len(subject)]
        doer = named[-1] if named else None
        if doer is None and _SELF_BUILDER.fullmatch(subject) and ctx.topic is not None and ctx.topic.cls == "Enterprise":
            doer = ctx.topic
        if doer is not None:
            _add(out, ctx, proj, "undertakenBy", doer, "undertakenBy:在P建设X")
    return out


# a plan backing a firm's build: 支持A建设X项目 / 推动A加快实施X项目 — A builds X
_BACKED_BUILD = re.compile(r"(?:加快|尽快|全力)?(?:建设|实施|新建|扩建|投资建设)$")


@rule("backed-builder", needs=[cue_family("policy-support"), has("Project")])
def backed_builder(ctx: _Ctx, doc: _Doc) -> list[Relation]:
    """支持/推动/鼓励A(加快)建设X项目: the firm the plan backs undertakes the project."""
    out: list[Relation] = []
    text, ms = ctx.sentence.text, ctx.mentions
    for proj in [m for m in ms if m.cls == "Project"]:
        verb = _BACKED_BUILD.search(text, 0, ctx.rel(proj))
        if verb is None:
            continue
        firms = [m for m in ms if m.cls in ORG - {"GovernmentBody"} and ctx.rel_end(m) == verb.start()]
        if firms and re.search(_CUES.alternation("policy-support") + "$", text[: ctx.rel(firms[0])]):
            _add(out, ctx, proj, "undertakenBy", firms[0], "undertakenBy:支持A建设X")
    return out


# X项目｜投资方：A / X项目（建设单位：A） / 项目名称：X；实施主体：A — a labelled field names the undertaker
_PROJECT_OWNER = re.compile(r"(?:^|(?<=[｜|，,（(；;\s的])|(?<=项目))" + _CUES.alternation("project-owner") + r"\s*(?:为|是)?\s*[：:]?\s*")


@rule("project-owner", needs=[cue_family("project-owner"), has("Project")])
def project_owner(ctx: _Ctx, doc: _Doc) -> list[Relation]:
    """X项目｜投资方：A, X项目（建设单位：A）: the organisation filling the label undertakes the project before it."""
    out: list[Relation] = []
    text, ms = ctx.sentence.text, ctx.mentions
    for cue in _PROJECT_OWNER.finditer(text):
        if not re.search(r"[：:为是]\s*$", cue.group()):
            continue  # a bare 建设单位 in prose is no label
        orgs = [m for m in ms if m.cls in ORG and ctx.rel(m) == cue.end()]
        if not orgs:
            continue
        org = max(orgs, key=lambda m: m.end - m.start)
        projects = [m for m in ms if m.cls == "Project" and ctx.rel_end(m) <= cue.start()]
        if projects:
            _add(out, ctx, projects[-1], "undertakenBy", org, f"undertakenBy:{cue.group().strip()}")
    return out


# A的X项目 / AX项目 / 公司X项目: a firm's own project (a plan is still the firm's)
_OWNER_BEFORE = re.compile(r"的?$")
_SELF_OWNER = re.compile(r"(?:^|[，,；;：:])(?:[^，,；;：:]{0,12}?[，,])?(?:本公司|公司|我公司)的?$")


@rule("owner-project", needs=[has("Project")])
def owner_project(ctx: _Ctx, doc: _Doc) -> list[Relation]:
    """A的X项目, AX项目, (本)公司X项目: the project is the named firm's (or the report's issuer's) undertaking."""
    out: list[Relation] = []
    text, ms = ctx.sentence.text, ctx.mentions
    for proj in [m for m in ms if m.cls == "Project"]:
        before = text[: ctx.rel(proj)]
        gap = 1 if before.endswith("的") else 0
        owners = [m for m in ms if m.cls in ORG - {"GovernmentBody"} and ctx.rel_end(m) == ctx.rel(proj) - gap
                  and not (m.start <= proj.start and proj.end <= m.end)]
        if owners:
            owner = max(owners, key=lambda m: m.end - m.start)
        elif _SELF_OWNER.search(before):
            owner = doc.own_firm or _topic_firm(ctx)
        else:
            continue
        if owner is not None:
            _add(out, ctx, proj, "undertakenBy", owner, "undertakenBy:A的X项目")
    return out


_SIGNED = re.compile(r"(?:与|和|同)([^，,；;。]{2,30}?)(?:正式|成功|现场)?" + _CUES.alternation("signing") + r"(?!仪式)")


@rule("signed-project", needs=[cue_family("signing"), has("Project")])
def signed_project(ctx: _Ctx, doc: _Doc) -> list[Relation]:
    """A与管委会签约，…X项目落户P / A与园区签约X项目: the one firm that signs with the park's side undertakes the project."""
    out: list[Relation] = []
    text, ms = ctx.sentence.text, ctx.mentions
    for cue in _SIGNED.finditer(text):
        if _MAKE_UNMET.search(text, max(text.rfind(c, 0, cue.start()) for c in "，,；;。") + 1, cue.start()):
            continue  # 拟与园区签约: not signed yet
        sides = [m for m in ms if cue.start(1) <= ctx.rel(m) and ctx.rel_end(m) <= cue.end(1)]
        if not sides or any(m.cls not in ("GovernmentBody", "Park") for m in sides):
            continue  # a firm signing with a firm is cooperation, not an investment
        firms = [m for m in ms if m.cls == "Enterprise" and ctx.rel_end(m) <= cue.start()]
        firms = [m for m in firms if not any(o is not m and o.start <= m.start and m.end <= o.end for o in firms)]
        if len(firms) != 1:
            continue  # several signers: which project is whose is said elsewhere (分别…)
        for proj in [m for m in ms if m.cls == "Project" and ctx.rel(m) >= cue.end()]:
            owner = [m for m in ms if m.cls in ORG and m.end == proj.start - (1 if text[ctx.rel(proj) - 1 : ctx.rel(proj)] == "的" else 0)]
            if owner or proj.start <= firms[0].start:
                continue  # B的X项目: B's, not the signer's
            _add(out, ctx, proj, "undertakenBy", firms[0], "undertakenBy:签约")
    return out


_DONE_BY = re.compile(_CUES.alternation("project-done") + r"的[“「]?$")
_SELF_WORD = re.compile(r"(?:本公司|公司|我们|我公司)")


@rule("project-done", needs=[has("Project")])
def project_done(ctx: _Ctx, doc: _Doc) -> list[Relation]:
    """由公司牵头，联合B完成的“X”项目 / 我们和B合作完成的“X”项目: every party undertook X."""
    out: list[Relation] = []
    text, ms, topic = ctx.sentence.text, ctx.mentions, ctx.topic
    for proj in [m for m in ms if m.cls == "Project"]:
        before = text[: ctx.rel(proj)]
        if not _DONE_BY.search(before):
            continue
        start = max(before.rfind(c) for c in "。；;") + 1
        doers = [m for m in ms if m.cls in ORG and start <= ctx.rel(m) and ctx.rel_end(m) <= ctx.rel(proj)]
        self_firm = doc.own_firm or (topic if topic is not None and topic.cls in ORG and topic not in doers else None)
        if _SELF_WORD.search(before[start:]) and self_firm is not None:
            doers.insert(0, self_firm)  # 由公司牵头: the report's issuer, else the firm the text is about
        for d in doers:
            _add(out, ctx, proj, "undertakenBy", d, "undertakenBy:完成")
    return out


# an industry opening the sentence or a clause as its frame: 智能装备领域，… / 在人工智能赛道，…
_INDUSTRY_LEAD_BEFORE = re.compile(r"(?:^|[，,；;。])(?:在)?$")
_INDUSTRY_LEAD = re.compile(r"^(?:产业|行业)?(?:领域|赛道|板块)(?:方面)?[，,]")
# 是园区海洋生物产业的骨干企业 / 是我省生物医药行业的重点企业 (not 龙头/链主: chain leaders have their own rule)
_INDUSTRY_MEMBER = re.compile(r"^(?:产业|行业|领域)的?(?:骨干|重点|代表性|领军|代表)?(?:企业|公司)")


@rule("firm-industry", needs=[has("Industry")])
def firm_industry(ctx: _Ctx, doc: _Doc) -> list[Relation]:
    """这家…的电子信息企业 / X是一家新材料企业: the topic firm is in that industry."""
    out: list[Relation] = []
    text, ms, topic = ctx.sentence.text, ctx.mentions, ctx.topic
    for ind in [m for m in ms if m.cls == "Industry"]:
        before, after = text[: ctx.rel(ind)], text[ctx.rel_end(ind) :]
        lead = _INDUSTRY_LEAD.match(after) if _INDUSTRY_LEAD_BEFORE.search(before) else None
        if lead:
            # 智能装备领域，A研制的… / 在人工智能赛道，成立五年的A…: the clause's subject works in it
            # (a 龙头/链主 there is the chain-leader rule's)
            firms = [m for m in ms if m.cls == "Enterprise" and re.fullmatch(r"(?:[^，,；;。]{0,12}的)?", text[ctx.rel_end(ind) + lead.end() : ctx.rel(m)] if ctx.rel(m) >= ctx.rel_end(ind) + lead.end() else "x")]
            if firms and not _CHAIN_CUE.search(text):
                _add(out, ctx, firms[0], "inIndustry", ind, "inIndustry:X领域，A")
            continue
        if topic is not None and topic.cls == "Enterprise" and re.search(r"是[^，,；;。]{0,6}$", before) and _INDUSTRY_MEMBER.match(after):
            _add(out, ctx, topic, "inIndustry", ind, "inIndustry:是X产业的骨干企业")
            continue
        if topic is not None and topic.cls == "Enterprise":
            if re.match(r"^(?:产业)?(?:的)?(?:企业|公司|厂商)", after) and re.search(r"(?:这家|该|是一家|一家|作为)", before):
                _add(out, ctx, topic, "inIndustry", ind, "inIndustry:X企业")
            elif re.search(r"属于$", before) and re.match(r"^(?:产业|行业|领域)", after):
                _add(out, ctx, topic, "inIndustry", ind, "inIndustry:属于X产业")
    return out


# the head an industry names a kind of firm with: 集成电路设计企业 / 新能源汽车零部件配套企业 / 光伏行业骨干企业
_INDUSTRY_FIRM_HEAD = re.compile(r"(?:产业|行业)?(?:设计|制造|研发|生产|配套|服务)?(?:骨干|重点|代表性|领军)?(?:企业|公司|厂商)")
_LIST_CLOSE_BEFORE = re.compile(r"等(?:(?:\d+|[一二两三四五六七八九十]+)(?:余|多)?家)?$")


@rule("industry-kind-firms", needs=[has("Enterprise")])
def industry_kind_firms(ctx: _Ctx, doc: _Doc) -> list[Relation]:
    """An industry naming a kind of firm: 集成电路设计企业A (the firm written right after it) and A、B和C等新材料企业
    (every firm of the list the kind closes) are in that industry."""
    out: list[Relation] = []
    text, ms = ctx.sentence.text, ctx.mentions
    firms = [m for m in ms if m.cls == "Enterprise" and not _inside_other(m, ms)]
    # an industry named elsewhere is looked for only where a kind of firm is written (…企业, …厂商)
    elsewhere = _industries_named_elsewhere(ctx, doc) if "企业" in text or "厂商" in text else []
    for ind in [m for m in ms if m.cls == "Industry"] + elsewhere:
        head = _INDUSTRY_FIRM_HEAD.match(text, ctx.rel_end(ind))
        if head is None:
            continue
        named_after = [m for m in firms if ctx.rel(m) == head.end()]
        for firm in _coordinated_right(ctx, named_after) if named_after else []:
            _add(out, ctx, firm, "inIndustry", ind, "inIndustry:X企业A")
        close = _LIST_CLOSE_BEFORE.search(text, 0, ctx.rel(ind))
        last = [m for m in firms if close is not None and ctx.rel_end(m) == close.start()]
        if last and not firm_list_is_subject(text, close.start(), [(ctx.rel(m), ctx.rel_end(m)) for m in firms]):
            last = []  # 供货给A、B等电池企业: the kind of the buyers, not of firms the clause is about
        for firm in _list_ending_at(ctx, last[0]) if last else []:
            _add(out, ctx, firm, "inIndustry", ind, "inIndustry:等X企业")
    return out


#: the last document's industry mentions, one per name (asked once per sentence; found once per document)
_LAST_INDUSTRIES: tuple[object, tuple[Mention, ...]] = (None, ())


def _document_industries(all_mentions: tuple[Mention, ...]) -> tuple[Mention, ...]:
    """One industry mention per name the document reads (two characters or more)."""
    global _LAST_INDUSTRIES
    if _LAST_INDUSTRIES[0] is not all_mentions:
        named = {m.name: m for m in all_mentions if m.cls == "Industry" and len(m.name) >= 2}
        _LAST_INDUSTRIES = (all_mentions, tuple(named.values()))
    return _LAST_INDUSTRIES[1]


def _industries_named_elsewhere(ctx: _Ctx, doc: _Doc) -> list[Mention]:
    """The industries the text names elsewhere, written in this sentence where no mention reads them (集成电路 of
    集成电路设计企业), each taken at its place here."""
    text, here = ctx.sentence.text, ctx.sentence
    seen = {m.name for m in ctx.mentions if m.cls == "Industry"}
    out: list[Mention] = []
    for m in _document_industries(doc.all_mentions):
        if m.name in seen or m.sentence == here.index:
            continue
        at = text.find(m.name)
        while at >= 0:
            if not any(ctx.rel(o) <= at < ctx.rel_end(o) for o in ctx.mentions):
                out.append(dataclasses.replace(m, sentence=here.index, start=here.start + at, end=here.start + at + len(m.name)))
            at = text.find(m.name, at + 1)
    return out


@rule("co-filed-patent", needs=[cue_family("cofile")])
def co_filed_patent(ctx: _Ctx, doc: _Doc) -> list[Relation]:
    """A 与 B 联合申报的“P”: both are applicants and co-filers."""
    out: list[Relation] = []
    text, ms, topic = ctx.sentence.text, ctx.mentions, ctx.topic
    actors = _actors(ctx)
    for cue in _COFILE_CUE.finditer(text):
        left = [m for m in actors if ctx.rel_end(m) <= cue.start()]
        patents = [m for m in ms if m.cls == "Patent" and ctx.rel(m) >= cue.end()]
        if not patents:  # 双方…形成的发明专利“P”以两家单位名义共同申请: the patent named before the cue
            patents = [m for m in ms if m.cls == "Patent" and ctx.rel_end(m) <= cue.start()][-1:]
        pairs = _parties(ctx, left, cue.start(), doc) or _both_sides(ctx, doc, cue.start())
        pairs = [(x, y) for x, y in pairs if _partnership_pair(x, y)]
        for x, y in pairs:
            _add(out, ctx, x, "coFiledPatentWith", y, f"coFiledPatentWith:{cue.group()}")
        applicants = list(dict.fromkeys(m for pair in pairs for m in pair)) or ([topic] if topic else [])
        for p in patents[:1]:
            for x in applicants:
                _add(out, ctx, p, "applicant", x, f"applicant:{cue.group()}")
    return out


@rule("co-owned-patent", needs=[cue_family("cofile-after"), has("Patent")])
def co_owned_patent(ctx: _Ctx, doc: _Doc) -> list[Relation]:
    """A与B联合研发的“P”…，双方为共同专利权人: the pair before P co-filed it."""
    out: list[Relation] = []
    text, ms = ctx.sentence.text, ctx.mentions
    for cue in _COFILE_AFTER.finditer(text):
        segment = max(text.rfind(c, 0, cue.start()) for c in "；;。") + 1
        patents = [m for m in ms if m.cls == "Patent" and segment <= ctx.rel(m) and ctx.rel_end(m) <= cue.start()]
        if not patents:
            continue
        pat = patents[-1]
        verb = re.search(r"(?:联合研发|共同研发|合作研发|研发|研制|开发)?的[“「]?$", text[: ctx.rel(pat)])
        if verb is None:
            continue
        pairs = _parties(ctx, [m for m in _actors(ctx) if segment <= ctx.rel(m) and ctx.rel_end(m) <= verb.start()], verb.start(), doc)
        for x, y in pairs:
            _add(out, ctx, x, "coFiledPatentWith", y, "coFiledPatentWith:共同专利权人")
        for x in dict.fromkeys(m for pair in pairs for m in pair):
            _add(out, ctx, pat, "applicant", x, "applicant:共同专利权人")
    return out


# A的“P”获得授权: the firm whose patent was granted applied for it
_OWNED_PATENT = re.compile(r"的(?:发明专利)?[“「]$")
# 其“P”获得授权 / 公司的“P”获授权: the patent of the organisation the text is about
_SELF_PATENT = re.compile(r"(?:^|[，,；;：:])(?:[^，,；;。]{0,10}?[，,])?(?:其|该公司|公司|本公司|该企业|该院)的?(?:发明专利)?[“「]$")
_PATENT_GRANTED = re.compile(r"[”」]?(?:[^，。；;]{0,12}?)(?:获得|获)(?:国家知识产权局|国家)?(?:发明专利)?授权")


@rule("patent-applicant", needs=[has("Patent")])
def patent_applicant(ctx: _Ctx, doc: _Doc) -> list[Relation]:
    """(由A)申请的“P”: one applicant."""
    out: list[Relation] = []
    text, ms, topic = ctx.sentence.text, ctx.mentions, ctx.topic
    for pat in [m for m in ms if m.cls == "Patent"]:
        # (联合研发的P names two applicants: rule co-filed-patent)
        alone = re.search(r"(?:由([^，。；]{0,30}?))?(?:独立|自主|单独)?(?<!联合)(?<!共同)(?<!合作)(?:申请|申报|研发|研制)的(?:发明)?(?:专利)?[“「]?$", text[: ctx.rel(pat)])
        clause_start = max(text.rfind(c, 0, ctx.rel(pat)) for c in "；;。") + 1  # 共同申请的P1…；公司独立申请的P2: P2 has one applicant
        if alone and not _COFILE_CUE.search(text, clause_start, ctx.rel(pat)):
            filers = [m for m in ms if m.cls in ORG and alone.start(1) >= 0 and alone.start(1) <= ctx.rel(m) and ctx.rel_end(m) <= alone.end(1)] if alone.group(1) else []
            if not alone.group(1):  # A独立申请的P: the firm written right before the verb
                filers = [m for m in ms if m.cls in ORG and ctx.rel_end(m) == alone.start() and ctx.rel(m) >= clause_start]
            filer = filers[0] if filers else (topic if topic is not None and topic.cls in ORG else None)
            if filer is not None:
                _add(out, ctx, pat, "applicant", filer, "applicant:申请的")
        owned = _OWNED_PATENT.search(text, 0, ctx.rel(pat))
        if owned and _PATENT_GRANTED.match(text, ctx.rel_end(pat)):
            owners = [m for m in ms if m.cls in ORG and ctx.rel_end(m) == owned.start()]
            if owners:
                _add(out, ctx, pat, "applicant", owners[0], "applicant:A的P获得授权")
        elif (_SELF_PATENT.search(text, 0, ctx.rel(pat)) and _PATENT_GRANTED.match(text, ctx.rel_end(pat))
              and topic is not None and topic.cls in ORG - {"GovernmentBody"}):
            _add(out, ctx, pat, "applicant", topic, "applicant:其P获得授权")
    return out


@rule("co-built-platform", needs=[any_of(word("联合"), cue_family("cobuild", "co-found"), has("Platform"))])
def co_built_platform(ctx: _Ctx, doc: _Doc) -> list[Relation]:
    """A 与 B 共建 X: the parties co-build (who hosts X needs its own cue: 依托A, 设在A)."""
    out: list[Relation] = []
    text = ctx.sentence.text
    actors = _actors(ctx)
    for join in _JOINED_FOUNDING.finditer(text):
        # A（简称…）联合B(等高校)组建X / 并联合B…组建X: A built X with B
        partners = [m for m in actors if join.start(1) <= ctx.rel(m) and ctx.rel_end(m) <= join.end(1)]
        partners = [m for m in partners if not any(o is not m and o.start <= m.start and m.end <= o.end for o in partners)]
        left = [m for m in actors if ctx.rel_end(m) <= join.start()
                and re.fullmatch(r"(?:[（(][^）)]*[）)])?[”\"]?(?:并|还|也|已)?", text[ctx.rel_end(m) : join.start()])]
        led = _LED_BY.search(text, 0, join.start())
        leaders = [m for m in actors if led and led.start(1) <= ctx.rel(m) and ctx.rel_end(m) <= led.end(1)] if not left else []
        subject = left[-1] if left else leaders[-1] if leaders else (
            ctx.topic if ctx.topic is not None and re.search(r"(?:^|[，,；;])(?:并|还|也)?$", text[: join.start()]) else None)
        if subject is not None and any(p.start <= subject.start and subject.end <= p.end for p in partners):
            subject = None  # the topic is the partner itself (or a name inside it), not a second party
        if subject is not None and partners and not _PLANNED_BEFORE.search(text, 0, join.start()):
            for b in _coordinated_right(ctx, partners):
                _add(out, ctx, subject, "coBuiltPlatformWith", b, "coBuiltPlatformWith:联合…组建")
    for p in [m for m in ctx.mentions if m.cls == "Platform" and _JOINT_PLATFORM.search(m.name)]:
        # “A—B联合实验室”: the two names the joint lab is named after built it together, whether the
        # lab's name starts after the dash or holds both names
        if _PLANNING.search(text):
            continue
        inside = re.match(r"^(.{2,30}?)[—－-](.+)$", p.name)
        if inside:
            a = next((m for m in actors if m.name == inside.group(1) or m.key == inside.group(1)), None)
            after = inside.group(2)
        elif re.search(r"[—－-]$", text[: ctx.rel(p)]):
            a = next((m for m in actors if ctx.rel_end(m) == ctx.rel(p) - 1), None)
            after = p.name
        else:
            continue
        b = max((m for m in doc.all_mentions if m.cls in ACTORS and len(m.name) >= 2 and after.startswith(m.name)
                 and len(after) > len(m.name)), key=lambda m: len(m.name), default=None)
        if a is not None and b is not None and a.key != b.key:
            _add(out, ctx, a, "coBuiltPlatformWith", b, "coBuiltPlatformWith:A—B联合实验室")
    joined = [(j.start(), j.end()) for j in _JOINED_FOUNDING.finditer(text)]
    for cue in _COBUILD_CUE.finditer(text):
        if any(a < cue.start() and cue.end() <= b for a, b in joined):
            continue  # (由A牵头，)联合B、C共同组建X: A built X with B and with C (above), B and C are not paired
        if (_PLANNED_BEFORE.search(text, 0, cue.start()) or _PLANNING.search(text, 0, cue.start())
                or _PLANNED_CHAIN.search(text, 0, cue.start())):
            continue  # 双方计划共建 / 将共建 / 支持A与B共建 / 计划…，并与B共建: a plan, not a platform built together
        pairs = (_parties(ctx, [m for m in actors if ctx.rel_end(m) <= cue.start()], cue.start(), doc)
                 or _both_sides(ctx, doc, cue.start()) or _pair_of_clause_before(ctx, doc, cue.start()))
        pairs = _led_pairs(ctx, pairs, cue.start()) or pairs
        for x, y in pairs:
            if _partnership_pair(x, y):
                _add(out, ctx, x, "coBuiltPlatformWith", y, f"coBuiltPlatformWith:{cue.group()}")
    return out


def _led_pairs(ctx: _Ctx, pairs: list[tuple[Mention, Mention]], cue_start: int) -> list[tuple[Mention, Mention]]:
    """由A牵头，B、C参与共建X: the lead unit A built X with B and with C (B and C are not paired)."""
    text = ctx.sentence.text
    led = None
    for led in re.finditer(r"由([^，,。；;]{2,40}?)" + _CUES.alternation("lead-unit") + r"[，,]", text[:cue_start]):
        pass
    if led is None:
        return []
    leaders = [m for m in _actors(ctx) if led.start(1) <= ctx.rel(m) and ctx.rel_end(m) <= led.end(1)]
    members = [m for m in dict.fromkeys(m for pair in pairs for m in pair) if ctx.rel(m) >= led.end()]
    if len(leaders) != 1 or not members:
        return []
    return [(leaders[0], m) for m in members if m.key != leaders[0].key]


_INVESTING = re.compile(_CUES.alternation("investing"))
# the title of a signed agreement that is a deal, not a pact of cooperation (《项目投资协议》, 《入园协议》)
_NOT_PACT = re.compile(_CUES.alternation("agreement-deal"))
_PLANNED_WITH = re.compile(_CUES.alternation("planned") + "(?:与|和|同|跟)")


@rule("cooperation", needs=[cue_family("agreement-sign", "cooperation")])
def cooperation(ctx: _Ctx, doc: _Doc) -> list[Relation]:
    """A与B签署…合作 / A携手B: the parties cooperate."""
    out: list[Relation] = []
    text, ms, topic = ctx.sentence.text, ctx.mentions, ctx.topic
    actors = _actors(ctx)
    for cue in _COOP_CUE.finditer(text):
        if (cue.group() in ("合作", "联合研发", "合作研发", "共同研发") and (_COBUILD_CUE.search(text) or _COFILE_CUE.search(text) or _COFILE_AFTER.search(text))
                and not _TWO_DEEDS.match(text, cue.end())):
            continue  # 合作共建 / 合作申报: the more specific relation says it (合作研发并共同申请 states both)
        # A与B在P签署…: P after 在 is where they signed, not a party
        parties = [m for m in actors if ctx.rel_end(m) <= cue.start() and not text[: ctx.rel(m)].endswith("在")]
        pairs = _parties(ctx, parties, cue.start(), doc) or _both_sides(ctx, doc, cue.start())
        if _MULTI_PACT.search(cue.group()):  # A、B与C签署三方合作协议: one pact of all who signed it
            members = list(dict.fromkeys(m for pair in pairs for m in pair))
            pairs = [(a, b) for i, a in enumerate(members) for b in members[i + 1 :] if a.key != b.key]
        right = [m for m in ms if m.cls in ORG and ctx.rel(m) >= cue.end()]
        if not pairs and right and cue.group() in ("携手", "联合"):
            left = [m for m in actors if ctx.rel_end(m) <= cue.start()]
            subject = left[-1] if left else topic
            if subject is not None:
                pairs = [(subject, b) for b in _coordinated_right(ctx, right)]
        clause = text[max(text.rfind(c, 0, cue.start()) for c in "，,；;。") + 1 : cue.start()]
        if _PLANNED_WITH.search(clause):
            continue  # 还计划与B合作建设…: a plan, not a cooperation
        if clause.endswith("的") and _HISTORY_AFTER.match(text[cue.end() :]):
            continue  # A与B的合作始于2019年: the history of a trade the text tells (B is A's customer), not a pact
        if "《" in cue.group() and _NOT_PACT.search(cue.group()):
            continue  # 签署《项目投资协议》/《入园协议》: an investment, not a cooperation
        if cue.group() in _CUES.words("signing") and _INVESTING.search(text):
            # 与管委会签约，…项目落户: a firm signing an investment with a park is no cooperation
            pairs = [(x, y) for x, y in pairs if not {x.cls, y.cls} & {"Enterprise"} or not {x.cls, y.cls} & {"Park", "GovernmentBody"}]
        for x, y in pairs:
            if _partnership_pair(x, y):
                _add(out, ctx, x, "cooperatesWith", y, f"cooperatesWith:{cue.group()}")
    return out


_ADMINISTRATION = frozenset({"GovernmentBody", "Park"})


def _partnership_pair(x: Mention, y: Mention) -> bool:
    """Can these two be partners? Two administrations (a bureau and a bureau, a park and a committee) acting
    together (联合举办对接会) run the place; a partnership needs a firm, a school or an institute on one side."""
    return not ({x.cls, y.cls} <= _ADMINISTRATION)


# 与我校机电工程学院 / 与学校 / 与该校材料学院团队: a unit of the school the text speaks for stands for the school
_SCHOOL_UNIT = (r"(?:我校|本校|学校|该校)(?:[\u4e00-\u9fff]{2,14}?" + _CUES.alternation("school-unit") + r")?"
                r"(?:[\u4e00-\u9fff]{2,4}?(?:教授|研究员))?(?:团队|课题组)?")
_WITH_SCHOOL = re.compile(r"(?:与|和|同)" + _SCHOOL_UNIT + r"(?:将|已|正式|共同|联合|合作)*")
_SCHOOL_WITH = re.compile(r"(?:^|[，,；;：:])" + _SCHOOL_UNIT + r"(?:也|还|又|已|将|分别|正式)*(?:与|和|同)$")
_SCHOOL_DEEDS = (("coBuiltPlatformWith", _COBUILD_CUE), ("coFiledPatentWith", _COFILE_CUE), ("cooperatesWith", _COOP_CUE))


def _school_deed(text: str, pos: int) -> str | None:
    """The pair relation a cue written at ``pos`` states (共建 → coBuiltPlatformWith …), if any."""
    return next((p for p, cue in _SCHOOL_DEEDS if cue.match(text, pos)), None)


@rule("school-unit-party", needs=[cue_family("school-self"), any_of(cue_family("cobuild", "cofile", "cooperation", "agreement-sign")), has(*ORG)])
def school_unit_party(ctx: _Ctx, doc: _Doc) -> list[Relation]:
    """A与我校X学院共建… / 我校X学院与A、B签署…: the school the text speaks for is the party (a college is not an entity)."""
    out: list[Relation] = []
    text = ctx.sentence.text
    orgs = [m for m in ctx.mentions if m.cls in ORG - {"University"}]
    for a in orgs:  # A与我校X学院 + cue
        w = _WITH_SCHOOL.match(text, ctx.rel_end(a))
        pred = _school_deed(text, w.end()) if w else None
        if pred is None or _PLANNED_BEFORE.search(text, 0, w.end()) or _PLANNING.search(text, 0, ctx.rel(a)):
            continue
        school = _self_party(ctx, doc, {"University"}, [a])
        if school is not None:
            _add(out, ctx, a, pred, school, f"{pred}:与我校…")
    for i, a in enumerate(orgs):  # 我校X学院与A(、B) + cue
        w = _SCHOOL_WITH.search(text, 0, ctx.rel(a))
        if w is None or w.end() != ctx.rel(a) or (i > 0 and ctx.rel_end(orgs[i - 1]) > w.start()):
            continue
        partners = _coordinated_right(ctx, orgs[i:])
        after = re.match(r"(?:将|已|正式|共同|联合|合作)*", text[ctx.rel_end(partners[-1]) :])
        pred = _school_deed(text, ctx.rel_end(partners[-1]) + after.end())
        if pred is None or _PLANNING.search(text, 0, ctx.rel(a)):
            continue
        school = _self_party(ctx, doc, {"University"}, partners)
        for b in partners:
            if school is not None:
                _add(out, ctx, school, pred, b, f"{pred}:我校…与")
    return out


# 田景瑜团队与该公司合作攻关 / 侯芸带领团队为其开发…: a school's researcher and their team work with a firm
_TEAM_WITH = re.compile(r"(?:带领|领衔)?(?:科研|研发|技术)?团队(?:与|和|同|为)(该公司|该企业|其|这家企业)?")
_TEAM_DEED = re.compile(r"(?:[^，。；;,]{0,4}?)(?:合作|联合|共同)?" + _CUES.alternation("team-deed"))


@rule("school-team-works-with", needs=[word("团队"), cue_family("team-deed"), has("Person")])
def school_team_works_with(ctx: _Ctx, doc: _Doc) -> list[Relation]:
    """In a school's own text (我校), 教授X团队与该公司合作攻关 / X带领团队为其开发…: the firm cooperates with the school."""
    out: list[Relation] = []
    school = doc.own_school
    if school is None:
        return out
    text = ctx.sentence.text
    for p in [m for m in ctx.mentions if m.cls == "Person"]:
        team = _TEAM_WITH.match(text, ctx.rel_end(p))
        if team is None:
            continue
        if team.group(1):  # 该公司 / 其: the firm the passage is about
            firm = ctx.topic if ctx.topic is not None and ctx.topic.cls == "Enterprise" else (
                doc.prev_topic if doc.prev_topic is not None and doc.prev_topic.cls == "Enterprise" else None)
            deed_at = team.end()
        else:
            firm = next((m for m in ctx.mentions if m.cls == "Enterprise" and ctx.rel(m) == team.end()), None)
            deed_at = ctx.rel_end(firm) if firm is not None else team.end()
        if firm is None or not _TEAM_DEED.match(text, deed_at) or _PLANNING.search(text, 0, ctx.rel(p)):
            continue
        _add(out, ctx, firm, "cooperatesWith", school, "cooperatesWith:团队与该公司")
    return out


_HISTORY_AFTER = re.compile(r"(?:关系)?(?:最早)?" + _CUES.alternation("history-start"))


# A联合B开设/举办/开展…: doing something together (not founding a platform: rule co-built-platform)
_JOINED_DEED = re.compile(r"(?:共同)?" + _CUES.alternation("joint-deed"))


@rule("joined-deed", needs=[word("联合"), has(*ORG)])
def joined_deed(ctx: _Ctx, doc: _Doc) -> list[Relation]:
    """园区联合B开设订单班 / A联合B举办对接会: the subject (or the park 园区 stands for) cooperates with B."""
    out: list[Relation] = []
    text, ms = ctx.sentence.text, ctx.mentions
    for cue in re.finditer("联合", text):
        partners = [m for m in ms if m.cls in ORG and ctx.rel(m) == cue.end()]
        if not partners:
            continue
        partners = _coordinated_right(ctx, [m for m in ms if m.cls in ORG and ctx.rel(m) >= cue.end()])
        if not _JOINED_DEED.match(text, ctx.rel_end(partners[-1])):
            continue
        clause_start = max(text.rfind(c, 0, cue.start()) for c in "，,；;。") + 1
        subj = [m for m in _actors(ctx) if clause_start <= ctx.rel(m) and ctx.rel_end(m) <= cue.start()]
        self_word = _SELF_SUBJECT.search(text, 0, cue.start())
        subject = subj[0] if subj else None
        if subject is None and self_word is not None and self_word.start(1) >= clause_start:
            w = self_word.group(1)  # 园区联合B…: the park the text speaks for
            subject = _self_party(ctx, doc, _SELF_CLASSES[w], partners, _SELF_BODY_NAME.get(w))
        for b in partners:  # with no subject written (a plan's 联合B、C开设…), no party is guessed
            if subject is not None and subject.key != b.key:
                _add(out, ctx, subject, "cooperatesWith", b, "cooperatesWith:联合…开设")
    return out


_TWO_DEEDS = re.compile(r"(?:并|，并|后)(?:" + _CUES.alternation("cofile", "cobuild") + ")")


_HONOUR_UNMET = re.compile(_CUES.alternation("honour-unmet") + r"[^，,；;。]{0,8}?" + _CUES.alternation("honour") + r"[^，,；;。]{0,16}$")


@rule("honour", needs=[has("Honour")])
def honour(ctx: _Ctx, doc: _Doc) -> list[Relation]:
    """荣获/获评/入选/被认定为 H: the holder (patent, clause subject or topic) received H."""
    out: list[Relation] = []
    text, ms = ctx.sentence.text, ctx.mentions
    year = _sentence_year(text)
    for h in [m for m in ms if m.cls == "Honour"]:
        before = text[: ctx.rel(h)]
        titled = _HOLDER_TITLE.match(text, ctx.rel_end(h))
        if not (_HONOUR_CUE.search(before) or h.rule in ("honour:quoted", "honour:designation") or titled):
            continue
        if titled and not _HONOUR_CUE.search(before):
            person = _pronoun_person(ctx, doc, h)  # …，H获得者: only a person is one
            if person is not None:
                _add(out, ctx, person, "receivedHonour", h, "receivedHonour:获得者", year=_clause_year(text, ctx.rel(h)) or year)
            continue
        if _HONOUR_UNMET.search(before[max(before.rfind(c) for c in "，,；;。") + 1 :]):
            continue  # 力争获评H / 未能入选H: a target or a miss, not an honour held
        holder = _named_holder(ctx, doc, h) or _pronoun_person(ctx, doc, h) or _honour_holder(ctx, h, doc.last_patent)
        if _PRODUCT_HONOUR.search(h.name) and (holder is None or holder.cls != "Product"):
            holder = _product_before(ctx, doc, h) or holder  # X（…，则）入选首台（套）: only a product holds one
        thing = _BARE_THING.match(text)
        if (thing and doc.last_platform is not None and doc.last_platform.name.endswith(thing.group(1))
                and (holder is None or (holder.cls != "Platform" and holder.sentence != ctx.sentence.index))):
            holder = doc.last_platform  # 孵化器2019年被认定为…；…被认定为…: the sentence speaks of the platform named before
        if holder is None:
            continue
        if _PERSON_HONOUR.search(h.name) and holder.cls != "Person":
            continue  # 入选国家“万人计划”领军人才: a talent title is a person's; an organisation guessed for it is wrong
        conferrer = _conferrer(ctx, h)
        if holder.cls == "GovernmentBody" and (holder.key == conferrer or _CONFERS.match(text, ctx.rel_end(holder))):
            continue  # 科技部认定/公布…: the body that confers an honour does not receive it
        hy = _clause_year(text, ctx.rel(h)) or year
        _add(out, ctx, holder, "receivedHonour", h, f"receivedHonour:{h.rule}", year=hy, conferrer=conferrer)
    return out


# A、B等5家单位被授予H: the count and head noun that may close the list of holders
_AWARDEES_CLOSE = re.compile(r"等(?:(?:\d+|[一二两三四五六七八九十]+)(?:家|个|所))?(?:单位|企业|公司|高校|院所)?")


@rule("honour-coordinated", needs=[has("Honour"), has("Enterprise")])
def honour_coordinated(ctx: _Ctx, doc: _Doc) -> list[Relation]:
    """A、B和C（等N家单位）被授予/获评 H: each organisation of the list right before the award holds H."""
    out: list[Relation] = []
    text, ms = ctx.sentence.text, ctx.mentions
    holders = [m for m in ms if m.cls in ACTORS - {"GovernmentBody"}
               and not any(o is not m and o.start <= m.start and m.end <= o.end for o in ms)]
    for h in [m for m in ms if m.cls == "Honour"]:
        if not _HONOUR_CUE.search(text, 0, ctx.rel(h)):
            continue
        last = None
        for m in holders:
            if ctx.rel_end(m) > ctx.rel(h):
                break
            close = _AWARDEES_CLOSE.match(text, ctx.rel_end(m))
            gap_start = close.end() if close else ctx.rel_end(m)
            if _AWARDED_GAP.fullmatch(text, gap_start, ctx.rel(h)):
                last = m
        if last is None:
            continue
        chain = [last]
        for m in reversed(holders[: holders.index(last)]):
            if text[ctx.rel_end(m) : ctx.rel(chain[0])] not in ("、", "和", "及", "以及"):
                break
            chain.insert(0, m)
        clause_start = max(text.rfind(c, 0, ctx.rel(chain[0])) for c in "，,；;。") + 1
        if len(chain) < 2 or _HONOUR_UNMET.search(text, clause_start, ctx.rel(h)) or re.search(r"(?:被|由|与|向)$", text[: ctx.rel(chain[0])]):
            continue
        for m in chain:
            _add(out, ctx, m, "receivedHonour", h, "receivedHonour:A、B获", year=_clause_year(text, ctx.rel(h)) or _sentence_year(text))
    return out


# …名单公布，A、B等3家企业入选 / …名单，A和B均上榜: the list of firms closed by the award verb alone
_AWARDED_AFTER_LIST = re.compile(
    r"(?:等(?:\d+|[一二两三四五六七八九十]+)(?:家|个)(?:企业|公司|单位)?)?(?:均|都|全部|成功|同时|双双)*(?:入选|上榜|榜上有名|获评|获认定|通过认定)(?=[，,。；;]|$)"
)
# H（N家），分别为A和B / 新增H 2家，分别是A、B: the firms counted after the honour, then named
_COUNTED_THEN_NAMED = re.compile(r"^(?:名单)?(?:[（(]?\d+家[）)]?|(?:\d+|[一二两三四五六七八九十]+)家)[，,：:]?(?:分别为|分别是|包括|即|为)[：:]?")


@rule("honour-then-firms", needs=[has("Honour"), has("Enterprise")])
def honour_then_firms(ctx: _Ctx, doc: _Doc) -> list[Relation]:
    """An honour named first, its holders after: 公布H名单，A、B等3家企业入选 / 新增H 2家，分别为A和B →
    each listed firm received H (a target, 力争 or 计划, gives nothing)."""
    out: list[Relation] = []
    text, ms = ctx.sentence.text, ctx.mentions
    firms = [m for m in ms if m.cls == "Enterprise" and not any(o is not m and o.start <= m.start and m.end <= o.end for o in ms)]
    for h in [m for m in ms if m.cls == "Honour"]:
        later = [m for m in firms if m.start >= h.end]
        if not later or _PLAN_CUE.search(text, 0, ctx.rel(h)):
            continue
        listed: list[Mention] = []
        named = _COUNTED_THEN_NAMED.match(text, ctx.rel_end(h))
        if named and ctx.rel(later[0]) == named.end():
            listed = _coordinated_right(ctx, later)
        elif text.startswith("名单", ctx.rel_end(h)):
            for cue in _AWARDED_AFTER_LIST.finditer(text, ctx.rel_end(h)):
                last = next((m for m in reversed(later) if ctx.rel_end(m) == cue.start()), None)
                if last is not None:
                    listed = _list_ending_at(ctx, last)
                    break
        for firm in listed:
            _add(out, ctx, firm, "receivedHonour", h, "receivedHonour:H…A、B入选",
                 year=_clause_year(text, ctx.rel(h)) or _sentence_year(text), conferrer=_conferrer(ctx, h))
    return out


@rule("honour-list", needs=[cue_family("honour-listed"), has("Enterprise")])
def honour_list(ctx: _Ctx, doc: _Doc) -> list[Relation]:
    """入选…分别为 A、B: every listed firm received the honour (and is in the park named before)."""
    out: list[Relation] = []
    text, ms = ctx.sentence.text, ctx.mentions
    listed = _HONOUR_LISTED.search(text)
    if listed:
        honours = [m for m in ms if m.cls == "Honour"]
        if not honours and doc.last_honour is not None and not any(m.cls == "Platform" and ctx.rel_end(m) <= listed.start() for m in ms):
            # the honour spoken of before, unless what was approved are the platforms just named (…中心获批，依托单位分别为A、B)
            honours = [doc.last_honour]
        winners = [m for m in ms if m.cls == "Enterprise" and ctx.rel(m) >= listed.end()]
        winners = _coordinated_right(ctx, winners) if winners else []
        park = next((m for m in ms if m.cls == "Park" and ctx.rel_end(m) <= listed.start()), None)
        for w in winners:
            for h in honours:
                _add(out, ctx, w, "receivedHonour", h, "receivedHonour:入选分别为", year=_sentence_year(text))
            if park is not None:
                _add(out, ctx, w, "locatedIn", park, "locatedIn:园区…入选")
    return out


# 新增“小巨人”企业3家：A、B、C / 省级单项冠军企业（共2家）: an honour, a count of firms, a colon, then the names
_HONOUR_COUNTED = re.compile(r"[”」]?\s*[（(]?(?:共|计|合计)?\s*(?:\d+|[一二两三四五六七八九十]+)\s*(?:家|户)[）)]?\s*[：:]")


@rule("honour-counted", needs=[has("Honour"), has("Enterprise")])
def honour_counted(ctx: _Ctx, doc: _Doc) -> list[Relation]:
    """H N家：A、B、C: each listed firm received H; in a park-wide text (a report about one park), each is in it."""
    out: list[Relation] = []
    text, ms = ctx.sentence.text, ctx.mentions
    for h in [m for m in ms if m.cls == "Honour"]:
        count = _HONOUR_COUNTED.match(text, ctx.rel_end(h))
        if count is None:
            continue
        firms = [m for m in ms if m.cls == "Enterprise" and ctx.rel(m) >= count.end()]
        if not firms or ctx.rel(firms[0]) != count.end():
            continue
        park = next((m for m in ms if m.cls == "Park" and ctx.rel_end(m) <= ctx.rel(h)), None)
        if park is None and ctx.topic is not None and ctx.topic.cls == "Park":
            park = ctx.topic
        if park is None and not any(m.cls == "Park" for m in ms):
            park = doc.sole_park()  # 年内新增…3家：… in a park's own bulletin
        for f in _coordinated_right(ctx, firms):
            _add(out, ctx, f, "receivedHonour", h, "receivedHonour:N家", year=_clause_year(text, ctx.rel(h)) or _sentence_year(text))
            if park is not None:
                _add(out, ctx, f, "locatedIn", park, "locatedIn:N家")
    return out


_JOINT_PLATFORM = re.compile(_CUES.alternation("joint-platform") + "$")


# a plan word (将, 拟, 计划) a few words before the founding verb that ends right before the platform
_PLANNED_HOST = re.compile("(?:" + _CUES.alternation("planned") + r")[^。；;]{0,16}?" + _CUES.alternation("host") + r"(?:了|的)?$")


#: the classes whose name opening a platform's name makes them its host
_PREFIX_HOSTS = frozenset({"Enterprise", "ResearchInstitute"})
_ADMIN_ZONES = _CUES.words("admin-zone")


def _prefix_host(owner: Mention) -> bool:
    """Whether a name opening a platform's names its host: a company's or an institute's (A公司技术中心), or an
    administrative zone's (清远高新区版权服务中心: the zone's committee runs it) — not a place-park's (涪江科技园加速器,
    清浦智造园中试基地: where it is) nor a university's (X大学Y转化中心: whose brand it carries)."""
    if owner.cls == "Park":
        return owner.key.endswith(_ADMIN_ZONES)
    return owner.cls in _PREFIX_HOSTS


@rule("host-platform", needs=[any_of(word("分别"), cue_family("host-basis", "host-seat", "operated"), has("Platform"))])
def host_platform(ctx: _Ctx, doc: _Doc) -> list[Relation]:
    """A、B…分别…X、Y; owner-prefixed platform names; 拥有/建有 X; 依托A建设X; X由A运营."""
    out: list[Relation] = []
    text, ms, topic = ctx.sentence.text, ctx.mentions, ctx.topic
    actors = _actors(ctx)
    resp = re.search(r"分别", text)
    if resp:
        out += _respectively(ctx, resp)
    org_names: list[Mention] | None = None  # the document's organisations, sorted when a platform first needs them
    for p in [m for m in ms if m.cls == "Platform"]:
        if _JOINT_PLATFORM.search(p.name):
            continue  # a consortium (…联合体) or a joint lab (A—B联合实验室) has partners, not one host
        if "+owner:" in p.rule:
            owner = p.rule.split("+owner:", 1)[1]
            owner_m = next((m for m in ms if m.name == owner), None)
            if owner_m is not None and owner_m.cls in ACTORS - {"GovernmentBody"}:
                if _prefix_host(owner_m):
                    _add(out, ctx, owner_m, "hostsPlatform", p, "hostsPlatform:owner-prefix")
                if owner_m.cls != "Park":
                    continue  # a park's prefix may only name the level: A建有园区X中心 is still read below
        if org_names is None:
            # names written out (园区综合服务中心 is not owned by whichever park 园区 stood for)
            org_names = sorted({m.name: m for m in doc.all_mentions if m.cls in ACTORS and not m.rule.startswith("anaphor")}.values(),
                               key=lambda m: -len(m.name))
        owner_named = [m for m in org_names if p.name.startswith(m.name) and len(p.name) > len(m.name) and m.cls in ACTORS - {"GovernmentBody"}]
        if owner_named:
            if _prefix_host(owner_named[0]):
                _add(out, ctx, owner_named[0], "hostsPlatform", p, "hostsPlatform:name-prefix")
            if owner_named[0].cls != "Park":
                continue
        before = text[: ctx.rel(p)]
        if resp and any(r.object == p.key and r.rule == "hostsPlatform:分别" for r in out):
            continue
        if _PLANNED_HOST.search(before):
            continue  # 将以公司为依托，牵头组建X / 拟建设X: a platform still to be set up is hosted by no one yet
        if _HOST_CUE.search(before) and topic is not None and not _COBUILD_CUE.search(before) and not re.search(r"(?:公布|认定名单|名单)", before):
            holder = [m for m in actors if ctx.rel_end(m) <= ctx.rel(p) and _is_topic_candidate(m, text, ctx.rel(m))]
            host = holder[0] if holder else topic
            clause = max(text.rfind(c, 0, ctx.rel(p)) for c in "，,；;。") + 1
            partner = any(m.key != host.key and clause <= ctx.rel(m) < ctx.rel(p) and re.search(r"(?:与|和|同|联合)$", text[: ctx.rel(m)])
                          for m in ms if m.cls in ORG)
            if host.cls == "Park" and _INSIDE_PARK.match(text, ctx.rel_end(host)):
                # 园区内建有X、Y等公共服务平台: the platforms stand inside the park (the park is where, not who)
                _add(out, ctx, p, "locatedIn", host, "locatedIn:P内建有X")
            elif host.cls != "GovernmentBody" and not partner:
                # a department approves or funds a platform; it does not host it; 与B合作设立X: a joint platform
                _add(out, ctx, host, "hostsPlatform", p, "hostsPlatform:cue")
    for p in [m for m in ms if m.cls == "Platform" and text[: ctx.rel(m)].endswith("其")]:
        # 其氢能实验室被认定为…: the platform of the firm the sentence is about (not a joint one)
        if topic is not None and topic.cls in ORG - {"GovernmentBody"} and not _JOINT_PLATFORM.search(p.name) \
                and not _PLANNED_HOST.search(text, 0, ctx.rel(p)):
            _add(out, ctx, topic, "hostsPlatform", p, "hostsPlatform:其X")
    for p in [m for m in ms if m.cls == "Platform" and re.search(r"依托的?$", text[: ctx.rel(m)])]:
        # 公司依托X中心开展研发 / 公司依托的X中心: the clause's firm works in its own platform
        cue = ctx.rel(p) - len(re.search(r"依托的?$", text[: ctx.rel(p)]).group())
        clause_start = max(text.rfind(c, 0, ctx.rel(p)) for c in "，,；;。") + 1
        firms = [m for m in ms if m.cls in ORG - {"GovernmentBody"} and clause_start <= ctx.rel(m) and ctx.rel_end(m) <= cue]
        host = firms[0] if firms else (topic if topic is not None and topic.cls in ORG - {"GovernmentBody"}
                                      and _OWN_CLAUSE.fullmatch(text, clause_start, cue) else None)
        if host is not None and not _JOINT_PLATFORM.search(p.name):
            _add(out, ctx, host, "hostsPlatform", p, "hostsPlatform:A依托X")
    for dep in _HOST_BASIS.finditer(text):
        hosts = [m for m in ms if m.cls in ORG - {"GovernmentBody"} and dep.start(1) <= ctx.rel(m) and ctx.rel_end(m) <= dep.end(1)]
        plats = [m for m in ms if m.cls == "Platform" and ctx.rel_end(m) <= dep.start()]
        if not plats and doc.last_platform is not None and re.search(_PLATFORM_HEAD, text[: dep.start()]):
            plats = [doc.last_platform]  # 研究院…，依托A建设运行: the platform named before, by its head word
        if hosts and plats:
            _add(out, ctx, hosts[0], "hostsPlatform", plats[-1], "hostsPlatform:依托")
    for seat in _SEATED_AT.finditer(text):
        plats = [m for m in ms if m.cls == "Platform" and ctx.rel_end(m) <= seat.start()]
        host = _seat_holder(ctx, seat.group(2), seat.start(), bodies=seat.group(1) is not None)
        head = re.search("(" + _PLATFORM_HEAD + ")$", text[: seat.start()]) if seat.group(1) and not plats else None
        if head is not None:  # 联盟秘书处设在…: the alliance named before
            plats = [m for m in [_directed_platform(ctx, doc, head.group(1), head.start())] if m is not None]
        if plats and host is not None:
            _add(out, ctx, host, "hostsPlatform", plats[-1], "hostsPlatform:设在")
    for p in [m for m in ms if m.cls == "Platform" and text.startswith("由", ctx.rel_end(m))]:
        # 联盟由A（简称…）牵头，联合B、C共同发起成立: the lead unit hosts it, the others co-build it
        # (like 由…运营, an explicit host even of a joint platform)
        lead = [m for m in ms if m.cls in ORG - {"GovernmentBody"} and ctx.rel(m) == ctx.rel_end(p) + 1]
        if lead and _LEADS.match(text, ctx.rel_end(lead[0])):
            _add(out, ctx, lead[0], "hostsPlatform", p, "hostsPlatform:由A牵头")
    for op in _OPERATED_BY.finditer(text):
        operators = [m for m in ms if m.cls in ORG - {"GovernmentBody"} and op.start(1) <= ctx.rel(m) and ctx.rel_end(m) <= op.end(1)]
        plats = [m for m in ms if m.cls == "Platform" and ctx.rel_end(m) <= op.start()]
        if operators and plats:
            _add(out, ctx, operators[-1], "hostsPlatform", plats[-1], "hostsPlatform:由…运营")
    return out


# 园区内建有 / 区内拥有: the park word is a place, what follows stands in it
_INSIDE_PARK = re.compile(r"(?:区)?(?:内|里)(?:已|现|还|共|先后)*" + _CUES.alternation("host"))

# X中心在A揭牌: a platform unveiled on a firm's (or a university's) premises is that body's
_UNVEILED_AT = re.compile(r"(?:正式|当天|近日|日前)?在$")
_UNVEILED = re.compile(r"(?:正式)?(?:揭牌|挂牌)")


@rule("platform-unveiled-at", needs=[word("揭牌", "挂牌"), has("Platform")])
def platform_unveiled_at(ctx: _Ctx, doc: _Doc) -> list[Relation]:
    """X中心在A揭牌 (A an organisation, not a park): A hosts X."""
    out: list[Relation] = []
    text, ms = ctx.sentence.text, ctx.mentions
    for p in [m for m in ms if m.cls == "Platform"]:
        hosts = [m for m in ms if m.cls in ORG - {"GovernmentBody"} and ctx.rel(m) > ctx.rel_end(p)
                 and _UNVEILED_AT.fullmatch(text, ctx.rel_end(p), ctx.rel(m)) and _UNVEILED.match(text, ctx.rel_end(m))]
        if hosts:
            _add(out, ctx, hosts[0], "hostsPlatform", p, "hostsPlatform:在A揭牌")
    return out


_LEADS = re.compile(r"(?:[（(][^）)]{0,30}[）)])?" + _CUES.alternation("lead-unit"))


def _seat_holder(ctx: _Ctx, place: str, before: int, bodies: bool = False) -> Mention | None:
    """Whose premises 设在 names: 公司/企业 is the sentence's firm; a short name (绛能新材研发中心)
    is the firm named earlier in the sentence whose full name holds its first two characters; a
    secretariat (``bodies``) may sit in a government body (联盟秘书处设在P管委会)."""
    firms = [m for m in ctx.mentions if m.cls == "Enterprise" and ctx.rel_end(m) <= before]
    kinds = ORG if bodies else ORG - {"GovernmentBody"}
    named = sorted((m for m in ctx.mentions if m.cls in kinds and ctx.rel(m) >= before and place.startswith(m.name)), key=lambda m: -len(m.name))
    if named:
        return named[0]
    if re.match(r"(?:该|本)?(?:公司|企业)", place):
        topic = ctx.topic if ctx.topic is not None and ctx.topic.cls == "Enterprise" else None
        return topic or (firms[-1] if firms else None)
    short = [m for m in firms if len(place) >= 2 and place[:2] in m.name]
    return short[0] if len(short) == 1 else None


@rule("customer-list", needs=[any_of(cue_family("customer", "customer-weak"), word("供应")), has(*ORG)])
def customer_list(ctx: _Ctx, doc: _Doc) -> list[Relation]:
    """客户包括/主要客户有/供货给 A、B: the seller before the cue (or the topic firm) has them as customers."""
    out: list[Relation] = []
    text, ms, topic = ctx.sentence.text, ctx.mentions, ctx.topic
    taken: list[Mention] = []  # buyers of an earlier cue (…交付A，…则出口至B: A does not sell to B)
    for cust in _CUSTOMER_CUE.finditer(text):
        buyers = []
        for m in ms:
            if ctx.rel(m) >= cust.end() and m.cls in ORG:
                seg = _gap(text[cust.end() : ctx.rel(m)])
                if re.search(r"[，。；]", seg) or (buyers and "等" in seg):
                    break
                buyers.append(m)
        sellers = [m for m in ms if m.cls == "Enterprise" and ctx.rel_end(m) <= cust.start() and _is_topic_candidate(m, text, ctx.rel(m))
                   and not re.search(r"(?:是|为|给|与|和)$", text[: ctx.rel(m)]) and not _PARENT_OF.match(text[ctx.rel_end(m) :])
                   and m not in taken]
        segment = max(text.rfind(c, 0, cust.start()) for c in "；;")  # A…；B…批量供应C: B sells
        sellers = [m for m in sellers if ctx.rel(m) > segment] or sellers
        # no free subject before the cue: the firm named last before it (我们设立了子公司B，…销售给C: B sells), else the topic
        seller = sellers[0] if sellers else (_seller_before(ctx, cust.start(), buyers + taken)
                                             or (topic if topic is not None and topic.cls == "Enterprise" else None))
        taken += buyers
        for m in buyers:
            if seller is not None and seller not in buyers:
                _add(out, ctx, seller, "hasCustomer", m, "hasCustomer:list")
    return out


# …，稳定供货B / 产品将配套园区龙头企业B (a status word makes 配套 a verb: …配套的骨干企业 is no buyer)
_SUPPLIES = re.compile(r"(?:(?:产品|已|也|还|主要|均|并|则|将|[，,])(?:批量|长期|稳定|主要|大量)?|^)" + _CUES.alternation("supply-verb") +
                       r"(?:(?:园区|区内|本地)?(?:龙头|骨干|链主|重点)企业)?$"
                       r"|批量(?:应)?用于$")  # 其系泊链已批量用于B承建的平台: B buys them
# A为其配套/供应… (其: the firm spoken of), A长期为B提供…服务
_SERVES = re.compile(r"为(其)?(?:批量|长期|稳定)?" + _CUES.alternation("serve"))
_SERVES_NAMED = re.compile(r"为$")
# 为B(等企业)(批量)提供/建成/定制…: what a seller does for the named firm (B等企业 keeps B, the rest are unnamed)
_SERVED_DEED = re.compile(r"(?:等[\u4e00-\u9fff]{0,4}?(?:企业|客户|公司|厂商))?(?:批量|长期|稳定|专门)?(?:" + _CUES.alternation("serve-deed") + ")")
_SERVES_SPEAKER = re.compile(r"为(?:我们|我公司|本公司)(?:专门|长期|批量|稳定)?(" + _CUES.alternation("serve") + "|" + _CUES.alternation("outsourced-work") + ")")


@rule("supplies-named", needs=[any_of(cue_family("supply-verb"), word("用于")), has(*ORG - {"GovernmentBody"})])
def supplies_named(ctx: _Ctx, doc: _Doc) -> list[Relation]:
    """产品(已批量)供应A、B等…: the named buyers, short names included, are the seller's customers."""
    out: list[Relation] = []
    text, ms, topic = ctx.sentence.text, ctx.mentions, ctx.topic
    orgs = [m for m in ms if m.cls in ORG - {"GovernmentBody"}]
    taken: list[Mention] = []
    for i, m in enumerate(orgs):
        cue = _SUPPLIES.search(text, 0, ctx.rel(m))
        if cue is None or (i > 0 and ctx.rel_end(orgs[i - 1]) > cue.start() and orgs[i - 1].end > m.start - 3):
            continue
        buyers = _coordinated_right(ctx, orgs[i:])
        # …配套A，…则供货B: A bought in the clause before, it does not sell to B
        seller = _seller_before(ctx, cue.start(), buyers + taken) or (topic if topic is not None and topic.cls == "Enterprise" else None)
        taken += buyers
        for b in buyers:
            if seller is not None and seller not in buyers:
                _add(out, ctx, seller, "hasCustomer", b, "hasCustomer:供应A")
    return out


# A的(电芯)(主要)供应商为/包括B、C: the named suppliers sell to A (the buyer written before 的, or 其: the topic)
_SUPPLIER_NAMED = re.compile(r"(?:(其)的?|的)[^，。；;,、的]{0,8}?" + _CUES.alternation("supplier-word") + _CUES.alternation("supplier-copula"))


# (A…，)是B的(减速器齿轮)供应商: A sells to B
_SUPPLIER_OF_BEFORE = re.compile(r"(?:是|为|系|成为)$")
_SUPPLIER_OF_AFTER = re.compile(r"的[^，。；;,、的]{0,8}?" + _CUES.alternation("supplier-word") + r"(?![为是包括有])")


@rule("supplier-of", needs=[cue_family("supplier-word"), has("Enterprise")])
def supplier_of(ctx: _Ctx, doc: _Doc) -> list[Relation]:
    """A(…，)是B的X供应商: the clause's own firm A (else the topic) has B as customer."""
    out: list[Relation] = []
    text = ctx.sentence.text
    for b in [m for m in ctx.mentions if m.cls == "Enterprise"]:
        if not _SUPPLIER_OF_BEFORE.search(text, 0, ctx.rel(b)) or not _SUPPLIER_OF_AFTER.match(text, ctx.rel_end(b)):
            continue
        seller = _trade_subject(ctx, doc, ctx.rel(b), b)
        if seller is not None:
            _add(out, ctx, seller, "hasCustomer", b, "hasCustomer:是B的供应商")
    return out


@rule("supplier-named", needs=[cue_family("supplier-word"), has("Enterprise")])
def supplier_named(ctx: _Ctx, doc: _Doc) -> list[Relation]:
    """A的X供应商为B / 其主要供应商包括B、C: the suppliers B, C have A as customer (the reverse of 客户包括)."""
    out: list[Relation] = []
    text = ctx.sentence.text
    firms = [m for m in ctx.mentions if m.cls == "Enterprise"]
    for cue in _SUPPLIER_NAMED.finditer(text):
        named = [m for m in firms if ctx.rel_end(m) == cue.start()]
        topic = ctx.topic if ctx.topic is not None and ctx.topic.cls == "Enterprise" else None
        buyer = named[-1] if named else (topic if cue.group(1) else None)
        after = [m for m in firms if ctx.rel(m) >= cue.end()]
        if buyer is None or not after or _gap(text[cue.end() : ctx.rel(after[0])]):
            continue
        for seller in _coordinated_right(ctx, after):
            if seller.key != buyer.key:
                _add(out, ctx, seller, "hasCustomer", buyer, "hasCustomer:A的供应商为B")
    return out


# (产品)已在B(、C等企业)(下属)的产线上落地应用 / 在B下属矿井连续运行: B uses what the clause's firm makes
_DEPLOYED_AT = re.compile(r"(?:等[\u4e00-\u9fff]{0,6}?)?(?:的|下属|旗下|所属)*[\u4e00-\u9fff]{0,6}?" + _CUES.alternation("deploy-site")
                          + r"上?[^，。；;,]{0,10}?" + _CUES.alternation("deploy-verb"))


@rule("deployed-at-buyer", needs=[cue_family("deploy-site"), cue_family("deploy-verb"), word("在"), has("Enterprise")])
def deployed_at_buyer(ctx: _Ctx, doc: _Doc) -> list[Relation]:
    """已在B、C等企业的产线上落地应用 / 已在B下属矿井连续运行: the firm whose product it is (the clause's firm or the
    topic) has B and C as customers."""
    out: list[Relation] = []
    text = ctx.sentence.text
    firms = [m for m in ctx.mentions if m.cls == "Enterprise"]
    for i, b in enumerate(firms):
        if not re.search(r"在$", text[: ctx.rel(b)]):
            continue
        buyers = [b]
        for m in firms[i + 1 :]:
            if _gap(text[ctx.rel_end(buyers[-1]) : ctx.rel(m)]) not in ("、", "和", "及", "与", "以及"):
                break
            buyers.append(m)
        if not _DEPLOYED_AT.match(text, ctx.rel_end(buyers[-1])):
            continue
        seller = _trade_subject(ctx, doc, ctx.rel(b), b)
        for m in buyers:
            if seller is not None and seller.key != m.key and seller not in buyers:
                _add(out, ctx, seller, "hasCustomer", m, "hasCustomer:在B的产线上应用")
    return out


_BRING_ALONG = re.compile(r"(?:已|还|先后|陆续|累计|共)*" + _CUES.alternation("bring-along"))
# A带动B、C等(5家)配套企业(落户/集聚): B and C supply A
_LED_SUPPLIERS_AFTER = re.compile(r"等?(?:[\d一二三四五六七八九十百]+家)?(?:上下游)?" + _CUES.alternation("supplier-word"))


@rule("leader-brings-suppliers", needs=[cue_family("supplier-word"), cue_family("bring-along"), has("Enterprise")])
def leader_brings_suppliers(ctx: _Ctx, doc: _Doc) -> list[Relation]:
    """A(已)带动/吸引B、C等5家配套企业落户: the suppliers B and C have A as customer."""
    out: list[Relation] = []
    text = ctx.sentence.text
    firms = [m for m in ctx.mentions if m.cls == "Enterprise"]
    for cue in _BRING_ALONG.finditer(text):
        after = [m for m in firms if ctx.rel(m) >= cue.end()]
        if not after or ctx.rel(after[0]) != cue.end():
            continue
        suppliers = [after[0]]
        for m in after[1:]:
            if _gap(text[ctx.rel_end(suppliers[-1]) : ctx.rel(m)]) not in ("、", "和", "及", "与", "以及"):
                break
            suppliers.append(m)
        if not _LED_SUPPLIERS_AFTER.match(text, ctx.rel_end(suppliers[-1])):
            continue
        leader = _trade_subject(ctx, doc, cue.start(), suppliers[0])
        for m in suppliers:
            if leader is not None and leader not in suppliers:
                _add(out, ctx, m, "hasCustomer", leader, "hasCustomer:带动B等配套企业")
    return out


@rule("serves", needs=[word("为"), has("Enterprise")])
def serves(ctx: _Ctx, doc: _Doc) -> list[Relation]:
    """A为其配套/供应X (其: the firm the text speaks of); A(长期)为B提供…: the served firm is A's customer."""
    out: list[Relation] = []
    text, ms = ctx.sentence.text, ctx.mentions
    firms = [m for m in ms if m.cls == "Enterprise"]
    for cue in _SERVES.finditer(text):
        sellers = [m for m in firms if ctx.rel_end(m) <= cue.start() and len(_gap(text[ctx.rel_end(m) : cue.start()])) <= 4
                   and not re.search(r"[，。；;,]", text[ctx.rel_end(m) : cue.start()])]
        if cue.group(1):
            if not sellers:
                continue
            seller = sellers[-1]
            buyer = next((t for t in (ctx.topic, doc.prev_topic) if t is not None and t.cls == "Enterprise" and t.key != seller.key), None)
            if buyer is not None:
                _add(out, ctx, seller, "hasCustomer", buyer, "hasCustomer:为其" + cue.group()[-2:])
    us = doc.own_firm or doc.main_firm
    for cue in _SERVES_SPEAKER.finditer(text):
        # A专门为我们生产X: A works for the speaker's firm (the firm the text is about)
        sellers = [m for m in firms if ctx.rel_end(m) <= cue.start() and not re.search(r"[，。；;,]", text[ctx.rel_end(m) : cue.start()])]
        if sellers and us is not None and sellers[-1].key != us.key:
            _add(out, ctx, sellers[-1], "hasCustomer", us, "hasCustomer:为我们" + cue.group(1))
    for m in firms:
        # A(长期)为B提供…: B is served by A
        if not _SERVES_NAMED.search(text, 0, ctx.rel(m)) or not _SERVED_DEED.match(text, ctx.rel_end(m)):
            continue
        before = [a for a in firms if ctx.rel_end(a) <= ctx.rel(m) - 1 and not re.search(r"[，。；;,]", text[ctx.rel_end(a) : ctx.rel(m)])
                  and len(_gap(text[ctx.rel_end(a) : ctx.rel(m) - 1])) <= 4]
        seller = before[-1] if before else _pronoun_seller(ctx, m)
        if seller is not None:
            _add(out, ctx, seller, "hasCustomer", m, "hasCustomer:为B提供")
    return out


# a clause opening with 该公司/这家企业/其/公司 (after a time or place phrase), or with no subject of its own
# (…，为B提供…): the seller is the firm the sentence is about
_PRONOUN_CLAUSE = re.compile(r"(?:^|[，,；;])(?:[^，,；;。]{0,10}?[，,])?(?:该公司|该企业|这家(?:企业|公司)|公司|企业|其)(?:已|也|还|长期|主要|专门|目前|先后|则)*$|[，,](?:已|也|还|长期|主要|专门|目前|先后|则)*$")


def _pronoun_seller(ctx: _Ctx, buyer: Mention) -> Mention | None:
    """该公司已为B…: the topic firm, when the clause before 为B opens with a word for it."""
    before = ctx.sentence.text[: ctx.rel(buyer) - 1]
    topic = ctx.topic
    if topic is None or topic.cls != "Enterprise" or topic.key == buyer.key or not _PRONOUN_CLAUSE.search(before):
        return None
    return topic


# 由(隔壁的)B(长期)供应 / 向(同处园区的)B采购 / 采购自B: B sells; 向/为/对B(的)…供货: B buys
_QUALIFIER = r"(?:[^，。；;,、]{0,14}?的)?"
_ADVERBS = r"(?:长期|主要|稳定|批量|独家|大量|持续|首次|正式|已|均|则)*"
_SUPPLIED_BY = re.compile(r"由" + _QUALIFIER + "$")
_SUPPLIED_BY_VERB = re.compile(_ADVERBS + _CUES.alternation("supplied-by"))
_BOUGHT_FROM = re.compile(r"(?:向" + _QUALIFIER + "|" + _CUES.alternation("purchase") + "自)$")
_BOUGHT_FROM_VERB = re.compile(_ADVERBS + _CUES.alternation("purchase"))
_DELIVERED_TO = re.compile(r"(?:向|为|对)" + _QUALIFIER + "$")
_DELIVERED_TO_VERB = re.compile(r"(?:的)?[^，。；;,]{0,12}?" + _ADVERBS + _CUES.alternation("deliver"))
_OWN_CLAUSE = re.compile(r"(?:[^，,。；;]{0,12}?[，,])?(?:本公司|公司|该公司|该企业|其(?!中|他|余|实|次)|我们)")
# 配套B…产线: the named line's owner buys
_FITS_LINE = re.compile(r"[^，。；;,]{0,16}?(?:产线|生产线|车型|机型)")
_THEIR_CHAIN = re.compile(r"(?:进入|打入|切入)其(?:" + _CUES.alternation("customer-close") + r")|为其[^，。；;,]{0,12}?" + _ADVERBS + "(?:配套|供货|供应)")
_TENDER_WON = re.compile(_CUES.alternation("tender-won") + "$")
_TENDERED = re.compile(r"的?[^，。；;,]{0,12}?(?:项目|采购|招标|订单|标段)")
_OUTSOURCED_TO = _CUES.ends_with("outsource")
_IN_FRAME = re.compile(r"(?:由|向|为|对|自|与|和|及|、|给|通过|配套|中标)" + _QUALIFIER + "$")


def _trade_subject(ctx: _Ctx, doc: _Doc, before: int, other: Mention) -> Mention | None:
    """The firm a supply clause is about: the first enterprise of the sentence's part (up to
    a semicolon) that no preposition governs, else the topic firm, else the document's firm."""
    text = ctx.sentence.text
    start = max(text.rfind(c, 0, before) for c in "；;") + 1
    if _OWN_CLAUSE.match(text, start) and ctx.topic is not None and ctx.topic.cls == "Enterprise" and ctx.topic.key != other.key:
        return ctx.topic  # 公司…由B供应 / 其产品…: the firm the text speaks of
    free = [m for m in ctx.mentions if m.cls == "Enterprise" and start <= ctx.rel(m) and ctx.rel_end(m) <= before
            and m.key != other.key and not _IN_FRAME.search(text[: ctx.rel(m)])
            and not any(o is not m and o.start <= m.start and m.end <= o.end for o in ctx.mentions)]
    if free:
        return free[0]
    for t in (ctx.topic, doc.main_firm):
        if t is not None and t.cls == "Enterprise" and t.key != other.key:
            return t
    return None


@rule("supply-prose", needs=[has(*ORG - {"GovernmentBody"})])
def supply_prose(ctx: _Ctx, doc: _Doc) -> list[Relation]:
    """原料由B供应 / 向B采购 / 采购自B: B has the clause's firm as customer; 向B批量供货 / 为B…稳定供货: the reverse."""
    out: list[Relation] = []
    text = ctx.sentence.text
    orgs = [m for m in ctx.mentions if m.cls in ORG - {"GovernmentBody"}]
    done: set[int] = set()
    for i, m in enumerate(orgs):
        if i in done:
            continue
        group = _coordinated_right(ctx, orgs[i:])  # 向A、B批量交付: the frame holds every firm of the list
        done.update(range(i, i + len(group)))
        before, after = text[: ctx.rel(m)], text[ctx.rel_end(group[-1]) :]
        if _SUPPLIED_BY.search(before) and _SUPPLIED_BY_VERB.match(after):
            for g in group:
                buyer = _trade_subject(ctx, doc, ctx.rel(m), g)
                if buyer is not None and buyer not in group:
                    _add(out, ctx, g, "hasCustomer", buyer, "hasCustomer:由B供应")
        elif (_BOUGHT_FROM.search(before) and (before.endswith("自") or _BOUGHT_FROM_VERB.match(after))) or (
                _OUTSOURCED_TO.search(before) and _SOURCED_MADE.match(after)):  # 委托B代工制造: B works for the buyer
            for g in group:
                buyer = _trade_subject(ctx, doc, ctx.rel(m), g)
                if buyer is not None and buyer not in group:
                    _add(out, ctx, g, "hasCustomer", buyer, "hasCustomer:向B采购")
        elif ((_DELIVERED_TO.search(before) and _DELIVERED_TO_VERB.match(after)) or (before.endswith("配套") and _FITS_LINE.match(after))
              or (_TENDER_WON.search(before) and _TENDERED.match(after))):
            for g in group:
                seller = _trade_subject(ctx, doc, ctx.rel(m), g)
                if seller is not None and seller not in group:
                    _add(out, ctx, seller, "hasCustomer", g, "hasCustomer:向B供货")
    for cue in _THEIR_CHAIN.finditer(text):
        # 通过B的产线验证，正式进入其供应链体系 / 开始为其…批量配套: 其 is the firm just named
        named = [m for m in ctx.mentions if m.cls == "Enterprise" and ctx.rel_end(m) <= cue.start()
                 and not any(o is not m and o.start <= m.start and m.end <= o.end for o in ctx.mentions)]
        if not named or not re.search(r"[，,]", text[ctx.rel_end(named[-1]) : cue.start()]):
            continue  # A为其配套: A is the seller (rule serves); 其 points back past a comma here
        seller = _trade_subject(ctx, doc, ctx.rel(named[-1]), named[-1])
        if seller is not None:
            _add(out, ctx, seller, "hasCustomer", named[-1], "hasCustomer:进入其供应链")
    return out


_SELF_PARENT = re.compile(r"(?:^|[，,；;。])(?:(?:本|该)?公司|其)(?:的)?(?:[^，,；;。]{0,12}?(?:设立|成立|组建|投资设立|新设))?(?:了)?$")


def _parent_before(ctx: _Ctx, doc: _Doc, cue_start: int, parents: Sequence[Mention]) -> Mention | None:
    """Whose subsidiary a 子公司 cue names: the firm right before it in the clause (A全资子公司B),
    else the firm 公司/其 stands for (公司全资子公司B, 其全资子公司B, 公司在德国设立全资子公司B),
    else, the cue opening a clause (；控股子公司B…), the firm the text is about."""
    text = ctx.sentence.text
    near = [m for m in parents if not re.search(r"[，,；;。]", text[ctx.rel_end(m) : cue_start])]
    if near:
        return near[-1]
    topic = ctx.topic if ctx.topic is not None and ctx.topic.cls == "Enterprise" else None
    self_word = _SELF_PARENT.search(text[:cue_start])
    if self_word is not None or re.search(r"(?:^|[，,；;。])$", text[:cue_start]):
        if self_word is not None and "其" in self_word.group():
            return topic or doc.main_firm
        return doc.main_firm or topic
    return parents[-1] if parents else topic


@rule("subsidiary", needs=[any_of(word("控股"), cue_family("subsidiary")), has("Enterprise")])
def subsidiary(ctx: _Ctx, doc: _Doc) -> list[Relation]:
    """旗下/全资子公司 B; A的全资子公司——B; A是B旗下企业; Y是X的子公司."""
    out: list[Relation] = []
    text, ms, topic = ctx.sentence.text, ctx.mentions, ctx.topic
    for held in re.finditer(r"由([^，。；]{2,40}?)(?:绝对|相对)?控股(?![子公司])", text):
        # A…，由B控股: A is B's subsidiary
        owners = [m for m in ms if m.cls == "Enterprise" and held.start(1) <= ctx.rel(m) and ctx.rel_end(m) <= held.end(1)]
        owned = [m for m in ms if m.cls == "Enterprise" and ctx.rel_end(m) <= held.start()]
        child = owned[0] if owned else (topic if topic is not None and topic.cls == "Enterprise" else None)
        if owners and child is not None:
            _add(out, ctx, child, "subsidiaryOf", owners[-1], "subsidiaryOf:由…控股")
    for cue in _SUBSIDIARY_CUE.finditer(text):
        parents = [m for m in ms if m.cls == "Enterprise" and ctx.rel_end(m) <= cue.start()]
        children = [m for m in ms if m.cls == "Enterprise" and ctx.rel(m) >= cue.end() and ctx.rel(m) - cue.end() <= 6]
        if children:
            parent = _parent_before(ctx, doc, cue.start(), parents)
            for c in _coordinated_right(ctx, children):
                if parent is not None:
                    _add(out, ctx, c, "subsidiaryOf", parent, f"subsidiaryOf:{cue.group()}")
        # "A的全资子公司——B": the child follows a dash
        dash = re.match(r"^\s*(?:——|—|-|：|:)\s*", text[cue.end() :])
        if dash and not children:
            nxt = [m for m in ms if m.cls == "Enterprise" and ctx.rel(m) == cue.end() + dash.end()]
            par = parents[-1] if parents else None
            if nxt and par is not None:
                _add(out, ctx, nxt[0], "subsidiaryOf", par, f"subsidiaryOf:{cue.group()}——")
        # "A是B旗下企业 / A是B的全资子公司"
        under = re.search(r"(?:是|系)([^，。；]{2,40}?)(?:旗下|下属|的(?:全资|控股)?子公司)", text)
        if under is None:
            under = next((w for w in _CHILD_COPULA_WEI.finditer(text)
                          if any(m.cls == "Enterprise" and ctx.rel_end(m) == w.start() for m in ms)), None)
        if under and cue.start() >= under.start(1):
            subj = [m for m in ms if m.cls == "Enterprise" and ctx.rel_end(m) <= under.start()]
            par = [m for m in ms if m.cls == "Enterprise" and under.start(1) <= ctx.rel(m) and ctx.rel_end(m) <= under.end(1)]
            child = subj[-1] if subj else (topic if topic is not None and topic.cls == "Enterprise" else None)
            if child is not None and par:
                _add(out, ctx, child, "subsidiaryOf", par[-1], "subsidiaryOf:是…旗下")
        # "Y是X的子公司"
        tail = re.search(r"(?:是|系)(.{0,20}?)的(?:全资|控股)?子公司", text)
        if tail and cue.start() >= tail.start():
            subj = [m for m in ms if ctx.rel_end(m) <= tail.start() and m.cls == "Enterprise"]
            par = [m for m in ms if tail.start() <= ctx.rel(m) < tail.end() and m.cls == "Enterprise"]
            if subj and par:
                _add(out, ctx, subj[-1], "subsidiaryOf", par[0], "subsidiaryOf:是…的子公司")
    return out


# A为B的控股子公司。: 为 as the copula, right after the child's name and with the sentence's part ending at
# 子公司 (为B的子公司提供… is "for")
_CHILD_COPULA_WEI = re.compile(r"为([^，。；;]{2,40}?)的(?:全资|控股)?子公司(?=[，,。；;]|$)")


# 母公司 stands for the parent of the subsidiary the sentence names; a supply verb around it makes the
# child the seller: 设立了全资子公司B，它…全部供给母公司 / 全资子公司B…为母公司配套开发… / 已向母公司及C批量供货
_TO_PARENT = re.compile(
    r"(?:" + _CUES.alternation("customer", "supply-to") + r")(" + _CUES.alternation("parent-word") + r")"
    r"|(?:为|向|对)(" + _CUES.alternation("parent-word") + r")((?:及|和|与|、)[^，。；;]{2,40}?)?(?:专门)?" + _ADVERBS + _CUES.alternation("serve")
)


@rule("sells-to-parent", needs=[cue_family("parent-word"), cue_family("subsidiary"), has("Enterprise")])
def sells_to_parent(ctx: _Ctx, doc: _Doc) -> list[Relation]:
    """A subsidiary named in the sentence supplies 母公司 (its parent, named in the same sentence or the report's
    issuer): the child hasCustomer the parent, and any buyer named beside 母公司 (向母公司及C供货)."""
    out: list[Relation] = []
    cue = _TO_PARENT.search(ctx.sentence.text)
    if cue is None:
        return out
    links = [r for r in subsidiary(ctx, doc) + issuer_subsidiary(ctx, doc) if r.predicate == "subsidiaryOf"]
    if len({r.object for r in links}) != 1:
        return out  # 母公司 must name one parent
    by_key = {m.key: m for m in doc.all_mentions} | {m.key: m for m in ctx.mentions}
    child, parent = by_key.get(links[0].subject), by_key.get(links[0].object)
    if child is None or parent is None or ctx.rel(child) > cue.start():
        return out
    _add(out, ctx, child, "hasCustomer", parent, "hasCustomer:供给母公司")
    if cue.group(3):
        a = cue.start(3)
        for m in ctx.mentions:
            if m.cls in ORG - {"GovernmentBody"} and a <= ctx.rel(m) and ctx.rel_end(m) <= cue.end(3):
                _add(out, ctx, child, "hasCustomer", m, "hasCustomer:供给母公司")
    return out


# （X，）系公司全资子公司 / 公司持股65%的控股子公司，…: in a company's own report, a subsidiary of the issuer
_ISSUER_CHILD = re.compile(r"(?:^|[，,])(?:系|是|为)?(?:本)?公司(?:持股[\d.]+%的|的)?" + _CUES.alternation("subsidiary") + r"(?=[，,。；;]|$)")


@rule("issuer-subsidiary", needs=[cue_family("subsidiary")])
def issuer_subsidiary(ctx: _Ctx, doc: _Doc) -> list[Relation]:
    """A report's subsidiary list: 「X，系公司全资子公司」 or a heading X then 「公司全资子公司，…」: X subsidiaryOf the issuer."""
    out: list[Relation] = []
    if doc.own_firm is None:
        return out
    cue = _ISSUER_CHILD.search(ctx.sentence.text)
    if cue is None:
        return out
    firms = [m for m in ctx.mentions if m.cls == "Enterprise" and ctx.rel_end(m) <= cue.start() and m.key != doc.own_firm.key]
    child = firms[0] if firms else None
    if child is None and cue.start() == 0 and ctx.topic is not None and ctx.topic.key != doc.own_firm.key:
        child = ctx.topic  # the heading above named it
    if child is not None and child.cls == "Enterprise":
        _add(out, ctx, child, "subsidiaryOf", doc.own_firm, "subsidiaryOf:系公司子公司")
    return out


# 这位教授，既是A…学院的博士生导师，也是B的创始人、董事长: a profile's person spoken of, not named
_PROFILED_PERSON = re.compile(r"^(?:(?:这位|该|此)[^，,；;。]{0,10}?(?:教授|专家|博士|学者|院士|研究员|企业家|创始人|科学家|工程师)|他|她)(?!们)")
_ROLE_WORD = "(?:" + _CUES.alternation("role-modifier") + ")?(?:" + _CUES.alternation("role-company", "role-academic") + ")"
_IS_ROLE_OF = re.compile(r"^(?:[（(][^）)]{0,30}[）)])?(?:[\u4e00-\u9fff]{2,14}?(?:学院|学部|系|研究所))?的(" + _ROLE_WORD + "(?:、" + _ROLE_WORD + ")*)(?=[，,；;。]|$)")


@rule("profiled-person-role", needs=[has(*ORG - {"GovernmentBody"})])
def profiled_person_role(ctx: _Ctx, doc: _Doc) -> list[Relation]:
    """这位教授/他，(既)是A的R1，也是B的R2、R3 with no one named in the sentence: the person named last
    before holds each role in each organisation."""
    out: list[Relation] = []
    text, ms = ctx.sentence.text, ctx.mentions
    if not _PROFILED_PERSON.match(text) or any(m.cls == "Person" for m in ms):
        return out
    people = [m for m in doc.all_mentions if m.cls == "Person" and m.end <= ctx.sentence.start]
    if not people:
        return out
    for org in [m for m in ms if m.cls in ORG - {"GovernmentBody"}]:
        if not re.search(r"(?:^|[，,；;])(?:既|也|还|同时|并|更)?(?:是|为)$", text[: ctx.rel(org)]):
            continue
        roles = _IS_ROLE_OF.match(text[ctx.rel_end(org) :])
        if roles is None:
            continue
        for role in roles.group(1).split("、"):
            _add(out, ctx, people[-1], "affiliatedWith", org, "affiliatedWith:这位…是A的R", role=role)
    return out


# a university's school written between the university and a role title (no entity of its own)
_SCHOOL_BEFORE_ROLE = re.compile(r"^[\u4e00-\u9fff]{1,14}?(?:学院|学部|系)(?=[\u4e00-\u9fff])")


@rule("person-role", needs=[has("Person")])
def person_role(ctx: _Ctx, doc: _Doc) -> list[Relation]:
    """organisation + role title + person (公司总经理张三) → affiliatedWith, the role kept."""
    out: list[Relation] = []
    text, ms, topic = ctx.sentence.text, ctx.mentions, ctx.topic
    for person in [m for m in ms if m.cls == "Person" and m.rule == "person:role"]:
        units = {m.name: m for m in ms if m.rule.startswith("unit:") and m.end <= person.start}
        orgs = [m for m in ms if m.cls in ACTORS and ctx.rel_end(m) <= ctx.rel(person) and not m.rule.startswith("unit:")]
        anaphor = re.search(r"(?:^|[，,。；“])(?:该)?(?:公司|企业|集团)((?:[\u4e00-\u9fff]{2,8}?、)*[\u4e00-\u9fff]{2,8}?)$", text[: ctx.rel(person)])
        if anaphor and topic is not None and topic.cls == "Enterprise" and (not orgs or ctx.rel_end(orgs[-1]) <= anaphor.start()):
            _add(out, ctx, person, "affiliatedWith", topic, "affiliatedWith:公司+role", role=anaphor.group(1))
            continue
        role_before = re.search(r"((?:[\u4e00-\u9fff]{2,8}?、)*[\u4e00-\u9fff]{2,8}?)$", text[: ctx.rel(person)])
        if not orgs or re.search(r"[，,。；;：:]", text[ctx.rel_end(orgs[-1]) : ctx.rel(person)]):
            committee = _COMMITTEE_ROLE.match(role_before.group(1).split("、")[-1]) if role_before else None
            body = _committee(ctx, doc, person) if committee else None
            if committee and body is not None:
                # 管委会常务副主任吕晓燕: the park's committee the text names
                _add(out, ctx, person, "affiliatedWith", body, "affiliatedWith:管委会+role", role=committee.group(1))
                continue
            # no body in the clause (副市长苏婉清主持会议): the body the role belongs to
            role = _known_role(role_before.group(1)) if role_before else None
            body = _role_body(ctx, doc, person, role) if role else None
            if body is not None:
                _add(out, ctx, person, "affiliatedWith", body, "affiliatedWith:role→body", role=role)
            continue
        org = orgs[-1]
        role_text = text[ctx.rel_end(org) : ctx.rel(person)].strip("，,、 ")
        org = _university_of(ctx, org)
        if org.cls == "University":
            role_text = _SCHOOL_BEFORE_ROLE.sub("", role_text)  # A大学物理与光电学院教授: the post is 教授 at A
        if not role_text or len(role_text) > 24:
            continue
        for prev in reversed([m for m in orgs if ctx.rel_end(m) <= ctx.rel(org)]):
            # P党工委书记、管委会主任X: the role written before the last body is X's too
            piece = re.fullmatch(r"([\u4e00-\u9fff]{2,8})、", ctx.between(prev, org))
            if piece and (_known_role(piece.group(1)) or piece.group(1).endswith(doc.lex.roles)) and not any(o is not prev and o.cls in ACTORS and o.start >= prev.end and o.end <= org.start for o in orgs):
                target, role = _party_committee_park(ctx, prev, piece.group(1))
                _add(out, ctx, person, "affiliatedWith", target, "affiliatedWith:role", role=role)
            break
        owner = org.rule.split("+owner:", 1)[1] if "+owner:" in org.rule else None
        for piece in [p for p in role_text.split("、") if p]:
            target, role = org, piece
            unit = next((u for u in units.values() if piece.startswith(u.name[len(u.rule.split("+owner:", 1)[1]) :])), None)
            committee = _COMMITTEE_ROLE.match(piece) if org.cls == "Park" else None
            if unit is not None:
                target, role = unit, piece
            elif committee and _committee(ctx, doc, person) is not None:
                target, role = _committee(ctx, doc, person), committee.group(1)  # type: ignore[assignment]
            elif owner is not None and org.cls == "GovernmentBody":
                target, role = _party_committee_park(ctx, org, piece)
            _add(out, ctx, person, "affiliatedWith", target, "affiliatedWith:role", role=role)
    return out


# 张三现任公司董事长、总经理 (in a company's own report, 公司 is the issuer); 张三系公司创始人，现任…: the clause's person
_HOLDS_POST = re.compile(_CUES.alternation("post-hold") + r"(?:本公司|公司)((?:[\u4e00-\u9fff]{2,8}?、)*[\u4e00-\u9fff]{2,8}?)(?=[，,。；;]|$)")


@rule("holds-company-post", needs=[cue_family("post-hold"), has("Person")])
def holds_company_post(ctx: _Ctx, doc: _Doc) -> list[Relation]:
    """P现任公司R1、R2: P is affiliated with the company the report is about, in each (known company) role."""
    out: list[Relation] = []
    text = ctx.sentence.text
    firm = doc.own_firm or _topic_firm(ctx)
    if firm is None:
        return out
    for cue in _HOLDS_POST.finditer(text):
        roles = cue.group(1).split("、")
        if not all(_CUES.pattern("role-company").fullmatch(r) for r in roles):
            continue  # only titles a company gives (董事长, 研发总监), not 首席科学家 of some lab
        segment = max(text.rfind(c, 0, cue.start()) for c in "；;。") + 1
        people = [m for m in ctx.mentions if m.cls == "Person" and segment <= ctx.rel(m) and ctx.rel_end(m) <= cue.start()]
        if not people or (len(people) > 1 and re.search(r"[，,]", text[ctx.rel_end(people[-1]) : cue.start()])):
            continue
        for r in roles:
            _add(out, ctx, people[-1], "affiliatedWith", firm, "affiliatedWith:现任公司+role", role=r)
    return out


def _bracketed_org(ctx: _Ctx, person: Mention) -> list[Mention]:
    """The organisations named inside the brackets right after ``person``, before the title there
    (王五（华南理工大学物理与光电学院副院长）): the body the bracketed title belongs to."""
    text, at = ctx.sentence.text, ctx.rel_end(person)
    if not text.startswith(("（", "("), at):
        return []
    close = min((i for i in (text.find("）", at), text.find(")", at)) if i > at), default=-1)
    if close < 0:
        return []
    return [m for m in ctx.mentions if m.cls in ACTORS and at < ctx.rel(m) and ctx.rel_end(m) < close]


def _appositive_org(ctx: _Ctx, person: Mention) -> list[Mention]:
    """The organisation right after the comma that follows a name opening the sentence (张三，A公司董事长)."""
    text, at = ctx.sentence.text, ctx.rel_end(person)
    if ctx.rel(person) != 0 or not text.startswith(("，", ","), at):
        return []
    return [m for m in ctx.mentions if m.cls in ACTORS and ctx.rel(m) == at + 1][:1]


@rule("person-role-after", needs=[has("Person")])
def person_role_after(ctx: _Ctx, doc: _Doc) -> list[Relation]:
    """Name then title (瑞骋汽车张三董事长, 张三（总经理）, 由韩立庭常务副市长担任): the
    organisation written right before the name, else the body the role belongs to."""
    out: list[Relation] = []
    ms = ctx.mentions
    for person in [m for m in ms if m.cls == "Person" and m.rule.startswith("person:role-after:")]:
        role = person.rule.split(":", 2)[2]
        orgs = [m for m in ms if m.cls in ACTORS and 0 <= ctx.rel(person) - ctx.rel_end(m) <= 1
                and ctx.between(m, person) in ("", "的")]
        if not orgs:
            orgs = _bracketed_org(ctx, person)  # 张三（A研究所副所长）: the body inside the brackets
        if not orgs:
            orgs = _appositive_org(ctx, person)  # 张三，A公司董事长。: the body after the comma
        body = _university_of(ctx, orgs[-1]) if orgs else _role_body(ctx, doc, person, role)
        if body is not None:
            how = "affiliatedWith:name+role" if orgs else "affiliatedWith:name+role→body"
            _add(out, ctx, person, "affiliatedWith", body, how, role=role)
    return out


_PLATFORM_HEAD = _CUES.alternation("platform-head")
_DIRECTOR_ROLE = r"((?:常务)?副?主任)"
# (教授/研究员…)(同时/也…)担任: the verb of taking a post, with an academic title or adverb before it
_TAKE_VERB = r"(?:教授|研究员|博士|院士)?(?:同时|也|还|则|将)?" + _CUES.alternation("post-take")
# 张三（教授）担任实验室主任 / 张三任副主任: the person before the post verb
_TAKES_POST = re.compile(_TAKE_VERB + r"(?:该)?(" + _PLATFORM_HEAD + r")?" + _DIRECTOR_ROLE)
# 张三任联盟首届理事长 / 李四任秘书长 (after 张三任…): a council post of the alliance (or platform) named before;
# the head word is required here, since 理事长 is as often an association's
_TAKES_COUNCIL_POST = re.compile(_CUES.alternation("post-take") + r"(?:该)?(" + _PLATFORM_HEAD + r")?(?:首届|第[一二三四五六七八九十]+届)?((?:副)?理事长|秘书长)")
_TAKES_NAMED = re.compile(_TAKE_VERB + "$")
# 中心主任由……张三担任: the person after 由
_POST_GIVEN = re.compile(r"(" + _PLATFORM_HEAD + r")" + _DIRECTOR_ROLE + r"由([^，。；;]{2,40}?)(?:教授|研究员|博士|院士)?" + _CUES.alternation("post-take"))


# 联合实验室由张三担任主任: the clause opens with the platform word
_HEAD_SUBJECT = re.compile(r"(?:^|[，,；;])(?:该|此|这一)?(?:联合)?(" + _PLATFORM_HEAD + r")由[^，,；;]*$")


def _directed_platform(ctx: _Ctx, doc: _Doc, head: str | None, pos: int) -> Mention | None:
    """The platform a bare 实验室/中心 means: the last one named before ``pos`` (within the four
    sentences before) whose name ends with that word; with no word (张三任副主任), the last
    platform of this sentence or the one before."""
    here = ctx.sentence.index
    if head is None:
        opening = _HEAD_SUBJECT.search(ctx.sentence.text[:pos])
        head = opening.group(1) if opening else None
    reach = 4 if head is not None else 1
    plats = [m for m in doc.all_mentions if m.cls == "Platform" and here - reach <= m.sentence <= here
             and (m.sentence < here or ctx.rel_end(m) <= pos) and (head is None or m.name.endswith(head))]
    return plats[-1] if plats else None


@rule("platform-director", needs=[cue_family("post-take"), has("Person")])
def platform_director(ctx: _Ctx, doc: _Doc) -> list[Relation]:
    """由张三担任实验室主任 / 张三任副主任 / 中心主任由张三担任 → the person affiliatedWith the
    platform named just before (role 主任/副主任); a platform named in full after the verb is that one."""
    out: list[Relation] = []
    text, ms = ctx.sentence.text, ctx.mentions
    people = [m for m in ms if m.cls == "Person"]
    if not people:
        return out
    for cue in _TAKES_POST.finditer(text):
        person = next((p for p in people if ctx.rel_end(p) == cue.start()), None)
        if person is None:
            continue
        plat = _directed_platform(ctx, doc, cue.group(1), cue.start())
        if plat is not None:
            _add(out, ctx, person, "affiliatedWith", plat, "affiliatedWith:担任主任", role=cue.group(2))
    for plat in [m for m in ms if m.cls == "Platform"]:
        role = re.match(_DIRECTOR_ROLE, text[ctx.rel_end(plat) :])
        verb = _TAKES_NAMED.search(text[: ctx.rel(plat)])
        person = next((p for p in people if verb and ctx.rel_end(p) == verb.start()), None)
        if role and person is not None:
            _add(out, ctx, person, "affiliatedWith", plat, "affiliatedWith:担任主任", role=role.group(1))
    council = None  # …任联盟首届理事长，李四任秘书长: a later post without the head word is the same body's
    for cue in _TAKES_COUNCIL_POST.finditer(text):
        person = next((p for p in people if ctx.rel_end(p) == cue.start()), None)
        if cue.group(1) is not None:
            council = _directed_platform(ctx, doc, cue.group(1), cue.start())
        plat = council if person is not None else None
        if plat is not None:
            _add(out, ctx, person, "affiliatedWith", plat, "affiliatedWith:任联盟理事长", role=cue.group(2))
    for cue in _POST_GIVEN.finditer(text):
        inside = [p for p in people if cue.start(3) <= ctx.rel(p) and ctx.rel_end(p) <= cue.end(3)]
        plat = _directed_platform(ctx, doc, cue.group(1), cue.start())
        if inside and plat is not None:
            _add(out, ctx, inside[-1], "affiliatedWith", plat, "affiliatedWith:主任由", role=cue.group(2))
    return out


# 实验室将聚焦…，由张三担任首席科学家 / 联盟秘书处设在…，秘书长由李四兼任: a sentence about a platform word
_OPENS_WITH_PLATFORM = re.compile(r"^(?:该|此|这一|这个)?(?:联合)?(" + _PLATFORM_HEAD + r")")
_POST_BY = re.compile(r"(?:^|[，,；;])(?:(" + _CUES.alternation("platform-post") + r")由([^，。；;]{2,30}?)" + _CUES.alternation("post-take")
                      + r"|由([^，。；;]{2,30}?)" + _CUES.alternation("post-take") + r"(" + _CUES.alternation("platform-post") + r"))(?=[，,；;。]|$)")


@rule("platform-post", needs=[cue_family("platform-post"), cue_family("post-take"), has("Person")])
def platform_post(ctx: _Ctx, doc: _Doc) -> list[Relation]:
    """A sentence opening with 实验室/联盟…, then 由张三担任首席科学家 or 秘书长由李四兼任: the person holds that
    post in the platform the word stands for (named in this sentence or the ones just before)."""
    out: list[Relation] = []
    text, ms = ctx.sentence.text, ctx.mentions
    opening = _OPENS_WITH_PLATFORM.match(text)
    if opening is None:
        return out
    for cue in _POST_BY.finditer(text):
        role, span = (cue.group(1), 2) if cue.group(1) else (cue.group(4), 3)
        people = [p for p in ms if p.cls == "Person" and cue.start(span) <= ctx.rel(p) and ctx.rel_end(p) <= cue.end(span)]
        plat = _directed_platform(ctx, doc, opening.group(1), cue.start())
        if people and plat is not None:
            _add(out, ctx, people[-1], "affiliatedWith", plat, "affiliatedWith:由…担任", role=role)
    return out


# 张三担任A研究所所长 / 并兼任B（大学）机电工程学院硕士生导师: the person before the verb holds the post in A
_POST_VERB = re.compile(r"(?:同时|也|还|并|目前|现)*" + _CUES.alternation("post-take", "post-hold") + r"(?=[^，,；;。]{2})")
_UNIT_BEFORE_ROLE = re.compile(r"^(?:[\u4e00-\u9fff]{2,16}?(?:学院|学部|系))?的?")


@rule("person-takes-post", needs=[any_of(cue_family("post-take"), cue_family("post-hold"))])
def person_takes_post(ctx: _Ctx, doc: _Doc) -> list[Relation]:
    """张三…担任/兼任 A(某学院)(的) + role title: the person named before the verb, in the clause chain
    with no other person between, holds that role in A."""
    out: list[Relation] = []
    text, ms = ctx.sentence.text, ctx.mentions
    people = [m for m in ms if m.cls == "Person"]
    for verb in _POST_VERB.finditer(text):
        before = [p for p in people if ctx.rel_end(p) <= verb.start()]
        if not people:  # 同时兼任A客座研究员 in a profile's sentence naming nobody: the person spoken of last
            here = ctx.sentence.index
            before = [m for m in doc.all_mentions if m.cls == "Person" and here - 3 <= m.sentence < here][-1:]
        elif not before or re.search(r"[；;。]", text[ctx.rel_end(before[-1]) : verb.start()]):
            continue
        if not before:
            continue
        at = [m for m in ms if m.cls in ORG - {"GovernmentBody"} and ctx.rel(m) == verb.end()]
        if not at:
            continue
        body = max(at, key=lambda m: m.end - m.start)
        rest = re.match(r"[^，,；;。（(]*", text[ctx.rel_end(body) :]).group()
        rest = rest[_UNIT_BEFORE_ROLE.match(rest).end() :]
        pieces = [p for p in rest.split("、") if p]
        if not pieces or any(_known_role(p) != p for p in pieces):
            continue  # only role titles after the body (担任A的技术顾问 names no role we know)
        for piece in pieces:
            _add(out, ctx, before[-1], "affiliatedWith", body, "affiliatedWith:担任A+role", role=piece)
    return out


_COLLEGE = re.compile(r"(?:学院|研究院|系)$")
_COMMITTEE_ROLE = re.compile(r"^(?:管委会|管理委员会)((?:常务)?(?:副)?主任)$")
_COMMITTEES = re.compile(r"(?:管委会|管理委员会)$")


def _committee(ctx: _Ctx, doc: _Doc, person: Mention) -> Mention | None:
    """The park committee (管委会) a role title means: the last one named before the person, else the first after."""
    bodies = [m for m in doc.all_mentions if m.cls == "GovernmentBody" and _COMMITTEES.search(m.name)]
    before = [m for m in bodies if m.end <= person.start]
    return before[-1] if before else (bodies[0] if bodies else None)


def _party_committee_park(ctx: _Ctx, body: Mention, piece: str) -> tuple[Mention, str]:
    """P党工委 + 书记: the role is held in the park (党工委书记 of P); another owned body keeps
    the role with its own name (…管委会 + 主任)."""
    owner = body.rule.split("+owner:", 1)[1] if "+owner:" in body.rule else None
    if owner is None or body.cls != "GovernmentBody":
        return body, piece
    unit = body.name[len(owner) :]
    park = next((m for m in ctx.mentions if m.cls == "Park" and m.start == body.start and m.name == owner), None)
    if park is not None and unit.endswith("党工委"):
        return park, unit + piece
    return body, unit + piece


def _university_of(ctx: _Ctx, body: Mention) -> Mention:
    """A college written right after its university (湘潭大学材料科学与工程学院) stands for the university."""
    if body.cls != "University" or "大学" in body.name or not _COLLEGE.search(body.name):
        return body
    for u in reversed([m for m in ctx.mentions if m.cls == "University" and "大学" in m.name and m.end <= body.start]):
        if re.fullmatch(r"[\u4e00-\u9fff]{0,12}", ctx.between(u, body)):
            return u
    return body


# 张三…，同时受聘为X大学兼职教授 / 同时担任我校兼职教授 / 同时是X大学教授: a second post at a university
_ALSO_POST = re.compile(r"(?:(?:同时|还|也|并)(?:受聘为|担任|兼任|是)|[，,]兼任)(我校|该校|学校)?$")
_ACADEMIC_POST = re.compile(r"^(?:的)?((?:兼职|客座|特聘|讲座)?(?:教授|研究员|博士生导师|硕士生导师))")


@rule("also-post", needs=[has("Person")])
def also_post(ctx: _Ctx, doc: _Doc) -> list[Relation]:
    """Person …同时受聘为/担任/是 University + 教授: the person also holds that post."""
    out: list[Relation] = []
    text, ms = ctx.sentence.text, ctx.mentions
    people = [m for m in ms if m.cls == "Person"]
    if not people:
        return out
    for post in re.finditer(r"(?:兼职|客座|特聘|讲座)?(?:教授|研究员|博士生导师|硕士生导师)", text):
        role = _ACADEMIC_POST.match(text[post.start() :])
        uni = next((m for m in ms if m.cls in ("University", "ResearchInstitute") and ctx.rel_end(m) == post.start()), None)
        if uni is not None:
            uni = _university_of(ctx, uni)  # 兼任A大学B学院硕士生导师: the cue stands before the university
        cue = _ALSO_POST.search(text[: ctx.rel(uni) if uni is not None else post.start()])
        if cue is None or role is None:
            continue
        person = [p for p in people if ctx.rel_end(p) <= cue.start()]
        if uni is None and cue.group(1) and person:
            # 我校: the university the text speaks for (a college of it is not the school)
            schools = [m for m in doc.all_mentions if m.cls == "University" and "大学" in m.name and m.end <= person[-1].start]
            uni = schools[-1] if schools else None
        if uni is not None and person:
            _add(out, ctx, person[-1], "affiliatedWith", _university_of(ctx, uni), "affiliatedWith:同时担任", role=role.group(1))
    return out


_ROLE_KINDS = {"role-government": frozenset({"GovernmentBody"}), "role-company": frozenset({"Enterprise"}),
               "role-academic": frozenset({"University", "ResearchInstitute"})}


def _known_role(text: str) -> str | None:
    """The role title ``text`` ends with, when it is one of a known kind (…常务副市长 → 常务副市长)."""
    for family in _ROLE_KINDS:
        for w in _CUES.words(family):
            if text.endswith(w):
                mod = re.search(_CUES.alternation("role-modifier") + "$", text[: -len(w)])
                return (mod.group() if mod else "") + w
    return None


def _role_body(ctx: _Ctx, doc: _Doc, person: Mention, role: str) -> Mention | None:
    """The body a role belongs to when the clause names none: the topic when it is of the
    role's kind (a company for 总经理, a government for 副市长, a university for 教授),
    else the last such body named before; a mayor's body is a 市人民政府, a district head's a 区…政府."""
    kinds = next((cls for family, cls in _ROLE_KINDS.items() if any(role.endswith(w) for w in _CUES.words(family))), None)
    if kinds is None:
        return None
    level = re.search(r"([市区县镇])长$", role)
    unit = re.match(r"管委会|党工委|管理委员会", role)

    def fits(m: Mention) -> bool:
        if m.cls not in kinds or (unit is not None and not re.search(r"管委会|党工委|管理委员会", m.name)):
            return False
        return level is None or (m.name.endswith("政府") and level.group(1) in m.name)

    if ctx.topic is not None and fits(ctx.topic):
        return ctx.topic
    if doc.own_firm is not None and fits(doc.own_firm):
        return doc.own_firm  # 董事长、总经理X in a company's own report: a post in the issuer
    if doc.main_firm is not None and fits(doc.main_firm) and re.search(r"(?:加入|进入|来到|回到)(?:本|该)?公司", ctx.sentence.text):
        return doc.main_firm  # 首席技术官X…2016年加入公司: the company the text is about
    before = [m for m in doc.all_mentions if m.end <= person.start and fits(m)]
    return before[-1] if before else None


_IN_PRODUCTION = re.compile(r"投产|达产|量产|正式生产")


def _in_unbuilt_project(ctx: _Ctx, prod: Mention) -> bool:
    """Is ``prod`` named only inside a project's name, in a clause that does not say the project produces yet?"""
    projects = [m for m in ctx.mentions if m.cls == "Project" and m.start <= prod.start and prod.end <= m.end]
    if not projects:
        return False
    text = ctx.sentence.text
    start = max(text.rfind(c, 0, ctx.rel(projects[0])) for c in "；;。") + 1
    ends = [i for i in (text.find(c, ctx.rel_end(projects[0])) for c in "；;。") if i >= 0]
    end = min(ends) if ends else len(text)
    return not any(not _TARGET_BEFORE.search(text, max(start, m.start() - 10), m.start())
                   for m in _IN_PRODUCTION.finditer(text, start, end))


# 力争2027年建成投产 / 预计年底达产: a target, the project does not produce yet
_TARGET_BEFORE = re.compile(r"(?:力争|计划|预计|有望|争取|拟|将于|确保)[^，,；;。]{0,8}$")


_MAKE_VERB = re.compile("(?:" + _CUES.alternation("product-verb") + r")(?:了|出)?")
# 不断/不仅/未来 are no denial
_MAKE_UNMET = re.compile("(?:" + _CUES.alternation("planned") + "|" + _CUES.alternation("negation") + ")(?![断仅少来同])")
# 计划明年量产X / 不生产X / 将推出X: what a firm plans or denies making is not its product
_MAKING_UNMET = re.compile(
    "(?:" + _CUES.alternation("planned") + "|" + _CUES.alternation("negation") + "|力争|预计)(?![断仅少来同])[^，,；;。]{0,6}?"
    "(?:" + _CUES.alternation("product-verb") + "|" + _CUES.alternation("product-made") + "|研发|开发|推出)[^，,；;。]{0,2}$"
)


@rule("firm-makes", needs=[any_of(cue_family("product-verb"), cue_family("product-field"))])
def firm_makes(ctx: _Ctx, doc: _Doc) -> list[Relation]:
    """A生产X / A…，主要向客户供应X: the clause's firm, else the firm named last before the clause, makes X
    (X a product named here, or one the text named elsewhere, written right after the verb)."""
    out: list[Relation] = []
    text, ms = ctx.sentence.text, ctx.mentions
    known = [m for m in doc.all_mentions if m.cls == "Product" and len(m.name) >= 3]
    for verb in [*_MAKE_VERB.finditer(text), *_FIELD_VERB.finditer(text)]:
        here = [m for m in ms if m.cls == "Product" and ctx.rel(m) == verb.end()]
        there = [m for m in known if text.startswith(m.name, verb.end())]
        if not (here or there):
            continue
        prod = max(here or there, key=lambda m: len(m.name))
        if verb.re is _FIELD_VERB and (not _FIELD_MADE.match(text, verb.end() + len(prod.name)) or _field_before_list(ctx, prod, verb.end())):
            continue  # 主要从事X的生产: X is made here (not 从事X的研发, nor a field before a list of products)
        before = text[: verb.start()]
        clause_start = max(before.rfind(c) for c in "，,；;。：:") + 1
        if _MAKE_UNMET.search(before, clause_start):
            continue  # 将量产X / 不生产X: a plan or a denial
        firms = [m for m in ms if m.cls == "Enterprise" and clause_start <= ctx.rel(m) and ctx.rel_end(m) <= verb.start()
                 and not _LOCATIVE_BEFORE.search(text, 0, ctx.rel(m))]
        if not firms and not any(m.cls in ACTORS and clause_start <= ctx.rel(m) < verb.start() for m in ms):
            span = max(before.rfind(c, 0, clause_start) for c in "；;。") + 1
            firms = [m for m in ms if m.cls == "Enterprise" and span <= ctx.rel(m) < clause_start
                     and not _LOCATIVE_BEFORE.search(text, 0, ctx.rel(m))
                     and not _PARENT_OF.match(text[ctx.rel_end(m) :])][-1:]  # A旗下子公司B…，主要生产X: B, named last
        if not firms and verb.re is _FIELD_VERB and ctx.topic is not None and ctx.topic.cls == "Enterprise":
            firms = [ctx.topic]  # 公司全资子公司，…，主要从事X的生产: the firm the sentence is about
        if firms:
            _add(out, ctx, firms[0], "produces", prod, f"produces:{verb.group()}")
    return out


# a product bought in names its maker: X主要采购自A / X委托A代工制造 / X由A长期供应
_SOURCED_GAP = re.compile(r"(?:原料|原材料|材料|芯片|部件)?(?:主要|均|全部|则|大多|部分|长期|一直)*(?:(" + _CUES.alternation("product-sourced") + r")|由)")
_SOURCED_MADE = _CUES.pattern("outsourced-work")
_SUPPLIED_MADE = re.compile(r"(?:长期|稳定|批量|独家)*" + _CUES.alternation("supplied-by"))


@rule("sourced-product", needs=[any_of(cue_family("product-sourced"), word("由")), has("Product")])
def sourced_product(ctx: _Ctx, doc: _Doc) -> list[Relation]:
    """X主要采购自A / X委托A代工制造 / (原料)X由A长期供应: A makes X."""
    out: list[Relation] = []
    ms = ctx.mentions
    for p in [m for m in ms if m.cls == "Product"]:
        sourced = _sourced_from(ctx, p)
        if sourced is not None:
            _add(out, ctx, sourced[0], "produces", p, f"produces:{sourced[1]}")
    return out


def _sourced_from(ctx: _Ctx, p: Mention) -> tuple[Mention, str] | None:
    """The supplier a bought-in product is sourced from (X主要采购自A, X委托A代工, X由A供应), with the cue."""
    text = ctx.sentence.text
    makers = [m for m in ctx.mentions if m.cls in ORG - {"GovernmentBody"} and ctx.rel(m) >= ctx.rel_end(p)]
    if not makers:
        return None
    a = makers[0]
    gap = _SOURCED_GAP.fullmatch(text, ctx.rel_end(p), ctx.rel(a))
    if gap is None:
        return None
    verb = gap.group(1)
    after = text[ctx.rel_end(a) :]
    if (verb is None and not _SUPPLIED_MADE.match(after)) or (verb == "委托" and not _SOURCED_MADE.match(after)):
        return None  # 由A: only when A supplies it; 委托A: only when A makes it for the buyer
    return a, verb or "由"


_BUYER_BEFORE = re.compile(r"(?:为|向|对|给)(?:国内外|国内|海外)?$")


_FIELD_VERB = re.compile(_CUES.alternation("product-field"))
# 主要从事X(及其…)的(研发、)生产: the field verb with production after the thing
_FIELD_MADE = re.compile(r"(?:及其[^，,；;。的]{0,8})?的[^，,；;。]{0,8}?" + _CUES.alternation("outsourced-work"))
_FIELD_BEFORE = re.compile(_CUES.alternation("product-field") + r"[^，,；;。]{0,6}$")
_PRODUCTS_NAMED = _CUES.pattern("products-named")


def _field_before_list(ctx: _Ctx, prod: Mention, at: int | None = None) -> bool:
    """Is ``prod`` (written at ``at``, by default where it was found) the field a firm works in
    (专注于X / 主要从事X的研发) in a sentence that goes on to name its products (主要产品为 / 核心产品)?"""
    text = ctx.sentence.text
    start = ctx.rel(prod) if at is None else at
    clause = max(text.rfind(c, 0, start) for c in "，,；;。：:") + 1
    return bool(_FIELD_BEFORE.search(text, clause, start)) and bool(_PRODUCTS_NAMED.search(text, start + len(prod.name)))


@rule("project-product", needs=[has("Project", "Product")])
def project_product(ctx: _Ctx, doc: _Doc) -> list[Relation]:
    """A firm's name opening a project's name undertakes it; the maker before a product produces it."""
    out: list[Relation] = []
    ms, topic = ctx.mentions, ctx.topic
    for proj in [m for m in ms if m.cls == "Project"]:
        firm = [m for m in ms if m.cls == "Enterprise" and m.start == proj.start and m is not proj]
        if firm:
            _add(out, ctx, proj, "undertakenBy", firm[0], "undertakenBy:name-prefix")
            continue
        # A全资子公司B年产…项目: the firm written right before the project's name undertakes it
        owner = [m for m in ms if m.cls == "Enterprise" and m.end == proj.start]
        if owner:
            _add(out, ctx, proj, "undertakenBy", owner[-1], "undertakenBy:firm+project")
    for prod in [m for m in ms if m.cls == "Product"]:
        if _in_unbuilt_project(ctx, prod):
            continue  # 年产2万吨X项目开工: what a project will make once built is not yet the firm's product
        if _MAKING_UNMET.search(ctx.sentence.text, 0, ctx.rel(prod)):
            continue  # 计划明年量产X / 不生产X: a plan or a denial, not the firm's product
        if _sourced_from(ctx, prod) is not None:
            continue  # 原料X由A供应 / X委托A代工: the buyer does not make X (rule sourced-product)
        if _field_before_list(ctx, prod):
            continue  # 专注于X的研发制造，主要产品为Y、Z: X is the firm's field, Y and Z its products
        maker = _seller_before(ctx, ctx.rel(prod), ()) or topic
        if maker is not None and maker.sentence == prod.sentence and _BUYER_BEFORE.search(ctx.sentence.text, 0, ctx.rel(maker)):
            maker = topic if topic is not None and topic.key != maker.key else None  # 为B稳定供货；X…: B buys, it does not make X
        if maker is not None and maker.cls == "Enterprise" and not (maker.sentence == prod.sentence and maker.start > prod.start):
            _add(out, ctx, maker, "produces", prod, "produces:cue")
    return out


@rule("industry", needs=[has("Industry")])
def industry(ctx: _Ctx, doc: _Doc) -> list[Relation]:
    """X产业拥有 A、B → inIndustry; 以…为主导 / 主导产业 → the park's leadingIndustry."""
    out: list[Relation] = []
    text, ms, topic = ctx.sentence.text, ctx.mentions, ctx.topic
    actors = _actors(ctx)
    inds = [m for m in ms if m.cls == "Industry"]
    for ind in inds:
        after = text[ctx.rel_end(ind) :]
        hm = re.match(r"(?:产业|行业|领域)(?:拥有|有|聚集了?|集聚了?|包括|涌现出)", after)
        if hm:
            for m in ms:
                if ctx.rel(m) >= ctx.rel_end(ind) + hm.end() and m.cls == "Enterprise":
                    seg = text[ctx.rel_end(ind) + hm.end() : ctx.rel(m)]
                    if re.search(r"[，。；]", seg):
                        break
                    _add(out, ctx, m, "inIndustry", ind, "inIndustry:产业拥有")
    lead = _LEADING_CUE.search(text)
    if lead and inds:
        parks_before = [m for m in actors if m.cls == "Park" and ctx.rel(m) < lead.start() and _is_topic_candidate(m, text, ctx.rel(m))]
        if not parks_before and _PARK_ANAPHOR.match(text):
            parks_before = [m for m in [doc.park_before()] if m is not None]
        park = parks_before[0] if parks_before else (topic if topic is not None and topic.cls == "Park" else None)
        if park is None:
            park = next((m for m in actors if m.cls == "Park"), None)
        if park is not None:
            window = [i for i in inds if abs(ctx.rel(i) - lead.start()) <= 40 and not _other_parks_clause(ctx, i, park, lead)
                      and not _grown_industry_clause(text, ctx.rel(i))]
            for ind in window:
                _add(out, ctx, park, "leadingIndustry", ind, f"leadingIndustry:{lead.group()}")
    return out


_PARK_FOCUS = re.compile(r"(?:主要|重点|则|将|已)?" + _CUES.alternation("park-focus"))
_GROWN_CUE = _CUES.pattern("industry-nurture")
_AIM_CUE = re.compile(r"打造|建设成|建成为|迈向")
_PLAN_CUE = _CUES.pattern("planning", "event-plan")


def _clause_span(text: str, pos: int) -> tuple[int, int]:
    """The clause (between ，；。) around ``pos``."""
    start = max(text.rfind(c, 0, pos) for c in "，,；;。") + 1
    stop = re.compile(r"[，,；;。]").search(text, pos)
    return start, stop.start() if stop else len(text)


def _grown_industry_clause(text: str, pos: int) -> bool:
    """The clause around ``pos`` names industries a park grows or has formed (培育A两个新兴产业, 形成A产业集群),
    not its 主导 (leading) ones."""
    a, b = _clause_span(text, pos)
    clause = text[a:b]
    return bool(_GROWN_CUE.search(clause)) and not _LEADING_CUE.search(clause)


@rule("park-grown-industry", needs=[cue_family("industry-nurture"), has("Industry")])
def park_grown_industry(ctx: _Ctx, doc: _Doc) -> list[Relation]:
    """P培育A和B两个新兴产业 / 园区已形成A、B两大产业集群: the park (named in the clause, or the park the
    sentence is about) is in each industry (inIndustry, not leadingIndustry); a plan (将, 力争, 计划) gives nothing."""
    out: list[Relation] = []
    text, ms = ctx.sentence.text, ctx.mentions
    held = [m for m in ms if m.cls in ("Honour", "Park", "Enterprise", "Platform")]
    for ind in [m for m in ms if m.cls == "Industry"]:
        if not _grown_industry_clause(text, ctx.rel(ind)) or any(h.start <= ind.start and ind.end <= h.end for h in held):
            continue
        a, _b = _clause_span(text, ctx.rel(ind))
        if _PLAN_CUE.search(text, a, ctx.rel(ind)) or _AIM_CUE.search(text, a, ctx.rel(ind)):
            continue  # 将培育… / 着力打造千亿级X产业集群: an aim, not an industry the park has
        parks = [m for m in ms if m.cls == "Park" and a <= ctx.rel(m) and ctx.rel_end(m) <= ctx.rel(ind)]
        park = parks[0] if parks else (ctx.topic if ctx.topic is not None and ctx.topic.cls == "Park" else None)
        if park is not None:
            _add(out, ctx, park, "inIndustry", ind, "inIndustry:P培育/形成X")
    return out


def _other_parks_clause(ctx: _Ctx, ind: Mention, park: Mention, lead: re.Match[str]) -> bool:
    """The industry sits in a clause that opens with another park and a focus verb (…，B片区聚焦X，主导产业为…):
    X is that park's, not the whole park's the 主导产业 cue speaks of."""
    text = ctx.sentence.text
    start = max(text.rfind(c, 0, ctx.rel(ind)) for c in "，,；;。") + 1
    if start <= lead.start() < ctx.rel(ind):
        return False
    return any(m.cls == "Park" and m.key != park.key and start <= ctx.rel(m) and ctx.rel_end(m) <= ctx.rel(ind)
               and _PARK_FOCUS.match(text, ctx.rel_end(m)) for m in ctx.mentions)


@rule("park-focus", needs=[cue_family("park-focus"), has("Park"), has("Industry")])
def park_focus(ctx: _Ctx, doc: _Doc) -> list[Relation]:
    """A片区主攻高端装备，B片区重点发展新材料: each park leads the industries its own clause names."""
    out: list[Relation] = []
    text, ms = ctx.sentence.text, ctx.mentions
    for p in [m for m in ms if m.cls == "Park"]:
        focus = _PARK_FOCUS.match(text, ctx.rel_end(p))
        if focus is None:
            continue
        stop = re.compile(r"[，,；;。]").search(text, focus.end())
        end = stop.start() if stop else len(text)
        for ind in [m for m in ms if m.cls == "Industry" and focus.end() <= ctx.rel(m) and ctx.rel_end(m) <= end]:
            _add(out, ctx, p, "leadingIndustry", ind, f"leadingIndustry:P{focus.group()}")
    return out


_INDUSTRY_HEADING = re.compile(r"^([\u4e00-\u9fff]{2,10}?)(?:产业|行业|领域|板块)[：:]")


@rule("industry-heading", needs=[has("Industry")])
def industry_heading(ctx: _Ctx, doc: _Doc) -> list[Relation]:
    """A list under an industry heading (光伏产业：A，主要产品…；B，…): the firm opening each item is in it."""
    out: list[Relation] = []
    text, ms = ctx.sentence.text, ctx.mentions
    head = _INDUSTRY_HEADING.match(text)
    if head is None:
        return out
    inds = [m for m in ms if m.cls == "Industry" and ctx.rel_end(m) == head.end(1)]
    if not inds:
        return out
    starts = [head.end()] + [i + 1 for i, c in enumerate(text) if c in "；;" and i >= head.end()]
    for start in starts:
        firm = next((m for m in ms if m.cls == "Enterprise" and ctx.rel(m) == start + len(text[start:]) - len(text[start:].lstrip())), None)
        if firm is not None:
            _add(out, ctx, firm, "inIndustry", inds[-1], "inIndustry:heading")
    return out


# a chain named in words right before its leader: 光伏玻璃这条链，链主是A / 显示玻璃基板产业链的链主
_CHAIN_AFTER = re.compile(r"(?:牵引|带动|引领|领跑)([\u4e00-\u9fff]{2,10}?)(?:产业链|链)")
_CHAIN_IN_WORDS = re.compile(r"(?:^|[：:，,；;。])(?![该本此这])([\u4e00-\u9fff]{2,10}?)(?:这条|这一)?(?:产业链|链)[，,]?(?:的)?$")


_INDUSTRY_IN_WORDS = re.compile(r"(?:^|[，,；;。])([\u4e00-\u9fff]{2,8}?)产业(?!园|链|基地|集群|联盟)")


@rule("chain-leader", needs=[cue_family("chain-leader")])
def chain_leader(ctx: _Ctx, doc: _Doc) -> list[Relation]:
    """链主/龙头企业 with named firms → chainLeaderOf the industry the sentence or the firm's name points to."""
    out: list[Relation] = []
    s, text, ms = ctx.sentence, ctx.sentence.text, ctx.mentions
    named = {m.key: m for m in ms if m.cls == "Industry" and m.rule == "industry:named"}
    for cue in _CHAIN_CUE.finditer(text):
        leaders = _chain_leaders(ctx, cue)
        explicit = [i for i in named.values() if abs(ctx.rel_end(i) - cue.start()) <= 8 and ctx.rel_end(i) <= cue.start() + 2]
        led = _LED_CHAIN_AFTER.match(text, cue.end())
        if led is not None:  # 以A为链主的锂电新能源产业链: the chain's full words, even where a mention spans only 新能源
            explicit = [_chain_words(ctx, led.start(1), led.end(1), named.values())]
        if not explicit:  # the industry the clause opened with (在X领域，A发挥链主作用)
            opened = {t.start(next(g for g in (1, 2, 3, 4) if t.group(g))) for t in TOPIC_INDUSTRY_RE.finditer(text)}
            explicit = [i for i in named.values() if ctx.rel_end(i) <= cue.start() and ctx.rel(i) in opened][-1:]
        if not explicit and doc.last_industry is not None and _CHAIN_ANAPHOR.search(text[: cue.start()]):
            explicit = [doc.last_industry]  # 该产业链以A为链主 / 链主企业A… after 「X产业链由…担任链长」
        if not explicit and not text[: cue.start()].strip("“"):
            continue  # 链主企业A… opening a sentence with no chain named just before: no industry is guessed
        in_words = (_CHAIN_IN_WORDS.search(text[: cue.start()]) or _CHAIN_AFTER.search(text, cue.end())) if not explicit else None
        if in_words is not None and not any(m.cls == "Industry" and in_words.start() <= ctx.rel(m) < in_words.end() for m in ms):
            # 光伏玻璃这条链，链主是A / 牵引X产业链: the chain is an industry the text names elsewhere: that industry
            known = next((m for m in doc.all_mentions if m.cls == "Industry" and m.name == in_words.group(1)), None)
            if known is None:
                continue
            explicit = [known]
            in_words = None  # 光伏玻璃这条链，链主是A / 作为龙头企业，牵引工业机器人产业链发展: the chain is named, though not as a known industry; none is guessed
        for f in leaders:
            ind_m = explicit[0] if explicit else None
            if ind_m is None:
                ind_m = _inferred_industry(f, text, s.index, doc.lex)
                worded = next(reversed(list(_INDUSTRY_IN_WORDS.finditer(text, 0, cue.start()))), None)  # the nearest
                if ind_m is not None and worded is not None and worded.group(1) != ind_m.name:
                    ind_m = None  # 声学光电产业实现产值…，龙头企业A: the chain is named in words; another guess is wrong
            if ind_m is not None:
                _add(out, ctx, f, "chainLeaderOf", ind_m, f"chainLeaderOf:{cue.group()}")
            seg_start = max(text.rfind(c, 0, cue.start()) for c in "；;") + 1
            seg_end = min((i for i in (text.find(c, cue.end()) for c in "；;") if i >= 0), default=len(text))
            park = next((m for m in ms if m.cls == "Park" and seg_start <= ctx.rel(m) < seg_end), None)
            if park is not None:  # a chain leader is in the park its clause names (not one the text spoke of before,
                # nor a subsidiary's, told after a semicolon)
                _add(out, ctx, f, "locatedIn", park, f"locatedIn:{cue.group()}")
    return out


# X和Y(两条)产业链的链主(企业)分别为A和B: the chains and their leaders, paired in order
_CHAIN_RESPECTIVELY = re.compile(r"(?:[两三四五六七八九十]|\d{1,2})?条?(?:产业链|链)的?" + _CUES.alternation("chain-leader")
                                 + r"(?:企业)?分别(?:为|是)")
_LIST_JOINER = re.compile(r"(?:、|和|及|与|以及)")


def _chains_named_before(ctx: _Ctx, end: int) -> list[Mention]:
    """The chains a clause lists right before ``end`` (动力电池和储能两条产业链): each as its Industry mention, or
    as the written words when no mention spans them exactly."""
    text = ctx.sentence.text
    start = max(text.rfind(c, 0, end) for c in "，,；;：:。") + 1
    words = text[start:end]
    lead = re.match(r"^(?:其中|目前|园区|全区|全市|在[^，,]{0,20}?)", words)
    base = start + (lead.end() if lead else 0)
    out: list[Mention] = []
    pos = base
    for part in _LIST_JOINER.split(text[base:end]):
        here = text.find(part, pos, end)
        pos = here + len(part)
        if not re.fullmatch(r"[\u4e00-\u9fff]{2,8}", part):
            return []
        known = next((m for m in ctx.mentions if m.cls == "Industry" and ctx.rel(m) == here and m.name == part), None)
        out.append(known or Mention(part, "Industry", ctx.sentence.start + here, ctx.sentence.start + pos, ctx.sentence.index,
                                    "industry:named", canonical=part))
    return out


@rule("chain-leaders-respectively", needs=[cue_family("chain-leader"), word("分别"), has("Enterprise")])
def chain_leaders_respectively(ctx: _Ctx, doc: _Doc) -> list[Relation]:
    """X和Y两条产业链的链主企业分别为A和B: A leads X, B leads Y (as many chains as leaders, else nothing)."""
    out: list[Relation] = []
    text = ctx.sentence.text
    for cue in _CHAIN_RESPECTIVELY.finditer(text):
        chains = _chains_named_before(ctx, cue.start())
        firms = [m for m in ctx.mentions if m.cls == "Enterprise" and ctx.rel(m) >= cue.end()
                 and not re.search(r"[（(][^）)]*$", text[: ctx.rel(m)])]  # (not an alias defined in brackets)
        if not firms or ctx.rel(firms[0]) != cue.end():
            continue
        leaders = [firms[0]]  # A（以下简称“甲”）和B: an alias bracket does not break the list
        for m in firms[1:]:
            if m.start < leaders[-1].end or _gap(text[ctx.rel_end(leaders[-1]) : ctx.rel(m)]) not in ("、", "和", "及", "与", "以及"):
                break
            leaders.append(m)
        if len(chains) < 2 or len(chains) != len(leaders):
            continue
        seg_start = max(text.rfind(c, 0, cue.start()) for c in "；;") + 1
        park = next((m for m in ctx.mentions if m.cls == "Park" and seg_start <= ctx.rel(m) < cue.start()), None)
        for firm, chain in zip(leaders, chains):
            _add(out, ctx, firm, "chainLeaderOf", chain, "chainLeaderOf:分别为")
            if park is not None:  # 在P，X和Y两条产业链的链主企业分别为A和B: the leaders are in P (as with rule chain-leader)
                _add(out, ctx, firm, "locatedIn", park, "locatedIn:链主分别为")
    return out


@rule("chain-example", needs=[has("Enterprise")])
def chain_example(ctx: _Ctx, doc: _Doc) -> list[Relation]:
    """After a sentence about chain leaders, 例如，A… names one of them."""
    out: list[Relation] = []
    s, text, ms = ctx.sentence, ctx.sentence.text, ctx.mentions
    example = re.match(r"^(?:例如|比如|譬如|如)[，,]?", text) if doc.chain_context else None
    if example:
        firms = [m for m in ms if m.cls == "Enterprise" and m.start - s.start <= 12][:1]
        for f in firms:
            ind_m = _inferred_industry(f, text, s.index, doc.lex)
            if ind_m is not None:
                _add(out, ctx, f, "chainLeaderOf", ind_m, "chainLeaderOf:例如")
            park = doc.chain_park or doc.main_park
            if park is not None:
                _add(out, ctx, f, "locatedIn", park, "locatedIn:例如")
    return out


@rule("customer-frame", needs=[any_of(cue_family("customer-open"), word("客户")), has(*ORG - {"GovernmentBody"})])
def customer_frame(ctx: _Ctx, doc: _Doc) -> list[Relation]:
    """进入A供应链 / A、B都是公司的长期客户 (see :func:`_customer_frames`)."""
    return _customer_frames(ctx, doc.main_firm, doc.own_firm)


@rule("listed-parts", needs=[has("Park")])
def listed_parts(ctx: _Ctx, doc: _Doc) -> list[Relation]:
    """推进A、B两个片区 (see :func:`_listed_parts`)."""
    return _listed_parts(ctx, doc.main_park)


def relations_in(ctx: _Ctx, doc: _Doc, rules: Sequence[str] | None = None, families: frozenset[str] | None = None) -> list[Relation]:
    """Run the registered rules (all, or the ones named) on one sentence, each only where its :data:`NEEDS` are met.

    ``families`` are the sentence's cue families when the caller has them
    already (:func:`graph.extract.cues.sentence_families`); else they are found here.
    """
    here = _sentence_cues(ctx, families)
    gates = _gates()
    names = gates.runnable(here) if rules is None else [name for name in rules if gates.allows(name, here)]
    out: list[Relation] = []
    for name in names:
        out += RULES[name](ctx, doc)
    return out


_GATES: list[Gates] = []


def _gates() -> Gates:
    """The :class:`Gates` of :data:`RULES` and :data:`NEEDS` (built on first use, again if either was replaced)."""
    return kept_gates(_GATES, RULES, NEEDS)


def _sentence_cues(ctx: _Ctx, families: frozenset[str] | None = None) -> SentenceCues:
    """The cue families (one automaton pass, unless given) and mention classes of the sentence, for the rules' needs."""
    text = ctx.sentence.text
    if families is None:
        families = _CUES.present(text)
    return SentenceCues(text, families, frozenset(m.cls for m in ctx.mentions))


_PARTS_COUNT = re.compile(
    r"^[“”\"]?(?:一区[两二三四五六七八九十\d]+园|一城[两二三四五六七八九十\d]+(?:区|园)|一核[两二三四五六七八九十\d]+片)[”\"]?"
    r"|^(?:等)?(?:[两二三四五六七八九十\d]+)个(?:片区|园区|分园|园|板块)"
)


def _listed_parts(ctx: _Ctx, main_park: Mention | None) -> list[Relation]:
    """Sub-parks listed and counted (推进A、B两个片区; A、B、C“一区三园”): each is part of the park the sentence is about."""
    out: list[Relation] = []
    text = ctx.sentence.text
    parks = [m for m in ctx.mentions if m.cls == "Park"]
    for i, last in enumerate(parks):
        if not _PARTS_COUNT.match(text[ctx.rel_end(last) :]):
            continue
        members = [last]
        for m in reversed(parks[:i]):
            if _gap(text[ctx.rel_end(m) : ctx.rel(members[0])]) in ("、", "和", "及", "与", "以及"):
                members.insert(0, m)
            else:
                break
        if len(members) < 2:
            continue
        owners = [m for m in parks if ctx.rel_end(m) <= ctx.rel(members[0]) and m not in members]
        owner = owners[0] if owners else (ctx.topic if ctx.topic is not None and ctx.topic.cls == "Park" else main_park)
        for m in members:
            if owner is not None and owner.key != m.key:
                _add(out, ctx, m, "partOf", owner, "partOf:listed-and-counted")
    layout = _LAYOUT_FIRST.search(text)
    if layout is not None:
        # 全区形成“一区两片”格局，A片区主攻…，B片区聚焦…: the parts are named after the layout
        owners = [m for m in parks if ctx.rel_end(m) <= layout.start()]
        owner = owners[-1] if owners else (ctx.topic if ctx.topic is not None and ctx.topic.cls == "Park" else main_park)
        for m in parks:
            if ctx.rel(m) >= layout.end() and owner is not None and owner.key != m.key:
                _add(out, ctx, m, "partOf", owner, "partOf:layout")
    return out


_LAYOUT_FIRST = re.compile(r"[“”\"]?(?:一区[两二三四五六七八九十\d]+(?:园|片)|一城[两二三四五六七八九十\d]+(?:区|园))[”\"]?(?:的)?(?:发展)?(?:格局|布局|架构)[，,]")


def _seller_before(ctx: _Ctx, pos: int, exclude: Sequence[Mention]) -> Mention | None:
    """The enterprise that sells or makes, written before ``pos``: the last one, unless it
    is only named as the parent of another (A全资子公司B: B; B是A旗下企业: B)."""
    keys = {m.key for m in exclude}
    firms = [m for m in ctx.mentions if m.cls == "Enterprise" and ctx.rel_end(m) <= pos and m.key not in keys]
    for m in reversed(firms):
        if _CONTROLLED_BY.search(ctx.sentence.text, 0, ctx.rel(m)) and _CONTROLS.match(ctx.sentence.text, ctx.rel_end(m)):
            continue  # A…，由B控股，主要产品为X: B owns A, A makes X
        if _bought_in_clause(ctx, m):
            continue  # 其X已批量供应B，目前具备年产X…: B buys X; the maker is the firm before it, or the topic
        if not _PARENT_OF.match(ctx.sentence.text[ctx.rel_end(m) :]) and not re.match(
            r"^(?:的)?(?:旗下|下属|所属)", ctx.sentence.text[ctx.rel_end(m) :]
        ):
            return m
    return None


def _bought_in_clause(ctx: _Ctx, m: Mention) -> bool:
    """Is ``m`` the buyer its own clause names (…已批量供应B / 客户包括B)?"""
    text = ctx.sentence.text
    if _SERVES_NAMED.search(text, 0, ctx.rel(m)) and _SERVED_DEED.match(text, ctx.rel_end(m)):
        return True  # 该公司已为B建成…，客户还包括C: B is served, the seller is the firm 该公司 means
    return _buyer_of_clause(text, ctx.rel(m))


_CONTROLLED_BY = re.compile(r"由$")
_CONTROLS = re.compile(r"(?:绝对|相对)?(?:控股|持股|全资|出资|控制)")


# A的P、B的Q: firms coordinated through the products they make
_OWN_PRODUCT_AND = re.compile(r"的[^，,；;。、“”]{1,20}?(?:、|和|及|与|以及)")


def _customer_frames(ctx: _Ctx, main_firm: Mention | None, own_firm: Mention | None = None) -> list[Relation]:
    """Buyers named inside a frame (进入A供应链, 获得A和B的定点订单, 与A签订采购合同)
    or before a copula (A、B都是公司的长期客户): the seller has them as customers."""
    out: list[Relation] = []
    text = ctx.sentence.text
    orgs = [m for m in ctx.mentions if m.cls in ORG - {"GovernmentBody"}]
    for cue in _CUSTOMER_OPEN.finditer(text):
        first = [m for m in orgs if 0 <= ctx.rel(m) - cue.end() <= 1]
        if not first or (cue.group() == "是" and re.search(r"[一二三四五六七八九十]$", text[: cue.start()])):
            continue  # (四是A与B签订…: 一是/二是 number a list, it is no copula)
        buyers = _coordinated_right(ctx, [m for m in orgs if ctx.rel(m) >= ctx.rel(first[0])])
        close = _CUSTOMER_FRAME_END.match(text, ctx.rel_end(buyers[-1]))
        if not close:
            continue
        topic = ctx.topic if ctx.topic is not None and ctx.topic.cls == "Enterprise" and ctx.topic not in buyers else None
        if _BARE_COMPANY.match(text):  # 公司已进入…: an announcement's or a profile's own company
            topic = own_firm or topic or main_firm  # in a story about several firms, the one spoken of
        seller = _seller_before(ctx, cue.start(), buyers) or topic or main_firm
        clause_start = max(text.rfind(c, 0, cue.start()) for c in "，,；;。") + 1
        if ctx.topic is not None and ctx.topic.cls == "Enterprise" and ctx.topic not in buyers and _OWN_CLAUSE.fullmatch(
                text, clause_start, cue.start() - len(re.search(r"(?:已|又|也|还|正式|成功|首次|先后)*$", text[: cue.start()]).group())):
            seller = ctx.topic  # 随后，公司又进入B的供应链: the clause's own firm, not the one named before it
        sellers = [seller] if seller is not None else []
        for m in reversed([m for m in orgs if sellers and m.end <= sellers[0].start]):
            gap = text[ctx.rel_end(m) : ctx.rel(sellers[0])]
            if _gap(gap) in ("、", "和", "及", "与", "以及") or _OWN_PRODUCT_AND.fullmatch(gap):
                sellers.insert(0, m)  # A、B已成为C的供应商 / A的P、B的Q均已进入C供应链: both sell
            else:
                break
        if cue.group() == "与" and len(sellers) == 1 and len(buyers) == 1 and _goods_made_by(
                text[ctx.rel_end(buyers[0]) : ctx.rel_end(buyers[0]) + close.start(1) - close.start()], buyers[0], sellers[0]):
            sellers, buyers = buyers, sellers  # A与B签订高强钢采购协议, B a steel maker: A buys from B
        for seller in sellers:
            for b in buyers:
                _add(out, ctx, seller, "hasCustomer", b, f"hasCustomer:{cue.group()}…{close.group(1)}")
    for cue in _CUSTOMER_AFTER.finditer(text):
        before = [m for m in orgs if ctx.rel_end(m) <= cue.start()]
        if not before or not re.fullmatch(r"[、和及与以及]*", text[ctx.rel_end(before[-1]) : cue.start()]):
            continue
        buyers = [before[-1]]
        for m in reversed(before[:-1]):
            if re.fullmatch(r"\s*(?:、|和|及|与|以及)\s*", text[ctx.rel_end(m) : ctx.rel(buyers[0])]):
                buyers.insert(0, m)
            else:
                break
        seller = main_firm if cue.group(1) else (_seller_before(ctx, ctx.rel(buyers[0]), buyers) or main_firm)
        named_seller = [m for m in orgs if m.cls == "Enterprise" and cue.start() < ctx.rel(m) and ctx.rel_end(m) < cue.end()]
        if named_seller and not cue.group(1):
            seller = named_seller[0]  # B是A的第一大客户: the firm named inside the frame sells to B
        if cue.group(1) == "其" and ctx.topic is not None and ctx.topic.cls == "Enterprise" and ctx.topic not in buyers:
            seller = ctx.topic  # A…，B和C都是其客户: 其 is the clause's firm
        for b in buyers:
            if seller is not None:
                _add(out, ctx, seller, "hasCustomer", b, "hasCustomer:是…客户")
    return out


_FIRM_TAIL = re.compile(r"(?:(?:股份)?有限(?:责任)?公司|集团|公司)$")


def _goods_made_by(goods: str, party: Mention, other: Mention) -> bool:
    """Do the goods a pact names (签订海工用高强钢采购…) end in a word of ``party``'s name and not of ``other``'s?
    The firm named after its goods (…特种钢材有限公司 for 钢) is the seller, whichever side of 与 it stands."""
    goods = re.sub(r"[^\u4e00-\u9fff]", "", goods)
    mine, theirs = _FIRM_TAIL.sub("", party.key), _FIRM_TAIL.sub("", other.key)
    for n in (3, 2, 1):
        head = goods[-n:]
        if len(head) == n and (head in mine) != (head in theirs):
            return head in mine
    return False


def _main_firm(sentences: Sequence[Sentence], mentions: Sequence[Mention]) -> Mention | None:
    """The enterprise a document is about: the one its headline names (an announcement's
    issuer), else the one named most often (first on ties, at least three times)."""
    head = {s.index for s in sentences[:3]}
    named = [m for m in mentions if m.cls == "Enterprise" and m.sentence in head]
    if named:
        return named[0]
    counts: dict[str, int] = {}
    first: dict[str, Mention] = {}
    for m in mentions:
        if m.cls == "Enterprise":
            counts[m.key] = counts.get(m.key, 0) + 1
            first.setdefault(m.key, m)
    if not counts:
        return None
    best = max(counts, key=lambda k: (counts[k], -first[k].start))
    return first[best] if counts[best] >= 3 else None


def _canon(ms: Sequence[Mention], name: str) -> str:
    from graph.extract.mentions import canonical_park_name

    for m in ms:
        if m.name == name:
            return m.key
    return canonical_park_name(name)


_JOINERS = ("与", "和", "及", "、", "同", "以及", "跟", "联合", "携手")


def _gap(text: str) -> str:
    """Text between two mentions, ignoring an alias parenthesis and quotes: ”）与 → 与."""
    return re.sub(r"[（(][^）)]*[）)]", "", text).strip("“”\"'（）() ")


def _coordinated(ctx: _Ctx, left: Sequence[Mention], cue_start: int) -> list[Mention]:
    """Mentions joined by 与/和/及/、 that end right before the cue (A与B联合申报)."""
    text = ctx.sentence.text
    # an alias defined in brackets (…研究所（简称苏州医工所）) is not a party of its own,
    # and a name inside a longer one (中国科学院 in 中国科学院…研究所) neither
    left = [m for m in left if not re.search(r"[（(][^）)]*$", text[: ctx.rel(m)])
            and not any(o is not m and o.start <= m.start and m.end <= o.end and (o.end - o.start) > (m.end - m.start) for o in left)]
    if not left:
        return []
    chain = [left[-1]]
    gap = _gap(text[ctx.rel_end(left[-1]) : cue_start])
    gap = re.sub(r"^(?:(?:联合研发|共同研发|合作研发|携手|联合|合作|共同)[、和及]?)+", "", gap)
    gap = _MULTI_PARTY.sub("", gap)  # A与B、C三方(代表)共同签署: the count word closes the list of parties
    gap = re.sub(r"^(?:将|已|正式|共同|于[^，。；]{0,10}?)?(?:在[^，。；]{1,16}?)?$", "", gap)
    gap = re.sub(r"^(?:签署|签订|达成)[^，。；]{0,12}?(?:协议|合作)[，,]?$", "", gap)  # A与B签署合作协议，共建…
    if len(gap) > 4 or re.search(r"[，。；]", gap):
        # "A与B等高校院所共建": allow a short head noun after 等
        if not re.fullmatch(r"等[\u4e00-\u9fff]{0,6}", gap):
            return []
    for m in reversed(left[:-1]):
        if m.end > chain[0].start:
            continue
        if _gap(text[ctx.rel_end(m) : ctx.rel(chain[0])]) in _JOINERS:
            chain.insert(0, m)
        else:
            break
    return chain


def _parties(ctx: _Ctx, candidates: Sequence[Mention], cue_start: int, doc: _Doc | None = None) -> list[tuple[Mention, Mention]]:
    """Who cooperates with whom before a cue.

    ``A与B、C共建`` pairs A with B and with C (not B with C); ``A、B共建``
    pairs A with B; a lone ``与B共建`` pairs the clause topic with B.
    ``A与B、C三方共同签署`` names one pact of all three: every two of them are paired.
    """
    chain = _coordinated(ctx, candidates, cue_start)
    if not chain:
        return []
    pairs = _parties_of_chain(ctx, candidates, chain, doc)
    if len(chain) > 1 and _MULTI_PARTY.match(_gap(ctx.sentence.text[ctx.rel_end(chain[-1]) : cue_start])):
        members = list(dict.fromkeys([m for pair in pairs for m in pair] + chain))
        pairs = [(a, b) for i, a in enumerate(members) for b in members[i + 1 :] if a.key != b.key]
    return pairs


# a subject written as a kind of firm (运营公司, 这家企业) right before 与
_KIND_SUBJECT = re.compile(r"(?:^|[，,；;：:])[^，,；;：:。]{0,8}?(?:公司|企业|集团)(?:也|还|又|已|将|正式)*$")
# 签署三方合作协议: the pact itself says how many signed it
_MULTI_PACT = re.compile(r"(?:[三四五六七八九]|多)方")
# 三方/四方/多方 (代表) after a list of parties: one pact of them all
_MULTI_PARTY = re.compile(r"^(?:[三四五六七八九]|多)方(?:代表)?")


def _parties_of_chain(ctx: _Ctx, candidates: Sequence[Mention], chain: list[Mention], doc: _Doc | None) -> list[tuple[Mention, Mention]]:
    """The pairs a coordinated chain of names makes with the subject before 与 (see :func:`_parties`)."""
    text = ctx.sentence.text
    head_text = text[: ctx.rel(chain[0])]
    lead = re.search(r"(?:与|同|和|跟)$", head_text)
    if lead is None:
        # the first member may itself be "X与"
        for i in range(1, len(chain)):
            if _gap(text[ctx.rel_end(chain[i - 1]) : ctx.rel(chain[i])]) in ("与", "同", "跟", "携手", "联合"):
                left, right = chain[:i], chain[i:]
                return [(a, b) for a in left for b in right]
        return [(a, b) for i, a in enumerate(chain) for b in chain[i + 1 :]]
    before = [m for m in candidates if m.end <= chain[0].start and m not in chain]
    subject = None
    self_word = _SELF_SUBJECT.search(head_text[: lead.start()])
    if before and re.fullmatch(r"(?:也|还|又|再|均|同时|正式|已|将|分别)?", _gap(text[ctx.rel_end(before[-1]) : lead.start()])):
        subject = before[-1]
    elif (self_word is not None and self_word.group(1) in _ISSUER_WORDS and doc is not None and doc.own_firm is not None
          and all(m.key != doc.own_firm.key for m in chain)):
        subject = doc.own_firm  # 公司与B共同申请, in a company's own report: the issuer, not the firm spoken of last
    elif self_word is not None and (self_word.group(1) not in _SELF_BODY_NAME or _self_party(ctx, doc, _SELF_CLASSES[self_word.group(1)], chain, _SELF_BODY_NAME[self_word.group(1)])):
        # 学校/公司/园区分别与A、B签署…: the party is the school, company or park the text speaks for;
        # 管委会/区政府与B…: the committee or government named before (else the topic, a park standing for it)
        subject = _self_party(ctx, doc, _SELF_CLASSES[self_word.group(1)], chain, _SELF_BODY_NAME.get(self_word.group(1)))
    elif _KIND_SUBJECT.search(head_text[: lead.start()]) and (ctx.topic is None or ctx.topic.cls != "Enterprise"):
        return []  # 运营公司与B签署…: the subject is a firm the text describes, not the school or park spoken of before
    elif ctx.topic is not None and ctx.topic not in chain and all(ctx.topic.key != m.key for m in chain):
        subject = ctx.topic
    if subject is None:
        return []
    return [(subject, b) for b in chain if b.key != subject.key]


# 双方, and the pair a university's or a firm's text calls by their kinds (学校和公司, 校企)
_BOTH_SIDES = re.compile(r"双方|校企|(?:学校|高校)(?:和|与)(?:公司|企业)|(?:公司|企业)(?:和|与)(?:学校|高校)")
_PLANNING = re.compile(_CUES.alternation("planning"))
_JOINED_FOUNDING = re.compile(r"联合([^，。；]{2,60}?)(?:等[\u4e00-\u9fff]{0,4})?" + _CUES.alternation("founding"))
# 由A牵头，联合B…组建: A leads the founding
_LED_BY = re.compile(r"(?:由)?([^，,。；;]{2,40}?)" + _CUES.alternation("lead-unit") + r"[，,]?$")
_PLANNED_BEFORE = re.compile(_CUES.alternation("planned") + r"(?:共同|联合|合作)?$")
# 双方将围绕X开展攻关，并共建Y: the plan word of the clause before scopes over the verb 并 joins to it
_PLANNED_CHAIN = re.compile(r"(?:^|[，,；;。])(?:双方|[^，,；;。]{0,12}?)" + _CUES.alternation("planned") + r"[^；;。]*?[，,]并(?:共同|联合|合作)?$")


def _both_sides(ctx: _Ctx, doc: _Doc, cue_start: int) -> list[tuple[Mention, Mention]]:
    """双方 before a cue, with nobody named between: the two parties named before it in the
    sentence (A为B提供服务，双方签订…), else the last pair the text spoke of (…签约。双方将共建…)."""
    text = ctx.sentence.text
    both = None
    for both in _BOTH_SIDES.finditer(text, 0, cue_start):
        pass
    if both is None or any(both.end() <= ctx.rel(m) < cue_start for m in _actors(ctx)):
        return []
    named = [m for m in _actors(ctx) if ctx.rel_end(m) <= both.start()]
    named = [m for m in named if not any(o is not m and o.start <= m.start and m.end <= o.end for o in named)]
    keys = list(dict.fromkeys(m.key for m in named))
    if len(keys) > 2:  # 园区企业A为B提供…: the park only places A
        named = [m for m in named if m.cls != "Park"]
        keys = list(dict.fromkeys(m.key for m in named))
    if len(keys) == 2:
        first = {k: next(m for m in named if m.key == k) for k in keys}
        return [(first[keys[0]], first[keys[1]])]
    school_pair = _school_and_topic(ctx, doc) if not keys else None
    if school_pair is not None:
        return [school_pair]
    if not keys and doc.last_pair is not None:
        return [doc.last_pair]
    own = doc.own_firm or doc.main_firm
    if own is None:
        return []
    if len(keys) == 1 and named[0].key != own.key and named[0].cls in ORG and _SELF_WORD.search(text[: both.start()]):
        return [(own, named[0])]  # 我们参股了B，双方…联合开发: the speaker's firm and B
    topic = ctx.topic
    if not keys and doc.own_firm is not None and topic is not None and topic.cls == "Enterprise" and topic.key != own.key:
        return [(own, topic)]  # a report's paragraph on one investee: 双方 are the issuer and it
    return []


def _school_and_topic(ctx: _Ctx, doc: _Doc) -> tuple[Mention, Mention] | None:
    """双方 in a school's own text, in a passage about a firm the last pact did not name: the school and that firm
    (我校…。中岳轴承是…。双方共建X: not the park the school signed with paragraphs before)."""
    school, topic = doc.own_school, ctx.topic
    if school is None or topic is None or topic.cls != "Enterprise" or topic.key == school.key:
        return None
    if doc.last_pair is not None and topic.key in {m.key for m in doc.last_pair}:
        return None
    return (school, topic)


def _own_school(sentences: Sequence[Sentence], mentions: Sequence[Mention]) -> Mention | None:
    """The university a text speaks for when it says 我校/本校: the one it names most (a college is not one)."""
    if not any(w in s.text for s in sentences for w in _CUES.words("school-own")):
        return None
    schools = [m for m in mentions if m.cls == "University" and not (_COLLEGE.search(m.name) and "大学" not in m.name)]
    if not schools:
        return None
    counts: dict[str, int] = {}
    for m in schools:
        counts[m.key] = counts.get(m.key, 0) + 1
    best = max(counts, key=lambda k: counts[k])
    return next(m for m in schools if m.key == best)


def _pair_of_clause_before(ctx: _Ctx, doc: _Doc, cue_start: int) -> list[tuple[Mention, Mention]]:
    """A携手B，共建X / A与B签署协议，共建X: a cue opening a clause with no party of its own
    takes the pair the sentence's earlier clause cooperates."""
    text = ctx.sentence.text
    clause = max(text.rfind(c, 0, cue_start) for c in "，,；;") + 1
    if clause == 0 or any(clause <= ctx.rel(m) < cue_start for m in _actors(ctx)):
        return []
    # (an end the cooperation rule read from a self word, 区人民政府, is a body the text names elsewhere)
    by_key = {m.key: m for m in doc.all_mentions} | {m.key: m for m in ctx.mentions}
    found = [r for r in cooperation(ctx, doc) if r.end - ctx.sentence.start <= clause]
    pairs = {(r.subject, r.object) for r in found if r.subject in by_key and r.object in by_key}
    return [(by_key[a], by_key[b]) for a, b in sorted(pairs)] if len(pairs) == 1 else []


_SELF_CLASSES = {"学校": {"University"}, "我校": {"University"}, "该校": {"University"}, "本校": {"University"},
                 "公司": {"Enterprise"}, "本公司": {"Enterprise"}, "该公司": {"Enterprise"}, "我公司": {"Enterprise"},
                 "园区": {"Park"}, "该园区": {"Park"}, "本园区": {"Park"}, "我区": {"Park"}, "全区": {"Park"},
                 "管委会": {"GovernmentBody"}, "园区管委会": {"GovernmentBody"}, "区人民政府": {"GovernmentBody"},
                 "区政府": {"GovernmentBody"}, "市人民政府": {"GovernmentBody"}, "市政府": {"GovernmentBody"}}
# in a company's own report (招股说明书, 年度报告) these words are the issuer; 该公司 is the firm just named
_ISSUER_WORDS = ("公司", "本公司", "我公司")
# the body a bare government word names: a 管委会 is a committee, 区政府 a district's 人民政府
_SELF_BODY_NAME = {"管委会": r"(?:管委会|管理委员会)$", "园区管委会": r"(?:管委会|管理委员会)$", "区人民政府": r"区人民政府$",
                   "区政府": r"区人民政府$", "市人民政府": r"市人民政府$", "市政府": r"市人民政府$"}
# an unnamed party standing for the writer's own body before 与 (学校分别与…, 公司还与…)
_SELF_SUBJECT = re.compile(r"(?:^|[，,；;：:]|(?<=专利)系)(" + "|".join(sorted(_SELF_CLASSES, key=len, reverse=True)) + r")(?:也|还|又|已|将|分别|共同|正式)*$")


def _self_party(ctx: _Ctx, doc: _Doc | None, classes: set[str], chain: Sequence[Mention], name: str | None = None) -> Mention | None:
    """The body a self-reference (学校, 公司, 园区, 管委会, 区政府) means: the topic when of that kind, else the
    last such body named before (a government word: one whose name ends so), never one of the listed partners."""
    keys = {m.key for m in chain}

    def fits(m: Mention) -> bool:  # 学校/我校 is a university, never one of its colleges (机械工程学院)
        if name is not None and not re.search(name, m.key):
            return False
        return m.cls in classes and m.key not in keys and (m.cls != "University" or not _COLLEGE.search(m.name) or "大学" in m.name)

    if ctx.topic is not None and fits(ctx.topic) and ("University" not in classes or "大学" in ctx.topic.name):
        return ctx.topic
    pool = doc.all_mentions if doc is not None else ctx.mentions
    before = [m for m in pool if fits(m) and m.end <= chain[0].start]
    if "University" in classes and any("大学" in m.name for m in before):
        before = [m for m in before if "大学" in m.name]
    return before[-1] if before else None


def _coordinated_right(ctx: _Ctx, right: Sequence[Mention]) -> list[Mention]:
    text = ctx.sentence.text
    chain = [right[0]]
    for m in right[1:]:
        if text[ctx.rel_end(chain[-1]) : ctx.rel(m)] in ("、", "和", "及", "与", "以及"):
            chain.append(m)
        else:
            break
    return chain


def _respectively(ctx: _Ctx, cue: re.Match[str]) -> list[Relation]:
    """A、B和C…分别…X、Y和Z: pair the two lists in order (hosts of platforms, undertakers of projects)."""
    text = ctx.sentence.text
    outer = [m for m in ctx.mentions if not any(o is not m and o.start <= m.start and m.end <= o.end and o.cls != "Project" for o in ctx.mentions)]
    kinds = {"Platform": ORG - {"GovernmentBody"}, "Project": ORG - {"GovernmentBody"}}
    out: list[Relation] = []
    for thing_cls, owner_cls in kinds.items():
        things_before = [m for m in outer if m.cls == thing_cls and ctx.rel_end(m) <= cue.start()]
        things_after = [m for m in outer if m.cls == thing_cls and ctx.rel(m) >= cue.end()]
        owners_before = [m for m in outer if m.cls in owner_cls and ctx.rel_end(m) <= cue.start()]
        owners_after = [m for m in outer if m.cls in owner_cls and ctx.rel(m) >= cue.end()]
        for things, owners in ((things_after, owners_before), (things_before, owners_after)):
            if not things or not owners:
                continue
            if owners is owners_before:
                owners = [m for m in owners if not re.search(r"(?:与|和)$", text[: ctx.rel(m)]) or owners.index(m) > 0]
                chain = _coordinated(ctx, owners, min(ctx.rel_end(owners[-1]) + 12, cue.start())) or owners
            else:
                chain = _coordinated_right(ctx, owners)
            if things is things_after:
                things = _coordinated_right(ctx, things)
            else:
                things = _coordinated(ctx, things, ctx.rel_end(things[-1])) or things
            if len(chain) != len(things) or len(things) < 2:
                continue
            for owner, thing in zip(chain, things):
                pred = "hostsPlatform" if thing_cls == "Platform" else "undertakenBy"
                s_, o_ = (owner, thing) if pred == "hostsPlatform" else (thing, owner)
                out.append(Relation(s_.key, pred, o_.key, ctx.sentence.index, min(s_.start, o_.start), max(s_.end, o_.end),
                                    f"{pred}:分别"))
    return out


def _clause_year(text: str, pos: int) -> int | None:
    """The year written in the same clause before ``pos`` (2023年荣获…)."""
    start = max(text.rfind(c, 0, pos) for c in "，,；;。") + 1
    m = None
    for m in YEAR_RE.finditer(text, start, pos):
        pass
    return int(m.group(1)) if m else None


# 张三（…）荣获H / 张三领衔的团队入选H (a talent programme names the team's leader)
_PERSON_AWARDED = re.compile(r"(?:[（(][^）)]*[）)])?(?:(?:领衔|带领|牵头)的(?:科研|创新|研发)?团队)?(?:也|还|曾|先后|已)?(?:荣获|获评|获得|入选|被评为|被授予)(?:了)?[“「]?$")


# 入选工业和信息化部…名单: a body right after the award verb names the list, it is not the holder
_AFTER_AWARD_VERB = re.compile(_CUES.alternation("honour") + r"了?(?:(?:19|20)\d{2}年度?)?$")


_THING_ANAPHOR = re.compile(r"(?:该|这一|此)(?:平台|中心|实验室|基地)$")
# titles only a person holds (领军人才, 八桂学者, 大国工匠, 人才工程)
_PERSON_HONOUR = re.compile(r"(?:人才|学者|专家|工匠|院士|人才工程|人才计划|奖章|劳动模范|红旗手)$")
# 他先后入选…，2024年获H / H获得者 (a title in a person's résumé): a person holds it
_HE_OR_SHE = re.compile(r"^(?:[^，,；;。]{0,10}?[，,])?(?:他|她)(?!们)")
_HOLDER_TITLE = re.compile(_CUES.alternation("honour-holder"))


def _pronoun_person(ctx: _Ctx, doc: _Doc, h: Mention) -> Mention | None:
    """他/她 opening the sentence, with no person named in it before H, or H right before 获得者/得主:
    the person named last before (the one a profile is about) holds H."""
    text = ctx.sentence.text
    if any(m.cls == "Person" and ctx.rel_end(m) <= ctx.rel(h) for m in ctx.mentions):
        return None
    if not (_HE_OR_SHE.match(text) or _HOLDER_TITLE.match(text, ctx.rel_end(h))):
        return None
    people = [m for m in doc.all_mentions if m.cls == "Person" and m.end <= ctx.sentence.start + ctx.rel(h)]
    return people[-1] if people else None
# a sentence opening with a platform's bare head noun (孵化器2019年被认定为…) speaks of the platform named before
_BARE_THING = re.compile(r"^(孵化器|众创空间|加速器|实验室|研究院|中心|平台|基地)(?![的和与、])")


def _named_holder(ctx: _Ctx, doc: _Doc, h: Mention) -> Mention | None:
    """公司电子级硫酸于2024年入选H / 其X被认定为H / 该平台…被认定为H: a product or platform the text named
    before (in this sentence or earlier) stands right before the award, in the same clause, and holds it
    (not a …企业 title: only a firm holds one)."""
    text = ctx.sentence.text
    known = [m for m in doc.all_mentions if m.cls in ("Product", "Platform") and len(m.name) >= 3 and m.start < ctx.sentence.end]
    best: Mention | None = None
    for m in known:
        at = text.rfind(m.name, 0, ctx.rel(h))
        gap = text[at + len(m.name) : ctx.rel(h)]
        if (at >= 0 and not re.search(r"[，,]", gap) and _AWARDED_GAP.fullmatch(gap) and not h.name.endswith("企业")
                and (best is None or len(m.name) > len(best.name))):
            best = m
    if best is None and doc.last_platform is not None:
        for a in _THING_ANAPHOR.finditer(text, 0, ctx.rel(h)):
            if _AWARDED_GAP.fullmatch(text, a.end(), ctx.rel(h)) and not h.name.endswith("企业"):
                best = doc.last_platform
    return best


def _product_before(ctx: _Ctx, doc: _Doc, h: Mention) -> Mention | None:
    """The product a product's honour (首台（套）, 单项冠军产品, 优秀工业新产品) goes to: the last one named
    before it in its part of the sentence (up to a semicolon), with no holder but a conferrer between."""
    text = ctx.sentence.text
    start = max(text.rfind(c, 0, ctx.rel(h)) for c in "；;。") + 1
    known = {m.name for m in doc.all_mentions if m.cls == "Product" and len(m.name) >= 3}
    found = [(ctx.rel(m), ctx.rel_end(m), m) for m in ctx.mentions if m.cls == "Product" and start <= ctx.rel(m) and ctx.rel_end(m) <= ctx.rel(h)]
    for name in known:  # 公司电子级硫酸于…入选: a product the text named elsewhere
        at = text.rfind(name, start, ctx.rel(h))
        if at >= 0:
            found += [(at, at + len(name), m) for m in doc.all_mentions if m.cls == "Product" and m.name == name][:1]
    if not found:
        return None
    at, end, product = max(found, key=lambda f: (f[1], f[1] - f[0]))
    if any(m.cls in ACTORS - {"GovernmentBody"} and end <= ctx.rel(m) < ctx.rel(h) for m in ctx.mentions):
        return None  # (a conferring ministry between is no holder)
    return product


_UNNAMED_CHILD = re.compile(r"(?:[一二三四五六七八九十]+、)?(?:公司|本公司|其)?(?:的)?(?:全资|控股|参股)?子公司")


def _honour_holder(ctx: _Ctx, h: Mention, last_patent: Mention | None) -> Mention | None:
    """Who received an honour: a patent named before it, the clause's subject, or the topic."""
    text = ctx.sentence.text
    ms = ctx.mentions
    before = text[: ctx.rel(h)]
    pats = [m for m in ms if m.cls == "Patent" and ctx.rel_end(m) <= ctx.rel(h)]
    if pats and not [m for m in ms if m.cls in ACTORS | {"Product", "Platform"} and ctx.rel_end(pats[-1]) <= ctx.rel(m) and ctx.rel_end(m) <= ctx.rel(h)] \
            and not re.search(r"[；;]", text[ctx.rel_end(pats[-1]) : ctx.rel(h)]):
        return pats[-1]  # (专利P获奖；公司研制的X入选H: X, named after the patent's clause, holds H)
    if re.search(r"该(?:专利|技术|发明)", before):
        return pats[-1] if pats else last_patent
    # X被科学技术部认定为H / X获评H / X，2024年获批H: the holder stands right before the award verb
    direct = [m for m in ms if m.cls in ACTORS | {"Platform", "Product", "Project"} and ctx.rel_end(m) <= ctx.rel(h)
              and _AWARDED_GAP.fullmatch(text, ctx.rel_end(m), ctx.rel(h)) and not text[: ctx.rel(m)].endswith("被")
              and not (h.name.endswith("企业") and m.cls in ("Platform", "Product", "Project"))]  # only a firm is a …企业
    if direct:
        return max(direct, key=lambda m: (m.end - m.start, -m.start))
    clause_start = max(before.rfind(c) for c in "，,；;。") + 1
    passive = re.search(r"的([\u4e00-\u9fffA-Za-z0-9]{2,16})被[^，,；;。]*$", before[clause_start:])
    if passive and not any(clause_start + passive.start(1) <= ctx.rel(m) < clause_start + passive.end(1) for m in ms):
        return None  # 其研发的X被…认定为H: X holds it, and X is no entity here (not the company before)
    in_clause = [m for m in ms if clause_start <= ctx.rel(m) and ctx.rel_end(m) <= ctx.rel(h)
                 and m.cls in ACTORS | {"Platform"} and _is_topic_candidate_any(m, text, ctx.sentence.start)]
    in_clause = [m for m in in_clause if not re.search(r"被$", text[: ctx.rel(m)]) and not _AFTER_AWARD_VERB.search(text, 0, ctx.rel(m))
                 and not re.match(r"(?:正式|近日|日前)?(?:公布|认定|发布|评选|命名|授予)的", text[ctx.rel_end(m) :])]  # 入选B公布的H: B confers
    person = [m for m in ms if m.cls == "Person" and clause_start <= ctx.rel(m) and ctx.rel_end(m) <= ctx.rel(h)
              and _PERSON_AWARDED.match(text, ctx.rel_end(m), ctx.rel(h))]
    if person:
        return person[-1]  # 董事长X（兼总经理）荣获“…”称号: the person holds it
    if re.search(r"(?:\d+|[两二三四五六七八九十]+)\s*(?:家|个|所)(?:企业|公司|单位|高校)", text[clause_start : ctx.rel(h)]):
        return None  # 园区3家企业被评为…: the firms (listed elsewhere) hold it
    if in_clause:
        return in_clause[0]
    if _UNNAMED_CHILD.match(text, clause_start, ctx.rel(h)):
        return None  # 控股子公司获批H: a subsidiary not named here holds it, not the firm the text is about
    subject = _sentence_subject(ctx)
    if re.match(r"^(?:并|且|还|也|同时|又)", text[clause_start : ctx.rel(h)]):
        return subject or ctx.topic
    # a passive clause with no subject of its own (…孵化器，2023年被认定为国家级科技企业孵化器):
    # the thing just named when it is of the honour's kind, else the sentence's subject
    if re.search(r"^[^，,；;]*(?:被|获|入选|获评|荣获)", text[clause_start : ctx.rel(h)]):
        prior = [m for m in ms if ctx.rel_end(m) <= clause_start and m.cls in ACTORS | {"Platform"}]
        prior = [m for m in prior if not any(o is not m and o.start <= m.start and m.end <= o.end for o in prior)]
        same_kind = [m for m in prior if m.name[-2:] == h.name[-2:] or (m.cls == "Platform" and h.rule == "honour:designation" and m.name[-3:] == h.name[-3:])]
        if same_kind:
            return same_kind[-1]
        if subject is not None and not re.search(r"被$", text[: ctx.rel(subject)]):
            return subject
    cands = [m for m in ms if m.cls in ACTORS and ctx.rel_end(m) <= ctx.rel(h) and _is_topic_candidate(m, text, ctx.rel(m))
             and not re.search(r"(?:被|由)$", text[: ctx.rel(m)])]
    return cands[0] if cands else ctx.topic


def _sentence_subject(ctx: _Ctx) -> Mention | None:
    """The outermost actor or platform that opens the sentence, or the topic for 公司/该企业/其."""
    text = ctx.sentence.text
    first_clause_end = min([i for i in (text.find(c) for c in "，,；;。") if i >= 0] or [len(text)])
    if re.match(r"^(?:[^，,]{0,8}?[，,])?(?:此外|同时|另外)?[，,]?(?:公司|企业|该公司|该企业|该集团|其)", text):
        return ctx.topic
    cands = [m for m in ctx.mentions if m.cls in ACTORS | {"Platform"} and ctx.rel(m) < first_clause_end
             and _is_topic_candidate_any(m, text, ctx.sentence.start)]
    cands = [m for m in cands if not any(o is not m and o.start <= m.start and m.end <= o.end for o in ctx.mentions if o.cls in ACTORS | {"Platform"})]
    return cands[0] if cands else ctx.topic


def _is_topic_candidate_any(m: Mention, text: str, sentence_start: int) -> bool:
    return m.cls == "Platform" or _is_topic_candidate(m, text, m.start - sentence_start)


def _conferrer(ctx: _Ctx, h: Mention) -> str | None:
    """The body that conferred an honour: 被工业和信息化部认定为…, 国家知识产权局公布…."""
    text = ctx.sentence.text
    ms = ctx.mentions
    for g in [m for m in ms if m.cls == "GovernmentBody" and ctx.rel_end(m) <= ctx.rel(h)]:
        after = text[ctx.rel_end(g) : ctx.rel(h)]
        before = text[: ctx.rel(g)]
        if before.endswith(("被", "由", "获")) and re.match(r"^(?:认定|评为|授予|批准|命名|评定)", after):
            return g.key
        if re.match(r"^(?:公布|颁发|授予|发布|认定|评选|表彰)", after):
            return g.key
    return None


# 以A为链主的X产业链: the chain named right after the cue
_LED_CHAIN_AFTER = re.compile(r"(?:企业)?的([\u4e00-\u9fff]{2,10}?)(?:产业链|产业集群)")


def _chain_words(ctx: _Ctx, start: int, end: int, named: Iterable[Mention]) -> Mention:
    """The Industry mention spanning text[start:end] exactly, else the words themselves as an Industry."""
    words = ctx.sentence.text[start:end]
    known = next((m for m in named if ctx.rel(m) == start and ctx.rel_end(m) == end), None)
    return known or Mention(words, "Industry", ctx.sentence.start + start, ctx.sentence.start + end, ctx.sentence.index,
                            "industry:named", canonical=words)


def _chain_leaders(ctx: _Ctx, cue: re.Match[str]) -> list[Mention]:
    """Firms a 链主/龙头企业 cue names: 以A、B为代表的龙头企业; A是…的链主; 作为…龙头企业，A…; 以A为链主的…."""
    text = ctx.sentence.text
    firms = [m for m in ctx.mentions if m.cls == "Enterprise"]
    clause_start = max(text.rfind(c, 0, cue.start()) for c in "，,；;。") + 1
    ends = [i for i in (text.find(c, cue.end()) for c in "，,；;。") if i >= 0]
    clause_end = min(ends) if ends else len(text)
    # 以A、B、C等为代表的…龙头企业 / 以A为链主的
    rep = None
    for rep in re.finditer(r"以(.{2,80}?)(?:等)?为(?:代表|链主|龙头|核心)", text[: cue.end()]):
        pass
    if rep is not None:
        inside = [m for m in firms if rep.start(1) <= ctx.rel(m) and ctx.rel_end(m) <= rep.end(1)]
        if inside:
            return inside
    # A 是/作为 …链主 (same clause, before the cue)
    same = [m for m in firms if clause_start <= ctx.rel(m) and ctx.rel_end(m) <= cue.start()
            and not re.search(r"(?:供货给|客户|与|和|及)", text[clause_start : ctx.rel(m)])]
    if same:
        return same[:1]
    # X产业链链主企业A / X产业龙头企业A: the firm right after the cue names the industry's leader
    # 储能系统集成环节的龙头企业A / 光伏玻璃这条链，链主是A
    right = re.match(r"^(?:企业)?(?:代表)?(?:则是|就是|也是|便是|是|为)?", text[cue.end() :])
    after = [m for m in firms if 0 <= ctx.rel(m) - cue.end() - right.end() <= 1]
    # P龙头企业A带动X产业链…: the park's leader, when the chain it leads is named after it (no industry is guessed)
    park_before = (any(m.cls == "Park" and re.fullmatch(r"(?:内|的)?", text[ctx.rel_end(m) : cue.start()]) for m in ctx.mentions)
                   and _CHAIN_AFTER.search(text, cue.end()) is not None)
    if after and (re.search(r"(?:产业链|产业|行业|领域|环节)(?:的)?$|(?:产业链|链)[，,]$", text[: cue.start()])
                  or not text[clause_start : cue.start()].strip("“”") or park_before):
        return after[:1]
    # 作为…龙头企业，A… / P的“领头雁”，则是A : the subject of the next clause
    if re.search(r"(?:作为|身为|(?<![一二三四五六七八九十])是)[^，,]*$", text[clause_start : cue.start()]) or re.match(
        r"^[，,]\s*(?:则是|就是|当属|是)", text[clause_end:]
    ):
        nxt = [m for m in firms if clause_end <= ctx.rel(m) <= clause_end + 5]
        if nxt:
            return nxt[:1]
    # a whole-sentence subject: A…，是…的链主企业 / A…，被…确定为…链主企业
    # (一是/二是 number a list: 二是深化链主带动 names no leader)
    if re.search(r"(?:(?<![一二三四五六七八九十])是|成为|确定为|认定为|评为|列为)[^，,]*$", text[clause_start : cue.start()]):
        firsts = [m for m in firms if ctx.rel(m) < clause_start and _is_topic_candidate(m, text, ctx.rel(m))]
        if firsts:
            return firsts[:1]
        if ctx.topic is not None and ctx.topic.cls == "Enterprise":
            return [ctx.topic]
    return []


def _main_park(mentions: Sequence[Mention]) -> Mention | None:
    """The park a document is about: the one it names most often (first mention kept)."""
    counts: dict[str, int] = {}
    first: dict[str, Mention] = {}
    for m in mentions:
        if m.cls == "Park":
            counts[m.key] = counts.get(m.key, 0) + 1
            first.setdefault(m.key, m)
    if not counts:
        return None
    return first[max(counts, key=lambda k: (counts[k], -first[k].start))]


_PAIR_PREDICATES = frozenset({"cooperatesWith", "coBuiltPlatformWith", "coFiledPatentWith"})


def find_relations(
    sentences: Sequence[Sentence], mentions: Sequence[Mention], lex: Lexicon | None = None
) -> list[Relation]:
    """All relations the cues support, one list for the document.

    Examples
    --------
    >>> from graph.text.clean import clean_text
    >>> from graph.text.segment import split_sentences
    >>> from graph.extract.mentions import find_mentions
    >>> sents = split_sentences(clean_text("广东星河新材料有限公司位于肇庆高新区。"))
    >>> ms = find_mentions(sents).mentions
    >>> [(r.subject, r.predicate, r.object) for r in find_relations(sents, ms)]
    [('广东星河新材料有限公司', 'locatedIn', '肇庆高新技术产业开发区')]
    """
    lex = lex or load_lexicon()
    topics = sentence_topics(sentences, mentions)
    by_sentence: dict[int, list[Mention]] = {}
    for m in mentions:
        by_sentence.setdefault(m.sentence, []).append(m)
    out: list[Relation] = []
    last_patent = None
    chain_context = False
    chain_park = None
    last_project = None
    last_honour = None
    last_platform = None
    main_park = _main_park(mentions)
    main_firm = _main_firm(sentences, mentions)
    own_firm = document_company(sentences, mentions, defined=True)
    own_school = _own_school(sentences, mentions)
    all_mentions = tuple(mentions)
    last_industry = None
    last_site = None
    prev_topic = None
    last_pair = None
    record_firm = None
    for s, topic, families in zip(sentences, topics, sentence_families(sentences)):
        ms = tuple(sorted(by_sentence.get(s.index, []), key=lambda m: (m.start, m.end)))
        if _PARK_ANAPHOR.match(s.text) and not any(m.cls == "Park" and m.start - s.start <= 12 for m in ms):
            # 该园区…: the sentence is about the park spoken of before, not a sub-park it names later
            earlier = prev_topic if prev_topic is not None and prev_topic.cls == "Park" else main_park
            topic = earlier or topic
        doc = _Doc(lex, all_mentions, last_patent, last_project, last_honour, last_platform,
                   chain_context, chain_park, main_park, main_firm, last_industry, prev_topic, last_pair, own_firm,
                   record_firm, last_site, own_school)
        # a brief's ◆ headline is metadata: its body states the same facts, by full names
        found = relations_in(_Ctx(s, ms, topic), doc, families=families) if not is_bullet_headline(s) else []
        out += found
        pairs = [r for r in found if r.predicate in _PAIR_PREDICATES]
        if len({frozenset((r.subject, r.object)) for r in pairs}) > 1:
            last_pair = None  # 与五家企业签约: 双方 later names none of them
        elif pairs:
            by_key = {m.key: m for m in reversed(all_mentions)} | {m.key: m for m in reversed(ms)}
            ends = (by_key.get(pairs[-1].subject), by_key.get(pairs[-1].object))
            last_pair = ends if ends[0] is not None and ends[1] is not None else None  # type: ignore[assignment]
        plats = [m for m in ms if m.cls == "Platform"]
        if plats:
            last_platform = plats[-1]
        hons = [m for m in ms if m.cls == "Honour"]
        if hons:
            last_honour = hons[-1]
        projs = [m for m in ms if m.cls == "Project"]
        if projs:
            last_project = projs[-1]
        chain_context = bool(_CHAIN_CUE.search(s.text))
        chain_park = next((m for m in ms if m.cls == "Park"), None) if chain_context else None
        pats = [m for m in ms if m.cls == "Patent"]
        if pats:
            last_patent = pats[-1]
        named_inds = [m for m in ms if m.cls == "Industry" and m.rule == "industry:named"]
        last_industry = named_inds[-1] if named_inds else None  # 该产业链 points back one sentence only
        last_site = _site_placed(found, ms)  # 入驻的还有A points back one sentence only
        prev_topic = topic
        named = NAME_FIELD.match(s.text)
        if named:
            record_firm = next((m for m in ms if m.cls in ORG and m.start - s.start == named.end()), record_firm)
    out += table_relations(read_tables(sentences, lex), mentions, sentences, designation_scope(sentences, lex))
    out += _list_under_heading(sentences, by_sentence, topics)
    out += record_relations(read_records(sentences, lex), mentions)
    out = _prefer_stated_direction(out)
    out = _prefer_committee(out, mentions)
    out = _prefer_stated_host(out, mentions)
    out = _prefer_inner_park(out)
    out = _role_held_before(out)
    out = _platform_honours(out, mentions)  # before the filter: a committee's designation may be its platform's
    out = _product_honours(out, mentions)
    out = [r for r in out if not (r.predicate == "produces" and (_GENERIC_PRODUCT.fullmatch(r.object) or _QUANTIFIED_KIND.match(r.object)))]
    seen = set()
    unique = []
    for r in out:
        key = (r.subject, r.predicate, r.object, r.role)
        if key in seen:
            continue
        seen.add(key)
        unique.append(r)
    return unique


# a heading over a list of names, one a line: 国家级专精特新“小巨人”企业（2家） / …企业名单（旌湖高新区）
_LIST_HEADING = re.compile(r"[^，。；;：:]{2,60}?(?:名单)?(?:[（(]([^）)]{1,20})[）)])?[：:]?")


def _list_under_heading(sentences: Sequence[Sentence], by_sentence: dict[int, list[Mention]],
                        topics: Sequence[Mention | None]) -> list[Relation]:
    """A heading line naming an honour (or a park in brackets) followed by lines that are each only
    firm names: every listed firm received the honour (and is in that park)."""
    out: list[Relation] = []
    for i, s in enumerate(sentences):
        head = _LIST_HEADING.fullmatch(s.text)
        if head is None:
            continue
        ms = by_sentence.get(s.index, [])
        honours = [m for m in ms if m.cls == "Honour"]
        parks = [m for m in ms if m.cls == "Park" and head.group(1) is not None and m.start - s.start >= head.start(1)]
        if not honours and not parks:
            continue
        for line, topic in zip(sentences[i + 1 :], topics[i + 1 :]):
            firms = sorted((m for m in by_sentence.get(line.index, []) if m.cls == "Enterprise"), key=lambda m: m.start)
            if not firms or re.sub(r"[、，,\s]", "", line.text) != "".join(line.text[m.start - line.start : m.end - line.start] for m in firms):
                break  # the list ends at the first line that is not names only
            ctx = _Ctx(line, tuple(firms), topic)
            for f in firms:
                for h in honours:
                    _add(out, ctx, f, "receivedHonour", h, "receivedHonour:名单标题", year=_sentence_year(s.text))
                for p in parks:
                    _add(out, ctx, f, "locatedIn", p, "locatedIn:名单标题")
    return out


_PLATFORM_HONOUR = _CUES.pattern("honour-platform")


def _prefer_stated_direction(rels: list[Relation]) -> list[Relation]:
    """A与B签订供货协议 does not say who sells: where the text states the trade the other way round
    (B为A配套), the pact's reading gives way."""
    trades = {(r.subject, r.object) for r in rels if r.predicate == "hasCustomer" and not r.rule.startswith("hasCustomer:与…")}
    return [r for r in rels if not (r.predicate == "hasCustomer" and r.rule.startswith("hasCustomer:与…")
                                    and (r.object, r.subject) in trades)]


def _platform_honours(rels: list[Relation], mentions: Sequence[Mention]) -> list[Relation]:
    """A platform's designation (国家级科技企业孵化器, 省工程技术研究中心, 公共服务示范平台) given to an
    organisation while the sentence (or the one before) names a platform: the platform holds it."""
    cls = {m.key: m.cls for m in mentions}
    plats = sorted((m for m in mentions if m.cls == "Platform"), key=lambda m: m.start)
    out = []
    for r in rels:
        if r.predicate == "receivedHonour" and cls.get(r.subject) in ACTORS and _PLATFORM_HONOUR.search(r.object):
            near = [m for m in plats if r.sentence - 1 <= m.sentence <= r.sentence and m.start < r.end and m.key != r.object]
            if near:
                p = near[-1]
                support = tuple(sorted(set(r.support) | ({p.sentence} if p.sentence != r.sentence else set())))
                r = dataclasses.replace(r, subject=p.key, support=support, rule=r.rule + "+platform")
        out.append(r)
    return out


_PRODUCT_HONOUR = _CUES.pattern("honour-product")
# a heading's word for products (主营业务、主要产品及其变化情况) names no product
_GENERIC_PRODUCT = re.compile(r"(?:主要|核心|主营|主打|重点|拳头|其他|相关)?产品")
_QUANTIFIED_KIND = re.compile("(?:" + _CUES.alternation("kind-quantifier") + ")[\u4e00-\u9fff]")  # 各类数控机床: a class of goods


def _product_honours(rels: list[Relation], mentions: Sequence[Mention]) -> list[Relation]:
    """A product's honour (首台（套）重大技术装备, 单项冠军产品, 优秀工业新产品) is held by the product:
    the firm that made it, named as the clause's subject, does not hold it. A government body is
    never said to be located in a park (it attends, approves or runs it), nor to hold an honour (it confers it)."""
    cls = {m.key: m.cls for m in mentions}
    return [r for r in rels if not (r.predicate == "receivedHonour" and cls.get(r.subject) in ACTORS and _PRODUCT_HONOUR.search(r.object))
            and not (r.predicate in ("locatedIn", "receivedHonour") and cls.get(r.subject) == "GovernmentBody")]


_ROLE_ONLY = ("affiliatedWith:role→body", "affiliatedWith:name+role→body")


def _role_held_before(rels: list[Relation]) -> list[Relation]:
    """A title written without its body (记者专访了董事长张三, 张三局长强调) whose holder the text
    has already given that title in a named body: the title is that body's, not the topic's."""
    named = {(r.subject, r.role): r.object for r in rels if r.predicate == "affiliatedWith" and r.rule not in _ROLE_ONLY}
    return [r for r in rels if not (r.predicate == "affiliatedWith" and r.rule in _ROLE_ONLY
                                    and named.get((r.subject, r.role), r.object) != r.object)]


def _prefer_inner_park(rels: list[Relation]) -> list[Relation]:
    """A firm placed in a sub-park (X位于石湖片区) and also read as a member of the whole park (是园区…企业,
    园区龙头企业X) is in the sub-park: the membership reading, naming only the whole, is dropped."""
    parts = {(r.subject, r.object) for r in rels if r.predicate == "partOf"}
    placed: dict[str, set[str]] = {}
    for r in rels:
        if r.predicate == "locatedIn":
            placed.setdefault(r.subject, set()).add(r.object)
    weak = {"locatedIn:是园区…企业", "locatedIn:等园区企业"} | {"locatedIn:" + w for w in _CUES.words("chain-leader")}  # membership, not a site
    return [r for r in rels if not (r.predicate == "locatedIn" and r.rule in weak
                                    and any((q, r.object) in parts for q in placed.get(r.subject, ())))]


def _prefer_stated_host(rels: list[Relation], mentions: Sequence[Mention]) -> list[Relation]:
    """A park's name opening a platform's (谷阳湖高新区船用曲轴工程技术研究中心) says at what level it was
    designated; when the text names who the platform is built on (依托单位 A, A建有X), the park is no host.
    Nor is it when the text places the platform in another park (X在Q揭牌运营): X is a service Q houses."""
    cls = {m.key: m.cls for m in mentions}
    stated = {r.object for r in rels if r.predicate == "hostsPlatform" and cls.get(r.subject) != "Park"
              and not r.rule.endswith(("name-prefix", "owner-prefix"))}
    sited = {(r.subject, r.object) for r in rels if r.predicate == "locatedIn" and cls.get(r.subject) == "Platform"}
    return [r for r in rels if not (r.predicate == "hostsPlatform" and cls.get(r.subject) == "Park"
                                    and r.rule.endswith(("name-prefix", "owner-prefix"))
                                    and (r.object in stated or any(p == r.object and q != r.subject for p, q in sited)))]


def _prefer_committee(rels: list[Relation], mentions: Sequence[Mention]) -> list[Relation]:
    """A park and its committee (管委会) both said to cooperate with X (the headline names the park,
    the body the committee): the committee is the party, the park's reading is dropped."""
    cls = {m.key: m.cls for m in mentions}
    committees = {m.key for m in mentions if m.cls == "GovernmentBody" and _COMMITTEES.search(m.key)}
    pairs = {(r.predicate, r.subject, r.object) for r in rels if r.predicate in _PAIR_PREDICATES}

    def has_committee(park: str, other: str, p: str) -> bool:
        return any(c.startswith(park) or park.startswith(c[: -len(_COMMITTEES.search(c).group())])
                   for c in committees
                   if (p, c, other) in pairs or (p, other, c) in pairs)

    keep = []
    for r in rels:
        if r.predicate in _PAIR_PREDICATES:
            if cls.get(r.subject) == "Park" and has_committee(r.subject, r.object, r.predicate):
                continue
            if cls.get(r.object) == "Park" and has_committee(r.object, r.subject, r.predicate):
                continue
        keep.append(r)
    return keep


def table_relations(rows: Sequence[TableRow], mentions: Sequence[Mention], sentences: Sequence[Sentence] = (),
                    scope: dict[int, Designation] | None = None) -> list[Relation]:
    """Relations a list-table row states by its columns.

    The listed name holds the caption's honour; a carrier or operator hosts
    it (two carriers built it together); the row's park and industry are the
    listed name's, or, when the listed name is a platform built on carrier
    enterprises (依托单位), those enterprises' (a platform run by an operator,
    运营单位, or built on no enterprise keeps them). A listed project is
    undertaken by its carrier (建设单位). A customer (supplier) column under a
    前五名客户 (供应商) caption lists counterparts of the enterprise the document
    is about. A row whose caption names no honour holds the designation its group
    heading names (``scope``, from :func:`graph.extract.records.designation_scope`).
    """
    at = {(m.start, m.end): m for m in mentions}
    out: list[Relation] = []
    company = None
    if any(c.role in ("customer", "supplier", "subsidiary") for row in rows for c in row.cells):
        company = document_company(sentences, mentions)

    def add(s: Mention, p: str, o: Mention, rule: str, **kw) -> None:
        if s.key != o.key:
            out.append(Relation(s.key, p, o.key, s.sentence, min(s.start, o.start), max(s.end, o.end), rule, **kw))

    for row in rows:
        by_role: dict[str, list[Mention]] = {}
        for c in row.cells:
            m = at.get((c.start, c.end))
            if m is not None and m.rule.startswith(("table:", "alias:")):  # a cell may hold a short name (禾芯传感、浙江大学)
                by_role.setdefault(c.role, []).append(m)
        names = by_role.get("name", [])
        carriers = by_role.get("carrier", [])
        if company is not None:  # the row is the evidence; the company is named elsewhere
            for c in by_role.get("customer", []):
                if c.key != company.key:
                    out.append(Relation(company.key, "hasCustomer", c.key, c.sentence, c.start, c.end, "table:customer",
                                        support=(company.sentence,), inference="seller: the enterprise the document is about"))
            for c in by_role.get("subsidiary", []):
                if c.key != company.key:
                    out.append(Relation(c.key, "subsidiaryOf", company.key, c.sentence, c.start, c.end, "table:subsidiary",
                                        support=(company.sentence,), inference="parent: the enterprise the document is about"))
            for c in by_role.get("supplier", []):
                if c.key != company.key:
                    out.append(Relation(c.key, "hasCustomer", company.key, c.sentence, c.start, c.end, "table:supplier",
                                        support=(company.sentence,), inference="buyer: the enterprise the document is about"))
        honour = None
        if row.honour is not None:
            hs = [m for m in mentions if m.sentence == row.honour[1] and m.rule == "table:caption" and m.name == row.honour[0]]
            honour = hs[0] if hs else None
        elif scope and row.sentence in scope:
            honour = _designated(scope[row.sentence], mentions)
        for n in names:
            if honour is not None:
                add(n, "receivedHonour", honour, "table:list-title", year=row.year)
            hosts = carriers + by_role.get("operator", [])
            if n.cls in ("Platform", "ResearchInstitute"):
                for h in hosts:
                    add(h, "hostsPlatform", n, "table:host")
            elif n.cls == "Project":  # 项目名称 建设单位: the unit builds the project
                for h in carriers:
                    add(n, "undertakenBy", h, "table:builder")
                for c in (c for c in row.cells if c.role == "content" and len(carriers) == 1):
                    # （注：建设单位系某某股份有限公司全资子公司）: the builder's parent
                    for m in mentions:
                        if m.cls == "Enterprise" and c.start <= m.start and m.end <= c.end:
                            before, after = c.text[: m.start - c.start], c.text[m.end - c.start :]
                            if _CUES.ends_with("builder-is").search(before) and _CUES.pattern("subsidiary").match(after.lstrip("的")):
                                add(carriers[0], "subsidiaryOf", m, "table:builder-parent")
            elif n.cls == "Product":  # 产品名称 申报单位: the unit makes the product
                for h in carriers:
                    add(h, "produces", n, "table:maker")
            elif n.cls == "Patent":  # 专利名称 专利权人: the holders applied for it, together
                holders = by_role.get("holder", [])
                for i, h in enumerate(holders):
                    add(n, "applicant", h, "table:holder")
                    for b in holders[i + 1 :]:
                        add(h, "coFiledPatentWith", b, "table:holders")
            for i, a in enumerate(carriers):
                for b in carriers[i + 1 :]:
                    add(a, "coBuiltPlatformWith", b, "table:carriers")
            for person, cell in ((at.get((c.start, c.end)), c) for c in row.cells if c.role == "person"):
                if person is not None and person.cls == "Person":
                    add(person, "affiliatedWith", n, "table:person", role=cell.label)
            holders = ([c for c in carriers if c.cls == "Enterprise"] if n.cls == "Platform" else []) or [n]
            for h in holders:
                for p in by_role.get("park", []) + by_role.get("site", []):
                    add(h, "locatedIn", p, "table:park")
                for ind in by_role.get("industry", []):
                    add(h, "inIndustry", ind, "table:industry")
            for ind in by_role.get("field", []):  # 领域, 技术领域: the listed name's own field
                add(n, "inIndustry", ind, "table:field")
    return out


def _designated(d: Designation, mentions: Sequence[Mention]) -> Mention | None:
    """The honour mention at a list's designation span."""
    return next((m for m in mentions if m.sentence == d.sentence and m.cls == "Honour" and m.start < d.end and d.start < m.end), None)


def _field_mention(f: Field, at: dict[tuple[int, int], Mention]) -> Mention | None:
    """The mention a record field holds: the one at its span (a name read otherwise keeps its reading)."""
    return at.get((f.start, f.end))


# what a record field is to the record's main name, by the field's role and class
_HOST_ROLES = ("carrier", "operator")


def record_relations(records: Sequence[Record], mentions: Sequence[Mention]) -> list[Relation]:
    """Relations a list record states by its fields (see :mod:`graph.extract.records`).

    The main name holds the list's designation. A platform is hosted by its one carrier
    (依托单位, or the organisation its brackets name first), co-built by two or more
    (coBuiltPlatformWith, no host), run by its operator, and in its field's industry;
    a park field places its enterprise carriers. An organisation is in the park and
    industry its fields name and makes the products they name; a listed park leads in the
    industries its fields name; a platform field of an organisation is a platform it hosts. A person field
    (负责人：…) is affiliated with the main name, its key word the role. Each fact cites
    the line of the field it rests on (the main name's line, if another, supports it).
    """
    at: dict[tuple[int, int], Mention] = {}
    for m in mentions:
        at.setdefault((m.start, m.end), m)
    out: list[Relation] = []
    for rec in records:
        n = _field_mention(rec.name, at)
        if n is None or n.cls not in RECORD_CLASSES:
            continue

        def add(s: Mention, p: str, o: Mention, f: Field | None, rule: str, also: int | None = None, **kw) -> None:
            if s.key == o.key:
                return
            line = f if f is not None and f.sentence != rec.name.sentence else None
            start = min(rec.name.start, f.start) if f is not None and line is None else (line.start if line else rec.name.start)
            end = max(rec.name.end, f.end) if f is not None else rec.name.end
            cited = (line or rec.name).sentence
            support = tuple(sorted({i for i in (rec.name.sentence if line else None, also) if i is not None and i != cited}))
            out.append(Relation(s.key, p, o.key, cited, start, end, "record:" + rule, support=support, **kw))

        typed: list[tuple[Field, Mention]] = []
        for f in rec.fields:
            m = _field_mention(f, at)
            if m is not None and (f.cls is None or m.cls == f.cls or f.role in _HOST_ROLES):
                typed.append((f, m))
        role = lambda f, m: f.role or {"Park": "park", "Industry": "industry", "Product": "product"}.get(m.cls, "")
        honour = _designated(rec.designation, mentions) if rec.designation is not None else None
        if honour is not None:
            add(n, "receivedHonour", honour, None, "designation", also=honour.sentence,  # the heading or preamble naming it
                year=rec.designation.year)
        parks = [(f, m) for f, m in typed if role(f, m) in ("park", "site") and m.cls == "Park"]
        if rec.park is not None and (park := at.get((rec.park.start, rec.park.end))) is not None:
            parks.append((rec.park, park))
        industries = [(f, m) for f, m in typed if role(f, m) == "industry" and m.cls == "Industry"]
        fields = [(f, m) for f, m in typed if f.role == "field" and m.cls == "Industry"]
        if n.cls in ("Platform", "ResearchInstitute"):
            hosts = [(f, m) for f, m in typed if (f.role == "carrier" or f.role == "org") and m.cls in ORG]
            if len(hosts) == 1:
                add(hosts[0][1], "hostsPlatform", n, hosts[0][0], "host")
            for i, (fa, a) in enumerate(hosts):
                for fb, b in hosts[i + 1 :]:
                    add(a, "coBuiltPlatformWith", b, fb, "co-built")
            for f, m in typed:
                if f.role == "operator" and m.cls in ORG:
                    add(m, "hostsPlatform", n, f, "operator")
            for f, m in fields:  # 领域: the platform's own field
                add(n, "inIndustry", m, f, "field")
            firms = [(f, m) for f, m in hosts if m.cls == "Enterprise"]
            for f, p in parks:  # 所在园区, 所属产业: where its enterprise carriers are, what they do
                for _, h in firms:
                    add(h, "locatedIn", p, f, "park")
            for f, m in industries:
                for _, h in firms:
                    add(h, "inIndustry", m, f, "industry")
        elif n.cls == "Park":  # a listed park's industry is what it leads in (特色产业)
            for f, m in industries + fields:
                add(n, "leadingIndustry", m, f, "park-industry")
        else:
            for f, p in parks:
                add(n, "locatedIn", p, f, "park")
            for f, m in industries + fields:
                add(n, "inIndustry", m, f, "industry")
            for f, m in typed:  # 某某有限公司（某某工程技术研究中心）: the entry's own platform
                if f.role == "platform" and m.cls == "Platform":
                    add(n, "hostsPlatform", m, f, "own-platform")
            for f, m in typed:
                if role(f, m) == "product" and m.cls == "Product":
                    add(n, "produces", m, f, "product")
        for f, m in typed:
            if f.role == "person" and m.cls == "Person":
                add(m, "affiliatedWith", n, f, "person", role=f.key)
            elif m.cls == "Honour" and m is not honour:  # 某某有限公司——国家级专精特新“小巨人”企业: a line's own honour
                add(n, "receivedHonour", m, f, "honour-field")
    return out
