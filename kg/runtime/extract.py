"""Extraction over many documents: cached by content hash, parallel across processes.

Documents are streamed from ``kg.ingest`` and sent to worker processes
(:mod:`kg.runtime.workers`) in batches of about ``batch_chars`` characters, with at most
``2 × workers`` batches in flight, so memory is bounded by the batch size and the
results, not by the corpus. Results come back in input order (the graph is the same
whatever the worker count); a result that is ready (cached) is yielded as soon as
everything before it is, so merging overlaps with extraction. Each result is stored in a
:class:`~kg.runtime.store.PackStore` under a hash of the pipeline version and the
document's text and metadata: a rebuild re-extracts only documents that changed or are
new. A stored result that turns out unusable is extracted again.

>>> from kg.model import Document
>>> [r.doc_id for r in extract_stream([Document("a", "工信部表示。")], workers=1)]
['a']
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import BrokenExecutor
from pathlib import Path
from typing import Any

from kg.errors import Errors, InputError, KGError, warn
from kg.model import DocResult, Document
from kg.runtime.codec import decode_result, encode_result, failure
from kg.runtime.manifest import RESULTS_NAME, Cached, Keyed, doc_hash, set_aside_entries
from kg.runtime.store import PackStore
from kg.runtime.workers import Pools, extract_batch


class ResultCache:
    """Results on disk by content hash: one append-only pack file."""

    def __init__(self, directory: str | Path) -> None:
        self.dir = Path(directory)
        for warning in set_aside_entries(self.dir, (RESULTS_NAME, RESULTS_NAME + ".idx")):
            warn(warning)
        self.store = PackStore(self.dir / RESULTS_NAME)

    def get(self, h: str) -> DocResult | None:
        data = self.store.get(h)
        return decode_result(data, need_mentions=True) if data is not None else None

    def put(self, h: str, r: DocResult) -> None:
        self.store.put(h, encode_result(r, keep_mentions=True))

    def close(self) -> None:
        self.store.close()


#: Characters a build may read ahead, into batches not sent yet, while every worker has
#: its batches: the documents are read while the workers load the pipeline (when this
#: process has a core to itself), not later, when reading takes the cores from them.
READ_AHEAD_CHARS = 32_000_000


class _Batch:
    """Documents submitted together; ``fut`` is set when the batch is sent."""

    __slots__ = ("docs", "fut", "out", "size")

    def __init__(self) -> None:
        self.docs: list[tuple[str | None, Document]] = []
        self.size = 0
        self.fut: Any = None
        self.out: list[bytes] | None = None


class _Ready:
    __slots__ = ("key", "meta", "result")

    def __init__(self, key: str | None, result: DocResult, meta: dict[str, Any] | None) -> None:
        self.key, self.result, self.meta = key, result, meta


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
    snapshot_dir: str | None = None,
    unread: Callable[[str, str], bool] | None = None,
) -> Iterator[tuple[str | None, DocResult, bool]]:
    """Extract every document; yields ``(key, result, cached)`` in input order.

    ``items`` are documents, :class:`~kg.runtime.manifest.Keyed` documents (content hash
    known), :class:`~kg.runtime.manifest.Cached` references to stored results, or input
    errors (passed to ``on_error``). ``workers=1`` without ``executor`` runs in this
    process (with the pipeline snapshot of ``snapshot_dir``); ``executor`` is any object
    with ``submit(fn, *args) -> future`` (:class:`~kg.runtime.workers.Pools`, a Dask
    client through :class:`kg.runtime.dask.DaskExecutor`); ``slots`` bounds the batches
    in flight (default ``2 × workers``). ``idle`` is called once, the first time the
    results must wait for a worker. ``memo``: decoded results by key, kept by a
    long-lived process between builds instead of decoding the store again; on completion
    it holds the results of this run only. ``unread(doc_id, key)``: whether a stored
    result may come with its entities :data:`~kg.resolve.stored.UNREAD` (they are in
    last build's table: :class:`~kg.resolve.Resolver`'s ``table``).
    """
    errors = on_error or (lambda e: None)
    progress = on_progress or (lambda d, c: None)
    own_pool: Pools | None = None
    if isinstance(executor, Pools):
        executor.n = max(executor.n, workers)
    limit = slots or max(2, 2 * workers)
    pending: deque[_Batch | _Ready] = deque()
    current: _Batch | None = None
    in_flight = 0
    waiting: deque[_Batch] = deque()  # full batches read ahead, not sent yet
    waiting_chars = 0
    idle_once = [idle] if idle is not None else []
    seen: dict[str, DocResult] | None = {} if memo is not None else None

    def stored(key: str, doc_id: str) -> DocResult | None:
        r = memo.get(key) if memo is not None else None
        if r is not None:
            if store is not None:
                store.touch(key)  # kept at compaction like a read record
            return r
        data = store.get(key) if store is not None else None
        if data is None:
            return None
        whole = unread is None or not unread(doc_id, key)
        return decode_result(data, keep_mentions, entities=whole)

    def submit(b: _Batch) -> None:
        nonlocal own_pool, executor, in_flight
        docs = [d for _, d in b.docs]
        if executor is None and workers > 1:
            own_pool = Pools(workers, snapshot_dir)
            executor = own_pool
        if executor is None:
            b.out = extract_batch(docs, keep_mentions, snapshot_dir)
        else:  # local workers use the pipeline they loaded (same snapshot folder)
            snap = executor.snapshot_dir if isinstance(executor, Pools) else None
            try:
                b.fut = executor.submit(extract_batch, docs, keep_mentions, snap)
            except BrokenExecutor as exc:
                raise KGError(Errors.E105, reason=exc or type(exc).__name__) from exc
            in_flight += 1

    def send(b: _Batch) -> None:
        """Submit ``b`` now, or keep it read ahead while every slot is taken."""
        nonlocal waiting_chars
        if in_flight >= limit and (executor is not None or workers > 1):
            waiting.append(b)
            waiting_chars += b.size
        else:
            submit(b)

    def refill() -> None:
        nonlocal waiting_chars
        while waiting and in_flight < limit:
            b = waiting.popleft()
            waiting_chars -= b.size
            submit(b)

    def emit(entry: _Batch | _Ready) -> Iterator[tuple[str | None, DocResult, bool]]:
        nonlocal in_flight
        if isinstance(entry, _Ready):
            r = entry.result
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
            try:
                entry.out = entry.fut.result()
            except BrokenExecutor as exc:  # killed (out of memory, by hand): say so
                raise KGError(Errors.E105, reason=exc or type(exc).__name__) from exc
            in_flight -= 1
        for (key, doc), data in zip(entry.docs, entry.out, strict=True):
            msg = failure(data)
            r = decode_result(data, keep_mentions) if msg is None else None
            if r is None:
                reason = msg or "the worker sent an unreadable result"
                path = doc.meta.get("source") or doc.id
                errors(InputError(Errors.E011, path=path, reason=reason))
                continue
            if store is not None and key is not None:
                store.put(key, data)
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
        nonlocal current, waiting_chars
        while pending:
            head = pending[0]
            if not ready(head):
                if not block:
                    return
                if head is current:  # the batch being filled: send it now
                    submit(head)
                    current = None
                elif isinstance(head, _Batch) and head.fut is None:  # read ahead: send it
                    waiting.remove(head)
                    waiting_chars -= head.size
                    submit(head)
                block = False
            pending.popleft()
            yield from emit(head)
            refill()

    def to_extract(key: str | None, doc: Document) -> None:
        nonlocal current
        if current is None:
            current = _Batch()
            pending.append(current)
        current.docs.append((key, doc))
        current.size += len(doc.text)
        if current.size >= batch_chars:
            send(current)
            current = None

    try:
        for item in items:
            if isinstance(item, InputError):
                errors(item)
                continue
            ready_entry: _Ready | None = None
            if isinstance(item, Cached):
                r = stored(item.key, item.doc_id)
                if r is not None:
                    r.doc_id = item.doc_id
                    ready_entry = _Ready(item.key, r, item.meta)
                else:  # unusable in the store (damaged): read and extract it again
                    doc = item.reread() if item.reread is not None else None
                    if doc is None:
                        doc = InputError(Errors.E102, path=item.doc_id, reason="no result")
                    if isinstance(doc, InputError):
                        errors(doc)
                        continue
                    to_extract(doc_hash(doc) if store is not None else None, doc)
            else:
                doc, key = (item.doc, item.key) if isinstance(item, Keyed) else (item, None)
                if store is not None and key is None:
                    key = doc_hash(doc)
                r = stored(key, doc.id) if key is not None else None
                if r is not None:
                    r.doc_id = doc.id
                    ready_entry = _Ready(key, r, doc.meta)
                else:
                    to_extract(key, doc)
            if ready_entry is not None:
                if current is not None:  # documents after this one go to a new batch
                    send(current)
                    current = None
                pending.append(ready_entry)
            yield from drain(block=False)
            while (in_flight >= limit and waiting_chars >= READ_AHEAD_CHARS) or len(pending) > 4096:
                yield from drain(block=True)
        if current is not None:
            send(current)
            current = None
        _split_tail(waiting, pending, limit)  # the batches of the last round of tasks
        while pending:
            yield from drain(block=True)
        if memo is not None and seen is not None:
            memo.clear()
            memo.update(seen)
    finally:
        if own_pool is not None:
            own_pool.shutdown()


def _split_tail(waiting: deque[_Batch], pending: deque[Any], last: int) -> None:
    """Split the ``last`` batches read ahead and not sent yet in two (after the first
    document at which the running total of characters reaches half the batch's; the
    last document always goes to the second half), in place in both queues: the
    workers' last tasks are shorter, so that one does not extract its last batch alone
    while the others are done (results stay in input order: the halves take the batch's
    place).

    >>> from kg.model import Document
    >>> b = _Batch()
    >>> for i, n in enumerate((5, 1, 1, 3)):
    ...     b.docs.append((None, Document(str(i), "字" * n))); b.size += n
    >>> waiting, pending = deque([b]), deque([b])
    >>> _split_tail(waiting, pending, 2)
    >>> [[d.id for _, d in x.docs] for x in pending], [x.size for x in waiting]
    ([['0'], ['1', '2', '3']], [5, 5])
    """
    # outputs stay byte-identical however batches are cut: a document's extraction
    # depends on that document only, not on the others of its batch
    for b in list(waiting)[-last:]:
        if len(b.docs) < 2:
            continue
        half, acc, cut = b.size / 2, 0, 1
        for i, (_, d) in enumerate(b.docs[:-1], 1):
            acc += len(d.text)
            cut = i
            if acc >= half:
                break
        first, second = _Batch(), _Batch()
        first.docs, second.docs = b.docs[:cut], b.docs[cut:]
        first.size = sum(len(d.text) for _, d in first.docs)
        second.size = b.size - first.size
        for q in (waiting, pending):
            i = q.index(b)
            q[i] = first
            q.insert(i + 1, second)


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
    from kg.runtime.dask import as_executor

    ex, slots = as_executor(executor)
    cache = ResultCache(cache_dir) if cache_dir else None
    try:
        for _, r, _ in extract_keyed(
            items,
            workers=workers,
            store=cache.store if cache else None,
            batch_chars=batch_chars,
            on_error=on_error,
            on_progress=on_progress,
            executor=ex,
            slots=slots,
            keep_mentions=keep_mentions,
        ):
            yield r
    finally:
        if cache is not None:
            cache.close()
