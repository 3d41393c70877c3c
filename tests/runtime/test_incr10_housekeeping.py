"""``--watch``: what a build may leave for later (freeing its objects, deleting the files
its outputs replaced) is run by the next build while it waits for its view writer, not
between a change and its outputs."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from kg.build import Resident, build, watch
from kg.runtime import outputs
from tests.runtime.samples import aged_sample

STAGING = ".kg-staging-"


@pytest.fixture(autouse=True)
def _fork_allowed(monkeypatch) -> None:
    """These tests watch the forked view writer: the browser tests earlier in the same
    pytest process leave idle asyncio threads behind, which would make ``fork_safe`` say
    no (a build's own process runs none)."""
    monkeypatch.setattr(outputs, "fork_safe", lambda: True)


def _staging(out: Path) -> list[str]:
    return sorted(p.name for p in out.iterdir() if p.name.startswith(STAGING))


def _change(src: Path, i: int) -> None:
    doc = sorted(p for p in src.rglob("*") if p.is_file())[0]
    doc.write_text(doc.read_text(encoding="utf-8") + f"\n\n国务院办公厅第{i}次通知。\n",
                   encoding="utf-8")  # fmt: skip
    t = time.time() - 30
    os.utime(doc, (t, t))


def _forks(monkeypatch) -> list[str]:
    """Calls of ``outputs.fork_writer``: "forked", then "joined" when its join is called."""
    order: list[str] = []
    real_fork = outputs.fork_writer

    def fork_writer(*a, **k):
        order.append("forked")
        join = real_fork(*a, **k)

        def joined():
            order.append("joined")
            return join()

        return joined

    monkeypatch.setattr(outputs, "fork_writer", fork_writer)
    return order


def test_spare_housekeeping_runs_in_the_next_build(tmp_path: Path, monkeypatch) -> None:
    src, out = aged_sample(tmp_path), tmp_path / "out"
    kw = dict(cache_dir=out / ".cache", workers=1, quiet=True, formats=("ttl", "html"),
              fast_export=True)  # fmt: skip
    policy = Resident()
    first = build([src], out, policy=policy, **kw)
    assert first.spare and first.pending
    first.run_pending(spare=False)  # the manifest saved, the cache unlocked
    # the replaced files' folder is deleted at once, by a thread the publish started, with
    # nothing more run here (review: not kept while watch idles)
    deadline = time.monotonic() + 10
    while _staging(out) and time.monotonic() < deadline:
        time.sleep(0.01)
    assert _staging(out) == []

    order = _forks(monkeypatch)
    spare = first.spare
    first.spare = []
    spare.insert(0, lambda: order.append("spare"))
    _change(src, 1)
    second = build([src], out, policy=policy, housekeeping=spare, **kw)
    assert not spare  # all run, each once
    # one document extracted in a --watch build: the view is written in this process
    assert order == ["spare"]
    second.run_pending()
    assert _staging(out) == []
    policy.close()

    fresh = tmp_path / "fresh"
    build([src], fresh, workers=1, quiet=True, formats=("ttl", "html"), fast_export=True)
    for name in ("graph.ttl", "graph.html"):
        assert (out / name).read_bytes() == (fresh / name).read_bytes()


def test_run_while_the_forked_view_writer_works(tmp_path: Path, monkeypatch) -> None:
    """A build that forks its view writer (kg build's, here) runs the housekeeping once
    this process has written Turtle, before it waits for the writer."""
    src, out = aged_sample(tmp_path), tmp_path / "out"
    order = _forks(monkeypatch)
    spare = [lambda: order.append("spare")]
    build([src], out, workers=1, quiet=True, formats=("ttl", "html"), fast_export=True,
          housekeeping=spare)  # fmt: skip
    assert order == ["forked", "spare", "joined"] and spare == []


def test_a_build_without_a_view_writer_runs_it_before_it_returns(tmp_path: Path) -> None:
    src, out = aged_sample(tmp_path), tmp_path / "out"
    ran: list[int] = []
    spare = [lambda: ran.append(1)]
    build([src], out, workers=1, quiet=True, formats=("ttl",), housekeeping=spare)
    assert ran == [1] and spare == []


def test_watch_leaves_no_staging_folder_behind(tmp_path: Path) -> None:
    src, out = aged_sample(tmp_path), tmp_path / "out"
    builds: list[int] = []

    def on_report(r) -> None:
        builds.append(r.docs_extracted)
        if len(builds) < 3:
            _change(src, len(builds))

    n = watch([src], out, workers=1, interval=0.05, on_report=on_report, max_builds=3,
              quiet=True, formats=("ttl", "html"), fast_export=True)  # fmt: skip
    assert n == 3 and all(x > 0 for x in builds[1:])  # rebuilt after each change
    assert _staging(out) == []


def test_a_build_stopped_after_its_publish_waits_for_its_staging_folder(
    tmp_path: Path, monkeypatch
) -> None:
    """A ``--watch`` build leaves the wait for the staging folder's deletion to its report;
    stopped after the publish (a held signal raises as the publish ends) there is no
    report, so the build waits before it raises: the thread would die with the process,
    the folder half deleted."""
    import shutil

    from kg.runtime import manifest

    src, out = aged_sample(tmp_path), tmp_path / "out"
    rmtree = shutil.rmtree

    def slow_rmtree(path, *a, **kw):  # the kernel's work on a large output, slowed
        time.sleep(0.5)
        rmtree(path, *a, **kw)

    def stopped(*a, **kw):
        raise KeyboardInterrupt

    monkeypatch.setattr(outputs.shutil, "rmtree", slow_rmtree)
    monkeypatch.setattr(manifest, "record_outputs", stopped)
    policy = Resident()
    try:
        with pytest.raises(KeyboardInterrupt):
            build([src], out, policy=policy, cache_dir=out / ".cache", workers=1, quiet=True,
                  formats=("ttl", "html"), fast_export=True)  # fmt: skip
        assert _staging(out) == []  # at once: no wait here
    finally:
        policy.close()
