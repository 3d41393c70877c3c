"""``kg_docfacts``: what a document says about itself, and where every mention is.

- **The document as an entity.** A government document's own title — from the head table
  of a gov.cn page (标题：…, :mod:`kg.ingest.header`) or its opening lines — names a policy
  instrument: 国务院关于…的若干意见 is a Program, …的决定 a Law (by the head word, as
  《…》 titles; the other official document kinds of the closed class 通知, 函, 批复,
  请示… are Programs). It is ``issued`` by the 发文机关 of the head table, else by the
  bodies the title opens with; 关于印发《X》的通知 issues X instead. The evidence is the
  title line (rule :data:`kg.model.DOCUMENT_RULE`). A title with no issuer in it
  (关于…的通知) takes the bodies of the sign-off (落款) above the closing date.
- **Decrees.** 签署国务院令，公布《…条例》 / 以交通运输部令第5号发布《…规定》: the body
  whose 令 it is issued the Law (the signer is only mentioned).
- **Task notes.** The numbered tasks of a State Council document end with the bodies in
  charge: （发展改革委、商务部负责）, （X牵头，Y、Z按职责分工负责）. Each body
  ``implements`` (implicit) the Programs and Laws the task names other than the document's
  own topic (names inside its title), and the document's own instrument.
- **Every mention traceable.** Each entity of the document gets every mention's offsets
  and its sentence's (``EntityInfo.spans``); the text of each such sentence is kept once
  (``KGDoc.sentences``: sentence start → text, ``DocResult.sentences``).

>>> from kg.nlp.pipeline import make_nlp
>>> nlp = make_nlp()
>>> doc = nlp("国务院关于加快发展某某产业的意见\\n\\n各省、自治区、直辖市人民政府：\\n\\n"
...           "一、推进试点。（商务部、财政部负责）")
>>> sorted((r.subj, r.pred, r.obj) for r in doc._.kg.relations if r.rule.startswith("issued:doc"))
[('gov/state-council', 'issued', 'program/国务院关于加快发展某某产业的意见')]
>>> sorted(r.subj for r in doc._.kg.relations if r.rule == "implements:task")
['gov/mof', 'gov/mofcom']
>>> st = doc._.kg; s, e, ss, se = st.entities["gov/mof"].spans[0]
>>> st.sentences[ss] == st.text[ss:se], st.text[s:e]
(True, '财政部')
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from kg.ingest.header import read_header, read_signoff
from kg.model import DOCUMENT_RULE, EntityInfo, Mention, Relation
from kg.nlp.components.base import KGDoc, kgdoc, open_key
from kg.nlp.components.titles import title_type
from kg.nlp.gazetteer import Gazetteer, load_gazetteer
from kg.nlp.text import norm_name

#: The kinds of official document (党政机关公文处理工作条例: a closed class), plus the
#: 若干/指导/实施 forms of 意见 that title_heads types anyway; longest first.
DOC_KINDS = (
    "决议", "决定", "命令", "公报", "公告", "通告", "意见", "通知", "通报", "报告",
    "请示", "批复", "议案", "复函", "纪要", "函", "令",
)  # fmt: skip
_BODY = ("GovernmentBody", "Ministry")
_INSTRUMENT = ("Law", "Program")
#: 关于印发《X》的通知: the document issues X
_ISSUES = re.compile(r"关于(?:印发|发布|颁布)")
#: the document only passes on another body's document: it issues nothing itself
_FORWARDS = re.compile(r"转发|批转")
_KIND_END = re.compile("(?:" + "|".join(DOC_KINDS) + r")(?:[（(][^（）()]{1,12}[）)])?$")
_LEAD_LINES = 3
_MAX_TITLE = 90
_PROSE = frozenset("。；！？")
#: （X、Y负责） （X牵头，Y、Z按职责分工负责） （X等有关部门负责，…下同）
_NOTE = re.compile(r"[（(]([^（）()\n]{2,160}?)(?:按职责分工)?负责[^（）()\n]{0,40}[）)]")
_NOTE_SEP = re.compile(r"[、，,；;\s]|牵头|会同|配合|参与|及|和|等有关部门|等部门|等|[\u3000]")
#: a name in a note that no rule knows but that ends like a body's (文物局, 某某办): it is
#: left out, the known bodies of the note still count
_UNKNOWN_BODY = re.compile(r"[\u4e00-\u9fff]{1,10}[局部委署办院厅室会行社]")
#: a body's decree: 国务院令 / 交通运输部令第5号 (only when something is published by it)
_DECREE = re.compile(r"令(?:第[0-9０-９一二三四五六七八九十百零〇]+号)?")
_PUBLISH = re.compile(r"公布|发布|颁布")
#: the verb follows the decree closely (国务院令，公布 / 令第15号发布的)
_DECREE_GAP = 16


class DocFacts:
    """See the module docstring."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gaz = gazetteer

    def __call__(self, doc: Doc) -> Doc:
        st = kgdoc(doc)
        own = self._document(st)
        if "负责" in st.text:
            self._tasks(st, own)
        if "令" in st.text:
            self._decrees(st)
        text, sentences, sent_of = st.text, st.sentences, st.sent_of
        for m in st.mentions:  # every mention, with its sentence (its text once)
            e = st.entities.get(m.key)
            if e is not None:
                ss, se = sent_of(m.start)
                e.spans.append((m.start, m.end, ss, se))
                if se > ss and ss not in sentences:
                    sentences[ss] = text[ss:se]
        return doc

    # ------------------------------------------------------------ the document itself

    def _document(self, st: KGDoc) -> tuple[list[str], str]:
        """Add the document's own instrument and its ``issued``; returns the instrument
        keys and the document's title (normalised; "" when it has none)."""
        text = st.text
        head = read_header(text[:2600]) if "：" in text[:700] or ":" in text[:700] else {}
        issuers: list[Mention] = []
        span = None
        if "title" in head:
            f = head["title"]
            span = (f.start, f.end)
            if "issuer" in head:
                f = head["issuer"]
                issuers = [
                    m
                    for m in st.mentions
                    if f.start <= m.start and m.end <= f.end and m.type in _BODY
                ]
        else:
            span = self._lead_title(st)
        if span is None:
            return [], ""
        start, end = span
        title = norm_name(re.sub(r"\s+", "", text[start:end]))
        if not 4 <= len(title) <= _MAX_TITLE:
            return [], ""
        if not _KIND_END.search(title) and (
            "title" not in head or title_type(self.gaz, title) not in _INSTRUMENT
        ):  # the head table's title may be any instrument (某某条例); an opening line
            return [], ""  # must be an official document's (关于…的通知)
        inside = [m for m in st.mentions if start <= m.start and m.end <= end]
        about = title.find("关于")
        if not issuers:  # the bodies the title opens with (国务院办公厅 国家发展改革委关于…)
            issuers = self._leading_bodies(st, inside, start, end)
        if not issuers and about >= 0:  # else those who sign it (落款 above the date)
            sign = read_signoff(text).get("issuer")
            if sign is not None:
                issuers = [
                    m
                    for m in st.mentions[-40:]
                    if sign.start <= m.start and m.end <= sign.end and m.type in _BODY
                ]
        if about < 0 and not issuers:
            return [], title
        if about >= 0 and _FORWARDS.search(title[: about + 4]):
            return [], title
        sent = (start, end) if "\n" in text[start:end] else st.sent_of(start)
        if about >= 0 and _ISSUES.match(title, about):
            objs = [m for m in inside if m.type in _INSTRUMENT and m.rule == "title"]
        else:
            objs = [self._title_mention(st, start, end, title)]
        objs = [m for m in objs if m is not None]
        keys = list(dict.fromkeys(m.key for m in objs))
        sentence = text[sent[0] : sent[1]]
        for b in dict.fromkeys(m.key for m in issuers):
            for k in keys:
                st.relations.append(
                    Relation(b, "issued", k, sent[0], sent[1], sentence, DOCUMENT_RULE, 0.95)
                )
        return keys, title

    def _lead_title(self, st: KGDoc) -> tuple[int, int] | None:
        """The span of a title the text opens with, on up to three short lines."""
        text = st.text
        pos = len(text) - len(text.lstrip())
        start = pos
        acc = ""
        for _ in range(_LEAD_LINES):
            nl = text.find("\n", pos)
            end = len(text) if nl < 0 else nl
            line = text[pos:end].strip()
            if not line or len(acc) + len(line) > _MAX_TITLE or _PROSE.intersection(line):
                return None
            acc += line
            if _KIND_END.search(acc) and "关于" in acc:
                return start, end
            if nl < 0:
                return None
            pos = nl
            while pos < len(text) and text[pos] in "\n \u3000":
                pos += 1
        return None

    @staticmethod
    def _leading_bodies(st: KGDoc, inside: list[Mention], start: int, end: int) -> list[Mention]:
        out = []
        pos = start
        for m in inside:
            if m.start < pos:
                continue
            if st.text[pos : m.start].strip(" \u3000\n、，,和") or m.type not in _BODY:
                break
            out.append(m)
            pos = m.end
        return out

    def _title_mention(self, st: KGDoc, start: int, end: int, title: str) -> Mention | None:
        """The instrument the title names (an existing mention of the same span, else a
        new Law/Program mention by the head word)."""
        for m in st.mentions:
            if m.start == start and m.end == end and m.type in _INSTRUMENT:
                return m
        type_ = title_type(self.gaz, title) or "Program"
        if type_ not in _INSTRUMENT:
            type_ = "Program"
        m = Mention(
            start, end, st.text[start:end], type_, open_key(type_, title), title, "document"
        )
        ms = st.mentions
        i = len(ms)
        while i > 0 and ms[i - 1].start > start:
            i -= 1
        ms.insert(i, m)
        e = st.entities.get(m.key)
        if e is None:
            e = st.entities[m.key] = EntityInfo(m.key, type_, title)
        e.count += 1
        s, t = st.sent_of(start)
        if not e.examples:
            e.examples.append((s, t, st.text[s:t]))
        about = title.find("关于")
        if about > 0 and title[about:] not in e.aliases:
            e.aliases.append(title[about:])  # 关于…的意见: how other documents cite it
        return m

    # ------------------------------------------------------------ task notes

    def _tasks(self, st: KGDoc, own: tuple[list[str], str]) -> None:
        """（X、Y负责） after a numbered task: each body implements the task's instruments."""
        own_keys, title = own
        text = st.text
        ms = st.mentions
        for note in _NOTE.finditer(text):
            s, e = note.span(1)
            inner = [m for m in ms if s <= m.start and m.end <= e]
            bodies = [m for m in inner if m.type in _BODY]
            # the note lists bodies and nothing else
            rest = text[s:e]
            for m in reversed(inner):
                rest = rest[: m.start - s] + "\x00" + rest[m.end - s :]
            if not bodies or not all(
                _UNKNOWN_BODY.fullmatch(w) for w in _NOTE_SEP.sub("\x00", rest).split("\x00") if w
            ):
                continue
            ps = text.rfind("\n", 0, note.start()) + 1
            task = [
                m
                for m in ms
                if ps <= m.start
                and m.end <= note.start()
                and m.type in _INSTRUMENT
                and m.label not in title
            ]
            objs = list(dict.fromkeys([m.key for m in task] + own_keys))
            sentence = text[ps : note.end()]
            for b in dict.fromkeys(m.key for m in bodies):
                for k in objs:
                    st.relations.append(
                        Relation(
                            b,
                            "implements",
                            k,
                            ps,
                            note.end(),
                            sentence,
                            "implements:task",
                            0.8,
                            implicit=True,
                        )
                    )

    # ------------------------------------------------------------ decrees

    def _decrees(self, st: KGDoc) -> None:
        """X令(第N号) 公布《…》: the body X issued the Laws published after the verb, up to
        the next decree or the end of the sentence."""
        text = st.text
        ms = st.mentions
        for i, m in enumerate(ms):
            if m.type not in _BODY or not _DECREE.match(text, m.end, m.end + 8):
                continue
            s, t = st.sent_of(m.start)
            verb = _PUBLISH.search(text, m.end, min(t, m.end + _DECREE_GAP))
            if verb is None:
                continue
            for o in ms[i + 1 :]:
                if o.start >= t or (o.type in _BODY and _DECREE.match(text, o.end, o.end + 8)):
                    break
                if o.type == "Law" and o.start >= verb.end() and o.rule != "nested":
                    # (not the law a published 某某法实施条例 carries out: heads/nested_laws)
                    st.relations.append(
                        Relation(m.key, "issued", o.key, s, t, text[s:t], "issued:decree", 0.9)
                    )


@Language.factory("kg_docfacts", default_config={"gazetteer_dir": None})
def make_docfacts(nlp: Language, name: str, gazetteer_dir: str | None) -> DocFacts:
    return DocFacts(load_gazetteer(gazetteer_dir))
