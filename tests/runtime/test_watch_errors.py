"""``kg build --watch`` sees an input go from one error to another (a named pipe
replaced by a loop of symbolic links): the signature of the inputs changes, so it
rebuilds and its report names the new error (before, errors were left out of the
signature: the report kept naming the pipe)."""

from __future__ import annotations

import os
from pathlib import Path

from kg.runtime.watch import relook, scan_inputs


def test_one_error_becoming_another_is_a_change(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("国务院印发通知。", encoding="utf-8")
    bad = tmp_path / "b.txt"
    os.mkfifo(bad)
    as_pipe = scan_inputs([tmp_path])[0]
    bad.unlink()
    bad.symlink_to(bad.name)  # a loop
    as_loop = scan_inputs([tmp_path])[0]
    assert as_pipe != as_loop
    (tmp_path / "c.png").write_bytes(b"\x89PNG")  # a skipped file is no change
    assert scan_inputs([tmp_path])[0] == as_loop


def test_a_touched_error_entry_is_looked_at_whole(tmp_path: Path) -> None:
    """A pipe among the inputs touched (chmod, a write: the kernel names it) is no
    change: relook leaves it to a full look, which finds the same error entry (it used to
    swap the entry for the pipe's size and mtime: two needless rebuilds)."""
    (tmp_path / "a.txt").write_text("国务院印发通知。", encoding="utf-8")
    bad = tmp_path / "b.txt"
    os.mkfifo(bad)
    seen = scan_inputs([tmp_path])[0]
    os.chmod(bad, 0o600)
    assert relook(seen, {bad}) is None
    assert scan_inputs([tmp_path])[0] == seen
    assert relook(seen, {tmp_path / "a.txt"}) == seen  # a readable input: looked at alone
