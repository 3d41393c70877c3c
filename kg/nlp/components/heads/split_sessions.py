"""A body's numbered session named across the verb that holds it, for ``kg_patterns``:
某委员会9日上午在某地举行|第四十二次委员长会议 names one event, the body's session
(某委员会第四十二次委员长会议), though the body stands before the time, the place and
the verb, and the ordinal and the head after them. The mention covers the ordinal and the
head (what the sentence writes there); its label and key are the whole name, the same key
as the name written in one piece (``session_key``).

>>> m = SPLIT.match("9日上午在某地举行第四十二次委员长会议。")
>>> m.group("ord"), m.group("mid"), m.group("head")
('第四十二次', '委员长', '会议')
>>> SPLIT.match("举行第三次全体会议") is not None, SPLIT.match("负责人说第三次会议") is None
(True, True)
"""

from __future__ import annotations

import re

from kg.model import Mention
from kg.nlp.components.base import ORGANISATION_TYPES, open_key
from kg.nlp.components.heads.editions import SESSION, session_key
from kg.nlp.relations.lexicon import dayparts
from kg.nlp.text import norm_name

_NUM = r"[\d一二三四五六七八九十]"
# between the body and its session: a date, a part of the day, a place or a manner, then
# the verb that holds it; after it the ordinal, who meets (委员长, 主席, 全体…) and the head
SPLIT = re.compile(
    r"(?:今天|昨天|今日|昨日|当天|当日|日前|近日)?"
    rf"(?:{_NUM}{{1,2}}月)?(?:{_NUM}{{1,3}}日)?"
    r"(?:[（(][^（）()]{1,10}[）)])?"
    rf"(?:{dayparts()})?"
    r"(?:[在于][\u4e00-\u9fff]{1,14}?)?"  # 在京, 在某地
    r"(?:以视频方式|以视频形式)?"
    r"(?:举行|召开)了?"
    r"(?P<ord>第[一二三四五六七八九十百零〇\d]+次)"
    r"(?P<mid>[\u4e00-\u9fff]{0,6}?)"
    r"(?P<head>会议)(?![室厅])"
)
# a term written before the body (十三届|某委员会): part of the session's name
_TERM_BEFORE = re.compile(r"第?[一二三四五六七八九十]+届\Z")


def split_sessions(st, norm: str) -> None:
    """Add the session a body holds after the time and the place of its meeting (see the
    module docstring); nothing where an event already covers the ordinal."""
    cands = st.candidates
    n = len(cands)
    for c in cands[:n]:
        if c.type not in ORGANISATION_TYPES:  # the bodies that hold sessions
            continue
        m = SPLIT.match(norm, c.end)
        if m is None:
            continue
        a, b = m.start("ord"), m.end()
        if any(x.type == "Event" and x.start <= a and x.end >= b for x in cands):
            continue
        t = _TERM_BEFORE.search(norm, max(0, c.start - 6), c.start)
        term = st.text[t.start() : c.start] if t is not None else ""
        surface = term + st.text[c.start : c.end]
        rest = st.text[a:b]
        name = norm_name(surface + rest)
        # the key the name written in one piece gets: by its text after a term
        # (十三届某委员会第N次会议), else the body's session (某委员会第N次会议)
        key = None if term else session_key(c.label, norm_name(surface), norm_name(rest))
        if key is None or not SESSION.search(name):
            key = open_key("Event", name)
        cands.append(Mention(a, b, st.text[a:b], "Event", key, name, "split_session"))
