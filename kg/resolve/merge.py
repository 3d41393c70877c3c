"""Merge per-document results into one entity table: one node per real-world thing.

Within a document the NLP stage already resolved names (gazetteer ids, definitions
such as （以下简称《网络安全法》）, 中国X = X). Across documents:

- the same key is the same node (keys are gazetteer ids or canonical names);
- a short form a document defined (网络安全法 → 中华人民共和国网络安全法) resolves in
  every other document too, when every definition of it agrees; conflicting definitions
  are logged as ambiguous and nothing is merged;
- an open-class name that matches a gazetteer name resolves to the gazetteer entity;
- one name seen with two types (program/X and event/X) stays two nodes unless one type
  has at least three times the mentions of the other; then the minority merges into it.

Each document's metadata gains what the document says about itself: ``issued_by``, the
keys of its issuers, and ``instruments``, the keys of the Law/Program it is or issues
(the ``issued`` relations of :data:`kg.model.DOCUMENT_ISSUE_RULES`, merges applied); a
document whose head table names an issuer (``issuer``) that no such relation gives is
linked to that body when the gazetteer knows it and the document mentions it. Every
mention's offsets are kept (``Entity.spans``: document → ``"start-end@sentStart-sentEnd …"``),
and the text of every sentence a mention is in, once per document (``Resolution.sentences``).

Every merge and every refusal is written to the merge log (``merge_log``), for review.

>>> from kg.model import DocResult, EntityInfo
>>> full, short = "law/中华人民共和国网络安全法", "law/网络安全法"
>>> a = DocResult("a", {}, 10, entities={full: EntityInfo(full, "Law", full[4:], count=1)},
...               definitions={"网络安全法": full})
>>> b = DocResult("b", {}, 10, entities={short: EntityInfo(short, "Law", "网络安全法", count=2)})
>>> r = Resolver(); r.add(a); r.add(b); res = r.finish()
>>> res.redirect["law/网络安全法"]
'law/中华人民共和国网络安全法'
>>> res.entities["law/中华人民共和国网络安全法"].docs
{'a': 1, 'b': 2}
"""

from __future__ import annotations

import bisect
import re
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Any

from kg.errors import Errors, KGError
from kg.model import DOCUMENT_ISSUE_RULES, TYPE_FOLDER, DocResult, Relation
from kg.nlp.gazetteer import Gazetteer, load_gazetteer
from kg.nlp.text import norm_name
from kg.resolve.stored import UNREAD, Table

MAX_EXAMPLES = 5


@dataclass
class Entity:
    """One node: merged over every document that mentions it."""

    key: str
    type: str
    label: str
    aliases: set[str] = field(default_factory=set)
    docs: dict[str, int] = field(default_factory=dict)
    examples: list[dict[str, Any]] = field(default_factory=list)
    wikidata: str | None = None
    iso: str | None = None
    en: str | None = None
    category: str | None = None
    #: document → every mention there, as ``"start-end@sentStart-sentEnd …"`` (compact:
    #: one string per document, see :func:`spans_text`)
    spans: dict[str, str] = field(default_factory=dict)

    @property
    def mentions(self) -> int:
        return sum(self.docs.values())


@dataclass
class Resolution:
    """The merged entity table, the key redirects applied, and the merge log."""

    entities: dict[str, Entity]
    redirect: dict[str, str]
    relations: list[tuple[str, Relation]]
    observations: list[tuple[str, Any]]
    documents: dict[str, dict[str, Any]]
    merge_log: list[dict[str, str]]
    #: document → sentence start → text: every sentence an entity's mention is in
    sentences: dict[str, dict[int, str]] = field(default_factory=dict)


class Resolver:
    """Incremental merger: ``add`` each DocResult (streamed), then ``finish``."""

    def __init__(
        self,
        gazetteer: Gazetteer | None = None,
        *,
        spans_memo: dict[int, Any] | None = None,
        aliases_memo: dict[str, Any] | None = None,
        examples_memo: dict[int, Any] | None = None,
        labels_memo: dict[str, Any] | None = None,
        table: Table | None = None,
        load: Callable[[str], DocResult | None] | None = None,
        keep_table: bool = False,
    ) -> None:
        """``spans_memo``: a dict a long-lived process (``kg build --watch``) keeps between
        builds: the :func:`spans_text` of a result's spans list made last build is taken
        again when the very same list comes back (decoded results are kept there).
        ``aliases_memo``: another one, for the normalised aliases of gazetteer entries
        (thousands of entities are made again by every build); ``examples_memo``: one
        for the example dicts made from a result's examples list, taken again (the very
        same dicts: what the outputs make of an entity's examples can then be kept
        between builds by identity) when the same list comes back for the same document.
        ``labels_memo``: one for each label's ``norm_name`` and the gazetteer's entry for
        it (emptied when the gazetteer is another object).
        ``keep_table``: keep what :meth:`table` gives (this build's entities as a
        :class:`~kg.resolve.stored.Table`: the next build patches it, in a new process
        read back from the cache folder, in ``--watch`` kept in memory); ``table``: such
        a table, patched by :meth:`finish` with the results of the documents whose key
        is not the table's (the others may come with their entities :data:`UNREAD`);
        ``load``: a result by its key (the results ``table`` needs: a changed document's
        old one, an unchanged one whose mentions a patch folds again when it came
        :data:`UNREAD`, every such one when it does not patch).
        """
        self.gaz = gazetteer or load_gazetteer()
        self._spans_memo = spans_memo
        self._aliases_memo = aliases_memo
        self._examples_memo = examples_memo
        self._spans_now: dict[int, tuple[Any, str]] | None = {} if spans_memo is not None else None
        self._examples_now: dict[int, Any] | None = {} if examples_memo is not None else None
        self.entities: dict[str, Entity] = {}
        self.definitions: dict[str, set[str]] = defaultdict(set)
        self.relations: list[tuple[str, Relation]] = []
        self.observations: list[tuple[str, Any]] = []
        self.documents: dict[str, dict[str, Any]] = {}
        self.sentences: dict[str, dict[int, str]] = {}
        #: label → its norm_name and the gazetteer's entry for it (``labels_memo``'s)
        self._names: dict[str, str] = {}
        self._found: dict[str, Any] = {}
        if labels_memo is not None:
            if labels_memo.get("gazetteer") is not self.gaz:
                labels_memo.clear()
                labels_memo.update(gazetteer=self.gaz, names={}, found={})
            self._names, self._found = labels_memo["names"], labels_memo["found"]
        self._table = table
        self._load = load
        self._keep = keep_table or table is not None
        #: (result, key) of each document, kept by ``add`` to patch ``table`` with
        self._keyed: list[tuple[DocResult, str | None]] | None = [] if table is not None else None
        #: whether :meth:`finish` patched ``table`` (False: it folded every result again;
        #: None: no table was given, or not finished yet)
        self.patched: bool | None = None
        self._ids: list[tuple[str, str | None]] = []
        self._counts: dict[str, dict[str, int]] = {}
        self._first: dict[str, int] = {}
        self._before: dict[str, Entity] | None = None  # the entities before the merges

    def add(self, r: DocResult, key: str | None = None) -> None:
        """Fold one document's result in (memory grows with the graph, not the text).
        With ``table`` the results are kept and folded by :meth:`finish`. ``key``: the
        result's key (its store's), for ``keep_table`` and ``table``."""
        if self._keyed is not None:
            self._keyed.append((r, key))
            return
        self._add_document(r)
        if self._keep:
            self._ids.append((r.doc_id, key))
            self._fold_keeping(r)
            return
        entities = self.entities
        for key, info in r.entities.items():
            e = entities.get(key)
            if e is None:
                e = entities[key] = self._new_entity(key, info.type, info.label)
            self._fold(e, r.doc_id, info)

    def _fold_keeping(self, r: DocResult) -> None:
        """``add``'s fold, also counting the documents that give each alias and noting
        each entity's place among its first document's (``keep_table``)."""
        entities, counts = self.entities, self._counts
        for i, (key, info) in enumerate(r.entities.items()):
            e = entities.get(key)
            if e is None:
                e = entities[key] = self._new_entity(key, info.type, info.label)
                self._first[key] = i
                counts[key] = {}
            self._fold(e, r.doc_id, info)
            if info.aliases:
                c = counts[key]
                for a in set(info.aliases):
                    c[a] = c.get(a, 0) + 1

    def _add_document(self, r: DocResult) -> None:
        """What one result adds besides its entities."""
        self.documents[r.doc_id] = {**r.meta, "chars": r.chars}
        if r.sentences:
            self.sentences[r.doc_id] = r.sentences
        for short, key in r.definitions.items():
            self.definitions[short].add(key)
        self.relations.extend((r.doc_id, rel) for rel in r.relations)
        self.observations.extend((r.doc_id, o) for o in r.observations)

    def _fold(self, e: Entity, doc_id: str, info: Any) -> None:
        """One document's mentions of ``e`` (an ``EntityInfo``) folded into it."""
        e.aliases.update(info.aliases)
        e.docs[doc_id] = e.docs.get(doc_id, 0) + info.count
        if info.spans:
            old = e.spans.get(doc_id)
            now = self._spans_now
            if old is None and now is not None:
                sp = info.spans
                hit = self._spans_memo.get(id(sp))  # type: ignore[union-attr]
                # (the entry holds the list: its id is not reused while it is there)
                text = hit[1] if hit is not None and hit[0] is sp else spans_text(sp)
                now[id(sp)] = (sp, text)
                e.spans[doc_id] = text
            else:
                e.spans[doc_id] = spans_text(info.spans, old)
        if self._examples_now is None:
            for s, t, sentence in info.examples:
                if len(e.examples) < MAX_EXAMPLES:
                    e.examples.append({"doc": doc_id, "start": s, "end": t, "sentence": sentence})
        elif info.examples and len(e.examples) < MAX_EXAMPLES:
            made = self._example_dicts(doc_id, info.examples)
            e.examples += made[: MAX_EXAMPLES - len(e.examples)]

    def _example_dicts(self, doc_id: str, examples: Any) -> list[dict[str, Any]]:
        """The example dicts of one result's examples list (with ``examples_memo``: the
        same dicts as last build when the same list comes back for the same document)."""
        hit = self._examples_memo.get(id(examples))  # type: ignore[union-attr]
        # (the entry holds the list: its id is not reused while it is there)
        if hit is None or hit[0] is not examples or hit[1] != doc_id:
            dicts = [{"doc": doc_id, "start": s, "end": t, "sentence": sentence}
                     for s, t, sentence in examples]  # fmt: skip
            hit = (examples, doc_id, dicts)
        self._examples_now[id(examples)] = hit  # type: ignore[index]
        return hit[2]

    def _new_entity(self, key: str, type_: str, label: str) -> Entity:
        """A node; one the gazetteer knows carries its name, aliases and links."""
        e = Entity(key, type_, label)
        g = self.gaz.entries.get(key)
        if g is not None:
            e.label, e.type = g.name, g.type
            memo = self._aliases_memo
            hit = memo.get(key) if memo is not None else None
            if hit is None or hit[0] is not g:
                hit = (g, tuple(norm_name(a) for a in g.aliases))
                if memo is not None:
                    memo[key] = hit
            e.aliases.update(hit[1])
            e.wikidata, e.iso, e.en, e.category = g.wikidata, g.iso, g.en, g.category
        return e

    def _plan_redirects(self, log: list[dict[str, str]]) -> dict[str, str]:
        redirect: dict[str, str] = {}
        by_name: dict[str, list[str]] = defaultdict(list)
        for key, e in self.entities.items():
            by_name[self._norm(e.label)].append(key)
        # 1. document-defined short forms
        for short, targets in self.definitions.items():
            if len(targets) > 1:
                log.append(
                    {
                        "action": "refuse",
                        "key": short,
                        "into": " | ".join(sorted(targets)),
                        "reason": "defined differently by different documents",
                    }
                )
                continue
            target = next(iter(targets))
            ht = self.gaz.head_type(short)
            if ht is not None and ht[0] == short:
                continue  # 《条例》, 《规划》: a document's own shorthand, never a name elsewhere
            for key in by_name.get(short, []):
                if key != target and key not in self.gaz.entries and target in self.entities:
                    redirect[key] = target
                    log.append(
                        {
                            "action": "merge",
                            "key": key,
                            "into": target,
                            "reason": f"definition of {short}",
                        }
                    )
        # 2. open-class names the gazetteer knows
        for key, e in self.entities.items():
            if key in self.gaz.entries or key in redirect:
                continue
            g = self._lookup(e.label)
            if g is not None and g.id != key and TYPE_FOLDER.get(g.type) == key.split("/", 1)[0]:
                redirect[key] = g.id
                log.append(
                    {"action": "merge", "key": key, "into": g.id, "reason": "gazetteer name"}
                )
        # 3. one name, two types
        for keys in by_name.values():
            keys = [k for k in keys if k not in redirect and k not in self.gaz.entries]
            if len(keys) < 2:
                continue
            keys.sort(key=lambda k: self.entities[k].mentions, reverse=True)
            top = keys[0]
            for k in keys[1:]:
                if self.entities[top].mentions >= 3 * self.entities[k].mentions:
                    redirect[k] = top
                    log.append(
                        {
                            "action": "merge",
                            "key": k,
                            "into": top,
                            "reason": "same name, minority type",
                        }
                    )
                else:
                    log.append(
                        {
                            "action": "refuse",
                            "key": k,
                            "into": top,
                            "reason": "same name, types disagree",
                        }
                    )
        # follow chains
        for k in list(redirect):
            seen = {k}
            t = redirect[k]
            while t in redirect and t not in seen:
                seen.add(t)
                t = redirect[t]
            redirect[k] = t
        return redirect

    def finish(self) -> Resolution:
        """Apply the merges and return the resolution.

        With ``keep_table`` the entities before the merges (each a fold of its documents'
        mentions in document order) are kept for the next build, which takes those no
        changed, added or removed document mentions as they are (the very objects) and
        folds the others again from every document that mentions them
        (:meth:`_patch_table`): the same table as a fold of every result. The merges below
        then change copies, never the kept entities."""
        self.patched = self._merge_table() if self._keyed is not None else None
        patched = bool(self.patched)
        if self._keep:
            self._before = self.entities
        if self._spans_memo is not None and self._spans_now is not None:
            if not patched:
                self._spans_memo.clear()  # this build's lists only
            self._spans_memo.update(self._spans_now)
            self._spans_now = None
        if self._examples_memo is not None and self._examples_now is not None:
            if not patched:
                self._examples_memo.clear()
            self._examples_memo.update(self._examples_now)
            self._examples_now = None
        kept = self._keep
        if kept:  # the entities kept for the next build stay as they are
            self.entities = dict(self.entities)
        log: list[dict[str, str]] = []
        redirect = self._plan_redirects(log)
        for src, dst in redirect.items():
            a = self.entities.pop(src)
            b = self.entities.get(dst)
            if b is None:
                b = self.entities[dst] = self._new_entity(dst, a.type, a.label)
            elif kept:
                b = self.entities[dst] = _copy(b)
            b.aliases.add(norm_name(a.label))
            b.aliases.update(a.aliases)
            for d, c in a.docs.items():
                b.docs[d] = b.docs.get(d, 0) + c
            for d, sp in a.spans.items():
                b.spans[d] = spans_text(parse_spans(sp), b.spans.get(d))
            b.examples.extend(a.examples[: max(0, MAX_EXAMPLES - len(b.examples))])
        entities = self.entities
        for key, e in entities.items():
            name = self._norm(e.label)
            if kept:
                if name not in e.aliases and e.label not in e.aliases:
                    continue
                e = entities[key] = _copy(e)
            e.aliases.discard(name)
            e.aliases.discard(e.label)
        rels = []
        for doc_id, r in self.relations:
            s, o = redirect.get(r.subj, r.subj), redirect.get(r.obj, r.obj)
            if s == o or s not in self.entities or o not in self.entities:
                continue
            if s != r.subj or o != r.obj:
                r = Relation(**{**r.to_dict(), "subj": s, "obj": o})
            rels.append((doc_id, r))
        obs = []
        for doc_id, o in self.observations:
            if o.subject is not None and o.subject in redirect:
                o = type(o)(**{**o.to_dict(), "subject": redirect[o.subject]})
            obs.append((doc_id, o))
        self._document_links(rels)
        return Resolution(
            self.entities, redirect, rels, obs, self.documents, log, self.sentences
        )

    def table(self) -> Table | None:
        """The entities before the merges of the last :meth:`finish`, as a table the next
        build in a new process can patch (``keep_table``; None without, or when a
        document id or key is missing or repeats)."""
        ids = self._ids
        if self._before is None or len({d for d, _ in ids}) != len(ids):
            return None
        if any(k is None for _, k in ids):
            return None
        return Table(list(ids), self._before, self._counts, self._first)  # type: ignore[arg-type]

    def _merge_table(self) -> bool:
        """Merge the results ``add`` kept (``table``): the table patched when few
        documents changed (True), else every result folded (each decoded whole)."""
        keyed, self._keyed = self._keyed, None
        assert keyed is not None and self._table is not None
        table, self._table = self._table, None
        for r, _ in keyed:
            self._add_document(r)
        self._ids = [(r.doc_id, k) for r, k in keyed]
        try:
            if self._patch_table(table, keyed):
                return True
        except (_NoPatch, KeyError, ValueError):  # (a result at odds with the table)
            pass
        self.entities, self._counts, self._first = {}, {}, {}
        for r, key in keyed:
            if r.entities is UNREAD:
                whole = self._whole(key)
                whole.doc_id = r.doc_id
                r = whole
            self._fold_keeping(r)
        return False

    def _whole(self, key: str | None) -> DocResult:
        """A result decoded with its entities (its document's came :data:`UNREAD`)."""
        r = self._load(key) if self._load is not None and key is not None else None
        if r is None:
            raise KGError(Errors.E102, path=key, reason="its stored result is unreadable")
        return r

    def _patch_table(self, table: Table, keyed: list[tuple[DocResult, str | None]]) -> bool:
        """Last build's table with the entities of the changed documents (a key not the
        table's: the same key is the same result) folded again into ``self.entities``, in
        first-mention order: every other entity is the table's very object. False when
        too many documents changed, the unchanged ones changed order or an id repeats
        (:class:`_NoPatch`: a result it needs could not be read). The table's dicts are
        changed: it is this build's then."""
        by_id = {r.doc_id: r for r, _ in keyed}
        keys = {r.doc_id: k for r, k in keyed}
        if len(by_id) != len(keyed):
            return False
        old_keys = dict(table.ids)
        changed = {d for d, k in keys.items() if k is None or old_keys.get(d) != k}
        changed.update(d for d in old_keys if d not in by_id)
        if len(changed) > max(PATCH_MIN_DOCS, PATCH_SHARE * len(by_id)):
            return False
        if [d for d in old_keys if d not in changed] != [d for d in by_id if d not in changed]:
            return False
        old_by: dict[str, DocResult] = {}
        for d in changed:
            if d in old_keys:
                o = self._load(old_keys[d]) if self._load is not None else None
                if o is None:
                    return False
                old_by[d] = o
        pos = {d: i for i, d in enumerate(by_id)}
        whole: dict[str, DocResult] = {}

        def info_of(d: str, key: str) -> Any:  # a document's mentions of ``key`` now
            r = by_id[d]
            if r.entities is UNREAD:
                r = whole.get(d)
                if r is None:
                    r = whole[d] = self._load(keys[d]) if self._load is not None else None
                    if r is None:
                        raise _NoPatch
            return r.entities[key]

        def place(d: str, key: str) -> int:  # ``key``'s place among ``d``'s entities now
            r = by_id[d] if by_id[d].entities is not UNREAD else whole[d]
            return list(r.entities).index(key)

        affected: dict[str, None] = {}
        for d in changed:
            for r in (old_by.get(d), by_id.get(d)):
                if r is not None:
                    affected.update(dict.fromkeys(r.entities))
            self._forget(old_by.get(d), by_id.get(d))
        entities, counts, first = table.entities, table.counts, table.first
        kept = len(entities) - sum(1 for k in affected if k in entities)
        for key in affected:
            old = entities.pop(key, None)
            c = dict(counts.pop(key, None) or {})
            was_at = first.pop(key, None)
            for o in old_by.values():
                info = o.entities.get(key)
                if info is not None:
                    for a in set(info.aliases):
                        c[a] = c.get(a, 0) - 1
            old_docs = list(old.docs) if old is not None else []
            docs = [d for d in old_docs if d not in changed]
            docs += [d for d in changed if d in by_id and key in by_id[d].entities]
            if not docs:
                continue  # no document mentions it any more
            docs.sort(key=pos.__getitem__)
            d0 = docs[0]
            if old is not None and was_at is not None and old_docs[0] == d0 and d0 not in changed:
                e, at = self._new_entity(key, old.type, old.label), was_at
            else:
                info0 = info_of(d0, key)
                e, at = self._new_entity(key, info0.type, info0.label), place(d0, key)
            for d in changed:
                info = by_id[d].entities.get(key) if d in by_id else None
                if info is not None:
                    for a in set(info.aliases):
                        c[a] = c.get(a, 0) + 1
            if any(n < 0 for n in c.values()):
                raise _NoPatch  # a table at odds with the results
            c = {a: n for a, n in c.items() if n > 0}
            e.aliases.update(c)
            for d in docs:
                if d in changed:
                    info = by_id[d].entities[key]
                    e.docs[d] = info.count
                    if info.spans:
                        e.spans[d] = spans_text(info.spans)
                else:
                    e.docs[d] = old.docs[d]  # type: ignore[union-attr]
                    if d in old.spans:  # type: ignore[union-attr]
                        e.spans[d] = old.spans[d]  # type: ignore[union-attr]
            # the examples of the documents before the first change are last build's
            n = 0
            while n < min(len(docs), len(old_docs)) and docs[n] == old_docs[n] not in changed:
                n += 1  # (unchanged documents keep their order: a common prefix)
            same = set(docs[:n])
            e.examples = [x for x in old.examples if x["doc"] in same] if old is not None else []
            for d in docs[n:]:
                if len(e.examples) >= MAX_EXAMPLES:
                    break
                ex = by_id[d].entities[key].examples if d in changed else info_of(d, key).examples
                for s, t, sentence in ex[: MAX_EXAMPLES - len(e.examples)]:
                    e.examples.append({"doc": d, "start": s, "end": t, "sentence": sentence})
            entities[key], counts[key], first[key] = e, c, at
        # the untouched entities are still in first-mention order (their documents kept
        # theirs), the re-folded ones after them: each goes in at its place
        def rank(k: str) -> tuple[int, int]:
            return pos[next(iter(entities[k].docs))], first[k]

        keys_now = list(entities)
        order, made = keys_now[:kept], sorted(keys_now[kept:], key=rank)
        out: list[str] = []
        lo = 0
        for key in made:
            at = bisect.bisect_left(order, rank(key), lo=lo, key=rank)
            out += order[lo:at]
            out.append(key)
            lo = at
        out += order[lo:]
        self.entities = {k: entities[k] for k in out}
        self._counts, self._first = counts, first
        return True

    def _forget(self, old: DocResult | None, new: DocResult | None) -> None:
        """Drop the memo entries of a replaced or removed result's lists (no later build
        meets them again)."""
        if old is None or old is new:
            return
        for memo, attr in ((self._spans_memo, "spans"), (self._examples_memo, "examples")):
            if memo is None:
                continue
            for info in old.entities.values():
                lst = getattr(info, attr)
                hit = memo.get(id(lst))
                if hit is not None and hit[0] is lst:
                    del memo[id(lst)]

    def warm_labels(self) -> None:
        """Normalise and look up now the labels of the ``table``'s entities, as
        :meth:`finish`'s merges do for every entity (each label once): work a build in a
        new process does while it waits for a worker, so that ``finish``, which runs
        once the changed documents' results are in, finds them done (the same results:
        both are functions of the label alone)."""
        if self._table is None:
            return
        entries = self.gaz.entries
        for key, e in self._table.entities.items():
            self._norm(e.label)
            if key not in entries:
                self._lookup(e.label)

    def _norm(self, label: str) -> str:
        """``norm_name(label)``, once per label while ``labels_memo`` keeps them."""
        n = self._names.get(label)
        if n is None:
            n = self._names[label] = norm_name(label)
        return n

    def _lookup(self, label: str) -> Any:
        """``self.gaz.lookup(label)``, once per label while ``labels_memo`` keeps them."""
        found = self._found
        if label in found:
            return found[label]
        g = found[label] = self.gaz.lookup(label)
        return g

    def _document_links(self, rels: list[tuple[str, Relation]]) -> None:
        """``issued_by`` and ``instruments`` of each document (see the module docstring)."""
        links: dict[str, tuple[dict[str, None], dict[str, None]]] = {}
        for doc_id, r in rels:
            if r.pred == "issued" and r.rule in DOCUMENT_ISSUE_RULES:
                by, inst = links.setdefault(doc_id, ({}, {}))
                by[r.subj] = None
                inst[r.obj] = None
        for doc_id, meta in self.documents.items():
            by, inst = links.get(doc_id, ({}, {}))
            if not by and meta.get("issuer"):
                for name in re.split(r"[\s、，,]+", str(meta["issuer"])):
                    g = self._lookup(name) if name else None
                    if g is not None and doc_id in self.entities.get(g.id, _NO_ENTITY).docs:
                        by[g.id] = None
            if by:
                meta["issued_by"] = list(by)
            if inst:
                meta["instruments"] = list(inst)


_NO_ENTITY = Entity("", "", "")


class _NoPatch(Exception):
    """A table patch met a result it could not read, or a table at odds with them."""

#: ``table``: the entities are patched when at most this many documents changed, or
#: this share of them (beyond it a fold of every result costs about as much).
PATCH_MIN_DOCS = 8
PATCH_SHARE = 0.05


def _copy(e: Entity) -> Entity:
    """A copy of ``e`` whose sets, dicts and lists can change without changing ``e``."""
    return replace(
        e, aliases=set(e.aliases), docs=dict(e.docs), examples=list(e.examples),
        spans=dict(e.spans),
    )  # fmt: skip


def spans_text(spans: list[tuple[int, int, int, int]], old: str | None = None) -> str:
    """Mention spans as one compact string, in text order (merged with ``old``).

    >>> spans_text([(5, 8, 0, 20), (30, 33, 21, 40)])
    '5-8@0-20 30-33@21-40'
    >>> spans_text([(1, 2, 0, 9)], "5-8@0-20")
    '1-2@0-9 5-8@0-20'
    """
    if old:
        spans = sorted({*map(tuple, spans), *parse_spans(old)})
    return " ".join(f"{s}-{e}@{ss}-{se}" for s, e, ss, se in spans)


def sentence_starts(text: str) -> list[int]:
    """The start offset of each sentence a :func:`spans_text` string names, once, in
    text order.

    >>> sentence_starts("5-8@0-20 9-12@0-20 30-33@21-40")
    [0, 21]
    """
    return [int(x) for x in dict.fromkeys(_SENT_START.findall(text))]


_SENT_START = re.compile(r"@(\d+)-")


def parse_spans(text: str) -> list[tuple[int, int, int, int]]:
    """The inverse of :func:`spans_text`.

    >>> parse_spans("5-8@0-20")
    [(5, 8, 0, 20)]
    """
    out = []
    for item in text.split():
        m, _, s = item.partition("@")
        a, _, b = m.partition("-")
        c, _, d = s.partition("-")
        out.append((int(a), int(b), int(c), int(d)))
    return out


def resolve(results: list[DocResult], gazetteer: Gazetteer | None = None) -> Resolution:
    """Merge a list of results (see :class:`Resolver` for streaming)."""
    r = Resolver(gazetteer)
    for x in results:
        r.add(x)
    return r.finish()
