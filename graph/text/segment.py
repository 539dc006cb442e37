"""Stage 3, segment: sentences, and words where a rule needs them.

Sentences end at 。！？ (and ! ?), at "……" before a paragraph end, and at
paragraph breaks; closing quotes and brackets stay with their sentence.
Word segmentation is a choice (:class:`Segmenter`): jieba with part-of-speech
tags (imported lazily, its dictionary ships inside the package) or single
characters, the fallback that needs nothing.
"""

from __future__ import annotations

import enum
import io
import marshal
import os
import re
import sys
import tempfile
import threading
from bisect import bisect_right
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from types import ModuleType

from graph.model import CleanText, Sentence
from graph.text.clean import DATE_LINE as _DATE_LINE
from graph.text.memo import per_document

__all__ = [
    "split_sentences",
    "sections",
    "items",
    "is_bullet_headline",
    "Segmenter",
    "Token",
    "tokenize",
    "load_jieba",
    "token_boundaries",
    "lazy_boundaries",
    "LazyBoundaries",
    "pos_pairs",
    "word_frequency",
]

_END = re.compile(r"[。！？!?]+[”’」』）)》\"']*|……[”’」』）)》\"']*(?=\n)|\n")


def split_sentences(clean: CleanText) -> tuple[Sentence, ...]:
    """Split cleaned text into sentences with cleaned-text offsets.

    Examples
    --------
    >>> from graph.text.clean import clean_text
    >>> [s.text for s in split_sentences(clean_text("甲公司成立。“好！”他说。\\n乙"))]
    ['甲公司成立。', '“好！”', '他说。', '乙']
    """
    text = clean.text
    out: list[Sentence] = []
    start = 0
    paragraph = 0
    for m in _END.finditer(text):
        end = m.end() if m.group() != "\n" else m.start()
        _add(out, text, start, end, paragraph)
        start = m.end()
        if m.group() == "\n" or text[m.start() : m.end()].endswith("\n"):
            paragraph += 1
    _add(out, text, start, len(text), paragraph)
    return tuple(out)


def _add(out: list[Sentence], text: str, start: int, end: int, paragraph: int) -> None:
    while start < end and text[start] in " \n":
        start += 1
    while end > start and text[end - 1] in " \n":
        end -= 1
    if end > start:
        out.append(Sentence(index=len(out), text=text[start:end], start=start, end=end, paragraph=paragraph))


class Segmenter(enum.Enum):
    """Word segmenters parkkg can use."""

    JIEBA = "jieba"
    CHAR = "char"


class Token(tuple):
    """A word with its part-of-speech tag and offsets in the string tokenised."""

    __slots__ = ()

    def __new__(cls, word: str, tag: str, start: int) -> "Token":
        return super().__new__(cls, (word, tag, start))

    @property
    def word(self) -> str:
        return self[0]

    @property
    def tag(self) -> str:
        return self[1]

    @property
    def start(self) -> int:
        return self[2]

    @property
    def end(self) -> int:
        return self[2] + len(self[0])


_JIEBA_LOCK = threading.Lock()


@lru_cache(maxsize=1)
def load_jieba() -> ModuleType:
    """jieba's part-of-speech module, its dictionary loaded (once per process).

    The one place parkkg imports jieba: a build loads it before forking its
    workers, so they share the dictionary instead of each loading it.
    """
    import logging

    jieba = _import_jieba()
    jieba.setLogLevel(logging.WARNING)
    with _JIEBA_LOCK:
        return _load_dictionaries(jieba)


def _import_jieba() -> ModuleType:
    """``import jieba``, without letting it import ``pkg_resources``.

    jieba 0.42 imports ``pkg_resources`` (setuptools' deprecated API, about
    0.1 s and a deprecation warning) only to open its own data files, and
    opens them by path beside its modules when that import fails. So, unless
    something already imported ``pkg_resources``, the name is blocked while
    jieba is imported: jieba reads the same files, by path.
    """
    module = sys.modules.get("jieba")
    if module is not None:
        return module
    block = "pkg_resources" not in sys.modules
    if block:
        sys.modules["pkg_resources"] = None  # type: ignore[assignment]  # `import pkg_resources` raises ImportError
    try:
        import jieba
    except ImportError as exc:  # pragma: no cover - jieba is a core dependency
        raise ImportError(
            "jieba is needed for word segmentation: `pip install jieba`, or use Segmenter.CHAR"
        ) from exc
    finally:
        if block and sys.modules.get("pkg_resources", 0) is None:
            del sys.modules["pkg_resources"]
    return jieba


def _load_dictionaries(jieba: ModuleType) -> ModuleType:
    """Initialise jieba's default dictionary and import ``jieba.posseg``, from parkkg's cache when it has one.

    Loading jieba costs its prefix dictionary (a marshal file jieba reads
    with ``marshal.load`` from the open file, about four times slower than
    ``marshal.loads`` of its bytes) and, on importing ``jieba.posseg``, a
    parse of ``dict.txt`` for the part-of-speech tags. Both tables depend
    only on jieba's dictionary, so parkkg keeps them together in one marshal
    file beside jieba's own cache, keyed by jieba's version and the
    dictionary file's size and mtime, and reads it with ``marshal.loads``.
    The tables are the ones jieba would build, so segmentation is
    unchanged; a missing or unreadable cache only means jieba's own way once.
    """
    dt = jieba.dt
    if dt.initialized or "jieba.posseg" in sys.modules or dt.dictionary != jieba.DEFAULT_DICT:
        jieba.initialize()
        import jieba.posseg as posseg

        return posseg
    cache = _dictionary_cache_path(jieba)
    tables = _read_dictionary_cache(cache)
    if tables is None:
        jieba.initialize()
        import jieba.posseg as posseg

        _write_dictionary_cache(cache, _shared_tables(dt.FREQ, dt.total, posseg.dt.word_tag_tab))
        return posseg
    dt.FREQ, dt.total, tags = tables
    dt.initialized = True
    dt.get_dict_file = lambda: io.BytesIO(b"")  # importing jieba.posseg parses no dictionary: its tags are in the cache
    try:
        import jieba.posseg as posseg
    finally:
        del dt.get_dict_file
    posseg.dt.word_tag_tab = tags
    return posseg


def _shared_tables(
    freq: dict[str, int], total: int, tags: dict[str, str]
) -> tuple[dict[str, int], int, dict[str, str]]:
    """The tables to cache, equal to the ones given, with each word and each tag one string object.

    jieba parses its dictionary once for each table, so a word is two equal
    strings and a tag one string a line. marshal writes an object it has
    written before as a reference, so with the tag table pointing at the
    prefix table's words and at one string per tag, the file is a fifth
    smaller (15.7 → 12.7 MB) and reads about 0.06 s faster (no string made twice).

    Examples
    --------
    >>> import marshal
    >>> word = "".join(["园", "区"])                      # an equal string, not the same object
    >>> tables = _shared_tables({"园": 3, "园区": 2}, 5, {word: "n"})
    >>> tables == ({"园": 3, "园区": 2}, 5, {"园区": "n"})
    True
    >>> len(marshal.dumps(tables)) < len(marshal.dumps(({"园": 3, "园区": 2}, 5, {word: "n"})))
    True
    """
    words = {w: w for w in freq}
    names: dict[str, str] = {}
    return freq, total, {words.get(w, w): names.setdefault(t, t) for w, t in tags.items()}


def _dictionary_cache_path(jieba: ModuleType) -> Path | None:
    try:
        st = (Path(jieba.__file__).parent / jieba.DEFAULT_DICT_NAME).stat()
    except (OSError, AttributeError, TypeError):
        return None
    folder = Path(jieba.dt.tmp_dir or tempfile.gettempdir())
    user = os.getuid() if hasattr(os, "getuid") else 0
    # "jieba2": the tables with shared strings (see _shared_tables); the older file holds the same tables
    return folder / f"parkkg-jieba2-{jieba.__version__}-{st.st_size}-{st.st_mtime_ns}-{user}.marshal"


def _read_dictionary_cache(path: Path | None) -> tuple[dict[str, int], int, dict[str, str]] | None:
    """The (prefix frequencies, total, word tags) stored at ``path``, or None if it is missing or not such a triple."""
    if path is None:
        return None
    try:
        st = path.stat()
        if hasattr(os, "getuid") and (st.st_uid != os.getuid() or st.st_mode & 0o022):
            return None  # in a shared folder, only a file this user wrote is trusted
        tables = marshal.loads(path.read_bytes())
    except (OSError, EOFError, ValueError, TypeError):
        return None
    if not (isinstance(tables, tuple) and len(tables) == 3):
        return None
    freq, total, tags = tables
    if not (isinstance(freq, dict) and freq and isinstance(total, int) and isinstance(tags, dict) and tags):
        return None
    return freq, total, tags


def _write_dictionary_cache(path: Path | None, tables: tuple[dict[str, int], int, dict[str, str]]) -> None:
    """Write ``tables`` to ``path`` atomically (a private temporary file, then renamed); failures are ignored."""
    if path is None:
        return
    try:
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=path.name + ".")
    except OSError:
        return
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(marshal.dumps(tables))
        os.replace(tmp, path)
    except OSError:
        Path(tmp).unlink(missing_ok=True)


@lru_cache(maxsize=20000)
def token_boundaries(text: str) -> frozenset[int]:
    """Offsets where jieba's words start or end in ``text``.

    Examples
    --------
    >>> sorted(token_boundaries("位于园区"))
    [0, 2, 4]
    """
    load_jieba()
    jieba = _import_jieba()
    out = {0, len(text)}
    pos = 0
    for word in jieba.lcut(text, HMM=True):
        pos += len(word)
        out.add(pos)
    return frozenset(out)


class LazyBoundaries:
    """``offset in`` answers as for :func:`token_boundaries` of a text, segmenting only what a question needs.

    jieba cuts a text run by run: each maximal run of Han characters, letters
    and digits (``jieba.re_han_default``) is segmented on its own, and every
    other character is a word by itself (a ``"\\r\\n"`` pair is one word). So
    whether an offset is a word boundary depends only on the run around it:
    a question about an offset segments that run (cached), nothing else, and
    most sentences are never segmented at all because no rule asks.

    Examples
    --------
    >>> b = lazy_boundaries("公司位于园区，成立于2010年")
    >>> [i for i in range(16) if i in b] == sorted(token_boundaries("公司位于园区，成立于2010年"))
    True
    """

    __slots__ = ("text", "_runs")

    def __init__(self, text: str) -> None:
        self.text = text
        self._runs: tuple[list[int], list[int]] | None = None

    def __contains__(self, offset: object) -> bool:
        text = self.text
        if not isinstance(offset, int) or offset < 0 or offset > len(text):
            return False
        if offset == 0 or offset == len(text):
            return True
        runs = self._runs
        if runs is None:
            runs = self._runs = _jieba_runs(text)
        starts, ends = runs
        k = bisect_right(starts, offset) - 1
        if k >= 0 and offset < ends[k]:
            a = starts[k]
            return offset == a or (offset - a) in token_boundaries(text[a : ends[k]])
        return not (text[offset - 1] == "\r" and text[offset] == "\n")


def _jieba_runs(text: str) -> tuple[list[int], list[int]]:
    """Starts and ends of the runs jieba segments one by one (see :class:`LazyBoundaries`)."""
    jieba = _import_jieba()
    starts, ends = [], []
    for m in jieba.re_han_default.finditer(text):
        starts.append(m.start())
        ends.append(m.end())
    return starts, ends


def lazy_boundaries(text: str) -> LazyBoundaries:
    """A :class:`LazyBoundaries` of ``text``."""
    return LazyBoundaries(text)


@lru_cache(maxsize=20000)
def pos_pairs(text: str) -> tuple[tuple[str, str], ...]:
    """jieba's (word, part-of-speech tag) pairs of ``text``.

    Examples
    --------
    >>> pos_pairs("位于园区")[0][0]
    '位于'
    """
    return tuple((p.word, p.flag) for p in load_jieba().lcut(text, HMM=True))


def word_frequency(word: str) -> int:
    """How often ``word`` stands in jieba's dictionary (0 for a word it does not list).

    A rare entry (淹城, 3) is usually a place or name jieba happens to list, whatever tag it gives it.

    Examples
    --------
    >>> word_frequency("位于") > word_frequency("淹城")
    True
    """
    load_jieba()
    return _import_jieba().get_FREQ(word, 0)  # jieba's public accessor of its dictionary's counts


@lru_cache(maxsize=65536)
def tokenize(text: str, segmenter: Segmenter = Segmenter.JIEBA) -> tuple[Token, ...]:
    """Words of ``text`` with part-of-speech tags, realigned to the string.

    Examples
    --------
    >>> [t.word for t in tokenize("清远高新区", Segmenter.CHAR)]
    ['清', '远', '高', '新', '区']
    """
    if segmenter is Segmenter.CHAR:
        return tuple(Token(ch, "x", i) for i, ch in enumerate(text))
    posseg = load_jieba()
    out: list[Token] = []
    pos = 0
    for pair in posseg.lcut(text, HMM=True):
        word, tag = pair.word, pair.flag
        idx = text.find(word, pos)
        if idx < 0:  # jieba normalises nothing, but stay safe
            idx = pos
        out.append(Token(word, tag, idx))
        pos = idx + len(word)
    return tuple(out)




@per_document
def sections(sentences: Sequence[Sentence]) -> list[int]:
    r"""Section number of each sentence: a headline followed by a date line opens a new one.

    Park websites put several short news items in one page; what one item
    is about must not carry into the next.

    Examples
    --------
    >>> from graph.text.clean import clean_text
    >>> from graph.text.segment import split_sentences
    >>> sections(split_sentences(clean_text("甲园区签约\n2024-03-08\n正文。\n乙园区开工\n2024年3月21日\n正文。")))
    [0, 0, 0, 1, 1, 1]
    """
    out = []
    current = 0
    starts = {i - 1 for i, s in enumerate(sentences) if i > 0 and _DATE_LINE.match(s.text)}
    for i, _ in enumerate(sentences):
        if i in starts and i > 0:
            current += 1
        out.append(current)
    return out


# a headline line opened by a bullet (◆蜀锂科技入选…, ■ 链主引领): one brief of a roundup starts there,
# or by a bracketed label (【企业动态】, 【本期导读】甲获奖｜乙投产): a heading or a teaser, with no sentence end
_BULLET_HEADLINE = re.compile(r"^\s*(?:[◆◇■□●○▲△★☆◎►▶•]\s*[^。！？!?]{2,40}|【[^】]{1,12}】[^。！？!?]{0,80})$")


def is_bullet_headline(sentence: Sentence) -> bool:
    r"""Whether the sentence is a headline line opened by a bullet (◆蜀锂科技入选…): a brief's title,
    which restates (often in short forms) what its body says.

    Examples
    --------
    >>> from graph.text.clean import clean_text
    >>> [is_bullet_headline(s) for s in split_sentences(clean_text("◆甲公司获奖\n甲公司获评金奖。公司建有中心。\n◆乙公司投产\n乙公司投产。"))]
    [True, False, False, True, False]
    """
    return _BULLET_HEADLINE.match(sentence.text) is not None


def items(sentences: Sequence[Sentence]) -> list[int]:
    r"""Item number of each sentence: a new section (see :func:`sections`) or a bulleted headline line opens one.

    A park's 要闻 roundup strings short briefs together, each under its own
    ◆ headline and each about a different firm; what one brief's 公司 or 其
    means must not carry into the next.

    Examples
    --------
    >>> from graph.text.clean import clean_text
    >>> items(split_sentences(clean_text("◆甲公司获奖\n甲公司获评金奖。公司建有中心。\n◆乙公司投产\n乙公司投产。")))
    [0, 0, 0, 1, 1]
    """
    out = []
    current = 0
    section_of = sections(sentences)
    for i, s in enumerate(sentences):
        if i > 0 and (section_of[i] != section_of[i - 1] or is_bullet_headline(s)):
            current += 1
        out.append(current)
    return out
