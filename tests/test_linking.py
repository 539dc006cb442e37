"""The cross-document pass finds, for each document, the names other documents define."""

from hypothesis import given, settings
from hypothesis import strategies as st

from graph.api import NameIndex

CHARS = st.sampled_from(list("广东聚石化学先导科技集团星河新材料有限公司"))


@settings(max_examples=300, deadline=None)
@given(names=st.lists(st.text(CHARS, min_size=1, max_size=6), max_size=30, unique=True), text=st.text(CHARS, max_size=60))
def test_name_index_finds_what_testing_every_name_finds(names, text):
    assert NameIndex(names).names_in(text) == [n for n in names if n in text]
