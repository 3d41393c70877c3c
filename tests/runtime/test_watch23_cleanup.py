"""Round watch23: a ``--watch`` build deletes the files its outputs replaced in a thread
from the publish on; its spare housekeeping waits for that thread's end (run by the next
build, long after); a build that dies between its publish and that deletion leaves a
staging folder the next build removes (E107), and the next build is right."""

from __future__ import annotations

import os
import shutil
import signal
import threading
import time
from pathlib import Path

from kg.build import Resident, build
from kg.runtime.lifecycle import STAGING_PREFIX
from tests.runtime.samples import aged_sample, assert_same_outputs

KW = dict(workers=1, quiet=True, formats=("ttl", "html"), fast_export=True)


def _staging(out: Path) -> list[Path]:
    return [p for p in out.iterdir() if p.name.startswith(STAGING_PREFIX)]


def _change(src: Path) -> None:
    doc = sorted(p for p in src.rglob("*") if p.is_file())[0]
    doc.write_text(doc.read_text(encoding="utf-8") + "\n\n国务院办公厅负责解释本办法。\n",
                   encoding="utf-8")  # fmt: skip
    t = time.time() - 30
    os.utime(doc, (t, t))


def test_the_deletion_runs_beside_the_housekeeping(tmp_path: Path, monkeypatch) -> None:
    """The replaced files are deleted by a thread the publish starts, not by the build's
    housekeeping: the manifest's save after the report does not wait for it, and the
    spare housekeeping waits for the deletion (no staging folder after it)."""
    src, out = aged_sample(tmp_path), tmp_path / "out"
    policy = Resident()
    try:
        first = build([src], out, cache_dir=out / ".cache", policy=policy, **KW)
        first.run_pending()
        _change(src)
        started, release = threading.Event(), threading.Event()
        where: list[str] = []
        real = shutil.rmtree

        def rmtree(path, *a, **k):  # held until the manifest was saved
            where.append(threading.current_thread().name)
            started.set()
            assert release.wait(30)
            return real(path, *a, **k)

        monkeypatch.setattr(shutil, "rmtree", rmtree)
        second = build([src], out, cache_dir=out / ".cache", policy=policy, **KW)
        assert started.wait(30) and where == ["kg-cleanup"]
        assert _staging(out)  # (being deleted)
        # the housekeeping: the manifest saved (and the cache unlocked) while the deletion
        # is held; the spare housekeeping waits for the deletion
        second.run_pending(spare=False)
        assert _staging(out)
        saved = threading.Timer(0.5, release.set)
        saved.start()
        t = time.perf_counter()
        second.run_pending()
        assert time.perf_counter() - t >= 0.3  # (waited for the held deletion)
        assert _staging(out) == []
    finally:
        policy.close()
    fresh = tmp_path / "fresh"
    build([src], fresh, **KW)
    for name in ("graph.ttl", "graph.html"):
        assert (out / name).read_bytes() == (fresh / name).read_bytes()


def test_a_death_between_the_publish_and_the_deletion(tmp_path: Path, capfd) -> None:
    """A --watch build that published its outputs and is killed while its deletion runs
    in the ``kg-cleanup`` thread (held there; the manifest not saved): the next build
    removes the staging folder with the replaced files (E107) and its outputs are a
    fresh build's."""
    src, out = aged_sample(tmp_path), tmp_path / "out"
    build([src], out, cache_dir=out / ".cache", **KW)
    _change(src)
    told_r, told_w = os.pipe()
    pid = os.fork()
    if pid == 0:  # pragma: no cover (the child: publishes, killed during the deletion)
        try:
            held = threading.Event()

            def rmtree(*a, **k) -> None:  # the deletion held where it runs
                if threading.current_thread().name == "kg-cleanup":
                    held.set()
                    threading.Event().wait()

            shutil.rmtree = rmtree
            build([src], out, cache_dir=out / ".cache", policy=Resident(), **KW)
            os.write(told_w, b"x" if held.wait(30) else b"n")
            threading.Event().wait()  # (killed here)
        finally:
            os._exit(1)
    os.close(told_w)
    try:
        assert os.read(told_r, 1) == b"x"  # the deletion is held in its thread
    finally:
        os.close(told_r)
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
    left = _staging(out)
    assert len(left) == 1 and any(p.name.startswith(".replaced-") for p in left[0].iterdir())
    capfd.readouterr()
    _change(src)
    again = build([src], out, cache_dir=out / ".cache", **KW)
    assert "E107" in capfd.readouterr().err
    assert _staging(out) == [] and again.docs_extracted >= 1
    fresh = tmp_path / "fresh"
    build([src], fresh, **KW)
    assert_same_outputs(out, fresh)
