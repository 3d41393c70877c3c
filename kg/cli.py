"""``kg`` command line: a thin typer wrapper over the pure functions of each stage."""

from __future__ import annotations

import gc
import json
import os
import signal
import sys
from pathlib import Path
from typing import Annotated

import typer

from kg.errors import Errors, KGError
from kg.iri import DEFAULT_BASE

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help=__doc__ and "kg: knowledge graphs from Chinese policy text.",
)


def _fail(exc: Exception) -> None:
    typer.echo(f"error: {exc}", err=True)
    raise typer.Exit(1)


def _unwritable(exc: OSError, path: Path) -> KGError:
    """E080 for an output that could not be written (``path``: what was to be written,
    named when the error names no file; of a rename, its target, not the temporary file
    of an atomic write)."""
    from kg.io import named_path

    named = named_path(exc, path)
    reason = exc.strerror or exc
    if isinstance(exc, FileExistsError | NotADirectoryError):  # a file where a folder goes
        reason = f"{reason}: a file is where a folder should be"
    return KGError(Errors.E080, path=named, reason=reason)


@app.command()
def build(
    inputs: Annotated[
        list[Path] | None, typer.Argument(help="Files or folders (default: the bundled sample)")
    ] = None,
    out: Annotated[Path, typer.Option("--out", "-o", help="Output folder")] = Path("output"),
    workers: Annotated[int, typer.Option(help="Worker processes (default: number of cores)")] = 0,
    fmt: Annotated[
        list[str] | None,
        typer.Option("--format", "-f", help="ttl html trig nt nq jsonld graphml csv, or all"),
    ] = None,
    cache: Annotated[
        bool, typer.Option(help="Reuse per-document results of earlier builds")
    ] = True,
    cache_dir: Annotated[
        Path | None, typer.Option(help="Cache folder (default: OUT/.cache)")
    ] = None,
    text_field: Annotated[str | None, typer.Option(help="JSONL field holding the text")] = None,
    base_iri: Annotated[str, typer.Option(help="Base of entity and document IRIs")] = DEFAULT_BASE,
    max_html_nodes: Annotated[
        int, typer.Option(help="Largest graph the HTML view draws whole")
    ] = 1500,
    scheduler: Annotated[
        str | None, typer.Option(help="Dask scheduler address (tcp://host:port)")
    ] = None,
    quiet: Annotated[
        bool, typer.Option("--quiet", "-q", help="No progress bar or summary")
    ] = False,
    verbose: Annotated[
        bool,
        typer.Option("--verbose", "-v", help="Name every skipped file in the summary"),
    ] = False,
    watch: Annotated[
        bool,
        typer.Option(
            help="Stay up and rebuild whenever an input changes (workers keep the pipeline)"
        ),
    ] = False,
    interval: Annotated[
        float, typer.Option(help="Seconds between looks at the inputs with --watch")
    ] = 1.0,
) -> None:
    """Build the knowledge graph of INPUTS into OUT (graph.ttl, graph.html, …)."""
    if workers < 0:
        _fail(KGError(Errors.E170, value=workers))
    from kg.export.formats import ALL_FORMATS, DEFAULT_FORMATS

    formats = tuple(fmt or DEFAULT_FORMATS)
    if "all" in formats:
        formats = ALL_FORMATS
    bad = [f for f in formats if f not in ALL_FORMATS]
    if bad:
        _fail(KGError(Errors.E103, formats=", ".join(bad), choices=", ".join(ALL_FORMATS)))
    executor = None
    client = None
    options = {
        "cache_dir": (cache_dir or out / ".cache") if cache else None,
        "text_field": text_field,
        "base_iri": base_iri,
        "formats": formats,
        "max_html_nodes": max_html_nodes,
        "quiet": quiet,
    }
    if watch and scheduler:  # watch keeps its own local workers up between builds
        _fail(KGError(Errors.E104))
    from kg.runtime.lifecycle import Stopped, stopped_by_signals

    report = None
    try:
        # Ctrl-C, SIGTERM and SIGHUP (a terminal closed) end a build, or a watch, as
        # Ctrl-C does: outputs the last published ones, locks released, workers stopped
        # (a signal inherited ignored stays ignored, SIGTERM excepted); ``stop``: a raise
        # lost in a fork hook ends it too
        with stopped_by_signals(ending=True) as stop:
            if watch:
                from kg.runtime.watch import watch as run_watch

                def show(report) -> None:
                    if not quiet:
                        typer.echo(report.summary(verbose), err=True)
                        typer.echo("watching for changes (Ctrl-C to stop)…", err=True)

                run_watch(inputs or None, out, workers=workers or None, interval=interval,
                          on_report=show, stop=stop,
                          on_error=lambda e: typer.echo(f"error: {e}", err=True),
                          **options)  # fmt: skip
            else:
                # The process ends after the build: the cyclic collector would only walk
                # the millions of (acyclic) objects of the graph once more.
                gc.disable()
                from kg.runtime.build import build as run_build

                if scheduler:
                    from kg.runtime.dask import connect

                    client = executor = connect(scheduler)
                report = run_build(inputs or None, out, workers=workers or None,
                                   executor=executor, **options)  # fmt: skip
        if stop.signum is not None:
            raise Stopped(stop.signum)
    except Stopped as exc:
        if not (watch and exc.exit_code == 128 + signal.SIGINT):  # (Ctrl-C ends a watch)
            typer.echo(f"error: {KGError(Errors.E112, path=out, signal=_signal_name(exc))}",
                       err=True)  # fmt: skip
        raise typer.Exit(exc.exit_code) from None
    except KGError as exc:
        _fail(exc)
    except OSError as exc:  # the output or cache folder cannot be written
        _fail(_unwritable(exc, out))
    finally:
        if client is not None:
            client.close()
    if report is None:  # (a watch: its reports were shown as they came)
        return
    if not quiet:
        typer.echo(report.summary(verbose), err=True)
    _FAST_EXIT.append(True)


def _signal_name(exc: BaseException) -> str:
    """The name of the signal a :class:`~kg.runtime.lifecycle.Stopped` was raised for.

    >>> import signal
    >>> from kg.runtime.lifecycle import Stopped
    >>> _signal_name(Stopped(signal.SIGHUP))
    'SIGHUP'
    """
    return signal.Signals(exc.args[0]).name


@app.command()
def extract(
    in_path: Annotated[Path, typer.Argument(help="JSONL with {id, text} per line")],
    out: Annotated[Path, typer.Option("--out", "-o", help="Output JSONL")],
    text_field: Annotated[str | None, typer.Option(help="Field holding the text")] = None,
    base_iri: Annotated[str, typer.Option(help="Base of entity IRIs")] = DEFAULT_BASE,
    no_nominal: Annotated[
        bool,
        typer.Option(
            "--no-nominal",
            help="Named entities only: leave out nominal organ spans (法院, 警方, 市教委)",
        ),
    ] = False,
    tagger: Annotated[
        str | None,
        typer.Option(help="Optional statistical tagger for organs no rule knows: lac"),
    ] = None,
) -> None:
    """Span-level API: every entity mention of every line, with character offsets."""
    from kg.spans import extract_jsonl

    if not in_path.exists():
        _fail(KGError(Errors.E010, path=in_path))
    try:
        stats = extract_jsonl(
            in_path, out, text_field, base_iri, nominal=not no_nominal, tagger=tagger
        )
    except KGError as exc:
        _fail(exc)
    typer.echo(
        f"lines {stats['lines']}, entities {stats['entities']}, errors {stats['errors']} → {out}",
        err=True,
    )


@app.command("eval")
def eval_(
    gold: Annotated[
        Path | None, typer.Option(help="Folder of *.gold.json (default ../shared/eval/dev)")
    ] = None,
    docs: Annotated[Path | None, typer.Option(help="Folder holding the gold documents")] = None,
    external: Annotated[
        bool, typer.Option(help="Also score spans on ../shared/eval/external")
    ] = False,
    json_out: Annotated[
        Path | None, typer.Option("--json", help="Write the full report as JSON")
    ] = None,
    details: Annotated[bool, typer.Option(help="List false positives and misses")] = True,
    tagger: Annotated[
        str | None,
        typer.Option(help="With --external: also use an optional statistical tagger (lac)"),
    ] = None,
) -> None:
    """Score a build of the gold documents: P/R/F1 per type and overall, with errors listed."""
    from kg.eval import evaluate

    try:
        report = evaluate(gold, docs)
    except KGError as exc:
        _fail(exc)
    typer.echo(report.table(details))
    data = report.as_dict()
    if external:
        from kg.eval.external import evaluate_external

        try:
            ext = evaluate_external(tagger=tagger)
        except KGError as exc:
            _fail(exc)
        data["external"] = ext
        for name, prf in ext.items():
            typer.echo(f"{name}: P {prf['precision']:.3f} R {prf['recall']:.3f} F1 {prf['f1']:.3f}")
    if json_out:
        from kg.io import atomic_write

        try:
            with atomic_write(json_out) as fh:
                json.dump(data, fh, ensure_ascii=False, indent=2)
        except OSError as exc:  # the report's folder cannot be written
            _fail(_unwritable(exc, json_out))


@app.command()
def query(
    graph: Annotated[Path, typer.Argument(help="graph.ttl / .trig / .nt")],
    sparql: Annotated[str, typer.Argument(help="Query text or a .rq file")],
    fmt: Annotated[str, typer.Option("--format", "-f", help="table, csv or json")] = "table",
) -> None:
    """Run a SPARQL query over an exported graph (pyoxigraph)."""
    from kg.query import run_query

    try:
        typer.echo(run_query(graph, sparql, fmt), nl=False)
    except KGError as exc:
        _fail(exc)


@app.command()
def validate(graph: Annotated[Path, typer.Argument(help="graph.ttl")]) -> None:
    """Check a graph against ontology/shapes.ttl (SHACL); non-zero exit on a violation."""
    from kg.validate import validate as run_validate

    try:
        conforms, text = run_validate(graph)
    except KGError as exc:
        _fail(exc)
    typer.echo(text)
    if not conforms:
        raise typer.Exit(1)


@app.command()
def serve(
    graph: Annotated[Path, typer.Argument(help="graph.ttl")],
    host: Annotated[str, typer.Option(help="Interface to bind")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="TCP port")] = 7878,
    writable: Annotated[bool, typer.Option(help="Allow SPARQL updates")] = False,
    timeout: Annotated[
        int, typer.Option(help="Seconds a query may run before the server stops it")
    ] = 30,
) -> None:
    """Serve a graph as a SPARQL 1.1 endpoint (Oxigraph), read-only by default."""
    from kg.serve import serve as run_serve

    if timeout <= 0:
        _fail(KGError(Errors.E171, value=timeout))
    try:
        run_serve(graph, host=host, port=port, read_only=not writable, query_timeout_s=timeout,
                  ending=True)
    except KGError as exc:
        _fail(exc)


#: set by ``kg build``: the process may end without tearing down its heap
_FAST_EXIT: list[bool] = []


def main() -> None:
    try:
        app()
        if _FAST_EXIT:
            raise SystemExit(0)
    except KeyboardInterrupt:  # pragma: no cover
        sys.exit(130)
    except SystemExit as exc:
        if not _FAST_EXIT:
            raise
        # A build leaves millions of objects: freeing them one by one at exit takes
        # 0.2-0.3 s. Everything is written and closed (outputs, cache, workers), so flush
        # the streams and end the process now.
        code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
        if not isinstance(exc.code, int | None):
            print(exc.code, file=sys.stderr)
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(code)


if __name__ == "__main__":
    main()
