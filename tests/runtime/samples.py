"""Input folders the runtime tests build from."""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

from kg.build import SAMPLE_DIR


def aged_sample(tmp_path: Path) -> Path:
    """A copy of the bundled sample whose files are a minute old, so that the manifest
    does not take them as "racily clean" (changed in the second it records)."""
    src = tmp_path / "in"
    shutil.copytree(SAMPLE_DIR, src)
    t = time.time() - 60
    for p in src.rglob("*"):
        os.utime(p, (t, t))
    return src
