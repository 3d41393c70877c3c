"""Last build's entity table in the cache folder (``resolution.bin``): see
:mod:`kg.resolve.stored`. Sealed with this user's secret (:mod:`kg.sealed`), trusted
only for the same pipeline fingerprint and resolver code; a missing, damaged, foreign
or stale one is no table, and the build folds every result.

>>> import tempfile
>>> from kg.resolve.stored import Table
>>> d = tempfile.mkdtemp()
>>> write_table(d, Table([("a", "k")], {}, {}, {}), "fp")
>>> read_table(d, "fp").ids, read_table(d, "another fingerprint")
([('a', 'k')], None)
"""

from __future__ import annotations

import contextlib
import os
from os import PathLike
from pathlib import Path

from kg.io import atomic_write, read_regular
from kg.resolve.stored import Table, table_bytes, table_from, table_key
from kg.runtime.cache_layout import TABLE_NAME
from kg.sealed import seal, unseal

#: the key, in a ``--watch``'s kept resolution memo, of the table its last build left to
#: write: ``(cache folder, table, fingerprint)``
UNSAVED = "unsaved table"


def read_table(cache_dir: str | PathLike[str], fingerprint: str) -> Table | None:
    """The table the last build wrote, when it is whole and of this ``fingerprint``."""
    try:
        data = unseal(read_regular(Path(cache_dir) / TABLE_NAME))
    except OSError:
        return None
    return table_from(data, table_key(fingerprint)) if data is not None else None


def write_table(cache_dir: str | PathLike[str], table: Table | None, fingerprint: str) -> None:
    """Write ``table`` for the next build (None: remove the one there, now stale)."""
    path = Path(cache_dir) / TABLE_NAME
    if table is None:
        with contextlib.suppress(OSError):
            os.unlink(path)
        return
    data = seal(table_bytes(table, table_key(fingerprint)))
    with atomic_write(path, "wb", private=True, fsync=False) as f:
        f.write(data)


def save_unsaved(kept: dict | None) -> None:
    """Write the table a ``--watch`` build left in ``kept`` (:data:`UNSAVED`), if any: the
    watch does it when it has nothing to do and when it ends, so that the first build in a
    new process after it patches the table instead of folding every result."""
    pending = kept.pop(UNSAVED, None) if kept else None
    if pending is not None:
        cache_dir, table, fingerprint = pending
        try:
            write_table(cache_dir, table, fingerprint)
        except Exception:  # (not the watch's failure: the next build folds every result)
            write_table(cache_dir, None, fingerprint)
