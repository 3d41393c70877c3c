"""A worker with much text queued loads the compiled cut before it forks its siblings
(:func:`kg.runtime.workers.worker_init`): they are forked with numba loaded, its objects
frozen with the pipeline's, and with the dictionary's trie built (no snapshot to restore
it from: ``kg build --no-cache``) instead of each loading and building them; with little
queued (a rebuild of a few documents) none loads it. Each case runs in a new process,
where nothing imported numba before, with no pipeline snapshot."""

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

#: argv: characters of text a task, the pipes' size (0: kg's), whether termios lacks
#: FIONREAD, the file where each process that builds a dictionary's trie writes its pid
SCRIPT = """
import json, os, sys, termios
from kg.nlp import routes
from kg.runtime import workers
from tests.runtime.test_speed24_warm_siblings import cut_state

chars, pipe, no_fionread, log = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3] == "1", sys.argv[4]
if pipe:
    workers.PIPE_SIZE = pipe
if no_fionread:
    del termios.FIONREAD
from_freq = routes.Trie.from_freq.__func__

def logged(cls, freq, total):
    if len(freq) > 1000:  # (not compile_ahead's own)
        with open(log, "a") as f:
            f.write(f"{os.getpid()}\\n")
    return from_freq(cls, freq, total)

routes.Trie.from_freq = classmethod(logged)
pools = workers.Pools(2)
pools.prestart()
text = ("国务院办公厅印发通知，" * chars)[:chars]
seen = {f.result(timeout=600) for f in [pools.submit(cut_state, text) for _ in range(8)]}
pools.shutdown(kill=True)
print(json.dumps(sorted(seen)))
"""


def cut_state(text: str) -> tuple[int, int, bool, bool]:
    """(pid, parent pid, whether numba is loaded, whether its module's namespace is
    frozen: in the permanent generation, out of every collection's walk) of the worker
    running it, which cuts ``text``."""
    import gc

    from kg.nlp.segment import cut_lengths, fast_segmenter

    cut_lengths(fast_segmenter(), text)
    numba = sys.modules.get("numba")
    frozen = numba is not None and not any(o is numba.__dict__ for o in gc.get_objects())
    return os.getpid(), os.getppid(), numba is not None, frozen


def run(tmp_path: Path, chars: int, pipe: int = 0, no_fionread: bool = False) -> dict:
    """What the first worker and its sibling say (:func:`cut_state`), by role, and the
    roles of the processes that built a trie."""
    log = tmp_path / "tries"
    log.touch()
    out = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(chars), str(pipe), str(int(no_fionread)), str(log)],
        cwd=ROOT, capture_output=True, text=True, check=True, timeout=600,
        env={**os.environ, "PYTHONPATH": str(ROOT), "KG_PIPELINE_SHARED": "off"},
    )  # fmt: skip
    seen = json.loads(out.stdout.strip().splitlines()[-1])
    pids = {pid for pid, *_ in seen}
    firsts = {ppid for _, ppid, *_ in seen} & pids  # the sibling's parent is the first worker
    role = {pid: ("first" if pid in firsts else "sibling") for pid in pids}
    states = {role[pid]: (loaded, frozen) for pid, _, loaded, frozen in seen}
    built = [role.get(int(p), "other") for p in log.read_text().split()]
    return {"states": states, "tries": built}


def test_a_large_queue_forks_the_siblings_with_the_compiled_cut(tmp_path: Path) -> None:
    got = run(tmp_path, 100_000)  # 300 KB of text a task
    assert set(got["states"]) == {"first", "sibling"}  # both served a task
    assert got["states"] == {"first": (True, True), "sibling": (True, True)}
    assert got["tries"] == ["first"]  # built once, before the fork


def test_a_full_pipe_that_holds_less_counts_as_a_large_queue(tmp_path: Path) -> None:
    # a pipe the system did not enlarge (64 KB) never reports more than it holds
    got = run(tmp_path, 100_000, pipe=65_536)
    assert got["states"] == {"first": (True, True), "sibling": (True, True)}
    assert got["tries"] == ["first"]


def test_a_small_queue_loads_no_numba(tmp_path: Path) -> None:
    got = run(tmp_path, 10)
    assert set(got["states"]) == {"first", "sibling"}
    assert got["states"] == {"first": (False, False), "sibling": (False, False)}


def test_without_fionread_the_workers_start_and_load_nothing_early(tmp_path: Path) -> None:
    # the queue's size unknown: a worker starts as before, and loads the compiled cut
    # itself after its first characters (each builds its trie)
    got = run(tmp_path, 100_000, no_fionread=True)
    assert set(got["states"]) == {"first", "sibling"}
    assert sorted(got["tries"]) == ["first", "sibling"]
