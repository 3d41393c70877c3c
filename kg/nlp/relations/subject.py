"""Who does it: the subject of a verb, in its clause, the sentence topic, or carried over.

- **in the clause**: the agent run that opens the verb's clause (after dates and
  discourse openers), followed only by adverbs, modals, 在…/与…合作 phrases before the
  verb. 与X合作 partners are co-subjects.
- **sentence topic**: a clause with no subject takes the nearest subject of an earlier
  clause of the sentence.
- **carried over**: else the subject of an earlier sentence of the paragraph (or of the
  list the paragraph continues: 一是…, 二是…), else the document's dominant agent. These
  are ``implicit`` with lower confidence. A pronoun subject (我们…) in between stops it.
- **dual**: 双方/两国 are the last two coordinated agents.
- **nation**: in a national document, 我国/我们国家/国家 is China (explicit in its clause,
  ``implicit`` as the topic of later clauses); a bare 国家 after another country named
  earlier in the sentence is that country's (某国表示，国家将…), no subject here.
- **story**: in a news story, 他/她 is the person who opens the story's first
  sentence, for the personal verbs only (出席, 主持), ``implicit``.
- **place**: a Location that opens the clause right before the verb (某省实施X): the
  place acts through its government, for PLACE_PREDS only.
- **reporter**: in a work report, 我们/全省/省政府 and clauses with no subject found
  otherwise are the reporting government (``reporter``), ``implicit``.

Confidence: 0.85 subject in the clause, 0.75 sentence topic, 0.6 我们 in a work report,
0.55/0.5 carried over, 0.45 the reporting government by default, 0.4 the document's agent.
"""

from __future__ import annotations

import bisect
import re

from kg.model import CHINA_KEY
from kg.nlp.relations.grammar import Grammar
from kg.nlp.relations.lexicon import glued_noun_at, verb_at
from kg.nlp.relations.masking import (
    AGENTS,
    LIST_JOINERS,
    ORDINAL_RE,
    PARA_FIRST,
    PARA_ORD,
    SEP,
)
from kg.nlp.relations.reporter import reporting_government, speaks_for_someone
from kg.nlp.relations.sentence import Sentence
from kg.nlp.relations.state import DocState
from kg.nlp.relations.stories import story_lead


def _partners(g: Grammar, text: str, base: int, umap: dict) -> tuple[str, ...]:
    """The keys of the partners of 与X合作/同X一道 in ``text`` (at ``base`` in the
    sentence): persons after their posts, else the agents named."""
    m = g.partners.search(text)
    if m is None:
        return ()
    grp = "with" if m.group("with") is not None else "jointly"
    return tuple(
        umap[base + i.start(1)].key
        for i in g.partner_item.finditer(text, m.start(grp), m.end(grp))
        if base + i.start(1) in umap
    )


#: the verbs of meeting a person (甲会见乙) and the adverb that makes him a co-subject of
#: the next clause (，并共同主持X)
_MET = re.compile("会见|会晤")
_JOINTLY = re.compile("共同")
#: a traveller's clause after the agents: he leaves a place or is invited (甲乘专机离开某地，
#: 甲应乙邀请，): the next clause's trip (赴某地出席X) is his
_TRIP_START = re.compile(
    f"[^{SEP}]{{0,16}}?(?:离开\ue014\ue01f*|离京|应[^{SEP}]{{1,24}}?邀请|应邀)"
)
#: what joins the places of a list that opens a clause (某省、某市和某区举办X): the list
#: joiners but 与, which between two places names the act's partner (甲省与乙国签署X: one
#: act of two parties), not a row of places that each act
_PLACE_JOINER = re.compile(
    "|".join(sorted(LIST_JOINERS - {"与"}, key=lambda w: (-len(w), w)))
)


def _met(text: str, base: int, umap: dict) -> tuple[str, ...]:
    """The persons met in ``text`` (at ``base`` in the sentence): those after 会见/会晤."""
    m = _MET.search(text)
    if m is None:
        return ()
    return tuple(
        umap[base + i].key
        for i in range(m.end(), len(text))
        if text[i] == "\ue013" and base + i in umap and umap[base + i].type == "Person"
    )


#: (keys, confidence, implicit, how, text between subject and verb)
Subject = tuple[tuple[str, ...], float, bool, str, tuple[str, ...]]


def doc_events(g: Grammar, ds: DocState) -> None:
    """Clause-initial agents of the whole document (for carried and document subjects)."""
    norm = ds.st.norm
    evs: list[tuple[int, tuple[str, ...], str]] = []
    agents = ds.agent_units
    n = len(agents)
    skip_until = -1
    for idx in range(n):
        u = agents[idx]
        if u.start < skip_until:
            continue
        i = bisect.bisect_right(ds.sent_starts, u.start) - 1
        if i < 0:
            continue
        ss = ds.sent_starts[i]
        base = max(ss, u.start - 24)
        win = norm[base : u.start]
        k = max(win.rfind(c) for c in SEP)
        if k >= 0:
            cs = base + k + 1
        elif base == ss:
            cs = ss
        else:
            continue
        if g.prefix.match(norm, cs, u.start).end() != u.start:
            continue
        # the run 中国和东盟…: agents joined by 、/和/及
        run = [u]
        j = idx + 1
        while (
            j < n
            and agents[j].start - run[-1].end in (1, 2)
            and norm[run[-1].end : agents[j].start] in ("、", "和", "及", "以及", "与", "同")
        ):
            run.append(agents[j])
            j += 1
        end = run[-1].end
        skip_until = end
        if g.speech_re.match(norm, end):
            continue
        fm = g.follow.match(norm, end)
        one = fm is not None and len(fm.group("w")) == 1
        # 中国|经济正在…: the agent modifies a noun, it does nothing (a person's 同志,
        # 先生 are how he is named: 某某同志在…)
        if one and u.type != "Person" and glued_noun_at(norm, end, ds.st.tok_starts):
            fm = None
        if fm is None and g.opens_with_opener(norm, end):
            pass
        elif not fm or fm.group("w") in ("、", "和", "及"):
            continue
        evs.append((u.start, tuple(x.key for x in run), ds.types.get(u.key, u.type)))
    ds.events = evs
    ds.ev_pos = [p for p, _, _ in evs]
    rep = reporting_government(ds.st)
    if rep is not None:
        ds.reporter = (rep.key,)
        ds.types.setdefault(rep.key, rep.type)
    counts: dict[str, int] = {}
    total = 0
    for _, keys, t in evs:
        if t == "Person":
            continue
        total += 1
        counts[keys[0]] = counts.get(keys[0], 0) + 1
    if counts and not speaks_for_someone(ds.st):  # a report's "we" is its speaker
        top = max(counts, key=lambda k: counts[k])
        if counts[top] >= 3 and counts[top] * 2 >= total:
            ds.doc_subject = (top,)


def _event_before(g: Grammar, ds: DocState, pos: int) -> int:
    """The index in ``ds.events`` of the act whose subject carries to ``pos``, or -1."""
    if ds.events is None:
        doc_events(g, ds)
    assert ds.ev_pos is not None and ds.events is not None
    j = bisect.bisect_left(ds.ev_pos, pos) - 1
    if j >= 0 and ds.reporter is not None and ds.events[j][2] == "Organization":
        j = -1  # a report's 甲大学、乙学院加快筹建。推进X: a result; "we" do the next act
    return j


def carried_from(g: Grammar, ds: DocState, pos: int) -> int | None:
    """Where the act stands (a document offset) whose subject :func:`carried` carries to
    the subject-less clause at ``pos``, or None: what was said between is the context
    of the carried act (某某出席会议并讲话。要推进X: his speech)."""
    j = _event_before(g, ds, pos)
    return None if j < 0 else ds.events[j][0]  # type: ignore[index]


def carried(g: Grammar, ds: DocState, pos: int) -> tuple[tuple[str, ...], float, str] | None:
    """The subject carried over to a subject-less clause at ``pos`` (sentence start)."""
    norm = ds.st.norm
    j = _event_before(g, ds, pos)
    if j >= 0:
        assert ds.events is not None
        epos, keys, _ = ds.events[j]
        keys = ds.runs_at.get(epos, keys)
        nl = norm.find("\n", epos, pos)
        if nl < 0:
            span_ok, conf, how = True, 0.55, "carried"
        else:
            # the paragraphs in between all continue a list (一是…, 二是…)
            span_ok, conf, how = True, 0.5, "list"
            count = 0
            while nl >= 0 and span_ok:
                count += 1
                q = nl
                while q < pos and norm[q] in "\n \t\u3000":
                    q += 1
                if q >= pos:
                    break
                if count > 8 or not (PARA_FIRST if count == 1 else PARA_ORD).match(norm, nl):
                    span_ok = False
                    break
                nl = norm.find("\n", q, pos)
        if span_ok:
            pm = _pronoun_subject(g, norm, epos, pos)
            if pm is None and how == "list" and ds.reporter is not None:
                # a report's list items (（五）…。中国开放的扩大…。\n（六）坚持实施X) each speak
                # as "we": a subject of the item before does not carry into the next
                return _reporter(g, ds, None)
            if pm is None:
                return keys, conf, how
            return _reporter(g, ds, pm)
    # no subject stated in this paragraph: the document's agent, unless a pronoun
    # subject (我们…) took over the paragraph; in a report delivered by someone (我代表…
    # 向大会报告) the reporting government, or nobody when it is not known
    ps = norm.rfind("\n", 0, pos) + 1
    hi = pos
    if ds.reporter is not None:
        # in a report, a pronoun takes the paragraph from "we" only in its first sentence
        # (各地…。制定X: the report's act); one that opens a later sentence is its own
        k = bisect.bisect_right(ds.sent_starts, ps)
        while k < len(ds.sent_starts) and not norm[ps : ds.sent_starts[k]].strip():
            k += 1  # the paragraph's indent: its first sentence starts after it
        if k < len(ds.sent_starts) and ds.sent_starts[k] < pos:
            hi = ds.sent_starts[k]
    pm = _pronoun_subject(g, norm, max(0, ps - 1), hi)  # from its line break: 各地… opens it
    if ds.doc_subject is not None and pm is None:
        return ds.doc_subject, 0.4, "document"
    return _reporter(g, ds, pm)


#: pronouns that also stand as attributes of a noun (国家创新体系, 国家水网): after a
#: causative verb (推进, 支持…) they open its object
_ATTRIBUTIVE = frozenset({"国家"})


def _pronoun_subject(g: Grammar, norm: str, a: int, b: int):
    """The first pronoun in ``norm[a:b]`` that opens a clause as its subject (a verb,
    adverb or preposition follows): 各地实施… but not 国家某某…中心 (a name no
    recogniser knew, whose first character is a pronoun)."""
    for pm in g.pron_clause.finditer(norm, a, b):
        e = pm.end()
        if pm.group("w") in _ATTRIBUTIVE and norm[pm.start() : pm.start("w")].endswith(
            tuple(g.causative_w)
        ):
            continue  # 推进|国家创新体系建设: the national system is the object, not 国家
        if g.follow.match(norm, e, b) or g.opens_with_opener(norm, e):
            return pm
    return None


#: the reporting governments that still speak for the country (a national work report, a
#: party congress's report), by their keys in the central bodies' reference data
NATIONAL_REPORTERS = frozenset({"gov/state-council", "gov/cpc-central-committee"})


def nation(ds: DocState) -> tuple[str, ...] | None:
    """China, for 我国/我们国家/国家 as a subject: only in a national document (no provincial
    reporting government) that names China.

    >>> from kg.nlp.components.base import KGDoc
    >>> nation(DocState.new(KGDoc("我国实施。", "我国实施。"), []))  # China not named
    """
    ent = ds.st.entities.get(CHINA_KEY)
    if ent is None or ent.type != "Country":
        return None
    rep = reporting_government(ds.st) if ds.events is None else None
    keys = ds.reporter if ds.events is not None else ((rep.key,) if rep else None)
    if keys:
        if keys[0] not in NATIONAL_REPORTERS or keys[0] not in ds.st.entities:
            return None
    ds.types.setdefault(CHINA_KEY, "Country")
    return (CHINA_KEY,)


def _another_state(sen: Sentence, after: int) -> bool:
    """Whether the nation word that ends at ``after`` is a bare 国家 (not 我国, 我们国家)
    after another country named earlier in the sentence: that country's state
    (某国表示，国家将实施X), not China."""
    head = sen.ms[:after]
    if not head.endswith("国家") or head.endswith("们国家"):
        return False
    return any(
        u.type == "Country" and u.key != CHINA_KEY and u.start - sen.s < after for u in sen.su
    )


def _verb_next(sen: Sentence, a: int, b: int) -> bool:
    """Whether a verb, a preposition or 、/和 follows ``ms[a:b]`` as a whole word:
    我国实施 but not 我国经济 (经 is a preposition only as a word of its own)."""
    m = sen.g.follow.match(sen.ms, a, b)
    return m is not None and sen.s + m.end("w") in sen.ds.st.tok_ends


#: jieba tags of a verb no list holds: verbs and set phrases (高度重视, 统筹兼顾)
_UNKNOWN_VERB_TAGS = ("v", "l")


def _unknown_verb_next(sen: Sentence, a: int, t: int) -> bool:
    """Whether a verb of jieba's dictionary (after adverbs) follows the agents ending at
    ``a`` as a word, and no agent is named between them and the verb at ``t``."""
    g, ms, p = sen.g, sen.ms, a
    while (m := g.modal_scan.match(ms, p)) is not None and m.end() > p:
        p = m.end()  # 高度重视, 认真落实: adverbs before the verb
    if p >= t or not verb_at(ms, p, _UNKNOWN_VERB_TAGS) or sen.s + p not in sen.ds.st.tok_starts:
        return False
    return not any(u.type in AGENTS for u in sen.units_in(a, t))


_DATELINE = 30


def story_actor(g: Grammar, ds: DocState, pos: int) -> tuple[str, ...] | None:
    """The Person a news story's 他/她 at sentence ``pos`` stands for: the last Person of
    the agent run that opens the story's first sentence (the story runs from a heading
    line to the next), when that sentence is before ``pos`` and no other person is
    named in between.

    >>> from kg.nlp.components.base import KGDoc
    >>> story_actor(None, DocState.new(KGDoc("他出席。", "他出席。"), []), 0)  # no heading
    """
    lead = story_lead(ds, pos)
    st = ds.st
    if lead is None or st.sents[lead[1]][0] >= pos:
        return None
    s0, e0 = st.sents[lead[1]]
    norm = st.norm
    # its opening clause: posts and bodies may stand before the name (国家主席某某),
    # no verb and no 的 (…的某某 is not the actor)
    ce = min((x for x in (norm.find(c, s0, e0) for c in "，,；;：:") if x >= 0), default=e0)
    if norm[ce : ce + 1] in ("：", ":") and ce - s0 <= _DATELINE:
        # a dateline (本台消息：, 新华社北京3月2日电：) opens the story
        s0 = ce + 1
        ce = min((x for x in (norm.find(c, s0, e0) for c in "，,；;：:") if x >= 0), default=e0)
    lo = bisect.bisect_left(ds.ustarts, s0)
    run: list[str] = []
    run_end = s0
    for u in ds.units[lo:]:
        if u.start >= ce:
            break
        if u.type != "Person":
            if run:
                break
            continue
        gap = norm[run_end : u.start] if run else norm[s0 : u.start]
        if run and gap not in ("、", "和", "及"):
            break
        if not run and (len(gap) > 30 or "的" in gap or g.cues.search(gap)):
            return None
        run.append(u.key)
        run_end = u.end
    if not run or not g.follow.match(norm, run_end, ce):
        return None
    # another person named in between could be the one meant
    hi = bisect.bisect_left(ds.ustarts, pos)
    if any(u.type == "Person" and u.key != run[-1] for u in ds.units[lo:hi] if u.start >= run_end):
        return None
    return (run[-1],)


def _reporter(g: Grammar, ds: DocState, pm) -> tuple[tuple[str, ...], float, str] | None:
    """The reporting government, unless the pronoun ``pm`` that took over the paragraph
    is someone else (各地, 他们)."""
    if ds.reporter is None or (
        pm is not None and not g.is_self(pm.group("w")) and not g.is_nation(pm.group("w"))
    ):  # 我国是…: the country speaking of itself does not take the paragraph from "we"
        return None
    return ds.reporter, 0.45, "reporter"


#: 提出 with no object, its clause ending there, is speech (某某提出，“要…”): what follows
#: are his words, not his own acts
_PROPOSED = re.compile("(?:首次|明确|鲜明|深刻|郑重)?提出")


#: the bodies that announce their own plans (a person speaks for others as often: 某某表示，
#: 将推动… may be his country's act or his hope)
_ANNOUNCERS = frozenset({"GovernmentBody", "Ministry", "Organization"})
#: 将 after the time words of a plan the date prefix leaves (下一步将, 今后将)
_PLAN = re.compile("(?:下一步|下阶段|今后|未来|近期|年内)?将")


def _announces_own_plan(run, pre: str) -> bool:
    """Whether the speaker ``run`` (one body) is the agent of the next clause, which has
    no subject of its own and opens with 将 (after a date): 某部表示，今年将实施X."""
    return len(run) == 1 and run[0].type in _ANNOUNCERS and _PLAN.match(pre) is not None


def subject(sen: Sentence, ci: int, t: int) -> Subject | None:
    """Subject keys for a verb at ``t`` in clause ``ci`` of ``sen``."""
    g, ds, ms, umap, clauses = sen.g, sen.ds, sen.ms, sen.umap, sen.clauses
    cs, ce = clauses[ci]
    kind, run, after = sen.cls(ci)
    if kind == "agent":
        if after > t:
            return None
        pre = ms[after:t]
        if not g.pre.fullmatch(pre):
            return None
        keys = tuple(u.key for u in run)
        # partners of 与X合作/同X一道 are co-subjects
        partners = _partners(g, pre, after, umap)
        if partners:
            keys = keys + partners
            ds.runs_at[run[0].start] = keys
            ds.last_pair = keys
        return keys, 0.85, False, "subject", (pre,)
    if kind == "self":
        if ds.events is None:
            doc_events(g, ds)
        pre = ms[after:t]
        if ds.reporter is None or not g.pre.fullmatch(pre):
            return None
        return ds.reporter, 0.6, True, "reporter", (pre,)
    if kind == "nation":
        pre = ms[after:t]
        who = None if _another_state(sen, after) else nation(ds)
        if who is None or not g.pre.fullmatch(pre) or not _verb_next(sen, after, ce):
            return None
        return who, 0.8, False, "nation", (pre,)
    if kind == "story":
        pre = ms[after:t]
        who = story_actor(g, ds, sen.s)
        if who is None or not g.pre.fullmatch(pre):
            return None
        return who, 0.55, True, "story-actor", (pre,)
    if kind == "dual":
        pre = ms[after:t]
        if ds.last_pair is None or not g.pre.fullmatch(pre):
            return None
        return ds.last_pair, 0.55, True, "dual", (pre,)
    if kind == "entity" and run[0].type == "Location":
        # 某省实施X, 某市正在推进Y: a place that opens the clause right before the verb
        # acts through its government (``verbs`` keeps it for PLACE_PREDS only); places
        # nested in a row (某省某市举办Y): the last, the smallest, acts
        # a list of places (某省、某省分别举行X): each item acts, the smallest of its row
        places = []
        place = run[0]
        while True:
            while (nxt := umap.get(after)) is not None and nxt.type == "Location":
                place, after = nxt, after + nxt.end - nxt.start
            places.append(place.key)
            j = _PLACE_JOINER.match(ms, after, t)
            if j is None or (nxt := umap.get(j.end())) is None or nxt.type != "Location":
                break
            place, after = nxt, j.end() + nxt.end - nxt.start
        pre = ms[after:t]
        if after <= t and g.pre.fullmatch(pre) and _verb_next(sen, after, ce):
            return tuple(places), 0.75, False, "place", (pre,)
        return None
    if kind not in ("verbal", "empty"):
        return None
    p = g.prefix.match(ms, cs, ce).end()
    pre = ms[p:t]
    if not g.pre.fullmatch(pre):
        return None
    # walk back to the sentence topic; a list after a colon (Y包括三项行动：一是开展X)
    # takes the subject of the text before it, not the head of the colon
    for cj in range(ci - 1, -1, -1):
        if ms[clauses[cj][1] : clauses[cj][1] + 1] in ("：", ":") and ORDINAL_RE.match(
            ms, clauses[cj][1] + 1
        ):
            break
        a2, b2 = clauses[cj]
        if b2 > a2 and g.prefix.fullmatch(ms, a2, b2):
            continue  # 甲乘专机离开某地，应乙邀请，赴某地出席X: an invitation stands between
        k2, run2, after2 = sen.cls(cj)
        if k2 in ("verbal", "empty"):
            continue
        if (
            k2 == "entity"
            and run2[0].type == "Location"
            and _verb_next(sen, after2, clauses[cj][1])
        ):
            # 某省把X作为Y，大力实施Z: the place that opens the sentence acts (PLACE_PREDS)
            return (run2[0].key,), 0.7, False, "place", (pre,)
        if k2 == "agent":
            pre2 = ms[after2 : clauses[cj][1]]
            if _PROPOSED.fullmatch(pre2):
                # 某某提出，(“)要…实施X: his words, an order to others, as after 表示
                if cj == ci - 1 and _announces_own_plan(run2, pre):
                    return (run2[0].key,), 0.7, False, "speaker-plan", (pre,)
                return None
            keys = tuple(u.key for u in run2)
            # 中方愿同甲国一道，共建X: both build it
            keys += _partners(g, pre2, after2, umap)
            if _JOINTLY.search(pre):
                keys += _met(pre2, after2, umap)  # 甲会见乙，并共同主持X: both chair it
            return keys, 0.75, False, "topic", (pre2, pre)
        if k2 == "unknown" and run2 and _TRIP_START.fullmatch(ms, after2, clauses[cj][1]):
            # 甲乘专机离开某地，(应乙邀请，)赴某地出席X: the traveller
            if g.motion_start.match(ms, p):
                return tuple(u.key for u in run2), 0.75, False, "topic", (pre,)
        if k2 == "unknown" and run2 and _unknown_verb_next(sen, after2, t):
            # 某部高度重视X，出台《Y》: a verb no list knows follows the agents; they
            # carry over the commas when no other agent is named before the verb
            pre2 = ms[after2 : clauses[cj][1]]
            return tuple(u.key for u in run2), 0.7, False, "topic", (pre2, pre)
        if k2 == "speaker" and cj == ci - 1 and _announces_own_plan(run2, pre):
            # 某部表示，(今年)将全面实施X: a body announcing what it will do is its agent
            return (run2[0].key,), 0.7, False, "speaker-plan", (pre,)
        if k2 == "dual" and ds.last_pair is not None:
            return ds.last_pair, 0.55, True, "dual", (pre,)
        if k2 == "nation":  # 我国…，实施X: China, though not named in this clause
            who = None if _another_state(sen, after2) else nation(ds)
            if who is None or not _verb_next(sen, after2, clauses[cj][1]):
                return None  # 我国经济…: the topic is the economy, not the country
            return who, 0.6, True, "nation", (pre,)
        if k2 in ("self", "entity") or (k2 == "unknown" and not run2):
            # a work report's clause chains: 我们…，实施X; 基础设施…完成投资，举办Y (not
            # after a clause opened by someone else: 某某主席等出访多国，出席X)
            if ds.events is None:
                doc_events(g, ds)
            if ds.reporter is not None:
                conf = 0.6 if k2 == "self" else 0.45
                return ds.reporter, conf, True, "reporter", (pre,)
        return None
    c = carried(g, ds, sen.s)
    if c is None:
        return None
    keys, conf, how = c
    return keys, conf, True, how, (pre,)
