"""The kg ontology terms as Python names, and the namespaces kg's RDF uses.

``KG`` is closed (``_fail = True``): a misspelt term raises instead of minting an IRI the
ontology does not declare. ``tests/export/test_rdf.py`` checks that the terms here and the terms
``ontology/kg.ttl`` declares are the same set.

>>> from kg.vocab import KG
>>> str(KG.issued)
'http://kg.example.org/ontology#issued'
>>> KG.isued
Traceback (most recent call last):
...
AttributeError: term 'isued' not in namespace 'http://kg.example.org/ontology#'
"""

from __future__ import annotations

from typing import Any

from kg.fingerprint import REPO_ONTOLOGY_DIR
from kg.iri import DEFAULT_BASE, ONTOLOGY_NS

#: ``ontology/kg.ttl`` and ``ontology/shapes.ttl`` in the source tree.
ONTOLOGY_DIR = REPO_ONTOLOGY_DIR
ONTOLOGY_PATH = ONTOLOGY_DIR / "kg.ttl"
SHAPES_PATH = ONTOLOGY_DIR / "shapes.ttl"


def _kg_namespace() -> Any:
    import rdflib.namespace
    from rdflib import Namespace, URIRef

    class KG(rdflib.namespace.DefinedNamespace):
        """Every class, property and datatype of ``ontology/kg.ttl``."""

        _NS = Namespace(ONTOLOGY_NS)
        _fail = True

        # entity classes
        Entity: URIRef
        Agent: URIRef
        GovernmentBody: URIRef
        Ministry: URIRef
        Organization: URIRef
        Country: URIRef
        Location: URIRef
        Person: URIRef
        Law: URIRef
        Program: URIRef
        Event: URIRef
        # other classes and datatypes
        Document: URIRef
        Evidence: URIRef
        Mention: URIRef
        MentionStats: URIRef
        Sentence: URIRef
        Observation: URIRef
        Post: URIRef
        ExtractionRule: URIRef
        ISO3166Alpha3: URIRef
        # the eight relation predicates
        holdsPost: URIRef
        issued: URIRef
        implements: URIRef
        initiated: URIRef
        participatesIn: URIRef
        hosted: URIRef
        cooperatesWith: URIRef
        partOf: URIRef
        # entity description and mentions
        key: URIRef
        isoCode: URIRef
        category: URIRef
        mentionCount: URIRef
        mentionedIn: URIRef
        entity: URIRef
        document: URIRef
        count: URIRef
        spans: URIRef
        inSentence: URIRef
        hasSentence: URIRef
        text: URIRef
        # evidence
        sentence: URIRef
        charStart: URIRef
        charEnd: URIRef
        rule: URIRef
        confidence: URIRef
        modality: URIRef
        implicit: URIRef
        post: URIRef
        # documents
        sourcePath: URIRef
        charCount: URIRef
        dateText: URIRef
        issuerName: URIRef
        documentNumber: URIRef
        indexNumber: URIRef
        issuedBy: URIRef
        instrument: URIRef
        # observations
        subject: URIRef
        indicator: URIRef
        value: URIRef
        unit: URIRef
        date: URIRef
        observationKind: URIRef
        surface: URIRef
        surfaceStart: URIRef
        surfaceEnd: URIRef

    KG.__qualname__ = "KG"
    return KG


def __getattr__(name: str) -> Any:
    """``KG`` is made on first use: importing rdflib costs ~0.1 s, and no build needs it
    (the exporters write the terms as text)."""
    if name == "KG":
        kg = globals()["KG"] = _kg_namespace()
        return kg
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


RDF_NS = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS_NS = "http://www.w3.org/2000/01/rdf-schema#"
OWL_NS = "http://www.w3.org/2002/07/owl#"
XSD_NS = "http://www.w3.org/2001/XMLSchema#"
SKOS_NS = "http://www.w3.org/2004/02/skos/core#"
DCTERMS_NS = "http://purl.org/dc/terms/"
PROV_NS = "http://www.w3.org/ns/prov#"
ORG_NS = "http://www.w3.org/ns/org#"
SCHEMA_NS = "http://schema.org/"
FOAF_NS = "http://xmlns.com/foaf/0.1/"
WIKIDATA_NS = "http://www.wikidata.org/entity/"
SH_NS = "http://www.w3.org/ns/shacl#"


#: Prefix → folder of the base for the IRIs kg mints (``gov:miit``, ``doc:004_…``).
FOLDER_PREFIXES: dict[str, str] = {
    "gov": "gov/",
    "organization": "org/",
    "country": "country/",
    "place": "place/",
    "person": "person/",
    "law": "law/",
    "program": "program/",
    "event": "event/",
    "doc": "doc/",
    "evidence": "evidence/",
    "mention": "mention/",
    "stats": "mention-stats/",
    "sent": "sentence/",
    "obs": "observation/",
    "post": "post/",
    "rule": "rule/",
}


def prefixes(base_iri: str = DEFAULT_BASE, *, folders: bool = False) -> dict[str, str]:
    """Prefix → namespace for serialisations and queries (``id`` is the entity base).

    With ``folders``, also one prefix per IRI folder (:data:`FOLDER_PREFIXES`).

    >>> prefixes()["id"]
    'http://kg.example.org/id/'
    >>> prefixes(folders=True)["gov"]
    'http://kg.example.org/id/gov/'
    """
    folder = {p: base_iri + f for p, f in FOLDER_PREFIXES.items()} if folders else {}
    return {
        "kg": ONTOLOGY_NS,
        "id": base_iri,
        "rdf": RDF_NS,
        "rdfs": RDFS_NS,
        "owl": OWL_NS,
        "xsd": XSD_NS,
        "skos": SKOS_NS,
        "dcterms": DCTERMS_NS,
        "prov": PROV_NS,
        "org": ORG_NS,
        "schema": SCHEMA_NS,
        "foaf": FOAF_NS,
        "wd": WIKIDATA_NS,
    } | folder
