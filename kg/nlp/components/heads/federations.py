"""An international federation by its short form, for ``kg_patterns``: 国际 + one or two
characters of its field + 联 (国际某联, a sport's federation written short) names an
organisation (GUIDELINES: international organisations), where 联 opening a word of
jieba's with what follows (联运, 联系, 联网), closing a verb (互联) or a function word
inside (国际法和|联合国) makes it no name.

>>> norm = "国际泳联官员表示，国际公铁联运发展。"
>>> [norm[a:b] for a, b in federation_spans(norm)]
['国际泳联']
"""

from __future__ import annotations

import re

from kg.nlp.components.heads.named_part import organisation_mention
from kg.nlp.text import jieba_tags

SHORT = re.compile(r"国际(?P<field>[\u4e00-\u9fff]{1,2})联")
FUNCTION_CHARS = frozenset("和与及的之")
# jieba's tags of a verb or adverb ending in 联 (互联, 关联, 串联: the latter two tagged
# ns there): the characters name an action, not a federation's field
NOT_FIELD_TAGS = frozenset({"v", "vn", "vd", "d", "a", "ns"})


def federation_spans(norm: str):
    """The spans of 国际某联 short forms (module docstring)."""
    tags = jieba_tags()
    for m in SHORT.finditer(norm):
        b = m.end()
        if FUNCTION_CHARS & set(m.group("field")):
            continue
        if b < len(norm) and norm[b - 1 : b + 1] in tags:
            continue  # 联|运, 联|系: 联 opens the next word
        if tags.get(norm[b - 2 : b]) in NOT_FIELD_TAGS:
            continue  # 国际|某互联, 国际|关联: 联 closes a verb
        yield m.start(), b


def federations(st, norm: str, gaz) -> None:
    """Add the federations written short (module docstring)."""
    if "国际" not in norm:
        return
    for a, b in federation_spans(norm):
        m = organisation_mention(st, gaz, a, b, "federation")
        if m is not None:
            st.candidates.append(m)
