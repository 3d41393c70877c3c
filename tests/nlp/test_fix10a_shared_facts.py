"""Facts the NLP modules share, each defined once (review 10, S2)."""

from __future__ import annotations

from kg.model import CHINA_KEY
from kg.nlp.gazetteer import load_gazetteer


def test_china_key_is_the_gazetteers_china():
    gaz = load_gazetteer()
    for name in ("中国", "中华人民共和国"):
        entry = gaz.lookup(name)
        assert entry is not None and entry.id == CHINA_KEY


def test_one_rare_word_frequency_for_both_person_readers():
    import kg.nlp.components.lac_shapes as lac_shapes
    import kg.nlp.components.persons.extents as extents
    from kg.nlp.components.names import RARE_WORD_FREQ

    assert lac_shapes.RARE_WORD_FREQ is RARE_WORD_FREQ is extents.RARE_WORD_FREQ
    assert not hasattr(extents, "RARE_PIECE")


def test_the_strong_cue_scan_finds_what_the_expression_finds():
    # clause_subjects tries strong_scan only at its cue offsets: they must cover every
    # match the expression itself finds (invented sentences, names and cues)
    from kg.nlp.components.persons.resources import PersonResources
    from kg.nlp.gazetteer import ONTOLOGY_DIR
    from kg.nlp.wordscan import cued_finditer

    res = PersonResources.load(load_gazetteer(), ONTOLOGY_DIR)
    text = (
        "会上，王林表示支持。散会后，欧阳明远指出问题；随后，张晓雨表示赞同。"
        "“李一说，”赵大海指出，（钱多多表示）周五 孙立表示同意，吴表示"
    )
    expected = [m.span() for m in res.strong_scan.finditer(text)]
    assert len(expected) >= 5
    found = cued_finditer(res.strong_scan, text, res.strong_cue, res.strong_scan_cue_at)
    assert [m.span() for m in found] == expected
