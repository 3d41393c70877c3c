"""A document's own statements, for both adapters of :mod:`kg.export.statements` (the
graph walk of :mod:`kg.export.rdf`, the fragments of :mod:`kg.export.fragments`): the
document node (:func:`document_block`: title, dates, source, what its head table says,
:func:`issue_statements`) and the ``kg:Sentence`` nodes of the sentences its mentions are
in, with the links to them (:func:`document_sentences`, :func:`sentence_blocks`,
:func:`sentence_links`, …).

>>> s, po = document_block("<http://x/doc/d>", "d", {"title": "某法", "chars": 9}, "某法", str)
>>> [p.rsplit("/", 1)[-1] for p, _ in po]
['22-rdf-syntax-ns#type>', 'identifier>', 'rdf-schema#label>', 'title>', 'ontology#charCount>']
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterator
from typing import Any

from kg.export.terms import (
    DC_CREATED,
    DC_CREATOR,
    DC_DATE,
    DC_IDENTIFIER,
    DC_ISSUED,
    DC_PUBLISHER,
    DC_SOURCE,
    DC_SUBJECT,
    DC_TITLE,
    IRI_OK,
    RDFS_LABEL,
    XSD_INTEGER,
    A,
    date_literal,
    int_literal,
    iri_term,
    kg_term,
    string_literal,
)
from kg.resolve.merge import sentence_starts

__all__ = [
    "K_HAS_SENTENCE",
    "K_IN_SENTENCE",
    "K_SENTENCE_CLASS",
    "K_TEXT",
    "Sentences",
    "document_block",
    "document_sentences",
    "example_sentence",
    "has_sentences",
    "issue_statements",
    "sentence_blocks",
    "sentence_id",
    "sentence_links",
]


def document_block(
    s: str, doc_id: str, d: Any, label: str, node: Callable[[str], str]
) -> tuple[str, list[tuple[str, str]]]:
    """The document node ``s`` (IRI term) of document ``doc_id``, labelled ``label``, from
    its metadata ``d`` (a resolution's ``documents[doc_id]``, a graph's document node):
    title, date, source, publisher, author, path, categories, length and
    :func:`issue_statements`. Its ``kg:hasSentence`` links are :func:`has_sentences`."""
    po: list[tuple[str, str]] = [(A, kg_term("Document")), (DC_IDENTIFIER, string_literal(doc_id))]
    title = d.get("title")
    po.append((RDFS_LABEL, string_literal(label, "zh")))
    if title:
        po.append((DC_TITLE, string_literal(title, "zh")))
    if d.get("date"):
        date = date_literal(d["date"])
        po.append((DC_DATE, date) if date else (kg_term("dateText"), string_literal(d["date"])))
    url = d.get("url")
    if url:
        url = str(url).strip()
        po.append((DC_SOURCE, iri_term(url) if IRI_OK.match(url) else string_literal(url)))
    if d.get("publisher"):
        po.append((DC_PUBLISHER, string_literal(d["publisher"])))
    if d.get("author"):
        po.append((DC_CREATOR, string_literal(d["author"])))
    if d.get("source"):
        po.append((kg_term("sourcePath"), string_literal(d["source"])))
    for cat in d.get("categories") or ():
        if cat:
            po.append((DC_SUBJECT, string_literal(cat, "zh")))
    chars = int_literal(d.get("chars"))
    if chars is not None:
        po.append((kg_term("charCount"), chars))
    po.extend(issue_statements(d, node))
    return s, po


def issue_statements(d: Any, node: Any) -> list[tuple[str, str]]:
    """(predicate, object) of what a document's head table and title say about it: its
    issuer as written, number, index number, dates, and links to the issuing bodies and
    to the instrument it is or issues (``node(key)`` gives an entity's IRI term).

    >>> for p, o in issue_statements({"number": "X发〔2001〕7号", "issued_by": ["gov/x"]}, str):
    ...     print(p.split("#")[1], o)
    documentNumber> "X发〔2001〕7号"
    issuedBy> gov/x
    """
    po: list[tuple[str, str]] = []
    if d.get("issuer"):
        po.append((kg_term("issuerName"), string_literal(d["issuer"], "zh")))
    if d.get("number"):
        po.append((kg_term("documentNumber"), string_literal(d["number"])))
    if d.get("index_number"):
        po.append((kg_term("indexNumber"), string_literal(d["index_number"])))
    for prop, name in ((DC_CREATED, "created"), (DC_ISSUED, "issued")):
        if d.get(name):
            date = date_literal(d[name])
            if date:
                po.append((prop, date))
    for key in d.get("issued_by") or ():
        po.append((kg_term("issuedBy"), node(key)))
    for key in d.get("instruments") or ():
        po.append((kg_term("instrument"), node(key)))
    return po


K_SENTENCE_CLASS, K_IN_SENTENCE, K_HAS_SENTENCE, K_TEXT = (
    kg_term(x) for x in ("Sentence", "inSentence", "hasSentence", "text")
)


#: start → (text, IRI term) of the sentences a document keeps
Sentences = dict[int, tuple[str, str]]


def document_sentences(base: str, doc_id: str, value: Any, prefix: str | None = None) -> Sentences:
    """A document node's ``sentences`` (start → text, see :mod:`kg.graph`) in text order,
    each with the IRI term of its ``kg:Sentence`` (minted once here: every link reuses it).
    Starts may be digit strings (a graph that went through JSON); anything else is left
    out. ``prefix``: the Turtle prefix of the ``sentence``
    folder (``"sentence:"``): the terms are then written with it.

    >>> t = document_sentences("http://x/", "d", {"5": "句子。", 0: "首句。", "x": "?"})
    >>> [(k, v[0], v[1][:19]) for k, v in t.items()]
    [(0, '首句。', '<http://x/sentence/'), (5, '句子。', '<http://x/sentence/')]
    """
    if not isinstance(value, dict):
        return {}
    out = {}
    for k, v in value.items():
        if isinstance(v, str) and v and (type(k) is int or (type(k) is str and k.isdigit())):
            start = int(k)
            sid = sentence_id(doc_id, start)
            out[start] = (v, prefix + sid if prefix else iri_term(f"{base}sentence/{sid}"))
    return dict(sorted(out.items()))


_B62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"


def sentence_id(doc_id: str, start: int) -> str:
    """The local name of a sentence's IRI: the 64-bit hash :func:`short_hash` takes, in
    11 base-62 digits rather than 16 hex ones (a corpus writes ~3 per sentence).

    >>> sentence_id("d", 3), len(sentence_id("laws/某法.md", 120))
    ('JWe62SplerU', 11)
    """
    h = hashlib.blake2b(f"{doc_id}\x1f{start}".encode("utf-8", "replace"), digest_size=8)
    n = int.from_bytes(h.digest(), "big")
    pairs = _B62_PAIRS
    n, a = divmod(n, 3844)
    n, b = divmod(n, 3844)
    n, c = divmod(n, 3844)
    n, d = divmod(n, 3844)
    n, e = divmod(n, 3844)
    return _B62[n] + pairs[e] + pairs[d] + pairs[c] + pairs[b] + pairs[a]


_B62_PAIRS = [x + y for x in _B62 for y in _B62]  # 62² = 3844


def sentence_blocks(sentences: Sentences) -> Iterator[tuple[str, list[tuple[str, str]]]]:
    """``(sentence, [(predicate, object)])`` of each ``kg:Sentence`` of a document, in text
    order: its text and start offset (it ends at ``kg:charStart`` + the text's length; the
    document links it, :func:`has_sentences`). Kept this small on purpose: a corpus has a
    sentence for every ~2 mentions.

    >>> [(s, po)] = sentence_blocks({3: ("甲部开会。", "<http://x/s>")})
    >>> s, [o.split("^^")[0] for _, o in po[1:]]
    ('<http://x/s>', ['"甲部开会。"@zh', '"3"'])
    """
    start_p = kg_term("charStart")
    for start, (text, iri) in sentences.items():
        po = [(A, K_SENTENCE_CLASS), (K_TEXT, string_literal(text, "zh"))]
        po.append((start_p, f'"{start}"^^{XSD_INTEGER}'))
        yield iri, po


def has_sentences(sentences: Sentences) -> list[tuple[str, str]]:
    """``kg:hasSentence`` of a document: from its side, so that the (long) document IRI is
    written once in Turtle, not once per sentence."""
    return [(K_HAS_SENTENCE, iri) for _, iri in sentences.values()]


def sentence_links(spans: str, sentences: Sentences) -> list[tuple[str, str]]:
    """``kg:inSentence`` of a ``kg:MentionStats``: each sentence its ``spans`` names that the
    document keeps, once."""
    return [
        (K_IN_SENTENCE, sentences[start][1])
        for start in sentence_starts(spans)
        if start in sentences
    ]


def example_sentence(
    start: Any, end: Any, sentence: str, sentences: Sentences
) -> list[tuple[str, str]]:
    """``(predicate, object)`` giving a kept example's (``kg:Mention``) sentence: a link to
    the document's ``kg:Sentence`` when the document keeps that sentence, so its text is
    written once; else the text and offsets themselves (a graph built before sentence
    texts were kept).

    >>> [p.split("#")[1] for p, _ in example_sentence(3, 8, "甲部开会。", {})]
    ['sentence>', 'charStart>', 'charEnd>']
    >>> example_sentence(3, 8, "甲部开会。", {3: ("甲部开会。", "<http://x/s>")})[0][1]
    '<http://x/s>'
    """
    known = sentences.get(start) if type(start) is int else None
    if known is not None and known[0] == sentence:
        return [(K_IN_SENTENCE, known[1])]
    po = [(kg_term("sentence"), string_literal(sentence, "zh"))]
    for prop, v in (("charStart", start), ("charEnd", end)):
        t = int_literal(v)
        if t is not None:
            po.append((kg_term(prop), t))
    return po
