"""SPARQL over an exported graph with pyoxigraph (``kg query``).

:func:`run_query` loads the graph file into an in-memory Oxigraph store (the format comes
from the suffix: ``.ttl``, ``.trig``, ``.nt``, ``.nq``, ``.jsonld``, ``.rdf``; a directory is
opened as an on-disk Oxigraph store), runs the query and formats the answer:

- ``table``: aligned columns for a terminal (CJK characters count double), IRIs shortened
  with the kg prefixes, literals shown by their text;
- ``csv``: W3C SPARQL 1.1 CSV results (header row, full IRIs, CRLF line ends);
- ``json``: W3C SPARQL 1.1 JSON results.

Named graphs are queried as one: the default graph is the union of all graphs, so the same
query works on Turtle and on TriG. The kg prefixes (``kg:``, ``skos:``, ``gov:``,
``country:``, …) are predefined, so ad-hoc queries need no ``PREFIX`` lines.

The query is text, a ``.rq`` file, or the name of a ready query in ``queries/``
(``mentions`` → ``queries/mentions.rq``).

>>> print(display_width("中国ab"))
6
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from kg.errors import Errors, KGError
from kg.export.formats import rdf_suffixes
from kg.iri import DEFAULT_BASE
from kg.vocab import prefixes

#: The ready queries shipped with kg.
QUERIES_DIR = Path(__file__).resolve().parent.parent / "queries"

_QUERY_FORM = re.compile(r"\b(SELECT|ASK|CONSTRUCT|DESCRIBE)\b", re.IGNORECASE)
_OX_FORMATS = {x: getattr(ox.RdfFormat, f.oxigraph) for x, f in rdf_suffixes().items()}
FORMATS = ("table", "csv", "json")


def load_store(graph_path: str | Path) -> ox.Store:
    """An Oxigraph store with the graph at ``graph_path`` (file by suffix, or store dir)."""
    path = Path(graph_path)
    if not path.exists():
        raise KGError(Errors.E010, path=path)
    if path.is_dir():
        try:
            return ox.Store.read_only(str(path))
        except OSError as e:
            raise KGError(Errors.E030, path=path, reason=f"not an Oxigraph store: {e}") from e
    fmt = _OX_FORMATS.get(path.suffix.lower())
    if fmt is None:
        known = ", ".join(sorted(_OX_FORMATS))
        raise KGError(Errors.E030, path=path, reason=f"unknown suffix {path.suffix!r} ({known})")
    store = ox.Store()
    try:
        store.bulk_load(path=str(path), format=fmt)
    except (SyntaxError, ValueError, OSError) as e:
        raise KGError(Errors.E030, path=path, reason=str(e)) from e
    return store


def resolve_query(query: str | Path) -> tuple[str, str]:
    """``(query text, where it came from)`` for query text, a file or a ready-query name."""
    text = str(query)
    candidates: list[Path] = []
    if isinstance(query, Path) or (len(text) < 4096 and "\n" not in text and "{" not in text):
        p = Path(text)
        candidates.append(p)
        if not p.suffix and not p.is_absolute():
            candidates.append(QUERIES_DIR / f"{text}.rq")
        elif p.parent == Path("."):
            candidates.append(QUERIES_DIR / p.name)
    for p in candidates:
        if p.is_file():
            try:
                body = p.read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError) as e:
                raise KGError(Errors.E031, path=p, reason=str(e)) from e
            if not _QUERY_FORM.search(_strip_comments(body)):
                raise KGError(Errors.E031, path=p, reason="no SELECT, ASK, CONSTRUCT or DESCRIBE")
            return body, str(p)
    if candidates and candidates[0].suffix.lower() in (".rq", ".sparql", ".txt"):
        raise KGError(Errors.E031, path=candidates[0], reason="no such file")
    if not _QUERY_FORM.search(_strip_comments(text)):
        shown = text if len(text) <= 60 else text[:57] + "…"
        raise KGError(
            Errors.E031,
            path=shown,
            reason="neither a file nor a ready query name (see queries/), nor SPARQL text",
        )
    return text, "<query>"


def _strip_comments(text: str) -> str:
    return re.sub(r"(?m)#[^\n]*$", "", re.sub(r"<[^>\s]*>", "<>", text))


def run_query(graph_path: str | Path, query: str | Path, fmt: str = "table") -> str:
    """Run ``query`` (text, ``.rq`` file or ready-query name) on the graph at ``graph_path``.

    Returns the answer formatted as ``table``, ``csv`` or ``json`` (ending with a newline).
    Raises :class:`~kg.errors.KGError` E010/E030 (graph), E031 (query), E032 (evaluation) or
    E033 (``fmt``).
    """
    fmt = fmt.lower()
    if fmt not in FORMATS:
        raise KGError(Errors.E033, fmt=fmt, choices=", ".join(FORMATS))
    text, source = resolve_query(query)
    store = load_store(graph_path)
    return query_store(store, text, fmt, source=source, base_iri=_guess_base(store))


def _guess_base(store: ox.Store) -> str:
    """The base IRI of the graph (from ``kg:key`` values), for the ``id:`` prefixes."""
    key = ox.NamedNode("http://kg.example.org/ontology#key")
    for q in store.quads_for_pattern(None, key, None):
        if isinstance(q.subject, ox.NamedNode) and q.subject.value.endswith(q.object.value):
            return q.subject.value[: -len(q.object.value)]
        break
    return DEFAULT_BASE


def query_store(
    store: ox.Store,
    query_text: str,
    fmt: str = "table",
    *,
    source: str = "<query>",
    base_iri: str = DEFAULT_BASE,
) -> str:
    """Run SPARQL on a store and format the result (see :func:`run_query`)."""
    pfx = prefixes(base_iri, folders=True)
    try:
        result = store.query(query_text, prefixes=pfx, use_default_graph_as_union=True)
    except SyntaxError as e:
        raise KGError(Errors.E031, path=source, reason=f"SPARQL syntax error: {e}") from e
    except (OSError, ValueError, RuntimeError) as e:
        raise KGError(Errors.E032, reason=f"{source}: {e}") from e
    try:
        if isinstance(result, ox.QueryBoolean):
            if fmt == "json":
                return result.serialize(format=ox.QueryResultsFormat.JSON).decode() + "\n"
            return ("true" if bool(result) else "false") + "\n"
        if isinstance(result, ox.QueryTriples):
            rdf_format = {
                "table": ox.RdfFormat.TURTLE,
                "csv": ox.RdfFormat.N_TRIPLES,
                "json": ox.RdfFormat.JSON_LD,
            }[fmt]
            triples = list(result)
            if rdf_format == ox.RdfFormat.N_TRIPLES:
                return ox.serialize(triples, format=rdf_format).decode()
            return ox.serialize(triples, format=rdf_format, prefixes=pfx).decode()
        if fmt == "csv":
            return result.serialize(format=ox.QueryResultsFormat.CSV).decode()
        if fmt == "json":
            return result.serialize(format=ox.QueryResultsFormat.JSON).decode() + "\n"
        variables = [v.value for v in result.variables]
        rows = [[_short(sol[v], pfx) for v in result.variables] for sol in result]
        return format_table(variables, rows)
    except (OSError, ValueError, RuntimeError, TypeError) as e:
        raise KGError(Errors.E032, reason=f"{source}: {e}") from e


# --------------------------------------------------------------------------- table


def display_width(s: str) -> int:
    """Terminal columns ``s`` takes (East Asian wide and fullwidth characters count 2)."""
    return sum(
        0 if unicodedata.combining(c) else 2 if unicodedata.east_asian_width(c) in "WF" else 1
        for c in s
    )


def _truncate(s: str, width: int) -> str:
    if display_width(s) <= width:
        return s
    out, w = [], 0
    for c in s:
        cw = display_width(c)
        if w + cw > width - 1:
            break
        out.append(c)
        w += cw
    return "".join(out) + "…"


def _short(term: Any, pfx: dict[str, str]) -> str:
    if term is None:
        return ""
    if isinstance(term, ox.NamedNode):
        iri = term.value
        best = max(
            ((p, ns) for p, ns in pfx.items() if iri.startswith(ns) and len(iri) > len(ns)),
            key=lambda x: len(x[1]),
            default=None,
        )
        return f"{best[0]}:{iri[len(best[1]) :]}" if best else f"<{iri}>"
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    if isinstance(term, ox.Literal):
        return term.value.replace("\n", " ")
    return str(term)


def format_table(variables: list[str], rows: list[list[str]], max_width: int = 60) -> str:
    """Aligned columns with a header and a rule; the last column is never truncated.

    >>> print(format_table(["a", "b"], [["中国", "x"]]), end="")
    a     b
    ----  -
    中国  x
    (1 row)
    """
    if not variables:
        return f"({len(rows)} row{'s' if len(rows) != 1 else ''})\n"
    last = len(variables) - 1
    cells = [
        [c if i == last else _truncate(c, max_width) for i, c in enumerate(row)] for row in rows
    ]
    widths = [
        max([display_width(variables[i])] + [display_width(r[i]) for r in cells])
        for i in range(len(variables))
    ]

    def line(values: list[str]) -> str:
        parts = [
            v + " " * (widths[i] - display_width(v)) if i < last else v
            for i, v in enumerate(values)
        ]
        return "  ".join(parts).rstrip()

    out = [line(variables), line(["-" * w for w in widths])]
    out.extend(line(r) for r in cells)
    out.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(out) + "\n"
