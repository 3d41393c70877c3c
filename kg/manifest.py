"""Incremental build state: what the last build read, extracted and wrote.

A rebuild after one document changed should cost about one document, not the corpus.
Three things under the cache folder (``OUT/.cache`` by default) make that possible:

- the **manifest** (``manifest.pkl``): for every input file, its size and ``mtime_ns``
  and, per document read from it, the document id, the content hash (the result key:
  :func:`kg.extract_parallel.doc_hash`), the metadata and the length. A file whose size
  and mtime are unchanged is not read again: its documents come straight from the store.
  The manifest is only trusted for the same pipeline version and reading options;
  a file modified too close to the moment the manifest was taken is re-read anyway (the
  "racily clean" case: same size, mtime within the file system's granularity);
- the **result store** (``results.pack``): every extraction result, keyed by content
  hash, in one append-only file (one read for the whole corpus instead of thousands of
  small files), compact tuples without the mention list (the build does not use it);
- the **fragment store** (``fragments.pack``): each document's part of the RDF output
  (``kg.export.fast``), keyed by a hash of exactly what it was generated from.

The stores are append-only with an index written atomically at the end of a build, so a
crash leaves the previous state usable; they are compacted when less than half of the
file is still referenced. One build at a time holds the cache (an ``flock``).

>>> import tempfile
>>> d = tempfile.mkdtemp()
>>> s = PackStore(Path(d) / "x.pack"); s.put("k", b"abc"); s.close()
>>> s = PackStore(Path(d) / "x.pack"); s.get("k"), s.get("nope"); s.close()
(b'abc', None)
"""

from __future__ import annotations

import contextlib
import fcntl
import mmap
import os
import pickle
import time
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from os import PathLike
from pathlib import Path
from typing import Any, NamedTuple

from kg.errors import InputError
from kg.model import Document

MANIFEST_VERSION = 3
#: A file modified less than this before the manifest was taken is read again even when
#: its size and mtime match (coarse file-system timestamps).
RACY_NS = 2_000_000_000


# --------------------------------------------------------------------------- packs


class PackStore:
    """Records (bytes) by key in one append-only file plus an index (``<pack>.idx``).

    ``get`` reads through a memory map; ``put`` appends. ``close`` writes the index
    atomically (and compacts the pack when most of it is garbage). Keys not read or written
    since opening are dropped at compaction when ``keep_untouched`` is false.
    """

    def __init__(self, path: str | PathLike[str], *, readonly: bool = False) -> None:
        self.path = Path(path)
        self.idx_path = self.path.with_name(self.path.name + ".idx")
        self.readonly = readonly
        self.index: dict[str, tuple[int, int]] = {}
        self.touched: set[str] = set()
        self._mm: mmap.mmap | None = None
        self._fh: Any = None
        self._end = 0
        self._dirty = False
        try:
            with self.idx_path.open("rb") as f:
                meta, index = pickle.load(f)
            size = self.path.stat().st_size
            if meta.get("version") == MANIFEST_VERSION and meta.get("end", -1) <= size:
                self.index = index
                self._end = meta["end"]
        except (OSError, EOFError, pickle.UnpicklingError, ValueError, TypeError, KeyError):
            self.index = {}
        if not self.index:
            self._end = 0

    def __contains__(self, key: str) -> bool:
        return key in self.index

    def __len__(self) -> int:
        return len(self.index)

    def _map(self) -> mmap.mmap | None:
        if self._mm is None and self._end > 0:
            if self._fh is not None:
                self._fh.flush()
            with self.path.open("rb") as f:
                if os.fstat(f.fileno()).st_size == 0:
                    return None
                self._mm = mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ)
        return self._mm

    def get(self, key: str) -> bytes | None:
        loc = self.index.get(key)
        if loc is None:
            return None
        off, n = loc
        mm = self._map()
        if mm is None or off + n > len(mm):  # written since the file was mapped
            if self._fh is not None:
                self._fh.flush()
            if self._mm is not None:
                self._mm.close()
                self._mm = None
            mm = self._map()
            if mm is None or off + n > len(mm):
                return None
        self.touched.add(key)
        return mm[off : off + n]

    def touch(self, key: str) -> None:
        if key in self.index:
            self.touched.add(key)

    def put(self, key: str, data: bytes) -> None:
        if self.readonly:
            return
        if self._fh is None:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._fh = open(self.path, "r+b" if self.path.exists() else "w+b")
            self._fh.truncate(self._end)  # drop bytes no index refers to (a crashed build)
            self._fh.seek(self._end)
        self._fh.write(data)
        self.index[key] = (self._end, len(data))
        self._end += len(data)
        self.touched.add(key)
        self._dirty = True

    def live_bytes(self, keys: Iterable[str]) -> int:
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
        if self._end > 2 * live_size + (1 << 22) or len(live) < len(self.index):
            if self._end > 2 * live_size + (1 << 22):
                self._compact(live)
                self._dirty = True
            elif len(live) < len(self.index):
                self.index = {k: v for k, v in self.index.items() if k in live}
                self._dirty = True
        if self._dirty:
            head = {"version": MANIFEST_VERSION, "end": self._end}
            _atomic_pickle(self.idx_path, (head, self.index))
            self._dirty = False

    def _compact(self, live: set[str]) -> None:
        tmp = self.path.with_name(f".{self.path.name}.{os.getpid()}.tmp")
        new: dict[str, tuple[int, int]] = {}
        pos = 0
        with self.path.open("rb") as src, tmp.open("wb") as dst:
            mm = mmap.mmap(src.fileno(), 0, access=mmap.ACCESS_READ) if self._end else None
            try:
                for key in sorted(live, key=lambda k: self.index[k][0]):
                    off, n = self.index[key]
                    assert mm is not None
                    dst.write(mm[off : off + n])
                    new[key] = (pos, n)
                    pos += n
            finally:
                if mm is not None:
                    mm.close()
        os.replace(tmp, self.path)
        self.index, self._end = new, pos


def _atomic_pickle(path: Path, obj: Any) -> None:
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    with tmp.open("wb") as f:
        pickle.dump(obj, f, protocol=pickle.HIGHEST_PROTOCOL)
    os.replace(tmp, path)


# --------------------------------------------------------------------------- manifest


class DocEntry(NamedTuple):
    """One document read from a file: its id before and after clash renaming (``~2``)."""

    raw_id: str
    doc_id: str
    key: str
    meta: dict[str, Any]
    chars: int


class FileEntry(NamedTuple):
    size: int
    mtime_ns: int
    docs: list[tuple[Any, ...]]  # DocEntry fields as plain tuples (cheap to pickle)


@dataclass(slots=True)
class Cached:
    """A document whose result is in the store (its file was not read again)."""

    doc_id: str
    key: str
    meta: dict[str, Any]
    chars: int


@dataclass(slots=True)
class Keyed:
    """A document read now, with its content hash (the result key)."""

    doc: Document
    key: str


class BuildState:
    """The cache folder of a build: manifest + result store + fragment store, locked.

    ``BuildState(cache_dir, fingerprint)``; ``fingerprint`` (pipeline version, reading
    options) must match the manifest's for its stat shortcut to be used.
    """

    def __init__(self, directory: str | PathLike[str], fingerprint: str | None = None) -> None:
        self.dir = Path(directory)
        self.dir.mkdir(parents=True, exist_ok=True)
        self._lock = open(self.dir / "lock", "a+b")
        fcntl.flock(self._lock.fileno(), fcntl.LOCK_EX)
        self.fingerprint = ""
        self.files: dict[str, tuple[Any, ...]] = {}  # path → FileEntry fields
        self.new_files: dict[str, tuple[Any, ...]] = {}
        self.taken_ns = 0
        self.files_skipped = 0
        self.files_read = 0
        self._saved_fingerprint = None
        try:
            with (self.dir / "manifest.pkl").open("rb") as f:
                head, files = pickle.load(f)
            if head.get("version") == MANIFEST_VERSION:
                self.files, self.taken_ns = files, head.get("taken_ns", 0)
                self._saved_fingerprint = head.get("fingerprint")
        except (
            OSError,
            EOFError,
            pickle.UnpicklingError,
            ValueError,
            TypeError,
            KeyError,
            AttributeError,
        ):
            pass
        self.started_ns = time.time_ns()
        self.results = PackStore(self.dir / "results.pack")
        self.fragments = PackStore(self.dir / "fragments.pack")
        if fingerprint is not None:
            self.check(fingerprint)

    def check(self, fingerprint: str) -> None:
        """Set the fingerprint (pipeline version, reading options) of this build: the
        manifest of a build with another one is not trusted."""
        self.fingerprint = fingerprint
        if self._saved_fingerprint != fingerprint:
            self.files = {}

    def anything_to_read(
        self,
        inputs: Iterable[str | PathLike[str]],
        files: Sequence[tuple[Path, Path, bool] | InputError] | None = None,
    ) -> bool:
        """Whether any input file is new or changed (size, mtime) since the last build: a
        quick look, before the fingerprint is known, to decide whether to start a worker
        early. True when in doubt. ``files``: the inputs already listed by
        :func:`kg.ingest.iter_input_files` (then the folders are not walked again)."""
        from kg.ingest import iter_input_files
        from kg.ingest.readers import format_for

        if not self.files:
            return True
        for found in files if files is not None else iter_input_files(inputs):
            if isinstance(found, InputError):
                continue
            f = found[0]
            if format_for(f) is None:
                continue  # a named file kg cannot read: an error, not a document
            raw = self.files.get(str(f))
            if raw is None:
                return True
            try:
                st = os.stat(f)
            except OSError:
                return True
            if (st.st_size, st.st_mtime_ns) != raw[:2]:
                return True
            if st.st_mtime_ns >= self.taken_ns - RACY_NS:
                return True
        return False

    def close(self, *, complete: bool = True) -> None:
        """Save (``complete``: the build went through, forget files and results it did not
        use) and unlock."""
        try:
            self.results.close(keep_untouched=not complete)
            self.fragments.close(keep_untouched=not complete)
            files = self.new_files if complete else {**self.files, **self.new_files}
            _atomic_pickle(
                self.dir / "manifest.pkl",
                (
                    {
                        "version": MANIFEST_VERSION,
                        "fingerprint": self.fingerprint,
                        "taken_ns": self.started_ns,
                    },
                    files,
                ),
            )
        finally:
            with contextlib.suppress(OSError):
                fcntl.flock(self._lock.fileno(), fcntl.LOCK_UN)
            self._lock.close()

    # -- reading with the stat shortcut
    def unchanged(self, path: str, st: os.stat_result | None = None) -> FileEntry | None:
        """The manifest entry of ``path`` when its size and mtime say it did not change."""
        raw = self.files.get(path)
        if raw is None:
            return None
        entry = FileEntry(*raw)
        if st is None:
            try:
                st = os.stat(path)
            except OSError:
                return None
        if st.st_size != entry.size or st.st_mtime_ns != entry.mtime_ns:
            return None
        if st.st_mtime_ns >= self.taken_ns - RACY_NS:  # racily clean: check the content
            return None
        if any(d[2] not in self.results for d in entry.docs):
            return None
        return entry


def iter_inputs(
    inputs: Iterable[str | PathLike[str]],
    state: BuildState | None,
    text_field: str | None = None,
    files: Iterable[tuple[Path, Path, bool] | InputError] | None = None,
) -> Iterator[Document | Keyed | Cached | InputError]:
    """:func:`kg.ingest.iter_documents`, skipping files the manifest says are unchanged.

    Same documents, ids and order as ``iter_documents``; an unchanged file gives
    :class:`Cached` references instead of being read, a changed one :class:`Keyed`
    documents (and a new manifest entry). Without ``state`` this is ``iter_documents``.
    ``files``: what :func:`kg.ingest.iter_input_files` gives for ``inputs``, when the
    caller has listed them already.
    """
    from kg.ingest import _read, iter_documents, iter_input_files

    if state is None:
        yield from iter_documents(inputs, text_field=text_field)
        return
    from kg.extract_parallel import doc_hash

    seen_files: set[str] = set()
    seen_ids: dict[str, int] = {}
    # Files are the same when their real paths are: two different inodes never are, so
    # os.path.realpath (a system call per path component) runs only on an inode clash.
    inodes: dict[tuple[int, int], list[Path]] = {}

    def seen_before(f: Path, st: os.stat_result | None) -> bool:
        if st is None:
            real = os.path.realpath(f)
            if real in seen_files:
                return True
            seen_files.add(real)
            return False
        same = inodes.setdefault((st.st_dev, st.st_ino), [])
        if same:
            real = os.path.realpath(f)
            if any(os.path.realpath(g) == real for g in same):
                return True
        same.append(f)
        return False

    def final_id(raw: str) -> str:
        n = seen_ids.get(raw, 0) + 1
        seen_ids[raw] = n
        if n > 1:
            raw = f"{raw}~{n}"
            seen_ids[raw] = 1
        return raw

    for found in files if files is not None else iter_input_files(inputs):
        if isinstance(found, InputError):
            yield found
            continue
        f, root, explicit = found
        try:
            st: os.stat_result | None = os.stat(f)
        except OSError:
            st = None
        if seen_before(f, st):
            continue
        path = str(f)
        entry = state.unchanged(path, st)
        if entry is not None:
            saved = dict(seen_ids)
            docs = [DocEntry(*d) for d in entry.docs]
            ids = [final_id(d.raw_id) for d in docs]
            if ids == [d.doc_id for d in docs]:
                state.new_files[path] = tuple(entry)
                state.files_skipped += 1
                for d in docs:
                    yield Cached(d.doc_id, d.key, d.meta, d.chars)
                continue
            seen_ids.clear()  # the ids would differ: read the file again
            seen_ids.update(saved)
        state.files_read += 1
        read: list[tuple[Any, ...]] = []
        ok = True
        for item in _read(f, root, explicit, text_field):
            if isinstance(item, Document):
                raw = item.id
                item.id = final_id(raw)
                key = doc_hash(item)
                read.append((raw, item.id, key, item.meta, len(item.text)))
                yield Keyed(item, key)
            else:
                ok = False  # files with errors are read again next time
                yield item
        if ok and st is not None:
            state.new_files[path] = (st.st_size, st.st_mtime_ns, read)
