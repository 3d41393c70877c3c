"""Workers forked from the first worker (kg.runtime.workers.Pools): the pipeline
is loaded once per build, every worker gets work, and stopping them neither hangs nor
hides their CPU time."""

from __future__ import annotations

import os
import resource
import time
from pathlib import Path

import pytest

from kg.runtime.workers import Pools, siblings_supported

# processes, pipeline snapshots or whole builds: `make test`, not the inner loop (`make test-fast`)
pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not siblings_supported(), reason="needs os.fork"),
]


def meet(folder: str, n: int = 2, timeout: float = 120.0) -> None:
    """Wait until ``n`` processes have called this with ``folder``: a task that meets
    the other worker's cannot be done by one worker alone, however slow the machine."""
    Path(folder, str(os.getpid())).touch()
    deadline = time.monotonic() + timeout
    while len(os.listdir(folder)) < n and time.monotonic() < deadline:
        time.sleep(0.01)


def whoami(folder: str | None = None) -> tuple[int, int, int]:
    """(pid, parent pid, pipelines this process built or restored itself)."""
    from kg.nlp.pipeline import get_nlp

    if folder is not None:
        meet(folder)
    return os.getpid(), os.getppid(), get_nlp.cache_info().misses


def burn(seconds: float, folder: str) -> int:
    meet(folder)
    t = time.process_time()
    while time.process_time() - t < seconds:
        pass
    return os.getpid()


def test_the_second_worker_is_forked_from_the_first_with_its_pipeline(tmp_path: Path) -> None:
    pools = Pools(2)
    pools.prestart()
    try:
        seen = {f.result() for f in [pools.submit(whoami, str(tmp_path)) for _ in range(8)]}
        pids = {pid for pid, _, _ in seen}
        assert len(pids) == 2  # both workers got work, also what was sent before the fork
        first = next(pid for pid, ppid, _ in seen if ppid == os.getpid())
        assert {ppid for pid, ppid, _ in seen if pid != first} == {first}
        # loaded once, by the first: the sibling, forked with the first's count, adds none
        # (counts start from this process's, which earlier tests may have raised)
        assert len({built for _, _, built in seen}) == 1
    finally:
        pools.shutdown(kill=True)


@pytest.mark.parametrize("kill", [True, False])
def test_stopping_never_hangs_on_a_worker_given_no_work(kill: bool) -> None:
    pools = Pools(2)
    pools.prestart()
    assert pools.submit(whoami).result()[1] == os.getpid()  # the first one only
    t = time.perf_counter()
    pools.shutdown(kill=kill)
    assert time.perf_counter() - t < 30


def test_the_cpu_time_of_a_forked_worker_counts_in_the_build(tmp_path: Path) -> None:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    pools = Pools(2)
    pools.prestart()
    try:
        futs = [pools.submit(burn, 1.0, str(tmp_path)) for _ in range(2)]
        assert len({f.result() for f in futs}) == 2
    finally:
        pools.shutdown(kill=True)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    assert after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime >= 2.0
