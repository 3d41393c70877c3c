"""Stable IRIs: ``base + key`` for entities, ``base + "doc/" + id`` for documents.

Keys come from gazetteer ids (``gov/miit``) or canonical names (``law/中华人民共和国网络安全法``),
so the same entity gets the same IRI across runs and corpora. Chinese characters stay as
they are (IRIs allow them); characters an IRI forbids are percent-encoded.

>>> entity_iri("program/清朗系列专项行动")
'http://kg.example.org/id/program/清朗系列专项行动'
>>> entity_iri("event/a b<c>")
'http://kg.example.org/id/event/a%20b%3Cc%3E'
"""

from __future__ import annotations

import re

#: Namespace of the project's ontology (classes and predicates); see ontology/kg.ttl.
ONTOLOGY_NS = "http://kg.example.org/ontology#"
#: Default base of entity and document IRIs (``--base-iri`` overrides it).
DEFAULT_BASE = "http://kg.example.org/id/"

# RFC 3987 excludes these (plus controls) from IRIs; percent-encode them.
_UNSAFE = re.compile(r'[\x00-\x20<>"{}|\\^`%#?\[\]\u3000\ufeff]')


def _escape(s: str) -> str:
    return _UNSAFE.sub(lambda m: "".join(f"%{b:02X}" for b in m.group().encode("utf-8")), s)


def entity_iri(key: str, base: str = DEFAULT_BASE) -> str:
    """The IRI of the entity with ``key``."""
    return base + _escape(key)


def doc_iri(doc_id: str, base: str = DEFAULT_BASE) -> str:
    """The IRI of the document with ``doc_id``."""
    return base + "doc/" + _escape(doc_id)
