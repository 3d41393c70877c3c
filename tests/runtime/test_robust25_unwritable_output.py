"""An output folder the user cannot write into is said (E080, naming it) before the build
extracts anything: before, a build with its cache elsewhere (or none) extracted every
document and failed only at the publish."""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from kg.build import SAMPLE_DIR

REPO = Path(__file__).resolve().parents[2]


@contextlib.contextmanager
def _unwritable(folder: Path) -> Iterator[None]:
    """``folder`` that this user cannot write into: no write right, or, for root, whom
    rights do not stop, the immutable attribute (``chattr +i``)."""
    if os.getuid() != 0:
        folder.chmod(0o555)
        try:
            yield
        finally:
            folder.chmod(0o755)
        return
    if shutil.which("chattr") is None or subprocess.run(["chattr", "+i", str(folder)],
                                                        capture_output=True).returncode:
        pytest.skip("root, and no immutable attribute on this file system")
    try:
        yield
    finally:
        subprocess.run(["chattr", "-i", str(folder)], check=True)


def test_an_output_folder_that_cannot_be_written_stops_the_build_before_it_extracts(
    tmp_path: Path,
) -> None:
    src, out, cache = tmp_path / "in", tmp_path / "out", tmp_path / "cache"
    shutil.copytree(SAMPLE_DIR, src)
    out.mkdir()
    with _unwritable(out):
        done = subprocess.run(
            [sys.executable, "-m", "kg.cli", "build", str(src), "--out", str(out),
             "--cache-dir", str(cache), "-f", "ttl", "-q", "--workers", "1"],
            env={**os.environ, "PYTHONPATH": str(REPO)}, capture_output=True, text=True,
            timeout=300,
        )  # fmt: skip
        assert done.returncode == 1, done.stderr
        assert f"error: [E080] {out}: cannot write the output: " in done.stderr, done.stderr
        assert list(out.iterdir()) == []
    assert not (cache / "results.pack").exists()  # nothing extracted (before: everything)
