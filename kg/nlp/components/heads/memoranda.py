"""Memoranda of cooperation as programmes: a non-binding instrument named by the field
it covers (某某领域合作谅解备忘录, 海洋环保合作备忘录), the heads 合作谅解备忘录 and
合作备忘录 of ``open_heads.tsv``.

The name is what follows the verb of signing: 两国签署了|林业与草原合作谅解备忘录 names
the memorandum from 农业, and a memorandum with no field (双方签署|合作谅解备忘录) is no
name. A bare 谅解备忘录 (某两国谅解备忘录) names no field and is no head.
"""

from __future__ import annotations

import re

MEMO_HEADS = frozenset({"合作谅解备忘录", "合作备忘录"})

# a verb of signing, with 了 and a count of documents after it (签署了48份)
_SIGNED = re.compile(
    r"(?:签署|签订|签约|达成|缔结|续签|交换)了?(?:[0-9一二三四五六七八九十两多]+[份项个])?"
)


def memo_start(norm: str, start: int, hs: int) -> int | None:
    """Where a memorandum's name starts, given the left edge ``start`` the head at
    ``hs`` got: after the last verb of signing in between; ``None`` when fewer than two
    characters of field are left.

    >>> s = "两国签署了林业与草原合作谅解备忘录"
    >>> memo_start(s, 0, 12), memo_start("双方签署合作备忘录", 0, 4)
    (5, None)
    >>> memo_start("已签署12份海洋环保合作谅解备忘录", 0, 10)
    6
    """
    last = None
    for m in _SIGNED.finditer(norm, start, hs):
        last = m.end()
    s = start if last is None else last
    return s if hs - s >= 2 else None
