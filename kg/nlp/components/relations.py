"""``kg_relations``: the relations a sentence states, each with its evidence.

Cue words come from ``ontology/lexicon/relation_triggers.tsv`` (triggers per predicate
with their object types, adverbs, modals, reporting verbs…). One regex pass over the
document finds trigger words; only sentences that hold one *and* an entity of a fitting
type are analysed further. There the sentence is *masked*: every entity mention becomes
one type code followed by filler characters (same length, so offsets stay valid), and
small regexes read the structure:

- **subject**: the agent that opens the trigger's clause (after dates and discourse
  openers: 2015年5月，中国与联合国教科文组织合作在青岛举办… → 中国 and 联合国教科文组织),
  followed only by adverbs, modals, 在…/与…合作 phrases before the verb. 中国企业…,
  中国的… are modifiers, not subjects. A clause with no subject takes the nearest
  subject of an earlier clause of the sentence (the sentence topic), else the subject
  carried over from earlier sentences of the paragraph (or of the list the paragraph
  continues: 一是…, 二是…), else the document's dominant agent; these are
  ``implicit`` with lower confidence. A clause that opens with something we cannot
  name (各地区…开展…, 我们…) gets no relation.
- **objects**: the entities right after the verb, coordinated with 、/和/及 or simply
  juxtaposed (制定出台《电子商务法》《网络安全法》… → one relation per law).
  Coordinated verbs share them (倡议发起并加入X → initiated X, participatesIn X).
  The predicate depends on the object's type (开展 a Program → implements, an Event →
  hosted). Verbs that only some objects fit (通过 needs a 《》 title) are flagged in
  the lexicon.
- **modality**: 将/拟/计划… before the verb → ``planned``, 正在 → ``ongoing``;
  a negation (未, 没有…) drops the relation; a causative (推动印发…) keeps the subject
  from being the issuer/host/initiator.
- **partOf**: Y包括/整合/下设 X (also Y由X组成, X是Y的组成部分); Y包括五大工程：一是实施
  X…二是实施Z… makes each listed item part of Y.
- **cooperatesWith**: 与/同/跟 + agents in a clause with a cooperation cue (合作, 签署…
  协议, 携手…); the other end is the word before 与 or the clause's subject.
- **participatesIn**: also 在<Event>上表示/致辞…
- **relative clauses**: 国务院发布的《X》, …常务委员会第六次会议通过的《X》 (laws cite
  the instruments they replace this way).
- **holdsPost**: from ``doc._.kg.posts``, and ORG + post title + PERSON read here
  (外交部部长王毅, 国务院总理李强), which also makes the person the clause's subject.

Speed: entity-bearing sentences are found with numpy on mention offsets; only those are
scanned for cue words (one compiled alternation), and only a cue near a fitting entity
leads to masking and the regexes. Subjects carried across sentences are computed once per
document, lazily.

Every relation carries its sentence, sentence offsets, rule (``<pred>:<cue>:<how>``) and a
confidence: 0.85 subject in the clause, 0.75 sentence topic, 0.55/0.5 carried over,
0.4 the document's agent.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from spacy.language import Language
from spacy.tokens import Doc

from kg.model import Mention, Relation
from kg.nlp.components.base import KGDoc, kgdoc
from kg.nlp.gazetteer import ONTOLOGY_DIR, _read_lines
from kg.nlp.text import norm_name, word_alternation

AGENTS = frozenset({"GovernmentBody", "Ministry", "Organization", "Country", "Person"})
ISSUERS = frozenset({"GovernmentBody", "Ministry", "Organization", "Country"})

# mask codes: one private-use character per type, then filler
_CODE = {
    "GovernmentBody": "\ue010",
    "Ministry": "\ue010",
    "Organization": "\ue011",
    "Country": "\ue012",
    "Person": "\ue013",
    "Location": "\ue014",
    "Law": "\ue015",
    "Program": "\ue016",
    "Event": "\ue017",
}
_FILL = "\ue01f"
_AG = "[\ue010-\ue013]\ue01f*"
_AGL = "[\ue010-\ue014]\ue01f*"
_ENT = "[\ue010-\ue017]\ue01f*"
_MASKED = "\ue010-\ue01f"
_SEP = "，,；;：:"
_END = "。！？!?\n"
_QUOTES = "《》“”‘’「」『』\"'〈〉"
_NOQ = re.compile(f"[{_QUOTES}\\s]")
_COUNT_NOUN = re.compile(r"^[一二三四五六七八九十两几多数\d]+(?:大|项|个|类|种|批|条|场|次)")
_LIST_SEP = re.compile(
    r"^(?:（[^（）]*）)?(?:[、和及与或]|以及|暨|或者)?$|^(?:（[^（）]*）)?等[^，,；;：:。]{0,8}?(?:和|及|以及|、|与)$"
)
_TIME = (
    r"(?:(?:[\d一二三四五六七八九十〇零两]+|上|下|本|今|去|明)(?:年度|年|月份|月|日|号|周)"
    r"(?:以来|起|底|末|初|前|后|中|上半年|下半年)?)"
)
_ORDINAL = (
    r"(?:[一二三四五六七八九十]+是|第[一二三四五六七八九十]+[，,、]?|[（(][一二三四五六七八九十\d]+[）)]"
    r"|\d+[.．、]|[一二三四五六七八九十]+、|其[一二三四五六七八九十])"
)
_ORDINAL_RE = re.compile(r"\s*" + _ORDINAL)
# paragraphs that continue a list whose subject was stated before it (一是…, 二是…)
_PARA_ORD = re.compile(
    r"\n[\s\u3000]*(?:[一二三四五六七八九十]+是|第[一二三四五六七八九十]+[，,]|其次|再次|最后)"
)
_PARA_FIRST = re.compile(r"\n[\s\u3000]*(?:一是|第一[，,]|首先)")
# what an issued document is when it follows the entity (出台X方案: the 方案 was issued)
_DOC_NOUNS = frozenset(
    "方案 意见 规划 纲要 办法 细则 计划 文件 决定 要点 通知 指南 "
    "政策 措施 举措 实施 议案 草案 建议 报告".split()
)
_QUANTIFIED = re.compile(
    r"一批|一系列|若干|多项|一些|各类|各项|多个|一大批|两批|新一批|[一二三四五六七八九十两几\d]+[个项批类大]"
)
_ADJ = re.compile(r"[^，,。；;：:、等和及与的（(\s]{0,4}")
_POST_ORGS = frozenset({"GovernmentBody", "Ministry", "Organization"})
_AGL_TYPES = frozenset(
    {"GovernmentBody", "Ministry", "Organization", "Country", "Person", "Location"}
)
_COOP_PREV = frozenset("与同跟和助手")
_CLAUSE_SEP = re.compile(f"[{_SEP}{_END}]")
_GATE = frozenset(
    {"Law", "Program", "Event", "Organization", "GovernmentBody", "Ministry", "Country", "Person"}
)
_GROUP = {
    "Program": "doc",
    "Law": "doc",
    "Event": "event",
    "GovernmentBody": "body",
    "Ministry": "body",
    "Organization": "body",
}


def _alt(words) -> str:
    # the words longest first, as a trie (same matches, one branch per character); no
    # word but the empty one matches nothing, as "|".join gave ""
    words = set(words)
    return word_alternation(words) if words - {""} else "(?!)"


@dataclass(frozen=True)
class TriggerRow:
    pred: str
    types: frozenset[str]
    flags: frozenset[str]


@dataclass
class Lexicon:
    """The cue words of ``relation_triggers.tsv``."""

    triggers: dict[str, list[TriggerRow]] = field(default_factory=dict)
    words: dict[str, set[str]] = field(default_factory=dict)  # kind -> words

    @classmethod
    def load(cls, path: Path) -> Lexicon:
        lex = cls()
        for line in _read_lines(path):
            cols = line.split("\t")
            kind, word = cols[0].strip(), cols[1].strip() if len(cols) > 1 else ""
            if not word:
                continue
            if kind == "trigger":
                pred = cols[2].strip()
                types = (
                    frozenset(t.strip() for t in cols[3].split(","))
                    if len(cols) > 3
                    else frozenset()
                )
                if "GovernmentBody" in types:
                    types = types | {"Ministry"}
                flags = (
                    frozenset(f.strip() for f in cols[4].split(","))
                    if len(cols) > 4
                    else frozenset()
                )
                lex.triggers.setdefault(word, []).append(TriggerRow(pred, types, flags))
            else:
                lex.words.setdefault(kind, set()).add(word)
        return lex

    def kind(self, k: str) -> set[str]:
        return self.words.get(k, set())


#: A maskable mention: an outermost mention, or ORG + post + PERSON as the person.
Unit = Mention


def _titled(ms: str, u: Unit, base: int) -> bool:
    """Whether ``u`` is written in 《》 (quote marks are not masked)."""
    i = u.start - base
    return i > 0 and ms[i - 1] == "《"


@dataclass
class _DocState:
    st: KGDoc
    units: list[Unit]
    ustarts: list[int]
    agent_units: list[Unit]
    sent_starts: list[int]
    events: list[tuple[int, tuple[str, ...], str]] | None = None  # (pos, keys, kind)
    ev_pos: list[int] | None = None
    doc_subject: tuple[str, ...] | None = None
    runs_at: dict[int, tuple[str, ...]] = field(default_factory=dict)
    last_pair: tuple[str, ...] | None = None
    rels: dict[tuple[str, str, str, int], Relation] = field(default_factory=dict)
    types: dict[str, str] = field(default_factory=dict)


class Relations:
    """Trigger- and structure-based relation extraction over ``doc._.kg.mentions``."""

    def __init__(
        self,
        lexicon: Lexicon,
        openers: frozenset[str] = frozenset(),
        posts: frozenset[str] = frozenset(),
    ) -> None:
        self.lex = lexicon
        self._openers = openers
        self._posts = posts
        L = lexicon
        trig = set(L.triggers)
        self._trig_words = trig
        # trigger scan: blockers (建立健全, 实施细则…) are matched too and then ignored
        self._scan = re.compile(_alt(trig | L.kind("blocker")))
        self._coop_cue = re.compile(_alt(L.kind("coop")))
        self._speech = L.kind("speech")
        preps = L.kind("preposition")
        adv = (
            L.kind("adverb")
            | L.kind("planned")
            | L.kind("ongoing")
            | L.kind("causative")
            | L.kind("negation")
        )
        self._modal_kind: dict[str, str] = {}
        for k in ("adverb", "causative", "planned", "ongoing", "negation"):
            for w in L.kind(k):
                self._modal_kind[w] = k
        self._modal_scan = re.compile(_alt(adv))
        adv_alt = _alt(adv)
        self._vtail = re.compile(f"(?:(?:并|和|、)?(?:{_alt(trig)}))*了?")
        self._vlink = re.compile(f"(?:并|和|、|及|与|并且|或|以及)(?:{adv_alt})*")
        self._adv_lead = re.compile(f"(?:{adv_alt}|地|\\s)*")
        self._adv_trail = re.compile(f"(?:{adv_alt}|地|\\s)*$")

        verbs = trig | L.kind("opener")
        # material allowed between a subject (or clause start) and its verb
        tok = (
            f"\\s|地|{_TIME}|{adv_alt}"
            f"|(?:{_alt(preps)})[^{_SEP}{_END}]{{1,20}}?"
            f"|作为[^{_SEP}{_END}]{{1,16}}?"
            f"|(?:与|同|跟|和)(?:{_AGL})(?:(?:、|和|及|以及|与){_AGL})*(?:等[^{_SEP}{_END}{_MASKED}]{{0,8}}?)?(?:的)?(?:合作|一道|一起|共同|联合)?"
            f"|(?:{_alt(verbs)})(?:和|并|、|及|与)|{_alt(trig)}"
        )
        self._pre = re.compile(f"(?:{tok})*")
        self._prefix = re.compile(
            f"(?:[\\s《“「『〈\"']|第[一二三四五六七八九十百零〇\\d]+[条款项章节](?:之[一二三四五六七八九十]+)?"
            f"|{_ORDINAL}|{_TIME}|{_alt(L.kind('prefix'))}|[（(][^（）()]{{0,12}}[）)]"
            f"|自[^{_SEP}{_END}]{{1,14}}?(?:以来|起)"
            f"|据[^{_SEP}{_END}]{{1,16}}?(?:统计|测算|介绍|报道|显示|了解))*"
        )
        follow = _alt(verbs | preps | L.kind("follow") | L.kind("speech"))
        self._follow = re.compile(f"(?:{adv_alt}|地|{_TIME})*(?P<w>{follow}|、|和|及|与|同)")
        self._speech_re = re.compile(f"(?:{adv_alt})*(?:{_alt(L.kind('speech'))})")
        self._opener = re.compile(f"(?:{_alt(verbs | adv | preps | L.kind('follow'))})")
        self._pronoun = re.compile(_alt(L.kind("pronoun") | L.kind("dual")))
        self._dual = L.kind("dual")
        # the agents opening a clause; 工业和信息化部等十部门 counts its named member
        self._agrun = re.compile(
            f"(?:由)?{_AG}(?:(?:、|和|及|以及){_AG})*"
            "(?:等(?:[一二三四五六七八九十两几多\\d]+个?)?(?:部门|单位|机构|部委|国家|方面))?"
        )
        self._coop_re = re.compile(
            f"(?P<c>与|同|跟|和|协助|携手)(?P<run>{_AGL}(?:(?:、|和|及|以及|与){_AGL})*)"
        )
        self._event_talk = re.compile(
            f"在(?P<ev>[\ue017]\ue01f*(?:——?[\ue017]\ue01f*)?)[^{_SEP}{_END}{_MASKED}]{{0,12}}?"
            f"(?:上|期间|中|之际)(?:[，,](?P<who>{_AG}(?:(?:、|和|及){_AG})*))?"
            f"(?:{adv_alt})*(?:{_alt(L.kind('speech'))})"
        )
        self._composed = re.compile(
            f"由(?P<run>{_ENT}(?:(?:[、和及]|以及){_ENT})*)(?:等[^{_SEP}{_END}]{{0,8}}?)?(?:共同)?组成"
        )
        self._component = re.compile(
            f"(?P<x>{_ENT})(?:{adv_alt})*(?:是|为|作为|成为|属于|隶属于|隶属)(?P<y>{_ENT})(?:的)?(?:重要|主要)?"
            "(?:组成部分|一部分|组成单位|下属机构|成员单位|内设机构|直属机构)?"
        )
        talk = {a + b for a in ("上", "期间", "之际") for b in L.kind("speech")}
        self._cues = re.compile(
            _alt(trig | L.kind("coop") | talk | {"组成", "部分", "隶属", "下属", "直属", "内设"})
        )
        self._coop_w = L.kind("coop")
        self._causative_w = L.kind("causative")
        self._trig_types = {
            w: frozenset().union(*(r.types for r in rows)) for w, rows in L.triggers.items()
        }
        self._topical_w = {
            w: any("topical" in r.flags for r in rows) for w, rows in L.triggers.items()
        }
        self._container_w = {
            w for w, rows in L.triggers.items() if any("container" in r.flags for r in rows)
        }

        self._tail = re.compile(f"(?:等|的|和|及|与|或|、|并|以及|{_alt(L.kind('tail'))})")
        self._filler_verb = re.compile(
            f"{_alt(L.kind('causative') | {'关于', '有关', '涉及', '针对'})}"
        )
        self._passive = re.compile(
            f"(?P<obj>[\ue015-\ue017]\ue01f*(?:[{_QUOTES}、和及]*[\ue015-\ue017]\ue01f*)*)[{_QUOTES}]*"
            f"(?:{adv_alt})*(?:由|经)(?P<ag>{_AG}(?:(?:、|和|及){_AG})*)(?:{adv_alt}|联合|共同)*$"
        )
        self._rel_subj = re.compile(
            f"({_AG})(?:令?第[^{_SEP}{_END}{_MASKED}]{{1,10}}?(?:次会议|次全体会议|号))?(?:{adv_alt}|所|{_TIME}|\\s)*$"
        )
        # what may stand between a verb and its object's name (实施新一轮X, 落实好新修订的X)
        self._modifier = re.compile(
            f"(?:{_alt(L.kind('modifier'))}|第[一二三四五六七八九十百\\d]+[届次期]|[^{_SEP}{_END}]*的|[了起好])*"
        )
        self._pron_clause = re.compile(
            f"(?:^|[{_SEP}{_END}])\\s*(?:{_TIME}|{adv_alt})*(?:{_alt(L.kind('pronoun'))})"
        )

    # ----------------------------------------------------------------- per document

    def _units(
        self, st: KGDoc
    ) -> tuple[list[Unit], list[tuple[Mention | Unit, str, Unit, tuple[int, int]]]]:
        """Outermost mentions as units; ORG + post + PERSON (工业和信息化部总经济师许科敏,
        外交部部长王毅) becomes one Person unit, and a post record for holdsPost."""
        out: list[Unit] = []
        last_end = -1
        for m in st.mentions:  # sorted by (start, end)
            if m.start < last_end:
                if out and m.start == out[-1].start and m.end > last_end:
                    out.pop()  # the same start, longer: the outer one
                else:
                    continue  # nested in (or crossing) the previous outermost one
            out.append(m)
            last_end = m.end
        posts = []
        if self._posts and any(u.type == "Person" for u in out):
            merged: list[Unit] = []
            for u in out:
                if u.type == "Person" and merged:
                    a = merged[-1]
                    gap = st.norm[a.end : u.start]
                    if (
                        a.type in _POST_ORGS
                        and 0 < len(gap) <= 12
                        and gap.strip(" \u3000") in self._posts
                    ):
                        merged[-1] = Mention(
                            a.start,
                            u.end,
                            st.text[a.start : u.end],
                            "Person",
                            u.key,
                            u.label,
                            "post",
                        )
                        posts.append((u, gap.strip(" \u3000"), a, st.sent_of(u.start)))
                        continue
                merged.append(u)
            out = merged
        return out, posts

    def __call__(self, doc: Doc) -> Doc:
        st = kgdoc(doc)
        units, posts = self._units(st)
        ds = _DocState(
            st,
            units,
            [u.start for u in units],
            [u for u in units if u.type in AGENTS],
            [s for s, _ in st.sents],
        )
        ds.types = {u.key: u.type for u in units}
        if units:
            self._run(ds)
            self._title_issuers(ds)
            self._header_issuers(ds)
        rels = list(ds.rels.values())
        seen = set()
        for person, post, org, (s, e) in [
            (p.person, p.post, p.org, p.sent) for p in st.posts if p.org is not None
        ] + posts:
            k = (person.key, org.key, s)
            if k in seen or ds.types.get(org.key, org.type) not in _POST_ORGS:
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
        st.relations = rels
        return doc

    def _run(self, ds: _DocState) -> None:
        st = ds.st
        norm = st.norm
        sents = st.sents
        # only sentences with an entity that can take part (numpy bookkeeping), then only
        # those with a cue word near a fitting entity get the full analysis
        gate = [u.start for u in ds.units if u.type in _GATE]
        if not gate:
            return
        starts = np.asarray(ds.sent_starts, dtype=np.int64)
        sent_ids = np.unique(
            np.searchsorted(starts, np.asarray(gate, dtype=np.int64), side="right") - 1
        )
        cues = self._cues
        for i in sent_ids.tolist():
            if i < 0:
                continue
            s, e = sents[i]
            hits = [(m.start(), m.end(), m.group()) for m in cues.finditer(norm, s, e)]
            if not hits:
                continue
            lo = bisect.bisect_left(ds.ustarts, s)
            hi = bisect.bisect_left(ds.ustarts, e)
            su = [u for u in ds.units[lo:hi] if u.end <= e]
            if su and self._worth(norm, hits, su):
                self._sentence(ds, i, s, e, su)

    def _title_issuers(self, ds: _DocState) -> None:
        """《国务院反垄断委员会关于平台经济领域的反垄断指南》: a title that opens with a body
        and 关于 names its issuer (中共中央 国务院关于… names both)."""
        st = ds.st
        norm = st.norm
        ms = st.mentions
        starts = [m.start for m in ms]
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
                self._add(ds, a.key, "issued", t.key, s, e, "issued:关于:title", 0.9)

    def _worth(self, norm: str, hits: list[tuple[int, int, str]], su: list[Unit]) -> bool:
        """A cheap look before the full analysis: a trigger with a fitting entity close
        after it (or before it: 《X》正在推进, 《X》由国务院印发), 与/同 + an agent with a
        cooperation cue,
        an Event before 上表示, two entities around 组成."""
        for ts, te, w in hits:
            rows = self.lex.triggers.get(w)
            if rows is not None:
                types = self._trig_types[w]
                for u in su:
                    if u.type in types and (
                        te <= u.start <= te + 16
                        or (ts - 10 <= u.end <= ts and self._topical_w[w])
                        or (
                            ts - 24 <= u.end <= ts
                            and ("由" in norm[u.end : ts] or "经" in norm[u.end : ts])
                        )
                    ):
                        return True
                    if u.type in AGENTS and u.start <= ts and w in self._container_w:
                        return True
                continue
            if w in self._coop_w:
                if any(
                    u.type in _AGL_TYPES and norm[u.start - 1 : u.start] in _COOP_PREV for u in su
                ):
                    return True
                continue
            if len(su) >= 2 or any(u.type == "Event" for u in su):
                return True
        return False

    # ----------------------------------------------------------------- helpers

    def _mask(self, norm: str, s: int, e: int, su: list[Unit]) -> str:
        parts = []
        last = s
        for u in su:
            parts.append(norm[last : u.start])
            parts.append(_CODE.get(u.type, "\ue011") + _FILL * (u.end - u.start - 1))
            last = u.end
        parts.append(norm[last:e])
        return "".join(parts)

    _HEADER_VERB = re.compile(r"(?:通过|公布|发布|颁布|批准|印发)")
    _BODY_START = re.compile(
        r"(?:第[一二三四五六七八九十百零〇\d]+[章条节编]|目\s*录|总\s*则|序\s*言)"
    )

    def _header_issuers(self, ds: _DocState) -> None:
        """A law text's promulgation lines: the document opens with the law's title, then
        lines such as 2012年5月16日 国务院第203次常务会议通过 / 中华人民共和国国务院令第620号
        公布 name who passed or published it (issued, rule ``issued:header``)."""
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
            if self._BODY_START.match(line):
                break
            if line and self._HEADER_VERB.search(line):
                bodies = [
                    m
                    for m in ms
                    if pos <= m.start < end and m.type in ("GovernmentBody", "Ministry")
                ]
                if not bodies:
                    bodies = self._session_bodies(ms, pos, end)
                for b in bodies[:1]:
                    ds.types.setdefault(b.key, b.type)
                    s, e = pos + (len(norm[pos:end]) - len(norm[pos:end].lstrip())), end
                    self._add(ds, b.key, "issued", law.key, s, e, "issued:header", 0.9)
            pos = end

    _SESSION = re.compile(
        r"^(.*?)(?:第[一二三四五六七八九十百零〇\d]+届|)(.*?)第[一二三四五六七八九十百零〇\d]+次(?:常务|全体)?会议$"
    )
    _TERM = re.compile(r"第[一二三四五六七八九十百零〇\d]+届")

    def _session_bodies(self, ms: list[Mention], pos: int, end: int) -> list[Mention]:
        """The body whose session passed a law: 重庆市第一届人民代表大会常务委员会第八次会议
        → 重庆市人民代表大会常务委员会, 国务院第50次常务会议 → 国务院 (when the gazetteer
        knows the body)."""
        from kg.nlp.gazetteer import load_gazetteer

        gaz = load_gazetteer()
        out = []
        for m in ms:
            if not (pos <= m.start < end) or m.type != "Event":
                continue
            name = self._TERM.sub("", norm_name(m.text), count=1)
            g = self._SESSION.match(name)
            if g is None:
                continue
            e = gaz.lookup(g.group(1) + g.group(2))
            if e is not None and e.type in ("GovernmentBody", "Ministry"):
                out.append(Mention(m.start, m.end, m.text, e.type, e.id, e.name, "session"))
        return out

    def _add(
        self,
        ds: _DocState,
        subj: str,
        pred: str,
        obj: str,
        s: int,
        e: int,
        rule: str,
        conf: float,
        modality: str = "asserted",
        implicit: bool = False,
    ) -> None:
        if subj == obj:
            return
        k = (subj, pred, obj, s)
        old = ds.rels.get(k)
        if old is not None and old.confidence >= conf:
            return
        ds.rels[k] = Relation(
            subj, pred, obj, s, e, ds.st.text[s:e], rule, conf, modality, implicit
        )

    @staticmethod
    def _clauses(ms: str) -> list[tuple[int, int]]:
        out = []
        start = 0
        for m in _CLAUSE_SEP.finditer(ms):
            i = m.start()
            out.append((start, i))
            start = i + 1
        out.append((start, len(ms)))
        return out

    def _classify(self, ms: str, cs: int, ce: int, umap: dict[int, Unit]):
        """What opens clause ``ms[cs:ce]``: (kind, units, position after them).

        kind: agent (subject run), entity (a non-agent entity), speaker, pronoun, dual,
        verbal (a verb/adverb: no overt subject), empty, unknown.
        """
        p = self._prefix.match(ms, cs, ce).end()
        if p >= ce:
            return "empty", [], p
        r = self._agrun.match(ms, p, ce)
        if r is not None:
            run = [umap[j] for j in range(r.start(), r.end()) if j in umap]
            end = r.end()
            sp = self._speech_re.match(ms, end, ce)
            if sp is not None:
                return "speaker", run, end
            if (
                end >= ce
                or self._follow.match(ms, end, ce)
                or any(ms[end : end + n] in self._openers for n in (2, 3, 4))
            ):
                return "agent", run, end
            return "unknown", run, end
        ch = ms[p]
        if ch in "\ue014\ue015\ue016\ue017":
            u = umap.get(p)
            if u is None:
                return "unknown", [], p
            return "entity", [u], p + (u.end - u.start)
        pm = self._pronoun.match(ms, p, ce)
        if pm is not None:
            return ("dual" if pm.group() in self._dual else "pronoun"), [], pm.end()
        if self._opener.match(ms, p, ce) or any(ms[p : p + n] in self._openers for n in (2, 3, 4)):
            return "verbal", [], p
        return "unknown", [], p

    def _modality(self, parts: tuple[str, ...]) -> tuple[str, bool, bool]:
        """(modality, negated, causative) from what stands between subject and verb: the
        adverbs that open each part and those right before the verb."""
        mod = "asserted"
        neg = cause = False
        for text in parts:
            lead = self._adv_lead.match(text).group()
            trail = self._adv_trail.search(text).group() if len(lead) < len(text) else ""
            for part in (lead, trail):
                for m in self._modal_scan.finditer(part):
                    k = self._modal_kind.get(m.group())
                    if k == "negation":
                        neg = True
                    elif k == "causative":
                        cause = True
                    elif k == "planned":
                        mod = "planned"
                    elif k == "ongoing" and mod == "asserted":
                        mod = "ongoing"
        return mod, neg, cause

    # ----------------------------------------------------------------- carried subjects

    def _events(self, ds: _DocState) -> None:
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
            k = max(win.rfind(c) for c in _SEP)
            if k >= 0:
                cs = base + k + 1
            elif base == ss:
                cs = ss
            else:
                continue
            if self._prefix.match(norm, cs, u.start).end() != u.start:
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
            if self._speech_re.match(norm, end):
                continue
            fm = self._follow.match(norm, end)
            if fm is None and any(norm[end : end + n] in self._openers for n in (2, 3, 4)):
                pass
            elif not fm or fm.group("w") in ("、", "和", "及"):
                continue
            evs.append((u.start, tuple(x.key for x in run), ds.types.get(u.key, u.type)))
        ds.events = evs
        ds.ev_pos = [p for p, _, _ in evs]
        counts: dict[str, int] = {}
        total = 0
        for _, keys, t in evs:
            if t == "Person":
                continue
            total += 1
            counts[keys[0]] = counts.get(keys[0], 0) + 1
        if counts:
            top = max(counts, key=lambda k: counts[k])
            if counts[top] >= 3 and counts[top] * 2 >= total:
                ds.doc_subject = (top,)

    def _carried(self, ds: _DocState, pos: int) -> tuple[tuple[str, ...], float, str] | None:
        """The subject carried over to a subject-less clause at ``pos`` (sentence start)."""
        if ds.events is None:
            self._events(ds)
        norm = ds.st.norm
        assert ds.ev_pos is not None and ds.events is not None
        j = bisect.bisect_left(ds.ev_pos, pos) - 1
        if j >= 0:
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
                    if count > 8 or not (_PARA_FIRST if count == 1 else _PARA_ORD).match(norm, nl):
                        span_ok = False
                        break
                    nl = norm.find("\n", q, pos)
            if span_ok:
                if self._pron_clause.search(norm, epos, pos):
                    return None
                return keys, conf, how
        # no subject stated in this paragraph: the document's agent, unless a pronoun
        # subject (我们…) took over the paragraph
        if ds.doc_subject is None:
            return None
        ps = norm.rfind("\n", 0, pos) + 1
        if self._pron_clause.search(norm, ps, pos):
            return None
        return ds.doc_subject, 0.4, "document"

    # ----------------------------------------------------------------- subjects

    def _subject(self, ds, ms, clauses, ci, t, umap, s, cls_cache):
        """Subject keys for a verb at ``t`` in clause ``ci``.

        Returns (keys, conf, implicit, how, pre_text) or None.
        """
        cs, ce = clauses[ci]
        kind, run, after = cls_cache(ci)
        if kind == "agent":
            if after > t:
                return None
            pre = ms[after:t]
            if not self._pre.fullmatch(pre):
                return None
            keys = tuple(u.key for u in run)
            # partners of 与X合作/同X一道 are co-subjects
            m = re.search(
                f"(?:与|同|跟)((?:{_AG})(?:(?:、|和|及|以及){_AG})*)(?:合作|一道|一起|共同|联合)",
                pre,
            )
            if m:
                keys = keys + tuple(
                    umap[after + j].key for j in range(m.start(1), m.end(1)) if after + j in umap
                )
                ds.runs_at[run[0].start] = keys
                ds.last_pair = keys
            return keys, 0.85, False, "subject", (pre,)
        if kind == "dual":
            pre = ms[after:t]
            if ds.last_pair is None or not self._pre.fullmatch(pre):
                return None
            return ds.last_pair, 0.55, True, "dual", (pre,)
        if kind not in ("verbal", "empty"):
            return None
        p = self._prefix.match(ms, cs, ce).end()
        pre = ms[p:t]
        if not self._pre.fullmatch(pre):
            return None
        # walk back to the sentence topic; a list after a colon (Y包括五大工程：一是实施X)
        # takes the subject of the text before it, not the head of the colon
        for cj in range(ci - 1, -1, -1):
            if ms[clauses[cj][1] : clauses[cj][1] + 1] in ("：", ":") and _ORDINAL_RE.match(
                ms, clauses[cj][1] + 1
            ):
                break
            k2, run2, after2 = cls_cache(cj)
            if k2 in ("verbal", "empty"):
                continue
            if k2 == "agent":
                pre2 = ms[after2 : clauses[cj][1]]
                return tuple(u.key for u in run2), 0.75, False, "topic", (pre2, pre)
            if k2 == "dual" and ds.last_pair is not None:
                return ds.last_pair, 0.55, True, "dual", (pre,)
            return None
        c = self._carried(ds, s)
        if c is None:
            return None
        keys, conf, how = c
        return keys, conf, True, how, (pre,)

    # ----------------------------------------------------------------- objects

    def _objects(
        self, ms: str, p: int, ce: int, types: frozenset[str], umap_sorted: list[Unit], base: int
    ) -> list[Unit]:
        """The entities of ``types`` right after position ``p`` (clause-relative), coordinated."""
        starts = [u.start - base for u in umap_sorted]
        k = bisect.bisect_left(starts, p)
        out: list[Unit] = []
        # the first object: a short gap, no other verb in it; Locations may be skipped
        # (出席在北京举行的X)
        while k < len(umap_sorted):
            u = umap_sorted[k]
            us = u.start - base
            if us >= ce:
                return []
            gap = _NOQ.sub("", ms[p:us])
            if len(gap) > 12 or any(ch in _SEP or ch in _END for ch in gap):
                return []
            if gap[-1:] in ("和", "与", "及", "、", "或"):
                return []  # 推进重大生态保护和修复工程: the name is cut
            if self._filler_verb.search(gap):
                return []  # 制定支持双创…的政策措施: the entity sits in a longer object
            if _QUANTIFIED.search(gap):
                return []  # 实施一批重大工程: a class of things, not the named one
            raw_gap = ms[p:us]
            if (
                raw_gap
                and raw_gap[-1] not in _QUOTES
                and not self._modifier.fullmatch(raw_gap.strip())
                and u.type not in ("Location",)
            ):
                return []  # 实施提升就业服务质量工程: the words before run into the name
            tm = self._scan.search(gap)
            if (
                tm is not None
                and tm.group() in self._trig_words
                and not gap[tm.end() : tm.end() + 1] == "的"
            ):
                return []
            if u.type == "Location":
                k += 1
                continue
            if u.type not in types:
                return []
            break
        else:
            return []
        out.append(u)
        k += 1
        while k < len(umap_sorted):
            v = umap_sorted[k]
            vs = v.start - base
            if vs >= ce:
                break
            raw = ms[out[-1].end - base : vs]
            quotes_only = bool(raw) and all(ch in _QUOTES for ch in raw)
            if raw == "" or (
                quotes_only and not (_titled(ms, v, base) and _titled(ms, out[-1], base))
            ):
                # X“Y” / “X”Y: one name the recognisers split in two (西部大开发“十三五”规划):
                # neither mention is the thing named, unless Y is a bare generic head
                # (“一带一路”发展战略 → 一带一路)
                if len(v.label) > 4 and not (
                    v.label.endswith(out[-1].label) or out[-1].label in v.label
                ):
                    out.pop()
                    if not out:
                        return []
                    break
                k += 1
                continue
            sep = _NOQ.sub("", raw)
            if not _LIST_SEP.match(sep) or v.type not in types:
                break
            out.append(v)
            k += 1
        return [u for u in out if not _COUNT_NOUN.match(u.label)]

    def _tail_ok(self, ms: str, p: int, ce: int) -> bool:
        """What follows the last object: the clause end, a list word or a tail word
        (建设, 活动, 开幕式…); another noun makes the object a modifier."""
        while p < ce and ms[p] in _QUOTES:
            p += 1
        if p < ce and ms[p] in "（(":
            q = ms.find("）", p, ce)
            p = q + 1 if q > 0 else p
        if p >= ce:
            return True
        return bool(self._tail.match(ms, p, ce))

    # ----------------------------------------------------------------- one sentence

    def _sentence(self, ds: _DocState, si: int, s: int, e: int, su: list[Unit]) -> None:
        st = ds.st
        norm = st.norm
        ms = self._mask(norm, s, e, su)
        umap = {u.start - s: u for u in su}
        clauses = self._clauses(ms)
        cache: dict[int, tuple] = {}

        def cls_cache(ci: int):
            r = cache.get(ci)
            if r is None:
                cs, ce = clauses[ci]
                r = cache[ci] = self._classify(ms, cs, ce, umap)
                if r[0] == "agent":
                    keys = tuple(u.key for u in r[1])
                    if len(keys) >= 2:
                        ds.last_pair = keys
                    if r[1]:
                        ds.runs_at[r[1][0].start] = keys
            return r

        for ci in range(len(clauses)):
            cls_cache(ci)
        ends = [ce for _, ce in clauses]

        def clause_of(pos: int) -> int:
            return bisect.bisect_left(ends, pos)

        # ---- verbs
        hits = [
            (m.start(), m.end(), m.group())
            for m in self._scan.finditer(ms)
            if m.group() in self._trig_words
        ]
        for hi, (ts, te, word) in enumerate(hits):
            if ms[te : te + 1] == "的":  # relative clause: 国务院发布的《X》
                self._relative(ds, ms, clauses[clause_of(ts)], ts, te, word, su, s, e, umap)
                continue
            nxt = hits[hi + 1] if hi + 1 < len(hits) else None
            if nxt is not None and nxt[0] == te and word in self._causative_w:
                continue  # 推进实施: the second verb carries the relation
            ci = clause_of(ts)
            cs, ce = clauses[ci]
            rows = self.lex.triggers[word]
            # coordinated verbs share objects: 倡议发起并加入X
            obj_from = te
            j = hi
            while j + 1 < len(hits):
                a, b, _ = hits[j + 1]
                link = ms[obj_from:a]
                if a < ce and (a == obj_from or self._vlink.fullmatch(link)):
                    obj_from = b
                    j += 1
                else:
                    break
            types = frozenset().union(*(r.types for r in rows))
            container = any("container" in r.flags for r in rows)
            objs = self._objects(ms, obj_from, ce, types, su, s)
            if container:
                self._container(
                    ds, ms, clauses, ci, ts, te, word, rows, objs, su, s, e, umap, cls_cache
                )
                continue
            topical = []
            if not objs:
                pm = self._passive.search(ms, cs, ts)
                if pm is not None and self._vtail.fullmatch(ms, te, ce):
                    # 《X》由国务院办公厅印发: the object first, the agent after 由
                    for j in range(pm.start("ag"), pm.end("ag")):
                        agent = umap.get(j)
                        if agent is not None:
                            self._passive_rel(ds, ms, pm, agent, rows, word, su, s, e, umap)
                    continue
            if not objs and any("topical" in r.flags for r in rows):
                topical = self._topical(ms, cs, ts, te, ce, types, umap)
                if not topical:
                    continue
            elif not objs:
                continue
            if objs and not self._tail_ok(ms, objs[-1].end - s, ce):
                continue
            sub = (
                self._subject(ds, ms, clauses, ci, ts, umap, s, cls_cache) if not topical else None
            )
            if topical:
                c = None
                for cj in range(ci - 1, -1, -1):
                    k2 = cls_cache(cj)[0]
                    if k2 not in ("verbal", "empty"):
                        break
                else:
                    c = self._carried(ds, s)
                if c is None:
                    continue
                keys, conf, how = c
                sub = (keys, conf, True, how + "-topical", (ms[topical[-1].end - s : ts],))
                objs = topical
            if sub is None:
                continue
            keys, conf, implicit, how, pre = sub
            mod, neg, cause = self._modality(pre)
            if neg:
                continue
            if any("planned" in r.flags for r in rows):
                mod = "planned"  # 研究制定: being drafted
            for o in objs:
                row = next((r for r in rows if o.type in r.types), None)
                if row is None:
                    continue
                if "titled" in row.flags and not _titled(ms, o, s):
                    continue
                if cause and row.pred in ("issued", "hosted", "initiated"):
                    continue
                after_o = ms[o.end - s : o.end - s + 4].lstrip("》”’")
                if row.pred in ("issued", "initiated", "hosted") and after_o[:1] == "的":
                    continue  # 提出关于X的议案: the object is the 议案
                if row.pred == "issued" and any(
                    w in _ADJ.match(after_o).group() for w in _DOC_NOUNS
                ):
                    continue  # 出台X方案, 制定“互联网+”行动计划: the 方案/计划 was issued
                if "explicit" in row.flags and implicit:
                    continue  # 今年将召开X: who convenes it is not said
                if ms[o.end - s : o.end - s + 3].lstrip("》”").startswith("国家"):
                    continue  # 共建“一带一路”国家: a modifier
                for k in keys:
                    kt = ds.types.get(k, "")
                    if row.pred == "issued" and kt not in ISSUERS:
                        continue
                    if kt not in AGENTS:
                        continue
                    self._add(
                        ds,
                        k,
                        row.pred,
                        o.key,
                        s,
                        e,
                        f"{row.pred}:{word}:{how}",
                        conf,
                        mod,
                        implicit,
                    )

        # ---- cooperation
        if self._coop_cue.search(ms):
            self._coop(ds, ms, clauses, su, s, e, umap, cls_cache, clause_of)
        # ---- 在<Event>上表示
        for m in self._event_talk.finditer(ms):
            if m.group("who"):
                # 在X开幕式上，国务院副总理丁薛祥发表致辞
                run = [umap[j] for j in range(m.start("who"), m.end("who")) if j in umap]
            else:
                ci = clause_of(m.start())
                kind, run, after = cls_cache(ci)
                if (
                    kind != "agent"
                    or after > m.start()
                    or not self._pre.fullmatch(ms[after : m.start()])
                ):
                    continue
            evs = [umap[m.start("ev")]]  # 在A——B上: B is a session of A
            for a in run:
                for ev in evs:
                    self._add(
                        ds,
                        a.key,
                        "participatesIn",
                        ev.key,
                        s,
                        e,
                        "participatesIn:在…上表示:subject",
                        0.8,
                    )
        # ---- Y由X组成, X是Y的组成部分
        if (
            "组成" in ms
            or "部分" in ms
            or "隶属" in ms
            or "下属" in ms
            or "直属" in ms
            or "内设" in ms
        ):
            self._composition(ds, ms, clauses, s, e, umap, cls_cache)

    # ----------------------------------------------------------------- structures

    def _passive_rel(self, ds, ms, pm, agent, rows, word, su, s, e, umap) -> None:
        """《X》《Y》由A印发: every title before 由 gets the relation from A."""
        at = ds.types.get(agent.key, agent.type)
        for j in range(pm.start("obj"), pm.end("obj")):
            o = umap.get(j)
            if o is None:
                continue
            row = next((r for r in rows if o.type in r.types), None)
            if (
                row is None
                or row.pred == "partOf"
                or ("titled" in row.flags and not _titled(ms, o, s))
            ):
                continue
            if at not in AGENTS or (row.pred == "issued" and at not in ISSUERS):
                continue
            self._add(ds, agent.key, row.pred, o.key, s, e, f"{row.pred}:{word}:passive", 0.8)

    def _relative(self, ds, ms, clause, ts, te, word, su, s, e, umap) -> None:
        """国务院发布的《X》, …常务委员会第六次会议通过的《X》: agent right before the verb."""
        cs, ce = clause
        m = self._rel_subj.search(ms, cs, ts)
        if m is None or ms[m.start() - 1 : m.start()] in ("在", "于", "从", "向", "到", "赴"):
            return  # 在巴西举行的X: a place, not who held it
        a = umap.get(m.start(1))
        rows = self.lex.triggers[word]
        if a is None or ds.types.get(a.key, a.type) not in AGENTS:
            return
        objs = self._objects(ms, te + 1, ce, self._trig_types[word], su, s)
        for o in objs:
            row = next((r for r in rows if o.type in r.types), None)
            if (
                row is None
                or row.pred == "partOf"
                or ("titled" in row.flags and not _titled(ms, o, s))
            ):
                continue
            if row.pred == "issued" and ds.types.get(a.key, a.type) not in ISSUERS:
                continue
            self._add(ds, a.key, row.pred, o.key, s, e, f"{row.pred}:{word}:relative", 0.8)

    def _topical(self, ms, cs, ts, te, ce, types, umap) -> list[Unit]:
        """《X》正在推进: objects before the verb, the clause ending after it."""
        q = self._prefix.match(ms, cs, ce).end()
        objs = []
        while q < ts:
            u = umap.get(q)
            if u is None or u.type not in types:
                break
            objs.append(u)
            q += u.end - u.start
            while q < ts and ms[q] in _QUOTES + "、和及":
                q += 1
        if not objs:
            return []
        if not self._pre.fullmatch(ms[q:ts]):
            return []
        tail = ms[te:ce]
        if tail not in ("", "了", "中", "完毕", "完成"):
            return []
        return objs

    def _container(
        self, ds, ms, clauses, ci, ts, te, word, rows, objs, su, s, e, umap, cls_cache
    ) -> None:
        """Y包括/整合/下设 X → X partOf Y; Y包括…：一是X…二是Z… → each item partOf Y."""
        cs, ce = clauses[ci]
        kind, run, after = cls_cache(ci)
        whole = None
        how = "subject"
        conf = 0.8
        # the whole right before the verb (adverbs between), or the clause's opening entity
        before = ms[cs:ts]
        m = (
            re.search(f"({_ENT})[{_QUOTES}]*(?:{self._modal_scan.pattern})*$", before)
            if before
            else None
        )
        if m is not None:
            whole = umap.get(cs + m.start(1))
        if (
            whole is None
            and kind in ("entity", "agent")
            and run
            and self._pre.fullmatch(ms[after:ts])
        ):
            whole = run[0] if kind == "entity" else run[-1]
        if objs and not self._tail_ok(ms, objs[-1].end - s, ce):
            objs = []
        if whole is None and kind in ("verbal", "empty"):
            for cj in range(ci - 1, -1, -1):
                k2, run2, after2 = cls_cache(cj)
                if k2 in ("verbal", "empty"):
                    continue
                if (
                    k2 in ("entity", "agent")
                    and run2
                    and self._follow.match(ms, after2, clauses[cj][1])
                ):
                    whole = run2[0]
                    how, conf = "topic", 0.7
                break
        if whole is None:
            return
        wg = _GROUP.get(ds.types.get(whole.key, whole.type))
        if wg is None:
            return
        whole_key = self._anaphor(ds, whole)
        parts = list(objs)
        if not parts and ce < len(ms) and ms[ce] in "：:":
            parts = self._objects(
                ms,
                ce + 1,
                clauses[ci + 1][1] if ci + 1 < len(clauses) else len(ms),
                rows[0].types,
                su,
                s,
            )
        for o in parts:
            if self._fits(ds, o, wg, rows[0].types):
                self._add(ds, o.key, "partOf", whole_key, s, e, f"partOf:{word}:{how}", conf)
        # an enumeration after the colon: 包括五大工程：一是实施X…二是实施Z…
        if ce < len(ms) and ms[ce] in "：:":
            self._enumeration(ds, s + ce + 1, whole_key, wg, rows[0].types, word)

    def _fits(self, ds, o: Unit, wg: str, types: frozenset[str]) -> bool:
        og = _GROUP.get(ds.types.get(o.key, o.type))
        if og is None or o.type not in types:
            return False
        return og == wg or (og == "event" and wg == "doc")

    def _anaphor(self, ds: _DocState, u: Unit) -> str:
        """《行动计划》 after 《网络扶贫行动计划》: the short title means the earlier one."""
        if u.type not in ("Program", "Law") or len(u.label) > 6:
            return u.key
        k = bisect.bisect_left(ds.ustarts, u.start) - 1
        while k >= 0 and u.start - ds.units[k].start < 3000:
            v = ds.units[k]
            if (
                v.type == u.type
                and v.key != u.key
                and len(v.label) > len(u.label)
                and v.label.endswith(u.label)
            ):
                return v.key
            k -= 1
        return u.key

    def _enumeration(
        self, ds, pos: int, whole_key: str, wg: str, types: frozenset[str], word: str
    ) -> None:
        st = ds.st
        norm = st.norm
        pend = norm.find("\n", pos)
        if pend < 0:
            pend = len(norm)
        q = pos
        n = 0
        while q < pend and n < 20:
            m = _ORDINAL_RE.match(norm, q)
            if m is None:
                break
            n += 1
            item = m.end()
            k = bisect.bisect_left(ds.ustarts, item)
            if k < len(ds.units):
                u = ds.units[k]
                stop = item
                while stop < pend and norm[stop] not in _SEP + _END:
                    stop += 1
                if u.start < stop and u.start - item <= 8 and self._fits(ds, u, wg, types):
                    s, e = st.sent_of(u.start)
                    self._add(ds, u.key, "partOf", whole_key, s, e, f"partOf:{word}:list", 0.7)
            # the next item: after the end of this one's sentence or a semicolon
            nxt = -1
            for sep in "；;。":
                x = norm.find(sep, item, pend)
                if x >= 0 and (nxt < 0 or x < nxt):
                    nxt = x
            if nxt < 0:
                break
            q = nxt + 1

    def _coop(self, ds, ms, clauses, su, s, e, umap, cls_cache, clause_of) -> None:
        for m in self._coop_re.finditer(ms):
            ci = clause_of(m.start())
            ce = clauses[ci][1]
            rest = ms[m.end() : ce]
            if m.group("c") in ("协助", "携手"):
                if not re.search("共同|一道|一起|合作", rest):
                    continue
            else:
                cm = self._coop_cue.search(rest)
                if cm is None or "的" in rest[cm.end() :]:
                    continue  # 与X缔结…协定的国家: a relative clause about someone else
            partners = [umap[j] for j in range(m.start("run"), m.end("run")) if j in umap]
            left = ms[: m.start()]
            subj_keys: tuple[str, ...] | None = None
            conf, implicit, how = 0.8, False, "subject"
            lm = re.search(f"({_AG})[{_QUOTES}]*$", left)
            kind, run, _ = cls_cache(ci)
            if lm is not None:
                a = umap.get(lm.start(1))
                if a is not None:
                    if m.group("c") == "和" and not (kind == "agent" and run and run[-1] is a):
                        continue
                    subj_keys = (a.key,)
            if subj_keys is None:
                if m.group("c") == "和":
                    continue
                sub = self._subject(ds, ms, clauses, ci, m.start(), umap, s, cls_cache)
                if sub is None:
                    continue
                subj_keys, conf, implicit, how, pre = sub
                if self._modality(pre)[1]:
                    continue
                conf = min(conf, 0.8)
            for a in subj_keys:
                if ds.types.get(a) not in AGENTS:
                    continue
                for b in partners:
                    self._add(
                        ds,
                        a,
                        "cooperatesWith",
                        b.key,
                        s,
                        e,
                        f"cooperatesWith:{m.group('c')}:{how}",
                        conf,
                        implicit=implicit,
                    )
            if len(subj_keys) == 1 and partners and all(b.type in AGENTS for b in partners):
                ds.last_pair = subj_keys + tuple(b.key for b in partners)

    def _composition(self, ds, ms, clauses, s, e, umap, cls_cache) -> None:
        for m in self._composed.finditer(ms):
            left = ms[: m.start()]
            lm = re.search(f"({_ENT})[{_QUOTES}]*(?:{self._modal_scan.pattern})*$", left)
            if lm is None:
                continue
            whole = umap.get(lm.start(1))
            if whole is None:
                continue
            wg = _GROUP.get(ds.types.get(whole.key, whole.type))
            if wg is None:
                continue
            for j in range(m.start("run"), m.end("run")):
                u = umap.get(j)
                if u is not None and _GROUP.get(u.type) == wg:
                    self._add(ds, u.key, "partOf", whole.key, s, e, "partOf:由…组成:subject", 0.8)
        for m in self._component.finditer(ms):
            tail = m.group(0)
            if not re.search(
                "组成部分|一部分|组成单位|下属机构|成员单位|内设机构|直属机构|隶属", tail
            ):
                continue
            x, y = umap.get(m.start("x")), umap.get(m.start("y"))
            if x is None or y is None:
                continue
            gx, gy = _GROUP.get(x.type), _GROUP.get(y.type)
            if gx is None or gx != gy:
                continue
            self._add(ds, x.key, "partOf", y.key, s, e, "partOf:组成部分:subject", 0.8)


_LEXICON_CACHE: dict[str, Lexicon] = {}


def load_lexicon(directory: Path | None = None) -> Lexicon:
    path = (directory or ONTOLOGY_DIR) / "lexicon" / "relation_triggers.tsv"
    key = str(path)
    if key not in _LEXICON_CACHE:
        _LEXICON_CACHE[key] = Lexicon.load(path)
    return _LEXICON_CACHE[key]


def load_openers(directory: Path | None = None) -> frozenset[str]:
    return frozenset(_read_lines((directory or ONTOLOGY_DIR) / "lexicon" / "relation_openers.txt"))


@Language.factory("kg_relations", default_config={"gazetteer_dir": None})
def make_relations(nlp: Language, name: str, gazetteer_dir: str | None) -> Relations:
    d = Path(gazetteer_dir) if gazetteer_dir else None
    posts = frozenset(_read_lines((d or ONTOLOGY_DIR) / "lexicon" / "posts.txt"))
    return Relations(load_lexicon(d), load_openers(d), posts)
