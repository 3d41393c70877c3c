"""``kg_gazetteer``: every gazetteer name in the text (Aho-Corasick, leftmost-longest)."""

from __future__ import annotations

import ahocorasick
from spacy.language import Language
from spacy.tokens import Doc

from kg.model import Mention
from kg.nlp.components.base import kgdoc
from kg.nlp.gazetteer import Gazetteer, load_gazetteer


def _ascii_alnum(ch: str) -> bool:
    return ch.isascii() and ch.isalnum()


class GazetteerMatcher:
    """Candidates for known entities; short names must be whole jieba tokens."""

    def __init__(self, gazetteer: Gazetteer, min_free_len: int = 3) -> None:
        self.gaz = gazetteer
        self.min_free_len = min_free_len

    def __call__(self, doc: Doc) -> Doc:
        st = kgdoc(doc)
        text, norm = st.text, st.norm
        n = len(text)
        entries = self.gaz.entries
        automaton = self.gaz.automaton
        if automaton.kind != ahocorasick.AHOCORASICK:
            return doc
        for end_idx, (name, key) in automaton.iter_long(norm):
            end = end_idx + 1
            start = end - len(name)
            if name.isascii():
                # acronyms: not inside a longer ASCII word (UN in UNESCO)
                if (start > 0 and _ascii_alnum(norm[start - 1])) or (end < n and _ascii_alnum(norm[end])):
                    continue
            elif len(name) < self.min_free_len and not st.aligned(start, end):
                continue
            e = entries[key]
            st.candidates.append(Mention(start, end, text[start:end], e.type, e.id, e.name, "gazetteer"))
        return doc


@Language.factory("kg_gazetteer", default_config={"gazetteer_dir": None, "min_free_len": 3})
def make_gazetteer_matcher(nlp: Language, name: str, gazetteer_dir: str | None, min_free_len: int) -> GazetteerMatcher:
    return GazetteerMatcher(load_gazetteer(gazetteer_dir), min_free_len)
