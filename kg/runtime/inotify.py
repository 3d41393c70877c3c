"""Waiting for a change under some folders: inotify on Linux (through ctypes), else a
sleep (the caller then polls).

``kg build --watch`` looks at its inputs again as soon as the kernel says something under
them changed, instead of every ``interval`` seconds; the look itself (size and mtime of
every input file) stays the judge of whether anything did change. When the kernel named
only files whose content or attributes changed (:attr:`Watcher.touched`), the look may be
limited to those files: no file came or went.

>>> import tempfile, pathlib
>>> d = pathlib.Path(tempfile.mkdtemp())
>>> (d / "a.txt").write_text("x")
1
>>> w = Watcher([d])
>>> (d / "a.txt").write_text("y") and w.wait(5.0)
True
>>> sorted(p.name for p in w.touched)
['a.txt']
>>> (d / "b.txt").write_text("x") and w.wait(5.0), w.touched
(True, None)
>>> w.wait(0.01)
False
>>> w.close()
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import select
import struct
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
IN_Q_OVERFLOW = 0x4000
IN_IGNORED = 0x8000
IN_ISDIR = 0x40000000
#: The events that change a file's content or attributes only (no file comes or goes).
IN_CONTENT = IN_MODIFY | IN_ATTRIB | IN_CLOSE_WRITE
#: Events closer together than this are one change (an editor's save is several).
SETTLE = 0.02
#: ``struct inotify_event`` before its name: wd, mask, cookie, len.
_EVENT = struct.Struct("iIII")


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
    watch could not be set), False after ``timeout`` seconds without a change; then
    :attr:`touched` holds the files the kernel named, when it named only changes of
    existing files' content or attributes (else None: anything may have changed)."""

    def __init__(self, roots: Iterable[str | os.PathLike[str]]) -> None:
        self.roots = [Path(r) for r in roots]
        self.fd: int | None = None
        #: the files whose content or attributes changed in the last change :meth:`wait`
        #: reported, when nothing else happened (None: unknown, or files came or went)
        self.touched: set[Path] | None = None
        self._folder: dict[int, Path] = {}  # watch descriptor → its folder
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
            self._folder[wd] = folder

    def _read(self, touched: set[Path] | None) -> set[Path] | None:
        """Read the pending events; the files they name when they are all changes of
        content or attributes of files (None once any other event is met)."""
        with contextlib.suppress(BlockingIOError):
            while data := os.read(self.fd, 65536):  # type: ignore[arg-type]
                pos = 0
                while pos + _EVENT.size <= len(data):
                    wd, mask, _, n = _EVENT.unpack_from(data, pos)
                    name = data[pos + _EVENT.size : pos + _EVENT.size + n].rstrip(b"\0")
                    pos += _EVENT.size + n
                    folder = self._folder.get(wd)
                    if touched is None or mask & IN_IGNORED:
                        continue
                    if mask & ~IN_CONTENT or not name or folder is None:
                        touched = None  # a file or folder came or went, or unknown
                    else:
                        touched.add(folder / os.fsdecode(name))
        return touched

    def wait(self, timeout: float) -> bool:
        self.touched = None
        if self.fd is None:
            time.sleep(timeout)
            return True  # the caller looks
        ready, _, _ = select.select([self.fd], [], [], timeout)
        if not ready:
            return False
        touched: set[Path] | None = set()
        while True:  # drain this change and those right behind it
            touched = self._read(touched)
            if not select.select([self.fd], [], [], SETTLE)[0]:
                break
        if touched is None:  # new folders are watched too (adding a watch again is harmless)
            self._watch()
        self.touched = touched
        return True

    def close(self) -> None:
        if self.fd is not None:
            os.close(self.fd)
            self.fd = None
