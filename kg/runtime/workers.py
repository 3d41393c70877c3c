"""Worker processes: forked on demand, each with the NLP pipeline loaded once.

:class:`Pools` holds up to ``n`` single-process pools: a build that extracts one document
starts one worker, not ``n``. Every worker dies with the build (see
:func:`kg.runtime.lifecycle.die_with_parent`) and does not keep the cache lock.

The pipeline is built (or restored) once per build, not once per worker: the first worker
loads it, then forks the others from itself (:func:`fork_sibling`), so they start with
it loaded, sharing its memory copy-on-write (building it again took each worker ~2.4
CPU-s while the first worker and the build's reading wanted the same cores).

>>> from kg.model import Document
>>> out = extract_batch([Document("a", "工信部表示。")])
>>> from kg.runtime.codec import decode_result
>>> decode_result(out[0]).doc_id
'a'
"""

from __future__ import annotations

import contextlib
import functools
import gc
import multiprocessing
import multiprocessing.context
import multiprocessing.util
import os
import select
import signal
import sys
import threading
from concurrent.futures import BrokenExecutor, Future, ProcessPoolExecutor
from concurrent.futures.process import _process_worker
from typing import Any

from kg.model import Document
from kg.runtime.codec import encode_failure, encode_result
from kg.runtime.lifecycle import die_with_parent


def worker_init(parent: int | None = None, snapshot_dir: str | None = None) -> None:
    """The initializer of a worker process: die with ``parent``, load the pipeline."""
    die_with_parent(parent)
    gc.enable()  # the parent may have paused it for its own bulk work
    from kg.nlp.pipeline import get_nlp, save_later

    with save_later():  # saved by save_snapshot(), once the siblings are forked
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


def save_snapshot() -> int:
    """Save the snapshot of the pipeline this worker built (none when it restored it):
    the first worker does it once it has forked the others."""
    from kg.nlp.pipeline import save_pending_snapshots

    return save_pending_snapshots()


#: Pools whose worker the first worker forks from itself, by token: registered before the
#: first worker is forked, so that it holds their queues (:func:`fork_sibling`).
_SIBLINGS: dict[int, ProcessPoolExecutor] = {}


def siblings_supported() -> bool:
    """Whether workers can be forked from the first one (Linux: a pid file descriptor
    stands for a process that is not this one's child)."""
    return (
        sys.platform.startswith("linux")
        and hasattr(os, "pidfd_open")
        and hasattr(signal, "pidfd_send_signal")
        and multiprocessing.get_start_method(allow_none=True) in (None, "fork")
    )


def fork_sibling(token: int) -> int:
    """Run in the first worker (its pipeline loaded): fork the worker of the pool
    registered under ``token`` and return its pid. The child serves that pool's queues
    (as ``ProcessPoolExecutor`` would have it do) and dies with this worker, which dies
    with the build."""
    pool = _SIBLINGS[token]
    # the arguments ProcessPoolExecutor gives the worker it starts itself
    args = (pool._call_queue, pool._result_queue, None, ())
    parent = os.getpid()
    if not _FORKED:  # this worker waits for the ones it forked before it exits
        multiprocessing.util.Finalize(None, _reap, exitpriority=0)
        signal.signal(signal.SIGTERM, _reap_and_exit)
    pid = os.fork()
    if pid == 0:  # pragma: no cover (the child; its work is checked through its pool)
        code = 1
        try:
            _FORKED.clear()
            from kg.nlp.pipeline import forget_pending_snapshots

            forget_pending_snapshots()  # the first worker saves it
            signal.signal(signal.SIGTERM, signal.SIG_DFL)
            die_with_parent(parent)
            _process_worker(*args)
            code = 0
        finally:
            os._exit(code)
    _FORKED.append(pid)
    return pid


#: pids of the workers this worker forked (:func:`fork_sibling`)
_FORKED: list[int] = []


def _reap() -> None:
    """Stop and wait for the workers this one forked, as it exits: their CPU time counts
    in the build's (``RUSAGE_CHILDREN``) only once reaped. Those that served their pool
    have exited already (:meth:`Pools.shutdown` stops them first); one that was never
    given work still waits for some."""
    while _FORKED:
        with contextlib.suppress(ProcessLookupError):
            os.kill(_FORKED[-1], signal.SIGKILL)
        with contextlib.suppress(ChildProcessError, InterruptedError):
            os.waitpid(_FORKED[-1], 0)
        _FORKED.pop()


def _reap_and_exit(signum: int, frame: Any) -> None:
    _reap()
    os._exit(128 + signum)


class _SiblingProcess:
    """What ``ProcessPoolExecutor`` needs of its worker process, for a worker that the
    first worker forked (not a child of this process: watched through a pid file
    descriptor, readable once it has exited)."""

    def __init__(self, forked: Future[int]) -> None:
        self._forked = forked
        self.pid: int | None = None
        self.sentinel: int = -1
        self.exitcode: int | None = None

    def start(self) -> None:
        self.pid = self._forked.result()  # done: the pool is used only once it is
        self.sentinel = os.pidfd_open(self.pid)

    def _exited(self, timeout: float | None) -> bool:
        if self.sentinel < 0:
            return True
        ready, _, _ = select.select([self.sentinel], [], [], timeout)
        return bool(ready)

    def is_alive(self) -> bool:
        return not self._exited(0)

    def join(self, timeout: float | None = None) -> None:
        self._exited(timeout)

    def _signal(self, sig: int) -> None:
        if self.sentinel >= 0:
            try:
                signal.pidfd_send_signal(self.sentinel, sig)
            except ProcessLookupError:
                pass

    def terminate(self) -> None:
        self._signal(signal.SIGTERM)

    def kill(self) -> None:
        self._signal(signal.SIGKILL)

    def close(self) -> None:
        if self.sentinel >= 0:
            os.close(self.sentinel)
            self.sentinel = -1


class _SiblingContext(multiprocessing.context.ForkContext):
    """The fork context, except that the pool's worker is the one :func:`fork_sibling`
    forked."""

    def __init__(self) -> None:
        super().__init__()
        self.forked: Future[int] = Future()

    def Process(self, *args: Any, **kwargs: Any) -> _SiblingProcess:
        return _SiblingProcess(self.forked)


class Pools:
    """Up to ``n`` single-process pools, forked on demand.

    ``prestart()`` forks the first worker at once, so that it loads the pipeline while
    this process is still importing and scanning, and has it fork the others once it has
    (:func:`fork_sibling`; a pool is given work once its worker is there);
    ``shutdown(kill=True)`` ends workers that were never needed without waiting for
    that. ``snapshot_dir``: where workers restore (or save) the built pipeline
    (:func:`kg.nlp.pipeline.get_nlp`)."""

    def __init__(self, n: int, snapshot_dir: str | os.PathLike[str] | None = None) -> None:
        self.n = max(1, n)
        self.snapshot_dir = os.fspath(snapshot_dir) if snapshot_dir is not None else None
        self.pools: list[tuple[Any, list[Any]]] = []
        #: pool → the future of its worker's pid, for pools whose worker the first forks
        self._forked: dict[int, Future[int]] = {}
        #: pool → (future, fn, args) submitted before its worker was forked
        self._deferred: dict[int, list[tuple[Future[Any], Any, tuple[Any, ...]]]] = {}
        self._lock = threading.Lock()
        self.used = False

    def _new(self, ctx: Any = None) -> tuple[ProcessPoolExecutor, list[Any]]:
        pool = (
            ProcessPoolExecutor(max_workers=1, mp_context=ctx)
            if ctx is not None
            else ProcessPoolExecutor(
                max_workers=1, initializer=worker_init, initargs=(os.getpid(), self.snapshot_dir)
            )
        )
        entry: tuple[ProcessPoolExecutor, list[Any]] = (pool, [])
        self.pools.append(entry)
        return entry

    @property
    def started(self) -> bool:
        return bool(self.pools)

    @property
    def broken(self) -> bool:
        """Whether a worker died (its pool takes no more work), or one was never forked."""
        return any(getattr(pool, "_broken", False) for pool, _ in self.pools) or any(
            f.done() and f.exception() is not None for f in self._forked.values()
        )

    def prestart(self) -> None:
        if self.pools:
            return
        first, _ = self._new()
        siblings = []
        if self.n > 1 and siblings_supported():
            for _ in range(self.n - 1):
                ctx = _SiblingContext()
                pool, _ = self._new(ctx)
                _SIBLINGS[id(pool)] = pool  # before the first worker is forked: it holds it
                siblings.append((pool, ctx))
        first.submit(noop)  # not counted as work in flight: the worker is for the next task
        for pool, ctx in siblings:
            self._forked[id(pool)] = ctx.forked
            fut = first.submit(fork_sibling, id(pool))
            fut.add_done_callback(functools.partial(self._sibling_forked, pool, first, ctx))
        first.submit(save_snapshot)  # once the others are forked, before its first batch
        for pool, _ in siblings:
            _SIBLINGS.pop(id(pool), None)  # the first worker has its copy

    def _sibling_forked(
        self, pool: Any, first: Any, ctx: _SiblingContext, fut: Future[int]
    ) -> None:
        """Runs when the first worker forked ``pool``'s worker (or failed to): the work
        kept for it is submitted (to the first pool, if the fork failed)."""
        exc = BrokenExecutor("stopped") if fut.cancelled() else fut.exception()
        with self._lock:
            if exc is None:
                ctx.forked.set_result(fut.result())
                target = pool
            else:
                ctx.forked.set_exception(exc)
                target = first
            waiting, self._deferred[id(pool)] = self._deferred.get(id(pool), []), []
        for proxy, fn, args in waiting:
            try:
                real = target.submit(fn, *args)
            except Exception as exc:  # the first pool broke too: the caller sees why
                proxy.set_exception(exc)
                continue
            real.add_done_callback(functools.partial(_chain, dst=proxy))

    def submit(self, fn: Any, *args: Any) -> Any:
        """``fn(*args)`` in the worker with the least work; work for a worker that the
        first one has not forked yet is kept until it has."""
        self.used = True
        if not self.pools:
            self.prestart()
        best = None
        for pool, futs in self.pools:
            futs[:] = [f for f in futs if not f.done()]
            if best is None or len(futs) < len(best[1]):
                best = (pool, futs)
        if best is None or (best[1] and len(self.pools) < self.n):
            best = self._new()
        pool, futs = best
        forked = self._forked.get(id(pool))
        if forked is not None and not forked.done():
            with self._lock:
                if not forked.done():
                    proxy: Future[Any] = Future()
                    self._deferred.setdefault(id(pool), []).append((proxy, fn, args))
                    futs.append(proxy)
                    return proxy
        if forked is not None and forked.exception() is not None:
            pool, futs = self.pools[0]  # never forked: the first worker does its share
        fut = pool.submit(fn, *args)
        futs.append(fut)
        return fut

    def shutdown(self, kill: bool = False) -> None:
        """Stop the forked workers (``kill``: at once). The workers forked by the first
        one are stopped before it: they die with it."""
        with self._lock:
            for waiting in self._deferred.values():
                for proxy, _, _ in waiting:
                    proxy.set_exception(BrokenExecutor("stopped before its worker started"))
            self._deferred = {}
        forked = []
        for pool, _ in reversed(self.pools):
            procs = list((getattr(pool, "_processes", None) or {}).values())
            if kill:
                for proc in procs:
                    proc.terminate()
            pool.shutdown(wait=True, cancel_futures=True)
            forked += [p for p in procs if isinstance(p, _SiblingProcess)]
        for proc in forked:
            proc.close()
        self.pools = []
        self._forked = {}


def _chain(src: Future[Any], dst: Future[Any]) -> None:
    """Settle ``dst`` as ``src`` was."""
    if src.cancelled():
        dst.cancel()
    elif src.exception() is not None:
        dst.set_exception(src.exception())
    else:
        dst.set_result(src.result())
