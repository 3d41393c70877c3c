"""Signals a build inherited ignored stay ignored (the POSIX convention: ``nohup``, a
background job of a script, a supervisor): ``kill -INT`` and ``kill -HUP`` leave such a
build running to its end; SIGTERM stops it as Ctrl-C would (exit 143, no worker left, no
output written, the next build names it: E106)."""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from kg.runtime.lifecycle import CacheLock

REPO = Path(__file__).resolve().parents[2]
LAWS = REPO.parent / "shared" / "corpus" / "laws"

pytestmark = pytest.mark.skipif(not LAWS.is_dir(), reason="../shared/corpus is not there")


def _as_nohup_background_job() -> None:
    # what ``nohup kg build … &`` in a script does: SIGINT and SIGHUP ignored
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGHUP, signal.SIG_IGN)
    os.setsid()


def _start(tmp_path: Path, laws: int) -> tuple[subprocess.Popen[bytes], Path]:
    docs = tmp_path / "laws"
    docs.mkdir()
    for p in sorted(LAWS.rglob("*.md"))[:laws]:
        shutil.copy(p, docs / f"{len(list(docs.iterdir()))}.md")
    out = tmp_path / "out"
    proc = subprocess.Popen(
        [sys.executable, "-m", "kg.cli", "build", str(docs), "--out", str(out), "-q"],
        env={**os.environ, "PYTHONPATH": str(REPO)},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        preexec_fn=_as_nohup_background_job,
    )
    lock = out / ".cache" / "lock"
    end = time.monotonic() + 120
    while proc.poll() is None and time.monotonic() < end:
        with contextlib.suppress(OSError):
            if lock.read_text().startswith(f"{proc.pid}\n"):
                break  # the build has begun
        time.sleep(0.01)
    assert proc.poll() is None, "the build ended before a signal could be sent"
    return proc, out


def _stop(proc: subprocess.Popen[bytes]) -> None:
    if proc.poll() is None:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
    if proc.stderr is not None:
        proc.stderr.close()


def test_sigint_and_sighup_inherited_ignored_stay_ignored(tmp_path: Path) -> None:
    proc, out = _start(tmp_path, laws=3)
    try:
        os.kill(proc.pid, signal.SIGINT)
        os.kill(proc.pid, signal.SIGHUP)
        assert proc.wait(timeout=300) == 0  # on kg before: 130 (SIGINT was handled)
        assert (out / "graph.ttl").stat().st_size > 0
    finally:
        _stop(proc)
    assert not _group_alive(proc.pid), "a worker outlived its build"


@pytest.mark.slow
def test_sigterm_stops_a_build_that_ignores_sigint(tmp_path: Path) -> None:
    proc, out = _start(tmp_path, laws=120)
    try:
        os.kill(proc.pid, signal.SIGTERM)
        assert proc.wait(timeout=60) == 128 + signal.SIGTERM  # (before: -15, killed)
    finally:
        _stop(proc)
    end = time.monotonic() + 30  # the workers die with the build (PR_SET_PDEATHSIG)
    while _group_alive(proc.pid) and time.monotonic() < end:
        time.sleep(0.01)
    assert not _group_alive(proc.pid), "a worker of the stopped build survived it"
    assert not (out / "graph.ttl").exists()
    after = CacheLock(out / ".cache" / "lock").acquire()
    assert after.interrupted == proc.pid  # what the next build reports (E106)
    after.release()


def _group_alive(pgid: int) -> bool:
    try:
        os.killpg(pgid, 0)
    except ProcessLookupError:
        return False
    return True
