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
    )


def extract(doc: Document) -> DocResult:
    """Run the pipeline on one document."""
    from kg.nlp.pipeline import get_nlp

    return _result(doc, get_nlp(lean=True)(doc.text))


def extract_many(docs: list[Document], nlp: Any = None) -> list[DocResult]:
    """Run the pipeline (default: ``get_nlp(lean=True)``) on a batch (``nlp.pipe``)."""
    from kg.nlp.pipeline import get_nlp

    nlp = nlp if nlp is not None else get_nlp(lean=True)
    return [_result(d, sd) for d, sd in zip(docs, nlp.pipe(d.text for d in docs), strict=True)]
