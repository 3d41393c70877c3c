"""Mend of review23 (D), findings 1 and 2: a ``--watch`` build saves and unlocks its cache
state after each report (no state kept open for the next build): another build of the
same OUT started between two watch builds ends, and so does the watch (one lock order
everywhere: OUT, then the cache); a watch killed during a report of back-to-back builds
leaves the last saved build's manifest, so only what changed since is read again."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from kg.build import build, watch
from kg.runtime.lifecycle import OutputLock
from tests.runtime.samples import aged_sample, assert_same_outputs

KW = dict(workers=1, quiet=True, formats=("ttl", "html"), fast_export=True)
BOUND = 300.0  # seconds: far beyond a build of the sample (a deadlock never ends)


def _append(doc: Path, n: int) -> None:
    with doc.open("a", encoding="utf-8") as f:
        f.write(f"\n\n第{n}条　国务院办公厅负责协调本办法的实施。\n")
    t = time.time() - 30 + n / 100
    os.utime(doc, (t, t))


@pytest.mark.slow
def test_another_build_between_two_watch_builds_ends(tmp_path: Path) -> None:
    src, out = aged_sample(tmp_path), tmp_path / "out"
    docs = sorted(p for p in src.rglob("*") if p.is_file())
    other: list[subprocess.Popen] = []
    code = (
        "from kg.build import build; "
        f"build([{str(src)!r}], {str(out)!r}, cache_dir={str(out / '.cache')!r}, "
        "workers=1, quiet=True, formats=('ttl', 'html'), fast_export=True)"
    )

    def on_report(r) -> None:  # type: ignore[no-untyped-def]
        if other:
            return
        _append(docs[0], 81)  # a change right after the report
        other.append(subprocess.Popen([sys.executable, "-c", code]))
        deadline = time.monotonic() + BOUND
        # the other build holds OUT (and then waits for the cache) before the watch goes on
        while not OutputLock(out).locked() and other[0].poll() is None:
            assert time.monotonic() < deadline
            time.sleep(0.02)

    done: list[int] = []
    t = threading.Thread(
        target=lambda: done.append(watch([src], out, cache_dir=out / ".cache", interval=0.05,
                                         on_report=on_report, max_builds=2, **KW)),
        daemon=True,
    )  # fmt: skip
    t.start()
    t.join(BOUND)
    try:
        assert done == [2], "the watch did not end (deadlock with the other build)"
        assert other[0].wait(BOUND) == 0
    finally:
        for p in other:
            if p.poll() is None:
                p.kill()
    fresh = tmp_path / "fresh"
    build([src], fresh, **KW)
    assert_same_outputs(out, fresh)


@pytest.mark.slow
def test_a_watch_killed_during_back_to_back_builds_keeps_the_last_save(tmp_path: Path) -> None:
    src, out = aged_sample(tmp_path), tmp_path / "out"
    docs = sorted(p for p in src.rglob("*") if p.is_file())
    pid = os.fork()
    if pid == 0:  # pragma: no cover (the child: a watch, SIGTERM during its third report)
        try:
            reports: list = []

            def on_report(r) -> None:  # type: ignore[no-untyped-def]
                reports.append(r)
                if len(reports) < 3:  # the next change at once, as the bench makes it
                    _append(docs[len(reports) % len(docs)], 80 + len(reports))
                else:
                    os.kill(os.getpid(), signal.SIGTERM)

            watch([src], out, cache_dir=out / ".cache", interval=0.05, on_report=on_report,
                  max_builds=5, **KW)  # fmt: skip
        finally:
            os._exit(3)
    _, status = os.waitpid(pid, 0)
    assert os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGTERM
    assert (out / ".cache" / "manifest.bin").exists()
    again = build([src], out, cache_dir=out / ".cache", **KW)
    assert again.docs_extracted <= 1  # (the third build's document, never saved)
    assert again.files_unchanged >= len(docs) - 1
    fresh = tmp_path / "fresh"
    build([src], fresh, **KW)
    assert_same_outputs(out, fresh)
