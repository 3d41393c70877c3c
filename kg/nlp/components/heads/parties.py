"""Political parties named by their country, for ``kg_patterns``: a country's name and a
word that ends in 党 right after it (某国|劳动党, 某国|人民党, 某国|选择|党) name one party, an
Organization (GUIDELINES.md: any organisation that is no state organ); jieba writes many
as one word (某国劳动党). The mention covers
the country too (某国劳动党), as the party's name is written; the country keeps its own.

What is no party's name: a party's role or a count (某国|执政党, 反对党, 在野党, 两党,
主要政党, 最大党), a word that runs on (某国|党委, 党员), a verb (治党, 建党) or a function
word inside (某国人民|在|党…). China's own parties are in the gazetteer (organizations.jsonl).

A country's one-character short form as a word of its own before a party's word (俄|某某党;
乙|某某党 in a text that names 乙国: ``CountryAbbreviations.word_chars``) names the party
too, under the key of the country's full name (:func:`abbreviated_parties`); and a party's
word alone (某某党 after a comma) in a text that names that party with its country is the
same party (:func:`bare_parties`).

A party's role before its name (某国最大在野党|某某党, 执政党——某某党: an apposition)
names the party by the word after it, and the text's other uses of that word are the same
party (:func:`role_parties`).

>>> ROLE.search("主要政党") is not None, ROLE.search("劳动党") is None
(True, True)
>>> party_word("多数党"), party_word("入党"), party_word("保守党"), party_word("自民党")
(False, False, True, True)
"""

from __future__ import annotations

import re

from kg.model import CHINA_KEY, Mention
from kg.nlp.abbreviations import after_a_day
from kg.nlp.components.base import open_key
from kg.nlp.text import jieba_tags

# the last characters of a party's role or a count of parties, not a name (a closed class)
ROLE = re.compile(r"(?:执政|反对|在野|参政|政|两|三|多|大|小|全|各|本|该|我|友)党\Z")
# one-character words that never stand inside a party's name
FUNCTION = frozenset("的在上和与及是为对把被将从向于了也都")
# at most this many characters from the country to 党, 党 included
REACH = 5
# a party's word in jieba's dictionary (某某党 as one word) that names no party: a share of
# seats, an underground organisation, a phrase with a verb (入党, 治党, 献给党)
NO_PARTY = re.compile(
    r"(?:数|地下|余|残|死|同|朋|私|会|乡|父|母|K|给|出|入|治|建|管|兴|强|退|护|"
    r"忧|爱|言|跨|叛|反|敌|贼|奸|逆|匪|组|整|结|脱|亡|共|红|好|心向)党\Z"
)  # fmt: skip
# jieba's tags of a party's word (某某党 tagged as an organisation, a noun or a proper noun)
PARTY_TAGS = frozenset({"nt", "n", "nz", "j"})
# what may stand right before a party's word named alone: the start, punctuation, a
# function word, a verb or a number (，某某党|武装, 打死数十名|某某党|人员), not a name, a
# noun or an adverb that would make it part of a longer name (共同|某某党, 参议院|某某党)
ALONE_BEFORE_TAGS = frozenset("pcurvmq")


def party_word(w: str) -> bool:
    """A word of jieba's that names a party by itself: two or more characters ending in
    党, tagged as an organisation or a noun, no role (执政党) and no phrase (入党)."""
    return (
        len(w) >= 2
        and w[-1] == "党"
        and re.fullmatch(r"[\u4e00-\u9fff]+", w) is not None
        and not ROLE.search(w)
        and not NO_PARTY.search(w)
        and (len(w) >= 3 or jieba_tags().get(w) == "nt")  # 工党 (nt), not 全党
        and jieba_tags().get(w, "")[:2] in PARTY_TAGS
    )


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


def abbreviated_parties(st, norm: str, view, abbr, gaz) -> list[Mention]:
    """Parties named after their country's one-character short form (俄|某某党, 黎|某某党):
    the character (``abbr.word_chars``) is a word of its own, no digit before it (1日|…),
    and a party's word (:func:`party_word`) follows; the key is the country's full name +
    the party's word, the one a text that writes the country in full gives the party
    (某国某某党). Read from each 党 that ends a word (a few places of a text)."""
    starts, ends = view.starts, view.ends
    text = st.text
    chars: dict[str, str] | None = None
    opened: set[int] = set()
    out = []
    j = norm.find("党")
    while j >= 0:
        e, j = j + 1, norm.find("党", j + 1)
        if not ends[e]:
            continue
        s = starts.rfind(1, max(0, e - 11), e)  # the party's word ends at e
        i = s - 1
        if i < 0 or not starts[i] or not party_word(norm[s:e]):
            continue
        if chars is None:  # the document's characters, once a party's word is seen
            chars = abbr.word_chars(st)
            opened = {c.start for c in st.candidates if c.type in ("Country", "Organization")}
        ch = norm[i]
        if ch not in chars or chars[ch] == CHINA_KEY or s in opened:
            continue  # 公司中|中某党: a word, then a name that holds its country
        if after_a_day(norm, i):
            continue  # 1日|…: a date's day, no country
        full = gaz.entries[chars[ch]].name + norm[s:e]
        out.append(Mention(i, e, text[i:e], "Organization", open_key("Organization", full),
                           full, "party"))  # fmt: skip
    return out


def bare_parties(st, norm: str, view, parties: list[Mention]) -> list[Mention]:
    """A party's word alone (:func:`party_word`; the start, punctuation, a function word,
    a verb or a number before it) where the text names that party with its country
    (``parties``: the party mentions found so far): the same party. A word that two named
    parties share (two countries' 某某党) names neither."""
    tags = jieba_tags()
    owner: dict[str, set[tuple[str, str]]] = {}
    for m in parties:
        w = m.label
        for k in range(1, len(w) - 1):  # the country's name is the part before the word
            if party_word(w[k:]) and w[k:] in norm:
                owner.setdefault(w[k:], set()).add((m.key, m.label))
                break
    if not owner:
        return []
    starts, ends = view.starts, view.ends
    taken = {(m.start, m.end) for m in st.candidates}
    spans = [(m.start, m.end) for m in st.candidates]
    out = []
    for w, keys in owner.items():
        if len(keys) != 1:
            continue
        key, label = next(iter(keys))
        for mt in re.finditer(w, norm):
            a, b = mt.span()
            if not (starts[a] and ends[b]) or (a, b) in taken:
                continue
            if any(s <= a and b <= e and (s, e) != (a, b) for s, e in spans):
                continue  # inside a longer mention (某国某某党)
            if a:
                p = starts.rfind(1, 0, a)
                prev = norm[p:a]
                if tags.get(prev, "")[:1] not in ALONE_BEFORE_TAGS and not (
                    len(prev) == 1 and not prev.isalnum()
                ):
                    continue  # 共同|某某党: part of a longer name
            out.append(Mention(a, b, st.text[a:b], "Organization", key, label, "party"))
    return out


# a party's role right before its name, as an apposition (执政党|某某党, 最大在野党——某某党)
ROLE_BEFORE = re.compile(r"(?P<role>执政党|在野党|反对党|第一大党)(?:——|—)?")


def country_before(st, p: int) -> str | None:
    """The name of the Country candidate of ``st`` that ends at most four characters before
    ``p`` (某国|最大|在野党, 某国|另一|反对党), or None."""
    for c in st.candidates:
        if c.type == "Country" and p - 4 <= c.end <= p and c.label != "中国":
            return c.label
    return None


def role_parties(st, norm: str, view, parties: list[Mention]) -> list[Mention]:
    """Parties named after their role (某国执政党|某某党, 最大在野党——某某党): the word
    after the role ends in 党 at a word's end (two to eight characters, no role, no
    function word), and the text's other uses of it as a whole word; keyed like a party
    the text names with its country (``parties``) when one ends in the word, else by the
    country before the role (两国的保守党 are two parties)."""
    starts, ends = view.starts, view.ends
    text, n = st.text, len(norm)
    names: dict[str, tuple[str, str]] = {}
    for m in ROLE_BEFORE.finditer(norm):
        a = m.end()
        if not ends[m.end("role")] or a >= n or not starts[a]:
            continue
        p = norm.find("党", a + 1, min(n, a + 8))
        if p < 0 or not ends[p + 1]:
            continue  # no 党, or 党员, 党内: the word runs on
        w = norm[a : p + 1]
        if (
            not re.fullmatch(r"[\u4e00-\u9fff]+", w)
            or ROLE.search(w)
            or NO_PARTY.search(w)
            or any(ch in FUNCTION for ch in w)
        ):
            continue
        own = {(x.key, x.label) for x in parties if x.label.endswith(w)}
        if len(own) != 1 and (c := country_before(st, m.start())) is not None:
            own = {(open_key("Organization", c + w), c + w)}  # 某国执政党|某某党
        names.setdefault(w, own.pop() if len(own) == 1 else (open_key("Organization", w), w))
    out = []
    taken = [(x.start, x.end) for x in st.candidates]
    for w, (key, label) in names.items():
        for mt in re.finditer(w, norm):
            a, b = mt.span()
            if starts[a] and ends[b] and not any(s <= a and b <= e for s, e in taken):
                out.append(Mention(a, b, text[a:b], "Organization", key, label, "party"))
    return out
