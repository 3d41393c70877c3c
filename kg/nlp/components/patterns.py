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

This module sets the rules up and runs them, head word by head word; the rule families
are in ``kg.nlp.components.heads``: ``words`` (what they read), ``boundaries`` (where a
name starts), ``organisations``, ``quoted`` (quoted names), ``editions`` (editions,
sessions, periods) and ``mentions`` (whether a span names one thing, and its mention).
"""

from __future__ import annotations

import bisect
import re
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from kg.nlp.components.base import kgdoc, open_key
from kg.nlp.components.heads.armed_units import armed_units
from kg.nlp.components.heads.boundaries import NAME_INTERNAL, LeftEdge
from kg.nlp.components.heads.campaign_reach import launched_start, party_campaign_start
from kg.nlp.components.heads.cited_media import cited_media
from kg.nlp.components.heads.company_short import company_short_forms
from kg.nlp.components.heads.cpc_congress import cpc_congresses
from kg.nlp.components.heads.defined_orgs import defined_orgs, short_mentions
from kg.nlp.components.heads.designated_days import designated_days
from kg.nlp.components.heads.edition_festivals import edition_festivals
from kg.nlp.components.heads.editions import (
    BODY_TYPES,
    EDITION_BEFORE,
    ORDINAL_OPEN,
    PLENARY,
    ShortForms,
    dated,
    edition_start,
    event_organs,
    plenary_key,
    plenum_name,
    session_key,
    specific,
)
from kg.nlp.components.heads.elections import elections
from kg.nlp.components.heads.event_names import (
    CELEBRATION_HEADS,
    FOUNDING_VERBS,
    TITLED,
    anniversary_before,
    anniversary_owner,
    anniversary_start,
    ceremony_key,
    ceremony_of_project,
    counted_anniversary,
    ends_in_anniversary,
    known_before,
    leaders_pair,
    met_at_place,
    numbered_session,
    opens_clause,
    participants_start,
    session_after,
    venue_ceremony,
)
from kg.nlp.components.heads.hosted_names import hosted_names
from kg.nlp.components.heads.implemented_names import (
    BATTLE_HEADS,
    BATTLE_VERBS,
    CAMPAIGN_VERBS,
    GOVERNED_NONE,
    GOVERNED_ONLY,
    PLAN_HEADS,
    PLAN_ISSUE_VERBS,
    PROSE_RESCUED,
    SHARED_HEADS,
    battle_field,
    conjunct_of_rescued,
    counted_field,
    field_adverb,
    governed_campaign,
    governed_object,
    governs,
    inner_adverb,
    issued_plan,
    local_open,
    member_known,
    member_mention,
    new_round_cut,
    phase_start,
    plain_member,
    plan_named,
    shared_head_list,
    verb_before_head,
)
from kg.nlp.components.heads.joint_lines import joint_lines
from kg.nlp.components.heads.memoranda import MEMO_HEADS, memo_start
from kg.nlp.components.heads.mentions import NAMED_TYPES, Mentions
from kg.nlp.components.heads.nested_laws import nested_laws
from kg.nlp.components.heads.npc_sessions import npc_sessions
from kg.nlp.components.heads.organisations import ORGAN_HEADS, TRANSLIT_HEADS, OrganisationNames
from kg.nlp.components.heads.parties import party_spans
from kg.nlp.components.heads.party_congress import party_congresses
from kg.nlp.components.heads.publishers import publishers
from kg.nlp.components.heads.quoted import QuotedNames, quoted_before
from kg.nlp.components.heads.quoted_media import quoted_media
from kg.nlp.components.heads.repeats import repeats
from kg.nlp.components.heads.short_plenums import short_plenums
from kg.nlp.components.heads.split_sessions import split_sessions
from kg.nlp.components.heads.study_campaigns import study_campaigns
from kg.nlp.components.heads.study_meetings import study_meetings
from kg.nlp.components.heads.words import (
    NAME_CHAR,
    YEAR,
    YEAR_TEXT,
    DocView,
    dictionary_words,
    load_heads,
    org_words,
    verb_openers,
)
from kg.nlp.components.heads.zones import Zones, load_whole_heads, zone_start
from kg.nlp.components.lac_names import is_statute
from kg.nlp.gazetteer import ONTOLOGY_DIR, Gazetteer, load_gazetteer, read_lines
from kg.nlp.organs import NominalFinder, OrganFinder
from kg.nlp.text import norm_name, word_alternation
from kg.nlp.wordscan import WordScan

# a count of a package of programmes right before its field (五大|协作行动, 八项|…)
COUNTED_SET = re.compile(r"[二三四五六七八九十百]+[大项]\Z")

# verbs that implement a programme: right before a "weak+verb" head's name they show it
# is a named programme
IMPLEMENT_VERBS = (
    frozenset("实施 启动 推进 推动 开展 实行 组织实施 深入实施 抓好 深化 扩大".split())
    | BATTLE_VERBS
)
# the heads of study campaigns: a quoted slogan before them names one whatever follows

# heads that are heads only as a word of their own (扶贫|网, not 互联网)
TOKEN_HEADS = frozenset({"网"})

# verbs that name what an event is for: they open its name (纪念…大会, 庆祝…大会)
EVENT_VERBS = frozenset({"庆祝", "纪念", "欢庆", "表彰", "展览", "交易", "合作", "交流"})
# weak heads of physical sites: a verb after one is as often its own (基地|遭袭, 园区|扩建)
SITE_HEADS = frozenset({"基地", "园区"})

VERB_ONLY_HINT = re.compile(
    rf"实施|启动|推进|推动|开展|实行|”|{YEAR_TEXT}|" + "|".join(sorted(PLAN_ISSUE_VERBS))
)
# an implementing verb within a name's reach (a cheap test before a second left edge)
IMPLEMENT_NEAR = re.compile("|".join(sorted(IMPLEMENT_VERBS, key=len, reverse=True)))
# what ends a list of names sharing a head as a verb's whole object (实施A和B战略，)
LIST_END = frozenset("，。；：,;")


class Patterns(LeftEdge, OrganisationNames, QuotedNames, ShortForms, Zones, Mentions):
    """Open-class Program and Event names from head words and quotes."""

    def __init__(self, gazetteer: Gazetteer, directory: Path, max_len: int = 24) -> None:
        self.gaz = gazetteer
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
        # quoted common nouns as often (“身份识别系统”, “恐怖活动”, “…创品牌”)
        self.quoted_tuple = tuple(
            h
            for h in (*self.quoted_heads, *self.verb_only)
            if h not in ("系统", "活动", "品牌") and h not in GOVERNED_ONLY
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
        n = len(norm)
        named_end: dict[int, int] = {}  # start → end of the longest known name there
        named_type: dict[int, str] = {}
        named_label: dict[int, str] = {}
        for c in st.candidates:
            if c.type in NAMED_TYPES and c.end > named_end.get(c.start, -1):
                named_end[c.start] = c.end
                named_type[c.start] = c.type
                named_label[c.start] = c.label
        named_starts = set(named_end)
        named_ends = {c.end for c in st.candidates if c.type in NAMED_TYPES}
        org_end = {e: a for a, e in named_end.items() if named_type[a] == "Organization"}
        org_starts = sorted(org_end.values())
        named = sorted(named_starts)
        # any known name's start, events and programmes too (称赞|北京冬奥会)
        known = sorted(named_starts.union(c.start for c in st.candidates))
        starts, ends = view.starts, view.ends
        event_ends = {c.end for c in st.candidates if c.type == "Event"}
        body_at_end: dict[int, int] = {}  # end → first start of a known body ending there
        for c in st.candidates:
            if c.type in BODY_TYPES and c.start < body_at_end.get(c.end, c.end):
                body_at_end[c.end] = c.start
        places = {a for a, t in named_type.items() if t == "Location"}
        place_ends: dict[int, int] = {}  # end → start of a known place or country
        for c in st.candidates:
            if c.type in ("Location", "Country") and c.start < place_ends.get(c.end, c.end):
                place_ends[c.end] = c.start
        rescued_ends: set[int] = set()  # ends of names an implementing verb governs
        first = len(st.candidates)  # the head rules' candidates follow
        statute: bool | None = None  # whether the text is a statute's (asked once, if at all)
        def edge(pos: int) -> tuple[int, str | None]:
            return self.left_edge(norm, pos, st, view)

        for hs, he in self.head_spans(norm):
            # the head must end a word: not followed by more name characters that
            # extend it into something else (论坛上 is fine, 工程师 is not)
            head = norm[hs:he]
            org = self.head_type[head] == "Organization"
            post_tail = org and he < n and not ends[he] and self.post_tail(norm, he, view)
            if he < n and norm[he] in "师院局处部厅者" and not ends[he] and not post_tail:
                continue
            j = bisect.bisect_right(quoted_spans, (hs, n + 1)) - 1
            if j >= 0 and quoted_spans[j][0] <= hs < quoted_spans[j][1]:
                continue
            if self.head_type[head] == "none":
                if head in GOVERNED_NONE and IMPLEMENT_NEAR.search(
                    norm, max(0, hs - self.max_len), hs
                ):
                    s0, c0 = self.left_edge(norm, hs, st, view)
                    if hs - s0 >= 2 and governs(norm, s0, c0, IMPLEMENT_VERBS):
                        self.add(st, s0, he, "Program", "pattern")  # 实施|公民道德建设工程
                continue  # 系统工程: a common noun
            if head in TOKEN_HEADS and not (starts[hs] and ends[he]):
                continue  # 网 of 互联网, 电网: not a head
            if (
                he < n
                and not ends[he]
                and NAME_CHAR.match(norm[he])
                and not post_tail
                and not session_after(norm, he)  # 某某对话会|某国专场
            ):
                continue  # 战略|机遇期, 规划|许可证: the head runs on into another word
            if org and (hs == 0 or not NAME_CHAR.match(norm[hs - 1])):
                continue  # nothing before the head names it
            if head in ORGAN_HEADS and not (
                hs in org_end
                or (
                    head != "委员会"
                    and bisect.bisect_left(org_starts, hs)
                    > bisect.bisect_left(org_starts, hs - self.max_len)
                )
            ):
                continue  # …委员会, …理事会 only of a known organisation (a cheap test first:
                # the laws name thousands of committees)
            if head in self.verb_only and not VERB_ONLY_HINT.search(
                norm, max(0, hs - self.max_len), hs
            ):
                continue  # no implementing verb, year or quote near: skip the left edge
            start, cut = self.left_edge(norm, hs, st, view, org)
            phased = False  # 某某水利枢纽|二期|工程: a phase of one named project
            if start == hs and (r := phase_start(edge, norm, hs, head)) is not None:
                (start, cut), phased = r, True
            if cut == "#":
                cut = new_round_cut(edge, norm, start, IMPLEMENT_VERBS) or cut
            if head == "行动" and cut not in IMPLEMENT_VERBS:
                r = launched_start(norm, start, max(0, hs - self.max_len))
                start, cut = r or (start, cut)  # 开展|…提升引领…优化|升级行动
            elif cut == "的" and (r := party_campaign_start(norm, start, head)) is not None:
                start, cut = r  # 开展|党的…教育实践活动
            if cut == "等":
                continue  # A、B等公共服务平台: a class noun after 等
            if (
                cut in ("和", "与", "及", "、")
                and head in SHARED_HEADS
                and norm[he : he + 1] in LIST_END  # the list is the whole object
                and (
                    items := shared_head_list(
                        lambda p: self.left_edge(norm, p, st, view),
                        norm,
                        start,
                        hs,
                        IMPLEMENT_VERBS,
                        lambda m: plain_member(m, self.head_of),
                        lambda a, b, h=head: member_known(st.text, a, b, h, self.gaz),
                    )
                )
            ):
                # 实施|科教兴国和可持续发展战略: each member with the shared head (in
                # prose: a statute's 实施A、B和C工程 imposes works, names none)
                statute = is_statute(norm) if statute is None else statute
                if statute:
                    continue
                for a, b in items[:-1]:
                    m = member_mention(st.text, a, b, head, self.gaz)
                    if m is not None:
                        st.candidates.append(m)
                self.add(st, items[-1][0], he, "Program", "pattern")
                rescued_ends.add(he)
                continue
            if (
                hs - start < 2
                and cut is not None
                and len(cut) >= 2
                and self.head_type[head] == "Program"
                and IMPLEMENT_NEAR.search(norm, max(0, hs - self.max_len), start - len(cut))
                and (
                    c := verb_before_head(
                        lambda p, o=org: self.left_edge(norm, p, st, view, o),
                        norm,
                        start - len(cut),
                        IMPLEMENT_VERBS,
                    )
                )
            ):
                start, cut = c  # 深入开展|…数字化赋能专项行动: a verb of the name's field
            elif head in self.verb_rescued and inner_adverb(norm, start, starts):
                s2, c2 = self.left_edge(norm, start - 1, st, view, org)
                if governs(norm, s2, c2, IMPLEMENT_VERBS):
                    start, cut = s2, c2  # 实施|再就业工程, 实施|…退牧还草工程
            elif (
                cut == "~"
                and head in self.verb_rescued
                and (a := field_adverb(norm, start, starts, self.adverbs)) is not None
            ):
                s2, c2 = self.left_edge(norm, a, st, view, org)
                if s2 == a and governs(norm, s2, c2, IMPLEMENT_VERBS):
                    start, cut = s2, c2  # 开展|长期护理保险制度试点
            governed = governs(norm, start, cut, IMPLEMENT_VERBS)
            if (
                cut == "#"
                and self.head_type[head] == "Program"
                and head not in SITE_HEADS  # 十大钢铁基地: a count of sites
                and hs - start >= 2
                and named_type.get(start) not in ("Country", "Location")  # 九项中国|工程
            ):
                c = COUNTED_SET.search(norm, max(0, start - 6), start)
                if c is not None and (c.start() == 0 or norm[c.start() - 1] not in "等第"):
                    # 五大|协作|行动, 八大|共同|行动: a package named by its count and a
                    # field (not A、B等六大工程, a list's sum, nor 一项战略)
                    if not self.generic(counted_field(c.group(), norm[start:hs])):
                        self.add(st, c.start(), he, "Program", "pattern", short=True)
                        continue
            if cut == "届" and self.head_type[head] == "Event":
                e = EDITION_BEFORE.search(norm, max(0, start - 14), start)
                if e is not None:
                    # 第33届|…运动会: the edition opens the name (届 cuts elsewhere), and
                    # so does an organisation whose series it is (某某组织|第N届|…会议)
                    start, cut = e.start(), None
                    if named_type.get(org_end.get(start, -1)) == "Organization":
                        start = org_end[start]
            if cut == "暨" and self.head_type[head] == "Event":
                # 中国X战争暨Y纪念大会: a specific part before 暨 that ends in no head is
                # the name's first half, not a name of its own (A节暨B节: two names, see
                # ``_add``; 签署战略合作暨…: no name before 暨)
                s2, _ = self.left_edge(norm, start - 1, st, view)
                s2 = self.verb_before_name(norm, s2, start - 1, view, known)
                if (
                    start - 1 - s2 >= 2
                    and specific(norm, s2, named_starts)
                    and self.head_of(norm[s2 : start - 1]) is None
                ):
                    start = s2
            if self.head_type[head] == "Event":
                start = self.skip_opening_verbs(norm, start, hs, view, keep=EVENT_VERBS)
                if cut in FOUNDING_VERBS and ends_in_anniversary(norm, start, hs):
                    s2, _ = self.left_edge(norm, start - len(cut), st, view)
                    if start - len(cut) - s2 >= 2:
                        start = s2  # 某自治区成立|60周年庆祝活动: what the anniversary is of
            if (org or (self.head_type[head] == "Program" and not head.endswith("行动"))) and (
                named_type.get(start) != "Location"  # 遵|义…: a place jieba cut into a verb
                and (org or not governed_object(cut, IMPLEMENT_VERBS))  # 实施|知识…工程
                and not (head in PLAN_HEADS and governed_object(cut, PLAN_ISSUE_VERBS))
            ):
                start = self.skip_opening_verbs(norm, start, hs, view)
            while start < hs and norm[start] in "与和及或" and starts[start + 1]:
                start += 1  # 与主体工程同时设计: a conjunction opens no name (a word of its
                # own: not the 和 of 和平共处)
            first = norm.startswith("首次", start)
            if first and self.head_type[head] == "Event" and hs - start > 4:
                start += 2  # 首次|全国某某大会召开: "for the first time" says when, 首届 names
            if (
                norm[start] == "好"
                and start > 0
                and NAME_CHAR.match(norm[start - 1])
                and starts[start + 1]
            ):
                start += 1  # 实施好|产业基础再造工程, 筹办好|北京冬奥会: a verb's complement
            start = self.verb_before_name(norm, start, hs, view, known)
            if phased:
                start += local_open(norm[start:hs])  # 当地|某某灌区…项目一期工程: no name's
            if (
                self.head_type[head] == "Event"
                and start < body_at_end.get(he, start)
                and not EDITION_BEFORE.search(norm, max(0, body_at_end[he] - 14), body_at_end[he])
            ):
                continue  # 某院建议|某某人民代表大会: the head ends a body's name, and what
                # comes before it is no edition of its sessions (第十届|…) but the clause
            gathering = False
            if self.head_type[head] == "Event":
                a = anniversary_start(norm, hs)
                if a is not None and a <= start:
                    start, gathering = a, True  # 庆祝某某成立60周年|大会: one gathering
                else:
                    # 中欧领导人|会晤; 某某发表70周年纪念|大会
                    gathering = leaders_pair(norm, start, hs) or anniversary_before(norm, start, hs)
                p = participants_start(norm, start, hs, named_end, named_type)
                if p is not None:
                    start, gathering = p, True  # 某组织同某洲国家…领导人|对话会
                anniversary = counted_anniversary(norm, start, hs)  # 某党建党80周年|庆祝活动
                if anniversary and (k := known_before(start, named_end, named_type)) is not None:
                    start = k  # 某党校|建校90周年庆祝大会
                w = norm[starts.rfind(1, 0, start) : start]
                if (k := anniversary_owner(norm, start, hs, w, named_end, named_type)) is not None:
                    start, anniversary = k, True  # 某协会|成立|80周年庆祝活动
                # the owner of an anniversary is a known name (not 建立|对话关系N周年…)
                anniversary = anniversary and start in named_starts
                # 中某联委会第N次|会议, 某组织某某委员会第N次|会议
                owner = named_type.get(start) in ("Country", "Organization")
                shaped = anniversary or numbered_session(norm, start, hs, owner)
                if shaped and not opens_clause(
                    norm, start, norm[starts.rfind(1, 0, start) : start], self.verbs
                ):
                    shaped = anniversary = False  # 中越|立法机构联合委员会…: a cut name
                if head in CELEBRATION_HEADS and not (
                    anniversary or gathering or TITLED.search(norm, start - 1, hs)
                ):
                    continue  # 迎新春|庆祝活动: a celebration named by no anniversary or title
                gathering = gathering or shaped
                if met_at_place(norm, start, hs, head, named_end, named_type):
                    continue  # 在某地|会晤: the verb after where they meet
            quoted = None
            q = quoted_before(norm, start, hs if self.head_type[head] == "Event" else None)
            if q is not None:
                quoted = (q + 1, start - 1)
                start = q
                a = self.known_with_word_before(norm, q, quoted[1], view)
                if a is not None:
                    quoted, start = (a, quoted[1] + 1), a  # 共建|“一带一路”|青年交流计划
                e = EDITION_BEFORE.search(norm, max(0, q - 14), q)
                if e is not None and self.head_type[head] == "Event":
                    start = e.start()  # 第五届|“一带一路”…论坛: the edition is in the name
            if (
                self.head_type[head] == "Event"
                and named_type.get(start) == "Location"
                and norm[start - 1 : start] == "环"
            ):
                start = edition_start(norm, start, place_at=True)  # 第N届环|某湖自行车赛
            if head in self.short_heads:
                self.add_short_form(
                    st, norm, view, head, start, hs, he, event_ends, named, named_end, named_type
                )
                continue
            if head in self.whole_heads and hs in place_ends:
                start = zone_start(place_ends, hs)  # 某市|自由贸易试验区: the places' zone
            elif head in self.whole_heads:
                self.add_whole_head(st, norm, view, start, hs, he)  # 自贸试验区: the programme
                continue
            if head == "中全会" and hs - start == 1:
                # 某届二中、|三中全会: the last of a list of sessions (heads/plenum_list)
                self.add(st, start, he, "Event", "pattern")
                continue
            if hs - start < 2 and not org:
                continue
            if (
                head in TOKEN_HEADS
                and not norm.startswith(("中国", "国家"), start)
                and quoted is None
            ):
                continue  # …网 only in 中国乡村旅游网-style names
            if org:
                self.add_organisation(
                    st,
                    norm,
                    view,
                    head,
                    start,
                    hs,
                    he,
                    quoted,
                    named,
                    named_end,
                    named_type,
                    named_ends,
                    places,
                )
                continue
            rescued = head in self.verb_rescued and (
                governed
                or conjunct_of_rescued(norm, start, rescued_ends)
                or issued_plan(norm, start, hs, cut, head)
            )
            if rescued and head in PLAN_HEADS:  # not 城市群|规划, 一体化规划|建设
                rescued = plan_named(norm, start, hs, he, starts, self.adverbs, self.generic)
            elif rescued and head in BATTLE_HEADS:
                rescued = battle_field(norm_name(norm[start:hs]))  # not 反腐败斗争|攻坚战
            if rescued and head in PROSE_RESCUED:
                statute = is_statute(norm) if statute is None else statute
                rescued = not statute
            if head in GOVERNED_ONLY:
                s2, c2 = (start, cut) if quoted is None else self.left_edge(norm, start, st, view)
                launched = (s2 == start and governs(norm, s2, c2, CAMPAIGN_VERBS)) or (
                    quoted is None and conjunct_of_rescued(norm, start, rescued_ends)
                )  # 开展|某某行动和|爱国卫生运动
                if not governed_campaign(head, launched, quoted):
                    continue  # 开展|爱国卫生运动, 开展|“扫黄”斗争; not 同“某某”斗争
                statute = is_statute(norm) if statute is None else statute
                if statute:
                    continue  # a statute's duty (应当开展…运动) names none of its own
            if head in self.verb_only and not (quoted or rescued or YEAR.match(norm, start)):
                continue  # 实施|粮食节约行动, 2026年春风行动; not 以色列军事行动
            if head in self.weak_heads and (
                (
                    quoted is None
                    and not rescued
                    and not gathering
                    and not phased
                    and not specific(norm, start, named_starts)
                    and not dated(norm, start, hs)
                    and not (head == "工程" and self.opens_with_proper_name(norm, start, hs, view))
                    # 某某(proper name)机场项目|竣工仪式: a project named by a proper name
                    and not (head.endswith("仪式") and ceremony_of_project(norm, start, hs))
                )
                or not (
                    self.ends_phrase(
                        norm,
                        he,
                        view,
                        self.head_type[head] == "Event",
                        # a name that opens with a known name may be the subject of a
                        # predicate (某某…示范区|基本建成, …规划|正式印发)
                        predicate=start in named_starts and head not in SITE_HEADS,
                    )
                    # an edition names one event, whatever follows (第十四届…运动会|群众比赛)
                    or (self.head_type[head] == "Event" and ORDINAL_OPEN.match(norm, start))
                    # and a session in a place follows one (…对话会|某国专场)
                    or (self.head_type[head] == "Event" and session_after(norm, he))
                    # so does a year an activity's (2031年某某专场活动|首批岗位发布)
                    or (head.endswith("活动") and YEAR.match(norm, start))
                )
            ):
                continue  # 用地规划, 村民会议, 能源基地: class nouns; 战略|导弹部队
            if quoted is None and venue_ceremony(norm, start, hs, head):
                continue  # 某地赛区|颁奖仪式: one of a venue's daily ceremonies
            if (
                head in self.weak_heads
                and self.head_type[head] == "Program"
                and quoted is None
                and named_end.get(start) == hs
                and (
                    named_type[start] in ("Country", "Organization")
                    or (head == "试点" and named_type[start] == "Location")
                )
            ):
                continue  # 联合国|议程, 某国|基地, 某省|试点: a known name and a weak head
                # name no plan (a pilot in a place is no programme of its own)
                # (an organisation's meetings are events: 阿盟|峰会)
            if head in MEMO_HEADS and (start := memo_start(norm, start, hs)) is None:
                continue  # 双方签署|合作备忘录: a memorandum names its field
            key = None
            if self.head_type[head] == "Event" and named_type.get(start) in BODY_TYPES:
                key = session_key(
                    named_label[start], norm[start : named_end[start]], norm[named_end[start] : he]
                )
            elif self.head_type[head] == "Event" and PLENARY.search(norm, start, he):
                # 第N届|某委员会|第M次全体会议 = N届|某委|M次全会: one key (heads/editions)
                lo, hi = bisect.bisect_left(named, start), bisect.bisect_left(named, hs)
                bodies = [(b, named_end[b], named_label[b]) for b in named[lo:hi]
                          if named_type[b] in BODY_TYPES and named_end[b] <= hs]  # fmt: skip
                key = plenary_key(norm, start, he, bodies)
                if key is None and (short := plenum_name(norm, start, he)) is not None:
                    e = self.gaz.lookup(short)  # 中国共产党第N届中央委员会第M次全体会议
                    key = e.id if e is not None else open_key("Event", short)
            elif head.endswith("仪式") and self.head_type[head] == "Event":
                key = ceremony_key(norm_name(norm[start:he]))  # 某某|项目|竣工仪式
            self.add(
                st,
                start,
                he,
                self.head_type[head],
                "pattern",
                quoted=quoted,
                key=key,
                governed=rescued or governed,
            )
            if rescued:
                rescued_ends.add(he)
        st.candidates.extend(  # 经过|某某运动|的: a name found once, found again
            repeats(st, norm, starts, ends, first, lambda: is_statute(norm))
        )
        event_organs(st, norm)
        split_sessions(st, norm)  # 某委员会9日举行|第五次会议: the body's session
        party_congresses(st, norm)  # 某共十四大: a foreign party's congress written short
        cpc_congresses(st, norm, self.gaz, view)  # 十四大|以来
        npc_sessions(st, norm, self.gaz)  # 五届人大四次会议: the NPC's
        nested_laws(st, self.gaz)  # 某某法|实施条例: the law it carries out
        designated_days(st, norm)  # 今天是(第N个)世界某某日: the day is an event
        edition_festivals(st, norm, ends, self.verbs)  # 第N届某某艺术节: a festival
        hosted_names(st, norm, self.event_heads)  # 由某部主办的“某某展”: the event hosted
        quoted_media(st, norm, self.gaz)  # 《某某时报》, 《某某》杂志: the medium
        cited_media(st, norm, self.gaz)  # 据某某电视台报道: the medium cited
        publishers(st, norm, self.gaz)  # 由某某出版社出版: the publisher
        short_plenums(st, norm)  # 某某纪委|三次全会: the body's session
        study_meetings(st, norm)  # 学习贯彻某某思想主题教育工作会议: a gathering's name
        study_campaigns(st, norm)  # 学习贯彻某某思想主题教育: the campaign, then its head
        elections(st, norm)  # 某国|第N届总统选举: the election a place holds
        self.quoted_programmes(st)
        for s, e in joint_lines(st):
            self.add(st, s, e, "Program", "line")  # 中某|铁路: a project of two countries
        for s, e in party_spans(st, norm, view, self.verbs):
            self.add(st, s, e, "Organization", "party")  # 某国|劳动党: the country's party
        company_short_forms(st, norm, starts, ends)  # 某某科技有限公司 … 某某科技: one company
        for s, e in armed_units(norm):
            self.add(st, s, e, "Organization", "organ", short=True)  # 某组织下属武装派别|某某旅
        for s, e, a, b in defined_orgs(st, norm, self.gaz, starts, self.cut_words):
            n0 = len(st.candidates)
            self.add(st, s, e, "Organization", "organ")  # 某国某某运动（某某）: the full name
            if len(st.candidates) > n0:
                st.candidates.extend(short_mentions(st, norm, st.candidates[-1], a, b, starts))
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
