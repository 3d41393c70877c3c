"""partOf: what is a component of what.

- Y包括/整合/下设 X (container triggers of the lexicon) → X partOf Y; Y包括三项行动：
  一是开展X…二是开展Z… makes each listed item part of Y;
- Y由X、Z组成; X是Y的组成部分 (一部分, 下属机构, 成员单位…), X隶属于Y, and a list of
  parts: X、Z是Y的成员单位; a place is part of a country (X是Y领土不可分割的一部分); the
  part in apposition after the whole (Y的重要组成部分——X, 作为Y的组成部分，X…);
- a body under another, named after it: Y所属(的)X, Y下属|直属(的)(class noun)X (某部所属
  某某总队, 某组织下属武装派别某某) → X partOf Y.

Both ends must be of one group (bodies, documents, events; an event may be part of a
document).

>>> from kg.model import Document
>>> from kg.nlp import extract
>>> res = extract(Document("t", "国务院下设国务院办公厅。"))
>>> [(r.subj, r.pred, r.obj) for r in res.relations]
[('gov/gov-office', 'partOf', 'gov/state-council')]
"""

from __future__ import annotations

import bisect
import re

from kg.nlp.components.base import ORGANISATION_TYPES
from kg.nlp.relations.grammar import Grammar
from kg.nlp.relations.masking import END, ENT, GROUP, MASKED, ORDINAL_RE, QUOTES, SEP, Unit
from kg.nlp.relations.sentence import Sentence
from kg.nlp.relations.state import DocState

#: a clause opening with a body's bare head word (委员会由…组成): the closed class of the
#: heads of councils, committees and groups that documents set up
_BARE_HEAD = re.compile(
    f"(?:^|[{SEP}{END}])\\s*(?:[一二三四五六七八九十]+、)?(?:该|本)?"
    "(?P<h>部际联席会议|联席会议|委员会|领导小组|工作小组|工作组|小组|理事会|协调机制)$"
)
_PART_WORDS = "组成部分|一部分|组成单位|下属机构|成员单位|内设机构|直属机构"


class Composition:
    """The partOf family (see the module docstring)."""

    CUES = ("组成", "部分", "隶属", "下属", "直属", "内设", "所属", "成员单位")

    def __init__(self, g: Grammar) -> None:
        self.g = g
        adv_alt = g.adv_alt
        self._composed = re.compile(
            f"由(?P<run>{ENT}(?:(?:[、和及]|以及){ENT})*)(?:等[^{SEP}{END}]{{0,8}}?)?(?:共同)?组成"
        )
        self._component = re.compile(
            f"(?P<x>{ENT})(?:{adv_alt}|自古(?:以来)?就?)*(?:是|为|作为|成为|属于|隶属于|隶属)(?P<y>{ENT})"
            f"(?:领土)?(?:不可分割|神圣不可分割)?(?:的)?(?:重要|主要)?(?:{_PART_WORDS})?"
        )
        # the whole first, the part after it in apposition: Y的重要组成部分——X,
        # 作为Y的组成部分，X…
        self._part_after = re.compile(
            f"(?:(?P<as>作为)[{QUOTES}]*)?(?P<y>{ENT})[{QUOTES}]*的(?:重要|主要)?(?:{_PART_WORDS})"
            f"(?:(?P<dash>——|—|－－)|[，,])[{QUOTES}]*(?P<x>{ENT})"
        )
        self._whole_before = re.compile(f"({ENT})[{QUOTES}]*(?:{g.modal_scan.pattern})*$")
        # a list of parts before 是Y的成员单位 (one part: ``_component``)
        self._parts_of = re.compile(
            f"(?P<run>{ENT}(?:(?:[、和及]|以及){ENT})+)(?:等[^{SEP}{END}{MASKED}]{{0,6}}?)?"
            f"(?:{adv_alt})*(?:是|为|作为)(?P<y>{ENT})的(?:{_PART_WORDS})"
        )
        # the whole, then 所属/下属/直属 and the part named after it, a class noun between
        # (某组织下属武装派别|某某), its short form in parentheses between (某某运动（某某）下属…)
        self._under = re.compile(
            f"(?P<y>{ENT})(?:（[^（）]{{1,12}}）)?[{QUOTES}]*(?:所属|下属|直属)的?"
            f"(?:[^{SEP}{END}{MASKED}{QUOTES}]{{1,6}}?)?[{QUOTES}]*(?P<x>{ENT})"
        )

    def __call__(self, sen: Sentence) -> None:
        """Y由X组成, X是Y的组成部分."""
        ms = sen.ms
        if not any(c in ms for c in self.CUES):
            return
        ds, s, e, umap = sen.ds, sen.s, sen.e, sen.umap
        for m in self._composed.finditer(ms):
            lm = self._whole_before.search(ms[: m.start()])
            whole = umap.get(lm.start(1)) if lm is not None else self._named_by_head(sen, m)
            if whole is None:
                continue
            wg = GROUP.get(ds.types.get(whole.key, whole.type))
            if wg is None:
                continue
            for j in range(m.start("run"), m.end("run")):
                u = umap.get(j)
                if u is not None and GROUP.get(u.type) == wg:
                    ds.add(u.key, "partOf", whole.key, s, e, "partOf:由…组成:subject", 0.8)
        for m in self._parts_of.finditer(ms):  # X、Z是Y的成员单位
            y = umap.get(m.start("y"))
            wg = GROUP.get(y.type) if y is not None else None
            if wg is None:
                continue
            for u in sen.units_in(m.start("run"), m.end("run")):
                if GROUP.get(u.type) == wg:
                    ds.add(u.key, "partOf", y.key, s, e, "partOf:组成部分:list", 0.8)
        for m in self._under.finditer(ms):  # Y所属X, Y下属某类X
            x, y = umap.get(m.start("x")), umap.get(m.start("y"))
            if x is None or y is None or x.key == y.key:
                continue
            if GROUP.get(x.type) == "body" and GROUP.get(y.type) == "body":
                ds.add(x.key, "partOf", y.key, s, e, "partOf:所属:after", 0.75)
        for m in self._part_after.finditer(ms):  # Y的重要组成部分——X
            if m.group("as") is None and m.group("dash") is None:
                continue  # Y的组成部分，X…: X opens a clause of its own
            x, y = umap.get(m.start("x")), umap.get(m.start("y"))
            gx = GROUP.get(x.type) if x is not None else None
            if gx is not None and y is not None and gx == GROUP.get(y.type):
                ds.add(x.key, "partOf", y.key, s, e, "partOf:组成部分:apposition", 0.8)
        for m in self._component.finditer(ms):  # X是Y的组成部分
            if not re.search(_PART_WORDS + "|隶属", m.group(0)):
                continue
            x, y = umap.get(m.start("x")), umap.get(m.start("y"))
            if x is None or y is None:
                continue
            gx, gy = GROUP.get(x.type), GROUP.get(y.type)
            if gx is None or gx != gy:
                # a place is part of a country or a bigger place (台湾是中国的一部分)
                if x.type != "Location" or y.type not in ("Country", "Location"):
                    continue
            ds.add(x.key, "partOf", y.key, s, e, "partOf:组成部分:subject", 0.8)

    def container(self, sen: Sentence, ci: int, ts: int, te: int, word: str, rows, objs) -> None:
        """Y包括/整合/下设 X → X partOf Y; Y包括…：一是X…二是Z… → each item partOf Y."""
        g, ds, ms, s, e, umap, clauses = (
            sen.g,
            sen.ds,
            sen.ms,
            sen.s,
            sen.e,
            sen.umap,
            sen.clauses,
        )
        cs, ce = clauses[ci]
        kind, run, after = sen.cls(ci)
        whole = None
        how = "subject"
        conf = 0.8
        # the whole right before the verb (adverbs between), or the clause's opening entity
        before = ms[cs:ts]
        m = self._whole_before.search(before) if before else None
        if m is not None:
            whole = umap.get(cs + m.start(1))
        if whole is None and kind in ("entity", "agent") and run and g.pre.fullmatch(ms[after:ts]):
            whole = run[0] if kind == "entity" else run[-1]
        if objs and not g.tail_ok(ms, objs[-1].end - s, ce):
            objs = []
        if whole is None and kind in ("verbal", "empty"):
            for cj in range(ci - 1, -1, -1):
                k2, run2, after2 = sen.cls(cj)
                if k2 in ("verbal", "empty"):
                    continue
                if (
                    k2 in ("entity", "agent")
                    and run2
                    and g.follow.match(ms, after2, clauses[cj][1])
                ):
                    whole = run2[0]
                    how, conf = "topic", 0.7
                break
        if whole is None:
            return
        wg = GROUP.get(ds.types.get(whole.key, whole.type))
        if wg is None:
            return
        whole_key = anaphor(ds, whole)
        parts = list(objs)
        if not parts and ce < len(ms) and ms[ce] in "：:":
            parts = g.objects(
                ms,
                ce + 1,
                clauses[ci + 1][1] if ci + 1 < len(clauses) else len(ms),
                rows[0].types,
                sen.su,
                s,
            )
        for o in parts:
            if _fits(ds, o, wg, rows[0].types):
                ds.add(o.key, "partOf", whole_key, s, e, f"partOf:{word}:{how}", conf)
        # an enumeration after the colon: 包括三项行动：一是开展X…二是开展Z…
        if ce < len(ms) and ms[ce] in "：:":
            _enumeration(ds, s + ce + 1, whole_key, wg, rows[0].types, word)

    def _named_by_head(self, sen: Sentence, m: re.Match) -> Unit | None:
        """委员会由A、B组成 after the body was named in full (某某委员会): a clause that
        opens with a bare head word names the document's one body with that head."""
        hm = _BARE_HEAD.search(sen.ms, 0, m.start())
        if hm is None:
            return None
        head = hm.group("h")
        hits = {
            k: e
            for k, e in sen.ds.st.entities.items()
            if e.type in ORGANISATION_TYPES and e.label.endswith(head)
        }
        if len(hits) != 1:
            return None
        k, e = next(iter(hits.items()))
        return Unit(sen.s + hm.start("h"), sen.s + hm.end("h"), head, e.type, k, e.label, "head")


def _fits(ds: DocState, o: Unit, wg: str, types: frozenset[str]) -> bool:
    og = GROUP.get(ds.types.get(o.key, o.type))
    if og is None or o.type not in types:
        return False
    return og == wg or (og == "event" and wg == "doc")


def anaphor(ds: DocState, u: Unit) -> str:
    """《行动计划》 after 《乡村道路养护行动计划》: the short title means the earlier one."""
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
    ds: DocState, pos: int, whole_key: str, wg: str, types: frozenset[str], word: str
) -> None:
    st = ds.st
    norm = st.norm
    pend = norm.find("\n", pos)
    if pend < 0:
        pend = len(norm)
    q = pos
    n = 0
    while q < pend and n < 20:
        m = ORDINAL_RE.match(norm, q)
        if m is None:
            break
        n += 1
        item = m.end()
        k = bisect.bisect_left(ds.ustarts, item)
        if k < len(ds.units):
            u = ds.units[k]
            stop = item
            while stop < pend and norm[stop] not in SEP + END:
                stop += 1
            if u.start < stop and u.start - item <= 8 and _fits(ds, u, wg, types):
                s, e = st.sent_of(u.start)
                ds.add(u.key, "partOf", whole_key, s, e, f"partOf:{word}:list", 0.7)
        # the next item: after the end of this one's sentence or a semicolon
        nxt = -1
        for sep in "；;。":
            x = norm.find(sep, item, pend)
            if x >= 0 and (nxt < 0 or x < nxt):
                nxt = x
        if nxt < 0:
            break
        q = nxt + 1
