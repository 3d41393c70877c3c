"""The default gazetteer in binary form, kept between processes.

A build process loads the gazetteer for its resolver before it can merge a result: from
the JSON lines of ``ontology/gazetteers`` that is ~0.13 CPU-s (``norm_name`` over every
name and alias for ``by_name``, 13,000 entries made), a pickle of the loaded object
~0.05. The first process of a version of the code and data writes the pickle, sealed
(:mod:`kg.sealed`: loaded only when this user wrote it), to
``$XDG_CACHE_HOME/kg/gazetteer-<key>.bin`` (or ``~/.cache/kg``; ``KG_GAZETTEER_CACHE``
names another folder, ``off`` turns it off); ``key`` hashes
:func:`kg.fingerprint.code_version` (the gazetteer and lexicon files and ``kg/nlp``'s
code, the entries' class and ``norm_name`` among it) and Python's version, so a changed
file or function gives another file. When one is written, only the :data:`KEEP` most
recently used beside it stay (checkouts of different code share the folder: with one
file each would replace the other's in turn).

>>> import tempfile
>>> folder = tempfile.mkdtemp()
>>> path = cache_path(folder)
>>> path.name.startswith("gazetteer-"), load(path)
(True, None)
>>> save(path, {"entries": 1}); load(path)
{'entries': 1}
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
import sys
from pathlib import Path
from typing import Any

from kg.cache_files import read_cache_file
from kg.cache_prune import prune
from kg.fingerprint import code_version
from kg.io import write_bytes_atomic
from kg.sealed import seal, unseal, user_cache_dir

__all__ = ["CACHE_ENV", "cache_path", "load", "save"]

#: Environment variable naming the folder ("" or "off": no binary form).
CACHE_ENV = "KG_GAZETTEER_CACHE"
#: Bump when what is pickled changes meaning.
VERSION = 1
#: Files kept in the folder (of as many versions of the code and data).
KEEP = 4


def cache_path(folder: str | os.PathLike[str] | None = None) -> Path | None:
    """The binary form's file for this code and data, in ``folder`` (default:
    ``KG_GAZETTEER_CACHE``, else ``$XDG_CACHE_HOME/kg`` or ``~/.cache/kg``); None when
    turned off or without a home folder."""
    if folder is None:
        folder = user_cache_dir(CACHE_ENV)
        if folder is None:
            return None
    key = hashlib.sha1(
        repr((VERSION, code_version(), sys.version, pickle.HIGHEST_PROTOCOL)).encode()
    ).hexdigest()[:20]
    return Path(folder) / f"gazetteer-{key}.bin"


def load(path: Path | None) -> Any:
    """The object saved at ``path``, or None (missing, not sealed by this user, damaged)."""
    if path is None:
        return None
    data = read_cache_file(path)
    if data is None:
        return None
    body = unseal(data)
    if body is None:
        return None
    try:
        obj = pickle.loads(body)
    except Exception:  # a damaged file that still carries a good seal cannot happen
        return None  # (the seal covers every byte); anything else: read the files
    with contextlib.suppress(OSError):
        os.utime(path)  # used: among the last to be removed
    return obj


def save(path: Path | None, obj: Any) -> None:
    """Write ``obj`` to ``path`` sealed, then remove the files beside it but the
    :data:`KEEP` most recently used (:func:`kg.cache_prune.prune`; a failure to write is
    no error: the next process reads the files again)."""
    if path is None:
        return
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        if not os.access(path.parent, os.W_OK):  # (not pickled for nothing every time)
            return
        write_bytes_atomic(path, seal(pickle.dumps(obj, protocol=pickle.HIGHEST_PROTOCOL)),
                           private=True, fsync=False)  # fmt: skip
    except OSError:
        return
    prune(path, "gazetteer-*.bin", KEEP)
