"""A SPARQL 1.1 endpoint for a graph: Oxigraph's own server (``kg serve``).

The graph file is loaded with ``oxigraph load`` into a store directory (a temporary one,
removed when the server stops, unless ``location`` is given; a directory that already is an
Oxigraph store is served as it is), then ``oxigraph serve-read-only`` (or ``serve`` when
``read_only=False``) runs as a subprocess bound to ``127.0.0.1:7878`` by default. Queries see
the union of all named graphs as the default graph (``--union-default-graph``), so the
ready queries of ``queries/`` work on TriG and N-Quads as on Turtle.

Endpoints: ``http://HOST:PORT/query`` (SPARQL query, GET or POST), ``/update`` when
writable, ``/store`` (graph store protocol), ``/`` (Oxigraph's query page).

:func:`serve` blocks until Ctrl-C (the CLI); :func:`start_server` returns a running
:class:`SparqlServer` to use and :meth:`~SparqlServer.stop` (tests, notebooks).
"""

from __future__ import annotations

import contextlib
import ipaddress
import os
import shutil
import subprocess
import sys
import tempfile
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
        done = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, check=False)
    except (OSError, subprocess.TimeoutExpired) as e:
        raise KGError(Errors.E070, path=graph_path, reason=str(e)) from e
    if done.returncode != 0:
        reason = (done.stderr or done.stdout).strip().splitlines()
        raise KGError(Errors.E030, path=graph_path, reason=reason[-1] if reason else "load failed")
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
            store = Path(tempfile.mkdtemp(prefix="kg-serve-"))
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
        process = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=log, stderr=log)
    except OSError as e:
        log.close()
        if temporary:
            shutil.rmtree(store, ignore_errors=True)
        raise KGError(Errors.E070, path=graph_path, reason=str(e)) from e
    server = SparqlServer(process, f"http://{bind_host}:{port}", store, log, temporary)
    deadline = time.monotonic() + timeout
    while True:
        if not server.running():
            text = server.log().strip().splitlines()
            server.stop()
            reason = text[-1] if text else f"oxigraph exited with code {process.returncode}"
            raise KGError(Errors.E070, path=graph_path, reason=reason)
        try:
            server.query("ASK {}", timeout=2)
            return server
        except (urllib.error.URLError, ConnectionError, TimeoutError, OSError):
            pass
        if time.monotonic() > deadline:
            server.stop()
            raise KGError(Errors.E070, path=graph_path, reason=f"no answer after {timeout:g} s")
        time.sleep(0.1)


def serve(
    graph_path: str | Path,
    host: str = "127.0.0.1",
    port: int = 7878,
    read_only: bool = True,
    *,
    location: str | Path | None = None,
    wait: bool = True,
) -> SparqlServer:
    """Serve the graph at ``http://HOST:PORT/query`` until Ctrl-C (``wait=False``: return
    the running :class:`SparqlServer` instead)."""
    server = start_server(graph_path, host, port, read_only, location=location)
    mode = "read-only" if read_only else "read-write (SPARQL updates allowed at /update)"
    print(f"SPARQL endpoint ({mode}): {server.query_url}  (Ctrl-C to stop)", file=sys.stderr)
    if not _is_loopback(host):
        print(f"warning: bound to {host}: the endpoint is reachable from the network",
              file=sys.stderr)  # fmt: skip
    if wait:
        try:
            server.wait()
        finally:
            server.stop()
    return server
