"""A cache folder that cannot be used (:mod:`kg.runtime.cache_check`): why, and how to use
it again (warning E109); a build called directly goes on without it as ``kg build``
does."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from kg.build import build
from kg.runtime import cache_check
from kg.runtime.cache_check import unusable_cache

REPO = Path(__file__).resolve().parents[2]
#: run as root, a process sees every file as its own: these drop that (as a user has it)
AS_A_USER = ["setpriv", "--inh-caps=-dac_override,-dac_read_search",
             "--bounding-set=-dac_override,-dac_read_search"]  # fmt: skip


def test_a_cache_folder_that_cannot_be_written_is_told(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = tmp_path / "out" / ".cache"
    real = cache_check.os.access
    monkeypatch.setattr(cache_check.os, "access",
                        lambda p, mode: Path(p) != cache and real(p, mode))  # fmt: skip
    problem = unusable_cache(cache, tmp_path / "out")
    assert problem is not None and problem.reason == "it cannot be written"
    assert "make it writable" in problem.fix
    monkeypatch.setattr(cache_check.os, "access", lambda p, mode: False)  # nor the output
    assert unusable_cache(cache, tmp_path / "out") is None  # (E080 says why)


def test_a_cache_file_this_user_cannot_write_is_told(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A file of the cache another user wrote (one ``sudo kg build``): the fix names the
    cache folder to remove."""
    cache = tmp_path / "out" / ".cache"
    cache.mkdir(parents=True)
    (cache / "results.pack").write_bytes(b"x")
    (cache / "manifest.bin").write_bytes(b"x")
    real = cache_check.os.access
    monkeypatch.setattr(
        cache_check.os, "access", lambda p, mode: Path(p).name != "results.pack" and real(p, mode)
    )
    problem = unusable_cache(cache, tmp_path / "out")
    assert problem is not None
    assert problem.reason == "this user cannot read and write results.pack in it"
    assert problem.fix.startswith(f"remove the cache folder {cache}")


def test_a_parent_that_is_a_file_is_named(tmp_path: Path) -> None:
    (tmp_path / "f").write_text("x")
    problem = unusable_cache(tmp_path / "f" / "a" / "cache", tmp_path)
    assert problem == (f"{tmp_path / 'f'} is a file, not a folder",
                       f"remove the file {tmp_path / 'f'}")  # fmt: skip


def test_a_folder_it_cannot_list_is_a_reason_not_a_crash(tmp_path: Path) -> None:
    """A cache folder this user can write but not list (mode 0300): the look raised
    PermissionError from ``iterdir`` (a traceback from ``kg build``)."""
    if shutil.which("setpriv") is None:
        pytest.skip("no setpriv")
    cache = tmp_path / "cache"
    cache.mkdir(mode=0o300)
    cache.chmod(0o300)
    code = ("from kg.runtime.cache_check import unusable_cache; import sys; "
            "print(unusable_cache(sys.argv[1], sys.argv[2]))")  # fmt: skip
    r = subprocess.run([*AS_A_USER, sys.executable, "-c", code, str(cache), str(tmp_path)],
                       capture_output=True, text=True, timeout=60,
                       env={**os.environ, "PYTHONPATH": str(REPO)})  # fmt: skip
    if r.returncode != 0 and "setpriv" in r.stderr:
        pytest.skip(f"setpriv cannot drop the capabilities: {r.stderr.strip()}")
    assert r.returncode == 0, r.stderr
    assert "Permission denied" in r.stdout and "remove the cache folder" in r.stdout


def test_build_called_directly_goes_on_without_the_cache(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``build()`` (not only ``kg build``) with a cache folder under a file: E109 with the
    fix, and the outputs (it raised from making the folder before)."""
    doc = tmp_path / "a.txt"
    doc.write_text("国务院办公厅印发通知，要求各地区加强安全生产工作。", encoding="utf-8")
    (tmp_path / "f").write_text("x")
    out = tmp_path / "out"
    report = build([doc], out, workers=1, cache_dir=tmp_path / "f" / "cache",
                   formats=("ttl",), quiet=True)  # fmt: skip
    assert report.docs_read == 1 and (out / "graph.ttl").stat().st_size > 0
    err = capsys.readouterr().err
    assert "[E109]" in err and f"remove the file {tmp_path / 'f'}" in err
