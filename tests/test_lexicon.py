"""graph.extract.lexicon: the dictionaries are read from disk once per directory."""

import shutil

from graph.extract.lexicon import _dir, load_lexicon


def test_the_bundled_lexicon_is_read_once_and_shared():
    # every stage asks for it (mentions, relations, the RDF mapping's park names): one read, one object
    assert load_lexicon() is load_lexicon()
    assert load_lexicon().suffix_class("有限公司") == "Enterprise"


def test_another_directory_is_its_own_lexicon(tmp_path):
    copy = tmp_path / "lexicon"
    shutil.copytree(_dir(), copy)
    with (copy / "suffixes.tsv").open("a", encoding="utf-8") as f:
        f.write("\n测试工坊\tEnterprise\n")
    other = load_lexicon(str(copy))
    assert other is not load_lexicon()
    assert other.name_class("某某测试工坊") == "Enterprise" and load_lexicon().name_class("某某测试工坊") is None
