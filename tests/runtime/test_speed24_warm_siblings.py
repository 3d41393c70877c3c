"""A worker with much text queued loads the compiled cut before it forks its siblings
(:data:`kg.runtime.workers.WARM_QUEUED`): they are forked with numba loaded instead of
each loading it; with little queued (a rebuild of a few documents) none loads it.
Each case runs in a new process, where nothing imported numba before."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from kg.runtime.workers import siblings_supported

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not siblings_supported(), reason="needs os.fork"),
]

ROOT = Path(__file__).resolve().parents[2]

SCRIPT = """
import json, os, sys
from kg.runtime.workers import Pools
from tests.runtime.test_speed24_warm_siblings import numba_loaded

pools = Pools(2)
pools.prestart()
pad = "字" * int(sys.argv[1])
seen = {f.result() for f in [pools.submit(numba_loaded, pad) for _ in range(8)]}
pools.shutdown(kill=True)
print(json.dumps(sorted(seen)))
"""


def numba_loaded(pad: str) -> tuple[int, int, bool]:
    """(pid, parent pid, whether numba is loaded) of the worker running it."""
    return os.getpid(), os.getppid(), "numba" in sys.modules


def run(pad: int) -> dict[str, bool]:
    out = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(pad)],
        cwd=ROOT, capture_output=True, text=True, check=True, timeout=300,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )  # fmt: skip
    seen = json.loads(out.stdout.strip().splitlines()[-1])
    pids = {pid for pid, _, _ in seen}
    first = {ppid for _, ppid, _ in seen} & pids  # the sibling's parent is the first worker
    return {("first" if pid in first else "sibling"): loaded for pid, _, loaded in seen}


def test_a_large_queue_forks_the_siblings_with_the_compiled_cut() -> None:
    loaded = run(100_000)  # 300 KB of text a task
    assert loaded.get("sibling") is True


def test_a_small_queue_loads_no_numba() -> None:
    loaded = run(10)
    assert set(loaded.values()) == {False}
