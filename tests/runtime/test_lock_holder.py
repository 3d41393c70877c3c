"""A cache lock whose file names no build (another program that locked it):
the waiting build names the holder it finds in ``/proc`` (kg.runtime.lifecycle)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from kg.runtime import lifecycle
from kg.runtime.lifecycle import CacheLock, say_waiting


def test_a_lock_whose_file_names_no_build_is_told_by_its_holder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A process holding the lock without writing its pid (another program): the waiting
    build names the holder from ``/proc`` (it said "pid ?" before), goes on once that
    process is gone, and says E108 when no holder can be seen."""
    lockfile = tmp_path / "lock"
    code = (
        "import fcntl, os, struct, time\n"
        f"fd = os.open({str(lockfile)!r}, os.O_RDWR | os.O_CREAT)\n"
        "fcntl.fcntl(fd, fcntl.F_OFD_SETLK, struct.pack('hhqqi4x', fcntl.F_WRLCK, 0, 0, 0, 0))\n"
        "print('locked', flush=True)\n"
        "time.sleep(600)\n"
    )
    holder = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE)
    told: list[int | None] = []

    def on_wait(pid: int | None) -> None:
        told.append(pid)
        holder.kill()  # the holder goes: the lock is free
        holder.wait()

    try:
        assert holder.stdout is not None and holder.stdout.readline() == b"locked\n"
        lock = CacheLock(lockfile).acquire(on_wait)
        assert told == [holder.pid]
        assert lock.interrupted is None
        lock.release()
    finally:
        if holder.poll() is None:
            holder.kill()
            holder.wait()
    say_waiting(lockfile)(None)  # no holder seen (another user's): no "pid ?"
    err = capsys.readouterr().err
    assert "[E108]" in err and "?" not in err


def test_a_holder_gone_during_the_look_for_it_is_no_e108(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The holder lets go between the failed try and the look in ``/proc`` (which then
    finds none): the lock is tried once more, taken, and nothing is said (E108 before)."""
    lockfile = tmp_path / "lock"
    holder = CacheLock(lockfile).acquire()
    os.truncate(lockfile, 0)  # its pid not written yet: the waiter looks in /proc
    told: list[int | None] = []

    def gone_while_looking(path: Path) -> list[int]:
        holder.release()
        return []

    monkeypatch.setattr(lifecycle, "lock_holders", gone_while_looking)
    lock = CacheLock(lockfile).acquire(told.append)
    try:
        assert told == []
    finally:
        lock.release()
