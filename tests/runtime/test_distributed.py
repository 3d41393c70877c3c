"""Extraction on a Dask cluster builds the graph a local build builds.

A ``distributed.LocalCluster`` (two worker processes on 127.0.0.1) stands in for
``kg build --scheduler tcp://…``: the Dask build of the sample and of a 200-document slice
of ``../shared/corpus/laws`` must give exactly the local build's triples and nodes.
"""

from __future__ import annotations

import shutil
import time
from pathlib import Path

import pytest

from kg.build import SAMPLE_DIR, build, extract_graph
from kg.errors import KGError
from kg.export import rdf as R
from kg.runtime.dask import DaskExecutor, as_executor, connect

distributed = pytest.importorskip("distributed")

LAWS = Path(__file__).resolve().parents[3] / "shared" / "corpus" / "laws"
TIME_LIMIT_S = 240


@pytest.fixture(scope="module")
def client():
    cluster = distributed.LocalCluster(
        n_workers=2,
        threads_per_worker=1,
        processes=True,
        host="127.0.0.1",
        dashboard_address=None,
        silence_logs=50,
    )
    c = distributed.Client(cluster)
    try:
        yield c
    finally:
        c.close()
        cluster.close()


@pytest.fixture(scope="module")
def law_slice(tmp_path_factory) -> Path:
    if not LAWS.is_dir():
        pytest.skip("../shared/corpus is not there")
    dst = tmp_path_factory.mktemp("laws200")
    for p in sorted(LAWS.rglob("*.md"))[:200]:
        q = dst / p.relative_to(LAWS)
        q.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(p, q)
    return dst


def triples(G) -> list[tuple[str, str, str]]:
    return sorted({(s, p, o) for s, p, o, _ in R.iter_statements(G, named_graphs=False)})


@pytest.mark.parametrize("which", ["sample", "laws200"])
def test_dask_build_equals_local_build(client, which: str, law_slice: Path) -> None:
    inputs = [SAMPLE_DIR] if which == "sample" else [law_slice]
    t = time.perf_counter()
    remote = extract_graph(inputs, executor=client)
    assert time.perf_counter() - t < TIME_LIMIT_S
    local = extract_graph(inputs, workers=2)
    assert triples(remote) == triples(local)
    assert list(remote.nodes) == list(local.nodes)
    assert sorted(remote.edges(keys=True)) == sorted(local.edges(keys=True))
    if which == "laws200":
        assert sum(1 for _, d in local.nodes(data=True) if d["kind"] == "document") >= 190


def test_dask_build_writes_files_and_uses_the_cache(client, tmp_path: Path) -> None:
    a = build(
        out_dir=tmp_path,
        executor=client,
        quiet=True,
        formats=("ttl",),
        cache_dir=tmp_path / ".cache",
    )
    assert (a.docs_read, a.docs_extracted) == (2, 2)
    b = build(
        out_dir=tmp_path,
        executor=client,
        quiet=True,
        formats=("ttl",),
        cache_dir=tmp_path / ".cache",
    )
    assert (b.docs_read, b.docs_cached, b.docs_extracted) == (2, 2, 0)


def test_client_is_wrapped_with_two_batches_per_worker_thread(client) -> None:
    ex, slots = as_executor(client)
    assert isinstance(ex, DaskExecutor) and slots == 4


def test_unreachable_scheduler_is_e060() -> None:
    with pytest.raises(KGError) as e:
        connect("tcp://127.0.0.1:9", timeout=2)
    assert e.value.code == "E060"
