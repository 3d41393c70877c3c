"""``kg_relations``: the relations a sentence states, each with its evidence.

The rules live in :mod:`kg.nlp.relations` (one module per family); this is the spaCy
component that runs them.

>>> from kg.nlp.pipeline import make_nlp
>>> doc = make_nlp()("国务院印发《国家标准化发展纲要》。")
>>> [(r.subj, r.pred, r.obj) for r in doc._.kg.relations]
[('gov/state-council', 'issued', 'program/国家标准化发展纲要')]
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from spacy.language import Language

from kg.nlp.relations.lexicon import load_lexicon, load_openers, load_posts

if TYPE_CHECKING:
    from kg.nlp.relations.extractor import Relations

__all__ = ["load_lexicon", "load_openers", "make_relations"]


@Language.factory("kg_relations", default_config={"gazetteer_dir": None})
def make_relations(nlp: Language, name: str, gazetteer_dir: str | None) -> Relations:
    # imported here: the families import kg.nlp.components.base, whose package imports us
    from kg.nlp.gazetteer import load_gazetteer
    from kg.nlp.relations.extractor import Relations

    d = Path(gazetteer_dir) if gazetteer_dir else None
    return Relations(load_lexicon(d), load_openers(d), load_posts(d), load_gazetteer(gazetteer_dir))
