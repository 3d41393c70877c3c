"""``kg build --watch`` (kg.runtime.watch): a change is seen when the kernel reports it,
not at the next look ``interval`` seconds later."""

from __future__ import annotations

import shutil
import time
from pathlib import Path

import pytest

from kg.build import SAMPLE_DIR, watch
from kg.runtime.inotify import Watcher


def test_a_change_is_built_long_before_the_interval(tmp_path: Path) -> None:
    if not Watcher([tmp_path]).native:
        pytest.skip("no inotify here")
    src = tmp_path / "in"
    shutil.copytree(SAMPLE_DIR, src)
    extra = src / "new.md"
    changed: list[float] = []
    seen: list[float] = []

    def on_report(r) -> None:
        seen.append(time.monotonic() - r.seconds)  # when that build started
        if not changed:
            extra.write_text("# 新闻\n\n商务部与海关总署开展合作。", encoding="utf-8")
            changed.append(time.monotonic())

    n = watch([src], tmp_path / "out", workers=1, interval=60.0, on_report=on_report,
              max_builds=2, quiet=True, formats=("ttl",))  # fmt: skip
    assert n == 2
    assert seen[1] - changed[0] < 10.0  # not the 60 s of the interval


def test_a_new_folder_is_watched_too(tmp_path: Path) -> None:
    w = Watcher([tmp_path])
    if not w.native:
        pytest.skip("no inotify here")
    try:
        (tmp_path / "sub").mkdir()
        assert w.wait(5.0)
        (tmp_path / "sub" / "a.md").write_text("x", encoding="utf-8")
        assert w.wait(5.0)
        assert not w.wait(0.05)
    finally:
        w.close()
