"""kg serve under faults (issue #17): a runaway query is stopped, SIGTERM and the death of
the parent leave no oxigraph and no temporary store behind, a bad graph file is named with
its line (even with RUST_BACKTRACE set)."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

from kg.errors import KGError
from kg.serve import oxigraph_binary, remove_stale_stores, start_server

try:
    oxigraph_binary()
except FileNotFoundError:  # pragma: no cover
    pytest.skip("the oxigraph CLI is not installed", allow_module_level=True)

REPO = Path(__file__).resolve().parents[2]
#: Four-way cross join: 300^4 rows, hours of work without a timeout.
CROSS_JOIN = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?p ?b . ?c ?q ?d . ?e ?r ?f . ?g ?s ?h }"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _graph(tmp_path: Path, n: int = 300) -> Path:
    path = tmp_path / "g.nt"
    path.write_text(
        "".join(f"<http://e.org/s{i}> <http://e.org/p> \"{i}\" .\n" for i in range(n)),
        encoding="utf-8",
    )
    return path


def _oxigraph_children(pid: int) -> list[int]:
    out = subprocess.run(["pgrep", "-P", str(pid)], capture_output=True, text=True).stdout
    return [int(x) for x in out.split()]


def _store_of(pid: int) -> Path:
    """The ``--location`` of a running oxigraph (other tests may serve at the same time)."""
    args = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
    return Path(os.fsdecode(args[args.index(b"--location") + 1]))


def _gone(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    # a zombie child of ours counts as gone
    with open(f"/proc/{pid}/stat") as f:
        return f.read().split(") ")[1].startswith("Z")


def _wait_for(cond, timeout: float = 20) -> bool:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if cond():
            return True
        time.sleep(0.1)
    return cond()


def _start_cli(graph: Path, port: int, *extra: str, ignored: tuple[int, ...] = ()
               ) -> subprocess.Popen[str]:  # fmt: skip
    env = {**os.environ, "PYTHONPATH": str(REPO)}

    def ignore() -> None:  # ``nohup kg serve … &`` in a script
        for sig in ignored:
            signal.signal(sig, signal.SIG_IGN)

    proc = subprocess.Popen(
        [sys.executable, "-m", "kg.cli", "serve", str(graph), "--port", str(port), *extra],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env,
        preexec_fn=ignore if ignored else None,
    )  # fmt: skip
    url = f"http://127.0.0.1:{port}/query?" + urllib.parse.urlencode({"query": "ASK {}"})

    def up() -> bool:
        try:
            with urllib.request.urlopen(url, timeout=2):
                return True
        except OSError:
            return proc.poll() is not None

    assert _wait_for(up, 60) and proc.poll() is None, proc.communicate()
    return proc


@pytest.mark.slow  # starts kg serve / oxigraph processes
def test_a_cross_join_is_stopped_by_the_query_timeout(tmp_path: Path) -> None:
    with start_server(_graph(tmp_path), port=_free_port(), query_timeout_s=1) as server:
        start = time.monotonic()
        try:  # oxigraph may have sent the header already: then the body says so
            body = server.query(CROSS_JOIN, accept="text/csv", timeout=120)
        except urllib.error.HTTPError as e:
            body = e.read()
        assert b"cancelled" in body or b"timeout" in body.lower(), body
        assert time.monotonic() - start < 60  # hours without the timeout
        assert json.loads(server.query("ASK { ?s ?p ?o }"))["boolean"] is True  # still up


def test_kg_serve_has_a_default_timeout_and_a_timeout_option(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from kg.cli import app

    result = CliRunner().invoke(app, ["serve", str(_graph(tmp_path)), "--timeout", "-5"])
    assert result.exit_code == 1 and "E171" in result.output
    import inspect

    from kg.cli import serve

    assert inspect.signature(serve).parameters["timeout"].default == 30


@pytest.mark.slow  # starts kg serve / oxigraph processes
@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT])
def test_kg_serve_cleans_up_on_sigterm_and_sigint(tmp_path: Path, sig: signal.Signals) -> None:
    proc = _start_cli(_graph(tmp_path), _free_port(), "--timeout", "5")
    (child,) = _oxigraph_children(proc.pid)
    store = _store_of(child)
    assert store.is_dir() and store.name.startswith("kg-serve-")
    proc.send_signal(sig)
    proc.communicate(timeout=30)
    assert _wait_for(lambda: _gone(child))
    assert not store.exists()


@pytest.mark.slow  # starts kg serve / oxigraph processes
def test_kg_serve_keeps_ignoring_signals_it_inherited_ignored(tmp_path: Path) -> None:
    """Started with SIGINT and SIGHUP ignored, ``kg serve`` stays up on both (it stopped on
    SIGINT before) and SIGTERM still stops it and cleans up, also when inherited ignored
    too (it then stayed up: only SIGKILL stopped it, leaving its store)."""
    ignored = (signal.SIGINT, signal.SIGHUP, signal.SIGTERM)
    proc = _start_cli(_graph(tmp_path), _free_port(), "--timeout", "5", ignored=ignored)
    try:
        (child,) = _oxigraph_children(proc.pid)
        store = _store_of(child)
        for sig in ignored[:2]:
            proc.send_signal(sig)
        time.sleep(1)
        assert proc.poll() is None and store.is_dir()
        proc.send_signal(signal.SIGTERM)
        proc.communicate(timeout=30)
        assert _wait_for(lambda: _gone(child))
        assert not store.exists()
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.communicate()


@pytest.mark.slow  # starts kg serve / oxigraph processes
def test_oxigraph_dies_with_its_parent_and_the_next_server_removes_the_store(
    tmp_path: Path,
) -> None:
    proc = _start_cli(_graph(tmp_path), _free_port())
    (child,) = _oxigraph_children(proc.pid)
    store = _store_of(child)
    proc.kill()  # SIGKILL: no handler runs
    proc.wait(timeout=10)
    assert _wait_for(lambda: _gone(child))  # PR_SET_PDEATHSIG
    assert store.is_dir()  # nobody could remove it …
    assert store in remove_stale_stores()  # … until the next server looks
    assert not store.exists()


@pytest.mark.parametrize(
    ("name", "text", "where"),
    [
        ("bad.ttl", '@prefix ex: <http://e/> .\nex:a ex:b ex:c .\nex:a ex:b "open .\n', "line 3"),
        ("bad.nt", "<http://a> <http://b> <http://c> .\n<http://a> <http://b> .\n", "line 2"),
    ],
)
def test_a_bad_graph_file_is_named_with_its_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str, text: str, where: str
) -> None:
    monkeypatch.setenv("RUST_BACKTRACE", "1")
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    with pytest.raises(KGError) as e:
        start_server(path, port=_free_port())
    msg = str(e.value)
    assert e.value.code == "E030" and name in msg and where in msg, msg
    assert "failed to load" not in msg and "backtrace" not in msg.lower()


@pytest.mark.slow  # starts an oxigraph process
def test_serve_called_as_a_library_gives_the_signal_handlers_back(tmp_path: Path) -> None:
    """``serve()`` in a script or notebook, stopped by SIGTERM: Ctrl-C and SIGTERM act as
    before afterwards (they were left ignored: only the command line ends with it)."""
    from kg.serve import serve

    port = _free_port()
    before = {sig: signal.getsignal(sig) for sig in (signal.SIGINT, signal.SIGTERM)}
    url = f"http://127.0.0.1:{port}/query?query=" + urllib.parse.quote("ASK {}")

    def up() -> bool:
        try:
            with urllib.request.urlopen(url, timeout=2):
                return True
        except (OSError, urllib.error.URLError):
            return False

    def stop_when_up() -> None:  # (the handler runs in the main thread, inside serve)
        if _wait_for(up, timeout=120):
            os.kill(os.getpid(), signal.SIGTERM)

    import threading

    stopper = threading.Thread(target=stop_when_up, daemon=True)
    stopper.start()
    serve(_graph(tmp_path), port=port, query_timeout_s=5)
    stopper.join(timeout=5)
    assert {sig: signal.getsignal(sig) for sig in before} == before
