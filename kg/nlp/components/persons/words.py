"""Closed word classes that several person rule families read.

Each family keeps its own constants beside its code; these are the ones two or more
families share (what a name cannot start or end with, heads of other names).

>>> "由" in FUNCTION_CHARS, "某" in FUNCTION_CHARS
(True, False)
"""

from __future__ import annotations

from kg.nlp.components.names import STOP_CHARS

#: last characters of role nouns that jieba's dictionary calls names (申请人, 仲裁庭 are
#: "nr"): no given name ends with one
ROLE_END = frozenset("方们者人庭员院会局部厅处所队组家")
#: terms of address after a surname (王老师, 李小姐, 胡老): no given name
ADDRESS = frozenset(
    {"老", "老师", "小姐", "师傅", "大娘", "大爷", "大妈", "大伯", "大姐", "大哥", "阿姨"}
    | {"老汉", "同学", "主任", "家", "氏", "某", "某某", "总", "工", "姐", "哥", "叔", "婶"}
    | {"父", "母", "父母"}
)
#: characters that are function words before or after a name more often than surnames
#: (由某某组成, 某某等): the reader's stop characters and a few more
FUNCTION_CHARS = STOP_CHARS | frozenset("由自以但而或其该此之所经据按依凭当")
#: one-character abbreviations of the provincial-level divisions (a closed class)
PROVINCE_ABBR = frozenset(
    "京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼港澳台黔滇陇"
)
#: heads of natural and rural place names (某某峡, 某某岭, 某家庄) beyond ``NOT_NAME_END``
PLACE_ENDS = frozenset("峡岭坡滩洲岛沟谷寨屯坝塘庄堡峪岗垭坪崖楼")
#: first letters of jieba's tags of words that open no name (verbs, adverbs, adjectives,
#: prepositions, conjunctions, numerals, pronouns, particles: 关于, 强调, 曾经, 明确)
NOT_NAME_TAGS = frozenset("vdapcmrufqy")
#: heads of organisations' names: left over between a body and a post, they show that
#: the body is longer than the one known
ORG_HEADS = ("大学", "学院", "研究院", "研究所", "中心", "学校")
