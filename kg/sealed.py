"""Sealed bytes: data this user wrote, authenticated before it is trusted.

Some caches hold pickles (the NLP pipeline snapshot: spaCy components do not serialise
otherwise). Loading a pickle runs code, so one is only loaded after its HMAC-SHA256 has
been checked with a per-user secret kept outside every cache folder
(``$XDG_CACHE_HOME/kg/secret``, else ``~/.cache/kg/secret``; ``KG_SECRET_FILE``
overrides the path), created ``0600`` on first use. Someone who can write into a shared
output folder cannot forge a snapshot without that secret.

>>> bytes(unseal(seal(b"data")))
b'data'
>>> unseal(b"KGS1" + bytes(32) + b"data") is None
True
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import os
import secrets
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path
from typing import BinaryIO

from kg.cache_files import one_at_a_time, read_cache_file
from kg.io import read_regular

MAGIC = b"KGS1"
_TAG = 32


def user_cache_dir(env: str | None = None) -> Path | None:
    """This user's folder for kg's caches (the secret, pipeline snapshots, binary forms):
    ``$XDG_CACHE_HOME/kg``, else ``~/.cache/kg``; None without a home folder. With
    ``env``, that variable overrides it: a folder, or "", "0", "off", "no" for none.

    >>> os.environ["KG_DOCTEST_CACHE"] = "off"
    >>> user_cache_dir("KG_DOCTEST_CACHE") is None
    True
    >>> os.environ["KG_DOCTEST_CACHE"] = "/tmp/x"; str(user_cache_dir("KG_DOCTEST_CACHE"))
    '/tmp/x'
    >>> del os.environ["KG_DOCTEST_CACHE"]
    """
    if env is not None:
        value = os.environ.get(env)
        if value is not None:
            return None if value.strip().lower() in ("", "0", "off", "no") else Path(value)
    base = os.environ.get("XDG_CACHE_HOME")
    if not base:
        try:
            base = str(Path.home() / ".cache")
        except RuntimeError:  # no home folder
            return None
    return Path(base) / "kg"


def secret_path() -> Path:
    """Where this user's secret lives (``KG_SECRET_FILE``, else in :func:`user_cache_dir`)."""
    if os.environ.get("KG_SECRET_FILE"):
        return Path(os.environ["KG_SECRET_FILE"])
    folder = user_cache_dir()
    if folder is None:
        raise RuntimeError("no home folder for kg's secret: set KG_SECRET_FILE")
    return folder / "secret"


def _usable(path: Path, data: bytes | None) -> bool:
    """Whether ``data`` read from ``path`` is a secret: 32 bytes or more, in this user's
    file (an empty file, or one another user could have written, is no key)."""
    with contextlib.suppress(OSError):
        return data is not None and len(data) >= 32 and path.stat().st_uid == os.getuid()
    return False


@lru_cache(maxsize=4)
def _secret(path: Path) -> bytes:
    data = read_cache_file(path)  # (one of another kind set aside: made anew below)
    if _usable(path, data):
        return data  # type: ignore[return-value]
    key = secrets.token_bytes(32)
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        os.write(fd, key)
    finally:
        os.close(fd)
    try:
        if data is None:  # none: made here unless another process made one first
            with contextlib.suppress(FileExistsError):
                os.link(tmp, path)
            theirs = read_regular(path)
            if _usable(path, theirs):
                return theirs
        # an unusable one (short, another user's): replaced, by one process at a time,
        # each looking again first: a second one takes the key the first put there
        # (two replacing at once each kept their own, and one's sealed files were lost)
        with one_at_a_time(path.parent):
            with contextlib.suppress(OSError):
                theirs = read_regular(path)
                if _usable(path, theirs):
                    return theirs
            os.replace(tmp, path)
    except OSError:  # (not replaceable: this process keeps its key, nothing is trusted)
        pass
    finally:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
    return key


def user_secret() -> bytes:
    """This user's secret (created when missing)."""
    return _secret(secret_path())


def seal(data: bytes) -> bytes:
    """``data`` behind a magic and its HMAC."""
    tag = hmac.new(user_secret(), data, hashlib.sha256).digest()
    return MAGIC + tag + data


class _Sealing:
    """The writer :func:`sealing` yields: bytes go to the file and into the HMAC."""

    def __init__(self, fh: BinaryIO) -> None:
        self.fh = fh
        self.mac = hmac.new(user_secret(), digestmod=hashlib.sha256)

    def write(self, data: bytes | memoryview) -> int:
        self.mac.update(data)
        return self.fh.write(data)


@contextlib.contextmanager
def sealing(fh: BinaryIO) -> Iterator[_Sealing]:
    """Write sealed data to the seekable binary file ``fh`` as it is made: the writer it
    yields takes the data (``write``), whose HMAC goes in at the head on exit; the file
    then holds what :func:`seal` gives, without the data ever whole in memory (a pickle
    streamed into it needs no buffer of its size, nor a second one for the seal).

    >>> import io
    >>> f = io.BytesIO()
    >>> with sealing(f) as w:
    ...     _ = w.write(b"da"), w.write(b"ta")
    >>> f.getvalue() == seal(b"data")
    True
    """
    start = fh.tell()
    fh.write(MAGIC + bytes(_TAG))
    writer = _Sealing(fh)
    yield writer
    end = fh.tell()
    fh.seek(start + len(MAGIC))
    fh.write(writer.mac.digest())
    fh.seek(end)


def unseal(blob: bytes | memoryview) -> memoryview | bytes | None:
    """The data of :func:`seal`; None when the blob is not this user's sealed data."""
    head = len(MAGIC) + _TAG
    if len(blob) < head or bytes(blob[: len(MAGIC)]) != MAGIC:
        return None
    body = memoryview(blob)[head:]
    try:
        tag = hmac.new(user_secret(), body, hashlib.sha256).digest()
    except OSError:
        return None
    if not hmac.compare_digest(tag, bytes(blob[len(MAGIC) : head])):
        return None
    return body
