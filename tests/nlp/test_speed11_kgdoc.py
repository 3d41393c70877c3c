"""kgdoc reads ``doc._.kg`` where spaCy keeps it (``Doc.user_data``): the same object."""

from spacy.tokens import Doc
from spacy.vocab import Vocab

from kg.nlp.components.base import KGDoc, kgdoc


def _doc(text: str) -> Doc:
    return Doc(Vocab(), words=list(text), spaces=[False] * len(text))


def test_kgdoc_is_the_extension_value():
    doc = _doc("第一条本法")
    assert doc._.kg is None
    st = kgdoc(doc, "第一条本法")
    assert doc._.kg is st  # set through spaCy, found by it
    assert kgdoc(doc) is st


def test_kgdoc_finds_a_value_set_through_spacy():
    doc = _doc("第二条")
    mine = KGDoc(text="第二条", norm="第二条")
    doc._.kg = mine
    assert kgdoc(doc) is mine  # fails when the key is not spaCy's


def test_value_survives_a_copy_of_user_data():
    doc = _doc("第三条")
    st = kgdoc(doc, "第三条")
    doc2 = _doc("第三条")
    doc2.user_data.update(doc.user_data)
    assert doc2._.kg is st and kgdoc(doc2) is st
