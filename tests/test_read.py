from pathlib import Path

import pytest

from graph.errors import SourceError
from graph.text.read import bundled_article, decode_bytes, expand_paths, read_document

TEXT = "清远高新区位于广东省清远市。"


@pytest.mark.parametrize(
    "data,encoding",
    [
        (TEXT.encode("utf-8"), "utf-8"),
        (b"\xef\xbb\xbf" + TEXT.encode("utf-8"), "utf-8-sig"),
        (TEXT.encode("gbk"), "gb18030"),
        (TEXT.encode("gb18030"), "gb18030"),
        (b"\xff\xfe" + TEXT.encode("utf-16-le"), "utf-16-le"),
        (b"\xfe\xff" + TEXT.encode("utf-16-be"), "utf-16-be"),
    ],
)
def test_decode_detects_encoding(data, encoding):
    text, enc = decode_bytes(data)
    assert text.lstrip("\ufeff") == TEXT
    assert enc == encoding


def test_pdf_is_refused_with_advice():
    with pytest.raises(SourceError, match="this is a PDF; extract its text first"):
        decode_bytes(b"%PDF-1.7\n...")


def test_binary_reports_nul_offset():
    with pytest.raises(SourceError, match="NUL bytes"):
        decode_bytes(b"abc\x00\x01\x02\xff\xfe\x00\x00\x13")


def test_empty_and_whitespace(tmp_path):
    (tmp_path / "e.txt").write_bytes(b"")
    (tmp_path / "w.txt").write_text("  \n\t\n")
    with pytest.raises(SourceError, match="empty"):
        read_document(tmp_path / "e.txt")
    with pytest.raises(SourceError, match="whitespace"):
        read_document(tmp_path / "w.txt")


def test_missing_file_and_empty_dir(tmp_path):
    with pytest.raises(SourceError, match="no such file"):
        read_document(tmp_path / "nope.txt")
    with pytest.raises(SourceError, match="no .txt files"):
        list(expand_paths([tmp_path]))


def test_bundled_article_metadata():
    doc = read_document(bundled_article())
    assert doc.authors == ("谭林", "何晓晴")
    assert doc.title.startswith("10年征程漫漫")
    assert len(doc.sha256) == 64 and doc.doc_id == doc.sha256[:16]


# --------------------------------------------------------------------------- inputs that are not article files


@pytest.mark.parametrize("kind", ["fifo", "device", "link-loop", "dangling-link"])
def test_an_input_that_is_not_a_regular_file_is_refused_at_once_in_one_line(tmp_path, kind):
    import os

    from graph.text.read import expand_paths

    path = tmp_path / "article.txt"
    if kind == "fifo":
        os.mkfifo(path)  # reading it would block for ever
    elif kind == "device":
        path = Path("/dev/zero")  # reading it would never end
    elif kind == "link-loop":
        os.symlink(tmp_path / "other.txt", path)
        os.symlink(path, tmp_path / "other.txt")
    else:
        os.symlink(tmp_path / "gone.txt", path)
    expected = {"fifo": "FIFO", "device": "a device", "link-loop": "loop of symbolic links", "dangling-link": "does not exist"}[kind]
    with pytest.raises(SourceError, match=expected):
        read_document(path)
    with pytest.raises(SourceError, match=expected):
        list(expand_paths([path]))


def test_a_file_larger_than_the_limit_is_not_read_past_it(tmp_path, monkeypatch):
    from graph.text.read import MAX_ARTICLE_ENV

    monkeypatch.setenv(MAX_ARTICLE_ENV, "0.001")  # 1,000 bytes
    path = tmp_path / "big.txt"
    path.write_text("清远高新区" * 400, encoding="utf-8")
    with pytest.raises(SourceError, match="more than the 0.001 MB"):
        read_document(path)
