"""Bodies of congresses and CPPCCs and commissions of the state: 国家 + a domain +
委员会 (国家禁毒委员会), the CPPCC by its term (全国政协二十届常委会), committees a
congress sets up in a list (全国人民代表大会设立民族委员会、外事委员会…), a province's
congress by its term and its bare provincial organs (省委, 省政协).

>>> congress("中国人民政治协商会议全国委员会常务委员会")
'中国人民政治协商会议全国委员会'
>>> is_congress("民族委员会")
False
"""

from __future__ import annotations

import bisect
import re
from collections import Counter

from kg.model import Mention
from kg.nlp.organs.shapes import CJK, STOP_CHARS

# a provincial organ named without its province (省委, 省政协): the document's province's.
# 省政府 and 省人民政府 stay generic: laws use them for any province (由省人民政府规定)
BARE_PROVINCIAL = (
    "省人民代表大会常务委员会",
    "省人大常委会",
    "省人民代表大会",
    "省政协",
    "省委",
)
# a standing committee of the state named by its domain (国家某某委员会, 国家禁毒委员会):
# 国家 opens it after a non-character, a preposition or a State Council / Party centre
NATIONAL_BEFORE = frozenset("对由与和及经向在将把被同为、")
NATIONAL_BAD = ("机关", "级", "杜马", "或者", "建立", "双边", "合作", "大使", "管理委员")
# a list of committees a congress or a CPPCC sets up: 设立民族委员会、外事委员会…, or
# 文史委员会、科技委员会…八个专门委员会 (items joined by 、; 和/与 may sit inside one)
COMMITTEE_ITEM = re.compile(r"([\u4e00-\u9fff]{2,14}?)委员会(、)?")
COMMITTEE_SET_UP = re.compile(r"设立|设置")
COMMITTEE_AFTER = re.compile(
    r"(?:和其他[^。；，]{0,20}|等)?(?:[一二三四五六七八九十\d]{1,3}个)?专门委员会"
)
COMMITTEE_BAD = (STOP_CHARS - frozenset("和与及")) | frozenset("个")
COMMITTEE_BAD_START = ("其他", "有关", "专门", "常务", "上述")
SENTENCE_END = re.compile(r"[。；！？\n]")

# the CPPCC's national committee named by its term, and its standing committee
# (政协第二十届全国委员会常务委员会, 全国政协二十届常委会, 全国政协常委会)
CPPCC_TERM = re.compile(
    r"(?:(?:政协|中国人民政治协商会议)第[一二三四五六七八九十]{1,3}届全国委员会"
    r"|全国政协(?:第?[一二三四五六七八九十]{1,3}届)?)(常务委员会|常委会)?"
)
CPPCC = "中国人民政治协商会议全国委员会"

# a people's congress or its standing committee named by its term (某省第十六届人民代表
# 大会第三次会议, 某省第十一届人民代表大会常务委员会第九次会议)
CONGRESS_TERM = re.compile(r"第[一二三四五六七八九十]{1,3}届人民代表大会(常务委员会)?")


def is_congress(label: str) -> bool:
    """A people's congress or a CPPCC (national or local), or its standing committee:
    the parent of special committees."""
    return congress(label) is not None


def congress(label: str) -> str | None:
    """The congress or CPPCC ``label`` names or whose standing committee it names
    (中国人民政治协商会议全国委员会常务委员会 → 中国人民政治协商会议全国委员会)."""
    for sc in ("常务委员会", "常委会"):
        if label.endswith(sc) and len(label) > len(sc):
            label = label[: -len(sc)]
            break
    if label.endswith(("人民代表大会", "人大", "政协", "政治协商会议", "全国委员会")):
        return label
    return None


class CommitteesMixin:
    """The congress, committee and provincial rules of :class:`~kg.nlp.organs.OrganFinder`."""

    def national_committees(self, found: dict, st, others: list[int]) -> None:
        """国家 + a domain + 委员会, one name of whole words opening after a non-character,
        a preposition or 国务院/中央 (国务院国家某某委员会…): a commission of the
        state no gazetteer lists. The domain holds no function, boundary or general word
        (国家机关…委员会, 国家级…委员会, 俄罗斯国家杜马…委员会 are none)."""
        norm = st.norm
        e = norm.find("委员会")
        while e != -1:
            end = e + 3
            s = norm.rfind("国家", max(0, e - 10), e - 1)
            e = norm.find("委员会", end)
            if s == -1 or (end < len(norm) and norm[end] in "会议"):
                continue
            if not (
                s == 0
                or not CJK.match(norm[s - 1])
                or norm[s - 1] in NATIONAL_BEFORE
                or norm.endswith(("国务院", "中央"), 0, s)
            ):
                continue
            mid = norm[s + 2 : end - 3]
            if (
                (s, end) in found
                or s not in st.tok_starts
                or end not in st.tok_ends
                or any(ch in STOP_CHARS for ch in mid)
                or any(w in mid for w in NATIONAL_BAD)
                or (self.boundary is not None and self.boundary.search(mid))
            ):
                continue
            i = bisect.bisect_right(others, s)
            if i < len(others) and others[i] < end:
                continue  # runs into another name
            found[(s, end)] = self.mention(st.text, s, end, norm[s:end])

    def cppcc(self, found: dict, st, bodies: list[Mention]) -> None:
        """The CPPCC's national committee named by its term (政协第二十届全国委员会, 全国政协
        二十届) and its standing committee (…常务委员会, 全国政协常委会): the standing
        committee is keyed under the CPPCC as its special committees are."""
        norm = st.norm
        cppcc = self.gaz.lookup(CPPCC)
        stem = cppcc.name if cppcc is not None else CPPCC
        starts = []
        i = norm.find("政协")
        while i != -1:
            starts.append(i - 2 if i >= 2 and norm.startswith("全国", i - 2) else i)
            i = norm.find("政协", i + 2)
        i = norm.find("中国人民政治协商会议第")
        while i != -1:
            starts.append(i)
            i = norm.find("中国人民政治协商会议第", i + 10)
        for s in starts:
            m = CPPCC_TERM.match(norm, s)
            if m and (m.group(1) or "届" in m.group()):
                name = stem + ("常务委员会" if m.group(1) else "")
                b = self.named(st.text, m.start(), m.end(), name)
                found[(m.start(), m.end())] = b
                bodies.append(b)

    def committee_lists(self, found: dict, st, bodies: list[Mention]) -> None:
        """Committees a congress or a CPPCC names in a list that sets them up, with the
        parent in the same sentence: 全国人民代表大会设立民族委员会、外事委员会…, or
        会议决定设置文史委员会、科技委员会…八个专门委员会. Each item is a body of the
        parent, keyed under it (全国人民代表大会外事委员会)."""
        norm = st.norm
        i = norm.find("委员会、")
        if i == -1:
            return
        parents = [b for b in bodies if is_congress(b.label)]
        if not parents:
            return
        n = len(norm)
        while i != -1:
            s = i
            while s > i - 14 and s > 0 and CJK.match(norm[s - 1]):
                s -= 1
            items: list[tuple[int, int]] = []
            pos = s
            while True:
                m = COMMITTEE_ITEM.match(norm, pos)
                if m is None:
                    break
                items.append((m.start(1), m.end(1) + 3))
                if m.group(2) is None:
                    break
                pos = m.end()
            end = items[-1][1] if items else i
            i = norm.find("委员会、", max(end, i + 1))
            if len(items) < 2:
                continue
            a, b = items[0]
            cut = [t.end() for t in COMMITTEE_SET_UP.finditer(norm, a, b)]
            if cut:
                items[0] = (cut[-1], b)
            elif not COMMITTEE_AFTER.match(norm, end):
                continue  # a list of committees, not one that sets them up
            good = [
                (x, y) for x, y in items
                if y - x >= 5
                and not any(ch in COMMITTEE_BAD for ch in norm[x : y - 3])
                and not norm.startswith(COMMITTEE_BAD_START, x)
            ]
            if len(good) < 2:
                continue
            ends = SENTENCE_END.finditer(norm, max(0, s - 300), s)
            lo = max((m.end() for m in ends), default=0)
            hi_m = SENTENCE_END.search(norm, end)
            hi = hi_m.start() if hi_m else n
            near = [p for p in parents if lo <= p.start and p.end <= hi]
            if not near:
                continue
            before = [p for p in near if p.end <= s]
            parent = before[-1] if before else near[0]
            stem = congress(parent.label)
            for x, y in good:
                found.setdefault((x, y), self.named(st.text, x, y, f"{stem}{norm[x:y]}"))

    def provincial(self, found: dict, st) -> None:
        """Provincial organs without their province (省委, 省政协, 省人大常委会) when the
        document is about one province (named at least twice and more often than all
        others together), and a province's people's congress named by its term
        (某省第九届人民代表大会)."""
        norm = st.norm
        if "省" not in norm:
            return
        counts: Counter[str] = Counter()
        ends: dict[int, Mention] = {}
        for c in st.candidates:
            if c.type == "Location":
                e = self.gaz.entries.get(c.key)
                if e is not None and e.category == "省":
                    counts[c.key] += 1
                    ends[c.end] = c
            elif c.key in self.province_of:  # 湖南省人民政府 names 湖南省 too
                counts[self.province_of[c.key]] += 1
        if not counts:
            return
        for m in CONGRESS_TERM.finditer(norm):
            p = ends.get(m.start())
            if p is not None:
                organ = "人民代表大会" + (m.group(1) or "")  # or its standing committee
                g = self.gaz.lookup(self.gaz.entries[p.key].name + organ)
                if g is not None:
                    found.setdefault(
                        (p.start, m.end()),
                        Mention(p.start, m.end(), st.text[p.start : m.end()], g.type, g.id,
                                g.name, "organ"),
                    )
        (key, n), *rest = counts.most_common()
        if n < 2 or n <= sum(k for _, k in rest):
            return
        province = self.gaz.entries[key].name
        taken: list[tuple[int, int]] = []
        for form in BARE_PROVINCIAL:
            i = norm.find(form)
            while i != -1:
                e = i + len(form)
                if (
                    i in st.tok_starts
                    and i not in ends  # 湖北省委: the gazetteer's
                    and not any(a <= i < b for a, b in taken)
                ):
                    g = self.gaz.lookup(province + form[1:])
                    if g is not None:
                        taken.append((i, e))
                        found.setdefault(
                            (i, e), Mention(i, e, st.text[i:e], g.type, g.id, g.name, "organ")
                        )
                i = norm.find(form, e)
