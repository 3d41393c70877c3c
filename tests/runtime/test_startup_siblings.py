"""Start-up of the workers (kg.runtime.workers): the first worker forks the others as
soon as its pipeline is built, and saves the pipeline's snapshot only after that."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from kg.runtime.workers import Pools, siblings_supported

# processes, pipeline snapshots or whole builds: `make test`, not the inner loop (`make test-fast`)
pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not siblings_supported(), reason="needs os.fork"),
]


def started_at(pid: int) -> float:
    """When process ``pid`` was forked (seconds since the epoch, to a clock tick)."""
    with open(f"/proc/{pid}/stat") as f:
        ticks = int(f.read().rsplit(")", 1)[1].split()[19])
    boot = time.time() - time.clock_gettime(time.CLOCK_BOOTTIME)  # btime is whole seconds
    return boot + ticks / os.sysconf("SC_CLK_TCK")


def whoami() -> tuple[int, int]:
    return os.getpid(), os.getppid()


def test_the_sibling_is_forked_before_the_snapshot_is_saved(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("KG_PIPELINE_SHARED", "off")  # built here, not restored (inherited)
    folder = tmp_path / "pipeline"
    pools = Pools(2, folder)
    pools.prestart()
    try:
        seen = {f.result() for f in [pools.submit(whoami) for _ in range(4)]}
        (sibling,) = [pid for pid, ppid in seen if ppid != os.getpid()]
        forked = started_at(sibling)
        deadline = time.monotonic() + 60
        while not list(folder.glob("pipeline-*.pkl")) and time.monotonic() < deadline:
            time.sleep(0.05)
        (snap,) = list(folder.glob("pipeline-*.pkl"))  # saved once, by the first worker
        # written after the fork (pickling it took ~0.8 s that the sibling did not wait)
        assert snap.stat().st_mtime > forked + 0.05
    finally:
        pools.shutdown(kill=True)


def test_a_sibling_does_not_save_the_snapshot_its_parent_saves(tmp_path: Path, monkeypatch) -> None:
    from kg.nlp import pipeline as P

    saved: list[Path] = []
    monkeypatch.setattr(P, "make_nlp", lambda components, lean=False: "nlp")
    monkeypatch.setattr(P, "warm_up", lambda nlp: None)
    monkeypatch.setattr(P, "save_snapshot", lambda nlp, path: saved.append(path) or True)
    P.get_nlp.cache_clear()
    try:
        with P.save_later():  # a snapshot left to save, as a forked worker inherits it
            P.get_nlp(("kg_sentences",), True, os.fspath(tmp_path))
        assert P.to_pickle()
        P.forget_pending_snapshots()
        assert not P.to_pickle()
        assert P.save_pending_snapshots() == 0
        assert saved == []
    finally:
        P.get_nlp.cache_clear()


def test_get_nlp_saves_at_once_outside_save_later(tmp_path: Path, monkeypatch) -> None:
    from kg.nlp import pipeline as P

    saved: list[Path] = []
    monkeypatch.setattr(P, "make_nlp", lambda components, lean=False: "nlp")
    monkeypatch.setattr(P, "warm_up", lambda nlp: None)
    monkeypatch.setattr(P, "save_snapshot", lambda nlp, path: saved.append(path) or True)
    P.get_nlp.cache_clear()
    try:
        with P.save_later():
            P.get_nlp(("kg_sentences",), True, os.fspath(tmp_path / "a"))
        assert saved == []  # left for save_pending_snapshots
        assert P.save_pending_snapshots() == 1
        P.get_nlp(("kg_sentences",), True, os.fspath(tmp_path / "b"))
        assert [p.parent.name for p in saved] == ["a", "b"]
    finally:
        P.get_nlp.cache_clear()
