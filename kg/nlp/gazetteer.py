"""Load the gazetteers and lexicons under ``ontology/`` (one source of truth).

The same data feeds jieba's dictionary (names stay whole tokens), the Aho-Corasick
matcher, resolution (short form → full entity) and the IRIs (the entry ``id`` is the key).

>>> gaz = load_gazetteer()
>>> gaz.lookup("工信部").name
'工业和信息化部'
"""

from __future__ import annotations

import json
import os
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import ahocorasick

from kg.errors import Errors, KGError
from kg.nlp.text import norm_name, norm_text

ONTOLOGY_DIR = Path(
    os.environ.get("KG_ONTOLOGY_DIR", Path(__file__).resolve().parents[2] / "ontology")
)

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


@dataclass
class Gazetteer:
    """All gazetteer entries, indexed by key and by normalised name."""

    entries: dict[str, GazEntry] = field(default_factory=dict)
    #: normalised name → keys that use it (more than one key: ambiguous, not matched)
    by_name: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    posts: list[str] = field(default_factory=list)
    not_entities: frozenset[str] = frozenset()
    title_heads: list[tuple[str, str]] = field(default_factory=list)
    ambiguous: frozenset[str] = frozenset()
    #: strings that contain a name but are not that entity (财政部门, 沿海地区): matched
    #: like names so that leftmost-longest matching lets them win, then dropped
    blockers: frozenset[str] = frozenset()
    _automaton: ahocorasick.Automaton | None = None

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
            a = ahocorasick.Automaton()
            for name, keys in self.by_name.items():
                if len(keys) == 1 and name not in self.ambiguous and len(name) >= 2:
                    a.add_word(name, (name, keys[0]))
            for name in self.blockers:
                if name not in self.by_name:
                    a.add_word(name, (name, None))
            a.make_automaton()
            self._automaton = a
        return self._automaton

    def head_type(self, name: str) -> tuple[str, str] | None:
        """(head, type) of the longest known head word ending ``name``, e.g. 条例 → Law."""
        for head, type_ in self.title_heads:
            if name.endswith(head):
                return head, type_
        return None

    def jieba_words(self) -> list[str]:
        """Every name, for jieba's dictionary (so names stay whole tokens)."""
        return [n for n in self.by_name if len(n) >= 2]


def _read_lines(path: Path) -> list[str]:
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
                    )
                except (ValueError, KeyError, TypeError) as exc:
                    raise KGError(Errors.E050, path=path, line=lineno, reason=exc) from exc
                gaz.entries[entry.id] = entry
                for name in {entry.name, *entry.aliases}:
                    n = norm_name(name)
                    if entry.id not in gaz.by_name[n]:
                        gaz.by_name[n].append(entry.id)
    lex = directory / "lexicon"
    gaz.posts = sorted(set(_read_lines(lex / "posts.txt")), key=len, reverse=True)
    gaz.not_entities = frozenset(norm_name(x) for x in _read_lines(lex / "not_entities.txt"))
    gaz.ambiguous = frozenset(norm_name(x) for x in _read_lines(lex / "ambiguous_aliases.txt"))
    gaz.blockers = frozenset(norm_name(x) for x in _read_lines(lex / "blockers.txt"))
    heads = []
    for line in _read_lines(lex / "title_heads.tsv"):
        parts = line.split("\t") if "\t" in line else line.split()
        if len(parts) >= 2:
            heads.append((parts[0].strip(), parts[1].strip()))
    gaz.title_heads = sorted(heads, key=lambda h: len(h[0]), reverse=True)
    return gaz


_LOADED: dict[str | None, Gazetteer] = {}


def load_gazetteer(directory: str | None = None) -> Gazetteer:
    """The process-wide gazetteer (cached; :func:`kg.nlp.pipeline.get_nlp` primes the
    cache with the gazetteer of a restored pipeline snapshot, see :func:`prime_gazetteer`)."""
    gaz = _LOADED.get(directory)
    if gaz is None:
        gaz = _LOADED[directory] = load_gazetteer_from(
            Path(directory) if directory else ONTOLOGY_DIR
        )
    return gaz


def prime_gazetteer(directory: str | None, gaz: Gazetteer) -> None:
    """Make ``load_gazetteer(directory)`` return ``gaz`` (read from the same files)."""
    _LOADED.setdefault(directory, gaz)


__all__ = ["GazEntry", "Gazetteer", "load_gazetteer", "norm_text"]
