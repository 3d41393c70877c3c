"""Fragments rendered elsewhere (kg.export.fast.render_parts): an input sent as the
canonical bytes the build hashed for the store key renders as the input itself."""

from __future__ import annotations

from concurrent.futures import Future
from pathlib import Path
from typing import Any

import pytest

import kg.export.fast as fast
from kg.build import SAMPLE_DIR
from kg.export.fragments import Plan
from kg.fingerprint import canonical
from kg.ingest import iter_documents
from kg.model import Document
from kg.resolve import Resolver
from kg.runtime.extract import extract_keyed
from kg.runtime.store import PackStore


def _resolution() -> Any:
    r = Resolver()
    docs = [d for d in iter_documents([SAMPLE_DIR]) if isinstance(d, Document)]
    for _, x, _ in extract_keyed(docs):
        r.add(x)
    return r.finish()


class _Here:
    """An executor that runs each task at once, and keeps what it was sent."""

    def __init__(self) -> None:
        self.sent: list[Any] = []

    def submit(self, fn: Any, *args: Any) -> Future[Any]:
        self.sent.append(args)
        f: Future[Any] = Future()
        f.set_result(fn(*args))
        return f


@pytest.mark.parametrize("fmt", ["ttl", "nt"])
def test_parts_sent_as_canonical_bytes_render_the_same(
    fmt: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(fast, "RENDER_TASK_PARTS", 1)  # every part goes to the executor
    res = _resolution()
    fast.write_fast(res, tmp_path / f"here.{fmt}", fmt)
    ex = _Here()
    store = PackStore(tmp_path / "frag.pack")
    try:
        fast.write_fast(res, tmp_path / f"sent.{fmt}", fmt, store=store, executor=ex)
    finally:
        store.close()
    inputs = [inp for _, _, parts in ex.sent for _, inp in parts]
    assert inputs and all(isinstance(inp, bytes) for inp in inputs)
    assert (tmp_path / f"sent.{fmt}").read_bytes() == (tmp_path / f"here.{fmt}").read_bytes()


def test_render_parts_takes_an_input_or_its_canonical_bytes() -> None:
    res = _resolution()
    plan = Plan(res, fast.DEFAULT_BASE)
    parts = [(b"D", plan.doc_input(d)) for d in res.documents]
    as_bytes = [(k, canonical(inp)) for k, inp in parts]
    assert fast.render_parts("ttl", fast.DEFAULT_BASE, as_bytes) == fast.render_parts(
        "ttl", fast.DEFAULT_BASE, parts
    )


def test_string_literals_escape_as_translate_does() -> None:
    import random

    from kg.export import terms

    chars = [chr(i) for i in range(0x80)] + ["中", "\u2028", "\x85", "\u3000"]
    rng = random.Random(7)
    for _ in range(20_000):
        v = "".join(rng.choice(chars) for _ in range(rng.randint(0, 5)))
        full = '"' + v.translate(terms.ESCAPES) + '"'
        assert terms.string_literal(v) == full
        assert terms.string_literal(v, "zh") == full + "@zh"
