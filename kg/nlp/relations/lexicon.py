"""The cue words of relations: ``ontology/lexicon/relation_triggers.tsv`` and the clause
openers of ``relation_openers.txt``.

A trigger row says which predicate a verb gives for which object types (开展 a Program →
implements, an Event → hosted); the other kinds are closed word classes (adverbs, modals,
prepositions, reporting verbs…) read by the clause analysis.

>>> lex = load_lexicon()
>>> sorted({r.pred for r in lex.triggers["开展"]})
['hosted', 'implements']
>>> "积极" in lex.kind("adverb")
True
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from kg.nlp.gazetteer import ONTOLOGY_DIR, read_lines
from kg.nlp.text import jieba_tags, word_alternation


def alt(words) -> str:
    """A regex alternation of ``words``, longest first (a trie); none matches nothing.

    >>> import re
    >>> re.fullmatch(alt({"实施", "实施方案"}), "实施方案") is not None
    True
    >>> alt(set())
    '(?!)'
    """
    words = set(words)
    return word_alternation(words) if words - {""} else "(?!)"


@dataclass(frozen=True)
class TriggerRow:
    pred: str
    types: frozenset[str]
    flags: frozenset[str]


@dataclass
class Lexicon:
    """The cue words of ``relation_triggers.tsv``."""

    triggers: dict[str, list[TriggerRow]] = field(default_factory=dict)
    words: dict[str, set[str]] = field(default_factory=dict)  # kind -> words

    @classmethod
    def load(cls, path: Path) -> Lexicon:
        lex = cls()
        for line in read_lines(path):
            cols = line.split("\t")
            kind, word = cols[0].strip(), cols[1].strip() if len(cols) > 1 else ""
            if not word:
                continue
            if kind == "trigger":
                pred = cols[2].strip()
                types = (
                    frozenset(t.strip() for t in cols[3].split(","))
                    if len(cols) > 3
                    else frozenset()
                )
                if "GovernmentBody" in types:
                    types = types | {"Ministry"}
                flags = (
                    frozenset(f.strip() for f in cols[4].split(","))
                    if len(cols) > 4
                    else frozenset()
                )
                lex.triggers.setdefault(word, []).append(TriggerRow(pred, types, flags))
            else:
                lex.words.setdefault(kind, set()).add(word)
        return lex

    def kind(self, k: str) -> set[str]:
        return self.words.get(k, set())


_LEXICON_CACHE: dict[str, Lexicon] = {}


def dayparts() -> str:
    """The parts of the day (the lexicon's ``daypart`` class) as a regex alternation, the
    longest first.

    >>> import re
    >>> re.fullmatch(dayparts(), "傍晚") is not None, re.fullmatch(dayparts(), "今天")
    (True, None)
    """
    return alt(load_lexicon().kind("daypart"))


def load_lexicon(directory: Path | None = None) -> Lexicon:
    path = (directory or ONTOLOGY_DIR) / "lexicon" / "relation_triggers.tsv"
    key = str(path)
    if key not in _LEXICON_CACHE:
        _LEXICON_CACHE[key] = Lexicon.load(path)
    return _LEXICON_CACHE[key]


def load_openers(directory: Path | None = None) -> frozenset[str]:
    return frozenset(read_lines((directory or ONTOLOGY_DIR) / "lexicon" / "relation_openers.txt"))


def load_posts(directory: Path | None = None) -> frozenset[str]:
    """The post titles (部长, 总经济师…) that join a body and a person."""
    return frozenset(read_lines((directory or ONTOLOGY_DIR) / "lexicon" / "posts.txt"))


#: verbs that modify a following noun (会同某部相关部门, 会同某部下属单位): B is no co-agent
_MODIFIER_VERBS = frozenset({"相关", "有关", "下属", "所属", "直属"})


def glued_noun_at(text: str, q: int, tok_starts: object) -> bool:
    """Whether the character at ``q`` opens a longer word of the text (jieba's tokens:
    ``tok_starts``) that jieba's dictionary tags as a noun: a one-character preposition
    or verb read there would be the first half of that noun (中国|经济正在…: 经 is no
    preposition, 中国 no agent).

    >>> glued_noun_at("经济正在发展", 0, {0, 2, 4}), glued_noun_at("经某部批准", 0, {0, 1, 3})
    (True, False)
    """
    if q + 1 in tok_starts:  # type: ignore[operator]
        return False
    tags = jieba_tags()
    for n in (4, 3, 2):
        if q + n in tok_starts and tags.get(text[q : q + n]) == "n":  # type: ignore[operator]
            return True
    return False


def verb_at(text: str, q: int, tags_ok: tuple[str, ...] = ("v",)) -> bool:
    """Whether a word jieba's dictionary tags as a verb (``v``) starts ``text`` at ``q``
    (某部会同某部下达…, 某部高度重视X，…): a verb no trigger or opener list holds;
    ``tags_ok`` may add other tags (``l``: set phrases such as 高度重视).

    >>> verb_at("下达资金", 0), verb_at("相关部门", 0), verb_at("授权的部门", 0)
    (True, False, False)
    """
    tags = jieba_tags()
    for n in (4, 3, 2):
        w = text[q : q + n]
        if len(w) == n and tags.get(w) in tags_ok:
            # 会同国务院授权的部门: B is the agent of a relative clause about someone else
            return w not in _MODIFIER_VERBS and text[q + n : q + n + 1] != "的"
    return False
