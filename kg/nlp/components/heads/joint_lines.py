"""Cross-border lines as programmes: a railway, pipeline, road or canal named by the
countries it joins (中某铁路, 中某东线天然气管道, 中某某跨境公路) is a project of those
countries, a Program by GUIDELINES.md (projects), whatever verb governs it.

The countries are the pair (or run of three) of one-character abbreviations that
``kg.nlp.abbreviations`` already found as Country mentions: only there does the text make
the characters countries. Up to six characters of route or cargo (东线, 天然气, 跨境) may
stand between the pair and the head; the head must end a word (中某铁路|建设, not
中某铁路局 as an organ). A domestic line (甲乙铁路 of two provinces) is not read: its ends
are no mentions here.
"""

from __future__ import annotations

import re

# the heads of a line, longest first; each ends a word
_LINE = re.compile(r"[\u4e00-\u9fff]{0,6}?(?:高速铁路|铁路|高铁|油气管道|管道|公路|运河)")
# words inside the route part that show it is no name of a line (之间, 合作, 关系…)
_NOT_ROUTE = re.compile(r"之间|合作|关系|两国|双方|领导人|和|与|的")


def joint_lines(st) -> list[tuple[int, int]]:
    """Spans of lines named by a pair of abbreviated countries in ``st`` (a kg doc
    state: ``norm``, ``candidates``, ``tok_ends``)."""
    singles = sorted(c.start for c in st.candidates if c.type == "Country" and c.end - c.start == 1)
    if len(singles) < 2:
        return []
    have = set(singles)
    out = []
    norm = st.norm
    for s in singles:
        if s - 1 in have or s + 1 not in have:
            continue  # not the first of a run
        e = s + 2
        if e in have:
            e += 1  # a run of three (中某某)
        m = _LINE.match(norm, e)
        if m is None or m.end() not in st.tok_ends or _NOT_ROUTE.search(norm, e, m.end()):
            continue
        out.append((s, m.end()))
    return out
