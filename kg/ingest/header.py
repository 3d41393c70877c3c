"""The metadata table at the head of a government document page.

Pages of the State Council's policy library (gov.cn) and their copies open with a table
of labelled cells: 索引号, 主题分类, 发文机关, 成文日期, 标题, 发文字号, 发布日期, 主题词.
After cleaning, each row is a line ``label： value label： value``. :func:`read_header`
finds those labels near the start of the text and returns each field with its value and
the value's offsets, so that the reader (document metadata) and the NLP stage (the
issuer and title as evidence) read one table in one way.

>>> text = "索 引 号： 0001/2001-0007 主题分类： 教育\\n\\n发文机关： 某部 成文日期： 2001年3月2日"
>>> h = read_header(text)
>>> h["issuer"].value, h["created"].value, h["index"].value
('某部', '2001年3月2日', '0001/2001-0007')
>>> text[h["issuer"].start:h["issuer"].end]
'某部'
>>> read_header("国务院关于印发《某某规划》的通知") == {}
True
"""

from __future__ import annotations

import re
from itertools import pairwise
from typing import NamedTuple

#: Field name → the labels that introduce it (a closed class: the labels gov.cn-style
#: document pages use). Characters of a label may be spread by spaces (标　　题).
LABELS: dict[str, tuple[str, ...]] = {
    "index": ("索引号",),
    "topics": ("主题分类",),
    "issuer": ("发文机关", "发布机关", "发文单位"),
    "created": ("成文日期", "成文时间"),
    "title": ("标题",),
    "number": ("发文字号", "文号"),
    "issued": ("发布日期", "发布时间"),
    "keywords": ("主题词",),
}

#: Where the table may be: its first label must start within this many characters.
HEAD_CHARS = 600
#: A table has at least this many of the labels.
MIN_FIELDS = 2

_SP = "[ \u3000]*"
_LABEL_OF = {label: name for name, labels in LABELS.items() for label in labels}
_LABELS = "|".join(_SP.join(label) for label in sorted(_LABEL_OF, key=len, reverse=True))
_LABEL = re.compile(f"(?<![^\\s])({_LABELS}){_SP}[:：]")
#: :data:`_LABEL` without its look-behind: it starts with a literal, so a search skips in
#: C to the next character that can start a label (a cheap test that a text has none).
_LABEL_HINT = re.compile(f"({_LABELS}){_SP}[:：]")
_LINE_END = re.compile(r"\n")


class Field(NamedTuple):
    """One labelled value: the text and its offsets in the text (end exclusive)."""

    value: str
    start: int
    end: int


def read_header(text: str) -> dict[str, Field]:
    """The fields of the metadata table near the start of ``text`` (``{}`` when it has
    none): ``index``, ``topics``, ``issuer``, ``created``, ``title``, ``number``,
    ``issued``, ``keywords``; values as written (empty values are left out)."""
    if _LABEL_HINT.search(text, 0, HEAD_CHARS + 40) is None:
        return {}
    first = _LABEL.search(text, 0, HEAD_CHARS + 40)
    if first is None or first.start() > HEAD_CHARS:
        return {}
    found: dict[str, Field] = {}
    seen: set[str] = set()
    pos = first.start()
    limit = min(len(text), pos + 2000)
    labels = list(_LABEL.finditer(text, pos, limit))
    for i, m in enumerate(labels):
        name = _LABEL_OF[re.sub("[ \u3000]", "", m.group(1))]
        seen.add(name)
        stop = labels[i + 1].start() if i + 1 < len(labels) else limit
        nl = _LINE_END.search(text, m.end(), stop)
        if nl is not None:
            stop = nl.start()
        if i + 1 == len(labels) and nl is None and limit < len(text):
            break  # the last label runs on into the body: no table row bounds it
        s, e = m.end(), stop
        while s < e and text[s] in " \u3000":
            s += 1
        while e > s and text[e - 1] in " \u3000":
            e -= 1
        if s < e and name not in found:
            found[name] = Field(text[s:e], s, e)
        # the table ends at the first paragraph that starts with no label
        nxt = labels[i + 1].start() if i + 1 < len(labels) else limit
        if nl is not None and text[nl.end() : nxt].strip():
            break
    return found if len(seen) >= MIN_FIELDS else {}


# --------------------------------------------------------------------------- sign-off

_CN_DIGIT = {c: i for i, c in enumerate("〇一二三四五六七八九")} | {
    "零": 0,
    "○": 0,
    "Ｏ": 0,
    "0": 0,
}
_NUM = "0-9０-９〇零○Ｏ一二三四五六七八九十"
_DATE_LINE = re.compile(f"([{_NUM}]{{4}})年([{_NUM}]{{1,3}})月([{_NUM}]{{1,3}})日")
#: how far from the end the sign-off may be (a note such as （此件公开发布） may follow)
SIGNOFF_PARAS = 4
_MAX_SIGNER = 40
_NOT_SIGNER = frozenset("。，；：！？,;:!?")


def _cn_number(s: str) -> int | None:
    """二〇〇四 → 2004, 十五 → 15, 二十 → 20, 12 → 12."""
    s = s.translate(str.maketrans("０１２３４５６７８９", "0123456789"))
    if s.isdigit():
        return int(s)
    if "十" in s:
        tens, _, ones = s.partition("十")
        t = _CN_DIGIT.get(tens, 1) if tens else 1
        o = _CN_DIGIT.get(ones, 0) if ones else 0
        return (
            t * 10 + o
            if (not tens or tens in _CN_DIGIT) and (not ones or ones in _CN_DIGIT)
            else None
        )
    digits = [_CN_DIGIT.get(c) for c in s]
    if None in digits:
        return None
    return int("".join(map(str, digits)))


def signoff_date(line: str) -> str | None:
    """The ISO date of a line that is only a date (二〇〇四年十月十五日, 2018年11月20日).

    >>> signoff_date("二〇〇四年十月十五日"), signoff_date("2018年11月20日"), signoff_date("2018年")
    ('2004-10-15', '2018-11-20', None)
    """
    m = _DATE_LINE.fullmatch(line.strip())
    if m is None:
        return None
    y, mo, d = (_cn_number(g) for g in m.groups())
    if y is None or mo is None or d is None or not (1 <= mo <= 12 and 1 <= d <= 31):
        return None
    return f"{y:04d}-{mo:02d}-{d:02d}"


def read_signoff(text: str) -> dict[str, Field]:
    """The sign-off of an official document (落款): a short line naming the issuer(s) and
    a line that is only the date, among the last paragraphs. ``{"issuer", "created"}``
    (``created`` holds the ISO date as its value), or ``{}``.

    >>> t = "……现予公布。\\n\\n某某部\\n\\n二〇〇四年十月十五日\\n\\n（此件公开发布）"
    >>> s = read_signoff(t)
    >>> s["issuer"].value, s["created"].value, t[s["issuer"].start:s["issuer"].end]
    ('某某部', '2004-10-15', '某某部')
    """
    tail_start = len(text)
    paras: list[tuple[int, int]] = []
    for _ in range(SIGNOFF_PARAS + 1):
        end = tail_start
        while end > 0 and text[end - 1] in "\n \u3000":
            end -= 1
        if end == 0:
            break
        start = text.rfind("\n", 0, end) + 1
        paras.append((start, end))
        tail_start = start
    paras.reverse()
    for (s0, e0), (s1, e1) in pairwise(paras):
        date = signoff_date(text[s1:e1])
        if date is None:
            continue
        name = text[s0:e0]
        if len(name) > _MAX_SIGNER or _NOT_SIGNER.intersection(name) or signoff_date(name):
            return {}
        return {"issuer": Field(name, s0, e0), "created": Field(date, s1, e1)}
    return {}
