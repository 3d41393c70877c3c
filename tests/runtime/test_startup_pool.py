"""kg's own worker pool (kg.runtime.workers.Pools: fork and pipes): tasks and results
larger than a pipe, errors, a dead worker, and no thread left in the build once the
pool is idle (it may fork a writer then)."""

from __future__ import annotations

import os
import signal
import threading
import time
from concurrent.futures import BrokenExecutor

import pytest

from kg.runtime.workers import PIPE_SIZE, Pools


def echo(data: bytes) -> tuple[int, bytes]:
    return os.getpid(), data * 3


def fail(text: str) -> None:
    raise ValueError(text)


class Unpicklable(Exception):
    def __reduce__(self):  # type: ignore[no-untyped-def]
        raise TypeError("no")


def fail_oddly() -> None:
    raise Unpicklable("odd")


@pytest.fixture(scope="module")
def pools():
    p = Pools(2)
    p.prestart()
    yield p
    p.shutdown(kill=True)


def test_tasks_and_results_bigger_than_a_pipe_in_both_workers(pools: Pools) -> None:
    big = os.urandom(PIPE_SIZE + 12345)
    futs = [pools.submit(echo, big[i:]) for i in range(6)]
    out = [f.result(timeout=300) for f in futs]
    assert [r for _, r in out] == [big[i:] * 3 for i in range(6)]
    assert len({pid for pid, _ in out}) == 2


def test_an_error_reaches_the_caller_and_the_worker_goes_on(pools: Pools) -> None:
    def late(data: bytes) -> bytes:
        return data

    late.__qualname__ = "defined_after_the_fork"
    globals()["defined_after_the_fork"] = late  # the workers have no such name
    try:
        with pytest.raises(AttributeError, match="defined_after_the_fork"):
            pools.submit(late, b"").result(timeout=300)
    finally:
        del globals()["defined_after_the_fork"]
    with pytest.raises(ValueError, match="bad input"):
        pools.submit(fail, "bad input").result(timeout=300)
    with pytest.raises(RuntimeError, match="Unpicklable: odd"):
        pools.submit(fail_oddly).result(timeout=300)
    assert pools.submit(echo, b"x").result(timeout=300)[1] == b"xxx"
    assert not pools.broken


def test_an_idle_pool_leaves_no_thread_in_this_process() -> None:
    before = set(threading.enumerate())
    p = Pools(2)
    p.prestart()
    try:
        assert p.submit(echo, b"y").result(timeout=300)[1] == b"yyy"
        deadline = time.monotonic() + 10
        while set(threading.enumerate()) != before and time.monotonic() < deadline:
            time.sleep(0.01)
        assert set(threading.enumerate()) == before
    finally:
        p.shutdown(kill=True)


def test_a_killed_sibling_breaks_the_pool_and_stopping_does_not_hang() -> None:
    p = Pools(2)
    p.prestart()
    try:
        pids = {f.result(timeout=300)[0] for f in [p.submit(echo, b"") for _ in range(4)]}
        (sibling,) = [pid for pid in pids if pid != p.workers[0].pid]
        os.kill(sibling, signal.SIGKILL)
        deadline = time.monotonic() + 30
        while not p.broken and time.monotonic() < deadline:
            time.sleep(0.01)
        assert p.broken
        with pytest.raises(BrokenExecutor):
            p.submit(echo, b"")
    finally:
        t = time.perf_counter()
        p.shutdown(kill=True)
        assert time.perf_counter() - t < 30


def test_submitting_never_waits_for_a_worker_that_is_still_loading(monkeypatch) -> None:
    """The build goes on reading while the first worker loads the pipeline: tasks its
    pipe cannot take yet are written later, by the pool's thread."""
    monkeypatch.setenv("KG_PIPELINE_SHARED", "off")  # built, not restored: seconds
    p = Pools(2)
    p.prestart()
    try:
        big = os.urandom(3 * PIPE_SIZE)
        t = time.perf_counter()
        futs = [p.submit(echo, big) for _ in range(4)]
        assert time.perf_counter() - t < 1.0  # loading the pipeline takes seconds
        assert all(f.result(timeout=300)[1] == big * 3 for f in futs)
    finally:
        p.shutdown(kill=True)
