"""kg.nlp.regex_cache's seed (review 10, S7): another checkout's table is read but never
touched (so that it can be swept when that checkout is gone), a seeded checkout writes
its own table once, and a table sealed with another user's secret is passed over."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from kg.nlp import regex_cache
from tests.runtime.test_speed10_regex_seed import SCRIPT, checkout


def run(module: Path, cache: Path, n: int = 20, secret: Path | None = None) -> list[str]:
    env = {
        k: v for k, v in os.environ.items() if k not in (regex_cache.CACHE_ENV, "KG_SECRET_FILE")
    }
    env["XDG_CACHE_HOME"] = str(cache)
    if secret is not None:
        env["KG_SECRET_FILE"] = str(secret)
    out = subprocess.run([sys.executable, "-c", SCRIPT, str(module), str(n)], env=env,
                         check=True, capture_output=True, text=True)  # fmt: skip
    return out.stdout.split()


def tables(cache: Path) -> list[Path]:
    return sorted((cache / "kg").glob("regex-*.bin"))


def test_a_seed_is_not_touched_and_the_seeded_checkout_writes_its_own(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    a, b = checkout(tmp_path / "a"), checkout(tmp_path / "b")
    assert run(a, cache) == ["20", "True", "False"]
    (a_table,) = tables(cache)
    old = a_table.stat().st_mtime - 40 * 86400  # a's checkout long gone
    os.utime(a_table, (old, old))
    # b starts from a's table (all 20 found there) and writes its own once
    assert run(b, cache) == ["20", "True", "True"]
    # a's table was read, not touched: b's save swept it as stale
    assert not a_table.exists()
    # b's own table has them: nothing to write
    assert run(b, cache) == ["0", "False", "False"]


def test_a_fresh_seed_is_kept(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    a, b = checkout(tmp_path / "a"), checkout(tmp_path / "b")
    run(a, cache)
    (a_table,) = tables(cache)
    before = a_table.stat().st_mtime_ns, a_table.read_bytes()
    assert run(b, cache) == ["20", "True", "True"]
    assert (a_table.stat().st_mtime_ns, a_table.read_bytes()) == before
    assert len(tables(cache)) == 2


def test_a_table_sealed_with_another_secret_is_passed_over(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    a, b = checkout(tmp_path / "a"), checkout(tmp_path / "b")
    # another user's table (another secret) in the same folder
    assert run(a, cache, secret=tmp_path / "other-user-secret") == ["20", "True", "False"]
    (a_table,) = tables(cache)
    before = a_table.stat().st_mtime_ns
    # b cannot unseal it: no seed, all 20 compiled and written to b's own table
    assert run(b, cache) == ["20", "True", "False"]
    assert a_table.stat().st_mtime_ns == before
    assert run(b, cache) == ["0", "False", "False"]
