"""Review of round 10 (S2, S3): one reading of a news story's lead (stories.story_lead)
for 两国/双方 and 他/她, one clause-start helper (clauses.clause_start); 两国/双方 are
read from the cheapest test on, so a long text with thousands of them costs little.
Invented sentences only."""

from __future__ import annotations

import time

from kg.nlp.components.base import KGDoc
from kg.nlp.relations.clauses import clause_start
from kg.nlp.relations.coop import Cooperation
from kg.nlp.relations.grammar import Grammar
from kg.nlp.relations.lexicon import load_lexicon
from kg.nlp.relations.state import DocState
from tests.nlp.extraction import triples


def test_clause_start_is_bounded_below():
    assert clause_start("甲，乙丙", 4, lo=3) == 3
    assert clause_start("甲，乙丙", 4) == 2


def test_two_sides_after_a_story_lead_cooperate():
    text = "泰国总理访问老挝\n泰国总理甲乙丙5日抵达万象。\n会谈结束时，双方签订两项合作协议。"
    pairs = {frozenset((s, o)) for s, p, o in triples(text)[1] if p == "cooperatesWith"}
    assert frozenset(("泰国", "老挝")) in pairs


def _sentences(text: str) -> list[tuple[int, int]]:
    out, s = [], 0
    for i, c in enumerate(text):
        if c in "。\n":
            out.append((s, i + 1))
            s = i + 1
    return out


def test_many_two_sides_cost_little():
    # a contract-like text: 40,000 双方 opening clauses (quadratic before: ~2 s; now ~0.15)
    text = "合同\n" + "合同双方应当履行义务，双方签署合作协议。" * 20000
    ds = DocState.new(KGDoc(text, text, _sentences(text)), [])
    coop = Cooperation(Grammar(load_lexicon()))
    t0 = time.process_time()
    coop.story_pair(ds)
    assert time.process_time() - t0 < 0.8
