"""Towns, townships and villages no gazetteer lists: a proper name + 镇/乡/村.

China has some 40,000 towns and townships and half a million villages; their names follow
one shape, a name of two to four characters and the unit (杏坪村, 益庆乡, 槐坪镇). The
name is what jieba makes of it: one word with the unit, or one word of its own before the
unit, that jieba's dictionary does not know as a common word (杏坪村, 槐坪|镇; not 农村,
城镇, 城中村, 美丽|乡村, 示范|村). jieba tags some common words as places (城镇 ns, 中断
ns): a dictionary word counts as a name only when rare there, unless the gazetteer knows
it as a place (某某岭|乡). jieba may glue the name's last character to the unit (某某|营镇:
the word before and that character are the name). A number, a function word
or a common word is never a name (三村, 该村, 贫困村, 全乡), nor a games' athletes' village
(冬奥村, 亚运村); a name that a one-character word runs into (草|河坝|村) is left alone.

>>> from kg.spans import entity_spans
>>> spans = next(entity_spans(["他在武宁县槐坪镇工作，家住城镇，常去农村。"]))
>>> [s["text"] for s in spans if s["type"] == "Location"]
['武宁县', '槐坪镇']
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping

from kg.model import Mention
from kg.nlp.gazetteer import FOREIGN_SUBDIVISION
from kg.nlp.text import is_cjk


def place_mention(text: str, norm: str, s: int, e: int) -> Mention:
    """The place ``norm[s:e]`` found by a rule (rule ``pattern``, an open key of its name)."""
    from kg.nlp.components.base import open_key  # (the components import this module)

    name = norm[s:e]
    return Mention(s, e, text[s:e], "Location", open_key("Location", name), name, "pattern")

UNITS = "镇乡村"
_NAME = re.compile(r"[\u4e00-\u9fff]{2,4}\Z")
# characters that are no part of such a name: numbers, function words, places' units
_NOT_IN_NAME = frozenset(
    "的在了是为由对向从把被并于将也就都又已还其该本各每这那此之以所或等及和与全"
    "两几多个省市县区乡镇村"
)
# function characters, never in a transliterated name
_FUNCTION = frozenset(
    "的在了是为由对向从把被并于将就都又已还其该本各每这那此之以所或等及和与全"
    "一二三四五六七八九十两几"
)
_PERSON_TAGS = frozenset({"nr", "nrt", "nrfg"})
# jieba tags of names: places, persons, other proper names
_NAME_TAGS = frozenset({"ns", "nr", "nrt", "nrfg", "nz"})
# a dictionary word tagged as a name but more frequent than this is a common word too
RARE = 300
# jieba tags of one-character words that may stand right before a name: function words,
# localizers, numbers (在|X村, 从|X镇)
_BEFORE_TAGS = ("p", "c", "u", "d", "r", "f", "m", "q")
# the verbs of going or being somewhere (到|X村, 赴|X镇); other one-character words before
# the name are part of it (a transliterated name cut as 卡|洛萨镇)
_TO_PLACE = frozenset("到去来赴回往进抵至经离住入驻")
# an athletes' village of a games (奥运村, 冬奥村, 亚运村): a facility, not a village
_GAMES = ("运", "奥")


def _is_name(word: str, tags: Mapping[str, str], freq: Mapping[str, int]) -> bool:
    """No dictionary word, or a rare one tagged as a name."""
    f = freq.get(word)
    return not f or (tags.get(word) in _NAME_TAGS and f <= RARE)


def find_localities(st, tags: Mapping[str, str], freq: Mapping[str, int]) -> list[Mention]:
    """Location mentions (rule ``pattern``) of towns and villages in ``st``."""
    norm, text = st.norm, st.text
    # where a known place ends: a name may follow it (武宁县|槐坪镇)
    places = {c.end for c in st.candidates if c.type in ("Location", "Country")}
    # the known places' spans (a site's name + 乡 is read as a name: 某某坡|乡)
    locations = {(c.start, c.end) for c in st.candidates if c.type == "Location"}
    out: list[Mention] = []
    for unit in UNITS:
        i = norm.find(unit, 2)
        while i != -1:
            e = i + 1
            s = _name_start(norm, i, st, tags, freq, places, locations)
            if s is not None:
                out.append(place_mention(text, norm, s, e))
            i = norm.find(unit, e)
    return out


def find_old_divisions(
    st, tags: Mapping[str, str], freq: Mapping[str, int], abbr: Collection[str] = ()
) -> list[Mention]:
    """Counties, prefectures and provinces the gazetteer does not list under that name
    (it holds today's divisions): a word of jieba's dictionary tagged as a place that ends
    in 县, 州 or 省, rare there, whose part before the unit is no common word and that is
    not two place names run together — 上虞县 (上虞区 since 2013), 上饶县, 佐贺县, a
    former province (察哈尔省) or a foreign one; a county of one character and 县 when
    the dictionary counts it often (:func:`_old_county`: 巩县); not 自治县, 百强县,
    自治省, 四川泸州, 美加州 (``abbr``: countries' one-character abbreviations)."""
    norm, text = st.norm, st.text
    ends = {c.end for c in st.candidates}  # (where a name ends: :func:`_name_before`)
    out: list[Mention] = []
    for unit in "县州省":
        i = norm.find(unit, 1)
        while i != -1:
            e = i + 1
            i = norm.find(unit, e)
            if e not in st.tok_ends:
                continue
            if e - 2 in st.tok_starts and e - 1 not in st.tok_starts:
                # a word of one character and the unit (巩县)
                if _old_county(norm[e - 2 : e], tags, freq):
                    out.append(place_mention(text, norm, e - 2, e))
                continue
            s = e - 3
            while s > e - 7 and s > 0 and s not in st.tok_starts:
                s -= 1
            word = norm[s:e]
            body = word[:-1]
            if (
                s not in st.tok_starts
                or tags.get(word) != "ns"
                or not _is_name(word, tags, freq)
                or any(c in _FUNCTION for c in word)
                or (word[0] in abbr and word[1:] in tags)  # 美|加州: a country and a place
                or opens_common_word(body, tags, freq)
                or any(
                    tags.get(word[:k]) == "ns" and tags.get(word[k:]) == "ns"
                    for k in range(2, len(word) - 1)
                )
                or _name_before(norm, s, st, tags, ends)
            ):
                continue
            out.append(
                place_mention(text, norm, s, e)
            )
    return out


def opens_common_word(w: str, tags: Mapping[str, str], freq: Mapping[str, int]) -> bool:
    """Whether ``w`` is a common word of the dictionary (counted, no name's tag) or a
    prefix entry (count 0) that opens with one (旅游名 of 旅游名县); a prefix entry
    alone is no word (某某 of 某某|伍德县), and a name of the dictionary is a name
    whatever it opens with (马里兰, ``nr``, opens with 马里, ``q``).

    >>> opens_common_word("旅游名", {"旅游": "vn"}, {"旅游": 9, "旅游名": 0})
    True
    >>> opens_common_word("伍德", {}, {"伍德": 0})
    False
    >>> opens_common_word("某某兰", {"某某兰": "nr", "某某": "q"}, {"某某兰": 5, "某某": 9})
    False
    """
    f = freq.get(w)
    if f:
        return tags.get(w) not in _NAME_TAGS
    return f == 0 and any(
        freq.get(w[:k]) and tags.get(w[:k]) not in _NAME_TAGS for k in range(len(w) - 1, 1, -1)
    )


def _name_before(norm: str, s: int, st, tags: Mapping[str, str], ends: set[int]) -> bool:
    """A name's word right before ``s`` where no candidate ends (``ends``): the name
    starts there (某某|哥伦比亚省 is no province of that country)."""
    if s == 0 or s in ends:
        return False
    p = s - 1
    while p > 0 and p not in st.tok_starts:
        p -= 1
    return s - p >= 2 and tags.get(norm[p:s]) in _NAME_TAGS


# jieba tags of the word before a character glued to the unit that make it no name's
# beginning: verbs, function words, pronouns, adverbs
_GLUE_NOT = ("v", "p", "c", "u", "r", "d")


# jieba tags of a one-character word that is no county's name: numbers, directions,
# pronouns, function words, adjectives, verbs (五县, 外县, 本县, 大县, 旅游兴县)
_NOT_COUNTY_TAGS = ("m", "f", "r", "p", "c", "u", "d", "q", "a", "v")
# a dictionary word this rare with one character before 县 is noise of its corpus (东县)
_OLD_COUNTY_MIN = 8


def _old_county(word: str, tags: Mapping[str, str], freq: Mapping[str, int]) -> bool:
    """A former county of one character and 县 (巩县, 通县: jieba's place words, counted
    at least ``_OLD_COUNTY_MIN`` times), not a number, direction or unit before the unit
    (五县, 外县, 郡县)."""
    return (
        word[-1] == "县"
        and tags.get(word) == "ns"
        and freq.get(word, 0) >= _OLD_COUNTY_MIN
        and not tags.get(word[0], "").startswith(_NOT_COUNTY_TAGS)
        and word[0] not in _NOT_IN_NAME
        and word[0] not in "郡府州"
    )


def _name_start(
    norm: str,
    i: int,
    st,
    tags: Mapping[str, str],
    freq: Mapping[str, int],
    places: set[int],
    locations: set[tuple[int, int]],
) -> int | None:
    """Start of the name whose unit is at ``i``, or None when there is none."""
    if i + 1 not in st.tok_ends:
        return None  # 村民, 乡镇: the unit character opens another word
    t = i
    while t > 0 and t not in st.tok_starts:
        t -= 1
    if (
        t == i - 1
        and t > 0
        and norm[t : i + 1] not in freq
        and norm[t] not in _FUNCTION
        and norm[t] not in "百千万"
        # a quality or an action glued to the unit (产业|强镇, 科技|兴村): no name's end
        and not tags.get(norm[t], "").startswith(("a", "v", "d"))
        and t not in places  # 某县|余村: the county, then a village of two characters
    ):
        # jieba glued the name's last character to the unit (某某|营镇): the word before
        # and that character are the name
        s = t - 1
        while s > 0 and s not in st.tok_starts:
            s -= 1
        if not 2 <= t - s <= 3 or tags.get(norm[s:t], "").startswith(_GLUE_NOT):
            return None  # 来到|某村, 谱写|某乡: a verb before, no name
    elif t < i:  # the unit ends a word: the word is the name (杏坪村)
        if not 3 <= i + 1 - t <= 5 or not _is_name(norm[t : i + 1], tags, freq):
            return None  # 新农村, 城镇, 城中村: a common word
        s = t
    else:  # the unit is a word of its own after the name (南市|村)
        s = i - 1
        while s > 0 and s not in st.tok_starts:
            s -= 1
    name = norm[s:i]
    # a place the gazetteer knows before the unit (a site's name + 乡: 某某坡|乡)
    known = (s, i) in locations
    if (
        not _NAME.match(name)
        or any(c in _NOT_IN_NAME for c in name)
        or not (known or _is_name(name, tags, freq))
        or name.endswith(_GAMES)
        # the unit and the character before it are a common word: 新型|农村, 江南|水乡
        or not _is_name(norm[i - 1 : i + 1], tags, freq)
        # a verb before the unit: 科技兴村, 铺就通村 (unless the dictionary knows it)
        or (tags.get(name[-1]) == "v" and norm[s : i + 1] not in freq)
    ):
        return None
    if s > 0 and "\u4e00" <= norm[s - 1] <= "\u9fff" and s not in places:
        p = s - 1
        while p > 0 and p not in st.tok_starts:
            p -= 1
        before = norm[p:s]
        if len(before) == 1 and not (
            tags.get(before, "").startswith(_BEFORE_TAGS) or before in _TO_PLACE
        ):
            return None  # 草|河坝|村: the name starts before
        if (
            len(before) > 1
            and (before not in freq or tags.get(before) in _PERSON_TAGS)
            and before[-1] not in _FUNCTION  # 地为|某某乡: a function word ends it
        ):
            return None  # 古丽娜|尔村, 卡洛|萨维镇: a name the unit's word goes on from
    return s


class ForeignDivisions:
    """A foreign state, province, county or city no gazetteer lists, by its unit: a
    transliterated name + 州/邦/郡/省/市/县 (佛蒙特州, 马拉科邦, 莫尔顿郡, 卡列夫省,
    萨洛维市). A transliterated name is written in the characters of the foreign names the
    gazetteer holds (countries and world cities: 斯, 尔, 克, 特…) and of jieba's
    transliterated names (tag nrt), not in those of China's own divisions (a Chinese 州
    or 县 is the gazetteer's); it runs from a character of no such name (or a country's
    name before it) to the unit, at least two characters (three before 省/市/县, which
    Chinese words end in more often). A world city + 市 is that city (布达佩斯市); a
    country's abbreviation before the name is the country (美|佛蒙特州, 美|加州).

    >>> from kg.spans import entity_spans
    >>> spans = next(entity_spans(["他访问了马拉科邦和布达佩斯市。"]))
    >>> [s["text"] for s in spans if s["type"] == "Location"]
    ['马拉科邦', '布达佩斯市']
    """

    UNITS = "州邦郡省市县"

    def __init__(self, gazetteer, abbr: dict[str, str] | None = None) -> None:
        """Learn the transliteration characters: frequent in the gazetteer's foreign
        countries and cities and in jieba's transliterated names (``nrt``), rare in
        Chinese place names. ``abbr``: one-character country abbreviations."""
        from collections import Counter

        #: one-character abbreviations of countries (美, 俄): a word of its own before a
        #: name is no part of it (美|佛蒙特州)
        self.abbr = abbr or {}
        foreign: Counter[str] = Counter()
        chinese: Counter[str] = Counter()
        self.cities: dict[str, str] = {}
        for e in gazetteer.entries.values():
            names = [e.name, *e.aliases]
            if e.type == "Country" and e.iso != "CHN":
                target = foreign
            elif e.type == "Location" and e.category in ("首都", "城市"):
                target = foreign
                self.cities.update((n, e.id) for n in names)
            elif e.type == "Location" and e.id.startswith("place/cn-"):
                target = chinese
            else:
                continue
            for n in names:
                target.update(set(n))
        # and jieba's transliterated names (tag nrt: 亨德森, 亚当斯)
        from kg.nlp.text import tagged_words

        for w in tagged_words(("nrt",)):
            foreign.update(set(w))
        self.city_keys = frozenset(self.cities.values())
        self.chars = frozenset(
            c for c, k in foreign.items() if k >= 3 and chinese[c] <= 3 * k and c not in _FUNCTION
        )
        self.gaz = gazetteer

    @staticmethod
    def _common_word(norm: str, s: int, i: int, st, tags: Mapping[str, str], freq) -> bool:
        """A word of two or more characters in ``norm[s:i]`` that is a dictionary word
        and no name (普查|国|省)."""
        a = s
        while a < i:
            b = a + 1
            while b < i and b not in st.tok_starts:
                b += 1
            w = norm[a:b]
            if len(w) >= 2 and opens_common_word(w, tags, freq):
                return True
            a = b
        return False

    def find(self, st, tags: Mapping[str, str], freq: Mapping[str, int]) -> list[Mention]:
        """Location mentions of the foreign divisions in ``st``."""
        norm, text = st.norm, st.text
        chars = self.chars
        country_ends = {c.end for c in st.candidates if c.type == "Country"}
        # a world city + 省/州 closing the word is the province or state named after it
        # (某某斯省, 圣某某州): the city's name need not be in transliteration characters
        city_at = {
            c.end: c.start
            for c in st.candidates
            if c.type == "Location" and c.key in self.city_keys
        }
        out: list[Mention] = []
        for unit in self.UNITS:
            i = norm.find(unit, 2)
            while i != -1:
                e = i + 1
                if (
                    unit in "省州"
                    and i in city_at
                    and e in st.tok_ends
                    # not the end of a longer transliteration (某某斯特|罗马州)
                    and not (
                        city_at[i] > 0
                        and norm[city_at[i] - 1] in chars
                        and city_at[i] not in country_ends
                    )
                ):
                    out.append(place_mention(text, norm, city_at[i], e))
                    i = norm.find(unit, e)
                    continue
                s = i
                while s > 0 and i - s < 8 and norm[s - 1] in chars and s not in country_ends:
                    s -= 1
                if i - s >= 8 and s > 0 and norm[s - 1] in chars and s not in country_ends:
                    i = norm.find(unit, e)  # longer than a name read here: its end only
                    continue
                while s < i and s not in st.tok_starts:
                    s += 1  # the name starts a word
                country = None
                if (
                    norm[s] in self.abbr
                    and i - s >= 2
                    and (
                        s + 1 in st.tok_starts
                        or (norm[s + 1 : e] in freq or norm[s + 1 : e] in tags)
                    )
                ):
                    # 美|佛蒙特州: a country's abbreviation before the name, its country
                    c = self.gaz.entries[self.abbr[norm[s]]]
                    country = Mention(s, s + 1, text[s], c.type, c.id, c.name, "gazetteer")
                    s += 1
                name = norm[s:i]
                known = self.gaz.lookup(norm[s:e]) if country is not None else None
                if known is not None and known.id.startswith(FOREIGN_SUBDIVISION):
                    out.append(country)  # 美|佛蒙特州: the gazetteer has the state
                elif country is not None and len(name) == 1:
                    # 美|加州, 美|得州: a short form the dictionary knows as a place
                    if norm[s:e] in freq or norm[s:e] in tags:
                        out += [country, place_mention(text, norm, s, e)]
                elif (
                    len(name) >= (2 if unit in "州邦郡" else 3)
                    and name[-1] not in self.UNITS  # 五省|市
                    and not self._common_word(norm, s, i, st, tags, freq)
                    and (e in st.tok_ends or e == len(norm) or not is_cjk(norm[e]))
                    and not (freq.get(name) and tags.get(name) not in _NAME_TAGS)
                    and self.gaz.lookup(norm[s:e]) is None
                ):
                    if country is not None:
                        out.append(country)
                    key = self.cities.get(name) if unit == "市" else None
                    if key is not None:
                        c = self.gaz.entries[key]
                        out.append(Mention(s, e, text[s:e], c.type, c.id, c.name, "gazetteer"))
                    else:
                        out.append(place_mention(text, norm, s, e))
                i = norm.find(unit, e)
        return out
