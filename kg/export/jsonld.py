"""Compact JSON-LD of the networkx graph: ``{"@context": …, "@graph": [node…, {"@id": doc,
"@graph": […]}]}``, one node object per subject, each document's facts in the named graph
it names. The statements are :mod:`kg.export.rdf`'s (:func:`~kg.export.rdf.grouped_statements`),
compacted with :func:`jsonld_context`: the prefixes, every kg property by its local name,
friendly names for the SKOS/RDFS/OWL/PROV/org terms kg uses.

>>> ctx = jsonld_context()
>>> ctx["mentionedIn"], ctx["label"]
({'@id': 'kg:mentionedIn', '@type': '@id'}, 'rdfs:label')
"""

from __future__ import annotations

import itertools
import json
import os
import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from kg.export.rdf import graph_base, grouped_statements, parse_statements
from kg.io import atomic_write
from kg.iri import DEFAULT_BASE
from kg.model import PREDICATES
from kg.vocab import RDF_NS, XSD_NS, prefixes

__all__ = ["jsonld_context", "write_jsonld", "write_jsonld_context"]

#: Object properties (values are IRIs): their context terms say ``"@type": "@id"``.
_OBJECT_PROPS = (
    *PREDICATES,
    "issuedBy",
    "instrument",
    "mentionedIn",
    "entity",
    "document",
    "subject",
    "inSentence",
    "hasSentence",
)
_DATA_PROPS = (
    "key",
    "isoCode",
    "category",
    "mentionCount",
    "count",
    "sentence",
    "charStart",
    "charEnd",
    "rule",
    "confidence",
    "modality",
    "implicit",
    "post",
    "sourcePath",
    "charCount",
    "dateText",
    "spans",
    "text",
    "issuerName",
    "documentNumber",
    "indexNumber",
    "indicator",
    "value",
    "unit",
    "date",
    "observationKind",
    "surface",
    "surfaceStart",
    "surfaceEnd",
)


def jsonld_context(base_iri: str = DEFAULT_BASE) -> dict[str, Any]:
    """The JSON-LD ``@context``: the prefixes, every kg property by its local name, and
    friendly names for the SKOS/RDFS/OWL/PROV/org terms kg uses."""
    ctx: dict[str, Any] = dict(prefixes(base_iri))
    for name in _OBJECT_PROPS:
        ctx[name] = {"@id": f"kg:{name}", "@type": "@id"}
    for name in _DATA_PROPS:
        ctx[name] = f"kg:{name}"
    ctx.update(
        {
            "prefLabel": "skos:prefLabel",
            "altLabel": "skos:altLabel",
            "notation": "skos:notation",
            "label": "rdfs:label",
            "sameAs": {"@id": "owl:sameAs", "@type": "@id"},
            "wasDerivedFrom": {"@id": "prov:wasDerivedFrom", "@type": "@id"},
            "wasGeneratedBy": {"@id": "prov:wasGeneratedBy", "@type": "@id"},
            "rdfSubject": {"@id": "rdf:subject", "@type": "@id"},
            "rdfPredicate": {"@id": "rdf:predicate", "@type": "@id"},
            "rdfObject": {"@id": "rdf:object", "@type": "@id"},
            "holds": {"@id": "org:holds", "@type": "@id"},
            "heldBy": {"@id": "org:heldBy", "@type": "@id"},
            "postIn": {"@id": "org:postIn", "@type": "@id"},
        }
    )
    return ctx


class _Compactor:
    def __init__(self, ctx: dict[str, Any]) -> None:
        self.ns = sorted(
            ((p, ns) for p, ns in ctx.items() if isinstance(ns, str) and ns.endswith(("/", "#"))),
            key=lambda x: -len(x[1]),
        )
        self.terms: dict[str, tuple[str, bool]] = {}
        for term, definition in ctx.items():
            if isinstance(definition, dict):
                self.terms[self.expand(definition["@id"])] = (
                    term,
                    definition.get("@type") == "@id",
                )
            elif not definition.endswith(("/", "#")):
                self.terms[self.expand(definition)] = (term, False)

    def expand(self, curie: str) -> str:
        prefix, _, local = curie.partition(":")
        return dict(self.ns)[prefix] + local

    def iri(self, iri: str) -> str:
        for prefix, ns in self.ns:
            if iri.startswith(ns) and len(iri) > len(ns) and not iri[len(ns) :].startswith("//"):
                return f"{prefix}:{iri[len(ns) :]}"
        return iri

    def key(self, predicate: str) -> tuple[str, bool]:
        return self.terms.get(predicate) or (self.iri(predicate), False)

    def value(self, term: Any, coerce_id: bool) -> Any:
        if isinstance(term, ox.NamedNode):
            return self.iri(term.value) if coerce_id else {"@id": self.iri(term.value)}
        if isinstance(term, ox.BlankNode):
            return {"@id": f"_:{term.value}"}
        if term.language:
            return {"@value": term.value, "@language": term.language}
        dt = term.datatype.value
        if dt == XSD_NS + "string":
            return {"@value": term.value} if coerce_id else term.value
        if dt == XSD_NS + "integer" and re.fullmatch(r"-?[0-9]+", term.value):
            return int(term.value)
        if dt == XSD_NS + "boolean" and term.value in ("true", "false"):
            return term.value == "true"
        return {"@value": term.value, "@type": self.iri(dt)}

    def _nodes(self, quads: Iterable[ox.Quad]) -> Iterator[dict[str, Any]]:
        node: dict[str, Any] | None = None
        current = None
        for q in quads:
            if q.subject != current:
                if node is not None:
                    yield node
                current = q.subject
                node = {"@id": self.value(q.subject, True)}
                if isinstance(q.subject, ox.BlankNode):
                    node = {"@id": f"_:{q.subject.value}"}
            assert node is not None
            if q.predicate.value == RDF_NS + "type" and isinstance(q.object, ox.NamedNode):
                node.setdefault("@type", []).append(self.iri(q.object.value))
                continue
            key, coerce = self.key(q.predicate.value)
            node.setdefault(key, []).append(self.value(q.object, coerce))
        if node is not None:
            yield node

    def nodes(self, quads: Iterable[ox.Quad]) -> Iterator[dict[str, Any]]:
        """Node objects, one per subject run, single values unwrapped from their list."""
        for node in self._nodes(quads):
            yield {k: v[0] if isinstance(v, list) and len(v) == 1 else v for k, v in node.items()}


def _context_json(context: dict[str, Any] | str) -> str:
    """The context, one term a line."""
    if not isinstance(context, dict):
        return json.dumps(context, ensure_ascii=False)
    items = (f" {json.dumps(k)}:{json.dumps(v, ensure_ascii=False)}" for k, v in context.items())
    return "{\n" + ",\n".join(items) + "\n}"


def write_jsonld_context(path: str | os.PathLike[str], base_iri: str = DEFAULT_BASE) -> Path:
    """Write ``{"@context": …}`` (:func:`jsonld_context`) as a file other JSON-LD can cite."""
    with atomic_write(path, "w", encoding="utf-8", newline="\n") as f:
        f.write('{"@context":' + _context_json(jsonld_context(base_iri)) + "}\n")
    return Path(path)


def write_jsonld(
    G: Any,
    path: str | os.PathLike[str],
    base_iri: str | None = None,
    *,
    context: dict[str, Any] | str | None = None,
) -> Path:
    """Compact JSON-LD: ``{"@context": …, "@graph": [node…, {"@id": doc, "@graph": […]}]}``.

    ``context`` replaces the inline context (:func:`jsonld_context`); pass a URL string to
    reference a context file instead (the terms used are still those of the default one).
    """
    base = graph_base(G, base_iri)
    ctx = jsonld_context(base)
    compactor = _Compactor(ctx)
    quads = parse_statements(grouped_statements(G, base_iri, named_graphs=True))

    def dump(obj: Any) -> str:
        return json.dumps(obj, ensure_ascii=False, separators=(",", ":"))

    with atomic_write(path, "w", encoding="utf-8", newline="\n") as f:
        f.write('{"@context":' + _context_json(context or ctx))
        f.write(',\n"@graph":[')
        sep = "\n"
        for graph, nodes in itertools.groupby(quads, key=lambda q: q.graph_name):
            if isinstance(graph, ox.DefaultGraph):
                for node in compactor.nodes(nodes):
                    f.write(sep + dump(node))
                    sep = ",\n"
                continue
            f.write(f'{sep}{{"@id":{dump(compactor.iri(graph.value))},"@graph":[')
            inner = "\n"
            for node in compactor.nodes(nodes):
                f.write(inner + dump(node))
                inner = ",\n"
            f.write("]}")
            sep = ",\n"
        f.write("\n]}\n")
    return Path(path)
