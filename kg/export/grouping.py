"""The entities' mentions and kept examples grouped by document (the fragments' inputs,
:class:`kg.export.fragments.Plan`), patched from last build's grouping in a long-lived
process (``kg build --watch``).

A ``--watch`` resolution keeps last build's :class:`~kg.resolve.merge.Entity` objects for
every entity no changed document mentions (:class:`~kg.resolve.merge.Resolver` patches
last build's entity table: a re-folded entity is a new object, a kept one is never
changed in place), so an entity that is last build's very object gives the same rows:
only the documents named by the entities that are not (new, re-folded or gone) are
grouped again, each from the entities that name it, in the resolution's order.

>>> from kg.resolve.merge import Entity
>>> a = Entity("gov/a", "Ministry", "甲部", docs={"d1": 2, "d2": 1}, spans={"d1": "0-2@0-9"})
>>> b = Entity("gov/b", "Ministry", "乙部", docs={"d2": 1})
>>> g = group({"gov/a": a, "gov/b": b}, keep=True)
>>> g.mentions["d2"]
[('gov/a', 1, None), ('gov/b', 1, None)]
>>> b2 = Entity("gov/b", "Ministry", "乙部", docs={"d1": 4})  # re-folded
>>> h = group({"gov/a": a, "gov/b": b2}, g, keep=True)
>>> h.mentions["d1"], "d2" in h.mentions, h.mentions["d1"] is not g.mentions["d1"], h.patched
([('gov/a', 2, '0-2@0-9'), ('gov/b', 4, None)], True, True, True)
"""

from __future__ import annotations

import bisect
from collections import defaultdict
from collections.abc import Mapping
from typing import Any

__all__ = ["Grouping", "group"]

#: Above this share of the entities changed, a grouping from scratch (cheaper than a patch).
PATCH_SHARE = 0.05


class Grouping:
    """``mentions``: document → ``[(key, count, spans)]``; ``examples``: document →
    ``[(key, start, end, sentence)]`` (each in the entities' order); ``ents``: the entity
    table they were made from (None: not kept); ``patched``: whether it was patched from
    last build's."""

    __slots__ = ("ents", "examples", "mentions", "patched")

    def __init__(
        self,
        ents: dict[str, Any] | None,
        mentions: dict[str, list[tuple[str, Any, Any]]],
        examples: dict[str, list[tuple[str, Any, Any, str]]],
    ) -> None:
        self.ents, self.mentions, self.examples = ents, mentions, examples
        self.patched = False


def _example_docs(e: Any) -> list[str]:
    """The documents of an entity's kept examples that have a sentence."""
    out = []
    for ex in e.examples:
        if isinstance(ex, dict) and ex.get("sentence"):
            doc = ex.get("doc")
            out.append(doc if type(doc) is str else str(doc))
    return out


def group(ents: Mapping[str, Any], last: Grouping | None = None, *, keep: bool = False) -> Grouping:
    """The grouping of the entity table ``ents`` (its order); ``last``: last build's
    (kept with ``keep``), patched when few entities are not its very objects."""
    if last is not None and last.ents is not None:
        patched = _patch(ents, last)
        if patched is not None:
            return patched
    mentions: dict[str, list[tuple[str, Any, Any]]] = defaultdict(list)
    examples: dict[str, list[tuple[str, Any, Any, str]]] = defaultdict(list)
    for key, e in ents.items():
        spans = e.spans
        for d, c in e.docs.items():
            mentions[d].append((key, c, spans.get(d)))
        for ex in e.examples:
            if isinstance(ex, dict) and ex.get("sentence"):
                doc = ex.get("doc")
                examples[doc if type(doc) is str else str(doc)].append(
                    (key, ex.get("start"), ex.get("end"), ex["sentence"])
                )
    return Grouping(dict(ents) if keep else None, mentions, examples)


def _patch(ents: Mapping[str, Any], last: Grouping) -> Grouping | None:
    """``last`` patched for the entities of ``ents`` that are not its very objects: their
    rows taken out of the documents they named and put in at their place among the
    others' (the untouched entities keep their order, checked); None when too many
    changed or the order of the untouched ones did not hold."""
    was = last.ents
    changed = [k for k, e in ents.items() if was.get(k) is not e]
    new = sum(1 for k in changed if k not in was)
    gone = [] if len(ents) - new == len(was) else [k for k in was if k not in ents]
    if len(changed) + len(gone) > max(8, PATCH_SHARE * len(ents)):
        return None
    out = set(changed).union(gone)
    if [k for k in ents if k not in out] != [k for k in was if k not in out]:
        return None  # the untouched entities moved among themselves: no place to keep
    # the rows of each re-folded or new entity, by document
    rows_m: dict[str, list[tuple[str, tuple[str, Any, Any]]]] = defaultdict(list)
    rows_x: dict[str, list[tuple[str, list[tuple[str, Any, Any, str]]]]] = defaultdict(list)
    affected: set[str] = set()
    for k in gone:
        affected.update(was[k].docs, _example_docs(was[k]))
    for k in changed:
        old, e = was.get(k), ents[k]
        if old is not None:
            affected.update(old.docs, _example_docs(old))
        spans = e.spans
        for d, c in e.docs.items():
            rows_m[d].append((k, (k, c, spans.get(d))))
        by_doc: dict[str, list[tuple[str, Any, Any, str]]] = defaultdict(list)
        for ex in e.examples:
            if isinstance(ex, dict) and ex.get("sentence"):
                doc = ex.get("doc")
                by_doc[doc if type(doc) is str else str(doc)].append(
                    (k, ex.get("start"), ex.get("end"), ex["sentence"])
                )
        for d, rows in by_doc.items():
            rows_x[d].append((k, rows))
        affected.update(e.docs, by_doc)
    mentions = dict(last.mentions)
    examples = dict(last.examples)
    pos = {k: i for i, k in enumerate(ents)} if affected else {}

    def place(r: tuple[Any, ...]) -> int:
        return pos[r[0]]

    for d in affected:  # new lists: last build's are never changed
        m = [r for r in mentions.get(d, ()) if r[0] not in out]
        for k, row in rows_m.get(d, ()):
            m.insert(bisect.bisect(m, pos[k], key=place), row)
        x = [r for r in examples.get(d, ()) if r[0] not in out]
        for k, rows in rows_x.get(d, ()):
            i = bisect.bisect(x, pos[k], key=place)
            x[i:i] = rows
        for table, got in ((mentions, m), (examples, x)):
            if got:
                table[d] = got
            else:
                table.pop(d, None)
    got = Grouping(dict(ents), mentions, examples)
    got.patched = True
    return got
