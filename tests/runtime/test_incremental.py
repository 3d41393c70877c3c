"""Incremental builds: after one document changed, was added or was removed, a rebuild
extracts only that document (``BuildReport.docs_extracted``), reads only the files whose
size or mtime changed (``files_unchanged``), and writes the graph a clean build writes.
"""

from __future__ import annotations

import json
import os
import pickle
import shutil
import time
from pathlib import Path

import pyoxigraph as ox
import pytest

import kg.fingerprint as fingerprint
from kg.build import SAMPLE_DIR, build
from kg.model import Document
from kg.runtime.manifest import BuildState, iter_inputs

FORMATS = ("ttl", "nt")

LAWS = [
    (
        "a/网络安全法.md",
        "# 中华人民共和国网络安全法\n\n第一条 为了保障网络安全，制定本法。"
        "国家网信部门负责统筹协调网络安全工作。工业和信息化部依照本法负责网络安全保护工作。",
    ),
    (
        "a/数据安全法.md",
        "# 中华人民共和国数据安全法\n\n第一条 国务院有关部门依照本法履行职责。"
        "中国与泰国、以色列开展数据安全合作。",
    ),
    ("b/报告.md", "# 报告\n\n2015年5月，中国与联合国教科文组织合作在青岛举办国际教育信息化大会。"),
    (
        "b/论坛.md",
        "# 论坛\n\n7月23日，工业和信息化部总经济师许科敏在2022世界青年发展论坛上表示，"
        "中国工业和信息化部深入贯彻落实“一带一路”发展战略。",
    ),
]


def old_mtime(path: Path) -> None:
    """Files written a minute ago: not "racily clean" for the manifest."""
    t = time.time() - 60
    os.utime(path, (t, t))


def make_corpus(root: Path) -> Path:
    for name, text in LAWS:
        p = root / name
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(text, encoding="utf-8")
        old_mtime(p)
    shutil.copytree(SAMPLE_DIR, root / "sample")
    for p in (root / "sample").iterdir():
        old_mtime(p)
    rec = [
        {
            "id": f"r{i}",
            "title": f"报告{i}",
            "text": f"国务院第{i}次常务会议在北京召开，工信部参加。",
        }
        for i in range(3)
    ]
    (root / "reports.jsonl").write_text(
        "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rec), encoding="utf-8"
    )
    old_mtime(root / "reports.jsonl")
    return root


def triples(path: Path) -> set[tuple[str, str, str]]:
    fmt = ox.RdfFormat.TURTLE if path.suffix == ".ttl" else ox.RdfFormat.N_TRIPLES
    return {
        (str(q.subject), str(q.predicate), str(q.object))
        for q in ox.parse(path=str(path), format=fmt)
    }


def run(corpus: Path, out: Path, **kw):
    kw.setdefault("workers", 1)
    return build(
        [corpus], out, cache_dir=out / ".cache", quiet=True, formats=FORMATS, fast_export=True, **kw
    )


def assert_same_as_clean(corpus: Path, out: Path, tmp_path: Path) -> None:
    clean = tmp_path / f"clean{time.perf_counter_ns()}"
    build([corpus], clean, workers=1, quiet=True, formats=FORMATS, fast_export=False)
    for fmt in FORMATS:
        assert triples(out / f"graph.{fmt}") == triples(clean / f"graph.{fmt}"), fmt


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    return make_corpus(tmp_path / "corpus")


@pytest.fixture
def built(corpus: Path, tmp_path: Path) -> Path:
    out = tmp_path / "out"
    first = run(corpus, out)
    assert first.docs_extracted == first.docs_read == 9 and first.docs_cached == 0
    again = run(corpus, out)
    assert again.docs_extracted == 0 and again.docs_cached == 9
    assert again.files_unchanged == 7  # every file skipped by its size and mtime
    return out


def test_changed_document_is_the_only_one_extracted(
    corpus: Path, built: Path, tmp_path: Path
) -> None:
    p = corpus / "a" / "数据安全法.md"
    p.write_text(p.read_text(encoding="utf-8") + "国家发展改革委负责实施。", encoding="utf-8")
    r = run(corpus, built)
    assert (r.docs_extracted, r.docs_cached, r.files_unchanged) == (1, 8, 6)
    assert r.fragments["fragments_built"] >= 1
    assert_same_as_clean(corpus, built, tmp_path)


def test_added_document_is_the_only_one_extracted(
    corpus: Path, built: Path, tmp_path: Path
) -> None:
    (corpus / "a" / "新法.md").write_text("# 新法\n\n第一条 商务部负责实施本法。", encoding="utf-8")
    r = run(corpus, built)
    assert (r.docs_read, r.docs_extracted, r.docs_cached) == (10, 1, 9)
    assert_same_as_clean(corpus, built, tmp_path)


def test_removed_document_extracts_nothing(corpus: Path, built: Path, tmp_path: Path) -> None:
    (corpus / "b" / "论坛.md").unlink()
    r = run(corpus, built)
    assert (r.docs_read, r.docs_extracted, r.docs_cached) == (8, 0, 8)
    assert_same_as_clean(corpus, built, tmp_path)


def test_touched_but_unchanged_file_is_read_not_extracted(corpus: Path, built: Path) -> None:
    os.utime(corpus / "b" / "报告.md")
    r = run(corpus, built)
    assert (r.docs_extracted, r.docs_cached, r.files_unchanged) == (0, 9, 6)


def test_one_changed_jsonl_record_is_the_only_one_extracted(
    corpus: Path, built: Path, tmp_path: Path
) -> None:
    p = corpus / "reports.jsonl"
    lines = p.read_text(encoding="utf-8").splitlines(keepends=True)
    rec = json.loads(lines[1])
    rec["text"] += "商务部也参加了会议。"
    lines[1] = json.dumps(rec, ensure_ascii=False) + "\n"
    p.write_text("".join(lines), encoding="utf-8")
    r = run(corpus, built)
    assert (r.docs_extracted, r.docs_cached) == (1, 8)
    assert_same_as_clean(corpus, built, tmp_path)


def test_parallel_incremental_build(corpus: Path, built: Path, tmp_path: Path) -> None:
    p = corpus / "b" / "报告.md"
    p.write_text(p.read_text(encoding="utf-8") + "\n\n中国与泰国开展合作。", encoding="utf-8")
    r = run(corpus, built, workers=2)
    assert (r.docs_extracted, r.docs_cached) == (1, 8)
    assert_same_as_clean(corpus, built, tmp_path)


def test_new_pipeline_version_extracts_everything_again(
    corpus: Path, built: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(fingerprint, "code_version", lambda: "another-version")
    r = run(corpus, built)
    assert (r.docs_extracted, r.files_unchanged) == (9, 0)


def test_damaged_cache_costs_time_not_correctness(
    corpus: Path, built: Path, tmp_path: Path
) -> None:
    for name in ("results.pack", "fragments.pack"):
        with (built / ".cache" / name).open("r+b") as f:
            f.truncate(100)
    r = run(corpus, built)
    assert r.docs_read == 9
    assert_same_as_clean(corpus, built, tmp_path)
    (built / ".cache" / "manifest.bin").write_bytes(b"not a manifest")
    (built / ".cache" / "results.pack.idx").write_bytes(pickle.dumps("nonsense"))
    r = run(corpus, built)
    assert r.docs_extracted == 9
    assert_same_as_clean(corpus, built, tmp_path)


def test_racily_clean_file_is_read_again(corpus: Path, built: Path) -> None:
    """Modified again within the file system's timestamp granularity, with the same size:
    size and mtime match the manifest, but the mtime is too close to the moment the last
    build took its snapshot to be trusted, so the file is read (and found changed)."""
    p = corpus / "a" / "网络安全法.md"
    mtime = time.time_ns()
    os.utime(p, ns=(mtime, mtime))
    assert run(corpus, built).docs_extracted == 0  # the manifest records this mtime
    p.write_text(p.read_text(encoding="utf-8").replace("制定本法", "制定此法"), encoding="utf-8")
    os.utime(p, ns=(mtime, mtime))  # same size, same mtime
    assert run(corpus, built).docs_extracted == 1


def test_manifest_iteration_gives_the_documents_of_iter_documents(tmp_path: Path) -> None:
    """Same ids (clashes renamed ~2), same order, files reached twice read once."""
    from kg.ingest import iter_documents

    root = tmp_path / "c"
    (root / "x").mkdir(parents=True)
    (root / "x" / "a.txt").write_text("工信部表示。", encoding="utf-8")
    (root / "x" / "a.md").write_text("# 甲\n\n商务部表示。", encoding="utf-8")
    (root / "x" / "b.md").write_text("国务院表示。", encoding="utf-8")
    os.symlink(root / "x" / "b.md", root / "x" / "c.md")
    (root / "x" / "bad.txt").write_bytes(b"")
    inputs = [root, root / "x" / "a.md"]
    want = [(d.id, d.text) if isinstance(d, Document) else str(d) for d in iter_documents(inputs)]
    for _ in range(2):  # first reading everything, then from the manifest
        state = BuildState(tmp_path / "cache", "fp")
        state.taken_ns = time.time_ns() + 10**10  # trust every file (not racily clean)
        got = []
        for item in iter_inputs(inputs, state):
            if isinstance(item, Document):
                got.append((item.id, item.text))
            elif hasattr(item, "doc"):
                got.append((item.doc.id, item.doc.text))
            elif hasattr(item, "key"):
                got.append((item.doc_id, want[len(got)][1]))
            else:
                got.append(str(item))
            if hasattr(item, "key"):
                state.results.put(item.key, b"x")
        state.close()
        assert got == want


def test_cli_rebuild_in_a_real_process_extracts_one_document_and_matches_clean(
    corpus: Path, tmp_path: Path
) -> None:
    """The command line path: a worker forked at start-up restores the pipeline from its
    snapshot under the cache folder, the process ends early (``os._exit``) after printing
    its summary, and the rebuilt graph equals a clean build's."""
    import subprocess
    import sys

    out = tmp_path / "out"
    cmd = [sys.executable, "-m", "kg.cli", "build", str(corpus), "--out", str(out),
           "--workers", "2", "-f", "ttl", "-f", "nt"]  # fmt: skip
    first = subprocess.run(cmd, capture_output=True, text=True, timeout=600)
    assert first.returncode == 0, first.stderr
    assert list((out / ".cache" / "pipeline").glob("pipeline-*.pkl"))
    p = corpus / "a" / "数据安全法.md"
    p.write_text(p.read_text(encoding="utf-8") + "国家发展改革委负责实施。", encoding="utf-8")
    again = subprocess.run(cmd, capture_output=True, text=True, timeout=600)
    assert again.returncode == 0, again.stderr
    assert "documents read: 9, failed: 0, from cache: 8" in again.stderr
    assert "wrote: " in again.stderr  # the summary's last line got out before the exit
    assert_same_as_clean(corpus, out, tmp_path)


def _spy_fork(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, ...]]:
    import kg.runtime.outputs as B

    calls: list[tuple[str, ...]] = []
    real = B.fork_writer

    def spy(fmts, *a):
        calls.append(tuple(fmts))
        return real(fmts, *a)

    monkeypatch.setattr(B, "fork_writer", spy)
    # threads other tests left in this process (not in a `kg build` one) would stop the fork
    monkeypatch.setattr(B, "fork_safe", lambda: True)
    return calls


def test_fork_is_safe_beside_an_idle_pool_only() -> None:
    """A writer is forked only when no thread but the main one runs: an idle worker pool
    (its tasks done) leaves none."""
    import subprocess
    import sys
    import threading

    code = (
        "from kg.runtime.outputs import fork_safe\n"
        "from kg.runtime.workers import Pools\n"
        "a = fork_safe()\n"
        "p = Pools(1); p.submit(int, 1).result()\n"
        "b = fork_safe(); p.shutdown(); print(a, b)\n"
    )
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                       timeout=120, check=True)  # fmt: skip
    assert r.stdout.split() == ["True", "True"]
    from kg.runtime.outputs import fork_safe

    done = threading.Event()
    t = threading.Thread(target=done.wait, name="someone-elses-thread")
    t.start()
    try:
        assert not fork_safe()
    finally:
        done.set()
        t.join()


def _html_build(corpus: Path, out: Path, workers: int):
    return build([corpus], out, cache_dir=out / ".cache", quiet=True, formats=("ttl", "html"),
                 fast_export=True, workers=workers)  # fmt: skip


def test_small_rebuild_writes_the_view_in_a_forked_child_and_the_same_page(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """After a small parallel rebuild the workers are stopped and graph.html is written by
    a forked child while Turtle is written here: the page is the page one process writes."""
    out = tmp_path / "out"
    _html_build(corpus, out, workers=2)
    p = corpus / "b" / "论坛.md"
    p.write_text(p.read_text(encoding="utf-8") + "\n\n商务部与泰国开展合作。", encoding="utf-8")
    forks = _spy_fork(monkeypatch)
    r = _html_build(corpus, out, workers=2)
    assert forks == [("html",)]
    assert r.docs_extracted == 1 and "graph" in r.timings
    single = tmp_path / "single"
    _html_build(corpus, single, workers=1)  # no workers: the view is written in-process
    assert (out / "graph.html").read_bytes() == (single / "graph.html").read_bytes()
    assert triples(out / "graph.ttl") == triples(single / "graph.ttl")


def test_failing_forked_view_writer_falls_back_to_this_process(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import kg.runtime.outputs as B

    parent = os.getpid()
    real = B.write_one

    def child_fails(fmt, graph, dest, max_html_nodes, view=None):
        if os.getpid() != parent:
            raise RuntimeError("the child fell over")
        return real(fmt, graph, dest, max_html_nodes, view)

    out = tmp_path / "out"
    _html_build(corpus, out, workers=2)
    monkeypatch.setattr(B, "write_one", child_fails)
    forks = _spy_fork(monkeypatch)
    (corpus / "a" / "新法.md").write_text("# 新法\n\n第一条 商务部负责实施本法。", encoding="utf-8")
    r = _html_build(corpus, out, workers=2)
    assert forks == [("html",)] and r.docs_extracted == 1
    single = tmp_path / "single"
    _html_build(corpus, single, workers=1)
    assert (out / "graph.html").read_bytes() == (single / "graph.html").read_bytes()


def test_watch_rebuilds_after_a_change_with_the_workers_kept(
    corpus: Path, tmp_path: Path
) -> None:
    """``kg build --watch``: a first build, then (a document changed) a rebuild that
    extracts only that document in the workers kept from the first build, and whose graph
    is the graph of a clean build."""
    from kg.build import watch

    out = tmp_path / "out"
    reports = []
    p = corpus / "a" / "数据安全法.md"

    def on_report(r) -> None:
        reports.append(r)
        if len(reports) == 1:
            p.write_text(p.read_text(encoding="utf-8") + "国家发展改革委负责实施。",
                         encoding="utf-8")  # fmt: skip

    n = watch([corpus], out, workers=2, cache_dir=out / ".cache", interval=0.05,
              on_report=on_report, max_builds=2, quiet=True, formats=FORMATS,
              fast_export=True)  # fmt: skip
    assert n == 2
    assert [(r.docs_extracted, r.docs_cached) for r in reports] == [(9, 0), (1, 8)]
    assert_same_as_clean(corpus, out, tmp_path)


def test_watch_stops_when_told_and_waits_for_changes_in_between(
    corpus: Path, tmp_path: Path
) -> None:
    import threading

    from kg.build import watch

    out = tmp_path / "out"
    stop = threading.Event()
    reports = []
    timer = threading.Timer(1.5, stop.set)
    timer.start()
    try:
        n = watch([corpus], out, workers=1, cache_dir=out / ".cache", interval=0.05,
                  on_report=reports.append, stop=stop, quiet=True, formats=FORMATS)  # fmt: skip
    finally:
        timer.cancel()
    assert n == 1 and len(reports) == 1  # nothing changed: no second build


def test_resident_builds_keep_memos_and_leave_housekeeping_to_the_caller(
    corpus: Path, tmp_path: Path
) -> None:
    """What ``kg build --watch`` asks of each build: results and fragments kept in memory,
    the files the same as a fresh build's, the staging folder's deletion waited for and the
    manifest saved by ``run_pending`` once the report was used (and the cache lock
    released by it)."""
    from kg.build import Resident

    policy = Resident()
    out = tmp_path / "out"
    law = corpus / "a" / "网络安全法.md"
    for i in range(3):
        if i:
            law.write_text(law.read_text(encoding="utf-8") + "国家发展改革委负责实施。" * i,
                           encoding="utf-8")  # fmt: skip
            old_mtime(law)
        r = build([corpus], out, cache_dir=out / ".cache", workers=1, quiet=True,
                  formats=(*FORMATS, "html"), fast_export=True,
                  policy=policy)  # fmt: skip
        assert r.docs_extracted == (r.docs_read if i == 0 else 1)
        assert r.pending  # (the staging folder is deleted by a thread, waited for there)
        r.run_pending()
        assert not any(p.name.startswith(".kg-staging-") for p in out.iterdir())
        fresh = tmp_path / f"fresh{i}"
        build([corpus], fresh, workers=1, quiet=True, formats=(*FORMATS, "html"),
              fast_export=True)  # fmt: skip
        for fmt in (*FORMATS, "html"):
            assert (out / f"graph.{fmt}").read_bytes() == (fresh / f"graph.{fmt}").read_bytes()
    assert len(policy.memos["results"]) == r.docs_read
