"""The industry ministries of the planned economy, named by their industry (冶金工业部,
纺织工业部, 第一机械工业部, 石油化学工业部): an industry noun + 工业部 is a ministry of
the State Council of its time, whatever name it later took; no list names them all.

工业部门 (an industry's sector), 各工业部, 有关工业部 and 八个工业部 (a class of
ministries) are no names: the word right before 工业部 must be a noun of jieba's
dictionary, or make a dictionary word with 工业 (重工业, 化学工业), and no function word,
pronoun or numeral may open it.

>>> INDUSTRY_MINISTRY.search("纺织工业部、轻工业部").group()
'工业部'
>>> INDUSTRY_MINISTRY.search("地方工业部门") is None
True
"""

from __future__ import annotations

import re

from kg.nlp.organs.shapes import CJK, STOP_CHARS

# 工业部 not followed by a character that makes it another word (部门, 部队, 部分, 部署,
# 部位, 部长: a post is the post rule's)
INDUSTRY_MINISTRY = re.compile(r"工业部(?![门队分署位长])")
# the ministries counted by an ordinal (第一机械工业部, 第二机械工业部)
ORDINAL_BEFORE = re.compile(r"第[一二三四五六七八九]$")
# the longest industry name before 工业部 (建筑材料, 石油化学)
MAX_STEM = 4
# nouns that say whose ministries, not which (中央工业部, 全国工业部: the centre's)
GENERIC = frozenset({"国家", "中央", "全国", "有关", "各级"})


class IndustriesMixin:
    """The industry-ministry rule of :class:`~kg.nlp.organs.OrganFinder`."""

    def industry_ministries(self, found: dict, st) -> None:
        """Each 工业部 after an industry noun (煤炭|工业部, 化学工业|部, 电力工业部 as one
        word): the ministry from the start of the word holding the character before 工业部,
        with one more noun before it when the two hold four characters or fewer
        (石油|化学工业|部), and an ordinal before 机械 (第一|机械工业部)."""
        from kg.nlp.text import jieba_tags

        norm = st.norm
        tags = jieba_tags()
        for m in INDUSTRY_MINISTRY.finditer(norm):
            p, e = m.start(), m.end()
            s = self._word_start(st, p - 1)
            if s is None or not self._industry(norm[s:p], tags) or norm[s:p] in GENERIC:
                continue
            q = self._word_start(st, s - 1) if s >= 1 else None
            if q is not None and p - q <= MAX_STEM and tags.get(norm[q:s], "").startswith("n"):
                if self._industry(norm[q:s], tags) and norm[q:s] not in GENERIC:
                    s = q  # 石油|化学工业部, 机械|电子工业部
            o = ORDINAL_BEFORE.search(norm, max(0, s - 2), s)
            if o is not None and norm[s:p] == "机械":
                s = o.start()
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
        character, a noun of jieba's dictionary or a word with 工业 (重工业)."""
        if not 1 <= len(stem) <= MAX_STEM or any(ch in STOP_CHARS for ch in stem):
            return False
        if not all(CJK.match(ch) for ch in stem):
            return False
        return tags.get(stem, "").startswith("n") or (stem + "工业") in tags
