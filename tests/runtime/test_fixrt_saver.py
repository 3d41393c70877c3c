"""The snapshot saver of the first worker (kg.runtime.workers): the end of a build (a
normal shutdown, or SIGTERM as kg build's release sends) waits for it past the stop
deadline once the worker says it only waits for its saver; a build stopped by ^C or an
error (abort) kills it at once; the next save sweeps what a killed saver left."""

from __future__ import annotations

import os
import time
from contextlib import contextmanager
from pathlib import Path

import pytest

from kg.runtime import workers
from kg.runtime.lifecycle import pid_alive
from kg.runtime.workers import Pools, siblings_supported

pytestmark = pytest.mark.skipif(not siblings_supported(), reason="needs os.fork")


#: a save longer than the stop deadline; the deadline long enough that a loaded machine
#: delivers SIGTERM and the worker says "saving" within it (0.5 s, then 3 s, failed
#: under load: a fresh clone's make test beside five CPU-bound processes): the
#: production deadline, workers.STOP_WAIT
SAVE_S, STOP_S = workers.STOP_WAIT + 5.0, workers.STOP_WAIT


def whoami() -> int:
    return os.getpid()


def slow_saves(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, seconds: float) -> Path:
    from kg.nlp import pipeline as P

    marker = tmp_path / "saved-by"

    def slow_save(nlp, path) -> bool:  # runs in the saver (forked: inherited)
        (tmp_path / "saving").write_text(str(os.getpid()))
        time.sleep(seconds)
        marker.write_text(str(os.getpid()))
        return True

    monkeypatch.setenv("KG_PIPELINE_SHARED", "off")  # built in the worker, not restored
    monkeypatch.setattr(P, "save_snapshot", slow_save)
    return marker


def wait_for(path: Path, seconds: float = 120.0) -> None:
    end = time.monotonic() + seconds
    while not path.exists() and time.monotonic() < end:
        time.sleep(0.05)
    assert path.exists()


@contextmanager
def saving_worker(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, save_s: float, stop_wait: float):
    """One worker whose snapshot save takes `save_s`; yields (pools, worker pid) once the
    save has begun; the test's own shutdown call ends the pools (a guard shuts them if not)."""
    marker = slow_saves(tmp_path, monkeypatch, save_s)
    monkeypatch.setattr(workers, "STOP_WAIT", stop_wait)
    pools = Pools(1, tmp_path / "pipeline")
    pools.prestart()
    try:
        worker = pools.submit(whoami).result()
        wait_for(tmp_path / "saving")
        yield pools, worker, marker
    finally:
        pools.shutdown(kill=True, abort=True)  # a no-op after the test's own shutdown


@pytest.mark.slow  # waits out a 15 s save
def test_a_normal_shutdown_waits_for_the_saver_past_the_deadline(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with saving_worker(tmp_path, monkeypatch, SAVE_S, stop_wait=STOP_S) as (pools, worker, marker):
        pools.shutdown()  # the save takes longer than STOP_WAIT
    assert marker.exists()  # saved, not killed with the worker
    assert not pid_alive(int(marker.read_text())) and not pid_alive(worker)


@pytest.mark.slow  # waits out a 15 s save
def test_the_end_of_a_build_waits_for_the_saver_too(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with saving_worker(tmp_path, monkeypatch, SAVE_S, stop_wait=STOP_S) as (pools, worker, marker):
        pools.shutdown(kill=True)  # OneShot.release: SIGTERM, the worker waits its saver
    assert marker.exists()
    assert not pid_alive(int(marker.read_text())) and not pid_alive(worker)


def test_a_stopped_build_kills_the_saver(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with saving_worker(tmp_path, monkeypatch, 60.0, stop_wait=20.0) as (pools, worker, marker):
        start = time.monotonic()
        pools.shutdown(kill=True, abort=True)  # ^C or an error
    # not the 60 s of the save, nor STOP_WAIT: the worker does not wait for its saver
    assert time.monotonic() - start < 15.0
    saver = int((tmp_path / "saving").read_text())
    end = time.monotonic() + 10.0  # it dies by PDEATHSIG, a moment after its worker
    while pid_alive(saver) and time.monotonic() < end:
        time.sleep(0.05)
    assert not marker.exists()
    assert not pid_alive(saver) and not pid_alive(worker)


def test_the_next_save_sweeps_what_killed_writers_left(tmp_path: Path) -> None:
    from kg.nlp.pipeline import STALE_LOCK, sweep_snapshot_tmp

    path = tmp_path / "pipeline-abc.pkl"
    left = tmp_path / ".pipeline-abc.pkl.k3x_9qz1.tmp"  # mkstemp's: a killed writer's
    linking = tmp_path / ".pipeline-abc.pkl.4242.tmp"  # a link being made
    other_old = tmp_path / ".pipeline-def.pkl.a1b2c3d4.tmp"
    other_new = tmp_path / ".pipeline-def.pkl.e5f6g7h8.tmp"
    for f in (left, linking, other_old, other_new):
        f.write_bytes(b"x")
    old = time.time() - STALE_LOCK - 10
    os.utime(other_old, (old, old))
    sweep_snapshot_tmp(path)
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([linking.name, other_new.name])


def test_a_sigterm_while_the_saver_is_forked_waits_for_its_pid() -> None:
    # the handler runs in the worker between fork() and the pid's record: it must not
    # reap (and exit) then, or the end of the build would not wait for that saver
    import signal
    import subprocess
    import sys

    code = (
        "import signal\n"
        "from kg.runtime import workers as w\n"
        "w._BUSY.append(True)\n"
        "w._reap_and_exit(signal.SIGTERM, None)\n"
        "print('deferred', [int(s) for s in w._TERM_LATER])\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert out.returncode == 0 and f"deferred [{int(signal.SIGTERM)}]" in out.stdout


def test_a_sigterm_as_a_result_is_written_tells_the_build_of_the_saver(tmp_path: Path) -> None:
    # found under load: the build read a whole result and sent SIGTERM before the worker
    # left its write; the worker then exited without the "saving" frame and the build
    # killed it (and its saver) at the deadline. Now the SIGTERM waits for the write to
    # end, then the worker says "saving" after the result and waits for its saver.
    import pickle
    import signal
    import struct
    import subprocess
    import sys

    frames = tmp_path / "frames"
    code = (
        "import os, signal, sys, time\n"
        "from kg.runtime import workers as w\n"
        "saver = os.fork()\n"
        "if saver == 0:\n"
        "    time.sleep(1.0)\n"
        "    os._exit(0)\n"
        "w._SAVERS.append(saver)\n"
        "w._RES_W[:] = [os.open(sys.argv[1], os.O_WRONLY | os.O_CREAT)]\n"
        "print(saver, flush=True)\n"
        "with w._term_deferred():\n"
        "    w._write_all(w._RES_W[0], w._frame((7, True, 'result')))\n"
        "    w._reap_and_exit(signal.SIGTERM, None)  # as it comes during the write\n"
        "    print('held', flush=True)\n"
        "print('not reached', flush=True)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code, str(frames)], capture_output=True, text=True, timeout=60
    )
    saver, *said = out.stdout.split()
    assert out.returncode == 128 + signal.SIGTERM and said == ["held"], out.stderr
    data, msgs = frames.read_bytes(), []
    while data:
        (size,) = struct.unpack_from("<Q", data)
        msgs.append(pickle.loads(data[8 : 8 + size]))
        data = data[8 + size :]
    assert msgs == [(7, True, "result"), (workers.SAVING,)]
    assert not pid_alive(int(saver))  # waited for (reaped), not left behind
