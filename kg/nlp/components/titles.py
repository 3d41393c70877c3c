"""``kg_titles``: 《…》 titles, typed by their head word (法 → Law, 规划 → Program…)."""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from kg.model import Mention
from kg.nlp.components.base import kgdoc, open_key
from kg.nlp.components.heads.draft_laws import bill_law
from kg.nlp.components.heads.words import segmenter_freq
from kg.nlp.gazetteer import Gazetteer, load_gazetteer
from kg.nlp.text import norm_name

# the head of a package of measures (title_heads.tsv)
_MEASURES = "措施"
_TITLE = re.compile(r"《([^《》\n]{2,80})》")
# a trailing period in brackets: （2018—2020年）, （试行）, （2021年修订）
_TRAILER = re.compile(r"[（(][^（）()]{1,20}[）)]$")
# a broadcast's class noun right before its title: the title names the show or its
# episode, whatever its head word (节目《某某大会》, 播出第三集《…的实际行动》)
_WORK_BEFORE = re.compile(r"(?:第[一二三四五六七八九十\d]+集|系列报道|专题片|纪录片|电视片|节目)\Z")


def title_type(gaz: Gazetteer, inner: str) -> str | None:
    """The class of a title: the gazetteer's when known, else by its head word."""
    e = gaz.lookup(inner)
    if e is not None and e.type in ("Law", "Program"):
        return e.type
    core = _TRAILER.sub("", inner)
    ht = gaz.head_type(core)
    return ht[1] if ht and ht[1] in ("Law", "Program", "Event") else None


def measures_class(core: str) -> bool:
    """Whether a 《…措施》 title is a class noun: one dictionary word before 措施 (反制措施,
    保障措施); a package's title says what its measures are for (关于…的若干措施). (Titles
    whose head is longer, 若干措施 or 特别管理措施, are not asked.)

    >>> measures_class("反倾销措施"), measures_class("关于稳定外贸的若干措施")
    (True, False)
    """
    return core.endswith(_MEASURES) and core[: -len(_MEASURES)] in segmenter_freq()


class Titles:
    """Each 《title》 becomes a Law or Program mention (quote marks excluded)."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gaz = gazetteer

    def __call__(self, doc: Doc) -> Doc:
        st = kgdoc(doc)
        text = st.text
        for m in _TITLE.finditer(st.norm):
            start, end = m.span(1)
            inner = text[start:end]
            e = self.gaz.lookup(inner)
            if e is None:
                core = _TRAILER.sub("", inner)
                e = self.gaz.lookup(core) if core != inner else None
            if e is not None and e.type in ("Law", "Program", "Event"):
                st.candidates.append(Mention(start, end, inner, e.type, e.id, e.name, "title"))
                continue
            type_ = title_type(self.gaz, inner)
            if type_ is None or norm_name(inner) in self.gaz.not_entities:
                continue
            core = _TRAILER.sub("", norm_name(inner))
            if (self.gaz.head_type(core) or ("",))[0] == _MEASURES and measures_class(core):
                continue  # 《反制措施》: a kind of measures, no package of them
            if _WORK_BEFORE.search(st.norm, max(0, start - 9), start - 1):
                continue  # 节目《某某大会》, 第三集《…的实际行动》: a broadcast's title
            # 《某某法（草案）》: the bill is the law it will become (heads/draft_laws)
            bill = bill_law(self.gaz, inner) if type_ == "Law" else None
            key, label = bill or (open_key(type_, inner), norm_name(inner))
            st.candidates.append(Mention(start, end, inner, type_, key, label, "title"))
        st.candidates.extend(bare_titles(st))
        return doc


#: the shortest programme title whose words, unquoted, still name it (not 《规划》)
MIN_BARE = 8
#: what stands right before a title's words that are no part of a longer unquoted name:
#: not a name character, nor an opening quote (a line start, a space, punctuation, a
#: number's dot: 7.某某行动方案发布实施)
_BARE_BEFORE = re.compile(r"[\u4e00-\u9fffA-Za-z0-9·《“]")


def bare_titles(st) -> list[Mention]:
    """A programme's 《title》 written again without its marks (a headline: 某某行动方案发布
    实施; a summary line), its period in brackets left off or not: the same programme
    (rule ``title``). The words stand after no name character, or after the issuer when
    the title opens with 关于 (某某院关于…的意见).

    >>> from kg.nlp.components.base import KGDoc
    >>> t = "海岛兴农行动方案发布实施\\n近日，《海岛兴农行动方案（2026—2028年）》印发。"
    >>> st = KGDoc(t, t)
    >>> a = t.index("《") + 1
    >>> st.candidates.append(Mention(a, t.index("》"), "…", "Program", "p/x", "x", "title"))
    >>> [(m.start, m.text) for m in bare_titles(st)]
    [(0, '海岛兴农行动方案')]
    """
    titles = {}
    for m in st.candidates:
        if m.rule == "title" and m.type == "Program" and st.norm[m.start - 1 : m.start] == "《":
            core = _TRAILER.sub("", st.norm[m.start : m.end])
            if len(core) >= MIN_BARE:
                titles.setdefault(core, m)
    out = []
    norm = st.norm
    for core, m in titles.items():
        i = norm.find(core)
        while i >= 0:
            j = i + len(core)
            if not (i > 0 and _BARE_BEFORE.match(norm, i - 1) and not core.startswith("关于")):
                if norm[i - 1 : i] not in ("《", "“"):
                    out.append(Mention(i, j, st.text[i:j], m.type, m.key, m.label, "title"))
            i = norm.find(core, j)
    return out


@Language.factory("kg_titles", default_config={"gazetteer_dir": None})
def make_titles(nlp: Language, name: str, gazetteer_dir: str | None) -> Titles:
    return Titles(load_gazetteer(gazetteer_dir))
