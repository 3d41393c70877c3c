"""kg's spaCy components, registered by name with ``@Language.factory``.

Importing this package registers them all: ``kg_sentences``, ``kg_gazetteer``,
``kg_titles``, ``kg_patterns``, ``kg_persons``, ``kg_resolver``, ``kg_relations``,
``kg_quantities``, ``kg_docfacts``, and the optional ``kg_lac``.
"""

from kg.nlp.components import (  # noqa: F401
    base,
    docfacts,
    gazetteer_matcher,
    lac,
    patterns,
    persons,
    quantities,
    relations,
    resolver,
    sentences,
    titles,
)
