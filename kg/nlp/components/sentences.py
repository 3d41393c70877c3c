"""``kg_sentences``: sentence boundaries on Chinese punctuation and line breaks."""

from __future__ import annotations

import numpy as np
from spacy.language import Language
from spacy.tokens import Doc

from kg.nlp.components.base import kgdoc
from kg.nlp.text import split_sentences


class Sentences:
    """Split after 。！？ and at line breaks; sets ``doc.sents`` and ``doc._.kg.sents``.

    ``set_sent_starts`` can be turned off when only ``doc._.kg.sents`` is needed.
    """

    def __init__(self, set_sent_starts: bool = True) -> None:
        self.set_sent_starts = set_sent_starts

    def __call__(self, doc: Doc) -> Doc:
        st = kgdoc(doc)
        st.sents = split_sentences(st.text)
        if self.set_sent_starts and len(doc):
            idx = doc.to_array(["IDX"]).astype(np.int64)
            starts = np.fromiter((s for s, _ in st.sents), dtype=np.int64, count=len(st.sents))
            flags = np.where(np.isin(idx, starts), 1, -1).astype(np.int64)
            flags[0] = 1
            doc.from_array(["SENT_START"], flags.reshape(-1, 1).astype("uint64"))
        return doc


@Language.factory("kg_sentences", default_config={"set_sent_starts": True})
def make_sentences(nlp: Language, name: str, set_sent_starts: bool) -> Sentences:
    return Sentences(set_sent_starts)
