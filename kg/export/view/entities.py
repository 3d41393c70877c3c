"""The view's rows of one entity that do not depend on the rest of the graph, kept between
the builds of one process (``kg build --watch``): an entity whose node attributes equal
last build's takes its record again, and only what depends on the whole graph (its rank,
degree, community, the documents' first-use numbers) is made again.

A record (:class:`EntityRecord`) holds the node's rank-free fields (``static``: the
page's node object up to ``ndocs``) and, for a kept record, their JSON (``head``, made
inert for the page); the mention counts of a lean graph's entity by document
(``mdocs``); what the entity gives the text table's pieces (``items``, ``docs``); and,
once a build made them, its rows that name a document by its stable number and a
sentence by its number within its document (``mrows``: its documents and mention counts;
``erows``: its mention sentences), valid while the documents' numbers and pieces are the
same (see :func:`kg.export.view.data.view_data`). :class:`NodeList` is a list of the
page's data with each item's JSON (the nodes: assembled from the heads and
:func:`node_tail`, the rank-dependent fields).

>>> r = entity_record("gov/a", {"type": "Ministry", "label": "甲部", "mentions": 2,
...                             "docs": {"d": 2}}, keep=True)
>>> r.static["ndocs"], r.mdocs, r.head.decode()[:33]
(1, [('d', 2)], '{"id":"gov/a","label":"甲部","type"')
>>> r.same({"type": "Ministry", "label": "甲部", "mentions": 2, "docs": {"d": 2}})
True
>>> r.same({"type": "Ministry", "label": "甲部", "mentions": 3, "docs": {"d": 3}})
False
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from kg.export.view.text import compact_json, inert_json_bytes
from kg.export.view.values import (
    EXACT_INT,
    doc_id,
    integer,
    optional_text,
    str_list,
    text_value,
)

__all__ = ["EntityRecord", "NodeList", "entity_record", "node_tail"]

_QID = re.compile(r"Q\d+")
#: attribute values a record's snapshot holds as they are (immutable)
_ATOMS = frozenset({str, int, float, bool, type(None)})


class EntityRecord:
    """One entity's rank-free view rows (see the module docstring). ``snap``: a copy of the
    node's attributes it was made from (None: not to be kept, a value that cannot be
    copied safely); ``items``/``docs``: filled by the view (what the entity gives each
    document's piece of the text table, and its documents in order)."""

    __slots__ = (
        "attrs", "docs", "erows", "head", "items", "mdocs", "mentions", "mrows", "snap", "static",
    )  # fmt: skip

    def __init__(self) -> None:
        self.snap: dict[str, Any] | None = None
        #: the node's attribute dict in last build's graph, when that graph said its dicts
        #: do not change (``kg.graph.build.KEPT_NODES``): the very dict again is the same
        self.attrs: Mapping[str, Any] | None = None
        self.static: dict[str, Any] = {}
        self.head: bytes | None = None
        self.mentions = 0
        self.mdocs: list[tuple[str, int]] = []
        self.items: list[tuple[str, Any]] | None = None
        self.docs: list[str] = []
        #: ``(token, rows, json)`` of its mention counts and ``(token, rows, json, keys)``
        #: of its mention sentences (without relation evidence; ``keys``: each sentence as
        #: one int), valid while the build's token is ``token``
        self.mrows: tuple[object, list[int], bytes] | None = None
        self.erows: tuple[object, list[int], bytes, list[int]] | None = None

    def same(self, attrs: Mapping[str, Any]) -> bool:
        """Whether ``attrs`` equals the attributes the record was made from (a value
        comparison: a dict or list changed in place is a change)."""
        return self.snap is not None and self.snap == attrs


def _snapshot(attrs: Mapping[str, Any]) -> dict[str, Any] | None:
    """A copy of a node's attributes that later changes to them cannot reach: the
    documents, spans and examples (dicts of atoms, a list of such dicts) copied, every
    other value an atom or a list of atoms (copied). None for anything else."""
    snap: dict[str, Any] = {}
    for k, v in attrs.items():
        t = type(v)
        if t in _ATOMS:
            snap[k] = v
        elif t is list:
            if all(type(x) in _ATOMS for x in v):
                snap[k] = list(v)
            elif all(type(x) is dict for x in v):  # examples
                ex = [dict(x) for x in v]
                if not all(_ATOMS.issuperset(map(type, x.values())) for x in ex):
                    return None
                snap[k] = ex
            else:
                return None
        elif t is dict:  # docs, spans
            if not _ATOMS.issuperset(map(type, v.values())):
                return None
            snap[k] = dict(v)
        else:
            return None
    return snap


def entity_record(key: str, attrs: Mapping[str, Any], *, keep: bool) -> EntityRecord:
    """The record of entity ``key`` from its node attributes (``mdocs``: its ``docs``,
    the mentions of a lean graph, ``kg.graph.build.MENTIONS_IN_DOCS``). ``keep``: the
    record is to be kept (its snapshot and JSON head made)."""
    a = attrs
    r = EntityRecord()
    docs = a.get("docs")
    wikidata = optional_text(a.get("wikidata"))
    r.mentions = integer(a.get("mentions"))
    r.static = {
        "id": key,
        "label": text_value(a.get("label")) or key,
        "type": text_value(a.get("type")) or "Other",
        "aliases": str_list(a.get("aliases")),
        "wikidata": wikidata if wikidata and _QID.fullmatch(wikidata) else None,
        "iso": optional_text(a.get("iso")),
        "en": optional_text(a.get("en")),
        "category": optional_text(a.get("category")),
        "mentions": r.mentions,
        "ndocs": len(docs) if isinstance(docs, Mapping | list | tuple | set) else 0,
    }
    if docs and isinstance(docs, Mapping):
        r.mdocs = [
            (doc_id("doc/" + dk), c if type(c) is int and 0 < c < EXACT_INT else integer(c) or 1)
            for dk, c in docs.items()
        ]
    if keep:
        r.snap = _snapshot(a)
        if r.snap is not None:
            r.head = inert_json_bytes(compact_json(r.static)[:-1])  # without its "}"
    return r


def node_tail(degree: int, pr: float, drawn: bool, value: float | None, c: int | None) -> bytes:
    """The JSON of a node's rank-dependent fields after its head (``,"degree":…}``): what
    ``json.dumps`` writes for them (ints and floats by their ``repr``, as its encoder).

    >>> node_tail(2, 0.000123, True, 0.5, -1)
    b',"degree":2,"pr":0.000123,"drawn":true,"value":0.5,"c":-1}'
    >>> node_tail(0, 1e-07, False, None, None) == compact_json(
    ...     {"degree": 0, "pr": 1e-07, "drawn": False}).encode().replace(b"{", b",")
    True
    """
    if drawn:
        return (
            f',"degree":{int.__repr__(degree)},"pr":{float.__repr__(pr)},"drawn":true,'
            f'"value":{float.__repr__(value)},"c":{int.__repr__(c)}}}'  # type: ignore[arg-type]
        ).encode()
    return f',"degree":{int.__repr__(degree)},"pr":{float.__repr__(pr)},"drawn":false}}'.encode()


class NodeList(list):  # type: ignore[type-arg]
    """A list of the page's data with each item's JSON (``parts``, made inert; None: encode
    the list whole): the nodes when every node's head was kept, the entities' rows."""

    parts: list[bytes] | None = None
