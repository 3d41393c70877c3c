"""kg's RDF statements, each family written once, as blocks over small rows.

Every statement kg exports comes from one function of this module (or of
:mod:`kg.export.documents`: a document's head table and its sentences), as **blocks**:
``(subject, [(predicate, object), …])`` of N-Triples-encoded terms (:mod:`kg.export.terms`).
A family's function takes the rows of that family in **one document** (an entity's own
block and the footer's relation, post and rule blocks take no document). Two adapters
make the rows and call these functions; they decide only which rows come in which order:

- :mod:`kg.export.fragments`, from a :class:`~kg.resolve.Resolution` (``kg build``'s Turtle
  and N-Triples, :mod:`kg.export.fast`): a header of entity blocks, one fragment per
  document (its rows of every family, cached by their hash), a footer;
- :mod:`kg.export.rdf`, from a networkx graph (``kg.graph``'s, or one a user made or
  loaded): the graph's order (nodes, edges, observations), each statement in the named
  graph of its document (N-Quads, TriG, JSON-LD, rdflib, pyoxigraph).

So a change to what kg says about, say, a relation's evidence is made once, in
:func:`evidence_blocks`, and both paths write it (tests compare their statement sets).
The IRIs come from the adapter's :class:`Terms`: the fast path writes minted IRIs in their
Turtle form at once, the graph walk honours the nodes' own ``iri``.

Why two orders, not one: the fast path must group by document (a fragment is cached and
rendered alone), while the walk must serve any graph, one that no resolution made, in
the graph's own order (the order of its N-Triples and N-Quads lines and of the subjects
in Turtle, TriG and JSON-LD). The walk could regroup a graph's statements by document,
but then every file it writes would change for no reader's gain.

The rows (tuples: the fast path hashes and pickles millions of them)::

    entity      (key, type, label, aliases, en, wikidata, iso, category, mentions)
    mention     (key, count, spans)                    per document
    example     (key, start, end, sentence)            per document
    evidence    (subj, pred, obj, sent_start, sent_end, sentence, rule, confidence,
                 modality, implicit, post)             per document
    observation {field: value} (kg.model.Observation)  per document

>>> t = BaseTerms("http://x/")
>>> s, po = entity_block(t, ("gov/x", "Ministry", "甲部", ["甲"], None, None, None, None, 2))
>>> print(s, *(o for _, o in po))  # doctest: +NORMALIZE_WHITESPACE
<http://x/gov/x> <http://kg.example.org/ontology#Ministry> "gov/x" "甲部"@zh "甲部"@zh
"甲"@zh "2"^^<http://www.w3.org/2001/XMLSchema#integer>
>>> [(s, po)] = evidence_blocks(t, "d", "<http://x/doc/d>", [("gov/x", "issued", "law/y", 0,
...     9, "甲部发布乙法。", "r1", 0.9, "asserted", False, None)], set(), rules := set())
>>> s.startswith("<http://x/evidence/"), len(po), rules
(True, 13, {'r1'})
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any, Protocol

from kg.export.documents import Sentences, example_sentence, sentence_links
from kg.export.terms import (
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
from kg.iri import entity_iri
from kg.vocab import WIKIDATA_NS

__all__ = [
    "HOLDS_POST",
    "K_RULE",
    "BaseTerms",
    "Block",
    "Statement",
    "Terms",
    "entity_block",
    "evidence_blocks",
    "example_blocks",
    "holds_blocks",
    "mention_blocks",
    "observation_blocks",
    "post_block",
    "post_titles",
    "relation_block",
    "rule_block",
    "statements",
]

#: ``(subject, [(predicate, object)])``: one subject's statements, in order.
Block = tuple[str, list[tuple[str, str]]]

#: ``(s, p, o, g)``: a statement in graph ``g`` (None: the default graph).
Statement = tuple[str, str, str, str | None]

#: The predicate whose relations name an ``org:Post`` (its title on the evidence).
HOLDS_POST = "holdsPost"

K_KEY, K_MENTIONED, K_STATS, K_ENTITY, K_DOCUMENT, K_COUNT = (
    kg_term(x) for x in ("key", "mentionedIn", "MentionStats", "entity", "document", "count")
)
K_MENTION, K_SENTENCE, K_START, K_END, K_EVIDENCE, K_SPANS = (
    kg_term(x) for x in ("Mention", "sentence", "charStart", "charEnd", "Evidence", "spans")
)
K_RULE, K_CONFIDENCE, K_MODALITY, K_IMPLICIT, K_POST = (
    kg_term(x) for x in ("rule", "confidence", "modality", "implicit", "post")
)


class Terms(Protocol):
    """The IRI terms of the statements, as an adapter writes them."""

    base: str

    def node(self, key: str) -> str:
        """An entity's (or document node's) IRI term."""
        ...

    def mint(self, folder: str, *parts: Any) -> str:
        """The IRI term of a node named by the hash of ``parts`` (evidence, mentions, …)."""
        ...

    def rule(self, name: Any) -> str:
        """An extraction rule's IRI term."""
        ...


class BaseTerms:
    """:class:`Terms` from the base IRI alone (the fast path's, less its Turtle forms)."""

    def __init__(self, base: str) -> None:
        self.base = base
        self._nodes: dict[str, str] = {}

    def node(self, key: str) -> str:
        t = self._nodes.get(key)
        if t is None:
            t = self._nodes[key] = iri_term(entity_iri(key, self.base))
        return t

    def mint(self, folder: str, *parts: Any) -> str:
        return iri_term(f"{self.base}{folder}/{short_hash(*parts)}")

    def rule(self, name: Any) -> str:
        return iri_term(entity_iri("rule/" + str(name), self.base))


# --------------------------------------------------------------------------- entities


def entity_block(t: Terms, row: tuple[Any, ...]) -> Block:
    """An entity's own statements: type, key, labels, aliases, links, mention count."""
    key, type_, label, aliases, en, wikidata, iso, category, mentions = row
    s = t.node(key)
    label = label or key
    pref = string_literal(label, "zh")
    po = [(A, kg_term(str(type_ or "Entity"))), (K_KEY, string_literal(key)), (SKOS_PREF, pref),
          (RDFS_LABEL, pref)]  # fmt: skip
    for alias in sorted({a for a in aliases or () if a and a != label}):
        po.append((SKOS_ALT, string_literal(alias, "zh")))
    if en:
        en_lit = string_literal(en, "en")
        po.append((SKOS_PREF, en_lit))
        po.append((RDFS_LABEL, en_lit))
    if wikidata and QID.match(str(wikidata)):
        po.append((OWL_SAME_AS, iri_term(WIKIDATA_NS + str(wikidata))))
    if iso and ISO3.match(str(iso)):
        po.append((kg_term("isoCode"), string_literal(iso)))
        po.append((SKOS_NOTATION, typed_literal(str(iso), ISO_DT)))
    if category:
        po.append((kg_term("category"), string_literal(category, "zh")))
    total = int_literal(mentions)
    if total is not None:
        po.append((kg_term("mentionCount"), total))
    return s, po


# --------------------------------------------------------------------------- per document


def mention_blocks(
    t: Terms, doc_id: str, dt: str, rows: Iterable[tuple[str, Any, Any]], sentences: Sentences
) -> list[Block]:
    """For each ``(key, count, spans)``: the entity's ``kg:mentionedIn`` the document
    (``dt``, its IRI term) and its ``kg:MentionStats`` there (count, spans, the
    ``kg:Sentence`` s the spans are in)."""
    blocks: list[Block] = []
    for key, n, spans in rows:
        s = t.node(key)
        blocks.append((s, [(K_MENTIONED, dt)]))
        po = [(A, K_STATS), (K_ENTITY, s), (K_DOCUMENT, dt)]
        c = int_literal(n)
        if c is not None:
            po.append((K_COUNT, c))
        if spans:
            po.append((K_SPANS, string_literal(spans)))
            po += sentence_links(spans, sentences)
        blocks.append((t.mint("mention-stats", key, doc_id), po))
    return blocks


def example_blocks(
    t: Terms, doc: Any, dt: str | None, rows: Iterable[tuple[str, Any, Any, str]],
    sentences: Sentences,
) -> list[Block]:  # fmt: skip
    """A ``kg:Mention`` for each example ``(key, start, end, sentence)`` an entity kept from
    document ``doc`` (``dt``: its IRI term, None when the example names none)."""
    blocks: list[Block] = []
    for key, start, end, sentence in rows:
        po = [(A, K_MENTION), (K_ENTITY, t.node(key))]
        if dt:
            po.append((PROV_DERIVED, dt))
        po += example_sentence(start, end, sentence, sentences)
        blocks.append((t.mint("mention", key, doc, start, end), po))
    return blocks


def evidence_blocks(
    t: Terms, doc: Any, dt: str | None, rows: Iterable[tuple[Any, ...]], seen: set[str],
    rules: set[str],
) -> list[Block]:  # fmt: skip
    """A ``kg:Evidence`` (the reified statement) for each evidence row of document ``doc``
    whose IRI is not in ``seen`` (added); the rules named are added to ``rules``."""
    blocks: list[Block] = []
    for subj, pred, obj, s0, s1, sentence, rule, conf, modality, implicit, post in rows:
        e = t.mint("evidence", subj, pred, obj, doc, s0, s1, rule, post)
        if e in seen:
            continue
        seen.add(e)
        po = [(A, K_EVIDENCE), (RDF_SUBJECT, t.node(subj)), (RDF_PREDICATE, kg_term(str(pred))),
              (RDF_OBJECT, t.node(obj))]  # fmt: skip
        if dt:
            po.append((PROV_DERIVED, dt))
        if sentence:
            po.append((K_SENTENCE, string_literal(sentence, "zh")))
        for prop, v in ((K_START, s0), (K_END, s1)):
            i = int_literal(v)
            if i is not None:
                po.append((prop, i))
        if rule:
            rules.add(str(rule))
            po.append((K_RULE, string_literal(rule)))
            po.append((PROV_GENERATED, t.rule(rule)))
        c = number_literal(conf)
        if c is not None:
            po.append((K_CONFIDENCE, c))
        if modality:
            po.append((K_MODALITY, string_literal(modality)))
        if implicit is not None:
            po.append((K_IMPLICIT, bool_literal(implicit)))
        if post:
            po.append((K_POST, string_literal(post, "zh")))
        blocks.append((e, po))
    return blocks


_OBSERVATION_OFFSETS = (
    (K_START, "sent_start"), (K_END, "sent_end"), (kg_term("surfaceStart"), "start"),
    (kg_term("surfaceEnd"), "end"),
)  # fmt: skip


def observation_blocks(
    t: Terms, doc: Any, dt: str | None, rows: Iterable[Mapping[str, Any]], rules: set[str]
) -> list[Block]:
    """A ``kg:Observation`` (indicator, value, unit, date …) for each observation of
    document ``doc``; the rules named are added to ``rules``."""
    blocks: list[Block] = []
    for ob in rows:
        n = t.mint("observation", doc, ob.get("start"), ob.get("end"), ob.get("subject"),
                   ob.get("indicator"), ob.get("value"), ob.get("date"))  # fmt: skip
        po = [(A, kg_term("Observation"))]
        if ob.get("subject"):
            po.append((kg_term("subject"), t.node(str(ob["subject"]))))
        if ob.get("indicator"):
            po.append((kg_term("indicator"), string_literal(ob["indicator"], "zh")))
        value = number_literal(ob.get("value"))
        if value is not None:
            po.append((kg_term("value"), value))
        if ob.get("unit"):
            po.append((kg_term("unit"), string_literal(ob["unit"])))
        if ob.get("date"):
            date = date_literal(ob["date"])
            po.append((kg_term("date"), date if date else string_literal(ob["date"])))
        if ob.get("kind"):
            po.append((kg_term("observationKind"), string_literal(ob["kind"])))
        if ob.get("surface"):
            po.append((kg_term("surface"), string_literal(ob["surface"], "zh")))
        if dt:
            po.append((PROV_DERIVED, dt))
        if ob.get("sentence"):
            po.append((K_SENTENCE, string_literal(ob["sentence"], "zh")))
        for prop, name in _OBSERVATION_OFFSETS:
            i = int_literal(ob.get(name))
            if i is not None:
                po.append((prop, i))
        if ob.get("rule"):
            rules.add(str(ob["rule"]))
            po.append((K_RULE, string_literal(ob["rule"])))
            po.append((PROV_GENERATED, t.rule(ob["rule"])))
        blocks.append((n, po))
    return blocks


# --------------------------------------------------------------------------- the footer


def relation_block(t: Terms, subj: str, pred: str, obj: str) -> Block:
    """The plain triple of a relation (its evidence says where and how it was found)."""
    return t.node(subj), [(kg_term(str(pred)), t.node(obj))]


def post_titles(evidence_posts: Iterable[str], edge_post: Any) -> list[str]:
    """The ``org:Post`` titles of a ``holdsPost`` relation: its evidence's, in order, then
    the relation's own when none of them has it."""
    titles = list(dict.fromkeys(evidence_posts))
    if edge_post and str(edge_post) not in titles:
        titles.append(str(edge_post))
    return titles


def post_block(t: Terms, obj: str, title: str) -> Block:
    """The ``org:Post`` titled ``title`` in organisation ``obj`` (one per pair)."""
    post = iri_term(entity_iri(f"post/{obj}/{title}", t.base))
    return post, [(A, kg_term("Post")), (A, ORG_POST), (RDFS_LABEL, string_literal(title, "zh")),
                  (ORG_POST_IN, t.node(obj))]  # fmt: skip


def holds_blocks(s: str, post: str) -> tuple[Block, Block]:
    """``s org:holds post`` and ``post org:heldBy s``."""
    return (s, [(ORG_HOLDS, post)]), (post, [(ORG_HELD_BY, s)])


def rule_block(t: Terms, name: str) -> Block:
    """An extraction rule that some evidence or observation names."""
    return t.rule(name), [(A, kg_term("ExtractionRule")), (RDFS_LABEL, string_literal(name))]


def statements(blocks: Iterable[Block], g: str | None = None) -> list[Statement]:
    """The blocks' statements as ``(s, p, o, g)``, all in graph ``g`` (a list: a caller's
    ``yield from`` takes it at C speed)."""
    return [(s, p, o, g) for s, po in blocks for p, o in po]
