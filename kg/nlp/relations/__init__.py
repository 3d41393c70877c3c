"""Relations: what a sentence states between entities, each with its evidence.

The ``kg_relations`` component (:mod:`kg.nlp.components.relations`) runs
:class:`~kg.nlp.relations.extractor.Relations`, which reads ``doc._.kg.mentions`` and
writes ``doc._.kg.relations``. One module per concern:

- ``lexicon``: cue words (``ontology/lexicon/relation_triggers.tsv``, openers, posts);
- ``masking``: masked sentences (an entity = one type code + filler), clauses, the
  argument-type sets;
- ``grammar``: the compiled clause grammar (what opens a clause, objects after a verb,
  modality);
- ``sentence``: one sentence under analysis; ``state``: per-document state and the
  relations found;
- ``subject``: the subject of a verb (clause, sentence topic, carried over, document);
- ``reporter``: the government a work report speaks for (我们/全省 → it) and a
  speech's header (在<Event>上 + speaker line); ``parties``: 中方/俄方 and 古中 pairs
  of diplomatic news;
- families: ``verbs`` (trigger + object: issued, implements, initiated,
  participatesIn, hosted), ``events`` (在<Event>上致辞 → participatesIn), ``occasion``
  (在…出席X之际 → participatesIn), ``held``
  (出席 with no object after X举行/召开, and the rest of that story), ``membership``
  (X成员国A → participatesIn), ``athletes`` (我国体育健儿在X上取得… → participatesIn),
  ``coop`` (cooperatesWith), ``composition`` (partOf),
  ``posts`` (holdsPost), ``issuers`` (issued from titles and promulgation lines);
- ``extractor``: picks the sentences worth analysing and runs the families.

Every relation carries its sentence, sentence offsets, rule (``<pred>:<cue>:<how>``), a
confidence, a modality (asserted, planned, ongoing) and whether its subject is implicit.
"""

from kg.nlp.relations.extractor import Relations
from kg.nlp.relations.lexicon import Lexicon, load_lexicon, load_openers, load_posts

__all__ = ["Lexicon", "Relations", "load_lexicon", "load_openers", "load_posts"]
