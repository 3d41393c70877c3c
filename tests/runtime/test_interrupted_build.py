"""The build after an interrupted one says what it found (issue #16): a lock file still
naming a build that died (E106), staging folders it left (E107)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kg.cli import app
from kg.runtime.lifecycle import RUNNING, CacheLock
from kg.runtime.outputs import export, write_outputs

runner = CliRunner()


def dead_pid() -> int:
    p = subprocess.Popen([sys.executable, "-c", "pass"])
    p.wait()
    return p.pid


def _stderr(result) -> str:
    try:
        return result.stderr
    except ValueError:  # an older runner that mixes the streams
        return result.output


def test_a_build_that_ends_leaves_no_pid_one_that_died_is_named(tmp_path: Path) -> None:
    path = tmp_path / "lock"
    lock = CacheLock(path).acquire()
    assert lock.interrupted is None and path.read_text() == f"{os.getpid()}\n{RUNNING}\n"
    lock.release()
    assert path.read_text() == ""  # ended: the next build has nothing to say
    assert CacheLock(path).acquire().interrupted is None
    gone = dead_pid()
    path.write_text(f"{gone}\n{RUNNING}\n")  # what a killed build leaves
    again = CacheLock(path).acquire()
    assert again.interrupted == gone
    again.release()


def test_an_interrupted_build_is_named_an_older_kgs_finished_one_is_not(
    tmp_path: Path,
) -> None:
    path = tmp_path / "lock"
    with pytest.raises(KeyboardInterrupt), CacheLock(path):
        raise KeyboardInterrupt  # Ctrl-C: the pid stays, marked running
    assert path.read_text().startswith(f"{os.getpid()}\n")
    with pytest.raises(OSError), CacheLock(path) as lock:
        raise OSError("an error the build reported: it ended")
    assert path.read_text() == ""
    lock = CacheLock(path).acquire()
    lock.release(finished=False)
    gone = dead_pid()
    path.write_text(path.read_text().replace(str(os.getpid()), str(gone)))  # then it died
    lock = CacheLock(path).acquire()
    assert lock.interrupted == gone
    lock.release()
    path.write_text(f"{gone}\n")  # what an older kg left after a build that finished
    lock = CacheLock(path).acquire()
    assert lock.interrupted is None
    lock.release()


def test_the_next_build_names_the_interrupted_one(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text("国务院办公厅印发通知。", encoding="utf-8")
    out = tmp_path / "out"
    (out / ".cache").mkdir(parents=True)
    gone = dead_pid()
    (out / ".cache" / "lock").write_text(f"{gone}\n{RUNNING}\n")
    args = ["build", str(tmp_path / "in"), "--out", str(out), "-f", "ttl", "-q", "--workers", "1"]
    first = runner.invoke(app, args)
    assert first.exit_code == 0, first.output
    assert f"[E106] {out / '.cache'}" in _stderr(first) and f"pid {gone}" in _stderr(first)
    second = runner.invoke(app, args)
    assert second.exit_code == 0 and "E106" not in _stderr(second)


def test_staging_folders_left_behind_are_removed_and_counted(tmp_path: Path, capsys) -> None:
    import networkx as nx

    left = tmp_path / f".kg-staging-{dead_pid()}-abc"
    left.mkdir()
    (left / "graph.ttl").write_text("# half")
    write_outputs(nx.MultiDiGraph, tmp_path, ["ttl"], 10)  # the graph: made on demand
    assert not left.exists() and (tmp_path / "graph.ttl").exists()
    assert f"[E107] {tmp_path}: removed 1 staging folder" in capsys.readouterr().err
    export(nx.MultiDiGraph(), tmp_path, ["ttl"])  # nothing left: nothing said
    assert "E107" not in capsys.readouterr().err


def _children() -> set[int]:
    """Live (not zombie) child processes of this one."""
    found = set()
    for entry in os.listdir("/proc"):
        try:
            with open(f"/proc/{entry}/stat", "rb") as f:
                fields = f.read().rsplit(b")", 1)[1].split()
        except (OSError, IndexError):
            continue
        if fields[0] != b"Z" and int(fields[1]) == os.getpid():
            found.add(int(entry))
    return found


def test_a_failed_build_stops_its_forked_writer_before_removing_the_stage(
    tmp_path: Path,
) -> None:
    """Left running, the writer could create its file in the staging folder while the
    build removed it (the folder then stayed); it is killed first."""
    import time

    import networkx as nx
    import pytest

    builder = os.getpid()
    before = _children()

    def graph() -> nx.MultiDiGraph:
        if os.getpid() == builder:
            raise RuntimeError("the build fails while its writer works")
        time.sleep(5)  # the forked writer: still at work when the build fails
        return nx.MultiDiGraph()

    with pytest.raises(RuntimeError):
        write_outputs(graph, tmp_path, ["ttl", "html"], 10, fork_slow=["html"])
    assert _children() - before == set()
    assert os.listdir(tmp_path) == []


@pytest.mark.usefixtures("terminal_signals")
def test_a_signal_during_the_fork_hooks_is_delivered_after_the_fork() -> None:
    code = (
        "import os, signal, sys\n"
        "from kg.runtime.lifecycle import fork_holding_signals\n"
        "os.register_at_fork(after_in_parent=lambda: os.kill(os.getpid(), signal.SIGINT))\n"
        "try:\n"
        "    pid = fork_holding_signals()\n"
        "    if pid == 0:\n"
        "        os._exit(0)\n"
        "    os.waitpid(pid, 0)\n"
        "    print('ran on')\n"
        "except KeyboardInterrupt:\n"
        "    print('interrupted')\n"
    )
    repo = Path(__file__).resolve().parents[2]
    env = {**os.environ, "PYTHONPATH": str(repo)}
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env)
    assert r.stdout.strip() == "interrupted" and "Exception ignored" not in r.stderr


def test_a_signal_raised_after_the_fork_kills_the_child_its_caller_never_saw() -> None:
    """The held signal raises in the parent before ``fork_holding_signals`` returns the
    pid: the child (a forked writer, a worker) is killed and reaped there, or it would
    run on unseen (a writer filled the staging folder the stopped build had removed)."""
    code = (
        "import os, signal, time\n"
        "from kg.runtime.lifecycle import fork_holding_signals\n"
        "os.register_at_fork(after_in_parent=lambda: os.kill(os.getpid(), signal.SIGINT))\n"
        "forked, real = [], os.fork\n"
        "os.fork = lambda: forked.append(real()) or forked[-1]\n"
        "try:\n"
        "    if fork_holding_signals() == 0:\n"
        "        time.sleep(60)\n"
        "        os._exit(0)\n"
        "except KeyboardInterrupt:\n"
        "    try:\n"
        "        print('alive' if os.waitpid(forked[0], os.WNOHANG)[0] == 0 else 'exited')\n"
        "        os.kill(forked[0], signal.SIGKILL)\n"
        "    except ChildProcessError:\n"
        "        print('reaped')\n"
    )
    repo = Path(__file__).resolve().parents[2]
    env = {**os.environ, "PYTHONPATH": str(repo)}
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env,
                       timeout=120)  # fmt: skip
    assert r.stdout.strip() == "reaped", (r.stdout, r.stderr)


@pytest.mark.usefixtures("terminal_signals")
def test_a_signal_reaching_the_forked_child_never_runs_the_parents_cleanup() -> None:
    """Ctrl-C goes to the whole process group: a SIGINT held in the child over its fork
    hooks kills it; it must not unwind through the parent's frames (their ``finally``
    removes the build's staging folder)."""
    code = (
        "import os, signal\n"
        "from kg.runtime.lifecycle import fork_holding_signals\n"
        "main = os.getpid()\n"
        "os.register_at_fork(after_in_child=lambda: os.kill(os.getpid(), signal.SIGINT))\n"
        "try:\n"
        "    pid = fork_holding_signals()\n"
        "    if pid == 0:\n"
        "        try:\n"
        "            pass\n"
        "        finally:\n"
        "            os._exit(0)\n"
        "    status = os.waitpid(pid, 0)[1]\n"
        "    print('child killed by', os.WTERMSIG(status) if os.WIFSIGNALED(status) else None)\n"
        "finally:\n"
        "    print('cleanup in', 'parent' if os.getpid() == main else 'child', flush=True)\n"
    )
    repo = Path(__file__).resolve().parents[2]
    env = {**os.environ, "PYTHONPATH": str(repo)}
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env)
    killed = f"child killed by {int(signal.SIGINT)}"
    assert r.stdout.split("\n") == [killed, "cleanup in parent", ""]
    assert r.returncode == 0 and "Traceback" not in r.stderr
