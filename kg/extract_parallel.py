"""Extraction over many documents: cached by content hash, parallel across processes.

Documents are streamed from ``kg.ingest`` and sent to worker processes in batches of
about ``batch_chars`` characters, with at most ``2 × workers`` batches in flight, so
memory is bounded by the batch size and the results, not by the corpus. Results come
back in input order (the graph is the same whatever the worker count). Each result is
cached under ``cache_dir`` by a hash of the pipeline version and the document's text
and metadata: a rebuild re-extracts only documents that changed or are new.

>>> from kg.model import Document
>>> [r.doc_id for r in extract_stream([Document("a", "工信部表示。")], workers=1)]
['a']
"""

from __future__ import annotations

import hashlib
import json
import os
import pickle
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from functools import lru_cache
from pathlib import Path

from kg.errors import InputError
from kg.model import Document, DocResult

PACKAGE_DIR = Path(__file__).resolve().parent


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


class ResultCache:
    """Per-document results on disk, one pickle per content hash."""

    def __init__(self, directory: str | Path) -> None:
        self.dir = Path(directory)

    def _path(self, h: str) -> Path:
        return self.dir / h[:2] / f"{h}.pkl"

    def get(self, h: str) -> DocResult | None:
        p = self._path(h)
        try:
            with p.open("rb") as fh:
                return DocResult.from_dict(pickle.load(fh))
        except (OSError, EOFError, pickle.UnpicklingError, KeyError, TypeError):
            return None

    def put(self, h: str, r: DocResult) -> None:
        p = self._path(h)
        p.parent.mkdir(parents=True, exist_ok=True)
        tmp = p.with_suffix(f".{os.getpid()}.tmp")
        with tmp.open("wb") as fh:
            pickle.dump(r.to_dict(), fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, p)


def _worker_init() -> None:
    from kg.nlp import get_nlp

    get_nlp()


def _extract_batch(docs: list[Document]) -> list[DocResult]:
    from kg.nlp import extract_many

    return extract_many(docs)


def _batches(
    items: Iterable[Document | InputError], batch_chars: int, on_error: Callable[[InputError], None],
    cache: ResultCache | None, on_cached: Callable[[DocResult], None],
) -> Iterator[list[tuple[bool, str | None, Document | DocResult]]]:
    """Group documents into batches of ``(cached, hash, doc or result)``; errors go to ``on_error``."""
    batch: list[tuple[bool, str | None, Document | DocResult]] = []
    size = 0
    for item in items:
        if isinstance(item, InputError):
            on_error(item)
            continue
        h = doc_hash(item) if cache is not None else None
        if cache is not None and h is not None:
            hit = cache.get(h)
            if hit is not None:
                hit.meta = item.meta
                batch.append((True, h, hit))
                continue
        batch.append((False, h, item))
        size += len(item.text)
        if size >= batch_chars:
            yield batch
            batch, size = [], 0
    if batch:
        yield batch


def extract_stream(
    items: Iterable[Document | InputError],
    *,
    workers: int = 1,
    cache_dir: str | Path | None = None,
    batch_chars: int = 200_000,
    on_error: Callable[[InputError], None] | None = None,
    on_progress: Callable[[int, int], None] | None = None,
    executor: object | None = None,
) -> Iterator[DocResult]:
    """Extract every document; yields results in input order.

    ``workers=1`` runs in this process. ``executor`` may be any object with
    ``submit(fn, arg) -> Future`` (a Dask ``Client`` works) to run beyond one machine.
    ``on_progress(docs, chars)`` is called as results arrive.
    """
    cache = ResultCache(cache_dir) if cache_dir else None
    errors = on_error or (lambda e: None)
    progress = on_progress or (lambda d, c: None)
    own_pool = None
    if executor is None and workers > 1:
        own_pool = ProcessPoolExecutor(max_workers=workers, initializer=_worker_init)
        executor = own_pool
    try:
        pending: deque[tuple[list, Future | None]] = deque()
        limit = max(2, 2 * workers)

        def drain_one() -> Iterator[DocResult]:
            batch, fut = pending.popleft()
            todo = [d for cached, _, d in batch if not cached]
            done = iter(fut.result() if fut is not None else (_extract_batch(todo) if todo else []))
            for cached, h, d in batch:
                if cached:
                    r = d
                else:
                    r = next(done)
                    if cache is not None and h is not None:
                        cache.put(h, r)
                progress(1, r.chars)
                yield r

        for batch in _batches(items, batch_chars, errors, cache, lambda r: None):
            todo = [d for cached, _, d in batch if not cached]
            fut = executor.submit(_extract_batch, todo) if (executor is not None and todo) else None
            pending.append((batch, fut))
            if executor is None:
                yield from drain_one()
                continue
            while len(pending) >= limit:
                yield from drain_one()
        while pending:
            yield from drain_one()
    finally:
        if own_pool is not None:
            own_pool.shutdown(cancel_futures=True)
