"""News stories: a programme's text is a run of stories, each opened by a heading line
(short, with no closing punctuation: 国家主席会见外宾, ## 国内联播快讯).

>>> is_heading("## 国内联播快讯"), is_heading("他出席了开幕式。")
(True, False)
>>> story_starts("标题一\\n正文。\\n标题二\\n正文。")
[3, 11]
"""

from __future__ import annotations

_CLOSED = tuple("。！？!?；;：:…”’）)】》")
_MAX_HEADING = 60


def is_heading(line: str) -> bool:
    """Whether ``line`` opens a story (a short line with no closing punctuation)."""
    line = line.strip()
    return bool(line) and len(line) <= _MAX_HEADING and not line.endswith(_CLOSED)


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
