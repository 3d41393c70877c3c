"""One change, three ways to the outputs: a rebuild in a new process (``kg build`` run
again with its cache), a ``--watch`` rebuild and a build from scratch write the same bytes
(Turtle, N-Triples, the page). The new process extracts the changed document only; the
``--watch`` rebuild redoes only that document's pieces (counted, not timed): its RDF
fragments and its view piece. ``kg build`` writes Turtle from per-document fragments,
which are what the rebuilds reuse."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from kg.build import build, watch
from tests.corpus import law_sample

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]
STEP = 34
FORMATS = ("ttl", "nt", "html")
NAMES = ("graph.ttl", "graph.nt", "graph.html")
# invented, in the form of a law's last article
ADDED = "\n\n第九十九条　本办法自公布之日起施行，由国务院有关主管部门负责解释。\n"


def _outputs(out: Path) -> dict[str, bytes]:
    return {name: (out / name).read_bytes() for name in NAMES}


def _kg_build(corpus: Path, out: Path) -> str:
    """``kg build`` in a new process (this checkout's ``kg``); its summary."""
    cmd = [sys.executable, "-m", "kg.cli", "build", str(corpus), "--out", str(out),
           "--workers", "2", *(a for f in FORMATS for a in ("-f", f))]  # fmt: skip
    path = os.pathsep.join(p for p in (str(ROOT), os.environ.get("PYTHONPATH")) if p)
    env = {**os.environ, "PYTHONPATH": path, "PYTHONWARNINGS": "ignore"}
    proc = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=900)
    assert proc.returncode == 0, proc.stderr
    return proc.stderr


def test_new_process_watch_and_scratch_write_the_same_bytes(tmp_path: Path) -> None:
    corpus = tmp_path / "laws"
    laws = law_sample(corpus, STEP)
    n = len(laws)
    victim = laws[len(laws) // 2]
    original = victim.read_bytes()

    # a rebuild in a new process (kg build again, with the cache of the last one)
    out = tmp_path / "incremental"
    _kg_build(corpus, out)
    with victim.open("a", encoding="utf-8") as f:
        f.write(ADDED)
    summary = _kg_build(corpus, out)
    assert re.search(rf"documents read: {n}, failed: 0, from cache: {n - 1}\b", summary), summary
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
          on_report=on_report, max_builds=2, formats=FORMATS, quiet=True)  # fmt: skip
    assert len(reports) == 2 and reports[0].docs_read == n
    r = reports[1]
    assert r.docs_extracted == 1
    # the changed document's pieces, and at most a few whose kept examples or merged
    # entities changed with it (two fragment formats)
    built = r.fragments["document_fragments_built"]
    assert 2 <= built <= 6
    assert r.fragments["document_fragments_cached"] == 2 * n - built
    assert 1 <= r.fragments["view_pieces_built"] <= 3
    assert r.fragments["view_pieces_reused"] == n - r.fragments["view_pieces_built"]

    # from scratch, no cache
    ref = tmp_path / "scratch"
    build([corpus], ref, workers=1, formats=FORMATS, quiet=True)
    scratch = _outputs(ref)
    for name in NAMES:
        assert incremental[name] == scratch[name], name
        assert pages[0][name] == scratch[name], name
