"""The user's shared pipeline snapshot (kg.nlp.pipeline.shared_snapshot_dir): a build
whose cache folder has no snapshot restores the one an earlier build of the same code
saved there, keeps a link to it in its own folder, and never loads one it did not seal."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

# processes, pipeline snapshots or whole builds: `make test`, not the inner loop (`make test-fast`)
pytestmark = pytest.mark.slow

REPO = Path(__file__).resolve().parents[2]

SCRIPT = """
import json, sys
import kg.nlp.pipeline as P
built = []
make = P.make_nlp
P.make_nlp = lambda *a, **k: built.append(1) or make(*a, **k)
nlp = P.get_nlp(lean=True, snapshot_dir=sys.argv[1])
mentions = [(m.text, m.type) for m in nlp("工业和信息化部部长在北京表示。")._.kg.mentions]
print(json.dumps({"built": len(built), "mentions": mentions}))
"""


def get_nlp_in_a_new_process(folder: Path, shared: Path | str) -> dict:
    env = {**os.environ, "PYTHONPATH": str(REPO), "KG_PIPELINE_SHARED": str(shared)}
    env.pop("KG_PIPELINE_CACHE", None)
    r = subprocess.run([sys.executable, "-c", SCRIPT, str(folder)], env=env,
                       capture_output=True, text=True, timeout=600)  # fmt: skip
    assert r.returncode == 0, r.stderr[-2000:]
    return json.loads(r.stdout.strip().splitlines()[-1])


def snapshots(folder: Path) -> list[Path]:
    return sorted(folder.glob("pipeline-*.pkl"))


def test_a_new_cache_folder_restores_the_shared_snapshot(tmp_path: Path) -> None:
    shared = tmp_path / "shared"
    first = get_nlp_in_a_new_process(tmp_path / "a", shared)
    assert first["built"] == 1
    (saved,) = snapshots(shared)
    assert [p.name for p in snapshots(tmp_path / "a")] == [saved.name]
    second = get_nlp_in_a_new_process(tmp_path / "b", shared)
    assert second == {**first, "built": 0}  # restored: the same mentions
    (linked,) = snapshots(tmp_path / "b")  # for the next build of that cache folder
    assert linked.name == saved.name and linked.read_bytes() == saved.read_bytes()


def test_a_forged_shared_snapshot_is_never_loaded_and_replaced(tmp_path: Path) -> None:
    shared = tmp_path / "shared"
    get_nlp_in_a_new_process(tmp_path / "a", shared)
    (saved,) = snapshots(shared)
    data = bytearray(saved.read_bytes())
    data[-100] ^= 1  # the seal no longer matches
    saved.unlink()  # (a hard link of the build folder's file: written anew, not in place)
    saved.write_bytes(bytes(data))
    again = get_nlp_in_a_new_process(tmp_path / "b", shared)
    assert again["built"] == 1
    assert snapshots(shared)[0].read_bytes() != bytes(data)


def test_the_shared_folder_can_be_turned_off(tmp_path: Path) -> None:
    assert get_nlp_in_a_new_process(tmp_path / "a", "off")["built"] == 1
    assert get_nlp_in_a_new_process(tmp_path / "b", "off")["built"] == 1
    assert snapshots(tmp_path / "b")


def _fake_nlp() -> object:
    """What save_snapshot reads of a pipeline: its segmenter's dictionary, its pipes."""
    from types import SimpleNamespace as NS

    dt = NS(initialized=True, FREQ={"国务院": 5}, total=5, user_word_tag_tab={})
    seg = NS(__name__="fake_segmenter", dt=dt)
    return NS(tokenizer=NS(tokenizer=NS(jieba_seg=seg)), pipeline=[])


def test_a_write_lock_left_by_a_killed_writer_is_taken_over(tmp_path: Path) -> None:
    from kg.nlp import pipeline as P

    path = tmp_path / "pipeline-x.pkl"
    lock = path.with_name(path.name + ".lock")
    lock.touch()
    assert not P.save_snapshot(_fake_nlp(), path)  # a writer may be at work: skipped
    old = lock.stat().st_mtime - P.STALE_LOCK - 1
    os.utime(lock, (old, old))
    assert P.save_snapshot(_fake_nlp(), path)
    assert path.exists() and not lock.exists()
