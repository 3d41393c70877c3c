"""``kg_patterns``: names no list holds — programmes, events, organisations, quoted
campaign names.

A bare name ends in a head word (``ontology/lexicon/open_heads.tsv``: 工程, 专项行动,
论坛, 合作年, 大学, 研究院, 商会…) and starts after the last boundary word or punctuation
before it (``boundary_words.txt``: 实施|沿海防护林提质工程). Quoted names take the head
that follows the quote (“净岸”系列专项行动 → 净岸系列专项行动). Event editions are folded:
第三届山货购物节 and 2021年第三届山货购物节 are one event, 山货购物节. An organisation
name also stops after a verb or a class noun in apposition (首次入选|…, 民营企业|X公司)
and needs a sign that it names one organisation (``Patterns._org_specific``): 南开大学,
西班牙华侨华人联合会, 省人民医院, not 上市公司, 有关公司 or 国家技术创新中心.
"""

from __future__ import annotations

import bisect
import re
from functools import lru_cache
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from kg.model import Mention
from kg.nlp.components.base import kgdoc, open_key
from kg.nlp.components.campaign_reach import launched_start, party_campaign_start
from kg.nlp.components.event_names import (
    DATE_AFTER,
    EDITION_OPENS,
    EVENT_AFTER,
    anniversary_start,
    games_host,
    leaders_pair,
)
from kg.nlp.components.implemented_names import conjunct_of_rescued, governed_object
from kg.nlp.components.joint_lines import joint_lines
from kg.nlp.components.memoranda import MEMO_HEADS, memo_start
from kg.nlp.gazetteer import ONTOLOGY_DIR, Gazetteer, load_gazetteer, read_lines
from kg.nlp.organs import NominalFinder, OrganFinder
from kg.nlp.text import norm_name, offset_mask, word_alternation

_HAN = re.compile(r"[\u4e00-\u9fff]+")
_NAME_CHAR = re.compile(r"[\u4e00-\u9fffA-Za-z0-9·]")
# the name characters that end a search's range (``endpos``)
_NAME_TAIL = re.compile(r"[\u4e00-\u9fffA-Za-z0-9·]+\Z")
_ORDINAL_IN = re.compile(r"第[一二三四五六七八九十百零〇\d]+(?:届|次|期)")
# an edition right before a quoted name (第三届|“…”论坛)
_EDITION_BEFORE = re.compile(
    r"(?:(?:19|20)\d{2}年?)?第[一二三四五六七八九十百零〇\d]+(?:届|次|期)\Z"
)
_EDITION = re.compile(
    r"^(?:(?:19|20)\d{2}年?)?(?:第[一二三四五六七八九十百零〇\d]+(?:届|次|期)|首届)?"
)
# the same, matched at a position (``_EDITION.match`` from a position finds nothing)
_EDITION_AT = re.compile(_EDITION.pattern[1:])
_ORDINAL_OPEN = re.compile(r"(?:(?:19|20)\d{2}年?)?第[一二三四五六七八九十百零〇\d]+(?:届|次)")
_GENERIC_PREFIX = (
    "本次",
    "这次",
    "此次",
    "该",
    "有关",
    "相关",
    "各类",
    "各级",
    "各种",
    "多个",
    "一系列",
    "重要",
    "系列",
    "上述",
    "这些",
    "那些",
    "其他",
    "其它",
    "一些",
    "部分",
    "专题",
    "主题",
    "国际性",
    "全国性",
    "地方",
    "新型",
    "多边",
    "双边",
    "区域",
    "国内",
    "全球性",
    "线上",
    "线下",
    "大型",
    "年度",
    "多国",
    "各国",
    "对外",
    "多项",
    "各项",
    "一批",
    "若干",
    "重大",
    "重点",
    "全省",
    "全市",
    "全县",
    "全区",
    "国家级",
    "省级",
    "市级",
    "县级",
    "一流大学",
    "主要",
)
# a counted phrase ends the left context: 遴选4个|…, 258个|试点示范项目, 五大|工程
_COUNTED = re.compile(
    r"(?:[\d一二三四五六七八九十百千万两几多]+(?:个|项|批|家|所|类|种|条|座|大|支|期|亿|万|轮|场))"
    r"|(?:[\d一二三四五六七八九十]{1,3}(?:月|日|号))"  # 8月21日至22日|于…: a date
    r"|(?:[一二三四1-4]季度)"  # 一季度|国家开发银行…
    r"|(?:首(?:批|个|家))"  # 全国首批|…先行区: the first of a class
)
# an amount opens no programme's name (1亿亩|试点)
_AMOUNT = re.compile(r"\d+(?:\.\d+)?[十百千万亿]")
_NUMERAL = re.compile(r"[\d一二三四五六七八九十两百千万]")
# a count of a package of programmes right before its field (十大|伙伴行动, 八项|…)
_COUNTED_SET = re.compile(r"[二三四五六七八九十百]+[大项]\Z")
_COUNT_ONLY = re.compile(
    r"[\d一二三四五六七八九十百千万两几多]+(?:个|项|批|家|所|类|种|条|座|大|支|期)?"
)
# a quoted numeric shorthand of a policy (“两新”, “双减”, “四好农村路”); not a counted
# slogan (“两个确立”, “五项要求”, “八大行动”), a period (“十四五”) or a per-unit method
# (“一企一策”)
_SHORTHAND = re.compile(r"[一二三四五六七八九十两双][\u4e00-\u9fff]{1,5}")
_NOT_SHORTHAND = re.compile(r".[个项大位]|十.五|一.{1,3}一")
# what governs a shorthand that names a policy instrument: an implementing verb and at most
# three characters of modifier (实施|“两新”, 抓好本地|“一补”“两减”); ideological verbs
# (坚持, 树牢, 增强, 做到) govern slogans
_SHORTHAND_VERB = re.compile(
    r"(?:实施|推进|落实|抓好|用好|建设|推广|执行|巩固)[\u4e00-\u9fff]{0,3}\Z"
)
# what may follow the shorthand (or its chain “A”“B”): the end of the phrase or a word that
# makes it the policy itself (“两新”政策, “双一流”建设), not a field or a concept (“三农”工作,
# “三新”领域, “三不腐”理念)
_SHORTHAND_NEXT = ("的", "等", "和", "与", "及", "政策", "建设", "战略", "成果")
# an implementing verb, then up to 14 characters of modifiers in the same clause, right
# before a quoted programme (实施城乡结对、资源下沉|“…”)
_IMPLEMENTING_BEFORE = re.compile(r"(?:实施|开展|启动|推广|推进)[\u4e00-\u9fff、]{0,14}\Z")
# a preposition that gives such a verb a target or a purpose (对某地实施“…”, 为推进…贡献
# “…”), or a copula that makes the quote a predicate (开展…是“…”)
_TARGET = re.compile(r"[对向为是]")
# a counted slogan opens with a count (“两个确保”, “三个集中”, “四种形态”)
_COUNTED_OPEN = re.compile(r"[一二三四五六七八九十两\d]+[个种条点大]")
# what ends a quoted experiment, a field, a target, a model practice, a product or a
# meeting, not a programme (“…实验”, “…建设”, “…经验”, “…13号”, “…对接会”)
_NOT_PROGRAMME_ENDS = ("实验", "试验", "建设", "家庭", "经验", "处理", "号", "会", "机制", "外交")
# after 等, the class nouns of ways of working (推广“A”“B”等方式)
_LIST_OF_WAYS = re.compile(
    r"等[\u4e00-\u9fff]{0,4}?(?:方式|模式|机制|做法|形式|办法|技术|举措|措施|便利)"
)
# what may follow a quoted programme: the end of the phrase or 等
_AFTER_QUOTED_NAME = frozenset("，。；、：等和与及）)\n")
_NEXT_QUOTE = re.compile(r"、?“[^“”\n]{1,8}”")
# the last word of a sector before its period plan (…建设|“十四五”规划)
_SECTOR_TAIL = re.compile(r"(?:建设|发展|体系|事业|产业|保护|治理|改革)\Z")
_QUOTE_IN = re.compile(r"“([^“”]{2,12})”")
_QUOTED_NAME = re.compile(r"[\u4e00-\u9fffA-Za-z0-9·—]{1,10}")
# boundary words that also occur inside names (乡村建设样板工程, 资源开发数据平台)
_NAME_INTERNAL = frozenset(
    {"建设", "建成", "开发", "组织", "形成", "整合", "集成", "合作", "提升", "深化"}
)
# of these, the ones that stand inside a noun compound after a noun (要素整合利用, 整治提升,
# 区域合作); 建设, 建成, 形成 after a noun are a subject's predicate (上海建设|X中心)
_COMPOUND_INTERNAL = frozenset({"集成", "整合", "提升", "深化", "合作", "开发", "组织"})
# verbs that implement a programme: right before a "weak+verb" head's name they show it
# is a named programme
_IMPLEMENT_VERBS = frozenset(
    {"实施", "启动", "推进", "推动", "开展", "实行", "组织实施", "深入实施", "抓好", "深化", "扩大"}
)
# the heads of study campaigns: a quoted slogan before them names one whatever follows
# (“某某”学习教育|常态化)
_CAMPAIGN_HEADS = frozenset({"学习教育", "教育实践活动"})
# verbs that open programme names as their policy area (扶贫济困服务平台, 打击…, 促进…)
_POLICY_VERBS = frozenset(
    {
        "扶贫",
        "打击",
        "促进",
        "振兴",
        "保护",
        "治理",
        "整治",
        "发展",
        "创新",
        "改革",
        "开发",
        "防治",
        "推进",
        "加强",
        "提升",
        "繁荣",
        "复兴",
        "建设",
        "融合",
        "传承",
        "共建",
        "援助",
        "帮扶",
    }
)
# characters that end a noun phrase after its head (的, localizers, copula, conjunctions)
_PHRASE_END_CHARS = frozenset("的上中下里内外和与及或等为是已将正由对向在于以并也都")
# heads that are heads only as a word of their own (扶贫|网, not 互联网)
_TOKEN_HEADS = frozenset({"网"})


def _load_heads(
    directory: Path,
) -> tuple[list[tuple[str, str]], frozenset[str], frozenset[str], frozenset[str], frozenset[str]]:
    """(head, type) longest first, the weak heads, the weak heads a verb rescues, the
    heads only a verb (or a year) makes a name of, and the heads of short forms."""
    heads, weak, rescued, verb_only, short = [], set(), set(), set(), set()
    for line in read_lines(directory / "lexicon" / "open_heads.tsv"):
        parts = line.split()
        if len(parts) >= 2:
            heads.append((parts[0], parts[1]))
            flag = parts[2] if len(parts) > 2 else ""
            if flag == "short":
                short.add(parts[0])
            if flag.startswith("weak") or flag == "verb":
                weak.add(parts[0])
                if flag in ("weak+verb", "verb"):
                    rescued.add(parts[0])
                if flag == "verb":
                    verb_only.add(parts[0])
    return (
        sorted(heads, key=lambda h: len(h[0]), reverse=True),
        frozenset(weak),
        frozenset(rescued),
        frozenset(verb_only),
        frozenset(short),
    )


# jieba dictionary tags of words that never open or continue a name: adverbs,
# prepositions, conjunctions, pronouns, particles (严格|执行, 按|…, 或者|…, 我们|…,
# 这次|…); jieba's time tag "t" is left out (it covers 青年)
_CUT_TAGS = ("d", "ad", "p", "c", "r", "u")
_NOT_CUT = frozenset({"与", "和", "及", "中", "国", "本", "第"})


@lru_cache(maxsize=1)
def _dictionary_words() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """From jieba's dictionary (words of 1–4 characters): those whose tag (``_CUT_TAGS``)
    ends the context of a name, the verbs (tag ``v``) and the adverbs (tag ``d``)."""
    from kg.nlp.text import jieba_tags

    cut, verbs, adverbs = set(), set(), set()
    for w, tag in jieba_tags().items():
        if len(w) <= 4:
            if tag in _CUT_TAGS:
                cut.add(w)
                if tag == "d":
                    adverbs.add(w)
            elif tag == "v":
                verbs.add(w)
    return frozenset(cut - _NOT_CUT), frozenset(verbs), frozenset(adverbs)


# jieba tags of words that name a class, not one thing: a dictionary word made of one of
# these and an organisation's head is a class noun (上市|公司, 儿童|医院, 美术|学院)
_COMMON_TAGS = frozenset({"n", "v", "vn", "a", "ad", "an", "d", "b", "f", "m", "q", "r", "l", "s"})


@lru_cache(maxsize=4)
def _org_words(heads: tuple[str, ...]) -> frozenset[str]:
    """jieba's dictionary words tagged as organisation or proper names (``nt``, ``nz``)
    that end in an organisation's head after a part that is no common word: 南开大学,
    人民文学出版社, not 上市公司 or 儿童医院."""
    from kg.nlp.text import jieba_tags

    tags = jieba_tags()
    out = set()
    for w, tag in tags.items():
        if tag in ("nt", "nz") and len(w) <= 12:
            h = next((h for h in heads if w.endswith(h) and len(w) > len(h)), None)
            if h is not None and tags.get(w[: -len(h)]) not in _COMMON_TAGS:
                out.add(w)
    return frozenset(out)


@lru_cache(maxsize=1)
def _verb_openers() -> frozenset[str]:
    """jieba's verbs and adverbs of two characters (颁布, 广泛, 认真)."""
    from kg.nlp.text import jieba_tags

    return frozenset(
        w for w, tag in jieba_tags().items() if len(w) == 2 and tag in ("v", "d", "ad", "vd")
    )


@lru_cache(maxsize=1)
def _time_words() -> frozenset[str]:
    """jieba's time words (tag ``t``: 今天, 日前, 上午): after an event's name they say
    when it happens."""
    from kg.nlp.text import jieba_tags

    return frozenset(w for w, tag in jieba_tags().items() if tag == "t")


@lru_cache(maxsize=1)
def _predicate_words() -> frozenset[str]:
    """jieba's idioms and set phrases (tags ``i``, ``l``): after a name they are its
    predicate (…试验区|初具规模)."""
    from kg.nlp.text import jieba_tags

    return frozenset(w for w, tag in jieba_tags().items() if tag in ("i", "l"))


def _segmenter_freq() -> dict[str, int]:
    """The word frequencies of the segmenter in use: a word with none is one its HMM
    made up, not a dictionary word."""
    from kg.nlp.segment import fast_segmenter

    dt = getattr(fast_segmenter(), "dt", None)
    return dt.FREQ if dt is not None else {}


def _cut_words() -> frozenset[str]:
    return _dictionary_words()[0]


# a weak head's name is specific when it opens with one of these, a year, a period
# (“十四五”, 2021—2025年) or an edition (第三届)
_SPECIFIC_PREFIX = (
    "国家",
    "全国",
    "全军",
    "中国",
    "中华",
    "中央",
    "国际",
    "世界",
    "全球",
    "亚洲",
    "亚太",
    "首届",
)
# class nouns that stand before an organisation's name in apposition (高新技术企业|X公司);
# right before the head they name its field instead (中国企业|联合会)
_ORG_CLASS_NOUNS = frozenset({"企业", "单位", "机构", "组织"})
# the heads of companies, and the trade words that jieba tags as verbs but that name a
# company's business inside its name (某某控股|有限公司, 某某投资|集团, 某某建设|集团)
_COMPANY_HEADS = frozenset({"公司", "集团"})
_TRADE_WORDS = frozenset({"控股", "投资", "建设", "开发", "发展", "运营", "管理", "贸易", "物流"})
# verbs that name what an event is for: they open its name (纪念…大会, 庆祝…大会)
_EVENT_VERBS = frozenset({"庆祝", "纪念", "欢庆", "表彰", "展览", "交易", "合作", "交流"})
# weak heads of physical sites: a verb after one is as often its own (基地|遭袭, 园区|扩建)
_SITE_HEADS = frozenset({"基地", "园区"})
# the bodies an event names (X运动会|组委会, X纪念活动|新闻中心)
_EVENT_ORGANS = ("组织委员会", "组委会", "执委会", "筹委会", "新闻中心")
# institutions a place has one of: right after a place's name they name it (某县人民医院,
# 某省博物馆), where a country's name and a head name a class (美国公司)
_PLACE_OWN_HEADS = frozenset(
    {"人民医院", "中心医院", "医院", "大学", "图书馆", "博物馆", "博物院", "科技馆", "美术馆"}
)
# the heads of an organisation's units: names only after the organisation's own
_ORGAN_HEADS = frozenset({"委员会", "理事会"})
_SUBUNIT_HEADS = frozenset({"办公室", "代表处", "办事处", "秘书处"}) | _ORGAN_HEADS
# the whole country: with a designated period's head it names one (全国安全生产月)
_WHOLE = ("全国", "国家")
# first characters of the head words per regular expression (see ``Patterns._head_res``)
_FIRSTS_PER_PASS = 30
_NAMED_TYPES = frozenset({"Location", "Country", "GovernmentBody", "Ministry", "Organization"})
# an organisation name may also open with a province's or city's own level (省人民医院,
# 市第一中学: the reporting government's institutions)
_ORG_LOCAL_PREFIX = ("省", "市", "自治区", "首都")
# prefixes of international organisations: they open the name of one (世界…联盟), where
# 国家/全国/国际 open a designation that many hold (国家技术创新中心, 国际消费中心)
_WORLD_PREFIX = ("世界", "全球", "亚洲", "亚太")
# what a "verb" head's name needs before it (``_IMPLEMENT_VERBS``, a year, a quote): a
# cheap test before the left edge is looked for
_VERB_ONLY_HINT = re.compile(r"实施|启动|推进|推动|开展|实行|”|(?:19|20)\d{2}")
_YEAR = re.compile(r"(?:19|20)\d{2}")
# a date right after an event's name (X论坛|27日至28日|在…举行)
_DATE_AFTER = DATE_AFTER
# an edition of a recurring event at a name's start (第二届|…峰会), not a body's session
_EDITION_OF_SERIES = re.compile(
    r"(?:(?:19|20)\d{2}年?)?(?:第[一二三四五六七八九十百零〇\d]+届|首届)"
)
# what a dated plan's name needs besides its period (中长期发展规划 names no plan)
_RANKED = re.compile(r"[级份照]")
_PLAIN_BODIES = frozenset({"发展", "建设", "改革", "工作", "国家", "全国", "我国", "国民经济"})
# a period inside a plan's name: 中长期, 2021—2025年
_PERIOD_IN = re.compile(
    r"中长期|(?:19|20)\d{2}[—–－-](?:19|20)?\d{2}年|(?<![\d一二三四五六七八九十])[三五十]年\Z"
)  # (searched up to the head) a span of years right before it: 基础研究十年|规划
_PERIOD = re.compile(
    r"(?:(?:19|20)\d{2}|第[一二三四五六七八九十百零〇\d]+(?:届|次|期|个)|[一二三四五六七八九十]{1,3}五)"
)


_BODY_TYPES = frozenset({"GovernmentBody", "Ministry"})
_TERM = re.compile(r"第?([一二三四五六七八九十百零〇\d]+)届")
_SESSION = re.compile(r"第?([一二三四五六七八九十百零〇\d]+)次(?:全体)?会议\Z")
_CN_DIGITS = {c: i for i, c in enumerate("零一二三四五六七八九")} | {"〇": 0}


def _cn_number(s: str) -> int | None:
    """A number written in digits or in Chinese up to 999 (十四 → 14, 二十五 → 25).

    >>> _cn_number("十四"), _cn_number("二十五"), _cn_number("3"), _cn_number("一百零二")
    (14, 25, 3, 102)
    """
    if s.isdigit():
        return int(s)
    total, cur = 0, 0
    for ch in s:
        if ch in _CN_DIGITS:
            cur = _CN_DIGITS[ch]
        elif ch == "十":
            total += (cur or 1) * 10
            cur = 0
        elif ch == "百":
            total += (cur or 1) * 100
            cur = 0
        else:
            return None
    return total + cur


def _session_key(body: str, surface: str, rest: str) -> str | None:
    """The key of a body's numbered session, the same whatever form names the body and
    its term (全国政协十四届三次会议 = 中国人民政治协商会议第十四届全国委员会第三次
    会议): the body's label, its term (届) and the session (次); ``surface`` is the body's
    name as written, ``rest`` what follows it (…|第三次会议); the term may be in either.

    >>> _session_key("中国人民政治协商会议全国委员会", "全国政协十四届", "三次会议")
    'event/中国人民政治协商会议全国委员会第14届第3次会议'
    >>> _session_key("某委员会", "某委员会", "第五届第二次全体会议")
    'event/某委员会第5届第2次会议'
    """
    m = _SESSION.search(rest)
    if m is None:
        return None
    n = _cn_number(m.group(1))
    t = _TERM.search(rest, 0, m.start()) or _TERM.search(surface)
    term = _cn_number(t.group(1)) if t is not None else None
    if n is None:
        return None
    name = f"{body}第{term}届第{n}次会议" if term else f"{body}第{n}次会议"
    return open_key("Event", name)


class _DocView:
    """What ``Patterns`` looks up many times per document: token boundaries as byte masks
    (indexing and ``find`` beat ``in`` a character at a time) and the ends of the Person
    candidates (read as the candidates grow)."""

    __slots__ = ("_persons", "_seen", "ends", "starts")

    def __init__(self, st) -> None:
        n = len(st.norm)
        self.starts = offset_mask(st.tok_starts, n)
        self.ends = offset_mask(st.tok_ends, n)
        self._persons: list[int] = []
        self._seen = 0

    def person_ends(self, st) -> list[int]:
        """Ends of the Person candidates of ``st``, in candidate order."""
        cands = st.candidates
        if self._seen < len(cands):
            self._persons += [c.end for c in cands[self._seen :] if c.type == "Person"]
            self._seen = len(cands)
        return self._persons


class Patterns:
    """Open-class Program and Event names from head words and quotes."""

    def __init__(self, gazetteer: Gazetteer, directory: Path, max_len: int = 24) -> None:
        self.gaz = gazetteer
        (
            self.heads,
            self.weak_heads,
            self.verb_rescued,
            self.verb_only,
            self.short_heads,
        ) = _load_heads(directory)
        self._cut_words, self._verbs, self._adverbs = _dictionary_words()
        posts = sorted(set(gazetteer.posts), key=len, reverse=True)
        self._posts = frozenset(posts)
        # (as a trie: one branch per character, not every post at every position)
        self._post_re = re.compile(word_alternation(posts) if posts else "(?!)")
        self.head_type = dict(self.heads)
        self._short_tuple = tuple(self.short_heads)
        self._head_lengths = sorted({len(h) for h in self.head_type}, reverse=True)
        self._org_words = frozenset(
            w
            for w in _org_words(tuple(h for h, t in self.heads if t == "Organization"))
            if not self._country_led(w)
        )
        self.boundaries = sorted(
            set(read_lines(directory / "lexicon" / "boundary_words.txt")), key=len, reverse=True
        )
        self.max_len = max_len
        # one expression per group of first characters: the engine scans for a set of first
        # characters only while the set is small, so two passes beat one over them all
        firsts = sorted({h[0] for h, _ in self.heads})
        self._head_res = [
            re.compile(word_alternation(h for h, _ in self.heads if h[0] in group))
            for group in (
                set(firsts[i : i + _FIRSTS_PER_PASS])
                for i in range(0, len(firsts), _FIRSTS_PER_PASS)
            )
        ]
        # after a quoted name, a few more heads are safe: “山海通途”项目, “净网”行动
        self.quoted_heads = sorted(
            {h for h in read_lines(directory / "lexicon" / "quoted_heads.txt")}
            - set(self.head_type),
            key=len,
            reverse=True,
        )
        # a whole quoted name may end in these (“强基计划”), not in the heads that end
        # quoted common nouns as often (“身份识别系统”, “恐怖活动”, “…创品牌”)
        self._quoted_tuple = tuple(
            h for h in (*self.quoted_heads, *self.verb_only) if h not in ("系统", "活动", "品牌")
        )
        qalt = "|".join(
            re.escape(h)
            for h in sorted({*self.head_type, *self.quoted_heads}, key=len, reverse=True)
        )
        self._quoted = re.compile(
            r"“([^“”\n]{1,24})”(" + qalt + r"|系列[\u4e00-\u9fff]{0,4}(?:" + qalt + r"))?"
        )
        generic = sorted(
            set(read_lines(directory / "lexicon" / "generic_modifiers.txt")), key=len, reverse=True
        )
        self._generic_re = (
            re.compile("(?:" + "|".join(re.escape(g) for g in generic) + ")+")
            if generic
            else re.compile("(?!)")
        )
        self._boundary_re = re.compile("|".join(re.escape(b) for b in self.boundaries))
        # two-character boundary words that end a longer token of jieba's (颁布|实施),
        # not the name-internal ones (扶贫|开发)
        self._verb_ends = frozenset(
            b for b in self.boundaries if len(b) == 2 and b not in _NAME_INTERNAL
        )
        # what opens such a token: a verb or an adverb (颁布|实施, 广泛|开展)
        self._verb_openers = _verb_openers() | frozenset(self.boundaries)
        # heads that are themselves the name of a national programme (自由贸易试验区,
        # 综合保税区), with the full form of a short one (自贸试验区 → 自由贸易试验区)
        self.whole_heads = {
            parts[0]: parts[3] if len(parts) > 3 else parts[0]
            for parts in (
                line.split() for line in read_lines(directory / "lexicon" / "open_heads.tsv")
            )
            if len(parts) > 2 and parts[2] == "whole"
        }
        self.organs = OrganFinder(gazetteer, directory)
        self.nominals = NominalFinder(directory, self.organs)
        self.find_nominals = True

    def _cuts(self, norm: str, i: int, hs: int, st, view: _DocView) -> list[tuple[int, str]]:
        """Positions in ``[i, hs)`` after which a bare name may start, with what cut there.

        A boundary word cuts only where it is a whole word (等 cuts 基地等设施, not 高等教育;
        就 cuts 就是, not 就业); a counted phrase (4个, 五大) cuts after its counter; 暨 joins
        two names (山货购物节暨海鲜美食节).
        """
        starts, ends = view.starts, view.ends
        cuts = []
        for m in self._boundary_re.finditer(norm, i, hs):
            a, b = m.span()
            if (starts[a] or a == i) and (ends[b] or b == hs):
                cuts.append((b, m.group()))
        # a word of a cutting class (adverb, preposition, conjunction, pronoun, particle)
        a = i
        while a < hs:
            b = starts.find(1, a + 1, hs)  # the next token start (or hs)
            if b < 0:
                b = hs
            w = norm[a:b]
            if starts[a] and ends[b]:
                if w in self._cut_words:
                    cuts.append((b, "~"))
                elif len(w) >= 3 and w[-2:] in self._verb_ends and w[:-2] in self._verb_openers:
                    # 颁布实施|…, 认真落实|…: one token of jieba's, a verb or an adverb
                    # before a verb that governs the name (not 废物利用|研究中心)
                    cuts.append((b, w[-2:]))
            a = b
        # a person or a post title ends the context (副会长孟海东|作客…论坛)
        for end in view.person_ends(st):
            if i < end <= hs:
                cuts.append((end, "@"))
        for m in self._post_re.finditer(norm, i, hs):
            if starts[m.start()] and ends[m.end()]:
                cuts.append((m.end(), "@"))
        for m in _COUNTED.finditer(norm, i, hs):
            if ends[m.end()]:  # 五大|工程, 4个|…, not 24365大|学生
                cuts.append((m.end(), "#"))
        cuts.sort()
        return cuts

    def _left_edge(
        self, norm: str, head_start: int, st, view: _DocView, org: bool = False
    ) -> tuple[int, str | None]:
        """Where a bare name ending at ``head_start`` begins, and the cut word before it
        (``org``: an organisation's head)."""
        i = head_start
        lo = max(0, head_start - self.max_len)
        while i > lo:
            # past the name characters before i (one search, not a match per character)
            m = _NAME_TAIL.search(norm, lo, i)
            if m is not None:
                i = m.start()
            if (
                i > lo
                and norm[i - 1] == "—"
                and i - 2 >= lo
                and _NAME_CHAR.match(norm[i - 2])
                and (i < len(norm) and _NAME_CHAR.match(norm[i]))
            ):
                i -= 1  # a dash between name characters (中国—东盟)
                continue
            break
        # the name starts after the last cut; a cut word that also occurs inside names
        # (实施|智慧园区建设试点工程) is passed over when it would leave no body
        start, cut = i, None
        starts = view.starts
        cuts = self._cuts(norm, i, head_start, st, view)
        cut_at = {pos for pos, _ in cuts}
        for pos, word in reversed(cuts):
            if org and pos == head_start and word == "@":
                continue  # 警察|学院, 法官|学院: the post names the school's field
            if org and word == "~" and norm[starts.rfind(1, 0, pos) : pos] in self._adverbs:
                continue  # jieba tags 首都, 自然 as adverbs; the verb before an
                # organisation cuts it instead (首次入选|…)
            if word in _COMPOUND_INTERNAL and self._inside_compound(
                norm, i, pos - len(word), cut_at, view
            ):
                continue  # 实施|园区整合提升行动: a noun before it, so it is no verb
                # that governs the name but a word of it
            if head_start - pos >= 2 or word not in _NAME_INTERNAL:
                start, cut = pos, word
                break
        return start, cut

    def _inside_compound(
        self, norm: str, lo: int, ws: int, cut_at: set[int], view: _DocView
    ) -> bool:
        """Whether the word that starts at ``ws`` follows a noun of the same phrase: the
        token before it (from ``lo`` on) is made of name characters, is no verb or function
        word, and no cut falls after it (制度|集成, not 加快|建设 or 要|深化)."""
        if ws <= lo or ws in cut_at or not view.starts[ws]:
            return False
        a = view.starts.rfind(1, lo, ws)
        if a < 0:
            a = lo
        w = norm[a:ws]
        return (
            len(w) >= 2
            and _NAME_TAIL.match(w) is not None
            and w not in self._verbs
            and w not in self._cut_words
        )

    @staticmethod
    def _governed_shorthand(norm: str, qs: int, qe: int) -> bool:
        """Whether the quoted ``norm[qs:qe]`` (quote marks included) is a numeric shorthand
        of a policy governed by an implementing verb (推进|“两新”; 抓好|“一补”“两减”政策).

        >>> Patterns._governed_shorthand("实施“双减”政策", 2, 6)
        True
        >>> Patterns._governed_shorthand("增强“四个意识”", 2, 8)
        False
        """
        inner = norm[qs + 1 : qe - 1]
        if not _SHORTHAND.fullmatch(inner) or _NOT_SHORTHAND.match(inner):
            return False
        p = qs  # back over the quotes of a chain (“一补”“两减”, “A”、“B”)
        while p > 1 and (norm[p - 1] == "”" or (norm[p - 1] == "、" and norm[p - 2] == "”")):
            j = norm.rfind("“", max(0, p - 12), p - 1)
            if j < 0:
                break
            p = j
        if not _SHORTHAND_VERB.search(norm, max(0, p - 7), p):
            return False
        q = qe
        while (m := _NEXT_QUOTE.match(norm, q)) is not None:
            q = m.end()
        return (
            q >= len(norm) or not _NAME_CHAR.match(norm[q]) or norm.startswith(_SHORTHAND_NEXT, q)
        )

    @staticmethod
    def _implemented_quote(norm: str, qs: int, qe: int) -> bool:
        """Whether the quoted ``norm[qs:qe]`` (quote marks included) is a programme that
        an implementing verb governs, the way policy text names its campaigns and schemes
        (实施农业“X”, 开展“X”“Y”等活动, 启动“X”): four to ten name characters, the
        phrase ends after it, the verb is in the same clause and no 对/向/为 before it puts
        it to work on a target or a purpose (对某地实施“精准打击”), it is no counted slogan
        (“两个确保”) or per-unit method (“一企一策”), and no way of working (等方式).

        >>> Patterns._implemented_quote("深入实施“兴边富民”，", 4, 10)
        True
        >>> Patterns._implemented_quote("对该地实施“定点清除”。", 5, 11)
        False
        >>> Patterns._implemented_quote("落实“三个区分开来”。", 2, 10)
        False
        """
        inner = norm[qs + 1 : qe - 1]
        if not 4 <= len(inner) <= 10 or not _QUOTED_NAME.fullmatch(inner):
            return False
        if (
            _COUNTED_OPEN.match(inner)
            or _NOT_SHORTHAND.match(inner)
            or inner.endswith(_NOT_PROGRAMME_ENDS)
        ):
            return False
        q = qe
        while (m := _NEXT_QUOTE.match(norm, q)) is not None:
            q = m.end()  # “A”“B”等: the chain's end
        if q < len(norm) and norm[q] not in _AFTER_QUOTED_NAME:
            return False
        if _LIST_OF_WAYS.match(norm, q):
            return False  # 推广“A”“B”等方式, 等新举措: ways of working, no programmes
        p = qs  # back over the quotes of a chain before it
        while p > 1 and (norm[p - 1] == "”" or (norm[p - 1] == "、" and norm[p - 2] == "”")):
            j = norm.rfind("“", max(0, p - 12), p - 1)
            if j < 0:
                break
            p = j
        m = _IMPLEMENTING_BEFORE.search(norm, max(0, p - 24), p)
        if m is None:
            return False
        clause = norm.rfind("，", 0, m.start()), norm.rfind("。", 0, m.start())
        a = max(*clause, norm.rfind("；", 0, m.start()), norm.rfind("\n", 0, m.start()))
        return not _TARGET.search(norm, a + 1, m.start())

    def _known_with_word_before(self, norm: str, q: int, qe: int, view: _DocView) -> int | None:
        """The start of the word before the quote at ``q`` when that word and the quoted
        name are together a known form of the same entity (共建|“一带一路”: the gazetteer
        knows 共建一带一路), so that the name read on from the quote opens with it."""
        a = view.starts.rfind(1, max(0, q - 4), q)
        if a < 0 or not _HAN.fullmatch(norm, a, q):
            return None
        inner = self.gaz.lookup(norm[q + 1 : qe])
        if inner is None:
            return None
        whole = self.gaz.lookup(norm[a:q] + norm[q + 1 : qe])
        return a if whole is not None and whole.id == inner.id else None

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
        if start < len(norm) and norm[start].isascii() and norm[start].isalpha():
            return True  # G20…, APEC…
        if _PERIOD.match(norm, start):
            return True
        m = EDITION_OPENS.match(norm, start)  # 第十四届|全国…运动会, 2025年|中国…大会
        return m is not None and m.end() > start and Patterns._specific(norm, m.end(), named_starts)

    def _skip_opening_verbs(
        self, norm: str, start: int, hs: int, view: _DocView, keep: frozenset[str] = frozenset()
    ) -> int:
        """Move a name's start past verbs that open it and govern the rest (保证|建设工程,
        扣押|进入工程, 备战|…冬奥会); a verb right before the head stays (信号覆盖工程),
        and so do the words of ``keep`` (纪念…大会). Campaign names (…行动) keep theirs
        (打击假冒种子专项行动)."""
        starts = view.starts
        for _ in range(3):
            if not starts[start]:
                break
            j = starts.find(1, start + 1, hs)
            if j < 0:
                j = hs
            w = norm[start:j]
            if j >= hs or w not in self._verbs or w in _POLICY_VERBS or w in keep:
                break
            start = j
        return start

    @staticmethod
    def _dated(norm: str, start: int, hs: int) -> bool:
        """Whether a name's body holds the period it covers (造纸行业中长期发展规划,
        X产业2021—2025年发展规划) with at least two more characters.

        >>> Patterns._dated("造纸行业中长期发展规划", 0, 9)
        True
        >>> Patterns._dated("中长期规划", 0, 3)
        False
        """
        m = _PERIOD_IN.search(norm, start, hs)
        if m is None:
            return False
        rest = norm[start : m.start()] + norm[m.end() : hs]
        if m.group().endswith("年") and len(m.group()) == 2:
            # a span of years names a plan only after a field of four characters or
            # more (基础研究|十年规划), not a class (国民经济和社会发展五年规划, 第一份…五年规划)
            return len(rest) >= 4 and not _RANKED.search(rest) and not rest.endswith("社会发展")
        return len(rest) >= 2 and rest not in _PLAIN_BODIES

    def _verb_before_name(
        self, norm: str, start: int, hs: int, view: _DocView, named: list[int]
    ) -> int:
        """A verb word followed by a known name opens no name: 代表团出席|联合国海洋大会
        starts at 联合国 (the name runs from the known name to the head). ``named``: the
        starts of known names, sorted."""
        starts = view.starts
        for k in range(bisect.bisect_right(named, start), bisect.bisect_left(named, hs)):
            p = named[k]
            a = starts.rfind(1, start + 1, p)  # the last token start before p (or start)
            if a < 0:
                a = start
            if starts[p] and norm[a:p] in self._verbs and norm[a:p] not in _POLICY_VERBS:
                return p
        return start

    def _ends_phrase(
        self, norm: str, he: int, view: _DocView, event: bool = False, predicate: bool = False
    ) -> bool:
        """Whether a weak head at ``he`` ends its noun phrase: punctuation, the end, or a
        function or clause word follows (战略，/ 战略的 / 战略实施, not 战略导弹部队); after
        an ``event``'s head a verb too (会议|审议); with ``predicate`` (a name that opens
        with a known name) a verb, an idiom or a word no dictionary holds (X试验区|初具规模,
        X规划|获批), not a noun (X基地|建设规模)."""
        if he >= len(norm) or not _NAME_CHAR.match(norm[he]):
            return True
        if norm[he] in _PHRASE_END_CHARS:
            return True
        j = view.starts.find(1, he + 1, len(norm))
        if j < 0:
            j = len(norm)
        word = norm[he:j]
        if predicate and (
            word in self._verbs
            or word in _predicate_words()
            or (len(word) >= 2 and _HAN.fullmatch(word) and not _segmenter_freq().get(word))
        ):
            return True
        if event and norm.startswith(_EVENT_ORGANS, he):
            return True  # X运动会|组委会: the event names its organisers (see _event_organs)
        if event and (word in _time_words() or word in EVENT_AFTER or _DATE_AFTER.match(norm, he)):
            return True  # X大会|今天|开幕, X论坛|27日|举行: the news says when
        return (
            word in self._cut_words
            or (event and word in self._verbs)  # 会议|审议; not 基地|振兴, 工程|开始
            or bool(self._boundary_re.fullmatch(word))
        )

    def _after_last_verb(
        self,
        norm: str,
        start: int,
        hs: int,
        view: _DocView,
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
            elif (
                w in self._verbs and not (company and w in _TRADE_WORDS)
            ) or w in _ORG_CLASS_NOUNS:
                cut = b
            a = b
        return cut

    def _after_conjunction(
        self, norm: str, start: int, hs: int, view: _DocView, named: dict[int, int]
    ) -> int:
        """The start after a conjunction that follows a complete name (中国人民银行与|…银行,
        …学会和|…协会); a conjunction inside one name stays (园艺与花卉学会)."""
        ends = view.ends
        for j in range(hs - 1, start, -1):
            if norm[j] in "与和及同" and view.starts[j] and ends[j + 1]:
                h = self._head_of(norm[start:j])
                if (h is not None and self.head_type.get(h) == "Organization") or any(
                    named.get(a) == j for a in range(start, j)
                ):
                    return j + 1
        return start

    @staticmethod
    def _subunit_start(
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

    def _country_led(self, word: str) -> bool:
        """Whether a dictionary word is a country and an organisation's head (中国大学,
        美国公司: a class of organisations, not one)."""
        for k in range(2, min(len(word) - 1, 8)):
            e = self.gaz.lookup(word[:k])
            if e is not None and e.type == "Country" and self.head_type.get(word[k:]):
                return True
        return False

    def _head_spans(self, norm: str) -> list[tuple[int, int]]:
        """The head words of ``norm`` left to right, the longest at each place, none
        overlapping: what one ``finditer`` of all heads would give (each expression is
        searched again from the end of the last head whenever its own next match starts
        before it)."""
        res = self._head_res
        nxt = [r.search(norm) for r in res]
        out: list[tuple[int, int]] = []
        pos = 0
        while True:
            best = None
            for k, m in enumerate(nxt):
                if m is not None and m.start() < pos:
                    m = nxt[k] = res[k].search(norm, pos)
                if m is not None and (
                    best is None
                    or m.start() < best.start()
                    or (m.start() == best.start() and m.end() > best.end())
                ):
                    best = m
            if best is None:
                return out
            out.append(best.span())
            pos = best.end()

    def _post_tail(self, norm: str, he: int, view: _DocView) -> bool:
        """Whether the rest of the token that holds a head is a post title: jieba cuts
        学院院长, 商会会长 as one word, and the organisation ends before the post."""
        e = view.ends.find(1, he + 1)
        return e > he and norm[he:e] in self._posts

    def _org_specific(
        self,
        norm: str,
        start: int,
        hs: int,
        he: int,
        view: _DocView,
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
        if norm[hs:he] in _SUBUNIT_HEADS and named_type.get(start) != "Organization":
            return False  # 办公室, 秘书处 of an organisation (a body's are state organs)
        if norm[hs:he] == "委员会" and named.get(start) != hs:
            return False  # 某联盟|委员会 is its commission; 某院学术委员会, 某党…中央委员会
            # are internal committees and organs
        end = named.get(start)
        if starts[start] and ends[he] and starts.find(1, start + 1, he) < 0:
            # one token: 南开大学, not 上市公司; 康复中心 is a kind of centre; a known
            # name inside the token is read below (美国|微软公司, 某省|博物馆)
            if not weak and norm[start:he] in self._org_words:
                return True
            if end is None or end > hs:
                return False
        if end is not None:
            kind = named_type.get(start)
            if end == hs:  # 中国科学院|大学, not 美国|公司
                # a place's own institution is one (某县|人民医院, 某省|博物馆)
                return kind in ("Organization", "GovernmentBody", "Ministry") or (
                    kind == "Location" and norm[hs:he] in _PLACE_OWN_HEADS
                )
            if weak and kind == "Country":
                return False  # 中国研发中心, 某国生物实验室: a class of centres
            return not self._generic(norm[end:hs])
        for p in (*_ORG_LOCAL_PREFIX, *_SPECIFIC_PREFIX):
            q = start + len(p)
            # a specific prefix may open a longer word of jieba's (国际金融|协会)
            if norm.startswith(p, start) and (
                ends[q]
                or (
                    not weak
                    and starts[start]
                    and p in _SPECIFIC_PREFIX
                    and norm[q] not in "级性"  # 国家级…, 全国性…: a rank, a class
                )
            ):
                if p in _ORG_LOCAL_PREFIX:  # 省|科技馆, 省|中小企业服务促进中心; not 省以下…
                    return q == hs or not (norm.startswith("以", q) or self._generic(norm[q:hs]))
                if weak and p not in _WORLD_PREFIX:
                    # 国家技术创新中心, 全国重点实验室: designations, not one centre; a
                    # word no dictionary knows right after the prefix names the one
                    # (国家|某地名|盐湖资源技术创新中心)
                    b = view.starts.find(1, q + 1, hs)
                    return b > q and self._has_unknown_word(norm, q, b, view)
                return hs - q >= 2 and not self._generic(norm[q:hs])
        if weak or not self._has_unknown_word(norm, start, hs, view):
            return False
        # 星榜|世界大学: an unknown word before a class noun (world or a country + head)
        a = view.starts.rfind(1, start, hs)
        if a <= start:
            return True
        before = norm[a:hs]
        e = self.gaz.lookup(before)
        return before not in ("世界", "全球") and (e is None or e.type != "Country")

    @staticmethod
    def _opens_with_proper_name(norm: str, start: int, hs: int, view: _DocView) -> bool:
        """Whether a name's first word is one no dictionary holds (a proper name its HMM
        cut: 引澜济青|工程, 某河|治理工程), a whole token before the head."""
        b = view.starts.find(1, start + 1, hs + 1)
        if b < 0 or not view.ends[b] or b - start < 2 or not _HAN.fullmatch(norm, start, b):
            return False
        return norm[start:b] not in _segmenter_freq()

    @staticmethod
    def _has_unknown_word(norm: str, start: int, hs: int, view: _DocView) -> bool:
        """Whether a token of ``norm[start:hs]`` is a word jieba's dictionary does not hold
        (cut by its HMM: a proper name such as a company's, 海垦|集团)."""
        freq = _segmenter_freq()
        a = start
        while a < hs:
            b = view.starts.find(1, a + 1, hs)
            if b < 0:
                b = hs
            w = norm[a:b]
            if len(w) >= 2 and _NAME_CHAR.match(w) and not w.isdigit() and not freq.get(w):
                return True
            a = b
        return False

    def _fold(self, name: str, type_: str) -> str:
        """An event's name without its leading year and edition (2021年第三届山货购物节 →
        山货购物节); not when another ordinal follows (第十二届全国人大常委会第十四次会议
        is one session of one term)."""
        if type_ == "Event":
            folded = _EDITION.sub("", name)
            short = folded.endswith(self._short_tuple) and len(folded) < 4  # 第八届|X博会
            if (len(folded) >= 4 or short) and not _ORDINAL_IN.search(folded):
                return folded
        return name

    def _open_head(self, name: str) -> str | None:
        """The longest head of ``open_heads.tsv`` that ends ``name`` (one lookup a length)."""
        for k in self._head_lengths:
            if k <= len(name) and name[-k:] in self.head_type:
                return name[-k:]
        return None

    def _head_of(self, name: str) -> str | None:
        h = self._open_head(name)
        if h is not None:
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
            or body.endswith(("重大", "重点"))  # 生物多样性保护重大工程: a class of projects
            or body.startswith(_GENERIC_PREFIX)
            or bool(self._generic_re.fullmatch(body))
            or bool(_COUNT_ONLY.fullmatch(body))
        )

    def _sector_before(self, norm: str, q: int, head: str, st, view: _DocView) -> int | None:
        """The start of a sector's name right before a quoted period and a plan's head
        (军队建设|“十四五”|规划, 应急装备产业发展|“十五五”|规划): the plan is the sector's,
        not the national one; None when no sector word ends right before the quote or
        it is the national economy's (国民经济和社会发展|“十五五”规划)."""
        if head not in ("规划", "计划") or not _SECTOR_TAIL.search(norm, max(0, q - 4), q):
            return None
        if norm.endswith(("经济和社会发展", "经济社会发展"), 0, q):
            return None  # the national economy's plan
        s2, _ = self._left_edge(norm, q, st, view)
        body = norm[s2:q]
        if len(body) < 4 or self._generic(body):
            return None
        return s2

    def _opens_with_known(self, name: str, end: int) -> bool:
        """Whether ``name`` opens with a place, a country or a body the gazetteer knows,
        of two to six characters and before ``end`` (某区北斗合作|大会 after its year)."""
        for k in range(min(end, 6), 1, -1):
            e = self.gaz.lookup(name[:k])
            if e is not None and e.type in _NAMED_TYPES:
                return True
        return False

    def _field_of_campaign(self, body: str, head: str | None) -> bool:
        """Whether a two-character ``body`` names the field of a head that itself says
        what kind of campaign it is (质量|提升行动, 标准|提升行动, 中老|经济走廊): a noun,
        no verb (深化|提升行动: an elliptic reference), no count or period (五年|行动计划).

        >>> p = Patterns.__new__(Patterns); p._verbs = frozenset({"深化"})
        >>> p._field_of_campaign("质量", "提升行动"), p._field_of_campaign("深化", "提升行动")
        (True, False)
        >>> p._field_of_campaign("五年", "行动计划"), p._field_of_campaign("质量", "工程")
        (False, False)
        """
        return (
            head is not None
            and len(head) >= 4
            and len(body) == 2
            and _HAN.fullmatch(body) is not None
            and not _NUMERAL.search(body)
            and body not in self._verbs
            and body not in _NAME_INTERNAL
        )

    def _add(
        self,
        st,
        start: int,
        end: int,
        type_: str,
        rule: str,
        quoted: tuple[int, int] | None = None,
        short: bool = False,
        key: str | None = None,
    ) -> None:
        """Add the name ``text[start:end]``; ``quoted`` is the span of a quoted part that
        opens it (“一带一路”发展规划): when that part is a known name and the rest is only
        generic words, the mention is the known entity under a longer form. ``short``: an
        event's short form (大运会, 第八届X博会), a name however short."""
        text = st.text
        surface = text[start:end]
        j = surface.find("暨")
        if j > 0:
            parts = ((start, start + j), (start + j + 1, end))
            # 第四届山货购物节暨海鲜美食节: two events when both parts end in a head;
            # X战争暨Y战争胜利纪念大会 is one event (the first part names no event)
            if all(self._head_of(norm_name(text[a:b])) for a, b in parts):
                for a, b in parts:
                    self._add(st, a, b, type_, rule)
                return
        name = norm_name(surface)
        if (len(name) < 4 and not short) or name in self.gaz.not_entities:
            return
        k = max(surface.rfind("和"), surface.rfind("与"), surface.rfind("及"))
        if k > 0:
            tail = self.gaz.lookup(surface[k + 1 :])
            if tail is not None and tail.type == type_:
                # 以质取胜和市场多元化战略: two names sharing a head, not one name; the
                # known second one is the mention
                st.candidates.append(
                    Mention(
                        start + k + 1,
                        end,
                        surface[k + 1 :],
                        tail.type,
                        tail.id,
                        tail.name,
                        "gazetteer",
                    )
                )
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
            if (
                qe is not None
                and qe.type in ("Program", "Event")
                and (not rest or self._generic(rest))
            ):
                st.candidates.append(
                    Mention(start, end, surface, qe.type, qe.id, qe.name, "gazetteer")
                )
                return
        if type_ == "Organization":
            pass  # its caller tells a specific organisation name (``_org_specific``)
        elif short:
            pass  # 亚运会, 特奥会: the short form is the name
        elif type_ == "Event" and h and len(h) >= 3 and h[-1] in "年月周日" and body in _WHOLE:
            pass  # 全国安全生产月, 全国节能宣传周: a designated period of the whole country
        elif (
            quoted is not None
            and type_ == "Program"
            and quoted[1] == end
            and bool(_COUNT_ONLY.fullmatch(body))
            and h not in self.weak_heads - self.verb_only
        ):
            pass  # “三大工程”, “六项行动”: a quoted set of programmes, named by its count
        elif self._generic(body) or (
            quoted is None
            and type_ == "Program"
            and ((len(body) < 3 and not self._field_of_campaign(body, h)) or _AMOUNT.match(body))
        ):
            return  # 发展战略, 合作倡议; 绿化工程, 修复工程: too short to name anything;
            # 1亿亩|试点: an amount, no name
        folded = self._fold(name, type_)
        ht = self.gaz.head_type(folded)
        if ht and ht[0] == folded and not (short and folded != name):
            return  # 第十二次全国代表大会 → 全国代表大会: a class noun once the edition goes;
            # a dated short form is one edition (2024年奥运会)
        if type_ == "Event" and not _ORDINAL_IN.search(name) and not _PERIOD.match(name):
            be = self.gaz.lookup(body)
            if be is not None and be.type in ("GovernmentBody", "Ministry"):
                return  # 全国人民代表大会会议, 国务院全体会议: a body's meetings, no one of them
        canon = self._fold(name, type_)
        if (
            canon != name
            and h in self.weak_heads
            and quoted is None
            and not self._specific(canon, 0, set())
            and self.gaz.lookup(canon[: -len(h)]) is None  # 第42届|东盟|峰会: a known body
            and not self._opens_with_known(canon, len(canon) - len(h))  # 2025|某区…大会
            and not (
                h != "会议"
                and (len(canon) >= 6 or name.startswith("首届"))
                and not canon.endswith("代表大会")
                and _EDITION_OF_SERIES.match(name)
            )
        ):
            return  # 第一次债权人会议 → 债权人会议: a class of meetings; a long name
            # after an edition of a series is one event (第二届|某某发展世界峰会)
        e = self.gaz.lookup(canon)
        if e is not None:
            st.candidates.append(Mention(start, end, surface, e.type, e.id, e.name, "gazetteer"))
            return
        st.candidates.append(
            Mention(start, end, surface, type_, key or open_key(type_, canon), canon, rule)
        )

    def __call__(self, doc: Doc) -> Doc:
        st = kgdoc(doc)
        norm = st.norm
        view = _DocView(st)
        st.candidates.extend(self.organs.find(st))
        if self.find_nominals:
            st.nominal_candidates = self.nominals.find(st)
        quoted_spans = []
        for m in self._quoted.finditer(norm):
            inner_s, inner_e = m.span(1)
            inner = norm[inner_s:inner_e]
            if (
                m.group(2)
                and m.end() not in st.tok_ends
                and m.end() < len(norm)
                and _NAME_CHAR.match(norm[m.end()])
            ):
                # “5G+”应用底座: the head runs on into another word; the quote may still
                # name a policy (建设|“两横三纵”战略定位)
                if self._governed_shorthand(norm, inner_s - 1, inner_e + 1):
                    self._add(st, inner_s, inner_e, "Program", "pattern", short=True)
                continue
            if m.group(2):
                head = m.group(2)
                h = self._head_of(head)
                type_ = self.head_type.get(h or "", "Program")
                if type_ == "none" or (
                    h in self.weak_heads
                    and h not in _CAMPAIGN_HEADS
                    and not self._ends_phrase(norm, m.end(), view)
                ):
                    # “四个全面”战略|布局: the head is part of a longer noun
                    if self._governed_shorthand(norm, inner_s - 1, inner_e + 1):
                        self._add(st, inner_s, inner_e, "Program", "pattern", short=True)
                    continue
                sector = self._sector_before(norm, inner_s - 1, head, st, view)
                if sector is not None:
                    # 某产业发展“十五五”规划: the sector's own plan for the period
                    self._add(st, sector, m.end(), type_, "pattern")
                else:
                    self._add(st, inner_s - 1, m.end(), type_, "pattern", quoted=(inner_s, inner_e))
                quoted_spans.append((m.start(), m.end()))
            else:
                h = self._open_head(inner)
                if h in self.verb_only:
                    h = None  # “猎狐行动”: a quoted name, below
                if h is not None and self.head_type[h] not in ("none", "Organization"):
                    # the quotes mark a name of five characters or more (“乡村教师支持计划”)
                    # however short its body; four-character ones are as often set
                    # phrases (“形象工程”, “五年规划”)
                    whole = (inner_s, inner_e) if inner_e - inner_s >= 5 else None
                    self._add(st, inner_s, inner_e, self.head_type[h], "pattern", quoted=whole)
                    quoted_spans.append((m.start(), m.end()))
                elif (
                    h is None
                    and len(inner) >= 4
                    and inner.endswith(self._quoted_tuple)
                    and "、" not in inner
                ):
                    # “强基计划”, “猎狐行动”: a whole quoted name with a head that
                    # ends names only when quoted
                    self._add(st, inner_s, inner_e, "Program", "pattern", quoted=(inner_s, inner_e))
                    quoted_spans.append((m.start(), m.end()))
                elif h is None and self._governed_shorthand(norm, inner_s - 1, inner_e + 1):
                    self._add(st, inner_s, inner_e, "Program", "pattern", short=True)
                elif h is None and self._implemented_quote(norm, inner_s - 1, inner_e + 1):
                    self._add(st, inner_s, inner_e, "Program", "pattern", quoted=(inner_s, inner_e))
                    quoted_spans.append((m.start(), m.end()))
        n = len(norm)
        named_end: dict[int, int] = {}  # start → end of the longest known name there
        named_type: dict[int, str] = {}
        named_label: dict[int, str] = {}
        for c in st.candidates:
            if c.type in _NAMED_TYPES and c.end > named_end.get(c.start, -1):
                named_end[c.start] = c.end
                named_type[c.start] = c.type
                named_label[c.start] = c.label
        named_starts = set(named_end)
        named_ends = {c.end for c in st.candidates if c.type in _NAMED_TYPES}
        org_end = {e: a for a, e in named_end.items() if named_type[a] == "Organization"}
        org_starts = sorted(org_end.values())
        named = sorted(named_starts)
        # any known name's start, events and programmes too (称赞|北京冬奥会)
        known = sorted(named_starts.union(c.start for c in st.candidates))
        starts, ends = view.starts, view.ends
        event_ends = {c.end for c in st.candidates if c.type == "Event"}
        places = {a for a, t in named_type.items() if t == "Location"}
        place_ends: dict[int, int] = {}  # end → start of a known place or country
        for c in st.candidates:
            if c.type in ("Location", "Country") and c.start < place_ends.get(c.end, c.end):
                place_ends[c.end] = c.start
        rescued_ends: set[int] = set()  # ends of names an implementing verb governs
        for hs, he in self._head_spans(norm):
            # the head must end a word: not followed by more name characters that
            # extend it into something else (论坛上 is fine, 工程师 is not)
            head = norm[hs:he]
            org = self.head_type[head] == "Organization"
            post_tail = org and he < n and not ends[he] and self._post_tail(norm, he, view)
            if he < n and norm[he] in "师院局处部厅者" and not ends[he] and not post_tail:
                continue
            j = bisect.bisect_right(quoted_spans, (hs, n + 1)) - 1
            if j >= 0 and quoted_spans[j][0] <= hs < quoted_spans[j][1]:
                continue
            if self.head_type[head] == "none":
                continue  # 系统工程: a common noun
            if head in _TOKEN_HEADS and not (starts[hs] and ends[he]):
                continue  # 网 of 互联网, 电网: not a head
            if he < n and not ends[he] and _NAME_CHAR.match(norm[he]) and not post_tail:
                continue  # 战略|机遇期, 规划|许可证: the head runs on into another word
            if org and (hs == 0 or not _NAME_CHAR.match(norm[hs - 1])):
                continue  # nothing before the head names it
            if head in _ORGAN_HEADS and not (
                hs in org_end
                or (
                    head != "委员会"
                    and bisect.bisect_left(org_starts, hs)
                    > bisect.bisect_left(org_starts, hs - self.max_len)
                )
            ):
                continue  # …委员会, …理事会 only of a known organisation (a cheap test first:
                # the laws name thousands of committees)
            if head in self.verb_only and not _VERB_ONLY_HINT.search(
                norm, max(0, hs - self.max_len), hs
            ):
                continue  # no implementing verb, year or quote near: skip the left edge
            start, cut = self._left_edge(norm, hs, st, view, org)
            if head == "行动" and cut not in _IMPLEMENT_VERBS:
                r = launched_start(norm, start, max(0, hs - self.max_len))
                start, cut = r or (start, cut)  # 开展|…提升引领…优化|升级行动
            elif cut == "的" and (r := party_campaign_start(norm, start, head)) is not None:
                start, cut = r  # 开展|党的…教育实践活动
            if cut == "等":
                continue  # A、B等公共服务平台: a class noun after 等
            if (
                cut == "#"
                and self.head_type[head] == "Program"
                and head not in _SITE_HEADS  # 十大钢铁基地: a count of sites
                and hs - start >= 2
                and named_type.get(start) not in ("Country", "Location")  # 九项中国|工程
            ):
                c = _COUNTED_SET.search(norm, max(0, start - 6), start)
                if c is not None and (c.start() == 0 or norm[c.start() - 1] not in "等第"):
                    # 十大|伙伴|行动, 八大|共同|行动: a package named by its count and a
                    # field (not A、B等六大工程, a list's sum, nor 一项战略)
                    if not self._generic(norm[start:hs]):
                        self._add(st, c.start(), he, "Program", "pattern", short=True)
                        continue
            if cut == "届" and self.head_type[head] == "Event":
                e = _EDITION_BEFORE.search(norm, max(0, start - 14), start)
                if e is not None:
                    # 第33届|…运动会: the edition opens the name (届 cuts elsewhere), and
                    # so does an organisation whose series it is (某某组织|第N届|…会议)
                    start, cut = e.start(), None
                    if named_type.get(org_end.get(start, -1)) == "Organization":
                        start = org_end[start]
            if cut == "暨" and self.head_type[head] == "Event":
                # 中国X战争暨Y纪念大会: a specific part before 暨 that ends in no head is
                # the name's first half, not a name of its own (A节暨B节: two names, see
                # ``_add``; 签署战略合作暨…: no name before 暨)
                s2, _ = self._left_edge(norm, start - 1, st, view)
                s2 = self._verb_before_name(norm, s2, start - 1, view, known)
                if (
                    start - 1 - s2 >= 2
                    and self._specific(norm, s2, named_starts)
                    and self._head_of(norm[s2 : start - 1]) is None
                ):
                    start = s2
            if self.head_type[head] == "Event":
                start = self._skip_opening_verbs(norm, start, hs, view, keep=_EVENT_VERBS)
            if (org or (self.head_type[head] == "Program" and not head.endswith("行动"))) and (
                named_type.get(start) != "Location"  # 遵|义…: a place jieba cut into a verb
                and (org or not governed_object(cut, _IMPLEMENT_VERBS))  # 实施|知识…工程
            ):
                start = self._skip_opening_verbs(norm, start, hs, view)
            while start < hs and norm[start] in "与和及或":
                start += 1  # 与主体工程同时设计: a conjunction opens no name
            if (
                norm[start] == "好"
                and start > 0
                and _NAME_CHAR.match(norm[start - 1])
                and starts[start + 1]
            ):
                start += 1  # 实施好|产业基础再造工程, 筹办好|北京冬奥会: a verb's complement
            start = self._verb_before_name(norm, start, hs, view, known)
            gathering = False
            if self.head_type[head] == "Event":
                a = anniversary_start(norm, hs)
                if a is not None and a <= start:
                    start, gathering = a, True  # 庆祝某某成立60周年|大会: one gathering
                else:
                    gathering = leaders_pair(norm, start, hs)  # 中欧领导人|会晤
            quoted = None
            q = self._quoted_before(norm, start)
            if q is not None:
                quoted = (q + 1, start - 1)
                start = q
                a = self._known_with_word_before(norm, q, quoted[1], view)
                if a is not None:
                    quoted, start = (a, quoted[1] + 1), a  # 共建|“一带一路”|青年交流计划
                e = _EDITION_BEFORE.search(norm, max(0, q - 14), q)
                if e is not None and self.head_type[head] == "Event":
                    start = e.start()  # 第五届|“一带一路”…论坛: the edition is in the name
            if head in self.short_heads:
                # an event's short form: one character (or X残) before a short head, the
                # head alone when it is a whole short form (第八届|X博会, 亚残运会, 大运会,
                # 特奥会; not 快速交会, 完成交会); longer names go on below when a place
                # (and a year) opens them (杭州亚运会, 某市2022年冬残奥会), not a phrase
                # (连续三届|残奥会); another event right before ends the context
                # (某市冬奥会|冬残奥会)
                for e in range(hs, start, -1):
                    if e in event_ends:
                        start = e
                        break
                body = norm[_EDITION_AT.match(norm, start, hs).end() : hs]
                if len(head) > 2:
                    ok = body in ("", "残")
                else:
                    ok = len(body) == 1 or (len(body) == 2 and body[1] == "残")
                    if not ok and len(body) >= 3 and named_end.get(start) == hs - 1:
                        # a place before the short form is its host (西安|全运会)
                        ok = named_type[start] == "Location"
                if ok:
                    self._add(st, start, he, "Event", "pattern", short=True)
                    event_ends.add(he)
                    continue
                if len(head) == 2:
                    continue
                host = games_host(norm, start, hs, view.starts, named, named_end, _segmenter_freq())
                if host is not None:
                    # 某市第19届亚运会 is the games the gazetteer knows as 某市亚运会
                    e = self.gaz.lookup(_ORDINAL_IN.sub("", norm[host:he]))
                    if e is not None and e.type == "Event":
                        st.candidates.append(
                            Mention(host, he, st.text[host:he], e.type, e.id, e.name, "gazetteer")
                        )
                    else:
                        self._add(st, host, he, "Event", "pattern", short=True)
                    event_ends.add(he)
                continue
            if head in self.whole_heads and hs in place_ends:
                # 某市|自由贸易试验区, 中国|某市|…: the zone of the places right before it
                start = place_ends[hs]
                while start in place_ends:
                    start = place_ends[start]
            elif head in self.whole_heads:
                # 自贸试验区: the programme itself; 某市|自由贸易试验区 is that place's zone;
                # a modifier makes it a class or one zone (A类|综保区, 某港特殊|综合保税区)
                b = starts.rfind(1, start, hs)
                w = norm[b:hs] if b >= 0 else ""
                if w and (
                    w[-1] in "类级型"
                    or w == "特殊"
                    or (len(w) >= 2 and _HAN.fullmatch(w) and w not in _segmenter_freq())
                ):
                    continue
                full = self.whole_heads[head]
                st.candidates.append(
                    Mention(
                        hs,
                        he,
                        st.text[hs:he],
                        "Program",
                        open_key("Program", full),
                        full,
                        "pattern",
                    )
                )
                continue
            if hs - start < 2 and not org:
                continue
            if (
                head in _TOKEN_HEADS
                and not norm.startswith(("中国", "国家"), start)
                and quoted is None
            ):
                continue  # …网 only in 中国乡村旅游网-style names
            if org:
                sub = self._subunit_start(norm, start, hs, named, named_end, named_type)
                # a known organisation's unit may hold verbs (X组织|推进…协调中心);
                # elsewhere the last verb ends the context (首次入选|世界大学)
                start = (
                    sub
                    if sub is not None
                    else self._after_last_verb(
                        norm, start, hs, view, head in _COMPANY_HEADS, places
                    )
                )
                t = starts.rfind(1, start, hs + 1)  # the start of the head's token
                if (
                    start < t
                    and norm[t:he] in self._org_words
                    and ends[he]
                    and named_end.get(start) != t
                ):
                    start = t  # …|南开大学: a dictionary name takes no words but a place
                start = self._after_conjunction(norm, start, hs, view, named_end)
                if norm[hs - 1] in "与和及" and start < hs:
                    continue  # …与|中心: the head stands alone after a conjunction
                lo, hi = bisect.bisect_right(named, start), bisect.bisect_left(named, hs)
                for p in reversed(named[lo:hi]):
                    if p not in named_ends:
                        start = p  # 某人会见|德国博世集团: unknown words before a known name
                        break
                if quoted is None and not self._org_specific(
                    norm, start, hs, he, view, named_end, named_type, head in self.weak_heads
                ):
                    continue  # 有关公司, 各大学, 美国公司: a class of organisations
                lo, hi = bisect.bisect_right(named, start), bisect.bisect_left(named, hs)
                if any(named_end[p] == he for p in named[lo:hi]):
                    continue  # 总台所属|中央电视台: the known name stands
                end = named_end.get(start, -1)
                if (
                    start < end < hs
                    and named_type[start] in ("GovernmentBody", "Ministry")
                    and norm[end:he] in self._org_words
                    and ends[he]
                ):
                    continue  # X国央行|X银行: a known body and the name it goes by
                # rule "organ": like a composed organ name, it also mentions the country
                # or place that opens it (西班牙|…促进会)
                self._add(st, start, he, "Organization", "organ")
                named_ends.add(he)  # 某大学附属医院|分院: a name that goes on
                continue
            rescued = head in self.verb_rescued and (
                cut in _IMPLEMENT_VERBS or conjunct_of_rescued(norm, start, rescued_ends)
            )
            if head in self.verb_only and not (quoted or rescued or _YEAR.match(norm, start)):
                continue  # 实施|粮食节约行动, 2026年春风行动; not 以色列军事行动
            if head in self.weak_heads and (
                (
                    quoted is None
                    and not rescued
                    and not gathering
                    and not self._specific(norm, start, named_starts)
                    and not self._dated(norm, start, hs)
                    and not (head == "工程" and self._opens_with_proper_name(norm, start, hs, view))
                )
                or not (
                    self._ends_phrase(
                        norm,
                        he,
                        view,
                        self.head_type[head] == "Event",
                        # a name that opens with a known name may be the subject of a
                        # predicate (某某…示范区|基本建成, …规划|正式印发)
                        predicate=start in named_starts and head not in _SITE_HEADS,
                    )
                    # an edition names one event, whatever follows (第十四届…运动会|群众比赛)
                    or (self.head_type[head] == "Event" and _ORDINAL_OPEN.match(norm, start))
                )
            ):
                continue  # 用地规划, 村民会议, 能源基地: class nouns; 战略|导弹部队
            if (
                head in self.weak_heads
                and self.head_type[head] == "Program"
                and quoted is None
                and named_end.get(start) == hs
                and (
                    named_type[start] in ("Country", "Organization")
                    or (head == "试点" and named_type[start] == "Location")
                )
            ):
                continue  # 联合国|议程, 某国|基地, 某省|试点: a known name and a weak head
                # name no plan (a pilot in a place is no programme of its own)
                # (an organisation's meetings are events: 阿盟|峰会)
            if head in MEMO_HEADS and (start := memo_start(norm, start, hs)) is None:
                continue  # 双方签署|合作备忘录: a memorandum names its field
            key = None
            if self.head_type[head] == "Event" and named_type.get(start) in _BODY_TYPES:
                key = _session_key(
                    named_label[start], norm[start : named_end[start]], norm[named_end[start] : he]
                )
            self._add(st, start, he, self.head_type[head], "pattern", quoted=quoted, key=key)
            if rescued:
                rescued_ends.add(he)
        self._event_organs(st, norm)
        self._quoted_programmes(st)
        for s, e in joint_lines(st):
            self._add(st, s, e, "Program", "line")  # 中某|铁路: a project of two countries
        return doc

    def _quoted_programmes(self, st) -> None:
        """A known programme quoted inside a longer name is a mention of its own
        (“一带一路”国际合作高峰论坛 names the event and the programme); only names that
        hold a quote mark are read."""
        text = st.text
        for c in st.candidates[:]:
            if c.type not in ("Event", "Program", "Organization") or "“" not in c.text:
                continue
            for m in _QUOTE_IN.finditer(c.text):
                e = self.gaz.lookup(m.group(1))
                if e is not None and e.type == "Program" and e.id != c.key:
                    a = c.start + m.start(1)
                    b = a + len(m.group(1))
                    st.candidates.append(
                        Mention(a, b, text[a:b], e.type, e.id, e.name, "gazetteer")
                    )

    @staticmethod
    def _event_organs(st, norm: str) -> None:
        """An event's organising committee or press centre is an organisation named by
        the event (第十五届X运动会组委会, X博览会新闻中心); the event stays a mention
        of its own."""
        n = len(st.candidates)
        for c in st.candidates[:n]:
            if c.type == "Event" and norm.startswith(_EVENT_ORGANS, c.end):
                w = next(w for w in _EVENT_ORGANS if norm.startswith(w, c.end))
                end = c.end + len(w)
                name = norm_name(st.text[c.start : end])
                st.candidates.append(
                    Mention(
                        c.start,
                        end,
                        st.text[c.start : end],
                        "Organization",
                        open_key("Organization", name),
                        name,
                        "event_organ",
                    )
                )


@Language.factory(
    "kg_patterns", default_config={"gazetteer_dir": None, "max_len": 24, "nominals": True}
)
def make_patterns(
    nlp: Language, name: str, gazetteer_dir: str | None, max_len: int, nominals: bool
) -> Patterns:
    """``nominals``: also find nominal organ references (法院, 警方) for the span API; a
    graph build leaves them out (they never become nodes) and saves ~10% of the time."""
    directory = Path(gazetteer_dir) if gazetteer_dir else ONTOLOGY_DIR
    p = Patterns(load_gazetteer(gazetteer_dir), directory, max_len)
    p.find_nominals = nominals
    return p
