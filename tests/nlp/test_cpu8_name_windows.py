""":class:`kg.nlp.gazetteer.NameWindows` builds its tables with whole arrays: the same
tables as one name at a time (the reference below), and the same windows."""

from __future__ import annotations

import random
from itertools import pairwise

import numpy as np
import pytest

from kg.nlp.gazetteer import NameWindows


def reference(names: list[str], w: NameWindows) -> dict[str, object]:
    """The tables, name by name, with ``w``'s character ids."""
    m = w.m
    ids = {chr(c): int(w.lut[c]) for c in np.flatnonzero(w.lut) if int(w.lut[c]) < m}
    flags = np.zeros(m * m, dtype=np.uint8)
    single = np.zeros(m + 1, dtype=bool)
    triples, names3, quads = set(), set(), set()
    for name in names:
        if len(name) == 1:
            single[ids[name]] = True
            continue
        flags[ids[name[0]] * m + ids[name[1]]] |= 6 if len(name) == 2 else 2
        if len(name) > 2:
            flags[ids[name[1]] * m + ids[name[2]]] |= 8
            t3 = (ids[name[0]] * m + ids[name[1]]) * m + ids[name[2]]
            triples.add(t3)
            (names3.add(t3) if len(name) == 3 else quads.add(t3 * m + ids[name[3]]))
        for a, b in pairwise(name):
            flags[ids[a] * m + ids[b]] |= 1
    return {
        "flags": flags,
        "single": single if single.any() else None,
        "triples": np.array(sorted(triples), dtype=np.int64),
        "names3": np.array(sorted(names3), dtype=np.int64),
        "quads": np.array(sorted(quads), dtype=np.int64),
    }


def _names(seed: int) -> list[str]:
    rng = random.Random(seed)
    chars = "国务院办公厅中华人民共和国省市县委员会部局京沪"
    return ["".join(rng.choice(chars) for _ in range(rng.randint(1, 7))) for _ in range(400)]


@pytest.mark.parametrize(
    "names",
    [
        ["国务院", "中国", "院长"],
        ["京", "沪", "中国", "国务院办公厅"],
        ["𠀀国", "国𠀀家"],
        _names(1),
        _names(2),
    ],
)
def test_tables_as_name_by_name(names):
    w = NameWindows(names, strip_quotes=True)
    assert w.usable
    ref = reference(names, w)
    for key, value in ref.items():
        got = getattr(w, key)
        if value is None:
            assert got is None
        else:
            assert got.dtype == value.dtype and np.array_equal(got, value), key


def test_windows_keep_every_match():
    names = _names(3)
    w = NameWindows(names)
    text = "".join(random.Random(4).choice(names) + "，" for _ in range(200))
    joined, where = w.reduce(text)
    found = {
        (int(where[i]), n)
        for n in set(names)
        for i in range(len(joined))
        if joined.startswith(n, i)
    }
    every = {(i, n) for n in set(names) for i in range(len(text)) if text.startswith(n, i)}
    assert found == every


def test_no_names():
    w = NameWindows([])
    assert w.reduce("国务院")[0] == ""
