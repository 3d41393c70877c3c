"""Versions of kg's code and data, and where its data lives: one place for both.

- :data:`ONTOLOGY_DIR`: the ontology folder (gazetteers, lexicon, ``kg.ttl``,
  ``shapes.ttl``); ``KG_ONTOLOGY_DIR`` overrides it;
- :func:`code_version`: a hash of the code and data that decide extraction results
  (``kg/nlp``, ``kg/model.py``, gazetteers, lexicon) — part of every cached result's key;
- :func:`pipeline_key`: a hash of everything a built NLP pipeline depends on (all of
  ``kg/``, all of the ontology folder, Python and library versions) — the key of a
  pipeline snapshot;
- :func:`module_version`: a hash of some source files (the fast exporter's fragments);
- :func:`canonical`: bytes of a value to hash into a cache key (the store's, the
  exporter's).

>>> len(code_version()), code_version() == code_version()
(16, True)
>>> pipeline_key(("a",)) != pipeline_key(("b",))
True
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import os
import pickle
import sys
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path
from typing import Any

#: The ``kg`` package folder.
PACKAGE_DIR = Path(__file__).resolve().parent
#: The ontology folder of the source tree.
REPO_ONTOLOGY_DIR = PACKAGE_DIR.parent / "ontology"
#: The ontology folder in use (``KG_ONTOLOGY_DIR`` or the source tree's).
ONTOLOGY_DIR = Path(os.environ.get("KG_ONTOLOGY_DIR") or REPO_ONTOLOGY_DIR)

#: Libraries whose version changes a built pipeline.
PIPELINE_LIBS = ("spacy", "jieba", "jieba_next", "jieba_fast", "pyahocorasick", "numpy")
#: Bump to invalidate every pipeline snapshot.
SNAPSHOT_VERSION = 3


def digest_files(files: Iterable[tuple[Path, Path]], h: hashlib._Hash | None = None) -> str:
    """sha1 over ``(root, file)`` pairs: each file's name relative to its root (a moved
    checkout keeps its hash) and its bytes; unreadable files count by name only."""
    h = h if h is not None else hashlib.sha1()
    for root, f in files:
        h.update(f.relative_to(root).as_posix().encode() + b"\0")
        with contextlib.suppress(OSError):
            h.update(f.read_bytes())
    return h.hexdigest()


@lru_cache(maxsize=1)
def code_version() -> str:
    """Hash of the code and data that determine extraction results (cache key part)."""
    onto = ONTOLOGY_DIR
    files = [(PACKAGE_DIR, f) for f in sorted((PACKAGE_DIR / "nlp").rglob("*.py"))]
    files.append((PACKAGE_DIR, PACKAGE_DIR / "model.py"))
    files += [(onto, f) for f in sorted((onto / "gazetteers").glob("*.jsonl"))]
    files += [(onto, f) for f in sorted((onto / "lexicon").glob("*")) if f.is_file()]
    return digest_files(files)[:16]


@lru_cache(maxsize=8)
def pipeline_key(components: tuple[str, ...], lean: bool = False) -> str:
    """Hash of everything a built pipeline depends on: every ``*.py`` under ``kg/``, every
    file of the ontology folder(s), the Python and library versions, the arguments, and
    where the package and its ontology are (a pipeline holds their paths: one restored
    from a moved or deleted checkout of the same code read files that are not there)."""
    from importlib import metadata

    libs = []
    for dist in PIPELINE_LIBS:
        try:
            libs.append((dist, metadata.version(dist)))
        except metadata.PackageNotFoundError:
            libs.append((dist, None))
    where = (str(PACKAGE_DIR), str(ONTOLOGY_DIR.resolve()))
    h = hashlib.sha1(repr((SNAPSHOT_VERSION, sys.version, libs, components, lean, where)).encode())
    files = [(PACKAGE_DIR, f) for f in sorted(PACKAGE_DIR.rglob("*.py"))]
    for folder in dict.fromkeys((ONTOLOGY_DIR, REPO_ONTOLOGY_DIR)):
        files += [(folder, f) for f in sorted(folder.rglob("*")) if f.is_file()]
    return digest_files(files, h)[:20]


@lru_cache(maxsize=8)
def module_version(*names: str) -> str:
    """Hash of the source files ``names`` (paths relative to ``kg/``).

    >>> module_version("iri.py") == module_version("iri.py") != module_version("vocab.py")
    True
    """
    return digest_files((PACKAGE_DIR, PACKAGE_DIR / n) for n in names)[:16]


def canonical(obj: Any) -> bytes:
    """Bytes of ``obj`` for hashing into a cache key: a pickle without its memo, so that
    equal strings give the same bytes whether or not they are the same object (a plain
    pickle encodes that). The bytes follow the iteration order of any set or dict in
    ``obj``: equal sets of strings may give other bytes in another process (its hash
    seed), which costs a cache miss, never a wrong hit; sort them first where a stable
    key matters. Only hashed: nothing read from a cache is ever unpickled.

    >>> a, b = "x" * 3, "".join(["x"] * 3)
    >>> canonical([a, a]) == canonical([a, b]) and canonical([a]) != canonical([b, b])
    True
    """
    buf = io.BytesIO()
    p = pickle.Pickler(buf, protocol=pickle.HIGHEST_PROTOCOL)
    p.fast = True  # no memo: no back-references
    p.dump(obj)
    return buf.getvalue()
