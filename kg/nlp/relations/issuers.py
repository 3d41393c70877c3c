"""issued from a document's own shape, not from a verb in a sentence:

- a title that opens with a body and 关于 names its issuer: 《国务院反垄断委员会关于平台
  经济领域的反垄断指南》 (中共中央 国务院关于… names both);
- a body right before a title names its issuer: 国务院《关于某某的通知》, 某部《某某办法》
  (rule ``issued:owner``);
- a law text's promulgation lines: the document opens with the law's title, then lines
  such as 2012年5月16日 国务院第203次常务会议通过 / 中华人民共和国国务院令第620号 公布
  (rule ``issued:header``).
"""

from __future__ import annotations

import bisect
import re

from kg.model import Mention
from kg.nlp.relations.masking import ISSUERS
from kg.nlp.relations.state import DocState
from kg.nlp.text import norm_name


def title_issuers(ds: DocState) -> None:
    """《X关于…》: X issued the titled document."""
    st = ds.st
    norm = st.norm
    ms = st.mentions
    starts = ds.mstarts
    for t in ms:
        if t.type not in ("Law", "Program") or "关于" not in t.label:
            continue
        lo = bisect.bisect_left(starts, t.start)
        inner = [m for m in ms[lo : lo + 8] if m is not t and m.end <= t.end]
        issuers = []
        pos = t.start
        for a in inner:
            if a.start < pos:
                continue
            if a.start != pos or a.type not in ISSUERS:
                break
            issuers.append(a)
            pos = a.end
            while pos < t.end and norm[pos] in " \u3000、":
                pos += 1
        if not issuers or norm[issuers[-1].end : issuers[-1].end + 2] != "关于":
            continue
        s, e = st.sent_of(t.start)
        for a in issuers:
            ds.types.setdefault(a.key, a.type)
            ds.add(a.key, "issued", t.key, s, e, "issued:关于:title", 0.9)


#: who writes its documents' titles right after its name
_OWNERS = frozenset({"GovernmentBody", "Ministry"})


def owner_titles(ds: DocState) -> None:
    """国务院《关于某某的通知》: the body right before a 《》 title issued it.

    >>> from kg.model import Document
    >>> from kg.nlp import extract
    >>> res = extract(Document("t", "各地认真执行国务院《关于做好某某工作的通知》。"))
    >>> [(r.subj, r.pred, r.rule) for r in res.relations]
    [('gov/state-council', 'issued', 'issued:owner')]
    """
    st = ds.st
    norm = st.norm
    ms = st.mentions
    starts = ds.mstarts
    for t in ms:
        if t.type not in ("Law", "Program") or norm[t.start - 1 : t.start] != "《":
            continue
        owners = []
        end = t.start - 1
        while (a := _body_ending(ms, starts, end)) is not None:
            owners.append(a)  # 中共中央、国务院《…》: each body of the run
            if norm[a.start - 1 : a.start] not in ("、", "和", "及"):
                break
            end = a.start - 1
        s, e = st.sent_of(t.start)
        for a in owners:
            ds.types.setdefault(a.key, a.type)
            ds.add(a.key, "issued", t.key, s, e, "issued:owner", 0.85)


def _body_ending(ms: list[Mention], starts: list[int], end: int) -> Mention | None:
    """The longest body mention ending at ``end``."""
    k = bisect.bisect_left(starts, end) - 1
    a = None
    while k >= 0 and starts[k] >= end - 40:
        m = ms[k]
        if m.end == end and m.type in _OWNERS and (a is None or m.start < a.start):
            a = m
        k -= 1
    return a


_HEADER_VERB = re.compile(r"(?:通过|公布|发布|颁布|批准|印发)")
_BODY_START = re.compile(r"(?:第[一二三四五六七八九十百零〇\d]+[章条节编]|目\s*录|总\s*则|序\s*言)")


def header_issuers(ds: DocState) -> None:
    """The promulgation lines under a law's title line (see the module docstring)."""
    st = ds.st
    norm = st.norm
    ms = st.mentions
    lead = len(norm) - len(norm.lstrip())
    titles = [m for m in ms[:6] if m.start == lead and m.type == "Law"]
    if not titles:
        return
    law = max(titles, key=lambda m: m.end)
    first = norm.find("\n", lead)
    first = len(norm) if first < 0 else first
    if norm[: law.start].strip() or norm[law.end : first].strip():
        return  # the first line is not just the title
    pos = first
    for _ in range(12):
        if pos >= len(norm):
            break
        end = norm.find("\n", pos + 1)
        end = len(norm) if end < 0 else end
        line = norm[pos:end].strip()
        if _BODY_START.match(line):
            break
        if line and _HEADER_VERB.search(line):
            # the session's body first: 山东省第十二届人民代表大会常务委员会第十九次会议
            # holds a mention of 山东省人民代表大会, but its standing committee passed it
            on_line = ms[bisect.bisect_left(ds.mstarts, pos) : bisect.bisect_left(ds.mstarts, end)]
            bodies = session_bodies(on_line) or [
                m for m in on_line if m.type in ("GovernmentBody", "Ministry")
            ]
            for b in bodies[:1]:
                ds.types.setdefault(b.key, b.type)
                s, e = pos + (len(norm[pos:end]) - len(norm[pos:end].lstrip())), end
                ds.add(b.key, "issued", law.key, s, e, "issued:header", 0.9)
        pos = end


_SESSION = re.compile(
    r"^(.*?)(?:第[一二三四五六七八九十百零〇\d]+届|)(.*?)第[一二三四五六七八九十百零〇\d]+次(?:常务|全体)?会议$"
)
_TERM = re.compile(r"第[一二三四五六七八九十百零〇\d]+届")


def session_bodies(ms: list[Mention]) -> list[Mention]:
    """The body whose session passed a law: 重庆市第一届人民代表大会常务委员会第八次会议
    → 重庆市人民代表大会常务委员会, 国务院第50次常务会议 → 国务院 (when the gazetteer
    knows the body)."""
    from kg.nlp.gazetteer import load_gazetteer

    gaz = load_gazetteer()
    out = []
    for m in ms:
        if m.type != "Event":
            continue
        name = _TERM.sub("", norm_name(m.text), count=1)
        g = _SESSION.match(name)
        if g is None:
            continue
        e = gaz.lookup(g.group(1) + g.group(2))
        if e is not None and e.type in ("GovernmentBody", "Ministry"):
            out.append(Mention(m.start, m.end, m.text, e.type, e.id, e.name, "session"))
    return out
