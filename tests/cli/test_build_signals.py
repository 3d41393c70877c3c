"""``kill -INT`` stops a build even when the shell started it with SIGINT ignored (a
background job of a script): exit status 130, no worker left, no output written, and the
next build names it (E106)."""

from __future__ import annotations

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


def _as_background_job() -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # what ``sh -c 'kg build … &'`` does
    os.setsid()


@pytest.mark.slow
@pytest.mark.skipif(not LAWS.is_dir(), reason="../shared/corpus is not there")
def test_sigint_stops_a_build_started_with_sigint_ignored(tmp_path: Path) -> None:
    docs = tmp_path / "laws"
    docs.mkdir()
    for p in sorted(LAWS.rglob("*.md"))[:120]:
        shutil.copy(p, docs / f"{len(list(docs.iterdir()))}.md")
    out = tmp_path / "out"
    lock = out / ".cache" / "lock"
    proc = subprocess.Popen(
        [sys.executable, "-m", "kg.cli", "build", str(docs), "--out", str(out), "-q"],
        env={**os.environ, "PYTHONPATH": str(REPO)},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        preexec_fn=_as_background_job,
    )
    try:
        end = time.monotonic() + 120
        while proc.poll() is None and time.monotonic() < end:
            if lock.exists() and lock.read_text().startswith(f"{proc.pid}\n"):
                break  # the build has begun
            time.sleep(0.01)
        assert proc.poll() is None, "the build ended before it could be interrupted"
        os.kill(proc.pid, signal.SIGINT)
        assert proc.wait(timeout=60) == 130
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
        proc.stderr.close()
    end = time.monotonic() + 30  # the workers die with the build (PR_SET_PDEATHSIG)
    while _group_alive(proc.pid) and time.monotonic() < end:
        time.sleep(0.01)
    assert not _group_alive(proc.pid), "a worker of the interrupted build survived it"
    assert not (out / "graph.ttl").exists()
    after = CacheLock(lock).acquire()
    assert after.interrupted == proc.pid  # what the next build reports (E106)
    after.release()


def _group_alive(pgid: int) -> bool:
    try:
        os.killpg(pgid, 0)
    except ProcessLookupError:
        return False
    return True
