"""The pipeline server: a warm ``kg build`` process that outlives the build that started it.

A new ``kg build`` process spends about a second before it can extract anything:
importing spaCy (0.45 s), restoring the pipeline snapshot (0.4 s), building jieba's
prefix index (0.1 s); then importing the exporters (networkx, rdflib, pyoxigraph) and
coercing the command line. After one document changed, that is most of the rebuild.
Like Gradle's daemon, a build with a cache folder therefore leaves one process behind:

- it is started in the background (``python -m kg.server CACHE_DIR``, a new session,
  no terminal, no inherited pipes), loads the pipeline once and waits;
- it listens on a Unix socket in Linux's abstract namespace, named after the cache
  folder, and answers only processes of its own user (``SO_PEERCRED``);
- the next ``kg build`` command on that cache hands it the whole command
  (:func:`forward_build`, called by :mod:`kg.launch` before anything heavy is
  imported): the server runs the same typer command in its own warm process, in the
  client's working folder, and streams its output and exit status back. Its workers
  are forked from it, so they start with the pipeline loaded;
- a build that does not hand itself over (``kg.build.build`` called from Python) sends
  the server its changed documents instead (:class:`ServerClient` is an executor, like
  a process pool) and gets the encoded results back;
- it exits after ``KG_SERVER_IDLE`` seconds without a request (default 900), when its
  cache folder is deleted, when a client of other code asks it (another
  :func:`code_version`: it is stale), or on ``kg server stop``.

``KG_SERVER=0`` in the environment, or ``kg build --no-server``, builds without it.
Results are the same either way: the server runs the same functions on the same
pipeline as a build process and its workers.

>>> address("/tmp/out/.cache").startswith("\\0kg-pipeline-")
True
"""

from __future__ import annotations

import contextlib
import gc
import hashlib
import io
import os
import pickle
import socket
import struct
import subprocess
import sys
import threading
import time
import traceback
from collections.abc import Callable
from concurrent.futures import Future
from pathlib import Path
from typing import Any

#: seconds a server waits for a request before it exits (``KG_SERVER_IDLE``)
DEFAULT_IDLE = 900.0
#: how often an idle server looks whether its cache folder still exists
_TICK = 30.0
#: seconds without a request after a build before its objects are freed (see :func:`serve`)
FREE_DELAY = 0.3
_HEADER = struct.Struct("!Q")


def enabled(flag: bool | None = None) -> bool:
    """Whether builds use (and start) a server: ``flag`` when given, else the
    environment (``KG_SERVER=0`` turns it off); Linux only (abstract sockets)."""
    if not sys.platform.startswith("linux"):
        return False
    if flag is not None:
        return flag
    return os.environ.get("KG_SERVER", "1").strip().lower() not in ("0", "false", "no", "off")


_KG_DIR = Path(__file__).resolve().parent


def code_version() -> str:
    """Hash of the code and data a build runs (every ``*.py`` under ``kg/``, every file
    under ``ontology/``) and the Python version: a server of other code is stale.

    Imports nothing beyond the standard library (the client calls it before anything
    heavy is loaded); ~5 ms."""
    h = hashlib.sha1(sys.version.encode())
    files = [(_KG_DIR, f) for f in sorted(_KG_DIR.rglob("*.py"))]
    repo_ontology = _KG_DIR.parent / "ontology"
    for folder in dict.fromkeys((Path(os.environ.get("KG_ONTOLOGY_DIR", repo_ontology)),
                                 repo_ontology)):  # fmt: skip
        if folder.is_dir():
            files += [(folder, f) for f in sorted(folder.rglob("*")) if f.is_file()]
    for root, f in files:
        h.update(f.relative_to(root).as_posix().encode() + b"\0")
        with contextlib.suppress(OSError):
            h.update(f.read_bytes())
    return h.hexdigest()[:16]


def address(cache_dir: str | os.PathLike[str]) -> str:
    """The socket address of the server of ``cache_dir`` (one per folder and user)."""
    real = os.path.realpath(os.fspath(cache_dir))
    digest = hashlib.sha1(f"{os.getuid()}:{real}".encode()).hexdigest()[:20]
    return f"\0kg-pipeline-{digest}"


# --------------------------------------------------------------------------- wire


def _send(sock: socket.socket, obj: Any) -> None:
    data = pickle.dumps(obj, protocol=pickle.HIGHEST_PROTOCOL)
    sock.sendall(_HEADER.pack(len(data)) + data)


def _recv_exact(sock: socket.socket, n: int) -> bytes:
    buf = bytearray()
    while len(buf) < n:
        chunk = sock.recv(min(n - len(buf), 1 << 20))
        if not chunk:
            raise ConnectionError("the connection closed mid-message")
        buf += chunk
    return bytes(buf)


def _recv(sock: socket.socket) -> Any:
    (n,) = _HEADER.unpack(_recv_exact(sock, _HEADER.size))
    return pickle.loads(_recv_exact(sock, n))


def _request(cache_dir: str | os.PathLike[str], msg: Any, timeout: float | None) -> Any:
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as s:
        s.settimeout(timeout)
        s.connect(address(cache_dir))
        _send(s, msg)
        return _recv(s)


# --------------------------------------------------------------------------- client


class ServerClient:
    """An executor (``submit(fn, *args) -> Future``) whose work the server does.

    Each batch is sent on its own connection from a short-lived thread, so this process
    goes on merging cached results meanwhile. When the server goes away mid-batch, the
    batch runs on ``fallback`` (a local worker) instead, and later batches go there too.
    """

    def __init__(self, cache_dir: str | os.PathLike[str], version: str, info: dict[str, Any]):
        self.cache_dir = os.fspath(cache_dir)
        self.version = version
        self.info = info
        self.alive = True
        self.fallback: Callable[..., Future[Any]] | None = None
        self._threads: list[threading.Thread] = []

    def submit(self, fn: Callable[..., Any], *args: Any) -> Future[Any]:
        fut: Future[Any] = Future()
        name = f"{fn.__module__}.{fn.__qualname__}"

        def run() -> None:
            try:
                if not self.alive:
                    raise ConnectionError("the pipeline server is gone")
                reply = _request(self.cache_dir, ("call", self.version, name, args), timeout=None)
                if reply[0] != "ok":
                    raise ConnectionError(f"the pipeline server refused the batch: {reply}")
                fut.set_result(reply[1])
            except (OSError, EOFError, pickle.PickleError, ConnectionError) as exc:
                self.alive = False
                if self.fallback is None:
                    fut.set_exception(exc)
                    return
                try:
                    fut.set_result(self.fallback(fn, *args).result())
                except BaseException as e:  # the local worker failed too: report it
                    fut.set_exception(e)

        t = threading.Thread(target=run, name="kg-server-client", daemon=True)
        self._threads = [x for x in self._threads if x.is_alive()] + [t]
        t.start()
        return fut

    def shutdown(self, wait: bool = True, cancel_futures: bool = False) -> None:
        """Wait for the batches in flight (the server itself keeps running)."""
        if wait:
            for t in self._threads:
                t.join()
        self._threads = []


# --------------------------------------------------------------------------- whole builds

#: ``kg build`` options that take a value (the rest are flags)
_VALUE_OPTIONS = frozenset(
    ("--out", "-o", "--workers", "--format", "-f", "--cache-dir", "--text-field",
     "--base-iri", "--max-html-nodes", "--scheduler", "--interval")
)  # fmt: skip
#: options a server does not run: they need this process (``--watch`` stays up, a Dask
#: client is this process's, ``--help`` is instant) or turn the server off
_LOCAL_ONLY = frozenset(("--watch", "--scheduler", "--no-server", "--no-cache", "--help"))


def build_cache_dir(argv: list[str]) -> str | None:
    """The cache folder of the command line ``kg build …`` (``argv`` without the program
    name), or None when the build must run in this process: ``--watch``, ``--scheduler``,
    ``--no-server``, ``--no-cache``, ``--help``, or options this reading does not know.

    >>> build_cache_dir(["build", "docs", "--out", "o", "-q"])
    'o/.cache'
    >>> build_cache_dir(["build", "--cache-dir=/c"]), build_cache_dir(["build", "--watch"])
    ('/c', None)
    """
    if argv[:1] != ["build"]:
        return None
    out, cache = "output", None
    it = iter(argv[1:])
    for arg in it:
        if arg == "--":
            break
        if not arg.startswith("-") or arg == "-":
            continue
        name, eq, value = arg.partition("=")
        if name in _LOCAL_ONLY:
            return None
        if name in _VALUE_OPTIONS:
            if not eq:
                value = next(it, "")
            if name in ("--out", "-o"):
                out = value
            elif name == "--cache-dir":
                cache = value
        elif name not in ("--quiet", "-q", "--cache", "--server"):
            return None  # an option this reading does not know: typer will say
    return cache if cache is not None else os.path.join(out, ".cache")


def forward_build(argv: list[str], cwd: str | None = None) -> int | None:
    """Run the command line ``kg build …`` in the server of its cache folder: its output
    is written to this process's stdout/stderr as it comes; returns the exit status.
    None when no server of this code answers (or it went away before it began), and the
    build is to run here."""
    if not enabled(None):
        return None
    cache_dir = build_cache_dir(argv)
    if cache_dir is None:
        return None
    cwd = cwd or os.getcwd()
    try:
        sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        sock.settimeout(5.0)
        sock.connect(address(os.path.join(cwd, cache_dir)))
    except OSError:
        return None
    began = False
    with sock:
        try:
            mask = os.umask(0o022)
            os.umask(mask)
            _send(sock, ("build", code_version(), argv, cwd, mask))
            sock.settimeout(None)
            while True:
                kind, *rest = _recv(sock)
                if kind == "out":
                    began = True
                    stream = sys.stdout if rest[0] == 1 else sys.stderr
                    stream.write(rest[1])
                    stream.flush()
                elif kind == "exit":
                    return int(rest[0])
                else:  # "stale" (the server exits) or "refused"
                    return None
        except (OSError, EOFError, pickle.PickleError, ConnectionError, ValueError):
            if began:
                print("warning: the pipeline server went away; building here", file=sys.stderr)
            return None  # outputs are all or nothing: building here is safe


def connect(
    cache_dir: str | os.PathLike[str], version: str, timeout: float = 5.0
) -> ServerClient | None:
    """A client of the server of ``cache_dir`` when one runs this pipeline ``version``;
    None when none answers. A server of another version is told to exit (it is stale)."""
    try:
        reply = _request(cache_dir, ("hello", version), timeout=timeout)
    except (OSError, EOFError, pickle.PickleError, ConnectionError):
        return None
    if not (isinstance(reply, tuple) and reply and reply[0] == "ok"):
        return None
    return ServerClient(cache_dir, version, reply[1])


def status(cache_dir: str | os.PathLike[str]) -> dict[str, Any] | None:
    """pid, pipeline version, uptime, requests served and idle limit of the running
    server of ``cache_dir``, or None."""
    try:
        reply = _request(cache_dir, ("status",), timeout=5.0)
    except (OSError, EOFError, pickle.PickleError, ConnectionError):
        return None
    return reply[1] if isinstance(reply, tuple) and reply and reply[0] == "ok" else None


def stop(cache_dir: str | os.PathLike[str], wait: float = 5.0) -> bool:
    """Stop the server of ``cache_dir``; True when one was running (and has exited)."""
    info = status(cache_dir)
    if info is None:
        return False
    with contextlib.suppress(OSError, EOFError, ConnectionError, pickle.PickleError):
        _request(cache_dir, ("stop",), timeout=5.0)
    deadline = time.monotonic() + wait
    while time.monotonic() < deadline and status(cache_dir) is not None:
        time.sleep(0.05)
    return True


def start(
    cache_dir: str | os.PathLike[str],
    snapshot_dir: str | os.PathLike[str] | None = None,
    idle: float | None = None,
) -> int:
    """Start a server for ``cache_dir`` in the background; returns its pid. It loads the
    pipeline (``snapshot_dir``: where the pipeline snapshot is) and exits at once when
    another server holds the address."""
    # absolute: the server works in "/" (it must not hold the build's folder)
    cmd = [sys.executable, "-m", "kg.server", os.path.abspath(cache_dir)]
    if snapshot_dir is not None:
        cmd += ["--snapshot-dir", os.path.abspath(snapshot_dir)]
    if idle is not None:
        cmd += ["--idle", str(idle)]
    env = dict(os.environ)
    kg_root = str(Path(__file__).resolve().parents[1])  # the same kg as this process
    env["PYTHONPATH"] = os.pathsep.join(p for p in (kg_root, env.get("PYTHONPATH")) if p)
    proc = subprocess.Popen(
        cmd,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        close_fds=True,
        start_new_session=True,  # no terminal: not stopped by the build's ^C or hang-up
        env=env,
        cwd="/",
    )
    return proc.pid


# --------------------------------------------------------------------------- server

#: what a client may ask the server to run
_CALLABLE = "kg.extract_parallel._extract_batch"


def serve(
    cache_dir: str | os.PathLike[str],
    snapshot_dir: str | os.PathLike[str] | None = None,
    idle: float | None = None,
) -> int:
    """Run the server of ``cache_dir`` in this process until it is idle for ``idle``
    seconds (default ``KG_SERVER_IDLE`` or 900), stale, stopped, or its folder is gone.
    Returns 0, or 1 when another server already holds the address."""
    version = code_version()  # first: the code loaded below is the code hashed here
    from kg.extract_parallel import _extract_batch, _worker_init

    idle = float(os.environ.get("KG_SERVER_IDLE", DEFAULT_IDLE)) if idle is None else idle
    folder = os.path.realpath(os.fspath(cache_dir))
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        sock.bind(address(folder))  # first: a second server for this folder stops here
    except OSError:
        sock.close()
        return 1
    sock.listen(16)  # a build that connects while the pipeline loads waits for it
    # Builds run here must neither call this server nor start another one.
    os.environ["KG_SERVER"] = "0"
    _SERVING.append(os.getpid())
    _worker_init(os.fspath(snapshot_dir) if snapshot_dir is not None else None)
    _extract_batch(_warm_up_documents())  # jieba's prefix index, first-call caches
    _warm_up_build()
    gc.collect()
    gc.freeze()  # the pipeline is for life: later collections need not walk it
    sock.settimeout(min(idle, _TICK))
    info = {"pid": os.getpid(), "version": version, "started": time.time(), "idle": idle}
    served = 0
    last = time.monotonic()
    free_at: float | None = None  # when to free what the last build left (if idle until then)
    try:
        while True:
            if free_at is not None:
                sock.settimeout(max(0.0, free_at - time.monotonic()))
            try:
                conn, _ = sock.accept()
            except TimeoutError:
                if free_at is not None:  # idle: free the last build's memory now
                    _release_memory()
                    free_at = None
                    sock.settimeout(min(idle, _TICK))
                    continue
                if time.monotonic() - last >= idle or not os.path.isdir(folder):
                    return 0
                continue
            if free_at is not None:
                sock.settimeout(min(idle, _TICK))
            last = time.monotonic()
            built = False
            with conn:
                try:
                    conn.settimeout(60.0)
                    if not _same_user(conn):
                        continue
                    msg = _recv(conn)
                    conn.settimeout(None)
                    kind = msg[0]
                    if kind in ("hello", "call", "build") and msg[1] != version:
                        _send(conn, ("stale", version))
                        return 0
                    if kind == "hello":
                        _send(conn, ("ok", info))
                    elif kind == "status":
                        _send(conn, ("ok", {**info, "served": served}))
                    elif kind == "stop":
                        _send(conn, ("ok", None))
                        return 0
                    elif kind == "call":
                        _, _, name, args = msg
                        if name != _CALLABLE:
                            _send(conn, ("refused", name))
                            continue
                        _send(conn, ("ok", _extract_batch(*args)))
                        served += 1
                    elif kind == "build":
                        _, _, argv, cwd, umask = msg
                        built = True
                        code = run_command(conn, argv, cwd, umask)
                        served += 1
                        with contextlib.suppress(OSError):
                            _send(conn, ("exit", code))
                except (OSError, EOFError, ConnectionError, pickle.PickleError, ValueError):
                    pass  # a client that went away: wait for the next one
            if built:  # after the reply: the client does not wait for this
                _run_after_reply()  # before the next build: it needs the cache's lock
                # Freeing the build's objects and collecting (0.1 s) waits for a moment
                # with nothing to do: a build asked for at once (a script adding files one
                # by one) runs first.
                free_at = time.monotonic() + FREE_DELAY
            last = time.monotonic()
    finally:
        sock.close()


#: the pid of this process while it serves (:func:`serving`)
_SERVING: list[int] = []


def serving() -> bool:
    """Whether this process is a pipeline server (a build it runs says so)."""
    return bool(_SERVING)


#: what the last build on a cache folder left in memory, by kind (this process only)
_MEMOS: dict[str, dict[str, dict[Any, Any]]] = {}


def memo(cache_dir: str | os.PathLike[str] | None, kind: str) -> dict[Any, Any] | None:
    """A dict a server keeps between builds on ``cache_dir``: ``"results"``, the decoded
    extraction results (:func:`kg.extract_parallel.extract_keyed`); ``"fragments"``, the
    RDF fragments with the inputs they were made from (:func:`kg.export.fast.start_fast`).
    None for no cache folder. Each user keeps only what its last build used."""
    if cache_dir is None:
        return None
    folder = os.path.realpath(os.fspath(cache_dir))
    if folder not in _MEMOS:
        _MEMOS.clear()  # one folder at a time: a build of another one starts afresh
        _MEMOS[folder] = {}
    return _MEMOS[folder].setdefault(kind, {})


class _Stream(io.TextIOBase):
    """A text stream whose writes go to the client as ``("out", fd, text)`` messages; a
    client that went away does not stop the build (its outputs are all or nothing)."""

    encoding = "utf-8"
    errors = "strict"

    def __init__(self, conn: socket.socket, fd: int) -> None:
        self.conn, self.fd, self.broken = conn, fd, False

    def write(self, text: str | bytes) -> int:  # type: ignore[override]
        if isinstance(text, bytes | bytearray):  # click writes bytes on some paths
            text = bytes(text).decode("utf-8", "replace")
        if text and not self.broken:
            try:
                _send(self.conn, ("out", self.fd, text))
            except OSError:
                self.broken = True
        return len(text)

    def writable(self) -> bool:
        return True

    def isatty(self) -> bool:
        return False


def run_command(conn: socket.socket, argv: list[str], cwd: str, umask: int) -> int:
    """Run the ``kg`` command line ``argv`` here, in ``cwd`` with the client's ``umask``
    (the files written are as the client would have made them), its stdout and stderr
    sent to the client on ``conn``; returns its exit status (what ``kg`` would exit with)."""
    import click

    from kg.cli import app

    out, err = _Stream(conn, 1), _Stream(conn, 2)
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            os.chdir(cwd)
        except OSError as exc:
            print(f"error: cannot work in {cwd}: {exc.strerror}", file=sys.stderr)
            return 1
        own_mask = os.umask(umask)
        try:
            rv = app(args=argv, prog_name="kg", standalone_mode=False)
            return rv if isinstance(rv, int) else 0
        except click.exceptions.ClickException as exc:
            exc.show(file=sys.stderr)
            return exc.exit_code
        except click.exceptions.Exit as exc:
            return exc.exit_code
        except click.exceptions.Abort:
            return 1
        except SystemExit as exc:
            return exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
        except Exception:  # a bug: the client sees the traceback, the server goes on
            traceback.print_exc(file=sys.stderr)
            return 1
        finally:
            os.umask(own_mask)
            os.chdir("/")
            # The collector stays paused (``kg build`` pauses it) until the client has its
            # answer: enabled now, it would first walk every object the build allocated.


def _warm_up_build() -> None:
    """Import what a build runs besides the pipeline (the CLI, the exporters) and let
    typer build its command once (0.08 s on the first call, 0.008 s after)."""
    import kg.build
    import kg.cli

    kg.build._preload_exporters()
    with open(os.devnull, "w") as null, contextlib.redirect_stdout(null):
        with contextlib.suppress(Exception, SystemExit):
            kg.cli.app(args=["build", "--help"], prog_name="kg", standalone_mode=False)


#: what the last build left to free (:func:`defer_free`)
_GRAVEYARD: list[Any] = []
#: what the last build left to do once the client has its answer (:func:`after_reply`)
_AFTER_REPLY: list[Callable[[], object]] = []


def defer_free(*objs: Any) -> None:
    """Keep ``objs`` (a build's resolution and graph: millions of objects, 0.1-0.3 s to
    free) alive until the client has its answer; freed by :func:`_release_memory`."""
    if _SERVING:
        _GRAVEYARD.extend(objs)


def after_reply(fn: Callable[[], object]) -> bool:
    """Run ``fn`` after the client of this build has its answer, before the next request
    is read (housekeeping the answer does not depend on: saving the manifest, deleting
    the files the outputs replaced). False, and nothing done, when not serving."""
    if not _SERVING:
        return False
    _AFTER_REPLY.append(fn)
    return True


def _run_after_reply() -> None:
    while _AFTER_REPLY:
        fn = _AFTER_REPLY.pop(0)
        try:
            fn()
        except Exception:  # the build was answered; its next one will see the problem
            traceback.print_exc(file=sys.stderr)


def _release_memory() -> None:
    """Give the memory of the last build back: its graph is garbage now. What is kept
    (the memos) is frozen: later collections need not walk it."""
    _run_after_reply()
    _GRAVEYARD.clear()
    gc.enable()
    gc.collect()
    gc.freeze()
    with contextlib.suppress(OSError, AttributeError):
        import ctypes

        ctypes.CDLL("libc.so.6").malloc_trim(0)


def _same_user(conn: socket.socket) -> bool:
    creds = conn.getsockopt(socket.SOL_SOCKET, socket.SO_PEERCRED, struct.calcsize("3i"))
    _, uid, _ = struct.unpack("3i", creds)
    return uid == os.getuid()


def _warm_up_documents() -> list[Any]:
    from kg.model import Document

    return [Document("warm-up", "工业和信息化部会同国家发展改革委组织实施《网络安全法》。")]


def main(argv: list[str] | None = None) -> int:
    import argparse

    p = argparse.ArgumentParser(prog="python -m kg.server", description=__doc__.split("\n")[0])
    p.add_argument("cache_dir")
    p.add_argument("--snapshot-dir")
    p.add_argument("--idle", type=float)
    a = p.parse_args(argv)
    return serve(a.cache_dir, a.snapshot_dir, a.idle)


if __name__ == "__main__":
    from kg import server as _module  # run as ``kg.server``, not ``__main__``: one state

    sys.exit(_module.main())
