"""Names and keys of the mentions the organ rules emit: the gazetteer's entry when it
knows the name, else an open key on the canonical name; and the longest gazetteer name
ending at an offset (a country or place jieba kept inside one word: 印度|国防部).

>>> lengths_by_last({"美国": "x", "英国": "y", "美利坚合众国": "w", "中国人": "z"})
{'美国': (2,), '英国': (2,), '众国': (6,), '国人': (3,)}
"""

from __future__ import annotations

from kg.model import Mention
from kg.nlp.organs.shapes import GOV_TYPES
from kg.nlp.text import norm_name


def lengths_by_last(names: dict[str, str]) -> dict[str, tuple[int, ...]]:
    """Last two characters → the lengths (two or more) of the names ending in them, longest
    first (two characters, not one: 区、县 ends no name, though many names end in 县)."""
    by_last: dict[str, set[int]] = {}
    for nm in names:
        if len(nm) >= 2:
            by_last.setdefault(nm[-2:], set()).add(len(nm))
    return {c: tuple(sorted(ls, reverse=True)) for c, ls in by_last.items()}


class NamesMixin:
    """The mention builders of :class:`~kg.nlp.organs.OrganFinder` (``self.gaz``: the
    gazetteer)."""

    @staticmethod
    def name_before(
        norm: str, s: int, names: dict[str, str], lengths: dict[str, tuple[int, ...]]
    ) -> tuple[int, str] | None:
        """(start, key) of the longest name of ``names`` ending right at ``s`` (``lengths``:
        :func:`lengths_by_last` of ``names``)."""
        if s < 2:
            return None
        for k in lengths.get(norm[s - 2 : s], ()):
            if k <= s:
                key = names.get(norm[s - k : s])
                if key is not None:
                    return s - k, key
        return None

    def named(self, text: str, start: int, end: int, name: str) -> Mention:
        """A mention of the body ``name`` (the gazetteer's when it knows the name)."""
        from kg.nlp.components.base import open_key

        e = self.gaz.lookup(name)
        if e is not None and e.type in GOV_TYPES:
            return Mention(start, end, text[start:end], e.type, e.id, e.name, "organ")
        name = norm_name(name)
        return Mention(
            start, end, text[start:end], "GovernmentBody", open_key("GovernmentBody", name),
            name, "organ",
        )

    def mention(self, text: str, start: int, end: int, name: str) -> Mention:
        from kg.nlp.components.base import open_key

        surface = text[start:end]
        e = self.gaz.lookup(surface) or self.gaz.lookup(name)
        if e is not None and e.type in GOV_TYPES:
            return Mention(start, end, surface, e.type, e.id, e.name, "organ")
        name = norm_name(name)
        return Mention(
            start, end, surface, "GovernmentBody", open_key("GovernmentBody", name), name, "organ"
        )

    def institution(self, text: str, start: int, end: int, name: str) -> Mention:
        """A body's institute or centre (某部某某研究所): the gazetteer's entry when it
        knows the name as a body, else an Organization."""
        from kg.nlp.components.base import open_key

        m = self.mention(text, start, end, name)
        if m.key != open_key("GovernmentBody", m.label):
            return m
        return Mention(
            start, end, m.text, "Organization", open_key("Organization", m.label), m.label, "organ"
        )

    def country(self, text: str, start: int, end: int, key: str) -> Mention:
        g = self.gaz.entries[key]
        return Mention(start, end, text[start:end], g.type, g.id, g.name, "gazetteer")

    def emit_foreign(
        self, found: dict, text: str, country_key: str, start: int, e: int, canon: str
    ) -> None:
        ce = self.gaz.entries.get(country_key)
        cname = ce.name if ce is not None else text[start : start + 1]
        found.setdefault((start, e), self.mention(text, start, e, cname + canon))

