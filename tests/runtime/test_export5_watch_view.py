"""``--watch`` keeps the view's text pieces between builds: after one changed document
the forked view writer renders that document's piece only (counted, not timed) and hands
its pieces back, and the page is byte for byte the one a build from scratch writes."""

from __future__ import annotations

import filecmp
import shutil
from pathlib import Path

import pytest

from kg.build import build, watch
from tests.corpus import law_sample

# processes, pipeline snapshots or whole builds: `make test`, not the inner loop (`make test-fast`)
pytestmark = pytest.mark.slow

STEP = 500


def test_watch_renders_the_changed_documents_view_piece_only(tmp_path: Path) -> None:
    corpus = tmp_path / "laws"
    laws = law_sample(corpus, STEP)
    out = tmp_path / "out"
    victim = laws[len(laws) // 2]
    reports, pages = [], []

    def on_report(r) -> None:
        reports.append(r)
        pages.append(((out / "graph.html").read_bytes(), victim.read_bytes()))
        if len(reports) < 3:
            with victim.open("a", encoding="utf-8") as f:  # a new sentence each time
                f.write(f"\n\n本规定第{len(reports)}条由国务院负责解释，生态环境部组织实施。\n")

    watch([corpus], out, workers=2, cache_dir=out / ".cache", interval=0.05,
          on_report=on_report, max_builds=3, formats=("ttl", "html"), fast_export=True,
          quiet=True)  # fmt: skip
    n = reports[0].docs_read
    assert reports[0].fragments["view_pieces_built"] == n
    for r in reports[1:]:
        assert r.docs_extracted == 1
        # the changed document's piece, and at most a few whose kept examples changed
        assert 1 <= r.fragments["view_pieces_built"] <= 3
        assert r.fragments["view_pieces_reused"] >= n - 3
    for page, text in pages[1:]:
        victim.write_bytes(text)
        ref = tmp_path / "ref"
        shutil.rmtree(ref, ignore_errors=True)
        build([corpus], ref, workers=1, formats=("html",), quiet=True)
        assert page == (ref / "graph.html").read_bytes()
    assert filecmp.cmp(out / "graph.html", ref / "graph.html", shallow=False)
