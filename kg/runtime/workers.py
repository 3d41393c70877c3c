"""Worker processes: forked with pipes, the NLP pipeline loaded once per build.

:class:`Pools` is kg's own small process pool (``os.fork`` and two pipes per worker:
tasks in, results out; no thread in this process). The first worker is forked at once
(:meth:`Pools.prestart`) and builds (or restores) the pipeline while this process reads
its inputs; it then forks the other workers from itself, so that they start with the
pipeline loaded, sharing its memory copy-on-write, and only then has a forked child save
the pipeline's snapshot (:func:`kg.nlp.pipeline.save_later`) while it serves. Every
worker's pipes are made before the first worker is forked: work sent to a worker not
forked yet waits in its pipe.

Every worker dies with the build (:func:`kg.runtime.lifecycle.die_with_parent`: the first
with this process, the others with the first), never keeps the cache lock, and is waited
for by its parent, so that its CPU time counts in the build's (``RUSAGE_CHILDREN``).

>>> from kg.model import Document
>>> out = extract_batch([Document("a", "工信部表示。")])
>>> from kg.runtime.codec import decode_result
>>> decode_result(out[0]).doc_id
'a'
"""

from __future__ import annotations

import contextlib
import fcntl
import functools
import gc
import itertools
import os
import pickle
import select
import signal
import struct
import sys
import termios
import threading
import time
from collections import deque
from collections.abc import Callable, Iterator
from concurrent.futures import BrokenExecutor, Future
from typing import Any

from kg.model import Document
from kg.runtime.codec import encode_failure, encode_result
from kg.runtime.lifecycle import (
    STOP_SIGNALS,
    die_with_parent,
    fork_holding_signals,
    signals_held,
)

#: Bytes a pipe holds (Linux raises it up to ``/proc/sys/fs/pipe-max-size``): a batch
#: of documents (~0.6 MB) waits in its worker's pipe while the worker does the last one.
PIPE_SIZE = 1 << 20
#: Seconds :meth:`Pools.shutdown` waits for stopped workers before it kills them.
STOP_WAIT = 10.0

#: bytes a Chinese character takes in a task (UTF-8): with :data:`kg.nlp.segment.COMPILED_AFTER`
#: characters of text waiting in its pipe, a first worker that has loaded the pipeline
#: loads the compiled cut before it forks its siblings (:func:`_much_queued`)
TASK_BYTES_A_CHAR = 3
#: allocations between a worker's young collections (see :func:`worker_init`)
WORKER_GC_YOUNG = 10_000

_HEAD = struct.Struct("<Q")
_F_SETPIPE_SZ = getattr(fcntl, "F_SETPIPE_SZ", 1031)
_F_GETPIPE_SZ = getattr(fcntl, "F_GETPIPE_SZ", None)
#: what a pipe holds when the system does not say (Linux's and macOS's most)
_DEFAULT_PIPE = 65_536


def worker_init(
    parent: int | None = None, snapshot_dir: str | None = None, tasks: int | None = None
) -> None:
    """Start of a worker process: die with ``parent``, load the pipeline (its snapshot
    left to :func:`kg.nlp.pipeline.save_pending_snapshots`). ``tasks``: the pipe of the
    tasks of a worker that forks siblings next; when much text waits in it once the
    pipeline is loaded (a large build), the compiled cut is loaded too
    (:func:`kg.nlp.segment.load_compiled`), so that they are forked with it."""
    die_with_parent(parent)
    # no collection while the pipeline's modules are imported and it is loaded (they
    # walked the new objects 130 times over, ~0.06 CPU-s, before a restore or a build);
    # all of it lives as long as the worker: collections need not walk it later either
    gc.disable()
    from kg.nlp.regex_cache import compiling_from_table

    # the expressions the imports and the restore compile come from the table (``re``
    # is back as it was when they are done)
    with compiling_from_table():
        from kg.nlp.pipeline import get_nlp, save_later

        with save_later():
            get_nlp(lean=True, snapshot_dir=snapshot_dir)
        if tasks is not None and _much_queued(tasks):
            from kg.nlp.segment import load_compiled

            # here, with no collection and before the freeze: numba's ~87,000 objects
            # go to the permanent generation with the pipeline's
            load_compiled()
    gc.freeze()
    # a document's objects are short-lived and nearly all acyclic: a young collection every
    # 700 allocations (Python's default) walked them ~150 times per 3.5M characters,
    # ~1.5% of the worker's CPU, to free almost nothing
    gc.set_threshold(WORKER_GC_YOUNG, *gc.get_threshold()[1:])
    gc.enable()  # (the parent may have paused it for its own bulk work)


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


def siblings_supported() -> bool:
    """Whether workers can be forked from the first one (``os.fork``)."""
    return hasattr(os, "fork")


# --------------------------------------------------------------------------- frames


def _queued(fd: int) -> int:
    """Bytes waiting to be read in the pipe ``fd`` (0 when the system does not say)."""
    fionread = getattr(termios, "FIONREAD", None)
    if fionread is None:
        return 0
    try:
        buf = fcntl.ioctl(fd, fionread, b"\0\0\0\0")
    except OSError:
        return 0
    return struct.unpack("i", buf)[0]


def _much_queued(fd: int) -> bool:
    """Whether the text of :data:`kg.nlp.segment.COMPILED_AFTER` characters or more waits
    in the pipe ``fd``, past which each worker would load the compiled cut (a rebuild of
    a few short documents does not queue that much), or the pipe is full (one that holds
    less: the system's default pipe, when it did not enlarge it, :func:`_pipe`)."""
    from kg.nlp.segment import COMPILED_AFTER

    holds = _DEFAULT_PIPE
    if _F_GETPIPE_SZ is not None:
        with contextlib.suppress(OSError):
            holds = fcntl.fcntl(fd, _F_GETPIPE_SZ)
    return _queued(fd) >= min(TASK_BYTES_A_CHAR * COMPILED_AFTER, holds)


def _pipe() -> tuple[int, int]:
    r, w = os.pipe()
    with contextlib.suppress(OSError):  # a smaller pipe works too, with more waiting
        fcntl.fcntl(w, _F_SETPIPE_SZ, PIPE_SIZE)
    return r, w


def _frame(obj: Any) -> bytes:
    body = pickle.dumps(obj, protocol=pickle.HIGHEST_PROTOCOL)
    return _HEAD.pack(len(body)) + body


def _read_exactly(fd: int, n: int) -> bytes | None:
    """``n`` bytes from ``fd`` (blocking); None at end of file."""
    parts = []
    while n:
        try:
            chunk = os.read(fd, min(n, PIPE_SIZE))
        except InterruptedError:  # pragma: no cover (PEP 475 retries it)
            continue
        if not chunk:
            return None
        parts.append(chunk)
        n -= len(chunk)
    return b"".join(parts)


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view) :]


# --------------------------------------------------------------------------- workers


class _Ends:
    """The pipes of one worker: tasks (``task_r`` → worker) and results (worker →
    ``res_r``)."""

    __slots__ = ("res_r", "res_w", "task_r", "task_w")

    def __init__(self) -> None:
        self.task_r, self.task_w = _pipe()
        self.res_r, self.res_w = _pipe()

    def worker_side(self) -> tuple[int, int]:
        return self.task_r, self.res_w

    def all(self) -> tuple[int, int, int, int]:
        return self.task_r, self.task_w, self.res_r, self.res_w


def _close(fds: Any) -> None:
    for fd in fds:
        with contextlib.suppress(OSError):
            os.close(fd)


def _serve(task_r: int, res_w: int) -> None:
    """Run the tasks read from ``task_r`` until it ends, results to ``res_w``."""
    while True:
        head = _read_exactly(task_r, _HEAD.size)
        if head is None:
            return
        body = _read_exactly(task_r, _HEAD.unpack(head)[0])
        if body is None:
            return
        task_id, call = pickle.loads(body)
        try:
            fn, args = pickle.loads(call)  # a function this worker cannot find fails alone
            out = _frame((task_id, True, fn(*args)))
        except BaseException as exc:
            try:
                out = _frame((task_id, False, exc))
            except Exception:  # an exception that does not pickle: its text does
                out = _frame((task_id, False, RuntimeError(f"{type(exc).__name__}: {exc}")))
        with _term_deferred():  # a result half written would garble the pipe
            _write_all(res_w, out)
        if _SAVERS:
            _reap_savers(block=False)


#: the snapshot is saved in a forked child while the worker serves: on Linux only, where
#: the kernel kills the saver with its worker (:func:`die_with_parent`; elsewhere a saver
#: whose worker was killed would be left behind)
_FORK_SAVER = hasattr(os, "fork") and sys.platform.startswith("linux")

#: pids of the workers this worker forked (waited for before it exits)
_FORKED: list[int] = []
#: pids of the children saving the pipeline's snapshot (waited for when the build ends,
#: also by SIGTERM: a snapshot cut short would cost the next build the whole pipeline
#: again; a build stopped by ^C or an error SIGKILLs the worker instead, and the saver
#: dies with it: the next save sweeps its temporary file)
_SAVERS: list[int] = []
#: the first worker's result pipe
_RES_W: list[int] = []
#: the build's SIGTERM, held while this worker writes a result (a frame of its own in
#: the middle of one would garble the pipe; found under load: the build had read the
#: whole result and sent SIGTERM before the writer left its write, and the worker then
#: exited without telling the build it waited for its saver: the build killed both) or
#: forks a saver (its pid not recorded yet: the end of the build would not wait for it)
_BUSY: list[bool] = []
_TERM_LATER: list[int] = []


@contextlib.contextmanager
def _term_deferred() -> Iterator[None]:
    """Within: a SIGTERM is held (:func:`_reap_and_exit`); handled on the way out."""
    _BUSY.append(True)
    try:
        yield
    finally:
        _BUSY.clear()
        if _TERM_LATER:
            _reap_and_exit(_TERM_LATER.pop(), None)


def _reap(kill: bool, res_w: int | None = None) -> None:
    """Wait for the workers this one forked (``kill``: kill them first) and for its
    snapshot savers: their CPU time counts in the build's only once reaped. ``res_w``:
    tell the build that this worker only waits for its savers now (it then waits for it
    without a deadline, :meth:`Pools.shutdown`)."""
    for pid in _FORKED if kill else ():
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGKILL)
    while _FORKED:
        with contextlib.suppress(ChildProcessError, InterruptedError):
            os.waitpid(_FORKED[-1], 0)
        _FORKED.pop()
    if _SAVERS and res_w is not None:
        _reap_savers(block=False)
        if _SAVERS:
            with contextlib.suppress(OSError):
                _write_all(res_w, _frame((SAVING,)))
    _reap_savers(block=True)


#: the frame a worker writes when it only waits for its snapshot saver
SAVING = "saving"
#: the frame a worker writes when it could not load the pipeline (with why), then exits
UNSTARTED = "unstarted"


def _reap_savers(block: bool) -> None:
    """Wait for the snapshot savers that are done (``block``: for all of them)."""
    for pid in list(_SAVERS):
        try:
            done, _ = os.waitpid(pid, 0 if block else os.WNOHANG)
        except ChildProcessError:
            done = pid
        except InterruptedError:
            continue
        if done:
            _SAVERS.remove(pid)


def _save_aside(ends: list[_Ends]) -> None:
    """Save the snapshot of the pipeline this worker built in a forked child, while this
    worker serves: pickling it takes ~0.8 CPU-s, and results come back in input order,
    so a first worker busy saving held back the build and left its siblings idle once
    they had done their first batches. Linking a restored snapshot (cheap) is done here.
    Off Linux the snapshot is saved here too (:data:`_FORK_SAVER`).

    Memory: pickling touches the reference count of every object of the pipeline, so
    the saver's pages are copied on write: measured, a worker of 355 MB RSS (316 MB
    private) has a saver that ends with 160 MB private (the copied pages, the 35 MB
    pickle and its sealed copy) and peaks at 421 MB RSS, for the ~1 CPU-s of the save,
    once per pipeline version."""
    from kg.nlp import regex_cache
    from kg.nlp.pipeline import forget_pending_snapshots, save_pending_snapshots, to_pickle

    if not to_pickle() and regex_cache.pending() < regex_cache.MIN_NEW:
        save_pending_snapshots()
        return
    if not _FORK_SAVER:
        save_pending_snapshots()
        regex_cache.save()
        return
    me = os.getpid()
    with _term_deferred():
        pid = _fork_saver(me, ends)
        if pid:
            _SAVERS.append(pid)
            forget_pending_snapshots()  # the saver has them
    if not pid:  # could not fork
        save_pending_snapshots()
        regex_cache.save()


def _fork_saver(me: int, ends: list[_Ends]) -> int:
    """Fork the child that saves the snapshot; its pid (0: no fork)."""
    from kg.nlp import regex_cache
    from kg.nlp.pipeline import save_pending_snapshots

    try:
        pid = os.fork()
    except OSError:
        return 0
    if pid == 0:  # pragma: no cover (the saver)
        code = 1
        try:
            signal.signal(signal.SIGTERM, signal.SIG_DFL)
            _BUSY.clear()
            _TERM_LATER.clear()
            _FORKED.clear()
            _SAVERS.clear()
            die_with_parent(me)
            # the worker's pipes (the others' are closed already): the build must see
            # the worker's end when it dies, not when the saver does
            _close(ends[0].worker_side())
            save_pending_snapshots()
            regex_cache.save()  # the expressions the table lacked, for the next worker
            code = 0
        finally:
            os._exit(code)
    return pid


def _reap_and_exit(signum: int, frame: Any) -> None:
    if _BUSY:  # a result is being written, or a saver forked: on the way out of that
        _TERM_LATER.append(signum)
        return
    _reap(kill=True, res_w=_RES_W[0] if _RES_W else None)
    os._exit(128 + signum)


def _worker_main(
    ends: list[_Ends], parent: int, snapshot_dir: str | None
) -> None:  # pragma: no cover (runs in the forked worker; checked through its pool)
    """The body of the worker forked from the build for ``ends[0]``: load the pipeline,
    fork a worker for each of the other ``ends``, save the snapshot, serve. Never
    returns."""
    code = 1
    try:
        # ^C and a hang-up go to the whole process group: the build handles them and
        # stops us (one killed, or inheriting them ignored, takes us along: die_with_parent)
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        signal.signal(signal.SIGHUP, signal.SIG_IGN)
        for e in ends:
            _close((e.task_w, e.res_r))
        try:
            worker_init(parent, snapshot_dir, ends[0].task_r if len(ends) > 1 else None)
        except Exception as exc:  # the build's error says why, not only that it died
            with contextlib.suppress(Exception):
                _write_all(ends[0].res_w, _frame((UNSTARTED, f"{type(exc).__name__}: {exc}")))
            raise
        me = os.getpid()
        _RES_W[:] = [ends[0].res_w]
        signal.signal(signal.SIGTERM, _reap_and_exit)
        for i in range(1, len(ends)):
            try:
                pid = os.fork()
            except OSError as exc:  # its tasks fail: the build says so
                _write_all(ends[0].res_w, _frame(("unforked", i, exc)))
                _close(ends[i].worker_side())
                continue
            if pid == 0:
                code = 1
                try:
                    signal.signal(signal.SIGTERM, signal.SIG_DFL)
                    _FORKED.clear()
                    die_with_parent(me)
                    for e in (ends[0], *ends[i + 1 :]):  # still open in the first
                        _close(e.worker_side())
                    from kg.nlp.pipeline import forget_pending_snapshots

                    forget_pending_snapshots()  # the first worker saves it
                    _serve(*ends[i].worker_side())
                    code = 0
                finally:
                    os._exit(code)
            _FORKED.append(pid)
            _close(ends[i].worker_side())
        _save_aside(ends)  # after the forks: the others need not wait for it
        _serve(*ends[0].worker_side())
        code = 0
    finally:
        with contextlib.suppress(BaseException):
            _reap(kill=False, res_w=ends[0].res_w)
        os._exit(code)


class _Worker:
    """This process's side of one worker: its pipes, the pid when it is a child, the
    tasks sent and not answered, the bytes of tasks not written yet."""

    def __init__(self, ends: _Ends) -> None:
        self.ends = ends
        self.pid: int | None = None  # set for the workers this process forked
        self.pending: dict[int, Future[Any]] = {}
        self.outbox: deque[memoryview] = deque()
        self.buf = bytearray()
        self.dead: BaseException | None = None
        self.saving = False  # it only waits for its snapshot saver


class Pools:
    """Up to ``n`` worker processes (one task at a time each), forked on demand.

    ``prestart()`` forks the first worker at once, so that it loads the pipeline while
    this process is still importing and scanning, and has it fork the others once it has;
    ``submit(fn, *args)`` sends ``fn(*args)`` to the worker with the fewest tasks and
    returns a future at once (what its pipe cannot take yet is written later: this
    process goes on reading while the workers load); ``shutdown(kill=True)`` ends
    workers that were never needed without waiting for them. ``snapshot_dir``: where
    workers restore (or save) the built pipeline (:func:`kg.nlp.pipeline.get_nlp`).
    Tasks are written and results read by one thread that runs only while tasks are out
    (an idle pool leaves this process without threads, free to fork:
    :func:`kg.runtime.outputs.fork_safe`)."""

    def __init__(self, n: int, snapshot_dir: str | os.PathLike[str] | None = None) -> None:
        self.n = max(1, n)
        self.snapshot_dir = os.fspath(snapshot_dir) if snapshot_dir is not None else None
        self.workers: list[_Worker] = []
        self._ids = itertools.count()
        self._lock = threading.Lock()
        self._io: threading.Thread | None = None
        self._wake: tuple[int, int] | None = None  # wakes the thread for new output
        self.used = False

    @property
    def started(self) -> bool:
        return bool(self.workers)

    @property
    def broken(self) -> bool:
        """Whether a worker died (the pool takes no more work)."""
        with self._lock:
            self._read_ready(0)
            return any(w.dead is not None for w in self.workers)

    def _fork(self, count: int) -> None:
        """Fork a worker from this process that forks ``count - 1`` more from itself."""
        if self._wake is None:
            self._wake = os.pipe()
            for fd in self._wake:
                os.set_blocking(fd, False)
        ends = [_Ends() for _ in range(count)]
        workers = [_Worker(e) for e in ends]
        parent = os.getpid()
        # a stop signal waits until the worker is recorded (the build's cleanup stops only
        # those); one during the fork's hooks would be lost (:func:`fork_holding_signals`)
        with signals_held():
            pid = fork_holding_signals()
            if pid == 0:  # pragma: no cover (the worker)
                try:
                    signal.pthread_sigmask(signal.SIG_UNBLOCK, STOP_SIGNALS)
                    _close(self._wake)
                    for w in self.workers:  # this process's ends of earlier workers
                        _close((w.ends.task_w, w.ends.res_r))
                finally:
                    _worker_main(ends, parent, self.snapshot_dir)
            workers[0].pid = pid
            for e in ends:
                _close(e.worker_side())
                os.set_blocking(e.res_r, False)
                os.set_blocking(e.task_w, False)
            self.workers += workers

    def prestart(self) -> None:
        with self._lock:
            if not self.workers:
                self._fork(self.n if siblings_supported() else 1)

    def submit(self, fn: Any, *args: Any) -> Future[Any]:
        """``fn(*args)`` in the worker with the fewest tasks."""
        self.prestart()
        fut: Future[Any] = Future()
        fut.set_running_or_notify_cancel()
        task_id = next(self._ids)
        call = pickle.dumps((fn, args), protocol=pickle.HIGHEST_PROTOCOL)  # outside the lock
        data = memoryview(_frame((task_id, call)))
        with self._lock:
            self.used = True
            self._read_ready(0)
            dead = next((w.dead for w in self.workers if w.dead is not None), None)
            if dead is not None:  # (its reason: it could not load the pipeline, …)
                raise BrokenExecutor(str(dead) or "a worker process died")
            w = min(self.workers, key=lambda w: len(w.pending))
            if w.pending and len(self.workers) < self.n:  # more workers wanted since
                self._fork(1)
                w = self.workers[-1]
            w.pending[task_id] = fut
            w.outbox.append(data)
            self._flush(w)
            if self._io is None:
                self._io = threading.Thread(target=self._io_loop, name="kg-pool-io", daemon=True)
                self._io.start()
            elif w.outbox and self._wake is not None:
                with contextlib.suppress(OSError):
                    os.write(self._wake[1], b"w")
        return fut

    def _flush(self, w: _Worker) -> None:
        """(with the lock) Write what ``w``'s pipe takes of its tasks."""
        while w.outbox and w.dead is None:
            head = w.outbox[0]
            try:
                n = os.write(w.ends.task_w, head)
            except BlockingIOError:
                return
            except OSError:  # the worker is gone
                self._died(w, BrokenExecutor("a worker process died"))
                return
            if n == len(head):
                w.outbox.popleft()
            else:
                w.outbox[0] = head[n:]

    def _io_loop(self) -> None:
        """The thread: writes tasks, reads results, until no task is out."""
        while True:
            with self._lock:
                if not any(w.pending for w in self.workers) or self._wake is None:
                    self._io = None
                    return
                readers = [w.ends.res_r for w in self.workers if w.dead is None]
                writers = [w.ends.task_w for w in self.workers if w.dead is None and w.outbox]
                wake = self._wake[0]
            try:
                ready, writable, _ = select.select([wake, *readers], writers, [], 0.5)
            except (OSError, ValueError):  # closed by shutdown meanwhile
                continue
            with self._lock:
                if wake in ready:
                    with contextlib.suppress(OSError):
                        os.read(wake, 4096)
                for w in self.workers:
                    if w.dead is None and w.ends.task_w in writable:
                        self._flush(w)
                self._read_ready(0, ready)

    def _read_ready(self, timeout: float, ready: list[int] | None = None) -> None:
        """(with the lock) Read the workers whose results are there."""
        if ready is None:
            fds = [w.ends.res_r for w in self.workers if w.dead is None]
            ready = select.select(fds, [], [], timeout)[0] if fds else []
        for w in self.workers:
            if w.dead is None and w.ends.res_r in ready:
                self._read(w)

    def _read(self, w: _Worker) -> None:
        """Take what ``w`` has written; settle the futures of its whole frames."""
        while True:
            try:
                chunk = os.read(w.ends.res_r, PIPE_SIZE)
            except BlockingIOError:
                break
            except OSError:
                chunk = b""
            if not chunk:
                self._died(w, BrokenExecutor("a worker process died"))
                return
            w.buf += chunk
            if len(chunk) < PIPE_SIZE:
                break
        while len(w.buf) >= _HEAD.size:
            size = _HEAD.unpack_from(w.buf)[0]
            if len(w.buf) < _HEAD.size + size:
                break
            msg = pickle.loads(memoryview(w.buf)[_HEAD.size : _HEAD.size + size])
            del w.buf[: _HEAD.size + size]
            if msg[0] == SAVING:  # it has done its tasks: only its saver is left
                w.saving = True
                continue
            if msg[0] == UNSTARTED:  # its siblings were never forked: they go with it
                self._died(w, BrokenExecutor(f"it could not load the pipeline: {msg[1]}"))
                continue
            if msg[0] == "unforked":  # the first worker could not fork this one
                self._died(self.workers[self.workers.index(w) + msg[1]], msg[2])
                continue
            task_id, ok, value = msg
            fut = w.pending.pop(task_id, None)
            if fut is None:
                continue
            if ok:
                fut.set_result(value)
            else:
                fut.set_exception(value)

    def _died(self, w: _Worker, exc: BaseException) -> None:
        if w.dead is not None:
            return
        w.dead = exc
        w.outbox.clear()
        pending, w.pending = w.pending, {}
        for fut in pending.values():
            if not fut.done():
                fut.set_exception(exc)

    def _saving(self, w: _Worker) -> bool:
        """Whether ``w`` has said that it only waits for its snapshot saver."""
        with self._lock:
            self._read_ready(0)
        return w.saving

    def shutdown(self, kill: bool = False, abort: bool = False) -> None:
        """Stop the workers (``kill``: at once; else once they have done the tasks
        written to them: those not written yet are not run). Each first worker waits for
        the ones it forked, and for its snapshot saver, before it exits (as long as the
        save takes: see :func:`_wait_pid`). ``abort`` (^C, an error): SIGKILL, the
        workers' children die with them, the snapshot is not saved."""
        with self._lock:
            workers = list(self.workers)
            for w in workers:
                _close((w.ends.task_w,))  # the end of the tasks: the worker exits
                w.outbox.clear()
        for w in workers:
            if w.pid is None:
                continue
            if kill or abort:
                with contextlib.suppress(ProcessLookupError):
                    # SIGTERM: it kills its siblings and waits for its saver
                    os.kill(w.pid, signal.SIGKILL if abort else signal.SIGTERM)
            _wait_pid(w.pid, STOP_WAIT, None if abort else functools.partial(self._saving, w))
        with self._lock:
            self._read_ready(0)
            for w in workers:
                self._died(w, BrokenExecutor("stopped"))
            io = self._io
            if io is not None and self._wake is not None:
                with contextlib.suppress(OSError):
                    os.write(self._wake[1], b"w")
        if io is not None:  # sees nothing left to wait for
            io.join(STOP_WAIT)
        with self._lock:
            for w in workers:
                _close((w.ends.res_r,))
            if self._wake is not None:
                _close(self._wake)
                self._wake = None
            self.workers = []


def _wait_pid(pid: int, timeout: float, patient: Callable[[], bool] | None = None) -> None:
    """Wait for child ``pid`` to exit; after ``timeout`` seconds kill it (its own
    children die with it), unless ``patient()`` says then that it only waits for its
    snapshot saver: then wait as long as that takes (bounded work, and the saver dies
    with it if the build is stopped), so that a loaded machine does not lose the
    snapshot every time."""
    end = time.monotonic() + timeout
    while True:
        try:
            done, _ = os.waitpid(pid, os.WNOHANG)
        except ChildProcessError:
            return
        if done:
            return
        if time.monotonic() > end:
            if patient is not None and patient():
                patient = None
                end = float("inf")
                continue
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
            with contextlib.suppress(ChildProcessError):
                os.waitpid(pid, 0)
            return
        time.sleep(0.005)
