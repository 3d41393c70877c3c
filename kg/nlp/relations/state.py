"""What the relation families share about one document: its units (outermost mentions),
the subjects seen so far, and the relations found (one per subject, predicate, object
and sentence, the most confident kept).

>>> from kg.nlp.components.base import KGDoc
>>> ds = DocState.new(KGDoc("国务院发布。", "国务院发布。"), [])
>>> ds.add("gov/a", "issued", "law/b", 0, 6, "issued:发布:subject", 0.8)
>>> ds.add("gov/a", "issued", "law/b", 0, 6, "issued:发布:topic", 0.7)
>>> [(r.subj, r.rule) for r in ds.rels.values()]
[('gov/a', 'issued:发布:subject')]
"""

from __future__ import annotations

from dataclasses import dataclass, field

from kg.model import Relation
from kg.nlp.components.base import KGDoc
from kg.nlp.relations.masking import AGENTS, Unit


@dataclass
class DocState:
    st: KGDoc
    units: list[Unit]
    ustarts: list[int]
    agent_units: list[Unit]
    sent_starts: list[int]
    events: list[tuple[int, tuple[str, ...], str]] | None = None  # (pos, keys, kind)
    ev_pos: list[int] | None = None
    doc_subject: tuple[str, ...] | None = None
    runs_at: dict[int, tuple[str, ...]] = field(default_factory=dict)
    last_pair: tuple[str, ...] | None = None
    rels: dict[tuple[str, str, str, int], Relation] = field(default_factory=dict)
    types: dict[str, str] = field(default_factory=dict)
    #: the government a work report speaks for (reporter.py), found with the events
    reporter: tuple[str, ...] | None = None
    #: where the news stories start (after each heading line; subject.story_actor)
    stories: list[int] | None = None
    #: start offsets of ``st.mentions`` (all mentions, nested ones too)
    mstarts: list[int] = field(default_factory=list)

    @classmethod
    def new(cls, st: KGDoc, units: list[Unit]) -> DocState:
        ds = cls(
            st,
            units,
            [u.start for u in units],
            [u for u in units if u.type in AGENTS],
            [s for s, _ in st.sents],
        )
        ds.types = {u.key: u.type for u in units}
        ds.mstarts = [m.start for m in st.mentions]
        return ds

    def add(
        self,
        subj: str,
        pred: str,
        obj: str,
        s: int,
        e: int,
        rule: str,
        conf: float,
        modality: str = "asserted",
        implicit: bool = False,
    ) -> None:
        """Record a relation stated by sentence ``[s, e)`` (a more confident one wins)."""
        if subj == obj:
            return
        k = (subj, pred, obj, s)
        old = self.rels.get(k)
        if old is not None and old.confidence >= conf:
            return
        self.rels[k] = Relation(
            subj, pred, obj, s, e, self.st.text[s:e], rule, conf, modality, implicit
        )
