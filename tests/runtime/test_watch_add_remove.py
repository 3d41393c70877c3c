"""``--watch`` rebuilds after a document is added and after one is removed write byte for
byte what a build from scratch writes (the view's pieces and the RDF fragments taken from
the memos of the builds before), on a small sample of the public-domain law corpus."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from kg.build import build, watch
from tests.corpus import law_sample
from tests.runtime.samples import assert_same_outputs

pytestmark = pytest.mark.slow

STEP = 400
FORMATS = ("ttl", "html")
# invented, in the form of a short regulation: bodies, a law, a programme
ADDED = ("# 某市河道保护办法\n\n"
         "第一条　为加强河道保护，根据《中华人民共和国水法》，制定本办法。\n\n"
         "第二条　市水务局会同市生态环境局组织实施河湖长制，市人民政府负责解释。\n")  # fmt: skip


def test_watch_after_an_added_and_a_removed_document_writes_what_scratch_writes(
    tmp_path: Path,
) -> None:
    corpus = tmp_path / "laws"
    laws = law_sample(corpus, STEP)
    out = tmp_path / "out"
    added = corpus / "added" / "某市河道保护办法.md"
    removed = laws[len(laws) // 2]
    original = removed.read_bytes()
    reports, kept = [], []

    def on_report(r) -> None:
        reports.append(r)
        keep = tmp_path / f"watch{len(reports)}"
        # (a staging folder may be being deleted meanwhile: not an output)
        shutil.copytree(out, keep, ignore=shutil.ignore_patterns(".cache", ".kg-staging-*"))
        kept.append(keep)
        if len(reports) == 1:
            added.parent.mkdir()
            added.write_text(ADDED, encoding="utf-8")
        elif len(reports) == 2:
            removed.unlink()

    watch([corpus], out, workers=2, cache_dir=out / ".cache", interval=0.05,
          on_report=on_report, max_builds=3, formats=FORMATS, quiet=True)  # fmt: skip
    n = reports[0].docs_read
    assert [r.docs_read for r in reports] == [n, n + 1, n]
    assert [r.docs_extracted for r in reports][1:] == [1, 0]
    # the last state (one added, one removed), then the state before the removal
    ref = tmp_path / "ref"
    build([corpus], ref, workers=1, formats=FORMATS, quiet=True)
    assert_same_outputs(kept[2], ref)
    shutil.rmtree(ref)
    removed.write_bytes(original)
    build([corpus], ref, workers=1, formats=FORMATS, quiet=True)
    assert_same_outputs(kept[1], ref)
