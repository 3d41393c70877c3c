"""Waiting for a change under some folders: inotify on Linux (through ctypes), else a
sleep (the caller then polls).

``kg build --watch`` looks at its inputs again as soon as the kernel says something under
them changed, instead of every ``interval`` seconds; the look itself (size and mtime of
every input file) stays the judge of whether anything did change.

>>> import tempfile, pathlib
>>> d = pathlib.Path(tempfile.mkdtemp())
>>> w = Watcher([d])
>>> (d / "a.txt").write_text("x") and w.wait(5.0)
True
>>> w.wait(0.01)
False
>>> w.close()
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import select
import sys
import time
from collections.abc import Iterable
from pathlib import Path

IN_MODIFY = 0x002
IN_ATTRIB = 0x004
IN_CLOSE_WRITE = 0x008
IN_MOVED_FROM = 0x040
IN_MOVED_TO = 0x080
IN_CREATE = 0x100
IN_DELETE = 0x200
IN_DELETE_SELF = 0x400
IN_MOVE_SELF = 0x800
IN_ONLYDIR = 0x01000000
IN_NONBLOCK = os.O_NONBLOCK
IN_CLOEXEC = os.O_CLOEXEC
MASK = (
    IN_MODIFY | IN_ATTRIB | IN_CLOSE_WRITE | IN_MOVED_FROM | IN_MOVED_TO | IN_CREATE
    | IN_DELETE | IN_DELETE_SELF | IN_MOVE_SELF
)  # fmt: skip
#: Events closer together than this are one change (an editor's save is several).
SETTLE = 0.02


def _libc() -> ctypes.CDLL | None:
    if not sys.platform.startswith("linux"):
        return None
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.inotify_init1, libc.inotify_add_watch  # noqa: B018
    except (OSError, AttributeError):
        return None
    return libc


def _folders(roots: Iterable[Path]) -> list[Path]:
    """Every folder to watch: the folders given and those under them (hidden ones
    skipped, as the input walk skips them), and the folder of each file given."""
    out: list[Path] = []
    for root in roots:
        if root.is_dir():
            out.append(root)
            for dirpath, dirnames, _ in os.walk(root, followlinks=True):
                dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
                out += [Path(dirpath) / d for d in dirnames]
        else:
            out.append(root.parent)
    return list(dict.fromkeys(out))


class Watcher:
    """``wait(timeout)``: True when something under ``roots`` changed (or may have: the
    watch could not be set), False after ``timeout`` seconds without a change."""

    def __init__(self, roots: Iterable[str | os.PathLike[str]]) -> None:
        self.roots = [Path(r) for r in roots]
        self.fd: int | None = None
        libc = _libc()
        if libc is not None:
            fd = libc.inotify_init1(IN_NONBLOCK | IN_CLOEXEC)
            if fd >= 0:
                self.fd, self._libc = fd, libc
                self._watch()

    @property
    def native(self) -> bool:
        """Whether the kernel tells of changes (else :meth:`wait` only sleeps)."""
        return self.fd is not None

    def _watch(self) -> None:
        if self.fd is None:
            return
        for folder in _folders(self.roots):
            wd = self._libc.inotify_add_watch(self.fd, os.fsencode(folder), MASK | IN_ONLYDIR)
            if wd < 0:  # too many folders (fs.inotify.max_user_watches): poll instead
                self.close()
                return

    def wait(self, timeout: float) -> bool:
        if self.fd is None:
            time.sleep(timeout)
            return True  # the caller looks
        ready, _, _ = select.select([self.fd], [], [], timeout)
        if not ready:
            return False
        while True:  # drain this change and those right behind it
            with contextlib.suppress(BlockingIOError):
                while os.read(self.fd, 65536):
                    pass
            if not select.select([self.fd], [], [], SETTLE)[0]:
                break
        self._watch()  # new folders are watched too (adding a watch again is harmless)
        return True

    def close(self) -> None:
        if self.fd is not None:
            os.close(self.fd)
            self.fd = None
