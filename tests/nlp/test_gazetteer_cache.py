"""The default gazetteer's binary form: the same object as read from the files, written
once per version of the code and data, never trusted unless sealed by this user."""

from __future__ import annotations

import dataclasses
import os
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from kg.cache_prune import IN_USE
from kg.nlp import gazetteer as G
from kg.nlp import gazetteer_cache as C


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    before = G.load_gazetteer()  # the session's, given back after
    monkeypatch.setenv(C.CACHE_ENV, str(tmp_path))
    G.forget_gazetteers()
    yield tmp_path
    G.forget_gazetteers()
    G.prime_gazetteer(None, before)


def _same(a: G.Gazetteer, b: G.Gazetteer) -> None:
    for f in dataclasses.fields(G.Gazetteer):
        x, y = getattr(a, f.name), getattr(b, f.name)
        assert x == y, f.name
        if isinstance(x, dict):  # the order too: the matchers walk these dicts
            assert list(x.items()) == list(y.items()), f.name


def test_binary_form_is_the_gazetteer_read_from_the_files(folder: Path) -> None:
    first = G.load_gazetteer()
    assert [p.name for p in folder.iterdir()] == [C.cache_path().name]
    G.forget_gazetteers()
    calls = []
    real = G.load_gazetteer_from
    G.load_gazetteer_from = lambda d: calls.append(d) or real(d)  # type: ignore[assignment]
    try:
        again = G.load_gazetteer()
    finally:
        G.load_gazetteer_from = real  # type: ignore[assignment]
    assert calls == []  # from the binary form
    assert again is not first
    _same(again, G.load_gazetteer_from(G.ONTOLOGY_DIR))
    assert again.lookup("工信部") == first.lookup("工信部") is not None


def test_damaged_or_foreign_file_is_read_from_the_files(folder: Path) -> None:
    G.load_gazetteer()
    path = C.cache_path()
    data = bytearray(path.read_bytes())
    data[-1] ^= 1  # one bit: the seal no longer holds
    path.write_bytes(bytes(data))
    assert C.load(path) is None
    G.forget_gazetteers()
    _same(G.load_gazetteer(), G.load_gazetteer_from(G.ONTOLOGY_DIR))
    assert C.load(path) is not None  # written again


def test_another_version_gets_another_file_and_the_oldest_go(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    G.load_gazetteer()
    first = C.cache_path()
    names = [first.name]
    used = time.time() - 2 * IN_USE  # (a file used within IN_USE would stay: in use)
    os.utime(first, (used, used))
    for i in range(C.KEEP):
        monkeypatch.setattr(C, "code_version", lambda i=i: f"another {i}")
        path = C.cache_path()
        assert path.name not in names and C.load(path) is None
        G.forget_gazetteers()
        G.load_gazetteer()
        names.append(path.name)
        later = time.time_ns() + (i + 1) * 10**9  # (surely after the first)
        os.utime(path, ns=(later, later))
    # the least recently used one went
    assert sorted(p.name for p in folder.iterdir()) == sorted(names[1:])


def test_off(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(C.CACHE_ENV, "off")
    assert C.cache_path() is None and C.load(None) is None
    C.save(None, object())  # nothing to write
