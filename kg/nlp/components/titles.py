"""``kg_titles``: 《…》 titles, typed by their head word (法 → Law, 规划 → Program…)."""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from kg.model import Mention
from kg.nlp.components.base import kgdoc, open_key
from kg.nlp.gazetteer import Gazetteer, load_gazetteer
from kg.nlp.text import norm_name

_TITLE = re.compile(r"《([^《》\n]{2,80})》")
# a trailing period in brackets: （2018—2020年）, （试行）, （2021年修订）
_TRAILER = re.compile(r"[（(][^（）()]{1,20}[）)]$")


def title_type(gaz: Gazetteer, inner: str) -> str | None:
    """The class of a title: the gazetteer's when known, else by its head word."""
    e = gaz.lookup(inner)
    if e is not None and e.type in ("Law", "Program"):
        return e.type
    core = _TRAILER.sub("", inner)
    ht = gaz.head_type(core)
    return ht[1] if ht and ht[1] in ("Law", "Program", "Event") else None


class Titles:
    """Each 《title》 becomes a Law or Program mention (quote marks excluded)."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gaz = gazetteer

    def __call__(self, doc: Doc) -> Doc:
        st = kgdoc(doc)
        text = st.text
        for m in _TITLE.finditer(st.norm):
            start, end = m.span(1)
            inner = text[start:end]
            e = self.gaz.lookup(inner)
            if e is None:
                core = _TRAILER.sub("", inner)
                e = self.gaz.lookup(core) if core != inner else None
            if e is not None and e.type in ("Law", "Program", "Event"):
                st.candidates.append(Mention(start, end, inner, e.type, e.id, e.name, "title"))
                continue
            type_ = title_type(self.gaz, inner)
            if type_ is None or norm_name(inner) in self.gaz.not_entities:
                continue
            st.candidates.append(
                Mention(start, end, inner, type_, open_key(type_, inner), norm_name(inner), "title")
            )
        return doc


@Language.factory("kg_titles", default_config={"gazetteer_dir": None})
def make_titles(nlp: Language, name: str, gazetteer_dir: str | None) -> Titles:
    return Titles(load_gazetteer(gazetteer_dir))
