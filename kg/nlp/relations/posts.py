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
    post record for holdsPost; so do the posts before it joined by 、 (某某政治局委员、
    某委主席甲: both), a country's state office (某国总统甲: a record only, the country
    stays a unit of its own) and the names of a list after one post (某院副总理甲、乙)."""
    found: list[PostRecord] = []
    if not posts or not any(u.type == "Person" for u in units):
        return units, found
    merged: list[Unit] = []
    norm = st.norm
    held: list[tuple[str, Unit]] = []  # the posts of the person that ends ``merged``
    for u in units:
        if u.type == "Person" and merged:
            a = merged[-1]
            gap = norm[a.end : u.start]
            # 某国驻某组织大使甲: the envoy abroad first, or the organisation's 大使 wins
            sender = _envoy_abroad(norm, merged, a, gap)
            title = None if sender or _party_organ_cut(norm, a) else _title(a, gap, posts)
            if title is not None:
                merged[-1] = Mention(
                    a.start, u.end, st.text[a.start : u.end], "Person", u.key, u.label, "post"
                )
                sent = st.sent_of(u.start)
                held = [(title, a), *_posts_before(st, merged, a, posts)]
                found += [(u, p, b, sent) for p, b in held]
                continue
            envoy = _envoy_of(norm, merged, a, gap)
            if envoy is not None:  # 某组织某国问题特使甲: the organisation's envoy
                held = []
                found.append((u, norm[envoy.end : u.start], envoy, st.sent_of(u.start)))
                merged.append(u)
                continue
            if sender is not None:  # 某国驻某国大使甲, 某国常驻某组织代表乙: the sender's
                held = []
                found.append((u, norm[sender.end : u.start], sender, st.sent_of(u.start)))
                merged.append(u)
                continue
            office = _ORDINAL.sub("", gap, count=1)  # 某国第四世国王甲
            if a.type == "Country" and _state_office(norm, a, office, u.start):  # 某国总统甲
                held = [(office, a)]
                found.append((u, office, a, st.sent_of(u.start)))
                merged.append(u)
                continue
            if gap == "、" and held and a.type == "Person" and not _post_after(norm, u, posts):
                # 某院副总理甲、乙、丙: every name of the list holds the posts before it
                found += [(u, p, b, st.sent_of(u.start)) for p, b in held]
                merged.append(u)
                continue
            nxt = _next_office(norm, held, a, gap)
            if nxt is not None:  # 某国总统甲、总理乙: the same country's next office
                held = [nxt]
                found.append((u, *nxt, st.sent_of(u.start)))
                merged.append(u)
                continue
        held = []
        merged.append(u)
    return merged, found


def _next_office(
    norm: str, held: list[tuple[str, Unit]], a: Unit, gap: str
) -> tuple[str, Unit] | None:
    """The office and country of the next name of a list of a country's office holders
    (某国总统甲、副总统乙; 某国外长甲、贸易部长乙): ``gap`` after the person ``a``
    is 、 and one state office, and ``a`` held an office of that country.

    >>> c = Mention(0, 2, "甲国", "Country", "country/x", "甲国", "t")
    >>> p = Mention(4, 6, "某某", "Person", "person/x", "某某", "t")
    >>> _next_office("甲国总统某某、总理", [("总统", c)], p, "、总理")[0]
    '总理'
    >>> _next_office("甲国总统某某、记者", [("总统", c)], p, "、记者") is None
    True
    """
    if not (held and a.type == "Person" and gap.startswith("、")):
        return None
    office = gap[1:]
    country = held[-1][1]
    if country.type != "Country" or _STATE_OFFICE.fullmatch(office) is None:
        return None
    if any(w in office for w in _NOT_IN_OFFICE):
        return None
    return office, country


#: an envoy for a country's question (也门问题特使, 阿富汗问题特别代表)
_QUESTION_ENVOY = re.compile("问题(?:特使|特别代表|特别协调员)")


def _envoy_of(norm: str, merged: list[Unit], country: Unit, gap: str) -> Unit | None:
    """The organisation whose envoy for ``country``'s question the person after ``gap``
    is (某组织某国问题特使甲, 某组织秘书长某国问题特别代表乙): the organisation named
    right before the country (its head's title between allowed); not the country's post.

    >>> o = Mention(0, 3, "某组织", "Organization", "org/x", "某组织", "t")
    >>> c = Mention(3, 5, "甲国", "Country", "country/x", "甲国", "t")
    >>> _envoy_of("某组织甲国问题特使", [o, c], c, "问题特使").text
    '某组织'
    """
    if country.type != "Country" or not _QUESTION_ENVOY.fullmatch(gap) or len(merged) < 2:
        return None
    org = merged[-2]
    if org.type != "Organization" or norm[org.end : country.start] not in ("", "秘书长"):
        return None
    return org


#: an envoy's title after the place or body he is posted to (大使, 特命全权大使, 临时代办,
#: 总领事; 代表, 副代表, 第一副代表 of a permanent mission)
_ENVOY_TITLE = re.compile("(?:特命全权)?大使|临时代办|(?:副)?总领事|(?:第一)?(?:副)?代表")
#: which of the state's envoys there he is, written before 驻 (首任驻某国大使, 第三任…);
#: not 前任 or 候任: he does not hold the post now
_NTH = "(?:首任|新任|现任|第[一二三四五六七八九十]+任)?"
#: the whole post of an envoy abroad, written after the sending country (驻某国大使,
#: 常驻某组织副代表): a post in the state that sends him
_ABROAD = re.compile(f"{_NTH}常?驻[^、，,。；;]{{1,20}}?(?:{_ENVOY_TITLE.pattern})")


#: what stands between the sending country and the host: 驻 or 常驻, after which envoy
_POSTED = re.compile(f"{_NTH}常?驻")


def _envoy_abroad(norm: str, merged: list[Unit], host: Unit, gap: str) -> Unit | None:
    """The country that sends the person after ``gap`` as its envoy to ``host`` (甲国驻乙国
    大使某某, 甲国常驻某组织代表某某: 甲国), or None: ``host`` (a country, place or body)
    stands right after 驻 or 常驻, right after a country (which of its envoys he is may
    stand between: 甲国首任驻乙国大使), and ``gap`` is an envoy's title.

    >>> a = Mention(0, 2, "甲国", "Country", "country/a", "甲国", "t")
    >>> b = Mention(3, 5, "乙国", "Country", "country/b", "乙国", "t")
    >>> _envoy_abroad("甲国驻乙国大使", [a, b], b, "大使").text
    '甲国'
    >>> _envoy_abroad("甲国和乙国大使", [a, b], b, "大使") is None
    True
    """
    if len(merged) < 2 or not _ENVOY_TITLE.fullmatch(gap):
        return None
    sender = merged[-2]
    if sender.type != "Country" or not _POSTED.fullmatch(norm, sender.end, host.start):
        return None
    return sender


#: an ordinal between a country and its post (第四世国王, 第三任总统)
_ORDINAL = re.compile("^第[一二三四五六七八九十]+[世任届代]")
#: a country's state offices (某国总统甲, 某国外长乙): a post in the state the country is
#: (not 教授, 记者: a person of that country, no office in it)
_STATE_OFFICE = re.compile(
    # an acting holder (代理外长, 代总统) holds the office
    "(?:新任|现任|新|当选)?(?:代理|代)?(?:"
    "(?:第一)?(?:副)?(?:总统|(?:国务|政府)?总理|首相)|总理兼外长|国务卿|国王|女王|王储|埃米尔|苏丹|最高领袖|"
    "国务委员长|"
    # the head of state's or government's own staff (某国总统新闻秘书, 总统办公室顾问)
    "(?:总统|总理|首相)(?:府|办公室|办公厅)?(?:新闻秘书|发言人|(?:国家安全事务)?(?:顾问|助理)|"
    "特使|特别代表|主任|幕僚长)|"
    # a chamber's speaker (某国议会上院议长, 国民议会副议长)
    "(?:议会)?(?:上院|下院|国民议会|参议院|众议院)?(?:参|众)?(?:副)?议长|"
    "总督|(?:副)?外长|防长|财长|驻华大使|特命全权大使|特使|特别代表|国家(?:副)?主席|"
    # a minister of the country's government (某国某某部长, 某国某某大臣), not
    # one whose portfolio the country is (某国|事务大臣: another state's minister for it)
    "(?!事务)[\u4e00-\u9fff]{1,6}?(?:部长|大臣))"
)


def _state_office(norm: str, country: Unit, post: str, person_start: int | None = None) -> bool:
    """Whether ``post`` is a state office of ``country`` written after it, before the person
    at ``person_start`` (an ordinal or the persons of a list before him may stand between:
    某国第四世国王甲, 某国总统甲、副总理乙); not a former post (某国前政府总理), nor an
    embassy's (某国驻某国大使: the second country hosts it).

    >>> c = Mention(2, 4, "甲国", "Country", "country/x", "甲国", "t")
    >>> _state_office("某国甲国总统乙", c, "总统"), _state_office("某国甲国前总理乙", c, "总理", 7)
    (True, False)
    """
    between = (
        norm[country.end : country.end + len(post)]
        if person_start is None
        else (norm[country.end : person_start])
    )
    parts = post.split("兼")  # 某国副总理兼某某部长甲: each a state office
    # (the words up to the post: a list's earlier names are no part of it; 驻华 is the
    # country's own embassy)
    upto = between[: between.find(post) + len(post)].replace("驻华", "")
    return (
        all(
            _STATE_OFFICE.fullmatch(m) is not None
            or (m in _CHAIR and norm.startswith(post, country.end))
            for m in parts
        )
        and (between == post or (person_start is not None and post in between))
        and not any(w in upto for w in _NOT_IN_OFFICE)
        and norm[country.start - 1 : country.start] != "驻"
    )


#: the head of state's title 主席 right after the country's name (某某社会主义共和国主席,
#: 某联邦主席); not after a body of it (某国某某党主席)
_CHAIR = ("主席", "副主席")
#: what says the post is no longer held or not in the country (前总理, 原总统, 驻某国大使)
_NOT_IN_OFFICE = ("前", "原", "驻")


def _after(person: Unit, country: Unit) -> int | None:
    """Where ``person`` starts when he is named after ``country`` (某国总统甲), else None
    (甲当选某国总统: the post right after the country)."""
    return person.start if person.start > country.start else None


def _post_after(norm: str, u: Unit, posts: frozenset[str]) -> bool:
    """Whether a post title follows the person ``u`` (甲部长: the name has a post of its own)."""
    return any(norm.startswith(p, u.end) for p in posts)


def _party_organ_cut(norm: str, body: Unit) -> bool:
    """Whether ``body`` is a central organ read without the party it belongs to, which
    stands glued before it: another party's (某共|中央政治局, 某某革命党|党中央), or one
    of a list of posts that opens with such an organ (某共中央政治局委员、中央书记处书记),
    so the post is not in the organ the mention resolves to (the CPC's).

    >>> b = Mention(2, 7, "中央政治局", "GovernmentBody", "gov/x", "中央政治局", "t")
    >>> _party_organ_cut("某共中央政治局委员", b), _party_organ_cut("，中央政治局委员", b)
    (True, False)
    """
    before = norm[body.start - 1 : body.start]
    if body.text.startswith("党中央"):
        return "\u4e00" <= before <= "\u9fff"
    if not body.text.startswith("中央"):
        return False
    if before == "、":  # the list's earlier items, back to the clause's start
        lo = max(norm.rfind(c, 0, body.start) for c in "，,。；;：:！？\n") + 1
        return _OTHER_PARTY.search(norm, max(lo, body.start - 40), body.start) is not None
    return before == "共" and norm[body.start - 2 : body.start] != "中共"


#: another party's central committee, its name glued before it (某共中央, 某某党中央; not
#: 中共中央)
_OTHER_PARTY = re.compile("(?<!中)共中央|[\u4e00-\u9fff]党中央")


#: a member of a body's standing committee, written after the body (某某政治局常委)
_STANDING = "常委"


def _posts_before(
    st: KGDoc, merged: list[Unit], a: Unit, posts: frozenset[str]
) -> list[tuple[str, Unit]]:
    """The posts joined by 、 before the body ``a`` that opens a person's last post
    (某某政治局常委、某委员会书记甲 → 常委 of the first body), each body then its title
    (中央 may stand between a party and its post: 某党中央主席)."""
    out: list[tuple[str, Unit]] = []
    norm = st.norm
    k = len(merged) - 2  # merged[-1] is the person's unit now
    start = a.start
    while k >= 0 and start > 0 and norm[start - 1] == "、":
        b = merged[k]
        title = None if _party_organ_cut(norm, b) else _title(b, norm[b.end : start - 1], posts)
        if title is None:
            break
        out.append((title, b))
        start = b.start
        k -= 1
    return out


def _title(body: Unit, gap: str, posts: frozenset[str]) -> str | None:
    """The post title ``gap`` after ``body`` (one or several joined by 、; 常委 of a body's
    standing committee; 中央 before a party's post: 某党中央主席), or None.

    >>> b = Mention(0, 2, "某党", "Organization", "org/x", "某党", "t")
    >>> _title(b, "中央主席", frozenset({"主席"})), _title(b, "代表", frozenset({"主席"}))
    ('主席', None)
    """
    # a deputy in charge of the body's daily work (某部分管日常工作的副部长甲)
    gap = "、".join(_IN_CHARGE.sub("", t, count=1) for t in gap.split("、"))
    if body.type not in ORGANISATION_TYPES or not 0 < len(gap) <= 12:
        return None
    title = gap.strip(" \u3000")
    if title[:1] in "）)" and body.type == "Organization":
        title = title[1:]  # 某某运动（某组织）领导人甲: the short name in brackets
    if title.startswith("中央") and body.type == "Organization":
        title = title[2:]
    if title == _STANDING:  # 某政治局常委, 某委员会常委: not 某党中央|常委
        return title if body.text.endswith(("政治局", "委员会", "党委")) else None
    if title in _LEADER:  # 某组织领导人甲 (not a post title: 两国领导人 names no body)
        return title if body.type == "Organization" else None
    if _is_posts(title, posts) or _head_staff(title, posts) or _then_state_office(title, posts):
        return title
    return None


def _then_state_office(title: str, posts: frozenset[str]) -> bool:
    """A post of the body, then a state office of its country (某国某党总书记、国务委员长甲:
    the party's post; the country is not named).

    >>> _then_state_office("总书记、国务委员长", frozenset({"总书记"}))
    True
    """
    first, *rest = title.split("、")
    return (
        bool(rest)
        and first in posts
        and all(p in posts or _STATE_OFFICE.fullmatch(p) is not None for p in rest)
    )


#: the staff of a body's head, written after the head's title (秘书长发言人, 主席特使)
_STAFF = ("副发言人", "发言人", "新闻秘书", "特使", "特别代表")


def _head_staff(title: str, posts: frozenset[str]) -> bool:
    """Whether ``title`` is a post on the staff of the body's head (某组织秘书长发言人,
    某委员会主席发言人): the head's title, then a staff title; the staff serve the body.

    >>> _head_staff("秘书长发言人", frozenset({"秘书长"})), _head_staff("秘书长", frozenset())
    (True, False)
    """
    for w in _STAFF:
        if title.endswith(w) and len(title) > len(w):
            return title[: -len(w)] in posts
    return False


#: what says which of a body's deputies a post is: the one in charge of its daily work
_IN_CHARGE = re.compile("^(?:分管|主持|负责)(?:日常)?工作的")


#: the leader of an organisation (a movement, a party, an armed group), after its name
_LEADER = ("领导人", "最高领导人", "政治局领导人")


#: a person taking up a post: 甲当选某国总统, 乙连任某党主席, 丙就任某国总理 (not 不再担任,
#: 将出任: the words before the verb must be none of these)
_TAKES_UP = re.compile(
    "(?:再次|继续|正式|顺利|成功|高票|首次)?(?:当选连任|当选为|当选|连任|就任|出任|担任|继任)"
)
#: what may stand before the person who takes up a post, in his clause: nothing (a
#: heading's number), or 祝贺 (致电祝贺甲当选…: 甲 is the subject of 当选)
_SUBJECT_BEFORE = re.compile(r"[\s\d（）().#*]*(?:.{0,12}?祝贺)?")
#: what may follow the post taken up: the clause's end, a time after it, 一职
_AFTER_POST = re.compile(r"(?:[^\u4e00-\u9fff]|后|以来|之际|时|一职|职务|的|$)")


def elected_posts(st: KGDoc, units: list[Unit], posts: frozenset[str]) -> list[PostRecord]:
    """A person who takes up a post in a body or country (甲当选某国总统, 乙连任某党中央
    主席, 丙就任某委员会主任): a post record for each (a country's: a state office).

    >>> from kg.nlp.pipeline import make_nlp
    >>> doc = make_nlp()("国家主席致电祝贺陈立新当选法国总统。")
    >>> [(r.subj, r.obj, r.post) for r in doc._.kg.relations if r.pred == "holdsPost"]
    [('person/陈立新', 'country/FRA', '总统')]
    """
    norm = st.norm
    out: list[PostRecord] = []
    for i in range(len(units) - 1):
        u, a = units[i], units[i + 1]
        if u.type != "Person" or not _TAKES_UP.fullmatch(norm, u.end, a.start):
            continue
        cs = max(norm.rfind(c, 0, u.start) for c in "，,。；;：:！？\n") + 1
        if not _SUBJECT_BEFORE.fullmatch(norm, cs, u.start):
            continue  # 接替甲出任某国首相: 甲 is the object of another verb
        title = _post_at(norm, a.end, posts)
        if title is None or not _AFTER_POST.match(norm, a.end + len(title)):
            continue
        if (a.type == "Country" and _state_office(norm, a, title)) or (
            _title(a, title, posts) is not None
        ):
            out.append((u, _title(a, title, posts) or title, a, st.sent_of(u.start)))
    return out


def _post_at(norm: str, p: int, posts: frozenset[str]) -> str | None:
    """The longest post title (中央 before it allowed: 某党中央主席) starting at ``p``."""
    for n in range(min(10, len(norm) - p), 1, -1):
        w = norm[p : p + n]
        if w in posts or (w.startswith("中央") and w[2:] in posts):
            return w
    return None


def _is_posts(gap: str, posts: frozenset[str]) -> bool:
    """A post title, or several joined by 、 or 兼 (某委党组书记、主任某某, 副主席兼秘书长).

    >>> _is_posts("党组书记、主任", frozenset({"党组书记", "主任"}))
    True
    >>> _is_posts("负责人、记者", frozenset({"主任"}))
    False
    """
    return all(p in posts for p in re.split("[、兼]", gap.strip(" \u3000")))


def _hosts_envoy(norm: str, body: Unit, post: str) -> bool:
    """Whether ``body`` only hosts the envoy whose title ``post`` is (驻某组织大使甲, 常驻某组织
    代表乙): he serves there for the state that sends him, it is no post of the body's.

    >>> o = Mention(3, 6, "某组织", "Organization", "org/x", "某组织", "t")
    >>> _hosts_envoy("甲国驻某组织大使", o, "大使"), _hosts_envoy("甲国和某组织大使", o, "大使")
    (True, False)
    """
    return norm[body.start - 1 : body.start] == "驻" and _ENVOY_TITLE.fullmatch(post) is not None


def hold_post_relations(
    st: KGDoc, found: list[PostRecord], types: dict[str, str]
) -> list[Relation]:
    """One holdsPost per person, body and sentence, from ``st.posts`` then ``found`` (a
    country's post: a state office only)."""
    rels = []
    seen = set()
    keys = {m.key for m in st.mentions}  # a person the persons stage read longer later: no
    for person, post, org, (s, e) in [
        (p.person, p.post, p.org, p.sent) for p in st.posts if p.org is not None
    ] + found:
        k = (person.key, org.key, s)
        kind = types.get(org.key, org.type)
        if (
            k in seen
            or _party_organ_cut(st.norm, org)
            or _hosts_envoy(st.norm, org, post)
            or person.key not in keys
            or not (
                kind in ORGANISATION_TYPES
                or (kind == "Country" and _state_office(st.norm, org, post, _after(person, org)))
                or (kind == "Country" and _ABROAD.fullmatch(post) is not None)
            )
        ):
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
