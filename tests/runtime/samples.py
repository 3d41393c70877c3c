"""Input folders the runtime tests build from."""

from __future__ import annotations

import filecmp
import os
import shutil
import time
from pathlib import Path

from kg.build import SAMPLE_DIR

#: an invented short regulation added to a law sample (bodies, a law)
ADDED_REGULATION = ("# 某市河道保护办法\n\n"
                    "第一条　为加强河道保护，根据《中华人民共和国水法》，制定本办法。\n\n"
                    "第二条　市水务局会同市生态环境局组织实施，市人民政府负责解释。\n")  # fmt: skip
#: an article appended to a law: a body and a law named at its end
APPENDED_ARTICLE = "\n\n第九十九条　国务院水行政主管部门依照《中华人民共和国水法》负责监督。\n"


def aged_sample(tmp_path: Path) -> Path:
    """A copy of the bundled sample whose files are a minute old, so that the manifest
    does not take them as "racily clean" (changed in the second it records)."""
    src = tmp_path / "in"
    shutil.copytree(SAMPLE_DIR, src)
    t = time.time() - 60
    for p in src.rglob("*"):
        os.utime(p, (t, t))
    return src


def assert_same_outputs(a: Path, b: Path) -> None:
    """The two output folders hold the same files (the graph and the view among them),
    byte for byte."""
    names = sorted(p.name for p in a.iterdir() if p.is_file())
    assert names == sorted(p.name for p in b.iterdir() if p.is_file())
    assert "graph.ttl" in names and "graph.html" in names
    for name in names:
        assert filecmp.cmp(a / name, b / name, shallow=False), name
