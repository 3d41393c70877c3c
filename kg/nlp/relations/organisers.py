"""hosted from an organiser clause after the event: 某论坛在北京举行，由甲主办，乙、丙共同
承办 / 某节开幕，由甲、乙举办 → each organiser hosted the Event that opens the sentence.

The event must be the sentence's topic (the unit that opens its first clause), and the
organiser clause must be nothing but 由 + agents + (共同/联合) + the verb; a clause
without 由 (乙、丙共同承办) counts only right after one with it.

>>> from kg.model import Document
>>> from kg.nlp import extract
>>> res = extract(Document("t", "第二届全球智慧农业论坛在杭州举行，由农业农村部主办。"))
>>> [(r.subj, r.pred, r.rule) for r in res.relations]
[('gov/moa', 'hosted', 'hosted:主办:organiser')]
"""

from __future__ import annotations

import re

from kg.nlp.relations.grammar import Grammar
from kg.nlp.relations.lexicon import alt
from kg.nlp.relations.masking import AG, AGENTS, MASKED
from kg.nlp.relations.sentence import Sentence


class Organisers:
    """由甲主办 after the event (see the module docstring)."""

    def __init__(self, g: Grammar) -> None:
        self.g = g
        verbs = {w for w, rows in g.lex.triggers.items() if any(r.pred == "hosted" and
                 "nocause" in r.flags and "planned" not in r.flags for r in rows)}  # fmt: skip
        verbs -= {"举行"}  # 由甲举行 is rare; 举行 ends the event's own clause
        self._verbs = verbs
        # 由甲、某某学院和乙共同主办: a name no recogniser knows may stand in the list;
        # the named ones hosted (one at least, see ``__call__``)
        item = f"(?:{AG}|[^\\s，,；;。、和及与{MASKED}]{{2,16}}?)"
        self._clause = re.compile(
            f"\\s*(?P<by>由)?(?P<ag>{item}(?:(?:、|和|及|以及|与){item})*)"
            f"(?:等[^，,；;。]{{0,6}}?)?(?:共同|联合)?(?P<v>{alt(verbs)})$"
        )

    def __call__(self, sen: Sentence) -> None:
        ms, clauses = sen.ms, sen.clauses
        if len(clauses) < 2 or not any(v in ms for v in self._verbs):
            return
        kind, run, _ = sen.cls(0)
        if kind != "entity" or not run or run[0].type != "Event":
            return
        ev = run[0]
        prev_by = False
        for ci in range(1, len(clauses)):
            cs, ce = clauses[ci]
            m = self._clause.match(ms, cs, ce)
            if m is None or not (m.group("by") or prev_by):
                prev_by = False
                continue
            prev_by = True
            for a in sen.units_in(m.start("ag"), m.end("ag")):
                if sen.ds.types.get(a.key, a.type) in AGENTS:
                    sen.ds.add(
                        a.key, "hosted", ev.key, sen.s, sen.e,
                        f"hosted:{m.group('v')}:organiser", 0.8,
                    )  # fmt: skip
