"""Character classes and shapes the organ rules share (places, sub-units, committees).

>>> "县" in ADMIN1, bool(CJK.match("县")), ORDINAL.match("第三中级人民法院").group()
(True, True, '第三')
"""

from __future__ import annotations

import re

GOV_TYPES = frozenset({"GovernmentBody", "Ministry"})
ADMIN1 = frozenset("省市县区州旗盟镇乡")
CJK = re.compile(r"[\u4e00-\u9fff]")
# characters that never occur inside the middle of a sub-unit name or a place name
STOP_CHARS = frozenset("的在了是为由对向从把被并于将也就都又已还其该本各每这那此之以所或等及和")
PLACE_STOP_CHARS = STOP_CHARS | frozenset("与我全给辖经报届须")
# boundary words that also occur inside a body's name (三峡工程建设委员会)
NAME_INTERNAL = frozenset({"建设", "开发", "组织", "合作", "管理", "发展"})
ORDINAL = re.compile(r"第[一二三四五六七八九十\d]{1,3}")
