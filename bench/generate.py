"""Generate a synthetic corpus of industrial-park news, reproducibly.

The articles imitate the genre parkkg reads: a park's news or feature story
naming enterprises, universities, platforms, honours, projects and
statistics, with numbers and units, printed from a PDF (hard line breaks
every 16-24 characters, blank lines between paragraphs, a stray break now
and then, digits set apart by spaces). Every name is composed from the
gazetteers in ``bench/gazetteers/`` (name parts, places, trades, products,
honours, indicators); nothing is copied from a real article.

The same ``seed`` and ``size`` give the same bytes on every run and
machine: all choices come from one ``random.Random(seed)`` and nothing
depends on hash order.

Run it as a script::

    python bench/generate.py --size 10MB --seed 7 --out /tmp/corpus-10mb

or from Python::

    >>> import generate
    >>> arts = list(generate.articles(4_000, seed=1))
    >>> arts == list(generate.articles(4_000, seed=1))
    True
    >>> 0 < sum(len(a.text.encode()) for a in arts) <= 4_000
    True
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

__all__ = ["Gazetteer", "Article", "load_gazetteer", "articles", "write_corpus", "parse_size", "main"]

GAZETTEER_DIR = Path(__file__).resolve().parent / "gazetteers"
#: Bump when the output for a given (size, seed) changes.
GENERATOR_VERSION = "1"


# --------------------------------------------------------------------------- gazetteers


def _rows(path: Path) -> list[list[str]]:
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            out.append(line.split("\t"))
    return out


@dataclass(frozen=True)
class Gazetteer:
    """The word lists the generator composes names and sentences from."""

    provinces: tuple[tuple[str, tuple[str, ...]], ...]
    parts: dict[str, tuple[str, ...]]
    trades: tuple[tuple[str, str], ...]
    products: tuple[tuple[str, str, str], ...]
    honours: tuple[tuple[str, str], ...]
    indicators: tuple[tuple[str, str, float, float, int, str], ...]
    universities: tuple[str, ...]


@lru_cache(maxsize=4)
def load_gazetteer(directory: str | Path = GAZETTEER_DIR) -> Gazetteer:
    """Read ``bench/gazetteers/*.tsv`` (see the header line of each file)."""
    d = Path(directory)
    return Gazetteer(
        provinces=tuple((r[0], tuple(r[1].split("|"))) for r in _rows(d / "places.tsv")),
        parts={r[0]: tuple(r[1].split("|")) for r in _rows(d / "name-parts.tsv")},
        trades=tuple((r[0], r[1]) for r in _rows(d / "trades.tsv")),
        products=tuple((r[0], r[1], r[2]) for r in _rows(d / "products.tsv")),
        honours=tuple((r[0], r[1] if len(r) > 1 else "") for r in _rows(d / "honours.tsv")),
        indicators=tuple((r[0], r[1], float(r[2]), float(r[3]), int(r[4]), r[5]) for r in _rows(d / "indicators.tsv")),
        universities=tuple(r[0] for r in _rows(d / "universities.tsv")),
    )


# --------------------------------------------------------------------------- the world


@dataclass
class Company:
    name: str
    short: str
    industry: str
    province: str
    city: str
    park: int
    products: list[tuple[str, str, str]] = field(default_factory=list)


@dataclass
class Park:
    name: str
    short: str
    province: str
    city: str
    industries: list[str]


@dataclass
class World:
    """The entities a corpus talks about: they recur across articles."""

    parks: list[Park]
    companies: list[Company]
    groups: list[str]
    universities: list[str]
    by_park: dict[int, list[int]]


def _make_world(rng: random.Random, gz: Gazetteer, n_companies: int) -> World:
    p = gz.parts
    industries = sorted({t[1] for t in gz.trades})
    n_parks = max(3, n_companies // 40)
    parks: list[Park] = []
    used: set[str] = set()
    while len(parks) < n_parks:
        province, cities = rng.choice(gz.provinces)
        city = rng.choice(cities)
        k = rng.randrange(len(p["park_form"]))
        form, short = p["park_form"][k], p["park_short"][k]
        name = city + (rng.choice(p["park_name"]) if form in ("产业园", "工业园", "科技产业园") else "") + form
        if name in used:
            if len(used) >= 4 * len(gz.provinces) * 6:
                name = f"{name}{len(parks)}号"  # the name space ran out: number them
            else:
                continue
        used.add(name)
        short_name = city + short if short != "园区" else name.replace(city, "", 1)[:4] + "园"
        parks.append(Park(name, short_name, province, city, rng.sample(industries, 3)))
    companies: list[Company] = []
    names: set[str] = set()
    tries = 0
    while len(companies) < n_companies:
        tries += 1
        park_i = rng.randrange(len(parks))
        park = parks[park_i]
        brand = rng.choice(p["brand_head"]) + rng.choice(p["brand_tail"])
        if brand[0] == brand[1]:
            continue
        trade, industry = rng.choice(gz.trades)
        if industry not in park.industries and rng.random() < 0.7:
            continue
        legal = rng.choice(p["legal_form"])
        if legal.startswith("科技") and trade.endswith("科技"):
            legal = "有限公司"
        prefix = rng.choice((park.province, park.city + "市", park.city, ""))
        name = prefix + brand + trade + legal
        if name in names:
            if tries > 50 * n_companies:
                name = prefix + brand + trade + f"第{len(companies)}分" + legal
            else:
                continue
        names.add(name)
        short = brand + trade[:2] if len(trade) >= 2 else brand + trade
        prods = [pr for pr in gz.products if pr[1] == industry]
        companies.append(Company(name, short, industry, park.province, park.city, park_i, rng.sample(prods, min(2, len(prods)))))
    groups = []
    for _ in range(max(3, n_companies // 30)):
        groups.append(rng.choice(p["brand_head"]) + rng.choice(p["brand_tail"]) + rng.choice(("科技", "实业", "控股", "产业")) + rng.choice(p["group_form"]))
    universities = list(gz.universities)
    for province, cities in gz.provinces:
        for city in cities[:3]:
            universities.append(city + rng.choice(p["university_form"]))
    for _ in range(6):
        province = rng.choice(gz.provinces)[0]
        universities.append(f"{province}省{rng.choice(p['institute_field'])}研究院")
    by_park: dict[int, list[int]] = {}
    for i, c in enumerate(companies):
        by_park.setdefault(c.park, []).append(i)
    return World(parks, companies, groups, universities, by_park)


# --------------------------------------------------------------------------- sentences


def _num(rng: random.Random, low: float, high: float, decimals: int) -> str:
    value = rng.uniform(low, high)
    return f"{value:.{decimals}f}" if decimals else str(int(value))


def _pct(rng: random.Random, low: float = -5.0, high: float = 30.0) -> tuple[str, str]:
    v = rng.uniform(low, high)
    word = "增长" if v >= 0 else "下降"
    return word, f"{abs(v):.1f}%"


def _person(rng: random.Random, gz: Gazetteer) -> str:
    p = gz.parts
    return rng.choice(p["surname"]) + "".join(rng.choice(p["given"]) for _ in range(rng.choice((1, 2))))


class _Writer:
    """Composes one article's sentences about one park and its companies."""

    def __init__(self, rng: random.Random, gz: Gazetteer, world: World, park_i: int) -> None:
        self.rng, self.gz, self.world = rng, gz, world
        self.park = world.parks[park_i]
        members = world.by_park.get(park_i) or [0]
        self.companies = [world.companies[i] for i in rng.sample(members, min(len(members), rng.randint(3, 8)))]
        self.year = rng.randint(2016, 2024)
        self.introduced: set[str] = set()

    def company(self) -> Company:
        return self.rng.choice(self.companies)

    def cname(self, c: Company) -> str:
        """Full name the first time, then the full or the short name."""
        if c.name in self.introduced and self.rng.random() < 0.5:
            return c.short
        self.introduced.add(c.name)
        return c.name

    def other_companies(self, c: Company, k: int) -> list[str]:
        """``k`` different companies other than ``c`` (anywhere in the world)."""
        out: list[str] = []
        everyone = self.world.companies
        while len(out) < k:
            x = everyone[self.rng.randrange(len(everyone))]
            if x is not c and x.name not in out:
                out.append(x.name)
        return out

    def year_text(self) -> str:
        return f"{self.rng.randint(2015, self.year)}年"

    # each template returns one sentence (ending in 。) or several
    def located(self) -> str:
        c = self.company()
        r = self.rng
        verb = r.choice(("位于", "坐落于", "落户", "入驻"))
        prod = r.choice(c.products)[0] if c.products else c.industry
        return r.choice((
            f"{c.name}{verb}{self.park.name}，主要从事{prod}的研发、生产和销售。",
            f"{self.year_text()}，{c.name}{verb}{self.park.short}，总投资{_num(r, 1, 30, 1)}亿元。",
            f"走进{c.name}，{r.choice(('生产车间里', '展厅内', '厂区内'))}一派繁忙景象。",
        ))

    def honour(self) -> str:
        c, r = self.company(), self.rng
        n = self.cname(c)
        h, conferrer = r.choice(self.gz.honours)
        y = self.year_text()
        by = f"被{conferrer}" if conferrer and r.random() < 0.5 else ""
        return r.choice((
            f"{y}，{n}荣获“{h}”称号。",
            f"{n}{by}认定为{h}。",
            f"{y}，{n}成功入选{h}名单。",
            f"目前，{n}已获评{h}、{r.choice(self.gz.honours)[0]}等多项荣誉。",
        ))

    def cooperation(self) -> str:
        c, r = self.company(), self.rng
        n = self.cname(c)
        u = r.choice(self.world.universities)
        f1, f2 = r.sample(self.gz.parts["field"], 2)
        level = r.choice(self.gz.parts["platform_level"])
        platform = r.choice(self.gz.parts["platform"])
        return r.choice((
            f"{n}与{u}签署战略合作协议，双方将在{f1}、{f2}等方面开展全方位合作。",
            f"{n}与{u}共建{c.short}{platform}，重点开展{f1}。",
            f"{self.year_text()}，{self.park.short}与{u}签署合作协议，共同推动{f1}。",
            f"{n}携手{u}开展{f2}，多项成果已在园区落地转化。",
            f"{n}拥有{level}{platform}，建有{r.choice(self.gz.parts['platform'])}。",
        ))

    def statistic(self) -> str:
        r = self.rng
        phrase, unit, low, high, dec, about = r.choice(self.gz.indicators)
        word, pct = _pct(r)
        value = _num(r, low, high, dec)
        y = self.year_text()
        if about == "park":
            return r.choice((
                f"{y}，{self.park.short}实现{phrase}{value}{unit}，同比{word}{pct}。",
                f"{self.park.short}全年{phrase}达{value}{unit}，比上年{word}{pct}。",
                f"数据显示，{y}{self.park.name}{phrase}为{value}{unit}。",
            ))
        c = self.company()
        n = self.cname(c)
        if about == "company":
            return r.choice((
                f"{y}，{n}实现{phrase}{value}{unit}，同比{word}{pct}。",
                f"去年{n}{phrase}{value}{unit}，{word}{pct}。",
            ))
        prod = r.choice(c.products) if c.products else ("新产品", c.industry, "万件")
        cap = _num(r, 1, 500, 0)
        return r.choice((
            f"{n}年产{cap}{prod[2]}{prod[0]}项目{phrase}{value}{unit}，预计{self.year + 1}年投产。",
            f"该项目{phrase}{value}{unit}，达产后年产值可达{_num(r, 2, 60, 1)}亿元。",
        ))

    def counts(self) -> str:
        r = self.rng
        a, b = r.randint(20, 120), r.randint(121, 400)
        return r.choice((
            f"规模以上工业企业数量由{a}个增至{b}个，国家高新技术企业数量由{r.randint(10, a)}家增加至{r.randint(a, b)}家。",
            f"截至{self.year}年底，{self.park.short}拥有发明专利{r.randint(100, 3000)}件，省级以上创新平台{r.randint(10, 90)}个。",
            f"全年引进签约项目{r.randint(10, 80)}个，协议投资额{_num(r, 20, 600, 1)}亿元。",
        ))

    def customers(self) -> str:
        c, r = self.company(), self.rng
        others = self.other_companies(c, 3)
        return r.choice((
            f"{self.cname(c)}的主要客户包括{others[0]}、{others[1]}和{others[2]}等。",
            f"产品主要供货给{others[0]}、{others[1]}等{r.choice(self.gz.parts['customer'])}企业。",
        ))

    def people(self) -> str:
        c, r = self.company(), self.rng
        person = _person(r, self.gz)
        if r.random() < 0.5:
            role = r.choice(self.gz.parts["role_company"])
            return f"{self.cname(c)}{role}{person}表示，企业将继续加大研发投入，推动{r.choice(self.gz.parts['field'])}。"
        role = r.choice(self.gz.parts["role_park"])
        return f"{self.park.short}{role}{person}介绍，园区将为企业提供{r.choice(('中试场地', '应用场景', '资金支持', '人才服务'))}。"

    def chain(self) -> str:
        c, r = self.company(), self.rng
        word, pct = _pct(r, 1, 25)
        i1, i2, i3 = self.park.industries
        return r.choice((
            f"以{c.name}为链主的{c.industry}产业链实现产值{_num(r, 10, 300, 1)}亿元，{word}{pct}。",
            f"{self.park.short}逐步形成以{i1}、{i2}和{i3}为主导的现代化产业体系。",
            f"{c.name}是{r.choice(self.world.groups)}旗下企业，也是园区{c.industry}产业的龙头企业。",
        ))

    def product(self) -> str:
        c, r = self.company(), self.rng
        n = self.cname(c)
        prod = r.choice(c.products)[0] if c.products else "新产品"
        return r.choice((
            f"{n}研发出新一代{prod}，填补了国内空白。",
            f"{self.year_text()}，{n}自主研制的{prod}成功量产。",
        ))

    def event(self) -> str:
        c, r = self.company(), self.rng
        n = self.cname(c)
        d = f"{self.year}年{r.randint(1, 12)}月{r.randint(1, 28)}日"
        return r.choice((
            f"{d}，{n}{r.choice(self.gz.parts['platform'])}揭牌成立。",
            f"{d}，{self.park.name}{r.randint(2, 20)}个重点项目集中开工。",
            f"{d}，{n}新厂区正式投产。",
        ))

    def narrative(self) -> str:
        r = self.rng
        a = r.choice(("坚持创新驱动发展战略", "坚持实体经济为本、制造业当家", "持续优化营商环境", "纵深推进科技研发创新",
                      "着力补齐产业短板", "加快发展新质生产力", "推进绿色低碳转型"))
        b = r.choice(("步履不停推进新型工业化", "产业集聚效应持续显现", "发展质效稳步提升", "营商环境不断改善",
                      "创新能力明显增强", "一批重大项目加快建设"))
        return r.choice((
            f"近年来，{self.park.short}{a}，{b}。",
            f"这{r.randint(3, 12)}年，园区{a}，{b}。",
            f"{a}，是{self.park.short}高质量发展的关键。",
        ))

    def paragraph(self) -> str:
        r = self.rng
        kinds = (self.located, self.honour, self.cooperation, self.statistic, self.statistic, self.counts,
                 self.customers, self.people, self.chain, self.product, self.event, self.narrative, self.narrative)
        return "".join(r.choice(kinds)() for _ in range(r.randint(2, 5)))


# --------------------------------------------------------------------------- layout


_NUMBER = re.compile(r"\d+(?:\.\d+)?")


def _print_like_pdf(rng: random.Random, title: str, date: str, paragraphs: list[str]) -> str:
    """Hard-wrap paragraphs at a fixed width, with the usual PDF artefacts."""
    width = rng.randint(16, 24)
    lines = [title, date, ""]
    for para in paragraphs:
        # digits set apart by spaces now and then: "由 102 个", "2015 年"
        para = _NUMBER.sub(lambda m: f" {m.group()} " if rng.random() < 0.12 else m.group(), para)
        for i in range(0, len(para), width):
            lines.append(para[i : i + width])
            if rng.random() < 0.02:
                lines.append("")  # a break across columns inside a paragraph
        lines.append("")
    return "\n".join(lines)


@dataclass(frozen=True)
class Article:
    """One generated article: a file name and its text."""

    name: str
    text: str


def _world_size(size: int) -> int:
    return max(60, min(120_000, size // 1500))


#: Mean UTF-8 bytes of one generated paragraph (to size the world for an article count).
_PARAGRAPH_BYTES = 300


def articles(
    size: int,
    seed: int = 0,
    *,
    paragraphs: tuple[int, int] = (3, 12),
    max_articles: int | None = None,
    gazetteer: Gazetteer | None = None,
) -> Iterator[Article]:
    """Generate articles until the next one would pass ``size`` bytes of UTF-8 text.

    Parameters
    ----------
    size : int
        Total bytes of the corpus (at least one article is made).
    seed : int
        The same seed and size give the same articles.
    paragraphs : (int, int)
        Fewest and most paragraphs of an article (about 300 bytes each);
        ``(1, 2)`` makes short news items.
    max_articles : int, optional
        Stop after this many articles even if ``size`` is not reached.

    Examples
    --------
    >>> first = next(articles(10_000, seed=3))
    >>> first.name, "公司" in first.text
    ('a000001.txt', True)
    """
    gz = gazetteer or load_gazetteer()
    rng = random.Random(seed)
    expected = size
    if max_articles is not None:
        expected = min(size, max_articles * _PARAGRAPH_BYTES * (paragraphs[0] + paragraphs[1]) // 2)
    world = _make_world(rng, gz, _world_size(expected))
    total = 0
    n = 0
    while True:
        park_i = rng.randrange(len(world.parks))
        w = _Writer(rng, gz, world, park_i)
        c = w.company()
        title = rng.choice((
            f"{w.park.short}：创新驱动 产业向新",
            f"{c.short}：以创新赢得发展主动",
            f"{w.park.name}{w.year}年经济运行情况",
            f"聚焦{rng.choice(w.park.industries)} {w.park.short}跑出发展加速度",
        ))
        date = f"发布时间：{w.year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        body = [w.paragraph() for _ in range(rng.randint(*paragraphs))]
        text = _print_like_pdf(rng, title, date, body)
        nbytes = len(text.encode("utf-8"))
        if n and total + nbytes > size:
            return
        n += 1
        total += nbytes
        yield Article(f"a{n:06d}.txt", text)
        if total >= size or (max_articles is not None and n >= max_articles):
            return


def write_corpus(
    out: str | Path,
    size: int,
    seed: int = 0,
    *,
    paragraphs: tuple[int, int] = (3, 12),
    max_articles: int | None = None,
) -> dict[str, object]:
    """Write :func:`articles` as ``.txt`` files under ``out`` (in subfolders
    of 1,000) plus ``manifest.json``; return the manifest.

    An existing corpus with the same manifest is kept as it is; any other
    content of ``out`` is replaced.
    """
    root = Path(out)
    manifest_path = root / "manifest.json"
    wanted = {"generator": GENERATOR_VERSION, "size": size, "seed": seed, "paragraphs": list(paragraphs),
              "max_articles": max_articles}
    if manifest_path.is_file():
        old = json.loads(manifest_path.read_text(encoding="utf-8"))
        if {k: old.get(k) for k in wanted} == wanted:
            return old
    if root.exists():
        for old in sorted(root.rglob("*.txt")):
            old.unlink()
        manifest_path.unlink(missing_ok=True)
    root.mkdir(parents=True, exist_ok=True)
    n = total = 0
    for i, art in enumerate(articles(size, seed, paragraphs=paragraphs, max_articles=max_articles)):
        folder = root / f"{i // 1000:03d}"
        folder.mkdir(exist_ok=True)
        data = art.text.encode("utf-8")
        (folder / art.name).write_bytes(data)
        n += 1
        total += len(data)
    manifest = {**wanted, "articles": n, "bytes": total}
    manifest_path.write_text(json.dumps(manifest, indent=1) + "\n", encoding="utf-8")
    return manifest


_UNITS = {"": 1, "B": 1, "KB": 1000, "K": 1000, "MB": 1000**2, "M": 1000**2, "GB": 1000**3, "G": 1000**3}


def parse_size(text: str) -> int:
    """``"10MB"`` → 10,000,000 (decimal units; KB, MB, GB).

    >>> parse_size("1.5MB"), parse_size("300KB"), parse_size("42")
    (1500000, 300000, 42)
    """
    m = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([KMG]?B?)\s*", text.upper())
    if not m:
        raise argparse.ArgumentTypeError(f"{text!r}: give a size such as 300KB, 10MB or 1GB")
    return int(float(m.group(1)) * _UNITS[m.group(2)])


def _span(text: str) -> tuple[int, int]:
    m = re.fullmatch(r"(\d+)-(\d+)", text.strip())
    if not m or not 1 <= int(m.group(1)) <= int(m.group(2)):
        raise argparse.ArgumentTypeError(f"{text!r}: give MIN-MAX, such as 1-2 or 3-12")
    return int(m.group(1)), int(m.group(2))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Generate a synthetic park-news corpus (reproducible for a seed).")
    parser.add_argument("--size", type=parse_size, default=parse_size("1MB"), help="total text size, e.g. 1MB, 10MB, 100MB")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--articles", type=int, default=None, help="stop after this many articles")
    parser.add_argument("--paragraphs", type=_span, default=(3, 12), help="paragraphs per article, MIN-MAX (default 3-12)")
    parser.add_argument("--out", type=Path, required=True, help="folder to write the .txt files into")
    args = parser.parse_args(argv)
    m = write_corpus(args.out, args.size, args.seed, paragraphs=args.paragraphs, max_articles=args.articles)
    print(f"{m['articles']} articles, {m['bytes']:,} bytes -> {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
