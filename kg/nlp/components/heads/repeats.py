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
from kg.nlp.text import norm_name

#: the types whose names a head rule finds in context and the rest of the text repeats
REPEATED_TYPES = frozenset({"Program"})
#: the shortest name repeated: a shorter one is as often a word of something else
MIN_LEN = 4


def repeats(st, norm: str, starts, ends, first: int) -> list[Mention]:
    """Mentions of the head rules' programmes (candidates of ``st`` from index ``first``
    on, rule ``pattern``) at their other occurrences in ``norm``: whole words (``starts``/
    ``ends``: the token-boundary masks) overlapping no candidate."""
    names: dict[str, Mention] = {}
    for c in st.candidates[first:]:
        if (
            c.type in REPEATED_TYPES
            and c.rule == "pattern"
            and c.end - c.start >= MIN_LEN
            and norm_name(c.text) == c.label  # not a list's member under its full name
        ):
            names.setdefault(norm[c.start : c.end], c)
    if not names:
        return []
    spans = sorted((c.start, c.end) for c in st.candidates)
    starts_only = [a for a, _ in spans]
    longest = max(b - a for a, b in spans)
    n = len(norm)
    out: list[Mention] = []
    for name, c in names.items():
        k = len(name)
        p = norm.find(name)
        while p >= 0:
            q = p + k
            if (
                starts[p]
                and (q == n or ends[q])
                and not _overlaps(spans, starts_only, longest, p, q)
            ):
                out.append(Mention(p, q, st.text[p:q], c.type, c.key, c.label, "repeat"))
            p = norm.find(name, p + 1)
    return out


def _overlaps(spans, starts_only, longest: int, a: int, b: int) -> bool:
    """Whether a candidate span overlaps ``[a, b)`` (``spans`` sorted, no candidate longer
    than ``longest``)."""
    i = bisect.bisect_left(starts_only, a - longest)
    j = bisect.bisect_left(starts_only, b)
    return any(s < b and e > a for s, e in spans[i:j])
