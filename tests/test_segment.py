from graph.text.clean import clean_text
from graph.text.segment import Segmenter, split_sentences, tokenize


def test_sentences_end_at_terminal_punctuation_and_keep_quotes():
    s = split_sentences(clean_text("“我觉得，变化很大。”负责人说。\n下一段"))
    assert [x.text for x in s] == ["“我觉得，变化很大。”", "负责人说。", "下一段"]


def test_sentence_offsets_index_clean_text():
    c = clean_text("甲公司成立。乙大学揭牌！")
    for s in split_sentences(c):
        assert c.text[s.start : s.end] == s.text


def test_tokenize_jieba_realigns_offsets():
    text = "先导科技集团执行董事朱世明表示"
    toks = tokenize(text)
    assert "".join(t.word for t in toks) == text
    for t in toks:
        assert text[t.start : t.end] == t.word


def test_char_segmenter_needs_nothing():
    assert [t.word for t in tokenize("园区", Segmenter.CHAR)] == ["园", "区"]


def test_lazy_boundaries_answer_as_the_whole_sentence_segmented():
    from graph.text.segment import lazy_boundaries, token_boundaries

    for text in ("广东星河新材料有限公司位于肇庆高新区，主要生产PVC-U管材、3+1产业体系。",
                 "公司与 华南理工大学\r\n共建实验室", "", "，。"):
        whole = token_boundaries(text)
        lazy = lazy_boundaries(text)
        assert [i for i in range(-1, len(text) + 2) if i in lazy] == sorted(whole), text


def test_jieba_tables_equal_the_ones_jieba_builds_from_its_dictionary():
    import jieba

    from graph.text import segment

    posseg = segment.load_jieba()
    tags = {}
    with jieba.get_dict_file() as fh:
        for line in fh:
            line = line.strip().decode("utf-8")
            if line:
                word, _freq, tag = line.split(" ")
                tags[word] = tag
    assert posseg.dt.word_tag_tab == tags
    with jieba.get_dict_file() as fh:
        freq, total = jieba.Tokenizer().gen_pfdict(fh)
    assert (jieba.dt.FREQ, jieba.dt.total) == (freq, total)
    cached = segment._read_dictionary_cache(segment._dictionary_cache_path(jieba))
    assert cached is None or cached == (freq, total, tags)


def test_jieba_is_loaded_without_pkg_resources_and_reads_its_own_files(tmp_path):
    """jieba imports setuptools' pkg_resources only to open its data files: parkkg keeps it out (a slow
    import and a deprecation warning) and jieba then opens the same files by path. Run in a fresh
    interpreter, with an empty temporary folder so that the dictionary is read from jieba's dict.txt."""
    import os
    import subprocess
    import sys

    from conftest import ROOT

    code = (
        "import sys\n"
        "from graph.text.segment import load_jieba, tokenize, token_boundaries, word_frequency\n"
        "load_jieba()\n"
        "assert 'pkg_resources' not in sys.modules, 'pkg_resources was imported'\n"
        "print([t.word for t in tokenize('清远高新区位于广东')], sorted(token_boundaries('位于园区')), word_frequency('位于') > 0)\n"
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT), "TMPDIR": str(tmp_path)}
    run = subprocess.run([sys.executable, "-W", "error::DeprecationWarning", "-c", code], env=env, capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip() == f"{[t.word for t in tokenize('清远高新区位于广东')]} [0, 2, 4] True"
    assert "pkg_resources" not in run.stderr


def test_jieba_cache_round_trip_and_a_corrupt_file_is_a_miss(tmp_path):
    from graph.text import segment

    path = tmp_path / "tables.marshal"
    tables = ({"园": 3, "园区": 2}, 5, {"园区": "n"})
    segment._write_dictionary_cache(path, tables)
    assert segment._read_dictionary_cache(path) == tables
    path.write_bytes(b"\x00not marshal")
    assert segment._read_dictionary_cache(path) is None
    segment._write_dictionary_cache(path, ({}, 0, {}))  # not a dictionary: refused when read
    assert segment._read_dictionary_cache(path) is None
    assert segment._read_dictionary_cache(tmp_path / "absent.marshal") is None
    assert list(tmp_path.iterdir()) == [path]


def test_a_bulleted_headline_opens_a_new_item():
    from graph.text.segment import is_bullet_headline, items

    sents = split_sentences(clean_text("◆甲辰公司获奖\n甲辰公司获评绿色工厂。公司建有中心。\n◆乙巳公司投产\n乙巳公司项目投产。"))
    assert items(sents) == [0, 0, 0, 1, 1]
    assert [is_bullet_headline(s) for s in sents] == [True, False, False, True, False]
    plain = split_sentences(clean_text("甲辰公司获评绿色工厂。\n乙巳公司项目投产。"))
    assert items(plain) == [0, 0]


def test_a_bracketed_label_line_is_a_headline_but_a_bracketed_paragraph_is_not():
    from graph.text.segment import is_bullet_headline

    sents = split_sentences(clean_text("【本期导读】甲辰公司获奖｜乙巳公司投产\n◆甲辰公司获奖\n【荣誉】甲辰公司获评省级绿色工厂。\n"))
    assert [is_bullet_headline(s) for s in sents] == [True, True, False]
