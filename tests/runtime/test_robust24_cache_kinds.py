"""A cache file replaced by a folder, a named pipe or a socket (warning E111): set aside,
the build goes on as a fresh one (before: E080 and nothing built, or a build blocked
for good opening a pipe)."""

from __future__ import annotations

import os
import shutil
import socket
from pathlib import Path

import pytest

from kg.build import build
from kg.runtime.cache_layout import (
    CACHE_FILES,
    MANIFEST_NAME,
    OUTPUTS_NAME,
    PACKS,
    SNAPSHOTS_NAME,
    TABLE_NAME,
)
from kg.runtime.extract import ResultCache

TEXT = "国务院办公厅印发通知，要求各地区加强安全生产工作。"


def _build(doc: Path, out: Path, cache: bool = True) -> str:
    build([doc], out, workers=1, cache_dir=out / ".cache" if cache else None,
          formats=("ttl",), quiet=True)  # fmt: skip
    return (out / "graph.ttl").read_text(encoding="utf-8")


def _replace(path: Path, kind: str) -> None:
    if path.is_dir():
        shutil.rmtree(path)
    else:
        path.unlink(missing_ok=True)
    if kind == "file":
        path.write_text("x")
    elif kind == "folder":
        (path / "inside").mkdir(parents=True)
    elif kind == "pipe":
        os.mkfifo(path)
    else:
        with socket.socket(socket.AF_UNIX) as s:
            s.bind(str(path))


@pytest.mark.parametrize(
    ("name", "kind"),
    [(n, "folder") for n in CACHE_FILES]
    + [(MANIFEST_NAME, "pipe"), (TABLE_NAME, "pipe"), (PACKS[0], "socket")]
    + [(SNAPSHOTS_NAME, "file")],
)
@pytest.mark.usefixtures("not_blocked")
def test_a_cache_file_of_another_kind_is_set_aside(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str, kind: str
) -> None:
    doc = tmp_path / "a.txt"
    doc.write_text(TEXT, encoding="utf-8")
    out = tmp_path / "out"
    _build(doc, out)
    doc.write_text(TEXT + "\n全国人民代表大会常务委员会通过了决定。", encoding="utf-8")
    _replace(out / ".cache" / name, kind)
    capsys.readouterr()
    graph = _build(doc, out)
    err = capsys.readouterr().err
    # nothing else said (a pack set aside took its index along: no E101)
    assert err.count("warning:") == err.count("[E111]") == 1, err
    assert f"{out / '.cache' / name}:" in err, err
    aside = [p for p in (out / ".cache").iterdir() if p.name.startswith(f"{name}.set-aside-")]
    # kept as it was, never removed
    assert len(aside) == 1 and aside[0].is_file() == (kind == "file")
    # (the outputs' record: written when they are kept; the snapshots' folder: by workers)
    made = out / ".cache" / name
    assert made.is_file() or name in (OUTPUTS_NAME, SNAPSHOTS_NAME)
    assert graph == _build(doc, tmp_path / "fresh", cache=False)
    capsys.readouterr()
    assert _build(doc, out) == graph  # and the next build uses the cache again
    assert "[E111]" not in capsys.readouterr().err


def test_two_entries_set_aside_the_same_second_keep_apart(tmp_path: Path) -> None:
    from kg.cache_files import SERIAL_NAME, set_aside

    for _ in range(3):
        (tmp_path / MANIFEST_NAME).mkdir()
        assert [w.code for w in set_aside(tmp_path, [MANIFEST_NAME])] == ["E111"]
    assert len([p for p in tmp_path.iterdir() if p.name != SERIAL_NAME]) == 3


def test_the_result_cache_of_extract_sets_a_folder_aside(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / PACKS[0]).mkdir()
    cache = ResultCache(tmp_path)
    cache.store.put("k", b"x")
    cache.close()
    assert "[E111]" in capsys.readouterr().err and (tmp_path / PACKS[0]).is_file()


def test_a_dead_builds_staging_name_that_is_a_file_is_removed(tmp_path: Path) -> None:
    """A file (or link) under a dead build's staging name: said removed (E107) each
    build while ``rmtree`` left it."""
    from kg.runtime.lifecycle import STAGING_PREFIX, remove_dead_staging

    stale = [tmp_path / f"{STAGING_PREFIX}999999999.1-{n}" for n in "ab"]
    stale[0].write_text("x")
    stale[1].symlink_to(tmp_path)  # a link to a folder: the link goes, never the folder
    assert sorted(remove_dead_staging(tmp_path)) == stale
    assert sorted(tmp_path.iterdir()) == [] and remove_dead_staging(tmp_path) == []


def test_a_dead_builds_staging_left_in_place_is_not_said_removed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """(E107 counted a staging folder or file as removed even when it stayed: a folder
    this user cannot empty, a file in a folder it cannot write)"""
    from kg.runtime import lifecycle
    from kg.runtime.lifecycle import STAGING_PREFIX, remove_dead_staging

    (tmp_path / f"{STAGING_PREFIX}999999999.1-a").mkdir()
    (tmp_path / f"{STAGING_PREFIX}999999999.1-b").write_text("x")
    monkeypatch.setattr(lifecycle.shutil, "rmtree", lambda *a, **k: None)

    def refused(self: Path, missing_ok: bool = False) -> None:
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "unlink", refused)
    assert remove_dead_staging(tmp_path) == []
