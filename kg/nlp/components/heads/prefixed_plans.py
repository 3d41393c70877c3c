"""A plan named after a national or international opening, for ``kg_patterns``.

计划 is a verb-only head (实施|某某计划, 2031年某某计划, “某某”计划): it is as often the verb
"plans to" after its subject (某省计划|新建…, 全国民航计划|执行航班…) and ends common
phrases (作战计划, 撤离计划). A name that opens with a specific prefix of its own (国家,
全国, 中国, 中华, 国际, 世界…: ``SPECIFIC_PREFIX``) and holds a field of three characters
at least before 计划 names one programme (国家某某研发计划, 国际某某科研站计划) when no verb
follows it: punctuation, the text's end, 的/和/与/及/、 or a function word or adverb that
opens the predicate (某某计划|顺利推进, …|正式发起). A verb after it (…计划|执行, …计划|加开)
reads 计划 as "plans to"; a noun (…计划|草案) is a longer phrase's.

>>> prefixed_plan("按照中国空间站建造计划，", 2, 9, 11, frozenset())
True
>>> prefixed_plan("今天，全国民航计划执行航班", 3, 7, 9, frozenset())
False
>>> prefixed_plan("全国各地计划投入资金", 0, 4, 6, frozenset())
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


def prefix_opens(norm: str, start: int, starts, verbs, cut_words) -> bool:
    """Whether a specific prefix at ``start`` is a word of its own and opens a name, not a
    clause: the word after it is no verb and no function word (国家|下达…, 国家|依法…:
    the prefix is a subject; ``starts``: the token-start marks).

    >>> prefix_opens("国家重点研发计划", 0, [1, 0, 1, 0, 1, 0, 1, 0, 1], set(), set())
    True
    >>> prefix_opens("国家下达收购计划", 0, [1, 0, 1, 0, 1, 0, 1, 0, 1], {"下达"}, set())
    False
    """
    p = next((p for p in SPECIFIC_PREFIX if norm.startswith(p, start)), None)
    if p is None or p == "首届":
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
    p = next((p for p in SPECIFIC_PREFIX if norm.startswith(p, start)), None)
    if p is None or p == "首届":
        return False
    field = norm[start + len(p) : hs]
    if len(field) < MIN_FIELD or "的" in field or not all(HAN.match(c) for c in field):
        return False
    if field.endswith("性"):
        return False  # 国家指令性|计划: a kind of plan
    if he >= len(norm) or not NAME_CHAR.match(norm[he]) or norm[he] in _AFTER:
        return True
    # a function word or adverb of one to four characters opens the predicate
    return any(norm[he : he + k] in cut_words for k in (4, 3, 2, 1) if he + k <= len(norm))
