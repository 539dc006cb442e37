"""Messy input through the ``parkkg`` command: every refusal is one line on
stderr saying what is wrong and what to do, exit code 2, no traceback; every
encoding and script a user may have still builds a conforming graph.

The cases already covered elsewhere (missing file and PDF in test_cli.py;
empty, whitespace-only and UTF-8/GB18030/UTF-16 decoding in test_read.py;
malformed Turtle in test_export/test_store/test_push at the API level) are not
repeated; docs/robustness.md lists every case with what the user sees.
"""

from __future__ import annotations

import os
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest
from rdflib import RDFS, Graph, Literal
from rdflib.namespace import SKOS

from graph import cli
from graph.errors import SourceError
from graph.rdf.validate import validate_graph
from graph.text.read import MAX_ARTICLE_ENV, bundled_article, max_article_bytes, read_document
from graph.vocab import PK, PKR

from conftest import ROOT

FIRM = "广东聚石化学股份有限公司"
PARK = "清远高新技术产业开发区"
SENTENCE = f"{FIRM}位于清远高新区，2024年工业总产值5.74亿元，同比增长8.9%。"


def run(capsys, *args: str) -> tuple[int, str, str]:
    """``parkkg ARGS`` in this process (no interpreter start-up): code, stdout, stderr."""
    code = cli.main(list(args))
    out = capsys.readouterr()
    return code, out.out, out.err


def assert_refused(code: int, err: str, *words: str) -> str:
    """Exit 2, exactly one line on stderr naming the problem, no traceback."""
    assert code == 2, err
    line = err.strip()
    assert "\n" not in line, f"more than one line:\n{err}"
    assert line.startswith("parkkg: error: ") and "Traceback" not in line
    for w in words:
        assert w in line, (w, line)
    return line


def build_graph(capsys, tmp_path: Path, article: Path) -> Graph:
    out = tmp_path / f"out-{article.stem}"
    code, stdout, err = run(capsys, "build", str(article), "-o", str(out), "--no-viz", "--no-cache")
    assert code == 0, err
    assert "Traceback" not in err
    g = Graph().parse(out / "parkkg.ttl", format="turtle")
    assert validate_graph(g).conforms
    return g


def label_of(g: Graph, name: str) -> set[str]:
    """The Chinese labels of an entity (every entity also has one English label)."""
    return {str(o) for o in g.objects(PKR[name], RDFS.label) if (getattr(o, "language", None) or "").startswith("zh")}


def observation_values(g: Graph) -> set[Decimal]:
    return {Decimal(str(v)) for v in g.objects(None, PK.value)}


# ------------------------------------------------------------------ refusals


def test_directory_without_txt_files(capsys, tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "article.docx").write_bytes(b"PK\x03\x04 not really")
    (folder / "notes.md").write_text(SENTENCE, encoding="utf-8")
    code, _, err = run(capsys, "build", str(folder), "-o", str(tmp_path / "out"))
    assert_refused(code, err, str(folder), "has no .txt files", "put the articles there as .txt")
    assert not (tmp_path / "out").exists()


def test_article_over_the_size_limit_fails_at_once(capsys, tmp_path):
    # genre text repeated past the limit (5 MB by default): refused before it is read
    genre = bundled_article().read_bytes()
    big = tmp_path / "huge.txt"
    limit = max_article_bytes()
    with big.open("wb") as fh:
        for _ in range(limit // len(genre) + 2):
            fh.write(genre)
    size = big.stat().st_size
    assert limit < size < limit + 2 * len(genre) + 1
    code, _, err = run(capsys, "build", str(big), "-o", str(tmp_path / "out"))
    line = assert_refused(code, err, "huge.txt", f"{size / 1e6:.1f} MB", "split it into one .txt file per article", MAX_ARTICLE_ENV)
    assert "5 MB" in line
    assert not (tmp_path / "out" / "parkkg.ttl").exists()


def test_size_limit_is_configurable_and_checked(tmp_path, monkeypatch):
    genre = bundled_article().read_bytes()
    f = tmp_path / "long.txt"
    f.write_bytes(genre * 3)
    monkeypatch.setenv(MAX_ARTICLE_ENV, f"{len(genre) * 2 / 1e6}")
    with pytest.raises(SourceError, match="more than the"):
        read_document(f)
    monkeypatch.setenv(MAX_ARTICLE_ENV, f"{len(genre) * 4 / 1e6}")
    assert len(read_document(f).text) == 3 * len(genre.decode("utf-8"))
    for bad in ("lots", "0", "-3"):
        monkeypatch.setenv(MAX_ARTICLE_ENV, bad)
        with pytest.raises(SourceError, match=f"{MAX_ARTICLE_ENV}='{bad}' is not a size"):
            read_document(f)


def test_nul_bytes_report_their_offset(capsys, tmp_path):
    head = SENTENCE.encode("utf-8")
    f = tmp_path / "nul.txt"
    f.write_bytes(head + b"\x00\x00" + head)
    code, _, err = run(capsys, "build", str(f), "-o", str(tmp_path / "out"))
    assert_refused(code, err, "nul.txt", f"NUL bytes (first at byte {len(head)})", "plain-text (.txt)")


@pytest.mark.parametrize("jobs", [[], ["--jobs", "1"]], ids=["extracted-by-a-forked-process", "one-process"])
def test_an_unreadable_article_is_refused_the_same_whether_extracted_aside_or_not(capsys, tmp_path, jobs):
    f = tmp_path / "nul.txt"
    f.write_bytes(SENTENCE.encode("utf-8") + b"\x00")
    code, _, err = run(capsys, "build", *jobs, str(f), "-o", str(tmp_path / "out"))
    assert_refused(code, err, "nul.txt", "NUL bytes")
    assert not (tmp_path / "out" / "parkkg.ttl").exists()


def test_invalid_utf8_reports_the_byte_offset(capsys, tmp_path):
    head = SENTENCE.encode("utf-8")
    f = tmp_path / "broken.txt"
    f.write_bytes(head + b"\xff\xfe\xfa" + head)
    code, _, err = run(capsys, "build", str(f), "-o", str(tmp_path / "out"))
    assert_refused(code, err, "broken.txt", f"invalid UTF-8 at byte {len(head)}", "re-save it as UTF-8")


@pytest.mark.parametrize(
    "first_bytes, what",
    [
        (b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00", "a ZIP archive (a .docx"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1\x00\x00\x00\x00", "an old Microsoft Office file"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "a PNG image"),
    ],
)
def test_office_files_and_images_say_what_they_are(capsys, tmp_path, first_bytes, what):
    f = tmp_path / "article.txt"  # a misleading name: the bytes decide
    f.write_bytes(first_bytes + os.urandom(256))
    code, _, err = run(capsys, "build", str(f), "-o", str(tmp_path / "out"))
    assert_refused(code, err, f"this is {what}", "save or export the article as a plain-text .txt file")


def test_traceback_only_with_debug(tmp_path):
    f = tmp_path / "nul.txt"
    f.write_bytes(b"abc\x00def")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    plain = subprocess.run([sys.executable, "-m", "graph", "build", str(f), "-o", str(tmp_path / "o")],
                           capture_output=True, text=True, env=env, timeout=120)  # fmt: skip
    assert plain.returncode == 2 and "Traceback" not in plain.stderr
    assert plain.stderr.strip().count("\n") == 0
    debug = subprocess.run([sys.executable, "-m", "graph", "--debug", "build", str(f), "-o", str(tmp_path / "o")],
                           capture_output=True, text=True, env=env, timeout=120)  # fmt: skip
    assert debug.returncode != 0
    assert "Traceback" in debug.stderr and "SourceError" in debug.stderr and "NUL bytes" in debug.stderr


# ------------------------------------------------------------------ malformed graphs


@pytest.fixture()
def bad_turtle(tmp_path) -> Path:
    f = tmp_path / "broken.ttl"
    f.write_text(
        "@prefix pk: <https://w3id.org/parkkg/ontology#> .\n"
        "@prefix pkr: <https://w3id.org/parkkg/id/> .\n"
        f"pkr:{FIRM} a pk:Enterprise .\n"
        f"pkr:{FIRM} pk:locatedIn pkr:{PARK}\n"  # no final dot
        f"pkr:{PARK} a pk:Park .\n",
        encoding="utf-8",
    )
    return f


@pytest.mark.parametrize(
    "args",
    [
        ("query", "where-enterprises-are", "--graph", "{f}"),
        ("serve", "--port", "0", "--graph", "{f}", "--no-inference"),
        ("push", "{f}", "--endpoint", "http://127.0.0.1:9", "--no-verify"),
    ],
    ids=["query", "serve", "push"],
)
def test_malformed_turtle_names_line_and_column(capsys, bad_turtle, args):
    code, out, err = run(capsys, *(a.format(f=bad_turtle) for a in args))
    line = assert_refused(code, err, "broken.ttl")
    assert "line 5, column" in line or "broken.ttl:5:" in line, line
    assert out == ""


# ------------------------------------------------------------------ encodings and scripts that must build


@pytest.mark.parametrize(
    "encode",
    [
        lambda t: b"\xff\xfe" + t.encode("utf-16-le"),
        lambda t: b"\xfe\xff" + t.encode("utf-16-be"),
        lambda t: t.encode("gb18030"),
        lambda t: b"\xef\xbb\xbf" + t.encode("utf-8"),
    ],
    ids=["utf-16-le-bom", "utf-16-be-bom", "gb18030", "utf-8-bom"],
)
def test_encodings_build_the_same_graph(capsys, tmp_path, encode):
    f = tmp_path / "article.txt"
    f.write_bytes(encode(SENTENCE))
    g = build_graph(capsys, tmp_path, f)
    assert label_of(g, FIRM) == {FIRM}
    assert (PKR[FIRM], PK.locatedIn, PKR[PARK]) in g
    assert {Decimal("574000000"), Decimal("8.9")} <= observation_values(g)


def test_full_width_digits_and_punctuation(capsys, tmp_path):
    f = tmp_path / "fullwidth.txt"
    f.write_text(f"{FIRM}位于清远高新区，２０２４年工业总产值５．７４亿元，同比增长８．９％。", encoding="utf-8")
    g = build_graph(capsys, tmp_path, f)
    assert (PKR[FIRM], PK.locatedIn, PKR[PARK]) in g
    assert {Decimal("574000000"), Decimal("8.9")} <= observation_values(g)
    years = {str(y) for y in g.objects(None, PK.year)}
    assert years == {"2024"}


def test_mixed_chinese_and_english(capsys, tmp_path):
    f = tmp_path / "mixed.txt"
    f.write_text(
        f"Guangdong Jushi Chemical Co., Ltd. ({FIRM}) 位于清远高新区 (Qingyuan Hi-tech Zone)，"
        "2024年工业总产值5.74亿元 (574 million yuan)。The company said: “growth continues”.",
        encoding="utf-8",
    )
    g = build_graph(capsys, tmp_path, f)
    assert (PKR[FIRM], PK.locatedIn, PKR[PARK]) in g
    assert Decimal("574000000") in observation_values(g)


def test_traditional_characters_build_without_crashing(capsys, tmp_path):
    # the loader's dictionaries are simplified; traditional text must still give
    # a conforming graph (today it finds the enterprise by its suffix only)
    f = tmp_path / "traditional.txt"
    f.write_text("廣東聚石化學股份有限公司位於清遠高新區，2024年工業總產值5.74億元。", encoding="utf-8")
    g = build_graph(capsys, tmp_path, f)
    # read as simplified (one character for one, offsets kept): the entity gets the
    # simplified label and keeps the written form as an alternative label
    firm = PKR["广东聚石化学股份有限公司"]
    assert Literal("广东聚石化学股份有限公司", lang="zh") in set(g.objects(firm, RDFS.label))
    assert Literal("廣東聚石化學股份有限公司", lang="zh") in set(g.objects(firm, SKOS.altLabel))
    assert (firm, PK.locatedIn, PKR["清远高新技术产业开发区"]) in g
    # Big5, the usual encoding of traditional text, is detected too
    big5 = tmp_path / "big5.txt"
    big5.write_bytes("廣東聚石化學股份有限公司位於清遠高新區。".encode("big5"))
    assert read_document(big5).encoding == "big5"
    g = build_graph(capsys, tmp_path, big5)
    assert label_of(g, "广东聚石化学股份有限公司") == {"广东聚石化学股份有限公司"}
