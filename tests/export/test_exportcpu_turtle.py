"""The Turtle fragments' short cuts (kg.export.fragments, kg.export.turtle) write what the
long way writes, on the real pipeline's resolution of the bundled sample: minted and
sentence IRIs made in their prefixed form at once, and literals passed through without a
look-up."""

from __future__ import annotations

import re
from typing import Any

import pytest

import kg.export.fast as fast
import kg.export.turtle as turtle
from kg.build import SAMPLE_DIR
from kg.export.fragments import FragmentTerms, Plan, document_blocks, entity_blocks, entity_rows
from kg.export.terms import A
from kg.ingest import iter_documents
from kg.iri import DEFAULT_BASE
from kg.model import Document
from kg.resolve import Resolver
from kg.runtime.extract import extract_keyed

BASES = [DEFAULT_BASE, "http://ex.org/a(b)/", "urn:x:"]


@pytest.fixture(scope="module")
def parts() -> list[tuple[bytes, Any]]:
    r = Resolver()
    docs = [d for d in iter_documents([SAMPLE_DIR]) if isinstance(d, Document)]
    for _, x, _ in extract_keyed(docs):
        r.add(x)
    res = r.finish()
    plan = Plan(res, DEFAULT_BASE)
    rows = entity_rows(res)
    out: list[tuple[bytes, Any]] = [
        (b"E", rows[i : i + fast.ENTITY_CHUNK]) for i in range(0, len(rows), fast.ENTITY_CHUNK)
    ]
    out += [(b"D", plan.doc_input(d)) for d in res.documents]
    assert any(k == b"D" for k, _ in out)
    return out


def _blocks(kind: bytes, inp: Any, terms: Any) -> list[Any]:
    if kind == b"E":
        return list(entity_blocks(inp, terms))
    return document_blocks(inp, terms, set())


@pytest.mark.parametrize("base", BASES)
def test_short_minted_iris_render_as_the_full_ones(parts: Any, base: str) -> None:
    ttl = turtle.Turtle(base)
    short = ttl.minted_prefixes()
    if base == DEFAULT_BASE:  # the short cut is taken where it can be
        assert {"mention", "evidence", "sentence", "mention-stats"} <= set(short)
    long_terms, short_terms = FragmentTerms(base), FragmentTerms(base, short)
    n = 0
    for kind, inp in parts:
        expect = ttl.render(_blocks(kind, inp, long_terms))
        got = ttl.render(_blocks(kind, inp, short_terms))
        assert got == expect
        n += got.count(" .\n")
    assert n > 100


_BOOL = '"^^<http://www.w3.org/2001/XMLSchema#boolean>'
# the numbers Turtle writes bare (the old term's own patterns: xsd:integer, xsd:decimal)
_OLD_INT = re.compile(r'^"(-?[0-9]+)"\^\^<http://www\.w3\.org/2001/XMLSchema#integer>$')
_OLD_DEC = re.compile(r'^"(-?[0-9]+\.[0-9]+)"\^\^<http://www\.w3\.org/2001/XMLSchema#decimal>$')


def _old_pred(ttl: Any, term: str) -> str:
    return "a" if term == A else _old_term(ttl, term)


def _old_term(ttl: Any, term: str) -> str:
    """``Turtle.term`` before literals skipped the look-up (no memo: same results; rdf:type
    is ``a`` only as a predicate, which ``render`` writes, not ``term``)."""
    if term[0] == "<":
        return ttl._iri(term)
    if term[-1] == ">":
        m = _OLD_INT.match(term) or _OLD_DEC.match(term)
        if m:
            return m.group(1)
        if term in ('"true' + _BOOL, '"false' + _BOOL):  # (the canonical forms only)
            return term[1 : -len(_BOOL)]
        q = term.rfind("^^<")
        if q > 0:
            return term[: q + 2] + ttl._iri(term[q + 2 :])
    return term


def test_every_term_is_written_as_before(parts: Any) -> None:
    ttl = turtle.Turtle(DEFAULT_BASE)
    terms = FragmentTerms(DEFAULT_BASE)
    seen: set[str] = set()
    for kind, inp in parts:
        for s, po in _blocks(kind, inp, terms):
            seen.add(s)
            for p, o in po:
                seen.update((p, o))
    seen.update(
        [
            '"3"^^<http://www.w3.org/2001/XMLSchema#integer>',
            '"x"@zh',
            '"1.5"^^<http://www.w3.org/2001/XMLSchema#decimal>',
            '"true"^^<http://www.w3.org/2001/XMLSchema#boolean>',
            '"2024-01-02"^^<http://www.w3.org/2001/XMLSchema#date>',
            '"a>"',
            '"a"^^<urn:other>',
        ]
    )
    typed = [t for t in seen if re.match(r'^".*>$', t, re.S)]
    assert typed
    for t in sorted(seen):
        assert ttl.term(t) == _old_term(ttl, t), t
        assert ttl.term(t) == _old_term(ttl, t), t  # memoised: the same again


@pytest.mark.parametrize("base", BASES)
def test_render_writes_each_block_as_its_terms_say(parts: Any, base: str) -> None:
    """The render loop's inlined cases against the plain statement of the format."""
    ttl = turtle.Turtle(base)
    terms = FragmentTerms(base, ttl.minted_prefixes())
    for kind, inp in parts:
        blocks = _blocks(kind, inp, terms)
        expect = "".join(
            _old_term(ttl, s)
            + " "
            + " ;\n    ".join(f"{_old_pred(ttl, p)} {_old_term(ttl, o)}" for p, o in po)
            + " .\n"
            for s, po in blocks
        )
        assert ttl.render(blocks) == expect
