"""A publisher named as the one that publishes a book, for ``kg_patterns``: 由X出版社出版
(由某某出版社近日出版, 由甲出版社和乙出版社联合出版) names each publisher, an organisation,
though its name is only common words (某某文献出版社, 外文出版社: no proper name, no
dictionary entry). The name runs from 由 (or the list mark before it, or the last 的 of
a relative clause) to 出版社; a class of publishers (由专门地图出版社出版, 由多家出版社出版,
由某部选择的中央一级出版社出版: ``named_part``) is no name, nor a clause that holds an organ
or a person (由某部指定出版社出版: the organ chooses; 某大学出版社 is the university's own).

>>> norm = "该书由某某出版社、外文出版社联合出版，汇编由当地出版社出版。"
>>> [norm[a:b] for a, b in publisher_spans(norm)]
['某某出版社', '外文出版社']
"""

from __future__ import annotations

import re

from kg.nlp.components.heads.named_part import named_start, organisation_mention

# 由, the publishers (a list of them), up to six characters (近日, 联合, 分别), 出版
PUBLISHED = re.compile(
    r"由(?P<names>[^\s，。；：“”《》（）()由]{2,40}?出版社)[^\s，。；：“”《》（）()、]{0,6}?出版(?!社)"
)
PART = re.compile(r"[^、和与及]+")
HEAD = "出版社"
# the candidates that make a clause of a publisher's span where they end before its head
# (由某部指定出版社出版): an organ or a person chooses the publisher
CHOOSERS = frozenset({"GovernmentBody", "Person"})


def publisher_spans(norm: str):
    """The spans of the publishers ``norm`` names as publishing (module docstring)."""
    for m in PUBLISHED.finditer(norm):
        for p in PART.finditer(norm, *m.span("names")):
            a, b = p.span()
            if not norm.endswith(HEAD, a, b) or norm.count(HEAD, a, b) != 1:
                continue
            a = named_start(norm, a, b)
            if a is not None and b - a >= 5:
                yield a, b


def publishers(st, norm: str, gaz) -> None:
    """Add the publishers the text names as publishing (see the module docstring); nothing
    where a candidate already covers one."""
    if HEAD not in norm:
        return
    cands = st.candidates
    n = len(cands)
    for a, b in publisher_spans(norm):
        if any(x.start <= a and x.end >= b for x in cands[:n]):
            continue
        if any(x.type in CHOOSERS and a <= x.start and x.end < b - len(HEAD) for x in cands[:n]):
            continue  # 由某部指定出版社出版: the organ that chooses it
        m = organisation_mention(st, gaz, a, b, "publisher")
        if m is not None:
            cands.append(m)
