"""The shared corpus beside the checkout (``../shared/corpus``) and texts tests take from it."""

from __future__ import annotations

import json
import os
import shutil
import time
from pathlib import Path

import pytest

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"


def law_texts(n: int, seed: int) -> list[str]:
    """The texts of ``n`` law files of the corpus drawn with ``seed`` (skips the test when
    the shared corpus is not beside the checkout)."""
    import random

    laws = CORPUS / "laws"
    if not laws.exists():
        pytest.skip(f"{laws} not present (the shared corpus sits beside the checkout)")
    files = random.Random(seed).sample(sorted(laws.rglob("*.md")), n)
    return [p.read_text(encoding="utf-8") for p in files]


def report_1954() -> str:
    """The 1954 government work report: traditional characters (skips without the corpus)."""
    path = CORPUS / "reports" / "government_work_reports.jsonl"
    if not path.exists():
        pytest.skip(f"{path} not present (the shared corpus sits beside the checkout)")
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            r = json.loads(line)
            if str(r["year"]) == "1954" and "我們" in r["content"]:
                return r["content"]
    pytest.fail("the 1954 work report is missing from the corpus")


def law_sample(dst: Path, step: int) -> list[Path]:
    """Every ``step``-th law file of the corpus copied under ``dst`` (skips without the
    corpus), its mtime a minute back so that the manifest does not find it "racily clean"."""
    laws = CORPUS / "laws"
    if not laws.is_dir():
        pytest.skip(f"no corpus at {laws}")
    out = []
    for p in sorted(p for p in laws.rglob("*.md") if not p.name.startswith("_"))[::step]:
        q = dst / p.relative_to(laws)
        q.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(p, q)
        t = time.time() - 60
        os.utime(q, (t, t))
        out.append(q)
    return out
