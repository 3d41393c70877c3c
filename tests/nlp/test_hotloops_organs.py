"""The organ finders' hot loops read precomputed values and skip matches early: they find
what the plain loops found. ``NominalFinder.find`` against a brute-force leftmost-longest
search over its words on laws of ``../shared/corpus``; the values of ``OrganFinder``'s
automaton against the lexicons they were read from."""

from __future__ import annotations

import random

import pytest

from kg.model import Mention
from kg.nlp.organs.places import DISTRICT_ORGANS
from tests.corpus import CORPUS


def _patterns():
    from kg.nlp.pipeline import get_nlp

    return get_nlp(lean=True), get_nlp(lean=True).get_pipe("kg_patterns")


def _nominals_by_brute_force(words: frozenset[str], st) -> list[Mention]:
    """Whole-word forms of ``words`` not followed by 长, leftmost-longest."""
    norm, n = st.norm, len(st.norm)
    lengths = sorted({len(w) for w in words}, reverse=True)
    out, last = [], -1
    for s in range(n):
        if s < last or s not in st.tok_starts:
            continue
        for k in lengths:
            e = s + k
            if (
                e <= n
                and norm[s:e] in words
                and e in st.tok_ends
                and not (e < n and norm[e] == "长")
            ):
                out.append(Mention(s, e, st.text[s:e], "GovernmentBody", "", norm[s:e], "nominal"))
                last = e
                break
    return out


def test_nominals_as_brute_force_on_laws() -> None:
    laws = CORPUS / "laws"
    if not laws.exists():
        pytest.skip(f"{laws} not present (the shared corpus sits beside the checkout)")
    nlp, patterns = _patterns()
    files = random.Random(5).sample(sorted(laws.rglob("*.md")), 6)
    found = 0
    for p in files:
        text = p.read_text(encoding="utf-8")[:20_000]
        st = nlp(text)._.kg
        got = patterns.nominals.find(st)
        assert got == _nominals_by_brute_force(patterns.nominals.words, st)
        found += len(got)
    assert found > 20


def test_nominals_of_made_up_sentences() -> None:
    nlp, patterns = _patterns()
    st = nlp("当地政府和市检察院依法处理，检察长到场。")._.kg
    found = patterns.nominals.find(st)
    assert found == _nominals_by_brute_force(patterns.nominals.words, st)
    got = [m.text for m in found]
    assert "当地政府" in got
    assert not any(t.startswith("检察") for t in got)  # 检察长: a post


def test_organ_automaton_values_match_the_lexicons() -> None:
    _, patterns = _patterns()
    organs = patterns.organs
    words = set(organs.local) | set(organs.foreign)
    assert set(organs._ac.keys()) == words
    for w in words:
        word, k, office, canon, court, district, fcanon = organs._ac.get(w)
        assert (word, k, canon, fcanon) == (w, len(w), organs.local.get(w), organs.foreign.get(w))
        assert office == (w[-1] in "局部厅署院委办")
        assert court == (canon is not None and canon.endswith(("法院", "检察院")))
        assert district == (canon in DISTRICT_ORGANS)


def test_posts_and_bodies() -> None:
    nlp, _ = _patterns()
    doc = nlp("美国国防部长访问日本。山西省长子县公安局发布通告。")
    organs = [m.text for m in doc._.kg.mentions if m.type in ("GovernmentBody", "Ministry")]
    assert "美国国防部" not in organs  # a post (国防部长), not the body
    assert "山西省长子县公安局" in organs
