"""Mend of review25 (D): a stop signal that comes at an unlucky instant leaves nothing
behind: not a serial lock held by a leaked descriptor (every later look at the folder
would block), not an empty staging folder in the output folder."""

from __future__ import annotations

import fcntl
import os
import signal
import tempfile
from pathlib import Path

import pytest

from kg.cache_files import SERIAL_NAME, one_at_a_time
from kg.runtime.build import build
from kg.runtime.lifecycle import STAGING_PREFIX, Stopped, stopped_by_signals
from tests.runtime.samples import ADDED_REGULATION


def _then_signalled(real):  # type: ignore[no-untyped-def]
    """``real``, after which a SIGTERM comes (its handler raises as ``real`` returns)."""

    def call(*args, **kwargs):  # type: ignore[no-untyped-def]
        result = real(*args, **kwargs)
        os.kill(os.getpid(), signal.SIGTERM)
        return result

    return call


def test_a_stop_as_the_serial_lock_is_taken_leaves_it_free(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(fcntl, "flock", _then_signalled(fcntl.flock))
    with pytest.raises(Stopped), stopped_by_signals():
        with one_at_a_time(tmp_path):
            pytest.fail("the block ran")
    monkeypatch.undo()
    fd = os.open(tmp_path / SERIAL_NAME, os.O_RDWR)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)  # (BlockingIOError: a leaked holder)
    finally:
        os.close(fd)


def test_a_stop_as_the_output_is_probed_leaves_no_staging_folder(
    tmp_path: Path, monkeypatch
) -> None:
    src = tmp_path / "in"
    src.mkdir()
    (src / "regulation.md").write_text(ADDED_REGULATION, encoding="utf-8")
    out = tmp_path / "out"
    made = []
    real = tempfile.mkdtemp

    def mkdtemp(*args, **kwargs):  # type: ignore[no-untyped-def]
        path = real(*args, **kwargs)
        if Path(path).name.startswith(STAGING_PREFIX) and not made:  # (the first: the probe)
            made.append(path)
            os.kill(os.getpid(), signal.SIGTERM)
        return path

    monkeypatch.setattr(tempfile, "mkdtemp", mkdtemp)
    with pytest.raises(Stopped), stopped_by_signals():
        build([src], out, workers=1, quiet=True)
    monkeypatch.undo()
    assert made and not (out / "graph.ttl").exists()
    assert not [n for n in os.listdir(out) if n.startswith(STAGING_PREFIX)]
