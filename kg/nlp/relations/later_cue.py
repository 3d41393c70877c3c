"""The cooperation cue of a stated will that comes in a later clause: 甲愿同乙|落实…，
深化…合作 (GUIDELINES.md: cooperatesWith needs stated cooperation between the two; the
will names the partner, a clause of the same subject further on the cooperation).

>>> from kg.model import Document
>>> from kg.nlp import extract
>>> t = "中国愿同泰国落实好两国领导人的共识，深化各领域务实合作。"
>>> [(r.subj, r.pred, r.obj) for r in extract(Document("t", t)).relations]
[('country/CHN', 'cooperatesWith', 'country/THA')]
"""

from __future__ import annotations

import re

#: the will right before 同/与 + the partner (中方愿同, 愿意与, 希望同)
_WILL = re.compile("(?:愿意?|希望|期待)$")
#: a later clause that furthers the cooperation: its verb opens it, 合作 ends its object
_FURTHER = re.compile(
    "(?:持续|不断|进一步|继续|共同|积极|全面|大力|更好)*"
    "(?:深化|加强|推进|推动|拓展|扩大|开展|促进|提升|密切|拓宽)[^，,；;：:]*?合作"
)
#: how far on the cue may come (the clauses of one chain of verbs)
_REACH = 5


def later_cue(sen, ci: int, start: int, end: int) -> tuple[str, re.Match] | None:
    """For 同/与 + partner at ``ms[start:end]`` in clause ``ci`` after a will, the words
    from ``end`` to the cue of a later clause of the same subject that furthers
    cooperation (joined by commas only, no new agent opening a clause between), and the
    cue in them; else None."""
    ms = sen.ms
    cs = sen.clauses[ci][0]
    if _WILL.search(ms, cs, start) is None:
        return None
    for k in range(ci + 1, min(ci + 1 + _REACH, len(sen.clauses))):
        if ms[sen.clauses[k - 1][1]] not in "，,":
            return None  # a new sentence part (；：) or the end
        if sen.cls(k)[0] == "agent":
            return None  # 乙方愿…: a clause of another subject
        ks, ke = sen.clauses[k]
        cm = _FURTHER.match(ms, ks, ke)
        if cm is not None:
            rest = ms[end : cm.end()]  # up to the cue: what follows it is the later clause's
            return rest, _FURTHER.match(rest, ks - end)
    return None
