"""A cache file that is a named pipe or a folder: read as no file, never waited on
(before: a build blocked for good on a pipe as its secret, snapshot, table or index);
this user's secret of another kind is set aside and made anew (warning E111)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from kg import sealed
from kg.cache_files import read_cache_file
from kg.io import read_regular
from kg.runtime.store import load_checked


@pytest.fixture
def pipe(tmp_path: Path, not_blocked: None) -> Path:
    os.mkfifo(tmp_path / "p")
    return tmp_path / "p"


def test_read_regular_refuses_a_pipe_and_a_folder_at_once(tmp_path: Path, pipe: Path) -> None:
    for path in (pipe, tmp_path):
        with pytest.raises(OSError) as caught:
            read_regular(path)
        assert caught.value.filename == str(path)
    (tmp_path / "f").write_bytes(b"abc")
    (tmp_path / "l").symlink_to(tmp_path / "f")
    assert read_regular(tmp_path / "l") == b"abc"


def test_a_checked_file_that_is_a_pipe_is_damaged_not_waited_on(pipe: Path) -> None:
    assert load_checked(pipe) == (None, True)


@pytest.mark.usefixtures("not_blocked")
@pytest.mark.parametrize("kind", ["pipe", "folder"])
def test_a_secret_of_another_kind_is_set_aside(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
    kind: str,
) -> None:  # fmt: skip
    secret = tmp_path / "kg" / "secret"
    secret.parent.mkdir()
    os.mkfifo(secret) if kind == "pipe" else secret.mkdir()
    monkeypatch.setenv("KG_SECRET_FILE", str(secret))  # (a new path: not remembered)
    assert bytes(sealed.unseal(sealed.seal(b"data"))) == b"data"
    assert secret.is_file() and len(secret.read_bytes()) == 32
    assert "[E111]" in capsys.readouterr().err
    assert len([p for p in secret.parent.iterdir() if ".set-aside-" in p.name]) == 1


@pytest.mark.usefixtures("not_blocked")
@pytest.mark.parametrize("kind", ["pipe", "folder"])
def test_a_user_cache_file_of_another_kind_is_set_aside(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], kind: str
) -> None:
    """A gazetteer form (as a regex table or a snapshot) that is a folder or a pipe: no
    form, and set aside, so that the next save writes one (before: a pipe blocked the
    build; a folder made every save fail, silently)."""
    from kg.nlp import gazetteer_cache

    form = tmp_path / "gazetteer-x.bin"
    os.mkfifo(form) if kind == "pipe" else form.mkdir()
    assert gazetteer_cache.load(form) is None
    assert not form.exists() and "[E111]" in capsys.readouterr().err
    assert read_cache_file(tmp_path / "missing.bin") is None
    assert capsys.readouterr().err == ""


@pytest.mark.parametrize("content", [b"", b"short"])
def test_a_secret_too_short_is_made_anew(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, content: bytes
) -> None:
    """(before: an existing secret shorter than 32 bytes, even an empty one, was the HMAC
    key that guards the pickles)"""
    secret = tmp_path / "kg" / "secret"
    secret.parent.mkdir()
    secret.write_bytes(content)
    monkeypatch.setenv("KG_SECRET_FILE", str(secret))
    assert bytes(sealed.unseal(sealed.seal(b"data"))) == b"data"
    assert len(secret.read_bytes()) == 32 and sealed.user_secret() == secret.read_bytes()
