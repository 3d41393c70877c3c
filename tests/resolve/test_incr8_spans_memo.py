"""The resolver's spans memo (``kg build --watch``): a result's spans list that comes back
unchanged (the same decoded object) is not formatted again, and the resolution is the
same as without the memo."""

from __future__ import annotations

from kg.model import Document
from kg.nlp import extract
from kg.resolve import merge
from kg.resolve.merge import Resolver

TEXTS = [
    "国务院办公厅印发通知。工业和信息化部负责组织实施，财政部予以配合。",
    "财政部会同审计署制定本办法。本办法由商务部负责说明。工业和信息化部予以指导。",
]


def _resolve(results, memo, monkeypatch, calls):
    def counted(spans, old=None):
        calls.append(old)
        return real(spans, old)

    real = merge.spans_text
    monkeypatch.setattr(merge, "spans_text", counted)
    r = Resolver(spans_memo=memo)
    for x in results:
        r.add(x)
    res = r.finish()
    monkeypatch.setattr(merge, "spans_text", real)
    return res


def test_unchanged_spans_are_not_formatted_again(monkeypatch) -> None:
    results = [extract(Document(f"d{i}", t)) for i, t in enumerate(TEXTS)]
    plain: list = []
    ref = _resolve(results, None, monkeypatch, plain)
    assert plain  # the sample has spans to format
    memo: dict = {}
    first: list = []
    a = _resolve(results, memo, monkeypatch, first)
    assert len(first) == len(plain) and memo
    again: list = []
    b = _resolve(results, memo, monkeypatch, again)
    assert again == [] or all(old is not None for old in again)  # only merges into a doc
    for res in (a, b):
        assert {k: e.spans for k, e in res.entities.items()} == {
            k: e.spans for k, e in ref.entities.items()
        }
    # a changed document (a new result object): its lists are formatted, the other's not
    results[1] = extract(Document("d1", TEXTS[1] + "审计署负责监督。"))
    changed: list = []
    c = _resolve(results, memo, monkeypatch, changed)
    fresh = [x for x in changed if x is None]
    assert 0 < len(fresh) <= len(results[1].entities)
    assert len(memo) == sum(1 for r in results for i in r.entities.values() if i.spans)
    ref2 = _resolve(results, None, monkeypatch, [])
    assert {k: e.spans for k, e in c.entities.items()} == {
        k: e.spans for k, e in ref2.entities.items()
    }


def _examples(res) -> dict:
    return {k: e.examples for k, e in res.entities.items()}


def test_the_same_result_gives_the_same_example_dicts() -> None:
    """``examples_memo`` (``--watch``): an unchanged result's examples come back as the very
    same dicts (the view keeps what an entity gave by comparing them), a changed one's
    as new ones; the resolution is the one made without the memo."""
    results = [extract(Document(f"d{i}", t)) for i, t in enumerate(TEXTS)]
    memo: dict = {}

    def resolve_with(memo):  # type: ignore[no-untyped-def]
        r = Resolver(examples_memo=memo, aliases_memo={} if memo is not None else None)
        for x in results:
            r.add(x)
        return r.finish()

    a, b = resolve_with(memo), resolve_with(memo)
    assert _examples(a) == _examples(b) == _examples(resolve_with(None))
    shared = [(x, y) for k in a.entities for x, y in zip(a.entities[k].examples,
                                                         b.entities[k].examples, strict=True)]
    assert shared and all(x is y for x, y in shared)
    results[1] = extract(Document("d1", TEXTS[1] + "审计署负责监督。"))
    c = resolve_with(memo)
    assert _examples(c) == _examples(resolve_with(None))
    fresh = [ex for e in c.entities.values() for ex in e.examples if ex["doc"] == "d1"]
    old = {id(ex) for e in b.entities.values() for ex in e.examples}
    assert fresh and all(id(ex) not in old for ex in fresh)
