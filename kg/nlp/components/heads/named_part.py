"""The part of a phrase that names one medium or publisher, read back from its head
(电视台, 出版社), for ``cited_media`` and ``publishers``: a relative clause before the name
ends at its last 的 (某武装控制的|某某电视台, 由某部选择的|某某出版社), and a name that
opens with a class word (当地, 多家, 该, a level: 中央一级, 省级; a kind: 专门, 指定) is a
class of media, not one medium.

>>> norm = "据某武装控制的某某电视台报道，由某部选择的中央一级出版社出版"
>>> a = named_start(norm, 1, 12)
>>> norm[a:12]
'某某电视台'
>>> named_start(norm, 17, 28) is None
True
"""

from __future__ import annotations

import re

from kg.model import Mention
from kg.nlp.components.base import open_key
from kg.nlp.components.heads.words import CLASS_DETERMINERS
from kg.nlp.text import norm_name

# what opens a class of media, not one medium's name: a determiner or a count (当地, 该,
# 多家), a scope (外国, 境内), a level (中央一级, 省级, 县级), a kind (专门, 指定, 正规)
# (matched, not measured: the order of the words does not matter)
CLASS_OPEN = re.compile(
    "|".join(CLASS_DETERMINERS)
    + r"|当地|本|这|此|一家|多家|几家|其|各|若干|外国|国外|境外|国内|西方|主流"
    r"|(?:中央|国家|省|市|县|地方)?[一二三]?级|地方|专门|专业|指定|正规"
)


def named_start(norm: str, a: int, b: int) -> int | None:
    """Where the name ends by ``norm[b]`` starts in ``norm[a:b]`` (after the last 的), or
    None when it opens with a class word (module docstring)."""
    d = norm.rfind("的", a, b)
    if d >= 0:
        a = d + 1
    return None if CLASS_OPEN.match(norm, a, b) else a


def organisation_mention(st, gaz, a: int, b: int, rule: str) -> Mention | None:
    """The Organization mention of ``st.text[a:b]`` (a medium or a publisher read by its
    head): the gazetteer's entity when it knows the name, else an open key; None when the
    gazetteer has the name as another type (a place, a programme)."""
    label = norm_name(st.text[a:b])
    e = gaz.lookup(label)
    if e is not None and e.type != "Organization":
        return None
    key = e.id if e is not None else open_key("Organization", label)
    return Mention(a, b, st.text[a:b], "Organization", key, label, rule)
