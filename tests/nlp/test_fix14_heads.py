"""A plan's own verb (提升, 深化) opens its name after any verb that draws up, issues or
carries out a plan: the verbs and the plan heads are those of ``implemented_names``, one
place for them. Invented sentences."""

from kg.model import Document
from kg.nlp import extract
from kg.nlp.components.heads.boundaries import GOVERNING_VERBS, PLAN_HEAD
from kg.nlp.components.heads.implemented_names import PLAN_HEADS, PLAN_ISSUE_VERBS


def _programs(text: str) -> set[str]:
    r = extract(Document("t", text, {}))
    return {e.label for e in r.entities.values() if e.type == "Program"}


def test_the_boundary_sets_are_derived_from_the_plan_sets() -> None:
    assert PLAN_ISSUE_VERBS <= GOVERNING_VERBS
    assert all(PLAN_HEAD.fullmatch(h) for h in PLAN_HEADS)


def test_a_plan_verb_opens_the_name_after_each_issuing_verb() -> None:
    assert "深化农村金融体制改革方案" in _programs("省政府编制深化农村金融体制改革方案。")
    assert "提升营商环境质量三年行动" in _programs("某市发布提升营商环境质量三年行动。")
    assert "深化国有企业改革工作方案" in _programs("某市出台深化国有企业改革工作方案。")
