"""``kg_persons``: persons introduced by a post title, then found again in the document.

工业和信息化部总经济师许科敏在… gives the Person 许科敏, the post 总经济师 and, when a
body ends right before the post, the body. jieba's ``nr`` tag is not used: it tags 北斗
and 智慧 as names. A name is a known surname plus one or two characters, followed by a
cue (表示, 指出, 在, punctuation…).
"""

from __future__ import annotations

import re
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from kg.model import Mention
from kg.nlp.components.base import PostMention, kgdoc, open_key
from kg.nlp.gazetteer import ONTOLOGY_DIR, Gazetteer, _read_lines, load_gazetteer

_DEFAULT_POSTS = ("部长", "总经济师", "总理", "主任", "局长", "主席", "记者", "责任编辑")


class Persons:
    """Person mentions from post + name + cue, propagated to every later mention."""

    def __init__(self, gazetteer: Gazetteer, directory: Path) -> None:
        self.gaz = gazetteer
        posts = gazetteer.posts or list(_DEFAULT_POSTS)
        surnames = _read_lines(directory / "lexicon" / "surnames.txt")
        cues = _read_lines(directory / "lexicon" / "person_cues.txt")
        compound = [s for s in surnames if len(s) == 2]
        single = "".join(s for s in surnames if len(s) == 1)
        post_alt = "|".join(re.escape(p) for p in sorted(set(posts), key=len, reverse=True))
        cue_alt = "|".join(re.escape(c) for c in sorted(set(cues), key=len, reverse=True)) or "表示"
        sur = "(?:" + "|".join(compound) + f"|[{single}])" if compound else f"[{single}]"
        # post, optional ：/space, name = surname + 1–2 chars, then a cue
        self._re = re.compile(
            f"({post_alt})[：:\\s]?({sur}[\u4e00-\u9fff]{{1,2}}?)(?=$|\\s|{cue_alt})"
        )

    def __call__(self, doc: Doc) -> Doc:
        st = kgdoc(doc)
        text, norm = st.text, st.norm
        names: dict[str, str] = {}
        orgs = sorted(
            (m for m in st.candidates if m.type in ("GovernmentBody", "Ministry", "Organization")),
            key=lambda m: m.end,
        )
        ends = {m.end: m for m in orgs}
        for m in self._re.finditer(norm):
            ps, pe = m.span(1)
            ns, ne = m.span(2)
            name = text[ns:ne]
            if self.gaz.lookup(name) is not None or name in self.gaz.not_entities:
                continue
            key = open_key("Person", name)
            names[name] = key
            person = Mention(ns, ne, name, "Person", key, name, "person")
            st.candidates.append(person)
            org = ends.get(ps)
            st.posts.append(PostMention(person, text[ps:pe], org, st.sent_of(ns)))
        # later mentions of the same name (许科敏表示…)
        for name, key in names.items():
            i = norm.find(name)
            while i >= 0:
                if not any(c.start == i and c.rule == "person" for c in st.candidates):
                    st.candidates.append(Mention(i, i + len(name), name, "Person", key, name, "person"))
                i = norm.find(name, i + len(name))
        return doc


@Language.factory("kg_persons", default_config={"gazetteer_dir": None})
def make_persons(nlp: Language, name: str, gazetteer_dir: str | None) -> Persons:
    directory = Path(gazetteer_dir) if gazetteer_dir else ONTOLOGY_DIR
    return Persons(load_gazetteer(gazetteer_dir), directory)
