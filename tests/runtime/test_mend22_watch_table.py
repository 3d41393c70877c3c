"""The first build in a new process after ``kg build --watch`` patches the entity table
the watch's last build made (it is written to the cache folder as the watch goes), and
writes what a build from scratch writes (before, it found the table from before the watch,
whose results were gone, and folded every result again)."""

from __future__ import annotations

import threading
import time
from pathlib import Path

from kg.build import build, watch
from kg.runtime.resolution import TABLE_NAME
from tests.runtime.samples import APPENDED_ARTICLE, aged_sample, assert_same_outputs


def test_a_build_after_a_watch_patches_the_watchs_last_table(tmp_path: Path) -> None:
    src = aged_sample(tmp_path)
    out, ref = tmp_path / "out", tmp_path / "ref"
    cache = out / ".cache"
    first = sorted(p for p in src.rglob("*") if p.is_file())[0]
    text = first.read_text(encoding="utf-8")
    build([src], out, workers=1, cache_dir=cache, quiet=True)  # a table before the watch
    before = (cache / TABLE_NAME).read_bytes()
    steps = [f"\n\n第{n}条　国务院办公厅负责协调。\n" for n in (90, 91)]

    def on_report(report) -> None:  # type: ignore[no-untyped-def]
        if steps:
            first.write_text(text + steps.pop(0), encoding="utf-8")

    assert watch([src], out, workers=1, cache_dir=cache, interval=0.05,
                 on_report=on_report, max_builds=3, quiet=True) == 3  # fmt: skip
    assert (cache / TABLE_NAME).read_bytes() != before
    first.write_text(text + APPENDED_ARTICLE, encoding="utf-8")
    report = build([src], out, workers=1, cache_dir=cache, quiet=True)
    assert report.table_patched is True
    build([src], ref, workers=1, quiet=True)
    assert_same_outputs(out, ref)



def test_a_watch_writes_its_table_when_it_has_nothing_to_do(tmp_path: Path) -> None:
    # not while changes keep coming (it would delay the next change's outputs, ~0.12 CPU-s
    # on the whole corpus): once a look finds nothing new, and when the watch ends
    src = aged_sample(tmp_path)
    out = tmp_path / "out"
    cache = out / ".cache"
    first = sorted(p for p in src.rglob("*") if p.is_file())[0]
    text = first.read_text(encoding="utf-8")
    build([src], out, workers=1, cache_dir=cache, quiet=True)
    before = (cache / TABLE_NAME).read_bytes()
    stop, seen = threading.Event(), []
    steps = [APPENDED_ARTICLE, APPENDED_ARTICLE + "\n\n第九十一条　国务院办公厅负责协调。\n"]

    def on_report(report) -> None:  # type: ignore[no-untyped-def]
        seen.append((cache / TABLE_NAME).read_bytes())
        if len(seen) <= len(steps):  # the next change as soon as the outputs are written
            first.write_text(text + steps[len(seen) - 1], encoding="utf-8")

    t = threading.Thread(target=watch, args=([src], out),
                         kwargs=dict(workers=1, cache_dir=cache, interval=0.05, stop=stop,
                                     on_report=on_report, quiet=True))  # fmt: skip
    t.start()
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and not (
            len(seen) == 3 and (cache / TABLE_NAME).read_bytes() != before
        ):
            time.sleep(0.05)
        idle = (cache / TABLE_NAME).read_bytes()
    finally:
        stop.set()
        t.join(60)
    assert seen == [before] * 3  # none written while the changes kept coming
    assert idle != before  # the last build's, written while the watch waited
