"""holdsPost: a person's post in a body.

Two sources: the persons component's ``doc._.kg.posts`` (:class:`PostMention`), and
ORG + post title + PERSON read here (某部部长某某某, 某委员会主任某某), which also merges
the three into one Person unit so the person is the subject of what follows.

>>> from kg.model import Document
>>> from kg.nlp import extract
>>> res = extract(Document("t", "外交部部长苗立新出席会议。"))
>>> [(r.pred, r.obj, r.post) for r in res.relations]
[('holdsPost', 'gov/mfa', '部长')]
"""

from __future__ import annotations

import bisect
import re

from kg.model import Mention, Relation
from kg.nlp.components.base import ORGANISATION_TYPES, KGDoc, open_key
from kg.nlp.relations.masking import Unit
from kg.nlp.relations.reporter import Speaker, add_mention

#: (person, post title, body, sentence span)
PostRecord = tuple[Mention, str, Mention, tuple[int, int]]


def merge_posts(
    st: KGDoc, units: list[Unit], posts: frozenset[str]
) -> tuple[list[Unit], list[PostRecord]]:
    """ORG + post + PERSON (某部总工程师某某某) becomes one Person unit, and a
    post record for holdsPost."""
    found: list[PostRecord] = []
    if not posts or not any(u.type == "Person" for u in units):
        return units, found
    merged: list[Unit] = []
    for u in units:
        if u.type == "Person" and merged:
            a = merged[-1]
            gap = st.norm[a.end : u.start]
            if a.type in ORGANISATION_TYPES and 0 < len(gap) <= 12 and _is_posts(gap, posts):
                merged[-1] = Mention(
                    a.start, u.end, st.text[a.start : u.end], "Person", u.key, u.label, "post"
                )
                found.append((u, gap.strip(" \u3000"), a, st.sent_of(u.start)))
                continue
        merged.append(u)
    return merged, found


def _is_posts(gap: str, posts: frozenset[str]) -> bool:
    """A post title, or several joined by 、 (某委党组书记、主任某某).

    >>> _is_posts("党组书记、主任", frozenset({"党组书记", "主任"}))
    True
    >>> _is_posts("负责人、记者", frozenset({"主任"}))
    False
    """
    return all(p in posts for p in gap.strip(" \u3000").split("、"))


def hold_post_relations(
    st: KGDoc, found: list[PostRecord], types: dict[str, str]
) -> list[Relation]:
    """One holdsPost per person, body and sentence, from ``st.posts`` then ``found``."""
    rels = []
    seen = set()
    for person, post, org, (s, e) in [
        (p.person, p.post, p.org, p.sent) for p in st.posts if p.org is not None
    ] + found:
        k = (person.key, org.key, s)
        if k in seen or types.get(org.key, org.type) not in ORGANISATION_TYPES:
            continue
        seen.add(k)
        rels.append(
            Relation(
                person.key,
                "holdsPost",
                org.key,
                s,
                e,
                st.text[s:e],
                "holdsPost:post",
                0.9,
                post=post,
            )
        )
    return rels


def speaker_post(st: KGDoc, sp: Speaker, rels: list[Relation]) -> list[Relation]:
    """A report's speaker holds the post of the speaker line in its body (unless a post
    title before the name already said so)."""
    assert sp.body is not None
    if any(r.subj == sp.person.key and r.obj == sp.body.key for r in rels):
        return []
    s, e = sp.line
    return [
        Relation(
            sp.person.key,
            "holdsPost",
            sp.body.key,
            s,
            e,
            st.text[s:e],
            "holdsPost:speaker",
            0.9,
            post=sp.post,
        )
    ]


# ----------------------------------------------------------------- rosters

#: the roles of a body's roster (a closed class); spaces may stand inside (主 任)
_ROLES = "主任|副主任|常务副主任|秘书长|副秘书长|委员|成员|召集人|副召集人|组长|副组长|顾问"
_ROLE_LINE = re.compile(
    r"\n[ \t\u3000]*(?P<role>"
    + "|".join(r"[ \u3000]?".join(r) for r in _ROLES.split("|"))
    + r")[ \t\u3000]*[：:]"
)
#: what names the roster's body: 某委员会组成人员(名单), 某小组成员名单, 某联席会议成员
_ROSTER_OF = re.compile(
    r"[ \t\u3000\n]*(?:的)?(?:组成人员|成员名单|委员名单|成员(?=[：:\s]|如下|$))"
)
#: a line of the list: the name first (spaces inside it), then the home post
_MAX_LINE = 60


def roster_posts(st: KGDoc, types: dict[str, str]) -> list[Relation]:
    """A body's roster (国务院办公厅关于调整某委员会组成人员的通知: 主任：甲　某部部长 /
    副主任：乙 / 委员： then one name a line): each listed person holds the role in the
    body the document names before 组成人员/成员名单 (``implicit``: the body is named once
    above the list). The list ends at a line that is prose (longer, or closed with 。).

    >>> from kg.nlp.pipeline import make_nlp
    >>> text = ("国务院办公厅关于调整国务院海岸带保护委员会组成人员的通知\\n"
    ...         "主　任：陶某川　国务院副秘书长\\n副主任：贺某　自然资源部部长\\n")
    >>> doc = make_nlp()(text)
    >>> sorted((r.subj, r.post) for r in doc._.kg.relations if r.rule == "holdsPost:roster")
    [('person/贺某', '副主任'), ('person/陶某川', '主任')]
    """
    norm = st.norm
    if "组成人员" not in norm and "成员" not in norm:
        return []
    body = None
    for m in st.mentions:
        if m.type in ORGANISATION_TYPES and _ROSTER_OF.match(norm, m.end):
            body = m
            break
    if body is None:
        return []
    first = _ROLE_LINE.search(norm, body.end)
    if first is None:
        return []
    out: list[Relation] = []
    seen: set[str] = set()
    role = None
    pos = first.start()
    while pos < len(norm):
        nl = norm.find("\n", pos + 1)
        le = len(norm) if nl < 0 else nl
        line = norm[pos:le]
        rm = _ROLE_LINE.match(norm, pos)
        if rm is not None:
            role = re.sub(r"[ \u3000]", "", rm.group("role"))
            name_at = rm.end()
        elif line.strip() and (len(line.strip()) > _MAX_LINE or line.rstrip().endswith("。")):
            break  # prose: the list is over
        else:
            name_at = pos
        # the person that opens the line (or follows the role label)
        k = bisect.bisect_left(st.mentions, name_at, key=_start)  # names may be added
        person = None
        while k < len(st.mentions) and st.mentions[k].start < le:
            m = st.mentions[k]
            if not norm[name_at : m.start].strip(" \t\u3000\n") and m.type == "Person":
                person = m
            break
        if person is None and role:
            person = _bare_name(st, name_at, le)
        if person is not None:
            m = person
            if role and m.key not in seen:
                seen.add(m.key)
                s, e = st.sent_of(m.start)
                out.append(
                    Relation(
                        m.key,
                        "holdsPost",
                        body.key,
                        s,
                        e,
                        st.text[s:e],
                        "holdsPost:roster",
                        0.8,
                        implicit=True,
                        post=role,
                    )
                )
        if nl < 0:
            break
        pos = nl
    if types.get(body.key, body.type) not in ORGANISATION_TYPES:
        return []
    return out


#: a name no recogniser knew at the start of a roster line: two to four characters (a
#: space may stand inside: 黄　某), then spaces and the home post
_ROSTER_NAME = re.compile(r"[\u4e00-\u9fff](?:[ \u3000]?[\u4e00-\u9fff]){1,3}(?=[ \t\u3000]{1,}\S)")


def _bare_name(st: KGDoc, a: int, b: int) -> Mention | None:
    """The person a roster line at ``[a, b)`` opens with when no recogniser found it (it
    is added to the document's mentions)."""
    norm = st.norm
    while a < b and norm[a] in " \t\u3000\n":
        a += 1
    m = _ROSTER_NAME.match(norm, a, b)
    if m is None:
        return None
    name = re.sub(r"[ \u3000]", "", m.group())
    if len(name) < 2 or re.search(_ROLES, name):
        return None
    p = Mention(
        a, m.end(), st.text[a : m.end()], "Person", open_key("Person", name), name, "roster"
    )
    add_mention(st, p)
    return p


def _start(m: Mention) -> int:
    return m.start
