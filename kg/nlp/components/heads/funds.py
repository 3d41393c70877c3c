"""The left edge of a fund's name, for ``kg_patterns``: 基金 is a weak programme head
(``open_heads.tsv``: a specific opening names one fund, 国家某某基金, 某地某某引导基金), and
three things a statute's or a report's sentence puts before it are no part of the name:

- an earlier fund of the same clause (某某基金理事会负责|全国某某基金): the name restarts
  at the last specific prefix after it, or there is none; and a clause before the last
  specific prefix of the span (某部门负责拟订|全国某某基金);
- a clause whose subject is the prefix (国家|交纳…基金, 国家|依法筹集…基金: the word after
  the prefix is a verb or a function word; ``prefixed_plans.prefix_opens``);
- a scheme's pooled money, whose field ends in the insurance it pools (社会保险基金,
  基本医疗保险基金, 医保基金): no fund of its own.

>>> fund_start("全国某某基金理事会负责全国社会保障基金", 0, 17, [1] * 20, set(), set())
11
>>> m = [1, 0, 0, 1, 0, 1, 0, 1, 0, 1, 0, 0, 0, 1, 0, 1]  # 某部门|负责|拟订|全国|社会保障|基金
>>> fund_start("某部门负责拟订全国社会保障基金", 0, 13, m, {"负责", "拟订"}, set())
7
>>> fund_start("国家基本医疗保险基金", 0, 8, [1] * 11, set(), set()) is None
True
"""

from __future__ import annotations

from kg.nlp.components.heads.editions import SPECIFIC_PREFIX
from kg.nlp.components.heads.prefixed_plans import prefix_opens

FUND_HEAD = "基金"
#: the insurance a scheme's pooled money is named after (社会保险|基金, 医保|基金)
POOL_FIELDS = ("保险", "医保")


def fund_start(norm: str, start: int, hs: int, starts, verbs, cut_words) -> int | None:
    """Where the fund whose head 基金 stands at ``hs`` starts, given the left edge
    ``start`` (``starts``: token-start marks; ``verbs``, ``cut_words``: jieba's verbs and
    function words); None when the span names no fund."""
    inner = norm.rfind(FUND_HEAD, start, hs)
    if inner >= 0:
        after = inner + len(FUND_HEAD)
        opens = [
            p for p in range(after, hs - 1) if starts[p] and norm.startswith(SPECIFIC_PREFIX, p)
        ]
        if not opens:
            return None
        start = opens[-1]
    later = [
        p for p in range(start + 1, hs - 1) if starts[p] and norm.startswith(SPECIFIC_PREFIX, p)
    ]
    if later and _holds_verb(norm, start, later[-1], starts, verbs):
        start = later[-1]  # 某部门负责拟订|全国某某基金: a clause before the last prefix
        # (not 某组织|中央某某基金: the organisation's own fund)
    if norm[start:hs].endswith(POOL_FIELDS):
        return None
    b = start + 1
    while b < hs and not starts[b]:
        b += 1
    if b >= hs:
        return start  # one word of jieba's (国家某某基金 as a dictionary word)
    if norm.startswith(SPECIFIC_PREFIX, start) and not prefix_opens(
        norm, start, starts, verbs, cut_words
    ):
        return None
    return start


def _holds_verb(norm: str, a: int, b: int, starts, verbs) -> bool:
    """Whether a token of ``norm[a:b]`` is one of jieba's ``verbs``."""
    i = a
    while i < b:
        j = i + 1
        while j < b and not starts[j]:
            j += 1
        if norm[i:j] in verbs:
            return True
        i = j
    return False
