"""Worker processes (kg.runtime.workers): one pipeline per worker, restored from the
build's snapshot folder and used for every batch."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.model import Document
from kg.runtime.codec import decode_result
from kg.runtime.extract import extract_keyed
from kg.runtime.workers import Pools

# processes, pipeline snapshots or whole builds: `make test`, not the inner loop (`make test-fast`)
pytestmark = pytest.mark.slow


def pipelines_built() -> int:
    """Pipelines this process got from get_nlp without having them (cache misses)."""
    from kg.nlp.pipeline import get_nlp

    return get_nlp.cache_info().misses


def test_a_worker_extracts_with_the_pipeline_it_loaded(tmp_path: Path) -> None:
    pools = Pools(1, tmp_path / "pipeline")
    pools.prestart()
    try:
        loaded = pools.submit(pipelines_built).result()  # by the worker's initializer
        docs = [Document(f"d{i}", f"工业和信息化部第{i}次会议在北京召开。") for i in range(3)]
        out = list(extract_keyed(docs, workers=1, executor=pools))
        assert [r.doc_id for _, r, _ in out] == ["d0", "d1", "d2"]
        assert pools.submit(pipelines_built).result() == loaded  # no second, fresh one
    finally:
        pools.shutdown(kill=True)  # as a build ends: it waits for the snapshot's saver
    # saved for the next build (not asked before: a forked child saves it while the worker
    # serves, and on a loaded machine it had not finished when the results were in)
    assert list((tmp_path / "pipeline").glob("pipeline-*.pkl"))


def test_extract_batch_gives_decodable_results() -> None:
    from kg.runtime.codec import failure
    from kg.runtime.workers import extract_batch

    out = extract_batch([Document("a", "商务部表示。")])
    assert decode_result(out[0]).doc_id == "a"
    assert failure(out[0]) is None


def die() -> None:
    import os

    os._exit(3)


def test_a_worker_that_dies_is_a_clear_error_and_the_next_build_has_new_workers(
    tmp_path: Path,
) -> None:
    import pytest

    from kg.build import SAMPLE_DIR, Resident, build
    from kg.errors import KGError

    policy = Resident()
    try:
        pools = policy.pools(2, None)
        with pytest.raises(Exception):  # noqa: B017 (the pool breaks)
            pools.submit(die).result()
        assert pools.broken
        docs = [Document("a", "商务部表示。")]
        with pytest.raises(KGError, match="E105"):
            list(extract_keyed(docs, workers=2, executor=pools))
        r = build([SAMPLE_DIR], tmp_path / "o", workers=2, quiet=True, formats=("ttl",),
                  policy=policy)  # fmt: skip
        assert r.docs_read == 2
    finally:
        policy.close()
