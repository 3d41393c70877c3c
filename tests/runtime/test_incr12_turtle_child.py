"""After a one-shot build that extracted few documents, Turtle and N-Triples are written by
a forked child (:func:`kg.runtime.outputs.fork_fast_writer`) while the build writes the
view: the fragments the child renders and the records it reads come back to the build's
store (:class:`~kg.runtime.outputs.StoreRecorder`), and a child that fails leaves its
formats to the build itself."""

from __future__ import annotations

import io
import os
import tempfile
from pathlib import Path

import pytest

from kg.runtime.outputs import StoreRecorder, replay, write_outputs
from kg.runtime.store import PackStore


def test_replay_applies_touches_and_writes_in_order() -> None:
    store = PackStore(Path(tempfile.mkdtemp()) / "f.pack")
    store.put("kept", b"k")
    store.put("old", b"o")
    store.close()
    store = PackStore(store.path)
    rec = StoreRecorder(PackStore(store.path))  # (the child's copy of the store)
    assert rec.get("kept") == b"k" and rec.get("missing") is None
    rec.put("new", b"n")
    rec.put("new", b"n2")  # the last write of a key wins, as in the store
    rec.stats["document_fragments_built"] = 1
    assert rec.get("new") == b"n2" and "new" not in store and not store.touched
    box = io.BytesIO()
    rec.save(box)
    box.seek(0)
    assert replay(box, store) == {"document_fragments_built": 1}
    assert store.get("new") == b"n2"
    assert "kept" in store.touched and "old" not in store.touched
    store.close(keep_untouched=False)  # what was neither read nor written is dropped
    assert set(PackStore(store.path).index) == {"kept", "new"}


def test_a_damaged_box_applies_nothing() -> None:
    store = PackStore(Path(tempfile.mkdtemp()) / "f.pack")
    assert replay(io.BytesIO(b"\x93\x90\x91\x92\x01"), store) is None
    assert replay(io.BytesIO(b""), store) is None
    assert len(store) == 0


def _graph():  # the formats written here need no graph
    raise AssertionError("no graph")


def test_a_failing_child_leaves_its_formats_to_the_build(tmp_path: Path) -> None:
    parent = os.getpid()
    calls = []

    def fast(fmt: str, path: Path, rec):
        calls.append((fmt, os.getpid() == parent))
        if os.getpid() != parent:
            (tmp_path / "child-ran").touch()
            raise RuntimeError("the child fails")
        return lambda: path.write_bytes(b"ttl from the build\n")

    def slow_only(fmt: str, path: Path, rec):
        return fast(fmt, path, rec) if fmt == "ttl" else None

    from kg.export.formats import REGISTRY

    csv = REGISTRY["csv"]
    assert not csv.fast
    store = PackStore(tmp_path / "f.pack")
    import networkx as nx

    out = write_outputs(lambda: nx.MultiDiGraph(), tmp_path / "out", ["ttl", "csv"], 10,
                        slow_only, fork_fast=("ttl",), store=store, stats={})  # fmt: skip
    assert (tmp_path / "child-ran").exists()  # forked, failed
    assert Path(out["ttl"]).read_bytes() == b"ttl from the build\n"  # written here instead
    assert calls == [("ttl", True)]


@pytest.mark.slow
def test_fragments_the_child_renders_are_stored_for_the_next_build(tmp_path: Path) -> None:
    import filecmp
    import shutil

    from kg.build import build
    from tests.corpus import law_sample

    formats = ("ttl", "nt", "html")
    corpus = tmp_path / "laws"
    laws = law_sample(corpus, 450)

    def again(out: Path):
        return build([corpus], out, workers=2, cache_dir=out / ".cache", formats=formats,
                     quiet=True)  # fmt: skip

    out = tmp_path / "out"
    first = again(out)
    n = first.docs_read
    assert 6 <= n < 25  # few: the child writes Turtle and N-Triples
    assert first.fragments["document_fragments_built"] == 2 * n
    for k in (1, 2):
        with laws[len(laws) // 2].open("a", encoding="utf-8") as f:
            f.write(f"\n\n第{k}条　本办法由国务院负责解释，财政部会同审计署组织实施。\n")
        r = again(out)
        assert r.docs_extracted == 1
        built = r.fragments["document_fragments_built"]
        assert 2 <= built <= 6, built
        assert r.fragments["document_fragments_cached"] == 2 * n - built
    ref = tmp_path / "ref"
    build([corpus], ref, workers=1, formats=formats, quiet=True)
    for name in ("graph.ttl", "graph.nt", "graph.html"):
        assert filecmp.cmp(out / name, ref / name, shallow=False), name
    shutil.rmtree(ref)
