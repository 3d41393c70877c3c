"""What the NLP tests read off an extraction, shared by the test modules (one place)."""

from __future__ import annotations

from kg.model import Document
from kg.nlp import extract
from tests.nlp.spans import names_of


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


def triples(text: str):
    """``({(label, type)}, {(subject label, predicate, object label)})`` of ``text`` as
    one document (:func:`entities_and_relations` without the modality)."""
    ents, rels = entities_and_relations(text)
    return ents, {(s, p, o) for s, p, o, _ in rels}


def persons(text: str) -> list[str]:
    """The persons' spans of ``text``."""
    return names_of(text, "Person")


def places(text: str) -> list[str]:
    """The places' spans of ``text``: Country and Location (People's Daily's LOC)."""
    return names_of(text, "Country", "Location")


def programs(nlp, text: str) -> set[str]:
    """The texts of the Program mentions ``nlp`` (a :func:`kg.nlp.pipeline.make_nlp`
    pipeline, the test module's fixture) finds in ``text``."""
    return {m.text for m in nlp(text)._.kg.mentions if m.type == "Program"}


def event_keys(text: str) -> dict[str, str]:
    """Each Event mention's text → its key, ``text`` as one document."""
    r = extract(Document("t", text, {}))
    return {m.text: m.key for m in r.mentions if r.entities[m.key].type == "Event"}


def mention_types(text: str) -> dict[str, str]:
    """Each mention's text → its entity's type, ``text`` as one document."""
    r = extract(Document("t", text, {}))
    return {m.text: r.entities[m.key].type for m in r.mentions}


def mention_entities(text: str) -> set[tuple[str, str]]:
    """``{(mention text, its entity's type)}`` of ``text`` as one document."""
    r = extract(Document("t", text))
    return {(m.text, r.entities[m.key].type) for m in r.mentions if m.key in r.entities}


def part_of(text: str) -> set[tuple[str, str]]:
    """``{(part label, whole label)}``: the ``partOf`` relations of ``text``."""
    r = extract(Document("t", text))
    label = {k: e.label for k, e in r.entities.items()}
    return {(label[x.subj], label[x.obj]) for x in r.relations if x.pred == "partOf"}
