"""Ingest: files and folders → a stream of clean :class:`~kg.model.Document`.

``iter_documents(["data/sample", "corpus/report.jsonl"])`` walks folders recursively in
sorted order (hidden files and folders skipped; ``.txt .md .markdown .html .htm .jsonl
.pdf .docx`` read, any other file yielded as a :class:`~kg.errors.Skipped`, which the
build counts and names), reads each file (:func:`read_document`; JSONL line by line,
:func:`iter_jsonl`) and yields a :class:`Document` — or an :class:`~kg.errors.InputError`
for a file or JSONL line that cannot be read, so the caller reports it and goes on. File
names need not be UTF-8: ids, sources and messages write such bytes ``\\xNN``
(:func:`kg.ingest.names.shown`).

``Document.id`` is the path relative to the input root (the folder given, or the file's
parent for a file given by name), POSIX separators, without the extension, NFC; a JSONL
record adds ``#<record id or line number>``. Ids are unique within one call: a clash
(``a.txt`` and ``a.md``) gets ``~2``, ``~3``… in reading order; a file reached twice
(named and inside a folder named too) is read once.

A file that holds only front matter (a Hugo ``_index.md``) is skipped silently when
found in a folder, and gives ``E009`` when named explicitly.
"""

from __future__ import annotations

import errno
import os
import stat
import unicodedata
from collections.abc import Iterable, Iterator
from os import PathLike
from pathlib import Path

from kg.errors import Errors, InputError, Skipped
from kg.ingest.clean import clean_text
from kg.ingest.decode import decode_bytes
from kg.ingest.names import shown, special_kind
from kg.ingest.readers import (
    SUFFIX_FORMATS,
    format_for,
    iter_jsonl,
    normalize_date,
    read_document,
    split_front_matter,
)
from kg.model import Document

__all__ = [
    "SUFFIX_FORMATS",
    "DocumentIds",
    "clean_text",
    "decode_bytes",
    "iter_documents",
    "iter_input_files",
    "iter_jsonl",
    "iter_new_files",
    "normalize_date",
    "read_document",
    "read_file",
    "split_front_matter",
]


def _walk(folder: Path, visited: set[str]) -> Iterator[Path | InputError]:
    """Supported files under ``folder``, depth first, entries sorted by name."""
    try:
        with os.scandir(folder) as it:
            entries = sorted(it, key=lambda e: e.name)
    except OSError as e:
        yield InputError(Errors.E001, path=shown(folder), reason=e.strerror or str(e))
        return
    for entry in entries:  # strings until a file is kept: a Path costs ~10 µs
        if entry.name.startswith("."):
            continue
        try:
            is_dir = entry.is_dir()
            is_file = not is_dir and entry.is_file()
        except OSError:
            is_dir = is_file = False
        if is_dir:
            real = os.path.realpath(entry.path)
            if entry.is_symlink() and _holds(real, os.path.realpath(folder)):
                # a link to a folder above it (``ln -s .. up``): following it would walk
                # what lies beside the input, up to the whole disk for a link to /
                yield InputError(Errors.E001, path=shown(entry.path), reason=_LOOP_DIR)
            elif real not in visited:  # the same folder reached twice
                visited.add(real)
                yield from _walk(Path(entry.path), visited)
        elif format_for(entry.name) is None:
            if is_file:  # no reader for it: counted and named by the build, not fatal
                dot = entry.name.rfind(".")
                suffix = entry.name[dot:].lower() if dot > 0 else ""
                yield Skipped(Errors.E005, path=shown(entry.path), suffix=shown(suffix))
        elif is_file:
            yield Path(entry.path)
        else:  # a dangling link, a link loop, a FIFO or a device named like a document
            yield not_a_file(Path(entry.path))


#: Why a link to a folder above it is not followed.
_LOOP_DIR = "a symbolic link to a folder that holds it (a loop), not followed"


def _holds(outer: str, inner: str) -> bool:
    """Whether real path ``outer`` is ``inner`` or a folder above it."""
    return inner == outer or inner.startswith(outer.rstrip(os.sep) + os.sep)


def not_a_file(path: Path) -> InputError:
    """The error for ``path``, which exists as a name but is no regular file or folder:
    a dangling link (``E010``), a link loop or a FIFO, socket or device (``E001``; such a
    file is never opened: reading a FIFO waits for a writer for ever)."""
    try:
        st = path.stat()
    except FileNotFoundError:
        return InputError(Errors.E010, path=shown(path))
    except OSError as e:  # ELOOP: a link that leads back to itself
        reason = "a loop of symbolic links" if e.errno == errno.ELOOP else e.strerror
        return InputError(Errors.E001, path=shown(path), reason=reason or str(e))
    kind = special_kind(st.st_mode) or "not a regular file"
    return InputError(Errors.E001, path=shown(path), reason=f"it is {kind}, not a document")


def _doc_id(path: Path, root: Path) -> str:
    try:
        rel = path.relative_to(root)
    except ValueError:
        rel = Path(path.name)
    return unicodedata.normalize("NFC", shown(rel.with_suffix("").as_posix()))


def read_file(
    path: Path, root: Path, explicit: bool, text_field: str | None = None
) -> Iterator[Document | InputError]:
    """The documents of one file found by :func:`iter_input_files` (ids not yet made
    unique: see :class:`DocumentIds`); errors are yielded."""
    fmt = format_for(path)
    if fmt is None:
        yield InputError(Errors.E005, path=shown(path), suffix=shown(path.suffix))
        return
    doc_id = _doc_id(path, root)
    if fmt == "jsonl":
        try:
            yield from iter_jsonl(path, doc_prefix=doc_id, text_field=text_field)
        except Exception as e:  # see below
            yield InputError(Errors.E011, path=shown(path), reason=f"{type(e).__name__}: {e}")
        return
    try:
        yield read_document(path, doc_id=doc_id)
    except InputError as e:
        if explicit or not e.fields.get("front_matter_only"):
            yield e
    except Exception as e:  # a bug or a parser crash must not stop the whole build
        yield InputError(Errors.E011, path=shown(path), reason=f"{type(e).__name__}: {e}")


def iter_input_files(
    inputs: Iterable[str | PathLike[str]] | str | PathLike[str],
) -> Iterator[tuple[Path, Path, bool] | InputError]:
    """Every file the inputs name, in a deterministic order, as ``(path, root, explicit)``:
    ``root`` is what document ids are relative to (the folder given, or a named file's
    folder) and ``explicit`` says the file was named itself. Missing paths and unreadable
    folders are yielded as errors. Shared by ``iter_documents`` and the build manifest.
    """
    if isinstance(inputs, str | PathLike):
        inputs = [inputs]
    visited: set[str] = set()
    for given in inputs:
        p = Path(given)
        if not p.exists():
            yield not_a_file(p) if p.is_symlink() else InputError(Errors.E010, path=shown(given))
            continue
        if p.is_dir():
            visited.add(os.path.realpath(p))
            found: Iterable[Path | InputError] = _walk(p, visited)
            root, explicit = p, False
        elif not stat.S_ISREG(p.stat().st_mode):  # a FIFO named on the command line
            yield not_a_file(p)
            continue
        else:
            found, root, explicit = [p], p.parent, True
        for f in found:
            yield f if isinstance(f, InputError) else (f, root, explicit)


class DocumentIds:
    """Document identity within one reading of the inputs: a file reached twice is read
    once, and an id met again gets ``~2``, ``~3``… in reading order (the one place that
    decides ids; :func:`iter_documents` and the build's manifest both use it).

    >>> ids = DocumentIds()
    >>> [ids.assign("a"), ids.assign("a"), ids.assign("a~2"), ids.assign("b")]
    ['a', 'a~2', 'a~2~2', 'b']
    """

    def __init__(self) -> None:
        self._ids: dict[str, int] = {}
        self._real: set[str] = set()
        # Files are the same when their real paths are: two different inodes never are,
        # so os.path.realpath (a system call per path component) runs on an inode clash.
        self._inodes: dict[tuple[int, int], list[Path]] = {}

    def seen_before(self, path: Path, st: os.stat_result | None = None) -> bool:
        """Whether ``path`` is a file already read (now remembered as read)."""
        if st is None:
            real = os.path.realpath(path)
            if real in self._real:
                return True
            self._real.add(real)
            return False
        same = self._inodes.setdefault((st.st_dev, st.st_ino), [])
        if same:
            real = os.path.realpath(path)
            if any(os.path.realpath(g) == real for g in same):
                return True
        same.append(path)
        return False

    def assign(self, raw: str) -> str:
        """The unique id of the next document whose id from its file is ``raw``."""
        n = self._ids.get(raw, 0) + 1
        self._ids[raw] = n
        if n > 1:
            raw = f"{raw}~{n}"
            self._ids[raw] = 1
        return raw

    def assign_all(self, raws: list[str], want: list[str]) -> bool:
        """Assign ``raws`` when they give exactly ``want`` (a file's ids as the last build
        had them); otherwise assign nothing and return False."""
        saved = dict(self._ids)
        if [self.assign(r) for r in raws] == want:
            return True
        self._ids = saved
        return False


def iter_new_files(
    found: Iterable[tuple[Path, Path, bool] | InputError], ids: DocumentIds
) -> Iterator[tuple[Path, Path, bool, os.stat_result | None] | InputError]:
    """The files of ``found`` (what :func:`iter_input_files` gives) that ``ids`` has not
    seen, each with its ``os.stat`` (None when it cannot be read); errors pass through.

    One file reached twice (a folder and a file inside it, a symlink) is read once:

    >>> import tempfile
    >>> d = Path(tempfile.mkdtemp()); (d / "a.txt").write_text("文本", encoding="utf-8")
    2
    >>> [f[0].name for f in iter_new_files(iter_input_files([d, d / "a.txt"]), DocumentIds())]
    ['a.txt']
    """
    for item in found:
        if isinstance(item, InputError):
            yield item
            continue
        f, root, explicit = item
        try:
            st: os.stat_result | None = os.stat(f)
        except OSError:
            st = None
        if not ids.seen_before(f, st):
            yield f, root, explicit, st


def iter_documents(
    inputs: Iterable[str | PathLike[str]], text_field: str | None = None
) -> Iterator[Document | InputError]:
    """Documents of files and folders, in a deterministic order; errors are yielded.

    ``text_field`` names the JSONL field holding the text (default: ``text``, then
    ``content``).
    """
    ids = DocumentIds()
    for found in iter_new_files(iter_input_files(inputs), ids):
        if isinstance(found, InputError):
            yield found
            continue
        f, root, explicit, _ = found
        for item in read_file(f, root, explicit, text_field):
            if isinstance(item, Document):
                item.id = ids.assign(item.id)
            yield item
