"""graph._loading.BackgroundLoad: pieces loaded on a thread, in order, errors raised in the caller, none in flight at a fork."""

from __future__ import annotations

import os

import pyoxigraph as ox
import pytest

from graph._loading import BackgroundLoad


def _piece(i: int, n: int = 2000) -> bytes:
    return b"".join(b"<http://a/s%d> <http://a/p> \"%d\" <http://a/g> .\n" % (i, j) for j in range(n))


def test_every_piece_is_loaded() -> None:
    store = ox.Store()
    with BackgroundLoad(store, in_flight=2) as loading:
        for i in range(10):
            loading.put(_piece(i))
    assert len(store) == 10 * 2000


def test_a_bad_piece_is_raised_in_the_caller() -> None:
    store = ox.Store()
    with pytest.raises(SyntaxError), BackgroundLoad(store) as loading:
        loading.put(_piece(0))
        loading.put(b"<http://a/s> <http://a/p> .\n")
        for i in range(1, 50):  # put() raises once the thread has met the error, or leaving the block does
            loading.put(_piece(i, 10))


def test_the_blocks_own_error_is_not_hidden() -> None:
    with pytest.raises(KeyError), BackgroundLoad(ox.Store()) as loading:
        loading.put(b"<http://a/s> <http://a/p> .\n")
        raise KeyError("mine")


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork")
def test_nothing_is_loading_when_the_process_forks() -> None:
    store = ox.Store()
    with BackgroundLoad(store, in_flight=8) as loading:
        for i in range(8):
            loading.put(_piece(i, 20000))
        pid = os.fork()
        if pid == 0:
            os._exit(0)
        loaded = len(store)  # the fork waited for the queue to empty
        os.waitpid(pid, 0)
    assert loaded == 8 * 20000
