"""graph.sparql.deadline: waiting for work Python cannot interrupt."""

import threading

import pytest

from graph.sparql.deadline import DeadlinePassed, call_within


def test_the_result_comes_back():
    assert call_within(lambda: sum(range(10)), 5.0) == 45


def test_the_work_s_own_error_reaches_the_caller_unchanged():
    class Boom(ValueError):
        pass

    def work():
        raise Boom("bad query")

    with pytest.raises(Boom, match="bad query"):
        call_within(work, 5.0)


def test_overrunning_work_is_reported_and_left_running_in_the_background():
    release = threading.Event()
    finished = threading.Event()

    def work():
        release.wait(10)
        finished.set()

    with pytest.raises(DeadlinePassed, match="0.05 s"):
        call_within(work, 0.05)
    assert not finished.is_set()
    release.set()
    assert finished.wait(5)
