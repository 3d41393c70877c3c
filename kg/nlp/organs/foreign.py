"""Foreign organs beyond the lexicon's country + organ: embassies (芬兰驻华大使馆), a
country's agency no lexicon lists (新加坡海事发展管理局), a country's first-level
division (美国|俄亥俄州), and the country a list of posts names once for its organs.

>>> EMBASSY.search("巴西驻智利大使馆").group(1)
'智利'
"""

from __future__ import annotations

import bisect
import re

from kg.model import Mention
from kg.nlp.organs.shapes import NAME_INTERNAL, PLACE_STOP_CHARS, STOP_CHARS
from kg.nlp.organs.subunits import SUB_BAD_START

# a foreign country's agency no lexicon lists: the country, 2–8 characters, an agency head
# (新加坡|海事发展管理|局, 印度|空间研究与应用|局, 美国|航空航天|局)
AGENCY_HEADS = "管理局|总局|委员会|局|署"
AGENCY = re.compile(r"([\u4e00-\u9fff]{2,8}?)(?:" + AGENCY_HEADS + r")(?!长)")
# verbs jieba keeps as one word that end in a one-character agency head (某国今天签署,
# 某国近日部署): no agency. Words ending in 局 are the dictionary's (head_is_word_end);
# 署 ends agency names the dictionary tags as loosely as these verbs (审计署 v, 部署 n)
HEAD_VERBS = frozenset({"签署", "部署", "联署", "连署", "副署", "布署"})
EMBASSY = re.compile(r"驻([\u4e00-\u9fff]{1,8}?)(?:大使馆|总领事馆|领事馆|使馆|代表处|代表团)")
# a date before 日/月… (6日国务院, 六日国务院): the 日 is the day, no country (日本)
DATE_CHARS = frozenset("月年号〇零一二三四五六七八九十廿卅")
# a foreign first-level division after its country (美国|俄亥俄州, 日本|福岛县)
FOREIGN_REGION = re.compile(r"([\u4e00-\u9fff]{2,7}?)(?:州|省|邦|县)")
# how far back a list of posts may name the country of its organs, and what ends a clause
LIST_REACH = 40
CLAUSE_BREAKS = frozenset("，。；：！？\n（）()")


class ForeignMixin:
    """The foreign-organ rules of :class:`~kg.nlp.organs.OrganFinder`."""

    def embassies(self, found: dict, st, countries: dict[int, Mention], extra: list) -> None:
        """Embassies and missions after their country (芬兰驻华大使馆): ``驻`` + China or a
        known country or place + a mission head."""
        text, norm = st.text, st.norm
        for m in EMBASSY.finditer(norm):
            target = m.group(1)
            if (
                target != "华"
                and target not in self.country_names
                and target not in self.place_names
            ):
                continue  # 驻外使馆, 驻该国使馆: no particular mission
            q = self.name_before(norm, m.start(), self.country_names, self.country_lengths)
            if q is not None:
                if m.start() not in countries:
                    extra.append(self.country(text, q[0], m.start(), q[1]))
                self.emit_foreign(found, text, q[1], q[0], m.end(), m.group())

    def post_at(self, norm: str, i: int) -> bool:
        """A post title (posts.txt) starts at ``i``: 议长, 主席, 第一副主席."""
        return any(norm.startswith(p, i) for p in self.post_heads.get(norm[i : i + 1], ()))

    def post_end(self, norm: str, i: int) -> int | None:
        """End of the longest post title (posts.txt) starting at ``i``, after 原 (former)."""
        if norm.startswith("原", i):
            i += 1
        for p in self.post_heads.get(norm[i : i + 1], ()):
            if norm.startswith(p, i):
                return i + len(p)
        return None

    def list_country(self, norm: str, s: int, countries: dict[int, Mention]) -> str | None:
        """The country a list of posts names once for several of its organs: the organ at
        ``s`` opens an item after 、 and the nearest earlier item of the clause opens with
        a country (智利众议院议长甲、参议院议长乙; 某国总统、国民议会议长).
        Another country between them, or a clause break, and the organ has no owner."""
        lo = max(0, s - LIST_REACH)
        for j in range(s - 2, lo - 1, -1):
            ch = norm[j]
            if ch in CLAUSE_BREAKS:
                return None
            c = countries.get(j + 1)
            if c is not None:
                return c.key
            # a country inside a longer name (俄罗斯国家杜马 is the gazetteer's one body)
            q = self.name_before(norm, j + 1, self.country_names, self.country_lengths)
            if q is not None:
                return q[1]
        return None

    def foreign_region(self, found: dict, st, c: Mention) -> None:
        """A foreign country's state, province or prefecture right after the country's
        name (美国|俄亥俄州, 日本|福岛县, 印度|喀拉拉邦): a Location no gazetteer lists.
        The name is whole jieba words with no function or common word in it (美国各州,
        美国一些州 are none)."""
        country = self.gaz.entries.get(c.key)
        norm = st.norm
        if country is None or country.iso == "CHN" or c.end not in st.tok_starts:
            return
        m = FOREIGN_REGION.match(norm, c.end)
        if m is None or m.end() not in st.tok_ends:
            return
        if country.iso == "JPN" and norm[m.end() - 1] == "省":
            return  # Japan's 省 are ministries (总务省, 外务省); its divisions are 都道府县
        mid = m.group(1)
        if (
            any(ch in PLACE_STOP_CHARS for ch in mid)
            or mid in self.place_stop
            or self.has_non_place_word(norm, c.end, m.end(1), st)
        ):
            return
        from kg.nlp.components.base import open_key

        name = norm[c.end : m.end()]
        if self.gaz.lookup(name) is not None:
            return  # a known place (the gazetteer's match stands)
        found.setdefault(
            (c.end, m.end()),
            Mention(c.end, m.end(), st.text[c.end : m.end()], "Location",
                    open_key("Location", name), name, "organ"),
        )

    def agency(self, found: dict, st, c: Mention, others: list[int]) -> None:
        """A foreign country's agency: the country, a middle of name words (no function
        word, no boundary word) and an agency head ending the word (新加坡海事发展管理局).
        China's own bodies are the gazetteer's and the organ rules'."""
        country = self.gaz.entries.get(c.key)
        if country is None or country.iso == "CHN":
            return
        norm = st.norm
        m = AGENCY.match(norm, c.end)
        if not m or SUB_BAD_START.match(norm, c.end) or m.end() not in st.tok_ends:
            return
        mid = m.group(1)
        if m.end() - m.end(1) == 1 and not self.head_is_word_end(m.end() - 1, st):
            return  # 美国经济格局: 局 ends the word 格局, no agency
        if norm[m.end() - 2 : m.end()] in HEAD_VERBS and m.end() - 2 in st.tok_starts:
            return  # 某国今天签署: 署 ends the verb 签署
        if any(ch in STOP_CHARS for ch in mid) or (
            self.boundary is not None
            and any(w.group() not in NAME_INTERNAL for w in self.boundary.finditer(mid))
        ):
            return
        # runs into another name; one right after the country is the agency's own name
        # (英国|国家统计局 is Britain's, not China's 国家统计局)
        i = bisect.bisect_right(others, c.end)
        if i < len(others) and others[i] < m.end():
            return
        if (c.start, m.end()) in found or any(s <= c.start and m.end() <= e for s, e in found):
            return
        name = country.name + norm[c.end : m.end()]
        found[(c.start, m.end())] = self.mention(st.text, c.start, m.end(), name)
