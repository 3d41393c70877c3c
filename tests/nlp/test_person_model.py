"""Persons without a cue, found by the name model (kg.nlp.components.name_model)."""

from kg.spans import entity_spans


def persons(text: str) -> list[str]:
    return [s["text"] for s in next(entity_spans([text], nominal=False)) if s["type"] == "Person"]


def test_name_without_post_or_cue_is_found():
    assert persons("那年冬天，宋敬波带着全村人修通了山路。") == ["宋敬波"]


def test_law_words_that_open_with_a_surname_are_no_names():
    text = "由市人民政府颁发许可证，并由申请人按照规定缴纳费用。"
    assert persons(text) == []


def test_policy_words_are_no_names():
    assert persons("发展普惠金融，推进阳光化、普惠式服务。") == []


def test_by_line_is_no_person():
    assert "宋敬波" not in persons("本报记者宋敬波报道：")
