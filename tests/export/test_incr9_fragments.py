"""The fast exporter's document fragments keyed by the document's result key: a fragment
is found again in the store whatever the bytes of its sentences (a function of that key),
another result key is another fragment, and the parts rendered by another process (sent
in the result-key form, through pickling) are the bytes rendered in this one."""

from __future__ import annotations

import pickle
from concurrent.futures import Future
from pathlib import Path
from typing import Any

from kg.export import fast
from kg.export.fragments import Plan
from kg.model import Document
from kg.nlp import extract
from kg.resolve import resolve
from kg.runtime.store import PackStore

# invented sentences
TEXTS = (
    "国务院办公厅印发通知。工业和信息化部负责组织实施。",
    "财政部会同审计署制定本办法。本办法由商务部负责说明。",
)


def _res(n: int = 2):
    docs = [Document(f"d{i:03d}", TEXTS[i % 2] + f"第{i + 1}条。") for i in range(n)]
    return resolve([extract(d) for d in docs])


def _write(res, path: Path, store: PackStore | None, keys: dict[str, str], **kw: Any):
    stats: dict[str, int] = {}
    fast.start_fast(res, path, "ttl", store=store, stats=stats, doc_keys=keys, **kw)()
    return stats


class _Elsewhere:
    """An executor that runs a task at once on a pickled copy of its arguments, as a
    worker process receives them."""

    def __init__(self) -> None:
        self.tasks = 0

    def submit(self, fn, *args):
        self.tasks += 1
        fut: Future = Future()
        fut.set_result(fn(*pickle.loads(pickle.dumps(args))))
        return fut


def test_a_fragment_is_keyed_by_its_documents_result_key(tmp_path: Path) -> None:
    res = _res()
    a, b = res.documents
    store = PackStore(tmp_path / "f.pack")
    keys = {a: "k-a", b: "k-b"}
    first = _write(res, tmp_path / "1.ttl", store, keys)
    assert first["document_fragments_built"] == 2
    # the same result keys: every document fragment is found in the store
    again = _write(res, tmp_path / "2.ttl", store, keys)
    assert again["document_fragments_built"] == 0 and again["document_fragments_cached"] == 2
    assert (tmp_path / "1.ttl").read_bytes() == (tmp_path / "2.ttl").read_bytes()
    # another result key for b: its fragment is rendered again, a's is not
    other = _write(res, tmp_path / "3.ttl", store, {a: "k-a", b: "k-b2"})
    assert other["document_fragments_built"] == 1
    # without result keys the fragments are keyed by their whole input (another key form)
    plain = _write(res, tmp_path / "4.ttl", store, {})
    assert plain["document_fragments_built"] == 2
    assert (tmp_path / "4.ttl").read_bytes() == (tmp_path / "1.ttl").read_bytes()
    store.close()


def test_parts_rendered_elsewhere_in_the_result_key_form_are_the_same_bytes(
    tmp_path: Path,
) -> None:
    """Enough parts to send (more than a quarter of RENDER_TASK_PARTS): those with a
    result key go as (head bytes, sentences), the others as their canonical bytes."""
    res = _res(fast.RENDER_TASK_PARTS // 4 + 8)
    here = _write(res, tmp_path / "here.ttl", None, {})
    assert here["document_fragments_built"] == len(res.documents)
    keys = {d: f"k-{d}" for d in list(res.documents)[::2]}  # half with a result key
    pool = _Elsewhere()
    store = PackStore(tmp_path / "f.pack")
    sent = _write(res, tmp_path / "sent.ttl", store, keys, executor=pool)
    store.close()
    assert pool.tasks >= 1 and sent["document_fragments_built"] == len(res.documents)
    assert (tmp_path / "sent.ttl").read_bytes() == (tmp_path / "here.ttl").read_bytes()


def test_a_watch_keeps_each_documents_sentences_in_order(tmp_path: Path) -> None:
    """With a memo (``--watch``), a document whose sentences are the same dict as last
    build's gets last build's list in order (the memo's comparison of its input is then
    by identity), a new dict a new list; the file is the same as without the memo."""
    res = _res(3)
    memo: dict[str, Any] = {}
    _write(res, tmp_path / "a.ttl", None, {}, memo=memo)
    first = dict(memo["sentences"])
    assert first
    d = next(iter(res.documents))
    res.sentences[d] = dict(res.sentences[d])  # another dict, the same sentences
    _write(res, tmp_path / "b.ttl", None, {}, memo=memo)
    _write(res, tmp_path / "c.ttl", None, {})
    kept = memo["sentences"]
    assert kept[id(res.sentences[d])][1] is not first.get(id(res.sentences[d]), (0, 0))[1]
    others = [x for x in res.documents if x != d]
    assert all(kept[id(res.sentences[x])] is first[id(res.sentences[x])] for x in others)
    plan = Plan(res, "http://x/")
    assert all(v[1] == sorted(v[0].items()) for v in kept.values())
    assert plan.doc_input(d)[-1] == kept[id(res.sentences[d])][1]
    text = (tmp_path / "a.ttl").read_bytes()
    assert (tmp_path / "b.ttl").read_bytes() == (tmp_path / "c.ttl").read_bytes() == text
