"""A state body's own rules of procedure named bare, for ``kg_patterns``: 某某常委会议事规则,
某某委员会工作规则 right after a state body the recognisers found (a GovernmentBody
candidate) are the rules that body works by, a legally binding state instrument
(GUIDELINES.md: Law), whatever form of the body's name the text uses. The rules are keyed
by the gazetteer's law of the body's full name and the head where it lists one (某省人大
常委会议事规则 → 某省人民代表大会常务委员会议事规则), else by that full name: both forms are
one node.

A party organ's rules (中共某某委员会工作规则) bind the party, not the state: no Law. A
body that is no state organ (an owners' assembly's 议事规则, a class every housing estate
has) is no candidate here, and a head that runs on into a longer word (…议事规则化) names
nothing.

>>> from kg.model import Document
>>> from kg.nlp import extract
>>> r = extract(Document("t", "主任会议依照全国人大常委会议事规则提出议案。", {}))
>>> [(m.text, m.key) for m in r.mentions if r.entities[m.key].type == "Law"]
[('全国人大常委会议事规则', 'law/中华人民共和国全国人民代表大会常务委员会议事规则')]
"""

from __future__ import annotations

from kg.nlp.components.base import open_key

# the heads of a body's rules of procedure, as the words that end them
HEADS = ("议事规则", "工作规则")
# the gazetteer's categories of the Communist Party's organs (its central committee and
# politburo, its central departments, offices and commissions, its provincial committees)
PARTY_CATEGORIES = frozenset(
    {"党中央", "省级党委", "中央职能部门", "中央办事机构", "中央决策议事协调机构"}
)
# how a party organ's full name opens (a committee the gazetteer does not list)
PARTY_NAMES = ("中国共产党", "中共")


def _party_organ(c, gaz) -> bool:
    if c.label.startswith(PARTY_NAMES):
        return True
    e = gaz.entries.get(c.key) if gaz is not None else None
    return e is not None and e.category in PARTY_CATEGORIES


def body_rules(st, gaz) -> list[tuple[int, int, str]]:
    """``(start, end, key)`` of each state body's rules in ``st`` (a kg doc state:
    ``norm``, ``candidates``, ``tok_starts``, ``tok_ends``): the key of ``gaz``'s law of
    the body's full name (the candidate's label) and the head, or an open one."""
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
                if not _party_organ(c, gaz):
                    out.append((c.start, e, _key(gaz, c.label + head)))
                break
    return out


def _key(gaz, full: str) -> str:
    known = gaz.lookup(full) if gaz is not None else None
    return known.id if known is not None and known.type == "Law" else open_key("Law", full)
