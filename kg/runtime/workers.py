"""Worker processes: forked on demand, each with the NLP pipeline loaded once.

:class:`Pools` holds up to ``n`` single-process pools: a build that extracts one document
starts one worker, not ``n``. Every worker dies with the build (see
:func:`kg.runtime.lifecycle.die_with_parent`) and does not keep the cache lock.

>>> from kg.model import Document
>>> out = extract_batch([Document("a", "工信部表示。")])
>>> from kg.runtime.codec import decode_result
>>> decode_result(out[0]).doc_id
'a'
"""

from __future__ import annotations

import gc
import os
from concurrent.futures import ProcessPoolExecutor
from typing import Any

from kg.model import Document
from kg.runtime.codec import encode_failure, encode_result
from kg.runtime.lifecycle import die_with_parent


def worker_init(parent: int | None = None, snapshot_dir: str | None = None) -> None:
    """The initializer of a worker process: die with ``parent``, load the pipeline."""
    die_with_parent(parent)
    gc.enable()  # the parent may have paused it for its own bulk work
    from kg.nlp.pipeline import get_nlp

    get_nlp(lean=True, snapshot_dir=snapshot_dir)
    gc.freeze()  # the pipeline lives as long as the worker: collections need not walk it


def extract_batch(
    docs: list[Document], keep_mentions: bool = False, snapshot_dir: str | None = None
) -> list[bytes]:
    """Extract a batch (runs in a worker, or here): encoded results, in order. When the
    pipeline fails on the batch, each document is tried alone, and one that still fails
    gives a failure record (:func:`kg.runtime.codec.failure`) instead of stopping the
    build."""
    from kg.nlp import extract_many
    from kg.nlp.pipeline import get_nlp

    nlp = get_nlp(lean=True, snapshot_dir=snapshot_dir)
    try:
        return [encode_result(r, keep_mentions) for r in extract_many(docs, nlp=nlp)]
    except Exception:
        pass  # find the document(s) it fails on
    out = []
    for d in docs:
        try:
            out.append(encode_result(extract_many([d], nlp=nlp)[0], keep_mentions))
        except Exception as e:  # a pipeline bug on this document: report it, go on
            out.append(encode_failure(f"{type(e).__name__}: {e}"))
    return out


def noop() -> None:
    return None


class Pools:
    """Up to ``n`` single-process pools, forked on demand.

    ``prestart()`` forks the first worker at once, so that it loads the pipeline while
    this process is still importing and scanning; ``shutdown(kill=True)`` ends workers
    that were never needed without waiting for that. ``snapshot_dir``: where workers
    restore (or save) the built pipeline (:func:`kg.nlp.pipeline.get_nlp`)."""

    def __init__(self, n: int, snapshot_dir: str | os.PathLike[str] | None = None) -> None:
        self.n = max(1, n)
        self.snapshot_dir = os.fspath(snapshot_dir) if snapshot_dir is not None else None
        self.pools: list[tuple[Any, list[Any]]] = []
        self.used = False

    def _new(self) -> tuple[ProcessPoolExecutor, list[Any]]:
        entry: tuple[ProcessPoolExecutor, list[Any]] = (
            ProcessPoolExecutor(
                max_workers=1, initializer=worker_init, initargs=(os.getpid(), self.snapshot_dir)
            ),
            [],
        )
        self.pools.append(entry)
        return entry

    @property
    def started(self) -> bool:
        return bool(self.pools)

    @property
    def broken(self) -> bool:
        """Whether a worker died (its pool takes no more work)."""
        return any(getattr(pool, "_broken", False) for pool, _ in self.pools)

    def prestart(self) -> None:
        if not self.pools:
            pool, _ = self._new()
            pool.submit(noop)  # not counted as work in flight: the worker is for the next task

    def submit(self, fn: Any, *args: Any) -> Any:
        self.used = True
        best = None
        for pool, futs in self.pools:
            futs[:] = [f for f in futs if not f.done()]
            if best is None or len(futs) < len(best[1]):
                best = (pool, futs)
        if best is None or (best[1] and len(self.pools) < self.n):
            best = self._new()
        fut = best[0].submit(fn, *args)
        best[1].append(fut)
        return fut

    def shutdown(self, kill: bool = False) -> None:
        """Stop the forked workers (``kill``: at once)."""
        for pool, _ in self.pools:
            if kill:
                for proc in list((getattr(pool, "_processes", None) or {}).values()):
                    proc.terminate()
            pool.shutdown(wait=True, cancel_futures=True)
        self.pools = []
