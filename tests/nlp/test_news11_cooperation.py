"""A stated will to cooperate whose cue comes in a later clause (round 11)."""

from kg.model import Document
from kg.nlp import extract


def _coop(text: str) -> set[tuple[str, str]]:
    r = extract(Document("t", text, {}))
    return {(x.subj, x.obj) for x in r.relations if x.pred == "cooperatesWith"}


def test_will_then_later_clause_of_cooperation() -> None:
    text = "中国愿同泰国落实好两国领导人的共识，保持密切交往，拓展农业和教育合作。"
    assert _coop(text) == {("country/CHN", "country/THA")}


def test_doing_together_then_later_cooperation() -> None:
    text = "中国愿同泰国一道用好现有机制，拓展农业和教育合作。"
    assert _coop(text) == {("country/CHN", "country/THA")}


def test_clause_of_another_subject_stops_it() -> None:
    text = "中国愿同泰国落实好两国领导人的共识，泰国愿拓展农业和教育合作。"
    assert not _coop(text)


def test_no_will_or_a_semicolon_stops_it() -> None:
    assert not _coop("中国同泰国加强沟通，拓展农业和教育合作。")
    assert not _coop("中国愿同泰国加强沟通；拓展农业和教育合作。")
