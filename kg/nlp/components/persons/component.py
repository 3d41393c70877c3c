"""``kg_persons``: persons introduced by a post title, then found again in the document.

某某局总经济师邵景川在… gives the Person 邵景川, the post 总经济师 and, when a
body ends right before the post, the body. jieba's ``nr`` tag is not used: it tags 北斗
and 智慧 as names. A name is a known surname plus one or two characters, followed by a
cue (表示, 指出, 在, punctuation…).

Each rule family is a module of functions over the shared
:class:`~kg.nlp.components.persons.resources.PersonResources`; :class:`Persons` runs them
in order on a document and propagates every name found to its later mentions.
"""

from __future__ import annotations

from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from kg.model import Mention
from kg.nlp.components.base import ORGANISATION_TYPES, kgdoc
from kg.nlp.components.lac_names import LacNames, is_statute
from kg.nlp.components.persons import (
    bare_titles,
    doctrines,
    foreign,
    japanese,
    lac,
    lists,
    model_names,
    posts,
    roles,
    surname_posts,
    titles,
)
from kg.nlp.components.persons.common import Names, ends_name
from kg.nlp.components.persons.extents import finish_cut_names, unglue_time
from kg.nlp.components.persons.offices import drop_offices
from kg.nlp.components.persons.resources import PersonResources
from kg.nlp.gazetteer import ONTOLOGY_DIR, Gazetteer, load_gazetteer
from kg.nlp.nested_places import drop_cut_lac_places, drop_places_in_organisations

#: types of what a post belongs to (外交部部长, 俄罗斯总统, 联合国秘书长)
_OWNERS = ORGANISATION_TYPES | {"Country"}


class Persons:
    """Person mentions from post + name + cue, propagated to every later mention."""

    def __init__(self, gazetteer: Gazetteer, directory: Path) -> None:
        self.resources = PersonResources.load(gazetteer, directory)

    @property
    def gaz(self) -> Gazetteer:
        return self.resources.gaz

    @property
    def surnames(self) -> frozenset[str]:
        return self.resources.surnames

    @property
    def posts(self) -> frozenset[str]:
        return self.resources.posts

    @property
    def credits(self) -> frozenset[str]:
        return self.resources.credits

    @property
    def lac_names(self) -> LacNames:
        """Names the rules leave uncertain, settled by LAC on a window around each."""
        return self.resources.lac_names

    def __call__(self, doc: Doc) -> Doc:
        res = self.resources
        st = kgdoc(doc)
        norm = st.norm
        names: Names = {}
        drop_offices(res, st)
        # (the last component before the resolver: places that open an organisation's
        # name go here, once every organisation candidate is known)
        drop_places_in_organisations(st)
        drop_cut_lac_places(st)
        ends = {
            m.end: m
            for m in st.candidates
            if m.type in ORGANISATION_TYPES
        }
        owners = {m.end: m for m in st.candidates if m.type in _OWNERS}
        # no LAC step in a statute's text
        use_lac = not is_statute(norm)
        # posts with a surname after them but no cue after a name: LAC reads them
        uncued = posts.post_names(res, st, names, ends, owners, use_lac)
        # foreign names after posts, in statutes too (treaties name heads of state); the
        # ones the reader cannot read are LAC's (any name's shape), none in a statute
        unread = foreign.foreign_names(res, st, names, owners, ends)
        if not use_lac:
            unread = []
        # transliterated names before a foreign leader's title, no country before it
        bare_titles.names_before_titles(res, st, names, {c.start for c in st.candidates})
        persons = [c for c in st.candidates if c.type == "Person"]
        taken = {c.start for c in persons}
        # where a name ends already (王某某表示: the word before 表示 is read)
        done = {c.end for c in persons}
        untitled = titles.names_before_titles(res, st, names, taken, done, use_lac)
        # (the words before titles and cues that may be names: LAC reads them last)
        untitled += titles.words_as_names(res, st, names, taken, done, use_lac)
        lists.listed_names(res, st, names)
        lists.committee_lines(res, st, names, ends)
        titles.clause_subjects(res, st, names)
        # names no cue introduces, where no rule above found one (古某某某|某某表示 is
        # the strong cue's)
        foreign.dotted_names(res, st, names, taken)
        # surname-led words the name model scores near a name (numpy, few)
        # and the transliteration-like words LAC settles, in the same pass (none in a
        # statute's text: no LAC there)
        cands, foreign_cands = res.model.scan(
            st,
            res.lac_names.known_foreign() if use_lac else None,
            2.0,
            model_names.SHORT_NAME_MARGIN,
            model_names.SPLIT_NAME_MARGIN,
        )
        # names jieba cut before their last character: LAC's reading in context only
        cands, cut = model_names.cut_names(res, st, cands)
        model_names.model_names(res, st, names, taken, cands)
        doctrines.names_in_names(res, st, names, taken)
        windowed: set[str] = set()
        if use_lac:
            windowed = lac.lac_persons(res, st, names, taken, cands, foreign_cands)
        if use_lac and foreign_cands:
            uncued += lac.foreign_after_posts(res, st, foreign_cands)
        if uncued or unread:  # (where no rule above found a name: LAC's time is kept for these)
            lac.uncued_after_posts(res, st, names, uncued + unread, ends, owners, unread)
        if untitled:
            lac.uncued_before_titles(res, st, names, untitled)
        if use_lac:
            roles.role_names(res, st, names, lac.foreign_after(res, st, foreign_cands))
            # the name model's names that no rule read: LAC's reading in context
            lac.confirmed_names(res, st, names, cands + cut, windowed)
            japanese.japanese_names(res, st, names)
        finish_cut_names(res, st, names)
        unglue_time(st, names)
        lists.coordinated_names(res, st, names)
        _later_mentions(st, names)
        # (last: the persons of the document are all known now)
        surname_posts.surname_posts(res, st, names)
        return doc


def _later_mentions(st, names: Names) -> None:
    """Later mentions of the names found (许云涛表示…): a whole word, or the name then a
    cue jieba glued to it (周奕说)."""
    norm = st.norm
    found = {c.start for c in st.candidates if c.rule == "person"}
    for name, key in names.items():
        i = norm.find(name)
        while i >= 0:
            if i not in found and i in st.tok_starts and ends_name(st, i + len(name)):
                st.candidates.append(Mention(i, i + len(name), name, "Person", key, name, "person"))
            i = norm.find(name, i + len(name))


@Language.factory("kg_persons", default_config={"gazetteer_dir": None})
def make_persons(nlp: Language, name: str, gazetteer_dir: str | None) -> Persons:
    directory = Path(gazetteer_dir) if gazetteer_dir else ONTOLOGY_DIR
    return Persons(load_gazetteer(gazetteer_dir), directory)
