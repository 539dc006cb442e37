"""Cue words, the one home of every word a rule keys on.

A *cue family* (``located``, ``honour``, ``customer``, ``subsidiary`` …) is the
set of words that signal one kind of fact. They are written once, in
``data/lexicon/cues.tsv`` (``family<TAB>cue<TAB>value or note``), and both
:mod:`graph.extract.mentions` and :mod:`graph.extract.relations` read them from
here, so no cue list is copied between modules and a new cue is a line of data.

:func:`load_cues` gives a :class:`CueBook`: the cue words per family
(longest first), a compiled alternation per family for the rules that need a
regular expression around the cue, and :meth:`CueBook.scan`, one
Aho–Corasick pass (pyahocorasick) over a text for every cue of every family,
which tells the relation rules which families a sentence holds before any
rule looks at it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import ahocorasick

from graph._resources import data_dir
from graph.errors import ExtractionError
from graph.text.memo import per_document

__all__ = [
    "CueBook", "CueHit", "load_cues", "build_automaton", "longest_matches", "WordMatch", "WordMatcher", "word_matcher",
    "lexicon_matcher", "Need", "SentenceCues", "Gates", "cue_family", "word", "has", "any_of", "sentence_families",
]


@dataclass(frozen=True, slots=True)
class CueHit:
    """One cue word found in a text: ``text[start:end] == cue``."""

    family: str
    cue: str
    start: int
    end: int


def build_automaton(words: dict[str, object]) -> ahocorasick.Automaton:
    """An Aho–Corasick automaton over ``words`` (word → payload).

    Examples
    --------
    >>> a = build_automaton({"高新区": 1, "清远高新区": 2})
    >>> [(s, w) for s, w, _ in longest_matches(a, "走进清远高新区")]
    [(2, '清远高新区')]
    """
    a = ahocorasick.Automaton()
    for w, payload in words.items():
        if w:
            a.add_word(w, (w, payload))
    a.make_automaton()
    return a


def longest_matches(automaton: ahocorasick.Automaton, text: str) -> list[tuple[int, str, object]]:
    """Leftmost-longest, non-overlapping matches: ``(start, word, payload)``.

    This is what a regular expression alternation of the same words sorted
    longest first finds with ``finditer``.
    """
    if len(automaton) == 0:
        return []
    out = []
    for end, (word, payload) in automaton.iter_long(text):
        out.append((end - len(word) + 1, word, payload))
    return out


class WordMatch(tuple):
    """One word found by a :class:`WordMatcher`, answering like a ``re.Match``: ``start()``, ``end()``, ``group()``."""

    __slots__ = ()

    def __new__(cls, start: int, word: str) -> "WordMatch":
        return super().__new__(cls, (start, word))

    def start(self) -> int:
        return self[0]

    def end(self) -> int:
        return self[0] + len(self[1])

    def group(self) -> str:
        return self[1]


class WordMatcher:
    """Finds a set of words the way ``re.compile("|".join(longest first)).finditer`` does, with one automaton pass.

    At each position the longest word starting there wins, and the search goes on
    after it (leftmost-longest, non-overlapping), exactly like the alternation
    of the same words sorted longest first.

    Examples
    --------
    >>> [(m.start(), m.group()) for m in word_matcher(["高新区", "清远高新区", "新区"]).finditer("走进清远高新区和新区")]
    [(2, '清远高新区'), (8, '新区')]
    """

    __slots__ = ("_automaton",)

    def __init__(self, words: Iterable[str]) -> None:
        self._automaton = build_automaton({w: None for w in words if w})

    def finditer(self, text: str) -> list[WordMatch]:
        if len(self._automaton) == 0:
            return []
        longest: dict[int, str] = {}
        for end, (word, _payload) in self._automaton.iter(text):
            start = end - len(word) + 1
            if len(word) > len(longest.get(start, "")):
                longest[start] = word
        out = []
        pos = 0
        for start in sorted(longest):
            if start >= pos:
                word = longest[start]
                out.append(WordMatch(start, word))
                pos = start + len(word)
        return out


    def occurs_in(self, text: str) -> bool:
        """Whether any of the words occurs in ``text`` (stops at the first)."""
        return next(self._automaton.iter(text), None) is not None if len(self._automaton) else False

    def present(self, text: str) -> set[str]:
        """The words that occur in ``text``, overlapping ones included.

        Examples
        --------
        >>> sorted(word_matcher(["高新区", "新区", "园区"]).present("清远高新区"))
        ['新区', '高新区']
        """
        if len(self._automaton) == 0:
            return set()
        return {word for _end, (word, _payload) in self._automaton.iter(text)}


def word_matcher(words: Iterable[str]) -> WordMatcher:
    """A :class:`WordMatcher` over ``words`` (empty words are ignored)."""
    return WordMatcher(words)


@lru_cache(maxsize=64)
def lexicon_matcher(words: tuple[str, ...]) -> WordMatcher:
    """The :class:`WordMatcher` of one lexicon word list, built once per list."""
    return WordMatcher(words)


@dataclass(frozen=True)
class CueBook:
    """The cue families, ready to use.

    Attributes
    ----------
    families : dict
        family → its cue words, longest first.
    values : dict
        (family, cue) → the value column where the file gives one (an event's type).
    """

    families: dict[str, tuple[str, ...]]
    values: dict[tuple[str, str], str]
    order: dict[str, tuple[str, ...]]
    _patterns: dict[str, re.Pattern[str]] = field(default_factory=dict, repr=False, compare=False)
    _automaton: ahocorasick.Automaton | None = field(default=None, repr=False, compare=False)

    def words(self, *families: str) -> tuple[str, ...]:
        """The cue words of one or more families, longest first."""
        if len(families) == 1:
            return self._family(families[0])
        merged = {w for f in families for w in self._family(f)}
        return tuple(sorted(merged, key=lambda w: (-len(w), w)))

    def _family(self, family: str) -> tuple[str, ...]:
        try:
            return self.families[family]
        except KeyError:
            raise ExtractionError(
                f"no cue family {family!r} in cues.tsv; known: {', '.join(sorted(self.families))}"
            ) from None

    def alternation(self, *families: str) -> str:
        """A regular-expression group matching any cue of ``families`` (longest first).

        Examples
        --------
        >>> load_cues().alternation("cobuild")
        '(?:共同建设|合作共建|联合共建|联合建设|共建|合建)'
        """
        return "(?:" + "|".join(re.escape(w) for w in self.words(*families)) + ")"

    def pattern(self, *families: str) -> re.Pattern[str]:
        """The compiled :meth:`alternation` (cached).

        Examples
        --------
        >>> load_cues().pattern("located").search("公司位于清远高新区").group()
        '位于'
        """
        key = "|".join(families)
        rx = self._patterns.get(key)
        if rx is None:
            rx = self._patterns[key] = re.compile(self.alternation(*families))
        return rx

    def ends_with(self, *families: str) -> re.Pattern[str]:
        """A pattern for a text that ends in a cue of ``families`` (use with ``search``)."""
        key = "$" + "|".join(families)
        rx = self._patterns.get(key)
        if rx is None:
            rx = self._patterns[key] = re.compile(self.alternation(*families) + "$")
        return rx

    def in_order(self, family: str) -> tuple[str, ...]:
        """A family's cues in file order (for families where the first present wins)."""
        return self.order[family]

    def value(self, family: str, cue: str) -> str | None:
        return self.values.get((family, cue))

    def scan(self, text: str) -> list[CueHit]:
        """Every occurrence of every cue of every family, in one automaton pass.

        Overlapping cues are all reported (位于 inside 坐落于 is not, it is
        not a substring; 合作 inside 战略合作 is), so a family is present in a
        text exactly when one of its words occurs in it.

        Examples
        --------
        >>> sorted({h.family for h in load_cues().scan("公司位于清远高新区，旗下拥有两家工厂")} & {"located", "subsidiary"})
        ['located', 'subsidiary']
        """
        a = self._automaton
        if a is None:
            return []
        out = []
        for end, (word, families) in a.iter(text):
            start = end - len(word) + 1
            out.extend(CueHit(f, word, start, end + 1) for f in families)
        return out

    def present(self, text: str) -> frozenset[str]:
        """The families with at least one cue in ``text``."""
        a = self._automaton
        if a is None:
            return frozenset()
        return frozenset(f for _end, (_w, fams) in a.iter(text) for f in fams)


def _cues_file(directory: str | None) -> Path:
    return (Path(directory) if directory else data_dir() / "lexicon") / "cues.tsv"


@lru_cache(maxsize=4)
def load_cues(directory: str | None = None) -> CueBook:
    """Read ``cues.tsv`` from ``directory`` (default: the bundled lexicon).

    Raises
    ------
    ExtractionError
        If the file is missing or a line has no cue.

    Examples
    --------
    >>> book = load_cues()
    >>> book.words("subsidiary")[:2]
    ('全资子公司', '控股子公司')
    >>> book.value("event", "揭牌")
    'opening'
    """
    path = _cues_file(directory)
    if not path.is_file():
        raise ExtractionError(f"cue file {path} not found; the loader needs data/lexicon/cues.tsv")
    order: dict[str, list[str]] = {}
    values: dict[tuple[str, str], str] = {}
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cols = [c.strip() for c in line.split("\t")]
        if len(cols) < 2 or not cols[0] or not cols[1]:
            raise ExtractionError(f"{path}:{n}: a cue line needs a family and a cue, tab-separated: {line!r}")
        family, cue = cols[0], cols[1]
        if cue not in order.setdefault(family, []):
            order[family].append(cue)
        if family.startswith("event") and len(cols) > 2 and cols[2]:
            values[(family, cue)] = cols[2]
    families = {f: tuple(sorted(ws, key=lambda w: (-len(w), w))) for f, ws in order.items()}
    by_word: dict[str, list[str]] = {}
    for f, ws in order.items():
        for w in ws:
            by_word.setdefault(w, []).append(f)
    automaton = build_automaton({w: tuple(fs) for w, fs in by_word.items()})
    return CueBook(families, values, {f: tuple(ws) for f, ws in order.items()}, {}, automaton)


@per_document
def sentence_families(sentences: Sequence) -> list[frozenset[str]]:
    """The cue families present in each sentence's text (:meth:`CueBook.present`), in order.

    One automaton pass a sentence, remembered for the last document
    (:func:`graph.text.memo.per_document`), so the mention rules' gates and the
    relation rules' gates read the same answer instead of scanning every
    sentence twice.

    Examples
    --------
    >>> from graph.text.clean import clean_text
    >>> from graph.text.segment import split_sentences
    >>> [sorted(f & {"located", "subsidiary"}) for f in sentence_families(split_sentences(clean_text("公司位于清远高新区。旗下拥有两家工厂。")))]
    [['located'], ['subsidiary']]
    """
    book = load_cues()
    return [book.present(s.text) for s in sentences]


@dataclass(frozen=True)
class SentenceCues:
    """What a sentence holds that a rule may need: its text, its cue families, its mention classes.

    Built once per sentence (one automaton pass over the text), then asked by
    every rule's :class:`Need` instead of each rule scanning the text itself.
    """

    text: str
    families: frozenset[str]
    classes: frozenset[str]


@dataclass(frozen=True)
class Need:
    """A condition a sentence must meet before a rule can find anything in it.

    It is met when any one of its cue families occurs in the sentence, or any
    of its words, or a mention of any of its classes. A rule with several
    needs runs only where all of them are met. A need must be implied by the
    rule's own code (the rule cannot find anything where it is unmet), so
    skipping the rule changes nothing; build needs with :func:`cue_family`,
    :func:`word`, :func:`has` and :func:`any_of`.

    Examples
    --------
    >>> here = SentenceCues("公司位于清远高新区", load_cues().present("公司位于清远高新区"), frozenset({"Park"}))
    >>> cue_family("located").met(here), has("Person").met(here), any_of(word("位于"), has("Person")).met(here)
    (True, False, True)
    """

    families: frozenset[str] = frozenset()
    words: tuple[str, ...] = ()
    classes: frozenset[str] = frozenset()

    def met(self, here: SentenceCues) -> bool:
        if self.families & here.families or self.classes & here.classes:
            return True
        return any(w in here.text for w in self.words)


def cue_family(*families: str) -> Need:
    """Needs a cue of any of ``families`` (names checked against ``cues.tsv``)."""
    book = load_cues()
    for f in families:
        book.words(f)  # an unknown family raises here, when the rule is registered
    return Need(families=frozenset(families))


def word(*words: str) -> Need:
    """Needs any of ``words`` written in the sentence (for cues a rule's pattern spells out itself)."""
    return Need(words=tuple(words))


def has(*classes: str) -> Need:
    """Needs a mention of any of ``classes`` in the sentence."""
    return Need(classes=frozenset(classes))


def any_of(*needs: Need) -> Need:
    """Needs any one of ``needs`` met.

    Examples
    --------
    >>> any_of(word("分别"), has("Platform")).words
    ('分别',)
    """
    return Need(
        families=frozenset().union(*(n.families for n in needs)),
        words=tuple(w for n in needs for w in n.words),
        classes=frozenset().union(*(n.classes for n in needs)),
    )


class Gates:
    """Which of a family of rules a sentence can make fire, decided once per sentence.

    Every distinct :class:`Need` of the rules gets a number; a sentence's cue
    families, words and mention classes give the set of needs it meets
    (a few set unions), and a rule runs when its needs are a subset of it.

    Examples
    --------
    >>> g = Gates(["a", "b", "c"], {"a": (cue_family("located"), has("Park")), "b": (has("Person"),)})
    >>> g.runnable(SentenceCues("公司位于清远高新区", load_cues().present("公司位于清远高新区"), frozenset({"Park"})))
    ['a', 'c']
    """

    def __init__(self, names: Sequence[str], needs: Mapping[str, Sequence[Need]]) -> None:
        self.needs = needs
        self.names = tuple(names)
        number: dict[Need, int] = {}
        required = {name: frozenset(number.setdefault(n, len(number)) for n in ns) for name, ns in needs.items()}
        self._order = tuple((name, required.get(name, frozenset())) for name in names)
        self._required = required
        self._by_family: dict[str, set[int]] = {}
        self._by_class: dict[str, set[int]] = {}
        self._by_word: dict[str, set[int]] = {}
        for n, i in number.items():
            for f in n.families:
                self._by_family.setdefault(f, set()).add(i)
            for c in n.classes:
                self._by_class.setdefault(c, set()).add(i)
            for w in n.words:
                self._by_word.setdefault(w, set()).add(i)
        self._words = WordMatcher(self._by_word)  # every need's words, found in one pass

    def met(self, here: SentenceCues) -> set[int]:
        """The numbers of the needs ``here`` meets."""
        out: set[int] = set()
        for f in here.families:
            out.update(self._by_family.get(f, ()))
        for c in here.classes:
            out.update(self._by_class.get(c, ()))
        for w in self._words.present(here.text):
            out.update(self._by_word[w])
        return out

    def permits(self, name: str, met: set[int]) -> bool:
        """Whether rule ``name``'s needs are among ``met`` (from :meth:`met`); a rule without needs always runs."""
        required = self._required.get(name)
        return required is None or required <= met

    def runnable(self, here: SentenceCues) -> list[str]:
        """The rules whose needs ``here`` meets, in the order given."""
        met = self.met(here)
        return [name for name, required in self._order if required <= met]

    def allows(self, name: str, here: SentenceCues) -> bool:
        """Whether rule ``name``'s needs are met in ``here``."""
        return self.permits(name, self.met(here))


def kept_gates(slot: list[Gates], names: Iterable[str], needs: Mapping[str, Sequence[Need]]) -> Gates:
    """The :class:`Gates` of ``names`` and ``needs`` kept in ``slot`` (a one-item list owned by the
    rule module): built on first use, and again if the module's rules or needs were replaced."""
    names = tuple(names)
    if not slot or slot[0].needs is not needs or slot[0].names != names:
        slot[:] = [Gates(names, needs)]
    return slot[0]
