"""A plain ``kg build`` (not ``--watch``) ends on SIGTERM and SIGHUP (a terminal closed)
as on Ctrl-C. Before, their default actions killed it where it stood (exit -15/-1) and
Ctrl-C ended it with no word: now the outputs are the last published ones (never
half-written), no staging folder is left, both locks are released, the workers are gone,
the exit status is 128 + the signal's number (143, 129, 130) and one line says why
(E112, naming the output folder and the signal)."""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from kg.runtime.lifecycle import STAGING_PREFIX, CacheLock, OutputLock, lock_holders, pid_alive
from tests.runtime.samples import APPENDED_ARTICLE, aged_sample

REPO = Path(__file__).resolve().parents[2]
BOUND = 300.0  # seconds: far beyond a build of the sample on a loaded machine
OUTPUTS = ("graph.ttl", "graph.html")


def _until(cond, what: str) -> None:  # type: ignore[no-untyped-def]
    end = time.monotonic() + BOUND
    while not cond():
        assert time.monotonic() < end, f"no {what} after {BOUND:g} s"
        time.sleep(0.005)


def _terminal_actions() -> None:  # (in the child: pytest may run under nohup, or as a job)
    for sig in (signal.SIGINT, signal.SIGHUP):
        signal.signal(sig, signal.SIG_DFL)


def _kg_build(src: Path, out: Path, err: Path) -> subprocess.Popen[bytes]:
    with err.open("wb") as f:
        return subprocess.Popen(
            [sys.executable, "-m", "kg.cli", "build", str(src), "--out", str(out),
             "--workers", "2", "-q"],
            env={**os.environ, "PYTHONPATH": str(REPO)}, stdout=subprocess.DEVNULL, stderr=f,
            start_new_session=True,  # (pytest's own group never gets the signal)
            preexec_fn=_terminal_actions,
        )  # fmt: skip


def _descendants(pid: int) -> set[int]:
    found: set[int] = set()
    todo = [pid]
    while todo:
        p = todo.pop()
        with contextlib.suppress(OSError):
            for task in os.listdir(f"/proc/{p}/task"):
                with contextlib.suppress(OSError):
                    kids = {int(k) for k in Path(f"/proc/{p}/task/{task}/children").read_text()
                            .split()}  # fmt: skip
                    todo += kids - found
                    found |= kids
    return found


def _staged_output(out: Path) -> bool:
    """Whether a staging folder in ``out`` holds a file (a folder may vanish meanwhile)."""
    for p in out.iterdir():
        if p.name.startswith(STAGING_PREFIX):
            with contextlib.suppress(OSError):
                if any(p.iterdir()):
                    return True
    return False


def _stopped_cleanly(proc: subprocess.Popen[bytes], sig: int, out: Path, err: Path) -> None:
    """Send ``sig`` as it comes (SIGTERM to the build, a terminal's to its whole group)
    and check the build ended as on Ctrl-C."""
    seen: set[int] = set()
    try:
        seen |= _descendants(proc.pid)
        if sig == signal.SIGTERM:
            os.kill(proc.pid, sig)
        else:
            os.killpg(proc.pid, sig)
        seen |= _descendants(proc.pid)
        code = proc.wait(timeout=BOUND)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
    said = err.read_text(encoding="utf-8")
    assert code == 128 + sig, said  # before: -15 and -1 (killed where it stood)
    lines = [line for line in said.splitlines() if "[E112]" in line]
    assert lines == [f"error: [E112] {out}: the build was stopped by {signal.Signals(sig).name}; "
                     "the outputs in this folder are the last ones published whole"], said
    assert "Traceback" not in said, said
    _until(lambda: not any(pid_alive(p) for p in seen), "end of the workers")
    assert not [p for p in out.iterdir() if p.name.startswith(STAGING_PREFIX)]
    assert lock_holders(out / ".cache" / "lock") == [] and not OutputLock(out).locked()


def _started(proc: subprocess.Popen[bytes], out: Path) -> bool:
    with contextlib.suppress(OSError):
        if (out / ".cache" / "lock").read_text().startswith(f"{proc.pid}\n"):
            return True
    assert proc.poll() is None, "the build ended before the signal"
    return False


@pytest.mark.usefixtures("terminal_signals")
def test_a_hang_up_during_a_build_ends_it_as_ctrl_c_does(tmp_path: Path) -> None:
    src, out, err = aged_sample(tmp_path), tmp_path / "out", tmp_path / "stderr"
    proc = _kg_build(src, out, err)
    _until(lambda: _started(proc, out), "start of the build")
    _stopped_cleanly(proc, signal.SIGHUP, out, err)
    assert not (out / "graph.ttl").exists()  # nothing published, nothing half-written
    after = CacheLock(out / ".cache" / "lock").acquire()
    assert after.interrupted == proc.pid  # what the next build reports (E106)
    after.release()


@pytest.mark.slow
@pytest.mark.usefixtures("terminal_signals")
@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT])
def test_a_stop_signal_during_a_build_ends_it_as_ctrl_c_does(tmp_path: Path, sig: int) -> None:
    src, out, err = aged_sample(tmp_path), tmp_path / "out", tmp_path / "stderr"
    proc = _kg_build(src, out, err)
    _until(lambda: _started(proc, out), "start of the build")
    _stopped_cleanly(proc, sig, out, err)
    assert not (out / "graph.ttl").exists()


@pytest.mark.slow
@pytest.mark.usefixtures("terminal_signals")
@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGHUP])
def test_a_stop_signal_during_the_publish_leaves_whole_outputs(tmp_path: Path, sig: int) -> None:
    src, out, err = aged_sample(tmp_path), tmp_path / "out", tmp_path / "stderr"
    first = _kg_build(src, out, err)
    assert first.wait(timeout=BOUND) == 0, err.read_text(encoding="utf-8")
    before = {n: (out / n).read_bytes() for n in OUTPUTS}
    doc = sorted(p for p in src.iterdir() if p.is_file())[0]
    with doc.open("a", encoding="utf-8") as f:
        f.write(APPENDED_ARTICLE)
    proc = _kg_build(src, out, err)
    # while its staging folder holds an output: it writes them, or moves them in place
    # (not the empty folder the output's probe makes and removes at the start)
    _until(lambda: _staged_output(out) or proc.poll() is not None, "staged output")
    assert proc.poll() is None, "the build ended before its staging folder was seen"
    _stopped_cleanly(proc, sig, out, err)
    fresh, fresh_err = tmp_path / "fresh", tmp_path / "fresh.err"
    whole = _kg_build(src, fresh, fresh_err)
    assert whole.wait(timeout=BOUND) == 0, fresh_err.read_text(encoding="utf-8")
    now = {n: (out / n).read_bytes() for n in OUTPUTS}
    assert now == before or now == {n: (fresh / n).read_bytes() for n in OUTPUTS}
