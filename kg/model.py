"""The records that flow through the pipeline.

``ingest`` yields :class:`Document`; ``nlp`` turns each into a :class:`DocResult`
(mentions, relations, observations — all with character offsets into ``Document.text``);
``resolve`` merges many ``DocResult`` into one entity table; ``graph`` builds the networkx
graph; ``export`` writes it. A ``DocResult`` is plain data (``to_dict``/``from_dict``) so it
can cross process boundaries and be cached on disk by content hash.

>>> m = Mention(0, 3, "工信部", "Ministry", "gov/miit", "工业和信息化部", "gazetteer")
>>> Mention.from_dict(m.to_dict()) == m
True
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

#: The entity classes of the ontology (local names). ``Ministry`` is a subclass of
#: ``GovernmentBody``; everything else is disjoint.
ENTITY_TYPES: tuple[str, ...] = (
    "GovernmentBody",
    "Ministry",
    "Organization",
    "Country",
    "Location",
    "Person",
    "Law",
    "Program",
    "Event",
)

#: The relation predicates (local names).
PREDICATES: tuple[str, ...] = (
    "holdsPost",
    "issued",
    "implements",
    "initiated",
    "participatesIn",
    "hosted",
    "cooperatesWith",
    "partOf",
)

#: Rule of the ``issued`` relation from a document's issuer to the document's own
#: instrument (its title, or the plan it issues), evidenced by the title line.
DOCUMENT_RULE = "issued:document"
#: Rules whose ``issued`` relation names the document's own instrument: the title rule and
#: the promulgation lines under a law's title (国务院令第N号公布).
DOCUMENT_ISSUE_RULES: frozenset[str] = frozenset({DOCUMENT_RULE, "issued:header"})

#: Entity key prefix ("folder" of the IRI) for each type. A key is ``<folder>/<id>``: the
#: gazetteer id for known entities (``gov/miit``, ``country/CHN``), the canonical name for
#: the rest (``program/清朗系列专项行动``). The IRI is ``base + key``, so keys are stable.
TYPE_FOLDER: dict[str, str] = {
    "GovernmentBody": "gov",
    "Ministry": "gov",
    "Organization": "org",
    "Country": "country",
    "Location": "place",
    "Person": "person",
    "Law": "law",
    "Program": "program",
    "Event": "event",
}
#: China's key (the country gazetteer's id): the home country of the documents, whose
#: abbreviations, posts and implicit subjects read differently from a foreign country's
CHINA_KEY = "country/CHN"
#: the location gazetteer's keys of the places outside the mainland with laws and customs
#: of their own (香港, 澳门, 台湾): a law named after one is not the People's Republic's,
#: and one may be party to a trade agreement
CUSTOMS_TERRITORIES = frozenset({"place/hong-kong", "place/macao", "place/taiwan"})
#: the state's name that opens the People's Republic's own titles (中华人民共和国某某法):
#: the gazetteer keys its laws by the full title, documents often drop it; the country
#: gazetteer's full name of :data:`CHINA_KEY` (tests/core/test_prc_name.py)
PRC_NAME = "中华人民共和国"


def eval_type(type_: str) -> str:
    """The type used for scoring: ``Ministry`` counts as ``GovernmentBody``."""
    return "GovernmentBody" if type_ == "Ministry" else type_


#: Document metadata a government document's head table gives (kg.ingest.header):
#: 发文机关 (the issuing body, as written), 发文字号, 索引号, 成文日期 and 发布日期 (ISO
#: dates; ``date`` is the 发布日期 when nothing else gave one).
ISSUE_FIELDS: tuple[str, ...] = ("issuer", "number", "index_number", "created", "issued")


@dataclass(slots=True)
class Document:
    """One input document after reading and cleaning.

    ``id`` is stable across runs: the path relative to the input root without its
    extension (plus ``#<id or line>`` for a JSONL record). ``meta`` holds ``title``,
    ``date``, ``author``, ``url``, ``categories``, ``publisher``, ``source`` (the path),
    ``format`` and, for JSONL, ``line``; a government page's head table adds the
    :data:`ISSUE_FIELDS`.
    """

    id: str
    text: str
    meta: dict[str, Any] = field(default_factory=dict)


@dataclass(slots=True)
class Mention:
    """An entity mention: ``text == doc.text[start:end]`` (end exclusive)."""

    start: int
    end: int
    text: str
    type: str
    key: str
    label: str
    rule: str

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Mention:
        return cls(**d)


@dataclass(slots=True)
class Relation:
    """A relation stated by one sentence, with its evidence.

    ``subj``/``obj`` are entity keys. ``sent_start``/``sent_end`` locate the evidence
    sentence in the document text; ``modality`` is ``asserted``, ``planned`` (将, 拟, 计划)
    or ``ongoing`` (正在);
    ``implicit`` marks a subject carried over from an earlier sentence or list head.
    """

    subj: str
    pred: str
    obj: str
    sent_start: int
    sent_end: int
    sentence: str
    rule: str
    confidence: float
    modality: str = "asserted"
    implicit: bool = False
    post: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Relation:
        return cls(**d)


@dataclass(slots=True)
class Observation:
    """A quantity the text states: 截至2022年6月，中国网民规模达10.51亿."""

    subject: str | None
    indicator: str
    value: float
    unit: str
    date: str | None
    surface: str
    start: int
    end: int
    sent_start: int
    sent_end: int
    sentence: str
    rule: str
    kind: str = "level"  # level | share | growth
    #: ``>`` for 超过/突破/以上/多 (more than the value), ``~`` for 近/约/左右, else None
    qualifier: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Observation:
        return cls(**d)


@dataclass(slots=True)
class EntityInfo:
    """What one document says about one entity (merged across documents by ``resolve``)."""

    key: str
    type: str
    label: str
    aliases: list[str] = field(default_factory=list)
    count: int = 0
    #: up to a few example sentences: (sent_start, sent_end, sentence)
    examples: list[tuple[int, int, str]] = field(default_factory=list)
    #: every mention: (start, end, sent_start, sent_end), in text order
    spans: list[tuple[int, int, int, int]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["examples"] = [list(e) for e in self.examples]
        d["spans"] = [list(e) for e in self.spans]
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> EntityInfo:
        d = dict(d)
        d["examples"] = [tuple(e) for e in d.get("examples", [])]
        d["spans"] = [tuple(e) for e in d.get("spans", [])]
        return cls(**d)


@dataclass(slots=True)
class DocResult:
    """Everything extracted from one document; the unit of caching and parallelism."""

    doc_id: str
    meta: dict[str, Any]
    chars: int
    mentions: list[Mention] = field(default_factory=list)
    entities: dict[str, EntityInfo] = field(default_factory=dict)
    relations: list[Relation] = field(default_factory=list)
    observations: list[Observation] = field(default_factory=list)
    #: aliases the document defines: （以下简称《网络安全法》） → {"网络安全法": key}
    definitions: dict[str, str] = field(default_factory=dict)
    #: the text of every sentence an entity's mention is in, once, by its start offset
    #: (the sentence ends at ``start + len(text)``; ``EntityInfo.spans`` points into it)
    sentences: dict[int, str] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {
            "doc_id": self.doc_id,
            "meta": self.meta,
            "chars": self.chars,
            "mentions": [m.to_dict() for m in self.mentions],
            "entities": {k: e.to_dict() for k, e in self.entities.items()},
            "relations": [r.to_dict() for r in self.relations],
            "observations": [o.to_dict() for o in self.observations],
            "definitions": self.definitions,
            "sentences": self.sentences,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> DocResult:
        return cls(
            doc_id=d["doc_id"],
            meta=d["meta"],
            chars=d["chars"],
            mentions=[Mention.from_dict(m) for m in d["mentions"]],
            entities={k: EntityInfo.from_dict(e) for k, e in d["entities"].items()},
            relations=[Relation.from_dict(r) for r in d["relations"]],
            observations=[Observation.from_dict(o) for o in d["observations"]],
            definitions=d.get("definitions", {}),
            sentences={int(k): v for k, v in d.get("sentences", {}).items()},
        )
