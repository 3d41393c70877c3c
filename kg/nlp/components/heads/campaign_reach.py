"""How far back a campaign's name reaches: to the verb that launches it.

A campaign (…行动, a head only an implementing verb, a year or quotes make a name of) is
often named by a whole clause of what it does, with verbs inside (开展|标准提升引领某产业
优化升级行动, 实施|空气质量持续改善行动). The left edge of a name stops at such a verb
(优化, 持续), which leaves a stub. When the verb that launches the campaign (开展, 实施,
启动…) stands earlier in the same phrase, with no punctuation, 的, conjunction or
preposition in between, the name runs from right after it. Only 行动 reaches back so:
plans (…计划) after a verb are as often a body's own (实施本单位…培训计划) or run into
another verb's object (开展某活动|列入|工作计划). A campaign listed after another named
programme (实施甲工程、千家企业节能行动) is the same verb's object: it reaches back to the 、.
"""

from __future__ import annotations

import re

from kg.nlp.text import jieba_tags

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
        if norm[b - 1] == "、" and b < start and (v := _listed(norm, b - 1)) is not None:
            return b, v  # 实施甲工程、|千家企业节能行动: the list's verb governs it
        lo = b
    last = None
    for m in _LAUNCH.finditer(norm, lo, start):
        last = m
    if last is None:
        return None
    s = _AFTER.match(norm, last.end()).end()
    return (s, last.group()[-2:]) if s < start else None  # 深入开展 → 开展


# programme heads that end a list's earlier member (实施甲工程、…行动)
_MEMBER_END = re.compile(r"(?:工程|行动|计划|战略|专项|项目)\Z")
# the launching verbs a list's clause may open with (推进 too: 推进甲工程、乙行动)
_LIST_VERB = re.compile(r"深入开展|组织实施|深入实施|开展|实施|启动|推进")
_CLAUSE = re.compile(r"[，。；：！？,;:!?\n]")


def _listed(norm: str, comma: int) -> str | None:
    """The verb whose list the campaign after the 、 at ``comma`` is a later member of: a list of
    programmes that a launching verb opens in the same clause: the member before the 、
    ends in a programme head, and the campaign's own words do not open with a verb (甲工程、
    推广某某行动 is a second act).

    >>> _listed("推进十大节能工程、千家企业节能行动", 8)
    '推进'
    >>> _listed("推进十大节能工程、推广企业节能行动", 8) is None
    True
    >>> _listed("十大节能工程取得进展、千家企业节能行动", 10) is None
    True
    """
    if not _MEMBER_END.search(norm, 0, comma):
        return None
    tags = jieba_tags()
    if any(tags.get(norm[comma + 1 : comma + 1 + n], "").startswith("v") for n in (2, 3)):
        return None
    c = 0
    for m in _CLAUSE.finditer(norm, 0, comma):
        c = m.end()
    verb = None
    for m in _LIST_VERB.finditer(norm, c, comma):
        verb = m
    # the verb opens the list: only the earlier members (and 和/及) between it and the 、
    if verb is None or _NOT_LIST.search(norm, verb.end(), comma) is not None:
        return None
    return verb.group()[-2:]  # 深入实施 → 实施


_NOT_LIST = re.compile(r"[^\u4e00-\u9fff、]|[的与或并在对将把为从]")


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
