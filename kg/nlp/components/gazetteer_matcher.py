"""``kg_gazetteer``: every gazetteer name in the text (Aho-Corasick, leftmost-longest).

Matching runs on the text without quote marks, so “十四五”海洋装备发展规划 and “五横五纵”倡议
find the names 十四五海洋装备发展规划 and 五横五纵倡议; the mention's offsets are those of
the original text (an opening quote is included when the closing one is inside the span).
Strings listed as blockers (财政部门, 沿海地区) are matched like names and dropped, so the
name inside them (财政部, 海地) is not found; a body's name right before 长 is a post title.
A county's short form (信丰) counts only after its prefecture or province (赣州信丰) or in
a document about one of them.

The automaton sees only the parts of the text that may hold a name
(:class:`kg.nlp.gazetteer.NameWindows`): about a seventh of it.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

import ahocorasick
import numpy as np
from spacy.language import Language
from spacy.tokens import Doc

from kg.model import Mention
from kg.nlp.abbreviations import CountryAbbreviations
from kg.nlp.components.base import kgdoc
from kg.nlp.components.name_model import chinese_name_test
from kg.nlp.facilities import find_facilities
from kg.nlp.gazetteer import (
    COUNTY,
    FOREIGN_CITY,
    ONTOLOGY_DIR,
    UNSEGMENTED,
    Gazetteer,
    NameWindows,
    load_gazetteer,
)
from kg.nlp.localities import (
    RARE,
    ForeignDivisions,
    find_localities,
    find_old_divisions,
)
from kg.nlp.place_lists import between_places, sibling_in_list
from kg.nlp.place_units import dev_zones, find_listed_places, find_unit_places
from kg.nlp.text import jieba_tags, strip_quotes

# a body's name followed by 长 is a post title (外交部长, 国防部长, 公安局长)
_POST_STEM = frozenset("部局厅署")
_OUTER_TYPES = frozenset({"Law", "Program", "Event"})
_COMPOUND_OPENERS = frozenset({"Country", "Location"})
# jieba tags of a one-character word that is part of a name (乌 nr)
_NAME_CHAR_TAGS = frozenset({"nr", "nrt", "nrfg", "nz"})
_PARENT_WINDOW = 30
_OPEN_QUOTES = frozenset("“‘「『")
# a direction that names one of China's regions without its 地区 (西北 for 西北地区)
# after a verb or preposition of place, or beside another place in a list (西北、华北)
_DIRECTIONS = frozenset("东南西北")
_COUNTY_UNITS = frozenset("县")
# after a country's or a city's name, the unit of a currency named after it or a time zone
# (丹麦克朗, 瑞士法郎, 北京时间): the name is no mention of the place
# the units of a division after a city's name: another place (the county, the krai),
# which the foreign divisions' rule names whole; 某城|市 is the city
_DIVISION_AFTER = ("县", "州", "省", "邦", "郡", "区", "边疆区")
_NOT_PLACE_AFTER = (
    "克朗", "法郎", "卢布", "比索", "卢比", "里拉", "第纳尔", "兰特", "先令", "福林",
    "时间",
)
# jieba tags of function words and verbs: 和|县 of 省和县两级, 旅游兴县 are no county
_FUNCTION_TAGS = frozenset("pcudrv")
_TO_PLACE = frozenset("在来抵进赴离返留驻回往到去")
_LIST_GLUE = frozenset("、和与及")
# …after which it is a direction: 西北方向, 西北部, 西北角, 西北风
_DIRECTION_NEXT = frozenset("方部角侧风面向边端")
_CLOSE_QUOTES = frozenset("”’」』")
# a goal, not a programme: 建设海洋强国 names the country to be built; the programme is its
# building (推进教育强国建设, judged right in bench/hand_sample), strategy or plan (人才强国
# 战略, 教育强国建设规划纲要), longer names the automaton prefers. A quoted name stays
# (“学习强国”, an app).
_GOAL_ENDS = ("强国",)
# jieba's tags of common words (adjectives, verbs, adverbs)
_WORD_TAGS = frozenset("avd")
# the central committee of a party or people's organisation: its short name + 中央
_COMMITTEE = "中央"


def _balance_quotes(norm: str, start: int, end: int) -> tuple[int, int]:
    """Widen a span by a quote mark on either side so that its quotes pair up:
    十四五”海洋装备发展规划 → “十四五”海洋装备发展规划, 共建“五横五纵 → 共建“五横五纵”."""
    inner = norm[start:end]
    opens = sum(inner.count(q) for q in "“‘「『")
    closes = sum(inner.count(q) for q in "”’」』")
    if closes > opens and start > 0 and norm[start - 1] in _OPEN_QUOTES:
        start -= 1
    elif opens > closes and end < len(norm) and norm[end] in _CLOSE_QUOTES:
        end += 1
    return start, end


def _nationality(st, start: int, end: int) -> bool:
    """A country's name and 人 as one word (某国人): the people of that country name it."""
    return start in st.tok_starts and end + 1 in st.tok_ends and st.norm[end : end + 1] == "人"


def _central_committee(st, start: int, end: int) -> bool:
    """A short name opening the jieba word name + 中央 (民盟|中央, 民革|中央主席): the
    central committee of a party or people's organisation, named by the organisation's
    short form, mentions the organisation."""
    return (
        start in st.tok_starts
        and end + len(_COMMITTEE) in st.tok_ends
        and st.norm.startswith(_COMMITTEE, end)
    )


def _names_of(e) -> set[str]:
    """An entry's names, normalised."""
    from kg.nlp.text import norm_name

    return {norm_name(n) for n in (e.name, *e.aliases)}


def _ascii_alnum(ch: str) -> bool:
    return ch.isascii() and ch.isalnum()


class GazetteerMatcher:
    """Candidates for known entities; short names must be whole jieba tokens."""

    def __init__(
        self, gazetteer: Gazetteer, min_free_len: int = 3, directory: Path = ONTOLOGY_DIR
    ) -> None:
        self.gaz = gazetteer
        self.min_free_len = min_free_len
        self.country_abbr = CountryAbbreviations(gazetteer, directory)
        #: the name model's folder: persons' names are no items of a list of places (甲某、
        #: 乙某等地区负责人); the test is looked up when used (a closure does not pickle)
        self.names_dir = directory
        self.foreign_divisions = ForeignDivisions(gazetteer, self.country_abbr.fixed())
        #: 西北 → place/northwest-china: regions named by a direction and 地区
        self.bare_regions = {
            e.name[:2]: e.id
            for e in gazetteer.entries.values()
            if e.type == "Location"
            and len(e.name) == 4
            and e.name.endswith("地区")
            and set(e.name[:2]) <= _DIRECTIONS
        }
        #: a city's key → its development zones' entries (长春 → 长春经济技术开发区): 某市|
        #: 经开区 is the city's one zone (``place_units``)
        self.dev_zones = dev_zones(gazetteer)
        self._windows: tuple[ahocorasick.Automaton, NameWindows] | None = None

    def _name_windows(self, automaton: ahocorasick.Automaton) -> NameWindows:
        w = getattr(self, "_windows", None)
        if w is None or w[0] is not automaton:
            w = self._windows = (automaton, NameWindows(automaton.keys(), strip_quotes=True))
        return w[1]

    def _opens_compound(self, st, start: int, end: int) -> bool:
        """A country's or place's name opening a jieba word whose rest is a word of two or
        more characters (中国|网民 in the token 中国网民, 长江|上游): it is mentioned."""
        if start not in st.tok_starts:
            return False
        j = end + 1
        while j < len(st.norm) and j not in st.tok_ends:
            j += 1
        rest = st.norm[end:j]
        if len(rest) < 2 or rest not in self._freq():
            return False
        # an idiom or set phrase is no mention (长治|久安), unless its rest is a common
        # noun or a locative (长江|上游 is a set phrase too)
        tags = jieba_tags()
        if tags.get(st.norm[start:j], "")[:1] in ("i", "l"):
            return tags.get(rest, "") in ("n", "f", "s")
        return True

    def _named_parents(self, st, counties: list[Mention]) -> None:
        """Keep the short forms of counties (信丰) whose prefecture or province is
        named right before them (赣州信丰, within ``_PARENT_WINDOW`` characters) or is
        what the document is about (named three times or more): a two-character county
        name is often a word or a given name elsewhere (张新林, 清水河畔, 红旗飘扬)."""
        entries = self.gaz.entries
        ends: dict[str, list[int]] = {}
        for c in st.candidates:
            if c.type == "Location":
                ends.setdefault(c.key, []).append(c.end)
        # a county the document names in full (某某县) or places once (after a parent, in
        # a list) is that county elsewhere in it too, where its short form is a rare word
        placed: set[str] = {m.key for m in counties if m.key in ends}
        kept: list[Mention] = []
        for m in counties:
            parent = entries[m.key].part_of
            for _ in range(3):
                if parent is None:
                    break
                at = ends.get(parent, ())
                if len(at) >= 3 or any(m.start - _PARENT_WINDOW <= e <= m.start for e in at):
                    kept.append(m)
                    break
                parent = entries[parent].part_of if parent in entries else None
            if (not kept or kept[-1] is not m) and (
                sibling_in_list(st, m, entries) or between_places(st, m, entries)
            ):
                kept.append(m)
        placed.update(m.key for m in kept)
        freq = self._freq()
        st.candidates.extend(kept)
        st.candidates.extend(
            m
            for m in counties
            if m.key in placed
            and m not in kept
            and freq.get(st.norm[m.start : m.end], 0) <= RARE
        )

    def _runs_on(self, st, start: int, end: int) -> bool:
        """A foreign subdivision's name without its unit, or a CLDR city's name, inside a
        longer transliteration:
        a transliteration character (:class:`ForeignDivisions`) right after it, or right
        before it where no name ends (某某|梅德韦|杰夫 a person, 古利亚|伊波列 a town; not
        伊朗|伊斯法罕; a name that ends in its unit is closed by it: 某某州|扬…)."""
        chars, norm = self.foreign_divisions.chars, st.norm
        if norm[end - 1] in ForeignDivisions.UNITS:
            return False  # the unit closes the name (某某州|扬…, 21日|某某省)
        if end < len(norm) and norm[end] in chars and norm[end] not in ForeignDivisions.UNITS:
            return True
        return (
            start > 0
            and norm[start - 1] in chars
            and not any(c.end == start for c in st.candidates)
        )

    @staticmethod
    def _ends_name(st, start: int) -> bool:
        """The word before is one character of a name (乌|东德 of the dam 乌东德): a
        two-character country or place name there ends a longer name."""
        if start < 1 or start - 1 not in st.tok_starts:
            return False
        return jieba_tags().get(st.norm[start - 1], "") in _NAME_CHAR_TAGS

    @staticmethod
    def _word_forms(st, forms: list[Mention]) -> None:
        """Keep the organisations' short forms that are common words too (``forms``) where
        the text names the organisation otherwise, or lists them beside another
        organisation (某盟、|民进), another such form included (民建、民进): a list of names."""
        named = {c.key for c in st.candidates}
        orgs = [c for c in st.candidates if c.type == "Organization"] + forms
        ends = {c.end for c in orgs}
        starts = {c.start for c in orgs}
        norm = st.norm
        for m in forms:
            if (
                m.key in named
                or (norm[m.start - 1 : m.start] in _LIST_GLUE and m.start - 1 in ends)
                or (norm[m.end : m.end + 1] in _LIST_GLUE and m.end + 1 in starts)
            ):
                st.candidates.append(m)

    @staticmethod
    def _two_words(st, start: int, end: int) -> bool:
        """Each character of a two-character name is a word of its own (歙|县, not
        崇礼|县 or 新兴|县)."""
        return end - start == 2 and all(
            i in st.tok_starts and i + 1 in st.tok_ends for i in (start, start + 1)
        )

    def _abbreviations(self, st) -> None:
        """A municipality's one-character abbreviation as a word of its own after a verb
        or preposition of place (在京, 来沪): the municipality (在京会见 mentions 北京)."""
        norm, before = st.norm, self.gaz.abbr_before
        for ch, key in self.gaz.place_abbr.items():
            i = norm.find(ch, 1)
            while i != -1:
                # a word of its own (在|京) or closing the phrase's word (抵京, 进京)
                if (
                    norm[i - 1] in before
                    and i + 1 in st.tok_ends
                    and (i in st.tok_starts or i - 1 in st.tok_starts)
                ):
                    e = self.gaz.entries[key]
                    st.candidates.append(
                        Mention(i, i + 1, st.text[i : i + 1], e.type, e.id, e.name, "gazetteer")
                    )
                i = norm.find(ch, i + 1)

    def _regions(self, st) -> None:
        """A region's direction alone (西北, 东北) as a word of its own, after a verb of
        place (销往西北) or next to another place in a list (西北、华北): the region."""
        norm = st.norm
        places: dict[int, int] = {}
        for c in st.candidates:
            if c.type in _COMPOUND_OPENERS:
                places[c.start] = c.end
        ends = set(places.values())
        found = []
        for d, key in self.bare_regions.items():
            i = norm.find(d)
            while i != -1:
                e = i + 2
                if (
                    i in st.tok_starts
                    and e in st.tok_ends
                    and norm[e : e + 1] not in _DIRECTION_NEXT
                    and (
                        (i > 0 and norm[i - 1] in _TO_PLACE)
                        or (i > 0 and norm[i - 1] in _LIST_GLUE and i - 1 in ends)
                        or (norm[e : e + 1] in _LIST_GLUE and e + 1 in places)
                    )
                ):
                    found.append((i, e, key))
                i = norm.find(d, e)
        for i, e, key in found:
            ent = self.gaz.entries[key]
            st.candidates.append(
                Mention(i, e, st.text[i:e], ent.type, ent.id, ent.name, "gazetteer")
            )

    @staticmethod
    def _freq() -> Mapping[str, int]:
        from kg.nlp.segment import segmenter_freq

        return segmenter_freq()

    def __call__(self, doc: Doc) -> Doc:
        st = kgdoc(doc)
        text, norm = st.text, st.norm
        n = len(text)
        entries = self.gaz.entries
        automaton = self.gaz.automaton
        if automaton.kind != ahocorasick.AHOCORASICK:
            return doc
        tags, freq = jieba_tags(), self._freq()  # looked up once per document
        windows = self._name_windows(automaton)
        if windows.usable:
            joined, where = windows.reduce(norm)  # ``where``: offsets in ``norm``
        else:
            joined, idx = strip_quotes(norm)
            where = idx if idx is not None else np.arange(len(norm))
        nested: list[tuple[int, int]] = []
        counties: list[Mention] = []  # a county's short form: kept if a parent is named
        # an organisation's two-character short form that is a common word too (an
        # adjective's: 民建 of 公建民营、民建公助): kept where the text names
        # the organisation otherwise (its full name, its central committee: 民建|中央) or
        # lists it beside another organisation
        word_forms: list[Mention] = []
        # a short name the words cut (资中 in 投资|中国) is dropped and the scan resumes
        # at its second character, where the name it hid may start
        resume: int | None = 0
        while resume is not None and resume < len(joined):
            pos, resume = resume, None
            for end_idx, (name, key) in automaton.iter_long(joined, pos):
                if key is None:
                    continue  # a blocker: 财政部门 is not 财政部
                start, end = int(where[end_idx + 1 - len(name)]), int(where[end_idx]) + 1
                if end - start != len(name):
                    start, end = _balance_quotes(norm, start, end)
                if end < n and norm[end] == "长" and name[-1] in _POST_STEM:
                    continue  # 外交部长, 公安局长: a post title, not the body
                if name.isascii():
                    # acronyms: not inside a longer ASCII word (UN in UNESCO)
                    if (start > 0 and _ascii_alnum(norm[start - 1])) or (
                        end < n and _ascii_alnum(norm[end])
                    ):
                        continue
                elif len(name) < self.min_free_len and not st.aligned(start, end):
                    e = entries[key]
                    if e.category == COUNTY and self._two_words(st, start, end):
                        pass  # 歙|县: a county's one-character name and its unit
                    elif not (
                        e.type in _COMPOUND_OPENERS
                        and e.category != COUNTY  # 黄浦|江畔: a county's name opens other names
                        and self._opens_compound(st, start, end)
                    ) and not (e.type == "Country" and _nationality(st, start, end)) and not (
                        e.type == "Organization" and _central_committee(st, start, end)
                    ):
                        resume = end_idx + 2 - len(name)
                        break
                e = entries[key]
                if len(name) == 2 and e.type in _COMPOUND_OPENERS and self._ends_name(st, start):
                    continue
                if key.startswith(UNSEGMENTED) and self._runs_on(st, start, end):
                    continue
                if (
                    e.type == "Location"
                    and len(name) == 3
                    and name.endswith("城市")
                    and start > 0
                    and tags.get(norm[start - 1 : start + 1], "ns") != "ns"
                    and not any(c.end == start and c.type == "Location" for c in st.candidates)
                ):
                    continue  # 沿海|城市: the noun 城市 after a word (not a place: 山西|晋城市)
                if key.startswith(FOREIGN_CITY) and norm.startswith(_DIVISION_AFTER, end):
                    continue  # 某城|县, 某城|边疆区: a division named after the city
                if (
                    name[-1] == "国"
                    and e.type == "Country"
                    and end - 1 in st.tok_starts
                    and norm[start : end - 1] in _names_of(e)
                ):
                    end -= 1  # 日本|国内外: the country's short name, 国 opens the next word
                elif e.type in _COMPOUND_OPENERS and norm.startswith(_NOT_PLACE_AFTER, end):
                    continue  # 丹麦克朗, 北京时间: a currency or a time zone, no place
                if (
                    e.type == "Program"
                    and name.endswith(_GOAL_ENDS)
                    and not (start > 0 and norm[start - 1] in _OPEN_QUOTES)
                ):
                    continue
                m = Mention(start, end, text[start:end], e.type, e.id, e.name, "gazetteer")
                if (
                    e.category == COUNTY
                    and e.part_of
                    and len(name) < self.min_free_len
                    # a county's full name of two characters as one word (莒县, 沛县)
                    # needs no parent; 歙|县 as two words does (省和县两级)
                    and not (
                        name[-1] in _COUNTY_UNITS
                        and st.aligned(start, end)
                        and start + 1 not in st.tok_starts
                        and tags.get(name[0], "")[:1] not in _FUNCTION_TAGS
                        and norm[end - 1 : end + 1] not in freq  # 古|县城
                    )
                ):
                    counties.append(m)
                    continue
                if (
                    e.type == "Organization"
                    and len(name) == 2
                    and tags.get(name, "")[:1] in _WORD_TAGS
                    and not _central_committee(st, start, end)
                ):
                    word_forms.append(m)  # 民建: kept if the text names it otherwise too
                    continue
                st.candidates.append(m)
                if e.type in _OUTER_TYPES and len(name) > 4:
                    nested.append((end_idx + 1 - len(name), end_idx))
        if counties:
            self._named_parents(st, counties)
        if word_forms:
            self._word_forms(st, word_forms)
        if self.gaz.place_abbr:
            self._abbreviations(st)
        st.candidates.extend(self.country_abbr.find(st))
        if self.bare_regions:
            self._regions(st)
        st.candidates.extend(find_localities(st, tags, freq))
        st.candidates.extend(find_facilities(st, tags, freq, self.gaz.entries))
        st.candidates.extend(find_unit_places(st, tags, freq, self.gaz.entries, self.dev_zones))
        st.candidates.extend(find_old_divisions(st, tags, freq, self.foreign_divisions.abbr.keys()))
        st.candidates.extend(self.foreign_divisions.find(st, tags, freq))
        st.candidates.extend(
            find_listed_places(st, tags, freq, chinese_name_test(self.names_dir))
        )
        # names inside a known title (国务院某某委员会 in 国务院某某委员会关于…通知): the
        # leftmost-longest pass hides them; the resolver keeps the ones that may nest
        for s0, e0 in nested:
            for end_idx, (name, key) in automaton.iter_long(joined[s0:e0]):
                if key is None or len(name) < self.min_free_len:
                    continue
                e = entries[key]
                if e.type in _OUTER_TYPES:
                    continue
                end = s0 + end_idx + 1
                # (a no-op when the text has no quote marks)
                start, end = _balance_quotes(
                    norm, int(where[end - len(name)]), int(where[end - 1]) + 1
                )
                st.candidates.append(
                    Mention(start, end, text[start:end], e.type, e.id, e.name, "gazetteer")
                )
        return doc


@Language.factory("kg_gazetteer", default_config={"gazetteer_dir": None, "min_free_len": 3})
def make_gazetteer_matcher(
    nlp: Language, name: str, gazetteer_dir: str | None, min_free_len: int
) -> GazetteerMatcher:
    directory = Path(gazetteer_dir) if gazetteer_dir else ONTOLOGY_DIR
    return GazetteerMatcher(load_gazetteer(gazetteer_dir), min_free_len, directory)
