"""Last build's entity table, written and read back, patched by the changed documents
in a new resolver (``Resolver(table=...)``, a rebuild in a new process) gives the very
resolution a fold of every result gives, after any sequence of changed, added and
removed documents, and the table it leaves is the one a fold leaves
(:func:`tests.resolve.patch_steps.patch_steps`, the caller ``--watch`` shares with it)."""

from __future__ import annotations

import random
from typing import Any

import pytest

from kg.resolve.merge import Resolver
from kg.resolve.stored import table_bytes, table_from
from tests.resolve.patch_steps import patch_steps, result, scratch, shape, unread


def _round_trip(table: Any) -> Any:
    """The table as the next process reads it (its bytes and back)."""
    return table_from(table_bytes(table, "k"), "k")


def test_table_patch_equals_a_fold_of_every_result(monkeypatch) -> None:
    patched = patch_steps(21, 30, monkeypatch, watch=False)
    assert patched.count(True) > 100  # most steps were patched, not folded again
    assert False in patched  # and some changed too many documents


@pytest.mark.parametrize("watch", [False, True])
def test_a_wrong_patch_is_caught(monkeypatch, watch: bool) -> None:
    """The comparison fails on a table whose examples were cut short (either caller)."""

    def wrong(table: Any) -> None:  # every entity's examples cut to one
        for e in table.entities.values():
            e.examples = e.examples[:1]

    with pytest.raises(AssertionError):
        patch_steps(21, 3, monkeypatch, watch=watch, tamper=wrong)


def test_an_unreadable_old_result_folds_every_result(monkeypatch) -> None:
    """A changed document whose old result is gone: no patch, the same resolution."""
    rng = random.Random(5)
    docs = {f"d{i}": result(rng, f"d{i}", 0) for i in range(6)}
    store = {f"{d}@0": r for d, r in docs.items()}
    first = Resolver(keep_table=True)
    for d, r in docs.items():
        first.add(r, f"{d}@0")
    first.finish()
    table = _round_trip(first.table())
    docs["d3"] = result(rng, "d3", 1)
    del store["d3@0"]  # the old result is no longer in the store
    store["d3@1"] = docs["d3"]
    r = Resolver(table=table, load=store.get, keep_table=True)
    for d, x in docs.items():
        key = f"{d}@1" if d == "d3" else f"{d}@0"
        r.add(x if d == "d3" else unread(x), key)
    assert shape(r.finish()) == scratch(list(docs.values()))
