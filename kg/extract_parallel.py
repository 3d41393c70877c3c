"""Extraction over many documents: cached by content hash, parallel across processes.

Documents are streamed from ``kg.ingest`` and sent to worker processes in batches of
about ``batch_chars`` characters, with at most ``2 × workers`` batches in flight, so
memory is bounded by the batch size and the results, not by the corpus. Results come
back in input order (the graph is the same whatever the worker count); a result that is
ready (cached) is yielded as soon as everything before it is, so merging overlaps with
extraction. Each result is stored in a :class:`~kg.manifest.PackStore` under a hash of
the pipeline version and the document's text and metadata: a rebuild re-extracts only
documents that changed or are new.

Workers send results back as compact pickled tuples (:func:`encode_result`), without the
mention list unless asked (``keep_mentions``): the graph does not use it.

>>> from kg.model import Document
>>> [r.doc_id for r in extract_stream([Document("a", "工信部表示。")], workers=1)]
['a']
"""

from __future__ import annotations

import gc
import hashlib
import json
import os
import pickle
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import fields
from functools import lru_cache
from pathlib import Path
from typing import Any

from kg.errors import Errors, InputError
from kg.manifest import Cached, Keyed, PackStore
from kg.model import DocResult, Document, EntityInfo, Mention, Observation, Relation

PACKAGE_DIR = Path(__file__).resolve().parent
RECORD_VERSION = 1


@lru_cache(maxsize=1)
def pipeline_version() -> str:
    """Hash of the code and data that determine extraction results (cache key part)."""
    from kg.nlp.gazetteer import ONTOLOGY_DIR

    h = hashlib.sha1()
    files = sorted((PACKAGE_DIR / "nlp").rglob("*.py"))
    files += [PACKAGE_DIR / "model.py"]
    files += sorted((ONTOLOGY_DIR / "gazetteers").glob("*.jsonl"))
    files += sorted((ONTOLOGY_DIR / "lexicon").glob("*"))
    for f in files:
        if f.is_file():
            h.update(f.name.encode())
            h.update(f.read_bytes())
    return h.hexdigest()[:16]


def doc_hash(doc: Document) -> str:
    """Content hash of a document as the pipeline sees it."""
    h = hashlib.sha1(pipeline_version().encode())
    h.update(doc.id.encode())
    h.update(doc.text.encode("utf-8"))
    meta = {k: v for k, v in doc.meta.items() if k not in ("source", "sha1", "mtime")}
    h.update(json.dumps(meta, sort_keys=True, ensure_ascii=False, default=str).encode())
    return h.hexdigest()


# --------------------------------------------------------------------------- records

_ENT = tuple(f.name for f in fields(EntityInfo))
_REL = tuple(f.name for f in fields(Relation))
_OBS = tuple(f.name for f in fields(Observation))
_MEN = tuple(f.name for f in fields(Mention))


def _row(obj: Any, names: tuple[str, ...]) -> tuple[Any, ...]:
    return tuple([getattr(obj, n) for n in names])


def encode_result(r: DocResult, keep_mentions: bool = False) -> bytes:
    """A compact, picklable form of a result (plain tuples; ``decode_result`` inverts it)."""
    rec = (
        RECORD_VERSION,
        r.doc_id,
        r.meta,
        r.chars,
        [(k, _row(e, _ENT)) for k, e in r.entities.items()],
        [_row(x, _REL) for x in r.relations],
        [_row(x, _OBS) for x in r.observations],
        r.definitions,
        [_row(m, _MEN) for m in r.mentions] if keep_mentions else None,
    )
    return pickle.dumps(rec, protocol=pickle.HIGHEST_PROTOCOL)


def decode_result(data: bytes, need_mentions: bool = False) -> DocResult | None:
    """The result of :func:`encode_result` (None when unusable: old format, no mentions)."""
    try:
        rec = pickle.loads(data)
        if rec[0] != RECORD_VERSION or (need_mentions and rec[8] is None):
            return None
        _, doc_id, meta, chars, ents, rels, obs, defs, mens = rec
        return DocResult(
            doc_id=doc_id,
            meta=meta,
            chars=chars,
            mentions=[Mention(*m) for m in mens] if mens else [],
            entities={k: EntityInfo(*e) for k, e in ents},
            relations=[Relation(*x) for x in rels],
            observations=[Observation(*x) for x in obs],
            definitions=defs,
        )
    except Exception:  # a damaged or foreign record is a cache miss
        return None


class ResultCache:
    """Results on disk by content hash: one append-only pack file (see :mod:`kg.manifest`)."""

    def __init__(self, directory: str | Path) -> None:
        self.dir = Path(directory)
        self.store = PackStore(self.dir / "results.pack")

    def get(self, h: str) -> DocResult | None:
        data = self.store.get(h)
        return decode_result(data, need_mentions=True) if data is not None else None

    def put(self, h: str, r: DocResult) -> None:
        self.store.put(h, encode_result(r, keep_mentions=True))

    def close(self) -> None:
        self.store.close()


# --------------------------------------------------------------------------- workers


def _worker_init(snapshot_dir: str | None = None) -> None:
    gc.enable()  # the parent may have paused it for its own bulk work
    if snapshot_dir is not None:
        from kg.nlp.pipeline import set_snapshot_dir

        set_snapshot_dir(snapshot_dir)
    from kg.nlp import get_nlp

    get_nlp(lean=True)
    gc.freeze()  # the pipeline lives as long as the worker: collections need not walk it


def _extract_batch(docs: list[Document], keep_mentions: bool = False) -> list[bytes]:
    """Extract a batch (runs in a worker): encoded results, in order. When the pipeline
    fails on the batch, each document is tried alone, and one that still fails gives an
    error record (:func:`failure`) instead of stopping the build."""
    from kg.nlp import extract_many

    try:
        return [encode_result(r, keep_mentions) for r in extract_many(docs)]
    except Exception:
        pass  # find the document(s) it fails on
    out = []
    for d in docs:
        try:
            out.append(encode_result(extract_many([d])[0], keep_mentions))
        except Exception as e:  # a pipeline bug on this document: report it, go on
            out.append(pickle.dumps(("error", f"{type(e).__name__}: {e}")))
    return out


def failure(data: bytes) -> str | None:
    """The message of an error record of :func:`_extract_batch`, else None."""
    if len(data) > 64 and not data[:64].count(b"error"):
        return None
    try:
        rec = pickle.loads(data)
    except Exception:
        return None
    if isinstance(rec, tuple) and len(rec) == 2 and rec[0] == "error":
        return str(rec[1])
    return None


def _noop() -> None:
    return None


class _Pools:
    """Up to ``n`` single-process pools, forked on demand: a build that extracts one
    document starts one worker (and loads the NLP pipeline once), not ``n``.

    ``prestart()`` forks the first worker at once, so that it loads the pipeline while
    this process is still importing and scanning; ``shutdown(kill=True)`` ends workers
    that were never needed without waiting for that."""

    def __init__(self, n: int, snapshot_dir: str | None = None) -> None:
        self.n = max(1, n)
        self.snapshot_dir = snapshot_dir  # pipeline snapshots (kg.nlp.pipeline.get_nlp)
        self.pools: list[tuple[Any, list[Any]]] = []
        self.used = False
        self.ahead = False  # whether the caller wants a worker started early

    def _new(self) -> tuple[ProcessPoolExecutor, list[Any]]:
        entry: tuple[ProcessPoolExecutor, list[Any]] = (
            ProcessPoolExecutor(
                max_workers=1, initializer=_worker_init, initargs=(self.snapshot_dir,)
            ),
            [],
        )
        self.pools.append(entry)
        return entry

    def prestart(self) -> None:
        if not self.pools:
            pool, _ = self._new()
            pool.submit(_noop)  # not counted as work in flight: the worker is for the next task

    def submit(self, fn: Any, *args: Any) -> Any:
        self.used = True
        best = None
        for pool, futs in self.pools:
            futs[:] = [f for f in futs if not f.done()]
            if best is None or len(futs) < len(best[1]):
                best = (pool, futs)
        if (best is None or best[1]) and len(self.pools) < self.n:
            best = self._new()
        assert best is not None
        fut = best[0].submit(fn, *args)
        best[1].append(fut)
        return fut

    def shutdown(self, kill: bool = False) -> None:
        """Stop the forked workers (``kill``: at once)."""
        for pool, _ in self.pools:
            if kill:
                for proc in list(getattr(pool, "_processes", {}).values()):
                    proc.terminate()
            pool.shutdown(wait=True, cancel_futures=True)
        self.pools = []


class _Batch:
    """Documents submitted together; ``fut`` is set when the batch is sent."""

    __slots__ = ("docs", "fut", "out", "size")

    def __init__(self) -> None:
        self.docs: list[tuple[str | None, Document]] = []
        self.size = 0
        self.fut: Any = None
        self.out: list[bytes] | None = None


class _Ready:
    __slots__ = ("data", "key", "meta", "result")

    def __init__(
        self,
        key: str | None,
        data: bytes | None,
        result: DocResult | None,
        meta: dict[str, Any] | None,
    ) -> None:
        self.key, self.data, self.result, self.meta = key, data, result, meta


def make_pools(
    workers: int,
    prestart: bool = True,
    snapshot_dir: str | os.PathLike[str] | None = None,
) -> _Pools:
    """The worker processes ``extract_keyed`` uses (``shutdown(kill=True)`` them after);
    with ``prestart`` the first one is forked and loads the pipeline right away;
    ``snapshot_dir``: where workers restore (or save) the built pipeline."""
    pools = _Pools(workers, os.fspath(snapshot_dir) if snapshot_dir is not None else None)
    if prestart:
        pools.prestart()
    return pools


def extract_keyed(
    items: Iterable[Document | Keyed | Cached | InputError],
    *,
    workers: int = 1,
    store: PackStore | None = None,
    batch_chars: int = 200_000,
    on_error: Callable[[InputError], None] | None = None,
    on_progress: Callable[[int, int], None] | None = None,
    executor: Any = None,
    slots: int | None = None,
    keep_mentions: bool = False,
    idle: Callable[[], object] | None = None,
    memo: dict[str, DocResult] | None = None,
) -> Iterator[tuple[str | None, DocResult, bool]]:
    """Extract every document; yields ``(key, result, cached)`` in input order.

    ``items`` are documents, :class:`~kg.manifest.Keyed` documents (content hash known),
    :class:`~kg.manifest.Cached` references to stored results, or input errors (passed to
    ``on_error``). ``workers=1`` without ``executor`` runs in this process; ``executor`` is
    any object with ``submit(fn, *args) -> future`` (a Dask client through
    :class:`kg.distributed.DaskExecutor`); ``slots`` bounds the batches in flight
    (default ``2 × workers``). ``idle`` is called once, the first time the results must
    wait for a worker (to do work of later stages while this process would be idle).
    ``memo``: decoded results by key, kept by a long-lived process between builds
    (``kg build --watch``) instead of decoding the store again; on completion it holds the
    results of this run only.
    """
    errors = on_error or (lambda e: None)
    progress = on_progress or (lambda d, c: None)
    own_pool: _Pools | None = None
    if isinstance(executor, _Pools):
        executor.n = max(executor.n, workers)
    limit = slots or max(2, 2 * workers)
    pending: deque[_Batch | _Ready] = deque()
    current: _Batch | None = None
    in_flight = 0
    idle_once = [idle] if idle is not None else []
    seen: dict[str, DocResult] | None = {} if memo is not None else None

    def decode(key: str | None, data: bytes) -> DocResult | None:
        if memo is not None and key is not None:
            r = memo.get(key)
            if r is not None:
                return r
        return decode_result(data, keep_mentions)

    def submit(b: _Batch) -> None:
        nonlocal own_pool, executor, in_flight
        docs = [d for _, d in b.docs]
        if executor is None and workers > 1:
            own_pool = _Pools(workers)
            executor = own_pool
        if executor is None:
            b.out = _extract_batch(docs, keep_mentions)
        else:
            b.fut = executor.submit(_extract_batch, docs, keep_mentions)
            in_flight += 1

    def emit(entry: _Batch | _Ready) -> Iterator[tuple[str | None, DocResult, bool]]:
        nonlocal in_flight
        if isinstance(entry, _Ready):
            r = entry.result
            if r is None:
                assert entry.data is not None
                r = decode(entry.key, entry.data)
                assert r is not None
            if entry.meta is not None:
                r.meta = entry.meta
            if seen is not None and entry.key is not None:
                seen[entry.key] = r
            progress(1, r.chars)
            yield entry.key, r, True
            return
        if entry.out is None:
            if idle_once and not entry.fut.done():
                idle_once.pop()()
            entry.out = entry.fut.result()
            in_flight -= 1
        assert entry.out is not None
        for (key, doc), data in zip(entry.docs, entry.out, strict=True):
            msg = failure(data)
            if msg is not None:
                errors(InputError(Errors.E011, path=doc.meta.get("source") or doc.id, reason=msg))
                continue
            if store is not None and key is not None:
                store.put(key, data)
            r = decode_result(data, keep_mentions)
            assert r is not None
            r.meta = doc.meta
            if seen is not None and key is not None:
                seen[key] = r
            progress(1, r.chars)
            yield key, r, False

    def ready(entry: _Batch | _Ready) -> bool:
        if isinstance(entry, _Ready):
            return True
        return entry.out is not None or (entry.fut is not None and entry.fut.done())

    def drain(block: bool) -> Iterator[tuple[str | None, DocResult, bool]]:
        """Yield leading entries that are ready; with ``block`` wait for the first one."""
        nonlocal current
        while pending:
            head = pending[0]
            if not ready(head):
                if not block:
                    return
                if head is current:  # the batch being filled: send it now
                    submit(head)
                    current = None
                block = False
            pending.popleft()
            yield from emit(head)

    try:
        for item in items:
            if isinstance(item, InputError):
                errors(item)
                continue
            ready_entry: _Ready | None = None
            if isinstance(item, Cached):
                r = memo.get(item.key) if memo is not None else None
                data = None
                if r is None:
                    data = store.get(item.key) if store is not None else None
                    if data is None:
                        raise KeyError(f"result {item.key} of {item.doc_id} is not in the store")
                    # decoded now, not when its turn comes: while a worker extracts a
                    # changed document, the results after it are made ready for merging
                    r = decode_result(data, keep_mentions) if pending else None
                elif store is not None:
                    store.touch(item.key)  # kept at compaction like a read record
                ready_entry = _Ready(item.key, None if r is not None else data, r, item.meta)
            else:
                doc, key = (item.doc, item.key) if isinstance(item, Keyed) else (item, None)
                if store is not None and key is None:
                    key = doc_hash(doc)
                r = memo.get(key) if memo is not None and key is not None else None
                data = None
                if store is not None and key is not None:
                    if r is not None:
                        store.touch(key)
                    else:
                        data = store.get(key)
                        r = decode(key, data) if data is not None else None
                if r is not None:
                    r.doc_id = doc.id
                    ready_entry = _Ready(key, None, r, doc.meta)
                else:
                    if current is None:
                        current = _Batch()
                        pending.append(current)
                    current.docs.append((key, doc))
                    current.size += len(doc.text)
                    if current.size >= batch_chars:
                        submit(current)
                        current = None
            if ready_entry is not None:
                if current is not None:  # documents after this one go to a new batch
                    submit(current)
                    current = None
                pending.append(ready_entry)
            yield from drain(block=False)
            while in_flight >= limit or len(pending) > 4096:
                yield from drain(block=True)
        if current is not None:
            submit(current)
            current = None
        while pending:
            yield from drain(block=True)
        if memo is not None and seen is not None:
            memo.clear()
            memo.update(seen)
    finally:
        if own_pool is not None:
            own_pool.shutdown()


def extract_stream(
    items: Iterable[Document | InputError],
    *,
    workers: int = 1,
    cache_dir: str | Path | None = None,
    batch_chars: int = 200_000,
    on_error: Callable[[InputError], None] | None = None,
    on_progress: Callable[[int, int], None] | None = None,
    executor: object | None = None,
    keep_mentions: bool = True,
) -> Iterator[DocResult]:
    """Extract every document; yields results in input order.

    ``workers=1`` runs in this process. ``executor`` may be any object with
    ``submit(fn, *args) -> Future`` (a Dask ``Client`` works) to run beyond one machine.
    ``on_progress(docs, chars)`` is called as results arrive.
    """
    cache = ResultCache(cache_dir) if cache_dir else None
    try:
        for _, r, _ in extract_keyed(
            items,
            workers=workers,
            store=cache.store if cache else None,
            batch_chars=batch_chars,
            on_error=on_error,
            on_progress=on_progress,
            executor=executor,
            keep_mentions=keep_mentions,
        ):
            yield r
    finally:
        if cache is not None:
            cache.close()
