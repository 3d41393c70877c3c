"""Last build's entity table, written and read back, patched by the changed documents
in a new resolver (``Resolver(table=...)``, a rebuild in a new process) gives the very
resolution a fold of every result gives, after any sequence of changed, added and
removed documents: the same entities in the same order, each with its documents, spans,
aliases and examples, the same merges and relations (random sequences over a small pool
of keys, as ``test_warm20_patch``'s); and the table it leaves is the one a fold leaves."""

from __future__ import annotations

import random
from typing import Any

import pytest

from kg.model import DocResult
from kg.resolve import merge
from kg.resolve.merge import Resolver
from kg.resolve.stored import UNREAD, table_bytes, table_from
from tests.resolve.test_warm20_patch import _result, _scratch, _shape


def _round_trip(table: Any) -> Any:
    """The table as the next process reads it (its bytes and back)."""
    return table_from(table_bytes(table, "k"), "k")


def _unread(r: DocResult) -> DocResult:
    return DocResult(r.doc_id, r.meta, r.chars, entities=UNREAD, relations=r.relations,
                     observations=r.observations, definitions=r.definitions,
                     sentences=r.sentences)  # fmt: skip


def _steps(seed: int, runs: int, monkeypatch) -> list[bool]:
    monkeypatch.setattr(merge, "PATCH_MIN_DOCS", 2)
    patched: list[bool] = []
    real = Resolver._patch_table

    def counted(self, *args):
        done = real(self, *args)
        patched.append(done)
        return done

    monkeypatch.setattr(Resolver, "_patch_table", counted)
    rng = random.Random(seed)
    for _ in range(runs):
        store: dict[str, DocResult] = {}  # key → result (the result store)
        version = 0
        docs = {}
        for i in range(12):
            d = f"d{i:02d}"
            docs[d] = (f"{d}@0", _result(rng, d, 0))
        table = None
        for _step in range(8):
            for key, r in docs.values():
                store[key] = r
            ids = sorted(docs)
            known = dict(table.ids) if table is not None else {}
            r = Resolver(table=table, load=store.get, keep_table=True)
            for d in ids:
                key, x = docs[d]
                r.add(_unread(x) if known.get(d) == key else x, key)
            assert _shape(r.finish()) == _scratch([docs[d][1] for d in ids])
            table = r.table()
            full = Resolver(keep_table=True)
            for d in ids:
                full.add(docs[d][1], docs[d][0])
            full.finish()
            want = full.table()
            assert (table.ids, table.counts, table.first) == (want.ids, want.counts, want.first)
            assert _shape_entities(table.entities) == _shape_entities(want.entities)
            table = _round_trip(table)
            version += 1
            for _change in range(rng.randint(1, 3)):
                what = rng.random()
                ids = sorted(docs)
                if what < 0.5 and ids:
                    d = rng.choice(ids)
                    docs[d] = (f"{d}@{version}", _result(rng, d, version))
                elif what < 0.75:
                    d = f"d{rng.randint(0, 30):02d}"
                    docs[d] = (f"{d}@{version}", _result(rng, d, version))
                elif len(ids) > 1:
                    del docs[rng.choice(ids)]
    return patched


def _shape_entities(entities: dict[str, Any]) -> Any:
    return [(k, e.type, e.label, sorted(e.aliases), list(e.docs.items()), list(e.spans.items()),
             e.examples, e.wikidata) for k, e in entities.items()]  # fmt: skip


def test_table_patch_equals_a_fold_of_every_result(monkeypatch) -> None:
    patched = _steps(21, 30, monkeypatch)
    assert patched.count(True) > 100  # most steps were patched, not folded again
    assert False in patched  # and some changed too many documents


def test_a_wrong_patch_is_caught(monkeypatch) -> None:
    """The comparison fails on a table whose examples were cut short."""
    real = Resolver._patch_table

    def wrong(self, table, keyed):  # every entity's examples cut to one
        for e in table.entities.values():
            e.examples = e.examples[:1]
        return real(self, table, keyed)

    monkeypatch.setattr(Resolver, "_patch_table", wrong)
    with pytest.raises(AssertionError):
        _steps(21, 3, monkeypatch)


def test_an_unreadable_old_result_folds_every_result(monkeypatch) -> None:
    """A changed document whose old result is gone: no patch, the same resolution."""
    rng = random.Random(5)
    docs = {f"d{i}": _result(rng, f"d{i}", 0) for i in range(6)}
    store = {f"{d}@0": r for d, r in docs.items()}
    first = Resolver(keep_table=True)
    for d, r in docs.items():
        first.add(r, f"{d}@0")
    first.finish()
    table = _round_trip(first.table())
    docs["d3"] = _result(rng, "d3", 1)
    del store["d3@0"]  # the old result is no longer in the store
    store["d3@1"] = docs["d3"]
    r = Resolver(table=table, load=store.get, keep_table=True)
    for d, x in docs.items():
        key = f"{d}@1" if d == "d3" else f"{d}@0"
        r.add(x if d == "d3" else _unread(x), key)
    assert _shape(r.finish()) == _scratch(list(docs.values()))
