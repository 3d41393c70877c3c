"""The naive baseline kg is measured against: jieba POS tags + a 《…》 regex + rdflib.

Every word ``jieba.posseg`` tags ``nr`` (person), ``ns`` (place), ``nt`` (organisation) or
``nz`` (other proper noun) is an entity (Person, Location, Organization, Program), and
every ``《…》`` title a Law; one node per (type, name), ``kg:mentionedIn`` each document
that has it. The RDF is built in an rdflib ``Graph`` and written with rdflib's Turtle
serialiser. :func:`baseline_graph` gives the same result as a networkx graph in kg's
schema (``kg.graph``) so that ``kg.eval.score.score_graph`` can score it.

Documents are read with ``kg.ingest`` like kg's own build, so only extraction and export
differ. Run ``python bench/baseline.py CORPUS --out base.ttl``: prints one JSON line
(documents, characters, entities, triples, seconds).
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import logging
import re
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import networkx as nx

ROOT = Path(__file__).resolve().parent.parent
if importlib.util.find_spec("kg") is None:  # run from a checkout without kg installed
    sys.path.insert(0, str(ROOT))

from kg.iri import DEFAULT_BASE, doc_iri, entity_iri  # noqa: E402
from kg.model import TYPE_FOLDER, Document  # noqa: E402

POS_TYPES = {"nr": "Person", "ns": "Location", "nt": "Organization", "nz": "Program"}
TITLE = re.compile(r"《([^《》\n]{2,80})》")


def _posseg() -> Any:
    import jieba
    import jieba.posseg as pseg

    jieba.setLogLevel(logging.WARNING)
    return pseg


def doc_entities(text: str, pseg: Any = None) -> Counter[tuple[str, str]]:
    """``(type, name) → count`` of one text.

    >>> sorted(doc_entities("李克强在北京出席《政府工作报告》。"))[:2]
    [('Law', '政府工作报告'), ('Location', '北京')]
    """
    pseg = pseg or _posseg()
    found: Counter[tuple[str, str]] = Counter()
    for pair in pseg.cut(text):
        t = POS_TYPES.get(pair.flag)
        if t is not None and len(pair.word) > 1:
            found[(t, pair.word)] += 1
    for m in TITLE.finditer(text):
        found[("Law", m.group(1).strip())] += 1
    return found


def _key(type_: str, name: str) -> str:
    return f"{TYPE_FOLDER[type_]}/{name}"


def extract(docs: Iterable[Document]) -> Iterator[tuple[Document, Counter[tuple[str, str]]]]:
    pseg = _posseg()
    for d in docs:
        yield d, doc_entities(d.text, pseg)


def _documents(inputs: list[Path]) -> Iterator[Document]:
    from kg.ingest import iter_documents

    for item in iter_documents(inputs):
        if isinstance(item, Document):
            yield item


def baseline_graph(inputs: list[Path]) -> nx.MultiDiGraph:
    """The baseline's result as a networkx graph in kg's schema (for ``score_graph``)."""
    G = nx.MultiDiGraph(base_iri=DEFAULT_BASE, observations=[], merge_log=[])
    docs_of: dict[str, dict[str, int]] = defaultdict(dict)
    types: dict[str, tuple[str, str]] = {}
    for d, found in extract(_documents(inputs)):
        G.add_node("doc/" + d.id, kind="document", label=d.meta.get("title") or d.id,
                   title=d.meta.get("title"), source=d.meta.get("source"), chars=len(d.text),
                   categories=[], iri=doc_iri(d.id))
        for (t, name), n in found.items():
            key = _key(t, name)
            types[key] = (t, name)
            docs_of[key][d.id] = docs_of[key].get(d.id, 0) + n
    for key, docs in docs_of.items():
        t, name = types[key]
        G.add_node(key, kind="entity", type=t, label=name, aliases=[], docs=docs,
                   mentions=sum(docs.values()), examples=[], iri=entity_iri(key))
        for doc, n in docs.items():
            G.add_edge(key, "doc/" + doc, key="mentionedIn", kind="mention", count=n)
    return G


def build_rdf(inputs: list[Path], out: Path) -> dict[str, Any]:
    """Extract, build an rdflib graph and write Turtle; returns the figures."""
    from rdflib import RDF, RDFS, Graph, Literal, Namespace, URIRef
    from rdflib.namespace import DCTERMS, SKOS

    t0 = time.perf_counter()
    kg = Namespace("http://kg.example.org/ontology#")
    g = Graph()
    g.bind("kg", kg)
    g.bind("skos", SKOS)
    g.bind("dcterms", DCTERMS)
    n_docs = chars = 0
    seen: set[str] = set()
    for d, found in extract(_documents(inputs)):
        n_docs += 1
        chars += len(d.text)
        doc = URIRef(doc_iri(d.id))
        g.add((doc, RDF.type, kg.Document))
        g.add((doc, RDFS.label, Literal(d.meta.get("title") or d.id, lang="zh")))
        for t, name in found:
            key = _key(t, name)
            e = URIRef(entity_iri(key))
            if key not in seen:
                seen.add(key)
                g.add((e, RDF.type, kg[t]))
                g.add((e, SKOS.prefLabel, Literal(name, lang="zh")))
            g.add((e, kg.mentionedIn, doc))
    t1 = time.perf_counter()
    g.serialize(destination=str(out), format="turtle")
    t2 = time.perf_counter()
    return {"docs": n_docs, "chars": chars, "entities": len(seen), "triples": len(g),
            "seconds": t2 - t0, "extract_seconds": t1 - t0, "serialize_seconds": t2 - t1}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("inputs", nargs="+", type=Path)
    ap.add_argument("--out", type=Path, default=Path("baseline.ttl"))
    args = ap.parse_args()
    print(json.dumps(build_rdf(args.inputs, args.out)))


if __name__ == "__main__":
    main()
