"""The first worker saves the pipeline it built in a forked child (kg.runtime.workers
``_save_aside``): it serves at once, and the saver is waited for, never left behind."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from kg.runtime.lifecycle import pid_alive
from kg.runtime.workers import Pools, siblings_supported

# processes, pipeline snapshots or whole builds: `make test`, not the inner loop (`make test-fast`)
pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not siblings_supported(), reason="needs os.fork"),
]

SLOW = 6.0  # seconds the fake save takes


def whoami() -> tuple[int, int]:
    return os.getpid(), os.getppid()


def test_the_first_worker_serves_while_a_child_saves_the_snapshot(
    tmp_path: Path, monkeypatch
) -> None:
    from kg.nlp import pipeline as P

    marker = tmp_path / "saved-by"

    def slow_save(nlp, path) -> bool:  # runs in whichever process saves (forked: inherited)
        time.sleep(SLOW)
        marker.write_text(str(os.getpid()))
        return True

    monkeypatch.setenv("KG_PIPELINE_SHARED", "off")  # built in the worker, not restored
    monkeypatch.setattr(P, "save_snapshot", slow_save)
    pools = Pools(2, tmp_path / "pipeline")
    pools.prestart()
    try:
        seen = {f.result() for f in [pools.submit(whoami) for _ in range(6)]}
        assert not marker.exists()  # answered while the save goes on
    finally:
        pools.shutdown()  # the end of the tasks: the first worker waits for its saver
    saver = int(marker.read_text())  # saved, not killed with the workers
    assert saver not in {pid for pid, _ in seen}
    assert not pid_alive(saver)  # reaped before the first worker exited
    assert not any(pid_alive(pid) for pid, _ in seen)
