"""A news medium a story cites as its source, for ``kg_patterns``: 据X报道, 据X某日消息,
and X报道说/报道称/援引 at the start of a clause, where X ends in a medium's head
(通讯社, 电视台, 电台, 广播公司, 新闻网, or 社 after a short name: 某联社, 某新社) names
that medium, an organisation (GUIDELINES: media), though no
dictionary holds it (a foreign agency or station written in transliteration). X runs from
据 (after the last 的 of a relative clause: 据某武装控制的某某电视台报道) to the head; a
class of media (据当地电视台报道, 据多家通讯社报道, 据某国电视台报道: ``named_part``) is no
name.

>>> [m.group("name") for m in CITED.finditer("据某某国家电视台20日报道，据塔斯社消息。")]
['某某国家电视台', '塔斯社']
"""

from __future__ import annotations

import re

from kg.nlp.components.heads.named_part import named_start, organisation_mention
from kg.nlp.text import jieba_tags

# the heads a medium's name ends in
MEDIA_HEADS = "通讯社|电视台|广播电台|电台|广播公司|新闻网|社"
CITED = re.compile(
    rf"据(?P<name>[^\s，。；：、“”《》（）()据]{{1,14}}?(?:{MEDIA_HEADS}))"
    r"(?:[\d一二三四五六七八九十]{1,3}日)?(?:报道|消息|援引)"
)
# the medium as the subject that opens a clause: X报道说, X援引… (美联社报道说), found
# from the verb back to the clause's start (a scan from every position costs)
SUBJECT_VERB = re.compile("报道说|报道称|援引")
DAY = re.compile(r"[\d一二三四五六七八九十]{1,3}日\Z")
SUBJECT = re.compile(rf"(?P<name>[^\s，。；：、“”《》（）()据！？]{{1,14}}?(?:{MEDIA_HEADS}))\Z")
CLAUSE_START = re.compile(r"[。，；！？\n]")
# the head a cited name ends in
HEAD = re.compile(rf"(?:{MEDIA_HEADS})\Z")
# the length of an agency's name that 社 alone ends (塔斯社, 美联社, 俄新社): other names in
# 社 are co-ops and the like
SHORT_AGENCY = 3
# jieba's tags of proper names (persons, places, organisations, other): 路透 nz, 共同社 nt
PROPER_TAGS = ("nr", "ns", "nt", "nz")


def cited_spans(norm: str):
    """The spans of the media ``norm`` cites (see the module docstring)."""
    for m in (*CITED.finditer(norm), *_subjects(norm)):
        b = m.end("name")
        a = named_start(norm, m.start("name"), b)
        if a is None:
            continue
        name = norm[a:b]
        if len(name) < 3 or HEAD.match(name):
            continue  # 据通讯社消息: a head alone names no medium
        if name.endswith("社") and not name.endswith(("通讯社", "新闻社")):
            if len(name) != SHORT_AGENCY:
                continue  # 据某某合作社消息: a co-op, not an agency
            if _common(name) and _common(name[:-1]):
                continue  # 据旅行社消息: a common noun on a common word, not an agency
        yield a, b


def _subjects(norm: str):
    """The matches of a medium that opens a clause before 报道说/报道称/援引."""
    if "报道" not in norm and "援引" not in norm:
        return
    for v in SUBJECT_VERB.finditer(norm):
        s = v.start()
        if d := DAY.search(norm, max(0, s - 4), s):
            s = d.start()  # X20日报道说: the day after the name
        lo = max(0, s - 15)
        c = max((x.end() for x in CLAUSE_START.finditer(norm, lo, s)), default=None)
        if c is None and lo > 0:
            continue  # no clause start within reach: the medium is no subject
        m = SUBJECT.match(norm, c if c is not None else 0, s)
        if m is not None:
            yield m


def _common(word: str) -> bool:
    """Whether jieba's dictionary holds ``word`` as a common word, not a proper name."""
    tag = jieba_tags().get(word)
    return tag is not None and not tag.startswith(PROPER_TAGS)


def cited_media(st, norm: str, gaz) -> None:
    """Add the media a story cites (see the module docstring); nothing where a candidate
    already ends there (a known medium, or one read with its country)."""
    if "据" not in norm and "报道" not in norm and "援引" not in norm:
        return
    cands = st.candidates
    n = len(cands)
    for a, b in cited_spans(norm):
        if any(x.end == b and x.start <= a for x in cands[:n]):
            continue
        head = HEAD.search(norm, a, b)
        place = gaz.lookup(norm[a : head.start()]) if head else None
        if place is not None and place.type in ("Country", "Location") and head[0] != "通讯社":
            continue  # 据某国电视台报道: any of its stations (its 通讯社 is its agency)
        m = organisation_mention(st, gaz, a, b, "cited")
        if m is not None:
            cands.append(m)
