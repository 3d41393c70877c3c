"""``kg_patterns``: names no list holds — programmes, events, organisations, quoted
campaign names.

A bare name ends in a head word (``ontology/lexicon/open_heads.tsv``: 工程, 专项行动,
论坛, 合作年, 大学, 研究院, 商会…) and starts after the last boundary word or punctuation
before it (``boundary_words.txt``: 实施|沿海防护林提质工程). Quoted names take the head
that follows the quote (“清溪”系列专项行动 → 清溪系列专项行动). Event editions are folded:
第三届山货购物节 and 2021年第三届山货购物节 are one event, 山货购物节. An organisation
name also stops after a verb or a class noun in apposition (首次入选|…, 民营企业|X公司)
and needs a sign that it names one organisation (``OrganisationNames.org_specific``):
南开大学, 西班牙华侨华人联合会, 省人民医院, not 上市公司, 有关公司 or 国家技术创新中心.

This module sets the rules up and runs them; the rule families are in
``kg.nlp.components.heads``: ``words`` (what they read), ``known_names`` (the document's
known names they read), ``head_names`` (the name each head word ends) with ``head_starts``
(where it starts), ``boundaries`` (a name's left edge), ``organisations``, ``quoted``
(quoted names), ``editions`` (editions, sessions, periods), ``mentions`` (whether a span
names one thing, and its mention) and one module a finder run after them.
"""

from __future__ import annotations

import re
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from kg.nlp.abbreviations import CountryAbbreviations
from kg.nlp.components.base import kgdoc, open_key
from kg.nlp.components.heads.armed_units import armed_units
from kg.nlp.components.heads.body_rules import body_rules
from kg.nlp.components.heads.boundaries import NAME_INTERNAL, LeftEdge
from kg.nlp.components.heads.cited_media import cited_media
from kg.nlp.components.heads.company_short import company_short_forms
from kg.nlp.components.heads.country_prefixed import country_prefixed
from kg.nlp.components.heads.cpc_congress import cpc_congresses
from kg.nlp.components.heads.defined_orgs import defined_orgs, short_mentions
from kg.nlp.components.heads.designated_days import (
    designated_days,
    period_activities,
    quoted_periods,
)
from kg.nlp.components.heads.draft_laws import draft_laws
from kg.nlp.components.heads.edition_festivals import edition_festivals
from kg.nlp.components.heads.editions import (
    ShortForms,
    event_organs,
)
from kg.nlp.components.heads.elections import elections
from kg.nlp.components.heads.exercises import exercises
from kg.nlp.components.heads.federations import federations
from kg.nlp.components.heads.fleets import fleets
from kg.nlp.components.heads.foreign_laws import foreign_laws
from kg.nlp.components.heads.head_names import HeadNames
from kg.nlp.components.heads.hosted_names import hosted_names
from kg.nlp.components.heads.implemented_names import (
    GOVERNED_ONLY,
)
from kg.nlp.components.heads.joint_lines import joint_lines
from kg.nlp.components.heads.known_names import KnownNames
from kg.nlp.components.heads.law_short_forms import law_short_forms
from kg.nlp.components.heads.mass_groups import mass_groups
from kg.nlp.components.heads.mentions import Mentions
from kg.nlp.components.heads.missions import missions
from kg.nlp.components.heads.movements import movements
from kg.nlp.components.heads.nested_laws import nested_laws
from kg.nlp.components.heads.nested_programmes import nested_programmes
from kg.nlp.components.heads.npc_sessions import npc_sessions
from kg.nlp.components.heads.organisations import TRANSLIT_HEADS, OrganisationNames
from kg.nlp.components.heads.parties import (
    abbreviated_parties,
    bare_parties,
    party_spans,
    role_parties,
)
from kg.nlp.components.heads.party_congress import named_party_congresses, party_congresses
from kg.nlp.components.heads.period_plans import period_plans
from kg.nlp.components.heads.publishers import publishers
from kg.nlp.components.heads.quoted import QuotedNames
from kg.nlp.components.heads.quoted_media import quoted_media
from kg.nlp.components.heads.repeats import repeats
from kg.nlp.components.heads.route_lines import line_key, route_lines
from kg.nlp.components.heads.short_plenums import short_plenums
from kg.nlp.components.heads.split_sessions import split_sessions
from kg.nlp.components.heads.sports_teams import sports_teams
from kg.nlp.components.heads.study_campaigns import study_campaigns
from kg.nlp.components.heads.study_meetings import study_meetings
from kg.nlp.components.heads.topic_meetings import topic_meetings
from kg.nlp.components.heads.trade_areas import trade_agreements, trade_areas
from kg.nlp.components.heads.words import (
    DocView,
    dictionary_words,
    load_heads,
    org_words,
    verb_openers,
)
from kg.nlp.components.heads.zones import Zones, load_whole_heads
from kg.nlp.gazetteer import ONTOLOGY_DIR, Gazetteer, load_gazetteer, read_lines
from kg.nlp.organs import NominalFinder, OrganFinder
from kg.nlp.text import norm_name, word_alternation
from kg.nlp.wordscan import WordScan


class Patterns(
    HeadNames, LeftEdge, OrganisationNames, QuotedNames, ShortForms, Zones, Mentions
):
    """Open-class Program and Event names from head words and quotes."""

    def __init__(self, gazetteer: Gazetteer, directory: Path, max_len: int = 24) -> None:
        self.gaz = gazetteer
        self.country_abbr = CountryAbbreviations(gazetteer, directory)
        (
            self.heads,
            self.weak_heads,
            self.verb_rescued,
            self.verb_only,
            self.short_heads,
        ) = load_heads(directory)
        self.cut_words, self.verbs, self.adverbs = dictionary_words()
        posts = sorted(set(gazetteer.posts), key=len, reverse=True)
        self.posts = frozenset(posts)
        # (as a trie: one branch per character, not every post at every position)
        self.post_re = re.compile(word_alternation(posts) if posts else "(?!)")
        self.head_type = dict(self.heads)
        self.event_heads = frozenset(h for h, t in self.heads if t == "Event")
        self.short_tuple = tuple(self.short_heads)
        self.head_lengths = sorted({len(h) for h in self.head_type}, reverse=True)
        self.org_words = frozenset(
            w
            for w in org_words(tuple(h for h, t in self.heads if t == "Organization"))
            if not self.country_led(w)
        )
        self.boundaries = sorted(
            set(read_lines(directory / "lexicon" / "boundary_words.txt")), key=len, reverse=True
        )
        self.max_len = max_len
        # the head words, looked for only where one may start
        self.head_scan = WordScan(h for h, _ in self.heads)
        # after a quoted name, a few more heads are safe: “山海通途”项目, “净网”行动
        self.quoted_heads = sorted(
            {h for h in read_lines(directory / "lexicon" / "quoted_heads.txt")}
            - set(self.head_type),
            key=len,
            reverse=True,
        )
        # a whole quoted name may end in these (“强基计划”), not in the heads that end
        # quoted common nouns as often (“身份识别系统”, “恐怖活动”, “…创品牌”) or quoted
        # themes and demands (“深化某某体制改革”: a reform is named by “X”改革 only)
        self.quoted_tuple = tuple(
            h
            for h in (*self.quoted_heads, *self.verb_only)
            if h not in ("系统", "活动", "品牌", "改革") and h not in GOVERNED_ONLY
        )
        qalt = "|".join(
            re.escape(h)
            for h in sorted({*self.head_type, *self.quoted_heads}, key=len, reverse=True)
            if h not in GOVERNED_ONLY  # a quoted campaign only as a verb's object (below)
            and h not in TRANSLIT_HEADS  # “某型”武装直升机: no quoted name
        )
        self.quoted_re = re.compile(
            r"“([^“”\n]{1,24})”(" + qalt + r"|系列[\u4e00-\u9fff]{0,4}(?:" + qalt + r"))?"
        )
        generic = sorted(
            set(read_lines(directory / "lexicon" / "generic_modifiers.txt")), key=len, reverse=True
        )
        self.generic_re = (
            re.compile("(?:" + "|".join(re.escape(g) for g in generic) + ")+")
            if generic
            else re.compile("(?!)")
        )
        self.boundary_re = re.compile(word_alternation(self.boundaries))  # as a trie: faster
        # two-character boundary words that end a longer token of jieba's (颁布|实施),
        # not the name-internal ones (扶贫|开发)
        self.verb_ends = frozenset(
            b for b in self.boundaries if len(b) == 2 and b not in NAME_INTERNAL
        )
        # what opens such a token: a verb or an adverb (颁布|实施, 广泛|开展)
        self.verb_openers = verb_openers() | frozenset(self.boundaries)
        # heads that are themselves the name of a national programme (自由贸易试验区,
        # 综合保税区), with the full form of a short one (自贸试验区 → 自由贸易试验区)
        self.whole_heads = load_whole_heads(directory)
        self.organs = OrganFinder(gazetteer, directory)
        self._nominals: NominalFinder | None = None
        self._nominal_dir = directory
        self.find_nominals = True

    @property
    def nominals(self) -> NominalFinder:
        """The nominal organ finder, built on first use (~0.25 CPU-s, 9 MB of a pipeline
        snapshot): a graph build finds no nominals (``find_nominals`` off)."""
        if self._nominals is None:
            self._nominals = NominalFinder(self._nominal_dir, self.organs)
        return self._nominals

    def __call__(self, doc: Doc) -> Doc:
        st = kgdoc(doc)
        norm = st.norm
        view = DocView(st)
        st.candidates.extend(self.organs.find(st))
        if self.find_nominals:
            st.nominal_candidates = self.nominals.find(st)
        quoted_spans = self.find_quoted(st, norm, view)
        k = KnownNames.of(st, view)  # (after the quoted names: they are candidates)
        for hs, he in self.head_spans(norm):
            self.name_at_head(k, hs, he, quoted_spans)
        starts, ends = view.starts, view.ends
        st.candidates.extend(  # 经过|某某运动|的: a name found once, found again
            repeats(st, norm, starts, ends, k.first, k.is_statute)
        )
        st.candidates.extend(law_short_forms(st, norm, starts, ends))  # 某某法, named in full once
        event_organs(st, norm)
        split_sessions(st, norm)  # 某委员会9日举行|第五次会议: the body's session
        party_congresses(st, norm)  # 某共十四大: a foreign party's congress written short
        named_party_congresses(st, norm, self.gaz)  # 某某党|十七大: that party's, not the CPC's
        cpc_congresses(st, norm, self.gaz, view)  # 十四大|以来
        npc_sessions(st, norm, self.gaz)  # 五届人大四次会议: the NPC's
        nested_laws(st, self.gaz)  # 某某法|实施条例: the law it carries out
        draft_laws(st, norm, self.gaz, starts, self.cut_words, self.verbs)  # 审议|某某法|修订草案
        foreign_laws(st, norm)  # 某国|宪法: that state's, not the PRC's
        nested_programmes(st, self.gaz)  # 关于实施|某某战略|的意见: the programme it carries out
        designated_days(st, norm)  # 今天是(第N个)世界某某日: the day is an event
        period_activities(st, norm)  # 2031年某某宣传月活动: the year's campaign
        edition_festivals(st, norm, ends, self.verbs)  # 第N届某某艺术节: a festival
        hosted_names(st, norm, self.event_heads)  # 由某部主办的“某某展”: the event hosted
        quoted_media(st, norm, self.gaz)  # 《某某时报》, 《某某》杂志: the medium
        cited_media(st, norm, self.gaz)  # 据某某电视台报道: the medium cited
        federations(st, norm, self.gaz)  # 国际某联: a federation written short
        sports_teams(st, norm, self.gaz, starts)  # 某国|女篮: a country's team
        fleets(st, norm, self.gaz)  # 某国海军|太平洋舰队: a navy's fleet
        country_prefixed(st, self.gaz)  # 中国|某部: the central body, prefixed
        mass_groups(st, norm, self.gaz)  # 共青团、某联等群团组织: the groups listed
        publishers(st, norm, self.gaz)  # 由某某出版社出版: the publisher
        short_plenums(st, norm)  # 某某纪委|三次全会: the body's session
        study_meetings(st, norm)  # 学习贯彻某某思想主题教育工作会议: a gathering's name
        topic_meetings(st, norm)  # 召开|深入推进某某发展座谈会: the seminar's whole name
        missions(st, norm)  # 某舟九号载人飞行任务: the mission, by its craft
        exercises(st, norm)  # “某某-2025”联合演习: the exercise, by its code name
        study_campaigns(st, norm)  # 学习贯彻某某思想主题教育: the campaign, then its head
        elections(st, norm)  # 某国|第N届总统选举: the election a place holds
        self.quoted_programmes(st)
        quoted_periods(st, norm)  # 迎“某某遗产日”: the day, with no head after it
        for s, e in joint_lines(st):
            self.add(st, s, e, "Program", "line")  # 中某|铁路: a project of two countries
        for s, e in route_lines(st):
            key = open_key("Program", line_key(norm_name(norm[s:e])))
            self.add(st, s, e, "Program", "line", key=key)  # 甲至乙|高铁: named by its ends
        for s, e in trade_areas(st, self.gaz):
            self.add(st, s, e, "Program", "pattern")  # 中国—某盟|自贸区: the parties' area
        for s, e, name in trade_agreements(st, self.gaz):
            key = open_key("Law", name)
            self.add(st, s, e, "Law", "pattern", key=key)  # 中某|自贸协定: their treaty
        for s, e, key in body_rules(st, self.gaz):
            self.add(st, s, e, "Law", "pattern", key=key)  # 某常委会|议事规则: its rules
        for s, e in period_plans(st):
            self.add(st, s, e, "Program", "pattern")  # 某某大开发|“十三五”规划: its plan
        n0 = len(st.candidates)
        for s, e in party_spans(st, norm, view, self.verbs):
            self.add(st, s, e, "Organization", "party")  # 某国|劳动党: the country's party
        st.candidates.extend(abbreviated_parties(st, norm, view, self.country_abbr, self.gaz))
        parties = [m for m in st.candidates[n0:] if m.rule == "party"]
        st.candidates.extend(bare_parties(st, norm, view, parties))  # …，某某党|武装
        st.candidates.extend(role_parties(st, norm, view, parties))  # 执政党|某某党
        company_short_forms(st, norm, starts, ends)  # 某某科技有限公司 … 某某科技: one company
        for s, e in armed_units(norm):
            self.add(st, s, e, "Organization", "organ", short=True)  # 某组织下属武装派别|某某旅
        for s, e, a, b in defined_orgs(st, norm, self.gaz, starts, self.cut_words):
            n0 = len(st.candidates)
            self.add(st, s, e, "Organization", "organ")  # 某国某某运动（某某）: the full name
            if len(st.candidates) > n0:
                st.candidates.extend(short_mentions(st, norm, st.candidates[-1], a, b, starts))
        st.candidates.extend(movements(st, norm, view))  # 某某|领导人: a movement's name
        return doc


@Language.factory(
    "kg_patterns", default_config={"gazetteer_dir": None, "max_len": 24, "nominals": True}
)
def make_patterns(
    nlp: Language, name: str, gazetteer_dir: str | None, max_len: int, nominals: bool
) -> Patterns:
    """``nominals``: also find nominal organ references (法院, 警方) for the span API; a
    graph build leaves them out (they never become nodes) and saves ~10% of the time."""
    directory = Path(gazetteer_dir) if gazetteer_dir else ONTOLOGY_DIR
    p = Patterns(load_gazetteer(gazetteer_dir), directory, max_len)
    p.find_nominals = nominals
    return p
