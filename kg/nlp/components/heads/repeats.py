"""A programme's name found once by its head rules names it wherever it stands again.

The head rules read a name where its context shows it is one: after an implementing
verb (开展|批林批孔运动), a quote, a year. The same words elsewhere in the document name
the same programme, though no verb stands before them (经过批林批孔运动的锻炼, 批林批孔
运动取得胜利): each other occurrence that is whole words and lies in no other
candidate becomes a mention of that programme (rule ``repeat``).

>>> from kg.nlp.pipeline import make_nlp
>>> st = make_nlp()("经过山海联防运动的锻炼，人民更加团结。我们要开展山海联防运动。")._.kg
>>> [(m.text, m.rule) for m in st.mentions if m.type == "Program"]
[('山海联防运动', 'repeat'), ('山海联防运动', 'pattern')]
"""

from __future__ import annotations

import bisect

from kg.model import Mention
from kg.nlp.components.heads.organisations import SUBUNIT_HEADS
from kg.nlp.text import norm_name

#: the types whose names a head rule finds in context and the rest of the text repeats
REPEATED_TYPES = frozenset({"Program"})
#: the shortest name repeated: a shorter one is as often a word of something else
MIN_LEN = 4
#: an organisation's head after an occurrence: the name is the body's (某某基金|理事会,
#: 某某工程|办公室), not a mention of the programme
BODY_AFTER = tuple(sorted(SUBUNIT_HEADS | {"管理中心", "中心", "公司", "集团", "管理局", "基金会"}))


def repeats(st, norm: str, starts, ends, first: int, statute) -> list[Mention]:
    """Mentions of the head rules' programmes (candidates of ``st`` from index ``first``
    on, rule ``pattern``) at their other occurrences in ``norm``: whole words (``starts``/
    ``ends``: the token-boundary masks) overlapping no candidate; none in a statute
    (``statute()``, asked only when there is a name to repeat: a statute's 某某计划 is as
    often the class of plans its articles regulate)."""
    names: dict[str, Mention] = {}
    for c in st.candidates[first:]:
        if (
            c.type in REPEATED_TYPES
            and c.rule == "pattern"
            and c.end - c.start >= MIN_LEN
            and norm_name(c.text) == c.label  # not a list's member under its full name
        ):
            names.setdefault(norm[c.start : c.end], c)
    if not names or statute():
        return []
    spans = sorted((c.start, c.end) for c in st.candidates)
    starts_only = [a for a, _ in spans]
    longest = max(b - a for a, b in spans)
    n = len(norm)
    found: list[tuple[int, int, int]] = []  # (the name's rank, start, end)
    # longer names first, each occurrence taken then counted as a candidate: of two
    # nested names (某某运动 in 全民某某运动) only the longer is a mention where both stand
    items = list(names.items())
    order = sorted(range(len(items)), key=lambda r: -len(items[r][0]))
    for r in order:
        name = items[r][0]
        k = len(name)
        p = norm.find(name)
        while p >= 0:
            q = p + k
            if (
                starts[p]
                and (q == n or ends[q])
                and not norm.startswith(BODY_AFTER, q)
                and not _overlaps(spans, starts_only, longest, p, q)
            ):
                found.append((r, p, q))
                i = bisect.bisect_left(spans, (p, q))
                spans.insert(i, (p, q))
                starts_only.insert(i, p)
                longest = max(longest, k)
            p = norm.find(name, p + 1)
    out: list[Mention] = []
    for r, p, q in sorted(found):  # the names' order, as found in the text
        c = items[r][1]
        out.append(Mention(p, q, st.text[p:q], c.type, c.key, c.label, "repeat"))
    return out


def _overlaps(spans, starts_only, longest: int, a: int, b: int) -> bool:
    """Whether a candidate span overlaps ``[a, b)`` (``spans`` sorted, no candidate longer
    than ``longest``)."""
    i = bisect.bisect_left(starts_only, a - longest)
    j = bisect.bisect_left(starts_only, b)
    return any(s < b and e > a for s, e in spans[i:j])
