"""participatesIn from an occasion phrase that opens a sentence: 在…出席X之际, the trip
that frames a story (在赴某地出席X并访问某国之际，甲在某报撰文).

Who attends X: the person the phrase itself names before the verb (在某国主席甲赴某地出席X
之际，某台…启动Y: 甲, not the broadcaster), else the person or persons opening the next
clause that names someone (time words passed over). Only persons: a body opening the next
clause does something else on the occasion.

>>> from kg.model import Document
>>> from kg.nlp import extract
>>> text = "在赴曼谷出席2031年中泰农业合作论坛之际，国家主席苗立新在泰国媒体发表署名文章。"
>>> [(r.subj, r.pred, r.rule) for r in extract(Document("t", text)).relations
...  if r.pred == "participatesIn"]
[('person/苗立新', 'participatesIn', 'participatesIn:出席:occasion')]
"""

from __future__ import annotations

import re

from kg.nlp.relations.grammar import Grammar
from kg.nlp.relations.masking import END, SEP
from kg.nlp.relations.sentence import Sentence

_EV = "\ue017\ue01f*"
#: 在 + (who, where: no clause break) + 出席/参加 + events + (并 + the rest of the trip) + 之际
_OCCASION = re.compile(
    f"在(?P<head>[^{SEP}{END}]{{0,30}}?)(?:出席|参加)(?P<ev>{_EV}(?:(?:、|和|及){_EV})*)"
    f"(?:并[^{SEP}{END}]{{1,30}}?)?之际"
)


class Occasion:
    """在…出席X之际 (see the module docstring)."""

    def __init__(self, g: Grammar) -> None:
        self.g = g

    def __call__(self, sen: Sentence) -> None:
        ms = sen.ms
        if "之际" not in ms:
            return
        for ci, (cs, ce) in enumerate(sen.clauses):
            p = self.g.prefix.match(ms, cs, ce).end()
            m = _OCCASION.fullmatch(ms, p, ce)
            if m is None:
                continue
            who = [u for u in sen.units_in(m.start("head"), m.end("head")) if u.type == "Person"]
            if not who:
                who = self._next_persons(sen, ci)
            evs = [u for u in sen.units_in(m.start("ev"), m.end("ev")) if u.type == "Event"]
            for a in who:
                for ev in evs:
                    rule = "participatesIn:出席:occasion"
                    sen.ds.add(a.key, "participatesIn", ev.key, sen.s, sen.e, rule, 0.75)
            return

    @staticmethod
    def _next_persons(sen: Sentence, ci: int) -> list:
        """The persons opening the first later clause that opens with someone."""
        for cj in range(ci + 1, len(sen.clauses)):
            kind, run, _ = sen.cls(cj)
            if kind == "empty":
                continue  # 当地时间某月某日，
            if kind in ("agent", "speaker") and run and all(u.type == "Person" for u in run):
                return run
            return []
        return []
