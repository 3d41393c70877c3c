"""Chinese names no cue introduces, scored by the name model (:class:`NameModel`).

The candidates are the surname-led words the model's scan finds near a name (jieba's HMM
words and its dictionary's names); each is scored on its surname and given-name
characters plus its context — a cue after it (表示, 说, 等, 、), an item of a list — and
kept when whole words, no by-line (记者 X), overlapping no other candidate and not a
piece of a longer (foreign) name.

>>> SHORT_NAME_MARGIN > SPLIT_NAME_MARGIN, "化" in _WORD_SUFFIXES
(True, True)
"""

from __future__ import annotations

from kg.nlp.components.name_model import FOREIGN
from kg.nlp.components.names import DOTS, NOT_NAME_END, STOP_CHARS, is_cjk
from kg.nlp.components.persons.common import Names, Spans, add_person
from kg.nlp.components.persons.resources import PersonResources
from kg.nlp.components.persons.words import ADDRESS, FUNCTION_CHARS, PLACE_ENDS, PROVINCE_ABBR

#: what a surname token and two characters after it must score above the threshold
SPLIT_NAME_MARGIN = 1.0
#: what a surname and one character must score above the name model's threshold
SHORT_NAME_MARGIN = 2.5
#: suffixes that make words of words (普及化, 开放式, 可行性, 某某族; 氏 a clan's or a
#: form of address: 某某氏), and function characters (某某等): no given name ends in one
_WORD_SUFFIXES = frozenset("化式性型率度族氏") | STOP_CHARS
#: after 等, what makes the list one of places or things, not of persons (某某等地)
_PLACE_AFTER_DENG = frozenset("地国省市城县区镇村方多")
#: heads of natural features written as a word of their own after a name (某某|河)
_FEATURE_HEADS = frozenset("河江湖山岛港湾峡海")
#: what an item of a list counts when an item beside it is a name (甲、乙)
_LIST_BONUS = 1.0
#: the end ratio above which a last character is no name's with no cue (室, 栏, 柜: words'
#: ends; names end in characters below -1 mostly: 东, 平, 华)
_END_MAX = -0.5
#: how much a last character that ends words rather than names counts against a name
_END_WEIGHT = 2.0


def model_names(res: PersonResources, st, names: Names, taken: set[int], cands: Spans) -> None:
    """Names no cue introduces: a word jieba's HMM made or its dictionary tags as a
    name, scored by :class:`NameModel` (surname and given-name characters) plus its
    context — a cue after it (表示, 说, 等, 、), an item of a list. Whole words only,
    not a by-line (记者 X), not overlapping another candidate, not a word that a
    lone character before or after it continues (丁|薛祥: the name is longer)."""
    model = res.model
    if not cands:
        return
    norm, starts = st.norm, st.tok_starts
    n = len(norm)
    covered: bytearray | None = None
    accepted: list[tuple[int, int, str, float]] = []
    pending: list[tuple[int, int, str, float]] = []
    for i, j in cands:
        if i in taken:
            continue
        w = norm[i:j]
        if len(w) >= 3 and w[-1] in "等说" and i + 1 not in starts:
            j -= 1  # 李某等, 李某说 as one word: the name and its cue
            w = w[:-1]
        sl = name_shape(res, w)
        if not sl:
            continue
        # a surname token and a given name jieba cut off (刘|正学)
        split = i + 1 in starts and sl == 1
        # an unknown word right before or after: a longer (foreign) name that jieba
        # cut in pieces (萨洛|维耶夫), not this one
        if unknown_word_at(res, st, j) or unknown_word_before(res, st, i):
            continue
        # a lone surname before, and the word may be a given name: the name starts
        # earlier (丁|薛祥)
        if (
            i > 0
            and i - 1 in starts
            and norm[i - 1] in res.surnames
            and norm[i - 1] not in FUNCTION_CHARS
            and len(w) <= 3
            and model.given.get(w[0], 0.0) > 0
        ):
            continue
        e = j
        if (
            len(w) - sl == 1
            and j < n
            and is_cjk(norm[j])
            and j + 1 in starts
            and norm[j] not in FUNCTION_CHARS
            and norm[j] not in NOT_NAME_END
            and norm[j] not in _WORD_SUFFIXES
            and model.given.get(norm[j], 0.0) > 0
            and model.end_ratio(norm[j]) == 0.0
        ):
            e = j + 1  # 张友|香: a character of names after a one-character given name
            w = norm[i:e]
        bonus = 0.0
        listed = False
        if e < n and (norm[e] == "说" or res.strong_cue.match(norm, e)):
            bonus = 2.0
        elif norm.startswith("等", e) and norm[e + 1 : e + 2] not in _PLACE_AFTER_DENG:
            bonus = 1.0  # 某某等 ends lists of things too (冷藏柜等设备)
        if bonus < 2.0 and ((e < n and norm[e] == "、") or (i > 0 and norm[i - 1] == "、")):
            listed = True
        # a middle dot after, or a lone character before a transliteration (卡|斯洛夫):
        # the name is longer than the word
        if e < n and norm[e] in DOTS:
            continue
        if (
            i > 0
            and i - 1 in starts
            and is_cjk(norm[i - 1])
            and norm[i - 1] not in FUNCTION_CHARS
            and model.foreign_ratio(w) > 0
        ):
            continue
        # a transliteration right after: a foreign name that jieba cut (冯德|莱恩)
        if e < n and is_cjk(norm[e]) and e + 1 not in starts:
            k = e + 1
            while k < n and k not in starts:
                k += 1
            nxt = norm[e:k]
            if nxt not in res.foreign.stops and model.foreign_ratio(nxt) >= FOREIGN:
                continue
        # a transliteration right before (卡列|诺夫说): a piece of a longer name
        if i > 0 and is_cjk(norm[i - 1]) and model.foreign_ratio(w) > 0:
            k = i - 1
            while k > 0 and k not in starts:
                k -= 1
            prev = norm[k:i]
            if prev not in res.foreign.stops and model.foreign_ratio(prev) >= FOREIGN:
                continue
        # a lone character after that heads a place (某某|河) or goes on a
        # transliteration (卡列宁|娜): a place's name, or a longer one
        if e < n and is_cjk(norm[e]) and e + 1 in starts:
            nc = norm[e]
            if nc in _FEATURE_HEADS or (
                model.foreign.get(nc, 0.0) >= 1.0 and model.foreign_ratio(w) > 0
            ):
                continue
        # a word that opens with two abbreviations of provinces (鲁苏, 冀鲁豫, 鲁豫多):
        # places listed, not a surname and a given name
        if bonus < 2.0 and w[0] in PROVINCE_ABBR and w[1] in PROVINCE_ABBR:
            continue
        # …and within a clause it is the function word (甲和乙表示)
        if w[0] in FUNCTION_CHARS and i > 0 and is_cjk(norm[i - 1]):
            continue
        # a surname that is also a function word (和, 于, 向) needs a cue; a surname
        # and one character (2 characters in all) is likelier a word by chance; so is
        # a surname before a word (张|全军): a given name that is a word needs a cue
        if w[0] in FUNCTION_CHARS and bonus < 2.0:
            continue
        if split and bonus < 2.0 and (w[1:] in res.common or w[1:] in res.not_names):
            continue
        need = model.threshold + (SHORT_NAME_MARGIN if len(w) - sl == 1 else 0.0)
        need += SPLIT_NAME_MARGIN if split else 0.0
        # a last character that ends words rather than names (杜鹃花, 夏玉米) counts
        # against a name no cue stands by
        if bonus < 2.0 and len(w) - sl == 2 and w[-1] == w[-2]:
            continue  # 金灿灿, 绿油油: a reduplicated adjective
        # with no cue, the last character must end names clearly more often than
        # words (jieba's dictionary tags 宣传栏, 陈列室, 冷藏柜 as names too)
        if bonus < 2.0 and model.end.get(w[-1], 0.0) > _END_MAX:
            continue
        margin = (
            model.score(w, sl)
            + bonus
            - (0.0 if bonus >= 2.0 else _END_WEIGHT * model.end_ratio(w))
            - need
        )
        if margin >= 0:
            accepted.append((i, e, w, bonus))
        elif listed and margin + _LIST_BONUS >= 0:
            pending.append((i, e, w, bonus))
    # an item of a list of names counts a little for a name beside it (甲、乙)
    for _ in range(2):
        ends = {c.end for c in st.candidates if c.type == "Person"}
        ends.update(e for _, e, _, _ in accepted)
        starts_p = {c.start for c in st.candidates if c.type == "Person"}
        starts_p.update(i for i, _, _, _ in accepted)
        still = []
        for item in pending:
            i, e = item[0], item[1]
            if (i > 0 and norm[i - 1] == "、" and i - 1 in ends) or (
                e < n and norm[e] == "、" and e + 1 in starts_p
            ):
                accepted.append(item)
            else:
                still.append(item)
        if len(still) == len(pending):
            break
        pending = still
    for i, e, w, bonus in sorted(accepted):
        if i in taken:
            continue
        if (
            (bonus < 2.0 and model.foreign_ratio(w) >= FOREIGN)  # 敖德萨, 哈马斯
            or res.gaz.lookup(w) is not None
            or w in res.gaz.not_entities
            or res.credit_end.search(norm, max(0, i - 8), i)
        ):
            continue
        if covered is None:
            covered = bytearray(n + 1)
            for c in st.candidates:
                covered[c.start : c.end] = b"\x01" * (c.end - c.start)
        if any(covered[i:e]):
            continue
        covered[i:e] = b"\x01" * (e - i)
        add_person(st, names, i, e)
        taken.add(i)


def cut_names(res: PersonResources, st, cands: Spans) -> tuple[Spans, Spans]:
    """``cands`` split into the rest and the three-character candidates jieba cut before
    their last character (某某|荣), which only LAC's reading in context settles: the two
    and the one are as often a word and a word's head (健康申明|卡 is a card). None after
    a lone surname (林|某某|某: the name starts earlier).

    >>> from kg.nlp.pipeline import get_nlp
    >>> res = get_nlp().get_pipe("kg_persons").resources
    >>> from types import SimpleNamespace
    >>> from kg.nlp.components.base import Bounds
    >>> st = SimpleNamespace(norm="职工何新荣", tok_starts=Bounds.from_offsets([0, 2, 4], 5))
    >>> cut_names(res, st, [(2, 5), (0, 2)])
    ([(0, 2)], [(2, 5)])
    """
    starts = st.tok_starts
    rest: Spans = []
    cut: Spans = []
    for i, j in cands:
        if j - i == 3 and j - 1 in starts and i + 1 not in starts:
            if not (i > 0 and i - 1 in starts and st.norm[i - 1] in res.surnames):
                cut.append((i, j))
        else:
            rest.append((i, j))
    return rest, cut


def name_shape(res: PersonResources, w: str) -> int:
    """The surname length of ``w`` when the word alone may be a name (a surname and
    one or two CJK characters, no dictionary word but jieba's names, no post, address,
    suffix or place head at its end), else 0; remembered per word (laws repeat
    第五条 hundreds of times)."""
    memo = res.shape_memo
    sl = memo.get(w)
    if sl is None:
        sl = res.model.surname_length(w)
        if (
            not sl
            or not 1 <= len(w) - sl <= 2
            or (w not in res.name_words.nr and res.name_words.freq.get(w))
            or (len(w) == 2 and w in res.name_words.nr)  # 文明, 高峰: jieba's noisy nr
            or not all(is_cjk(ch) for ch in w)
            or w[-1] in NOT_NAME_END
            or w[-1] in _WORD_SUFFIXES
            or w[-1] in PLACE_ENDS
            or w in res.posts
            or w[sl:] in res.posts
            or w[sl:] in ADDRESS
            or res.titles_after.search(w, sl)
        ):
            sl = 0
        if len(memo) > 100_000:  # a long-lived process stays bounded
            memo.clear()
        memo[w] = sl
    return sl


def unknown_word_at(res: PersonResources, st, i: int) -> bool:
    """Whether the token starting at ``i`` is a CJK word of two or more characters
    that jieba's dictionary lacks (its HMM made it)."""
    norm, starts = st.norm, st.tok_starts
    if i >= len(norm) or not is_cjk(norm[i]):
        return False
    j = i + 1
    while j < len(norm) and j not in starts:
        j += 1
    return j - i >= 2 and not res.name_words.freq.get(norm[i:j])


def unknown_word_before(res: PersonResources, st, e: int) -> bool:
    norm, starts = st.norm, st.tok_starts
    if e <= 0 or not is_cjk(norm[e - 1]):
        return False
    i = e - 1
    while i > 0 and i not in starts:
        i -= 1
    return e - i >= 2 and not res.name_words.freq.get(norm[i:e])
