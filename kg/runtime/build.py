"""One build: documents in, knowledge graph out (the pure function under ``kg build``).

read (``kg.ingest``) → extract (:mod:`kg.runtime.extract`, parallel, cached) → resolve
(``kg.resolve``) → graph (``kg.graph``) → export (:mod:`kg.runtime.outputs`). Bad files
are reported and skipped. Whether the build is alone in its process or one of many
(``--watch``) is its :mod:`policy <kg.runtime.policy>`, not a mode of this function.

Scale: documents are streamed (bounded batches in flight), each result is merged as soon
as it arrives, and the cyclic garbage collector is paused while the build allocates its
(acyclic) tables. Incremental: with a cache folder (``OUT/.cache`` from the CLI)
unchanged files are not read again, unchanged documents not extracted again
(:mod:`kg.runtime.manifest`), Turtle/N-Triples are assembled from cached
per-document fragments (:mod:`kg.export.fast`), and the HTML view's per-document
text pieces are loaded from the same store (:func:`kg.runtime.outputs.text_pieces`).

>>> import tempfile
>>> report = build(out_dir=tempfile.mkdtemp(), workers=1, quiet=True, formats=("ttl",))
>>> report.docs_read, report.docs_failed
(2, 0)
"""

from __future__ import annotations

import contextlib
import functools
import gc
import os
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kg.errors import Errors, InputError, KGError, Skipped, warn
from kg.export.formats import ALL_FORMATS, DEFAULT_FORMATS, REGISTRY
from kg.ingest.names import shown
from kg.iri import DEFAULT_BASE
from kg.runtime.cache_layout import SNAPSHOTS_NAME
from kg.runtime.lifecycle import ended
from kg.runtime.policy import OneShot

if TYPE_CHECKING:  # networkx costs 0.1 s to import: only the exporters need it
    import networkx as nx

    from kg.runtime.manifest import BuildState

__all__ = [
    "ALL_FORMATS",
    "DEFAULT_FORMATS",
    "SAMPLE_DIR",
    "BuildReport",
    "build",
    "default_workers",
    "extract_graph",
]

REPO_DIR = Path(__file__).resolve().parents[2]
SAMPLE_DIR = REPO_DIR / "data" / "sample"
#: Files without a reader named in the build summary (``--verbose``: all).
SKIPPED_NAMED = 10
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
    #: whether the entity table of the last build was patched (False: every result was
    #: folded again; None: there was none to patch, e.g. a first build or no cache)
    table_patched: bool | None = None
    #: the outputs were not written again: those in place are what this build would write
    outputs_unchanged: bool = False
    #: ``(path, suffix)`` of files found in a folder that kg has no reader for
    skipped: list[tuple[str, str]] = field(default_factory=list)
    #: housekeeping a build with ``memos`` left for its caller to run once it has used the
    #: report (:func:`run_pending`)
    pending: list[Callable[[], object]] = field(default_factory=list, repr=False, compare=False)
    #: the part of it that may wait longer (freeing the build's objects; waiting for the
    #: thread that deletes the files its outputs replaced, started at the publish):
    #: ``kg build --watch`` hands it to its next build, which runs it while it waits for a
    #: worker, its view writer or its files' fsyncs (``build(housekeeping=...)``)
    spare: list[Callable[[], object]] = field(default_factory=list, repr=False, compare=False)

    def run_pending(self, spare: bool = True) -> None:
        """Run the housekeeping a build with ``memos`` left (saving the manifest and
        unlocking the cache; with :attr:`spare`: freeing the build's objects, waiting for
        the replaced outputs' deletion); ``spare=False``: leave :attr:`spare` for later."""
        while self.pending:
            self.pending.pop(0)()
        if spare:
            run_all(self.spare)

    def skipped_line(self, verbose: bool = False, hint: bool = True) -> str:
        """``skipped files (3: .doc 2, .png 1): a.doc, b.doc, c.png``: counts by type, the
        first :data:`SKIPPED_NAMED` names (all with ``verbose``)."""
        n = len(self.skipped)
        if not n:
            return ""
        by_type = Counter(suffix for _, suffix in self.skipped)
        kinds = ", ".join(f"{k} {v}" for k, v in sorted(by_type.items(), key=lambda kv: -kv[1]))
        named = [p for p, _ in (self.skipped if verbose else self.skipped[:SKIPPED_NAMED])]
        more = "" if len(named) == n else " …" + (f" (--verbose lists all {n})" if hint else "")
        return f"skipped files, no reader ({n}: {kinds}): " + ", ".join(named) + more

    def summary(self, verbose: bool = False) -> str:
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
        if self.skipped:
            lines.insert(1, self.skipped_line(verbose))
        if self.outputs:
            lines.append(
                "wrote: "
                + ", ".join(self.outputs.values())
                + (" (up to date: not written again)" if self.outputs_unchanged else "")
            )
        return "\n".join(lines)


def run_all(fns: list[Callable[[], object]]) -> None:
    """Run and drop the functions of ``fns`` in order (each once, also when one raises)."""
    while fns:
        fns.pop(0)()


def default_workers() -> int:
    try:
        return len(os.sched_getaffinity(0)) or 1
    except AttributeError:  # pragma: no cover (not Linux)
        return os.cpu_count() or 1


@contextlib.contextmanager
def gc_paused() -> Iterator[None]:
    """Pause the cyclic GC: the build allocates millions of acyclic objects, and every
    full collection would walk all of them (2-3× slower merging and graph building).
    What the build allocated is frozen before the collector is enabled again (its first
    collection would walk every one of them: 0.1-0.3 s after each ``--watch`` build), and
    unfrozen when the next build starts, so that garbage cycles among them are found by
    a later collection (``--watch`` runs one every :data:`~kg.runtime.watch.COLLECT_EVERY`
    builds)."""
    was = gc.isenabled()
    gc.disable()
    if was:
        gc.unfreeze()
    try:
        yield
    finally:
        if was:
            gc.freeze()
            gc.enable()


def build_fingerprint(text_field: str | None) -> str:
    """What the manifest's stat shortcut depends on: pipeline version, reading options."""
    from kg import fingerprint

    return f"{fingerprint.code_version()}|text_field={text_field}"


def preload_exporters() -> None:
    """Import what the graph and export stages use (networkx, scipy, pyoxigraph, rdflib:
    0.3-0.4 s), while this process waits for a worker."""
    import importlib

    for name in ("kg.graph", "kg.export.fast", "kg.export.view", "scipy.sparse"):
        with contextlib.suppress(ImportError):
            importlib.import_module(name)


def _say_error(bar: Any) -> Callable[[InputError], None]:
    def on_error(e: InputError) -> None:
        msg = f"error: {e}"
        if bar is not None:
            bar.write(msg)
        else:
            print(msg, file=sys.stderr)

    return on_error


def _resolve(
    paths: list[Path],
    *,
    workers: int,
    state: BuildState | None,
    text_field: str | None,
    executor: Any,
    on_error: Callable[[InputError], None] | None,
    on_progress: Callable[[int, int], None] | None,
    report: BuildReport,
    started: float | None = None,
    files: Sequence[Any] | None = None,
    memo: dict[str, Any] | None = None,
    snapshot_dir: str | None = None,
    outputs_key: Any = None,
    spans_memo: dict[int, Any] | None = None,
    aliases_memo: dict[str, Any] | None = None,
    examples_memo: dict[int, Any] | None = None,
    labels_memo: dict[str, Any] | None = None,
    kept: dict[str, Any] | None = None,
    also_idle: Callable[[], object] | None = None,
) -> Any:
    """Read, extract and merge: the :class:`~kg.resolve.Resolution` of ``paths``.
    ``outputs_key``: a :class:`~kg.runtime.manifest.OutputsKey` that takes in every
    document merged. ``also_idle``: work to do the first time the results wait for a
    worker (what the outputs need that does not depend on the documents extracted).
    ``kept``: a dict a long-lived process (``--watch``) keeps between builds: last
    build's entity table and its results by key, which the next one patches."""
    from kg.nlp.gazetteer import load_gazetteer
    from kg.resolve import Resolver
    from kg.runtime.dask import as_executor
    from kg.runtime.extract import extract_keyed
    from kg.runtime.manifest import iter_inputs

    # a build patches last build's entity table: a build in a new process reads it from
    # the cache folder, ``--watch`` keeps it in memory (``kept``) with the results it
    # takes a changed document's old one from
    keep = state is not None and kept is None and memo is None
    table = load = unread = None
    gaz = load_gazetteer()
    now: dict[str, Any] | None = None
    if kept is not None:
        last = kept.pop("last", None)  # (gazetteer, table, results by key)
        if last is not None and last[0] is gaz:
            table, load = last[1], last[2].get
        now = {}
    elif keep:
        from kg.runtime.codec import decode_result
        from kg.runtime.resolution import read_table

        table = read_table(state.dir, state.fingerprint)  # type: ignore[union-attr]
        results = state.results  # type: ignore[union-attr]

        def load(key: str) -> Any:
            data = results.get(key)
            return decode_result(data) if data is not None else None

        if table is not None:
            known = dict(table.ids)

            def unread(doc_id: str, key: str) -> bool:
                return known.get(doc_id) == key

    resolver = Resolver(
        gaz, spans_memo=spans_memo, aliases_memo=aliases_memo, examples_memo=examples_memo,
        labels_memo=labels_memo, table=table, load=load, keep_table=keep or now is not None,
    )  # fmt: skip
    t0 = time.perf_counter()
    if started is not None:
        report.timings["setup"] = t0 - started

    def _err(e: InputError) -> None:
        if isinstance(e, Skipped):  # no reader for it: counted and named, not a failure
            report.skipped.append((str(e.path), e.suffix))
            return
        report.docs_failed += 1
        report.errors.append(str(e))
        if on_error:
            on_error(e)

    ex, slots = as_executor(executor)

    def idle() -> None:  # while the first worker loads the pipeline
        preload_exporters()
        if outputs_key is not None:
            from kg.runtime.manifest import output_code_version

            output_code_version()  # (computed once per process: _written_key needs it)
            if also_idle is not None:
                also_idle()
        if keep:  # (``--watch`` keeps the labels' look-ups: nothing to do)
            resolver.warm_labels()

    for key, r, cached in extract_keyed(
        iter_inputs(paths, state, text_field, files),
        workers=workers,
        store=state.results if state is not None else None,
        on_error=_err,
        on_progress=on_progress,
        executor=ex,
        slots=slots,
        idle=idle,
        memo=memo,
        snapshot_dir=snapshot_dir,
        unread=unread,
    ):
        if outputs_key is not None:
            outputs_key.add(key, r.doc_id, r.meta)
        report.docs_read += 1
        report.chars += r.chars
        if cached:
            report.docs_cached += 1
        else:
            report.docs_extracted += 1
        resolver.add(r, key)
        if now is not None and key is not None:
            now[key] = r
    t1 = time.perf_counter()
    report.timings["extract"] = t1 - t0
    if state is not None:
        report.files_unchanged = state.files_skipped
    if report.docs_read == 0:
        raise KGError(Errors.E020, inputs=", ".join(map(shown, paths)), reason=_why_none(report))
    res = resolver.finish()
    report.table_patched = resolver.patched
    if keep:
        state.table = resolver.table()  # type: ignore[union-attr]  (saved with the results)
    elif kept is not None and now is not None:
        done = resolver.table()
        if done is not None:
            kept["last"] = (gaz, done, now)
        if state is not None:  # the first build in a new process after the watch patches
            # it: written when the watch has nothing to do, not between a change and its
            # outputs (~0.12 CPU-s on the whole corpus)
            from kg.runtime.resolution import UNSAVED

            kept[UNSAVED] = (state.dir, done, state.fingerprint)
    report.timings["resolve"] = time.perf_counter() - t1
    report.entities_by_type = dict(Counter(e.type for e in res.entities.values()))
    edges = {(r.subj, r.obj, r.pred) for _, r in res.relations}
    report.relations_by_predicate = dict(Counter(p for _, _, p in edges))
    report.observations = len(res.observations)
    return res


def _written_key(
    key: Any, formats: Sequence[str], base_iri: str, max_html_nodes: int, fast: bool,
    out_dir: str | Path,
) -> str | None:  # fmt: skip
    """The key of the outputs a build writes (None without an ``OutputsKey``)."""
    if key is None:
        return None
    from kg.runtime.manifest import output_code_version

    where = os.path.abspath(out_dir)
    options = repr((list(dict.fromkeys(formats)), base_iri, max_html_nodes, fast, where))
    return key.digest(options, output_code_version())


def _up_to_date(
    state: BuildState, out_dir: str | Path, key: str | None, formats: Sequence[str]
) -> bool:
    """Whether the outputs in place are those a build with ``key`` writes (then the
    fragments it would have read are kept in the store as if read)."""
    from kg.runtime.manifest import outputs_unchanged

    names = [REGISTRY[f].filename for f in dict.fromkeys(formats)]
    if key is None or not outputs_unchanged(state.dir, out_dir, key, names):
        return False
    state.fragments.keep_all()
    return True


def _why_none(report: BuildReport) -> str:
    """Why a build found no document: failures by code, files without a reader, or none."""
    why = []
    if report.errors:
        codes = Counter(e[1:5] if e.startswith("[E") else "?" for e in report.errors)
        listed = ", ".join(f"{c} {n}" for c, n in sorted(codes.items()))
        why.append(f"{len(report.errors)} failed ({listed}; see the errors above)")
    if report.skipped:
        why.append(report.skipped_line(hint=False))
    if not why:
        from kg.ingest.readers import SUFFIX_FORMATS

        suffixes = ", ".join(sorted(SUFFIX_FORMATS))
        why.append(f"no file with a suffix kg reads ({suffixes}) was found")
    return "; ".join(why)


def _open_state(
    cache_dir: str | Path, fingerprint: str | None = None, memo: dict[str, Any] | None = None
) -> BuildState:
    from kg.runtime.lifecycle import say_waiting
    from kg.runtime.manifest import BuildState

    state = BuildState(cache_dir, fingerprint, on_wait=say_waiting(Path(cache_dir)), memo=memo)
    for warning in state.set_aside:
        warn(warning)
    if state.lock.interrupted is not None:  # say what this build found (issue #16)
        found = KGError(Errors.E106, path=cache_dir, pid=state.lock.interrupted)
        print(f"warning: {found}", file=sys.stderr)
    return state


def usable_cache(cache_dir: str | Path | None, out_dir: str | Path) -> str | Path | None:
    """``cache_dir`` when it can be used, else None after warning E109 (why, and how to
    use it again): the build goes on without a cache (:mod:`kg.runtime.cache_check`)."""
    if not cache_dir:
        return None
    from kg.runtime.cache_check import unusable_cache

    problem = unusable_cache(cache_dir, out_dir)
    if problem is None:
        return cache_dir
    warning = KGError(Errors.E109, path=cache_dir, reason=problem.reason, fix=problem.fix)
    print(f"warning: {warning}", file=sys.stderr)
    return None


def _lock_output(out_dir: str | Path) -> Any:
    """This build's :class:`~kg.runtime.lifecycle.OutputLock` on ``out_dir``, waited for
    while another build holds it. An ``OSError`` (the folder cannot be made, or written:
    a read-only file system, no write right) is raised as making the cache folder in it
    raised it: the caller's E080, which also ends a watch. Written to now, as the publish
    will (a staging folder made and removed), so that a build with its cache elsewhere
    does not extract every document first."""
    from kg.runtime.lifecycle import (
        OutputLock,
        say_waiting_for_output,
        signals_held,
        staging_dir,
    )

    lock = OutputLock(out_dir).acquire(say_waiting_for_output(Path(out_dir)))
    try:
        with signals_held():  # (a stop between the two would leave the folder made)
            os.rmdir(staging_dir(Path(out_dir)))
    except OSError as exc:  # (named after the folder, not the staging name tried)
        lock.release()
        raise OSError(exc.errno, exc.strerror, os.fspath(out_dir)) from None
    except BaseException:
        lock.release()
        raise
    return lock


def _warn_damage(state: BuildState) -> None:
    warning = state.damage()
    if warning is not None:  # once per build, whatever the number of entries
        print(f"warning: {warning}", file=sys.stderr)


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

    report = report if report is not None else BuildReport()
    t0 = time.perf_counter()
    paths = [Path(p) for p in (inputs or [SAMPLE_DIR])]
    with gc_paused():
        state = _open_state(cache_dir, build_fingerprint(text_field)) if cache_dir else None
        resolved = False
        stopped: type[BaseException] | None = None
        try:
            res = _resolve(
                paths,
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
        except BaseException as exc:
            stopped = type(exc)
            raise
        finally:
            if state is not None:
                _warn_damage(state)
                state.close(complete=resolved, finished=ended(stopped))
        t = time.perf_counter()
        G = build_graph(res, base_iri)
        report.timings["graph"] = time.perf_counter() - t
    return G


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
    fast_export: bool = True,
    policy: OneShot | None = None,
    files: Sequence[Any] | None = None,
    housekeeping: list[Callable[[], object]] | None = None,
) -> BuildReport:
    """Build the graph of ``inputs`` (default: the bundled sample) into ``out_dir``.

    ``policy``: :class:`~kg.runtime.policy.OneShot` (default: workers started and
    stopped, housekeeping done before returning) or a
    :class:`~kg.runtime.policy.Resident` kept by a caller that builds again and again
    (workers and decoded results kept; housekeeping left in ``report.pending``).
    ``executor``: a Dask client (or anything with ``submit``) to extract on instead of
    local workers. ``fast_export``: Turtle/N-Triples from the resolution by
    :mod:`kg.export.fast` (False: from the networkx graph; the same writer and
    statements). Input errors are printed to stderr (also when ``quiet``, which only
    silences the progress bar). ``files``: the input files as
    ``kg.ingest.iter_input_files(inputs)`` lists them, when the caller has just walked them
    (``--watch``). ``housekeeping``: what an earlier build left to run later (its
    ``report.spare``): run while this build waits for a worker's extraction, for its
    forked view writer or for its files' fsyncs (this process has nothing else to do
    then), else before it returns.
    """
    from kg.runtime.outputs import fork_safe, write_outputs

    unknown = [f for f in formats if f not in REGISTRY]
    if unknown:
        raise KGError(Errors.E103, formats=", ".join(unknown), choices=", ".join(ALL_FORMATS))
    policy = policy if policy is not None else OneShot()
    report = BuildReport()
    t0 = time.perf_counter()
    cache_dir = usable_cache(cache_dir, out_dir)
    n_workers = workers or default_workers()
    paths = [Path(p) for p in (inputs or [SAMPLE_DIR])]
    snapshot_dir = os.fspath(Path(cache_dir) / SNAPSHOTS_NAME) if cache_dir else None
    pools = None
    bar = None
    resolved = False
    ok = False

    def later(fn: Callable[[], object]) -> bool:
        return policy.later(report.pending, fn)

    def spare_later(fn: Callable[[], object]) -> bool:
        return policy.later(report.spare, fn)

    def free_later(*objs: Any) -> None:
        spare_later(list(objs).clear)  # freed once the report was used, or later

    carried = housekeeping if housekeeping is not None else []

    def release(abort: bool = False) -> None:
        nonlocal pools
        if pools is not None:
            policy.release(pools, abort)
            pools = None

    if executor is None and n_workers > 1:
        # The first worker is forked at once and loads the NLP pipeline (from its snapshot
        # under the cache folder) while this process reads the manifest, scans the inputs
        # and merges the cached results; it is stopped when nothing is to be extracted.
        pools = policy.pools(n_workers, snapshot_dir)
    state = None
    stopped: type[BaseException] | None = None  # what stopped the build
    out_lock = None
    try:
        out_lock = _lock_output(out_dir)
        if cache_dir:
            from kg.ingest import iter_input_files

            state = _open_state(cache_dir, memo=policy.memo("manifest"))
            state.check(build_fingerprint(text_field))
            # walked once, for both looks (or just now by the caller)
            files = list(iter_input_files(paths)) if files is None else list(files)
            if pools is not None and not state.anything_to_read(paths, files):
                release()  # every file unchanged: no pipeline needed now
        if not quiet and sys.stderr.isatty():
            from tqdm import tqdm

            bar = tqdm(unit="doc", desc="extract", file=sys.stderr)

        def progress(n: int, chars: int) -> None:
            if bar is not None:
                bar.update(n)

        outputs_key = None
        if state is not None:
            from kg.runtime.manifest import OutputsKey

            outputs_key = OutputsKey()
        view_memo = policy.memo("view-text")
        views: list[Any] = []

        def view_pieces() -> Any:  # the view's text pieces (made once: see prefetch)
            if not views:
                from kg.runtime.outputs import text_pieces

                views.append(text_pieces(
                    view_memo,
                    state.fragments if state is not None else None,
                    outputs_key.doc_keys if outputs_key is not None else None,
                    policy.memo("view-entities"),
                ))  # fmt: skip
            return views[0]

        prefetch = None
        if "html" in formats and view_memo is None and state is not None:

            def prefetch() -> None:  # while a worker extracts: last build's pieces read
                from kg.runtime.outputs import prefetch_pieces

                prefetch_pieces(view_pieces(), state.fragments)

        def while_waiting(state: BuildState | None) -> None:  # for the view writer
            run_all(carried)
            if state is not None:
                state.save_resolved()  # the results' store and the manifest, now final

        def idle_work(prefetch: Callable[[], object] | None) -> None:
            if prefetch is not None:
                prefetch()
            run_all(carried)  # the last build's spare housekeeping, while a worker extracts

        with gc_paused():
            try:
                res = _resolve(
                    paths,
                    workers=n_workers,
                    state=state,
                    text_field=text_field,
                    executor=executor if executor is not None else pools,
                    on_error=_say_error(bar),
                    on_progress=progress,
                    report=report,
                    started=t0,
                    files=files,
                    memo=policy.memo("results"),
                    snapshot_dir=snapshot_dir,
                    outputs_key=outputs_key,
                    spans_memo=policy.memo("spans"),
                    aliases_memo=policy.memo("aliases"),
                    examples_memo=policy.memo("examples"),
                    labels_memo=policy.memo("labels"),
                    kept=policy.memo("resolution"),
                    also_idle=functools.partial(idle_work, prefetch),
                )
                resolved = True
            finally:
                if bar is not None:
                    bar.close()
                if not resolved or report.docs_extracted < FEW_EXTRACTED:
                    release()  # not needed: few fragments to render
            t1 = time.perf_counter()
            graph_cache: list[nx.MultiDiGraph] = []
            use_fast = fast_export
            written = _written_key(outputs_key, formats, base_iri, max_html_nodes, use_fast,
                                   out_dir)  # fmt: skip
            if state is not None and _up_to_date(state, out_dir, written, formats):
                report.outputs = {f: os.fspath(Path(out_dir) / REGISTRY[f].filename)
                                  for f in dict.fromkeys(formats)}  # fmt: skip
                report.outputs_unchanged = True
            else:
                # the formats written from the networkx graph: the view alone needs less
                whole = [f for f in dict.fromkeys(formats) if not (use_fast and REGISTRY[f].fast)]
                lean = whole == ["html"]

                def graph() -> nx.MultiDiGraph:
                    if not graph_cache:
                        from kg.graph import build_graph

                        t = time.perf_counter()
                        kept = policy.memo("lean-graph") if lean else None
                        graph_cache.append(build_graph(res, base_iri, lean=lean, memo=kept))
                        report.timings["graph"] = time.perf_counter() - t
                    return graph_cache[0]

                fast = None
                fast_formats = {f.name for f in REGISTRY.values() if f.fast}
                if use_fast:
                    from kg.export.fast import start_fast

                    def fast(fmt: str, path: Path) -> Callable[[], object] | None:
                        if fmt not in fast_formats:
                            return None
                        return start_fast(
                            res,
                            path,
                            fmt,
                            base_iri=base_iri,
                            store=state.fragments if state is not None else None,
                            stats=report.fragments,
                            executor=pools,
                            memo=policy.memo(f"fragments-{fmt}"),
                            release=free_later,
                            doc_keys=outputs_key.doc_keys if outputs_key is not None else None,
                        )

                # The formats not written from the resolution (graph.html) are written by
                # a forked child while this process writes Turtle (and the workers, when
                # any, render its fragments): the view no longer waits for Turtle's
                # fragments, nor Turtle's writing for the view. (Full corpus: the child adds
                # ~0.1-0.2 CPU-s of copy-on-write faults and ~200 MB to the build's peak RSS,
                # ~120-150 MB PSS; graph+export 0.08 s shorter than without it.) Not in a
                # --watch build that extracted few documents (:data:`FEW_EXTRACTED`): its
                # Turtle is mostly last build's bytes from the memo (little to overlap),
                # while the child, forked from a process holding the memos, pays ~90k
                # copy-on-write faults (~0.3 CPU-s: its view 0.8 CPU-s, 0.55 here).
                fork_slow: tuple[str, ...] = ()
                few_here = view_memo is not None and report.docs_extracted < FEW_EXTRACTED
                if use_fast and fork_safe() and not few_here:
                    fork_slow = tuple(f for f in formats if f not in fast_formats)
                    if fork_slow:  # imported once here, not by every child (--watch)
                        preload_exporters()

                def graph_seconds(s: float) -> None:
                    report.timings["graph"] = s

                view = None
                if "html" in formats and (view_memo is not None or state is not None):
                    view = view_pieces()
                published: list[str] = []
                report.outputs = write_outputs(
                    graph,
                    out_dir,
                    formats,
                    max_html_nodes,
                    fast,
                    report.format_seconds,
                    fork_slow=fork_slow,
                    graph_seconds=graph_seconds,
                    # the replaced outputs' deletion (a thread from the publish on): its
                    # end waited for with the spare housekeeping (it is long done then)
                    cleanup=spare_later,
                    moved=published,
                    view=view,
                    while_waiting=functools.partial(while_waiting, state),
                    while_syncing=functools.partial(run_all, carried),
                )
                if view is not None:
                    report.fragments["view_pieces_built"] = view.built
                    report.fragments["view_pieces_reused"] = view.reused
                    if state is not None:
                        from kg.runtime.outputs import store_pieces

                        store_pieces(view, state.fragments)
                if state is not None:
                    from kg.runtime.manifest import record_outputs

                    record_outputs(state.dir, out_dir, written, published)
            report.timings["export"] = time.perf_counter() - t1 - report.timings.get("graph", 0.0)
            # the graph's views make it a cycle: broken, so that it is freed with the rest
            from kg.graph.discard import discard_all  # (networkx: not before the workers' fork)

            spare_later(functools.partial(discard_all, graph_cache))
            free_later(res, graph_cache)
            ok = True
    except BaseException as exc:
        stopped = type(exc)
        raise
    finally:
        run_all(carried)  # (left when no outputs were written)
        if not ok:  # stopped after the publish: no report hands on the wait for the
            run_all(report.spare)  # staging folder's deletion (its thread dies at exit)
        release(abort=not ok)  # the warm workers also rendered RDF fragments
        try:
            if state is not None:
                _warn_damage(state)
                close = functools.partial(state.close, complete=resolved,
                                          finished=ended(stopped))  # fmt: skip
                if not (ok and later(close)):
                    close()
        finally:
            if out_lock is not None:
                out_lock.release()
    report.seconds = time.perf_counter() - t0
    return report
