"""Who speaks in a government work report: "现在，我代表X人民政府，向大会报告工作".

A work report says what "we" did (我们/全省/省政府 实施…, 推进…, 举办…) without naming
the government each time; the reporting government is the implicit subject of those
clauses. It is found in the opening: the body named in 我代表…向大会报告, or, when that
is only 省人民政府/市政府 (a nominal), the government named on the title or speaker
line above it (2030年某省人民政府工作报告, 某省人民政府省长 某某).

>>> from kg.model import Document
>>> from kg.nlp import extract
>>> text = "政府工作报告\\n现在，我代表国务院，向大会报告工作。\\n我们实施《全民健身计划》。"
>>> [(r.subj, r.pred, r.implicit) for r in extract(Document("t", text)).relations]
[('gov/state-council', 'implements', True)]
"""

from __future__ import annotations

import bisect
import re
from typing import NamedTuple

from kg.model import EntityInfo, Mention
from kg.nlp.components.base import KGDoc, open_key
from kg.nlp.gazetteer import Gazetteer

#: how far into the document the opening (title, speaker, 我代表…) may reach
_HEAD = 3000
#: 我代表X，向大会报告工作 / 向大会作政府工作报告 / 向第N届…会议报告过去五年的工作 /
#: 作政府工作报告 / 向大会提出关于…的报告; or entrusted by X: 我受X(的)委托，(现在)向大会
#: 作报告 (one body only: 受甲和乙的委托 speaks for two), or by its decision: 我现在根据X的
#: 决定，向…作报告; 现在 may follow 我, a comma the session (我代表X向某某会议，提出…的报告)
_DELEGATE = re.compile(
    r"我(?:现在)?(?:代表(?P<who>[^，,。；;\n向作]{1,24})|受(?P<by>[^，,。；;\n向作的和]{1,24})的?委托"
    r"|根据(?P<dec>[^，,。；;\n向作的和]{1,24})的决定)"
    r"[，,]?\s*(?:现在)?(?:向[^，,。；;\n]{1,40}?[，,]?)?(?:作|提出)?[^，,。；;\n]{0,30}?(?:报告|汇报)"
)
_BODIES = ("GovernmentBody", "Ministry")
#: a party congress's report is delivered by the outgoing central committee, named by its
#: term alone (我代表第十六届中央委员会向大会作报告, 我代表中国共产党第十一届中央委员会):
#: the whole ``who`` of the delegate line, nothing before the party's name
_TERM_CC = re.compile(r"(?:中国共产党)?第?[一二三四五六七八九十]{1,3}届中央委员会")
#: the body such a committee is (its key in the central bodies' reference data)
CENTRAL_COMMITTEE = "gov/cpc-central-committee"


def _who(m: re.Match[str]) -> str:
    """The group of a delegate line that names the body (我代表X / 我受X委托 / 我根据X的
    决定)."""
    return next(g for g in ("who", "by", "dec") if m.group(g) is not None)


def speaks_for_someone(st: KGDoc) -> bool:
    """Whether the opening has a 我代表…向大会报告 line: the document's "we" is whoever
    delivers it, found or not, never the agent it names most."""
    return _DELEGATE.search(st.norm, 0, _HEAD) is not None


def congress_reporter(st: KGDoc, gaz: Gazetteer | None) -> Mention | None:
    """The central committee that delivers a party congress's report, named by its term
    in the delegate line (我代表第N届中央委员会向大会作报告), as a mention over that
    name (added to the document's mentions, so that :func:`reporting_government` finds
    it); None when the line names something else (某团第N届中央委员会) or no recogniser
    should be second-guessed (a body is already named there).

    >>> from kg.nlp.pipeline import make_nlp
    >>> text = "报告\\n现在，我代表第三十届中央委员会向大会作报告。\\n要实施海岛兴农战略。"
    >>> [(r.subj, r.pred, r.implicit) for r in make_nlp()(text)._.kg.relations]
    [('gov/cpc-central-committee', 'implements', True)]
    """
    m = _DELEGATE.search(st.norm, 0, _HEAD)
    if m is None or gaz is None or not _TERM_CC.fullmatch(m.group(_who(m))):
        return None
    a, b = m.span(_who(m))
    if any(u.start >= a and u.end <= b and u.type in _BODIES for u in st.mentions):
        return None
    entry = gaz.entries.get(CENTRAL_COMMITTEE)
    if entry is None:
        return None
    u = Mention(a, b, st.text[a:b], entry.type, entry.id, entry.name, "speaker")
    add_mention(st, u)
    return u


def reporting_government(st: KGDoc) -> Mention | None:
    """The government a work report speaks for (see the module docstring), or None."""
    m = _DELEGATE.search(st.norm, 0, _HEAD)
    if m is None:
        return None
    a, b = m.span(_who(m))
    before = []
    for u in st.mentions:
        if u.start >= b:
            break
        if u.type not in _BODIES:
            continue
        if u.start >= a and u.end <= b:
            return u  # 我代表某省人民政府
        if u.end <= a and u.label.endswith("政府"):
            before.append(u)
    who = m.group(_who(m))
    if before and who.endswith("政府"):
        return before[-1]  # 我代表省人民政府: the one the title or speaker line names
    return None


_AT_EVENT = re.compile(r"[—\-－\s]*(?:[\d０-９]+年[\d０-９]+月[\d０-９]+日)?\s*在$")
_AT_TAIL = re.compile(r"上(?:的(?:讲话|报告|致辞|发言|工作报告|政府工作报告))?\s*$")
_SPEAKER_LINES = 2


def speaker_events(st: KGDoc, mstarts: list[int]) -> list[tuple[Mention, Mention, tuple[int, int]]]:
    """A speech's header: a line ``——2030年1月5日在<Event>上`` and, on one of the next
    lines, its speaker (某省人民政府省长 某某): (person, event, speaker line span).

    The person took part in the event (participatesIn). Only in the opening;
    ``mstarts`` are the start offsets of ``st.mentions``.
    """
    norm = st.norm
    out: list[tuple[Mention, Mention, tuple[int, int]]] = []
    ms = st.mentions[: bisect.bisect_left(mstarts, _HEAD)]
    for i, ev in enumerate(ms):
        if ev.type != "Event":
            continue
        ls = norm.rfind("\n", 0, ev.start) + 1
        le = norm.find("\n", ev.end)
        le = len(norm) if le < 0 else le
        if not _AT_EVENT.fullmatch(norm, ls, ev.start) or not _AT_TAIL.fullmatch(norm, ev.end, le):
            continue
        # the speaker: Persons on the next non-empty lines, nothing else but posts/bodies
        pos, seen = le, 0
        while seen < _SPEAKER_LINES and pos < len(norm):
            nxt = norm.find("\n", pos + 1)
            nxt = len(norm) if nxt < 0 else nxt
            if norm[pos:nxt].strip():
                seen += 1
                persons = [m for m in ms[i + 1 :] if pos <= m.start < nxt and m.type == "Person"]
                if persons:
                    ls2 = pos + len(norm[pos:nxt]) - len(norm[pos:nxt].lstrip())
                    out.extend((p, ev, (ls2, nxt)) for p in persons)
                    break
            pos = nxt
    return out


# ----------------------------------------------------------------- the speaker line

#: the posts whose holder delivers a report to a congress (heads of a people's
#: government, of a standing committee, a court, a procuratorate; 代… acting), each with
#: the unit a place's name ends with when the post heads that place's government
#: (甲省 + 省长 → 甲省人民政府); a closed class
SPEAKER_POSTS = {
    "总理": "",
    "省长": "省",
    "主席": "自治区",
    "市长": "市",
    "州长": "州",
    "县长": "县",
    "区长": "区",
    "盟长": "盟",
    "旗长": "旗",
    "委员长": "",
    "主任": "",
    "院长": "",
    "检察长": "",
}
_SPEAKER_POST = re.compile(
    "(?P<post>代?(?:" + "|".join(sorted(SPEAKER_POSTS, key=len, reverse=True)) + "))"
    r"[ \t\u3000：:]*\n?[ \t\u3000\n]*"
)
#: a name no recogniser knew, alone on its line after the post (李　强: spaces allowed)
_BARE_NAME = re.compile(
    r"[\u4e00-\u9fff](?:[ \u3000]?[\u4e00-\u9fff]){1,3}(?=[ \t\u3000]*(?:\n|$))"
)
_LINE_END = re.compile(r"[ \t\u3000]*(?:\n|$)")
_OPENING_END = re.compile(r"各位代表|我代表|我受")


class Speaker(NamedTuple):
    """The speaker line of a report: who, with what post, in which body (None when the
    opening does not say), and the line's span."""

    person: Mention
    post: str
    body: Mention | None
    line: tuple[int, int]


def read_speaker(st: KGDoc, gaz: Gazetteer | None = None) -> Speaker | None:
    """The speaker line above a report's address (各位代表 / 我代表…向大会报告): a post
    of :data:`SPEAKER_POSTS`, spaces or a line break, and a name alone at the end of its
    line. The body is the one named before the post on the line (某省人民政府省长, 国务院
    总理), else the people's government of the place named there (甲省省长 → 甲省人民
    政府), else the body the address names (我代表甲省人民政府), else the government
    of the place of the opening (在甲省第某届人民代表大会…上 + 省长 → 甲省人民政府;
    总理 → 国务院). A body or name that no recogniser found is added as a mention
    (rule ``speaker``), so that it is a node of the graph.

    >>> from kg.nlp.pipeline import make_nlp
    >>> doc = make_nlp()("政府工作报告\\n——2031年2月3日在甘肃省第六届人民代表大会第二次会议上\\n"
    ...                  "代省长　林　某\\n各位代表：\\n我代表省政府向大会报告工作。")
    >>> [(r.subj, r.obj, r.post) for r in doc._.kg.relations if r.pred == "holdsPost"]
    [('person/林某', 'gov/gansu-gov', '代省长')]
    """
    norm = st.norm
    om = _OPENING_END.search(norm, 0, _HEAD)
    if om is None:
        return None
    end = om.start()
    ms = st.mentions
    hi = bisect.bisect_left([m.start for m in ms], end)
    opening = ms[:hi]
    for pm in _SPEAKER_POST.finditer(norm, 0, end):
        ps, pe = pm.span("post")
        ls = norm.rfind("\n", 0, ps) + 1
        # what stands before the post on its line: nothing, or a body/place right before it
        before = [m for m in opening if m.end == ps and m.start >= ls]
        lead = norm[ls : before[0].start if before else ps]
        if lead.strip(" \t\u3000") and lead[-1] not in " \t\u3000":
            continue  # 副省长, 某委员会主任: the post is part of something longer
        at = pm.end()
        person = next((m for m in opening if m.start == at and m.type == "Person"), None)
        if person is None:
            nm = _BARE_NAME.match(norm, at, end)
            if nm is None:
                continue
            name = re.sub(r"[ \u3000]", "", nm.group())
            if name in SPEAKER_POSTS or len(name) < 2:
                continue
            person = Mention(
                at,
                nm.end(),
                st.text[at : nm.end()],
                "Person",
                open_key("Person", name),
                name,
                "speaker",
            )
            add_mention(st, person)
        elif not _LINE_END.match(norm, person.end):
            continue
        post = st.text[ps:pe]
        body = _speaker_body(st, gaz, before, post, opening)
        le = _LINE_END.match(norm, person.end).start()
        return Speaker(person, post, body, (ls, le))
    return None


def _speaker_body(
    st: KGDoc, gaz: Gazetteer | None, before: list[Mention], post: str, opening: list[Mention]
) -> Mention | None:
    """The body the speaker's ``post`` belongs to, first found of: a body named before the
    post on its line; the people's government of a place named there whose unit fits
    the post (省 for 省长); with no place there, the body the address names (我代表X), the
    国务院 of the opening for 总理, or the government of the opening's place (the
    congress that hears the report)."""
    unit = SPEAKER_POSTS[post.removeprefix("代")]
    for m in before:
        if m.type in _BODIES:
            return m
    places = [m for m in before if m.type == "Location"]
    if not places:
        dm = _DELEGATE.search(st.norm, 0, _HEAD)
        if dm is not None:
            a, b = dm.span(_who(dm))
            named = [m for m in st.mentions if m.type in _BODIES and a <= m.start and m.end <= b]
            if named:
                return named[0]
        if post.removeprefix("代") == "总理":
            return next((m for m in opening if m.label == "国务院"), None)
        if not unit:
            return None
        places = [m for m in opening if m.type == "Location"]
    for m in places:
        if unit and m.label.endswith(unit):
            return _government(st, gaz, m, m.label + "人民政府")
    return None


def _government(st: KGDoc, gaz: Gazetteer | None, place: Mention, label: str) -> Mention:
    """The people's government ``label`` as a mention over ``place`` (added to the
    document's mentions)."""
    entry = gaz.lookup(label) if gaz is not None else None
    key = entry.id if entry is not None else open_key("GovernmentBody", label)
    type_ = entry.type if entry is not None else "GovernmentBody"
    label = entry.name if entry is not None else label
    m = Mention(place.start, place.end, place.text, type_, key, label, "speaker")
    add_mention(st, m)
    return m


def add_mention(st: KGDoc, m: Mention) -> None:
    """Add ``m`` to the mentions (after those with the same span) and its entity."""
    ms = st.mentions
    i = bisect.bisect_right([(x.start, x.end) for x in ms], (m.start, m.end))
    ms.insert(i, m)
    e = st.entities.get(m.key)
    if e is None:
        e = st.entities[m.key] = EntityInfo(m.key, m.type, m.label)
        s, t = st.sent_of(m.start)
        e.examples.append((s, t, st.text[s:t]))
    e.count += 1
