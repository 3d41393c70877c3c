"""Quoted names for ``kg_patterns``: a quote and the head after it (“清溪”系列专项行动),
a whole quoted name (“强基计划”), a numeric shorthand of a policy an implementing verb
governs (实施“双减”政策), a quoted programme an implementing verb governs (深入实施
“兴边富民”), a sector's plan for a quoted period (军队建设“十四五”规划), and a known
programme quoted inside a longer name.

>>> governed_shorthand("实施“双减”政策", 2, 6), implemented_quote("落实“三个区分开来”。", 2, 10)
(True, False)
>>> quoted_before("“十四五”数字经济发展规划", 5)
0
"""

from __future__ import annotations

import re

from kg.model import Mention
from kg.nlp.components.heads.editions import edition_start
from kg.nlp.components.heads.event_names import designated_period, session_after
from kg.nlp.components.heads.words import HAN, NAME_CHAR, DocView

# a quoted numeric shorthand of a policy (“两新”, “双减”, “四好农村路”); not a counted
# slogan (“两个确立”, “五项要求”, “八大行动”), a period (“十四五”) or a per-unit method
# (“一企一策”)
SHORTHAND = re.compile(r"[一二三四五六七八九十两双][\u4e00-\u9fff]{1,5}")
NOT_SHORTHAND = re.compile(r".[个项大位]|十.五|一.{1,3}一")
# what governs a shorthand that names a policy instrument: an implementing verb and at most
# three characters of modifier (实施|“两新”, 抓好本地|“一补”“两减”); ideological verbs
# (坚持, 树牢, 增强, 做到) govern slogans
SHORTHAND_VERB = re.compile(
    r"(?:实施|推进|落实|抓好|用好|建设|推广|执行|巩固)[\u4e00-\u9fff]{0,3}\Z"
)
# what may follow the shorthand (or its chain “A”“B”): the end of the phrase or a word that
# makes it the policy itself (“两新”政策, “双一流”建设), not a field or a concept (“三农”工作,
# “三新”领域, “三不腐”理念)
SHORTHAND_NEXT = ("的", "等", "和", "与", "及", "政策", "建设", "战略", "成果")
# an implementing verb, then up to 14 characters of modifiers in the same clause, right
# before a quoted programme (实施城乡结对、资源下沉|“…”)
IMPLEMENTING_BEFORE = re.compile(r"(?:实施|开展|启动|推广|推进)[\u4e00-\u9fff、]{0,14}\Z")
# a preposition that gives such a verb a target or a purpose (对某地实施“…”, 为推进…贡献
# “…”), or a copula that makes the quote a predicate (开展…是“…”)
TARGET = re.compile(r"[对向为是]")
# a counted slogan opens with a count (“两个确保”, “三个集中”, “四种形态”)
COUNTED_OPEN = re.compile(r"[一二三四五六七八九十两\d]+[个种条点大]")
# what ends a quoted experiment, a field, a target, a model practice, a product or a
# meeting, not a programme (“…实验”, “…建设”, “…经验”, “…13号”, “…对接会”)
NOT_PROGRAMME_ENDS = ("实验", "试验", "建设", "家庭", "经验", "处理", "号", "会", "机制", "外交")
# after 等, the class nouns of ways of working (推广“A”“B”等方式)
LIST_OF_WAYS = re.compile(
    r"等[\u4e00-\u9fff]{0,4}?(?:方式|模式|机制|做法|形式|办法|技术|举措|措施|便利)"
)
# what may follow a quoted programme: the end of the phrase or 等
AFTER_QUOTED_NAME = frozenset("，。；、：等和与及）)\n")
NEXT_QUOTE = re.compile(r"、?“[^“”\n]{1,8}”")
# the last word of a sector before its period plan (…建设|“十四五”规划)
SECTOR_TAIL = re.compile(r"(?:建设|发展|体系|事业|产业|保护|治理|改革)\Z")
QUOTE_IN = re.compile(r"“([^“”]{2,12})”")
# a quoted theme or slogan that opens with the act of carrying a programme out (after a
# clause of its own: “完善某某体系，加快实施某某战略”): the act is no word of the name
QUOTED_ACT = re.compile(
    r"(?:[^，,]*[，,])?(?:深入|加快|继续|全面|大力|扎实|积极|持续)*"
    r"(?:贯彻落实|组织实施|实施|推进|落实|开展)"
)
# a document's title keeps the verb it opens with (“加快推进某某三年方案”)
DOCUMENT_HEADS = ("计划", "方案", "规划", "纲要", "意见")
QUOTED_NAME = re.compile(r"[\u4e00-\u9fffA-Za-z0-9·—.]{1,10}")  # 2.0: a version
# before a head, a plus may join its fields (“某某+某某”|应用场景创新行动, “某组织+”|峰会): a
# quote alone with one is a way of working as often (实施“林草固沙+生态修复”)
# the field after a known plus programme's plus (“某某+政务服务”, “某某+医疗健康”)
FIELD_AFTER_PLUS = re.compile(r"[\u4e00-\u9fff]{2,8}")
QUOTED_HEAD_NAME = re.compile(r"[\u4e00-\u9fffA-Za-z0-9·—.+]{1,10}")
# one character between a quoted theme and a head that makes the quote no part of a name
# (围绕“…”作|大会发言, “…”为|会议主题)
THEME_GAP = frozenset("作为在是的和与对向就")
# a quoted theme that opens an event's name: words, a colon, a dot, a space between them,
# a comma between the two halves of a slogan (“某某寰宇，某某新篇”|主题晚会)
QUOTED_THEME = re.compile(r"[\u4e00-\u9fffA-Za-z0-9·—.：:、， ]{2,30}")
# the meetings of a treaty's parties, named by the treaty (《某公约》|缔约方大会, |审议大会)
TREATY_MEETING = re.compile(r"(?:第[一二三四五六七八九十百零〇\d]+(?:届|次))?(?:缔约方|审议大会)")

# a gathering about a book or a law named by its title (《某某》第二卷英文版|推介会,
# 《某某条例》学习|座谈会, 《某某法》实施20周年|座谈会): what stands between the title and
# the head says which edition, language, country or occasion; a verb of holding, a time or
# a place phrase there (《某某》举行|发布会, 《某某》今天…) makes the head a common noun;
# an exhibition named after its title too (《某某——纪念某某80周年》|主题展)
BOOK_GATHERING_HEADS = frozenset(
    {"推介会", "首发式", "座谈会", "研讨会", "发布会", "新闻发布会", "分享会"}
    | {"主题展", "主题展览", "展览"}
)
_BOOK_BETWEEN = re.compile(r"[\u4e00-\u9fff\d（）()]{0,16}")
_BOOK_NOT = re.compile(r"举行|召开|举办|在|于|今天|今日|日前|近日|的|和|与|将")


def book_gathering(norm: str, start: int, hs: int) -> bool:
    """Whether the event head at ``hs`` (one of ``BOOK_GATHERING_HEADS``) closes a
    gathering named after the title that ends right before ``start``.

    >>> book_gathering("《某某文选》第三卷英文版推介会", 6, 12)
    True
    >>> book_gathering("《某某晚会》举行新闻发布会", 6, 8)
    False
    """
    return (
        norm.startswith(tuple(BOOK_GATHERING_HEADS), hs)
        and _BOOK_BETWEEN.fullmatch(norm, start, hs) is not None
        and _BOOK_NOT.search(norm, start, hs) is None
    )


# (“某某”学习教育|常态化)
CAMPAIGN_HEADS = frozenset({"学习教育", "教育实践活动"})


def governed_shorthand(norm: str, qs: int, qe: int) -> bool:
    """Whether the quoted ``norm[qs:qe]`` (quote marks included) is a numeric shorthand
    of a policy governed by an implementing verb (推进|“两新”; 抓好|“一补”“两减”政策).

    >>> governed_shorthand("实施“双减”政策", 2, 6)
    True
    >>> governed_shorthand("增强“四个意识”", 2, 8)
    False
    """
    inner = norm[qs + 1 : qe - 1]
    if not SHORTHAND.fullmatch(inner) or NOT_SHORTHAND.match(inner):
        return False
    p = qs  # back over the quotes of a chain (“一补”“两减”, “A”、“B”)
    while p > 1 and (norm[p - 1] == "”" or (norm[p - 1] == "、" and norm[p - 2] == "”")):
        j = norm.rfind("“", max(0, p - 12), p - 1)
        if j < 0:
            break
        p = j
    if not SHORTHAND_VERB.search(norm, max(0, p - 7), p):
        return False
    q = qe
    while (m := NEXT_QUOTE.match(norm, q)) is not None:
        q = m.end()
    return q >= len(norm) or not NAME_CHAR.match(norm[q]) or norm.startswith(SHORTHAND_NEXT, q)


def implemented_quote(norm: str, qs: int, qe: int) -> bool:
    """Whether the quoted ``norm[qs:qe]`` (quote marks included) is a programme that
    an implementing verb governs, the way policy text names its campaigns and schemes
    (实施农业“X”, 开展“X”“Y”等活动, 启动“X”): four to ten name characters, the
    phrase ends after it, the verb is in the same clause and no 对/向/为 before it puts
    it to work on a target or a purpose (对某地实施“精准打击”), it is no counted slogan
    (“两个确保”) or per-unit method (“一企一策”), and no way of working (等方式).

    >>> implemented_quote("深入实施“兴边富民”，", 4, 10)
    True
    >>> implemented_quote("对该地实施“定点清除”。", 5, 11)
    False
    >>> implemented_quote("落实“三个区分开来”。", 2, 10)
    False
    """
    inner = norm[qs + 1 : qe - 1]
    if not 4 <= len(inner) <= 10 or not QUOTED_NAME.fullmatch(inner):
        return False
    if (
        COUNTED_OPEN.match(inner)
        or NOT_SHORTHAND.match(inner)
        or inner.endswith(NOT_PROGRAMME_ENDS)
    ):
        return False
    q = qe
    while (m := NEXT_QUOTE.match(norm, q)) is not None:
        q = m.end()  # “A”“B”等: the chain's end
    if q < len(norm) and norm[q] not in AFTER_QUOTED_NAME:
        return False
    if LIST_OF_WAYS.match(norm, q):
        return False  # 推广“A”“B”等方式, 等新举措: ways of working, no programmes
    p = qs  # back over the quotes of a chain before it
    while p > 1 and (norm[p - 1] == "”" or (norm[p - 1] == "、" and norm[p - 2] == "”")):
        j = norm.rfind("“", max(0, p - 12), p - 1)
        if j < 0:
            break
        p = j
    m = IMPLEMENTING_BEFORE.search(norm, max(0, p - 24), p)
    if m is None:
        return False
    clause = norm.rfind("，", 0, m.start()), norm.rfind("。", 0, m.start())
    a = max(*clause, norm.rfind("；", 0, m.start()), norm.rfind("\n", 0, m.start()))
    return not TARGET.search(norm, a + 1, m.start())


def quoted_before(norm: str, start: int, theme: int | None = None) -> int | None:
    """Start of a short quoted name that ends right at ``start`` (“十四五”|数字经济…), or of
    a treaty's title before a meeting of its parties (《某某公约》|第五次缔约方大会); with
    ``theme`` (the start of an event's head) also of a quoted theme that opens the event's
    name, up to 30 characters with its punctuation (“某某之路：共同的选择”|青年高端
    论坛, “…”分论坛), not when one verb or function word stands between (“…”作|大会发言).

    >>> quoted_before("“茶与健康：共同的未来”高端论坛", 12, theme=14)
    0
    >>> quoted_before("“茶与健康：共同的未来”高端论坛", 12) is None
    True
    >>> quoted_before("围绕“茶与健康：共同的未来”作大会发言", 14, theme=15) is None
    True
    >>> quoted_before("“茶与健康：共同的未来”分论坛", 12, theme=13)
    0
    >>> quoted_before("“智能+交通”应用场景创新行动", 7)
    0
    """
    if theme is not None and norm[start - 1 : start] == "）":
        # 《某某》（某汉对照）|全球首发式: the bracket after the title is in the name
        b = norm.rfind("（", max(0, start - 12), start - 1)
        if b > 0 and norm[b - 1] == "》" and book_gathering(norm, b, theme):
            start = b
    if start >= 3 and norm[start - 1] == "》" and (
        TREATY_MEETING.match(norm, start)
        or (theme is not None and book_gathering(norm, start, theme))
    ):
        j = norm.rfind("《", max(0, start - 40), start - 1)
        return j if j >= 0 and "》" not in norm[j + 1 : start - 1] else None
    if start < 3 or norm[start - 1] != "”":
        return None
    j = norm.rfind("“", max(0, start - 12), start - 1)
    if j >= 0 and QUOTED_HEAD_NAME.fullmatch(norm, j + 1, start - 1):
        return j
    if theme is not None and not (theme - start == 1 and norm[start] in THEME_GAP):
        j = norm.rfind("“", max(0, start - 32), start - 1)
        if j >= 0 and QUOTED_THEME.fullmatch(norm, j + 1, start - 1):
            return j
    return None


class QuotedNames:
    """The quoted-name rules of ``Patterns`` (a mixin: it reads the gazetteer, the heads
    and ``quoted_re`` that ``Patterns`` sets up)."""

    def find_quoted(self, st, norm: str, view: DocView) -> list[tuple[int, int]]:
        """Add the quoted names of a document; the spans of the quotes and heads they took."""
        quoted_spans = []
        for m in self.quoted_re.finditer(norm):
            inner_s, inner_e = m.span(1)
            inner = norm[inner_s:inner_e]
            if (
                m.group(2)
                and m.end() not in st.tok_ends
                and m.end() < len(norm)
                and NAME_CHAR.match(norm[m.end()])
                and not session_after(norm, m.end())
            ):
                # “5G+”应用底座: the head runs on into another word; the quote may still
                # name a policy (建设|“两横三纵”战略定位)
                if governed_shorthand(norm, inner_s - 1, inner_e + 1):
                    self.add(st, inner_s, inner_e, "Program", "pattern", short=True)
                continue
            if m.group(2):
                head = m.group(2)
                h = self.head_of(head)
                type_ = self.head_type.get(h or "", "Program")
                if head.endswith("活动") and designated_period(inner):
                    type_ = "Event"  # “某某宣传月”活动: a designated month's campaign
                if type_ == "none" or (
                    h in self.weak_heads
                    and h not in CAMPAIGN_HEADS
                    and not self.ends_phrase(norm, m.end(), view)
                ):
                    # “四个全面”战略|布局: the head is part of a longer noun
                    if governed_shorthand(norm, inner_s - 1, inner_e + 1):
                        self.add(st, inner_s, inner_e, "Program", "pattern", short=True)
                    continue
                sector = self.sector_before(norm, inner_s - 1, head, st, view)
                if sector is not None:
                    # 某产业发展“十五五”规划: the sector's own plan for the period
                    self.add(st, sector, m.end(), type_, "pattern")
                else:
                    # 第N届某某文艺|“某某奖”颁奖典礼: the edition opens the event's name
                    s0 = edition_start(norm, inner_s - 1) if type_ == "Event" else inner_s - 1
                    self.add(st, s0, m.end(), type_, "pattern", quoted=(inner_s, inner_e))
                quoted_spans.append((m.start(), m.end()))
            else:
                h = self.open_head(inner)
                if h in self.verb_only:
                    h = None  # “护苗行动”: a quoted name, below
                if h is not None and self.head_type[h] not in ("none", "Organization"):
                    v = None if inner.endswith(DOCUMENT_HEADS) else QUOTED_ACT.match(inner)
                    if v is not None and len(inner) - v.end() >= 4:
                        inner_s += v.end()  # “深入实施某某战略”: a theme; the name is
                        # what the verb governs
                    # the quotes mark a name of five characters or more (“乡村教师支持计划”)
                    # however short its body; four-character ones are as often set
                    # phrases (“形象工程”, “五年规划”)
                    whole = (inner_s, inner_e) if inner_e - inner_s >= 5 else None
                    self.add(st, inner_s, inner_e, self.head_type[h], "pattern", quoted=whole)
                    quoted_spans.append((m.start(), m.end()))
                elif (
                    h is None
                    and len(inner) >= 4
                    and inner.endswith(self.quoted_tuple)
                    and "、" not in inner
                ):
                    # “强基计划”, “护苗行动”: a whole quoted name with a head that
                    # ends names only when quoted
                    self.add(st, inner_s, inner_e, "Program", "pattern", quoted=(inner_s, inner_e))
                    quoted_spans.append((m.start(), m.end()))
                elif h is None and self.plus_field(inner):
                    # “互联网+政务服务”: a known plus programme applied to one field
                    self.add(st, inner_s, inner_e, "Program", "pattern", quoted=(inner_s, inner_e))
                    quoted_spans.append((m.start(), m.end()))
                elif h is None and governed_shorthand(norm, inner_s - 1, inner_e + 1):
                    self.add(st, inner_s, inner_e, "Program", "pattern", short=True)
                elif h is None and implemented_quote(norm, inner_s - 1, inner_e + 1):
                    self.add(st, inner_s, inner_e, "Program", "pattern", quoted=(inner_s, inner_e))
                    quoted_spans.append((m.start(), m.end()))
        return quoted_spans

    def plus_field(self, inner: str) -> bool:
        """Whether the quoted ``inner`` is a known programme named with a plus (a
        gazetteer Program ending in +) and one field after the plus, in the same quotes
        (“某某+政务服务”): the programme applied to that field is a programme of its own.
        A plus between two unknown fields is a way of working as often (实施“甲+乙”), so
        the part before the plus must be known."""
        i = inner.find("+")
        if i < 1 or not FIELD_AFTER_PLUS.fullmatch(inner, i + 1):
            return False
        e = self.gaz.lookup(inner[: i + 1])
        return e is not None and e.type == "Program"

    def known_with_word_before(self, norm: str, q: int, qe: int, view: DocView) -> int | None:
        """The start of the word before the quote at ``q`` when that word and the quoted
        name are together a known form of the same entity (共建|“一带一路”: the gazetteer
        knows 共建一带一路), so that the name read on from the quote opens with it."""
        a = view.starts.rfind(1, max(0, q - 4), q)
        if a < 0 or not HAN.fullmatch(norm, a, q):
            return None
        inner = self.gaz.lookup(norm[q + 1 : qe])
        if inner is None:
            return None
        whole = self.gaz.lookup(norm[a:q] + norm[q + 1 : qe])
        return a if whole is not None and whole.id == inner.id else None

    def sector_before(self, norm: str, q: int, head: str, st, view: DocView) -> int | None:
        """The start of a sector's name right before a quoted period and a plan's head
        (军队建设|“十四五”|规划, 水运装备产业发展|“十五五”|规划): the plan is the sector's,
        not the national one; None when no sector word ends right before the quote or
        it is the national economy's (国民经济和社会发展|“十五五”规划)."""
        if head not in ("规划", "计划") or not SECTOR_TAIL.search(norm, max(0, q - 4), q):
            return None
        if norm.endswith(("经济和社会发展", "经济社会发展"), 0, q):
            return None  # the national economy's plan
        s2, _ = self.left_edge(norm, q, st, view)
        body = norm[s2:q]
        if len(body) < 4 or self.generic(body):
            return None
        return s2

    def quoted_programmes(self, st) -> None:
        """A known programme quoted inside a longer name is a mention of its own
        (“一带一路”国际合作高峰论坛 names the event and the programme); only names that
        hold a quote mark are read."""
        text = st.text
        for c in st.candidates[:]:
            if c.type not in ("Event", "Program", "Organization") or "“" not in c.text:
                continue
            for m in QUOTE_IN.finditer(c.text):
                e = self.gaz.lookup(m.group(1))
                if e is not None and e.type == "Program" and e.id != c.key:
                    a = c.start + m.start(1)
                    b = a + len(m.group(1))
                    st.candidates.append(
                        Mention(a, b, text[a:b], e.type, e.id, e.name, "gazetteer")
                    )
