"""The two rare races review24d left, run many times with real processes.

- Three builds find the cache lock's entry of another kind (a named pipe) at once: one
  sets it aside and makes its lock file, a second, which saw the pipe, moved that file
  away and put it back, and a third made a new one in between: two builds held the lock
  (or one crashed on the file moved away). The look and the rename are now one step
  among kg's processes (:func:`kg.cache_files.one_at_a_time`); a holder that let go and
  exited just then is no longer taken for a dead one at the first look either.
- Two processes find an unusable secret (too short) at once: each replaced it with its
  own key and went on with it, so that one's sealed files could not be read by the
  other. The second now takes the key the first put there.

Each child widens the moment between its look and its rename (a short random pause
before ``os.rename``/``os.replace`` and a shorter one after, as a loaded machine makes
them); on the code before, several runs of forty fail.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
RUNS = 40

#: forked children start together when the parent closes the pipe they wait on
_COMMON = """
import os, random, sys, tempfile, time
from pathlib import Path

def widen(name):
    real = getattr(os, name)
    def slow(*args, **kwargs):
        time.sleep(random.random() * 0.004)
        try:
            return real(*args, **kwargs)
        finally:
            time.sleep(0.001)
    setattr(os, name, slow)

def together(n, body):
    r, w = os.pipe()
    pids = []
    for _ in range(n):
        pid = os.fork()
        if pid == 0:
            code = 1
            try:
                os.close(w)
                os.read(r, 1)
                code = body()
            finally:
                os._exit(code)
        pids.append(pid)
    os.close(r)
    os.close(w)
    return [os.waitstatus_to_exitcode(os.waitpid(p, 0)[1]) for p in pids]
"""

_LOCK = """
from kg.runtime import lifecycle
from kg.runtime.lifecycle import CacheLock

lifecycle.LOCK_POLL = 0.01  # (waiters look often: many runs in little time)

def hold(folder):
    widen("rename")
    lock = CacheLock(folder / "lock").acquire()
    try:  # made by one holder at a time, or the lock was held twice
        fd = os.open(folder / "held", os.O_CREAT | os.O_EXCL | os.O_WRONLY)
    except FileExistsError:
        return 3
    time.sleep(0.01)  # (held a while, as a build holds it)
    os.close(fd)
    os.unlink(folder / "held")
    lock.release()
    return 0

failed = 0
for _ in range(int(sys.argv[1])):
    folder = Path(tempfile.mkdtemp(dir=sys.argv[2]))
    os.mkfifo(folder / "lock")
    failed += any(together(3, lambda: hold(folder)))
print(failed)
"""

_SECRET = """
from kg.sealed import user_secret

def key(out):
    widen("replace")
    os.write(out, user_secret().hex().encode() + b" ")
    return 0

failed = 0
for _ in range(int(sys.argv[1])):
    path = Path(tempfile.mkdtemp(dir=sys.argv[2])) / "secret"
    os.environ["KG_SECRET_FILE"] = str(path)
    path.write_bytes(b"too short")  # no key: replaced
    r, w = os.pipe()
    codes = together(2, lambda: key(w))
    os.close(w)
    with os.fdopen(r) as f:
        keys = f.read().split()
    failed += any(codes) or keys != [path.read_bytes().hex()] * 2
print(failed)
"""


def _failed_runs(code: str, tmp_path: Path) -> int:
    done = subprocess.run(
        [sys.executable, "-c", _COMMON + code, str(RUNS), str(tmp_path)],
        env={**os.environ, "PYTHONPATH": str(REPO)}, capture_output=True, text=True,
        timeout=600,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    return int(done.stdout)


def test_three_builds_setting_aside_a_lock_pipe_at_once_never_both_hold_it(
    tmp_path: Path,
) -> None:
    assert _failed_runs(_LOCK, tmp_path) == 0  # before: 4 and 7 runs of 40


def test_two_processes_replacing_an_unusable_secret_agree_on_the_key(tmp_path: Path) -> None:
    assert _failed_runs(_SECRET, tmp_path) == 0  # before: 32 and 40 runs of 40
