"""One-character abbreviations of countries where the text makes them names.

Chinese writes a country short in fixed shapes, and there it names the country:

* **pairs and runs**: 中美关系, 中日韩, 美俄之间, 印巴两国 — two or three abbreviations
  that make one word, or that are followed by a word of the relation between the countries
  (``ontology/lexicon/country_abbr_contexts.tsv``: 两国, 双方, 关系, 之间, 冲突, 谈判…;
  two of them as one word too: 两国关系);
* **after a verb or preposition of going, being or aiming somewhere**: 访华, 来华, 驻华,
  赴美, 对俄, 在华 (the character ends the word);
* **before a word of the state's government or leaders**: 俄政府, 叙总统, 英首相 (the
  character opens a word; not China's 中).

The characters are those of ``country_abbr.tsv`` (美 俄 英 法 德 日…; the ones marked
``military`` are common words too and count only in a pair with another country: 中越两国,
not 越加), China's 中 (in a pair only) and 华 (after a verb only), and, within one
document, the first character of a country it names in full when no other country it names
starts with that character (巴 in a text that names 巴基斯坦 and no other 巴…). A pair
without China needs one of its countries named in full in the document or a relation word
after it (美德 alone is a virtue, not two countries). 东西南北 and a few other characters
are never countries.

>>> from kg.spans import entity_spans
>>> spans = next(entity_spans(["两国元首同意推动中美关系发展，欢迎总统访华。"]))
>>> [(s["text"], s["iri"].rsplit("/", 1)[-1]) for s in spans if s["type"] == "Country"]
[('中', 'CHN'), ('美', 'USA'), ('华', 'CHN')]
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path

from kg.model import CHINA_KEY, Mention
from kg.nlp.gazetteer import Gazetteer, read_lines
from kg.nlp.wordscan import PairScan

# first characters that are directions, numbers or pronouns, never a country's short form
_NEVER = frozenset("东西南北多双各对一我己他外官地军警大小新老上下不")


# numerals before a date's 日 or 月
_NUMERALS = frozenset("〇零一二三四五六七八九十")


def after_a_day(norm: str, i: int) -> bool:
    """Whether ``norm[i]`` follows a digit or a Chinese numeral (7日|中美, 十日|俄): a date's
    day, which opens no country's short form.

    >>> after_a_day("7中美", 1), after_a_day("会中美", 1), after_a_day("中美", 0)
    (True, False, False)
    """
    return i > 0 and (norm[i - 1].isdigit() or norm[i - 1] in _NUMERALS)

# currency characters after an abbreviation (日元, 英镑, 港币): the currency
_CURRENCY = frozenset("元镑币")


def _tsv(path: Path) -> list[list[str]]:
    return [[p.strip() for p in line.split("\t")] for line in read_lines(path)]


class CountryAbbreviations:
    """Finds the country abbreviations of a document (see the module doc)."""

    def __init__(self, gazetteer: Gazetteer, directory: Path) -> None:
        """Read ``lexicon/country_abbr.tsv`` (character → country; ``military`` marks the
        characters that are common words too) and the contexts of
        ``country_abbr_contexts.tsv``, keeping only countries ``gazetteer`` knows."""
        self.gaz = gazetteer
        lex = directory / "lexicon"
        #: character → country key; ``weak``: characters that are common words too
        self.table: dict[str, str] = {}
        self.weak: set[str] = set()
        for p in _tsv(lex / "country_abbr.tsv"):
            if len(p) > 1 and len(p[0]) == 1 and p[1] in gazetteer.entries:
                self.table[p[0]] = p[1]
                if len(p) > 2 and p[2] == "military":
                    self.weak.add(p[0])
        self.pair_only: set[str] = set()  # 中: China in a pair
        self.verb_only: set[str] = set()  # 华: China after a verb
        before = ""
        relation: list[str] = []
        organ: list[str] = []
        for p in _tsv(lex / "country_abbr_contexts.tsv"):
            if len(p) < 2:
                continue
            if p[0] == "before":
                before = p[1]
            elif p[0] == "relation":
                relation = p[1].split()
            elif p[0] == "organ":
                organ = p[1].split()
            elif p[0] == "pair" and p[1] in gazetteer.entries:
                self.table[p[2]] = p[1]
                self.pair_only.add(p[2])
            elif p[0] == "verb" and p[1] in gazetteer.entries:
                self.table[p[2]] = p[1]
                self.verb_only.add(p[2])
        self.before = frozenset(before)
        self.relation = tuple(sorted(relation, key=len, reverse=True))
        #: words of a state's government or leaders (政府, 总统), longest first
        self.organ = tuple(sorted(organ, key=len, reverse=True))
        # the first character of every country's names: the characters a document may
        # make abbreviations of (most text characters are none)
        firsts = {
            (a or e.name)[0]
            for e in gazetteer.entries.values()
            if e.type == "Country" and not e.successor
            for a in (e.name, *e.aliases)
            if a
        }
        # two expressions each: over the fixed characters (most texts name no country
        # whose first character is not one), and over every country's first character
        self._exprs = [self._compile(set(self.table) - _NEVER, before)]
        self._exprs.append(self._compile((firsts | set(self.table)) - _NEVER, before))

    def _compile(self, chars: set[str], before: str) -> tuple[PairScan, PairScan | None]:
        """The expressions of pairs (华 is in none) and of a character after a verb (中
        and the common words 以, 加 never are): fewer matches to look at (在中华…)."""

        def cls(cs: set[str]) -> str:
            return "[" + re.escape("".join(sorted(cs))) + "]"

        in_runs = chars - self.verb_only
        after = chars - self.pair_only - self.weak
        verb = re.compile("[" + re.escape(before) + "](" + cls(after) + ")") if before else None
        # (tried only where two such characters stand: a few places of a text)
        return (
            PairScan(re.compile(f"{cls(in_runs)}{{2,3}}"), in_runs, in_runs),
            PairScan(verb, before, after) if verb else None,
        )

    def fixed(self) -> dict[str, str]:
        """The characters that abbreviate one country in any text (美 → USA), China's
        中 and 华 and the common words among them (以, 加) left out."""
        return {
            ch: k
            for ch, k in self.table.items()
            if ch not in self.weak and ch not in self.pair_only and ch not in self.verb_only
        }

    def word_chars(self, st) -> dict[str, str]:
        """The characters that abbreviate one country in ``st`` as a word of their own
        before a name (俄|某某党, 乙|某某党 in a text that names 乙国): the fixed ones and
        the first characters of the countries the document names in full."""
        return {**self.fixed(), **self._document_chars(st)}

    def _document_chars(self, st) -> dict[str, str]:
        """The first character of each country named in full in the document, when no
        other country named there starts with it: that character → the country."""
        seen: dict[str, set[str]] = {}
        for c in st.candidates:
            if c.type == "Country" and len(c.text) > 1:
                seen.setdefault(c.label[:1], set()).add(c.key)
        return {ch: next(iter(k)) for ch, k in seen.items() if len(k) == 1 and ch not in _NEVER}

    def _key(self, ch: str, named: dict[str, str], pair: bool) -> str | None:
        """The country ``ch`` abbreviates here: in a pair (``pair``) or after a verb."""
        if ch in named and ch not in self.table:
            return named[ch]
        k = self.table.get(ch)
        if k is None or ch in self.verb_only or (ch in self.pair_only and not pair):
            return None
        if ch in named and named[ch] != k:
            return named[ch]  # 巴 of 巴西 in a text about Brazil
        return k

    def _pair(self, st, s: int, e: int, named: dict[str, str]) -> list[str] | None:
        """The countries of the run ``norm[s:e]`` when it is a pair (or three) of them."""
        norm = st.norm
        run = norm[s:e]
        if len(set(run)) < len(run):
            return None
        keys = [self._key(ch, named, True) for ch in run]
        if None in keys:
            return None  # 中华: 华 is China only after a verb
        # a relation word after it, ending a word (中美|关系, or the one word 中美关系),
        # or two of them as one word (某某|两国关系)
        related = any(
            norm.startswith(r, e)
            and (
                e + len(r) in st.tok_ends
                or any(
                    norm.startswith(r2, e + len(r)) and e + len(r) + len(r2) in st.tok_ends
                    for r2 in self.relation
                )
            )
            for r in self.relation
        )
        if e not in st.tok_ends and not related:
            return None
        # jieba may cut a pair into one-character words (中|法|某某): with China in it and
        # no common word among them (比赛|中|以) the characters still make the pair
        alone = CHINA_KEY in keys and all(
            j in st.tok_starts and j + 1 in st.tok_ends for j in range(s, e)
        )
        if not related and (
            any(ch in self.weak for ch in run)
            or (not alone and any(j in st.tok_starts for j in range(s + 1, e)))
            or (
                CHINA_KEY not in keys
                and not (any(ch in self.table for ch in run) and any(ch in named for ch in run))
            )
        ):
            # 中越加强, 比赛|中|以, 美德 (neither country named), 尼斯 (two characters of
            # named countries only): no sign of two countries
            return None
        return keys  # type: ignore[return-value]

    def _after_verb(self, st, i: int) -> bool:
        """The character at ``i`` (after a verb of ``before``) ends the verb's word or
        is a word of its own (访华, 在|华), or the verb and it open a word whose rest is a
        word (来华|访问, 驻华|使节); not 在|华盛顿."""
        if st.norm[i + 1 : i + 2] in _CURRENCY:
            return False  # 对|日元: a currency
        if i + 1 in st.tok_ends:
            return i in st.tok_starts or i - 1 in st.tok_starts
        if i in st.tok_starts or i - 1 not in st.tok_starts:
            return False
        j = i + 2
        while j < len(st.norm) and j not in st.tok_ends:
            j += 1
        return st.norm[i + 1 : j] in _freq()

    def find(self, st) -> list[Mention]:
        """Country mentions (rule ``gazetteer``) of the abbreviations of ``st``."""
        norm, text = st.norm, st.text
        named = self._document_chars(st)
        out: list[Mention] = []
        run, after = self._exprs[0 if named.keys() <= self.table.keys() else 1]
        for m in run.finditer(norm):
            s, e = m.span()
            start = s
            if after_a_day(norm, s):
                s += 1  # 7日|某某冲突: the day of a date opens no pair (jieba may glue it on)
            if start not in st.tok_starts or e - s < 2:
                continue
            for end in range(e, s + 1, -1):  # 中美|加强: the longest pair that is one
                keys = self._pair(st, s, end, named)
                if keys is not None:
                    for i, k in enumerate(keys, s):
                        c = self.gaz.entries[k]
                        out.append(Mention(i, i + 1, text[i], c.type, c.id, c.name, "gazetteer"))
                    break
        if after is not None:
            for m in after.finditer(norm):
                i = m.start(1)
                ch = m.group(1)
                if ch in self.weak or ch in self.pair_only or not self._after_verb(st, i):
                    continue
                k = self.table[ch] if ch in self.verb_only else self._key(ch, named, False)
                if k is not None:
                    c = self.gaz.entries[k]
                    out.append(Mention(i, i + 1, text[i], c.type, c.id, c.name, "gazetteer"))
        out += self._before_organ(st, named, {m.start for m in out})
        return out

    def _before_organ(self, st, named: dict[str, str], taken: set[int]) -> list[Mention]:
        """The characters that open a word of a state's government or leaders (俄|政府,
        俄总统): the character opens a word and the organ's word does not run on into a
        longer word; the common words among the characters (以, 加) and China's 中
        never, no date's day (7日|政府)."""
        norm, text = st.norm, st.text
        out: list[Mention] = []
        for organ in self.organ:
            i = norm.find(organ, 1) - 1
            while i >= 0:
                j = i + 1 + len(organ)
                ch = norm[i]
                k = None
                if (
                    i not in taken
                    and i in st.tok_starts
                    and ch not in self.weak
                    and ch not in self.verb_only
                    and ch not in self.pair_only
                    and ch not in _NEVER
                    and not after_a_day(norm, i)
                    and (j in st.tok_ends or j in st.tok_starts or j == len(norm))
                    and (i + 1 in st.tok_starts or not any(
                        t in st.tok_ends for t in range(i + 2, j)))
                ):
                    k = self._key(ch, named, False)
                if k is not None:
                    c = self.gaz.entries[k]
                    out.append(Mention(i, i + 1, text[i], c.type, c.id, c.name, "gazetteer"))
                    taken.add(i)
                i = norm.find(organ, j) - 1 if norm.find(organ, j) > 0 else -1
        return out


def _freq() -> Mapping[str, int]:
    from kg.nlp.segment import segmenter_freq

    return segmenter_freq()
