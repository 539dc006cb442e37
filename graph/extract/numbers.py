"""Numbers with units in Chinese text, normalised to base units.

574亿元 → 57400000000 CNY; 7.86 亿元 → 786000000 CNY; 6万吨 → 60000 tonne;
8.9% → 8.9 percent; 165家 → 165 count; 三家 → 3 count. Values are
:class:`decimal.Decimal`, so nothing is lost to binary floating point.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from graph.model import Quantity

__all__ = ["parse_chinese_numeral", "parse_number", "find_quantities", "UNITS", "MAGNITUDES"]

MAGNITUDES: dict[str, Decimal] = {
    "万亿": Decimal(10) ** 12,
    "千亿": Decimal(10) ** 11,
    "百亿": Decimal(10) ** 10,
    "亿": Decimal(10) ** 8,
    "千万": Decimal(10) ** 7,
    "百万": Decimal(10) ** 6,
    "万": Decimal(10) ** 4,
    "千": Decimal(10) ** 3,
}
#: surface unit → (base unit, factor)
UNITS: dict[str, tuple[str, Decimal]] = {
    "元": ("CNY", Decimal(1)),
    "人民币": ("CNY", Decimal(1)),
    "美元": ("USD", Decimal(1)),
    "吨": ("tonne", Decimal(1)),
    "千克": ("kilogram", Decimal(1)),
    "公斤": ("kilogram", Decimal(1)),
    "平方米": ("square-metre", Decimal(1)),
    "平方公里": ("square-metre", Decimal(10) ** 6),
    "亩": ("mu", Decimal(1)),
    "%": ("percent", Decimal(1)),
    "个百分点": ("percentage-point", Decimal(1)),
    "倍": ("times", Decimal(1)),
}
COUNT_WORDS = "家个项件套台人名所座款条支户位颗片只辆张"
#: measure words of more than one character, or one only before no noun (检测服务1350批次, 路演活动18场, not 3场地)
COUNT_PHRASES = ("批次", "场(?![地所馆景站内外])", "股(?![份东权票本])")
_DURATION = re.compile(r"(?:月|多月|小时|多小时|工作日|季度|星期|钟头)")
_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_SMALL = {"十": 10, "百": 100, "千": 1000}

_NUM = r"(?P<num>\d+(?:,\d{3})*(?:\.\d+)?|[零〇一二两三四五六七八九十百千]+(?:点[零〇一二三四五六七八九]+)?)"
_QUANTITY_RE = re.compile(
    r"(?P<pre>超过|逾|近|约|达|超)?"
    + _NUM
    + r"\s*(?P<approx>多|余)?\s*"
    r"(?P<mag>万亿|千亿|百亿|亿|千万|百万|万(?!分)|千(?!克))?\s*"
    r"(?:(?P<unit>美元|元|人民币|万吨|吨|千克|公斤|平方公里|平方米|亩|%|个百分点|倍)|(?P<count>"
    + "|".join(COUNT_PHRASES) + r"|[" + COUNT_WORDS + r"]))"
    r"(?P<post>及以上|及以下|以上|以下|左右|之多)?"  # (2000万元及以上: a threshold's floor)
)


def parse_chinese_numeral(text: str) -> int:
    """Value of a Chinese numeral up to the thousands.

    Examples
    --------
    >>> [parse_chinese_numeral(t) for t in ("三", "两", "十二", "二十", "一百零五", "三千二百")]
    [3, 2, 12, 20, 105, 3200]
    """
    if not text:
        raise ValueError("empty numeral")
    total = 0
    digit = 0
    for ch in text:
        if ch in _DIGITS:
            digit = _DIGITS[ch]
        elif ch in _SMALL:
            total += (digit or 1) * _SMALL[ch]
            digit = 0
        else:
            raise ValueError(f"not a Chinese numeral: {text!r}")
    return total + digit


def parse_number(text: str) -> Decimal:
    """Parse an Arabic or Chinese number.

    Examples
    --------
    >>> parse_number("1,234.5"), parse_number("十二")
    (Decimal('1234.5'), Decimal('12'))
    """
    t = text.replace(",", "")
    try:
        return Decimal(t)
    except InvalidOperation:
        pass
    if "点" in t:
        whole, frac = t.split("点", 1)
        return Decimal(f"{parse_chinese_numeral(whole)}.{''.join(str(_DIGITS[c]) for c in frac)}")
    return Decimal(parse_chinese_numeral(t))


def _normal(value: Decimal) -> Decimal:
    """Drop exponent notation and trailing zeros: 5.74E+8 → 574000000."""
    value = value.normalize()
    if value == value.to_integral_value():
        return value.quantize(Decimal(1))
    return value


def find_quantities(text: str) -> list[Quantity]:
    """Every number-with-unit in ``text``, normalised.

    Examples
    --------
    >>> [(str(q.value), q.unit) for q in find_quantities("产值574亿元，增长8.9%，年产6万吨，共三家")]
    [('57400000000', 'CNY'), ('8.9', 'percent'), ('60000', 'tonne'), ('3', 'count')]
    >>> q = find_quantities("项目59个（2000 万元以上）")[1]
    >>> str(q.value), q.bound
    ('20000000', 'min')
    """
    out: list[Quantity] = []
    for m in _QUANTITY_RE.finditer(text):
        num = m.group("num")
        if not num[0].isdigit():
            # a Chinese numeral only counts before a measure word, not inside a word (一批, 十分)
            if not m.group("count") and not m.group("unit"):
                continue
            if num == "一":
                continue  # 一家/一台/一个 is an article, not a count
            if m.group("unit") == "元" and not m.group("mag") and re.match(r"[\u4e00-\u9fff]", text[m.end() : m.end() + 1]):
                continue  # 长链二元酸, 多元化: a word with 元 in it, not an amount of yuan
        if m.group("count") == "台" and text.startswith("阶", m.end()):
            continue  # 跨上千亿台阶: a milestone, not a count of machines
        if m.group("count") == "个" and _DURATION.match(text, m.end()):
            continue  # 运行8个月, 3个工作日: a length of time, not a count
        try:
            value = parse_number(num)
        except (ValueError, KeyError):
            continue
        unit_word = m.group("unit")
        if m.group("mag"):
            value *= MAGNITUDES[m.group("mag")]
        if unit_word == "万吨":
            value *= Decimal(10) ** 4
            unit_word = "吨"
        if unit_word:
            unit, factor = UNITS[unit_word]
            value *= factor
        else:
            unit = "count"
            if m.group("mag") is None and value != value.to_integral_value():
                continue
        bound = None
        if m.group("post") in ("以上", "及以上") or m.group("pre") in ("超过", "逾", "超") or m.group("approx"):
            bound = "min"
        elif m.group("post") in ("以下", "及以下"):
            bound = "max"
        out.append(
            Quantity(
                value=_normal(value),
                unit=unit,
                surface=m.group(),
                start=m.start("num") if not m.group("pre") else m.start(),
                end=m.end(),
                approximate=bool(m.group("approx") or m.group("pre") in ("约", "近") or m.group("post") == "左右"),
                bound=bound,
            )
        )
    return out
