"""``kg_patterns`` builds its nominal organ finder on first use: a graph build (nominals
off) neither builds nor pickles it; the span API finds the same nominals."""

from __future__ import annotations

import pickle

from kg.fingerprint import ONTOLOGY_DIR
from kg.nlp.organs import NominalFinder
from kg.nlp.pipeline import make_nlp

TEXT = "第三条 县级以上人民政府应当加强领导，市政府和有关部门按照职责做好工作，法院依法审理。"


def test_graph_build_leaves_the_nominal_finder_unbuilt():
    nlp = make_nlp(lean=True)
    nlp(TEXT)
    patterns = nlp.get_pipe("kg_patterns")
    assert not patterns.find_nominals
    before = len(pickle.dumps(patterns))
    words = patterns.nominals.words  # built now
    assert "法院" in words
    assert len(pickle.dumps(patterns)) > before + 1_000_000


def test_nominals_as_with_the_finder_built_at_once():
    nlp = make_nlp(("kg_sentences", "kg_gazetteer", "kg_titles", "kg_patterns"))
    patterns = nlp.get_pipe("kg_patterns")
    assert patterns.find_nominals
    doc = nlp(TEXT)
    eager = NominalFinder(ONTOLOGY_DIR, patterns.organs)
    assert eager.words == patterns.nominals.words
    st = doc._.kg
    assert [(m.start, m.end, m.text) for m in st.nominal_candidates] == [
        (m.start, m.end, m.text) for m in eager.find(st)
    ]
    assert any(m.text == "法院" for m in st.nominal_candidates)
