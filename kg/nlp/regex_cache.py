"""Compiled regular expressions kept between processes, by pattern text.

Python compiles a regular expression in two pure-Python passes (parse, then code
generation) before ``_sre.compile`` makes the pattern object from the code, a list of
ints. A worker compiles ~400 expressions, some from word lists thousands of characters
long: ~0.1 CPU-s of its imports and ~0.15 s of a snapshot restore (a pickled pattern is
compiled again when it is loaded), before it can extract a document. :func:`install`
makes ``re`` take the code of an expression it compiled before from a table, and
:func:`save` writes the table, sealed (:mod:`kg.sealed`: loaded only when this user wrote it), to
``$XDG_CACHE_HOME/kg/regex-*.bin`` (``KG_REGEX_CACHE`` names another file, ``off``
turns it off), keyed by Python's version: like jieba's dictionary cache, it outlives the
code that compiled the expressions (an expression is the same whatever compiled it).
``re``'s own cache, its flags and ``re.DEBUG`` work as before; a pattern made from the
table is equal (``==``: same flags, pattern and code) to the one ``re`` makes. Importing
this module installs it (:mod:`kg.nlp.pipeline` imports it first, so that the expressions
its imports compile come from the table too).

>>> install()
True
>>> p = re.compile(r"(?P<year>\\d{4})年(?i:x)?")
>>> p == _compile_uncached(p.pattern, 0), p.groupindex["year"]
(True, 1)
"""

from __future__ import annotations

import _sre  # type: ignore[import-not-found]
import hashlib
import marshal
import os
import re
import sys
import threading
from pathlib import Path
from re import _compiler, _parser  # type: ignore[attr-defined]
from typing import Any

#: Environment variable naming the table's file ("" or "off": no table).
CACHE_ENV = "KG_REGEX_CACHE"

#: New expressions worth writing the table again for (a few in every process are made
#: from sets, whose order changes from process to process: they never come back)
MIN_NEW = 16

#: The code of an expression is this Python's ``re``'s: a table of another is not read.
_VERSION = hashlib.sha1(
    repr((sys.version, _sre.MAGIC, _sre.CODESIZE, _sre.MAXGROUPS)).encode()
).hexdigest()

_ORIGINAL = _compiler.compile
_LOCK = threading.Lock()
#: (pattern, flags) → the arguments of ``_sre.compile`` after the pattern
_TABLE: dict[tuple[str, int], tuple[Any, ...]] = {}
_USED: set[tuple[str, int]] = set()
_STATE: dict[str, Any] = {"path": None, "installed": False, "new": 0}


def cache_path() -> Path | None:
    """The table's file: ``KG_REGEX_CACHE``, else ``$XDG_CACHE_HOME/kg`` (or
    ``~/.cache/kg``) ``/regex-<Python version>.bin``; None when turned off."""
    value = os.environ.get(CACHE_ENV)
    if value is not None:
        return None if value.strip().lower() in ("", "0", "off", "no") else Path(value)
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "kg" / f"regex-{_VERSION[:16]}.bin"


def _arguments(pattern: str, flags: int) -> tuple[Any, ...]:
    """What ``re._compiler.compile(pattern, flags)`` hands ``_sre.compile`` after the
    pattern (checked against it on install: :func:`_works`)."""
    p = _parser.parse(pattern, flags)
    code = list(map(int, _compiler._code(p, flags)))  # opcodes are int subclasses
    groupindex = p.state.groupdict
    indexgroup: list[str | None] = [None] * p.state.groups
    for k, i in groupindex.items():
        indexgroup[i] = k
    return (flags | p.state.flags, code, p.state.groups - 1, groupindex, tuple(indexgroup))


def _compile_uncached(pattern: str, flags: int) -> Any:
    return _ORIGINAL(pattern, flags)


def _compile(p: Any, flags: int = 0) -> Any:
    """``re._compiler.compile`` through the table (for ``str`` patterns)."""
    if type(p) is not str or flags & re.DEBUG:
        return _ORIGINAL(p, flags)
    key = (p, flags)
    args = _TABLE.get(key)
    if args is None:
        args = _arguments(p, flags)
        with _LOCK:
            _TABLE[key] = args
            _STATE["new"] += 1
    _USED.add(key)
    return _sre.compile(p, *args)


#: patterns :func:`_works` tries (groups, names, inline and given flags, bytes-free)
_PROBES = ((r"(?P<a>\d+)年(?:b|c)*?", 0), (r"(?i)x[y-z]+$", 0), (r"^\s*(\w)\1", re.M))


def _works() -> bool:
    """Whether :func:`_arguments` makes what ``re`` makes on this Python."""
    try:
        return all(_sre.compile(p, *_arguments(p, f)) == _ORIGINAL(p, f) for p, f in _PROBES)
    except Exception:
        return False


def install(path: Path | str | None = "default") -> bool:
    """Have ``re`` compile through the table (loaded from ``path``: default
    :func:`cache_path`; None: none) for the rest of this process; False when this Python's
    ``re`` is not the one this module knows. Installing again only loads the table once."""
    if _STATE["installed"]:
        return True
    if not _works():
        return False
    if path == "default":
        path = cache_path()
    path = Path(path) if path is not None else None
    _STATE["path"] = path
    if path is not None:
        _TABLE.update(_load(path))
    _compiler.compile = _compile
    _STATE["installed"] = True
    _STATE["new"] = 0
    return True


def _load(path: Path) -> dict[tuple[str, int], tuple[Any, ...]]:
    from kg.sealed import unseal

    try:
        blob = path.read_bytes()
    except OSError:
        return {}
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


def save() -> bool:
    """Write the expressions this process used when it compiled some the table did not
    have (atomically, sealed); whether it was written."""
    path = _STATE["path"]
    if path is None or not _STATE["installed"] or _STATE["new"] < MIN_NEW:
        return False
    from kg.io import write_bytes_atomic
    from kg.sealed import seal

    with _LOCK:
        table = dict(_TABLE)
        _STATE["new"] = 0
    # those this process used: the expressions of older code (and those made from a set,
    # whose order changes from process to process) are not kept
    table = {k: v for k, v in table.items() if k in _USED}
    try:
        data = seal(marshal.dumps((_VERSION, table)))
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        write_bytes_atomic(path, data, private=True, fsync=False)
    except (OSError, ValueError):
        return False
    return True


install()
