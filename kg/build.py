"""``kg build``: documents in, knowledge graph out (the pure function under the CLI).

read (``kg.ingest``) → extract (``kg.nlp``, parallel, cached) → resolve (``kg.resolve``)
→ graph (``kg.graph``) → export (``kg.export``). Bad files are reported and skipped;
every output file is written atomically.

>>> import tempfile
>>> report = build(out_dir=tempfile.mkdtemp(), workers=1, quiet=True, formats=("ttl",))
>>> report.docs_read, report.docs_failed
(2, 0)
"""

from __future__ import annotations

import os
import sys
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import networkx as nx

from kg.errors import Errors, InputError, KGError
from kg.extract_parallel import extract_stream
from kg.graph import build_graph
from kg.iri import DEFAULT_BASE
from kg.resolve import Resolver

REPO_DIR = Path(__file__).resolve().parents[1]
SAMPLE_DIR = REPO_DIR / "data" / "sample"
DEFAULT_FORMATS = ("ttl", "html")
ALL_FORMATS = ("ttl", "html", "trig", "nt", "nq", "jsonld", "graphml", "csv")


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

    def summary(self) -> str:
        lines = [
            f"documents read: {self.docs_read}, failed: {self.docs_failed}"
            + (f", from cache: {self.docs_cached}" if self.docs_cached else ""),
            f"characters: {self.chars:,}",
            "entities: " + ", ".join(f"{k} {v}" for k, v in sorted(self.entities_by_type.items())),
            "relations: " + ", ".join(f"{k} {v}" for k, v in sorted(self.relations_by_predicate.items())),
            f"observations: {self.observations}",
            f"seconds: {self.seconds:.2f} ("
            + ", ".join(f"{k} {v:.2f}" for k, v in self.timings.items())
            + ")",
        ]
        if self.outputs:
            lines.append("wrote: " + ", ".join(self.outputs.values()))
        return "\n".join(lines)


def default_workers() -> int:
    return os.cpu_count() or 1


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
    from kg.ingest import iter_documents

    report = report if report is not None else BuildReport()
    paths = [Path(p) for p in (inputs or [SAMPLE_DIR])]
    t0 = time.perf_counter()

    def _err(e: InputError) -> None:
        report.docs_failed += 1
        report.errors.append(str(e))
        if on_error:
            on_error(e)

    resolver = Resolver()
    for r in extract_stream(
        iter_documents(paths, text_field=text_field),
        workers=workers,
        cache_dir=cache_dir,
        on_error=_err,
        on_progress=on_progress,
        executor=executor,
    ):
        report.docs_read += 1
        report.chars += r.chars
        resolver.add(r)
    t1 = time.perf_counter()
    report.timings["extract"] = t1 - t0
    if report.docs_read == 0:
        raise KGError(Errors.E020, inputs=", ".join(str(p) for p in paths))
    res = resolver.finish()
    G = build_graph(res, base_iri)
    report.timings["resolve+graph"] = time.perf_counter() - t1
    report.entities_by_type = dict(Counter(d["type"] for _, d in G.nodes(data=True) if d.get("kind") == "entity"))
    report.relations_by_predicate = dict(
        Counter(k for _, _, k, d in G.edges(keys=True, data=True) if d.get("kind") == "relation")
    )
    report.observations = len(G.graph.get("observations", []))
    return G


def export(G: nx.MultiDiGraph, out_dir: str | Path, formats: Sequence[str] = DEFAULT_FORMATS,
           max_html_nodes: int = 1500) -> dict[str, str]:
    """Write the graph in each of ``formats`` under ``out_dir``; returns format → path."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    written: dict[str, str] = {}
    for fmt in formats:
        if fmt == "html":
            from kg.export.html import write_html

            path = out / "graph.html"
            write_html(G, path, max_nodes=max_html_nodes)
        elif fmt == "csv":
            from kg.export.formats import write_csv

            write_csv(G, out)
            path = out / "nodes.csv"
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
            path = out / f"graph.{fmt}"
            writer(G, path)
        written[fmt] = str(path)
    return written


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
) -> BuildReport:
    """Build the graph of ``inputs`` (default: the bundled sample) into ``out_dir``."""
    report = BuildReport()
    t0 = time.perf_counter()
    bar = None
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
        elif not quiet:
            print(msg, file=sys.stderr)

    try:
        G = extract_graph(
            inputs,
            workers=workers or default_workers(),
            cache_dir=cache_dir,
            text_field=text_field,
            base_iri=base_iri,
            executor=executor,
            on_error=on_error,
            on_progress=progress,
            report=report,
        )
    finally:
        if bar is not None:
            bar.close()
    t1 = time.perf_counter()
    report.outputs = export(G, out_dir, formats, max_html_nodes)
    report.timings["export"] = time.perf_counter() - t1
    report.seconds = time.perf_counter() - t0
    return report
