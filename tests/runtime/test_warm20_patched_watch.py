"""A ``--watch`` whose resolution patches the last build's entity table (kept in
memory) writes byte for byte what a build from scratch writes, after each step of a
sequence of changed, added and removed documents (a small sample of the public-domain
law corpus; the added text is our own wording)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from kg.build import build, watch
from kg.export.formats import ALL_FORMATS
from tests.corpus import law_sample
from tests.runtime.samples import ADDED_REGULATION, APPENDED_ARTICLE, assert_same_outputs

pytestmark = pytest.mark.slow

STEP = 500
FORMATS = ALL_FORMATS  # every output
ADDED = ADDED_REGULATION
# a changed law: a body and a law named at its end
CHANGED = APPENDED_ARTICLE


def test_patched_watch_writes_what_a_build_from_scratch_writes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    patched: list[bool | None] = []
    corpus = tmp_path / "laws"
    laws = law_sample(corpus, STEP)
    first, mid, last = laws[0], laws[len(laws) // 2], laws[-1]
    added = corpus / "added" / "某市河道保护办法.md"
    texts = {p: p.read_bytes() for p in (first, mid, last)}
    out = tmp_path / "out"

    # each step: what to do to the inputs once the build before it reported
    def change_first() -> None:
        first.write_bytes(texts[first] + CHANGED.encode())

    def add() -> None:
        added.parent.mkdir()
        added.write_text(ADDED, encoding="utf-8")

    def remove_mid() -> None:
        mid.unlink()

    def change_added_and_last() -> None:
        added.write_text(ADDED + CHANGED, encoding="utf-8")
        last.write_bytes(texts[last] + CHANGED.encode())

    def restore() -> None:
        mid.write_bytes(texts[mid])
        first.write_bytes(texts[first])

    steps = [change_first, add, remove_mid, change_added_and_last, restore]
    states: list[dict[Path, bytes | None]] = []  # the inputs each kept output was built from
    kept: list[Path] = []

    def on_report(r) -> None:  # type: ignore[no-untyped-def]
        patched.append(r.table_patched)
        keep = tmp_path / f"watch{len(kept)}"
        # (a staging folder may be being deleted meanwhile: not an output)
        shutil.copytree(out, keep, ignore=shutil.ignore_patterns(".cache", ".kg-staging-*"))
        kept.append(keep)
        states.append({p: (p.read_bytes() if p.exists() else None)
                       for p in (*texts, added)})  # fmt: skip
        if len(kept) <= len(steps):
            steps[len(kept) - 1]()

    watch([corpus], out, workers=2, cache_dir=out / ".cache", interval=0.05,
          on_report=on_report, max_builds=len(steps) + 1, formats=FORMATS,
          quiet=True)  # fmt: skip
    assert len(kept) == len(steps) + 1
    assert patched[0] is None and all(patched[1:])  # every rebuild was patched
    ref = tmp_path / "ref"
    for keep, state in list(zip(kept, states, strict=True))[1:]:
        for p, data in state.items():
            if data is None:
                p.unlink(missing_ok=True)
            else:
                p.parent.mkdir(parents=True, exist_ok=True)
                p.write_bytes(data)
        if ref.exists():
            shutil.rmtree(ref)
        build([corpus], ref, workers=1, formats=FORMATS, quiet=True)
        assert_same_outputs(keep, ref)
