"""Names in lists: subjects of a verb of taking part, and lists of members one a line.

甲、乙等参加会见 (two or more names joined by 、 that open a clause before 参加, 出席,
陪同…), and ``[主任：]甲　乙　　某部部长、某局局长`` (a name, two or more full-width
spaces, then its posts).

>>> _LIST_VERBS.search("等参加会见").group(0)
'参加'
"""

from __future__ import annotations

import re

from kg.nlp.components.base import PostMention
from kg.nlp.components.name_model import FOREIGN
from kg.nlp.components.names import is_cjk
from kg.nlp.components.persons.common import ByEnd, Names, add_person, plausible_name
from kg.nlp.components.persons.resources import PersonResources
from kg.nlp.components.persons.words import ORG_HEADS

#: verbs after a list of names that opens a clause (王某、李某等参加会见)
_LIST_VERBS = re.compile("|".join(("参加", "出席", "陪同", "参观", "考察", "调研", "主持")))


def listed_names(res: PersonResources, st, names: Names) -> None:
    """甲、乙等参加会见: two or more names joined by 、 that open a clause and are the
    subject of a verb of taking part (参加, 出席, 陪同…)."""
    norm = st.norm
    ends = set()
    for v in _LIST_VERBS.finditer(norm, 2):
        i = v.start()
        if norm.rfind("、", max(0, i - 10), i) < 0:
            continue  # two names or more: a 、 shortly before
        # 甲、乙等参加 / 甲、乙等人参加 / 甲、乙参加
        for w in ("等人", "等", ""):
            if norm.startswith(w, i - len(w)):
                ends.add(i - len(w))
                break
    for e0 in sorted(ends):
        items = []
        e = e0
        while True:
            s = e - 1
            while s > 0 and is_cjk(norm[s - 1]) and e - s < 4:
                s -= 1
            # the item: a surname and one or two characters, starting after 、 or a
            # clause boundary
            found = None
            for ns in range(s, e - 1):
                if ns > 0 and norm[ns - 1] not in "、，。；：\n“（( \u3000":
                    continue
                sm = res.sur_at.match(norm, ns)
                if (
                    sm
                    and 2 <= e - ns <= 4
                    and plausible_name(res, st, ns, e, len(sm.group(1)), strict=False)
                ):
                    found = ns
                    break
            if found is None:
                break
            items.append((found, e))
            if found > 0 and norm[found - 1] == "、":
                e = found - 1
                continue
            break
        if len(items) >= 2 and (items[-1][0] == 0 or norm[items[-1][0] - 1] != "、"):
            for ns, ne in items:
                add_person(st, names, ns, ne)


def committee_lines(res: PersonResources, st, names: Names, ends: ByEnd) -> None:
    """Lists of members, one a line: ``[主任：]甲　乙　　某部部长、某局局长`` (the name,
    its two characters perhaps set apart by a full-width space, two or more full-width
    spaces, then its posts): the person, and a post for every item that is a body then
    a post."""
    norm, text = st.norm, st.text
    i = norm.find("\u3000\u3000")
    while i >= 0:
        ls = norm.rfind("\n", 0, i) + 1
        j = i
        while j < len(norm) and norm[j] == "\u3000":
            j += 1
        le = norm.find("\n", j)
        le = len(norm) if le < 0 else le
        ns = ls
        c = norm.find("：", ls, i)
        if c >= 0 and c - ls <= 6:
            ns = c + 1
        while ns < i and norm[ns] in " \u3000":
            ns += 1
        name = norm[ns:i]
        bare = "".join(name.split())
        sm = res.sur_at.match(bare)
        if (
            sm
            and 2 <= len(bare) <= 4
            and all(is_cjk(ch) for ch in bare)
            and len(name) - len(bare) <= 1
            and res.gaz.lookup(bare) is None
            and (bare not in res.not_names or len(name) > len(bare))
            and bare not in res.posts
            and j < le
        ):
            person = add_person(st, names, ns, i)
            sent = st.sent_of(j)
            k = j
            for item in norm[j:le].split("、"):
                ie = k + len(item)
                org = None
                for e in range(ie - 1, k, -1):
                    m = ends.get(e)
                    if m is not None and m.start >= k:
                        org = m
                        break
                if org is not None:
                    post = text[org.end : ie]
                    # a head word left over means a longer body than the one known
                    # (中国科学院|大学副校长): no post of the shorter one
                    if res.any_post.search(post) and not any(h in post for h in ORG_HEADS):
                        st.posts.append(PostMention(person, post, org, sent))
                k = ie + 1
        i = norm.find("\u3000\u3000", le)


#: what joins the names of a list or a pairing (甲、乙, 甲和乙, 甲对乙)
_JOINS = frozenset("、和与及对")
#: what may end a listed name: a joiner, punctuation, 等
_LIST_END = _JOINS | frozenset("，。；：,;:）)”’等")
#: how far below the name model's threshold a listed name may score (the list is evidence)
LIST_SLACK = 1.0


#: what a list closed by 等 counts when it is no list of persons (某某、某某等地, 等乡镇,
#: 等器物, 等表演)
_THINGS_AFTER = frozenset("地乡镇村城县市区省国器物项处站表文")


def _list_of_things(norm: str, i: int) -> bool:
    """The list that goes on at ``i`` is closed by 等 and a word for places or things."""
    j = i
    end = min(len(norm), i + 80)
    while j < end and norm[j] not in "。；;\n":
        if norm[j] == "等":
            k = j + 1
            while k < end and (norm[k].isdigit() or norm[k] in "一二三四五六七八九十几多个处"):
                k += 1
            return k < len(norm) and norm[k] in _THINGS_AFTER
        j += 1
    return False


def coordinated_names(res: PersonResources, st, names: Names) -> None:
    """Names listed beside a person found (甲、乙和丙, 甲对乙 in a pairing): an item that
    is a surname and one or two characters, the name model scores near a name, joined to
    the person by 、, 和, 与, 及 or 对, ending at a joiner or punctuation and overlapping no
    other candidate, is a person too; the list is followed both ways, item by item. Not
    transliterations (a list of foreign places may hold a place read as a person) nor
    items of a list closed by 等 and a word for places or things (某某、某某等地).

    >>> from kg.spans import entity_spans
    >>> text = "获奖者有李红梅、张政、万敏等同志。"
    >>> [s["text"] for s in next(entity_spans([text], nominal=False)) if s["type"] == "Person"]
    ['李红梅', '张政', '万敏']
    """
    norm = st.norm
    n = len(norm)
    persons = [(c.start, c.end) for c in st.candidates if c.type == "Person"]
    if not persons:
        return
    others = [(c.start, c.end) for c in st.candidates if c.type != "Person"]
    seen = set(persons)
    todo = list(persons)
    model = res.model
    while todo:
        s, e = todo.pop()
        found = []
        if e < n - 2 and norm[e] in _JOINS:  # the item after: 甲、[乙]
            ns = e + 1
            sm = res.sur_at.match(norm, ns)
            if sm:
                sl = len(sm.group(1))
                for ne in (ns + sl + 2, ns + sl + 1):
                    if ne <= n and (ne == n or norm[ne] in _LIST_END):
                        found.append((ns, ne, sl))
                        break
        if s > 2 and norm[s - 1] in _JOINS:  # the item before: [甲]、乙
            ne = s - 1
            for ns in (ne - 3, ne - 2):
                sm = res.sur_at.match(norm, ns) if ns >= 0 else None
                if sm and (ns == 0 or not is_cjk(norm[ns - 1]) or norm[ns - 1] in _JOINS):
                    found.append((ns, ne, len(sm.group(1))))
                    break
        for ns, ne, sl in found:
            w = norm[ns:ne]
            if (
                (ns, ne) in seen
                or not all(is_cjk(ch) for ch in w)
                or not plausible_name(res, st, ns, ne, sl, strict=False)
                or model.score(w, sl) < model.threshold - LIST_SLACK
                or model.foreign_ratio(w) >= FOREIGN  # a list of foreign places too
                or any(a < ne and ns < b for a, b in others)
                or any(a < ne and ns < b for a, b in seen)
                or _list_of_things(norm, ne)
            ):
                continue
            add_person(st, names, ns, ne)
            seen.add((ns, ne))
            todo.append((ns, ne))
