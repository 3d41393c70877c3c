"""A second stop signal never cuts the cleanup short (SIGTERM then SIGHUP is what a
closing session sends), and a stop signal that comes while the pool forks is neither
lost nor leaves a worker the cleanup does not know of (review of robust24, 1 and 2)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time

import pytest

from kg.runtime.lifecycle import STOP_SIGNALS, Stopped, pid_alive, stopped_by_signals
from kg.runtime.workers import Pools

BOUND = 60.0  # seconds: a wait on a condition, far beyond what it takes
pytestmark = pytest.mark.usefixtures("terminal_signals")

#: signals the fork hook below sends (one per armed fork): a signal that comes while
#: Python runs its fork hooks, as one would in logging's lock hooks
_ARMED: list[int] = []
os.register_at_fork(before=lambda: _ARMED and os.kill(os.getpid(), _ARMED.pop()))


def _until(cond, what: str) -> None:  # type: ignore[no-untyped-def]
    end = time.monotonic() + BOUND
    while not cond():
        assert time.monotonic() < end, f"no {what} after {BOUND:g} s"
        time.sleep(0.001)


@pytest.mark.parametrize("second", STOP_SIGNALS, ids=lambda s: signal.Signals(s).name)
def test_a_second_stop_signal_does_not_cut_the_cleanup_short(second: int) -> None:
    cleaned, caught = [], None
    try:
        with stopped_by_signals():
            try:
                os.kill(os.getpid(), signal.SIGTERM)
                _until(lambda: False, "Stopped")
            finally:
                os.kill(os.getpid(), second)  # (its handler would run at the next bytecode)
                for _ in range(10_000):
                    pass
                cleaned.append(True)
    except KeyboardInterrupt as exc:  # (Stopped is one; a plain one: Ctrl-C's handler)
        caught = exc
    assert cleaned and isinstance(caught, Stopped) and caught.exit_code == 128 + signal.SIGTERM


def test_every_stop_signal_is_restored_after() -> None:
    before = {sig: signal.getsignal(sig) for sig in STOP_SIGNALS}
    for sig in STOP_SIGNALS:
        caught = None
        try:
            with stopped_by_signals():
                os.kill(os.getpid(), sig)
                _until(lambda: False, "Stopped")
        except KeyboardInterrupt as exc:
            caught = exc
        assert isinstance(caught, Stopped) and caught.exit_code == 128 + sig
        assert {s: signal.getsignal(s) for s in STOP_SIGNALS} == before


@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")
def test_a_signal_lost_in_a_fork_hook_still_sets_the_stop() -> None:
    """A plain ``os.fork``: the raise in the hook is printed and dropped, the stop kept
    (``kg build --watch`` passes it to the watch, which ends on it)."""
    with stopped_by_signals() as stop:
        _ARMED.append(signal.SIGHUP)
        pid = os.fork()
        if pid == 0:  # pragma: no cover (the child)
            os._exit(0)
        os.waitpid(pid, 0)
    assert stop.is_set() and stop.signum == signal.SIGHUP


def test_a_signal_while_the_pool_forks_stops_after_the_worker_is_recorded() -> None:
    """Also when another thread takes the signal (a blocked mask is this thread's)."""
    pool, idle = Pools(1), threading.Event()
    threading.Thread(target=idle.wait, args=(BOUND,), daemon=True).start()
    try:
        with pytest.raises(Stopped), stopped_by_signals():
            _ARMED.append(signal.SIGTERM)
            pool.prestart()  # (the held signal comes at the fork's end)
        assert len(pool.workers) == 1 and pool.workers[0].pid is not None
    finally:
        pids = [w.pid for w in pool.workers if w.pid is not None]
        pool.shutdown(kill=True, abort=True)
        idle.set()
    _until(lambda: not any(pid_alive(p) for p in pids), "end of the worker")


def test_a_process_that_ends_with_the_stop_outlives_a_storm_of_signals() -> None:
    """(a storm of hang-ups after the cleanup: the default action restored, the process
    died of a signal, exit -1, where it was to end with 129)"""
    script = (
        "import os, signal, sys\n"
        "from kg.runtime.lifecycle import Stopped, stopped_by_signals\n"
        "try:\n"
        "    with stopped_by_signals(ending=True) as stop:\n"
        "        os.kill(os.getpid(), signal.SIGHUP)\n"
        "        while True: pass\n"
        "except Stopped as exc:\n"
        "    for _ in range(50): os.kill(os.getpid(), signal.SIGHUP)\n"
        "    sys.exit(exc.exit_code)\n"
    )
    as_in_a_terminal = lambda: signal.signal(signal.SIGHUP, signal.SIG_DFL)  # noqa: E731
    done = subprocess.run([sys.executable, "-c", script], timeout=BOUND,
                          preexec_fn=as_in_a_terminal)  # fmt: skip
    assert done.returncode == 128 + signal.SIGHUP
