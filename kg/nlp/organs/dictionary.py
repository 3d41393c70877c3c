"""What jieba's dictionary says about words, for the organ rules: words that are no
place name, the tag of words ending in a unit character and the place words (tag ns).

>>> bad, unit, places = dictionary_words()
>>> "打算" in bad, unit.get("税务局"), "海淀" in places
(True, 'nt', True)
"""

from __future__ import annotations

from functools import lru_cache

# jieba dictionary tags of words that are never (part of) a place name: verbs, adjectives,
# adverbs, prepositions, conjunctions, particles, pronouns, numerals, measure words,
# locatives and time words (联系市…, 沿海地区, 准备向市委)
BAD_TAGS = ("v", "a", "d", "p", "c", "u", "r", "m", "q", "f", "t", "e", "y", "o")


UNIT_CHARS = "司局处厅"


@lru_cache(maxsize=1)
def dictionary_words() -> tuple[frozenset[str], dict[str, str], frozenset[str]]:
    """From jieba's dictionary: words (1–4 characters) whose tag says they are no place
    name; the tag of every word that ends in a unit character (全局 n, 税务局 nt); and the
    place names (tag ns)."""
    from kg.nlp.text import jieba_tags, tagged_words, tags_starting

    bad = frozenset(w for w in tagged_words(tags_starting(BAD_TAGS)) if len(w) <= 4)
    unit = {w: t for w, t in jieba_tags().items() if w[-1] in UNIT_CHARS and len(w) >= 2}
    places = frozenset(w for w in tagged_words(("ns",)) if 2 <= len(w) <= 3)
    return bad, unit, places


