"""Processes and folders of a build die with it.

- :func:`die_with_parent`: called first thing in every worker (and forked writer): the
  kernel kills it when the build process dies, whatever killed the build (SIGTERM,
  SIGINT, SIGKILL: ``prctl(PR_SET_PDEATHSIG)``), and it exits at once when the build
  died before the call;
- :class:`CacheLock`: one build at a time per cache folder. Forked workers do not keep
  the lock, the kernel drops it when the build dies however it dies, and a lock left
  held by a process of a dead build is taken over. A build that must wait says so, with
  the pid of the build it waits for;
- :class:`OutputLock`: one build at a time per output folder, with or without a cache
  folder (two builds never publish into one folder file by file);
- :func:`staging_dir` / :func:`remove_dead_staging`: staging folders are named after the
  build's pid; those of builds that are gone are removed by the next build;
- :func:`stopped_by_signals`: Ctrl-C, SIGTERM and SIGHUP end ``kg build`` or ``kg serve``
  (:class:`Stopped`, a ``KeyboardInterrupt``), and its cleanup runs to its end.

>>> import tempfile
>>> d = Path(tempfile.mkdtemp())
>>> with CacheLock(d / "lock") as lock: lock.holder() == os.getpid()
True
>>> lock.holder() is None
True
>>> pid_alive(os.getpid())
True
"""

from __future__ import annotations

import contextlib
import ctypes
import errno
import fcntl
import os
import shutil
import signal
import stat
import struct
import sys
import tempfile
import threading
import time
import weakref
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from kg.errors import Errors, KGError

PR_SET_PDEATHSIG = 1
STAGING_PREFIX = ".kg-staging-"
#: The signals that stop a build: held during the publish's moves and a fork, and
#: handled by ``kg build`` and ``kg serve`` (:func:`stopped_by_signals`)
STOP_SIGNALS = (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)
#: A staging folder without a pid in its name (older kg) is removed after this long.
STAGING_MAX_AGE = 3600.0


def die_with_parent(parent: int | None, sig: int = signal.SIGKILL) -> None:
    """Have the kernel send ``sig`` to this process when its parent dies; exit now when
    ``parent`` (the pid the caller forked from) is already gone. Linux only (elsewhere
    the parent-pid check alone is made)."""
    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError, AttributeError):
            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(PR_SET_PDEATHSIG, int(sig), 0, 0, 0)
    if parent is not None and os.getppid() != parent:  # it died before prctl took effect
        os._exit(1)


@contextlib.contextmanager
def signals_held(sigs: tuple[int, ...] = STOP_SIGNALS) -> Iterator[None]:
    """Within: each of ``sigs`` waits for the block's end, then comes. Blocked in this
    thread (a default action waits), and in the main thread a Python handler (Ctrl-C's,
    :func:`stopped_by_signals`') is replaced by one that notes the signal: another
    thread of the process may take a signal, and its handler would still run here, at
    the next bytecode. A forked child leaves the block with the handlers it set.

    >>> with stopped_by_signals() as stop:
    ...     try:
    ...         with signals_held():
    ...             os.kill(os.getpid(), signal.SIGTERM)
    ...             print("held", stop.is_set())
    ...     except Stopped as exc:
    ...         print("then", exc.exit_code)
    held False
    then 143
    """
    came: list[int] = []
    me = os.getpid()
    handlers: dict[int, Any] = {}
    old = None
    try:
        if threading.current_thread() is threading.main_thread():
            for sig in sigs:
                handler = signal.getsignal(sig)
                if callable(handler):
                    handlers[sig] = handler
                    signal.signal(sig, lambda signum, frame: came.append(signum))
        old = signal.pthread_sigmask(signal.SIG_BLOCK, sigs)
        yield
    finally:
        if old is not None:  # a blocked signal comes now (noted)
            signal.pthread_sigmask(signal.SIG_SETMASK, old)
        if os.getpid() == me:
            first = None
            for sig, handler in handlers.items():
                try:  # (a signal pending runs the handler current: one restored raises)
                    signal.signal(sig, handler)
                except BaseException as exc:
                    first = first or exc
                    signal.signal(sig, handler)
            if first is not None:
                raise first
            for sig in dict.fromkeys(came):  # (its handler runs here)
                signal.raise_signal(sig)


def fork_holding_signals(sigs: tuple[int, ...] = STOP_SIGNALS) -> int:
    """``os.fork()`` with ``sigs`` held until it has returned (:func:`signals_held`), in
    both processes: a signal that came while Python ran its fork hooks (logging's lock)
    would be printed as "Exception ignored" and lost, and a Ctrl-C would let the build
    run on.

    In the child, those of ``sigs`` that Python handles take their default action first
    (ignored ones stay ignored): a Ctrl-C (sent to the whole process group) kills the
    child, where an exception would unwind it through the parent's frames and run the
    parent's cleanup (removing the build's staging folder) in the child.

    A held signal that raises in the parent as the block ends kills the child first: the
    caller never learns its pid, so it could not stop it (a forked writer would fill the
    staging folder the stopped build removes; a worker would outlive a library call)."""
    pid = -1
    try:
        with signals_held(sigs):
            pid = os.fork()
            if pid == 0:
                for sig in sigs:
                    if signal.getsignal(sig) is not signal.SIG_IGN:
                        signal.signal(sig, signal.SIG_DFL)
    except BaseException:
        if pid > 0:
            with contextlib.suppress(OSError):
                os.kill(pid, signal.SIGKILL)
                os.waitpid(pid, 0)
        raise
    return pid


class Stopped(KeyboardInterrupt):
    """A stop signal other than Ctrl-C, raised where Ctrl-C raises ``KeyboardInterrupt``;
    ``exit_code``: 128 + the signal's number, as a shell reports a process it killed.

    >>> Stopped(signal.SIGTERM).exit_code
    143
    """

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.exit_code = 128 + signum


class StopSignal(threading.Event):
    """Set by the first stop signal within :func:`stopped_by_signals` (``signum``: its
    number), before :class:`Stopped` is raised: a loop that looks at it ends even when
    the raise was lost (a signal handled inside a fork hook or a ``__del__`` is printed
    as "Exception ignored" and dropped). Set by its user, later signals do nothing (a
    cleanup after a normal end).

    >>> stop = StopSignal(); stop.is_set(), stop.signum
    (False, None)
    """

    signum: int | None = None


@contextlib.contextmanager
def stopped_by_signals(
    sigs: tuple[int, ...] = STOP_SIGNALS, *, ending: bool = False
) -> Iterator[StopSignal]:
    """Within (in the main thread; elsewhere nothing is installed, as only the main thread
    may): the first of ``sigs`` sets the :class:`StopSignal`
    yielded and raises :class:`Stopped` (a ``KeyboardInterrupt``), so a ``--watch`` or
    ``kg serve`` ends as on Ctrl-C (outputs the last published ones, the locks released,
    the workers stopped, the cache saved) instead of dying where it stands. Every later
    one does nothing: a second signal (SIGTERM then SIGHUP from a closing session) must
    not cut the cleanup short. The handlers before are restored when the block ends;
    ``ending`` (the process ends with the block: the command line's) after a stop,
    ``sigs`` are ignored instead, so that no later one kills the process before its exit
    status is set (a storm of hang-ups). A signal inherited ignored stays ignored
    (``nohup``, a background job of a script), SIGTERM excepted: it is how a
    long-running process is stopped.

    >>> with stopped_by_signals() as stop:
    ...     try:
    ...         os.kill(os.getpid(), signal.SIGTERM)
    ...         while not stop.is_set(): pass  # (the handler runs at the next bytecode)
    ...     except Stopped as exc:
    ...         os.kill(os.getpid(), signal.SIGHUP)  # a second one: nothing happens
    ...         print(exc.exit_code, stop.signum == signal.SIGTERM)
    143 True
    """
    stop = StopSignal()

    def on_signal(signum: int, frame: object) -> None:
        if not stop.is_set():
            stop.signum = signum
            stop.set()
            raise Stopped(signum)

    if threading.current_thread() is not threading.main_thread():
        yield stop  # (signals reach the main thread only: none to install here)
        return
    old = {
        sig: signal.getsignal(sig)
        for sig in sigs
        if sig == signal.SIGTERM or signal.getsignal(sig) is not signal.SIG_IGN
    }
    try:
        for sig in old:
            signal.signal(sig, on_signal)
        yield stop
    finally:
        for sig, handler in old.items():
            signal.signal(sig, signal.SIG_IGN if ending and stop.is_set() else handler)


def pid_alive(pid: int) -> bool:
    """Whether a process ``pid`` exists (zombies count as gone)."""
    if pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # another user's process
        return True
    try:
        with open(f"/proc/{pid}/stat", "rb") as f:
            return f.read().rsplit(b")", 1)[1].split()[0] != b"Z"
    except (OSError, IndexError):
        return True


# --------------------------------------------------------------------------- the lock

# struct flock on Linux: short l_type, short l_whence, off_t l_start, off_t l_len, pid_t l_pid
_FLOCK = "hhqqi4x"
#: Seconds between looks at a lock's holder while waiting for it.
LOCK_POLL = 0.2
#: The line after the pid in the lock file of a build that has not ended.
RUNNING = "running"


#: the locks this process holds: a forked child closes its copies at once (one fork hook
#: for all, where one per acquisition was never removed: a --watch ran two more per build)
_HELD: weakref.WeakSet[CacheLock | OutputLock] = weakref.WeakSet()


def _forget_in_child() -> None:
    for lock in list(_HELD):  # a forked child must not hold them
        if lock._fd is not None:
            with contextlib.suppress(OSError):
                os.close(lock._fd)
            lock._fd = None
    _HELD.clear()


os.register_at_fork(after_in_child=_forget_in_child)


class CacheLock:
    """An exclusive lock on ``path`` (created) for this build.

    An open-file-description lock (``F_OFD_SETLK``): two builds conflict even in one
    process, the kernel drops it when the build dies however it dies, and forked children
    close their copy of the descriptor at once (:func:`os.register_at_fork`), so a worker
    never keeps it. The file holds the pid of the build that has it: a waiting build says
    whom it waits for (``on_wait(pid)``, once), and takes the lock over when that process
    is gone while the lock is still held (by a leftover child of an older kg). The pid is
    followed by a line ``running``; a build that ends (done, or stopped by an error it
    reported) empties the file, one that is interrupted (:meth:`release` with
    ``finished=False``) or killed leaves it: ``interrupted`` is the pid of the last build
    when the file still says it was running and that process is gone, else None (a file
    holding a pid alone was left by an older kg, which never emptied it)."""

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.path = Path(path)
        self._fd: int | None = None
        self.interrupted: int | None = None
        #: E111 when an entry of another kind stood at ``path`` (set aside by acquire)
        self.set_aside: list[KGError] = []

    def _open(self) -> int:
        """The lock file, opened (made when missing). An entry of another kind there (a
        folder, a pipe, a socket: never kg's doing) is set aside first (warning E111 in
        :attr:`set_aside`): here, where a build that set it aside and took the lock
        since is told apart (:func:`kg.cache_files.set_aside`)."""
        from kg.cache_files import set_aside

        flags = os.O_RDWR | os.O_CREAT | os.O_CLOEXEC | os.O_NONBLOCK | os.O_NOCTTY
        for _ in range(3):
            try:
                fd = os.open(self.path, flags, 0o600)
            except OSError as exc:  # a folder, a socket
                if exc.errno not in (errno.EISDIR, errno.ENXIO, errno.EOPNOTSUPP):
                    raise
            else:
                if stat.S_ISREG(os.fstat(fd).st_mode):
                    return fd
                os.close(fd)  # a pipe, a device
            self.set_aside += set_aside(self.path.parent, [self.path.name])
        raise OSError(errno.EISDIR, "not a regular file", os.fspath(self.path))

    def _try(self, fd: int) -> bool:
        req = struct.pack(_FLOCK, fcntl.F_WRLCK, os.SEEK_SET, 0, 0, 0)
        try:
            try:
                fcntl.fcntl(fd, getattr(fcntl, "F_OFD_SETLK", -1), req)
            except OSError as exc:  # no OFD locks (old kernel, some network file systems)
                if exc.errno not in (errno.EINVAL, errno.ENOSYS, errno.EOPNOTSUPP):
                    raise
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)  # also per open file
        except OSError as exc:
            if exc.errno in (errno.EACCES, errno.EAGAIN, errno.EWOULDBLOCK):
                return False
            raise
        return True

    def holder(self) -> int | None:
        """The pid written by the build holding the lock (None: the lock is free)."""
        try:
            fd = os.open(self.path, os.O_RDWR | os.O_CLOEXEC)
        except OSError:
            return None
        try:
            req = struct.pack(_FLOCK, fcntl.F_WRLCK, os.SEEK_SET, 0, 0, 0)
            typ = struct.unpack(_FLOCK, fcntl.fcntl(fd, fcntl.F_OFD_GETLK, req))[0]
        except OSError:
            return None
        finally:
            os.close(fd)
        return None if typ == fcntl.F_UNLCK else (_read(self.path)[0] or -1)

    def acquire(self, on_wait: Callable[[int | None], object] | None = None) -> CacheLock:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        told, looks, retried = False, 0, False
        while True:
            fd = self._open()
            try:
                locked = self._try(fd)
                if not locked:
                    pid = _read(self.path)[0]
                    if pid is not None and not pid_alive(pid):
                        locked = self._take_over_if_gone(fd, pid)
                        if not locked:  # (taken over: lock the new file; or a new holder)
                            os.close(fd)
                            continue
                if locked:
                    if self._claim(fd):
                        break
                    os.close(fd)  # taken over (or moved) while we waited: lock the new file
                    continue
                if not told and on_wait is not None:
                    if pid is None and looks:  # not a build just starting, before its pid
                        pid = next(iter(lock_holders(self.path)), None)
                        if pid is None and not retried:  # the holder may have let go
                            retried = True  # since the try: try again before E108
                            os.close(fd)
                            continue
                    if pid is not None or looks:
                        on_wait(pid)
                        told = True
                looks += 1
                os.close(fd)
                time.sleep(LOCK_POLL)
            except BaseException:
                with contextlib.suppress(OSError):
                    os.close(fd)
                raise
        self._fd = fd
        _HELD.add(self)
        return self

    def _same_file(self, fd: int) -> bool:
        try:
            return os.path.samestat(os.fstat(fd), os.stat(self.path))
        except FileNotFoundError:
            return False

    def _take_over_if_gone(self, fd: int, pid: int) -> bool:
        """The lock ``fd`` is held while its file names ``pid``, a process gone: replace
        the file (an orphan holds the lock) unless, looked at again within
        :func:`~kg.cache_files.one_at_a_time`, the lock is free now (True: this build holds
        it) or the file changed (a build locked it and wrote its pid: :meth:`_claim` does
        that within the same block, so the look and the replacement are one step)."""
        from kg.cache_files import one_at_a_time

        with one_at_a_time(self.path.parent):
            if self._try(fd):
                return True
            now, running = _read(self.path)
            if now == pid and self._same_file(fd) and not pid_alive(pid):
                self.interrupted = pid if running else None
                self._take_over()
        return False

    def _claim(self, fd: int) -> bool:
        """Write this build's pid in the file ``fd`` locked, unless it was replaced since
        (False). A file that names a process gone (a build interrupted, or an orphan's)
        may be replaced by a waiting build (:meth:`_take_over_if_gone`): then the look and
        the write are one step within its block; a file left empty (a build that ended)
        takes no other lock."""
        last, running = _parse(os.pread(fd, 64, 0))
        if last is None or last == os.getpid() or pid_alive(last):
            return self._same_file(fd) and self._mark(fd, last, running)
        from kg.cache_files import one_at_a_time

        with one_at_a_time(self.path.parent):
            return self._same_file(fd) and self._mark(fd, last, running)

    def _mark(self, fd: int, last: int | None, running: bool) -> bool:
        if running and last is not None and last != os.getpid() and not pid_alive(last):
            self.interrupted = last
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{os.getpid()}\n{RUNNING}\n".encode(), 0)
        return True

    def _take_over(self) -> None:
        """Replace the lock file: the orphan keeps its lock on the old inode, unused."""
        fd, tmp = tempfile.mkstemp(prefix=".lock.", dir=self.path.parent)
        os.close(fd)
        os.replace(tmp, self.path)

    def release(self, finished: bool = True) -> None:
        """Unlock; ``finished``: the build ended (empty the file), else it was interrupted
        (its pid stays, for the next build to name: E106)."""
        if self._fd is not None:
            if finished:
                with contextlib.suppress(OSError):
                    os.ftruncate(self._fd, 0)
            os.close(self._fd)  # the last descriptor of the description: unlocked
            self._fd = None
            _HELD.discard(self)

    def __enter__(self) -> CacheLock:
        return self if self._fd is not None else self.acquire()

    def __exit__(self, kind: type[BaseException] | None, *exc: object) -> None:
        self.release(finished=ended(kind))


class OutputLock:
    """An exclusive lock on the output folder ``path`` for this build (made when missing).

    ``flock`` on the folder itself, not on a file in it: any user who can list the folder
    can lock it, where a lock file left by another user (one ``sudo kg build``) could not
    be opened for writing. As :class:`CacheLock`: the kernel drops it when the build dies,
    forked children close their copy at once, and a build that must wait says so once
    (``on_wait(pid)``; None: a process this user cannot see). A folder this user cannot
    list is not locked (writing into it says what is wrong).

    >>> import tempfile
    >>> d = Path(tempfile.mkdtemp())
    >>> with OutputLock(d): OutputLock(d).locked()
    True
    >>> OutputLock(d).locked()
    False
    """

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.path = Path(path)
        self._fd: int | None = None

    def _open(self) -> int | None:
        try:
            return os.open(self.path, os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC)
        except OSError:
            return None

    def locked(self) -> bool:
        """Whether a build holds the folder (a look: the lock is not taken)."""
        fd = self._open()
        if fd is None:
            return False
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as exc:
            return exc.errno in (errno.EAGAIN, errno.EWOULDBLOCK, errno.EACCES)
        finally:
            os.close(fd)  # (unlocks)
        return False

    def acquire(self, on_wait: Callable[[int | None], object] | None = None) -> OutputLock:
        self.path.mkdir(parents=True, exist_ok=True)
        fd = self._open()
        if fd is None:
            return self
        told = False
        try:
            while True:
                try:
                    fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                    break
                except OSError as exc:
                    if exc.errno not in (errno.EAGAIN, errno.EWOULDBLOCK, errno.EACCES):
                        os.close(fd)  # no locks on this file system: none taken
                        return self
                if not told and on_wait is not None:
                    on_wait(next(iter(lock_holders(self.path)), None))
                    told = True
                time.sleep(LOCK_POLL)
        except BaseException:
            os.close(fd)
            raise
        self._fd = fd
        _HELD.add(self)
        return self

    def release(self) -> None:
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None
            _HELD.discard(self)

    def __enter__(self) -> OutputLock:
        return self if self._fd is not None else self.acquire()

    def __exit__(self, *exc: object) -> None:
        self.release()


def ended(kind: type[BaseException] | None) -> bool:
    """Whether a build that stopped with an exception of type ``kind`` (None: none) ended
    rather than was interrupted: an error (an ``Exception``) is reported as it happens;
    ``KeyboardInterrupt`` or ``SystemExit`` leave work undone for the next build to name.

    >>> ended(None), ended(OSError), ended(KeyboardInterrupt)
    (True, True, False)
    """
    return kind is None or issubclass(kind, Exception)


def _read(path: Path) -> tuple[int | None, bool]:
    """The pid in a lock file and whether it says that build was running."""
    try:
        return _parse(path.read_bytes())
    except OSError:
        return None, False


def _parse(data: bytes) -> tuple[int | None, bool]:
    """:func:`_read` of a lock file's bytes.

    >>> _parse(b"12\\nrunning\\n"), _parse(b"")
    ((12, True), (None, False))
    """
    try:
        first, _, rest = data.decode().partition("\n")
        return int(first.strip() or 0) or None, rest.strip() == RUNNING
    except (UnicodeDecodeError, ValueError):
        return None, False


def lock_holders(path: Path) -> list[int]:
    """The processes that hold a lock on ``path`` (an open file of theirs with a lock in
    ``/proc/PID/fdinfo``), when the file names none: another program that locked it, or a
    build between taking the lock and writing its pid. Only this user's processes can be
    seen (others': none).

    >>> import tempfile
    >>> d = Path(tempfile.mkdtemp())
    >>> with CacheLock(d / "lock"): lock_holders(d / "lock") == [os.getpid()]
    True
    """
    try:
        st = os.stat(path)
        pids = [int(n) for n in os.listdir("/proc") if n.isdigit()]
    except OSError:
        return []
    found = []
    for pid in pids:
        try:
            fds = os.listdir(f"/proc/{pid}/fd")
        except OSError:  # gone, or another user's
            continue
        for n in fds:
            with contextlib.suppress(OSError):
                fst = os.stat(f"/proc/{pid}/fd/{n}")
                if (fst.st_ino, fst.st_dev) != (st.st_ino, st.st_dev):
                    continue
                with open(f"/proc/{pid}/fdinfo/{n}") as f:
                    if "\nlock:" in f.read():
                        found.append(pid)
                        break
    return found


def say_waiting_for_output(path: Path) -> Callable[[int | None], None]:
    """The ``on_wait`` of a build's :class:`OutputLock`: warning E110 on stderr."""

    def on_wait(pid: int | None) -> None:
        who = "another user's build" if pid is None else f"the build with pid {pid}"
        print(f"warning: {KGError(Errors.E110, path=path, who=who)}", file=sys.stderr)
        sys.stderr.flush()

    return on_wait


def say_waiting(path: Path) -> Callable[[int | None], None]:
    """The ``on_wait`` of a build: one line on stderr (warning E100; E108 when the lock's
    holder cannot be told: the lock file names none, and no process of this user holds
    it)."""

    def on_wait(pid: int | None) -> None:
        if pid is None:
            warning = KGError(Errors.E108, path=path)
        else:
            warning = KGError(Errors.E100, path=path, pid=pid)
        print(f"warning: {warning}", file=sys.stderr)
        sys.stderr.flush()

    return on_wait


# --------------------------------------------------------------------------- staging


def process_start(pid: int) -> str | None:
    """The start time of process ``pid`` (clock ticks since boot, from ``/proc``): with
    the pid it names one process, where a pid alone is reused (a container's pid 1)."""
    try:
        with open(f"/proc/{pid}/stat", "rb") as f:
            return f.read().rsplit(b")", 1)[1].split()[19].decode()
    except (OSError, IndexError):
        return None


def _owner(pid: int) -> str:
    start = process_start(pid)
    return f"{pid}.{start}" if start else str(pid)


def staging_dir(out: Path) -> Path:
    """A new staging folder in ``out``, named after this process: its pid and start
    time (see :func:`remove_dead_staging`)."""
    return Path(tempfile.mkdtemp(prefix=f"{STAGING_PREFIX}{_owner(os.getpid())}-", dir=out))


def remove_dead_staging(out: Path, now: float | None = None) -> list[Path]:
    """Remove the staging folders in ``out`` whose build is gone (no process with the
    pid, or another process under it: a pid is reused); returns those removed.

    >>> import tempfile
    >>> out = Path(tempfile.mkdtemp())
    >>> mine = staging_dir(out)
    >>> reused = out / f"{STAGING_PREFIX}{os.getpid()}.1-x"  # this pid, another start
    >>> reused.mkdir()
    >>> remove_dead_staging(out) == [reused], mine.exists()
    (True, True)
    """
    removed = []
    try:
        names = [n for n in os.listdir(out) if n.startswith(STAGING_PREFIX)]
    except OSError:
        return removed
    for name in names:
        owner = name[len(STAGING_PREFIX) :].split("-", 1)[0]
        pid_text, _, start = owner.partition(".")
        path = out / name
        if pid_text.isdigit() and "-" in name[len(STAGING_PREFIX) :]:
            pid = int(pid_text)
            gone = not pid_alive(pid) or (start != "" and start != process_start(pid))
        else:  # no owner in the name: gone when old
            try:
                age = (now or time.time()) - path.stat().st_mtime
            except OSError:
                continue
            gone = age > STAGING_MAX_AGE
        if gone:
            if path.is_dir() and not path.is_symlink():
                shutil.rmtree(path, ignore_errors=True)
            else:  # a file or link of that name (a folder's rmtree left it, said removed)
                with contextlib.suppress(OSError):
                    path.unlink()
            if not os.path.lexists(path):  # (one that could not be removed is not said)
                removed.append(path)
    return removed
