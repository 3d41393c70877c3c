"""The CPC's national congresses by the forms its reports use, for ``kg_patterns``: 党的第N次
全国代表大会 (the long form with 党的 for 中国共产党) and the bare short form 十N大 / 二十N大
(十二大、十三大、特别是十四大) where the gazetteer does not hold it, both the event its full
name is in the gazetteer under (中国共产党第N次全国代表大会: the same key as 党的N大).

A bare short form names the congress only where the text around it can say nothing else:
not after another body's name or abbreviation (某联|十一大, 某国某党|十一大, a known
organisation or country: theirs), as a whole word, before punctuation or a word a
congress is spoken of with (以来, 精神, 报告, 提出, 确定…: not 十二大|类, 十二大|行业); 十大
and the single digits are counts as often (十大|重点产业) and are left alone.

>>> [m.group() for m in SHORT.finditer("在十一届三中全会和十二大、十三大基础上，十大行业")]
['十二大', '十三大', '十大']
>>> LONG.search("去年召开的党的第十一次全国代表大会").group("n")
'十一'
"""

from __future__ import annotations

import re

from kg.model import Mention

SHORT = re.compile(r"(?:二十|十)[一二三四五六七八九]?大")
LONG = re.compile(r"党的第(?P<n>[一二三四五六七八九十]{1,3})次全国代表大会")
#: the words a congress's short form is spoken of with (十四大|以来, 十三大|提出)
AFTER = (
    "以来", "以后", "以前", "之后", "之前", "期间", "前后", "精神", "报告", "路线", "文件",
    "决议", "党章", "提出", "确定", "指出", "强调", "召开", "闭幕", "开幕", "通过", "作出",
    "制定", "规定", "决定", "要求", "部署", "无疑", "的", "和", "与", "及", "、", "上", "后",
    "前", "起", "时", "至", "到", "在", "是", "把", "将", "又", "都", "也", "还", "所", "已",
)  # fmt: skip
#: the last characters of the names of bodies that hold congresses of their own (某联, 某协,
#: 某党, 某会, 某团, 某盟, 某社): one right before a short form says whose it is
BODY_ENDS = frozenset("联协党会团盟社")
_BODIES = frozenset({"Organization", "GovernmentBody", "Ministry", "Country"})
_FULL = "中国共产党第{}次全国代表大会"


def _number(short: str) -> str:
    return short[:-1]


def cpc_congresses(st, norm: str, gaz, view) -> None:
    """Add the CPC's congresses written 党的第N次全国代表大会 or bare 十N大 (``view``: the
    token marks)."""
    if "全国代表大会" in norm:
        for m in LONG.finditer(norm):
            e = gaz.lookup(_FULL.format(m.group("n")))
            if e is not None:
                a, b = m.span()
                st.candidates.append(Mention(a, b, st.text[a:b], e.type, e.id, e.name, "pattern"))
    starts, ends = view.starts, view.ends
    n = len(norm)
    body_ends: set[int] | None = None
    for m in SHORT.finditer(norm):
        a, b = m.span()
        if b - a < 3 or not (starts[a] or a == 0) or not (b == n or ends[b]):
            continue  # 十大 a count; 二十|大类, 某某十|二大: not a word of its own
        if gaz.lookup(m.group()) is not None:
            continue  # 十八大: the gazetteer's
        if body_ends is None:
            body_ends = {c.end for c in st.candidates if c.type in _BODIES}
        if a > 0 and (norm[a - 1] in BODY_ENDS or a in body_ends):
            continue  # 某联|十一大, 某国人民革命党|十一大: another body's congress
        if b < n and "\u4e00" <= norm[b] <= "\u9fff" and not norm.startswith(AFTER, b):
            continue  # 十二大|行业: a count
        e = gaz.lookup(_FULL.format(_number(m.group())))
        if e is not None:
            st.candidates.append(Mention(a, b, st.text[a:b], e.type, e.id, e.name, "pattern"))
