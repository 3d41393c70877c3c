"""A rebuild in a new process (``kg build`` again, no memo) loads the view's text pieces
of unchanged documents from the cache's fragment store: after one changed document only
its piece is made again (counted, not timed), the outputs are byte for byte those of a
build from scratch, and a damaged or forged stored piece is made again, not trusted."""

from __future__ import annotations

import filecmp
import os
import shutil
from pathlib import Path

import msgpack
import pytest

from kg.build import build
from kg.export.view.text import PIECE_VERSION
from kg.runtime.store import PackStore
from tests.corpus import law_sample

# processes, pipeline snapshots or whole builds: `make test`, not the inner loop (`make test-fast`)
pytestmark = pytest.mark.slow

STEP = 450
FORMATS = ("ttl", "html", "nt")


def change(path: Path, n: int) -> None:
    with path.open("a", encoding="utf-8") as f:
        f.write(f"\n\n第{n}条　本办法由国务院负责解释，财政部会同审计署组织实施。\n")


def again(corpus: Path, out: Path, workers: int = 1):
    return build([corpus], out, workers=workers, cache_dir=out / ".cache", formats=FORMATS,
                 fast_export=True, quiet=True)  # fmt: skip


def assert_same_as_scratch(corpus: Path, out: Path, ref: Path) -> None:
    shutil.rmtree(ref, ignore_errors=True)
    build([corpus], ref, workers=1, formats=FORMATS, fast_export=True, quiet=True)
    names = sorted(p.name for p in ref.iterdir() if p.is_file())
    assert names == sorted(p.name for p in out.iterdir() if p.is_file())
    for name in names:
        assert filecmp.cmp(out / name, ref / name, shallow=False), name


@pytest.mark.parametrize("workers", [1, 2])  # 2: the view is written by a forked child
def test_a_new_build_after_one_change_makes_that_documents_piece_only(
    tmp_path: Path, workers: int
) -> None:
    corpus = tmp_path / "laws"
    laws = law_sample(corpus, STEP)
    out = tmp_path / "out"
    first = again(corpus, out, workers)
    n = first.docs_read
    assert n >= 6 and first.fragments["view_pieces_built"] == n
    for k in (1, 2):
        change(laws[len(laws) // 2], k)
        r = again(corpus, out, workers)
        assert r.docs_extracted == 1
        # the changed document's piece, and at most a few whose kept examples changed
        assert 1 <= r.fragments["view_pieces_built"] <= 3
        assert r.fragments["view_pieces_reused"] == n - r.fragments["view_pieces_built"]
        assert_same_as_scratch(corpus, out, tmp_path / "ref")
    # nothing changed: the outputs are up to date, and the pieces are kept all the same
    assert again(corpus, out, workers).outputs_unchanged
    change(laws[0], 3)
    r = again(corpus, out, workers)
    assert 1 <= r.fragments["view_pieces_built"] <= 3
    assert_same_as_scratch(corpus, out, tmp_path / "ref")


def forge_pieces(cache: Path) -> int:
    """Rewrite every stored view piece with JSON that would end the page's ``<script>``
    element; the store's own checks pass (the index gets the new CRCs)."""
    store = PackStore(cache / "fragments.pack")
    records = {k: bytes(store.get(k)) for k in list(store.index)}
    store.close()
    forged = 0
    for k, data in records.items():
        try:
            rec = msgpack.unpackb(data, raw=False, strict_map_key=False)
        except Exception:
            continue  # an RDF fragment
        if isinstance(rec, list) and len(rec) == 5 and rec[0] == PIECE_VERSION:
            rec[3] = b'"</script><script>alert(1)</script>"' + (b"," if rec[3] else b"") + rec[3]
            records[k] = msgpack.packb(rec, use_bin_type=True)
            forged += 1
    for name in ("fragments.pack", "fragments.pack.idx"):
        os.unlink(cache / name)
    store = PackStore(cache / "fragments.pack")
    for k, data in records.items():
        store.put(k, data)
    store.close()
    return forged


def test_a_forged_stored_piece_is_made_again(tmp_path: Path) -> None:
    corpus = tmp_path / "laws"
    laws = law_sample(corpus, STEP)
    out = tmp_path / "out"
    n = again(corpus, out).docs_read
    assert forge_pieces(out / ".cache") == n
    change(laws[1], 1)
    r = again(corpus, out)
    assert (r.fragments["view_pieces_built"], r.fragments["view_pieces_reused"]) == (n, 0)
    assert b"alert(1)" not in (out / "graph.html").read_bytes()
    assert_same_as_scratch(corpus, out, tmp_path / "ref")
    # the pieces made again replaced the forged ones
    change(laws[1], 2)
    assert again(corpus, out).fragments["view_pieces_built"] <= 3


def test_watch_stores_its_pieces_for_a_later_new_build(tmp_path: Path) -> None:
    """``--watch`` builds and a later ``kg build`` share the store: the new build after
    one more change makes that document's piece only, and all of them write the bytes a
    build from scratch writes."""
    from kg.build import watch

    corpus = tmp_path / "laws"
    laws = law_sample(corpus, STEP)
    out = tmp_path / "out"
    victim = laws[len(laws) // 3]
    kept = []

    def on_report(r) -> None:
        keep = tmp_path / f"watch{len(kept)}"
        # (a staging folder may be being deleted meanwhile: not an output)
        shutil.copytree(out, keep, ignore=shutil.ignore_patterns(".cache", ".kg-staging-*"))
        kept.append((r, keep, victim.read_bytes()))
        if len(kept) < 2:
            change(victim, len(kept))

    watch([corpus], out, workers=2, cache_dir=out / ".cache", interval=0.05,
          on_report=on_report, max_builds=2, formats=FORMATS, fast_export=True,
          quiet=True)  # fmt: skip
    n = kept[0][0].docs_read
    assert kept[1][0].docs_extracted == 1
    assert 1 <= kept[1][0].fragments["view_pieces_built"] <= 3
    for _, keep, text in kept:
        victim.write_bytes(text)
        assert_same_as_scratch(corpus, keep, tmp_path / "ref")
    change(victim, 7)
    r = again(corpus, out, 2)
    assert r.docs_extracted == 1
    assert 1 <= r.fragments["view_pieces_built"] <= 3
    assert r.fragments["view_pieces_reused"] == n - r.fragments["view_pieces_built"]
    assert_same_as_scratch(corpus, out, tmp_path / "ref")
