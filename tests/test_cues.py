"""The cue book: one data file, one automaton pass, shared by mentions and relations."""

import re
from pathlib import Path

import pytest

from graph.errors import ExtractionError
from graph.extract import mentions, relations
from graph.extract.cues import build_automaton, load_cues, longest_matches


def test_every_family_used_by_the_rules_is_in_the_file():
    book = load_cues()
    for family in ("located", "locative", "cooperation", "cobuild", "cofile", "honour", "honour-after", "designation",
                   "conferral", "host", "subsidiary", "chain-leader", "leading-industry", "product-made",
                   "product-list", "customer", "event"):
        assert book.words(family), family


def test_words_are_longest_first_and_pattern_prefers_the_longest():
    book = load_cues()
    ws = book.words("subsidiary")
    assert [len(w) for w in ws] == sorted((len(w) for w in ws), reverse=True)
    assert book.pattern("subsidiary").search("其全资子公司").group() == "全资子公司"


def test_unknown_family_is_a_clear_error():
    with pytest.raises(ExtractionError, match="no cue family"):
        load_cues().words("no-such-family")


def test_scan_reports_families_present():
    book = load_cues()
    fams = book.present("该公司位于雄兴工业园，主要客户包括比亚迪")
    assert {"located", "customer"} <= fams
    assert "subsidiary" not in fams
    hits = [h for h in book.scan("位于园区") if h.family == "located"]
    assert [(h.cue, h.start, h.end) for h in hits] == [("位于", 0, 2)]


def test_automaton_equals_longest_first_regex():
    words = ["高新区", "清远高新区", "高新", "园区", "工业园区"]
    text = "清远高新区雄兴工业园区与高新区和园区"
    rx = re.compile("|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)))
    auto = build_automaton({w: None for w in words})
    assert [(s, w) for s, w, _ in longest_matches(auto, text)] == [(m.start(), m.group()) for m in rx.finditer(text)]


def test_event_types_come_from_the_file_in_order():
    book = load_cues()
    assert book.in_order("event")[0] == "揭牌成立"
    assert book.value("event", "开工") == "groundbreaking"


def test_bad_line_and_missing_file(tmp_path: Path):
    (tmp_path / "cues.tsv").write_text("located\n", encoding="utf-8")
    with pytest.raises(ExtractionError, match="family and a cue"):
        load_cues(str(tmp_path))
    with pytest.raises(ExtractionError, match="not found"):
        load_cues(str(tmp_path / "nowhere"))


def test_no_cue_list_is_copied_in_the_rule_modules():
    """The rule modules take every cue family from the book, not from a literal list of their own."""
    book = load_cues()
    for module in (mentions, relations):
        src = Path(module.__file__).read_text(encoding="utf-8")
        for family in ("located", "cobuild", "cofile", "subsidiary", "chain-leader", "customer", "product-made"):
            literal = "|".join(book.words(family)[:3])
            assert literal not in src, (module.__name__, family)
        assert "(?:联合申报|共同申报" not in src and "链主|龙头企业" not in src


def test_word_matcher_finds_what_the_longest_first_alternation_finds():
    import random

    from graph.extract.cues import word_matcher

    rnd = random.Random(3)
    alphabet = "清远高新区园公司科技"
    for _ in range(300):
        words = {"".join(rnd.choice(alphabet) for _ in range(rnd.randint(1, 4))) for _ in range(rnd.randint(1, 8))}
        text = "".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, 40)))
        rx = re.compile("|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)))
        expected = [(m.start(), m.end(), m.group()) for m in rx.finditer(text)]
        assert [(m.start(), m.end(), m.group()) for m in word_matcher(words).finditer(text)] == expected, (words, text)
    assert word_matcher([]).finditer("园区") == []


def _relations_of_test_articles():
    from graph.api import extract
    from graph.text.read import read_document

    root = Path(__file__).resolve().parent
    paths = sorted(p for d in ("articles", "heldout", "heldout2", "dev1", "blind1", "blind2", "blind3", "blind5", "blind6", "blind7") for p in (root / d).glob("*.txt"))
    return {p.name: sorted(map(repr, extract(read_document(p))[0].relations)) for p in paths}


def test_rule_needs_skip_only_sentences_where_the_rule_finds_nothing(monkeypatch):
    """Every relation rule declares what a sentence must hold (its needs); running every rule on
    every sentence instead must give the very same relations on the test articles."""
    gated = _relations_of_test_articles()
    monkeypatch.setattr(relations, "NEEDS", {})
    assert _relations_of_test_articles() == gated


def test_gates_pick_the_rules_whose_needs_a_sentence_meets():
    from graph.extract.cues import Gates, SentenceCues, any_of, cue_family, has, word

    gates = Gates(["loc", "person", "either", "free"],
                  {"loc": (cue_family("located"), has("Park")), "person": (has("Person"),), "either": (any_of(word("分别"), has("Platform")),)})
    text = "公司位于清远高新区，分别建成两个中心"
    here = SentenceCues(text, load_cues().present(text), frozenset({"Park", "Enterprise"}))
    assert gates.runnable(here) == ["loc", "either", "free"]
    assert not gates.allows("person", here) and gates.allows("free", here)
    with pytest.raises(ExtractionError, match="no cue family"):
        cue_family("no-such-family")
