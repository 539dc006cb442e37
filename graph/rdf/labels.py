"""English and pinyin labels for Chinese names.

Every entity gets an ``@en`` label: the English name ``data/glossary.tsv``
knows for it, else a rendering made here: the class words and common
words of the name translated by ``data/lexicon/english-words.tsv``, and the
proper-name part (places, brand names, given names) in pinyin.
Every entity also gets the pinyin of its whole name, with tone marks
(``@zh-Latn-pinyin``). The functions here are pure: a name and its class
in, text out; the word table is read once.

How a name is cut: the name is split into pieces that are either a known
word (from the word table, a place from ``places.tsv``, or a glossary name
of four or more characters), a run of Latin letters or digits, a
punctuation mark, or a run of unknown Han characters. Among all ways to cut
it the one with the fewest pieces wins, where each unknown character
counts 0.8 of a piece: so ``聚石化学`` is ``聚石 | 化学`` (Jushi Chemical),
and a one-character word such as ``和`` is only read as "and" when the
characters around it are words too. Pieces keep their order, which suits
Chinese names (modifiers first, the class word last).

People: family name first, then the given name as one word ("Zhu
Shiming"); a few family names with a special reading (单 Shan, 曾 Zeng)
are listed in the word table as ``surname``.

Places: pinyin, with an administrative suffix (省 Province, 市 City, ...)
kept only when the place is the whole name (广东省 → Guangdong Province,
but 清远市天之衡量子科技有限公司 → Qingyuan Tianzhiheng Quantum Technology
Co., Ltd.).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from pathlib import Path

from graph._resources import data_dir
from graph.extract.lexicon import Lexicon, load_lexicon

__all__ = ["NameLabels", "WordBook", "load_word_book", "name_labels", "english_name", "pinyin_name", "has_han", "PINYIN_TAG"]

#: the language tag of the pinyin labels (BCP 47: Chinese in Latin script, pinyin)
PINYIN_TAG = "zh-Latn-pinyin"
#: an unknown Han character counts this much of a piece when a name is cut
_UNKNOWN_COST = 0.8
#: the longest run of unknown characters read as one piece
_LONGEST_RUN = 8
#: glossary names this long or longer are also recognised inside longer names
_GLOSSARY_INSIDE = 4

_HAN = re.compile("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]")
_NUMBER = re.compile(r"[0-9]+(?:\.[0-9]+)?[万亿]?")
_LATIN = re.compile(r"[A-Za-z0-9][A-Za-z0-9+\-./&']*")
_OPEN = {"(": "(", "“": '"', "《": '"', "「": '"', "『": '"', "‘": "'"}
_CLOSE = {")": ")", "”": '"', "》": '"', "」": '"', "』": '"', "’": "'", "、": ",", ",": ",", ";": ";", ":": ":"}
_VOWEL_START = re.compile("^[aeoāáǎàēéěèōóǒò]")


def has_han(text: str) -> bool:
    """Whether ``text`` holds a Han (Chinese) character.

    Examples
    --------
    >>> has_han("Qingyuan"), has_han("清远 Qingyuan")
    (False, True)
    """
    return _HAN.search(text) is not None


@dataclass(frozen=True)
class WordBook:
    """The word table: zh word → (English, pinyin word breaks); admin suffixes; surname readings."""

    words: dict[str, tuple[str, tuple[int, ...]]]
    admin: dict[str, str]
    surnames: dict[str, str]


@lru_cache(maxsize=4)
def load_word_book(path: str | None = None) -> WordBook:
    """Read ``english-words.tsv`` (default: the bundled one in ``data/lexicon``).

    Examples
    --------
    >>> book = load_word_book()
    >>> book.words["有限公司"][0], book.admin["省"], book.surnames["单"]
    ('Co., Ltd.', 'Province', 'Shan')
    """
    p = Path(path) if path else data_dir() / "lexicon" / "english-words.tsv"
    words: dict[str, tuple[str, tuple[int, ...]]] = {}
    admin: dict[str, str] = {}
    surnames: dict[str, str] = {}
    for line in p.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cells = line.split("\t")
        if len(cells) != 3:
            raise ValueError(f"{p}: a row needs three tab-separated cells (zh, en, kind), not {line!r}")
        spaced, en, kind = (c.strip() for c in cells)
        parts = spaced.split()
        zh = "".join(parts)
        breaks = tuple(sum(len(x) for x in parts[: i + 1]) for i in range(len(parts) - 1))
        if kind == "word":
            words[zh] = (en, breaks)
        elif kind == "admin":
            admin[zh] = en
        elif kind == "surname":
            surnames[zh] = en
        else:
            raise ValueError(f"{p}: unknown kind {kind!r} in {line!r}; use word, admin or surname")
    return WordBook(words, admin, surnames)


@dataclass(frozen=True)
class NameLabels:
    """The English and pinyin labels of one name, and whether the English came from the glossary."""

    en: str
    pinyin: str
    from_glossary: bool = False


@dataclass(frozen=True)
class _Piece:
    start: int
    end: int
    kind: str  # word, place, unknown, latin, number, open, close, space
    en: str = ""
    breaks: tuple[int, ...] = ()


def _normalise(name: str) -> str:
    # NFKC turns full-width brackets and digits into ASCII; quotes stay as they are
    return unicodedata.normalize("NFKC", name).strip()


@lru_cache(maxsize=65536)
def _syllables(text: str) -> tuple[str, ...]:
    """One tone-marked syllable per character of ``text`` ('' for a character that is not Han or has no reading)."""
    from pypinyin import Style, lazy_pinyin

    out = [""] * len(text)
    for m in re.finditer(f"(?:{_HAN.pattern})+", text):
        run = m.group()
        got = lazy_pinyin(run, style=Style.TONE, errors=lambda chars: [""] * len(chars))
        if len(got) != len(run):  # a reading that spans characters: fall back to one character at a time
            got = [(lazy_pinyin(ch, style=Style.TONE, errors=lambda chars: [""] * len(chars)) or [""])[0] for ch in run]
        out[m.start() : m.end()] = got
    return tuple(out)


def _plain(syllable: str) -> str:
    """A syllable without its tone mark (ü stays ü: Lü, nü)."""
    decomposed = unicodedata.normalize("NFD", syllable)
    kept = "".join(c for c in decomposed if not (unicodedata.combining(c) and c != "\u0308"))
    return unicodedata.normalize("NFC", kept)


def _word(syllables: Sequence[str], *, tones: bool) -> str:
    """Syllables written as one capitalised word, with an apostrophe before a syllable starting with a, o or e."""
    out = ""
    for s in syllables:
        if not s:
            continue
        s = s if tones else _plain(s)
        if out and _VOWEL_START.match(s):
            out += "'"
        out += s
    return out[:1].upper() + out[1:]


def _number(text: str) -> str:
    scale = {"万": 10_000, "亿": 100_000_000}.get(text[-1], 1)
    value = Decimal(text.rstrip("万亿")) * scale
    return f"{value:,f}".rstrip("0").rstrip(".") if "." in f"{value:f}" else f"{int(value):,}"


def _cut(text: str, book: WordBook, places: frozenset[str], inside: Mapping[str, str]) -> list[_Piece]:
    """The cheapest way to cut ``text`` into pieces (see the module docstring)."""
    n = len(text)
    lengths = _word_lengths(inside, book.words, places)
    han = [_HAN.match(c) is not None for c in text]
    inf = float("inf")
    best: list[float] = [0.0] + [inf] * n
    back: list[_Piece | None] = [None] * (n + 1)

    def offer(start: int, end: int, kind: str, cost: float, en: str = "", breaks: tuple[int, ...] = ()) -> None:
        total = best[start] + cost
        if total < best[end] - 1e-9:
            best[end], back[end] = total, _Piece(start, end, kind, en, breaks)

    for i in range(n):
        if best[i] == inf:
            continue
        ch = text[i]
        if ch.isspace():
            offer(i, i + 1, "space", 0.0)
            continue
        if ch == '"' or ch in _OPEN or ch in _CLOSE:
            kind = "quote" if ch == '"' else "open" if ch in _OPEN else "close"
            offer(i, i + 1, kind, 0.0, '"' if ch == '"' else (_OPEN | _CLOSE)[ch])
            continue
        m = _NUMBER.match(text, i)
        if m and m.group()[-1] in "万亿":  # 6万 → 60,000
            offer(i, m.end(), "number", 1.0, _number(m.group()))
            continue
        m = _LATIN.match(text, i)
        if m:
            offer(i, m.end(), "latin", 1.0, m.group())
            continue
        if not han[i]:
            offer(i, i + 1, "other", 0.5)  # a symbol with no English rendering: dropped
            continue
        for length in lengths.get(ch, ()):  # only the lengths some word starting with ``ch`` has, longest first
            j = i + length
            if j > n:
                continue
            piece = text[i:j]
            if piece in inside:
                offer(i, j, "word", 1.0, inside[piece])
            if piece in book.words:
                en, breaks = book.words[piece]
                offer(i, j, "word", 1.0, en, breaks)
            if piece in places:
                offer(i, j, "place", 1.0)
                if j < n and text[j] in book.admin:
                    offer(i, j + 1, "place", 1.0, book.admin[text[j]], (j - i,))
        # a run of unknown Han characters, up to the next character that is not Han (a longer run is two pieces)
        j = i
        while j < n and han[j] and j - i < _LONGEST_RUN:
            j += 1
            offer(i, j, "unknown", 1.0 + _UNKNOWN_COST * (j - i))
    pieces: list[_Piece] = []
    end = n
    while end > 0:
        p = back[end]
        assert p is not None
        pieces.append(p)
        end = p.start
    pieces.reverse()
    return pieces


def _word_lengths(*tables: Collection[str]) -> dict[str, tuple[int, ...]]:
    """For each character, the lengths of the words in ``tables`` that start with it, longest first.

    :func:`_cut` tries at each position only these lengths, instead of every
    length up to the longest word: the same words are found, in the same order.
    The index is made once for each set of tables (the word table, the places
    and the glossary are loaded once) and kept while they are alive.

    Examples
    --------
    >>> _word_lengths({"清远": ""}, {"清远市": "", "高新区": ""})
    {'清': (3, 2), '高': (3,)}
    """
    tables = tuple(t for t in tables if t)  # an empty table (often a fresh ``{}``) adds nothing
    key = tuple(id(t) for t in tables)
    hit = _LENGTHS.get(key)
    if hit is not None and all(a is b for a, b in zip(hit[0], tables)):
        return hit[1]
    found: dict[str, set[int]] = {}
    for table in tables:
        for word in table:
            if word:
                found.setdefault(word[0], set()).add(len(word))
    index = {ch: tuple(sorted(ls, reverse=True)) for ch, ls in found.items()}
    if len(_LENGTHS) >= 16:
        _LENGTHS.clear()
    _LENGTHS[key] = (tables, index)  # the tables are kept with their index, so no other object takes their ids
    return index


_LENGTHS: dict[tuple[int, ...], tuple[tuple[Collection[str], ...], dict[str, tuple[int, ...]]]] = {}


def _chunks(length: int) -> list[tuple[int, int]]:
    """Word spans of an unknown run: one word up to four characters, else pairs (the last one up to three)."""
    if length <= 4:
        return [(0, length)]
    spans = [(i, i + 2) for i in range(0, length - 3, 2)]
    spans.append((spans[-1][1], length))
    return spans


def _join(parts: list[tuple[str, str]]) -> str:
    """English words joined by spaces, brackets and quotes hugging what they enclose."""
    out = ""
    quote_open = False
    glue = True  # no space before the next word
    for kind, text in parts:
        if not text:
            continue
        if kind == "quote":
            kind = "close" if quote_open else "open"
            quote_open = not quote_open
        if kind == "close":
            out += text
            glue = False
        elif kind == "open":
            out += ("" if glue else " ") + text
            glue = True
        else:
            out += ("" if glue else " ") + text
            glue = False
    return out.strip()


def _render(text: str, pieces: list[_Piece]) -> tuple[str, str]:
    """(English, pinyin) of a cut name; each piece is read in pinyin on its own (a word is its own context)."""
    english: list[tuple[str, str]] = []
    pinyin: list[tuple[str, str]] = []
    content = [p for p in pieces if p.kind not in ("space", "open", "close", "quote", "other")]
    for p in pieces:
        syl = _syllables(text[p.start : p.end])
        if p.kind in ("space", "other"):
            continue
        if p.kind in ("open", "close", "quote"):
            english.append((p.kind, p.en))
            pinyin.append((p.kind, p.en))
            continue
        if p.kind in ("latin", "number"):
            english.append(("word", p.en))
            digits = text[p.start : p.end]
            pinyin.append(("word", digits if p.kind == "latin" or not syl[-1] else f"{digits[:-1]} {_word(syl[-1:], tones=True)}"))
            continue
        spans = list(zip((0, *p.breaks), (*p.breaks, p.end - p.start))) if p.kind != "unknown" else _chunks(p.end - p.start)
        pinyin += [("word", _word(syl[a:b], tones=True)) for a, b in spans]
        if p.kind == "word":
            english.append(("word", p.en))
        elif p.kind == "place":
            place_end = p.breaks[0] if p.breaks else p.end - p.start
            english.append(("word", _word(syl[:place_end], tones=False)))
            if p.en and len(content) == 1:  # 广东省 alone: Guangdong Province; inside a name: Guangdong
                english.append(("word", p.en))
        else:
            english += [("word", _word(syl[a:b], tones=False)) for a, b in spans]
    return _join(english), _join(pinyin)


def _person(text: str, lex: Lexicon, book: WordBook) -> tuple[str, str] | None:
    if not text or not all(_HAN.match(c) for c in text) or len(text) > 4:
        return None
    family = next((s for s in lex.surnames if text.startswith(s) and len(s) < len(text)), text[:1])
    fam_syl = _syllables(family)
    if family in book.surnames:
        fam_syl = [_surname_reading(family, book.surnames[family])]
    given = _syllables(text[len(family) :])
    en = f"{_word(fam_syl, tones=False)} {_word(given, tones=False)}"
    py = f"{_word(fam_syl, tones=True)} {_word(given, tones=True)}"
    return en, py


def _surname_reading(family: str, plain: str) -> str:
    """The tone-marked reading of ``family`` whose plain form is ``plain`` (单, Shan → Shàn)."""
    from pypinyin import Style, pinyin

    if len(family) == 1:
        for reading in pinyin(family, style=Style.TONE, heteronym=True)[0]:
            if _plain(reading) == plain.lower():
                return reading
    return plain.lower()


def name_labels(
    name: str,
    cls: str = "",
    *,
    aliases: tuple[str, ...] = (),
    glossary: Mapping[str, str] | None = None,
    lexicon: Lexicon | None = None,
    words: WordBook | None = None,
) -> NameLabels:
    """The English and pinyin labels of an entity's name.

    Parameters
    ----------
    name : str
        The canonical (full) Chinese name.
    cls : str
        The entity's class (``Person`` names are family name first).
    aliases : tuple of str
        Other names of the entity; the glossary is asked for each of them too.
    glossary : mapping, optional
        Known English names (default: ``data/glossary.tsv``).
    lexicon, words : optional
        The loader's dictionaries (places, surnames) and the word table
        (default: the bundled ones).

    Returns
    -------
    NameLabels
        ``en`` holds no Han character; ``pinyin`` is the whole name with
        tone marks, one capitalised word per word of the name.

    Examples
    --------
    >>> name_labels("广东聚石化学股份有限公司", "Enterprise").en
    'Guangdong Jushi Chemical Co., Ltd. (joint-stock)'
    >>> name_labels("朱世明", "Person")
    NameLabels(en='Zhu Shiming', pinyin='Zhū Shìmíng', from_glossary=False)
    >>> name_labels("华南理工大学", "University").en
    'South China University of Technology'
    >>> name_labels("广东省").en, name_labels("广东省").pinyin
    ('Guangdong Province', 'Guǎngdōng Shěng')
    """
    lex = lexicon or load_lexicon()
    book = words or load_word_book()
    known = lex.glossary if glossary is None else glossary
    text = _normalise(name)
    plain = _cut(text, book, lex.places, {})
    en, py = _render(text, plain)
    inside = _inside(tuple(sorted(known.items())))
    if any(zh in text for zh in inside):  # a glossary name inside: English from it (pinyin still cut into words)
        en = _render(text, _cut(text, book, lex.places, inside))[0]
    if cls == "Person":
        person = _person(text, lex, book)
        if person is not None:
            en, py = person
    for n in (name, *aliases):
        if n in known:
            return NameLabels(known[n], py, True)
    return NameLabels(en or py or text, py)


@lru_cache(maxsize=8)
def _inside(items: tuple[tuple[str, str], ...]) -> dict[str, str]:
    """The glossary names long enough to be recognised inside longer names."""
    return {zh: en for zh, en in items if len(zh) >= _GLOSSARY_INSIDE}


def english_name(name: str, cls: str = "") -> str:
    """The English label of ``name`` (see :func:`name_labels`).

    Examples
    --------
    >>> english_name("清远高新区版权服务中心", "Platform")
    'Qingyuan High-tech Zone Copyright Service Center'
    """
    return name_labels(name, cls).en


def pinyin_name(name: str, cls: str = "") -> str:
    """The pinyin label of ``name``, with tone marks (see :func:`name_labels`).

    Examples
    --------
    >>> pinyin_name("西安")
    "Xī'ān"
    """
    return name_labels(name, cls).pinyin
