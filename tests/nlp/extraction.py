"""What the NLP tests read off an extraction, shared by the test modules (one place)."""

from __future__ import annotations

from kg.model import Document
from kg.nlp import extract


def entities_and_relations(text: str):
    """``({(label, type)}, {(subject label, predicate, object label, modality)})`` of
    ``text`` as one document."""
    res = extract(Document("t", text))
    names = {k: e.label for k, e in res.entities.items()}
    ents = {(e.label, e.type) for e in res.entities.values()}
    rels = {(names.get(r.subj, r.subj), r.pred, names.get(r.obj, r.obj), r.modality)
            for r in res.relations}  # fmt: skip
    return ents, rels


def event_names(text: str) -> set[str]:
    """The labels of the events of ``text``."""
    return {label for label, t in entities_and_relations(text)[0] if t == "Event"}
