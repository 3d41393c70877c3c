"""How far back a campaign's name reaches: to the verb that launches it.

A campaign (…行动, a head only an implementing verb, a year or quotes make a name of) is
often named by a whole clause of what it does, with verbs inside (开展|标准提升引领某产业
优化升级行动, 实施|空气质量持续改善行动). The left edge of a name stops at such a verb
(优化, 持续), which leaves a stub. When the verb that launches the campaign (开展, 实施,
启动…) stands earlier in the same phrase, with no punctuation, 的, conjunction or
preposition in between, the name runs from right after it. Only 行动 reaches back so:
plans (…计划) after a verb are as often a body's own (实施本单位…培训计划) or run into
another verb's object (开展某活动|列入|工作计划).
"""

from __future__ import annotations

import re

# the launching verbs, longest first so that 组织实施 is one verb
_LAUNCH = re.compile(r"深入开展|组织实施|深入实施|开展|实施|启动")
# what ends a phrase: punctuation, 的, conjunctions and prepositions, 或者…
# what follows the verb and opens no name: its aspect and a round (开展了|新一轮|…行动)
_AFTER = re.compile(r"了?(?:新一轮|新一批)?")
_BREAK = re.compile(r"[^\u4e00-\u9fff]|[的和与及或并在对将把为从等]")


def launched_start(norm: str, start: int, lo: int) -> tuple[int, str] | None:
    """The start of a campaign's name right after a launching verb found in
    ``norm[lo:start]`` with nothing that ends the phrase between them, and that verb;
    ``None`` when there is none.

    >>> s = "今年开展质量标准提升引领产业优化升级行动"
    >>> launched_start(s, 14, 0)
    (4, '开展')
    >>> launched_start("开展检查的同时优化升级行动", 7, 0) is None
    True
    >>> launched_start("已启动了新一轮企业提质增效行动", 11, 0)
    (7, '启动')
    """
    b = None
    for m in _BREAK.finditer(norm, lo, start):
        b = m.end()
    if b is not None:
        lo = b
    last = None
    for m in _LAUNCH.finditer(norm, lo, start):
        last = m
    if last is None:
        return None
    s = _AFTER.match(norm, last.end()).end()
    return (s, last.group()[-2:]) if s < start else None  # 深入开展 → 开展


# heads of the party's study campaigns
_PARTY_HEADS = ("教育实践活动", "学习教育", "主题教育", "专题教育")


def party_campaign_start(norm: str, start: int, head: str) -> tuple[int, str] | None:
    """A study campaign of the party launched by a verb (开展|党的…教育实践活动): the
    name opens with 党的, which the left edge at 的 would leave out; the start of 党
    and the verb, or ``None``.

    >>> party_campaign_start("深入开展党的某某路线教育实践活动", 6, "教育实践活动")
    (4, '开展')
    >>> party_campaign_start("以某为内容的党的某路线教育实践活动", 8, "教育实践活动") is None
    True
    """
    if not head.endswith(_PARTY_HEADS) or not norm.endswith("党的", 0, start):
        return None
    m = _LAUNCH_END.search(norm, max(0, start - 6), start - 2)
    return (start - 2, m.group(1)) if m is not None else None


_LAUNCH_END = re.compile(r"(开展|实施|启动)\Z")
