"""Lists of names that share one head after an implementing verb (实施|科教兴国和可持续
发展战略: two strategies; 实施|A、B和C|工程: three projects): the members, whether each may
name a field, and the mention of a member under its full name.

>>> plain_member("区域协调发展", lambda m: None)
True
"""

from __future__ import annotations

from kg.model import Mention
from kg.nlp.components.base import open_key
from kg.nlp.components.heads.implemented_names import JOINERS, MEMBER_CLASS, governs
from kg.nlp.components.heads.words import RANK_WORDS
from kg.nlp.text import norm_name

#: heads that names in a list may share (实施科教兴国和可持续发展战略): not 行动 (打击A和B
#: 行动 is one action against two things)
SHARED_HEADS = frozenset({"战略", "工程", "计划"})
#: the shortest member of such a list: 修复 of 保护和修复工程, 科学 of 科学和技术发展规划
#: are words of one name
_MEMBER_MIN, _MEMBER_MAX, _MEMBERS_MAX = 4, 10, 5


def plain_member(member: str, head_of) -> bool:
    """Whether a member of a list of names sharing a head may name a field: no class
    word at either end (:data:`MEMBER_CLASS`), no 的, no head of its own (``head_of``:
    区域重大战略和…战略 are two names already).

    >>> plain_member("区域协调发展", lambda m: None), plain_member("重点领域", lambda m: None)
    (True, False)
    """
    return (
        "的" not in member
        and not member.startswith(MEMBER_CLASS)
        and not member.endswith(RANK_WORDS)
        and head_of(member) is None
    )


def shared_head_list(
    left_edge, norm: str, start: int, hs: int, verbs: frozenset[str], plain, known
) -> list[tuple[int, int]] | None:
    """The members of a list of names that share the head at ``hs`` (实施|A、B和C|战略:
    the spans of A, B and C), when an implementing verb (``verbs``) governs the list;
    None otherwise. ``start`` is where the last member starts (after a joiner);
    ``left_edge(pos)`` gives the start and cut of the words that end at ``pos``;
    ``plain(member)`` says whether a member may name a programme's field (no generic
    word, no head of its own). Every member has 4 to 10 characters (保护和修复工程,
    科学和技术发展规划 are one name each). Two members are two names only when
    ``known(a, b)`` (the member with the head is a known name) holds for one of them:
    某县实施河道疏浚及堤防加固工程 is one project, 实施科教兴国和可持续发展战略 two
    strategies; three or more members are a list.

    >>> words = {13: (9, "、"), 8: (4, "实施")}
    >>> text = "某某实施甲乙丙丁、戊己庚辛和子丑寅卯计划"
    >>> yes, no = (lambda *a: True), (lambda *a: False)
    >>> shared_head_list(lambda p: words[p], text, 14, 18, frozenset({"实施"}), yes, no)
    [(4, 8), (9, 13), (14, 18)]
    >>> shared_head_list(lambda p: words[p], text, 16, 18, frozenset({"实施"}), yes, no)
    >>> words[13] = (9, "实施")  # 实施|戊己庚辛和子丑寅卯计划: two members, none known
    >>> shared_head_list(lambda p: words[p], text, 14, 18, frozenset({"实施"}), yes, no)
    """

    def member(a: int, b: int) -> bool:
        return _MEMBER_MIN <= b - a <= _MEMBER_MAX and plain(norm[a:b])

    if start < 1 or norm[start - 1] not in JOINERS or not member(start, hs):
        return None
    members = [(start, hs)]
    pos = start - 1  # the joiner before the member just read
    while len(members) < _MEMBERS_MAX:
        s2, c2 = left_edge(pos)
        if not member(s2, pos):
            return None
        members.append((s2, pos))
        if governs(norm, s2, c2, verbs):
            if len(members) < 3 and not any(known(a, b) for a, b in members):
                return None
            return members[::-1]
        if not (c2 == "、" or (c2 is None and norm[s2 - 1 : s2] == "、")) or s2 < 2:
            return None  # 、 is a word or punctuation, as the tokens fall
        pos = s2 - 1
    return None


def member_known(text: str, a: int, b: int, head: str, gaz) -> bool:
    """Whether the member ``text[a:b]`` with ``head`` is a name the gazetteer knows."""
    return gaz.lookup(norm_name(text[a:b]) + head) is not None


def member_mention(text: str, a: int, b: int, head: str, gaz) -> Mention | None:
    """The programme a member ``text[a:b]`` of a list names with the list's ``head``
    (科教兴国 of 实施科教兴国和可持续发展战略 → 科教兴国战略): the member's span under
    the full name, the gazetteer's entry when it knows that name; None when the full
    name is one the gazetteer says is no entity (as :meth:`Mentions.add` checks)."""
    label = norm_name(text[a:b]) + head
    if label in gaz.not_entities:
        return None
    e = gaz.lookup(label)
    if e is not None:
        return Mention(a, b, text[a:b], e.type, e.id, e.name, "gazetteer")
    return Mention(a, b, text[a:b], "Program", open_key("Program", label), label, "pattern")
