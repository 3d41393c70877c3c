"""Read-only word tables that a new process loads in one piece: jieba's dictionary over its trie.

A pipeline snapshot (:mod:`kg.nlp.pipeline`) used to keep jieba's ``FREQ`` (word →
frequency, 545,000 words) and its tags (word → part of speech, 350,000 words) as dicts:
unpickling them made a million Python objects and took ~0.3 of the ~1 CPU-s a new worker
needs before its first document. The snapshot keeps the dictionary's trie anyway (the
compiled cut's, :class:`kg.nlp.routes.Trie`: numpy arrays, unpickled in a few
milliseconds); :class:`WordTable` is a mapping over that trie's nodes: one array of
values by node, the words' order in one string. It answers ``get``, ``[]``, ``in``,
``len`` and iteration as the dict did (in the dict's order); a lookup walks the trie
(~1 µs, where a dict takes ~0.1: the components look up a few thousand words per million
characters). Made when a snapshot is saved (in the snapshot's saver); a pipeline built in
the process itself keeps its dicts.

>>> from kg.nlp.routes import Trie
>>> freq = {"国务院": 10, "国务": 0, "国": 5, "院": 1}
>>> trie = Trie.from_freq(freq, 16)
>>> t = WordTable.of(freq, trie)
>>> t.get("国务院"), t.get("国务"), t.get("务"), t.get("务", 0), "国务" in t, len(t)
(10, 0, None, 0, True, 4)
>>> list(t.items()) == list(freq.items())
True
>>> tags = WordTable.of({"国务院": "nt", "院": "n", "实施": "v"}, trie)  # 实施: not in the trie
>>> tags["院"], tags["实施"], tags.get("国务"), tags.get("法", ""), list(tags)
('n', 'v', None, '', ['国务院', '院', '实施'])
"""

from __future__ import annotations

from collections.abc import ItemsView, Iterator, Mapping, ValuesView
from typing import Any

import numpy as np

from kg.nlp.routes import Trie

__all__ = ["WordTable"]


class WordTable(Mapping[str, Any]):
    """A str → int (≥ 0) or str → label mapping over a :class:`~kg.nlp.routes.Trie`: the
    value of a word that is a node of the trie in an array by node (-1: none; labels by
    number), the others in a dict; picklable. Words can be added or changed (``t[w] = v``,
    as jieba's ``add_word`` does to ``FREQ``)."""

    __slots__ = (
        "_added",
        "_count",
        "_extra",
        "_labels",
        "_nodes",
        "_order",
        "_trie",
        "_vals",
        "_values",
    )

    def __init__(
        self,
        trie: Trie,
        values: np.ndarray,
        labels: tuple[str, ...] | None,
        order: str,
        nodes: np.ndarray,
        extra: dict[str, int],
        count: int,
    ) -> None:
        self._trie = trie
        self._values = values  # by node: the value's number, -1 for none
        self._labels = labels  # value numbers → labels (None: the numbers are the values)
        self._order = order  # every word, joined by NUL, in the mapping's order
        self._nodes = nodes  # their nodes, in that order (0: no node of the trie)
        self._extra = extra  # the words that are no node of the trie → their numbers
        self._count = count
        self._vals = memoryview(values)  # (indexed from Python: ints, not numpy scalars)
        # words added since (word, node): joined to the order when it is read, so that
        # adding many words (jieba's ``load_userdict``) is not a copy of the order each
        self._added: list[tuple[str, int]] = []

    @classmethod
    def of(cls, mapping: Mapping[str, Any], trie: Trie) -> WordTable:
        """The table of ``mapping`` over ``trie``: its values all ints ≥ 0, or all
        strings (then numbered). ValueError for a key "" or with NUL, or another value."""
        words = list(mapping)
        values = list(mapping.values())
        labels = None
        if values and all(type(v) is str for v in values):
            labels = tuple(dict.fromkeys(values))
            number = {v: i for i, v in enumerate(labels)}
            values = [number[v] for v in values]
        elif not all(type(v) is int and v >= 0 for v in values):
            raise ValueError("the values must be all ints >= 0 or all strings")
        if any(not w or "\0" in w for w in words):
            raise ValueError("a word that is empty or holds NUL")
        top = max(values, default=0)
        by_node = np.full(len(trie.word), -1, dtype=_dtype(top))
        extra: dict[str, int] = {}
        nodes = np.fromiter(map(trie.node, words), dtype=np.int32, count=len(words))
        for w, k, v in zip(words, nodes.tolist(), values, strict=True):
            if k:
                by_node[k] = v
            else:
                extra[w] = v
        return cls(trie, by_node, labels, "\0".join(words), nodes, extra, len(words))

    def _flush(self) -> None:
        """Join the words added since to the order (and their nodes)."""
        if self._added:
            words = "\0".join(w for w, _ in self._added)
            self._order = f"{self._order}\0{words}" if self._order else words
            added = np.fromiter((k for _, k in self._added), dtype=np.int32)
            self._nodes = np.concatenate([self._nodes, added])
            self._added = []

    def __reduce__(self) -> tuple[Any, ...]:
        self._flush()
        state = (self._values, self._labels, self._order, self._nodes, self._extra)
        return (WordTable, (self._trie, *state, self._count))

    def _number(self, key: str) -> int:
        """The number of ``key``'s value, -1 when it has none."""
        k = self._trie.node(key) if type(key) is str else 0
        v = self._vals[k] if k else -1
        if v < 0 and self._extra:
            return self._extra.get(key, -1)
        return v

    def get(self, key: str, default: Any = None) -> Any:
        v = self._number(key)
        if v < 0:
            return default
        return v if self._labels is None else self._labels[v]

    def lookup(self, key: str, default: Any) -> Any:
        """``get`` with the default given (as a dict's ``get`` is called)."""
        return self.get(key, default)

    def __getitem__(self, key: str) -> Any:
        v = self._number(key)
        if v < 0:
            raise KeyError(key)
        return v if self._labels is None else self._labels[v]

    def __contains__(self, key: object) -> bool:
        return type(key) is str and self._number(key) >= 0

    def __len__(self) -> int:
        return self._count

    def __iter__(self) -> Iterator[str]:
        self._flush()
        return iter(self._order.split("\0")) if self._count else iter(())

    def _pairs(self) -> Iterator[tuple[str, Any]]:
        """(word, value) in order, without a walk of the trie per word (what
        ``jieba_tag_groups`` reads of the tags the first time a component asks)."""
        self._flush()
        numbers = self._values[self._nodes].tolist()  # node 0: -1, a word of ``_extra``
        labels, extra = self._labels, self._extra
        for w, v in zip(self, numbers, strict=True):
            if v < 0:
                v = extra[w]
            yield w, (v if labels is None else labels[v])

    def items(self) -> ItemsView[str, Any]:
        return _Items(self)

    def values(self) -> ValuesView[Any]:
        return _Values(self)

    def __setitem__(self, key: str, value: Any) -> None:
        if not key or "\0" in key:
            raise ValueError(f"cannot keep the word {key!r}")
        if self._labels is not None:
            number = self._labels.index(value) if value in self._labels else -1
            if number < 0:
                self._labels = (*self._labels, value)
                number = len(self._labels) - 1
        elif type(value) is int and value >= 0:
            number = value
        else:
            raise ValueError("a table of ints takes ints >= 0")
        k = self._trie.node(key)
        if self._number(key) < 0:
            self._added.append((key, k))
            self._count += 1
        if k:
            if number > np.iinfo(self._values.dtype).max:
                self._values = self._values.astype(np.int64)
                self._vals = memoryview(self._values)
            self._values[k] = number
        else:
            self._extra[key] = number

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Mapping):
            return len(self) == len(other) and all(
                other.get(k, _MISSING) == v for k, v in self.items()
            )
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"<WordTable of {len(self)} words>"


_MISSING = object()


class _Items(ItemsView):
    def __iter__(self) -> Iterator[tuple[str, Any]]:
        return self._mapping._pairs()


class _Values(ValuesView):
    def __iter__(self) -> Iterator[Any]:
        return (v for _, v in self._mapping._pairs())


def _dtype(top: int) -> type:
    """The smallest signed integer type that holds -1 and ``top`` (fewer bytes to read)."""
    for t in (np.int8, np.int16, np.int32):
        if top <= np.iinfo(t).max:
            return t
    return np.int64
