"""Names that end in a head word (``kg_patterns``): whether the head ends a word and
may name one thing there, where the name starts (``heads/head_starts``), and whether what
it spans names one programme, event or organisation (a short form, a whole head, a rescued
or governed name, a specific or dated weak head) and under which key.

>>> "网" in TOKEN_HEADS
True
"""

from __future__ import annotations

import bisect
import re

from kg.nlp.components.base import open_key
from kg.nlp.components.heads.ceremonies import ceremony_key, ceremony_of_project, venue_ceremony
from kg.nlp.components.heads.editions import (
    BODY_TYPES,
    ORDINAL_OPEN,
    PLENARY,
    SPECIFIC_PREFIX,
    dated,
    party_plenum,
    plenary_key,
    plenum_key,
    plenum_name,
    session_key,
    specific,
)
from kg.nlp.components.heads.event_names import (
    session_after,
)
from kg.nlp.components.heads.funds import FUND_HEAD, fund_start
from kg.nlp.components.heads.head_starts import (
    IMPLEMENT_NEAR,
    IMPLEMENT_VERBS,
    SITE_HEADS,
    HeadStarts,
)
from kg.nlp.components.heads.implemented_names import (
    BATTLE_HEADS,
    CAMPAIGN_VERBS,
    GOVERNED_NONE,
    GOVERNED_ONLY,
    PLAN_HEADS,
    PLAN_ISSUE_VERBS,
    PROSE_RESCUED,
    battle_field,
    conjunct_of_known,
    conjunct_of_rescued,
    governed_campaign,
    governs,
    issued_plan,
    plan_named,
)
from kg.nlp.components.heads.known_names import KnownNames
from kg.nlp.components.heads.launched_names import LAUNCHED, launched_name
from kg.nlp.components.heads.memoranda import MEMO_HEADS, memo_start
from kg.nlp.components.heads.organisations import ORGAN_HEADS
from kg.nlp.components.heads.prefixed_plans import (
    PREFIX_NEAR,
    PREFIXED_HEADS,
    prefix_opens,
    prefixed_plan,
)
from kg.nlp.components.heads.river_works import river_works
from kg.nlp.components.heads.words import NAME_CHAR, YEAR, YEAR_TEXT
from kg.nlp.components.heads.zones import zone_start
from kg.nlp.text import norm_name

# heads that are heads only as a word of their own (扶贫|网, not 互联网)
TOKEN_HEADS = frozenset({"网"})
# what names a programme of a verb-only head (实施|…行动, 2026年…行动, “…”行动) near it:
# a cheap test before the left edge
VERB_ONLY_HINT = re.compile(
    rf"实施|启动|推进|推动|开展|实行|落实|”|{YEAR_TEXT}|" + "|".join(sorted(PLAN_ISSUE_VERBS))
)


class HeadNames(HeadStarts):
    """The name a head word ends (a mixin of ``Patterns``)."""

    def name_at_head(
        self, k: KnownNames, hs: int, he: int, quoted_spans: list[tuple[int, int]]
    ) -> None:
        """Add the name the head at ``hs:he`` ends, if it names one thing."""
        st, norm, view, n, named_end = k.st, k.norm, k.view, k.n, k.named_end
        named_type, named_label, named_starts = k.named_type, k.named_label, k.named_starts
        named_ends, org_end, org_starts, named = k.named_ends, k.org_end, k.org_starts, k.named
        starts, ends, event_ends, places = k.starts, k.ends, k.event_ends, k.places
        place_ends, rescued_ends = k.place_ends, k.rescued_ends
        # the head must end a word: not followed by more name characters that
        # extend it into something else (论坛上 is fine, 工程师 is not)
        head = norm[hs:he]
        org = self.head_type[head] == "Organization"
        post_tail = org and he < n and not ends[he] and self.post_tail(norm, he, view)
        if he < n and norm[he] in "师院局处部厅者" and not ends[he] and not post_tail:
            return
        j = bisect.bisect_right(quoted_spans, (hs, n + 1)) - 1
        if j >= 0 and quoted_spans[j][0] <= hs < quoted_spans[j][1]:
            return
        if self.head_type[head] == "none":
            if head in GOVERNED_NONE and IMPLEMENT_NEAR.search(norm, max(0, hs - self.max_len), hs):
                s0, c0 = self.left_edge(norm, hs, st, view)
                if hs - s0 >= 2 and governs(norm, s0, c0, IMPLEMENT_VERBS):
                    self.add(st, s0, he, "Program", "pattern")  # 实施|公民道德建设工程
            return  # 系统工程: a common noun
        if head in TOKEN_HEADS and not (starts[hs] and ends[he]):
            return  # 网 of 互联网, 电网: not a head
        if (
            he < n
            and not ends[he]
            and NAME_CHAR.match(norm[he])
            and not post_tail
            and not session_after(norm, he)  # 某某对话会|某国专场
        ):
            return  # 战略|机遇期, 规划|许可证: the head runs on into another word
        if org and (hs == 0 or not NAME_CHAR.match(norm[hs - 1])):
            return  # nothing before the head names it
        if head in ORGAN_HEADS and not (
            hs in org_end
            or (
                head != "委员会"
                and bisect.bisect_left(org_starts, hs)
                > bisect.bisect_left(org_starts, hs - self.max_len)
            )
        ):
            return  # …委员会, …理事会 only of a known organisation (a cheap test first:
            # the laws name thousands of committees)
        # only a specific prefix near a verb-only head may name it (国家某某研发计划)
        prefix_only = False
        if (
            head in self.verb_only
            and not VERB_ONLY_HINT.search(norm, max(0, hs - self.max_len), hs)
            and not LAUNCHED.match(norm, he)
        ):
            if not (
                head in PREFIXED_HEADS and PREFIX_NEAR.search(norm, max(0, hs - self.max_len), hs)
            ):
                return  # no implementing verb, year, quote or launch near: skip the left edge
            prefix_only = True
        h = self.head_start(k, head, hs, he, org)
        if h is None:
            return
        start, cut, quoted, phased, governed, gathering = h
        if (
            head in self.weak_heads
            and self.head_type[head] == "Program"
            and quoted is None
            and not starts[hs]
            and ends[he]
            and not specific(norm, start, named_starts)
        ):
            t = starts.rfind(1, start, hs)  # the word of jieba's that holds the head
            if t >= start and norm.startswith(SPECIFIC_PREFIX, t):
                start = t  # 得到|国家某某基金 (one dictionary word): a specific prefix opens
                # the name (not a token of an edition, 第N届|全国…大会: specific already)
        if head == FUND_HEAD and quoted is None:
            s = fund_start(norm, start, hs, starts, self.verbs, self.cut_words)
            if s is None:
                return  # 国家|依法…保险基金, …基金理事会负责|…: no fund's name there
            start = s
        if head in self.short_heads:
            self.add_short_form(
                st, norm, view, head, start, hs, he, event_ends, named, named_end, named_type
            )
            return
        zone = None
        if head in self.whole_heads and hs in place_ends:
            start = zone_start(place_ends, hs)  # 某市|自由贸易试验区: the places' zone
            # keyed by the innermost place's name and the full head, so that 中国|某市|…,
            # 某省某市|…, 某市|综保区 and 某市|综合保税区 are one zone
            place = self.zone_place(norm[place_ends[hs] : hs])
            zone = open_key("Program", place + self.whole_heads[head])
        elif head in self.whole_heads:
            self.add_whole_head(st, norm, view, start, hs, he)  # 自贸试验区: the programme
            return
        if head == "中全会" and hs - start == 1:
            # 某届二中、|三中全会: the last of a list of sessions (heads/plenum_list)
            self.add(st, start, he, "Event", "pattern")
            return
        if hs - start < 2 and not org:
            return
        if head in TOKEN_HEADS and not norm.startswith(("中国", "国家"), start) and quoted is None:
            return  # …网 only in 中国乡村旅游网-style names
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
            return
        rescued = head in self.verb_rescued and (
            governed
            or conjunct_of_rescued(norm, start, rescued_ends)
            or conjunct_of_known(norm, start, head, k.programme_ends)
            or issued_plan(norm, start, hs, cut, head)
        )
        if rescued and head in PLAN_HEADS:  # not 城市群|规划, 一体化规划|建设
            rescued = plan_named(norm, start, hs, he, starts, self.adverbs, self.generic)
        elif rescued and head in BATTLE_HEADS:
            rescued = battle_field(norm_name(norm[start:hs]))  # not 反腐败斗争|攻坚战
        if rescued and head in PROSE_RESCUED:
            statute = k.is_statute()
            rescued = not statute
        if head in GOVERNED_ONLY:
            s2, c2 = (start, cut) if quoted is None else self.left_edge(norm, start, st, view)
            by_verb = (s2 == start and governs(norm, s2, c2, CAMPAIGN_VERBS)) or (
                quoted is None and conjunct_of_rescued(norm, start, rescued_ends)
            )  # 开展|某某行动和|爱国卫生运动
            if not governed_campaign(head, by_verb, quoted):
                return  # 开展|爱国卫生运动, 开展|“扫黄”斗争; not 同“某某”斗争
            statute = k.is_statute()
            if statute:
                return  # a statute's duty (应当开展…运动) names none of its own
        # a programme that opens its clause as the subject of its launch (某某补水行动|正式启动)
        launched = (
            quoted is None
            and self.head_type[head] == "Program"
            and launched_name(norm, start, hs, he)
        )
        prefixed = (
            head in PREFIXED_HEADS
            and prefixed_plan(norm, start, hs, he, self.cut_words)
            and prefix_opens(norm, start, starts, self.verbs, self.cut_words)
            and not k.is_statute()  # a statute's 国家某某计划: the state's planning
        )  # 国家某某研发计划, 中国某某建造计划: a national or international opening
        if prefix_only and not prefixed:
            return
        if head in self.verb_only and not (
            quoted or rescued or launched or YEAR.match(norm, start) or prefixed
        ):
            return  # 实施|粮食节约行动, 2026年春风行动; not 某国军事行动
        if head in self.weak_heads and (
            (
                quoted is None
                and not rescued
                and not launched
                and not gathering
                and not phased
                and not specific(norm, start, named_starts)
                and not dated(norm, start, hs)
                and not (head == "工程" and self.opens_with_proper_name(norm, start, hs, view))
                # 某河|治理工程, 西|某河|分洪工程: the works of a river named by it
                and not (head == "工程" and river_works(norm, start, hs, view, self.gaz))
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
                or launched  # 某某工程|启动: its launch is the clause's predicate
            )
        ):
            return  # 用地规划, 村民会议, 能源基地: class nouns; 战略|导弹部队
        if quoted is None and venue_ceremony(norm, start, hs, head):
            return  # 某地赛区|颁奖仪式: one of a venue's daily ceremonies
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
            return  # 某组织|议程, 某国|基地, 某省|试点: a known name and a weak head
            # name no plan (a pilot in a place is no programme of its own)
            # (an organisation's meetings are events: 阿盟|峰会)
        if head in MEMO_HEADS and (start := memo_start(norm, start, hs)) is None:
            return  # 双方签署|合作备忘录: a memorandum names its field
        key = zone
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
                e = self.gaz.lookup(short)  # 某党第N届中央委员会第M次全体会议
                key = e.id if e is not None else open_key("Event", short)
            elif key is None and (pp := party_plenum(norm, start, he)) is not None:
                e = self.gaz.lookup(pp[0])  # 某某党第N届中央委员会第M次全体会议: a known party
                if e is not None and e.type == "Organization":
                    key = plenum_key(e.name, pp[1])  # the key of 某某党N届M中全会 too
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
