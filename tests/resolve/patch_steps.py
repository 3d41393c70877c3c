"""Random sequences of changed, added and removed documents, each step's resolution
patched from last build's entity table by :class:`~kg.resolve.merge.Resolver` through
either caller (a build in a new process: the table read back from its bytes, the
unchanged results :data:`~kg.resolve.stored.UNREAD`, the labels warmed up on every
other step; ``--watch``: the table and the results kept in memory) and compared with a
fold of every result: the same entities in the same order, each with its documents,
spans, aliases and examples, the same merges, relations and document links; the table
it leaves is the one a fold leaves; every entity no changed document mentions is the
last table's very object; and last step's resolution is never changed in place (a small
pool of keys: some names the gazetteer knows, a short form a document defines, one name
with two types).

>>> import random
>>> r = result(random.Random(1), "d01", 0)
>>> r.doc_id, all(k in dict((k, t) for k, t, _ in POOL) for k in r.entities)
('d01', True)
"""

from __future__ import annotations

import random
from typing import Any

from kg.model import DOCUMENT_ISSUE_RULES, DocResult, EntityInfo, Relation
from kg.resolve import merge
from kg.resolve.merge import Resolver
from kg.resolve.stored import UNREAD, table_bytes, table_from

# keys of our own: bodies, a law and its short form, one name as two types
POOL = [
    ("gov/甲市人民政府", "GovernmentBody", "甲市人民政府"),
    ("gov/甲市水务局", "GovernmentBody", "甲市水务局"),
    ("org/乙协会", "Organization", "乙协会"),
    ("law/中华人民共和国乙法", "Law", "中华人民共和国乙法"),
    ("law/乙法", "Law", "乙法"),
    ("program/丙行动", "Program", "丙行动"),
    ("event/丙行动", "Event", "丙行动"),
    ("gov/国务院", "GovernmentBody", "国务院"),
    ("loc/丁县", "Location", "丁县"),
    ("person/张某", "Person", "张某"),
]


def result(rng: random.Random, doc_id: str, version: int) -> DocResult:
    """A random result of ``doc_id`` over :data:`POOL`."""
    picked = rng.sample(POOL, rng.randint(0, 6))
    entities = {}
    for key, type_, label in picked:
        n = rng.randint(1, 3)
        spans = sorted({(s, s + 2, s - s % 10, s - s % 10 + 9) for s in rng.sample(range(90), n)})
        examples = [(ss, se, f"{doc_id}.{version}:{ss}") for _, _, ss, se in spans[:2]]
        aliases = rng.sample(["别名一", "别名二", label, f"{label}（简称）"], rng.randint(0, 2))
        entities[key] = EntityInfo(key, type_, label, aliases, n, examples, spans)
    keys = list(entities)
    relations = []
    if len(keys) >= 2:
        rule = rng.choice([*sorted(DOCUMENT_ISSUE_RULES), "r1"])
        relations.append(Relation(keys[0], "issued", keys[1], 0, 9, "x", rule, 0.9))
    definitions = {"乙法": "law/中华人民共和国乙法"} if rng.random() < 0.3 else {}
    meta = {"title": f"{doc_id} v{version}", "issuer": "国务院" if rng.random() < 0.3 else ""}
    return DocResult(doc_id, meta, 100 + version, entities=entities, relations=relations,
                     definitions=definitions)  # fmt: skip


def shape(res: Any) -> Any:
    """Everything of a resolution, orders included (dict equality ignores them)."""
    ents = [
        (k, e.type, e.label, sorted(e.aliases), list(e.docs.items()), list(e.spans.items()),
         list(e.examples), e.wikidata, e.iso, e.en, e.category)
        for k, e in res.entities.items()
    ]  # fmt: skip
    docs = [(d, list(m.items())) for d, m in res.documents.items()]
    rels = [(d, r.to_dict()) for d, r in res.relations]
    return ents, list(res.redirect.items()), rels, docs, res.merge_log, res.sentences


def scratch(results: list[DocResult]) -> Any:
    """:func:`shape` of a fold of every result."""
    r = Resolver()
    for x in results:
        r.add(x)
    return shape(r.finish())


def unread(r: DocResult) -> DocResult:
    """``r`` as a build in a new process decodes it when the table holds its key."""
    return DocResult(r.doc_id, r.meta, r.chars, entities=UNREAD, relations=r.relations,
                     observations=r.observations, definitions=r.definitions,
                     sentences=r.sentences)  # fmt: skip


def table_shape(entities: dict[str, Any]) -> Any:
    """The entities of a table, orders included."""
    return [(k, e.type, e.label, sorted(e.aliases), list(e.docs.items()), list(e.spans.items()),
             e.examples, e.wikidata) for k, e in entities.items()]  # fmt: skip


def patch_steps(
    seed: int, runs: int, monkeypatch: Any, *, watch: bool, tamper: Any = None
) -> list[bool]:
    """``runs`` sequences of 8 steps (see the module docstring); whether each step's
    :meth:`~kg.resolve.merge.Resolver.finish` patched last step's table (its
    :attr:`~kg.resolve.merge.Resolver.patched`; steps without a table are not counted).
    ``tamper(table)``: called on last step's table before it is given to the resolver (a
    fault the comparisons must catch)."""
    monkeypatch.setattr(merge, "PATCH_MIN_DOCS", 2)
    patched: list[bool] = []
    rng = random.Random(seed)
    for _ in range(runs):
        store: dict[str, DocResult] = {}  # key → result (the result store)
        memos: dict[str, dict[Any, Any]] = {"spans": {}, "examples": {}, "labels": {}}
        docs = {f"d{i:02d}": (f"d{i:02d}@0", result(rng, f"d{i:02d}", 0)) for i in range(12)}
        table: Any = None
        old: dict[str, DocResult] = {}  # last step's results by key (``--watch``'s)
        last: tuple[Any, Any] | None = None  # last step's resolution and its shape
        before: dict[str, tuple[str, DocResult]] = {}
        for version in range(1, 9):
            for key, x in docs.values():
                store[key] = x
            ids = sorted(docs)
            known = dict(table.ids) if table is not None else {}
            given = dict(table.entities) if table is not None else {}
            if tamper is not None and table is not None:
                tamper(table)
            if watch:
                r = Resolver(spans_memo=memos["spans"], examples_memo=memos["examples"],
                             labels_memo=memos["labels"], table=table, load=old.get,
                             keep_table=True)  # fmt: skip
                for d in ids:
                    r.add(docs[d][1], docs[d][0])
            else:
                r = Resolver(table=table, load=store.get, keep_table=True)
                for i, d in enumerate(ids):
                    if i == len(ids) // 2 and version % 2:
                        r.warm_labels()  # as the build does while it waits for a worker
                    key, x = docs[d]
                    r.add(unread(x) if known.get(d) == key else x, key)
            n = len(patched)
            res = r.finish()
            if r.patched is not None:
                patched.append(r.patched)
            assert shape(res) == scratch([docs[d][1] for d in ids])
            if last is not None:
                assert shape(last[0]) == last[1]  # last step's, never changed in place
            last = (res, shape(res))
            table = r.table()
            full = Resolver(keep_table=True)
            for d in ids:
                full.add(docs[d][1], docs[d][0])
            full.finish()
            want = full.table()
            assert (table.ids, table.counts, table.first) == (want.ids, want.counts, want.first)
            assert table_shape(table.entities) == table_shape(want.entities)
            if len(patched) > n and patched[-1]:
                touched: set[str] = set()
                for d in {*before, *docs}:
                    if before.get(d, (None,))[0] != docs.get(d, (None,))[0]:
                        for pair in (before.get(d), docs.get(d)):
                            if pair is not None:
                                touched.update(pair[1].entities)
                same = [k for k in table.entities if k not in touched]
                assert all(table.entities[k] is given[k] for k in same)
            before = dict(docs)
            old = {key: x for key, x in docs.values()}
            if not watch:
                table = table_from(table_bytes(table, "k"), "k")  # as the next process reads it
            for _change in range(rng.randint(1, 3)):
                what = rng.random()
                ids = sorted(docs)
                if what < 0.5 and ids:
                    d = rng.choice(ids)
                    docs[d] = (f"{d}@{version}", result(rng, d, version))
                elif what < 0.75:
                    d = f"d{rng.randint(0, 30):02d}"
                    docs[d] = (f"{d}@{version}", result(rng, d, version))
                elif len(ids) > 1:
                    del docs[rng.choice(ids)]
    return patched
