"""Packages of programmes named by their count (十大|重点节能工程, 五大|协作行动, 八项|…):
the count right before the field, and the field the package is named by.

>>> COUNTED_SET.search("实施五大") is not None
True
"""

from __future__ import annotations

import re

from kg.nlp.components.heads.words import RANK_WORDS

# a count of a package of programmes right before its field (五大|协作行动, 八项|…)
COUNTED_SET = re.compile(r"[二三四五六七八九十百]+[大项]\Z")

#: what a package named by its count may say of its field before the field itself
#: (十大|重点|节能工程, 八大|重大|…工程): not the field, so not what makes it generic
_PACKAGE_CLASS = RANK_WORDS


def counted_field(count: str, body: str) -> str:
    """The field of a package named by its count (``count``: 十大, 八项…) and ``body``:
    after a count in 大 (the package's name: 十大重点节能工程), without a leading 重点/重大;
    after a count of items (二百项|重大预备项目: a quantity) the whole body.

    >>> counted_field("十大", "重点节能"), counted_field("二百项", "重大预备")
    ('节能', '重大预备')
    """
    if count.endswith("大") and body.startswith(_PACKAGE_CLASS):
        return body[2:]
    return body
