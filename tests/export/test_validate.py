"""SHACL validation (kg.validate, ontology/shapes.ttl)."""

from __future__ import annotations

import copy
from pathlib import Path

import networkx as nx
import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import SKOS

from kg.errors import KGError
from kg.export import formats as F
from kg.export import rdf as R
from kg.iri import DEFAULT_BASE
from kg.validate import validate, validate_graph
from kg.vocab import KG

# processes, pipeline snapshots or whole builds: `make test`, not the inner loop (`make test-fast`)
pytestmark = pytest.mark.slow

PAPER = "004_fb18030615153122"


def _graph(G: nx.MultiDiGraph) -> Graph:
    g = Graph()
    for s, p, o, _ in R.graph_to_rdf(G).quads():
        g.add((s, p, o))
    return g


def _id(key: str) -> URIRef:
    return URIRef(DEFAULT_BASE + key)


@pytest.mark.parametrize("suffix", ["ttl", "trig", "nq", "jsonld"])
def test_graph_conforms(kg_graph, tmp_path: Path, suffix: str) -> None:
    path = F.write(kg_graph, tmp_path / f"graph.{suffix}")
    conforms, report = validate(path)
    assert conforms, report
    assert "0 violations" in report and path.name in report


def test_built_sample_conforms(built_sample_graph, tmp_path: Path) -> None:
    """The real pipeline's graph of data/sample passes the shapes too."""
    conforms, report = validate(F.write(built_sample_graph, tmp_path / "graph.ttl"))
    assert conforms, report


@pytest.fixture(scope="module")
def broken_report(sample_nx_graph) -> tuple[bool, str]:
    G = copy.deepcopy(sample_nx_graph)
    # a Law as the subject of holdsPost, with bad offsets, confidence and modality
    G.add_edge(
        "law/中华人民共和国网络安全法",
        "gov/miit",
        key="holdsPost",
        kind="relation",
        predicate="holdsPost",
        evidence=[
            {
                "doc": PAPER,
                "sent_start": 120,
                "sent_end": 80,
                "sentence": "不是一个句子",
                "rule": "test",
                "confidence": 1.5,
                "modality": "maybe",
                "implicit": False,
                "post": None,
            }
        ],
    )
    G.add_edge("program/一带一路", "country/CHN", key="hosted", kind="relation",
               predicate="hosted", evidence=[])  # fmt: skip
    G.graph["observations"][0]["date"] = "2022-13"  # a bad date
    G.graph["observations"][1]["value"] = "七十四"  # not a number: no kg:value at all
    G.add_node("event/某会", kind="entity", type="Meeting", label="某会", aliases=[])
    g = _graph(G)
    # a second @zh prefLabel
    g.add((_id("gov/miit"), SKOS.prefLabel, Literal("工信部", lang="zh")))
    # evidence whose triple is not asserted
    g.remove((_id("gov/amc"), KG.issued, None))
    conforms, report, _ = validate_graph(g)
    return conforms, report


def test_broken_graph_does_not_conform(broken_report) -> None:
    conforms, report = broken_report
    assert not conforms
    assert report.startswith("does not conform")


@pytest.mark.parametrize(
    "expected",
    [
        "an entity has exactly one @zh skos:prefLabel",
        "gov:miit",
        "the subject of holdsPost is a Person",
        "law:中华人民共和国网络安全法",
        "kg:date is a well-formed xsd:date, dateTime, gYearMonth or gYear",
        '"2022-13"^^xsd:gYearMonth',
        "kg:charStart is an integer ≥ 0 and less than kg:charEnd",
        "kg:confidence is an xsd:decimal in [0, 1]",
        "kg:modality",
        "an entity has exactly one type, one of the nine kg entity classes",
        "kg:Meeting",
        "the subject of hosted is an agent",
        "hosted points to an Event",
        "is not asserted",
        "an observation has one numeric kg:value",
    ],
)
def test_broken_graph_report_names_the_problem(broken_report, expected: str) -> None:
    assert expected in broken_report[1]


def test_ministry_counts_as_government_body(sample_nx_graph) -> None:
    """Subclass reasoning from the ontology graph: a Ministry may be holdsPost's object."""
    g = _graph(sample_nx_graph)
    assert (_id("person/许科敏"), KG.holdsPost, _id("gov/miit")) in g
    assert validate_graph(g)[0]


def test_bad_document_date(sample_nx_graph) -> None:
    G = copy.deepcopy(sample_nx_graph)
    G.nodes["doc/000_79559e53e2614f5a"]["date"] = "2022-02-30"
    conforms, report, _ = validate_graph(_graph(G))
    assert not conforms
    assert "dcterms:date" in report and "2022-02-30" in report


def test_unparsable_document_date_is_kept_as_text(sample_nx_graph) -> None:
    G = copy.deepcopy(sample_nx_graph)
    G.nodes["doc/000_79559e53e2614f5a"]["date"] = "去年七月"
    g = _graph(G)
    assert g.value(_id("doc/000_79559e53e2614f5a"), KG.dateText) == Literal("去年七月")
    assert validate_graph(g)[0]


def test_validate_errors(tmp_path: Path) -> None:
    with pytest.raises(KGError) as e:
        validate(tmp_path / "missing.ttl")
    assert e.value.code == "E010"
    bad = tmp_path / "bad.ttl"
    bad.write_text("this is not turtle", encoding="utf-8")
    with pytest.raises(KGError) as e:
        validate(bad)
    assert e.value.code == "E030" and "bad.ttl" in str(e.value)
