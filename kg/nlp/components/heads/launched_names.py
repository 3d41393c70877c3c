"""A campaign or a project named as the subject of its launch, for ``kg_patterns``: a
headline or a clause that opens with the name and says it starts (某河全线生态补水行动正式
启动, （3）某某湖区湿地修复试点工程启动) names one programme, where 行动 otherwise needs an
implementing verb, a year or quotes before it and 工程 a specific opening. The launch is
the whole predicate (the clause ends after it, or its ceremony follows), the name opens
the clause (a headline, a sentence, a numbered item of a summary) and runs six characters
at least before its head, so that a bare field (救援行动启动) names none.

>>> launched_name("某河全线生态补水行动正式启动", 0, 8, 10)
True
>>> launched_name("（3）某某湖区湿地修复试点工程启动。", 3, 13, 15)
True
>>> launched_name("今年，救援行动启动。", 3, 5, 7)
False
>>> launched_name("会议要求，确保某某流域生态补水行动启动。", 7, 15, 17)
False
>>> launched_name("某河全线生态补水行动启动以来成效明显。", 0, 8, 10)
False
"""

from __future__ import annotations

import re

# the launch right after the head, and the end of the clause (or its ceremony) after it
LAUNCHED = re.compile(r"(?:正式)?(?:启动|开启|启幕)(?:实施)?(?:仪式|[\s。，；！：]|\Z)")
# what may stand before a name that opens its clause: the text's start, a line break, a
# sentence's or clause's end, a colon, or a numbered item of a summary (（3）, 3.)
_CLAUSE_END = frozenset("\n。！？；：")
_ITEM = re.compile(r"(?:[（(]\d{1,2}[）)]|\d{1,2}[.．、])\s*\Z")
# characters of the name before its head, at least: 救援行动, 联合行动 name a field only
MIN_FIELD = 6


def opens_clause(norm: str, start: int) -> bool:
    """Whether ``start`` opens a headline, a sentence or a numbered item (spaces skipped).

    >>> opens_clause("会议指出：某某行动", 5), opens_clause("（2） 某某工程", 4)
    (True, True)
    >>> opens_clause("确保某某行动", 2)
    False
    """
    i = start
    while i > 0 and norm[i - 1] in " \u3000\t":
        i -= 1
    return i == 0 or norm[i - 1] in _CLAUSE_END or bool(_ITEM.search(norm, max(0, i - 6), i))


def launched_name(norm: str, start: int, hs: int, he: int) -> bool:
    """Whether the name ``norm[start:he]`` (head at ``hs:he``) opens its clause and is the
    subject of its launch (…行动|正式启动, …工程|启动)."""
    return (
        hs - start >= MIN_FIELD
        and LAUNCHED.match(norm, he) is not None
        and opens_clause(norm, start)
    )
