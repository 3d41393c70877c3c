"""The RDF of a :class:`~kg.resolve.Resolution`, by fragments: the fast path's adapter of
:mod:`kg.export.statements` (``kg build``'s Turtle and N-Triples, :mod:`kg.export.fast`).

What is exported is three kinds of **input**, made in one pass over the resolution
(:class:`Plan`) and each a pure function of it:

- entity rows (:func:`entity_rows`), written in the header (:func:`entity_blocks`);
- one tuple per document (:meth:`Plan.doc_input`): its metadata, mentions, kept examples,
  evidence, observations and mention sentences, written as its **fragment**
  (:func:`document_blocks`): the document node and its ``kg:Sentence`` s, then everything
  evidenced in it (``kg:mentionedIn`` and ``kg:MentionStats``, ``kg:Mention``,
  ``kg:Evidence``, ``kg:Observation``). :mod:`kg.export.fast` keys the fragment's text by
  the hash of that tuple, so an incremental build renders only the documents that changed;
- the relations (:attr:`Plan.edges`, the edge aggregation of :mod:`kg.graph`), written in
  the footer with their ``org:Post`` s and the extraction rules the fragments named
  (:func:`footer_blocks`).

>>> from kg.model import Document
>>> from kg.nlp import extract
>>> from kg.resolve import resolve
>>> res = resolve([extract(Document("d", "工信部总经济师周明远表示。"))])
>>> plan, terms = Plan(res, "http://x/"), FragmentTerms("http://x/")
>>> rules: set[str] = set()
>>> [s for s, _ in document_blocks(plan.doc_input("d"), terms, rules)][:2]
['<http://x/doc/d>', '<http://x/sentence/2loSdlIGesv>']
>>> [s for s, _ in footer_blocks(plan, terms, rules)][:2]
['<http://x/person/周明远>', '<http://x/post/gov/miit/总经济师>']
"""

from __future__ import annotations

import dataclasses
import operator
from collections import defaultdict
from collections.abc import Callable, Iterator
from functools import lru_cache
from typing import Any

from kg.export.documents import (
    Sentences,
    document_block,
    document_sentences,
    has_sentences,
    sentence_blocks,
)
from kg.export.grouping import group
from kg.export.statements import (
    HOLDS_POST,
    BaseTerms,
    Block,
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
)
from kg.export.terms import IRI_OK, iri_term, short_hash
from kg.iri import doc_iri, entity_iri

__all__ = [
    "FragmentTerms",
    "Plan",
    "document_blocks",
    "entity_blocks",
    "entity_rows",
    "footer_blocks",
    "footer_input",
]


@lru_cache(maxsize=8)
def _fields(cls: type) -> tuple[str, ...]:
    return tuple(f.name for f in dataclasses.fields(cls))


@lru_cache(maxsize=8)
def _row_order(cls: type) -> tuple[tuple[str, ...], int, Callable[[Any], tuple[Any, ...]]] | None:
    """An observation row's names in sorted order (``doc`` among them), the place of
    ``doc`` there and the getter of the other values in that order: the ``sorted`` of the
    ``(name, value)`` pairs (unique names) without sorting each row. None when a field is
    named ``doc`` (its rows sort by value too)."""
    names = _fields(cls)
    if "doc" in names or not names:
        return None
    ranked = tuple(sorted([*names, "doc"]))
    fields = [n for n in ranked if n != "doc"]
    get = operator.attrgetter(*fields)
    if len(fields) == 1:
        return ranked, ranked.index("doc"), lambda o: (get(o),)
    return ranked, ranked.index("doc"), get


#: A document's parts when it has none (one object: the same again next build; never
#: changed).
_NONE: list[Any] = []


class Plan:
    """The inputs of the fragments, grouped by document, from one pass over the resolution.
    ``sentences``: a dict a long-lived process keeps between builds, where a document's
    sentences in order (the last item of its input) are kept by the identity of the dict
    they are made from (an unchanged result's own: the same object again); replaced by
    this build's when it asks for :meth:`sentences_kept`. ``kept``: another such dict,
    with last build's grouping of the entities by document (patched for the entities that
    are not its very objects, :mod:`kg.export.grouping`) and documents' inputs (a document
    whose parts are last build's takes its input again); replaced by :meth:`kept_now`."""

    def __init__(
        self,
        res: Any,
        base: str,
        sentences: dict[int, Any] | None = None,
        kept: dict[str, Any] | None = None,
    ) -> None:
        self.base = base
        self.res = res
        self._sentences_kept = sentences
        self._sentences_now: dict[int, Any] = {}
        # ``kept``: last build's grouping and documents' inputs (``--watch``, see
        # :meth:`kept_now`); a document whose parts are last build's takes its input again
        self._keeps = kept is not None
        self._inputs_kept: dict[str, Any] = kept.get("inputs", {}) if kept is not None else {}
        self._inputs_now: dict[str, Any] = {}
        # doc → [(key, count, spans)], doc → [(key, start, end, sentence)]
        self._grouping = group(
            res.entities, kept.get("grouping") if kept is not None else None, keep=self._keeps
        )
        self.mentions = self._grouping.mentions
        self.examples = self._grouping.examples
        # relations: the edge aggregation of kg.graph.build (evidence deduplicated on
        # (doc, sent_start, rule) per edge; edge-level modality and post)
        edges: dict[tuple[str, str, str], dict[str, Any]] = {}
        self.evidence: dict[str, list[tuple[Any, ...]]] = defaultdict(list)
        for doc_id, r in res.relations:
            ek = (r.subj, r.obj, r.pred)
            e = edges.get(ek)
            if e is None:
                e = edges[ek] = {"seen": set(), "modality": r.modality, "post": r.post, "posts": {}}
            else:
                if r.modality == "asserted":
                    e["modality"] = "asserted"
                e["post"] = e["post"] or r.post
            dk = (doc_id, r.sent_start, r.rule)
            if dk in e["seen"]:
                continue
            e["seen"].add(dk)
            if r.post:
                e["posts"][str(r.post)] = None
            self.evidence[doc_id].append((ek, r))
        self.edges = edges
        self.observations: dict[str, list[list[tuple[str, Any]]]] = defaultdict(list)
        observations = self.observations
        for doc_id, o in res.observations:
            how = _row_order(type(o))
            if how is None:  # a field named "doc": sorted by value too, as it was
                names = _fields(type(o))
                row = sorted([*((n, getattr(o, n)) for n in names), ("doc", doc_id)])
            else:
                ranked, at, get = how
                vals = get(o)
                row = list(zip(ranked, (*vals[:at], doc_id, *vals[at:]), strict=True))
            observations[doc_id].append(row)

    def doc_input(self, doc_id: str) -> tuple[Any, ...]:
        """The tuple a document's fragment is generated from (and keyed by)."""
        evid = []
        for (subj, obj, pred), r in self.evidence.get(doc_id, ()):
            modality = r.modality or self.edges[(subj, obj, pred)]["modality"]
            evid.append(
                (
                    subj,
                    pred,
                    obj,
                    r.sent_start,
                    r.sent_end,
                    r.sentence,
                    r.rule,
                    r.confidence,
                    modality,
                    r.implicit,
                    r.post,
                )
            )
        meta = self.res.documents.get(doc_id, {})
        mentions = self.mentions.get(doc_id, _NONE)
        examples = self.examples.get(doc_id, _NONE)
        observations = self.observations.get(doc_id, _NONE)
        sentences = self._sentences(doc_id)
        if self._keeps:
            # the same parts as last build (the grouped lists and sentences the very same
            # objects, the rest equal): last build's input, compared by identity later
            last = self._inputs_kept.get(doc_id)
            if (
                last is not None
                and last[1] is mentions
                and last[2] is examples
                and last[5] is sentences
                and last[0] == meta
                and last[3] == evid
                and last[4] == observations
            ):
                self._inputs_now[doc_id] = last
                return last[6]  # type: ignore[no-any-return]
        inp = (
            doc_id,
            sorted((k, v) for k, v in meta.items() if isinstance(k, str)),
            mentions,
            examples,
            evid,
            observations,
            sentences,
        )
        if self._keeps:
            snap = dict(meta) if type(meta) is dict else None
            if snap is not None:
                self._inputs_now[doc_id] = (snap, mentions, examples, evid, observations,
                                            sentences, inp)  # fmt: skip
        return inp

    def _sentences(self, doc_id: str) -> list[tuple[int, str]]:
        sent = self.res.sentences.get(doc_id, {})
        kept = self._sentences_kept
        if kept is None:
            return sorted(sent.items())
        hit = kept.get(id(sent))  # (the entry holds the dict: its id is not reused)
        if hit is None or hit[0] is not sent or len(hit[1]) != len(sent):
            hit = (sent, sorted(sent.items()))
        self._sentences_now[id(sent)] = hit
        return hit[1]

    def kept_now(self) -> dict[str, Any]:
        """What ``kept`` keeps for the next build: this build's grouping and the inputs
        of the documents it gave (for its caller to put there)."""
        return {"grouping": self._grouping, "inputs": self._inputs_now}

    def sentences_kept(self) -> dict[int, Any]:
        """What ``sentences`` keeps for the next build: this build's (for its caller to
        put there)."""
        return self._sentences_now


class FragmentTerms(BaseTerms):
    """The IRI terms of the fragments' statements. ``short``: folder → the Turtle prefix
    (``"mention:"``) its minted IRIs are written with (:meth:`Turtle.minted_prefixes
    <kg.export.turtle.Turtle.minted_prefixes>`): :meth:`mint` gives those in their
    Turtle form at once."""

    def __init__(self, base: str, short: dict[str, str] | None = None) -> None:
        super().__init__(base)
        self._docs: dict[str, str] = {}
        self._short = short or {}

    def doc(self, doc_id: str) -> str:
        t = self._docs.get(doc_id)
        if t is None:
            iri = doc_iri(doc_id, self.base)
            if not IRI_OK.match(iri):
                iri = entity_iri("doc/" + doc_id, self.base)
            t = self._docs[doc_id] = iri_term(iri)
        return t

    def sentences(self, doc_id: str, value: Any) -> Sentences:
        """:func:`~kg.export.documents.document_sentences`, their IRIs in the Turtle form when
        the ``sentence`` folder has one."""
        return document_sentences(self.base, doc_id, value, self._short.get("sentence"))

    def mint(self, folder: str, *parts: Any) -> str:
        p = self._short.get(folder)
        if p is not None:
            return p + short_hash(*parts)
        return iri_term(f"{self.base}{folder}/{short_hash(*parts)}")


def document_blocks(inp: tuple[Any, ...], t: FragmentTerms, rules: set[str]) -> list[Block]:
    """A document's fragment (see the module docstring) from its input; the extraction
    rules it names are added to ``rules``."""
    doc_id, meta_items, mentions, examples, evidence, observations, sentence_items = inp
    sentences = t.sentences(doc_id, dict(sentence_items))
    meta = dict(meta_items)
    meta.setdefault("chars", 0)
    dt = t.doc(doc_id)
    doc = document_block(dt, doc_id, meta, meta.get("title") or doc_id, t.node)
    doc[1].extend(has_sentences(sentences))
    blocks = [doc]
    blocks.extend(sentence_blocks(sentences))
    blocks += mention_blocks(t, doc_id, dt, mentions, sentences)
    blocks += example_blocks(t, doc_id, dt, examples, sentences)
    blocks += evidence_blocks(t, doc_id, dt, evidence, set(), rules)
    blocks += observation_blocks(t, doc_id, dt, map(dict, observations), rules)
    return blocks


def entity_rows(res: Any, kept: dict[str, Any] | None = None) -> list[tuple[Any, ...]]:
    """The entity rows (:mod:`kg.export.statements`) of a resolution, in its order.
    ``kept``: entity key → (entity, row) of last build (``--watch``), replaced by this
    build's: an entity that is last build's very object (a ``--watch`` resolution's
    kept entities are never changed in place, :mod:`kg.export.grouping`) takes its row
    again."""
    if kept is None:
        return [_entity_row(key, e) for key, e in res.entities.items()]
    rows, now = [], {}
    for key, e in res.entities.items():
        last = kept.get(key)
        if last is None or last[0] is not e:
            last = (e, _entity_row(key, e))
        now[key] = last
        rows.append(last[1])
    kept.clear()
    kept.update(now)
    return rows


def _entity_row(key: str, e: Any) -> tuple[Any, ...]:
    return (key, e.type, e.label, sorted(e.aliases), e.en, e.wikidata, e.iso, e.category,
            e.mentions)  # fmt: skip


def entity_blocks(rows: list[tuple[Any, ...]], t: BaseTerms) -> Iterator[Block]:
    """The header's blocks of ``rows`` (a chunk of :func:`entity_rows`)."""
    for row in rows:
        yield entity_block(t, row)


def footer_input(plan: Plan, rules: set[str]) -> tuple[Any, ...]:
    """Everything :func:`footer_blocks` reads but the terms (fixed by the format and the
    base): equal inputs give the same footer (a ``--watch`` build keeps last build's
    bytes: a changed document seldom changes the relations or the rules)."""
    posts = tuple(
        (e["post"], tuple(e["posts"]))
        for (_, _, pred), e in plan.edges.items()
        if pred == HOLDS_POST
    )
    return tuple(plan.edges), posts, tuple(sorted(rules))


def footer_blocks(plan: Plan, t: BaseTerms, rules: set[str]) -> Iterator[Block]:
    """The relations, their posts and the extraction ``rules`` the fragments named."""
    posts_done: set[str] = set()
    for (subj, obj, pred), e in plan.edges.items():
        s, po = relation_block(t, subj, pred, obj)
        yield s, po
        if pred != HOLDS_POST:
            continue
        for title in post_titles(e["posts"], e["post"]):
            post, node_po = post_block(t, obj, title)
            if post not in posts_done:
                posts_done.add(post)
                yield post, node_po
            yield from holds_blocks(s, post)
    for name in sorted(rules):
        yield rule_block(t, name)
