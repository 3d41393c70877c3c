"""The fragments' grouping by document patched from last build's (kg.export.grouping): after
random steps of re-folded, added and removed entities (and entities placed anew in the
table's order) the patch equals a grouping from scratch, and last build's grouping is
left as it was (the memo of the fragments compares against it)."""

from __future__ import annotations

import copy
import random

from kg.export.grouping import group
from kg.resolve.merge import Entity

DOCS = [f"d{i}" for i in range(12)]


def _entity(rng: random.Random, key: str) -> Entity:
    docs = {d: rng.randint(1, 4) for d in rng.sample(DOCS, rng.randint(1, 4))}
    spans = {d: f"{i}-{i + 2}@0-9" for i, d in enumerate(docs) if rng.random() < 0.7}
    examples = [
        {"doc": d, "start": rng.randint(0, 50), "end": 60, "sentence": rng.choice(["甲。", ""])}
        for d in rng.sample(sorted(docs), min(2, len(docs))) + rng.sample(DOCS, rng.randint(0, 1))
    ]
    return Entity(key, "Ministry", key, docs=docs, spans=spans, examples=examples)


def _plain(g: object) -> tuple[dict[str, list[object]], dict[str, list[object]]]:
    return (
        {d: rows for d, rows in g.mentions.items() if rows},  # type: ignore[attr-defined]
        {d: rows for d, rows in g.examples.items() if rows},  # type: ignore[attr-defined]
    )


def test_a_patched_grouping_is_a_grouping_from_scratch() -> None:
    rng = random.Random(21)
    ents = {f"k{i}": _entity(rng, f"k{i}") for i in range(200)}
    last = group(ents, keep=True)
    patched_steps = 0
    for _ in range(120):
        now = dict(ents)
        for k in rng.sample(sorted(now), rng.randint(0, 4)):  # re-folded: new objects
            now[k] = _entity(rng, k)
        for k in rng.sample(sorted(now), rng.randint(0, 2)):  # gone
            del now[k]
        items = list(now.items())
        for _ in range(rng.randint(0, 2)):  # new, at their place in the order
            k = f"n{rng.randrange(10**6)}"
            items.insert(rng.randrange(len(items) + 1), (k, _entity(rng, k)))
        if rng.random() < 0.3 and items:  # a re-folded entity placed elsewhere
            k, _ = items.pop(rng.randrange(len(items)))
            items.insert(rng.randrange(len(items) + 1), (k, _entity(rng, k)))
        now = dict(items)
        before = copy.deepcopy(_plain(last))
        got = group(now, last, keep=True)
        assert _plain(got) == _plain(group(now)), "the patch differs from scratch"
        assert _plain(last) == before, "last build's grouping was changed"
        patched_steps += any(got.mentions.get(d) is last.mentions.get(d) for d in DOCS)
        ents, last = now, got
    assert patched_steps > 60  # most steps were patches, not groupings from scratch


def test_many_changes_group_from_scratch() -> None:
    rng = random.Random(5)
    ents = {f"k{i}": _entity(rng, f"k{i}") for i in range(100)}
    last = group(ents, keep=True)
    now = {k: _entity(rng, k) for k in ents}
    got = group(now, last, keep=True)
    assert _plain(got) == _plain(group(now))
    assert all(got.mentions[d] is not last.mentions.get(d) for d in got.mentions)
