"""Mend of review23 (D), finding 3: inside a build's publish only the staged outputs'
writes end (fsync, rename) in sync threads; every cache write (the results' pack and its
index, the manifest) ends in order, in the building thread, and a failed cache write there
is the cache's business (met again at the close), not the publish's."""

from __future__ import annotations

import os
import threading
from pathlib import Path

from kg.build import build
from kg.runtime import manifest, outputs
from tests.runtime.samples import aged_sample, assert_same_outputs

KW = dict(workers=1, quiet=True, formats=("ttl", "html"), fast_export=True)


def _fork_allowed(monkeypatch) -> None:
    """The view writer forked (the cache saved while the publish waits for it), though
    other tests of this process (the Dask ones) leave idle threads behind."""
    monkeypatch.setattr(outputs, "fork_safe", lambda: True)


def test_cache_writes_end_in_the_building_thread_in_order(tmp_path: Path, monkeypatch) -> None:
    src, out = aged_sample(tmp_path), tmp_path / "out"
    cache = out / ".cache"
    real = os.replace
    renamed: list[tuple[str, str]] = []  # (target, thread)
    resolved: list[bool] = []
    real_save = manifest.BuildState.save_resolved

    def save_resolved(self) -> None:  # type: ignore[no-untyped-def]
        resolved.append(True)
        real_save(self)

    def replace(src_, dst, *a, **k):  # type: ignore[no-untyped-def]
        renamed.append((str(dst), threading.current_thread().name))
        return real(src_, dst, *a, **k)

    _fork_allowed(monkeypatch)
    monkeypatch.setattr(manifest.BuildState, "save_resolved", save_resolved)
    monkeypatch.setattr(os, "replace", replace)
    build([src], out, cache_dir=cache, **KW)
    assert resolved  # (the cache saved while the publish waits)
    in_cache = [(d, t) for d, t in renamed if Path(d).parent == cache]
    assert in_cache and all(t == threading.main_thread().name for _, t in in_cache), in_cache
    names = [Path(d).name for d, _ in in_cache]
    # a pack's index renamed after the pack it indexes
    for pack in ("results.pack",):
        if pack in names and pack + ".idx" in names:
            assert names.index(pack) < names.index(pack + ".idx")
    # the outputs' syncs still run in threads of their own
    assert any(t == "kg-sync" for d, t in renamed if Path(d).parent != cache)


def test_a_failed_cache_save_during_the_publish_is_met_again_at_the_close(
    tmp_path: Path, monkeypatch
) -> None:
    """The manifest's first save (while the publish waits) fails: the outputs are still
    published, the close saves the manifest, and the next build reads nothing again."""
    src, out = aged_sample(tmp_path), tmp_path / "out"
    cache = out / ".cache"
    real = os.replace
    failed: list[str] = []

    def replace(src_, dst, *a, **k):  # type: ignore[no-untyped-def]
        if Path(dst).name == "manifest.bin" and not failed:
            failed.append(threading.current_thread().name)
            raise OSError(28, "No space left on device", src_, None, dst)
        return real(src_, dst, *a, **k)

    _fork_allowed(monkeypatch)
    monkeypatch.setattr(os, "replace", replace)
    first = build([src], out, cache_dir=cache, **KW)
    assert failed and first.docs_extracted > 0
    assert (out / "graph.ttl").exists() and (cache / "manifest.bin").exists()
    monkeypatch.setattr(os, "replace", real)
    again = build([src], out, cache_dir=cache, **KW)
    assert again.docs_extracted == 0
    fresh = tmp_path / "fresh"
    build([src], fresh, **KW)
    assert_same_outputs(out, fresh)
