"""Programmes, round 4: names an implementing verb governs — a verb-tagged first word
after the verb opens the name, and names joined after one verb share its evidence
(invented sentences)."""

import pytest

from kg.model import Document
from kg.nlp import extract


def _labels(text: str, type_: str) -> set[str]:
    r = extract(Document("t", text))
    return {m.label for m in r.mentions if m.type == type_}


@pytest.mark.parametrize(
    "text, names",
    [
        # 知识 is a verb in jieba's dictionary: after 实施 it opens the name
        ("今年实施知识创新工程，扶持一批研究机构。", {"知识创新工程"}),
        # the second name after 和 is an object of the same verb
        ("实施农田水利提升工程和城乡供水保障工程。", {"农田水利提升工程", "城乡供水保障工程"}),
        ("启动山区道路改造工程、村庄清洁美化工程。", {"山区道路改造工程", "村庄清洁美化工程"}),
    ],
)
def test_implemented_names(text: str, names: set[str]) -> None:
    assert names <= _labels(text, "Program")


@pytest.mark.parametrize(
    "text, wrong",
    [
        # no implementing verb before the first name, so none for the second
        ("农田水利提升工程和城乡供水保障工程已经完工。", "城乡供水保障工程"),
        # a comma ends the verb's list
        ("实施农田水利提升工程，城乡供水保障工程已经完工。", "城乡供水保障工程"),
        ("要保证建设工程质量。", "保证建设工程"),
    ],
)
def test_not_implemented(text: str, wrong: str) -> None:
    assert wrong not in _labels(text, "Program")


@pytest.mark.parametrize(
    "text, name",
    [
        ("两国签署了林业与草原合作谅解备忘录、投资保护协定等文件。", "林业与草原合作谅解备忘录"),
        ("两省签订海洋环保合作备忘录。", "海洋环保合作备忘录"),
    ],
)
def test_memorandum_of_a_field(text: str, name: str) -> None:
    assert name in _labels(text, "Program")


@pytest.mark.parametrize(
    "text",
    [
        "双方签署合作谅解备忘录。",  # no field: no name
        "有关部门可以通过召开联席会议、签署合作备忘录等方式加强协作。",
        "两国此前签署的谅解备忘录已经失效。",  # a bare memorandum
    ],
)
def test_no_memorandum(text: str) -> None:
    assert not {n for n in _labels(text, "Program") if "备忘录" in n}


@pytest.mark.parametrize(
    "text, name",
    [
        ("中俄西线原油管道今年投产。", "中俄西线原油管道"),
        ("两国商定加快中泰高速铁路建设。", "中泰高速铁路"),
    ],
)
def test_joint_line(text: str, name: str) -> None:
    assert name in _labels(text, "Program")


@pytest.mark.parametrize(
    "text",
    [
        "中俄两国铁路部门举行会谈。",  # the countries' railways, no line
        "中美之间铁路运输合作不断加强。",
        "京沪铁路客流增长。",  # no country pair: a domestic line is not read here
    ],
)
def test_no_joint_line(text: str) -> None:
    assert not {n for n in _labels(text, "Program") if n.endswith(("铁路", "管道"))}


@pytest.mark.parametrize(
    "text, name",
    [
        # verbs inside the name (提升, 优化) do not cut it: it runs back to 开展
        ("开展质量标准提升引领制造业优化升级行动。", "质量标准提升引领制造业优化升级行动"),
        ("全市启动了河道水质持续改善行动。", "河道水质持续改善行动"),
    ],
)
def test_campaign_reaches_its_verb(text: str, name: str) -> None:
    assert name in _labels(text, "Program")


@pytest.mark.parametrize(
    "text, wrong",
    [
        ("开展检查的同时优化升级行动。", "检查的同时优化升级行动"),  # 的 ends the phrase
        ("组织开展全民健身活动列入工作计划。", "全民健身活动列入工作计划"),  # no 行动
    ],
)
def test_campaign_reach_stops(text: str, wrong: str) -> None:
    assert wrong not in _labels(text, "Program")


@pytest.mark.parametrize(
    "text, name",
    [
        ("各级机关深入开展党的作风建设教育实践活动。", "党的作风建设教育实践活动"),
        ("组织实施党的创新理论学习教育。", "党的创新理论学习教育"),
    ],
)
def test_party_campaign(text: str, name: str) -> None:
    assert name in _labels(text, "Program")


def test_party_campaign_needs_a_verb() -> None:
    text = "以作风建设为主要内容的党的某某路线教育实践活动取得成效。"
    assert not {n for n in _labels(text, "Program") if n.startswith("党的")}
