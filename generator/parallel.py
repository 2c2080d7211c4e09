"""Run a map over two CPU cores: the second half in a forked child, the first half here.

Used where the generator's work splits into independent pieces (parsing files, rendering
a language). Forking shares everything already in memory with the child for free, so the
function and its data never need to be pickled; only the results travel back. When
forking is not possible or not safe (no ``fork``, one core, other threads running), or
the work is small, the map simply runs here.
"""

from __future__ import annotations

import multiprocessing
import os
import threading
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

T = TypeVar("T")
R = TypeVar("R")

#: The job a forked child runs: set just before the fork, read by the child.
_job: tuple[Callable[[Any], Any], Sequence[Any]] | None = None


def can_fork() -> bool:
    """True when a forked child can share this process's work safely."""
    return (
        "fork" in multiprocessing.get_all_start_methods()
        and (os.cpu_count() or 1) > 1
        and threading.active_count() == 1  # forking a threaded process can deadlock
        and multiprocessing.parent_process() is None  # never fork from a child
    )


def split_map(func: Callable[[T], R], items: Sequence[T], *, at_least: int = 2) -> list[R]:
    """``[func(item) for item in items]``, the second half computed in a forked child.

    ``at_least`` is the number of items below which the map runs here alone.
    """
    if len(items) < max(2, at_least) or not can_fork():
        return [func(item) for item in items]
    global _job
    half = (len(items) + 1) // 2
    _job = (func, items[half:])
    try:
        with multiprocessing.get_context("fork").Pool(1) as pool:
            second = pool.apply_async(_run_job)
            first = [func(item) for item in items[:half]]
            return first + list(second.get())
    finally:
        _job = None


def _run_job() -> list[Any]:
    assert _job is not None
    func, items = _job
    return [func(item) for item in items]
