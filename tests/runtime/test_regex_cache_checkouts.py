"""kg.nlp.regex_cache keeps one table per checkout (two checkouts of different code no
longer rewrite one table in turn) and a save sweeps the tables nobody used for
STALE_DAYS."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from kg.nlp import regex_cache
from tests.runtime.test_startw_regex_cache import run


def _cache_path_of_a_checkout(root: Path) -> Path:
    """cache_path() of the module as a checkout at ``root`` would import it."""
    import importlib.util

    f = root / "kg" / "nlp" / "regex_cache.py"
    f.parent.mkdir(parents=True)
    f.write_bytes(Path(regex_cache.__file__).read_bytes())
    spec = importlib.util.spec_from_file_location(f"regex_cache_{root.name}", f)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod.cache_path()


def test_each_checkout_has_its_own_table(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(regex_cache.CACHE_ENV, raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    a = _cache_path_of_a_checkout(tmp_path / "a")
    b = _cache_path_of_a_checkout(tmp_path / "b")
    assert a.parent == b.parent == tmp_path / "cache" / "kg"
    assert a != b
    # the same Python: the names differ by the checkout's part only
    assert a.name.split("-")[1] == b.name.split("-")[1] and a.name != b.name


def test_a_save_sweeps_stale_tables_and_keeps_recent_ones(tmp_path: Path) -> None:
    stale, recent = tmp_path / "regex-aaaa-old.bin", tmp_path / "regex-bbbb-new.bin"
    other = tmp_path / "pipeline-x.pkl"  # not a table: never touched
    for f in (stale, recent, other):
        f.write_bytes(b"x")
    old = time.time() - (regex_cache.STALE_DAYS + 1) * 86400
    os.utime(stale, (old, old))
    os.utime(other, (old, old))
    run(tmp_path / "regex-cccc-mine.bin")  # compiles 22 new expressions and saves
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "pipeline-x.pkl",
        "regex-bbbb-new.bin",
        "regex-cccc-mine.bin",
    ]


def test_a_save_keeps_at_most_keep_other_tables_but_those_in_use(tmp_path: Path) -> None:
    """A developer's many checkouts (or Pythons) each leave a ~2 MB table: a save keeps
    the KEEP most recently used (its own, one in use within the hour: a build of that
    checkout may be running, and the newest others), not one per checkout for
    STALE_DAYS."""
    from kg.cache_prune import IN_USE

    days = [tmp_path / f"regex-aaaa-{i:04d}.bin" for i in range(regex_cache.KEEP + 5)]
    for i, f in enumerate(days):
        f.write_bytes(b"x")
        used = time.time() - (i + 1) * 86400  # one checkout a day, the newest first
        os.utime(f, (used, used))
    running = tmp_path / "regex-aaaa-busy.bin"
    running.write_bytes(b"x")
    os.utime(running, (time.time() - IN_USE / 2,) * 2)
    run(tmp_path / "regex-cccc-mine.bin")  # compiles 22 new expressions and saves
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        [f.name for f in days[: regex_cache.KEEP - 2]] + [running.name, "regex-cccc-mine.bin"]
    )
