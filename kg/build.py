"""``kg build``: documents in, knowledge graph out (the pure function under the CLI).

read (``kg.ingest``) → extract (``kg.nlp``, parallel, cached) → resolve (``kg.resolve``)
→ graph (``kg.graph``) → export (``kg.export``). Bad files are reported and skipped.

Scale: documents are streamed (bounded batches in flight, see
:mod:`kg.extract_parallel`), each result is merged as soon as it arrives, and the
cyclic garbage collector is paused while the build allocates its (acyclic) tables.
Incremental: with a cache folder (``OUT/.cache`` from the CLI) unchanged files are not
read again, unchanged documents not extracted again (:mod:`kg.manifest`), and for big
graphs Turtle/N-Triples are assembled from cached per-document fragments
(:mod:`kg.export.fast`).

Outputs are all-or-nothing: every format is written into a staging folder beside the
outputs and moved into place only when all of them succeeded, so a failing exporter
leaves the previous files intact.

>>> import tempfile
>>> report = build(out_dir=tempfile.mkdtemp(), workers=1, quiet=True, formats=("ttl",))
>>> report.docs_read, report.docs_failed
(2, 0)
"""

from __future__ import annotations

import contextlib
import functools
import gc
import json
import os
import shutil
import signal
import sys
import tempfile
import threading
import time
from collections import Counter
from collections.abc import Callable, Collection, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kg.errors import Errors, InputError, KGError
from kg.iri import DEFAULT_BASE

if TYPE_CHECKING:  # networkx costs 0.1 s to import: only the exporters need it
    import networkx as nx

REPO_DIR = Path(__file__).resolve().parents[1]
SAMPLE_DIR = REPO_DIR / "data" / "sample"
DEFAULT_FORMATS = ("ttl", "html")
ALL_FORMATS = ("ttl", "html", "trig", "nt", "nq", "jsonld", "graphml", "csv")
#: From this many documents on, Turtle and N-Triples come from :mod:`kg.export.fast`.
FAST_EXPORT_MIN_DOCS = 100
#: A build that extracted fewer documents renders their RDF fragments itself (the worker
#: processes are stopped; see ``kg.export.fast.RENDER_TASK_PARTS``).
FEW_EXTRACTED = 25


@dataclass
class BuildReport:
    """What a build did: counts, failures, timings and the files written."""

    docs_read: int = 0
    docs_failed: int = 0
    docs_cached: int = 0
    chars: int = 0
    errors: list[str] = field(default_factory=list)
    entities_by_type: dict[str, int] = field(default_factory=dict)
    relations_by_predicate: dict[str, int] = field(default_factory=dict)
    observations: int = 0
    seconds: float = 0.0
    timings: dict[str, float] = field(default_factory=dict)
    outputs: dict[str, str] = field(default_factory=dict)
    #: documents run through the NLP pipeline in this build (the rest came from the cache)
    docs_extracted: int = 0
    #: files not read again: size and mtime unchanged since the last build
    files_unchanged: int = 0
    #: RDF fragments reused from / generated into the cache by the fast exporter
    fragments: dict[str, int] = field(default_factory=dict)
    #: seconds per output format
    format_seconds: dict[str, float] = field(default_factory=dict)
    #: housekeeping a build with ``memos`` left for its caller to run once it has used the
    #: report (:func:`run_pending`)
    pending: list[Callable[[], object]] = field(default_factory=list, repr=False, compare=False)

    def run_pending(self) -> None:
        """Run the housekeeping a build with ``memos`` left (saving the manifest, deleting
        the replaced outputs, freeing the build's objects)."""
        while self.pending:
            self.pending.pop(0)()

    def summary(self) -> str:
        lines = [
            f"documents read: {self.docs_read}, failed: {self.docs_failed}"
            + (f", from cache: {self.docs_cached}" if self.docs_cached else ""),
            f"characters: {self.chars:,}",
            "entities: " + ", ".join(f"{k} {v}" for k, v in sorted(self.entities_by_type.items())),
            "relations: "
            + ", ".join(f"{k} {v}" for k, v in sorted(self.relations_by_predicate.items())),
            f"observations: {self.observations}",
            f"seconds: {self.seconds:.2f} ("
            + ", ".join(f"{k} {v:.2f}" for k, v in self.timings.items())
            + ")"
            + (f", {self.chars / self.seconds:,.0f} chars/s" if self.seconds > 0 else ""),
        ]
        if self.errors:
            lines.insert(
                1,
                f"failed documents ({len(self.errors)}): "
                + "; ".join(self.errors[:20])
                + (" …" if len(self.errors) > 20 else ""),
            )
        if self.outputs:
            lines.append("wrote: " + ", ".join(self.outputs.values()))
        return "\n".join(lines)


def default_workers() -> int:
    try:
        return len(os.sched_getaffinity(0)) or 1
    except AttributeError:  # pragma: no cover (not Linux)
        return os.cpu_count() or 1


@contextlib.contextmanager
def _gc_paused() -> Iterator[None]:
    """Pause the cyclic GC: the build allocates millions of acyclic objects, and every
    full collection would walk all of them (2-3× slower merging and graph building)."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def _fingerprint(text_field: str | None) -> str:
    from kg.extract_parallel import pipeline_version

    return f"{pipeline_version()}|text_field={text_field}"


def _preload_exporters() -> None:
    """Import what the graph and export stages use (networkx, scipy, pyoxigraph, rdflib:
    0.3-0.4 s), while this process waits for a worker."""
    import importlib

    for name in ("kg.graph", "kg.export.fast", "kg.export.html", "scipy.sparse"):
        with contextlib.suppress(ImportError):
            importlib.import_module(name)


def _resolve(
    inputs: Sequence[str | Path] | None,
    *,
    workers: int,
    state: Any,
    text_field: str | None,
    executor: Any,
    on_error: Callable[[InputError], None] | None,
    on_progress: Callable[[int, int], None] | None,
    report: BuildReport,
    started: float | None = None,
    pools: Any = None,
    files: Sequence[Any] | None = None,
    memo: dict[str, Any] | None = None,
) -> Any:
    """Read, extract and merge: the :class:`~kg.resolve.Resolution` of ``inputs``
    (``files``: the input files, when already listed by ``iter_input_files``; ``memo``:
    decoded results kept between builds, see :func:`kg.extract_parallel.extract_keyed`)."""
    from kg.distributed import as_executor
    from kg.extract_parallel import extract_keyed
    from kg.manifest import iter_inputs
    from kg.resolve import Resolver

    paths = [Path(p) for p in (inputs or [SAMPLE_DIR])]
    resolver = Resolver()
    t0 = time.perf_counter()
    if started is not None:
        report.timings["setup"] = t0 - started

    def _err(e: InputError) -> None:
        report.docs_failed += 1
        report.errors.append(str(e))
        if on_error:
            on_error(e)

    ex, slots = as_executor(executor)
    if ex is None and pools is not None:
        ex = pools
        if getattr(pools, "ahead", False):
            pools.prestart()  # forked now: it inherits the modules imported so far (spaCy)
    for _, r, cached in extract_keyed(
        iter_inputs(paths, state, text_field, files),
        workers=workers,
        store=state.results if state is not None else None,
        on_error=_err,
        on_progress=on_progress,
        executor=ex,
        slots=slots,
        idle=_preload_exporters,
        memo=memo,
    ):
        report.docs_read += 1
        report.chars += r.chars
        if cached:
            report.docs_cached += 1
        else:
            report.docs_extracted += 1
        resolver.add(r)
    t1 = time.perf_counter()
    report.timings["extract"] = t1 - t0
    if state is not None:
        report.files_unchanged = state.files_skipped
    if report.docs_read == 0:
        raise KGError(Errors.E020, inputs=", ".join(str(p) for p in paths))
    res = resolver.finish()
    report.timings["resolve"] = time.perf_counter() - t1
    report.entities_by_type = dict(Counter(e.type for e in res.entities.values()))
    edges = {(r.subj, r.obj, r.pred) for _, r in res.relations}
    report.relations_by_predicate = dict(Counter(p for _, _, p in edges))
    report.observations = len(res.observations)
    return res


def extract_graph(
    inputs: Sequence[str | Path] | None = None,
    *,
    workers: int = 1,
    cache_dir: str | Path | None = None,
    text_field: str | None = None,
    base_iri: str = DEFAULT_BASE,
    executor: Any = None,
    on_error: Callable[[InputError], None] | None = None,
    on_progress: Callable[[int, int], None] | None = None,
    report: BuildReport | None = None,
) -> nx.MultiDiGraph:
    """Read, extract, resolve and build the networkx graph (no files written)."""
    from kg.graph import build_graph
    from kg.manifest import BuildState

    report = report if report is not None else BuildReport()
    t0 = time.perf_counter()
    with _gc_paused():
        state = BuildState(cache_dir, _fingerprint(text_field)) if cache_dir else None
        resolved = False
        try:
            res = _resolve(
                inputs,
                workers=workers,
                state=state,
                text_field=text_field,
                executor=executor,
                on_error=on_error,
                on_progress=on_progress,
                report=report,
                started=t0,
            )
            resolved = True
        finally:
            if state is not None:
                state.close(complete=resolved)
        t = time.perf_counter()
        G = build_graph(res, base_iri)
        report.timings["graph"] = time.perf_counter() - t
    return G


# --------------------------------------------------------------------------- export


def _write_one(
    fmt: str, graph: Callable[[], nx.MultiDiGraph], dest: Path, max_html_nodes: int
) -> Path:
    """Write one format into the folder ``dest``; returns the main file written."""
    if fmt == "html":
        from kg.export.html import write_html

        path = dest / "graph.html"
        write_html(graph(), path, max_nodes=max_html_nodes)
    elif fmt == "csv":
        from kg.export.formats import write_csv

        write_csv(graph(), dest)
        path = dest / "nodes.csv"
    else:
        from kg.export import formats as F
        from kg.export import rdf as R

        writer = {
            "ttl": R.write_turtle,
            "trig": R.write_trig,
            "nt": R.write_ntriples,
            "nq": R.write_nquads,
            "jsonld": R.write_jsonld,
            "graphml": F.write_graphml,
        }[fmt]
        path = dest / f"graph.{fmt}"
        writer(graph(), path)
    return path


#: ``fast(fmt, path)`` starts writing ``fmt`` the fast way (None: not for this format) and
#: returns the function that finishes it
FastStart = Callable[[str, Path], "Callable[[], object] | None"]


#: Seconds a forked writer may stay silent before it is stopped and its formats are
#: written by the build process itself.
FORK_TIMEOUT = 600.0


def _fork_safe() -> bool:
    """Whether this process may fork a writer: no threads but the idle machinery of a
    ``ProcessPoolExecutor`` (its manager and queue feeder, which the child never uses)."""
    if not hasattr(os, "fork"):
        return False
    for t in threading.enumerate():
        if t is threading.main_thread():
            continue
        if type(t).__name__ == "_ExecutorManagerThread" or t.name == "QueueFeederThread":
            continue
        return False
    return True


def _fork_writer(
    fmts: Sequence[str], graph: Callable[[], nx.MultiDiGraph], dest: Path, max_html_nodes: int
) -> Callable[[], dict[str, float] | None]:
    """Write ``fmts`` into ``dest`` in a forked child process (it shares this process's
    memory, the resolution included, copy-on-write); returns the function that waits for
    it: seconds per format (and ``graph``), or None when the child failed."""
    r, w = os.pipe()
    pid = os.fork()
    if pid == 0:  # pragma: no cover (the child; its work is checked by the parent's tests)
        code = 1
        try:
            os.close(r)
            times: dict[str, float] = {}
            t = time.perf_counter()
            graph()
            times["graph"] = time.perf_counter() - t
            for fmt in fmts:
                t = time.perf_counter()
                _write_one(fmt, graph, dest, max_html_nodes)
                times[fmt] = time.perf_counter() - t
            os.write(w, json.dumps(times).encode())
            os.close(w)
            code = 0
        finally:
            os._exit(code)
    os.close(w)

    def join() -> dict[str, float] | None:
        import select

        chunks = []
        with os.fdopen(r, "rb", buffering=0) as f:
            while True:
                ready, _, _ = select.select([f], [], [], FORK_TIMEOUT)
                if not ready:  # stuck (it never should be): stop it, write here
                    os.kill(pid, signal.SIGKILL)
                    os.waitpid(pid, 0)
                    return None
                data = f.read(65536)
                if not data:
                    break
                chunks.append(data)
        _, status = os.waitpid(pid, 0)
        if os.waitstatus_to_exitcode(status) != 0:
            return None
        try:
            return json.loads(b"".join(chunks))
        except ValueError:
            return None

    return join


def _export(
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
) -> dict[str, str]:
    """Write ``formats`` (all or nothing). ``fork_slow``: formats that are not fast, to be
    written by a forked child while this process writes the fast ones (2 cores: the HTML
    view and Turtle at the same time); when the child fails they are written here.
    ``cleanup(fn)``: may take the deleting of the staging folder and of the files the
    outputs replaced to run later (True), e.g. after a ``--watch`` build has reported."""
    out = Path(out_dir)
    try:
        out.mkdir(parents=True, exist_ok=True)
        stage = Path(tempfile.mkdtemp(prefix=".kg-staging-", dir=out))
    except OSError as exc:
        raise KGError(Errors.E080, path=out, reason=exc.strerror or exc) from exc
    timings = timings if timings is not None else {}
    published = False
    try:
        staged: dict[str, Path] = {}
        started: dict[str, Callable[[], object]] = {}
        child = None
        forked = [f for f in dict.fromkeys(formats) if f in fork_slow]
        if forked and len(forked) < len(dict.fromkeys(formats)):
            child = _fork_writer(forked, graph, stage, max_html_nodes)
        for fmt in dict.fromkeys(formats):  # fast formats first: they work in the background
            if child is not None and fmt in forked:
                continue
            t = time.perf_counter()
            finish = fast(fmt, stage / f"graph.{fmt}") if fast is not None else None
            if finish is not None:
                started[fmt] = finish
                staged[fmt] = stage / f"graph.{fmt}"
                timings[fmt] = time.perf_counter() - t
        for fmt in dict.fromkeys(formats):
            if fmt not in started and (child is None or fmt not in forked):
                t = time.perf_counter()
                staged[fmt] = _write_one(fmt, graph, stage, max_html_nodes)
                timings[fmt] = time.perf_counter() - t
        for fmt, finish in started.items():
            t = time.perf_counter()
            finish()
            timings[fmt] += time.perf_counter() - t
        if child is not None:
            times = child()
            for fmt in forked:
                if times is None:  # the child failed: write them here (and see why)
                    t = time.perf_counter()
                    staged[fmt] = _write_one(fmt, graph, stage, max_html_nodes)
                    timings[fmt] = time.perf_counter() - t
                else:
                    staged[fmt] = stage / ("nodes.csv" if fmt == "csv" else f"graph.{fmt}")
                    timings[fmt] = times[fmt]
            if times is not None and graph_seconds is not None:
                graph_seconds(times["graph"])
        for name in sorted(os.listdir(stage)):  # every format went through: publish
            if not name.startswith("."):
                if cleanup is not None:  # the old file's blocks are freed with the stage
                    with contextlib.suppress(OSError):
                        os.link(out / name, stage / f".replaced-{name}")
                os.replace(stage / name, out / name)
        published = True
        return {fmt: str(out / staged[fmt].name) for fmt in dict.fromkeys(formats)}
    except OSError as exc:  # a full disk, a read-only folder: nothing was replaced
        raise KGError(Errors.E080, path=exc.filename or out, reason=exc.strerror or exc) from exc
    finally:
        remove = functools.partial(shutil.rmtree, stage, ignore_errors=True)
        if not (published and cleanup is not None and cleanup(remove)):
            remove()


def export(
    G: nx.MultiDiGraph,
    out_dir: str | Path,
    formats: Sequence[str] = DEFAULT_FORMATS,
    max_html_nodes: int = 1500,
) -> dict[str, str]:
    """Write the graph in each of ``formats`` under ``out_dir``; returns format → path.

    All or nothing: when one format fails, no output file is replaced."""
    return _export(lambda: G, out_dir, formats, max_html_nodes)


def build(
    inputs: Sequence[str | Path] | None = None,
    out_dir: str | Path = "output",
    *,
    workers: int | None = None,
    cache_dir: str | Path | None = None,
    text_field: str | None = None,
    base_iri: str = DEFAULT_BASE,
    formats: Sequence[str] = DEFAULT_FORMATS,
    max_html_nodes: int = 1500,
    quiet: bool = False,
    executor: Any = None,
    fast_export: bool | None = None,
    workers_pool: Any = None,
    memos: dict[str, dict[Any, Any]] | None = None,
) -> BuildReport:
    """Build the graph of ``inputs`` (default: the bundled sample) into ``out_dir``.

    ``memos``: given by a caller that builds again and again in one process (:func:`watch`):
    decoded results and RDF fragments are kept in it between builds, and the housekeeping
    of a build that went through (saving the manifest, deleting replaced files, freeing the
    build's objects) is left in ``report.pending`` for the caller to run
    (``report.run_pending()``) once it has shown the report.

    ``workers_pool``: worker processes owned by the caller
    (:func:`kg.extract_parallel.make_pools`), used and left running, their pipelines
    loaded, for the next build (:func:`watch`).

    ``fast_export``: Turtle/N-Triples through :mod:`kg.export.fast` (None: from
    :data:`FAST_EXPORT_MIN_DOCS` documents on). Input errors are printed to stderr (also
    when ``quiet``, which only silences the progress bar).
    """
    from kg.manifest import BuildState

    report = BuildReport()
    t0 = time.perf_counter()
    n_workers = workers or default_workers()
    paths = [Path(p) for p in (inputs or [SAMPLE_DIR])]
    pools = workers_pool
    own = workers_pool is None  # whether this build starts (and stops) the workers
    bar = None
    resolved = False
    snapshot_dir = Path(cache_dir) / "pipeline" if cache_dir else None
    keep = memos is not None  # memos between builds; housekeeping after the report
    ok = False

    def later(fn: Callable[[], object]) -> bool:
        if keep:
            report.pending.append(fn)
        return keep

    def free_later(*objs: Any) -> None:
        if keep:  # freed once the caller has used the report
            report.pending.append(functools.partial(_drop, list(objs)))

    def memo(kind: str) -> dict[Any, Any] | None:
        return None if memos is None else memos.setdefault(kind, {})

    if own and executor is None and n_workers > 1:
        from kg.extract_parallel import make_pools

        # The first worker is forked at once and loads the NLP pipeline (from its snapshot
        # under the cache folder) while this process reads the manifest, scans the inputs
        # and merges the cached results; it is stopped when nothing is to be extracted.
        pools = make_pools(n_workers, prestart=True, snapshot_dir=snapshot_dir)
        pools.ahead = True
    state = BuildState(cache_dir) if cache_dir else None
    files = None
    try:
        if state is not None:
            from kg.ingest import iter_input_files

            state.check(_fingerprint(text_field))
            files = list(iter_input_files(paths))  # walked once, for both looks
            if (
                own
                and getattr(pools, "ahead", False)
                and not state.anything_to_read(paths, files)
            ):
                pools.shutdown(kill=True)  # every file unchanged: no pipeline needed now
                pools.ahead = False
        if not quiet and sys.stderr.isatty():
            from tqdm import tqdm

            bar = tqdm(unit="doc", desc="extract", file=sys.stderr)

        def progress(n: int, chars: int) -> None:
            if bar is not None:
                bar.update(n)

        def on_error(e: InputError) -> None:
            msg = f"error: {e}"
            if bar is not None:
                bar.write(msg)
            else:
                print(msg, file=sys.stderr)

        with _gc_paused():
            try:
                res = _resolve(
                    paths,
                    workers=n_workers,
                    state=state,
                    text_field=text_field,
                    executor=executor,
                    on_error=on_error,
                    on_progress=progress,
                    report=report,
                    started=t0,
                    pools=pools,
                    files=files,
                    memo=memo("results"),
                )
                resolved = True
            finally:
                if bar is not None:
                    bar.close()
                if pools is not None and (
                    not resolved or report.docs_extracted < FEW_EXTRACTED
                ):
                    if own:
                        pools.shutdown(kill=True)  # not needed: few fragments to render
                    pools = None
            t1 = time.perf_counter()
            graph_cache: list[nx.MultiDiGraph] = []

            def graph() -> nx.MultiDiGraph:
                if not graph_cache:
                    from kg.graph import build_graph

                    t = time.perf_counter()
                    graph_cache.append(build_graph(res, base_iri))
                    report.timings["graph"] = time.perf_counter() - t
                return graph_cache[0]

            use_fast = (
                len(res.documents) >= FAST_EXPORT_MIN_DOCS if fast_export is None else fast_export
            )
            fast = None
            if use_fast:
                from kg.export.fast import FORMATS as FAST_FORMATS
                from kg.export.fast import start_fast

                def fast(fmt: str, path: Path) -> Callable[[], object] | None:
                    if fmt not in FAST_FORMATS:
                        return None
                    return start_fast(
                        res,
                        path,
                        fmt,
                        base_iri=base_iri,
                        store=state.fragments if state is not None else None,
                        stats=report.fragments,
                        executor=pools,
                        memo=memo(f"fragments-{fmt}"),
                        release=free_later,
                    )

            # With the workers gone (a small rebuild) the formats not written from the
            # resolution (graph.html) are written by a forked child while this process
            # writes Turtle: it has the other core to itself.
            fork_slow: tuple[str, ...] = ()
            if (
                use_fast
                and (pools is None or report.docs_extracted < FEW_EXTRACTED)
                and _fork_safe()
            ):
                fork_slow = tuple(f for f in formats if f not in FAST_FORMATS)

            def graph_seconds(s: float) -> None:
                report.timings["graph"] = s

            report.outputs = _export(
                graph,
                out_dir,
                formats,
                max_html_nodes,
                fast,
                report.format_seconds,
                fork_slow=fork_slow,
                graph_seconds=graph_seconds,
                cleanup=later if keep else None,
            )
            report.timings["export"] = time.perf_counter() - t1 - report.timings.get("graph", 0.0)
            free_later(res, graph_cache)
            ok = True
    finally:
        if own and pools is not None:
            pools.shutdown(kill=True)  # the warm workers also rendered RDF fragments
        if state is not None:
            close = functools.partial(state.close, complete=resolved)
            if not (ok and later(close)):
                close()
    report.seconds = time.perf_counter() - t0
    return report


def _drop(objs: list[Any]) -> None:
    """Let go of a build's objects (a build with ``memos``, once its report was used)."""
    objs.clear()


# --------------------------------------------------------------------------- watch


def input_signature(inputs: Sequence[str | Path] | None) -> frozenset[tuple[str, int, int]]:
    """(path, size, mtime) of every input file: it changes when a file is added, removed
    or modified."""
    from kg.ingest import iter_input_files

    out = set()
    for found in iter_input_files([Path(p) for p in (inputs or [SAMPLE_DIR])]):
        if isinstance(found, InputError):
            continue
        try:
            st = os.stat(found[0])
        except OSError:
            continue
        out.add((str(found[0]), st.st_size, st.st_mtime_ns))
    return frozenset(out)


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

    The worker processes stay up between builds with the NLP pipeline loaded, so a rebuild
    after one changed document costs its extraction, the merge and the export, not the
    start-up of a process. Inputs are polled every ``interval`` seconds (size and mtime of
    every file). Runs until ``stop`` is set or ``max_builds`` builds were made; returns the
    number of builds. ``options`` are those of :func:`build`; a failing build is passed to
    ``on_error`` (raised without it) and the next change is waited for.
    """
    from kg.extract_parallel import make_pools

    n_workers = workers or default_workers()
    pools = None
    if options.get("executor") is None and n_workers > 1:
        pools = make_pools(
            n_workers,
            prestart=True,
            snapshot_dir=Path(cache_dir) / "pipeline" if cache_dir else None,
        )
    memos: dict[str, dict[Any, Any]] = {}  # decoded results and fragments between builds
    builds = 0
    seen: frozenset[tuple[str, int, int]] | None = None
    try:
        while max_builds is None or builds < max_builds:
            if stop is not None and stop.is_set():
                break
            now = input_signature(inputs)
            if now != seen:
                seen = now
                try:
                    report = build(
                        inputs,
                        out_dir,
                        workers=n_workers,
                        cache_dir=cache_dir,
                        workers_pool=pools,
                        memos=memos,
                        **options,
                    )
                except KGError as exc:
                    if on_error is None:
                        raise
                    on_error(exc)
                else:
                    try:
                        if on_report is not None:
                            on_report(report)
                    finally:
                        report.run_pending()
                builds += 1
                continue
            if stop is not None:
                if stop.wait(interval):
                    break
            else:
                time.sleep(interval)
    finally:
        if pools is not None:
            pools.shutdown(kill=True)
    return builds
