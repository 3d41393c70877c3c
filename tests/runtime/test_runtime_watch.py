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


@pytest.mark.slow
def test_a_changed_file_named_by_the_kernel_is_the_only_one_looked_at(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    if not Watcher([tmp_path]).native:
        pytest.skip("no inotify here")
    import kg.runtime.watch as watch_module

    src = tmp_path / "in"
    shutil.copytree(SAMPLE_DIR, src)
    victim = sorted(p for p in src.rglob("*.txt") if p.is_file())[0]  # one document
    scans: list[int] = []
    scan = watch_module.scan_inputs

    def counted(inputs):  # type: ignore[no-untyped-def]
        scans.append(1)
        return scan(inputs)

    monkeypatch.setattr(watch_module, "scan_inputs", counted)
    extracted: list[int] = []

    def on_report(r) -> None:  # type: ignore[no-untyped-def]
        extracted.append(r.docs_extracted)
        with victim.open("a", encoding="utf-8") as f:  # during the build's report
            f.write(f"\n\n商务部第{len(extracted)}次会同海关总署开展合作。\n")

    n = watch([src], tmp_path / "out", workers=1, interval=60.0, on_report=on_report,
              max_builds=3, quiet=True, formats=("ttl",),
              cache_dir=tmp_path / "out" / ".cache")  # fmt: skip
    assert n == 3
    assert extracted[1:] == [1, 1]  # each change seen, its document extracted again
    assert len(scans) == 1  # the first look only: then the kernel named the file
