"""A numbered festival, for ``kg_patterns``: an edition (第N届, 首届, with its year) opens
the name of a recurring festival whose head is 节 (第六届某某国际民族舞蹈节, 首届某某灯光节,
第31届某某电视节); 节 alone ends too many words (节日, 春节, 环节) to be a head, but after an
edition and within one clause of nouns it names one festival. GUIDELINES: festivals are
events. The span runs from the edition to the first 节 that ends a word; a verb or a
clause mark in between means the edition opened something else (第十届会议闭幕正值春节).

>>> norm = "第六届某地国际民族舞蹈节在某市开幕；第三届某某会议闭幕正值春节。"
>>> [norm[a:b] for a, b in festival_spans(norm)]
['第六届某地国际民族舞蹈节']
"""

from __future__ import annotations

import re

from kg.model import Mention
from kg.nlp.components.base import open_key
from kg.nlp.text import norm_name

# an edition (its year too), then 2–16 characters of a name without a clause mark, and
# 节: the shortest such span (the name's 节 is its first that ends a word, checked below)
EDITION_FESTIVAL = re.compile(
    r"(?:(?:19|20)\d{2}年?)?(?:第[一二三四五六七八九十百零〇\d]+届|首届)"
    r"[^\s，。；：、“”《》（）()!?！？,;:]{2,16}?节"
)
# what no festival's name holds: a gathering's head (the edition opened a meeting), the
# words of a holiday said of a date (正值春节, 节日)
NOT_IN_NAME = re.compile(r"会议|大会|全会|节日|期间|正值|前夕")


def festival_spans(norm: str, ends: bytes | bytearray | None = None, verbs=frozenset()):
    """The spans of numbered festivals in ``norm``; ``ends`` (the token-end mask) makes 节
    end a word (not 节能), ``verbs`` are the words that end a name's context."""
    for m in EDITION_FESTIVAL.finditer(norm):
        a, b = m.span()
        if ends is not None and b < len(norm) and not ends[b]:
            continue  # 第二届某某节能…: 节 opens a word
        if NOT_IN_NAME.search(norm, a, b):
            continue
        if verbs and _holds_verb(norm, a, b, ends, verbs):
            continue
        yield a, b


def _holds_verb(norm: str, a: int, b: int, ends, verbs) -> bool:
    """Whether a word between the edition and the head is a verb (a clause, not a name)."""
    if ends is None:
        return False
    i = a
    for j in range(a + 1, b):
        if ends[j]:
            if norm[i:j] in verbs:
                return True
            i = j
    return False


def edition_festivals(st, norm: str, ends, verbs) -> None:
    """Add the numbered festivals the text names (see the module docstring); nothing where
    an event's name already covers one."""
    if "届" not in norm:
        return
    cands = st.candidates
    n = len(cands)
    for a, b in festival_spans(norm, ends, verbs):
        if any(x.start <= a and x.end >= b and x.type == "Event" for x in cands[:n]):
            continue
        label = norm_name(st.text[a:b])
        cands.append(
            Mention(a, b, st.text[a:b], "Event", open_key("Event", label), label, "festival")
        )
