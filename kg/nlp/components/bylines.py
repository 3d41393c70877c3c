"""Reporters named in a news item's dateline by-line: 本报某地某日电 记者 X、Y 报道.

The by-line states who reports the item: each name in it is a person's (a reporter of
the paper or of an agency), read between a credit word (记者, 通讯员) and 报道. Only this
form is read: a photo or editor's credit (记者 X 摄, 责任编辑：X) names no one the text is
about (GUIDELINES.md) and stays out, as does 记者 alone (记者从某部了解到). Each name is a
surname and one or two characters (a compound surname and one or two; two or three
characters with no function character where the surname is one the list lacks); a part
that is no such name ends the reading (a by-line is a closed frame: nothing is guessed in
it but a rare surname).

>>> surnames = frozenset("王李张刘") | {"欧阳"}
>>> text = "本报某地3月1日电记者王小明、新华社记者欧阳文报道：会议今天开幕。"
>>> [text[s:e] for s, e in byline_names(text, surnames)]
['王小明', '欧阳文']
>>> byline_names("记者王小明摄", surnames), byline_names("记者从某部了解到，报道称", surnames)
([], [])
"""

from __future__ import annotations

import re

#: a credit word, what follows it up to 报道 (no clause punctuation, at most four names)
_BYLINE = re.compile("(?:记者|通讯员)([^，。：；！？,.:;!?\\s“”《》（）()]{2,30}?)报道")
#: characters of no name: function words, numbers, the frame's own words (从, 在, 日)
_NOT_IN_NAME = frozenset("的在了是为由对向从把被并于将也就都又已还其该本各每这那此之以所或等及和与")
#: what may stand before a later name's own credit word (新华社记者, 本报特约记者)
_CREDIT = re.compile("(?:[\u4e00-\u9fff]{0,6}?)(?:记者|通讯员)")


def byline_names(norm: str, surnames: frozenset[str]) -> list[tuple[int, int]]:
    """Spans of the names in the dateline by-lines of ``norm`` (see the module)."""
    out: list[tuple[int, int]] = []
    if "报道" not in norm:
        return out  # (a substring test: most texts have no by-line)
    for m in _BYLINE.finditer(norm):
        spans = []
        pos = m.start(1)
        for part in m.group(1).split("、"):
            c = _CREDIT.match(part)
            k = c.end() if c else 0
            name = part[k:]
            sl = 2 if name[:2] in surnames else 1 if name[:1] in surnames else 0
            # a surname the list lacks (a rare one) in the frame: two or three characters
            if not (1 <= len(name) - sl <= 2 if sl else 2 <= len(name) <= 3):
                break
            if not all("\u4e00" <= ch <= "\u9fff" and ch not in _NOT_IN_NAME for ch in name):
                break
            spans.append((pos + k, pos + len(part)))
            pos += len(part) + 1
        else:
            out.extend(spans)
    return out
