"""A bill named without book-title marks, for ``kg_patterns``: 某某法草案 / 某某法修订草案 /
某某法修正草案 / 某某法（草案） under review names the law 某某法 (GUIDELINES.md: a draft is
the instrument it will become, one entity with the law it amends). Legislatures' agendas list
them bare (审议某某法修订草案、某某法草案), so the name runs left from 法 over the words
before it up to what opens it: punctuation, a verb or preposition of the agenda (审议, 关于,
就, 对…), a conjunction after another bill or document (某某报告和|某某法草案); a word
boundary of jieba's is the only place a name may start. A name that runs back to the
punctuation with no such word is cut after a function word (adverb, pronoun, preposition…)
or a verb that takes the words after it as its object (委员们认为|湿地管理法: a law's name
puts its object first, 湿地管理法, 就业促进法). The law is the gazetteer's where it knows
the name (with or without 中华人民共和国, or as the one PRC law whose title ends so: 监督法),
a longer name it knows wins over the cut, a new law otherwise (a bill not yet adopted is
in no list).

>>> [m.group() for m in DRAFT.finditer("甲乙法修订草案、丙丁法（草案）")]
['甲乙法修订草案', '丙丁法（草案）']
>>> words = ["会议", "审议", "甲乙", "法"]  # jieba's words: the name opens after 审议
>>> text = "".join(words)
>>> mask = bytes(int(i in {0, 2, 4, 6, 7}) for i in range(len(text) + 1))
>>> text[bill_start(text, mask, 0, len(text)):]
'甲乙法'
>>> clause = "".join(["委员", "认为", "甲乙", "法"])  # no agenda word: cut after the verb
>>> clause[bill_start(clause, mask, 0, len(clause), verbs={"认为"}):]
'甲乙法'
"""

from __future__ import annotations

import re
from collections.abc import Collection

from kg.model import PRC_NAME, Mention
from kg.nlp.components.base import open_key
from kg.nlp.text import norm_name

#: a draft's word after the law's name
_DRAFT_TAIL = r"(?:[（(](?:修订|修正)?草案[）)]|(?:修订|修正)?草案)"
#: 法 and the draft's word after it (a lazy run of name characters before 法)
DRAFT = re.compile(r"(?P<law>[\u4e00-\u9fff]{1,30}?法)" + _DRAFT_TAIL)
#: a bill's whole title (《某某法（草案）》): the law's name and the draft's word
BILL_TITLE = re.compile(r"(?P<law>[^《》]{2,60}?法)" + _DRAFT_TAIL)
#: the agenda's words that open a bill's name: verbs, prepositions, particles, a meeting
#: (not 继续: 继续教育法 is a name; 继续审议 stops at 审议)
OPENERS = frozenset(
    "关于 审议 提请 初次 再次 分组 表决 通过 听取 修改 修订 制定 起草 研究 讨论 提出 提交 "
    "征求 公布 建议 决定 就 对 将 把 向 在 为 是 了 的 等 及其 会议 会上 其中 包括 "
    "新 该 本 此 这部 这项".split()  # 新|宪法草案: the constitution, not a 新宪法
)
#: the heads of the other documents an agenda lists (某某报告和某某法修正草案): a word that
#: ends in one before a conjunction closes the name (城乡规划与建设法 is one name)
AGENDA_HEADS = ("草案", "报告", "决议", "议案", "决定", "预算")
#: words ending in 法 that name no law: a 办法草案 is a body's measure, not a bill; 立法,
#: 执法… name an activity (有关立法草案, 这份执法草案)
NOT_LAWS = (
    "办法", "方法", "做法", "看法", "想法", "说法",
    "立法", "执法", "司法", "普法", "守法", "违法", "依法",
)  # fmt: skip
#: what joins two bills of a list (某甲法草案和某乙法草案): no part of the second name
CONJUNCTIONS = frozenset(("和", "与", "及", "以及"))
#: the stretch of name characters that ends a text
_HAN_END = re.compile(r"[\u4e00-\u9fff]+\Z")
MIN_LEN, MAX_LEN = 3, 20


def bill_start(
    norm: str, starts, a: int, end: int,
    cut: Collection[str] = (), verbs: Collection[str] = (),
) -> int | None:  # fmt: skip
    """Where the bill's name that ends at ``end`` (its 法) opens: the first word boundary
    after the nearest opener, punctuation or other document (草案, 报告…) left of it,
    within ``a``…``end`` (the stretch of Chinese characters before 法); a conjunction
    right after such a stop is dropped. A name that runs back to ``a`` stops after a
    word of ``cut`` or a word of ``verbs`` before a word that is no verb (其|湿地管理法,
    认为|湿地管理法; not 就业|促进法). ``starts``: the word starts, a byte mask over the text."""
    words = []  # the words of the stretch, right to left
    j = end
    for i in range(end - 1, a - 1, -1):
        if starts[i]:
            words.append((i, j))
            j = i
    if j != a:
        return None  # the stretch opens inside a word (no boundary of jieba's there)
    s = end
    stopped = False
    for k, (i, j) in enumerate(words):
        w = norm[i:j]
        if w in OPENERS or w.endswith("草案"):
            stopped = True
            break
        if w in CONJUNCTIONS and k + 1 < len(words):
            i2, j2 = words[k + 1]
            if norm[i2:j2].endswith(AGENDA_HEADS):
                stopped = True
                break  # 某某报告和|某某法: the conjunction joins another document
        s = i
    if not stopped:
        s = clause_cut(norm, words, s, cut, verbs)
    rest = [(i, j) for i, j in words if i >= s]
    # a conjunction that opens the name joins it to the bill before it
    while rest and norm[rest[-1][0] : rest[-1][1]] in CONJUNCTIONS:
        rest.pop()
        s = rest[-1][0] if rest else end
    return s if s < end else None


def clause_cut(norm: str, words: list, s: int, cut, verbs) -> int:
    """Where a name that ran back to the punctuation opens once the clause before it is cut
    off: after the nearest function word or verb with an object (``words``: right to
    left, the first the word with 法)."""
    for k in range(1, len(words)):
        i, j = words[k]
        if i < s:
            break
        w = norm[i:j]
        if w in cut or (k >= 2 and w in verbs and norm[slice(*words[k - 1])] not in verbs):
            return j
    return s


#: per gazetteer (by id, with the gazetteer kept alive): a PRC law's title ending → its key
#: (None when several titles end so)
_ENDINGS: dict[int, tuple[object, dict[str, str | None]]] = {}


def prc_endings(gaz) -> dict[str, str | None]:
    """The endings (3 characters or more, after 中华人民共和国) of the PRC's laws' titles,
    each with the law's key when one title ends so (监督法 → 各级人民代表大会常务委员会监督法)."""
    got = _ENDINGS.get(id(gaz))
    if got is not None and got[0] is gaz:
        return got[1]
    out: dict[str, str | None] = {}
    for e in gaz.entries.values():
        if e.type == "Law" and e.name.startswith(PRC_NAME) and e.name.endswith("法"):
            rest = e.name[len(PRC_NAME) :]
            for i in range(1, len(rest) - MIN_LEN + 1):
                out[rest[i:]] = e.id if out.get(rest[i:], e.id) == e.id else None
    _ENDINGS[id(gaz)] = (gaz, out)
    return out


def law_entry(gaz, name: str):
    """The gazetteer's entry a law's name denotes: as written, after 中华人民共和国, or the
    one PRC law whose title ends so; None when unknown."""
    e = gaz.lookup(name)
    if e is None and not name.startswith(PRC_NAME):
        e = gaz.lookup(PRC_NAME + name)
        if e is None and (key := prc_endings(gaz).get(norm_name(name))):
            e = gaz.entries.get(key)
    return e


def bill_law(gaz, title: str) -> tuple[str, str] | None:
    """The key and name of the law a bill's title names (《某某法（草案）》 → 某某法), or None
    when the title names no bill of a law.

    >>> class Gaz:  # knows no law
    ...     lookup = staticmethod(lambda name: None)
    ...     entries = {}
    >>> bill_law(Gaz(), "湿地管理法（草案）"), bill_law(Gaz(), "某某条例（草案）")
    (('law/湿地管理法', '湿地管理法'), None)
    """
    m = BILL_TITLE.fullmatch(title)
    if m is None:
        return None
    name = m.group("law")
    e = law_entry(gaz, name)
    if e is not None:
        return (e.id, e.name) if e.type == "Law" else None
    return open_key("Law", name), norm_name(name)


def draft_laws(st, norm: str, gaz, starts, cut=(), verbs=()) -> None:
    """Add the law each bill under review names (某某法|修订草案 → 某某法); ``cut`` and
    ``verbs``: jieba's function words and verbs (:func:`bill_start`)."""
    if "草案" not in norm:
        return
    text = st.text
    for m in DRAFT.finditer(norm):
        end = m.end("law")
        # the stretch of name characters before 法, no longer than a name and the word
        # that opens it need (a long run of characters is walked once per bill, not whole)
        lo = max(0, end - MAX_LEN - 2)
        a = _HAN_END.search(norm, lo, end).start()
        if a == lo:  # back to the start of the word the bound cuts
            while a > 0 and not starts[a] and "\u4e00" <= norm[a - 1] <= "\u9fff":
                a -= 1
        s = bill_start(norm, starts, a, end, cut, verbs)
        if s is None:
            continue
        e = law_entry(gaz, norm[s:end])
        if e is None:  # a longer name the gazetteer knows wins over the cut
            for i in range(max(a, end - MAX_LEN), s):
                if starts[i] and (x := law_entry(gaz, norm[i:end])) is not None:
                    e, s = x, i
                    break
        name = norm[s:end]
        if not MIN_LEN <= end - s <= MAX_LEN or name.endswith(NOT_LAWS):
            continue
        if e is not None and e.type != "Law":
            continue
        key, label = (e.id, e.name) if e is not None else (open_key("Law", name), name)
        st.candidates.append(Mention(s, end, text[s:end], "Law", key, label, "pattern"))
