"""Facts the NLP modules share, each defined once (review 10, S2)."""

from __future__ import annotations

from kg.model import CHINA_KEY
from kg.nlp.gazetteer import load_gazetteer


def test_china_key_is_the_gazetteers_china():
    gaz = load_gazetteer()
    for name in ("中国", "中华人民共和国"):
        entry = gaz.lookup(name)
        assert entry is not None and entry.id == CHINA_KEY
