"""Towns, townships and villages no gazetteer lists: a proper name + 镇/乡/村.

China has some 40,000 towns and townships and half a million villages; their names follow
one shape, a name of two to four characters and the unit (泥汊镇, 益庆乡, 下寺村). The
name is what jieba makes of it: one word with the unit, or one word of its own before the
unit, that jieba's dictionary does not know as a common word (泥汊镇, 南市|村; not 农村,
城镇, 城中村, 美丽|乡村, 示范|村). jieba tags some common words as places (城镇 ns, 中断
ns): a dictionary word counts as a name only when rare there. A number, a function word
or a common word is never a name (三村, 该村, 贫困村, 全乡), nor a games' athletes' village
(冬奥村, 亚运村); a name that a one-character word runs into (草|河坝|村) is left alone.

>>> from kg.spans import entity_spans
>>> spans = next(entity_spans(["他在安义县万埠镇工作，家住城镇，常去农村。"]))
>>> [s["text"] for s in spans if s["type"] == "Location"]
['安义县', '万埠镇']
"""

from __future__ import annotations

import re

from kg.model import Mention
from kg.nlp.components.base import open_key

UNITS = "镇乡村"
_NAME = re.compile(r"[\u4e00-\u9fff]{2,4}\Z")
# characters that are no part of such a name: numbers, function words, places' units
_NOT_IN_NAME = frozenset(
    "的在了是为由对向从把被并于将也就都又已还其该本各每这那此之以所或等及和与全"
    "一二三四五六七八九十百千万两几多个省市县区乡镇村"
)
# jieba tags of names: places, persons, other proper names
_NAME_TAGS = frozenset({"ns", "nr", "nrt", "nrfg", "nz"})
# a dictionary word tagged as a name but more frequent than this is a common word too
_RARE = 300
# jieba tags of one-character words that may stand right before a name: function words,
# verbs, localizers (在|X村, 到|X镇, 来自|X乡)
_BEFORE_TAGS = ("p", "c", "u", "d", "r", "v", "f", "m", "q")
# an athletes' village of a games (奥运村, 冬奥村, 亚运村): a facility, not a village
_GAMES = ("运", "奥")


def _is_name(word: str, tags: dict[str, str], freq: dict[str, int]) -> bool:
    """No dictionary word, or a rare one tagged as a name."""
    f = freq.get(word)
    return not f or (tags.get(word) in _NAME_TAGS and f <= _RARE)


def find_localities(st, tags: dict[str, str], freq: dict[str, int]) -> list[Mention]:
    """Location mentions (rule ``pattern``) of towns and villages in ``st``."""
    norm, text = st.norm, st.text
    out: list[Mention] = []
    for unit in UNITS:
        i = norm.find(unit, 2)
        while i != -1:
            e = i + 1
            s = _name_start(norm, i, st, tags, freq)
            if s is not None:
                name = norm[s:e]
                out.append(
                    Mention(s, e, text[s:e], "Location", open_key("Location", name), name,
                            "pattern")
                )
            i = norm.find(unit, e)
    return out


def _name_start(norm: str, i: int, st, tags: dict[str, str], freq: dict[str, int]) -> int | None:
    """Start of the name whose unit is at ``i``, or None when there is none."""
    if i + 1 not in st.tok_ends:
        return None  # 村民, 乡镇: the unit character opens another word
    t = i
    while t > 0 and t not in st.tok_starts:
        t -= 1
    if t < i:  # the unit ends a word: the word is the name (泥汊镇)
        if not 3 <= i + 1 - t <= 5 or not _is_name(norm[t : i + 1], tags, freq):
            return None  # 新农村, 城镇, 城中村: a common word
        s = t
    else:  # the unit is a word of its own after the name (南市|村)
        s = i - 1
        while s > 0 and s not in st.tok_starts:
            s -= 1
    name = norm[s:i]
    if (
        not _NAME.match(name)
        or any(c in _NOT_IN_NAME for c in name)
        or not _is_name(name, tags, freq)
        or name.endswith(_GAMES)
        # the unit and the character before it are a common word: 新型|农村, 江南|水乡
        or not _is_name(norm[i - 1 : i + 1], tags, freq)
    ):
        return None
    if s > 0 and s - 1 in st.tok_starts and "\u4e00" <= norm[s - 1] <= "\u9fff":
        if not tags.get(norm[s - 1], "").startswith(_BEFORE_TAGS):
            return None  # 草|河坝|村: the name starts before
    return s
