"""The cache is untrusted data (kg.runtime.store, kg.runtime.codec, kg.sealed).

Damage anywhere in the cache folder costs time, never correctness: the build does not
crash and writes the very same graph. Nothing in the cache is unpickled unless sealed with
this user's secret, so a forged pickle is never run.
"""

from __future__ import annotations

import os
import pickle
import random
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from kg.build import SAMPLE_DIR, build
from kg.runtime.store import PackStore, dump_checked, load_checked

REPO = Path(__file__).resolve().parents[2]
LAWS = REPO.parent / "shared" / "corpus" / "laws"
CACHE_FILES = (
    "results.pack",
    "results.pack.idx",
    "fragments.pack",
    "fragments.pack.idx",
    "manifest.bin",
)

TEXTS = {
    "a/网络安全法.md": "# 网络安全法\n\n国家网信部门负责统筹协调网络安全工作。"
    "工业和信息化部依照本法负责保护工作。",
    "a/数据安全法.md": "# 数据安全法\n\n国务院有关部门依照本法履行职责。"
    "中国与泰国、以色列开展数据安全合作。",
    "b/报告.md": "# 报告\n\n2015年5月，中国与联合国教科文组织合作在青岛举办国际教育信息化大会。",
}


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    root = tmp_path / "in"
    for name, text in TEXTS.items():
        p = root / name
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(text, encoding="utf-8")
    shutil.copytree(SAMPLE_DIR, root / "sample")
    for p in root.rglob("*"):  # not "racily clean": the manifest's shortcut is used
        os.utime(p, (os.path.getmtime(p) - 60, os.path.getmtime(p) - 60))
    return root


def run(corpus: Path, out: Path, workers: int = 1) -> bytes:
    build([corpus], out, cache_dir=out / ".cache", workers=workers, quiet=True,
          formats=("ttl", "nt"), fast_export=True)  # fmt: skip
    return (out / "graph.ttl").read_bytes() + (out / "graph.nt").read_bytes()


def test_damage_at_100_random_places_never_crashes_nor_changes_the_graph(
    corpus: Path, tmp_path: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    want = run(corpus, out)
    rng = random.Random(20261205)
    warned = 0
    for i in range(100):
        path = out / ".cache" / rng.choice(CACHE_FILES)
        size = path.stat().st_size
        n = rng.choice((1, 8, 64, 5000))
        off = rng.randrange(max(1, size))
        with path.open("r+b") as f:
            f.seek(off)
            f.write(rng.randbytes(n))
        assert run(corpus, out) == want, f"damage {i}: {n} bytes at {off} of {path.name}"
        warned += "[E101]" in capfd.readouterr().err
    assert warned >= 50  # reported (once per build, see below)


def test_damage_is_reported_once_per_build(
    corpus: Path, tmp_path: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    want = run(corpus, out)
    capfd.readouterr()
    pack = out / ".cache" / "results.pack"
    pack.write_bytes(bytes(pack.stat().st_size))  # every record damaged
    assert run(corpus, out) == want
    err = capfd.readouterr().err
    assert err.count("[E101]") == 1, err
    assert run(corpus, out) == want
    assert "[E101]" not in capfd.readouterr().err  # repaired


def test_a_cache_overwritten_by_5kb_does_not_stop_builds_with_or_without_cache(
    corpus: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    want = run(corpus, out)
    pack = out / ".cache" / "results.pack"
    with pack.open("r+b") as f:
        f.seek(min(100, pack.stat().st_size // 2))
        f.write(b"\xff" * 5000)
    assert run(corpus, out) == want
    build([corpus], tmp_path / "plain", workers=1, quiet=True, formats=("ttl",),
          fast_export=True)  # fmt: skip
    assert (tmp_path / "plain" / "graph.ttl").read_bytes() == (out / "graph.ttl").read_bytes()


class Evil:
    """Unpickling it creates ``marker`` (as any code could run)."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self):
        return (open, (str(self.marker), "w"))


def forge(cache: Path, marker: Path, snapshot_head: bytes) -> None:
    """Put a code-running pickle everywhere in ``cache``, with valid checksums."""
    payload = pickle.dumps(Evil(marker))
    for name in ("results.pack", "fragments.pack"):
        head, damaged = load_checked(cache / f"{name}.idx")
        assert not damaged
        if head is None:
            assert name == "fragments.pack"  # a small build does not assemble fragments
            continue
        store = PackStore(cache / name)
        for key in list(store.index):
            store.put(key, payload)
        store.close()
    dump_checked(cache / "manifest.bin", payload)  # a checked file holding a pickle
    snaps = list((cache / "pipeline").glob("pipeline-*.pkl"))
    assert snaps
    for snap in snaps:
        snap.write_bytes(snapshot_head + payload)


@pytest.mark.parametrize("snapshot_head", [b"", b"KGS1" + bytes(32)], ids=["raw", "bad-tag"])
def test_a_forged_pickle_in_the_cache_is_never_run(
    corpus: Path, tmp_path: Path, snapshot_head: bytes
) -> None:
    out = tmp_path / "out"
    cmd = [sys.executable, "-m", "kg.cli", "build", str(corpus), "--out", str(out),
           "--workers", "2", "-f", "ttl", "-q"]  # fmt: skip
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    first = subprocess.run(cmd, env=env, capture_output=True, timeout=600)
    assert first.returncode == 0, first.stderr.decode()
    want = (out / "graph.ttl").read_bytes()
    marker = tmp_path / "pwned"
    forge(out / ".cache", marker, snapshot_head)
    again = subprocess.run(cmd, env=env, capture_output=True, timeout=600)
    assert again.returncode == 0, again.stderr.decode()
    assert not marker.exists()
    assert (out / "graph.ttl").read_bytes() == want
    # the snapshot was rebuilt, sealed: the next process restores it
    snap = next((out / ".cache" / "pipeline").glob("pipeline-*.pkl"))
    assert snap.read_bytes()[:4] == b"KGS1"


def test_pickle_payload_is_really_evil(tmp_path: Path) -> None:
    """The forged payload above does run code when unpickled (the test can fail)."""
    marker = tmp_path / "pwned"
    pickle.loads(pickle.dumps(Evil(marker)))
    assert marker.exists()
