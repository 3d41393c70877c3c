"""A law the document names in full (中华人民共和国某某法) names it again by its short form
(某某法) wherever that stands as whole words: news and reports quote the full title once
and then write the law bare (通过了某某法、某某法, 某某法规定…). The gazetteer's laws get
their short forms from its aliases; a law it does not list (adopted after it was made, or a
new code) had none, so the bare form was no mention. Each other occurrence of the short
form that starts and ends a word and lies in no other candidate becomes a mention of the
same law (rule ``short_form``): one node under both forms. Where another state's or
place's name stands right before it (某国|某某法, 香港|某某法) it names that law, not the
PRC's: ``foreign_laws`` drops it.

A short form of fewer than three characters (刑法 is the gazetteer's own) is left to the
gazetteer, and an occurrence that runs on into a longer word (某某法|律责任, 某某法|制,
某某法|规) names nothing; a verb that opens with such a character (某某法|规定, 某某法|规范,
某某法|制定) does not run on.

>>> from kg.nlp.pipeline import make_nlp
>>> st = make_nlp()("《中华人民共和国某某促进法》今天起施行。某某促进法明确了责任。")._.kg
>>> [(m.text, m.rule) for m in st.mentions if m.type == "Law"]
[('中华人民共和国某某促进法', 'title'), ('某某促进法', 'short_form')]
"""

from __future__ import annotations

from kg.model import PRC_NAME, Mention

#: the shortest short form repeated
MIN_LEN = 3
#: the rule of the mentions made here (``foreign_laws`` reads it)
RULE = "short_form"


#: characters that make a short form's last 法 a noun of its own (法律, 法制, 法治, 法院,
#: 法官, 法庭, 法学, 法人, 法规)
_NOUN_AFTER = frozenset("律制治院官庭学人规")
#: verbs that open with such a character and follow a law as its predicate (某某法|规定了,
#: 某某法|规范了, 某某法|制定过程中)
_VERBS_AFTER = ("规定", "规范", "制定")


def _runs_on(norm: str, q: int) -> bool:
    """Whether the short form ending at ``q`` runs on into such a noun (某某法|律责任,
    某某法|制宣传, 某某法|规体系; but not 某某法|规定, 某某法|制定): the segmenter, which
    knows the gazetteer's short forms, may cut there all the same."""
    if not norm.endswith("法", 0, q) or q >= len(norm):
        return False
    return norm[q] in _NOUN_AFTER and not norm.startswith(_VERBS_AFTER, q)


def law_short_forms(st, norm: str, starts, ends) -> list[Mention]:
    """Mentions of the short forms of the laws ``st``'s candidates name with the PRC's
    name before them, at their other whole-word occurrences in ``norm`` (``starts``/
    ``ends``: the token-boundary masks) that overlap no candidate."""
    shorts: dict[str, Mention] = {}
    for c in st.candidates:
        if c.type == "Law" and norm.startswith(PRC_NAME, c.start):
            short = norm[c.start + len(PRC_NAME) : c.end]
            if len(short) >= MIN_LEN:
                shorts.setdefault(short, c)
    if not shorts:
        return []
    spans = [(c.start, c.end) for c in st.candidates]
    n = len(norm)
    out: list[Mention] = []
    for short in sorted(shorts, key=len, reverse=True):  # a longer short form first
        c = shorts[short]
        k = len(short)
        p = norm.find(short)
        while p >= 0:
            q = p + k
            if (
                starts[p]
                and (q == n or (ends[q] and not _runs_on(norm, q)))
                and not (p >= len(PRC_NAME) and norm.startswith(PRC_NAME, p - len(PRC_NAME)))
                and not any(a < q and b > p for a, b in spans)
            ):
                out.append(Mention(p, q, st.text[p:q], c.type, c.key, c.label, RULE))
                spans.append((p, q))
            p = norm.find(short, p + 1)
    return out
