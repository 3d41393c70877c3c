"""Political parties named by their country, for ``kg_patterns``: a country's name and a
word that ends in 党 right after it (某国|劳动党, 某国|人民党, 某国|选择|党) name one party, an
Organization (GUIDELINES.md: any organisation that is no state organ); jieba writes many
as one word (某国劳动党). The mention covers
the country too (某国劳动党), as the party's name is written; the country keeps its own.

What is no party's name: a party's role or a count (某国|执政党, 反对党, 在野党, 两党,
主要政党, 最大党), a word that runs on (某国|党委, 党员), a verb (治党, 建党) or a function
word inside (某国人民|在|党…). China's own parties are in the gazetteer (organizations.jsonl).

>>> ROLE.search("主要政党") is not None, ROLE.search("劳动党") is None
(True, True)
"""

from __future__ import annotations

import re

# the last characters of a party's role or a count of parties, not a name (a closed class)
ROLE = re.compile(r"(?:执政|反对|在野|参政|政|两|三|多|大|小|全|各|本|该|我|友)党\Z")
# one-character words that never stand inside a party's name
FUNCTION = frozenset("的在上和与及是为对把被将从向于了也都")
# at most this many characters from the country to 党, 党 included
REACH = 5


def party_spans(st, norm: str, view, verbs: frozenset[str]) -> list[tuple[int, int]]:
    """Spans (country start, end of 党) of the parties named right after a Country
    candidate of ``st`` (a kg doc state); ``view`` gives the token boundaries and ``verbs``
    jieba's verbs."""
    out = []
    starts, ends = view.starts, view.ends
    n = len(norm)
    for c in st.candidates:
        if c.type != "Country" or c.label == "中国":
            continue
        e = c.end
        if e >= n:
            continue
        if starts[e]:
            p = norm.find("党", e + 1, min(n, e + REACH))
        else:  # jieba holds the whole name as one word (某国劳动党): it must end in 党
            t = ends.find(1, e + 1, min(n, e + REACH) + 1)
            p = t - 1 if t > 0 and starts[c.start] and norm[t - 1] == "党" else -1
        if p < 0 or not ends[p + 1]:
            continue  # no 党, or 党委, 党员: the word runs on
        name = norm[e : p + 1]
        if not re.fullmatch(r"[\u4e00-\u9fff]+", name) or ROLE.search(name):
            continue
        words, a = [], e if starts[e] else c.start
        while a <= p:
            b = starts.find(1, a + 1, p + 1)
            b = p + 1 if b < 0 else b
            words.append(norm[a:b])
            a = b
        if any(len(w) == 1 and w in FUNCTION for w in words) or words[-1] in verbs:
            continue  # 某国人民|在|党…; 某国|治党
        out.append((c.start, p + 1))
    return out
