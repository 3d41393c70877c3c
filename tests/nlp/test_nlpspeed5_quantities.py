"""kg_quantities finds the starts of digit runs from a table of the digits: the same
starts as ``re.finditer(r"\\d+")`` on laws of ``../shared/corpus`` and on made-up texts
with digits of other scripts and characters beyond the Basic Multilingual Plane."""

from __future__ import annotations

import random
import re

import pytest

from kg.nlp.components import quantities
from kg.nlp.text import norm_text
from tests.corpus import CORPUS

_RUNS = re.compile(r"\d+")


def _expected(text: str) -> list[int]:
    return [m.start() for m in _RUNS.finditer(text)]


def test_digit_runs_of_laws() -> None:
    laws = CORPUS / "laws"
    if not laws.exists():
        pytest.skip(f"{laws} not present (the shared corpus sits beside the checkout)")
    files = random.Random(13).sample(sorted(laws.rglob("*.md")), 20)
    runs = 0
    for p in files:
        norm = norm_text(p.read_text(encoding="utf-8"))
        assert quantities.digit_runs(norm) == _expected(norm)
        runs += len(_expected(norm))
    assert runs > 50


def test_digit_runs_of_made_up_texts() -> None:
    rng = random.Random(5)
    alphabet = "0123456789٠٣۵०९〇一二条款年.%, 𝟘𝟙𠀀"  # 〇 is no digit; 𝟘 is one, beyond the BMP
    for _ in range(500):
        text = "".join(rng.choices(alphabet, k=rng.randint(0, 30)))
        assert quantities.digit_runs(text) == _expected(text), text
