"""The pipeline server (:mod:`kg.server`): a build leaves a loaded worker behind, the
next build on the same cache sends it the changed documents, and the graph is the one a
build without it writes."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

import kg.server as ks
from kg.build import build
from kg.extract_parallel import _extract_batch, decode_result, make_pools
from kg.model import Document
from tests.test_incremental import FORMATS, make_corpus, old_mtime, triples

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Linux sockets")

ROOT = Path(__file__).resolve().parent.parent
TEXT = "第二条 工业和信息化部会同国家发展改革委负责本条例的实施。"


def wait_for(cache: Path, timeout: float = 60.0) -> dict:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        info = ks.status(cache)
        if info is not None:
            return info
        time.sleep(0.1)
    raise AssertionError(f"no server for {cache} after {timeout} s")


@pytest.fixture
def cache(tmp_path: Path):
    folder = tmp_path / "out" / ".cache"
    yield folder
    ks.stop(folder)


def run(corpus: Path, out: Path, **kw):
    return build(
        [corpus], out, cache_dir=out / ".cache", quiet=True, formats=FORMATS,
        fast_export=True, **kw,
    )  # fmt: skip


def test_next_build_sends_the_changed_document_to_the_server_and_writes_the_same_graph(
    tmp_path: Path, cache: Path
) -> None:
    corpus = make_corpus(tmp_path / "corpus")
    out = cache.parent
    first = run(corpus, out, workers=2, server=True)
    assert first.server.startswith("started")
    info = wait_for(cache)
    assert info["version"] == ks.code_version()
    law = corpus / "a" / "网络安全法.md"
    law.write_text(law.read_text(encoding="utf-8") + TEXT, encoding="utf-8")
    old_mtime(law)
    again = run(corpus, out, workers=2, server=True)
    assert again.server == f"used (pid {info['pid']})"
    assert again.docs_extracted == 1 and again.docs_cached == first.docs_read - 1
    assert ks.status(cache)["served"] == 1
    clean = tmp_path / "clean"
    build([corpus], clean, workers=1, quiet=True, formats=FORMATS, server=False)
    for fmt in FORMATS:
        assert triples(out / f"graph.{fmt}") == triples(clean / f"graph.{fmt}"), fmt


def test_small_build_without_a_server_leaves_none_by_default(
    tmp_path: Path, cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("KG_SERVER", "1")
    corpus = make_corpus(tmp_path / "corpus")
    report = run(corpus, cache.parent, workers=1)
    assert report.server == "" and ks.status(cache) is None


def test_server_extracts_what_a_worker_extracts(tmp_path: Path, cache: Path) -> None:
    ks.start(cache, idle=60)
    wait_for(cache)
    client = ks.connect(cache, ks.code_version())
    assert client is not None
    docs = [Document("law", "# 中华人民共和国网络安全法\n\n" + TEXT)]
    got = client.submit(_extract_batch, docs, True).result(timeout=60)
    client.shutdown()
    here = _extract_batch(docs, True)
    assert [decode_result(g, True) for g in got] == [decode_result(h, True) for h in here]


def test_server_of_other_code_is_not_used_and_exits(cache: Path) -> None:
    ks.start(cache, idle=60)
    wait_for(cache)
    assert ks.connect(cache, "another-pipeline-version") is None
    deadline = time.monotonic() + 10
    while ks.status(cache) is not None and time.monotonic() < deadline:
        time.sleep(0.05)
    assert ks.status(cache) is None


def test_idle_server_exits_by_itself(cache: Path) -> None:
    ks.start(cache, idle=1.0)
    wait_for(cache)
    time.sleep(3.0)
    assert ks.status(cache) is None


def test_only_one_server_runs_per_cache_folder(cache: Path) -> None:
    first = ks.start(cache, idle=60)
    info = wait_for(cache)
    second = subprocess.run(
        [sys.executable, "-m", "kg.server", str(cache), "--idle", "60"],
        cwd=ROOT, capture_output=True, timeout=120,
    )  # fmt: skip
    assert second.returncode == 1  # the address is taken: it exits at once
    assert info["pid"] == first and ks.status(cache)["pid"] == first


def test_batches_fall_back_to_a_local_worker_when_the_server_is_gone(cache: Path) -> None:
    ks.start(cache, idle=60)
    wait_for(cache)
    client = ks.connect(cache, ks.code_version())
    assert client is not None
    assert ks.stop(cache)
    pools = make_pools(2, prestart=False, server=client)
    try:
        docs = [Document("d", "工信部表示。")]
        got = pools.submit(_extract_batch, docs, False).result(timeout=120)
        assert decode_result(got[0]).entities == decode_result(_extract_batch(docs)[0]).entities
        assert not client.alive
    finally:
        pools.shutdown(kill=True)


def test_cli_server_status_and_stop(tmp_path: Path, cache: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    kg = [sys.executable, "-m", "kg.cli", "server"]
    args = ["--cache-dir", str(cache)]
    none = subprocess.run([*kg, "status", *args], capture_output=True, text=True, env=env)
    assert none.returncode == 1 and "no pipeline server" in none.stdout
    pid = ks.start(cache, idle=60)
    wait_for(cache)
    up = subprocess.run([*kg, "status", *args], capture_output=True, text=True, env=env)
    assert up.returncode == 0 and f'"pid": {pid}' in up.stdout
    down = subprocess.run([*kg, "stop", *args], capture_output=True, text=True, env=env)
    assert down.returncode == 0 and "stopped the pipeline server" in down.stdout
    assert ks.status(cache) is None


def kg_build(
    args: list[str], cwd: Path, umask: int | None = None
) -> subprocess.CompletedProcess[str]:
    """The ``kg build`` program as a user runs it (servers allowed)."""
    env = {**os.environ, "PYTHONPATH": str(ROOT), "KG_SERVER": "1"}
    return subprocess.run(
        [sys.executable, "-m", "kg.launch", "build", *args],
        cwd=cwd, capture_output=True, text=True, env=env, timeout=300,
        preexec_fn=None if umask is None else (lambda: os.umask(umask)),
    )  # fmt: skip


def test_files_the_server_writes_get_the_permissions_the_clients_umask_gives(
    tmp_path: Path, cache: Path
) -> None:
    make_corpus(tmp_path / "corpus")
    ks.start(cache, cache / "pipeline", idle=120)
    wait_for(cache)
    for umask, mode in ((0o077, 0o600), (0o022, 0o644)):
        done = kg_build(["corpus", "--out", "out", "-f", "ttl", "-f", "html"], tmp_path, umask)
        assert done.returncode == 0 and "built by the server" in done.stderr, done.stderr
        for name in ("graph.ttl", "graph.html"):
            assert (cache.parent / name).stat().st_mode & 0o777 == mode, (name, oct(umask))


def test_kg_build_command_is_run_by_the_server_and_writes_the_same_graph(
    tmp_path: Path, cache: Path
) -> None:
    corpus = make_corpus(tmp_path / "corpus")
    ks.start(cache, cache / "pipeline", idle=120)
    pid = wait_for(cache)["pid"]
    args = ["corpus", "--out", "out", "-f", "ttl", "-f", "nt"]  # relative to the client's cwd
    first = kg_build(args, tmp_path)
    assert first.returncode == 0, first.stderr
    assert f"built by the server (pid {pid})" in first.stderr
    law = corpus / "a" / "网络安全法.md"
    law.write_text(law.read_text(encoding="utf-8") + TEXT, encoding="utf-8")
    old_mtime(law)
    again = kg_build(args, tmp_path)
    assert again.returncode == 0, again.stderr
    assert f"built by the server (pid {pid})" in again.stderr
    assert "from cache: " in again.stderr
    here = kg_build(["corpus", "--out", "clean", "-f", "ttl", "-f", "nt", "--no-server"], tmp_path)
    assert here.returncode == 0 and "built by the server" not in here.stderr
    for fmt in FORMATS:
        got, want = cache.parent / f"graph.{fmt}", tmp_path / "clean" / f"graph.{fmt}"
        assert triples(got) == triples(want), fmt


def test_server_reports_a_bad_input_file_by_name_and_builds_the_others(
    tmp_path: Path, cache: Path
) -> None:
    corpus = make_corpus(tmp_path / "corpus")
    (corpus / "broken.txt").write_bytes(b"\x00\x01\x02binary\xff\xfe" * 50)
    ks.start(cache, cache / "pipeline", idle=120)
    wait_for(cache)
    run = kg_build(["corpus", "--out", "out", "-f", "ttl"], tmp_path)
    assert run.returncode == 0, run.stderr
    assert "broken.txt" in run.stderr and "built by the server" in run.stderr
    missing = kg_build(["no-such-folder", "--out", "out", "-f", "ttl"], tmp_path)
    assert missing.returncode == 1 and "no-such-folder" in missing.stderr


def test_unknown_options_and_watch_are_not_handed_to_the_server(tmp_path: Path) -> None:
    assert ks.build_cache_dir(["build", "x", "--watch"]) is None
    assert ks.build_cache_dir(["build", "x", "--no-server"]) is None
    assert ks.build_cache_dir(["build", "x", "--bogus"]) is None
    assert ks.build_cache_dir(["build", "x", "-o", "o", "--workers", "2"]) == "o/.cache"
    bad = kg_build(["--bogus"], tmp_path)  # typer, in this process, says what is wrong
    assert bad.returncode == 2 and "bogus" in bad.stderr


def test_what_a_server_keeps_between_builds_gives_the_same_files_as_a_fresh_build(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    corpus = make_corpus(tmp_path / "corpus")
    monkeypatch.setattr(ks, "_SERVING", [os.getpid()])  # this process plays the server
    monkeypatch.setattr(ks, "_MEMOS", {})
    out = tmp_path / "out"
    law = corpus / "a" / "网络安全法.md"
    for i in range(3):
        if i:
            law.write_text(law.read_text(encoding="utf-8") + TEXT * i, encoding="utf-8")
            old_mtime(law)
        kept = build([corpus], out, cache_dir=out / ".cache", workers=1, quiet=True,
                     formats=FORMATS, fast_export=True, server=False)  # fmt: skip
        ks._release_memory()  # as the server does once its client has the answer
        assert kept.server.startswith("built by the server")
        assert kept.docs_extracted == (kept.docs_read if i == 0 else 1)
        fresh = tmp_path / f"fresh{i}"
        build([corpus], fresh, workers=1, quiet=True, formats=FORMATS, fast_export=True,
              server=False)  # fmt: skip
        for fmt in FORMATS:
            assert (out / f"graph.{fmt}").read_bytes() == (fresh / f"graph.{fmt}").read_bytes()
    folder = os.path.realpath(out / ".cache")
    assert set(ks._MEMOS[folder]) == {"results", "fragments-ttl", "fragments-nt"}
    assert len(ks._MEMOS[folder]["results"]) == kept.docs_read
