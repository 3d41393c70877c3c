"""Programmes of work reports the rules had not seen (issues #14, #15), and the reporting
government that implements them: a strategy named as the object of an implementing verb
(实施|科技强军战略), in prose only (a statute's 实施…战略 imposes one in general terms).
Sentences of the national work reports (public domain) and invented ones."""

from __future__ import annotations

import pytest

from kg.model import Document
from kg.nlp import extract

OPENING = "政府工作报告\n现在，我代表国务院，向大会报告工作。\n"


def _run(text: str):
    res = extract(Document("t", text))
    names = {k: e.label for k, e in res.entities.items()}
    progs = {e.label for e in res.entities.values() if e.type == "Program"}
    rels = {(names.get(r.subj, r.subj), r.pred, names.get(r.obj, r.obj)) for r in res.relations}
    return progs, rels


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("实施科技强军战略，重点加强高新技术武器装备研制。", "科技强军战略"),
        ("我们坚持实施城镇化战略，积极稳妥地发展小城镇。", "城镇化战略"),
        ("制定和实施海洋发展战略，促进海洋经济发展。", "海洋发展战略"),
    ],
)  # fmt: skip
def test_strategy_after_an_implementing_verb(text: str, name: str) -> None:
    progs, rels = _run(OPENING + text)
    assert name in progs
    assert ("国务院", "implements", name) in rels


def test_no_strategy_by_verb_in_a_statute() -> None:
    law = ("某市促进条例\n第一条 为了促进发展，制定本条例。\n第二条 本市实施生态保护战略。\n"
           "第三条 鼓励企业实施技术标准战略。\n")  # fmt: skip
    progs, _ = _run(law)
    assert not {p for p in progs if p.endswith("战略")}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # the verb with its adverb is one word of jieba's (继续实施, 大力推进)
        ("继续实施文化惠民工程。", "文化惠民工程"),
        ("大力推进城区积水点整治工程，减少城市内涝。", "城区积水点整治工程"),
        # the aspect particle after the verb
        ("在沿河各乡开展了护岸林带补植工程。", "护岸林带补植工程"),
        # a one-character adverb inside the name (再|就业, 退牧|还|草)
        ("大力实施再就业工程，确保下岗职工基本生活费按时足额发放。", "再就业工程"),
        ("实施天然草原退牧还草工程，加强相关法制建设。", "天然草原退牧还草工程"),
    ],
)  # fmt: skip
def test_name_governed_by_an_implementing_verb(text: str, name: str) -> None:
    progs, rels = _run(OPENING + text)
    assert name in progs
    assert ("国务院", "implements", name) in rels


def test_keep_to_a_strategy_is_to_implement_it() -> None:
    _, rels = _run(OPENING + "出口竞争加剧，要坚持以质取胜战略，提高出口商品的档次。")
    assert ("国务院", "implements", "以质取胜战略") in rels


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # a verb of the programme's field right before its head (改善|行动计划, 赋能|专项行动)
        ("深入实施空气质量持续改善行动计划，统筹水污染防治。", "空气质量持续改善行动计划"),
        ("深入开展中小企业数字化赋能专项行动。", "中小企业数字化赋能专项行动"),
        ("持续实施学生营养改善计划，每年惠及数千万学生。", "学生营养改善计划"),
    ],
)  # fmt: skip
def test_field_verb_before_the_head(text: str, name: str) -> None:
    progs, rels = _run(OPENING + text)
    assert name in progs
    assert ("国务院", "implements", name) in rels


def test_no_name_without_an_implementing_verb() -> None:
    progs, _ = _run(OPENING + "各方要采取行动，共同改善行动计划的执行。")
    assert not {p for p in progs if p.endswith("行动计划")}


def test_a_construction_project_named_after_an_implementing_verb() -> None:
    progs, rels = _run(OPENING + "深入实施公民道德建设工程，推进社会公德建设。")
    assert "公民道德建设工程" in progs
    assert ("国务院", "implements", "公民道德建设工程") in rels
    law = ("某某条例\n第一条 为了规范管理，制定本条例。\n第二条 建设单位应当对实施监理的建设工程"
           "进行检查。\n第三条 实施建设工程监理应当遵守本条例。\n")  # fmt: skip
    assert not {p for p in _run(law)[0] if p.endswith("工程")}
