"""Mend of review25 (D): a plain ``kg build`` run from a thread other than the main one
(a library caller, a notebook's worker, a test runner) builds as before: only the main
thread may install signal handlers, so none are installed there. Ctrl-C, the documented
end of a ``--watch``, ends it with no error line (exit 130), as before round robust25."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

from typer.testing import CliRunner

from kg.cli import app
from tests.runtime.samples import ADDED_REGULATION

REPO = Path(__file__).resolve().parents[2]
BOUND = 300.0  # seconds: far beyond a build of one short document on a loaded machine


def test_a_plain_build_from_another_thread_builds(tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    (src / "regulation.md").write_text(ADDED_REGULATION, encoding="utf-8")
    out = tmp_path / "out"
    results = []
    args = ["build", str(src), "--out", str(out), "--no-cache", "--workers", "1", "-q"]
    thread = threading.Thread(target=lambda: results.append(CliRunner().invoke(app, args)))
    thread.start()
    thread.join(BOUND)
    assert not thread.is_alive(), f"no end of the build after {BOUND:g} s"
    (result,) = results
    assert result.exit_code == 0, (result.output, result.exception)
    assert (out / "graph.ttl").is_file()


def _terminal_actions() -> None:  # (in the child: pytest may run under nohup, or as a job)
    for sig in (signal.SIGINT, signal.SIGHUP):
        signal.signal(sig, signal.SIG_DFL)


def test_ctrl_c_ends_a_watch_with_no_error_line(tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    (src / "regulation.md").write_text(ADDED_REGULATION, encoding="utf-8")
    out, err = tmp_path / "out", tmp_path / "stderr"
    with err.open("wb") as f:
        proc = subprocess.Popen(
            [sys.executable, "-m", "kg.cli", "build", "--watch", str(src), "--out", str(out),
             "--workers", "1", "--interval", "0.1"],
            env={**os.environ, "PYTHONPATH": str(REPO)}, stdout=subprocess.DEVNULL, stderr=f,
            start_new_session=True,  # (pytest's own group never gets the signal)
            preexec_fn=_terminal_actions,
        )  # fmt: skip
    try:
        end = time.monotonic() + BOUND
        while "watching for changes" not in err.read_text(encoding="utf-8"):
            assert proc.poll() is None, err.read_text(encoding="utf-8")
            assert time.monotonic() < end, f"no first build after {BOUND:g} s"
            time.sleep(0.005)
        os.killpg(proc.pid, signal.SIGINT)  # (a terminal's Ctrl-C: to the whole group)
        code = proc.wait(timeout=BOUND)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
    said = err.read_text(encoding="utf-8")
    assert code == 130, said
    assert "error:" not in said and "Traceback" not in said, said
