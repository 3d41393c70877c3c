"""A build's Turtle and N-Triples, straight from the resolution, per document, cached.

:mod:`kg.export.rdf` walks a networkx graph: right for any graph, but its statements are
grouped and rendered again, whole, when one document changes. For ``kg build`` (of any
size) this module writes the same statements (:mod:`kg.export.statements`: one function
per family for both) from the inputs of :mod:`kg.export.fragments`, rendered by the same
writer (:class:`kg.export.turtle.Turtle`), in three parts:

- a header: the ``@prefix`` lines (Turtle) and the entity blocks, by chunks of
  :data:`ENTITY_CHUNK` rows;
- one **fragment per document** (the document node and everything evidenced in it), a
  pure function of its input tuple: cached in a :class:`~kg.runtime.store.PackStore`
  under the hash of that tuple, so an incremental build renders only the documents whose
  part changed and copies the rest;
- a footer: the relation triples themselves, ``org:Post`` nodes and extraction rules.

The fragments missing from the store are rendered (:func:`render_parts`, by
:mod:`kg.export.turtle`) in the build's worker processes while the build writes the HTML
view; every file is written atomically.

>>> import tempfile
>>> from kg.model import Document
>>> from kg.nlp import extract
>>> from kg.resolve import resolve
>>> res = resolve([extract(Document("d", "工信部总经济师周明远表示。"))])
>>> with tempfile.TemporaryDirectory() as tmp:
...     text = write_fast(res, f"{tmp}/graph.nt", "nt").read_text(encoding="utf-8")
>>> "<http://kg.example.org/ontology#holdsPost>" in text
True
"""

from __future__ import annotations

import hashlib
import os
import pickle
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any

from kg.export.fragments import (
    FragmentTerms,
    Plan,
    document_blocks,
    entity_blocks,
    entity_rows,
    footer_blocks,
    footer_input,
)
from kg.export.statements import Block
from kg.export.turtle import Turtle, render_nt
from kg.fingerprint import canonical as _canonical
from kg.fingerprint import module_version
from kg.io import atomic_write
from kg.iri import DEFAULT_BASE

__all__ = ["FORMATS", "render_parts", "start_fast", "write_fast"]

#: Formats this module writes.
FORMATS = ("ttl", "nt")

#: The modules that decide the statements and their text (their hash is part of a
#: fragment's key).
STATEMENT_MODULES = (
    "export/fast.py",
    "export/fragments.py",
    "export/statements.py",
    "export/turtle.py",
    "export/terms.py",
    "export/documents.py",
    "export/grouping.py",
    "iri.py",
    "vocab.py",
    "resolve/merge.py",
)


# --------------------------------------------------------------------------- writing


ENTITY_CHUNK = 64


def _pack_fragment(text: bytes, rules: set[str]) -> bytes:
    head = [len(rules).to_bytes(4, "little")]
    for r in sorted(rules):
        b = r.encode("utf-8")
        head.append(len(b).to_bytes(2, "little") + b)
    return b"".join(head) + text


def _unpack_fragment(data: bytes | memoryview, rules: set[str]) -> bytes | memoryview:
    nrules = int.from_bytes(data[:4], "little")
    pos = 4
    for _ in range(nrules):
        ln = int.from_bytes(data[pos : pos + 2], "little")
        rules.add(bytes(data[pos + 2 : pos + 2 + ln]).decode("utf-8"))
        pos += 2 + ln
    return data[pos:]


class _Renderer:
    """Fragments of one format: renders a part (``E``: a chunk of entity rows, ``D``: a
    document input) to bytes and the extraction rules it uses."""

    def __init__(self, fmt: str, base: str) -> None:
        self.ttl = Turtle(base) if fmt == "ttl" else None
        self.terms = FragmentTerms(
            base, self.ttl.minted_prefixes() if self.ttl is not None else None
        )

    def text(self, blocks: Iterable[Block]) -> str:
        return self.ttl.render(blocks) if self.ttl is not None else render_nt(blocks)

    def part(self, kind: bytes, inp: Any) -> tuple[bytes, set[str]]:
        rules: set[str] = set()
        if kind == b"E":
            text = self.text(entity_blocks(inp, self.terms))
        else:
            text = self.text(document_blocks(inp, self.terms, rules))
        return text.encode("utf-8"), rules


def render_parts(
    fmt: str, base: str, parts: list[tuple[bytes, Any]]
) -> list[tuple[bytes, set[str]]]:
    """Render fragments (runs in a worker process for :func:`start_fast`). An input may
    come as its :func:`~kg.fingerprint.canonical` bytes: the build made them for the
    store key, and sending them as they are costs it no second pickling."""
    r = _Renderer(fmt, base)
    return [r.part(b"D" if kind == _SPLIT else kind, _input(kind, inp)) for kind, inp in parts]


#: The kind of a document part sent as ``(canonical bytes of its input but the last item,
#: the last item)``: its store key hashes the document's result key instead of that item
#: (the document's sentences, most of its bytes), see :func:`start_fast`.
_SPLIT = b"d"


def _sent(kind: bytes, inp: Any, blob: Any) -> tuple[bytes, Any]:
    """A part as sent to :func:`render_parts`: its input, or the bytes made for its key."""
    if blob is None:
        return kind, inp
    return (_SPLIT, blob) if type(blob) is tuple else (kind, blob)


def _input(kind: bytes, inp: Any) -> Any:
    if kind == _SPLIT:
        head, last = inp
        return (*pickle.loads(head), last)
    return pickle.loads(inp) if isinstance(inp, bytes) else inp


#: The memo's entry of the footer, ``(its input, its bytes)`` (a part's is a tuple).
_FOOTER = "footer"

#: Fragments to render per task sent to a worker process.
RENDER_TASK_PARTS = 400


def start_fast(
    res: Any,
    path: str | os.PathLike[str],
    fmt: str = "ttl",
    *,
    base_iri: str = DEFAULT_BASE,
    store: Any = None,
    stats: dict[str, int] | None = None,
    executor: Any = None,
    memo: dict[Any, Any] | None = None,
    release: Callable[[Any], object] | None = None,
    doc_keys: Mapping[str, str] | None = None,
) -> Callable[[], Path]:
    """Start :func:`write_fast`; returns the function that finishes it.

    With ``executor`` (anything with ``submit``: the build's worker processes) the
    fragments missing from ``store`` are rendered there, while the caller does something
    else (the HTML view) until it calls the returned function. ``memo``: a dict a
    long-lived process (``kg build --watch``) keeps between builds of one format and base:
    a part whose input equals last build's reuses its key and bytes without hashing it
    (the inputs of unchanged documents are mostly the very same objects: cheap to compare).
    ``release(obj)``: takes what the memo no longer holds, to be freed later (freeing it
    here would cost the build ~0.02 s on a corpus). ``doc_keys``: document id → its
    result key (:attr:`kg.runtime.manifest.OutputsKey.doc_keys`): a document's fragment
    is then keyed by that key instead of the bytes of its sentences (the largest part of
    its input, a function of the key).
    """
    if fmt not in FORMATS:
        raise ValueError(f"fast export writes {', '.join(FORMATS)}, not {fmt!r}")
    base = base_iri or DEFAULT_BASE
    plan = Plan(
        res,
        base,
        memo.get("sentences", {}) if memo is not None else None,
        memo.get("plan", {}) if memo is not None else None,
    )
    doc_keys = doc_keys or {}
    version = f"{module_version(*STATEMENT_MODULES)}|{fmt}|{base}".encode()
    counts = {"fragments_cached": 0, "fragments_built": 0, "document_fragments_cached": 0,
              "document_fragments_built": 0}
    # every part of the file, in order: (kind, input, store key, cached bytes or None,
    # its identity for ``memo``)
    parts: list[tuple[bytes, Any, str | None, Any, Any]] = []
    rows_kept = memo.get("rows", {}) if memo is not None else None
    rows = entity_rows(res, rows_kept)
    todo: list[int] = []
    if memo is not None and memo.get("version") != version:
        memo.clear()
        memo["version"] = version
    seen: dict[Any, tuple[Any, str | None, Any]] = {}

    blobs: dict[int, bytes] = {}  # part → its canonical bytes, sent to a worker as they are

    def add(kind: bytes, inp: Any, ident: Any, result_key: str | None = None) -> None:
        key = data = blob = None
        last = memo.get(ident) if memo is not None else None
        if last is not None and last[0] == inp:
            key, data = last[1], last[2]
            if store is not None and key is not None:
                store.touch(key)
        elif store is not None:
            if result_key is not None:
                # The input's last item (the document's sentences, res.sentences[doc]: the
                # extraction result's own, a function of its result key) is hashed by
                # that key; the rest as it is.
                head = _canonical(inp[:-1])
                h = hashlib.blake2b(version + _SPLIT + head, digest_size=20)
                h.update(b"|" + result_key.encode())
                key = h.hexdigest()
                blob = (head, inp[-1])
            else:
                blob = _canonical(inp)
                key = hashlib.blake2b(version + kind + blob, digest_size=20).hexdigest()
            data = store.get(key)
        if data is None:
            if blob is not None:
                blobs[len(parts)] = blob
            todo.append(len(parts))
        elif memo is not None:
            seen[ident] = (inp, key, data)
        parts.append((kind, inp, key, data, ident))

    futures: list[tuple[list[int], Any]] = []

    def submit() -> None:  # the parts to render so far, to the workers
        nonlocal todo
        sent = [_sent(parts[j][0], parts[j][1], blobs.pop(j, None)) for j in todo]
        futures.append((todo, executor.submit(render_parts, fmt, base, sent)))
        todo = []

    # Each full task is sent as soon as its parts are known: the workers render while
    # the rest is planned (the chunks are those of one split of the whole list).
    for i in range(0, len(rows), ENTITY_CHUNK):
        add(b"E", rows[i : i + ENTITY_CHUNK], ("E", i))
        if executor is not None and len(todo) == RENDER_TASK_PARTS:
            submit()
    for doc_id in res.documents:
        add(b"D", plan.doc_input(doc_id), ("D", doc_id), doc_keys.get(doc_id))
        if executor is not None and len(todo) == RENDER_TASK_PARTS:
            submit()
    if todo and (futures or (executor is not None and len(todo) > RENDER_TASK_PARTS // 4)):
        submit()
    blobs.clear()

    def finish() -> Path:
        rendered: dict[int, tuple[bytes, set[str]]] = {}
        renderer = _Renderer(fmt, base)
        for j in todo:
            rendered[j] = renderer.part(parts[j][0], parts[j][1])
        # the workers' tasks in part order: a task's fragments are written while the
        # workers render the next ones (the tail left after the last one is short)
        tasks = iter(futures)

        def fragment(j: int) -> tuple[bytes, set[str]]:
            while j not in rendered:
                chunk, fut = next(tasks)
                rendered.update(zip(chunk, fut.result(), strict=True))
            return rendered.pop(j)
        rules: set[str] = set()
        out = Path(path)
        with atomic_write(out, "wb") as f:
            if renderer.ttl is not None:
                f.write(renderer.ttl.header().encode("utf-8"))
            for j, (kind, inp, key, data, ident) in enumerate(parts):
                if data is not None:
                    counts["fragments_cached"] += 1
                    if kind == b"D":
                        counts["document_fragments_cached"] += 1
                    f.write(_unpack_fragment(memoryview(data), rules))
                    continue
                text, frag_rules = fragment(j)
                counts["fragments_built"] += 1
                if kind == b"D":
                    counts["document_fragments_built"] += 1
                rules |= frag_rules
                f.write(text)
                packed = None
                if key is not None:
                    packed = _pack_fragment(text, frag_rules)
                    store.put(key, packed)
                if memo is not None:
                    seen[ident] = (inp, key, packed or _pack_fragment(text, frag_rules))
            # the footer: last build's bytes when its input is the same (``memo``)
            now = footer_input(plan, rules) if memo is not None else None
            last = memo.get(_FOOTER) if memo is not None else None
            if last is not None and last[0] == now:
                footer = last[1]
            else:
                footer = renderer.text(footer_blocks(plan, renderer.terms, rules)).encode("utf-8")
            f.write(footer)
        if stats is not None:
            for k, v in counts.items():
                stats[k] = stats.get(k, 0) + v
        if memo is not None:  # what this build used, for the next one
            if release is not None:  # last build's inputs: freed when the caller says
                release(dict(memo))
            memo.clear()
            memo["version"] = version
            memo["sentences"] = plan.sentences_kept()
            memo["plan"] = plan.kept_now()
            memo["rows"] = rows_kept
            memo[_FOOTER] = (now, footer)
            memo.update(seen)
        return out

    return finish


def write_fast(
    res: Any,
    path: str | os.PathLike[str],
    fmt: str = "ttl",
    *,
    base_iri: str = DEFAULT_BASE,
    store: Any = None,
    stats: dict[str, int] | None = None,
    executor: Any = None,
) -> Path:
    """Write the RDF of a :class:`~kg.resolve.Resolution` as Turtle (``ttl``) or N-Triples
    (``nt``); the statements are those of ``kg.export.rdf`` on ``build_graph(res)``.

    ``store`` (a :class:`~kg.runtime.store.PackStore`) caches the document fragments (and the
    entity blocks, by chunks of :data:`ENTITY_CHUNK`); ``stats`` receives
    ``fragments_cached`` and ``fragments_built``; ``executor`` renders missing fragments
    in other processes.
    """
    return start_fast(res, path, fmt, base_iri=base_iri, store=store, stats=stats,
                      executor=executor)()
