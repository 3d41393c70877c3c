"""SHACL validation of a kg graph file (``ontology/shapes.ttl``, pySHACL).

The ontology (``ontology/kg.ttl``) is mixed in as pySHACL's ``ont_graph`` so subclasses
count (a ``kg:Ministry`` satisfies ``sh:class kg:GovernmentBody``); no RDFS inference is run,
since inferring types from ``rdfs:domain``/``rdfs:range`` would hide exactly the errors the
shapes look for (a Law as the subject of ``holdsPost`` would just become a Person).

:func:`validate` is the ``kg validate`` command: ``(conforms, report)``, where the report
groups the results by shape and message, with a few example nodes each.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.namespace import RDF, SH, SKOS

from kg.errors import Errors, KGError
from kg.export.formats import rdf_suffixes
from kg.iri import DEFAULT_BASE
from kg.vocab import ONTOLOGY_PATH, SHAPES_PATH, prefixes

#: rdflib parser name by file suffix.
RDFLIB_FORMATS = {x: f.rdflib for x, f in rdf_suffixes().items()}


@contextmanager
def _quiet_rdflib() -> Iterator[None]:
    """Silence rdflib's traceback for ill-typed literals (SHACL reports them properly)."""
    logger = logging.getLogger("rdflib.term")
    level = logger.level
    logger.setLevel(logging.CRITICAL)
    try:
        yield
    finally:
        logger.setLevel(level)


def load_rdflib(path: str | Path) -> Graph:
    """Parse an RDF file into one rdflib ``Graph`` (named graphs merged into it)."""
    path = Path(path)
    if not path.exists():
        raise KGError(Errors.E010, path=path)
    fmt = RDFLIB_FORMATS.get(path.suffix.lower())
    if fmt is None:
        raise KGError(
            Errors.E030,
            path=path,
            reason=f"unknown RDF suffix {path.suffix!r} (use {', '.join(sorted(RDFLIB_FORMATS))})",
        )
    try:
        if fmt in ("nquads", "trig", "json-ld"):
            ds = Dataset()
            ds.parse(path, format=fmt)
            g = Graph()
            for s, p, o, _ in ds.quads():
                g.add((s, p, o))
            for prefix, ns in ds.namespaces():
                g.bind(prefix, ns, override=False)
            return g
        return Graph().parse(path, format=fmt)
    except Exception as e:  # rdflib raises many parser-specific types
        from kg.query import load_store

        try:  # rdflib fails on a cut Turtle file with an IndexError; oxigraph names the line
            load_store(path)
        except KGError as where:
            raise where from e
        raise KGError(Errors.E030, path=path, reason=f"{type(e).__name__}: {e}") from e


def _shapes() -> tuple[Graph, Graph]:
    return Graph().parse(SHAPES_PATH, format="turtle"), Graph().parse(
        ONTOLOGY_PATH, format="turtle"
    )


def validate_graph(data: Graph, *, max_examples: int = 10) -> tuple[bool, str, Graph]:
    """Validate an rdflib graph: ``(conforms, report text, SHACL results graph)``."""
    import pyshacl

    shapes, ontology = _shapes()
    conforms, results, text = pyshacl.validate(
        data,
        shacl_graph=shapes,
        ont_graph=ontology,
        inference="none",
        abort_on_first=False,
        allow_warnings=False,
        meta_shacl=False,
        advanced=False,
    )
    if not isinstance(results, Graph):  # pySHACL could not run the shapes
        raise RuntimeError(f"SHACL validation failed to run: {text}")
    report = format_report(results, data, shapes, max_examples=max_examples)
    return bool(conforms), report, results


def validate(graph_path: str | Path, *, max_examples: int = 10) -> tuple[bool, str]:
    """Validate the graph file at ``graph_path`` against ``ontology/shapes.ttl``."""
    with _quiet_rdflib():
        data = load_rdflib(graph_path)
        conforms, report, _ = validate_graph(data, max_examples=max_examples)
    head = f"{graph_path}: {len(data)} triples"
    return conforms, f"{head}\n{report}"


# --------------------------------------------------------------------------- the report


class _Names:
    """Short, human names for nodes: prefixed IRIs plus the @zh label when there is one."""

    def __init__(self, data: Graph) -> None:
        base = DEFAULT_BASE
        for prefix, ns in data.namespaces():
            if prefix == "id":
                base = str(ns)
        names = prefixes(base, folders=True) | {"kgsh": "http://kg.example.org/shapes#"}
        self.ns = sorted(names.items(), key=lambda x: -len(x[1]))
        self.data = data

    def iri(self, term: Any) -> str:
        s = str(term)
        for prefix, ns in self.ns:
            if s.startswith(ns) and len(s) > len(ns):
                return f"{prefix}:{s[len(ns) :]}"
        return f"<{s}>" if isinstance(term, URIRef) else s

    def node(self, term: Any) -> str:
        if isinstance(term, Literal):
            text = str(term)
            text = text if len(text) <= 60 else text[:57] + "…"
            if term.language:
                return f'"{text}"@{term.language}'
            if term.datatype:
                return f'"{text}"^^{self.iri(term.datatype)}'
            return f'"{text}"'
        name = self.iri(term)
        labels = [
            o
            for o in self.data.objects(term, SKOS.prefLabel)
            if isinstance(o, Literal) and o.language == "zh"
        ]
        return f"{name} ({labels[0]})" if len(labels) == 1 else name


def format_report(
    results: Graph, data: Graph, shapes: Graph | None = None, *, max_examples: int = 10
) -> str:
    """The SHACL results as text, grouped by (severity, shape, path, message).

    Only top-level results are listed (not the ``sh:detail`` of nested shapes); a property
    shape is named by the node shape that holds it.
    """
    names = _Names(data)
    groups: dict[tuple[str, str, str, str], list[str]] = defaultdict(list)
    top = [
        r
        for report in results.subjects(RDF.type, SH.ValidationReport)
        for r in results.objects(report, SH.result)
    ]
    for result in top:
        severity = results.value(result, SH.resultSeverity)
        shape = results.value(result, SH.sourceShape)
        path = results.value(result, SH.resultPath)
        component = results.value(result, SH.sourceConstraintComponent)
        messages = sorted(str(m) for m in results.objects(result, SH.resultMessage))
        message = messages[0] if messages else names.iri(component)
        focus = results.value(result, SH.focusNode)
        value = results.value(result, SH.value)
        example = names.node(focus)
        if value is not None and value != focus:
            example += f" → {names.node(value)}"
        if not isinstance(shape, URIRef) and shapes is not None:
            shape = shapes.value(predicate=SH.property, object=shape) or shape
        key = (
            str(severity).rsplit("#", 1)[-1],
            names.iri(shape) if isinstance(shape, URIRef) else "(property shape)",
            names.iri(path) if path is not None else "",
            message,
        )
        groups[key].append(example)
    if not groups:
        return "conforms: 0 violations"
    lines = []
    total = sum(len(v) for v in groups.values())
    lines.append(f"does not conform: {total} result(s) in {len(groups)} group(s)")
    for (severity, shape, path, message), examples in sorted(groups.items()):
        where = f" {path}" if path else ""
        lines.append(f"[{severity}] {shape}{where}: {message} ({len(examples)}×)")
        lines.extend(f"    {e}" for e in _first(sorted(set(examples)), max_examples))
        if len(set(examples)) > max_examples:
            lines.append(f"    … and {len(set(examples)) - max_examples} more")
    return "\n".join(lines)


def _first(items: Iterable[str], n: int) -> list[str]:
    return [x for _, x in zip(range(n), items, strict=False)]
