"""The organ finder: reads the lexicons and the gazetteer once, then finds the organ
mentions of a document in one pass of an automaton over the organ words (local organs
after a place, foreign organs after a country) and hands the rest to the rule families
(:mod:`~kg.nlp.organs.foreign`, :mod:`~kg.nlp.organs.subunits`,
:mod:`~kg.nlp.organs.groups`, :mod:`~kg.nlp.organs.committees`,
:mod:`~kg.nlp.organs.lists`).

>>> from kg.spans import entity_spans
>>> spans = next(entity_spans(["湖南省和平县公安局"]))
>>> [s["text"] for s in spans if s["type"] == "GovernmentBody"]
['湖南省和平县公安局']
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping
from pathlib import Path

import ahocorasick

from kg.model import Mention
from kg.nlp.gazetteer import COUNTY, Gazetteer, NameWindows, read_lines
from kg.nlp.organs.committees import CommitteesMixin
from kg.nlp.organs.dictionary import dictionary_words
from kg.nlp.organs.foreign import DATE_CHARS, ForeignMixin
from kg.nlp.organs.groups import GROUP_HEADS, GroupsMixin
from kg.nlp.organs.industries import IndustriesMixin
from kg.nlp.organs.lists import ListsMixin
from kg.nlp.organs.names import NamesMixin, lengths_by_last
from kg.nlp.organs.places import DISTRICT_ORGANS, PlacesMixin
from kg.nlp.organs.shapes import ADMIN1, CJK, GOV_TYPES, ORDINAL
from kg.nlp.organs.subunits import SubUnitsMixin
from kg.nlp.segment import segmenter_freq
from kg.nlp.text import norm_name, offset_mask


def _tsv(path: Path) -> list[list[str]]:
    out = []
    for line in read_lines(path):
        parts = [p.strip() for p in line.split("\t")] if "\t" in line else line.split()
        out.append(parts)
    return out


class OrganFinder(
    PlacesMixin,
    ForeignMixin,
    SubUnitsMixin,
    ListsMixin,
    GroupsMixin,
    CommitteesMixin,
    IndustriesMixin,
    NamesMixin,
):
    """Finds organ mentions in a document given the gazetteer candidates found so far.

    The rule families are mixins beside their constants. What they share is public: the
    tables built here, read-only after ``__init__``, and each family's methods that
    another family or :meth:`find` calls (a name with a leading underscore is used in its
    own module only).

    - ``gaz``: the gazetteer;
    - ``local``, ``foreign``: organ word → its canonical form (local organs after a place,
      foreign organs after a country); ``abbr_ok``: the foreign organs that follow a
      country's one-character abbreviation; ``abbr``: abbreviation → country key;
      ``abbr_military``: abbreviations that are common words too (only before an army);
    - ``place_stop``: generic words that are no place's name (直辖市, 县级);
    - ``bad_words``, ``unit_words``, ``ns_words``: from jieba's dictionary
      (:func:`~kg.nlp.organs.dictionary.dictionary_words`); ``freq``: the segmenter's word
      frequencies (looked up, not kept: see :attr:`freq`); ``boundary``: a pattern of the
      boundary words, or None;
    - ``country_names``, ``place_names``: every unambiguous name of a country or place →
      its key; ``country_lengths``, ``place_lengths``: their lengths by last two
      characters (:func:`~kg.nlp.organs.names.lengths_by_last`);
    - ``listed``: short forms that name a central body only beside another → its key;
      ``listed_lengths``: their lengths, longest first;
    - ``province_of``: a provincial organ's key → its province's;
    - ``post_heads``: post titles by their first character.
    """

    def __init__(self, gazetteer: Gazetteer, directory: Path) -> None:
        self.gaz = gazetteer
        lex = directory / "lexicon"
        self.local: dict[str, str] = {}
        for parts in _tsv(lex / "gov_local_organs.tsv"):
            self.local[parts[0]] = parts[1] if len(parts) > 1 else parts[0]
        heads = read_lines(lex / "gov_heads.txt")
        for d in read_lines(lex / "gov_domains.txt"):
            for h in heads:
                self.local.setdefault(d + h, d + h)
        self.foreign: dict[str, str] = {}
        self.abbr_ok: set[str] = set()
        for parts in _tsv(lex / "gov_foreign_organs.tsv"):
            self.foreign[parts[0]] = parts[1] if len(parts) > 1 else parts[0]
            if len(parts) > 2 and parts[2] == "abbr":
                self.abbr_ok.add(parts[0])
        abbr_rows = [p for p in _tsv(lex / "country_abbr.tsv") if len(p) > 1]
        self.abbr: dict[str, str] = {p[0]: p[1] for p in abbr_rows}
        # abbreviations that are also common words: only before an army (以军, not 以政府)
        self.abbr_military = frozenset(p[0] for p in abbr_rows if len(p) > 2 and p[2] == "military")
        self.place_stop = frozenset(read_lines(lex / "place_stop.txt"))
        self.bad_words, self.unit_words, self.ns_words = dictionary_words()
        boundaries = sorted(set(read_lines(lex / "boundary_words.txt")), key=len, reverse=True)
        self.boundary = (
            re.compile("|".join(re.escape(b) for b in boundaries)) if boundaries else None
        )
        # every name of a country or a place, for prefixes jieba kept inside one word
        # (印度国防部, 中国政府 are single jieba tokens, so the matcher skipped 印度, 中国)
        self.country_names: dict[str, str] = {}
        self.place_names: dict[str, str] = {}
        for e in gazetteer.entries.values():
            if e.type in ("Country", "Location"):
                target = self.country_names if e.type == "Country" else self.place_names
                # a county's two-character name is often the end of another name (萧县 in
                # 平萧县政府); the administrative shape (平萧 + 县) finds those counties
                short = 3 if e.category == COUNTY else 2
                for nm in (e.name, *e.aliases):
                    nm = norm_name(nm)
                    if len(nm) >= short and len(gazetteer.by_name.get(nm, ())) == 1:
                        target[nm] = e.id
        # short forms that name a central body only beside another (药监局、商务部)
        self.listed: dict[str, str] = {
            f: e.id for e in gazetteer.entries.values() for f in e.listed
        }
        self.listed_lengths = tuple(sorted({len(f) for f in self.listed}, reverse=True))
        # the province each provincial organ belongs to (gov/hunan-cpc → place/hunan)
        self.province_of: dict[str, str] = {}
        provinces = {
            e.id.split("/", 1)[1]: e.id
            for e in gazetteer.entries.values()
            if e.type == "Location" and e.category == "省"
        }
        for e in gazetteer.entries.values():
            if e.type in GOV_TYPES and e.id.startswith("gov/"):
                slug = e.id[4:].rsplit("-", 1)[0]
                if slug in provinces:
                    self.province_of[e.id] = provinces[slug]
        # post titles by their first character, for the organ before a post
        self.post_heads: dict[str, tuple[str, ...]] = {}
        for p in getattr(gazetteer, "posts", None) or ():
            self.post_heads[p[0]] = (*self.post_heads.get(p[0], ()), p)
        # for each last two characters, the lengths of the names ending in them, longest
        # first: ``name_before`` tries only those (most pairs end no name)
        self.country_lengths = lengths_by_last(self.country_names)
        self.place_lengths = lengths_by_last(self.place_names)
        # pyahocorasick scans a node's children in insertion order: words opening with a
        # character common in the words go first (the matches do not depend on it)
        words = set(self.local) | set(self.foreign)
        freq = Counter(ch for w in words for ch in w)
        a = ahocorasick.Automaton()
        for w in sorted(words, key=lambda w: (-freq[w[0]], w)):
            a.add_word(w, self._match_value(w))
        a.make_automaton()
        self._ac = a
        self._windows: tuple[ahocorasick.Automaton, NameWindows] | None = None

    @property
    def freq(self) -> Mapping[str, int]:
        """The segmenter's word frequencies, the segmenter's own (a reference kept here
        would pickle jieba's whole dictionary into the pipeline snapshot a second time, as
        a dict: :mod:`kg.nlp.word_table`)."""
        return segmenter_freq()

    def _match_value(self, w: str) -> tuple:
        """What the match loop reads of an organ word, looked up once here rather than per
        match: (the word, its length, whether a following 长 makes it a post, its local
        canonical form, whether that is a court's, whether it is a district organ, its
        foreign canonical form)."""
        canon = self.local.get(w)
        return (
            w,
            len(w),
            w[-1] in "局部厅署院委办",
            canon,
            canon is not None and canon.endswith(("法院", "检察院")),
            canon in DISTRICT_ORGANS,
            self.foreign.get(w),
        )

    def _name_windows(self) -> NameWindows:
        w = getattr(self, "_windows", None)
        if w is None or w[0] is not self._ac:
            w = self._windows = (self._ac, NameWindows(self._ac.keys()))
        return w[1]

    # -- the finder -----------------------------------------------------------------------

    @staticmethod
    def unit_opened(norm: str, s: int, word: str, places: dict[int, Mention]) -> bool:
        """Whether the organ word at ``s`` opens with the unit character that ends a place
        found before it (某某县 + 县委: 某某县委, the county's committee)."""
        p = places.get(s + 1)
        return (
            p is not None
            and p.start < s
            and word[:1] in ADMIN1
            and norm[s] == word[0]
            and p.text.endswith(word[0])
        )

    def find(self, st) -> list[Mention]:
        """Organ mentions (rule ``organ``) for ``st`` (a KGDoc with gazetteer candidates)."""
        text, norm = st.text, st.norm
        n = len(norm)
        places: dict[int, Mention] = {}  # end → the longest Location candidate ending there
        countries: dict[int, Mention] = {}
        bodies: list[Mention] = []
        others: list[int] = []  # starts of candidates a sub-unit may not run into
        for c in st.candidates:
            if c.type == "Location":
                p = places.get(c.end)
                if p is None or c.start < p.start:
                    places[c.end] = c
                continue
            if c.type in ("Country", "Organization", "Person") or c.type in GOV_TYPES:
                others.append(c.start)
            if c.type == "Country":
                countries[c.end] = c
            elif c.type in GOV_TYPES:
                bodies.append(c)
        others.sort()
        found: dict[tuple[int, int], Mention] = {}
        extra: list[Mention] = []  # countries and places jieba hid inside one word (印度国防部)
        tok_ends = offset_mask(st.tok_ends, n)
        # the automaton reads only the parts of the text that may hold an organ word (~5%)
        windows = self._name_windows()
        if windows.usable:
            joined, where = windows.reduce(norm)
            at: list[int] | range = where.tolist()  # offsets in ``norm``
        else:
            joined, at = norm, range(n)
        for i, (word, k, office, canon, court, district, fcanon) in self._ac.iter(joined):
            e = at[i] + 1
            if e < n:
                ch = norm[e]
                if ch == "长" and office:
                    continue  # 国防部长, 公安局长: a post, not the body
                if (
                    not tok_ends[e]
                    and "\u4e00" <= ch <= "\u9fff"  # shapes.CJK
                    and not (
                        self.unit_opened(norm, e - k, word, places)
                        and not self.freq.get(norm[e - 1 : e + 1])
                    )
                ):
                    continue  # 军 of 军事, 委 of 委托, 国会 of 美国会议: not the end of a word
            s = e - k
            if canon is not None:
                ps = s
                if court:
                    m = ORDINAL.search(norm, max(0, s - 5), s)
                    if m and m.end() == s:
                        ps = m.start()
                # no place can end at ``ps`` unless one was found there, a place name
                # ends with the character before or it is a unit (省, 市, 县): 以上|人民政府
                pl = (
                    self.place(norm, ps, st, places, extra)
                    if ps in places
                    or (ps >= 1 and norm[ps - 1] in ADMIN1)
                    or (ps >= 2 and norm[ps - 2 : ps] in self.place_lengths)
                    else None
                )
                if pl is None and ps == s and self.unit_opened(norm, s, canon, places):
                    # 某某县|县委: the place's own unit character opens the organ word (its
                    # name with the unit, 某某县, is the place jieba and the gazetteer read)
                    pl = self.place(norm, s + 1, st, places, extra)
                    if pl is not None:
                        start, place = pl
                        name = place + canon[1:]
                        found.setdefault((start, e), self.mention(text, start, e, name))
                        continue
                if pl is None and district:
                    pl = self.district_word(norm, ps, st)
                if pl is not None:
                    start, place = pl
                    if place.endswith("特别行政区") or not place.endswith(
                        (*ADMIN1, "自治区", "自治州", "自治县")
                    ):
                        canon = (
                            word  # 香港政府, 台湾地区法院 keep their form (平萧县政府 → 人民政府)
                        )
                    name = place + norm[ps:s] + canon
                    found.setdefault((start, e), self.mention(text, start, e, name))
                    continue
            if fcanon is not None:
                c = countries.get(s)
                q = (
                    (c.start, c.key)
                    if c is not None
                    else self.name_before(norm, s, self.country_names, self.country_lengths)
                )
                if q is not None:
                    if c is None:
                        extra.append(self.country(text, q[0], s, q[1]))
                    self.emit_foreign(found, text, q[1], q[0], e, fcanon)
                elif (
                    word in self.abbr_ok
                    and s >= 1
                    and norm[s - 1] in self.abbr
                    and (s - 1 in st.tok_starts or s == 1 or not CJK.match(norm[s - 2]))
                    and not (s >= 2 and (norm[s - 2].isdigit() or norm[s - 2] in DATE_CHARS))
                    and (norm[s - 1] not in self.abbr_military or fcanon == "军队")
                ):
                    self.emit_foreign(
                        found, text, self.abbr[norm[s - 1]], s - 1, e, fcanon
                    )
                    # 美军 mentions 美国 as 美国国防部 does (the abbreviation is its name here)
                    extra.append(self.country(text, s - 1, s, self.abbr[norm[s - 1]]))
                elif s >= 1 and norm[s - 1] == "、" and self.post_at(norm, e):
                    owner = self.list_country(norm, s, countries)
                    if owner is not None:
                        self.emit_foreign(found, text, owner, s, e, fcanon)
        self.embassies(found, st, countries, extra)
        for c in [*countries.values(), *(x for x in extra if x.type == "Country")]:
            self.agency(found, st, c, others)
            self.foreign_region(found, st, c)
        if "委员会" in norm:
            self.national_committees(found, st, others)
        if "管" in norm and ("公园" in norm or "保护区" in norm or "名胜区" in norm):
            self.park_bodies(found, st, places)
        for head in GROUP_HEADS:
            if head in norm:
                self.groups(found, st, head)
        if "工业部" in norm:
            self.industry_ministries(found, st, places, countries)
        self.sub_units(found, st, bodies, others)
        self.provincial(found, st)
        if "政协" in norm or "政治协商会议第" in norm:
            self.cppcc(found, st, bodies)
        self.committee_lists(found, st, bodies)
        if self.listed:
            self.listed_bodies(found, st, bodies)
        return [*found.values(), *extra]
