"""The manifest and the results' store are saved while the build waits for its forked view
writer (``BuildState.save_resolved``), not after it: the next build finds them the same."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.build import build
from kg.runtime import manifest, outputs
from tests.runtime.samples import aged_sample

KW = dict(workers=1, quiet=True, formats=("ttl", "html"), fast_export=True)


@pytest.fixture(autouse=True)
def _fork_allowed(monkeypatch) -> None:
    """These tests watch the forked view writer: the browser tests earlier in the same
    pytest process leave idle asyncio threads behind, which would make ``fork_safe`` say
    no (a build's own process runs none)."""
    monkeypatch.setattr(outputs, "fork_safe", lambda: True)


def test_saved_before_the_view_writer_is_joined_and_not_again(tmp_path: Path, monkeypatch) -> None:
    src, out = aged_sample(tmp_path), tmp_path / "out"
    order: list[str] = []
    real_fork, real_dump = outputs.fork_writer, manifest.dump_checked

    def fork_writer(*a, **k):
        join = real_fork(*a, **k)
        return lambda: (order.append("joined"), join())[1]

    def dump_checked(path, obj):
        if Path(path).name == manifest.MANIFEST_NAME:
            order.append("manifest")
        real_dump(path, obj)

    monkeypatch.setattr(outputs, "fork_writer", fork_writer)
    monkeypatch.setattr(manifest, "dump_checked", dump_checked)
    build([src], out, cache_dir=out / ".cache", **KW)
    assert order == ["manifest", "joined"]  # once, before the writer was waited for
    again = build([src], out, cache_dir=out / ".cache", **KW)
    assert again.docs_extracted == 0 and again.files_unchanged > 0  # the manifest read
    assert again.outputs_unchanged


def test_a_failed_early_save_is_made_by_close(tmp_path: Path, monkeypatch) -> None:
    src, out = aged_sample(tmp_path), tmp_path / "out"
    calls: list[str] = []
    real_dump = manifest.dump_checked

    def dump_checked(path, obj):
        if Path(path).name == manifest.MANIFEST_NAME:
            calls.append("manifest")
            if len(calls) == 1:
                raise OSError(28, "No space left on device")
        real_dump(path, obj)

    monkeypatch.setattr(manifest, "dump_checked", dump_checked)
    build([src], out, cache_dir=out / ".cache", **KW)
    assert calls == ["manifest", "manifest"]  # early (failed), then in close
    assert (out / ".cache" / manifest.MANIFEST_NAME).exists()
    monkeypatch.setattr(manifest, "dump_checked", real_dump)
    again = build([src], out, cache_dir=out / ".cache", **KW)
    assert again.docs_extracted == 0 and again.outputs_unchanged
