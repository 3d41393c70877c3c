"""A state body's own rules of procedure named bare, for ``kg_patterns``: 某某常委会议事规则,
某某委员会工作规则 right after a body the recognisers found (a GovernmentBody candidate) are
the rules that body works by, a binding instrument (GUIDELINES.md: Law), whatever form of
the body's name the text uses. The rules are keyed by the body's full name and the head,
so that the short form (全国人大议事规则) is the gazetteer's law of the full one where it
lists it (中华人民共和国全国人民代表大会议事规则), and both forms are one node where it
does not.

A body that is no state organ (an owners' assembly's 议事规则, a class every housing
estate has) is no candidate here, and a head that runs on into a longer word
(…议事规则化) names nothing.

>>> from kg.model import Document
>>> from kg.nlp import extract
>>> r = extract(Document("t", "根据全国人大议事规则，主席团主持大会。", {}))
>>> [(m.text, m.key) for m in r.mentions if r.entities[m.key].type == "Law"]
[('全国人大议事规则', 'law/中华人民共和国全国人民代表大会议事规则')]
"""

from __future__ import annotations

# the heads of a body's rules of procedure, as the words that end them
HEADS = ("议事规则", "工作规则")


def body_rules(st, gaz) -> list[tuple[int, int, str]]:
    """``(start, end, full name)`` of each body's rules in ``st`` (a kg doc state:
    ``norm``, ``candidates``, ``tok_starts``, ``tok_ends``); the full name is the
    body's canonical name (the candidate's label) and the head."""
    norm = st.norm
    if "规则" not in norm:
        return []
    out = []
    for c in st.candidates:
        if c.type != "GovernmentBody" or c.start not in st.tok_starts:
            continue
        for head in HEADS:
            e = c.end + len(head)
            if norm.startswith(head, c.end) and e in st.tok_ends:
                out.append((c.start, e, c.label + head))
                break
    return out
