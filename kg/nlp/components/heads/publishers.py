"""A publisher named as the one that publishes a book, for ``kg_patterns``: 由X出版社出版
(由某某出版社近日出版, 由甲出版社和乙出版社联合出版) names each publisher, an organisation,
though its name is only common words (某某文献出版社, 外文出版社: no proper name, no
dictionary entry). The name runs from 由 (or the list mark before it) to 出版社.

>>> norm = "该书由某某出版社、外文出版社联合出版。"
>>> [norm[a:b] for a, b in publisher_spans(norm)]
['某某出版社', '外文出版社']
"""

from __future__ import annotations

import re

from kg.model import Mention
from kg.nlp.components.base import open_key
from kg.nlp.text import norm_name

# 由, the publishers (a list of them), up to six characters (近日, 联合, 分别), 出版
PUBLISHED = re.compile(
    r"由(?P<names>[^\s，。；：“”《》（）()由]{2,40}?出版社)[^\s，。；：“”《》（）()、]{0,6}?出版(?!社)"
)
PART = re.compile(r"[^、和与及]+")


def publisher_spans(norm: str):
    """The spans of the publishers ``norm`` names as publishing (module docstring)."""
    for m in PUBLISHED.finditer(norm):
        for p in PART.finditer(norm, *m.span("names")):
            a, b = p.span()
            if b - a >= 5 and norm.endswith("出版社", a, b) and norm.count("出版社", a, b) == 1:
                yield a, b


def publishers(st, norm: str, gaz) -> None:
    """Add the publishers the text names as publishing (see the module docstring); nothing
    where a candidate already covers one."""
    if "出版社" not in norm:
        return
    cands = st.candidates
    n = len(cands)
    for a, b in publisher_spans(norm):
        if any(x.start <= a and x.end >= b for x in cands[:n]):
            continue
        label = norm_name(st.text[a:b])
        e = gaz.lookup(label)
        if e is not None and e.type != "Organization":
            continue
        key = e.id if e is not None else open_key("Organization", label)
        cands.append(Mention(a, b, st.text[a:b], "Organization", key, label, "publisher"))
