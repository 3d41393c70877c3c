"""NLP stage: one spaCy ``Chinese`` pipeline (jieba segmentation) + kg's components.

>>> from kg.model import Document
>>> r = extract(Document("d", "中国与泰国、以色列开展合作。"))
>>> sorted(m.key for m in r.mentions)
['country/CHN', 'country/ISR', 'country/THA']
"""

from __future__ import annotations

from typing import Any

from kg.model import DocResult, Document

__all__ = ["DEFAULT_COMPONENTS", "extract", "extract_many", "get_nlp", "make_nlp"]


def __getattr__(name: str) -> Any:
    # spaCy is imported only when a pipeline is needed: the main process of a parallel
    # build (resolve, graph, export) and the gazetteer loader never pay for it.
    if name in ("DEFAULT_COMPONENTS", "get_nlp", "make_nlp"):
        from kg.nlp import pipeline

        return getattr(pipeline, name)
    raise AttributeError(name)


def _result(doc: Document, sd) -> DocResult:
    st = sd._.kg
    return DocResult(
        doc_id=doc.id,
        meta=doc.meta,
        chars=len(doc.text),
        mentions=st.mentions,
        entities=st.entities,
        relations=st.relations,
        observations=st.observations,
        definitions=st.definitions,
        sentences=st.sentences,
    )


def _sectioned(nlp, doc: Document) -> DocResult:
    """A document over ``nlp.max_length`` characters, section by section
    (:mod:`kg.nlp.sections`)."""
    from kg.nlp.sections import join, sections

    parts = ((a, _result(doc, nlp(doc.text[a:b]))) for a, b in sections(doc.text, nlp.max_length))
    return join(doc.id, doc.meta, len(doc.text), parts)


def extract(doc: Document) -> DocResult:
    """Run the pipeline on one document (in sections when it is longer than the
    pipeline's ``max_length``)."""
    from kg.nlp.pipeline import get_nlp

    nlp = get_nlp(lean=True)
    if len(doc.text) > nlp.max_length:
        return _sectioned(nlp, doc)
    return _result(doc, nlp(doc.text))


def extract_many(docs: list[Document], nlp: Any = None) -> list[DocResult]:
    """Run the pipeline (default: ``get_nlp(lean=True)``) on a batch (``nlp.pipe``; long
    documents in sections)."""
    from kg.nlp.pipeline import get_nlp

    nlp = nlp if nlp is not None else get_nlp(lean=True)
    limit = nlp.max_length
    if any(len(d.text) > limit for d in docs):
        return [
            _sectioned(nlp, d) if len(d.text) > limit else _result(d, nlp(d.text)) for d in docs
        ]
    return [_result(d, sd) for d, sd in zip(docs, nlp.pipe(d.text for d in docs), strict=True)]
