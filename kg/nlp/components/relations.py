"""``kg_relations``: the relations a sentence states, each with its evidence.

A trigger word (制定, 实施, 发起, 参加, 举办, 合作, 包括…) links the agent before it to the
entities of the right type after it, up to the end of the clause, so coordinated objects
(制定出台《电子商务法》《网络安全法》…) give one relation each. A sentence with no agent
takes the subject of the paragraph or document (``implicit``, lower confidence).
将/拟/计划 before the trigger mark the relation ``planned``.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from kg.model import Mention, Relation
from kg.nlp.components.base import KGDoc, kgdoc

AGENTS = frozenset({"GovernmentBody", "Ministry", "Organization", "Country", "Person"})

#: predicate → (trigger words, object types)
TRIGGERS: dict[str, tuple[tuple[str, ...], frozenset[str]]] = {
    "issued": (
        ("制定出台", "制定", "出台", "印发", "发布", "颁布", "推动印发", "审议通过", "通过"),
        frozenset({"Law", "Program"}),
    ),
    "implements": (
        ("深入贯彻落实", "贯彻落实", "贯彻", "实施", "落实", "推进", "开展", "执行", "建设", "建成", "完成"),
        frozenset({"Program", "Law"}),
    ),
    "initiated": (("倡议发起", "发起", "首倡", "提出", "倡导", "推出"), frozenset({"Program", "Event", "Organization"})),
    "participatesIn": (("参加", "参与", "加入", "出席"), frozenset({"Event", "Organization", "Program"})),
    "hosted": (("牵头承担", "举办", "主办", "承办", "召开"), frozenset({"Event"})),
}
_MODAL = re.compile(r"(?:将|拟|计划|准备|即将|将要)$")
_CLAUSE_END = re.compile(r"[。；！？\n]")
_COOP = re.compile(r"(?:与|同|和)$")


class Relations:
    """Trigger-based relation extraction over ``doc._.kg.mentions``."""

    def __init__(self) -> None:
        alts = []
        for pred, (words, _) in TRIGGERS.items():
            for w in words:
                alts.append((w, pred))
        alts.sort(key=lambda x: len(x[0]), reverse=True)
        self.trigger_pred = dict(alts)
        self._trig = re.compile("|".join(re.escape(w) for w, _ in alts))

    def _doc_subject(self, st: KGDoc) -> Mention | None:
        counts: dict[str, int] = {}
        first: dict[str, Mention] = {}
        for m in st.mentions:
            if m.type in AGENTS:
                counts[m.key] = counts.get(m.key, 0) + 1
                first.setdefault(m.key, m)
        if not counts:
            return None
        key = max(counts, key=lambda k: counts[k])
        return first[key] if counts[key] >= 3 and first[key].type == "Country" else None

    def __call__(self, doc: Doc) -> Doc:
        st = kgdoc(doc)
        text = st.text
        mentions = st.mentions
        rels: list[Relation] = []
        doc_subj = self._doc_subject(st)
        para_subj: Mention | None = None
        mi = 0
        for s, e in st.sents:
            while mi < len(mentions) and mentions[mi].start < s:
                mi += 1
            j = mi
            sm = []
            while j < len(mentions) and mentions[j].start < e:
                sm.append(mentions[j])
                j += 1
            if s > 0 and text[s - 1] == "\n":
                para_subj = None
            sentence = text[s:e]
            first_agent = next((m for m in sm if m.type in AGENTS), None)
            if first_agent is not None and first_agent.start - s <= 2:
                para_subj = first_agent
            for t in self._trig.finditer(st.norm, s, e):
                pred = self.trigger_pred[t.group()]
                objs_types = TRIGGERS[pred][1]
                subj = next((m for m in reversed(sm) if m.end <= t.start() and m.type in AGENTS), None)
                implicit = False
                conf = 0.8
                if subj is None:
                    subj = para_subj or doc_subj
                    implicit = True
                    conf = 0.5
                if subj is None:
                    continue
                modality = "planned" if _MODAL.search(text[max(s, t.start() - 3) : t.start()]) else "asserted"
                clause = _CLAUSE_END.search(st.norm, t.end(), e)
                cend = clause.start() if clause else e
                nxt = self._trig.search(st.norm, t.end(), cend)
                if nxt is not None and self.trigger_pred[nxt.group()] != pred:
                    cend = nxt.start()
                for o in sm:
                    if o.start >= t.end() and o.end <= cend and o.type in objs_types and o.key != subj.key:
                        rels.append(
                            Relation(subj.key, pred, o.key, s, e, sentence, f"trigger:{t.group()}", conf, modality, implicit)
                        )
            # cooperation: A 与 B(、C) … 合作
            if "合作" in sentence or "签署" in sentence:
                for i, a in enumerate(sm):
                    if a.type not in AGENTS:
                        continue
                    gap = st.norm[a.end : a.end + 1]
                    if gap in ("与", "同", "和"):
                        partners = []
                        pos = a.end + 1
                        for b in sm[i + 1 :]:
                            if b.start - pos > 1 or b.type not in AGENTS | {"Location"}:
                                break
                            partners.append(b)
                            pos = b.end + 1
                        subj = a
                        # 与A合作 with the subject before: 中国与联合国教科文组织合作
                        prev = next((m for m in reversed(sm[:i]) if m.type in AGENTS), None)
                        if prev is not None and prev.end == a.start - 1 and st.norm[prev.end] in "与同和":
                            continue
                        for b in partners:
                            if b.key != subj.key:
                                rels.append(Relation(subj.key, "cooperatesWith", b.key, s, e, sentence, "coop:与", 0.7))
        for p in st.posts:
            if p.org is not None:
                s, e = p.sent
                rels.append(
                    Relation(p.person.key, "holdsPost", p.org.key, s, e, text[s:e], "post", 0.9, post=p.post)
                )
        st.relations = rels
        return doc


@Language.factory("kg_relations", default_config={"gazetteer_dir": None})
def make_relations(nlp: Language, name: str, gazetteer_dir: str | None) -> Relations:
    return Relations()
