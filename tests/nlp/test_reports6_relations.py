"""The reporting government of a work report as the subject of its subject-less clauses
(issues #14, #15): 国家 after a causative verb opens that verb's object (推进|国家创新体系建设),
it does not take the paragraph from "we" as a pronoun subject would (各地开展…).
Invented sentences in the reports' style."""

from __future__ import annotations

from kg.model import Document
from kg.nlp import extract

OPENING = "政府工作报告\n现在，我代表国务院，向大会报告工作。\n"


def _rels(text: str) -> set[tuple[str, str, str]]:
    res = extract(Document("t", OPENING + text))
    names = {k: e.label for k, e in res.entities.items()}
    return {(names.get(r.subj, r.subj), r.pred, names.get(r.obj, r.obj)) for r in res.relations}


def test_national_object_after_a_causative_keeps_the_reporter() -> None:
    rels = _rels("推进国家创新体系建设，加强科技基础能力建设。实施知识产权战略。")
    assert any(r[:2] == ("国务院", "implements") and "知识产权战略" in r[2] for r in rels)


def test_a_pronoun_subject_still_takes_the_paragraph() -> None:
    rels = _rels("支持各地开展城乡规划试点。实施知识产权战略。")
    assert not any(r[:2] == ("国务院", "implements") and "知识产权战略" in r[2] for r in rels)


def test_an_organisation_topic_does_not_carry_in_a_report() -> None:
    rels = _rels("成都理工学院、广安美术学院加快筹建。实施知识产权战略。")
    assert any(r[:2] == ("国务院", "implements") and "知识产权战略" in r[2] for r in rels)
    assert not any(r[0].endswith("学院") and r[1] == "implements" for r in rels)


def test_a_task_list_marker_opens_the_clause() -> None:
    rels = _rels("三要进一步实施“走出去”战略。四要继续实施知识产权战略。")
    assert any(r[:2] == ("国务院", "implements") and "走出去" in r[2] for r in rels)
    assert any(r[:2] == ("国务院", "implements") and "知识产权战略" in r[2] for r in rels)


def test_the_act_as_the_object_of_ba_or_yi() -> None:
    rels = _rels("我们始终把实施可持续发展战略放在突出位置。坚持以推进城镇化战略为主线。")
    assert any(r[:2] == ("国务院", "implements") and "可持续发展" in r[2] for r in rels)
    assert ("国务院", "implements", "城镇化战略") in rels


def test_manner_adverbials_before_the_verb() -> None:
    rels = _rels("扎扎实实推进西部大开发。集中力量开展食品安全专项整治，严把市场准入关。")
    assert any(r[:2] == ("国务院", "implements") and "西部大开发" in r[2] for r in rels)
    assert ("国务院", "implements", "食品安全专项整治") in rels


def test_a_pronoun_later_in_the_paragraph_governs_its_own_sentence() -> None:
    rels = _rels("继续提高退休人员基本养老金标准。各地要切实负起责任，确保按时足额发放。"
                 "开展养老服务业综合改革试点，推进医养结合。")  # fmt: skip
    assert ("国务院", "implements", "养老服务业综合改革试点") in rels
    # one that opens the paragraph takes it (各地…。开展X: 各地 does X)
    rels = _rels("各地要切实负起责任，确保按时足额发放。开展养老服务业综合改革试点。")
    assert ("国务院", "implements", "养老服务业综合改革试点") not in rels


def test_priority_and_timing_adverbials() -> None:
    rels = _rels("优先推进西部大开发，带动沿线城市发展。")
    assert any(r[:2] == ("国务院", "implements") and "西部大开发" in r[2] for r in rels)
    rels = _rels("四、不失时机地加快实施沿海地区经济发展战略，多吸引外资。")
    assert ("国务院", "implements", "沿海地区经济发展战略") in rels
