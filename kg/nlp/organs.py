"""State organs no gazetteer lists: local, foreign and sub-units of known bodies.

The guideline's GovernmentBody covers every state or party organ, central or local. The
gazetteer holds the central bodies, provinces and large cities; the rest follow a few
regular shapes, recognised here from the lexicons under ``ontology/lexicon``:

* **local**: a place + an organ (``gov_local_organs.tsv``, or a functional domain of
  ``gov_domains.txt`` + a head of ``gov_heads.txt``): 崇礼县政府, 北京市海淀区人民法院,
  武汉市国土房产局, 福建省公安厅, 上海银监局, 广州中院. The place is a gazetteer
  Location or an administrative name (2–6 characters + 省/市/县/区/州/旗/盟/镇/乡) that
  is not a generic word (``place_stop.txt``: 直辖市, 设区的市, 县级…); places chain
  (山西省 + 长子县 + 公安局). Bare forms (市政府, 县委, 教育局) name no specific body and
  are left out.
* **foreign** (and China's bodies no gazetteer entry names): a country + an organ of
  ``gov_foreign_organs.tsv`` (美国国防部, 日本政府, 印度空军, 中国政府), or a
  one-character abbreviation (``country_abbr.tsv``) at a word start + an organ marked
  ``abbr`` (美军, 俄海军, 英央行, 美国防部); embassies 美国驻华大使馆, 俄罗斯驻委内瑞拉大使馆.
  National armed forces count as state organs (美军, 印度海军), as in CLUENER and ACE.
* **sub-units**: a known or found body + 1–10 characters + a unit head (司, 局, 中心,
  办公室, 支队…): 住房和城乡建设部住房保障司, 中国人民银行宁波市中心支行,
  福建省公安厅经侦总队. The middle holds no function word (boundary_words.txt).

* **named by shape** (no gazetteer entry): committees a congress or CPPCC sets up in a
  list, keyed under the parent in the sentence (全国人民代表大会设立民族委员会、外事委员会…);
  the CPPCC and its standing committee by their term names (全国政协十届常委会); a
  foreign organ after 、 in a list of posts, of the clause's country (某国参议院主席甲、
  国民议会议长乙); 国家 + domain + 委员会 (国家禁毒委员会); leading groups and joint
  meetings of the centre (中央区域协调发展领导小组) and a commission's or group's
  办公室/秘书处; a protected area's management body (三江源国家公园管理局).

Names are canonical so that forms of one body share a key: 崇礼县政府 → 崇礼县人民政府,
美国防部/美国国防部 → 美国国防部, 美军/美国军队 → 美国军队. A name the gazetteer knows
(北京市政府) takes the gazetteer's key.

>>> from kg.spans import entity_spans
>>> spans = next(entity_spans(["印度国防部7日说，崇礼县政府和美军"]))
>>> [(s["text"], s["type"]) for s in spans if s["type"] == "GovernmentBody"]
[('印度国防部', 'GovernmentBody'), ('崇礼县政府', 'GovernmentBody'), ('美军', 'GovernmentBody')]
>>> spans = next(entity_spans(["全国人民代表大会设立民族委员会、外事委员会和其他专门委员会。"]))
>>> [s["text"] for s in spans if s["type"] == "GovernmentBody"]
['全国人民代表大会', '民族委员会', '外事委员会']
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from functools import lru_cache
from pathlib import Path

import ahocorasick

from kg.model import Mention
from kg.nlp.gazetteer import COUNTY, Gazetteer, NameWindows, read_lines
from kg.nlp.text import norm_name, offset_mask

GOV_TYPES = frozenset({"GovernmentBody", "Ministry"})
ADMIN1 = frozenset("省市县区州旗盟镇乡")
_CJK = re.compile(r"[\u4e00-\u9fff]")
# a sub-unit after a body: 1–10 characters then a unit head (lazy: the nearest head;
# longer heads first where one is the end of another)
_SUB_HEADS = (
    "中心支行|营业管理部|研究中心|办公室|办公厅|领导小组|工作小组|委员会|指挥部|研究院|研究所|研究室|"
    "派出所|分局|分行|支行|总部|总队|支队|大队|中心|司|局|处|厅"
)
_SUB = re.compile(r"([\u4e00-\u9fff]{1,10}?)(?:" + _SUB_HEADS + r")(?!长)")
_OFFICE = re.compile(r"办公室|秘书处")
_OFFICE_OWNERS = ("委员会", "领导小组", "工作小组", "联席会议")
# a foreign country's agency no lexicon lists: the country, 2–8 characters, an agency head
# (新加坡|媒体发展管理|局, 印度|国防研究与发展|局, 美国|航空航天|局)
_AGENCY_HEADS = "管理局|总局|委员会|局|署"
_AGENCY = re.compile(r"([\u4e00-\u9fff]{2,8}?)(?:" + _AGENCY_HEADS + r")(?!长)")
# verbs jieba keeps as one word that end in a one-character agency head (某国今天签署,
# 某国近日部署): no agency. Words ending in 局 are the dictionary's (_head_is_word_end);
# 署 ends agency names the dictionary tags as loosely as these verbs (审计署 v, 部署 n)
_HEAD_VERBS = frozenset({"签署", "部署", "联署", "连署", "副署", "布署"})
# what may not start a sub-unit: a post or a verb right after the body
_SUB_BAD_START = re.compile(
    r"(?:副|总|部|局|长|门|属|下|所|内|外|主(?:任|席|管|办|持|要|导|动|体|编|讲)|有|负|新闻发言|发言|会同|联合|牵头|批准)"
)
_EMBASSY = re.compile(r"驻([\u4e00-\u9fff]{1,8}?)(?:大使馆|总领事馆|领事馆|使馆|代表处|代表团)")
# characters that never occur inside the middle of a sub-unit name or a place name
_STOP_CHARS = frozenset("的在了是为由对向从把被并于将也就都又已还其该本各每这那此之以所或等及和")
_PLACE_STOP_CHARS = _STOP_CHARS | frozenset("与我全给辖经报届须")
# boundary words that also occur inside a body's name (三峡工程建设委员会)
_NAME_INTERNAL = frozenset({"建设", "开发", "组织", "合作", "管理", "发展"})
# characters of organ names: a place name holding one is not a place (县委县政府)
_ORGAN_CHARS = frozenset("委府局厅院办所队部署")
# jieba dictionary tags of words that are never (part of) a place name: verbs, adjectives,
# adverbs, prepositions, conjunctions, particles, pronouns, numerals, measure words,
# locatives and time words (拨打市…, 沿海地区, 打算给市委)
_BAD_TAGS = ("v", "a", "d", "p", "c", "u", "r", "m", "q", "f", "t", "e", "y", "o")


_UNIT_CHARS = "司局处厅"


@lru_cache(maxsize=1)
def _dictionary_words() -> tuple[frozenset[str], dict[str, str], frozenset[str]]:
    """From jieba's dictionary: words (1–4 characters) whose tag says they are no place
    name; the tag of every word that ends in a unit character (全局 n, 税务局 nt); and the
    place names (tag ns)."""
    from kg.nlp.text import jieba_tags

    bad, unit, places = set(), {}, set()
    for w, tag in jieba_tags().items():
        if len(w) <= 4 and tag.startswith(_BAD_TAGS):
            bad.add(w)
        if len(w) >= 2 and w[-1] in _UNIT_CHARS:
            unit[w] = tag
        if 2 <= len(w) <= 3 and tag == "ns":
            places.add(w)
    return frozenset(bad), unit, frozenset(places)


def segmenter_freq() -> dict[str, int]:
    """The word frequencies of the segmenter the pipeline uses (already in memory): a
    word with a frequency is a word jieba knows."""
    from kg.nlp.segment import fast_segmenter

    seg = fast_segmenter()
    dt = getattr(seg, "dt", None)
    if dt is not None and hasattr(dt, "check_initialized"):
        dt.check_initialized()
    return getattr(dt, "FREQ", None) or {}


# organs named after a district without its unit (嘉定法院, 海淀看守所), and place words
# of jieba's dictionary that name no district
_DISTRICT_ORGANS = frozenset(
    {"人民法院", "人民检察院", "公安局", "公安分局", "派出所", "看守所", "交警支队"}
)
_NOT_DISTRICTS = frozenset(
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
# a date before 日/月… (6日国务院, 六日国务院): the 日 is the day, no country (日本)
_DATE_CHARS = frozenset("月年号〇零一二三四五六七八九十廿卅")
_ORDINAL = re.compile(r"第[一二三四五六七八九十\d]{1,3}")
# a provincial organ named without its province (省委, 省政协): the document's province's.
# 省政府 and 省人民政府 stay generic: laws use them for any province (由省人民政府规定)
_BARE_PROVINCIAL = (
    "省人民代表大会常务委员会",
    "省人大常委会",
    "省人民代表大会",
    "省政协",
    "省委",
)
# a foreign first-level division after its country (美国|俄亥俄州, 日本|福岛县)
_FOREIGN_REGION = re.compile(r"([\u4e00-\u9fff]{2,7}?)(?:州|省|邦|县)")
# what joins the bodies of a list (海关总署、药监局, 财政部会同林业局)
# how far back a list of posts may name the country of its organs, and what ends a clause
_LIST_REACH = 40
_CLAUSE_BREAKS = frozenset("，。；：！？\n（）()")
# a standing committee of the state named by its domain (国家教材委员会, 国家禁毒委员会):
# 国家 opens it after a non-character, a preposition or a State Council / Party centre
_NATIONAL_BEFORE = frozenset("对由与和及经向在将把被同为、")
_NATIONAL_BAD = ("机关", "级", "杜马", "或者", "建立", "双边", "合作", "大使", "管理委员")
# a leading group or joint meeting of the centre, named from its opener to its head
# (中央区域协调发展领导小组, 全国双拥工作领导小组, 国务院某某部际联席会议)
_GROUP_HEADS = ("领导小组", "部际联席会议")
_GROUP_OPENERS = ("中央", "国务院", "国家", "全国")
_GROUP_REACH = 16
# the management body of a protected area (某某国家公园管理局, 某山风景名胜区管理委员会)
_PARK_BODY = re.compile(
    r"(?:国家公园|自然保护区|风景名胜区|湿地公园|地质公园|森林公园)(?:管理局|管理委员会|管委会|管理处)"
)
_PARK_REACH = 10
_JOIN_ADVERBS = frozenset("已也将并还")  # between a body and 会同
_LIST_JOINS = ("、", "会同", "和", "及", "与", "，")
# a list of committees a congress or a CPPCC sets up: 设立民族委员会、外事委员会…, or
# 提案委员会、经济委员会…十个专门委员会 (items joined by 、; 和/与 may sit inside one)
_COMMITTEE_ITEM = re.compile(r"([\u4e00-\u9fff]{2,14}?)委员会(、)?")
_COMMITTEE_SET_UP = re.compile(r"设立|设置")
_COMMITTEE_AFTER = re.compile(
    r"(?:和其他[^。；，]{0,20}|等)?(?:[一二三四五六七八九十\d]{1,3}个)?专门委员会"
)
_COMMITTEE_BAD = (_STOP_CHARS - frozenset("和与及")) | frozenset("个")
_COMMITTEE_BAD_START = ("其他", "有关", "专门", "常务", "上述")
_SENTENCE_END = re.compile(r"[。；！？\n]")

# the CPPCC's national committee named by its term, and its standing committee
# (政协第十届全国委员会常务委员会, 全国政协十届常委会, 全国政协常委会)
_CPPCC_TERM = re.compile(
    r"(?:(?:政协|中国人民政治协商会议)第[一二三四五六七八九十]{1,3}届全国委员会"
    r"|全国政协(?:第?[一二三四五六七八九十]{1,3}届)?)(常务委员会|常委会)?"
)
_CPPCC = "中国人民政治协商会议全国委员会"

# a people's congress or its standing committee named by its term (四川省第十四届人民代表
# 大会第五次会议, 山东省第十届人民代表大会常务委员会第四次会议)
_CONGRESS_TERM = re.compile(r"第[一二三四五六七八九十]{1,3}届人民代表大会(常务委员会)?")


def _lengths_by_last(names: dict[str, str]) -> dict[str, tuple[int, ...]]:
    """Last character → the lengths (two or more) of the names ending in it, longest first."""
    by_last: dict[str, set[int]] = {}
    for nm in names:
        if len(nm) >= 2:
            by_last.setdefault(nm[-1], set()).add(len(nm))
    return {c: tuple(sorted(ls, reverse=True)) for c, ls in by_last.items()}


def _is_congress(label: str) -> bool:
    """A people's congress or a CPPCC (national or local), or its standing committee:
    the parent of special committees."""
    return _congress(label) is not None


def _congress(label: str) -> str | None:
    """The congress or CPPCC ``label`` names or whose standing committee it names
    (中国人民政治协商会议全国委员会常务委员会 → 中国人民政治协商会议全国委员会)."""
    for sc in ("常务委员会", "常委会"):
        if label.endswith(sc) and len(label) > len(sc):
            label = label[: -len(sc)]
            break
    if label.endswith(("人民代表大会", "人大", "政协", "政治协商会议", "全国委员会")):
        return label
    return None


def _tsv(path: Path) -> list[list[str]]:
    out = []
    for line in read_lines(path):
        parts = [p.strip() for p in line.split("\t")] if "\t" in line else line.split()
        out.append(parts)
    return out


class OrganFinder:
    """Finds organ mentions in a document given the gazetteer candidates found so far."""

    def __init__(self, gazetteer: Gazetteer, directory: Path) -> None:
        self.gaz = gazetteer
        lex = directory / "lexicon"
        self.local: dict[str, str] = {}
        for parts in _tsv(lex / "gov_local_organs.tsv"):
            self.local[parts[0]] = parts[1] if len(parts) > 1 else parts[0]
        heads = read_lines(lex / "gov_heads.txt")
        for d in read_lines(lex / "gov_domains.txt"):
            for h in heads:
                self.local.setdefault(d + h, d + h)
        self.foreign: dict[str, str] = {}
        self.abbr_ok: set[str] = set()
        for parts in _tsv(lex / "gov_foreign_organs.tsv"):
            self.foreign[parts[0]] = parts[1] if len(parts) > 1 else parts[0]
            if len(parts) > 2 and parts[2] == "abbr":
                self.abbr_ok.add(parts[0])
        abbr_rows = [p for p in _tsv(lex / "country_abbr.tsv") if len(p) > 1]
        self.abbr: dict[str, str] = {p[0]: p[1] for p in abbr_rows}
        # abbreviations that are also common words: only before an army (以军, not 以政府)
        self.abbr_military = frozenset(p[0] for p in abbr_rows if len(p) > 2 and p[2] == "military")
        self.place_stop = frozenset(read_lines(lex / "place_stop.txt"))
        self._bad_words, self._unit_words, self._ns_words = _dictionary_words()
        self._freq = segmenter_freq()
        boundaries = sorted(set(read_lines(lex / "boundary_words.txt")), key=len, reverse=True)
        self._boundary = (
            re.compile("|".join(re.escape(b) for b in boundaries)) if boundaries else None
        )
        # every name of a country or a place, for prefixes jieba kept inside one word
        # (印度国防部, 中国政府 are single jieba tokens, so the matcher skipped 印度, 中国)
        self.country_names: dict[str, str] = {}
        self.place_names: dict[str, str] = {}
        for e in gazetteer.entries.values():
            if e.type in ("Country", "Location"):
                target = self.country_names if e.type == "Country" else self.place_names
                # a county's two-character name is often the end of another name (礼县 in
                # 崇礼县政府); the administrative shape (崇礼 + 县) finds those counties
                short = 3 if e.category == COUNTY else 2
                for nm in (e.name, *e.aliases):
                    nm = norm_name(nm)
                    if len(nm) >= short and len(gazetteer.by_name.get(nm, ())) == 1:
                        target[nm] = e.id
        # for each last character, the lengths of the names ending in it, longest first:
        # ``_name_before`` tries only those (most characters end no name)
        # short forms that name a central body only beside another (药监局、海关总署)
        self.listed: dict[str, str] = {
            f: e.id for e in gazetteer.entries.values() for f in e.listed
        }
        self._listed_lengths = tuple(sorted({len(f) for f in self.listed}, reverse=True))
        # the province each provincial organ belongs to (gov/hunan-cpc → place/hunan)
        self.province_of: dict[str, str] = {}
        provinces = {
            e.id.split("/", 1)[1]: e.id
            for e in gazetteer.entries.values()
            if e.type == "Location" and e.category == "省"
        }
        for e in gazetteer.entries.values():
            if e.type in GOV_TYPES and e.id.startswith("gov/"):
                slug = e.id[4:].rsplit("-", 1)[0]
                if slug in provinces:
                    self.province_of[e.id] = provinces[slug]
        # post titles by their first character, for the organ before a post
        self._post_heads: dict[str, tuple[str, ...]] = {}
        for p in getattr(gazetteer, "posts", None) or ():
            self._post_heads[p[0]] = (*self._post_heads.get(p[0], ()), p)
        self._country_lengths = _lengths_by_last(self.country_names)
        self._place_lengths = _lengths_by_last(self.place_names)
        # pyahocorasick scans a node's children in insertion order: words opening with a
        # character common in the words go first (the matches do not depend on it)
        words = set(self.local) | set(self.foreign)
        freq = Counter(ch for w in words for ch in w)
        a = ahocorasick.Automaton()
        for w in sorted(words, key=lambda w: (-freq[w[0]], w)):
            a.add_word(w, w)
        a.make_automaton()
        self._ac = a
        self._windows: tuple[ahocorasick.Automaton, NameWindows] | None = None

    def __getstate__(self) -> dict:
        # the windows' tables (~5 MB) are rebuilt on first use rather than pickled
        return {**self.__dict__, "_windows": None}

    def _name_windows(self) -> NameWindows:
        w = getattr(self, "_windows", None)
        if w is None or w[0] is not self._ac:
            w = self._windows = (self._ac, NameWindows(self._ac.keys()))
        return w[1]

    # -- places ---------------------------------------------------------------------------

    def _admin_place(self, norm: str, end: int, st) -> int | None:
        """Start of an administrative name ending at ``end`` (its last char 省/市/县…)."""
        if end < 3 or norm[end - 1] not in ADMIN1:
            return None
        i = end - 1
        lo = max(0, end - 1 - 6)
        while i > lo and _CJK.match(norm[i - 1]) and norm[i - 1] not in _PLACE_STOP_CHARS:
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
                    or any(c in _ORGAN_CHARS for c in name)  # 中西部, 县委县政府
                    or self._has_non_place_word(norm, s, end - 1, st)
                    or not self._looks_like_place(norm, s, end, st)
                ):
                    return None
                return s
        return None

    def _district_word(self, norm: str, s: int, st) -> tuple[int, str] | None:
        """A place word of jieba's dictionary (tag ns) right before a court, procuratorate,
        police or government word, without its unit (嘉定|法院, 海淀|看守所, 黄冈|检察院)."""
        if s not in st.tok_starts:
            return None
        i = s - 1
        while i > 0 and i not in st.tok_starts:
            i -= 1
        word = norm[i:s]
        if (
            2 <= len(word) <= 3
            and word[-1] not in ADMIN1  # 自治县, 和县: the unit path decides those
            and word in self._ns_words
            and word not in _NOT_DISTRICTS
        ):
            return i, word
        return None

    def _looks_like_place(self, norm: str, s: int, end: int, st) -> bool:
        """jieba's view of ``norm[s:end]`` (a name + its unit character): one word with the
        unit (海淀区, 崇礼县, even 海淀区政府), or a name word that is a place in the
        dictionary (合阳|县), no word of it at all (益庆|乡: a proper name it does not know)
        or follows a known place (山西省|长子|县公安局) — not a common word (印发|市,
        会同|市, 报经|市)."""
        j = s + 1
        while j < len(norm) and j not in st.tok_ends:
            j += 1
        if j >= end:
            return True  # one word, unit included
        if j != end - 1:
            return False  # the name is not one word
        name = norm[s:j]
        if name in self._ns_words or not self._freq.get(name):
            return True
        return self._name_before(norm, s, self.place_names, self._place_lengths) is not None

    @staticmethod
    def _name_before(
        norm: str, s: int, names: dict[str, str], lengths: dict[str, tuple[int, ...]]
    ) -> tuple[int, str] | None:
        """(start, key) of the longest name of ``names`` ending right at ``s`` (``lengths``:
        :func:`_lengths_by_last` of ``names``)."""
        if s < 2:
            return None
        for k in lengths.get(norm[s - 1], ()):
            if k <= s:
                key = names.get(norm[s - k : s])
                if key is not None:
                    return s - k, key
        return None

    def _head_is_word_end(self, p: int, st) -> bool:
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
        tag = self._unit_words.get(st.norm[i : p + 1])
        return tag is None or tag == "nt"

    def _has_non_place_word(self, norm: str, s: int, e: int, st) -> bool:
        bad = self._bad_words
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

    def _place(
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
            q = self._name_before(norm, cur, self.place_names, self._place_lengths)
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

    # -- the finder -----------------------------------------------------------------------

    def find(self, st) -> list[Mention]:
        """Organ mentions (rule ``organ``) for ``st`` (a KGDoc with gazetteer candidates)."""
        text, norm = st.text, st.norm
        n = len(norm)
        places: dict[int, Mention] = {}  # end → the longest Location candidate ending there
        countries: dict[int, Mention] = {}
        bodies: list[Mention] = []
        others: list[int] = []  # starts of candidates a sub-unit may not run into
        for c in st.candidates:
            if c.type == "Location":
                p = places.get(c.end)
                if p is None or c.start < p.start:
                    places[c.end] = c
                continue
            if c.type in ("Country", "Organization", "Person") or c.type in GOV_TYPES:
                others.append(c.start)
            if c.type == "Country":
                countries[c.end] = c
            elif c.type in GOV_TYPES:
                bodies.append(c)
        others.sort()
        found: dict[tuple[int, int], Mention] = {}
        extra: list[Mention] = []  # countries and places jieba hid inside one word (印度国防部)
        tok_ends = offset_mask(st.tok_ends, n)
        # the automaton reads only the parts of the text that may hold an organ word (~5%)
        windows = self._name_windows()
        if windows.usable:
            joined, where = windows.reduce(norm)
            at: list[int] | range = where.tolist()  # offsets in ``norm``
        else:
            joined, at = norm, range(n)
        for i, word in self._ac.iter(joined):
            e = at[i] + 1
            s = e - len(word)
            if e < n and norm[e] == "长" and word[-1] in "局部厅署院委办":
                continue  # 国防部长, 公安局长: a post, not the body
            if e < n and not tok_ends[e] and _CJK.match(norm[e]):
                continue  # 军 of 军事, 委 of 委托, 国会 of 美国会议: not the end of a word
            if word in self.local:
                canon = self.local[word]
                ps = s
                if canon.endswith(("法院", "检察院")):
                    m = _ORDINAL.search(norm, max(0, s - 5), s)
                    if m and m.end() == s:
                        ps = m.start()
                # no place can end at ``ps`` unless one was found there, a place name
                # ends with the character before or it is a unit (省, 市, 县): 以上|人民政府
                prev = norm[ps - 1] if ps else ""
                pl = (
                    self._place(norm, ps, st, places, extra)
                    if ps in places or prev in self._place_lengths or prev in ADMIN1
                    else None
                )
                if pl is None and canon in _DISTRICT_ORGANS:
                    pl = self._district_word(norm, ps, st)
                if pl is not None:
                    start, place = pl
                    if place.endswith("特别行政区") or not place.endswith(
                        (*ADMIN1, "自治区", "自治州", "自治县")
                    ):
                        canon = (
                            word  # 香港政府, 台湾地区法院 keep their form (崇礼县政府 → 人民政府)
                        )
                    name = place + norm[ps:s] + canon
                    found.setdefault((start, e), self._mention(text, start, e, name))
                    continue
            if word in self.foreign:
                c = countries.get(s)
                q = (
                    (c.start, c.key)
                    if c is not None
                    else self._name_before(norm, s, self.country_names, self._country_lengths)
                )
                if q is not None:
                    if c is None:
                        extra.append(self._country(text, q[0], s, q[1]))
                    self._emit_foreign(found, text, q[1], q[0], e, self.foreign[word])
                elif (
                    word in self.abbr_ok
                    and s >= 1
                    and norm[s - 1] in self.abbr
                    and (s - 1 in st.tok_starts or s == 1 or not _CJK.match(norm[s - 2]))
                    and not (s >= 2 and (norm[s - 2].isdigit() or norm[s - 2] in _DATE_CHARS))
                    and (norm[s - 1] not in self.abbr_military or self.foreign[word] == "军队")
                ):
                    self._emit_foreign(
                        found, text, self.abbr[norm[s - 1]], s - 1, e, self.foreign[word]
                    )
                    # 美军 mentions 美国 as 美国国防部 does (the abbreviation is its name here)
                    extra.append(self._country(text, s - 1, s, self.abbr[norm[s - 1]]))
                elif s >= 1 and norm[s - 1] == "、" and self._post_at(norm, e):
                    owner = self._list_country(norm, s, countries)
                    if owner is not None:
                        self._emit_foreign(found, text, owner, s, e, self.foreign[word])
        for m in _EMBASSY.finditer(norm):
            target = m.group(1)
            if (
                target != "华"
                and target not in self.country_names
                and target not in self.place_names
            ):
                continue  # 驻外使馆, 驻该国使馆: no particular mission
            q = self._name_before(norm, m.start(), self.country_names, self._country_lengths)
            if q is not None:
                if m.start() not in countries:
                    extra.append(self._country(text, q[0], m.start(), q[1]))
                self._emit_foreign(found, text, q[1], q[0], m.end(), m.group())
        for c in [*countries.values(), *(x for x in extra if x.type == "Country")]:
            self._agency(found, st, c, others)
            self._foreign_region(found, st, c)
        if "委员会" in norm:
            self._national_committees(found, st, others)
        if "管" in norm and ("公园" in norm or "保护区" in norm or "名胜区" in norm):
            self._park_bodies(found, st, places)
        for head in _GROUP_HEADS:
            if head in norm:
                self._groups(found, st, head)
        # sub-units of known and found bodies, chained (部 + 研究中心 + 研究处)
        todo = [*bodies, *found.values()]
        seen: set[tuple[int, int]] = set()
        while todo:
            b = todo.pop()
            if (b.start, b.end) in seen:
                continue
            seen.add((b.start, b.end))
            office = _OFFICE.match(norm, b.end)
            if office and b.label.endswith(_OFFICE_OWNERS):
                # a commission's or a leading group's office is a body of its own
                name = (b.label if b.rule in ("gazetteer", "organ") else b.text) + office.group()
                sub = self._mention(text, b.start, office.end(), name)
                found.setdefault((sub.start, sub.end), sub)
            m = _SUB.match(norm, b.end)
            if not m or _SUB_BAD_START.match(norm, b.end):
                continue
            mid = m.group(1)
            if any(ch in _STOP_CHARS for ch in mid) or any(
                w.group() not in _NAME_INTERNAL
                for w in (self._boundary.finditer(mid) if self._boundary else ())
            ):
                continue
            i = bisect.bisect_left(others, b.end)
            if i < len(others) and others[i] < m.end():
                continue  # runs into another name (财政部证监会…)
            if m.end() - m.end(1) == 1 and not self._head_is_word_end(m.end() - 1, st):
                continue  # 新闻出版总署查处: 处 ends the verb 查处, not a unit name
            name = (b.label if b.rule in ("gazetteer", "organ") else b.text) + text[b.end : m.end()]
            sub = self._mention(text, b.start, m.end(), name)
            found[(sub.start, sub.end)] = sub
            todo.append(sub)
        self._provincial(found, st)
        if "政协" in norm or "政治协商会议第" in norm:
            self._cppcc(found, st, bodies)
        self._committee_lists(found, st, bodies)
        if self.listed:
            self._listed(found, st, bodies)
        return [*found.values(), *extra]

    def _post_at(self, norm: str, i: int) -> bool:
        """A post title (posts.txt) starts at ``i``: 议长, 主席, 第一副主席."""
        return any(norm.startswith(p, i) for p in self._post_heads.get(norm[i : i + 1], ()))

    def _post_end(self, norm: str, i: int) -> int | None:
        """End of the longest post title (posts.txt) starting at ``i``, after 原 (former)."""
        if norm.startswith("原", i):
            i += 1
        for p in self._post_heads.get(norm[i : i + 1], ()):
            if norm.startswith(p, i):
                return i + len(p)
        return None

    def _list_country(self, norm: str, s: int, countries: dict[int, Mention]) -> str | None:
        """The country a list of posts names once for several of its organs: the organ at
        ``s`` opens an item after 、 and the nearest earlier item of the clause opens with
        a country (巴基斯坦参议院主席甲、国民议会议长乙; 某国民族领袖、人民委员会主席).
        Another country between them, or a clause break, and the organ has no owner."""
        lo = max(0, s - _LIST_REACH)
        for j in range(s - 2, lo - 1, -1):
            ch = norm[j]
            if ch in _CLAUSE_BREAKS:
                return None
            c = countries.get(j + 1)
            if c is not None:
                return c.key
            # a country inside a longer name (俄罗斯国家杜马 is the gazetteer's one body)
            q = self._name_before(norm, j + 1, self.country_names, self._country_lengths)
            if q is not None:
                return q[1]
        return None

    def _listed(self, found: dict, st, bodies: list[Mention]) -> None:
        """Short forms local bureaus share (药监局, 林业局, 环保总局) as the central body they
        abbreviate where a list joins them to a State Council body: （药监局、海关总署负责）,
        财政部会同林业局, 环保总局会同发展改革委; chained along the list."""
        norm, n = st.norm, len(st.norm)
        todo = [b for b in bodies if b.type == "Ministry"]
        seen: set[tuple[int, int]] = set()
        # a line of posts: a central body's post, 、, a short form and its own post
        # (某部副部长、宗教局局长): the short form is the central body too
        posts = [b for b in bodies if b.key.startswith("gov/") and b.key not in self.province_of]
        while posts:
            b = posts.pop()
            p = self._post_end(norm, b.end)
            if p is None or not norm.startswith("、", p):
                continue
            i = p + 1
            for k in self._listed_lengths:
                form = norm[i : i + k]
                if form in self.listed and self._post_end(norm, i + k) is not None:
                    posts += self._add_listed(found, st, i, i + k, seen)
                    break
        while todo:
            b = todo.pop()
            for sep in _LIST_JOINS:
                # after the body: 海关总署、药监局
                i = b.end + len(sep)
                if norm.startswith(sep, b.end):
                    for k in self._listed_lengths:
                        form = norm[i : i + k]
                        if form in self.listed and (i + k >= n or norm[i + k] != "长"):
                            todo += self._add_listed(found, st, i, i + k, seen)
                            break
                # before the body: 药监局、海关总署
                j = b.start - len(sep)
                if j > 0 and norm.startswith(sep, j):
                    if sep == "会同" and j > 1 and norm[j - 1] in _JOIN_ADVERBS:
                        j -= 1  # 扶贫办已会同交通部
                    for k in self._listed_lengths:
                        form = norm[max(0, j - k) : j]
                        if len(form) == k and form in self.listed and (
                            j - k == 0 or not _CJK.match(norm[j - k - 1])
                            or norm[j - k - 1] in "和与及同由会"
                        ):
                            todo += self._add_listed(found, st, j - k, j, seen)
                            break

    def _add_listed(self, found: dict, st, s: int, e: int, seen: set) -> list[Mention]:
        if (s, e) in seen:
            return []
        seen.add((s, e))
        g = self.gaz.entries[self.listed[st.norm[s:e]]]
        m = Mention(s, e, st.text[s:e], g.type, g.id, g.name, "organ")
        found.setdefault((s, e), m)
        return [m]

    def _park_bodies(self, found: dict, st, places: dict[int, Mention]) -> None:
        """The management body of a protected area: a place name (a gazetteer place or a
        place word of jieba's dictionary) opening the area's name, then the area's kind and
        a management head, with no function or boundary word between
        (海南热带雨林国家公园管理局, 普陀山风景名胜区管理委员会)."""
        norm = st.norm
        starts = {c.start for c in places.values()}
        for m in _PARK_BODY.finditer(norm):
            f = m.start()
            best = None
            for i in range(max(0, f - _PARK_REACH), f):
                mid = norm[i:f]
                if i not in st.tok_starts or any(ch in _PLACE_STOP_CHARS for ch in mid) or (
                    self._boundary is not None and self._boundary.search(mid)
                ):
                    continue
                j = i + 1
                while j < f and j not in st.tok_ends:
                    j += 1
                if i in starts or norm[i:j] in self._ns_words:
                    best = i
                    break
            if best is not None and (best, m.end()) not in found:
                found[(best, m.end())] = self._mention(st.text, best, m.end(), norm[best : m.end()])

    def _groups(self, found: dict, st, head: str) -> None:
        """A leading group or an inter-ministerial joint meeting named from an opener of
        the centre (中央, 国务院, 国家, 全国) at a word start to its head, with no function
        or boundary word between (党的 is a name's own: 中央党的建设工作领导小组)."""
        norm = st.norm
        e = norm.find(head)
        while e != -1:
            end = e + len(head)
            i = e
            while i > max(0, e - _GROUP_REACH) and _CJK.match(norm[i - 1]) and (
                norm[i - 1] not in _STOP_CHARS or norm[i - 2 : i] == "党的"
            ):
                i -= 1
            mid = norm[i:e]
            if self._boundary is not None:
                cut = [
                    m.end() for m in self._boundary.finditer(mid)
                    if m.group() not in _NAME_INTERNAL
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
                and not norm.startswith(_GROUP_OPENERS, i)
            ):
                # 建立|全民健身工作部际联席会议: "部际" makes it the State Council's however
                # it opens, after a boundary word or punctuation
                if (i, end) not in found and not any(a <= i and end <= b for a, b in found):
                    found[(i, end)] = self._mention(st.text, i, end, norm[i:end])
                continue
            for s in range(i, end - len(head) - 2):
                if s in st.tok_starts and norm.startswith(_GROUP_OPENERS, s):
                    if s >= 3 and norm[s - 1] in "次届":  # 第五次全国经济普查领导小组
                        m = _ORDINAL.search(norm, max(0, s - 5), s - 1)
                        if m and m.end() == s - 1:
                            s = m.start()
                    if (s, end) not in found and not any(
                        a <= s and end <= b for a, b in found
                    ):
                        found[(s, end)] = self._mention(st.text, s, end, norm[s:end])
                    break

    def _national_committees(self, found: dict, st, others: list[int]) -> None:
        """国家 + a domain + 委员会, one name of whole words opening after a non-character,
        a preposition or 国务院/中央 (国务院决定对国家教材委员会…): a commission of the
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
                or not _CJK.match(norm[s - 1])
                or norm[s - 1] in _NATIONAL_BEFORE
                or norm.endswith(("国务院", "中央"), 0, s)
            ):
                continue
            mid = norm[s + 2 : end - 3]
            if (
                (s, end) in found
                or s not in st.tok_starts
                or end not in st.tok_ends
                or any(ch in _STOP_CHARS for ch in mid)
                or any(w in mid for w in _NATIONAL_BAD)
                or (self._boundary is not None and self._boundary.search(mid))
            ):
                continue
            i = bisect.bisect_right(others, s)
            if i < len(others) and others[i] < end:
                continue  # runs into another name
            found[(s, end)] = self._mention(st.text, s, end, norm[s:end])

    def _cppcc(self, found: dict, st, bodies: list[Mention]) -> None:
        """The CPPCC's national committee named by its term (政协第十届全国委员会, 全国政协
        十届) and its standing committee (…常务委员会, 全国政协常委会): the standing
        committee is keyed under the CPPCC as its special committees are."""
        norm = st.norm
        cppcc = self.gaz.lookup(_CPPCC)
        stem = cppcc.name if cppcc is not None else _CPPCC
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
            m = _CPPCC_TERM.match(norm, s)
            if m and (m.group(1) or "届" in m.group()):
                name = stem + ("常务委员会" if m.group(1) else "")
                b = self._named(st.text, m.start(), m.end(), name)
                found[(m.start(), m.end())] = b
                bodies.append(b)

    def _committee_lists(self, found: dict, st, bodies: list[Mention]) -> None:
        """Committees a congress or a CPPCC names in a list that sets them up, with the
        parent in the same sentence: 全国人民代表大会设立民族委员会、外事委员会…, or
        会议决定设置提案委员会、经济委员会…十个专门委员会. Each item is a body of the
        parent, keyed under it (全国人民代表大会外事委员会)."""
        norm = st.norm
        i = norm.find("委员会、")
        if i == -1:
            return
        parents = [b for b in bodies if _is_congress(b.label)]
        if not parents:
            return
        n = len(norm)
        while i != -1:
            s = i
            while s > i - 14 and s > 0 and _CJK.match(norm[s - 1]):
                s -= 1
            items: list[tuple[int, int]] = []
            pos = s
            while True:
                m = _COMMITTEE_ITEM.match(norm, pos)
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
            cut = [t.end() for t in _COMMITTEE_SET_UP.finditer(norm, a, b)]
            if cut:
                items[0] = (cut[-1], b)
            elif not _COMMITTEE_AFTER.match(norm, end):
                continue  # a list of committees, not one that sets them up
            good = [
                (x, y) for x, y in items
                if y - x >= 5
                and not any(ch in _COMMITTEE_BAD for ch in norm[x : y - 3])
                and not norm.startswith(_COMMITTEE_BAD_START, x)
            ]
            if len(good) < 2:
                continue
            ends = _SENTENCE_END.finditer(norm, max(0, s - 300), s)
            lo = max((m.end() for m in ends), default=0)
            hi_m = _SENTENCE_END.search(norm, end)
            hi = hi_m.start() if hi_m else n
            near = [p for p in parents if lo <= p.start and p.end <= hi]
            if not near:
                continue
            before = [p for p in near if p.end <= s]
            parent = before[-1] if before else near[0]
            stem = _congress(parent.label)
            for x, y in good:
                found.setdefault((x, y), self._named(st.text, x, y, f"{stem}{norm[x:y]}"))

    def _named(self, text: str, start: int, end: int, name: str) -> Mention:
        """A mention of the body ``name`` (the gazetteer's when it knows the name)."""
        from kg.nlp.components.base import open_key

        e = self.gaz.lookup(name)
        if e is not None and e.type in GOV_TYPES:
            return Mention(start, end, text[start:end], e.type, e.id, e.name, "organ")
        name = norm_name(name)
        return Mention(
            start, end, text[start:end], "GovernmentBody", open_key("GovernmentBody", name),
            name, "organ",
        )

    def _provincial(self, found: dict, st) -> None:
        """Provincial organs without their province (省委, 省政协, 省人大常委会) when the
        document is about one province (named at least twice and more often than all
        others together), and a province's people's congress named by its term
        (海南省第七届人民代表大会)."""
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
        for m in _CONGRESS_TERM.finditer(norm):
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
        for form in _BARE_PROVINCIAL:
            i = norm.find(form)
            while i != -1:
                e = i + len(form)
                if (
                    i in st.tok_starts
                    and i not in ends  # 海南省委: the gazetteer's
                    and not any(a <= i < b for a, b in taken)
                ):
                    g = self.gaz.lookup(province + form[1:])
                    if g is not None:
                        taken.append((i, e))
                        found.setdefault(
                            (i, e), Mention(i, e, st.text[i:e], g.type, g.id, g.name, "organ")
                        )
                i = norm.find(form, e)

    def _foreign_region(self, found: dict, st, c: Mention) -> None:
        """A foreign country's state, province or prefecture right after the country's
        name (美国|俄亥俄州, 日本|福岛县, 印度|喀拉拉邦): a Location no gazetteer lists.
        The name is whole jieba words with no function or common word in it (美国各州,
        美国一些州 are none)."""
        country = self.gaz.entries.get(c.key)
        norm = st.norm
        if country is None or country.iso == "CHN" or c.end not in st.tok_starts:
            return
        m = _FOREIGN_REGION.match(norm, c.end)
        if m is None or m.end() not in st.tok_ends:
            return
        if country.iso == "JPN" and norm[m.end() - 1] == "省":
            return  # Japan's 省 are ministries (总务省, 外务省); its divisions are 都道府县
        mid = m.group(1)
        if (
            any(ch in _PLACE_STOP_CHARS for ch in mid)
            or mid in self.place_stop
            or self._has_non_place_word(norm, c.end, m.end(1), st)
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

    def _agency(self, found: dict, st, c: Mention, others: list[int]) -> None:
        """A foreign country's agency: the country, a middle of name words (no function
        word, no boundary word) and an agency head ending the word (新加坡媒体发展管理局).
        China's own bodies are the gazetteer's and the organ rules'."""
        country = self.gaz.entries.get(c.key)
        if country is None or country.iso == "CHN":
            return
        norm = st.norm
        m = _AGENCY.match(norm, c.end)
        if not m or _SUB_BAD_START.match(norm, c.end) or m.end() not in st.tok_ends:
            return
        mid = m.group(1)
        if m.end() - m.end(1) == 1 and not self._head_is_word_end(m.end() - 1, st):
            return  # 苏联解体标志着两极格局: 局 ends the word 格局, no agency
        if norm[m.end() - 2 : m.end()] in _HEAD_VERBS and m.end() - 2 in st.tok_starts:
            return  # 某国今天签署: 署 ends the verb 签署
        if any(ch in _STOP_CHARS for ch in mid) or (
            self._boundary is not None
            and any(w.group() not in _NAME_INTERNAL for w in self._boundary.finditer(mid))
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
        found[(c.start, m.end())] = self._mention(st.text, c.start, m.end(), name)

    # -- names and keys -------------------------------------------------------------------

    def _mention(self, text: str, start: int, end: int, name: str) -> Mention:
        from kg.nlp.components.base import open_key

        surface = text[start:end]
        e = self.gaz.lookup(surface) or self.gaz.lookup(name)
        if e is not None and e.type in GOV_TYPES:
            return Mention(start, end, surface, e.type, e.id, e.name, "organ")
        name = norm_name(name)
        return Mention(
            start, end, surface, "GovernmentBody", open_key("GovernmentBody", name), name, "organ"
        )

    def _country(self, text: str, start: int, end: int, key: str) -> Mention:
        g = self.gaz.entries[key]
        return Mention(start, end, text[start:end], g.type, g.id, g.name, "gazetteer")

    def _emit_foreign(
        self, found: dict, text: str, country_key: str, start: int, e: int, canon: str
    ) -> None:
        ce = self.gaz.entries.get(country_key)
        cname = ce.name if ce is not None else text[start : start + 1]
        found.setdefault((start, e), self._mention(text, start, e, cname + canon))


class NominalFinder:
    """Nominal references to state organs (法院, 警方, 当地政府, 市教委, 税务部门): the
    words of ``nominal_organs.txt``, the bare organs of the local-organ lexicons, a
    domain + a suffix word, each optionally after a qualifier (当地, 市, 各级…).

    A nominal is a whole run of jieba tokens; it names no one body, so it gets no key
    (rule ``nominal``): the resolver keeps it out of the document's mentions and lists it
    in ``doc._.kg.nominals`` when no named mention overlaps it.
    """

    def __init__(self, directory: Path, organs: OrganFinder | None = None) -> None:
        lex = directory / "lexicon"
        words: set[str] = set()
        qualifiers: set[str] = set()
        suffixes: set[str] = set()
        for line in read_lines(lex / "nominal_organs.txt"):
            if line.startswith("qualifier:"):
                qualifiers.add(line.split(":", 1)[1].strip())
            elif line.startswith("suffix:"):
                suffixes.add(line.split(":", 1)[1].strip())
            else:
                words.add(line)
        if organs is not None:
            words |= {w for w in organs.local if len(w) >= 2}
        for d in read_lines(lex / "gov_domains.txt"):
            words |= {d + s for s in suffixes}
        forms = set(words)
        for q in qualifiers:
            forms |= {q + w for w in words if not w.startswith(q)}
        a = ahocorasick.Automaton()
        for w in forms:
            a.add_word(w, w)
        a.make_automaton()
        self._ac = a
        self.words = frozenset(forms)

    def find(self, st) -> list[Mention]:
        """Nominal candidates (leftmost-longest, token-aligned) of ``st``."""
        text, norm = st.text, st.norm
        hits: list[tuple[int, int, str]] = []
        for end_idx, w in self._ac.iter(norm):
            e = end_idx + 1
            s = e - len(w)
            if not st.aligned(s, e):
                continue  # only whole words: not the 政府 of 市政府采购
            if e < len(norm) and norm[e] == "长":
                continue  # 检察长, 院长: a post
            hits.append((s, e, w))
        hits.sort(key=lambda h: (h[0], -(h[1] - h[0])))
        out: list[Mention] = []
        last = -1
        for s, e, w in hits:
            if s >= last:
                out.append(Mention(s, e, text[s:e], "GovernmentBody", "", w, "nominal"))
                last = e
        return out
