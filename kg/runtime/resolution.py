"""Last build's entity table in the cache folder (``resolution.bin``): see
:mod:`kg.resolve.stored`. A checked file (:func:`~kg.runtime.store.dump_checked`),
trusted only for the same pipeline fingerprint and resolver code; a missing, damaged,
foreign or stale one is no table, and the build folds every result.

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

from kg.resolve.merge import Entity
from kg.resolve.stored import Table, dump_table, load_table, table_key
from kg.runtime.store import dump_checked, load_checked

TABLE_NAME = "resolution.bin"


def read_table(cache_dir: str | PathLike[str], fingerprint: str) -> Table | None:
    """The table the last build wrote, when it is whole and of this ``fingerprint``."""
    data, _ = load_checked(Path(cache_dir) / TABLE_NAME)
    return load_table(data, table_key(fingerprint), Entity) if data is not None else None


def write_table(cache_dir: str | PathLike[str], table: Table | None, fingerprint: str) -> None:
    """Write ``table`` for the next build (None: remove the one there, now stale)."""
    path = Path(cache_dir) / TABLE_NAME
    if table is None:
        with contextlib.suppress(OSError):
            os.unlink(path)
        return
    dump_checked(path, dump_table(table, table_key(fingerprint)))
