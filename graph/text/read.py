"""Stage 1, read: bytes on disk to :class:`~graph.model.Document`.

The encoding is detected from the bytes, never guessed from the file name:
byte-order marks first, then strict UTF-8, then GB18030 (a superset of GBK
and GB2312), then UTF-16 without a BOM, and last charset-normalizer.
Binary files, PDFs, empty files, undecodable bytes and files over the size
limit of one article (:func:`max_article_bytes`) raise
:class:`~graph.errors.SourceError` with a message saying what to do.
"""

from __future__ import annotations

import errno
import hashlib
import os
import re
import stat
import unicodedata
from collections.abc import Iterable, Iterator
from pathlib import Path

from graph._resources import data_dir
from graph.errors import SourceError
from graph.model import Document

__all__ = [
    "read_document",
    "read_text",
    "decode_bytes",
    "expand_paths",
    "bundled_article",
    "max_article_bytes",
    "MAX_ARTICLE_MB",
    "MAX_ARTICLE_ENV",
]

#: Largest article read by default, in MB (10**6 bytes). A news article is
#: tens of kilobytes; a 2 MB file already takes minutes and 1.5 GB of memory
#: to build, and a 50 MB one would exhaust a 24 GB machine after an hour.
MAX_ARTICLE_MB = 5.0
#: Environment variable that raises (or lowers) :data:`MAX_ARTICLE_MB`.
MAX_ARTICLE_ENV = "PARKKG_MAX_ARTICLE_MB"

_BOMS: tuple[tuple[bytes, str], ...] = (
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)

# files people pass by mistake, recognised by their first bytes
_NOT_TEXT: tuple[tuple[bytes, str], ...] = (
    (b"PK\x03\x04", "a ZIP archive (a .docx, .xlsx, .epub or .zip file)"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Microsoft Office file (.doc, .xls or .ppt)"),
    (b"{\\rtf", "an RTF document"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
)

_AUTHOR_RE = re.compile(
    r"(?:本报|本刊|新华社)?(?:特约|实习)?(?:通讯员|记者|撰稿|作者)[：:\s]*"
    r"((?:[\u4e00-\u9fff]{2,4}[\s、，,]*){1,6})\s*$",
    re.M,
)
_DATE_RE = re.compile(
    r"(?:发布(?:时间|日期)|日期|时间)[：:]\s*(\d{4})[-年./](\d{1,2})[-月./](\d{1,2})"
)


def bundled_article() -> Path:
    """Path of the article shipped with parkkg (Qingyuan High-tech Zone, 2025).

    Examples
    --------
    >>> bundled_article().name
    'qingyuan-hitech-zone-10-years.txt'
    """
    return data_dir() / "qingyuan-hitech-zone-10-years.txt"


def max_article_bytes() -> int:
    """The size limit of one article in bytes: ``$PARKKG_MAX_ARTICLE_MB`` or :data:`MAX_ARTICLE_MB`.

    Raises
    ------
    SourceError
        The environment variable is set but is not a positive number.

    Examples
    --------
    >>> max_article_bytes()  # without $PARKKG_MAX_ARTICLE_MB
    5000000
    """
    raw = os.environ.get(MAX_ARTICLE_ENV, "").strip()
    if not raw:
        return int(MAX_ARTICLE_MB * 1_000_000)
    try:
        mb = float(raw)
    except ValueError:
        mb = -1.0
    if not mb > 0:
        raise SourceError(f"{MAX_ARTICLE_ENV}={raw!r} is not a size; set it to a number of megabytes such as 20")
    return int(mb * 1_000_000)


def _first_invalid_utf8(data: bytes) -> int:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as exc:
        return exc.start
    return -1


def _looks_utf16(data: bytes) -> str | None:
    """Guess UTF-16 without a BOM from where the NUL bytes fall."""
    if len(data) < 4 or len(data) % 2:
        return None
    even = data[0::2].count(0)
    odd = data[1::2].count(0)
    half = len(data) // 2
    # ASCII-heavy UTF-16 has NULs in one lane; CJK-heavy text has few NULs
    # but decodes to mostly CJK ideographs.
    for enc, nuls in (("utf-16-le", odd), ("utf-16-be", even)):
        if nuls > 0.3 * half:
            return enc
    for enc in ("utf-16-le", "utf-16-be"):
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        cjk = sum(1 for ch in text if "\u4e00" <= ch <= "\u9fff")
        if cjk > 0.5 * len(text):
            return enc
    return None


def decode_bytes(data: bytes, source: str = "<bytes>") -> tuple[str, str]:
    """Decode ``data`` to text, detecting its encoding.

    Parameters
    ----------
    data : bytes
        The raw file content.
    source : str
        Name used in error messages.

    Returns
    -------
    (text, encoding) : tuple[str, str]

    Raises
    ------
    SourceError
        For empty input, PDFs, Office files, images, other binary data and
        bytes no supported encoding decodes (the message gives the byte
        offset).

    Examples
    --------
    >>> decode_bytes("清远高新区".encode("gb18030"))
    ('清远高新区', 'gb18030')
    >>> decode_bytes(b"\\xef\\xbb\\xbf" + "园区".encode())
    ('园区', 'utf-8-sig')
    """
    if not data:
        raise SourceError(f"{source}: the file is empty; pass a text file with the article in it")
    if data.startswith(b"%PDF-"):
        raise SourceError(
            f"{source}: this is a PDF; extract its text first (e.g. `pdftotext -layout FILE.pdf FILE.txt`) "
            "and pass the .txt file"
        )
    for magic, what in _NOT_TEXT:
        if data.startswith(magic):
            raise SourceError(
                f"{source}: this is {what}, not plain text; open it, save or export the article "
                "as a plain-text .txt file, and pass that"
            )
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(enc), enc
            except UnicodeDecodeError as exc:
                raise SourceError(
                    f"{source}: starts with a {enc} byte-order mark but byte {exc.start} is not valid {enc}; "
                    "re-save the file in UTF-8"
                ) from None
    utf16 = _looks_utf16(data) if b"\x00" in data else None
    if utf16:
        try:
            return data.decode(utf16), utf16
        except UnicodeDecodeError:
            pass
    if b"\x00" in data:
        raise SourceError(
            f"{source}: contains NUL bytes (first at byte {data.index(0)}), so it is binary, not text; "
            "pass the article as a plain-text (.txt) file"
        )
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError:
        text = None
    if text is not None and _mostly_text(text):
        return text, "gb18030"
    try:
        from charset_normalizer import from_bytes

        best = from_bytes(data).best()
    except Exception:  # pragma: no cover - defensive: detector failure is not fatal
        best = None
    if best is not None and best.encoding and _mostly_text(str(best)):
        return str(best), best.encoding
    offset = _first_invalid_utf8(data)
    raise SourceError(
        f"{source}: cannot decode the bytes as text (invalid UTF-8 at byte {offset}, and not GB18030, "
        "UTF-16 or another encoding charset-normalizer knows); check the file is a text article "
        "and re-save it as UTF-8"
    )


def _mostly_text(text: str) -> bool:
    if not text:
        return False
    bad = sum(
        1
        for ch in text
        if unicodedata.category(ch) in ("Cc", "Co", "Cn") and ch not in "\n\r\t\f"
    )
    return bad <= max(2, len(text) // 100)


def _metadata(text: str) -> dict[str, object]:
    lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
    title = lines[0][:200] if lines else None
    authors: tuple[str, ...] = ()
    match = None
    for match in _AUTHOR_RE.finditer(text):
        pass
    if match:
        authors = tuple(n for n in re.split(r"[\s、，,]+", match.group(1)) if n)
    date = None
    dm = _DATE_RE.search(text)
    if dm:
        y, mo, d = (int(g) for g in dm.groups())
        date = f"{y:04d}-{mo:02d}-{d:02d}"
    return {"title": title, "authors": authors, "date": date}


def read_text(text: str, source: str = "<text>", *, origin: str | None = None) -> Document:
    """Make a :class:`Document` from a string already in memory.

    Examples
    --------
    >>> doc = read_text("广东某某科技有限公司位于清远高新区。", source="note.txt")
    >>> doc.source, len(doc.doc_id)
    ('note.txt', 16)
    """
    if not text.strip():
        raise SourceError(f"{source}: the text is empty or only whitespace; nothing to extract")
    data = text.encode("utf-8")
    meta = _metadata(text)
    return Document(
        text=text,
        source=source,
        sha256=hashlib.sha256(data).hexdigest(),
        encoding="utf-8",
        title=meta["title"],  # type: ignore[arg-type]
        authors=meta["authors"],  # type: ignore[arg-type]
        date=meta["date"],  # type: ignore[arg-type]
        origin=origin,
    )


def read_document(path: str | Path, *, origin: str | None = None) -> Document:
    """Read one article from disk.

    Parameters
    ----------
    path : str or Path
        A text file in any encoding :func:`decode_bytes` detects.
    origin : str, optional
        Where the article was published (kept as ``dcterms:source`` detail).

    Raises
    ------
    SourceError
        Missing, unreadable, empty, binary or undecodable file, or one
        larger than :func:`max_article_bytes`.

    Examples
    --------
    >>> doc = read_document(bundled_article())
    >>> doc.authors
    ('谭林', '何晓晴')
    """
    p = Path(path)
    size = _regular_file_size(p)
    limit = max_article_bytes()
    def too_big(seen: int) -> SourceError:
        return SourceError(
            f"{p}: is {seen / 1e6:.1f} MB, more than the {limit / 1e6:g} MB one article may have "
            "(a build takes about a minute and 0.75 GB of memory per MB); "
            f"split it into one .txt file per article in a folder and pass the folder, "
            f"or raise the limit with {MAX_ARTICLE_ENV}"
        )

    if size > limit:
        raise too_big(size)
    try:
        with p.open("rb") as fh:
            data = fh.read(limit + 1)  # never more than the limit, whatever the size claimed
    except OSError as exc:
        raise SourceError(f"{p}: cannot read the file ({exc.strerror}); check its permissions") from None
    if len(data) > limit:
        raise too_big(len(data))
    text, encoding = decode_bytes(data, str(p))
    if text.startswith("\ufeff"):
        text = text[1:]
    if not text.strip():
        raise SourceError(f"{p}: contains only whitespace; nothing to extract")
    meta = _metadata(text)
    return Document(
        text=text,
        source=p.name,
        sha256=hashlib.sha256(data).hexdigest(),
        encoding=encoding,
        title=meta["title"],  # type: ignore[arg-type]
        authors=meta["authors"],  # type: ignore[arg-type]
        date=meta["date"],  # type: ignore[arg-type]
        origin=origin,
    )


def _regular_file_size(p: Path) -> int:
    """The size of ``p``, or a SourceError saying in one line why it is not an article file.

    A FIFO would block the build forever and a device (``/dev/zero``) never
    ends, so only regular files (or symbolic links to one) are read.
    """
    try:
        st = p.stat()
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise SourceError(f"{p}: is a loop of symbolic links; point it at the article file") from None
        if exc.errno == errno.ENOENT and p.is_symlink():
            raise SourceError(f"{p}: is a symbolic link to {os.readlink(p)}, which does not exist") from None
        if exc.errno == errno.ENOENT:
            raise SourceError(f"{p}: no such file; check the path (a directory of .txt files works too)") from None
        raise SourceError(f"{p}: cannot read the file ({exc.strerror}); check its permissions") from None
    if stat.S_ISDIR(st.st_mode):
        raise SourceError(f"{p}: is a directory; pass its .txt files or use expand_paths()")
    if not stat.S_ISREG(st.st_mode):
        kind = "a FIFO (named pipe)" if stat.S_ISFIFO(st.st_mode) else "a device" if stat.S_ISCHR(st.st_mode) or stat.S_ISBLK(st.st_mode) else "a socket" if stat.S_ISSOCK(st.st_mode) else "not a regular file"
        raise SourceError(f"{p}: is {kind}, not a regular file; save the article to a .txt file and pass that")
    return st.st_size


def expand_paths(paths: Iterable[str | Path]) -> Iterator[Path]:
    """Yield files: each file as given, each directory's ``*.txt`` sorted by name.

    Raises
    ------
    SourceError
        A path that does not exist, or a directory with no ``.txt`` file.
    """
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            found = sorted(q for q in p.rglob("*.txt") if q.is_file())
            if not found:
                raise SourceError(f"{p}: the directory has no .txt files; put the articles there as .txt")
            yield from found
        else:
            _regular_file_size(p)  # a missing file, a FIFO, a device or a link loop: one clear line now
            yield p
