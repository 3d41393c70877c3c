"""出席 with no named object: the event whose holding was just reported.

News names a meeting once, as the subject of 举行/召开/开幕, and the next clause or
sentence says who attended without naming it again: X在京召开 A出席并讲话; X于5日
在北京开幕。A、B出席开幕式。 The persons opening that clause (posts and bodies
before them allowed) took part in X (主持 also hosted it). The scope ends with the
next sentence and never crosses a line break.

Later in the same story (up to the next heading line: a short line with no closing
punctuation), two shapes still mean that event, ``implicit``: a list of speakers,
each with country and post (…成员国A总统甲、B总理乙先后发言), and persons who 参加/出席
上述活动 (or 会议, 开幕式… with no name).

>>> from kg.model import Document
>>> from kg.nlp import extract
>>> text = "2031年全球山地旅游大会5日在桂林开幕。外交部部长苗立新出席开幕式并致辞。"
>>> sorted((r.subj, r.pred, r.rule) for r in extract(Document("t", text)).relations)[-1]
('person/苗立新', 'participatesIn', 'participatesIn:出席:held')
"""

from __future__ import annotations

import bisect
import re

from kg.nlp.components.base import ORGANISATION_TYPES
from kg.nlp.relations.clauses import clause_start
from kg.nlp.relations.grammar import Grammar
from kg.nlp.relations.lexicon import alt, dayparts
from kg.nlp.relations.masking import AG, AGENTS, BODY, END, LOC, MASKED, SEP, mask
from kg.nlp.relations.state import DocState
from kg.nlp.relations.stories import is_heading, story_lead

_HELD = re.compile(f"[^{SEP}{END}]{{0,24}}?(?:隆重|胜利|正式)?(?:举行|召开|开幕|举办|闭幕|启幕)")
# a body holds the event named after the verb: only its time and place between them
# (某委员会9日在某地举行|X), not 决定召开X, 为召开X作准备 (a meeting still to come)
_HELD_BEFORE = re.compile(
    r"(?:今天|昨天|今日|昨日|当天|当日|日前|近日)?(?:[（(][^（）()]{1,10}[）)])?"
    r"(?:[\d一二三四五六七八九十]{1,2}月)?(?:[\d一二三四五六七八九十]{1,3}日)?"
    rf"(?:{dayparts()})?(?:[在于][^，。；：、\s]{{1,16}}?)?"
    r"(?:以视频方式)?(?:联合|共同|隆重|正式)?(?P<chair>主持)?(?:举行|召开|举办)了?"
)


def _held_by(ds: DocState, k: int, s0: int) -> bool:
    """Whether the event ``ds.units[k]`` is the object of 举行/召开/举办 whose subject is a
    body (or a person who 主持召开 it) right before (places of the 在-phrase passed over),
    in the sentence from ``s0``."""
    ev = ds.units[k]
    j = k - 1
    while j >= 0 and ds.units[j].type == "Location" and ds.units[j].start >= s0:
        j -= 1
    if j < 0 or ds.units[j].start < s0:
        return False
    m = _HELD_BEFORE.fullmatch(ds.st.norm, ds.units[j].end, ev.start)
    # a body holds it, or a person chairs it (某某主持召开X。乙出席)
    return m is not None and (
        ds.units[j].type in ORGANISATION_TYPES
        or (ds.units[j].type == "Person" and m.group("chair"))
    )


_VERBS = {
    "出席": ("participatesIn",),
    "参加": ("participatesIn",),
    "主持": ("participatesIn", "hosted"),
    # X举行，A发表重要讲话: the speaker of the gathering just reported took part in it
    "发表重要讲话": ("participatesIn",),
    "发表讲话": ("participatesIn",),
    "致辞": ("participatesIn",),
    # X举行。A在会上讲话/发言: a speaker at the gathering just reported
    "讲话": ("participatesIn",),
    "发言": ("participatesIn",),
}
#: 在会上 (宣读…并) before a speaker's verb: the gathering just reported
_AT_MEETING = r"(?:在(?:会上|会议上|大会上))?(?:宣读[^，。；：！？\n]{1,16}?并)?"
#: the story's first sentence is about the event it attends or holds (A出席X并致辞), also
#: when a relative clause places it (A出席在某地举行的X)
_LEAD_VERB = re.compile(
    r"(?:出席|参加|主持|举办|举行|召开)了?(?:在[^，。；：、\s]{1,16}?(?:举行|召开|举办)的)?$"
)
#: what after the lead's event says the story is about something else: a time it gives
#: (期间, 之际, 后) or a longer gathering it qualifies (X某代表团全体会议)
_ASIDE = re.compile(
    r"\s*(?:期间|之际|前夕|时|后|[^，。；：并\s]{1,20}?(?:会议|座谈会|会谈|会见|会晤)(?=并|时|期间|[，。；：\s]|$))"
)
_CLAUSE_END = re.compile(f"[{SEP}{END}]")
_SENT_END = re.compile(f"[{END}]")
#: a heading that says who held the story's event: a body, 召开/举行 and the head of the
#: event's name, then the heading's end or a space before what it was about
_HEADLINE_HOST = re.compile(
    "[#\\s\\d.]*(?P<ag>[\ue010\ue011]\ue01f*)(?:召开|举行|举办)"
    "(?P<head>[\u4e00-\u9fff]{2,8}?(?:会|会议|论坛|仪式))(?=\\s|$)"
)
#: the determiners that send back to the story's event (本届论坛, 此次会议)
_THIS = "本届|本次|此次|这次"
#: how many attended (等约600人出席, 等近千人参加)
_HEADCOUNT = r"(?:共约|约|近|共)?[\d一二三四五六七八九十百千]+[多余]?(?:名|位)?人"
_NOUNS = "开幕式|闭幕式|开幕会|闭幕会|会议|大会|活动|仪式|峰会|论坛|全体会议|开幕大会|颁奖仪式|典礼"
#: the report a speaker gives at the gathering just reported, for whom he speaks before it
#: (甲代表某某委员会作工作报告, 乙作关于某某的说明和报告)
_ON_BEHALF = "(?:代表[^，。；：、\\s]{1,30}?)?"
_REPORT = "作了?[^，。；：、\\s]{0,14}?报告"
#: a bare head that may send back to the story's event (its name ends with it: 座谈会)
_HEAD = "(?!并)[\u4e00-\u9fff]{2,4}"


class HeldEvents:
    """The doc-level pass of the module docstring."""

    def __init__(self, g: Grammar, posts: frozenset[str] = frozenset()) -> None:
        self.g = g
        post = alt(posts) if posts else "(?!)"
        self._attend = re.compile(
            f"(?:^|(?<=[{SEP}{END}\\s]))(?:{g.prefix.pattern})"
            # 某某政治局常委、某委主席A出席: 常委 (a standing committee's member) after its body
            f"(?:{AG}常委|{AG}(?:中央)?|{post}|[、\\s]"
            # 某盟中央主席A: a few words no recogniser knows before a post
            f"|[^{SEP}{END}{MASKED}、]{{1,6}}?(?:{post})(?=\ue013|[、\\s]))*?"
            # 某某委员长主持会议: the post may follow the person
            f"(?P<run>\ue013\ue01f*(?:(?:、|和)\ue013\ue01f*)*)(?:{post})?(?:{g.adv_alt})*"
            f"{_AT_MEETING}(?:{_ON_BEHALF}(?P<report>{_REPORT})"
            f"|(?P<v>{alt(_VERBS)})了?(?:{_NOUNS}|(?P<head>{_HEAD}))?)"
            f"(?=并|、|[{SEP}{END}\\s]|$)"
        )  # (head: the head of the event just held, 甲出席|座谈会)
        # the persons before 在会上/在座谈会上 (posts and bodies before them), whatever they
        # did there (讲话, 表示, 缅怀…), or who spoke (在致辞中表示): they were at the
        # gathering of the story
        self._at_meeting = re.compile(
            f"(?:^|(?<=[{SEP}{END}\\s]))(?:{g.prefix.pattern})"
            f"(?:{AG}常委|{AG}(?:中央)?|{post}|兼|[、\\s])*?"
            f"(?P<run>\ue013\ue01f*(?:(?:、|和)\ue013\ue01f*)*)(?:{post})?(?:{g.adv_alt})*"
            f"在(?:会上|会议上|大会上|(?P<head>{_HEAD})上|(?:致辞|讲话|发言|演讲|主旨演讲)中)"
            "(?![，,、])"
        )

        # a speaker: country, body or organisation (named or not), post, person
        # (each item parsed one way only, ``(?>…)``: items that could split a list many ways
        # took exponential time on a list of posts that no verb closes)
        speakers = (
            f"(?>{AG}|{post}|成员国|[、，,和及\\s]|[^{SEP}{END}{MASKED}、]{{1,16}}?(?:{post})"
            # a title of the speaker's list of posts (某国总统、某委员会主席甲)
            f"|[^{SEP}{END}{MASKED}、]{{1,6}}(?=、))+"
        )
        self._speakers = re.compile(
            # the list opens its sentence, or follows the phrase that places it at the
            # gathering (会上，甲、乙先后发言; 座谈会上，…)
            f"(?:^|(?<=[{END}：:])|(?<=会上[，,]))(?P<run>{speakers})"
            # the last speaker's name may be one no recogniser knows (…主任某某某)
            f"(?:[^{SEP}{END}{MASKED}、]{{1,16}}?(?:{post})[^{SEP}{END}{MASKED}、]{{1,8}}?)?"
            "(?:(?:先后|分别|相继|也|还|依次)(?:发言|致辞|讲话|发表讲话)"
            # 甲、乙作了发言: who spoke, with no adverb
            "|(?:先后|分别|相继|也|还|依次)?作了?(?:交流)?发言)"
        )
        self._attend_story = re.compile(
            f"(?:^|(?<=[{SEP}{END}\\s]))(?:{g.prefix.pattern})"
            # 某委员会副主席兼秘书长甲主持|座谈会: his posts before him, as in ``_attend``
            f"(?:{AG}常委|{AG}(?:中央)?|{post}|兼|[、\\s])*?"
            f"(?P<run>\ue013\ue01f*(?:(?:、|和)\ue013\ue01f*)*)等?(?:{g.adv_alt})*"
            f"(?P<v>{alt(_VERBS)})了?(?:上述活动|上述会议|{_NOUNS}|(?P<head>[\u4e00-\u9fff]{{2,4}}))"
            f"(?=并|[{SEP}{END}\\s]|$)"
        )  # (head: the head of the story's event, 甲主持|团拜会)
        # later in the story, a list of attendees that names no event (甲国总统A、乙国总理B，
        # 某委员会副主席C、D等出席): the verb ends its clause; the list is read back from
        # it item by item (``_attendees``)
        # (甲、乙出席|座谈会: the bare head of the story's event, as in ``_attend_story``)
        self._attend_verb = re.compile(
            f"(?P<v>出席|参加|主持|与会|列席)了?"
            f"(?:上述活动|上述会议|{_NOUNS}|(?P<head>{_HEAD}))?(?=并|[{SEP}{END}]|$)"
        )
        # what ends the list before the verb: a post after the last name, 等, a head count
        self._list_end = re.compile(
            f"(?:{post})?(?:同志)?等?(?:{_HEADCOUNT})?(?P<adv>(?:{g.adv_alt})*)$"
        )
        # one item of the list with its person: what says who he is before him (a body, a
        # country, a post title, a few words right before a post: 某论坛理事长, 代理总统)
        # (nested groups: 某论坛某方共同主席国、某国总统甲, 某洲某组织代表某国总统乙)
        self._item = re.compile(
            f"(?:{AG}常委|{AG}|{LOC}|{post}|成员国|兼|\\s|"
            f"[^{SEP}{END}{MASKED}、]{{0,6}}?主席国|"
            f"[^{SEP}{END}{MASKED}、]{{1,8}}?(?:{post}|代表))*"
        )
        self._item_cut = re.compile("(?:[、，,]|以及|和|及)")
        # 会议听取了某委员会主任委员甲作的关于…的报告，乙受某院委托作的…: the meeting of the
        # story heard them, each reporter took part in it (the clause opens with the
        # meeting, 会议, 本次会议, 主席团会议, 全会, or with the verb: 听取了…, its subject
        # the meeting of the sentence before)
        self._heard = re.compile(
            f"(?:^|(?<=[{SEP}{END}\\s]))(?:(?:{_THIS})?[^{SEP}{END}{MASKED}]{{0,8}}?(?:会议|全会))?"
            "(?:首先|还|并|也|同时|分别|先后|依次)*听取(?:并审议|和讨论|并讨论)?了?"
        )
        # the reporters: their posts (bodies, a term before one, titles, a body no
        # recogniser knows before its title), the persons, for whom they speak, 作的
        # (after 听取了 or a separator)
        # (each item parsed one way only, ``(?>…)``: bodies, not persons, are posts, and
        # free words end at a post followed by a name, a mark or a space; with items that
        # could split a list many ways, a list with no 作的 after it took exponential time)
        posts_of = (
            f"(?>{BODY}|{LOC}|{post}|[\\d一二三四五六七八九十]{{1,3}}届|兼|[、\\s]"
            f"|[^{SEP}{END}{MASKED}、的]{{1,16}}?(?:{post})(?=[\ue010-\ue014、\\s]))*?"
        )
        self._reporter = re.compile(
            f"(?:(?<=听取)|(?<=了)|(?<=[，,、；;])){posts_of}"
            f"(?P<run>\ue013\ue01f*(?:(?:、|和){posts_of}\ue013\ue01f*)*+)"
            f"(?:受(?:{AG}|[^{SEP}{END}{MASKED}]){{1,12}}?委托)?(?:分别|先后)?所?作的"
        )
        # 与会的甲、乙等国领导人, 与会的某组织秘书长甲: those present at the event held
        present = f"(?:{AG}|{post})+"
        self._present_re = re.compile(
            f"(?:^|(?<=[{SEP}]))与会的(?P<run>{present}(?:(?:、|和|及|以及){present})*)"
        )
        # the story's event named by a determiner and its organisers (本届论坛由甲、乙共同
        # 主办, 此次会议由某国总统甲倡议发起): each hosted (initiated) it
        # (论坛由甲主办: the bare head opening a sentence; a name no recogniser knows may
        # stand in the list, the named agents hosted)
        item = f"(?:[^{SEP}{END}{MASKED}、和及与由\\s]|[\ue010-\ue017]\ue01f*)+?"
        self._hosts = re.compile(
            f"(?:(?:^|(?<=[{SEP}{END}\\s]))(?:{_THIS})[^{SEP}{END}{MASKED}由]{{0,6}}?"
            f"|(?:^|(?<=[{END}\\s]))(?:{_NOUNS}))由"
            f"(?P<run>{item}(?:(?:、|和|及|以及|与){item})*)(?:等[^{SEP}{END}{MASKED}]{{0,6}}?)?"
            f"(?:共同|联合)?(?P<v>主办|承办|举办|倡议发起|发起|主持)(?=[{SEP}{END}]|$)"
        )

    def __call__(self, ds: DocState) -> None:
        st = ds.st
        norm = st.norm
        sents = st.sents
        g = self.g
        told: set[int] = set()  # the stories whose event is known
        for k, ev in enumerate(ds.units):
            if ev.type != "Event":
                continue
            i = bisect.bisect_right(ds.sent_starts, ev.start) - 1
            if i < 0:
                continue
            s0, e0 = sents[i]
            h = _HELD.match(norm, ev.end, e0)
            if h is not None:
                cs = clause_start(norm, ev.start, s0, SEP + END + " ")
                if g.prefix.match(norm, cs, ev.start).end() != ev.start and not (
                    norm[ev.start - 1] == "暨"  # 甲暨|乙大会在京举行: a joint name's last part
                ):
                    # the event does not open its clause: A将出席X开幕式 may open its story
                    self._lead(ds, ev, i, told)
                    continue
                hend = h.end()
                if _story_of(ds, ev, i) is not None:
                    self._headline_host(ds, ev)
            elif _held_by(ds, k, s0):
                # 某委员会在某地举行X。A主持会议: the event as the object of the verb (the
                # rest of its story as for any story that opens with its event)
                self._lead(ds, ev, i, told)
                hend = ev.end
            else:
                self._lead(ds, ev, i, told)
                continue
            end = sents[i + 1][1] if i + 1 < len(sents) else e0
            nl = norm.find("\n", hend, end)
            end = nl if nl >= 0 else end
            lo = k + 1
            hi = bisect.bisect_left(ds.ustarts, end)
            su = [u for u in ds.units[lo:hi] if u.end <= end and u.start >= hend]
            if "与会的" in norm[hend:end]:
                ms = mask(norm, hend, end, su)
                self._present(ds, ev, ms, {u.start - hend: u for u in su}, hend)
            if not any(u.type == "Person" for u in su):
                if h is not None and _story_of(ds, ev, i) is not None:
                    # the story's lead: 本届论坛由甲主办 may follow
                    self._story(ds, ev, end, self._planned(st, h.start(), hend))
                continue
            ms = mask(norm, hend, end, su)
            umap = {u.start - hend: u for u in su}
            # X将于某日举行闭幕会，A将发表讲话: announced, not yet done
            planned = h is not None and self._planned(st, h.start(), hend)
            for m in self._attend.finditer(ms):
                if m.group("head") and not ev.text.endswith(m.group("head")):
                    continue  # 甲出席|某某: a word that is not the head of the event held
                persons = [umap[j] for j in range(m.start("run"), m.end("run")) if j in umap]
                v = m.group("v") or "作报告"
                at = m.start("v") if m.group("v") else m.start("report")
                s, e = st.sent_of(hend + at)
                later = planned or self._planned(st, hend + m.end("run"), hend + at)
                mod = "planned" if later else "asserted"
                for p in persons:
                    for pred in _VERBS.get(v, ("participatesIn",)):
                        rule = f"{pred}:{v}:held"
                        ds.add(p.key, pred, ev.key, s, e, rule, 0.7, modality=mod)
            self._speakers_at(ds, ev, ms, umap, hend, implicit=False)
            if h is not None:
                self._story(ds, ev, end, planned)

    def _headline_host(self, ds: DocState, ev) -> None:
        """The heading of the story whose first sentence reports ``ev`` held (X…在京召开)
        says who held it by the head of its name (某委员会召开|座谈会 over
        第N次某某座谈会…召开): that body hosted it."""
        st = ds.st
        lead = story_lead(ds, ev.start)
        if lead is None:
            return
        he = ds.stories[lead[0]]
        hs = st.norm.rfind("\n", 0, he) + 1
        lo = bisect.bisect_left(ds.ustarts, hs)
        hi = bisect.bisect_left(ds.ustarts, he)
        su = [u for u in ds.units[lo:hi] if u.end <= he]
        if not su or any(u.type == "Event" for u in su):
            return  # the heading names the event: the sentence rules read it
        m = _HEADLINE_HOST.match(mask(st.norm, hs, he, su))
        if m is None or not ev.text.endswith(m.group("head")):
            return
        # (a private-use character in the text may look like a unit's mask: no unit there)
        body = next((u for u in su if u.start - hs == m.start("ag")), None)
        if body is not None and body.type in ORGANISATION_TYPES:
            ds.add(body.key, "hosted", ev.key, hs, he, "hosted:召开:headline", 0.6, implicit=True)

    def _speakers_at(
        self, ds: DocState, ev, ms: str, umap: dict, a: int, implicit: bool = True
    ) -> None:
        """甲在会上讲话, 乙在座谈会上缅怀… (``ms`` masked from ``a``): each person before
        在会上 (or 在 + the head of ``ev``'s name + 上) took part in ``ev``."""
        st = ds.st
        for m in self._at_meeting.finditer(ms):
            if m.group("head") and not ev.text.endswith(m.group("head")):
                continue  # 在某某上: not the event of the story
            s, e = st.sent_of(a + m.end("run"))
            for j in range(m.start("run"), m.end("run")):
                p = umap.get(j)
                if p is not None and p.type == "Person":
                    rule = f"participatesIn:在会上:{'story' if implicit else 'held'}"
                    ds.add(p.key, "participatesIn", ev.key, s, e, rule,
                           0.6 if implicit else 0.7, implicit=implicit)  # fmt: skip

    def _reporters(self, ds: DocState, ev, ms: str, umap: dict, a: int) -> None:
        """会议听取了甲作的…报告，乙作的… in the story of the meeting ``ev`` (``ms`` masked
        from ``a``): each reporter took part in it (``implicit``: 会议 sends back to it)."""
        st = ds.st
        for h in self._heard.finditer(ms):
            stop = _SENT_END.search(ms, h.end())  # the sentence: reporters after ， too
            end = len(ms) if stop is None else stop.start()
            for m in self._reporter.finditer(ms, h.end(), end):
                s, e = st.sent_of(a + m.start("run"))
                for j in range(m.start("run"), m.end("run")):
                    p = umap.get(j)
                    if p is not None and p.type == "Person":
                        ds.add(p.key, "participatesIn", ev.key, s, e, "participatesIn:听取:story",
                               0.6, implicit=True)  # fmt: skip

    def _present(
        self, ds: DocState, ev, ms: str, umap: dict, a: int, implicit: bool = False
    ) -> None:
        """X举行，与会的甲、乙等国领导人… (``ms`` masked from ``a``): each agent the phrase
        names took part in X (a person with his country and post: the person); later in
        the story of X, ``implicit``."""
        st = ds.st
        for m in self._present_re.finditer(ms):
            s, e = st.sent_of(a + m.start())
            js = [j for j in range(m.start("run"), m.end("run")) if j in umap]
            for j in js:
                u = umap[j]
                if u.type not in AGENTS or self.g.owner.match(ms, j + u.end - u.start):
                    continue  # 某国总统甲: the country says whose post it is
                rule = f"participatesIn:与会的:{'story' if implicit else 'held'}"
                ds.add(u.key, "participatesIn", ev.key, s, e, rule, 0.6 if implicit else 0.7,
                       implicit=implicit)  # fmt: skip

    def _planned(self, st, a: int, b: int) -> bool:
        """Whether a word of the grammar's planned modality (将, 即将, 拟…) stands in
        ``st.norm[a:b]`` as a word of its own (not the 将 of 将军衔, 将领); ``a`` is a
        word's start (the end of a name: jieba may have read 李强将 as 李/强将)."""
        kind = self.g.modal_kind
        return any(
            kind.get(m.group()) == "planned"
            and (m.start() == a or m.start() in st.tok_starts)
            and m.end() in st.tok_ends
            for m in self.g.modal_scan.finditer(st.norm, a, b)
        )

    def _lead(self, ds: DocState, ev, i: int, told: set[int]) -> None:
        """A story whose first sentence has its event (A出席X并致辞): the rest of the story
        is about X too (speakers' lists, a closing line that sends back to the event)."""
        st = ds.st
        h = _story_of(ds, ev, i)
        if h is None or h in told:
            return  # not in the story's first sentence
        norm = st.norm
        lv = _LEAD_VERB.search(norm, max(0, ev.start - 26), ev.start)
        if lv is None or norm[lv.start() - 1 : lv.start()] == "为":
            return  # 为召开X作准备: X is still to come
        ce = _CLAUSE_END.search(norm, ev.end, st.sents[i][1])
        tail = norm[ev.end : ce.start() if ce else st.sents[i][1]]
        if "的" in tail:
            return  # 会见前来参加X(暨Y)的某总统: X is not what the story is about
        if _ASIDE.match(tail):
            # 出席X期间会见某某, 出席X某代表团全体会议: the story is about the talks or the
            # gathering the event only dates or qualifies
            return
        told.add(h)
        # A将出席X: the story announces X, its later lists say who will attend
        j = bisect.bisect_left(ds.ustarts, lv.start()) - 1  # after the subject (A将于某日出席)
        a = max(st.sents[i][0], ds.units[j].end if j >= 0 else 0)
        announced = self._planned(st, a, lv.start())
        self._story(ds, ev, st.sents[i][1], announced)

    def _story(self, ds: DocState, ev, pos: int, announced: bool = False) -> None:
        """The rest of the story after ``pos``: speakers' lists, 参加上述活动 (lists of
        those who will attend count only in a story that ``announced`` its event)."""
        st = ds.st
        norm = st.norm
        end = _story_end(norm, pos)
        if end <= pos:
            return
        lo = bisect.bisect_left(ds.ustarts, pos)
        hi = bisect.bisect_left(ds.ustarts, end)
        su = [u for u in ds.units[lo:hi] if u.end <= end]
        ms = mask(norm, pos, end, su)
        umap = {u.start - pos: u for u in su}
        if "由" in ms:
            self._hosted(ds, ev, pos, ms, umap)
        if "与会的" in ms:
            self._present(ds, ev, ms, umap, pos, implicit=True)
        if not any(u.type == "Person" for u in su):
            return
        if "在" in ms:
            self._speakers_at(ds, ev, ms, umap, pos)
        if "听取" in ms and ev.text.endswith(("会议", "会")):
            self._reporters(ds, ev, ms, umap, pos)
        for rx, how in ((self._speakers, "speakers"), (self._attend_story, "story")):
            for m in rx.finditer(ms):
                if how == "story" and m.group("head") and not ev.text.endswith(m.group("head")):
                    continue  # 甲出席|某某: a word that is not the head of the story's event
                s, e = st.sent_of(pos + m.end("run"))
                for j in range(m.start("run"), m.end("run")):
                    p = umap.get(j)
                    if p is not None and p.type == "Person":
                        ds.add(
                            p.key,
                            "participatesIn",
                            ev.key,
                            s,
                            e,
                            f"participatesIn:{how}",
                            0.6,
                            implicit=True,
                        )
        for m in self._attend_verb.finditer(ms):
            if m.group("head") and not ev.text.endswith(m.group("head")):
                continue  # 甲出席|某某: not the head of the story's event
            persons, mod = self._attendees(ms, m.start("v"), umap)
            if not persons or (mod == "planned" and not announced):
                continue
            s, e = st.sent_of(pos + m.start("v"))
            for p in persons:
                ds.add(p.key, "participatesIn", ev.key, s, e, "participatesIn:story", 0.6,
                       modality=mod, implicit=True)  # fmt: skip

    def _hosted(self, ds: DocState, ev, pos: int, ms: str, umap: dict) -> None:
        """本届论坛由甲、乙共同主办 (会议由甲主持: took part and chaired) in the story of ``ev``
        (masked from ``pos``)."""
        st = ds.st
        for m in self._hosts.finditer(ms):
            at = {j: umap[j] for j in range(m.start("run"), m.end("run")) if j in umap}
            at = {j: u for j, u in at.items() if u.type in AGENTS}
            if any(u.type == "Person" for u in at.values()):
                run = [u for u in at.values() if u.type == "Person"]  # 某国总统甲: the person
            else:
                # an organiser is the unit that ends its item (its mask as long as its
                # text): not the country that opens a name no recogniser knows
                # (中国|某某局、…共同主办)
                ends = {x.start() for x in _JOINER.finditer(ms, m.start("run"), m.end("run"))}
                ends.add(m.end("run"))
                run = [u for j, u in at.items() if j + (u.end - u.start) in ends]
            v = m.group("v")
            preds = (
                _VERBS[v] if v in _VERBS else ("initiated",) if v.endswith("发起") else ("hosted",)
            )
            s, e = st.sent_of(pos + m.start("v"))
            for a in run:
                for pred in preds:  # 会议由甲主持: he took part and chaired (GUIDELINES)
                    ds.add(a.key, pred, ev.key, s, e, f"{pred}:{v}:story", 0.6, implicit=True)

    def _attendees(self, ms: str, v: int, umap: dict) -> tuple[list, str]:
        """The persons of the list of attendees that ends at the verb at ``v`` and the
        modality of its verb (将出席: ``planned``): items joined by 、，和 以及, read back
        from the verb while each is one person with what says who he is before him, or a
        few words naming unnamed attendees (某国代表, 某组织秘书长, 其他高级官员), and a
        person may close a group of them (甲、乙等多国政要和部长级代表以及丙等出席); the list
        opens its sentence or a clause (会议由甲主持，乙、丙出席). [] when there is none."""
        s0 = clause_start(ms, v, 0, END)
        le = self._list_end.search(ms, s0, v)
        mod, neg, _ = self.g.modality((le.group("adv"),))
        if neg:
            return [], mod  # 未出席: not done (将出席: its caller decides)
        cuts = list(self._item_cut.finditer(ms, s0, le.start()))
        j = le.start()
        persons: list = []
        after = None  # the separator after the item being read
        for k in range(len(cuts), -1, -1):
            i = cuts[k - 1].end() if k else self.g.prefix.match(ms, s0, j).end()
            if i == j and k:
                # 甲，以及乙等出席: two separators, no item; 以及 joins the list on
                after = after if after == "以及" else cuts[k - 1].group()
                j = cuts[k - 1].start()
                continue
            p = self._person_item(ms, i, j, umap)
            if p is not None:
                persons.append(p)
            elif persons and i < j and self._item.fullmatch(ms, i, j):
                pass  # one of the posts of the person after it (某委员、某部部长A)
            elif self._cut_person(ms, i, j, umap):
                pass  # a person whose name the persons stage cut short: not taken
            elif not _unnamed(ms, i, j) or (persons and after is not None and after in "，,"):
                # the list starts after this item: at a clause's start only (a clause of
                # a few words between named attendees is no item: 代表与会，甲主持)
                return (persons if after is not None and after in "，," else []), mod
            if k:
                after = cuts[k - 1].group()
                j = cuts[k - 1].start()
        return persons, mod

    def _cut_person(self, ms: str, i: int, j: int, umap: dict) -> bool:
        """Whether the item ``ms[i:j]`` is a person with what says who he is whose name
        runs on by a few characters the persons stage left out (某国副首相甲乙|丙丁)."""
        k = ms.rfind("\ue013", i, j)
        p = umap.get(k) if k >= 0 else None
        if p is None or p.type != "Person":
            return False
        pe = k + (p.end - p.start)
        before = ms[i:k]
        return (
            0 < j - pe <= 3
            and _unnamed(ms, pe, j)
            and 0 < len(before) <= 20
            and not any(c in before for c in _NOT_LIST)
        )

    def _person_item(self, ms: str, i: int, j: int, umap: dict):
        """The person that ends the item ``ms[i:j]`` after what says who he is, or None;
        等 and a few words naming the group he closes may follow him (甲等外国领导人)."""
        k = ms.rfind("\ue013", i, j)
        p = umap.get(k) if k >= 0 else None
        if p is None or p.type != "Person":
            return None
        pe = k + (p.end - p.start)
        if _HOW.fullmatch(ms, pe, j):
            pe = j  # 某国总统甲（线上）: how he attended
        if pe != j and not (ms[pe] == "等" and j - pe <= 9 and _unnamed(ms, pe + 1, j)):
            return None
        return p if self._item.fullmatch(ms, i, k) else None


#: what joins the items of a list of organisers
_JOINER = re.compile("以及|、|和|及|与")


#: how an attendee took part, in brackets after his name (（线上）, （视频）)
_HOW = re.compile(r"[（(][\u4e00-\u9fff]{1,4}[）)]")
#: what a few words naming attendees do not hold (a relative clause, a preposition)
_NOT_LIST = "的在对向将由"


def _unnamed(ms: str, i: int, j: int) -> bool:
    """Whether ``ms[i:j]`` may be attendees named by a few words only (某国代表); a group
    counted by its heads may take more (60多位某洲国家领导人或代表)."""
    item = ms[i:j]
    most = 24 if _HEADS_COUNTED.match(item) else 12
    return 0 < len(item) <= most and "\ue013" not in item and not any(c in item for c in _NOT_LIST)


#: a group of attendees counted by its heads (60多位, 数十名)
_HEADS_COUNTED = re.compile(r"(?:[\d一二三四五六七八九十百]+|数十|数百)[多余]?(?:位|名)")


def _story_of(ds: DocState, ev, i: int) -> int | None:
    """The story whose first sentence (``i``) names ``ev``, or None."""
    lead = story_lead(ds, ev.start)
    return lead[0] if lead is not None and lead[1] == i else None


#: a numbered item of a programme's summary opens a story of its own
_ITEM = re.compile(r"\s*(?:\d{1,2}[.．、]|[（(]\d{1,2}[）)])")


def _story_end(norm: str, pos: int, limit: int = 6000) -> int:
    """Where the story holding ``pos`` ends: the next heading line (short, with no
    closing punctuation) or numbered summary item, at most ``limit`` characters on."""
    stop = min(len(norm), pos + limit)
    q = norm.find("\n", pos, stop)
    while 0 <= q < stop:
        nxt = norm.find("\n", q + 1, stop)
        line_end = stop if nxt < 0 else nxt
        if is_heading(norm[q + 1 : line_end]) or _ITEM.match(norm, q + 1, line_end):
            return q  # a heading, or the next item of a numbered summary (12.某会议召开…)
        if nxt < 0:
            break
        q = nxt
    return stop
