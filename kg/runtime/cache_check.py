"""Whether a cache folder can be used, before a build opens it (warning E109).

A cache folder that cannot be used (a file, a read-only file system, files of another
user in it after one ``sudo kg build``) while the output folder can be written is no
reason to stop: :func:`~kg.runtime.build.build` builds without it, and says why and how
to use it again.

>>> import tempfile
>>> d = Path(tempfile.mkdtemp()); _ = (d / "c").write_text("x")
>>> unusable_cache(d / "c", d).reason, unusable_cache(d / "new", d)
('it is a file, not a folder', None)
>>> unusable_cache(d / "c" / "cache", d).fix == f"remove the file {d / 'c'}"
True

A folder, a pipe or a socket where the cache keeps a file, or a file where it keeps a
folder, is set aside by :func:`kg.cache_files.set_aside` (warning E111).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import NamedTuple


class Unusable(NamedTuple):
    """Why a cache folder cannot be used, and what makes it usable again."""

    reason: str
    fix: str


def unusable_cache(cache_dir: str | os.PathLike[str], out: str | os.PathLike[str]
                   ) -> Unusable | None:  # fmt: skip
    """Why ``cache_dir`` cannot be a cache folder, when the output folder ``out`` can be
    written (else the build's E080 says why); None when it can. Made when missing, as
    the build would. Any error of the look is a reason (a folder it can write but not
    list, one removed meanwhile), never the build's failure."""
    cache_dir, out = Path(cache_dir), Path(out)
    try:
        problem = _problem(cache_dir)
    except OSError as exc:  # (listing it, or its file system's flags)
        problem = Unusable(exc.strerror or str(exc), f"remove the cache folder {cache_dir}")
    if problem is None:
        return None
    writable = next((p for p in (out, *out.parents) if p.exists()), None)
    if writable is None or not writable.is_dir() or not os.access(writable, os.W_OK):
        return None
    return problem


def _problem(cache_dir: Path) -> Unusable | None:
    instead = "or choose another --cache-dir"
    try:
        cache_dir.mkdir(parents=True, exist_ok=True)
    except FileExistsError:
        return Unusable("it is a file, not a folder", f"remove the file {cache_dir}")
    except NotADirectoryError:  # a folder above it is a file
        parent = next((p for p in cache_dir.parents if p.is_file()), cache_dir.parent)
        return Unusable(f"{parent} is a file, not a folder", f"remove the file {parent}")
    except OSError as exc:
        return Unusable(exc.strerror or str(exc), f"make it writable, {instead}")
    if not os.access(cache_dir, os.W_OK | os.X_OK):
        if os.statvfs(cache_dir).f_flag & os.ST_RDONLY:
            return Unusable("on a read-only file system", "choose another --cache-dir")
        return Unusable("it cannot be written", f"make it writable, {instead}")
    # a file of it another user's (one ``sudo kg build``): never taken from them
    theirs = sorted(p.name for p in cache_dir.iterdir()
                    if p.is_file() and not os.access(p, os.R_OK | os.W_OK))  # fmt: skip
    if not theirs:
        return None
    return Unusable(f"this user cannot read and write {', '.join(theirs)} in it",
                    f"remove the cache folder {cache_dir} (as the user who owns them)")  # fmt: skip
