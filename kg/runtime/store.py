"""The cache's files: records in an append-only pack, and checked data files.

The cache folder is data a build must not trust (anyone who can write there could
otherwise make the next build run code, or crash it). So nothing in it is unpickled:

- :func:`dump_checked` / :func:`load_checked`: a small msgpack document behind a magic
  and a blake2b digest (the manifest, the pack indexes). A damaged or foreign file loads
  as None and the build starts that part afresh;
- :class:`PackStore`: records (bytes) by key in one append-only file plus its index
  (``<pack>.idx``, a checked file). Each index entry carries the record's CRC-32: a record
  whose bytes do not match is dropped, counted in ``damaged`` and read as a miss.

>>> import tempfile
>>> d = Path(tempfile.mkdtemp())
>>> s = PackStore(d / "x.pack"); s.put("k", b"abc"); s.close()
>>> s = PackStore(d / "x.pack"); s.get("k"), s.get("nope"); s.close()
(b'abc', None)
>>> with open(d / "x.pack", "r+b") as f: _ = f.write(b"X")
>>> s = PackStore(d / "x.pack"); s.get("k"), s.damaged; s.close()
(None, 1)
"""

from __future__ import annotations

import hashlib
import mmap
import os
import zlib
from collections.abc import Iterable
from os import PathLike
from pathlib import Path
from typing import Any

from kg.io import atomic_write, read_regular
from kg.runtime.codec import pack, unpack

#: Bump when the layout of a cache file changes: older files are started afresh.
STORE_VERSION = 4
MAGIC = b"KGC\x04"
_DIGEST = 16


def dump_checked(path: str | PathLike[str], obj: Any) -> None:
    """Write ``obj`` (plain data) atomically with a magic and a digest of its bytes."""
    body = pack(obj)
    digest = hashlib.blake2b(body, digest_size=_DIGEST).digest()
    with atomic_write(path, "wb", private=True, fsync=False) as f:
        f.write(MAGIC + digest + body)


def load_checked(path: str | PathLike[str]) -> tuple[Any, bool]:
    """``(value, damaged)``: the value of :func:`dump_checked` (None when the file is
    missing or unusable; ``damaged`` says it was there but damaged or foreign)."""
    try:
        data = read_regular(path)
    except FileNotFoundError:
        return None, False
    except OSError:
        return None, True
    head = len(MAGIC) + _DIGEST
    if len(data) < head or data[: len(MAGIC)] != MAGIC:
        return None, True
    body = memoryview(data)[head:]
    if hashlib.blake2b(body, digest_size=_DIGEST).digest() != data[len(MAGIC) : head]:
        return None, True
    try:
        return unpack(body), False
    except Exception:
        return None, True


class PackStore:
    """Records (bytes) by key in one append-only file plus a checked index.

    ``get`` reads through a memory map and checks the record's CRC-32; ``put`` appends.
    ``close`` writes the index atomically (and compacts the pack when most of it is
    garbage). Keys not read or written since opening are dropped at compaction when
    ``keep_untouched`` is false. ``damaged``: records and index files found damaged.
    """

    def __init__(self, path: str | PathLike[str], *, readonly: bool = False) -> None:
        self.path = Path(path)
        self.idx_path = self.path.with_name(self.path.name + ".idx")
        self.readonly = readonly
        self.index: dict[str, Any] = {}  # key → (offset, length, crc32)
        self.touched: set[str] = set()
        self.damaged = 0
        self._mm: mmap.mmap | None = None
        self._fh: Any = None
        self._end = 0
        self._dirty = False
        self._pid = os.getpid()
        head, damaged = load_checked(self.idx_path)
        self.damaged += damaged
        try:
            size = self.path.stat().st_size
        except OSError:
            size = -1
        if self._valid(head, size):
            self.index = head["index"]
            self._end = head["end"]
        elif head is not None:
            self.damaged += 1

    @staticmethod
    def _valid(head: Any, size: int) -> bool:
        if not (isinstance(head, dict) and head.get("version") == STORE_VERSION):
            return False
        end, index = head.get("end"), head.get("index")
        # entries are checked when read (:meth:`get`): a forged one is a miss
        return isinstance(end, int) and 0 <= end <= size and isinstance(index, dict)

    def __contains__(self, key: str) -> bool:
        return key in self.index

    def __len__(self) -> int:
        return len(self.index)

    def _map(self) -> mmap.mmap | None:
        if self._mm is None and self._end > 0:
            if self._fh is not None and self._pid == os.getpid():
                # (a forked child, e.g. the view writer, must not write its parent's
                # buffer: the parent will; the child sees what is on disk)
                self._fh.flush()
            with self.path.open("rb") as f:
                if os.fstat(f.fileno()).st_size == 0:
                    return None
                self._mm = mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ)
        return self._mm

    def get(self, key: str) -> bytes | None:
        """The record of ``key``; None when absent or damaged (then it is dropped)."""
        loc = self.index.get(key)
        if loc is None:
            return None
        try:
            off, n, crc = loc
            if not (0 <= off and 0 <= n and off + n <= self._end):
                raise ValueError(key)
            mm = self._map()
            if mm is None or off + n > len(mm):  # written since the file was mapped
                if self._fh is not None and self._pid == os.getpid():
                    self._fh.flush()
                if self._mm is not None:
                    self._mm.close()
                    self._mm = None
                mm = self._map()
        except (OSError, ValueError, TypeError):
            mm = off = n = crc = None
        data = mm[off : off + n] if mm is not None and off + n <= len(mm) else None  # type: ignore[operator]
        if data is None or zlib.crc32(data) != crc:
            self.damaged += 1
            del self.index[key]
            self.touched.discard(key)
            self._dirty = True
            return None
        self.touched.add(key)
        return data

    def touch(self, key: str) -> None:
        if key in self.index:
            self.touched.add(key)

    def keep_all(self) -> None:
        """Keep every record at :meth:`close` as if it had been read (a build that did
        not need them this time, e.g. its outputs were up to date)."""
        self.touched.update(self.index)

    def put(self, key: str, data: bytes) -> None:
        if self.readonly:
            return
        if self._fh is None:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._fh = open(self.path, "r+b" if self.path.exists() else "w+b")
            self._fh.truncate(self._end)  # drop bytes no index refers to (a crashed build)
            self._fh.seek(self._end)
        self._fh.write(data)
        self.index[key] = (self._end, len(data), zlib.crc32(data))
        self._end += len(data)
        self.touched.add(key)
        self._dirty = True

    def live_bytes(self, keys: Iterable[str]) -> int:
        keys = list(keys)
        try:
            return sum(self.index[k][1] for k in keys if k in self.index)
        except (TypeError, IndexError, KeyError):  # a forged index: keep the sound entries
            self.index = {
                k: v
                for k, v in self.index.items()
                if isinstance(v, list | tuple) and len(v) == 3 and all(type(x) is int for x in v)
            }
            self.damaged += 1
            return sum(self.index[k][1] for k in keys if k in self.index)

    def close(self, *, keep_untouched: bool = True) -> None:
        """Flush, compact when worthwhile, and write the index."""
        if self._fh is not None:
            self._fh.flush()
            self._fh.close()
            self._fh = None
        if self._mm is not None:
            self._mm.close()
            self._mm = None
        if self.readonly:
            return
        live = set(self.index) if keep_untouched else self.touched & set(self.index)
        live_size = self.live_bytes(live)
        if self._end > 2 * live_size + (1 << 22):
            self._compact(live)
            self._dirty = True
        elif len(live) < len(self.index):
            self.index = {k: v for k, v in self.index.items() if k in live}
            self._dirty = True
        if self._dirty:
            dump_checked(
                self.idx_path,
                {"version": STORE_VERSION, "end": self._end, "index": self.index},
            )
            self._dirty = False

    def _compact(self, live: set[str]) -> None:
        new: dict[str, Any] = {}
        pos = 0
        with (
            self.path.open("rb") as src,
            atomic_write(self.path, "wb", private=True, fsync=False) as dst,
        ):
            mm = mmap.mmap(src.fileno(), 0, access=mmap.ACCESS_READ) if self._end else None
            try:
                for key in sorted(live, key=lambda k: (self.index[k][0], k)):
                    off, n, crc = self.index[key]
                    if mm is None or off + n > len(mm) or zlib.crc32(mm[off : off + n]) != crc:
                        continue
                    dst.write(mm[off : off + n])
                    new[key] = (pos, n, crc)
                    pos += n
            finally:
                if mm is not None:
                    mm.close()
        self.index, self._end = new, pos
