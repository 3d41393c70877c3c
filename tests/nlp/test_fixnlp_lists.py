"""Word lists generated from a lexicon or narrowed to a closed class (review A6): role
words before a name come from jieba's dictionary by rule (``scripts/build_roles.py``),
the heads of facilities named after a city are transport terminals only. Invented
sentences."""

from __future__ import annotations

from kg.nlp.gazetteer import ONTOLOGY_DIR, read_lines
from tests.nlp.spans import names_of


def test_role_words_are_generated_agent_nouns():
    roles = set(read_lines(ONTOLOGY_DIR / "lexicon" / "roles.txt"))
    assert {"职工", "农民", "选手", "航天员", "工程师", "律师", "厨师"} <= roles
    # no verb, description or count, no credit word
    assert not {"动员", "回家", "大家", "右手", "两者", "记者"} & roles


def test_name_after_a_role_word_of_the_lexicon():
    # 航天员 and 厨师 were not in the hand-written list; the name model alone is unsure
    assert names_of("据介绍，航天员张路将出舱作业。", "Person") == ["张路"]
    assert names_of("厨师林海做了一桌菜。", "Person") == ["林海"]


def test_a_park_named_after_a_city_is_no_facility():
    assert names_of("他们去了杭州公园散步。", "Location") == ["杭州"]
    assert names_of("我们在杭州火车站会合。", "Location") == ["杭州", "杭州火车站"]
