"""``kg build --watch``: build, then rebuild whenever an input file changes.

The builds share a :class:`~kg.runtime.policy.Resident` policy: the worker processes stay
up between builds with the NLP pipeline loaded, and decoded results and RDF fragments
stay in memory, so a rebuild after one changed document costs its extraction, the merge
and the export, not the start-up of a process.
"""

from __future__ import annotations

import gc
import os
import threading
import time
import zlib
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from kg.errors import InputError, KGError, Skipped
from kg.runtime.build import (
    SAMPLE_DIR,
    BuildReport,
    build,
    default_workers,
    run_all,
    usable_cache,
)
from kg.runtime.policy import Resident
from kg.runtime.resolution import save_unsaved

#: A full collection of the cyclic garbage after every this many builds.
COLLECT_EVERY = 20


def scan_inputs(
    inputs: Sequence[str | Path] | None,
) -> tuple[frozenset[tuple[str, int, int]], list[Any]]:
    """The :func:`input_signature` of the inputs and the files found (as
    ``kg.ingest.iter_input_files`` gives them: a build that starts on a change takes them
    instead of walking the folders again)."""
    from kg.ingest import iter_input_files

    files = list(iter_input_files([Path(p) for p in (inputs or [SAMPLE_DIR])]))
    out = set()
    for found in files:
        if isinstance(found, InputError):
            if not isinstance(found, Skipped):  # one error becoming another is a change
                out.add((str(found.path), -1, zlib.crc32(str(found).encode())))
            continue
        try:
            st = os.stat(found[0])
        except OSError:
            continue
        out.add((str(found[0]), st.st_size, st.st_mtime_ns))
    return frozenset(out), files


def relook(
    seen: frozenset[tuple[str, int, int]], touched: set[Path]
) -> frozenset[tuple[str, int, int]] | None:
    """The :func:`input_signature` after a change that touched only ``touched`` (files the
    kernel named, none added or removed: :attr:`kg.runtime.inotify.Watcher.touched`),
    from the last one, ``seen``: only those files are looked at. None when one of them
    is not an input the last look found (a hidden or skipped file), was an error there
    (a FIFO, an unreadable file: only a full look tells whether it still is one) or
    cannot be read: then every file is looked at again.

    >>> import tempfile
    >>> p = Path(tempfile.mkdtemp()) / "a.md"; _ = p.write_text("xy")
    >>> seen = frozenset({(str(p), 1, 0), ("other", 5, 7)})
    >>> now = {x[0]: x[1:] for x in relook(seen, {p})}
    >>> now[str(p)][0], now["other"]
    (2, (5, 7))
    >>> relook(seen, {p.with_name("b.md")}) is None
    True
    >>> relook(seen | {(str(p.with_name("f.md")), -1, 9)}, {p.with_name("f.md")}) is None
    True
    """
    by_path = {x[0]: x for x in seen}
    for p in touched:
        key = str(p)
        if key not in by_path or by_path[key][1] < 0:  # (size -1: an error entry)
            return None
        try:
            st = os.stat(p)
        except OSError:
            return None
        by_path[key] = (key, st.st_size, st.st_mtime_ns)
    return frozenset(by_path.values())


def input_signature(inputs: Sequence[str | Path] | None) -> frozenset[tuple[str, int, int]]:
    """(path, size, mtime) of every input file: it changes when a file is added, removed
    or modified."""
    return scan_inputs(inputs)[0]


def watch(
    inputs: Sequence[str | Path] | None = None,
    out_dir: str | Path = "output",
    *,
    workers: int | None = None,
    cache_dir: str | Path | None = None,
    interval: float = 1.0,
    on_report: Callable[[BuildReport], None] | None = None,
    on_error: Callable[[Exception], None] | None = None,
    stop: threading.Event | None = None,
    max_builds: int | None = None,
    **options: Any,
) -> int:
    """Build, then rebuild whenever an input file changes (``kg build --watch``).

    Inputs are looked at (size and mtime of every file) as soon as the kernel tells of a
    change under them (inotify, :mod:`kg.runtime.inotify`), and every ``interval`` seconds
    in any case (the only looks where inotify is not available). When the kernel named only
    files whose content changed, only those are looked at (:func:`relook`); after a build,
    only when it named any. Runs
    until ``stop`` is set or ``max_builds`` builds were made; returns the number of
    builds. ``options`` are those of :func:`~kg.runtime.build.build`; a failing build is
    passed to ``on_error`` (raised without it) and the next change is waited for.
    """
    from kg.runtime.inotify import Watcher

    cache_dir = usable_cache(cache_dir, out_dir)  # (said once, not at every build)
    policy = Resident()
    watcher = Watcher([Path(p) for p in (inputs or [SAMPLE_DIR])])
    n_workers = workers or default_workers()
    builds = 0
    seen: frozenset[tuple[str, int, int]] | None = None
    files: list[Any] = []
    # None: look at every file; else the files the kernel named since the last look
    # (an empty set: it named none)
    told: set[Path] | None = None
    # housekeeping the last build left for later (freeing its objects, deleting the files
    # its outputs replaced): the next build runs it while it waits for its view writer,
    # so it is not between a change and its outputs
    spare: list[Callable[[], object]] = []
    try:
        while max_builds is None or builds < max_builds:
            if stop is not None and stop.is_set():
                break
            now = relook(seen, told) if told is not None and seen is not None else None
            if now is None:
                now, files = scan_inputs(inputs)
            if now != seen:
                seen = now
                try:
                    report = build(
                        inputs, out_dir, workers=n_workers, cache_dir=cache_dir,
                        policy=policy, files=files, housekeeping=spare, **options,
                    )  # fmt: skip
                except KGError as exc:
                    if on_error is None:
                        raise
                    on_error(exc)
                else:
                    try:
                        if on_report is not None:
                            on_report(report)
                    finally:
                        report.run_pending(spare=False)
                        spare += report.spare
                        report.spare = []
                builds += 1
                if builds % COLLECT_EVERY == 0:  # the builds leave their objects frozen
                    gc.unfreeze()
                    gc.collect()
                # what changed during the build, as the kernel tells it (it queued every
                # event since the look before the build)
                told = None
                if watcher.native:
                    told = watcher.touched if watcher.wait(0.0) else set()
                continue
            save_unsaved(policy.memo("resolution"))  # nothing to do: the table written now
            told = None  # after a wait without news: every file is looked at
            # a ``stop`` is looked at four times a second
            step = min(interval, 0.25) if stop is not None else interval
            waited = 0.0
            while waited < interval and not (stop is not None and stop.is_set()):
                t = time.monotonic()
                if watcher.wait(min(step, interval - waited)) and watcher.native:
                    told = watcher.touched
                    break  # something changed: look now
                waited += time.monotonic() - t
    finally:
        run_all(spare)
        save_unsaved(policy.memo("resolution"))
        watcher.close()
        policy.close()
    return builds
