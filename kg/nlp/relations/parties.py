"""X方 in diplomatic news: 中方, 俄方, 塞方 are the countries the story names.

A talks report names each country once and then speaks of 中方 and 俄方 (中方愿同俄方
一道…合作). Within one document, X方 is the country mentioned in it whose name starts
with X (中方: 中国 must be mentioned too), when exactly one does (土方 with both 土耳其
and 土库曼斯坦 mentioned is left alone); 东方/西方/南方/北方/多方 are directions or
"many", never countries. The extra units exist for the relation rules only: they add
no entity, the country is a mention of the document already.

>>> from kg.model import Document
>>> from kg.nlp import extract
>>> text = "中国总理会见塞尔维亚总统。中方愿同塞方深化各领域合作。"
>>> sorted((r.subj, r.pred, r.obj) for r in extract(Document("t", text)).relations)[0]
('country/CHN', 'cooperatesWith', 'country/SRB')
"""

from __future__ import annotations

import bisect
import re

from kg.model import CHINA_KEY, Mention
from kg.nlp.components.base import KGDoc
from kg.nlp.relations.hypothetical import cooperation_mood

_GLUE = frozenset("同与和跟向对及、")
_NOT = frozenset("东西南北多双各对一我己他外官地军警")


def party_units(st: KGDoc, units: list[Mention]) -> list[Mention]:
    """``units`` (sorted, non-overlapping) with the X方 of the document added."""
    first: dict[str, set[tuple[str, str]]] = {}
    for ent in st.entities.values():  # the document's entities: fewer than its mentions
        if ent.type == "Country" and ent.label:
            first.setdefault(ent.label[0], set()).add((ent.key, ent.label))
    if not first:
        return units
    norm = st.norm
    extra = []
    chars = {c for c, v in first.items() if len(v) == 1 and c not in _NOT}
    if not chars:
        return units
    # the 方 of the text, each checked against the few characters that can be parties
    f = norm.find("方", 1)
    while f >= 0:
        a, e = f - 1, f + 1
        c = norm[a]
        f = norm.find("方", e)
        if c not in chars:
            continue
        if e not in st.tok_ends or (a not in st.tok_starts and norm[a - 1 : a] not in _GLUE):
            continue  # inside a word: 集中方式 (jieba glues 同塞方 into one token)
        key, label = next(iter(first[c]))
        extra.append(Mention(a, e, norm[a:e], "Country", key, label, "party"))
    if not extra:
        return units
    out = sorted(units + extra, key=lambda u: (u.start, u.end))
    # a party inside a longer unit (…中方…in a name) is dropped
    kept: list[Mention] = []
    for u in out:
        if kept and u.start < kept[-1].end:
            if u.rule == "party":
                continue
            if kept[-1].rule == "party":
                kept.pop()
        kept.append(u)
    return kept


#: 中国, 中华, 中亚 (Central Asia), 中中: no pair
_NOT_PAIR = frozenset("中国华亚")
_COOP_AFTER = re.compile(r"[^。！？；;，,\n]{0,12}?(?:合作|伙伴关系)")


def pair_cooperation(ds) -> None:
    """古中全面合作关系, 阿中战略伙伴关系, 中塞…务实合作: a pair of first characters, one
    中, the other that of the one country (or organisation written short: 阿盟) of the
    document starting with it, before a cooperation word → cooperatesWith (both ends
    must be mentioned)."""
    st = ds.st
    first: dict[str, set[tuple[str, str]]] = {}
    china = None
    for ent in st.entities.values():
        # an organisation only when written short (阿盟, 东盟): 中欧 is not the ECB
        if ent.label and (
            ent.type == "Country"
            or (ent.type == "Organization" and min(map(len, [ent.label, *ent.aliases])) <= 3)
        ):
            first.setdefault(ent.label[0], set()).add((ent.key, ent.type))
            if ent.key == CHINA_KEY:
                china = ent.key
    if china is None or len(first) < 2:
        return
    norm = st.norm
    chars = {c for c, v in first.items() if len(v) == 1} - _NOT - _NOT_PAIR
    if not chars:
        return
    # each 中 of the text with a candidate character beside it and a cooperation word after
    i = norm.find("中")
    while i >= 0:
        j = i
        i = norm.find("中", i + 1)
        if norm[j + 1 : j + 2] in chars:
            a, c = j, norm[j + 1]
        elif j > 0 and norm[j - 1] in chars:
            a, c = j - 1, norm[j - 1]
        else:
            continue
        cm = _COOP_AFTER.match(norm, a + 2)
        if a not in st.tok_starts or cm is None:
            continue
        k = bisect.bisect_right(ds.ustarts, a) - 1
        if (
            k >= 0
            and ds.units[k].end > a
            and not (ds.units[k].start == a and ds.units[k].end <= a + 2)
        ):
            continue  # inside a name: 中拉某某论坛, 《中甲政府关于…合作规划》 (not 中 itself)
        key, _ = next(iter(first[c]))
        if key == china:
            continue
        s, e = st.sent_of(a)
        mood = cooperation_mood(norm, s, cm.end())
        if mood == "hypothetical":
            continue  # 中甲合作可以…, 如果中甲加强合作: not a stated cooperation
        ds.add(key, "cooperatesWith", china, s, e, "cooperatesWith:pair", 0.7, mood)
