"""The pipeline server: an extraction worker that outlives the build that started it.

A new ``kg build`` process spends about a second before it can extract anything:
importing spaCy (0.45 s), restoring the pipeline snapshot (0.4 s), building jieba's
prefix index (0.1 s). After one document changed, that second is most of the rebuild.
Like Gradle's daemon, a build with a cache folder therefore leaves one worker behind:

- it is started in the background (``python -m kg.server CACHE_DIR``, a new session,
  no terminal, no inherited pipes), loads the pipeline once and waits;
- it listens on a Unix socket in Linux's abstract namespace, named after the cache
  folder, and answers only processes of its own user (``SO_PEERCRED``);
- the next build on that cache sends it the changed documents (:class:`ServerClient`
  is an executor, like a process pool) and gets the encoded results back;
- it exits after ``KG_SERVER_IDLE`` seconds without a request (default 900), when its
  cache folder is deleted, when a build of other code asks it (another
  :func:`~kg.extract_parallel.pipeline_version`: it is stale), or on ``kg server stop``.

``KG_SERVER=0`` in the environment, or ``kg build --no-server``, builds without it.
Results are the same either way: the server runs the same function on the same
pipeline as a worker process (:func:`kg.extract_parallel._extract_batch`).

>>> address("/tmp/out/.cache").startswith("\\0kg-pipeline-")
True
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
import socket
import struct
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from concurrent.futures import Future
from pathlib import Path
from typing import Any

#: seconds a server waits for a request before it exits (``KG_SERVER_IDLE``)
DEFAULT_IDLE = 900.0
#: how often an idle server looks whether its cache folder still exists
_TICK = 30.0
_HEADER = struct.Struct("!Q")


def enabled(flag: bool | None = None) -> bool:
    """Whether builds use (and start) a server: ``flag`` when given, else the
    environment (``KG_SERVER=0`` turns it off); Linux only (abstract sockets)."""
    if not sys.platform.startswith("linux"):
        return False
    if flag is not None:
        return flag
    return os.environ.get("KG_SERVER", "1").strip().lower() not in ("0", "false", "no", "off")


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
    cmd = [sys.executable, "-m", "kg.server", os.fspath(cache_dir)]
    if snapshot_dir is not None:
        cmd += ["--snapshot-dir", os.fspath(snapshot_dir)]
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
    from kg.extract_parallel import _extract_batch, _worker_init, pipeline_version

    idle = float(os.environ.get("KG_SERVER_IDLE", DEFAULT_IDLE)) if idle is None else idle
    folder = os.path.realpath(os.fspath(cache_dir))
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        sock.bind(address(folder))  # first: a second server for this folder stops here
    except OSError:
        sock.close()
        return 1
    sock.listen(16)  # a build that connects while the pipeline loads waits for it
    version = pipeline_version()
    _worker_init(os.fspath(snapshot_dir) if snapshot_dir is not None else None)
    _extract_batch(_warm_up_documents())  # jieba's prefix index, first-call caches
    sock.settimeout(min(idle, _TICK))
    info = {"pid": os.getpid(), "version": version, "started": time.time(), "idle": idle}
    served = 0
    last = time.monotonic()
    try:
        while True:
            try:
                conn, _ = sock.accept()
            except TimeoutError:
                if time.monotonic() - last >= idle or not os.path.isdir(folder):
                    return 0
                continue
            last = time.monotonic()
            with conn:
                try:
                    conn.settimeout(60.0)
                    if not _same_user(conn):
                        continue
                    msg = _recv(conn)
                    conn.settimeout(None)
                    kind = msg[0]
                    if kind == "hello":
                        if msg[1] != version:
                            _send(conn, ("stale", version))
                            return 0
                        _send(conn, ("ok", info))
                    elif kind == "status":
                        _send(conn, ("ok", {**info, "served": served}))
                    elif kind == "stop":
                        _send(conn, ("ok", None))
                        return 0
                    elif kind == "call":
                        _, want, name, args = msg
                        if want != version:
                            _send(conn, ("stale", version))
                            return 0
                        if name != _CALLABLE:
                            _send(conn, ("refused", name))
                            continue
                        _send(conn, ("ok", _extract_batch(*args)))
                        served += 1
                except (OSError, EOFError, ConnectionError, pickle.PickleError, ValueError):
                    continue  # a client that went away: wait for the next one
            last = time.monotonic()
    finally:
        sock.close()


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
    sys.exit(main())
