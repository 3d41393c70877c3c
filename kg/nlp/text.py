"""Character-level text helpers shared by the NLP components.

Matching runs on ``norm_text(text)``: full-width ASCII folded to ASCII, every dash
variant to ``—`` and traditional characters to simplified ones
(``ontology/lexicon/t2s_chars.tsv``), one character for one so offsets stay valid in the
original text.

>>> norm_text("中国-东盟ＡＰＥＣ")
'中国—东盟APEC'
>>> norm_text("全國人民代表大會常務委員會")
'全国人民代表大会常务委员会'
>>> norm_name("“十四五”数字经济发展规划")
'十四五数字经济发展规划'
>>> text = "一是甲。二是乙！\\n三"
>>> [text[s:e] for s, e in split_sentences(text)]
['一是甲。', '二是乙！', '三']
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import numpy as np

_FULLWIDTH = {c: c - 0xFEE0 for c in range(0xFF01, 0xFF5F)}
# Keep Chinese punctuation that carries structure; fold only letters/digits/some symbols.
for _keep in "（）：；，！？":
    _FULLWIDTH.pop(ord(_keep), None)
_DASHES = {ord(c): "—" for c in "-‐‑‒–—―－─"}
_T2S_PATH = Path(__file__).resolve().parents[2] / "ontology" / "lexicon" / "t2s_chars.tsv"


def _t2s_table() -> dict[int, str]:
    out: dict[int, str] = {}
    with open(_T2S_PATH, encoding="utf-8") as fh:
        for line in fh:
            if line[:1] not in ("#", "\n") and "\t" in line:
                t, s = line.rstrip("\n").split("\t")
                out[ord(t)] = s
    return out


#: traditional → simplified, one character for one (the segmenter sees this text)
T2S_TABLE = _t2s_table()
_TRAD_RE = re.compile("[" + "".join(map(chr, sorted(T2S_TABLE))) + "]")
_NORM_TABLE = {**_FULLWIDTH, **_DASHES, **T2S_TABLE}

_QUOTES = re.compile(r"[《》〈〉“”‘’\"'「」『』\s]")


def norm_text(text: str) -> str:
    """Fold full-width ASCII, dashes and traditional characters, one character for one."""
    return text.translate(_NORM_TABLE)


def simplified(text: str) -> str:
    """``text`` with traditional characters folded to simplified ones (only those: what
    jieba segments, so that 中華人民共和國憲法 is cut like 中华人民共和国宪法); ``text``
    itself when it has none.

    >>> simplified("國務院"), simplified("国务院")
    ('国务院', '国务院')
    """
    return text.translate(T2S_TABLE) if _TRAD_RE.search(text) else text


_INNER_QUOTES = "“”‘’\"'「」『』"
_INNER_QUOTE_RE = re.compile("[" + _INNER_QUOTES + "]")


def strip_quotes(text: str) -> tuple[str, np.ndarray | None]:
    """``text`` without quote marks, and for each kept character its offset in ``text``.

    Names are written with and without quotes (“十四五”规划, 十四五规划); matching the
    stripped text finds both. The offsets are ``None`` when there is nothing to strip.

    >>> s, idx = strip_quotes("“十四五”规划")
    >>> s, idx.tolist()
    ('十四五规划', [1, 2, 3, 5, 6])
    """
    if not _INNER_QUOTE_RE.search(text):
        return text, None
    import numpy as np  # here: the build process merges names and never needs it

    codes = np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32)
    quotes = np.array([ord(c) for c in _INNER_QUOTES], dtype=np.uint32)
    keep = np.nonzero(~np.isin(codes, quotes))[0]
    return _INNER_QUOTE_RE.sub("", text), keep


def norm_name(name: str) -> str:
    """Canonical form of a name for comparison: NFKC-ish folding, no quotes or spaces."""
    return _QUOTES.sub("", norm_text(unicodedata.normalize("NFC", name)))


_SENT = re.compile(r"[^。！？!?\n]+(?:[。！？!?]+[”’」』）)]*)?|[。！？!?]+")


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans: split after 。！？ (with closing quotes) and at line breaks."""
    out = []
    for m in _SENT.finditer(text):
        s, e = m.span()
        while s < e and text[s] in " \t\u3000":
            s += 1
        if e > s:
            out.append((s, e))
    return out


def is_cjk(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf"


@lru_cache(maxsize=1)
def jieba_tags() -> dict[str, str]:
    """word → POS tag from jieba's bundled dictionary, read once per process.

    Several components derive word lists from it (verbs, function words, surnames-led
    common words); reading the 350,000-line file once keeps worker start-up short.
    """
    import importlib.util

    spec = importlib.util.find_spec("jieba")
    out: dict[str, str] = {}
    if spec is None or spec.origin is None:  # pragma: no cover - jieba is a dependency
        return out
    try:
        with open(Path(spec.origin).with_name("dict.txt"), encoding="utf-8") as fh:
            for line in fh:
                parts = line.split()
                if len(parts) == 3:
                    out[parts[0]] = parts[2]
    except OSError:  # pragma: no cover
        pass
    return out
