"""Cache files of the right kind: an entry of another kind where a cache keeps a file (a
folder, a named pipe that would block its reader, a socket) or a folder is never kg's
doing; it is renamed out of the way (set aside, never removed) with warning E111, and
that part of the cache starts afresh.

>>> import tempfile
>>> d = Path(tempfile.mkdtemp()); (d / "m.bin").mkdir()
>>> [w.code for w in set_aside(d, ["m.bin", "gone"])]
['E111']
>>> [p.name[:16] for p in d.iterdir() if p.name != SERIAL_NAME]
['m.bin.set-aside-']
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import stat
import time
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from kg.errors import Errors, KGError, warn
from kg.io import read_regular

__all__ = ["SERIAL_NAME", "one_at_a_time", "read_cache_file", "set_aside"]

#: the file locked while an entry of its folder is looked at and replaced (:func:`one_at_a_time`)
SERIAL_NAME = ".set-aside.lock"


def set_aside(cache_dir: str | os.PathLike[str], names: Iterable[str],
              folders: Iterable[str] = ()) -> list[KGError]:  # fmt: skip
    """Rename each of ``names`` in ``cache_dir`` that is there but no regular file (a
    folder, a pipe, a socket, a link to one of them), and each of ``folders`` that is
    there but no folder, to ``NAME.set-aside-TIME-PID``; a warning E111 for each.

    Another process may replace the entry between the look and the rename (a build
    that set it aside first and made its own file: its lock, its secret): a folder is
    renamed onto an empty folder made for it, which a file cannot be, and any other
    entry that turns out not to be the one looked at is put back. Among kg's processes
    the look and the rename are one step (:func:`one_at_a_time`): a third one cannot
    make its file in the moment a second one moved the first's away and puts it back
    (two builds then held the cache lock). One that cannot be renamed is left to the
    build's own error."""
    wanted = [(n, stat.S_ISREG, "a file") for n in names]
    wanted += [(n, stat.S_ISDIR, "a folder") for n in folders]
    wrong = [w for w in wanted if _wrong(Path(cache_dir) / w[0], w[1]) is not None]
    if not wrong:  # (the usual case: no lock taken, nothing made)
        return []
    warnings = []
    with one_at_a_time(cache_dir):
        for name, right, what in wrong:
            warnings += _set_aside(Path(cache_dir) / name, right, what)
    return warnings


@contextlib.contextmanager
def one_at_a_time(folder: str | os.PathLike[str]) -> Iterator[None]:
    """Within: no other process is within this block for ``folder``, so that a look at an
    entry of it and what is done upon what was seen (a rename, a replace) are one step
    (``flock`` on its file :data:`SERIAL_NAME`, made when missing). Not reentrant. Where
    the lock cannot be had (a folder that cannot be written, no locks on its file
    system) the block runs all the same: nothing can be renamed there either.

    >>> import tempfile
    >>> d = Path(tempfile.mkdtemp())
    >>> with one_at_a_time(d): (d / SERIAL_NAME).is_file()
    True
    """
    fd = -1
    try:  # (before the open: a signal's raise as flock returns closes the fd, unlocking)
        with contextlib.suppress(OSError):
            fd = os.open(Path(folder) / SERIAL_NAME,
                         os.O_RDWR | os.O_CREAT | os.O_NONBLOCK | os.O_NOCTTY | os.O_CLOEXEC,
                         0o600)  # fmt: skip
            fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        if fd >= 0:
            os.close(fd)  # (unlocks)


def _wrong(path: Path, right: Callable[[int], bool]) -> int | None:
    """The mode of ``path`` when it is there and not of the kind ``right`` tells."""
    try:
        mode = path.stat().st_mode
    except OSError:  # missing (or a dangling link: written through as a new file)
        return None
    return None if right(mode) else mode


def _set_aside(path: Path, right: Callable[[int], bool], what: str) -> list[KGError]:
    """:func:`set_aside` of one entry, looked at again (within :func:`one_at_a_time`)."""
    mode = _wrong(path, right)
    try:
        seen = path.lstat()  # (the entry itself: what a rename moves)
    except OSError:
        return []
    if mode is None:
        return []
    base = f"{path.name}.set-aside-{time.strftime('%Y%m%dT%H%M%S')}-{os.getpid()}"
    aside, n = path.with_name(base), 1
    while os.path.lexists(aside):
        n += 1
        aside = path.with_name(f"{base}~{n}")
    if not _moved(path, aside, seen):
        return []
    return [KGError(Errors.E111, path=path, kind=_kind(mode), wanted=what, aside=aside.name)]


def _moved(path: Path, aside: Path, seen: os.stat_result) -> bool:
    """Whether the entry ``seen`` at ``path`` was renamed to ``aside`` (and nothing else)."""
    if stat.S_ISDIR(seen.st_mode):
        try:
            os.mkdir(aside, 0o700)
        except OSError:
            return False
        try:
            os.rename(path, aside)  # (a file there now: EISDIR, nothing moved)
        except OSError:
            with contextlib.suppress(OSError):
                os.rmdir(aside)
            return False
        return True
    try:
        os.rename(path, aside)
        moved = os.lstat(aside)
    except OSError:
        return False
    if (moved.st_ino, moved.st_dev) == (seen.st_ino, seen.st_dev):
        return True
    with contextlib.suppress(OSError):  # another's since the look: put back (never over)
        os.link(aside, path, follow_symlinks=False)
        os.unlink(aside)
    return False


def _kind(mode: int) -> str:
    """What a file of ``mode`` is, in words.

    >>> _kind(stat.S_IFDIR)
    'a folder'
    """
    for test, kind in ((stat.S_ISDIR, "a folder"), (stat.S_ISFIFO, "a named pipe"),
                       (stat.S_ISSOCK, "a socket"), (stat.S_ISREG, "a file")):  # fmt: skip
        if test(mode):
            return kind
    return "a device"


def read_cache_file(path: str | os.PathLike[str]) -> bytes | None:
    """The bytes of the cache file ``path``; None when it is missing or unreadable, and
    when it is of another kind (a folder, a named pipe), which is then set aside with
    warning E111 so that the next save can write it.

    >>> import tempfile
    >>> d = Path(tempfile.mkdtemp()); (d / "t.bin").mkdir()
    >>> read_cache_file(d / "t.bin"), (d / "t.bin").exists()  # doctest: +ELLIPSIS
    (None, False)
    """
    try:
        return read_regular(path)
    except OSError:
        path = Path(path)
        for warning in set_aside(path.parent, [path.name]):
            warn(warning)
        return None
