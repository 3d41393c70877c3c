"""The titles after a bare foreign name come from the foreign posts list (its rows flagged
``bare``), one place for them. Invented sentences."""

from kg.model import Document
from kg.nlp import extract
from kg.nlp.components.persons.resources import PersonResources
from kg.nlp.gazetteer import ONTOLOGY_DIR, load_gazetteer, read_lines


def test_bare_titles_are_the_flagged_foreign_posts() -> None:
    res = PersonResources.load(load_gazetteer(), ONTOLOGY_DIR)
    rows = [r.split("\t") for r in read_lines(ONTOLOGY_DIR / "lexicon" / "foreign_posts.txt")]
    flagged = {r[0] for r in rows if r[1:] == ["bare"]}
    assert {"总统", "总理", "议长", "国务卿"} <= flagged
    assert all(res.bare_titles.fullmatch(t) for t in flagged)
    assert not res.bare_titles.search("部长大使主席")  # posts that need a country before
    assert res.foreign_post.fullmatch("总统")  # still a foreign post, its flag aside


def test_a_name_before_a_bare_title_is_a_person() -> None:
    r = extract(Document("t", "会谈后，萨帕尼迪议长会见了记者。", {}))
    assert "萨帕尼迪" in {e.label for e in r.entities.values() if e.type == "Person"}
