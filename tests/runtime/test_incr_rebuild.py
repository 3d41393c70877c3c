"""Rebuilds after one changed document write byte for byte what a build from scratch
writes: in a new build (``kg build`` again) and in ``--watch`` (one process, workers and
memos kept), on a small sample of the public-domain law corpus; and a rebuild re-renders
only the changed document's pieces (counted, not timed).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from kg.build import build, watch
from tests.corpus import law_sample
from tests.runtime.samples import assert_same_outputs

# processes, pipeline snapshots or whole builds: `make test`, not the inner loop (`make test-fast`)
pytestmark = pytest.mark.slow

#: law files taken from the corpus (every 400th, sorted: several folders and sizes)
STEP = 400
#: every format: the ones assembled from cached fragments and the ones written whole
FORMATS = ("ttl", "nt", "html", "trig", "nq", "jsonld", "graphml", "csv")


def change(path: Path, n: int) -> None:
    """A new paragraph (another one each time) that names bodies and a law."""
    with path.open("a", encoding="utf-8") as f:
        f.write(f"\n\n本规定第{n}条由国务院负责解释，《中华人民共和国行政许可法》另有规定的除外，"
                "生态环境部会同水利部组织实施。\n")


def scratch(corpus: Path, out: Path) -> None:
    """The reference: a build from scratch (fresh cache) of ``corpus`` as it is now."""
    shutil.rmtree(out, ignore_errors=True)
    build([corpus], out, workers=1, cache_dir=out / ".cache", formats=FORMATS,
          fast_export=True, quiet=True)  # fmt: skip


def test_a_new_build_after_one_change_writes_what_a_scratch_build_writes(
    tmp_path: Path,
) -> None:
    corpus = tmp_path / "laws"
    laws = law_sample(corpus, STEP)
    assert len(laws) >= 6
    out = tmp_path / "out"
    build([corpus], out, workers=1, cache_dir=out / ".cache", formats=FORMATS,
          fast_export=True, quiet=True)  # fmt: skip
    for n in (1, 2):
        change(laws[len(laws) // 2], n)
        r = build([corpus], out, workers=1, cache_dir=out / ".cache", formats=FORMATS,
                  fast_export=True, quiet=True)  # fmt: skip
        assert r.docs_extracted == 1
        scratch(corpus, tmp_path / "ref")
        assert_same_outputs(out, tmp_path / "ref")
    # nothing changed: the same files again
    r = build([corpus], out, workers=1, cache_dir=out / ".cache", formats=FORMATS,
              fast_export=True, quiet=True)  # fmt: skip
    assert r.docs_extracted == 0
    assert_same_outputs(out, tmp_path / "ref")


def test_watch_rebuilds_write_what_a_scratch_build_writes(tmp_path: Path) -> None:
    corpus = tmp_path / "laws"
    laws = law_sample(corpus, STEP)
    out = tmp_path / "out"
    victim = laws[len(laws) // 3]
    reports = []
    snapshots = []

    def on_report(r) -> None:
        reports.append(r)
        # each build's outputs, kept before the next change (the next build replaces them)
        keep = tmp_path / f"watch{len(reports)}"
        # (a staging folder may be being deleted meanwhile: not an output)
        shutil.copytree(out, keep, ignore=shutil.ignore_patterns(".cache", ".kg-staging-*"))
        snapshots.append((keep, victim.read_bytes()))
        if len(reports) < 3:
            change(victim, len(reports))

    watch([corpus], out, workers=2, cache_dir=out / ".cache", interval=0.05,
          on_report=on_report, max_builds=3, formats=FORMATS, fast_export=True,
          quiet=True)  # fmt: skip
    assert [r.docs_extracted for r in reports][1:] == [1, 1]
    for keep, text in snapshots[1:]:
        victim.write_bytes(text)
        scratch(corpus, tmp_path / "ref")
        assert_same_outputs(keep, tmp_path / "ref")


def test_a_rebuild_renders_only_the_changed_document_fragment(tmp_path: Path) -> None:
    corpus = tmp_path / "laws"
    laws = law_sample(corpus, STEP)
    out = tmp_path / "out"

    def again():
        return build([corpus], out, workers=1, cache_dir=out / ".cache", formats=("ttl",),
                     fast_export=True, quiet=True)  # fmt: skip

    first = again()
    n_docs = first.docs_read
    assert first.fragments["document_fragments_built"] == n_docs
    # a sentence that names nothing: the document's own fragment (its text changed), no
    # entity block
    with laws[0].open("a", encoding="utf-8") as f:
        f.write("\n\n本规定自公布之日起施行。\n")
    r = again()
    assert r.docs_extracted == 1
    assert r.fragments["document_fragments_built"] == r.fragments["fragments_built"] == 1
    assert r.fragments["document_fragments_cached"] == n_docs - 1
    # a paragraph naming bodies and a law: its fragment, the entity chunks whose counts
    # changed, and at most the documents whose kept examples of those entities changed
    change(laws[1], 1)
    r = again()
    assert 1 <= r.fragments["document_fragments_built"] <= 3
    assert r.fragments["fragments_cached"] >= n_docs - 3


def stamps(out: Path) -> dict[str, tuple[int, int]]:
    return {p.name: (p.stat().st_mtime_ns, p.stat().st_ino) for p in out.iterdir() if p.is_file()}


def test_a_rebuild_with_nothing_changed_writes_nothing_and_keeps_the_fragments(
    tmp_path: Path,
) -> None:
    corpus = tmp_path / "laws"
    laws = law_sample(corpus, STEP)
    out = tmp_path / "out"

    def again(formats=("ttl", "html")):
        return build([corpus], out, workers=1, cache_dir=out / ".cache", formats=formats,
                     fast_export=True, quiet=True)  # fmt: skip

    first = again()
    assert not first.outputs_unchanged
    before = stamps(out)
    r = again()
    assert r.outputs_unchanged and r.docs_extracted == 0
    assert "(up to date: not written again)" in r.summary()
    assert r.outputs == first.outputs
    assert stamps(out) == before  # not replaced
    # the fragments were kept as if read: a change after it renders one document's
    with laws[2].open("a", encoding="utf-8") as f:
        f.write("\n\n本规定自公布之日起施行。\n")
    r = again()
    assert not r.outputs_unchanged
    assert r.fragments["document_fragments_built"] == 1
    assert r.fragments["document_fragments_cached"] == r.docs_read - 1
    scratch_out = tmp_path / "ref"
    shutil.rmtree(scratch_out, ignore_errors=True)
    build([corpus], scratch_out, workers=1, cache_dir=scratch_out / ".cache",
          formats=("ttl", "html"), fast_export=True, quiet=True)  # fmt: skip
    assert_same_outputs(out, scratch_out)
    # an output changed by hand, or other options: written again
    with (out / "graph.html").open("ab") as f:
        f.write(b"\n")
    assert not again().outputs_unchanged
    assert_same_outputs(out, scratch_out)
    assert not again(("ttl",)).outputs_unchanged
    assert again(("ttl",)).outputs_unchanged
    (out / "graph.ttl").unlink()
    r = again(("ttl",))
    assert not r.outputs_unchanged and (out / "graph.ttl").is_file()
