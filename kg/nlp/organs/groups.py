"""Leading groups and joint meetings of the centre (中央城乡融合发展领导小组, 国务院某某
部际联席会议) and the management bodies of protected areas (云雾山国家公园管理局).

>>> PARK_BODY.search("某山风景名胜区管理委员会").group()
'风景名胜区管理委员会'
"""

from __future__ import annotations

import re

from kg.model import Mention
from kg.nlp.organs.shapes import CJK, NAME_INTERNAL, ORDINAL, PLACE_STOP_CHARS, STOP_CHARS

# a leading group or joint meeting of the centre, named from its opener to its head
# (中央城乡融合发展领导小组, 全国爱鸟护鸟工作领导小组, 国务院某某部际联席会议)
GROUP_HEADS = ("领导小组", "部际联席会议")
GROUP_OPENERS = ("中央", "国务院", "国家", "全国")
GROUP_REACH = 16
# the management body of a protected area (某某国家公园管理局, 某山风景名胜区管理委员会)
PARK_BODY = re.compile(
    r"(?:国家公园|自然保护区|风景名胜区|湿地公园|地质公园|森林公园)(?:管理局|管理委员会|管委会|管理处)"
)
PARK_REACH = 10


class GroupsMixin:
    """The group and park rules of :class:`~kg.nlp.organs.OrganFinder`."""

    def park_bodies(self, found: dict, st, places: dict[int, Mention]) -> None:
        """The management body of a protected area: a place name (a gazetteer place or a
        place word of jieba's dictionary) opening the area's name, then the area's kind and
        a management head, with no function or boundary word between
        (江西某某山国家公园管理局, 云雾山风景名胜区管理委员会)."""
        norm = st.norm
        starts = {c.start for c in places.values()}
        for m in PARK_BODY.finditer(norm):
            f = m.start()
            best = None
            for i in range(max(0, f - PARK_REACH), f):
                mid = norm[i:f]
                if i not in st.tok_starts or any(ch in PLACE_STOP_CHARS for ch in mid) or (
                    self.boundary is not None and self.boundary.search(mid)
                ):
                    continue
                j = i + 1
                while j < f and j not in st.tok_ends:
                    j += 1
                if i in starts or norm[i:j] in self.ns_words:
                    best = i
                    break
            if best is not None and (best, m.end()) not in found:
                found[(best, m.end())] = self.mention(st.text, best, m.end(), norm[best : m.end()])

    def groups(self, found: dict, st, head: str) -> None:
        """A leading group or an inter-ministerial joint meeting named from an opener of
        the centre (中央, 国务院, 国家, 全国) at a word start to its head, with no function
        or boundary word between (党的 is a name's own: 中央党的某某工作领导小组)."""
        norm = st.norm
        e = norm.find(head)
        while e != -1:
            end = e + len(head)
            i = e
            while i > max(0, e - GROUP_REACH) and CJK.match(norm[i - 1]) and (
                norm[i - 1] not in STOP_CHARS or norm[i - 2 : i] == "党的"
            ):
                i -= 1
            mid = norm[i:e]
            if self.boundary is not None:
                cut = [
                    m.end() for m in self.boundary.finditer(mid)
                    if m.group() not in NAME_INTERNAL
                    and not (m.group() == "的" and mid[m.start() - 1 : m.start()] == "党")
                ]
                if cut:
                    i += cut[-1]
            e = norm.find(head, end)
            if (
                head == "部际联席会议"
                and norm.startswith("工作", end - len(head) - 2)
                and end - len(head) - i >= 4
                and i in st.tok_starts
                and not norm.startswith(GROUP_OPENERS, i)
            ):
                # 建立|全民阅读工作部际联席会议: "部际" makes it the State Council's however
                # it opens, after a boundary word or punctuation
                if (i, end) not in found and not any(a <= i and end <= b for a, b in found):
                    found[(i, end)] = self.mention(st.text, i, end, norm[i:end])
                continue
            for s in range(i, end - len(head) - 2):
                if s in st.tok_starts and norm.startswith(GROUP_OPENERS, s):
                    if s >= 3 and norm[s - 1] in "次届":  # 第七次全国经济普查领导小组
                        m = ORDINAL.search(norm, max(0, s - 5), s - 1)
                        if m and m.end() == s - 1:
                            s = m.start()
                    if (s, end) not in found and not any(
                        a <= s and end <= b for a, b in found
                    ):
                        found[(s, end)] = self.mention(st.text, s, end, norm[s:end])
                    break
