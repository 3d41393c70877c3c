"""kg.nlp.segment.initialize reads jieba_next's dictionary cache whole (same FREQ and
total as jieba_next's own initialize, in the same order); a damaged cache is left to
jieba_next."""

from __future__ import annotations

import types
from pathlib import Path

import pytest

from kg.nlp.segment import initialize

# processes, pipeline snapshots or whole builds: `make test`, not the inner loop (`make test-fast`)
pytestmark = pytest.mark.slow

tokenizer = pytest.importorskip("jieba_next.tokenizer")


def fresh(cache: Path | None = None):
    dt = tokenizer.Tokenizer()
    if cache is not None:
        dt.cache_file = cache
    return types.SimpleNamespace(dt=dt, initialize=dt.initialize, cut=dt.cut)


def test_the_cache_read_whole_gives_jieba_next_s_dictionary() -> None:
    ours = fresh()
    initialize(ours)
    theirs = tokenizer.Tokenizer()
    theirs.initialize()
    assert ours.dt.initialized and ours.dt._rust_prefix is None  # built on first use
    assert ours.dt.total == theirs.total
    assert list(ours.dt.FREQ.items()) == list(theirs.FREQ.items())


def test_a_damaged_cache_is_left_to_jieba_next(tmp_path: Path) -> None:
    cache = tmp_path / "jieba.cache"
    cache.write_bytes(b"\x00not marshal")
    ours = fresh(cache)
    initialize(ours)  # jieba_next rebuilds it from its dict.txt (and rewrites the cache)
    theirs = tokenizer.Tokenizer()
    theirs.initialize()
    assert ours.dt.total == theirs.total and ours.dt.FREQ == theirs.FREQ
