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
    return (s, last.group()) if s < start else None
