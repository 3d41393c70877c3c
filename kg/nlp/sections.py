"""Documents longer than the pipeline takes at once: cut into sections, joined again.

spaCy refuses a text over ``nlp.max_length`` characters (1,000,000; its ``E088``), and a
long law compilation or a year of reports is longer. :func:`sections` cuts such a text at
paragraph breaks (``\\n\\n``, what the cleaner puts between paragraphs), else after a
sentence end (。！？；…), else — a single line with no sentence end — at the limit itself;
each section is extracted alone and :func:`join` puts the results back together with
offsets into the whole text. Sentences never cross a paragraph break, so for a text with no
relation, carried subject or defined alias (以下简称…) across a cut, the result is the one
an unlimited pipeline would give; each section's spaCy ``Doc`` is freed before the next,
so memory is bounded by the section, not the document.

>>> sections("甲。\\n\\n乙乙。\\n\\n丙。", limit=8)
[(0, 7), (9, 11)]
>>> sections("一二三四五六七八九十", limit=4)
[(0, 4), (4, 8), (8, 10)]
"""

from __future__ import annotations

from collections.abc import Iterable

from kg.model import DocResult, EntityInfo, Mention, Observation, Relation
from kg.nlp.components.resolver import MAX_EXAMPLES

PARAGRAPH = "\n\n"
#: Characters after which a cut falls between sentences when no paragraph break is near.
SENTENCE_ENDS = "。！？；!?;\n"


def sections(text: str, limit: int) -> list[tuple[int, int]]:
    """``(start, end)`` of sections of ``text`` no longer than ``limit`` characters, in
    order, covering the text but for the paragraph breaks they are cut at. A cut is looked
    for in the second half of each window, so no section is shorter than ``limit // 2``
    but the last."""
    if limit < 2:
        raise ValueError(f"section limit {limit} is too small")
    spans: list[tuple[int, int]] = []
    start, n = 0, len(text)
    while n - start > limit:
        end = start + limit
        low = start + limit // 2
        cut = text.rfind(PARAGRAPH, low, end + len(PARAGRAPH))  # the section ends before it
        if cut > start:
            spans.append((start, cut))
            start = cut + len(PARAGRAPH)
            continue
        cut = max(text.rfind(c, low, end) for c in SENTENCE_ENDS)
        cut = cut + 1 if cut >= low else end
        spans.append((start, cut))
        start = cut
    if start < n:
        spans.append((start, n))
    return spans


def _shift_mention(m: Mention, off: int) -> Mention:
    return Mention(m.start + off, m.end + off, m.text, m.type, m.key, m.label, m.rule)


def _shift_relation(r: Relation, off: int) -> Relation:
    return Relation(
        r.subj, r.pred, r.obj, r.sent_start + off, r.sent_end + off, r.sentence, r.rule,
        r.confidence, r.modality, r.implicit, r.post,
    )  # fmt: skip


def _shift_observation(o: Observation, off: int) -> Observation:
    return Observation(
        o.subject, o.indicator, o.value, o.unit, o.date, o.surface, o.start + off,
        o.end + off, o.sent_start + off, o.sent_end + off, o.sentence, o.rule, o.kind,
        o.qualifier,
    )  # fmt: skip


def join(
    doc_id: str, meta: dict, chars: int, parts: Iterable[tuple[int, DocResult]]
) -> DocResult:
    """One :class:`DocResult` of the results of a document's sections, each given with its
    start offset, in text order: offsets shifted into the whole text, entity tables merged
    as the resolver builds one (first label and type, counts added, aliases and up to
    ``MAX_EXAMPLES`` examples in order, every mention span), the mention sentences of
    every section, definitions of later sections win like later
    definitions in one text."""
    out = DocResult(doc_id=doc_id, meta=meta, chars=chars)
    for off, r in parts:
        out.mentions += [_shift_mention(m, off) for m in r.mentions]
        out.relations += [_shift_relation(x, off) for x in r.relations]
        out.observations += [_shift_observation(o, off) for o in r.observations]
        out.definitions.update(r.definitions)
        for key, e in r.entities.items():
            mine = out.entities.get(key)
            if mine is None:
                mine = out.entities[key] = EntityInfo(key, e.type, e.label)
            mine.count += e.count
            mine.aliases += [a for a in e.aliases if a not in mine.aliases]
            room = MAX_EXAMPLES - len(mine.examples)
            if room > 0:
                mine.examples += [(s + off, t + off, x) for s, t, x in e.examples[:room]]
            mine.spans += [(s + off, t + off, a + off, b + off) for s, t, a, b in e.spans]
        out.sentences.update((s + off, x) for s, x in r.sentences.items())
    return out
