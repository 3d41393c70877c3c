"""participatesIn from speaking at an event: 在<Event>上表示/致辞/发表讲话 → the speaker
(the clause's subject, or the agents named after the comma: 在X开幕式上，A发表致辞)
takes part in the event, and so does one who announces there (在X上，A宣布…) and the
speaker of 某某在X上的(重要)讲话, the speech as a noun. Verb + object forms (出席X, 主办X)
are in ``verbs``. 在A举办的X上: A hosted X. 出席X暨某某会议的某国总统甲: 甲 took part in X.

>>> from kg.model import Document
>>> from kg.nlp import extract
>>> res = extract(Document("t", "商务部部长刘振华在2030年中国—中亚商品博览会上致辞。"))
>>> sorted(r.pred for r in res.relations)
['holdsPost', 'participatesIn']
"""

from __future__ import annotations

import re

from kg.nlp.relations.grammar import ANNOUNCE, ELECTED, SOLEMN, Grammar
from kg.nlp.relations.lexicon import alt
from kg.nlp.relations.masking import AG, END, LOC, MASKED, SEP
from kg.nlp.relations.sentence import Sentence

#: a time before or after the host of an event in a relative clause (前不久, 今天（某月某日）)
_WHEN = f"[^{SEP}{END}{MASKED}]{{0,12}}?"
#: a body or an organisation (no country, no person)
_BODY = "[\ue010\ue011]\ue01f*"
#: 在X上，A提出…倡议 / 倡议… / 宣读贺信 / 在X上所作的报告: one who proposes, reads or reports there
#: took part (提出 also gives ``initiated`` where its object is a programme: ``verbs``)
PROPOSE = frozenset({"提出", "倡议", "宣读", "报告", "工作报告"})


class EventTalk:
    """在<Event>上表示 (see the module docstring)."""

    def __init__(self, g: Grammar) -> None:
        self.g = g
        self._event_talk = re.compile(
            # 在A——B上: B is a session of A; 在A和B上: both (ev2)
            # 在甲举办的X上: the event's host named before it (``_held_at``)
            # (在某地举行的X上, 在前不久召开的X上, 在今天某办举行的X上: a place, a time, a
            # body before it)
            # 在党的X上: the party's congress or plenary session
            f"在(?:党的|{AG}(?:(?:、|和|及|与){AG})*(?:共同|联合)?(?:举办|主办|承办)的"
            f"|{_WHEN}(?:{LOC}|{AG})?(?:{_WHEN})?(?:举行|召开|举办)的)?"
            f"(?P<ev>[\ue017]\ue01f*(?:——?[\ue017]\ue01f*)?)"
            f"(?:(?:和|、|及)(?P<ev2>[\ue017]\ue01f*))?"
            # 在X暨某某典礼上: the second half of a joint event, named or not
            f"(?:暨[^{SEP}{END}]{{1,30}}?)?[^{SEP}{END}{MASKED}]{{0,12}}?"
            f"(?:上|期间|中|之际)(?:(?:[，,](?P<who>{AG}(?:(?:、|和|及){AG})*)"
            # 在X上，某某总书记宣布: a post title after the speaker
            f"(?:{g.post_after.pattern}|同志)?)?(?:{g.adv_alt}|{alt(SOLEMN)})*"
            # 某某在X上的重要讲话, 在X上重要讲话: the speech as a noun, its speaker the
            # clause's subject
            # (发表的, 所作的: 某某在X上发表的重要讲话)
            f"|(?P<noun>(?:发表的|所作的|作的|的)?(?:重要|主旨)?))"
            f"(?:{alt(g.lex.kind('speech') | ANNOUNCE | PROPOSE | ELECTED)})"
        )
        # 在某使馆举办的X上(，…): the agents before 举办的 hosted the event where it happens;
        # a body or organisation that 举行/召开 it, a time before or after it, as well
        # (在今天某办举行的X上; not a country: 在某国举行的X is where it was)
        self._held_at = re.compile(
            f"在(?:(?P<ag>{AG}(?:(?:、|和|及|与){AG})*)(?:共同|联合)?(?P<v>举办|主办|承办)"
            f"|{_WHEN}(?P<ag2>{_BODY})(?:{_WHEN})?(?P<v2>举行|召开))的"
            f"(?P<ev>[\ue017]\ue01f*)[^{SEP}{END}{MASKED}]{{0,12}}?(?:上|期间|中)"
        )
        # 会见来华出席X暨某某会议的某国总统甲: the guest the relative clause describes came to
        # X (出席X的…, 出席X暨Y的… with Y named are ``verbs``' attendees)
        self._came_for = re.compile(
            f"(?:出席|参加)(?P<ev>[\ue017]\ue01f*)"
            f"暨[^{SEP}{END}{MASKED}]{{1,30}}?(?:开幕式|闭幕式|活动)?的"
            f"(?:{AG}|[^{SEP}{END}{MASKED}、的和及]){{0,12}}?(?P<p>\ue013\ue01f*)"
            f"(?![\ue010-\ue01f]|{g.post_after.pattern})"
        )
        # the speaker right before 在 in the noun form, a post title after the name
        # (评价某某主席在X上的讲话): whatever opens the clause
        self._speaker = re.compile(f"\ue013\ue01f*(?:{g.post_after.pattern})?$")

    def __call__(self, sen: Sentence) -> None:
        g, ms = sen.g, sen.ms
        if "的" in ms:
            for m in self._held_at.finditer(ms):
                ev = sen.umap[m.start("ev")]
                g2 = "ag" if m.group("ag") else "ag2"
                v = m.group("v") or m.group("v2")
                for a in sen.units_in(m.start(g2), m.end(g2)):
                    rule = f"hosted:在…{v}的:relative"
                    sen.ds.add(a.key, "hosted", ev.key, sen.s, sen.e, rule, 0.8)
            for m in self._came_for.finditer(ms):
                p, ev = sen.umap[m.start("p")], sen.umap[m.start("ev")]
                rule = "participatesIn:出席…的:relative"
                sen.ds.add(p.key, "participatesIn", ev.key, sen.s, sen.e, rule, 0.8)
        for m in self._event_talk.finditer(ms):
            if m.group("who"):
                # 在X开幕式上，国务院副总理某某发表致辞
                run = sen.units_in(m.start("who"), m.end("who"))
            else:
                ci = sen.clause_of(m.start())
                kind, run, after = sen.cls(ci)
                sp = None
                if m.group("noun") is not None:
                    # the speech as a noun: its speaker is the person right before 在
                    # (甲从学习乙总书记在X上的讲话…: 乙's), else the clause's subject
                    sp = self._speaker.search(ms, max(0, m.start() - 24), m.start())
                if sp is not None:
                    run = [sen.umap[sp.start()]]
                elif (
                    kind != "agent"
                    or after > m.start()
                    or not g.pre.fullmatch(ms[after : m.start()])
                ):
                    continue
            evs = [sen.umap[m.start("ev")]]  # 在A——B上: B is a session of A
            if m.group("ev2"):
                evs.append(sen.umap[m.start("ev2")])
            for a in run:
                for ev in evs:
                    sen.ds.add(
                        a.key,
                        "participatesIn",
                        ev.key,
                        sen.s,
                        sen.e,
                        "participatesIn:在…上表示:subject",
                        0.8,
                    )
