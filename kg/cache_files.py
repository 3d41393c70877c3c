"""Cache files of the right kind: an entry of another kind where a cache keeps a file (a
folder, a named pipe that would block its reader, a socket) or a folder is never kg's
doing; it is renamed out of the way (set aside, never removed) with warning E111, and
that part of the cache starts afresh.

>>> import tempfile
>>> d = Path(tempfile.mkdtemp()); (d / "m.bin").mkdir()
>>> [w.code for w in set_aside(d, ["m.bin", "gone"])]
['E111']
>>> [p.name[:16] for p in d.iterdir()]
['m.bin.set-aside-']
"""

from __future__ import annotations

import contextlib
import os
import stat
import time
from collections.abc import Iterable
from pathlib import Path

from kg.errors import Errors, KGError, warn
from kg.io import read_regular

__all__ = ["read_cache_file", "set_aside"]


def set_aside(cache_dir: str | os.PathLike[str], names: Iterable[str],
              folders: Iterable[str] = ()) -> list[KGError]:  # fmt: skip
    """Rename each of ``names`` in ``cache_dir`` that is there but no regular file (a
    folder, a pipe, a socket, a link to one of them), and each of ``folders`` that is
    there but no folder, to ``NAME.set-aside-TIME-PID``; a warning E111 for each.

    Another process may replace the entry between the look and the rename (a build
    that set it aside first and made its own file: its lock, its secret): a folder is
    renamed onto an empty folder made for it, which a file cannot be, and any other
    entry that turns out not to be the one looked at is put back. One that cannot be
    renamed is left to the build's own error."""
    warnings = []
    wanted = [(n, stat.S_ISREG, "a file") for n in names]
    wanted += [(n, stat.S_ISDIR, "a folder") for n in folders]
    for name, right, what in wanted:
        path = Path(cache_dir) / name
        try:
            mode = path.stat().st_mode
            seen = path.lstat()  # (the entry itself: what a rename moves)
        except OSError:  # missing (or a dangling link: written through as a new file)
            continue
        if right(mode):
            continue
        base = f"{name}.set-aside-{time.strftime('%Y%m%dT%H%M%S')}-{os.getpid()}"
        aside, n = path.with_name(base), 1
        while os.path.lexists(aside):
            n += 1
            aside = path.with_name(f"{base}~{n}")
        if _moved(path, aside, seen):
            warnings.append(KGError(Errors.E111, path=path, kind=_kind(mode), wanted=what,
                                    aside=aside.name))  # fmt: skip
    return warnings


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
