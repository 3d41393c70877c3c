"""``kg extract``: the span-level API — every entity mention of every input line.

Reads ``{"id", "text"}`` JSON lines and writes one line per input line:
``{"id": …, "entities": [{"start", "end", "text", "type", "iri", "nominal"}, …]}`` with
character offsets into the given text (end exclusive) and ``type`` the class's local name.
Nominal references to state organs (法院, 警方, 当地政府, 市教委, 税务部门) are spans too,
with ``"type": "GovernmentBody"``, ``"nominal": true`` and ``"iri": null``: they name no
one body, so they are no graph entities (``nominal=False`` leaves them out). A line
that cannot be parsed gets ``{"id": null, "entities": [], "error": "…"}`` so line
numbers still correspond.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from kg.io import atomic_write
from kg.iri import DEFAULT_BASE, entity_iri

ENTITY_COMPONENTS = (
    "kg_sentences",
    "kg_gazetteer",
    "kg_titles",
    "kg_patterns",
    "kg_persons",
    "kg_resolver",
)
#: optional statistical taggers: name → the component added before ``kg_resolver``
TAGGERS = {"lac": "kg_lac"}


def entity_components(tagger: str | None = None) -> tuple[str, ...]:
    """The span API's components, with the optional ``tagger`` (``"lac"``) before the
    resolver.

    >>> entity_components("lac")[-2:]
    ('kg_lac', 'kg_resolver')
    """
    if not tagger:
        return ENTITY_COMPONENTS
    if tagger not in TAGGERS:
        from kg.errors import Errors, KGError

        raise KGError(Errors.E091, name=tagger, choices=", ".join(sorted(TAGGERS)))
    return (*ENTITY_COMPONENTS[:-1], TAGGERS[tagger], ENTITY_COMPONENTS[-1])


def entity_spans(
    texts: Iterable[str],
    base_iri: str = DEFAULT_BASE,
    nominal: bool = True,
    tagger: str | None = None,
) -> Iterator[list[dict[str, Any]]]:
    """The entity mentions of each text, in text order; with ``nominal`` also the nominal
    organ references (no IRI); ``tagger="lac"`` adds the optional LAC tagger
    (:mod:`kg.nlp.components.lac`).

    >>> next(entity_spans(["工信部表示"]))[0]["type"]
    'Ministry'
    >>> [(s["text"], s["nominal"], s["iri"]) for s in next(entity_spans(["警方表示"]))]
    [('警方', True, None)]
    """
    from kg.nlp import get_nlp

    nlp = get_nlp(entity_components(tagger))
    for doc in nlp.pipe(texts):
        st = doc._.kg
        spans = [
            {
                "start": m.start,
                "end": m.end,
                "text": m.text,
                "type": m.type,
                "iri": entity_iri(m.key, base_iri),
                "nominal": False,
            }
            for m in st.mentions
        ]
        if nominal and st.nominals:
            spans += [
                {
                    "start": m.start,
                    "end": m.end,
                    "text": m.text,
                    "type": m.type,
                    "iri": None,
                    "nominal": True,
                }
                for m in st.nominals
            ]
            spans.sort(key=lambda s: (s["start"], s["end"]))
        yield spans


def extract_jsonl(
    in_path: str | Path,
    out_path: str | Path,
    text_field: str | None = None,
    base_iri: str = DEFAULT_BASE,
    nominal: bool = True,
    tagger: str | None = None,
) -> dict[str, int]:
    """Run the span API over a JSONL file; returns counts of lines, errors and entities
    (``nominal=False``: named entities only, for ``kg extract --no-nominal``; ``tagger``:
    see :func:`entity_spans`)."""
    fields = [text_field] if text_field else ["text", "content"]
    records: list[tuple[Any, str | None, str | None]] = []
    with open(in_path, encoding="utf-8-sig") as fh:
        for lineno, line in enumerate(fh, 1):
            if not line.strip():
                records.append((None, None, f"line {lineno}: empty line"))
                continue
            try:
                obj = json.loads(line)
                text = next((obj[f] for f in fields if isinstance(obj.get(f), str)), None)
                if text is None:
                    records.append(
                        (obj.get("id"), None, f"line {lineno}: no text field ({', '.join(fields)})")
                    )
                else:
                    records.append((obj.get("id", lineno), text, None))
            except (ValueError, AttributeError) as exc:
                records.append((None, None, f"line {lineno}: invalid JSON: {exc}"))
    texts = [t for _, t, _ in records if t is not None]
    spans = iter(entity_spans(texts, base_iri, nominal, tagger))
    stats = {"lines": len(records), "errors": 0, "entities": 0}
    with atomic_write(out_path) as out:
        for id_, text, err in records:
            if text is None:
                stats["errors"] += 1
                out.write(
                    json.dumps(
                        {"id": id_, "entities": [], "error": f"{in_path}: {err}"},
                        ensure_ascii=False,
                    )
                    + "\n"
                )
                continue
            ents = next(spans)
            stats["entities"] += len(ents)
            out.write(json.dumps({"id": id_, "entities": ents}, ensure_ascii=False) + "\n")
    return stats
