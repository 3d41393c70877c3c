"""Read-ahead (kg.runtime.extract): while every worker has its batches, a build goes on
reading documents (up to READ_AHEAD_CHARS) instead of waiting, and the results still come
back in input order, each document once."""

from __future__ import annotations

from concurrent.futures import Future
from typing import Any

import kg.runtime.extract as extract
from kg.model import Document
from kg.runtime.codec import encode_result
from kg.runtime.extract import extract_keyed


class HeldExecutor:
    """Runs nothing until ``release()``: every future stays pending, as with workers that
    are still loading their pipeline."""

    def __init__(self) -> None:
        self.calls: list[tuple[Future[Any], list[Document]]] = []
        self.released = False

    def submit(self, fn: Any, docs: list[Document], *args: Any) -> Future[Any]:
        fut: Future[Any] = Future()
        self.calls.append((fut, docs))
        if self.released:
            self.release()
        return fut

    def release(self) -> None:
        from kg.model import DocResult

        self.released = True
        for fut, docs in self.calls:
            if not fut.done():
                fut.set_result([encode_result(DocResult(d.id, {}, len(d.text))) for d in docs])


def _docs(n: int, read: list[str]) -> Any:
    for i in range(n):
        read.append(f"d{i}")
        yield Document(f"d{i}", "国务院召开常务会议。" * 10)


def test_documents_are_read_ahead_while_the_workers_are_busy(monkeypatch) -> None:
    ex = HeldExecutor()
    read: list[str] = []
    out = extract_keyed(_docs(40, read), workers=2, executor=ex, slots=2, batch_chars=100,
                        idle=ex.release)  # fmt: skip
    first = next(out)  # the first result needs a worker: by then everything was read
    assert len(read) == 40
    assert len(ex.calls) == 2  # two slots: the rest waits, read, in batches not sent yet
    ids = [first[1].doc_id] + [r.doc_id for _, r, _ in out]
    assert ids == [f"d{i}" for i in range(40)]


def test_reading_ahead_stops_at_its_limit(monkeypatch) -> None:
    monkeypatch.setattr(extract, "READ_AHEAD_CHARS", 300)
    ex = HeldExecutor()
    read: list[str] = []
    out = extract_keyed(_docs(40, read), workers=2, executor=ex, slots=2, batch_chars=100,
                        idle=ex.release)  # fmt: skip
    first = next(out)
    assert len(read) < 10  # 2 batches sent, 3 read ahead (300 characters), then it waits
    ids = [first[1].doc_id] + [r.doc_id for _, r, _ in out]
    assert ids == [f"d{i}" for i in range(40)]
