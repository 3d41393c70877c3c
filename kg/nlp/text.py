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
from collections.abc import Iterable, Iterator, Mapping
from functools import lru_cache
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING

from kg.fingerprint import REPO_ONTOLOGY_DIR

if TYPE_CHECKING:
    import numpy as np

_FULLWIDTH = {c: c - 0xFEE0 for c in range(0xFF01, 0xFF5F)}
# Keep Chinese punctuation that carries structure; fold only letters/digits/some symbols.
for _keep in "（）：；，！？":
    _FULLWIDTH.pop(ord(_keep), None)
_DASHES = {ord(c): "—" for c in "-‐‑‒–—―－─"}
_T2S_PATH = REPO_ONTOLOGY_DIR / "lexicon" / "t2s_chars.tsv"


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
# private-use characters U+E010–U+E01F (a text's rare characters may be coded there) are
# the relation stage's entity masks (kg.nlp.relations.masking): folded to 〓 (the mark for
# a missing character), a text can never look like a masked entity
_MASK_CODES = {c: "〓" for c in range(0xE010, 0xE020)}
_NORM_TABLE = {**_FULLWIDTH, **_DASHES, **T2S_TABLE, **_MASK_CODES}
# the same as str → str, and a class of its characters: most text has none or few of them,
# and replacing only those beats ``str.translate``'s dictionary lookup per character (~15×)
_NORM_CHARS = {chr(k): chr(v) if isinstance(v, int) else v for k, v in _NORM_TABLE.items()}
_NORM_RE = re.compile("[" + "".join(re.escape(c) for c in sorted(_NORM_CHARS)) + "]")

_QUOTES = re.compile(r"[《》〈〉“”‘’\"'「」『』\s]")


def norm_text(text: str) -> str:
    """Fold full-width ASCII, dashes and traditional characters, one character for one.

    Always a new string, as ``str.translate`` gave (a result shares no object with the
    input, so pickled results do not change)."""
    if len(text) < 2:
        return text.translate(_NORM_TABLE)
    out = _NORM_RE.sub(_norm_char, text)
    return text[:1] + text[1:] if out is text else out


def _norm_char(m: re.Match[str]) -> str:
    return _NORM_CHARS[m.group()]


def simplified(text: str) -> str:
    """``text`` with traditional characters folded to simplified ones (only those: what
    jieba segments, so that 中華人民共和國憲法 is cut like 中华人民共和国宪法); ``text``
    itself when it has none.

    >>> simplified("國務院"), simplified("国务院")
    ('国务院', '国务院')
    """
    return text.translate(T2S_TABLE) if _TRAD_RE.search(text) else text


#: quote marks inside names (“十四五”规划): matching ignores them
INNER_QUOTES = "“”‘’\"'「」『』"
_INNER_QUOTE_RE = re.compile("[" + INNER_QUOTES + "]")


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
    quotes = np.array([ord(c) for c in INNER_QUOTES], dtype=np.uint32)
    keep = np.nonzero(~np.isin(codes, quotes))[0]
    return _INNER_QUOTE_RE.sub("", text), keep


def norm_name(name: str) -> str:
    """Canonical form of a name for comparison: NFKC-ish folding, no quotes or spaces."""
    # cached (a document asks for the same few names again and again), but each call
    # gets its own string as without the cache: which strings a result shares shows in
    # its pickle, and a cache filled while building the pipeline would change that
    out = _norm_name(name)
    return out[:1] + out[1:] if len(out) > 1 else _norm_name.__wrapped__(name)


@lru_cache(maxsize=1 << 15)
def _norm_name(name: str) -> str:
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


def word_alternation(words: Iterable[str]) -> str:
    """A regular expression (non-capturing) matching any of ``words``, as a trie:
    ``(?:工(?:程|作)|计划)``. It matches what ``"|".join(words longest first)`` matches,
    also when what follows fails and the engine backtracks (the longest word that fits
    first, then the shorter ones), but tries one branch per character instead of every
    word at every position. Branches start with different characters, so their order
    changes nothing but the text: it is sorted, so that every process makes the same
    expression (a build worker's :mod:`kg.nlp.regex_cache` table finds it again).

    >>> import re
    >>> word_alternation(["工程", "工程师", "计划"])
    '(?:工程(?:师|)|计划)'
    >>> re.compile(word_alternation(["ab", "abc", "b"]) + "d").findall("abcd abd bd")
    ['abcd', 'abd', 'bd']
    """
    trie: dict = {}
    for w in sorted(words):  # the same expression in every process, whatever the set order
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}  # a word ends here

    def build(node: dict) -> str:
        alts, stop = [], False
        for ch, child in node.items():
            if ch == "":
                stop = True
                continue
            # a run of single children is one literal (工程 rather than 工(?:程))
            lit = re.escape(ch)
            while len(child) == 1 and "" not in child:
                ((ch, child),) = child.items()
                lit += re.escape(ch)
            alts.append(lit + build(child))
        if stop and alts:
            alts.append("")  # the shorter word, after the longer ones
        if not alts:
            return ""
        return "(?:" + "|".join(alts) + ")" if len(alts) > 1 else alts[0]

    out = build(trie)
    return out if out.startswith("(?:") else "(?:" + out + ")"


def offset_mask(offsets: object, n: int) -> bytes | bytearray:
    """Offsets in ``0..n`` (token boundaries: ``KGDoc.tok_starts``) as a byte mask, ``m[i]``
    non-zero when ``i in offsets``: indexing it is cheaper than ``in`` on the object.

    >>> list(offset_mask(frozenset({0, 2}), 3))
    [1, 0, 1, 0]
    """
    mask = getattr(offsets, "mask", None)  # kg.nlp.components.base.Bounds
    if isinstance(mask, (bytes, bytearray)) and len(mask) == n + 1:
        return mask
    out = bytearray(n + 1)
    if isinstance(offsets, (set, frozenset)):
        for i in offsets:
            if isinstance(i, int) and 0 <= i <= n:
                out[i] = 1
    else:
        for i in range(n + 1):
            if i in offsets:  # type: ignore[operator]
                out[i] = 1
    return out


def is_cjk(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf"


#: jieba's word → tag table of this process (:func:`jieba_tags`, :func:`prime_jieba_tags`)
_JIEBA_TAGS: list[Mapping[str, str]] = []


def jieba_tags() -> Mapping[str, str]:
    """word → POS tag from jieba's bundled dictionary, read once per process.

    Several components derive word lists from it (verbs, function words, surnames-led
    common words); reading the 350,000-line file once keeps worker start-up short (a
    worker that restores a pipeline snapshot gets it from there: :func:`prime_jieba_tags`).
    """
    if not _JIEBA_TAGS:
        _JIEBA_TAGS.append(_read_jieba_tags())
    return _JIEBA_TAGS[0]


#: jieba's words grouped by tag (:func:`jieba_tag_groups`), for the table of ``_JIEBA_TAGS``
_TAG_GROUPS: list[tuple[Mapping[str, str], Mapping[str, tuple[str, ...]]]] = []


def jieba_tag_groups() -> Mapping[str, tuple[str, ...]]:
    """jieba's dictionary words by tag (tag → its words, in the dictionary's order): one
    pass over :func:`jieba_tags`, shared by the components that derive word lists from
    it when a pipeline is built, so that each walks only the tags it wants instead of all
    350,000 words (ten such walks were ~0.5 CPU-s of a cold build). Read-only: every
    caller shares it.

    >>> groups = jieba_tag_groups()
    >>> all(jieba_tags()[w] == t for t, words in groups.items() for w in words[:3])
    True
    >>> sum(map(len, groups.values())) == len(jieba_tags())
    True
    """
    tags = jieba_tags()
    if not _TAG_GROUPS or _TAG_GROUPS[0][0] is not tags:
        groups: dict[str, list[str]] = {}
        for w, t in tags.items():
            words = groups.get(t)
            if words is None:
                words = groups[t] = []
            words.append(w)
        frozen = MappingProxyType({t: tuple(ws) for t, ws in groups.items()})
        _TAG_GROUPS[:] = [(tags, frozen)]
    return _TAG_GROUPS[0][1]


def tagged_words(tags: Iterable[str]) -> Iterator[str]:
    """The words of jieba's dictionary tagged with one of ``tags`` (a tag's words in the
    dictionary's order, tag after tag).

    >>> "国务院" in set(tagged_words(("nt",))), "国务院" in set(tagged_words(("v", "n")))
    (True, False)
    """
    groups = jieba_tag_groups()
    for t in tags:
        yield from groups.get(t, ())


def tags_starting(prefix: str | tuple[str, ...]) -> list[str]:
    """The tags of jieba's dictionary that start with ``prefix`` (``"nr"``: nr, nrt,
    nrfg), in their first word's order.

    >>> sorted(tags_starting("nr"))
    ['nr', 'nrfg', 'nrt']
    """
    return [t for t in jieba_tag_groups() if t.startswith(prefix)]


def prime_jieba_tags(tags: Mapping[str, str]) -> None:
    """Make :func:`jieba_tags` return ``tags`` (what it returned in the process that saved
    a pipeline snapshot), unless it was read already."""
    if not _JIEBA_TAGS:
        _JIEBA_TAGS.append(tags)


def _read_jieba_tags() -> dict[str, str]:
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
