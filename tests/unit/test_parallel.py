"""split_map: the same results, in order, whether or not a second process does half."""

from __future__ import annotations

import subprocess
import sys
import textwrap

from generator.parallel import split_map


def _square(value: int) -> int:
    return value * value


def test_results_are_in_order():
    assert split_map(_square, list(range(7))) == [v * v for v in range(7)]
    assert split_map(_square, []) == []


def test_small_maps_run_here():
    assert split_map(_square, [1, 2, 3], at_least=10) == [1, 4, 9]


def test_a_forked_child_does_the_second_half_and_errors_come_back():
    # In a fresh interpreter: no other thread runs there, so forking is allowed.
    script = textwrap.dedent(
        """
        import os
        from generator.parallel import can_fork, split_map

        def tagged(value):
            if value == 99:
                raise ValueError("bad item")
            return (os.getpid(), value * 2)

        assert can_fork()
        out = split_map(tagged, list(range(10)))
        assert [v for _, v in out] == [v * 2 for v in range(10)]
        assert len({pid for pid, _ in out}) == 2, out
        try:
            split_map(tagged, [1, 2, 3, 99])
        except ValueError as exc:
            assert str(exc) == "bad item"
        else:
            raise AssertionError("the child's error was lost")
        print("ok")
        """
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert done.stdout.strip() == "ok", done.stderr


def test_no_fork_while_other_threads_run():
    import threading

    from generator import parallel

    stop = threading.Event()
    worker = threading.Thread(target=stop.wait)
    worker.start()
    try:
        assert parallel.can_fork() is False
        assert split_map(_square, list(range(5))) == [0, 1, 4, 9, 16]
    finally:
        stop.set()
        worker.join()


def test_big_results_unpicklable_errors_a_dying_child_and_no_second_fork():
    script = textwrap.dedent(
        """
        import os, threading
        from generator.parallel import split_map

        def big(value):
            return "x" * 1_000_000 + str(value)  # far more than a pipe holds

        out = split_map(big, [1, 2, 3, 4])
        assert [len(v) for v in out] == [1_000_001] * 4 and out[3].endswith("4")

        class Odd(Exception):
            def __reduce__(self):
                raise TypeError("cannot pickle")

        def odd(value):
            if value == 4:
                raise Odd("strange")
            return value

        try:
            split_map(odd, [1, 2, 3, 4])
        except RuntimeError as exc:
            assert str(exc) == "Odd: strange", exc
        else:
            raise AssertionError("the child's error was lost")

        def dies(value):
            if value == 4:
                os._exit(3)
            return value

        try:
            split_map(dies, [1, 2, 3, 4])
        except RuntimeError as exc:
            assert "without a result" in str(exc)
        else:
            raise AssertionError("a dead child went unnoticed")

        def nested(value):
            return {pid for pid, _ in split_map(lambda v: (os.getpid(), v), [value, value])}

        assert [len(pids) for pids in split_map(nested, [1, 2])] == [2, 1]
        print("ok")
        """
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert done.stdout.strip() == "ok", done.stderr
