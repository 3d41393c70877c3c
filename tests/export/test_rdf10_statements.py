"""One statement generator (kg.export.statements) behind both adapters: the graph walk
(kg.export.rdf) and the build's fragments (kg.export.fragments, kg.export.fast)."""

from __future__ import annotations

import ast
from pathlib import Path

import networkx as nx
import pytest

from kg.export import rdf as R
from kg.export import statements as S
from kg.export.fast import write_fast
from kg.export.fragments import FragmentTerms, Plan, document_blocks
from kg.graph import build_graph
from kg.model import Document
from kg.nlp import extract
from kg.resolve import resolve

EXPORT = Path(__file__).resolve().parents[2] / "kg" / "export"
#: What an adapter may take from kg.export.terms: IRIs, not statements.
IRI_NAMES = {"IRI_OK", "iri_term", "short_hash"}
KG = "http://kg.example.org/ontology#"

# Own sentences (no corpus text): a post, a quantity, an issuing body.
TEXTS = [
    "工信部总经济师许科敏表示，2023年全国粮食产量达到6.95亿吨。",
    "国务院印发《关于加快发展现代职业教育的决定》。工信部总经济师许科敏出席会议。",
]


@pytest.fixture(scope="module")
def res():
    return resolve([extract(Document(f"d{i}", t)) for i, t in enumerate(TEXTS)])


def _terms_imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return {
        a.name
        for node in ast.walk(tree)
        if isinstance(node, ast.ImportFrom) and node.module == "kg.export.terms"
        for a in node.names
    }


@pytest.mark.parametrize("module", ["rdf.py", "fragments.py", "fast.py", "jsonld.py"])
def test_the_adapters_make_no_statement_of_their_own(module: str) -> None:
    """Predicates, classes and literals are made in statements.py and documents.py only:
    the adapters take IRI helpers from terms.py and nothing that writes a statement."""
    path = EXPORT / module
    assert _terms_imports(path) <= IRI_NAMES
    source = path.read_text(encoding="utf-8")
    for maker in ("kg_term(", "string_literal(", "int_literal(", "date_literal("):
        assert maker not in source, (module, maker)


def test_every_export_module_reads_in_one_sitting() -> None:
    for path in sorted(EXPORT.glob("*.py")):
        assert len(path.read_text(encoding="utf-8").splitlines()) <= 500, path.name


def _lines(G: nx.MultiDiGraph) -> list[str]:
    return list(R.iter_nquads(G))


def _graph_with_one_rule_twice() -> nx.MultiDiGraph:
    G = nx.MultiDiGraph()
    for key, label in (("gov/a", "甲部"), ("law/b", "乙法")):
        G.add_node(key, kind="entity", type="Ministry" if key == "gov/a" else "Law", label=label)
    for doc in ("x", "y"):
        G.add_node(f"doc/{doc}", kind="document", title=f"文件{doc}")
    ev = [
        {"doc": doc, "sent_start": i, "sent_end": i + 7, "sentence": "甲部发布乙法。",
         "rule": "r.issue", "confidence": 0.9, "modality": "asserted", "implicit": False}
        for i, doc in enumerate(("x", "y"))
    ]  # fmt: skip
    G.add_edge("gov/a", "law/b", key="issued", kind="relation", predicate="issued", evidence=ev)
    G.graph["observations"] = [
        {"doc": "y", "subject": "gov/a", "indicator": "产量", "value": 3, "rule": "r.issue"}
    ]
    return G


def test_the_walk_writes_a_rule_once_before_the_first_statement_naming_it() -> None:
    lines = _lines(_graph_with_one_rule_twice())
    typed = [i for i, ln in enumerate(lines) if f"<{KG}ExtractionRule>" in ln]
    named = [i for i, ln in enumerate(lines) if f"<{KG}rule> " in ln]
    assert len(typed) == 1 and len(named) == 3  # two pieces of evidence, one observation
    assert typed[0] < named[0]
    assert lines[typed[0]].endswith(" .\n") and lines[typed[0]].count("<") == 3  # default graph
    evidence = [ln for ln in lines if f"<{KG}Evidence>" in ln]
    assert [ln.split()[-2] for ln in evidence] == [
        "<http://kg.example.org/id/doc/x>",
        "<http://kg.example.org/id/doc/y>",
    ]


def test_the_walk_states_a_relation_in_each_graph_of_its_evidence() -> None:
    lines = _lines(_graph_with_one_rule_twice())
    triple = [ln for ln in lines if f"<{KG}issued>" in ln and "evidence/" not in ln]
    assert len(triple) == 2
    assert {ln.split()[-2] for ln in triple} == {
        "<http://kg.example.org/id/doc/x>",
        "<http://kg.example.org/id/doc/y>",
    }
    assert len(list(R.iter_ntriples(_graph_with_one_rule_twice()))) < len(lines)


def _triples(lines) -> set[str]:
    return {ln for ln in lines if ln.strip()}


def test_fragments_and_walk_write_the_same_statements(res, tmp_path: Path) -> None:
    """The two adapters over one resolution: the same N-Triples lines, posts, observations
    and rules among them."""
    fast_nt = write_fast(res, tmp_path / "g.nt", "nt").read_text(encoding="utf-8")
    walked = "".join(R.iter_ntriples(build_graph(res)))
    assert _triples(fast_nt.splitlines()) == _triples(walked.splitlines())
    for must in (f"<{KG}Post>", f"<{KG}Observation>", f"<{KG}ExtractionRule>", f"<{KG}Evidence>"):
        assert must in fast_nt, must


def test_a_fragment_is_its_families_in_document_order(res) -> None:
    plan = Plan(res, "http://x/")
    terms = FragmentTerms("http://x/")
    rules: set[str] = set()
    blocks = document_blocks(plan.doc_input("d0"), terms, rules)
    kinds = []
    for _, po in blocks:
        first = po[0][1].rsplit("#", 1)[-1].rstrip(">")
        if not kinds or kinds[-1] != first:
            kinds.append(first)
    # the document, its sentences, then mentions, examples, evidence, observations
    assert kinds[:2] == ["Document", "Sentence"]
    order = [k for k in kinds if k in ("MentionStats", "Mention", "Evidence", "Observation")]
    assert order == sorted(order, key=["MentionStats", "Mention", "Evidence", "Observation"].index)
    assert "Evidence" in order and "Observation" in order and rules


def test_duplicate_evidence_is_written_once_per_seen_set() -> None:
    t = S.BaseTerms("http://x/")
    row = ("gov/a", "issued", "law/b", 0, 7, "甲部发布乙法。", "r", 0.9, "asserted", False, None)
    seen: set[str] = set()
    assert len(S.evidence_blocks(t, "d", "<http://x/doc/d>", [row, row], seen, set())) == 1
    assert S.evidence_blocks(t, "d", "<http://x/doc/d>", [row], seen, set()) == []


def test_post_titles_keep_the_evidence_order_then_the_relations_own() -> None:
    assert S.post_titles({"主任": None, "副主任": None}, "主任") == ["主任", "副主任"]
    assert S.post_titles({"主任": None}, "部长") == ["主任", "部长"]
    assert S.post_titles({}, None) == []
