"""A worker that cannot load the pipeline says why: the build's E105 names the cause
(a missing data file, a broken snapshot …), not only that a worker died."""

from __future__ import annotations

import os
from concurrent.futures import BrokenExecutor

import pytest

from kg.runtime import workers
from kg.runtime.workers import Pools


def _no_pipeline(
    parent: int | None = None, snapshot_dir: str | None = None, tasks: int | None = None
) -> None:
    raise FileNotFoundError("lexicon/name_chars.tsv is not there")


def test_the_reason_a_worker_could_not_start_reaches_the_build(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(workers, "worker_init", _no_pipeline)  # (the fork inherits it)
    pools = Pools(2)
    try:
        # the worker may be gone before the task is sent (then ``submit`` says so) or after
        with pytest.raises(BrokenExecutor, match="could not load the pipeline: FileNotFound"):
            pools.submit(os.getpid).result(timeout=120)
        with pytest.raises(BrokenExecutor, match=r"name_chars\.tsv is not there"):
            pools.submit(os.getpid)  # and so does every task sent after it
    finally:
        pools.shutdown(kill=True)
