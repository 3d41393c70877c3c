"""Bounds for this user's cache folder (``~/.cache/kg``): few files of other versions.

Each version of the code (or checkout folder) writes files of its own beside the others'
(a gazetteer's binary form, a table of compiled expressions): without a bound, a user who
upgrades kg every week, or a developer with many checkouts, keeps one more of each for
every version ever run. :func:`prune` keeps the ``keep`` most recently used files of a
kind (the caller's own among them) and removes the rest, but never one used within
:data:`IN_USE` seconds: a build of that version may be running (removing its file would
only cost it a rewrite, and two builds of different versions would each remove the
other's in turn). Temporary files of writers killed mid-write go after
:data:`STALE_TMP` seconds. "Used" is the file's mtime: its readers touch it.

>>> import os, tempfile
>>> d = Path(tempfile.mkdtemp())
>>> for i in range(5):
...     (d / f"t-{i}.bin").touch(); os.utime(d / f"t-{i}.bin", (i * 86400, i * 86400))
>>> sorted(p.name for p in prune(d / "t-0.bin", "t-*.bin", keep=2))
['t-1.bin', 't-2.bin', 't-3.bin']
"""

from __future__ import annotations

import contextlib
import time
from pathlib import Path

__all__ = ["IN_USE", "STALE_TMP", "prune"]

#: A file used (read or written) this recently is kept whatever the count.
IN_USE = 3600.0
#: A temporary file (``.<name>.<random>.tmp``, :func:`kg.io.atomic_write`) this old was
#: left by a writer that was killed.
STALE_TMP = 3600.0


def prune(
    own: Path, pattern: str, keep: int, *, max_age: float | None = None,
    in_use: float | None = IN_USE,
) -> list[Path]:  # fmt: skip
    """Remove the files matching ``pattern`` beside ``own`` but ``own`` and the
    ``keep - 1`` others most recently used; also those unused for ``max_age`` seconds
    (whatever the count). A file used within ``in_use`` seconds stays (None: none is
    spared; the pipeline snapshots, ~50 MB each, are bounded by count alone). Stale
    temporary files of the pattern go too. Returns what was removed (errors: skipped,
    another process may remove the same file)."""
    now = time.time()
    found = []
    for path in own.parent.glob(pattern):
        if path != own:
            with contextlib.suppress(OSError):
                found.append((path.stat().st_mtime, path))
    found.sort(reverse=True)
    removed = []
    for rank, (used, path) in enumerate(found):
        old = max_age is not None and now - used > max_age
        if (rank >= keep - 1 or old) and (in_use is None or now - used > in_use):
            with contextlib.suppress(OSError):
                path.unlink()
                removed.append(path)
    for tmp in own.parent.glob(f".{pattern}.*.tmp"):
        with contextlib.suppress(OSError):
            if now - tmp.stat().st_mtime > STALE_TMP:
                tmp.unlink()
                removed.append(tmp)
    return removed
