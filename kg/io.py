"""Atomic file writes, the one way kg writes a file: a temporary file in the target's
folder, flushed and fsynced, then renamed over the target (``os.replace``).

A failed or interrupted write never leaves a half-written file behind, and a reader sees
either the old file or the new one. Outputs get the usual permissions (``0666 & ~umask``);
cache files written with ``private=True`` stay ``0600``.

Inside ``with syncing(folder) as wait:`` the end of each write of a file in ``folder``
(fsync, then rename) runs in a thread of its own, started when the file is written:
``fsync`` releases the GIL, so the files' syncs overlap each other and the work that
follows; ``wait()`` (or the block's end) waits for them, and every such file is in place
only then, each after its own data is on disk. Every other write (a cache's, whose order
matters) ends in the writing thread, as outside a block.

>>> import tempfile, pathlib
>>> p = pathlib.Path(tempfile.mkdtemp()) / "a.txt"
>>> with atomic_write(p) as fh: _ = fh.write("ok")
>>> p.read_text()
'ok'
>>> write_bytes_atomic(p, b"new"); p.read_bytes()
b'new'
>>> with syncing(p.parent) as wait:
...     write_bytes_atomic(p, b"later")
...     wait(); p.read_bytes()
b'later'

:func:`read_regular` reads a file that must be a regular one (a cache's): a named pipe
there would block a plain ``open`` for good.
"""

from __future__ import annotations

import contextlib
import errno
import functools
import os
import stat
import tempfile
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO, Any

__all__ = ["atomic_write", "named_path", "read_regular", "syncing", "write_bytes_atomic"]


class _SyncThreads:
    """The ends of the atomic writes into one folder of one ``syncing()`` block (of the
    thread and process that opened it: a forked child writes its own files to the end)."""

    def __init__(self, folder: str | os.PathLike[str]) -> None:
        self.owner = (os.getpid(), threading.get_ident())
        self.folder = Path(os.path.abspath(folder))
        self.threads: list[threading.Thread] = []
        self.errors: list[BaseException] = []

    def takes(self, path: Path) -> bool:
        """Whether the write of ``path`` ends in a thread of this block."""
        return self.owner == (os.getpid(), threading.get_ident()) and (
            Path(os.path.abspath(path.parent)) == self.folder
        )

    def start(self, end: Callable[[], None], discard: Callable[[], None]) -> None:
        """Run ``end`` in a thread; ``discard`` (the temporary file's removal) when no
        thread could be started."""

        def run() -> None:
            try:
                end()
            except BaseException as exc:  # (raised by ``wait`` in the writing thread)
                self.errors.append(exc)

        t = threading.Thread(target=run, name="kg-sync", daemon=True)
        self.threads.append(t)
        try:
            t.start()
        except BaseException:
            if t.ident is None:  # never started: nothing will end this write
                self.threads.remove(t)
                discard()
            raise

    def wait(self) -> None:
        while self.threads:
            self.threads[0].join()
            self.threads.pop(0)
        if self.errors:
            exc, self.errors = self.errors[0], []
            raise exc

    def settle(self) -> None:
        """Join every thread, errors dropped (the block's own exception is told), an
        interruption meanwhile (a second Ctrl-C) raised only once all ended: no thread
        renames a file into a folder the caller then removes."""
        interrupted: BaseException | None = None
        while self.threads:
            try:
                self.threads[0].join()
            except BaseException as exc:
                interrupted = interrupted or exc
                continue
            self.threads.pop(0)
        self.errors = []
        if interrupted is not None:
            raise interrupted


_open_ends: list[_SyncThreads] = []


@contextlib.contextmanager
def syncing(folder: str | os.PathLike[str]) -> Iterator[Callable[[], None]]:
    """A block whose atomic writes of files in ``folder`` end (fsync, rename) in threads of
    their own; yields the function that waits for them (raising the first write's error);
    the block's end waits too. A file is in place once its write ended: read it after
    ``wait()``. Only the writes of the thread (and process) that opened the block, and only
    into ``folder`` itself, are so: any other write ends before it returns.

    >>> import tempfile, pathlib
    >>> d = pathlib.Path(tempfile.mkdtemp())
    >>> with syncing(d / "stage") as wait:
    ...     write_bytes_atomic(d / "stage" / "out.txt", b"o")  # (in place after wait())
    ...     write_bytes_atomic(d / "cache.bin", b"c")  # not in the folder: in place now
    ...     (d / "cache.bin").read_bytes()
    b'c'
    """
    ends = _SyncThreads(folder)
    _open_ends.append(ends)
    try:
        yield ends.wait
        ends.wait()
    except BaseException:
        ends.settle()
        raise
    finally:
        _open_ends.remove(ends)


def _end(tmp: str, path: Path, synced: int | None, perms: int | None) -> None:
    """The end of an atomic write: the data on disk (``synced``: a descriptor of the
    temporary file, closed here), its permissions set (``perms``, None: as made), then
    the file renamed over ``path``; on any failure the temporary file is removed and an
    ``OSError`` names ``path`` (``filename2``; the fsync's names no file)."""
    try:
        if synced is not None:
            try:
                os.fsync(synced)
            finally:
                os.close(synced)
        if perms is not None:
            os.chmod(tmp, perms)
        os.replace(tmp, path)
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        if exc.filename2 is None:  # (an fsync's or chmod's: the target named)
            raise OSError(exc.errno, exc.strerror, tmp, None, str(path)) from exc
        raise
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


@contextlib.contextmanager
def atomic_write(
    path: str | os.PathLike[str],
    mode: str = "w",
    encoding: str | None = "utf-8",
    *,
    private: bool = False,
    fsync: bool = True,
    **kwargs: Any,
) -> Iterator[IO[Any]]:
    """Open a temporary file beside ``path`` for writing; on success flush, fsync and
    rename it over ``path``; on any exception remove it and leave ``path`` as it was.

    ``mode`` is ``"w"`` or ``"wb"``; ``kwargs`` go to :func:`open` (``newline``,
    ``errors``); ``private`` keeps the file ``0600``. Inside :func:`syncing`, the fsync
    and the rename run in a thread of their own once the file is written (``path`` is in
    place after that block's ``wait()``)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    synced = None
    handed = False  # once True, ``_end`` (or the thread that runs it) owns tmp and synced
    try:
        binary = "b" in mode
        with os.fdopen(fd, mode, encoding=None if binary else encoding, **kwargs) as fh:
            yield fh
            fh.flush()
            if fsync:
                synced = os.dup(fh.fileno())
        # mkstemp creates 0600; outputs are shared files (the umask read here: setting it
        # to read it is not safe in another thread)
        perms = None if private else 0o666 & ~_umask()
        end = functools.partial(_end, tmp, path, synced, perms)
        ends = _open_ends[-1] if _open_ends else None
        handed = True
        if ends is not None and ends.takes(path):
            ends.start(end, functools.partial(_discard, tmp, synced))
        else:
            end()
    except BaseException:
        if not handed:
            _discard(tmp, synced)
        raise


def _discard(tmp: str, synced: int | None) -> None:
    """Remove an atomic write's temporary file and close its descriptor (``synced``)."""
    if synced is not None:
        with contextlib.suppress(OSError):
            os.close(synced)
    with contextlib.suppress(OSError):
        os.unlink(tmp)


def write_bytes_atomic(
    path: str | os.PathLike[str], data: bytes, *, private: bool = False, fsync: bool = True
) -> None:
    """Write ``data`` to ``path`` atomically (:func:`atomic_write`)."""
    with atomic_write(path, "wb", private=private, fsync=fsync) as fh:
        fh.write(data)


def named_path(exc: OSError, default: str | os.PathLike[str]) -> str | os.PathLike[str]:
    """The file an ``OSError`` of a write is about: of a rename (``os.replace``, the end of
    an atomic write or a publish), its target, not the temporary file, gone afterwards;
    else the file it names; else ``default`` (what was to be written).

    >>> named_path(OSError(13, "Permission denied", "out/.tmp", None, "out/g.ttl"), "out")
    'out/g.ttl'
    >>> named_path(OSError(28, "No space left"), "out")
    'out'
    """
    return exc.filename2 or exc.filename or default


def read_regular(path: str | os.PathLike[str]) -> bytes:
    """The bytes of ``path`` when it is a regular file (or a link to one); ``OSError``
    naming it otherwise: a folder, a device, or a named pipe, which a plain ``open``
    would wait on until something writes into it (a build blocked for good by its
    cache).

    >>> import tempfile
    >>> d = tempfile.mkdtemp(); os.mkfifo(f"{d}/p")
    >>> read_regular(f"{d}/p")
    Traceback (most recent call last):
    OSError: [Errno 22] not a regular file: '.../p'
    """
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_NOCTTY | os.O_CLOEXEC)
    try:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            code = errno.EISDIR if stat.S_ISDIR(mode) else errno.EINVAL
            raise OSError(code, "not a regular file", os.fspath(path))
        with os.fdopen(fd, "rb") as f:
            fd = -1  # (closed with f)
            return f.read()
    finally:
        if fd >= 0:
            os.close(fd)
