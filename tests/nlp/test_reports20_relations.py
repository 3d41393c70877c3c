"""Programmes and who carries them out in work reports (round reports20). The sentences
marked with a year are from the public-domain national work reports; the others are
invented."""

import pytest

from kg.model import Document
from kg.nlp import extract

REPORT = "政府工作报告\n现在，我代表国务院，向大会报告工作。\n"


def _edges(text: str) -> set[tuple[str, str]]:
    r = extract(Document("t", REPORT + text, {}))
    label = {m.key: m.text for m in r.mentions}
    return {(x.subj, label.get(x.obj, x.obj)) for x in r.relations if x.pred == "implements"}


def _objects(text: str) -> set[str]:
    return {o for s, o in _edges(text) if s == "gov/state-council"}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("二是抓好公立医院改革试点。", "公立医院改革试点"),  # 2011
        ("继续实行市长负责制，抓好“菜篮子”工程，稳定城乡副食品价格。", "菜篮子"),  # 1994
        # 2022
        ("加强高标准市场体系建设，抓好要素市场化配置综合改革试点。", "要素市场化配置综合改革试点"),
        ("继续抓好农村饮水安全工程，让群众喝上放心水。", "农村饮水安全工程"),
    ],
)
def test_zhuahao_a_programme_carries_it_out(text: str, name: str) -> None:
    assert any(name in o for o in _objects(text))


def test_zhuahao_a_gathering_is_still_hosted_by_its_work() -> None:
    r = extract(Document("t", REPORT + "做好并抓好第十五届全国运动会的筹办工作。", {}))
    assert "implements" not in {x.pred for x in r.relations}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("加大力度实施乡村振兴战略。", "乡村振兴战略"),
        ("发挥优势推进西部大开发。", "西部大开发"),
        ("下大力气抓好“菜篮子”工程。", "菜篮子"),
        ("强化举措推进京津冀协同发展，加快建设雄安新区。", "京津冀协同发展"),
    ],
)
def test_an_effort_phrase_before_the_verb_is_its_manner(text: str, name: str) -> None:
    assert any(name in o for o in _objects(text))


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("实施退耕还林工程、千家企业节能行动。", {"退耕还林工程", "千家企业节能行动"}),
        ("深入实施兴边富民行动、万家企业节能低碳行动和节能产品惠民工程。",
         {"兴边富民行动", "万家企业节能低碳行动", "节能产品惠民工程"}),
        ("扎实推进天然林保护工程、百家园区循环化改造行动。", {"百家园区循环化改造行动"}),
    ],
)  # fmt: skip
def test_a_campaign_listed_after_a_programme_is_the_verbs_object(text: str, names: set) -> None:
    found = _objects(text)
    assert all(any(n in o for o in found) for n in names), found


def test_a_campaign_after_a_second_verb_in_the_list_is_not_read_as_the_firsts() -> None:
    # 、推广… opens a second act; the campaign is not the first verb's list member
    assert not any("千家企业" in o for o in _objects("实施退耕还林工程、完成千家企业节能行动。"))
