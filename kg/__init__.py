"""kg: knowledge graphs from Chinese government and policy text.

The pipeline, one package a stage: ``kg.ingest`` (read and clean documents) →
``kg.nlp`` (spaCy + jieba pipeline: entities, relations, quantities) → ``kg.resolve``
(one node per real-world thing) → ``kg.graph`` (networkx) → ``kg.export`` (RDF, HTML, …).
``kg.build.build`` runs them all; ``kg.cli`` is a thin typer wrapper.
"""

__version__ = "0.1.0"
