"""``kg_patterns``' boundary words, scanned as a trie, cut where the plain alternation of
the words (longest first) cut: on windows of laws of ``../shared/corpus`` that end before
a head as ``LeftEdge.cuts`` reads them (``pos``/``endpos``), and in ``fullmatch``."""

from __future__ import annotations

import random
import re

import pytest

from tests.corpus import CORPUS


def _patterns():
    from kg.nlp.pipeline import get_nlp

    return get_nlp(lean=True).get_pipe("kg_patterns")


def test_boundary_scan_as_plain_alternation_on_laws() -> None:
    laws = CORPUS / "laws"
    if not laws.exists():
        pytest.skip(f"{laws} not present (the shared corpus sits beside the checkout)")
    patterns = _patterns()
    plain = re.compile("|".join(re.escape(b) for b in patterns.boundaries))
    rng = random.Random(11)
    found = 0
    for p in rng.sample(sorted(laws.rglob("*.md")), 8):
        text = p.read_text(encoding="utf-8")[:30_000]
        for _ in range(300):
            hs = rng.randrange(1, len(text) + 1)
            i = max(0, hs - rng.randrange(1, 25))
            got = [(m.span(), m.group()) for m in patterns.boundary_re.finditer(text, i, hs)]
            assert got == [(m.span(), m.group()) for m in plain.finditer(text, i, hs)]
            found += len(got)
    assert found > 100


def test_fullmatch_is_membership() -> None:
    patterns = _patterns()
    words = patterns.boundaries
    longer = max(words, key=len)
    for w in [*words[:50], longer, longer[:-1], longer + "的", "不是边界词的字符串"]:
        assert bool(patterns.boundary_re.fullmatch(w)) == (w in set(words))
