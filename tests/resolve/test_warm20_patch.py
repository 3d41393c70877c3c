"""A ``kg build --watch`` resolution patched from last build's entity table, kept in
memory with last build's results (``Resolver(table=..., load=...)`` with the memos a
long-lived process keeps), gives the very resolution a fold of every result gives after
any sequence of changed, added and removed documents; the untouched entities are last
build's very objects, and last build's resolution is never changed in place
(:func:`tests.resolve.patch_steps.patch_steps`)."""

from __future__ import annotations

from tests.resolve.patch_steps import patch_steps


def test_patched_resolution_equals_a_fold_of_every_result(monkeypatch) -> None:
    patched = patch_steps(20, 30, monkeypatch, watch=True)
    assert patched.count(True) > 100  # most steps were patched, not folded again
    assert False in patched  # and some changed too many documents
