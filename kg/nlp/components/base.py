"""Per-document state shared by the components (``doc._.kg``)."""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import accumulate

import numpy as np
from spacy.tokens import Doc
from spacy.vocab import Vocab

from kg.model import EntityInfo, Mention, Observation, Relation
from kg.nlp.segment import cut_lengths
from kg.nlp.text import norm_text, simplified

#: words remembered with their orth ids per tokenizer (a long-lived server stays bounded)
_MAX_ORTHS = 1 << 18

#: the types of bodies: what holds a session (某委员会举行第N次会议), what a post belongs
#: to (with a country: 外交部部长, 联合国秘书长); one definition for every rule
ORGANISATION_TYPES = frozenset({"GovernmentBody", "Ministry", "Organization"})

# Rule priority when two candidates overlap: higher wins (then the longer one).
PRIORITY = {"gazetteer": 5, "title": 6, "definition": 6, "person": 4, "pattern": 3, "lac": 2}


@dataclass(slots=True)
class PostMention:
    """工信部总经济师许科敏: a person, the post title, and the body (if stated)."""

    person: Mention
    post: str
    org: Mention | None
    sent: tuple[int, int]


@dataclass(slots=True)
class KGDoc:
    """What the kg components know about a document, in character offsets."""

    text: str
    norm: str
    sents: list[tuple[int, int]] = field(default_factory=list)
    candidates: list[Mention] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    #: nominal organ references (法院, 当地政府, 市教委): candidates and the kept ones. They
    #: name no one body (key ""), so they are never mentions or graph nodes; the span API
    #: reports them as GovernmentBody spans with ``"nominal": true``
    nominal_candidates: list[Mention] = field(default_factory=list)
    nominals: list[Mention] = field(default_factory=list)
    entities: dict[str, EntityInfo] = field(default_factory=dict)
    definitions: dict[str, str] = field(default_factory=dict)
    posts: list[PostMention] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)
    observations: list[Observation] = field(default_factory=list)
    #: sentence start → text of every sentence an entity's mention is in (kg_docfacts)
    sentences: dict[int, str] = field(default_factory=dict)
    tok_starts: Bounds | frozenset[int] = frozenset()
    tok_ends: Bounds | frozenset[int] = frozenset()

    def sent_of(self, pos: int) -> tuple[int, int]:
        """The sentence span containing character ``pos``."""
        import bisect

        i = bisect.bisect_right(self.sents, (pos, 1 << 62)) - 1
        if 0 <= i < len(self.sents) and self.sents[i][0] <= pos < self.sents[i][1]:
            return self.sents[i]
        return (pos, pos)

    def aligned(self, start: int, end: int) -> bool:
        """Whether ``[start, end)`` starts and ends on jieba token boundaries."""
        return start in self.tok_starts and end in self.tok_ends


class Bounds:
    """Token boundary offsets with O(1) ``in``: a byte mask over the text.

    Cheaper to build than a set of a million ints, and membership stays a lookup.

    >>> b = Bounds.from_offsets([0, 2, 5], 6)
    >>> 2 in b, 3 in b, 9 in b
    (True, False, False)
    """

    __slots__ = ("mask",)

    def __init__(self, mask: bytearray | bytes = b"") -> None:
        self.mask = mask

    @classmethod
    def from_offsets(cls, offsets: np.ndarray | list[int], n: int) -> Bounds:
        m = np.zeros(n + 1, dtype=np.uint8)
        m[np.asarray(offsets, dtype=np.int64)] = 1
        return cls(m.tobytes())

    def __contains__(self, i: object) -> bool:
        return isinstance(i, int) and 0 <= i < len(self.mask) and self.mask[i] == 1

    def __len__(self) -> int:
        return self.mask.count(1) if self.mask else 0


def kgdoc(doc: Doc, text: str | None = None, lengths: np.ndarray | None = None) -> KGDoc:
    """``doc._.kg``, created on first use with token boundaries from the tokenizer.

    Pass ``text`` when known (``Doc.text`` rebuilds the string token by token) and the
    token ``lengths`` when the tokenizer has them (they are the boundaries even when
    ``doc`` has no tokens: see :class:`KGTokenizer`).
    """
    st = doc.user_data.get(KG_STATE)
    if st is None:
        if text is None:
            text = doc.text
        st = KGDoc(text=text, norm=norm_text(text))
        if lengths is not None and len(lengths):
            ends = np.cumsum(lengths)
            if ends[-1] == len(text) and lengths.min() > 0:
                # words that cut the text: the ends are the starts less 0, with its end
                mask = np.zeros(len(text) + 1, dtype=np.uint8)
                mask[ends] = 1
                mask[len(text)] = 0
                mask[0] = 1
                st.tok_starts = Bounds(mask.tobytes())
                mask[0] = 0
                mask[len(text)] = 1
                st.tok_ends = Bounds(mask.tobytes())
                doc.user_data[KG_STATE] = st
                return st
            starts = ends - lengths
        elif lengths is None and len(doc):
            arr = doc.to_array(["IDX", "LENGTH"]).astype(np.int64)
            starts, ends = arr[:, 0], arr[:, 0] + arr[:, 1]
        else:
            starts = ends = None
        if starts is not None:
            st.tok_starts = Bounds.from_offsets(starts, len(text))
            st.tok_ends = Bounds.from_offsets(ends, len(text))
        doc.user_data[KG_STATE] = st
    return st


#: the key of the per-document state in ``Doc.user_data`` (a public dict spaCy keeps and
#: pickles with the doc): :func:`kgdoc` reads it there (~0.2 µs) rather than through
#: ``doc._`` (an object made per access, ~2.5 µs; asked ten times and more a document);
#: ``doc._.kg`` reads and writes the same entry, for users and doctests
KG_STATE = "kg.state"


def _get_state(doc: Doc) -> KGDoc | None:
    return doc.user_data.get(KG_STATE)


def _set_state(doc: Doc, value: KGDoc | None) -> None:
    doc.user_data[KG_STATE] = value


Doc.set_extension("kg", getter=_get_state, setter=_set_state, force=True)


def open_key(type_: str, name: str) -> str:
    """Key of an entity no gazetteer knows: its type folder and canonical name."""
    from kg.model import TYPE_FOLDER
    from kg.nlp.text import norm_name

    return f"{TYPE_FOLDER[type_]}/{norm_name(name)}"


class KGTokenizer:
    """Wraps the Chinese (jieba) tokenizer to set up ``doc._.kg`` with the original text.

    ``tokens=False`` (a lean pipeline, :func:`kg.nlp.pipeline.make_nlp`): the ``Doc`` gets
    no tokens, only ``doc._.kg`` with the words' boundaries, which is all the components
    read; making a spaCy token (a lexeme looked up or created per word) is ~17% of a
    graph build's NLP time.

    >>> import jieba_next
    >>> from spacy.lang.zh import Chinese
    >>> zh = Chinese().tokenizer
    >>> zh.jieba_seg = jieba_next
    >>> doc = KGTokenizer(zh, tokens=False)("工信部表示。")
    >>> len(doc), doc._.kg.text, sorted(i for i in range(7) if i in doc._.kg.tok_starts)
    (0, '工信部表示。', [0, 3, 5])
    """

    def __init__(self, tokenizer: object, tokens: bool = True) -> None:
        self.tokenizer = tokenizer
        self.tokens = tokens
        # word → orth (its StringStore hash) for the vocab in _orth_vocab: a Doc built
        # from orths skips re-encoding and hashing every token's string
        self._orth_of: dict[str, int] = {}
        self._orth_vocab: object = None

    def __call__(self, text: str) -> Doc:
        # jieba's tokens cover the text exactly (white space included), so the
        # words need no re-alignment (spaCy's get_words_and_spaces costs ~25%).
        seg = getattr(self.tokenizer, "jieba_seg", None)
        # traditional text is cut as its simplified form (jieba's dictionary is
        # simplified), one character for one: the same lengths cut ``text``
        lens = cut_lengths(seg, simplified(text)) if seg is not None else None
        if lens is not None:
            vocab = self.tokenizer.vocab
            if self.tokens:
                ends = list(accumulate(lens.tolist()))
                words = list(map(text.__getitem__, map(slice, [0, *ends[:-1]], ends)))
                doc = Doc(vocab, words=self._orths(vocab, words), spaces=[False] * len(words))
            else:
                doc = Doc(vocab)
            kgdoc(doc, text, lens)
        else:
            doc = self.tokenizer(text)
            kgdoc(doc, text)
        return doc

    def _orths(self, vocab: Vocab, words: list[str]) -> list[int] | list[str]:
        """``words`` as orth ids (the same lexemes ``Doc`` would look the strings up as)."""
        if vocab.in_memory_zone:  # strings first added in a zone are dropped at its end
            return words
        orth_of = self._orth_of
        if self._orth_vocab is not vocab or len(orth_of) > _MAX_ORTHS:
            orth_of.clear()
            self._orth_vocab = vocab
        get = orth_of.get
        add = vocab.strings.add
        return [get(w) or orth_of.setdefault(w, add(w)) for w in words]

    def __getattr__(self, name: str) -> object:
        return getattr(self.tokenizer, name)
