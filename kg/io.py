"""Atomic file writes, the one way kg writes a file: a temporary file in the target's
folder, flushed and fsynced, then renamed over the target (``os.replace``).

A failed or interrupted write never leaves a half-written file behind, and a reader sees
either the old file or the new one. Outputs get the usual permissions (``0666 & ~umask``);
cache files written with ``private=True`` stay ``0600``.

>>> import tempfile, pathlib
>>> p = pathlib.Path(tempfile.mkdtemp()) / "a.txt"
>>> with atomic_write(p) as fh: _ = fh.write("ok")
>>> p.read_text()
'ok'
>>> write_bytes_atomic(p, b"new"); p.read_bytes()
b'new'
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

__all__ = ["atomic_write", "named_path", "write_bytes_atomic"]


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
    ``errors``); ``private`` keeps the file ``0600``."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        binary = "b" in mode
        with os.fdopen(fd, mode, encoding=None if binary else encoding, **kwargs) as fh:
            yield fh
            fh.flush()
            if fsync:
                os.fsync(fh.fileno())
        if not private:  # mkstemp creates 0600; outputs are shared files
            os.chmod(tmp, 0o666 & ~_umask())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


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
