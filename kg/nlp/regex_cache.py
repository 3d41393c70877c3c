"""Compiled regular expressions kept between a build's workers, by pattern text.

**This module patches ``re``**, but only within :func:`compiling_from_table`, which a
build's worker enters around its pipeline's imports and snapshot restore
(:func:`kg.runtime.workers.worker_init`) and which puts ``re`` back as it was on exit.
Importing it changes nothing.

Python compiles a regular expression in two pure-Python passes (parse, then code
generation) before ``_sre.compile`` makes the pattern object from the code, a list of
ints. A worker compiles ~400 expressions, some from word lists thousands of characters
long: ~0.1 CPU-s of its imports and snapshot restore (a pickled pattern is compiled
again when it is loaded), before it can extract a document. Within
:func:`compiling_from_table`, ``re`` takes the code of an expression a worker compiled
before from a table; any other goes through ``re``'s own compiler unchanged and is
noted. :func:`save` (in the worker's snapshot saver, off the critical path) works out
the code of those noted and keeps each only if the pattern made from it equals the one
``re`` makes (``==``: flags, pattern and code; and the same group names) and ``re``
gave no warning for it (a warning would be lost when it comes from the table). The
table is capped (:data:`MAX_ENTRIES`) and written sealed (:mod:`kg.sealed`: loaded only
when this user wrote it) to ``$XDG_CACHE_HOME/kg/regex-*.bin`` (``KG_REGEX_CACHE``
names another file, ``off`` turns it off; no home folder: no table), keyed by Python's
version and by the folder kg is imported from: two checkouts of different code compile
different expressions, and one table for both was rewritten by each in turn, so neither
found its own (a save in every build). A table unused for :data:`STALE_DAYS` is swept
by the next save, as are all but the :data:`KEEP` most recently used. Outside the scope
nothing is noted, so a program's own expressions are never written.

>>> with compiling_from_table(None):
...     p = re.compile(r"(?P<year>\\d{4})年(?i:x)?")
>>> p.groupindex["year"], active()
(1, False)
"""

from __future__ import annotations

import _sre  # type: ignore[import-not-found]
import contextlib
import hashlib
import marshal
import os
import re
import sys
import warnings
from collections.abc import Iterator
from pathlib import Path
from re import _compiler, _parser  # type: ignore[attr-defined]
from typing import Any

#: Environment variable naming the table's file ("" or "off": no table).
CACHE_ENV = "KG_REGEX_CACHE"

#: New expressions worth writing the table again for (a few in every process are made
#: from sets, whose order changes from process to process: they never come back)
MIN_NEW = 16
#: At most this many expressions in the table (a worker compiles ~400)
MAX_ENTRIES = 4000
#: A table not read for this many days (a removed checkout's) is swept by a save
STALE_DAYS = 30
#: Tables kept in all, this checkout's among them (the others: of other checkouts and
#: Pythons; ~2 MB each)
KEEP = 4

#: The code of an expression is this Python's ``re``'s: a table of another is not read.
_VERSION = hashlib.sha1(
    repr((sys.version, _sre.MAGIC, _sre.CODESIZE, _sre.MAXGROUPS)).encode()
).hexdigest()

_ORIGINAL = _compiler.compile
#: (pattern, flags) → the arguments of ``_sre.compile`` after the pattern
_TABLE: dict[tuple[str, int], tuple[Any, ...]] = {}
#: (pattern, the flags its pattern object has) → its key in the table, when these flags
#: differ from the key's (see :func:`_alias_keys`)
_ALIASES: dict[tuple[str, int], tuple[str, int]] = {}
#: expressions compiled within the scope: found in the table, and not found
_USED: set[tuple[str, int]] = set()
_MISSED: set[tuple[str, int]] = set()
#: "seeded": the table was another checkout's (:func:`_load_seed`): this one has none yet
_STATE: dict[str, Any] = {"path": None, "active": False, "loaded": False, "seeded": False}


def cache_path() -> Path | None:
    """The table's file: ``KG_REGEX_CACHE``, else ``$XDG_CACHE_HOME/kg`` (or
    ``~/.cache/kg``) ``/regex-<Python version>.bin``; None when turned off or when there
    is no home folder."""
    from kg.sealed import user_cache_dir

    if os.environ.get(CACHE_ENV) is not None:
        return user_cache_dir(CACHE_ENV)
    folder = user_cache_dir()
    if folder is None:
        return None
    here = hashlib.sha1(os.fsencode(Path(__file__).resolve().parent.parent)).hexdigest()
    return folder / f"regex-{_VERSION[:16]}-{here[:12]}.bin"


def active() -> bool:
    """Whether ``re`` compiles through the table now (within :func:`compiling_from_table`)."""
    return bool(_STATE["active"])


def _compile(p: Any, flags: int = 0) -> Any:
    """``re._compiler.compile`` through the table (``str`` patterns found in it)."""
    if type(p) is str and not flags & re.DEBUG:
        key = (p, flags)
        args = _TABLE.get(key)
        if args is None and key in _ALIASES:
            key = _ALIASES[key]
            args = _TABLE[key]
        if args is not None:
            _USED.add(key)
            return _sre.compile(p, *args)
        _MISSED.add(key)
    return _ORIGINAL(p, flags)


@contextlib.contextmanager
def compiling_from_table(path: Path | str | None = "default") -> Iterator[None]:
    """Within: ``re`` compiles the expressions found in the table (loaded once from
    ``path``: default :func:`cache_path`; None: none) from it; on exit ``re`` is as it
    was. Nested use changes nothing."""
    if _STATE["active"] or _compiler.compile is not _ORIGINAL:
        yield
        return
    if not _STATE["loaded"]:
        default = path == "default"
        if default:
            path = cache_path()
        _STATE["path"] = Path(path) if path is not None else None
        if _STATE["path"] is not None:
            table = _load(_STATE["path"])
            if not table and default and os.environ.get(CACHE_ENV) is None:
                table = _load_seed(_STATE["path"])
                _STATE["seeded"] = bool(table)
            _TABLE.update(table)
            _ALIASES.update(_alias_keys(_TABLE))
            _STATE["by_length"] = None
        _STATE["loaded"] = True
    _compiler.compile = _compile
    _STATE["active"] = True
    try:
        yield
    finally:
        _compiler.compile = _ORIGINAL
        _STATE["active"] = False


def _alias_keys(
    table: dict[tuple[str, int], tuple[Any, ...]],
) -> dict[tuple[str, int], tuple[str, int]]:
    """The keys under which the table's expressions come back from a pickle: a pickled
    pattern is compiled again with the flags its object has (``re`` adds the ones the
    parse finds: ``re.UNICODE`` for every ``str``, inline flags such as ``(?m)``), which
    are not the flags it was compiled with when a module made it (``re.compile(p)``: 0),
    so a restored pipeline's expressions were missed once after every build of a new
    pipeline. ``re`` makes the same pattern from either: the parse ORs the flags it is
    given with those it finds, and the code is generated from the result
    (``tests/runtime/test_speed10_regex_alias.py`` checks every expression of the
    pipeline).

    >>> import re
    >>> args = (int(re.UNICODE | re.MULTILINE), [], 0, {}, ())
    >>> _alias_keys({("(?m)x", 0): args})
    {('(?m)x', 40): ('(?m)x', 0)}
    """
    out = {}
    for key, args in table.items():
        alias = (key[0], args[0])
        if alias != key and alias not in table:
            out[alias] = key
    return out


def seeded() -> bool:
    """Whether the table read is another checkout's (:func:`_load_seed`), this checkout
    having none of its own yet (until its first :func:`save`)."""
    return bool(_STATE["seeded"])


def pending() -> int:
    """How many expressions compiled within the scope this checkout's table did not have
    (worth a :func:`save` from :data:`MIN_NEW` on, when there is a table file): those
    missed but for the table's own in another order (:func:`_reordered`), and after a
    seed (another checkout's table) those found in it too, so that a seeded checkout
    writes its own table once instead of reading another's every time."""
    if _STATE["path"] is None:
        return 0
    missed = sum(1 for key in _MISSED if not _reordered(key))
    return missed + (len(_USED) if _STATE["seeded"] else 0)


#: what separates the words of an expression (its syntax characters)
_SYNTAX = re.compile(r"[|()\[\]{}?*+^$.\\:<>=!,-]+")


def _shape(pattern: str) -> tuple[int, list[str]]:
    """The length and the sorted words of ``pattern``: the same for the same
    alternatives in any order.

    >>> _shape("(?:工程|计划)x") == _shape("(?:计划|工程)x") != _shape("(?:工程|计化)x")
    True
    """
    return len(pattern), sorted(_SYNTAX.split(pattern))


def _reordered(key: tuple[str, int]) -> bool:
    """Whether a missed expression is one of the table's with its alternatives in another
    order. An expression joined from a set (``"|".join(sorted(words, key=len))``: words of
    one length in the set's order, which changes from process to process with the string
    hashes; Python's own ``tokenize`` makes one too) is missed by every process and never
    comes back: counted as new, a dozen of them made nearly every build fork a saver
    (~0.6 CPU-s) to write a table that the next build missed again. Their code is not
    taken from the table (the order of alternatives can matter to a match): they are
    compiled as before, only not counted (:func:`save` still keeps them)."""
    pattern, flags = key
    index = _STATE.get("by_length")
    if index is None:  # the table's expressions by flags (both keys) and length
        index = _STATE["by_length"] = {}
        for (p, f), args in _TABLE.items():
            for g in {f, args[0]}:
                index.setdefault((g, len(p)), []).append(p)
    same = index.get((flags, len(pattern)))
    if not same:
        return False
    shape = _shape(pattern)
    return any(_shape(p) == shape for p in same)


def _arguments(pattern: str, flags: int) -> tuple[Any, ...]:
    """What ``re._compiler.compile(pattern, flags)`` hands ``_sre.compile`` after the
    pattern (kept only when checked against it: :func:`_checked`)."""
    p = _parser.parse(pattern, flags)
    code = list(map(int, _compiler._code(p, flags)))  # opcodes are int subclasses
    groupindex = p.state.groupdict
    indexgroup: list[str | None] = [None] * p.state.groups
    for k, i in groupindex.items():
        indexgroup[i] = k
    return (flags | p.state.flags, code, p.state.groups - 1, groupindex, tuple(indexgroup))


def _checked(pattern: str, flags: int) -> tuple[Any, ...] | None:
    """The arguments of ``pattern`` when the pattern made from them is the one ``re``
    makes and ``re`` warns of nothing; else None."""
    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            made = _ORIGINAL(pattern, flags)
            args = _arguments(pattern, flags)
        ours = _sre.compile(pattern, *args)
    except Exception:
        return None
    if caught or ours != made or dict(ours.groupindex) != dict(made.groupindex):
        return None
    return args


def _load(path: Path, touch: bool = True) -> dict[tuple[str, int], tuple[Any, ...]]:
    """The table in ``path`` when this user sealed it for this Python, else empty;
    ``touch``: mark it read (not stale, see :func:`_sweep`), for this checkout's own
    table only (a seed's is left to be swept when its checkout is gone)."""
    from kg.cache_files import read_cache_file
    from kg.sealed import unseal

    blob = read_cache_file(path)
    if blob is None:
        return {}
    if touch:
        with contextlib.suppress(OSError):
            os.utime(path)
    body = unseal(blob)
    if body is None:  # not this user's: never read (overwritten by the next save)
        return {}
    try:
        version, table = marshal.loads(body)
    except Exception:
        return {}
    if version != _VERSION or type(table) is not dict:
        return {}
    return table


def _load_seed(path: Path) -> dict[tuple[str, int], tuple[Any, ...]]:
    """For a checkout with no table yet (a new one, or a copy of the code as the
    benchmark makes), the newest table of another checkout of this Python: an entry is
    the code of a pattern text, the same whatever the checkout (only writing one table
    from two checkouts was the trouble). Its expressions then need not be compiled on
    the first worker's start, the critical path of a first build, nor checked again by
    its saver; what this checkout uses goes to its own table, written at its first save
    (:func:`pending`). The other table is read, never touched: when its checkout is
    removed, :func:`_sweep` collects it. Only for the default table
    (``KG_REGEX_CACHE`` names a file: that file alone)."""
    prefix = path.name.rsplit("-", 1)[0] + "-"  # regex-<Python version>-
    try:
        others = [
            (p.stat().st_mtime, p)
            for p in path.parent.glob(prefix + "*.bin")
            if p != path and p.name.count("-") == path.name.count("-")
        ]
    except OSError:
        return {}
    for _, other in sorted(others, reverse=True)[:3]:  # the newest one readable
        table = _load(other, touch=False)
        if table:
            return table
    return {}


def save() -> bool:
    """Write the table (atomically, sealed) when :func:`pending` is at least
    :data:`MIN_NEW` (expressions compiled within the scope that this checkout's table
    did not have): those found in the table read and those missed that
    pass :func:`_checked`, at most :data:`MAX_ENTRIES`; whether it was written. Slow
    (each missed expression is compiled twice more): for a snapshot saver."""
    path = _STATE["path"]
    if path is None or pending() < MIN_NEW:
        return False
    table = {k: _TABLE[k] for k in sorted(_USED)[:MAX_ENTRIES] if k in _TABLE}
    for key in sorted(_MISSED):
        if len(table) >= MAX_ENTRIES:
            break
        args = _checked(*key)
        if args is not None:
            table[key] = args
    _MISSED.clear()
    from kg.io import write_bytes_atomic
    from kg.sealed import seal

    try:
        data = seal(marshal.dumps((_VERSION, table)))
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        write_bytes_atomic(path, data, private=True, fsync=False)
    except (OSError, ValueError):
        return False
    _STATE["seeded"] = False  # this checkout's own table now
    _sweep(path)
    return True


def _sweep(path: Path) -> None:
    """Remove the other tables beside ``path`` that no process read or wrote for
    :data:`STALE_DAYS` (those of removed checkouts and older Pythons), and all but the
    :data:`KEEP` most recently used (:func:`kg.cache_prune.prune`: a table in use now
    stays)."""
    from kg.cache_prune import prune

    prune(path, "regex-*.bin", KEEP, max_age=STALE_DAYS * 86400)
