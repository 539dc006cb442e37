"""graph._parallel: the worker processes of the pipeline (ordered maps, work run aside, a process on standby)."""

from __future__ import annotations

import multiprocessing
import os
import signal
import time
from pathlib import Path

import pytest

from graph._parallel import Standby, imap_ordered, run_aside, shared

forks = pytest.mark.skipif("fork" not in multiprocessing.get_all_start_methods(), reason="the platform cannot fork")


def _pid_and_marker(marker: str) -> tuple[int, str]:
    return os.getpid(), Path(marker).read_text()


def _pid_of(i: int) -> tuple[int, int]:
    return i, os.getpid()


def _fail(message: str) -> None:
    raise ValueError(message)


def _write_marker(path: Path) -> None:
    path.write_text("prepared")


def _sleep_in_a_child(pidfile: str) -> None:
    with run_aside(time.sleep, 60) as aside:
        # written whole, then renamed: the test polling for the file never reads it half-written
        Path(pidfile + ".part").write_text(str(aside._process.pid))
        os.replace(pidfile + ".part", pidfile)
        aside.result()


def test_imap_ordered_keeps_input_order_across_workers():
    assert list(imap_ordered(abs, list(range(-50, 0)), 2, chunksize=3, in_flight=2)) == list(range(50, 0, -1))


@pytest.mark.parametrize("workers", [1, 2])
def test_imap_ordered_runs_meanwhile_once_here_before_the_first_result(workers):
    calls: list[int] = []
    results = imap_ordered(_pid_of, list(range(6)), workers, chunksize=1, in_flight=2, meanwhile=lambda: calls.append(os.getpid()))
    assert calls == []  # nothing is started before the first result is asked for
    first = next(results)
    assert calls == [os.getpid()]  # called in this process, before the first result came back
    rest = list(results)
    assert calls == [os.getpid()] and len(rest) == 5
    pids = {pid for _, pid in [first, *rest]}
    assert [i for i, _ in [first, *rest]] == list(range(6))
    assert (os.getpid() in pids) == (workers == 1 or "fork" not in multiprocessing.get_all_start_methods())


def test_imap_ordered_calls_meanwhile_with_fewer_batches_than_in_flight():
    calls: list[str] = []
    assert list(imap_ordered(abs, [-1, -2], 2, in_flight=8, meanwhile=lambda: calls.append("here"))) == [1, 2]
    assert calls == ["here"]


def _looked_up(i: int) -> tuple[str, int]:
    table, = shared()
    return table[i], os.getpid()


@pytest.mark.parametrize("workers", [1, 2])
def test_imap_ordered_shares_inherited_state_with_fn_here_and_in_forked_workers(workers):
    table = {i: f"v{i}" for i in range(40)}
    out = list(imap_ordered(_looked_up, list(range(40)), workers, chunksize=4, inherit=(table,)))
    assert [v for v, _ in out] == [f"v{i}" for i in range(40)]
    if workers == 2 and "fork" in multiprocessing.get_all_start_methods():
        assert os.getpid() not in {pid for _, pid in out}  # read by the workers, which never received it pickled
    with pytest.raises(RuntimeError, match="imap_ordered"):
        shared()  # the state is gone once the map ends


def test_imap_ordered_drops_shared_state_when_closed_early_and_refuses_a_second_map_meanwhile():
    first = imap_ordered(_looked_up, [0, 1, 2], 1, inherit=({0: "a", 1: "b", 2: "c"},))
    assert next(first)[0] == "a"
    with pytest.raises(RuntimeError, match="already running"):
        next(imap_ordered(_looked_up, [0], 1, inherit=({0: "x"},)))
    first.close()
    with pytest.raises(RuntimeError):
        shared()
    assert list(imap_ordered(_looked_up, [0], 1, inherit=({0: "x"},)))[0][0] == "x"


@forks
def test_standby_prepares_before_its_arguments_arrive_and_runs_elsewhere(tmp_path):
    marker = tmp_path / "marker"
    with Standby(_pid_and_marker, prepare=lambda: _write_marker(marker)) as standby:
        deadline = time.monotonic() + 30
        while not marker.exists() and time.monotonic() < deadline:  # prepare ran before start
            time.sleep(0.01)
        assert marker.exists()
        standby.start(str(marker))
        pid, text = standby.result()
    assert standby.forked and pid != os.getpid() and text == "prepared"
    assert multiprocessing.active_children() == []


@forks
def test_standby_raises_fns_exception_in_the_caller():
    with Standby(_fail, prepare=lambda: None) as standby:
        standby.start("no such thing")
        with pytest.raises(ValueError, match="no such thing"):
            standby.result()


def test_standby_refuses_result_before_start_and_a_second_start():
    with Standby(sorted, prepare=lambda: None) as standby:
        with pytest.raises(RuntimeError, match="before Standby.start"):
            standby.result()
        standby.start([2, 1])
        with pytest.raises(RuntimeError, match="twice"):
            standby.start([2, 1])
        assert standby.result() == [1, 2]


@forks
def test_leaving_a_standby_without_work_ends_its_process():
    with Standby(sorted, prepare=lambda: None) as standby:
        process = standby._process
    assert not process.is_alive()
    assert multiprocessing.active_children() == []


@forks
def test_stopping_a_standby_stops_the_processes_its_work_started(tmp_path):
    with Standby(_sleep_in_a_child, prepare=lambda: None) as standby:
        grandchild = _grandchild_of(standby, tmp_path / "grandchild")
    # left without asking for the value (as on an error): the standby and the process it forked are gone
    assert _ends_within(grandchild, 10)


@forks
def test_a_forked_process_ends_with_its_parent_even_when_the_parent_is_killed_outright(tmp_path):
    with Standby(_sleep_in_a_child, prepare=lambda: None) as standby:
        grandchild = _grandchild_of(standby, tmp_path / "grandchild")
        os.kill(standby._process.pid, signal.SIGKILL)  # no unwinding: only the kernel can stop what it forked
        assert _ends_within(grandchild, 10)


def _grandchild_of(standby: Standby, pidfile: Path) -> int:
    """Start ``_sleep_in_a_child`` on ``standby`` and return the pid of the process it forks."""
    standby.start(str(pidfile))
    deadline = time.monotonic() + 30
    while not pidfile.exists() and time.monotonic() < deadline:
        time.sleep(0.01)
    return int(pidfile.read_text())


def _ends_within(pid: int, seconds: float) -> bool:
    """Whether process ``pid`` is gone (or a zombie) within ``seconds``."""
    deadline = time.monotonic() + seconds
    while _alive(pid) and time.monotonic() < deadline:
        time.sleep(0.05)
    return not _alive(pid)


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as fh:
            return fh.read().rsplit(")", 1)[1].split()[0] != "Z"
    except FileNotFoundError:
        return False


def _prepare_swallowing_everything() -> None:
    """Library code run while preparing that swallows every exception (a bare ``except:``), SystemExit too."""
    try:
        time.sleep(2)
    except BaseException:  # noqa: BLE001 - what such a library does
        pass


@forks
def test_a_standby_stopped_while_preparing_stops_even_if_the_preparation_swallows_exceptions():
    # another process forked meanwhile (a pool's worker) holds our end of the pipe, so closing it ends
    # nothing: the standby ends only if SIGTERM's SystemExit is not lost inside the preparation
    with Standby(sorted, prepare=_prepare_swallowing_everything) as standby:
        process = standby._process
        time.sleep(0.5)  # preparing
        holder = multiprocessing.get_context("fork").Process(target=time.sleep, args=(30,), daemon=True)
        holder.start()
    holder.terminate()
    holder.join()
    assert process.exitcode == 128 + 15, "the standby missed SIGTERM and had to be killed"


def test_sigint_held_defers_ctrl_c_to_the_end_of_the_block():
    import signal
    import threading

    from graph._parallel import sigint_held

    # another thread alive (as numpy's, or a pool's, may be): the kernel may hand it the signal
    stop = threading.Event()
    threading.Thread(target=stop.wait, daemon=True).start()
    reached = []
    try:
        with pytest.raises(KeyboardInterrupt):
            with sigint_held():
                for _ in range(3):
                    os.kill(os.getpid(), signal.SIGINT)
                    time.sleep(0.05)  # the main thread runs bytecode while the signal is pending
                reached.append("the rest of the block")
    finally:
        stop.set()
    assert reached == ["the rest of the block"]
    assert signal.getsignal(signal.SIGINT) is signal.default_int_handler  # the handler is back
