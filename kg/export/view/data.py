"""The view's data: what the page draws, lists and reads, computed in Python from the graph.

One pass over the networkx graph (see :mod:`kg.graph` for the schema) gives

* every entity (ranked by PageRank over the relations, teleporting in proportion to mention
  counts), those with a relation *drawn* (the ``max_nodes`` most central of them), the others
  listed beside the drawing by type;
* the relations among the drawn entities, their communities (Louvain, networkx, fixed seed);
* the documents (title, date, issuer, counts) and the mention counts entity × document;
* "mentioned together": pairs of drawn entities named in the same sentence, from the
  mentions' sentences (a layer of the view only, never a relation of the graph);
* a *text table* (``text``), parsed by the page only when the panel needs it: every sentence
  once, each entity's mention sentences and each relation's evidence as index rows.

>>> import networkx as nx
>>> G = nx.MultiDiGraph()
>>> G.add_node("doc/d", kind="document", title="通知", date="2024-05-01")
>>> G.add_node("gov/a", kind="entity", type="Ministry", label="甲部", mentions=2,
...            examples=[{"doc": "d", "start": 0, "end": 2, "sentence": "甲部和乙委开会。"}])
>>> G.add_node("gov/b", kind="entity", type="GovernmentBody", label="乙委", mentions=1,
...            examples=[{"doc": "d", "start": 3, "end": 5, "sentence": "甲部和乙委开会。"}])
>>> G.add_node("gov/c", kind="entity", type="GovernmentBody", label="丙局", mentions=1)
>>> _ = G.add_edge("gov/a", "gov/b", key="partOf", kind="relation", predicate="partOf",
...                evidence=[{"doc": "d", "sent_start": 0, "sentence": "甲部和乙委开会。"}])
>>> data, stats = view_data(G)
>>> [(n["id"], n["drawn"]) for n in data["nodes"]]
[('gov/a', True), ('gov/b', True), ('gov/c', False)]
>>> stats["nodes_shown"], stats["isolated"], data["comention"], data["text"]["sentences"]
(2, 1, [[0, 1, 1]], ['甲部和乙委开会。'])
"""

from __future__ import annotations

import gc
import itertools
import json
import math
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from typing import Any

import msgpack
import networkx as nx

from kg.model import ENTITY_TYPES, PREDICATES

__all__ = [
    "PREDICATE_COLORS",
    "TYPE_COLORS",
    "DocText",
    "TextPieces",
    "TextTable",
    "inert_json",
    "inert_json_bytes",
    "text_json",
    "view_data",
]

#: Node colour per entity type (the legend shows the same swatches).
TYPE_COLORS: dict[str, str] = {
    "GovernmentBody": "#d62728",
    "Ministry": "#ff7f0e",
    "Organization": "#1f77b4",
    "Country": "#2ca02c",
    "Location": "#17becf",
    "Person": "#9467bd",
    "Law": "#8c564b",
    "Program": "#e377c2",
    "Event": "#bcbd22",
}
#: Colour of a type the ontology does not know, and of document boxes.
OTHER_COLOR = "#7f7f7f"
DOC_COLOR = "#b0b0b0"

#: Edge colour per predicate.
PREDICATE_COLORS: dict[str, str] = {
    "holdsPost": "#7b4fa6",
    "issued": "#8c564b",
    "implements": "#c2188b",
    "initiated": "#e65100",
    "participatesIn": "#1565c0",
    "hosted": "#827717",
    "cooperatesWith": "#2e7d32",
    "partOf": "#00838f",
}
_EXTRA_COLORS = ("#5d4037", "#455a64", "#ad1457", "#6a1b9a", "#283593", "#00695c", "#9e9d24")

#: A sentence longer than this is cut (with an ellipsis) in the page.
MAX_SENTENCE = 400
#: The characters of sentences a page may carry (about 3 bytes each in UTF-8): beyond it the
#: entities' mention sentences (not the relations' evidence) are cut evenly, and the page
#: says how many were left out.
MAX_TEXT_CHARS = 6_000_000
#: Above this many drawn nodes the page switches to the "big graph" settings.
BIG_GRAPH = 300
#: A sentence naming more entities than this adds no "mentioned together" pair (a list).
MAX_COMENTION_GROUP = 12
#: Relation-less entities are only listed; communities smaller than this get no hull.
MIN_COMMUNITY = 3
#: The Louvain seed: the same graph gives the same communities.
SEED = 42
#: Louvain runs over this many most central drawn entities (its time grows fast with the
#: graph); each other drawn entity joins the community of its best-ranked neighbour there.
MAX_COMMUNITY_NODES = 800

#: Bump when :meth:`DocText.encode`'s layout changes: stored pieces of another are ignored.
PIECE_VERSION = 2
#: A piece's offsets JSON: ``null`` or a pair of integers, comma-separated.
_AT_JSON = re.compile(rb"(?:(?:null|\[-?\d+,-?\d+\])(?:,(?:null|\[-?\d+,-?\d+\]))*)?")
_TEXT_OR_NONE = frozenset({str, type(None)})
_INT = frozenset({int})
_LIST = frozenset({list})

_QID = re.compile(r"Q\d+")
#: Up to this size ``int(float(n)) == n``.
_EXACT = 2**53


# --------------------------------------------------------------------------- values


def _text(value: Any, limit: int | None = None) -> str:
    s = value.strip() if type(value) is str else ("" if value is None else str(value).strip())
    if limit is not None and len(s) > limit:
        s = s[: limit - 1] + "…"
    return s


def _opt(value: Any) -> str | None:
    if value is None:
        return None
    return _text(value) or None


def _str_list(value: Any) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [value] if value.strip() else []
    try:
        return [s for s in map(_text, value) if s]
    except TypeError:
        return [_text(value)] if _text(value) else []


def _num(value: Any, default: float | None = None) -> float | None:
    try:
        f = float(value)
    except (TypeError, ValueError):
        return default
    return f if math.isfinite(f) else default


def _int(value: Any) -> int:
    if type(value) is int and -_EXACT <= value <= _EXACT:
        return value
    return int(_num(value, 0.0) or 0.0)


def _doc_id(value: Any) -> str:
    s = value.strip() if type(value) is str else _text(value)
    return s[4:] if s.startswith("doc/") else s


class _DocIds(dict):  # type: ignore[type-arg]
    """:func:`_doc_id` of each string once (a document's id is met once per mention)."""

    def __missing__(self, value: str) -> str:
        d = self[value] = _doc_id(value)
        return d


def _doc_id_of(ids: _DocIds, value: Any) -> str:
    return ids[value] if type(value) is str else _doc_id(value)


def _list(value: Any) -> list[Any]:
    if isinstance(value, list):
        return value
    return list(value) if isinstance(value, tuple) else []


def _palette(names: Iterable[str], known: Mapping[str, str]) -> dict[str, str]:
    out: dict[str, str] = {}
    extra = 0
    for name in names:
        if name in known:
            out[name] = known[name]
        else:
            out[name] = _EXTRA_COLORS[extra % len(_EXTRA_COLORS)]
            extra += 1
    return out


def _ordered(counts: Mapping[str, int], canonical: Iterable[str]) -> list[str]:
    canon = [c for c in canonical if c in counts]
    return canon + sorted(c for c in counts if c not in set(canon))


# --------------------------------------------------------------------------- graph measures


def centrality(
    entity_ids: list[str], pairs: Iterable[tuple[str, str]], mentions: Mapping[str, int]
) -> dict[str, float]:
    """``networkx.pagerank`` of the undirected relation graph (a pair repeated adds weight),
    teleporting in proportion to ``1 + mentions`` so that unrelated but frequent entities
    still rank; the teleport vector itself when the iteration does not converge.

    >>> pr = centrality(["a", "b", "c"], [("a", "b")], {"a": 0, "b": 0, "c": 0})
    >>> round(pr["a"], 6) == round(pr["b"], 6) and pr["a"] > pr["c"]
    True
    """
    H = nx.Graph()
    H.add_nodes_from(entity_ids)
    for u, v in pairs:
        if u == v:
            continue
        d = H.get_edge_data(u, v)
        if d is None:
            H.add_edge(u, v, weight=1.0)
        else:
            d["weight"] += 1.0
    pers = {n: 1.0 + max(0, mentions.get(n, 0)) for n in entity_ids}
    if not entity_ids:
        return {}
    try:
        return dict(nx.pagerank(H, personalization=pers, weight="weight"))
    except nx.PowerIterationFailedConvergence:
        total = sum(pers.values())
        return {n: p / total for n, p in pers.items()}


def communities(
    nodes: list[str], pairs: Iterable[tuple[str, str]], limit: int = MAX_COMMUNITY_NODES
) -> dict[str, int]:
    """Community number per node (Louvain over the undirected pairs among the first
    ``limit`` nodes, fixed seed; 0 is the largest community; a later node joins its first
    neighbour's community), -1 for a node in a community smaller than ``MIN_COMMUNITY``.

    >>> pairs = [("a", "b"), ("b", "c"), ("a", "c"), ("x", "y"), ("y", "z"), ("x", "z"), ("c", "x")]
    >>> c = communities(["a", "b", "c", "x", "y", "z"], pairs)
    >>> c["a"] == c["b"] == c["c"] != c["x"] == c["y"] == c["z"]
    True
    """
    order = {n: i for i, n in enumerate(nodes)}
    H = nx.Graph()
    H.add_nodes_from(nodes)
    H.add_edges_from((u, v) for u, v in pairs if u != v)
    first = set(nodes[:limit])
    core = nx.Graph()
    core.add_nodes_from(nodes[:limit])
    core.add_edges_from((u, v) for u, v in H.edges(nodes[:limit]) if v in first)  # list order
    if core.number_of_edges() == 0:
        return dict.fromkeys(nodes, -1)
    found = nx.community.louvain_communities(core, seed=SEED)
    out = dict.fromkeys(nodes, -1)
    for i, members in enumerate(found):
        for n in members:
            out[n] = i
    for n in nodes[limit:]:  # in rank order: a node may join through one placed before it
        best = min((order[m] for m in H[n] if out[m] >= 0), default=None)
        if best is not None:
            out[n] = out[nodes[best]]
    # Numbered largest first, ties by their best-ranked member (stable); small ones are -1.
    members: dict[int, list[str]] = defaultdict(list)
    for n in nodes:
        if out[n] >= 0:
            members[out[n]].append(n)
    ranked = sorted(members.values(), key=lambda m: (-len(m), order[m[0]]))
    out = dict.fromkeys(nodes, -1)
    for i, m in enumerate(r for r in ranked if len(r) >= MIN_COMMUNITY):
        for n in m:
            out[n] = i
    return out


def _out_edges(G: nx.MultiDiGraph) -> Iterable[tuple[Any, Mapping[Any, Mapping[Any, Any]]]]:
    """``(u, {v: {key: attrs}})`` in the order of ``G.edges(keys=True, data=True)``: a
    MultiDiGraph's own adjacency dicts (as :func:`kg.graph.build_graph` writes them; its
    read-only views cost a Python-level call per item: ~0.1 s over a corpus)."""
    if type(G) is nx.MultiDiGraph:
        return G._succ.items()
    if isinstance(G, nx.MultiDiGraph):
        return G.adj.items()
    return ((u, {v: {k: d}}) for u, v, k, d in G.edges(keys=True, data=True))


def _nodes(G: nx.MultiDiGraph) -> Iterable[tuple[Any, Mapping[str, Any]]]:
    """``(node, attrs)`` in the order of ``G.nodes(data=True)`` (own dict, as above)."""
    return G._node.items() if type(G) is nx.MultiDiGraph else G.nodes(data=True)


# --------------------------------------------------------------------------- text table


class _Text:
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
        s = _text(sentence, MAX_SENTENCE) if sentence is not None else ""
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
            s = _text(sentence, MAX_SENTENCE) if sentence else ""
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
            s = _text(sentence, MAX_SENTENCE)
            if s:
                self.sentences[i] = s
                self.chars += len(s)
        return i


_SPAN = re.compile(r"(\d+)-\d+@(\d+)-(\d+)")
_SENTENCE = re.compile(r"@(\d+)-(\d+)")


def _spans(value: Any) -> list[tuple[str, str, str]]:
    """``(start, sent_start, sent_end)`` (digits) of each mention in a ``spans`` string
    (``"start-end@sentStart-sentEnd …"``, see :mod:`kg.graph`), one C-level pass.

    >>> _spans("5-8@0-20 30-33@21-40 x")
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
        text = _Text()
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
                sent = next((x for x in _spans(sp) if x[0] == st), None)
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
        self.json_sentences = inert_json_bytes(_json(text.sentences)[1:-1])
        self.json_at = _json(text.at)[1:-1].encode()

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
        try:
            rec = msgpack.unpackb(data, raw=False, strict_map_key=False, use_list=True)
            if not (type(rec) is list and len(rec) == 5 and rec[0] == PIECE_VERSION):
                return None
            _, evidence, ents, js, ja = rec
            # inert: nothing that could close or confuse the page's element (inert_json's
            # escapes); offsets: only digits, brackets, commas and null
            if type(js) is not bytes or b"<" in js or b">" in js or b"&" in js:
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
            and len(evidence) == len(inp[0])
            and ents.keys() == inp[1].keys()
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
    ) -> None:
        #: whether the pieces are kept for the next build of this process
        self.keeps = memo is not None
        self.memo: dict[str, Any] = memo if memo is not None else {}
        self.store = store if key is not None else None
        self.key = key
        self.made: dict[str, tuple[Any, DocText, str | None]] = {}
        self.used: list[str] = []
        self.keys: dict[str, str] = {}
        self.records: list[tuple[str, bytes]] = []
        self.built = self.reused = 0

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
        self.commit()
        return True


class TextTable(dict):  # type: ignore[type-arg]
    """The text table (``data["text"]``), with the JSON of its documents' pieces when it
    was assembled from them (``parts``: the sentences' and the offsets' items)."""

    parts: tuple[list[bytes], list[bytes]] | None = None


#: ``json.dumps(obj, ensure_ascii=False, separators=(",", ":"))`` without making an encoder
#: per call (a document piece is two small calls)
_json = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), check_circular=False).encode


def inert_json(text: str) -> str:
    """JSON text made safe for a ``<script type="application/json">`` element: ``<`` (and
    ``>``, ``&``, the JavaScript line separators) escaped, so that no ``</script>`` or
    ``<!--`` in the data can end or confuse the element.

    >>> print(inert_json('["</script>"]'))
    ["\\u003c/script\\u003e"]
    """
    return (
        text.replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("&", "\\u0026")
        .replace("\u2028", "\\u2028")
        .replace("\u2029", "\\u2029")
    )


_INERT_BYTES = tuple(
    (c.encode("utf-8"), f"\\u{ord(c):04x}".encode()) for c in ("<", ">", "&", "\u2028", "\u2029")
)


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

    >>> t = TextTable(sentences=["<甲>。", None], at=[[0, 2], [3, 9]], rules=[], ent=[], edge=[])
    >>> t.parts = ([inert_json('"<甲>。"').encode(), b"null"], [b"[0,2]", b"[3,9]"])
    >>> text_json(t) == inert_json(_json(t)).encode()
    True
    """
    parts = text.parts if isinstance(text, TextTable) else None
    if parts is None:
        return inert_json_bytes(_json(text))
    return b"".join(
        (b'{"sentences":[', b",".join(parts[0]), b'],"at":[', b",".join(parts[1]),
         b'],"rules":', inert_json(_json(text["rules"])).encode("utf-8"),
         b',"ent":', _json(text["ent"]).encode(), b',"edge":', _json(text["edge"]).encode(),
         b"}")
    )  # fmt: skip


# --------------------------------------------------------------------------- view data


def view_data(
    G: nx.MultiDiGraph,
    *,
    max_nodes: int | None = 1500,
    title: str = "kg",
    max_text_chars: int = MAX_TEXT_CHARS,
    pieces: TextPieces | None = None,
) -> tuple[dict[str, Any], dict[str, Any]]:
    """The page's JSON payload and the stats. ``pieces``: the documents' pieces of the
    text table kept from the last build (:class:`TextPieces`); those of unchanged
    documents are reused, not computed again.

    Returns ``(data, stats)``; ``stats`` has ``nodes_total`` (entities), ``nodes_shown``
    (drawn: entities with a relation, at most ``max_nodes``), ``isolated`` (entities without
    a relation, listed beside the drawing), ``edges_total``, ``edges_shown``,
    ``nodes_omitted`` (related entities not drawn), ``edges_omitted``, ``documents``,
    ``sentences``, ``sentences_omitted``, ``rule`` and ``omitted`` (the note shown on the page,
    or None when every related entity is drawn).
    """
    if max_nodes is not None and max_nodes < 1:
        raise ValueError(f"max_nodes must be at least 1 (or None for no limit), not {max_nodes}")
    # Many small containers and no cycles: the collector's passes over the (large) graph
    # would take more time than the work itself.
    enabled = gc.isenabled()
    gc.disable()
    try:
        return _view_data(G, max_nodes, title, max_text_chars, pieces)
    finally:
        if enabled:
            gc.enable()


def _view_data(
    G: nx.MultiDiGraph,
    max_nodes: int | None,
    title: str,
    max_text_chars: int,
    pieces: TextPieces | None,
) -> tuple[dict[str, Any], dict[str, Any]]:
    ids = _DocIds()
    # ---- nodes
    ent_attrs: dict[str, Mapping[str, Any]] = {}
    doc_attrs: dict[str, Mapping[str, Any]] = {}
    node_key: dict[Any, str] = {}
    doc_of: dict[Any, str] = {}
    mentions: dict[str, int] = {}
    for node, attrs in _nodes(G):
        key = node if type(node) is str else str(node)
        node_key[node] = key
        kind = attrs.get("kind")
        if kind == "document" if kind is not None else key.startswith("doc/"):
            doc_of[node] = d = _doc_id(key)
            doc_attrs[d] = attrs
        else:
            ent_attrs[key] = attrs
            mentions[key] = _int(attrs.get("mentions"))

    # ---- edges: relations between entities, mentions of documents
    relations: list[tuple[str, str, Any, Mapping[str, Any]]] = []
    mention_edges: list[tuple[str, str, Any]] = []
    for u, nbrs in _out_edges(G):
        su = node_key[u]
        if su not in ent_attrs:
            continue
        for v, keyed in nbrs.items():
            sv = node_key[v]
            for k, attrs in keyed.items():
                kind = attrs.get("kind")
                if sv in ent_attrs:
                    if kind == "relation" or (kind is None and k != "mentionedIn"):
                        relations.append((su, sv, k, attrs))
                elif kind == "mention" or (kind is None and k == "mentionedIn"):
                    d = doc_of.get(v)
                    d = d if d is not None else _doc_id(sv)
                    mention_edges.append((su, d, attrs.get("count", 1)))

    entity_ids = list(ent_attrs)
    pairs = [(u, v) for u, v, _, _ in relations if u != v]
    pr = centrality(entity_ids, pairs, mentions)
    degree: dict[str, int] = defaultdict(int)
    for u, v in pairs:
        degree[u] += 1
        degree[v] += 1

    # By (-PageRank, -mentions, key): three stable sorts.
    ranked = sorted(entity_ids)
    ranked.sort(key=mentions.__getitem__, reverse=True)
    ranked.sort(key=pr.__getitem__, reverse=True)
    related = [n for n in ranked if degree.get(n)]
    limit = len(related) if max_nodes is None else min(max_nodes, len(related))
    drawn_list = related[:limit]
    drawn = set(drawn_list)
    rule = "PageRank over the relations, weighted by mention counts"
    position = {n: i for i, n in enumerate(ranked)}

    # ---- documents (index by first use: relations, then mentions, then the rest)
    doc_index: dict[str, int] = {}

    def doc_i(d: str) -> int:
        i = doc_index.get(d)
        if i is None:
            i = doc_index[d] = len(doc_index)
        return i

    rule_index: dict[str, int] = {}
    # every relation's evidence by document (drawn or not: a document's piece of the text
    # table must not depend on what is drawn); ``ev_at``: an evidence dict's place there
    ev_items: dict[str, list[tuple[Any, Any, Any]]] = defaultdict(list)
    ev_at: dict[int, int] = {}
    for _, _, _, attrs in relations:
        for ev in _list(attrs.get("evidence")):
            if type(ev) is dict or isinstance(ev, Mapping):
                items = ev_items[_doc_id_of(ids, ev.get("doc"))]
                ev_at[id(ev)] = len(items)
                items.append((ev.get("sent_start"), ev.get("sent_end"), ev.get("sentence")))

    # ---- relations among drawn nodes
    shown_rel = [r for r in relations if r[0] in drawn and r[1] in drawn]
    edges: list[dict[str, Any]] = []
    edge_text: list[list[list[Any]]] = []
    pred_counts: dict[str, int] = defaultdict(int)
    pair_groups: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
    doc_rels: dict[int, int] = defaultdict(int)
    for i, (u, v, k, attrs) in enumerate(shown_rel):
        predicate = _text(attrs.get("predicate") or k) or "related"
        pred_counts[predicate] += 1
        raw_ev = _list(attrs.get("evidence"))
        rows: list[list[Any]] = []
        edocs: set[int] = set()
        for ev in raw_ev:
            if not (type(ev) is dict or isinstance(ev, Mapping)):
                continue
            d = _doc_id_of(ids, ev.get("doc"))
            di = doc_i(d) if d else -1
            if di >= 0:
                edocs.add(di)
            r = _opt(ev.get("rule"))
            ri = -1 if r is None else rule_index.setdefault(r, len(rule_index))
            conf = _num(ev.get("confidence"))
            flags = (ev.get("modality") == "planned") | (2 * bool(ev.get("implicit")))
            rows.append(
                [di, (d, ev_at[id(ev)]), ri, None if conf is None else round(conf, 3), flags]
            )  # the sentence: filled in from the document's piece below
        for di in edocs:
            doc_rels[di] += 1
        edge = {
            "id": f"e{i}",
            "from": u,
            "to": v,
            "predicate": predicate,
            "post": _opt(attrs.get("post")),
            "confidence": _num(attrs.get("confidence")),
            "modality": _opt(attrs.get("modality")),
            "implicit": bool(attrs.get("implicit")),
            "n": len(rows),
            "docs": sorted(edocs),
        }
        edges.append(edge)
        edge_text.append(rows)
        pair_groups[(u, v) if u <= v else (v, u)].append(edge)

    # Parallel edges (several predicates between the same two nodes) curve apart.
    for (a, _b), group in pair_groups.items():
        m = len(group)
        if m < 2:
            continue
        for j, edge in enumerate(group):
            offset = j - (m - 1) / 2
            if offset == 0:
                continue
            cw = (offset > 0) == (edge["from"] == a)
            edge["smooth"] = {
                "enabled": True,
                "type": "curvedCW" if cw else "curvedCCW",
                "roundness": round(min(0.9, 0.35 * abs(offset)), 3),
            }

    # ---- mention counts entity × document
    mention_rows: list[list[int]] = []
    doc_ents: dict[int, int] = defaultdict(int)
    for su, d, c in mention_edges:
        di = doc_i(d)
        doc_ents[di] += 1
        n = c if type(c) is int and 0 < c < _EXACT else _int(c) or 1
        mention_rows.append([position[su], di, n])
    mention_rows.sort()

    # the entities' examples and mention spans by document (keys in sorted order), and
    # the documents of each entity in the order its rows list them
    ent_items: dict[str, dict[str, list[Any]]] = defaultdict(dict)
    ent_docs: dict[str, list[str]] = {}
    for n in sorted(ent_attrs):
        a = ent_attrs[n]
        names = []
        for ex in _list(a.get("examples")):
            if type(ex) is dict or isinstance(ex, Mapping):
                d = _doc_id_of(ids, ex.get("doc"))
                if d:
                    names.append(d)
                    items = ent_items[d]
                    got = items.get(n)
                    if got is None:
                        got = items[n] = [[], None]
                    got[0].append((ex.get("start"), ex.get("sentence")))
        spans = a.get("spans")
        if spans and (type(spans) is dict or isinstance(spans, Mapping)):
            for d, sp in spans.items():
                if type(sp) is str or isinstance(sp, str):
                    d = ids[d] if type(d) is str else _doc_id(d)
                    names.append(d)
                    items = ent_items[d]
                    got = items.get(n)
                    if got is None:
                        items[n] = [[], sp]
                    else:
                        got[1] = sp
        ent_docs[n] = list(dict.fromkeys(names)) if len(names) > 1 else names
    for n in ranked:  # documents numbered in the order the rows name them
        for d in ent_docs[n]:
            doc_i(d)
    for d in list(doc_attrs):
        doc_i(d)  # documents without a mention are tabled too

    # ---- the text table: one piece per document (its sentences, where each evidence and
    # each entity's rows are in it), the same for the same document whatever else changed
    made = pieces if pieces is not None else TextPieces()
    made.start()
    blocks: dict[str, DocText] = {}
    for d in dict.fromkeys([*ev_items, *ent_items]):
        raw = doc_attrs[d].get("sentences") if d in doc_attrs else None
        blocks[d] = made.piece(d, (ev_items.get(d, []), ent_items.get(d, {}), raw))
    made.commit()
    order = sorted(doc_index, key=doc_index.__getitem__)
    order += sorted(d for d in blocks if d not in doc_index)
    base: dict[str, int] = {}
    text = _Text()
    parts: tuple[list[bytes], list[bytes]] | None = ([], [])
    for d in order:
        blk = blocks.get(d)
        if blk is not None and blk.sentences:
            base[d] = len(text.sentences)
            text.sentences += blk.sentences
            text.at += blk.at
            text.chars += blk.chars
            parts[0].append(blk.json_sentences)
            parts[1].append(blk.json_at)
    for rows in edge_text:
        for r in rows:
            d, j = r[1]
            r[1] = base[d] + blocks[d].evidence[j]

    # ---- mention sentences: every mention span's sentence (text from the document node's
    # ``sentences``, else the kept examples and the relations' evidence), the examples, the
    # evidence of the entity's drawn relations
    ent_evidence: dict[str, list[list[Any]]] = defaultdict(list)
    for (u, v, _, _), rows in zip(shown_rel, edge_text, strict=True):
        ent_evidence[u] += rows
        if v != u:
            ent_evidence[v] += rows
    ent_rows: list[list[int]] = []
    by_sentence: dict[int, list[int]] = defaultdict(list)
    for i, n in enumerate(ranked):
        flat: list[int] = []
        for d in ent_docs[n]:
            rows = blocks[d].ents.get(n)
            if rows:
                di, b = doc_index[d], base[d]
                for li in rows:
                    flat += (di, b + li)
        ev = ent_evidence.get(n)
        if ev:
            seen = set(flat[1::2])
            for r in ev:
                if r[0] >= 0 and r[1] not in seen:
                    seen.add(r[1])
                    flat += (r[0], r[1])
        if n in drawn:
            for si in flat[1::2]:
                by_sentence[si].append(i)
        ent_rows.append(flat)

    # Over the budget: cut each entity's mention sentences to the same number, the largest
    # that fits (relation evidence is kept whole).
    sentences_omitted = 0
    if text.chars > max_text_chars:
        ent_rows, text, edge_text, sentences_omitted = _cut_text(
            ent_rows, text, edge_text, max_text_chars
        )
        parts = None

    comention: dict[tuple[int, int], int] = defaultdict(int)
    for group in by_sentence.values():
        if 1 < len(group) <= MAX_COMENTION_GROUP:
            for a in range(len(group)):
                for b in range(a + 1, len(group)):
                    x, y = group[a], group[b]
                    comention[(x, y) if x < y else (y, x)] += 1
    comention_rows = [[x, y, w] for (x, y), w in sorted(comention.items())]

    # ---- communities of the drawn graph
    community = communities(drawn_list, ((u, v) for u, v, _, _ in shown_rel))

    # ---- nodes: every entity, ranked
    max_pr = max((pr.get(n, 0.0) for n in drawn), default=0.0) or 1.0
    type_counts: dict[str, int] = defaultdict(int)
    nodes: list[dict[str, Any]] = []
    for n in ranked:
        a = ent_attrs[n]
        type_ = _text(a.get("type")) or "Other"
        type_counts[type_] += 1
        docs = a.get("docs")
        wikidata = _opt(a.get("wikidata"))
        node = {
            "id": n,
            "label": _text(a.get("label")) or n,
            "type": type_,
            "aliases": _str_list(a.get("aliases")),
            "wikidata": wikidata if wikidata and _QID.fullmatch(wikidata) else None,
            "iso": _opt(a.get("iso")),
            "en": _opt(a.get("en")),
            "category": _opt(a.get("category")),
            "mentions": mentions[n],
            "ndocs": len(docs) if isinstance(docs, Mapping | list | tuple | set) else 0,
            "degree": degree.get(n, 0),
            "pr": round(pr.get(n, 0.0), 6),
            "drawn": n in drawn,
        }
        if n in drawn:
            node["value"] = round(math.sqrt(pr.get(n, 0.0) / max_pr), 4)
            node["c"] = community[n]
        nodes.append(node)

    docs_out: list[dict[str, Any]] = []
    for d, i in sorted(doc_index.items(), key=lambda x: x[1]):
        a = doc_attrs.get(d, {})
        docs_out.append(
            {
                "id": d,
                "title": _text(a.get("title") or a.get("label")) or d,
                "date": _opt(a.get("date") or a.get("issued") or a.get("created")),
                "url": _opt(a.get("url")),
                "publisher": _opt(a.get("publisher")),
                "issuer": _opt(a.get("issuer")),
                "number": _opt(a.get("number")),
                "node": d in doc_attrs,
                "ents": doc_ents.get(i, 0),
                "rels": doc_rels.get(i, 0),
            }
        )

    nodes_total, edges_total = len(entity_ids), len(relations)
    nodes_omitted = len(related) - len(drawn_list)
    edges_omitted = edges_total - len(edges)
    note = None
    if nodes_omitted:
        note = (
            f"Drawing the {len(drawn_list):,} most central of {len(related):,} related entities "
            f"(ranked by {rule}) and the {len(edges):,} relations among them; "
            f"{nodes_omitted:,} entities and {edges_omitted:,} relations left out of the drawing "
            "(listed and searchable)."
        )
    if sentences_omitted:
        note = (note + " " if note else "") + (
            f"{sentences_omitted:,} mention sentences left out to keep the page small."
        )
    stats = {
        "nodes_total": nodes_total,
        "nodes_shown": len(drawn_list),
        "isolated": nodes_total - len(related),
        "edges_total": edges_total,
        "edges_shown": len(edges),
        "nodes_omitted": nodes_omitted,
        "edges_omitted": edges_omitted,
        "documents": len(doc_attrs),
        "sentences": len(text.sentences),
        "sentences_omitted": sentences_omitted,
        "rule": rule,
        "omitted": note,
    }
    type_order = _ordered(type_counts, ENTITY_TYPES)
    type_colors = _palette(type_order, TYPE_COLORS)
    pred_order = _ordered(pred_counts, PREDICATES)
    pred_colors = _palette(pred_order, PREDICATE_COLORS)
    data = {
        "meta": {**stats, "title": title, "big": len(drawn_list) > BIG_GRAPH},
        "types": [
            {"name": t, "color": type_colors[t], "count": type_counts[t]} for t in type_order
        ],
        "predicates": [
            {"name": p, "color": pred_colors[p], "count": pred_counts[p]} for p in pred_order
        ],
        "docColor": DOC_COLOR,
        "otherColor": OTHER_COLOR,
        "nodes": nodes,
        "edges": edges,
        "docs": docs_out,
        "mentions": mention_rows,
        "comention": comention_rows,
        "text": TextTable(
            sentences=text.sentences,
            at=text.at,
            rules=list(rule_index),
            ent=ent_rows,
            edge=edge_text,
        ),
    }
    data["text"].parts = parts
    return data, stats


def _cut_text(
    ent_rows: list[list[int]], text: _Text, edge_text: list[list[list[Any]]], budget: int
) -> tuple[list[list[int]], _Text, list[list[list[Any]]], int]:
    """The entities' mention sentences cut to the largest common number per entity that
    keeps the sentences within ``budget`` characters; sentences renumbered."""
    sent = text.sentences
    size = [len(x) if x else 0 for x in sent]
    evidence = {r[1] for rows in edge_text for r in rows}

    def chars(cap: int) -> int:
        used = set(evidence)
        for flat in ent_rows:
            used.update(flat[1 : 2 * cap : 2])
        return sum(size[i] for i in used)

    lo, hi = 0, max((len(f) // 2 for f in ent_rows), default=0)
    while lo < hi:  # the largest cap with chars(cap) <= budget
        mid = (lo + hi + 1) // 2
        if chars(mid) <= budget:
            lo = mid
        else:
            hi = mid - 1
    omitted = sum(max(0, len(f) // 2 - lo) for f in ent_rows)
    new = _Text()
    renum: dict[int, int] = {}

    def re_i(i: int) -> int:
        j = renum.get(i)
        if j is None:
            j = renum[i] = len(new.sentences)
            new.sentences.append(sent[i])
            new.at.append(text.at[i])
            new.chars += size[i]
        return j

    edges = [[[r[0], re_i(r[1]), *r[2:]] for r in rows] for rows in edge_text]
    rows_out = []
    for flat in ent_rows:
        kept = flat[: 2 * lo]
        rows_out.append([x if k % 2 == 0 else re_i(x) for k, x in enumerate(kept)])
    return rows_out, new, edges, omitted
