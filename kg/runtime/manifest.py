"""Incremental build state: what the last build read, extracted and wrote.

A rebuild after one document changed should cost about one document, not the corpus.
Three things under the cache folder (``OUT/.cache`` by default) make that possible:

- the **manifest** (``manifest.bin``, a checked file of :mod:`kg.runtime.store`): for
  every input file its size and ``mtime_ns`` and, per document read from it, the id, the
  content hash (the result key: :func:`doc_hash`), the metadata and
  the length. A file whose size and mtime are unchanged is not read again: its documents
  come straight from the store. The manifest is only trusted for the same pipeline
  version and reading options; a file modified too close to the moment the manifest was
  taken is read anyway (the "racily clean" case);
- the **result store** (``results.pack``): every extraction result, keyed by content hash;
- the **fragment store** (``fragments.pack``): each document's part of the RDF output
  (``kg.export.fast``) and of the HTML view's text table
  (:func:`kg.runtime.outputs.text_pieces`), keyed by a hash of exactly what it was
  generated from.

The stores are append-only with an index written atomically at the end of a build, so a
crash leaves the previous state usable. One build at a time holds the cache
(:class:`~kg.runtime.lifecycle.CacheLock`). Document identity (ids, files reached twice)
is :class:`kg.ingest.DocumentIds`'s business, for this reading as for a plain one.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import json
import os
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from os import PathLike
from pathlib import Path
from typing import Any, NamedTuple

from kg import fingerprint
from kg.errors import Errors, InputError, KGError
from kg.ingest.names import shown
from kg.model import Document
from kg.runtime.cache_layout import (
    CACHE_FILES,
    FRAGMENTS_NAME,
    LOCK_NAME,
    MANIFEST_NAME,
    OUTPUTS_NAME,
    RESULTS_NAME,
    SNAPSHOTS_NAME,
)
from kg.runtime.lifecycle import CacheLock
from kg.runtime.store import PackStore, dump_checked, load_checked

MANIFEST_VERSION = 4
#: A file modified less than this before the manifest was taken is read again even when
#: its size and mtime match (coarse file-system timestamps).
RACY_NS = 2_000_000_000


def doc_hash(doc: Document) -> str:
    """Content hash of a document as the pipeline sees it."""
    h = hashlib.sha1(fingerprint.code_version().encode())
    h.update(doc.id.encode())
    h.update(doc.text.encode("utf-8"))
    meta = {k: v for k, v in doc.meta.items() if k not in ("source", "sha1", "mtime")}
    h.update(json.dumps(meta, sort_keys=True, ensure_ascii=False, default=str).encode())
    return h.hexdigest()


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
    docs: list[Any]  # DocEntry fields as plain lists


@dataclass(slots=True)
class Cached:
    """A document whose result is in the store (its file was not read again).
    ``reread()`` reads it from its file, for when its stored result is unusable."""

    doc_id: str
    key: str
    meta: dict[str, Any]
    chars: int
    reread: Callable[[], Document | InputError] | None = None


@dataclass(slots=True)
class Keyed:
    """A document read now, with its content hash (the result key)."""

    doc: Document
    key: str


def set_aside_entries(directory: str | PathLike[str], names: Iterable[str],
                      folders: Iterable[str] = ()) -> list[KGError]:  # fmt: skip
    """:func:`kg.cache_files.set_aside` of entries of a cache folder (of another kind:
    E111), a pack's index dropped with its pack: it points into the pack set aside
    (with a new one, its every entry would be damaged: a wrong E101).

    >>> import tempfile
    >>> d = Path(tempfile.mkdtemp()); (d / RESULTS_NAME).mkdir()
    >>> _ = (d / f"{RESULTS_NAME}.idx").write_bytes(b"i")
    >>> [w.code for w in set_aside_entries(d, [RESULTS_NAME])], sorted(d.iterdir()) != []
    (['E111'], True)
    >>> (d / f"{RESULTS_NAME}.idx").exists()
    False
    """
    from kg.cache_files import set_aside

    warnings = set_aside(directory, names, folders)
    for warning in warnings:
        name = Path(warning.path).name  # type: ignore[arg-type]
        if name in (RESULTS_NAME, FRAGMENTS_NAME):
            with contextlib.suppress(OSError):
                (Path(directory) / f"{name}.idx").unlink()
    return warnings


class BuildState:
    """The cache folder of a build: manifest + result store + fragment store, locked.

    ``BuildState(cache_dir, fingerprint)``; ``fingerprint`` (pipeline version, reading
    options) must match the manifest's for its stat shortcut to be used. ``on_wait(pid)``
    is called when another build holds the folder (this one then waits for it).
    """

    def __init__(
        self,
        directory: str | PathLike[str],
        fingerprint: str | None = None,
        *,
        on_wait: Callable[[int | None], object] | None = None,
        memo: dict[str, Any] | None = None,
    ) -> None:
        self.dir = Path(directory)
        self.dir.mkdir(parents=True, exist_ok=True)
        self.lock = CacheLock(self.dir / LOCK_NAME).acquire(on_wait)
        #: E111 for each entry of the wrong kind set aside (the lock's by the lock, the
        #: others once it is held: no other build is at them)
        self.set_aside = self.lock.set_aside + set_aside_entries(
            self.dir, [n for n in CACHE_FILES if n != LOCK_NAME], [SNAPSHOTS_NAME]
        )
        self.fingerprint = ""
        self.files: dict[str, Any] = {}  # path → FileEntry fields
        self.new_files: dict[str, Any] = {}
        self.taken_ns = 0
        self.files_skipped = 0
        self.files_read = 0
        self.damaged = 0
        self._saved_fingerprint = None
        self._resolved_saved = False  # (:meth:`save_resolved`)
        #: the entity table this build leaves for the next one (``kg.resolve.stored``;
        #: False: none, the one there is left as it is)
        self.table: Any = False
        #: the manifest as this process last wrote it (``--watch``: not read back again)
        self.memo = memo
        head, damaged = self._load_manifest()
        self.damaged += damaged
        if (
            isinstance(head, dict)
            and head.get("version") == MANIFEST_VERSION
            and isinstance(head.get("files"), dict)
            and isinstance(head.get("taken_ns"), int)
        ):
            self.files, self.taken_ns = head["files"], head["taken_ns"]
            self._saved_fingerprint = head.get("fingerprint")
        self.started_ns = time.time_ns()
        self.results = PackStore(self.dir / RESULTS_NAME)
        self.fragments = PackStore(self.dir / FRAGMENTS_NAME)
        if fingerprint is not None:
            self.check(fingerprint)

    def _stamp_of_manifest(self) -> tuple[int, int, int] | None:
        try:
            st = os.stat(self.dir / MANIFEST_NAME)
        except OSError:
            return None
        return (st.st_ino, st.st_size, st.st_mtime_ns)

    def _load_manifest(self) -> tuple[Any, bool]:
        if self.memo is not None:
            last = self.memo.get("manifest")
            if last is not None and last[0] == self._stamp_of_manifest():
                return last[1], False  # the file is the one this process wrote
        return load_checked(self.dir / MANIFEST_NAME)

    def check(self, fingerprint: str) -> None:
        """Set the fingerprint (pipeline version, reading options) of this build: the
        manifest of a build with another one is not trusted."""
        self.fingerprint = fingerprint
        if self._saved_fingerprint != fingerprint:
            self.files = {}

    def damage(self) -> KGError | None:
        """The warning (E101) for the damaged entries met so far, if any."""
        n = self.damaged + self.results.damaged + self.fragments.damaged
        return KGError(Errors.E101, path=self.dir, count=n) if n else None

    def _stamp(self, path: str) -> tuple[int, int] | None:
        raw = self.files.get(path)
        try:
            return (int(raw[0]), int(raw[1])) if raw is not None else None
        except (TypeError, ValueError, IndexError):
            return None

    def anything_to_read(
        self,
        inputs: Iterable[str | PathLike[str]],
        files: Sequence[tuple[Path, Path, bool] | InputError] | None = None,
    ) -> bool:
        """Whether any input file is new or changed (size, mtime) since the last build: a
        quick look, to decide whether to start a worker early. True when in doubt.
        ``files``: the inputs already listed by :func:`kg.ingest.iter_input_files`."""
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
            stamp = self._stamp(shown(f))
            if stamp is None:
                return True
            try:
                st = os.stat(f)
            except OSError:
                return True
            if (st.st_size, st.st_mtime_ns) != stamp or st.st_mtime_ns >= self.taken_ns - RACY_NS:
                return True
        return False

    def save_resolved(self) -> None:
        """Save now what is final once every document was read and resolved: the
        results' store and the manifest, as :meth:`close` (``complete``) would; it then
        saves only the fragments' store and unlocks. A build does it while it waits for
        its forked view writer (~0.03 s less after the writer is done). An error (a
        full disk) is left for :meth:`close` to meet again."""
        try:
            self.results.close(keep_untouched=False)
            self._save_manifest(complete=True)
            self._save_table()
        except OSError:
            return
        self._resolved_saved = True

    def close(self, *, complete: bool = True, finished: bool = True) -> None:
        """Save (``complete``: the build went through, forget files and results it did not
        use) and unlock (``finished``: the build ended, else it was interrupted: see
        :meth:`CacheLock.release`)."""
        try:
            early = complete and self._resolved_saved
            if not early:
                self.results.close(keep_untouched=not complete)
            self.fragments.close(keep_untouched=not complete)
            if not early:
                self._save_manifest(complete)
                if complete:
                    self._save_table()
        finally:
            self.lock.release(finished)

    def _save_table(self) -> None:
        if self.table is not False:
            from kg.runtime.resolution import write_table

            table, self.table = self.table, False
            try:
                write_table(self.dir, table, self.fingerprint)
            except Exception:  # (not the build's failure: the next one folds every result)
                write_table(self.dir, None, self.fingerprint)

    def _save_manifest(self, complete: bool) -> None:
        files = self.new_files if complete else {**self.files, **self.new_files}
        head = {
            "version": MANIFEST_VERSION,
            "fingerprint": self.fingerprint,
            "taken_ns": self.started_ns,
            "files": files,
        }
        if self.memo is not None:
            self.memo.pop("manifest", None)
        dump_checked(self.dir / MANIFEST_NAME, head)
        if self.memo is not None:
            self.memo["manifest"] = (self._stamp_of_manifest(), head)

    # -- reading with the stat shortcut
    def unchanged(self, path: str, st: os.stat_result | None = None) -> list[DocEntry] | None:
        """The documents of ``path`` when its size and mtime say it did not change."""
        stamp = self._stamp(path)
        if stamp is None:
            return None
        if st is None:
            try:
                st = os.stat(path)
            except OSError:
                return None
        if (st.st_size, st.st_mtime_ns) != stamp:
            return None
        if st.st_mtime_ns >= self.taken_ns - RACY_NS:  # racily clean: check the content
            return None
        try:
            docs = [DocEntry(*d) for d in self.files[path][2]]
        except (TypeError, IndexError):
            return None
        if not all(
            isinstance(d.raw_id, str)
            and isinstance(d.doc_id, str)
            and isinstance(d.meta, dict)
            and isinstance(d.chars, int)
            and d.key in self.results
            for d in docs
        ):
            return None
        return docs


def _reread(
    path: Path, root: Path, explicit: bool, text_field: str | None, index: int, doc_id: str
) -> Callable[[], Document | InputError]:
    """Read document number ``index`` of a file again (its stored result was unusable)."""

    def reread() -> Document | InputError:
        from kg.ingest import read_file

        docs = [d for d in read_file(path, root, explicit, text_field) if isinstance(d, Document)]
        if index >= len(docs):
            return InputError(Errors.E102, path=str(path), reason="the file changed")
        doc = docs[index]
        doc.id = doc_id
        return doc

    return reread


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
    from kg.ingest import DocumentIds, iter_documents, iter_input_files, iter_new_files, read_file

    if state is None:
        yield from iter_documents(inputs, text_field=text_field)
        return
    ids = DocumentIds()
    listed = files if files is not None else iter_input_files(inputs)
    for found in iter_new_files(listed, ids):
        if isinstance(found, InputError):
            yield found
            continue
        f, root, explicit, st = found
        path = shown(f)  # the manifest's key: text msgpack can write, whatever the name
        docs = state.unchanged(path, st)
        if docs is not None and ids.assign_all([d.raw_id for d in docs], [d.doc_id for d in docs]):
            state.new_files[path] = state.files[path]
            state.files_skipped += 1
            for i, d in enumerate(docs):
                reread = _reread(f, root, explicit, text_field, i, d.doc_id)
                yield Cached(d.doc_id, d.key, d.meta, d.chars, reread)
            continue
        state.files_read += 1
        read: list[list[Any]] = []
        ok = True
        for item in read_file(f, root, explicit, text_field):
            if isinstance(item, Document):
                raw = item.id
                item.id = ids.assign(raw)
                key = doc_hash(item)
                read.append([raw, item.id, key, item.meta, len(item.text)])
                yield Keyed(item, key)
            else:
                ok = False  # files with errors are read again next time
                yield item
        if ok and st is not None:
            state.new_files[path] = [st.st_size, st.st_mtime_ns, read]


# --------------------------------------------------------------------------- outputs

OUTPUTS_VERSION = 1
#: Libraries whose code decides the bytes of an output (besides kg's own and Python).
OUTPUT_LIBS = ("networkx", "scipy", "numpy", "pyvis", "pyoxigraph", "rdflib", "msgpack")


@functools.lru_cache(maxsize=1)
def output_code_version() -> str:
    """A hash of what turns results into output bytes: every ``*.py`` of ``kg/``, the
    ontology folder, the Python version, and the installed files of :data:`OUTPUT_LIBS`
    (path, size, mtime: a library installed again is a new version).

    Once per process (like :func:`kg.fingerprint.code_version`): a build computes it
    while its first worker loads the pipeline, and ``--watch`` keeps the version of the
    code it runs (files edited since are not what writes its outputs)."""
    import importlib.util
    import sys

    h = hashlib.sha1(repr(sys.version).encode())
    for name in OUTPUT_LIBS:
        try:
            spec = importlib.util.find_spec(name)
            st = os.stat(spec.origin) if spec is not None and spec.origin else None
        except (ImportError, ValueError, OSError):
            st = None
        h.update(repr((name, st and (spec.origin, st.st_size, st.st_mtime_ns))).encode())
    pkg = fingerprint.PACKAGE_DIR
    files = [(pkg, f) for f in sorted(pkg.rglob("*.py"))]
    for folder in dict.fromkeys((fingerprint.ONTOLOGY_DIR, fingerprint.REPO_ONTOLOGY_DIR)):
        files += [(folder, f) for f in sorted(folder.rglob("*")) if f.is_file()]
    return fingerprint.digest_files(files, h)[:20]


class OutputsKey:
    """What a build's outputs are a function of: the documents in order (result key, id,
    the metadata the key leaves out), the options and the output code. Two builds with
    equal keys write the same bytes (the build is deterministic).

    >>> a, b = OutputsKey(), OutputsKey()
    >>> a.add("k1", "doc1", {"source": "a.md"}); b.add("k1", "doc1", {"source": "b.md"})
    >>> a.digest("opts", "code") == b.digest("opts", "code")
    False
    """

    def __init__(self) -> None:
        self._h = hashlib.blake2b(digest_size=20)
        #: document id → its result key (what its extraction result, sentences included,
        #: is a function of)
        self.doc_keys: dict[str, str] = {}

    def add(self, key: str | None, doc_id: str, meta: dict[str, Any] | None) -> None:
        if key is not None:
            self.doc_keys[doc_id] = key
        m = meta or {}
        extra = [str(m.get(k)) for k in ("source", "sha1", "mtime")]  # not in ``doc_hash``
        self._h.update(repr((key, doc_id, extra)).encode())

    def digest(self, options: str, code: str) -> str:
        h = self._h.copy()
        h.update(repr((OUTPUTS_VERSION, options, code)).encode())
        return h.hexdigest()


def _stat_row(path: Path) -> list[Any] | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return [st.st_size, st.st_mtime_ns, st.st_ino]


def outputs_unchanged(cache_dir: str | PathLike[str], out_dir: str | PathLike[str],
                      key: str, names: Iterable[str]) -> bool:  # fmt: skip
    """Whether the files ``names`` in ``out_dir`` are those the last build with ``key``
    wrote (recorded by :func:`record_outputs`; size, mtime and inode unchanged since)."""
    rec, _ = load_checked(Path(cache_dir) / OUTPUTS_NAME)
    if not isinstance(rec, dict) or rec.get("key") != key or not isinstance(rec.get("files"), dict):
        return False
    files = rec["files"]
    out = Path(out_dir)
    need = set(names)
    if not need or not need <= set(files):
        return False
    return all(_stat_row(out / name) == files[name] for name in files)


def record_outputs(cache_dir: str | PathLike[str], out_dir: str | PathLike[str],
                   key: str | None, names: Iterable[str]) -> None:  # fmt: skip
    """Record the files ``names`` just written to ``out_dir`` by a build with ``key``
    (None: forget the record: the outputs are of no known key)."""
    path = Path(cache_dir) / OUTPUTS_NAME
    if key is None:
        try:
            os.unlink(path)
        except OSError:
            pass
        return
    out = Path(out_dir)
    files = {name: _stat_row(out / name) for name in names}
    dump_checked(path, {"key": key, "files": {k: v for k, v in files.items() if v is not None}})
