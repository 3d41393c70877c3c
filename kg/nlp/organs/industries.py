"""The industry ministries of the planned economy, named by their industry (冶金工业部,
纺织工业部, 第一机械工业部, 石油化学工业部): an industry noun + 工业部 is a ministry of
the State Council of its time, whatever name it later took; no list names them all.

工业部门 (an industry's sector), 汽车工业部件 (a part), 各工业部, 有关工业部 and 八个工业部
(a class of ministries) are no names. The word right before 工业部 must be a common noun
of jieba's dictionary (tagged n or nz: no place, person or organisation name), or make a
dictionary word with 工业 (重工业, 化学工业), with no function character; no place or
country ends right before it or its industry (新疆|工业部件, 某国|重工业部: not China's),
and no class marker (各, 诸, 有关, a numeral) stands before the name. One more noun of two
characters or more may open it (石油|化学工业部), never a one-character word (原|纺织工业部:
the former ministry); an ordinal may open any of them (第一机械工业部, 第二轻工业部).

>>> INDUSTRY_MINISTRY.search("纺织工业部、轻工业部").group()
'工业部'
>>> INDUSTRY_MINISTRY.search("地方工业部门") is None
True
"""

from __future__ import annotations

import re

from kg.model import CHINA_KEY, Mention
from kg.nlp.organs.shapes import CJK, ORDINAL, PLACE_STOP_CHARS, STOP_CHARS
from kg.nlp.text import jieba_tags

# 工业部 not followed by a character that makes it another word (部门, 部队, 部分, 部署,
# 部位, 部件, 部类, 部长: a post is the post rule's)
INDUSTRY_MINISTRY = re.compile(r"工业部(?![门队分署位件类长])")
# the ministries counted by an ordinal (第一机械工业部, 第二轻工业部)
ORDINAL_BEFORE = re.compile(f"(?:{ORDINAL.pattern})$")
# jieba's tags of a common noun (not ns, nr, nt: a place's, a person's, a body's name)
NOUN_TAGS = frozenset({"n", "nz"})
# a stem ending so names a party committee or a party (市委, 省委)
COMMITTEE_ENDS = frozenset("委党")
# what makes the name a class of ministries (各|某某工业部, 有关, 诸, 三个, 两)
CLASS_MARKERS = ("各", "诸", "有关", "个", "几", "两", "数", *"一二三四五六七八九十百")
# the longest industry name before 工业部 (建筑材料, 石油化学)
MAX_STEM = 4
# nouns that say whose ministries, not which (中央工业部, 全国工业部: the centre's)
GENERIC = frozenset({"国家", "中央", "全国", "有关", "各级"})


class IndustriesMixin:
    """The industry-ministry rule of :class:`~kg.nlp.organs.OrganFinder`."""

    def industry_ministries(self, found: dict, st, places: dict, countries: dict) -> None:
        """Each 工业部 after an industry noun (煤炭|工业部, 化学工业|部, 电力工业部 as one
        word): the ministry from the start of the word holding the character before 工业部,
        with one more noun of two characters or more before it when the two hold four
        characters or fewer (石油|化学工业|部), and an ordinal before it (第一|机械工业部).
        ``places`` and ``countries``: the Location and Country candidates by their end."""
        norm = st.norm
        tags = jieba_tags()
        china = Mention(0, 0, "", "Country", CHINA_KEY, "", "")  # (no country: as China)
        for m in INDUSTRY_MINISTRY.finditer(norm):
            p, e = m.start(), m.end()
            s = self._word_start(st, p - 1)
            if s is None or not self._industry(norm[s:p], tags) or norm[s:p] in GENERIC:
                continue
            if norm[p - 1] in COMMITTEE_ENDS:
                continue  # 市委|工业部: a party committee's department, no ministry
            q = self._word_start(st, s - 1) if s >= 1 else None
            w = norm[q:s] if q is not None else ""
            if len(w) >= 2 and p - q <= MAX_STEM and tags.get(w) == "n":
                if self._industry(w, tags) and w not in GENERIC and PLACE_STOP_CHARS.isdisjoint(w):
                    s = q  # 石油|化学工业部, 机械|电子工业部
            if any(x in places or countries.get(x, china).key != CHINA_KEY for x in (s, p)):
                continue  # 新疆|工业部件, 某国|重工业部: a place's, not China's ministry
            o = ORDINAL_BEFORE.search(norm, max(0, s - 4), s)
            if o is not None:
                s = o.start()
            elif norm.endswith(CLASS_MARKERS, 0, s):
                continue  # 各|国防工业部: a class of ministries
            if (s, e) not in found and not any(a <= s and e <= b for a, b in found):
                found[(s, e)] = self.mention(st.text, s, e, norm[s:e])

    @staticmethod
    def _word_start(st, i: int) -> int | None:
        """The start of the jieba word holding character ``i`` (None: not a Chinese word)."""
        if i < 0 or not CJK.match(st.norm[i]):
            return None
        s = i
        while s > 0 and s not in st.tok_starts and CJK.match(st.norm[s - 1]):
            s -= 1
        return s if s in st.tok_starts or s == 0 else None

    @staticmethod
    def _industry(stem: str, tags) -> bool:
        """Whether ``stem`` may name an industry: 1–4 Chinese characters with no function
        character, a common noun of jieba's dictionary (n, nz) or a word with 工业
        (重工业)."""
        if not 1 <= len(stem) <= MAX_STEM or any(ch in STOP_CHARS for ch in stem):
            return False
        if not all(CJK.match(ch) for ch in stem):
            return False
        if tags.get(stem) in NOUN_TAGS or (stem + "工业") in tags:
            return True
        # two nouns jieba's dictionary holds as one name (石油化学, tagged nt)
        return len(stem) == 4 and tags.get(stem[:2]) == "n" == tags.get(stem[2:])
