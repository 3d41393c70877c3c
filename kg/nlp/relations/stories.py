"""News stories: a programme's text is a run of stories, each opened by a heading line
(short, with no closing punctuation: 国家主席会见外宾, ## 国内联播快讯).

>>> is_heading("## 国内联播快讯"), is_heading("他出席了开幕式。")
(True, False)
>>> story_starts("标题一\\n正文。\\n标题二\\n正文。")
[3, 11]
"""

from __future__ import annotations

import bisect
import re

_CLOSED = tuple("。！？!?；;：:…”’）)】》")
_MAX_HEADING = 60


def is_heading(line: str) -> bool:
    """Whether ``line`` opens a story (a short line with no closing punctuation)."""
    line = line.strip()
    return bool(line) and len(line) <= _MAX_HEADING and not line.endswith(_CLOSED)


#: a space between two parts of a headline: a character, a unit's code or a closing mark
#: before it, a character, a code or an opening mark after it (not 2024 年, not # 标题)
_PART_GAP = re.compile(
    "(?<=[\u4e00-\u9fff\ue010-\ue01f”》）])[ \u3000]+(?=[\u4e00-\u9fff\ue010-\ue01f“《（])"
)


#: a character of a masked unit (its code or its filler)
_IN_UNIT = re.compile("[\ue010-\ue01f]")


def headline_parts(ms: str) -> list[int]:
    """Where the parts of a heading line (masked) break: the offsets of the spaces that
    separate them, outside quotes and title marks (a headline writes its clauses apart
    with spaces, not commas: 某会议在京召开 甲出席并讲话).

    >>> headline_parts("某会议在京召开 甲出席并讲话")
    [7]
    >>> headline_parts("“春风 十里”活动举行"), headline_parts("## 2024 年")
    ([], [])
    """
    out = []
    for m in _PART_GAP.finditer(ms):
        before = ms[: m.start()]
        if before.count("“") > before.count("”") or before.count("《") > before.count("》"):
            continue  # inside a quoted name (“春风 十里”)
        if _IN_UNIT.match(ms[m.start() - 1]) and _IN_UNIT.match(ms[m.end() : m.end() + 1]):
            continue  # two names in a row are a list (出席甲峰会 乙峰会), not two parts
        out.append(m.start())
    return out


def story_starts(norm: str) -> list[int]:
    """The end offset of every heading line of ``norm``: where its stories start."""
    out = []
    pos = 0
    n = len(norm)
    while pos < n:
        nl = norm.find("\n", pos)
        end = n if nl < 0 else nl
        if end - pos <= _MAX_HEADING + 8 and is_heading(norm[pos:end]):
            out.append(end)
        pos = end + 1
    return out


def story_heads(ds) -> list[int]:
    """Where each story of ``ds``'s document starts (:func:`story_starts`, computed once
    per document into ``ds.stories``)."""
    if ds.stories is None:
        ds.stories = story_starts(ds.st.norm)
    return ds.stories


def story_lead(ds, pos: int) -> tuple[int, int] | None:
    """The story holding ``pos``: ``(i, k)``, the index of its heading in
    :func:`story_heads` and of its first sentence (the first not blank after the heading)
    in ``ds.st.sents``; None outside a story or when no sentence follows the heading."""
    heads = story_heads(ds)
    i = bisect.bisect_right(heads, pos) - 1
    if i < 0:
        return None
    st = ds.st
    k = bisect.bisect_left(ds.sent_starts, heads[i])
    while k < len(st.sents) and not st.norm[st.sents[k][0] : st.sents[k][1]].strip():
        k += 1
    return None if k >= len(st.sents) else (i, k)


def lead_span(ds, pos: int) -> tuple[int, int] | None:
    """The heading line and first sentence of the story holding ``pos`` in ``ds``'s
    document: ``(start, end)``, or None outside a story or when ``pos`` is in that heading
    or first sentence itself.

    >>> from kg.nlp.components.base import KGDoc
    >>> from kg.nlp.relations.state import DocState
    >>> text = "两国会谈\\n甲国总统访问乙国。双方签署协议。"
    >>> ds = DocState.new(KGDoc(text, text, [(0, 4), (5, 14), (14, 21)]), [])
    >>> lead_span(ds, 14), lead_span(ds, 6)
    ((0, 14), None)
    """
    lead = story_lead(ds, pos)
    if lead is None:
        return None
    i, k = lead
    st = ds.st
    if st.sents[k][1] > pos:
        return None
    return st.norm.rfind("\n", 0, ds.stories[i]) + 1, st.sents[k][1]
