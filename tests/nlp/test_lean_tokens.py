"""A lean pipeline (graph builds) makes no spaCy tokens, and finds exactly what the full
pipeline finds: the components read ``doc._.kg`` alone."""

from __future__ import annotations

import pytest

from kg.model import Document
from kg.nlp import extract_many
from kg.nlp.pipeline import get_nlp

# processes, pipeline snapshots or whole builds: `make test`, not the inner loop (`make test-fast`)
pytestmark = pytest.mark.slow

TEXTS = [
    "国务院办公厅关于印发《全国森林防火规划》的通知。各省、自治区、直辖市人民政府，"
    "国务院各部委、各直属机构：经国务院同意，现将规划印发给你们，请认真贯彻执行。",
    "第一条　为了规范港口管理，根据《中华人民共和国港口法》，制定本条例。\n"
    "第二条　交通运输部会同国家发展改革委负责全国港口的规划工作。",
    "2023年，全国粮食产量达到6.95亿吨。我们与东盟各国深化合作，"
    "中国同泰国、越南签署了合作协议。商务部部长王文涛出席会议。",
    "",
]


def test_lean_docs_have_no_tokens_but_the_same_boundaries() -> None:
    lean, full = get_nlp(lean=True), get_nlp(lean=False)
    text = TEXTS[1]
    a, b = lean(text), full(text)
    assert len(a) == 0 and len(b) > 10
    assert a._.kg.text == b._.kg.text == text
    assert all((i in a._.kg.tok_starts) == (i in b._.kg.tok_starts) for i in range(len(text) + 1))
    assert all((i in a._.kg.tok_ends) == (i in b._.kg.tok_ends) for i in range(len(text) + 1))


def test_lean_results_equal_the_full_pipeline_results() -> None:
    docs = [Document(f"d{i}", t) for i, t in enumerate(TEXTS) if t]
    lean = extract_many(docs, nlp=get_nlp(lean=True))
    full = extract_many(docs, nlp=get_nlp(lean=False))
    assert [r.entities for r in lean] == [r.entities for r in full]
    assert [r.mentions for r in lean] == [r.mentions for r in full]
    assert [r.relations for r in lean] == [r.relations for r in full]
    assert [r.observations for r in lean] == [r.observations for r in full]
    assert [r.sentences for r in lean] == [r.sentences for r in full]
    assert any(r.relations for r in lean) and all(r.entities for r in lean)


def test_a_restored_lean_pipeline_makes_no_tokens(tmp_path) -> None:
    import kg.nlp.pipeline as P

    path = tmp_path / "pipeline.pkl"
    assert P.save_snapshot(get_nlp(lean=True), path)
    lean = P.restore_snapshot(path, P.DEFAULT_COMPONENTS, lean=True)
    full = P.restore_snapshot(path, P.DEFAULT_COMPONENTS, lean=False)
    assert lean is not None and full is not None
    assert len(lean(TEXTS[1])) == 0 and len(full(TEXTS[1])) > 10
