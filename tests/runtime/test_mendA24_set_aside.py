"""Setting aside a cache entry of another kind never moves another build's file: the
lock's own entry is handled by the lock, where two builds can meet (before: a build that
had looked at a folder there renamed the lock file another build had made and held since,
and both held "the" lock); a set-aside name never replaces one (review of robust24, 3, 9).
"""

from __future__ import annotations

import os
import threading
import time
from pathlib import Path

import pytest

from kg import cache_files
from kg.cache_files import SERIAL_NAME, set_aside
from kg.runtime.lifecycle import CacheLock, OutputLock, lock_holders

BOUND = 60.0


def _until(cond, what: str) -> None:  # type: ignore[no-untyped-def]
    end = time.monotonic() + BOUND
    while not cond():
        assert time.monotonic() < end, f"no {what} after {BOUND:g} s"
        time.sleep(0.005)


def test_a_lock_made_since_the_look_is_never_set_aside(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Build B looks at ``lock`` (a folder), and is preempted before it sets it aside;
    build A sets the folder aside, makes the lock file and holds it. B then waits for A.
    (B's look again and its rename are one step among kg's processes: robust25.)"""
    (tmp_path / "lock").mkdir()
    looked, go, waited = threading.Event(), threading.Event(), threading.Event()
    real = cache_files.one_at_a_time

    def slow(folder: Path) -> object:  # (B: after its look, before its set-aside)
        if threading.current_thread().name == "B":
            looked.set()
            go.wait(BOUND)
        return real(folder)

    monkeypatch.setattr(cache_files, "one_at_a_time", slow)
    got: dict[str, object] = {}

    def b() -> None:
        try:
            got["lock"] = CacheLock(tmp_path / "lock").acquire(lambda pid: waited.set())
        except BaseException as exc:  # (told below)
            got["error"] = exc
            looked.set()
            waited.set()

    t = threading.Thread(target=b, name="B", daemon=True)
    t.start()
    _until(looked.is_set, "look of B")
    a = CacheLock(tmp_path / "lock").acquire()
    assert [w.code for w in a.set_aside] == ["E111"]
    go.set()
    try:
        _until(waited.is_set, "wait of B")
        assert "error" not in got, got
        assert a.holder() == os.getpid() and lock_holders(a.path) == [os.getpid()]
        assert len([p for p in tmp_path.iterdir() if ".set-aside-" in p.name]) == 1
    finally:
        a.release()
        t.join(BOUND)
    b_lock = got["lock"]
    assert isinstance(b_lock, CacheLock) and b_lock.set_aside == []
    b_lock.release()


def test_a_file_made_since_the_look_is_put_back(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A process looks at a pipe where a secret belongs and is preempted; another (not
    kg: kg's set-asides wait for each other, robust25) moves the pipe away and makes the
    secret: the first one's rename takes it, and puts it back (before: it stayed aside,
    and a third secret was made)."""
    secret = tmp_path / "secret"
    os.mkfifo(secret)
    looked, go = threading.Event(), threading.Event()
    real = time.strftime

    def slow(fmt: str, *args: object) -> str:  # (the set-aside name: after the look)
        if threading.current_thread().name == "B":
            looked.set()
            go.wait(BOUND)
        return real(fmt, *args)

    monkeypatch.setattr(time, "strftime", slow)
    got: list[object] = []
    t = threading.Thread(target=lambda: got.append(set_aside(tmp_path, ["secret"])), name="B")
    t.start()
    _until(looked.is_set, "look of B")
    os.rename(secret, tmp_path / "moved")
    secret.write_bytes(b"k" * 32)
    go.set()
    t.join(BOUND)
    assert got == [[]] and secret.read_bytes() == b"k" * 32
    assert [p for p in tmp_path.iterdir() if ".set-aside-" in p.name] == []


def test_a_set_aside_name_is_never_replaced_nor_cut_at_a_tilde(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(time, "strftime", lambda fmt, *a: "T")  # (one second for all)
    name = "a~1.bin"
    for _ in range(3):
        (tmp_path / name).mkdir()
        assert [w.code for w in set_aside(tmp_path, [name])] == ["E111"]
    aside = sorted(p.name for p in tmp_path.iterdir() if p.name != SERIAL_NAME)
    base = f"{name}.set-aside-T-{os.getpid()}"
    assert aside == [base, f"{base}~2", f"{base}~3"]


def test_locks_taken_again_and_again_add_no_fork_hook(tmp_path: Path) -> None:
    """(each acquisition registered a fork hook, never removed: a --watch two per build,
    every later fork ran them all); a forked child still holds none of them."""
    import functools
    import gc

    def partials() -> int:  # (the hooks were partials of one function)
        return sum(isinstance(o, functools.partial) for o in gc.get_objects())

    before = partials()
    for _ in range(100):
        with CacheLock(tmp_path / "lock"), OutputLock(tmp_path):
            pass
    assert partials() - before < 20
    with CacheLock(tmp_path / "lock"), OutputLock(tmp_path):
        r, w = os.pipe()
        pid = os.fork()
        if pid == 0:  # pragma: no cover (the child)
            os.write(w, bytes([lock_holders(tmp_path / "lock").count(os.getpid())]))
            os._exit(0)
        os.close(w)
        told = os.read(r, 1)
        os.waitpid(pid, 0)
    assert told == bytes([0])
