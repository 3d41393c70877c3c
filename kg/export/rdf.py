"""The networkx graph (``kg.graph``) as RDF: one walk, several serialisations.

:func:`iter_statements` walks the graph once and yields each statement as N-Triples-encoded
terms ``(s, p, o, g)``; ``g`` is the document IRI for facts evidenced in a document (when
``named_graphs``) and ``None`` for the default graph. The walk is the graph's adapter of
:mod:`kg.export.statements`: it reads each node, edge and observation into the rows of
its statement family and writes the blocks that module (and :mod:`kg.export.documents`)
make of them, the same functions :mod:`kg.export.fast` writes a build's Turtle with. It
works on any graph of the :mod:`kg.graph` schema (one a user edited or loaded from
GraphML too: missing attributes are left out, a node's own ``iri`` is kept). Everything
else is built on it:

- :func:`write_ntriples` / :func:`write_nquads` stream lines straight to disk (no RDF
  library in between), so they scale to millions of statements;
- :func:`write_turtle` / :func:`write_trig` group them by subject
  (:func:`grouped_blocks`) and render the blocks with kg's one Turtle writer,
  :class:`kg.export.turtle.Turtle` (the one a build's Turtle is written with too);
- :mod:`kg.export.jsonld` writes compact JSON-LD from the same grouped statements;
- :func:`graph_to_rdf` (rdflib ``Dataset``) and :func:`graph_to_store` (pyoxigraph) for
  programmatic use.

Every writer is atomic: it writes a temporary file beside the target and renames it over the
target only when the serialisation finished (:func:`kg.io.atomic_write`).

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
import os
from collections.abc import Iterable, Iterator
from itertools import groupby
from operator import itemgetter
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from kg.export.documents import (
    Sentences,
    document_block,
    document_sentences,
    has_sentences,
    sentence_blocks,
)
from kg.export.statements import (
    HOLDS_POST,
    K_RULE,
    BaseTerms,
    Block,
    Statement,
    entity_block,
    evidence_blocks,
    example_blocks,
    holds_blocks,
    mention_blocks,
    observation_blocks,
    post_block,
    post_titles,
    relation_block,
    rule_block,
    statements,
)
from kg.export.terms import IRI_OK, iri_term
from kg.export.turtle import Turtle
from kg.io import atomic_write
from kg.iri import DEFAULT_BASE, entity_iri
from kg.vocab import prefixes

# --------------------------------------------------------------------------- the walk


def graph_base(G: Any, base_iri: str | None = None) -> str:
    """The base IRI of ``G``'s statements: ``base_iri``, else the graph's own, else the
    default."""
    return base_iri or G.graph.get("base_iri") or DEFAULT_BASE


class _Walker(BaseTerms):
    """One pass over the networkx graph, yielding encoded statements; the
    :class:`~kg.export.statements.Terms` of its blocks (a node's own ``iri`` kept)."""

    def __init__(self, G: Any, base_iri: str | None, named_graphs: bool) -> None:
        super().__init__(graph_base(G, base_iri))
        self.G = G
        # Trust the nodes' own ``iri`` only when no other base was asked for.
        self.use_node_iri = base_iri is None or base_iri == G.graph.get("base_iri")
        self.named = named_graphs
        self._docs: dict[str, str] = {}
        self._rules: set[str] = set()  # the rules whose node was written
        self._posts: set[str] = set()
        self._sentences: dict[str, Sentences] = {}

    # -- IRIs
    def node(self, key: str) -> str:
        term = self._nodes.get(key)
        if term is None:
            iri = None
            if self.use_node_iri and key in self.G:
                iri = self.G.nodes[key].get("iri")
            if not iri or not IRI_OK.match(iri):
                iri = entity_iri(key, self.base)
            term = self._nodes[key] = iri_term(iri)
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

    def sentences(self, doc_id: str) -> Sentences:
        """The mention sentences the document node keeps (start → text, IRI term)."""
        got = self._sentences.get(doc_id)
        if got is None:
            node = "doc/" + doc_id
            data = self.G.nodes[node] if node in self.G else {}
            got = document_sentences(self.base, doc_id, data.get("sentences"))
            self._sentences[doc_id] = got
        return got

    def graph(self, dt: str | None) -> str | None:
        return dt if self.named else None

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

    def with_rule(self, blocks: list[Block], g: str | None, rule: Any) -> Iterator[Statement]:
        """The blocks' statements in graph ``g``; the node of ``rule`` (once in the walk)
        comes before the first statement naming it."""
        new = bool(rule) and str(rule) not in self._rules
        for s, po in blocks:
            for p, o in po:
                if new and p == K_RULE:
                    self._rules.add(str(rule))
                    yield from statements([rule_block(self, str(rule))])
                    new = False
                yield s, p, o, g

    # (entity and document make lists: most statements are theirs, and a list is
    # yielded from at C speed, a generator statement by statement)
    def entity(self, key: str, d: dict[str, Any]) -> list[Statement]:
        row = (key, d.get("type"), d.get("label"), d.get("aliases"), d.get("en"),
               d.get("wikidata"), d.get("iso"), d.get("category"), d.get("mentions"))  # fmt: skip
        out = statements([entity_block(self, row)])
        # Mentions per document: the mention edges, else the node's ``docs`` table.
        counts: dict[str, Any] = {}
        for doc_id, n in (d.get("docs") or {}).items():
            counts[str(doc_id)] = n
        for _, target, edata in self.G.out_edges(key, data=True):
            if edata.get("kind") == "mention":
                doc_id = target[4:] if target.startswith("doc/") else target
                counts[doc_id] = edata.get("count", counts.get(doc_id))
        spans = d.get("spans") or {}
        named = self.named
        for doc_id, n in counts.items():
            dt = self.doc(doc_id)
            sp = spans.get(doc_id)
            blocks = mention_blocks(
                self, doc_id, dt, [(key, n, sp)], self.sentences(doc_id) if sp else {}
            )
            out += statements(blocks, dt if named else None)
        for ex in d.get("examples") or ():
            if not isinstance(ex, dict) or not ex.get("sentence"):
                continue
            doc = ex.get("doc")
            dt = self.doc(doc)
            known = self.sentences(str(doc)) if dt else {}
            rows = [(key, ex.get("start"), ex.get("end"), ex["sentence"])]
            out += statements(example_blocks(self, doc, dt, rows, known), self.graph(dt))
        return out

    def document(self, key: str, d: dict[str, Any]) -> list[Statement]:
        doc_id = key[4:] if key.startswith("doc/") else key
        s = self.node(key)
        label = d.get("label") or d.get("title") or key
        out = statements([document_block(s, doc_id, d, label, self.node)])
        sentences = self.sentences(doc_id)
        blocks = [(s, has_sentences(sentences)), *sentence_blocks(sentences)]
        return out + statements(blocks, self.graph(s))

    def relation(self, subj: str, obj: str, key: Any, d: dict[str, Any]) -> Iterator[Statement]:
        pred = str(d.get("predicate") or key)
        s, [(p, o)] = relation_block(self, subj, pred, obj)
        graphs: dict[str | None, None] = {}  # ordered set
        posts: dict[str, dict[str | None, None]] = {}  # title → its graphs
        seen: set[str] = set()
        for ev in d.get("evidence") or ():
            doc = ev.get("doc")
            dt = self.doc(doc)
            g = self.graph(dt)
            rule = ev.get("rule")
            row = (subj, pred, obj, ev.get("sent_start"), ev.get("sent_end"), ev.get("sentence"),
                   rule, ev.get("confidence", d.get("confidence")),
                   ev.get("modality") or d.get("modality"), ev.get("implicit", d.get("implicit")),
                   ev.get("post"))  # fmt: skip
            blocks = evidence_blocks(self, doc, dt, [row], seen, set())
            if not blocks:
                continue
            graphs[g] = None
            yield from self.with_rule(blocks, g, rule)
            if ev.get("post"):
                posts.setdefault(str(ev["post"]), {})[g] = None
        if not graphs:
            graphs[None] = None
        for g in graphs if self.named else (None,):
            yield s, p, o, g
        if pred != HOLDS_POST:
            return
        for title in post_titles(posts, d.get("post")):
            post, node_po = post_block(self, obj, title)
            if post not in self._posts:
                self._posts.add(post)
                yield from statements([(post, node_po)])
            for g in posts.get(title, {None: None}) if self.named else (None,):
                yield from statements(holds_blocks(s, post), g)

    def observation(self, ob: dict[str, Any]) -> Iterator[Statement]:
        doc = ob.get("doc")
        dt = self.doc(doc)
        blocks = observation_blocks(self, doc, dt, [ob], set())
        yield from self.with_rule(blocks, self.graph(dt), ob.get("rule"))


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
    for prefix, ns in prefixes(graph_base(G, base_iri)).items():
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


def grouped_blocks(
    G: Any, base_iri: str | None = None, *, named_graphs: bool = True
) -> Iterator[tuple[str | None, Block]]:
    """:func:`iter_statements` as one block per graph and subject, ``(graph, (subject,
    [(predicate, object), …]))``, without duplicates, ordered by graph (default first) and
    then subject, both in order of first appearance; a subject's statements stay in walk
    order (``rdf:type`` first). Holds the statements in memory (as encoded strings)."""
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
        yield g, (s, list(dict.fromkeys(groups.pop((g, s)))))


def grouped_statements(
    G: Any, base_iri: str | None = None, *, named_graphs: bool = True
) -> Iterator[Statement]:
    """The statements of :func:`grouped_blocks`, one by one, in its order."""
    for g, (s, po) in grouped_blocks(G, base_iri, named_graphs=named_graphs):
        for p, o in po:
            yield s, p, o, g


def parse_statements(stmts: Iterable[Statement]) -> Iterator[ox.Quad]:
    """The statements as pyoxigraph quads (parsed in bulk by oxigraph, order kept)."""
    lines = (f"{s} {p} {o} {g} .\n" if g else f"{s} {p} {o} .\n" for s, p, o, g in stmts)
    reader = io.BufferedReader(_LineReader(lines), 1 << 20)
    return ox.parse(reader, ox.RdfFormat.N_QUADS)


#: blocks rendered per call of the writer (its memo of minted IRIs lives for one call)
RENDER_BLOCKS = 2048


def _write_blocks(G: Any, path: str | os.PathLike[str], base_iri: str | None,
                  named_graphs: bool) -> Path:  # fmt: skip
    """The graph's blocks (:func:`grouped_blocks`) rendered by
    :class:`~kg.export.turtle.Turtle`: Turtle, or TriG with ``named_graphs``."""
    ttl = Turtle(graph_base(G, base_iri))
    graph_blocks = grouped_blocks(G, base_iri, named_graphs=named_graphs)
    with atomic_write(path, "w", encoding="utf-8", errors="replace", newline="\n") as f:
        f.write(ttl.header())
        for g, run in groupby(graph_blocks, key=itemgetter(0)):
            blocks = [b for _, b in run]
            if g is not None:  # a named graph: one wrapped group (grouped by graph first)
                f.write(ttl.render_graph(g, blocks))
                continue
            for i in range(0, len(blocks), RENDER_BLOCKS):
                f.write(ttl.render(blocks[i : i + RENDER_BLOCKS]))
    return Path(path)


def write_turtle(G: Any, path: str | os.PathLike[str], base_iri: str | None = None) -> Path:
    """Turtle with the kg prefixes, one block per subject, written by
    :class:`~kg.export.turtle.Turtle` (the writer of a build's Turtle) from the walk."""
    return _write_blocks(G, path, base_iri, named_graphs=False)


def write_trig(G: Any, path: str | os.PathLike[str], base_iri: str | None = None) -> Path:
    """TriG: entities in the default graph, each document's facts in the graph it names
    (the same writer as :func:`write_turtle`)."""
    return _write_blocks(G, path, base_iri, named_graphs=True)


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
