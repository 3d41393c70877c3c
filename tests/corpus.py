"""The shared corpus beside the checkout (``../shared/corpus``) and texts tests take from it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"


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
