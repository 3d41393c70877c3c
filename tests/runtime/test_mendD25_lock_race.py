"""Mend of review25 (D): two builds never hold the cache lock at once when the lock file
names a build that was interrupted (``release(finished=False)``: ``PID running``, that
process gone). A build T locks that file and is descheduled before it writes its pid; a
build W waiting then read the same dead pid on the same file twice, a poll apart, and
took the lock over: two holders. Now W's look and replacement, and T's look and write,
are one step each (:func:`kg.cache_files.one_at_a_time`): W waits for T.

Real processes: P holds the lock and is interrupted; T (a child) locks the file and
stops before its pid's write until told to go; W is this test's thread. T is told to go
once W either returned (two holders: the failure) or is seen blocked on the serial lock
(``/proc/locks``), so no pause is guessed.
"""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from pathlib import Path

from kg.cache_files import SERIAL_NAME
from kg.runtime.lifecycle import CacheLock

REPO = Path(__file__).resolve().parents[2]
BOUND = 300.0  # seconds: far beyond any step here on a loaded machine

_INTERRUPTED = """
import sys
from kg.runtime.lifecycle import CacheLock
CacheLock(sys.argv[1]).acquire().release(finished=False)
"""

#: locks the file, then waits for "go" before its pid's write (the file emptied first),
#: then holds it until "end"
_SLOW_HOLDER = """
import os, sys, time
from pathlib import Path
from kg.runtime.lifecycle import CacheLock

lock, marks = Path(sys.argv[1]), Path(sys.argv[2])
real = os.ftruncate

def until(name):
    end = time.monotonic() + 300
    while not (marks / name).exists():
        assert time.monotonic() < end, name
        time.sleep(0.005)

def ftruncate(fd, length):  # (the file emptied, then the pid written)
    (marks / "locked").touch()
    until("go")
    return real(fd, length)

os.ftruncate = ftruncate
held = CacheLock(lock).acquire()
os.ftruncate = real
(marks / "written").touch()
until("end")
held.release()
"""


def _until(cond, what: str) -> None:  # type: ignore[no-untyped-def]
    end = time.monotonic() + BOUND
    while not cond():
        assert time.monotonic() < end, f"no {what} after {BOUND:g} s"
        time.sleep(0.005)


def _blocked_on(path: Path) -> bool:
    """Whether a process waits for a lock on ``path`` (a ``->`` line of /proc/locks)."""
    try:
        ino = os.stat(path).st_ino
    except FileNotFoundError:
        return False
    with open("/proc/locks") as f:
        return any("->" in line and line.split()[-3].endswith(f":{ino}") for line in f)


def test_a_waiting_build_does_not_take_over_a_lock_being_claimed(tmp_path: Path) -> None:
    lock, marks = tmp_path / "cache" / "lock", tmp_path / "marks"
    marks.mkdir()
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    subprocess.run([sys.executable, "-c", _INTERRUPTED, str(lock)], env=env, check=True,
                   timeout=BOUND)  # fmt: skip
    interrupted = int(lock.read_text().split()[0])
    holder = subprocess.Popen([sys.executable, "-c", _SLOW_HOLDER, str(lock), str(marks)],
                              env=env)  # fmt: skip
    got: list[CacheLock] = []
    try:
        _until(lambda: (marks / "locked").exists() or holder.poll() is not None, "lock by T")
        assert holder.poll() is None, "T ended"
        waiter = threading.Thread(target=lambda: got.append(CacheLock(lock).acquire()))
        waiter.start()
        _until(lambda: got or _blocked_on(lock.parent / SERIAL_NAME), "look by W")
        assert not got, "W took the lock while T held it"
        (marks / "go").touch()
        _until(lambda: (marks / "written").exists() or holder.poll() is not None, "T's pid")
        assert int(lock.read_text().split()[0]) == holder.pid and not got
        (marks / "end").touch()
        waiter.join(BOUND)
        assert got, "W never took the lock T let go"
        assert got[0].interrupted in (None, interrupted)
        got[0].release()
        assert holder.wait(timeout=BOUND) == 0
    finally:
        for name in ("go", "end"):
            (marks / name).touch()
        if holder.poll() is None:
            holder.kill()
            holder.wait()
