"""A plan named after a national or international opening, for ``kg_patterns``.

计划 is a verb-only head (实施|某某计划, 2031年某某计划, “某某”计划): it is as often the verb
"plans to" after its subject (某省计划|新建…, 某集团计划|于年底…) and ends common phrases
(作战计划, 撤离计划) and the state's planning (国家基本建设计划, 财政收支计划). A name that
opens with a specific prefix of its own (国家, 全国, 中国, 中华, 国际, 世界…:
``SPECIFIC_PREFIX``) and holds a field of three characters at least before 计划 names one
programme (国家某某研发计划, 国际某某科研站计划) when

- no verb follows it: punctuation, the text's end, 的/和/与/及/、 or an adverb that opens
  the predicate (某某计划|顺利推进); a preposition or modal after it (…计划|于明年,
  …计划|在, …计划|将) reads 计划 as "plans to" with its time or place;
- its field ends in no organisation (某某集团|计划, 某某办公室|计划: a body planning
  something) and no planned quantity of the economy
  (…建设|计划, …生产|计划, …收支|计划: the state's planning, not a programme).

>>> prefixed_plan("按照国家深海勘探研发计划，", 2, 10, 12, frozenset())
True
>>> prefixed_plan("今天，全国铁路网计划开行列车", 3, 8, 10, frozenset())
False
>>> prefixed_plan("国家能源投资集团计划明年投运", 0, 8, 10, frozenset())
False
>>> prefixed_plan("中国深海勘探研发计划于明年启动", 0, 8, 10, frozenset({"于"}))
False
>>> prefixed_plan("各地完成了国家基本建设计划。", 5, 11, 13, frozenset())
False
"""

from __future__ import annotations

import re

from kg.nlp.components.heads.editions import SPECIFIC_PREFIX
from kg.nlp.components.heads.words import HAN, NAME_CHAR

#: the verb-only heads that a specific prefix names (not 行动: 中国救援队…行动, 国际…行动
#: name rescue and military operations as often)
PREFIXED_HEADS = frozenset({"计划"})
#: a cheap test before the left edge: a specific prefix near the head
PREFIX_NEAR = re.compile("|".join(SPECIFIC_PREFIX))
#: what may follow the name: a joiner or 的 (the function words come from ``cut_words``)
_AFTER = frozenset("的和与及、")
#: characters of the field between the prefix and the head, at least (全国各地|计划 is a
#: subject and its verb)
MIN_FIELD = 3
#: a preposition or modal right after the head: 计划 the verb, its time or place after it
#: (某集团计划|于年底投产, …计划|在…, …计划|将…)
VERB_READING = frozenset("于在将要拟从到自向对把由")
#: a field that ends in a body: the subject planning (某某集团|计划，…); not 站 (国际某某
#: 科研站计划 names a programme; 某某空间站计划|于… is the verb by ``VERB_READING``)
BODY_ENDS = (
    "集团", "公司", "办公室", "局", "署", "部", "委", "厅", "院", "所", "中心",
    "机构", "组织", "政府", "银行", "协会", "大学", "企业", "工厂",
)  # fmt: skip
#: a field that ends in a planned quantity of the economy: the state's planning
#: (国家基本建设|计划, 财政收支|计划, 农业生产|计划, 商业收入|计划)
PLANNED_ENDS = (
    "建设", "生产", "收支", "收入", "投资", "产值", "产量", "分配", "供应", "采购", "收购",
    "调拨", "信贷", "预算", "财政", "招生", "工资", "物资", "经济", "贸易", "运输", "销售",
)  # fmt: skip


def opening_prefix(norm: str, start: int) -> str | None:
    """The specific prefix that opens ``norm`` at ``start`` (not 首届, an edition's).

    >>> opening_prefix("国家重点研发计划", 0), opening_prefix("首届某某计划", 0)
    ('国家', None)
    """
    p = next((p for p in SPECIFIC_PREFIX if norm.startswith(p, start)), None)
    return None if p == "首届" else p


def prefix_opens(norm: str, start: int, starts, verbs, cut_words) -> bool:
    """Whether a specific prefix at ``start`` is a word of its own and opens a name, not a
    clause: the word after it is no verb and no function word (国家|下达…, 国家|依法…:
    the prefix is a subject; ``starts``: the token-start marks).

    >>> prefix_opens("国家重点研发计划", 0, [1, 0, 1, 0, 1, 0, 1, 0, 1], set(), set())
    True
    >>> prefix_opens("国家下达收购计划", 0, [1, 0, 1, 0, 1, 0, 1, 0, 1], {"下达"}, set())
    False
    """
    p = opening_prefix(norm, start)
    if p is None:
        return False
    q = start + len(p)
    if q >= len(norm) or not starts[q]:
        return False  # 中华|人民共和国: the prefix inside a longer word
    b = q + 1
    while b < len(norm) and not starts[b]:
        b += 1
    return norm[q:b] not in verbs and norm[q:b] not in cut_words


def prefixed_plan(norm: str, start: int, hs: int, he: int, cut_words: frozenset[str]) -> bool:
    """Whether ``norm[start:he]`` (head at ``hs``) is a plan named by a specific prefix
    with a field of its own and no verb after it (``cut_words``: jieba's function words
    and adverbs, which may open the predicate); the caller checks the prefix's word
    (:func:`prefix_opens`)."""
    p = opening_prefix(norm, start)
    if p is None:
        return False
    field = norm[start + len(p) : hs]
    if len(field) < MIN_FIELD or "的" in field or not all(HAN.match(c) for c in field):
        return False
    if field.endswith("性"):
        return False  # 国家指令性|计划: a kind of plan
    if field.endswith(BODY_ENDS) or field.endswith(PLANNED_ENDS):
        return False  # 某某集团|计划于…: a body planning; 基本建设|计划: the state's planning
    if he >= len(norm) or not NAME_CHAR.match(norm[he]) or norm[he] in _AFTER:
        return True
    if norm[he] in VERB_READING:
        return False  # …计划|于年底, …计划|将: "plans to" with a time, a place, a modal
    # a function word or adverb of one to four characters opens the predicate
    return any(norm[he : he + k] in cut_words for k in (4, 3, 2, 1) if he + k <= len(norm))
