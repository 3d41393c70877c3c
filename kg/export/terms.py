"""The RDF terms of kg's statements, N-Triples-encoded: IRIs (``<…>``), the vocabulary's
predicates and classes (pre-encoded once), literals (strings, numbers, booleans, dates:
Chinese, ISO and e-mail forms) and minted local names (:func:`short_hash`). Shared by
the graph walk (:mod:`kg.export.rdf`) and the fast exporter (:mod:`kg.export.fast`).

>>> print(string_literal("第一条", "zh"), int_literal("3"), date_literal("2024年5月"))
"第一条"@zh "3"^^<http://www.w3.org/2001/XMLSchema#integer> "2024-05"^^<http://www.w3.org/2001/XMLSchema#gYearMonth>
"""

from __future__ import annotations

import contextlib
import email.utils
import hashlib
import math
import re
from datetime import UTC, datetime
from decimal import Decimal, InvalidOperation
from typing import Any

from kg.iri import ONTOLOGY_NS
from kg.vocab import DCTERMS_NS, ORG_NS, OWL_NS, PROV_NS, RDF_NS, RDFS_NS, SKOS_NS, XSD_NS

__all__ = [
    "DC_CREATED",
    "DC_CREATOR",
    "DC_DATE",
    "DC_IDENTIFIER",
    "DC_ISSUED",
    "DC_PUBLISHER",
    "DC_SOURCE",
    "DC_SUBJECT",
    "DC_TITLE",
    "ESCAPES",
    "IRI_OK",
    "ISO3",
    "ISO_DT",
    "ORG_HELD_BY",
    "ORG_HOLDS",
    "ORG_POST",
    "ORG_POST_IN",
    "OWL_SAME_AS",
    "PROV_DERIVED",
    "PROV_GENERATED",
    "QID",
    "RDFS_LABEL",
    "RDF_OBJECT",
    "RDF_PREDICATE",
    "RDF_SUBJECT",
    "SKOS_ALT",
    "SKOS_NOTATION",
    "SKOS_PREF",
    "XSD_BOOLEAN",
    "XSD_DATE",
    "XSD_DATETIME",
    "XSD_DECIMAL",
    "XSD_DOUBLE",
    "XSD_GYEAR",
    "XSD_GYEARMONTH",
    "XSD_INTEGER",
    "A",
    "bool_literal",
    "date_literal",
    "int_literal",
    "iri_term",
    "kg_term",
    "number_literal",
    "short_hash",
    "string_literal",
    "typed_literal",
]


def iri_term(value: str) -> str:
    return f"<{value}>"


def kg_term(local: str) -> str:
    return f"<{ONTOLOGY_NS}{local}>"


# Predicates and classes, pre-encoded once (this module writes millions of them).
A = iri_term(RDF_NS + "type")
RDF_SUBJECT, RDF_PREDICATE, RDF_OBJECT = (
    iri_term(RDF_NS + x) for x in ("subject", "predicate", "object")
)
RDFS_LABEL = iri_term(RDFS_NS + "label")
SKOS_PREF, SKOS_ALT, SKOS_NOTATION = (
    iri_term(SKOS_NS + x) for x in ("prefLabel", "altLabel", "notation")
)
OWL_SAME_AS = iri_term(OWL_NS + "sameAs")
DC_TITLE, DC_DATE, DC_SOURCE, DC_PUBLISHER, DC_CREATOR, DC_SUBJECT, DC_IDENTIFIER = (
    iri_term(DCTERMS_NS + x)
    for x in ("title", "date", "source", "publisher", "creator", "subject", "identifier")
)
DC_CREATED, DC_ISSUED = iri_term(DCTERMS_NS + "created"), iri_term(DCTERMS_NS + "issued")
PROV_DERIVED = iri_term(PROV_NS + "wasDerivedFrom")
PROV_GENERATED = iri_term(PROV_NS + "wasGeneratedBy")
ORG_POST, ORG_HOLDS, ORG_HELD_BY, ORG_POST_IN = (
    iri_term(ORG_NS + x) for x in ("Post", "holds", "heldBy", "postIn")
)
XSD_INTEGER, XSD_DECIMAL, XSD_DOUBLE, XSD_BOOLEAN = (
    iri_term(XSD_NS + x) for x in ("integer", "decimal", "double", "boolean")
)
XSD_DATE, XSD_DATETIME, XSD_GYEARMONTH, XSD_GYEAR = (
    iri_term(XSD_NS + x) for x in ("date", "dateTime", "gYearMonth", "gYear")
)
ISO_DT = kg_term("ISO3166Alpha3")

ESCAPES = {
    ord("\\"): "\\\\",
    ord('"'): '\\"',
    ord("\n"): "\\n",
    ord("\r"): "\\r",
    ord("\t"): "\\t",
}
ESCAPES.update({c: f"\\u{c:04X}" for c in range(0x20) if c not in ESCAPES})
ESCAPES[0x7F] = "\\u007F"

# An absolute IRI the N-Triples grammar accepts (scheme, then no forbidden character).
IRI_OK = re.compile(r'^[A-Za-z][A-Za-z0-9+.\-]*:[^\x00-\x20<>"{}|^`\\]*$')
QID = re.compile(r"^Q[1-9][0-9]*$")
ISO3 = re.compile(r"^[A-Z]{3}$")


#: a character :data:`ESCAPES` changes (most strings have none: searching is ~20× cheaper
#: than ``str.translate``, which looks every character up)
_TO_ESCAPE = re.compile("[" + re.escape("".join(map(chr, ESCAPES))) + "]")


def string_literal(value: Any, lang: str | None = None) -> str:
    """A string literal (``lang`` tagged when given).

    >>> print(string_literal("第一条", "zh"), string_literal('a "b"\\n'))
    "第一条"@zh "a \\"b\\"\\n"
    """
    v = str(value)
    s = f'"{v.translate(ESCAPES)}"' if _TO_ESCAPE.search(v) else f'"{v}"'
    return f"{s}@{lang}" if lang else s


def typed_literal(lexical: str, datatype: str) -> str:
    return f'"{lexical.translate(ESCAPES)}"^^{datatype}'


def int_literal(value: Any) -> str | None:
    if value is None or isinstance(value, bool):
        return None
    try:
        return f'"{int(value)}"^^{XSD_INTEGER}'
    except (TypeError, ValueError):
        return None


def bool_literal(value: Any) -> str:
    return f'"{"true" if value else "false"}"^^{XSD_BOOLEAN}'


def number_literal(value: Any) -> str | None:
    """xsd:decimal for finite numbers (exact, no exponent), xsd:double for NaN/INF."""
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, int):
        return f'"{value}"^^{XSD_DECIMAL}'
    try:
        f = float(value)
    except (TypeError, ValueError):
        return None
    if math.isnan(f):
        return f'"NaN"^^{XSD_DOUBLE}'
    if math.isinf(f):
        return f'"{"INF" if f > 0 else "-INF"}"^^{XSD_DOUBLE}'
    try:
        d = Decimal(repr(f)) if isinstance(value, float) else Decimal(str(value))
    except InvalidOperation:
        d = Decimal(repr(f))
    text = format(d, "f")
    if "." not in text:
        text += ".0"
    return f'"{text}"^^{XSD_DECIMAL}'


_DATE_FORMS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"^(\d{4})-(\d{2})-(\d{2})$"), XSD_DATE),
    (re.compile(r"^(\d{4})-(\d{2})$"), XSD_GYEARMONTH),
    (re.compile(r"^(\d{4})$"), XSD_GYEAR),
]
_CN_DATE = re.compile(r"^(\d{4})\s*年(?:\s*(\d{1,2})\s*月(?:\s*(\d{1,2})\s*日)?)?$")
_ISO_DATETIME = re.compile(r"^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}")


def date_literal(value: Any) -> str | None:
    """The typed literal of a date string, or None when it is not a recognisable date.

    ISO forms keep their lexical value (so a malformed ``2022-13`` reaches SHACL, which
    reports it); Chinese and RFC 2822 forms are normalised.

    >>> date_literal("2022-06")
    '"2022-06"^^<http://www.w3.org/2001/XMLSchema#gYearMonth>'
    >>> date_literal("2022年7月23日")
    '"2022-07-23"^^<http://www.w3.org/2001/XMLSchema#date>'
    >>> date_literal("Sun, 24 Jul 2022 04:17:24 GMT")
    '"2022-07-24T04:17:24Z"^^<http://www.w3.org/2001/XMLSchema#dateTime>'
    >>> date_literal("去年") is None
    True
    """
    if value is None:
        return None
    s = str(value).strip()
    if not s:
        return None
    for pattern, datatype in _DATE_FORMS:
        if pattern.match(s):
            return typed_literal(s, datatype)
    m = _CN_DATE.match(s)
    if m:
        y, mo, d = m.groups()
        if d:
            return typed_literal(f"{y}-{int(mo):02d}-{int(d):02d}", XSD_DATE)
        if mo:
            return typed_literal(f"{y}-{int(mo):02d}", XSD_GYEARMONTH)
        return typed_literal(y, XSD_GYEAR)
    dt: datetime | None = None
    if _ISO_DATETIME.match(s):
        with contextlib.suppress(ValueError):
            dt = datetime.fromisoformat(s)
    else:
        with contextlib.suppress(TypeError, ValueError, IndexError):
            dt = email.utils.parsedate_to_datetime(s)
    if dt is None:
        return None
    if dt.tzinfo is not None:
        lexical = dt.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    else:
        lexical = dt.strftime("%Y-%m-%dT%H:%M:%S")
    return typed_literal(lexical, XSD_DATETIME)


def short_hash(*parts: Any) -> str:
    h = hashlib.blake2b(digest_size=8)
    h.update("\x1f".join("" if p is None else str(p) for p in parts).encode("utf-8", "replace"))
    return h.hexdigest()
