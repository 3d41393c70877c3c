"""Turtle and N-Triples of a big build, straight from the resolution, per document, cached.

:mod:`kg.export.rdf` walks the networkx graph and lets pyoxigraph group and serialise
every statement: right for any graph, but seconds per million statements, all of it
redone when one document changes. For ``kg build`` this module writes the same triples
(tests compare the sets) in three parts:

- a header: the ``@prefix`` lines (Turtle) and one block per entity (type, key, labels,
  aliases, links, mention count);
- one **fragment per document**: the document node, and everything evidenced in it —
  ``kg:mentionedIn`` and the ``kg:MentionStats`` of each entity it mentions, the
  ``kg:Sentence`` of each sentence a mention is in (its text once), the
  ``kg:Mention`` examples the entity kept from it, the ``kg:Evidence`` of its relations,
  its observations. A fragment is a pure function of a small input tuple built from the
  :class:`~kg.resolve.Resolution` (the document's merged counts, kept examples, mention
  sentences, evidence, observations, metadata); it is cached in a
  :class:`~kg.runtime.store.PackStore` under the hash of that tuple, so an incremental
  build regenerates only the documents whose part changed and copies the rest;
- a footer: the relation triples themselves, ``org:Post`` nodes and extraction rules.

The Turtle is written by hand: prefixed names where the local part is safe
(``stats:…``, ``law:中华人民共和国网络安全法``, ``doc:laws\\/…``), ``<…>`` otherwise,
N-Triples-escaped literals, one block per subject (an entity's ``kg:mentionedIn`` comes
in each document's fragment). Every file is written atomically.
"""

from __future__ import annotations

import dataclasses
import hashlib
import operator
import os
import pickle
import re
from collections import defaultdict
from collections.abc import Callable, Iterator, Mapping
from functools import lru_cache
from pathlib import Path
from typing import Any

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
from kg.fingerprint import canonical as _canonical
from kg.fingerprint import module_version
from kg.io import atomic_write
from kg.iri import DEFAULT_BASE, doc_iri, entity_iri
from kg.vocab import WIKIDATA_NS, XSD_NS, prefixes

__all__ = ["FORMATS", "render_parts", "start_fast", "write_fast"]

#: Formats this module writes.
FORMATS = ("ttl", "nt")

Block = tuple[str, list[tuple[str, str]]]  # subject, [(predicate, object)]

#: The modules that decide the statements (their hash is part of a fragment's key).
STATEMENT_MODULES = (
    "export/fast.py",
    "export/rdf.py",
    "export/terms.py",
    "export/documents.py",
    "iri.py",
    "vocab.py",
    "resolve/merge.py",
)


# --------------------------------------------------------------------------- inputs


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


class _Plan:
    """Everything the writer needs, grouped by document, from one pass over the resolution."""

    def __init__(self, res: Any, base: str) -> None:
        self.base = base
        self.res = res
        ents = res.entities
        # doc → [(key, count, spans)], doc → [(key, start, end, sentence)]
        self.mentions: dict[str, list[tuple[str, Any, Any]]] = defaultdict(list)
        self.examples: dict[str, list[tuple[str, Any, Any, str]]] = defaultdict(list)
        mentions, examples = self.mentions, self.examples  # (one pass: locals)
        for key, e in ents.items():
            spans = e.spans
            for d, c in e.docs.items():
                mentions[d].append((key, c, spans.get(d)))
            for ex in e.examples:
                if isinstance(ex, dict) and ex.get("sentence"):
                    doc = ex.get("doc")
                    examples[doc if type(doc) is str else str(doc)].append(
                        (key, ex.get("start"), ex.get("end"), ex["sentence"])
                    )
        # relations: the edge aggregation of kg.graph.build (evidence deduplicated on
        # (doc, sent_start, rule) per edge; edge-level modality and post)
        edges: dict[tuple[str, str, str], dict[str, Any]] = {}
        self.evidence: dict[str, list[tuple[Any, ...]]] = defaultdict(list)
        for doc_id, r in res.relations:
            ek = (r.subj, r.obj, r.pred)
            e = edges.get(ek)
            if e is None:
                e = edges[ek] = {"seen": set(), "modality": r.modality, "post": r.post,
                                 "posts": {}}
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
            evid.append((subj, pred, obj, r.sent_start, r.sent_end, r.sentence, r.rule,
                         r.confidence, modality, r.implicit, r.post))
        meta = self.res.documents.get(doc_id, {})
        return (
            doc_id,
            sorted((k, v) for k, v in meta.items() if isinstance(k, str)),
            self.mentions.get(doc_id, []),
            self.examples.get(doc_id, []),
            evid,
            self.observations.get(doc_id, []),
            sorted(self.res.sentences.get(doc_id, {}).items()),
        )


# --------------------------------------------------------------------------- statements


class _Terms:
    """The IRI terms of a fragment's statements. ``short``: folder → the Turtle prefix
    (``"mention:"``) its minted IRIs are written with (:meth:`_Turtle.minted_prefixes`):
    :meth:`mint` gives those in their Turtle form at once."""

    def __init__(self, base: str, short: dict[str, str] | None = None) -> None:
        self.base = base
        self._nodes: dict[str, str] = {}
        self._docs: dict[str, str] = {}
        self._short = short or {}

    def node(self, key: str) -> str:
        t = self._nodes.get(key)
        if t is None:
            t = self._nodes[key] = iri_term(entity_iri(key, self.base))
        return t

    def doc(self, doc_id: Any) -> str | None:
        if doc_id is None or doc_id == "":
            return None
        doc_id = str(doc_id)
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

    def rule(self, name: Any) -> str:
        return iri_term(entity_iri("rule/" + str(name), self.base))


K_KEY, K_MENTIONED, K_STATS, K_ENTITY, K_DOCUMENT, K_COUNT = (
    kg_term(x) for x in ("key", "mentionedIn", "MentionStats", "entity", "document", "count")
)
K_MENTION, K_SENTENCE, K_START, K_END, K_EVIDENCE, K_SPANS = (
    kg_term(x) for x in ("Mention", "sentence", "charStart", "charEnd", "Evidence", "spans")
)


def _doc_blocks(inp: tuple[Any, ...], t: _Terms, rules: set[str]) -> list[Block]:
    """The statements of one document's fragment (see the module docstring)."""
    doc_id, meta_items, mentions, examples, evidence, observations, sentence_items = inp
    sentences = t.sentences(doc_id, dict(sentence_items))
    meta = dict(meta_items)
    blocks: list[Block] = []
    dt = t.doc(doc_id)
    assert dt is not None
    # the document node
    po: list[tuple[str, str]] = [(A, kg_term("Document")), (DC_IDENTIFIER, string_literal(doc_id))]
    title = meta.get("title")
    po.append((RDFS_LABEL, string_literal(title or doc_id, "zh")))
    if title:
        po.append((DC_TITLE, string_literal(title, "zh")))
    if meta.get("date"):
        date = date_literal(meta["date"])
        po.append((DC_DATE, date) if date else (kg_term("dateText"), string_literal(meta["date"])))
    url = meta.get("url")
    if url:
        url = str(url).strip()
        po.append((DC_SOURCE, iri_term(url) if IRI_OK.match(url) else string_literal(url)))
    if meta.get("publisher"):
        po.append((DC_PUBLISHER, string_literal(meta["publisher"])))
    if meta.get("author"):
        po.append((DC_CREATOR, string_literal(meta["author"])))
    if meta.get("source"):
        po.append((kg_term("sourcePath"), string_literal(meta["source"])))
    for cat in list(meta.get("categories") or []):
        if cat:
            po.append((DC_SUBJECT, string_literal(cat, "zh")))
    chars = int_literal(meta.get("chars", 0))
    if chars is not None:
        po.append((kg_term("charCount"), chars))
    po.extend(issue_statements(meta, t.node))
    po.extend(has_sentences(sentences))
    blocks.append((dt, po))
    # the sentences its mentions are in, each once
    blocks.extend(sentence_blocks(sentences))
    # mentions: kg:mentionedIn and the per-document counts
    for key, n, spans in mentions:
        s = t.node(key)
        blocks.append((s, [(K_MENTIONED, dt)]))
        stats = t.mint("mention-stats", key, doc_id)
        po = [(A, K_STATS), (K_ENTITY, s), (K_DOCUMENT, dt)]
        c = int_literal(n)
        if c is not None:
            po.append((K_COUNT, c))
        if spans:
            po.append((K_SPANS, string_literal(spans)))
            po += sentence_links(spans, sentences)
        blocks.append((stats, po))
    # the examples the entities kept from this document
    for key, start, end, sentence in examples:
        m = t.mint("mention", key, doc_id, start, end)
        po = [(A, K_MENTION), (K_ENTITY, t.node(key)), (PROV_DERIVED, dt)]
        po += example_sentence(start, end, sentence, sentences)
        blocks.append((m, po))
    # relation evidence
    seen: set[str] = set()
    for subj, pred, obj, s0, s1, sentence, rule, conf, modality, implicit, post in evidence:
        e = t.mint("evidence", subj, pred, obj, doc_id, s0, s1, rule, post)
        if e in seen:
            continue
        seen.add(e)
        po = [(A, K_EVIDENCE), (RDF_SUBJECT, t.node(subj)), (RDF_PREDICATE, kg_term(str(pred))),
              (RDF_OBJECT, t.node(obj)), (PROV_DERIVED, dt)]
        if sentence:
            po.append((K_SENTENCE, string_literal(sentence, "zh")))
        for prop, v in ((K_START, s0), (K_END, s1)):
            i = int_literal(v)
            if i is not None:
                po.append((prop, i))
        if rule:
            rules.add(str(rule))
            po.append((kg_term("rule"), string_literal(rule)))
            po.append((PROV_GENERATED, t.rule(rule)))
        c = number_literal(conf)
        if c is not None:
            po.append((kg_term("confidence"), c))
        if modality:
            po.append((kg_term("modality"), string_literal(modality)))
        if implicit is not None:
            po.append((kg_term("implicit"), bool_literal(implicit)))
        if post:
            po.append((kg_term("post"), string_literal(post, "zh")))
        blocks.append((e, po))
    # observations
    for items in observations:
        ob = dict(items)
        n = t.mint("observation", doc_id, ob.get("start"), ob.get("end"), ob.get("subject"),
                   ob.get("indicator"), ob.get("value"), ob.get("date"))
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
        po.append((PROV_DERIVED, dt))
        if ob.get("sentence"):
            po.append((K_SENTENCE, string_literal(ob["sentence"], "zh")))
        for prop, v in ((K_START, ob.get("sent_start")), (K_END, ob.get("sent_end")),
                        (kg_term("surfaceStart"), ob.get("start")),
                        (kg_term("surfaceEnd"), ob.get("end"))):
            i = int_literal(v)
            if i is not None:
                po.append((prop, i))
        if ob.get("rule"):
            rules.add(str(ob["rule"]))
            po.append((kg_term("rule"), string_literal(ob["rule"])))
            po.append((PROV_GENERATED, t.rule(ob["rule"])))
        blocks.append((n, po))
    return blocks


def _entity_rows(res: Any) -> list[tuple[Any, ...]]:
    return [
        (key, e.type, e.label, sorted(e.aliases), e.en, e.wikidata, e.iso, e.category, e.mentions)
        for key, e in res.entities.items()
    ]


def _entity_blocks(rows: list[tuple[Any, ...]], t: _Terms) -> Iterator[Block]:
    for key, type_, label, aliases, en, wikidata, iso, category, mentions in rows:
        s = t.node(key)
        label = label or key
        pref = string_literal(label, "zh")
        po = [(A, kg_term(str(type_ or "Entity"))), (K_KEY, string_literal(key)), (SKOS_PREF, pref),
              (RDFS_LABEL, pref)]
        for alias in sorted({a for a in aliases if a and a != label}):
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
        yield s, po


def _footer_blocks(plan: _Plan, t: _Terms, rules: set[str]) -> Iterator[Block]:
    posts_done: set[str] = set()
    for (subj, obj, pred), e in plan.edges.items():
        s, o = t.node(subj), t.node(obj)
        yield s, [(kg_term(str(pred)), o)]
        if pred != "holdsPost":
            continue
        titles = dict(e["posts"])
        if e["post"] and str(e["post"]) not in titles:
            titles[str(e["post"])] = None
        for title in titles:
            post = iri_term(entity_iri(f"post/{obj}/{title}", t.base))
            if post not in posts_done:
                posts_done.add(post)
                yield post, [(A, kg_term("Post")), (A, ORG_POST),
                             (RDFS_LABEL, string_literal(title, "zh")), (ORG_POST_IN, o)]
            yield s, [(ORG_HOLDS, post)]
            yield post, [(ORG_HELD_BY, s)]
    for name in sorted(rules):
        yield t.rule(name), [(A, kg_term("ExtractionRule")), (RDFS_LABEL, string_literal(name))]


# --------------------------------------------------------------------------- rendering

_XSD_BOOL = f'"^^<{XSD_NS}boolean>'
_INT_RE = re.compile(r'^"(-?[0-9]+)"\^\^<' + re.escape(XSD_NS) + r"integer>$")
_DEC_RE = re.compile(r'^"(-?[0-9]+\.[0-9]+)"\^\^<' + re.escape(XSD_NS) + r"decimal>$")
# Characters a prefixed name may hold as they are (PN_CHARS_U and digits of the Turtle
# grammar; "-" and "." are escaped instead), and those it may hold behind a backslash.
_PN = (
    "A-Za-z0-9_\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u02ff\u0370-\u037d\u037f-\u1fff\u200c\u200d"
    "\u2070-\u218f\u2c00-\u2fef\u3001-\ud7ff\uf900-\ufdcf\ufdf0-\ufffd\U00010000-\U000effff"
)
_ESCAPABLE = r"~.\-!$&'()*+,;=/?#@"
_SIMPLE = re.compile(f"[{_PN}]+")
_LOCAL_OK = re.compile(f"(?:[{_PN}:]|%[0-9A-Fa-f]{{2}}|[{_ESCAPABLE}])+")
_ESC = re.compile(f"[{_ESCAPABLE}]")
#: IRI folders whose local names are minted hashes (always simple)
_HASH_FOLDERS = ("mention-stats/", "mention/", "evidence/", "observation/", "sentence/")


def _local(name: str) -> str | None:
    """``name`` as the local part of a prefixed name, or None when it cannot be one.

    >>> print(_local("中华人民共和国网络安全法"), _local("laws/a(1)"), _local("a b"))
    中华人民共和国网络安全法 laws\\/a\\(1\\) None
    """
    if _SIMPLE.fullmatch(name):
        return name
    if _LOCAL_OK.fullmatch(name):
        return _ESC.sub(r"\\\g<0>", name)
    return None


class _Turtle:
    def __init__(self, base: str) -> None:
        self.base = base
        self.prefixes = prefixes(base, folders=True)
        self._vocab = sorted(
            ((p, ns) for p, ns in self.prefixes.items() if not ns.startswith(base)),
            key=lambda x: -len(x[1]),
        )
        self._folders = {
            ns[len(base) :]: p
            for p, ns in self.prefixes.items()
            if ns.startswith(base) and ns != base
        }
        self._id = next((p for p, ns in self.prefixes.items() if ns == base), None)
        self._memo: dict[str, str] = {A: "a"}
        #: minted (hash) IRIs of the fragment being rendered: mostly used once, but a
        #: sentence's is used by its block, its document and every entity mentioned in it
        self._minted: dict[str, str] = {}

    def minted_prefixes(self) -> dict[str, str]:
        """Folder → ``"prefix:"`` for the folders of minted IRIs that this renderer writes
        as ``prefix:hash`` (checked on a hash: its digits never change the form).

        >>> _Turtle("http://kg.example.org/id/").minted_prefixes()["mention"]
        'mention:'
        """
        out = {}
        probe = "0123456789abcdefXYZ"  # hex (hashes) and base-62 (sentences) digits
        for folder in _HASH_FOLDERS:
            short = self._iri(iri_term(f"{self.base}{folder}{probe}"))
            if short.endswith(":" + probe) and not short.startswith("<"):
                out[folder[:-1]] = short[: -len(probe)]
        return out

    def header(self) -> str:
        return "".join(f"@prefix {p}: <{ns}> .\n" for p, ns in self.prefixes.items()) + "\n"

    def _iri(self, term: str) -> str:
        iri = term[1:-1]
        base = self.base
        if iri.startswith(base):
            rest = iri[len(base):]
            slash = rest.find("/")
            p = self._folders.get(rest[: slash + 1]) if slash > 0 else None
            if p is not None:
                local = _local(rest[slash + 1:]) if slash + 1 < len(rest) else None
                return f"{p}:{local}" if local is not None else term
            if self._id is not None and rest:
                local = _local(rest)
                return f"{self._id}:{local}" if local is not None else term
            return term
        for p, ns in self._vocab:
            if iri.startswith(ns) and len(iri) > len(ns):
                local = _local(iri[len(ns):])
                return f"{p}:{local}" if local is not None else term
        return term

    def term(self, term: str) -> str:
        if term[0] == '"':  # a literal: written as it is, but for typed ones
            if term[-1] != ">":
                return term
            c = self._memo.get(term)
            if c is None:  # a number, a date: many repeat (offsets, counts)
                c = self._memo[term] = self._typed(term)
            return c
        c = self._memo.get(term)
        if c is not None:
            return c
        if term[0] == "<":
            if term.startswith(_HASH_PREFIXES, len(self.base) + 1):
                c = self._minted.get(term)
                if c is None:
                    c = self._minted[term] = self._iri(term)
                return c
            c = self._memo[term] = self._iri(term)
            return c
        if term[-1] == ">":
            return self._typed(term)
        return term

    def _typed(self, term: str) -> str:
        """A typed literal (``"…"^^<datatype>``) in its short form, when it has one."""
        m = _INT_RE.match(term) or _DEC_RE.match(term)
        if m:
            return m.group(1)
        if term.endswith(_XSD_BOOL):
            return term[1 : -len(_XSD_BOOL)]
        q = term.rfind("^^<")
        if q > 0:
            return term[: q + 2] + self.term(term[q + 2 :])
        return term

    def render(self, blocks: list[Block] | Iterator[Block]) -> str:
        term = self.term
        memo = self._memo  # IRIs shortened once: predicates, entities, documents
        self._minted.clear()
        out: list[str] = []
        # Inlined cases of :meth:`term`: an IRI seen before, a plain or language-tagged
        # literal (most objects) and a name already short (minted) are written as they are.
        for s, po in blocks:
            out.append(
                ((memo.get(s) or term(s)) if s[0] == "<" else s if s[-1] != ">" else term(s))
                + " "
                + " ;\n    ".join(
                    [
                        (memo.get(p) or term(p))
                        + " "
                        + (
                            (memo.get(o) or term(o))
                            if o[0] == "<"
                            else o
                            if o[-1] != ">"
                            else term(o)
                        )
                        for p, o in po
                    ]
                )
                + " .\n"
            )
        return "".join(out)


_HASH_PREFIXES = _HASH_FOLDERS


def _render_nt(blocks: list[Block] | Iterator[Block]) -> str:
    return "".join(f"{s} {p} {o} .\n" for s, po in blocks for p, o in po)


# --------------------------------------------------------------------------- writing


ENTITY_CHUNK = 64


def _pack_fragment(text: bytes, rules: set[str]) -> bytes:
    head = [len(rules).to_bytes(4, "little")]
    for r in sorted(rules):
        b = r.encode("utf-8")
        head.append(len(b).to_bytes(2, "little") + b)
    return b"".join(head) + text


def _unpack_fragment(data: bytes | memoryview, rules: set[str]) -> bytes | memoryview:
    nrules = int.from_bytes(data[:4], "little")
    pos = 4
    for _ in range(nrules):
        ln = int.from_bytes(data[pos : pos + 2], "little")
        rules.add(bytes(data[pos + 2 : pos + 2 + ln]).decode("utf-8"))
        pos += 2 + ln
    return data[pos:]


class _Renderer:
    """Fragments of one format: renders a part (``E``: a chunk of entity rows, ``D``: a
    document input) to bytes and the extraction rules it uses."""

    def __init__(self, fmt: str, base: str) -> None:
        self.ttl = _Turtle(base) if fmt == "ttl" else None
        self.terms = _Terms(base, self.ttl.minted_prefixes() if self.ttl is not None else None)

    def text(self, blocks: list[Block] | Iterator[Block]) -> str:
        return self.ttl.render(blocks) if self.ttl is not None else _render_nt(blocks)

    def part(self, kind: bytes, inp: Any) -> tuple[bytes, set[str]]:
        rules: set[str] = set()
        if kind == b"E":
            text = self.text(_entity_blocks(inp, self.terms))
        else:
            text = self.text(_doc_blocks(inp, self.terms, rules))
        return text.encode("utf-8"), rules


def render_parts(
    fmt: str, base: str, parts: list[tuple[bytes, Any]]
) -> list[tuple[bytes, set[str]]]:
    """Render fragments (runs in a worker process for :func:`start_fast`). An input may
    come as its :func:`~kg.fingerprint.canonical` bytes: the build made them for the
    store key, and sending them as they are costs it no second pickling."""
    r = _Renderer(fmt, base)
    return [r.part(b"D" if kind == _SPLIT else kind, _input(kind, inp)) for kind, inp in parts]


#: The kind of a document part sent as ``(canonical bytes of its input but the last item,
#: the last item)``: its store key hashes the document's result key instead of that item
#: (the document's sentences, most of its bytes), see :func:`start_fast`.
_SPLIT = b"d"


def _sent(kind: bytes, inp: Any, blob: Any) -> tuple[bytes, Any]:
    """A part as sent to :func:`render_parts`: its input, or the bytes made for its key."""
    if blob is None:
        return kind, inp
    return (_SPLIT, blob) if type(blob) is tuple else (kind, blob)


def _input(kind: bytes, inp: Any) -> Any:
    if kind == _SPLIT:
        head, last = inp
        return (*pickle.loads(head), last)
    return pickle.loads(inp) if isinstance(inp, bytes) else inp


#: Fragments to render per task sent to a worker process.
RENDER_TASK_PARTS = 400


def start_fast(
    res: Any,
    path: str | os.PathLike[str],
    fmt: str = "ttl",
    *,
    base_iri: str = DEFAULT_BASE,
    store: Any = None,
    stats: dict[str, int] | None = None,
    executor: Any = None,
    memo: dict[Any, Any] | None = None,
    release: Callable[[Any], object] | None = None,
    doc_keys: Mapping[str, str] | None = None,
) -> Callable[[], Path]:
    """Start :func:`write_fast`; returns the function that finishes it.

    With ``executor`` (anything with ``submit``: the build's worker processes) the
    fragments missing from ``store`` are rendered there, while the caller does something
    else (the HTML view) until it calls the returned function. ``memo``: a dict a
    long-lived process (``kg build --watch``) keeps between builds of one format and base:
    a part whose input equals last build's reuses its key and bytes without hashing it
    (the inputs of unchanged documents are mostly the very same objects: cheap to compare).
    ``release(obj)``: takes what the memo no longer holds, to be freed later (freeing it
    here would cost the build ~0.02 s on a corpus). ``doc_keys``: document id → its
    result key (:attr:`kg.runtime.manifest.OutputsKey.doc_keys`): a document's fragment
    is then keyed by that key instead of the bytes of its sentences (the largest part of
    its input, a function of the key).
    """
    if fmt not in FORMATS:
        raise ValueError(f"fast export writes {', '.join(FORMATS)}, not {fmt!r}")
    base = base_iri or DEFAULT_BASE
    plan = _Plan(res, base)
    doc_keys = doc_keys or {}
    version = f"{module_version(*STATEMENT_MODULES)}|{fmt}|{base}".encode()
    counts = {"fragments_cached": 0, "fragments_built": 0, "document_fragments_cached": 0,
              "document_fragments_built": 0}
    # every part of the file, in order: (kind, input, store key, cached bytes or None,
    # its identity for ``memo``)
    parts: list[tuple[bytes, Any, str | None, Any, Any]] = []
    rows = _entity_rows(res)
    todo: list[int] = []
    if memo is not None and memo.get("version") != version:
        memo.clear()
        memo["version"] = version
    seen: dict[Any, tuple[Any, str | None, Any]] = {}

    blobs: dict[int, bytes] = {}  # part → its canonical bytes, sent to a worker as they are

    def add(kind: bytes, inp: Any, ident: Any, result_key: str | None = None) -> None:
        key = data = blob = None
        last = memo.get(ident) if memo is not None else None
        if last is not None and last[0] == inp:
            key, data = last[1], last[2]
            if store is not None and key is not None:
                store.touch(key)
        elif store is not None:
            if result_key is not None:
                # The input's last item (the document's sentences, res.sentences[doc]: the
                # extraction result's own, a function of its result key) is hashed by
                # that key; the rest as it is.
                head = _canonical(inp[:-1])
                h = hashlib.blake2b(version + _SPLIT + head, digest_size=20)
                h.update(b"|" + result_key.encode())
                key = h.hexdigest()
                blob = (head, inp[-1])
            else:
                blob = _canonical(inp)
                key = hashlib.blake2b(version + kind + blob, digest_size=20).hexdigest()
            data = store.get(key)
        if data is None:
            if blob is not None:
                blobs[len(parts)] = blob
            todo.append(len(parts))
        elif memo is not None:
            seen[ident] = (inp, key, data)
        parts.append((kind, inp, key, data, ident))

    futures: list[tuple[list[int], Any]] = []

    def submit() -> None:  # the parts to render so far, to the workers
        nonlocal todo
        sent = [_sent(parts[j][0], parts[j][1], blobs.pop(j, None)) for j in todo]
        futures.append((todo, executor.submit(render_parts, fmt, base, sent)))
        todo = []

    # Each full task is sent as soon as its parts are known: the workers render while
    # the rest is planned (the chunks are those of one split of the whole list).
    for i in range(0, len(rows), ENTITY_CHUNK):
        add(b"E", rows[i : i + ENTITY_CHUNK], ("E", i))
        if executor is not None and len(todo) == RENDER_TASK_PARTS:
            submit()
    for doc_id in res.documents:
        add(b"D", plan.doc_input(doc_id), ("D", doc_id), doc_keys.get(doc_id))
        if executor is not None and len(todo) == RENDER_TASK_PARTS:
            submit()
    if todo and (futures or (executor is not None and len(todo) > RENDER_TASK_PARTS // 4)):
        submit()
    blobs.clear()

    def finish() -> Path:
        rendered: dict[int, tuple[bytes, set[str]]] = {}
        renderer = _Renderer(fmt, base)
        for j in todo:
            rendered[j] = renderer.part(parts[j][0], parts[j][1])
        # the workers' tasks in part order: a task's fragments are written while the
        # workers render the next ones (the tail left after the last one is short)
        tasks = iter(futures)

        def fragment(j: int) -> tuple[bytes, set[str]]:
            while j not in rendered:
                chunk, fut = next(tasks)
                rendered.update(zip(chunk, fut.result(), strict=True))
            return rendered.pop(j)
        rules: set[str] = set()
        out = Path(path)
        with atomic_write(out, "wb") as f:
            if renderer.ttl is not None:
                f.write(renderer.ttl.header().encode("utf-8"))
            for j, (kind, inp, key, data, ident) in enumerate(parts):
                if data is not None:
                    counts["fragments_cached"] += 1
                    if kind == b"D":
                        counts["document_fragments_cached"] += 1
                    f.write(_unpack_fragment(memoryview(data), rules))
                    continue
                text, frag_rules = fragment(j)
                counts["fragments_built"] += 1
                if kind == b"D":
                    counts["document_fragments_built"] += 1
                rules |= frag_rules
                f.write(text)
                packed = None
                if key is not None:
                    packed = _pack_fragment(text, frag_rules)
                    store.put(key, packed)
                if memo is not None:
                    seen[ident] = (inp, key, packed or _pack_fragment(text, frag_rules))
            f.write(renderer.text(_footer_blocks(plan, renderer.terms, rules)).encode("utf-8"))
        if stats is not None:
            for k, v in counts.items():
                stats[k] = stats.get(k, 0) + v
        if memo is not None:  # what this build used, for the next one
            if release is not None:  # last build's inputs: freed when the caller says
                release(dict(memo))
            memo.clear()
            memo["version"] = version
            memo.update(seen)
        return out

    return finish


def write_fast(
    res: Any,
    path: str | os.PathLike[str],
    fmt: str = "ttl",
    *,
    base_iri: str = DEFAULT_BASE,
    store: Any = None,
    stats: dict[str, int] | None = None,
    executor: Any = None,
) -> Path:
    """Write the RDF of a :class:`~kg.resolve.Resolution` as Turtle (``ttl``) or N-Triples
    (``nt``); the triples are those of ``kg.export.rdf`` on ``build_graph(res)``.

    ``store`` (a :class:`~kg.runtime.store.PackStore`) caches the document fragments (and the
    entity blocks, by chunks of :data:`ENTITY_CHUNK`); ``stats`` receives
    ``fragments_cached`` and ``fragments_built``; ``executor`` renders missing fragments
    in other processes.
    """
    return start_fast(res, path, fmt, base_iri=base_iri, store=store, stats=stats,
                      executor=executor)()
