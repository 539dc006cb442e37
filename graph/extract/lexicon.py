"""Dictionaries the loader reads: name suffixes, places, honours, roles, ...

They live as TSV files in ``data/lexicon/`` (installed as ``graph._data``),
so a user can extend the loader for a new park by editing data, not code.
Lines starting with ``#`` are comments; a line may hold several
tab-separated words where the file says so.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from graph._resources import data_dir

__all__ = ["Lexicon", "IndustryEntry", "IndicatorEntry", "load_lexicon"]


@dataclass(frozen=True)
class IndustryEntry:
    id: str
    zh: str
    en: str
    keywords: tuple[str, ...]


@dataclass(frozen=True)
class IndicatorEntry:
    id: str
    zh: str
    en: str
    cues: tuple[str, ...]
    kind: str


@dataclass(frozen=True)
class Lexicon:
    """All loader dictionaries, ready to use (compiled where it helps)."""

    suffixes: tuple[tuple[str, str], ...]
    standalone: frozenset[str]
    short_forms: dict[str, str]
    honour_suffixes: tuple[str, ...]
    places: frozenset[str]
    roles: tuple[str, ...]
    surnames: tuple[str, ...]
    stopwords: tuple[str, ...]
    products: tuple[str, ...]
    industries: tuple[IndustryEntry, ...]
    indicators: tuple[IndicatorEntry, ...]
    glossary: dict[str, str]
    suffix_re: re.Pattern[str]
    columns: tuple[tuple[str, str], ...] = ()  # table header → role, longest first (columns.tsv)
    #: suffix → class, as :meth:`suffix_class` answers (filled by :func:`load_lexicon`; asked once per name found)
    suffix_classes: dict[str, str] = field(default_factory=dict, repr=False, compare=False)

    def suffix_class(self, suffix: str) -> str:
        return (self.suffix_classes or _suffix_classes(self.suffixes))[suffix]

    def name_class(self, name: str) -> str | None:
        """The class of the longest name suffix ``name`` ends with (有限公司 → Enterprise), or None."""
        for i in range(1, len(name) - 1):
            m = self.suffix_re.fullmatch(name, i)
            if m:
                return self.suffix_class(m.group())
        return None


@lru_cache(maxsize=8)
def _suffix_classes(suffixes: tuple[tuple[str, str], ...]) -> dict[str, str]:
    """suffix → class, built once per suffix table (the last row of a suffix wins, as ``dict`` does)."""
    return dict(suffixes)


def _rows(path: Path) -> list[list[str]]:
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        rows.append([c.strip() for c in line.split("\t")])
    return rows


def _dir() -> Path:
    return data_dir() / "lexicon"


@lru_cache(maxsize=4)
def _with_area_forms(suffixes: tuple[tuple[str, str], ...]) -> tuple[tuple[str, str], ...]:
    """``suffixes`` and, for each park suffix ending in 园, its 园区 form (信息园 → 信息园区), so a
    name written with 园区 (雷官电子信息园区) ends after 区, not inside the word 园区."""
    have = {s for s, _ in suffixes}
    extra = tuple((s + "区", c) for s, c in suffixes if c == "Park" and s.endswith("园") and s + "区" not in have)
    return suffixes + extra


@lru_cache(maxsize=4)  # the files are read once per directory: a Lexicon is immutable
def load_lexicon(directory: str | None = None) -> Lexicon:
    """Load the dictionaries from ``directory`` (default: the bundled ones).

    Examples
    --------
    >>> lex = load_lexicon()
    >>> lex.suffix_class("有限公司"), "广东" in lex.places
    ('Enterprise', True)
    """
    d = Path(directory) if directory else _dir()
    suffix_rows = _rows(d / "suffixes.tsv")
    suffixes = _with_area_forms(tuple((r[0], r[1]) for r in suffix_rows))
    standalone = frozenset(r[0] for r in suffix_rows if len(r) > 2 and r[2] == "standalone")
    flat = lambda name: tuple(w for r in _rows(d / name) for w in r if w)  # noqa: E731
    industries = tuple(
        IndustryEntry(r[0], r[1], r[2], tuple(k for k in r[3].split("|") if k)) for r in _rows(d / "industries.tsv")
    )
    indicators = tuple(
        IndicatorEntry(r[0], r[1], r[2], tuple(k for k in r[3].split("|") if k), r[4])
        for r in _rows(d / "indicators.tsv")
    )
    ordered = sorted((s for s, _ in suffixes), key=len, reverse=True)
    return Lexicon(
        suffixes=suffixes,
        standalone=standalone,
        short_forms={r[0]: r[1] for r in _rows(d / "short-forms.tsv")},
        honour_suffixes=tuple(sorted(flat("honours.tsv"), key=len, reverse=True)),
        places=frozenset(flat("places.tsv")),
        roles=tuple(sorted(flat("roles.tsv"), key=len, reverse=True)),
        surnames=tuple(sorted(flat("surnames.tsv"), key=len, reverse=True)),
        stopwords=tuple(sorted(flat("stopwords.tsv"), key=len, reverse=True)),
        products=tuple(sorted(flat("products.tsv"), key=len, reverse=True)),
        industries=industries,
        indicators=indicators,
        glossary={r[0]: r[1] for r in _rows(d.parent / "glossary.tsv")} if (d.parent / "glossary.tsv").exists() else {},
        suffix_re=re.compile("|".join(re.escape(s) for s in ordered)),
        suffix_classes=dict(suffixes),
        columns=tuple(sorted(((r[0], r[1]) for r in _rows(d / "columns.tsv") if len(r) > 1), key=lambda c: -len(c[0])))
        if (d / "columns.tsv").exists() else (),
    )
