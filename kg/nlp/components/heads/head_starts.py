"""Where a name that ends in a head word starts (``kg_patterns``): from the left edge
(``heads/boundaries``) back over a phase (某某枢纽|二期|工程), a new round, a launched
campaign's field, a list sharing the head, a count of a package (五大|协作行动), an edition
(第33届|…运动会), the first half before 暨, an anniversary or the participants of an
event, and a quoted name before the head; and whether an implementing verb governs it.

>>> HeadStart(0, "实施", None, False, True, False).governed
True
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import NamedTuple

from kg.nlp.components.heads.campaign_reach import launched_start, party_campaign_start
from kg.nlp.components.heads.counted_packages import COUNTED_SET, counted_field
from kg.nlp.components.heads.editions import (
    EDITION_BEFORE,
    edition_start,
    specific,
)
from kg.nlp.components.heads.event_names import (
    CELEBRATION_HEADS,
    FOUNDING_VERBS,
    TITLED,
    anniversary_before,
    anniversary_owner,
    anniversary_start,
    counted_anniversary,
    counted_meetings,
    ends_in_anniversary,
    known_before,
    leaders_pair,
    met_at_place,
    numbered_session,
    opens_clause,
    participants_start,
)
from kg.nlp.components.heads.implemented_names import (
    BATTLE_VERBS,
    PLAN_HEADS,
    PLAN_ISSUE_VERBS,
    field_adverb,
    governed_object,
    governs,
    inner_adverb,
    local_open,
    new_round_cut,
    phase_start,
    verb_before_head,
)
from kg.nlp.components.heads.known_names import KnownNames
from kg.nlp.components.heads.national_gatherings import national_start
from kg.nlp.components.heads.quoted import quoted_before
from kg.nlp.components.heads.shared_heads import (
    SHARED_HEADS,
    member_known,
    member_mention,
    plain_member,
    shared_head_list,
)
from kg.nlp.components.heads.words import (
    NAME_CHAR,
    RANK_WORDS,
)
from kg.nlp.text import jieba_tags

# verbs that implement a programme: right before a "weak+verb" head's name they show it
# is a named programme
IMPLEMENT_VERBS = (
    frozenset("实施 启动 推进 推动 开展 实行 组织实施 深入实施 抓好 深化 扩大".split())
    # 落实(好)|某某计划: carry out a plan made before (GUIDELINES: 贯彻落实 → implements)
    | frozenset({"落实", "落实好"})
    | BATTLE_VERBS
)
# verbs that name what an event is for: they open its name (纪念…大会, 庆祝…大会)
EVENT_VERBS = frozenset({"庆祝", "纪念", "欢庆", "表彰", "展览", "交易", "合作", "交流"})
# weak heads of physical sites: a verb after one is as often its own (基地|遭袭, 园区|扩建)
SITE_HEADS = frozenset({"基地", "园区"})

# an implementing verb within a name's reach (a cheap test before a second left edge)
IMPLEMENT_NEAR = re.compile("|".join(sorted(IMPLEMENT_VERBS, key=len, reverse=True)))
# what ends a list of names sharing a head as a verb's whole object (实施A和B战略，)
LIST_END = frozenset("，。；：,;")


class HeadStart(NamedTuple):
    """Where a head's name starts, and what the rules found on the way there."""

    start: int
    cut: str | None  # what the left edge stopped at (a boundary word, "#", "~"…)
    quoted: tuple[int, int] | None  # the quoted part of the name
    phased: bool  # a phase of one named project
    governed: bool  # an implementing verb governs the name
    gathering: bool  # an event's name shaped as one gathering (anniversary, participants)


#: the verbs that govern a programme whose field is two nouns joined (not 打好|…这场攻坚战)
_FIELD_VERBS = IMPLEMENT_VERBS - BATTLE_VERBS
#: words that rank or count programmes without naming one (重点, 重大, 一批…)
GENERIC_OPENERS = frozenset(
    {*RANK_WORDS, "各项", "有关", "这些", "这项", "一批", "若干", "相关", "各类", "一系列"}
)


def generic_before_known(norm: str, start: int, known: Iterable[int]) -> int:
    """Where a programme's name starts when only words that rank or count programmes
    (:data:`GENERIC_OPENERS`) stand between ``start`` and a known programme ending at
    the same place (``known``: the starts of the known programmes ending there):
    加快推进重点|某某惠民工程 names the known programme; else ``start``.

    >>> generic_before_known("推进重点某某工程", 2, [4])
    4
    >>> generic_before_known("推进重点某某工程", 2, [])
    2
    """
    for p in sorted(known):
        if p <= start:
            continue
        rest, a = norm[start:p], 0
        while a < len(rest):
            w = next((g for g in GENERIC_OPENERS if rest.startswith(g, a)), None)
            if w is None:
                break
            a += len(w)
        if a == len(rest):
            return p
    return start


def _noun_end(field: str) -> bool:
    """Whether ``field`` ends in a word jieba's dictionary tags as a noun (大豆, 学科, 居家;
    not 领先, 融合, 空袭: two acts may share the head, 某某领先和某某攻坚行动)."""
    tags = jieba_tags()
    for n in (4, 3, 2):
        tag = tags.get(field[-n:]) if len(field) >= n else None
        if tag is not None:
            return tag.startswith("n")
    return False


def joined_field(edge, norm: str, start: int, named_starts, head_of) -> tuple[int, str] | None:
    """Where a programme's name starts when 和/及 joins two nouns of its field and an
    implementing verb governs the whole (实施|甲类和乙类产能提升工程, 实施|新兴学科和交叉学科
    孵化行动: one programme): the words before the joiner are 2 to 10 name characters right
    after the verb, end in a noun, hold no head of their own and no known name starts in
    them or right after the joiner (实施|某某战略和…工程: two); else None. Run after
    :func:`shared_head_list`, which reads two known members as two names. ``edge(pos)``:
    the start and cut of the words ending at pos.

    >>> words = {6: (4, "实施")}
    >>> joined_field(lambda p: words[p], "某某实施大豆和油料工程", 7, set(), lambda m: None)
    (4, '实施')
    >>> joined_field(lambda p: words[p], "某某实施大豆和油料工程", 7, {4}, lambda m: None)
    >>> joined_field(lambda p: words[p], "某某实施空袭和空降行动", 7, set(), lambda m: None)
    """
    s2, c2 = edge(start - 1)
    if not (2 <= start - 1 - s2 <= 10 and governs(norm, s2, c2, _FIELD_VERBS)):
        return None
    field = norm[s2 : start - 1]
    if any(s2 <= p <= start for p in named_starts) or head_of(field) is not None:
        return None
    if not all(NAME_CHAR.match(ch) for ch in field) or not _noun_end(field):
        return None
    return s2, c2


class HeadStarts:
    """The start of a head's name (a mixin of ``Patterns``: it reads the rule families'
    resources from ``self``)."""

    def head_start(self, k: KnownNames, head: str, hs: int, he: int, org: bool) -> HeadStart | None:
        """Where the name of ``head`` (at ``hs:he``) starts, or None when there is no name
        there (or the rules added what they found themselves: a list, a counted package)."""
        st, norm, view, named_end, named_type = k.st, k.norm, k.view, k.named_end, k.named_type
        named_starts, org_end, known, starts = k.named_starts, k.org_end, k.known, k.starts
        body_at_end, rescued_ends = k.body_at_end, k.rescued_ends

        def edge(pos: int) -> tuple[int, str | None]:
            return self.left_edge(norm, pos, st, view)

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
            return None  # A、B等公共服务平台: a class noun after 等
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
            statute = k.is_statute()
            if statute:
                return None
            for a, b in items[:-1]:
                m = member_mention(st.text, a, b, head, self.gaz)
                if m is not None:
                    st.candidates.append(m)
            self.add(st, items[-1][0], he, "Program", "pattern")
            rescued_ends.add(he)
            return None
        if (
            cut in ("和", "及")
            and self.head_type[head] == "Program"
            and hs - start >= 2
            and not self.generic(norm[start:hs])  # 深化利益融合和|发展战略对接
            and (c := joined_field(edge, norm, start, k.named_starts, self.head_of)) is not None
        ):
            start, cut = c  # 实施|甲类和乙类…提升工程: one name, its field two words joined
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
                start, cut = s2, c2  # 开展|某某保险制度试点
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
                    return None
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
        if (
            self.head_type[head] == "Event"
            and cut is not None
            and head.endswith(("会议", "大会"))
            and (g := national_start(norm, start, hs, edge, k.named_starts)) is not None
        ):
            start, cut = g, None  # 召开|全国某某建设先进单位代表会议: 全国 opens the name
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
        k.first = first = norm.startswith("首次", start)  # (see ``KnownNames.first``)
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
        if self.head_type[head] == "Program":
            start = self.verb_before_parties(k, start, he)  # 共建|中某经济走廊
            start = generic_before_known(norm, start, k.programme_starts.get(he, ()))
        if phased:
            start += local_open(norm[start:hs])  # 当地|某某灌区…项目一期工程: no name's
        if (
            self.head_type[head] == "Event"
            and start < body_at_end.get(he, start)
            and not EDITION_BEFORE.search(norm, max(0, body_at_end[he] - 14), body_at_end[he])
        ):
            return None  # 某院建议|某某人民代表大会: the head ends a body's name, and what
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
            if anniversary and (o := known_before(start, named_end, named_type)) is not None:
                start = o  # 某党校|建校90周年庆祝大会
            w = norm[starts.rfind(1, 0, start) : start]
            if (o := anniversary_owner(norm, start, hs, w, named_end, named_type)) is not None:
                start, anniversary = o, True  # 某协会|成立|80周年庆祝活动
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
                return None  # 迎新春|庆祝活动: a celebration named by no anniversary or title
            gathering = gathering or shaped
            if met_at_place(norm, start, hs, head, named_end, named_type):
                return None  # 在某地|会晤: the verb after where they meet
            if counted_meetings(norm, start, hs, head):
                return None  # 两国元首两度|会晤: how often they met
        quoted = None
        q = quoted_before(norm, start, hs if self.head_type[head] == "Event" else None)
        if q is not None:
            quoted = (q + 1, start - 1)
            start = q
            a = self.known_with_word_before(norm, q, quoted[1], view)
            if a is not None:
                quoted, start = (a, quoted[1] + 1), a  # 共建|“某某”|青年交流计划
            e = EDITION_BEFORE.search(norm, max(0, q - 14), q)
            if e is not None and self.head_type[head] == "Event":
                start = e.start()  # 第五届|“一带一路”…论坛: the edition is in the name
        if (
            self.head_type[head] == "Event"
            and named_type.get(start) == "Location"
            and norm[start - 1 : start] == "环"
        ):
            start = edition_start(norm, start, place_at=True)  # 第N届环|某湖自行车赛
        return HeadStart(start, cut, quoted, phased, governed, gathering)
