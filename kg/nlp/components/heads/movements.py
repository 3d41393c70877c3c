"""Organisations named by a transliterated word alone, for ``kg_patterns``: a word that
looks transliterated (:func:`~kg.nlp.components.heads.organisations.transliterated`: not
卓越, which jieba tags as a name too), that no other rule read as a place, a country or an
organisation, right before a word for an organisation's leaders, organs or
armed members (某某|领导人, 某某|政治局, 某某|高级官员, 某某|武装人员, 某某|指挥官) names an
organisation (a movement, an armed group): a person has none of them. The text's other
uses of the word, as whole words, name the same organisation (某某和某某|在北京签署…, where
a list of two names reads as persons), under the key of the organisation another rule
gave that word (某某运动（某某）: the defined short form) or that word + 武装 (an armed
group's name: its members are its armed members) if one did.

Not 发言人 or 方面: a person has a spokesman (某某发言人) and a side (某某方面) too.

>>> [r for r in ROLES if "某某领导人称".find(r) == 2]
['领导人']
"""

from __future__ import annotations

import re

from kg.model import Mention
from kg.nlp.components.base import open_key
from kg.nlp.components.heads.organisations import transliterated

# an organisation's leaders, organs and armed members, as whole words right after its name
ROLES = ("政治局", "领导人", "领导层", "高级官员", "武装人员", "指挥官")
ROLE_RE = re.compile("|".join(ROLES))
HAN = re.compile(r"[\u4e00-\u9fff]{2,6}")
# types whose candidates the word may not touch (a person's reading it overrides)
KNOWN = frozenset({"Country", "Location", "Organization", "GovernmentBody", "Ministry"})


def movements(st, norm: str, view) -> list[Mention]:
    """The mentions of organisations named by a transliterated word (module doc)."""
    if ROLE_RE.search(norm) is None:
        return []
    starts, ends = view.starts, view.ends
    known = [(c.start, c.end) for c in st.candidates if c.type in KNOWN]
    named = {c.text: (c.key, c.label) for c in st.candidates if c.type == "Organization"}

    def touches(a: int, b: int) -> bool:
        return any(s < b and a < e for s, e in known)

    words = set()
    for m in ROLE_RE.finditer(norm):
        e = m.start()
        if not (starts[e] and ends[m.end()]) or e < 2:
            continue
        s = starts.rfind(1, max(0, e - 6), e)
        w = norm[s:e] if s >= 0 else ""
        if HAN.fullmatch(w) and transliterated(w) and not touches(s, e):
            words.add(w)
    out = []
    for w in sorted(words):  # (a set's order changes with the hash seed: mentions would too)
        # 某某|武装人员 of the armed group another rule named 某某|武装: that group
        key, label = named.get(w) or named.get(w + "武装") or (open_key("Organization", w), w)
        for m in re.finditer(w, norm):
            a, b = m.span()
            if starts[a] and ends[b] and not touches(a, b):
                out.append(Mention(a, b, st.text[a:b], "Organization", key, label, "organ"))
    return out
