"""The networkx graph: the contract between ``resolve`` and every exporter.

A ``networkx.MultiDiGraph`` with two kinds of node and two kinds of edge.

Entity node — id is the entity *key* (``gov/miit``, ``country/CHN``,
``law/中华人民共和国网络安全法``, ``program/清朗系列专项行动``); attributes:

- ``kind="entity"``, ``type`` (class local name: GovernmentBody, Ministry, Organization,
  Country, Location, Person, Law, Program, Event), ``label`` (the preferred Chinese name),
  ``aliases`` (sorted list of every other name), ``iri``;
- ``wikidata`` (``Q…`` or None), ``iso`` (ISO 3166 alpha-3 or None), ``en`` (or None),
  ``category`` (or None);
- ``mentions`` (total count), ``docs`` (dict doc_id → count), ``examples`` (list of dicts
  ``{doc, start, end, sentence}``: a few sentences that mention it), ``spans`` (dict
  doc_id → every mention there as ``"start-end@sentStart-sentEnd …"``,
  :func:`kg.resolve.merge.parse_spans` reads it).

Document node — id ``doc/<doc_id>``; attributes ``kind="document"``, ``label`` (title or
doc id), ``title``, ``date``, ``author``, ``url``, ``publisher``, ``source``,
``categories`` (list), ``chars``, ``iri``; from a government page's head table ``issuer``
(发文机关 as written), ``number`` (发文字号), ``index_number`` (索引号), ``created``
(成文日期) and ``issued`` (发布日期), or None; ``issued_by`` (keys of the issuing bodies)
and ``instruments`` (keys of the Law/Program the document is or issues); ``sentences``
(dict sentence start → text: every sentence an entity's mention is in, once; the
``spans`` of the entities point into it).

Relation edge — subject key → object key, edge key = predicate; attributes
``kind="relation"``, ``predicate``, ``confidence`` (max over evidence), ``modality``
(``asserted`` when any evidence asserts it, else ``planned``), ``implicit`` (True when all
evidence is implicit), ``post`` (holdsPost title or None), ``evidence`` (list of dicts
``{doc, sent_start, sent_end, sentence, rule, confidence, modality, implicit, post}``).

Mention edge — entity key → ``doc/<doc_id>``, edge key ``mentionedIn``; attributes
``kind="mention"``, ``count``.

Graph attributes: ``base_iri``, ``observations`` (list of dicts: ``subject`` key or None,
``indicator``, ``value``, ``unit``, ``date``, ``surface``, ``kind``, ``doc``, ``start``,
``end``, ``sent_start``, ``sent_end``, ``sentence``, ``rule``), ``merge_log`` (list of
dicts ``{action, key, into, reason}``).
"""

from kg.graph.build import build_graph, entity_nodes, relation_edges

__all__ = ["build_graph", "entity_nodes", "relation_edges"]
