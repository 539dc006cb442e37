"""CJK fonts for matplotlib: which one to draw Chinese labels with.

matplotlib keeps a cache of the fonts it found the first time it ran. A CJK
font installed after that (``make demo`` before ``apt-get install
fonts-noto-cjk``, say) is missing from the cache, and Chinese labels come out
as empty boxes. :func:`find_cjk_family` does not depend on that order: when
the cache has no CJK family, it registers the system's CJK font files with
matplotlib directly and looks again.
"""

from __future__ import annotations

import re
from pathlib import Path

__all__ = ["CJK_FAMILIES", "find_cjk_family"]

#: CJK font families matplotlib may find, best first (Simplified Chinese first).
CJK_FAMILIES: tuple[str, ...] = (
    "Noto Sans CJK SC",
    "Noto Sans CJK TC",
    "Noto Sans CJK JP",
    "Noto Sans CJK KR",
    "Noto Sans SC",
    "Source Han Sans SC",
    "Source Han Sans CN",
    "WenQuanYi Zen Hei",
    "WenQuanYi Micro Hei",
    "Microsoft YaHei",
    "PingFang SC",
    "Heiti SC",
    "SimHei",
)

# file names of the fonts above, for fonts installed after matplotlib built its cache
_CJK_FILES = re.compile(r"notosanscjk|notosanssc|sourcehansans|wqy|msyh|pingfang|stheiti|simhei", re.IGNORECASE)


def find_cjk_family(*, rescan: bool = True) -> str | None:
    """The best CJK font family matplotlib can use, or None.

    Parameters
    ----------
    rescan : bool
        When matplotlib's font list has none (its cache predates the font's
        installation), register the system's CJK font files with
        ``matplotlib.font_manager`` and look again.

    Examples
    --------
    >>> find_cjk_family() in (None,) + CJK_FAMILIES
    True
    """
    from matplotlib import font_manager

    names = {f.name for f in font_manager.fontManager.ttflist}
    for family in CJK_FAMILIES:
        if family in names:
            return family
    if not rescan:
        return None
    added = False
    for path in font_manager.findSystemFonts():
        if _CJK_FILES.search(Path(path).name):
            try:
                font_manager.fontManager.addfont(path)
            except (OSError, RuntimeError, ValueError):  # unreadable or unsupported file: try the next
                continue
            added = True
    return find_cjk_family(rescan=False) if added else None
