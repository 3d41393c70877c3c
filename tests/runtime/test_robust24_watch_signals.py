"""``kg build --watch`` ends on SIGTERM and SIGHUP as on Ctrl-C (before: their default
action killed it where it stood, exit -15/-1): outputs the last published ones, never
half-written, no staging folder left, the locks released, the workers gone, the cache
saved (the next build reads only what changed), exit 128 + the signal's number."""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from kg.build import build
from kg.runtime.lifecycle import (
    STAGING_PREFIX,
    OutputLock,
    lock_holders,
    pid_alive,
    stopped_by_signals,
)
from tests.runtime.samples import aged_sample, assert_same_outputs

REPO = Path(__file__).resolve().parents[2]
KW = dict(workers=1, quiet=True, formats=("ttl", "html"))
BOUND = 300.0  # seconds: far beyond a build of the sample on a loaded machine


def _until(cond, what: str, proc: subprocess.Popen | None = None) -> None:  # type: ignore[no-untyped-def]
    end = time.monotonic() + BOUND
    while not cond():
        assert proc is None or proc.poll() is None, f"the watch ended before {what}"
        assert time.monotonic() < end, f"no {what} after {BOUND:g} s"
        time.sleep(0.005)


def _descendants(pid: int) -> set[int]:
    found: set[int] = set()
    todo = [pid]
    while todo:
        p = todo.pop()
        with contextlib.suppress(OSError):
            for task in os.listdir(f"/proc/{p}/task"):
                with contextlib.suppress(OSError):
                    line = Path(f"/proc/{p}/task/{task}/children").read_text()
                    kids = {int(k) for k in line.split()}
                    todo += kids - found
                    found |= kids
    return found


#: the signal, and when: during the second build, or after it
CASES = [(signal.SIGTERM, "build"), (signal.SIGHUP, "build"), (signal.SIGINT, "build")]
CASES += [(signal.SIGTERM, "between")]


def _terminal_actions() -> None:  # (in the child: pytest may run under nohup, or as a job)
    for sig in (signal.SIGINT, signal.SIGHUP):
        signal.signal(sig, signal.SIG_DFL)


@pytest.mark.slow
@pytest.mark.parametrize(("sig", "when"), CASES)
def test_a_watch_ends_on_a_stop_signal_as_on_ctrl_c(tmp_path: Path, sig: int, when: str) -> None:
    src, out = aged_sample(tmp_path), tmp_path / "out"
    doc = sorted(p for p in src.rglob("*") if p.is_file())[0]
    err = tmp_path / "stderr"
    with err.open("wb") as f:
        proc = subprocess.Popen(
            [sys.executable, "-m", "kg.cli", "build", "--watch", str(src), "--out", str(out),
             "--workers", "2", "--interval", "0.1"],
            env={**os.environ, "PYTHONPATH": str(REPO)}, stdout=subprocess.DEVNULL, stderr=f,
            start_new_session=True,  # (pytest's own group never gets the signal)
            preexec_fn=_terminal_actions,
        )  # fmt: skip
    try:
        watching = "watching for changes"
        _until(lambda: watching in err.read_text(encoding="utf-8"), "first build", proc)
        workers = _descendants(proc.pid)
        assert workers, "no worker process seen"
        first = {n: (out / n).read_bytes() for n in ("graph.ttl", "graph.html")}
        with doc.open("a", encoding="utf-8") as f:
            f.write("\n\n第九十九条　国务院办公厅负责协调本办法的实施。\n")
        # "build": during the second build's publish when it can be caught there (its
        # staging folder is there), else right after that build; "between": after it
        _until(lambda: (when == "build" and any(p.name.startswith(STAGING_PREFIX)
                                                for p in out.iterdir()))
               or err.read_text(encoding="utf-8").count(watching) > 1,
               "second build", proc)  # fmt: skip
        if sig == signal.SIGTERM:
            os.kill(proc.pid, sig)
        else:  # a terminal's: to the whole group (the workers ignore it, the build stops them)
            os.killpg(proc.pid, sig)
        assert proc.wait(timeout=BOUND) == 128 + sig, err.read_text(encoding="utf-8")
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
    assert "Traceback" not in err.read_text(encoding="utf-8")
    _until(lambda: not any(pid_alive(p) for p in workers), "end of the workers")
    assert not [p for p in out.iterdir() if p.name.startswith(STAGING_PREFIX)]
    assert lock_holders(out / ".cache" / "lock") == [] and not OutputLock(out).locked()
    # the outputs: the first build's, or whole ones of the changed inputs
    fresh = tmp_path / "fresh"
    build([src], fresh, **KW)
    now = {n: (out / n).read_bytes() for n in first}
    assert now == first or now == {n: (fresh / n).read_bytes() for n in first}
    with (tmp_path / "again").open("w") as f, contextlib.redirect_stderr(f):
        again = build([src], out, cache_dir=out / ".cache", **KW)
    said = (tmp_path / "again").read_text(encoding="utf-8")
    if when == "between":  # the watch ended cleanly: its cache saved, not interrupted
        assert again.docs_extracted == 0 and "[E106]" not in said, said
    else:  # (the changed document, unless the watch saved it)
        assert again.docs_extracted <= 1
    assert_same_outputs(out, fresh)


def test_a_hang_up_inherited_ignored_stays_ignored() -> None:
    old = signal.signal(signal.SIGHUP, signal.SIG_IGN)
    try:
        with stopped_by_signals():
            assert signal.getsignal(signal.SIGHUP) is signal.SIG_IGN
            os.kill(os.getpid(), signal.SIGHUP)  # nothing happens (``nohup``)
    finally:
        signal.signal(signal.SIGHUP, old)
