"""A news medium a story cites as its source, for ``kg_patterns``: 据X报道, 据X某日消息,
where X ends in a medium's head (通讯社, 电视台, 电台, 广播公司, 新闻网, or 社 after a
short name: 某联社, 某新社) names that medium, an organisation (GUIDELINES: media), though no
dictionary holds it (a foreign agency or station written in transliteration). X runs from
据 (after the last 的 of a relative clause: 据某武装控制的某某电视台报道) to the head; a
class of media (据当地电视台报道, 据多家通讯社报道, 据某国电视台报道) is no name.

>>> [m.group("name") for m in CITED.finditer("据某某国家电视台20日报道，据塔斯社消息。")]
['某某国家电视台', '塔斯社']
"""

from __future__ import annotations

import re

from kg.model import Mention
from kg.nlp.components.base import open_key
from kg.nlp.text import norm_name

CITED = re.compile(
    r"据(?P<name>[^\s，。；：、“”《》（）()据]{1,14}?(?:通讯社|电视台|广播电台|电台|广播公司|新闻网|社))"
    r"(?:[\d一二三四五六七八九十]{1,3}日)?(?:报道|消息|援引)"
)
# the head a cited name ends in
HEAD = re.compile(r"(?:通讯社|电视台|广播电台|电台|广播公司|新闻网|社)\Z")
# what opens a class of media, not one medium's name
GENERIC_OPEN = re.compile(
    r"当地|该|本|这|此|一家|多家|几家|有关|其|各|外国|国外|境外|国内|西方|主流"
)
# the length of an agency's name that 社 alone ends (塔斯社, 美联社, 俄新社): other names in
# 社 are co-ops and the like
SHORT_AGENCY = 3


def cited_spans(norm: str):
    """The spans of the media ``norm`` cites (see the module docstring)."""
    for m in CITED.finditer(norm):
        a, b = m.span("name")
        d = norm.rfind("的", a, b)
        if d >= 0:
            a = d + 1
        name = norm[a:b]
        if GENERIC_OPEN.match(name):
            continue
        if len(name) < 3:
            continue
        if name.endswith("社") and not name.endswith(("通讯社", "新闻社")):
            if len(name) != SHORT_AGENCY:
                continue  # 据某某合作社消息: a co-op, not an agency
        yield a, b


def cited_media(st, norm: str, gaz) -> None:
    """Add the media a story cites (see the module docstring); nothing where a candidate
    already ends there (a known medium, or one read with its country)."""
    if "据" not in norm:
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
        label = norm_name(st.text[a:b])
        e = gaz.lookup(label)
        if e is not None and e.type != "Organization":
            continue
        key = e.id if e is not None else open_key("Organization", label)
        cands.append(Mention(a, b, st.text[a:b], "Organization", key, label, "cited"))
