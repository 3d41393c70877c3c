"""The hand-checked samples in bench/ (bench/hand_sample.py): every record judged, the
precision the issues ask for, and what was judged correct still extracted by the code."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "bench"))

import hand_sample  # noqa: E402


def _rows(kind: str) -> list[dict]:
    text = hand_sample.OUT[kind].read_text(encoding="utf-8")
    return [json.loads(x) for x in text.splitlines() if x.strip()]


@pytest.mark.parametrize(("kind", "floor"), [("entities", 0.90), ("relations", 0.85)])
def test_samples_are_judged_and_precise(kind: str, floor: float) -> None:
    rows = _rows(kind)
    assert len(rows) == hand_sample.SIZE
    assert all(r["verdict"] in (True, False) and "note" in r for r in rows)
    assert sum(r["verdict"] for r in rows) / len(rows) >= floor


@pytest.mark.slow
def test_what_was_judged_correct_is_still_extracted() -> None:
    if not hand_sample.REPORTS.exists():
        pytest.skip("corpus not available")
    found = hand_sample.extract_all()
    for kind in hand_sample.OUT:
        got = {hand_sample.key(kind, r) for r in found[kind]}
        lost = [hand_sample.key(kind, r) for r in _rows(kind) if r["verdict"]
                and hand_sample.key(kind, r) not in got]  # fmt: skip
        assert not lost, (kind, lost[:5])
