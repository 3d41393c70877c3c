"""The networkx graph (``kg.graph``) as RDF: one generator, several serialisations.

:func:`iter_statements` walks the graph once and yields each statement as N-Triples-encoded
terms ``(s, p, o, g)``; ``g`` is the document IRI for facts evidenced in a document (when
``named_graphs``) and ``None`` for the default graph. Everything else is built on it:

- :func:`write_ntriples` / :func:`write_nquads` stream lines straight to disk (no RDF
  library in between), so they scale to millions of statements;
- :func:`write_turtle` / :func:`write_trig` load those lines into an in-memory
  ``pyoxigraph.Store`` and let it serialise, with the usual prefixes;
- :func:`write_jsonld` writes compact JSON-LD with a ``@context`` (:func:`jsonld_context`),
  one node object per subject, named graphs as ``{"@id": doc, "@graph": [...]}``;
- :func:`graph_to_rdf` (rdflib ``Dataset``) and :func:`graph_to_store` (pyoxigraph) for
  programmatic use.

Every writer is atomic: it writes a temporary file beside the target and renames it over the
target only when the serialisation finished (:func:`kg.io.atomic_write`). The terms and
literals are :mod:`kg.export.terms`, a document's head-table and sentence statements
:mod:`kg.export.documents` (both shared with :mod:`kg.export.fast`).

The model (see ``ontology/kg.ttl`` for every term)::

    <id/gov/miit> a kg:Ministry ; kg:key "gov/miit" ;
        skos:prefLabel "工业和信息化部"@zh ; rdfs:label "工业和信息化部"@zh ;
        skos:altLabel "工信部"@zh ; kg:mentionCount 12 ; kg:mentionedIn <id/doc/000_…> .
    <id/country/CHN> kg:issued <id/program/网络扶贫行动计划> .          # the plain triple
    <id/evidence/…> a kg:Evidence ; rdf:subject … ; rdf:predicate kg:issued ; rdf:object … ;
        prov:wasDerivedFrom <id/doc/004_…> ; kg:sentence "…"@zh ; kg:charStart 1803 ;
        kg:charEnd 1851 ; kg:rule "…" ; prov:wasGeneratedBy <id/rule/…> ;
        kg:confidence 0.9 ; kg:modality "asserted" ; kg:implicit false .
    <id/doc/004_…> kg:hasSentence <id/sentence/…> .                  # every sentence a
    <id/sentence/…> a kg:Sentence ; kg:text "…"@zh ; kg:charStart 1803 .  # mention is in, once
    <id/mention-stats/…> a kg:MentionStats ; kg:entity <id/gov/miit> ; kg:document <id/doc/…> ;
        kg:count 2 ; kg:spans "1810-1817@1803-1851 …" ; kg:inSentence <id/sentence/…> .

>>> import networkx as nx
>>> G = nx.MultiDiGraph()
>>> G.add_node("country/CHN", kind="entity", type="Country", label="中国", aliases=[])
>>> for s, p, o, g in iter_statements(G):
...     print(p, o)
<http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://kg.example.org/ontology#Country>
<http://kg.example.org/ontology#key> "country/CHN"
<http://www.w3.org/2004/02/skos/core#prefLabel> "中国"@zh
<http://www.w3.org/2000/01/rdf-schema#label> "中国"@zh
"""

from __future__ import annotations

import io
import itertools
import json
import os
import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from kg.export.documents import (
    Sentences,
    document_sentences,
    example_sentence,
    has_sentences,
    issue_statements,
    sentence_blocks,
    sentence_links,
)
from kg.export.terms import (
    DC_CREATOR,
    DC_DATE,
    DC_IDENTIFIER,
    DC_PUBLISHER,
    DC_SOURCE,
    DC_SUBJECT,
    DC_TITLE,
    IRI_OK,
    ISO3,
    ISO_DT,
    ORG_HELD_BY,
    ORG_HOLDS,
    ORG_POST,
    ORG_POST_IN,
    OWL_SAME_AS,
    PROV_DERIVED,
    PROV_GENERATED,
    QID,
    RDF_OBJECT,
    RDF_PREDICATE,
    RDF_SUBJECT,
    RDFS_LABEL,
    SKOS_ALT,
    SKOS_NOTATION,
    SKOS_PREF,
    A,
    bool_literal,
    date_literal,
    int_literal,
    iri_term,
    kg_term,
    number_literal,
    short_hash,
    string_literal,
    typed_literal,
)
from kg.io import atomic_write
from kg.iri import DEFAULT_BASE, entity_iri
from kg.model import PREDICATES
from kg.vocab import (
    RDF_NS,
    WIKIDATA_NS,
    XSD_NS,
    prefixes,
)

Statement = tuple[str, str, str, str | None]
# --------------------------------------------------------------------------- the walk


class _Walker:
    """One pass over the networkx graph, yielding encoded statements."""

    def __init__(self, G: Any, base_iri: str | None, named_graphs: bool) -> None:
        self.G = G
        self.base = base_iri or G.graph.get("base_iri") or DEFAULT_BASE
        # Trust the nodes' own ``iri`` only when no other base was asked for.
        self.use_node_iri = base_iri is None or base_iri == G.graph.get("base_iri")
        self.named = named_graphs
        self._iris: dict[str, str] = {}
        self._docs: dict[str, str] = {}
        self._rules: dict[str, str] = {}
        self._posts: set[str] = set()
        self._sentences: dict[str, Sentences] = {}

    # -- IRIs
    def node(self, key: str) -> str:
        term = self._iris.get(key)
        if term is None:
            iri = None
            if self.use_node_iri and key in self.G:
                iri = self.G.nodes[key].get("iri")
            if not iri or not IRI_OK.match(iri):
                iri = entity_iri(key, self.base)
            term = self._iris[key] = iri_term(iri)
        return term

    def doc(self, doc: Any) -> str | None:
        """The IRI term of a document given by doc id (or node id ``doc/<id>``)."""
        if doc is None or doc == "":
            return None
        doc = str(doc)
        term = self._docs.get(doc)
        if term is None:
            node = "doc/" + doc
            if node not in self.G and doc in self.G and doc.startswith("doc/"):
                node = doc
            term = self._docs[doc] = self.node(node)
        return term

    def mint(self, folder: str, *parts: Any) -> str:
        return iri_term(f"{self.base}{folder}/{short_hash(*parts)}")

    def sentences(self, doc_id: str) -> Sentences:
        """The mention sentences the document node keeps (start → text, IRI term)."""
        got = self._sentences.get(doc_id)
        if got is None:
            node = "doc/" + doc_id
            data = self.G.nodes[node] if node in self.G else {}
            got = document_sentences(self.base, doc_id, data.get("sentences"))
            self._sentences[doc_id] = got
        return got

    # -- the walk
    def __iter__(self) -> Iterator[Statement]:
        G = self.G
        for key, data in G.nodes(data=True):
            kind = data.get("kind")
            if kind == "entity":
                yield from self.entity(key, data)
            elif kind == "document":
                yield from self.document(key, data)
        for s, o, k, data in G.edges(keys=True, data=True):
            if data.get("kind", "relation") == "relation":
                yield from self.relation(s, o, k, data)
        for obs in G.graph.get("observations") or ():
            yield from self.observation(obs)

    def rule(self, name: Any) -> Iterator[Statement]:
        """Emit the rule node once; ``self._rules[name]`` is its IRI term."""
        name = str(name)
        if name not in self._rules:
            term = self._rules[name] = iri_term(entity_iri("rule/" + name, self.base))
            yield term, A, kg_term("ExtractionRule"), None
            yield term, RDFS_LABEL, string_literal(name), None

    def entity(self, key: str, d: dict[str, Any]) -> Iterator[Statement]:
        s = self.node(key)
        label = d.get("label") or key
        yield s, A, kg_term(str(d.get("type") or "Entity")), None
        yield s, kg_term("key"), string_literal(key), None
        pref = string_literal(label, "zh")
        yield s, SKOS_PREF, pref, None
        yield s, RDFS_LABEL, pref, None
        for alias in sorted({a for a in d.get("aliases") or () if a and a != label}):
            yield s, SKOS_ALT, string_literal(alias, "zh"), None
        if d.get("en"):
            en = string_literal(d["en"], "en")
            yield s, SKOS_PREF, en, None
            yield s, RDFS_LABEL, en, None
        qid = d.get("wikidata")
        if qid and QID.match(str(qid)):
            yield s, OWL_SAME_AS, iri_term(WIKIDATA_NS + str(qid)), None
        iso = d.get("iso")
        if iso and ISO3.match(str(iso)):
            yield s, kg_term("isoCode"), string_literal(iso), None
            yield s, SKOS_NOTATION, typed_literal(str(iso), ISO_DT), None
        if d.get("category"):
            yield s, kg_term("category"), string_literal(d["category"], "zh"), None
        total = int_literal(d.get("mentions"))
        if total is not None:
            yield s, kg_term("mentionCount"), total, None

        # Mentions per document: the mention edges, else the node's ``docs`` table.
        counts: dict[str, Any] = {}
        for doc_id, n in (d.get("docs") or {}).items():
            counts[str(doc_id)] = n
        for _, target, edata in self.G.out_edges(key, data=True):
            if edata.get("kind") == "mention":
                doc_id = target[4:] if target.startswith("doc/") else target
                counts[doc_id] = edata.get("count", counts.get(doc_id))
        spans = d.get("spans") or {}
        for doc_id, n in counts.items():
            dt = self.doc(doc_id)
            g = dt if self.named else None
            yield s, kg_term("mentionedIn"), dt, g
            stats = self.mint("mention-stats", key, doc_id)
            yield stats, A, kg_term("MentionStats"), g
            yield stats, kg_term("entity"), s, g
            yield stats, kg_term("document"), dt, g
            c = int_literal(n)
            if c is not None:
                yield stats, kg_term("count"), c, g
            if spans.get(doc_id):
                yield stats, kg_term("spans"), string_literal(spans[doc_id]), g
                for p, o in sentence_links(spans[doc_id], self.sentences(doc_id)):
                    yield stats, p, o, g
        for ex in d.get("examples") or ():
            if not isinstance(ex, dict) or not ex.get("sentence"):
                continue
            dt = self.doc(ex.get("doc"))
            g = dt if self.named else None
            m = self.mint("mention", key, ex.get("doc"), ex.get("start"), ex.get("end"))
            yield m, A, kg_term("Mention"), g
            yield m, kg_term("entity"), s, g
            known: Sentences = {}
            if dt:
                yield m, PROV_DERIVED, dt, g
                known = self.sentences(str(ex["doc"]))
            for p, o in example_sentence(ex.get("start"), ex.get("end"), ex["sentence"], known):
                yield m, p, o, g

    def document(self, key: str, d: dict[str, Any]) -> Iterator[Statement]:
        s = self.node(key)
        yield s, A, kg_term("Document"), None
        yield s, DC_IDENTIFIER, string_literal(key[4:] if key.startswith("doc/") else key), None
        title = d.get("title")
        yield s, RDFS_LABEL, string_literal(d.get("label") or title or key, "zh"), None
        if title:
            yield s, DC_TITLE, string_literal(title, "zh"), None
        if d.get("date"):
            date = date_literal(d["date"])
            if date:
                yield s, DC_DATE, date, None
            else:
                yield s, kg_term("dateText"), string_literal(d["date"]), None
        url = d.get("url")
        if url:
            url = str(url).strip()
            yield s, DC_SOURCE, iri_term(url) if IRI_OK.match(url) else string_literal(url), None
        if d.get("publisher"):
            yield s, DC_PUBLISHER, string_literal(d["publisher"]), None
        if d.get("author"):
            yield s, DC_CREATOR, string_literal(d["author"]), None
        if d.get("source"):
            yield s, kg_term("sourcePath"), string_literal(d["source"]), None
        for cat in d.get("categories") or ():
            if cat:
                yield s, DC_SUBJECT, string_literal(cat, "zh"), None
        chars = int_literal(d.get("chars"))
        if chars is not None:
            yield s, kg_term("charCount"), chars, None
        for p, o in issue_statements(d, self.node):
            yield s, p, o, None
        doc_id = key[4:] if key.startswith("doc/") else key
        g = s if self.named else None
        sentences = self.sentences(doc_id)
        for p, o in has_sentences(sentences):
            yield s, p, o, g
        for sent, po in sentence_blocks(sentences):
            for p, o in po:
                yield sent, p, o, g

    def relation(self, subj: str, obj: str, key: Any, d: dict[str, Any]) -> Iterator[Statement]:
        pred = str(d.get("predicate") or key)
        s, o, p = self.node(subj), self.node(obj), kg_term(pred)
        graphs: dict[str | None, None] = {}  # ordered set
        posts: dict[str, dict[str | None, None]] = {}
        seen: set[str] = set()
        for ev in d.get("evidence") or ():
            doc = ev.get("doc")
            dt = self.doc(doc)
            g = dt if self.named else None
            e = self.mint(
                "evidence",
                subj,
                pred,
                obj,
                doc,
                ev.get("sent_start"),
                ev.get("sent_end"),
                ev.get("rule"),
                ev.get("post"),
            )
            if e in seen:
                continue
            seen.add(e)
            graphs[g] = None
            yield e, A, kg_term("Evidence"), g
            yield e, RDF_SUBJECT, s, g
            yield e, RDF_PREDICATE, p, g
            yield e, RDF_OBJECT, o, g
            if dt:
                yield e, PROV_DERIVED, dt, g
            if ev.get("sentence"):
                yield e, kg_term("sentence"), string_literal(ev["sentence"], "zh"), g
            for prop, v in (("charStart", ev.get("sent_start")), ("charEnd", ev.get("sent_end"))):
                t = int_literal(v)
                if t is not None:
                    yield e, kg_term(prop), t, g
            if ev.get("rule"):
                yield from self.rule(ev["rule"])
                yield e, kg_term("rule"), string_literal(ev["rule"]), g
                yield e, PROV_GENERATED, self._rules[str(ev["rule"])], g
            conf = number_literal(ev.get("confidence", d.get("confidence")))
            if conf is not None:
                yield e, kg_term("confidence"), conf, g
            modality = ev.get("modality") or d.get("modality")
            if modality:
                yield e, kg_term("modality"), string_literal(modality), g
            implicit = ev.get("implicit", d.get("implicit"))
            if implicit is not None:
                yield e, kg_term("implicit"), bool_literal(implicit), g
            if ev.get("post"):
                yield e, kg_term("post"), string_literal(ev["post"], "zh"), g
                posts.setdefault(str(ev["post"]), {})[g] = None
        if not graphs:
            graphs[None] = None
        if self.named:
            for g in graphs:
                yield s, p, o, g
        else:
            yield s, p, o, None
        if pred == "holdsPost":
            if d.get("post") and str(d["post"]) not in posts:
                posts[str(d["post"])] = {None: None}
            for title, title_graphs in posts.items():
                post = iri_term(entity_iri(f"post/{obj}/{title}", self.base))
                if post not in self._posts:
                    self._posts.add(post)
                    yield post, A, kg_term("Post"), None
                    yield post, A, ORG_POST, None
                    yield post, RDFS_LABEL, string_literal(title, "zh"), None
                    yield post, ORG_POST_IN, o, None
                for g in title_graphs if self.named else (None,):
                    yield s, ORG_HOLDS, post, g
                    yield post, ORG_HELD_BY, s, g

    def observation(self, ob: dict[str, Any]) -> Iterator[Statement]:
        doc = ob.get("doc")
        dt = self.doc(doc)
        g = dt if self.named else None
        n = self.mint(
            "observation",
            doc,
            ob.get("start"),
            ob.get("end"),
            ob.get("subject"),
            ob.get("indicator"),
            ob.get("value"),
            ob.get("date"),
        )
        yield n, A, kg_term("Observation"), g
        if ob.get("subject"):
            yield n, kg_term("subject"), self.node(str(ob["subject"])), g
        if ob.get("indicator"):
            yield n, kg_term("indicator"), string_literal(ob["indicator"], "zh"), g
        value = number_literal(ob.get("value"))
        if value is not None:
            yield n, kg_term("value"), value, g
        if ob.get("unit"):
            yield n, kg_term("unit"), string_literal(ob["unit"]), g
        if ob.get("date"):
            date = date_literal(ob["date"])
            yield n, kg_term("date"), date if date else string_literal(ob["date"]), g
        if ob.get("kind"):
            yield n, kg_term("observationKind"), string_literal(ob["kind"]), g
        if ob.get("surface"):
            yield n, kg_term("surface"), string_literal(ob["surface"], "zh"), g
        if dt:
            yield n, PROV_DERIVED, dt, g
        if ob.get("sentence"):
            yield n, kg_term("sentence"), string_literal(ob["sentence"], "zh"), g
        for prop, v in (
            ("charStart", ob.get("sent_start")),
            ("charEnd", ob.get("sent_end")),
            ("surfaceStart", ob.get("start")),
            ("surfaceEnd", ob.get("end")),
        ):
            t = int_literal(v)
            if t is not None:
                yield n, kg_term(prop), t, g
        if ob.get("rule"):
            yield from self.rule(ob["rule"])
            yield n, kg_term("rule"), string_literal(ob["rule"]), g
            yield n, PROV_GENERATED, self._rules[str(ob["rule"])], g


def iter_statements(
    G: Any, base_iri: str | None = None, *, named_graphs: bool = True
) -> Iterator[Statement]:
    """Every statement of the graph as N-Triples-encoded ``(s, p, o, g)``.

    ``g`` is the document IRI term for facts evidenced in a document when ``named_graphs``,
    else None (the default graph). Without named graphs a fact stated in several documents
    is yielded once; with them, once per document graph.
    """
    return iter(_Walker(G, base_iri, named_graphs))


def iter_nquads(G: Any, base_iri: str | None = None) -> Iterator[str]:
    """N-Quads lines (``\\n``-terminated): named graph per document."""
    for s, p, o, g in iter_statements(G, base_iri, named_graphs=True):
        yield f"{s} {p} {o} {g} .\n" if g else f"{s} {p} {o} .\n"


def iter_ntriples(G: Any, base_iri: str | None = None) -> Iterator[str]:
    """N-Triples lines (``\\n``-terminated): everything in one graph."""
    for s, p, o, _ in iter_statements(G, base_iri, named_graphs=False):
        yield f"{s} {p} {o} .\n"


class _LineReader(io.RawIOBase):
    """A binary file object over an iterator of text lines (streams into parsers)."""

    def __init__(self, lines: Iterable[str]) -> None:
        self._lines = iter(lines)
        self._buf = b""

    def readable(self) -> bool:
        return True

    def readinto(self, b: Any) -> int:
        while len(self._buf) < len(b):
            chunk = "".join(line for _, line in zip(range(2048), self._lines, strict=False))
            if not chunk:
                break
            self._buf += chunk.encode("utf-8", "replace")
        n = min(len(b), len(self._buf))
        b[:n] = self._buf[:n]
        self._buf = self._buf[n:]
        return n


def graph_to_store(G: Any, base_iri: str | None = None, *, named_graphs: bool = True) -> ox.Store:
    """An in-memory pyoxigraph store holding the graph's RDF."""
    store = ox.Store()
    lines = iter_nquads(G, base_iri) if named_graphs else iter_ntriples(G, base_iri)
    store.bulk_load(io.BufferedReader(_LineReader(lines), 1 << 20), ox.RdfFormat.N_QUADS)
    return store


def graph_to_rdf(G: Any, base_iri: str | None = None, *, named_graphs: bool = True) -> Any:
    """An rdflib ``Dataset`` holding the graph's RDF (named graph per document).

    Built by rdflib's N-Triples parser, one graph at a time: fine for the sample, slow for
    millions of statements (use :func:`graph_to_store` or the writers for those).
    """
    from rdflib import Dataset, URIRef

    ds = Dataset()
    by_graph: dict[str | None, list[str]] = {}
    for s, p, o, g in iter_statements(G, base_iri, named_graphs=named_graphs):
        by_graph.setdefault(g, []).append(f"{s} {p} {o} .\n")
    for g, lines in by_graph.items():
        target = ds.default_graph if g is None else ds.graph(URIRef(g[1:-1]))
        target.parse(data="".join(lines), format="nt")
    base = base_iri or G.graph.get("base_iri") or DEFAULT_BASE
    for prefix, ns in prefixes(base).items():
        ds.bind(prefix, ns, override=True)
    return ds


# --------------------------------------------------------------------------- writing


def _write_lines(lines: Iterable[str], path: str | os.PathLike[str]) -> Path:
    with atomic_write(path, "w", encoding="utf-8", errors="replace", newline="\n") as f:
        buf: list[str] = []
        for line in lines:
            buf.append(line)
            if len(buf) >= 4096:
                f.write("".join(buf))
                buf.clear()
        f.write("".join(buf))
    return Path(path)


def write_ntriples(G: Any, path: str | os.PathLike[str], base_iri: str | None = None) -> Path:
    """Stream N-Triples (one graph) to ``path`` without building an RDF graph in memory."""
    return _write_lines(iter_ntriples(G, base_iri), path)


def write_nquads(G: Any, path: str | os.PathLike[str], base_iri: str | None = None) -> Path:
    """Stream N-Quads (one named graph per document) to ``path``."""
    return _write_lines(iter_nquads(G, base_iri), path)


def _base(G: Any, base_iri: str | None) -> str:
    return base_iri or G.graph.get("base_iri") or DEFAULT_BASE


def grouped_statements(
    G: Any, base_iri: str | None = None, *, named_graphs: bool = True
) -> Iterator[Statement]:
    """:func:`iter_statements` without duplicates, ordered by graph (default first) and then
    subject, both in order of first appearance; a subject's statements stay in walk order
    (``rdf:type`` first). Holds the statements in memory (as encoded strings)."""
    groups: dict[tuple[str | None, str], list[tuple[str, str]]] = {}
    for s, p, o, g in iter_statements(G, base_iri, named_graphs=named_graphs):
        group = groups.get((g, s))
        if group is None:
            group = groups[(g, s)] = []
        group.append((p, o))
    graph_rank: dict[str | None, int] = {None: -1}
    for g, _ in groups:
        graph_rank.setdefault(g, len(graph_rank))
    for g, s in sorted(groups, key=lambda k: graph_rank[k[0]]):
        seen: set[tuple[str, str]] = set()
        for p, o in groups.pop((g, s)):
            if (p, o) not in seen:
                seen.add((p, o))
                yield s, p, o, g


def _parsed(statements: Iterable[Statement]) -> Iterator[ox.Quad]:
    """The statements as pyoxigraph quads (parsed in bulk by oxigraph, order kept)."""
    lines = (f"{s} {p} {o} {g} .\n" if g else f"{s} {p} {o} .\n" for s, p, o, g in statements)
    reader = io.BufferedReader(_LineReader(lines), 1 << 20)
    return ox.parse(reader, ox.RdfFormat.N_QUADS)


def write_turtle(G: Any, path: str | os.PathLike[str], base_iri: str | None = None) -> Path:
    """Turtle with the kg prefixes, serialised by pyoxigraph from the statement stream,
    one block per subject."""
    quads = _parsed(grouped_statements(G, base_iri, named_graphs=False))
    with atomic_write(path, "wb") as f:
        ox.serialize(
            (q.triple for q in quads),
            f,
            ox.RdfFormat.TURTLE,
            prefixes=prefixes(_base(G, base_iri), folders=True),
        )
    return Path(path)


def write_trig(G: Any, path: str | os.PathLike[str], base_iri: str | None = None) -> Path:
    """TriG: entities in the default graph, each document's facts in the graph it names."""
    quads = _parsed(grouped_statements(G, base_iri, named_graphs=True))
    with atomic_write(path, "wb") as f:
        ox.serialize(
            quads, f, ox.RdfFormat.TRIG, prefixes=prefixes(_base(G, base_iri), folders=True)
        )
    return Path(path)


# --------------------------------------------------------------------------- JSON-LD

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
    base = _base(G, base_iri)
    ctx = jsonld_context(base)
    compactor = _Compactor(ctx)
    quads = _parsed(grouped_statements(G, base_iri, named_graphs=True))

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


def export_rdf(
    G: Any,
    out: str | os.PathLike[str],
    formats: Iterable[str] = ("ttl",),
    base_iri: str | None = None,
    stem: str = "graph",
) -> list[Path]:
    """Write the graph in each of ``formats`` (ttl, trig, nt, nq, jsonld, graphml, csv).

    ``out`` is a directory (files are ``<stem>.<ext>``; CSV writes ``nodes.csv`` and
    ``edges.csv`` into it) or, with one format, a file path. Returns the paths written.
    """
    from kg.export.formats import write  # late: formats builds on this module

    formats = list(formats)
    out = Path(out)
    if len(formats) == 1 and out.suffix:
        return [write(G, out, formats[0], base_iri=base_iri)]
    written = []
    for fmt in formats:
        fmt = fmt.lower().lstrip(".")
        target = out if fmt == "csv" else out / f"{stem}.{fmt}"
        written.append(write(G, target, fmt, base_iri=base_iri))
    return written
