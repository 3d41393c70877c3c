"""cooperatesWith: 与/同/跟 + agents in a clause with a cooperation cue (合作, 签署…协议,
携手…); the other end is the agent right before 与 or the clause's subject.

>>> from kg.model import Document
>>> from kg.nlp import extract
>>> res = extract(Document("t", "中国与泰国签署合作协议。"))
>>> [(r.subj, r.pred, r.obj) for r in res.relations]
[('country/CHN', 'cooperatesWith', 'country/THA')]
"""

from __future__ import annotations

import bisect
import re
from itertools import pairwise

from kg.model import CHINA_KEY
from kg.nlp.relations.clauses import clause_start
from kg.nlp.relations.grammar import Grammar
from kg.nlp.relations.hypothetical import cooperation_mood
from kg.nlp.relations.later_cue import later_cue
from kg.nlp.relations.lexicon import verb_at
from kg.nlp.relations.masking import AG, AGENTS, AGL, END, JOINER_ALT, QUOTES, SEP, TIME
from kg.nlp.relations.sentence import Sentence
from kg.nlp.relations.stories import lead_span
from kg.nlp.relations.subject import nation, subject

#: the prepositions that name a partner (与X合作, 同X签署, 跟X携手)
_WITH = "与同跟"
#: what joins two sides (甲国与某组织, 甲和乙)
_AND = frozenset(_WITH + "和")
#: partners abroad: a reporting government's voice does not cooperate with them
_ABROAD = frozenset({"Country", "Organization"})
_TOGETHER = frozenset({"共同", "一道", "一起"})
#: the cues that name a paper, not an act (a relative clause may describe it)
_PAPERS = frozenset({"协议", "协定", "备忘录"})
#: a truce ends hostilities: no cooperation between the sides (同X的停火协议, 与X达成停战协议)
_TRUCE = re.compile("(?:停火|停战|休战)$")
#: the verbs that make a paper the two sides' own (与X达成|签署|缔结的协议)
_AGREE = re.compile("达成|签署|签订|缔结|合作|商定")


def _described(before: str) -> bool:
    """Whether the words before a paper's name (与X|…的协议) are a relative clause with a
    verb of its own, not one of agreeing."""
    k = before.rfind("的")
    return k > 0 and _AGREE.search(before, 0, k) is None


_MEETING = re.compile("出席|参加|会见|会晤|会谈|见证|观看|参观|考察|举行|主持|步入|合影")


#: the countries of a region (中亚四国, 南亚各国, 东盟国家): after a Location partner
_COUNTRIES_OF = re.compile(r"(?:[一二三四五六七八九十两几多\d]+个?|各|等)?国(?:家)?")


class Cooperation:
    """The cooperatesWith family (see the module docstring)."""

    def __init__(self, g: Grammar) -> None:
        self.g = g
        self._coop_re = re.compile(
            f"(?P<c>[{_WITH}和]|协助|携手|会同)(?P<run>{AGL}(?:(?:{JOINER_ALT}){AGL})*)"
        )
        self._left = re.compile(f"({AG})[{QUOTES}]*$")
        # 甲、乙和丙签署…合作协议: the parties that sign together
        self._signers = re.compile(
            f"(?:{g.adv_alt}|{TIME}|近日|日前|\\s)*(?:共同|联合)?(?:签署|签订)[^{SEP}{END}]*?"
            "(?:合作|协议|协定|备忘录)"
        )
        # 两国(元首)共同见证签署…合作文件, 双方签署…协议, 两国关系提升为…伙伴关系
        self._dual_acts = re.compile(
            "(?:领导人|元首|首脑|总理|总统|政府|外长)?"
            f"(?:{g.adv_alt}|{TIME}|近日|日前|当天|今天|\\s)*"
            f"(?:(?:共同)?见证了?(?:双方)?(?:宣布)?(?:签署|签订)了?[^{SEP}{END}]*?"
            "(?:合作|协议|协定|备忘录)"
            f"|(?:共同|联合)?(?:签署|签订)了?[^{SEP}{END}]*?(?:合作|协议|协定|备忘录)"
            f"|(?:关系)?(?:提升|升级)为[^{SEP}{END}]{{0,16}}?伙伴关系"
            f"|建立了?[^{SEP}{END}]{{0,16}}?伙伴关系)"
        )
        # 甲和乙共同见证(了双方)签署(的)…合作文件, 并见证了…合作文件的签署: the leaders of
        # the story's two countries witness their sides sign (who opens the clause aside)
        self._witnessed = re.compile(
            f"见证了?(?:双方|两国)?(?:宣布)?(?:签署|签订)[了的]?[^{SEP}{END}]*?"
            "(?:合作|协议|协定|备忘录)"
            f"|见证了?[^{SEP}{END}]{{0,30}}?(?:合作文件|协议|协定|备忘录)的(?:签署|签订)"
        )
        # 双方保持…交往，推进各领域互利合作; 两国…务实合作成果丰硕: the two sides' own
        # cooperation later in the sentence (not with a third named after 与/同, not the
        # topic of talks: 就…合作等问题进行讨论; not a quality or a potential: 合作的精神,
        # 合作空间, 合作潜力)
        self._dual_coop = re.compile(
            f"[^{END}{_WITH}就]{{0,40}}?合作(?!的|精神|空间|潜力|前景|机遇|论坛|组织)"
        )

    def story_pair(self, ds) -> None:
        """两国/双方 opening a clause of the news story's two countries (:func:`_story_pair`)
        that sign a cooperation paper or raise their relations to a partnership
        (两国总理见证签署了…合作备忘录; 双方签订…协议; 两国关系升级为…伙伴关系) or state
        their cooperation later in the sentence (双方…推进各领域合作; 双方要深化…合作: planned):
        cooperatesWith between them, ``implicit``. A doc-level pass from each 两国/双方: the
        act after it first, then the story's lead, then the clause's start (in its
        sentence), cheapest first. Also where the leaders witness a signing
        (甲和乙共同见证签署…合作文件), whoever opens the clause."""
        st = ds.st
        norm = st.norm
        g = self.g
        for word in _DUAL_WORDS:
            p = norm.find(word)
            while p >= 0:
                q = p + len(word)
                here, p = p, norm.find(word, q)
                mood = "asserted"
                if self._dual_acts.match(norm, q) is None:
                    dc = self._dual_coop.match(norm, q)
                    if dc is None:
                        continue
                    mood = cooperation_mood(norm, q, dc.end())
                    if mood == "hypothetical":
                        continue  # 双方合作可以…: what cooperation could do
                    kinds = _lead_modals(g, norm, q)
                    if "negation" in kinds:
                        continue
                    if "planned" in kinds:
                        mood = "planned"  # 双方要加强…合作: a will, kept apart
                span = lead_span(ds, here)
                if span is None:
                    continue  # no story (a law, a report), or in its lead itself
                si = bisect.bisect_right(ds.sent_starts, here) - 1
                cs = clause_start(norm, here, ds.sent_starts[si] if si >= 0 else 0)
                if g.prefix.match(norm, cs, here).end() != here:
                    continue  # 冲突双方, 巴以双方: a pair named there, not the story's
                pair = _story_pair(ds, span)
                if pair is None or _others_before(ds, pair, here):
                    continue
                s, e = st.sent_of(here)
                a, b = pair
                ds.add(a, "cooperatesWith", b, s, e, "cooperatesWith:dual:story", 0.55,
                       mood, implicit=True)  # fmt: skip
        p = norm.find("见证")
        while p >= 0:
            here, p = p, norm.find("见证", p + 2)
            if self._witnessed.match(norm, here) is None:
                continue
            span = lead_span(ds, here)
            pair = _story_pair(ds, span) if span is not None else None
            if pair is None or _others_before(ds, pair, here):
                continue
            si = bisect.bisect_right(ds.sent_starts, here) - 1
            cs = clause_start(norm, here, ds.sent_starts[si] if si >= 0 else 0)
            mood, negated, _ = g.modality((norm[cs:here],))  # 两国元首将共同见证…: planned
            if negated:
                continue
            s, e = st.sent_of(here)
            a, b = pair
            ds.add(a, "cooperatesWith", b, s, e, "cooperatesWith:witnessed:story", 0.55,
                   "planned" if mood == "planned" else "asserted", implicit=True)  # fmt: skip

    def __call__(self, sen: Sentence) -> None:
        g, ds, ms, s, e, umap = sen.g, sen.ds, sen.ms, sen.s, sen.e, sen.umap
        if not g.coop_cue.search(ms):
            return
        self._cosigners(sen)
        for m in self._coop_re.finditer(ms):
            ci = sen.clause_of(m.start())
            ce = sen.clauses[ci][1]
            rest = ms[m.end() : ce]
            cue_end = m.end()
            if m.group("c") == "会同":
                # A会同B研究提出…: acting jointly is the cooperation; B must end there
                # (会同国务院有关部门, 会同黄河河务部门: a modifier of someone unnamed)
                q = m.end()
                if not (q >= ce or ms[q] == "等" or g.follow.match(ms, q, ce) or verb_at(ms, q)):
                    continue
            elif m.group("c") in ("协助", "携手"):
                if not re.search("共同|一道|一起|合作", rest):
                    continue
            else:
                # 共同出席, 一道会见: doing something together is no cooperation by itself
                cm = next(
                    (
                        c
                        for c in g.coop_cue.finditer(rest)
                        if not (c.group() in _TOGETHER and _MEETING.match(rest, c.end()))
                    ),
                    None,
                )
                if (cm is None or cm.group() in _TOGETHER) and (
                    far := later_cue(sen, ci, m.start(), m.end())
                ) is not None:
                    rest, cm = far  # 中方愿同某方(共同)…，深化…合作: the cue in a later clause
                if cm is None or (
                    cm.group() in _PAPERS
                    and (_described(rest[: cm.start()]) or _TRUCE.search(rest, 0, cm.start()))
                ):
                    # 加入与X实现…的“某某协议”: the agreement is the noun a relative clause
                    # with another verb describes, no cooperation with X (与X达成的协议,
                    # 同X的停火协议 are ones)
                    continue
                if "的" in rest[cm.end() :] and not (
                    _AGREE.search(rest, 0, rest.index("的", cm.end()))
                    and self._left.search(ms, 0, m.start()) is not None
                ):
                    # 与X缔结…协定的国家: a relative clause about someone else; with its
                    # own subject and a verb of agreeing (甲与乙签署的合作协议, 甲与乙合作
                    # 共建的…) it states both parties
                    continue
                cue_end = m.end() + cm.end()
            mood = cooperation_mood(ms, 0, cue_end)
            if mood == "hypothetical":
                continue  # 如果与X合作, 与X合作可以…: not a stated cooperation
            partners = sen.units_in(m.start("run"), m.end("run"))
            if any(p.type == "Location" and _COUNTRIES_OF.match(ms, p.end - s) for p in partners):
                # 同南亚、中亚各国合作: the countries of the regions, not the regions
                partners = [p for p in partners if p.type != "Location"]
            subj_keys: tuple[str, ...] | None = None
            conf, implicit, how = 0.8, False, "subject"
            lm = self._left.search(ms, 0, m.start())
            kind, run, _ = sen.cls(ci)
            if lm is not None:
                a = umap.get(lm.start(1))
                if a is not None:
                    if m.group("c") == "和" and not (kind == "agent" and run and run[-1] is a):
                        continue
                    subj_keys = (a.key,)
            if subj_keys is None:
                if m.group("c") == "和":
                    continue
                sub = subject(sen, ci, m.start())
                if sub is None:
                    continue
                subj_keys, conf, implicit, how, pre = sub
                if g.modality(pre)[0] == "planned":
                    mood = "planned"  # 愿同某方合作, 将与某国合作
                if g.modality(pre)[1] or how == "story-actor":
                    continue  # 他/她 stands for the story's actor for personal verbs only
                if how == "reporter" and any(p.type in _ABROAD for p in partners):
                    # a national work report's 同某国巩固了合作: the country, not the
                    # government reporting, cooperates with another country
                    who = nation(ds)
                    if who is None:
                        continue
                    subj_keys, how = who, "nation"
                conf = min(conf, 0.8)
            for a in subj_keys:
                if ds.types.get(a) not in AGENTS:
                    continue
                for b in partners:
                    ds.add(
                        a,
                        "cooperatesWith",
                        b.key,
                        s,
                        e,
                        f"cooperatesWith:{m.group('c')}:{how}",
                        conf,
                        "planned" if mood == "planned" else "asserted",
                        implicit=implicit,
                    )
            if len(subj_keys) == 1 and partners and all(b.type in AGENTS for b in partners):
                ds.last_pair = subj_keys + tuple(b.key for b in partners)

    def _cosigners(self, sen: Sentence) -> None:
        """甲、乙和丙签署…合作协议 (a clause opened by two or more agents): each pair."""
        ds = sen.ds
        for ci, (_, ce) in enumerate(sen.clauses):
            kind, run, after = sen.cls(ci)
            if kind not in ("agent", "unknown") or len(run) < 2:
                continue
            if not self._signers.match(sen.ms, after, ce):
                continue
            keys = [u.key for u in run if ds.types.get(u.key, u.type) in AGENTS]
            for i, a in enumerate(keys):
                for b in keys[i + 1 :]:
                    ds.add(a, "cooperatesWith", b, sen.s, sen.e, "cooperatesWith:签署:run", 0.8)


#: the words for the story's two countries (relation_triggers' dual, 两国 first)
_DUAL_WORDS = ("两国", "双方")
_AT = frozenset({"在", "于"})


def _lead_modals(g: Grammar, text: str, q: int) -> set[str]:
    """The kinds (planned, negation…) of the modal words that open ``text`` at ``q``
    (双方要|将|未…), not those inside a later word (重要)."""
    kinds = set()
    while (m := g.modal_scan.match(text, q)) is not None and m.end() > q:
        kinds.add(g.modal_kind.get(m.group(), "adverb"))
        q = m.end()
    return kinds


def _others_before(ds, pair: tuple[str, str], here: int) -> bool:
    """Whether the paragraph of 两国/双方 at ``here`` names, before it, a country outside
    the story's ``pair`` (另据报道，甲国总统与乙国总统通电话。双方…: that pair is meant)."""
    p = ds.st.norm.rfind("\n", 0, here) + 1
    lo, hi = bisect.bisect_left(ds.ustarts, p), bisect.bisect_left(ds.ustarts, here)
    return any(u.type == "Country" and u.key not in pair for u in ds.units[lo:hi])


def _story_pair(ds, span: tuple[int, int]) -> tuple[str, str] | None:
    """The two countries a news story is about, read off its heading and first sentence
    (``span``, :func:`lead_span`; after it 两国/双方 refer to them): one foreign country
    besides China, named there or not (国家主席某某同某国总统会谈; China named in the
    document), or two foreign countries and not China; else None: a country after 在/于 is
    a venue, not a side; 分别会见 holds two meetings; 甲国与某组织 pairs a country with an
    organisation."""
    a, b = span
    lo, hi = bisect.bisect_left(ds.ustarts, a), bisect.bisect_left(ds.ustarts, b)
    lead = ds.units[lo:hi]
    norm = ds.st.norm
    if "分别" in norm[a:b]:
        return None  # 分别会见甲国、乙国首相: two meetings, two pairs
    # a country after 在/于 is where it happens, not a side (在甲国某市会见乙国总理)
    keys = list(
        dict.fromkeys(
            u.key for u in lead if u.type == "Country" and norm[u.start - 1 : u.start] not in _AT
        )
    )
    for u, v in pairwise(lead):
        if {u.type, v.type} == {"Country", "Organization"} and norm[u.end : v.start] in _AND:
            return None  # 甲国与某组织签署…: a country and an organisation are the two sides
    china = CHINA_KEY in keys
    others = [k for k in keys if k != CHINA_KEY]
    if len(others) == 1:
        # China named in the document (a graph node of its own), if not in the lead
        return (CHINA_KEY, others[0]) if CHINA_KEY in ds.types else None
    if len(others) == 2 and not china:
        return others[0], others[1]
    return None
