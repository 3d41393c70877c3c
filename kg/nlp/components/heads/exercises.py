"""A military exercise named by its code name, for ``kg_patterns``: a quoted code name
(“某某-2025”, “某某－2024A”; without a year, of four characters at least: “某某风暴”)
right before the exercise's head (演习, 军演; 演练 only after a code with a year: a
drill's kind is quoted too, “红蓝”对抗演练) with
at most three words of its kind between (联合, 反恐, 军事, 战略, 作战…) names one
exercise, an Event (GUIDELINES.md: named gatherings, exercises among them in the news).

>>> [m.group() for m in EXERCISE.finditer("举行“某某-2025A”演习，“某某使命－2021”联合反恐军事演习")]
['“某某-2025A”演习', '“某某使命－2021”联合反恐军事演习']
>>> [m.group() for m in EXERCISE.finditer("开展“背靠背”对抗演练，参加“某某”的演习")]
[]
"""

from __future__ import annotations

import re

from kg.model import Mention
from kg.nlp.components.base import open_key
from kg.nlp.text import norm_name

# the words of an exercise's kind between its code name and its head
_KIND = r"(?:联合|反恐|军事|战略|作战|实兵|海上|空中|合成|战役|大规模|年度|演训)"
_YEAR = r"[\u4e00-\u9fffA-Za-z]{2,8}[-－—–‐]\d{4}[A-Z]?"
EXERCISE = re.compile(
    rf"“(?:{_YEAR}”{_KIND}{{0,3}}(?:演习|军演|演练)"
    rf"|[\u4e00-\u9fff]{{4,8}}”{_KIND}{{0,3}}(?:演习|军演))"
)


def exercises(st, norm: str) -> None:
    """Add the exercises named by a quoted code name (see the module docstring), where no
    candidate covers the span already."""
    if "演" not in norm or "“" not in norm:
        return
    cands = st.candidates
    n = len(cands)
    for m in EXERCISE.finditer(norm):
        a, b = m.span()
        if any(x.start <= a and x.end >= b for x in cands[:n]):
            continue
        label = norm_name(st.text[a:b])
        cands.append(
            Mention(a, b, st.text[a:b], "Event", open_key("Event", label), label, "pattern")
        )
