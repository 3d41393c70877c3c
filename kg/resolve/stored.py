"""Last build's entity table as plain data: what a rebuild in a new process patches.

A build with a cache folder writes its entities *before the merges* (each a fold of its
documents' mentions in document order: :class:`~kg.resolve.merge.Resolver`) with what a
patch needs besides: the documents in order with their result keys, per entity the
number of documents that gave each alias and its place among its first document's
entities. The next build decodes only the results of the documents whose key changed
(and the old results of those, to take their part out) and folds again only the
entities they mention (:meth:`~kg.resolve.merge.Resolver.finish`). The data is written
with a digest (``kg.runtime.store.dump_checked``) and only trusted for the same
:func:`table_key`; anything unexpected in it is no table (the build folds every result).

>>> from kg.resolve.merge import Entity
>>> e = Entity("gov/国务院", "GovernmentBody", "国务院", {"中央人民政府"}, {"a": 2},
...            [{"doc": "a", "start": 0, "end": 3, "sentence": "国务院。"}], spans={"a": "0-3@0-4"})
>>> t = Table([("a", "k1")], {e.key: e}, {e.key: {"中央人民政府": 1}}, {e.key: 0})
>>> back = load_table(dump_table(t, "key"), "key", Entity)
>>> back.entities["gov/国务院"] == e, back.ids, back.first
(True, [('a', 'k1')], {'gov/国务院': 0})
>>> load_table(dump_table(t, "key"), "another key", Entity) is None
True
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import Any

#: Bump when the layout changes (or what a fold makes of a result).
TABLE_VERSION = 1

#: The ``entities`` of a result decoded without them (its document is one the table
#: holds with the same key: its entities are there already).
UNREAD: Any = MappingProxyType({})


@dataclass
class Table:
    """Entities before the merges, and what patching them needs."""

    #: ``(document id, result key)`` in build order
    ids: list[tuple[str, str]]
    #: key → :class:`~kg.resolve.merge.Entity`, in first-mention order
    entities: dict[str, Any]
    #: key → alias → the number of documents whose mentions gave it
    counts: dict[str, dict[str, int]]
    #: key → its place among the entities of its first document's result
    first: dict[str, int]


def table_key(fingerprint: str) -> str:
    """What a table is a function of besides the results: the pipeline's fingerprint
    (its code and data, the reading options) and the resolver's code.

    >>> table_key("a") == table_key("a") != table_key("b")
    True
    """
    from kg import fingerprint as fp

    here = Path(__file__).resolve().parent
    files = [(here, f) for f in sorted(here.glob("*.py"))]
    return f"{TABLE_VERSION}|{fingerprint}|{fp.digest_files(files)[:16]}"


def dump_table(t: Table, key: str) -> dict[str, Any]:
    """``t`` as plain data (msgpack) under ``key`` (:func:`table_key`)."""
    rows = []
    for k, e in t.entities.items():
        rows.append([
            k, e.type, e.label, list(e.aliases), [x for d in e.docs.items() for x in d],
            [x for d in e.spans.items() for x in d],
            [[x["doc"], x["start"], x["end"], x["sentence"]] for x in e.examples],
            e.wikidata, e.iso, e.en, e.category, t.counts.get(k) or {}, t.first[k],
        ])  # fmt: skip
    return {"version": TABLE_VERSION, "key": key, "ids": [x for d in t.ids for x in d],
            "entities": rows}  # fmt: skip


def load_table(data: Any, key: str, entity: Callable[..., Any]) -> Table | None:
    """The table of :func:`dump_table`'s data; None unless it is whole and of ``key``.
    ``entity``: :class:`~kg.resolve.merge.Entity` (which needs this module)."""
    try:
        if not isinstance(data, dict) or data.get("version") != TABLE_VERSION:
            return None
        if data.get("key") != key:
            return None
        flat = data["ids"]
        ids = list(zip(flat[::2], flat[1::2], strict=True))
        if not all(type(d) is str and type(k) is str for d, k in ids):
            return None
        entities: dict[str, Any] = {}
        counts: dict[str, dict[str, int]] = {}
        first: dict[str, int] = {}
        for row in data["entities"]:
            k, type_, label, aliases, docs, spans, examples, wd, iso, en, cat, cnt, i = row
            d = dict(zip(docs[::2], docs[1::2], strict=True))
            s = dict(zip(spans[::2], spans[1::2], strict=True))
            ex = [{"doc": a, "start": b, "end": c, "sentence": x} for a, b, c, x in examples]
            if not (
                type(k) is str and type(type_) is str and type(label) is str and type(i) is int
                and d and all(type(x) is str for x in aliases)
                and all(type(x) is str and type(n) is int for x, n in d.items())
                and all(type(x) is str and type(n) is str for x, n in s.items())
                and all(type(x["doc"]) is str and type(x["start"]) is int
                        and type(x["end"]) is int and type(x["sentence"]) is str for x in ex)
                and all(x is None or type(x) is str for x in (wd, iso, en, cat))
                and type(cnt) is dict
                and all(type(a) is str and type(n) is int and n > 0 for a, n in cnt.items())
            ):  # fmt: skip
                return None
            entities[k] = entity(k, type_, label, set(aliases), d, ex, wd, iso, en, cat, s)
            counts[k] = cnt
            first[k] = i
    except (KeyError, TypeError, ValueError):
        return None
    return Table(ids, entities, counts, first)
