"""kg.runtime.extract: the last batches read ahead are split in two, so that the workers'
last tasks are short; results stay in input order."""

from __future__ import annotations

import time
from concurrent.futures import ThreadPoolExecutor

from kg.model import DocResult, Document
from kg.runtime.codec import encode_result
from kg.runtime.extract import extract_keyed


class SlowExecutor:
    """Runs a fake extraction in two threads, slowly enough for batches to wait."""

    def __init__(self) -> None:
        self.pool = ThreadPoolExecutor(2)
        self.sizes: list[int] = []

    def submit(self, fn, docs, *args):
        self.sizes.append(sum(len(d.text) for d in docs))

        def run() -> list[bytes]:
            time.sleep(0.01)
            return [encode_result(DocResult(d.id, d.meta, len(d.text))) for d in docs]

        return self.pool.submit(run)


def test_the_last_batches_are_halved_and_the_order_kept() -> None:
    docs = [Document(f"d{i:03d}", "字" * 100) for i in range(200)]
    ex = SlowExecutor()
    out = [r.doc_id for _, r, _ in extract_keyed(docs, executor=ex, slots=4, batch_chars=1000)]
    ex.pool.shutdown()
    assert out == [d.id for d in docs]
    assert sum(ex.sizes) == 200 * 100
    assert ex.sizes[:-8] == [1000] * (len(ex.sizes) - 8)  # batches as read
    assert ex.sizes[-8:] == [500] * 8  # the last four read ahead, in halves
