"""kg.nlp.segment.initialize reads jieba_next's dictionary cache itself only when the
file and its folder are this user's and writable by no one else (a shared
/tmp/jieba-next-cache could hold anyone's file: marshal must not load it); otherwise
the tokenizer's own initialize() decides. (In tests/runtime: tests/nlp is another
engineer's today.)"""

from __future__ import annotations

import marshal
from pathlib import Path
from types import SimpleNamespace

import pytest

jieba_next = pytest.importorskip("jieba_next")

from kg.nlp import segment  # noqa: E402


def load(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, file_mode: int, dir_mode: int):
    folder = tmp_path / "cache"
    folder.mkdir()
    cache = folder / "jieba-next.cache"
    cache.write_bytes(marshal.dumps(({"某词": 3}, 3)))
    cache.chmod(file_mode)
    folder.chmod(dir_mode)
    monkeypatch.setattr(jieba_next, "resolve_cache_file", lambda path, **kw: cache)
    calls: list[str] = []
    seg = SimpleNamespace(dt=jieba_next.Tokenizer(), initialize=lambda: calls.append("own"))
    segment.initialize(seg)
    return seg.dt, calls


def test_this_users_private_cache_is_read(tmp_path: Path, monkeypatch) -> None:
    dt, calls = load(tmp_path, monkeypatch, 0o600, 0o700)
    assert calls == [] and dt.FREQ == {"某词": 3} and dt.total == 3


@pytest.mark.parametrize("file_mode,dir_mode", [(0o666, 0o700), (0o620, 0o700), (0o600, 0o777)])
def test_a_cache_others_could_write_is_left_to_the_tokenizer(
    tmp_path: Path, monkeypatch, file_mode: int, dir_mode: int
) -> None:
    dt, calls = load(tmp_path, monkeypatch, file_mode, dir_mode)
    assert calls == ["own"] and "某词" not in (dt.FREQ or {})


@pytest.mark.usefixtures("not_blocked")
def test_a_cache_that_is_a_named_pipe_is_left_to_the_tokenizer(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """(before: the worker's pipeline load blocked for good opening it)"""
    import os

    folder = tmp_path / "cache"
    folder.mkdir(mode=0o700)
    cache = folder / "jieba-next.cache"
    os.mkfifo(cache, 0o600)
    monkeypatch.setattr(jieba_next, "resolve_cache_file", lambda path, **kw: cache)
    calls: list[str] = []
    seg = SimpleNamespace(dt=jieba_next.Tokenizer(), initialize=lambda: calls.append("own"))
    segment.initialize(seg)
    assert calls == ["own"]
