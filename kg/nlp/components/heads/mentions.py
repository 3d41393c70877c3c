"""Whether a span found by ``kg_patterns`` names one thing, and the mention it adds: the
head words of a text, a name's head, generic bodies (发展战略, 有关…), event editions
folded (2021年第三届山货购物节 → 山货购物节), known names under a longer form
(“一带一路”发展规划), and two names that share a head (A和B战略).

>>> m = Mentions.__new__(Mentions); m.verbs = frozenset()
>>> m.field_of_campaign("质量", "提升行动"), m.field_of_campaign("五年", "行动计划")
(True, False)
"""

from __future__ import annotations

import re

from kg.model import Mention
from kg.nlp.components.base import open_key
from kg.nlp.components.heads.boundaries import NAME_INTERNAL
from kg.nlp.components.heads.editions import (
    EDITION,
    EDITION_OF_SERIES,
    ORDINAL_IN,
    PERIOD,
    festive,
    plenum_key,
    session_of,
    specific,
)
from kg.nlp.components.heads.event_names import PLENUM, PLENUM_OWNER, PLENUM_TERM
from kg.nlp.components.heads.implemented_names import governed_class_field
from kg.nlp.components.heads.plenum_list import plenum_list
from kg.nlp.components.heads.words import CLASS_DETERMINERS, HAN, NAME_CHAR, RANK_WORDS
from kg.nlp.components.heads.zones import CITY_ZONES
from kg.nlp.gazetteer import PROVINCES
from kg.nlp.text import norm_name

# the CPC as a plenum's owner: its plenums are named with or without it
_CPC = frozenset({"", "中共", "中国共产党", "党的", "党"})
#: a scope alone before an event's head, named by its edition (第十五届|全国|运动会)
SCOPES = frozenset({"全国", "世界", "亚洲", "全球", "国际"})

# what ends the body of a class, not of one name (某某保护重大|工程, 某组织相关|会议)
CLASS_ENDS = (*RANK_WORDS, "相关", "有关")
#: what opens a class of names, no one name (此次|会议, 各类|展览, 大型|活动)
GENERIC_PREFIX = (
    *CLASS_DETERMINERS,
    "本次",
    "这次",
    "此次",
    "各类",
    "各级",
    "各种",
    "多个",
    "一系列",
    "重要",
    "系列",
    "上述",
    "这些",
    "那些",
    "其他",
    "其它",
    "专题",
    "主题",
    "国际性",
    "全国性",
    "地方",
    "新型",
    "多边",
    "双边",
    "区域",
    "国内",
    "全球性",
    "线上",
    "线下",
    "大型",
    "年度",
    "多国",
    "各国",
    "对外",
    "多项",
    "各项",
    "一批",
    "若干",
    *RANK_WORDS,
    "全省",
    "全市",
    "全县",
    "全区",
    "国家级",
    "省级",
    "市级",
    "县级",
    "一流大学",
    "主要",
)

#: nouns 战略 qualifies (战略对话, 战略伙伴关系): after them it is no strategy's head
STRATEGIC_NOUNS = ("对话", "伙伴", "合作", "协作", "沟通", "磋商", "互信")
AMOUNT = re.compile(r"\d+(?:\.\d+)?[十百千万亿]")
NUMERAL = re.compile(r"[\d一二三四五六七八九十两百千万]")
COUNT_ONLY = re.compile(
    r"[\d一二三四五六七八九十百千万两几多]+(?:个|项|批|家|所|类|种|条|座|大|支|期)?"
)

WHOLE = ("全国", "国家")

NAMED_TYPES = frozenset({"Location", "Country", "GovernmentBody", "Ministry", "Organization"})


class Mentions:
    """The checks and the mention-adding of ``Patterns`` (a mixin: it reads the gazetteer,
    the heads and the expressions that ``Patterns`` sets up)."""

    def head_spans(self, norm: str) -> list[tuple[int, int]]:
        """The head words of ``norm`` left to right, the longest at each place, none
        overlapping (:class:`kg.nlp.wordscan.WordScan`)."""
        return self.head_scan.spans(norm)

    def fold(self, name: str, type_: str) -> str:
        """An event's name without its leading year and edition (2021年第三届山货购物节 →
        山货购物节); not when another ordinal follows (第十二届全国人大常委会第十四次会议
        is one session of one term)."""
        if type_ == "Event":
            folded = EDITION.sub("", name)
            short = folded.endswith(self.short_tuple) and len(folded) < 4  # 第八届|X博会
            if (len(folded) >= 4 or short) and not ORDINAL_IN.search(folded):
                return folded
        return name

    def place_named(self, body: str, city: bool = False) -> bool:
        """Whether ``body`` is one known place (Location), e.g. 海口 before a zone's head;
        with ``city``, no province (a province has many zones of a kind: 某省|综保区 is
        the class).

        >>> from kg.nlp.gazetteer import load_gazetteer
        >>> p = Mentions(); p.gaz = load_gazetteer()
        >>> p.place_named("海口"), p.place_named("江苏"), p.place_named("江苏", city=True)
        (True, True, False)
        """
        e = self.gaz.lookup(body)
        return e is not None and e.type == "Location" and not (city and e.category in PROVINCES)

    def zone_place(self, body: str) -> str:
        """The name a zone is keyed by before its head: the shortest name (two characters
        or more) of the place ``body`` the gazetteer knows (广东省, 广东 → 广东), else ``body``.

        >>> from kg.nlp.gazetteer import load_gazetteer
        >>> p = Mentions(); p.gaz = load_gazetteer()
        >>> p.zone_place("广东省"), p.zone_place("某某")
        ('广东', '某某')
        """
        e = self.gaz.lookup(body)
        if e is None or e.type != "Location":
            return norm_name(body)
        return min((n for n in (e.name, *e.aliases) if len(n) >= 2), key=len, default=e.name)

    def open_head(self, name: str) -> str | None:
        """The longest head of ``open_heads.tsv`` that ends ``name`` (one lookup a length)."""
        for k in self.head_lengths:
            if k <= len(name) and name[-k:] in self.head_type:
                return name[-k:]
        return None

    def head_of(self, name: str) -> str | None:
        h = self.open_head(name)
        if h is not None:
            return h
        for h in self.quoted_heads:
            if name.endswith(h):
                return h
        return None

    def generic(self, body: str) -> bool:
        """A body that names nothing: generic words only, a count, or a class prefix."""
        return (
            len(body) < 2
            or body.isdigit()
            # 生物多样性保护重大工程: a class of projects; 某组织相关会议: some of its meetings
            or body.endswith(CLASS_ENDS)
            # 指令性|计划, 指导性|计划: a kind of plan, not one (not 节能减排综合性|工作方案)
            or (len(body) <= 3 and body.endswith("性"))
            or body.startswith(GENERIC_PREFIX)
            or bool(self.generic_re.fullmatch(body))
            or bool(COUNT_ONLY.fullmatch(body))
        )

    def opens_with_known(self, name: str, end: int) -> bool:
        """Whether ``name`` opens with a place, a country or a body the gazetteer knows,
        of two to six characters and before ``end`` (某区北斗合作|大会 after its year)."""
        for k in range(min(end, 6), 1, -1):
            e = self.gaz.lookup(name[:k])
            if e is not None and e.type in NAMED_TYPES:
                return True
        return False

    def opens_with_programme(self, body: str) -> bool:
        """Whether ``body`` opens with a programme the gazetteer knows, of four characters
        or more, and goes on past it (某某战略|五年, not the programme's name alone) with
        no class word at its end (“十四五”规划|重大|工程: the plan's major projects, a class)."""
        if body.endswith(CLASS_ENDS):
            return False
        for k in range(len(body) - 1, 3, -1):
            e = self.gaz.lookup(body[:k])
            if e is not None and e.type == "Program":
                return True
        return False

    def field_of_campaign(self, body: str, head: str | None) -> bool:
        """Whether a two-character ``body`` names the field of a head that itself says
        what kind of campaign it is (质量|提升行动, 标准|提升行动, 中老|经济走廊): a noun,
        no verb (深化|提升行动: an elliptic reference), no count or period (五年|行动计划).

        >>> p = Mentions.__new__(Mentions); p.verbs = frozenset({"深化"})
        >>> p.field_of_campaign("质量", "提升行动"), p.field_of_campaign("深化", "提升行动")
        (True, False)
        >>> p.field_of_campaign("五年", "行动计划"), p.field_of_campaign("质量", "工程")
        (False, False)
        """
        return head is not None and len(head) >= 4 and self.noun_field(body)

    def noun_field(self, body: str) -> bool:
        """Whether a two-character ``body`` is a noun that can name a field (名牌, 质量):
        no verb (深化), count or period (五年).

        >>> p = Mentions.__new__(Mentions); p.verbs = frozenset({"深化"})
        >>> p.noun_field("名牌"), p.noun_field("深化"), p.noun_field("三大")
        (True, False, False)
        """
        return (
            len(body) == 2
            and HAN.fullmatch(body) is not None
            and not NUMERAL.search(body)
            and body not in self.verbs
            and body not in NAME_INTERNAL
        )

    def add(
        self,
        st,
        start: int,
        end: int,
        type_: str,
        rule: str,
        quoted: tuple[int, int] | None = None,
        short: bool = False,
        key: str | None = None,
        governed: bool = False,
    ) -> None:
        """Add the name ``text[start:end]``; ``quoted`` is the span of a quoted part that
        opens it (“一带一路”发展规划): when that part is a known name and the rest is only
        generic words, the mention is the known entity under a longer form. ``short``: an
        event's short form (大运会, 第八届X博会), a name however short. ``governed``: an
        implementing verb governs the name (a field and a class word name a programme
        there: :func:`~kg.nlp.components.heads.implemented_names.governed_class_field`)."""
        text = st.text
        surface = text[start:end]
        j = surface.find("暨")
        if j > 0:
            parts = ((start, start + j), (start + j + 1, end))
            # 第四届山货购物节暨海鲜美食节: two events when both parts end in a head;
            # X战争暨Y战争胜利纪念大会 is one event (the first part names no event)
            if all(self.head_of(norm_name(text[a:b])) for a, b in parts):
                for a, b in parts:
                    self.add(st, a, b, type_, rule)
                return
        name = norm_name(surface)
        if (len(name) < 4 and not short) or name in self.gaz.not_entities:
            return
        k = max(surface.rfind("和"), surface.rfind("与"), surface.rfind("及"))
        if k > 0:
            tail = self.gaz.lookup(surface[k + 1 :])
            if tail is not None and tail.type == type_:
                # 以质取胜和市场多元化战略: two names sharing a head, not one name; the
                # known second one is the mention
                st.candidates.append(
                    Mention(
                        start + k + 1,
                        end,
                        surface[k + 1 :],
                        tail.type,
                        tail.id,
                        tail.name,
                        "gazetteer",
                    )
                )
                return
        h = self.head_of(name)
        if h == "中全会":
            m = PLENUM.search(name)
            if m is None:
                # 某届二中、|三中全会: the sessions of a list, each with the list's term
                for full, a, b in plenum_list(st.norm, start, end):
                    e = self.gaz.lookup(full)
                    k = e.id if e is not None else open_key("Event", full)
                    st.candidates.append(Mention(a, b, text[a:b], type_, k, full, rule))
                return  # 这是|六中全会: a plenum is named with its term
            k = surface.rfind(m.group())
            if k > 0 and name[: m.start()] not in PLENUM_OWNER:
                # 认真总结|十一届三中全会: the words before the term are no part of it
                self.add(st, start + k, end, type_, rule, key=key)
                return
            term = PLENUM_TERM.search(name).group()
            if name[: len(name) - len(term)] in _CPC:
                # 中共|二十届三中全会, 党的…, 中国共产党…: one plenum of the CPC, one key
                e = self.gaz.lookup(term)
                key = e.id if e is not None else open_key("Event", term)
            elif (o := self.gaz.lookup(name[: len(name) - len(term)])) is not None and (
                o.type == "Organization"
            ):
                key = plenum_key(o.name, term)  # 某党|N届M中全会: the key of its full form
        if h == "招待会" and quoted is None and "周年" not in name:
            return  # 某国友人春节|招待会: a reception is named by its anniversary or quotes
        if h == "战略" and st.norm.startswith(STRATEGIC_NOUNS, end):
            return  # “某某”战略|对话机制: 战略 qualifies the noun after it (a strategic
            # dialogue, partnership), it names no strategy
        if h == "部长会议" and st.norm.startswith(("主席", "副主席", "第一副主席"), end):
            return  # 某国部长会议|主席: the council of ministers, a body, not a meeting
        body = name[: -len(h)] if h else name
        body = EDITION.sub("", body) if type_ == "Event" else body
        e = self.gaz.lookup(name)
        if e is not None:
            st.candidates.append(Mention(start, end, surface, e.type, e.id, e.name, "gazetteer"))
            return
        if quoted is not None:
            q = norm_name(text[quoted[0] : quoted[1]])
            rest = body[len(q) :]
            qe = self.gaz.lookup(q)
            if (
                qe is not None
                and qe.type in ("Program", "Event")
                and (not rest or self.generic(rest))
            ):
                st.candidates.append(
                    Mention(start, end, surface, qe.type, qe.id, qe.name, "gazetteer")
                )
                return
        if type_ == "Organization":
            pass  # its caller tells a specific organisation name (``_org_specific``)
        elif short:
            pass  # 亚运会, 特奥会: the short form is the name
        elif type_ == "Event" and h and len(h) >= 3 and h[-1] in "年月周日" and body in WHOLE:
            pass  # 全国安全生产月, 全国节能宣传周: a designated period of the whole country
        elif (
            quoted is not None
            and type_ == "Program"
            and quoted[1] == end
            and bool(COUNT_ONLY.fullmatch(body))
            and h not in self.weak_heads - self.verb_only
        ):
            pass  # “三大工程”, “六项行动”: a quoted set of programmes, named by its count
        elif (
            type_ == "Event"
            and body in SCOPES
            and h is not None
            and not h.endswith(("会议", "代表大会"))
            and (ed := EDITION_OF_SERIES.match(name)) is not None
            and ed.group().endswith("届")
        ):
            pass  # 第十五届|全国|运动会: the edition names one national games, not a class
        elif governed and type_ == "Program" and governed_class_field(body, self.generic, h):
            pass  # 实施|某某振兴发展重大工程, 开展|重点某某行动: a field and its class word
        elif h in self.whole_heads and self.place_named(
            body, city=self.whole_heads[h] in CITY_ZONES
        ):
            pass  # 某市|综保区: a zone's short head after the place it is named by (the
            # full head, 某市|综合保税区, passes as a field of four characters)
        elif type_ == "Program" and self.opens_with_programme(body):
            pass  # 某某发展战略|五年行动计划: the plan of a known programme (its name may
            # open with a word that opens class nouns too: 新型, 区域)
        elif self.generic(body) or (
            quoted is None
            and type_ == "Program"
            and (
                (
                    len(body) < 3
                    and not self.field_of_campaign(body, h)
                    # 实施|名牌战略, 实施|精品战略: a strategy the verb carries out, named by
                    # a two-character field (not 国家|战略, 发展|战略: generic), ending its
                    # phrase (not 推进|中甲战略|伙伴关系)
                    and not (
                        governed
                        and h == "战略"
                        and self.noun_field(body)
                        and not NAME_CHAR.match(st.text[end : end + 1])
                    )
                )
                or AMOUNT.match(body)
            )
        ):
            return  # 发展战略, 合作倡议; 绿化工程, 修复工程: too short to name anything;
            # 1亿亩|试点: an amount, no name
        folded = self.fold(name, type_)
        ht = self.gaz.head_type(folded)
        if ht and ht[0] == folded and not (short and folded != name):
            return  # 第十二次全国代表大会 → 全国代表大会: a class noun once the edition goes;
            # a dated short form is one edition (2024年奥运会)
        if type_ == "Event" and not ORDINAL_IN.search(name) and not PERIOD.match(name):
            be = self.gaz.lookup(body)
            if be is not None and be.type in ("GovernmentBody", "Ministry"):
                return  # 全国人民代表大会会议, 国务院全体会议: a body's meetings, no one of them
        canon = self.fold(name, type_)
        if (
            canon != name
            and h in self.weak_heads
            and quoted is None
            and not specific(canon, 0, set())
            and self.gaz.lookup(canon[: -len(h)]) is None  # 第42届|东盟|峰会: a known body
            and not self.opens_with_known(canon, len(canon) - len(h))  # 2025|某区…大会
            and not (
                h != "会议"
                and (len(canon) >= 6 or name.startswith("首届") or festive(canon, h))
                and not canon.endswith("代表大会")
                and EDITION_OF_SERIES.match(name)
            )
        ):
            return  # 第一次债权人会议 → 债权人会议: a class of meetings; a long name
            # after an edition of a series is one event (第二届|某某发展世界峰会)
        e = self.gaz.lookup(canon)
        if e is not None and not (e.type == "Organization" and session_of(name, canon, type_)):
            st.candidates.append(Mention(start, end, surface, e.type, e.id, e.name, "gazetteer"))
            return
        st.candidates.append(
            Mention(start, end, surface, type_, key or open_key(type_, canon), canon, rule)
        )
