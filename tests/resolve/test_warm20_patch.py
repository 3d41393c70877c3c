"""The resolver patched from last build's entities (``patch_memo``, ``kg build --watch``)
gives the very resolution a fold of every result gives: the same entities in the same
order, each with its documents, spans and examples in the same order, the same merges,
relations and document links, after any sequence of changed, added and removed
documents (random sequences over a small pool of keys; some names the gazetteer knows,
some short forms a document defines, one name with two types)."""

from __future__ import annotations

import random
from typing import Any

from kg.model import DOCUMENT_ISSUE_RULES, DocResult, EntityInfo, Relation
from kg.resolve import merge
from kg.resolve.merge import Resolver

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


def _result(rng: random.Random, doc_id: str, version: int) -> DocResult:
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


def _shape(res: Any) -> Any:
    """Everything of a resolution, orders included (dict equality ignores them)."""
    ents = [
        (k, e.type, e.label, sorted(e.aliases), list(e.docs.items()), list(e.spans.items()),
         e.examples, e.wikidata, e.iso, e.en, e.category)
        for k, e in res.entities.items()
    ]  # fmt: skip
    docs = [(d, list(m.items())) for d, m in res.documents.items()]
    rels = [(d, r.to_dict()) for d, r in res.relations]
    return ents, list(res.redirect.items()), rels, docs, res.merge_log, res.sentences


def _scratch(results: list[DocResult]) -> Any:
    r = Resolver()
    for x in results:
        r.add(x)
    return _shape(r.finish())


def test_patched_resolution_equals_a_fold_of_every_result(monkeypatch) -> None:
    monkeypatch.setattr(merge, "PATCH_MIN_DOCS", 2)
    patched = []
    real = Resolver._patch

    def counted(self, *args):
        done = real(self, *args)
        patched.append(done)
        return done

    monkeypatch.setattr(Resolver, "_patch", counted)
    rng = random.Random(20)
    for _ in range(30):
        memo: dict = {}
        spans: dict = {}
        examples: dict = {}
        docs = {f"d{i:02d}": _result(rng, f"d{i:02d}", 0) for i in range(12)}
        version = 0
        for _step in range(8):
            version += 1
            for _change in range(rng.randint(1, 3)):
                what = rng.random()
                ids = sorted(docs)
                if what < 0.5 and ids:
                    d = rng.choice(ids)
                    docs[d] = _result(rng, d, version)
                elif what < 0.75:
                    d = f"d{rng.randint(0, 30):02d}"
                    docs[d] = _result(rng, d, version)
                elif len(ids) > 1:
                    del docs[rng.choice(ids)]
            results = [docs[d] for d in sorted(docs)]
            r = Resolver(spans_memo=spans, examples_memo=examples, patch_memo=memo)
            for x in results:
                r.add(x)
            assert _shape(r.finish()) == _scratch(results)
    assert patched.count(True) > 100  # most steps were patched, not folded again
    assert False in patched  # and some changed too many documents
