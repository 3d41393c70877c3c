"""A bill named without book-title marks, for ``kg_patterns``: 某某法草案 / 某某法修订草案 /
某某法修正草案 / 某某法（草案） under review names the law 某某法 (GUIDELINES.md: a draft is
the instrument it will become, one entity with the law it amends). Legislatures' agendas list
them bare (审议某某法修订草案、某某法草案), so the name runs left from 法 over the words
before it up to what opens it: punctuation, a verb or preposition of the agenda (审议, 关于,
就, 对…), a conjunction after another bill or document (某某报告和|某某法草案); a word
boundary of jieba's is the only place a name may start. The law is the gazetteer's where
it knows the name (with or without 中华人民共和国), a new one otherwise (a bill not yet
adopted is in no list).

>>> [m.group() for m in DRAFT.finditer("甲乙法修订草案、丙丁法（草案）")]
['甲乙法修订草案', '丙丁法（草案）']
>>> words = ["会议", "审议", "甲乙", "法"]  # jieba's words: the name opens after 审议
>>> text = "".join(words)
>>> mask = bytes(int(i in {0, 2, 4, 6, 7}) for i in range(len(text) + 1))
>>> text[bill_start(text, mask, 0, len(text)):]
'甲乙法'
"""

from __future__ import annotations

import re

from kg.model import Mention
from kg.nlp.components.base import open_key

#: 法 and the draft's word after it (a lazy run of name characters before 法)
DRAFT = re.compile(
    r"(?P<law>[\u4e00-\u9fff]{1,30}?法)(?:（(?:修订|修正)?草案）|(?:修订|修正)?草案)"
)
#: the agenda's words that open a bill's name: verbs, prepositions, particles, a meeting
OPENERS = frozenset(
    "关于 审议 提请 初次 再次 继续 分组 表决 通过 听取 修改 修订 制定 起草 研究 讨论 提出 提交 "
    "征求 公布 建议 决定 就 对 将 把 向 在 为 是 了 的 等 及其 会议 会上 其中 包括 "
    "新 该 本 此 这部 这项".split()  # 新|宪法草案: the constitution, not a 新宪法
)
#: the heads of the other documents an agenda lists (某某报告和某某法修正草案): a word that
#: ends in one before a conjunction closes the name (城乡规划与建设法 is one name)
DOCUMENT_HEADS = ("草案", "报告", "决议", "议案", "决定", "预算")
#: words ending in 法 that name no law (a 办法草案 is a body's measure, not a bill)
NOT_LAWS = ("办法", "方法", "做法", "看法", "想法", "说法")
#: what joins two bills of a list (某甲法草案和某乙法草案): no part of the second name
CONJUNCTIONS = frozenset(("和", "与", "及", "以及", "、"))
_HAN = re.compile(r"[\u4e00-\u9fff]+")
_PRC = "中华人民共和国"
MIN_LEN, MAX_LEN = 3, 20


def bill_start(norm: str, starts, a: int, end: int) -> int | None:
    """Where the bill's name that ends at ``end`` (its 法) opens: the first word boundary
    after the nearest opener, punctuation or other document (草案, 报告…) left of it,
    within ``a``…``end`` (the stretch of Chinese characters before 法); a conjunction
    right after such a stop is dropped. ``starts``: the word starts, a byte mask over the text."""
    words = []  # the words of the stretch, right to left
    j = end
    for i in range(end - 1, a - 1, -1):
        if starts[i]:
            words.append((i, j))
            j = i
    if j != a:
        return None  # the stretch opens inside a word (no boundary of jieba's there)
    s = end
    for k, (i, j) in enumerate(words):
        w = norm[i:j]
        if w in OPENERS or w.endswith("草案"):
            break
        if w in CONJUNCTIONS and k + 1 < len(words):
            i2, j2 = words[k + 1]
            if norm[i2:j2].endswith(DOCUMENT_HEADS):
                break  # 某某报告和|某某法: the conjunction joins another document
        s = i
        if k + 1 == len(words):
            break
    rest = [(i, j) for i, j in words if i >= s]
    # a conjunction that opens the name joins it to the bill before it
    while rest and norm[rest[-1][0] : rest[-1][1]] in CONJUNCTIONS:
        rest.pop()
        s = rest[-1][0] if rest else end
    return s if s < end else None


def draft_laws(st, norm: str, gaz, starts) -> None:
    """Add the law each bill under review names (某某法|修订草案 → 某某法)."""
    if "草案" not in norm:
        return
    text = st.text
    for m in DRAFT.finditer(norm):
        end = m.end("law")
        run = _HAN.match(norm, m.start("law"))
        a = run.start() if run else m.start("law")
        # the stretch of name characters may begin further left than the lazy match
        while a > 0 and _HAN.match(norm[a - 1]):
            a -= 1
        s = bill_start(norm, starts, a, end)
        if s is None or not MIN_LEN <= end - s <= MAX_LEN:
            continue
        name = norm[s:end]
        if name.endswith(NOT_LAWS):
            continue
        e = gaz.lookup(name) or (None if name.startswith(_PRC) else gaz.lookup(_PRC + name))
        if e is not None and e.type != "Law":
            continue
        key, label = (e.id, e.name) if e is not None else (open_key("Law", name), name)
        st.candidates.append(Mention(s, end, text[s:end], "Law", key, label, "pattern"))
