"""The pipeline's components in order, by their registered factory names: the entity
stage (what the span API runs, :mod:`kg.spans`), then the relations and document facts
(what a build runs, :mod:`kg.nlp.pipeline`). Without spaCy: cheap to import.

>>> DEFAULT_COMPONENTS[: len(ENTITY_COMPONENTS)] == ENTITY_COMPONENTS
True
>>> ENTITY_COMPONENTS[-1]
'kg_resolver'
"""

from __future__ import annotations

__all__ = ["DEFAULT_COMPONENTS", "ENTITY_COMPONENTS"]

#: the entity stage: mentions found, then resolved
ENTITY_COMPONENTS: tuple[str, ...] = (
    "kg_sentences",
    "kg_gazetteer",
    "kg_titles",
    "kg_patterns",
    "kg_persons",
    "kg_resolver",
)
#: every component of a build, in pipeline order
DEFAULT_COMPONENTS: tuple[str, ...] = (
    *ENTITY_COMPONENTS,
    "kg_relations",
    "kg_quantities",
    "kg_docfacts",
)
