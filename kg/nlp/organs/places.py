"""Places before an organ: a gazetteer place, an administrative name (2–6 characters +
省/市/县…) jieba's view of which is a place, or a district word of the dictionary
before a court or police organ (朝阳|法院); chained (湖南省 + 和平县 + 公安局).

>>> "人民法院" in DISTRICT_ORGANS, "全国" in NOT_DISTRICTS
(True, True)
"""

from __future__ import annotations

from kg.model import Mention
from kg.nlp.organs.shapes import ADMIN1, CJK, PLACE_STOP_CHARS

# characters of organ names: a place name holding one is not a place (县委县政府)
ORGAN_CHARS = frozenset("委府局厅院办所队部署")
# organs named after a district without its unit (朝阳法院, 宜昌看守所), and place words
# of jieba's dictionary that name no district
DISTRICT_ORGANS = frozenset(
    {"人民法院", "人民检察院", "公安局", "公安分局", "派出所", "看守所", "交警支队"}
)
NOT_DISTRICTS = frozenset(
    {
        "中华",
        "中国",
        "全国",
        "世界",
        "国际",
        "东方",
        "西方",
        "南方",
        "北方",
        "山区",
        "地方",
        "各地",
        "当地",
        "内地",
        "本地",
        "中央",
        "海外",
        "国内",
        "境内",
        "境外",
        "沿海",
        "边疆",
        "农村",
        "城市",
        "城乡",
        "亚洲",
        "欧洲",
        "外国",
        "本国",
        "他国",
        "各国",
        "该国",
        "邻国",
        "两国",
        "外地",
        "异地",
        "非洲",
        "美洲",
    }
)


class PlacesMixin:
    """The place rules of :class:`~kg.nlp.organs.OrganFinder`."""

    def _admin_place(self, norm: str, end: int, st) -> int | None:
        """Start of an administrative name ending at ``end`` (its last char 省/市/县…)."""
        if end < 3 or norm[end - 1] not in ADMIN1:
            return None
        i = end - 1
        lo = max(0, end - 1 - 6)
        while i > lo and CJK.match(norm[i - 1]) and norm[i - 1] not in PLACE_STOP_CHARS:
            i -= 1
        # the name starts at a word start, as close to the unit character as possible
        # while keeping at least two characters (海淀区, not 据海淀区)
        for s in range(end - 3, i - 1, -1):
            if s in st.tok_starts:
                name = norm[s : end - 1]
                if (
                    name in self.place_stop
                    or name[-1] in ADMIN1  # 丰台区 + 区委: the unit is part of the organ
                    or norm[s:end].endswith("地区")  # 沿海地区, 贫困地区: regions, not units
                    or any(c in ORGAN_CHARS for c in name)  # 中西部, 县委县政府
                    or self.has_non_place_word(norm, s, end - 1, st)
                    or not self._looks_like_place(norm, s, end, st)
                ):
                    return None
                return s
        return None

    def district_word(self, norm: str, s: int, st) -> tuple[int, str] | None:
        """A place word of jieba's dictionary (tag ns) right before a court, procuratorate,
        police or government word, without its unit (朝阳|法院, 宜昌|看守所, 黄石|检察院)."""
        if s not in st.tok_starts:
            return None
        i = s - 1
        while i > 0 and i not in st.tok_starts:
            i -= 1
        word = norm[i:s]
        if (
            2 <= len(word) <= 3
            and word[-1] not in ADMIN1  # 自治县, 和县: the unit path decides those
            and word in self.ns_words
            and word not in NOT_DISTRICTS
        ):
            return i, word
        return None

    def _looks_like_place(self, norm: str, s: int, end: int, st) -> bool:
        """jieba's view of ``norm[s:end]`` (a name + its unit character): one word with the
        unit (朝阳区, 乐业县, even 延庆县政府), or a name word that is a place in the
        dictionary (宜昌|县), no word of it at all (岚溪|乡: a proper name it does not know)
        or follows a known place (湖南省|和平|县公安局) — not a common word (印发|市,
        会同|市, 报经|市)."""
        j = s + 1
        while j < len(norm) and j not in st.tok_ends:
            j += 1
        if j >= end:
            return True  # one word, unit included
        if j != end - 1:
            return False  # the name is not one word
        name = norm[s:j]
        if name in self.ns_words or not self.freq.get(name):
            return True
        return self.name_before(norm, s, self.place_names, self.place_lengths) is not None

    def head_is_word_end(self, p: int, st) -> bool:
        """A one-character unit head at ``p`` is a word of its own, or ends a word that is
        an organisation's name in jieba's dictionary (税务局 nt) or not in it (保障司) —
        not a common word (全局, 查处, 统揽全局)."""
        if p + 1 not in st.tok_ends:
            return False
        i = p
        while i > 0 and i not in st.tok_starts:
            i -= 1
        if i == p:
            return True
        tag = self.unit_words.get(st.norm[i : p + 1])
        return tag is None or tag == "nt"

    def has_non_place_word(self, norm: str, s: int, e: int, st) -> bool:
        bad = self.bad_words
        if norm[s:e] in bad:
            return True
        i = s
        while i < e:
            j = i + 1
            while j < e and j not in st.tok_starts:
                j += 1
            if norm[i:j] in bad:
                return True
            i = j
        return False

    def place(
        self, norm: str, s: int, st, places: dict[int, Mention], extra: list[Mention] | None = None
    ) -> tuple[int, str] | None:
        """(start, canonical name) of a chain of place names ending right at ``s``; places
        the gazetteer knows that were not candidates yet are added to ``extra``."""
        cur, parts = s, []
        new: list[Mention] = []
        for _ in range(3):
            p = places.get(cur)
            if p is not None:
                parts.append(p.label if p.rule == "gazetteer" else p.text)
                cur = p.start
                continue
            q = self.name_before(norm, cur, self.place_names, self.place_lengths)
            if q is not None:
                g = self.gaz.entries[q[1]]
                parts.append(g.name)
                new.append(
                    Mention(q[0], cur, st.text[q[0] : cur], g.type, g.id, g.name, "gazetteer")
                )
                cur = q[0]
                continue
            a = self._admin_place(norm, cur, st)
            if a is None:
                break
            parts.append(norm[a:cur])
            cur = a
        if not parts:
            return None
        if extra is not None:
            extra.extend(new)
        return cur, "".join(reversed(parts))

