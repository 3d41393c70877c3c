"""``kg extract``: the span-level API — every entity mention of every input line.

Reads ``{"id", "text"}`` JSON lines and writes one line per input line:
``{"id": …, "entities": [{"start", "end", "text", "type", "iri", "nominal"}, …]}`` with
character offsets into the given text (end exclusive) and ``type`` the class's local name.
Nominal references to state organs (法院, 警方, 当地政府, 市教委, 税务部门) are spans too,
with ``"type": "GovernmentBody"``, ``"nominal": true`` and ``"iri": null``: they name no
one body, so they are no graph entities (``nominal=False`` leaves them out). A line
that cannot be parsed gets ``{"id": null, "entities": [], "error": "[E006] …", "code":
"E006"}`` (the catalogue's message and code, :mod:`kg.errors`) so line numbers still
correspond.
"""

from __future__ import annotations

import json
from collections import deque
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from kg.io import atomic_write
from kg.iri import DEFAULT_BASE, entity_iri
from kg.nlp.stages import ENTITY_COMPONENTS

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
    from kg.nlp.sections import sections

    nlp = get_nlp(entity_components(tagger))
    limit = nlp.max_length
    #: (offset of the piece in its text, last piece of the text?) of each piece piped
    pieces: deque[tuple[int, bool]] = deque()

    def cut(texts: Iterable[str]) -> Iterator[str]:
        # a text over the pipeline's limit goes through in sections (kg.nlp.sections)
        for text in texts:
            if len(text) <= limit:
                pieces.append((0, True))
                yield text
                continue
            spans = sections(text, limit)
            for k, (a, b) in enumerate(spans):
                pieces.append((a, k == len(spans) - 1))
                yield text[a:b]

    found: list[dict[str, Any]] = []
    for doc in nlp.pipe(cut(texts)):
        off, last = pieces.popleft()
        found += _doc_spans(doc, base_iri, nominal, off)
        if last:
            yield found
            found = []


def _doc_spans(doc: Any, base_iri: str, nominal: bool, off: int) -> list[dict[str, Any]]:
    """The spans of one piped piece, offsets shifted by ``off`` (its place in the text)."""
    st = doc._.kg
    spans = [
        {
            "start": m.start + off,
            "end": m.end + off,
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
                "start": m.start + off,
                "end": m.end + off,
                "text": m.text,
                "type": m.type,
                "iri": None,
                "nominal": True,
            }
            for m in st.nominals
        ]
        spans.sort(key=lambda s: (s["start"], s["end"]))
    return spans


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
    from kg.errors import Errors, KGError
    from kg.ingest.decode import decode_line
    from kg.ingest.names import shown
    from kg.ingest.readers import NOT_UTF8, json_error, json_kind, no_surrogates, not_an_object

    fields = [text_field] if text_field else ["text", "content"]
    source = shown(in_path)
    records: list[tuple[Any, str | None, KGError | None]] = []

    def bad(id_: Any, template: str, **why: object) -> None:  # a catalogued line error
        records.append((id_, None, KGError(template, path=source, **why)))

    with open(in_path, "rb") as fh:
        for lineno, raw in enumerate(fh, 1):
            line = decode_line(raw.removeprefix(b"\xef\xbb\xbf") if lineno == 1 else raw)
            if line is None:
                bad(None, Errors.E006, line=lineno, reason=NOT_UTF8)
                continue
            if not line.strip():
                bad(None, Errors.E006, line=lineno, reason="an empty line")
                continue
            try:  # lone surrogates could not be written out; columns count in this line
                obj = no_surrogates(json.loads(line.rstrip("\r\n")))
            except (ValueError, RecursionError) as exc:
                bad(None, Errors.E006, line=lineno, reason=json_error(exc))
                continue
            if not isinstance(obj, dict):
                bad(None, Errors.E006, line=lineno, reason=not_an_object(obj))
                continue
            text = next((obj[f] for f in fields if isinstance(obj.get(f), str)), None)
            wrong = next((f for f in fields if obj.get(f) is not None), None)
            if text is None and wrong is not None:
                kind = json_kind(obj[wrong])
                bad(obj.get("id"), Errors.E150, line=lineno, field=wrong, kind=kind)
            elif text is None:
                bad(obj.get("id"), Errors.E007, line=lineno, fields=", ".join(fields))
            else:
                records.append((obj.get("id", lineno), text, None))
    texts = [t for _, t, _ in records if t is not None]
    spans = iter(entity_spans(texts, base_iri, nominal, tagger))
    stats = {"lines": len(records), "errors": 0, "entities": 0}
    with atomic_write(out_path) as out:
        for id_, _text, err in records:
            if err is not None:
                stats["errors"] += 1
                line = {"id": id_, "entities": [], "error": str(err), "code": err.code}
                out.write(json.dumps(line, ensure_ascii=False) + "\n")
                continue
            ents = next(spans)
            stats["entities"] += len(ents)
            out.write(json.dumps({"id": id_, "entities": ents}, ensure_ascii=False) + "\n")
    return stats
