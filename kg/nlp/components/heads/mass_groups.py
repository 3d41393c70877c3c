"""Mass organisations in a list before their class noun, for ``kg_patterns``: in
A、B和C等群团组织 (等人民团体) each item that jieba's dictionary holds as a proper name or an
abbreviation (tags ``j``, ``nt``, ``nz``: 共青团, a federation's short form) or the gazetteer
as an organisation names one organisation (GUIDELINES: associations); a common noun there
(工会, 有关部门) names a kind.

>>> norm = "支持某某、共青团和科协等群团组织更好发挥作用"
>>> [norm[a:b] for a, b in listed_spans(norm)]
['共青团', '科协']
"""

from __future__ import annotations

import re

from kg.nlp.components.heads.named_part import organisation_mention
from kg.nlp.text import jieba_tags

LIST = re.compile(
    r"(?P<run>[\u4e00-\u9fff]{2,14}(?:(?:、|和|及)[\u4e00-\u9fff]{2,14}){0,8})"
    r"等(?:群团组织|人民团体)"
)
ITEM_SPLIT = re.compile("、|和|及")
# jieba's tags of a proper name or an abbreviation
NAME_TAGS = frozenset({"j", "nt", "nz"})


def listed_spans(norm: str, known=lambda w: False):
    """The spans of the organisations a list before 等群团组织/等人民团体 names: each
    item, or for the first one its longest tail, a tagged word of jieba's or ``known``."""
    tags = jieba_tags()
    for m in LIST.finditer(norm):
        pos = m.start("run")
        items = ITEM_SPLIT.split(m.group("run"))
        for i, item in enumerate(items):
            # the first item may carry the verb that governs the list (支持|工会)
            for k in range(0, len(item) - 1) if i == 0 else (0,):
                w = item[k:]
                if tags.get(w) in NAME_TAGS or known(w):
                    yield pos + k, pos + len(item)
                    break
            pos += len(item) + 1


def mass_groups(st, norm: str, gaz) -> None:
    """Add the organisations listed before 等群团组织/等人民团体 (module docstring)."""
    if "等群团组织" not in norm and "等人民团体" not in norm:
        return

    def known(w: str) -> bool:
        e = gaz.lookup(w)
        return e is not None and e.type == "Organization"

    for a, b in listed_spans(norm, known):
        m = organisation_mention(st, gaz, a, b, "listed")
        if m is not None:
            st.candidates.append(m)
