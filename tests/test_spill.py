"""graph._spill: values pickled into an unnamed temporary file and read back by index."""

import os

import pytest

from graph._spill import Frames, Spill, SpilledDict


def test_values_come_back_equal_and_fresh():
    with Spill() as spill:
        value = {"名称": ["广东星河新材料有限公司"], "n": 3}
        i = spill.append(value)
        assert spill[i] == value and spill[i] is not spill[i]
        assert len(spill) == 1 and spill.size > 0


def test_a_dict_keeps_the_last_value_and_its_keys_in_order():
    with Spill() as spill:
        d = SpilledDict(spill)
        d["b"], d["a"], d["b"] = 1, 2, 3
        assert list(d.items()) == [("b", 3), ("a", 2)]
        del d["a"]
        assert dict(d) == {"b": 3} and "a" not in d
        assert Frames(spill, [d.frame("b")])[0] == 3


def test_frames_read_in_their_order_slices_and_parts():
    with Spill() as spill:
        frames = [spill.append((i, str(i))) for i in range(5)]
        seq = Frames(spill, frames[::-1], part=1)
        assert list(seq) == ["4", "3", "2", "1", "0"]
        assert seq[1:3] == ["3", "2"] and seq[-1] == "0" and len(seq) == 5
        with pytest.raises(IndexError):
            seq[5]


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork")
def test_a_forked_child_reads_what_the_parent_wrote():
    with Spill() as spill:
        for i in range(100):
            spill.append(list(range(i)))
        pid = os.fork()
        if pid == 0:  # the child reads out of order; the parent's reads are not disturbed
            ok = all(spill[i] == list(range(i)) for i in range(99, -1, -7))
            os._exit(0 if ok else 1)
        assert spill[50] == list(range(50))
        assert os.waitpid(pid, 0)[1] == 0
        assert spill[99] == list(range(99))


def test_the_file_has_no_name_and_is_gone_when_closed():
    spill = Spill()
    spill.append(1)
    fd = spill._fd
    assert os.readlink(f"/proc/self/fd/{fd}").endswith("(deleted)") or not os.path.exists("/proc")
    spill.close()
    with pytest.raises(OSError):
        os.fstat(fd)
