"""The left edge of a fund's name, for ``kg_patterns``: 基金 is a weak programme head
(``open_heads.tsv``: a specific opening names one fund, 国家某某基金, 某地某某引导基金), and
three things a statute's or a report's sentence puts before it are no part of the name:

- an earlier fund of the same clause (某某基金理事会负责|全国某某基金): the name restarts
  at the last specific prefix after it, or there is none; and a clause before the last
  specific prefix of the span (某部门负责拟订|全国某某基金);
- a clause whose subject is the prefix (国家|交纳…基金, 国家|依法筹集…基金: the word after
  the prefix is a verb or a function word; ``prefixed_plans.prefix_opens``);
- a scheme's pooled money, whose field ends in the insurance it pools (社会保险基金,
  基本医疗保险基金, 医保基金, 某省医疗保障基金, 某市养老基金; 某省社保基金, where only
  全国社保基金 is a fund): no fund of its own;
- 全国 before a kind of fund (全国|政府投资基金, 全国|产业基金): the country's funds of
  that kind, a class;
- an international opening (联合国, 国际, 世界, 全球…): the gazetteer types such funds as
  Organizations (联合国人口基金, 国际货币基金组织), so this rule names none of them.

>>> fund_start("全国某某基金理事会负责全国社会保障基金", 0, 17, [1] * 20, set(), set())
11
>>> m = [1, 0, 0, 1, 0, 1, 0, 1, 0, 1, 0, 0, 0, 1, 0, 1]  # 某部门|负责|拟订|全国|社会保障|基金
>>> fund_start("某部门负责拟订全国社会保障基金", 0, 13, m, {"负责", "拟订"}, set())
7
>>> fund_start("国家基本医疗保险基金", 0, 8, [1] * 11, set(), set()) is None
True
>>> fund_start("某省医疗保障基金", 0, 6, [1] * 9, set(), set()) is None
True
>>> fund_start("全国政府投资基金", 0, 6, [1] * 9, set(), set()) is None
True
>>> fund_start("国际某某合作基金", 0, 6, [1] * 9, set(), set()) is None
True
"""

from __future__ import annotations

from kg.nlp.components.heads.editions import SPECIFIC_PREFIX
from kg.nlp.components.heads.prefixed_plans import prefix_opens

FUND_HEAD = "基金"
#: the insurance a scheme's pooled money is named after (社会保险|基金, 医保|基金,
#: 医疗保障|基金, 养老|基金)
POOL_FIELDS = ("保险", "医保", "医疗保障", "养老")
#: social security: a fund of its own only for the whole country (全国社保基金), a pool
#: after any other opening (某省社保基金)
NATIONAL_POOL_FIELDS = ("社保", "社会保障")
#: kinds of fund: 全国 before them counts the country's funds of the kind
KIND_FIELDS = ("投资", "产业", "创投", "私募", "公募", "股权", "证券", "债券", "货币", "指数")
#: international openings: funds the gazetteer types as Organizations
INTERNATIONAL = ("联合国", "国际", "世界", "全球", "亚洲", "亚太")


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
    field = norm[start:hs]
    if field.endswith(POOL_FIELDS) or norm.startswith(INTERNATIONAL, start):
        return None  # 某省医疗保障|基金: a pool; 联合国…基金: the gazetteer's Organization
    national = norm.startswith("全国", start)
    if field.endswith(NATIONAL_POOL_FIELDS) and not national:
        return None  # 某省社保|基金: the province's pool
    if national and field.endswith(KIND_FIELDS):
        return None  # 全国|政府投资基金: the country's funds of a kind
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
