"""A pipeline snapshot holds the paths of the package and its ontology: a checkout of
the same code elsewhere must not restore one made by a checkout that has since been
moved or deleted (its workers died reading files no longer there: E105)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _build(pythonpath: Path, out: Path, env: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "kg", "build", str(ROOT / "data" / "sample"), "-o", str(out),
         "-q", "--workers", "2"],
        env={**env, "PYTHONPATH": str(pythonpath)}, cwd=out.parent, capture_output=True,
        text=True, timeout=600,
    )  # fmt: skip


@pytest.mark.slow
def test_a_deleted_checkouts_snapshot_is_not_restored(tmp_path: Path) -> None:
    copy = tmp_path / "elsewhere"
    for part in ("kg", "ontology"):
        shutil.copytree(ROOT / part, copy / part, ignore=shutil.ignore_patterns("__pycache__"))
    env = {
        **os.environ,
        "KG_PIPELINE_SHARED": str(tmp_path / "snapshots"),
        "KG_GAZETTEER_CACHE": str(tmp_path / "gazetteer"),
        "XDG_CACHE_HOME": str(tmp_path / "cache"),
    }
    env.pop("KG_ONTOLOGY_DIR", None)
    first = _build(copy, tmp_path / "a", env)
    assert first.returncode == 0, first.stderr
    assert list((tmp_path / "snapshots").glob("pipeline-*.pkl"))
    shutil.rmtree(copy)  # the checkout that wrote the shared snapshot is gone
    second = _build(ROOT, tmp_path / "b", env)
    assert second.returncode == 0, second.stderr
    a, b = (tmp_path / d / "graph.ttl" for d in "ab")
    assert a.read_bytes() == b.read_bytes()
