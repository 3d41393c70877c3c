"""``kg_patterns``: names no list holds — programmes, events, quoted campaign names.

A bare name ends in a head word (``ontology/lexicon/open_heads.tsv``: 工程, 专项行动,
论坛, 合作年…) and starts after the last boundary word or punctuation before it
(``boundary_words.txt``: 实施|工业互联网创新发展工程). Quoted names take the head that
follows the quote (“清朗”系列专项行动 → 清朗系列专项行动). Event editions are folded:
第三届双品网购节 and 2021年第三届双品网购节 are one event, 双品网购节.
"""

from __future__ import annotations

import re
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from kg.model import Mention
from kg.nlp.components.base import kgdoc, open_key
from kg.nlp.gazetteer import ONTOLOGY_DIR, Gazetteer, _read_lines, load_gazetteer
from kg.nlp.text import norm_name

_NAME_CHAR = re.compile(r"[\u4e00-\u9fffA-Za-z0-9·]")
_EDITION = re.compile(r"^(?:(?:19|20)\d{2}年?)?(?:第[一二三四五六七八九十百零〇\d]+(?:届|次|期))?")
_GENERIC_PREFIX = (
    "本次", "这次", "此次", "该", "有关", "相关", "各类", "各级", "各种", "多个", "一系列", "重要",
    "系列", "上述", "这些", "那些", "其他", "其它", "一些", "部分", "专题", "主题", "国际性", "全国性",
    "地方", "新型", "多边", "双边", "区域", "国内", "全球性", "线上", "线下", "大型", "年度",
)


def _load_heads(directory: Path) -> list[tuple[str, str]]:
    heads = []
    for line in _read_lines(directory / "lexicon" / "open_heads.tsv"):
        parts = line.split()
        if len(parts) >= 2:
            heads.append((parts[0], parts[1]))
    return sorted(heads, key=lambda h: len(h[0]), reverse=True)


class Patterns:
    """Open-class Program and Event names from head words and quotes."""

    def __init__(self, gazetteer: Gazetteer, directory: Path, max_len: int = 24) -> None:
        self.gaz = gazetteer
        self.heads = _load_heads(directory)
        self.head_type = dict(self.heads)
        self.boundaries = sorted(set(_read_lines(directory / "lexicon" / "boundary_words.txt")), key=len, reverse=True)
        self.max_len = max_len
        alt = "|".join(re.escape(h) for h, _ in self.heads)
        self._head_re = re.compile(f"(?:{alt})")
        self._quoted = re.compile(r"“([^“”\n]{1,24})”(" + alt + r"|系列[\u4e00-\u9fff]{0,4}(?:" + alt + r"))?")
        self._boundary_re = re.compile("|".join(re.escape(b) for b in self.boundaries))

    def _left_edge(self, norm: str, head_start: int) -> int:
        """Where a bare name ending at ``head_start`` begins."""
        i = head_start
        lo = max(0, head_start - self.max_len)
        while i > lo:
            ch = norm[i - 1]
            if _NAME_CHAR.match(ch):
                i -= 1
            elif ch == "—" and i - 2 >= lo and _NAME_CHAR.match(norm[i - 2]) and (i < len(norm) and _NAME_CHAR.match(norm[i])):
                i -= 1
            else:
                break
        # the name starts after the last boundary word inside [i, head_start)
        best = i
        for m in self._boundary_re.finditer(norm, i, head_start):
            best = max(best, m.end())
        return best

    def _fold(self, name: str, type_: str) -> str:
        if type_ == "Event":
            folded = _EDITION.sub("", name)
            if len(folded) >= 4:
                return folded
        return name

    def _add(self, st, start: int, end: int, type_: str, rule: str) -> None:
        text = st.text
        surface = text[start:end]
        name = norm_name(surface)
        if len(name) < 4 or name in self.gaz.not_entities:
            return
        body = name
        for h, _ in self.heads:
            if name.endswith(h):
                body = name[: -len(h)]
                break
        if len(body) < 2 or body.startswith(_GENERIC_PREFIX) or body.isdigit():
            return
        e = self.gaz.lookup(name)
        if e is not None:
            st.candidates.append(Mention(start, end, surface, e.type, e.id, e.name, "gazetteer"))
            return
        canon = self._fold(name, type_)
        e = self.gaz.lookup(canon)
        if e is not None:
            st.candidates.append(Mention(start, end, surface, e.type, e.id, e.name, "gazetteer"))
            return
        st.candidates.append(Mention(start, end, surface, type_, open_key(type_, canon), canon, rule))

    def __call__(self, doc: Doc) -> Doc:
        st = kgdoc(doc)
        norm = st.norm
        quoted_spans = []
        for m in self._quoted.finditer(norm):
            inner_s, inner_e = m.span(1)
            inner = norm[inner_s:inner_e]
            if m.group(2):
                head = m.group(2)
                h = next((h for h, _ in self.heads if head.endswith(h)), None)
                type_ = self.head_type.get(h or "", "Program")
                self._add(st, inner_s - 1, m.end(), type_, "pattern")
                quoted_spans.append((m.start(), m.end()))
            else:
                h = next((h for h, _ in self.heads if inner.endswith(h)), None)
                if h is not None:
                    self._add(st, inner_s, inner_e, self.head_type[h], "pattern")
                    quoted_spans.append((m.start(), m.end()))
        for m in self._head_re.finditer(norm):
            hs, he = m.span()
            # the head must end a word: not followed by more name characters that
            # extend it into something else (论坛上 is fine, 工程师 is not)
            if he < len(norm) and norm[he] in "师院局处部厅者":
                continue
            if any(s <= hs < e for s, e in quoted_spans):
                continue
            start = self._left_edge(norm, hs)
            if hs - start < 2:
                continue
            self._add(st, start, he, self.head_type[m.group()], "pattern")
        return doc


@Language.factory("kg_patterns", default_config={"gazetteer_dir": None, "max_len": 24})
def make_patterns(nlp: Language, name: str, gazetteer_dir: str | None, max_len: int) -> Patterns:
    directory = Path(gazetteer_dir) if gazetteer_dir else ONTOLOGY_DIR
    return Patterns(load_gazetteer(gazetteer_dir), directory, max_len)
