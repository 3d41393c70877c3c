"""kgdoc keeps the per-document state in ``Doc.user_data`` under kg's own key, and
``doc._.kg`` reads and writes the same entry: one object whichever way it is reached."""

import pickle

from spacy.tokens import Doc
from spacy.vocab import Vocab

from kg.nlp.components.base import KG_STATE, KGDoc, kgdoc


def _doc(text: str) -> Doc:
    return Doc(Vocab(), words=list(text), spaces=[False] * len(text))


def test_kgdoc_is_the_extension_value():
    doc = _doc("第一条本法")
    assert doc._.kg is None
    st = kgdoc(doc, "第一条本法")
    assert doc._.kg is st and doc.user_data[KG_STATE] is st
    assert kgdoc(doc) is st


def test_kgdoc_finds_a_value_set_through_the_extension():
    doc = _doc("第二条")
    mine = KGDoc(text="第二条", norm="第二条")
    doc._.kg = mine
    assert kgdoc(doc) is mine


def test_value_survives_a_copy_of_user_data_and_a_pickle():
    doc = _doc("第三条")
    st = kgdoc(doc, "第三条")
    doc2 = _doc("第三条")
    doc2.user_data.update(doc.user_data)
    assert doc2._.kg is st and kgdoc(doc2) is st
    doc3 = pickle.loads(pickle.dumps(doc))
    assert doc3._.kg.text == "第三条"
