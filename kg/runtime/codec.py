"""The result codec: a :class:`~kg.model.DocResult` as compact bytes and back.

Results cross process boundaries (workers → build) and live in the cache
(``results.pack``), which is data a build must not trust: records are msgpack (plain
lists, strings and numbers; decoding never runs code) and every decoding failure is a
cache miss (None), never an exception. The mention list is left out unless asked
(``keep_mentions``): the graph does not use it.

>>> from kg.model import DocResult
>>> r = DocResult("a", {"title": "t"}, 3)
>>> decode_result(encode_result(r)).doc_id
'a'
>>> failure(encode_failure("ValueError: " + "x" * 99))[:12], failure(encode_result(r))
('ValueError: ', None)
>>> decode_result(b"\\x93junk") is None
True
>>> decode_result(encode_result(DocResult("a", {}, 9, sentences={0: "句子。"}))).sentences
{0: '句子。'}
>>> _TUPLE_LISTS
('examples', 'spans')
"""

from __future__ import annotations

from dataclasses import fields
from typing import Any

import msgpack

from kg.model import DocResult, EntityInfo, Mention, Observation, Relation
from kg.resolve.stored import UNREAD

#: Bump when the record layout changes: older records become cache misses.
RECORD_VERSION = 3
_ERROR = "error"
_FAILURE_HEAD = msgpack.packb([_ERROR, ""])[:-1]  # an array of 2, then "error"

_ENT = tuple(f.name for f in fields(EntityInfo))
_REL = tuple(f.name for f in fields(Relation))
_OBS = tuple(f.name for f in fields(Observation))
_MEN = tuple(f.name for f in fields(Mention))


def _row(obj: Any, names: tuple[str, ...]) -> list[Any]:
    return [getattr(obj, n) for n in names]


def pack(obj: Any) -> bytes:
    """msgpack bytes of plain data (anything else becomes its ``str``)."""
    return msgpack.packb(obj, use_bin_type=True, default=str)


def unpack(data: bytes | memoryview) -> Any:
    """The value of :func:`pack` (raises ``ValueError`` and msgpack's errors when damaged)."""
    return msgpack.unpackb(data, raw=False, strict_map_key=False, use_list=True)


def encode_result(r: DocResult, keep_mentions: bool = False) -> bytes:
    """A compact form of a result (:func:`decode_result` inverts it)."""
    return pack(
        [
            RECORD_VERSION,
            r.doc_id,
            r.meta,
            r.chars,
            [[k, _row(e, _ENT)] for k, e in r.entities.items()],
            [_row(x, _REL) for x in r.relations],
            [_row(x, _OBS) for x in r.observations],
            r.definitions,
            [_row(m, _MEN) for m in r.mentions] if keep_mentions else None,
            r.sentences,
        ]
    )


def encode_failure(message: str) -> bytes:
    """The record of a document the pipeline failed on (see :func:`failure`)."""
    return pack([_ERROR, message])


def failure(data: bytes) -> str | None:
    """The message of a :func:`encode_failure` record, else None."""
    if data[: len(_FAILURE_HEAD)] != _FAILURE_HEAD:
        return None  # a result (an array of 10): told apart without decoding it
    try:
        rec = unpack(data)
    except Exception:
        return None
    if isinstance(rec, list) and len(rec) == 2 and rec[0] == _ERROR:
        return str(rec[1])
    return None


#: EntityInfo fields holding lists of tuples (msgpack gives lists back)
_TUPLE_LISTS = tuple(
    n for n, f in ((f.name, f) for f in fields(EntityInfo)) if "list[tuple[" in str(f.type)
)


def _entity(k: str, row: list[Any]) -> tuple[str, EntityInfo]:
    e = EntityInfo(*row)
    for name in _TUPLE_LISTS:
        setattr(e, name, [tuple(x) for x in getattr(e, name)])
    return k, e


def _without_entities(data: bytes | memoryview) -> list[Any] | None:
    """A record's fields with its entities skipped, not decoded (None: not a result)."""
    u = msgpack.Unpacker(raw=False, strict_map_key=False, use_list=True)
    u.feed(data)
    if u.read_array_header() != 10:
        return None
    head = [u.unpack() for _ in range(4)]
    u.skip()
    return [*head, UNREAD, *(u.unpack() for _ in range(5))]


def decode_result(
    data: bytes | memoryview, need_mentions: bool = False, entities: bool = True
) -> DocResult | None:
    """The result of :func:`encode_result`; None when unusable (damaged, foreign, another
    record version, or without mentions when ``need_mentions``). ``entities=False``:
    its entities are left :data:`~kg.resolve.stored.UNREAD` (a third of the time)."""
    try:
        rec = unpack(data) if entities else _without_entities(data)
        if not isinstance(rec, list) or len(rec) != 10 or rec[0] != RECORD_VERSION:
            return None
        _, doc_id, meta, chars, ents, rels, obs, defs, mens, sents = rec
        if need_mentions and mens is None:
            return None
        r = DocResult(
            doc_id=doc_id,
            meta=meta,
            chars=chars,
            mentions=[Mention(*m) for m in mens] if mens else [],
            entities=dict(_entity(k, e) for k, e in ents) if entities else UNREAD,
            relations=[Relation(*x) for x in rels],
            observations=[Observation(*x) for x in obs],
            definitions=defs,
            sentences=sents,
        )
    except Exception:  # a damaged or foreign record is a cache miss
        return None
    if not (isinstance(r.doc_id, str) and isinstance(r.meta, dict) and isinstance(r.chars, int)):
        return None
    if not isinstance(sents, dict) or not all(
        type(k) is int and type(v) is str for k, v in sents.items()
    ):
        return None  # the sentence texts are written into the graph as they are
    return r
