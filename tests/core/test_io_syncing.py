"""``kg.io.syncing``: atomic writes whose fsyncs run in threads, each file renamed into
place only after its own data is on disk; and the publish of a build's outputs, which
waits for them."""

from __future__ import annotations

import os
import threading
import time
from pathlib import Path

import pytest

from kg.io import atomic_write, syncing, write_bytes_atomic


@pytest.fixture
def synced_inodes(monkeypatch) -> set[int]:
    """Inodes whose fsync returned; every fsync takes a little while (as on a busy disk)."""
    done: set[int] = set()
    real = os.fsync

    def fsync(fd: int) -> None:
        time.sleep(0.05)
        real(fd)
        done.add(os.fstat(fd).st_ino)

    monkeypatch.setattr(os, "fsync", fsync)
    return done


def _replace_checked(monkeypatch, synced: set[int], into: Path) -> list[str]:
    """``os.replace`` that fails the test when a file lands in ``into`` before its data
    was synced; returns the names placed there, in order."""
    real = os.replace
    placed: list[str] = []

    def replace(src, dst, *a, **k):
        if Path(dst).parent == into:
            assert os.stat(src).st_ino in synced, f"{dst} renamed before its fsync"
            placed.append(Path(dst).name)
        return real(src, dst, *a, **k)

    monkeypatch.setattr(os, "replace", replace)
    return placed


def test_each_file_in_place_only_after_its_fsync(tmp_path, synced_inodes, monkeypatch):
    placed = _replace_checked(monkeypatch, synced_inodes, tmp_path)
    (tmp_path / "b.txt").write_text("old")
    with syncing(tmp_path) as wait:
        for name in ("a.txt", "b.txt", "c.txt"):
            with atomic_write(tmp_path / name) as fh:
                fh.write(name * 1000)
        wait()
        assert sorted(placed) == ["a.txt", "b.txt", "c.txt"]
    assert (tmp_path / "b.txt").read_text() == "b.txt" * 1000
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_the_fsyncs_overlap(tmp_path, monkeypatch):
    """Two files' fsyncs run at the same time (each waits for the other: one after the
    other, the first would time out)."""
    both = threading.Barrier(2, timeout=5)
    real = os.fsync

    def fsync(fd: int) -> None:
        both.wait()
        real(fd)

    monkeypatch.setattr(os, "fsync", fsync)
    with syncing(tmp_path):
        write_bytes_atomic(tmp_path / "x", b"1")
        write_bytes_atomic(tmp_path / "y", b"2")
    assert (tmp_path / "x").read_bytes() == b"1" and (tmp_path / "y").read_bytes() == b"2"


def test_a_failed_end_is_raised_and_leaves_the_old_file(tmp_path, monkeypatch):
    real = os.replace

    def replace(src, dst, *a, **k):
        if Path(dst).name == "bad":
            raise OSError(28, "No space left on device", src, None, dst)
        return real(src, dst, *a, **k)

    monkeypatch.setattr(os, "replace", replace)
    (tmp_path / "bad").write_bytes(b"old")
    with pytest.raises(OSError) as err, syncing(tmp_path) as wait:
        write_bytes_atomic(tmp_path / "bad", b"new")
        write_bytes_atomic(tmp_path / "good", b"new")
        wait()
    assert str(err.value.filename2) == str(tmp_path / "bad")
    assert (tmp_path / "bad").read_bytes() == b"old" and (tmp_path / "good").read_bytes() == b"new"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad", "good"]


def test_the_block_waits_when_it_ends(tmp_path, synced_inodes):
    with syncing(tmp_path):
        write_bytes_atomic(tmp_path / "z", b"data")
    assert (tmp_path / "z").read_bytes() == b"data"
    assert os.stat(tmp_path / "z").st_ino in synced_inodes


def test_another_threads_write_ends_at_once(tmp_path):
    """Only the writes of the thread that opened the block end in threads: another
    thread's file is in place when its write returns."""
    seen: list[bool] = []

    def other() -> None:
        write_bytes_atomic(tmp_path / "t", b"x")
        seen.append((tmp_path / "t").exists())

    with syncing(tmp_path):
        t = threading.Thread(target=other)
        t.start()
        t.join()
    assert seen == [True]


def test_a_forked_child_writes_its_files_to_the_end(tmp_path):
    with syncing(tmp_path):
        pid = os.fork()
        if pid == 0:  # pragma: no cover (the child)
            code = 1
            try:
                write_bytes_atomic(tmp_path / "child", b"c")
                code = 0 if (tmp_path / "child").exists() else 2
            finally:
                os._exit(code)
        _, status = os.waitpid(pid, 0)
    assert os.waitstatus_to_exitcode(status) == 0


def test_the_publish_waits_for_every_fsync(tmp_path, synced_inodes, monkeypatch):
    """A build's outputs are written (their fsyncs in threads) and moved into OUT only once
    each file's data is on disk."""
    import networkx as nx

    from kg.runtime.outputs import write_outputs

    out = tmp_path / "out"
    out.mkdir()
    placed = _replace_checked(monkeypatch, synced_inodes, out)
    G = nx.MultiDiGraph()
    waited: list[int] = []
    write_outputs(lambda: G, out, ("nt", "jsonld"), 10,
                  while_syncing=lambda: waited.append(len(placed)))  # fmt: skip
    assert waited == [0] and sorted(placed) == ["graph.jsonld", "graph.nt"]


def _open_fds() -> int:
    return len(os.listdir("/proc/self/fd"))


def _temporaries(folder: Path) -> list[str]:
    return [p.name for p in folder.iterdir() if p.name.endswith(".tmp")]


def test_only_the_folders_writes_end_in_threads(tmp_path, monkeypatch):
    """Inside the block a write outside its folder (a cache's) is renamed before it
    returns, in the writing thread: two such writes land in the order written."""
    real = os.replace
    order: list[tuple[str, str]] = []

    def replace(src, dst, *a, **k):
        order.append((Path(dst).name, threading.current_thread().name))
        return real(src, dst, *a, **k)

    monkeypatch.setattr(os, "replace", replace)
    stage = tmp_path / "stage"
    with syncing(stage) as wait:
        write_bytes_atomic(stage / "out", b"o")
        write_bytes_atomic(tmp_path / "pack", b"p")
        write_bytes_atomic(tmp_path / "pack.idx", b"i")
        me = threading.current_thread().name
        assert [o for o in order if o[0] != "out"] == [("pack", me), ("pack.idx", me)]
        wait()
    assert ("out", "kg-sync") in order


def test_a_failed_fsync_names_the_file(tmp_path, monkeypatch):
    def fsync(fd: int) -> None:
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(os, "fsync", fsync)
    (tmp_path / "g.ttl").write_bytes(b"old")
    with pytest.raises(OSError) as err, syncing(tmp_path) as wait:
        write_bytes_atomic(tmp_path / "g.ttl", b"new")
        wait()
    assert err.value.errno == 5 and err.value.filename2 == str(tmp_path / "g.ttl")
    assert (tmp_path / "g.ttl").read_bytes() == b"old" and not _temporaries(tmp_path)


def test_an_interrupted_write_leaves_no_temporary_file(tmp_path, monkeypatch):
    """A Ctrl-C after the file was written but before its end was started (here: while
    its permissions are worked out) removes the temporary file and closes its copy."""

    def interrupted(mask: int) -> int:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "umask", interrupted)
    before = _open_fds()
    with pytest.raises(KeyboardInterrupt), syncing(tmp_path):
        write_bytes_atomic(tmp_path / "a", b"x")
    assert not _temporaries(tmp_path) and not (tmp_path / "a").exists()
    assert _open_fds() == before


def test_a_sync_thread_that_cannot_start_leaves_no_temporary_file(tmp_path, monkeypatch):
    def start(self) -> None:
        raise RuntimeError("can't start new thread")

    before = _open_fds()
    with pytest.raises(RuntimeError), syncing(tmp_path):
        monkeypatch.setattr(threading.Thread, "start", start)
        write_bytes_atomic(tmp_path / "a", b"x")
    monkeypatch.undo()
    assert not _temporaries(tmp_path) and _open_fds() == before


def test_a_second_interrupt_still_waits_for_every_sync_thread(tmp_path, monkeypatch):
    """The block fails; while it waits for the sync threads a second Ctrl-C comes: it is
    raised only once every thread ended (none renames into a folder removed next)."""
    release = threading.Event()
    real_fsync, real_join = os.fsync, threading.Thread.join
    joins: list[int] = []

    def fsync(fd: int) -> None:
        release.wait(30)  # (until the second join: the test's own bound)
        real_fsync(fd)

    def join(self, timeout=None):
        if self.name == "kg-sync":
            joins.append(1)
            if len(joins) == 1:
                raise KeyboardInterrupt
            release.set()
        return real_join(self, timeout)

    monkeypatch.setattr(os, "fsync", fsync)
    monkeypatch.setattr(threading.Thread, "join", join)
    try:
        with pytest.raises(KeyboardInterrupt), syncing(tmp_path):
            write_bytes_atomic(tmp_path / "a", b"x")
            raise ValueError("the block fails")
        assert not [t for t in threading.enumerate() if t.name == "kg-sync"]
        assert (tmp_path / "a").read_bytes() == b"x"
    finally:
        release.set()
