"""One change, three ways to the outputs: a rebuild in a new process (``kg build`` again
with its cache), a ``--watch`` rebuild and a build from scratch write the same bytes
(Turtle, N-Triples, the page), and both rebuilds redo only the changed document's
pieces (counted, not timed): its RDF fragments and its view piece."""

from __future__ import annotations

import shutil
from pathlib import Path

from kg.build import build, watch
from tests.corpus import law_sample

STEP = 400
FORMATS = ("ttl", "nt", "html")
NAMES = ("graph.ttl", "graph.nt", "graph.html")
ADDED = "\n\n第八十八条　本办法自发布之日起施行，由国务院有关部门负责解释。\n"


def _outputs(out: Path) -> dict[str, bytes]:
    return {name: (out / name).read_bytes() for name in NAMES}


def _few_rebuilt(r, n: int) -> None:
    assert r.docs_extracted == 1
    # the changed document's pieces, and at most a few whose kept examples or merged
    # entities changed with it (two fragment formats)
    assert 2 <= r.fragments["document_fragments_built"] <= 6
    assert r.fragments["document_fragments_cached"] == 2 * n - r.fragments[
        "document_fragments_built"
    ]
    assert 1 <= r.fragments["view_pieces_built"] <= 3
    assert r.fragments["view_pieces_reused"] == n - r.fragments["view_pieces_built"]


def test_new_process_watch_and_scratch_write_the_same_bytes(tmp_path: Path) -> None:
    corpus = tmp_path / "laws"
    laws = law_sample(corpus, STEP)
    victim = laws[len(laws) // 2]
    original = victim.read_bytes()
    options = {"formats": FORMATS, "fast_export": True, "quiet": True}

    # a rebuild in a new process (a OneShot build with the cache of the last one)
    out = tmp_path / "incremental"
    first = build([corpus], out, workers=2, cache_dir=out / ".cache", **options)
    n = first.docs_read
    assert n >= 6
    with victim.open("a", encoding="utf-8") as f:
        f.write(ADDED)
    r = build([corpus], out, workers=2, cache_dir=out / ".cache", **options)
    _few_rebuilt(r, n)
    incremental = _outputs(out)

    # a --watch rebuild after the same change
    victim.write_bytes(original)
    wout = tmp_path / "watch"
    reports, pages = [], []

    def on_report(rep) -> None:
        reports.append(rep)
        if len(reports) == 1:
            with victim.open("a", encoding="utf-8") as f:
                f.write(ADDED)
        else:
            pages.append(_outputs(wout))

    watch([corpus], wout, workers=2, cache_dir=wout / ".cache", interval=0.05,
          on_report=on_report, max_builds=2, **options)  # fmt: skip
    assert len(reports) == 2 and reports[0].docs_read == n
    _few_rebuilt(reports[1], n)

    # from scratch, no cache
    ref = tmp_path / "scratch"
    shutil.rmtree(ref, ignore_errors=True)
    build([corpus], ref, workers=1, **options)
    scratch = _outputs(ref)
    for name in NAMES:
        assert incremental[name] == scratch[name], name
        assert pages[0][name] == scratch[name], name
