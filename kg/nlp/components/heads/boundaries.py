"""Left boundaries of bare names for ``kg_patterns``: where a name that ends in a head word
starts — after the last boundary word (``boundary_words.txt``), cutting word of jieba's
(adverb, preposition, …), person, post title or counted phrase before it — which verbs
that open it are dropped (保证|建设工程), and whether a weak head ends its noun phrase.

>>> COUNTED.search("遴选4个试点示范项目").group()
'4个'
"""

from __future__ import annotations

import bisect
import re

from kg.nlp.components.heads.editions import EVENT_ORGANS
from kg.nlp.components.heads.event_names import DATE_AFTER, EVENT_AFTER
from kg.nlp.components.heads.implemented_names import PLAN_HEADS, PLAN_ISSUE_VERBS
from kg.nlp.components.heads.words import (
    HAN,
    NAME_CHAR,
    NAME_TAIL,
    DocView,
    segmenter_freq,
)
from kg.nlp.text import jieba_tags

# jieba's idioms and set phrases (after a name: its predicate, …试验区|初具规模) and time
# words (after an event's name: when it happens), by tag: a look-up in jieba's tag table
# (read once per process) spares building sets of ~43k words in each worker
PREDICATE_TAGS = frozenset({"i", "l"})
TIME_TAG = "t"

# a counted phrase ends the left context: 遴选4个|…, 258个|试点示范项目, 五大|工程
COUNTED = re.compile(
    r"(?:[\d一二三四五六七八九十百千万两几多]+(?:个|项|批|家|所|类|种|条|座|大|支|只|期|亿|万|轮|场))"
    r"|(?:[\d一二三四五六七八九十]{1,3}(?:月|日|号))"  # 8月21日至22日|于…: a date
    r"|(?:[一二三四1-4]季度)"  # 一季度|国家开发银行…
    r"|(?:首(?:批|个|家))"  # 全国首批|…先行区: the first of a class
)
# a short gloss in brackets inside a name, a word of two to four Han characters with more
# of the name after it (某组织成员国交通部长（大臣）会议, 中国（某市）国际…博览会): not a
# number, a date, one character read either way (村（居）民)
GLOSS = re.compile(r"[（(][\u4e00-\u9fff]{2,4}[）)]\Z")
# a numbered session right before a post title (第五次|委员长会议)
SESSION_BEFORE = re.compile(r"第?[\d一二三四五六七八九十百零〇]+次\Z")
# an amount opens no programme's name (1亿亩|试点)

# boundary words that also occur inside names (乡村建设样板工程, 资源开发数据平台)
NAME_INTERNAL = frozenset(
    {"建设", "建成", "开发", "组织", "形成", "整合", "集成", "合作", "提升", "深化"}
)
# of these, the ones that stand inside a noun compound after a noun (要素整合利用, 整治提升,
# 区域合作); 建设, 建成, 形成 after a noun are a subject's predicate (上海建设|X中心)
COMPOUND_INTERNAL = frozenset({"集成", "整合", "提升", "深化", "合作", "开发", "组织"})

# verbs that open programme names as their policy area (扶贫济困服务平台, 打击…, 促进…)
POLICY_VERBS = frozenset(
    {
        "扶贫",
        "打击",
        "促进",
        "振兴",
        "保护",
        "治理",
        "整治",
        "发展",
        "创新",
        "改革",
        "开发",
        "防治",
        "推进",
        "加强",
        "提升",
        "繁荣",
        "复兴",
        "建设",
        "融合",
        "传承",
        "共建",
        "援助",
        "帮扶",
    }
)
# the policy verbs that open a plan's name after the verb that draws it up or carries it
# out (实施|提升某某质量三年行动, 制定|深化某某体制改革方案): words of the name there, cuts
# elsewhere (要|深化|某某改革)
PLAN_VERBS = frozenset({"提升", "深化"})
# the verbs that draw up or issue a plan, and the two that launch or carry one out
GOVERNING_VERBS = PLAN_ISSUE_VERBS | {"实施", "启动"}
# a plan's heads, and an action plan's (某某三年行动, 某某行动计划)
PLAN_HEAD = re.compile(
    "|".join(sorted(PLAN_HEADS | {"三年行动", "行动计划"}, key=lambda w: (-len(w), w)))
)

# characters that end a noun phrase after its head (的, localizers, copula, conjunctions)
PHRASE_END_CHARS = frozenset("的上中下里内外和与及或等为是已将正由对向在于以并也都")


class LeftEdge:
    """The boundary rules of ``Patterns`` (a mixin: it reads the word sets and expressions
    that ``Patterns`` sets up)."""

    def cuts(self, norm: str, i: int, hs: int, st, view: DocView) -> list[tuple[int, str]]:
        """Positions in ``[i, hs)`` after which a bare name may start, with what cut there.

        A boundary word cuts only where it is a whole word (等 cuts 基地等设施, not 高等教育;
        就 cuts 就是, not 就业); a counted phrase (4个, 五大) cuts after its counter; 暨 joins
        two names (山货购物节暨海鲜美食节).
        """
        starts, ends = view.starts, view.ends
        cuts = []
        for m in self.boundary_re.finditer(norm, i, hs):
            a, b = m.span()
            if (starts[a] or a == i) and (ends[b] or b == hs):
                cuts.append((b, m.group()))
        # a word of a cutting class (adverb, preposition, conjunction, pronoun, particle)
        cut_words, verb_ends, verb_openers = self.cut_words, self.verb_ends, self.verb_openers
        a = i
        while a < hs:
            b = starts.find(1, a + 1, hs)  # the next token start (or hs)
            if b < 0:
                b = hs
            if starts[a] and ends[b]:
                w = norm[a:b]
                if w in cut_words:
                    cuts.append((b, "~"))
                elif len(w) >= 3 and w[-2:] in verb_ends and w[:-2] in verb_openers:
                    # 颁布实施|…, 认真落实|…: one token of jieba's, a verb or an adverb
                    # before a verb that governs the name (not 废物利用|研究中心)
                    cuts.append((b, w[-2:]))
            a = b
        # a person or a post title ends the context (副会长孟海东|作客…论坛)
        persons = view.person_ends(st)
        if persons:
            cuts.extend((end, "@") for end in persons if i < end <= hs)
        for m in self.post_re.finditer(norm, i, hs):
            if starts[m.start()] and ends[m.end()]:
                if (
                    m.end() == hs
                    and norm.startswith("会议", hs)
                    and SESSION_BEFORE.search(norm, max(i, m.start() - 8), m.start())
                ):
                    continue  # 第五次|委员长会议: the post names who meets in a numbered
                    # session (not 某某主席会议 alone: a standing mechanism)
                cuts.append((m.end(), "@"))
        for m in COUNTED.finditer(norm, i, hs):
            if ends[m.end()]:  # 五大|工程, 4个|…, not 24365大|学生
                cuts.append((m.end(), "#"))
        cuts.sort()
        return cuts

    def left_edge(
        self, norm: str, head_start: int, st, view: DocView, org: bool = False
    ) -> tuple[int, str | None]:
        """Where a bare name ending at ``head_start`` begins, and the cut word before it
        (``org``: an organisation's head)."""
        i = head_start
        lo = max(0, head_start - self.max_len)
        gloss = None  # the span of a gloss in brackets inside the name
        while i > lo:
            # past the name characters before i (one search, not a match per character)
            m = NAME_TAIL.search(norm, lo, i)
            if m is not None:
                i = m.start()
            if (
                i > lo
                and norm[i - 1] == "—"
                and i - 2 >= lo
                and NAME_CHAR.match(norm[i - 2])
                and (i < len(norm) and NAME_CHAR.match(norm[i]))
            ):
                i -= 1  # a dash between name characters (中国—东盟)
                continue
            if i > lo and norm[i - 1] in "）)" and i < len(norm) and NAME_CHAR.match(norm[i]):
                g = GLOSS.search(norm, max(lo, i - 7), i)
                if g is not None and g.start() > lo and HAN.match(norm[g.start() - 1]):
                    gloss = (g.start(), i)  # 某组织成员国交通部长（大臣）|会议: a gloss
                    lo = max(0, lo - (i - g.start()))  # inside the name, not counted in
                    i = g.start()  # its length
                    continue
            break
        # the name starts after the last cut; a cut word that also occurs inside names
        # (实施|智慧园区建设试点工程) is passed over when it would leave no body
        start, cut = i, None
        starts = view.starts
        cuts = self.cuts(norm, i, head_start, st, view)
        cut_at: set[int] | None = None  # the cut positions, when a word needs them
        verb_cuts = {(p, w) for p, w in cuts if w in GOVERNING_VERBS}
        for pos, word in reversed(cuts):
            if gloss is not None and word == "@" and gloss[0] <= pos <= gloss[1]:
                continue  # 外长（部长）: the post the gloss names is a word of the name
            if org and pos == head_start and word == "@":
                continue  # 警察|学院, 法官|学院: the post names the school's field
            if org and word == "~" and norm[starts.rfind(1, 0, pos) : pos] in self.adverbs:
                continue  # jieba tags 首都, 自然 as adverbs; the verb before an
                # organisation cuts it instead (首次入选|…)
            if (
                word in PLAN_VERBS
                and (pos - len(word), norm[pos - len(word) - 2 : pos - len(word)]) in verb_cuts
                and PLAN_HEAD.match(norm, head_start)
            ):
                continue  # 实施|提升某某三年行动: the plan's own verb opens its name
            if word in COMPOUND_INTERNAL:
                if cut_at is None:
                    cut_at = {p for p, _ in cuts}
                if self.inside_compound(norm, i, pos - len(word), cut_at, view):
                    continue  # 实施|园区整合提升行动: a noun before it, so it is no verb
                    # that governs the name but a word of it
            if head_start - pos >= 2 or word not in NAME_INTERNAL:
                start, cut = pos, word
                break
        return start, cut

    def inside_compound(self, norm: str, lo: int, ws: int, cut_at: set[int], view: DocView) -> bool:
        """Whether the word that starts at ``ws`` follows a noun of the same phrase: the
        token before it (from ``lo`` on) is made of name characters, is no verb or function
        word, and no cut falls after it (制度|集成, not 加快|建设 or 要|深化)."""
        if ws <= lo or ws in cut_at or not view.starts[ws]:
            return False
        a = view.starts.rfind(1, lo, ws)
        if a < 0:
            a = lo
        w = norm[a:ws]
        return (
            len(w) >= 2
            and NAME_TAIL.match(w) is not None
            and w not in self.verbs
            and w not in self.cut_words
        )

    def skip_opening_verbs(
        self, norm: str, start: int, hs: int, view: DocView, keep: frozenset[str] = frozenset()
    ) -> int:
        """Move a name's start past verbs that open it and govern the rest (保证|建设工程,
        扣押|进入工程, 备战|…冬奥会); a verb right before the head stays (信号覆盖工程),
        and so do the words of ``keep`` (纪念…大会). Campaign names (…行动) keep theirs
        (打击假冒种子专项行动)."""
        starts = view.starts
        for _ in range(3):
            if not starts[start]:
                break
            j = starts.find(1, start + 1, hs)
            if j < 0:
                j = hs
            w = norm[start:j]
            if j >= hs or w not in self.verbs or w in POLICY_VERBS or w in keep:
                break
            start = j
        return start

    def verb_before_name(
        self, norm: str, start: int, hs: int, view: DocView, named: list[int]
    ) -> int:
        """A verb word followed by a known name opens no name: 代表团出席|联合国海洋大会
        starts at 联合国 (the name runs from the known name to the head). ``named``: the
        starts of known names, sorted."""
        starts = view.starts
        for k in range(bisect.bisect_right(named, start), bisect.bisect_left(named, hs)):
            p = named[k]
            a = starts.rfind(1, start + 1, p)  # the last token start before p (or start)
            if a < 0:
                a = start
            if starts[p] and norm[a:p] in self.verbs and norm[a:p] not in POLICY_VERBS:
                return p
        return start

    def verb_before_parties(self, k, start: int, he: int) -> int:
        """Where a programme's name ending at ``he`` starts when a verb that governs it
        stands inside what the left edge took (``k``: the document's ``KnownNames``): two
        one-character countries (高质量共建|中某经济走廊, 要用好|中某铁路; a run of three the
        recogniser leaves unnamed) or a known
        programme that ends at ``he`` (共建|某某经济走廊) after a verb of two or three
        characters (jieba's verbs, a policy verb: 共建, a verb with its complement 好:
        用好, 办好) opens the name; else ``start``."""
        norm, starts, named_end, named_type = k.norm, k.starts, k.named_end, k.named_type
        known = set(k.programme_starts.get(he, ()))
        for p in range(start + 2, he - 2):
            if p not in known and not (
                starts[p]
                and named_type.get(p) == "Country"
                and named_end[p] == p + 1
                and named_type.get(p + 1) == "Country"
                and named_end[p + 1] == p + 2
            ):
                continue  # a country alone (某国|某某计划) or by its full name: no pair
            # the two or three characters before it (jieba may join 好 to the name: 用|好中)
            for w in (norm[p - 3 : p], norm[p - 2 : p]):
                if p - len(w) >= start and (
                    w in self.verbs or w in POLICY_VERBS or (len(w) == 2 and w[1] == "好")
                ):
                    return p
        return start

    def ends_phrase(
        self, norm: str, he: int, view: DocView, event: bool = False, predicate: bool = False
    ) -> bool:
        """Whether a weak head at ``he`` ends its noun phrase: punctuation, the end, or a
        function or clause word follows (战略，/ 战略的 / 战略实施, not 战略导弹部队); after
        an ``event``'s head a verb too (会议|审议); with ``predicate`` (a name that opens
        with a known name) a verb, an idiom or a word no dictionary holds (X试验区|初具规模,
        X规划|获批), not a noun (X基地|建设规模)."""
        if he >= len(norm) or not NAME_CHAR.match(norm[he]):
            return True
        if norm[he] in PHRASE_END_CHARS:
            return True
        j = view.starts.find(1, he + 1, len(norm))
        if j < 0:
            j = len(norm)
        word = norm[he:j]
        if predicate and (
            word in self.verbs
            or jieba_tags().get(word) in PREDICATE_TAGS
            or (len(word) >= 2 and HAN.fullmatch(word) and not segmenter_freq().get(word))
        ):
            return True
        if event and norm.startswith(EVENT_ORGANS, he):
            return True  # X运动会|组委会: the event names its organisers (see _event_organs)
        if event and (
            jieba_tags().get(word) == TIME_TAG
            or word in EVENT_AFTER
            or DATE_AFTER.match(norm, he)
        ):
            return True  # X大会|今天|开幕, X论坛|27日|举行: the news says when
        return (
            word in self.cut_words
            or (event and word in self.verbs)  # 会议|审议; not 基地|振兴, 工程|开始
            or bool(self.boundary_re.fullmatch(word))
        )
