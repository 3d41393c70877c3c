"""The view's *text table*: every sentence the page shows once, each entity's mention
sentences and each relation's evidence as index rows into it, made of one piece per
document (:class:`DocText`, kept between builds by :class:`TextPieces`) and written into
the page as inert JSON (:func:`text_json`).
"""

from __future__ import annotations

import itertools
import json
import re
from collections.abc import Callable, Iterable, Mapping
from typing import Any

import msgpack

from kg.export.view.values import text_value

__all__ = [
    "MAX_SENTENCE",
    "PIECE_VERSION",
    "DocText",
    "SentenceTable",
    "TextPieces",
    "TextTable",
    "compact_json",
    "inert_json",
    "inert_json_bytes",
    "int_list_json",
    "mention_spans",
    "text_json",
]

#: A sentence longer than this is cut (with an ellipsis) in the page.
MAX_SENTENCE = 400

#: Bump when :meth:`DocText.encode`'s layout changes: stored pieces of another are ignored.
PIECE_VERSION = 2
#: A piece's offsets JSON: ``null`` or a pair of integers, comma-separated.
_AT_JSON = re.compile(rb"(?:(?:null|\[-?\d+,-?\d+\])(?:,(?:null|\[-?\d+,-?\d+\]))*)?")
_TEXT_OR_NONE = frozenset({str, type(None)})
_INT = frozenset({int})
_LIST = frozenset({list})


class SentenceTable:
    """Every sentence of one document once: by start offset when known (a relation's
    evidence, a mention span), else by text (a kept example). ``sentences[i]`` is the text
    or None (a mention span whose sentence no evidence or example gives), ``at[i]`` the
    sentence's ``[start, end]`` offsets in its document when known. Offsets key the table
    as digit strings, as the graph's mention spans give them. (The whole table is these
    lists concatenated, document after document.)"""

    def __init__(self) -> None:
        self.by_start: dict[str, int] = {}
        self.by_text: dict[str, int] = {}
        self.sentences: list[str | None] = []
        self.at: list[list[int] | None] = []
        self.chars = 0

    def add(self, start: Any, end: Any, sentence: Any) -> int:
        """The row of a sentence given by its text, its offsets, or both."""
        key = None
        if type(start) is int:
            key = str(start)
            i = self.by_start.get(key)
            if i is not None and (sentence is None or self.sentences[i] is not None):
                return i  # seen, nothing to add
        else:
            i = None
        s = text_value(sentence, MAX_SENTENCE) if sentence is not None else ""
        if i is None and s:
            i = self.by_text.get(s)
        if i is None:
            i = len(self.sentences)
            self.sentences.append(s or None)
            self.at.append(None)
            self.chars += len(s)
        elif s and self.sentences[i] is None:
            self.sentences[i] = s
            self.chars += len(s)
        if key is not None:
            self.by_start.setdefault(key, i)
            if self.at[i] is None:
                self.at[i] = [start, end if type(end) is int else start]
        if s:
            self.by_text.setdefault(s, i)
        return i

    def located(self, start: str, end: str, sentence: str | None = None) -> int:
        """The row of a sentence known by its offsets (digit strings) and, when the graph
        keeps it, its text (a graph built before texts were kept has none)."""
        i = self.by_start.get(start)
        if i is None:
            s = text_value(sentence, MAX_SENTENCE) if sentence else ""
            i = self.by_text.get(s) if s else None
            if i is not None:  # an example's sentence, given by its text only
                self.by_start[start] = i
                if self.at[i] is None:
                    self.at[i] = [int(start), int(end)]
                return i
            i = self.by_start[start] = len(self.sentences)
            self.sentences.append(s or None)
            self.at.append([int(start), int(end)])
            self.chars += len(s)
            if s:
                self.by_text[s] = i
        elif sentence and self.sentences[i] is None:
            s = text_value(sentence, MAX_SENTENCE)
            if s:
                self.sentences[i] = s
                self.chars += len(s)
        return i


_SPAN = re.compile(r"(\d+)-\d+@(\d+)-(\d+)")
_SENTENCE = re.compile(r"@(\d+)-(\d+)")


def mention_spans(value: Any) -> list[tuple[str, str, str]]:
    """``(start, sent_start, sent_end)`` (digits) of each mention in a ``spans`` string
    (``"start-end@sentStart-sentEnd …"``, see :mod:`kg.graph`), one C-level pass.

    >>> mention_spans("5-8@0-20 30-33@21-40 x")
    [('5', '0', '20'), ('30', '21', '40')]
    """
    return _SPAN.findall(value) if isinstance(value, str) else []


class DocText:
    """One document's piece of the text table: its sentences (each once) and their
    offsets, the row of each of its relation evidence items (``evidence``, in the order
    given) and each entity's rows (``ents``: its examples', then its mention spans'
    sentences, each once), and the piece's JSON (the list items, comma-joined, made
    :func:`inert_json`, UTF-8).

    >>> ents = {"gov/甲": [[(0, "甲与乙。")], "0-1@0-5 9-10@6-12"]}
    >>> t = DocText("d", [(0, 5, "甲与乙。")], ents, {})
    >>> t.sentences, t.at, t.evidence, t.ents
    (['甲与乙。', None], [[0, 5], [6, 12]], [0], {'gov/甲': [0, 1]})
    >>> t.json_sentences.decode(), t.json_at
    ('"甲与乙。",null', b'[0,5],[6,12]')
    """

    __slots__ = ("at", "chars", "ents", "evidence", "json_at", "json_sentences", "sentences")

    def __init__(
        self,
        doc: str,
        evidence: list[tuple[Any, Any, Any]],
        ents: Mapping[str, list[Any]],
        raw_sentences: Any,
    ) -> None:
        text = SentenceTable()
        by_start, sentences = text.by_start, text.sentences
        self.evidence = [text.add(s, e, sentence) for s, e, sentence in evidence]
        known = (
            {str(k): v for k, v in raw_sentences.items() if type(v) is str}
            if raw_sentences and isinstance(raw_sentences, Mapping)
            else {}
        )
        self.ents: dict[str, list[int]] = {}
        for key, (examples, sp) in ents.items():
            rows = []
            for start, sentence in examples:
                # the example's sentence offsets, from its mention's span
                st = str(start)
                sent = next((x for x in mention_spans(sp) if x[0] == st), None)
                if sent is None:
                    rows.append(text.add(None, None, sentence))
                else:
                    rows.append(text.add(int(sent[1]), int(sent[2]), sentence))
            if sp:
                # each sentence once (several mentions often share one), its text from the
                # document node; one already tabled with its text needs no more
                for ss, se in dict.fromkeys(_SENTENCE.findall(sp)):
                    i = by_start.get(ss)
                    if i is None or sentences[i] is None:
                        i = text.located(ss, se, known.get(ss))
                    rows.append(i)
            self.ents[key] = list(dict.fromkeys(rows)) if len(rows) > 1 else rows
        self.sentences, self.at, self.chars = text.sentences, text.at, text.chars
        self.json_sentences = inert_json_bytes(compact_json(text.sentences)[1:-1])
        self.json_at = compact_json(text.at)[1:-1].encode()

    def encode(self) -> bytes:
        """The piece as plain msgpack data, for a store shared by later builds (no pickle:
        :meth:`decode` reads what may be damaged or forged). The sentences and offsets
        are kept as their JSON only (mostly bytes to copy)."""
        return msgpack.packb(
            [PIECE_VERSION, self.evidence, self.ents, self.json_sentences, self.json_at],
            use_bin_type=True,
        )

    @classmethod
    def decode(cls, data: bytes | memoryview, inp: tuple[Any, Any, Any]) -> DocText | None:
        """The piece :meth:`encode` wrote, for the input ``inp`` it was made from (its
        shape is checked against it); None when the bytes are damaged, foreign or
        unsafe (JSON that could end the page's ``<script>`` element). The sentences and
        offsets are read from the JSON the page gets: the two cannot disagree.

        >>> t = DocText("d", [(0, 5, "甲与乙。")], {"k": [[], "0-1@0-5"]}, {})
        >>> u = DocText.decode(t.encode(), ([(0, 5, "甲与乙。")], {"k": 0}, None))
        >>> (u.sentences, u.at, u.evidence, u.ents, u.chars, u.json_sentences) == (
        ...     t.sentences, t.at, t.evidence, t.ents, t.chars, t.json_sentences)
        True
        >>> DocText.decode(t.encode(), ([], {"k": 0}, None)) is None  # another shape
        True
        """
        blk = cls.parse(data)
        return blk if blk is not None and blk.fits(inp) else None

    @classmethod
    def parse(cls, data: bytes | memoryview) -> DocText | None:
        """:meth:`decode` without its input: every check but the shape's (:meth:`fits`),
        for a piece read before its input is known (:meth:`TextPieces.prefetch`)."""
        try:
            rec = msgpack.unpackb(data, raw=False, strict_map_key=False, use_list=True)
            if not (type(rec) is list and len(rec) == 5 and rec[0] == PIECE_VERSION):
                return None
            _, evidence, ents, js, ja = rec
            # inert: nothing that could close or confuse the page's element (what
            # inert_json escapes); offsets: only digits, brackets, commas and null
            if type(js) is not bytes or any(c in js for c in _NOT_INERT):
                return None
            if type(ja) is not bytes or not _AT_JSON.fullmatch(ja):
                return None
            sentences = json.loads(b"[" + js + b"]")
            at = json.loads(b"[" + ja + b"]")
        except Exception:
            return None
        if not (
            type(evidence) is list
            and type(ents) is dict
            and len(at) == len(sentences)
            and _TEXT_OR_NONE.issuperset(map(type, sentences))
            and _LIST.issuperset(map(type, ents.values()))
        ):
            return None
        # rows: numbers of this piece's sentences (checked in one pass over all of them)
        rows = list(itertools.chain(evidence, itertools.chain.from_iterable(ents.values())))
        if rows and (
            not _INT.issuperset(map(type, rows)) or min(rows) < 0 or max(rows) >= len(sentences)
        ):
            return None
        chars = sum(map(len, filter(None, sentences)))
        blk = cls.__new__(cls)
        blk.sentences, blk.at, blk.evidence = sentences, at, evidence
        blk.ents, blk.chars = ents, chars
        blk.json_sentences, blk.json_at = js, ja
        return blk

    def fits(self, inp: tuple[Any, Any, Any]) -> bool:
        """Whether the piece has the shape of one made from ``inp`` (its evidence rows,
        its entities)."""
        return len(self.evidence) == len(inp[0]) and self.ents.keys() == inp[1].keys()


class TextPieces:
    """The documents' pieces of the text table (:class:`DocText`), kept between builds.

    ``memo``: kept between the builds of one process (``kg build --watch``): a document
    whose input (its evidence, its entities' examples and spans, its sentences) equals
    last build's keeps its piece. ``store`` and ``key``: a store of encoded pieces shared
    by the builds of any process (``get(key)``: bytes or None; the build's fragment
    store) and ``key(doc, inp)``, the store key of a document's piece for its input (a
    hash of what it is made from): a new process loads the pieces of unchanged documents
    instead of making them. ``built``/``reused``: pieces made/kept (from the memo or the
    store) by the last :func:`view_data`; ``keys``: the store keys of the pieces it used,
    ``records``: ``(key, bytes)`` of the pieces it made, for the caller to store.
    ``entities``: a dict kept between the builds of one process with ``memo``, where
    :func:`~kg.export.view.data.view_data` keeps each entity's record
    (:class:`~kg.export.view.entities.EntityRecord`: its rank-free rows, what it gave
    the pieces' inputs; taken again when its attributes did not change).
    A build that renders the view in a forked child takes the child's pieces back with
    :meth:`save` (in the child) and :meth:`adopt` (through an unnamed temporary file).

    >>> p = TextPieces({})
    >>> p.start(); a = p.piece("d", ([], {"k": [[], "0-1@0-5"]}, None)); p.commit()
    >>> p.start(); b = p.piece("d", ([], {"k": [[], "0-1@0-5"]}, None)); p.commit()
    >>> a is b, p.built, p.reused
    (True, 0, 1)
    >>> store = {}
    >>> p = TextPieces(store=store, key=lambda doc, inp: doc)
    >>> p.start(); _ = p.piece("d", ([], {"k": [[], "0-1@0-5"]}, None)); store.update(p.records)
    >>> q = TextPieces(store=store, key=lambda doc, inp: doc)
    >>> q.start(); _ = q.piece("d", ([], {"k": [[], "0-1@0-5"]}, None))
    >>> q.built, q.reused, q.keys, q.records
    (0, 1, {'d': 'd'}, [])
    """

    def __init__(
        self,
        memo: dict[str, Any] | None = None,
        *,
        store: Any = None,
        key: Callable[[str, tuple[Any, Any, Any]], str] | None = None,
        entities: dict[str, Any] | None = None,
    ) -> None:
        #: whether the pieces are kept for the next build of this process
        self.keeps = memo is not None
        #: each entity's record of last build, kept by
        #: :func:`~kg.export.view.data.view_data` between the builds of one process
        self.entities = entities
        self.memo: dict[str, Any] = memo if memo is not None else {}
        self.store = store if key is not None else None
        self.key = key
        self.made: dict[str, tuple[Any, DocText, str | None]] = {}
        self.used: list[str] = []
        self.keys: dict[str, str] = {}
        self.records: list[tuple[str, bytes]] = []
        self.built = self.reused = 0
        #: pieces read from the store before their inputs were known (:meth:`prefetch`)
        self.early: dict[str, DocText | None] = {}

    def prefetch(self, keys: Iterable[str]) -> None:
        """Read and parse the stored pieces of ``keys`` now (a rebuild: the keys the
        last build used, while a worker extracts the changed documents); :meth:`piece`
        takes one whose key comes up, after checking its shape.

        >>> store = {"k": DocText("d", [], {"e": [[], "0-1@0-5"]}, {}).encode()}
        >>> p = TextPieces(store=store, key=lambda doc, inp: "k")
        >>> p.prefetch(["k", "gone"]); sorted(p.early)
        ['k']
        >>> store.clear(); p.start(); _ = p.piece("d", ([], {"e": [[], "0-1@0-5"]}, None))
        >>> p.reused, p.built, p.early
        (1, 0, {})
        """
        if self.store is None:
            return
        for k in keys:
            data = self.store.get(k)
            if data is not None:
                self.early[k] = DocText.parse(data)

    def piece(self, doc: str, inp: tuple[Any, Any, Any]) -> DocText:
        """The piece of ``doc`` for its input ``(evidence, ents, sentences)``."""
        self.used.append(doc)
        last = self.memo.get(doc)
        if last is not None and last[0] == inp:
            self.reused += 1
            if last[2] is not None:
                self.keys[doc] = last[2]
            return last[1]
        key = blk = None
        if self.store is not None:
            key = self.keys[doc] = self.key(doc, inp)  # type: ignore[misc]
            if key in self.early:
                blk = self.early.pop(key)
                blk = blk if blk is not None and blk.fits(inp) else None
            else:
                data = self.store.get(key)
                if data is not None:
                    blk = DocText.decode(data, inp)
        if blk is not None:
            self.reused += 1
        else:
            self.built += 1
            blk = DocText(doc, *inp)
            if key is not None:
                self.records.append((key, blk.encode()))
        if self.keeps:
            self.made[doc] = (inp, blk, key)
        return blk

    def commit(self) -> None:
        """Keep the pieces of this build (and only those) for the next one."""
        if not self.keeps:
            return
        made, memo = self.made, self.memo
        kept = {d: made[d] if d in made else memo[d] for d in self.used}
        memo.clear()
        memo.update(kept)

    def start(self) -> None:
        """Start a build: nothing made or used yet."""
        self.made, self.used, self.keys, self.records = {}, [], {}, []
        self.built = self.reused = 0

    def save(self, f: Any) -> None:
        """Write what the last view made and used to the binary file ``f`` (for
        :meth:`adopt` in the process that forked this one)."""
        import pickle

        state = (self.used, self.made, self.built, self.reused, self.keys, self.records)
        pickle.dump(state, f, protocol=5)
        f.flush()

    def adopt(self, f: Any) -> bool:
        """Take what a forked child's view made and used from the binary file ``f`` (an
        unnamed temporary file the two share: no one else can write it); False when the
        child left nothing."""
        import pickle

        try:
            self.used, self.made, self.built, self.reused, self.keys, self.records = pickle.load(f)
        except (OSError, EOFError, pickle.UnpicklingError, ValueError):
            return False
        self.early = {}  # the child used them
        self.commit()
        return True


class TextTable(dict):  # type: ignore[type-arg]
    """The text table (``data["text"]``), with the JSON of its documents' pieces when it
    was assembled from them (``parts``: the sentences' and the offsets' items)."""

    parts: tuple[list[bytes], list[bytes]] | None = None


#: ``json.dumps(obj, ensure_ascii=False, separators=(",", ":"))`` without making an encoder
#: per call (a document piece is two small calls)
compact_json = json.JSONEncoder(
    ensure_ascii=False, separators=(",", ":"), check_circular=False
).encode


def int_list_json(values: list[int]) -> bytes:
    """The compact JSON of a list of ints, as :data:`compact_json` writes it (ints by
    their ``repr``): the list's own ``repr`` without its spaces, no encoder call per list.
    The view writes two such lists per entity (on the whole corpus 23,254 lists, 278,206
    ints: 0.044 → 0.026 CPU-s).

    >>> int_list_json([3, 0, 12, 1]), int_list_json([])
    (b'[3,0,12,1]', b'[]')
    >>> int_list_json([7, 2]) == compact_json([7, 2]).encode()
    True

    Anything whose ``repr`` is no JSON number (a bool, a float, numpy's ints) goes to the
    encoder (a look at the bytes, not at each value's type):

    >>> int_list_json([True, 3])
    b'[true,3]'
    """
    got = list.__repr__(values).replace(" ", "").encode()
    if got.translate(None, _INT_LIST_BYTES):  # (a value written otherwise than an int)
        return compact_json(values).encode()
    return got


#: The bytes of a list of ints' ``repr`` once its spaces are gone
_INT_LIST_BYTES = b"[],-0123456789"


#: What JSON carried in a ``<script type="application/json">`` element must not hold, and
#: its JSON escape: ``<``, ``>`` and ``&`` (no ``</script>`` or ``<!--`` can end or confuse
#: the element) and the JavaScript line separators. :func:`inert_json`,
#: :func:`inert_json_bytes` and :meth:`DocText.decode`'s check are made from it.
INERT_ESCAPES: dict[str, str] = {c: f"\\u{ord(c):04x}" for c in ("<", ">", "&", "\u2028", "\u2029")}
_INERT_BYTES = tuple((c.encode("utf-8"), e.encode()) for c, e in INERT_ESCAPES.items())
_NOT_INERT = tuple(c for c, _ in _INERT_BYTES)


def inert_json(text: str) -> str:
    """JSON text made safe for a ``<script type="application/json">`` element: the
    characters of :data:`INERT_ESCAPES` escaped.

    >>> print(inert_json('["</script>"]'))
    ["\\u003c/script\\u003e"]
    """
    # one str.replace per character (a search in C), not str.translate (a lookup per char)
    for c, esc in INERT_ESCAPES.items():
        text = text.replace(c, esc)
    return text


def inert_json_bytes(text: str) -> bytes:
    """``inert_json(text).encode("utf-8")``, the escapes made in the UTF-8 bytes (a byte
    search; a character is never part of another's UTF-8 form).

    >>> s = '["</script>&\\u2028"]'
    >>> inert_json_bytes(s) == inert_json(s).encode("utf-8")
    True
    """
    b = text.encode("utf-8")
    for c, esc in _INERT_BYTES:
        b = b.replace(c, esc)
    return b


def text_json(text: Mapping[str, Any]) -> bytes:
    """The text table as the page carries it: compact JSON made :func:`inert_json`, UTF-8;
    the documents' pieces are not encoded again.

    >>> t = TextTable(sentences=["<甲>。", None], at=[[0, 2], [3, 9]], n=[2], rules=[], ent=[],
    ...               edge=[])
    >>> t.parts = ([inert_json('"<甲>。"').encode(), b"null"], [b"[0,2]", b"[3,9]"])
    >>> text_json(t) == inert_json(compact_json(t)).encode()
    True
    """
    parts = text.parts if isinstance(text, TextTable) else None
    if parts is None:
        return inert_json_bytes(compact_json(text))
    ent = text["ent"]
    ent_parts = getattr(ent, "parts", None)  # each entity's rows' JSON (digits only)
    return b"".join(
        (b'{"sentences":[', b",".join(parts[0]), b'],"at":[', b",".join(parts[1]),
         b'],"n":', compact_json(text["n"]).encode(),
         b',"rules":', inert_json(compact_json(text["rules"])).encode("utf-8"),
         b',"ent":', (compact_json(ent).encode() if ent_parts is None
                      else b"[" + b",".join(ent_parts) + b"]"),
         b',"edge":', compact_json(text["edge"]).encode(),
         b"}")
    )  # fmt: skip
