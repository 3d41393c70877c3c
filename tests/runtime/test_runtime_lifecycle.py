"""Processes, locks and staging folders die with their build (kg.runtime.lifecycle).

A real ``kg build`` of a few hundred corpus documents is killed mid-extraction (SIGTERM,
SIGKILL of the build process alone): none of its workers may survive, and the next build
must complete. Waiting for another build is announced; a lock left by a dead build and
staging folders of dead builds are taken over and removed.
"""

from __future__ import annotations

import os
import select
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from kg.build import SAMPLE_DIR
from kg.runtime.lifecycle import CacheLock, pid_alive, remove_dead_staging

REPO = Path(__file__).resolve().parents[2]
LAWS = REPO.parent / "shared" / "corpus" / "laws"


def wait_for(cond: Callable[[], object], timeout: float, what: str) -> object:
    """Poll ``cond`` until it is true; fail after ``timeout`` seconds."""
    end = time.monotonic() + timeout
    while True:
        value = cond()
        if value:
            return value
        if time.monotonic() > end:
            pytest.fail(f"timed out after {timeout:.0f} s waiting for {what}")
        time.sleep(0.05)


def group_members(pgid: int) -> list[int]:
    """Live processes (not zombies) of process group ``pgid``."""
    out = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", "rb") as f:
                fields = f.read().rsplit(b")", 1)[1].split()
        except OSError:
            continue
        if fields[0] != b"Z" and int(fields[2]) == pgid:
            out.append(int(entry))
    return out


def kg_cmd(*args: str | Path) -> list[str]:
    return [sys.executable, "-m", "kg.cli", "build", *map(str, args)]


def env() -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(REPO)}


def dead_pid() -> int:
    p = subprocess.Popen([sys.executable, "-c", "pass"])
    p.wait()
    return p.pid


@pytest.fixture(scope="module")
def laws(tmp_path_factory) -> Path:
    if not LAWS.is_dir():
        pytest.skip("../shared/corpus is not there")
    dst = tmp_path_factory.mktemp("laws")
    for p in sorted(LAWS.rglob("*.md"))[:240]:
        q = dst / p.relative_to(LAWS)
        q.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(p, q)
    return dst


@pytest.mark.slow
@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGKILL], ids=["TERM", "KILL"])
def test_killed_build_leaves_no_worker_and_the_next_build_completes(
    laws: Path, tmp_path: Path, sig: int
) -> None:
    out = tmp_path / "out"
    cmd = kg_cmd(laws, "--out", out, "--workers", "2", "-f", "ttl", "-q")
    proc = subprocess.Popen(
        cmd, env=env(), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True
    )
    try:
        pack = out / ".cache" / "results.pack"
        # mid-extraction: results are arriving and the workers are up
        wait_for(
            lambda: (
                (pack.exists() and pack.stat().st_size > 0 and len(group_members(proc.pid)) >= 3)
                or proc.poll() is not None
            ),
            300,
            "the build to extract",
        )
        assert proc.poll() is None, "the build finished before it could be killed"
        workers = [p for p in group_members(proc.pid) if p != proc.pid]
        assert workers
        os.kill(proc.pid, sig)  # the build process alone, not its group
        proc.wait(timeout=60)
        wait_for(lambda: not group_members(proc.pid), 30, f"workers {workers} to die")
    finally:
        with_survivors = group_members(proc.pid)
        for pid in with_survivors:  # never leave processes behind, even when failing
            os.kill(pid, signal.SIGKILL)
        proc.stderr.close()
    (out / f".kg-staging-{dead_pid()}-x").mkdir(parents=True, exist_ok=True)
    again = subprocess.run([*cmd[:-1]], env=env(), capture_output=True, text=True, timeout=900)
    assert again.returncode == 0, again.stderr
    assert (out / "graph.ttl").stat().st_size > 0
    assert not [p for p in out.iterdir() if p.name.startswith(".kg-staging-")]


def test_a_build_waiting_for_another_says_whom_it_waits_for(tmp_path: Path) -> None:
    out = tmp_path / "out"
    lock = CacheLock(out / ".cache" / "lock").acquire()
    proc = subprocess.Popen(
        kg_cmd(SAMPLE_DIR, "--out", out, "--workers", "1", "-f", "ttl", "-q"),
        env=env(),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        assert proc.stderr is not None
        ready = wait_for(
            lambda: select.select([proc.stderr], [], [], 0.1)[0] or proc.poll() is not None,
            120,
            "the build to say it waits",
        )
        assert ready and proc.poll() is None
        line = proc.stderr.readline().decode()
        assert "[E100]" in line and f"pid {os.getpid()}" in line
        assert not (out / "graph.ttl").exists()
    finally:
        lock.release()
    _, err = proc.communicate(timeout=300)
    assert proc.returncode == 0, err.decode()
    assert (out / "graph.ttl").exists()


def test_a_lock_kept_by_a_leftover_of_a_dead_build_is_taken_over(tmp_path: Path) -> None:
    """An orphan (here: a process that took the lock, then wrote a dead build's pid as the
    holder) keeps the lock held; the next build sees the named build is gone and goes on."""
    lockfile = tmp_path / "out" / ".cache" / "lock"
    lockfile.parent.mkdir(parents=True)
    code = (
        "import fcntl, os, struct, sys, time\n"
        f"fd = os.open({str(lockfile)!r}, os.O_RDWR | os.O_CREAT)\n"
        "fcntl.fcntl(fd, fcntl.F_OFD_SETLK, struct.pack('hhqqi4x', fcntl.F_WRLCK, 0, 0, 0, 0))\n"
        f"os.pwrite(fd, b'{dead_pid()}\\n', 0)\n"
        "print('locked', flush=True)\n"
        "time.sleep(600)\n"
    )
    orphan = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE)
    try:
        assert orphan.stdout is not None and orphan.stdout.readline() == b"locked\n"
        assert CacheLock(lockfile).holder() is not None
        r = subprocess.run(
            kg_cmd(SAMPLE_DIR, "--out", tmp_path / "out", "--workers", "1", "-f", "ttl", "-q"),
            env=env(),
            capture_output=True,
            text=True,
            timeout=300,
        )
        assert r.returncode == 0, r.stderr
    finally:
        orphan.kill()
        orphan.wait()


def test_a_forked_child_does_not_keep_the_lock(tmp_path: Path) -> None:
    path = tmp_path / "lock"
    lock = CacheLock(path).acquire()
    r, w = os.pipe()
    up_r, up_w = os.pipe()
    pid = os.fork()
    if pid == 0:  # pragma: no cover (the child waits until the parent has let go)
        os.close(w)
        os.write(up_w, b"u")  # its fork hooks have run
        os.read(r, 1)
        os._exit(0)
    try:
        os.close(r)
        assert os.read(up_r, 1) == b"u"
        lock.release()

        def waited(holder: int | None) -> None:
            raise AssertionError(f"the lock is still held (by {holder}) after release")

        CacheLock(path).acquire(waited).release()  # the child is alive and holds nothing
    finally:
        os.write(w, b"x")
        for fd in (w, up_r, up_w):
            os.close(fd)
        os.waitpid(pid, 0)


def test_two_locks_in_one_process_exclude_each_other(tmp_path: Path) -> None:
    first = CacheLock(tmp_path / "lock").acquire()
    assert CacheLock(tmp_path / "lock").holder() == os.getpid()
    first.release()
    assert CacheLock(tmp_path / "lock").holder() is None


def test_staging_folders_of_dead_builds_are_removed(tmp_path: Path) -> None:
    dead = tmp_path / f".kg-staging-{dead_pid()}-abc"
    mine = tmp_path / f".kg-staging-{os.getpid()}-abc"
    old = tmp_path / ".kg-staging-legacy"
    for d in (dead, mine, old):
        d.mkdir()
    os.utime(old, (time.time() - 7200, time.time() - 7200))
    assert sorted(remove_dead_staging(tmp_path)) == sorted([dead, old])
    assert mine.exists() and pid_alive(os.getpid())
