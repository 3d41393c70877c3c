"""Two builds of one output folder exclude each other, with a cache folder or without one
(a build without a cache, after E109, took no lock: two builds published into one folder
file by file): :class:`kg.runtime.lifecycle.OutputLock`."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest

from kg.build import build
from kg.runtime.lifecycle import OutputLock


@pytest.mark.parametrize("cached", [False, True])
def test_a_build_waits_for_the_build_holding_its_output_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], cached: bool
) -> None:
    doc = tmp_path / "a.txt"
    doc.write_text("国务院办公厅印发通知，要求各地区加强安全生产工作。", encoding="utf-8")
    out = tmp_path / "out"
    cache = tmp_path / "elsewhere" if cached else None  # (not in OUT: its own lock)
    holder = OutputLock(out).acquire()  # another build of OUT
    done: list[object] = []
    t = threading.Thread(target=lambda: done.append(
        build([doc], out, workers=1, cache_dir=cache, formats=("ttl",), quiet=True)))
    t.start()
    try:
        time.sleep(1.0)
        assert t.is_alive() and not (out / "graph.ttl").exists()
        assert "[E110]" in capsys.readouterr().err
    finally:
        holder.release()
        t.join(120)
    assert done and (out / "graph.ttl").exists()
    assert not OutputLock(out).locked()  # released when the build ended
