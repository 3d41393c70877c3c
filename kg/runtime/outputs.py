"""Writing a build's outputs: all or nothing, through the export registry.

Every format is written into a staging folder beside the outputs (named after the
build's pid, :func:`kg.runtime.lifecycle.staging_dir`) and moved into place only when all
of them succeeded, so a failing exporter leaves the previous files intact. Staging
folders of builds that died are removed by the next build.

On two cores, formats that are not assembled from cached fragments (the HTML view) may
be written by a forked child while this process writes Turtle (:func:`fork_writer`).
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import json
import os
import shutil
import signal
import sys
import threading
import time
from collections.abc import Callable, Collection, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kg.errors import Errors, KGError
from kg.export.formats import REGISTRY
from kg.io import named_path, syncing
from kg.runtime.lifecycle import (
    STOP_SIGNALS,
    die_with_parent,
    fork_holding_signals,
    remove_dead_staging,
    signals_held,
    staging_dir,
)

if TYPE_CHECKING:  # networkx costs 0.1 s to import: only the exporters need it
    import networkx as nx

    from kg.export.view.text import TextPieces

#: ``fast(fmt, path)`` starts writing ``fmt`` the fast way (None: not for this format) and
#: returns the function that finishes it
FastStart = Callable[[str, Path], "Callable[[], object] | None"]

#: Signals held while the outputs are moved into place (:func:`write_outputs`).
PUBLISH_HELD = STOP_SIGNALS

#: Seconds a forked writer may stay silent before it is stopped and its formats are
#: written by the build process itself.
FORK_TIMEOUT = 600.0


#: The modules that decide a view piece (their hash is part of its store key).
VIEW_PIECE_MODULES = ("export/view/data.py", "export/view/text.py", "export/view/values.py")


#: The store record listing the keys of the pieces the last view used (for
#: :func:`prefetch_pieces`).
LAST_PIECES = "view-pieces-last"


def text_pieces(
    memo: dict[str, Any] | None,
    store: Any = None,
    doc_keys: Mapping[str, str] | None = None,
    entities: dict[str, Any] | None = None,
) -> TextPieces:
    """The view's text pieces of a build (:class:`~kg.export.view.text.TextPieces`):
    kept in ``memo`` (``--watch``) and in ``store`` (the fragment store: a rebuild in a new
    process loads the pieces of unchanged documents). A piece's store key hashes the
    view code, the document and its input; its sentences (the largest part) by the
    document's result key (``doc_keys``) when it has one, without ``raw`` (the document
    node's sentences): ``raw`` is the extraction result's own ``sentences``, kept as
    they are by resolve and :func:`kg.graph.build.build_graph` (stated there), so a
    function of that key. ``entities``: kept with ``memo``, each entity's view record
    (see :class:`~kg.export.view.text.TextPieces`)."""
    from kg.export.view.text import PIECE_VERSION, TextPieces

    if store is None:
        return TextPieces(memo, entities=entities)
    from kg.fingerprint import canonical, module_version

    version = f"view-piece|{PIECE_VERSION}|{module_version(*VIEW_PIECE_MODULES)}|".encode()
    keys = doc_keys if doc_keys is not None else {}  # (filled later by a rebuild)

    def key(doc: str, inp: tuple[Any, Any, Any]) -> str:
        evidence, ents, raw = inp
        dk = keys.get(doc)
        h = hashlib.blake2b(version, digest_size=20)
        h.update(canonical((doc, dk, raw is None, evidence, ents)))
        if dk is None:
            h.update(canonical(raw))
        return h.hexdigest()

    return TextPieces(memo, store=store, key=key, entities=entities)


def store_pieces(pieces: TextPieces, store: Any) -> None:
    """Keep the stored pieces the last view used (:meth:`PackStore.touch
    <kg.runtime.store.PackStore.touch>`) and store those it made (missing, or refused:
    the new record replaces it)."""
    for k in pieces.keys.values():
        store.touch(k)
    for k, data in pieces.records:
        store.put(k, data)
    pieces.records = []
    last = "\n".join(pieces.keys.values()).encode()
    if store.get(LAST_PIECES) != last:
        store.put(LAST_PIECES, last)
    else:
        store.touch(LAST_PIECES)


def prefetch_pieces(pieces: TextPieces, store: Any) -> None:
    """Read and parse the stored pieces the last view used (:data:`LAST_PIECES`) into
    ``pieces`` ahead of the view (a rebuild does it while a worker extracts the changed
    documents: most of them are this build's pieces too)."""
    data = store.get(LAST_PIECES)
    if data:
        pieces.prefetch(bytes(data).decode().split("\n"))


def write_one(
    fmt: str,
    graph: Callable[[], nx.MultiDiGraph],
    dest: Path,
    max_html_nodes: int,
    view: TextPieces | None = None,
) -> Path:
    """Write one format into the folder ``dest``; returns the main file written.
    ``view``: the HTML view's text pieces kept from the last build."""
    f = REGISTRY[fmt]
    path = dest / f.filename
    if fmt == "html":
        f.write(graph(), path, max_nodes=max_html_nodes, pieces=view)
    elif fmt == "csv":
        f.write(graph(), dest)
    else:
        f.write(graph(), path)
    return path


def fork_safe() -> bool:
    """Whether this process may fork a writer: it runs no thread but the main one (a
    forked child holds only the calling thread: a lock another thread held would stay
    locked there). The worker pool's I/O thread runs only while tasks are out."""
    if not hasattr(os, "fork"):
        return False
    return all(t is threading.main_thread() for t in threading.enumerate())


def fork_writer(
    fmts: Sequence[str],
    graph: Callable[[], nx.MultiDiGraph],
    dest: Path,
    max_html_nodes: int,
    view: TextPieces | None = None,
) -> Callable[[], dict[str, float] | None]:
    """Write ``fmts`` into ``dest`` in a forked child process (it shares this process's
    memory, the resolution included, copy-on-write); returns the function that waits for
    it: seconds per format (and ``graph``), or None when the child failed. The view's
    text pieces the child made come back to ``view`` (through an unnamed temporary file
    opened here: no other process can write it)."""
    box = None
    if view is not None and "html" in fmts:
        import tempfile

        box = tempfile.TemporaryFile()
    r, w = os.pipe()
    parent = os.getpid()
    pid = fork_holding_signals()
    if pid == 0:  # pragma: no cover (the child; its work is checked by the parent's tests)
        code = 1
        try:
            die_with_parent(parent)
            os.close(r)
            times: dict[str, float] = {}
            t = time.perf_counter()
            graph()
            times["graph"] = time.perf_counter() - t
            for fmt in fmts:
                t = time.perf_counter()
                write_one(fmt, graph, dest, max_html_nodes, view)
                times[fmt] = time.perf_counter() - t
            if box is not None:
                view.save(box)
            os.write(w, json.dumps(times).encode())
            os.close(w)
            code = 0
        finally:
            os._exit(code)
    os.close(w)

    def join() -> dict[str, float] | None:
        try:
            times = wait()
            if times is not None and box is not None:
                box.seek(0)
                if not view.adopt(box):
                    return None
            return times
        finally:
            if box is not None:
                box.close()

    def wait() -> dict[str, float] | None:
        import select

        chunks = []
        with os.fdopen(r, "rb", buffering=0) as f:
            while True:
                ready, _, _ = select.select([f], [], [], FORK_TIMEOUT)
                if not ready:  # stuck (it never should be): stop it, write here
                    stop()
                    return None
                data = f.read(65536)
                if not data:
                    break
                chunks.append(data)
        _, status = os.waitpid(pid, 0)
        reaped.append(pid)
        if os.waitstatus_to_exitcode(status) != 0:
            return None
        try:
            return json.loads(b"".join(chunks))
        except ValueError:
            return None

    reaped: list[int] = []

    def stop() -> None:
        """Kill the writer unless it was waited for: a build that failed or was
        interrupted removes the staging folder, which the writer must not fill again."""
        if not reaped:
            with contextlib.suppress(OSError):
                os.kill(pid, signal.SIGKILL)
                os.waitpid(pid, 0)
            reaped.append(pid)

    join.stop = stop  # type: ignore[attr-defined]
    return join


def write_outputs(
    graph: Callable[[], nx.MultiDiGraph],
    out_dir: str | Path,
    formats: Sequence[str],
    max_html_nodes: int,
    fast: FastStart | None = None,
    timings: dict[str, float] | None = None,
    *,
    fork_slow: Collection[str] = (),
    graph_seconds: Callable[[float], None] | None = None,
    cleanup: Callable[[Callable[[], object]], bool] | None = None,
    moved: list[str] | None = None,
    view: TextPieces | None = None,
    while_waiting: Callable[[], object] | None = None,
    while_syncing: Callable[[], object] | None = None,
) -> dict[str, str]:
    """Write ``formats`` (all or nothing). ``fork_slow``: formats that are not fast, to be
    written by a forked child while this process writes the fast ones; when the child
    fails they are written here. ``cleanup(fn)``: the staging folder and the files the
    outputs replaced are then deleted in a thread; ``cleanup`` may take the waiting for it
    (``fn``) to run later (True), e.g. after a ``--watch`` build has reported. ``moved``:
    receives the names of the files written (moved into place). ``view``: the HTML
    view's text pieces kept from the last build
    (:class:`~kg.export.view.text.TextPieces`). ``while_waiting``: run once this process
    has written its formats and only waits for the forked writer (not run when none was
    forked). ``while_syncing``: run once every format was written, while the files'
    fsyncs end (:func:`kg.io.syncing`), before anything is published."""
    out = Path(out_dir)
    try:
        out.mkdir(parents=True, exist_ok=True)
        if removed := remove_dead_staging(out):
            found = KGError(Errors.E107, path=out, count=len(removed))
            print(f"warning: {found}", file=sys.stderr)
    except OSError as exc:
        raise KGError(Errors.E080, path=out, reason=exc.strerror or exc) from exc
    timings = timings if timings is not None else {}
    formats = list(dict.fromkeys(formats))
    published = False
    child = None
    stage = None
    try:
        # made inside the ``try``: a stop signal's raise right after it removes it too
        stage = staging_dir(out)
        # each staged file's fsync in a thread of its own (kg.io.syncing), started once it
        # is written: the syncs overlap each other and what follows; every file is on disk
        # and in the staging folder before anything is published. Only the staging
        # folder's: the cache's writes (while_waiting, while_syncing) end in order, here
        with syncing(stage) as synced:
            staged: dict[str, Path] = {}
            started: dict[str, Callable[[], object]] = {}
            forked = [f for f in formats if f in fork_slow]
            if forked and len(forked) < len(formats):
                child = fork_writer(forked, graph, stage, max_html_nodes, view)
            for fmt in formats:  # fast formats first: they work in the background
                if child is not None and fmt in forked:
                    continue
                t = time.perf_counter()
                finish = fast(fmt, stage / REGISTRY[fmt].filename) if fast is not None else None
                if finish is not None:
                    started[fmt] = finish
                    staged[fmt] = stage / REGISTRY[fmt].filename
                    timings[fmt] = time.perf_counter() - t
            for fmt in formats:
                if fmt not in started and (child is None or fmt not in forked):
                    t = time.perf_counter()
                    staged[fmt] = write_one(fmt, graph, stage, max_html_nodes, view)
                    timings[fmt] = time.perf_counter() - t
            for fmt, finish in started.items():
                t = time.perf_counter()
                finish()
                timings[fmt] += time.perf_counter() - t
            if child is not None:
                if while_waiting is not None:
                    while_waiting()
                times = child()
                for fmt in forked:
                    if times is None:  # the child failed: write them here (and see why)
                        t = time.perf_counter()
                        staged[fmt] = write_one(fmt, graph, stage, max_html_nodes, view)
                        timings[fmt] = time.perf_counter() - t
                    else:
                        staged[fmt] = stage / REGISTRY[fmt].filename
                        timings[fmt] = times[fmt]
                if times is not None and graph_seconds is not None:
                    graph_seconds(times["graph"])
            if while_syncing is not None:
                while_syncing()
            synced()
        names = sorted(n for n in os.listdir(stage) if not n.startswith("."))
        # every format went through: publish, with Ctrl-C, SIGTERM and SIGHUP held until
        # all are in place (their default action or handler would leave OUT half old,
        # half new)
        with signals_held(PUBLISH_HELD):  # (a held signal comes at the block's end)
            for name in names:
                if cleanup is not None:  # the old file's blocks are freed with the stage
                    with contextlib.suppress(OSError):
                        os.link(out / name, stage / f".replaced-{name}")
                os.replace(stage / name, out / name)
                if moved is not None:
                    moved.append(name)
            published = True
        return {fmt: str(out / staged[fmt].name) for fmt in formats}
    except OSError as exc:  # a full disk, a read-only folder: nothing was replaced
        raise KGError(Errors.E080, path=named_path(exc, out), reason=exc.strerror or exc) from exc
    finally:
        if not published and child is not None:
            getattr(child, "stop", lambda: None)()  # (a test's spy may wrap the join)
        if stage is not None:
            _remove_stage(stage, cleanup if published else None)


def _remove_stage(stage: Path, cleanup: Callable[[Callable[[], object]], bool] | None) -> None:
    """Delete the staging folder; after a publish (``cleanup`` given) in a thread, since
    freeing the replaced files' blocks is the kernel's work (no GIL) and runs beside what
    follows the publish, the report included; ``cleanup`` may take the wait for it."""
    remove = functools.partial(shutil.rmtree, stage, ignore_errors=True)
    if cleanup is None:
        remove()
        return
    removing = threading.Thread(target=remove, name="kg-cleanup", daemon=True)
    removing.start()
    if not cleanup(removing.join):
        removing.join()


def export(
    G: nx.MultiDiGraph,
    out_dir: str | Path,
    formats: Sequence[str] = ("ttl", "html"),
    max_html_nodes: int = 1500,
) -> dict[str, str]:
    """Write the graph in each of ``formats`` under ``out_dir``; returns format → path.

    All or nothing: when one format fails, no output file is replaced."""
    return write_outputs(lambda: G, out_dir, formats, max_html_nodes)
