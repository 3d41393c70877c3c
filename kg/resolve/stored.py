"""Last build's entity table as plain data: what a rebuild in a new process patches.

A build with a cache folder writes its entities *before the merges* (each a fold of its
documents' mentions in document order: :class:`~kg.resolve.merge.Resolver`) with what a
patch needs besides: the documents in order with their result keys, per entity the
number of documents that gave each alias and its place among its first document's
entities. The next build decodes only the results of the documents whose key changed
(and the old results of those, to take their part out) and folds again only the
entities they mention (:meth:`~kg.resolve.merge.Resolver.finish`). It is a pickle
(loaded ~3× faster than plain data made into entities again), sealed with this user's
secret (``kg.sealed``, as the pipeline snapshots are) and only trusted for the same
:func:`table_key`; anything else is no table (the build folds every result).

>>> from kg.resolve.merge import Entity
>>> e = Entity("gov/国务院", "GovernmentBody", "国务院", {"中央人民政府"}, {"a": 2},
...            [{"doc": "a", "start": 0, "end": 3, "sentence": "国务院。"}], spans={"a": "0-3@0-4"})
>>> t = Table([("a", "k1")], {e.key: e}, {e.key: {"中央人民政府": 1}}, {e.key: 0})
>>> back = table_from(table_bytes(t, "key"), "key")
>>> back.entities["gov/国务院"] == e, back.ids, back.first
(True, [('a', 'k1')], {'gov/国务院': 0})
>>> table_from(table_bytes(t, "key"), "another key") is None
True
"""

from __future__ import annotations

import pickle
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


def table_bytes(t: Table, key: str) -> bytes:
    """``t`` pickled under ``key`` (:func:`table_key`), each document id and example
    sentence once (pickle keeps one object for the equal strings made one here: half the
    bytes and the time to load). Pickle runs code when loaded: only sealed bytes of this
    user may be given to :func:`table_from` (``kg.sealed``)."""
    pool: dict[str, str] = {}
    one = pool.setdefault
    for e in t.entities.values():
        e.docs = {one(d, d): n for d, n in e.docs.items()}
        e.spans = {one(d, d): x for d, x in e.spans.items()}
        for x in e.examples:
            x["doc"], x["sentence"] = one(x["doc"], x["doc"]), one(x["sentence"], x["sentence"])
    return pickle.dumps((TABLE_VERSION, key, t), protocol=pickle.HIGHEST_PROTOCOL)


def table_from(data: bytes | memoryview, key: str) -> Table | None:
    """The table of :func:`table_bytes`; None unless it is of ``key``."""
    try:
        version, k, t = pickle.loads(data)
    except Exception:  # (sealed by this user, yet not a table: an older layout)
        return None
    ok = version == TABLE_VERSION and k == key and isinstance(t, Table)
    return t if ok else None
