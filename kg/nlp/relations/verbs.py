"""Trigger verb + object: the predicates of ``relation_triggers.tsv`` (issued,
implements, initiated, participatesIn, hosted; containers go to ``composition``).

- **objects**: the entities right after the verb, coordinated with 、/和/及 or simply
  juxtaposed (制定出台《甲法》《乙法》… → one relation per law).
  Coordinated verbs share them (倡议发起并加入X → initiated X, participatesIn X).
  The predicate depends on the object's type (开展 a Program → implements, an Event →
  hosted). Verbs that only some objects fit (通过 needs a 《》 title) are flagged in
  the lexicon.
- **modality**: 将/拟/计划… before the verb → ``planned``, 正在 → ``ongoing``;
  a negation (未, 没有…) drops the relation; a causative (推动印发…) keeps the subject
  from being the issuer/host/initiator.
- **passive**: 《X》《Y》由A印发; **topical**: 《X》正在推进 (object first, subject carried).
- **relative clauses**: 国务院发布的《X》, …常务委员会第某次会议通过的《X》, 某某主席提出的X.

>>> from kg.model import Document
>>> from kg.nlp import extract
>>> res = extract(Document("t", "国务院印发《全国山地步道建设纲要》。"))
>>> [(r.subj, r.pred, r.rule) for r in res.relations]
[('gov/state-council', 'issued', 'issued:印发:subject')]
"""

from __future__ import annotations

import re

from kg.nlp.relations.grammar import Grammar
from kg.nlp.relations.lexicon import alt
from kg.nlp.relations.masking import (
    AG,
    AGENTS,
    AGL,
    END,
    ISSUERS,
    MASKED,
    QUOTES,
    SEP,
    TIME,
    VERB_LED,
    Unit,
    titled,
)
from kg.nlp.relations.sentence import Sentence
from kg.nlp.relations.subject import (
    Subject,
    carried,
    carried_from,
    doc_events,
    nation,
    subject,
)

# what an issued document is when it follows the entity (出台X方案: the 方案 was issued)
_DOC_NOUNS = frozenset(
    "方案 意见 规划 纲要 办法 细则 计划 文件 决定 要点 通知 指南 "
    "政策 措施 举措 实施 议案 草案 建议 报告".split()
)
#: the verb after 会见 opens a relative clause about the guest (会见来华出席X…的某总统)
_GUEST = re.compile(r"(?:会见|接见|会晤)了?(?:专程)?(?:前来|来京|[来赴](?:华|\ue012\ue01f*)?)?\Z")
#: what may stand between the event a relative clause's guest came to and its 的: a part
#: of the event (出席X开幕式的某总统) and the rest of his trip (出席X并访华的某总理)
_GUEST_OF = re.compile(
    f"[》”’]*(?:开幕式|闭幕式|开幕会|闭幕会|系列活动|活动)?"
    f"(?:并(?:[^{SEP}{END}{MASKED}的]|{AGL}){{1,8}}?)?的"
)
#: what may follow the object of a verb that is also causative (推动, 加快): the clause
#: end, a list, or a noun or verb of the programme's own progress (推动X建设, X取得突破);
#: not 等谈判 (加快X等谈判: X is what is negotiated, not yet carried out)
_BARE_TAIL = re.compile(
    f"(?:$|[{SEP}{END}、和及与]|等(?!谈判)|建设|发展|高质量发展|工作|常态化|取得|形成|迈上|再上|走深走实|落地)"
)
#: 做好X(的)筹办工作: the work of holding X (flag ``work``)
#: or its preparation (做好X的前期准备工作: readying the host's side)
_WORK = re.compile("的?(?P<w>筹办|筹备|举办|承办|组织|(?:前期)?准备)(?:和[^，,；;。]{1,6})?工作")
#: 实现X(的)(各项)目标: a programme's targets reached, the programme carried out (flag
#: ``goal``); 实现X alone is an aim (实现中华民族伟大复兴), not an act on a programme
_GOAL = re.compile("的?(?:各项|主要|既定|预期|全部|奋斗|发展)?(?:目标|任务)")
#: a clause that lists the activities something consists of (Y包括开展X，推动Z): the
#: verbs after it name the parts, no carried subject does them (包括三项行动：一是开展X
#: lists named things: X is done)
_INCLUDES = re.compile("包括|包含|涵盖")


#: the plan that names an action programme (方案, 计划, 实施方案 after a name ending in 行动)
_PLAN_OF_ACTION = re.compile("(?:实施)?(?:方案|计划)")


def _action_plan(ms: str, o, base: int) -> bool:
    """Whether the object ``o`` is an action programme named by its plan right after it
    (出台某某三年行动|方案, 实施某某行动|计划): the plan is the action's own document, so
    the verb that issues or carries out the plan does so to the action (a recogniser
    that reads the action without its plan leaves the plan outside the name).

    >>> from kg.model import Mention
    >>> o = Mention(2, 10, "某某提升三年行动", "Program", "p/x", "x", "pattern")
    >>> _action_plan("出台\ue015\ue01f\ue01f\ue01f\ue01f\ue01f\ue01f\ue01f方案。", o, 0)
    True
    """
    return (
        o.text.endswith("行动")
        and _PLAN_OF_ACTION.match(ms, _after_quotes(ms, o.end - base)) is not None
    )


def _object_row(rows, o, ms: str, s: int):
    """The row of ``rows`` (a verb's relations) for the object ``o`` of an agent named
    before the verb (由A印发的《X》, A印发的《X》), or None: no row takes ``o``'s type, the
    row is ``partOf``, or it wants a titled object and ``o`` has no title."""
    row = next((r for r in rows if o.type in r.types), None)
    if row is None or row.pred == "partOf" or ("titled" in row.flags and not titled(ms, o, s)):
        return None
    return row


def _after_quotes(ms: str, p: int) -> int:
    """The position after the closing quote marks at ``p``."""
    while p < len(ms) and ms[p] in "》”’":
        p += 1
    return p


#: 在出席X(特别会议)时, 在实施Y过程中, 在结束出席X后: the 在-phrase of an act ends with a time word
_WHILE = re.compile(f"[{QUOTES}]*[^{SEP}{END}{MASKED}]{{0,6}}?(?:时|期间|过程中|之际|中|后)")

#: how a subject is found that may name who speaks of an act, not who does it, when it is
#: a person: the topic of the sentence (某某强调，全面推进X是…), carried from an earlier
#: clause (某某指出…。要推进X), a list's opener (第一，携手推进X); it does when a speech or
#: meeting frame stands between him and the verb (``_SPEECH``)
_NOT_ACTOR = frozenset({"topic", "carried", "list"})
#: a speech or meeting frame: a leader's speech, instructions or meeting ask bodies and
#: places to carry a programme out (某某强调，要推进X; 某某主持会议，研究推进X的举措;
#: 某某宣布三项举措。第一，推进X); his own act is written without one (某某在某地工作
#: 期间，深入实施X); before the verb
_SPEECH = re.compile(
    "强调|指出|要求|讲话|致辞|发言|表示|提出|宣布|建议|倡议|呼吁|号召|希望|指示|批示|"
    "主持|召开|会议|座谈会|会上|研究|部署|动员|听取"
)
#: after the verb, the speech or meeting the sentence reports (推进X——某某在某会上的讲话);
#: not a verb of his (深入开展X，提出…: his next act)
_SPEECH_NOUN = re.compile("讲话|致辞|发言|会议|座谈会|会上|指示|批示")

#: what a place that opens the clause does (某省实施X, 某市举办Y, 某省参加Z)
PLACE_PREDS = frozenset({"implements", "hosted", "participatesIn"})

_ADJ = re.compile(r"[^，,。；;：:、等和及与的（(\s]{0,4}")

#: the act as the object of 把 or 以 (把实施X放在首位, 以推进X为主线, 把实施X同深化Y有机
#: 结合起来): the clause's subject does it; what closes the frame after the object
#: (``_FRAMES``: the opener → its verbs)
_FRAMES = {"把": re.compile(f"[》”’]*(?:放在|摆在|作为|列为|当作|当成"
                           f"|(?:同|与)[^{SEP}{END}]{{1,30}}?(?:有机|紧密|更好地?)?结合)"),
           "以": re.compile("[》”’]*(?:建设|工作|改革)?为(?!了|止)")}  # fmt: skip


class Verbs:
    """The verb family (see the module docstring); ``container`` handles 包括/下设."""

    def __init__(self, g: Grammar, container, posts: frozenset[str] = frozenset()) -> None:
        self.g = g
        self.container = container
        adv_alt = g.adv_alt
        # 某某某主席提出的X: a post title may follow the agent of a relative clause
        post = f"(?:{alt(posts)})?" if posts else ""
        self._passive = re.compile(
            f"(?P<obj>[\ue015-\ue017]\ue01f*(?:[{QUOTES}、和及]*[\ue015-\ue017]\ue01f*)*)[{QUOTES}]*"
            f"(?:{adv_alt})*(?:由|经)(?P<ag>{AG}(?:(?:、|和|及|与){AG})*)(?:{adv_alt}|联合|共同)*$"
        )
        self._attendee_re = re.compile(
            f"(?:[\ue010-\ue012\ue014]\ue01f*)?{post}(?P<p>\ue013\ue01f*)"
            # 出席X的某某主席特别代表乙: the one he sent attended, not the person named first
            f"(?![\\ue01f]|{post}(?:特别代表|特使|代表))"
        )
        self._place_before = re.compile(f"(?:[在于从向到]|{alt(g.motion)})(?:{AGL}[、和及与])*$")
        # 由甲、乙和丙共同主办的X: the agents coordinated before the one next to the verb
        self._coord_before = re.compile(f"(?:由)?({AG})(?:、|和|及|以及|与)$")
        # 由我省承办的X, 由我国主办的X: the speaker's own government, or its country
        self._rel_self = re.compile(
            f"由(?P<w>{alt(g.lex.kind('self') | g.lex.kind('nation'))})(?:共同|联合)?$"
        )
        self._rel_subj = re.compile(
            f"({AG}){post}(?:令?第[^{SEP}{END}{MASKED}]{{1,10}}?(?:次会议|次全体会议|号))?"
            # 某部等四部门联合制定的《X》: the named member of the group (由甲、乙等联合主办的X)
            f"(?:(?:[、和及]{AG})*等(?:[一二三四五六七八九十两几多\\d]*个?(?:部门|单位|机构|部委|方面))?)?"
            f"(?:{adv_alt}|所|{TIME}|\\s)*$"
        )

    def __call__(self, sen: Sentence) -> None:
        g, ds, ms, s, e, su, umap = sen.g, sen.ds, sen.ms, sen.s, sen.e, sen.su, sen.umap
        clauses = sen.clauses
        hits = [
            (m.start(), m.end(), m.group())
            for m in g.scan.finditer(ms)
            if m.group() in g.trig_words
        ]
        for hi, (ts, te, word) in enumerate(hits):
            if ms[te : te + 1] == "的":  # relative clause: 国务院发布的《X》
                self._relative(sen, clauses[sen.clause_of(ts)], ts, te, word)
                continue
            nxt = hits[hi + 1] if hi + 1 < len(hits) else None
            if nxt is not None and nxt[0] == te and word in g.causative_w:
                continue  # 推进实施: the second verb carries the relation
            ci = sen.clause_of(ts)
            cs, ce = clauses[ci]
            rows = g.lex.triggers[word]
            # coordinated verbs share objects: 倡议发起并加入X
            obj_from = te
            j = hi
            while j + 1 < len(hits):
                a, b, _ = hits[j + 1]
                link = ms[obj_from:a]
                if a < ce and (a == obj_from or g.vlink.fullmatch(link)):
                    obj_from = b
                    j += 1
                else:
                    break
            types = frozenset().union(*(r.types for r in rows))
            container = any("container" in r.flags for r in rows)
            objs = g.objects(ms, obj_from, ce, types, su, s)
            if container:
                self.container(sen, ci, ts, te, word, rows, objs)
                continue
            topical = []
            if not objs:
                pm = self._passive.search(ms, cs, ts)
                if pm is not None and g.vtail.fullmatch(ms, te, ce):
                    # 《X》由国务院办公厅印发: the object first, the agent after 由
                    for j in range(pm.start("ag"), pm.end("ag")):
                        agent = umap.get(j)
                        if agent is not None:
                            self._passive_rel(sen, pm, agent, rows, word)
                    continue
            if not objs and any("topical" in r.flags for r in rows):
                # only the types of the rows that take a topical object (X启动: a
                # programme carried on, not an event that simply starts)
                ttypes = frozenset().union(*(r.types for r in rows if "topical" in r.flags))
                topical = self._topical(sen, cs, ts, te, ce, ttypes)
                if not topical:
                    continue
            elif not objs:
                continue
            at = ts  # where the subject is looked for
            frame = _FRAMES.get(ms[ts - 1 : ts]) if objs and not topical else None
            if frame is not None and frame.match(ms, objs[-1].end - s, ce):
                at = ts - 1  # 坚持把|实施X|放在…, 坚持以|推进X|为主线: the act is the frame's
            elif objs and ms[ts - 1 : ts] in ("在", "于") and s + ts - 1 in ds.st.tok_starts:
                # 在出席X时, 在实施Y过程中: the act the subject does; 在推进Y座谈会上 names
                # a meeting (the 在-phrase must close with a time word)
                if not _WHILE.match(ms, objs[-1].end - s, ce):
                    continue
            elif (
                objs
                and not g.tail_ok(ms, objs[-1].end - s, ce)
                and not _action_plan(ms, objs[-1], s)
            ):
                continue
            if objs and _GUEST_OF.match(ms, objs[-1].end - s):
                # 会见前来参加X的Y总统Z: Z took part in X (also 出席X开幕式的…, 出席X并访华的…)
                for o in objs:
                    if any(r.pred == "participatesIn" and o.type in r.types for r in rows):
                        self._attendee(sen, o, word)
            sub = self._pivot(sen, cs, at) if not topical else None
            if sub is None and not topical:
                sub = subject(sen, ci, at)
            if topical:
                c = None
                for cj in range(ci - 1, -1, -1):
                    k2 = sen.cls(cj)[0]
                    if k2 not in ("verbal", "empty"):
                        break
                else:
                    c = carried(g, ds, s)
                if c is None:
                    continue
                keys, conf, how = c
                sub = (keys, conf, True, how + "-topical", (ms[topical[-1].end - s : ts],))
                objs = topical
            if sub is None:
                continue
            keys, conf, implicit, how, pre = sub
            if implicit and any(
                g.opens_with_opener(ms, m.end()) or g.scan.match(ms, m.end())
                for m in _INCLUDES.finditer(ms, 0, cs)
            ):
                continue  # …包括开展X，推动Y: the parts of something, not acts
            mod, neg, cause = g.modality(pre)
            if how == "topic" and len(pre) > 1:
                # 某部统筹推进X，出台《Y》: a causative of the topic's own clause has its
                # object there; it does not reach the later verb
                cause = g.modality(pre[1:])[2]
            if neg:
                continue
            if any("planned" in r.flags for r in rows):
                mod = "planned"  # 研究制定: being drafted
            after_last = ms[objs[-1].end - s : objs[-1].end - s + 4].lstrip("》”’") if objs else ""
            guest = _GUEST.search(ms, max(cs, ts - 10), ts) is not None
            for o, row in ((o, r) for o in objs for r in rows if o.type in r.types):
                if "titled" in row.flags and not titled(ms, o, s):
                    continue
                if cause and row.pred in ("issued", "hosted", "initiated"):
                    continue
                after_o = ms[o.end - s : o.end - s + 4].lstrip("》”’")
                if "bare" in row.flags and not _BARE_TAIL.match(ms, _after_quotes(ms, o.end - s)):
                    continue  # 推动某某成果造福各方: X is the causee of another verb
                if "goal" in row.flags and not (
                    _GOAL.match(ms, _after_quotes(ms, o.end - s))
                    or _GOAL.match(ms, _after_quotes(ms, objs[-1].end - s))
                ):  # 实现X: only X's targets reached say X is carried out (实现X和Y的目标:
                    continue  # the targets of the list's every member)
                if "work" in row.flags:
                    wm = _WORK.match(ms, _after_quotes(ms, o.end - s)) or _WORK.match(
                        ms, _after_quotes(ms, objs[-1].end - s)
                    )  # 做好X、Y(的)筹办工作: the work of the list's every member
                    if wm is None:
                        continue  # 做好X: only 做好X(的)筹办工作 says who holds X
                    mod = "planned" if wm.group("w").endswith(("筹办", "筹备", "准备")) else mod
                elif row.pred in ("issued", "initiated", "hosted") and after_o[:1] == "的":
                    continue  # 提出关于X的议案: the object is the 议案
                if row.pred == "participatesIn" and "的" in (after_o[:1], after_last[:1]):
                    continue  # 出席X(暨Y)的Y总统Z: Z took part (_attendee), not the subject
                if row.pred == "participatesIn" and guest:
                    continue  # 会见来华出席X并访华的Z: the guest came to X, not the host
                if row.pred in ("participatesIn", "hosted") and after_o.startswith("精神"):
                    continue  # 举办X精神宣介会: what is held is about X, not X
                if (
                    row.pred == "issued"
                    and any(w in _ADJ.match(after_o).group() for w in _DOC_NOUNS)
                    and not _action_plan(ms, o, s)
                ):
                    continue  # 出台X方案, 制定“互联网+”行动计划: the 方案/计划 was issued
                if how == "story-actor" and "personal" not in row.flags:
                    continue  # 他/她 stands for the story's actor for 出席/主持… only
                if "explicit" in row.flags and implicit:
                    continue  # 今年将召开X: who convenes it is not said
                if ms[o.end - s : o.end - s + 3].lstrip("》”").startswith("国家"):
                    continue  # 共建“某某”国家: a modifier
                for k in keys:
                    kt = ds.types.get(k, "")
                    if row.pred == "issued" and kt not in ISSUERS:
                        continue
                    if kt not in AGENTS and not (
                        how == "place" and row.pred in PLACE_PREDS and "personal" not in row.flags
                    ):
                        continue  # 某省出席X: persons attend, a place does not
                    if "personal" in row.flags and implicit and kt != "Person":
                        continue  # 出席X: a body carried over or the reporter did not attend
                    if (
                        row.pred == "implements"
                        and kt == "Person"
                        and how in _NOT_ACTOR
                        and self._speech(sen, how, ts)
                    ):
                        continue  # 某某强调，要推进X: a speaker asks others to carry X out
                    ds.add(
                        k, row.pred, o.key, s, e, f"{row.pred}:{word}:{how}", conf, mod, implicit
                    )

    @staticmethod
    def _speech(sen: Sentence, how: str, ts: int) -> bool:
        """Whether a speech or meeting frame stands in the clause chain from the subject to
        the verb at ``ts`` (``_SPEECH``: the sentence up to it, and for a carried subject the
        text from the act it is carried from: 某某出席会议并讲话。要推进X) or the sentence
        names a speech after it (``_SPEECH_NOUN``)."""
        norm, start = sen.ds.st.norm, sen.s
        if how != "topic" and (at := carried_from(sen.g, sen.ds, sen.s)) is not None:
            start = min(start, at)
        return (
            _SPEECH.search(norm, start, sen.s + ts) is not None
            or _SPEECH_NOUN.search(norm, sen.s + ts, sen.e) is not None
        )

    def _pivot(self, sen: Sentence, cs: int, ts: int) -> Subject | None:
        """支持甲方下届办好X, 祝贺A顺利主办X: the agents after a pivot verb (a closed class:
        ``pivot``; ``pivot-wish`` ones such as 希望/邀请 make it planned) right before the
        verb are its subject."""
        g, ms = sen.g, sen.ms
        m = g.pivot.search(ms, cs, ts)
        if m is None:
            return None
        run = sen.units_in(m.start("ag"), m.end("ag"))
        if not run:
            return None
        pre = ms[m.end("ag") : ts]
        if m.group("v") in g.pivot_wish:
            pre = "将" + pre  # planned
        # what stands before the pivot verb counts too: 未支持A举办X states nothing
        return tuple(u.key for u in run), 0.75, False, "pivot", (ms[cs : m.start()], pre)

    def _attendee(self, sen: Sentence, ev: Unit, word: str) -> None:
        """出席X的[Country][post]Person(、[Country][post]Person…): each person of the list
        after 的 took part in X."""
        ms, s = sen.ms, sen.s
        tail = _GUEST_OF.match(ms, ev.end - s)  # X(开幕式)的; else X、Y的: the list's 的
        m = self._attendee_re.match(ms, tail.end() if tail else ms.index("的", ev.end - s) + 1)
        while m is not None:
            p = sen.umap.get(m.start("p"))
            if p is None or p.type != "Person":
                return
            sen.ds.add(
                p.key, "participatesIn", ev.key, s, sen.e, f"participatesIn:{word}:attendee", 0.8
            )
            nxt = m.end()
            m = self._attendee_re.match(ms, nxt + 1) if ms[nxt : nxt + 1] == "、" else None

    def _passive_rel(self, sen: Sentence, pm, agent: Unit, rows, word: str) -> None:
        """《X》《Y》由A印发: every title before 由 gets the relation from A."""
        ds, ms, s = sen.ds, sen.ms, sen.s
        at = ds.types.get(agent.key, agent.type)
        for j in range(pm.start("obj"), pm.end("obj")):
            o = sen.umap.get(j)
            if o is None:
                continue
            row = _object_row(rows, o, ms, s)
            if row is None:
                continue
            if at not in AGENTS or (row.pred == "issued" and at not in ISSUERS):
                continue
            ds.add(agent.key, row.pred, o.key, s, sen.e, f"{row.pred}:{word}:passive", 0.8)

    def _relative(self, sen: Sentence, clause, ts: int, te: int, word: str) -> None:
        """国务院发布的《X》, …常务委员会第某次会议通过的《X》: agent right before the verb."""
        g, ds, ms, s = sen.g, sen.ds, sen.ms, sen.s
        cs, ce = clause
        m = self._rel_subj.search(ms, cs, ts)
        if m is None:
            self._relative_self(sen, clause, ts, te, word)
            return
        agents = [sen.umap.get(m.start(1))]
        # 由甲、乙等联合主办的X: the others named before 等
        agents += [sen.umap[j] for j in range(m.end(1), m.end()) if j in sen.umap]
        first = m.start()
        while (c := self._coord_before.search(ms, cs, first)) is not None:
            agents.insert(0, sen.umap.get(c.start(1)))
            first = c.start()
        if self._place_before.search(ms, cs, first):
            return  # 在巴西举行的X, 在日本、法国举行的X: a place, not who held it
        rows = g.lex.triggers[word]
        objs = g.objects(ms, te + 1, ce, g.trig_types[word], sen.su, s)
        for a in agents:
            if a is not None and ds.types.get(a.key, a.type) in AGENTS:
                self._relative_rel(sen, a, objs, rows, word)

    def _relative_self(self, sen: Sentence, clause, ts: int, te: int, word: str) -> None:
        """由我省承办的X: the reporting government of a work report (``implicit``, as for
        我们); 由我国主办的X: China in a national document."""
        g, ds, ms, s = sen.g, sen.ds, sen.ms, sen.s
        p = self._rel_self.search(ms, clause[0], ts)
        if p is None:
            return
        if g.is_nation(p.group("w")):
            keys, implicit = nation(ds), False
        else:
            if ds.events is None:
                doc_events(g, ds)  # finds the reporting government
            keys, implicit = ds.reporter, True
        if not keys:
            return
        rows = g.lex.triggers[word]
        for o in g.objects(ms, te + 1, clause[1], g.trig_types[word], sen.su, s):
            row = next((r for r in rows if o.type in r.types and r.pred != "partOf"), None)
            if row is None or ("titled" in row.flags and not titled(ms, o, s)):
                continue
            for k in keys:
                rule = f"{row.pred}:{word}:relative-self"
                ds.add(k, row.pred, o.key, s, sen.e, rule, 0.6, implicit=implicit)

    def _relative_rel(self, sen: Sentence, a: Unit, objs: list[Unit], rows, word: str) -> None:
        """One agent of a relative clause and the objects after 的."""
        ds, ms, s = sen.ds, sen.ms, sen.s
        for o in objs:
            row = _object_row(rows, o, ms, s)
            if row is None:
                continue
            if row.pred == "issued" and ds.types.get(a.key, a.type) not in ISSUERS:
                continue
            ds.add(a.key, row.pred, o.key, s, sen.e, f"{row.pred}:{word}:relative", 0.8)

    def _topical(self, sen: Sentence, cs: int, ts: int, te: int, ce: int, types) -> list[Unit]:
        """《X》正在推进: objects before the verb, the clause ending after it."""
        g, ms, umap = sen.g, sen.ms, sen.umap
        q = g.prefix.match(ms, cs, ce).end()
        lead = g.scan.match(ms, q, ts)
        if (
            lead is not None
            and (u := umap.get(lead.end())) is not None
            and u.rule.endswith(VERB_LED)
        ):
            q = lead.end()  # 共建“某某”稳步推进: the name's own verb
        objs = []
        while q < ts:
            u = umap.get(q)
            if u is None or u.type not in types:
                break
            objs.append(u)
            q += u.end - u.start
            while q < ts and ms[q] in QUOTES + "、和及":
                q += 1
        if not objs:
            return []
        if not g.pre.fullmatch(ms[q:ts]):
            return []
        tail = ms[te:ce]
        if tail not in ("", "了", "中", "完毕", "完成"):
            return []
        return objs
