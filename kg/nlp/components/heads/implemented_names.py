"""Names governed by an implementing verb: where a programme's name starts after
实施/推进/启动… and how far that verb's reach goes along a list of names.

Policy text introduces its named projects as the object of an implementing verb
(实施|某某工程). Two consequences for the left edge and the evidence of such a name:

- the word right after the verb opens the name even when jieba tags it a verb: the
  implementing verb already governs the name, so a verb-tagged word after it is the
  name's own field (实施|知识…工程, 实施|退牧还草工程), not a second verb that would
  govern the rest (保证|建设工程 elsewhere);
- names joined by 和/与/及/、 after one implementing verb are all its objects
  (实施A工程和B工程): the second carries the same evidence as the first.
"""

from __future__ import annotations

import re

from kg.nlp.components.heads.words import NAME_CHAR, RANK_WORDS, load_heads
from kg.nlp.gazetteer import ONTOLOGY_DIR
from kg.nlp.relations.lexicon import load_lexicon
from kg.nlp.text import norm_name

# conjunctions that join two objects of one verb
JOINERS = "和与及、"

#: the verbs of a campaign fought as a battle (打好|污染防治攻坚战, 打赢|蓝天保卫战): they
#: implement the programme the battle names, like 实施 a project
BATTLE_VERBS = frozenset({"打好", "打赢"})
#: the heads of such battles
BATTLE_HEADS = frozenset({"攻坚战"})


def battle_field(body: str) -> bool:
    """Whether a battle's ``body`` names a programme's field: not a struggle already (反腐败
    斗争|攻坚战、持久战: the rhetoric of a struggle's stages, no campaign of its own).

    >>> battle_field("污染防治"), battle_field("反腐败斗争")
    (True, False)
    """
    return not body.endswith("斗争")


#: the heads of subsidy and reward policies (实施|某某补贴政策): a statute's 实施…补贴政策
#: imposes one in general terms; ``open_heads.tsv``'s policies that only a verb names
SUBSIDY_HEADS = frozenset(h for h in load_heads(ONTOLOGY_DIR)[3] if h.endswith("政策"))
#: heads that an implementing verb makes a name of in prose only: a statute's provisions
#: impose strategies in general terms (鼓励企业实施技术标准战略, 本市实施生态保护战略),
#: where a report or a notice names the one it carries out (实施科技强军战略)
PROSE_RESCUED = frozenset(
    {"战略", "规划", "纲要", "行动方案", "改革方案", "总体方案", "工作方案", "试点方案"}
    | SUBSIDY_HEADS
)
#: of these, the heads of a plan's document: what an implementing verb governs names one
#: only by its field (:func:`plan_field`)
PLAN_HEADS = frozenset({"规划", "纲要", "行动方案", "改革方案", "总体方案", "工作方案", "试点方案"})
#: the verbs that draw up or issue a plan: right before a plan's head (``PLAN_HEADS``)
#: they govern its name as an implementing verb does (制定|某某行动纲要, 出台|某某总体方案);
#: the name still needs a field of its own (:func:`plan_named`: not 编制|建设规划)
#: ``relation_triggers.tsv``'s one-word issued triggers of a programme with no title
#: needed (制定, 出台, 编制…; not 作出, 通过: those issue a titled document only)
PLAN_ISSUE_VERBS = frozenset(
    word
    for word, rows in load_lexicon().triggers.items()
    if len(word) == 2
    and any(
        r.pred == "issued" and "Program" in r.types and "titled" not in r.flags for r in rows
    )
)
#: what opens a body's own plan or project of a class, no name: a deictic or generic
#: place (本市|电网建设规划, 本行政区域|…规划, 当地|…项目一期工程) or a new edition of
#: a plan every city has (新版|城市总体规划); not ``words.CLASS_DETERMINERS``: this one
#: is measured and cut off, so it names whole place words (a bare 本 would cut 本溪)
LOCAL_OPEN = re.compile(
    r"当地|该地区?|新版|本(?:行政区域|地区|地方|辖区|省|市|县|区|州|盟|旗|乡|镇|村|地)"
)


def local_open(body: str) -> int:
    """How many characters of ``body`` a deictic or generic opener takes (0: none).

    >>> local_open("本市电网建设"), local_open("本溪钢铁"), local_open("当地某某灌区")
    (2, 0, 2)
    """
    m = LOCAL_OPEN.match(body)
    return m.end() if m else 0
#: the shortest field of a plan an issuing verb governs (制定|促进某某行动|纲要): a field of
#: four is as often a class of plans every body draws up (编制|土地利用|规划, 行业发展|规划)
ISSUED_FIELD_MIN = 5
#: a project's phase right before its head (三峡|三期|工程, 某某枢纽|第一期|工程): the count
#: cuts the name elsewhere (4个|试点), here what comes before it names the project
PHASE_HEADS = frozenset({"工程"})
_PHASE_BEFORE = re.compile(r"第?[一二三四五六七八九\d]期\Z")
#: a new round of a programme between its implementing verb and its name (实施|新一轮|…)
_NEW_ROUND = re.compile(r"新一轮\Z")


def issued_plan(norm: str, start: int, hs: int, cut: str | None, head: str) -> bool:
    """Whether an issuing verb (:data:`PLAN_ISSUE_VERBS`) governs the plan ``norm[start:]``
    whose ``head`` starts at ``hs`` (``cut``: the word before it), with a field of
    :data:`ISSUED_FIELD_MIN` characters or more (:func:`plan_named` says whether it is
    named).

    >>> issued_plan("制定促进某某行动纲要", 2, 8, "制定", "纲要")
    True
    >>> issued_plan("编制土地利用规划", 2, 6, "编制", "规划")
    False
    """
    return (
        head in PLAN_HEADS
        and hs - start >= ISSUED_FIELD_MIN
        and governs(norm, start, cut, PLAN_ISSUE_VERBS)
    )


def phase_start(left_edge, norm: str, hs: int, head: str) -> tuple[int, str | None] | None:
    """The start and cut of a project's name whose phase right before its ``head`` (at
    ``hs``) cut it (某某水利枢纽|第一期|工程), or None; ``left_edge(pos)`` gives the start and
    cut of the words that end at ``pos``.

    >>> phase_start(lambda p: (0, None), "三峡三期工程", 4, "工程")
    (0, None)
    >>> phase_start(lambda p: (0, None), "三峡三期工程", 4, "行动")
    """
    if head not in PHASE_HEADS:
        return None
    ph = _PHASE_BEFORE.search(norm, max(0, hs - 4), hs)
    if ph is None:
        return None
    s2, c2 = left_edge(ph.start())
    return (s2, c2) if ph.start() - s2 >= 2 else None


def new_round_cut(left_edge, norm: str, start: int, verbs: frozenset[str]) -> str | None:
    """The implementing verb (``verbs``) that governs the name at ``start`` across
    新一轮 (实施|新一轮|农村电网改造升级工程), or None; ``left_edge`` as for
    :func:`phase_start`.

    >>> new_round_cut(lambda p: (2, "实施"), "实施新一轮甲乙工程", 5, frozenset({"实施"}))
    '实施'
    """
    rd = _NEW_ROUND.search(norm, max(0, start - 3), start)
    if rd is None:
        return None
    s2, c2 = left_edge(rd.start())
    return c2 if s2 == rd.start() and governs(norm, s2, c2, verbs) else None


#: a period a plan covers, no field of its own (中长期|发展规划)
_PLAN_PERIOD = re.compile("中长期|长期|中期|近期|年度")
#: a count in a plan's field describes it (某行业第一部全国性|规划), names none
_PLAN_COUNT = re.compile(r"[第一二三四五六七八九十两\d]+[份部个项]")
#: what may follow a plan's name governed by a verb: punctuation or a joiner (规划|建设 is
#: a verb)
_PLAN_CLOSE = "和与及"


def plan_field(body: str, generic) -> bool:
    """Whether the ``body`` of a plan's name after an implementing verb names its field
    (实施|奶业振兴|规划, 制定实施|新十年农村扶贫开发|纲要): four characters or more
    once a period is taken out, not generic (``generic``: 发展|规划纲要, 中长期发展|规划),
    not a class of plans every place has (城市群|规划: too short; 本市|某某|规划: the
    opener says so, :func:`local_open`), no count (第一份), and not the plan to carry
    out something the words before the verb name (全面推进|依法行政实施|纲要: the cut
    verb belongs to the name); a field and its class word name one (重点产业调整振兴).

    >>> g = lambda b: b in ("发展", "发展规划") or b.startswith("重点")
    >>> [plan_field(b, g) for b in ("奶业振兴", "城市群", "中长期发展", "依法行政实施")]
    [True, False, False, False]
    >>> plan_field("发展规划", g), plan_field("重点产业调整振兴", g)
    (False, True)
    >>> plan_field("新版城市总体", g), plan_field("本市电网建设", g)
    (False, False)
    """
    field = _PLAN_PERIOD.sub("", body).removesuffix("规划")  # 发展|规划|纲要
    return (
        len(field) >= 4
        and not local_open(field)
        and not field.endswith("实施")
        and _PLAN_COUNT.search(field) is None
        and (not generic(field) or governed_class_field(field, generic))
    )


def plan_named(norm: str, start: int, hs: int, he: int, starts, adverbs, generic) -> bool:
    """Whether the plan ``norm[start:he]`` (head at ``hs``) that an implementing verb
    governs is named: its field (:func:`plan_field`) holds no adverb of two characters or
    more (为发展某某关系作出进一步|规划: a clause, ``adverbs``; ``starts``: the token-start
    marks), and punctuation or a joiner follows (一体化规划|建设: a verb).

    >>> import numpy as np
    >>> t = "实施奶业振兴规划，"
    >>> plan_named(t, 2, 6, 8, np.array([1, 0, 1, 0, 1, 0, 1, 0, 1]), set(), lambda b: False)
    True
    """
    if he < len(norm) and NAME_CHAR.match(norm[he]) and norm[he] not in _PLAN_CLOSE:
        return False
    if not plan_field(norm_name(norm[start:hs]), generic):
        return False
    a = start
    while a < hs:
        b = a + 1
        while b < hs and not starts[b]:
            b += 1
        if b - a >= 2 and norm[a:b] in adverbs:
            return False
        a = b
    return True


def governed_object(cut: str | None, verbs: frozenset[str]) -> bool:
    """Whether the word ``cut`` right before a name is an implementing verb (``verbs``),
    so that the name starts right after it, whatever its first word.

    >>> governed_object("实施", frozenset({"实施", "推进"}))
    True
    >>> governed_object("保证", frozenset({"实施", "推进"}))
    False
    """
    return cut is not None and cut in verbs


def governs(norm: str, start: int, cut: str | None, verbs: frozenset[str]) -> bool:
    """Whether an implementing verb (``verbs``) governs the name that starts at ``start``
    after the cut word ``cut``: the cut is one, ends in one after its adverb (继续实施|,
    大力推进|: jieba's words), or is the aspect particle after one (开展了|).

    >>> v = frozenset({"实施", "开展"})
    >>> [governs("继续实施甲乙工程", 4, "继续实施", v), governs("开展了甲乙工程", 3, "了", v)]
    [True, True]
    >>> [governs("完成了甲乙工程", 3, "了", v), governs("保证甲乙工程", 2, "保证", v)]
    [False, False]
    """
    if cut is None:
        return False
    if cut == "了":
        return any(norm.endswith(w, 0, start - 1) for w in verbs)
    return cut in verbs or any(cut.endswith(w) for w in verbs if len(cut) > len(w))


#: heads of common nouns (``open_heads.tsv`` type none) whose own last word is a programme's
#: head: the object of an implementing verb, such a name is a programme
#: (实施|公民道德建设工程), elsewhere the common noun (监理的|建设工程)
GOVERNED_NONE = frozenset({"建设工程"})

#: heads of campaigns that name one only as the object of an implementing verb (开展|爱国
#: 卫生运动, 深入开展|“严打”斗争; not 揭批某某、“某某”运动, 同“某某”斗争 a verb), with
#: whether the name must be quoted: a bare 反腐败斗争 describes a struggle, “扫黄”斗争 names
#: a campaign
GOVERNED_ONLY = {"运动": False, "斗争": True}
#: the verb a campaign is the object of (深入开展|, 开展了|): not 推动|学生运动 (a
#: movement pushed on), 同…斗争 (a verb)
CAMPAIGN_VERBS = frozenset({"开展"})


def governed_campaign(head: str, rescued: bool, quoted: object) -> bool:
    """Whether a name ending in a campaign's ``head`` (:data:`GOVERNED_ONLY`) is one:
    ``rescued`` (:data:`CAMPAIGN_VERBS` governs it), quoted when the head needs it.

    >>> governed_campaign("运动", True, None), governed_campaign("斗争", True, None)
    (True, False)
    >>> governed_campaign("斗争", True, (3, 5)), governed_campaign("运动", False, (3, 5))
    (True, False)
    """
    return rescued and (quoted is not None or not GOVERNED_ONLY[head])


#: one-character adverbs that stand inside programmes' names as words of their own
#: (再|就业, 退牧|还|草): after an implementing verb they do not end the name's context
INNER_ADVERBS = frozenset("再还")


def inner_adverb(norm: str, start: int, starts) -> bool:
    """Whether the word right before ``start`` is one character of ``INNER_ADVERBS``
    (``starts``: the token-start marks of the text).

    >>> import numpy as np
    >>> inner_adverb("实施再就业工程", 3, np.array([1, 0, 1, 1, 0, 1, 0]))
    True
    """
    return start > 0 and norm[start - 1] in INNER_ADVERBS and bool(starts[start - 1])


def field_adverb(norm: str, start: int, starts, adverbs) -> int | None:
    """Where the adverb of two characters or more right before ``start`` begins (``starts``:
    the token-start marks, ``adverbs``: jieba's), or None: after an implementing verb such
    a word modifies no verb but opens the name's field (开展|长期|护理保险制度试点: an
    adverb comes before the verb it modifies, not after).

    >>> import numpy as np
    >>> t = "开展长期护理保险制度试点"
    >>> field_adverb(t, 4, np.array([1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1]), {"长期"})
    2
    """
    p = starts.rfind(1, 0, start) if hasattr(starts, "rfind") else _last_start(starts, start)
    return p if p >= 0 and start - p >= 2 and norm[p:start] in adverbs else None


def _last_start(starts, start: int) -> int:
    """The last token start before ``start`` in an array of marks."""
    for p in range(start - 1, -1, -1):
        if starts[p]:
            return p
    return -1


#: a word that may be a programme's field between its verb and its head (赋能, 持续, 改善)
_FIELD_WORD = re.compile("[\u4e00-\u9fff]{2,4}")
#: the verbs of making a plan are no field (就深化两国关系作出|进一步|规划: a plan made, no name)
_NOT_FIELD = frozenset({"作出", "做出"})


def verb_before_head(
    left_edge, norm: str, cut_start: int, verbs: frozenset[str]
) -> tuple[int, str | None] | None:
    """The start and cut of a name whose head follows a verb of its own field (…持续改善|
    行动计划, …数字化赋能|专项行动) when an implementing verb (``verbs``) governs the words
    before that verb (深入实施|空气质量持续改善行动计划); None otherwise. ``left_edge(pos)``
    gives the start and cut of the words that end at ``pos``, ``cut_start`` is where the
    field's verb starts."""
    for _ in range(3):  # 持续|改善|: a word or two of the field may cut in a row
        s2, c2 = left_edge(cut_start)
        if governs(norm, s2, c2, verbs):
            return (s2, c2) if cut_start - s2 >= 2 else None
        if (
            cut_start - s2 >= 2
            or c2 is None
            or not _FIELD_WORD.fullmatch(c2)
            or c2 in _NOT_FIELD
        ):
            return None
        cut_start = s2 - len(c2)
    return None


def conjunct_of_rescued(norm: str, start: int, rescued_ends: set[int]) -> bool:
    """Whether the name at ``start`` follows a joiner right after a name that an
    implementing verb governs (``rescued_ends``: the ends of such names).

    >>> s = "实施甲乙丙丁工程和戊己庚辛工程"
    >>> conjunct_of_rescued(s, 9, {8}), conjunct_of_rescued(s, 9, set())
    (True, False)
    >>> conjunct_of_rescued("实施甲乙丙丁工程，戊己庚辛工程", 9, {8})
    False
    """
    return start > 0 and norm[start - 1] in JOINERS and (start - 1) in rescued_ends


def conjunct_of_known(norm: str, start: int, head: str, programme_ends: set[int]) -> bool:
    """Whether the name at ``start`` follows a joiner right after a known programme that
    ends in the same ``head``: a list of named works needs no verb to show that its
    members are names (某某共享工程、某某村村通工程等…扎实推进).

    >>> s = "甲乙丙丁工程、戊己庚辛工程"
    >>> conjunct_of_known(s, 7, "工程", {6}), conjunct_of_known(s, 7, "计划", {6})
    (True, False)
    >>> conjunct_of_known(s, 7, "工程", set())
    False
    """
    return (
        start > 0
        and norm[start - 1] in JOINERS
        and (start - 1) in programme_ends
        and norm.endswith(head, 0, start - 1)
    )


#: what says a member names a class, not a field: a determiner, a quantifier or a class
#: word before it (重点领域、…和中小微企业就业支持计划, 重要生态系统…), 重大/重点 after it
#: (武器装备重大|工程); the two-character and longer ones (一字 determiners such as 本, 该
#: open names too), and 各 (各类, 各项)
MEMBER_CLASS = (*RANK_WORDS, "重要", "主要", "有关", "相关", "各", "其他", "其它", "这些",
                 "那些", "上述", "所有", "全部", "一切", "一些", "某些", "若干", "部分", "多项",
                 "多种", "诸多", "许多", "一批", "一系列")  # fmt: skip


#: the class words that say a programme is a key or major one, written beside its field:
#: after it (某某振兴发展|重大|工程) or, 重点 only, before it (重点|文化惠民|工程); 重大
#: before a field describes a class of works (重大|生态修复工程)
_CLASS_AFTER, _CLASS_BEFORE = RANK_WORDS, ("重点",)
#: the shortest field that names a programme beside such a class word (文化惠民, 国防发展)
_FIELD_MIN = 4


#: heads whose class word beside a field still names a kind (区域重大战略, 某某安全重大战略)
_CLASS_KINDS = frozenset({"战略"})


def governed_class_field(body: str, generic, head: str = "") -> bool:
    """Whether the ``body`` of a name that an implementing verb governs is a field and a
    class word (实施|中医药振兴发展重大工程, 开展|重点产业强链补链行动): the programme
    of that field, where the same body alone is a class (一批重大工程, 重点项目). The
    field has at least four characters, no 的 and is no generic phrase (``generic``:
    一批|重大工程, “十四五”|重大工程, 有关重点工程 stay classes).

    >>> g = lambda b: b.startswith(("一批", "有关"))
    >>> governed_class_field("中医药振兴发展重大", g), governed_class_field("重点文化惠民", g)
    (True, True)
    >>> governed_class_field("一批重大", g), governed_class_field("十四五重大", g)
    (False, False)
    >>> governed_class_field("重大生态修复", g), governed_class_field("有关部门重点", g)
    (False, False)
    """
    if head in _CLASS_KINDS:
        return False
    if body.endswith(_CLASS_AFTER):
        field = body[:-2]
    elif body.startswith(_CLASS_BEFORE):
        field = body[2:]
    else:
        return False
    return (
        len(field) >= _FIELD_MIN
        and "的" not in field
        and not field.startswith(_CLASS_AFTER)
        and not field.endswith(_CLASS_AFTER)
        and not field.endswith(MEMBER_CLASS)  # 边海空防一系列|重大行动
        and not generic(field)
    )
