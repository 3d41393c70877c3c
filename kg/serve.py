"""A SPARQL 1.1 endpoint for a graph: Oxigraph's own server (``kg serve``).

The graph file is loaded with ``oxigraph load`` into a store directory (a temporary one,
removed when the server stops, unless ``location`` is given; a directory that already is an
Oxigraph store is served as it is), then ``oxigraph serve-read-only`` (or ``serve`` when
``read_only=False``) runs as a subprocess bound to ``127.0.0.1:7878`` by default. Queries see
the union of all named graphs as the default graph (``--union-default-graph``), so the
ready queries of ``queries/`` work on TriG and N-Quads as on Turtle.

Endpoints: ``http://HOST:PORT/query`` (SPARQL query, GET or POST), ``/update`` when
writable, ``/store`` (graph store protocol), ``/`` (Oxigraph's query page).

Nothing outlives kg: a query runs at most ``query_timeout_s`` seconds (``kg serve``: 30,
``--timeout``), so a cross join does not run on after its client left (oxigraph 0.5
cancels aggregates at the timeout and stops a streamed result when the client goes; it
does not yet cancel a query that sorts its whole result first, ``ORDER BY`` over a cross
join, which runs to its end); the ``oxigraph``
child gets SIGTERM when the process that started it dies (``PR_SET_PDEATHSIG`` on Linux),
``kg serve`` stops it and removes its temporary store on SIGTERM, SIGHUP and Ctrl-C, and a
temporary store whose owner died without cleaning up (SIGKILL) is removed by the next
server started. A graph file oxigraph cannot load is reported with the line at fault.

:func:`serve` blocks until Ctrl-C (the CLI); :func:`start_server` returns a running
:class:`SparqlServer` to use and :meth:`~SparqlServer.stop` (tests, notebooks).
"""

from __future__ import annotations

import contextlib
import ctypes
import ipaddress
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path
from typing import IO, Any

from kg.errors import Errors, KGError
from kg.export.formats import rdf_suffixes

#: Media type by graph file suffix, for ``oxigraph load --format``.
LOAD_FORMATS = {x: f.media_type for x, f in rdf_suffixes().items()}


def oxigraph_binary() -> str:
    """The ``oxigraph`` CLI: the one beside this Python (the venv's), else on PATH."""
    local = Path(sys.executable).parent / "oxigraph"
    if local.is_file() and os.access(local, os.X_OK):
        return str(local)
    found = shutil.which("oxigraph")
    if found is None:
        raise FileNotFoundError("the oxigraph CLI is not installed (pip install oxigraph)")
    return found


#: Environment variables that make oxigraph print a backtrace where its message should be.
_BACKTRACE_ENV = ("RUST_BACKTRACE", "RUST_LIB_BACKTRACE")
_PR_SET_PDEATHSIG = 1


def _child_env() -> dict[str, str]:
    return {k: v for k, v in os.environ.items() if k not in _BACKTRACE_ENV}


def _die_with_parent(parent: int) -> Any:
    """A ``preexec_fn``: the child gets SIGTERM when ``parent`` dies (Linux)."""

    if not sys.platform.startswith("linux"):
        return None
    try:  # looked up here: the forked child should only make the call
        prctl = ctypes.CDLL(None, use_errno=True).prctl
    except (OSError, AttributeError):
        return None

    def set_pdeathsig() -> None:
        prctl(_PR_SET_PDEATHSIG, int(signal.SIGTERM))
        if os.getppid() != parent:  # the parent died before prctl took effect
            os._exit(1)

    return set_pdeathsig


_LINE = re.compile(r"\bline (\d+)")
#: pyoxigraph's and oxigraph's "Parser error between line 3 column 11 and line 5 column 1: …"
_SPAN = re.compile(r"Parser error (?:between|at) line (\d+) column (\d+)[^:]*: ", re.S)


def _where(msg: str) -> str:
    """``line 3, column 11: …`` for the parsers' "Parser error between line 3 column 11 …"."""
    m = _SPAN.match(msg)
    return f"line {m[1]}, column {m[2]}: {msg[m.end():]}" if m else msg


def parse_error(graph_path: Path) -> str | None:
    """Where and why pyoxigraph cannot parse the graph file (``line N: …``), or None when
    it parses (or the format is one pyoxigraph cannot tell from the suffix)."""
    import pyoxigraph as ox

    fmt = ox.RdfFormat.from_extension(graph_path.suffix.lstrip(".").lower()) or (
        ox.RdfFormat.RDF_XML if graph_path.suffix.lower() in (".owl", ".xml") else None
    )
    if fmt is None:
        return None
    try:
        for _ in ox.parse(path=str(graph_path), format=fmt):
            pass
    except SyntaxError as e:
        msg = _where((e.msg or str(e)).strip())
        return f"line {e.lineno}: {msg}" if e.lineno and not _LINE.search(msg) else msg
    except (ValueError, OSError) as e:
        return str(e).strip() or type(e).__name__
    return None


def _load_failure(graph_path: Path, output: str) -> str:
    """The reason ``oxigraph load`` failed: the parser's message with its line, never a
    backtrace frame or the bare "One or more files failed to load"."""
    reason = parse_error(graph_path)
    if reason:
        return reason
    lines = [ln.strip() for ln in output.splitlines() if ln.strip()]
    for ln in lines:  # oxigraph's own report of the file at fault
        if ln.startswith("Error while loading file"):
            return _where(ln.partition(": ")[2]) or ln
    head = [ln for ln in lines if not ln.startswith(("Stack backtrace", "at "))]
    return head[0] if head else "load failed"


def load_into(graph_path: str | Path, location: str | Path, *, timeout: float = 3600) -> Path:
    """Load the graph file into the Oxigraph store directory ``location`` (created)."""
    graph_path, location = Path(graph_path), Path(location)
    if not graph_path.is_file():
        raise KGError(Errors.E010, path=graph_path)
    media_type = LOAD_FORMATS.get(graph_path.suffix.lower())
    if media_type is None:
        known = ", ".join(sorted(LOAD_FORMATS))
        raise KGError(Errors.E030, path=graph_path, reason=f"unknown suffix (use {known})")
    location.mkdir(parents=True, exist_ok=True)
    cmd = [
        oxigraph_binary(), "load", "--location", str(location),
        "--file", str(graph_path), "--format", media_type,
    ]  # fmt: skip
    try:
        done = subprocess.run(
            cmd, capture_output=True, text=True, errors="replace", timeout=timeout,
            check=False, env=_child_env(), preexec_fn=_die_with_parent(os.getpid()),
        )  # fmt: skip
    except (OSError, subprocess.TimeoutExpired) as e:
        raise KGError(Errors.E070, path=graph_path, reason=str(e)) from e
    if done.returncode != 0:
        reason = _load_failure(graph_path, f"{done.stderr}\n{done.stdout}")
        raise KGError(Errors.E030, path=graph_path, reason=reason)
    return location


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    with contextlib.suppress(ValueError):
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    return False


class SparqlServer:
    """A running ``oxigraph serve`` process; use as a context manager or call :meth:`stop`."""

    def __init__(
        self,
        process: subprocess.Popen[bytes],
        url: str,
        location: Path,
        log: IO[bytes],
        temporary: bool,
    ) -> None:
        self.process = process
        self.url = url
        self.location = location
        self._log = log
        self._temporary = temporary

    @property
    def query_url(self) -> str:
        return self.url + "/query"

    def running(self) -> bool:
        return self.process.poll() is None

    def query(self, sparql: str, accept: str = "application/sparql-results+json",
              timeout: float = 30) -> bytes:  # fmt: skip
        """POST a query to the endpoint; the raw response body."""
        request = urllib.request.Request(
            self.query_url,
            data=urllib.parse.urlencode({"query": sparql}).encode(),
            headers={"Accept": accept, "Content-Type": "application/x-www-form-urlencoded"},
        )
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.read()

    def log(self) -> str:
        self._log.seek(0)
        return self._log.read().decode("utf-8", "replace")

    def stop(self, timeout: float = 10) -> int | None:
        """Terminate the server (SIGTERM, then SIGKILL after ``timeout``); clean up."""
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=timeout)
        self._log.close()
        if self._temporary:
            shutil.rmtree(self.location, ignore_errors=True)
        return self.process.returncode

    def wait(self) -> int:
        """Block until the server exits (Ctrl-C stops it and returns)."""
        try:
            return self.process.wait()
        except KeyboardInterrupt:
            self.stop()
            return 0

    def __enter__(self) -> SparqlServer:
        return self

    def __exit__(self, *exc: Any) -> None:
        self.stop()


#: The file in a temporary store naming the process that owns it.
_OWNER = "kg-serve.pid"


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # exists, another user's
        return True
    return True


def remove_stale_stores(tmp: str | Path | None = None) -> list[Path]:
    """Remove the temporary stores (``kg-serve-*``) of this user whose owner process is
    gone (killed before it could clean up); returns them."""
    removed = []
    for d in Path(tmp or tempfile.gettempdir()).glob("kg-serve-*"):
        try:
            if d.stat().st_uid != os.getuid():
                continue
            pid = int((d / _OWNER).read_text().split()[0])
        except (OSError, ValueError, IndexError):
            continue  # not ours, or being created: leave it
        if not _alive(pid):
            shutil.rmtree(d, ignore_errors=True)
            removed.append(d)
    return removed


def _temporary_store() -> Path:
    remove_stale_stores()
    store = Path(tempfile.mkdtemp(prefix="kg-serve-"))
    (store / _OWNER).write_text(f"{os.getpid()}\n")
    return store


def start_server(
    graph_path: str | Path,
    host: str = "127.0.0.1",
    port: int = 7878,
    read_only: bool = True,
    *,
    location: str | Path | None = None,
    timeout: float = 60,
    query_timeout_s: int | None = None,
) -> SparqlServer:
    """Load the graph and start Oxigraph's server; returns once it answers queries.

    ``graph_path`` is a graph file (loaded into ``location``, or a temporary directory
    removed on stop) or an existing Oxigraph store directory (served in place).
    """
    graph_path = Path(graph_path)
    if not graph_path.exists():
        raise KGError(Errors.E010, path=graph_path)
    temporary = False
    if graph_path.is_dir():
        store = graph_path
    else:
        if location is None:
            store = _temporary_store()
            temporary = True
        else:
            store = Path(location)
        try:
            load_into(graph_path, store)
        except BaseException:
            if temporary:
                shutil.rmtree(store, ignore_errors=True)
            raise
    bind_host = f"[{host}]" if ":" in host and not host.startswith("[") else host
    cmd = [
        oxigraph_binary(),
        "serve-read-only" if read_only else "serve",
        "--location", str(store),
        "--bind", f"{bind_host}:{port}",
        "--union-default-graph",
    ]  # fmt: skip
    if query_timeout_s:
        cmd += ["--timeout-s", str(query_timeout_s)]
    log = tempfile.TemporaryFile()
    try:
        process = subprocess.Popen(
            cmd, stdin=subprocess.DEVNULL, stdout=log, stderr=log, env=_child_env(),
            preexec_fn=_die_with_parent(os.getpid()),
        )  # fmt: skip
    except OSError as e:
        log.close()
        if temporary:
            shutil.rmtree(store, ignore_errors=True)
        raise KGError(Errors.E070, path=graph_path, reason=str(e)) from e
    server = SparqlServer(process, f"http://{bind_host}:{port}", store, log, temporary)
    try:
        _wait_ready(server, graph_path, timeout)
    except BaseException:  # an error, or a stop signal while starting: leave nothing behind
        server.stop()
        raise
    return server


def _wait_ready(server: SparqlServer, graph_path: Path, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while True:
        if not server.running():
            text = server.log().strip().splitlines()
            code = server.process.returncode
            reason = text[-1] if text else f"oxigraph exited with code {code}"
            raise KGError(Errors.E070, path=graph_path, reason=reason)
        try:
            server.query("ASK {}", timeout=2)
            return
        except (urllib.error.URLError, ConnectionError, TimeoutError, OSError):
            pass
        if time.monotonic() > deadline:
            raise KGError(Errors.E070, path=graph_path, reason=f"no answer after {timeout:g} s")
        time.sleep(0.1)


#: Seconds a query of ``kg serve`` may run (``--timeout``).
DEFAULT_QUERY_TIMEOUT_S = 30
def serve(
    graph_path: str | Path,
    host: str = "127.0.0.1",
    port: int = 7878,
    read_only: bool = True,
    *,
    location: str | Path | None = None,
    wait: bool = True,
    query_timeout_s: int | None = DEFAULT_QUERY_TIMEOUT_S,
    ending: bool = False,
) -> SparqlServer | None:
    """Serve the graph at ``http://HOST:PORT/query`` until Ctrl-C, SIGTERM or SIGHUP, then
    stop oxigraph and remove its temporary store (``wait=False``: return the running
    :class:`SparqlServer` instead; None when a signal came before it was up). A query
    runs at most ``query_timeout_s`` seconds. The signal handlers before are restored
    when it returns; ``ending`` (the command line's: the process ends with it) leaves the
    stop signals ignored instead after a stop, so none kills it before its exit status."""
    from kg.runtime.lifecycle import Stopped, stopped_by_signals

    # SIGTERM, and Ctrl-C and SIGHUP unless inherited ignored (``nohup kg serve``), stop
    # it cleanly (SIGKILL would leave oxigraph's temporary store behind); before the
    # start: a signal while loading must clean up too
    handlers = wait and threading.current_thread() is threading.main_thread()
    server = None
    with stopped_by_signals(ending=ending) if handlers else contextlib.nullcontext() as stop:
        try:
            server = start_server(
                graph_path, host, port, read_only, location=location,
                query_timeout_s=query_timeout_s,
            )  # fmt: skip
            mode = "read-only" if read_only else "read-write (SPARQL updates allowed at /update)"
            print(f"SPARQL endpoint ({mode}): {server.query_url}  (Ctrl-C to stop)",
                  file=sys.stderr)  # fmt: skip
            if not _is_loopback(host):
                print(f"warning: bound to {host}: the endpoint is reachable from the network",
                      file=sys.stderr)  # fmt: skip
            if not wait:
                return server
            server.wait()
        except Stopped as e:
            print(f"stopping on signal {signal.Signals(e.args[0]).name}", file=sys.stderr)
        finally:
            if stop is not None:  # (also after a normal end: a signal now does nothing)
                stop.set()
            if server is not None and wait:
                server.stop()
    return server
