"""kg.cache_prune bounds this user's cache folder: other versions' files beyond a count or
an age go, but never one in use now (another build of another version may be running),
nor the caller's own; temporary files of killed writers go once stale."""

from __future__ import annotations

import os
import time
from pathlib import Path

from kg.cache_prune import IN_USE, STALE_TMP, prune


def _file(folder: Path, name: str, age: float) -> Path:
    path = folder / name
    path.write_bytes(b"x")
    os.utime(path, (time.time() - age, time.time() - age))
    return path


def test_a_week_of_upgrades_keeps_the_newest_and_those_in_use(tmp_path: Path) -> None:
    own = _file(tmp_path, "t-own.bin", 0)
    weeks = [_file(tmp_path, f"t-week{i}.bin", (i + 1) * 7 * 86400) for i in range(10)]
    running = _file(tmp_path, "t-running.bin", IN_USE / 10)  # another version's build
    unrelated = _file(tmp_path, "other-1.bin", 400 * 86400)
    removed = prune(own, "t-*.bin", keep=3)
    assert sorted(removed) == sorted(weeks[1:])
    assert own.exists() and running.exists() and weeks[0].exists() and unrelated.exists()


def test_in_use_files_stay_whatever_the_count(tmp_path: Path) -> None:
    own = _file(tmp_path, "t-own.bin", 0)
    busy = [_file(tmp_path, f"t-busy{i}.bin", 60) for i in range(5)]
    assert prune(own, "t-*.bin", keep=1) == []
    assert all(p.exists() for p in busy)


def test_an_age_bound_and_stale_temporary_files(tmp_path: Path) -> None:
    own = _file(tmp_path, "t-own.bin", 0)
    old = _file(tmp_path, "t-old.bin", 40 * 86400)
    stale_tmp = _file(tmp_path, ".t-x.bin.ab12cd.tmp", STALE_TMP * 2)
    fresh_tmp = _file(tmp_path, ".t-y.bin.ef34gh.tmp", 5)  # being written now
    assert sorted(prune(own, "t-*.bin", keep=10, max_age=30 * 86400)) == sorted([old, stale_tmp])
    assert fresh_tmp.exists()


def test_a_count_alone_when_none_is_spared(tmp_path: Path) -> None:
    # the pipeline snapshots (~50 MB each): the newest by count, used now or not
    own = _file(tmp_path, "t-own.bin", 0)
    busy = [_file(tmp_path, f"t-busy{i}.bin", 60 * (i + 1)) for i in range(4)]
    assert sorted(prune(own, "t-*.bin", keep=3, in_use=None)) == sorted(busy[2:])
    assert own.exists() and busy[0].exists() and busy[1].exists()
