"""Load the gazetteers and lexicons under ``ontology/`` (one source of truth).

The same data feeds jieba's dictionary (names stay whole tokens), the Aho-Corasick
matcher, resolution (short form → full entity) and the IRIs (the entry ``id`` is the key).

>>> gaz = load_gazetteer()
>>> gaz.lookup("工信部").name
'工业和信息化部'
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field, fields
from operator import attrgetter
from pathlib import Path
from typing import TYPE_CHECKING, Any

import ahocorasick

from kg.errors import Errors, KGError
from kg.nlp.text import INNER_QUOTES, norm_name, norm_text

if TYPE_CHECKING:
    import numpy as np

from kg.fingerprint import ONTOLOGY_DIR

#: the category scripts/build_gazetteers.py gives China's counties (县级行政区)
COUNTY = "县级行政区"
#: the categories of provinces (China's 省 and 自治区; the first-level subdivisions of
#: ISO 3166-2): a province before a zone's short head names a class of zones (某省|经开区)
PROVINCES = frozenset({"省", "自治区", "一级行政区"})
#: the categories of divisions below a province that name bridges, zones and towns after
#: them: prefectures, counties, cities (China's and the world's), and the cities that are
#: provinces (直辖市, 特别行政区); no river, lake, sea or other feature (长江|大桥 is no name)
CITIES = frozenset({
    "地级行政区", "县级行政区", "二级行政区", "市", "县", "城市", "首都", "自治州", "镇",
    "新区", "直辖市", "特别行政区",
})  # fmt: skip
#: the id prefix of the foreign subdivisions of ISO 3166-2 (scripts/build_subdivisions.py)
FOREIGN_SUBDIVISION = "place/sub-"
#: the id prefix of the foreign cities CLDR names its time zones after
#: (scripts/build_cldr_cities.py)
FOREIGN_CITY = "place/city-"
#: the places kept out of jieba's dictionary and matched anywhere (see ``jieba_words``)
UNSEGMENTED = (FOREIGN_SUBDIVISION, FOREIGN_CITY)

GAZETTEER_FILES = (
    "government.jsonl",
    "countries.jsonl",
    "organizations.jsonl",
    "locations.jsonl",
    "laws.jsonl",
    "programs.jsonl",
    "events.jsonl",
)


@dataclass(frozen=True, slots=True)
class GazEntry:
    """One known entity: its key (``id``), class, preferred name, aliases and links."""

    id: str
    type: str
    name: str
    aliases: tuple[str, ...] = ()
    wikidata: str | None = None
    iso: str | None = None
    en: str | None = None
    category: str | None = None
    successor: str | None = None
    #: the place one level up (a county's prefecture, a prefecture's province)
    part_of: str | None = None
    #: short forms that name this body only beside another central body (药监局、海关总署)
    listed: tuple[str, ...] = ()

    def __reduce__(self) -> tuple[type[GazEntry], tuple[Any, ...]]:
        # unpickled by the constructor, from the fields' values: the __setstate__ of a
        # frozen dataclass with slots walks fields() again for every one of the ~12,000
        # entries of a pipeline snapshot (its restore: 0.04 → 0.02 CPU-s; its save too)
        return (GazEntry, _entry_values(self))


#: a :class:`GazEntry`'s fields' values, in order
_entry_values = attrgetter(*(f.name for f in fields(GazEntry)))


@dataclass
class Gazetteer:
    """All gazetteer entries, indexed by key and by normalised name."""

    entries: dict[str, GazEntry] = field(default_factory=dict)
    #: normalised name → keys that use it (more than one key: ambiguous, not matched)
    by_name: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    posts: list[str] = field(default_factory=list)
    not_entities: frozenset[str] = frozenset()
    title_heads: list[tuple[str, str]] = field(default_factory=list)
    #: the title heads of proposals for a plan (flag ``proposal`` in ``title_heads.tsv``:
    #: 《…关于制定…规划的建议》): the plan such a title names is an entity of its own
    proposal_heads: tuple[str, ...] = ()
    ambiguous: frozenset[str] = frozenset()
    #: strings that contain a name but are not that entity (财政部门, 沿海地区): matched
    #: like names so that leftmost-longest matching lets them win, then dropped
    blockers: frozenset[str] = frozenset()
    #: one-character abbreviations of places (京 → place/beijing) and the characters
    #: that may come before one (在京, 来沪): ``lexicon/place_abbr.tsv``
    place_abbr: dict[str, str] = field(default_factory=dict)
    abbr_before: frozenset[str] = frozenset()
    _automaton: ahocorasick.Automaton | None = None
    _heads_by_len: tuple[list, list] | None = field(default=None, repr=False, compare=False)

    def lookup(self, surface: str) -> GazEntry | None:
        """The entry a name denotes, or None when unknown or ambiguous."""
        keys = self.by_name.get(norm_name(surface))
        if not keys or len(keys) > 1:
            return None
        return self.entries[keys[0]]

    def resolve_successor(self, entry: GazEntry) -> GazEntry:
        """Follow ``successor`` links to the current body (国家计委 → 国家发展改革委)."""
        seen = {entry.id}
        while entry.successor and entry.successor in self.entries and entry.successor not in seen:
            entry = self.entries[entry.successor]
            seen.add(entry.id)
        return entry

    @property
    def automaton(self) -> ahocorasick.Automaton:
        """Aho-Corasick automaton over every unambiguous name, on normalised text.

        Values are ``(name, key)``; blockers have the key ``None``.
        """
        if self._automaton is None:
            words = [
                (name, keys[0])
                for name, keys in self.by_name.items()
                if len(keys) == 1 and name not in self.ambiguous and len(name) >= 2
            ]
            words += [(name, None) for name in sorted(self.blockers) if name not in self.by_name]
            # pyahocorasick finds a child by a linear scan in insertion order: names whose
            # first character is common in names go first (same matches, ~25% faster)
            freq = Counter(ch for name, _ in words for ch in name)
            words.sort(key=lambda w: -freq[w[0][0]])
            a = ahocorasick.Automaton()
            for name, key in words:
                a.add_word(name, (name, key))
            a.make_automaton()
            self._automaton = a
        return self._automaton

    def head_type(self, name: str) -> tuple[str, str] | None:
        """(head, type) of the longest known head word ending ``name``, e.g. 条例 → Law."""
        index = self._heads_by_len
        if index is None or index[0] is not self.title_heads:
            index = self._heads_by_len = (self.title_heads, _index_heads(self.title_heads))
        for k, heads in index[1]:
            hit = heads.get(name[len(name) - k :] if k else "")
            if hit is not None:
                return hit
        return None

    def jieba_words(self) -> list[str]:
        """Every name, for jieba's dictionary (so names stay whole tokens), except the
        two-character names of counties that jieba does not know (礼县 would cut
        崇礼县政府; the matcher takes 歙|县 as two words of their own) and the names of
        foreign subdivisions and of CLDR's cities (``UNSEGMENTED``, matched anywhere):
        a thousand more words at jieba's weight of a name would raise its total and with
        it change how it cuts every text (云南昆明 one word, not two; 长江|黄河 too).

        >>> words = load_gazetteer().jieba_words()
        >>> "荆州市" in words and "礼县" not in words
        True
        """
        return [
            n
            for n, keys in self.by_name.items()
            if not all(k.startswith(UNSEGMENTED) for k in keys)
            and (
                len(n) >= 3
                or (len(n) == 2 and not all(self.entries[k].category == COUNTY for k in keys))
            )
        ]


def _index_heads(heads: list[tuple[str, str]]) -> list[tuple[int, dict[str, tuple[str, str]]]]:
    """Head words longest first as (length, {head: (head, type)}): one lookup per length
    instead of an ``endswith`` per head (the first of equal heads in the list wins)."""
    by_len: dict[int, dict[str, tuple[str, str]]] = {}
    for head, type_ in heads:
        by_len.setdefault(len(head), {}).setdefault(head, (head, type_))
    return sorted(by_len.items(), key=lambda kv: kv[0], reverse=True)


class NameWindows:
    """The parts of a text an Aho-Corasick automaton over ``names`` must see to find the
    matches it finds in the whole text (``iter`` and ``iter_long``).

    pyahocorasick looks a character up among a node's children one by one, and a root has
    hundreds, so scanning costs up to ~200 ns a character. No match spans two adjacent
    characters that are adjacent in no name (a *cut*), so the text falls into runs the
    automaton reads independently; a run holding no name's first three characters (two
    for a name of two, one for a name of one) holds no match and is dropped. The kept runs
    are joined, with a separator (a character of no name) where two of them would
    otherwise join into a pair of a name, and after the last one unless it ends the text:
    ``iter_long`` reports a pending shorter match when the next character fails but not at
    the end of its input, and in the text a cut follows each run. With ``strip_quotes``
    quote marks are dropped first (as :func:`kg.nlp.text.strip_quotes` does; no name may
    hold one).

    >>> w = NameWindows(["国务院", "中国", "院长"], strip_quotes=True)
    >>> joined, pos = w.reduce("据“国务院”，今天在中国。")
    >>> joined, pos.tolist()
    ('国务院中国\\x00', [2, 3, 4, 10, 11, -1])
    """

    def __init__(self, names: Iterable[str], strip_quotes: bool = False) -> None:
        import numpy as np  # here: the build process loads gazetteers and never needs it

        names = [n for n in names if n]
        # character ids by frequency in the names: the pairs of common characters, the
        # ones a text is full of, share a corner of the pair table that stays in cache
        joined = "".join(names)
        freq = Counter(joined)
        alphabet = sorted(freq, key=lambda c: (-freq[c], c))
        quotes = sorted(set(INNER_QUOTES)) if strip_quotes else []
        self.m = m = len(alphabet) + 1  # character ids: 0 for no name's character
        # names with quote marks, or too many characters for a table of pairs: no windows
        self.usable = not (set(alphabet) & set(quotes)) and m * m <= 1 << 26
        if not self.usable:
            return
        self.sep = next(c for c in map(chr, range(0x110000)) if c not in freq)
        self.quote_id = m if quotes else -1
        # a table over the Basic Multilingual Plane when every name's character is in it
        # (~40 KB of it for the CJK block, which stays in cache): a character beyond it
        # reads the last entry (U+FFFF, no character) through ``take(mode="clip")``
        top = max(map(ord, [*alphabet, *quotes]), default=0)
        size = 0xFFFF + 1 if top < 0xFFFF else 0x110000
        lut = np.zeros(size, dtype=np.uint16 if m < 1 << 16 else np.uint32)
        lut[[ord(c) for c in alphabet]] = np.arange(1, m)
        if quotes:
            lut[[ord(q) for q in quotes]] = m
        self.lut = lut
        # pair flags: 1 = adjacent in a name, 2 = a name's first two characters, 4 = a
        # two-character name, 8 = the second and third characters of a longer name; and
        # the first three characters of the longer names
        # (set with whole arrays: every name's characters as ids, one array, ``at`` the
        # offset of each name's first character; a flag set twice is the same flag)
        ids = lut.take(np.frombuffer(joined.encode("utf-32-le", "surrogatepass"), np.uint32))
        ids = ids.astype(np.int64)
        lens = np.fromiter(map(len, names), dtype=np.int64, count=len(names))
        at = np.zeros(len(names), dtype=np.int64)
        np.cumsum(lens[:-1], out=at[1:])
        flags = np.zeros(m * m, dtype=np.uint8)
        single = np.zeros(m + 1, dtype=bool)  # one-character names
        single[ids.take(at[lens == 1])] = True
        # adjacent in a name: every character and the next but a name's last
        inner = np.ones(len(ids), dtype=bool)
        inner[at + lens - 1] = False
        first = np.flatnonzero(inner[:-1])
        flags[ids.take(first) * m + ids.take(first + 1)] |= 1
        two, longer = at[lens == 2], at[lens > 2]
        flags[ids.take(two) * m + ids.take(two + 1)] |= 6
        flags[ids.take(longer) * m + ids.take(longer + 1)] |= 2
        flags[ids.take(longer + 1) * m + ids.take(longer + 2)] |= 8
        t3 = (ids.take(longer) * m + ids.take(longer + 1)) * m + ids.take(longer + 2)
        three = lens[lens > 2] == 3
        four = longer[~three]
        self.flags = flags
        self.single = single if single.any() else None
        self.triples = np.unique(t3)
        self.names3 = np.unique(t3[three])
        self.quads = np.unique(t3[~three] * m + ids.take(four + 3))  # m ** 4 < 2 ** 63

    def reduce(self, text: str) -> tuple[str, np.ndarray]:
        """The text to match and, for each of its characters, the offset in ``text`` (-1
        for a separator)."""
        import numpy as np

        empty = ("", np.zeros(0, dtype=np.int64))
        codes = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
        ids = self.lut.take(codes, mode="clip")
        pos = None
        if self.quote_id >= 0:
            quoted = ids == self.quote_id
            if quoted.any():
                pos = np.flatnonzero(~quoted)
                ids, codes = ids.take(pos), codes.take(pos)
        n = len(ids)
        if n == 0:
            return empty
        m, flags = self.m, self.flags
        pair = ids[:-1].astype(np.uint32)
        pair *= m
        pair += ids[1:]
        f = flags.take(pair)
        # where a name may start: a two-character name, or the first three characters of
        # a longer one (a run without such a start holds no match either)
        opens = np.zeros(n, dtype=bool)
        np.not_equal(f & 4, 0, out=opens[:-1])
        # a longer name's first three characters: only where the first two and the last
        # two are pairs of such names (a few percent of the text) is the triple looked up
        maybe = (f[:-1] & 6) == 2
        maybe &= (f[1:] & 8) != 0
        longer = np.flatnonzero(maybe)
        if len(longer) and len(self.triples):
            t3 = ids.take(longer).astype(np.int64) * m + ids.take(longer + 1)
            t3 *= m
            t3 += ids.take(longer + 2)
            hit = _member(self.triples, t3)
            start, t3 = longer[hit], t3[hit]
            # a name of three characters starts there; a longer one needs its first four
            # too (a quarter less text to scan than with three)
            whole = _member(self.names3, t3)
            opens[start[whole]] = True
            four = ~whole
            four &= start + 3 < n
            start = start[four]
            t4 = t3[four] * m
            t4 += ids.take(start + 3)
            opens[start[_member(self.quads, t4)]] = True
        if self.single is not None:
            opens |= self.single.take(ids)
        if not opens.any():
            return empty
        run = np.empty(n, dtype=np.int32)  # run number of each character
        run[0] = 0
        np.cumsum((f & 1) == 0, out=run[1:])
        keep_run = np.zeros(int(run[-1]) + 1, dtype=bool)
        keep_run[run[opens]] = True
        kept = np.flatnonzero(keep_run.take(run))
        kr = run.take(kept)
        new = np.flatnonzero(kr[1:] != kr[:-1]) + 1  # where a kept run follows another
        joins = ids.take(kept[new - 1]).astype(np.uint32) * m + ids.take(kept[new])
        sep = new[(flags.take(joins) & 1) != 0]
        out_pos = np.arange(len(kept))
        if len(sep):
            shift = np.zeros(len(kept), dtype=np.int64)
            shift[sep] = 1
            out_pos += np.cumsum(shift)
        size = len(kept) + len(sep) + int(kept[-1] != n - 1)
        out = np.full(size, ord(self.sep), dtype=np.uint32)
        out[out_pos] = codes.take(kept)
        where = np.full(size, -1, dtype=np.int64)
        where[out_pos] = kept if pos is None else pos.take(kept)
        return out.tobytes().decode("utf-32-le", "surrogatepass"), where


def _member(table: np.ndarray, x: np.ndarray) -> np.ndarray:
    """Which of ``x`` are in the sorted array ``table``."""
    import numpy as np

    if not len(table):
        return np.zeros(len(x), dtype=bool)
    return table.take(np.searchsorted(table, x), mode="clip") == x


def read_lines(path: Path) -> list[str]:
    if not path.exists():
        return []
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip() if not line.startswith("#") else ""
        if line:
            out.append(line)
    return out


def load_gazetteer_from(directory: Path) -> Gazetteer:
    """Read every gazetteer and lexicon file under ``directory`` (``ontology/``)."""
    gaz = Gazetteer()
    for fname in GAZETTEER_FILES:
        path = directory / "gazetteers" / fname
        if not path.exists():
            continue
        with path.open(encoding="utf-8") as fh:
            for lineno, line in enumerate(fh, 1):
                if not line.strip():
                    continue
                try:
                    d = json.loads(line)
                    entry = GazEntry(
                        id=d["id"],
                        type=d["type"],
                        name=d["name"],
                        aliases=tuple(a for a in d.get("aliases") or () if a),
                        wikidata=d.get("wikidata"),
                        iso=d.get("iso"),
                        en=d.get("en"),
                        category=d.get("category"),
                        successor=d.get("successor"),
                        part_of=d.get("partOf"),
                        listed=tuple(d.get("listed") or ()),
                    )
                except (ValueError, KeyError, TypeError) as exc:
                    raise KGError(Errors.E050, path=path, line=lineno, reason=exc) from exc
                gaz.entries[entry.id] = entry
                for name in {entry.name, *entry.aliases}:
                    n = norm_name(name)
                    if entry.id not in gaz.by_name[n]:
                        gaz.by_name[n].append(entry.id)
    lex = directory / "lexicon"
    gaz.posts = sorted(set(read_lines(lex / "posts.txt")), key=len, reverse=True)
    gaz.not_entities = frozenset(norm_name(x) for x in read_lines(lex / "not_entities.txt"))
    gaz.ambiguous = frozenset(norm_name(x) for x in read_lines(lex / "ambiguous_aliases.txt"))
    gaz.blockers = frozenset(norm_name(x) for x in read_lines(lex / "blockers.txt"))
    for line in read_lines(lex / "place_abbr.tsv"):
        parts = line.split("\t")
        if len(parts) == 2 and parts[0] == "before":
            gaz.abbr_before = frozenset(parts[1].strip())
        elif len(parts) == 2 and len(parts[0]) == 1 and parts[1].strip() in gaz.entries:
            gaz.place_abbr[parts[0]] = parts[1].strip()
    heads, proposals = [], []
    for line in read_lines(lex / "title_heads.tsv"):
        parts = line.split("\t") if "\t" in line else line.split()
        if len(parts) >= 2:
            heads.append((parts[0].strip(), parts[1].strip()))
            if "proposal" in parts[2:]:
                proposals.append(parts[0].strip())
    gaz.title_heads = sorted(heads, key=lambda h: len(h[0]), reverse=True)
    gaz.proposal_heads = tuple(proposals)
    return gaz


_LOADED: dict[str | None, Gazetteer] = {}


def load_gazetteer(directory: str | None = None) -> Gazetteer:
    """The process-wide gazetteer (cached; :func:`kg.nlp.pipeline.get_nlp` primes the
    cache with the gazetteer of a restored pipeline snapshot, see :func:`prime_gazetteer`)."""
    gaz = _LOADED.get(directory)
    if gaz is None:
        gaz = _LOADED[directory] = (
            _load_default() if not directory else load_gazetteer_from(Path(directory))
        )
    return gaz


def _load_default() -> Gazetteer:
    """The gazetteer of :data:`~kg.fingerprint.ONTOLOGY_DIR`: its binary form when this
    code and data wrote one (:mod:`kg.nlp.gazetteer_cache`), else read from the files
    (and the binary form written, before anything is built on it lazily)."""
    from kg.nlp import gazetteer_cache

    path = gazetteer_cache.cache_path()
    gaz = gazetteer_cache.load(path)
    if isinstance(gaz, Gazetteer):
        return gaz
    gaz = load_gazetteer_from(ONTOLOGY_DIR)
    gazetteer_cache.save(path, gaz)
    return gaz


def prime_gazetteer(directory: str | None, gaz: Gazetteer) -> None:
    """Make ``load_gazetteer(directory)`` return ``gaz`` (read from the same files)."""
    _LOADED.setdefault(directory, gaz)


def forget_gazetteers() -> None:
    """Forget the process-wide gazetteers: the next :func:`load_gazetteer` reads them
    again (the binary form or the files: after they change, and in tests).

    >>> a = load_gazetteer(); forget_gazetteers(); load_gazetteer() is a
    False
    >>> forget_gazetteers(); prime_gazetteer(None, a)  # (the process's one again)
    """
    _LOADED.clear()


__all__ = [
    "GazEntry", "Gazetteer", "NameWindows", "forget_gazetteers", "load_gazetteer", "norm_text",
]  # fmt: skip
