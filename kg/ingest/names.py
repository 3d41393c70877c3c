"""File names as text: what the OS gives may not be valid Unicode.

On POSIX a file name is bytes; Python hands the bytes that are not UTF-8 over as lone
surrogates (``os.fsdecode``), which cannot be encoded again, hashed as UTF-8 or written
to JSON. :func:`shown` writes such bytes as ``\\xNN`` so a document id, a ``source`` and an
error message can be built from any name; the file itself is still opened by its real
name.

>>> import os
>>> shown(os.fsdecode(b"report-\\xb9\\xfa.txt"))
'report-\\\\xb9\\\\xfa.txt'
>>> shown("国务院公报.txt")
'国务院公报.txt'
>>> special_kind(os.stat("/dev/null").st_mode)
'a character device'
"""

from __future__ import annotations

import os
import stat
from os import PathLike

#: What a path that is neither a regular file nor a folder is, for messages.
_SPECIAL = (
    (stat.S_ISFIFO, "a named pipe (FIFO)"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
)


def shown(path: str | PathLike[str]) -> str:
    """``path`` as valid Unicode text (bytes that are not UTF-8 written ``\\xNN``)."""
    s = os.fspath(path)
    if isinstance(s, bytes):
        return s.decode("utf-8", "backslashreplace")
    try:
        s.encode("utf-8")
    except UnicodeEncodeError:
        try:
            return s.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
        except UnicodeEncodeError:  # a surrogate no byte gave (built by a program)
            return s.encode("utf-8", "backslashreplace").decode("utf-8")
    return s


def special_kind(mode: int) -> str | None:
    """What a file of ``mode`` (``st_mode``) is when reading it could block or never end
    (a FIFO, a socket, a device), else None: such a file is reported, never opened."""
    return next((kind for test, kind in _SPECIAL if test(mode)), None)
