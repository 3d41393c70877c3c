"""``kg_patterns``: names no list holds — programmes, events, quoted campaign names.

A bare name ends in a head word (``ontology/lexicon/open_heads.tsv``: 工程, 专项行动,
论坛, 合作年…) and starts after the last boundary word or punctuation before it
(``boundary_words.txt``: 实施|工业互联网创新发展工程). Quoted names take the head that
follows the quote (“清朗”系列专项行动 → 清朗系列专项行动). Event editions are folded:
第三届双品网购节 and 2021年第三届双品网购节 are one event, 双品网购节.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from kg.model import Mention
from kg.nlp.components.base import kgdoc, open_key
from kg.nlp.gazetteer import ONTOLOGY_DIR, Gazetteer, _read_lines, load_gazetteer
from kg.nlp.organs import OrganFinder
from kg.nlp.text import norm_name

_NAME_CHAR = re.compile(r"[\u4e00-\u9fffA-Za-z0-9·]")
_EDITION = re.compile(r"^(?:(?:19|20)\d{2}年?)?(?:第[一二三四五六七八九十百零〇\d]+(?:届|次|期))?")
_GENERIC_PREFIX = (
    "本次", "这次", "此次", "该", "有关", "相关", "各类", "各级", "各种", "多个", "一系列", "重要",
    "系列", "上述", "这些", "那些", "其他", "其它", "一些", "部分", "专题", "主题", "国际性", "全国性",
    "地方", "新型", "多边", "双边", "区域", "国内", "全球性", "线上", "线下", "大型", "年度",
    "多国", "各国", "多项", "各项", "一批", "若干", "国家级", "省级", "市级", "县级", "一流大学",
)
# a counted phrase ends the left context: 遴选4个|…, 258个|试点示范项目, 五大|工程
_COUNTED = re.compile(r"(?:[\d一二三四五六七八九十百千万两几多]+(?:个|项|批|家|所|类|种|条|座|大|支|期))")
_COUNT_ONLY = re.compile(r"[\d一二三四五六七八九十百千万两几多]+(?:个|项|批|家|所|类|种|条|座|大|支|期)?")
_QUOTED_NAME = re.compile(r"[\u4e00-\u9fffA-Za-z0-9·—]{1,10}")
# boundary words that also occur inside names (学院建设示范项目, 扶贫开发大数据平台)
_NAME_INTERNAL = frozenset({"建设", "建成", "开发", "组织", "形成", "整合", "集成", "合作"})
# heads that are heads only as a word of their own (扶贫|网, not 互联网)
_TOKEN_HEADS = frozenset({"网"})


def _load_heads(directory: Path) -> tuple[list[tuple[str, str]], frozenset[str]]:
    heads, weak = [], set()
    for line in _read_lines(directory / "lexicon" / "open_heads.tsv"):
        parts = line.split()
        if len(parts) >= 2:
            heads.append((parts[0], parts[1]))
            if len(parts) > 2 and parts[2] == "weak":
                weak.add(parts[0])
    return sorted(heads, key=lambda h: len(h[0]), reverse=True), frozenset(weak)


# jieba dictionary tags of words that never open or continue a name: adverbs,
# prepositions, conjunctions, pronouns, particles (严格|执行, 按|…, 或者|…, 我们|…, 这次|…)
_CUT_TAGS = ("d", "ad", "p", "c", "r", "u")
_NOT_CUT = frozenset({"与", "和", "及", "中", "国", "本", "第"})


@lru_cache(maxsize=1)
def _cut_words() -> frozenset[str]:
    """Words of jieba's dictionary whose tag (``_CUT_TAGS``) ends the context of a name."""
    import jieba

    out = set()
    try:
        with open(Path(jieba.__file__).with_name("dict.txt"), encoding="utf-8") as fh:
            for line in fh:
                parts = line.split()
                if len(parts) == 3 and len(parts[0]) <= 4 and parts[2] in _CUT_TAGS:
                    out.add(parts[0])
    except OSError:  # pragma: no cover
        pass
    return frozenset(out - _NOT_CUT)


# a weak head's name is specific when it opens with one of these, a year, a period
# (“十四五”, 2021—2025年) or an edition (第三届)
_SPECIFIC_PREFIX = ("国家", "全国", "中国", "中华", "中央", "国际", "世界", "全球", "亚洲", "亚太", "首届")
_PERIOD = re.compile(r"(?:(?:19|20)\d{2}|第[一二三四五六七八九十百零〇\d]+(?:届|次|期|个)|[一二三四五六七八九十]{1,3}五)")


class Patterns:
    """Open-class Program and Event names from head words and quotes."""

    def __init__(self, gazetteer: Gazetteer, directory: Path, max_len: int = 24) -> None:
        self.gaz = gazetteer
        self.heads, self.weak_heads = _load_heads(directory)
        self._cut_words = _cut_words()
        self.head_type = dict(self.heads)
        self.boundaries = sorted(set(_read_lines(directory / "lexicon" / "boundary_words.txt")), key=len, reverse=True)
        self.max_len = max_len
        alt = "|".join(re.escape(h) for h, _ in self.heads)
        self._head_re = re.compile(f"(?:{alt})")
        # after a quoted name, a few more heads are safe: “云间高速”项目, “净网”行动
        self.quoted_heads = sorted(
            {h for h in _read_lines(directory / "lexicon" / "quoted_heads.txt")} - set(self.head_type),
            key=len,
            reverse=True,
        )
        qalt = "|".join(re.escape(h) for h in sorted({*self.head_type, *self.quoted_heads}, key=len, reverse=True))
        self._quoted = re.compile(r"“([^“”\n]{1,24})”(" + qalt + r"|系列[\u4e00-\u9fff]{0,4}(?:" + qalt + r"))?")
        generic = sorted(set(_read_lines(directory / "lexicon" / "generic_modifiers.txt")), key=len, reverse=True)
        self._generic_re = re.compile("(?:" + "|".join(re.escape(g) for g in generic) + ")+") if generic else re.compile("(?!)")
        self._boundary_re = re.compile("|".join(re.escape(b) for b in self.boundaries))
        self.organs = OrganFinder(gazetteer, directory)

    def _cuts(self, norm: str, i: int, hs: int, st) -> list[tuple[int, str]]:
        """Positions in ``[i, hs)`` after which a bare name may start, with what cut there.

        A boundary word cuts only where it is a whole word (等 cuts 平台等资源, not 高等教育;
        就 cuts 就是, not 就业); a counted phrase (4个, 五大) cuts after its counter; 暨 joins
        two names (双品网购节暨非洲好物网购节).
        """
        cuts = []
        for m in self._boundary_re.finditer(norm, i, hs):
            a, b = m.span()
            if (a in st.tok_starts or a == i) and (b in st.tok_ends or b == hs):
                cuts.append((b, m.group()))
        # a word of a cutting class (adverb, preposition, conjunction, pronoun, particle)
        a = i
        while a < hs:
            b = a + 1
            while b < hs and b not in st.tok_starts:
                b += 1
            if a in st.tok_starts and b in st.tok_ends and norm[a:b] in self._cut_words:
                cuts.append((b, "~"))
            a = b
        for m in _COUNTED.finditer(norm, i, hs):
            if m.end() in st.tok_ends:  # 五大|工程, 4个|…, not 24365大|学生
                cuts.append((m.end(), "#"))
        cuts.sort()
        return cuts

    def _left_edge(self, norm: str, head_start: int, st) -> tuple[int, str | None]:
        """Where a bare name ending at ``head_start`` begins, and the cut word before it."""
        i = head_start
        lo = max(0, head_start - self.max_len)
        while i > lo:
            ch = norm[i - 1]
            if _NAME_CHAR.match(ch):
                i -= 1
            elif ch == "—" and i - 2 >= lo and _NAME_CHAR.match(norm[i - 2]) and (
                i < len(norm) and _NAME_CHAR.match(norm[i])
            ):
                i -= 1
            else:
                break
        # the name starts after the last cut; a cut word that also occurs inside names
        # (实施|一流网络安全学院建设示范项目) is passed over when it would leave no body
        start, cut = i, None
        for pos, word in reversed(self._cuts(norm, i, head_start, st)):
            if head_start - pos >= 2 or word not in _NAME_INTERNAL:
                start, cut = pos, word
                break
        return start, cut

    def _quoted_before(self, norm: str, start: int) -> int | None:
        """Start of a short quoted name that ends right at ``start`` (“十四五”|数字经济…)."""
        if start < 3 or norm[start - 1] != "”":
            return None
        j = norm.rfind("“", max(0, start - 12), start - 1)
        if j < 0 or not _QUOTED_NAME.fullmatch(norm, j + 1, start - 1):
            return None
        return j

    @staticmethod
    def _specific(norm: str, start: int, named_starts: set[int]) -> bool:
        """Whether a name opening at ``start`` shows it is specific (see ``_SPECIFIC_PREFIX``)."""
        if start in named_starts or norm.startswith(_SPECIFIC_PREFIX, start):
            return True
        if start < len(norm) and norm[start].isascii() and norm[start].isalnum():
            return True  # G20…, APEC…
        return bool(_PERIOD.match(norm, start))

    def _fold(self, name: str, type_: str) -> str:
        if type_ == "Event":
            folded = _EDITION.sub("", name)
            if len(folded) >= 4:
                return folded
        return name

    def _head_of(self, name: str) -> str | None:
        for h, _ in self.heads:
            if name.endswith(h):
                return h
        for h in self.quoted_heads:
            if name.endswith(h):
                return h
        return None

    def _generic(self, body: str) -> bool:
        """A body that names nothing: generic words only, a count, or a class prefix."""
        return (
            len(body) < 2
            or body.isdigit()
            or body.startswith(_GENERIC_PREFIX)
            or bool(self._generic_re.fullmatch(body))
            or bool(_COUNT_ONLY.fullmatch(body))
        )

    def _add(self, st, start: int, end: int, type_: str, rule: str, quoted: tuple[int, int] | None = None) -> None:
        """Add the name ``text[start:end]``; ``quoted`` is the span of a quoted part that
        opens it (“一带一路”发展战略): when that part is a known name and the rest is only
        generic words, the mention is the known entity under a longer form."""
        text = st.text
        surface = text[start:end]
        j = surface.find("暨")
        if j > 0:  # 第四届双品网购节暨非洲好物网购节: two events
            for a, b in ((start, start + j), (start + j + 1, end)):
                if self._head_of(norm_name(text[a:b])):
                    self._add(st, a, b, type_, rule)
            return
        name = norm_name(surface)
        if len(name) < 4 or name in self.gaz.not_entities:
            return
        h = self._head_of(name)
        body = name[: -len(h)] if h else name
        body = _EDITION.sub("", body) if type_ == "Event" else body
        e = self.gaz.lookup(name)
        if e is not None:
            st.candidates.append(Mention(start, end, surface, e.type, e.id, e.name, "gazetteer"))
            return
        if quoted is not None:
            q = norm_name(text[quoted[0] : quoted[1]])
            rest = body[len(q) :]
            qe = self.gaz.lookup(q)
            if qe is not None and qe.type in ("Program", "Event") and (not rest or self._generic(rest)):
                st.candidates.append(Mention(start, end, surface, qe.type, qe.id, qe.name, "gazetteer"))
                return
        if self._generic(body) or (quoted is None and type_ == "Program" and len(body) < 3):
            return  # 发展战略, 合作倡议; 绿化工程, 修复工程: too short to name anything
        if self.gaz.head_type(self._fold(name, type_)) and self.gaz.head_type(self._fold(name, type_))[0] == self._fold(name, type_):
            return  # 第十二次全国代表大会 → 全国代表大会: a class noun once the edition goes
        canon = self._fold(name, type_)
        e = self.gaz.lookup(canon)
        if e is not None:
            st.candidates.append(Mention(start, end, surface, e.type, e.id, e.name, "gazetteer"))
            return
        st.candidates.append(Mention(start, end, surface, type_, open_key(type_, canon), canon, rule))

    def __call__(self, doc: Doc) -> Doc:
        st = kgdoc(doc)
        norm = st.norm
        st.candidates.extend(self.organs.find(st))
        quoted_spans = []
        for m in self._quoted.finditer(norm):
            inner_s, inner_e = m.span(1)
            inner = norm[inner_s:inner_e]
            if m.group(2) and m.end() not in st.tok_ends and m.end() < len(norm) and _NAME_CHAR.match(norm[m.end()]):
                continue  # “IPv6+”网络底座: the head runs on into another word
            if m.group(2):
                head = m.group(2)
                h = self._head_of(head)
                type_ = self.head_type.get(h or "", "Program")
                self._add(st, inner_s - 1, m.end(), type_, "pattern", quoted=(inner_s, inner_e))
                quoted_spans.append((m.start(), m.end()))
            else:
                h = next((h for h, _ in self.heads if inner.endswith(h)), None)
                if h is not None:
                    self._add(st, inner_s, inner_e, self.head_type[h], "pattern")
                    quoted_spans.append((m.start(), m.end()))
        n = len(norm)
        named_starts = {
            c.start for c in st.candidates
            if c.type in ("Location", "Country", "GovernmentBody", "Ministry", "Organization")
        }
        for m in self._head_re.finditer(norm):
            hs, he = m.span()
            # the head must end a word: not followed by more name characters that
            # extend it into something else (论坛上 is fine, 工程师 is not)
            if he < n and norm[he] in "师院局处部厅者":
                continue
            if any(s <= hs < e for s, e in quoted_spans):
                continue
            head = m.group()
            if head in _TOKEN_HEADS and not (hs in st.tok_starts and he in st.tok_ends):
                continue  # 网 of 互联网, 电网: not a head
            if he < n and he not in st.tok_ends and _NAME_CHAR.match(norm[he]):
                continue  # 战略|机遇期, 规划|许可证: the head runs on into another word
            start, cut = self._left_edge(norm, hs, st)
            if cut == "等":
                continue  # A、B等资源服务平台: a class noun after 等
            quoted = None
            q = self._quoted_before(norm, start)
            if q is not None:
                quoted = (q + 1, start - 1)
                start = q
            if hs - start < 2:
                continue
            if head in _TOKEN_HEADS and not norm.startswith(("中国", "国家"), start) and quoted is None:
                continue  # …网 only in 中国社会扶贫网-style names
            if head in self.weak_heads and quoted is None and not self._specific(norm, start, named_starts):
                continue  # 用地规划, 村民会议, 能源基地: class nouns
            self._add(st, start, he, self.head_type[head], "pattern", quoted=quoted)
        return doc


@Language.factory("kg_patterns", default_config={"gazetteer_dir": None, "max_len": 24})
def make_patterns(nlp: Language, name: str, gazetteer_dir: str | None, max_len: int) -> Patterns:
    directory = Path(gazetteer_dir) if gazetteer_dir else ONTOLOGY_DIR
    return Patterns(load_gazetteer(gazetteer_dir), directory, max_len)
