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
