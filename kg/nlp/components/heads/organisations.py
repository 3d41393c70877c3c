"""Organisation names by their head word for ``kg_patterns``: where the name starts (after
the last verb or class noun: 民营企业|某某有限公司, after a conjunction that follows a
complete name, at a known organisation whose unit it is) and whether it names one
organisation (南开大学, 某省博物馆) or a class (上市公司, 美国公司, 国家技术创新中心).

>>> sorted(SUBUNIT_HEADS - ORGAN_HEADS)
['代表处', '办事处', '办公室', '秘书处']
"""

from __future__ import annotations

import bisect
import re

from kg.nlp.components.heads.editions import SPECIFIC_PREFIX
from kg.nlp.components.heads.words import HAN, NAME_CHAR, DocView, segmenter_freq
from kg.nlp.components.name_model import FOREIGN, load_name_table
from kg.nlp.text import jieba_tags

# right before the head they name its field instead (中国企业|联合会)
ORG_CLASS_NOUNS = frozenset({"企业", "单位", "机构", "组织"})
# the heads of companies, and the trade words that jieba tags as verbs but that name a
# company's business inside its name (某某控股|有限公司, 某某投资|集团, 某某建设|集团)
COMPANY_HEADS = frozenset({"公司", "集团"})
# jieba's tags of proper nouns and abbreviations: one before a company's head is its short
# name (某某|集团), where a common noun names its trade (钢铁集团, 医疗集团: a class); not
# jieba's person tags (nr, nrt), which read 某某某|集团 as a person's clique
BRAND_TAGS = frozenset({"nz", "nt", "j"})
TRADE_WORDS = frozenset({"控股", "投资", "建设", "开发", "发展", "运营", "管理", "贸易", "物流"})
# jieba's person tags: a word of them whose characters are a transliteration's (name_model's
# foreign ratio) before a company's head is a foreign firm's name (某某某|集团), where a
# Chinese name's shape is a person's clique (某某|集团) or a common word jieba mistags (安保)
PERSON_TAGS = frozenset({"nr", "nrt"})
# the first letters of jieba's tags of prepositions, conjunctions, adverbs, pronouns,
# particles (ul, uj…), numerals, measures and verbs: a character of them opens no
# transliteration the HMM made (遭|某某, 3艘|某某)
NOT_OPENING = frozenset("pcdrumqv")
# jieba's tags of a character that may open a transliteration the HMM cut (萨|达尔)
OPENER_TAGS = frozenset({"nr", "nrt", "ns", "j"})
# heads that name an organisation only after such a transliterated name: an armed group
# (某某|武装), where a country or a common word before them names a class (某国|武装,
# 反政府|武装)
TRANSLIT_HEADS = frozenset({"武装"})
# an indefinite count or a demonstrative before the head: one of a class (某地一处|研究中心,
# 当地多家|医院), no name; so is a count of countries (某某两国|中央银行, 各国|大学): each
# country's own
INDEFINITE = re.compile("(?:[一两几多数某这那该每][处座家所个间栋])|[两三几多各]国")
# a time before a name (某年|某某公司): when, not a part of the name
LEADING_TIME = re.compile(r"(?:[0-9０-９]+[年月日])+")
# brackets, full- and half-width (the normalised text has either)
BRACKET_OPEN = re.compile("[（(]")
BRACKET_CLOSE = re.compile("[）)]")
# a people's name before 族 and an armed group's head: the armed men of an ethnic group
# (某某族|武装), a class
ETHNIC = "族"
# a demonstrative as a word of its own before the head points back to one named earlier
# (称|该|医院, 此|大学): an anaphor, no name
DEMONSTRATIVES = frozenset({"该", "此", "这", "那", "其", "本", "各", "每"})
# and right before the head even inside a word jieba joined to a verb (称该|医院)
ANAPHOR_ENDS = frozenset("该此这")
# one-character prepositions (jieba's tag p) that its HMM joins to an unknown name after
# them (对某某|公司, 同某某|集团, 以县|医院): no name opens with them; not the prepositions
# that are common surnames too (于, 向, 由, 从)
JOINED_PREPOSITIONS = frozenset("对同以在把被为给跟据")

# institutions a place has one of: right after a place's name they name it (某县人民医院,
# 某省博物馆), where a country's name and a head name a class (美国公司)
PLACE_OWN_HEADS = frozenset(
    {
        "人民医院",
        "中心医院",
        "医院",
        "大学",
        "学院",
        # a place's name before a school's head names one school (某县|中学, 某镇|小学),
        # where an ordinal or a field is needed after a country's (中国|中学: a class)
        "中学",
        "小学",
        "图书馆",
        "博物馆",
        "博物院",
        "科技馆",
        "美术馆",
        # a place's space centres (某地|卫星发射中心)
        "卫星发射中心",
        "卫星测控中心",
        "航天飞行控制中心",
    }
)
# a country's national institutions: after its name and 国家 they name its one (某国国家
# 图书馆, 某国国家博物馆), where 某国博物馆 may be any of its museums
NATIONAL_HEADS = frozenset({"图书馆", "博物馆", "博物院", "美术馆", "科技馆"})
# a country's national news agency and broadcaster: after its name, with 国家/中央 or
# 广播 between, they name the one (某国国家电视台, 某国中央通讯社, 某国广播电视台); a
# country's 通讯社 is its agency (某国通讯社), where 某国电视台 may be any of its stations
# a country's or a continent's disease-control centre is its one (某国|疾控中心, 某洲|疾病预防
# 控制中心), where 某国|研究中心 may be any of its centres
DISEASE_CONTROL = ("疾控", "疾病预防控制", "疾病控制和预防", "疾病控制与预防", "疾病预防与控制")
COUNTRY_MEDIA_HEADS = frozenset({"通讯社", "电视台", "广播电台"})
COUNTRY_MEDIA_BETWEEN = {"": frozenset({"通讯社"}), "国家": COUNTRY_MEDIA_HEADS,
                         "中央": COUNTRY_MEDIA_HEADS, "广播": frozenset({"电视台"}),
                         "国家广播": frozenset({"电视台"})}  # fmt: skip
# the heads of works and plants: their names hold a one-character product after a place
# (某地|糖厂, 某地|钢厂) and may open with an ordinal (第一|汽车制造厂, 某市|第二|棉纺厂)
FACTORY_HEADS = frozenset({"厂", "联合企业"})
# what makes 集团 a kind of group, not a firm's name: its leaders, rulers, capital, crimes
# or interests (某国领导集团, 某国垄断资本集团, 某地贩毒集团, 央企集团), a class of groups;
# a clique named for what it did (某某反党集团) is a name
GROUP_KINDS = ("领导", "统治", "资本", "垄断", "贩毒", "犯罪", "利益", "央企", "恐怖")
FACTORY_ORDINAL = re.compile(r"第[一二三四五六七八九十]{1,3}")
# the heads of an organisation's units: names only after the organisation's own
ORGAN_HEADS = frozenset({"委员会", "理事会"})
SUBUNIT_HEADS = frozenset({"办公室", "代表处", "办事处", "秘书处"}) | ORGAN_HEADS
# the whole country: with a designated period's head it names one (全国安全生产月)

# 市第一中学: the reporting government's institutions)
ORG_LOCAL_PREFIX = ("省", "市", "自治区", "首都")
# a rank or a class after a specific prefix (国家级, 中央一级, 全国性): a class of bodies
RANK = re.compile("[一二三]?级|性")
# prefixes of international organisations: they open the name of one (世界…联盟), where
# 国家/全国/国际 open a designation that many hold (国家技术创新中心, 国际消费中心)
WORLD_PREFIX = ("世界", "全球", "亚洲", "亚太")
# what a "verb" head's name needs before it (``IMPLEMENT_VERBS``, a year, a quote): a


class OrganisationNames:
    """The organisation rules of ``Patterns`` (a mixin: it reads the gazetteer and the word
    sets that ``Patterns`` sets up)."""

    def after_last_verb(
        self,
        norm: str,
        start: int,
        hs: int,
        view: DocView,
        company: bool = False,
        known: frozenset[int] | set[int] = frozenset(),
    ) -> int:
        """The start after the last verb word before an organisation's head (…首次入选|
        世界大学, 与X大学共建|新闻学院): organisation names hold nouns, a verb only as
        the word right before the head (保护|联盟). A class noun cuts too
        (民营企业|禾川智造有限公司). A ``company``'s trade words are no verbs there
        (某某控股|有限公司, 某某投资|集团)."""
        starts = view.starts
        a, cut = start, start
        while a < hs:
            b = starts.find(1, a + 1, hs)
            if b < 0:
                break  # the word right before the head is its field (警察|学院, 签名|银行)
            w = norm[a:b]
            if a in known:
                pass  # 遵义|…大学: a known place, whatever jieba tags it
            elif (w in self.verbs and not (company and w in TRADE_WORDS)) or w in ORG_CLASS_NOUNS:
                cut = b
            a = b
        return cut

    def after_conjunction(
        self, norm: str, start: int, hs: int, view: DocView, named: dict[int, int]
    ) -> int:
        """The start after a conjunction that follows a complete name (中国人民银行与|…银行,
        …学会和|…协会); a conjunction inside one name stays (园艺与花卉学会)."""
        ends = view.ends
        for j in range(hs - 1, start, -1):
            if norm[j] in "与和及同" and view.starts[j] and ends[j + 1]:
                h = self.head_of(norm[start:j])
                if (h is not None and self.head_type.get(h) == "Organization") or any(
                    named.get(a) == j for a in range(start, j)
                ):
                    return j + 1
        return start

    @staticmethod
    def subunit_start(
        norm: str,
        start: int,
        hs: int,
        named: list[int],
        named_end: dict[int, int],
        named_type: dict[int, str],
    ) -> int | None:
        """The start of the last known organisation in ``[start, hs)`` with a body of two
        or more characters after it (世界气象组织|华东区域联络办公室): a unit of that
        organisation runs from its name to the head."""
        lo, hi = bisect.bisect_left(named, start), bisect.bisect_left(named, hs)
        for p in reversed(named[lo:hi]):
            if named_type.get(p) == "Organization" and hs - named_end[p] >= 2:
                return p
        return None

    def function_word_between(self, norm: str, a: int, b: int, view: DocView) -> bool:
        """Whether a word of ``norm[a:b]`` is a function word (分别|与: a clause, not a
        unit's name; a bare 与 joins words inside one: 某知识与创新中心)."""
        while a < b:
            e = view.ends.find(1, a + 1, b + 1)
            if e < 0:
                return False
            if norm[a:e] in self.cut_words:
                return True
            a = e
        return False

    def country_led(self, word: str) -> bool:
        """Whether a dictionary word is a country and an organisation's head (中国大学,
        美国公司: a class of organisations, not one)."""
        for k in range(2, min(len(word) - 1, 8)):
            e = self.gaz.lookup(word[:k])
            if e is not None and e.type == "Country" and self.head_type.get(word[k:]):
                return True
        return False

    @staticmethod
    def demonstrative_word(norm: str, a: int, b: int, view: DocView) -> bool:
        """Whether a word of its own in ``norm[a:b]`` is a demonstrative (该, 此)."""
        while a < b:
            e = view.ends.find(1, a + 1, b + 1)
            if e < 0:
                return False
            if norm[a:e] in DEMONSTRATIVES:
                return True
            a = e
        return False

    def post_tail(self, norm: str, he: int, view: DocView) -> bool:
        """Whether the rest of the token that holds a head is a post title: jieba cuts
        学院院长, 商会会长 as one word, and the organisation ends before the post."""
        e = view.ends.find(1, he + 1)
        return e > he and norm[he:e] in self.posts

    def org_specific(
        self,
        norm: str,
        start: int,
        hs: int,
        he: int,
        view: DocView,
        named: dict[int, int],
        named_type: dict[int, str],
        weak: bool,
    ) -> bool:
        """Whether an organisation name ``norm[start:he]`` names one organisation: it is one
        dictionary word (南开大学), or it opens with a known name, a specific prefix or the
        reporting government's level (省, 市) and has more than that before its head
        (美国公司: a class; 美国花旗银行: a name). A ``weak`` head (中心, 实验室) needs a
        known name first or a proper name inside."""
        starts, ends = view.starts, view.ends
        if norm[hs:he] in SUBUNIT_HEADS and named_type.get(start) != "Organization":
            return False  # 办公室, 秘书处 of an organisation (a body's are state organs)
        if norm[hs:he] == "委员会" and named.get(start) != hs:
            return False  # 某联盟|委员会 is its commission; 某院学术委员会, 某党…中央委员会
            # are internal committees and organs
        if hs - start >= 2 and norm[hs - 1] == "类" and norm[hs - 2] != "人":
            return False  # 理工类|大学, 某某类|企业: a class of organisations
        if INDEFINITE.search(norm, start, hs):
            return False  # 某地北部一处|研究中心: one of a class, no name
        if norm[hs:he] == "集团" and norm.endswith(GROUP_KINDS, start, hs):
            return False  # 某国垄断资本|集团, 某国领导|集团: a kind of group
        if norm[hs - 1] in ANAPHOR_ENDS or self.demonstrative_word(norm, start, hs, view):
            return False  # 称该|医院, 此|大学: the one named before
        end = named.get(start)
        if (
            end is not None
            and named_type.get(start) == "Country"
            and norm[hs:he] in COUNTRY_MEDIA_BETWEEN.get(norm[end:hs], ())
        ):
            return True  # 某国国家|电视台, 某国|通讯社: the country's own
        if starts[start] and ends[he] and starts.find(1, start + 1, he) < 0:
            # one token: 南开大学, not 上市公司; 康复中心 is a kind of centre; a known
            # name inside the token is read below (美国|微软公司, 某省|博物馆)
            if not weak and norm[start:he] in self.org_words:
                return True
            if norm[hs:he] in PLACE_OWN_HEADS and hs - start >= 2:
                e = self.gaz.lookup(norm[start:hs])
                if e is not None and e.type == "Location":
                    return True  # 某地卫星发射中心 as one word of jieba's: the place's own
            if end is None or end > hs:
                return False
        if end is not None:
            kind = named_type.get(start)
            if end == hs:  # 中国科学院|大学, not 美国|公司
                # a place's own institution is one (某县|人民医院, 某省|博物馆)
                return kind in ("Organization", "GovernmentBody", "Ministry") or (
                    kind == "Location" and norm[hs:he] in PLACE_OWN_HEADS
                )
            if weak and kind == "Country":
                return False  # 中国研发中心, 某国生物实验室: a class of centres
            if kind == "Country" and norm[end:hs] == "国家" and norm[hs:he] in NATIONAL_HEADS:
                return True  # 某国国家|图书馆: the country's national one
            if norm[hs:he] in FACTORY_HEADS and kind == "Location" and hs - end == 1:
                return HAN.match(norm, end) is not None  # 某地|糖厂: a product names it
            return not self.generic(norm[end:hs])
        for p in (*ORG_LOCAL_PREFIX, *SPECIFIC_PREFIX):
            q = start + len(p)
            # a specific prefix may open a longer word of jieba's (国际金融|协会)
            if (
                norm.startswith(p, start)
                and not RANK.match(norm, q)  # 国家级…, 中央一级…, 全国性…: a rank, a class
                and (ends[q] or (not weak and starts[start] and p in SPECIFIC_PREFIX))
            ):
                if p in ORG_LOCAL_PREFIX:  # 省|科技馆, 省|中小企业服务促进中心; not 省以下…
                    return q == hs or not (norm.startswith("以", q) or self.generic(norm[q:hs]))
                if weak and p not in WORLD_PREFIX:
                    # 国家技术创新中心, 全国重点实验室, 国际产业联盟: designations or classes,
                    # not one body (a field jieba knows, 铁路 or 产业, does not tell one
                    # alliance from a class of them); a word no dictionary knows right
                    # after the prefix names the one (国家|某地名|盐湖资源技术创新中心)
                    b = view.starts.find(1, q + 1, hs)
                    return b > q and self.has_unknown_word(norm, q, b, view)
                return hs - q >= 2 and not self.generic(norm[q:hs])
        if norm[hs:he] in FACTORY_HEADS and (o := FACTORY_ORDINAL.match(norm, start)):
            return hs - o.end() >= 2 and not self.generic(norm[o.end() : hs])  # 第一|汽车制造厂
        if (
            norm[hs:he] in COMPANY_HEADS
            and hs - start >= 2
            and starts[start]
            and starts.find(1, start + 1, hs) < 0
            and (jieba_tags().get(norm[start:hs]) in BRAND_TAGS or transliterated(norm[start:hs]))
            and norm[start:hs] not in self.head_type  # 联盟|公司: of a longer name
        ):
            return True  # 某某|集团 of a proper name jieba knows (a brand, a firm's short name)
        if weak or not self.has_unknown_word(norm, start, hs, view):
            return False
        # 星榜|世界大学: an unknown word before a class noun (world or a country + head)
        a = view.starts.rfind(1, start, hs)
        if a <= start:
            return True
        before = norm[a:hs]
        e = self.gaz.lookup(before)
        return before not in ("世界", "全球") and (e is None or e.type != "Country")

    @staticmethod
    def opens_with_proper_name(norm: str, start: int, hs: int, view: DocView) -> bool:
        """Whether a name's first word is one no dictionary holds (a proper name its HMM
        cut: 引澜济青|工程, 某河|治理工程), a whole token before the head."""
        b = view.starts.find(1, start + 1, hs + 1)
        if b < 0 or not view.ends[b] or b - start < 2 or not HAN.fullmatch(norm, start, b):
            return False
        if norm[start] in DEMONSTRATIVES:
            return False  # 此河|治理工程: the HMM joined a pronoun to what it points back to
        return norm[start:b] not in segmenter_freq()

    @staticmethod
    def has_unknown_word(norm: str, start: int, hs: int, view: DocView) -> bool:
        """Whether a token of ``norm[start:hs]`` is a word jieba's dictionary does not hold
        (cut by its HMM: a proper name such as a company's, 海垦|集团)."""
        freq = segmenter_freq()
        a = start
        while a < hs:
            b = view.starts.find(1, a + 1, hs)
            if b < 0:
                b = hs
            w = norm[a:b]
            if (
                len(w) >= 2
                and NAME_CHAR.match(w)
                and not w.isdigit()
                and not freq.get(w)
                and not function_joined(w)
            ):
                return True
            a = b
        return False

    def add_organisation(
        self,
        st,
        norm: str,
        view: DocView,
        head: str,
        start: int,
        hs: int,
        he: int,
        quoted: tuple[int, int] | None,
        named: list[int],
        named_end: dict[int, int],
        named_type: dict[int, str],
        named_ends: set[int],
        places: set[int],
    ) -> None:
        """Add the organisation whose head is ``norm[hs:he]`` and whose left edge is at
        ``start``, when it names one organisation; ``named_ends`` takes its end."""
        starts, ends = view.starts, view.ends
        if head in TRANSLIT_HEADS:
            if norm[hs - 1 : hs] == ETHNIC:
                return  # 某某族|武装: an ethnic group's armed men, a class
            t = starts.rfind(1, max(0, hs - 8), hs)  # the word right before the head
            if hs - t >= 3 and not transliterated(norm[t:hs]):
                t += 1  # 遭某某: the HMM joined a verb to the name; the name after it
            if t < 1 or t in named_end or not transliterated(norm[t:hs]):
                return
            # one character the HMM cut off a three-character name (萨|达尔); not before a
            # longer one (叙|某某某: a country's one-character short form)
            if (
                hs - t == 2
                and starts[t - 1]
                and jieba_tags().get(norm[t - 1]) in OPENER_TAGS  # not 遭|某某, 了|某某
                and t - 1 not in named_end
                and transliterated(norm[t - 1 : hs])
            ):
                t -= 1
            if segmenter_freq().get(norm[t - 1 : t + 1]):
                return  # 理|论体系|武装全党: the name would start inside a word (a verb's 武装)
            self.add(st, t, he, "Organization", "organ")  # 某某|武装: an armed group
            return
        if head == "小学" and norm[hs - 1 : hs] == "中":
            return  # 全国(大)中|小学: the schools of these levels, a class
        p = disease_control_start(norm, hs, named, named_end, named_type, head)
        if p is not None:
            self.add(st, p, he, "Organization", "organ")  # 某国|疾病预防控制|中心: its one
            return
        sub = self.subunit_start(norm, start, hs, named, named_end, named_type)
        if sub is not None and self.function_word_between(norm, named_end[sub], hs, view):
            sub = None  # 某总台分别与|某中心: a clause between, no unit of it
        # a known organisation's unit may hold verbs (X组织|推进…协调中心);
        # elsewhere the last verb ends the context (首次入选|世界大学)
        start = (
            sub
            if sub is not None
            else self.after_last_verb(norm, start, hs, view, head in COMPANY_HEADS, places)
        )
        t = starts.rfind(1, start, hs + 1)  # the start of the head's token
        if start < t and norm[t:he] in self.org_words and ends[he] and named_end.get(start) != t:
            start = t  # …|南开大学: a dictionary name takes no words but a place
        start = self.after_conjunction(norm, start, hs, view, named_end)
        p = after_joined_preposition(norm, start, hs, view)
        if p > start and norm[p] in DEMONSTRATIVES:
            return  # 以其|船公司, 为本|公司: the one the text means, no name
        start = p
        if (t := LEADING_TIME.match(norm, start, hs)) and starts[t.end()]:
            start = t.end()  # 某年|某某公司: the time is no part of the name
        if norm[hs - 1] in "与和及" and start < hs and starts[hs - 1]:
            return  # …与|中心: the head stands alone after a conjunction (not 某和|医院,
            # one word of jieba's)
        lo, hi = bisect.bisect_right(named, start), bisect.bisect_left(named, hs)
        for p in reversed(named[lo:hi] if sub is None else ()):
            # (not in a known organisation's unit: 某科学院|某技术某地研究院 holds a place)
            if p not in named_ends:
                start = p  # 某人会见|德国弗兰肯集团: unknown words before a known name
                break
        if BRACKET_CLOSE.search(norm, start, hs) and not BRACKET_OPEN.search(norm, start, hs):
            return  # 某某（某国）|有限公司: the name opens before the bracket, out of reach
        dotted = None if head in self.weak_heads else dotted_name_start(norm, start, hs, view)
        if dotted is not None:
            start = dotted  # 某某·某某|医院: an institution named after a foreign person
        elif quoted is None and not self.org_specific(
            norm, start, hs, he, view, named_end, named_type, head in self.weak_heads
        ):
            return  # 有关公司, 各大学, 美国公司: a class of organisations
        lo, hi = bisect.bisect_right(named, start), bisect.bisect_left(named, hs)
        if any(named_end[p] == he for p in named[lo:hi]):
            return  # 某某所属|中央电视台: the known name stands
        end = named_end.get(start, -1)
        if (
            start < end < hs
            and named_type[start] in ("GovernmentBody", "Ministry")
            and norm[end:he] in self.org_words
            and ends[he]
        ):
            return  # X国央行|X银行: a known body and the name it goes by
        # rule "organ": like a composed organ name, it also mentions the country
        # or place that opens it (西班牙|…促进会)
        self.add(st, start, he, "Organization", "organ")
        named_ends.add(he)  # 某大学附属医院|分院: a name that goes on
        return


def disease_control_start(
    norm: str,
    hs: int,
    named: list[int],
    named_end: dict[int, int],
    named_type: dict[int, str],
    head: str,
) -> int | None:
    """The start of the country or place whose disease-control centre ends in the head
    ``中心`` at ``hs`` (某国|疾控|中心, 某洲|疾病预防控制|中心: its one; the field's verbs
    are no cut there), or None."""
    if head != "中心":
        return None
    for f in DISEASE_CONTROL:
        if norm.endswith(f, 0, hs):
            p = hs - len(f)
            i = bisect.bisect_left(named, p - 12)
            for s in named[i : bisect.bisect_left(named, p)]:
                if named_end.get(s) == p and named_type.get(s) in ("Country", "Location"):
                    return s
    return None


def after_joined_preposition(norm: str, start: int, hs: int, view: DocView) -> int:
    """The start after the last preposition in ``norm[start:hs]`` that jieba's HMM joined
    to the unknown word after it (某部正在|对某某|公司 → 某某公司, 以县|医院 → 县医院);
    ``start`` when there is none. A dictionary word keeps its first character
    (对外经济贸易大学: a dictionary word that opens with one)."""
    starts, freq, cut = view.starts, segmenter_freq(), start
    a = start
    while a < hs - 1:
        b = starts.find(1, a + 1, hs + 1)
        if b < 0:
            break  # one token runs on into the head: a dictionary name
        if norm[a] in JOINED_PREPOSITIONS and starts[a] and b - a >= 2 and not freq.get(norm[a:b]):
            cut = a + 1
            while cut < b and norm[cut] in JOINED_PREPOSITIONS:
                cut += 1  # 同以|某某: two of them
        a = b
    return cut


# a foreign person's name joined by middle dots (某某·某某), its last part before the head
DOTTED_TAIL = re.compile(r"[\u4e00-\u9fff]{1,8}")
HAN_BEFORE = re.compile(r"[\u4e00-\u9fff]+\Z")


def dotted_name_start(norm: str, start: int, hs: int, view: DocView) -> int | None:
    """The start of a foreign person's dotted name that runs up to the head at ``hs``
    (卡迈勒·某某|医院, 约翰斯·|某某大学): the word before the first dot is a
    transliteration or a person's name; None when no dot joins the name's last part to
    the head."""
    lo = norm.rfind("·", max(0, start - 1), hs)
    if lo < 0 or not DOTTED_TAIL.fullmatch(norm, lo + 1, hs):
        return None
    first = lo  # back to the first dot of the run (某·某·某)
    while (m := HAN_BEFORE.search(norm, max(0, first - 8), first)) and m.start() > 0:
        if norm[m.start() - 1] != "·":
            break
        first = m.start() - 1
    a = view.starts.rfind(1, max(0, first - 8), first)
    w = norm[a:first] if a >= 0 else ""
    # the dot marks a foreign name: a person's tag of jieba's will do (约翰斯, 穆罕默德)
    if len(w) < 2 or not (jieba_tags().get(w) in PERSON_TAGS or transliterated(w)):
        return None
    return a


def function_joined(word: str) -> bool:
    """Whether an unknown two-character word is two function or verb characters its HMM
    joined (刚|进, 住|进: an adverb or a verb and a verb), no proper name; characters
    likelier in transliterations (a foreign firm's name of two verbs' characters) are one.

    >>> function_joined("刚进"), function_joined("海垦")
    (True, False)
    """
    tags = jieba_tags()
    if len(word) != 2 or not all(tags.get(ch, "x")[0] in NOT_OPENING for ch in word):
        return False
    foreign = load_name_table()[2]
    return sum(foreign.get(ch, 0.0) for ch in word) / 2 < FOREIGN


def transliterated(word: str) -> bool:
    """Whether ``word`` is a foreign proper name: two characters or more, a person's tag in
    jieba's dictionary or no entry there (cut by its HMM), and characters likelier in
    transliterations than in Chinese given names (瓦格纳-like words, not 江青, 安保)."""
    if len(word) < 2 or not HAN.fullmatch(word):
        return False
    tags = jieba_tags()
    if tags.get(word) not in PERSON_TAGS:
        if segmenter_freq().get(word):
            return False  # a common word
        if tags.get(word[0], "x")[0] in NOT_OPENING:
            return False  # 同|某某, 遭|某某: the HMM joined a word before the name
    foreign = load_name_table()[2]
    return sum(foreign.get(ch, 0.0) for ch in word) / len(word) >= FOREIGN
