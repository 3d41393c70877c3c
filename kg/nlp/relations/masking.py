"""Sentence masking and the shapes every relation family reads.

A sentence is *masked*: every entity mention becomes one type code (a private-use
character) followed by filler characters, same length, so offsets stay valid and small
regexes can read the structure (``AG`` = an agent, ``ENT`` = any entity…). Clauses are
the stretches between ，；： and sentence ends.

>>> from kg.model import Mention
>>> m = Mention(0, 2, "中国", "Country", "country/CHN", "中国", "gazetteer")
>>> ms = mask("中国发布，好。", 0, 7, [m])
>>> ms == CODE["Country"] + FILL + "发布，好。"
True
>>> split_clauses(ms)
[(0, 4), (5, 6), (7, 7)]
"""

from __future__ import annotations

import re

from kg.model import Mention
from kg.nlp.components.base import ORGANISATION_TYPES

#: who can issue a law or a programme
ISSUERS = ORGANISATION_TYPES | {"Country"}
#: who can be the subject of a relation (the agent of a verb)
AGENTS = ISSUERS | {"Person"}
AGL_TYPES = frozenset(
    {"GovernmentBody", "Ministry", "Organization", "Country", "Person", "Location"}
)
#: a sentence without one of these takes part in no relation
GATE = frozenset(
    {"Law", "Program", "Event", "Organization", "GovernmentBody", "Ministry", "Country", "Person"}
)
#: what may be part of what (partOf): documents of documents, events of documents…
GROUP = {
    "Program": "doc",
    "Law": "doc",
    "Event": "event",
    "GovernmentBody": "body",
    "Ministry": "body",
    "Organization": "body",
}

# mask codes: one private-use character per type, then filler
CODE = {
    "GovernmentBody": "\ue010",
    "Ministry": "\ue010",
    "Organization": "\ue011",
    "Country": "\ue012",
    "Person": "\ue013",
    "Location": "\ue014",
    "Law": "\ue015",
    "Program": "\ue016",
    "Event": "\ue017",
}
FILL = "\ue01f"
AG = "[\ue010-\ue013]\ue01f*"  # an agent
BODY = "[\ue010-\ue012]\ue01f*"  # an agent that is no person (body, organisation, country)
AGL = "[\ue010-\ue014]\ue01f*"  # an agent or a place
LOC = "\ue014\ue01f*"  # a place
ENT = "[\ue010-\ue017]\ue01f*"  # any entity
MASKED = "\ue010-\ue01f"
SEP = "，,；;：:"
END = "。！？!?\n"
QUOTES = "《》“”‘’「」『』\"'〈〉"
NOQ = re.compile(f"[{QUOTES}\\s]")
COUNT_NOUN = re.compile(r"^[一二三四五六七八九十两几多数\d]+(?:大|项|个|类|种|批|条|场|次)")
#: the words that join the names of a list (甲、乙和丙; 甲以及乙)
LIST_JOINERS = frozenset({"、", "和", "及", "与", "以及"})
#: the joiners as a regex alternation, longest first
JOINER_ALT = "|".join(sorted(LIST_JOINERS, key=lambda w: (-len(w), w)))
#: what stands between two names of one list: a joiner (or 或, 暨), or 等… and a joiner
LIST_SEP = re.compile(
    rf"^(?:（[^（）]*）)?(?:{JOINER_ALT}|或|暨|或者)?$|^(?:（[^（）]*）)?等[^，,；;：:。]{{0,8}}?(?:{JOINER_ALT})$"
)
TIME = (
    r"(?:(?:[\d一二三四五六七八九十〇零两]+|上|下|本|今|去|明)(?:年度|年|月份|月|日|号|周)"
    r"(?:以来|起|底|末|初|前|后|中|上半年|下半年)?)"
)
ORDINAL = (
    r"(?:[一二三四五六七八九十]+是|第[一二三四五六七八九十]+[，,、]?|[（(][一二三四五六七八九十\d]+[）)]"
    r"|\d+[.．、]|[一二三四五六七八九十]+、|其[一二三四五六七八九十])"
)
ORDINAL_RE = re.compile(r"\s*" + ORDINAL)
# paragraphs that continue a list whose subject was stated before it (一是…, 二是…)
PARA_ORD = re.compile(
    r"\n[\s\u3000]*(?:[一二三四五六七八九十]+是|第[一二三四五六七八九十]+[，,]|其次|再次|最后)"
)
PARA_FIRST = re.compile(r"\n[\s\u3000]*(?:一是|第一[，,]|首先)")
CLAUSE_SEP = re.compile(f"[{SEP}{END}]")

#: A maskable mention: an outermost mention, or ORG + post + PERSON as the person.
Unit = Mention
#: rule suffix of a unit named with its verb (共建“一带一路”): the verb is left unmasked
VERB_LED = "+verb"


def mask(norm: str, s: int, e: int, su: list[Unit]) -> str:
    """``norm[s:e]`` with each unit of ``su`` (sorted, inside) replaced by its code."""
    parts = []
    last = s
    for u in su:
        parts.append(norm[last : u.start])
        parts.append(CODE.get(u.type, "\ue011") + FILL * (u.end - u.start - 1))
        last = u.end
    parts.append(norm[last:e])
    return "".join(parts)


def split_clauses(ms: str) -> list[tuple[int, int]]:
    """The clauses of a masked sentence, as (start, end) without their separators."""
    out = []
    start = 0
    for m in CLAUSE_SEP.finditer(ms):
        i = m.start()
        out.append((start, i))
        start = i + 1
    out.append((start, len(ms)))
    return out


def titled(ms: str, u: Unit, base: int) -> bool:
    """Whether ``u`` is written in 《》 (quote marks are not masked)."""
    i = u.start - base
    return i > 0 and ms[i - 1] == "《"


def outermost(mentions: list[Mention]) -> list[Unit]:
    """The outermost of ``mentions`` (sorted by (start, end)): nested ones are dropped,
    of two with the same start the longer is kept."""
    out: list[Unit] = []
    last_end = -1
    for m in mentions:
        if m.start < last_end:
            if out and m.start == out[-1].start and m.end > last_end:
                out.pop()  # the same start, longer: the outer one
            else:
                continue  # nested in (or crossing) the previous outermost one
        out.append(m)
        last_end = m.end
    return out
