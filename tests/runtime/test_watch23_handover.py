"""Round watch23: a ``--watch`` build whose report is followed by a change at once leaves
its cache state open (locked, unsaved) to the next build, whose save supersedes its own;
the state is saved and unlocked when a look finds nothing new and when the watch ends."""

from __future__ import annotations

import os
import threading
import time
from pathlib import Path

from kg.build import build, watch
from kg.runtime import manifest
from kg.runtime.lifecycle import CacheLock
from tests.runtime.samples import aged_sample, assert_same_outputs

KW = dict(workers=1, quiet=True, formats=("ttl", "html"), fast_export=True)


def _inputs(src: Path) -> list[Path]:
    return sorted(p for p in src.rglob("*") if p.is_file())


def _append(doc: Path, n: int) -> None:
    """A new article at the end of ``doc``, its mtime a while ago (not "racily clean")."""
    with doc.open("a", encoding="utf-8") as f:
        f.write(f"\n\n第{n}条　国务院办公厅负责协调本办法的实施。\n")
    t = time.time() - 30 + n / 100
    os.utime(doc, (t, t))


def test_back_to_back_builds_hand_the_state_over(tmp_path: Path, monkeypatch) -> None:
    src, out = aged_sample(tmp_path), tmp_path / "out"
    cache = out / ".cache"
    docs = _inputs(src)
    closes: list[int] = []
    real_close = manifest.BuildState.close

    def close(self, *a, **k):  # type: ignore[no-untyped-def]
        closes.append(len(reports))
        return real_close(self, *a, **k)

    monkeypatch.setattr(manifest.BuildState, "close", close)
    reports: list = []

    def on_report(r) -> None:  # type: ignore[no-untyped-def]
        reports.append(r)
        if len(reports) < 4:  # another document each time, at once (as the bench does)
            _append(docs[len(reports) % len(docs)], 80 + len(reports))

    assert watch([src], out, cache_dir=cache, interval=0.05, on_report=on_report,
                 max_builds=4, **KW) == 4  # fmt: skip
    # each build after the first read only the document changed since the one before:
    # it went on from that build's state as its save would have left it
    assert [r.docs_extracted for r in reports[1:]] == [1, 1, 1]
    assert [r.files_unchanged for r in reports[1:]] == [len(docs) - 1] * 3
    # saved once the builds stopped coming (three saves superseded)
    assert closes == [4]
    # what the watch saved last is the last build's: a new build reads nothing again
    again = build([src], out, cache_dir=cache, **KW)
    assert again.docs_extracted == 0 and again.files_unchanged == len(docs)
    fresh = tmp_path / "fresh"
    build([src], fresh, **KW)
    assert_same_outputs(out, fresh)


def test_an_idle_watch_saves_and_unlocks_its_state(tmp_path: Path) -> None:
    """A change of a file that is no input (a hidden one) right after a report: the state
    is kept for a build that does not come; the look that finds nothing new saves it and
    unlocks the cache (another build could take it while the watch waits)."""
    src, out = aged_sample(tmp_path), tmp_path / "out"
    cache = out / ".cache"
    stop, unlocked, builds = threading.Event(), [], []

    def on_report(r) -> None:  # type: ignore[no-untyped-def]
        builds.append(r)
        (src / ".notes").write_text("no input", encoding="utf-8")

    def look() -> None:  # while the watch waits for a change
        unlocked.append(CacheLock(cache / "lock").holder() is None)
        stop.set()

    def later() -> None:
        while not builds:
            time.sleep(0.05)
        time.sleep(1.5)
        look()

    t = threading.Thread(target=later)
    t.start()
    watch([src], out, cache_dir=cache, interval=0.1, on_report=on_report, stop=stop, **KW)
    t.join()
    assert len(builds) == 1 and unlocked == [True]
    again = build([src], out, cache_dir=cache, **KW)
    assert again.docs_extracted == 0 and again.outputs_unchanged


def test_a_change_during_the_idle_housekeeping_is_built_at_once(
    tmp_path: Path, monkeypatch
) -> None:
    """A change that comes while the watch saves what it kept (its look found nothing
    new) is built as soon as that is done, not after the next interval."""
    import kg.runtime.watch as watching

    src, out = aged_sample(tmp_path), tmp_path / "out"
    doc = _inputs(src)[0]
    real = watching.save_unsaved
    stamps: list[float] = []

    def save_unsaved(kept) -> None:  # type: ignore[no-untyped-def]
        if not stamps:  # the first idle look: a change arrives meanwhile
            _append(doc, 95)
            stamps.append(time.perf_counter())
        real(kept)

    monkeypatch.setattr(watching, "save_unsaved", save_unsaved)
    reports: list = []
    n = watch([src], out, cache_dir=out / ".cache", interval=60.0,
              on_report=lambda r: reports.append((r, time.perf_counter())),
              max_builds=2, **KW)  # fmt: skip
    assert n == 2 and reports[1][0].docs_extracted == 1
    assert reports[1][1] - stamps[0] < 30  # (not after the 60 s interval)
    fresh = tmp_path / "fresh"
    build([src], fresh, **KW)
    assert_same_outputs(out, fresh)
