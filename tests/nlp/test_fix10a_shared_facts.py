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
    import kg.nlp.components.lac_names as lac_names
    import kg.nlp.components.persons.extents as extents
    from kg.nlp.components.names import RARE_WORD_FREQ

    assert lac_names.RARE_WORD_FREQ is RARE_WORD_FREQ is extents.RARE_WORD_FREQ
    assert not hasattr(lac_names, "_RUN_ON_FREQ") and not hasattr(extents, "RARE_PIECE")
