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

# conjunctions that join two objects of one verb
_JOINERS = "和与及、"

#: heads that an implementing verb makes a name of in prose only: a statute's provisions
#: impose strategies in general terms (鼓励企业实施技术标准战略, 本市实施生态保护战略),
#: where a report or a notice names the one it carries out (实施科技强军战略)
PROSE_RESCUED = frozenset({"战略"})


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
#: the verb a campaign is the object of (深入开展|, 开展了|): not 推动|某国青年运动 (a
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


#: a word that may be a programme's field between its verb and its head (赋能, 持续, 改善)
_FIELD_WORD = re.compile("[\u4e00-\u9fff]{2,4}")


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
        if cut_start - s2 >= 2 or c2 is None or not _FIELD_WORD.fullmatch(c2):
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
    return start > 0 and norm[start - 1] in _JOINERS and (start - 1) in rescued_ends


#: what a package named by its count may say of its field before the field itself
#: (十大|重点|节能工程, 八大|重大|…工程): not the field, so not what makes it generic
_PACKAGE_CLASS = ("重点", "重大")


def counted_field(count: str, body: str) -> str:
    """The field of a package named by its count (``count``: 十大, 八项…) and ``body``:
    after a count in 大 (the package's name: 十大重点节能工程), without a leading 重点/重大;
    after a count of items (二百项|重大预备项目: a quantity) the whole body.

    >>> counted_field("十大", "重点节能"), counted_field("二百项", "重大预备")
    ('节能', '重大预备')
    """
    if count.endswith("大") and body.startswith(_PACKAGE_CLASS):
        return body[2:]
    return body
