"""A rebuild in a new process patches last build's entity table (``resolution.bin``)
and writes byte for byte what a build from scratch writes, after each step of a
sequence of changed, added and removed documents; a damaged, missing or foreign table
(another resolver or pipeline code) is no table, and the build folds every result (a
small sample of the public-domain law corpus; the added text is our own wording)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from kg.build import build
from kg.export.formats import ALL_FORMATS
from kg.resolve import stored
from kg.runtime.resolution import TABLE_NAME
from tests.corpus import law_sample
from tests.runtime.samples import ADDED_REGULATION, APPENDED_ARTICLE, assert_same_outputs

pytestmark = pytest.mark.slow

STEP = 500
ADDED = ADDED_REGULATION
CHANGED = APPENDED_ARTICLE


def test_rebuilds_from_the_table_write_what_a_build_from_scratch_writes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    corpus = tmp_path / "laws"
    laws = law_sample(corpus, STEP)
    first, mid, last = laws[0], laws[len(laws) // 2], laws[-1]
    added = corpus / "added" / "某市河道保护办法.md"
    texts = {p: p.read_bytes() for p in (first, mid, last)}
    out, ref = tmp_path / "out", tmp_path / "ref"
    table = out / ".cache" / TABLE_NAME

    def rebuild(expect: bool | None) -> None:
        """A build with the cache (patched: ``expect``; None: no table read), then one
        from scratch; the same files."""
        report = build([corpus], out, workers=1, cache_dir=out / ".cache",
                       formats=ALL_FORMATS, quiet=True)  # fmt: skip
        assert report.table_patched is expect
        assert table.exists()
        if ref.exists():
            shutil.rmtree(ref)
        build([corpus], ref, workers=1, formats=ALL_FORMATS, quiet=True)
        assert_same_outputs(out, ref)

    rebuild(None)  # the first build: no table yet
    first.write_bytes(texts[first] + CHANGED.encode())
    rebuild(True)
    added.parent.mkdir()
    added.write_text(ADDED, encoding="utf-8")
    rebuild(True)
    mid.unlink()
    rebuild(True)
    added.write_text(ADDED + CHANGED, encoding="utf-8")
    last.write_bytes(texts[last] + CHANGED.encode())
    rebuild(True)
    mid.write_bytes(texts[mid])
    first.write_bytes(texts[first])
    rebuild(True)
    # a damaged table, a missing one, one of another resolver code: each no table
    data = bytearray(table.read_bytes())
    data[len(data) // 2] ^= 0xFF
    table.write_bytes(bytes(data))
    last.write_bytes(texts[last])
    rebuild(None)
    table.unlink()
    added.unlink()
    rebuild(None)
    monkeypatch.setattr(stored, "TABLE_VERSION", stored.TABLE_VERSION + 1)
    first.write_bytes(texts[first] + CHANGED.encode())
    rebuild(None)
    monkeypatch.undo()
    rebuild(None)  # the table of that code is not this code's
    first.write_bytes(texts[first])
    rebuild(True)
